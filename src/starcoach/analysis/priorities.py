"""What to fix first: at most three points, ranked by how much each would change an
interviewer's impression of the answer.

A coach starts with what the interviewer will remember about the person (blaming others, a
virtue posed as a flaw), then what leaves the story without its point (no result, no action,
no lesson, an answer to another question), then how it is told (too thin, set-up too long,
"we" for "I"), and only then delivery (fillers, pace, pauses). Each point carries its evidence
(a time and the speaker's own words) and one concrete change. Points about the same concern
are merged: three blame quotes are one point, and a missed "lesson" check adds nothing to a
"no learning" flag.

``rank(analysis)`` is the one place the order is decided; the analyzer stores its result in
every analysis (``fix_first`` in the JSON), and every view reads it from there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from starcoach.analysis.quoting import (
    SENTENCE_MAX_WORDS,
    phrase,
    phrase_before,
    sentence_start,
)
from starcoach.serial import Record, places
from starcoach.types import Word, clock

if TYPE_CHECKING:
    from starcoach.analysis.model import Analysis

MAX_POINTS = 3


@dataclass(frozen=True)
class Priority(Record):
    """One point to fix: ``at`` is the time (or word position of a typed answer) of ``quote``,
    the speaker's own words; ``evidence`` says what those words show; ``change`` is what to do.
    ``weight`` orders the points; it is not stored, nor compared."""

    JSON_KEYS: ClassVar = ("kind", "title", "evidence", "quote", "at", "change")

    kind: str
    title: str
    evidence: str = ""
    change: str = ""
    quote: str = ""
    at: float | None = field(default=None, metadata=places(2))
    weight: float = field(default=0.0, compare=False)


# kind -> (weight, concern, title, change). A higher weight is said first; one point per
# concern. Red flags use their category as kind.
POINTS: dict[str, tuple[float, str, str, str]] = {
    "blame_shifting": (100, "excuses", "The fault lands on other people",
                       "Replace that sentence with your own part, starting \"I should "
                       "have ...\"; leave the others' role as one clause of context."),
    "humble_brag": (95, "real_failure", "A virtue posed as a flaw",
                    "Swap it for a real mistake of yours and what it cost: the wrong call, "
                    "the missed check, the day it slipped."),
    "missing_action": (92, "action", "No action: what did you do?",
                       "Add three or four sentences on what you did yourself, each starting "
                       "with \"I\"."),
    "missing_result": (90, "result", "No result: the story has no ending",
                       "End with how it turned out, with a number if you have one, and what "
                       "you do differently now."),
    "off_question": (88, "question", "It does not answer the question asked",
                     "Pick a story that fits the question, or say early what in it answers "
                     "the question."),
    "external_factors": (85, "excuses", "Only outside causes",
                         "After the outside cause, say what was in your hands: \"What I could "
                         "have done was ...\"."),
    "no_learning": (80, "learning", "No lesson",
                    "Close with one sentence that starts \"What I learned was ...\" and names "
                    "one specific lesson."),
    "thin": (75, "length", "Too thin to judge",
             "Add two steps to the action and a number to the result: aim for 90-150 s."),
    "ownership": (70, "credit", "\"We\" where the interviewer needs \"I\"",
                  "Retell the action with \"I\" for every step you took yourself."),
    "no_change": (65, "change", "Nothing shows you work differently now",
                  "Add one example of the lesson at work: \"Since then I ...\"."),
    "question_points": (60, "question", "Part of the question is not answered",
                        "Add a sentence for each point the question looks for."),
    "rambles": (58, "length", "It rambles",
                "Cut the situation to two sentences and keep one result: aim for 90-150 s."),
    "missing_situation": (55, "situation", "No situation",
                          "Open with one or two sentences of context: where, when, what was "
                          "at stake."),
    "missing_task": (54, "task", "No task",
                     "Add one sentence on what you were responsible for, before what you did."),
    "setup_long": (50, "balance", "The set-up takes too long",
                   "Cut the situation and task to two or three sentences and get to what you "
                   "did sooner."),
    "action_short": (48, "balance", "The action is too short",
                     "Spend about half the answer on what you did: add the steps and the "
                     "choices you made."),
    "result_short": (45, "result", "The result is too short",
                     "Give the result two or three sentences: the outcome, a number, the "
                     "lesson."),
    "long": (42, "length", "A little long",
             "Trim the set-up first: two sentences of context are enough."),
    "short": (40, "length", "A little short",
              "Add detail to what you did and how it ended: aim for 90-150 s."),
    "fillers": (38, "fillers", "Fillers",
                "Where you would say the filler, stop for a silent beat instead."),
    "fast": (35, "pace", "Too fast",
             "Slow to about 140 words a minute: stop for a beat after each sentence."),
    "slow": (34, "pace", "Slow",
             "Prepare the next sentence's first words; aim for 120-160 words a minute."),
    "mid_pause": (30, "pauses", "Long pauses mid-sentence",
                  "Finish the thought, then pause: between sentences, not inside one."),
}
COVERS = {"ownership": "excuses", "reflection": "excuses", "learning": "learning",
          "change": "change", "prevention": "change", "outcome": "result"}
"""A question check of this cue family says nothing new once that concern is a point."""


def _opening(words: Sequence[Word], first: int) -> tuple[str, float | None]:
    """The phrase that starts at word ``first``, and its time."""
    if not words or first >= len(words):
        return "", None
    return phrase(words, first), words[first].start


def _ending(words: Sequence[Word]) -> tuple[str, float | None]:
    """The answer's last sentence, or the last phrase of a long one, and its time."""
    if not words:
        return "", None
    first = sentence_start(words, len(words) - 1)
    if len(words) - first > SENTENCE_MAX_WORDS:
        first, text = phrase_before(words, len(words) - 1)
        return text, words[first].start
    return " ".join(w.text for w in words[first:]), words[first].start


