"""Check the model's words against the audio: drop words nobody said, restore fillers it skipped.

Whisper is a language model as much as a recogniser. Pushed with a disfluent prompt to write
"um" and "uh", it also continues the prompt where there is nothing to hear: an "Okay." after the
last word, a trailing "Uh," in the silence at the end, a run of zero-length words when a window
ends. The opposite also happens: a short "uh" in a pause between two words is left out.

Both repairs here use only the waveform's loudness and voicing, and both are conservative: a
word is dropped only when the audio gives no sign of it and the model itself was unsure or gave
it no duration; a filler is restored only for a voiced, speech-loud burst that lies wholly inside
a gap between two written words. Pure functions on numpy arrays; no model needed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from starcoach.serial import Record
from starcoach.types import SAMPLE_RATE, Word, filled_pause

FRAME_S = 0.02


@dataclass(frozen=True)
class CleanupOptions(Record):
    """Thresholds for the audio checks, with the reasons for their values."""

    noise_margin_db: float = 12.0
    """A frame is voiced when it is this far above the recording's noise floor (10th percentile)."""
    peak_range_db: float = 40.0
    """...and no more than this below the loudest frame (so a hiss never counts as speech)."""
    unsure_probability: float = 0.15
    """A trailing word the model gave less than this probability is dropped."""
    doubt_probability: float = 0.5
    """A word in silence is dropped when the model gave it less than this."""
    zero_length_s: float = 0.02
    """Words shorter than this have no audio of their own (Whisper stacks leaked words at one
    instant)."""
    gap_margin_s: float = 0.1
    """A restored filler must start this long after the previous word ends."""
    next_margin_s: float = 0.25
    """...and end this long before the next word starts: Whisper often starts a word late, so a
    voiced burst just before a word is usually its beginning (measured on the samples)."""
    min_neighbour_s: float = 0.1
    """Gaps next to a word squeezed shorter than this are skipped: the word's own sound is
    probably in the gap."""
    min_filler_s: float = 0.15
    """Shortest voiced burst restored as a filler (a click or a plosive is shorter)."""
    max_filler_s: float = 2.0
    """Longest burst restored as a filler; a drawn-out "uhhh" lasts up to about 1.5 s (mfa_um,
    mfa_uh), longer is more likely words the model dropped."""
    filler_level_db: float = 15.0
    """A restored burst must peak within this of the median level of the speech."""
    snap_s: float = 1.2
    """A mistimed model filler this close to a free voiced burst is moved onto it."""
    min_voicing: float = 0.45
    """Normalised autocorrelation at the pitch period: breaths and noise stay well below."""
    max_register_st: float = 6.0
    """A restored filler's median pitch lies within this many semitones (half an octave) of
    the speaker's own around it: a hesitation is said in one's own voice. Laughter jumps well
    above it (+15 st in the real mfa_laughter) and a shift of register leaves it (-14 st in
    mfa_registershift); the fillers restored on the corpus's tune half lay within 2.4 st."""
    register_context_s: float = 5.0
    """The speaker's pitch is taken from this much audio on each side of the burst."""


class Loudness:
    """Frame levels of one recording and which frames are voiced.

    The frames come from ``audio.levels.frame_db``, as the report's pauses do
    (``analysis.pacing.detect_voicing``), but the voiced test is its own: one threshold for the
    whole recording, 20 ms frames. Serving the transcriber with the report's adaptive detector
    was measured (2026-12-06, ``benchmarks/accuracy.py``): the corpus halves barely moved (check
    filled pauses 55.9 / 88.4 % against 55.9 / 90.5 %, STAR 81.3 against 81.2 %), but on the real
    clips it invented three filled pauses (on ``mfa_internalsil`` and ``mfa_laughter``), lost
    one "uh" of ``mfa_uhuh`` and the last words of ``fw_jfk``. So the two detectors stay."""

    def __init__(self, samples: np.ndarray, opts: CleanupOptions) -> None:
        from starcoach.audio.levels import frame_db

        self.samples = samples
        self.db = frame_db(samples, FRAME_S)
        floor = float(np.percentile(self.db, 10))
        peak = float(self.db.max())
        self.threshold = max(floor + opts.noise_margin_db, peak - opts.peak_range_db)
        self.voiced = self.db >= self.threshold
        self.speech_db = float(np.median(self.db[self.voiced])) if self.voiced.any() else peak

    def _index(self, t: float) -> int:
        return int(np.clip(round(t / FRAME_S), 0, len(self.db)))

    def any_voiced(self, start: float, end: float) -> bool:
        i0, i1 = self._index(start), self._index(end)
        return bool(self.voiced[i0 : max(i1, i0 + 1)].any())

    def first_voiced_s(self) -> float:
        idx = np.flatnonzero(self.voiced)
        return float(idx[0] * FRAME_S) if idx.size else 0.0

    def last_voiced_s(self) -> float:
        idx = np.flatnonzero(self.voiced)
        return float((idx[-1] + 1) * FRAME_S) if idx.size else 0.0

    def bursts(self, start: float, end: float) -> list[tuple[float, float]]:
        """Voiced stretches inside [start, end], bridging dips shorter than 60 ms."""
        i0, i1 = self._index(start), self._index(end)
        out: list[list[int]] = []
        for i in (int(k) for k in np.flatnonzero(self.voiced[i0:i1]) + i0):
            if out and i - out[-1][1] <= 3:
                out[-1][1] = i + 1
            else:
                out.append([i, i + 1])
        return [(a * FRAME_S, b * FRAME_S) for a, b in out]

    def peak_db(self, start: float, end: float) -> float:
        i0, i1 = self._index(start), self._index(end)
        return float(self.db[i0 : max(i1, i0 + 1)].max())


