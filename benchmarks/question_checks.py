"""Do the question checks fail when they should? Answers crossed with the wrong questions.

Every answer is checked against its own question and against every other question of the bank
(and of the failure guide in tests/data/guides). A check that is met on a story given to the
wrong question is praise the answer did not earn. Reported per group of answers:

- own: share of the own question's checks met (its look-for points, then its category's);
- crossed, other category: share of checks met, and share of pairs with most checks unmet
  (what makes the report say the answer does not fit the question);
- crossed, same category: share of the look-for points met (the category's expectations may
  rightly be met: a failure story owns a mistake whichever failure question it answers).

Answers: the development corpus's scripts (samples/corpus/*.json, by half: tune the rules on
the tune half, report the check half), the bundled samples, and the guide's example answers.
Typed text, no model: the checks read words, and this isolates them from recognition.

Usage:
    python benchmarks/question_checks.py              # all groups
    python benchmarks/question_checks.py --verbose    # every crossed pair with a met look-for
    python benchmarks/question_checks.py --guide GUIDE.md   # another guide's example answers
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from starcoach.analysis import analyze  # noqa: E402
from starcoach.analysis.question_fit import check_question  # noqa: E402
from starcoach.questions import bank  # noqa: E402
from starcoach.questions.guide_import import read_guide  # noqa: E402
from starcoach.transcribe.typed import read_text_transcript  # noqa: E402

GUIDE = ROOT / "tests" / "data" / "guides" / "failure-guide.md"


@dataclass
class Answer:
    name: str
    group: str
    text: str
    question_id: str | None


@dataclass
class Tally:
    own_met: int = 0
    own_all: int = 0
    other_met: int = 0
    other_all: int = 0
    other_pairs: int = 0
    other_off: int = 0
    same_look_met: int = 0
    same_look_all: int = 0
    same_pairs: int = 0
    same_off: int = 0
    own_fits: int = 0
    own_topic: int = 0
    crossed_fits: int = 0
    crossed_topic: int = 0
    loose: list[str] = field(default_factory=list)
    misfit: list[str] = field(default_factory=list)


def questions(guide_path: Path = GUIDE) -> dict[str, bank.Question]:
    """The built-in bank's questions and the guide's, by ID (the user's imports left out)."""
    qs = {q.id: q for q in bank._built_in()[0]}
    guide = read_guide(guide_path)
    for q in guide.questions:
        qid = guide.question_id(q)
        qs[qid] = bank.Question(id=qid, category=guide.category, text=q.text,
                                look_for=q.look_for)
    return qs


def answers(qs: dict[str, bank.Question], guide_path: Path = GUIDE) -> list[Answer]:
    built_in = {q.id for q in bank._built_in()[0]}
    out = []
    for path in sorted((ROOT / "samples" / "corpus").glob("*.json")):
        d = json.loads(path.read_text())
        out.append(Answer(d["name"], f"corpus {d['half']}", d["text"], d["question_id"]))
    by_text = {q.text.rstrip(".?").lower(): qid for qid, q in qs.items() if qid in built_in}
    for path in sorted((ROOT / "samples").glob("*.json")):
        d = json.loads(path.read_text())
        qid = by_text.get(d["question"].rstrip(".?").lower())
        out.append(Answer(d["name"], "samples", d["text"], qid))
    guide = read_guide(guide_path)
    for q in guide.questions:
        if q.reference_answer:
            out.append(Answer(guide.question_id(q), "guide examples", q.reference_answer,
                              guide.question_id(q)))
    return out


def typed(text: str) -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answer.txt"
        path.write_text(text)
        return analyze(read_text_transcript(path))


def off(checks: list[Any]) -> bool:
    """What the report calls an answer to another question: most checks not heard."""
    return 2 * sum(not c.met for c in checks) > len(checks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--guide", type=Path, default=GUIDE,
                        help="a guide whose example answers and questions join the crossing")
    args = parser.parse_args()
    qs = questions(args.guide)
    tallies: dict[str, Tally] = {}
    for ans in answers(qs, args.guide):
        a = typed(ans.text)
        t = tallies.setdefault(ans.group, Tally())
        own = qs.get(ans.question_id or "")
        for qid, q in qs.items():
            checks = check_question(q, a.words, a.strengths)
            n_look = len(q.look_for)
            gate = checks[0] if checks and checks[0].name.startswith("A story about") else None
            if gate is not None:
                checks = checks[1:]
                if qid == ans.question_id:
                    t.own_topic += 1
                    t.own_fits += gate.met
                    if not gate.met:
                        t.misfit.append(f"{ans.name}: {gate.name}")
                elif own is not None and q.text != own.text:
                    t.crossed_topic += 1
                    t.crossed_fits += gate.met
            if qid == ans.question_id:
                t.own_met += sum(c.met for c in checks)
                t.own_all += len(checks)
            elif own is None:
                continue
            elif q.category != own.category:
                t.other_met += sum(c.met for c in checks)
                t.other_all += len(checks)
                t.other_pairs += 1
                t.other_off += off(checks)
            elif q.text != own.text:
                look = checks[:n_look]
                t.same_look_met += sum(c.met for c in look)
                t.same_look_all += len(look)
                t.same_pairs += 1
                t.same_off += off(look)
                t.loose += [f"{ans.name} -> {qid}: {c.name} — \"{c.evidence[0]}\""
                            for c in look if c.met]
    print("| answers | own question: story fits | own question: checks met | "
          "other questions: story fits | other category: checks met | "
          "other category: most unmet | same category, other question: look-for met |")
    print("|---|---|---|---|---|---|---|")
    for group in sorted(tallies):
        t = tallies[group]
        print(f"| {group} | {pct(t.own_fits, t.own_topic)} | {pct(t.own_met, t.own_all)} | "
              f"{pct(t.crossed_fits, t.crossed_topic)} | {pct(t.other_met, t.other_all)} | "
              f"{pct(t.other_off, t.other_pairs)} of {t.other_pairs} | "
              f"{pct(t.same_look_met, t.same_look_all)} |")
    for group in sorted(tallies):
        for line in tallies[group].misfit:
            print(f"- {group}, told it does not fit its own question: {line}")
    if args.verbose:
        for group in sorted(tallies):
            print(f"\n## {group}: look-for points met on another question of the category")
            for line in tallies[group].loose:
                print(f"- {line}")
    return 0


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f} %" if den else "-"


if __name__ == "__main__":
    sys.exit(main())
