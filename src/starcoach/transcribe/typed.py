"""A typed answer as a Transcript, for ``starcoach analyze --text FILE``.

A typed answer has no times, so each word gets its position as a stand-in: word ``i`` runs from
``i`` to ``i + 1``, and ``timed`` is False. Section shares are then shares of the words, and the
analyzer reports no pace and no pauses.
"""

from __future__ import annotations

import re
from pathlib import Path

from starcoach.errors import StarcoachError
from starcoach.types import Transcript, Word

MARKUP = re.compile(r"[*_#>`]+")
"""Markdown emphasis, headings and quote marks, dropped so a pasted answer reads as words."""


class TextInputError(StarcoachError):
    """A text file that is missing, empty or not text."""


def read_text_transcript(path: str | Path) -> Transcript:
    """Read a typed answer. Raises TextInputError for a missing, empty or binary file."""
    p = Path(path)
    if not p.exists():
        raise TextInputError(f"text file not found: {p} (give the path of a text file with "
                             "your typed answer)")
    if p.is_dir():
        raise TextInputError(f"{p} is a folder, not a text file (give the path of a text "
                             "file with your typed answer)")
    data = p.read_bytes()
    if b"\x00" in data[:8192] or _mostly_binary(data[:8192]):
        raise TextInputError(f"{p} is not a text file (it holds binary data); to analyze a "
                             f"recording, run `starcoach analyze {p}` without --text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    tokens = [t for t in (MARKUP.sub("", raw) for raw in text.split()) if t.strip(".,;:!?-—–")]
    if not tokens:
        raise TextInputError(f"text file is empty: {p} (write your answer in it, then run "
                             "this again)")
    words = tuple(Word(t, float(i), float(i + 1)) for i, t in enumerate(tokens))
    return Transcript(words=words, duration_s=float(len(words)), model="", source=str(p),
                      timed=False)


def _mostly_binary(head: bytes) -> bool:
    """True when many bytes are control characters that text never has."""
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > 0.05
