"""Red flags and strengths of a failure story, and the guide's themes as a checklist.

Each rule is a small function with one signature, ``(Context) -> list[Finding]``, run from a
list; adding a rule means adding a function and a line. Context decides: a false alarm costs
more trust than a miss, so a complaint about others that the speaker follows with their own
fix or with owning their part is not called blame, and outside causes are only a red flag
when the answer never states the speaker's own responsibility.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from starcoach.analysis import lexicon as lx
from starcoach.analysis.lexicon import Match, Text
from starcoach.analysis.model import THEMES, AnalysisOptions, Finding, ThemeCheck
from starcoach.analysis.star import sentence_bounds
from starcoach.types import Word, ends_sentence

Span = tuple[str, int, int]

MIN_WORDS_FOR_ABSENCE = 25
"""Absence flags (no learning, no change) need an answer at least this long to judge."""
MIN_WE_FOR_OWNERSHIP = 3
"""Flag "we" over "I" only with at least this many "we"s: one or two are just natural."""
MAX_PER_CATEGORY = 3

ADVICE = {
    "blame_shifting": "Start from your own part: what could you have done differently?",
    "humble_brag": "Pick a real mistake with a real cost; a virtue posed as a flaw sounds evasive.",
    "external_factors": "Outside causes are context, not the story: add what was in your hands.",
    "no_learning": "Close with one specific lesson you took from it, in a sentence.",
    "no_change": "Show the lesson at work: what you do differently since, with an example.",
    "ownership": "Say \"I\" for the steps you took yourself; the interviewer is hiring you.",
    "owned_mistake": "Naming your own mistake plainly builds trust.",
    "learning": "A concrete lesson shows reflection.",
    "change": "Evidence that you work differently now.",
    "quantified_result": "A number makes the outcome believable.",
    "transparency": "Telling people early shows you handle bad news well.",
}
HINTS = {
    "ownership": "Say plainly which part of the failure was yours, without excuses.",
    "transparency": "Mention who you told when it went wrong, and how soon.",
    "learning": "Name one specific lesson, not a general one.",
    "resilience": "Show how you got things back on track and kept going.",
    "prevention": "Describe the check, habit or process that stops it happening again.",
}


@dataclass(frozen=True)
class Context:
    words: Sequence[Word]
    sections: Sequence[Span]
    options: AnalysisOptions
    text: Text
    sentences: Sequence[tuple[int, int]]

    def sentence_of(self, index: int) -> tuple[int, int]:
        """(first, last) word index of the sentence holding word ``index``."""
        return next((s, e) for s, e in self.sentences if s <= index <= e)

    def sub(self, first: int, last: int) -> Text:
        return Text(self.words, range(first, last + 1))

    def labelled(self, label: str) -> Text:
        idx = [i for lab, s, e in self.sections if lab == label for i in range(s, e + 1)]
        return Text(self.words, idx)


def finding(ctx: Context, category: str, m: Match) -> Finding:
    """A finding quoting the words of a match, with their times."""
    quote = " ".join(w.text for w in ctx.words[m.first:m.last + 1]).strip(" ,;:.—-")
    return Finding(category=category, quote=quote, start=ctx.words[m.first].start,
                   advice=ADVICE[category], end=ctx.words[m.last].end, word_index=m.first)


def absent(category: str, quote: str) -> Finding:
    return Finding(category=category, quote=quote, start=None, advice=ADVICE[category])


# --- red flag rules ---------------------------------------------------------------------------

def blame_shifting(ctx: Context) -> list[Finding]:
    out = []
    for m in ctx.text.find(lx.BLAME):
        s, e = ctx.sentence_of(m.first)
        rest = ctx.sub(m.last + 1, e)
        # "... kept changing, so I set up a weekly review": context followed by the speaker's fix.
        if rest.count(lx.I_ACTION) or rest.count(lx.OWN_RESPONSIBILITY):
            continue
        # Owning their part later in the answer softens it.
        if ctx.sub(s, len(ctx.words) - 1).count(lx.OWN_RESPONSIBILITY):
            continue
        out.append(finding(ctx, "blame_shifting", m))
    return out


REPORTED_BY_OTHERS = 8
"""Words looked back over for someone else's verdict ("my manager told me I was ...")."""


