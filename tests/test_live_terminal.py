"""`record` and `practice` on a real terminal (a tmux pane) with the PulseAudio virtual
microphone: what is left on the screen when a take stops, and throwing a take away."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from _terminal import Pane, needs_tmux
from _virtualmic import (
    load_mic,
    needs_pulse,
    speak,
    tone,
    unload_mic,
    wait_for_audio,
    word_overlap,
)

from starcoach.sessions.store import open_store

pytestmark = [needs_pulse, needs_tmux, pytest.mark.audio]

QUESTION = "failure-time-you-failed"
ANSWER = "I missed a deadline once. I told my manager the same day and I fixed the plan."
PANEL = "╭╮╰╯│"
CONFIRM = r"Throw this take away\? Its file is deleted\. \[y/N\]"
MENU = r"n: next question · q: quit >"
FOLLOW_UP = r"Enter: answer the follow-up · s: skip it >"


@pytest.fixture(scope="module")
def mic():
    m, module = load_mic()
    yield m
    unload_mic(module)


def recordings(home: Path) -> list[Path]:
    folder = home / "recordings"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def take_being_recorded(home: Path, before: frozenset[Path] = frozenset()) -> Path:
    """The .part.wav practice is recording into, once audio has reached it."""
    deadline = time.monotonic() + 20
    while not (new := set((home / "recordings").rglob("*.part.wav")) - before):
        assert time.monotonic() < deadline, "practice did not start a take"
        time.sleep(0.05)
    part = new.pop()
    wait_for_audio(part)
    return part


def history(env: dict[str, str]) -> str:
    r = subprocess.run([sys.executable, "-m", "starcoach", "history"], env=env,
                       capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr
    return r.stdout + r.stderr


def sessions() -> list:
    with open_store() as store:
        return store.sessions()


def practice_pane(mic, *extra: str) -> Pane:
    return Pane(["practice", "--question", QUESTION, "--device", "pulse",
                 "--stop-after-silence", "0", *extra], mic.env())


# -- the panel is gone once the take stops ---------------------------------------------------


def test_record_stopped_with_enter_leaves_nothing_of_the_panel_on_the_screen(mic, tmp_path):
    out = tmp_path / "x.flac"
    clip = tone(tmp_path / "tone.wav", 2.0)
    with Pane(["record", str(out), "--device", "pulse", "--stop-after-silence", "0"],
              mic.env(), cwd=str(tmp_path)) as pane:
        pane.wait_for(r"REC \d:\d\d")
        wait_for_audio(tmp_path / "x.part.wav")
        mic.play(clip).wait(20)
        pane.wait_for(r"REC 0:0[2-9]")
        pane.keys("Enter")
        assert pane.exit_status() == 0
        screen = pane.screen()
    assert "(stopped with Enter)" in screen
    assert not [line for line in screen.splitlines() if set(line) & set(PANEL)], screen
    assert out.exists()


def test_practice_stopped_with_enter_leaves_no_recording_panel_above_the_summary(mic):
    home = Path(os.environ["STARCOACH_HOME"])
    with practice_pane(mic) as pane:
        pane.wait_for(r"REC \d:\d\d")
        take_being_recorded(home)
        pane.keys("Enter")
        screen = pane.wait_for(MENU)
        pane.keys("q", "Enter")
        assert pane.exit_status() == 0
    assert "(stopped with Enter)" in screen
    assert "recording from" not in screen, screen


# -- throwing a take away --------------------------------------------------------------------


def test_the_panel_says_how_to_throw_the_take_away(mic):
    home = Path(os.environ["STARCOACH_HOME"])
    with practice_pane(mic) as pane:
        screen = pane.wait_for(r"REC \d:\d\d")
        take_being_recorded(home)
        screen = pane.wait_for(r"d or Ctrl-C twice: throw this take away")
        pane.keys("Enter")
        pane.wait_for(MENU)
        pane.keys("q", "Enter")
        assert pane.exit_status() == 0
    assert "Enter stops" in screen


@pytest.mark.parametrize("keys", [("d",), ("C-c", "C-c")], ids=["d", "ctrl-c-twice"])
def test_a_take_thrown_away_is_deleted_after_a_yes_and_the_question_is_offered_again(
        mic, keys):
    home = Path(os.environ["STARCOACH_HOME"])
    # Something recorded before, in the same folder: it must survive.
    earlier = home / "recordings" / f"{datetime.now():%Y-%m-%d}" / "000001-earlier.flac"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"an earlier take")
    with practice_pane(mic) as pane:
        pane.wait_for(r"REC \d:\d\d")
        part = take_being_recorded(home)
        for k in keys:
            # Two signals sent together can reach Python as one (its handler runs once for
            # both); a person's second press comes a few tenths of a second later.
            pane.keys(k)
            time.sleep(0.3)
        pane.wait_for(CONFIRM)
        pane.keys("y", "Enter")
        screen = pane.wait_for(MENU)
        assert recordings(home) == [earlier]
        assert sessions() == []
        assert "No saved sessions" in history(mic.env())
        # Enter: the same question again, a new take.
        pane.keys("Enter")
        pane.wait_for(r"(Tell me about a time you failed\..*){2}REC \d:\d\d")
        second = take_being_recorded(home, frozenset({part}))
        pane.keys("d")
        pane.wait_for(rf"({CONFIRM}.*){{2}}")
        pane.keys("y", "Enter")
        pane.wait_for(rf"({MENU}.*){{2}}")
        pane.keys("q", "Enter")
        assert pane.exit_status() == 0
        screen = pane.screen()
    assert second != part
    assert recordings(home) == [earlier] and earlier.read_bytes() == b"an earlier take"
    assert sessions() == []
    assert "Saved as session" not in screen and "Recorded" not in screen
    assert "recording from" not in screen, screen


def test_answering_no_keeps_the_take_and_analyzes_it(mic, tmp_path):
    home = Path(os.environ["STARCOACH_HOME"])
    clip = speak(ANSWER, tmp_path / "answer.wav")
    with practice_pane(mic) as pane:
        pane.wait_for(r"REC \d:\d\d")
        take_being_recorded(home)
        mic.play(clip).wait(30)
        pane.keys("d")
        pane.wait_for(CONFIRM)
        pane.keys("n", "Enter")
        # after the report, the follow-up question: s skips it, and nothing more is recorded
        pane.wait_for(r"Saved as session \w+.*Follow-up.*" + FOLLOW_UP, timeout=120)
        pane.keys("s", "Enter")
        screen = pane.wait_for(FOLLOW_UP + ".*" + MENU)
        pane.keys("q", "Enter")
        assert pane.exit_status() == 0
    (saved,) = sessions()
    (take,) = recordings(home)
    with open_store() as store:
        assert store.follow_ups(saved.id) == []
    assert take.suffix == ".flac" and take.name.endswith(f"-{QUESTION}.flac")
    assert f"Recorded {saved.duration_s:.1f} s to {take}" in " ".join(screen.split())
    assert saved.audio_path is not None and saved.audio_path.exists()


def test_a_single_ctrl_c_stops_keeps_and_analyzes_the_take(mic, tmp_path):
    home = Path(os.environ["STARCOACH_HOME"])
    clip = speak(ANSWER, tmp_path / "answer.wav")
    with practice_pane(mic, "--no-follow-up") as pane:
        pane.wait_for(r"REC \d:\d\d")
        take_being_recorded(home)
        mic.play(clip).wait(30)
        pane.keys("C-c")
        screen = pane.wait_for(r"Saved as session \w+.*" + MENU, timeout=120)
        pane.keys("q", "Enter")
        assert pane.exit_status() == 0
    assert "(stopped with Ctrl-C)" in " ".join(screen.split())
    assert "Follow-up" not in screen  # --no-follow-up
    assert "Throw this take away" not in screen
    (saved,) = sessions()
    (take,) = recordings(home)
    assert take.name.endswith(f"-{QUESTION}.flac")
    # The take was analyzed: its transcript is the answer (tiny.en may mishear a word or two).
    assert saved.question_id == QUESTION
    assert word_overlap(ANSWER, saved.transcript["text"]) >= 0.6, saved.transcript["text"]


def test_enter_during_the_countdown_starts_the_take_and_leaves_no_countdown_line(mic):
    home = Path(os.environ["STARCOACH_HOME"])
    with practice_pane(mic, "--prep", "60") as pane:
        pane.wait_for(r"Prepare your answer: \d:\d\d left \(Enter to start now\)")
        pane.keys("Enter")
        pane.wait_for(r"REC \d:\d\d")
        take_being_recorded(home)
        pane.keys("Enter")
        screen = pane.wait_for(MENU)
        pane.keys("q", "Enter")
        assert pane.exit_status() == 0
    assert "Prepare your answer" not in screen and "recording from" not in screen, screen
