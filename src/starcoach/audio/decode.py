"""Audio files in and out: decode any recording to 16 kHz mono float32, and write FLAC.

Decoding goes through PyAV (FFmpeg), so wav, flac, mp3, ogg, m4a and the rest work at any
sample rate, mono or stereo. PyAV is imported inside the functions that use it, so importing
this module is cheap. Recording from a microphone lives in ``starcoach.audio.recorder``.

Every failure becomes an ``AudioError`` with one line that names the file and the problem,
so the CLI can print it as is.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from starcoach.errors import AudioError, NoSpeechError
from starcoach.types import SAMPLE_RATE

FORMATS = "wav, flac, mp3, ogg or m4a"

SILENCE_DBFS = -50.0
"""A recording whose loudest 30 ms frame stays below this level is treated as silent.

Speech into a laptop microphone peaks around -30 to -10 dBFS; a muted or unplugged microphone
gives digital silence or a hiss well under -60 dBFS.
"""

TRUNCATED_TOLERANCE_S = 0.1
"""Decoded audio may fall this far short of the length the file header declares."""


def load_audio(path: str | Path) -> np.ndarray:
    """Decode a recording to 16 kHz mono float32 samples in [-1, 1].

    Raises ``AudioError`` for a missing, empty, undecodable or truncated file, and
    ``NoSpeechError`` for a recording that decodes but is silent.
    """
    p = Path(path)
    stale_wav = _check_file(p)
    samples = _decode(p, _with_true_wav_sizes(p) if stale_wav else None)
    if samples.size == 0:
        raise AudioError(f"cannot read audio {_name(p)}: it contains no audio samples; "
                         "record again or choose another file")
    if is_silent(samples):
        raise NoSpeechError(
            f"{_name(p)} holds no speech: the recording is silent "
            f"({duration_s(samples):.1f} s, never louder than {SILENCE_DBFS:.0f} dBFS); "
            "check that the microphone is on and not muted"
        )
    return samples


def duration_s(samples: np.ndarray) -> float:
    """Length of 16 kHz samples in seconds."""
    return float(len(samples)) / SAMPLE_RATE


def is_silent(samples: np.ndarray) -> bool:
    """True when no 30 ms frame reaches ``SILENCE_DBFS``."""
    if samples.size == 0:
        return True
    from starcoach.audio.levels import frame_db

    return bool(frame_db(samples, 0.03).max() < SILENCE_DBFS)


def save_flac(samples: np.ndarray, path: str | Path) -> Path:
    """Write 16 kHz mono float samples as a 16-bit FLAC file (lossless, about half a WAV)."""
    return _encode(samples, Path(path), "flac", "flac")


def write_wav(samples: np.ndarray, path: str | Path) -> Path:
    """Write 16 kHz mono float samples as a 16-bit PCM WAV file."""
    return _encode(samples, Path(path), "wav", "pcm_s16le")


# -- internals ---------------------------------------------------------------------------------


def _name(p: Path) -> str:
    return f"'{p}'"


def _check_file(p: Path) -> bool:
    """Raise AudioError for a file that cannot be a recording. True for a WAV whose header
    understates its audio (a take whose recorder was killed before it fixed the header)."""
    if not p.exists():
        part = p.with_name(f"{p.stem}.part.wav")
        if part.is_file():
            # A FLAC take is recorded into NAME.part.wav and converted at the end; a recorder
            # that was killed leaves only that file, which holds the whole take.
            raise AudioError(f"cannot read audio {_name(p)}: no such file, but the interrupted "
                             f"take is kept in {_name(part)}; analyze that file")
        raise AudioError(f"cannot read audio {_name(p)}: no such file; check the path")
    if p.is_dir():
        raise AudioError(f"cannot read audio {_name(p)}: it is a folder, not an audio file; "
                         "give the path of one recording")
    from starcoach import files

    try:
        # before opening it: a FIFO blocks the open, and a device never ends
        size = files.check_regular(p).st_size
        with p.open("rb") as fh:
            head = fh.read(64)
    except files.FileKindError as exc:
        raise AudioError(f"cannot read audio {_name(p)}: it is {exc.kind}, not an audio file; "
                         "give the path of one recording") from exc
    except OSError as exc:
        raise AudioError(f"cannot read audio {_name(p)}: {exc.strerror or exc}") from exc
    if size == 0:
        raise AudioError(f"cannot read audio {_name(p)}: the file is empty (0 bytes); "
                         "record again or choose another file")
    from starcoach.audio import riff

    if riff.is_wave(head):
        return _check_wav_length(p, size)
    return False


def _check_wav_length(p: Path, size: int) -> bool:
    """A WAV header states its data length; FFmpeg quietly decodes whatever is there, so a
    file cut short (a copy interrupted, a recorder that crashed) must be caught here."""
    from starcoach.audio import riff

    with p.open("rb") as fh:
        try:
            data = riff.find_data(fh, size)
        except riff.RiffError:
            return False  # FFmpeg decides whether anything is there
        # 0 and 0xFFFFFFFF mean "unknown" (streamed WAVs); nothing to compare then.
        if data.declared in (0, riff.UNKNOWN_SIZE):
            return False
        present = size - data.offset
        if present < data.declared:
            raise AudioError(
                f"cannot read audio {_name(p)}: the file is truncated "
                f"(its header promises {data.declared} bytes of audio, only {present} "
                "are there); record or copy it again"
            )
        # More audio than the header says, and no chunk after it: the header is stale
        # (the recorder updates it every half second), so read everything there is.
        return present - data.declared >= 4 and not riff.chunk_follows(fh, data)


def _with_true_wav_sizes(p: Path) -> io.BytesIO:
    """An in-memory copy of a WAV whose size fields match the audio in the file (whole
    frames only); the user's file is left as it is."""
    from starcoach.audio import riff

    buf = io.BytesIO(p.read_bytes())
    size = len(buf.getbuffer())
    data = riff.find_data(buf, size)
    present = data.present(size)
    riff.set_sizes(buf, data, present)
    buf.truncate(data.offset + present)
    buf.seek(0)
    return buf


