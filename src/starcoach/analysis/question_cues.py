"""The phrases the question checks listen for, and what each check asks for.

Data only, read by ``question_fit``. ``FAMILIES`` are groups of cue phrases (``word*`` a prefix,
``~`` up to three skipped words, ``#`` a number); ``POINT_FAMILIES`` maps the wording of a
look-for point to the families that meet it; ``EXPECTATIONS`` are each category's checks:
(name, family, hint shown when missing).
"""

from __future__ import annotations

_VERBS = ("loaded", "picked", "chose", "used", "sent", "pushed", "deployed", "ran", "deleted",
          "merged", "shipped", "copied", "edited", "changed", "ordered", "booked", "gave")
WRONG_CHOICE = tuple(f"i {verb} ~ {article} wrong" for verb in _VERBS for article in ("the", "a"))
"""A wrong thing done by the speaker ("I loaded a file from the wrong folder")."""

FAMILIES: dict[str, tuple[str, ...]] = {
    "ownership": (
        "my mistake", "my fault", "my error", "my responsibility", "i was responsible",
        "i take responsibility", "i ~ took responsibility", "i ~ took ownership",
        "i owned it", "i owned up", "owned up", "i owned the mistake", "i owned the error",
        "took full ownership", "owning the mistake", "owned it", "own the mistake",
        "own my mistake", "no blame*", "no excuses", "i own it", "i messed up",
        "i made a mistake", "i made the mistake", "i made an error", "i got it wrong",
        "i was wrong", "i should have", "i failed", "i forgot", "i broke", "i underestimated",
        "i overlooked", "i misjudged", "i accidentally", "i caused", "that was on me",
        "i dropped the ball", "i didn't check", "i didn't test", "i never tested",
        "i never checked", "i had never", "i hadn't", "i had not", "was mine", "had been mine",
        "my ~ was the problem", "my ~ was wrong", *WRONG_CHOICE),
    "reflection": (
        "went wrong", "the problem was that i", "the problem was my", "my ~ was the problem",
        "root cause", "the cause", "because i", "i realized", "i realised", "i discovered",
        "i had assumed", "i assumed", "my assumption*", "in hindsight", "looking back ~ i",
        "the reason was", "what happened was", "i misjudged", "i hadn't", "i had not",
        "i had never", "i never tested", "i never checked", "i only tested", "before i had",
        "turned out ~ wrong", *WRONG_CHOICE, "we hadn't", "post-mortem", "postmortem",
        "retrospective", "i underestimated", "i was wrong", "i should have"),
    "learning": (
        "i learned", "i learnt", "i've learned", "i have learned", "learned that", "lesson*",
        "taught me", "takeaway", "i realized that", "i understood that", "it showed me",
        "i now understand", "insight*"),
    "change": (
        "since then", "ever since", "now i always", "i now", "now i", "these days",
        "i always ~ now",
        "from then on", "from that point", "i started", "i've started", "i changed how",
        "i no longer", "to this day", "every time since", "next time", "has prevented",
        "have prevented", "became standard", "became a standard", "nowadays", "now every",
        "now each", "now all", "now we always", "same rule", "new rule", "never ~ again"),
    "communication": (
        "i told", "i informed", "i notified", "i let ~ know", "i explained", "i called",
        "i emailed", "i wrote to", "i wrote an update", "i flagged", "i raised", "i escalated",
        "i updated",
        "status update*", "i was upfront", "i was honest", "i was transparent", "i admitted",
        "i apologized", "i apologised", "i shared", "i warned", "kept ~ informed",
        "kept ~ updated", "i reported", "incident report"),
    "prevention": (
        "checklist*", "safeguard*", "never happen", "couldn't happen", "prevent*", "review*",
        "automated", "automation", "test*", "guardrail*", "alert*", "monitoring", "runbook*",
        "protection", "policy", "new process", "changed the process", "so that ~ again",
        "never again", "i introduced", "i put in place", "i set up", "i added", "added a check",
        "validat*", "refuses", "now refuses"),
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
        "their concern*", "his concern*", "her concern*", "what worried", "understand their",
        "understand why", "heard ~ out", "hear ~ out",
        "one-on-one", "sat down with", "their view", "both sides", "what they needed",
        "what they cared", "their reasons", "their needs"),
    "common_ground": (
        "common ground", "we agreed", "agreed", "compromise*", "both of us", "shared goal",
        "middle ground", "halfway", "trade-off", "tradeoff", "win-win", "aligned", "alignment",
        "we settled", "together we", "a plan we"),
    "agreement": (
        "agreed", "approved", "adopted", "signed off", "said yes", "green-lit", "greenlit",
        "came round", "came around", "changed ~ mind", "convinced", "on board", "bought in",
        "buy-in", "went ahead", "we decided", "they decided", "accepted"),
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
        "i created", "i set up", "i fixed", "i drove", "i rewrote", "i rebuilt", "i added",
        "i investigated", "i debugged", "i traced", "i refactored", "i migrated", "i automated",
        "i analyzed", "i analysed", "i prototyped", "i dug into", "i looked at the", "i presented"),
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
        "their concern*", "his concern*", "her concern*", "what worried", "worried about",
        "what they cared", "cared about", "their goal*", "their perspective",
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
    (r"buy-in|agrees|changes their mind|decision they made", ("agreement",)),
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
        ("Won agreement", "agreement", "Say what was decided."),
    ),
    "initiative": (
        ("Saw the need unprompted", "initiative", "Say how you noticed it without being asked."),
        ("Acted on it", "own_role", "Say what you did yourself."),
        ("Impact", "outcome", "Give the difference it made."),
    ),
}

