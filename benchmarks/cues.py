"""The live pace cue's estimate, syllable nuclei in the audio, against the words really said.

For every development-corpus answer, the take is cut into the windows the cue looks at (the
last ``--window`` seconds, every 5 s, as the panel would see them). The words said in each
window come from the corpus timing (each sentence's words spread evenly over its time); the
estimate is ``audio.rate.words_per_minute`` of the window, judged against the loudest speech
of the take so far. Printed per half: the syllable nuclei per word (what
``SYLLABLES_PER_WORD`` is set from, on the tune half), the mean absolute error in words per
minute, and how well "over the band" (``wpm_max``) is told apart: recall and precision of the
cue, its recall on windows said clearly fast (``CLEAR_WPM`` over the band) and how many windows
said clearly calm (as far under it) it fired on. The real clips (``tests/data/real-speech``,
verbatim transcripts, no timing) are compared whole: words per minute of the clip against the
estimate.

Usage:
    python benchmarks/cues.py [--window 15] [--half check|tune|both]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from starcoach.analysis import cues  # noqa: E402
from starcoach.analysis.model import AnalysisOptions  # noqa: E402
from starcoach.audio import decode, rate  # noqa: E402
from starcoach.types import SAMPLE_RATE  # noqa: E402

CORPUS = ROOT / "samples" / "corpus"
REAL = ROOT / "tests" / "data" / "real-speech"
STEP_S = 5.0
CLEAR_WPM = 15.0
"""Clearly fast: this far over the band; clearly calm: this far under it."""


def said_between(sentences: list[dict], a: float, b: float) -> float:
    """Words of the script said between a and b seconds (each sentence's spread evenly)."""
    n = 0.0
    for s in sentences:
        words = len(re.findall(r"[A-Za-z0-9']+", s["text"]))
        lo, hi = s["start"], s["end"]
        if hi <= lo:
            continue
        overlap = max(0.0, min(b, hi) - max(a, lo))
        n += words * overlap / (hi - lo)
    return n


def windows(js: Path, width: float) -> list[tuple[float, float]]:
    """(true wpm, estimated wpm) of each window of one answer, as the panel computes it."""
    data = json.loads(js.read_text())
    samples = decode.load_audio(js.with_suffix(".flac"))
    out = []
    end = data["speech_start"] + width
    while end <= data["speech_end"] + 1e-6:
        est = rate.recent_wpm(samples[: int(end * SAMPLE_RATE)], width)
        true = said_between(data["sentences"], end - width, end) / width * 60.0
        if est is not None:
            out.append((true, est))
        end += STEP_S
    return out


def half_report(half: str, width: float, fast: float) -> None:
    rows = []
    for js in sorted(CORPUS.glob("*.json")):
        if json.loads(js.read_text()).get("half") == half:
            rows += windows(js, width)
    if not rows:
        print(f"{half}: no answers (make corpus first)")
        return
    true = np.array([r[0] for r in rows])
    est = np.array([r[1] for r in rows])
    per_word = rate.SYLLABLES_PER_WORD * est.sum() / true.sum()
    over, said_over = est > fast + cues.PACE_MARGIN_WPM, true > fast
    tp = int((over & said_over).sum())
    recall = tp / said_over.sum() if said_over.sum() else float("nan")
    precision = tp / over.sum() if over.sum() else float("nan")
    # the misses and false alarms that matter: clearly fast unflagged, clearly calm flagged
    clearly = true > fast + CLEAR_WPM
    clear_recall = (over & clearly).sum() / clearly.sum() if clearly.sum() else float("nan")
    calm_flagged = int((over & (true < fast - CLEAR_WPM)).sum())
    print(f"| {half} | {len(rows)} | {per_word:.3f} | {np.abs(est - true).mean():.1f} | "
          f"{np.corrcoef(est, true)[0, 1]:.2f} | {int(said_over.sum())} | "
          f"{100 * recall:.1f} | {100 * precision:.1f} | {int(clearly.sum())} | "
          f"{100 * clear_recall:.1f} | {calm_flagged} |")


def real_report() -> None:
    print("\n| real clip | seconds | words said per min | estimated | error |")
    print("|---|---|---|---|---|")
    for flac in sorted(REAL.glob("*.flac")):
        txt = flac.with_suffix(".txt")
        if not txt.exists():
            continue
        samples = decode.load_audio(flac)
        words = len(re.findall(r"[A-Za-z0-9']+", txt.read_text()))
        seconds = len(samples) / SAMPLE_RATE
        true = words / seconds * 60.0
        est = rate.words_per_minute(samples)
        print(f"| {flac.stem} | {seconds:.1f} | {true:.0f} | {est:.0f} | {est - true:+.0f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=float, default=15.0)
    parser.add_argument("--half", choices=("check", "tune", "both"), default="both")
    args = parser.parse_args(argv)
    fast = AnalysisOptions().wpm_max
    print(f"Windows of {args.window:g} s, every {STEP_S:g} s. Said over the band: more than "
          f"{fast:g} wpm; the cue: an estimate over {fast + cues.PACE_MARGIN_WPM:g}.\n")
    print("| half | windows | nuclei per word | mean abs error wpm | r | windows over the band"
          " | cue recall % | cue precision % | windows clearly fast | their recall % |"
          " cues on clearly calm windows |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for half in (("tune", "check") if args.half == "both" else (args.half,)):
        half_report(half, args.window, fast)
    real_report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
