"""`starcoach recover`: takes a kill left without a session are listed, repaired and saved.

Real files throughout: WAVs written by the recorder's own writer and cut off the way a kill
leaves them (the header behind the data), and one take killed with SIGKILL from a real
`starcoach record` through the virtual microphone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from _terminal import Pane, needs_tmux
from _virtualmic import load_mic, needs_pulse, speak, starcoach, unload_mic, wait_for_audio

from starcoach.audio.decode import load_audio
from starcoach.audio.wavfile import StreamingWav, read_wav

QID = "failure-time-you-failed"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"})


def killed_take(path: Path, samples: np.ndarray) -> int:
    """Write ``samples`` as the recorder does and stop as a kill would: the header last
    brought up to date a while before the end. Returns the samples written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    w = StreamingWav(path)
    cut = len(samples) * 3 // 4
    w.write(samples[:cut])
    w.update_header()
    w.write(samples[cut:])
    w._fh.close()  # no final header: what kill -9 leaves
    a_minute_ago = time.time() - 60  # the kill was a while ago: no recorder is writing it
    os.utime(path, (a_minute_ago, a_minute_ago))
    return len(samples)


@pytest.fixture
def jfk_samples(real_speech: Path) -> np.ndarray:
    return load_audio(real_speech / "fw_jfk.flac")


def test_a_take_being_recorded_right_now_is_left_alone(tmp_path: Path,
                                                       jfk_samples: np.ndarray) -> None:
    part = tmp_path / "answer.part.wav"
    killed_take(part, jfk_samples)
    os.utime(part)  # touched just now, as a recorder does twice a second
    before = part.read_bytes()
    result = run("recover", "--json", cwd=tmp_path)
    assert json.loads(result.stdout)["takes"] == []
    assert part.read_bytes() == before  # its header not rewritten under the writer


