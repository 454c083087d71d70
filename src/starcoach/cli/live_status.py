"""What the live transcription adds to the recording panel, and says after the take.

One line at most while recording: that the transcription has fallen behind (it catches up
after the take; nothing is lost), or else the live cue (``analysis.cues``), or nothing. After
the take, one line on stderr when there is more left to transcribe than the last piece.
"""

from __future__ import annotations

from typing import Any

BEHIND_NOTICE_S = 40.0
"""The panel says the transcription is behind once this much audio waits for it: a piece is
decoded once 30 s of audio follow its start (``LiveOptions.window_s``) and takes a second or
two, so a worker that keeps up is at most about 32 s behind."""


def status_line(live: Any) -> Any:
    """The panel's line about the live transcription (a rich Text), or None."""
    from rich.text import Text

    behind = live.behind_s
    if behind < BEHIND_NOTICE_S:
        return None
    return Text(f"transcribing {behind:.0f} s behind: it catches up after the take, "
                "nothing is lost", style="yellow")


def catching_up(live: Any) -> str | None:
    """The line printed after the take when the worker is far behind, else None."""
    behind = live.behind_s
    if behind < BEHIND_NOTICE_S:
        return None
    return (f"Catching up: {behind:.0f} s of the take are left to transcribe (the live "
            "transcription fell behind).")


CUE_MARK = "→ "
"""Before the cue, so that it stands out without colour too (NO_COLOR)."""
PACE_EVERY_S = 1.0
"""The pace estimate is made again once this much more audio has arrived."""


class PanelLine:
    """The panel's one line for a take followed by ``live``: ``status_line``, else the cue of
    the moment (``cues``; ``target`` None for a follow-up reply: no length rules), else None."""

    def __init__(self, live: Any, target: tuple[float, float] | None, cues: bool = True) -> None:
        from starcoach.analysis.cues import CueRules

        self.live = live
        self.rules = CueRules(target) if cues else None
        self._wpm: float | None = None
        self._wpm_at = -PACE_EVERY_S

    def __call__(self) -> Any:
        behind = status_line(self.live)
        if behind is not None or self.rules is None:
            return behind
        from rich.text import Text

        from starcoach.analysis.cues import PACE_WINDOW_S
        from starcoach.audio.rate import LEVEL_CONTEXT_S, recent_wpm

        heard = self.live.heard_s
        if heard - self._wpm_at >= PACE_EVERY_S:
            self._wpm = recent_wpm(self.live.recent(LEVEL_CONTEXT_S), PACE_WINDOW_S)
            self._wpm_at = heard
        cue = self.rules.step(heard, self._wpm, self.live.words())
        return None if cue is None else Text(CUE_MARK + cue.text, style="bold magenta")
