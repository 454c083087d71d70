"""The practice flow: the pieces below the terminal, then the real command end to end with a
PulseAudio virtual microphone (non-interactive, and on a pseudo-terminal)."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from _virtualmic import (
    load_mic,
    needs_pulse,
    practice_take,
    speak,
    unload_mic,
    wait_for_audio,
    word_overlap,
)

from starcoach import practice
from starcoach.analysis.model import Analysis
from starcoach.audio.wavfile import StreamingWav, read_wav
from starcoach.sessions.review import Summary
from starcoach.sessions.store import open_store

QUESTION = "failure-time-you-failed"
ANSWER = (
    "The situation was this. Last spring I led the move of our billing service to a new "
    "database. My task was to finish the move before the old contract ended, without losing "
    "any customer data. I wrote a migration plan, I tested it on a copy of production every "
    "night, and I moved the customers in small groups. As a result, we finished two weeks "
    "early with no data lost. I learned to test every plan on real data first."
)
SHORT_ANSWER = "I missed a deadline once. I told my manager the same day and I fixed the plan."


@pytest.fixture(scope="module")
def mic():
    m, module = load_mic()
    yield m
    unload_mic(module)


# -- below the terminal -----------------------------------------------------------------------


def test_takes_go_to_dated_folders_and_never_overwrite_each_other(starcoach_home):
    when = datetime(2026, 3, 14, 9, 5, 7)
    first = practice.take_path("Failure/Time you FAILED", now=when)
    assert first == starcoach_home / "recordings/2026-03-14/090507-failure-time-you-failed.flac"
    first.parent.mkdir(parents=True)
    first.write_bytes(b"taken")
    second = practice.take_path("Failure/Time you FAILED", now=when)
    assert second.name == "090507-failure-time-you-failed-2.flac"
    second.with_name(second.stem + ".part.wav").write_bytes(b"a take still being recorded")
    assert practice.take_path("Failure/Time you FAILED", now=when).name.endswith("-3.flac")


def test_a_take_cut_short_by_a_crash_is_repaired_when_practice_starts(starcoach_home):
    folder = starcoach_home / "recordings" / "2026-03-14"
    folder.mkdir(parents=True)
    w = StreamingWav(folder / "090507-x.part.wav")
    w.write(np.full(16000, 0.2, dtype=np.float32))
    w.update_header()
    w.write(np.full(4000, 0.2, dtype=np.float32))
    w._fh.close()  # what a kill leaves: the last quarter second is not in the header
    assert practice.recover_interrupted() == []  # just written: maybe still being recorded
    a_minute_ago = time.time() - 60
    os.utime(folder / "090507-x.part.wav", (a_minute_ago, a_minute_ago))
    assert practice.recover_interrupted() == [folder / "090507-x.part.wav"]
    assert len(read_wav(folder / "090507-x.part.wav")) == 20000
    assert practice.recover_interrupted() == []


def summary(length_s: float, wpm: float, fpm: float, flags: tuple[str, ...]) -> Summary:
    return Summary(id="x", created_at="", question_id=QUESTION, question=None, length_s=length_s,
                   speaking_s=length_s, wpm=wpm, fillers_per_min=fpm, flags=flags, shares={},
                   missing=(), analyzer_version="1")


def test_the_comparison_calls_fewer_fillers_a_pace_in_band_and_a_length_on_target_better():
    before = summary(58, 190, 6.2, ("blame_shifting", "no_learning"))
    after = summary(104, 150, 2.0, ())
    changes = {c.label: c.to_dict() for c in practice.compare(before, after)}
    assert changes == {
        "fillers per minute": {"label": "fillers per minute", "before": "6.2", "after": "2.0",
                               "better": True},
        "pace (words per minute)": {"label": "pace (words per minute)", "before": "190",
                                    "after": "150", "better": True},
        "length": {"label": "length", "before": "0:58", "after": "1:44", "better": True},
        "red flags": {"label": "red flags", "before": "2 (blame_shifting, no_learning)",
                      "after": "none", "better": True},
    }
    back = {c.label: c.better for c in practice.compare(after, before)}
    assert set(back.values()) == {False}
    same = {c.label: c.better for c in practice.compare(after, summary(106, 148, 2.2, ()))}
    assert set(same.values()) == {None}


def run_cli(args, capsys) -> tuple[int, str]:
    from starcoach.cli import main

    with pytest.raises(SystemExit) as done:
        main(args)
    return done.value.code, capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--prep", "-5"], "--prep must be 0 or more seconds, not -5"),
    (["--max-seconds", "0"], "--max-seconds must be more than 0, not 0"),
    (["--max-seconds", "nan"], "--max-seconds must be more than 0, not nan"),
    (["--max-seconds", "inf"], "--max-seconds must be more than 0, not inf"),
    (["--prep", "nan"], "--prep must be 0 or more seconds, not nan"),
    (["--stop-after-silence", "nan"],
     "--stop-after-silence must be 0 (off) or more seconds, not nan"),
    (["--stop-after-silence", "-1"],
     "--stop-after-silence must be 0 (off) or more seconds, not -1"),
    (["--question", QUESTION, "--random"], "give one of --question or --random, not both"),
    (["--question", "no-such-question"], "unknown question 'no-such-question': see "
                                         "`starcoach questions`"),
])
def test_bad_practice_options_are_one_line_errors(args, message, capsys, starcoach_home):
    assert run_cli(["practice", *args], capsys) == (2, f"error: {message}\n")
    assert not (starcoach_home / "recordings").exists()


# -- the real command --------------------------------------------------------------------


def plain(text: str) -> str:
    return " ".join(text.split())


@needs_pulse
@pytest.mark.audio
@pytest.mark.slow
def test_practice_records_analyzes_and_saves_a_take_then_compares_the_next_one(
        mic, tmp_path, starcoach_home):
    clip = speak(ANSWER, tmp_path / "answer.wav")
    r, _ = practice_take(mic, clip, "--question", QUESTION, "--stop-after-silence", "2",
                     "--max-seconds", "90")
    assert r.returncode == 0, r.stderr
    assert "Tell me about a time you failed." in r.stdout
    assert "What interviewers look for:" in r.stdout
    assert "(stopped after the silence)" in plain(r.stderr)
    with open_store() as store:
        sessions = store.sessions()
    assert len(sessions) == 1
    s = sessions[0]
    assert s.question_id == QUESTION
    assert f"Saved as session {s.id}." in r.stderr
    assert word_overlap(ANSWER, s.transcript["text"]) >= 0.8
    takes = sorted((starcoach_home / "recordings").rglob("*"))
    take = next(p for p in takes if p.suffix == ".flac")
    assert [p for p in takes if p.is_file()] == [take]  # the .part.wav is gone once FLAC is made
    assert take.name.endswith(f"-{QUESTION}.flac")
    clip_s = len(read_wav(clip)) / 16000
    # The take is the clip plus the two seconds of silence that ended it (and the few
    # hundredths of a second before playback started).
    assert s.duration_s == pytest.approx(clip_s + 2.0, abs=1.0)
    assert s.audio_path is not None and s.audio_path.exists()
    assert "Since your previous attempt" not in r.stdout

    short = speak(SHORT_ANSWER, tmp_path / "short.wav")
    # typed with capitals and spaces: the same question, so the same list and a comparison
    r2, _ = practice_take(mic, short, "--question", f" {QUESTION.upper()} ", "--stop-after-silence",
                      "2")
    assert r2.returncode == 0, r2.stderr
    with open_store() as store:
        first, second = store.sessions(QUESTION)
    assert first.id == s.id
    text = plain(r2.stdout)
    assert "Since your previous attempt" in text
    # The answer's length, as its report said it (not the recording's, silence included).
    before, after = (practice.clock(Analysis.from_dict(x.analysis).length_s)
                     for x in (first, second))
    assert re.search(rf"length {before} {after} (better|worse|about the same)", text), text
    # headed by what the first report said to fix first, each point fixed or still there
    points = first.analysis["fix_first"]
    assert points, "the first answer, under a minute, has at least its length to fix"
    head = text.index("Since your previous attempt")
    first_point = re.compile(rf"1\. {re.escape(points[0]['title'])}: (fixed|still there)")
    found = first_point.search(text, head)
    assert found is not None, text
    assert found.start() < text.index(f"length {before}")


@needs_pulse
@pytest.mark.audio
def test_a_take_that_cannot_be_analyzed_is_kept_and_its_place_named(mic, starcoach_home):
    r, _ = practice_take(mic, None, "--question", QUESTION, "--max-seconds", "1.5")
    takes = list((starcoach_home / "recordings").rglob("*.flac"))
    assert len(takes) == 1 and takes[0].stat().st_size > 0
    assert r.returncode == 2
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: '{takes[0]}' holds no speech: the recording is silent")
    assert last.endswith("; check that the microphone is on and not muted "
                         "(the recording is kept)")
    assert last.count(str(takes[0])) == 1
    with open_store() as store:
        assert store.count() == 0


def read_until(fd: int, pattern: str, seen: list[str], timeout: float = 30.0) -> str:
    """Read the terminal's output until ``pattern`` appears in it (ANSI codes removed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", "".join(seen))
        if re.search(pattern, text, re.S):
            return text
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen.append(os.read(fd, 65536).decode(errors="replace"))
            except OSError:
                break
    raise AssertionError(f"{pattern!r} did not appear; the terminal showed:\n{''.join(seen)}")


