"""The word lists behind the filler rules: the contexts in which a word is or is not a filler.

Each list is named for the question it answers; the rules in ``fillers.py`` read them.
"""

from __future__ import annotations

from starcoach.types import SENTENCE_END

CLAUSE_END = (*SENTENCE_END, ",", ";", ":", "—", "–")
SUBJECTS = {"i", "we", "they", "he", "she", "you", "it", "there", "nobody", "everyone",
            "everybody", "i'm", "we're", "they're", "it's", "there's", "i've", "we've", "i'd"}
CONJUNCTIONS = {"and", "but", "or", "because", "cause", "'cause", "then"}
FILLER_WORDS = {"um", "uh", "er", "erm", "ah", "like", "basically", "yeah", "anyway", "anyways",
                "okay", "ok", "well", "honestly"}

# "like" after these is a verb or a comparison ("I would like to", "it looked like", "things
# like logs"), never a filler, even with a comma after it.
LIKE_HEADS = {
    "would", "i'd", "we'd", "you'd", "they'd", "he'd", "she'd", "look", "looks", "looked",
    "looking", "seem", "seems", "seemed", "sound", "sounds", "sounded", "feel", "feels", "felt",
    "feeling", "something", "anything", "nothing", "things", "thing", "stuff", "more", "less",
    "much", "just", "exactly", "i", "we", "they", "you", "don't", "didn't", "doesn't", "not",
    "people", "really", "also", "would've", "a", "the", "what", "unlike", "be", "to",
}
LIKE_SAID = {"said", "say", "mentioned", "explained", "described", "told", "discussed",
             "planned", "agreed", "expected", "promised", "wanted", "asked", "suggested", "was"}
# A hedge before an amount: "it took like three weeks", "for like a month".
APPROX_HEADS = {"took", "take", "takes", "taking", "was", "were", "is", "are", "been", "be",
                "for", "in", "about", "spent", "lost", "saved", "cut", "by", "after", "within",
                "around", "maybe", "got", "at", "had", "have", "has", "over", "only", "of"}
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "thousand", "million", "half", "dozen", "couple", "few",
}
INTENSIFIERS = {"really", "very", "super", "pretty", "totally", "huge", "massive", "whole",
                "completely", "literally"}
"""After a comma, "like a really..." hedges; "like the ones we had" gives an example."""
COPULAS = {"was", "were", "is", "are", "it's", "i'm", "we're", "they're", "that's", "been"}
LIKE_ADVERBS = {"really", "very", "super", "pretty", "totally", "completely", "literally", "so",
                "absolutely", "insanely", "crazy"}
"""Between these, "like" only fills: "I was like totally burnt out", "it was like super slow"."""
DETERMINERS = {"the", "a", "an", "this", "that", "our", "my", "his", "her", "their", "your"}
FINITE_VERBS = {"was", "were", "is", "are", "went", "worked", "came", "got", "had", "did",
                "broke", "took", "ran", "fell", "grew", "made"}
CLAUSE_BREAKERS = {"i", "we", "they", "you", "he", "she", "it", "that", "which", "who", "in",
                   "of", "from", "with", "for", "at", "on"}
AMOUNT_AFTER_A = NUMBER_WORDS | {"week", "month", "day", "year", "hour", "minute", "second"}
# Before these "you know" is the verb: "let you know", "do you know", "as you know".
YOU_KNOW_BLOCK = {"let", "lets", "do", "did", "does", "don't", "didn't", "doesn't", "if", "as",
                  "will", "would", "could", "should", "can", "might", "may", "must", "sure",
                  "what", "unless", "whether", "when", "to", "make", "made", "have", "had", "now"}
I_MEAN_BLOCK = {"what", "which", "that", "how", "if", "do", "don't", "didn't", "did", "really"}
# "kind of" after these is a noun: "that kind of problem", "the sort of thing".
KIND_NOUN_HEADS = {
    "a", "an", "the", "this", "that", "these", "those", "what", "which", "some", "any", "every",
    "each", "one", "no", "same", "other", "another", "right", "wrong", "different", "new",
    "best", "worst", "first", "last", "whatever", "my", "our", "your", "their", "his", "her",
    "its", "certain", "particular", "similar", "specific", "only", "whole", "usual", "exact",
    "special", "strange", "weird", "odd", "main", "good", "bad", "common", "rare", "two",
    "three", "several", "many", "all", "such", "what's", "that's", "of",
}
KIND_NOUNS = {
    "problem", "problems", "thing", "things", "issue", "issues", "person", "people", "bug",
    "bugs", "work", "project", "projects", "situation", "question", "questions", "feedback",
    "approach", "test", "tests", "mistake", "mistakes", "decision", "decisions", "role", "team",
    "job", "task", "change", "changes", "error", "errors", "stuff", "tool", "tools", "system",
    "manager", "company", "customer", "customers", "leader", "failure", "risk", "data", "thinking",
}
"""After "kind of" these make it a noun phrase ("an odd kind of bug"), not a hedge."""
SO_OPENERS = {"um", "uh", "er", "like", "basically", "yeah", "anyway", "anyways", "okay", "ok",
              "well", "what", "in", "at", "after", "overall", "then", "honestly", "first"}
"""After these, "so" opening a sentence introduces the answer, not a consequence."""

NO_DOUBLE = {"that", "had", "is", "very", "really", "so", "no", "bye", "yes", "yeah", "okay",
             "ha", "far", "more", "many", "much", "again", "on", "over", "and"}
"""Words that may be said twice on purpose ("that that", "had had", "very very")."""
