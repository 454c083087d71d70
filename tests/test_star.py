"""STAR labelling: every word gets one section, in order, from explicit and implicit cues."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from starcoach.analysis.model import STAR_LABELS, AnalysisOptions
from starcoach.analysis.star import label_sections, sentence_scores, split_sentences
from starcoach.types import Word

OPTIONS = AnalysisOptions()
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def words_of(text: str, step: float = 0.3) -> list[Word]:
    """A typed answer as timed words, each 0.3 s long, back to back."""
    return [Word(t, i * step, (i + 1) * step) for i, t in enumerate(text.split())]


def label_of_each_sentence(text: str) -> list[str]:
    """The label given to the first word of each sentence of ``text``."""
    words = words_of(text)
    spans = label_sections(words, OPTIONS)
    by_word = {i: label for label, s, e in spans for i in range(s, e + 1)}
    firsts = [0] + [i + 1 for i, w in enumerate(words[:-1]) if w.text.endswith(".")]
    return [by_word[i] for i in firsts]


def assert_valid_cover(spans: list[tuple[str, int, int]], n: int) -> None:
    assert spans[0][1] == 0 and spans[-1][2] == n - 1
    for (_, _, end), (_, start, _) in zip(spans, spans[1:], strict=False):
        assert start == end + 1
    for label, s, e in spans:
        assert label in STAR_LABELS and s <= e
    for a, b in zip(spans, spans[1:], strict=False):
        assert a[0] != b[0], "neighbouring spans with one label should be merged"


EXPLICIT = (
    "The situation was that our nightly import kept failing. "
    "My task was to get it stable before the audit. "
    "What I did was add retries and write an alert for the on-call engineer. "
    "I also rewrote the slowest query. "
    "As a result, the import has not failed in six months."
)

IMPLICIT = (
    "Two years ago I was working at a small logistics company as the only data analyst. "
    "We had a weekly report that the managers used to plan the drivers. "
    "I needed to cut the time it took to build, because the managers were expected to have it "
    "by Monday. "
    "I rewrote the spreadsheet as a script and tested it against three old reports. "
    "Then I showed the managers how to run it themselves. "
    "The report now takes ten minutes instead of a day, and I learned to check with users first."
)


def test_an_answer_that_names_its_parts_is_labelled_in_star_order() -> None:
    assert label_of_each_sentence(EXPLICIT) == [
        "situation", "task", "action", "action", "result"]


def test_an_answer_that_never_names_its_parts_is_labelled_from_implicit_cues() -> None:
    assert label_of_each_sentence(IMPLICIT) == [
        "situation", "situation", "task", "action", "action", "result"]


def test_sections_cover_every_word_once_in_time_order() -> None:
    words = words_of(IMPLICIT)
    spans = label_sections(words, OPTIONS)
    assert_valid_cover(spans, len(words))
    assert [s[0] for s in spans] == list(STAR_LABELS)


def test_a_missing_situation_is_left_out_rather_than_invented() -> None:
    text = ("My task was to move our billing to a new provider in one month. "
            "I wrote a migration plan and then I ran it in three stages. "
            "In the end we moved every customer with no failed payments.")
    assert label_of_each_sentence(text) == ["task", "action", "result"]


def test_a_clear_return_to_action_after_a_result_is_kept() -> None:
    text = ("We had a checkout page that was slow on phones. "
            "I needed to halve the load time. "
            "I removed two tracking scripts and compressed the images. "
            "As a result, the page loaded in half the time. "
            "After that I also set up a budget check in the build, so I went back and wrote tests "
            "for it, and then I decided to review every new script myself. "
            "In the end the page has stayed fast for a year and I learned to measure first.")
    labels = label_of_each_sentence(text)
    assert labels == ["situation", "task", "action", "result", "action", "result"]


def test_one_stray_cue_does_not_cut_a_section_in_two() -> None:
    text = ("I was working as a support lead at an online shop. "
            "I needed to cut the backlog of tickets before the holidays. "
            "I sorted the tickets by topic and wrote answers for the ten most common ones. "
            "There was a lot of duplicate work, so I merged the queues. "
            "I trained two new people on the templates. "
            "As a result the backlog dropped by sixty percent in two weeks.")
    labels = label_of_each_sentence(text)
    assert labels[2:5] == ["action", "action", "action"]


def test_filler_words_given_as_skip_are_not_evidence() -> None:
    words = words_of("So I think the weather was nice.")
    action = STAR_LABELS.index("action")
    assert sentence_scores(words, 0, len(words) - 1)[action] > 0
    assert sentence_scores(words, 0, len(words) - 1, skip=frozenset({0}))[action] == 0


def test_words_without_punctuation_are_split_at_long_gaps() -> None:
    words = [Word("we", 0.0, 0.2), Word("had", 0.3, 0.5), Word("a", 0.6, 0.7),
             Word("problem", 0.8, 1.2), Word("so", 2.5, 2.7), Word("I", 2.8, 2.9),
             Word("fixed", 3.0, 3.3), Word("it", 3.4, 3.5)]
    assert split_sentences(words) == [(0, 3), (4, 7)]


def test_words_without_punctuation_or_gaps_are_cut_into_chunks() -> None:
    words = words_of(" ".join(["word"] * 40))
    sentences = split_sentences(words)
    assert sentences[0] == (0, 14)
    assert all(e - s + 1 <= 15 for s, e in sentences)
    assert sentences[-1][1] == 39


def test_an_empty_answer_has_no_sections() -> None:
    assert label_sections([], OPTIONS) == []


def test_a_one_word_answer_is_one_section() -> None:
    spans = label_sections(words_of("Hello."), OPTIONS)
    assert len(spans) == 1 and spans[0][1:] == (0, 0)


VOCAB = ["I", "we", "had", "to", "needed", "so", "then", "built", "the", "result", "as", "a",
         "in", "end", "learned", "situation", "was", "my", "task", "percent", "um,", "fixed.",
         "working", "since", "now", "always", "it.", "first", "what", "did", "team,", "30%", "?"]


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.sampled_from(VOCAB), min_size=1, max_size=120),
       gaps=st.lists(st.floats(min_value=0.0, max_value=2.0), min_size=120, max_size=120),
       skip=st.sets(st.integers(min_value=0, max_value=119)))
def test_sections_always_cover_the_answer_in_order_without_overlap(
    tokens: list[str], gaps: list[float], skip: set[int]
) -> None:
    words, t = [], 0.0
    for tok, gap in zip(tokens, gaps, strict=False):
        words.append(Word(tok, t, t + 0.25))
        t += 0.25 + gap
    spans = label_sections(words, OPTIONS, frozenset(skip))
    assert_valid_cover(spans, len(words))
    covered = [i for _, s, e in spans for i in range(s, e + 1)]
    assert covered == list(range(len(words)))


@pytest.mark.slow
def test_a_spoken_answer_without_section_names_is_labelled_right_most_of_the_time() -> None:
    """The real model on the bundled recording: at least 90% of speaking time labelled right."""
    sample = SAMPLES / "implicit_star.json"
    if not sample.exists():
        pytest.skip(f"sample not found at {sample}")
    from starcoach.pipeline import transcribe_file

    gold = json.loads(sample.read_text())["sections"]
    transcript, _ = transcribe_file(sample.with_suffix(".flac"))
    words = transcript.words
    spans = label_sections(words, OPTIONS)
    right = total = 0.0
    for label, s, e in spans:
        for w in words[s:e + 1]:
            mid = (w.start + w.end) / 2
            want = next((g["label"] for g in gold if g["start"] <= mid < g["end"]), None)
            total += w.end - w.start
            right += (w.end - w.start) * (want == label)
    assert right / total >= 0.9


def test_a_run_on_sentence_is_cut_before_and_so_then_into_its_parts() -> None:
    text = ("It was my first job. Last year I was working at a bank as the only tester on the "
            "payments team and "
            "I had to check every release before it shipped so I wrote a set of automated "
            "checks and then I ran them every night and in the end releases went out twice as "
            "often with no bugs found after launch.")
    words = words_of(text)
    assert max(e - s + 1 for s, e in split_sentences(words)) <= 24
    labels = [label for label, _, _ in label_sections(words, OPTIONS)]
    assert labels == ["situation", "task", "action", "result"]


def test_framing_the_story_and_a_team_at_work_set_the_scene_not_the_result() -> None:
    text = ("I'd like to talk about a time when we missed a deadline. "
            "So the team was building an integration with a partner and we underestimated how "
            "long their approval would take. "
            "We had planned three weeks and it took seven. "
            "I was the one who wrote the plan, and honestly I didn't leave any buffer, that's on "
            "me. "
            "We kept building against a mock in the meantime so when approval came through we "
            "went live in four days. "
            "Since then I put a buffer on anything that depends on another company.")
    labels = label_of_each_sentence(text)
    # The fifth sentence both acts and ends ("went live in four days"): either label is fair.
    assert labels[:4] == ["situation", "situation", "situation", "action"]
    assert labels[4] in {"action", "result"} and labels[5] == "result"


def test_the_team_being_pleased_or_keeping_the_date_is_still_a_result() -> None:
    text = ("Last spring I was leading the mobile team at a bank. "
            "I rewrote the sync code and I added retries to every call. "
            "In the end the team was pleased and we kept the launch date.")
    assert label_of_each_sentence(text) == ["situation", "action", "result"]


def test_my_part_was_names_the_task():
    text = ("At my last company we owned the checkout service and a big sale was coming up. "
            "My part was the caching layer for the sale. "
            "I set the cache expiry and I restarted the nodes when checkout went down. "
            "In the end we lost a few thousand in sales.")
    assert label_of_each_sentence(text) == ["situation", "task", "action", "result"]


@pytest.mark.parametrize("task", [
    "Our sales director asked the two of us to agree on one price list by Friday.",
    "I was the one accountable for the migration plan.",
    "I needed them to settle it between themselves before the launch.",
    "We had three weeks to move every customer to the new system.",
])
def test_a_task_given_by_others_owned_or_bounded_in_time_is_the_task(task: str) -> None:
    text = ("Last year I was running the support desk at a small software company. " + task
            + " I met each of them alone and I wrote down what they needed. "
            "As a result, the new system went live on time.")
    assert label_of_each_sentence(text) == ["situation", "task", "action", "result"]


@pytest.mark.parametrize("result", [
    "Forty people took part, and two of the ideas went into the product.",
    "Five of the six stayed with us through the winter.",
    "About seventy percent preferred the new rota.",
    "The licence came through in two weeks.",
])
def test_a_figure_reached_or_an_outcome_told_as_what_happened_is_the_result(result: str) -> None:
    text = ("Last year I was running the volunteer program at a food bank. "
            "My task was to get more people to come back after their first shift. "
            "I called every new volunteer myself and I paired each one with a regular. "
            + result)
    assert label_of_each_sentence(text) == ["situation", "task", "action", "result"]


def test_feedback_from_a_manager_is_not_a_task_given() -> None:
    text = ("The situation was my first review as a team lead. "
            "My manager told me that my team felt I did not listen. "
            "What I did was ask three people for real examples. "
            "As a result, my next survey was twenty points better on listening.")
    assert label_of_each_sentence(text)[1] != "task"
