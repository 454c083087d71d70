"""Analyses built directly from the analyzer's dataclasses, for the session and report tests.

The words follow the real recording fw_jfk.flac (11 s) closely enough that clicking a word in
the HTML report seeks into real audio; the STAR labels are assigned by hand.
"""

from __future__ import annotations

from starcoach.analysis.model import (
    Analysis,
    AnalysisOptions,
    Filler,
    Finding,
    Note,
    Pace,
    PaceWindow,
    Pause,
    Section,
)
from starcoach.serial import rounded
from starcoach.types import Transcript, Word

JFK_WORDS = [
    ("And", 0.3), ("so,", 0.6), ("my", 1.0), ("fellow", 1.4), ("Americans,", 1.8),
    ("ask", 3.6), ("not", 4.0), ("what", 5.0), ("your", 5.3), ("country", 5.6), ("can", 6.0),
    ("do", 6.3), ("for", 6.6), ("you,", 6.9), ("ask", 7.6), ("what", 8.0), ("you", 8.3),
    ("can", 8.5), ("do", 8.8), ("for", 9.2), ("your", 9.5), ("country.", 9.9),
]
JFK_SECTIONS = [("situation", 0, 4), ("task", 5, 6), ("action", 7, 13), ("result", 14, 21)]


def build(
    words: list[tuple[str, float]] | None = None,
    sections: list[tuple[str, int, int]] | None = None,
    fillers: tuple[int, ...] = (1,),
    flags: tuple[tuple[str, int, int], ...] = (("blame_shifting", 7, 3),),
    pauses: tuple[tuple[float, float], ...] = ((2.1, 3.55),),
    duration_s: float = 11.0,
    question: dict | None = None,
    absent: tuple[str, ...] = ("no_learning",),
) -> tuple[Transcript, Analysis]:
    """A transcript and its analysis. ``flags``: (category, first word, number of words)."""
    words = JFK_WORDS if words is None else words
    sections = JFK_SECTIONS if sections is None else sections
    ws = tuple(Word(t, s, s + 0.28) for t, s in words)
    speech = ws[-1].end - ws[0].start
    secs = []
    for n, (label, first, last) in enumerate(sections):
        start = ws[first].start
        end = ws[sections[n + 1][1]].start if n + 1 < len(sections) else ws[last].end
        nfill = sum(1 for i in fillers if first <= i <= last)
        count = last - first + 1
        secs.append(Section(label, start, end, first, last, count, count / (end - start) * 60,
                            nfill, (end - start) / speech))
    fill = tuple(Filler(ws[i].norm, ws[i].start, ws[i].end, "discourse", i) for i in fillers)
    found = [Finding(cat, " ".join(w.text for w in ws[i:i + n]), ws[i].start,
                     f"Advice about {cat.replace('_', ' ')}.", ws[i + n - 1].end, i)
             for cat, i, n in flags]
    found += [Finding(cat, "", None, f"Advice about {cat.replace('_', ' ')}.") for cat in absent]
    labels = {s[0] for s in sections}
    return (
        Transcript(words=ws, duration_s=duration_s, model="tiny.en", source="jfk.flac"),
        rounded(Analysis(
            duration_s=duration_s, speech_start=ws[0].start, speech_end=ws[-1].end,
            speaking_s=speech, words=ws,
            sections=tuple(secs),
            missing=tuple(x for x in ("situation", "task", "action", "result") if x not in labels),
            fillers=fill, disfluencies=(), pauses=tuple(Pause(a, b) for a, b in pauses),
            red_flags=tuple(found), strengths=(), themes=(),
            pace=Pace(len(ws) / speech * 60, len(ws) / speech * 66, len(fill) / speech * 60,
                      (PaceWindow(0, 5, 100.0), PaceWindow(5, 10, 150.0))),
            notes=(Note("length", "low", "Thin: under a minute."),),
            options=AnalysisOptions(long_pause_s=1.2), question=question,
        )),
    )
