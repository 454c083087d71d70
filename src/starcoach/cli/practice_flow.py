"""The terminal side of `starcoach practice`: show, count down, record, report (or throw the
take away), ask again.

The decisions (which question, where the take goes, what changed) live in starcoach.practice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starcoach.cli.output import stderr_console, stdout_console

CHOICES = "Enter: try this question again · n: next question · q: quit"
CONFIRM_DISCARD = "Throw this take away? Its file is deleted. [y/N] "
FOLLOW_UP_CHOICES = "Enter: answer the follow-up · s: skip it"


def render_question(q: Any) -> Any:
    from rich.panel import Panel
    from rich.text import Text

    text = Text()
    text.append(q.text + "\n", style="bold")
    if q.look_for:
        text.append("\nWhat interviewers look for:\n", style="underline")
        for point in q.look_for:
            text.append(f"  • {point}\n")
    text.rstrip()  # in place: Text.rstrip returns None
    return Panel(text, title=f"{q.id} ({q.category})", title_align="left")


def render_changes(changes: list[Any], follow_ups: list[Any] | None = None) -> Any:
    """The comparison with the previous attempt: first what its report said to fix, each
    point fixed or still there, then the numbers."""
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table

    parts: list[Any] = ["[bold]Since your previous attempt[/bold]"]
    if follow_ups:
        parts.append("Its fix-first points:")
        for n, f in enumerate(follow_ups, 1):
            if f.fixed:
                state = "[green]fixed[/green]"
            elif f.now == f.title:
                state = "[red]still there[/red]"
            else:
                state = f"[red]still there[/red]: now \"{escape(f.now)}\""
            parts.append(f"  {n}. {escape(f.title)}: {state}")
    table = Table(box=None, pad_edge=False)
    for column in ("", "before", "now", ""):
        table.add_column(column)
    marks = {True: ("better", "green"), False: ("worse", "red"), None: ("about the same", "dim")}
    for c in changes:
        word, style = marks[c.better]
        table.add_row(c.label, c.before, c.after, f"[{style}]{word}[/{style}]")
    parts.append(table)
    return Group(*parts)


def run_practice(question: str | None, category: str | None, random_pick: bool, prep_s: float,
                 max_seconds: float | None, stop_after_silence_s: float, device: str | None,
                 model: str | None, follow_up: bool | None = None) -> None:
    """``follow_up``: ask the follow-up question after each report (None: on a terminal)."""
    from functools import partial

    from starcoach import practice
    from starcoach.analysis import follow_up as follow_up_rules
    from starcoach.audio.recorder import Recorder, RecorderOptions, find_device
    from starcoach.cli.live import countdown, record_live, stdin_is_terminal
    from starcoach.cli.live_status import status_line
    from starcoach.transcribe.live import preload

    practice.check_options(question, category, random_pick, prep_s, max_seconds,
                           stop_after_silence_s)
    practice.live_slowdown()  # a bad value fails before anything is recorded
    err = stderr_console()
    out = stdout_console()
    interactive = stdin_is_terminal()
    ask_follow_up = interactive if follow_up is None else follow_up
    for path in practice.recover_interrupted():
        err.print(f"Repaired an interrupted take: {path} (`starcoach recover` makes it a session)")
    q = practice.choose(question, category)
    dev = find_device(device)  # a wrong --device fails before the question is shown
    options = RecorderOptions(max_seconds=max_seconds, stop_after_silence_s=stop_after_silence_s)
    while True:
        out.print(render_question(q))
        preload(model)  # while the question is read: the take's first piece needs it
        countdown(prep_s, err)
        rec = Recorder(practice.take_path(q.id), dev, options)
        live = practice.follow_take(rec, model)
        try:
            take = record_live(rec, err, discard=True, status=partial(status_line, live))
            saved = _after_take(take, live, interactive, err,
                                partial(_report, question_id=q.id, live=live, out=out, err=err))
        finally:
            live.cancel()
        if saved is not None and ask_follow_up:
            session_id, analysis = saved
            probe = follow_up_rules.choose(analysis)
            out.print(render_follow_up_question(probe))
            if not interactive or _answer_now(err):
                countdown(prep_s, err)
                rec = Recorder(practice.take_path(f"{q.id}-follow-up"), dev, options)
                live = practice.follow_take(rec, model)
                try:
                    take = record_live(rec, err, discard=True,
                                       status=partial(status_line, live))
                    _after_take(take, live, interactive, err,
                                partial(_report_follow_up, session_id=session_id, probe=probe,
                                        live=live, out=out, err=err))
                finally:
                    live.cancel()
        if not interactive:
            return
        answer = _ask(err)
        if answer == "q":
            return
        if answer == "n":
            q = practice.choose(None, category, exclude=q.id)


def _after_take(take: Any, live: Any, interactive: bool, err: Any,
                report: Callable[[Any], Any]) -> Any:
    """Throw the take away (when asked and confirmed), or ``report`` its file and return what
    that returns (None when the take was thrown away or could not be analyzed)."""
    from starcoach import practice
    from starcoach.cli.live import DISCARD_REASONS, describe_take

    discarded = take.stop_reason in DISCARD_REASONS and take.duration_s > 0
    if discarded and not interactive:
        # No one to ask, so nothing is deleted; but the take was not wanted either.
        import typer

        live.cancel()
        err.print(describe_take(take))
        err.print(f"Not analyzed (Ctrl-C twice). Without a terminal nothing is asked, so "
                  f"nothing is deleted: the take is kept in '{take.path}'.", soft_wrap=True)
        raise typer.Exit(130)
    if discarded and _confirm_discard(err):
        live.cancel()
        practice.discard_take(take.path)
        err.print("Thrown away: the take is deleted and nothing was saved.")
        return None
    return _review(take, interactive, err, report)


def _review(take: Any, interactive: bool, err: Any, report: Callable[[Any], Any]) -> Any:
    """Sum up the take, then analyze, report and save it. On a terminal an error is one line
    and the menu goes on; without one it ends the run."""
    from starcoach.cli.live import describe_take, overflow_warning
    from starcoach.errors import AudioError, StarcoachError

    err.print(describe_take(take))
    if (warning := overflow_warning(take)) is not None:
        err.print(warning)
    try:
        if take.duration_s == 0:
            raise AudioError(f"nothing was recorded from '{take.device}' before the take "
                             "stopped")
        return report(take.path)
    except StarcoachError as exc:
        if not interactive:
            raise
        err.print(f"error: {exc.message}")
        return None


def _report(path: Any, question_id: str, live: Any, out: Any, err: Any) -> tuple[str, Any]:
    """Analyze, save and print the take; return the session's ID and its analysis."""
    from starcoach import practice
    from starcoach.cli.live_status import catching_up
    from starcoach.cli.progress import transcription_progress
    from starcoach.report.terminal import render_analysis

    behind = catching_up(live)
    if behind is not None:
        err.print(behind)
    with transcription_progress(enabled=True, label="Catching up" if behind else
                                "Transcribing") as progress:
        result = practice.analyze_followed(path, live, question_id, progress)
    session_id = practice.save_attempt(path, result, question_id, live.model)
    out.print(render_analysis(result.analysis))
    err.print(f"Saved as session {session_id}.")
    prev = practice.previous_attempt(question_id, session_id)
    if prev is not None:
        changes = practice.compare(prev, practice.current_attempt(session_id),
                                   result.analysis.options.to_dict())
        out.print(render_changes(changes, practice.follow_up(prev, result.analysis)))
    return session_id, result.analysis


