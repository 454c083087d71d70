"""The ``starcoach`` command: typer app only.

Each command parses its options, calls one library function, and renders the result. Errors
from the core (``StarcoachError``) become one ``error: ...`` line on stderr and exit status 2;
``--debug`` (or ``STARCOACH_DEBUG=1``) shows the traceback instead. Heavy modules
(faster-whisper, sounddevice) are imported inside the commands that use them, so ``--help``
starts fast.
"""

from __future__ import annotations

import os
import sys

import typer

from starcoach import __version__
from starcoach.config import DataDirError
from starcoach.errors import OutputError, StarcoachError

try:  # typer 0.2x carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]

app = typer.Typer(
    name="starcoach",
    help="Rehearse spoken interview answers: STAR timing, fillers, red flags, pace and pauses.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"starcoach {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks for errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Rehearse spoken interview answers: STAR timing, fillers, red flags, pace and pauses.

    Everything runs offline on this computer.
    """


def _debug_requested(argv: list[str]) -> bool:
    return "--debug" in argv or os.environ.get("STARCOACH_DEBUG", "") not in ("", "0")


from starcoach.cli import help_format  # noqa: E402

help_format.apply()

# Command modules register themselves on `app`; they import only typer at module level.
from starcoach.cli import (  # noqa: E402,F401
    analyze_cmd,
    question_cmd,
    record_cmd,
    recover_cmd,
    session_cmd,
    settings_cmd,
)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script: run the app and map errors to exit codes."""
    try:
        _main(argv)
    finally:  # however it ends: a model or voice still loading must not crash the exit
        from starcoach import background

        background.settle()


def _main(argv: list[str] | None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    debug = _debug_requested(args)
    # --debug is accepted anywhere on the line (`starcoach analyze x.wav --debug`), not only
    # before the command, because it is what a user adds after seeing an error.
    args = [a for a in args if a != "--debug"]
    command = typer.main.get_command(app)
    _tolerate_any_encoding()
    try:
        # Not standalone: usage errors come back here to be printed as one line like every
        # other error, instead of typer's boxed block. `--help` and `typer.Exit` come back as
        # an exit status.
        status = command.main(args=args, prog_name="starcoach", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:  # the help is printed already
        sys.exit(exc.exit_code)
    except click_errors.ClickException as exc:  # a usage error, or a file click could not open
        if debug:
            raise
        message = (usage_message(exc) if isinstance(exc, click_errors.UsageError)
                   else exc.format_message())
        print(f"error: {clean(message)}", file=sys.stderr)
        sys.exit(2)
    except typer.Abort:
        # Ctrl-C or end of input at a prompt
        print("Aborted.", file=sys.stderr)
        sys.exit(1)
    except OutputError as exc:
        if debug:
            raise
        _output_failed(exc)
    except (StarcoachError, DataDirError) as exc:
        if debug:
            raise
        print(f"error: {clean(exc.message)}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        if debug:
            raise
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, not a traceback
        if debug:
            raise
        print(
            f"error: unexpected {type(exc).__name__}: {clean(str(exc))} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        sys.exit(1)
    try:  # what is still buffered: a failure here is the same one line, not a shutdown trace
        sys.stdout.flush()
    except OSError as exc:
        from starcoach.cli.output import output_error

        _output_failed(output_error(exc))
    sys.exit(status if isinstance(status, int) else 0)


def clean(text: str) -> str:
    from starcoach.cli.output import clean as clean_text

    return clean_text(text)


def _tolerate_any_encoding() -> None:
    """Under ``PYTHONIOENCODING=ascii`` (or a C locale) a character the stream cannot encode
    becomes ``?`` instead of a UnicodeEncodeError: the report is still read."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        if not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # a stream that cannot change: left as it is
                pass


def _output_failed(exc: OutputError) -> None:
    """stdout is gone: one line for a full disk (none for a reader that closed the pipe, as
    ``| head`` does), and stdout pointed at /dev/null so the exit flush cannot fail again."""
    if not exc.broken_pipe:
        print(f"error: {exc.message}", file=sys.stderr)
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # pytest's captured stdout has no fd
        pass
    sys.exit(exc.exit_code)


def usage_message(exc: click_errors.UsageError) -> str:
    """Click's usage error as one line: ``missing option '--html'; see `starcoach report -h```."""
    text = " ".join(exc.format_message().split()).rstrip(".")
    text = text[:1].lower() + text[1:]
    if exc.ctx is not None:
        # "Did you mean 'reanalyze'?" ends a sentence: the pointer to the help is a new one.
        see = f"see `{exc.ctx.command_path} --help`"
        text += f" ({see})" if text.endswith("?") else f"; {see}"
    return text
