"""The live cue line on a real terminal (a tmux pane), while a take is recorded from the
PulseAudio virtual microphone: which cue shows, when, and that --no-cues shows none."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from _terminal import Pane, needs_tmux
from _virtualmic import load_mic, needs_pulse, unload_mic, wait_for_audio

pytestmark = [needs_pulse, needs_tmux, pytest.mark.audio]

QUESTION = "failure-time-you-failed"
MENU = r"n: next question · q: quit >"
CUE = re.compile(r"│ → (.+?)\s*│")
"""The cue line inside the panel (the report after the take has arrows of its own)."""

BURST = "Um, so, uh, this is, um, a story about, uh, a website."
# A long situation and nothing else: no task, no action, no result, read fast.
SETUP_ONLY = (
    "Our company sold garden furniture through a small website. The website was old and it "
    "was slow on every phone. The checkout page failed for many customers in the spring, "
    "which was the busiest season of the year. Our support inbox was full of complaints about "
    "lost orders and double charges. The sales team was worried about the summer, because "
    "most of the yearly revenue came in those months. The design of the site was ten years "
    "old, and the code had been written by a contractor who had left. Nobody on the team "
    "really knew how the payment part worked. The managers argued about whether to rebuild "
    "the whole site or to buy a new platform. The budget was small and the deadline was the "
    "first of June. It was a stressful time for everyone on the team, and the mood in the "
    "office was low.")


@pytest.fixture(scope="module")
def mic():
    m, module = load_mic()
    yield m
    unload_mic(module)


def fast_speech(text: str, out: Path, wpm: int = 230) -> Path:
    raw = out.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-s", str(wpm), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", str(out)], check=True)
    return out


def cues_seen(pane: Pane, until: str, timeout: float) -> tuple[list[tuple[float, str]], str]:
    """Every cue line the pane showed (seconds since the call, text), in order, until the
    pattern ``until`` appears; and the screen then."""
    seen: list[tuple[float, str]] = []
    t0 = time.monotonic()
    while True:
        screen = pane.screen()
        m = CUE.search(screen)
        if m:
            text = m.group(1)
            if not seen or seen[-1][1] != text:
                seen.append((time.monotonic() - t0, text))
        if re.search(until, screen, re.S):
            return seen, screen
        assert time.monotonic() - t0 < timeout, f"{until!r} did not appear:\n{screen}"
        time.sleep(0.1)


def start_take(mic, *extra: str) -> tuple[Pane, Path]:
    home = Path(os.environ["STARCOACH_HOME"])
    pane = Pane(["practice", "--question", QUESTION, "--device", "pulse",
                 "--stop-after-silence", "0", "--no-follow-up", *extra], mic.env(), width=110)
    pane.wait_for(r"REC \d:\d\d")
    deadline = time.monotonic() + 20
    while not (parts := list((home / "recordings").rglob("*.part.wav"))):
        assert time.monotonic() < deadline, "practice did not start a take"
        time.sleep(0.05)
    wait_for_audio(parts[0])
    return pane, parts[0]


def kinds(seen: list[tuple[float, str]]) -> list[str]:
    out = []
    for _, text in seen:
        kind = ("fast" if text.startswith("Slow down") else
                "no_action" if "no action yet" in text else
                "target" if "reached" in text else
                "fillers" if "fillers in" in text else text)
        if not out or out[-1] != kind:
            out.append(kind)
    return out


def test_a_fast_answer_with_fillers_and_no_action_gets_each_cue_in_turn(mic, tmp_path):
    """Four fillers in the first seconds, then a fast setup and nothing else, on a 0:20-0:50
    target: the pace cue once 15 s are heard; the filler cue once the first piece is
    transcribed (about half a minute in); "no action yet" at 0:40, replacing it; the target
    cue at 0:50."""
    sentences = SETUP_ONLY.split(". ")
    parts = [fast_speech(BURST, tmp_path / "burst.wav", wpm=150),
             fast_speech(". ".join(sentences[:5]) + ".", tmp_path / "first.wav"),
             tmp_path / "pause.wav",
             fast_speech(". ".join(sentences[5:]), tmp_path / "rest.wav")]
    # a pause 22 s in, where the first piece is cut: it is transcribed at about 0:30
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(parts[2]), "trim",
                    "0", "0.8"], check=True)
    clip = tmp_path / "answer.wav"
    subprocess.run(["sox", *map(str, parts), str(clip)], check=True)
    pane, _ = start_take(mic, "--target", "0:20-0:50", "--max-seconds", "53")
    with pane:
        player = mic.play(clip)
        seen, screen = cues_seen(pane, r"Saved as session \w+.*" + MENU, timeout=160)
        player.wait(30)
        pane.keys("q", "Enter")
        assert pane.exit_status() == 0
    assert kinds(seen) == ["fast", "fillers", "no_action", "target"], seen
    wpm = int(re.search(r"about (\d+) words a minute", seen[0][1]).group(1))
    assert wpm > 170, seen
    assert re.fullmatch(r"4 fillers in \d+ s around 0:0\d: pause in silence instead",
                        seen[1][1]), seen
    (action,) = [t for t in seen if "no action yet" in t[1]]
    assert re.fullmatch(r"0:4\d and no action yet: say what you did", action[1]), seen
    assert seen[-1][1] == "0:50 reached: land the result and stop"
    # the pace cue stays its 8 s and gives way; the filler cue came after it
    assert seen[1][0] - seen[0][0] >= 7, seen
    # the panel, cue line included, is gone once the take ends
    assert not CUE.search(screen.split("Recorded")[-1]), screen


def test_no_cues_turns_the_cue_line_off(mic):
    # with cues, the target cue would show at 0:08 (it needs no speech)
    pane, _ = start_take(mic, "--no-cues", "--target", "0:05-0:08", "--max-seconds", "10")
    with pane:
        seen, screen = cues_seen(pane, MENU, timeout=60)
        pane.keys("q", "Enter")
        assert pane.exit_status() == 0
    assert seen == [], seen
    assert "(reached --max-seconds)" in screen
