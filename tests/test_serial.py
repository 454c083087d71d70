"""The one serializer: records to JSON-ready data and back, figures rounded as declared."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import ClassVar

from starcoach.analysis import analyze
from starcoach.analysis.model import Analysis
from starcoach.serial import OMIT, Record, dump, load, places, rounded
from starcoach.types import Transcript, Word


@dataclass(frozen=True)
class Leaf(Record):
    name: str
    at: float = field(metadata=places(2))
    note: str = field(default="", metadata=OMIT)


@dataclass(frozen=True)
class Tree(Record):
    JSON_KEYS: ClassVar = ("span", "leaves", "size", "pitch")

    leaves: tuple[Leaf, ...]
    span: tuple[tuple[float, float], ...] = field(
        default=(), metadata=places(1, names=("start", "end")))
    pitch: tuple[tuple[float, float | None], ...] = field(default=(), metadata=places((2, 0)))
    first: Leaf | None = None

    @property
    def size(self) -> int:
        return len(self.leaves)


def test_figures_are_rounded_keys_ordered_defaults_omitted_and_properties_written():
    tree = Tree(leaves=(Leaf("a", 1.23456), Leaf("b", 2.0, note="x")),
                span=((0.04, 1.06),), pitch=((0.123, 7.6), (0.2, None)), first=Leaf("c", 3.0))
    data = dump(tree)
    assert list(data) == ["span", "leaves", "size", "pitch"]  # ``first`` is not in JSON_KEYS
    assert data["span"] == [{"start": 0.0, "end": 1.1}]
    assert data["leaves"] == [{"name": "a", "at": 1.23}, {"name": "b", "at": 2.0, "note": "x"}]
    assert data["size"] == 2
    assert data["pitch"] == [[0.12, 8.0], [0.2, None]]


def test_load_reads_back_what_dump_wrote_typed_by_the_fields():
    tree = rounded(Tree(leaves=(Leaf("a", 1.23456),), span=((0.04, 1.06),),
                        pitch=((0.123, 7.6),)))
    again = load(Tree, json.loads(json.dumps(dump(tree))))
    assert again == tree
    assert isinstance(again.leaves, tuple) and isinstance(again.leaves[0], Leaf)
    assert again.span == ((0.0, 1.1),) and again.pitch == ((0.12, 8.0),)


def test_rounded_is_the_record_as_its_json_keeps_it_and_changes_nothing_twice():
    leaf = Leaf("a", 1.23456)
    assert rounded(leaf) == Leaf("a", 1.23)
    once = rounded(leaf)
    assert rounded(once) is once  # already rounded: the same object


def test_keys_on_a_field_keep_only_those_fields_of_its_records():
    words = (Word("um,", 0.12345, 0.4567, probability=0.31, recovered=True),)
    t = Transcript(words=words, duration_s=1.0)
    assert t.to_dict()["words"] == [{"text": "um,", "start": 0.123, "end": 0.457,
                                     "probability": 0.31, "recovered": True}]
    a = analyze(t)
    # The analysis keeps a word's text and times (0.01 s) and nothing else, as its JSON does.
    assert a.words == (Word("um,", 0.12, 0.46),)
    assert a.to_dict()["words"] == [{"text": "um,", "start": 0.12, "end": 0.46}]


def test_a_fresh_analysis_equals_the_same_analysis_loaded_from_its_json():
    text = ("Last year I led the launch of our billing page. I was responsible for the date. "
            "I missed a check on the tax rules, um, and the launch slipped by two weeks. "
            "I told my manager the same day, I fixed the rules and I added a review step. "
            "We shipped in March and errors fell from twelve to two. I learned to check early.")
    words, t = [], 0.0
    for token in text.split():
        words.append(Word(token, t + 0.013, t + 0.3117))
        t += 0.377
    a = analyze(Transcript(words=tuple(words), duration_s=t + 1.0))
    loaded = Analysis.from_dict(json.loads(json.dumps(a.to_dict())))
    assert loaded == a
    assert loaded.to_dict() == a.to_dict()
    assert a.speech_start == 0.01 and a.sections[0].share == round(a.sections[0].share, 3)
