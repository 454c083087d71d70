"""Does the answer give what the question asks for?

Three kinds of check, each met or missing with the words that meet it:

* what the story must be about, from the question's wording (``TOPICS``): without it, none of
  the other checks counts, so a story given for the wrong question is told so;
* the question's own look-for points ("Turns the feedback into concrete action"), each mapped to
  the cue families its wording names (ownership, learning, communication...); a point that names
  none is met by the answer sharing its content words;
* the category's expectations: for failure an owned mistake, an honest reflection on what went
  wrong, a concrete learning and evidence of change; for conflict listening to the other side and
  common ground; for leadership direction, support and outcome; and so on.

Cues (in ``question_cues``) are short phrases: ``word*`` matches a prefix, ``~`` skips up to
three words, ``#`` matches a number. Each becomes a regular expression matched, as every phrase
of the analyzer is, on the lexicon's ``Text`` (normalized words, filled pauses skipped). A cue
right after a negation ("no lesson", "never learned") does not count. The analyzer's strengths
(owned mistake, learning, change...) count as evidence for the matching family.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from starcoach.analysis.lexicon import Text
from starcoach.analysis.model import AskedQuestion, Finding, ThemeCheck
from starcoach.analysis.question_cues import EXPECTATIONS, FAMILIES, POINT_FAMILIES, TOPICS
from starcoach.analysis.quoting import JOINERS, boundary_after, phrase
from starcoach.types import Word, ends_sentence, normalize

STRENGTH_FAMILY = {"owned_mistake": "ownership", "learning": "learning", "change": "change",
                   "quantified_result": "outcome", "transparency": "communication"}
NEGATIONS = frozenset({"no", "not", "never", "without", "didn't", "nothing", "don't", "hardly"})
STOP = frozenset("about after with what when your their them they from into that this have "
                 "were than then there which while instead rather even".split())
MAX_EVIDENCE = 3
QUOTE_BEFORE = 4
"""Words a quote may start before its cue, back to the start of the cue's clause."""
MIN_QUOTE_WORDS = 5


_NUMBER = (r"[$£€]?\d[\d,.]*[%k]?|one|two|three|four|five|six|seven|eight|nine|ten|twenty"
           r"|thirty|fifty|hundred|half")
_NOT_NEGATED = "".join(f"(?<!(?<![^ ]){re.escape(n)} )" for n in sorted(NEGATIONS))
"""A cue right after a negation ("no lesson", "never learned") does not count."""


def cue_pattern(cue: str) -> str:
    """A cue of ``question_cues`` as a regular expression over the lexicon's ``Text``."""
    parts: list[str] = []
    for token in cue.split():
        if token == "~":
            parts.append(r"(?: [^ ]+){0,3}?")
            continue
        if token == "#":
            body = f"(?:{_NUMBER})"
        elif token == "#%":
            body = r"\d[\d,.]*%"
        elif token.endswith("*"):
            body = re.escape(normalize(token[:-1])) + "[^ ]*"
        else:
            body = re.escape(normalize(token))
        parts.append((" " if parts else "") + body)
    return "".join(parts)


def _family_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    # Alternatives are tried in the family's order, as its list reads.
    return re.compile(r"(?<![^ ])" + _NOT_NEGATED + "(?:" + "|".join(cue_pattern(c) for c in cues)
                      + r")(?![^ ])")


_CUES = {name: _family_pattern(cues) for name, cues in FAMILIES.items()}
_CUES.update({f"about_{key}": _family_pattern(cues) for _, key, _, cues in TOPICS})
TOPIC_CHECK = "A story about {}"


def _quote(words: Sequence[Word], start: int, end: int) -> str:
    """The cue's words as a whole phrase: from the start of its clause (at most
    ``QUOTE_BEFORE`` words back) through the cue, on to the next phrase boundary (see
    ``quoting``); a phrase of only a few words runs on to the next boundary, so "It was my
    mistake:" is quoted with what the mistake was."""
    first = start
    while first > 0 and start - first < QUOTE_BEFORE and not boundary_after(words, first - 1):
        first -= 1
    if first < start and normalize(words[first].text) in JOINERS:
        first += 1  # "so I looked at the logs" reads as "I looked at the logs"
    need = end - 1
    text = phrase(words, first, need=need)
    while len(text.split()) < MIN_QUOTE_WORDS and not ends_sentence(text):
        stop = first + len(text.split()) - 1
        if stop + 1 >= len(words):
            break
        need = stop + 1
        text = phrase(words, first, need=need)
    return text


