"""Which voiced stretches of a recording no transcript word covers, and how to fill them in.

The filler prompt costs whole sentences now and then: tiny.en, given it, may open a 30 s window
with a timestamp far into the window and never go back, so the first 20 s of an answer vanish
(or their text is written over later audio), or stop short of the last sentences. The audio
tells: speech-loud, voiced frames with no word anywhere near them. Those stretches are decoded
again without the prompt (``whisper.transcribe`` does that); what still yields no words is
reported as *unclear*, with its time, never dropped silently.

Pure functions on ``Loudness`` and ``Word`` lists; no model needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from starcoach.transcribe.filler_recovery import FRAME_S
from starcoach.types import Word

__all__ = ["FRAME_S", "CoverageOptions", "by_gap", "gap_around", "late_copy", "merge",
           "uncovered"]


@dataclass(frozen=True)
class CoverageOptions:
    """When a voiced stretch counts as lost, with the reasons for the values."""

    min_stretch_s: float = 1.0
    """A stretch this long with no words is decoded again: shorter ones are a filler or a
    breath, which the filler recovery handles."""
    word_margin_s: float = 0.25
    """Voiced frames this close to a word belong to it (Whisper's word edges are loose by about
    0.2 s)."""
    bridge_s: float = 0.5
    """Dips shorter than this join two voiced runs into one stretch (gaps between words)."""
    min_voiced_share: float = 0.5
    """...and at least this share of a stretch must be voiced, so that two clicks a second apart
    are not a stretch of speech."""
    redo_pad_s: float = 0.3
    """Audio added on each side of a stretch decoded again, so its first and last words are
    whole."""


def uncovered(voiced: np.ndarray, words: Sequence[Word], lo_s: float, hi_s: float,
              opts: CoverageOptions) -> list[tuple[float, float]]:
    """(start, end) of each stretch of voiced frames inside [lo_s, hi_s] that no word covers,
    ``opts.min_stretch_s`` long or more."""
    free = np.array(voiced, dtype=bool)
    n = len(free)
    free[: max(0, int(lo_s / FRAME_S))] = False
    free[min(n, int(np.ceil(hi_s / FRAME_S))):] = False
    for w in words:
        a = max(0, int((w.start - opts.word_margin_s) / FRAME_S))
        b = min(n, int(np.ceil((w.end + opts.word_margin_s) / FRAME_S)))
        free[a:b] = False
    idx = np.flatnonzero(free)
    if idx.size == 0:
        return []
    bridge = max(1, int(round(opts.bridge_s / FRAME_S)))
    out: list[tuple[float, float]] = []
    start = prev = int(idx[0])
    count = 1
    for i in (int(k) for k in idx[1:]):
        if i - prev > bridge:
            out.append(_stretch(start, prev, count, opts))
            start, count = i, 0
        prev = i
        count += 1
    out.append(_stretch(start, prev, count, opts))
    return [s for s in out if s[1] - s[0] > 0]


def _stretch(first: int, last: int, count: int, opts: CoverageOptions) -> tuple[float, float]:
    span = (last + 1 - first) * FRAME_S
    if span < opts.min_stretch_s or count * FRAME_S < opts.min_voiced_share * span:
        return (0.0, 0.0)
    return (round(first * FRAME_S, 2), round((last + 1) * FRAME_S, 2))


def gap_around(stretch: tuple[float, float], words: Sequence[Word],
               total_s: float) -> tuple[float, float]:
    """The free gap a lost stretch lies in: from the end of the last word before it to the
    start of the first word after it (the whole audio when there are none)."""
    a, b = stretch
    before = max((w.end for w in words if w.end <= a + 1e-6), default=0.0)
    after = min((w.start for w in words if w.start >= b - 1e-6), default=total_s)
    return before, after


def by_gap(stretches: Sequence[tuple[float, float]], words: Sequence[Word], total_s: float
           ) -> list[tuple[tuple[float, float], list[tuple[float, float]]]]:
    """Lost stretches grouped by the free gap they lie in, so each gap is decoded once (every
    decoding costs a 30 s window of the encoder, however short the span)."""
    groups: dict[tuple[float, float], list[tuple[float, float]]] = {}
    for s in stretches:
        groups.setdefault(gap_around(s, words, total_s), []).append(s)
    return sorted(groups.items())


def late_copy(first: Sequence[Word], redone: Sequence[Word], n: int = 4) -> bool:
    """True when the words after a lost stretch repeat ``n`` or more words in a row of what the
    stretch turned out to hold: the model wrote the stretch's text over later audio."""
    def grams(ws: Sequence[Word]) -> set[tuple[str, ...]]:
        norms = [w.norm for w in ws if w.norm]
        return {tuple(norms[i:i + n]) for i in range(len(norms) - n + 1)}

    return bool(grams(first) & grams(redone))


def merge(words: Sequence[Word], new: Sequence[Word], gap: tuple[float, float]
          ) -> list[Word]:
    """``words`` with the words of ``new`` (decoded again) whose middle lies inside ``gap``
    put in, in time order. Words of ``new`` outside the gap are the
    neighbours the first decoding has already."""
    a, b = gap
    kept = [w for w in new if a <= (w.start + w.end) / 2 <= b]
    return sorted([*words, *kept], key=lambda w: (w.start, w.end))
