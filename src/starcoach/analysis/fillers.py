"""Fillers (um, uh, like, you know...) and disfluencies (repeated words, restarts).

Filled pauses are fillers wherever they fall. Discourse fillers are ordinary words most of the
time ("I would like to", "it looked like", "so that", "we'll let you know", "that kind of
problem"), so each has a rule that asks for the context a filler has: a clause boundary, commas
around it, or a hedge before a number. A false alarm costs more trust than a miss, so when the
context is unclear the word is left alone.

Each rule is a small function ``(words, i) -> (text, length) | None`` run from ``RULES``: adding a
filler means adding a function and a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from starcoach import types
from starcoach.analysis.filler_words import (
    AMOUNT_AFTER_A,
    APPROX_HEADS,
    CLAUSE_BREAKERS,
    CLAUSE_END,
    CONJUNCTIONS,
    COPULAS,
    DETERMINERS,
    FILLER_WORDS,
    FINITE_VERBS,
    I_MEAN_BLOCK,
    INTENSIFIERS,
    KIND_NOUN_HEADS,
    KIND_NOUNS,
    LIKE_ADVERBS,
    LIKE_HEADS,
    LIKE_SAID,
    NO_DOUBLE,
    NUMBER_WORDS,
    SENTENCE_END,
    SO_OPENERS,
    SUBJECTS,
    YOU_KNOW_BLOCK,
)
from starcoach.analysis.model import Disfluency, Filler
from starcoach.types import Word

ADJACENT_S = 0.3
"""A restored filler this close to a written one is the same hesitation, counted once."""

Rule = Callable[[Sequence[Word], int], "tuple[str, int] | None"]


def filled_pause(word: Word) -> str | None:
    """The canonical filled pause a word is ("Umm," -> "um"), or None."""
    return types.filled_pause(word.text)


def _norm(words: Sequence[Word], i: int) -> str:
    return words[i].norm if 0 <= i < len(words) else ""


def _ends(words: Sequence[Word], i: int, marks: tuple[str, ...]) -> bool:
    return 0 <= i < len(words) and words[i].text.rstrip("\"')]").endswith(marks)


def _clause_start(words: Sequence[Word], i: int) -> bool:
    """First word, or after a punctuation mark that ends a clause."""
    return i == 0 or _ends(words, i - 1, CLAUSE_END)


def _sentence_start(words: Sequence[Word], i: int) -> bool:
    """First word (after any filled pauses), or after a full stop."""
    j = i - 1
    while j >= 0 and filled_pause(words[j]) is not None:
        j -= 1
    return j < 0 or _ends(words, j, SENTENCE_END)


def rule_like(words: Sequence[Word], i: int) -> tuple[str, int] | None:
    if _norm(words, i) != "like":
        return None
    prev, nxt, nxt2 = _norm(words, i - 1), _norm(words, i + 1), _norm(words, i + 2)
    if prev in LIKE_HEADS and not _ends(words, i - 1, CLAUSE_END):
        return None
    if nxt == "to" or prev.endswith("'d"):
        return None
    comma_after = _ends(words, i, (",", "—", "–", "..."))
    boundary = _clause_start(words, i) or prev in CONJUNCTIONS
    if comma_after and i + 1 < len(words):
        return ("like", 1)  # "it was, like, huge"; "and like, we..."
    if boundary and nxt in SUBJECTS and nxt2 not in LIKE_SAID and nxt2 != "or":
        return ("like", 1)  # "and like we never tested it" (not "like I said")
    if nxt in ("um", "uh") or (boundary and nxt in FILLER_WORDS):
        return ("like", 1)
    if boundary and i > 0 and (nxt in INTENSIFIERS or (nxt in ("a", "an")
                                                       and nxt2 in INTENSIFIERS)):
        return ("like", 1)  # "a big migration, like a really big one" (comma dropped)
    if prev in COPULAS and nxt in LIKE_ADVERBS and not (nxt == "so" and nxt2 in ("many", "much")):
        return ("like", 1)  # "I was like totally burnt out" (not "it was like a nightmare")
    if _ends(words, i - 1, (",",)) and nxt in DETERMINERS and _clause_follows(words, i + 2):
        return ("like", 1)  # "in the end, like the second run worked" (a clause, no example)
    if prev in APPROX_HEADS and (nxt in NUMBER_WORDS or nxt[:1].isdigit()
                                 or (nxt in ("a", "an") and nxt2 in AMOUNT_AFTER_A)):
        return ("like", 1)  # "it took like three weeks"
    return None


def _clause_follows(words: Sequence[Word], j: int) -> bool:
    """True when words j.. are a short noun phrase and then a verb in the past ("second run
    worked"): "like" before a whole clause hedges, before a noun phrase it gives an example."""
    for k in range(j, min(j + 3, len(words))):
        norm = _norm(words, k)
        if norm in CLAUSE_BREAKERS:
            return False  # "like the one we fixed": a relative clause, an example
        if k > j and (norm in FINITE_VERBS or (norm.endswith("ed") and len(norm) > 4)):
            return True
        if _ends(words, k, CLAUSE_END):
            return False
    return False


def rule_you_know(words: Sequence[Word], i: int) -> tuple[str, int] | None:
    norm = _norm(words, i)
    if norm in ("y'know", "ya-know"):
        return ("you know", 1)
    if norm != "you" or _norm(words, i + 1) != "know" or _ends(words, i, CLAUSE_END):
        return None
    prev, nxt = _norm(words, i - 1), _norm(words, i + 2)
    if prev in YOU_KNOW_BLOCK or prev.endswith("'ll") or prev.endswith("'d"):
        return None
    if _ends(words, i + 1, CLAUSE_END) or i + 2 >= len(words):
        return ("you know", 2)  # "it was hard, you know." / "you know, the person"
    if (_clause_start(words, i) or prev in CONJUNCTIONS) and (nxt in SUBJECTS - {"it", "you"}
                                                               or nxt in FILLER_WORDS):
        return ("you know", 2)  # "you know we had no tests"
    return None


def rule_i_mean(words: Sequence[Word], i: int) -> tuple[str, int] | None:
    if _norm(words, i) != "i" or _norm(words, i + 1) != "mean" or _ends(words, i, CLAUSE_END):
        return None
    if _norm(words, i - 1) in I_MEAN_BLOCK:
        return None  # "what I mean is"
    nxt = _norm(words, i + 2)
    if _ends(words, i + 1, CLAUSE_END) and i + 2 < len(words):
        return ("i mean", 2)  # "I mean, I only tested..."
    if _clause_start(words, i) and (nxt in SUBJECTS - {"it", "you"} or nxt in FILLER_WORDS):
        return ("i mean", 2)
    return None


def rule_kind_of(words: Sequence[Word], i: int) -> tuple[str, int] | None:
    norm = _norm(words, i)
    if norm in ("kinda", "sorta"):
        return ({"kinda": "kind of", "sorta": "sort of"}[norm], 1)
    if norm not in ("kind", "sort") or _norm(words, i + 1) != "of" or _ends(words, i, CLAUSE_END):
        return None
    prev = _norm(words, i - 1)
    if (prev in KIND_NOUN_HEADS or prev[:1].isdigit()) and not _ends(words, i - 1, CLAUSE_END):
        return None  # "that kind of problem", "a new sort of test"
    if i + 2 >= len(words):
        return None  # "... of" with nothing after: a cut-off, unclear
    if _norm(words, i + 2) in KIND_NOUNS:
        return None  # "a tricky kind of problem", "that sort of thing"
    return (f"{norm} of", 2)  # "I kind of panicked", "it was sort of a mess"


def rule_basically(words: Sequence[Word], i: int) -> tuple[str, int] | None:
    return ("basically", 1) if _norm(words, i) == "basically" else None


def rule_so(words: Sequence[Word], i: int) -> tuple[str, int] | None:
    """"So" that opens the answer or a sentence as a run-up ("So, the situation was", "So what I
    did was", "so um"), not "so that", "so far" or a consequence ("so every store got it")."""
    if _norm(words, i) != "so" or i + 1 >= len(words):
        return None
    nxt = _norm(words, i + 1)
    if nxt in ("that", "far", "much", "many", "long", "every", "each") and not _ends(
            words, i, CLAUSE_END):
        return None  # "so that", "so far", "so every store got it": not a run-up
    if nxt in ("um", "uh", "er", "erm", "yeah", "anyway", "anyways", "basically") and (
            _clause_start(words, i) or _norm(words, i - 1) in CONJUNCTIONS):
        return ("so", 1)  # "so um", "and so, basically"
    if all(filled_pause(w) for w in words[:i]):
        return ("so", 1)  # opening the answer: "So, last year...", "Um, so the situation was"
    if not _sentence_start(words, i):
        return None
    if _ends(words, i, (",", "...", "—")) or nxt in SO_OPENERS:
        return ("so", 1)  # "So, ...", "So what I did was", "So in the end"
    return None


def rule_well(words: Sequence[Word], i: int) -> tuple[str, int] | None:
    if _norm(words, i) == "well" and _sentence_start(words, i) and _ends(words, i, (",",)):
        return ("well", 1)  # "Well, ..." (not "it went well", "as well")
    return None


RULES: tuple[Rule, ...] = (rule_you_know, rule_i_mean, rule_kind_of, rule_like, rule_basically,
                           rule_so, rule_well)


def find_fillers(words: Sequence[Word]) -> list[Filler]:
    """Every filler in time order; a two-word filler ("you know") is one entry."""
    found: list[Filler] = []
    i = 0
    while i < len(words):
        w = words[i]
        canonical = filled_pause(w)
        if w.recovered and _next_to_filled_pause(words, i, found):
            i += 1  # one hesitation the model wrote and the gap check restored again
            continue
        if canonical is not None or w.recovered:
            found.append(Filler(canonical or w.norm or "um", w.start, w.end, "filled_pause", i))
            i += 1
            continue
        for rule in RULES:
            hit = rule(words, i)
            if hit is not None:
                text, n = hit
                found.append(Filler(text, w.start, words[i + n - 1].end, "discourse", i))
                i += n
                break
        else:
            i += 1
    return found


def _next_to_filled_pause(words: Sequence[Word], i: int, found: Sequence[Filler]) -> bool:
    """True when a written filled pause touches word i (less than ADJACENT_S away)."""
    w = words[i]
    if found and found[-1].kind == "filled_pause" and found[-1].word_index == i - 1 \
            and w.start - found[-1].end < ADJACENT_S:
        return True
    return (i + 1 < len(words) and not words[i + 1].recovered
            and filled_pause(words[i + 1]) is not None
            and words[i + 1].start - w.end < ADJACENT_S)


def filler_indices(words: Sequence[Word], fillers: Sequence[Filler]) -> frozenset[int]:
    """Indices of all words that belong to a filler (both words of "you know")."""
    out: set[int] = set()
    for f in fillers:
        out.add(f.word_index)
        k = f.word_index + 1
        while k < len(words) and words[k].end <= f.end + 1e-6 and words[k].start < f.end:
            out.add(k)
            k += 1
    return frozenset(out)


def find_disfluencies(words: Sequence[Word], skip: frozenset[int] = frozenset()
                      ) -> list[Disfluency]:
    """Repeated words or phrases ("I I", "but, but", "we had we had") and restarts (a word cut
    off with a dash, "impl- implemented", or set off by a comma and begun again, "for,
    force"). Fillers between the copies are ignored ("but um but")."""
    content = [i for i in range(len(words)) if i not in skip and words[i].norm]
    norms = [words[i].norm for i in content]
    found: list[Disfluency] = []
    k = 0
    while k < len(content):
        w = words[content[k]]
        if k + 1 < len(content) and (re.search(r"\w[-—–]$", w.text.strip())
                                     or _cut_off_before(w, words[content[k + 1]])):
            nxt = words[content[k + 1]]
            found.append(Disfluency(f"{w.norm}- {nxt.norm}", w.start, nxt.end, "restart",
                                    content[k]))
            k += 1
            continue
        hit = _repeat_at(words, content, norms, k)
        if hit is None:
            k += 1
            continue
        n, copies = hit
        first, last = content[k], content[k + n * copies - 1]
        kind = "restart" if _ends(words, content[k + n - 1], ("—", "–", "-", "...")) else "repeat"
        text = " ".join(norms[k:k + n * copies])
        found.append(Disfluency(text, words[first].start, words[last].end, kind, first))
        k += n * copies
    return found


MIN_CUT_OFF_LETTERS = 3
"""A cut-off shorter than this ("a", "in") is too often a word of its own."""


def _cut_off_before(w: Word, nxt: Word) -> bool:
    """A word broken off and begun again whole, as a transcriber writes it without a dash:
    "for, force", "line, liner". The part is set off by a comma, the whole word begins with
    it, and the part is more than half of it ("yes, yesterday" and "now, nowadays" are two
    words each)."""
    return (w.text.rstrip().endswith(",") and len(w.norm) >= MIN_CUT_OFF_LETTERS
            and w.norm.isalpha() and len(w.norm) < len(nxt.norm) < 2 * len(w.norm)
            and nxt.norm.startswith(w.norm))


def _repeat_at(words: Sequence[Word], content: list[int], norms: list[str], k: int
               ) -> tuple[int, int] | None:
    """(phrase length, copies) of a phrase said again straight away at content position k."""
    for n in (3, 2, 1):
        phrase = norms[k:k + n]
        if len(phrase) < n or norms[k + n:k + 2 * n] != phrase:
            continue
        if n == 1 and (phrase[0] in NO_DOUBLE or phrase[0][:1].isdigit()):
            continue
        if _ends(words, content[k + n - 1], SENTENCE_END):
            continue  # "It failed. It failed again" is emphasis across sentences
        copies = 2
        while norms[k + copies * n:k + (copies + 1) * n] == phrase:
            copies += 1
        return n, copies
    return None
