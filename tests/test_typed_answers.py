"""Typed answers in the way people talk (run-on sentences, fillers, hedges, partial STAR), each
with what a coach would say about it: the STAR parts, the red flags and the strengths.

The bundled samples are tidy scripts; these keep the rules honest on everyday speech, where a
false alarm costs the most trust.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from starcoach.analysis import analyze
from starcoach.questions.bank import get_question
from starcoach.transcribe.typed import read_text_transcript

DATA = Path(__file__).resolve().parent / "data" / "typed_answers"

# name: (question id, STAR parts in order, red flags (exactly), strengths (at least))
EXPECTED = {
    "blame_run_on": ("failure-project-not-as-planned", "SAR",
                     {"blame_shifting", "no_change"}, {"learning"}),
    "humble_brag_high_bar": ("failure-time-you-failed", "SAR",
                             {"humble_brag", "no_learning", "no_change"}, set()),
    "framed_deadline_miss": ("failure-time-you-failed", "SAR", set(),
                             {"owned_mistake", "change"}),
    "got_this_wrong": ("failure-time-you-failed", "STAR", set(),
                       {"owned_mistake", "transparency", "change"}),
    "team_context_own_actions": ("failure-time-you-failed", "STAR", set(),
                                 {"owned_mistake", "transparency", "learning", "change"}),
    "feedback_perfectionist": ("failure-negative-feedback", "SAR", set(), {"change"}),
    "news_not_a_lesson": ("failure-time-you-failed", "SR",
                          {"external_factors", "no_learning", "no_change", "ownership"}, set()),
    "success_story": ("teamwork-successful-project", "SAR", set(), {"quantified_result"}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_typed_everyday_answer_gets_the_coaching_a_person_would_give(name: str) -> None:
    question_id, parts, red_flags, strengths = EXPECTED[name]
    question = get_question(question_id)
    a = analyze(read_text_transcript(DATA / f"{name}.txt"), question=question)
    assert "".join(s.label[0].upper() for s in a.sections) == parts
    assert {f.category for f in a.red_flags} == red_flags
    assert strengths <= {f.category for f in a.strengths}


def test_every_typed_answer_has_its_expectations() -> None:
    assert sorted(p.stem for p in DATA.glob("*.txt")) == sorted(EXPECTED)
