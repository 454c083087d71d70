"""Installed as a tool: the built wheel, in a fresh virtual environment, analyzes a sample.

The wheel is built from a copy of the project (so the checkout gets no build/ or egg-info) and
installed into a new venv with pip's ``--python``. Its dependencies (faster-whisper, the
bundled model...) are not downloaded again: a ``.pth`` file lets the new venv see the project
venv's site-packages, after its own, where the wheel's starcoach comes first. That folder is
added as a plain path, so the editable install of the checkout living there is not loaded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "clean_star.flac"

pytestmark = pytest.mark.slow


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600,
                          **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the built wheel installed; returns its bin folder."""
    tmp = tmp_path_factory.mktemp("install")
    project = tmp / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "src", project / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp / "dist"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                "--wheel-dir", dist, project)
    assert built.returncode == 0, built.stderr
    [wheel] = dist.glob("starcoach-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "starcoach/data/questions.json" in names
    assert not any(n.startswith(("tests/", "samples/", "benchmarks/")) for n in names)

    venv = tmp / "venv"
    made = run(sys.executable, "-m", "venv", "--without-pip", venv)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    put = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
              "--no-index", wheel)
    assert put.returncode == 0, put.stderr
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    (Path(site.stdout.strip()) / "project-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin"


def test_the_wheel_installs_the_command_and_the_package_from_itself(installed: Path):
    where = run(installed / "python", "-c", "import starcoach; print(starcoach.__file__)")
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)
    helped = run(installed / "starcoach", "--help")
    assert helped.returncode == 0, helped.stderr
    assert "analyze" in helped.stdout and "practice" in helped.stdout


def test_the_installed_command_analyzes_a_sample_against_a_question(installed: Path,
                                                                  tmp_path: Path):
    env = {**os.environ, "STARCOACH_HOME": str(tmp_path / "home"), "NO_COLOR": "1",
           "COLUMNS": "100"}
    r = run(installed / "starcoach", "analyze", SAMPLE, "--question",
            "failure-time-you-failed", "--save", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "STAR timeline" in r.stdout
    assert "The question asks for" in r.stdout  # the question bank came with the wheel
    history = run(installed / "starcoach", "history", cwd=tmp_path, env=env)
    assert history.returncode == 0, history.stderr
    assert "failure-time-you-failed" in history.stdout
