"""Transcription speed, memory and fillers on the bundled samples and the real speech clips.

For every ``samples/*.flac`` and every clip in ``tests/data/real-speech/``, run
``starcoach.transcribe.whisper.transcribe`` in a fresh process, so that the peak memory is that
of one transcription (model included) and the model load is timed apart. Prints a Markdown table:

- audio s, transcription s (wall clock, model already loaded), real-time factor (transcription
  s / audio s), CPU s (process time over all threads: steadier than the wall clock on a busy
  machine);
- load s: the model load in that process; peak MB: the process's peak resident memory;
- um/uh: filled pauses in the transcript / in the reference (the real clips' verbatim .txt,
  the samples' .json); restored: how many of those came from voiced gaps; dropped: words
  removed as unspoken (prompt leaks).

``--baseline`` adds a column with faster-whisper's default settings (no prompt, no checks), to
show what the filler strategy changes.

Usage:
    python benchmarks/transcribe.py [--baseline] [--only NAME] [--model NAME_OR_FOLDER]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REAL_SPEECH = ROOT / "tests" / "data" / "real-speech"
FILLED = {"um", "uh"}


def reference_fillers(audio: Path) -> int | None:
    """Filled pauses in the reference beside the recording."""
    txt, js = audio.with_suffix(".txt"), audio.with_suffix(".json")
    if txt.exists():
        return sum(1 for w in re.findall(r"[a-z']+", txt.read_text().lower()) if w in FILLED)
    if js.exists():
        data = json.loads(js.read_text())
        return sum(1 for f in data.get("fillers", []) if f.get("kind") == "filled_pause")
    return None


def measure_one(path: Path, baseline: bool, model: str | None = None) -> dict:
    """Runs in the child process: load, transcribe, report."""
    sys.path.insert(0, str(ROOT / "src"))
    from starcoach.audio import decode as audio
    from starcoach.transcribe import whisper as transcribe
    from starcoach.transcribe.filler_recovery import is_filled_pause

    samples = audio.load_audio(path)
    t0 = time.perf_counter()
    whisper, _ = transcribe.load_model(model)
    load_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    t = transcribe.transcribe(samples, model=model, source=str(path))
    run_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
    found = [w for w in t.words if is_filled_pause(w) or w.recovered]
    row = {
        "name": path.stem,
        "audio_s": t.duration_s,
        "run_s": run_s,
        "cpu_s": cpu_s,
        "load_s": load_s,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "fillers": len(found),
        "restored": sum(1 for w in found if w.recovered),
        "dropped": len(t.settings.get("dropped_words", [])),
        "words": len(t.words),
    }
    if baseline:
        t0 = time.perf_counter()
        segments, _ = whisper.transcribe(samples, language="en", word_timestamps=True)
        words = [w.word.strip(" ,.?!").lower() for s in segments for w in (s.words or [])]
        row["baseline_fillers"] = sum(1 for w in words if w in FILLED)
        row["baseline_s"] = time.perf_counter() - t0
    return row


def clips(only: str | None) -> list[Path]:
    paths = sorted(SAMPLES.glob("*.flac")) + sorted(REAL_SPEECH.glob("*.flac"))
    return [p for p in paths if only is None or p.stem == only]


def table(rows: list[dict], baseline: bool) -> str:
    head = ["clip", "audio s", "transcribe s", "RTF", "CPU s", "load s", "peak MB",
            "um/uh found / ref", "restored", "dropped"]
    if baseline:
        head.append("um/uh, default settings")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        ref = "?" if r["ref"] is None else str(r["ref"])
        cells = [r["name"], f"{r['audio_s']:.1f}", f"{r['run_s']:.1f}",
                 f"{r['run_s'] / r['audio_s']:.2f}", f"{r['cpu_s']:.1f}", f"{r['load_s']:.1f}",
                 f"{r['peak_mb']:.0f}", f"{r['fillers']} / {ref}", str(r["restored"]),
                 str(r["dropped"])]
        if baseline:
            cells.append(str(r.get("baseline_fillers", "")))
        lines.append("| " + " | ".join(cells) + " |")
    audio_s = sum(r["audio_s"] for r in rows)
    run_s = sum(r["run_s"] for r in rows)
    found = sum(r["fillers"] for r in rows)
    ref = sum(r["ref"] or 0 for r in rows)
    total = ["**all**", f"{audio_s:.1f}", f"{run_s:.1f}", f"{run_s / audio_s:.2f}",
             f"{sum(r['cpu_s'] for r in rows):.1f}", "",
             f"{max(r['peak_mb'] for r in rows):.0f}", f"{found} / {ref}",
             str(sum(r["restored"] for r in rows)), str(sum(r["dropped"] for r in rows))]
    if baseline:
        total.append(str(sum(r.get("baseline_fillers", 0) for r in rows)))
    lines.append("| " + " | ".join(total) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="store_true",
                        help="also count fillers with faster-whisper's default settings")
    parser.add_argument("--only", help="one clip by name (file stem)")
    parser.add_argument("--model", help="Whisper model name or folder (default: tiny.en)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # child process: one file, JSON out
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(Path(args.one), args.baseline, args.model)))
        return
    rows = []
    for path in clips(args.only):
        cmd = [sys.executable, __file__, "--one", str(path)]
        if args.baseline:
            cmd.append("--baseline")
        if args.model:
            cmd += ["--model", args.model]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        row["ref"] = reference_fillers(path)
        rows.append(row)
        print(f"{path.name}: {row['run_s']:.1f} s", file=sys.stderr)
    print(table(rows, args.baseline))


if __name__ == "__main__":
    main()