def _point(kind: str, evidence: str, quote: str = "", at: float | None = None,
           weight: float | None = None, title: str | None = None) -> Priority:
    w, _, name, change = POINTS[kind]
    return Priority(kind, title or name, evidence, change, quote, at,
                    w if weight is None else weight)


def _flag_points(a: Analysis) -> list[Priority]:
    out = []
    by_kind: dict[str, list[Any]] = {}
    for f in a.red_flags:
        by_kind.setdefault(f.category, []).append(f)
    for kind, flags in by_kind.items():
        if kind not in POINTS:
            continue
        first = flags[0]
        if first.start is None:  # about something absent: show where it would go
            quote, at = _ending(a.words)
            evidence = f"{first.quote}; the answer ends"
        else:
            quote, at = first.quote, first.start
            evidence = f"the first of {len(flags)}" if len(flags) > 1 else ""
        out.append(_point(kind, evidence, quote, at))
    return out


def _missing_points(a: Analysis) -> list[Priority]:
    out = []
    for label in a.missing:
        kind = f"missing_{label}"
        if label in ("result", "action"):
            quote, at = _ending(a.words)
            evidence = "the answer ends"
        elif label == "situation":
            quote, at = _opening(a.words, 0)
            evidence = "the answer opens"
        else:
            after = next((s for s in a.sections if s.label in ("action", "result")), None)
            quote, at = _opening(a.words, after.first_word if after else 0)
            evidence = "from the situation it goes straight to what you did"
        out.append(_point(kind, evidence, quote, at))
    return out


def _section(a: Analysis, label: str) -> tuple[str, float | None, str]:
    """Quote, time and span ("0:14-0:21") of the first section with this label."""
    sec = next((s for s in a.sections if s.label == label), None)
    if sec is None:
        return "", None, ""
    quote, at = _opening(a.words, sec.first_word)
    span = (f"{clock(sec.start)}-{clock(sec.end)}" if a.timed
            else f"words {sec.first_word + 1}-{sec.last_word + 1}")
    return quote, at, span


