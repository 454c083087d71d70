"""Does the answer give what the question asks for?

Two kinds of check, each met or missing with the words that meet it:

* the question's own look-for points ("Turns the feedback into concrete action"), each mapped to
  the cue families its wording names (ownership, learning, communication...); a point that names
  none is met by the answer sharing its content words;
* the category's expectations: for failure an owned mistake, an honest reflection on what went
  wrong, a concrete learning and evidence of change; for conflict listening to the other side and
  common ground; for leadership direction, support and outcome; and so on.

Cues are short phrases matched on normalized words: ``word*`` matches a prefix, ``~`` skips up
to three words, ``#`` matches a number. A cue right after a negation ("no lesson", "never
learned") does not count. The analyzer's strengths (owned mistake, learning, change...) count
as evidence for the matching family.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from starcoach.analysis.model import Finding, ThemeCheck
from starcoach.types import Word, normalize

FAMILIES: dict[str, tuple[str, ...]] = {
    "ownership": (
        "my mistake", "my fault", "my error", "my responsibility", "i was responsible",
        "i take responsibility", "i ~ took responsibility", "i ~ took ownership", "i owned",
        "took full ownership", "owning the mistake", "owned it", "no blame*", "no excuses",
        "i own it", "i messed up", "i made a mistake", "i made the mistake", "i made an error",
        "i got it wrong", "i was wrong", "i should have", "i failed", "i forgot", "i broke",
        "i underestimated", "i overlooked", "i misjudged", "i accidentally", "i caused",
        "on me", "i dropped the ball", "i didn't check", "i didn't test"),
    "reflection": (
        "went wrong", "the problem was", "root cause", "because i", "i realized", "i realised",
        "i discovered", "i had assumed", "i assumed", "assumption*", "in hindsight",
        "looking back", "the reason was", "what happened was", "caused by", "i misjudged",
        "i hadn't", "i had not", "we hadn't", "post-mortem", "postmortem", "retrospective",
        "i underestimated", "i was wrong", "i should have", "honest*"),
    "learning": (
        "i learned", "i learnt", "i've learned", "i have learned", "learned that", "lesson*",
        "taught me", "takeaway", "i realized that", "i understood that", "it showed me",
        "i now understand", "insight*"),
    "change": (
        "since then", "ever since", "now i always", "i now", "now i", "these days", "i always ~ now",
        "from then on", "from that point", "i started", "i've started", "i changed how",
        "i no longer", "to this day", "every time since", "next time", "has prevented",
        "have prevented", "became standard", "became a standard", "nowadays"),
    "communication": (
        "i told", "i informed", "i notified", "i let ~ know", "i explained", "i called",
        "i emailed", "i wrote", "i flagged", "i raised", "i escalated", "i updated",
        "status update*", "i was upfront", "i was honest", "i was transparent", "i admitted",
        "i apologized", "i apologised", "i shared", "i warned", "kept ~ informed",
        "kept ~ updated", "i reported", "incident report"),
    "prevention": (
        "checklist*", "safeguard*", "never happen", "couldn't happen", "prevent*", "review*",
        "automated", "automation", "test*", "guardrail*", "alert*", "monitoring", "runbook*",
        "protection", "policy", "new process", "changed the process", "so that ~ again",
        "never again", "i introduced", "i put in place", "i set up"),
    "adaptation": (
        "instead", "pivot*", "changed course", "adjusted", "adapted", "adapt*", "re-planned",
        "replanned", "new plan", "new approach", "different approach", "fallback", "cut scope",
        "rescoped", "switched", "changed direction", "rolled back", "roll back", "reprioritized",
        "cut our losses"),
    "feedback": (
        "feedback", "criticism", "critique", "asked for ~ examples", "i listened", "fair point",
        "they were right", "i accepted", "took it on board", "i asked ~ specific*",
        "i didn't argue", "not defensive"),
    "humility": (
        "i was wrong", "i admitted", "i acknowledged", "i had been wrong", "i changed my mind",
        "i got it wrong", "i conceded", "they were right", "my recommendation was wrong",
        "my mistake", "i owned"),
    "evidence": (
        "data", "numbers", "metric*", "measured", "measure*", "benchmark*", "evidence",
        "survey*", "analysis", "analyzed", "analysed", "prototype", "pilot", "proof-of-concept",
        "proof of concept", "experiment*", "trial", "# percent", "#%"),
    "outcome": (
        "as a result", "in the end", "the result", "result was", "delivered", "shipped",
        "launched", "completed", "finished", "saved", "reduced", "increased", "improved",
        "on time", "# percent", "#%", "# hours", "# days", "# weeks", "# users", "# customers",
        "succeeded", "successful*", "went smoothly", "resolved", "fixed", "restored",
        "agreed", "adopted", "approved"),
    "listening": (
        "i listened", "i asked", "their perspective", "their point of view", "their side",
        "their concern*", "understand their", "understand why", "heard ~ out", "hear ~ out",
        "one-on-one", "sat down with", "their view", "both sides", "what they needed",
        "what they cared", "their reasons", "their needs"),
    "common_ground": (
        "common ground", "we agreed", "agreed", "compromise*", "both of us", "shared goal",
        "middle ground", "halfway", "trade-off", "tradeoff", "win-win", "aligned", "alignment",
        "we settled", "together we", "a plan we"),
    "direction": (
        "i set", "goal*", "vision", "plan", "roadmap", "i decided", "direction", "milestone*",
        "i defined", "i organized", "i organised", "i proposed", "i laid out", "priorit*",
        "strategy", "objective*"),
    "support": (
        "i helped", "i mentored", "mentor*", "coach*", "i supported", "i paired", "pair*",
        "i taught", "i gave ~ feedback", "i encouraged", "i unblocked", "one-on-one*",
        "credit", "i trained", "i showed"),
    "own_role": (
        "my role", "my part", "i was responsible for", "i owned", "i took on", "i handled",
        "i built", "i wrote", "i led", "i designed", "i volunteered", "i implemented",
        "i created", "i set up", "i fixed", "i drove"),
    "collaboration": (
        "together", "we worked", "i coordinated", "coordinat*", "i shared", "i met with",
        "sync*", "stand-up*", "standup*", "handoff*", "i reached out", "collaborat*",
        "the other team", "both teams", "jointly"),
    "prioritization": (
        "priorit*", "most important", "triage*", "what mattered", "i focused", "cut scope",
        "deferred", "postponed", "critical path", "must-have*", "first thing",
        "i started with", "dropped"),
    "composure": (
        "calm*", "stayed focused", "step back", "deep breath", "methodical*",
        "one thing at a time", "step by step", "systematic*"),
    "audience": (
        "their concern*", "what they cared", "cared about", "their goal*", "their perspective",
        "objection*", "i tailored", "i framed", "their priorities", "in their terms",
        "what mattered to"),
    "initiative": (
        "i noticed", "i spotted", "nobody asked", "no one asked", "on my own", "i volunteered",
        "i took the initiative", "outside my role", "my own time", "without being asked",
        "i decided to", "i proposed"),
}

POINT_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bowns?\b|ownership|accountab|responsib|excuse|blam", ("ownership",)),
    (r"honest|self-aware|reflect|went wrong|diagnos", ("reflection",)),
    (r"learn|lesson|growth|grows|grew|\bvalue\b", ("learning",)),
    (r"differently|since|changed afterwards|what changed|growth", ("change",)),
    (r"prevent|recurrence|repeat|safeguard", ("prevention",)),
    (r"adapt|chang\w* course|circumstances|setback|uncertain|ambigu|adjust",
     ("adaptation",)),
    (r"communicat|news|inform|transparen|tells?\b|updated|explains?", ("communication",)),
    (r"critici|defensive", ("feedback",)),
    (r"into (concrete )?action|acts? on", ("change", "own_role")),
    (r"humility|\bego\b|admit|being wrong|were wrong", ("humility",)),
    (r"evidence|data|trial", ("evidence",)),
    (r"result|achiev|deliver|improv|impact|measur|pays off|restores|recover|joint outcome"
     r"|works better|what happened|what followed|decision they made|changes their mind",
     ("outcome",)),
    (r"listen|understand|needs?\b|needed|both sides|hears?\b|objection|weighs|raises the"
     r" concern", ("listening",)),
    (r"common ground|compromise|agree|accept|shared goal|align|resolution|commit",
     ("common_ground",)),
    (r"direction|vision|plan\b|priorities", ("direction",)),
    (r"support|coach|mentor|help", ("support",)),
    (r"\brole|contribution|own part|takes ownership|introduces|designs", ("own_role",)),
    (r"coordinat|shar|collaborat|together|across", ("collaboration",)),
    (r"prioriti[sz]e[sd]? what|priorities|came first|most important|mattered most",
     ("prioritization",)),
    (r"calm|composure|methodical|professional", ("composure",)),
    (r"buy-in|concerns|cares about|frames", ("audience",)),
    (r"spots|notices|nobody|unprompted|before anyone", ("initiative",)),
    (r"respectful|with reasons", ("communication", "evidence")),
)
"""Which cue families a look-for point's wording asks for (a point may ask for several)."""

