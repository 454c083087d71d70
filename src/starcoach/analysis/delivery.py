"""Delivery from the audio: pitch range and variation, monotone stretches, loudness, sentence
ends that fall away and statements that end on a rise.

Pure functions of a ``PitchTrack`` (``audio/pitch.py``), the words and the STAR sections. Pitch
is in semitones from the answer's median, so a low and a high voice are judged alike. The
thresholds were set on the tune half of the development corpus, said flat and lively by
espeak-ng, and checked on the other half and on real speech: ``benchmarks/delivery.py``,
figures in ``benchmarks/results/delivery.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from starcoach.analysis.model import Delivery, Section, Span, VoiceFigures
from starcoach.audio.pitch import PitchTrack
from starcoach.types import Word, ends_sentence

WINDOW_S = 5.0
"""Pitch variation is the standard deviation inside windows this long (seconds)."""
MONOTONE_SD_ST = 1.2
"""A window (or an answer's median window) with a pitch SD under this is monotone
(semitones). Flat espeak answers measure 0.3-0.5, lively ones 2-3, real speech 1.7 and up."""
MIN_VOICED_S = 1.0
"""A window, section or answer with less voiced audio than this gets no pitch verdict."""
OUTLIER_ST = 12.0
"""Frames more than an octave from the answer's median are tracking errors, left out."""
FADE_DB = 10.0
"""A sentence's last word this far (dB) below the sentence's median word level falls away."""
RISE_ST = 4.0
"""A statement whose last word ends this many semitones above its own start ends on a rise."""
MIN_SENTENCE_WORDS = 3
"""Shorter sentences ("Thanks.") have no median to fall away from."""
CONTOUR_STEP_S = 0.1
"""The pitch line keeps one point every this many seconds."""


def measure(track: PitchTrack, words: Sequence[Word], sections: Sequence[Section],
            start: float, end: float) -> Delivery | None:
    """The delivery of the answer spoken from ``start`` to ``end`` (seconds), or None when
    fewer than ``MIN_VOICED_S`` of it are voiced (silence, a very short take)."""
    st = semitones(track)
    part = st[track.frames(start, end)]
    if np.count_nonzero(~np.isnan(part)) * track.hop_s < MIN_VOICED_S:
        return None
    answer = figures(track, st, start, end, "answer")
    if answer is None:
        return None
    judged = [f for s in sections if (f := figures(track, st, s.start, s.end, s.label))]
    return Delivery(
        answer=answer,
        sections=tuple(judged),
        monotone=tuple(monotone_stretches(track, st, start, end)),
        fading_ends=tuple(fading_ends(track, words)),
        rising_ends=tuple(rising_ends(track, st, words)),
        contour=contour(track, st, start, end),
    )


def semitones(track: PitchTrack) -> np.ndarray:
    """Pitch in semitones from the median voiced pitch; NaN where unvoiced or an outlier."""
    f0 = track.f0_hz
    voiced = f0[~np.isnan(f0)]
    if voiced.size == 0:
        return np.full(f0.size, np.nan)
    st = 12.0 * np.log2(f0 / float(np.median(voiced)))
    st[np.abs(st) > OUTLIER_ST] = np.nan
    return st


def window_sds(track: PitchTrack, st: np.ndarray, start: float, end: float
               ) -> list[tuple[float, float, float | None]]:
    """(start, end, pitch SD or None) of back-to-back windows over [start, end); a stretch
    shorter than one window is one window, and a last piece under half a window joins the one
    before."""
    edges = list(np.arange(start, end, WINDOW_S)) + [end]
    if len(edges) > 2 and edges[-1] - edges[-2] < WINDOW_S / 2:
        del edges[-2]
    out: list[tuple[float, float, float | None]] = []
    for a, b in zip(edges, edges[1:], strict=False):
        vals = st[track.frames(a, b)]
        vals = vals[~np.isnan(vals)]
        sd = float(np.std(vals)) if vals.size * track.hop_s >= MIN_VOICED_S else None
        out.append((float(a), float(b), sd))
    return out


def figures(track: PitchTrack, st: np.ndarray, start: float, end: float, label: str
            ) -> VoiceFigures | None:
    """Range, variation, verdict and level of one stretch, or None if too little is voiced."""
    sds = [sd for _, _, sd in window_sds(track, st, start, end) if sd is not None]
    frames = track.frames(start, end)
    vals = st[frames]
    voiced = ~np.isnan(vals)
    if not sds or not voiced.any():
        return None
    variation = float(np.median(sds))
    lo, hi = np.percentile(vals[voiced], [5, 95])
    return VoiceFigures(range_st=float(hi - lo), variation_st=variation,
                        monotone=variation < MONOTONE_SD_ST,
                        level_db=float(np.median(track.level_db[frames][voiced])), label=label)


def monotone_stretches(track: PitchTrack, st: np.ndarray, start: float, end: float
                       ) -> list[Span]:
    """Runs of monotone windows, merged; ``value`` is the run's highest window SD."""
    out: list[Span] = []
    for a, b, sd in window_sds(track, st, start, end):
        if sd is None or sd >= MONOTONE_SD_ST:
            continue
        if out and abs(out[-1].end - a) < 1e-6:
            out[-1] = Span(out[-1].start, b, max(out[-1].value, sd))
        else:
            out.append(Span(a, b, sd))
    return out


def sentences(words: Sequence[Word]) -> list[tuple[int, int]]:
    """(first, last) word index of each sentence."""
    out, first = [], 0
    for i, w in enumerate(words):
        if ends_sentence(w.text) or i == len(words) - 1:
            out.append((first, i))
            first = i + 1
    return out


def _word_level(track: PitchTrack, w: Word) -> float | None:
    """A word's loudness: the 90th percentile of the levels of its voiced frames (its vowels:
    the silence a loose timestamp takes in and a closing "s" or "t" do not count), or None
    when none of it is voiced."""
    frames = track.frames(w.start, w.end)
    levels = track.level_db[frames][~np.isnan(track.f0_hz[frames])]
    return float(np.percentile(levels, 90)) if levels.size else None


def fading_ends(track: PitchTrack, words: Sequence[Word]) -> list[Span]:
    """Sentences whose last word is ``FADE_DB`` or more below the sentence's median word.
    A last word with no voiced frame is skipped: its timestamp may hold only its consonants."""
    out = []
    for first, last in sentences(words):
        if last - first + 1 < MIN_SENTENCE_WORDS:
            continue
        levels = [_word_level(track, words[i]) for i in range(first, last)]
        known = [v for v in levels if v is not None]
        end = _word_level(track, words[last])
        if end is None or len(known) < MIN_SENTENCE_WORDS - 1:
            continue
        drop = float(np.median(known)) - end
        if drop >= FADE_DB:
            out.append(Span(words[last].start, words[last].end, drop, last))
    return out


def rising_ends(track: PitchTrack, st: np.ndarray, words: Sequence[Word]) -> list[Span]:
    """Statements (ending in "." or "!", or unpunctuated) whose last word ends ``RISE_ST``
    or more above where it starts: the voice asks a question the words do not."""
    out = []
    for first, last in sentences(words):
        w = words[last]
        if w.text.rstrip("\"')]\u201d\u2019").endswith("?") or last - first + 1 < 2:
            continue
        vals = st[track.frames(w.start, w.end)]
        vals = vals[~np.isnan(vals)]
        if vals.size < 6:
            continue
        k = max(3, vals.size // 4)
        rise = float(np.median(vals[-k:]) - np.min(vals[:-k]))
        if rise >= RISE_ST:
            out.append(Span(w.start, w.end, rise, last))
    return out


def contour(track: PitchTrack, st: np.ndarray, start: float, end: float
            ) -> tuple[tuple[float, float | None], ...]:
    """The pitch line: the median semitone value of each ``CONTOUR_STEP_S`` step."""
    out: list[tuple[float, float | None]] = []
    for t in np.arange(start, end, CONTOUR_STEP_S):
        vals = st[track.frames(t, t + CONTOUR_STEP_S)]
        vals = vals[~np.isnan(vals)]
        out.append((float(t), float(np.median(vals)) if vals.size >= 3 else None))
    return tuple(out)
