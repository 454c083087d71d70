"""The question read aloud (`practice --voice`) and the settings that make it the default.

The voice is played into the same null sink the recorder listens to (PULSE_SINK and
PULSE_SOURCE name one sink), so a question heard during the take would be in its transcript.
A second recorder (``pacat``) keeps everything that reached the sink, to show that the
question was really spoken and when it ended.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
from _virtualmic import (
    audible_span,
    load_mic,
    needs_pulse,
    practice_take,
    speak,
    unload_mic,
    word_overlap,
    words_of,
)

from starcoach.sessions.store import open_store

QUESTION = "persuasion-changed-skeptics-mind"
QUESTION_TEXT = "Describe a time you changed the mind of someone who was skeptical."
ANSWER = (
    "The situation was this. Last spring I led the move of our billing service to a new "
    "database. My task was to finish the move before the old contract ended, without losing "
    "any customer data. I wrote a migration plan and I moved the customers in small groups. "
    "As a result, we finished two weeks early with no data lost."
)
# Words of the question the answer never says: none of them may be in the take.
DISTINCT = sorted(set(words_of(QUESTION_TEXT)) - set(words_of(ANSWER)))
NO_HIBARI = Path(__file__).parent / "data" / "no-hibari"
"""A `hibari` module that fails to import, as when hibari-tts is not installed."""


@pytest.fixture(scope="module")
def mic():
    m, module = load_mic()
    yield m
    unload_mic(module)


def voice_env(mic, hide_hibari: bool = False, path: str | None = None) -> dict[str, str]:
    env = {**mic.env(), "PULSE_SINK": mic.sink}
    if hide_hibari:
        env["PYTHONPATH"] = os.pathsep.join([str(NO_HIBARI), env.get("PYTHONPATH", "")])
    if path is not None:
        env["PATH"] = path
    return env


class Monitor:
    """Everything that reaches the sink, as 16 kHz samples, with the moment it started."""

    def __init__(self, mic, out: Path) -> None:
        self.out = out
        self._fh = open(out, "wb")
        self.proc = subprocess.Popen(
            ["pacat", "--record", f"--device={mic.source}", "--rate=16000", "--channels=1",
             "--format=s16le", "--latency-msec=20"], stdout=self._fh)
        self.started = time.monotonic()

    def stop(self) -> np.ndarray:
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self._fh.close()
        return np.fromfile(self.out, dtype="<i2").astype(np.float32) / 32768.0


def transcribed(samples: np.ndarray) -> str:
    from starcoach.transcribe.whisper import transcribe

    return " ".join(w.text for w in transcribe(samples).words)


def test_the_question_has_words_the_answer_never_says():
    assert {"describe", "changed", "mind", "skeptical"} <= set(DISTINCT)


@needs_pulse
@pytest.mark.audio
@pytest.mark.slow
def test_the_question_is_spoken_before_the_take_and_none_of_it_reaches_the_take(
        mic, tmp_path):
    clip = speak(ANSWER, tmp_path / "answer.wav")
    monitor = Monitor(mic, tmp_path / "sink.raw")
    r, first_audio = practice_take(mic, clip, "--question", QUESTION, "--voice",
                                   "--output-device", "pulse", "--stop-after-silence", "2",
                                   "--max-seconds", "60", env=voice_env(mic), timeout=60)
    heard = monitor.stop()
    assert r.returncode == 0, r.stderr
    assert "Reading the question aloud (hibari-tts)..." in r.stderr
    assert QUESTION_TEXT in r.stdout  # still shown on screen
    # The question reached the sink the take records from...
    assert first_audio is not None
    answer_at = first_audio - monitor.started  # the answer clip starts after this moment
    before_take = heard[:int(answer_at * 16000)]
    start_s, end_s = audible_span(before_take)
    assert end_s - start_s > 2.0, "the question was not played into the sink"
    assert word_overlap(QUESTION_TEXT, transcribed(before_take)) >= 0.8
    # ...and ended before the take began (the take's first audio is written 0.05 s in, and
    # pacat's start may lag its Popen by a few hundredths of a second).
    assert end_s <= answer_at + 0.1, (end_s, answer_at)
    with open_store() as store:
        (session,) = store.sessions()
    take_words = set(words_of(session.transcript["text"]))
    assert not take_words & set(DISTINCT), session.transcript["text"]
    assert word_overlap(ANSWER, session.transcript["text"]) >= 0.8


@needs_pulse
@pytest.mark.audio
@pytest.mark.slow
def test_without_hibari_the_question_is_spoken_by_espeak_ng(mic, tmp_path):
    monitor = Monitor(mic, tmp_path / "sink.raw")
    r, _ = practice_take(mic, None, "--question", QUESTION, "--voice", "--output-device",
                         "pulse", "--max-seconds", "1", env=voice_env(mic, hide_hibari=True))
    heard = monitor.stop()
    assert "Reading the question aloud (espeak-ng)..." in r.stderr, r.stderr
    # espeak-ng is the harder voice to understand (see benchmarks/results/tts.md), still
    # most of its words come through.
    text = transcribed(heard)
    assert word_overlap(QUESTION_TEXT, text) >= 0.6, text
    # The one-second take after it heard nothing of it.
    assert r.returncode == 2, r.stderr
    assert "holds no speech: the recording is silent" in r.stderr, r.stderr


@needs_pulse
@pytest.mark.audio
def test_with_no_engine_one_line_says_so_and_practice_goes_on(mic, tmp_path, starcoach_home):
    """The voice setting turns it on; neither hibari nor espeak-ng is there."""
    bin_dir = tmp_path / "bin"  # a PATH without espeak-ng
    bin_dir.mkdir()
    (starcoach_home / "settings.json").write_text('{"voice": true}\n')
    env = voice_env(mic, hide_hibari=True, path=str(bin_dir))
    r, _ = practice_take(mic, None, "--question", QUESTION, "--max-seconds", "0.5", env=env)
    lines = [x for x in r.stderr.splitlines() if "not read aloud" in x]
    assert lines == ["The question is not read aloud: no text-to-speech engine: install "
                     "hibari-tts (`pip install hibari-tts`) or espeak-ng (`apt install "
                     "espeak-ng`); answer it from the screen."]
    assert "Traceback" not in r.stderr
    assert QUESTION_TEXT in r.stdout
    assert "Recorded 0.5 s" in r.stderr  # the take went on
    debug, _ = practice_take(mic, None, "--question", QUESTION, "--max-seconds", "0.5",
                             "--debug", env=env)
    assert "Traceback" in debug.stderr and "not read aloud" in debug.stderr
    quiet, _ = practice_take(mic, None, "--question", QUESTION, "--max-seconds", "0.5",
                             "--no-voice", env=env)
    assert "read aloud" not in quiet.stderr
    assert "Recorded 0.5 s" in quiet.stderr


@needs_pulse
@pytest.mark.audio
def test_an_unknown_output_device_is_one_error_before_the_question(mic, starcoach_home):
    r, _ = practice_take(mic, None, "--question", QUESTION, "--voice", "--output-device",
                         "no-such-speaker", env=voice_env(mic))
    assert r.returncode == 2
    assert r.stderr.startswith("error: unknown output device 'no-such-speaker'; valid output "
                               "devices: "), r.stderr
    assert "'pulse'" in r.stderr
    assert len(r.stderr.splitlines()) == 1
    assert r.stdout == ""
    assert not (starcoach_home / "recordings").exists()
