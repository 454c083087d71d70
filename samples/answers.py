"""The scripts of the bundled spoken answers, read by make_samples.py.

Markup inside a sentence: ``{um,}`` is a filler (its own clip; the JSON lists it as "um"),
``<but, but>`` a repeated word (listed under disfluencies), ``[2.5]`` a silence of 2.5 s.
Everything else is spoken as written. Numbers are written as words so the script and a
transcript can be compared word for word.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    name: str
    question: str
    description: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    """(label, sentences) in spoken order; a label may come back (action after a result)."""
    says_section_names: bool
    red_flags: tuple[tuple[str, str | None], ...] = ()
    """(category, quote) expected; quote None for findings about what is absent."""
    strengths: tuple[tuple[str, str | None], ...] = ()
    voice: str = "en-us"
    speed: int = 150
    pitch: int = 50


CLEAN_STAR = Sample(
    name="clean_star",
    question="Tell me about a time you failed.",
    description="A clean STAR failure story that names its parts; no fillers, no red flags.",
    says_section_names=True,
    sections=(
        ("situation", (
            "The situation was this.",
            "Two years ago I led the launch of a new payment page for our web store.",
            "The page was meant to go live at the start of our busiest season.",
            "I promised the sales team a launch date before I had checked how long testing "
            "would take, and that promise turned out to be wrong.",
        )),
        ("task", (
            "My task was to ship the page on time without breaking checkout for the "
            "customers we already had.",
            "I also had to keep the trust of the sales team, because they had already given "
            "the date to their customers.",
        )),
        ("action", (
            "What I did first was own the mistake.",
            "When I saw that we would miss the date by two weeks, I told my manager and the "
            "sales lead the same day, and I said plainly that my estimate was the problem.",
            "I asked a senior engineer to review my new plan, because I wanted a second "
            "opinion on every estimate.",
            "Then I split the work into smaller pieces and moved the riskiest part to the front.",
            "I wrote a test plan with the quality team, and I ran the checks myself every "
            "morning.",
            "I also started a short weekly note, so that everyone could see what was done, "
            "what was next, and what was stuck.",
        )),
        ("result", (
            "As a result, we shipped eleven days late instead of a full month, and payment "
            "errors dropped by thirty percent in the first quarter.",
            "I learned that a promise needs a testing estimate behind it.",
            "Since then I always include testing time before I give anyone a date, and my last "
            "four releases landed on schedule.",
        )),
    ),
    strengths=(
        ("owned_mistake", "my estimate was the problem"),
        ("transparency", "I told my manager and the sales lead the same day"),
        ("learning", "I learned that a promise needs a testing estimate"),
        ("change", "Since then I always include testing time"),
        ("quantified_result", "errors dropped by thirty percent"),
    ),
    speed=131,
)

FILLER_HEAVY = Sample(
    name="filler_heavy",
    question="Tell me about a time you made a mistake.",
    description="A STAR mistake story thick with fillers, two repeated words and two long "
    "pauses; 'I would like to', 'so that' and 'looked like' are ordinary words, not fillers.",
    says_section_names=True,
    sections=(
        ("situation", (
            "{Um,} {so} the situation was, {uh,} we had a big database migration at my last job, "
            "{like,} a really big one.",
            "And I was, {you know,} the person in charge of the scripts.",
        )),
        ("task", (
            "{Basically,} my task was, {um,} to move all the customer records over one weekend.",
        )),
        ("action", (
            "{So} what I did was, <I I> wrote the scripts, {uh,} but I never tested them with "
            "the full database.",
            "[2.6] {I mean,} I only tested them on a small sample.",
            "On Saturday night the run stopped, and at first it looked like the disk was full.",
            "I would like to say I stayed calm, <but, but> {uh,} I panicked a little.",
            "Then, {um,} I rolled everything back, and I called my lead so that we could plan a "
            "second run together.",
        )),
        ("result", (
            "{So} in the end, {like,} the second run worked, and we lost no data at all.",
            "[2.2] {You know,} I learned to test with the full database.",
            "{Basically,} these days I always do a practice run first.",
        )),
    ),
    strengths=(
        ("owned_mistake", "I never tested them"),
        ("learning", "I learned to test with the full database"),
        ("change", "these days I always do a practice run first"),
    ),
)

RED_FLAGS = Sample(
    name="red_flags",
    question="Tell me about a time you failed.",
    description="A failure story full of red flags: blame, humble brags, only outside causes, "
    "'we' instead of 'I', no lesson and no change.",
    says_section_names=False,
    sections=(
        ("situation", (
            "We were building a shopping app for a retail client, and the project was already "
            "behind when we joined.",
            "The timeline was unrealistic from day one, and the design team was always late "
            "with their screens.",
        )),
        ("task", (
            "We had to deliver the first version in three months.",
        )),
        ("action", (
            "The problem was that the requirements kept changing every week, and my manager "
            "never told me about the new priorities.",
            "We asked for more time, but nobody listened.",
            "We followed the process exactly the way we were told to.",
            "We worked late almost every night, we rebuilt the login screen three times, and we "
            "brought in a second tester.",
            "Honestly, I'm just too much of a perfectionist, and I care too much about quality "
            "to ship something half done.",
        )),
        ("result", (
            "In the end the market shifted, the client cut the budget, and the whole project "
            "was cancelled.",
            "We did what we could with what we were given.",
            "Looking back, there was not much we could have done differently.",
        )),
    ),
    red_flags=(
        ("blame_shifting", "the requirements kept changing"),
        ("blame_shifting", "my manager never told me"),
        ("blame_shifting", "the design team was always late"),
        ("humble_brag", "I'm just too much of a perfectionist"),
        ("humble_brag", "I care too much"),
        ("external_factors", "the market shifted"),
        ("no_learning", None),
        ("no_change", None),
        ("ownership", "We worked late almost every night"),
    ),
    speed=141,
)

IMPLICIT_STAR = Sample(
    name="implicit_star",
    question="Tell me about a project that didn't go as planned.",
    description="A clean STAR story that never names its parts: the scene, what was expected of "
    "me, what I did, and how it ended.",
    says_section_names=False,
    sections=(
        ("situation", (
            "Last spring I was the engineer responsible for search in our recipe app.",
            "The old service was slow and expensive, and the company wanted it replaced before "
            "the end of the month.",
            "We had just bought a new search service, and I had planned the switch for a quiet "
            "Tuesday morning.",
        )),
        ("task", (
            "I needed to move every query to the new service without users noticing, and I had "
            "promised the team there would be no downtime.",
        )),
        ("action", (
            "I moved all the traffic at once instead of a small part first.",
            "Within ten minutes, searches started timing out.",
            "I rolled the change back, posted an update for the support team, and wrote to the "
            "affected customers myself.",
            "Then I spent two days finding the cause.",
            "I asked a colleague to review my rollout plan before we tried again.",
            "The new service had a lower connection limit, and I had never load tested it.",
            "I wrote a load test, raised the limit, and moved the traffic over in small steps "
            "across a week.",
        )),
        ("result", (
            "Search now runs on the new service and answers about forty percent faster than "
            "before, with no outage since.",
            "The support team had fewer search complaints that month than in any month "
            "before.",
            "I learned not to switch everything at once.",
            "Today every change I make goes to a small group first, and the team adopted the same "
            "rule for all releases.",
        )),
    ),
    strengths=(
        ("owned_mistake", "I had never load tested it"),
        ("transparency", "wrote to the affected customers myself"),
        ("learning", "I learned not to switch everything at once"),
        ("change", "Today every change I make"),
        ("quantified_result", "about forty percent faster"),
    ),
    speed=140,
)

REQUIRED: tuple[Sample, ...] = (CLEAN_STAR, FILLER_HEAVY, RED_FLAGS, IMPLICIT_STAR)
