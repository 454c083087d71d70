"""Whether a compressed recording ends where its format says a whole file ends.

FFmpeg decodes a cut MP3 (one without a Xing header) or a cut Ogg file (Vorbis, Opus, FLAC)
without a word, and states a duration computed from what is there, so a copy interrupted
half-way reads as a complete, shorter answer. Both formats say where they end:

* every MP3 frame's header gives the frame's length in bytes, so a last frame shorter than its
  header says was cut off;
* an Ogg stream's last page carries the end-of-stream flag, and every page its own length and
  CRC, so a file whose last page is cut off, or whose last whole page is not marked as the
  end, stops before the end of the stream.

Only the last frame the demuxer gives, or the last 128 KiB of the file, is looked at.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MP3_KBPS = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2 and 2.5
}
_MP3_RATES = (44100, 48000, 32000)


def mp3_frame_length(header: bytes) -> int | None:
    """Bytes in the MPEG audio Layer III frame that starts with ``header``; None when it is
    not such a header (or a free-format one, whose length no header states)."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version = (header[1] >> 3) & 3  # 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    layer = (header[1] >> 1) & 3  # 1: Layer III
    bitrate_index = header[2] >> 4
    rate_index = (header[2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    mpeg1 = version == 3
    kbps = _MP3_KBPS[1 if mpeg1 else 2][bitrate_index]
    rate = _MP3_RATES[rate_index] // (1 if mpeg1 else 2 if version == 2 else 4)
    padding = (header[2] >> 1) & 1
    return (144 if mpeg1 else 72) * kbps * 1000 // rate + padding


def mp3_frame_cut(last_packet: bytes) -> bool:
    """True when the last MP3 frame the demuxer gave is shorter than its header says."""
    length = mp3_frame_length(last_packet[:4])
    return length is not None and len(last_packet) < length


OGG_MAX_PAGE = 27 + 255 + 255 * 255
"""The longest an Ogg page can be: header, segment table, 255 segments of 255 bytes."""


def ogg_end_problem(path: Path) -> str | None:
    """Why the Ogg file at ``path`` stops before the end of its stream, or None when its last
    page is whole (its CRC checks) and marked as the end of the stream."""
    with path.open("rb") as fh:
        size = fh.seek(0, 2)
        start = max(0, size - 2 * OGG_MAX_PAGE)
        fh.seek(start)
        tail = fh.read()
    at = len(tail)
    while (at := tail.rfind(b"OggS", 0, at)) >= 0:
        page = _ogg_page(tail, at)
        if page is None:
            continue  # "OggS" inside compressed data, or a page cut off: look further back
        end, flags = page
        if end != len(tail):
            return "its last Ogg page is cut off"
        if not flags & 0x04:
            return "its last Ogg page does not end the stream"
        return None
    return "no whole Ogg page at its end"


def _ogg_page(buf: bytes, at: int) -> tuple[int, int] | None:
    """(end offset, header flags) of a whole, CRC-checked Ogg page at ``at``, else None."""
    if len(buf) - at < 27 or buf[at + 4] != 0:
        return None
    flags = buf[at + 5]
    nsegs = buf[at + 26]
    body = at + 27 + nsegs
    if body > len(buf):
        return None
    end = body + sum(buf[at + 27 : body])
    if end > len(buf):
        return None
    (stored,) = struct.unpack_from("<I", buf, at + 22)
    page = bytearray(buf[at:end])
    page[22:26] = b"\0\0\0\0"
    return (end, flags) if _ogg_crc(bytes(page)) == stored else None


def _crc_table() -> tuple[int, ...]:
    table = []
    for i in range(256):
        r = i << 24
        for _ in range(8):
            r = ((r << 1) ^ 0x04C11DB7) if r & 0x80000000 else r << 1
        table.append(r & 0xFFFFFFFF)
    return tuple(table)


_CRC = _crc_table()


def _ogg_crc(data: bytes) -> int:
    """Ogg's CRC-32: polynomial 0x04c11db7, not reflected, starting from 0."""
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _CRC[(crc >> 24) ^ byte]
    return crc