def render_follow_up_question(probe: Any) -> Any:
    from rich.panel import Panel
    from rich.text import Text

    text = Text(probe.prompt, style="bold")
    if probe.because:
        text.append(f"\nAsked because: {probe.because}", style="dim")
    return Panel(text, title="Follow-up", title_align="left")


def _answer_now(err: Any) -> bool:
    """Enter answers the follow-up; s (or q, end of input, Ctrl-C) skips it."""
    try:
        reply = err.input(f"\n{FOLLOW_UP_CHOICES} > ").strip().lower()
    except (EOFError, KeyboardInterrupt):
        err.print()
        return False
    return reply not in ("s", "skip", "n", "no", "q", "quit")


def _report_follow_up(path: Any, session_id: str, probe: Any, live: Any, out: Any,
                      err: Any) -> str:
    """Analyze the reply to the follow-up, judge it, save it in the session and print it."""
    from starcoach import practice
    from starcoach.cli.live_status import catching_up
    from starcoach.cli.progress import transcription_progress
    from starcoach.report.follow_up import FollowUpView, render_terminal

    behind = catching_up(live)
    if behind is not None:
        err.print(behind)
    with transcription_progress(enabled=True, label="Catching up" if behind else
                                "Transcribing") as progress:
        result = practice.analyze_followed(path, live, None, progress)
    reply = practice.judge_reply(probe, result.analysis)
    follow_up_id = practice.save_follow_up(session_id, probe, reply, path, result, live.model)
    out.print(render_terminal(FollowUpView(probe, reply, result.analysis)))
    err.print(f"Saved with session {session_id} (follow-up {follow_up_id}).")
    return follow_up_id


def _confirm_discard(err: Any) -> bool:
    """y deletes; anything else (Enter, n, end of input, Ctrl-C) keeps the take."""
    from rich.markup import escape

    try:
        reply = err.input(escape(CONFIRM_DISCARD))
    except (EOFError, KeyboardInterrupt):
        err.print()
        return False
    return reply.strip().lower() in ("y", "yes")


def _ask(err: Any) -> str:
    while True:
        try:
            reply = err.input(f"\n{CHOICES} > ").strip().lower()
        except (EOFError, KeyboardInterrupt):
            return "q"
        if reply in ("", "r", "retry", "again"):
            return "r"
        if reply in ("n", "next"):
            return "n"
        if reply in ("q", "quit", "exit"):
            return "q"
        err.print("Type Enter, n or q.")
