"""The audio checks after the model: leaked words dropped, voiced gaps restored as fillers.

Pure functions on waveforms, so these tests build the audio they need: vowel-like voiced
sounds (a 140 Hz buzz with harmonics, as a voice makes) and breath-like noise.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from starcoach.transcribe.filler_recovery import CleanupOptions, clean_words, voicing
from starcoach.types import SAMPLE_RATE, Word

RNG = np.random.default_rng(7)
DATA = Path(__file__).resolve().parent / "data"


def voiced(seconds: float, level: float = 0.2, f0: float = 140.0) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    x = sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 8))
    return (level * x / np.abs(x).max()).astype(np.float32)


def breath(seconds: float, level: float = 0.2) -> np.ndarray:
    return (level * RNG.uniform(-1, 1, int(seconds * SAMPLE_RATE))).astype(np.float32)


def quiet(seconds: float) -> np.ndarray:
    return (1e-4 * RNG.standard_normal(int(seconds * SAMPLE_RATE))).astype(np.float32)


def build(*parts: np.ndarray) -> np.ndarray:
    return np.concatenate(parts)


def test_voicing_tells_a_vowel_from_a_breath() -> None:
    assert voicing(voiced(0.3)) > 0.8
    assert voicing(breath(0.3)) < 0.3


def test_a_voiced_burst_alone_between_two_words_is_restored_as_a_filler() -> None:
    # word 0.5-1.0 | silence | burst 1.5-1.9 | silence | word 2.6-3.1
    audio = build(quiet(0.5), voiced(0.5), quiet(0.5), voiced(0.4), quiet(0.7), voiced(0.5),
                  quiet(0.5))
    words = [Word("I", 0.5, 1.0), Word("shipped", 2.6, 3.1)]
    out, log = clean_words(words, audio)
    assert [w.text for w in out if not w.recovered] == ["I", "shipped"]
    restored = [w for w in out if w.recovered]
    assert len(restored) == 1
    assert restored[0].text in {"um", "uh"}
    assert abs(restored[0].start - 1.5) < 0.05 and abs(restored[0].end - 1.9) < 0.05
    assert [w.start for w in out] == sorted(w.start for w in out)
    assert log["restored"] == [f"{restored[0].text}@{restored[0].start:.2f}"]


def test_a_breath_or_a_click_in_a_gap_is_not_a_filler() -> None:
    audio = build(quiet(0.5), voiced(0.5), quiet(0.5), breath(0.4), quiet(0.3), voiced(0.05),
                  quiet(0.5), voiced(0.5), quiet(0.5))
    words = [Word("I", 0.5, 1.0), Word("shipped", 2.75, 3.25)]
    out, _ = clean_words(words, audio)
    assert not [w for w in out if w.recovered]


def test_a_burst_right_before_the_next_word_is_taken_as_its_late_start() -> None:
    """Whisper often starts a word 0.1-0.3 s late; that sound is not a filler."""
    audio = build(quiet(0.5), voiced(0.5), quiet(0.6), voiced(0.6), quiet(0.5))
    words = [Word("I", 0.5, 1.0), Word("shipped", 1.9, 2.2)]
    out, _ = clean_words(words, audio)
    assert not [w for w in out if w.recovered]


def test_a_prompt_leak_after_the_last_word_is_dropped() -> None:
    """"Okay." over the silence at the end, and zero-length fillers stacked at the end."""
    audio = build(quiet(0.5), voiced(1.0), quiet(2.0))
    words = [Word("Montreal", 0.5, 1.5, 0.9), Word("Okay.", 1.5, 2.5, 0.06),
             Word("Uh,", 3.4, 3.4, 0.6), Word("uh,", 3.4, 3.4, 0.7)]
    out, log = clean_words(words, audio)
    assert [w.text for w in out] == ["Montreal"]
    assert log["dropped"] == ["Okay.@1.50", "Uh,@3.40", "uh,@3.40"]


def test_four_fillers_stacked_in_a_tenth_of_a_second_count_as_one() -> None:
    audio = build(quiet(0.5), voiced(0.5), quiet(0.3), voiced(0.3), quiet(0.3), voiced(0.5),
                  quiet(0.3))
    words = [Word("so", 0.5, 1.0), Word("uh,", 1.3, 1.36), Word("uh,", 1.36, 1.38),
             Word("uh,", 1.38, 1.38), Word("uh,", 1.38, 1.40), Word("then", 1.9, 2.4)]
    out, _ = clean_words(words, audio)
    assert [w.norm for w in out] == ["so", "uh", "then"]


def test_a_confident_filler_timed_over_silence_moves_onto_the_voiced_burst() -> None:
    audio = build(quiet(0.5), voiced(0.5), quiet(0.3), voiced(0.4), quiet(1.5), voiced(0.5),
                  quiet(0.3))
    # The model put its "uh" at 2.3, in the silence; the burst is at 1.3-1.7.
    words = [Word("so", 0.5, 1.0), Word("uh,", 2.3, 2.3, 0.95), Word("then", 3.2, 3.7)]
    out, log = clean_words(words, audio)
    uh = [w for w in out if w.norm == "uh"]
    assert len(uh) == 1 and not uh[0].recovered
    assert abs(uh[0].start - 1.3) < 0.05
    assert log["restored"] == [] and log["dropped"] == []


def test_real_words_are_never_dropped_for_being_quiet_when_the_model_was_sure() -> None:
    audio = build(quiet(0.5), voiced(0.5), quiet(0.5), voiced(0.5, level=0.02), quiet(0.5),
                  voiced(0.5), quiet(0.3))
    words = [Word("one", 0.5, 1.0, 0.9), Word("two", 1.5, 2.0, 0.9), Word("three", 2.5, 3.0, 0.9)]
    out, _ = clean_words(words, audio, CleanupOptions())
    assert [w.text for w in out] == ["one", "two", "three"]


def test_a_doubtful_filler_over_silence_moves_onto_a_burst_that_touches_the_previous_word() -> None:
    """samples/filler_heavy: "was, uh, we" with the "uh" timed in the pause after it."""
    audio = build(quiet(0.5), voiced(0.5), voiced(0.45, f0=120), quiet(0.3), voiced(0.5),
                  quiet(0.3))
    words = [Word("was,", 0.5, 1.05), Word("uh,", 1.58, 1.6, 0.22), Word("we", 1.75, 2.25)]
    out, log = clean_words(words, audio)
    assert [w.norm for w in out] == ["was", "uh", "we"]
    assert 1.0 <= out[1].start < out[1].end <= 1.5
    assert log["dropped"] == []


def test_an_unsure_zero_length_filler_is_dropped_not_moved() -> None:
    audio = build(quiet(0.5), voiced(0.5), quiet(0.3), voiced(0.4), quiet(0.5), voiced(0.5),
                  quiet(0.3))
    words = [Word("so", 0.5, 1.0), Word("uh,", 1.9, 1.9, 0.03), Word("then", 2.2, 2.7)]
    out, log = clean_words(words, audio)
    assert "uh" not in [w.norm for w in out if not w.recovered]
    assert log["dropped"] == ["uh,@1.90"]


def test_a_confident_last_word_the_model_gave_no_duration_is_kept() -> None:
    audio = build(quiet(0.5), voiced(1.0), quiet(1.0))
    words = [Word("I", 0.5, 0.8, 0.9), Word("shipped.", 1.2, 1.2, 0.9)]
    out, _ = clean_words(words, audio)
    assert [w.text for w in out] == ["I", "shipped."]


def test_a_filled_pause_with_no_sound_of_its_own_is_dropped() -> None:
    from starcoach.transcribe.filler_recovery import CleanupOptions, drop_soundless_fillers

    words = [Word("Montreal", 0.0, 1.3), Word("uh,", 2.34, 2.34), Word("Um,", 2.42, 3.1),
             Word("um,", 6.28, 7.0), Word("um,", 6.38, 6.76), Word("a", 7.0, 7.0),
             Word("liner.", 7.0, 7.3)]
    kept, dropped = drop_soundless_fillers(words, CleanupOptions())
    assert [(w.text, w.start) for w in dropped] == [("uh,", 2.34), ("um,", 6.38)]
    # a zero-length word that is not a filler stays: that is not this rule's to judge
    assert [w.text for w in kept] == ["Montreal", "Um,", "um,", "a", "liner."]


def test_a_floating_filler_takes_the_burst_alone_in_the_gap_not_the_next_words_onset() -> None:
    """"year, um, for": the hum stands alone after "year"; the burst that runs on into "for" is
    that word's late start, even though it lies nearer the model's zero-length "um"."""
    audio = build(quiet(0.5), voiced(0.5), quiet(0.2), voiced(0.5, f0=120), quiet(0.3),
                  voiced(0.8), quiet(0.3))
    # year 0.5-1.0 | um 1.2-1.7 | for... 2.0-2.8. Whisper: "year." to 1.24 (into the hum, so
    # the hum is not alone between two words), "Um," at 1.95 with no duration, "for" from 2.25.
    words = [Word("year.", 0.5, 1.24), Word("Um,", 1.95, 1.95, 0.3), Word("for", 2.25, 2.8)]
    out, log = clean_words(words, audio)
    assert [w.norm for w in out] == ["year", "um", "for"]
    assert 1.2 <= out[1].start <= 1.4 and abs(out[1].end - 1.7) < 0.05  # on the hum
    assert log["restored"] == [] and log["dropped"] == []


def test_on_spoken_audio_the_um_lands_on_its_hum_not_on_the_next_word() -> None:
    """tests/data/fillers/um_before_for.flac (a corpus answer, espeak-ng): "...in the next year,
    um, for one senior left over it". The script puts the "um" at 4.19-4.71 s; tiny.en wrote
    it with no duration at 4.9 s, 0.3 s before "for", whose sound begins at 5.02 s."""
    from starcoach.audio.decode import load_audio

    audio = load_audio(DATA / "fillers" / "um_before_for.flac")
    words = [Word("next", 3.46, 3.66), Word("year.", 3.66, 4.24), Word("Um,", 4.9, 4.9, 0.17),
             Word("for", 5.24, 5.34), Word("one", 5.34, 5.6)]
    out, _ = clean_words(words, audio)
    (um,) = [w for w in out if w.norm == "um"]
    assert 4.15 <= um.start and um.end <= 4.75  # the script's 4.19-4.71, not 5.02 on


def test_a_hesitation_said_straight_into_the_next_word_keeps_its_run_on_burst() -> None:
    """The real mfa_uhuh: the last "uh" runs straight into "forced", with no silence between.
    tiny.en wrote it with no duration at 5.52 s; the only burst free for it is the run-on one,
    so it goes there instead of being dropped."""
    from starcoach.audio.decode import load_audio

    audio = load_audio(DATA / "real-speech" / "mfa_uhuh.flac")
    words = [Word("Montreal,", 0.68, 1.32), Word("uh,", 2.4, 2.4), Word("uh,", 3.92, 3.92),
             Word("uh,", 4.44, 4.44), Word("uh,", 4.48, 4.8), Word("uh,", 4.82, 4.82),
             Word("uh,", 5.52, 5.52), Word("forced", 5.7, 5.7), Word("to", 5.7, 5.86)]
    out, _ = clean_words(words, audio)
    last = [w for w in out if w.norm == "uh"][-1]
    assert 5.35 <= last.start and last.end <= 5.75
