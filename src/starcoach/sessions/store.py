"""The session store: one SQLite file, ``<data dir>/sessions.db``, with the audio beside it.

Every saved answer becomes a row in ``sessions`` (question, time, transcript and analysis as
JSON, the model and options used, which analyzer version judged it) and a FLAC file in
``<data dir>/audio/<id>.flac``. The schema grows by an ordered list of named migrations, each
applied once and recorded in ``_migrations`` (the way simonw/llm keeps its logs database).

Concurrency: WAL mode plus a busy timeout, and every write in ``BEGIN IMMEDIATE``, so two
starcoach processes saving at once queue for the lock instead of losing a row.
A file that is not a SQLite database raises StorageError and is left untouched: nothing is
written before the file has been read successfully.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starcoach import config
from starcoach.errors import NotFoundError, StorageError

__all__ = ["Session", "Store", "open_store"]

DB_NAME = "sessions.db"
AUDIO_DIR = "audio"
BUSY_TIMEOUT_MS = 15_000


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


MIGRATIONS = [
    ("m001_sessions", _m001_sessions),
    ("m002_indexes", _m002_indexes),
    ("m003_analyzed_at", _m003_analyzed_at),
]
"""Append only: never edit or reorder a migration that has shipped."""


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
            "source": self.source,
            "duration_s": self.duration_s,
            "model": self.model,
            "options": self.options,
            "analyzer_version": self.analyzer_version,
            "transcript": self.transcript,
            "analysis": self.analysis,
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _plain(obj: Any) -> dict[str, Any]:
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


class Store:
    """The session database. Get one with ``open_store()``."""

    def __init__(self, db: sqlite3.Connection, root: Path) -> None:
        self.db = db
        self.root = root

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
        t = _plain(transcript)
        a = _plain(analysis)
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
                        session_id, _now(), _now(), question_id or question.get("id"),
                        question.get("text"),
                        stored.relative_to(self.root).as_posix() if stored else None,
                        str(Path(audio_path).resolve()) if audio_path is not None
                        else t.get("source"),
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
        a = _plain(analysis)
        with self._write():
            cur = self.db.execute(
                "UPDATE sessions SET analysis_json = ?, analyzer_version = ?, analyzed_at = ?,"
                " options_json = json_set(options_json, '$.analysis', json(?)) WHERE id = ?",
                (json.dumps(a), a.get("analyzer_version"), _now(),
                 json.dumps(a.get("options", {})), session_id),
            )
        if cur.rowcount == 0:
            raise _not_found(session_id)

    def delete_session(self, session_id: str) -> None:
        """Remove the row and its audio file."""
        session = self.get(session_id)
        with self._write():
            self.db.execute("DELETE FROM sessions WHERE id = ?", (session.id,))
        if session.audio_path is not None:
            session.audio_path.unlink(missing_ok=True)

    # -- reading -------------------------------------------------------------------------
    def sessions(self, question_id: str | None = None) -> list[Session]:
        """All sessions, oldest first (optionally only those answering one question)."""
        sql = "SELECT * FROM sessions"
        args: tuple[Any, ...] = ()
        if question_id:
            sql += " WHERE question_id = ?"
            args = (question_id,)
        rows = self._read(sql + " ORDER BY created_at, rowid", args)
        return [self._session(r) for r in rows]

    def get(self, session_id: str) -> Session:
        """One session by ID, or by a unique prefix of at least 4 characters."""
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
        return self._session(rows[0])

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
        return Session(
            id=row["id"], created_at=row["created_at"], question_id=row["question_id"],
            question_text=row["question_text"],
            audio_path=self.root / row["audio_path"] if row["audio_path"] else None,
            source=row["source"], duration_s=row["duration_s"],
            transcript=json.loads(row["transcript_json"]),
            analysis=json.loads(row["analysis_json"]), model=row["model"],
            options=json.loads(row["options_json"]), analyzer_version=row["analyzer_version"],
            analyzed_at=row["analyzed_at"],
        )

    def _read(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise _storage_error(self.root / DB_NAME, exc) from exc

    @contextmanager
    def _write(self) -> Iterator[None]:
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
    return StorageError(f"cannot use the session database {path}: {text}")


def _migrate(db: sqlite3.Connection) -> None:
    # Read before writing anything: on a damaged file this raises and nothing has been written.
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    db.execute("PRAGMA journal_mode = WAL")
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
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


@contextmanager
def open_store(root: Path | None = None) -> Iterator[Store]:
    """Open (creating and migrating if needed) the session store in the data folder."""
    root = Path(root) if root is not None else config.data_dir()
    path = root / DB_NAME
    try:
        root.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot open the session database {path}: {exc}") from exc
    try:
        db.row_factory = sqlite3.Row
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _migrate(db)
        except sqlite3.Error as exc:
            raise _storage_error(path, exc) from exc
        from starcoach.sessions.housekeeping import reclaim_orphans

        reclaim_orphans(root, db)  # what a killed save left behind
        yield Store(db, root)
    finally:
        db.close()


def _store_flac(source: Path, samples: Any, dest: Path) -> None:
    """Encode the analyzed samples (or decode ``source``) to ``dest`` as 16 kHz mono FLAC,
    through a temporary name, so a crash never leaves half a file under the session's ID."""
    from starcoach.audio.decode import load_audio, save_flac

    dest.parent.mkdir(parents=True, exist_ok=True)
    if samples is None:
        samples = load_audio(source)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        save_flac(samples, tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def saved_sources(root: Path | None = None) -> set[str]:
    """The files saved sessions were made from (``source``, resolved), without creating a
    database where there is none. Only that column is read, so a row whose JSON is damaged
    does not hide the others."""
    root = Path(root) if root is not None else config.data_dir()
    if not (root / DB_NAME).exists():
        return set()
    with open_store(root) as store:
        rows = store._read("SELECT source FROM sessions WHERE source IS NOT NULL")
    return {str(r["source"]) for r in rows}
