"""The live cue: at most one short line while the take runs, only when something needs it.

Coaching studies found one short cue more helpful than a dashboard of live figures, so the
panel shows at most one line, and nothing when all is well. The rules, in the order they win
when several hold at once:

1. **Target reached**: the take has reached the top of the target length (2:30): land the
   result and stop.
2. **No action yet**: four fifths of the target have passed (2:00 of 2:30) and no sentence
   transcribed so far reads as action or result, judged sentence by sentence on the STAR cue
   phrases alone (the report's position prior would find an action in any long answer),
   once the transcript covers at least half the take.
3. **Fast**: the words per minute of the last ``PACE_WINDOW_S`` seconds, estimated from the
   audio (``audio.rate``: the transcript trails the speaker by half a minute), are over the
   top of the pace band by more than ``PACE_MARGIN_WPM``.
4. **Filler burst**: ``FILLER_BURST`` fillers (um, uh, like, you know...) within
   ``FILLER_BURST_S`` seconds of the transcript. The transcript trails the speaker, so the cue
   says where the burst was; a burst more than ``STALE_S`` old (a worker catching up) is not
   shown.

A cue stays ``HOLD_S`` seconds, unless a rule ranked before it holds (the target reached
replaces "no action yet"); the same kind of cue is not shown again for ``QUIET_S`` seconds
after it ends, and a burst, the missing action and the target are cued once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from starcoach.analysis.fillers import find_fillers
from starcoach.analysis.model import AnalysisOptions
from starcoach.analysis.star import STAR_LABELS, sentence_scores, split_sentences
from starcoach.types import Word, clock

PACE_WINDOW_S = 15.0
PACE_MARGIN_WPM = 5.0
"""The estimate errs by about 10 words a minute (benchmarks/cues.py): 5 over the band kept
nine in ten fast cues right on the tune half (at the band itself, eight in ten)."""
FILLER_BURST = 4
FILLER_BURST_S = 15.0
"""Four fillers in 15 s is 16 a minute, four times the rate the report notes."""
NO_ACTION_SHARE = 0.8
"""Of the target's top: 2:00 of 2:30."""
STALE_S = 60.0
HOLD_S = 8.0
QUIET_S = 20.0
KINDS = ("target", "no_action", "fast", "fillers")


@dataclass(frozen=True)
class Cue:
    kind: str
    text: str
    since_s: float
    """The take's time when the cue appeared."""


def fast_text(wpm: float) -> str:
    return f"Slow down: about {wpm:.0f} words a minute over the last {PACE_WINDOW_S:.0f} s"


def burst(words: Sequence[Word], after_s: float = -1.0) -> tuple[float, float] | None:
    """(first, last) time of the earliest run of FILLER_BURST fillers within FILLER_BURST_S
    that starts after ``after_s``, or None."""
    times = [f.start for f in find_fillers(words)]
    for i in range(len(times) - FILLER_BURST + 1):
        a, b = times[i], times[i + FILLER_BURST - 1]
        if b - a <= FILLER_BURST_S and a > after_s:
            return a, b
    return None


def has_action(words: Sequence[Word]) -> bool:
    """True when a sentence of ``words`` reads as action or result on its own cue phrases."""
    if not words:
        return False
    action, result = STAR_LABELS.index("action"), STAR_LABELS.index("result")
    for s, e in split_sentences(words):
        scores = sentence_scores(words, s, e)
        best = max(range(len(scores)), key=lambda k: scores[k])
        if scores[best] > 0 and best in (action, result):
            return True
    return False


class CueRules:
    """Follow a take and say which cue to show now (``step``)."""

    def __init__(self, target: tuple[float, float] | None = (90.0, 150.0),
                 options: AnalysisOptions | None = None) -> None:
        """``target``: the answer's target length; None (a follow-up reply) leaves out the
        rules about length."""
        self.target = target
        self.options = options or AnalysisOptions()
        self.shown: Cue | None = None
        self.ended: dict[str, float] = {}  # kind -> when its last cue ended
        self.once: set[str] = set()
        self._burst_after = -1.0
        self._words_seen = -1
        self._action = False
        self._pending_burst: tuple[float, float] | None = None
        self._covered_s = 0.0

    def step(self, elapsed_s: float, recent_wpm: float | None,
             words: Sequence[Word]) -> Cue | None:
        """The cue to show at ``elapsed_s`` into the take, given the estimated words per minute
        of the last PACE_WINDOW_S seconds (None: not yet known) and the words transcribed so
        far; None for no cue."""
        if self.shown is not None and elapsed_s - self.shown.since_s >= HOLD_S:
            self.ended[self.shown.kind] = elapsed_s
            self.shown = None
        if len(words) != self._words_seen:
            self._words_seen = len(words)
            self._action = self._action or has_action(words)
            self._pending_burst = burst(words, self._burst_after)
            self._covered_s = words[-1].end if words else 0.0
        # a cue being shown gives way only to a rule ranked before it
        ranked = KINDS if self.shown is None else KINDS[:KINDS.index(self.shown.kind)]
        for kind in ranked:
            if self.target is None and kind in ("target", "no_action"):
                continue
            if kind in self.once or elapsed_s - self.ended.get(kind, -1e9) < QUIET_S:
                continue
            text = self._rule(kind, elapsed_s, recent_wpm)
            if text is not None:
                if self.shown is not None:
                    self.ended[self.shown.kind] = elapsed_s
                self.shown = Cue(kind, text, elapsed_s)
                return self.shown
        return self.shown

    def _rule(self, kind: str, elapsed_s: float, recent_wpm: float | None) -> str | None:
        top = self.target[1] if self.target else 0.0
        if kind == "target" and elapsed_s >= top:
            self.once.add(kind)
            return f"{clock(top)} reached: land the result and stop"
        if (kind == "no_action" and elapsed_s >= NO_ACTION_SHARE * top and not self._action
                and self._covered_s >= elapsed_s / 2):
            self.once.add(kind)
            return f"{clock(elapsed_s)} and no action yet: say what you did"
        if (kind == "fast" and recent_wpm is not None
                and recent_wpm > self.options.wpm_max + PACE_MARGIN_WPM):
            return fast_text(recent_wpm)
        if kind == "fillers" and self._pending_burst is not None:
            a, b = self._pending_burst
            self._burst_after = b
            self._pending_burst = None
            self._words_seen = -1  # look again for a burst after this one
            if elapsed_s - b > STALE_S:
                return None
            return (f"{FILLER_BURST} fillers in {b - a:.0f} s around {clock(a)}: "
                    "pause in silence instead")
        return None
