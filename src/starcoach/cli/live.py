"""What the terminal shows while recording: the live panel, the keys, the countdown.

The panel (rich Live on stderr) appears only when stderr is a terminal; keys (Enter stops, and
in practice ``d`` asks to throw the take away) work only when stdin is one. While the panel is
up the terminal does not echo what is typed: an echoed Enter moved the cursor under the panel,
and rich's Live then left its top border behind. Without a terminal the take ends at
--max-seconds, after the silence, or on Ctrl-C / SIGTERM, and the file is kept in every case.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from starcoach.analysis.model import AnalysisOptions
from starcoach.audio.recorder import Recorder, Take
from starcoach.types import clock

TARGET_S = (AnalysisOptions.target_min_s, AnalysisOptions.target_max_s)
"""The length a spoken STAR answer should land in, unless --target says otherwise."""
METER_WIDTH = 30
METER_FLOOR_DBFS = -60.0
DOUBLE_CTRL_C_S = 1.0
"""A second Ctrl-C this soon after the first (seconds) asks to throw the take away."""
DISCARD_KEYS = ("d", "D")
DISCARD_REASONS = ("discard", "interrupted-twice")
"""The stop reasons of a take the user asked to throw away (``d``, Ctrl-C twice)."""
DISCARD_HINT = "d or Ctrl-C twice: throw this take away"


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def _no_keys() -> str:
    return ""


def _lines_typed() -> str:
    """Where the terminal cannot be switched to single keys: each line typed, when ended."""
    try:
        ready, _, _ = select.select([sys.stdin], [], [], 0)
    except (ValueError, OSError):
        return ""
    return sys.stdin.readline() if ready else ""


def _enter(keys: str) -> bool:
    return "\n" in keys or "\r" in keys


def _keys_typed(fd: int) -> str:
    try:
        ready, _, _ = select.select([fd], [], [], 0)
        return os.read(fd, 1024).decode(errors="ignore") if ready else ""
    except (ValueError, OSError):
        return ""


@contextlib.contextmanager
def terminal_keys() -> Iterator[Callable[[], str]]:
    """While inside: the keys typed on a terminal stdin, one by one and not echoed.

    Yields a function that returns the keys typed since it was last called ("" when none;
    Enter is "\\n"); it never blocks. Ctrl-C still interrupts. The terminal's settings are
    restored on the way out. Without a terminal no key is ever seen.
    """
    if not stdin_is_terminal():
        yield _no_keys
        return
    try:
        import termios

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):  # no termios (Windows) or not a real tty
        yield _lines_typed
        return
    quiet = termios.tcgetattr(fd)
    quiet[3] &= ~(termios.ECHO | termios.ICANON)  # lflags: no echo, a key at a time
    quiet[6][termios.VMIN], quiet[6][termios.VTIME] = 1, 0
    try:
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
    except termios.error:
        yield _lines_typed
        return
    try:
        yield lambda: _keys_typed(fd)
    finally:
        with contextlib.suppress(termios.error):
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def render_panel(rec: Recorder, target: tuple[float, float] = TARGET_S,
                 discard: bool = False, status: Callable[[], Any] | None = None) -> Any:
    """The live panel: elapsed against the target, the level meter, warnings, the keys.
    ``discard``: the take can be thrown away (practice on a terminal), so say how.
    ``status``: lines of the live transcription (a rich Text, or None for none)."""
    from rich.panel import Panel
    from rich.text import Text

    m = rec.meter
    lo, hi = target
    device = rec.device.name if rec.device else "?"
    if m.elapsed_s == 0:
        # PortAudio can take a second or two to deliver the first block; speaking before that
        # would be lost, so say so instead of showing REC.
        return Panel(Text("○ starting the microphone… speak when REC shows", style="yellow"),
                     title=f"recording from {device}", title_align="left", expand=False)
    elapsed = m.elapsed_s
    if elapsed < lo:
        time_style, where = "yellow", f"aim for {clock(lo)}–{clock(hi)}"
    elif elapsed <= hi:
        time_style, where = "green", "in the target range"
    else:
        time_style, where = "red", "past the target: wrap up with the result"
    text = Text()
    text.append("● REC ", style="bold red")
    text.append(f"{clock(elapsed)}", style=f"bold {time_style}")
    text.append(f" / {clock(lo)}–{clock(hi)}  {where}\n")
    fill = (max(m.shown_dbfs, METER_FLOOR_DBFS) - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS
    bars = round(fill * METER_WIDTH)
    meter_style = "red" if m.clipping else (
        "green" if m.shown_dbfs >= m.options.speech_dbfs else "yellow")
    text.append("level ")
    text.append("█" * bars, style=meter_style)
    text.append("·" * (METER_WIDTH - bars), style="dim")
    text.append(f" {m.shown_dbfs:4.0f} dBFS\n")
    if m.clipping:
        text.append("clipping: move back from the microphone or lower its gain\n",
                    style="bold red")
    elif m.too_quiet:
        text.append(f"too quiet: no speech heard for {m.quiet_for_s:.0f} s; "
                    "check the microphone\n", style="bold yellow")
    if rec.overflows:
        text.append(f"input overflows: {rec.overflows}\n", style="yellow")
    if status is not None and (extra := status()) is not None:
        text.append_text(extra)
        text.append("\n")
    stop_hint = "Enter stops" if stdin_is_terminal() else "Ctrl-C stops"
    silence = rec.options.stop_after_silence_s
    if silence > 0:
        stop_hint += f", or {silence:g} s of silence after you speak"
    if rec.options.max_seconds:
        stop_hint += f", or {clock(rec.options.max_seconds)} is reached"
    text.append(stop_hint, style="dim")
    if discard and stdin_is_terminal():
        text.append("\n" + DISCARD_HINT, style="dim")
    return Panel(text, title=f"recording from {device}", title_align="left", expand=False)


@contextlib.contextmanager
def _sigterm_stops(rec: Recorder) -> Iterator[None]:
    """SIGTERM ends the take like Ctrl-C does, so the file is finished properly."""
    try:
        previous = signal.signal(signal.SIGTERM, lambda *_: rec.stop("interrupted"))
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _ctrl_c_counted() -> Iterator[list[float]]:
    """While inside, Ctrl-C does not interrupt: each press is noted (its time) in the list."""
    presses: list[float] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: presses.append(time.monotonic()))
    except ValueError:  # not the main thread
        yield presses
        return
    try:
        yield presses
    finally:
        signal.signal(signal.SIGINT, previous)


def record_live(rec: Recorder, console: Any, target: tuple[float, float] = TARGET_S,
                discard: bool = False, status: Callable[[], Any] | None = None) -> Take:
    """Start ``rec``, show the panel until the take stops, finish the file, return the take.

    Enter (on a terminal) stops the take; Ctrl-C stops it and keeps it. With ``discard`` the
    user may also ask to throw the take away, with ``d`` or with a second Ctrl-C within
    DOUBLE_CTRL_C_S of the first: the take comes back finished, with its stop reason "discard"
    or "interrupted-twice" (DISCARD_REASONS); asking and deleting is the caller's business.
    A Ctrl-C while the file is being finished does not cut it short. Errors opening the device
    propagate (nothing recorded). ``status`` adds lines to the panel (``render_panel``).
    """
    from rich.live import Live

    rec.start()
    first_ctrl_c: float | None = None

    def on(keys: str) -> None:
        # d first: where keys come a line at a time, "d" then Enter is one read
        if discard and any(k in keys for k in DISCARD_KEYS):
            rec.stop("discard")
        elif _enter(keys):
            rec.stop("enter")

    try:
        with terminal_keys() as typed, _sigterm_stops(rec):
            if console.is_terminal:
                with Live(render_panel(rec, target, discard, status), console=console,
                          refresh_per_second=10, transient=True) as live:
                    while not rec.wait(0.1):
                        on(typed())
                        live.update(render_panel(rec, target, discard, status))
            else:
                announced = False
                while not rec.wait(0.1):
                    if not announced and rec.meter.elapsed_s > 0:
                        console.print(f"Recording from '{rec.device.name if rec.device else '?'}'"
                                      f" into {rec.path}.")
                        announced = True
                    on(typed())
    except KeyboardInterrupt:
        first_ctrl_c = time.monotonic()
    with _ctrl_c_counted() as presses:  # first, so a second Ctrl-C is counted, not raised
        if first_ctrl_c is not None:
            rec.stop("interrupted")
        take = rec.finish()
        if first_ctrl_c is None:
            if presses:  # stopped otherwise, then Ctrl-C while finishing: the file is whole
                raise KeyboardInterrupt
            return take
        if discard:
            while not presses and time.monotonic() < first_ctrl_c + DOUBLE_CTRL_C_S:
                time.sleep(0.02)
            if presses:
                take = dataclasses.replace(take, stop_reason="interrupted-twice")
    return take


def countdown(seconds: float, console: Any, ctrl_c_stops: bool = True) -> None:
    """A preparation countdown on stderr; Enter (on a terminal) skips the rest, and so does
    Ctrl-C unless ``ctrl_c_stops`` is False (a mock interview: Ctrl-C ends it)."""
    if seconds <= 0:
        return
    end = time.monotonic() + seconds
    watch_enter = stdin_is_terminal()
    try:
        if not console.is_terminal:
            console.print(f"Preparation: {seconds:g} s.")
            while (left := end - time.monotonic()) > 0:
                time.sleep(min(0.1, left))
            return
        with terminal_keys() as typed, console.status("") as status:
            while (left := end - time.monotonic()) > 0:
                status.update(f"Prepare your answer: {clock(math.ceil(left))} left"
                              + (" (Enter to start now)" if watch_enter else ""))
                if _enter(typed()):
                    return
                time.sleep(0.1)
    except KeyboardInterrupt:
        if not ctrl_c_stops:
            raise
        return


STOP_REASONS = {
    "enter": "stopped with Enter",
    "interrupted": "stopped with Ctrl-C",
    "max-seconds": "reached --max-seconds",
    "silence": "stopped after the silence",
    "error": "stopped by an error",
    "discard": "stopped with d",
    "interrupted-twice": "stopped with Ctrl-C twice",
}


def describe_take(take: Take) -> str:
    """One line about a finished take, for stderr."""
    if take.duration_s == 0:
        return (f"Nothing was recorded ({STOP_REASONS.get(take.stop_reason, take.stop_reason)} "
                "before the microphone sent any audio); no file was written.")
    line = (f"Recorded {take.duration_s:.1f} s to {take.path} "
            f"({STOP_REASONS.get(take.stop_reason, take.stop_reason)}).")
    if take.device_rate != 16000:
        line += f" The device ran at {take.device_rate} Hz; the audio was resampled to 16 kHz."
    return line


def overflow_warning(take: Take) -> str | None:
    if not take.overflows:
        return None
    times = "once" if take.overflows == 1 else f"{take.overflows} times"
    return (f"warning: the input overflowed {times}: the computer fell behind and some audio "
            "was dropped; close busy programs and record again if the take sounds choppy")
