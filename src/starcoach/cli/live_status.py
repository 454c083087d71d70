"""What the live transcription adds to the recording panel, and says after the take.

One line at most while recording: that the transcription has fallen behind (it catches up
after the take; nothing is lost). After the take, one line on stderr when there is more left
to transcribe than the last piece.
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
