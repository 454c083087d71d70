"""Bounded memory: a recording is decoded frame by frame into one buffer, its levels and its
spectrogram computed block by block, and anything longer than an hour refused before it is
decoded. Peak memory is measured in a child process (``ru_maxrss``), never in the test's own.
"""

from __future__ import annotations

import numpy as np
import pytest
from _badfiles import speech

from starcoach.audio import levels
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
