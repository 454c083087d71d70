"""Pauses measured from audio energy, and pace math."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from starcoach.analysis.model import AnalysisOptions, Pause, Section
from starcoach.analysis.pacing import (
    detect_voicing,
    find_pauses,
    pace,
    silences,
    speech_span,
    windows,
)
from starcoach.types import SAMPLE_RATE, Word

RNG = np.random.default_rng(7)


def speechlike(seconds: float, level_db: float = -12.0) -> np.ndarray:
    """A voiced stretch: a 160 Hz buzz with harmonics, its loudness rising and falling at the
    rate of syllables (4 Hz) like speech does."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    buzz = sum(np.sin(2 * np.pi * 160 * k * t) / k for k in range(1, 6))
    envelope = 0.55 + 0.45 * np.sin(2 * np.pi * 4 * t)
    x = buzz * envelope
    return (x / np.max(np.abs(x)) * 10 ** (level_db / 20)).astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


def noise(n: int, level_db: float) -> np.ndarray:
    return (RNG.standard_normal(n) * 10 ** (level_db / 20)).astype(np.float32)


def build(parts: list[tuple[str, float]]) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Join ("speech"|"gap", seconds) parts; return the audio and the gaps' true times."""
    chunks, gaps, t = [], [], 0.0
    for kind, seconds in parts:
        chunks.append(speechlike(seconds) if kind == "speech" else silence(seconds))
        if kind == "gap":
            gaps.append((t, t + seconds))
        t += seconds
    return np.concatenate(chunks), gaps


def assert_close(found: list[tuple[float, float]], truth: list[tuple[float, float]]) -> None:
    assert len(found) == len(truth), (found, truth)
    for (a, b), (x, y) in zip(found, truth, strict=False):
        assert abs(a - x) <= 0.1 and abs(b - y) <= 0.1, ((a, b), (x, y))


def test_silences_between_bursts_are_found_within_a_tenth_of_a_second():
    audio, gaps = build([("gap", 0.5), ("speech", 1.5), ("gap", 2.5), ("speech", 1.6),
                         ("gap", 0.4), ("speech", 2.0), ("gap", 0.7)])
    # The lead-in and the tail are not pauses: only the two silences inside the speech.
    assert_close(silences(detect_voicing(audio), 0.3), gaps[1:3])


def test_pauses_are_found_over_background_noise_that_gets_louder_halfway():
    audio, gaps = build([("gap", 0.6), ("speech", 2.0), ("gap", 1.2), ("speech", 3.0),
                         ("gap", 2.4), ("speech", 2.5), ("gap", 0.8), ("speech", 1.5),
                         ("gap", 0.5)])
    half = audio.size // 2
    audio = audio + np.concatenate([noise(half, -60), noise(audio.size - half, -52)])
    assert_close(silences(detect_voicing(audio), 0.3), gaps[1:4])


def test_the_short_gaps_of_continuous_speech_are_not_pauses():
    audio, _ = build([("gap", 0.3), ("speech", 1.0), ("gap", 0.15), ("speech", 1.2),
                      ("gap", 0.2), ("speech", 1.0), ("gap", 0.3)])
    audio = audio + noise(audio.size, -65)
    assert silences(detect_voicing(audio), 0.3) == []


def test_a_click_inside_a_long_silence_does_not_split_it_in_two():
    audio, gaps = build([("speech", 1.0), ("gap", 3.0), ("speech", 1.0)])
    click = int(2.5 * SAMPLE_RATE)
    audio[click:click + 400] = 0.5  # 25 ms
    assert_close(silences(detect_voicing(audio), 0.3), gaps)


def test_a_silent_recording_has_no_voice_and_no_pauses():
    voicing = detect_voicing(silence(3.0))
    assert voicing.span is None
    assert silences(voicing, 0.3) == []


def test_the_voiced_span_runs_from_the_first_sound_to_the_last():
    audio, _ = build([("gap", 1.0), ("speech", 2.0), ("gap", 1.5)])
    start, end = detect_voicing(audio).span
    assert abs(start - 1.0) <= 0.05 and abs(end - 3.0) <= 0.05