def _decode(p: Path, data: io.BytesIO | None = None) -> np.ndarray:
    import av

    try:
        container = av.open(data if data is not None else str(p))
    except av.error.FFmpegError as exc:
        raise AudioError(
            f"cannot read audio {_name(p)}: not a recording FFmpeg can decode; "
            f"give a {FORMATS} file"
        ) from exc
    with container:
        if not container.streams.audio:
            raise AudioError(f"cannot read audio {_name(p)}: the file has no audio track; "
                             f"give a {FORMATS} recording")
        stream = container.streams.audio[0]
        assert isinstance(container, av.container.InputContainer)  # opened for reading
        declared_s = None
        if stream.duration is not None and stream.time_base is not None:
            declared_s = float(stream.duration * stream.time_base)
        # Resample each channel, then average them: FFmpeg's own stereo-to-mono matrix adds
        # the channels at -3 dB each, which makes a stereo file 3 dB louder than its mono twin.
        resampler = av.AudioResampler(format="fltp", rate=SAMPLE_RATE)
        chunks: list[np.ndarray] = []
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().mean(axis=0))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().mean(axis=0))
        except av.error.FFmpegError as exc:
            decoded = sum(len(c) for c in chunks) / SAMPLE_RATE
            raise AudioError(
                f"cannot read audio {_name(p)}: the file is damaged or truncated "
                f"(decoding stopped after {decoded:.1f} s); record or export it again"
            ) from exc
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    samples = np.clip(samples.astype(np.float32, copy=False), -1.0, 1.0)
    if declared_s is not None and declared_s - duration_s(samples) > max(
        TRUNCATED_TOLERANCE_S, 0.02 * declared_s
    ):
        raise AudioError(
            f"cannot read audio {_name(p)}: the file is truncated or damaged "
            f"(it declares {declared_s:.1f} s, only {duration_s(samples):.1f} s could be "
            "decoded); record or export it again"
        )
    return samples


def _encode(samples: np.ndarray, path: Path, container_format: str, codec: str) -> Path:
    # The inverse of the decoder (FFmpeg reads 16-bit k as k / 32768): rounded, so decoding
    # what was written gives back the samples to within half a step.
    scaled = np.round(np.asarray(samples, dtype=np.float64) * 32768.0)
    pcm = np.clip(scaled, -32768, 32767).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    return encode_pcm16(pcm, path, container_format, codec)


def encode_pcm16(pcm: np.ndarray, path: Path, container_format: str = "flac",
                 codec: str = "flac") -> Path:
    """Write 16 kHz mono 16-bit samples to ``path`` (FLAC by default) with PyAV."""
    import av

    with av.open(str(path), mode="w", format=container_format) as out:
        stream = out.add_stream(codec, rate=SAMPLE_RATE)
        assert isinstance(stream, av.audio.stream.AudioStream)
        stream.layout = "mono"
        stream.format = "s16"
        step = 4096
        for i in range(0, len(pcm), step):
            chunk = np.ascontiguousarray(pcm[i : i + step]).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="s16", layout="mono")
            frame.rate = SAMPLE_RATE
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
