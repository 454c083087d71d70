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
    """Read a typed answer. Raises TextInputError for a missing, empty, binary or too large
    file, and for a path that is not a regular file (a FIFO would block for ever)."""
    from starcoach import files

    p = Path(path)
    hint = "give the path of a text file with your typed answer"
    try:
        data = files.read_capped(p)
    except FileNotFoundError:
        raise TextInputError(f"text file not found: {p} ({hint})") from None
    except files.FileKindError as exc:
        if exc.kind == "a folder":
            raise TextInputError(f"{p} is a folder, not a text file ({hint})") from None
        raise TextInputError(f"{p} is {exc.kind}, not a text file ({hint})") from None
    except files.TooLargeError:
        raise TextInputError(f"{p} is too long for a typed answer (more than "
                             f"{files.TEXT_CAP_BYTES // 1024 // 1024} MiB); {hint}") from None
    except OSError as exc:
        raise TextInputError(f"cannot read {p}: {exc.strerror or exc}") from None
    decoded = files.decode_text(data)
    # Not UTF-8 and no byte-order mark: an older editor's Latin-1, which always decodes.
    text = decoded[0] if decoded is not None else data.decode("latin-1")
    if files.looks_binary(text):
        raise TextInputError(f"{p} is not a text file (it holds binary data); to analyze a "
                             f"recording, run `starcoach analyze {p}` without --text")
    tokens = [t for t in (MARKUP.sub("", raw) for raw in text.split()) if t.strip(".,;:!?-—–")]
    if not tokens:
        raise TextInputError(f"text file is empty: {p} (write your answer in it, then run "
                             "this again)")
    words = tuple(Word(t, float(i), float(i + 1)) for i, t in enumerate(tokens))
    return Transcript(words=words, duration_s=float(len(words)), model="", source=str(p),
                      timed=False)

