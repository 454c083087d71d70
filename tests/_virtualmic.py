"""A private PulseAudio virtual microphone for the recording tests.

Each test run loads its own null sink and points the recorder at the sink's monitor with
PULSE_SOURCE (read by PulseAudio's ALSA plugin, which PortAudio's ``pulse`` device uses), so
sounds played by other programs into ``starcoach_sink`` cannot leak into a take. Falls back to
``starcoach_sink`` (the one ``scripts/with-virtual-mic`` makes) if a sink
cannot be loaded.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from starcoach.types import normalize


def pulse_problem() -> str | None:
    """Why the virtual microphone cannot be used here, or None when it can."""
    if shutil.which("pactl") is None or shutil.which("paplay") is None:
        return "PulseAudio tools (pactl, paplay) are not installed: apt install pulseaudio-utils"
    try:
        r = subprocess.run(["pactl", "info"], capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ("`pactl info` did not answer: run the tests with `make test`, which starts a "
                "private one")
    if r.returncode != 0:
        return ("PulseAudio is not running (`pactl info` failed): run the tests with `make test` "
                "or under `scripts/with-virtual-mic`, which start a private one")
    return None


needs_pulse = pytest.mark.skipif(pulse_problem() is not None, reason=pulse_problem() or "")


@dataclass(frozen=True)
class Mic:
    sink: str
    source: str

    def env(self) -> dict[str, str]:
        """The environment for a recorder process: PortAudio's ``pulse`` device hears the sink."""
        return {**os.environ, "PULSE_SOURCE": self.source}

    def play(self, path: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(["paplay", f"--device={self.sink}", str(path)])


def load_mic() -> tuple[Mic, str | None]:
    name = f"starcoach_test_{os.getpid()}"
    r = subprocess.run(
        ["pactl", "load-module", "module-null-sink", f"sink_name={name}", "rate=16000",
         "channels=1"], capture_output=True, text=True)
    if r.returncode != 0:
        return Mic("starcoach_sink", "starcoach_sink.monitor"), None
    return Mic(name, f"{name}.monitor"), r.stdout.strip()


def unload_mic(module: str | None) -> None:
    if module:
        subprocess.run(["pactl", "unload-module", module], capture_output=True)


def wait_for_audio(path: Path, timeout: float = 15.0) -> float:
    """Poll until the recorder has written its first audio to ``path``; return that moment."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 44 + 1600:
            return time.monotonic()
        time.sleep(0.01)
    raise AssertionError(f"no audio reached {path} within {timeout} s")


def new_take(home: Path, seen: set[Path], proc: subprocess.Popen | None = None,
             timeout: float = 20.0) -> Path:
    """The next ``.part.wav`` a practice or record process starts under ``home/recordings``:
    one not in ``seen``, which it joins. Fails when none appears within ``timeout`` s or
    ``proc`` ends first."""
    deadline = time.monotonic() + timeout
    while not (new := set((home / "recordings").rglob("*.part.wav")) - seen):
        assert time.monotonic() < deadline, f"no take started within {timeout} s"
        assert proc is None or proc.poll() is None, (
            "the process ended before recording: "
            + (proc.stderr.read() if proc.stderr is not None else ""))
        time.sleep(0.01)
    take = new.pop()
    seen.add(take)
    return take


def practice_take(mic: Mic, clip: Path | None, *args: str, env: dict[str, str] | None = None,
                  timeout: float = 20.0
                  ) -> tuple[subprocess.CompletedProcess[str], float | None]:
    """``starcoach practice`` on the virtual microphone, without a terminal: once the take has
    audio on disk, ``clip`` plays into the microphone. Returns the finished run and the moment
    the take's first audio was on disk (None without a clip). ``env`` is the process's
    environment (``mic.env()`` by default); ``timeout`` how long the take may take to start
    (a spoken question comes first)."""
    home = Path(os.environ["STARCOACH_HOME"])
    seen = set((home / "recordings").rglob("*")) if (home / "recordings").exists() else set()
    proc = starcoach("practice", "--device", "pulse", *args, env=env or mic.env())
    player, first_audio = None, None
    try:
        if clip is not None:
            first_audio = wait_for_audio(new_take(home, seen, proc, timeout))
            player = mic.play(clip)
        out, err = proc.communicate(timeout=600)
    finally:
        proc.kill()
        if player is not None:
            player.kill()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), first_audio


def speak(text: str, out: Path) -> Path:
    """A spoken clip made with espeak-ng, at 16 kHz."""
    raw = out.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", str(out)], check=True)
    raw.unlink()
    return out


def tone(out: Path, seconds: float, freq: float = 440.0) -> Path:
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(out), "synth",
                    str(seconds), "sine", str(freq), "vol", "0.5"], check=True)
    return out


def words_of(text: str) -> list[str]:
    return [w for w in (normalize(t) for t in re.split(r"\s+", text)) if w]


def word_overlap(reference: str, heard: str) -> float:
    """Share of the reference's words (with repeats) found in what was heard."""
    ref, got = Counter(words_of(reference)), Counter(words_of(heard))
    return sum((ref & got).values()) / max(1, sum(ref.values()))


def audible_span(samples: np.ndarray, rate: int = 16000,
                 level: float = 0.003) -> tuple[float, float]:
    """First and last moment (seconds) where the signal rises above ``level``."""
    loud = np.flatnonzero(np.abs(samples) > level)
    if loud.size == 0:
        return 0.0, 0.0
    return loud[0] / rate, (loud[-1] + 1) / rate


def starcoach(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "starcoach", *args], env=env, text=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)