@needs_pulse
@pytest.mark.audio
def test_on_a_terminal_enter_stops_the_take_and_the_menu_moves_to_the_next_question(
        mic, starcoach_home):
    """The live panel shows, Enter ends the take, a failed analysis keeps the menu going,
    'n' brings another question and 'q' quits. Nothing is played: the takes are silent."""
    leader, follower = pty.openpty()
    env = {**mic.env(), "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "starcoach", "practice", "--question", QUESTION, "--device",
         "pulse"], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    seen: list[str] = []
    try:
        read_until(leader, r"REC \d:\d\d / 1:30.2:30", seen)
        read_until(leader, r"too quiet: no speech heard", seen, timeout=10)
        os.write(leader, b"\n")
        read_until(leader, r"stopped with Enter", seen)
        read_until(leader, r"holds no speech.*q: quit >", seen)
        os.write(leader, b"n\n")
        read_until(leader, r"(What interviewers look for.*){2}REC 0:0[1-9]", seen)
        os.write(leader, b"\n")
        text = read_until(leader, r"(q: quit >.*){2}", seen)
        os.write(leader, b"q\n")
        assert proc.wait(30) == 0
    finally:
        proc.kill()
        os.close(leader)
    takes = sorted(p.name for p in (starcoach_home / "recordings").rglob("*.flac"))
    assert len(takes) == 2, text
    assert takes[0].endswith(f"-{QUESTION}.flac") != takes[1].endswith(f"-{QUESTION}.flac")
    assert "Tell me about a time you failed." in text


