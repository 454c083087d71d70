"""Cue phrases for STAR labelling, red flags and strengths, and the one way they are matched.

Phrases are regular expressions over the normalized words of a stretch of the answer, joined
by single spaces ("i was working at a bank"). ``Text`` keeps the map back from characters to
word indices, so every match can quote the words that triggered it, with their times.
Filled pauses (``types.filled_pause``, in any spelling) are skipped, so a phrase split by one
("I was, um, wrong") still matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from starcoach.types import Word, filled_pause, normalize

_DASHES = re.compile(r"[—–]|--")
"""Dashes join words in typed answers ("assumptions—I now"): each side is a word."""


@dataclass(frozen=True)
class Match:
    """A phrase found in the answer: ``first``/``last`` are word indices (inclusive)."""

    first: int
    last: int
    text: str


class Text:
    """The normalized words of (part of) an answer, searchable with regular expressions."""

    def __init__(self, words: Sequence[Word], indices: Iterable[int],
                 skip: frozenset[int] = frozenset()) -> None:
        parts: list[str] = []
        self.owner: list[int] = []  # character offset -> word index
        self.indices: list[int] = []
        for i in indices:
            if i in skip:
                continue
            token = " ".join(_DASHES.sub(" ", normalize(words[i].text)).split())
            if not token or filled_pause(words[i].text) is not None:
                continue
            if parts:
                parts.append(" ")
                self.owner.append(i)
            parts.append(token)
            self.owner.extend([i] * len(token))
            self.indices.append(i)
        self.string = "".join(parts)

    def find(self, pattern: re.Pattern[str]) -> list[Match]:
        found = []
        for m in pattern.finditer(self.string):
            if m.end() <= m.start():
                continue
            found.append(Match(self.owner[m.start()], self.owner[m.end() - 1], m.group(0)))
        return found

    def count(self, pattern: re.Pattern[str]) -> int:
        return sum(1 for _ in pattern.finditer(self.string))


def rx(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any of the phrases, on word boundaries."""
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])")


# --- numbers -------------------------------------------------------------------------------

NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
               r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
               r"half|double|twice|triple|\$?\d[\d,.]*(?:%|k|x)?)")
YEAR = rx(r"(?:19|20)\d\d")
MEASURE = rx(r"\$\d[\d,.]*k?", r"\d[\d,.]* ?%", NUMBER_WORD + r" %",
             r"(?:twice|three times|four times|half) as (?:fast|quick|many|much|often|good|big)",
             NUMBER_WORD + r" (?:\w+ )?(?:percent|per cent)",
             NUMBER_WORD + r" (?:dollars|euros|pounds|grand)",
             NUMBER_WORD + r" (?:times|x) (?:faster|more|less|fewer|higher|lower|the)",
             r"\d[\d,.]*x", r"from " + NUMBER_WORD + r"(?: \w+)? (?:down |up )?to " + NUMBER_WORD,
             r"(?:zero|no) (?:incidents|outages|complaints|defects|bugs|escalations)")
"""A measured outcome: a percent, money, a factor, "from X to Y"."""
NUMBER = rx(NUMBER_WORD)
NOT_OUTCOME = rx(r"(?:steps|increments|batches|chunks|slices|waves|stages|groups|blocks) of "
                 r"(?:\w+ )?" + NUMBER_WORD + r"(?: percent|%)?")
"""A number that sizes a step of the work, not an outcome ("in steps of ten percent")."""

# --- STAR cues: (pattern, weight) per label ---------------------------------------------------

_PAST_IRREGULAR = (
    "built|wrote|took|made|set|ran|met|spoke|sent|brought|began|went|led|found|gave|told|kept|"
    "put|got|sat|held|drew|chose|rewrote|rebuilt|paid|spent|sought|taught|caught|"
    "dug|split|cut|shut|hit|read|rode|flew|drove|stood|won|fought|broke|pulled|pushed|pitched|"
    "made|stepped|reran|undid|redid|hired|fired|bought|sold|shipped"
)
# -ed words after "I" that describe a state, a need or a lesson, not something done.
_NOT_ACTION = (
    "needed|wanted|learned|learnt|liked|loved|hated|used|seemed|expected|supposed|worked|joined|"
    "owned|failed|missed|underestimated|assumed|believed|felt|wished|hoped|lived|stayed|"
    "moved|received|inherited|noticed|realized|realised|managed|started|tried|ended|owned|called"
)
I_ACTION = re.compile(
    r"(?<![\w'])(?:i|i then|i also|i first|i immediately|i quickly|i personally|i finally)"
    r" (?!(?:" + _NOT_ACTION + r")(?![\w']))(?:\w+ed|" + _PAST_IRREGULAR + r")(?![\w'])"
)
COORDINATED_ACTION = re.compile(
    r"(?:, |, and |and |then )(?!(?:" + _NOT_ACTION + r")(?![\w']))(?:\w+ed|" + _PAST_IRREGULAR
    + r")(?= (?:the|a|an|my|our|to|it|them|up|back|over|out|on|in|every|all|with)(?![\w']))"
)
"""A further action in a list after "I": "I rolled it back, posted an update, and wrote ..."."""
WE_ACTION = re.compile(
    r"(?<![\w'])we (?:then |also )?(?!(?:" + _NOT_ACTION + r")(?![\w']))(?:\w+ed|"
    + _PAST_IRREGULAR + r")(?![\w'])"
)

