"""The analyzer end to end: sections, fillers, pauses, pace and notes from one transcript; typed
answers; the JSON round trip; ``analyze --text`` through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from starcoach.analysis import analyze
from starcoach.analysis.model import SCHEMA, STAR_LABELS, Analysis, AnalysisOptions
from starcoach.errors import NoSpeechError
from starcoach.questions.bank import Question, get_question
from starcoach.transcribe.typed import TextInputError, read_text_transcript
from starcoach.types import SAMPLE_RATE, Transcript, Word

STORY = (
    "Um, so the situation was that our billing page went down, like, every Friday night. "
    "My task was to find out why and to stop it. "
    "I I looked at the logs, and I found that a report job locked the orders table. "
    "I moved the job to a replica and I added an alert for long locks. "
    "As a result, the page has not gone down since, and errors fell by ninety percent. "
    "I learned to check scheduled jobs first, and now I always do."
)


def timed_words(text: str, seconds: float, start: float = 0.5,
                gaps: dict[int, float] | None = None) -> list[Word]:
    """Words spread evenly over ``seconds``, with an extra silence after word k for k in gaps."""
    tokens = text.split()
    gaps = gaps or {}
    step = (seconds - sum(gaps.values())) / len(tokens)
    words, t = [], start
    for i, tok in enumerate(tokens):
        words.append(Word(tok, t, t + step * 0.85))
        t += step + gaps.get(i, 0.0)
    return words


def audio_for(words: list[Word], duration: float) -> np.ndarray:
    """A buzz under every word and silence elsewhere: audio whose pauses are known."""
    x = np.zeros(int(duration * SAMPLE_RATE), dtype=np.float32)
    t = np.arange(x.size) / SAMPLE_RATE
    buzz = (0.2 * np.sin(2 * np.pi * 150 * t)).astype(np.float32)
    for w in words:
        a, b = int(w.start * SAMPLE_RATE), int((w.end + 0.1) * SAMPLE_RATE)
        x[a:b] = buzz[a:b]
    return x


def transcript(words: list[Word], duration: float | None = None, timed: bool = True
               ) -> Transcript:
    return Transcript(tuple(words), duration or words[-1].end + 0.5, timed=timed)


def test_a_spoken_answer_gets_sections_fillers_pauses_pace_and_notes():
    # Long pauses after "moved" (mid-sentence) and after "locks." (before the result).
    words = timed_words(STORY, 100.0, gaps={44: 2.2, 57: 2.5})
    duration = words[-1].end + 0.7
    a = analyze(transcript(words, duration), audio_for(words, duration))
    assert [s.label for s in a.sections] == list(STAR_LABELS) and a.missing == ()
    assert [f.text for f in a.fillers][:3] == ["um", "so", "like"]
    assert a.fillers[0].section == "situation"
    assert [d.text for d in a.disfluencies] == ["i i"]
    mid, between = [p for p in a.pauses if p.seconds >= 2.0]
    assert abs(between.start - (words[57].end + 0.1)) < 0.1
    assert abs(between.end - words[58].start) < 0.1
    assert (mid.where, between.where) == ("mid_sentence", "between_sections")
    assert abs(mid.start - (words[44].end + 0.1)) < 0.1
    assert a.pace is not None and a.pace.articulation_wpm > a.pace.wpm
    assert {n.aspect for n in a.notes} >= {"length", "balance", "pace", "fillers"}
    assert any(f.category == "quantified_result" for f in a.strengths)


def test_filled_pauses_do_not_count_as_words_in_the_pace():
    words = timed_words("um we shipped uh it on time and um nobody noticed at all", 6.0)
    a = analyze(transcript(words))
    assert sum(s.words for s in a.sections) == 10
    assert a.pace.wpm == round(10 / a.speaking_s * 60, 1)  # rounded as stored


def test_a_typed_answer_has_no_pace_or_pauses_and_shares_by_words(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(STORY + "\n")
    a = analyze(read_text_transcript(path))
    assert a.timed is False and a.pace is None and a.pauses == ()
    n = len(STORY.split())
    for s in a.sections:
        assert s.share == round((s.last_word - s.first_word + 1) / n, 3)  # rounded as stored
    length = next(n for n in a.notes if n.aspect == "length")
    assert "when spoken" in length.message


def test_an_empty_transcript_is_refused_with_a_message():
    with pytest.raises(NoSpeechError, match="no words to analyze in rec.flac"):
        analyze(Transcript((), 3.0, source="rec.flac"))


@pytest.mark.parametrize("seconds,status,verdict", [
    (40, "low", "Thin"), (75, "low", "Short"), (120, "ok", "Length OK"), (165, "high", "Long"),
    (200, "high", "Rambles"),
])
def test_the_length_note_compares_speaking_time_with_the_target(seconds, status, verdict):
    a = analyze(transcript(timed_words(STORY, seconds)))
    (note,) = [n for n in a.notes if n.aspect == "length"]
    assert note.status == status and note.message.startswith(verdict)


def test_a_missing_section_is_named_in_the_notes():
    text = ("Last year our deploys failed often. I needed to make them reliable. "
            "I wrote a checklist, I added a staging step and I trained the team on it.")
    a = analyze(transcript(timed_words(text, 30)))
    assert "result" in a.missing
    assert any(n.aspect == "missing" and n.message.startswith("No result") for n in a.notes)


def test_speaking_too_fast_or_too_slow_is_noted_against_the_band():
    fast = analyze(transcript(timed_words(STORY, 25)))
    slow = analyze(transcript(timed_words(STORY, 60), None),
                   options=AnalysisOptions(wpm_min=150))
    assert [n.status for n in fast.notes if n.aspect == "pace"] == ["high"]
    assert [n.status for n in slow.notes if n.aspect == "pace"] == ["low"]


def test_the_question_is_stored_and_checked_when_given():
    question = Question(id="failure-time-you-failed", text="Tell me about a time you failed.",
                        category="failure", look_for=("Ownership without making excuses",))
    a = analyze(transcript(timed_words(STORY, 90)), question=question)
    assert a.question == {"id": "failure-time-you-failed",
                          "text": "Tell me about a time you failed.", "category": "failure"}
    # what the story must be about comes first, then the question's own points
    assert [c.name for c in a.question_checks[:2]] == [
        "A story about something that went wrong", "Ownership without making excuses"]


def test_the_json_round_trips_through_from_dict():
    words = timed_words(STORY, 100.0, gaps={57: 2.5})
    duration = words[-1].end + 0.7
    a = analyze(transcript(words, duration), audio_for(words, duration),
                question=Question(id="q", text="Tell me.", category="failure", look_for=()))
    d = json.loads(json.dumps(a.to_dict()))
    again = Analysis.from_dict(d)
    assert again.to_dict() == d
    assert again.pace.windows and again.sections[2].label == "action"


def test_from_dict_refuses_json_of_another_schema():
    with pytest.raises(ValueError, match="not a starcoach.analysis/1 analysis"):
        Analysis.from_dict({"schema": "starcoach.transcript/1"})


VOCAB = ["I", "we", "fixed", "the", "bug.", "um", "like,", "so", "it", "worked", "and",
         "result", "was", "my", "task", "situation", "then", "learned", "you", "know,"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=80),
       st.lists(st.floats(0.05, 1.5), min_size=80, max_size=80))
def test_sections_cover_the_answer_in_order_without_overlap(tokens, steps):
    words, t = [], 0.3
    for tok, step in zip(tokens, steps, strict=False):
        words.append(Word(tok, t, t + step * 0.7))
        t += step
    a = analyze(transcript(words))
    d = a.to_dict()
    assert d["schema"] == SCHEMA
    assert a.sections[0].first_word == 0 and a.sections[-1].last_word == len(words) - 1
    for s, nxt in zip(a.sections, a.sections[1:], strict=False):
        assert nxt.first_word == s.last_word + 1 and nxt.start == s.end
    assert a.sections[0].start == a.speech_start and a.sections[-1].end == a.speech_end
    assert sum(s.share for s in a.sections) == pytest.approx(1.0)
    assert all(0 <= s.start <= s.end <= a.duration_s for s in a.sections)
    assert set(a.missing) == set(STAR_LABELS) - {s.label for s in a.sections}


def test_read_text_transcript_gives_words_positions_as_times(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("**Situation:** we had\n\n> a *flaky* test.\n")
    t = read_text_transcript(path)
    assert [w.text for w in t.words] == ["Situation:", "we", "had", "a", "flaky", "test."]
    assert [(w.start, w.end) for w in t.words[:2]] == [(0.0, 1.0), (1.0, 2.0)]
    assert t.timed is False and t.duration_s == 6.0


@pytest.mark.parametrize("setup,message", [
    (lambda p: None, "text file not found: {p} (give the path of a text file with your typed "
                     "answer)"),
    (lambda p: p.write_text("  \n\n"), "text file is empty: {p} (write your answer in it, then "
                                         "run this again)"),
    (lambda p: p.write_bytes(b"fLaC\x00\x00\x00\x22\x10\x00"),
     "{p} is not a text file (it holds binary data); to analyze a recording, run `starcoach "
     "analyze {p}` without --text"),
    (lambda p: p.mkdir(), "{p} is a folder, not a text file (give the path of a text file with "
                          "your typed answer)"),
])
def test_unreadable_text_files_are_refused_with_a_message_naming_the_file(tmp_path, setup,
                                                                          message):
    path = tmp_path / "answer.txt"
    setup(path)
    with pytest.raises(TextInputError) as exc:
        read_text_transcript(path)
    assert str(exc.value) == message.format(p=path)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                          text=True, timeout=120, env={**__import__("os").environ,
                                                       "NO_COLOR": "1"})


def test_analyze_text_prints_a_report_and_json_for_a_typed_answer(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(STORY)
    report = run_cli("analyze", "--text", str(path))
    assert report.returncode == 0, report.stderr
    assert "Situation" in report.stdout and "\x1b[" not in report.stdout
    out = run_cli("analyze", "--text", str(path), "--json")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["schema"] == SCHEMA and d["timed"] is False and d["pace"] is None
    assert [s["label"] for s in d["sections"]] == list(STAR_LABELS)
    assert d["fillers"][0] == {**d["fillers"][0], "text": "um", "kind": "filled_pause"}


def test_analyze_text_with_a_missing_file_is_one_error_line_and_exit_2(tmp_path):
    missing = Path(tmp_path / "nope.txt")
    r = run_cli("analyze", "--text", str(missing))
    assert r.returncode == 2
    assert r.stderr == (f"error: text file not found: {missing} (give the path of a text file "
                        "with your typed answer)\n")
    assert r.stdout == ""


def test_too_much_set_up_is_noted_and_an_answer_of_set_up_only_gets_the_missing_notes():
    setup = ("Last year our team ran the billing system for a large retailer with many stores. "
             "The system was old and it failed often, and everyone was tired of it. "
             "My task was to make it reliable before the holiday season started. ")
    long_setup = analyze(transcript(timed_words(
        setup * 2 + "I rewrote the retry logic. As a result, failures fell by half.", 90)))
    assert [n.status for n in long_setup.notes if n.aspect == "balance"][0] == "high"
    only_setup = analyze(transcript(timed_words(setup, 30)))
    assert not [n for n in only_setup.notes if n.aspect == "balance"]
    assert {"action", "result"} <= set(only_setup.missing)


def test_a_section_starts_in_the_middle_of_the_silence_the_audio_shows():
    """Whisper stretched "locks." over the pause before the result: the audio still puts the
    boundary halfway through the silence, not at the next word."""
    words = timed_words(STORY, 100.0, gaps={57: 2.5})
    duration = words[-1].end + 0.7
    audio = audio_for(words, duration)
    silent_from, silent_to = words[57].end + 0.1, words[58].start
    words[57] = Word(words[57].text, words[57].start, words[58].start)
    a = analyze(transcript(words, duration), audio)
    result = next(s for s in a.sections if s.label == "result")
    assert result.first_word == 58
    assert abs(result.start - (silent_from + silent_to) / 2) < 0.05


SUCCESS = (
    "We were losing about fifteen percent of signups at the payment step so I looked at the logs "
    "and found that the card form was timing out on slow connections. I rewrote the form to load "
    "the payment library lazily and I added a retry. We shipped it in two weeks and the drop-off "
    "went from fifteen percent down to four percent, and the approach got adopted by two other "
    "teams."
)


def test_a_success_story_is_not_faulted_for_lacking_a_lesson_or_a_change_of_habit():
    teamwork = get_question("teamwork-successful-project")
    failure = get_question("failure-time-you-failed")
    absent = {"no_learning", "no_change"}
    words = timed_words(SUCCESS, 40)
    found = analyze(transcript(words), question=teamwork).red_flags
    assert not absent & {f.category for f in found}
    # Asked about a failure, or with no question given, the same answer lacks both.
    assert absent <= {f.category for f in analyze(transcript(words), question=failure).red_flags}
    assert absent <= {f.category for f in analyze(transcript(words)).red_flags}