def is_filled_pause(word: Word) -> bool:
    return filled_pause(word.text) is not None


def strip_tail(
    words: list[Word], loud: Loudness, opts: CleanupOptions
) -> tuple[list[Word], list[Word]]:
    """Whisper continues its prompt after the speech ends. Strip from the end while the last
    word is unsure, is a filler or a doubtful word with no duration, covers only silence,
    starts after the voice has stopped, or is a filler over sound with no voice in it (a
    breath after the last word: in the real mfa_breaths tiny.en now and then wrote "Mhm. Mhm."
    over it, and a loop of thirty more). Returns (kept, dropped)."""
    kept, dropped = list(words), []
    while kept:
        w = kept[-1]
        zero = w.end - w.start < opts.zero_length_s
        if (
            w.probability < opts.unsure_probability
            or (zero and (is_filled_pause(w) or w.probability < opts.doubt_probability))
            or not loud.any_voiced(w.start - (0.05 if zero else 0), w.end + (0.05 if zero else 0))
            or w.start >= loud.last_voiced_s() + 0.3
            or (is_filled_pause(w) and not _has_voice(loud.samples, w.start, w.end, opts))
        ):
            dropped.append(kept.pop())
        else:
            break
    return kept, dropped[::-1]


def _has_voice(samples: np.ndarray, start: float, end: float, opts: CleanupOptions) -> bool:
    """Whether some 0.1 s of [start, end] is voiced (``voicing`` at least ``min_voicing``):
    a filled pause is a voiced vowel or hum, a breath is not. Real fillers in the real clips
    reach 0.70 to 0.90; the breath 0.37 at most."""
    step, width = int(0.05 * SAMPLE_RATE), int(0.1 * SAMPLE_RATE)
    a = int(start * SAMPLE_RATE)
    b = max(a + width, int(end * SAMPLE_RATE))
    return any(voicing(samples[i:i + width]) >= opts.min_voicing
               for i in range(a, max(a + 1, b - width + 1), step))


def collapse_stacks(words: list[Word], opts: CleanupOptions) -> tuple[list[Word], list[Word]]:
    """A run of the same filler packed tighter than one per ``min_filler_s`` cannot all have
    been said (Whisper stacks four "uh" in 0.1 s); keep as many as the run's span allows."""
    out: list[Word] = []
    dropped: list[Word] = []
    i = 0
    while i < len(words):
        j = i + 1
        if is_filled_pause(words[i]):
            while (
                j < len(words)
                and words[j].norm == words[i].norm
                and words[j].start - words[j - 1].end < 0.05
            ):
                j += 1
        run = words[i:j]
        span = run[-1].end - run[0].start
        allowed = max(1, int(span / opts.min_filler_s + 0.5))
        if len(run) > allowed:
            out.extend(run[:allowed - 1])
            last = run[allowed - 1]
            out.append(Word(last.text, last.start, run[-1].end, last.probability, last.recovered))
            dropped.extend(run[allowed:])
        else:
            out.extend(run)
        i = j
    return out, dropped


def _floating(w: Word, loud: Loudness, opts: CleanupOptions) -> bool:
    """A filler the model wrote but timed where there is nothing to hear, or shorter than any
    filled pause is said (``min_filler_s``): Whisper's word timing puts a filler at the edge of
    its sound, typically as a 0.1 s sliver at the start of the next word."""
    return is_filled_pause(w) and (
        w.end - w.start < opts.min_filler_s or not loud.any_voiced(w.start - 0.1, w.end + 0.1)
    )


