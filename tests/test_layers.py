"""The code is laid out by pipeline stage, and imports only run downward.

    cli -> practice -> pipeline -> report, sessions -> questions -> analysis, transcribe -> audio
        -> types, errors, config, files, background

(``settings``, the user's settings file, sits with audio: above config and files, which it uses.)

A module may import its own folder and any folder below it, never one above it nor a neighbour
on its own floor (report and sessions, analysis and transcribe know nothing of each other).
Imports inside functions count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "starcoach"

FLOORS: dict[str, int] = {
    "serial": -1, "types": 0, "errors": 0, "config": 0, "files": 0, "data": 0, "background": 0,
    "audio": 1, "settings": 1,
    "analysis": 2, "transcribe": 2,
    "questions": 3,
    "report": 4, "sessions": 4,
    "pipeline": 5,
    "practice": 6,
    "cli": 7,
    "__main__": 8,
}

STAGE_FOLDERS = ("audio", "transcribe", "analysis", "report", "sessions", "questions", "cli")


def _stage(module: str) -> str | None:
    """The top-level part of ``starcoach.x.y`` (``x``), or None for the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "starcoach" else None


def _imports(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "starcoach":
                found += [(node.lineno, f"starcoach.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
    return [(line, m) for line, m in found if m.startswith("starcoach.")]


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_belongs_to_a_known_floor():
    stages = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    assert stages - {"__init__"} <= set(FLOORS), sorted(stages - set(FLOORS))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_downward(path: Path):
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    if own == "__init__":
        return
    wrong = []
    for line, module in _imports(path):
        target = _stage(module)
        if target is None or target == own or target == "__version__":
            continue
        if FLOORS[target] >= FLOORS[own]:
            wrong.append(f"line {line}: {own} (floor {FLOORS[own]}) imports {module} "
                         f"(floor {FLOORS[target]})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("folder", STAGE_FOLDERS)
def test_each_stage_folder_states_its_contract(folder: str):
    doc = ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text()))
    assert doc, f"{folder}/__init__.py has no docstring"
    assert len(doc.splitlines()[0]) <= 100


def test_the_package_has_no_loose_stage_modules():
    """Only what every stage shares and the two workflows sit at the top; every stage has its
    folder."""
    loose = {p.stem for p in PACKAGE.glob("*.py")}
    assert loose <= {"__init__", "__main__", "types", "serial", "errors", "config", "files",
                     "background",
                     "settings", "pipeline", "practice"}
