"""The analyzer's results and the options that produced them.

``Analysis.to_dict()`` is the stable ``--json`` output, schema ``starcoach.analysis/1``; its
fields are documented in the README. Times are seconds from the start of the audio.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Protocol

from starcoach.analysis.priorities import Priority
from starcoach.serial import OMIT, Record, dump, load, places
from starcoach.types import Word

SCHEMA = "starcoach.analysis/1"
ANALYZER_VERSION = "1"
"""Bump when the analyzer's rules change, so stored sessions show which version judged them."""

class AskedQuestion(Protocol):
    """What the analyzer needs of the question an answer responds to: the bank's ``Question``
    (``starcoach.questions.bank``) is one, and so is an imported guide's."""

    @property
    def id(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def look_for(self) -> Sequence[str]: ...


STAR_LABELS = ("situation", "task", "action", "result")
RED_FLAG_CATEGORIES = (
    "blame_shifting",
    "humble_brag",
    "external_factors",
    "no_learning",
    "no_change",
    "ownership",
)
STRENGTH_CATEGORIES = ("owned_mistake", "learning", "change", "quantified_result", "transparency")
THEMES = ("ownership", "transparency", "learning", "resilience", "prevention")


@dataclass(frozen=True)
class AnalysisOptions(Record):
    """Every tunable threshold, with its default. Stored inside each Analysis."""

    target_min_s: float = 90.0
    """An answer shorter than this is on the short side (seconds)."""
    target_max_s: float = 150.0
    """An answer longer than this is on the long side (seconds)."""
    thin_s: float = 60.0
    """Under this an answer is thin: too little detail to judge (seconds)."""
    ramble_s: float = 180.0
    """Over this an answer rambles (seconds)."""
    setup_max_share: float = 0.34
    """Situation plus task should take at most about a third of the answer."""
    action_target_share: float = 0.50
    """Action should take about half."""
    result_target_share: float = 0.20
    """Result should take about a fifth."""
    share_tolerance: float = 0.12
    """How far a share may stray from its target before the report says so."""
    wpm_min: float = 110.0
    """Bottom of the comfortable speaking band (words per minute)."""
    wpm_max: float = 165.0
    """Top of the comfortable speaking band (words per minute)."""
    long_pause_s: float = 2.0
    """A silence at least this long is listed as a long pause (seconds)."""
    min_pause_s: float = 0.3
    """Silences shorter than this are not pauses but the gaps between words (seconds)."""
    pace_window_s: float = 10.0
    """Width of the windows for pace over time (seconds)."""
    we_i_ratio: float = 2.0
    """Flag ownership when "we" outnumbers "I" by this factor in the action."""
    fillers_per_min_max: float = 4.0
    """More fillers than this per minute of speech gets a note (a few are natural)."""



@dataclass(frozen=True)
class Section(Record):
    """One contiguous STAR part of the answer. ``share`` is of the answer's speaking time."""

    JSON_KEYS: ClassVar = ("label", "start", "end", "seconds", "share", "words", "wpm",
                           "fillers", "first_word", "last_word")

    label: str
    start: float = field(metadata=places(2))
    end: float = field(metadata=places(2))
    first_word: int
    """Index of the section's first word in the transcript."""
    last_word: int
    """Index of its last word (inclusive)."""
    words: int
    wpm: float = field(metadata=places(1))
    fillers: int
    share: float = field(metadata=places(3))
    seconds: float = field(init=False, metadata=places(2))
    """``end - start``, never negative."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "seconds", max(0.0, self.end - self.start))


@dataclass(frozen=True)
class Filler(Record):
    """A filler: ``kind`` is "filled_pause" (um, uh) or "discourse" (like, you know)."""

    text: str
    start: float = field(metadata=places(2))
    end: float = field(metadata=places(2))
    kind: str
    word_index: int
    section: str | None = None


@dataclass(frozen=True)
class Disfluency(Record):
    """A repeated word or a restart ("but, but", "I I"); ``kind`` is "repeat" or "restart"."""

    text: str
    start: float = field(metadata=places(2))
    end: float = field(metadata=places(2))
    kind: str
    word_index: int


@dataclass(frozen=True)
class Pause(Record):
    """A silence measured from the audio. ``where``: "between_sections", "between_sentences"
    or "mid_sentence"."""

    JSON_KEYS: ClassVar = ("start", "end", "seconds", "where")

    start: float = field(metadata=places(2))
    end: float = field(metadata=places(2))
    where: str = "mid_sentence"
    seconds: float = field(init=False, metadata=places(2))
    """``end - start``."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "seconds", self.end - self.start)


@dataclass(frozen=True)
class Finding(Record):
    """A red flag or a strength. ``start`` is None for findings about what is absent."""

    JSON_KEYS: ClassVar = ("category", "quote", "start", "end", "advice", "word_index")

    category: str
    quote: str
    start: float | None = field(metadata=places(2))
    advice: str = ""
    end: float | None = field(default=None, metadata=places(2))
    word_index: int | None = None


@dataclass(frozen=True)
class ThemeCheck(Record):
    """One theme (or one look-for point of a question): met or not, with the words that show it."""

    name: str
    met: bool
    evidence: tuple[str, ...] = ()
    hint: str = ""


@dataclass(frozen=True)
class PaceWindow(Record):
    start: float = field(metadata=places(2))
    end: float = field(metadata=places(2))
    wpm: float = field(metadata=places(1))


@dataclass(frozen=True)
class Pace(Record):
    wpm: float = field(metadata=places(1))
    """Words per minute over the speaking time (first word to last)."""
    articulation_wpm: float = field(metadata=places(1))
    """Words per minute with the pauses taken out."""
    fillers_per_min: float = field(metadata=places(2))
    windows: tuple[PaceWindow, ...] = ()


@dataclass(frozen=True)
class Note(Record):
    """A verdict on one aspect (length, balance, pace...): ``status`` "ok", "low" or "high"."""

    aspect: str
    status: str
    message: str


@dataclass(frozen=True)
class Span(Record):
    """A stretch of the answer (seconds), with the figure that marks it."""

    start: float = field(metadata=places(2))
    end: float = field(metadata=places(2))
    value: float = field(metadata=places(1))
    """Semitones for a monotone stretch (its pitch SD) or a rising end (the rise), dB for a
    sentence end that falls away (how far below the sentence's median)."""
    word_index: int | None = None
    """The sentence's last word, for an end that falls away or rises."""


@dataclass(frozen=True)
class VoiceFigures(Record):
    """Pitch and loudness over one stretch (the answer or one STAR section)."""

    JSON_KEYS: ClassVar = ("label", "range_st", "variation_st", "monotone", "level_db")

    range_st: float = field(metadata=places(1))
    """Pitch range in semitones: 5th to 95th percentile of the voiced frames."""
    variation_st: float = field(metadata=places(2))
    """Median over 5 s windows of the pitch standard deviation in each (semitones)."""
    monotone: bool
    """``variation_st`` under ``delivery.MONOTONE_SD_ST``."""
    level_db: float = field(metadata=places(1))
    """Median level of the voiced frames (dBFS)."""
    label: str = "answer"


@dataclass(frozen=True)
class Delivery(Record):
    """The voice measured from the audio (``analysis/delivery.py``); absent for a typed
    answer, an answer stored before it existed, or audio with too little voice to judge."""

    answer: VoiceFigures
    sections: tuple[VoiceFigures, ...]
    monotone: tuple[Span, ...]
    """Stretches of back-to-back 5 s windows whose pitch SD is under the threshold."""
    fading_ends: tuple[Span, ...]
    """Sentences whose last word is well below the sentence's median level."""
    rising_ends: tuple[Span, ...]
    """Statements (not questions) whose last word rises clearly."""
    contour: tuple[tuple[float, float | None], ...] = field(default=(), metadata=places((2, 1)))
    """(time s, pitch in semitones from the answer's median, None where unvoiced), every
    0.1 s: the pitch line of the HTML report."""


@dataclass(frozen=True)
class Analysis(Record):
    """One analyzed answer. The analyzer makes it with its figures rounded as the JSON keeps
    them (``serial.rounded``), so a fresh result and the same result loaded from a saved
    session are equal and every view shows the stored figures."""

    JSON_KEYS: ClassVar = (
        "timed", "duration_s", "speech_start", "speech_end", "speaking_s", "words", "sections",
        "missing", "fillers", "disfluencies", "pauses", "unclear", "red_flags", "strengths",
        "themes", "pace", "notes", "question", "question_checks", "fix_first", "options",
        "extra", "delivery")

    duration_s: float = field(metadata=places(2))
    """Length of the audio."""
    speech_start: float = field(metadata=places(2))
    speech_end: float = field(metadata=places(2))
    speaking_s: float = field(metadata=places(2))
    """Speaking time, first word to last: the exact span, rounded once (so it can differ by
    0.01 s from the difference of the rounded ends)."""
    words: tuple[Word, ...] = field(metadata=places(2, keys=("text", "start", "end")))
    sections: tuple[Section, ...]
    missing: tuple[str, ...]
    fillers: tuple[Filler, ...]
    disfluencies: tuple[Disfluency, ...]
    pauses: tuple[Pause, ...]
    red_flags: tuple[Finding, ...]
    strengths: tuple[Finding, ...]
    themes: tuple[ThemeCheck, ...]
    pace: Pace | None
    notes: tuple[Note, ...]
    options: AnalysisOptions
    timed: bool = True
    question: dict[str, Any] | None = None
    question_checks: tuple[ThemeCheck, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, metadata=OMIT)
    fix_first: tuple[Priority, ...] = ()
    """What to fix first (``priorities.rank``), the point that matters most first."""
    unclear: tuple[tuple[float, float], ...] = field(
        default=(), metadata=places(2, names=("start", "end")))
    """Voiced stretches (start, end) the transcription made no words of: left out of every
    figure, and said so."""
    delivery: Delivery | None = field(default=None, metadata=OMIT)
    """Pitch and loudness of the voice; None without audio (a typed answer) or before it
    existed. Left out of the JSON when absent, so a typed answer's JSON is what it was."""

    @property
    def length_s(self) -> float:
        """The answer's length, the one figure every view shows and judges: the speaking time
        (first word to last) of a recording; for a typed answer an estimate at the middle of
        the comfortable speaking band."""
        if self.timed:
            return self.speaking_s
        wpm = (self.options.wpm_min + self.options.wpm_max) / 2
        return sum(s.words for s in self.sections) / wpm * 60.0

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "analyzer_version": ANALYZER_VERSION, **dump(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        """Rebuild an Analysis from ``to_dict()`` output (a stored session renders again).

        An analysis stored before ``fix_first`` existed gets it ranked now. Raises ValueError
        for JSON of another schema.
        """
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} analysis: schema {d.get('schema')!r}")
        if "speaking_s" not in d:
            d = {**d, "speaking_s": max(0.0, float(d["speech_end"]) - float(d["speech_start"]))}
        analysis = load(cls, d)
        if "fix_first" not in d:
            from starcoach.analysis.priorities import rank

            analysis = replace(analysis, fix_first=rank(analysis))
        return analysis
