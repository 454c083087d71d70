"""What to fix first, as every view shows it, and the rule that a quote is shown only once.

The points come ranked from the analysis (``Analysis.fix_first``, see
``analysis.priorities``); this module only words them. ``Quoted`` remembers the words a
report has quoted, so strengths, themes and question checks that rest on the same words do
not quote them again.
"""

from __future__ import annotations

import re
from typing import Any

from starcoach.types import clock

HEADING = "Fix first"
NOTHING = ("Nothing urgent: no red flag, all four parts, and the figures inside their "
           "targets. Keep the story and practise saying it the same way.")


def where(at: float | None, timed: bool) -> str:
    if at is None:
        return ""
    return clock(at) if timed else f"word {int(at) + 1}"


def evidence_line(p: dict[str, Any], timed: bool) -> str:
    """'The answer ends at 1:03: "…"', 'At 0:10: "…"' (a point as ``Priority.to_dict()``)."""
    lead = p.get("evidence", "")
    when = where(p.get("at"), timed)
    quote = f": \"{p['quote']}\"" if p.get("quote") else ""
    text = f"{lead} at {when}{quote}" if when else f"{lead}{quote}"
    text = text.strip()
    return text[:1].upper() + text[1:]


def with_fix_first(a: dict[str, Any]) -> dict[str, Any]:
    """An analysis dict with its ``fix_first`` points: one stored before they existed gets
    them ranked now (by ``Analysis.from_dict``)."""
    if "fix_first" in a:
        return a
    from starcoach.analysis.model import Analysis

    try:
        return {**a, "fix_first": [p.to_dict() for p in Analysis.from_dict(a).fix_first]}
    except (KeyError, TypeError, ValueError):  # an analysis from an older starcoach
        return a


def point_lines(a: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(headline "1. …", evidence, change) for each point of an analysis dict."""
    a = with_fix_first(a)
    timed = bool(a.get("timed", True))
    return [(f"{n}. {p['title']}", evidence_line(p, timed), p.get("change", ""))
            for n, p in enumerate(a.get("fix_first") or [], 1)]


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w' ]+", " ", text.lower()).split())


class Quoted:
    """The quotes a report has shown; a quote that repeats (or holds, or sits inside) one of
    them is not shown again."""

    def __init__(self, quotes: list[str] | None = None) -> None:
        self.keys: list[str] = []
        for q in quotes or []:
            self.add(q)

    def seen(self, quote: str) -> bool:
        k = _key(quote)
        return bool(k) and any(k in s or s in k for s in self.keys)

    def add(self, quote: str) -> None:
        if _key(quote):
            self.keys.append(_key(quote))

    def fresh(self, quotes: Any) -> list[str]:
        """The quotes not shown yet, now counted as shown."""
        out = []
        for q in quotes:
            if not self.seen(q):
                out.append(q)
                self.add(q)
        return out


def quoted_from(a: dict[str, Any]) -> Quoted:
    """A tracker that already holds the quotes of the fix-first points."""
    return Quoted([p.get("quote", "") for p in with_fix_first(a).get("fix_first") or []])
