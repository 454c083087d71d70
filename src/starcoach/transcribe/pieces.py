"""Where the live transcription may cut the audio: the silences, judged by the transcriber's
own voiced frames (``filler_recovery.Loudness``), and whether a piece holds speech at all."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from starcoach.types import SAMPLE_RATE


@dataclass(frozen=True)
class Pause:
    """A silence: ``cut`` the sample where a piece may end (in its middle), ``ongoing`` when it
    lasts to the end of the audio so far, ``seconds`` its length so far."""

    cut: int
    ongoing: bool
    seconds: float


def pauses(samples: np.ndarray, min_pause_s: float, offset: int = 0) -> list[Pause]:
    """Each run of unvoiced frames of ``min_pause_s`` or more in ``samples`` (whose first
    sample is sample ``offset`` of the take). A silence still going on is cut halfway through
    so far, at most 0.5 s after it began: the rest of it may end the take."""
    from starcoach.transcribe.filler_recovery import FRAME_S, CleanupOptions, Loudness

    quiet = ~Loudness(samples, CleanupOptions()).voiced
    need = int(round(min_pause_s / FRAME_S))
    frame = int(FRAME_S * SAMPLE_RATE)
    out: list[Pause] = []
    i, total = 0, len(quiet)
    while i < total:
        if not quiet[i]:
            i += 1
            continue
        j = i
        while j < total and quiet[j]:
            j += 1
        if j - i >= need:
            ongoing = j == total
            half = min((j - i) // 2, int(0.5 / FRAME_S)) if ongoing else (j - i) // 2
            out.append(Pause(offset + (i + half) * frame, ongoing, (j - i) * FRAME_S))
        i = j
    return out


def has_speech(piece: np.ndarray, context: np.ndarray) -> bool:
    """True when ``piece`` has a voiced frame, judged with the audio before it (``context``)
    for the noise floor, and is not silent by the decoder's own measure (``SILENCE_DBFS``).
    A piece without speech is not decoded: silence is where the model invents words."""
    from starcoach.audio.decode import SILENCE_DBFS
    from starcoach.audio.levels import frame_db
    from starcoach.transcribe.filler_recovery import CleanupOptions, Loudness

    if piece.size == 0 or float(frame_db(piece, 0.03).max()) < SILENCE_DBFS:
        return False
    both = np.concatenate([context, piece])
    loud = Loudness(both, CleanupOptions())
    return loud.any_voiced(context.size / SAMPLE_RATE, both.size / SAMPLE_RATE)
