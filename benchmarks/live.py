"""The wait from the end of a take to the full report, with the live transcription.

Plays answers into a PulseAudio null sink (run it under ``scripts/with-virtual-mic``), runs
``starcoach practice`` without a terminal (``--stop-after-silence 4``), and prints per answer:
the wait from the end of the take to "Saved as session" (the report is printed just before),
the live worker's real-time factor (decode time / audio), input overflows, the CPU the
practice process used (CPU s / wall s of the run), and ``starcoach analyze`` of the same file
(the batch path, model load included, as the wait used to be), run right after the live runs
so that both see the same load on the machine; the last column is their ratio.

The end of the take is the moment the first audio reached the file plus the take's length.

Usage:
    scripts/with-virtual-mic .venv/bin/python benchmarks/live.py [--runs N] [--only 30s,2min,5min]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ANSWERS = {
    "30s": ["thin_answer"],
    "2min": ["back_to_action", "quick_fillers"],
    "5min": ["clean_star", "implicit_star", "back_to_action", "thin_answer"],
}


def build(name: str, parts: list[str], folder: Path) -> Path:
    """The answer: the samples one after another, 0.5 s of silence between them."""
    out = folder / f"{name}.wav"
    args: list[str] = []
    for i, p in enumerate(parts):
        if i:
            gap = folder / "gap.wav"
            subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(gap),
                            "trim", "0", "0.5"], check=True)
            args.append(str(gap))
        args.append(str(SAMPLES / f"{p}.flac"))
    subprocess.run(["sox", *args, "-b", "16", str(out)], check=True)
    return out


def one_run(clip: Path, home: Path, sink: str) -> dict:
    env = {**os.environ, "STARCOACH_HOME": str(home), "PULSE_SOURCE": f"{sink}.monitor"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t_start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "starcoach", "practice", "--device", "pulse",
                             "--question", "failure-time-you-failed", "--stop-after-silence",
                             "4", "--max-seconds", "400"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    saved_at: list[float] = []
    lines: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if line.startswith("Saved as session"):
                saved_at.append(time.monotonic())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    part = None
    while part is None:
        found = list((home / "recordings").rglob("*.part.wav")) if home.exists() else []
        part = next((p for p in found if p.stat().st_size > 44 + 1600), None)
        time.sleep(0.005)
    first_audio = time.monotonic()
    player = subprocess.Popen(["paplay", f"--device={sink}", str(clip)])
    proc.wait(900)
    player.kill()
    reader.join(10)
    wall = time.monotonic() - t_start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    text = "".join(lines)
    m = re.search(r"Recorded ([\d.]+) s to (\S+\.flac)", text)
    if proc.returncode != 0 or not m or not saved_at:
        raise SystemExit(f"practice failed:\n{text}")
    take_s, take = float(m.group(1)), Path(m.group(2))
    over = re.search(r"overflowed (once|\d+ times)", text)
    import json
    import sqlite3

    db = next(home.rglob("sessions.db"))
    with sqlite3.connect(db) as con:
        (settings,) = con.execute("SELECT transcript_json FROM sessions ORDER BY created_at "
                                  "DESC LIMIT 1").fetchone()
    live = json.loads(settings)["settings"]["live"]
    return {"take_s": take_s, "wait_s": saved_at[0] - (first_audio + take_s),
            "rtf": live["rtf"], "overflows": 0 if not over else over.group(1),
            "cpu": cpu / wall, "take": take}


def batch_s(path: Path, home: Path) -> float:
    env = {**os.environ, "STARCOACH_HOME": str(home)}
    t0 = time.monotonic()
    subprocess.run([sys.executable, "-m", "starcoach", "analyze", str(path)], env=env,
                   check=True, capture_output=True)
    return time.monotonic() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5, help="runs of the 2-minute answer")
    ap.add_argument("--only", default="30s,2min,5min")
    args = ap.parse_args()
    r = subprocess.run(["pactl", "load-module", "module-null-sink",
                        f"sink_name=starcoach_bench_{os.getpid()}", "rate=16000", "channels=1"],
                       capture_output=True, text=True, check=True)
    sink, module = f"starcoach_bench_{os.getpid()}", r.stdout.strip()
    print("| answer | take s | runs | wait s (median, min-max) | live RTF | overflows | CPU "
          "| batch analyze s | wait / batch |")
    print("|---|---|---|---|---|---|---|---|---|")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for name in args.only.split(","):
                clip = build(name, ANSWERS[name], folder)
                runs = [one_run(clip, folder / f"home-{name}-{i}", sink)
                        for i in range(args.runs if name == "2min" else 1)]
                waits = [x["wait_s"] for x in runs]
                batch = batch_s(runs[0]["take"], folder / "home-batch")
                print(f"| {name} | {runs[0]['take_s']:.1f} | {len(runs)} | "
                      f"{statistics.median(waits):.2f} ({min(waits):.2f}-{max(waits):.2f}) | "
                      f"{statistics.median(x['rtf'] for x in runs):.3f} | "
                      f"{', '.join(str(x['overflows']) for x in runs)} | "
                      f"{statistics.median(x['cpu'] for x in runs):.0%} | {batch:.1f} | "
                      f"{statistics.median(waits) / batch:.2f} |",
                      flush=True)
    finally:
        subprocess.run(["pactl", "unload-module", module], capture_output=True)


if __name__ == "__main__":
    main()
