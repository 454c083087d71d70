"""The transcription progress bar: on a terminal only, only when enabled, only after 2 s."""

from __future__ import annotations

import io
import os
import select
import sys
import time
from pathlib import Path

import pytest

from starcoach.cli import progress


def read_all(fd: int, limit_s: float = 1.0) -> str:
    """What the terminal has received so far (a live bar keeps writing, hence the limit)."""
    chunks = []
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and select.select([fd], [], [], 0.2)[0]:
        data = os.read(fd, 65536)
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode(errors="replace")


@pytest.fixture
def pty_pair(monkeypatch: pytest.MonkeyPatch):
    """A real pseudo-terminal: (master fd to read, slave stream to use as stderr).

    The test itself swaps sys.stderr, since pytest's capture resets it between setup and call.
    """
    master, slave = os.openpty()
    stream = os.fdopen(slave, "w", buffering=1)
    monkeypatch.delenv("TERM", raising=False)
    yield master, stream
    stream.close()
    os.close(master)


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress.transcription_progress(enabled=True) as update:
        assert update is None


def test_no_bar_when_disabled_even_on_a_terminal(pty_pair, monkeypatch) -> None:
    tty_stderr, stream = pty_pair
    monkeypatch.setattr(sys, "stderr", stream)
    with progress.transcription_progress(enabled=False) as update:
        assert update is None
    assert read_all(tty_stderr) == ""


def test_bar_appears_on_a_terminal_only_after_two_seconds(pty_pair, monkeypatch) -> None:
    tty_stderr, stream = pty_pair
    monkeypatch.setattr(sys, "stderr", stream)
    with progress.transcription_progress(enabled=True) as update:
        assert update is not None
        update(5.0, 60.0)
        sys.stderr.flush()
        assert "Transcribing" not in read_all(tty_stderr)
        time.sleep(progress.SHOW_AFTER_S + 0.1)
        update(30.0, 60.0)
        time.sleep(0.3)
        update(60.0, 60.0)
    out = read_all(tty_stderr)
    assert "Transcribing" in out
    assert "s of audio" in out


def test_bar_appears_after_two_seconds_even_while_the_first_window_decodes(
    pty_pair, monkeypatch
) -> None:
    tty_stderr, stream = pty_pair
    monkeypatch.setattr(sys, "stderr", stream)
    with progress.transcription_progress(enabled=True) as update:
        update(0.0, 90.0)
        time.sleep(progress.SHOW_AFTER_S + 0.5)
        out = read_all(tty_stderr)
    assert "Transcribing" in out and "0/90 s of audio" in out


def test_json_output_has_no_bar_and_parses(tmp_path: Path, real_speech: Path) -> None:
    """`--json` keeps stdout pure JSON and stderr empty."""
    import json
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "starcoach", "transcribe", str(real_speech / "mfa_uh.flac"),
         "--json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["schema"] == "starcoach.transcript/1"
    assert [w["text"].strip(",.").lower() for w in data["words"]].count("uh") == 1


def test_bar_shown_before_any_window_is_decoded_draws_without_a_total(
    pty_pair, monkeypatch
) -> None:
    """A take that starts with a long silence: Whisper reports nothing for a while, so the bar
    is drawn before the total is known. It used to raise TypeError from its refresh thread."""
    tty_stderr, stream = pty_pair
    monkeypatch.setattr(sys, "stderr", stream)
    errors: list[BaseException] = []
    monkeypatch.setattr("threading.excepthook", lambda args: errors.append(args.exc_value))
    with progress.transcription_progress(enabled=True) as update:
        time.sleep(progress.SHOW_AFTER_S + 0.4)  # the bar is up, no total yet
        first = read_all(tty_stderr, 0.5)
        update(40.0, 64.0)
        time.sleep(0.3)
    out = first + read_all(tty_stderr)
    assert errors == []
    assert "Traceback" not in out and "TypeError" not in out
    assert "0 s of audio" in first
