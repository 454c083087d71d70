"""The mock interview: what to work on across answers, the summary, and `practice --interview`
through the virtual microphone, stopped with Ctrl-C after its first question."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _virtualmic import (
    load_mic,
    needs_pulse,
    new_take,
    speak,
    unload_mic,
    wait_for_audio,
    word_overlap,
)
from rich.console import Console
from test_follow_up import REPLIES

from starcoach.analysis import analyze
from starcoach.analysis.follow_up import PROBES, Probe, Reply, choose
from starcoach.analysis.model import Analysis
from starcoach.analysis.priorities import across
from starcoach.questions import bank
from starcoach.report.interview import InterviewAnswer, render_summary
from starcoach.sessions.store import open_store
from starcoach.transcribe.typed import read_text_transcript

ROOT = Path(__file__).resolve().parents[1]


def typed(text: str, tmp_path: Path, question_id: str) -> Analysis:
    path = tmp_path / f"{question_id}.txt"
    path.write_text(text)
    return analyze(read_text_transcript(path), question=bank.get_question(question_id))


def sample_text(name: str) -> str:
    return json.loads((ROOT / "samples" / f"{name}.json").read_text())["text"]


def shown(renderable) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(renderable)
    return " ".join(console.export_text().split())


def test_a_concern_in_most_answers_comes_before_the_worst_slip_of_one(tmp_path):
    thin = "I missed a deadline once. I told my manager the same day and I fixed the plan."
    answers = [typed(sample_text("red_flags"), tmp_path, "failure-time-you-failed"),
               typed(thin, tmp_path, "failure-time-you-failed"),
               typed(thin.replace("deadline", "launch date"), tmp_path,
                     "failure-time-you-failed")]
    shared = across(answers)
    assert shared[0].answers == (1, 2), shared  # the short answers' missing result
    blame = [s for s in shared if s.concern == "excuses"]
    assert not blame or blame[0].answers == (0,)
    assert all(len(a.answers) <= len(b.answers) for a, b in zip(shared[1:], shared, strict=False))


def test_the_summary_has_a_row_per_answer_and_what_to_work_on_first(tmp_path):
    a = typed(sample_text("thin_answer"), tmp_path, "failure-time-you-failed")
    b = typed(sample_text("clean_star"), tmp_path, "failure-time-you-failed")
    probe = Probe("own_action", *PROBES["own_action"][:1], "Too thin to judge",
                  PROBES["own_action"][1])
    items = [InterviewAnswer("failure-time-you-failed", "aaaa1111", a, probe,
                             Reply(False, (), "Name two things")),
             InterviewAnswer("failure-biggest-mistake", "bbbb2222", b)]
    text = shown(render_summary(items, 3))
    assert "Interview summary: 2 of 3 questions answered" in text
    assert "aaaa1111" in text and "bbbb2222" in text
    assert "What did you do yourself? (not answered)" in text
    assert "not asked" in text
    assert "Work on first, across the answers" in text
    assert f"1. {a.fix_first[0].title}" in text or "1." in text
    assert "(1 of 2 answers: 1)" in text  # the clean answer has nothing to fix
    assert shown(render_summary([], 2)).endswith("No answer was saved, so there is nothing "
                                                 "to sum up.")


@pytest.fixture(scope="module")
def mic():
    m, module = load_mic()
    yield m
    unload_mic(module)


@needs_pulse
@pytest.mark.audio
@pytest.mark.slow
def test_an_interview_stopped_after_its_first_question_sums_up_what_was_saved(
        mic, tmp_path, starcoach_home):
    """The follow-up's reply is recorded through the microphone too: it answers what was
    asked (a reply made for that probe), and is kept with its session, apart from the answer."""
    answer = speak("I missed a deadline once. I told my manager the same day and I fixed the "
                   "plan.", tmp_path / "answer.wav")
    proc = subprocess.Popen(
        [sys.executable, "-m", "starcoach", "practice", "--device", "pulse", "--interview", "3",
         "--category", "failure", "--prep", "4", "--stop-after-silence", "2",
         "--max-seconds", "40"],
        env=mic.env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    players = []
    try:
        seen: set[Path] = set()
        wait_for_audio(new_take(starcoach_home, seen, proc, timeout=120))
        players.append(mic.play(answer))
        # the follow-up's: reply to what was asked
        take = new_take(starcoach_home, seen, proc, timeout=120)
        assert take.name.endswith("-follow-up.part.wav")
        with open_store() as store:
            (first,) = store.sessions()
        kind = choose(Analysis.from_dict(first.analysis)).kind
        reply = speak(REPLIES[kind], tmp_path / "reply.wav")
        wait_for_audio(take)
        players.append(mic.play(reply))
        # once the reply is saved, the second question is shown and its countdown runs
        deadline = time.monotonic() + 120
        while True:
            with open_store() as store:
                sessions = store.sessions()
                if sessions and store.follow_ups(sessions[0].id):
                    break
            assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=90)
    finally:
        proc.kill()
        for p in players:
            p.kill()
    assert proc.returncode == 130, err
    text = " ".join(out.split())
    assert "Question 1 of 3" in text and "Question 2 of 3" in text
    assert "STAR timeline" not in text  # no report between the questions
    assert "Interview summary: 1 of 3 questions answered" in text
    (session,) = sessions
    assert session.id in text
    assert session.question_id is not None and session.question_id.startswith("failure-")
    (follow_up,) = _follow_ups(session.id)
    assert follow_up.probe == choose(Analysis.from_dict(session.analysis)).to_dict()
    assert follow_up.probe["prompt"] in text
    heard = follow_up.transcript["text"]
    assert word_overlap(REPLIES[kind], heard) >= 0.5, heard  # "30%" for "thirty percent"
    assert word_overlap(REPLIES[kind], session.transcript["text"]) < 0.5
    assert follow_up.reply["answered"] is True, follow_up.reply
    assert f"(follow-up {follow_up.id})" in " ".join(err.split())
    assert follow_up.audio_path is not None and follow_up.audio_path.is_file()
    assert "Work on first, across the answers" in text
    assert "Interview stopped." in err
    # nothing of the second question was recorded: its countdown was running
    takes = sorted(p.name for p in (starcoach_home / "recordings").rglob("*.flac"))
    assert len(takes) == 2, takes


def _follow_ups(session_id: str) -> list:
    with open_store() as store:
        return store.follow_ups(session_id)