def humble_brag(ctx: Context) -> list[Finding]:
    out = []
    for m in ctx.text.find(lx.HUMBLE_BRAG):
        # Feedback the speaker received is not a virtue posed as a flaw. Look back a few words,
        # not past a full stop (run-on speech has no sentences to go by).
        s = m.first
        while s > max(0, m.first - REPORTED_BY_OTHERS) and \
                not ends_sentence(ctx.words[s - 1].text):
            s -= 1
        if ctx.sub(s, m.first - 1).count(lx.TOLD_ME):
            continue
        out.append(finding(ctx, "humble_brag", m))
    return out


def external_factors(ctx: Context) -> list[Finding]:
    if ctx.text.count(lx.OWN_RESPONSIBILITY):
        return []
    return [finding(ctx, "external_factors", m) for m in ctx.text.find(lx.EXTERNAL)]


def no_learning(ctx: Context) -> list[Finding]:
    # A described change of habit shows the lesson even when it is never put into words.
    if len(ctx.text.indices) < MIN_WORDS_FOR_ABSENCE or ctx.text.count(lx.REFLECTION) \
            or ctx.text.count(lx.CHANGE):
        return []
    return [absent("no_learning", "no lesson or reflection anywhere in the answer")]


def no_change(ctx: Context) -> list[Finding]:
    if len(ctx.text.indices) < MIN_WORDS_FOR_ABSENCE or ctx.text.count(lx.CHANGE):
        return []
    return [absent("no_change", "nothing about what you do differently since")]


def ownership(ctx: Context) -> list[Finding]:
    """"We" far more often than "I" where the speaker describes what they did."""
    text = ctx.labelled("action") if any(s[0] == "action" for s in ctx.sections) else ctx.text
    we, i = text.find(lx.SUBJECT_WE), text.count(lx.SUBJECT_I)
    if len(we) < MIN_WE_FOR_OWNERSHIP or len(we) < ctx.options.we_i_ratio * max(i, 1):
        return []
    # Quote the sentence that leans on "we" the most, from its first "we".
    by_sentence: dict[tuple[int, int], list[Match]] = {}
    for m in we:
        by_sentence.setdefault(ctx.sentence_of(m.first), []).append(m)
    (_, e), ms = max(by_sentence.items(), key=lambda kv: (len(kv[1]), -kv[0][0]))
    f = finding(ctx, "ownership", Match(ms[0].first, min(e, ms[0].first + 5), ""))
    counts = f" (\"we\" {len(we)} times, \"I\" {i or 'never'}{' times' if i > 1 else ''})"
    return [replace(f, advice=f.advice + counts)]


RED_FLAG_RULES: list[Callable[[Context], list[Finding]]] = [
    blame_shifting, humble_brag, external_factors, no_learning, no_change, ownership,
]


def find_red_flags(words: Sequence[Word], sections: Sequence[Span],
                   options: AnalysisOptions) -> list[Finding]:
    """Phrases that will worry an interviewer, in rule order, each with advice."""
    ctx = _context(words, sections, options)
    return [f for rule in RED_FLAG_RULES for f in rule(ctx)[:MAX_PER_CATEGORY]]


FAILURE_ONLY = frozenset({"no_learning", "no_change"})
"""Absences that only a failure story must answer for: a success or a conflict story is not
faulted for lacking a lesson or a change of habit."""


def for_question(flags: Sequence[Finding], category: str | None) -> list[Finding]:
    """The flags that fit a question of ``category`` (None: no question given, keep them all)."""
    if category is None or category == "failure":
        return list(flags)
    return [f for f in flags if f.category not in FAILURE_ONLY]


# --- strengths --------------------------------------------------------------------------------