def sections_for(words: list[Word], bounds: list[tuple[str, int, int]]) -> list[Section]:
    return [Section(label, words[a].start, words[b].end, a, b, b - a + 1, 0.0, 0, 0.0)
            for label, a, b in bounds]


def test_each_pause_is_placed_between_sections_between_sentences_or_mid_sentence():
    # Whisper stretches "done." over the silence after it: the pause still belongs after it.
    audio, gaps = build([("gap", 0.5), ("speech", 1.5), ("gap", 2.5), ("speech", 1.5),
                         ("gap", 2.2), ("speech", 1.5), ("gap", 2.1), ("speech", 1.0)])
    words = [Word("It", 0.5, 1.0), Word("was", 1.0, 1.5), Word("done.", 1.5, 4.4),
             Word("Then", 4.5, 5.0), Word("I", 5.0, 5.5), Word("fixed", 5.5, 6.0),
             Word("it", 8.2, 8.8), Word("fast.", 8.8, 9.7),
             Word("Now", 11.8, 12.2), Word("done.", 12.2, 12.8)]
    sections = sections_for(words, [("situation", 0, 2), ("action", 3, 7), ("result", 8, 9)])
    pauses = find_pauses(detect_voicing(audio), words, sections, AnalysisOptions())
    assert [p.where for p in pauses] == ["between_sections", "mid_sentence", "between_sections"]
    assert_close([(p.start, p.end) for p in pauses], gaps[1:])
    sections = sections_for(words, [("situation", 0, 9)])
    pauses = find_pauses(detect_voicing(audio), words, sections, AnalysisOptions())
    assert [p.where for p in pauses] == ["between_sentences", "mid_sentence", "between_sentences"]


def test_speaking_time_is_trimmed_where_the_first_and_last_words_are_stretched_over_silence():
    audio, _ = build([("gap", 1.0), ("speech", 2.0), ("gap", 2.0)])
    words = [Word("So", 0.2, 1.4), Word("yes.", 1.4, 4.6)]
    start, end = speech_span(words, detect_voicing(audio))
    assert abs(start - 1.0) <= 0.05 and abs(end - 3.0) <= 0.05
    assert speech_span(words, None) == (0.2, 4.6)


def test_pace_counts_words_over_speaking_time_and_articulation_without_the_pauses():
    words = [Word(f"w{i}", i * 0.4, i * 0.4 + 0.3) for i in range(150)]  # 150 words in 60 s
    pauses = [Pause(10.0, 15.0), Pause(30.0, 35.0)]
    p = pace(words, range(150), 0.0, 60.0, pauses, n_fillers=6, options=AnalysisOptions())
    assert p.wpm == pytest.approx(150.0)
    assert p.articulation_wpm == pytest.approx(150 / 50 * 60)
    assert p.fillers_per_min == pytest.approx(6.0)
    assert [(w.start, w.end) for w in p.windows] == [(i * 10.0, i * 10.0 + 10.0) for i in range(6)]
    assert sum(w.wpm * (w.end - w.start) / 60 for w in p.windows) == pytest.approx(150)


def test_words_left_out_of_the_count_do_not_raise_the_pace():
    words = [Word(f"w{i}", i * 0.5, i * 0.5 + 0.4) for i in range(20)]  # 20 words, 10 s
    assert pace(words, range(0, 20, 2), 0.0, 10.0, [], 0, AnalysisOptions()).wpm == 60.0


def test_a_short_last_window_is_merged_into_the_one_before():
    words = [Word("w", t, t + 0.2) for t in np.arange(0, 23, 0.5)]
    spans = [(w.start, w.end) for w in windows(words, range(len(words)), 0.0, 23.0, 10.0)]
    assert spans == [(0.0, 10.0), (10.0, 23.0)]
    spans = [(w.start, w.end) for w in windows(words, range(len(words)), 0.0, 26.0, 10.0)]
    assert spans == [(0.0, 10.0), (10.0, 20.0), (20.0, 26.0)]


def test_the_pause_in_a_real_recording_is_found(real_speech):
    """mfa_um.flac: "montreal forced um aligner" with a pause of about a second in it."""
    from starcoach.audio.decode import load_audio

    audio = load_audio(real_speech / "mfa_um.flac")
    long = [(a, b) for a, b in silences(detect_voicing(audio), 0.3) if b - a >= 0.7]
    assert len(long) == 1
    assert 0.8 <= long[0][1] - long[0][0] <= 1.3
    assert 1.0 < long[0][0] < 8.0