STAR_CUES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "situation": [
        (rx(r"the situation", r"situation was", r"(?:some|a bit of )?background", r"the context",
            r"for context", r"set the scene"), 4.0),
        (rx(r"(?:i|we) (?:was|were) (?:working|employed|based|leading|running|managing|building|"
            r"developing|preparing|migrating|launching|moving|rolling|trying to grow)",
            r"i worked (?:at|for|as|in|on)", r"i was (?:a|an|the) (?:\w+ )?(?:engineer|developer|"
            r"manager|lead|analyst|designer|consultant|intern|student|member|owner|coordinator|"
            r"specialist|scientist|architect|tester|associate|director|nurse|teacher)",
            r"at my (?:last|previous|old|first|current|former) (?:job|company|role|team|employer)",
            r"(?:a|one|a few|a couple of|two|three|four|five|six|several|some|many) (?:days?|"
            r"weeks?|"
            r"months?|years?) ago", r"(?:last|that|one) (?:year|spring|summer|autumn|fall|winter|"
            r"quarter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|"
            r"night|weekend|day)",
            r"(?:in|during) my (?:first|second|last|previous) (?:\w+ )?(?:year|job|role|review|"
            r"month|week|project)", r"back (?:in|when|then)", r"at the time",
            r"i (?:had )?just joined", r"i joined", r"when i (?:was|started|joined)",
            r"i used to", r"in my (?:first|second|last|previous) (?:year|job|role|month)",
            # Framing the story: "I'd like to talk about a time when ..."
            r"(?:i'd|i would|i want to|i wanna|let me|i'll|i will|i'm going to|i can) (?:like to |"
            r"love to )?(?:talk|tell you|speak|share) about"), 2.0),
        (rx(r"(?:i|we|they|he|she|it|the \w+) (?:was|were) (?!going\b)\w+ing",
            r"we had(?! to)", r"there (?:was|were)",
            r"(?:i|we) had (?:read|been|just|already|worked|"
            r"built|planned|promised|spent|made|seen|heard|used|joined|inherited|agreed|chosen)",
            r"our team", r"the team was",
            r"the company", r"(?:a|our|one) (?:big |large |small |key )?(?:client|customer)",
            r"(?:a|the) project", r"we were", r"i was (?:on|in|part of)"), 1.0),
    ],
    "task": [
        (rx(r"my (?:main )?(?:task|job|role|part|responsibility|goal|assignment|mission) (?:was|"
            r"were|is)",
            r"the (?:task|goal|aim|objective|challenge|ask|brief) (?:was|is)",
            r"i was (?:asked|tasked)",
            r"i was in charge of", r"i was responsible for",
            r"i was (?:the one )?(?:accountable|on the hook) for",
            r"my (?:manager|boss|lead|director) asked me"), 4.0),
        # The part given by someone else: "our director asked the two of us to agree",
        # "my manager wanted the checkout redesigned", "the team wanted the two of us to agree"
        (rx(r"(?:my|our|the|their) (?:\w+ )?(?:manager|boss|lead|director|head|client|customer|"
            r"team|editor|principal|ceo|vp|owner|board|committee) (?:asked|wanted|needed|expected|"
            r"assigned) (?:us|the two of us|both of us|the team|the \w+|a|an|our|it)"
            r"(?: \w+)?(?: to| by| before)?",
            # A goal the speaker set for others or for a figure: "I needed them to sort it out",
            # "I needed it to break even", "I needed us both to be happy with it"
            r"i (?:needed|wanted) (?:it|them|him|her|us|us both|both of them|the \w+|everyone)"
            r"(?: \w+)? to",
            # A span to do it in: "we had six months to rebuild", "we had an hour before ..."
            r"(?:i|we) had (?:only |just |about |less than )?(?:a|an|one|two|three|four|five|six|"
            r"seven|eight|nine|ten|twelve|a few|a couple of) (?:\w+ )?(?:hours?|days?|weeks?|"
            r"months?|sprints?|quarters?) (?:to|before|until|left)",
            r"accountable for", r"on the hook for"), 2.5),
        (rx(r"(?:i|we) (?:also |still |really |urgently |then |first )?(?:needed|had|have|"
            r"wanted) to",
            r"(?:i|we) was supposed to", r"(?:i|we) were supposed to", r"(?:was|were) expected",
            r"expected (?:me|us) to", r"(?:it|this) was (?:up to|on) me",
            r"(?:i|we) (?:had|needed) until",
            r"(?:deadline|target|requirement|goal) (?:was|of)", r"(?:i|we) must",
            r"responsible for", r"(?:the|a) (?:tight |hard )?deadline", r"make sure",
            r"(?:it|the \w+) had to", r"needed to be", r"had to be", r"the plan was"), 2.0),
    ],
    "action": [
        (rx(r"what i did", r"the first thing i did",
            r"(?:my|the) (?:approach|actions?) (?:was|were)",
            r"(?:the )?steps i took", r"i started by", r"i began by", r"here's what i did"), 4.0),
        (rx(r"so i", r"first i", r"firstly i", r"then i", r"next i", r"after that(?: i)?",
            r"i decided", r"i (?:immediately|quickly|personally)",
            r"i also(?! (?:had|needed|wanted) to)",
            r"i started",
            r"i went (?:to|back|through|over)", r"i called", r"i reached out",
            r"i sat down", r"i worked (?:with|through|late|on|closely)", r"i tried",
            r"i managed to", r"instead(?: i)?", r"i took (?:ownership|charge|the lead)",
            r"i asked", r"i (?:would|kept) \w+ing", r"i'd(?! (?:like|love|want) to)",
            r"i realized", r"i noticed"), 2.0),
    ],
    "result": [
        (rx(r"as a result", r"in the end", r"the (?:end )?result(?:s)? (?:was|were)",
            r"the outcome",
            r"at the end of the day", r"in the result", r"resulted in", r"the result"), 4.0),
        (rx(r"ended up", r"ultimately", r"eventually", r"looking back", r"in hindsight"), 3.0),
        (rx(r"i (?:have )?learn(?:ed|t)", r"i've learn(?:ed|t)", r"(?:the|my|a|big) lesson",
            r"taught me", r"since then", r"ever since", r"from then on", r"now i", r"i now",
            r"these days", r"to this day", r"going forward", r"i still", r"nowadays", r"today",
            r"my takeaway", r"the takeaway",
            r"i (?:always|never) \w+ (?:\w+ )?(?:now|again|anymore)",
            r"never happened again", r"(?:hasn't|has not|haven't|have not) happened since",
            r"(?:in the )?(?:\w+ )?(?:years?|months?|weeks?) since", r"(?:has|have)(?:n't| not) "
            r"(?:\w+ )?(?:\w+ )?(?:\w+ )?(?:since|once|again)",
            r"(?:was|were|is|are) (?:\w+ )?(?:right|back|working|normal|stable|fine|live) again",
            r"back to normal", r"no (?:\w+ )?(?:outages?|incidents?|problems?|issues?|complaints?|"
            r"errors?|failures?) (?:since|after that|again)",
            r"it (?:worked|paid off)",
            r"within (?:a|the|" + NUMBER_WORD + r") (?:\w+ )?(?:days?|weeks?|"
            r"months?|years?|sprints?|quarters?)",
            r"(?:that|which|this) (?:meant|led to|helped|saved|cut|"
            r"reduced|brought)",
            # A figure reached, said as what people did: "sixty people took part", "five of the
            # six stayed with us", "about seventy percent preferred it"
            r"(?<!no )" + NUMBER_WORD + r"(?: percent| %)?(?: of (?:the|them|our) ?(?:"
            + NUMBER_WORD + r"|\w+)?)?(?: \w+)? (?:took part|joined|signed up|stayed|used it|"
            r"preferred|chose|"
            r"voted|attended|returned|renewed|passed|came back|completed|finished|agreed|"
            r"switched)",
            r"(?:came|went) through (?:in|within|after|on)",
            r"(?:they|he|she|we) stopped (?:arguing|fighting|complaining|blaming)",
            r"(?:we|i|the team) made (?:the|our|its) (?:release|deadline|date|launch|target)",
            r"(?:still|now) (?:volunteer|work|come|meet|talk|use it|run)"), 3.0),
        (rx(r"(?:improved|reduced|increased|decreased|dropped|fell|rose|grew|doubled|halved|"
            r"saved|cut)(?! my)", r"went (?:up|down|from)", r"on time", r"on schedule",
            r"went live", r"(?:was|were) (?:adopted|praised|promoted|happy|pleased|thrilled|"
            r"stable|successful|resolved|fixed|delivered|released|shipped|launched|renewed|"
            r"recognized|deprecated)", r"appreciated", r"thanked",
            r"(?:became|becomes|turned into)", r"(?:we|the team) (?:shipped|launched|"
            r"delivered|finished|hit|met|completed|closed|won)",
            # "we kept the date" is an outcome; "we kept building" is still the action.
            r"(?:we|the team) kept(?! \w+ing(?![\w']))", r"(?:told|gave) me "
            r"(?:that|feedback)", r"(?:my|the) (?:manager|client|customer|lead|boss|team) "
            # "the team was building ..." sets the scene; "the team was pleased" is an outcome.
            r"(?:said|told|(?:was|were)(?! \w+ing(?![\w']))|trusted|thanked|gave)",
            r"feedback (?:was|shifted|improved)",
            r"(?:no|fewer|less|more) (?:\w+ )?(?:complaints|incidents|bugs|tickets|churn)"), 1.5),
    ],
}

