"""Every file starcoach writes goes to a temporary name beside it and is renamed into place;
nothing is replaced without ``--overwrite``; a place that cannot be written is one ``error:``
line with nothing left behind, so the same command can simply be run again; and what a killed
save leaves in the data folder is reclaimed at the next start.

Permissions are tested in a child run as ``nobody`` (root writes anywhere), a full disk with
the child's file size limit (RLIMIT_FSIZE: a write past it fails as on a full disk).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import _unprivileged as unprivileged
import pytest
from _sessiondata import build

from starcoach import files
from starcoach.sessions.store import open_store


def run(*args: str, prefix: list[str] | None = None, limit_bytes: int | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    preexec: Callable[[], None] | None = None
    if limit_bytes is not None:
        def preexec() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
    return subprocess.run([*(prefix or []), sys.executable, "-m", "starcoach", *args],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})},
                          preexec_fn=preexec)


def assert_one_error(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def jfk(real_speech: Path) -> Path:
    return real_speech / "fw_jfk.flac"


@pytest.fixture
def saved(jfk: Path, starcoach_home: Path) -> list[str]:
    with open_store(starcoach_home) as store:
        return [store.save_session(jfk, *build()) for _ in range(3)]


# -- a place that cannot be written ---------------------------------------------------------
@pytest.mark.parametrize("target", ["missing/backup.zip", "missing/backup", "missing/r.html"])
def test_a_missing_folder_is_one_error_and_nothing_is_created(
        target: str, saved: list[str], tmp_path: Path) -> None:
    out = tmp_path / target
    args = ("report", saved[0], "--html", str(out)) if target.endswith(".html") else (
        "export", str(out))
    line = assert_one_error(run(*args), f"the folder '{out.parent}' does not exist")
    assert "cannot" in line
    assert listing(tmp_path) == []


@pytest.fixture
def shared() -> Iterator[tuple[Path, Path]]:
    """A data folder another user may use, and a folder of the results nobody may write."""
    top = Path(tempfile.mkdtemp(prefix="starcoach-shared-"))
    home, locked = top / "home", top / "locked"
    home.mkdir()
    locked.mkdir()
    os.chmod(top, 0o755)
    os.chmod(home, 0o777)
    os.chmod(locked, 0o555)
    yield home, locked
    shutil.rmtree(top)


@pytest.mark.parametrize("name", ["backup.zip", "backup", "report.html"])
def test_a_folder_that_cannot_be_written_is_one_error_and_stays_empty(
        name: str, shared: tuple[Path, Path], jfk: Path) -> None:
    home, locked = shared
    with open_store(home) as store:
        sid = store.save_session(jfk, *build())
    for p in home.rglob("*"):
        os.chmod(p, 0o777 if p.is_dir() else 0o666)
    out = locked / name
    args = ("report", sid, "--html", str(out)) if name.endswith(".html") else ("export", str(out))
    result = run(*args, prefix=unprivileged.prefix(), env={"STARCOACH_HOME": str(home)})
    assert_one_error(result, str(out), "permission denied")
    assert listing(locked) == []


FULL = 150_000
"""Bytes a child may write before the disk is 'full': less than one session's FLAC."""


@pytest.mark.parametrize("name", ["backup.zip", "backup"])
def test_an_export_onto_a_full_disk_leaves_nothing_and_the_retry_works(
        name: str, saved: list[str], tmp_path: Path) -> None:
    out = tmp_path / name
    assert_one_error(run("export", str(out), limit_bytes=FULL), f"cannot export to {out}")
    assert listing(tmp_path) == []  # no partial zip, no half folder, no temporary name
    retry = run("export", str(out))
    assert retry.returncode == 0, retry.stderr
    if name.endswith(".zip"):
        with zipfile.ZipFile(out) as zf:
            assert len([n for n in zf.namelist() if n.endswith(".flac")]) == 3
    else:
        assert len(list((out / "audio").glob("*.flac"))) == 3


