"""A WAV file that stays readable while it is being written, and the repair for one cut short.

The recorder writes 16-bit PCM as the audio arrives. The header's two size fields start as
0xFFFFFFFF ("length unknown", which FFmpeg reads to the end of the file) and are rewritten with
the true sizes every half second, so a recorder killed with ``kill -9`` leaves a WAV whose header
is at most half a second behind its data. ``repair_wav`` brings such a header up to date.

Also here: a streaming resampler for microphones that will not open at 16 kHz. Only numpy.
"""

from __future__ import annotations

import errno
import os
import struct
from pathlib import Path
from typing import BinaryIO

import numpy as np

from starcoach.audio import riff
from starcoach.errors import AudioError
from starcoach.types import SAMPLE_RATE

_HEADER_BYTES = 44
_RIFF_SIZE_AT = 4
_DATA_SIZE_AT = 40


def _header(rate: int, data_bytes: int) -> bytes:
    riff_size = riff.UNKNOWN_SIZE if data_bytes == riff.UNKNOWN_SIZE else 36 + data_bytes
    return (
        b"RIFF" + struct.pack("<I", riff_size) + b"WAVE"
        + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
        + b"data" + struct.pack("<I", data_bytes)
    )


class StreamingWav:
    """A mono 16-bit WAV written block by block, its header kept close to the truth.

    Every ``write`` goes straight to the operating system (no user-space buffer), so killing
    the process loses nothing that ``write`` returned from; ``update_header`` makes the sizes
    in the header match the data written so far.
    """

    def __init__(self, path: str | Path, rate: int = SAMPLE_RATE) -> None:
        self.path = Path(path)
        self.rate = rate
        self.data_bytes = 0
        # "x": a new file only; an interrupted take already there is never opened and wiped
        self._fh: BinaryIO = open(self.path, "xb", buffering=0)  # noqa: SIM115 - closed in close()
        self._fh.write(_header(rate, riff.UNKNOWN_SIZE))

    @property
    def frames(self) -> int:
        return self.data_bytes // 2

    def write(self, samples: np.ndarray) -> np.ndarray:
        """Append float samples in [-1, 1] as 16-bit PCM. Returns them as the file holds them
        (as float32, the way a decoder reads 16-bit PCM back: divided by 32768).

        Only the bytes the system took are counted: on a full disk a write stores part of a
        block and the next one fails (OSError), and the header must not promise the rest."""
        pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")
        view = memoryview(pcm.tobytes())
        while view:
            n = self._fh.write(view)
            if not n:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.path))
            self.data_bytes += n
            view = view[n:]
        return pcm.astype(np.float32) / 32768.0

    def update_header(self) -> None:
        """Write the current sizes into the header (whole samples: half of one left by a full
        disk is not counted); the file position stays at the end."""
        _write_sizes(self._fh, self.data_bytes - self.data_bytes % 2)
        self._fh.seek(0, os.SEEK_END)

    def close(self) -> None:
        if self._fh.closed:
            return
        self.update_header()
        os.fsync(self._fh.fileno())
        self._fh.close()


def _write_sizes(fh: BinaryIO, data_bytes: int) -> None:
    fh.seek(_RIFF_SIZE_AT)
    fh.write(struct.pack("<I", 36 + data_bytes))
    fh.seek(_DATA_SIZE_AT)
    fh.write(struct.pack("<I", data_bytes))


