"""How well the analyzer labels the bundled spoken answers.

For every ``samples/<name>.json`` with its recording beside it, transcribe the recording with
the real pipeline (Whisper, as ``starcoach analyze`` does), analyze it, and compare with what
the JSON says is in it:

- STAR: the share of the answer's time (first word to last) given the right section label;
- fillers: recall and precision, a found filler matching a listed one with the same text
  whose start is within 0.5 s;
- red flags: seeded flags caught (same category, quoting words inside the seeded sentence) and
  false flags (any other flag);
- strengths: expected strengths found.

Transcripts are cached in ``benchmarks/.cache`` (keyed by the recording, the model and the
transcriber's code), so a rerun after a change to the rules takes seconds. ``--script``
skips Whisper and uses the script's own words with times spread over each sentence, which
separates rule errors from recognition errors (fillers then match within 1.5 s, as those times
are only rough).

``--corpus tune|check|all`` measures the development corpus instead (samples/corpus.py, made
on demand), and ``--real`` the recordings of real people with verbatim references; both print
tables per question category, parts named or not, and voice, and compare starcoach's transcript
with faster-whisper's default decoding of the same file (see corpus_scores.py).

Usage:
    python benchmarks/accuracy.py                 # all samples, real transcription
    python benchmarks/accuracy.py --script        # the scripts' words, no model
    python benchmarks/accuracy.py --only implicit_star --verbose
    python benchmarks/accuracy.py --corpus check  # the corpus half that is reported
    python benchmarks/accuracy.py --corpus tune   # the half to tune rules on
    python benchmarks/accuracy.py --real          # tests/data/real-speech (or --real-dir DIR)
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from starcoach.types import Transcript, Word  # noqa: E402

SAMPLES = ROOT / "samples"
CACHE = Path(__file__).resolve().parent / ".cache"
AUDIO_EXTS = (".flac", ".wav", ".mp3", ".ogg")
FILLER_TOLERANCE_S = 0.5
SCRIPT_FILLER_TOLERANCE_S = 1.5
QUOTE_TOLERANCE_S = 0.5
STEP_S = 0.01


@dataclass
class Score:
    name: str
    implicit: bool
    star: float
    fillers_found: int | None = None
    fillers_true: int = 0
    fillers_expected: int = 0
    flags_caught: int = 0
    flags_seeded: int = 0
    false_flags: list[str] = field(default_factory=list)
    missed_flags: list[str] = field(default_factory=list)
    false_fillers: list[str] = field(default_factory=list)
    missed_fillers: list[str] = field(default_factory=list)
    strengths_found: int = 0
    strengths_expected: int = 0
    missed_strengths: list[str] = field(default_factory=list)


def script_transcript(sample: dict[str, Any]) -> Transcript:
    """The script's words, each sentence's time spread evenly over its words."""
    words: list[Word] = []
    for s in sample["sentences"]:
        tokens = s["text"].split()
        step = (s["end"] - s["start"]) / len(tokens)
        for k, tok in enumerate(tokens):
            words.append(Word(tok, s["start"] + k * step, s["start"] + (k + 1) * step))
    return Transcript(words=tuple(words), duration_s=sample["duration_s"], model="script")


@functools.cache
def transcriber_hash() -> str:
    """A digest of the transcriber's code, wherever in src/ it lives, taken once per run: the
    code imported is the code of the run's start, even if the files change during it.

    Covers src/starcoach/transcribe*.py and transcribe/**, filler_recovery.py and audio*.py /
    audio*/**, by content only (sorted), so moving a file without changing it keeps the cache.
    """
    src = ROOT / "src" / "starcoach"
    files = {*src.glob("transcribe*.py"), *src.glob("transcribe/**/*.py"),
             *src.glob("filler_recovery.py"), *src.glob("**/filler_recovery.py"),
             *src.glob("audio*.py"), *src.glob("audio*/**/*.py")}
    digests = sorted(hashlib.sha1(f.read_bytes()).hexdigest() for f in files if f.is_file())
    return hashlib.sha1("".join(digests).encode()).hexdigest()


def real_transcript(audio: Path, model: str | None) -> Transcript:
    """The pipeline's transcript of a recording, from the cache when the recording is unchanged."""
    # Keyed by the recording's bytes, the model and the transcriber's code: a regenerated sample
    # or a change to transcription is transcribed again, a change to the rules is not.
    h = hashlib.sha1(audio.read_bytes())
    h.update(f"|{model}|".encode())
    h.update(transcriber_hash().encode())
    key = h.hexdigest()
    cached = CACHE / f"{audio.stem}-{key[:12]}.json"
    if cached.exists():
        return Transcript.from_dict(json.loads(cached.read_text()))
    from starcoach.pipeline import transcribe_file

    print(f"transcribing {audio.name} ...", file=sys.stderr)
    transcript, _ = transcribe_file(audio, model=model)
    CACHE.mkdir(exist_ok=True)
    cached.write_text(json.dumps(transcript.to_dict()))
    return transcript


