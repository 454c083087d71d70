"""Pauses measured from the audio, and pace: words per minute overall, per window, articulation.

Pauses come from the audio's energy, not from gaps between word timestamps: Whisper often
stretches a word over the silence after it, so a 2 s pause can show up as a 2.3 s word and no gap
at all. Each 25 ms frame (10 ms hop) gets its RMS level in dB; a frame is voiced when it is
clearly above the noise floor. The floor adapts: it is the quietest level in the few seconds
around the frame, kept within 10 dB of the recording's overall floor, so a fan that starts
halfway or a quieter second half does not turn speech into silence or silence into speech.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from starcoach.analysis.model import AnalysisOptions, Pace, PaceWindow, Pause, Section
from starcoach.types import SAMPLE_RATE, Word, ends_sentence

FRAME_S = 0.025
HOP_S = 0.010
SILENCE_DB = -90.0
"""Levels below this are digital silence; the floor never goes lower (avoids -inf)."""
FLOOR_WINDOW_S = 4.0
"""The adaptive floor is the quietest level within this window around each frame."""
FLOOR_DRIFT_DB = 10.0
"""How far the local floor may rise above the recording's overall floor."""
MIN_MARGIN_DB, MAX_MARGIN_DB = 6.0, 15.0
"""A voiced frame is this far above the floor: 30% of the speech-to-floor range, clipped."""
MIN_BURST_S = 0.08
"""Voiced stretches shorter than this inside a silence are clicks or breaths, not speech."""
EDGE_S = 1.0
"""Sound this close before the first word (or after the last) is taken as part of the answer."""


@dataclass(frozen=True)
class Voicing:
    """Which frames of a recording hold sound above the noise floor."""

    voiced: np.ndarray
    """One bool per frame."""
    hop_s: float = HOP_S
    frame_s: float = FRAME_S

    def time(self, frame: int) -> float:
        return frame * self.hop_s

    def runs(self) -> list[tuple[float, float]]:
        """(start, end) seconds of each voiced stretch."""
        return [(self.time(a), self.time(b - 1) + self.frame_s)
                for a, b in _runs(self.voiced, True)]

    @property
    def span(self) -> tuple[float, float] | None:
        """(start, end) of the first and last voiced frame, or None for a silent recording."""
        idx = np.flatnonzero(self.voiced)
        if idx.size == 0:
            return None
        return self.time(int(idx[0])), self.time(int(idx[-1])) + self.frame_s


def frame_levels(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """RMS level in dB (full scale 1.0) of each 25 ms frame, one every 10 ms."""
    from starcoach.audio.levels import frame_db

    return frame_db(samples, FRAME_S, HOP_S, floor_db=SILENCE_DB, rate=sample_rate)


def detect_voicing(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> Voicing:
    """Voiced frames against an adaptive noise floor (see the module docstring)."""
    db = frame_levels(samples, sample_rate)
    floor = float(np.percentile(db, 5))
    loud = float(np.percentile(db, 95))
    if loud - floor < MIN_MARGIN_DB:  # no contrast: all speech or all silence
        voiced = np.full(db.size, loud > SILENCE_DB + MIN_MARGIN_DB)
        return Voicing(voiced)
    half = max(1, int(FLOOR_WINDOW_S / HOP_S / 2))
    padded = np.pad(db, half, mode="edge")
    local = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1).min(axis=1)
    local = np.clip(local, floor, floor + FLOOR_DRIFT_DB)
    margin = float(np.clip(0.3 * (loud - floor), MIN_MARGIN_DB, MAX_MARGIN_DB))
    voiced = db > local + margin
    _drop_short_runs(voiced, True, int(round(MIN_BURST_S / HOP_S)))
    return Voicing(voiced)


def _drop_short_runs(mask: np.ndarray, value: bool, min_len: int) -> None:
    """Flip runs of ``value`` shorter than ``min_len`` frames that lie between other runs."""
    for start, end in _runs(mask, value):
        if end - start < min_len and start > 0 and end < mask.size:
            mask[start:end] = not value


def _runs(mask: np.ndarray, value: bool) -> list[tuple[int, int]]:
    """[start, end) frame ranges where mask == value."""
    m = np.concatenate(([False], mask == value, [False])).astype(np.int8)
    d = np.diff(m)
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist(),
                    strict=True))


