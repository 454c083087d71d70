"""Make the development corpus: about a hundred spoken answers with known facts, for measuring.

The nine bundled samples were written while the analyzer's rules were tuned on them, so their
figures say little about new answers. This corpus is written apart from the rules, in many
voices, speeds and pause habits, and split once into two halves:

- ``tune``: look at these while changing a rule;
- ``check``: report these, and do not tune on them.

The split rule (fixed; do not move answers between halves): answers are grouped into strata by
(question category, names its parts or not, red flags seeded or not). Inside a stratum, in the
order of the spec modules, answers alternate tune, check, tune, check... Each tune/check pair
gets the same voice, speed and pause habit, so both halves cover every category, voice and
feature in the same proportions. New answers go at the end of their module, so the answers
before them keep their half and voice.

Audio is not committed. It is made on demand into ``samples/corpus/`` (one FLAC and one JSON per
answer, in the bundled samples' format plus a few fields: question id and category, half, voice
engine, pause habit, traps) by ``make corpus`` or by ``benchmarks/accuracy.py --corpus``. An
answer whose JSON already matches its spec and voice is not made again.

Usage:
    python samples/corpus.py                    # make what is missing or stale
    python samples/corpus.py --list             # answers with half, voice and length
    python samples/corpus.py --only fail_cache_keys --out /tmp/x --force
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from answers import Sample  # noqa: E402
from corpus_answers_conflict import CONFLICT  # noqa: E402
from corpus_answers_failure import FAILURE  # noqa: E402
from corpus_answers_leadership import LEADERSHIP  # noqa: E402
from corpus_spec import Answer  # noqa: E402
from describe import describe  # noqa: E402
from make_samples import RATE, Espeak, Timing, compose, plain, write_flac  # noqa: E402

ANSWERS: tuple[Answer, ...] = FAILURE + CONFLICT + LEADERSHIP
OUT = HERE / "corpus"
QUESTIONS = HERE.parent / "src" / "starcoach" / "data" / "questions.json"
CATEGORIES = ("failure", "conflict", "leadership")
HALVES = ("tune", "check")


@dataclass(frozen=True)
class Voice:
    engine: str  # "espeak-ng" or "hibari-tts"
    name: str  # espeak voice, or hibari voice
    speed: float  # espeak words per minute (-s), or hibari's rate factor

    @property
    def label(self) -> str:
        return self.name if self.engine == "espeak-ng" else f"hibari-{self.name}"


VOICES = (
    # Male espeak variants only: female ones gave tiny.en 11-17% word errors. hibari's heart
    # (female, neural) comes twice in eight, at two speeds: the one voice of the set that sounds
    # like a person.
    ("hibari-tts", "heart", 0.85),
    ("espeak-ng", "en-us", None),
    ("espeak-ng", "en-gb-x-rp", None),
    ("espeak-ng", "en-gb-scotland", None),
    ("hibari-tts", "heart", 0.95),
    ("espeak-ng", "en-us+m3", None),
    ("espeak-ng", "en-029", None),
    ("espeak-ng", "en-gb", None),
)
ESPEAK_SPEEDS = (128, 140, 152, 134, 146)
"""espeak -s: about 150-185 words per minute once the pauses are in."""
TIMINGS = {
    # The silences between clips: the bundled samples' even habit, a hesitant speaker who
    # stops longer between sentences and parts, and a brisk one who barely stops.
    "even": Timing(),
    "hesitant": Timing(clip_gap=0.15, filler_gap=0.4, repeat_gap=0.5, sentence_gap=0.7,
                       section_gap=1.2),
    "brisk": Timing(clip_gap=0.1, filler_gap=0.2, repeat_gap=0.35, sentence_gap=0.3,
                    section_gap=0.45),
}
TIMING_ORDER = ("even", "hesitant", "brisk")


@dataclass(frozen=True)
class Planned:
    answer: Answer
    half: str
    stratum: str
    voice: Voice
    timing: str


def questions() -> dict[str, dict]:
    """Question id -> {"text", "category"} from the app's question bank."""
    data = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    return {q["id"]: {"text": q["text"], "category": c["id"]}
            for c in data["categories"] for q in c["questions"]}


