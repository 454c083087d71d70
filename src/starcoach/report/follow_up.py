"""The follow-up question and its reply, for the terminal and for Markdown.

One block per follow-up: what was asked and why, the reply as heard (its length and fillers),
and whether it gave what was asked, with the words that show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starcoach.analysis.follow_up import Probe, Reply
from starcoach.analysis.model import Analysis
from starcoach.types import clock, printable

MAX_REPLY_WORDS = 80
"""A reply longer than this is shown cut, with its length: the full text is in `--json`."""


@dataclass(frozen=True)
class FollowUpView:
    """What a view shows of one follow-up."""

    probe: Probe
    reply: Reply
    analysis: Analysis

    @classmethod
    def from_stored(cls, stored: Any) -> FollowUpView:
        """From a ``StoredFollowUp`` (its JSON dicts)."""
        return cls(Probe.from_dict(stored.probe), Reply.from_dict(stored.reply),
                   Analysis.from_dict(stored.analysis))


def _heard(a: Analysis) -> str:
    words = [w.text for w in a.words]
    text = " ".join(words[:MAX_REPLY_WORDS]) + (" …" if len(words) > MAX_REPLY_WORDS else "")
    return printable(text).strip()


def _facts(a: Analysis) -> str:
    parts = [clock(a.length_s) if a.timed else f"{len(a.words)} words"]
    if a.fillers:
        parts.append(f"{len(a.fillers)} filler{'s' if len(a.fillers) != 1 else ''}")
    if a.pace is not None and a.timed:
        parts.append(f"{a.pace.wpm:.0f} wpm")
    return " · ".join(parts)


def lines(view: FollowUpView) -> list[tuple[str, str]]:
    """(style, text) lines of the block; the style is a name ``terminal`` and ``markdown``
    render their own way: heading, dim, quote, good, bad, plain."""
    p, r, a = view.probe, view.reply, view.analysis
    out = [("heading", f"Follow-up: {printable(p.prompt)}")]
    if p.because:
        out.append(("dim", f"Asked because: {printable(p.because)}"))
    heard = _heard(a)
    out.append(("plain", f"Your reply ({_facts(a)}):"))
    out.append(("quote", f"\"{heard}\"" if heard else "(nothing was heard)"))
    if r.answered:
        shown = "; ".join(f"\"{printable(e)}\"" for e in r.evidence)
        out.append(("good", f"Answered: {shown}" if shown else "Answered."))
    else:
        out.append(("bad", f"Not answered yet: {printable(r.hint)}"))
    return out


def render_terminal(view: FollowUpView) -> Any:
    from rich.text import Text  # plain text: no markup is read from the words

    styles = {"heading": "bold", "dim": "dim", "quote": "italic", "good": "green",
              "bad": "red", "plain": ""}
    text = Text()
    for style, line in lines(view):
        text.append(line + "\n", style=styles[style])
    text.rstrip()
    return text


def render_markdown(view: FollowUpView) -> list[str]:
    from starcoach.report.reading import md_escape

    out: list[str] = []
    for style, line in lines(view):
        if style == "heading":
            out += [f"## {md_escape(line)}", ""]
        elif style == "quote":
            out.append(f"> {md_escape(line)}")
            out.append("")
        elif style in ("good", "bad"):
            out.append(f"**{md_escape(line)}**")
        else:
            out.append(md_escape(line) + "  ")
    return out + [""]
