"""The user's imported guides: ``<data dir>/questions.json``, beside the sessions database.

One JSON object, ``{"schema": "starcoach.questions/1", "guides": {slug: guide}}``, each guide as
``guide_import.guide_record`` makes it. Written to a temporary file and renamed under a lock, so
an interrupted import never leaves half a file and two imports at once both land.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from starcoach import config
from starcoach.errors import StorageError

USER_BANK = "questions.json"
USER_SCHEMA = "starcoach.questions/1"


def user_bank_path() -> Path:
    return config.data_dir() / USER_BANK


def load_guides() -> dict[str, dict[str, Any]]:
    """The imported guides by slug, as stored (see ``guide_import.Guide.to_dict``)."""
    path = user_bank_path()
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        guides = data["guides"]
        if not isinstance(guides, dict):
            raise TypeError("'guides' is not an object")
        for slug, guide in guides.items():
            for key in ("title", "category", "questions", "stories"):
                if key not in guide:
                    raise KeyError(f"guide '{slug}' has no '{key}'")
            for q in guide["questions"]:
                for key in ("id", "category", "text"):
                    if key not in q:
                        raise KeyError(f"a question of guide '{slug}' has no '{key}'")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StorageError(
            f"{path} cannot be read ({exc}): move it aside and import your guides again"
        ) from exc
    return guides


def save_guide(guide: dict[str, Any]) -> dict[str, Any] | None:
    """Store one imported guide under its slug, replacing an earlier import; return the old one.

    Written to a temporary file and renamed, so a crash never leaves half a bank.
    """
    path = user_bank_path()
    with _locked(path.with_name(".questions.lock")):  # two imports at once: none lost
        guides = load_guides()
        previous = guides.get(guide["slug"])
        guides[guide["slug"]] = guide
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps({"schema": USER_SCHEMA, "guides": guides}, indent=2,
                                      ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(f"cannot write {path}: {exc}") from exc
    return previous


@contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock, the rename still keeps the file whole
        yield
        return
    try:
        handle = open(lock_path, "w")  # noqa: SIM115 - held for the duration of the block
    except OSError as exc:
        raise StorageError(f"cannot write in {lock_path.parent}: {exc.strerror}") from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
