"""`record` and `practice` on a real terminal (a tmux pane) with the PulseAudio virtual
microphone: what is left on the screen when a take stops."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from _terminal import Pane, needs_tmux
from _virtualmic import load_mic, needs_pulse, tone, unload_mic, wait_for_audio

pytestmark = [needs_pulse, needs_tmux, pytest.mark.audio]

QUESTION = "failure-time-you-failed"
ANSWER = "I missed a deadline once. I told my manager the same day and I fixed the plan."
PANEL = "╭╮╰╯│"
MENU = r"n: next question · q: quit >"


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
