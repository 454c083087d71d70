"""Questions and the stories checklist as rich renderables; never prints itself.

Text is built with ``rich.text.Text`` rather than markup, so a question or a checklist item
with square brackets ("[ ] ...") is shown as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from starcoach.questions.bank import Question
    from starcoach.questions.guide_import import ImportResult
    from starcoach.questions.stories import ChecklistStatus


def render_question_list(questions: Sequence[Question]) -> RenderableType:
    parts: list[RenderableType] = []
    categories = list(dict.fromkeys(q.category for q in questions))
    for category in categories:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 2), expand=False)
        table.add_column("id", no_wrap=True, style="cyan")
        table.add_column("question")
        for q in questions:
            if q.category == category:
                table.add_row(q.id, q.text)
        parts += [Text(category, style="bold"), table, Text("")]
    n, c = len(questions), len(categories)
    parts.append(Text(
        f"{n} question{'s' * (n != 1)} in {c} categor{'ies' if c != 1 else 'y'}. "
        "Show one: starcoach questions show ID", style="dim"))
    return Group(*parts)


def _bullets(title: str, lines: Sequence[str]) -> list[RenderableType]:
    if not lines:
        return []
    # a grid, so a long point wraps under its own text rather than at the left margin
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        grid.add_row("  - ", Text(line))
    return [Text(title, style="bold"), grid, Text("")]


def render_question(question: Question, reference: bool = False) -> RenderableType:
    source = "built in" if question.source == "built-in" else f"from guide {question.source}"
    parts: list[RenderableType] = [
        Text.assemble((question.id, "bold cyan"), f"  ({question.category}, {source})"),
        Text(question.text),
        Text(""),
    ]
    parts += _bullets("What interviewers look for", question.look_for)
    parts += _bullets("Themes to show", [f"{p.name}: {p.detail}" if p.detail else p.name
                                         for p in question.themes])
    parts += _bullets("Red flags to avoid", [f"{p.name}: {p.detail}" if p.detail else p.name
                                             for p in question.red_flags])
    if question.story:
        parts += [Text.assemble(("Story it draws on: ", "bold"), question.story), Text("")]
    if question.reference_answer and reference:
        parts += [Text("Reference answer", style="bold"), Text(question.reference_answer),
                  Text("")]
    elif question.reference_answer:
        parts.append(Text("The guide has an example answer: add --reference to see it.",
                          style="dim"))
    parts.append(Text(f"Practice it: starcoach practice --question {question.id}", style="dim"))
    return Group(*parts)


def import_summary(result: ImportResult) -> str:
    g = result.guide
    counts = [f"{len(result.added)} new"] if result.added else []
    if result.updated:
        counts.append(f"{len(result.updated)} updated")
    if result.removed:
        counts.append(f"{len(result.removed)} removed ({', '.join(result.removed)})")
    n = len(g.questions)
    return (
        f"Imported {n} question{'s' * (n != 1)} from '{g.title}' into category "
        f"'{g.category}': {', '.join(counts)}.\n"
        f"The guide has {len(g.red_flags)} red flags, {len(g.themes)} themes and "
        f"{len(g.stories)} stories to prepare.\n"
        f"List them: starcoach questions --category {g.category}"
    )


def render_stories(checklists: Sequence[ChecklistStatus]) -> RenderableType:
    items = [i for c in checklists for i in c.items]
    done = sum(1 for i in items if i.practiced)
    parts: list[RenderableType] = [
        Text(f"Stories to prepare: {done} of {len(items)} practiced", style="bold"), Text("")]
    for c in checklists:
        practiced = sum(1 for i in c.items if i.practiced)
        origin = "" if c.source == "built-in" else f", guide {c.source}"
        parts.append(Text.assemble(
            (f"{c.category}", "bold"), f"  {c.title}{origin}: {practiced} of {len(c.items)}"))
        rows = []
        for item in c.items:
            if item.practiced:
                s = "s" if item.sessions != 1 else ""
                when = (item.last_practiced or "")[:10]
                rows.append((Text("  [x]", style="green"), Text(item.item),
                             Text(f"{item.sessions} session{s}, last {when}")))
            else:
                rows.append((Text("  [ ]", style="yellow"), Text(item.item),
                             Text(f"try {item.questions[0]}" if item.questions else "")))
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), expand=False)
        table.add_column("mark", no_wrap=True)
        table.add_column("item")
        # the question ID to try is kept whole (it is there to be copied); the item wraps
        table.add_column("detail", style="dim", no_wrap=True, overflow="fold")
        for row in rows:
            table.add_row(*row)
        parts += [table, Text("")]
    if done < len(items):
        parts.append(Text("Practice a missing one: starcoach practice --question ID",
                          style="dim"))
    return Group(*parts)
