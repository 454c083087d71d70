"""What to fix first, as every view shows it, and the rule that a quote is shown only once.

The points come ranked from the analysis (``Analysis.fix_first``, see
``analysis.priorities``; an analysis stored before they existed gets them ranked as it is
loaded); this module only words them. ``Quoted`` remembers the words a
report has quoted, so strengths, themes and question checks that rest on the same words do
not quote them again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from starcoach.types import clock

if TYPE_CHECKING:
    from starcoach.analysis.model import Analysis
    from starcoach.analysis.priorities import Priority

HEADING = "Fix first"
NOTHING = ("Nothing urgent: no red flag, all four parts, and the figures inside their "
           "targets. Keep the story and practise saying it the same way.")


def where(at: float | None, timed: bool) -> str:
    if at is None:
        return ""
    return clock(at) if timed else f"word {int(at) + 1}"


def evidence_line(p: Priority, timed: bool) -> str:
    """'The answer ends at 1:03: "…"', 'At 0:10: "…"'."""
    when = where(p.at, timed)
    quote = f": \"{p.quote}\"" if p.quote else ""
    text = f"{p.evidence} at {when}{quote}" if when else f"{p.evidence}{quote}"
    text = text.strip()
    return text[:1].upper() + text[1:]


def point_lines(a: Analysis) -> list[tuple[str, str, str]]:
    """(headline "1. …", evidence, change) for each point of an analysis."""
    return [(f"{n}. {p.title}", evidence_line(p, a.timed), p.change)
            for n, p in enumerate(a.fix_first, 1)]


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


def quoted_from(a: Analysis) -> Quoted:
    """A tracker that already holds the quotes of the fix-first points."""
    return Quoted([p.quote for p in a.fix_first])
