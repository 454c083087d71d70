"""Pitch and loudness of the voice, frame by frame: the one pitch tracker.

The tracker is YIN (de Cheveigné and Kawahara, "YIN, a fundamental frequency estimator for
speech and music", JASA 111(4), 2002), the algorithm of librosa's ``yin``, written here in numpy.
librosa 0.11 would add about 340 MB (llvmlite, scipy, scikit-learn, numba) and, through numba,
about 3 s to the first pitch track of every process (23 s on the very first, while numba
compiles): the practice loop promises a report 1.5 s after a take ends. This version tracks a
104 s answer in about 0.3 s on one core (benchmarks/results/delivery.md). Unlike librosa's
``yin`` it keeps YIN's aperiodicity, so it says which frames are voiced.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from starcoach.audio.levels import frame_db
from starcoach.types import SAMPLE_RATE

HOP_S = 0.010
"""One pitch value every 10 ms."""
WINDOW_S = 0.032
"""YIN's integration window (32 ms: more than two periods of the lowest pitch)."""
FMIN_HZ, FMAX_HZ = 60.0, 400.0
"""The pitch range searched: low male to high female speaking voices."""
YIN_THRESHOLD = 0.15
"""YIN's absolute threshold on the normalized difference (the paper uses 0.1 to 0.2)."""
VOICED_APERIODICITY = 0.30
"""A frame is voiced when its aperiodicity is under this (noise and silence are near 1)."""
VOICED_BELOW_PEAK_DB = 35.0
"""...and its level is within this of the recording's loud frames (the 95th percentile)."""
_BLOCK_FRAMES = 2048
"""Frames per FFT block: about 20 s of audio, 16 MB of work arrays."""


@dataclass(frozen=True)
class PitchTrack:
    """Pitch and level every ``hop_s`` seconds; frame k is centred on ``k * hop_s``."""

    f0_hz: np.ndarray
    """Pitch in Hz, NaN where the frame is not voiced."""
    level_db: np.ndarray
    """RMS level in dBFS of each frame."""
    hop_s: float = HOP_S

    def times(self) -> np.ndarray:
        return np.arange(self.f0_hz.size) * self.hop_s

    def frames(self, start: float, end: float) -> slice:
        """The frames whose centres fall in [start, end) seconds."""
        a = max(0, int(np.ceil(start / self.hop_s)))
        b = max(a, min(self.f0_hz.size, int(np.ceil(end / self.hop_s))))
        return slice(a, b)


def track(samples: np.ndarray, rate: int = SAMPLE_RATE) -> PitchTrack:
    """Pitch (YIN) and level of 16 kHz mono audio. Silence or audio shorter than one window
    gives a track with no voiced frame, never an error."""
    follower = Follower(rate)
    return follower.finish(samples)


