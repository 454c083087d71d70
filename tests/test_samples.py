"""The bundled spoken answers in samples/ are what their JSON files say they are.

Other tests and the accuracy benchmark trust these files for the truth (section times, fillers,
expected red flags), so a sample whose audio and description disagree would make them lie.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from starcoach.analysis.model import RED_FLAG_CATEGORIES, STAR_LABELS, STRENGTH_CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REQUIRED = ("clean_star", "filler_heavy", "red_flags", "implicit_star")
ALL = sorted(p.stem for p in SAMPLES.glob("*.json"))
SECTION_NAMES = re.compile(
    r"\b(the situation (was|is)|my task|the task was|what i did|the action|as a result|"
    r"the result was)\b",
    re.IGNORECASE,
)


def info(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def decode(path: Path) -> tuple[np.ndarray, int, int, str]:
    """Samples as float32, sample rate, channels and codec, read with PyAV."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        rate, channels, codec = stream.rate, stream.channels, stream.codec_context.name
        chunks = [f.to_ndarray().reshape(-1) for f in container.decode(stream)]
    pcm = np.concatenate(chunks)
    if np.issubdtype(pcm.dtype, np.integer):  # 16-bit FLAC decodes to int16
        return pcm.astype(np.float32) / 32768.0, rate, channels, codec
    return pcm.astype(np.float32), rate, channels, codec


def test_the_four_required_samples_and_at_least_three_more_are_bundled() -> None:
    for name in REQUIRED:
        assert (SAMPLES / f"{name}.flac").is_file(), f"{name}.flac is missing"
        assert (SAMPLES / f"{name}.json").is_file(), f"{name}.json is missing"
    assert len(ALL) >= 7, ALL


@pytest.mark.parametrize("name", ALL)
def test_sample_is_16khz_mono_flac_between_30_and_120_seconds_and_under_1_5_mb(name: str) -> None:
    path = SAMPLES / f"{name}.flac"
    pcm, rate, channels, codec = decode(path)
    assert (codec, rate, channels) == ("flac", 16000, 1)
    seconds = len(pcm) / rate
    assert 30 <= seconds <= 120
    assert seconds == pytest.approx(info(name)["duration_s"], abs=0.01)
    assert path.stat().st_size < 1_500_000


@pytest.mark.parametrize("name", ALL)
def test_sections_are_contiguous_in_order_and_inside_the_audio(name: str) -> None:
    d = info(name)
    sections = d["sections"]
    assert sections, "no sections"
    assert sections[0]["start"] == d["speech_start"] > 0
    assert sections[-1]["end"] == d["speech_end"] < d["duration_s"]
    for s in sections:
        assert s["label"] in STAR_LABELS
        assert s["start"] < s["end"]
        assert s["text"] in d["text"]
    for a, b in zip(sections, sections[1:], strict=False):
        assert a["end"] == b["start"], f"gap or overlap between {a['label']} and {b['label']}"
        assert a["label"] != b["label"]
    assert d["missing"] == [x for x in STAR_LABELS if x not in {s["label"] for s in sections}]


@pytest.mark.parametrize("name", ALL)
def test_every_sentence_and_filler_lies_inside_the_section_it_belongs_to(name: str) -> None:
    d = info(name)

    def section_at(t: float) -> str:
        return next(s["label"] for s in d["sections"] if s["start"] <= t <= s["end"])

    for s in d["sentences"]:
        assert section_at(s["start"]) == section_at(s["end"]) == s["section"], s["text"]
    for f in d["fillers"]:
        assert f["start"] < f["end"]
        assert section_at(f["start"]) == section_at(f["end"]) == f["section"], f
        assert f["kind"] in ("filled_pause", "discourse")
        assert re.search(rf"\b{re.escape(f['text'])}\b", d["text"].lower()), f["text"]
    starts = [f["start"] for f in d["fillers"]]
    assert starts == sorted(starts)