def find_cues(family: str, words: Sequence[Word]) -> list[tuple[float, str]]:
    """(time, quote) of every place the answer uses a cue of ``family``, in time order."""
    text = Text(words, range(len(words)))
    return [(words[m.first].start, _quote(words, m.first, m.last + 1))
            for m in text.find(_CUES[family])]


def point_families(point: str) -> list[str]:
    text = point.lower()
    found: list[str] = []
    for pattern, families in POINT_FAMILIES:
        if re.search(pattern, text):
            found += [f for f in families if f not in found]
    return found


def check_families(name: str) -> list[str]:
    """The cue families a check (a look-for point or a category expectation) listens for."""
    for _, key, about, _ in TOPICS:
        if name == TOPIC_CHECK.format(about):
            return [f"about_{key}"]
    for expectations in EXPECTATIONS.values():
        for expectation, family, _ in expectations:
            if expectation == name:
                return [family]
    return point_families(name)


def _content_hits(point: str, words: Sequence[Word]) -> list[tuple[float, str]]:
    """For a point no cue family covers: met when the answer uses two of its content words."""
    stems = {w[:5] for w in re.findall(r"[a-z]+", point.lower()) if len(w) >= 5 and w not in STOP}
    hits, matched = [], set()
    for i, w in enumerate(words):
        if len(w.norm) >= 5 and w.norm[:5] in stems:
            matched.add(w.norm[:5])
            hits.append((w.start, _quote(words, max(0, i - 1), i + 1)))
    return hits if stems and len(matched) >= min(2, len(stems)) else []


def _check(name: str, families: Sequence[str], words: Sequence[Word],
           strengths: Sequence[Finding], hint: str, point: str | None = None) -> ThemeCheck:
    hits: list[tuple[float, str]] = []
    for family in families:
        hits += find_cues(family, words)
        hits += [(f.start if f.start is not None else 0.0, f.quote) for f in strengths
                 if STRENGTH_FAMILY.get(f.category) == family and f.quote]
    if not families and point is not None:
        hits = _content_hits(point, words)
    quotes: list[str] = []
    for _, quote in sorted(hits, key=lambda h: h[0]):
        if quote and not any(quote.lower() in q.lower() or q.lower() in quote.lower()
                             for q in quotes):
            quotes.append(quote)
    return ThemeCheck(name=name, met=bool(quotes), evidence=tuple(quotes[:MAX_EVIDENCE]),
                      hint="" if quotes else hint)


def check_point(point: str, words: Sequence[Word]) -> ThemeCheck:
    """One look-for point checked on its own (a follow-up reply): met, with the words that
    meet it, as in ``check_question``."""
    return _check(point, point_families(point), words, (),
                  f"Not heard yet: {point[0].lower() + point[1:]}.", point)


def topic(question_text: str) -> tuple[str, str] | None:
    """(cue family, what the story must be about) for a question, or None: the first of
    ``TOPICS`` whose pattern its text matches."""
    text = question_text.lower()
    for pattern, key, about, _ in TOPICS:
        if re.search(pattern, text):
            return f"about_{key}", about
    return None


def check_question(
    question: AskedQuestion, words: Sequence[Word], strengths: Sequence[Finding] = ()
) -> list[ThemeCheck]:
    """Check an answer against a question (the bank's ``Question``): what the story must be
    about first, then its look-for points, then its category's expectations (none for a
    category the bank does not know).

    A story about something else earns none of the question's points: when the topic is not
    heard, every other check is unmet, whatever words it shares with the question, and says
    so. A failure story given for a feedback question owns its mistake, but it does not show
    how its teller hears criticism."""
    checks = []
    about = topic(question.text)
    fits = True
    if about is not None:
        family, subject = about
        first = _check(TOPIC_CHECK.format(subject), (family,), words, (),
                       f"The question asks for a story about {subject}; this one does not "
                       "tell of one.")
        fits = first.met
        checks.append(first)
    for point in question.look_for:
        families = point_families(point)
        checks.append(_check(point, families, words, strengths,
                             f"Not heard yet: {point[0].lower() + point[1:]}.", point))
    for name, family, hint in EXPECTATIONS.get(question.category, ()):
        checks.append(_check(name, (family,), words, strengths, hint))
    if not fits:
        subject = about[1] if about else ""
        checks[1:] = [ThemeCheck(c.name, False, (), f"Not counted: the story is not about "
                                 f"{subject}.") for c in checks[1:]]
    return checks


def words_from_text(text: str, seconds_per_word: float = 0.3) -> list[Word]:
    """Timed words from plain text (each ``seconds_per_word`` long): for tests and typed answers."""
    return [Word(t, i * seconds_per_word, (i + 1) * seconds_per_word)
            for i, t in enumerate(text.split())]