def silences(voicing: Voicing, min_s: float) -> list[tuple[float, float]]:
    """(start, end) of silences at least ``min_s`` long between the first and last voiced frame."""
    span = voicing.span
    if span is None:
        return []
    out = []
    for start, end in _runs(voicing.voiced, False):
        if start == 0 or end >= voicing.voiced.size:
            continue  # before the first sound or after the last: not a pause
        # From the start of the first wholly quiet frame to the end of the last one.
        t0 = voicing.time(start)
        t1 = voicing.time(end - 1) + voicing.frame_s
        if t1 - t0 >= min_s:
            out.append((round(t0, 3), round(t1, 3)))
    return out


def find_pauses(voicing: Voicing, words: Sequence[Word], sections: Sequence[Section],
                options: AnalysisOptions) -> list[Pause]:
    """Silences of at least ``options.min_pause_s`` inside the answer, each placed
    between_sections, between_sentences or mid_sentence by the words around it."""
    if not words:
        return []
    last_of_section = {s.last_word for s in sections[:-1]}
    pauses = []
    for t0, t1 in silences(voicing, options.min_pause_s):
        # The word before the pause is the last one begun before the silence (its end may be
        # stretched over the silence, its start is reliable).
        before = [i for i, w in enumerate(words) if w.start < t0 + 0.1]
        if not before or before[-1] >= len(words) - 1:
            continue  # before the first word or after the last: lead-in or tail
        k = before[-1]
        if k in last_of_section:
            where = "between_sections"
        elif ends_sentence(words[k].text):
            where = "between_sentences"
        else:
            where = "mid_sentence"
        pauses.append(Pause(t0, t1, where))
    return pauses


def speech_span(words: Sequence[Word], voicing: Voicing | None) -> tuple[float, float]:
    """Start and end of speaking: the words' span, moved to where the sound starts and stops.

    Whisper stretches a first or last word over silence, and sometimes places the first word
    late; the voiced stretch that overlaps the first word (beginning at most EDGE_S before it)
    gives the real start, and likewise for the end. Sound further away (a click, a breath,
    background noise) is left out.
    """
    start, end = words[0].start, words[-1].end
    if voicing is None:
        return start, max(end, start)
    runs = voicing.runs()
    first = next((r for r in runs if r[1] > start - EDGE_S and r[0] < words[0].end), None)
    if first is not None and first[0] >= start - EDGE_S:
        start = first[0]
    last = next((r for r in reversed(runs) if r[0] < end + EDGE_S and r[1] > words[-1].start),
                None)
    if last is not None and last[1] <= end + EDGE_S:
        end = last[1]
    return start, max(end, start)


def pace(words: Sequence[Word], spoken: Sequence[int], start: float, end: float,
         pauses: Sequence[Pause], n_fillers: int, options: AnalysisOptions) -> Pace:
    """Pace over the speaking time from ``start`` to ``end`` (seconds).

    ``spoken`` holds the indices of the words that count (filled pauses are not words).
    Articulation rate leaves the pauses out of the time.
    """
    speaking = max(end - start, 1e-9)
    paused = sum(p.seconds for p in pauses if start <= p.start and p.end <= end)
    articulating = max(speaking - paused, 1e-9)
    n = len(spoken)
    return Pace(
        wpm=n / speaking * 60.0,
        articulation_wpm=n / articulating * 60.0,
        fillers_per_min=n_fillers / speaking * 60.0,
        windows=tuple(windows(words, spoken, start, end, options.pace_window_s)),
    )


def windows(words: Sequence[Word], spoken: Sequence[int], start: float, end: float,
            width: float) -> list[PaceWindow]:
    """Words per minute in consecutive windows of ``width`` seconds; a last window shorter
    than half the width is merged into the one before."""
    if end <= start or width <= 0:
        return []
    edges = list(np.arange(start, end, width)) + [end]
    if len(edges) > 2 and edges[-1] - edges[-2] < width / 2:
        del edges[-2]
    mids = [(words[i].start + words[i].end) / 2 for i in spoken]
    out = []
    for a, b in zip(edges[:-1], edges[1:], strict=False):
        last = b == edges[-1]
        n = sum(1 for m in mids if a <= m < b or (last and m == b))
        out.append(PaceWindow(float(a), float(b), n / (b - a) * 60.0))
    return out