TOPICS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    # (pattern on the question's text, topic key, what the story must be about, cues)
    (r"feedback|critici", "feedback", "feedback you received", (
        "feedback", "critici*", "critique*", "told me ~ my", "told me that", "said my",
        "said that my", "said ~ my work", "pointed out", "it stung", "stung", "complain*",
        "my review", "performance review", "my manager said", "my lead said", "wasn't good",
        "was not good", "too long", "too slow", "hard to follow", "said the", "said it")),
    (r"admit\w* .*wrong|were wrong|was wrong", "wrong", "a time you were wrong", (
        "i was wrong", "i had been wrong", "been wrong", "wrong", "i admitted", "admit*",
        "changed my mind", "i defended", "i insisted", "my recommendation", "my idea",
        "i pushed for", "i argued for", "i was sure", "i was convinced")),
    (r"fail|mistake|error|did ?n[o']t go|went off course|off course|not as planned|went wrong",
     "setback", "something that went wrong", (
        "fail*", "mistake*", "error*", "wrong", "my fault", "missed", "slipped", "late",
        "broke", "broken", "lost", "didn't work", "did not work", "went wrong", "i forgot",
        "i should have", "behind", "over budget", "problem*", "complain*", "crash*", "outage",
        "bug*", "delay*", "cancel*", "stopped", "couldn't", "could not", "never asked",
        "never tested", "never checked", "i assumed", "underestimat*", "short of", "only got",
        "instead of the", "went up", "closed", "off course", "stalled",
        "not going to make", "wouldn't make", "would not make", "didn't make", "was mine",
        "too slow", "slower", "overran", "ran over", "overspent", "ran out", "fewer",
        "less than", "lower than", "below", "not enough", "disappoint*")),
    (r"disagre|conflict|difficult|pushed back|push back|mediat|tension|clash", "disagreement",
     "a disagreement", (
        "disagre*", "argu*", "conflict*", "pushed back", "push back", "objected", "objection*",
        "tension", "clash*", "fight*", "frustrat*", "angry", "upset", "refused", "complain*",
        "didn't want", "did not want", "didn't agree", "did not agree", "change his mind",
        "change her mind", "change their mind", "changing their mind", "wanted ~ but",
        "he wanted", "she wanted", "they wanted", "i thought it would", "i thought ~ wrong",
        "worried", "scared", "blam*", "personal", "demand*", "new requests", "not happy",
        "unhappy", "difficult", "furious", "tense", "annoyed", "irritat*", "surprised by",
        "bad idea", "speak* up", "spoke up", "i was right", "gave up on", "always late",
        "over her head", "over his head", "insist*", "kept changing", "changed ~ mind",
        "demanding", "escalat*", "threaten*", "last minute", "rude", "shout*", "and i wanted",
        "but i wanted")),
    (r"formal authority|without (having )?authority|lead without|led without", "lead_peers",
     "leading people who did not report to you", (
        "without authority", "no authority", "didn't report to me", "did not report to me",
        "not my team", "bring ~ round", "brought ~ round", "convince*", "persuad*",
        "volunteer*", "i asked ~ to help", "i organi*", "i led", "i rallied", "get ~ on board",
        "buy-in", "board", "committee", "other teams", "peers", "anyone's manager",
        "not ~ manager", "wasn't ~ manager", "official role", "no title", "not in charge",
        "get everyone", "get people", "teams", "nobody owned", "no one owned",
        "nobody was in charge", "no one was in charge")),
    (r"grow|mentor|coach|develop", "growth", "helping someone grow", (
        # someone else's growth: "I learned" is the teller's own lesson, not this
        "mentor*", "coach*", "grow", "grew", "growth", "got better", "he improved",
        "she improved", "they improved", "her confidence", "his confidence", "their confidence",
        "more confident", "he learned", "she learned", "they learned", "he learnt",
        "she learnt", "junior", "new analyst", "new hire", "graduate", "apprentice", "trainee",
        "intern", "i taught", "i trained", "teach*", "practis*", "practic*", "promot*",
        "career", "she became", "he became", "gave her", "gave him", "herself", "himself",
        "opportunit*", "stretch")),
    (r"unpopular|tough decision|hard decision|difficult decision", "decision",
     "a decision you made", (
        "decid*", "decision", "chose", "choice", "cut", "close*", "cancel*", "unpopular",
        "upset", "every option", "options", "i had to", "had to ~ without")),
    (r"turn\w* around|rescue|troubled|failing project|struggling project|took over",
     "turnaround",
     "a project in trouble", (
        "behind", "rescue*", "failing", "off track", "late", "turn* ~ around", "over budget",
        "missed", "slipping", "slipped", "in trouble", "stalled", "losing", "red", "months in",
        "deadline*", "going nowhere", "nowhere", "stuck", "struggl*", "not working",
        "wasn't working", "mess", "took over", "taken over", "take over", "inherited",
        "brought in", "i joined", "handed ~ to me", "overdue", "backlog", "morale", "quit",
        "complaints", "worst", "lowest")),
    (r"deadline|pressure|tight|competing|priorit|incident|outage|urgent|at once|broke"
     r"|act fast", "pressure",
     "a time under pressure", (
        "deadline*", "due", "pressure", "urgent*", "outage", "incident", "down", "alert*",
        "at the same time", "both", "priorit*", "weekend", "overnight", "hours", "days",
        "by friday", "by monday", "in time", "on time", "rush*", "late")),
    (r"convinc|persuad|pitch|skeptic|sceptic|influence|case for", "persuading",
     "convincing someone", (
        # not "I proposed": every kind of story has a proposal in it
        "convince*", "persuad*", "pitch*", "skeptic*", "sceptic*", "doubt*", "objection*",
        "unconvinced", "bring ~ round", "brought ~ round", "came round", "came around",
        "changed ~ mind", "change ~ mind", "buy-in", "on board", "case for", "argued for",
        "won ~ over", "win ~ over", "talked ~ into", "sold ~ on")),
    (r"beyond|unasked|without being asked|initiative|nobody asked|before anyone asked"
     r"|noticed|improved a process|improve",
     "initiative", "something you took on yourself", (
        # not "I decided" or "I started": every story has those
        "nobody asked", "no one asked", "without being asked", "before anyone asked",
        "on my own", "my own time", "outside my role", "not my job", "wasn't my job",
        "not part of my", "i noticed", "i spotted", "i volunteered", "took the initiative",
        "nobody owned", "no one owned", "nobody else", "no one else")),
    (r"team|teammate|colleague|together|style", "team", "working with others", (
        "team*", "colleague*", "together", "we", "teammate*", "partner*", "other team",
        "with him", "with her", "with them")),
)
"""What a story must be about before the question's checks can count. The first pattern that
matches the question's text gives its topic; a question that matches none has no topic check.
Each cue list is broad on purpose: it is there to tell a story about something else, not to
grade the story (the other checks do that)."""
