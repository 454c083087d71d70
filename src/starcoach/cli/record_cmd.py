"""`starcoach devices`, `starcoach record` and `starcoach practice`."""

from __future__ import annotations

from pathlib import Path

import typer

from starcoach.cli import app
from starcoach.cli.help_format import MODEL_HELP
from starcoach.cli.output import print_json, stderr_console, stdout_console

DEVICE_HELP = "Input device: its index or (part of) its name, from `starcoach devices`."
SILENCE_HELP = ("Stop after this many seconds of silence once you have started speaking; "
                "0 turns it off.")
DEFAULT_SILENCE_S = 4.0
"""Long enough for a thinking pause mid-answer, short enough that the take ends soon after."""
VOICE_HELP = ("Read the question aloud before each take (offline: hibari-tts, else espeak-ng). "
              "Default: the voice setting (`starcoach settings`), off.")
OUTPUT_DEVICE_HELP = ("Output device for --voice: its index or (part of) its name. Default: "
                      "the system's default output.")


@app.command()
def devices(json_out: bool = typer.Option(False, "--json", help="Print the list as JSON.")) -> None:
    """List the microphones (input devices) starcoach can record from.

    Example: starcoach devices
    """
    from starcoach.audio.recorder import list_input_devices

    found = list_input_devices()
    if not found:
        from starcoach.audio.recorder import NO_INPUT
        from starcoach.errors import DeviceError

        raise DeviceError(NO_INPUT)
    if json_out:
        print_json({"schema": "starcoach.devices/1", "devices": [d.to_dict() for d in found]})
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("index", "name", "channels", "default rate", "default"):
        table.add_column(column, justify="right" if column != "name" else "left")
    for d in found:
        table.add_row(str(d.index), d.name, str(d.channels), f"{d.default_samplerate:g} Hz",
                      "*" if d.is_default else "")
    stdout_console().print(table)


def _options(max_seconds: float | None, stop_after_silence: float):
    from starcoach.audio.recorder import RecorderOptions

    return RecorderOptions(max_seconds=max_seconds, stop_after_silence_s=stop_after_silence)


def _output_path(out: Path, overwrite: bool) -> Path:
    from starcoach.errors import AudioError, UsageError

    if out.suffix.lower() not in (".wav", ".flac"):
        raise UsageError(f"cannot record to '{out}': the file name must end in .wav or .flac")
    if out.is_dir():
        raise AudioError(f"cannot write the recording to '{out}': it is a folder; "
                         "give a file name such as answer.flac")
    if out.exists() and not overwrite:
        raise UsageError(f"'{out}' already exists: choose another file name or pass --overwrite")
    part = out.with_name(out.stem + ".part.wav")
    if part.exists():
        # An interrupted take of the same name: recording again would open it for writing and
        # wipe it, even with --overwrite (which is about OUT, not about a kept take).
        raise UsageError(f"'{part}' holds an interrupted take of '{out.name}': analyze it or "
                         "move it away first, or record to another file name")
    _check_writable(out)
    return out


