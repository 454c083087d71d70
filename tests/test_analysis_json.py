"""The analysis JSON (schema starcoach.analysis/1) stays byte-for-byte the same.

Each bundled sample is analyzed from its script's words (times spread over each sentence, no
model, so the result is exact) with its real audio for the pauses, and the JSON is compared
with the copy in tests/data/golden/. A change to the output, or to a rule, shows up here as a
diff to look at; when it is meant, regenerate with STARCOACH_REGEN_GOLDEN=1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from starcoach.analysis import analyze
from starcoach.audio.decode import load_audio
from starcoach.types import Transcript, Word

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden"
SAMPLES = sorted(p for p in (ROOT / "samples").glob("*.json") if p.with_suffix(".flac").exists())


def script_transcript(sample: dict) -> Transcript:
    words: list[Word] = []
    for s in sample["sentences"]:
        tokens = s["text"].split()
        step = (s["end"] - s["start"]) / len(tokens)
        words += [Word(t, s["start"] + k * step, s["start"] + (k + 1) * step)
                  for k, t in enumerate(tokens)]
    return Transcript(words=tuple(words), duration_s=sample["duration_s"], model="script")


def analysis_json(path: Path) -> str:
    sample = json.loads(path.read_text())
    analysis = analyze(script_transcript(sample), samples=load_audio(path.with_suffix(".flac")))
    return json.dumps(analysis.to_dict(), indent=1, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_the_analysis_json_is_unchanged(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.analysis.json"
    got = analysis_json(path)
    if os.environ.get("STARCOACH_REGEN_GOLDEN") == "1":
        golden.write_text(got)
    assert golden.is_file(), f"no golden copy for {path.stem}: run with STARCOACH_REGEN_GOLDEN=1"
    assert got == golden.read_text()


def test_every_sample_has_a_golden_copy() -> None:
    assert len(SAMPLES) >= 9
    assert {p.stem for p in SAMPLES} == {p.name.split(".")[0] for p in GOLDEN.glob("*.json")}