EXPECTATIONS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "failure": (
        ("Owned the mistake", "ownership", "Say plainly which part of it was yours."),
        ("Honest reflection on what went wrong", "reflection",
         "Say specifically what went wrong and why."),
        ("A concrete learning", "learning", "Name the lesson in one sentence."),
        ("Evidence of change", "change", "Show what you do differently since, with an example."),
    ),
    "conflict": (
        ("Listened to the other side", "listening", "Show you sought their reasons first."),
        ("Found common ground", "common_ground", "Say what you agreed on or traded off."),
        ("Resolution", "outcome", "Say how it ended and how you work together now."),
    ),
    "leadership": (
        ("Set direction", "direction", "State the goal or plan you set."),
        ("Supported people", "support", "Say how you helped people do their part."),
        ("Outcome", "outcome", "Give the result, with a number if you can."),
    ),
    "teamwork": (
        ("Your own role", "own_role", "Say what you yourself did, with 'I'."),
        ("Collaborated", "collaboration", "Show how you worked with the others."),
        ("Team outcome", "outcome", "Give what the team delivered."),
    ),
    "pressure": (
        ("Prioritized", "prioritization", "Say what you did first and what you dropped."),
        ("Kept people informed", "communication", "Say whom you told about the risk, and when."),
        ("Delivered", "outcome", "Say what shipped and when."),
    ),
    "persuasion": (
        ("Understood the audience", "audience", "Say what the other side cared about."),
        ("Brought evidence", "evidence", "Name the data, trial or example you used."),
        ("Won agreement", "common_ground", "Say what was decided."),
    ),
    "initiative": (
        ("Saw the need unprompted", "initiative", "Say how you noticed it without being asked."),
        ("Acted on it", "own_role", "Say what you did yourself."),
        ("Impact", "outcome", "Give the difference it made."),
    ),
}

