"""The question bank: lookup, choosing what to practice, and the questions/stories commands."""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from starcoach.cli import main
from starcoach.errors import NotFoundError, UsageError
from starcoach.questions import bank as questions
from starcoach.questions.bank import choose_question, get_question, list_questions

GUIDES = Path(__file__).resolve().parent / "data" / "guides"
# A complete guide in the layout the importer reads, written for these tests.
GUIDE = GUIDES / "failure-guide.md"
# Fingerprints of an outside guide's lines: how they were made is at the top of the file.
UNLICENSED_LINES = {ln for ln in (GUIDES / "unlicensed-guide-lines.sha256").read_text().split()
                    if not ln.startswith("#") and len(ln) == 64}
FAILURE_IDS = [
    "failure-time-you-failed",
    "failure-mistake-affected-others",
    "failure-project-not-as-planned",
    "failure-negative-feedback",
    "failure-admitting-wrong",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def minimal_guide(tmp_path: Path) -> Path:
    path = tmp_path / "negotiation.md"
    path.write_text(
        "# Negotiation\n\n### Q1: Tell me about a deal you negotiated.\n\n"
        "**What they're looking for:**\n- Preparation before the talk\n- A fair outcome\n\n"
        "## Stories to Prepare\n\n- [ ] A negotiation with a supplier\n"
    )
    return path


# -- the bank ---------------------------------------------------------------------------------
def test_the_bank_has_the_five_failure_questions_in_order():
    assert [q.id for q in list_questions("failure")] == FAILURE_IDS


def test_every_category_has_at_least_three_questions_and_there_are_five_besides_failure():
    cats = questions.categories()
    assert "failure" in cats and len(set(cats) - {"failure"}) >= 5
    for cat in cats:
        assert len(list_questions(cat)) >= 3, cat


def test_every_question_carries_look_for_points_red_flags_themes_and_a_story():
    ids = [q.id for q in list_questions()]
    assert len(ids) == len(set(ids)), "question ids are unique"
    for q in list_questions():
        assert q.id.startswith(q.category + "-")
        assert len(q.look_for) >= 3 and q.red_flags and q.themes and q.story
        assert q.text.endswith((".", "?"))


def copied_from_the_unlicensed_guide(text: str) -> bool:
    line = text.strip("-*>#| ").lower()
    return len(line) > 25 and hashlib.sha256(line.encode()).hexdigest() in UNLICENSED_LINES


def test_the_unlicensed_guide_fingerprints_are_loaded():
    assert len(UNLICENSED_LINES) == 62


def test_the_bank_is_in_our_own_words_not_copied_from_the_unlicensed_guide():
    for q in list_questions():
        texts = [q.text, *q.look_for, *(p.detail for p in q.red_flags + q.themes)]
        for text in texts:
            assert not copied_from_the_unlicensed_guide(text), text


def test_the_guides_the_tests_import_are_in_our_own_words_too():
    guides = sorted(GUIDES.glob("*.md"))
    assert GUIDE in guides
    for guide in guides:
        for line in guide.read_text().splitlines():
            assert not copied_from_the_unlicensed_guide(line), f"{guide.name}: {line}"


def test_to_dict_round_trips_and_hides_the_reference_answer_unless_asked():
    q = get_question("failure-negative-feedback")
    d = q.to_dict()
    assert "reference_answer" not in d
    assert questions.Question.from_dict(d) == q
    assert d["category"] == "failure" and d["look_for"] == list(q.look_for)
    assert q.to_dict(reference=True)["reference_answer"] is None


def test_an_unknown_question_names_the_command_and_the_closest_ids():
    with pytest.raises(NotFoundError) as exc:
        get_question("failure-time-you-faild")
    assert str(exc.value) == (
        "unknown question 'failure-time-you-faild': see `starcoach questions` "
        "(did you mean failure-time-you-failed?)"
    )
    with pytest.raises(NotFoundError) as exc:
        get_question("zzz")
    assert str(exc.value) == "unknown question 'zzz': see `starcoach questions`"


def test_an_unknown_category_lists_the_valid_ones():
    with pytest.raises(NotFoundError) as exc:
        list_questions("cooking")
    assert str(exc.value).startswith("unknown category 'cooking': expected one of failure, ")


def test_a_damaged_user_bank_is_reported_and_left_alone(starcoach_home: Path):
    bank = starcoach_home / "questions.json"
    bank.write_text("{not json")
    with pytest.raises(Exception) as exc:
        list_questions()
    assert "move it aside and import your guides again" in str(exc.value)
    assert bank.read_text() == "{not json"


# -- choosing what to practice ----------------------------------------------------------------
def session(qid: str, day: int, red_flags: int = 0, fillers_per_min: float = 0.0) -> dict:
    return {
        "question_id": qid,
        "created_at": f"2026-11-{day:02d}T10:00:00+00:00",
        "analysis": {"red_flags": [{}] * red_flags, "missing": [],
                     "pace": {"fillers_per_min": fillers_per_min}},
    }


def test_choose_prefers_a_question_never_practiced():
    history = [session(qid, 1 + i) for i, qid in enumerate(FAILURE_IDS[:4])]
    for seed in range(20):
        q = choose_question("failure", history=history, rng=random.Random(seed))
        assert q.id == FAILURE_IDS[4]


def test_choose_prefers_the_weakest_last_attempt_over_an_older_clean_one():
    history = [
        session(FAILURE_IDS[0], 1),
        session(FAILURE_IDS[1], 2),
        session(FAILURE_IDS[2], 3, red_flags=3, fillers_per_min=6),
        session(FAILURE_IDS[3], 4),
        session(FAILURE_IDS[4], 5),
    ]
    assert choose_question("failure", history=history, rng=random.Random(1)).id == FAILURE_IDS[2]


def test_choose_uses_the_last_attempt_so_an_improved_answer_stops_being_drilled():
    history = [
        session(FAILURE_IDS[0], 1),
        session(FAILURE_IDS[1], 2),
        session(FAILURE_IDS[2], 3, red_flags=3),
        session(FAILURE_IDS[3], 4),
        session(FAILURE_IDS[4], 5),
        session(FAILURE_IDS[2], 6),  # practiced again, clean now
        session(FAILURE_IDS[4], 7),
    ]
    # All clean: the one practiced longest ago wins.
    assert choose_question("failure", history=history, rng=random.Random(1)).id == FAILURE_IDS[0]


def test_choose_never_repeats_the_question_just_practiced():
    history = [session(qid, 1 + i) for i, qid in enumerate(FAILURE_IDS)]
    history.append(session(FAILURE_IDS[1], 20, red_flags=9))
    for seed in range(10):
        assert choose_question("failure", history=history, rng=random.Random(seed)).id != \
            FAILURE_IDS[1]


def test_choose_with_an_id_returns_that_question_and_checks_the_category():
    assert choose_question(question_id="conflict-difficult-stakeholder").category == "conflict"
    with pytest.raises(UsageError) as exc:
        choose_question(category="failure", question_id="conflict-difficult-stakeholder")
    assert str(exc.value) == (
        "question 'conflict-difficult-stakeholder' is in category 'conflict', not 'failure': "
        "give one of --question or --category"
    )


def test_choose_without_a_category_draws_from_every_category():
    seen = {choose_question(rng=random.Random(s)).category for s in range(60)}
    assert len(seen) >= 5


def test_session_weakness_counts_flags_missing_parts_unmet_checks_and_fillers():
    assert questions.session_weakness({"analysis": {
        "red_flags": [{}, {}], "missing": ["result"], "pace": {"fillers_per_min": 6.0},
        "question_checks": [{"met": False}, {"met": True}]}}) == pytest.approx(2 + 1 + 0.5 + 2)
    assert questions.session_weakness({"weakness": 1.25}) == 1.25


# -- the commands -----------------------------------------------------------------------------
def test_questions_lists_every_category_with_ids(capsys):
    code, out, err = run(capsys, "questions")
    assert code == 0 and err == ""
    for qid in FAILURE_IDS:
        assert qid in out
    for cat in questions.categories():
        assert f"\n{cat}\n" in "\n" + out
    assert f"{len(list_questions())} questions in {len(questions.categories())} categories" in out


def test_questions_category_filter_and_json(capsys):
    code, out, _ = run(capsys, "questions", "--category", "conflict", "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == "starcoach.questions/1"
    assert {q["category"] for q in data["questions"]} == {"conflict"}
    assert len(data["questions"]) >= 3


def test_questions_show_prints_look_for_points_themes_and_red_flags(capsys):
    code, out, _ = run(capsys, "questions", "show", "failure-mistake-affected-others")
    q = get_question("failure-mistake-affected-others")
    assert code == 0
    assert q.text in out
    for point in q.look_for:
        assert f"  - {point}" in out
    assert "Red flags to avoid" in out and "Themes to show" in out
    assert "starcoach practice --question failure-mistake-affected-others" in out


def test_questions_show_wraps_a_long_point_under_its_own_text(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run(capsys, "questions", "show", "failure-time-you-failed")
    lines = [line.rstrip() for line in out.splitlines()]
    at = lines.index("  - Blaming others: the fault lands on teammates, a manager,")
    assert lines[at + 1] == "    changing requirements"
    assert all(len(line) <= 60 for line in lines)


def test_questions_show_json_is_the_question(capsys):
    code, out, _ = run(capsys, "questions", "show", "pressure-tight-deadline", "--json")
    data = json.loads(out)
    assert data["schema"] == "starcoach.question/1"
    assert data["id"] == "pressure-tight-deadline" and data["category"] == "pressure"


def test_an_unknown_id_is_one_error_line_and_exit_2():
    result = subprocess.run([sys.executable, "-m", "starcoach", "questions", "show", "nope-nope"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == "error: unknown question 'nope-nope': see `starcoach questions`\n"
    assert result.stdout == ""


def test_an_unknown_category_is_one_error_line_and_exit_2(capsys):
    code, out, err = run(capsys, "questions", "--category", "cooking")
    assert code == 2 and out == ""
    assert err.startswith("error: unknown category 'cooking': expected one of failure, conflict")
    assert err.count("\n") == 1


def test_imported_questions_join_the_listing_and_can_be_shown(capsys, tmp_path):
    code, out, _ = run(capsys, "questions", "import", str(minimal_guide(tmp_path)))
    assert code == 0
    assert out.startswith("Imported 1 question from 'Negotiation' into category "
                          "'negotiation': 1 new.")
    code, out, _ = run(capsys, "questions", "--category", "negotiation")
    assert code == 0 and "negotiation-q1" in out and "1 question in 1 category" in out
    assert get_question("negotiation-q1").look_for == ("Preparation before the talk",
                                                       "A fair outcome")


# -- stories ----------------------------------------------------------------------------------
def save(store, qid: str) -> str:
    from starcoach.analysis.model import AnalysisOptions

    transcript = {"schema": "starcoach.transcript/1", "words": [], "duration_s": 60.0,
                  "model": "tiny.en", "settings": {}}
    analysis = {"schema": "starcoach.analysis/1", "duration_s": 60.0,
                "options": AnalysisOptions().to_dict(), "question": get_question(qid).to_dict()}
    return store.save_session(None, transcript, analysis, question_id=qid)


def test_stories_without_sessions_lists_everything_missing_and_creates_no_database(
    capsys, starcoach_home
):
    code, out, _ = run(capsys, "stories")
    total = len(list_questions())
    assert code == 0
    assert out.startswith(f"Stories to prepare: 0 of {total} practiced")
    assert "[x]" not in out and out.count("[ ]") == total
    assert not (starcoach_home / "sessions.db").exists()


def test_stories_on_a_narrow_terminal_keep_each_question_id_whole(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run(capsys, "stories", "--category", "failure")
    assert code == 0
    assert all(len(line) <= 60 for line in out.splitlines())
    for q in list_questions("failure"):
        if q.source == "built-in":
            assert f"try {q.id}" in out


def test_stories_ticks_the_kinds_practiced_from_the_real_session_store(capsys, tmp_path):
    from starcoach.sessions.store import open_store

    run(capsys, "questions", "import", str(minimal_guide(tmp_path)))
    with open_store() as store:
        save(store, "failure-negative-feedback")
        save(store, "failure-negative-feedback")
        save(store, "conflict-difficult-stakeholder")
        save(store, "negotiation-q1")

    code, out, _ = run(capsys, "stories", "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == "starcoach.stories/1"
    assert data["practiced"] == 3 and data["total"] == len(list_questions())  # 26 + 1 imported
    by_title = {c["title"]: c for c in data["checklists"]}
    failure = by_title["Failure and mistakes"]
    assert (failure["practiced"], failure["total"], failure["sessions"]) == (1, 5, 2)
    feedback = next(i for i in failure["items"] if i["practiced"])
    assert feedback["item"] == "Critical feedback you acted on" and feedback["sessions"] == 2
    assert by_title["Negotiation"]["items"][0]["practiced"] is True

    code, out, _ = run(capsys, "stories", "--category", "failure")
    assert out.startswith("Stories to prepare: 1 of 5 practiced")
    lines = {ln.split("  ")[1].strip("[] x"): ln for ln in out.splitlines() if "  [" in ln}
    assert re.match(r"  \[x\] Critical feedback you acted on +2 sessions, last 20\d\d-",
                    lines["Critical feedback you acted on"])
    assert re.match(r"  \[ \] A project that missed its goals +try failure-project-not-as-planned",
                    lines["A project that missed its goals"])


def test_a_built_in_session_ticks_the_matching_item_of_an_imported_guide(capsys):
    from starcoach.sessions.store import open_store

    run(capsys, "questions", "import", str(GUIDE))
    with open_store() as store:
        save(store, "failure-mistake-affected-others")
    code, out, _ = run(capsys, "stories", "--json")
    guide = next(c for c in json.loads(out)["checklists"]
                 if c["source"] == "learning-from-failure")
    ticked = [i["item"] for i in guide["items"] if i["practiced"]]
    assert ticked == ["An error that caused trouble for other people"]
