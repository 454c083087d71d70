"""Review commands on a real session database: history, show, progress, reanalyze, export."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from _sessiondata import build

from starcoach.analysis.model import ANALYZER_VERSION as V
from starcoach.audio.decode import load_audio
from starcoach.sessions import review
from starcoach.sessions.store import open_store
from starcoach.types import Transcript

QID = "failure-time-you-failed"
QUESTION = {"id": QID, "text": "Tell me about a time you failed."}


def run_cli(*args: str, columns: str | None = "120") -> subprocess.CompletedProcess[str]:
    """The real command, plain; ``columns=None`` is a pipe with no terminal width set."""
    return subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                          text=True, timeout=300, env=_env(columns))


def _env(columns: str | None) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return {**env, "NO_COLOR": "1", **({"COLUMNS": columns} if columns else {})}


@pytest.fixture
def jfk(real_speech: Path) -> Path:
    return real_speech / "fw_jfk.flac"


@pytest.fixture
def three_attempts(jfk: Path) -> list[str]:
    """Three attempts at one question, fewer fillers each time, and one at another question."""
    ids = []
    with open_store() as store:
        for fillers in ((1, 8), (1,), ()):
            t, a = build(fillers=fillers, question=QUESTION)
            ids.append(store.save_session(jfk, t, a, question_id=QID))
        t, a = build(flags=())
        store.save_session(jfk, t, a, question_id="conflict-2")
    return ids


def test_history_lists_each_session_with_its_key_numbers(three_attempts: list[str]) -> None:
    result = run_cli("history", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows[:3]] == three_attempts
    first = rows[0]
    assert first["question_id"] == "failure-time-you-failed"
    assert first["question"] == QUESTION["text"]
    assert first["duration_s"] == 11.0  # the recording
    assert first["length_s"] == 9.88  # the answer: first word to last, as the report says
    assert first["wpm"] == pytest.approx(133.6, abs=0.1)  # 22 words over 9.88 s of speech
    assert [r["fillers_per_min"] for r in rows[:3]] == [12.15, 6.07, 0.0]
    assert first["red_flags"] == ["blame_shifting", "no_learning"]
    assert rows[3]["red_flags"] == ["no_learning"]

    table = run_cli("history").stdout
    lines = table.splitlines()
    assert lines[0].split() == ["ID", "Date", "Question", "Length", "WPM", "Fillers/min", "Flags"]
    assert lines[1].split()[0] == three_attempts[0]
    assert lines[1].split()[3:] == [QID, "0:10", "134", "12.2", "2:", "blame", "shifting", "+1"]
    assert lines[4].split()[-3:] == ["1:", "no", "learning"]


def test_history_for_one_question_shows_only_its_attempts(three_attempts: list[str]) -> None:
    rows = json.loads(run_cli("history", "--question", "conflict-2", "--json").stdout)
    assert [r["question_id"] for r in rows] == ["conflict-2"]


def test_show_on_a_narrow_terminal_wraps_each_sentence_under_its_own_text(
    three_attempts: list[str],
) -> None:
    result = run_cli("show", three_attempts[0], columns="40")
    lines = result.stdout.splitlines()
    assert all(len(line) <= 40 and line == line.rstrip() for line in lines)
    at = lines.index("  [0:05] «what [your] country»⚑1 can do")
    assert lines[at + 1] == "         for you,"
    advice = lines.index("    ⚑1 blame shifting: Advice about")
    assert lines[advice + 1] == "       blame shifting."


def test_history_on_a_narrow_terminal_keeps_every_question_id_and_number_whole(
    three_attempts: list[str],
) -> None:
    result = run_cli("history", columns="60")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert lines[0].startswith(f"{three_attempts[0]}  ") and lines[0].endswith(f"  {QID}")
    assert " ".join(" ".join(lines[1:3]).split()) == (
        "0:10 · 134 wpm · 12.2 fillers/min · flags 2: blame shifting +1")


def test_history_into_a_pipe_is_one_whole_line_a_session(three_attempts: list[str]) -> None:
    result = run_cli("history", columns=None)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "Date", "Question", "Length", "WPM", "Fillers/min", "Flags"]
    assert len(lines) == 5
    assert lines[1].split()[3:] == [QID, "0:10", "134", "12.2", "2:", "blame", "shifting", "+1"]


def test_history_with_no_sessions_says_how_to_make_one() -> None:
    result = run_cli("history")
    assert (result.returncode, result.stdout) == (0, "")
    assert "starcoach analyze FILE --save" in result.stderr


def test_history_for_a_question_never_answered_names_the_question(
    three_attempts: list[str],
) -> None:
    result = run_cli("history", "--question", "conflict-difficult-stakeholder")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == ("No saved sessions for question 'conflict-difficult-stakeholder' yet: "
                             "`starcoach analyze FILE --save` or `starcoach practice` saves one.\n")


def test_show_reads_the_answer_under_star_headings_with_fillers_flags_and_pauses(
    three_attempts: list[str],
) -> None:
    result = run_cli("show", three_attempts[0])
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[1] == f"Question: {QUESTION['text']}"
    assert out[2] == "Length 0:10 · 134 wpm · 12.2 fillers/min · 2 red flag(s) · analyzer v1"
    headings = [line for line in out if line[:1].isupper() and "–" in line]
    assert headings == ["SITUATION  0:00–0:04  (3 s, 33%)", "TASK  0:04–0:05  (1 s, 14%)",
                        "ACTION  0:05–0:08  (3 s, 26%)", "RESULT  0:08–0:10  (3 s, 26%)"]
    assert "  [0:00] And [so,] my fellow Americans," in out
    assert "        ⏸ pause 1.4 s" in out  # the long pause closes the situation
    assert out.index("        ⏸ pause 1.4 s") < out.index("TASK  0:04–0:05  (1 s, 14%)")
    assert "  [0:05] «what [your] country»⚑1 can do for you," in out
    assert "    ⚑1 blame shifting: Advice about blame shifting." in out
    assert "  ⚑ no learning: Advice about no learning." in out


def test_show_markdown_is_notes_ready(three_attempts: list[str]) -> None:
    md = run_cli("show", three_attempts[1], "--markdown").stdout
    assert md.startswith(f"# Session {three_attempts[1]} · ")
    assert "## Situation  0:00–0:04  (3 s, 33%)\n\n`0:00` And *so,* my fellow Americans, " \
           "*(⏸ 1.4 s pause)*\n" in md
    assert "`0:05` **what your country** can do for you,\n" in md
    flag = "> ⚑ **blame shifting** (0:05): “what your country” — Advice about blame shifting."
    assert flag in md
    assert md.endswith("## Not in the answer\n\n- ⚑ **no learning**: Advice about no learning.\n")


def test_show_json_is_the_whole_stored_session(three_attempts: list[str]) -> None:
    data = json.loads(run_cli("show", three_attempts[2], "--json").stdout)
    assert data["id"] == three_attempts[2]
    assert data["audio"] == f"{three_attempts[2]}.flac"
    assert data["analysis"]["schema"] == "starcoach.analysis/1"
    assert len(data["transcript"]["words"]) == 22


def test_show_refuses_two_output_formats_at_once(three_attempts: list[str]) -> None:
    result = run_cli("show", three_attempts[0], "--json", "--markdown")
    assert (result.returncode, result.stderr) == (
        2, "error: choose one of --json and --markdown\n")


def test_progress_compares_the_last_attempt_with_the_previous_and_the_average(
    three_attempts: list[str],
) -> None:
    data = json.loads(run_cli("progress", "--question", QID, "--json").stdout)
    assert data["attempts"] == 3 and data["ids"] == three_attempts
    fillers = next(m for m in data["metrics"] if m["metric"] == "Fillers/min")
    assert fillers["values"] == [12.15, 6.07, 0.0]
    assert (fillers["last"], fillers["previous"], fillers["average"]) == (0.0, 6.07, 6.07)
    assert review.sparkline(fillers["values"]) == "█▄▁"

    out = run_cli("progress", "--question", QID).stdout.splitlines()
    row = next(line for line in out if line.startswith("Fillers/min"))
    assert row.split() == ["Fillers/min", "█▄▁", "0.0", "6.1", "6.1", "-6.1", "better",
                           "-6.1", "better"]
    assert [m["vs_previous"] for m in data["metrics"]] == [
        "better", "same", "same", "same", "same"]
    bars = [line for line in out if line.startswith(tuple(three_attempts))]
    assert len(bars) == 3
    # shares 33.4%, 14.2%, 26.3%, 26.1% of a 40-column bar
    assert bars[0].split()[1] == "S" * 13 + "T" * 6 + "A" * 11 + "R" * 10


def test_progress_without_attempts_says_the_next_step_as_history_does() -> None:
    """No attempts yet is not an error: progress answers as history does, exit status 0."""
    for command in ("progress", "history"):
        result = run_cli(command, "--question", " Conflict-Difficult-Stakeholder ")
        assert (result.returncode, result.stdout) == (0, ""), command
        assert result.stderr == ("No saved sessions for question 'conflict-difficult-stakeholder'"
                                 " yet: `starcoach "
                                 "analyze FILE --save` or `starcoach practice` saves one.\n")
    data = json.loads(run_cli("progress", "--json").stdout)
    assert (data["attempts"], data["metrics"]) == (0, [])


def test_reanalyze_replaces_the_analysis_from_the_stored_transcript_and_audio(
    three_attempts: list[str],
) -> None:
    from starcoach.pipeline import analyze_transcript

    with open_store() as store:
        before = store.get(three_attempts[0])
    result = run_cli("reanalyze", three_attempts[0])
    assert result.returncode == 0, result.stderr
    with open_store() as store:
        after = store.get(three_attempts[0])
    expected = analyze_transcript(Transcript.from_dict(before.transcript),
                                  load_audio(before.audio_path), QID).to_dict()
    assert after.analysis == json.loads(json.dumps(expected))
    assert after.analysis != before.analysis  # the hand-made flags are gone
    assert after.transcript == before.transcript
    assert after.analyzer_version == expected["analyzer_version"]
    assert after.analyzed_at > before.analyzed_at
    assert result.stderr == (f"{after.id}: re-analyzed (analyzer v{before.analyzer_version} "
                             f"-> v{after.analyzer_version})\n")


def test_reanalyze_all_touches_every_session(three_attempts: list[str]) -> None:
    result = run_cli("reanalyze", "--all")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "4 session(s) re-analyzed."


def test_reanalyze_without_the_audio_file_still_works_and_says_so(
    three_attempts: list[str],
) -> None:
    with open_store() as store:
        store.get(three_attempts[1]).audio_path.unlink()
    result = run_cli("reanalyze", three_attempts[1])
    assert (result.returncode, result.stderr) == (
        0, f"{three_attempts[1]}: re-analyzed (analyzer v{V} -> v{V}); its audio is missing, so "
           "pauses come from the gaps between words\n")


def test_reanalyze_needs_an_id_or_all() -> None:
    for args in (["reanalyze"], ["reanalyze", "abcd1234", "--all"]):
        result = run_cli(*args)
        assert (result.returncode, result.stderr) == (2, "error: give one session ID or --all\n")


def test_export_to_a_folder_writes_sessions_json_and_the_audio(
    three_attempts: list[str], starcoach_home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "backup"
    result = run_cli("export", str(out))
    assert (result.returncode, result.stderr) == (0, f"Exported 4 session(s) to {out}.\n")
    doc = json.loads((out / "sessions.json").read_text())
    assert doc["schema"] == "starcoach.sessions/1"
    assert [s["id"] for s in doc["sessions"]][:3] == three_attempts
    for s in doc["sessions"]:
        copied = out / "audio" / s["audio"]
        assert copied.read_bytes() == (starcoach_home / "audio" / s["audio"]).read_bytes()
    again = run_cli("export", str(out))
    assert (again.returncode, again.stderr) == (
        2, f"error: {out} already holds an export (sessions.json); give a new folder\n")


def test_export_to_a_zip_holds_the_same_sessions_and_audio(
    three_attempts: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "backup.zip"
    assert run_cli("export", str(out)).returncode == 0
    with zipfile.ZipFile(out) as zf:
        doc = json.loads(zf.read("sessions.json"))
        names = set(zf.namelist())
    assert len(doc["sessions"]) == 4
    assert names == {"sessions.json"} | {f"audio/{s['audio']}" for s in doc["sessions"]}


def test_progress_shows_red_flags_as_counts_and_fillers_always_with_one_decimal(
    three_attempts: list[str],
) -> None:
    out = run_cli("progress", "--question", QID).stdout.splitlines()
    flags = next(line for line in out if line.startswith("Red flags")).split()
    assert flags[3:6] == ["2", "2", "2"]  # last, previous, average: no "2.0"
    assert flags[6:] == ["+0", "same", "+0", "same"]
    assert review._fmt(13.0, "", "Fillers/min") == "13.0"
    assert review._fmt(4.5, "", "Red flags") == "4.5"


def test_progress_on_a_narrow_terminal_keeps_metric_names_and_numbers_whole(
    three_attempts: list[str],
) -> None:
    result = run_cli("progress", columns="60")
    lines = result.stdout.splitlines()
    assert any(line.split()[:3] == ["Metric", "Trend", "Last"] and "Previous" in line
               for line in lines)
    for name in ("Fillers/min", "Pace (wpm)", "Action share", "Red flags"):
        assert any(line.startswith(name + " ") for line in lines), name


def test_the_trend_shows_the_latest_twenty_attempts_after_many() -> None:
    import io

    from rich.console import Console

    values = [float(i % 7) for i in range(45)]
    metric = {"metric": "Fillers/min", "unit": "", "values": values, "last": values[-1],
              "previous": values[-2], "average": 3.0, "vs_previous": "worse",
              "vs_average": "worse"}
    buf = io.StringIO()
    Console(file=buf, width=100, no_color=True).print(review.progress_view(
        {"attempts": 45, "metrics": [metric], "balance": []}))
    lines = buf.getvalue().splitlines()
    assert lines[1].split()[:3] == ["Metric", "Last", "20"]
    assert lines[2].split()[1] == review.sparkline(values[-20:])


def test_a_number_inside_its_comfortable_band_is_as_good_as_any_other_inside() -> None:
    band = (110.0, 165.0)
    assert review.verdict(178, 132, band) == "worse"  # faster than the band
    assert review.verdict(140, 100, band) == "better"  # back inside it
    assert review.verdict(120, 150, band) == "same"  # both comfortable
    assert review.verdict(2.0, 5.0, None) == "better"  # fewer fillers
    assert review.verdict(2.0, None, None) == "-"


def test_export_refuses_a_folder_that_holds_other_files_and_accepts_an_empty_one(
    three_attempts: list[str], tmp_path: Path
) -> None:
    busy = tmp_path / "documents"
    busy.mkdir()
    (busy / "letter.txt").write_text("dear")
    result = run_cli("export", str(busy))
    assert (result.returncode, result.stderr) == (
        2, f"error: {busy} is a folder that is not empty; give a new or empty folder\n")
    assert sorted(p.name for p in busy.iterdir()) == ["letter.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("export", str(empty)).returncode == 0
    assert len(json.loads((empty / "sessions.json").read_text())["sessions"]) == 4


def test_one_length_everywhere_the_report_history_show_and_html(
    three_attempts: list[str], tmp_path: Path
) -> None:
    """The answer's length is computed once (Analysis.length_s): the report's Length, the
    history row, `show` and the HTML card all say the same m:ss."""
    from starcoach.analysis.model import Analysis
    from starcoach.types import clock

    sid = three_attempts[0]
    with open_store() as store:
        expected = clock(Analysis.from_dict(store.get(sid).analysis).length_s)
    assert f" {expected} " in run_cli("history").stdout.splitlines()[1]
    assert f"Length {expected} " in run_cli("show", sid).stdout
    page = tmp_path / "r.html"
    assert run_cli("report", sid, "--html", str(page)).returncode == 0
    html = page.read_text()
    assert f">{expected}<" in html.split("Length", 1)[1][:200]
