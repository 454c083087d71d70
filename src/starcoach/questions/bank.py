"""The question bank: built-in behavioral questions plus the guides the user imported.

The built-in bank lives in ``data/questions.json`` (our own wording). Guides imported with
``starcoach questions import`` are kept in ``<data dir>/questions.json`` beside the sessions
database, keyed by the guide's slug, and merged over the built-ins: an imported question with
the id of a built-in one replaces it, the others are added.
"""

from __future__ import annotations

import difflib
import json
import random
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any

from starcoach.errors import NotFoundError, UsageError
from starcoach.questions.user_store import load_guides, save_guide, user_bank_path
from starcoach.serial import Record, dump

__all__ = ["Question", "Point", "Checklist", "get_question", "list_questions", "categories",
           "choose_question", "session_weakness", "checklists", "load_guides", "save_guide",
           "user_bank_path"]

BUILT_IN = "built-in"


@dataclass(frozen=True)
class Point(Record):
    """A named item of advice: a theme ("Ownership": how to show it) or a red flag."""

    name: str
    detail: str = ""



@dataclass(frozen=True)
class Question(Record):
    """One interview question with what a good answer shows.

    ``look_for`` is what interviewers look for; ``red_flags`` and ``themes`` are those of its
    category (or of the guide it came from); ``story`` is the kind of story it draws on (an item
    of the "stories to prepare" checklist); ``source`` is "built-in" or the slug of the imported
    guide; ``reference_answer`` is the guide's example answer, kept but not shown by default.
    """

    id: str
    category: str
    text: str
    look_for: tuple[str, ...] = ()
    red_flags: tuple[Point, ...] = ()
    themes: tuple[Point, ...] = ()
    story: str | None = None
    source: str = BUILT_IN
    reference_answer: str | None = None

    def to_dict(self, reference: bool = False) -> dict[str, Any]:
        """Plain data; the reference answer only when asked (it is long and not feedback)."""
        d: dict[str, Any] = dump(self)
        if not reference:
            del d["reference_answer"]
        return d


@dataclass(frozen=True)
class Checklist:
    """A "stories to prepare" checklist: a built-in category's, or an imported guide's."""

    category: str
    title: str
    source: str
    items: tuple[str, ...]


# -- the built-in bank ------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _built_in() -> tuple[tuple[Question, ...], tuple[dict[str, Any], ...]]:
    raw = json.loads(resources.files("starcoach").joinpath("data/questions.json").read_text())
    out: list[Question] = []
    for cat in raw["categories"]:
        flags = tuple(Point.from_dict(p) for p in cat["red_flags"])
        themes = tuple(Point.from_dict(p) for p in cat["themes"])
        for q in cat["questions"]:
            out.append(Question(id=q["id"], category=cat["id"], text=q["text"],
                                look_for=tuple(q["look_for"]), red_flags=flags, themes=themes,
                                story=q.get("story")))
    return tuple(out), tuple(raw["categories"])


def built_in_categories() -> list[str]:
    return [c["id"] for c in _built_in()[1]]


# -- the user's imported guides (stored by question_store) -----------------------------------
def _imported() -> list[Question]:
    return [Question.from_dict(q) for g in load_guides().values() for q in g["questions"]]


# -- lookup -----------------------------------------------------------------------------------
def all_questions() -> list[Question]:
    """Built-ins first (an imported question with the same id takes its place), then imports."""
    imported = _imported()
    by_id = {q.id: q for q in imported}
    merged = [by_id.pop(q.id, q) for q in _built_in()[0]]
    return merged + [q for q in imported if q.id in by_id]


def categories() -> list[str]:
    """Category ids: the built-in ones in bank order, then those only imported guides have."""
    seen = dict.fromkeys(built_in_categories())
    seen.update(dict.fromkeys(q.category for q in all_questions()))
    return list(seen)


def list_questions(category: str | None = None) -> list[Question]:
    """Every question, or those of one category (NotFoundError for an unknown category)."""
    questions = all_questions()
    if category is None:
        return questions
    key = category.strip().lower()
    known = categories()
    if key not in known:
        raise NotFoundError(
            f"unknown category '{category}': expected one of {', '.join(known)}"
        )
    return [q for q in questions if q.category == key]


def get_question(question_id: str) -> Question:
    """One question by id; NotFoundError naming the closest ids when there is none."""
    questions = {q.id: q for q in all_questions()}
    key = question_id.strip().lower()
    if key in questions:
        return questions[key]
    message = f"unknown question '{question_id}': see `starcoach questions`"
    close = difflib.get_close_matches(key, list(questions), n=3, cutoff=0.6)
    if close:
        message += f" (did you mean {' or '.join(close)}?)"
    raise NotFoundError(message)