STRENGTH_FAMILY = {"owned_mistake": "ownership", "learning": "learning", "change": "change",
                   "quantified_result": "outcome", "transparency": "communication"}
NEGATIONS = frozenset({"no", "not", "never", "without", "didn't", "nothing", "don't", "hardly"})
STOP = frozenset("about after with what when your their them they from into that this have "
                 "were than then there which while instead rather even".split())
MAX_EVIDENCE = 3
QUOTE_AFTER = 4
"""Words quoted after a cue, so the evidence reads as a phrase ("I learned that careful ...")."""


def _compile(cue: str) -> list[str]:
    return [normalize(t) if t not in ("~", "#") else t for t in cue.split()]


_CUES = {name: [_compile(c) for c in cues] for name, cues in FAMILIES.items()}


def _tok_match(pattern: str, token: str) -> bool:
    if pattern == "#":
        return bool(re.fullmatch(r"[$£€]?\d[\d,.]*[%k]?|one|two|three|four|five|six|seven|eight"
                                 r"|nine|ten|twenty|thirty|fifty|hundred|half", token))
    if pattern == "#%":
        return bool(re.fullmatch(r"\d[\d,.]*%", token))
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


def _match_at(cue: list[str], tokens: list[str], i: int) -> int | None:
    """End index (exclusive) of ``cue`` matched at ``tokens[i]``, or None."""
    if not cue:
        return i
    head, rest = cue[0], cue[1:]
    if head == "~":
        for skip in range(0, 4):
            end = _match_at(rest, tokens, i + skip)
            if end is not None:
                return end
        return None
    if i < len(tokens) and _tok_match(head, tokens[i]):
        return _match_at(rest, tokens, i + 1)
    return None


def _quote(words: Sequence[Word], start: int, end: int) -> str:
    stop = end
    while stop < min(len(words), end + QUOTE_AFTER):
        if words[stop - 1].text.rstrip().endswith((".", "!", "?")):
            break
        stop += 1
    return " ".join(w.text for w in words[start:stop]).strip(" ,;")


def find_cues(family: str, words: Sequence[Word]) -> list[tuple[float, str]]:
    """(time, quote) of every place the answer uses a cue of ``family``, in time order."""
    tokens = [w.norm for w in words]
    hits: list[tuple[float, str]] = []
    taken = -1
    for i in range(len(tokens)):
        if i <= taken or (i > 0 and tokens[i - 1] in NEGATIONS):
            continue
        for cue in _CUES[family]:
            end = _match_at(cue, tokens, i)
            if end is not None and end > i:
                hits.append((words[i].start, _quote(words, i, end)))
                taken = end - 1
                break
    return hits


def point_families(point: str) -> list[str]:
    text = point.lower()
    found: list[str] = []
    for pattern, families in POINT_FAMILIES:
        if re.search(pattern, text):
            found += [f for f in families if f not in found]
    return found


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


def check_question(
    question: dict[str, Any], words: Sequence[Word], strengths: Sequence[Finding] = ()
) -> list[ThemeCheck]:
    """Check an answer against a question (``Question.to_dict()``): its look-for points first,
    then its category's expectations (none for a category the bank does not know)."""
    checks = []
    for point in question.get("look_for") or ():
        families = point_families(point)
        checks.append(_check(point, families, words, strengths,
                             f"Not heard yet: {point[0].lower() + point[1:]}.", point))
    for name, family, hint in EXPECTATIONS.get(question.get("category") or "", ()):
        checks.append(_check(name, (family,), words, strengths, hint))
    return checks


def words_from_text(text: str, seconds_per_word: float = 0.3) -> list[Word]:
    """Timed words from plain text (each ``seconds_per_word`` long): for tests and typed answers."""
    return [Word(t, i * seconds_per_word, (i + 1) * seconds_per_word)
            for i, t in enumerate(text.split())]
