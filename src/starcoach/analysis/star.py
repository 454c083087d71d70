"""Label every word of an answer as situation, task, action or result.

The answer is cut into sentences (the punctuation the model or the writer put in; where there
is none, the gaps between words, then fixed chunks). Each sentence gets a score per label from
cue phrases (``lexicon.STAR_CUES``) and a gentle prior from where it falls in the answer. A
Viterbi pass then picks the best labelling that mostly moves forward through S -> T -> A -> R:
staying costs nothing, moving on costs a little, going back costs a lot, so one stray cue does
not cut a section in two, while a clear "then I also ..." after a result still can.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from starcoach.analysis.lexicon import (
    COORDINATED_ACTION,
    I_ACTION,
    MEASURE,
    NOT_OUTCOME,
    STAR_CUES,
    WE_ACTION,
    YEAR,
    Text,
)
from starcoach.analysis.model import STAR_LABELS, AnalysisOptions
from starcoach.types import Word, ends_sentence, normalize

Span = tuple[str, int, int]

GAP_S = 0.6
"""Without punctuation, a silence longer than this between two words ends a sentence."""
CHUNK_WORDS = 15
"""Without punctuation or gaps, sentences are cut into chunks of this many words."""
LONG_SENTENCE = 24
"""Sentences longer than this are split at commas into clauses of at least CLAUSE_MIN words."""
CLAUSE_MIN = 6

CLAUSE_STICKINESS = 2.0
"""Changing part between two clauses of one sentence costs this many times more."""

JOINERS = frozenset({"and", "so", "but", "then"})
"""Where a run-on clause with no commas may be cut (before the word)."""
CONTINUERS = frozenset({"because", "which", "who", "whom", "where", "since", "although", "though",
                        "while", "unless", "until", "cause", "'cause"})
"""A sentence opening with one of these continues the one before it."""

SWITCH = 1.5
"""Cost of moving on to a later part."""
SKIP = 0.5
"""Extra cost for each part skipped when moving on (a part may be missing)."""
BACK = 3.0
"""Cost of going back to an earlier part: only strong evidence does it."""
PRIOR = 1.2
"""Weight of the position prior (situation early, result late)."""
EXPLICIT = 4.0
"""Cues of at least this weight name the part outright ("my task was", "as a result")."""
OPENING_BONUS = 2.0
"""Extra weight for an explicit cue that opens its sentence (less for weaker cues)."""
ACTION_VERB = 1.2
"""Weight of each "I <past verb>" in a sentence (capped at three)."""


def label_sections(words: Sequence[Word], options: AnalysisOptions,
                   skip: frozenset[int] = frozenset()) -> list[Span]:
    """Contiguous (label, first word, last word) spans covering every word, in time order.

    ``skip`` holds indices of filler words, which count as part of a section but not as
    evidence for its label.
    """
    if not words:
        return []
    units = _units(words)
    sentences = [(s, e) for s, e, _ in units]
    scores = [sentence_scores(words, s, e, skip) for s, e in sentences]
    n_words = len(words)
    for k, (s, e) in enumerate(sentences):
        prior = position_prior((s + e) / 2 / n_words)
        scores[k] = [a + b for a, b in zip(scores[k], prior, strict=True)]
    labels = viterbi(scores, [cont for _, _, cont in units])
    spans: list[Span] = []
    for (s, e), label in zip(sentences, labels, strict=True):
        name = STAR_LABELS[label]
        if spans and spans[-1][0] == name:
            spans[-1] = (name, spans[-1][1], e)
        else:
            spans.append((name, s, e))
    return spans


def split_sentences(words: Sequence[Word]) -> list[tuple[int, int]]:
    """(first, last) word indices of each sentence (or clause of a long one), covering all words."""
    return [(s, e) for s, e, _ in _units(words)]


def sentence_bounds(words: Sequence[Word]) -> list[tuple[int, int]]:
    """(first, last) of each whole sentence: by punctuation, else by gaps, else in chunks."""
    has_punct = any(ends_sentence(w.text) for w in words[:-1])
    bounds: list[tuple[int, int]] = []
    start = 0
    for i, w in enumerate(words[:-1]):
        if has_punct:
            end_here = ends_sentence(w.text)
        else:
            end_here = words[i + 1].start - w.end > GAP_S or i - start + 1 >= CHUNK_WORDS
        if end_here:
            bounds.append((start, i))
            start = i + 1
    bounds.append((start, len(words) - 1))
    return bounds


def _units(words: Sequence[Word]) -> list[tuple[int, int, bool]]:
    """Sentences and clauses as (first, last, continues a sentence)."""
    out: list[tuple[int, int, bool]] = []
    for s, e in sentence_bounds(words):
        # "Because they had ..." split off by the model still belongs to the sentence before.
        follows = normalize(words[s].text) in CONTINUERS and not (
            s + 1 <= e and normalize(words[s + 1].text) == "then")
        out.extend((a, b, k > 0 or follows)
                   for k, (a, b) in enumerate(_split_long(words, s, e)))
    return out


def _split_long(words: Sequence[Word], s: int, e: int) -> list[tuple[int, int]]:
    """A run-on sentence cut into clauses of a reasonable length: at commas, then (for a clause
    still too long) before "and", "so", "but", "then" or at a silence."""
    def after_comma(i: int) -> bool:
        return words[i].text.endswith((",", ";", ":", "—", "-"))

    def before_joiner(i: int) -> bool:
        return (normalize(words[i + 1].text) in JOINERS
                or words[i + 1].start - words[i].end > GAP_S)

    out: list[tuple[int, int]] = []
    for a, b in _cut(s, e, after_comma):
        out.extend(_cut(a, b, before_joiner))
    return out


def _cut(s: int, e: int, boundary: Callable[[int], bool]) -> list[tuple[int, int]]:
    """(s, e) cut after each word where ``boundary`` holds, when longer than LONG_SENTENCE and
    leaving no piece shorter than CLAUSE_MIN."""
    if e - s + 1 <= LONG_SENTENCE:
        return [(s, e)]
    out, start = [], s
    for i in range(s + CLAUSE_MIN - 1, e - CLAUSE_MIN + 1):
        if i - start + 1 >= CLAUSE_MIN and boundary(i):
            out.append((start, i))
            start = i + 1
    out.append((start, e))
    return out


def sentence_scores(words: Sequence[Word], s: int, e: int,
                    skip: frozenset[int] = frozenset()) -> list[float]:
    """Evidence for each label in one sentence, from its cue phrases."""
    text = Text(words, range(s, e + 1), skip)
    scores = [0.0] * len(STAR_LABELS)
    # The opening word, looking past a joining "and"/"but" ("and I had to ..." opens with "I").
    opening = [i for i in text.indices[:2] if normalize(words[i].text) not in {"and", "but"}]
    first = opening[0] if opening else -1
    for k, label in enumerate(STAR_LABELS):
        for pattern, weight in STAR_CUES[label]:
            found = text.find(pattern)
            if found:
                scores[k] += weight * min(len(found), 2) ** 0.5
                # The words that open a sentence ("As a result, ...", "Last spring ...", "I had
                # to ...") say most about its part; mid-sentence the same words may not.
                if found[0].first == first:
                    scores[k] += OPENING_BONUS * weight / EXPLICIT
    a, r = STAR_LABELS.index("action"), STAR_LABELS.index("result")
    i_actions = text.count(I_ACTION)
    if i_actions:
        i_actions += text.count(COORDINATED_ACTION)
    scores[a] += ACTION_VERB * min(i_actions, 3) + 0.5 * min(text.count(WE_ACTION), 2)
    scores[r] += 2.0 * max(0, min(text.count(MEASURE), 2) - text.count(NOT_OUTCOME))
    scores[STAR_LABELS.index("situation")] += 1.0 * min(text.count(YEAR), 1)
    return scores


def position_prior(x: float) -> list[float]:
    """A mild preference for the usual place of each part; ``x`` is 0 (start) .. 1 (end)."""
    # No prior for the task: it is short and nearly always said outright ("I had to ..."), and a
    # prior there would pull uncued scene-setting into it.
    centres = (0.08, 0.25, 0.55, 0.9)
    widths = (0.2, 0.2, 0.3, 0.18)
    heights = (1.0, 0.0, 1.0, 1.0)
    return [PRIOR * h * max(0.0, 1 - abs(x - c) / w)
            for c, w, h in zip(centres, widths, heights, strict=True)]


def viterbi(scores: Sequence[Sequence[float]],
            continues: Sequence[bool] | None = None) -> list[int]:
    """Best label per sentence under the forward-moving transition costs.

    ``continues[k]`` marks a clause that continues the sentence before it: changing part
    there costs CLAUSE_STICKINESS times more, so only real evidence cuts a sentence.
    """
    n = len(STAR_LABELS)

    def cost(i: int, j: int, factor: float) -> float:
        if j == i:
            return 0.0
        if j > i:
            return factor * (SWITCH + SKIP * (j - i - 1))
        return factor * BACK

    best = [scores[0][j] - SKIP * j for j in range(n)]
    back: list[list[int]] = []
    for k, row in enumerate(scores[1:], start=1):
        f = CLAUSE_STICKINESS if continues and continues[k] else 1.0
        prev = []
        for j in range(n):
            came_from = [best[i] - cost(i, j, f) for i in range(n)]
            prev.append(max(range(n), key=came_from.__getitem__))
        best = [best[prev[j]] - cost(prev[j], j, f) + row[j] for j in range(n)]
        back.append(prev)
    state = max(range(n), key=lambda j: best[j])
    path = [state]
    for prev in reversed(back):
        state = prev[state]
        path.append(state)
    return path[::-1]
