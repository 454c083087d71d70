"""The input level while recording: what the live panel shows and when silence ends a take.

Fed 16 kHz blocks by the recorder's writer thread; read (as plain attributes) by the panel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from starcoach.audio.levels import to_dbfs
from starcoach.types import SAMPLE_RATE


@dataclass(frozen=True)
class MeterOptions:
    """Levels in dBFS (0 is the loudest a sample can be); times in seconds."""

    speech_dbfs: float = -40.0
    """A block at least this loud counts as speech. Speech into a laptop microphone sits
    around -30 to -15 dBFS; room noise on a quiet microphone stays under -50."""
    speech_start_s: float = 0.3
    """This much speech must be heard before a silence can end the take."""
    quiet_after_s: float = 3.0
    """Warn "too quiet" when nothing reached speech level for this long."""
    clip_level: float = 0.99
    """A sample at or above this (in [0, 1]) is clipped."""
    clip_hold_s: float = 2.0
    """How long the clipping warning stays up after the last clipped sample."""


class Meter:
    """Running level, speech and silence bookkeeping for one take."""

    def __init__(self, options: MeterOptions | None = None) -> None:
        self.options = options or MeterOptions()
        self._n = 0  # samples seen
        self.level_dbfs = -120.0
        self.shown_dbfs = -120.0
        self.peak_dbfs = -120.0
        self.max_peak_dbfs = -120.0
        # Counted in samples: adding up 0.05 s blocks as floats misses 4.0 by a rounding error.
        self._speech_n = 0
        self._silence_n = 0
        self.clipped_blocks = 0
        self._last_loud = 0  # sample counts, like every time kept here
        self._last_clip: int | None = None

    def update(self, block: np.ndarray) -> None:
        if block.size == 0:
            return
        o = self.options
        dur = block.size / SAMPLE_RATE
        self._n += block.size
        rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
        peak = float(np.max(np.abs(block)))
        self.level_dbfs = to_dbfs(rms)
        # What the meter shows falls back at 30 dB a second, so it does not flicker to the
        # floor in every gap between words.
        self.shown_dbfs = max(self.level_dbfs, self.shown_dbfs - 30.0 * dur)
        # The peak indicator falls back slowly (20 dB a second), like a hardware meter.
        self.peak_dbfs = max(to_dbfs(peak), self.peak_dbfs - 20.0 * dur)
        self.max_peak_dbfs = max(self.max_peak_dbfs, to_dbfs(peak))
        if peak >= o.clip_level:
            self.clipped_blocks += 1
            self._last_clip = self._n
        if self.level_dbfs >= o.speech_dbfs:
            self._speech_n += block.size
            self._silence_n = 0
            self._last_loud = self._n
        else:
            self._silence_n += block.size

    @property
    def elapsed_s(self) -> float:
        """Seconds of audio metered so far (what has gone into the file)."""
        return self._n / SAMPLE_RATE

    @property
    def speech_s(self) -> float:
        return self._speech_n / SAMPLE_RATE

    @property
    def silence_s(self) -> float:
        """Seconds since the last block at speech level."""
        return self._silence_n / SAMPLE_RATE

    @property
    def speech_started(self) -> bool:
        return self.speech_s >= self.options.speech_start_s

    @property
    def quiet_for_s(self) -> float:
        """Seconds since anything reached speech level (since the start if nothing has)."""
        return (self._n - self._last_loud) / SAMPLE_RATE

    @property
    def too_quiet(self) -> bool:
        return self.quiet_for_s >= self.options.quiet_after_s

    @property
    def clipping(self) -> bool:
        return (self._last_clip is not None
                and (self._n - self._last_clip) / SAMPLE_RATE <= self.options.clip_hold_s)

    def silence_stop(self, after_s: float) -> bool:
        """True when speech has started and the silence since has lasted ``after_s``."""
        return after_s > 0 and self.speech_started and self.silence_s >= after_s