NOT_NEGATED = r"(?<!not )(?<!n't )(?<!no )(?<!not really )(?<!n't really )(?<!not entirely )"
"""Put before an admission, so "it was not my fault" is not read as owning it."""

MINE = (r"(?:the|that|this|my) (?:\w+ )?(?:error|mistake|fault|choice|decision|call|slip) "
        r"(?:was|had been|is) (?:all )?mine")
"""The speaker claiming the mistake: "the error was mine"."""

# --- red flags --------------------------------------------------------------------------------

_OTHERS = (r"(?:(?:the|my|our|their) (?:\w+ )?(?:manager|boss|client|customer|team|other team|qa|"
           r"product (?:team|manager|owner)|stakeholders?|vendor|contractor|designer|lead|director|"
           r"colleague|coworker|teammates?|developers?|engineers?|leadership|management|business|"
           r"sales team|marketing|ops|devops|backend team|frontend team|landlord|supplier|"
           r"partner|agency|provider|consultant)|they|he|she|nobody|no one|"
           r"management|leadership|someone else|everyone else|one of them)")
_NOT = r"(?<!not )(?<!n't )(?<!never )"
BLAME = rx(
    r"(?:the )?(?:requirements?|specs?|priorities|scope) (?:kept|keep|were|was) (?:changing|"
    r"shifting|moving|unclear|vague|wrong)",
    _OTHERS + r" (?:kept|keep) (?:changing|moving|shifting|adding (?:more )?(?:features|"
    r"requirements|scope|requests|work|stuff|things|changes))",
    _OTHERS + r" (?:would|kept|keep|always|was|were) (?:always |constantly )?(?:change|changing|"
    r"changed) (?:their|his|her) minds?",
    r"(?:the|their|his|her) (?:designs?|specs?|mockups?|assets|requirements|inputs?|content|copy) "
    r"(?:came in|arrived|showed up|landed|were delivered|was delivered) (?:\w+ ){0,3}late",
    # "he never answered", "their IT team never gave us", "she didn't really understand",
    # "the team just didn't have the skills"
    # (Only an adverb may come between: "the team and I didn't have the time" and "she said
    # it didn't help" are not blame.)
    _OTHERS + r"(?: (?:just|simply|really|also|still|then|again|honestly|basically|even|ever|"
    r"always|actually)){0,2} (?:didn't|did not|never|failed to|refused to|"
    r"forgot to|wouldn't|would not) "
    r"(?:really |even |ever |actually |properly |clearly |just |bother to )?(?:tell|told|give|"
    r"gave|send|sent|provide|provided|test|tested|check|checked|review|reviewed|respond|"
    r"responded|reply|replied|answer|answered|deliver|delivered|listen|listened|communicate|"
    r"communicated|mention|mentioned|warn|warned|do|did|follow|followed|read|update|updated|"
    r"share|shared|let|understand|understood|care|cared|help|helped|show up|showed up|turn up|"
    r"prepare|prepared|plan|planned|lower|agree|agreed|sign off|have the (?:skills|experience|"
    r"knowledge|time|budget|people|tools))",
    # "signed it off without really looking"
    _OTHERS + r" (?:signed|approved|passed|merged|shipped) (?:it|them|that|the \w+)(?: off)? "
    r"without (?:really |even |properly |actually )?(?:looking|checking|testing|reading|asking)",
    # "one of them was the real problem", "they were the ones missing the deadlines"
    _OTHERS + r" (?:was|were) (?:the|our) (?:real |whole |main |actual |only )?problem"
    r"(?! solver| solving)",
    r"(?:they|he|she) (?:was|were) the ones? (?:who (?:kept |were |was )?)?(?:missing|missed|"
    r"late|slowing (?:us|things|it|everyone|the \w+) down|holding (?:us|things|it|everyone|"
    r"the \w+) up|causing|breaking|blocking)",
    # "a colleague on the data team who was honestly impossible", "the vendor's tool was full
    # of bugs"
    _OTHERS + r"(?: \w+){0,5} who (?:was|were) (?:honestly |just |really |completely |totally )?"
    r"(?:impossible|useless|hopeless|incompetent|lazy|unreliable|a nightmare)",
    r"(?:the|their|his|her|a) (?:vendor|supplier|contractor|client|other team|agency|"
    r"provider)(?:'s|s')? (?:\w+ ){0,2}(?:tool|system|software|code|platform|api|product|"
    r"library|data) (?:was|were) (?:full of bugs|buggy|broken|a mess|garbage|useless)",
    r"(?:it|that|this) (?:was|wasn't|was not) (?:really )?(?:their|his|her|the \w+'s|"
    r"management's|the team's) fault", r"(?:wasn't|was not|isn't|is not|not) (?:really )?my fault",
    r"(?:nobody|no one) (?:told|warned|informed) (?:me|us)",
    _OTHERS + r" (?:was|were) (?:always|constantly|often|usually|again|so|really|completely) "
    r"(?:late|slow|behind|unresponsive|unavailable|unclear|disorganized|useless|difficult|"
    r"unreasonable|unrealistic)",
    _OTHERS + r" should have (?:told|warned|tested|checked|caught|said|known|asked|given|sent|"
    r"done|listened|flagged|noticed|planned)",
    r"(?:because|since) of (?:the|my) (?:\w+ )?(?:team|manager|client|colleague)'s",
    r"(?:threw|thrown|throw) (?:me|us) under the bus",
    r"if " + _OTHERS + r" had(?:n't| not)? (?:told|given|listened|asked|sent|tested|checked|warned|"
    r"been|done|delivered|answered)",
    _NOT + r"(?:blame|blamed) (?:the|my|them|him|her)", r"(?:it|that) was on them",
)
# "I'm too much of a perfectionist", not "my manager is a perfectionist".
HUMBLE_BRAG = rx(
    r"(?:i'm|i am|i was|i can be|i tend to be|i've always been|i have always been|being) (?:just |"
    r"simply |probably |really |always |honestly )?(?:too much of |such |a bit of |kind of |"
    r"sort of |"
    r"way too much of )?(?:a )?perfectionist", r"my perfectionism",
    r"(?:i|i'm|i am|i was) (?:just |simply |probably )?(?:too|overly) (?:dedicated|committed|"
    r"passionate|detail[- ]oriented|thorough|hard[- ]?working|careful|honest|ambitious|driven|"
    r"generous|helpful|nice|invested)",
    r"i (?:\w+ )?(?:work|worked) too (?:hard|much)", r"i (?:just |simply )?care(?:d)? too much",
    r"i cared so much", r"(?:my )?standards (?:are|were) (?:just )?too high",
    r"too high (?:of )?standards", r"(?:my only|the only) (?:weakness|mistake|fault|failure) "
    r"(?:is|was) (?:that )?i", r"gave (?:it )?(?:too much|110|a hundred and ten)",
    r"(?:i|i'm) (?:just )?too good at",
    r"i (?:just |always |really )?hold myself to (?:a |such a )?(?:really |very |too |extremely |"
    r"super |impossibly |incredibly )?high(?:er)? (?:bar|standards?)",
    r"(?:i'm|i am|i can be|i tend to be) (?:just |probably |really |a bit |maybe |often )?too "
    r"(?:hard on myself|self-critical)",
    r"(?:i'm|i am) (?:a bit of |kind of |sort of )?a workaholic",
    # "I'm just the kind of person who always speaks up", "I'm just naturally a people person",
    # "presenting is honestly my strength"
    r"(?:i'm|i am|i've always been) (?:just |simply |always |honestly |really )?the (?:kind|sort|"
    r"type) of (?:person|leader|manager|engineer|colleague) who (?:always|just|never|simply)",
    r"(?:i'm|i am|i've always been) (?:just |simply |honestly |really )?(?:naturally |a natural )"
    r"(?:a )?(?:great |good |strong )?(?:people person|leader|communicator|presenter|"
    r"problem solver|at this)",
    r"(?:i'm|i am) (?:just |simply )?a (?:natural|born) (?:leader|people person|communicator|"
    r"presenter)",
)
TOLD_ME = rx(r"(?:told|tells|telling|warned|reminded|called) me", r"said (?:to me )?(?:that )?i",
             r"feedback (?:was )?that", r"(?:in|during) my (?:\w+ )?review")
