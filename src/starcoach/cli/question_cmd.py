"""`starcoach questions` (list, show, import) and `starcoach stories`."""

from __future__ import annotations

from pathlib import Path

import typer

from starcoach.cli import app
from starcoach.cli.output import print_json, stdout_console, write_text

questions_app = typer.Typer(no_args_is_help=False)
app.add_typer(questions_app, name="questions")


@questions_app.callback(invoke_without_command=True)
def questions(
    ctx: typer.Context,
    category: str = typer.Option(None, "--category", "-c",
                                 help="Only this category (failure, conflict, leadership...)."),
    json_out: bool = typer.Option(False, "--json", help="Print the questions as JSON."),
) -> None:
    """List the interview questions by category, with their IDs; show or import them.

    The bank is built in; add your own with `starcoach questions import GUIDE.md`.

    Example: starcoach questions --category failure
    """
    if ctx.invoked_subcommand is not None:
        return
    from starcoach.questions.bank import list_questions

    found = list_questions(category)
    if json_out:
        print_json({"schema": "starcoach.questions/1",
                    "questions": [q.to_dict() for q in found]})
        return
    from starcoach.report.questions import render_question_list

    stdout_console().print(render_question_list(found))


@questions_app.command("show")
def show(
    question_id: str = typer.Argument(..., metavar="ID",
                                      help="Question ID, from `starcoach questions`."),
    json_out: bool = typer.Option(False, "--json", help="Print the question as JSON."),
    reference: bool = typer.Option(False, "--reference",
                                   help="Also show the guide's example answer, if it has one."),
) -> None:
    """Show one question: what interviewers look for, the themes to show and the red flags.

    Example: starcoach questions show failure-time-you-failed
    """
    from starcoach.questions.bank import get_question

    question = get_question(question_id)
    if json_out:
        print_json({"schema": "starcoach.question/1", **question.to_dict(reference=True)})
        return
    from starcoach.report.questions import render_question

    stdout_console().print(render_question(question, reference=reference))


@questions_app.command("import")
def import_(
    guide: Path = typer.Argument(..., metavar="GUIDE.md", help="A Markdown study guide."),
) -> None:
    """Import a Markdown study guide's questions into your bank (again to update it).

    The guide has '### Q1: ...' questions, each with a "What they're looking for:" list, and
    may have a key-themes table, a red-flags list and a stories-to-prepare checklist.

    Example: starcoach questions import handling-failure.md
    """
    from starcoach.questions.guide_import import import_guide
    from starcoach.report.questions import import_summary

    result = import_guide(guide)
    write_text(import_summary(result) + "\n")


@app.command()
def stories(
    category: str = typer.Option(None, "--category", "-c", help="Only this category."),
    json_out: bool = typer.Option(False, "--json", help="Print the checklist as JSON."),
) -> None:
    """The stories-to-prepare checklist: which kinds of story you have practiced, which not yet.

    Example: starcoach stories --category failure
    """
    from starcoach.questions.bank import list_questions
    from starcoach.questions.stories import story_checklists
    from starcoach.sessions.review import practiced_questions

    if category:
        list_questions(category)  # an unknown category fails here, naming the valid ones
    found = [c for c in story_checklists(practiced_questions())
             if not category or c.category == category.strip().lower()]
    if json_out:
        items = [i for c in found for i in c.items]
        print_json({"schema": "starcoach.stories/1",
                    "practiced": sum(1 for i in items if i.practiced), "total": len(items),
                    "checklists": [c.to_dict() for c in found]})
        return
    from starcoach.report.questions import render_stories

    stdout_console().print(render_stories(found))
