"""Run starcoach as someone who cannot write where the tests made folders read-only.

As root, ``chmod`` stops nothing: root writes into a ``dr-xr-xr-x`` folder all the same. So as
root the command runs as another user (``setpriv --reuid=nobody``, ``runuser -u nobody``) or,
where that user cannot reach the interpreter (it lives under a private home), as root without
the capabilities that bypass file permissions (``setpriv --bounding-set -dac_override,...``).
Each way is tried on a real read-only folder before it is used; a test skips, saying why, only
when none of them stops a write.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

PROBE = (
    "import sys, starcoach\n"
    "try:\n"
    "    open(sys.argv[1] + '/probe', 'w')\n"
    "except PermissionError:\n"
    "    sys.exit(0)\n"
    "sys.exit(3)\n"
)

CANDIDATES = (
    ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"],
    ["runuser", "-u", "nobody", "--"],
    ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"],
)


def shared_tmp() -> Path:
    """A new folder that another user can enter (pytest's own are private to their owner)."""
    path = Path(tempfile.mkdtemp(prefix="starcoach-ro-"))
    path.chmod(0o755)
    return path


@lru_cache(maxsize=1)
def _prefix() -> tuple[tuple[str, ...] | None, str]:
    if os.geteuid() != 0:
        return (), "not root: chmod is enough"
    folder = shared_tmp()
    try:
        folder.chmod(0o555)
        tried = []
        for cmd in CANDIDATES:
            if shutil.which(cmd[0]) is None:
                tried.append(f"{cmd[0]} is not installed")
                continue
            try:
                done = subprocess.run([*cmd, sys.executable, "-c", PROBE, str(folder)],
                                      capture_output=True, text=True, timeout=60)
            except OSError as exc:
                tried.append(f"{' '.join(cmd)}: {exc}")
                continue
            if done.returncode == 0:
                return tuple(cmd), ""
            tried.append(f"{' '.join(cmd)}: exit {done.returncode}")
        return None, "; ".join(tried)
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def prefix() -> list[str]:
    """The command prefix that runs a child without the right to write read-only folders."""
    cmd, why = _prefix()
    if cmd is None:
        pytest.skip(f"cannot run a command that root's permissions do not bypass ({why})")
    return list(cmd)


def run(*args: str, env: dict[str, str], stdin: str | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m starcoach ARGS`` without write permission, with ``env`` added."""
    return subprocess.run([*prefix(), sys.executable, "-m", "starcoach", *args],
                          capture_output=True, text=True, timeout=120, cwd=cwd,
                          input=stdin, env={**os.environ, **env},
                          stdin=None if stdin is not None else subprocess.DEVNULL)


def make_readonly(root: Path) -> None:
    """Every folder under ``root`` (itself included) r-x, every file r--."""
    for p in [root, *root.rglob("*")]:
        if p.is_symlink():
            continue
        p.chmod(0o555 if p.is_dir() else 0o444)


def make_writable(root: Path) -> None:
    for p in [root, *root.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode | stat.S_IWUSR)
