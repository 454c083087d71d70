"""Measure the delivery verdicts: flat and lively espeak-ng answers, and real speech.

Every answer of the development corpus (samples/corpus.py) is said twice by espeak-ng, once
with SSML ``<prosody range="x-low">`` (flat: the measured pitch SD is about 0.4 semitones) and
once with ``range="x-high"`` (lively: about 3), in the answer's own espeak voice (en-us for the
answers the corpus gives a neural voice). Tune the thresholds of
``starcoach.analysis.delivery`` on the tune half; report the check half. Then every real clip in
tests/data/real-speech/ is measured: none of them is monotone (each is a person speaking with
ordinary intonation), so none may be called so.

Usage:
    python benchmarks/delivery.py                 # both halves and the real clips
    python benchmarks/delivery.py --half check    # one half
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "samples"))
sys.path.insert(0, str(ROOT / "src"))

from corpus import plan  # noqa: E402
from make_samples import verbatim  # noqa: E402

from starcoach.analysis.delivery import measure  # noqa: E402
from starcoach.audio.decode import load_audio  # noqa: E402
from starcoach.audio.pitch import track  # noqa: E402

REAL = ROOT / "tests" / "data" / "real-speech"
RANGES = {"flat": "x-low", "lively": "x-high"}


def say(text: str, voice: str, speed: int, prosody_range: str, out: Path) -> np.ndarray:
    raw = out.with_suffix(".raw.wav")
    ssml = f'<speak><prosody range="{prosody_range}">{text}</prosody></speak>'
    subprocess.run(["espeak-ng", "-m", "-v", voice, "-s", str(speed), "-w", str(raw), ssml],
                   check=True)
    subprocess.run(["sox", "-V1", str(raw), "-r", "16000", "-c", "1", str(out)], check=True)
    return load_audio(out)


def judge(samples: np.ndarray) -> tuple[float | None, bool | None, float]:
    """(variation in semitones, monotone verdict, seconds taken) of a whole clip."""
    t = time.perf_counter()
    d = measure(track(samples), [], [], 0.0, len(samples) / 16000)
    took = time.perf_counter() - t
    if d is None:
        return None, None, took
    return d.answer.variation_st, d.answer.monotone, took


def corpus_half(half: str, work: Path) -> list[str]:
    rows, right, total, sds = [], 0, 0, {"flat": [], "lively": []}
    for p in plan():
        if p.half != half:
            continue
        text = " ".join(verbatim(line) for _, lines in p.answer.sections for line in lines)
        text = re.sub(r"[<>&]", " ", text)
        voice = p.voice.name if p.voice.engine == "espeak-ng" else "en-us"
        speed = int(p.voice.speed) if p.voice.engine == "espeak-ng" else 150
        for kind, rng in RANGES.items():
            sd, mono, _ = judge(say(text, voice, speed, rng, work / f"{p.answer.name}.{kind}.wav"))
            ok = mono is (kind == "flat")
            right += ok
            total += 1
            if sd is not None:
                sds[kind].append(sd)
            if not ok:
                rows.append(f"| {p.answer.name} | {voice} | {kind} | {sd} | {mono} |")
    lines = [f"## Corpus, {half} half: {right}/{total} verdicts right",
             "",
             f"- flat: SD median {np.median(sds['flat']):.2f} st, "
             f"max {np.max(sds['flat']):.2f} st ({len(sds['flat'])} answers)",
             f"- lively: SD median {np.median(sds['lively']):.2f} st, "
             f"min {np.min(sds['lively']):.2f} st ({len(sds['lively'])} answers)", ""]
    if rows:
        lines += ["| answer | voice | said | SD st | monotone |", "|---|---|---|---|---|",
                  *rows, ""]
    return lines


def real_clips() -> list[str]:
    lines = ["## Real speech (tests/data/real-speech/)", "",
             "| clip | seconds | variation (median 5 s SD, st) | monotone |", "|---|---|---|---|"]
    for path in sorted(REAL.glob("*.flac")):
        x = load_audio(path)
        sd, mono, _ = judge(x)
        shown = "no verdict" if sd is None else f"{sd:.2f}"
        lines.append(f"| {path.stem} | {len(x) / 16000:.1f} | {shown} | {mono} |")
    return lines + [""]


def sentence_ends() -> list[str]:
    """Sentence ends flagged in the bundled samples, said plainly by espeak-ng with the script's
    own sentence times: a plain ending should be neither falling away nor rising."""
    from starcoach.analysis.delivery import fading_ends, rising_ends, semitones
    from starcoach.types import Word

    lines = ["## Sentence ends in the bundled samples (plain espeak-ng endings)", "",
             "| sample | sentences | fall away | end on a rise |", "|---|---|---|---|"]
    for path in sorted((ROOT / "samples").glob("*.json")):
        if not path.with_suffix(".flac").exists():
            continue
        sample = json.loads(path.read_text())
        words: list[Word] = []
        for s in sample["sentences"]:
            tokens = s["text"].split()
            step = (s["end"] - s["start"]) / len(tokens)
            words += [Word(t, s["start"] + k * step, s["start"] + (k + 1) * step)
                      for k, t in enumerate(tokens)]
        tr = track(load_audio(path.with_suffix(".flac")))
        fade, rise = fading_ends(tr, words), rising_ends(tr, semitones(tr), words)
        lines.append(f"| {path.stem} | {len(sample['sentences'])} | {len(fade)} | {len(rise)} |")
    return lines + [""]


def timing() -> list[str]:
    x = load_audio(ROOT / "samples" / "clean_star.flac")
    track(x[:16000])  # first-call costs (page faults, FFT plans) out of the figure
    best = min(judge(x)[2] for _ in range(3))
    return [f"## Time on samples/clean_star.flac ({len(x) / 16000:.0f} s)", "",
            f"- pitch track and verdicts: {best:.2f} s (best of 3, this machine)", ""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "check", "both"), default="both")
    args = ap.parse_args()
    halves = ("tune", "check") if args.half == "both" else (args.half,)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for half in halves:
            out += corpus_half(half, Path(tmp))
    out += real_clips() + sentence_ends() + timing()
    print("\n".join(out))


if __name__ == "__main__":
    main()
