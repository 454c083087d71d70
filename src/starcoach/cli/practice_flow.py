"""The terminal side of `starcoach practice`: show, count down, record, report (or throw the
take away), ask again.

The decisions (which question, where the take goes, what changed) live in starcoach.practice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
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


@dataclass(frozen=True)
class _Run:
    """What every take of one `practice` run shares."""

    device: Any
    options: Any
    model: str | None
    prep_s: float
    interactive: bool
    out: Any
    err: Any
    interview: bool = False
    """A mock interview: a take that cannot be analyzed is one error line and the interview
    goes on (as on a terminal), and Ctrl-C in a countdown ends the interview."""
    voice: Any = None
    """The ``speaking.Voice`` that reads each question aloud, or None."""
    target: tuple[float, float] = (90.0, 150.0)
    """The length an answer should land in (seconds): the panel, the cues and the report."""
    cues: bool = True
    """Show the live cue line in the panel (``analysis.cues``)."""


@dataclass(frozen=True)
class PracticeRequest:
    """What `starcoach practice` was asked for on its command line (the options' defaults are
    the command's)."""

    question: str | None = None
    category: str | None = None
    random_pick: bool = False
    prep_s: float = 0.0
    max_seconds: float | None = None
    stop_after_silence_s: float = 4.0
    device: str | None = None
    model: str | None = None
    voice: bool | None = None
    """Read each question aloud; None: the voice setting."""
    output_device: str | None = None
    target: str | None = None
    """The length to aim for, as typed ("1:30-2:30"); None: the default."""
    cues: bool = True


def _setup(req: PracticeRequest) -> tuple[_Run, Any]:
    """Check the options, repair interrupted takes, find the device: everything that can fail
    before a question is shown. Returns the run and the first question."""
    from starcoach import practice
    from starcoach.audio.recorder import RecorderOptions, find_device
    from starcoach.cli.live import stdin_is_terminal

    practice.check_options(req.question, req.category, req.random_pick, req.prep_s,
                           req.max_seconds, req.stop_after_silence_s)
    span = practice.parse_target(req.target)
    practice.live_slowdown()  # a bad value fails before anything is recorded
    err = stderr_console()
    for path in practice.recover_interrupted():
        err.print(f"Repaired an interrupted take: {path} (`starcoach recover` makes it a session)")
    q = practice.choose(req.question, req.category)
    dev = find_device(req.device)  # a wrong --device fails before the question is shown
    from starcoach.cli.speaking import Voice, output_for

    speaker = output_for(req.voice, req.output_device, err)
    options = RecorderOptions(max_seconds=req.max_seconds,
                              stop_after_silence_s=req.stop_after_silence_s)
    return _Run(dev, options, req.model, req.prep_s, stdin_is_terminal(), stdout_console(), err,
                voice=None if speaker is None else Voice(speaker), target=span,
                cues=req.cues), q


def run_practice(req: PracticeRequest, follow_up: bool | None = None) -> None:
    """``follow_up``: ask the follow-up question after each report (None: on a terminal)."""
    from starcoach import practice

    run, q = _setup(req)
    ask_follow_up = run.interactive if follow_up is None else follow_up
    while True:
        _one_question(q, run, ask_follow_up=ask_follow_up, confirm_follow_up=run.interactive)
        if not run.interactive:
            return
        answer = _ask(run.err)
        if answer == "q":
            return
        if answer == "n":
            q = practice.choose(None, req.category, exclude=q.id)


def run_interview(count: int, req: PracticeRequest) -> None:
    """A mock interview: ``count`` questions in a row, each followed by its follow-up, no
    report in between; then one summary. Ctrl-C outside a take ends the interview: every
    answer saved so far is summed up, and a take not yet analyzed stays in recordings/."""
    import typer

    from starcoach import practice
    from starcoach.errors import UsageError
    from starcoach.report.interview import render_summary

    if count < 1:
        raise UsageError(f"--interview must be 1 or more questions, not {count}")
    run, q = _setup(replace(req, random_pick=False))
    run = replace(run, interview=True)
    items: list[Any] = []
    asked: list[str] = []
    try:
        for n in range(1, count + 1):
            if n > 1:
                q = practice.choose(None, req.category, avoid=tuple(asked))
            asked.append(q.id)
            run.out.print(f"[bold]Question {n} of {count}[/bold]")
            item = _one_question(q, run, ask_follow_up=True, confirm_follow_up=False,
                                 quiet=True)
            if item is not None:
                items.append(item)
    except KeyboardInterrupt:
        run.err.print("\nInterview stopped. Every answer saved so far is summed up below; a "
                      "take not yet analyzed stays in recordings/ (`starcoach recover`).")
        run.out.print(render_summary(items, count))
        raise typer.Exit(130) from None
    run.out.print(render_summary(items, count))


def _one_question(q: Any, run: _Run, ask_follow_up: bool, confirm_follow_up: bool,
                  quiet: bool = False) -> Any:
    """Show the question, record the answer, report and save it; then, if asked for, the
    follow-up. Returns an ``InterviewAnswer``, or None when nothing was saved. ``quiet``: a
    line instead of the report (a mock interview keeps the feedback for its summary)."""
    from functools import partial

    from starcoach import practice
    from starcoach.analysis import follow_up as follow_up_rules
    from starcoach.audio.recorder import Recorder
    from starcoach.cli.live import countdown, record_live
    from starcoach.cli.live_status import PanelLine
    from starcoach.report.interview import InterviewAnswer
    from starcoach.transcribe.live import preload

    out, err = run.out, run.err
    out.print(render_question(q))
    preload(run.model)  # while the question is read: the take's first piece needs it
    if run.voice is not None:
        run.voice.say(q.text, err)
    countdown(run.prep_s, err, ctrl_c_stops=not run.interview)
    rec = Recorder(practice.take_path(q.id), run.device, run.options)
    live = practice.follow_take(rec, run.model)
    try:
        take = record_live(rec, err, run.target, discard=True,
                           status=PanelLine(live, run.target, run.cues))
        saved = _after_take(take, live, run, err,
                            partial(_report, question_id=q.id, live=live, out=out, err=err,
                                    quiet=quiet, target=run.target))
    finally:
        live.cancel()
    if saved is None:
        return None
    session_id, analysis = saved
    item = InterviewAnswer(q.id, session_id, analysis)
    if not ask_follow_up:
        return item
    probe = follow_up_rules.choose(analysis)
    out.print(render_follow_up_question(probe))
    if confirm_follow_up and not _answer_now(err):
        return item
    if run.voice is not None:
        run.voice.say(probe.prompt, err)
    countdown(run.prep_s, err, ctrl_c_stops=not run.interview)
    rec = Recorder(practice.take_path(f"{q.id}-follow-up"), run.device, run.options)
    live = practice.follow_take(rec, run.model)
    try:
        take = record_live(rec, err, discard=True,
                           status=PanelLine(live, None, run.cues))
        replied = _after_take(take, live, run, err,
                              partial(_report_follow_up, session_id=session_id, probe=probe,
                                      live=live, out=out, err=err, quiet=quiet))
    finally:
        live.cancel()
    return InterviewAnswer(q.id, session_id, analysis, probe,
                           None if replied is None else replied[1])


def _after_take(take: Any, live: Any, run: _Run, err: Any,
                report: Callable[[Any], Any]) -> Any:
    """Throw the take away (when asked and confirmed), or ``report`` its file and return what
    that returns (None when the take was thrown away or could not be analyzed)."""
    from starcoach import practice
    from starcoach.cli.live import DISCARD_REASONS, describe_take

    discarded = take.stop_reason in DISCARD_REASONS and take.duration_s > 0
    if discarded and not run.interactive:
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
    return _review(take, run.interactive or run.interview, err, report)


def _review(take: Any, keep_going: bool, err: Any, report: Callable[[Any], Any]) -> Any:
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
        if not keep_going:
            raise
        err.print(f"error: {exc.message}")
        return None


def _report(path: Any, question_id: str, live: Any, out: Any, err: Any,
            quiet: bool = False, target: tuple[float, float] | None = None) -> tuple[str, Any]:
    """Analyze, save and print the take (``quiet``: only where it was saved); return the
    session's ID and its analysis."""
    from starcoach import practice
    from starcoach.report.terminal import render_analysis

    result = _finish_transcription(path, live, question_id, err, target)
    if quiet:
        session_id = practice.save_attempt(path, result, question_id, live.model)
        err.print(f"Saved as session {session_id}.")
        return session_id, result.analysis
    session_id, attempts = practice.save_and_compare(path, result, question_id, live.model)
    out.print(render_analysis(result.analysis))
    err.print(f"Saved as session {session_id}.")
    if attempts is not None:
        prev, cur = attempts
        changes = practice.compare(prev, cur, result.analysis.options.to_dict())
        out.print(render_changes(changes, practice.follow_up(prev, result.analysis)))
    return session_id, result.analysis


def _finish_transcription(path: Any, live: Any, question_id: str | None, err: Any,
                          target: tuple[float, float] | None = None) -> Any:
    """What the live worker has left of the take, with a progress bar (and a line first when
    it fell far behind), then the analysis (against ``target``, when given): a
    ``pipeline.Result``."""
    from starcoach import practice
    from starcoach.cli.live_status import catching_up
    from starcoach.cli.progress import transcription_progress

    behind = catching_up(live)
    if behind is not None:
        err.print(behind)
    with transcription_progress(enabled=True, label="Catching up" if behind else
                                "Transcribing") as progress:
        return practice.analyze_followed(path, live, question_id, progress, target)


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
                      err: Any, quiet: bool = False) -> tuple[str, Any]:
    """Analyze the reply to the follow-up, judge it, save it in the session and print it
    (``quiet``: only where it was saved); return its ID and the judgement."""
    from starcoach import practice
    from starcoach.report.follow_up import FollowUpView, render_terminal

    result = _finish_transcription(path, live, None, err)
    reply = practice.judge_reply(probe, result.analysis)
    follow_up_id = practice.save_follow_up(session_id, probe, reply, path, result, live.model)
    if not quiet:
        out.print(render_terminal(FollowUpView(probe, reply, result.analysis)))
    err.print(f"Saved with session {session_id} (follow-up {follow_up_id}).")
    return follow_up_id, reply


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
