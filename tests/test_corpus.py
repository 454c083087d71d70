"""The development corpus (samples/corpus.py) says what its answers contain, consistently.

The accuracy benchmark trusts each answer's facts (sections, fillers, traps, seeded red flags)
and reports the check half only, so the specs must agree with their own words, the halves must
cover the same ground, and the times written for an answer must match its audio.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from starcoach.analysis.model import RED_FLAG_CATEGORIES, STAR_LABELS, STRENGTH_CATEGORIES

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
sys.path.insert(0, str(SAMPLES))

import corpus  # noqa: E402
from make_samples import parse_sentence, verbatim  # noqa: E402

PLAN = corpus.plan()
ANSWERS = [p.answer for p in PLAN]
BANK = corpus.questions()
STAR_WORDS = re.compile(r"\b(situation|task|action|actions|result|results|outcome)\b", re.I)
ABSENCE = {"no_learning", "no_change", "ownership"}
"""Findings about the whole answer, which quote nothing."""


def text_of(answer) -> str:
    return " ".join(verbatim(line) for _, lines in answer.sections for line in lines)


def halves(key) -> dict[str, Counter]:
    out: dict[str, Counter] = {"tune": Counter(), "check": Counter()}
    for p in PLAN:
        for k in key(p):
            out[p.half][k] += 1
    return out


def test_the_corpus_has_at_least_eighty_answers_with_unique_names() -> None:
    names = [a.name for a in ANSWERS]
    assert len(names) >= 80
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9_]+", n) for n in names)


def test_every_answer_answers_a_known_question_in_the_three_categories() -> None:
    cats = Counter(BANK[a.question_id]["category"] for a in ANSWERS)
    assert set(cats) == set(corpus.CATEGORIES)
    assert min(cats.values()) >= 25
    used = {a.question_id for a in ANSWERS}
    for q, info in BANK.items():
        if info["category"] in corpus.CATEGORIES:
            assert q in used, f"no corpus answer for {q}"


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.name)
def test_answer_has_sections_in_star_labels_and_words_in_every_sentence(answer) -> None:
    labels = [label for label, _ in answer.sections]
    assert labels and all(label in STAR_LABELS for label in labels)
    assert all(a != b for a, b in zip(labels, labels[1:], strict=False)), "repeated label"
    for _, lines in answer.sections:
        assert lines
        for line in lines:
            assert any(p.kind == "speech" for p in parse_sentence(line)), line
    words = len(text_of(answer).split())
    assert 60 <= words <= 400, words  # about 30-150 s of speech


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.name)
def test_findings_use_known_categories_and_quote_one_sentence(answer) -> None:
    sentences = [verbatim(line).lower() for _, lines in answer.sections for line in lines]
    for items, known in ((answer.red_flags, RED_FLAG_CATEGORIES),
                         (answer.strengths, STRENGTH_CATEGORIES)):
        for category, quote in items:
            assert category in known
            if quote is None:
                assert category in ABSENCE
            else:
                assert any(quote.lower() in s for s in sentences), quote


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.name)
def test_traps_are_said_inside_one_fragment_and_are_not_marked_fillers(answer) -> None:
    fragments = [p.text.lower() for _, lines in answer.sections for line in lines
                 for p in parse_sentence(line) if p.kind == "speech"]
    for word, context in answer.traps:
        assert re.search(rf"(?<![a-z']){re.escape(word.lower())}(?![a-z'])", context.lower())
        assert sum(context.lower() in f for f in fragments) == 1, context


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.name)
def test_names_parts_matches_the_words_of_the_script(answer) -> None:
    found = {m.lower() for m in STAR_WORDS.findall(text_of(answer))}
    if answer.names_parts:
        assert found, "says it names its parts but never does"
    else:
        assert not found, f"an implicit answer says {found}"


def test_the_halves_are_balanced_by_stratum_category_and_voice() -> None:
    for key in (lambda p: [p.stratum], lambda p: [BANK[p.answer.question_id]["category"]],
                lambda p: [p.voice.label], lambda p: [p.timing]):
        h = halves(key)
        for k in set(h["tune"]) | set(h["check"]):
            assert abs(h["tune"][k] - h["check"][k]) <= 2, (k, h["tune"][k], h["check"][k])
    h = halves(lambda p: [p.stratum])
    for k in h["tune"]:
        assert abs(h["tune"][k] - h["check"][k]) <= 1, k


def test_both_halves_cover_every_red_flag_feature_and_voice() -> None:
    flags = halves(lambda p: {c for c, _ in p.answer.red_flags})
    for half in ("tune", "check"):
        assert set(flags[half]) == set(RED_FLAG_CATEGORIES), half
    feats = halves(lambda p: set(p.answer.features))
    for f in ("returns", "missing_task", "run_on", "we_heavy", "given_task", "numbers",
              "fillers", "long_pause", "repeat"):
        assert feats["tune"][f] and feats["check"][f], f
    voices = halves(lambda p: [p.voice.label])
    assert set(voices["tune"]) == set(voices["check"])
    assert len(voices["tune"]) >= 6
    traps = halves(lambda p: [w for w, _ in p.answer.traps])
    for w in ("like", "so", "you know", "kind of", "sort of", "i mean"):
        assert traps["tune"][w] + traps["check"][w] >= 1, w


def test_the_split_alternates_inside_each_stratum_and_pairs_share_a_voice() -> None:
    by: dict[str, list] = {}
    for p in PLAN:
        by.setdefault(p.stratum, []).append(p)
    for group in by.values():
        assert [p.half for p in group] == [("tune", "check")[k % 2] for k in range(len(group))]
        for a, b in zip(group[::2], group[1::2], strict=False):
            assert (a.voice, a.timing) == (b.voice, b.timing)


SHORT = ("c_teacher_parent", "c_lab_equipment", "l_designer_growth")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    picked = [p for p in PLAN if p.answer.name in SHORT]
    assert all(p.voice.engine == "espeak-ng" for p in picked), "pick espeak answers"
    corpus.ensure(out, list(SHORT))
    return out


def decode(path: Path) -> np.ndarray:
    import av

    with av.open(str(path)) as c:
        pcm = np.concatenate([f.to_ndarray().reshape(-1) for f in c.decode(c.streams.audio[0])])
    return pcm.astype(np.float32) / 32768.0


@pytest.mark.parametrize("name", SHORT)
def test_a_made_answer_has_its_facts_where_its_audio_says(made: Path, name: str) -> None:
    d = json.loads((made / f"{name}.json").read_text(encoding="utf-8"))
    pcm = decode(made / f"{name}.flac")
    rate = 16000

    def rms(start: float, end: float) -> float:
        part = pcm[int(start * rate) : int(end * rate)]
        return float(np.sqrt(np.mean(part**2))) if len(part) else 0.0

    assert len(pcm) / rate == pytest.approx(d["duration_s"], abs=0.01)
    assert d["half"] in ("tune", "check") and d["category"] in corpus.CATEGORIES
    assert d["question"] == BANK[d["question_id"]]["text"]
    for s in d["sentences"]:
        assert rms(s["start"], s["end"]) > 0.02, s["text"]
    for a, b in zip(d["sentences"], d["sentences"][1:], strict=False):
        assert rms(a["end"] + 0.01, b["start"] - 0.01) < 0.001
    for a, b in zip(d["sections"], d["sections"][1:], strict=False):
        assert a["end"] == b["start"] and a["label"] != b["label"]
    for f in d["fillers"]:
        assert f["kind"] in ("filled_pause", "lexical")
        assert rms(f["start"], f["end"]) > 0.02
    for t in d["traps"]:
        sentence = next(s for s in d["sentences"] if s["start"] <= t["start"] <= s["end"])
        assert t["context"].lower() in sentence["text"].lower()
        assert rms(t["start"], t["end"]) > 0.01
    for f in d["red_flags"] + d["strengths"]:
        if f["quote"]:
            assert f["quote"].lower() in d["text"].lower()


def test_a_made_answer_is_not_made_again_when_up_to_date(made: Path) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in made.iterdir()}
    corpus.ensure(made, list(SHORT))
    assert {p.name: p.stat().st_mtime_ns for p in made.iterdir()} == before
