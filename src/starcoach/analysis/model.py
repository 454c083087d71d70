"""The analyzer's results and the options that produced them.

``Analysis.to_dict()`` is the stable ``--json`` output, schema ``starcoach.analysis/1``; its
fields are documented in the README. Times are seconds from the start of the audio.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Protocol

from starcoach.analysis.priorities import Priority
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
class AnalysisOptions:
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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AnalysisOptions:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True)
class Section:
    """One contiguous STAR part of the answer. ``share`` is of the answer's speaking time."""

    label: str
    start: float
    end: float
    first_word: int
    """Index of the section's first word in the transcript."""
    last_word: int
    """Index of its last word (inclusive)."""
    words: int
    wpm: float
    fillers: int
    share: float

    @property
    def seconds(self) -> float:
        return max(0.0, self.end - self.start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "start": round(self.start, 2),
            "end": round(self.end, 2),
            "seconds": round(round(self.end, 2) - round(self.start, 2), 2),
            "share": round(self.share, 3),
            "words": self.words,
            "wpm": round(self.wpm, 1),
            "fillers": self.fillers,
            "first_word": self.first_word,
            "last_word": self.last_word,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(label=d["label"], start=float(d["start"]), end=float(d["end"]),
                   first_word=int(d["first_word"]), last_word=int(d["last_word"]),
                   words=int(d["words"]), wpm=float(d["wpm"]), fillers=int(d["fillers"]),
                   share=float(d["share"]))


@dataclass(frozen=True)
class Filler:
    """A filler: ``kind`` is "filled_pause" (um, uh) or "discourse" (like, you know)."""

    text: str
    start: float
    end: float
    kind: str
    word_index: int
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": round(self.start, 2),
            "end": round(self.end, 2),
            "kind": self.kind,
            "word_index": self.word_index,
            "section": self.section,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Filler:
        return cls(text=d["text"], start=float(d["start"]), end=float(d["end"]), kind=d["kind"],
                   word_index=int(d["word_index"]), section=d.get("section"))


@dataclass(frozen=True)
class Disfluency:
    """A repeated word or a restart ("but, but", "I I"); ``kind`` is "repeat" or "restart"."""

    text: str
    start: float
    end: float
    kind: str
    word_index: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": round(self.start, 2),
            "end": round(self.end, 2),
            "kind": self.kind,
            "word_index": self.word_index,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Disfluency:
        return cls(text=d["text"], start=float(d["start"]), end=float(d["end"]), kind=d["kind"],
                   word_index=int(d["word_index"]))


@dataclass(frozen=True)
class Pause:
    """A silence measured from the audio. ``where``: "between_sections", "between_sentences"
    or "mid_sentence"."""

    start: float
    end: float
    where: str = "mid_sentence"

    @property
    def seconds(self) -> float:
        return self.end - self.start

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": round(self.start, 2),
            "end": round(self.end, 2),
            "seconds": round(round(self.end, 2) - round(self.start, 2), 2),
            "where": self.where,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Pause:
        return cls(start=float(d["start"]), end=float(d["end"]),
                   where=d.get("where", "mid_sentence"))


@dataclass(frozen=True)
class Finding:
    """A red flag or a strength. ``start`` is None for findings about what is absent."""

    category: str
    quote: str
    start: float | None
    advice: str
    end: float | None = None
    word_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "quote": self.quote,
            "start": None if self.start is None else round(self.start, 2),
            "end": None if self.end is None else round(self.end, 2),
            "advice": self.advice,
            "word_index": self.word_index,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        def num(v: Any) -> float | None:
            return None if v is None else float(v)

        return cls(category=d["category"], quote=d["quote"], start=num(d.get("start")),
                   advice=d.get("advice", ""), end=num(d.get("end")),
                   word_index=d.get("word_index"))


@dataclass(frozen=True)
class ThemeCheck:
    """One theme (or one look-for point of a question): met or not, with the words that show it."""

    name: str
    met: bool
    evidence: tuple[str, ...] = ()
    hint: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "met": self.met, "evidence": list(self.evidence),
                "hint": self.hint}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ThemeCheck:
        return cls(name=d["name"], met=bool(d["met"]), evidence=tuple(d.get("evidence", ())),
                   hint=d.get("hint", ""))


