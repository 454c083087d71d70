"""Speaking rate from the audio alone, while the take runs: syllable nuclei counted.

The live transcript trails the speaker by half a minute (a piece is decoded once a Whisper
window of audio follows it), too late for a cue about the pace of the last 15 s. A vowel is
the loudest part of its syllable, so the syllables spoken can be counted from the level of the
vowel band (300-2500 Hz, where fricatives and rumble carry little) as peaks that stand out
from the dips around them (de Jong and Wempe 2009 count syllable nuclei the same way). Words
per minute are those syllables divided by ``SYLLABLES_PER_WORD``.

The figures behind each constant come from ``benchmarks/cues.py`` on the tune half of the
development corpus; the check half is reported there and in the README.
"""

from __future__ import annotations

import numpy as np

from starcoach.types import SAMPLE_RATE

FRAME_S = 0.032
HOP_S = 0.01
BAND_HZ = (300.0, 2500.0)
SMOOTH_FRAMES = 5
"""A 50 ms moving average of the band level: the ripple inside one vowel is not a syllable
(30 ms: r 0.78 on the tune half; 80 ms merged syllables, r 0.66)."""
MIN_DIP_DB = 1.0
"""A peak counts when the level fell at least this much between it and the peak before (and
rises as much after the dip). 2 and 3 dB merged syllables: on the tune half the estimate's
correlation with the words said fell from 0.80 to 0.76 and 0.72."""
BELOW_LOUDEST_DB = 25.0
"""Peaks quieter than this under the loudest speech (the 95th percentile of the frames) are
breath, noise or the tail of a word, not a vowel."""
SYLLABLES_PER_WORD = 1.38
"""Syllable nuclei found per word said, on the tune half of the corpus (1.376): a little
under the syllables English words have, as two vowels in a row often make one peak."""


def band_db(samples: np.ndarray, rate: int = SAMPLE_RATE) -> np.ndarray:
    """The level (dB) of the vowel band in frames of FRAME_S, one every HOP_S, smoothed."""
    x = np.asarray(samples, dtype=np.float32).ravel()
    frame, hop = int(FRAME_S * rate), int(HOP_S * rate)
    if x.size < frame:
        return np.zeros(0)
    n = 1 + (x.size - frame) // hop
    idx = np.arange(frame)[None, :] + hop * np.arange(n)[:, None]
    spec = np.abs(np.fft.rfft(x[idx] * np.hanning(frame).astype(np.float32), axis=1)) ** 2
    freqs = np.fft.rfftfreq(frame, 1.0 / rate)
    band = (freqs >= BAND_HZ[0]) & (freqs <= BAND_HZ[1])
    level = 10.0 * np.log10(spec[:, band].sum(axis=1) + 1e-10)
    if level.size >= SMOOTH_FRAMES:
        level = np.convolve(level, np.ones(SMOOTH_FRAMES) / SMOOTH_FRAMES, mode="same")
    return level


def nuclei(level: np.ndarray, loudest_db: float | None = None) -> np.ndarray:
    """Frame indices of the syllable nuclei in a ``band_db`` contour. ``loudest_db``: the
    loudest speech of the whole take so far (the 95th percentile of this contour when None),
    so a quiet stretch is judged against the speaker's own level."""
    if level.size < 3:
        return np.zeros(0, dtype=int)
    loud = float(np.percentile(level, 95)) if loudest_db is None else loudest_db
    floor = loud - BELOW_LOUDEST_DB
    peaks = np.flatnonzero((level[1:-1] > level[:-2]) & (level[1:-1] >= level[2:])) + 1
    out: list[int] = []
    for p in peaks:
        if level[p] < floor:
            continue
        if not out:
            out.append(int(p))
            continue
        last = out[-1]
        dip = float(level[last:p + 1].min())
        if level[last] - dip >= MIN_DIP_DB and level[p] - dip >= MIN_DIP_DB:
            out.append(int(p))
        elif level[p] > level[last]:  # the same syllable, louder here
            out[-1] = int(p)
    return np.asarray(out, dtype=int)


LEVEL_CONTEXT_S = 60.0
"""The loudest speech a stretch is judged against is that of the last minute: the speaker's
own level, and a bounded cost (the band level of one minute is a few milliseconds)."""


def recent_wpm(heard: np.ndarray, window_s: float, rate: int = SAMPLE_RATE) -> float | None:
    """Words per minute over the last ``window_s`` seconds of ``heard`` (the take so far), or
    None while less than that has been heard."""
    if len(heard) < window_s * rate:
        return None
    level = band_db(heard[-int(LEVEL_CONTEXT_S * rate):], rate)
    if level.size == 0:
        return None
    frames = int(round(window_s / HOP_S))
    loudest = float(np.percentile(level, 95))
    n = len(nuclei(level[-frames:], loudest))
    return n / SYLLABLES_PER_WORD / window_s * 60.0


def words_per_minute(samples: np.ndarray, loudest_db: float | None = None,
                     rate: int = SAMPLE_RATE) -> float:
    """The words per minute ``samples`` hold, estimated from their syllable nuclei (over the
    whole stretch, pauses included, as the report's pace windows count)."""
    seconds = len(samples) / rate
    if seconds <= 0:
        return 0.0
    n = len(nuclei(band_db(samples, rate), loudest_db))
    return n / SYLLABLES_PER_WORD / seconds * 60.0
