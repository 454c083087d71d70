"""Console helpers shared by the commands: product output on stdout, progress on stderr."""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def stdout_console():  # -> rich.console.Console
    from rich.console import Console

    # NO_COLOR means plain text: no colour and no bold or underline escapes either.
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(no_color=plain or None, color_system=None if plain else "auto",
                   highlight=False, soft_wrap=False)


def stderr_console():
    from rich.console import Console

    # Status lines and errors stay whole lines (a path or an `error:` line is never broken
    # in a log file), and a path with square brackets is printed as it is, not as markup.
    return Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")) or None,
                   highlight=False, soft_wrap=True, markup=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