@dataclass(frozen=True)
class PaceWindow:
    start: float
    end: float
    wpm: float

    def to_dict(self) -> dict[str, Any]:
        return {"start": round(self.start, 2), "end": round(self.end, 2), "wpm": round(self.wpm, 1)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PaceWindow:
        return cls(start=float(d["start"]), end=float(d["end"]), wpm=float(d["wpm"]))


@dataclass(frozen=True)
class Pace:
    wpm: float
    """Words per minute over the speaking time (first word to last)."""
    articulation_wpm: float
    """Words per minute with the pauses taken out."""
    fillers_per_min: float
    windows: tuple[PaceWindow, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "wpm": round(self.wpm, 1),
            "articulation_wpm": round(self.articulation_wpm, 1),
            "fillers_per_min": round(self.fillers_per_min, 2),
            "windows": [w.to_dict() for w in self.windows],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Pace:
        return cls(wpm=float(d["wpm"]), articulation_wpm=float(d["articulation_wpm"]),
                   fillers_per_min=float(d["fillers_per_min"]),
                   windows=tuple(PaceWindow.from_dict(w) for w in d.get("windows", ())))


@dataclass(frozen=True)
class Note:
    """A verdict on one aspect (length, balance, pace...): ``status`` "ok", "low" or "high"."""

    aspect: str
    status: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"aspect": self.aspect, "status": self.status, "message": self.message}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Note:
        return cls(aspect=d["aspect"], status=d["status"], message=d["message"])


@dataclass(frozen=True)
class Span:
    """A stretch of the answer (seconds), with the figure that marks it."""

    start: float
    end: float
    value: float
    """Semitones for a monotone stretch (its pitch SD) or a rising end (the rise), dB for a
    sentence end that falls away (how far below the sentence's median)."""
    word_index: int | None = None
    """The sentence's last word, for an end that falls away or rises."""

    def to_dict(self) -> dict[str, Any]:
        return {"start": round(self.start, 2), "end": round(self.end, 2),
                "value": round(self.value, 1), "word_index": self.word_index}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(start=float(d["start"]), end=float(d["end"]), value=float(d["value"]),
                   word_index=d.get("word_index"))


@dataclass(frozen=True)
class VoiceFigures:
    """Pitch and loudness over one stretch (the answer or one STAR section)."""

    range_st: float
    """Pitch range in semitones: 5th to 95th percentile of the voiced frames."""
    variation_st: float
    """Median over 5 s windows of the pitch standard deviation in each (semitones)."""
    monotone: bool
    """``variation_st`` under ``delivery.MONOTONE_SD_ST``."""
    level_db: float
    """Median level of the voiced frames (dBFS)."""
    label: str = "answer"

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "range_st": round(self.range_st, 1),
                "variation_st": round(self.variation_st, 2), "monotone": self.monotone,
                "level_db": round(self.level_db, 1)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> VoiceFigures:
        return cls(range_st=float(d["range_st"]), variation_st=float(d["variation_st"]),
                   monotone=bool(d["monotone"]), level_db=float(d["level_db"]),
                   label=d.get("label", "answer"))


@dataclass(frozen=True)
class Delivery:
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
    contour: tuple[tuple[float, float | None], ...] = ()
    """(time s, pitch in semitones from the answer's median, None where unvoiced), every
    0.1 s: the pitch line of the HTML report."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "monotone": [m.to_dict() for m in self.monotone],
            "fading_ends": [f.to_dict() for f in self.fading_ends],
            "rising_ends": [r.to_dict() for r in self.rising_ends],
            "contour": [[round(t, 2), None if v is None else round(v, 1)]
                        for t, v in self.contour],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Delivery:
        return cls(
            answer=VoiceFigures.from_dict(d["answer"]),
            sections=tuple(VoiceFigures.from_dict(s) for s in d.get("sections", ())),
            monotone=tuple(Span.from_dict(m) for m in d.get("monotone", ())),
            fading_ends=tuple(Span.from_dict(f) for f in d.get("fading_ends", ())),
            rising_ends=tuple(Span.from_dict(r) for r in d.get("rising_ends", ())),
            contour=tuple((float(t), None if v is None else float(v))
                          for t, v in d.get("contour", ())),
        )


@dataclass(frozen=True)
class Analysis:
    duration_s: float
    """Length of the audio."""
    speech_start: float
    speech_end: float
    words: tuple[Word, ...]
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
    extra: dict[str, Any] = field(default_factory=dict)
    fix_first: tuple[Priority, ...] = ()
    """What to fix first (``priorities.rank``), the point that matters most first."""
    unclear: tuple[tuple[float, float], ...] = ()
    """Voiced stretches (start, end) the transcription made no words of: left out of every
    figure, and said so."""
    delivery: Delivery | None = None
    """Pitch and loudness of the voice; None without audio (a typed answer) or before it
    existed."""

    @property
    def speaking_s(self) -> float:
        return max(0.0, self.speech_end - self.speech_start)

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
        return {
            "schema": SCHEMA,
            "analyzer_version": ANALYZER_VERSION,
            "timed": self.timed,
            "duration_s": round(self.duration_s, 2),
            "speech_start": round(self.speech_start, 2),
            "speech_end": round(self.speech_end, 2),
            "speaking_s": round(self.speaking_s, 2),
            "words": [{"text": w.text, "start": round(w.start, 2), "end": round(w.end, 2)}
                      for w in self.words],
            "sections": [s.to_dict() for s in self.sections],
            "missing": list(self.missing),
            "fillers": [f.to_dict() for f in self.fillers],
            "disfluencies": [d.to_dict() for d in self.disfluencies],
            "pauses": [p.to_dict() for p in self.pauses],
            "unclear": [{"start": round(a, 2), "end": round(b, 2)} for a, b in self.unclear],
            "red_flags": [f.to_dict() for f in self.red_flags],
            "strengths": [f.to_dict() for f in self.strengths],
            "themes": [t.to_dict() for t in self.themes],
            "pace": None if self.pace is None else self.pace.to_dict(),
            "notes": [n.to_dict() for n in self.notes],
            "question": self.question,
            "question_checks": [c.to_dict() for c in self.question_checks],
            "fix_first": [p.to_dict() for p in self.fix_first],
            "options": self.options.to_dict(),
            **({"extra": self.extra} if self.extra else {}),
            # Only when measured, so the JSON of a typed answer is what it was.
            **({"delivery": self.delivery.to_dict()} if self.delivery is not None else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        """Rebuild an Analysis from ``to_dict()`` output (a stored session renders again).

        An analysis stored before ``fix_first`` existed gets it ranked now. Raises ValueError
        for JSON of another schema.
        """
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} analysis: schema {d.get('schema')!r}")
        analysis = cls(
            duration_s=float(d["duration_s"]),
            speech_start=float(d["speech_start"]),
            speech_end=float(d["speech_end"]),
            words=tuple(Word(text=w["text"], start=float(w["start"]), end=float(w["end"]))
                        for w in d["words"]),
            sections=tuple(Section.from_dict(x) for x in d["sections"]),
            missing=tuple(d.get("missing", ())),
            fillers=tuple(Filler.from_dict(x) for x in d.get("fillers", ())),
            disfluencies=tuple(Disfluency.from_dict(x) for x in d.get("disfluencies", ())),
            pauses=tuple(Pause.from_dict(x) for x in d.get("pauses", ())),
            red_flags=tuple(Finding.from_dict(x) for x in d.get("red_flags", ())),
            strengths=tuple(Finding.from_dict(x) for x in d.get("strengths", ())),
            themes=tuple(ThemeCheck.from_dict(x) for x in d.get("themes", ())),
            pace=None if d.get("pace") is None else Pace.from_dict(d["pace"]),
            notes=tuple(Note.from_dict(x) for x in d.get("notes", ())),
            options=AnalysisOptions.from_dict(d.get("options", {})),
            timed=bool(d.get("timed", True)),
            question=d.get("question"),
            question_checks=tuple(ThemeCheck.from_dict(x) for x in d.get("question_checks", ())),
            extra=dict(d.get("extra", {})),
            fix_first=tuple(Priority.from_dict(x) for x in d.get("fix_first", ())),
            unclear=tuple((float(u["start"]), float(u["end"])) for u in d.get("unclear", ())),
            delivery=None if d.get("delivery") is None else Delivery.from_dict(d["delivery"]),
        )
        if "fix_first" not in d:
            from starcoach.analysis.priorities import rank

            analysis = replace(analysis, fix_first=rank(analysis))
        return analysis
