"""The session store: one SQLite file, ``<data dir>/sessions.db``, with the audio beside it.

Every saved answer becomes a row in ``sessions`` (question, time, transcript and analysis as
JSON, the model and options used, which analyzer version judged it) and a FLAC file in
``<data dir>/audio/<id>.flac``. The schema grows by an ordered list of named migrations, each
applied once and recorded in ``_migrations`` (the way simonw/llm keeps its logs database).

Concurrency: WAL mode plus a busy timeout, and every write in ``BEGIN IMMEDIATE``, so two
starcoach processes saving at once queue for the lock instead of losing a row.
A file that is not a SQLite database raises StorageError and is left untouched: nothing is
written before the file has been read successfully.

The schema version is ``PRAGMA user_version`` (the number of migrations applied): a database
from a newer starcoach is refused, untouched, with a line that says to upgrade. A data folder
that cannot be written (a backup, a snapshot, a read-only mount) is opened read-only, so it can
still be read; every write then says the folder is read-only. A row that cannot be read (JSON
that does not parse, a column of the wrong type) is skipped with one warning naming it, and can
still be deleted. Stored file paths are confined to the audio folder: a row that names a file
elsewhere never makes starcoach delete, copy or play that file.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from starcoach import config
from starcoach.errors import NotFoundError, StorageError

__all__ = ["Session", "Store", "StoredFollowUp", "check_can_save", "normalize_question_id",
           "open_store", "warn_once"]

DB_NAME = "sessions.db"
AUDIO_DIR = "audio"
BUSY_TIMEOUT_MS = 15_000
FULL_DISK_BYTES = 64 * 1024
"""Free space under which a failing open is put down to a full disk: WAL mode's -shm file
needs 32 KiB."""


def _m001_sessions(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,        -- ISO 8601, UTC
            question_id TEXT,
            question_text TEXT,
            audio_path TEXT,                 -- relative to the data folder
            source TEXT,                     -- the file the audio came from
            duration_s REAL NOT NULL,
            transcript_json TEXT NOT NULL,   -- Transcript.to_dict()
            analysis_json TEXT NOT NULL,     -- Analysis.to_dict()
            model TEXT,
            options_json TEXT NOT NULL,
            analyzer_version TEXT
        )"""
    )


def _m002_indexes(db: sqlite3.Connection) -> None:
    db.execute("CREATE INDEX sessions_created ON sessions (created_at)")
    db.execute("CREATE INDEX sessions_question ON sessions (question_id, created_at)")