def checklists() -> list[Checklist]:
    """The "stories to prepare" checklists: one per built-in category, one per imported guide."""
    out = []
    for cat in _built_in()[1]:
        items = tuple(q["story"] for q in cat["questions"] if q.get("story"))
        out.append(Checklist(cat["id"], cat["title"], BUILT_IN, items))
    for slug, guide in load_guides().items():
        out.append(Checklist(guide["category"], guide["title"], slug, tuple(guide["stories"])))
    return out


# -- choosing what to practice next -----------------------------------------------------------
STALENESS_WEIGHT = 1.0
WEAKNESS_WEIGHT = 1.5
"""A clearly weak last attempt outweighs one that is merely older (see choose_question)."""


def session_weakness(session: dict[str, Any]) -> float:
    """How weak one attempt was: 0 is clean; each red flag or missing STAR part adds 1, each
    look-for point missed adds 0.5, and every 3 fillers per minute add 1.

    Reads the keys from ``session["analysis"]`` (an ``Analysis.to_dict()``, as stored) or from
    the session dict itself; a ``weakness`` key overrides the computation.
    """
    if session.get("weakness") is not None:
        return float(session["weakness"])
    a = session.get("analysis") or session

    def count(key: str) -> int:
        value = a.get(key)
        return len(value) if isinstance(value, list | tuple) else int(value or 0)

    pace = a.get("pace") or {}
    fpm = a.get("fillers_per_min", pace.get("fillers_per_min")) or 0.0
    unmet = sum(1 for c in a.get("question_checks") or () if not c.get("met"))
    return count("red_flags") + count("missing") + 0.5 * unmet + float(fpm) / 3.0


def _when(value: Any, position: int) -> float:
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).timestamp()
        except ValueError:
            pass
    return float(position)  # no usable time: the list's order (oldest first) decides


def choose_question(
    category: str | None = None,
    question_id: str | None = None,
    history: list[dict[str, Any]] | None = None,
    rng: random.Random | None = None,
    avoid: Collection[str] = (),
) -> Question:
    """The question to practice next.

    ``question_id`` wins (it must belong to ``category`` when both are given). Otherwise, among
    the questions (of ``category``): a question never practiced comes first; among practiced
    ones the one practiced last is skipped, and the others are ranked by how long ago they were
    last practiced plus how weak their last attempt was (``session_weakness``). Ties go to
    ``rng``.

    ``history`` is the saved sessions as dicts, each with ``question_id``, ``created_at`` (ISO
    8601 text, a datetime or epoch seconds; missing means list order, oldest first) and either
    ``analysis`` (an ``Analysis.to_dict()``) or the keys ``red_flags``, ``missing``,
    ``fillers_per_min``, ``question_checks`` directly, or a ``weakness`` number.
    ``Session.to_dict()`` from the store fits as it is. Questions in ``avoid`` (those already
    asked in a mock interview) are left out while any other is left.
    """
    rng = rng or random.Random()
    if question_id:
        question = get_question(question_id)
        if category and question.category != category.strip().lower():
            raise UsageError(
                f"question '{question.id}' is in category '{question.category}', "
                f"not '{category}': give one of --question or --category"
            )
        return question
    candidates = list_questions(category)
    if not candidates:
        raise NotFoundError(f"no questions in category '{category}'")
    candidates = [q for q in candidates if q.id not in avoid] or candidates
    last: dict[str, tuple[float, float]] = {}
    for i, session in enumerate(history or ()):
        qid = session.get("question_id")
        if qid:
            when = _when(session.get("created_at"), i)
            if qid not in last or when >= last[qid][0]:
                last[qid] = (when, session_weakness(session))
    fresh = [q for q in candidates if q.id not in last]
    if fresh:
        return rng.choice(fresh)
    ranked = sorted(candidates, key=lambda q: last[q.id][0])  # oldest first
    if len(ranked) > 1:
        ranked = ranked[:-1]  # never the same question twice in a row
    n = len(ranked)
    top_weakness = max(last[q.id][1] for q in ranked) or 1.0

    def priority(item: tuple[int, Question]) -> tuple[float, float]:
        age_rank, q = item
        staleness = 1.0 - age_rank / (n - 1) if n > 1 else 1.0
        score = STALENESS_WEIGHT * staleness + WEAKNESS_WEIGHT * last[q.id][1] / top_weakness
        return (round(score, 9), rng.random())

    return max(enumerate(ranked), key=priority)[1]
