"""The follow-up question: which one is asked, how its reply is judged, and where it is kept
(the reply recorded through the virtual microphone is in test_interview.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from test_html_report import browser, open_page  # noqa: F401  (browser is a fixture)

from starcoach.analysis import analyze
from starcoach.analysis.follow_up import (
    FIX_FIRST_PROBES,
    PROBES,
    Probe,
    Reply,
    choose,
    choose_from,
    judge,
)
from starcoach.analysis.model import Analysis, ThemeCheck
from starcoach.analysis.priorities import POINTS, Priority
from starcoach.analysis.question_fit import words_from_text
from starcoach.questions import bank
from starcoach.report.follow_up import FollowUpView, render_markdown
from starcoach.sessions.review import export
from starcoach.sessions.store import open_store, saved_sources
from starcoach.transcribe.typed import read_text_transcript
from starcoach.types import Transcript, Word

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "failure-time-you-failed"

REPLIES = {
    "own_part": "I should have checked the plan myself. That was my mistake, not theirs.",
    "mistake": "I got the estimate wrong, and it cost the team a week.",
    "own_action": "I rewrote the schedule myself, and I called each customer the same day.",
    "result": "We shipped two days later, and complaints fell by thirty percent.",
    "lesson": "Since then I always check the dates with the team before I commit to them.",
    "task": "My job was to deliver the report to the client by Friday.",
    "reflect": "I would ask for help a week earlier.",
}
"""A reply that gives what each probe asks for, and nothing another probe asks for."""


def probe_of(kind: str) -> Probe:
    prompt, wants = PROBES[kind]
    return Probe(kind, prompt, "", wants)


def typed(text: str, tmp_path: Path, question_id: str | None = QUESTION) -> Analysis:
    path = tmp_path / "answer.txt"
    path.write_text(text)
    question = bank.get_question(question_id) if question_id else None
    return analyze(read_text_transcript(path), question=question)


def sample_text(name: str) -> str:
    return json.loads((ROOT / "samples" / f"{name}.json").read_text())["text"]


# -- which follow-up ----------------------------------------------------------------------


def test_blame_is_probed_for_the_speakers_own_part(tmp_path):
    a = typed(sample_text("red_flags"), tmp_path)
    assert a.fix_first[0].kind == "blame_shifting"
    probe = choose(a)
    assert probe.kind == "own_part"
    assert probe.prompt == "What was your part in it?"
    assert probe.because == a.fix_first[0].title


def test_a_thin_answer_is_asked_what_the_speaker_did(tmp_path):
    a = typed(sample_text("thin_answer"), tmp_path)
    assert choose(a).kind == "own_action"


def test_an_answer_without_an_ending_is_asked_how_it_turned_out_in_numbers(tmp_path):
    a = typed("I missed a deadline once. I told my manager the same day and I fixed the plan.",
              tmp_path)
    assert "missing_result" in {p.kind for p in a.fix_first}
    assert choose(a).prompt == "How did it turn out, in numbers?"


def test_delivery_points_are_passed_over_for_one_a_question_can_repair(tmp_path):
    # filler_heavy's report leads with its fillers; a follow-up cannot fix those
    a = typed(sample_text("filler_heavy"), tmp_path)
    assert a.fix_first and a.fix_first[0].kind == "fillers"
    assert choose(a).kind != "fillers"
    assert choose(a).kind in PROBES


def test_an_unmet_look_for_point_becomes_the_question_in_its_own_words(tmp_path):
    a = typed(sample_text("back_to_action"), tmp_path)
    probe = choose(a)
    unmet = [c.name for c in a.question_checks if not c.met]
    assert probe.kind == "look_for"
    assert probe.point in unmet
    assert probe.point[1:].lower() in probe.prompt.lower()
    assert probe.prompt.endswith("Can you tell me about it?")
    # the reply is judged on that same point
    heard = judge(probe, words_from_text("What I learned was to test every plan on real data "
                                         "first."))
    assert heard.answered and heard.evidence
    assert not judge(probe, words_from_text("The weather was bad that week.")).answered


def test_an_answer_with_nothing_to_fix_still_gets_the_question_kept_for_good_answers(tmp_path):
    a = typed(sample_text("clean_star"), tmp_path)
    assert not a.fix_first
    assert choose(a).kind == "reflect"


# -- judging the reply --------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(REPLIES))
def test_each_reply_answers_its_own_probe_and_no_other(kind):
    for other, text in REPLIES.items():
        reply = judge(probe_of(kind), words_from_text(text))
        # a reply that owns a mistake also says what the speaker would do differently
        expected = other == kind or (kind == "reflect" and other in ("own_part", "mistake",
                                                                      "lesson")) \
            or {kind, other} == {"own_part", "mistake"}
        assert reply.answered == expected, (kind, other, reply)
        if reply.answered:
            assert reply.evidence, "an answered probe quotes the words that answer it"
        else:
            assert reply.hint


def test_a_figure_answers_how_it_turned_out_but_a_year_or_one_does_not():
    probe = probe_of("result")
    assert judge(probe, words_from_text("We cut the wait from nine minutes to four.")).answered
    assert judge(probe, words_from_text("About ninety percent of the orders arrived.")).answered
    assert not judge(probe, words_from_text("That was in 2023, and it went fine.")).answered
    assert not judge(probe, words_from_text("It was one of those weeks, and it went well.")
                     ).answered


def test_we_instead_of_i_does_not_answer_what_did_you_do_yourself():
    probe = probe_of("own_action")
    reply = judge(probe, words_from_text("We rewrote the schedule and we called every customer, "
                                         "and we moved the release."))
    assert not reply.answered
    assert "we" in reply.hint.lower()


def test_blame_in_the_reply_takes_back_the_part_owned():
    probe = probe_of("own_part")
    reply = judge(probe, words_from_text("I should have checked it, but they didn't give us the "
                                         "data in time."))
    assert not reply.answered
    assert "blame" in reply.hint


def test_a_hesitation_inside_the_phrase_does_not_hide_it():
    probe = probe_of("own_part")
    for filler in ("um", "uhm", "ummm"):
        reply = judge(probe, words_from_text(f"It was my, {filler}, mistake."))
        assert reply.answered, filler


def test_silence_is_not_an_answer():
    reply = judge(probe_of("result"), [])
    assert not reply.answered and "Nothing was heard" in reply.hint


def test_probe_and_reply_survive_json():
    probe = Probe("look_for", "I didn't hear much about this: x. Can you tell me about it?",
                  "Not heard: x", "x", point="X")
    assert Probe.from_dict(json.loads(json.dumps(probe.to_dict()))) == probe
    reply = Reply(True, ("a quote",), "")
    assert Reply.from_dict(json.loads(json.dumps(reply.to_dict()))) == reply


# -- kept with the session ------------------------------------------------------------------


def spoken(text: str) -> tuple[Transcript, Analysis]:
    words = tuple(Word(t, i * 0.4, i * 0.4 + 0.3) for i, t in enumerate(text.split()))
    transcript = Transcript(words=words, duration_s=len(words) * 0.4 + 1, model="tiny.en",
                            source="reply.wav")
    return transcript, analyze(transcript)


def saved_with_follow_up(tmp_path: Path) -> tuple[str, str]:
    from starcoach.audio.decode import save_flac

    tone = (0.1 * np.sin(np.arange(32000) / 16000 * 2 * np.pi * 220)).astype(np.float32)
    answer, reply_audio = tmp_path / "answer.flac", tmp_path / "reply.flac"
    save_flac(tone, answer)
    save_flac(tone, reply_audio)
    transcript, analysis = spoken("I missed a deadline once and I fixed the plan.")
    probe = probe_of("result")
    reply_t, reply_a = spoken(REPLIES["result"])
    with open_store() as store:
        sid = store.save_session(answer, transcript, analysis, QUESTION, samples=tone)
        fid = store.save_follow_up(sid, probe, judge(probe, reply_a.words), reply_audio, reply_t,
                                   reply_a, model="tiny.en", samples=tone)
    return sid, fid


def test_the_follow_up_is_saved_in_its_session_and_deleted_with_it(tmp_path, starcoach_home):
    sid, fid = saved_with_follow_up(tmp_path)
    assert fid == f"{sid}-1"
    with open_store() as store:
        (stored,) = store.follow_ups(sid)
        assert stored.probe["prompt"] == "How did it turn out, in numbers?"
        assert stored.reply["answered"] is True
        assert stored.audio_path == starcoach_home / "audio" / f"{fid}.flac"
        assert stored.audio_path.is_file()
        assert Analysis.from_dict(stored.analysis).words[0].text == "We"
        assert store.count() == 1  # a follow-up is not a session of its own
    # a take made into a follow-up is not offered again by `recover`
    assert "reply.flac" in saved_sources()
    with open_store() as store:
        store.delete_session(sid)
        assert store.follow_ups(sid) == []
    assert not (starcoach_home / "audio" / f"{fid}.flac").exists()


def test_a_follow_ups_audio_is_not_taken_for_an_orphan(tmp_path, starcoach_home):
    sid, fid = saved_with_follow_up(tmp_path)
    flac = starcoach_home / "audio" / f"{fid}.flac"
    old = time.time() - 2 * 3600
    os.utime(flac, (old, old))
    with open_store():  # opening the store reclaims what killed saves left
        pass
    assert flac.is_file()


def test_export_and_show_carry_the_follow_up(tmp_path, starcoach_home):
    sid, fid = saved_with_follow_up(tmp_path)
    with open_store() as store:
        export(store, tmp_path / "export")
    doc = json.loads((tmp_path / "export" / "sessions.json").read_text())
    (follow_up,) = doc["sessions"][0]["follow_ups"]
    assert follow_up["id"] == fid and follow_up["audio"] == f"{fid}.flac"
    assert (tmp_path / "export" / "audio" / f"{fid}.flac").is_file()

    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    run = [sys.executable, "-m", "starcoach", "show", sid]
    shown = subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout
    assert "Follow-up: How did it turn out, in numbers?" in shown
    assert "complaints fell by thirty percent" in shown
    assert 'Answered: "two days later"; "thirty percent."' in shown
    as_json = json.loads(subprocess.run(run + ["--json"], capture_output=True, text=True,
                                        env=env, check=True).stdout)
    assert as_json["follow_ups"][0]["reply"]["answered"] is True
    md = subprocess.run(run + ["--markdown"], capture_output=True, text=True, env=env,
                        check=True).stdout
    assert "## Follow-up: How did it turn out, in numbers?" in md


def test_the_markdown_block_says_what_is_missing_when_not_answered():
    transcript, analysis = spoken("It went fine in the end.")
    probe = probe_of("result")
    text = "\n".join(render_markdown(FollowUpView(probe, judge(probe, analysis.words), analysis)))
    assert "**Not answered yet: No figure was heard" in text


def test_the_html_report_shows_the_follow_up_with_its_reply_playable_in_chromium(
        tmp_path, starcoach_home, browser):  # noqa: F811  (the fixture imported above)
    sid, fid = saved_with_follow_up(tmp_path)
    out = tmp_path / "report.html"
    r = subprocess.run([sys.executable, "-m", "starcoach", "report", sid, "--html", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    page, problems = open_page(browser, out)
    card = page.locator(".follow-up")
    assert card.count() == 1
    text = " ".join(card.inner_text().split())
    assert "Follow-up: How did it turn out, in numbers?" in text
    assert "complaints fell by thirty percent" in text
    assert 'Answered: "two days later"; "thirty percent."' in text
    # the reply's own audio, embedded: two seconds of it, playable
    page.wait_for_function("document.querySelector('audio.reply').readyState >= 1")
    duration = page.evaluate("document.querySelector('audio.reply').duration")
    assert duration == pytest.approx(2.0, abs=0.1)
    assert problems == []


@pytest.mark.parametrize("kind", sorted(POINTS))
def test_every_point_of_the_ranking_has_its_probe_or_is_passed_over(kind):
    """Each rule of the table, on its own: the point ranked first decides, unless no
    question can repair it; then the next one does."""
    title = POINTS[kind][2]
    second = Priority("missing_result", POINTS["missing_result"][2], "", "")
    checks = (ThemeCheck("A concrete learning", False),)
    probe = choose_from([Priority(kind, title, "", ""), second], checks)
    expected = FIX_FIRST_PROBES.get(kind)
    if expected is None:  # fillers, pace, pauses, length alone...: passed over
        assert probe.kind == "result" and probe.because == second.title
        return
    assert probe.kind == expected and probe.because == title
    if expected == "look_for":
        assert probe.point == "A concrete learning"
        assert "a concrete learning" in probe.prompt
    else:
        assert probe.prompt == PROBES[expected][0]
