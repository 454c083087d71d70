"""An Analysis as a terminal report (rich renderables) and as Markdown. Never prints itself.

The report reads top to bottom in the order a coach would talk: the key numbers, the STAR
timeline, the sections, fillers, red flags, strengths, themes, pauses, then the notes. Without
colour (NO_COLOR, or output piped to a file) it stays readable: the timeline is drawn with the
letters S, T, A and R instead of coloured blocks, and nothing depends on colour alone.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from starcoach.analysis.model import Analysis, Finding, Section, ThemeCheck
from starcoach.report.fix_first import HEADING, NOTHING, Quoted, point_lines, quoted_from
from starcoach.types import clock

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

COLOURS = {"situation": "black on bright_blue", "task": "black on bright_magenta",
           "action": "black on bright_green", "result": "black on bright_yellow"}
MARK = {"ok": "✓", "low": "!", "high": "!"}
WHERE = {"between_sections": "between sections", "between_sentences": "between sentences",
         "mid_sentence": "mid-sentence"}


def title(name: str) -> str:
    return name.replace("_", " ").capitalize()


def at(a: Analysis, t: float | None) -> str:
    """A time as m:ss, or a word position for a typed answer."""
    if t is None:
        return "—"
    return clock(t) if a.timed else f"word {int(t) + 1}"


def target(a: Analysis, label: str) -> str:
    o = a.options
    return {"situation": f"S+T ≤{o.setup_max_share:.0%}", "task": f"S+T ≤{o.setup_max_share:.0%}",
            "action": f"~{o.action_target_share:.0%}",
            "result": f"~{o.result_target_share:.0%}"}.get(label, "")


def key_numbers(a: Analysis) -> list[tuple[str, str, str]]:
    """(name, value, detail) for the header: length, pace, fillers, red flags, strengths."""
    o = a.options
    length = next((n.message.split(":")[0] for n in a.notes if n.aspect == "length"), "")
    seconds = a.length_s
    verdict = length.replace("Length OK", "ok").lower()
    target = f"target {clock(o.target_min_s)}-{clock(o.target_max_s)}"
    if a.timed:
        out = [("Length", f"{clock(seconds)} {verdict}", target)]
    else:
        out = [("Length", f"~{clock(seconds)} {verdict}",
                f"{sum(s.words for s in a.sections)} words typed")]
    if a.pace is not None:
        band = ("slow" if a.pace.wpm < o.wpm_min else "fast" if a.pace.wpm > o.wpm_max
                else "ok")
        out.append(("Pace", f"{a.pace.wpm:.0f} wpm {band}",
                    f"band {o.wpm_min:.0f}-{o.wpm_max:.0f}"))
        out.append(("Fillers", f"{a.pace.fillers_per_min:.1f}/min", f"{len(a.fillers)} in all"))
    else:
        out.append(("Fillers", str(len(a.fillers)), ""))
    out.append(("Red flags", str(len(a.red_flags)), ""))
    out.append(("Strengths", str(len(a.strengths)), ""))
    return out


def pace_line(a: Analysis) -> str:
    """Words per minute in each window, with ↑ over the band and ↓ under it."""
    o = a.options

    def mark(wpm: float) -> str:
        return "↑" if round(wpm) > o.wpm_max else "↓" if round(wpm) < o.wpm_min else ""

    windows = " ".join(f"{w.wpm:.0f}{mark(w.wpm)}" for w in a.pace.windows) if a.pace else ""
    legend = [f"↑ over {o.wpm_max:.0f}" if "↑" in windows else "",
              f"↓ under {o.wpm_min:.0f}" if "↓" in windows else ""]
    legend_text = ", ".join(x for x in legend if x)
    return f"by {o.pace_window_s:.0f} s: {windows} wpm" + (f" ({legend_text})"
                                                            if legend_text else "")


def delivery_lines(a: Analysis) -> list[str]:
    """The voice: pitch range and variation, monotone stretches, sentence ends that fall away,
    statements that end on a rise, then the sections that differ from the answer."""
    d = a.delivery
    if d is None:
        return []
    f = d.answer
    out = [f"pitch range {f.range_st:.0f} semitones, variation {f.variation_st:.1f}"
           + (" — monotone: vary your pitch" if f.monotone else " — varied")]
    if d.monotone:
        out.append("monotone " + ", ".join(f"{clock(m.start)}-{clock(m.end)}"
                                           for m in d.monotone))
    if d.fading_ends:
        out.append(f"{len(d.fading_ends)} sentence end(s) fall away: "
                   + ", ".join(f"{_word(a, s.word_index)} at {clock(s.start)} "
                               f"(-{s.value:.0f} dB)" for s in d.fading_ends))
    if d.rising_ends:
        out.append(f"{len(d.rising_ends)} statement(s) end on a rise: "
                   + ", ".join(f"{_word(a, s.word_index)} at {clock(s.start)} "
                               f"(+{s.value:.0f} st)" for s in d.rising_ends))
    for s in d.sections:
        if s.monotone != f.monotone:
            out.append(f"{title(s.label)}: variation {s.variation_st:.1f}"
                       + (" (monotone)" if s.monotone else " (varied)"))
    return out


def _word(a: Analysis, index: int | None) -> str:
    if index is None or not 0 <= index < len(a.words):
        return "a word"
    return f'"{a.words[index].text.strip(".,!?;:")}"'


def value_style(name: str, value: str) -> str:
    """Colour for a header value: green when fine, yellow when off target, red for flags."""
    if name == "Red flags":
        return "bold red" if value != "0" else "bold green"
    if name in ("Length", "Pace"):
        return "bold green" if value.endswith(" ok") else "bold yellow"
    return "bold"


def filler_lines(a: Analysis) -> list[str]:
    counts = Counter(f.text for f in a.fillers)
    return [f"{word} ×{n}: " + ", ".join(at(a, f.start) for f in a.fillers if f.text == word)
            for word, n in counts.most_common()]


def finding_line(a: Analysis, f: Finding, quoted: Quoted | None = None) -> str:
    """A red flag or strength with its time and quote; a quote already shown above (in the
    fix-first points) is not repeated."""
    if f.start is None:
        return f"{title(f.category)} — {f.quote}"
    if quoted is not None and not quoted.fresh([f.quote]):
        return f"{title(f.category)} — at {at(a, f.start)} (quoted above)"
    return f"{title(f.category)} — at {at(a, f.start)}: \"{f.quote}\""


def theme_line(t: ThemeCheck, quoted: Quoted | None = None) -> str:
    """A theme or question check; met ones quote only words the report has not shown yet."""
    evidence = quoted.fresh(t.evidence) if quoted is not None and t.met else list(t.evidence)
    detail = "; ".join(f"\"{e}\"" for e in evidence) if t.met else t.hint
    if not t.met and t.name.lower() in t.hint.lower():
        detail = ""  # the hint only repeats the point
    return f"[{'x' if t.met else ' '}] {title(t.name)}" + (f" — {detail}" if detail else "")


def long_pauses(a: Analysis) -> list[str]:
    return [f"{p.seconds:.1f} s at {clock(p.start)}, {WHERE.get(p.where, p.where)}"
            for p in a.pauses if p.seconds >= a.options.long_pause_s]


def section_cells(a: Analysis, s: Section) -> list[str]:
    if a.timed:
        return [title(s.label), f"{clock(s.start)}-{clock(s.end)}", f"{s.seconds:.0f}",
                f"{s.share:.0%}", target(a, s.label), str(s.words), f"{s.wpm:.0f}",
                str(s.fillers)]
    return [title(s.label), f"{s.first_word + 1}-{s.last_word + 1}", "", f"{s.share:.0%}",
            target(a, s.label), str(s.words), "", str(s.fillers)]


HEADERS = ["Section", "Time", "Seconds", "Share", "Target", "Words", "WPM", "Fillers"]


class Timeline:
    """The STAR timeline bar: one block per section, as wide as its share of the answer."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis

    def widths(self, total: int) -> list[int]:
        secs = self.analysis.sections
        raw = [s.share * total for s in secs]
        widths = [max(1, int(r)) for r in raw]
        order = sorted(range(len(secs)), key=lambda i: raw[i] - int(raw[i]), reverse=True)
        for i in order[: max(0, total - sum(widths))]:
            widths[i] += 1
        while sum(widths) > total and max(widths) > 1:
            widths[widths.index(max(widths))] -= 1
        return widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        secs = self.analysis.sections
        total = max(len(secs), min(options.max_width, 100) - 2)
        widths = self.widths(total)
        plain = console.no_color or console.color_system is None
        if plain:
            labels, bar = Text(), Text()
            for k, (s, w) in enumerate(zip(secs, widths, strict=True)):
                name = title(s.label)
                room = w if k == len(secs) - 1 else w - 1  # a space between labels
                labels.append((name if len(name) <= room else name[0]).ljust(w))
                bar.append(s.label[0].upper() * w)
            labels.rstrip()
            yield labels
            yield bar
        else:
            bar = Text()
            for s, w in zip(secs, widths, strict=False):
                name = f" {title(s.label)} {s.share:.0%}"
                name = name if len(name) <= w else f" {s.label[0].upper()}"
                bar.append(name[:w].ljust(w), style=COLOURS.get(s.label, "reverse"))
            yield bar
        a = self.analysis
        left, right = at(a, a.speech_start), at(a, a.speech_end if a.timed else
                                                 a.sections[-1].last_word)
        yield Text(left + right.rjust(max(1, total - len(left))), style="dim")