def test_a_report_onto_a_full_disk_leaves_nothing_and_an_earlier_page_is_kept(
        saved: list[str], tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text("an earlier page")
    result = run("report", saved[0], "--html", str(out), "--overwrite", limit_bytes=FULL)
    assert_one_error(result, f"cannot write the HTML report to {out}")
    assert out.read_text() == "an earlier page"
    assert listing(tmp_path) == ["r.html"]
    assert run("report", saved[0], "--html", str(out), "--overwrite").returncode == 0
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_a_report_is_never_written_over_a_file_without_overwrite(
        saved: list[str], tmp_path: Path) -> None:
    out = tmp_path / "notes.html"
    out.write_text("my notes")
    assert_one_error(run("report", saved[0], "--html", str(out)), "already exists",
                     "--overwrite")
    assert out.read_text() == "my notes"


@pytest.mark.parametrize("victim", ["sessions.db", "audio/{sid}.flac"])
def test_overwrite_never_lets_a_page_replace_starcoachs_own_files(
        victim: str, saved: list[str], starcoach_home: Path) -> None:
    target = starcoach_home / victim.format(sid=saved[1])
    before = target.read_bytes()
    html = target if target.suffix == ".db" else target.with_suffix(".html")
    result = run("report", saved[0], "--html", str(html), "--overwrite")
    assert_one_error(result, "one of starcoach's own files")
    assert target.read_bytes() == before
    assert run("history").returncode == 0


def test_place_never_replaces_a_file_that_appeared_while_writing(tmp_path: Path) -> None:
    dest = tmp_path / "page.html"
    temp = files.temp_name(dest)
    temp.write_text("new")
    dest.write_text("someone else's")
    with pytest.raises(FileExistsError):
        files.place(temp, dest)
    assert dest.read_text() == "someone else's" and temp.read_text() == "new"
    files.place(temp, dest, overwrite=True)
    assert dest.read_text() == "new" and not temp.exists()


def test_write_new_leaves_no_temporary_file_when_the_write_fails(tmp_path: Path) -> None:
    (tmp_path / "in-the-way").mkdir()
    with pytest.raises(FileExistsError):
        files.write_new(tmp_path / "in-the-way", b"data")
    assert listing(tmp_path) == ["in-the-way"]


# -- what a killed save leaves behind -------------------------------------------------------
KILLED_SAVE = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from starcoach.audio.decode import load_audio, save_flac
    from starcoach.sessions.store import _store_flac

    home, source = Path(sys.argv[1]), Path(sys.argv[2])
    # a save killed after its FLAC was renamed into place, before its row was committed
    _store_flac(source, None, home / "audio" / "0badf00d.flac")
    # and another killed while its FLAC was still being encoded under its temporary name
    save_flac(load_audio(source), home / "audio" / f".feedc0de.flac.{os.getpid()}.tmp")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_what_a_killed_save_left_is_reclaimed_at_the_next_start(
        saved: list[str], starcoach_home: Path, jfk: Path, tmp_path: Path) -> None:
    audio = starcoach_home / "audio"
    script = tmp_path / "killed_save.py"
    script.write_text(KILLED_SAVE)
    killed = subprocess.run([sys.executable, str(script), str(starcoach_home), str(jfk)],
                            capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    orphan = audio / "0badf00d.flac"
    temps = list(audio.glob(".*.tmp"))
    assert orphan.is_file() and len(temps) == 1

    # Seconds later: the FLAC may belong to a save about to commit its row; kept. The
    # temporary file's writer is gone; removed.
    assert run("history").returncode == 0
    assert orphan.is_file() and not temps[0].exists()

    # An hour later nothing points at it: removed. The sessions' own audio stays.
    old = time.time() - 2 * 3600
    os.utime(orphan, (old, old))
    for sid in saved:
        os.utime(audio / f"{sid}.flac", (old, old))
    assert run("history").returncode == 0
    assert not orphan.exists()
    assert sorted(p.stem for p in audio.iterdir()) == sorted(saved)


def test_a_temporary_file_of_a_save_still_running_is_left_alone(
        saved: list[str], starcoach_home: Path) -> None:
    """Another starcoach, alive, writing its FLAC: its temporary name carries its process ID."""
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = starcoach_home / "audio" / f".cafe0001.flac.{other.pid}.tmp"
        busy.write_bytes(b"being written")
        old = time.time() - 2 * 3600
        os.utime(busy, (old, old))
        assert run("history").returncode == 0
        assert busy.read_bytes() == b"being written"
    finally:
        other.kill()
        other.wait()
    assert run("history").returncode == 0
    assert not busy.exists()  # its writer gone, it is reclaimed


def test_a_data_folder_that_cannot_be_written_is_still_opened_with_orphans_in_it(
        shared: tuple[Path, Path], jfk: Path) -> None:
    """Reclaiming is best effort: a folder where nothing can be removed is no error."""
    home, _ = shared
    with open_store(home) as store:
        store.save_session(jfk, *build())
    (home / "audio" / ".dead.flac.999999999.tmp").write_bytes(b"left")
    for p in home.rglob("*"):
        os.chmod(p, 0o777 if p.is_dir() else 0o666)
    os.chmod(home / "audio", 0o555)
    result = run("history", prefix=unprivileged.prefix(), env={"STARCOACH_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert (home / "audio" / ".dead.flac.999999999.tmp").exists()


SAVER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from _sessiondata import build
    from starcoach.sessions.store import open_store

    with open_store() as store:
        print("open", flush=True)
        sys.stdin.readline()  # the test takes the database lock first
        print(store.save_session(Path(sys.argv[2]), *build()), flush=True)
""")


def test_a_save_waiting_for_the_lock_keeps_its_audio_while_another_start_reclaims(
        saved: list[str], starcoach_home: Path, jfk: Path, tmp_path: Path) -> None:
    """A save has renamed its FLAC into place and waits for the database lock to commit its
    row; meanwhile another start reclaims orphans (reading needs no lock). The FLAC has no
    session yet, but it is not an orphan: it is kept and the save succeeds."""
    import sqlite3

    from starcoach.sessions.housekeeping import reclaim_orphans

    script = tmp_path / "saver.py"
    script.write_text(SAVER)
    audio = starcoach_home / "audio"
    before = {p.name for p in audio.glob("*.flac")}
    saver = subprocess.Popen([sys.executable, str(script), str(Path(__file__).parent), str(jfk)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert saver.stdin is not None and saver.stdout is not None
    assert saver.stdout.readline() == "open\n"
    holder = sqlite3.connect(starcoach_home / "sessions.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, as another save in progress holds it
    try:
        saver.stdin.write("go\n")
        saver.stdin.flush()
        deadline = time.monotonic() + 30
        while not {p.name for p in audio.glob("*.flac")} - before:
            assert time.monotonic() < deadline and saver.poll() is None, "the save never began"
            time.sleep(0.05)
        pending = audio / ({p.name for p in audio.glob("*.flac")} - before).pop()
        reader = sqlite3.connect(starcoach_home / "sessions.db")
        try:
            assert reclaim_orphans(starcoach_home, reader) == []
        finally:
            reader.close()
        assert pending.is_file()  # not taken for an orphan
    finally:
        holder.execute("COMMIT")
        holder.close()
    out, err = saver.communicate(timeout=60)
    assert saver.returncode == 0, err
    sid = out.strip()
    assert pending.name == f"{sid}.flac" and pending.is_file()
    with open_store(starcoach_home) as store:
        assert store.get(sid).audio_path == pending
        assert store.count() == len(saved) + 1
