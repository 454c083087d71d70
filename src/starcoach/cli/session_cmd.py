"""Review saved answers: history, show, progress, reanalyze, delete, export, report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from starcoach.cli import app
from starcoach.cli.output import note as _note
from starcoach.cli.output import print_json, stdout_console, write_text
from starcoach.types import clock

ID_HELP = "Session ID, as listed by `starcoach history` (a unique prefix of 4+ characters works)."


@app.command()
def history(
    question: str = typer.Option(None, "--question", "-q",
                                 help="Only answers to this question ID."),
    json_out: bool = typer.Option(False, "--json", help="Print the list as JSON."),
) -> None:
    """List saved answers: date, question, length, pace, fillers per minute, red flags.

    Example: starcoach history --question failure-time-you-failed
    """
    from starcoach.sessions import review
    from starcoach.sessions.store import open_store

    with open_store(create=False) as store:  # reading creates nothing
        qid = review.question_filter(store, question)  # " Failure-1 " is failure-1
        rows = review.history(store, qid)
    if json_out:
        print_json([r.to_dict() for r in rows])
        return
    if not rows:
        which = f" for question '{qid}'" if qid else ""
        _note(f"No saved sessions{which} yet: `starcoach analyze FILE --save` or "
              "`starcoach practice` saves one.")
        return
    console = stdout_console()
    if console.is_terminal or os.environ.get("COLUMNS"):
        console.print(review.history_table(rows, console.width))
    else:  # into a file or a pipe: one whole line a session, for grep and sort
        console.width = 1000  # the table keeps its natural width
        console.print(review.history_table(rows))


@app.command()
def show(
    session_id: str = typer.Argument(..., metavar="ID", help=ID_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the whole stored session as JSON."),
    markdown: bool = typer.Option(False, "--markdown", help="Print the reading view as Markdown."),
) -> None:
    """Read a saved answer: transcript by STAR section, fillers, red flags and long pauses.

    Times at each line, section headings with their times, red-flag quotes with the advice;
    then each follow-up question asked after it, with the reply and whether it answered.

    Example: starcoach show 3f9a1c2e --markdown > notes.md
    """
    from starcoach.errors import UsageError
    from starcoach.report import reading as reading_view
    from starcoach.sessions import review
    from starcoach.sessions.store import open_store

    if json_out and markdown:
        raise UsageError("choose one of --json and --markdown")
    from starcoach.report import follow_up as follow_up_view

    with open_store(create=False) as store:  # reading creates nothing
        session = store.get(session_id)
        follow_ups = store.follow_ups(session.id)
    s = review.summarize_one(session)
    if json_out:
        print_json({**session.to_dict(), "follow_ups": [f.to_dict() for f in follow_ups]})
        return
    header = [
        f"Session {session.id} · {review.local_time(session.created_at)}",
        f"Question: {session.question_text or session.question_id or '(none)'}",
        f"Length {clock(s.length_s)} · "
        + (f"{s.wpm:.0f} wpm · " if s.wpm is not None else "")
        + (f"{s.fillers_per_min:.1f} fillers/min · " if s.fillers_per_min is not None else "")
        + f"{len(s.flags)} red flag(s) · analyzer v{session.analyzer_version or '?'}",
    ]
    analysis = review.stored_analysis(session)
    views = [follow_up_view.FollowUpView.from_stored(f) for f in follow_ups]
    if markdown:
        text = reading_view.render_markdown(analysis, header[0], header[1:])
        for view in views:
            text = text.rstrip("\n") + "\n\n" + "\n".join(follow_up_view.render_markdown(view))
        write_text(text)
        return
    console = stdout_console()
    console.print(reading_view.render_terminal(analysis, header))
    for view in views:
        console.print()
        console.print(follow_up_view.render_terminal(view))


@app.command()
def progress(
    question: str = typer.Option(None, "--question", "-q",
                                 help="Only attempts at this question ID."),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """How your numbers moved across attempts: last against previous and your own average.

    Example: starcoach progress --question failure-time-you-failed
    """
    from starcoach.sessions import review
    from starcoach.sessions.store import open_store

    with open_store(create=False) as store:  # reading creates nothing
        data = review.progress(store, question)
    if json_out:
        print_json(data)
        return
    if not data["attempts"]:
        qid = data["question_id"]
        which = f" for question '{qid}'" if qid else ""
        _note(f"No saved sessions{which} yet: `starcoach analyze FILE --save` or "
              "`starcoach practice` saves one.")
        return
    stdout_console().print(review.progress_view(data))


@app.command()
def reanalyze(
    session_id: str = typer.Argument(None, metavar="ID", help=ID_HELP),
    all_: bool = typer.Option(False, "--all", help="Re-analyze every saved session."),
) -> None:
    """Run the current analyzer again on saved transcripts (no new transcription).

    Example: starcoach reanalyze --all
    """
    from starcoach.errors import UsageError
    from starcoach.pipeline import reanalyze_session
    from starcoach.sessions.store import open_store

    if (session_id is None) == (not all_):
        raise UsageError("give one session ID or --all")
    with open_store() as store:
        store.require_writable("re-analyze sessions")
        ids = [s.id for s in store.sessions()] if all_ else [store.get(session_id).id]
        for sid in ids:
            before, after, has_audio = reanalyze_session(store, sid)
            _note(f"{sid}: re-analyzed (analyzer v{before or '?'} -> v{after or '?'})"
                  + ("" if has_audio else "; its audio is missing, so pauses come from the "
                     "gaps between words"))
    if all_:
        _note(f"{len(ids)} session(s) re-analyzed.")


@app.command()
def delete(
    session_id: str = typer.Argument(..., metavar="ID", help=ID_HELP),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Delete a saved session and its audio.

    Example: starcoach delete 3f9a1c2e --yes
    """
    from starcoach.errors import UsageError
    from starcoach.sessions.store import open_store

    with open_store() as store:
        sid = store.resolve(session_id)  # a damaged row too: deleting is how to be rid of it
        store.require_writable(f"delete session {sid}")
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError(f"not deleting session {sid} without confirmation: "
                                 "add --yes")
            if not typer.confirm(f"Delete session {sid} and its audio?", err=True):
                _note("Kept.")
                return
        store.delete_session(sid)
    _note(f"Deleted session {sid}.")


