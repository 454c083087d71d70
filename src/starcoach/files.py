"""Reading the files a user names: only regular files, never more than a cap, text decoded.

A FIFO, a terminal or a device such as ``/dev/zero`` would block for ever or read until memory
runs out, so every path a command reads is checked to be a regular file (``st_mode``) before it
is opened, and text is read up to a cap. Shared by every stage that reads a file the user gave.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

TEXT_CAP_BYTES = 1024 * 1024
"""A typed answer or a study guide may be at most 1 MiB: a two-minute answer is about 2 KB,
the longest guide we know of about 40 KB. Past it the file is refused, not read."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Longest first: the UTF-32 LE mark begins with the UTF-16 LE one."""


class FileKindError(OSError):
    """The path exists but is not a regular file (a folder, a FIFO, a device, a socket)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"'{path}' is {kind}, not a regular file")
        self.path = path
        self.kind = kind


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words: 'a folder', 'a named pipe (FIFO)'..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: Path) -> os.stat_result:
    """``stat`` the path (following links); raise FileNotFoundError, FileKindError or OSError.

    Checked before opening: opening a FIFO for reading blocks until a writer comes.
    """
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise FileKindError(path, kind_of(st.st_mode))
    return st


class TooLargeError(OSError):
    """A text file over its cap."""


def read_capped(path: Path, cap: int = TEXT_CAP_BYTES) -> bytes:
    """The bytes of a regular file of at most ``cap`` bytes; TooLargeError past it.

    The size is checked from ``stat`` and again by reading at most ``cap + 1`` bytes, since a
    file in /proc or one still growing may say a size it does not have.
    """
    st = check_regular(path)
    if st.st_size > cap:
        raise TooLargeError(f"'{path}' is {st.st_size} bytes, over the {_kib(cap)} limit")
    with open(path, "rb") as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise TooLargeError(f"'{path}' is over the {_kib(cap)} limit")
    return data


def _kib(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n % (1024 * 1024) == 0 else f"{n // 1024} KiB"


def decode_text(data: bytes) -> tuple[str, str] | None:
    """Text and the encoding it was read in: by its byte-order mark (UTF-8, UTF-16, UTF-32),
    else UTF-8. None when it is not text in any of them."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def looks_binary(text: str) -> bool:
    """True for decoded text with a NUL anywhere, or many control characters that text never
    has (more than 5% of it). The whole text counts, not only its start."""
    if not text:
        return False
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\x0c\r")
    return controls / len(text) > 0.05
