"""Bounded memory: a recording is decoded frame by frame into one buffer, its levels and its
spectrogram computed block by block, and anything longer than an hour refused before it is
decoded. Peak memory is measured in a child process (``ru_maxrss``), never in the test's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from _badfiles import SAMPLES, pcm16, sparse_wav, speech, two_hour_flac, wav_header

from starcoach.audio import decode as audio
from starcoach.audio import levels
from starcoach.errors import AudioError
from starcoach.types import SAMPLE_RATE


# -- levels and features, block by block ---------------------------------------------------
def _direct_frame_db(x: np.ndarray, frame_s: float, hop_s: float | None) -> np.ndarray:
    """The formula in one go over the whole recording (what frame_db did before)."""
    x = x.astype(np.float64)
    frame = int(SAMPLE_RATE * frame_s)
    hop = frame if hop_s is None else int(SAMPLE_RATE * hop_s)
    n = 1 + (x.size - frame) // hop
    cs = np.concatenate(([0.0], np.cumsum(x * x)))
    starts = np.arange(n) * hop
    power = np.maximum(cs[starts + frame] - cs[starts], 0.0) / frame
    return np.maximum(10.0 * np.log10(power + 1e-20), levels.FLOOR_DB)


@pytest.mark.parametrize(("frame_s", "hop_s"), [(0.03, None), (0.025, 0.01), (0.02, None)])
def test_frame_levels_computed_by_block_are_those_of_the_whole_recording(
        frame_s: float, hop_s: float | None) -> None:
    x = speech(40.0)  # several blocks, and a last one cut short
    got = levels.frame_db(x, frame_s, hop_s)
    want = _direct_frame_db(x, frame_s, hop_s)
    assert got.shape == want.shape
    assert float(np.abs(got - want).max()) < 1e-6


@pytest.mark.parametrize("seconds", [61.0, 125.3])
def test_the_blockwise_spectrogram_is_faster_whispers_own(seconds: float) -> None:
    from faster_whisper.feature_extractor import FeatureExtractor

    from starcoach.transcribe.whisper import BoundedFeatures

    x = speech(seconds)
    want = FeatureExtractor()(x)
    got = BoundedFeatures(FeatureExtractor())(x)
    assert got.shape == want.shape and got.dtype == np.float32
    assert float(np.abs(got - want).max()) < 1e-5


# -- decoding: the samples once --------------------------------------------------------------
CHILD = """
import resource, sys
import numpy as np
from starcoach.audio.decode import load_audio
load_audio(sys.argv[2])  # PyAV and its codecs loaded, the allocator warm
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
samples = load_audio(sys.argv[1])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(samples), samples.nbytes, (after - before) * 1024)
"""


def _stale_wav(path: Path, pcm: np.ndarray) -> Path:
    """A take whose recorder was killed: the header still says 2 s."""
    with path.open("wb") as fh:
        fh.write(wav_header(SAMPLE_RATE, 1, 2 * 2 * SAMPLE_RATE))
        fh.write(pcm.tobytes())
    return path


@pytest.mark.parametrize("kind", ["wav with a stale header", "flac"])
def test_decoding_holds_the_samples_once(kind: str, tmp_path: Path) -> None:
    """Ten minutes: 38 MB of samples. Read whole, copied, then joined from chunks and clipped,
    the decoder needed three to four times that."""
    x = speech(600.0)
    pcm = pcm16(x)
    if kind == "flac":
        path = tmp_path / "long.flac"
        audio.encode_pcm16(pcm, path)
    else:
        path = _stale_wav(tmp_path / "long.wav", pcm)
    before = path.read_bytes()[:64], path.stat().st_size
    out = subprocess.run([sys.executable, "-c", CHILD, str(path),
                          str(SAMPLES / "thin_answer.flac")],
                         capture_output=True, text=True, timeout=120, check=True)
    n, nbytes, grew = (int(v) for v in out.stdout.split())
    assert n == len(pcm)
    assert grew < 1.3 * nbytes, f"decoding grew the process by {grew / 1e6:.0f} MB"
    assert (path.read_bytes()[:64], path.stat().st_size) == before


def test_a_stale_wav_decodes_to_the_same_samples_as_its_repaired_copy(tmp_path: Path) -> None:
    from starcoach.audio.wavfile import repair_wav

    pcm = pcm16(speech(7.3))
    stale = _stale_wav(tmp_path / "stale.wav", pcm)
    fixed = tmp_path / "fixed.wav"
    fixed.write_bytes(stale.read_bytes())
    assert repair_wav(fixed)
    got = audio.load_audio(stale)
    assert len(got) == len(pcm)
    assert np.array_equal(got, audio.load_audio(fixed))


# -- the length limit ------------------------------------------------------------------------
def test_the_limit_is_the_recorders_and_the_documented_one() -> None:
    from starcoach.practice import MAX_TAKE_S

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert audio.MAX_AUDIO_S == MAX_TAKE_S == 3600.0
    assert "longer than an hour" in readme


def test_a_wav_of_just_under_an_hour_by_its_header_is_decoded(tmp_path: Path) -> None:
    """The limit is the length, not the size: a sparse 59-minute WAV decodes (as silence)."""
    path = sparse_wav(tmp_path / "long.wav", 44 + 59 * 60 * 2 * SAMPLE_RATE,
                      59 * 60 * 2 * SAMPLE_RATE)
    with pytest.raises(AudioError, match="holds no speech: the recording is silent \\(3540.0 s"):
        audio.load_audio(path)


def test_a_file_that_says_it_lasts_two_hours_is_refused_before_decoding(tmp_path: Path) -> None:
    path = two_hour_flac(tmp_path / "long.flac")
    with pytest.raises(AudioError) as err:
        audio.load_audio(path)
    assert str(err.value) == (
        f"cannot read audio '{path}': it lasts 2.0 hours, longer than the one hour starcoach "
        "analyzes; analyze one answer at a time (cut a long recording into pieces of at most "
        "an hour)")


def test_a_file_that_states_no_length_is_refused_once_it_passes_the_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream that states no length, or a wrong one: the decoder stops as soon as the
    samples pass the limit (here lowered to 2 s, and the check of the stated length off)."""
    path = tmp_path / "long.wav"
    pcm = pcm16(speech(5.0))
    # streamed: both sizes "unknown"
    path.write_bytes(wav_header(SAMPLE_RATE, 1, 0xFFFFFFFF, 0xFFFFFFFF) + pcm.tobytes())
    monkeypatch.setattr(audio, "MAX_AUDIO_S", 2.0)
    monkeypatch.setattr(audio, "_check_length", lambda p, s: None)  # the header check off
    with pytest.raises(AudioError, match="it lasts more than 2 seconds, longer than starcoach"):
        audio.load_audio(path)