class Indented:
    """Lines indented by two spaces; a long line wraps under its text, past its marker
    ("✓ ", "[x] "), with no padding at the end of lines."""

    def __init__(self, lines: list[str], style: str = "", indent: int = 2) -> None:
        self.lines, self.style, self.indent = lines, style, indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        import textwrap

        from rich.text import Text

        width = max(20, options.max_width)
        pad = " " * self.indent
        for line in self.lines:
            hang = 4 if line[:4] in ("[x] ", "[ ] ") else 2 if line[1:2] == " " else 0
            for part in textwrap.wrap(line, width, initial_indent=pad,
                                      subsequent_indent=pad + " " * hang) or [pad]:
                yield Text(part, style=self.style)


def indented(lines: list[str], style: str = "", indent: int = 2) -> Indented:
    return Indented(lines, style, indent)


UNTIMED_DROPS = ("Seconds", "WPM")  # a typed answer has no times to show


def shown_section_cells(a: Analysis, s: Section) -> list[str]:
    """The section table's cells for one section, without the timed ones for a typed answer."""
    cells = section_cells(a, s)
    if a.timed:
        return cells
    return [c for h, c in zip(HEADERS, cells, strict=False) if h not in UNTIMED_DROPS]


SOURCE_MAX = 48


def source_label(source: str | None):  # -> rich Text | None
    """The file under the report's header: the path as given, or ``…/NAME`` when it would not
    fit under the numbers (the border would cut it mid-name), never read as markup."""
    from rich.text import Text

    if not source:
        return None
    if len(source) > SOURCE_MAX:
        source = "…/" + source.replace("\\", "/").rsplit("/", 1)[-1]
    return Text(source)


