"""What starcoach prints is safe for a terminal and for any stdout.

Text from an imported guide, a stored transcript or a typed answer may hold terminal escape
sequences: clear the screen, set the window title, an OSC 8 link whose target is hidden. Every
command that prints such text passes it through one sanitizer (``starcoach.cli.output.clean``),
checked here on the bytes the real console script writes. A stdout that is full or cannot
encode the text is one ``error:`` line or a degraded character, never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _sessiondata import JFK_SECTIONS, JFK_WORDS, build
from hypothesis import given, settings
from hypothesis import strategies as st

from starcoach.cli.output import clean
from starcoach.sessions.store import open_store

CLEAR = "\x1b[2J\x1b[H"
TITLE = "\x1b]0;pwned\x07"
LINK = "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"
OTHERS = "\x07\x08\x7f\r\x1bc"
HOSTILE = CLEAR + TITLE + LINK + C1_CSI + OTHERS
"""Every kind in one string; none of its control characters may reach the terminal."""

ALLOWED = {"\n", "\t"}


def controls(text: str) -> list[str]:
    """The control characters (C0, DEL, C1) in ``text``, newline and tab aside."""
    return [ch for ch in text if (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) and ch not in ALLOWED]


def run(*args: str, env: dict[str, str] | None = None,
        stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "starcoach", *args], text=True,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=60,
                          env={**os.environ, "COLUMNS": "120", **(env or {})},
                          stdin=subprocess.DEVNULL)


# -- the sanitizer itself -------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "shown"), [
    (CLEAR + "hello", "hello"),
    ("a" + TITLE + "b", "ab"),
    ("see " + LINK + ".", "see click here."),
    ("\x1b]2;title with no end\nnext line", "\nnext line"),
    ("red " + C1_CSI + "text", "red text"),
    ("bell\x07 back\x08space del\x7f", "bell backspace del"),
    ("line\r\nnext\rover", "line\nnextover"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("café, naïve, “quotes” — ✓", "café, naïve, “quotes” — ✓"),
    ("\x1bPdevice control\x1b\\after", "after"),
])
def test_clean_removes_control_sequences_whole_and_keeps_the_text(raw: str, shown: str) -> None:
    assert clean(raw) == shown


def test_clean_leaves_no_control_character_in_the_hostile_string() -> None:
    assert controls(clean(HOSTILE)) == []
    assert "pwned" not in clean(HOSTILE) and "evil.example" not in clean(HOSTILE)


PIECES = st.sampled_from(["\x1b", "\x1b[", "\x1b]", "\x9b", "\x9d", "\x07", "\x1b\\", "\x9c",
                          "\r", "\n", "\t", "[", "]", ";", "0", "8", "m", "J", "word", " ",
                          "é", "✓"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=30).map("".join))
def test_no_text_keeps_a_control_character_and_cleaning_twice_changes_nothing(
        text: str) -> None:
    once = clean(text)
    assert controls(once) == []
    assert clean(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc",)), max_size=80))
def test_text_without_control_characters_is_left_exactly_as_it_is(text: str) -> None:
    assert clean(text) == text


# -- every command that prints user text ----------------------------------------------------
GUIDE = f"""# Handling Failure

### Q1: Tell me about a time you failed.{HOSTILE}