def repair_wav(path: str | Path) -> bool:
    """Make the size fields of a WAV header match the audio actually in the file.

    For a recording whose writer was killed before it could finish the header. Returns True
    when the header was changed, False when it was already right. Raises ``AudioError`` for a
    file that is not a WAV or holds no audio chunk.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        with p.open("r+b") as fh:
            head = fh.read(12)
            if len(head) < 12 or not riff.is_wave(head):
                raise AudioError(f"cannot repair '{p}': it is not a WAV file")
            data = _find_data(fh, p, size)
            present = data.present(size)  # a half-written sample is dropped
            riff_declared = struct.unpack("<I", _read_at(fh, _RIFF_SIZE_AT, 4))[0]
            if data.declared == present and riff_declared == data.offset - 8 + present:
                return False
            riff.set_sizes(fh, data, present)
            fh.truncate(data.offset + present)
            return True
    except OSError as exc:
        raise AudioError(f"cannot repair '{p}': {exc.strerror or exc}") from exc


def _read_at(fh: BinaryIO, offset: int, n: int) -> bytes:
    fh.seek(offset)
    return fh.read(n)


def _find_data(fh: BinaryIO, p: Path, size: int) -> riff.DataChunk:
    try:
        return riff.find_data(fh, size)
    except riff.RiffError as exc:
        raise AudioError(f"cannot repair '{p}': {exc}") from exc


def read_wav(path: str | Path) -> np.ndarray:
    """The samples of a mono 16-bit WAV written by ``StreamingWav``, as float32 in [-1, 1]."""
    return read_pcm(path).astype(np.float32) / 32768.0


class Resampler:
    """Streaming sample-rate conversion to 16 kHz: a windowed-sinc low-pass, then linear
    interpolation. Good enough for speech, continuous across blocks, numpy only."""

    def __init__(self, src_rate: int, dst_rate: int = SAMPLE_RATE, taps: int = 101) -> None:
        self.src_rate, self.dst_rate = src_rate, dst_rate
        self.step = src_rate / dst_rate
        self._pos = 0.0  # position of the next output sample, in input samples from _tail[0]
        self._tail = np.zeros(0, dtype=np.float64)
        if src_rate > dst_rate:
            # Cut at 90% of the new Nyquist frequency so nothing folds back into the speech band.
            cutoff = 0.9 * (dst_rate / 2) / src_rate
            n = np.arange(taps) - (taps - 1) / 2
            h = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hamming(taps)
            self._fir: np.ndarray | None = h / h.sum()
            self._history = np.zeros(taps - 1, dtype=np.float64)
        else:
            self._fir = None

    def process(self, block: np.ndarray) -> np.ndarray:
        x = np.asarray(block, dtype=np.float64).reshape(-1)
        if x.size == 0:
            return np.zeros(0, dtype=np.float32)
        if self._fir is not None:
            padded = np.concatenate([self._history, x])
            self._history = padded[-(len(self._fir) - 1):]
            x = np.convolve(padded, self._fir, mode="valid")
        buf = np.concatenate([self._tail, x])
        last = len(buf) - 1
        count = int(np.floor((last - self._pos) / self.step)) + 1 if self._pos <= last else 0
        t = self._pos + self.step * np.arange(count)
        out = np.interp(t, np.arange(len(buf)), buf)
        self._pos = self._pos + self.step * count - last
        self._tail = buf[-1:]
        return out.astype(np.float32)


def create_wav(wav_path: Path, final: Path) -> StreamingWav:
    """Open a new recording file; an unwritable place is an AudioError naming ``final``."""
    try:
        wav_path.parent.mkdir(parents=True, exist_ok=True)
        return StreamingWav(wav_path)
    except FileExistsError as exc:
        raise AudioError(f"'{wav_path}' holds an interrupted take of '{final.name}': analyze it "
                         "or move it away first, or record to another file name") from exc
    except OSError as exc:
        blocker = next((p for p in final.parents if p.exists()), None)
        reason = (f"'{blocker}' is not a folder" if blocker is not None and not blocker.is_dir()
                  else (exc.strerror or str(exc)).lower())
        raise AudioError(f"cannot write the recording to '{final}': {reason}; "
                         "choose a folder you can write to") from exc


def finish_as_flac(wav_path: Path, flac_path: Path, overwrite: bool = False) -> Path:
    """Convert the finished WAV to FLAC; delete the WAV only once the FLAC decodes to exactly
    the same samples. Returns the file that holds the take.

    The FLAC is written under a temporary name and renamed into place, never over a file that
    is there (unless ``overwrite``): when it cannot be, the WAV stays the take."""
    from starcoach.files import place, remove_temp, temp_name

    pcm = read_pcm(wav_path)
    temp = temp_name(flac_path)
    try:
        _write_flac(pcm, temp)
        if not np.array_equal(_decode_pcm(temp), pcm):
            raise AudioError("the FLAC file does not hold the same samples")
        place(temp, flac_path, overwrite)
    except Exception:  # noqa: BLE001 - the WAV is the take; keep it and say where
        return wav_path
    finally:
        remove_temp(temp)
    wav_path.unlink()
    return flac_path


def finish_as_wav(part: Path, wav_path: Path, overwrite: bool = False) -> Path:
    """Rename the finished take into place as ``wav_path``; where a file is in the way
    (unless ``overwrite``) the take stays in ``part``. Returns the file that holds it."""
    from starcoach.files import place

    try:
        place(part, wav_path, overwrite)
    except OSError:
        return part
    return wav_path


def read_pcm(path: str | Path) -> np.ndarray:
    """The 16-bit samples of a mono WAV written by ``StreamingWav``."""
    p = Path(path)
    with p.open("rb") as fh:
        data = _find_data(fh, p, p.stat().st_size)
        raw = fh.read() if data.declared == riff.UNKNOWN_SIZE else fh.read(data.declared)
    return np.frombuffer(raw[: len(raw) - len(raw) % 2], dtype="<i2")


def _write_flac(pcm: np.ndarray, path: Path) -> None:
    from starcoach.audio.decode import encode_pcm16

    encode_pcm16(pcm, path)


def _decode_pcm(path: Path) -> np.ndarray:
    import av

    with av.open(str(path)) as container:
        chunks = [f.to_ndarray().reshape(-1) for f in container.decode(audio=0)]
    return np.concatenate(chunks).astype("<i2") if chunks else np.zeros(0, dtype="<i2")