def _m003_analyzed_at(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE sessions ADD COLUMN analyzed_at TEXT")
    db.execute("UPDATE sessions SET analyzed_at = created_at")


def _m004_question_ids(db: sqlite3.Connection) -> None:
    # Earlier releases stored `--question " Failure-1 "` as typed, so the session dropped out
    # of `history --question failure-1`; IDs are now kept as the bank spells them.
    rows = db.execute("SELECT id, question_id FROM sessions WHERE typeof(question_id) = 'text'")
    for sid, qid in rows.fetchall():
        if normalize_question_id(qid) != qid:
            db.execute("UPDATE sessions SET question_id = ? WHERE id = ?",
                       (normalize_question_id(qid), sid))


def _m005_follow_ups(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE follow_ups (
            id TEXT PRIMARY KEY,             -- <session ID>-<n>
            session_id TEXT NOT NULL,        -- the answer it follows up
            created_at TEXT NOT NULL,
            probe_json TEXT NOT NULL,        -- follow_up.Probe.to_dict(): what was asked, why
            reply_json TEXT NOT NULL,        -- follow_up.Reply.to_dict(): answered or not
            audio_path TEXT,                 -- relative to the data folder
            source TEXT,
            duration_s REAL NOT NULL,
            transcript_json TEXT NOT NULL,
            analysis_json TEXT NOT NULL,
            model TEXT
        )"""
    )
    db.execute("CREATE INDEX follow_ups_session ON follow_ups (session_id, created_at)")


MIGRATIONS = [
    ("m001_sessions", _m001_sessions),
    ("m002_indexes", _m002_indexes),
    ("m003_analyzed_at", _m003_analyzed_at),
    ("m004_question_ids", _m004_question_ids),
    ("m005_follow_ups", _m005_follow_ups),
]
"""Append only: never edit or reorder a migration that has shipped."""

SCHEMA_VERSION = len(MIGRATIONS)
"""Stored as ``PRAGMA user_version`` once every migration is applied. A database with a higher
number (or a migration this build does not know) was written by a newer starcoach."""


def normalize_question_id(question_id: str | None) -> str | None:
    """A question ID as the bank spells it: no surrounding spaces, lower case; "" is None."""
    if question_id is None:
        return None
    key = question_id.strip().lower()
    return key or None


def _warn_stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


WARN: Callable[[str], None] = _warn_stderr
"""Where the warnings about skipped rows and ignored paths go (stderr, one line each)."""

_warned: set[str] = set()


def warn_once(message: str) -> None:
    """One warning a process for each problem: a command that reads the sessions twice (the
    stories checklist, then the history) names a damaged row once."""
    if message not in _warned:
        _warned.add(message)
        WARN(message)


class DamagedRowError(ValueError):
    """A row that cannot be read back: why, in a few words."""


@dataclass(frozen=True)
class Session:
    """One saved answer as stored. ``analysis`` and ``transcript`` are the JSON dicts."""

    id: str
    created_at: str
    question_id: str | None
    question_text: str | None
    audio_path: Path | None
    source: str | None
    duration_s: float
    transcript: dict[str, Any]
    analysis: dict[str, Any]
    model: str | None
    options: dict[str, Any]
    analyzer_version: str | None
    analyzed_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "analyzed_at": self.analyzed_at,
            "question_id": self.question_id,
            "question_text": self.question_text,
            "audio": self.audio_path.name if self.audio_path else None,
            "source": _file_name(self.source),
            "duration_s": self.duration_s,
            "model": self.model,
            "options": self.options,
            "analyzer_version": self.analyzer_version,
            "transcript": _without_folders(self.transcript),
            "analysis": _without_folders(self.analysis),
        }


@dataclass(frozen=True)
class StoredFollowUp:
    """A follow-up question asked after a session's answer, and the reply recorded to it.
    ``probe``, ``reply``, ``transcript`` and ``analysis`` are the JSON dicts."""

    id: str
    session_id: str
    created_at: str
    probe: dict[str, Any]
    reply: dict[str, Any]
    audio_path: Path | None
    source: str | None
    duration_s: float
    transcript: dict[str, Any]
    analysis: dict[str, Any]
    model: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at, "probe": self.probe,
                "reply": self.reply, "audio": self.audio_path.name if self.audio_path else None,
                "source": _file_name(self.source), "duration_s": self.duration_s,
                "model": self.model, "transcript": _without_folders(self.transcript),
                "analysis": _without_folders(self.analysis)}


def _file_name(path: Any) -> Any:
    """The last part of a stored path: an export never tells where the recordings lay."""
    if not isinstance(path, str) or not path:
        return path
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _source_key(path: Path, root: Path) -> str:
    """How a session names the file it was made from: its place inside the data folder
    (``recordings/2026-12-03/221503-q.flac``), or only its name when it lies elsewhere."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.name


def _without_folders(doc: dict[str, Any]) -> dict[str, Any]:
    """A transcript or analysis whose ``source`` (or ``extra.source``) is the file name only.
    Sessions saved by earlier releases hold the path as given, often absolute."""
    out = dict(doc)
    if "source" in out:
        out["source"] = _file_name(out["source"])
    if isinstance(out.get("extra"), dict) and "source" in out["extra"]:
        out["extra"] = {**out["extra"], "source": _file_name(out["extra"]["source"])}
    return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _plain(obj: Any) -> dict[str, Any]:
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


class Store:
    """The session database. Get one with ``open_store()``.

    ``readonly`` when the data folder (or the database file) cannot be written: reading works,
    and every write raises StorageError saying so before anything is touched.
    """

    def __init__(self, db: sqlite3.Connection, root: Path, readonly: bool = False,
                 disk_full: bool = False) -> None:
        self.db = db
        self.root = root
        self.readonly = readonly or disk_full
        self.disk_full = disk_full

    def require_writable(self, action: str) -> None:
        """StorageError naming the read-only data folder (or its full disk) when ``action``
        would have to write."""
        if self.disk_full:
            raise _full_error(self.root, action)
        if self.readonly:
            raise _readonly_error(self.root, action)

    # -- writing -------------------------------------------------------------------------
    def save_session(
        self,
        audio_path: str | Path | None,
        transcript: Any,
        analysis: Any,
        question_id: str | None = None,
        model: str | None = None,
        samples: Any = None,
    ) -> str:
        """Record the session with its audio as FLAC; return its ID (8 hex digits).

        ``samples`` (16 kHz mono float32) are what was analyzed: they are encoded once, so the
        stored audio is exactly what the analysis measured. Without them ``audio_path`` is
        decoded by the same decoder the analyzer reads with.
        """
        self.require_writable("save the session")
        t = _without_folders(_plain(transcript))
        a = _without_folders(_plain(analysis))
        question = a.get("question") or {}
        session_id = self._new_id()
        stored: Path | None = None
        if audio_path is not None:
            stored = self.root / AUDIO_DIR / f"{session_id}.flac"
            _store_flac(Path(audio_path), samples, stored)
        options = {"analysis": a.get("options", {}), "transcription": t.get("settings", {})}
        try:
            with self._write():
                self.db.execute(
                    "INSERT INTO sessions (id, created_at, analyzed_at, question_id,"
                    " question_text, audio_path, source, duration_s, transcript_json,"
                    " analysis_json, model, options_json, analyzer_version)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        session_id, _now(), _now(),
                        normalize_question_id(question.get("id") or question_id),
                        question.get("text"),
                        stored.relative_to(self.root).as_posix() if stored else None,
                        # the file name only: where the recording lay is nobody's business
                        # in an export, and the copy in audio/ is what the session plays;
                        # a take in the data folder by its place there, for `recover`
                        (_source_key(Path(audio_path), self.root) if audio_path is not None
                         else _file_name(t.get("source"))),
                        float(a.get("duration_s") or t.get("duration_s") or 0.0),
                        json.dumps(t), json.dumps(a), model or t.get("model") or None,
                        json.dumps(options), a.get("analyzer_version"),
                    ),
                )
        except BaseException:
            if stored is not None:
                stored.unlink(missing_ok=True)
            raise
        return session_id

    def update_analysis(self, session_id: str, analysis: Any) -> None:
        """Replace a session's analysis (after ``reanalyze``), recording the analyzer version."""
        self.require_writable(f"re-analyze session {session_id}")
        a = _without_folders(_plain(analysis))
        with self._write():
            cur = self.db.execute(
                "UPDATE sessions SET analysis_json = ?, analyzer_version = ?, analyzed_at = ?,"
                " options_json = json_set(options_json, '$.analysis', json(?)) WHERE id = ?",
                (json.dumps(a), a.get("analyzer_version"), _now(),
                 json.dumps(a.get("options", {})), session_id),
            )
        if cur.rowcount == 0:
            raise _not_found(session_id)

    def save_follow_up(self, session_id: str, probe: Any, reply: Any,
                       audio_path: str | Path | None, transcript: Any, analysis: Any,
                       model: str | None = None, samples: Any = None) -> str:
        """Record the reply to a follow-up question in the session it follows up, with its
        audio as FLAC; return its ID (``<session ID>-<n>``)."""
        sid = str(self._find(session_id)["id"])
        self.require_writable(f"save the follow-up of session {sid}")
        t = _without_folders(_plain(transcript))
        a = _without_folders(_plain(analysis))
        n = 1 + len(self._read("SELECT 1 FROM follow_ups WHERE session_id = ?", (sid,)))
        while self._read("SELECT 1 FROM follow_ups WHERE id = ?", (f"{sid}-{n}",)):
            n += 1
        fid = f"{sid}-{n}"
        stored: Path | None = None
        if audio_path is not None:
            stored = self.root / AUDIO_DIR / f"{fid}.flac"
            _store_flac(Path(audio_path), samples, stored)
        try:
            with self._write():
                self.db.execute(
                    "INSERT INTO follow_ups (id, session_id, created_at, probe_json, reply_json,"
                    " audio_path, source, duration_s, transcript_json, analysis_json, model)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (fid, sid, _now(), json.dumps(_plain(probe)), json.dumps(_plain(reply)),
                     stored.relative_to(self.root).as_posix() if stored else None,
                     (_source_key(Path(audio_path), self.root) if audio_path is not None
                      else _file_name(t.get("source"))),
                     float(a.get("duration_s") or t.get("duration_s") or 0.0),
                     json.dumps(t), json.dumps(a), model or t.get("model") or None),
                )
        except BaseException:
            if stored is not None:
                stored.unlink(missing_ok=True)
            raise
        return fid

    def delete_session(self, session_id: str) -> None:
        """Remove the row, its follow-ups and their audio files (a damaged row too: nothing
        of it is parsed but its ID and audio path, and a path outside the audio folder is left
        alone)."""
        row = self._find(session_id)
        sid = str(row["id"])
        self.require_writable(f"delete session {sid}")
        # a writable store is migrated, so its follow_ups table exists
        audio = [self._audio_path(sid, row["audio_path"])]
        audio += [self._audio_path(str(r["id"]), r["audio_path"]) for r in self._read(
            "SELECT id, audio_path FROM follow_ups WHERE session_id = ?", (sid,))]
        with self._write():
            self.db.execute("DELETE FROM sessions WHERE id = ?", (sid,))
            self.db.execute("DELETE FROM follow_ups WHERE session_id = ?", (sid,))
        for path in audio:
            if path is not None:
                path.unlink(missing_ok=True)

    def resolve(self, session_id: str) -> str:
        """The full ID of the session an ID or unique prefix names (damaged or not)."""
        return str(self._find(session_id)["id"])

    # -- reading -------------------------------------------------------------------------
    def sessions(self, question_id: str | None = None) -> list[Session]:
        """All sessions, oldest first (optionally only those answering one question)."""
        sql = "SELECT * FROM sessions"
        args: tuple[Any, ...] = ()
        question_id = normalize_question_id(question_id)
        if question_id:
            # as spelled, or as a read-only database of an earlier release may still hold it
            sql += " WHERE lower(trim(question_id, ' ' || char(9, 10, 13))) = ?"
            args = (question_id,)
        found = []
        for row in self._read(sql + " ORDER BY created_at, rowid", args):
            try:
                found.append(self._session(row))
            except DamagedRowError as exc:
                warn_once(f"session {_row_name(row)} cannot be read ({exc}); skipped. "
                          f"`starcoach delete {_row_name(row)}` removes it")
        return found

    def follow_ups(self, session_id: str) -> list[StoredFollowUp]:
        """The follow-ups recorded after a session's answer, in the order they were asked.
        A row that cannot be read is skipped with one warning."""
        if not self._has_follow_ups():  # a read-only database of an earlier release
            return []
        found = []
        for row in self._read("SELECT * FROM follow_ups WHERE session_id = ?"
                              " ORDER BY created_at, rowid", (session_id,)):
            try:
                found.append(self._follow_up(row))
            except DamagedRowError as exc:
                warn_once(f"follow-up {_row_name(row)} cannot be read ({exc}); skipped")
        return found

    def _has_follow_ups(self) -> bool:
        return bool(self._read("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                               " AND name = 'follow_ups'"))

    def _follow_up(self, row: sqlite3.Row) -> StoredFollowUp:
        fid = row["id"]
        if not isinstance(fid, str) or not fid:
            raise DamagedRowError("its ID is not text")
        duration = row["duration_s"]
        if isinstance(duration, bool) or not isinstance(duration, int | float):
            raise DamagedRowError(f"duration_s is {_sql_type(duration)}, not a number")
        return StoredFollowUp(
            id=fid, session_id=_text(row, "session_id", required=True) or "",
            created_at=_text(row, "created_at", required=True) or "",
            probe=_json_object(row, "probe_json"), reply=_json_object(row, "reply_json"),
            audio_path=self._audio_path(fid, row["audio_path"]), source=_text(row, "source"),
            duration_s=float(duration), transcript=_json_object(row, "transcript_json"),
            analysis=_json_object(row, "analysis_json"), model=_text(row, "model"))

    def question_ids(self) -> set[str]:
        """Every question ID that has a saved session."""
        rows = self._read("SELECT DISTINCT question_id FROM sessions"
                          " WHERE typeof(question_id) = 'text'")
        return {q for r in rows if (q := normalize_question_id(r["question_id"]))}

    def get(self, session_id: str) -> Session:
        """One session by ID, or by a unique prefix of at least 4 characters."""
        row = self._find(session_id)
        try:
            return self._session(row)
        except DamagedRowError as exc:
            raise StorageError(f"session {_row_name(row)} cannot be read ({exc}): "
                               f"`starcoach delete {_row_name(row)}` removes it") from exc

    def _find(self, session_id: str) -> sqlite3.Row:
        key = session_id.strip().lower()
        rows = self._read("SELECT * FROM sessions WHERE id = ?", (key,))
        if not rows and len(key) >= 4:
            rows = self._read(
                "SELECT * FROM sessions WHERE id LIKE ? || '%' ESCAPE '\\' ORDER BY id",
                (key.replace("%", r"\%").replace("_", r"\_"),))
            if len(rows) > 1:
                ids = ", ".join(r["id"] for r in rows)
                raise NotFoundError(f"session prefix '{session_id}' is ambiguous: {ids}")
        if not rows and 0 < len(key) < 4 and self._read(
                "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? LIMIT 1", (len(key), key)):
            raise NotFoundError(f"session ID '{session_id}' is too short: give at least its "
                                "first 4 characters (see `starcoach history`)")
        if not rows:
            raise _not_found(session_id)
        return rows[0]

    def count(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM sessions")[0]["n"])

    def applied_migrations(self) -> list[str]:
        return [r["name"] for r in self._read("SELECT name FROM _migrations ORDER BY rowid")]

    # -- internals -----------------------------------------------------------------------
    def _new_id(self) -> str:
        while True:
            candidate = secrets.token_hex(4)
            if not self._read("SELECT 1 FROM sessions WHERE id = ?", (candidate,)):
                return candidate

    def _session(self, row: sqlite3.Row) -> Session:
        """The row as a Session; DamagedRowError when a column is not what was stored."""
        sid = row["id"]
        if not isinstance(sid, str) or not sid:
            raise DamagedRowError("its ID is not text")
        created_at = _text(row, "created_at", required=True)
        try:
            datetime.fromisoformat(created_at or "")
        except ValueError:
            raise DamagedRowError(f"created_at {str(created_at)[:40]!r} is not a time") from None
        duration = row["duration_s"]
        if isinstance(duration, bool) or not isinstance(duration, int | float):
            raise DamagedRowError(f"duration_s is {_sql_type(duration)}, not a number")
        keys = row.keys()
        # A read-only database from before m003 has no analyzed_at column: read it as m003 would.
        analyzed_at = _text(row, "analyzed_at") if "analyzed_at" in keys else created_at
        return Session(
            id=sid, created_at=created_at or "",
            question_id=normalize_question_id(_text(row, "question_id")),
            question_text=_text(row, "question_text"),
            audio_path=self._audio_path(sid, row["audio_path"]),
            source=_text(row, "source"), duration_s=float(duration),
            transcript=_json_object(row, "transcript_json"),
            analysis=_json_object(row, "analysis_json"), model=_text(row, "model"),
            options=_json_object(row, "options_json"),
            analyzer_version=_text(row, "analyzer_version"), analyzed_at=analyzed_at,
        )

    def _audio_path(self, sid: str, stored: Any) -> Path | None:
        """The stored audio file, if it lies inside ``<data dir>/audio``; else None and one
        warning. An absolute path, a ``..`` or a symlink out of the folder in a tampered row
        must never make ``delete`` remove, or ``export`` copy, a file elsewhere."""
        if stored is None or stored == "":
            return None
        rel = PurePosixPath(stored.replace("\\", "/")) if isinstance(stored, str) else None
        if rel is not None and not rel.is_absolute() and ".." not in rel.parts \
                and len(rel.parts) >= 2 and rel.parts[0] == AUDIO_DIR:
            path = self.root.joinpath(*rel.parts)
            try:
                inside = path.resolve().is_relative_to((self.root / AUDIO_DIR).resolve())
            except (OSError, RuntimeError):  # a symlink loop
                inside = False
            if inside:
                return path
        shown = stored if isinstance(stored, str) else f"a value of type {_sql_type(stored)}"
        warn_once(f"session {sid}: its audio path {str(shown)[:200]!r} is not a file in "
                   f"{self.root / AUDIO_DIR}; ignored (the session is kept without its audio)")
        return None

    def _read(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise _storage_error(self.root / DB_NAME, exc) from exc

    @contextmanager
    def _write(self) -> Iterator[None]:
        self.require_writable("change the session database")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise _storage_error(self.root / DB_NAME, exc) from exc


def _row_name(row: sqlite3.Row) -> str:
    sid = row["id"]
    return sid if isinstance(sid, str) and sid else repr(sid)


def _sql_type(value: Any) -> str:
    return {type(None): "NULL", int: "an integer", float: "a real", str: "text",
            bytes: "a blob"}.get(type(value), type(value).__name__)


def _text(row: sqlite3.Row, column: str, required: bool = False) -> str | None:
    value = row[column]
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise DamagedRowError(f"{column} is {_sql_type(value)}, not text")
    return value


def _json_object(row: sqlite3.Row, column: str) -> dict[str, Any]:
    value = row[column]
    if not isinstance(value, str):
        raise DamagedRowError(f"{column} is {_sql_type(value)}, not JSON text")
    try:
        data = json.loads(value)
    except ValueError as exc:
        raise DamagedRowError(f"{column} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise DamagedRowError(f"{column} holds {type(data).__name__}, not an object")
    return data


def _readonly_error(root: Path, action: str) -> StorageError:
    return StorageError(f"cannot {action}: the data folder {root} is read-only (it can be read, "
                        "not changed); point STARCOACH_HOME at a folder you can write")


def _full_error(root: Path, action: str) -> StorageError:
    return StorageError(f"cannot {action}: the disk that holds the data folder {root} is full "
                        "(the sessions can be read, not changed); free some space")


def _disk_full(root: Path) -> bool:
    """Whether the disk holding ``root`` has no room left for SQLite's shared-memory file."""
    try:
        return shutil.disk_usage(root).free < FULL_DISK_BYTES
    except OSError:
        return False


def _not_found(session_id: str) -> NotFoundError:
    return NotFoundError(f"no session '{session_id}' (see `starcoach history`)")


def _storage_error(path: Path, exc: sqlite3.Error) -> StorageError:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return StorageError(
            f"{path} is damaged ({text}); it was left untouched: move it aside to start a new "
            "one, or restore a backup"
        )
    if "locked" in text or "busy" in text:
        return StorageError(f"{path} is locked by another program ({text}); try again")
    if "readonly" in text or "read-only" in text:
        return _readonly_error(path.parent, "change the session database")
    if "disk is full" in text or ("disk I/O" in text and _disk_full(path.parent)):
        return _full_error(path.parent, "change the session database")
    return StorageError(f"cannot use the session database {path}: {text}")


def _check_schema(db: sqlite3.Connection, path: Path) -> set[str]:
    """Read the schema marker before anything is written; StorageError for a newer database.
    Returns the migrations already applied."""
    # On a file that is not a database this raises, and nothing has been written.
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    has_log = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                         " AND name = '_migrations'").fetchone()
    done = {str(r[0]) for r in db.execute("SELECT name FROM _migrations")} if has_log else set()
    unknown = sorted(done - {name for name, _ in MIGRATIONS})
    if version > SCHEMA_VERSION or unknown:
        what = f"schema version {version}" if version > SCHEMA_VERSION else (
            f"migration {unknown[-1]}")
        raise StorageError(
            f"{path} was written by a newer starcoach ({what}; this one knows up to schema "
            f"version {SCHEMA_VERSION}): upgrade starcoach to use it; the file was left untouched")
    return done


def _use_wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode. Switching needs the file to itself and SQLite does not wait
    for that: two processes opening a new store at once got "database is locked" here (the
    other one migrating). So it waits as a busy timeout would; once one has switched, the mode
    is kept in the file and the other has nothing to do."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    done = _check_schema(db, path)
    if done >= {name for name, _ in MIGRATIONS} and int(
            db.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION:
        return  # up to date: nothing to write
    _use_wal(db)
    db.execute("BEGIN IMMEDIATE")  # one process migrates; the other waits, then finds it done
    try:
        db.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        done = {r[0] for r in db.execute("SELECT name FROM _migrations")}
        for name, step in MIGRATIONS:
            if name not in done:
                step(db)
                db.execute("INSERT INTO _migrations VALUES (?, ?)", (name, _now()))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _writable(root: Path, path: Path) -> bool:
    """Whether the data folder (and the database in it) can be written: a read-only mount, a
    snapshot or a folder without write permission cannot."""
    if not os.access(root, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def check_can_save(root: Path | None = None) -> None:
    """Before a long transcription: StorageError now if the session could not be saved after
    it (a read-only data folder, a damaged database or one from a newer starcoach). Creates
    nothing when there is no database yet."""
    root = Path(root) if root is not None else config.data_dir()
    path = root / DB_NAME
    if root.is_dir() and not _writable(root, path):
        raise _readonly_error(root, "save the session")
    if path.exists():
        with open_store(root, create=False):
            pass


def _connect_readonly(root: Path, path: Path) -> sqlite3.Connection:
    """A connection that never writes. A WAL database needs its ``-shm`` file: when the folder
    cannot hold one (and there is none), the file is opened as immutable."""
    if not path.exists():
        # Nothing saved, and nowhere to save: an empty store in memory, so reading commands
        # say there is nothing yet and writing commands say the folder is read-only.
        db = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(db, path)
        return db
    shm = path.with_name(path.name + "-shm")
    can_shm = os.access(root, os.W_OK | os.X_OK) or shm.exists()
    wal = path.with_name(path.name + "-wal")
    if not can_shm and wal.is_file() and wal.stat().st_size > 0:
        warn_once(f"{wal} holds changes a starcoach that did not close left behind; in this "
                  "read-only folder they cannot be read, so the latest sessions may be missing")
    if not can_shm:
        return _connect_immutable(path)
    return sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)


def _connect_immutable(path: Path) -> sqlite3.Connection:
    """Read the database file as it stands, without the -shm file WAL mode needs."""
    return sqlite3.connect(path.absolute().as_uri() + "?mode=ro&immutable=1", uri=True,
                           timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)


@contextmanager
def open_store(root: Path | None = None, create: bool = True) -> Iterator[Store]:
    """Open (creating and migrating if needed) the session store in the data folder; read-only
    when the folder cannot be written. ``create=False`` (for commands that only read) leaves a
    missing database missing: the store is then empty."""
    root = Path(root) if root is not None else config.data_dir()
    path = root / DB_NAME
    if path.exists() and not path.is_file():
        raise StorageError(f"cannot open the session database {path}: it is not a file; "
                           "move it aside")
    try:
        if not root.is_dir():
            root.mkdir(parents=True, exist_ok=True)
        writable = _writable(root, path) and (create or path.exists())
        if writable:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        else:
            db = _connect_readonly(root, path)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot open the session database {path}: {exc}") from exc
    full = False
    try:
        db.row_factory = sqlite3.Row
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if writable:
                _migrate(db, path)
            else:
                _check_schema(db, path)
        except sqlite3.Error as exc:
            if not (writable and path.is_file() and _disk_full(root)):
                raise _storage_error(path, exc) from exc
            # A full disk has no room for the -shm file even to read: read the file as it
            # stands, and let every write say the disk is full.
            db.close()
            db = _connect_immutable(path)
            db.row_factory = sqlite3.Row
            writable, full = False, True
            try:
                _check_schema(db, path)
            except sqlite3.Error as again:
                raise _storage_error(path, again) from again
        if writable:
            from starcoach.sessions.housekeeping import reclaim_orphans

            reclaim_orphans(root, db)  # what a killed save left behind
        yield Store(db, root, readonly=not writable, disk_full=full)
    finally:
        db.close()


def _store_flac(source: Path, samples: Any, dest: Path) -> None:
    """Encode the analyzed samples (or decode ``source``) to ``dest`` as 16 kHz mono FLAC,
    through a temporary name, so a crash never leaves half a file under the session's ID."""
    from starcoach.audio.decode import load_audio, save_flac

    # Writing is the data folder's business, not the recording's: a folder that cannot be
    # written is named as the cause (it was once reported as "cannot read audio").
    def cannot_write(exc: OSError) -> StorageError:
        return StorageError(
            f"cannot save the session: cannot write its audio in {dest.parent} "
            f"({(exc.strerror or str(exc)).lower()}); the recording '{source}' is unchanged; "
            "check that the data folder can be written, or point STARCOACH_HOME elsewhere")

    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(exc) from exc
    if samples is None:
        samples = load_audio(source)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        save_flac(samples, tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        raise cannot_write(exc) from exc
    finally:
        tmp.unlink(missing_ok=True)


def saved_sources(root: Path | None = None) -> set[str]:
    """The files saved sessions were made from, as stored in ``source``: a place inside the
    data folder, a file name, or (sessions saved by an older starcoach) an absolute path.
    Read without creating a database where there is none; only that column is read, so a row
    whose JSON is damaged does not hide the others."""
    root = Path(root) if root is not None else config.data_dir()
    if not (root / DB_NAME).exists():
        return set()
    with open_store(root) as store:
        rows = store._read("SELECT source FROM sessions WHERE source IS NOT NULL")
        if store._has_follow_ups():
            rows += store._read("SELECT source FROM follow_ups WHERE source IS NOT NULL")
    return {str(r["source"]) for r in rows}
