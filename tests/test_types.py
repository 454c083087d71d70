"""The definitions every stage shares: words, filled pauses, sentence ends, the clock."""

from __future__ import annotations

import pytest

from starcoach.types import clock, ends_sentence, filled_pause, normalize


@pytest.mark.parametrize("raw,norm", [
    ("Um,", "um"), ("I’m,", "i'm"), ("‘cause", "'cause"), ("(done).", "done"), ("—", ""),
])
def test_normalize(raw: str, norm: str) -> None:
    assert normalize(raw) == norm


@pytest.mark.parametrize("raw,canonical", [
    ("Ummm,", "um"), ("uhm", "um"), ("Uhh.", "uh"), ("erm", "er"), ("Mm-hmm", "mm"),
    ("ER", None), ("umbrella", None), ("like", None),
])
def test_filled_pause(raw: str, canonical: str | None) -> None:
    assert filled_pause(raw) == canonical


@pytest.mark.parametrize("raw,ends", [
    ("done.", True), ("done?", True), ("done!", True), ("so…", True), ('done."', True),
    ("done.”", True), ("(done.)", True), ("done,", False), ("U.S", False), ("done", False),
])
def test_ends_sentence(raw: str, ends: bool) -> None:
    assert ends_sentence(raw) is ends


@pytest.mark.parametrize("seconds,shown", [
    (0, "0:00"), (59.4, "0:59"), (59.6, "1:00"), (89.5, "1:30"), (89.6, "1:30"), (125, "2:05"),
    (-3, "0:00"), (None, "-"),
])
def test_one_clock_rounds_to_the_second(seconds: float | None, shown: str) -> None:
    assert clock(seconds) == shown


def test_the_clock_with_tenths() -> None:
    assert clock(0, tenths=True) == "0:00.0"
    assert clock(75.25, tenths=True) == "1:15.2"
    assert clock(78.44, tenths=True) == "1:18.4"
    assert clock(59.96, tenths=True) == "1:00.0"
