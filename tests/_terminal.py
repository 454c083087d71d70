"""A real terminal for the tests: a tmux pane of its own, driven with send-keys and read back
with capture-pane, so what is checked is what a person would see on the screen."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed: apt install tmux")

EXIT = "[exit status "


class Pane:
    """``starcoach ARGS`` running alone in a detached tmux session, on a private tmux server.

    The server gets ``env`` (it passes it on to the command), so PULSE_SOURCE and
    STARCOACH_HOME reach starcoach as they would from a shell.
    """

    def __init__(self, args: list[str], env: dict[str, str], cwd: str | None = None,
                 width: int = 100, height: int = 40) -> None:
        # A socket in a folder of its own (tmux leaves its socket file behind otherwise).
        self._dir = Path(tempfile.mkdtemp(prefix="starcoach-tmux-"))
        self.socket = str(self._dir / "s")
        env = {**env, "TERM": "xterm-256color"}
        env.pop("TMUX", None)
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        line = shlex.join([sys.executable, "-m", "starcoach", *args])
        # The pane stays open after the command, showing its exit status, until the test ends.
        # The shell around it must outlive a Ctrl-C meant for starcoach: it traps INT (a trap
        # with a command, unlike an ignored signal, is not passed on to starcoach).
        script = f"trap : INT; {line}; echo; echo '{EXIT}'$?']'; sleep 3600"
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), "sh", "-c", script,
                   env=env, cwd=cwd)

    def _tmux(self, *args: str, env: dict[str, str] | None = None,
              cwd: str | None = None) -> str:
        r = subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", *args], env=env,
                           cwd=cwd, capture_output=True, text=True, timeout=20)
        if r.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {r.stderr}")
        return r.stdout

    def keys(self, *keys: str) -> None:
        """tmux key names (``Enter``, ``C-c``) or literal text (sent with -l when given as
        ``text:...``)."""
        for k in keys:
            if k.startswith("text:"):
                self._tmux("send-keys", "-t", "0", "-l", k[5:])
            else:
                self._tmux("send-keys", "-t", "0", k)

    def screen(self) -> str:
        """What the pane shows now, plus what scrolled off its top; wrapped lines joined."""
        return self._tmux("capture-pane", "-p", "-J", "-t", "0", "-S", "-1000")

    def wait_for(self, pattern: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if re.search(pattern, text, re.S):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} did not appear; the pane shows:\n{text}")
            time.sleep(0.1)

    def exit_status(self, timeout: float = 60.0) -> int:
        text = self.wait_for(re.escape(EXIT) + r"\d+\]", timeout)
        return int(re.findall(re.escape(EXIT) + r"(\d+)\]", text)[-1])

    def close(self) -> None:
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> Pane:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
