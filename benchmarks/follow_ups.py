"""Does the follow-up ask about the weak spot, and does its judge hear the answer to it?

Two measurements on the development corpus's scripts (samples/corpus/*.json), by half: the
rules were written on the tune half; the check half is the one to report.

1. The probe. For every answer with a seeded weakness (a red flag or a missing STAR part, as
   the corpus records them), is the follow-up one that asks about a seeded weakness? (blame or
   only outside causes -> "What was your part in it?", a humble brag -> "What was the mistake
   itself?", "we" for "I" or no action -> "What did you do yourself?", no lesson or no change
   -> "What do you do differently now?", no result -> "How did it turn out?", no task ->
   "What exactly was your task?"). For the answers without one: which follow-ups they get.
2. The judges. Every sentence of every answer is given, on its own, as the reply to each
   probe; the corpus says what the sentence holds: its STAR part, and the strengths recorded
   with their times. A sentence answers "How did it turn out, in numbers?" when it is part of
   the result and holds a number (not a year, not "one"); "What do you do differently now?"
   when a lesson or a change is recorded in it; "What was your part in it?" when an owned
   mistake is recorded in it and no blame; "What exactly was your task?" when it is part of
   the task. Reported per judge:
   recall (sentences that give what was asked, heard as answering) and precision. The corpus
   records one owned-mistake quote per answer, so other sentences that own a mistake count
   against the judge: its precision is a lower bound.

Typed text, no model: this isolates the rules from recognition.

Usage:
    python benchmarks/follow_ups.py            # both halves, check half last
    python benchmarks/follow_ups.py --verbose  # every miss and false answer of the check half
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from starcoach.analysis import analyze  # noqa: E402
from starcoach.analysis.follow_up import Probe, choose, judge, not_a_figure  # noqa: E402
from starcoach.analysis.lexicon import NUMBER, Text  # noqa: E402
from starcoach.analysis.question_fit import words_from_text  # noqa: E402
from starcoach.questions import bank  # noqa: E402
from starcoach.transcribe.typed import read_text_transcript  # noqa: E402

SEEDED_PROBES = {
    "blame_shifting": "own_part", "external_factors": "own_part", "humble_brag": "mistake",
    "ownership": "own_action", "no_learning": "lesson", "no_change": "lesson",
    "missing:action": "own_action", "missing:result": "result", "missing:task": "task",
}
"""The follow-ups that ask about each seeded weakness."""

JUDGED = {
    "result": lambda s: s["section"] == "result" and s["figure"],
    "lesson": lambda s: bool({"learning", "change"} & s["strengths"]),
    "own_part": lambda s: "owned_mistake" in s["strengths"] and not s["blame"],
    "task": lambda s: s["section"] == "task",
}
"""What a sentence must hold to answer each probe, from the corpus's own record."""


def typed(text: str, question: Any) -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answer.txt"
        path.write_text(text)
        return analyze(read_text_transcript(path), question=question)


def corpus() -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted((ROOT / "samples" / "corpus").glob("*.json"))]


def sentences(d: dict[str, Any]) -> list[dict[str, Any]]:
    """The answer's sentences, each with its STAR part and the strengths recorded in it."""
    out = []
    for s in d["sentences"]:
        inside = {f["category"] for f in d["strengths"]
                  if f.get("start") is not None and s["start"] - 0.05 <= f["start"] < s["end"]}
        blame = any(f.get("start") is not None and s["start"] - 0.05 <= f["start"] < s["end"]
                    and f["category"] in ("blame_shifting", "external_factors")
                    for f in d["red_flags"])
        figure = any(not not_a_figure(m.text) for m in
                     Text(words_from_text(s["text"]), range(len(s["text"].split()))).find(NUMBER))
        out.append({"text": s["text"], "section": s["section"], "strengths": inside,
                    "blame": blame, "figure": figure})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    answers = corpus()
    if not answers:
        print("no corpus: run `make corpus` first", file=sys.stderr)
        return 1
    for half in ("tune", "check"):
        part = [d for d in answers if d["half"] == half]
        print(f"\n## {half} half ({len(part)} answers)\n")
        seeded_hit = seeded_all = 0
        clean_kinds: Counter[str] = Counter()
        misses = []
        for d in part:
            q = bank.get_question(d["question_id"]) if d.get("question_id") else None
            probe = choose(typed(d["text"], q))
            seeded = {f["category"] for f in d["red_flags"]} | {f"missing:{m}"
                                                               for m in d["missing"]}
            wanted = {SEEDED_PROBES[s] for s in seeded if s in SEEDED_PROBES}
            if wanted:
                seeded_all += 1
                seeded_hit += probe.kind in wanted
                if probe.kind not in wanted:
                    misses.append(f"{d['name']}: asked {probe.kind}, seeded {sorted(seeded)}")
            else:
                clean_kinds[probe.kind] += 1
        print(f"answers with a seeded weakness whose follow-up asks about one: "
              f"{pct(seeded_hit, seeded_all)} ({seeded_hit}/{seeded_all})")
        print("follow-ups of the answers without one: "
              + ", ".join(f"{k} {n}" for k, n in clean_kinds.most_common()))
        print("\n| probe | recall | precision | sentences that answer |")
        print("|---|---|---|---|")
        wrong = []
        for kind, truth in JUDGED.items():
            tp = fp = fn = 0
            for d in part:
                for s in sentences(d):
                    heard = judge(Probe(kind, "", "", ""), words_from_text(s["text"])).answered
                    real = truth(s)
                    tp += heard and real
                    fp += heard and not real
                    fn += real and not heard
                    if heard != real:
                        wrong.append(f"{kind} {'missed' if real else 'false'}: {s['text']}")
            print(f"| {kind} | {pct(tp, tp + fn)} | {pct(tp, tp + fp)} | {tp + fn} |")
        if args.verbose:
            print("\n" + "\n".join(misses + wrong))
    return 0


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f} %" if den else "n/a"


if __name__ == "__main__":
    raise SystemExit(main())