def test_a_512_mib_silent_wav_under_the_hour_is_refused_as_silent_within_the_ceiling(
        tmp_path: Path) -> None:
    """48 kHz stereo: 512 MiB is 46.6 minutes, under the limit, so it is decoded, to 179 MB of
    samples; the silence check must not need several times that (it took 6.4 GB)."""
    path = sparse_wav(tmp_path / "silent.wav", 512 * 1024**2, 512 * 1024**2 - 44, 48000, 2)
    child = subprocess.Popen([sys.executable, "-m", "starcoach", "analyze", str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             stdin=subprocess.DEVNULL)
    try:
        _, status, usage = os.wait4(child.pid, 0)
    finally:
        out, err = child.communicate(timeout=5)
    assert os.waitstatus_to_exitcode(status) == 2, err
    assert err.startswith(f"error: '{path}' holds no speech: the recording is silent (2796.2 s")
    peak_mb = usage.ru_maxrss / 1024
    assert peak_mb < 450, f"peak {peak_mb:.0f} MB"


def test_the_benchmark_table_in_the_readme_has_every_length() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert "python benchmarks/memory.py" in readme
    peaks = {line.split("|")[1].strip(): int(line.split("|")[4])
             for line in readme.splitlines() if line.startswith(("| 2 |", "| 10 |", "| 20 |"))}
    assert set(peaks) == {"2", "10", "20"}
    assert peaks["20"] < 500  # the goal: a 20-minute answer under 500 MB