class Follower:
    """The pitch of a take tracked while it is recorded: ``advance`` tracks the whole blocks
    of frames the samples so far hold, ``finish`` the rest, then judges which frames are
    voiced over the whole take. The result is ``track``'s, frame for frame: each frame reads
    the same samples, and the voicing rule (which needs the take's loud level) runs once."""

    def __init__(self, rate: int = SAMPLE_RATE) -> None:
        self.rate = rate
        self.hop = int(round(rate * HOP_S))
        self.win = int(round(rate * WINDOW_S))
        self.tau_min, self.tau_max = int(rate / FMAX_HZ), int(np.ceil(rate / FMIN_HZ))
        self.span = self.win + self.tau_max
        self._f0: list[np.ndarray] = []
        self._aperiodic: list[np.ndarray] = []
        self.frames_done = 0

    def advance(self, samples: np.ndarray) -> None:
        """Track every block of ``_BLOCK_FRAMES`` frames that ``samples`` (the take so far,
        from its start) holds whole. Cheap to call often: nothing happens until a block fills."""
        x = np.asarray(samples).ravel()
        while True:
            first = self.frames_done
            # frame k reads x[k * hop - win // 2 : k * hop - win // 2 + span]
            last_needed = (first + _BLOCK_FRAMES - 1) * self.hop - self.win // 2 + self.span
            if last_needed > x.size:
                return
            self._block(x, first, _BLOCK_FRAMES)

    def finish(self, samples: np.ndarray) -> PitchTrack:
        """The track of the whole take ``samples`` (the same samples ``advance`` saw, and the
        rest)."""
        x = np.asarray(samples, dtype=np.float64).ravel()
        n = max(0, int(np.ceil(x.size / self.hop)))
        while self.frames_done < n:
            self._block(x, self.frames_done, min(_BLOCK_FRAMES, n - self.frames_done))
        f0 = np.concatenate(self._f0)[:n] if self._f0 else np.full(0, np.nan)
        aperiodic = np.concatenate(self._aperiodic)[:n] if self._aperiodic else np.ones(0)
        win, rate = self.win, self.rate
        level = frame_db(np.concatenate((np.zeros(win // 2), x)), WINDOW_S, HOP_S, rate=rate)[:n]
        if level.size < n:
            level = np.pad(level, (0, n - level.size), constant_values=level.min(initial=-120.0))
        loud = float(np.percentile(level, 95)) if n else 0.0
        voiced = (aperiodic < VOICED_APERIODICITY) & (level > loud - VOICED_BELOW_PEAK_DB) \
            & (level > -70.0)
        f0 = f0.copy()
        f0[~voiced] = np.nan
        return PitchTrack(f0_hz=f0, level_db=level)

    def _block(self, x: np.ndarray, first: int, count: int) -> None:
        # Frame k starts half a window before k * hop, so its centre is at k * hop; before the
        # take's start and after its end the frame reads zeros.
        lo = first * self.hop - self.win // 2
        hi = (first + count - 1) * self.hop - self.win // 2 + self.span
        seg = np.zeros(hi - lo)
        a, b = max(lo, 0), min(hi, x.size)
        if b > a:
            seg[a - lo:b - lo] = x[a:b]
        idx = np.arange(count)[:, None] * self.hop + np.arange(self.span)[None, :]
        f0, aperiodic = _yin(seg[idx], self.win, self.tau_min, self.tau_max, self.rate)
        self._f0.append(f0)
        self._aperiodic.append(aperiodic)
        self.frames_done = first + count


def _yin(frames: np.ndarray, win: int, tau_min: int, tau_max: int, rate: int
         ) -> tuple[np.ndarray, np.ndarray]:
    """YIN on each row of ``frames`` (win + tau_max samples): (f0 Hz, aperiodicity)."""
    count, span = frames.shape
    size = 1 << int(np.ceil(np.log2(span + win)))
    spec = np.fft.rfft(frames, size, axis=1)
    head = np.fft.rfft(frames[:, :win], size, axis=1)
    corr = np.fft.irfft(spec * np.conj(head), size, axis=1)[:, :tau_max + 1]
    cs = np.concatenate((np.zeros((count, 1)), np.cumsum(frames * frames, axis=1)), axis=1)
    taus = np.arange(tau_max + 1)
    energy0 = cs[:, win:win + 1]
    energy_tau = cs[:, taus + win] - cs[:, taus]
    diff = np.maximum(energy0 + energy_tau - 2.0 * corr, 0.0)
    diff[:, 0] = 0.0
    cum = np.cumsum(diff[:, 1:], axis=1)
    cmnd = np.ones_like(diff)
    cmnd[:, 1:] = diff[:, 1:] * taus[1:] / np.maximum(cum, 1e-12)
    search = cmnd[:, tau_min:tau_max]
    # The first dip under the threshold, at its local minimum; else the global minimum.
    below = search < YIN_THRESHOLD
    is_min = np.zeros_like(below)
    is_min[:, 1:-1] = (search[:, 1:-1] <= search[:, :-2]) & (search[:, 1:-1] <= search[:, 2:])
    cand = below & is_min
    has = cand.any(axis=1)
    best = np.where(has, cand.argmax(axis=1), search.argmin(axis=1))
    rows = np.arange(count)
    aperiodic = search[rows, best]
    # Parabolic interpolation around the chosen lag for a sub-sample period.
    b = np.clip(best, 1, search.shape[1] - 2)
    left, mid, right = search[rows, b - 1], search[rows, b], search[rows, b + 1]
    denom = left - 2.0 * mid + right
    shift = np.where(np.abs(denom) > 1e-12, 0.5 * (left - right) / np.where(
        denom == 0, 1.0, denom), 0.0)
    shift = np.clip(shift, -1.0, 1.0)
    period = tau_min + b + np.where(best == b, shift, 0.0)
    return rate / period, aperiodic
