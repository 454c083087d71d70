"""What to fix first: at most three points, ranked as a coach would give them, each with a
time, the speaker's own words and one change; the same points head every view."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from starcoach.analysis.model import Analysis
from starcoach.pipeline import analyze_text_file
from starcoach.report.html import render_html
from starcoach.report.reading import render_markdown

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def typed(tmp_path: Path, name: str, question: str | None = None) -> Analysis:
    text = json.loads((SAMPLES / f"{name}.json").read_text())["text"]
    path = tmp_path / f"{name}.txt"
    path.write_text(text)
    return analyze_text_file(path, question_id=question)


def test_red_flags_come_before_everything_and_blame_comes_first(tmp_path: Path):
    a = typed(tmp_path, "red_flags", "failure-time-you-failed")
    assert [p.kind for p in a.fix_first] == ["blame_shifting", "humble_brag", "no_learning"]
    blame = a.fix_first[0]
    assert blame.quote == "the design team was always late"
    assert blame.at is not None and blame.change.startswith("Replace that sentence")
    # the lesson that is absent is shown where it would go: the answer's last sentence
    assert a.fix_first[2].quote == ("Looking back, there was not much we could have done "
                                    "differently.")


def test_a_filler_habit_of_13_a_minute_comes_before_a_short_length(tmp_path: Path):
    a = typed(tmp_path, "filler_heavy")
    assert [p.kind for p in a.fix_first] == ["fillers", "short"]
    assert a.fix_first[0].quote.startswith("Um, so the situation was, uh,")


def test_a_thin_answer_is_told_to_grow_before_anything_about_its_balance(tmp_path: Path):
    kinds = [p.kind for p in typed(tmp_path, "thin_answer").fix_first]
    assert kinds[0] == "thin" and "setup_long" in kinds


def test_a_clean_answer_has_nothing_to_fix_first(tmp_path: Path):
    assert typed(tmp_path, "clean_star", "failure-time-you-failed").fix_first == ()


def test_a_missing_part_is_a_point_with_the_words_around_the_gap(tmp_path: Path):
    a = typed(tmp_path, "missing_task")
    point = next(p for p in a.fix_first if p.kind == "missing_task")
    assert point.quote.startswith("What I did was")


def test_no_more_than_three_points_and_one_per_concern(tmp_path: Path):
    for name in ("red_flags", "thin_answer", "missing_task", "other_voice", "quick_fillers"):
        points = typed(tmp_path, name, "failure-time-you-failed").fix_first
        assert len(points) <= 3
        assert len({p.kind for p in points}) == len(points)


def test_quotes_of_the_fix_first_points_are_not_repeated_below_them(tmp_path: Path):
    from rich.console import Console

    from starcoach.report.terminal import render_analysis

    a = typed(tmp_path, "red_flags", "failure-time-you-failed")
    console = Console(width=100, no_color=True, record=True, file=io.StringIO())
    console.print(render_analysis(a))
    out = console.export_text()
    assert out.index("Fix first") < out.index("STAR timeline")
    assert out.count("the design team was always late") == 1
    assert "(quoted above)" in out


def test_the_html_report_and_show_start_with_the_same_points(tmp_path: Path):
    a = typed(tmp_path, "red_flags", "failure-time-you-failed").to_dict()
    page = render_html(a, None, "Answer", "")
    assert page.index('id="fix-first"') < page.index("STAR timeline")
    assert page.index("The fault lands on other people") < page.index("A virtue posed as a flaw")
    md = render_markdown(a, "Session", [])
    assert md.index("1. The fault lands on other people") < md.index("## Situation")


def test_the_what_worked_card_never_holds_only_crosses(tmp_path: Path):
    a = typed(tmp_path, "red_flags", "failure-time-you-failed").to_dict()
    page = render_html(a, None, "Answer", "")
    worked = page.split("<h2>What worked</h2>", 1)[1].split('<div class="card">', 1)[0]
    assert "✗" not in worked


def test_an_analysis_stored_before_the_ranking_gets_it_when_loaded(tmp_path: Path):
    d = typed(tmp_path, "red_flags").to_dict()
    del d["fix_first"]
    assert Analysis.from_dict(d).fix_first[0].kind == "blame_shifting"


@pytest.mark.slow
def test_the_real_model_on_the_red_flags_recording_ranks_blame_first():
    from starcoach.pipeline import analyze_file

    a = analyze_file(SAMPLES / "red_flags.flac", question_id="failure-time-you-failed")
    a = a.analysis if hasattr(a, "analysis") else a
    assert a.fix_first[0].kind == "blame_shifting"
    assert a.fix_first[0].quote.lower() in " ".join(w.text for w in a.words).lower()
    assert a.fix_first[0].at is not None and a.fix_first[0].at > 0
