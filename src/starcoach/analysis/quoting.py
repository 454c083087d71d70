"""Quoting the speaker: a stretch of words that reads as a whole phrase, never cut mid-phrase.

A quote runs from its first word past the words it must hold to the next phrase boundary: the
end of a sentence or clause (a word ending in . ! ? , ; :) or the word before a joining word
("and", "but", "because"...). When no boundary comes within ``max_words``, the quote runs to
the end of the sentence if that is not far, else it stops at ``max_words`` and ends in "…",
so a cut is never silent.
"""

from __future__ import annotations

from collections.abc import Sequence

from starcoach.types import Word, ends_sentence, normalize

MAX_WORDS = 14
SENTENCE_MAX_WORDS = 22
JOINERS = frozenset({"and", "but", "because", "so", "then", "which", "while", "when", "until",
                     "after", "before", "although", "though", "or"})
_CLAUSE_END = (",", ";", ":", "—", "–")


def boundary_after(words: Sequence[Word], i: int) -> bool:
    """True when a phrase may end with word ``i``."""
    text = words[i].text.rstrip("\"'”’)")
    if ends_sentence(words[i].text) or text.endswith(_CLAUSE_END):
        return True
    return i + 1 < len(words) and normalize(words[i + 1].text) in JOINERS


def phrase(words: Sequence[Word], first: int, need: int | None = None,
           max_words: int = MAX_WORDS) -> str:
    """The words from ``first`` through at least ``need`` (default ``first``) up to a phrase
    boundary, as text (clause punctuation at the end dropped, a sentence's full stop kept)."""
    if not words or first >= len(words):
        return ""
    need = first if need is None else min(max(need, first), len(words) - 1)
    stop = None
    for i in range(need, min(len(words), first + max(max_words, need - first + 1))):
        if boundary_after(words, i):
            stop = i
            break
    cut = False
    if stop is None:
        end = need
        while end < len(words) - 1 and not ends_sentence(words[end].text):
            end += 1
        if end - first + 1 <= SENTENCE_MAX_WORDS:
            stop = end
        else:
            stop, cut = min(len(words) - 1, first + max_words - 1), True
    text = " ".join(w.text for w in words[first:stop + 1]).strip(" ,;:—–")
    return text + "…" if cut and not ends_sentence(text) else text


def sentence_start(words: Sequence[Word], i: int) -> int:
    """Index of the first word of the sentence holding word ``i``."""
    while i > 0 and not ends_sentence(words[i - 1].text):
        i -= 1
    return i


def phrase_before(words: Sequence[Word], last: int, max_words: int = MAX_WORDS) -> tuple[int, str]:
    """The phrase that ends with word ``last`` (its first index and text): from the start of
    its sentence or clause, at most ``max_words`` back (then opened with "…")."""
    first = last
    while first > 0 and last - first + 1 < max_words and not boundary_after(words, first - 1):
        first -= 1
    text = " ".join(w.text for w in words[first:last + 1]).strip(" ,;:—–")
    opened = first > 0 and not boundary_after(words, first - 1)
    return first, ("…" + text if opened else text)