"""Someone else's verdict on the speaker, reported: "my manager told me I was ..."."""
EXTERNAL = rx(
    r"the (?:market|economy|industry|landscape) (?:shifted|changed|crashed|turned|collapsed|"
    r"moved|dried up)", r"(?:market|economic) (?:conditions|downturn|shift|crash)",
    r"budget (?:cuts|was cut|got cut|freeze)", r"(?:because of|due to|thanks to|blame) (?:covid|"
    r"the pandemic|the recession|a recession|the economy|the market|bad luck)",
    r"(?:covid|the pandemic|the recession) (?:hit|killed|ruined|changed|meant|caused|made)",
    r"(?:bad|pure) luck", r"(?:we were|i was|it was) (?:just )?unlucky",
    # "it was really just bad timing", "the cost of ingredients went up by a third", "the whole
    # trade went into a slump", "the council closed the main road"
    r"(?:really |just |simply )*(?:bad|terrible|awful|unlucky) timing",
    r"(?:the )?(?:cost|costs|price|prices|rent|rents) (?:of (?:\w+ ){1,2})?(?:went up|rose|"
    r"doubled|tripled|jumped|shot up|soared|spiked)",
    r"(?:went|fell|slid|sank) into (?:a )?(?:slump|recession|downturn|decline)",
    r"(?:the )?(?:council|city|government|authorities|regulator) (?:closed|shut|banned|"
    r"blocked|cancelled|changed|cut|froze)",
    r"(?:out of|beyond|outside) (?:my|our) control",
    r"nothing (?:i|we|anyone) could (?:have )?(?:do|done)", r"(?:the )?timing was (?:just )?(?:bad|"
    r"wrong|unlucky)", r"(?:the )?(?:vendor|supplier|third party|competitor|competition) "
    r"(?:let us down|failed|changed|beat|released|launched)",
    r"(?:regulations?|the law|policy) changed", r"(?:the )?circumstances (?:changed|were against)",
    r"(?:it|that) (?:just )?(?:wasn't|was not) meant to be",
    r"(?:the )?weather (?:delayed|ruined|cancelled|stopped|turned)",
    r"(?:unforeseen|unexpected) (?:circumstances|events)",
)
OWN_RESPONSIBILITY = rx(
    NOT_NEGATED + r"my (?:own )?(?:mistake|fault|error|responsibility|part|call|bad)",
    NOT_NEGATED + r"(?:that|it|this)(?: one| part| bit)?(?:'s| is| was) (?:all |totally |"
    r"completely |entirely )?on me", r"i got (?:it|this|that|things|the \w+|my \w+) (?:badly |"
    r"completely |totally |so )?wrong", r"i (?:had |have )?forgot(?:ten)? to",
    r"i was (?:wrong|responsible|to blame|at fault)", r"i (?:should|could) have",
    r"i shouldn't have",
    r"i (?:made|owned|admitted|own) (?:a |the |that |my |up |it)", r"i (?:take|took) (?:full )?"
    r"(?:responsibility|ownership)", r"i (?:underestimated|misjudged|overlooked|missed|forgot|"
    r"ignored|assumed|failed to|messed up|dropped the ball)",
    r"i (?:didn't|did not|never) (?:\w+ )?(?:check|test|ask|plan|verify|communicate|escalate|raise|"
    r"notice|catch|think|consider|push back|review|double-check|tell|flag|prioritize|realize|"
    r"follow up|anticipate|prepare|document|listen|read|speak up|validate)", r"i own(?:ed)? it",
    r"on my (?:side|end)", r"i was the one", MINE,
)

