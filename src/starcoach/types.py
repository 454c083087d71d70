"""Frozen dataclasses shared by every stage of the pipeline.

microphone / file -> audio samples -> Transcript (timed Words) -> Analysis
    -> report / JSON / Session

All times are seconds from the start of the audio.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

SAMPLE_RATE = 16_000
"""Every stage works on 16 kHz mono float32 audio, what Whisper expects."""


@dataclass(frozen=True)
class Word:
    """One spoken word with its time span.

    ``text`` is the word as the model wrote it, without surrounding spaces (it may keep
    punctuation: "Montreal,"). ``recovered`` marks a filler that was restored from a voiced gap
    between model timestamps rather than written by the model.
    """

    text: str
    start: float
    end: float
    probability: float = 1.0
    recovered: bool = False

    @property
    def norm(self) -> str:
        """Lowercase, punctuation stripped: the form the analyzer matches on."""
        return normalize(self.text)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "probability": round(self.probability, 3),
        }
        if self.recovered:
            d["recovered"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Word:
        return cls(
            text=d["text"],
            start=float(d["start"]),
            end=float(d["end"]),
            probability=float(d.get("probability", 1.0)),
            recovered=bool(d.get("recovered", False)),
        )


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalize(text: str) -> str:
    """The one word normalizer of every stage: lowercase, curly apostrophes straightened, the
    punctuation around the word stripped ("Um," -> "um", "I’m," -> "i'm")."""
    return text.translate(_QUOTES).strip().strip(".,!?;:\"()[]{}…-—–").lower()


@dataclass(frozen=True)
class Transcript:
    """What was said and when.

    ``duration_s`` is the length of the audio (not of the speech). ``timed`` is False for a
    typed answer (``analyze --text``), whose word times are only positions.
    """

    words: tuple[Word, ...]
    duration_s: float
    model: str = ""
    language: str = "en"
    source: str | None = None
    timed: bool = True
    settings: dict[str, Any] = field(default_factory=dict)
    unclear: tuple[tuple[float, float], ...] = ()
    """(start, end) of voiced stretches the model made no words of, even decoded again."""

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "starcoach.transcript/1",
            "source": self.source,
            "model": self.model,
            "language": self.language,
            "duration_s": round(self.duration_s, 3),
            "timed": self.timed,
            "text": self.text,
            "words": [w.to_dict() for w in self.words],
            "settings": self.settings,
            "unclear": [[round(a, 2), round(b, 2)] for a, b in self.unclear],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Transcript:
        return cls(
            words=tuple(Word.from_dict(w) for w in d["words"]),
            duration_s=float(d["duration_s"]),
            model=d.get("model", ""),
            language=d.get("language", "en"),
            source=d.get("source"),
            timed=bool(d.get("timed", True)),
            settings=dict(d.get("settings", {})),
            unclear=tuple((float(a), float(b)) for a, b in d.get("unclear", ())),
        )


def as_plain(obj: Any) -> Any:
    """A dataclass as plain JSON-ready data."""
    return asdict(obj)


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
