"""A saved answer as something to read: the transcript under STAR headings, with times.

``annotate()`` turns an analysis dict (``Analysis.to_dict()``) into blocks of tokens (words
marked as filler or red-flag quote, long pauses in place); the terminal view, the Markdown
export and the HTML report all draw from it, so they agree on what is highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from starcoach.report.fix_first import HEADING, NOTHING, point_lines
from starcoach.types import clock, ends_sentence


@dataclass
class Token:
    kind: str  # "word" or "pause"
    text: str
    start: float
    end: float
    index: int = -1  # word index; -1 for a pause
    filler: bool = False
    flag: int | None = None  # index into analysis["red_flags"]
    new_line: bool = False  # a line starts here: show its time
    filler_start: bool = False  # first word of a filler ("you" of "you know")
    filler_end: bool = False  # last word of a filler


@dataclass
class Block:
    section: dict[str, Any] | None
    tokens: list[Token] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)  # red flags quoted in this block
    numbers: dict[int, int] = field(default_factory=dict)
    """Red flag index -> the number shown (⚑1, ⚑2...), counted in order of appearance."""


def flag_word_range(flag: dict[str, Any], words: list[dict[str, Any]]) -> range:
    """Which words a red flag quotes: from its word index for as many words as the quote has,
    else by its time span; empty for flags about something absent."""
    size = max(1, len(str(flag.get("quote", "")).split()))
    if flag.get("word_index") is not None:
        i = int(flag["word_index"])
        stop = min(len(words), i + size)
        if flag.get("end") is not None:  # a quote may carry a note: "we ... (\"we\" 5x)"
            while stop > i + 1 and words[stop - 1]["start"] >= float(flag["end"]):
                stop -= 1
        return range(i, stop)
    if flag.get("start") is None:
        return range(0)
    start = float(flag["start"])
    end = float(flag.get("end") or start)
    hits = [i for i, w in enumerate(words) if w["start"] >= start - 0.05 and w["end"] <= end + 0.05]
    if not hits:
        nearest = min(range(len(words)), key=lambda i: abs(words[i]["start"] - start), default=None)
        hits = [] if nearest is None else [nearest]
    return range(hits[0], hits[-1] + 1) if hits else range(0)


def long_pauses(a: dict[str, Any]) -> list[dict[str, Any]]:
    threshold = float((a.get("options") or {}).get("long_pause_s", 2.0))
    return [p for p in a.get("pauses", []) if p["seconds"] >= threshold - 1e-6]


def annotate(a: dict[str, Any]) -> list[Block]:
    words = a.get("words", [])
    filler_of: dict[int, int] = {}
    for n, f in enumerate(a.get("fillers", [])):
        if f.get("word_index") is not None:  # "you know" spans two words
            for i in range(f["word_index"], f["word_index"] + max(1, len(f["text"].split()))):
                filler_of.setdefault(i, n)
    flag_of: dict[int, int] = {}
    for n, flag in enumerate(a.get("red_flags", [])):
        for i in flag_word_range(flag, words):
            flag_of.setdefault(i, n)
    pauses = sorted(long_pauses(a), key=lambda p: p["start"])
    section_of: dict[int, int] = {}
    for n, sec in enumerate(a.get("sections", [])):
        for i in range(sec["first_word"], sec["last_word"] + 1):
            section_of[i] = n
    blocks: list[Block] = []
    current: int | None = -1
    line_break = True
    for i, w in enumerate(words):
        while blocks and pauses and pauses[0]["start"] <= w["start"]:
            p = pauses.pop(0)  # a pause belongs to the section it ends
            blocks[-1].tokens.append(Token("pause", f"{p['seconds']:.1f} s", p["start"], p["end"]))
            line_break = True
        sec = section_of.get(i)
        if sec != current or not blocks:
            blocks.append(Block(a["sections"][sec] if sec is not None else None))
            current, line_break = sec, True
        block = blocks[-1]
        while pauses and pauses[0]["start"] <= w["start"]:  # silence before the first word
            p = pauses.pop(0)
            block.tokens.append(Token("pause", f"{p['seconds']:.1f} s", p["start"], p["end"]))
        fill = filler_of.get(i)
        tok = Token("word", w["text"], w["start"], w["end"], i, fill is not None, flag_of.get(i),
                    line_break, fill is not None and filler_of.get(i - 1) != fill,
                    fill is not None and filler_of.get(i + 1) != fill)
        block.tokens.append(tok)
        if tok.flag is not None and tok.flag not in block.flags:
            block.flags.append(tok.flag)
        line_break = ends_sentence(w["text"])
    for p in pauses:  # silence after the last word
        if blocks:
            blocks[-1].tokens.append(Token("pause", f"{p['seconds']:.1f} s", p["start"], p["end"]))
    numbers: dict[int, int] = {}
    for block in blocks:
        for n in block.flags:
            numbers.setdefault(n, len(numbers) + 1)
        block.numbers = numbers
    return blocks


def section_title(sec: dict[str, Any] | None) -> str:
    if sec is None:
        return "Outside the STAR sections"
    return (f"{sec['label'].capitalize()}  {clock(sec['start'])}–{clock(sec['end'])}"
            f"  ({sec['seconds']:.0f} s, {sec['share'] * 100:.0f}%)")


def flag_name(category: str) -> str:
    return category.replace("_", " ")


def absent_flags(a: dict[str, Any]) -> list[dict[str, Any]]:
    words = a.get("words", [])
    return [f for f in a.get("red_flags", []) if not flag_word_range(f, words)]


class Hanging:
    """A line that starts with ``first`` and wraps ``body`` under its own text, not back at
    the left margin, with no padding at the end of lines."""

    def __init__(self, first: Any, body: Any) -> None:  # rich Text, rich Text
        self.first, self.body = first, body

    def __rich_console__(self, console: Any, options: Any):  # -> rich RenderResult
        from rich.text import Text

        indent = self.first.cell_len
        for i, line in enumerate(self.body.wrap(console, max(20, options.max_width - indent))):
            line.rstrip()
            yield Text.assemble(self.first if i == 0 else " " * indent, line)


def render_terminal(a: dict[str, Any], header: list[str]):  # -> rich renderable
    """Fillers in [brackets], red-flag quotes in «guillemets»: readable without colour too.
    Each sentence starts with its time and wraps under its own text."""
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [Hanging(Text(""), Text(line, style="bold" if line is header[0] else ""))
                        for line in header]
    parts += [Text(""), Text(HEADING.upper(), style="bold")]
    for headline, evidence, change in point_lines(a) or [("", NOTHING, "")]:
        if headline:
            parts.append(Hanging(Text("  "), Text(headline, style="bold yellow")))
        parts.append(Hanging(Text("     "), Text(evidence)))
        if change:
            parts.append(Hanging(Text("     "), Text(f"→ {change}")))
    flags = a.get("red_flags", [])
    for block in annotate(a):
        title = section_title(block.section)
        label = block.section["label"] if block.section else ""
        parts += [Text(""), Text(label.upper() + title[len(label):], style="bold cyan"),
                  Text("")]
        prev_flag = None
        body: Text | None = None
        for k, tok in enumerate(block.tokens):
            if tok.kind == "pause":
                parts.append(Text(f"        ⏸ pause {tok.text}", style="dim"))
                body = None
                continue
            if tok.new_line or body is None:
                body = Text()
                parts.append(Hanging(Text(f"  [{clock(tok.start)}] ", style="dim"), body))
            else:
                body.append(" ")
            if tok.flag is not None and tok.flag != prev_flag:
                body.append("«", style="bold red")
            text = ("[" if tok.filler_start else "") + tok.text + ("]" if tok.filler_end else "")
            body.append(text, style="yellow" if tok.filler else ("bold red" if tok.flag is not None
                                                                 else ""))
            following = block.tokens[k + 1] if k + 1 < len(block.tokens) else None
            if tok.flag is not None and (following is None or following.flag != tok.flag):
                body.append(f"»⚑{block.numbers[tok.flag]}", style="bold red")
            prev_flag = tok.flag
        for n in block.flags:
            f = flags[n]
            parts.append(Hanging(Text(f"    ⚑{block.numbers[n]} ", style="bold red"),
                                 Text.assemble((f"{flag_name(f['category'])}: ", "bold red"),
                                               f.get("advice", ""))))
    absent = absent_flags(a)
    if absent or a.get("missing"):
        parts += [Text(""), Text("NOT IN THE ANSWER", style="bold")]
        for label in a.get("missing", []):
            parts.append(Text(f"  - no {label} section"))
        for f in absent:
            parts.append(Hanging(Text("  ⚑ "), Text(f"{flag_name(f['category'])}: "
                                                    f"{f.get('advice', '')}")))
    return Group(*parts)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_markdown(a: dict[str, Any], title: str, header: list[str]) -> str:
    flags = a.get("red_flags", [])
    lines = [f"# {md_escape(title)}", ""] + [md_escape(h) + "  " for h in header] + [""]
    lines += [f"## {HEADING}", ""]
    for headline, evidence, change in point_lines(a) or [("", NOTHING, "")]:
        lines += [md_escape(x) + "  " for x in (headline, evidence) if x]
        lines += [f"→ {md_escape(change)}", ""] if change else [""]
    lines.append("Fillers are in *italics*, red-flag quotes in **bold** (advice below each "
                 "section), long pauses marked ⏸.")
    for block in annotate(a):
        lines += ["", f"## {section_title(block.section)}", ""]
        para: list[str] = []
        prev_flag = None
        for k, tok in enumerate(block.tokens):
            if tok.kind == "pause":
                para.append(f"*(⏸ {tok.text} pause)*")
                continue
            if tok.new_line and para:
                lines.append(" ".join(para) + "  ")
                para = []
            text = md_escape(tok.text)
            text = ("*" if tok.filler_start else "") + text + ("*" if tok.filler_end else "")
            if tok.flag is not None and tok.flag != prev_flag:
                text = "**" + text
            if tok.flag is not None and (k + 1 == len(block.tokens)
                                         or block.tokens[k + 1].flag != tok.flag):
                text += "**"
            prev_flag = tok.flag
            para.append((f"`{clock(tok.start)}` " if tok.new_line else "") + text)
        if para:
            lines.append(" ".join(para))
        for n in block.flags:
            f = flags[n]
            when = "" if f.get("start") is None else f" ({clock(f['start'])})"
            quote, advice = md_escape(f.get("quote", "")), md_escape(f.get("advice", ""))
            name = flag_name(f["category"])
            lines += ["", f"> ⚑ **{name}**{when}: \u201c{quote}\u201d — {advice}"]
    absent = absent_flags(a)
    if absent or a.get("missing"):
        lines += ["", "## Not in the answer", ""]
        lines += [f"- no {label} section" for label in a.get("missing", [])]
        lines += [f"- ⚑ **{flag_name(f['category'])}**: {md_escape(f.get('advice', ''))}"
                  for f in absent]
    return "\n".join(lines) + "\n"
