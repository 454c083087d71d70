"""The one follow-up question an interviewer would ask next, and whether its answer gives
what was asked.

An interviewer probes the weakest part of an answer. The analysis has already ranked what to
fix first (``priorities.rank``), so the follow-up is the probe for the highest-ranked point
that a question can repair:

=========================================  ===========  ==========================================
fix-first point                            probe        the reply must hold
=========================================  ===========  ==========================================
blame on others, only outside causes       own_part     your own part ("I should have", "my call")
a virtue posed as a flaw                   mistake      a real mistake of yours
no action, a short action, "we" for "I",   own_action   two things you did, each with "I"
too thin
no result, a short result                  result       a figure (a number, a percent, "from X
                                                        to Y")
no lesson, nothing changed since           lesson       a lesson or what you do differently now
a long set-up, rambling, no task           task         what you were responsible for
a look-for point of the question unmet     look_for     that point (the question's own cues)
=========================================  ===========  ==========================================

Points a question cannot repair (fillers, pace, length alone) are passed over. An answer with
nothing to probe still gets the question every interviewer keeps for a good answer: what would
you do differently?

The reply is judged on its own terms: only whether it gives what the probe asked for, with the
words that show it, on the same phrase patterns the analyzer uses (``lexicon``), so a reply
that passes here would also count in a full answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from starcoach.analysis import lexicon as lx
from starcoach.analysis.lexicon import Text
from starcoach.analysis.quoting import phrase
from starcoach.analysis.star import EXPLICIT
from starcoach.serial import OMIT, Record
from starcoach.types import Word

if TYPE_CHECKING:
    from starcoach.analysis.model import Analysis, ThemeCheck
    from starcoach.analysis.priorities import Priority

TASK_REPLY = lx.rx(
    r"i was (?:the one )?(?:accountable|responsible|in charge)",
    r"(?:asked|told|wanted|needed|expected|tasked|assigned) (?:me|the two of us|us|both of us)"
    r"(?: \w+){0,2} to",
    r"i (?:set myself|took on|had|needed|was supposed) (?:the task of|to)",
    r"(?:my|our|the) (?:\w+ )?(?:task|job|role|goal|target|aim|objective|brief|assignment)"
    r"(?: \w+){0,4} (?:was|were|is) to",
    r"part of my (?:job|role|work)",
    r"(?:i|we|the team) (?:really |also |still )?(?:needed|had|wanted|was supposed|were supposed)"
    r" (?:\w+ ){0,3}?to", r"(?:it|this) was (?:up to|on) me", r"(?:it|the \w+) (?:really )?had to",
)
"""How a reply says what was the speaker's to do, beyond the analyzer's outright task cues: an
accountability, an assignment from someone else, a target, what had to happen."""
OWNED_IN_REPORT = lx.rx(
    r"(?:was|were|had been) mine", r"it was my (?:\w+ ){0,2}(?:that|which)",
    r"i had (?:\w+ ){0,3}(?:wrong|too much|too little|without)",
    r"i had made (?:the|a) wrong", r"without (?:checking|testing|asking|telling)",
    r"i had been wrong",
)
"""An owned mistake as told to someone: "told her it was my key design that caused it", "the
estimate was mine", "I had signed it off without checking"."""

MIN_OWN_ACTIONS = 2
"""Things done with "I" a reply to "What did you do yourself?" names: one could be an
accident of phrasing; two are a list of steps."""


@dataclass(frozen=True)
class Probe(Record):
    """The follow-up question: ``kind`` names the rule, ``because`` says what in the answer
    prompted it, ``wants`` what the reply must hold (in the JSON, for other tools)."""

    kind: str
    prompt: str
    because: str = ""
    wants: str = ""
    point: str = field(default="", metadata=OMIT)
    """For ``look_for``: the question's look-for point the reply must meet."""


@dataclass(frozen=True)
class Reply(Record):
    """Whether the reply gave what the probe asked for, with the words that show it, or
    ``hint``: what it still lacks."""

    answered: bool
    evidence: tuple[str, ...] = ()
    hint: str = ""



