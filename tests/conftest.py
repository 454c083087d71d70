"""Shared fixtures: every test gets its own empty starcoach home folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
# Real recordings with verbatim transcripts, their sources and licenses: see the README there.
REAL_SPEECH = ROOT / "tests" / "data" / "real-speech"


@pytest.fixture(autouse=True)
def starcoach_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point STARCOACH_HOME at a fresh folder: no test sees the user's sessions or another's."""
    home = tmp_path_factory.mktemp("starcoach-home")
    monkeypatch.setenv("STARCOACH_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture(scope="session")
def real_speech() -> Path:
    """The folder of real recordings with verbatim references (it ships with the tests)."""
    return REAL_SPEECH
