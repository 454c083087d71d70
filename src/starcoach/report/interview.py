"""The summary after a mock interview (`practice --interview N`): one row per question with
its headline figures, then what to work on first across all the answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starcoach.analysis.follow_up import Probe, Reply
from starcoach.analysis.model import Analysis
from starcoach.analysis.priorities import across
from starcoach.types import clock, printable


@dataclass(frozen=True)
class InterviewAnswer:
    """One question of the interview as answered: its saved session, and the follow-up asked
    after it (None when it was skipped or could not be recorded)."""

    question_id: str
    session_id: str
    analysis: Analysis
    probe: Probe | None = None
    reply: Reply | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question_id": self.question_id, "session_id": self.session_id,
                "length_s": round(self.analysis.length_s, 1),
                "wpm": None if self.analysis.pace is None else round(self.analysis.pace.wpm),
                "fillers": len(self.analysis.fillers),
                "red_flags": sorted({f.category for f in self.analysis.red_flags}),
                "fix_first": [p.title for p in self.analysis.fix_first],
                "follow_up": None if self.probe is None else {
                    "prompt": self.probe.prompt,
                    "answered": None if self.reply is None else self.reply.answered}}


def headline(a: Analysis) -> str:
    """Length, pace, fillers and red flags of one answer, in one cell."""
    parts = [clock(a.length_s)]
    if a.pace is not None:
        parts.append(f"{a.pace.wpm:.0f} wpm")
    minutes = a.length_s / 60 if a.length_s > 0 else 0.0
    if minutes:
        parts.append(f"{len(a.fillers) / minutes:.1f} fillers/min")
    flags = len({f.category for f in a.red_flags})
    parts.append(f"{flags} red flag{'s' if flags != 1 else ''}" if flags else "no red flags")
    return " · ".join(parts)


def _follow_up_cell(item: InterviewAnswer) -> str:
    if item.probe is None:
        return "not asked"
    if item.reply is None:
        return f"{printable(item.probe.prompt)} (no reply)"
    state = "answered" if item.reply.answered else "not answered"
    return f"{printable(item.probe.prompt)} ({state})"


def render_summary(items: list[InterviewAnswer], asked: int) -> Any:
    """The interview summary as a rich renderable: ``asked`` questions were planned."""
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table

    done = len(items)
    title = f"Interview summary: {done} of {asked} question{'s' if asked != 1 else ''} answered"
    parts: list[Any] = [f"[bold]{escape(title)}[/bold]"]
    if not items:
        parts.append("No answer was saved, so there is nothing to sum up.")
        return Group(*parts)
    table = Table(box=None, pad_edge=False)
    for column in ("#", "question", "session", "answer", "first to fix", "follow-up"):
        table.add_column(column)
    for n, item in enumerate(items, 1):
        first = item.analysis.fix_first[0].title if item.analysis.fix_first else "nothing"
        table.add_row(str(n), escape(item.question_id), item.session_id,
                      escape(headline(item.analysis)), escape(printable(first)),
                      escape(_follow_up_cell(item)))
    parts.append(table)
    shared = across([item.analysis for item in items])
    parts.append("")
    parts.append("[bold]Work on first, across the answers[/bold]")
    if not shared:
        parts.append("  Nothing to fix stood out: keep the same shape, and practice new "
                     "questions.")
    for n, point in enumerate(shared, 1):
        where = ", ".join(str(i + 1) for i in point.answers)
        count = f"{len(point.answers)} of {done} answers"
        parts.append(f"  {n}. {escape(printable(point.title))} ({count}: {where})")
        if point.change:
            parts.append(f"     → {escape(printable(point.change))}")
    return Group(*parts)
