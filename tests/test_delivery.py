"""Delivery from the audio: pitch variation, monotone stretches, sentence ends that fall away,
statements that end on a rise, on speech espeak-ng says in a temporary folder."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from starcoach.analysis import analyze
from starcoach.analysis.delivery import FADE_DB, MONOTONE_SD_ST, RISE_ST
from starcoach.analysis.model import Analysis
from starcoach.audio.decode import load_audio
from starcoach.pipeline import with_delivery
from starcoach.types import SAMPLE_RATE, Transcript, Word

pytestmark = pytest.mark.skipif(not (shutil.which("espeak-ng") and shutil.which("sox")),
                                reason="needs espeak-ng and sox")
ROOT = Path(__file__).resolve().parents[1]
ANSWER = ("In my last job our release process kept breaking every week. I was asked to fix it "
          "before the launch. I wrote a checklist and automated the whole build. Releases went "
          "from two days to two hours and nobody missed a deadline again.")


def say(text: str, out: Path, prosody_range: str = "medium", *effects: str) -> np.ndarray:
    raw = out.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-m", "-v", "en-us", "-w", str(raw),
                    f'<speak><prosody range="{prosody_range}">{text}</prosody></speak>'],
                   check=True)
    subprocess.run(["sox", "-V1", str(raw), "-r", str(SAMPLE_RATE), "-c", "1", str(out),
                    *effects], check=True)
    return load_audio(out)


def spread(text: str, start: float, end: float) -> list[Word]:
    tokens = text.split()
    step = (end - start) / len(tokens)
    return [Word(t, start + k * step, start + (k + 1) * step) for k, t in enumerate(tokens)]


def measured(words: list[Word], samples: np.ndarray) -> Analysis:
    transcript = Transcript(words=tuple(words), duration_s=len(samples) / SAMPLE_RATE)
    return with_delivery(analyze(transcript, samples=samples), samples)


def spoken(tmp_path: Path, prosody_range: str) -> Analysis:
    x = say(ANSWER, tmp_path / f"{prosody_range}.wav", prosody_range)
    return measured(spread(ANSWER, 0.0, len(x) / SAMPLE_RATE), x)


def sentence_with_last_word(tmp_path: Path, body: str, last: str, *effects: str) -> Analysis:
    """``body`` then ``last`` said apart and joined, so the last word's span is known; sox
    ``effects`` apply to the last word alone."""
    a = say(body, tmp_path / "body.wav")
    b = say(last, tmp_path / "last.wav", "medium", *effects)
    x = np.concatenate([a, b]).astype(np.float32)
    t = len(a) / SAMPLE_RATE
    words = spread(body, 0.0, t) + [Word(last, t, t + len(b) / SAMPLE_RATE)]
    return measured(words, x)


def test_a_flat_answer_is_monotone_and_the_same_answer_said_lively_is_not(tmp_path):
    flat, lively = spoken(tmp_path, "x-low"), spoken(tmp_path, "x-high")
    assert flat.delivery is not None and lively.delivery is not None
    assert flat.delivery.answer.monotone and flat.delivery.answer.variation_st < MONOTONE_SD_ST
    assert not lively.delivery.answer.monotone
    assert lively.delivery.answer.variation_st > 2 * flat.delivery.answer.variation_st
    assert lively.delivery.answer.range_st > flat.delivery.answer.range_st
    # The flat answer is one monotone stretch from its start to its end; the lively has none.
    (stretch,) = flat.delivery.monotone
    assert stretch.start == pytest.approx(flat.speech_start, abs=0.01)
    assert stretch.end == pytest.approx(flat.speech_end, abs=0.01)
    assert lively.delivery.monotone == ()
    assert {s.label for s in flat.delivery.sections} <= {s.label for s in flat.sections}
    assert all(s.monotone for s in flat.delivery.sections)


def test_a_last_word_said_much_quieter_falls_away(tmp_path):
    body = "I wrote a checklist for every single release of the"
    quiet = sentence_with_last_word(tmp_path, body, "product.", "gain", "-22")
    loud = sentence_with_last_word(tmp_path, body, "product.")
    assert quiet.delivery is not None and loud.delivery is not None
    (end,) = quiet.delivery.fading_ends
    assert end.word_index == len(quiet.words) - 1 and end.value >= FADE_DB
    assert loud.delivery.fading_ends == ()


def test_a_statement_whose_last_word_glides_up_ends_on_a_rise(tmp_path):
    body = "I wrote the whole checklist for every single release"
    # sox bend: up 1200 cents (an octave) over 0.4 s, from 0.1 s into the word; the word as
    # espeak says it falls.
    rising = sentence_with_last_word(tmp_path, body, "alone.", "bend", "0.1,1200,0.4")
    level = sentence_with_last_word(tmp_path, body, "alone.")
    assert rising.delivery is not None and level.delivery is not None
    (end,) = rising.delivery.rising_ends
    assert end.word_index == len(rising.words) - 1 and end.value >= RISE_ST
    assert level.delivery.rising_ends == ()


def test_the_same_rise_on_a_question_is_not_flagged(tmp_path):
    body = "Would you have written the whole checklist for every release"
    asked = sentence_with_last_word(tmp_path, body, "alone?", "bend", "0.1,1200,0.4")
    assert asked.delivery is not None and asked.delivery.rising_ends == ()


def test_delivery_survives_the_json_round_trip(tmp_path):
    a = spoken(tmp_path, "x-low")
    d = a.to_dict()
    assert d["delivery"]["answer"]["monotone"] is True
    again = Analysis.from_dict(json.loads(json.dumps(d)))
    assert again.to_dict() == d
    assert again.delivery is not None and len(again.delivery.contour) > 10


def test_old_json_without_delivery_loads_and_renders_without_it():
    from rich.console import Console

    from starcoach.report import html
    from starcoach.report.terminal import render_analysis

    d = json.loads((ROOT / "tests" / "data" / "golden" / "clean_star.analysis.json").read_text())
    assert "delivery" not in d
    a = Analysis.from_dict(d)
    assert a.delivery is None and "delivery" not in a.to_dict()
    out = io.StringIO()
    Console(file=out, width=100, no_color=True).print(render_analysis(a))
    assert "Delivery" not in out.getvalue()
    assert 'id="pitch"' not in html.render_html(a, None, "t", "s")


def test_silence_and_very_short_audio_give_no_verdict():
    words = [Word("Hello.", 0.0, 0.3)]
    for samples in (np.zeros(SAMPLE_RATE * 3, np.float32), np.zeros(100, np.float32),
                    np.full(400, 0.1, np.float32)):
        assert measured(words, samples).delivery is None


def test_a_typed_answer_has_no_delivery(tmp_path):
    x = say(ANSWER, tmp_path / "a.wav")
    typed = Transcript(words=tuple(Word(t, i, i) for i, t in enumerate(ANSWER.split())),
                       duration_s=0.0, timed=False)
    assert with_delivery(analyze(typed), x).delivery is None


def test_the_terminal_report_shows_the_delivery_block(tmp_path):
    from rich.console import Console

    from starcoach.report.terminal import render_analysis

    out = io.StringIO()
    Console(file=out, width=100, no_color=True).print(render_analysis(spoken(tmp_path, "x-low")))
    text = out.getvalue()
    block = text[text.index("Delivery"):]
    assert "monotone: vary your pitch" in block
    assert "monotone 0:00-0:" in block


def test_the_html_report_draws_the_pitch_line_in_chromium(tmp_path):
    from test_html_report import CHROMIUM, CHROMIUM_ARGS

    from starcoach.report import html

    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM} (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    a = spoken(tmp_path, "x-high")
    page_path = html.write_html_report(a, out=tmp_path / "r.html")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = b.new_page(viewport={"width": 1000, "height": 900})
        page.goto(page_path.as_uri())
        pitch = page.locator("#pitch").bounding_box()
        timeline = page.locator("#timeline").bounding_box()
        assert pitch and timeline and pitch["y"] > timeline["y"] + timeline["height"]
        assert pitch["width"] == pytest.approx(timeline["width"], abs=2)
        assert page.locator("#pitch polyline.pitch-run").count() >= 3  # breaks at silences
        assert "pitch range" in (page.locator("#pitch").text_content() or "")
        b.close()


def test_a_take_tracked_while_it_is_recorded_gets_the_batch_track_frame_for_frame():
    """practice tracks the pitch between the pieces of a take, a block at a time, as the
    samples arrive in the recorder's blocks; the report's track must be the batch one."""
    from starcoach.audio.decode import load_audio
    from starcoach.audio.pitch import Follower, track

    samples = load_audio(ROOT / "samples" / "back_to_action.flac")
    follower = Follower()
    for n in range(0, samples.size, 1600):  # 0.1 s blocks, as the recorder delivers them
        follower.advance(samples[:n])
    assert follower.frames_done > 0.8 * samples.size / 160  # most of it before the end
    followed, batch = follower.finish(samples), track(samples)
    np.testing.assert_array_equal(followed.f0_hz, batch.f0_hz)  # NaN where not voiced, alike
    np.testing.assert_array_equal(followed.level_db, batch.level_db)