def fix_first_block(a: Analysis) -> RenderableType:
    """The ranked points, each as a headline, its evidence and the change to make."""
    from rich.console import Group
    from rich.text import Text

    points = point_lines(a)
    if not points:
        return indented([NOTHING], "green")
    lines: list[RenderableType] = []
    for headline, evidence, change in points:
        lines += [Text("  " + headline, style="bold yellow"), indented([evidence], indent=5),
                  indented([f"→ {change}"], indent=5)]
    return Group(*lines)


def render_analysis(a: Analysis) -> RenderableType:
    """The whole report as one rich renderable."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    head = Table.grid(padding=(0, 3))
    numbers = key_numbers(a)
    for _ in numbers:
        head.add_column()
    head.add_row(*[Text(name, style="bold") for name, _, _ in numbers])
    head.add_row(*[Text(value, style=value_style(name, value)) for name, value, _ in numbers])
    head.add_row(*[Text(detail, style="dim") for _, _, detail in numbers])
    header: list[RenderableType] = [head]
    if a.question:
        header.append(Text(f"Question: {a.question.get('text')}", style="italic"))
    parts.append(Panel(Group(*header), title="starcoach · answer analysis",
                       subtitle=source_label(a.extra.get("source")), title_align="left",
                       expand=False))

    parts.append(Text(f"\n{HEADING}", style="bold"))
    parts.append(fix_first_block(a))
    parts.append(Text("\nSTAR timeline", style="bold"))
    parts.append(Timeline(a))
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for h in HEADERS:
        if a.timed or h not in UNTIMED_DROPS:
            table.add_column("Word range" if h == "Time" and not a.timed else h,
                             justify="left" if h in ("Section", "Time", "Target") else "right")
    for s in a.sections:
        cells = shown_section_cells(a, s)
        label = Text(cells[0], style=COLOURS.get(s.label, "").replace("black on ", ""))
        table.add_row(label, *cells[1:])
    parts.append(Text(""))
    parts.append(table)
    if a.missing:
        parts.append(Text("Missing: " + ", ".join(title(m) for m in a.missing), style="bold red"))

    def block(heading: str, lines: list[str], empty: str, style: str = "") -> None:
        parts.append(Text(f"\n{heading}", style="bold"))
        parts.append(indented(lines or [empty], style if lines else "dim"))

    rate = f" ({a.pace.fillers_per_min:.1f} a minute)" if a.pace else ""
    block(f"Fillers: {len(a.fillers)}{rate}", filler_lines(a), "none")
    block(f"Repeats and restarts: {len(a.disfluencies)}",
          [f"\"{d.text}\" at {at(a, d.start)} ({d.kind})" for d in a.disfluencies], "none")
    parts.append(Text(f"\nRed flags: {len(a.red_flags)}", style="bold"))
    quoted = quoted_from(a)
    for f in a.red_flags:
        parts.append(indented([f"✗ {finding_line(a, f, quoted)}"], "red"))
        parts.append(indented([f"→ {f.advice}"], indent=4))
    if not a.red_flags:
        parts.append(indented(["none"], "dim"))
    block(f"Strengths: {len(a.strengths)}",
          [f"✓ {finding_line(a, f, quoted)}" for f in a.strengths], "none found", style="green")
    block("Themes", [theme_line(t, quoted) for t in a.themes], "—")
    if a.question_checks:
        block("The question asks for", [theme_line(t, quoted) for t in a.question_checks], "—")
    if a.timed and a.pace is not None:
        block(f"Pace: {a.pace.wpm:.0f} wpm, {a.pace.articulation_wpm:.0f} without pauses",
              [pace_line(a)], "")
        block(f"Long pauses (≥ {a.options.long_pause_s:.1f} s)", long_pauses(a),
              "not measured: no audio" if a.extra.get("pauses_measured") is False else "none")
    if a.delivery is not None:
        block("Delivery", delivery_lines(a), "")
    block("Notes", [f"{MARK.get(n.status, '•')} {n.message}" for n in a.notes], "none")
    return Group(*parts)


def analysis_markdown(a: Analysis) -> str:
    """The report as Markdown (for exports and notes)."""
    from starcoach.report.markdown import analysis_markdown as render

    return render(a)
