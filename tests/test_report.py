"""The terminal report and the Markdown export: what a person reads, with and without colour,
and the --json of a real run through the real command line."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console

from starcoach.analysis import analyze
from starcoach.analysis.model import SCHEMA, STAR_LABELS, Analysis
from starcoach.analysis.notes import clock
from starcoach.questions.bank import Question
from starcoach.report.terminal import analysis_markdown, render_analysis
from starcoach.types import SAMPLE_RATE, Transcript, Word

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "Um, so the situation was that our billing page went down every Friday night. "
    "My task was to find out why and to stop it. "
    "I I looked at the logs, and I found that a report job locked the orders table. "
    "I moved the job to a replica and I added an alert for long locks. "
    "As a result, the page has not gone down since, and errors fell by ninety percent. "
    "It was my mistake to skip the load test. I learned to check scheduled jobs first, "
    "and now I always do."
)
ANSI = "\x1b["


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    """A spoken answer at 150 wpm with a 2.5 s pause before the result, audio to match."""
    tokens = STORY.split()
    result_at = tokens.index("As")
    words, t = [], 0.5
    for i, tok in enumerate(tokens):
        words.append(Word(tok, t, t + 0.3))
        t += 0.4 + (2.5 if i == result_at - 1 else 0.0)
    duration = t + 0.5
    x = np.zeros(int(duration * SAMPLE_RATE), dtype=np.float32)
    for w in words:
        a, b = int(w.start * SAMPLE_RATE), int(w.end * SAMPLE_RATE)
        x[a:b] = 0.2 * np.sin(np.arange(b - a) * 2 * np.pi * 150 / SAMPLE_RATE)
    return analyze(Transcript(tuple(words), duration, source="answer.flac"), x,
                   question=Question(id="failure-time-you-failed",
                                     text="Tell me about a time you failed.", category="failure",
                                     look_for=()))


def render(a: Analysis, **console_args) -> str:
    out = io.StringIO()
    Console(file=out, width=100, **console_args).print(render_analysis(a))
    return out.getvalue()


def test_the_plain_report_has_the_key_numbers_timeline_table_and_findings(analysis):
    text = render(analysis, no_color=True)
    assert ANSI not in text
    lines = text.splitlines()
    assert any("Length" in ln and "Pace" in ln and "Fillers" in ln and "Red flags" in ln
               for ln in lines)
    assert "Question: Tell me about a time you failed." in text
    bar = next(ln for ln in lines if ln.startswith("SSS"))
    assert bar.rstrip() == bar and set(bar) == set("STAR")
    assert bar.index("T") < bar.index("A") < bar.index("R")
    assert abs(bar.count("A") / len(bar) - analysis.sections[2].share) < 0.03
    row = next(ln for ln in lines if ln.startswith("Situation") and "0:00-" in ln)
    s = analysis.sections[0]
    assert row.split()[1:4] == [f"0:00-{clock(s.end)}", f"{s.seconds:.0f}", f"{s.share:.0%}"]
    assert "Fillers: 2" in text and "  um ×1: 0:00" in text and "  so ×1: 0:01" in text
    assert '"i i" at ' in text
    assert "[x] Ownership" in text
    (pause,) = [ln for ln in lines if " s at " in ln]
    assert pause.strip().startswith("2.") and pause.endswith("between sections")
    assert "Notes" in text and any(ln.strip().startswith(("✓ Length", "! ")) for ln in lines)


def test_output_to_a_file_is_plain_without_asking(analysis):
    text = render(analysis)  # not a terminal: rich picks no colours by itself
    assert ANSI not in text and "SSS" in text


def test_a_colour_terminal_gets_coloured_blocks_instead_of_letters(analysis):
    text = render(analysis, force_terminal=True, color_system="truecolor")
    assert ANSI in text
    assert "SSSS" not in text and " Situation " in text


def test_a_typed_answer_reports_words_instead_of_seconds(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    from starcoach.transcribe.typed import read_text_transcript

    text = render(analyze(read_text_transcript(path)), no_color=True)
    assert "WPM" not in text and "Seconds" not in text and "Long pauses" not in text
    assert "words typed" in text and "~0:" in text


def test_a_stored_analysis_renders_the_same_as_the_original(analysis):
    again = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert render(again, no_color=True) == render(analysis, no_color=True)


def test_the_markdown_export_has_the_table_timeline_and_lists(analysis):
    md = analysis_markdown(analysis)
    assert md.startswith("# Answer analysis\n")
    assert "| Section | Time | Seconds | Share | Target | Words | WPM | Fillers |" in md
    assert sum(1 for ln in md.splitlines() if ln.startswith(("| Situation", "| Task",
                                                             "| Action", "| Result"))) == 4
    assert "Timeline: `S" in md and "## Fillers (2)" in md and "- um ×1: 0:00" in md
    assert "## Notes" in md and ANSI not in md


def run_in_pty(args: list[str], env: dict[str, str]) -> str:
    """Run the command on a pseudo-terminal, as a person at a terminal would; return output."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "starcoach", *args], stdout=follower,
                            stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode()