# kind -> (prompt, what the reply must hold)
PROBES: dict[str, tuple[str, str]] = {
    "own_part": ("What was your part in it?",
                 "your own part in what went wrong, in your words: \"I should have ...\""),
    "mistake": ("What was the mistake itself, and what did it cost?",
                "a real mistake of yours: the wrong call, the missed check"),
    "own_action": ("What did you do yourself?",
                   f"at least {MIN_OWN_ACTIONS} things you did, each told with \"I\""),
    "result": ("How did it turn out, in numbers?",
               "a figure: a number, a percent, a time saved, \"from X to Y\""),
    "lesson": ("What do you do differently now?",
               "a lesson, or what you do differently since: \"Since then I ...\""),
    "task": ("What exactly was your task?",
             "what you were responsible for: \"My job was to ...\""),
    "look_for": ("", "what the question looks for"),
    "reflect": ("Looking back, what would you do differently?",
                "what you would change, or what you learned"),
}

FIX_FIRST_PROBES: dict[str, str] = {
    "blame_shifting": "own_part", "external_factors": "own_part", "humble_brag": "mistake",
    "missing_action": "own_action", "action_short": "own_action", "ownership": "own_action",
    "thin": "own_action",
    "missing_result": "result", "result_short": "result",
    "no_learning": "lesson", "no_change": "lesson",
    "setup_long": "task", "rambles": "task", "missing_task": "task",
    "question_points": "look_for",
}
"""Which probe repairs which fix-first point (``priorities.POINTS``); the others (fillers,
pace, pauses, length alone, a missing situation, an answer to another question) are passed
over: asking about them would not make the story better."""


def choose(analysis: Analysis) -> Probe:
    """The follow-up for an analysed answer: the probe of its highest-ranked point
    (``priorities.ranked``: the fix-first points, then the rest) that has one, else "what
    would you do differently?"."""
    from starcoach.analysis.priorities import ranked

    return choose_from(ranked(analysis), analysis.question_checks)


def choose_from(points: Sequence[Priority], checks: Sequence[ThemeCheck] = ()) -> Probe:
    """The probe of the first of ``points`` (ranked) that has one; ``checks`` are the
    question's checks, for the look-for point to ask about."""
    from starcoach.analysis.question_fit import TOPIC_CHECK

    topic = TOPIC_CHECK.split("{", 1)[0]
    for point in points:
        kind = FIX_FIRST_PROBES.get(point.kind)
        if kind is None:
            continue
        if kind == "look_for":
            unmet = [c.name for c in checks if not c.met and not c.name.startswith(topic)]
            if not unmet:
                continue
            return Probe(kind, look_for_prompt(unmet[0]), point.title,
                         _lower_first(unmet[0]), point=unmet[0])
        prompt, wants = PROBES[kind]
        return Probe(kind, prompt, point.title, wants)
    prompt, wants = PROBES["reflect"]
    return Probe("reflect", prompt, "", wants)


def look_for_prompt(point: str) -> str:
    """An interviewer's question for a look-for point the answer left out."""
    return f"I didn't hear much about this: {_lower_first(point).rstrip('.')}. Can you tell " \
           "me about it?"


def judge(probe: Probe, words: Sequence[Word]) -> Reply:
    """Did the reply give what ``probe`` asked for?"""
    if not words:
        return Reply(False, (), "Nothing was heard: answer the question aloud.")
    if probe.kind == "look_for":
        from starcoach.analysis.question_fit import check_point

        check = check_point(probe.point, words)
        return Reply(check.met, check.evidence, "" if check.met else
                     f"Still not heard: {_lower_first(probe.point).rstrip('.')}.")
    return JUDGES[probe.kind](words)


# --- one judge per probe -------------------------------------------------------------------

