"""The transcript on screen: timestamped lines, fillers dimmed, restored fillers in parentheses."""

from __future__ import annotations

import io

from rich.console import Console

from starcoach.report.transcript import phrases, render_transcript
from starcoach.types import Transcript, Word

WORDS = (
    Word("So", 0.5, 0.7),
    Word("um,", 0.8, 1.1),
    Word("I", 1.2, 1.3),
    Word("shipped", 1.3, 1.7),
    Word("it.", 1.7, 1.9),
    Word("uh", 2.3, 2.6, probability=0.7, recovered=True),
    Word("Late", 4.0, 4.4),
    Word("but", 4.4, 4.6),
    Word("whole.", 4.6, 5.0),
)


def plain(renderable, color: bool = False) -> str:
    buf = io.StringIO()
    Console(file=buf, width=160, force_terminal=color, no_color=not color,
            color_system="standard" if color else None).print(renderable)
    return buf.getvalue()


def test_lines_break_at_sentence_ends_and_long_pauses() -> None:
    lines = phrases(WORDS)
    assert [[w.text for w in line] for line in lines] == [
        ["So", "um,", "I", "shipped", "it."], ["uh"], ["Late", "but", "whole."]]


def test_plain_output_has_times_and_marks_restored_fillers() -> None:
    t = Transcript(words=WORDS, duration_s=65.2, model="tiny.en")
    assert plain(render_transcript(t)).splitlines() == [
        "[0:00.5] So um, I shipped it.",
        "[0:02.3] (uh)",
        "[0:04.0] Late but whole.",
        "",
        "9 words, 2 filled pauses (1 restored from the audio, shown in parentheses); "
        "1:05.2 of audio; model tiny.en",
    ]


def test_on_a_color_terminal_fillers_are_dimmed() -> None:
    t = Transcript(words=WORDS, duration_s=6.0, model="tiny.en")
    out = plain(render_transcript(t), color=True)
    assert "\x1b[2mum,\x1b[0m" in out
    assert "\x1b[0mshipped" not in out.replace(" ", "")  # ordinary words stay undimmed


def test_a_long_sentence_is_split_so_no_line_wraps_at_80_columns() -> None:
    words = tuple(Word(f"word{i:02d}", i * 0.3, i * 0.3 + 0.25) for i in range(40))
    t = Transcript(words=words, duration_s=13.0, model="tiny.en")
    lines = plain(render_transcript(t)).splitlines()[:-2]
    assert len(lines) >= 5
    assert all(len(line) <= 80 and line.startswith("[") for line in lines)
    assert " ".join(line.split("] ", 1)[1] for line in lines).split() == [w.text for w in words]


def test_on_a_60_column_terminal_every_line_still_starts_with_its_time() -> None:
    words = tuple(Word(f"word{i:02d}", i * 0.3, i * 0.3 + 0.25) for i in range(40))
    t = Transcript(words=words, duration_s=13.0, model="tiny.en")
    buf = io.StringIO()
    Console(file=buf, width=60, no_color=True).print(render_transcript(t, width=60))
    lines = buf.getvalue().splitlines()[:-2]
    assert all(len(line) <= 60 and line.startswith("[") for line in lines)
    assert " ".join(line.split("] ", 1)[1] for line in lines).split() == [w.text for w in words]