# --- strengths --------------------------------------------------------------------------------

OWNED_MISTAKE = rx(
    NOT_NEGATED + r"my (?:own )?(?:mistake|fault|error)",
    NOT_NEGATED + r"(?:that|it|this)(?: one| part| bit)?(?:'s| is| was) (?:all |totally |"
    r"completely |entirely )?on me",
    r"i was wrong", r"i got (?:it|this|that|things|the \w+|my \w+) (?:badly |completely |"
    r"totally |so )?wrong", r"i (?:had |have )?forgot(?:ten)? to",
    # "I copied the template from the last report and forgot to update a table"
    r"i (?!(?:think|thought|guess|believe|heard|know|knew|assume|suppose|felt|feel|said|told|"
    r"asked|saw|noticed|hoped)(?![\w']))\w+(?: \w+){0,6} and (?:then |just )?forgot to",
    r"i was (?:to blame|at fault)", r"i (?:made|owned|admitted) (?:a|the|that|my) (?:\w+ )?"
    r"(?:mistake|error|misjudgment|call)",
    r"i (?:take|took) (?:full )?(?:responsibility|ownership)",
    r"i (?:messed|screwed) up", r"i dropped the ball", r"i (?:underestimated|misjudged)",
    r"i (?:had |have )?(?:missed|overlooked|forgot) (?:it|the|my|a|an|that)",
    r"i (?:had |have )?(?:planned|estimated|allowed|budgeted|left|gave|set|scheduled|sized) "
    r"(?:\w+ ){0,3}(?:way |far |much )?too (?:little|few|short|late|optimistic|low|high|small|"
    r"tight|aggressive)",
    r"i should have", r"i owned (?:it|up)", r"i was responsible(?! for (?!(?:it|this|that|the "
    r"(?:outage|mistake|bug|delay|failure|error|problem|incident|miss|slip)|what happened)))",
    r"i was the one who (?:broke|caused|missed|pushed|forgot)", r"i (?:broke|caused)",
    MINE,
    r"my (?:\w+ )?(?:\w+ )?(?:was|were) (?:the (?:real |main )?(?:problem|mistake|cause|issue)|"
    r"wrong)",
    r"i (?:had )?(?:never|not|didn't|did not) (?:even |actually )?(?:\w+ )?(?:test(?:ed)?|"
    r"check(?:ed)?|"
    r"verif(?:y|ied)|validat(?:e|ed)|ask(?:ed)?|review(?:ed)?|plan(?:ned)?|measur(?:e|ed)|"
    r"load[- ]test(?:ed)?|tell|told|escalat(?:e|ed)|consider(?:ed)?|double[- ]check(?:ed)?)",
)
NEWS = (r"(?! (?:that )?(?:the|my|our|their|his|her|they|he|she|it|we) (?:\w+ ){0,2}"
        r"had (?:already |just )?(?:\w+ed|been|gone|left|quit|sold|lost|won|taken|chosen|cut|"
        r"signed|hired|fired|sent|found|done|made|given)(?![\w']))")