_OUTCOME_COUNT = lx.rx(r"within " + lx.NUMBER_WORD + r" (?:minutes|hours|days|weeks)",
                       lx.NUMBER_WORD + r" (?:\w+ )?(?:users|customers|clients|hours|"
                            r"tickets|incidents|bugs|defects|complaints|signups|sales|deals|"
                            r"releases|people|accounts|orders|points|minutes|seconds)")


def _matches(pattern: re.Pattern[str], category: str) -> Callable[[Context], list[Finding]]:
    def rule(ctx: Context) -> list[Finding]:
        return [finding(ctx, category, m) for m in _dedupe(ctx.text.find(pattern))]
    rule.__name__ = category
    return rule


def quantified_result(ctx: Context) -> list[Finding]:
    """A measured outcome in the result (or, with no result section, in the last third)."""
    if any(s[0] == "result" for s in ctx.sections):
        text = ctx.labelled("result")
    else:
        text = ctx.sub(len(ctx.words) * 2 // 3, len(ctx.words) - 1) if ctx.words else ctx.text
    found = text.find(lx.MEASURE) + [m for m in text.find(_OUTCOME_COUNT)
                                     if not lx.YEAR.fullmatch(m.text.split()[0])]
    found.sort(key=lambda m: m.first)
    return [finding(ctx, "quantified_result", m) for m in _dedupe(found)]


STRENGTH_RULES: list[Callable[[Context], list[Finding]]] = [
    _matches(lx.OWNED_MISTAKE, "owned_mistake"), _matches(lx.LEARNING, "learning"),
    _matches(lx.CHANGE, "change"), quantified_result, _matches(lx.TRANSPARENCY, "transparency"),
]


def find_strengths(words: Sequence[Word], sections: Sequence[Span],
                   options: AnalysisOptions) -> list[Finding]:
    """What the answer does well, by category of model.STRENGTH_CATEGORIES."""
    ctx = _context(words, sections, options)
    return [f for rule in STRENGTH_RULES for f in rule(ctx)[:MAX_PER_CATEGORY]]


# --- themes -----------------------------------------------------------------------------------

def check_themes(words: Sequence[Word], red_flags: Sequence[Finding],
                 strengths: Sequence[Finding]) -> list[ThemeCheck]:
    """The guide's five themes, each met or not, with the words that show it."""
    text = Text(words, range(len(words)))
    flags = {f.category for f in red_flags}

    def quotes(*categories: str) -> list[str]:
        return [f.quote for f in strengths if f.category in categories]

    def phrases(pattern: re.Pattern[str]) -> list[str]:
        return [" ".join(w.text for w in words[m.first:m.last + 1]).strip(" ,;:.")
                for m in _dedupe(text.find(pattern))]

    evidence = {
        "ownership": quotes("owned_mistake"),
        "transparency": quotes("transparency"),
        "learning": quotes("learning"),
        "resilience": phrases(lx.RESILIENCE),
        "prevention": quotes("change") + phrases(lx.PREVENTION),
    }
    checks = []
    for name in THEMES:
        ev = tuple(dict.fromkeys(evidence[name]))[:MAX_PER_CATEGORY]
        met = bool(ev)
        hint = HINTS[name]
        if name == "ownership" and flags & {"blame_shifting", "external_factors", "humble_brag"}:
            met = False
            hint = "Drop the excuses and say which part was yours."
        checks.append(ThemeCheck(name=name, met=met, evidence=ev, hint="" if met else hint))
    return checks


def _context(words: Sequence[Word], sections: Sequence[Span], options: AnalysisOptions) -> Context:
    return Context(words, sections, options, Text(words, range(len(words))),
                   sentence_bounds(words) if words else [])


def _dedupe(found: list[Match]) -> list[Match]:
    """Matches in order, dropping any that overlap an earlier one."""
    out: list[Match] = []
    for m in found:
        if not out or m.first > out[-1].last:
            out.append(m)
    return out
