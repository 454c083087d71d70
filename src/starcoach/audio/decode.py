"""Audio files in and out: decode any recording to 16 kHz mono float32, and write FLAC.

Decoding goes through PyAV (FFmpeg), so wav, flac, mp3, ogg, m4a and the rest work at any
sample rate, mono or stereo. PyAV is imported inside the functions that use it, so importing
this module is cheap. Recording from a microphone lives in ``starcoach.audio.recorder``.

Every failure becomes an ``AudioError`` with one line that names the file and the problem,
so the CLI can print it as is.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from starcoach.audio import riff
from starcoach.errors import AudioError, NoSpeechError
from starcoach.types import SAMPLE_RATE

FORMATS = "wav, flac, mp3, ogg or m4a"

SILENCE_DBFS = -50.0
"""A recording whose loudest 30 ms frame stays below this level is treated as silent.

Speech into a laptop microphone peaks around -30 to -10 dBFS; a muted or unplugged microphone
gives digital silence or a hiss well under -60 dBFS.
"""

MAX_AUDIO_S = 3600.0
"""The longest recording starcoach decodes: one hour, as long as the recorder records
(``practice.MAX_TAKE_S``). Its samples alone take 230 MB (16 kHz mono float32: 4 bytes x 16000
a second). A longer file is refused before it is decoded, by the length its WAV header or its
container states, or as soon as the decoded audio passes the hour when it states none."""

LENGTH_TOLERANCE_S = 1.0
"""A take of exactly ``MAX_AUDIO_S`` may decode a few milliseconds longer."""

TRUNCATED_TOLERANCE_S = 0.1
"""Decoded audio may fall this far short of the length the file header declares."""


def load_audio(path: str | Path) -> np.ndarray:
    """Decode a recording to 16 kHz mono float32 samples in [-1, 1].

    Raises ``AudioError`` for a missing, empty, undecodable, truncated or over-long file
    (``MAX_AUDIO_S``), and ``NoSpeechError`` for a recording that decodes but is silent.
    Memory: the samples once (64 kB a second), decoded frame by frame into one buffer.
    """
    p = Path(path)
    samples = _decode(p, _check_file(p))
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


def _check_file(p: Path) -> _StaleWav | None:
    """Raise AudioError for a file that cannot be a recording, or one longer than
    ``MAX_AUDIO_S`` by its WAV header. The layout of a WAV whose header understates its audio
    (a take whose recorder was killed before it fixed the header), else None."""
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
    if riff.is_wave(head):
        return _check_wav_length(p, size)
    return None


@dataclass(frozen=True)
class _StaleWav:
    """A WAV whose header understates its audio: where the audio is, and how much is there."""

    data: riff.DataChunk
    present: int
    """Bytes of whole frames after the data chunk's header, to the end of the file."""


def _check_wav_length(p: Path, size: int) -> _StaleWav | None:
    """A WAV header states its data length; FFmpeg quietly decodes whatever is there, so a
    file cut short (a copy interrupted, a recorder that crashed) must be caught here. So must
    one too long to analyze, before a byte of it is decoded. Returns the layout of a WAV whose
    header lags its audio (a take whose recorder was killed), None for any other."""
    with p.open("rb") as fh:
        try:
            data = riff.find_data(fh, size)
        except riff.RiffError:
            return None  # FFmpeg decides whether anything is there
        present = data.present(size)
        # 0 and 0xFFFFFFFF mean "unknown" (streamed WAVs): FFmpeg reads to the end of the file.
        if data.declared in (0, riff.UNKNOWN_SIZE):
            _check_length(p, data.seconds(present))
            return None
        if size - data.offset < data.declared:
            raise AudioError(
                f"cannot read audio {_name(p)}: the file is truncated "
                f"(its header promises {data.declared} bytes of audio, only "
                f"{size - data.offset} are there); record or copy it again"
            )
        # More audio than the header says, and no chunk after it: the header is stale
        # (the recorder updates it every half second), so read everything there is.
        stale = present - data.declared >= 4 and not riff.chunk_follows(fh, data)
        _check_length(p, data.seconds(present if stale else data.declared))
        return _StaleWav(data, present) if stale else None


def _check_length(p: Path, seconds: float | None) -> None:
    """Refuse a recording longer than ``MAX_AUDIO_S`` (None: its length is not known yet)."""
    if seconds is not None and seconds > MAX_AUDIO_S + LENGTH_TOLERANCE_S:
        raise AudioError(
            f"cannot read audio {_name(p)}: it lasts {_length(seconds)}, longer than the "
            f"{_length(MAX_AUDIO_S)} starcoach analyzes; analyze one answer at a time "
            "(cut a long recording into pieces of at most an hour)"
        )


def _length(seconds: float) -> str:
    if seconds == 3600.0:
        return "one hour"
    if seconds >= 2 * 3600:
        return f"{seconds / 3600:.1f} hours"
    if seconds >= 120:
        return f"{seconds / 60:.0f} minutes"
    return f"{seconds:.0f} seconds"