"""After "I learned": news ("I learned that the client had cancelled"), not a lesson."""
LEARNING = rx(r"i (?:have )?learn(?:ed|t)" + NEWS, r"i've learn(?:ed|t)", r"taught me",
              r"the lesson",
              r"(?:a|my|big|key|biggest|main) lesson", r"my (?:main |biggest )?takeaway",
              r"i (?:now )?(?:understand|know) (?:now )?that", r"i realized (?:that )?(?!i was\b)",
              r"i discovered that")
# "Looking back, there was not much we could have done" is not a lesson: reflection needs the
# speaker to say what they see now.
REFLECTION = rx(r"(?:looking back|in hindsight),? i (?!(?:don't|do not|wouldn't|would not) )",
                r"i realized", r"i understood", r"i discovered that",
                r"i saw that", r"now i (?:know|understand|see)", r"i learned" + NEWS,
                r"i've learned",
                r"taught me", r"lesson", r"takeaway", r"i learnt", r"i should(?: have|'ve)",
                r"i could have", r"i wish i had", r"next time", r"if i (?:did|had to do) it again",
                r"(?:what|the thing) i(?:'d| would) do differently", r"in (?:the )?future i")
CHANGE = rx(r"since then", r"ever since", r"from then on", r"(?:now|today) i", r"i now",
            r"(?<!right )(?<!by )(?<!until )(?<!just )(?<!even )now (?:every|each|all|whenever|"
            r"when|"
            r"before|we|my|our|the team|any|no)", r"(?:adopted|made) (?:the same|this|that|it|a) "
            r"(?:\w+ )?(?:rule|practice|process|habit|standard|checklist)",
            r"these days", r"nowadays", r"going forward", r"to this day", r"i still",
            r"i (?:always|never) \w+ (?:\w+ )?(?:now|again|anymore)",
            # A habit in the present tense: "I always keep a spare week", "I never ship on Fridays".
            r"i (?:now )?always (?!(?:was|were|had|wanted|thought|said|did|got|knew)(?![\w']))\w+",
            r"i (?:now )?never (?!\w+ed(?![\w']))(?!(?:was|had|did|thought|got|made|knew|told|saw|"
            r"went|took|wrote|ran|built)(?![\w']))\w+",
            r"i (?:now )?(?:like to|try to|tend to|prefer to|make a point of)",
            r"i learn(?:ed|t) to (?!(?:be|live|accept|love|like)(?![\w']))\w+",
            r"i (?:changed|adjusted) (?:how|the way|my)", r"i (?:have|'ve) (?:since|kept)",
            r"i've (?:since|kept|been)", r"(?:is|are|became) (?:now )?(?:part of|standard|our)",
            r"every (?:project|sprint|release|time) since", r"(?:years?|months?) since",
            r"(?:has|have|it's|that's) (?:\w+ )?prevented", r"i started \w+ing",
            r"(?:has become|became) (?:a habit|part of|something i)", r"i make (?:it a point|sure)",
            r"i've (?:made|changed|started|stopped)", r"i stopped \w+ing")