@app.command()
def export(
    out: Path = typer.Argument(..., metavar="OUT",
                              help="A new folder, or a file name ending in .zip."),
) -> None:
    """Export every session: sessions.json plus the audio files, to a folder or a .zip.

    Example: starcoach export ~/starcoach-backup.zip
    """
    from starcoach.sessions import review
    from starcoach.sessions.store import open_store

    with open_store(create=False) as store:  # reading creates nothing
        n = review.export(store, out)
    _note(f"Exported {n} session(s) to {out}.")


@app.command()
def report(
    session_id: str = typer.Argument(..., metavar="ID", help=ID_HELP),
    html: Path = typer.Option(..., "--html", help="Write a self-contained HTML report here."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the file if it exists."),
) -> None:
    """Write a saved session as an HTML page to replay: timeline, pace, transcript, audio,
    and each follow-up with its reply.

    Example: starcoach report 3f9a1c2e --html answer.html
    """
    from starcoach.report.follow_up import FollowUpView
    from starcoach.report.html import write_html_report
    from starcoach.sessions.review import stored_analysis
    from starcoach.sessions.store import open_store

    with open_store(create=False) as store:  # reading creates nothing
        session = store.get(session_id)
        follow_ups = [(FollowUpView.from_stored(f), f.audio_path)
                      for f in store.follow_ups(session.id)]
    write_html_report(stored_analysis(session), audio_path=session.audio_path, out=html,
                      title=f"Session {session.id}", created_at=session.created_at,
                      question=session.question_text or session.question_id,
                      overwrite=overwrite, follow_ups=follow_ups)
    _note(f"HTML report: {html}")