def test_no_color_on_a_terminal_prints_no_escape_codes_at_all(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(STORY)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = run_in_pty(["analyze", "--text", str(path)], {**env, "TERM": "xterm-256color"})
    plain = run_in_pty(["analyze", "--text", str(path)],
                       {**env, "TERM": "xterm-256color", "NO_COLOR": "1"})
    assert ANSI in coloured
    assert ANSI not in plain and "SSS" in plain and "Red flags" in plain


@pytest.mark.slow
def test_the_json_of_a_real_run_keeps_the_schema_and_its_invariants():
    """The real model on the bundled clean STAR answer, through the real command."""
    sample = ROOT / "samples" / "clean_star.flac"
    r = subprocess.run([sys.executable, "-m", "starcoach", "analyze", str(sample), "--json"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["schema"] == SCHEMA and d["timed"] is True
    duration = d["duration_s"]
    assert abs(duration - json.loads(sample.with_suffix(".json").read_text())["duration_s"]) < 0.1
    for key, kind in [("words", list), ("sections", list), ("missing", list), ("fillers", list),
                      ("disfluencies", list), ("pauses", list), ("red_flags", list),
                      ("strengths", list), ("pace", dict), ("options", dict)]:
        assert isinstance(d[key], kind), key
    assert all(isinstance(w["text"], str) and 0 <= w["start"] <= w["end"] <= duration + 0.01
               for w in d["words"])
    secs = d["sections"]
    assert [s["label"] for s in secs] == list(STAR_LABELS) and d["missing"] == []
    assert secs[0]["first_word"] == 0 and secs[-1]["last_word"] == len(d["words"]) - 1
    for s, nxt in zip(secs, secs[1:], strict=False):
        assert nxt["first_word"] == s["last_word"] + 1 and abs(nxt["start"] - s["end"]) < 0.011
    for s in secs:
        assert set(s) >= {"label", "start", "end", "seconds", "share", "words", "wpm", "fillers"}
        assert 0 <= s["start"] <= s["end"] <= duration + 0.01
    assert sum(s["share"] for s in secs) == pytest.approx(1.0, abs=0.01)
    # The clean answer has no fillers, no red flags, and a pace inside or near the band.
    assert d["fillers"] == [] and d["red_flags"] == []
    assert set(d["pace"]) == {"wpm", "articulation_wpm", "fillers_per_min", "windows"}
    assert 120 < d["pace"]["wpm"] < 200 and d["pace"]["articulation_wpm"] >= d["pace"]["wpm"]
    assert all(0 <= p["start"] < p["end"] <= duration for p in d["pauses"])
    assert d["options"]["long_pause_s"] == 2.0


def test_a_narrow_terminal_wraps_long_lines_under_their_text_without_trailing_spaces(analysis):
    text = render(analysis, no_color=True)
    narrow = io.StringIO()
    Console(file=narrow, width=48, no_color=True).print(render_analysis(analysis))
    lines = narrow.getvalue().splitlines()
    assert all(len(ln) <= 48 for ln in lines)
    notes = lines[lines.index("Notes") + 1:]
    assert all(ln == ln.rstrip() for ln in notes)
    assert all(ln.startswith(("  ✓ ", "  ! ", "    ")) for ln in notes)
    assert len(notes) > len(text.splitlines()[text.splitlines().index("Notes") + 1:])


def test_a_recording_analyzed_without_its_audio_says_pauses_were_not_measured(analysis):
    again = analyze(Transcript(analysis.words, analysis.duration_s))
    assert again.extra["pauses_measured"] is False and again.pauses == ()
    assert "not measured: no audio" in render(again, no_color=True)
    assert "pauses_measured" not in analysis.extra


def test_the_header_and_the_notes_quote_the_same_figures(analysis):
    import re

    text = render(analysis, no_color=True)
    header_wpm = re.search(r"│ .*?(\d+) wpm", text).group(1)
    note_wpm = re.search(r"(?:Pace OK|Slow|Fast): (\d+) wpm", text).group(1)
    assert header_wpm == note_wpm
    header_rate = re.search(r"(\d+\.\d)/min", text).group(1)
    notes = text.split("Notes")[1]
    note_rate = re.search(r"(\d+\.\d)(?: fillers)? a minute", notes)
    assert header_rate == note_rate.group(1)


def test_pace_windows_outside_the_band_are_marked(analysis):
    from starcoach.report.terminal import pace_line

    d = analysis.to_dict()
    d["pace"]["windows"] = [{"start": 0, "end": 10, "wpm": 180}, {"start": 10, "end": 20,
                                                                  "wpm": 100},
                            {"start": 20, "end": 30, "wpm": 140}]
    line = pace_line(Analysis.from_dict(d))
    assert line == "by 10 s: 180↑ 100↓ 140 wpm (↑ over 165, ↓ under 110)"
    assert line in analysis_markdown(Analysis.from_dict(d))


def test_the_timeline_names_each_block_in_full_or_by_its_letter(analysis):
    """An answer that goes back to action after a result: six blocks, some narrow."""
    d = analysis.to_dict()
    shares = [("situation", 0.28), ("task", 0.10), ("action", 0.20), ("result", 0.16),
              ("action", 0.19), ("result", 0.07)]
    t, secs = d["speech_start"], []
    for label, share in shares:
        seconds = share * d["speaking_s"]
        secs.append({**d["sections"][0], "label": label, "start": t, "end": t + seconds,
                     "share": share})
        t += seconds
    d["sections"] = secs
    out = io.StringIO()
    Console(file=out, width=60, no_color=True).print(render_analysis(Analysis.from_dict(d)))
    lines = out.getvalue().splitlines()
    bar = next(ln for ln in lines if ln.startswith("SSS"))
    labels = lines[lines.index(bar) - 1]
    assert all(tok in ("Situation", "Task", "Action", "Result", "S", "T", "A", "R")
               for tok in labels.split())
    assert labels.split()[0] == "Situation" and labels.split()[-1] in ("Result", "R")
    assert [c for i, c in enumerate(bar) if i == 0 or bar[i - 1] != c] == list("STARAR")


def test_the_header_names_a_long_source_by_its_file_name_and_never_reads_it_as_markup(
    analysis,
):
    import dataclasses

    long = "/home/me/.local/share/starcoach/recordings/2026-11-29/232725-failure-time.flac"
    for source, shown in ((long, "…/232725-failure-time.flac"),
                          ("takes/[2] answer.flac", "takes/[2] answer.flac")):
        a = dataclasses.replace(analysis, extra={**analysis.extra, "source": source})
        bottom = [ln for ln in render(a, no_color=True).splitlines() if ln.startswith("╰")][0]
        assert f" {shown} " in bottom
