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