def voicing(samples: np.ndarray) -> float:
    """Peak normalised autocorrelation for pitch between 70 and 400 Hz (1 = perfectly periodic)."""
    x = samples.astype(np.float64) - float(np.mean(samples))
    energy = float(np.dot(x, x))
    if len(x) < SAMPLE_RATE // 50 or energy <= 0:
        return 0.0
    lo, hi = SAMPLE_RATE // 400, SAMPLE_RATE // 70
    spec = np.fft.rfft(x, n=2 * len(x))
    ac = np.fft.irfft(spec * np.conj(spec))[: hi + 1]
    return float(ac[lo : hi + 1].max() / energy)


def _filler_text(samples: np.ndarray) -> str:
    """ "um" when the burst ends in a nasal murmur (high frequencies fade in the last third),
    else "uh". A guess; both count as filled pauses."""
    n = len(samples)
    if n < 3 * 160:
        return "uh"

    def hf_share(x: np.ndarray) -> float:
        spec = np.abs(np.fft.rfft(x)) ** 2
        freqs = np.fft.rfftfreq(len(x), 1.0 / SAMPLE_RATE)
        total = float(spec.sum()) or 1.0
        return float(spec[freqs > 800].sum()) / total

    head, tail = hf_share(samples[: int(n * 0.4)]), hf_share(samples[int(n * 0.7) :])
    return "um" if head > 0 and tail / head < 0.35 else "uh"


def recover_fillers(
    words: list[Word], loud: Loudness, opts: CleanupOptions
) -> tuple[list[Word], list[Word], list[Word]]:
    """Give every voiced burst alone in a gap between two anchored words a filler.

    A filler the model wrote but mistimed (over silence or with no duration) within
    ``snap_s`` of the burst is moved onto it; otherwise a new ``recovered`` filler is added.
    Floating fillers left over are dropped when the model was unsure of them.
    Returns (words in time order, restored, dropped).
    """
    anchored = [w for w in words if not _floating(w, loud, opts)]
    floating = [w for w in words if _floating(w, loud, opts)]
    restored: list[Word] = []
    placed: list[Word] = []
    for prev, nxt in zip(anchored, anchored[1:], strict=False):
        lo, hi = prev.end + opts.gap_margin_s, nxt.start - opts.next_margin_s
        if hi - lo < opts.min_filler_s or min(
            prev.end - prev.start, nxt.end - nxt.start
        ) < opts.min_neighbour_s:
            continue
        for b0, b1 in loud.bursts(lo, hi):
            # Bursts touching the edge of the gap may be the neighbouring word's tail.
            if b0 <= lo + 1e-6 or b1 >= hi - 1e-6:
                continue
            if not opts.min_filler_s <= b1 - b0 <= opts.max_filler_s:
                continue
            if loud.peak_db(b0, b1) < loud.speech_db - opts.filler_level_db:
                continue
            chunk = loud.samples[int(b0 * SAMPLE_RATE) : int(b1 * SAMPLE_RATE)]
            # Judge the middle 0.1 s: the edges fade in and out and pitch drifts over a long "uhh".
            mid_n = len(chunk) // 2
            v = voicing(chunk[max(0, mid_n - 800) : mid_n + 800])
            if v < opts.min_voicing:
                continue
            mid = (b0 + b1) / 2
            near = [w for w in floating if abs((w.start + w.end) / 2 - mid) <= opts.snap_s
                    and w.probability >= opts.unsure_probability]
            if near:
                w = min(near, key=lambda w: abs((w.start + w.end) / 2 - mid))
                floating.remove(w)
                placed.append(Word(w.text, round(b0, 3), round(b1, 3), w.probability))
            elif not in_own_register(loud.samples, b0, b1, opts):
                continue
            else:
                new = Word(_filler_text(chunk), round(b0, 3), round(b1, 3),
                           probability=round(v, 3), recovered=True)
                restored.append(new)
                placed.append(new)
    dropped = []
    for w in floating:
        # The model wrote it, so any voiced stretch in the same gap will do, even one that
        # runs into a neighbouring word's span (their edges are loose too).
        home = _snap_in_gap(w, anchored, placed, loud, opts)
        if home is not None:
            placed.append(Word(w.text, round(home[0], 3), round(home[1], 3), w.probability))
            continue
        silent = not loud.any_voiced(w.start - 0.1, w.end + 0.1)
        if (silent and w.probability < opts.doubt_probability) or (
            w.probability < opts.unsure_probability
        ):
            dropped.append(w)
        else:
            placed.append(w)
    merged = sorted([*anchored, *placed], key=lambda w: (w.start, w.end))
    return merged, restored, dropped


