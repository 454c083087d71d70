"""The live cue's rules (analysis.cues), the pace estimate from the audio (audio.rate), and
--target. The cues on a real terminal with the virtual microphone: test_live_cues.py."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from starcoach.analysis import cues
from starcoach.analysis.cues import CueRules, burst, has_action
from starcoach.audio import decode, rate
from starcoach.errors import UsageError
from starcoach.practice import TARGET_S, parse_target
from starcoach.types import SAMPLE_RATE, Word

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SETUP = ("Our team ran the billing service for a large retailer. The system was old and the "
         "customers were unhappy. ")
ACTION = "I rewrote the retry logic and I tested it against the real traffic. "


def words_of(text: str, start: float = 0.0, step: float = 0.4) -> list[Word]:
    return [Word(t, start + i * step, start + i * step + step * 0.8)
            for i, t in enumerate(text.split())]


def run(rules: CueRules, until: float, wpm=None, words=(), every: float = 0.5) -> list:
    """The cues shown from the start to ``until`` seconds: (time, kind) when each appeared."""
    seen: list[tuple[float, str]] = []
    t = 0.0
    while t <= until:
        w = wpm(t) if callable(wpm) else wpm
        ws = words(t) if callable(words) else list(words)
        cue = rules.step(t, w, ws)
        if cue is not None and cue.since_s == t:
            seen.append((t, cue.kind))
        t = round(t + every, 3)
    return seen


# -- the rules -------------------------------------------------------------------------------

def test_no_cue_on_an_answer_that_needs_none():
    words = words_of(SETUP * 2 + ACTION * 6)
    assert run(CueRules(), 100, wpm=140.0, words=words) == []


def test_the_target_cue_comes_once_when_the_top_of_the_target_is_reached():
    rules = CueRules((60.0, 90.0))
    shown = run(rules, 200, wpm=140.0, words=words_of(ACTION * 20))
    assert shown == [(90.0, "target")]
    cue = CueRules((60.0, 90.0)).step(90.0, None, words_of(ACTION))
    assert cue is not None and cue.text == "1:30 reached: land the result and stop"


def test_no_action_after_four_fifths_of_the_target_is_cued_once():
    setup_only = words_of(SETUP * 12)  # 216 words over 86 s, no "I did"
    shown = run(CueRules(), 130, wpm=140.0, words=setup_only)
    assert shown == [(120.0, "no_action")]


def test_no_action_is_not_cued_when_an_action_was_said():
    words = words_of(SETUP * 6 + ACTION + SETUP * 4)
    assert has_action(words)
    assert run(CueRules(), 130, wpm=140.0, words=words) == []


def test_no_action_waits_until_the_transcript_covers_half_the_take():
    early = words_of(SETUP)  # 18 words, 7 s: the worker is far behind
    assert not has_action(early)
    assert run(CueRules(), 130, wpm=140.0, words=early) == []


def test_a_result_counts_as_past_the_action():
    words = words_of(SETUP * 6 + "As a result we cut the failures by forty percent. ")
    assert has_action(words)


def test_the_fast_cue_needs_the_estimate_over_the_band_by_the_margin():
    top = cues.AnalysisOptions().wpm_max
    assert run(CueRules(), 60, wpm=top + cues.PACE_MARGIN_WPM - 1) == []
    shown = run(CueRules(), 60, wpm=top + cues.PACE_MARGIN_WPM + 1)
    assert shown and shown[0] == (0.0, "fast")
    cue = CueRules().step(0.0, 190.4, [])
    assert cue is not None and cue.text == "Slow down: about 190 words a minute over the last 15 s"


def test_a_cue_holds_then_stays_away_for_the_quiet_time():
    shown = run(CueRules(), 80, wpm=200.0, every=0.5)
    times = [t for t, kind in shown if kind == "fast"]
    assert times[0] == 0.0
    gaps = np.diff(times)
    assert all(g == cues.HOLD_S + cues.QUIET_S for g in gaps), times


def test_a_burst_of_fillers_is_cued_once_with_where_it_was():
    text = ("We had um a plan and uh the plan was um not good and uh we changed it. "
            + SETUP * 3)
    words = words_of(text)
    a, b = burst(words)
    assert a == pytest.approx(0.8) and b < 15
    rules = CueRules()
    shown = run(rules, 40, wpm=140.0, words=words)
    assert shown == [(0.0, "fillers")]
    cue = CueRules().step(20.0, 140.0, words)
    assert cue is not None and cue.text == "4 fillers in 5 s around 0:01: pause in silence instead"


def test_fillers_spread_out_are_no_burst():
    text = ("um we had a plan and the plan was fine and we kept it going for weeks " * 4)
    words = words_of(text)  # four "um", one every 6.4 s: 19 s for four
    assert burst(words) is None
    assert run(CueRules(), 40, wpm=140.0, words=words) == []


def test_a_burst_the_worker_reached_late_is_not_shown():
    words = words_of("um uh um uh " + SETUP)
    assert CueRules().step(cues.STALE_S + 5, 140.0, words) is None


def test_a_second_burst_after_the_first_is_cued_again():
    first = "um we uh had um a uh plan "
    words = words_of(first + SETUP * 3 + first)
    shown = run(CueRules(), 80, wpm=140.0, words=words)
    assert [k for _, k in shown] == ["fillers", "fillers"]


def test_when_several_rules_hold_the_first_in_order_wins():
    cue = CueRules((60.0, 100.0)).step(100.0, 200.0, words_of("um uh um uh " + SETUP * 12))
    assert cue is not None and cue.kind == "target"
    cue = CueRules((60.0, 100.0)).step(80.0, 200.0, words_of("um uh um uh " + SETUP * 12))
    assert cue is not None and cue.kind == "no_action"


def test_reaching_the_target_replaces_a_cue_being_shown_but_nothing_else_does():
    # "no action yet" came late (the transcript trails the take): at 36 s of a 0:40 top
    setup_only = words_of(SETUP * 12)
    rules = CueRules((20.0, 40.0))
    assert rules.step(36.0, 140.0, setup_only).kind == "no_action"
    assert rules.step(40.0, 140.0, setup_only).kind == "target"
    # a lower-ranked rule waits for the cue shown to end
    rules = CueRules((60.0, 100.0))
    assert rules.step(80.0, 140.0, setup_only).kind == "no_action"
    assert rules.step(81.0, 200.0, setup_only).kind == "no_action"
    assert rules.step(80.0 + cues.HOLD_S, 200.0, setup_only).kind == "fast"


def test_a_follow_up_reply_gets_no_length_cues():
    rules = CueRules(None)
    assert run(rules, 200, wpm=140.0, words=words_of(SETUP * 20)) == []
    assert run(CueRules(None), 10, wpm=200.0)[0][1] == "fast"


# -- the pace estimate from the audio ---------------------------------------------------------

def tempo(factor: float, tmp_path: Path) -> np.ndarray:
    out = tmp_path / f"tempo-{factor}.wav"
    subprocess.run(["sox", str(SAMPLES / "clean_star.flac"), str(out), "trim", "0", "40",
                    "tempo", "-s", str(factor)], check=True)
    return decode.load_audio(out)


def test_the_estimate_follows_the_speaking_rate_of_real_audio(tmp_path):
    slow, fast = tempo(0.8, tmp_path), tempo(1.35, tmp_path)
    w_slow = rate.recent_wpm(slow[: 30 * SAMPLE_RATE], 15.0)
    w_fast = rate.recent_wpm(fast[: 25 * SAMPLE_RATE], 15.0)
    assert w_slow is not None and w_fast is not None
    assert w_slow < 140 < 180 < w_fast
    assert w_fast / w_slow == pytest.approx(1.35 / 0.8, rel=0.2)


def test_the_panel_line_shows_the_cue_and_with_no_cues_nothing(tmp_path):
    from starcoach.cli.live_status import PanelLine
    from starcoach.transcribe.live import LiveTranscriber

    live = LiveTranscriber()
    live.feed(tempo(1.35, tmp_path)[: 20 * SAMPLE_RATE])
    try:
        on = PanelLine(live, (60.0, 90.0), cues=True)()
        off = PanelLine(live, (60.0, 90.0), cues=False)()
    finally:
        live.cancel()
    assert on is not None and on.plain.startswith("→ Slow down: about ")
    assert off is None


def test_no_estimate_before_a_window_was_heard_and_none_on_silence():
    assert rate.recent_wpm(np.zeros(10 * SAMPLE_RATE, dtype=np.float32), 15.0) is None
    silence = np.zeros(20 * SAMPLE_RATE, dtype=np.float32)
    assert rate.recent_wpm(silence, 15.0) == pytest.approx(0.0, abs=10)


# -- --target ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    (None, TARGET_S), ("1:30-2:30", (90.0, 150.0)), ("60-90", (60.0, 90.0)),
    ("45s-1:15", (45.0, 75.0)), (" 0:20 - 0:40 ", (20.0, 40.0)),
])
def test_target_forms(text, span):
    assert parse_target(text) == span


@pytest.mark.parametrize("text", ["90", "2:30-1:30", "0-30", "1:75-2:00", "a-b", "nan-inf",
                                  "30-4000", "-30"])
def test_a_bad_target_is_a_usage_error(text):
    with pytest.raises(UsageError, match="--target"):
        parse_target(text)