def load_samples(audio: Path):  # -> np.ndarray
    """16 kHz mono float32, decoded by the app's own decoder."""
    from starcoach.audio.decode import load_audio

    return load_audio(audio)


def analyze(transcript: Transcript, audio: Path | None,
            question_id: str | None = None) -> dict[str, Any]:
    """Sections, fillers, red flags and strengths from the full analyzer."""
    from starcoach.pipeline import analyze_transcript

    samples = None
    if audio is not None and transcript.model != "script":
        samples = load_samples(audio)
    a = analyze_transcript(transcript, samples=samples, question_id=question_id)
    return {"sections": [(s.label, s.first_word, s.last_word) for s in a.sections],
            "times": [(s.label, s.start, s.end) for s in a.sections],
            "fillers": [(f.text, f.start) for f in a.fillers],
            "filler_objs": list(a.fillers), "words": a.words,
            "red_flags": list(a.red_flags), "strengths": list(a.strengths)}


def star_share(sample: dict[str, Any], words: tuple[Word, ...],
               sections: list[tuple[str, int, int]],
               times: list[tuple[str, float, float]] | None = None) -> float:
    """Share of the answer's time (first to last word of the script) labeled right.

    ``times`` are the analyzer's own section times when it gives them. Otherwise each found
    section runs from its first word's start to the next section's first word, so the
    silences between words belong to a section as they do in the script.
    """
    if not words or not sections:
        return 0.0
    gold = [(s["label"], s["start"], s["end"]) for s in sample["sections"]]
    found = []
    for k, (label, first, _last) in enumerate(sections):
        start = words[first].start if k else -float("inf")
        end = words[sections[k + 1][1]].start if k + 1 < len(sections) else float("inf")
        found.append((label, start, end))
    if times:  # the analyzer's times, open at both ends of the answer
        found = [(lab, -float("inf") if k == 0 else s, float("inf") if k == len(times) - 1 else e)
                 for k, (lab, s, e) in enumerate(times)]
    t, right, total = sample["speech_start"], 0, 0
    while t < sample["speech_end"]:
        want = next((lab for lab, s, e in gold if s <= t < e), None)
        got = next((lab for lab, s, e in found if s <= t < e), None)
        if want is not None:
            total += 1
            right += want == got
        t += STEP_S
    return right / total if total else 0.0


def match_findings(expected: list[dict[str, Any]], found: list[Any]) -> tuple[list, list]:
    """(missed expected, unmatched found): same category; timed ones must fall in the sentence."""
    left = list(found)
    missed = []
    for e in expected:
        hit = None
        for f in left:
            if f.category != e["category"]:
                continue
            if e.get("start") is None or f.start is None or (
                e["start"] - QUOTE_TOLERANCE_S <= f.start <= e["end"] + QUOTE_TOLERANCE_S
            ):
                hit = f
                break
        if hit is None:
            missed.append(e)
        else:
            left.remove(hit)
    return missed, left


def score(path: Path, use_script: bool, model: str | None, verbose: bool) -> Score | None:
    sample = json.loads(path.read_text())
    audio = next((path.with_suffix(x) for x in AUDIO_EXTS if path.with_suffix(x).exists()), None)
    if audio is None and not use_script:
        print(f"skip {path.name}: no recording beside it", file=sys.stderr)
        return None
    transcript = script_transcript(sample) if use_script else real_transcript(audio, model)
    result = analyze(transcript, audio)
    words = transcript.words
    sc = Score(path.stem, not sample.get("says_section_names", False),
               star_share(sample, words, result["sections"], result["times"]))
    if result["fillers"] is not None:
        expected = [(f["text"].lower(), f["start"]) for f in sample.get("fillers", [])]
        found = result["fillers"]
        sc.fillers_found, sc.fillers_expected = len(found), len(expected)
        # Script words get times spread evenly over their sentence, so only roughly right.
        tolerance = SCRIPT_FILLER_TOLERANCE_S if use_script else FILLER_TOLERANCE_S
        unused = list(expected)
        for text, start in found:
            m = next((e for e in unused if e[0] == text.lower()
                      and abs(e[1] - start) <= tolerance), None)
            if m:
                unused.remove(m)
                sc.fillers_true += 1
            else:
                sc.false_fillers.append(f"{text} @ {start:.2f}")
        sc.missed_fillers = [f"{t} @ {s:.2f}" for t, s in unused]
    missed, extra = match_findings(sample.get("red_flags", []), result["red_flags"])
    sc.flags_seeded = len(sample.get("red_flags", []))
    sc.flags_caught = sc.flags_seeded - len(missed)
    sc.missed_flags = [f"{m['category']}: {m['quote']}" for m in missed]
    sc.false_flags = [f"{f.category}: {f.quote}" for f in extra]
    missed_s, _ = match_findings(sample.get("strengths", []), result["strengths"])
    sc.strengths_expected = len(sample.get("strengths", []))
    sc.strengths_found = sc.strengths_expected - len(missed_s)
    sc.missed_strengths = [f"{m['category']}: {m['quote']}" for m in missed_s]
    if verbose:
        print_findings(result, words, sample)
        for f in result["strengths"]:
            print(f"  strength {f.category}: {f.quote!r} @ {f.start}")
    return sc


