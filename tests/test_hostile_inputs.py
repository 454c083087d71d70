"""Hostile inputs: paths that are not regular files, files that never end, text in odd
encodings, absurd numbers. Each runs the real console entry point in a subprocess with a
timeout (a hang fails the test instead of blocking the suite) and must end in one ``error:``
line on stderr, exit status 2, no traceback, and nothing on disk changed.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from starcoach import files

TIMEOUT_S = 60
ANSWER = ("The situation was a release that failed. My task was to fix it. I rolled it back and "
          "wrote a test. As a result we shipped the next day and I learned to test first.\n")
GUIDE = """# Handling Failure

### Q1: Tell me about a time you failed.

**What they're looking for:**
- Ownership of the mistake
"""


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                          text=True, timeout=TIMEOUT_S, env={**os.environ, **(env or {})},
                          stdin=subprocess.DEVNULL)


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    """Every file under the folders with its size and modification time."""
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                found[str(p)] = (st.st_size, st.st_mtime_ns)
    return found


def assert_one_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


# -- paths that are not regular files ------------------------------------------------------
@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "answer.txt"
    os.mkfifo(path)
    return path


FIFO_COMMANDS = [
    (("analyze",), "named pipe (FIFO)"),
    (("transcribe",), "named pipe (FIFO)"),
    (("analyze", "--text"), "named pipe (FIFO)"),
    (("questions", "import"), "named pipe (FIFO)"),
]


@pytest.mark.parametrize(("command", "says"), FIFO_COMMANDS,
                         ids=[" ".join(c) for c, _ in FIFO_COMMANDS])
def test_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer(
        command: tuple[str, ...], says: str, fifo: Path, starcoach_home: Path) -> None:
    before = snapshot(starcoach_home)
    assert_one_error(run(*command, str(fifo)), str(fifo), says)
    assert snapshot(starcoach_home) == before


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", [("analyze", "--text"), ("questions", "import"),
                                     ("analyze",)], ids=" ".join)
def test_a_device_that_never_ends_is_refused_without_reading_it(
        command: tuple[str, ...], device: str) -> None:
    assert_one_error(run(*command, device), device, "character device")


@pytest.mark.parametrize("command", [("analyze", "--text"), ("questions", "import")],
                         ids=" ".join)
def test_a_text_file_over_the_cap_is_refused_without_reading_it(
        command: tuple[str, ...], tmp_path: Path, starcoach_home: Path) -> None:
    """A sparse 8 GiB file: read whole it would take all the memory there is."""
    path = tmp_path / "huge.md"
    with path.open("wb") as fh:
        fh.write(ANSWER.encode())
        fh.truncate(8 * 1024**3)
    assert_one_error(run(*command, str(path)), str(path), "MiB")
    assert (starcoach_home / "questions.json").exists() is False


def test_the_cap_is_the_documented_one(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert files.TEXT_CAP_BYTES == 1024 * 1024 and "1 MiB" in readme
    just = tmp_path / "just.txt"
    just.write_bytes(b"a " * (files.TEXT_CAP_BYTES // 2))
    assert len(files.read_capped(just)) == files.TEXT_CAP_BYTES
    just.write_bytes(b"a " * (files.TEXT_CAP_BYTES // 2) + b"a")
    with pytest.raises(files.TooLargeError):
        files.read_capped(just)


# -- text: encodings and binary ------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-8"])
def test_a_typed_answer_with_a_byte_order_mark_is_read_in_its_encoding(
        encoding: str, tmp_path: Path) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-8": codecs.BOM_UTF8}[encoding]
    path = tmp_path / "answer.txt"
    path.write_bytes(bom + ANSWER.encode(encoding))
    result = run("analyze", "--text", str(path), "--json")
    assert result.returncode == 0, result.stderr
    import json

    words = [w["text"] for w in json.loads(result.stdout)["words"]]
    assert words[:3] == ["The", "situation", "was"] and len(words) == len(ANSWER.split())


def test_a_guide_saved_as_utf16_is_imported(tmp_path: Path, starcoach_home: Path) -> None:
    path = tmp_path / "guide.md"
    path.write_bytes(codecs.BOM_UTF16_LE + GUIDE.encode("utf-16-le"))
    result = run("questions", "import", str(path))
    assert result.returncode == 0, result.stderr
    shown = run("questions", "show", "handling-failure-q1")
    assert "Tell me about a time you failed." in shown.stdout


@pytest.mark.parametrize("command", [("analyze", "--text"), ("questions", "import")],
                         ids=" ".join)
def test_binary_data_after_the_first_8_kb_is_refused(
        command: tuple[str, ...], tmp_path: Path, starcoach_home: Path) -> None:
    path = tmp_path / "answer.md"
    path.write_bytes(GUIDE.encode() + b"- more\n" * 2000 + bytes(range(256)) * 64)
    assert path.stat().st_size > 8192 + 1000
    assert_one_error(run(*command, str(path)), str(path), "binary")
    assert not (starcoach_home / "questions.json").exists()


# -- absurd numbers ------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["1e305", "nan", "-1", "inf", "3601"])
@pytest.mark.parametrize("command", ["record", "practice"])
def test_an_absurd_max_seconds_is_refused_before_anything_is_recorded(
        command: str, value: str, tmp_path: Path) -> None:
    args = [command, str(tmp_path / "take.flac")] if command == "record" else [command]
    result = run(*args, f"--max-seconds={value}")
    assert_one_error(result, "--max-seconds")
    assert list(tmp_path.iterdir()) == []