def _note_points(a: Analysis) -> list[Priority]:
    out = []
    for n in a.notes:
        if n.status == "ok":
            continue
        if n.aspect == "length":
            kind = n.message.split(":")[0].lower()
            kind = {"thin": "thin", "short": "short", "long": "long",
                    "rambles": "rambles"}.get(kind, "short")
            label = "action" if kind in ("thin", "short") else "situation"
            quote, at, span = _section(a, label)
            head = n.message.split(";")[0].split(". ")[0]
            out.append(_point(kind, f"{head}; the {label}, {span}, starts" if span else head,
                              quote, at))
        elif n.aspect == "balance":
            kind = ("setup_long" if n.message.startswith("Set-up") else
                    "action_short" if n.message.startswith("Action") and n.status == "low" else
                    "result_short" if n.message.startswith("Result") and n.status == "low"
                    else "")
            if kind:
                label = {"setup_long": "situation", "action_short": "action",
                         "result_short": "result"}[kind]
                quote, at, span = _section(a, label)
                out.append(_point(kind, n.message.split(";")[0] + (f", {span}; it starts"
                                                                    if span else ""),
                                  quote, at))
        elif n.aspect == "pace" and a.pace is not None and a.pace.windows:
            fast = n.status == "high"
            w = (max if fast else min)(a.pace.windows, key=lambda x: x.wpm)
            i = next((k for k, word in enumerate(a.words) if word.start >= w.start), 0)
            quote, at = _opening(a.words, i)
            out.append(_point("fast" if fast else "slow",
                              f"{a.pace.wpm:.0f} wpm overall, {w.wpm:.0f} in the stretch that "
                              "starts", quote, at))
        elif n.aspect == "pauses":
            out.append(_pause_point(a))
    return out


def filler_rate(a: Analysis) -> float:
    """Fillers a minute: measured on a recording, estimated from the length when typed."""
    if a.pace is not None:
        return a.pace.fillers_per_min
    return len(a.fillers) / a.length_s * 60.0 if a.length_s > 0 else 0.0


