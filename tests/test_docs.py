"""The README documents every command, and every command has help (sqlite-utils' test_docs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer

from starcoach.cli import app

ROOT = Path(__file__).resolve().parents[1]

README = (ROOT / "README.md").read_text()


def _command_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []

    def walk(cmd, prefix: tuple[str, ...]) -> None:
        # typer bundles its own click: a group is whatever has sub-commands.
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                if sub.hidden:
                    continue
                paths.append(prefix + (name,))
                walk(sub, prefix + (name,))

    walk(typer.main.get_command(app), ())
    return paths


COMMANDS = _command_paths()


def test_the_app_has_the_core_commands():
    names = {p[0] for p in COMMANDS}
    assert {"transcribe", "analyze"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p))
def test_every_command_is_shown_in_the_readme(path):
    assert f"starcoach {' '.join(path)}" in README


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p))
def test_every_command_has_help_text(path):
    result = subprocess.run(
        [sys.executable, "-m", "starcoach", *path, "--help"],
        capture_output=True, text=True, env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    # The first line of the docstring is shown: a command without a docstring would show none.
    lines = [ln.strip(" │") for ln in result.stdout.splitlines() if ln.strip(" │")]
    assert len(lines) > 3


def test_readme_quickstart_is_make_demo_then_make_test():
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = [ln.strip() for ln in quickstart.splitlines() if ln.startswith("    ")]
    assert commands == ["make demo", "make test"]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p))
def test_help_shows_no_value_for_a_flag_and_no_braces_around_arguments(path):
    """A flag takes no value, so no ``<bool>``; a required argument reads ``OUT``, not
    ``{OUT}``."""
    result = subprocess.run(
        [sys.executable, "-m", "starcoach", *path, "--help"],
        capture_output=True, text=True, env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
    )
    usage = next(line for line in result.stdout.splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage, usage
    assert "<bool>" not in result.stdout
