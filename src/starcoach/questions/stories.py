"""The "stories to prepare" checklist: which kinds of story the user has practiced.

Each built-in category and each imported guide has a checklist of story kinds ("A mistake that
hurt other people's work"). A question is linked to the item it draws on: its own ``story``
when the checklist has it, else the item sharing the most words with the question. An item is
practiced when a saved session answered a question linked to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from starcoach.serial import Record

STOP = frozenset(
    "about after again also and any because been before being but can could describe did does "
    "doing done from give had has have how into its just made make more most much must not once "
    "only other over own same should some such than that the their them then there these they "
    "this those through time tell was were what when where which while who why will with would "
    "you your yours ready least".split()
)


def _stems(text: str) -> set[str]:
    # Four letters is enough to join "failed" with "failure" and "receiving" with "received".
    return {w[:4] for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4 and w not in STOP}


def best_item(text: str, items: Sequence[str]) -> int | None:
    """Index of the checklist item sharing the most words with ``text``; None on no overlap or
    a tie (a question that fits two items equally is linked to neither)."""
    words = _stems(text)
    scores = [len(words & _stems(item)) for item in items]
    if not scores or max(scores) == 0 or scores.count(max(scores)) > 1:
        return None
    return scores.index(max(scores))


@dataclass(frozen=True)
class StoryStatus(Record):
    """One item of a checklist: practiced or not, with the sessions that count for it."""

    JSON_KEYS: ClassVar = ("item", "practiced", "sessions", "last_practiced", "questions")

    item: str
    questions: tuple[str, ...]
    """Ids of the questions linked to this item (practice one of them to tick it)."""
    sessions: int
    last_practiced: str | None

    @property
    def practiced(self) -> bool:
        return self.sessions > 0



@dataclass(frozen=True)
class ChecklistStatus:
    category: str
    title: str
    source: str
    items: tuple[StoryStatus, ...]
    sessions: int
    """Sessions on any question of this category, linked to an item or not."""

    def to_dict(self) -> dict[str, Any]:
        done = sum(1 for i in self.items if i.practiced)
        return {"category": self.category, "title": self.title, "source": self.source,
                "practiced": done, "total": len(self.items), "sessions": self.sessions,
                "items": [i.to_dict() for i in self.items]}


def story_checklists(sessions: Iterable[dict[str, Any]]) -> list[ChecklistStatus]:
    """Every checklist with the practice it has had. ``sessions`` are dicts with at least
    ``question_id`` and ``created_at`` (``Session.to_dict()`` fits)."""
    from starcoach.questions.bank import all_questions, checklists

    questions = all_questions()
    by_question: dict[str, list[str]] = {}
    for s in sessions:
        if s.get("question_id"):
            by_question.setdefault(s["question_id"], []).append(str(s.get("created_at") or ""))
    out = []
    for checklist in checklists():
        linked: dict[int, list[str]] = {i: [] for i in range(len(checklist.items))}
        in_category = [q for q in questions if q.category == checklist.category]
        for q in in_category:
            if q.story in checklist.items:
                index: int | None = checklist.items.index(q.story)
            else:
                index = best_item(f"{q.text} {q.story or ''}", checklist.items)
            if index is not None:
                linked[index].append(q.id)
        items = []
        for i, item in enumerate(checklist.items):
            times = [t for qid in linked[i] for t in by_question.get(qid, ())]
            items.append(StoryStatus(item, tuple(linked[i]), len(times),
                                     max(times) if times else None))
        total = sum(len(by_question.get(q.id, ())) for q in in_category)
        out.append(ChecklistStatus(checklist.category, checklist.title, checklist.source,
                                   tuple(items), total))
    return out

