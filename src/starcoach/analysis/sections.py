"""STAR sections in time: the labeller's word spans made contiguous from the first word to the
last, with their shares, and each filler given the section it falls in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from starcoach.analysis.model import Filler, Section
from starcoach.types import Word


def build_sections(words: Sequence[Word], spans: Sequence[tuple[str, int, int]], start: float,
                   end: float, spoken: Sequence[int], found: Sequence[Filler], timed: bool,
                   quiet: Sequence[tuple[float, float]] = ()) -> list[Section]:
    """Sections from the labeller's word spans: contiguous in time from ``start`` to ``end``
    (each runs until the next begins), with shares of that time.

    A section starts halfway through the silence before its first word, so the silence is
    shared by the two sides: the silence measured in the audio (``quiet``) when there is one
    between the two words, else the gap between their timestamps, else the word's start.
    """
    total = max(end - start, 1e-9)
    spoken_set = set(spoken)
    cuts = [_cut(words[a - 1], words[a], quiet) for _, a, _ in spans[1:]]
    bounds = [start] + [max(start, min(end, c)) for c in cuts] + [end]
    for k in range(1, len(bounds)):
        bounds[k] = max(bounds[k], bounds[k - 1])  # never backwards, even with odd timestamps
    sections = []
    for (label, a, b), t0, t1 in zip(spans, bounds[:-1], bounds[1:], strict=False):
        n = sum(1 for i in range(a, b + 1) if i in spoken_set)
        seconds = t1 - t0
        sections.append(Section(
            label=label, start=t0, end=t1, first_word=a, last_word=b, words=n,
            wpm=n / seconds * 60.0 if timed and seconds > 0 else 0.0,
            fillers=sum(1 for f in found if a <= f.word_index <= b),
            share=seconds / total,
        ))
    return sections


def _cut(before: Word, after: Word, quiet: Sequence[tuple[float, float]]) -> float:
    """Where a section boundary between two words goes (see build_sections)."""
    # Whisper stretches a word over the silence after it, or starts the next one early, so the
    # audio's silence is looked for anywhere from the start of one word to the end of the next.
    inside = [(a, b) for a, b in quiet
              if before.start <= a < after.start and b <= after.end + 0.05]
    if inside:
        a, b = max(inside, key=lambda q: q[1] - q[0])
        return (a + b) / 2
    if before.end < after.start:
        return (before.end + after.start) / 2
    return after.start


def assign_sections(found: Sequence[Filler], sections: Sequence[Section]) -> list[Filler]:
    out = []
    for f in found:
        label = next((s.label for s in sections if s.first_word <= f.word_index <= s.last_word),
                     None)
        out.append(replace(f, section=label))
    return out
