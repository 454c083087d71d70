"""The session store: a real SQLite file and real FLAC files in a temporary starcoach home."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import av
import pytest
from _sessiondata import build

from starcoach.audio.decode import load_audio
from starcoach.errors import AudioError, NotFoundError, StorageError
from starcoach.sessions import store as storage
from starcoach.sessions.store import open_store
from starcoach.types import Transcript


@pytest.fixture
def jfk(real_speech: Path) -> Path:
    return real_speech / "fw_jfk.flac"


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                          text=True, input=stdin, timeout=120)


def test_a_saved_session_keeps_its_audio_as_16k_mono_flac_and_everything_needed_to_review_it(
    jfk: Path, starcoach_home: Path
) -> None:
    transcript, analysis = build(question={"id": "failure-1", "text": "Tell me about a failure."})
    with open_store() as store:
        sid = store.save_session(jfk, transcript, analysis, question_id="failure-1")
        session = store.get(sid)

    assert len(sid) == 8 and int(sid, 16) >= 0
    assert session.audio_path == starcoach_home / "audio" / f"{sid}.flac"
    with av.open(str(session.audio_path)) as f:
        stream = f.streams.audio[0]
        assert (stream.codec_context.name, stream.rate, stream.channels) == ("flac", 16000, 1)
        assert float(f.duration / 1_000_000) == pytest.approx(11.0, abs=0.05)
    assert session.question_id == "failure-1"
    assert session.question_text == "Tell me about a failure."
    assert session.duration_s == pytest.approx(11.0)
    assert session.model == "tiny.en"
    assert session.analyzer_version == analysis.to_dict()["analyzer_version"]
    assert session.options["analysis"]["long_pause_s"] == 1.2
    assert session.analysis == analysis.to_dict()
    assert Transcript.from_dict(session.transcript).to_dict() == transcript.to_dict()
    assert session.created_at.endswith("+00:00")


def test_stored_audio_reads_back_as_the_samples_the_analyzer_measures(jfk: Path) -> None:
    transcript, analysis = build()
    with open_store() as store:
        session = store.get(store.save_session(jfk, transcript, analysis))
    samples = load_audio(session.audio_path)
    assert samples.dtype.name == "float32"
    assert len(samples) == pytest.approx(11.0 * 16000, abs=160)
    assert 0.3 < float(abs(samples).max()) <= 1.0


def test_a_session_keeps_exactly_the_samples_that_were_analyzed(jfk: Path) -> None:
    """The 44.1 kHz stereo source is decoded once; the stored FLAC holds those samples (to
    16-bit precision), not a second conversion of the file with its own resampler."""
    analyzed = load_audio(jfk)
    transcript, analysis = build()
    with open_store() as store:
        session = store.get(store.save_session(jfk, transcript, analysis, samples=analyzed))
    stored = load_audio(session.audio_path)
    assert len(stored) == len(analyzed)
    assert float(abs(stored - analyzed).max()) <= 0.5 / 32768 + 1e-7


def test_without_samples_the_source_is_decoded_as_the_analyzer_reads_it(jfk: Path) -> None:
    transcript, analysis = build()
    with open_store() as store:
        session = store.get(store.save_session(jfk, transcript, analysis))
    stored, analyzed = load_audio(session.audio_path), load_audio(jfk)
    assert len(stored) == len(analyzed)
    assert float(abs(stored - analyzed).max()) <= 0.5 / 32768 + 1e-7


def test_migrations_run_once_in_order_and_are_recorded(starcoach_home: Path) -> None:
    with open_store() as store:
        assert store.applied_migrations() == [name for name, _ in storage.MIGRATIONS]
    with open_store() as store:  # reopening applies nothing twice
        assert store.applied_migrations() == [name for name, _ in storage.MIGRATIONS]
    db = sqlite3.connect(starcoach_home / "sessions.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(storage.MIGRATIONS)


def test_an_older_database_is_brought_up_to_date_and_keeps_its_sessions(
    starcoach_home: Path,
) -> None:
    """A database made by the first release (only m001) gains the later columns on open."""
    db = sqlite3.connect(starcoach_home / "sessions.db")
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    storage.MIGRATIONS[0][1](db)
    db.execute("INSERT INTO _migrations VALUES ('m001_sessions', '2026-01-01')")
    t, a = build()
    db.execute(
        "INSERT INTO sessions VALUES ('0ld1d000', '2026-01-02T10:00:00.000+00:00', NULL, NULL,"
        " NULL, NULL, 11.0, ?, ?, 'tiny.en', '{}', '1')",
        (json.dumps(t.to_dict()), json.dumps(a.to_dict())),
    )
    db.commit()
    db.close()
    with open_store() as store:
        assert store.applied_migrations()[0] == "m001_sessions"
        assert len(store.applied_migrations()) == len(storage.MIGRATIONS)
        old = store.get("0ld1d000")
    assert old.analyzed_at == "2026-01-02T10:00:00.000+00:00"
    assert old.analysis == a.to_dict()


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from _sessiondata import build
    from starcoach.sessions.store import open_store
    t, a = build()
    for _ in range(20):
        with open_store() as store:
            print(store.save_session(sys.argv[2], t, a), flush=True)
    """
)


