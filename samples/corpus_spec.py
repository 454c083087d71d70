"""What one answer of the development corpus is: its words, and what a coach should find in it.

The markup inside a sentence is the bundled samples' (see answers.py): ``{um,}`` a filler said as
its own clip, ``<I, I>`` a repeated word, ``[2.5]`` a silence of 2.5 s. Numbers are written as
words, the way they are said.

Fillers follow one convention, so the answer key can be defended word by word:

- filled pauses (um, uh) are always fillers;
- "like", "you know", "I mean", "basically", "kind of", "sort of" are fillers only where they
  carry no meaning ("it was, like, a mess"), and are marked ``{like,}``;
- "so" is a filler only as an empty opener ("{So} the situation was ...", said as its own
  clip with a breath after it);
  "so" meaning "therefore" in the middle of run-on speech ("it broke, so I rolled it back") is
  an ordinary word;
- every ordinary use of one of those words that a filler rule might take for a filler ("I would
  like to", "tools like Jira", "so that", "let you know", "what kind of") is listed in ``traps``
  as (word, the words around it exactly as in the script). A trap must not be counted.
"""

from __future__ import annotations

from dataclasses import dataclass

Finding = tuple[str, str | None]
"""(category, a quote from the script); quote None for findings about what is absent."""


@dataclass(frozen=True)
class Answer:
    name: str
    question_id: str
    """An id from src/starcoach/data/questions.json; the question and category come from it."""
    description: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    """(label, sentences) in spoken order; a label may come back (action after a result)."""
    names_parts: bool
    """The speaker names the STAR parts ("the situation was", "my task", "the result")."""
    red_flags: tuple[Finding, ...] = ()
    strengths: tuple[Finding, ...] = ()
    traps: tuple[tuple[str, str], ...] = ()
    """(filler word, the words around it) for ordinary uses that are not fillers."""
    features: tuple[str, ...] = ()
    """Tags for what the answer exercises: "we_heavy", "run_on", "given_task", "returns",
    "missing_task", "numbers", ... (free text; the benchmark can group by them)."""
