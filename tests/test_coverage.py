"""Nothing spoken is lost: voiced stretches without words are decoded again, or called unclear.

The pure rules run on made-up voicing; the failure modes run through the real model on audio
that shows them: answers from the development corpus on which the filler prompt made tiny.en
skip its first 20 s, or write an answer's opening over later audio, and a spoken answer with a
hum in the middle, which cost the prompted decoding the sentence after it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from starcoach.analysis import analyze
from starcoach.audio.decode import load_audio
from starcoach.report.terminal import analysis_markdown
from starcoach.transcribe import coverage, whisper
from starcoach.transcribe.filler_recovery import CleanupOptions, Loudness
from starcoach.types import SAMPLE_RATE, Word

ROOT = Path(__file__).resolve().parents[1]
LOST = ROOT / "tests" / "data" / "lost-words"
sys.path.insert(0, str(ROOT / "benchmarks"))

from words import kept, normalize, repeated_phrase  # noqa: E402

OPTS = coverage.CoverageOptions()


def voiced(*spans: tuple[float, float], total: float = 10.0) -> np.ndarray:
    v = np.zeros(int(total / coverage.FRAME_S), dtype=bool)
    for a, b in spans:
        v[int(a / coverage.FRAME_S):int(b / coverage.FRAME_S)] = True
    return v


def test_a_voiced_stretch_without_words_is_found() -> None:
    words = [Word("hello", 0.5, 1.0), Word("there", 1.0, 1.5)]
    found = coverage.uncovered(voiced((0.5, 1.5), (3.0, 4.5)), words, 0.0, 10.0, OPTS)
    assert found == [(3.0, 4.5)]


def test_speech_under_words_and_short_bursts_are_not_lost() -> None:
    words = [Word("hello", 0.5, 1.0), Word("there", 1.0, 1.5)]
    # 0.6 s alone (a filler or a breath) and voicing inside the words' loose edges
    found = coverage.uncovered(voiced((0.3, 1.7), (3.0, 3.6)), words, 0.0, 10.0, OPTS)
    assert found == []


def test_short_dips_join_a_stretch_but_scattered_clicks_do_not_make_one() -> None:
    joined = coverage.uncovered(voiced((2.0, 2.6), (3.0, 3.6)), [], 0.0, 10.0, OPTS)
    assert joined == [(2.0, 3.6)]
    clicks = voiced(*[(2.0 + k * 0.45, 2.04 + k * 0.45) for k in range(6)])
    assert coverage.uncovered(clicks, [], 0.0, 10.0, OPTS) == []


def test_only_the_decoded_span_is_searched() -> None:
    assert coverage.uncovered(voiced((0.0, 3.0)), [], 4.0, 10.0, OPTS) == []


def test_words_decoded_again_go_into_the_gap_only() -> None:
    words = [Word("first", 0.0, 0.5), Word("last", 5.0, 5.5)]
    new = [Word("first", 0.1, 0.5), Word("middle", 2.0, 2.5), Word("words", 2.5, 3.0)]
    gap = coverage.gap_around((1.5, 3.5), words, 10.0)
    assert gap == (0.5, 5.0)
    merged = coverage.merge(words, new, gap)
    assert [w.text for w in merged] == ["first", "middle", "words", "last"]


def test_a_late_copy_is_told_by_four_words_in_a_row() -> None:
    said = [Word(t, k, k + 0.5) for k, t in enumerate("the situation was a warehouse".split())]
    copy = [Word(t, 20 + k, 20.5 + k) for k, t in enumerate("situation was a warehouse".split())]
    other = [Word(t, 20 + k, 20.5 + k) for k, t in enumerate("the result was a".split())]
    assert coverage.late_copy(copy, said)
    assert not coverage.late_copy(other, said)


def lost_case(name: str) -> tuple[np.ndarray, dict]:
    return load_audio(LOST / f"{name}.flac"), json.loads((LOST / f"{name}.json").read_text())


def assert_nothing_lost(samples: np.ndarray, transcript) -> None:
    loud = Loudness(samples, CleanupOptions())
    assert coverage.uncovered(loud.voiced, transcript.words, 0.0, transcript.duration_s,
                              OPTS) == list(transcript.unclear)


@pytest.mark.slow
def test_an_answer_whose_first_twenty_seconds_the_prompt_skipped_is_whole() -> None:
    samples, facts = lost_case("l_open_source")
    prompted = whisper.transcribe(samples, options=whisper.TranscribeOptions(fill_lost=False))
    assert min(w.start for w in prompted.words) > 15.0  # the failure this guards against
    t = whisper.transcribe(samples)
    early = {w.norm for w in t.words if w.start < 20.0}
    assert {"contribute", "spreadsheets", "maintainer", "coordinate"} <= early
    assert kept(normalize(facts["text"]), normalize(t.text)) >= 0.95
    assert t.unclear == ()
    assert_nothing_lost(samples, t)


@pytest.mark.slow
def test_an_opening_written_over_later_audio_is_put_back_once() -> None:
    samples, facts = lost_case("l_flag_solo_hero")
    t = whisper.transcribe(samples)
    script, heard = normalize(facts["text"]), normalize(t.text)
    assert heard.count("situation") == 1
    assert repeated_phrase(script, heard) is None
    assert "workaholic" in heard and "pipelines" in heard
    first = next(w for w in t.words if w.norm == "situation")
    assert first.start < 3.0  # said in the first sentence, not at 23 s
    assert kept(script, heard) >= 0.85
    assert_nothing_lost(samples, t)


def speak(text: str, out: Path) -> None:
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(out), text], check=True)


@pytest.fixture(scope="module")
def hum_answer(tmp_path_factory) -> Path:
    """A sentence, 2.5 s of a hummed tone (voiced, loud, no words), and a second sentence."""
    if not (shutil.which("espeak-ng") and shutil.which("sox")):
        pytest.fail("espeak-ng and sox are needed (make test installs them)")
    d = tmp_path_factory.mktemp("hum")
    speak("I led the migration of our billing system to the new platform.", d / "a.wav")
    speak("The result was that invoices went out two days sooner.", d / "b.wav")
    sox = ["sox", "-n", "-r", "22050", "-c", "1"]
    subprocess.run([*sox, str(d / "hum.wav"), "synth", "2.5", "sawtooth", "140", "vol", "0.3"],
                   check=True)
    subprocess.run([*sox, str(d / "gap.wav"), "trim", "0", "0.6"], check=True)
    out = d / "answer.wav"
    subprocess.run(["sox", *(str(d / f) for f in ("a.wav", "gap.wav", "hum.wav", "gap.wav",
                                                   "b.wav")), "-r", str(SAMPLE_RATE), str(out)],
                   check=True)
    return out


@pytest.mark.slow
def test_a_hum_is_reported_unclear_and_the_sentence_after_it_is_kept(hum_answer) -> None:
    samples = load_audio(hum_answer)
    a_len = len(load_audio(hum_answer.parent / "a.wav")) / SAMPLE_RATE
    hum = (a_len + 0.6, a_len + 3.1)
    t = whisper.transcribe(samples)
    after = [w.norm for w in t.words if w.start > hum[1]]
    assert {"result", "invoices", "sooner"} <= set(after)
    assert len(t.unclear) == 1
    start, end = t.unclear[0]
    assert start < hum[1] and end > hum[0]  # the hum, not the speech
    assert end - start >= 1.0
    assert_nothing_lost(samples, t)
    analysis = analyze(t, samples=samples)
    data = analysis.to_dict()
    assert data["unclear"] == [{"start": round(start, 2), "end": round(end, 2)}]
    note = next(n for n in analysis.notes if n.aspect == "unclear")
    assert "could not make out" in note.message
    assert "Unclear:" in analysis_markdown(analysis)
