"""An Analysis as Markdown, in the terminal report's order: for exports and notes."""

from __future__ import annotations

from starcoach.analysis.model import Analysis
from starcoach.report.fix_first import HEADING, NOTHING, point_lines, quoted_from
from starcoach.report.terminal import (
    HEADERS,
    UNTIMED_DROPS,
    at,
    filler_lines,
    finding_line,
    key_numbers,
    long_pauses,
    pace_line,
    shown_section_cells,
    theme_line,
    title,
)


def analysis_markdown(a: Analysis) -> str:
    """The report as Markdown (for exports and notes)."""
    lines = ["# Answer analysis", ""]
    if a.question:
        lines += [f"Question: *{a.question.get('text')}*", ""]
    lines += [" · ".join(f"**{name}** {value}" + (f" ({detail})" if detail else "")
                         for name, value, detail in key_numbers(a)), ""]
    lines += [f"## {HEADING}", ""]
    points = point_lines(a)
    for headline, evidence, change in points:
        lines += [f"{headline}  ", f"{evidence}  ", f"→ {change}", ""]
    if not points:
        lines += [NOTHING, ""]
    quoted = quoted_from(a)
    bar = "".join(s.label[0].upper() * max(1, round(s.share * 40)) for s in a.sections)
    lines += [f"Timeline: `{bar}`", ""]
    cols = [h for h in HEADERS if a.timed or h not in UNTIMED_DROPS]
    if not a.timed:
        cols[1] = "Word range"
    lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for s in a.sections:
        cells = shown_section_cells(a, s)
        lines.append("| " + " | ".join(cells) + " |")
    if a.missing:
        lines += ["", "Missing: " + ", ".join(title(m) for m in a.missing)]

    def section(heading: str, items: list[str], empty: str = "none") -> None:
        lines.extend(["", f"## {heading}", ""])
        lines.extend(f"- {i}" for i in items or [empty])

    section(f"Fillers ({len(a.fillers)})", filler_lines(a))
    section(f"Repeats and restarts ({len(a.disfluencies)})",
            [f"\"{d.text}\" at {at(a, d.start)} ({d.kind})" for d in a.disfluencies])
    section(f"Red flags ({len(a.red_flags)})",
            [f"{finding_line(a, f, quoted)}. {f.advice}" for f in a.red_flags])
    section(f"Strengths ({len(a.strengths)})",
            [finding_line(a, f, quoted) for f in a.strengths])
    section("Themes", [theme_line(t, quoted) for t in a.themes])
    if a.question_checks:
        section("The question asks for", [theme_line(t, quoted) for t in a.question_checks])
    if a.pace is not None:
        section("Pace", [f"{a.pace.wpm:.0f} wpm, {a.pace.articulation_wpm:.0f} without pauses",
                         pace_line(a)])
    if a.timed:
        section("Long pauses", long_pauses(a))
    section("Notes", [n.message for n in a.notes])
    return "\n".join(lines) + "\n"
