"""Comparing a transcript with the words that were said: normalization, kept words, inventions.

A script writes numbers as words ("forty percent") and a transcript as digits ("40%"), so both
sides are normalized the same way before they are compared: lowercase, punctuation dropped,
numbers, currency and percent spelled out, every spelling of a filled pause made one token.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from starcoach.types import filled_pause  # noqa: E402

FILLED_TOKEN = "um"
"""Every spelling of a filled pause, on both sides, compares as this one token: the spellings
are starcoach's own (``types.filled_pause``: "mmm", "uhm", "erm" as much as "um"), so the
benchmark and the analyzer agree on what a filled pause is."""
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}
SPELLING = {"ok": "okay", "organising": "organizing", "organise": "organize",
            "realised": "realized", "favourite": "favorite", "behaviour": "behavior",
            "prioritise": "prioritize", "apologised": "apologized", "programmes": "programs",
            "centre": "center", "centres": "centers"}
"""British and American spellings of the same word compare equal."""


def number_words(n: int) -> list[str]:
    if n < 20:
        return [ONES[n]]
    if n < 100:
        return [TENS[n // 10]] + ([ONES[n % 10]] if n % 10 else [])
    if n < 1000:
        rest = number_words(n % 100) if n % 100 else []
        return [ONES[n // 100], "hundred"] + rest
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = number_words(n % size) if n % size else []
            return number_words(n // size) + [name] + rest
    return [str(n)]


def _token(tok: str) -> list[str]:
    """One whitespace token of either side as normalized words."""
    tok = tok.replace("’", "'").lower()
    unit = CURRENCY.get(tok[:1])
    if unit:
        tok = tok[1:]
    percent = "%" in tok
    tok = tok.replace("%", "")
    m = re.fullmatch(r"[\"'(\[]*(\d[\d,]*)(?:\.(\d+))?(st|nd|rd|th|s)?[.,!?;:\"')\]]*", tok)
    if m:
        out = number_words(int(m.group(1).replace(",", "")))
        if m.group(2):
            out += ["point"] + [ONES[int(d)] for d in m.group(2)]
        out += ["percent"] if percent else []
        return out + ([unit] if unit else [])
    word = tok.strip(".,!?;:\"()[]{}…'")
    if not word:
        return []
    if filled_pause(word) is not None:
        return [FILLED_TOKEN]
    word = SPELLING.get(word, word)
    return [word] + (["percent"] if percent else []) + ([unit] if unit else [])


def normalize(text: str) -> list[str]:
    """Words of a script or a transcript, ready to compare."""
    out: list[str] = []
    for tok in re.split(r"[\s\-–—/]+", text):
        if tok:
            out.extend(_token(tok))
    return out


def lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (words kept in order)."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def align(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i in a, j in b) of one longest common subsequence."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + 1 if a[i] == b[j]
                           else max(table[i + 1][j], table[i][j + 1]))
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def kept(script: list[str], heard: list[str]) -> float:
    """Share of the script's words found in the transcript, in order."""
    return lcs(script, heard) / len(script) if script else 1.0


def invented(script: list[str], heard: list[str]) -> list[str]:
    """Transcript words that the script never says."""
    vocab = set(script)
    return [w for w in heard if w not in vocab]


def repeated_phrase(script: list[str], heard: list[str], shortest: int = 2) -> str | None:
    """The longest phrase (2+ words) that the transcript says twice in a row and the script
    does not, the way a decoder caught in a loop repeats itself."""

    def doubled(words: list[str], n: int) -> set[tuple[str, ...]]:
        return {tuple(words[i:i + n]) for i in range(len(words) - 2 * n + 1)
                if words[i:i + n] == words[i + n:i + 2 * n]}

    for n in range(8, shortest - 1, -1):
        extra = doubled(heard, n) - doubled(script, n)
        if extra:
            return " ".join(sorted(extra)[0])
    return None
