"""Levels in dBFS: the one frame-level function under the silence check, the transcriber's
voiced frames, the pause detector and the recording meter."""

from __future__ import annotations

import numpy as np

from starcoach.types import SAMPLE_RATE

FLOOR_DB = -120.0
"""Digital silence: the level of a frame of zeros (an amplitude of 1e-6)."""


def dbfs(rms: np.ndarray | float) -> np.ndarray:
    """A level in decibels relative to full scale (``FLOOR_DB`` for digital silence)."""
    return 20.0 * np.log10(np.maximum(np.asarray(rms, dtype=np.float64), 1e-6))


def to_dbfs(x: float) -> float:
    """``dbfs`` of one level, as a float."""
    return float(dbfs(x))


def frame_db(samples: np.ndarray, frame_s: float, hop_s: float | None = None,
             floor_db: float = FLOOR_DB, rate: int = SAMPLE_RATE) -> np.ndarray:
    """RMS level in dBFS of frames ``frame_s`` long, one every ``hop_s`` (default: back to
    back; a last partial frame is dropped). Audio shorter than a frame is one frame, padded
    with silence. Never below ``floor_db``.

    Computed a block of frames at a time, so the memory it needs beyond the result is a few
    MB whatever the length of the recording (not eight times the samples)."""
    x = np.asarray(samples).ravel()
    frame = max(1, int(rate * frame_s))
    hop = frame if hop_s is None else max(1, int(rate * hop_s))
    if x.size < frame:
        x = np.pad(x, (0, frame - x.size))
    n = 1 + (x.size - frame) // hop
    power = np.empty(n, dtype=np.float64)
    per_block = max(1, _BLOCK_SAMPLES // hop)
    for first in range(0, n, per_block):
        count = min(per_block, n - first)
        seg = np.asarray(x[first * hop : (first + count - 1) * hop + frame], dtype=np.float64)
        cs = np.concatenate(([0.0], np.cumsum(seg * seg)))
        starts = np.arange(count) * hop
        power[first : first + count] = np.maximum(cs[starts + frame] - cs[starts], 0.0) / frame
    return np.maximum(10.0 * np.log10(power + 1e-20), floor_db)


_BLOCK_SAMPLES = 1 << 18
"""Samples per block in ``frame_db``: 16 s of audio, 2 MB as float64."""