def stratum_of(answer: Answer, bank: dict[str, dict]) -> tuple[str, bool, bool]:
    return (bank[answer.question_id]["category"], answer.names_parts, bool(answer.red_flags))


def plan(answers: tuple[Answer, ...] = ANSWERS) -> list[Planned]:
    """Half, voice and pause habit of every answer, by the fixed rule in the module docstring."""
    bank = questions()
    strata = [(c, n, f) for c in CATEGORIES for n in (True, False) for f in (False, True)]
    seen: dict[tuple, int] = {}
    out = []
    for a in answers:
        key = stratum_of(a, bank)
        k = seen.get(key, 0)
        seen[key] = k + 1
        pair = strata.index(key) * 3 + k // 2  # a stable offset per stratum, then pair by pair
        engine, name, speed = VOICES[pair % len(VOICES)]
        if speed is None:
            speed = ESPEAK_SPEEDS[pair % len(ESPEAK_SPEEDS)]
        label = f"{key[0]}/{'names' if key[1] else 'implicit'}/{'flagged' if key[2] else 'clean'}"
        out.append(Planned(a, HALVES[k % 2], label, Voice(engine, name, speed),
                           TIMING_ORDER[pair % len(TIMING_ORDER)]))
    return out


def speaker(voice: Voice):  # -> Espeak | neural.HibariVoice
    if voice.engine == "espeak-ng":
        return Espeak(voice.name, int(voice.speed))
    from neural import HibariVoice

    return HibariVoice(voice.name, float(voice.speed))


def engine_version(voice: Voice) -> str:
    if voice.engine == "hibari-tts":
        from importlib.metadata import version

        return f"hibari-tts {version('hibari-tts')}"
    return "espeak-ng"


def build_key(p: Planned) -> str:
    """Changes when the answer's words, its voice or habit, or the synthesis code change."""
    h = hashlib.sha1(repr((p.answer, p.voice, p.timing, TIMINGS[p.timing])).encode())
    for name in ("make_samples.py", "neural.py", "corpus.py", "describe.py"):
        h.update((HERE / name).read_bytes())
    return h.hexdigest()[:16]


def locate_traps(answer: Answer, c, spk) -> list[dict]:
    """Where each trap word is said: its clip's start plus the length of the words before it.

    A trap is said inside a longer clip, so its time is estimated by saying the words before it
    on their own (about 0.1 s off; the JSON marks these times "estimated").
    """
    out = []
    for n, (word, context) in enumerate(answer.traps):
        hit = next(((text, start, end) for kind, text, start, end in c.log
                    if kind == "speech" and context.lower() in text.lower()), None)
        if hit is None:
            raise SystemExit(f"error: {answer.name}: trap context {context!r} is not inside one "
                             "spoken fragment")
        text, start, _ = hit
        at = text.lower().index(context.lower()) + _word_at(context.lower(), word.lower())
        before, through = text[:at].strip(), text[: at + len(word)].strip()
        offset = len(spk.clip(before, c.work, 90_000 + 2 * n)) / RATE if before else 0.0
        upto = len(spk.clip(through, c.work, 90_001 + 2 * n)) / RATE
        section = next(s["section"] for s in c.sentences
                       if s["start"] <= start <= s["end"])
        out.append({"text": plain(word), "context": context, "start": round(start + offset, 3),
                    "end": round(start + max(upto, offset + 0.1), 3), "timing": "estimated",
                    "section": section})
    return sorted(out, key=lambda t: t["start"])


def _word_at(context: str, word: str) -> int:
    """Index of ``word`` as a whole word inside ``context``."""
    import re

    m = re.search(rf"(?<![a-z']){re.escape(word)}(?![a-z'])", context)
    if m is None:
        raise SystemExit(f"error: trap word {word!r} is not in {context!r}")
    return m.start()


