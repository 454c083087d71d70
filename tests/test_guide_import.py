"""Importing a Markdown study guide: a full guide page, re-imports, and malformed guides."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from starcoach.cli import main
from starcoach.errors import GuideError
from starcoach.questions.bank import get_question, list_questions
from starcoach.questions.guide_import import import_guide, parse_guide, read_guide

# A complete guide in the layout the importer reads, written for these tests.
GUIDE = Path(__file__).resolve().parent / "data" / "guides" / "failure-guide.md"

GOOD = """\
---
sidebar_position: 3
---

# Conflict Resolution

## Common Questions

### Q1: Tell me about a disagreement with a peer.

**What they're looking for:**
- Listening first
- A shared goal

**Example Answer (STAR):**

> **Situation:** We argued about a deadline.
>
> **Result:** We agreed on a split.

---

### Q2: Describe a clash with your manager.

**What they're looking for:**
- Respectful disagreement

## Key Themes to Demonstrate

| Theme | How to Show It |
|-------|----------------|
| **Empathy** | You asked why |
| **Calm** | You kept your voice down |

## Red Flags in Conflict Stories

Avoid these patterns:
- **Villain** - "He was impossible"
- **Avoidance** - Nobody said anything

## Stories to Prepare

- [ ] A peer disagreement
- [x] A disagreement upward
"""


def write(tmp_path: Path, text: str, name: str = "guide.md") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


# -- a full guide page --------------------------------------------------------------------------
def test_the_full_guide_gives_five_questions_with_three_points_five_red_flags_and_five_themes():
    result = import_guide(GUIDE)
    guide = result.guide
    assert (guide.slug, guide.title, guide.category) == ("learning-from-failure",
                                                          "Learning From Failure", "failure")
    assert [q.number for q in guide.questions] == [1, 2, 3, 4, 5]
    assert all(len(q.look_for) == 3 for q in guide.questions)
    assert [n for n, _ in guide.red_flags] == ["Finger-pointing", "Fake weakness",
                                               "Bad-luck story", "No takeaway",
                                               "Same old habits"]
    assert [n for n, _ in guide.themes] == ["Accountability", "Candor", "Reflection",
                                            "Recovery", "Safeguards"]
    assert [n for n, _ in guide.qualities] == ["A genuine setback", "Your part in it",
                                               "An honest diagnosis", "Proof it stuck"]
    assert len(guide.stories) == 5 and guide.front_matter == {"sidebar_position": "4"}
    assert result.added == tuple(f"learning-from-failure-q{i}" for i in range(1, 6))

    q2 = get_question("learning-from-failure-q2")
    assert q2.category == "failure" and q2.source == "learning-from-failure"
    assert q2.text == "Tell me about an error of yours that caused trouble for other people."
    assert q2.look_for[1] == "Telling the affected people quickly and directly"
    assert len(q2.red_flags) == 5 and len(q2.themes) == 5
    assert q2.story == "An error that caused trouble for other people"


def test_the_example_answer_is_kept_as_a_reference_but_not_shown_by_default(capsys):
    import_guide(GUIDE)
    q1 = get_question("learning-from-failure-q1")
    assert q1.reference_answer.startswith("Situation: I ran the rollout of a new billing export")
    assert "**" not in q1.reference_answer and "\nResult: " in q1.reference_answer
    assert "reference_answer" not in q1.to_dict()

    code, out, _ = run(capsys, "questions", "show", "learning-from-failure-q1")
    assert code == 0 and "billing export" not in out
    assert "add --reference to see it" in out
    code, out, _ = run(capsys, "questions", "show", "learning-from-failure-q1", "--reference")
    assert "Situation: I ran the rollout of a new billing export" in out


def test_reimporting_updates_instead_of_duplicating(tmp_path, capsys):
    code, out, err = run(capsys, "questions", "import", str(GUIDE))
    assert code == 0 and err == ""
    assert out == (
        "Imported 5 questions from 'Learning From Failure' into category 'failure': 5 new.\n"
        "The guide has 5 red flags, 5 themes and 5 stories to prepare.\n"
        "List them: starcoach questions --category failure\n"
    )
    before = len(list_questions("failure"))
    # An edited copy elsewhere: same title, so the same guide; one question reworded.
    original = GUIDE.read_text()
    assert "### Q3: Describe a project that went off course.\n" in original
    edited = write(tmp_path, original.replace(
        "### Q3: Describe a project that went off course.",
        "### Q3: Describe a project that went off the rails."), "copy.md")
    code, out, _ = run(capsys, "questions", "import", str(edited))
    assert out.startswith("Imported 5 questions from 'Learning From Failure' into category "
                          "'failure': 5 updated.\n")
    assert len(list_questions("failure")) == before == 10
    assert get_question("learning-from-failure-q3").text == (
        "Describe a project that went off the rails.")


def test_a_question_dropped_from_the_guide_is_removed_on_reimport(tmp_path):
    path = write(tmp_path, GOOD)
    import_guide(path)
    path.write_text(GOOD.split("### Q2:")[0] + "## Stories to Prepare\n\n- [ ] One\n")
    result = import_guide(path)
    assert result.updated == ("conflict-resolution-q1",) and result.removed == (
        "conflict-resolution-q2",)
    assert [q.id for q in list_questions("conflict")][-1] == "conflict-resolution-q1"


def test_imported_questions_are_stored_with_the_sessions_data(tmp_path, starcoach_home):
    import_guide(write(tmp_path, GOOD))
    stored = json.loads((starcoach_home / "questions.json").read_text())
    assert stored["schema"] == "starcoach.questions/1"
    guide = stored["guides"]["conflict-resolution"]
    assert [q["id"] for q in guide["questions"]] == ["conflict-resolution-q1",
                                                     "conflict-resolution-q2"]
    assert guide["stories"] == ["A peer disagreement", "A disagreement upward"]
    assert not list((starcoach_home).glob(".questions.json*")), "no temporary file left behind"


# -- parsing ----------------------------------------------------------------------------------
def test_a_well_formed_guide_parses_every_part():
    g = parse_guide(GOOD, "conflict.md")
    assert (g.slug, g.category) == ("conflict-resolution", "conflict")
    assert [(q.number, q.look_for) for q in g.questions] == [
        (1, ("Listening first", "A shared goal")), (2, ("Respectful disagreement",))]
    assert g.questions[0].reference_answer == (
        "Situation: We argued about a deadline.\n\nResult: We agreed on a split.")
    assert g.questions[1].reference_answer is None
    assert g.themes == (("Empathy", "You asked why"), ("Calm", "You kept your voice down"))
    assert g.red_flags == (("Villain", "He was impossible"), ("Avoidance", "Nobody said anything"))
    assert g.stories == ("A peer disagreement", "A disagreement upward")


def test_front_matter_can_set_the_slug_and_category():
    text = "---\nslug: my-guide\ncategory: Leadership\n---\n" + GOOD.split("---\n", 2)[2]
    g = parse_guide(text)
    assert (g.slug, g.category) == ("my-guide", "leadership")


def test_a_title_that_names_no_built_in_category_becomes_its_own_category():
    g = parse_guide(GOOD.replace("# Conflict Resolution", "# Salary Talks"))
    assert (g.slug, g.category) == ("salary-talks", "salary-talks")


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        pytest.param(
            GOOD.split("## Common Questions")[0] + "## Nothing here\n\nJust prose.\n",
            "guide.md:5: expected at least one question heading like "
            "'### Q1: Tell me about a time you failed.'",
            id="no-questions",
        ),
        pytest.param(
            GOOD.replace("**What they're looking for:**\n- Respectful disagreement\n", ""),
            "guide.md:23: expected a \"**What they're looking for:**\" list under Q2",
            id="question-without-look-for",
        ),
        pytest.param(
            GOOD.replace("**What they're looking for:**\n- Respectful disagreement\n",
                         "**What they're looking for:**\n\nRespect.\n"),
            "guide.md:25: expected '- ' items after \"**What they're looking for:**\"",
            id="look-for-without-items",
        ),
        pytest.param(
            GOOD.replace("sidebar_position: 3\n---\n", "sidebar_position: 3\n"),
            "guide.md:4: expected 'key: value' or the closing '---' of the front matter "
            "opened on line 1, found '# Conflict Resolution'",
            id="front-matter-not-closed",
        ),
        pytest.param(
            "---\ntitle: x\n",
            "guide.md:1: expected a closing '---' line for the front matter opened here",
            id="front-matter-runs-to-the-end",
        ),
        pytest.param(
            GOOD.replace("sidebar_position: 3", "sidebar position 3"),
            "guide.md:2: expected 'key: value' or the closing '---' of the front matter "
            "opened on line 1, found 'sidebar position 3'",
            id="front-matter-bad-line",
        ),
        pytest.param(
            GOOD.replace("| Theme | How to Show It |", "| Theme | How | Why |"),
            "guide.md:30: expected the columns 'Theme | How to Show It', "
            "found 'Theme | How | Why'",
            id="themes-wrong-columns",
        ),
        pytest.param(
            GOOD.replace("| **Calm** | You kept your voice down |", "| **Calm** |"),
            "guide.md:33: expected 2 cells (Theme | How to Show It), found 1",
            id="themes-short-row",
        ),
        pytest.param(
            GOOD.replace("# Conflict Resolution", "Conflict Resolution"),
            "guide.md:5: expected a '# Title' heading",
            id="no-title",
        ),
        pytest.param(
            GOOD.replace("### Q2:", "### Q1:"),
            "guide.md:23: expected a new question number: Q1 is already on line 9",
            id="duplicate-number",
        ),
        pytest.param(
            GOOD.replace("- [ ] A peer disagreement\n- [x] A disagreement upward\n", "Soon.\n"),
            "guide.md:41: expected '- [ ] ' items under this heading",
            id="empty-stories",
        ),
    ],
)
def test_a_malformed_guide_names_the_line_and_what_was_expected(broken, message):
    with pytest.raises(GuideError) as exc:
        parse_guide(broken, "guide.md")
    assert str(exc.value) == message


def test_a_malformed_guide_on_the_command_line_is_one_error_line_exit_2_and_stores_nothing(
    tmp_path, starcoach_home
):
    path = write(tmp_path, GOOD.replace("| Theme | How to Show It |", "| Name | Detail |"),
                 "bad.md")
    result = subprocess.run([sys.executable, "-m", "starcoach", "questions", "import", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (f"error: {path}:30: expected the columns 'Theme | How to Show It', "
                             "found 'Name | Detail'\n")
    assert not (starcoach_home / "questions.json").exists()


def test_a_missing_or_binary_guide_file_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "questions", "import", str(tmp_path / "nope.md"))
    assert (code, err) == (2, f"error: guide not found: {tmp_path / 'nope.md'}\n")
    binary = tmp_path / "guide.md"
    binary.write_bytes(b"# T\n\xff\xfe\x00")
    code, _, err = run(capsys, "questions", "import", str(binary))
    assert code == 2 and err.startswith(f"error: {binary}: expected UTF-8 Markdown text")


def test_guides_imported_by_two_processes_at_once_are_both_kept(tmp_path, starcoach_home):
    paths = []
    for i in range(4):
        paths.append(write(tmp_path, GOOD.replace("# Conflict Resolution", f"# Guide {i}"),
                           f"g{i}.md"))
    procs = [subprocess.Popen([sys.executable, "-m", "starcoach", "questions", "import", str(p)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for p in paths]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    stored = json.loads((starcoach_home / "questions.json").read_text())
    assert sorted(stored["guides"]) == ["guide-0", "guide-1", "guide-2", "guide-3"]


def test_a_user_bank_with_a_broken_guide_entry_is_a_storage_error(starcoach_home):
    (starcoach_home / "questions.json").write_text(json.dumps(
        {"schema": "starcoach.questions/1", "guides": {"x": {"title": "X"}}}))
    from starcoach.errors import StorageError

    with pytest.raises(StorageError) as exc:
        list_questions()
    assert "guide 'x' has no 'category'" in str(exc.value)


def test_common_variations_of_the_markup_are_understood(tmp_path):
    text = (
        "\ufeff# Pressure Stories\r\n\r\n"
        "### Question 1) Tell me about a deadline.\r\n\r\n"
        "#### What they are looking for\r\n\r\n"
        "1. Calm under\r\n   pressure\r\n"
        "2. Clear priorities\r\n\r\n"
        "### Q2: Describe an incident.\r\n"
        "What they’re looking for:\r\n"
        "* Updates to stakeholders\r\n"
    )
    path = tmp_path / "pressure.md"
    path.write_bytes(text.encode("utf-8"))  # with a byte-order mark and Windows line ends
    g = read_guide(path)
    assert (g.slug, g.category) == ("pressure-stories", "pressure")
    assert [q.look_for for q in g.questions] == [
        ("Calm under pressure", "Clear priorities"), ("Updates to stakeholders",)]


def test_control_sequences_in_a_title_leave_nothing_in_the_ids():
    title = "# Conflict \x1b[2J\x1b]0;pwned\x07Resolution \x1b]8;;http://evil.example/\x1b\\here\x1b]8;;\x1b\\"
    g = parse_guide(GOOD.replace("# Conflict Resolution", title))
    assert g.slug == "conflict-resolution-here"
    assert g.question_id(g.questions[0]) == "conflict-resolution-here-q1"