def _filler_points(a: Analysis) -> list[Priority]:
    """Over the limit: the sentence with the most fillers, quoted from its start."""
    rate = filler_rate(a)
    if rate <= a.options.fillers_per_min_max or not a.fillers:
        return []
    per_sentence: dict[int, list[int]] = {}
    for f in a.fillers:
        if f.word_index < len(a.words):
            per_sentence.setdefault(sentence_start(a.words, f.word_index), []).append(
                f.word_index)
    first, inside = max(per_sentence.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    need = max((i for i in inside if i - first < 18), default=first)
    quote = phrase(a.words, first, need=need, max_words=18)
    top = Counter(f.text for f in a.fillers).most_common(2)
    names = " and ".join(f"\"{t}\" ({k}x)" for t, k in top)
    excess = rate - a.options.fillers_per_min_max
    return [_point("fillers", f"{rate:.1f} a minute, mostly {names}; {len(inside)} in the "
                   "sentence", quote, a.words[first].start,
                   weight=POINTS["fillers"][0] + min(12.0, excess))]


def _pause_point(a: Analysis) -> Priority:
    mid = [p for p in a.pauses if p.where == "mid_sentence"
           and p.seconds >= a.options.long_pause_s]
    p = max(mid, key=lambda x: x.seconds)
    before = [i for i, w in enumerate(a.words) if w.end <= p.start + 0.05]
    first, quote = phrase_before(a.words, before[-1] if before else 0)
    lead = f"{len(mid)} long pauses mid-sentence; " if len(mid) > 1 else ""
    return _point("mid_pause", f"{lead}{p.seconds:.1f} s of silence after the words",
                  quote, a.words[first].start if a.words else None)


def _question_point(a: Analysis, raised: set[str]) -> list[Priority]:
    """The question's checks not met, leaving out those an earlier point already covers."""
    from starcoach.analysis.question_fit import check_families

    checks = a.question_checks
    if not checks:
        return []
    unmet = [c for c in checks if not c.met
             and not any(COVERS.get(f) in raised for f in check_families(c.name))]
    if not unmet:
        return []
    names = "; ".join(c.name[0].lower() + c.name[1:] for c in unmet[:2])
    more = f" and {len(unmet) - 2} more" if len(unmet) > 2 else ""
    kind = "off_question" if 2 * len(unmet) > len(checks) else "question_points"
    # A story about something else shows it in its opening; a missing part would come last.
    quote, at = _opening(a.words, 0) if kind == "off_question" else _ending(a.words)
    where = "the story opens" if kind == "off_question" else "the answer ends"
    if kind == "off_question":
        evidence = f"{len(unmet)} of {len(checks)} checks not heard ({names}{more}); {where}"
        return [_point(kind, evidence, quote, at)]
    evidence = f"{len(unmet)} of {len(checks)} checks not heard; {where}"
    return [_point(kind, evidence, quote, at, title=f"Not heard: {names}{more}")]


SOURCES: tuple[Callable[[Analysis], list[Priority]], ...] = (
    _flag_points, _missing_points, _note_points, _filler_points)


def ranked(a: Analysis) -> tuple[Priority, ...]:
    """Every point of the answer, one per concern, the one that would most change the
    impression first. ``rank`` keeps the first ``MAX_POINTS``; the practice comparison asks
    whether a concern of the previous attempt is still here at all."""
    found = sorted((p for source in SOURCES for p in source(a)), key=lambda p: -p.weight)
    points: list[Priority] = []
    concerns: set[str] = set()
    for p in found:
        if concern(p.kind) not in concerns:
            concerns.add(concern(p.kind))
            points.append(p)
    for p in _question_point(a, concerns):
        if concern(p.kind) not in concerns:
            points.append(p)
    points.sort(key=lambda p: -p.weight)
    return tuple(points)


def rank(a: Analysis) -> tuple[Priority, ...]:
    """At most ``MAX_POINTS`` points, the one that would most change the impression first."""
    return ranked(a)[:MAX_POINTS]


def concern(kind: str) -> str:
    """What a point is about ("result", "excuses", "fillers"): points of one concern are one
    point, and a concern gone from an answer is fixed, whatever its wording was."""
    return POINTS[kind][1] if kind in POINTS else kind


def stored_points(a: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``fix_first`` points of a stored analysis (``Analysis.to_dict()``); one saved
    before they existed gets them ranked now, one from an older starcoach none."""
    if "fix_first" in a:
        return list(a["fix_first"] or [])
    from starcoach.analysis.model import Analysis

    try:
        return [p.to_dict() for p in Analysis.from_dict(a).fix_first]
    except (KeyError, TypeError, ValueError):
        return []


@dataclass(frozen=True)
class SharedPoint:
    """A concern across several answers: its first point's ``title`` and ``change``, and
    which answers (by their index in the list given) have it."""

    concern: str
    title: str
    change: str
    answers: tuple[int, ...]
    weight: float


def across(analyses: Sequence[Analysis], limit: int = MAX_POINTS) -> list[SharedPoint]:
    """What to work on first over several answers (a mock interview): each concern of the
    answers' fix-first points, the one that comes back in most answers first, then the one
    that would most change the impression. A habit seen in every answer is worth more practice
    than the worst slip of one."""
    seen: dict[str, list[tuple[int, Priority]]] = {}
    for i, a in enumerate(analyses):
        for p in a.fix_first:
            seen.setdefault(concern(p.kind), []).append((i, p))
    shared = []
    for key, hits in seen.items():
        first = max((p for _, p in hits), key=lambda p: POINTS.get(p.kind, (0.0,))[0])
        shared.append(SharedPoint(key, first.title, first.change,
                                  tuple(dict.fromkeys(i for i, _ in hits)),
                                  POINTS.get(first.kind, (0.0,))[0]))
    shared.sort(key=lambda s: (-len(s.answers), -s.weight))
    return shared[:limit]
