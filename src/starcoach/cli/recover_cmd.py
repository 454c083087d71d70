"""`starcoach recover`: the takes a kill or a crash left without a session."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from starcoach.cli import app
from starcoach.cli.help_format import MODEL_HELP
from starcoach.cli.output import note, print_json, stdout_console
from starcoach.types import clock

if TYPE_CHECKING:
    from starcoach.practice import KeptTake



@app.command()
def recover(
    places: list[Path] = typer.Argument(
        None, metavar="[PLACE]...",
        help="More folders (or .part.wav files) to look in; the current folder always is."),
    save: bool = typer.Option(False, "--save", help="Analyze each take and save it as a "
                              "session, without asking."),
    model: str = typer.Option(None, "--model", "-m", help=MODEL_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the list as JSON."),
) -> None:
    """List the takes no session was made of, repair their headers, and make them sessions.

    A take killed while recording is kept as NAME.part.wav; a practice take whose analysis
    was killed stays in the recordings folder. Both are listed (with the headers of the WAV
    files repaired); with --save, or a yes on a terminal, each is transcribed, analyzed and
    saved as `analyze --save` would. The recordings stay where they are.

    Example: starcoach recover --save
    """
    from starcoach import practice
    from starcoach.errors import UsageError

    if json_out and save:
        raise UsageError("choose one of --json (list only) and --save")
    takes = practice.kept_takes([Path.cwd(), *(places or [])])
    if json_out:
        print_json({"schema": "starcoach.recover/1", "takes": [t.to_dict() for t in takes]})
        return
    if not takes:
        note(f"Nothing to recover: every take in {practice.recordings_dir()} and every "
             ".part.wav here has a session.")
        return
    console = stdout_console()
    for t in takes:
        length = clock(t.duration_s) if t.duration_s is not None else "?"
        state = t.kind + (", header repaired" if t.repaired else "")
        console.print(f"{length}  {state}  {t.path}"
                      + (f"\n    cannot be read: {t.problem}" if t.problem else ""),
                      markup=False, highlight=False, soft_wrap=True)
    readable = [t for t in takes if t.problem is None]
    if not readable:
        return
    if not save:
        if not sys.stdin.isatty():
            note(f"{len(readable)} take(s) can be made sessions: `starcoach recover --save`")
            return
        if not typer.confirm(f"Analyze and save {len(readable)} take(s) as sessions?",
                             err=True):
            note("Kept as they are.")
            return
    _save_all(readable, model)


def _save_all(takes: list[KeptTake], model: str | None) -> None:
    from starcoach.cli.progress import transcription_progress
    from starcoach.errors import StarcoachError
    from starcoach.practice import save_kept_take

    failed = 0
    for take in takes:
        try:
            with transcription_progress() as progress:
                session_id = save_kept_take(take, model=model, progress=progress)
        except StarcoachError as exc:
            failed += 1
            note(f"{take.path}: not saved: {exc.message}")
            continue
        note(f"{take.path}: saved as session {session_id}.")
    if failed:
        from starcoach.errors import AudioError

        raise AudioError(f"{failed} of {len(takes)} take(s) could not be saved; "
                         "they are kept where they are")