def _check_writable(out: Path) -> None:
    """Refuse a place the recording cannot be written to, before any microphone is looked
    for: on a machine without one, "no input device found" would hide the real mistake.
    Leaves nothing behind: the folders are made only once recording starts."""
    import os
    import tempfile

    from starcoach.errors import AudioError

    parent = out.absolute().parent
    existing = next((p for p in (parent, *parent.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        blocker = next(p for p in out.parents if p.exists())  # as the user wrote it
        reason = f"'{blocker}' is not a folder"
    else:
        try:  # the one sure test (root may write anywhere, /proc refuses even root)
            fd, probe = tempfile.mkstemp(prefix=".starcoach-", dir=existing)
            os.close(fd)
            os.unlink(probe)
            return
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
    raise AudioError(f"cannot write the recording to '{out}': {reason}; "
                     "choose a folder you can write to")


@app.command()
def record(
    out: Path = typer.Argument(..., metavar="OUT", help="File to record into: .wav or .flac."),
    max_seconds: float = typer.Option(None, "--max-seconds", help="Stop after this many seconds."),
    stop_after_silence: float = typer.Option(DEFAULT_SILENCE_S, "--stop-after-silence",
                                             help=SILENCE_HELP),
    device: str = typer.Option(None, "--device", "-d", help=DEVICE_HELP),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace OUT if it exists."),
) -> None:
    """Record your answer from the microphone to a 16 kHz mono WAV or FLAC file.

    Audio goes to disk as it arrives, so an interrupted take is kept.

    Stop with Enter, Ctrl-C, --max-seconds, or a silence after you have spoken.

    Example: starcoach record answer.flac --max-seconds 150
    """
    from starcoach.audio.recorder import Recorder
    from starcoach.cli.live import describe_take, overflow_warning, record_live
    from starcoach.practice import check_options

    check_options(None, None, False, 0, max_seconds, stop_after_silence)
    path = _output_path(out, overwrite)
    console = stderr_console()
    recorder = Recorder(path, device, _options(max_seconds, stop_after_silence), overwrite)
    take = record_live(recorder, console)
    if take.duration_s == 0:
        from starcoach.errors import AudioError

        raise AudioError(f"nothing was recorded from '{take.device}' before the take stopped; "
                         f"no file was written to '{path}'")
    console.print(describe_take(take))
    if take.path != path:
        console.print(f"warning: could not write '{path}'; the take is kept as {take.path}")
    if (warning := overflow_warning(take)) is not None:
        console.print(warning)


@app.command()
def practice(
    question: str = typer.Option(None, "--question", "-q", help="ID of the question to answer."),
    category: str = typer.Option(None, "--category", "-c", help="Drill one category."),
    random_pick: bool = typer.Option(False, "--random", help="Let starcoach pick (the default): "
                                     "questions not practiced lately or answered weakly first."),
    prep: float = typer.Option(0.0, "--prep", help="Seconds to prepare before recording."),
    max_seconds: float = typer.Option(None, "--max-seconds", help="Stop each take after this "
                                      "many seconds."),
    stop_after_silence: float = typer.Option(DEFAULT_SILENCE_S, "--stop-after-silence",
                                             help=SILENCE_HELP),
    device: str = typer.Option(None, "--device", "-d", help=DEVICE_HELP),
    model: str = typer.Option(None, "--model", "-m", help=MODEL_HELP),
    follow_up: bool = typer.Option(None, "--follow-up/--no-follow-up", help="After the report, "
                                   "ask the follow-up an interviewer would and record the reply "
                                   "(default: on a terminal)."),
    interview: int = typer.Option(None, "--interview", metavar="N", help="A mock interview: N "
                                  "questions in a row, each with its follow-up, and one summary "
                                  "at the end instead of a report after each answer."),
    voice: bool = typer.Option(None, "--voice/--no-voice", help=VOICE_HELP, show_default=False),
    output_device: str = typer.Option(None, "--output-device", help=OUTPUT_DEVICE_HELP),
    target: str = typer.Option(None, "--target", metavar="MIN-MAX", help="The length to aim "
                               "for, as 1:30-2:30 (the default) or 60-90 seconds: the panel, "
                               "the cues and the report judge the length by it."),
    cues: bool = typer.Option(True, "--cues/--no-cues", help="While recording, show one short "
                              "cue when something needs attention now (pace, a burst of "
                              "fillers, no action yet, the target reached)."),
) -> None:
    """Answer a question aloud: see what interviewers look for, record, get the report.

    Each take is analyzed and saved as a session.

    Then comes the follow-up an interviewer would ask about the answer's weakest part.
    The reply is judged on whether it gives what was asked, and saved with the session.

    On a terminal you then retry (seeing what changed), go to the next question, or quit.
    While recording, Enter stops the take; d or Ctrl-C twice throws it away (after a y/N).

    Without a terminal, one take is recorded and analyzed.

    With --interview N, N questions come one after another, each with its follow-up.
    The summary at the end gives each answer's figures and what to work on first.
    Ctrl-C outside a take ends the interview early, with the summary so far.

    With --voice each question (and follow-up) is read aloud first, offline, and the take
    starts once the voice has ended; `starcoach settings set voice on` makes that the default.

    Example: starcoach practice --category failure --prep 30

    Example: starcoach practice --interview 3 --category failure
    """
    from starcoach.cli.practice_flow import PracticeRequest, run_interview, run_practice

    req = PracticeRequest(question=question, category=category, random_pick=random_pick,
                          prep_s=prep, max_seconds=max_seconds,
                          stop_after_silence_s=stop_after_silence, device=device, model=model,
                          voice=voice, output_device=output_device, target=target, cues=cues)
    if interview is not None:
        if follow_up is False:
            from starcoach.errors import UsageError

            raise UsageError("--interview asks every follow-up: leave out --no-follow-up")
        run_interview(interview, req)
        return
    run_practice(req, follow_up=follow_up)
