"""The definitions every stage shares: words, filled pauses, sentence ends, the clock."""

from __future__ import annotations

import pytest

from starcoach.types import ends_sentence, filled_pause, normalize


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