**What they're looking for:**
- Ownership of the mistake{HOSTILE}
""" + "".join(f"- Point {i}: what the interviewer wants to hear about it\n" for i in range(30))


@pytest.fixture
def hostile_guide(tmp_path: Path) -> str:
    path = tmp_path / "guide.md"
    path.write_text(GUIDE, encoding="utf-8")
    result = run("questions", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert controls(result.stdout) == [], "the import summary"
    listed = run("questions", "--category", "failure")
    return next(line.split()[0] for line in listed.stdout.splitlines()
                if line.strip().startswith("handling-failure"))


@pytest.mark.parametrize("args", [("questions", "show", "{qid}"), ("questions",),
                                  ("stories",), ("questions", "--category", "failure")],
                         ids=" ".join)
def test_an_imported_guide_cannot_send_escapes_to_the_terminal(
        args: tuple[str, ...], hostile_guide: str) -> None:
    result = run(*(a.format(qid=hostile_guide) for a in args))
    assert result.returncode == 0, result.stderr
    assert "Tell me about a time you failed." in result.stdout or args[0] == "stories"
    assert controls(result.stdout) == [] and controls(result.stderr) == []
    assert "pwned" not in result.stdout


@pytest.fixture
def hostile_session(starcoach_home: Path) -> str:
    words = [(w + HOSTILE if i in (3, 9) else w, t) for i, (w, t) in enumerate(JFK_WORDS)]
    question = {"id": "failure-time-you-failed", "text": "Tell me" + HOSTILE,
                "category": "failure"}
    transcript, analysis = build(words, JFK_SECTIONS, question=question)
    with open_store(starcoach_home) as store:
        return store.save_session(None, transcript, analysis,
                                  question_id="failure-time-you-failed")


@pytest.mark.parametrize("args", [("show", "{sid}"), ("show", "{sid}", "--markdown"),
                                  ("history",), ("progress",), ("stories",)], ids=" ".join)
def test_a_stored_transcript_cannot_send_escapes_to_the_terminal(
        args: tuple[str, ...], hostile_session: str) -> None:
    result = run(*(a.format(sid=hostile_session) for a in args))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert controls(result.stdout) == [] and controls(result.stderr) == []
    assert "pwned" not in result.stdout and "evil.example" not in result.stdout


def test_a_stored_transcript_shown_as_json_keeps_its_text_in_escaped_form(
        hostile_session: str) -> None:
    """JSON is data: the strings come back exactly, but as escapes, not raw controls."""
    result = run("show", hostile_session, "--json")
    assert result.returncode == 0, result.stderr
    assert controls(result.stdout) == []
    words = [w["text"] for w in json.loads(result.stdout)["transcript"]["words"]]
    assert words[3] == "fellow" + HOSTILE


def test_a_typed_answer_cannot_send_escapes_to_the_terminal(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("The situation was a release that failed. " + LINK + " My task was to "
                      "fix it. I rolled it back and wrote a test. As a result we shipped the "
                      "next day and I learned to test first." + TITLE + "\n", encoding="utf-8")
    result = run("analyze", "--text", str(answer))
    assert result.returncode == 0, result.stderr
    assert "Situation" in result.stdout
    assert controls(result.stdout) == [] and "pwned" not in result.stdout


def test_an_error_naming_a_hostile_id_is_cleaned_too() -> None:
    result = run("show", "abcd" + TITLE)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and controls(result.stderr) == []


# -- a stdout that cannot take the text -----------------------------------------------------
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [("history",), ("questions",), ("show", "{sid}"),
                                  ("show", "{sid}", "--markdown"), ("show", "{sid}", "--json"),
                                  ("history", "--json")], ids=" ".join)
def test_stdout_on_a_full_disk_is_one_error_line(args: tuple[str, ...],
                                                 hostile_session: str) -> None:
    with open("/dev/full", "w") as full:
        result = run(*(a.format(sid=hostile_session) for a in args), stdout=full.fileno())
    assert result.returncode == 2
    assert result.stderr == "error: cannot write the output: No space left on device\n"


def test_a_closed_pipe_ends_quietly(hostile_session: str) -> None:
    """`starcoach history | head -1`: the reader has what it wanted; no error, no trace."""
    proc = subprocess.Popen([sys.executable, "-m", "starcoach", "show", hostile_session],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(60)
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err == ""


@pytest.mark.parametrize("args", [("show", "{sid}"), ("show", "{sid}", "--markdown"),
                                  ("history",), ("questions", "show", "failure-time-you-failed"),
                                  ("show", "{sid}", "--json")], ids=" ".join)
def test_an_ascii_only_stdout_gets_the_text_with_replaced_characters(
        args: tuple[str, ...], starcoach_home: Path) -> None:
    words = [("café" if i == 3 else w, t) for i, (w, t) in enumerate(JFK_WORDS)]
    question = {"id": "failure-time-you-failed", "text": "Tell me about “naïve” failures",
                "category": "failure"}
    transcript, analysis = build(words, JFK_SECTIONS, question=question)
    with open_store(starcoach_home) as store:
        sid = store.save_session(None, transcript, analysis,
                                 question_id="failure-time-you-failed")
    result = run(*(a.format(sid=sid) for a in args), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "error" not in result.stderr
    assert result.stdout.isascii() and result.stdout.strip()
    if args[0] == "show":
        assert "caf" in result.stdout