class _TrueSizes(io.RawIOBase):
    """A WAV whose header lags its audio, read through a view whose two size fields match
    the audio in the file and which ends after the last whole frame. The bytes are read from
    the file as the decoder asks for them, never held in memory; the file is left as it is."""

    def __init__(self, p: Path, wav: _StaleWav) -> None:
        super().__init__()
        data = wav.data
        self._end = data.offset + wav.present
        riff_size = data.offset - 8 + wav.present
        # Past 4 GiB no size fits the field: "unknown", which FFmpeg reads to the end.
        fits = riff_size <= riff.UNKNOWN_SIZE - 1
        self._patches = {
            4: struct.pack("<I", riff_size if fits else riff.UNKNOWN_SIZE),
            data.offset - 4: struct.pack("<I", wav.present if fits else riff.UNKNOWN_SIZE),
        }
        self._pos = 0
        self._fh = p.open("rb")

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._end}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        n = max(0, min(len(view), self._end - self._pos))
        self._fh.seek(self._pos)
        got = self._fh.readinto(view[:n]) or 0
        for at, field in self._patches.items():
            lo, hi = max(at, self._pos), min(at + len(field), self._pos + got)
            if lo < hi:
                view[lo - self._pos : hi - self._pos] = field[lo - at : hi - at]
        self._pos += got
        return got

    def close(self) -> None:
        self._fh.close()
        super().close()


class _Samples:
    """The decoded recording, 16 kHz mono float32, written frame by frame into one buffer.

    The buffer is sized from the length the file states (grown by doubling when it states
    none, or too little), so decoding holds the samples once: 64 kB a second, 77 MB for 20
    minutes, never more than ``MAX_AUDIO_S`` (230 MB): past it the file is refused."""

    def __init__(self, p: Path, expected_s: float | None) -> None:
        self._p = p
        self._limit = int((MAX_AUDIO_S + LENGTH_TOLERANCE_S) * SAMPLE_RATE)
        first = (expected_s + 1.0) if expected_s is not None and expected_s > 0 else 60.0
        self._buf = np.empty(min(self._limit, int(first * SAMPLE_RATE)), dtype=np.float32)
        self.n = 0

    @property
    def seconds(self) -> float:
        return self.n / SAMPLE_RATE

    def add(self, frame: Any) -> None:
        """Append one av.AudioFrame (float planes at 16 kHz, as the resampler gives them)."""
        x = frame.to_ndarray()
        k = x.shape[1]
        if self.n + k > len(self._buf):
            self._grow(self.n + k)
        dst = self._buf[self.n : self.n + k]
        if x.shape[0] == 1:
            dst[:] = x[0]
        else:
            # The mean of the channels: FFmpeg's own stereo-to-mono matrix adds them at -3 dB
            # each, which makes a stereo file 3 dB louder than its mono twin.
            np.mean(x, axis=0, out=dst)
        self.n += k

    def _grow(self, need: int) -> None:
        if need > self._limit:
            raise AudioError(
                f"cannot read audio {_name(self._p)}: it lasts more than "
                f"{_length(MAX_AUDIO_S)}, longer than starcoach analyzes; analyze one answer "
                "at a time (cut a long recording into pieces of at most an hour)"
            )
        bigger = np.empty(min(self._limit, max(need, 2 * len(self._buf))), dtype=np.float32)
        bigger[: self.n] = self._buf[: self.n]
        self._buf = bigger

    def samples(self) -> np.ndarray:
        out = self._buf[: self.n]
        np.clip(out, -1.0, 1.0, out=out)
        return out


def _decode(p: Path, stale: _StaleWav | None = None) -> np.ndarray:
    import av

    source: _TrueSizes | str = _TrueSizes(p, stale) if stale is not None else str(p)
    try:
        try:
            container = av.open(source)
        except av.error.FFmpegError as exc:
            raise AudioError(
                f"cannot read audio {_name(p)}: not a recording FFmpeg can decode; "
                f"give a {FORMATS} file"
            ) from exc
        with container:
            return _decode_container(p, container)
    finally:
        if not isinstance(source, str):
            source.close()


def _decode_container(p: Path, container: Any) -> np.ndarray:
    import av

    if not container.streams.audio:
        raise AudioError(f"cannot read audio {_name(p)}: the file has no audio track; "
                         f"give a {FORMATS} recording")
    stream = container.streams.audio[0]
    declared_s = None
    if stream.duration is not None and stream.time_base is not None:
        declared_s = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        declared_s = container.duration / av.time_base
    _check_length(p, declared_s)
    samples = _Samples(p, declared_s)
    # Resampled to float planes, one per channel, then averaged (see _Samples.add).
    resampler = av.AudioResampler(format="fltp", rate=SAMPLE_RATE)
    mp3 = stream.codec_context.name in ("mp3", "mp3float")
    last = b""
    try:
        for packet in container.demux(stream):
            if mp3 and packet.size:
                last = bytes(packet)
            for frame in packet.decode():
                for out in resampler.resample(frame):
                    samples.add(out)
        for out in resampler.resample(None):
            samples.add(out)
    except av.error.FFmpegError as exc:
        raise AudioError(
            f"cannot read audio {_name(p)}: the file is damaged or truncated "
            f"(decoding stopped after {samples.seconds:.1f} s); record or export it again"
        ) from exc
    decoded = samples.seconds
    if declared_s is not None and declared_s - decoded > max(
        TRUNCATED_TOLERANCE_S, 0.02 * declared_s
    ):
        raise AudioError(
            f"cannot read audio {_name(p)}: the file is truncated or damaged "
            f"(it declares {declared_s:.1f} s, only {decoded:.1f} s could be "
            "decoded); record or export it again"
        )
    from starcoach.audio import compressed

    cut = None
    if mp3 and compressed.mp3_frame_cut(last):
        cut = "its last MP3 frame is cut off"
    elif container.format.name == "ogg":
        cut = compressed.ogg_end_problem(p)
    if cut is not None:
        raise AudioError(
            f"cannot read audio {_name(p)}: the file is truncated ({cut} after "
            f"{decoded:.1f} s of audio, the rest of the answer is missing); "
            "record or export it again"
        )
    return samples.samples()


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