def test_a_take_the_model_cannot_read_names_where_it_is_kept(tmp_path: Path) -> None:
    from starcoach.audio import decode as audio
    from starcoach.errors import ModelError

    t = np.arange(2 * 16000) / 16000
    take = audio.write_wav((0.3 * np.sin(2 * np.pi * 200 * t)).astype(np.float32),
                           tmp_path / "take.wav")
    with pytest.raises(ModelError) as exc:
        practice.analyze_take(take, None, model=str(tmp_path / "no-model"))
    assert exc.value.message.endswith(f" (the recording is kept in '{take}')")
    assert exc.value.message.count(str(take)) == 1


@needs_pulse
@pytest.mark.audio
def test_without_a_terminal_ctrl_c_twice_keeps_the_take_but_does_not_analyze_it(
        mic, starcoach_home):
    """There is no one to ask, so nothing is deleted; the take is not analyzed or saved."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "starcoach", "practice", "--question", QUESTION, "--device",
         "pulse", "--stop-after-silence", "0"], env=mic.env(), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not (parts := list((starcoach_home / "recordings").rglob("*.part.wav"))):
            assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()
            time.sleep(0.01)
        wait_for_audio(parts[0])
        # Two signals that arrive while another thread holds the interpreter (the model
        # loading beside the take: a large native library being opened) reach Python as one;
        # so the presses come once the model has had time to load, half a second apart.
        time.sleep(2.0)
        proc.send_signal(signal.SIGINT)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    (take,) = [p for p in (starcoach_home / "recordings").rglob("*") if p.is_file()]
    assert take.suffix == ".flac" and take.stat().st_size > 0
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == (
        f"Not analyzed (Ctrl-C twice). Without a terminal nothing is asked, so nothing is "
        f"deleted: the take is kept in '{take}'.")
    with open_store() as store:
        assert store.count() == 0
