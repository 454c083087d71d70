"""A progress bar for transcription, by position in the audio, on stderr.

Shown only when it helps: stderr is a terminal, the caller allows it (not with ``--json``),
and the transcription has already taken a couple of seconds (a short clip finishes before a
bar would be worth drawing).
"""

from __future__ import annotations

import os
import sys
import time
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
def transcription_progress(enabled: bool = True) -> Iterator[ProgressFn | None]:
    """Yield a callback ``(seconds_done, total_seconds)``, or None when no bar will be shown."""
    if not bar_wanted(enabled):
        yield None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from starcoach.cli.output import stderr_console

    began = time.monotonic()
    bar: Progress | None = None
    task = None

    def update(done: float, total: float) -> None:
        nonlocal bar, task
        if bar is None:
            if time.monotonic() - began < SHOW_AFTER_S:
                return
            bar = Progress(
                TextColumn("Transcribing"),
                BarColumn(),
                TextColumn("{task.completed:.0f}/{task.total:.0f} s of audio"),
                TimeElapsedColumn(),
                console=stderr_console(),
                transient=True,
            )
            bar.start()
            task = bar.add_task("transcribe", total=max(total, 0.01))
        bar.update(task, completed=min(done, total), total=max(total, 0.01))

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()
