"""The session store: a real SQLite file and real FLAC files in a temporary starcoach home."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterator
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


# -- degrade, don't refuse: a damaged row ----------------------------------------------------
def saved_three(jfk: Path | None = None) -> list[str]:
    t, a = build(question={"id": "failure-time-you-failed", "text": "Tell me about a failure."})
    with open_store() as store:
        return [store.save_session(jfk, t, a) for _ in range(3)]


def tamper(home: Path, sql: str, *args: object) -> None:
    """Change a row behind starcoach's back, as a crash, a bad disk or a hand would."""
    db = sqlite3.connect(home / "sessions.db")
    db.execute(sql, args)
    db.commit()
    db.close()


DAMAGE = {
    "analysis is not JSON": ("UPDATE sessions SET analysis_json = '{\"sections\": [' "
                             "WHERE id = ?", "analysis_json is not valid JSON"),
    "transcript is a list": ("UPDATE sessions SET transcript_json = '[1, 2]' WHERE id = ?",
                             "transcript_json holds list, not an object"),
    "options are a blob": ("UPDATE sessions SET options_json = x'00ff' WHERE id = ?",
                           "options_json is a blob, not JSON text"),
    "duration is text": ("UPDATE sessions SET duration_s = 'long' WHERE id = ?",
                         "duration_s is text, not a number"),
    "created_at is no time": ("UPDATE sessions SET created_at = 'yesterday' WHERE id = ?",
                              "created_at 'yesterday' is not a time"),
    "analysis of the wrong shape": ("UPDATE sessions SET analysis_json = "
                                    "'{\"sections\": 7, \"pace\": []}' WHERE id = ?",
                                    "its analysis is damaged"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_row_is_skipped_with_one_warning_and_the_others_stay_usable(
        damage: str, starcoach_home: Path, tmp_path: Path) -> None:
    good1, bad, good2 = saved_three()
    sql, reason = DAMAGE[damage]
    tamper(starcoach_home, sql, bad)
    warning = f"warning: session {bad} cannot be read ("

    commands = [["history"], ["history", "--json"], ["progress"],
                ["history", "--question", "failure-time-you-failed"]]
    if damage != "analysis of the wrong shape":
        # the checklist reads only the question and the time, and re-analyzing rebuilds the
        # analysis from the transcript: a row whose analysis alone is odd is fine for them
        commands += [["stories"], ["reanalyze", "--all"]]
    for args in commands:
        result = run_cli(*args)
        assert result.returncode == 0, (args, result.stderr)
        lines = [x for x in result.stderr.splitlines() if x.startswith("warning:")]
        assert len(lines) == 1 and lines[0].startswith(warning), (args, result.stderr)
        assert reason in lines[0] and f"`starcoach delete {bad}` removes it" in lines[0]
        assert "Traceback" not in result.stderr
        if args[0] == "history":
            assert good1 in result.stdout and good2 in result.stdout and bad not in result.stdout

    result = run_cli("export", str(tmp_path / "out.zip"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        exported = [s["id"] for s in json.loads(zf.read("sessions.json"))["sessions"]]
    # a row that is JSON, only not shaped as an analysis, is exported as it is: nothing lost
    assert exported == ([good1, bad, good2] if damage == "analysis of the wrong shape"
                        else [good1, good2])

    shown = run_cli("show", bad)
    assert shown.returncode == 2 and shown.stdout == ""
    assert shown.stderr.startswith(f"error: session {bad} cannot be read (")
    assert len(shown.stderr.splitlines()) == 1 and "Traceback" not in shown.stderr

    deleted = run_cli("delete", bad[:5], "--yes")
    assert (deleted.returncode, deleted.stderr) == (0, f"Deleted session {bad}.\n")
    clean = run_cli("history")
    assert (clean.returncode, clean.stderr) == (0, "")
    with open_store() as store:
        assert [s.id for s in store.sessions()] == [good1, good2]


# -- a database from a newer starcoach -----------------------------------------------------
FUTURE = {
    "higher user_version": "PRAGMA user_version = 99",
    "unknown migration": "INSERT INTO _migrations VALUES ('m099_future', '2030-01-01')",
}


@pytest.mark.parametrize("future", list(FUTURE))
def test_a_database_from_a_newer_starcoach_is_refused_and_left_byte_for_byte(
        future: str, starcoach_home: Path, tmp_path: Path) -> None:
    saved_three()
    tamper(starcoach_home, FUTURE[future])
    db = starcoach_home / "sessions.db"
    before = db.read_bytes()
    for args in (["history"], ["show", "abcd"], ["progress"], ["stories"], ["delete", "abcd",
                 "--yes"], ["export", str(tmp_path / "out")], ["reanalyze", "--all"]):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith(f"error: {db} was written by a newer starcoach")
        assert "upgrade starcoach" in result.stderr
        assert db.read_bytes() == before
    assert sorted(p.name for p in starcoach_home.iterdir()) == ["audio", "sessions.db"] or \
        sorted(p.name for p in starcoach_home.iterdir()) == ["sessions.db"]
    assert not (tmp_path / "out").exists()


def test_the_schema_version_is_recorded_and_todays_databases_gain_it(
        starcoach_home: Path) -> None:
    """A database of the release before the marker (three migrations, user_version 0, a
    question ID stored as typed) is migrated: version set, ID as the bank spells it."""
    db = sqlite3.connect(starcoach_home / "sessions.db")
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, step in storage.MIGRATIONS[:3]:
        step(db)
        db.execute("INSERT INTO _migrations VALUES (?, '2026-01-01')", (name,))
    t, a = build()
    db.execute(
        "INSERT INTO sessions VALUES ('0ld1d000', '2026-01-02T10:00:00.000+00:00',"
        " ' Failure-Time-You-Failed ', NULL, NULL, NULL, 11.0, ?, ?, 'tiny.en', '{}', '1',"
        " '2026-01-02T10:00:00.000+00:00')",
        (json.dumps(t.to_dict()), json.dumps(a.to_dict())),
    )
    db.commit()
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0
    db.close()
    result = run_cli("history", "--question", "failure-time-you-failed")
    assert result.returncode == 0 and "0ld1d000" in result.stdout, result.stderr
    db = sqlite3.connect(starcoach_home / "sessions.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == storage.SCHEMA_VERSION
    assert storage.SCHEMA_VERSION == len(storage.MIGRATIONS)
    assert db.execute("SELECT question_id FROM sessions").fetchone()[0] == (
        "failure-time-you-failed")
    db.close()


# -- a read-only data folder ---------------------------------------------------------------
@pytest.fixture
def readonly_home(jfk: Path) -> Iterator[tuple[Path, list[str]]]:
    """A data folder with three sessions and their audio that nobody may write (a backup, a
    snapshot), in a place another user can reach."""
    import _unprivileged

    base = _unprivileged.shared_tmp()
    home = base / "home"
    t, a = build(question={"id": "failure-time-you-failed", "text": "Tell me about a failure."})
    with open_store(home) as store:
        ids = [store.save_session(jfk, t, a) for _ in range(3)]
    assert sorted(p.name for p in home.iterdir()) == ["audio", "sessions.db"]  # no -wal, -shm
    _unprivileged.make_readonly(home)
    yield home, ids
    _unprivileged.make_writable(base)
    shutil.rmtree(base, ignore_errors=True)


def test_a_read_only_data_folder_can_still_be_read_and_exported(
        readonly_home: tuple[Path, list[str]]) -> None:
    import _unprivileged

    home, ids = readonly_home
    before = snapshot(home)
    env = {"STARCOACH_HOME": str(home)}
    listed = _unprivileged.run("history", env=env)
    assert listed.returncode == 0, listed.stderr
    assert all(sid in listed.stdout for sid in ids) and listed.stderr == ""
    shown = _unprivileged.run("show", ids[1], env=env)
    assert shown.returncode == 0 and f"Session {ids[1]}" in shown.stdout, shown.stderr
    for args in (["progress"], ["stories"], ["history", "--json"], ["show", ids[0], "--json"]):
        result = _unprivileged.run(*args, env=env)
        assert (result.returncode, result.stderr) == (0, ""), args
    out = home.parent / "backup"
    out.mkdir()
    out.chmod(0o777)
    exported = _unprivileged.run("export", str(out / "all.zip"), env=env)
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(out / "all.zip") as zf:
        assert sorted(zf.namelist()) == sorted(["sessions.json"] + [f"audio/{i}.flac"
                                                                    for i in ids])
    assert snapshot(home) == before


def test_commands_that_write_say_the_data_folder_is_read_only(
        readonly_home: tuple[Path, list[str]], jfk: Path) -> None:
    import _unprivileged

    home, ids = readonly_home
    before = snapshot(home)
    env = {"STARCOACH_HOME": str(home)}
    for args in (["delete", ids[0], "--yes"], ["reanalyze", ids[0]], ["reanalyze", "--all"],
                 ["analyze", str(jfk), "--save"]):
        result = _unprivileged.run(*args, env=env)
        assert result.returncode == 2 and result.stdout == "", (args, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: cannot "), (args, lines)
        assert f"the data folder {home} is read-only" in lines[0]
        assert "cannot read audio" not in lines[0]
    assert snapshot(home) == before


def test_a_read_only_database_file_in_a_writable_folder_is_read_not_changed(
        jfk: Path, starcoach_home: Path) -> None:
    import _unprivileged

    base = _unprivileged.shared_tmp()
    try:
        home = base / "home"
        with open_store(home) as store:
            sid = store.save_session(None, *build())
        (home / "sessions.db").chmod(0o444)
        home.chmod(0o777)
        env = {"STARCOACH_HOME": str(home)}
        before = (home / "sessions.db").read_bytes()
        listed = _unprivileged.run("history", env=env)
        assert listed.returncode == 0 and sid in listed.stdout, listed.stderr
        deleted = _unprivileged.run("delete", sid, "--yes", env=env)
        assert deleted.returncode == 2 and "read-only" in deleted.stderr, deleted.stderr
        assert (home / "sessions.db").read_bytes() == before
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_an_empty_read_only_data_folder_has_nothing_yet_and_creates_nothing() -> None:
    import _unprivileged

    base = _unprivileged.shared_tmp()
    try:
        home = base / "home"
        home.mkdir(mode=0o555)
        home.chmod(0o555)
        env = {"STARCOACH_HOME": str(home)}
        listed = _unprivileged.run("history", env=env)
        assert (listed.returncode, listed.stdout) == (0, ""), listed.stderr
        assert listed.stderr.startswith("No saved sessions yet")
        assert list(home.iterdir()) == []
    finally:
        home.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_saving_without_write_access_to_the_audio_folder_names_the_folder_not_the_audio(
        jfk: Path) -> None:
    """The database can be written, its audio folder cannot: the error is about the folder
    (it used to say "cannot read audio", sending the user to a recording that was fine)."""
    import _unprivileged

    base = _unprivileged.shared_tmp()
    try:
        home = base / "home"
        with open_store(home):
            pass
        (home / "audio").mkdir(mode=0o555)
        (home / "audio").chmod(0o555)
        home.chmod(0o777)
        (home / "sessions.db").chmod(0o666)
        recording = base / "answer.flac"
        shutil.copy(jfk, recording)
        recording.chmod(0o444)
        result = _unprivileged.run("analyze", str(recording), "--save", "--json",
                                   env={"STARCOACH_HOME": str(home)})
        assert result.returncode == 2 and result.stdout == "", result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
        assert lines[0].startswith(f"error: cannot save the session: cannot write its audio in "
                                   f"{home / 'audio'} (permission denied)")
        assert "cannot read audio" not in lines[0]
        with open_store(home) as store:
            assert store.count() == 0
        assert list((home / "audio").iterdir()) == []
    finally:
        (base / "home" / "audio").chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


# -- STARCOACH_HOME that cannot be a data folder -------------------------------------------
def test_starcoach_home_pointing_at_a_file_is_one_clear_line(tmp_path: Path) -> None:
    home = tmp_path / "notes.txt"
    home.write_text("mine\n")
    for args in (["history"], ["show", "abcd"], ["questions"], ["stories"],
                 ["analyze", "--save", "answer.wav"]):
        result = subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                                text=True, timeout=120, env={**os.environ,
                                                             "STARCOACH_HOME": str(home)})
        assert result.returncode == 2 and result.stdout == "", (args, result.stderr)
        assert result.stderr == (f"error: the data folder {home} is a file, not a folder "
                                 "(STARCOACH_HOME): point STARCOACH_HOME at a folder you can "
                                 "write\n"), args
    assert home.read_text() == "mine\n"


def test_starcoach_home_under_a_read_only_parent_is_one_clear_line() -> None:
    import _unprivileged

    base = _unprivileged.shared_tmp()
    try:
        base.chmod(0o555)
        home = base / "starcoach"
        for args in (["history"], ["export", "/tmp/never.zip"]):
            result = _unprivileged.run(*args, env={"STARCOACH_HOME": str(home)})
            assert result.returncode == 2 and result.stdout == "", result.stderr
            assert result.stderr == (f"error: cannot create the data folder {home}: permission "
                                     "denied (its parent folder cannot be written); point "
                                     "STARCOACH_HOME at a folder you can write\n")
        assert list(base.iterdir()) == []
    finally:
        base.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under ``folder``: size, modification time, first bytes."""
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes()[:4096])
            for p in sorted(folder.rglob("*")) if p.is_file()}


# -- stored paths stay inside the data folder -----------------------------------------------
def outside_paths(home: Path, victim: Path) -> dict[str, str]:
    rel = os.path.relpath(victim, home)
    return {"absolute": str(victim), "dot-dot": f"audio/../{rel}", "plain relative": rel}


@pytest.mark.parametrize("how", ["absolute", "dot-dot", "plain relative", "symlink out"])
def test_a_tampered_audio_path_never_makes_delete_or_export_touch_a_file_elsewhere(
        how: str, jfk: Path, starcoach_home: Path, tmp_path: Path) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_bytes(b"not starcoach's\n")
    keep, bad = saved_three(jfk)[:2]
    if how == "symlink out":
        link = starcoach_home / "audio" / f"{bad}.flac"
        link.unlink()
        link.symlink_to(victim)
    else:
        tamper(starcoach_home, "UPDATE sessions SET audio_path = ? WHERE id = ?",
               outside_paths(starcoach_home, victim)[how], bad)
    warning = f"warning: session {bad}: its audio path "

    exported = run_cli("export", str(tmp_path / "out"))
    assert exported.returncode == 0, exported.stderr
    assert exported.stderr.splitlines()[0].startswith(warning), exported.stderr
    assert "is not a file in" in exported.stderr and "ignored" in exported.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "audio").iterdir()) == sorted(
        f"{s}.flac" for s in saved_ids(starcoach_home) if s != bad)
    doc = json.loads((tmp_path / "out" / "sessions.json").read_text())
    assert [s["audio"] for s in doc["sessions"] if s["id"] == bad] == [None]

    deleted = run_cli("delete", bad, "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stderr.splitlines()[-1] == f"Deleted session {bad}."
    assert victim.read_bytes() == b"not starcoach's\n"
    assert (starcoach_home / "audio" / f"{keep}.flac").is_file()
    assert bad not in saved_ids(starcoach_home)


def saved_ids(home: Path) -> list[str]:
    db = sqlite3.connect(home / "sessions.db")
    try:
        return [r[0] for r in db.execute("SELECT id FROM sessions ORDER BY rowid")]
    finally:
        db.close()


def test_an_export_holds_the_recordings_file_name_not_where_it_lay(
        jfk: Path, starcoach_home: Path, tmp_path: Path) -> None:
    t, a = build()
    with open_store() as store:
        sid = store.save_session(jfk.resolve(), t, a)
        # a session saved by an earlier release: the absolute path in every field
        old = store.save_session(None, t, a)
        store.db.execute("UPDATE sessions SET source = ?, transcript_json = json_set("
                         "transcript_json, '$.source', ?), analysis_json = json_set("
                         "analysis_json, '$.extra.source', ?) WHERE id = ?",
                         (str(jfk.resolve()),) * 3 + (old,))
        assert store.get(sid).source == "fw_jfk.flac"
    result = run_cli("export", str(tmp_path / "out.zip"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        text = zf.read("sessions.json").decode()
    assert str(jfk.parent) not in text and str(jfk.parent.resolve()) not in text
    for s in json.loads(text)["sessions"]:
        assert s["source"] == "fw_jfk.flac", s["id"]
        assert s["transcript"]["source"] in ("fw_jfk.flac", "jfk.flac")
    shown = json.loads(run_cli("show", old, "--json").stdout)
    assert shown["analysis"]["extra"]["source"] == "fw_jfk.flac"


# -- question IDs as the bank spells them ---------------------------------------------------
QID = "failure-time-you-failed"


@pytest.mark.slow
def test_a_question_id_with_spaces_and_capitals_is_saved_as_the_bank_spells_it(
        jfk: Path) -> None:
    result = run_cli("analyze", str(jfk), "--save", "--json", "--question",
                     " Failure-Time-You-Failed ")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["question"]["id"] == QID
    with open_store() as store:
        assert store.get(data["session_id"]).question_id == QID
    check_listed_under_every_spelling(data["session_id"])


def test_a_session_saved_with_a_raw_question_id_is_found_by_every_spelling() -> None:
    """``save_session`` (what practice and analyze --save call) keeps the canonical ID even
    when it is handed one as typed."""
    t, a = build()
    with open_store() as store:
        sid = store.save_session(None, t, a, question_id="  FAILURE-time-you-failed\t")
        assert store.get(sid).question_id == QID
    check_listed_under_every_spelling(sid)


def check_listed_under_every_spelling(sid: str) -> None:
    for spelling in (QID, f" {QID.upper()} ", "Failure-Time-You-Failed"):
        listed = json.loads(run_cli("history", "--json", "--question", spelling).stdout)
        assert [r["id"] for r in listed] == [sid], spelling
        assert listed[0]["question_id"] == QID
        progress = json.loads(run_cli("progress", "--json", "-q", spelling).stdout)
        assert (progress["attempts"], progress["question_id"]) == (1, QID), spelling
    stories = json.loads(run_cli("stories", "--json", "--category", " Failure ").stdout)
    item = stories["checklists"][0]["items"][0]
    assert (item["questions"], item["practiced"]) == ([QID], True)


@pytest.mark.parametrize("command", [["history"], ["progress"], ["practice"],
                                     ["analyze", "--text", "answer.txt"]], ids=" ".join)
def test_an_unknown_question_id_is_refused_in_one_line_wherever_ids_are_taken(
        command: list[str], tmp_path: Path) -> None:
    (tmp_path / "answer.txt").write_text("I fixed the release and we shipped it.\n")
    result = subprocess.run([sys.executable, "-m", "starcoach", *command, "--question",
                             " Failure-Time-You-Faild "], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("error: unknown question ' Failure-Time-You-Faild ': see "
                             "`starcoach questions` (did you mean failure-time-you-failed?)\n")


def test_a_question_id_stored_as_typed_is_still_found(starcoach_home: Path) -> None:
    """A read-only database of an earlier release cannot be migrated: its IDs as typed are
    matched all the same (and read back as the bank spells them)."""
    t, a = build()
    with open_store() as store:
        sid = store.save_session(None, t, a)
    tamper(starcoach_home, "UPDATE sessions SET question_id = ? WHERE id = ?",
           "\tFailure-Time-You-FAILED ", sid)
    with open_store() as store:
        assert [s.id for s in store.sessions(f" {QID} ")] == [sid]
        assert store.get(sid).question_id == QID
        assert store.question_ids() == {QID}
    listed = json.loads(run_cli("history", "--json", "-q", QID).stdout)
    assert [(r["id"], r["question_id"]) for r in listed] == [(sid, QID)]


LEAVE_WAL = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from _sessiondata import build
    from starcoach.sessions.store import open_store
    t, a = build()
    with open_store(Path(sys.argv[2])) as store:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        print(store.save_session(None, t, a), flush=True)
        os._exit(0)  # killed before closing: the session is only in sessions.db-wal
    """
)


def test_a_read_only_folder_with_a_left_over_wal_file_warns_that_sessions_may_be_missing(
        tmp_path: Path) -> None:
    import _unprivileged

    base = _unprivileged.shared_tmp()
    home = base / "home"
    try:
        with open_store(home) as store:
            kept = store.save_session(None, *build())
        script = tmp_path / "leave_wal.py"
        script.write_text(LEAVE_WAL)
        lost = subprocess.run([sys.executable, str(script), str(Path(__file__).parent),
                               str(home)], capture_output=True, text=True, timeout=120,
                              check=True).stdout.strip()
        assert (home / "sessions.db-wal").stat().st_size > 0
        (home / "sessions.db-shm").unlink()
        _unprivileged.make_readonly(home)
        result = _unprivileged.run("history", env={"STARCOACH_HOME": str(home)})
        assert result.returncode == 0, result.stderr
        assert kept in result.stdout and lost not in result.stdout
        assert result.stderr == (f"warning: {home}/sessions.db-wal holds changes a starcoach "
                                 "that did not close left behind; in this read-only folder "
                                 "they cannot be read, so the latest sessions may be missing\n")
    finally:
        _unprivileged.make_writable(base)
        shutil.rmtree(base, ignore_errors=True)


# -- a full disk ---------------------------------------------------------------------------
@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs (root only), to be filled by the test."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2M", "tmpfs", str(mnt)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill: {made.stderr.strip() or 'not root'}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_still_lets_the_sessions_be_read_and_says_why_nothing_changes(
        full_disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = full_disk / "home"
    with open_store(home) as store:
        ids = [store.save_session(None, *build()) for _ in range(2)]
    for extra in ("sessions.db-shm", "sessions.db-wal"):  # as a closed store leaves it
        (home / extra).unlink(missing_ok=True)
    _fill(full_disk)
    assert shutil.disk_usage(full_disk).free < storage.FULL_DISK_BYTES
    before = (home / "sessions.db").read_bytes()
    monkeypatch.setenv("STARCOACH_HOME", str(home))
    listed = run_cli("history")
    assert listed.returncode == 0, listed.stderr  # was "disk I/O error", exit 2
    assert all(i in listed.stdout for i in ids)
    shown = run_cli("show", ids[0])
    assert shown.returncode == 0, shown.stderr
    gone = run_cli("delete", ids[0], "--yes")
    assert gone.returncode == 2
    assert gone.stderr.strip().splitlines() == [
        f"error: cannot delete session {ids[0]}: the disk that holds the data folder {home} "
        "is full (the sessions can be read, not changed); free some space"]
    assert (home / "sessions.db").read_bytes() == before
