"""Frozen dataclasses shared by every stage of the pipeline.

microphone / file -> audio samples -> Transcript (timed Words) -> Analysis
    -> report / JSON / Session

All times are seconds from the start of the audio.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from starcoach.serial import OMIT, Record, dump, places

SAMPLE_RATE = 16_000
"""Every stage works on 16 kHz mono float32 audio, what Whisper expects."""


@dataclass(frozen=True)
class Word(Record):
    """One spoken word with its time span.

    ``text`` is the word as the model wrote it, without surrounding spaces (it may keep
    punctuation: "Montreal,"). ``recovered`` marks a filler that was restored from a voiced gap
    between model timestamps rather than written by the model.
    """

    text: str
    start: float = field(metadata=places(3))
    end: float = field(metadata=places(3))
    probability: float = field(default=1.0, metadata=places(3))
    recovered: bool = field(default=False, metadata=OMIT)

    @property
    def norm(self) -> str:
        """Lowercase, punctuation stripped: the form the analyzer matches on."""
        return normalize(self.text)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalize(text: str) -> str:
    """The one word normalizer of every stage: lowercase, curly apostrophes straightened, the
    punctuation around the word stripped ("Um," -> "um", "I’m," -> "i'm")."""
    return text.translate(_QUOTES).strip().strip(".,!?;:\"()[]{}…-—–").lower()


@dataclass(frozen=True)
class Transcript(Record):
    """What was said and when.

    ``duration_s`` is the length of the audio (not of the speech). ``timed`` is False for a
    typed answer (``analyze --text``), whose word times are only positions.
    """

    SCHEMA: ClassVar = "starcoach.transcript/1"
    JSON_KEYS: ClassVar = ("source", "model", "language", "duration_s", "timed", "text", "words",
                           "settings", "unclear")

    words: tuple[Word, ...]
    duration_s: float = field(metadata=places(3))
    model: str = ""
    language: str = "en"
    source: str | None = None
    timed: bool = True
    settings: dict[str, Any] = field(default_factory=dict)
    unclear: tuple[tuple[float, float], ...] = field(default=(), metadata=places(2))
    """(start, end) of voiced stretches the model made no words of, even decoded again."""

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": self.SCHEMA, **dump(self)}


_ESCAPES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]?                        # CSI: cursor, clear, colour
    | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f]) .*? (?:\x07|\x1b\\|\x9c|(?=\n)|\Z)  # OSC, DCS
    | \x1b [ -/]* [0-~]?                                            # any other ESC sequence
    | [\x00-\x08\x0b-\x1f\x7f-\x9f]                               # lone C0 and C1 controls
    """,
    re.VERBOSE | re.DOTALL,
)
"""Terminal control sequences whole (so no ``]0;title`` is left behind), then any other
control character but newline and tab. A control string (OSC, DCS, SOS, PM, APC) runs to its
terminator, BEL or ST, or when it has none to the end of the line (the rest is text)."""


def printable(text: str) -> str:
    """``text`` without terminal control sequences or control characters (newline and tab
    kept; a carriage return before a newline dropped, elsewhere removed).

    The one sanitizer for user text on its way to a terminal (a transcript, a typed answer,
    an imported guide): every console of ``starcoach.cli.output`` applies it, and the
    Markdown view before escaping (a backslash would otherwise split a sequence)."""
    if not _ESCAPES.search(text):
        return text
    return _ESCAPES.sub("", text.replace("\r\n", "\n"))


def clock(seconds: float | None, tenths: bool = False) -> str:
    """The one m:ss clock: 78.4 -> "1:18" (rounded to the nearest second, so the report, the
    live panel, the history and the HTML page agree); ``tenths``: 78.44 -> "1:18.4"; None -> "-"."""
    if seconds is None:
        return "-"
    seconds = max(0.0, seconds)
    if tenths:
        m, s = divmod(round(seconds, 1), 60)
        return f"{int(m)}:{s:04.1f}"
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


SENTENCE_END = (".", "!", "?", "…")
"""The marks that end a sentence, for every stage that splits an answer into sentences."""


def ends_sentence(text: str) -> bool:
    """Whether a written word closes its sentence ("done." and 'done."' do, "done," does not)."""
    return text.rstrip().rstrip("\"')]\u201d\u2019").endswith(SENTENCE_END)


FILLED_PAUSES: dict[str, re.Pattern[str]] = {
    # canonical form: the spellings a transcriber writes for it
    "um": re.compile(r"u+h?m+"),
    "uh": re.compile(r"u+h+"),
    "er": re.compile(r"e+r+m*"),
    "ah": re.compile(r"a+h+"),
    "eh": re.compile(r"e+h+"),
    "hmm": re.compile(r"h+m+"),
    "mm": re.compile(r"m{2,}|m+h+m+|mm-hmm|mm-hm|m-hm"),
}
"""The one definition of a filled pause, used by the transcriber's clean-up, the filler count,
the phrase matcher (which skips them) and the transcript view."""


def filled_pause(text: str) -> str | None:
    """The canonical filled pause a written word is ("Umm," -> "um", "uhm" -> "um"), or None."""
    raw = text.strip().strip(".,!?;:\"()…")
    if len(raw) > 1 and raw.isupper() and raw.lower() in ("er", "ah"):
        return None  # "ER" (emergency room), not a hesitation
    norm = normalize(text)
    for canonical, pattern in FILLED_PAUSES.items():
        if pattern.fullmatch(norm):
            return canonical
    return None
