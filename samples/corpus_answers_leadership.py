"""Development corpus: answers to the leadership questions (see corpus_spec.py for the markup)."""

from __future__ import annotations

from corpus_spec import Answer

S, T, A, R = "situation", "task", "action", "result"

LEADERSHIP: tuple[Answer, ...] = ()
