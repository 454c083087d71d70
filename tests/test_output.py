"""Status lines on stderr stay whole and literal, whatever the path holds."""

from __future__ import annotations

import pytest

from starcoach.cli.output import stderr_console


def test_a_long_status_line_on_stderr_stays_one_line_with_its_brackets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = ("Recorded 20.0 s to /tmp/home/recordings/2026-11-29/[take 2]/"
            + "232725-failure-time-you-failed" * 3 + ".flac (reached --max-seconds).")
    stderr_console().print(line)
    assert capsys.readouterr().err == line + "\n"


@pytest.mark.parametrize("args", [["questions"], ["questions", "show", "failure-time-you-failed"],
                                  ["stories"]])
def test_output_into_a_pipe_has_no_trailing_spaces(args: list[str]) -> None:
    """rich pads table rows to the full width; a pipe or a file gets the lines without it."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 3
    assert [line for line in lines if line != line.rstrip(" ")] == []