TRANSPARENCY = rx(
    r"i (?:immediately |quickly |then |also |right away )?(?:told|informed|notified|alerted|"
    r"warned|updated|emailed|called|messaged|briefed) (?:(?:my|the|our|both|all) (?:\w+ )?"
    r"(?:manager|boss|lead|team|client|customer|customers|stakeholders|users|director|teams|"
    r"leads|managers|people|colleagues|support|product|nurse|doctor|teacher|patient|patients|"
    r"parents|owner|owners|principal|supervisor|editor|partner|partners|coach|head|founder|"
    r"founders|ceo|cto|staff|crew|group|board|officer|clients|directors|department|chef)|"
    r"everyone|them|him|her)",
    r"i (?:immediately |then |also )?let (?:my|the|our|them|him|her|"
    r"everyone) (?:\w+ )?(?:\w+ )?know",
    r"i (?:raised|flagged|escalated|reported|disclosed|admitted|explained|owned up)",
    r"i was (?:upfront|honest|open|transparent)",
    r"i (?:called|set up|scheduled|held|booked) (?:a|an) (?:\w+ )?(?:meeting|call)",
    r"i (?:came|went) (?:clean|to my \w+)",
    # Not the mistake itself: "I sent a report to a client with the wrong numbers in it".
    r"i (?:wrote|sent|shared|filed|filled in|wrote up) (?:a|an|the) (?:\w+ )?(?:report|"
    r"post-?mortem|update|summary|email)(?! (?:\w+ ){0,4}(?:with|that had|containing|full of) "
    r"(?:the wrong|wrong|an? (?:error|mistake|typo|bug)|errors|mistakes|typos|bugs|old|stale))",
    r"(?:posted|sent|shared|gave|wrote) (?:an? |the )?(?:\w+ )?(?:update|note|message|email|"
    r"heads-up|status report) (?:to|for|in the|on the)", r"wrote to (?:the|my|our|all|every|each)",
)
RESILIENCE = rx(r"(?:rolled|rolling|rolls) (?:\w+ )?back", r"recover(?:ed)?", r"back on track",
                r"kept going", r"stabiliz(?:ed|e)", r"turned (?:it|things) around", r"tried again",
                r"second (?:time|attempt|migration|launch|try|version|run|round|release)",
                r"(?:was|were|is|are) (?:\w+ )?(?:right|back|working|stable) again",
                r"bounced back", r"regrouped", r"rebuilt",
                r"fixed", r"restored", r"still (?:delivered|shipped|finished|hit)",
                r"(?:we|i) (?:delivered|shipped|finished|completed|launched)")
