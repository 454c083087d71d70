"""The one RIFF/WAVE chunk walker: where a WAV's audio starts, how long its header says it is.

Used to catch a WAV cut short, to read one whose header lags its audio (a recorder killed
before it could update the header), and to repair such a header in place.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from typing import BinaryIO

UNKNOWN_SIZE = 0xFFFFFFFF
"""A streamed WAV's size field: the writer did not know the length."""


class RiffError(ValueError):
    """The file's chunks cannot be walked: no data chunk, or a chunk runs past the end."""


@dataclass(frozen=True)
class DataChunk:
    offset: int
    """Byte offset of the first audio byte (its size field sits just before it)."""
    declared: int
    """The size the header states, in bytes (0 or ``UNKNOWN_SIZE`` when not known)."""
    block_align: int
    """Bytes per frame, from the fmt chunk (2 for 16-bit mono)."""
    byte_rate: int = 0
    """Bytes per second of audio, from the fmt chunk (0 when there is none)."""

    def seconds(self, audio_bytes: int) -> float | None:
        """How long ``audio_bytes`` of this audio last, or None when the rate is not known."""
        return audio_bytes / self.byte_rate if self.byte_rate > 0 else None

    def present(self, file_size: int) -> int:
        """Whole frames of audio actually in a file of ``file_size`` bytes, in bytes."""
        n = max(0, file_size - self.offset)
        return n - n % self.block_align


def is_wave(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WAVE"


def find_data(fh: BinaryIO, size: int) -> DataChunk:
    """Walk the chunks of an open RIFF/WAVE file of ``size`` bytes to its data chunk, leaving
    ``fh`` at the first audio byte. Raises RiffError when there is none to find."""
    block_align = 2
    byte_rate = 0
    fh.seek(12)
    while True:
        chunk = fh.read(8)
        if len(chunk) < 8:
            raise RiffError("it holds no audio (no data chunk)")
        chunk_id, chunk_size = struct.unpack("<4sI", chunk)
        if chunk_id == b"data":
            return DataChunk(fh.tell(), chunk_size, block_align, byte_rate)
        if chunk_id == b"fmt ":
            fmt = fh.read(min(chunk_size, 16))
            if len(fmt) >= 14:
                byte_rate, align = struct.unpack("<IH", fmt[8:14])
                block_align = max(1, align)
            fh.seek(chunk_size - len(fmt) + (chunk_size & 1), os.SEEK_CUR)
            continue
        if chunk_size == UNKNOWN_SIZE or fh.tell() + chunk_size > size:
            raise RiffError("its chunks are damaged")
        fh.seek(chunk_size + (chunk_size & 1), os.SEEK_CUR)


def chunk_follows(fh: BinaryIO, data: DataChunk) -> bool:
    """Whether another chunk (LIST, say) follows the data chunk where the header says it ends,
    i.e. the bytes after the declared audio are not more audio."""
    fh.seek(data.offset + data.declared + (data.declared & 1))
    after = fh.read(4)
    return len(after) == 4 and after.isalpha()


def set_sizes(fh: BinaryIO, data: DataChunk, audio_bytes: int) -> None:
    """Rewrite the RIFF and data size fields of an open file for ``audio_bytes`` of audio."""
    fh.seek(4)
    fh.write(struct.pack("<I", data.offset - 8 + audio_bytes))
    fh.seek(data.offset - 4)
    fh.write(struct.pack("<I", audio_bytes))
