"""What a killed save leaves in the data folder, reclaimed the next time the store is opened.

A save writes the session's FLAC under a hidden temporary name (``.ID.flac.PID.tmp``), renames it
to ``audio/ID.flac``, then commits the row; a guide import and a take's FLAC conversion also
write through hidden ``.tmp`` names. ``kill -9`` between those steps leaves a temporary file, or
a FLAC no session (or follow-up) points at. Neither holds anything the user would miss: the
recording the FLAC was made from is still where it was (a practice take stays in
``recordings/``).

Nothing another process may still be using is touched, so two saves at once both succeed:

- a temporary file only once the process named in it is gone (or after a day, for one whose
  writer cannot be told);
- a FLAC without a session only after an hour: a save in progress renames its FLAC into place a
  moment before its row is committed, and may wait up to the busy timeout for the lock.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from starcoach import files

ORPHAN_AUDIO_AGE_S = 3600.0
"""A FLAC in ``audio/`` without a session is removed once it is this old."""
UNKNOWN_TEMP_AGE_S = 24 * 3600.0
"""A temporary file whose writer cannot be told is removed once it is this old."""


def _age_s(path: Path, now: float) -> float:
    return now - path.lstat().st_mtime


def _temp_files(root: Path) -> list[Path]:
    found = list(root.glob(f".*{files.TEMP_SUFFIX}"))
    found += list((root / "audio").glob(f".*{files.TEMP_SUFFIX}"))
    recordings = root / "recordings"
    if recordings.is_dir():
        found += list(recordings.rglob(f".*{files.TEMP_SUFFIX}"))
    return [p for p in found if p.is_file() and not p.is_symlink()]


def reclaim_orphans(root: Path, db: sqlite3.Connection, now: float | None = None) -> list[Path]:
    """Remove what killed saves left in the data folder ``root``; return what was removed.

    Never raises: a read-only data folder, or a database that cannot be read, leaves
    everything for a later start."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        for temp in _temp_files(root):
            if files.writer_gone(temp) or _age_s(temp, now) > UNKNOWN_TEMP_AGE_S:
                temp.unlink(missing_ok=True)
                removed.append(temp)
        audio = root / "audio"
        old = [p for p in audio.glob("*.flac")
               if p.is_file() and not p.is_symlink() and _age_s(p, now) > ORPHAN_AUDIO_AGE_S]
        if old:
            known = {Path(r[0]).name for r in db.execute(
                "SELECT audio_path FROM sessions WHERE audio_path IS NOT NULL UNION ALL"
                " SELECT audio_path FROM follow_ups WHERE audio_path IS NOT NULL")}
            for flac in old:
                if flac.name not in known:
                    flac.unlink(missing_ok=True)
                    removed.append(flac)
    except (OSError, sqlite3.Error):
        pass
    return removed