def test_speaking_starts_with_the_sound_when_the_first_word_is_placed_late():
    audio, _ = build([("gap", 0.5), ("speech", 3.0), ("gap", 1.0)])
    words = [Word("Um,", 1.1, 1.3), Word("so", 1.3, 3.2)]
    start, end = speech_span(words, detect_voicing(audio))
    assert abs(start - 0.5) <= 0.05 and abs(end - 3.5) <= 0.05


def test_a_click_long_before_the_first_word_does_not_start_the_answer():
    audio, _ = build([("gap", 3.0), ("speech", 2.0), ("gap", 1.0)])
    audio[int(0.5 * SAMPLE_RATE):int(0.53 * SAMPLE_RATE)] = 0.5
    words = [Word("We", 3.1, 3.4), Word("shipped.", 3.4, 4.9)]
    start, _ = speech_span(words, detect_voicing(audio))
    assert abs(start - 3.0) <= 0.05


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.floats(0.2, 2.0), st.floats(0.05, 3.0)), min_size=1, max_size=6))
def test_every_silence_of_a_pause_length_is_found_and_nothing_else(parts):
    """Random speech stretches and gaps: gaps of 0.4 s or more are found within 0.1 s, gaps
    under 0.2 s never are, and pauses come out in order inside the audio."""
    layout = [("gap", 0.5)]
    for speech, gap in parts:
        layout += [("speech", speech), ("gap", gap)]
    layout.append(("speech", 0.5))
    audio, gaps = build(layout + [("gap", 0.5)])
    found = silences(detect_voicing(audio), 0.3)
    inner = gaps[1:-1]
    assert all(a < b for a, b in found)
    assert all(b <= c for (_, b), (c, _) in zip(found, found[1:], strict=False))
    for x, y in inner:
        hits = [(a, b) for a, b in found if a < y and b > x]
        if y - x >= 0.4:
            assert len(hits) == 1 and abs(hits[0][0] - x) <= 0.1 and abs(hits[0][1] - y) <= 0.1
        elif y - x < 0.2:
            assert hits == []
    assert len(found) <= len(inner)


# The words tiny.en writes for fw_jfk.flac, with its timestamps: "ask" is stretched from 2.26 s
# over the pause after "Americans" to 3.88 s, and "what" over the pause after "not".
JFK_WORDS = [("And", 0.0, 0.74), ("so", 0.74, 1.06), ("my", 1.06, 1.46), ("fellow", 1.46, 1.76),
             ("Americans,", 1.76, 2.26), ("ask", 2.26, 3.88), ("not", 3.88, 4.52),
             ("what", 4.52, 5.7), ("your", 5.7, 6.04), ("country", 6.04, 6.36),
             ("can", 6.36, 6.76), ("do", 6.76, 7.02), ("for", 7.02, 7.26), ("you,", 7.26, 8.26),
             ("ask", 8.34, 8.66), ("what", 8.66, 8.94), ("you", 8.94, 9.28), ("can", 9.28, 9.5),
             ("do", 9.5, 9.72), ("for", 9.72, 9.92), ("your", 9.92, 10.22),
             ("country.", 10.22, 10.52)]


def test_pauses_in_a_noisy_real_recording_are_found_where_the_model_stretched_words(real_speech):
    """fw_jfk.flac: crowd noise under the speech; the pauses after "Americans," and "not" are
    hidden inside stretched words, and the audio still shows them, in the right place."""
    from starcoach.audio.decode import load_audio

    audio = load_audio(real_speech / "fw_jfk.flac")
    words = [Word(t, a, b) for t, a, b in JFK_WORDS]
    sections = sections_for(words, [("situation", 0, len(words) - 1)])
    pauses = find_pauses(detect_voicing(audio), words, sections, AnalysisOptions())
    long = [p for p in pauses if p.seconds >= 0.9]
    assert [words[max(i for i, w in enumerate(words) if w.start < p.start + 0.1)].text
            for p in long] == ["Americans,", "not"]
    assert 1.8 < long[0].start < 2.3 and 1.0 < long[0].seconds < 1.6
