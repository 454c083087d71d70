"""The transcript as the terminal shows it: one timestamped line per phrase, fillers dimmed.

A filler the model wrote is dimmed; one restored from a voiced gap in the audio is also put in
parentheses, "(uh)", so it stays visible as a guess when the output is plain (piped, NO_COLOR).
Returns rich renderables; never prints.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from starcoach.transcribe.filler_recovery import is_filled_pause
from starcoach.types import Transcript, Word, clock, ends_sentence

LINE_GAP_S = 1.0
"""A silence this long starts a new line."""
LINE_MAX_CHARS = 60
"""Lines stay under 80 columns with their timestamp, so a pipe or a narrow terminal never wraps
a line without its time."""




def phrases(words: tuple[Word, ...] | list[Word],
            max_chars: int = LINE_MAX_CHARS) -> list[list[Word]]:
    """Split words into display lines at sentence ends, long pauses, or about ``max_chars``."""
    lines: list[list[Word]] = []
    current: list[Word] = []
    for w in words:
        if current and (
            w.start - current[-1].end >= LINE_GAP_S
            or ends_sentence(current[-1].text)
            or sum(len(x.text) + 1 for x in current) + len(w.text) > max_chars
        ):
            lines.append(current)
            current = []
        current.append(w)
    if current:
        lines.append(current)
    return lines


def word_text(w: Word) -> Text:
    if w.recovered:
        return Text(f"({w.text})", style="dim italic")
    if is_filled_pause(w):
        return Text(w.text, style="dim")
    return Text(w.text)


def render_transcript(transcript: Transcript, width: int | None = None) -> Group:
    """Timestamped lines and a one-line summary; on a terminal ``width`` columns wide, the
    lines are cut shorter so that none wraps without its time."""
    max_chars = LINE_MAX_CHARS
    if width is not None:  # room left after the "[m:ss.s] " stamp (longer past 10 minutes)
        stamp = len(clock(transcript.duration_s, tenths=True))
        max_chars = max(20, min(max_chars, width - stamp - 3))
    rows: list[Text] = []
    for line in phrases(transcript.words, max_chars):
        row = Text()
        row.append(f"[{clock(line[0].start, tenths=True)}] ", style="cyan")
        for i, w in enumerate(line):
            if i:
                row.append(" ")
            row.append_text(word_text(w))
        rows.append(row)
    fillers = [w for w in transcript.words if is_filled_pause(w) or w.recovered]
    restored = sum(1 for w in fillers if w.recovered)
    summary = (
        f"{len(transcript.words)} words, {len(fillers)} filled "
        + ("pause" if len(fillers) == 1 else "pauses")
        + (f" ({restored} restored from the audio, shown in parentheses)" if restored else "")
        + f"; {clock(transcript.duration_s, tenths=True)} of audio"
        + f"; model {transcript.model or 'unknown'}"
    )
    rows.append(Text(""))
    rows.append(Text(summary, style="dim"))
    return Group(*rows)