# Something put in place so it does not happen again; "we followed the process" is not it.
PREVENTION = rx(
    r"(?:added|introduced|set up|created|wrote|built|put in|proposed|implemented|automated|started|"
    r"designed|made|adopted|wrote up) (?:a |an |the |new |our |some |two |"
    r"three )?(?:\w+ )?(?:\w+ )?"
    r"(?:checklist|process|review|test|tests|alert|alerts|check|checks|guard|guardrails?|rule|"
    r"rules|"
    r"safeguards?|template|runbook|playbook|monitoring|dashboard|post-?mortem|policy|step|gate|"
    r"limit|guide|feature flags?)",
    r"prevent(?:ed|s)?", r"never happened again", r"(?:hasn't|has not|haven't|have not) happened",
    r"so (?:it|that|this) (?:wouldn't|won't|couldn't|can't|doesn't|never) (?:happen|repeat)",
    r"(?:which|that) (?:now )?(?:refuses|blocks|catches|stops|rejects|flags)",
    r"protection rules", r"proof[- ]of[- ]concept",
    r"(?:weekly|regular|daily) (?:check-?ins?|syncs?|"
    r"updates?|notes?)")

FIRST_PERSON = rx(r"i", r"i'm", r"i've", r"i'd", r"i'll", r"me", r"my", r"myself")
FIRST_PLURAL = rx(r"we", r"we're", r"we've", r"we'd", r"we'll", r"us", r"our", r"ourselves")
# "I"/"we" as the doer of something; "I'm", "we were", "I think" describe states, not actions.
SUBJECT_I = rx(r"i(?:'ve|'d|'ll)?(?! (?:am|was|think|feel|guess|mean|care|know|believe|hope|wish)"
               r"(?![\w']))")
SUBJECT_WE = rx(r"we(?:'ve|'d|'ll)?(?! (?:are|were|think|feel|guess|mean|know|believe|hope)"
                r"(?![\w']))")