def build_answer(p: Planned, out_dir: Path) -> dict:
    """Render one corpus answer to ``out_dir/<name>.flac`` and return its JSON."""
    a, bank = p.answer, questions()
    q = bank[a.question_id]
    sample = Sample(name=a.name, question=q["text"], description=a.description,
                    sections=a.sections, says_section_names=a.names_parts,
                    red_flags=a.red_flags, strengths=a.strengths, voice=p.voice.label,
                    speed=int(p.voice.speed) if p.voice.engine == "espeak-ng" else 0)
    spk = speaker(p.voice)
    work = Path(tempfile.mkdtemp(prefix=f"starcoach-corpus-{a.name}-"))
    try:
        c = compose(sample, work, spk, TIMINGS[p.timing])
        write_flac(c, out_dir / f"{a.name}.flac")
        traps = locate_traps(a, c, spk)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    info = describe(sample, c.sentences, c.fillers, c.disfluencies, c.pauses, round(c.now, 3))
    for f in info["fillers"]:
        if f["kind"] == "discourse":
            f["kind"] = "lexical"
        else:
            f["spoken_as"] = spk.spoken.get(f["text"], f["text"])
    words = sum(len(s["text"].split()) for s in info["sentences"])
    span = info["speech_end"] - info["speech_start"]
    extra = {
        "question_id": a.question_id,
        "category": q["category"],
        "half": p.half,
        "stratum": p.stratum,
        "voice_engine": engine_version(p.voice),
        "speed_wpm": int(p.voice.speed) if p.voice.engine == "espeak-ng" else None,
        "speed_factor": float(p.voice.speed) if p.voice.engine == "hibari-tts" else None,
        "timing_profile": p.timing,
        "timing": asdict(TIMINGS[p.timing]),
        "measured_wpm": round(60 * words / span, 1),
        "features": list(a.features),
        "traps": traps,
        "build_key": build_key(p),
    }
    ordered = {}
    for k, v in info.items():
        ordered[k] = v
        if k == "speed_wpm":
            ordered.update({x: extra.pop(x) for x in list(extra)
                            if x not in ("traps", "build_key", "features")})
    ordered.update(extra)
    return ordered


def is_fresh(p: Planned, out_dir: Path) -> bool:
    j, f = out_dir / f"{p.answer.name}.json", out_dir / f"{p.answer.name}.flac"
    if not (j.exists() and f.exists()):
        return False
    try:
        return json.loads(j.read_text(encoding="utf-8")).get("build_key") == build_key(p)
    except ValueError:
        return False


def ensure(out_dir: Path = OUT, names: list[str] | None = None, force: bool = False,
           log=None) -> list[Path]:
    """Make every missing or stale answer; return the JSON paths of the answers asked for."""
    paths = []
    for p in plan():
        if names and p.answer.name not in names:
            continue
        path = out_dir / f"{p.answer.name}.json"
        if force or not is_fresh(p, out_dir):
            out_dir.mkdir(parents=True, exist_ok=True)
            info = build_answer(p, out_dir)
            path.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")
            if log:
                log(f"{p.answer.name}: {info['duration_s']:.1f} s, {p.half}, {p.voice.label}, "
                    f"{p.timing}, {len(info['fillers'])} fillers, {len(info['traps'])} traps")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write into")
    parser.add_argument("--only", action="append", metavar="NAME", help="only this answer")
    parser.add_argument("--force", action="store_true", help="make again even when up to date")
    parser.add_argument("--list", action="store_true", help="list the answers and stop")
    args = parser.parse_args(argv)
    planned = plan()
    known = {p.answer.name for p in planned}
    for name in args.only or ():
        if name not in known:
            print(f"error: no corpus answer {name!r}", file=sys.stderr)
            return 2
    if args.list:
        for p in planned:
            print(f"{p.answer.name:32} {p.half:5} {p.stratum:30} {p.voice.label:16} "
                  f"{p.voice.speed:<5} {p.timing}")
        return 0
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(f"error: {tool} not found; install it (apt-get install {tool})", file=sys.stderr)
            return 2
    paths = ensure(args.out, args.only, args.force, log=print)
    print(f"{len(paths)} answers in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