@pytest.mark.parametrize("name", ALL)
def test_speech_is_where_the_json_says_and_silence_between(name: str) -> None:
    """Every sentence span carries voice, and the gaps between sentences are silent."""
    d = info(name)
    pcm, rate, _, _ = decode(SAMPLES / f"{name}.flac")

    def rms(start: float, end: float) -> float:
        part = pcm[int(start * rate) : int(end * rate)]
        return float(np.sqrt(np.mean(part**2))) if len(part) else 0.0

    for s in d["sentences"]:
        assert rms(s["start"], s["end"]) > 0.02, s["text"]
        assert rms(s["start"], s["start"] + 0.05) > 0.001, f"no voice at the start of {s['text']!r}"
        assert rms(s["end"] - 0.05, s["end"]) > 0.001, f"no voice at the end of {s['text']!r}"
    for a, b in zip(d["sentences"], d["sentences"][1:], strict=False):
        assert rms(a["end"] + 0.01, b["start"] - 0.01) < 0.001
    assert rms(0, d["speech_start"] - 0.01) < 0.001
    assert rms(d["speech_end"] + 0.01, d["duration_s"]) < 0.001
    for p in d["pauses"]:
        assert p["end"] - p["start"] >= 2.0
        assert rms(p["start"] + 0.01, p["end"] - 0.01) < 0.001
    for f in d["fillers"] + d["disfluencies"]:
        # Each filler or repeat is its own clip with silence on both sides, so its times are
        # exact: voice inside, silence just before and just after.
        assert rms(f["start"], f["end"]) > 0.02, f
        assert rms(f["start"] - 0.1, f["start"] - 0.01) < 0.001, f"sound before {f}"
        assert rms(f["end"] + 0.01, f["end"] + 0.1) < 0.001, f"sound after {f}"


@pytest.mark.parametrize("name", ALL)
def test_expected_findings_use_known_categories_and_quote_the_script(name: str) -> None:
    d = info(name)
    for finding, categories in ((d["red_flags"], RED_FLAG_CATEGORIES),
                                (d["strengths"], STRENGTH_CATEGORIES)):
        for f in finding:
            assert f["category"] in categories
            if f["quote"] is None:
                assert f["start"] is None and f["category"] in ("no_learning", "no_change")
            else:
                assert f["quote"].lower() in d["text"].lower()
                assert f["start"] < f["end"]


@pytest.mark.parametrize("name", ALL)
def test_says_section_names_matches_the_words_of_the_script(name: str) -> None:
    d = info(name)
    assert bool(SECTION_NAMES.search(d["text"])) == d["says_section_names"]


def test_clean_answer_has_no_fillers_no_red_flags_and_every_strength() -> None:
    d = info("clean_star")
    assert d["fillers"] == [] and d["disfluencies"] == [] and d["red_flags"] == []
    assert {s["category"] for s in d["strengths"]} == set(STRENGTH_CATEGORIES)
    assert [s["label"] for s in d["sections"]] == list(STAR_LABELS)
    assert 90 <= d["duration_s"] <= 110


def test_filler_heavy_answer_has_fillers_repeats_long_pauses_and_traps() -> None:
    d = info("filler_heavy")
    texts = {f["text"] for f in d["fillers"]}
    assert {"um", "uh", "like", "you know", "i mean", "basically", "so"} <= texts
    assert len(d["fillers"]) >= 12
    assert {x["text"] for x in d["disfluencies"]} == {"i i", "but but"}
    assert len(d["pauses"]) >= 1
    for trap in ("I would like to", "so that", "looked like"):
        assert trap in d["text"]
    assert 60 <= d["duration_s"] <= 90


def test_red_flag_answer_seeds_every_category() -> None:
    d = info("red_flags")
    assert {f["category"] for f in d["red_flags"]} == set(RED_FLAG_CATEGORIES)
    words = re.findall(r"[a-z']+", d["text"].lower())
    assert words.count("we") >= 3 * words.count("i")
    assert 50 <= d["duration_s"] <= 80


def test_implicit_answer_never_names_its_parts() -> None:
    d = info("implicit_star")
    assert not d["says_section_names"]
    assert [s["label"] for s in d["sections"]] == list(STAR_LABELS)
    assert d["fillers"] == [] and d["red_flags"] == []
    assert 80 <= d["duration_s"] <= 110


def test_regenerating_a_sample_gives_the_same_timings(tmp_path: Path) -> None:
    """The script is deterministic: same words, same voice, same durations and section times."""
    subprocess.run(
        [sys.executable, str(SAMPLES / "make_samples.py"), "--only", "clean_star",
         "--out", str(tmp_path)],
        check=True, capture_output=True, text=True,
    )
    fresh = json.loads((tmp_path / "clean_star.json").read_text(encoding="utf-8"))
    bundled = info("clean_star")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean_star.flac", "clean_star.json"]
    soxi = subprocess.run(["soxi", "-D", str(tmp_path / "clean_star.flac")],
                          check=True, capture_output=True, text=True)
    assert float(soxi.stdout) == pytest.approx(bundled["duration_s"], abs=0.05)
    assert fresh["duration_s"] == pytest.approx(bundled["duration_s"], abs=0.05)
    for new, old in zip(fresh["sections"], bundled["sections"], strict=True):
        assert new["label"] == old["label"]
        assert new["start"] == pytest.approx(old["start"], abs=0.05)
        assert new["end"] == pytest.approx(old["end"], abs=0.05)
    assert fresh["text"] == bundled["text"]
