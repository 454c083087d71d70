"""Console helpers shared by the commands: product output on stdout, progress on stderr."""

from __future__ import annotations

import json
import os
import sys
from typing import Any


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


def stdout_console():  # -> rich.console.Console
    from rich.console import Console

    # NO_COLOR means plain text: no colour and no bold or underline escapes either.
    plain = bool(os.environ.get("NO_COLOR"))
    out = sys.stdout if _is_terminal(sys.stdout) else _TrimmedLines(sys.stdout)
    return Console(file=out, no_color=plain or None, color_system=None if plain else "auto",
                   highlight=False, soft_wrap=False)


def stderr_console():
    from rich.console import Console

    # Status lines and errors stay whole lines (a path or an `error:` line is never broken
    # in a log file), and a path with square brackets is printed as it is, not as markup.
    return Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")) or None,
                   highlight=False, soft_wrap=True, markup=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
