"""`starcoach transcribe` and `starcoach analyze`."""

from __future__ import annotations

from pathlib import Path

import typer

from starcoach.cli import app
from starcoach.cli.help_format import MODEL_HELP
from starcoach.cli.output import print_json, stdout_console


@app.command()
def transcribe(
    audio: Path = typer.Argument(..., metavar="AUDIO",
                                 help="Recording to transcribe (wav, flac, mp3, ogg, m4a...)."),
    json_out: bool = typer.Option(False, "--json", help="Print the transcript as JSON."),
    model: str = typer.Option(None, "--model", "-m", help=MODEL_HELP),
) -> None:
    """Transcribe a recording, fillers kept, with a timestamp for every word.

    Example: starcoach transcribe samples/clean_star.flac
    """
    from starcoach.cli.progress import transcription_progress
    from starcoach.pipeline import transcribe_file

    with transcription_progress(enabled=not json_out) as progress:
        transcript, _ = transcribe_file(audio, model=model, progress=progress)
    if json_out:
        print_json(transcript.to_dict())
        return
    from starcoach.report.transcript import render_transcript

    console = stdout_console()
    console.print(render_transcript(transcript, console.width))


@app.command()
def analyze(
    audio: Path = typer.Argument(
        None, metavar="AUDIO", help="Recording of your answer (wav, flac, mp3, ogg, m4a...)."
    ),
    json_out: bool = typer.Option(
        False, "--json", help="Print the analysis as JSON (schema starcoach.analysis/1)."),
    model: str = typer.Option(None, "--model", "-m", help=MODEL_HELP),
    question: str = typer.Option(
        None, "--question", "-q", help="ID of the question answered (see `starcoach questions`)."),
    text: Path = typer.Option(
        None, "--text", help="Analyze a typed answer from this text file instead of audio."),
    save: bool = typer.Option(
        False, "--save", help="Save the session (audio, transcript, analysis) for review."),
    html: Path = typer.Option(
        None, "--html", help="Also write a self-contained HTML report to this file."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the --html file."),
) -> None:
    """Transcribe and analyze an answer: STAR timing, fillers, red flags, pace and pauses.

    Example: starcoach analyze samples/clean_star.flac --question failure-time-you-failed
    """
    from starcoach.errors import UsageError

    if audio is None and text is None:
        raise UsageError("give one recording to analyze, or --text FILE for a typed answer")
    if audio is not None and text is not None:
        raise UsageError(f"give a recording ('{audio}') or --text FILE ('{text}'), not both")
    if text is not None:
        if save or html:
            raise UsageError("--save and --html need a recording, not --text")
        from starcoach.pipeline import analyze_text_file

        analysis = analyze_text_file(text, question_id=question)
        _emit(analysis, json_out)
        return

    if html is not None:  # found now, not after transcribing and saving
        from starcoach.report.html import check_html_target

        check_html_target(html, audio, overwrite)
    if save:  # a data folder that cannot be written, too
        from starcoach.sessions.store import check_can_save

        check_can_save()
    from starcoach.cli.progress import transcription_progress
    from starcoach.pipeline import analyze_file

    with transcription_progress(enabled=not json_out) as progress:
        result = analyze_file(audio, model=model, question_id=question, progress=progress)
    session_id = None
    if save:
        from starcoach.sessions.store import open_store

        with open_store() as store:
            session_id = store.save_session(
                audio_path=audio, transcript=result.transcript, analysis=result.analysis,
                question_id=question, samples=result.samples,
            )
    if html is not None:
        from starcoach.report.html import write_html_report

        write_html_report(result.analysis, audio_path=audio, out=html, overwrite=overwrite)
    _emit(result.analysis, json_out, session_id=session_id, html=html)


def _emit(analysis, json_out: bool, session_id: str | None = None,
          html: Path | None = None) -> None:
    if json_out:
        data = analysis.to_dict()
        if session_id is not None:
            data["session_id"] = session_id
        print_json(data)
        return
    from starcoach.report.terminal import render_analysis

    console = stdout_console()
    console.print(render_analysis(analysis))
    from starcoach.cli.output import stderr_console

    if session_id is not None:
        stderr_console().print(f"Saved as session {session_id}.")
    if html is not None:
        stderr_console().print(f"HTML report: {html}")
