"""Console helpers shared by the commands: product output on stdout, progress on stderr.

Everything starcoach prints passes through here, and so through ``clean``: a transcript, a
typed answer or an imported guide is the user's text (or whoever wrote the guide), and a
terminal escape sequence in it (clear the screen, set the window title, a hidden OSC 8 link)
must be shown as nothing rather than obeyed. rich consoles clean every text segment they
write (their own colour codes are added after), ``write_text`` and ``print_json`` clean what
they write themselves. A stdout that cannot be written (``> /dev/full``, a closed pipe) is one
``OutputError`` instead of a traceback.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sys
from typing import Any

from starcoach.errors import OutputError
from starcoach.types import printable as clean

__all__ = ["clean", "note", "print_json", "stderr_console", "stdout_console", "write_text"]


def _json_safe(text: str) -> str:
    """JSON that holds the same strings but no raw C1 control or DEL character (json.dumps
    escapes only those below 0x20): ``\\u009b`` is as valid and shows as itself."""
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


class _Guarded:
    """A text stream whose failures to write are one ``OutputError``: a full disk
    (``> /dev/full``), a closed pipe, a file over a quota."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self.stream.write(text))
        except OSError as exc:
            raise output_error(exc) from exc

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as exc:
            raise output_error(exc) from exc

    def isatty(self) -> bool:
        return _is_terminal(self.stream)

    def fileno(self) -> int:
        return int(self.stream.fileno())

    @property
    def encoding(self) -> str:
        return str(getattr(self.stream, "encoding", None) or "utf-8")


def output_error(exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(f"cannot write the output: {reason}", broken_pipe=exc.errno == errno.EPIPE)


def write_text(text: str) -> None:
    """Write user text to stdout as it is, once cleaned (``show --markdown``)."""
    out = _Guarded(sys.stdout)
    out.write(clean(text))
    out.flush()


def note(message: str) -> None:
    """A status line on stderr, unwrapped (paths stay whole and copyable) and cleaned."""
    print(clean(message), file=sys.stderr)


class _TrimmedLines:
    """A text stream that drops the spaces rich pads table rows with at the end of each line:
    for a pipe or a file, where they only get in the way of diff, grep and copy-paste."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            self.stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return int(self.stream.fileno())

    @property
    def encoding(self) -> str:
        return str(getattr(self.stream, "encoding", "utf-8"))


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _cleaning(console: Any) -> Any:
    """``console`` with every text segment it prints cleaned (see ``clean``)."""
    from rich.console import RenderHook
    from rich.segment import Segment

    class Cleaned:
        def __init__(self, renderable: Any) -> None:
            self.renderable = renderable

        def __rich_console__(self, console: Any, options: Any) -> Any:
            for seg in console.render(self.renderable, options):
                yield seg if seg.control else Segment(clean(seg.text), seg.style)

        def __rich_measure__(self, console: Any, options: Any) -> Any:
            from rich.measure import Measurement

            return Measurement.get(console, options, self.renderable)

    class Hook(RenderHook):
        def process_renderables(self, renderables: list[Any]) -> list[Any]:
            return [Cleaned(r) for r in renderables]

    console.push_render_hook(Hook())
    return console


def stdout_console():  # -> rich.console.Console
    from rich.console import Console

    # NO_COLOR means plain text: no colour and no bold or underline escapes either.
    plain = bool(os.environ.get("NO_COLOR"))
    guarded = _Guarded(sys.stdout)
    out = guarded if _is_terminal(sys.stdout) else _TrimmedLines(guarded)
    return _cleaning(Console(file=out, no_color=plain or None,
                             color_system=None if plain else "auto", highlight=False,
                             soft_wrap=False))


def stderr_console():
    from rich.console import Console

    # Status lines and errors stay whole lines (a path or an `error:` line is never broken
    # in a log file), and a path with square brackets is printed as it is, not as markup.
    return _cleaning(Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")) or None,
                             highlight=False, soft_wrap=True, markup=False))


def print_json(data: Any) -> None:
    out = _Guarded(sys.stdout)
    out.write(_json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
    out.flush()
