"""The audio of saved sessions: any recording in, 16 kHz mono FLAC out, and back to samples.

PyAV does the decoding and encoding (FFmpeg inside the wheel), so nothing else needs installing.
"""

from __future__ import annotations

import os
from pathlib import Path

from starcoach.errors import AudioError

AUDIO_RATE = 16_000
"""Stored audio is 16 kHz mono FLAC: what the analyzer reads, about 0.6 MB a minute."""


def convert_to_flac(src: Path, dest: Path) -> float:
    """Decode any audio file and write it as 16 kHz mono FLAC; return its duration (s).

    Written to a temporary name and renamed, so a crash never leaves half a file under the ID.
    """
    import av

    if not src.is_file():
        raise AudioError(f"audio file not found: {src}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    samples = 0
    try:
        with av.open(str(src)) as inp, av.open(str(tmp), "w", format="flac") as out:
            stream = out.add_stream("flac", rate=AUDIO_RATE, layout="mono")
            stream.format = "s16"
            resampler = av.AudioResampler(format="s16", layout="mono", rate=AUDIO_RATE)
            for frame in inp.decode(audio=0):
                for r in resampler.resample(frame):
                    samples += r.samples
                    out.mux(stream.encode(r))
            for r in resampler.resample(None):
                samples += r.samples
                out.mux(stream.encode(r))
            out.mux(stream.encode(None))
        os.replace(tmp, dest)
    except (av.FFmpegError, ValueError, IndexError) as exc:
        tmp.unlink(missing_ok=True)
        raise AudioError(f"cannot read audio {src}: {exc}") from exc
    return samples / AUDIO_RATE


def load_stored_audio(path: Path):  # -> np.ndarray, 16 kHz mono float32
    """Read a stored session FLAC back as the samples the analyzer measures pauses on."""
    import av
    import numpy as np

    if not path.is_file():
        raise AudioError(f"the audio of this session is missing: {path}")
    chunks = []
    with av.open(str(path)) as inp:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=AUDIO_RATE)
        for frame in inp.decode(audio=0):
            for r in resampler.resample(frame):
                chunks.append(r.to_ndarray().reshape(-1))
        for r in resampler.resample(None):
            chunks.append(r.to_ndarray().reshape(-1))
    return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)