def print_findings(result: dict[str, Any], words: Any, sample: dict[str, Any]) -> None:
    """The sections found (with their words) beside the answer key's, and the red flags."""
    for label, first, last in result["sections"]:
        text = " ".join(w.text for w in words[first:last + 1])
        print(f"  [{label:9} {words[first].start:6.2f}-{words[last].end:6.2f}] {text}")
    print("  gold:", [(s["label"], s["start"], s["end"]) for s in sample["sections"]])
    for f in result["red_flags"]:
        print(f"  flag {f.category}: {f.quote!r} @ {f.start}")


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def report(scores: list[Score]) -> bool:
    """Print the table and the targets; True when every target is met."""
    print("| sample | names parts | STAR time right | filler P | filler R | red flags caught "
          "| false flags | strengths |")
    print("|---|---|---|---|---|---|---|---|")
    for s in scores:
        p = s.fillers_true / s.fillers_found if s.fillers_found else None
        r = s.fillers_true / s.fillers_expected if s.fillers_expected else None
        if s.fillers_found is None:
            p = r = None
        elif not s.fillers_found and not s.fillers_expected:
            p = r = 1.0
        print(f"| {s.name} | {'no' if s.implicit else 'yes'} | {pct(s.star)} | {pct(p)} | "
              f"{pct(r)} | {s.flags_caught}/{s.flags_seeded} | {len(s.false_flags)} | "
              f"{s.strengths_found}/{s.strengths_expected} |")
    implicit = [s.star for s in scores if s.implicit]
    imp = sum(implicit) / len(implicit) if implicit else None
    timed = [s for s in scores if s.fillers_found is not None]
    tp = sum(s.fillers_true for s in timed)
    fp_n, fr_n = sum(s.fillers_found or 0 for s in timed), sum(s.fillers_expected for s in timed)
    fp = tp / fp_n if timed and fp_n else (None if not timed else 1.0)
    fr = tp / fr_n if timed and fr_n else (None if not timed else 1.0)
    caught = sum(s.flags_caught for s in scores)
    seeded = sum(s.flags_seeded for s in scores)
    clean_false = sum(len(s.false_flags) for s in scores if not s.flags_seeded)
    print()
    overall = sum(s.star for s in scores) / len(scores)
    print(f"- STAR time labeled right, answers that never name the parts: {pct(imp)} "
          "(target >= 90%)")
    print(f"- STAR time labeled right, all answers: {pct(overall)}")
    print(f"- fillers: precision {pct(fp)}, recall {pct(fr)} (target >= 95% each)")
    print(f"- red flags caught: {caught}/{seeded} (target: all); "
          f"flags on clean answers: {clean_false} (target: none)")
    for s in scores:
        for m in s.missed_flags:
            print(f"  - {s.name}: missed {m}")
        for f in s.false_flags:
            print(f"  - {s.name}: false flag {f}")
        for m in s.missed_fillers:
            print(f"  - {s.name}: filler missed {m}")
        for f in s.false_fillers:
            print(f"  - {s.name}: filler false {f}")
        for m in s.missed_strengths:
            print(f"  - {s.name}: strength not found {m}")
    ok = (imp is None or imp >= 0.9) and caught == seeded and clean_false == 0
    if fp is not None and fr is not None:
        ok = ok and fp >= 0.95 and fr >= 0.95
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--script", action="store_true", help="use the scripts' words, not Whisper")
    ap.add_argument("--model", default=None, help="Whisper model (default: the app's default)")
    ap.add_argument("--only", action="append", help="only this sample (repeatable)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print sections and findings")
    ap.add_argument("--corpus", choices=("tune", "check", "all"),
                    help="measure the development corpus (this half) instead of samples/")
    ap.add_argument("--corpus-dir", type=Path, default=SAMPLES / "corpus",
                    help="where the corpus audio is made and kept (samples/corpus)")
    ap.add_argument("--real", action="store_true",
                    help="measure the real recordings with verbatim references")
    ap.add_argument("--real-dir", type=Path, default=ROOT / "tests" / "data" / "real-speech",
                    help="folder of .flac files with a verbatim .txt beside each "
                    "(tests/data/real-speech; ../shared/real-speech when that is absent)")
    ap.add_argument("--no-default", action="store_true",
                    help="skip faster-whisper's default decoding (words kept comparison)")
    args = ap.parse_args(argv)
    if args.corpus or args.real:
        import corpus_scores

        return corpus_scores.main(args)
    paths = sorted(SAMPLES.glob("*.json"))
    if args.only:
        paths = [p for p in paths if p.stem in args.only]
    scores = []
    for p in paths:
        if args.verbose:
            print(p.stem)
        s = score(p, args.script, args.model, args.verbose)
        if s is not None:
            scores.append(s)
    if not scores:
        print("error: no labeled samples found in samples/ (run `make samples`)", file=sys.stderr)
        return 2
    return 0 if report(scores) else 1


if __name__ == "__main__":
    sys.exit(main())