def _quotes(words: Sequence[Word], text: Text, *patterns: re.Pattern[str],
            exclude: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    found = sorted((m for p in patterns for m in text.find(p)), key=lambda m: m.first)
    quotes: list[str] = []
    last = -1
    for m in found:
        if m.first <= last or (exclude is not None and exclude(m.text)):
            continue
        last = m.last
        quote = phrase(words, m.first, need=m.last)
        if quote not in quotes:
            quotes.append(quote)
    return tuple(quotes[:3])


def _text(words: Sequence[Word]) -> Text:
    return Text(words, range(len(words)))


def _own_part(words: Sequence[Word]) -> Reply:
    text = _text(words)
    own = _quotes(words, text, lx.OWN_RESPONSIBILITY, lx.OWNED_MISTAKE, OWNED_IN_REPORT)
    blame = _quotes(words, text, lx.BLAME)
    if own and not blame:
        return Reply(True, own)
    if own:
        return Reply(False, own, "Your part is there, but the blame is back too: leave the "
                                 "others out of this answer.")
    return Reply(False, blame, "No part of your own was heard: start with \"I should have ...\" "
                               "or \"My mistake was ...\".")


def _mistake(words: Sequence[Word]) -> Reply:
    text = _text(words)
    own = _quotes(words, text, lx.OWNED_MISTAKE)
    brag = _quotes(words, text, lx.HUMBLE_BRAG)
    if own and not brag:
        return Reply(True, own)
    return Reply(False, own or brag, "Name the mistake plainly: \"I got the estimate wrong\", "
                                     "\"I didn't test the migration\".")


_I_DID = lx.rx(r"i (?:called|started|tried|managed to|asked|met|moved|joined)")
"""Things done that the analyzer's action pattern leaves out, because after "I" they can also
describe a state ("I started there in May"): in a reply to "What did you do?" they are steps."""


def _own_action(words: Sequence[Word]) -> Reply:
    text = _text(words)
    actions = _quotes(words, text, lx.I_ACTION)
    done = len(text.find(lx.I_ACTION)) + len(text.find(lx.COORDINATED_ACTION)) \
        + len(text.find(_I_DID))
    we = text.count(lx.SUBJECT_WE)
    if done >= MIN_OWN_ACTIONS and text.count(lx.SUBJECT_I) >= we:
        return Reply(True, actions)
    if we > text.count(lx.SUBJECT_I):
        return Reply(False, actions, "Still \"we\" more than \"I\": say which steps were "
                                     "yours, each starting with \"I\".")
    return Reply(False, actions, f"Name at least {MIN_OWN_ACTIONS} things you did, each "
                                 "starting with \"I\".")


def _result(words: Sequence[Word]) -> Reply:
    text = _text(words)

    figures = _quotes(words, text, lx.MEASURE, lx.NUMBER, exclude=not_a_figure)
    if figures:
        return Reply(True, figures)
    return Reply(False, (), "No figure was heard: give one, even a rough one (\"about 30 "
                            "percent fewer tickets\", \"two days early\").")


def not_a_figure(found: str) -> bool:
    """A year, a step size ("in steps of ten"), or "one" (as often an article as a count)."""
    return found in ("one", "1") or bool(lx.YEAR.fullmatch(found.split()[0])) \
        or bool(lx.NOT_OUTCOME.search(found))


def _lesson(words: Sequence[Word]) -> Reply:
    text = _text(words)
    change = _quotes(words, text, lx.CHANGE)
    learning = _quotes(words, text, lx.LEARNING)
    if change or learning:
        return Reply(True, change + tuple(q for q in learning if q not in change))
    return Reply(False, (), "Say what you do differently now: \"Since then I ...\" with one "
                            "concrete habit.")


def _task(words: Sequence[Word]) -> Reply:
    text = _text(words)
    cues = [p for p, weight in lx.STAR_CUES["task"] if weight >= EXPLICIT]
    found = _quotes(words, text, *cues, TASK_REPLY)
    if found:
        return Reply(True, found)
    return Reply(False, (), "Say what was yours to do in one sentence: \"My job was to ...\" or "
                            "\"I was responsible for ...\".")


def _reflect(words: Sequence[Word]) -> Reply:
    text = _text(words)
    found = _quotes(words, text, lx.CHANGE, lx.LEARNING, lx.OWN_RESPONSIBILITY,
                    re.compile(r"(?<![\w'])i would(?![\w'])|(?<![\w'])i'd(?![\w'])"))
    if found:
        return Reply(True, found)
    return Reply(False, (), "Name one thing you would do differently: \"I would ...\".")


JUDGES: dict[str, Callable[[Sequence[Word]], Reply]] = {
    "own_part": _own_part, "mistake": _mistake, "own_action": _own_action, "result": _result,
    "lesson": _lesson, "task": _task, "reflect": _reflect,
}


def _lower_first(text: str) -> str:
    """"A concrete learning" as it reads inside a sentence; "API changes" and "I" kept."""
    first = text.split(" ", 1)[0]
    if not first or first == "I" or (len(first) > 1 and not first[1:].islower()):
        return text
    return text[:1].lower() + text[1:]
