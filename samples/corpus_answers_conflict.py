"""Development corpus: answers to the conflict questions (see corpus_spec.py for the markup)."""

from __future__ import annotations

from corpus_spec import Answer

S, T, A, R = "situation", "task", "action", "result"

CONFLICT: tuple[Answer, ...] = ()