def in_own_register(samples: np.ndarray, start: float, end: float,
                    opts: CleanupOptions) -> bool:
    """Whether the voice in [start, end] is pitched like the speaker's around it (within
    ``max_register_st`` of the median over ``register_context_s`` on each side). True when
    either has no voiced frame to judge by."""
    from starcoach.audio.pitch import track

    a = max(0.0, start - opts.register_context_s)
    piece = samples[int(a * SAMPLE_RATE) : int((end + opts.register_context_s) * SAMPLE_RATE)]
    pitch = track(piece)
    around = pitch.f0_hz[~np.isnan(pitch.f0_hz)]
    inside = pitch.f0_hz[pitch.frames(start - a, end - a)]
    inside = inside[~np.isnan(inside)]
    if around.size == 0 or inside.size == 0:
        return True
    shift = 12.0 * np.log2(float(np.median(inside)) / float(np.median(around)))
    return abs(shift) <= opts.max_register_st


def _snap_in_gap(
    w: Word, anchored: list[Word], placed: list[Word], loud: Loudness, opts: CleanupOptions
) -> tuple[float, float] | None:
    """A voiced burst, free of other words, in the gap around a floating filler. A burst that
    runs on into the next word is most often that word's beginning (Whisper starts words
    late), so a free burst that stands alone is taken first; the run-on one only when there is
    none (a hesitation said straight into the word)."""
    lo = max((a.end for a in anchored if a.end <= w.start + 1e-6), default=0.0)
    nxt = min((a.start for a in anchored if a.start >= w.end - 1e-6), default=None)
    hi = lo if nxt is None else nxt
    if hi - lo < opts.min_filler_s or w.probability < opts.unsure_probability:
        return None
    mid = (w.start + w.end) / 2
    free = [
        (b0, b1) for b0, b1 in loud.bursts(lo, hi)
        if b1 - b0 >= opts.min_filler_s
        and not any(p.start < b1 and p.end > b0 for p in placed)
        and abs((b0 + b1) / 2 - mid) <= opts.snap_s
    ]
    # Runs on: ends within a frame of the next word's start, with voice going on into it.
    runs_on = nxt is not None and loud.any_voiced(hi, hi + FRAME_S)
    alone = [(b0, b1) for b0, b1 in free if not (runs_on and b1 >= hi - FRAME_S - 1e-6)]
    pick = alone or free
    return min(pick, key=lambda b: abs((b[0] + b[1]) / 2 - mid)) if pick else None


def drop_doubtful(
    words: list[Word], loud: Loudness, opts: CleanupOptions
) -> tuple[list[Word], list[Word]]:
    """A word over silence that the model itself doubted was not said."""
    kept: list[Word] = []
    dropped: list[Word] = []
    for w in words:
        silent = not loud.any_voiced(w.start - 0.1, w.end + 0.1)
        (dropped if silent and w.probability < opts.doubt_probability else kept).append(w)
    return kept, dropped


def drop_soundless_fillers(words: list[Word], opts: CleanupOptions
                           ) -> tuple[list[Word], list[Word]]:
    """Drop the filled pauses left with no sound of their own: shorter than ``zero_length_s``,
    or lying wholly inside another filled pause. What was left of the clean-up's placing: in
    the real mfa_uhum six hesitations came out as ten, three of them at one instant and one
    inside another; no answer of the corpus has either. Returns (kept, dropped)."""
    fillers = [w for w in words if is_filled_pause(w)]
    dropped = []
    for i, w in enumerate(fillers):
        # inside a longer one, or the second of two with the same span
        inside = any(o.start <= w.start and w.end <= o.end
                     and ((o.end - o.start) > (w.end - w.start) or j < i)
                     for j, o in enumerate(fillers) if j != i)
        if w.end - w.start < opts.zero_length_s or inside:
            dropped.append(w)
    gone = {id(w) for w in dropped}
    return [w for w in words if id(w) not in gone], dropped


def clean_words(
    words: list[Word], samples: np.ndarray, opts: CleanupOptions | None = None,
    loud: Loudness | None = None,
) -> tuple[list[Word], dict[str, list[str]]]:
    """Drop unspoken words, restore skipped fillers. Returns the words and a log of both.
    ``loud`` is the recording's ``Loudness`` when the caller has it already."""
    opts = opts or CleanupOptions()
    if not words or samples.size == 0:
        return words, {"dropped": [], "restored": []}
    loud = loud or Loudness(samples, opts)
    kept, dropped = strip_tail(words, loud, opts)
    kept, more = collapse_stacks(kept, opts)
    dropped += more
    kept, restored, more = recover_fillers(kept, loud, opts)
    dropped += more
    kept, more = drop_doubtful(kept, loud, opts)
    dropped += more
    kept, more = drop_soundless_fillers(kept, opts)
    dropped += more
    dropped.sort(key=lambda w: w.start)
    return kept, {
        "dropped": [f"{w.text}@{w.start:.2f}" for w in dropped],
        "restored": [f"{w.text}@{w.start:.2f}" for w in restored],
    }