def test_two_processes_saving_at_the_same_time_lose_nothing(
    jfk: Path, starcoach_home: Path, tmp_path: Path
) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    tests_dir = str(Path(__file__).parent)
    procs = [subprocess.Popen([sys.executable, str(script), tests_dir, str(jfk)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    ids = [line for out, _ in outputs for line in out.split()]
    assert len(ids) == 40 and len(set(ids)) == 40
    with open_store() as store:
        assert sorted(s.id for s in store.sessions()) == sorted(ids)
    assert sorted(p.stem for p in (starcoach_home / "audio").glob("*.flac")) == sorted(ids)
    assert not list((starcoach_home / "audio").glob(".*.tmp"))


def test_a_damaged_database_gives_a_clear_error_and_is_never_overwritten(
    starcoach_home: Path,
) -> None:
    db = starcoach_home / "sessions.db"
    garbage = b"this is not a database\x00\xff" * 300
    db.write_bytes(garbage)
    with pytest.raises(StorageError) as exc:
        with open_store():
            pass
    assert str(exc.value) == (
        f"{db} is damaged (file is not a database); it was left untouched: move it aside to "
        "start a new one, or restore a backup"
    )
    t, a = build()
    result = run_cli("history")
    assert result.returncode == 2
    assert result.stderr == f"error: {exc.value}\n"
    assert result.stdout == ""
    assert db.read_bytes() == garbage


def test_an_unknown_session_id_names_the_id_and_where_to_look() -> None:
    with open_store() as store, pytest.raises(NotFoundError) as exc:
        store.get("xyz")
    assert str(exc.value) == "no session 'xyz' (see `starcoach history`)"
    for args in (["show", "xyz"], ["report", "xyz", "--html", "x.html"], ["delete", "xyz"],
                 ["reanalyze", "xyz"]):
        result = run_cli(*args)
        assert (result.returncode, result.stderr) == (
            2, "error: no session 'xyz' (see `starcoach history`)\n"), args


def test_a_unique_prefix_finds_a_session_and_an_ambiguous_one_lists_the_candidates(
    jfk: Path,
) -> None:
    t, a = build()
    with open_store() as store:
        sid = store.save_session(None, t, a)
        assert store.get(sid[:4].upper()).id == sid
        twin = sid[:4] + ("0000" if sid[4:] != "0000" else "1111")
        store.db.execute("INSERT INTO sessions SELECT ?, created_at,"
                         " question_id, question_text, audio_path, source, duration_s,"
                         " transcript_json, analysis_json, model, options_json,"
                         " analyzer_version, analyzed_at FROM sessions", (twin,))
        with pytest.raises(NotFoundError) as exc:
            store.get(sid[:4])
    assert str(exc.value) == f"session prefix '{sid[:4]}' is ambiguous: " + ", ".join(
        sorted([sid, twin]))


def test_a_prefix_shorter_than_four_characters_asks_for_more_of_the_id() -> None:
    t, a = build()
    with open_store() as store:
        sid = store.save_session(None, t, a)
    result = run_cli("show", sid[:3])
    assert (result.returncode, result.stderr) == (
        2, f"error: session ID '{sid[:3]}' is too short: give at least its first 4 characters "
           "(see `starcoach history`)\n")


def test_deleting_a_session_removes_its_row_and_its_audio(jfk: Path) -> None:
    t, a = build()
    with open_store() as store:
        keep, gone = store.save_session(jfk, t, a), store.save_session(jfk, t, a)
        audio = store.get(gone).audio_path
    result = run_cli("delete", gone, "--yes")
    assert (result.returncode, result.stderr) == (0, f"Deleted session {gone}.\n")
    assert not audio.exists()
    with open_store() as store:
        assert [s.id for s in store.sessions()] == [keep]
        assert store.get(keep).audio_path.exists()


def test_delete_without_a_terminal_asks_for_yes_and_keeps_the_session(jfk: Path) -> None:
    t, a = build()
    with open_store() as store:
        sid = store.save_session(jfk, t, a)
    result = run_cli("delete", sid, stdin="y\n")
    assert (result.returncode, result.stderr) == (
        2, f"error: not deleting session {sid} without confirmation: add --yes\n")
    with open_store() as store:
        assert store.get(sid).audio_path.exists()


def answer_on_a_terminal(args: list[str], answer: str) -> tuple[int, str]:
    """Run starcoach on a real pseudo-terminal, type ``answer``, return (status, output)."""
    import os
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: starcoach with the terminal as stdin, stdout and stderr
        os.execv(sys.executable, [sys.executable, "-m", "starcoach", *args])
    out = b""
    typed = False
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
        if not typed and b"[y/N]" in out:
            os.write(fd, answer.encode() + b"\n")
            typed = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode(errors="replace").replace("\r", "")


def test_delete_on_a_terminal_asks_first_and_no_keeps_the_session(jfk: Path) -> None:
    t, a = build()
    with open_store() as store:
        sid = store.save_session(jfk, t, a)
    code, out = answer_on_a_terminal(["delete", sid], "n")
    assert code == 0
    assert f"Delete session {sid} and its audio? [y/N]" in out
    assert out.splitlines()[-1].strip() == "Kept."
    with open_store() as store:
        assert store.get(sid).audio_path.exists()
    code, out = answer_on_a_terminal(["delete", sid], "y")
    assert (code, out.splitlines()[-1].strip()) == (0, f"Deleted session {sid}.")
    with open_store() as store:
        assert store.count() == 0


def test_unreadable_audio_saves_nothing_and_leaves_no_file(
    tmp_path: Path, starcoach_home: Path
) -> None:
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF0000WAVEjunk" * 10)
    t, a = build()
    with open_store() as store:
        with pytest.raises(AudioError, match="cannot read audio .*broken.wav"):
            store.save_session(bad, t, a)
        assert store.count() == 0
    assert list((starcoach_home / "audio").iterdir()) == []
