"""Whisper models side by side: what a larger model buys over tiny.en, and what it costs.

For each model given (default: tiny.en and, when ``models/base`` or the user's models folder
holds it, base), with starcoach's own decoding (the filler prompt, the checks, the recovery):

- on the **check half** of the development corpus (samples/corpus.py; the half never tuned on):
  words kept, filled pauses and lexical fillers (recall / precision), STAR time with the right
  label on answers that never name their parts and on all, red flags caught, false flags on
  clean answers;
- on the **real recordings** (tests/data/real-speech): words kept and filled pauses;
- the cost, on the nine bundled samples, each transcribed in a fresh process
  (``benchmarks/transcribe.py --one``): seconds of transcription per minute of audio with the
  model loaded (wall clock and CPU), the model's load time and the process's peak memory.

The scoring is ``accuracy.py --corpus check --real``'s (corpus_scores.py); transcripts are
cached in ``benchmarks/.cache`` per model, so a second run only times. Run it on an idle
machine: the cost columns are wall-clock figures.

Usage:
    python benchmarks/models.py                          # tiny.en, and base when present
    python benchmarks/models.py --model tiny.en --model ~/whisper/small --speed-only
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

import accuracy as acc
import corpus_scores as cs

HERE = Path(__file__).resolve().parent
REAL = acc.ROOT / "tests" / "data" / "real-speech"


def default_models() -> list[str]:
    from starcoach.errors import ModelError
    from starcoach.transcribe.whisper import resolve_model

    found = ["tiny.en"]
    try:
        resolve_model("base")
        found.append("base")
    except ModelError:
        pass
    return found


def accuracy_figures(model: str, corpus_dir: Path) -> dict:
    sys.path.insert(0, str(cs.CORPUS_SOURCE))
    import corpus

    names = [p.answer.name for p in corpus.plan() if p.half == "check"]
    paths = corpus.ensure(corpus_dir, names, log=cs.log)
    rows = []
    for k, path in enumerate(paths, 1):
        cs.log(f"{model}: [{k}/{len(paths)}] {path.stem}")
        rows.append(cs.score_answer(path, model, None, False))
    real = [cs.score_real(p, model, None) for p in cs.real_clips(REAL)]
    return {"check": cs.summary(rows), "real": cs.real_summary(real)}


def cost_figures(model: str) -> dict:
    rows = []
    for path in sorted(acc.SAMPLES.glob("*.flac")):
        cmd = [sys.executable, str(HERE / "transcribe.py"), "--one", str(path),
               "--model", model]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        cs.log(f"{model}: {path.name} {rows[-1]['run_s']:.1f} s")
    minutes = sum(r["audio_s"] for r in rows) / 60
    return {
        "audio_min": minutes,
        "s_per_min": sum(r["run_s"] for r in rows) / minutes,
        "cpu_s_per_min": sum(r["cpu_s"] for r in rows) / minutes,
        "load_s": statistics.median(r["load_s"] for r in rows),
        "peak_mb": max(r["peak_mb"] for r in rows),
    }


def model_size_mb(model: str) -> float:
    from starcoach.transcribe.whisper import resolve_model

    path, _ = resolve_model(model)
    return (Path(path) / "model.bin").stat().st_size / 1e6


def table(results: dict[str, dict]) -> str:
    pct = cs.pct
    lines = [
        "| model | model.bin MB | words kept, check / real | filled pauses R / P, check "
        "| filled pauses R / P, real | lexical fillers R / P, check | STAR time right, implicit "
        "/ all | red flags caught, false on clean | s per audio min (CPU s) | load s | peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for model, r in results.items():
        c, real, cost = r.get("check"), r.get("real"), r.get("cost")
        cells = [model, f"{r['size_mb']:.0f}"]
        if c is not None and real is not None:
            cells += [
                f"{pct(c['words_sc'])} / {pct(real['words_sc'])}",
                f"{pct(c['fp_recall'])} / {pct(c['fp_precision'])} ({c['fp'][0]})",
                f"{pct(real['fp_recall'])} / {pct(real['fp_precision'])} ({real['fp'][0]})",
                f"{pct(c['lex_recall'])} / {pct(c['lex_precision'])} ({c['lex'][0]})",
                f"{pct(c['star_implicit'])} / {pct(c['star_all'])}",
                f"{c['flags'][1]}/{c['flags'][0]}, {c['false_on_clean']} on {c['n_clean']}",
            ]
        else:
            cells += ["-"] * 6
        if cost is not None:
            cells += [f"{cost['s_per_min']:.1f} ({cost['cpu_s_per_min']:.1f})",
                      f"{cost['load_s']:.1f}", f"{cost['peak_mb']:.0f}"]
        else:
            cells += ["-"] * 3
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", action="append",
                    help="a model name or folder (repeatable; default: tiny.en, base if present)")
    ap.add_argument("--corpus-dir", type=Path, default=acc.SAMPLES / "corpus")
    ap.add_argument("--speed-only", action="store_true", help="only the cost columns")
    ap.add_argument("--accuracy-only", action="store_true", help="only the accuracy columns")
    args = ap.parse_args(argv)
    models = args.model or default_models()
    results: dict[str, dict] = {}
    for model in models:
        r: dict = {"size_mb": model_size_mb(model)}
        if not args.speed_only:
            r.update(accuracy_figures(model, args.corpus_dir))
        if not args.accuracy_only:
            r["cost"] = cost_figures(model)
        results[model] = r
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