def test_nothing_to_recover_says_so_and_exits_0(tmp_path: Path,
                                                starcoach_home: Path) -> None:
    result = run("recover", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("Nothing to recover: ")
    assert not (starcoach_home / "sessions.db").exists()  # nothing created just to look


def test_kept_takes_are_listed_with_their_headers_repaired(
        tmp_path: Path, starcoach_home: Path, jfk_samples: np.ndarray,
        real_speech: Path) -> None:
    day = starcoach_home / "recordings" / "2026-12-03"
    practice_part = day / f"101010-{QID}.part.wav"
    n = killed_take(practice_part, jfk_samples)
    unanalyzed = day / f"101500-{QID}.flac"
    unanalyzed.write_bytes((real_speech / "fw_jfk.flac").read_bytes())
    record_part = tmp_path / "answer.part.wav"  # `record answer.flac` killed, run from here
    killed_take(record_part, jfk_samples)
    assert len(read_wav(practice_part)) < n  # the header is behind: a quarter is hidden

    result = run("recover", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    takes = {Path(t["path"]).name: t for t in json.loads(result.stdout)["takes"]}
    assert set(takes) == {practice_part.name, unanalyzed.name, record_part.name}
    assert takes[practice_part.name]["kind"] == "interrupted"
    assert takes[practice_part.name]["repaired"] is True
    assert takes[unanalyzed.name]["kind"] == "not analyzed"
    for name in takes:
        assert takes[name]["duration_s"] == pytest.approx(n / 16000, abs=0.05)
    assert len(read_wav(practice_part)) == n and len(read_wav(record_part)) == n

    listed = run("recover", cwd=tmp_path)  # without a terminal: listed, nothing saved
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 3 and "interrupted" in listed.stdout
    assert listed.stderr == "3 take(s) can be made sessions: `starcoach recover --save`\n"
    assert not (starcoach_home / "sessions.db").exists()


def test_a_file_that_is_not_a_recording_is_listed_with_its_problem_and_left_alone(
        tmp_path: Path, starcoach_home: Path) -> None:
    bad = tmp_path / "notes.part.wav"
    bad.write_bytes(b"not a recording at all")
    os.utime(bad, (time.time() - 60, time.time() - 60))
    result = run("recover", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "cannot be read" in result.stdout and str(bad) in result.stdout
    assert bad.read_bytes() == b"not a recording at all"
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_recover_save_makes_each_take_a_session_and_keeps_the_recordings(
        tmp_path: Path, starcoach_home: Path, jfk_samples: np.ndarray) -> None:
    day = starcoach_home / "recordings" / "2026-12-03"
    part = day / f"101010-{QID}.part.wav"
    killed_take(part, jfk_samples)
    silent = tmp_path / "silent.part.wav"  # a take with no answer in it: not saved, kept
    w = StreamingWav(silent)
    w.write(np.zeros(16000 * 2, dtype=np.float32))
    w.close()
    os.utime(silent, (time.time() - 60, time.time() - 60))

    result = run("recover", "--save", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    saved = [line for line in lines if "saved as session" in line]
    assert len(saved) == 1 and saved[0].startswith(f"{part}: saved as session ")
    assert any(line.startswith(f"{silent}: not saved: ") for line in lines)
    assert lines[-1] == ("error: 1 of 2 take(s) could not be saved; they are kept where "
                         "they are")
    assert part.is_file() and silent.is_file()

    history = json.loads(run("history", "--json").stdout)
    assert len(history) == 1 and history[0]["question_id"] == QID
    session = json.loads(run("show", history[0]["id"], "--json").stdout)
    words = " ".join(w["text"] for w in session["transcript"]["words"]).lower()
    assert "country" in words  # the last quarter, hidden by the stale header, is in it

    again = run("recover", "--json", cwd=tmp_path)
    assert [Path(t["path"]).name for t in json.loads(again.stdout)["takes"]] == [silent.name]


@pytest.fixture(scope="module")
def mic():
    m, module = load_mic()
    yield m
    unload_mic(module)


@needs_pulse
@pytest.mark.audio
@pytest.mark.slow
def test_a_record_killed_with_sigkill_becomes_a_session(mic, tmp_path: Path) -> None:
    clip = speak("I took ownership of the failed release. I rolled it back and wrote the "
                 "missing test, and we shipped the next day.", tmp_path / "clip.wav")
    out = tmp_path / "answer.flac"
    part = tmp_path / "answer.part.wav"
    proc = starcoach("record", str(out), "--device", "pulse", "--stop-after-silence", "0",
                     env=mic.env())
    player = None
    try:
        wait_for_audio(part)
        player = mic.play(clip)
        player.wait(30)
        time.sleep(0.7)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        proc.kill()
        if player is not None:
            player.kill()
    assert proc.returncode == -signal.SIGKILL
    assert part.is_file() and not out.exists()

    fresh = run("recover", "--json", cwd=tmp_path)  # seconds after the kill: left alone
    assert json.loads(fresh.stdout)["takes"] == []
    os.utime(part, (time.time() - 60, time.time() - 60))

    analyze = run("analyze", str(out))  # points at the kept take
    assert f"the interrupted take is kept in '{part}'" in analyze.stderr

    result = run("recover", "--save", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{part}: saved as session " in result.stderr
    history = json.loads(run("history", "--json").stdout)
    session = json.loads(run("show", history[0]["id"], "--json").stdout)
    words = " ".join(w["text"] for w in session["transcript"]["words"]).lower()
    assert "rolled" in words and "test" in words
    assert part.is_file()  # the recording itself is never removed


@needs_tmux
def test_on_a_terminal_recover_asks_first_and_no_keeps_everything_as_it_is(
        tmp_path: Path, starcoach_home: Path, jfk_samples: np.ndarray) -> None:
    part = starcoach_home / "recordings" / "2026-12-03" / f"101010-{QID}.part.wav"
    killed_take(part, jfk_samples)
    with Pane(["recover"], env={**os.environ}, cwd=str(tmp_path)) as pane:
        pane.wait_for(r"Analyze and save 1 take\(s\) as sessions\? \[y/N\]")
        pane.keys("n", "Enter")
        assert pane.exit_status() == 0
        screen = pane.screen()
    assert "Kept as they are." in screen and "interrupted, header repaired" in screen
    assert part.is_file() and not (starcoach_home / "sessions.db").exists()


def test_a_fifo_or_a_device_named_as_a_take_is_passed_over_without_waiting(
        tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "answer.part.wav")  # opening it would wait for a writer for ever
    result = run("recover", "/dev/zero", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Nothing to recover: ")
