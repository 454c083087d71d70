"""A progress bar for transcription, by position in the audio, on stderr.

Shown only when it helps: stderr is a terminal, the caller allows it (not with ``--json``),
and the transcription has already taken a couple of seconds (a short clip finishes before a
bar would be worth drawing).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ProgressFn = Callable[[float, float], None]

SHOW_AFTER_S = 2.0
"""Seconds of transcription before the bar appears."""


def bar_wanted(enabled: bool, stream=None) -> bool:
    """True when a bar may be drawn on ``stream`` (stderr by default)."""
    stream = stream or sys.stderr
    if not enabled or os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


@contextmanager
def transcription_progress(enabled: bool = True, label: str = "Transcribing"
                           ) -> Iterator[ProgressFn | None]:
    """Yield a callback ``(seconds_done, total_seconds)``, or None when no bar will be shown.

    The bar appears ``SHOW_AFTER_S`` seconds after the start even if no segment has arrived
    yet (the first 30 s window takes a while), and disappears when transcription ends.
    """
    if not bar_wanted(enabled):
        yield None
        return
    import threading

    from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from starcoach.cli.output import stderr_console

    class SecondsColumn(ProgressColumn):
        """``12/104 s of audio``; before the first window is decoded the total is unknown."""

        def render(self, task) -> Text:  # type: ignore[no-untyped-def]
            if task.total is None:
                return Text(f"{task.completed:.0f} s of audio")
            return Text(f"{task.completed:.0f}/{task.total:.0f} s of audio")

    lock = threading.Lock()
    done_s = 0.0
    total_s: float | None = None
    bar = Progress(
        TextColumn(label),
        BarColumn(),
        SecondsColumn(),
        TimeElapsedColumn(),
        console=stderr_console(),
        transient=True,
    )
    task = None
    finished = False

    def show() -> None:
        nonlocal task
        with lock:
            if finished or task is not None:
                return
            bar.start()
            task = bar.add_task("transcribe", total=total_s, completed=int(done_s))

    def update(done: float, total: float) -> None:
        nonlocal done_s, total_s
        with lock:
            done_s, total_s = min(done, total), max(total, 0.01)
            if task is not None:
                bar.update(task, completed=done_s, total=total_s)

    timer = threading.Timer(SHOW_AFTER_S, show)
    timer.daemon = True
    timer.start()
    try:
        yield update
    finally:
        timer.cancel()
        with lock:
            finished = True
            if task is not None:
                bar.stop()
