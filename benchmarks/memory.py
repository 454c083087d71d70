"""Peak memory of `starcoach analyze --json` for answers of 2, 10 and 20 minutes.

Each answer is made by repeating samples/clean_star.flac (104 s of speech, 16 kHz mono) to the
length asked for, written as FLAC (what the recorder keeps) into a temporary folder. Each is
analyzed by the installed command in a fresh child process; its peak resident set size is the
kernel's ``ru_maxrss`` for that child (``os.wait4``: the same figure as
``getrusage(RUSAGE_CHILDREN)`` after a single child), so the model, the decode, the
transcription and the analysis all count. Prints a Markdown table: minutes, audio s, wall s,
peak MB (MiB), and the exit status.

Usage:
    python benchmarks/memory.py [--minutes 2 10 20] [--format flac|wav] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "samples" / "clean_star.flac"


def make_answer(minutes: float, out: Path) -> Path:
    """``minutes`` of speech: the sample repeated, then cut to the length."""
    from starcoach.audio.decode import encode_pcm16, load_audio
    from starcoach.types import SAMPLE_RATE

    one = load_audio(SOURCE)
    n = int(minutes * 60 * SAMPLE_RATE)
    reps = -(-n // len(one))
    pcm = np.clip(np.round(np.tile(one, reps)[:n] * 32768.0), -32768, 32767).astype("<i2")
    fmt = out.suffix.lstrip(".")
    return encode_pcm16(pcm, out, fmt, "flac" if fmt == "flac" else "pcm_s16le")


def measure(path: Path) -> tuple[float, float, int]:
    """(wall s, peak RSS in MiB, exit status) of one `starcoach analyze PATH --json`."""
    cmd = [sys.executable, "-m", "starcoach", "analyze", str(path), "--json"]
    start = time.monotonic()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    assert child.stderr is not None
    err = child.stderr.read().decode(errors="replace").strip()
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"{path.name}: exit {code}: {err.splitlines()[-1] if err else ''}", file=sys.stderr)
    return wall, usage.ru_maxrss / 1024, code  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[2, 10, 20])
    parser.add_argument("--format", choices=["flac", "wav"], default="flac")
    parser.add_argument("--keep", type=Path, help="write the answers here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"| minutes | audio s | wall s | peak MB | exit |  ({args.format}, "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")
        print("|---:|---:|---:|---:|---:|")
        for minutes in args.minutes:
            path = folder / f"answer-{minutes:g}min.{args.format}"
            if not path.exists():
                make_answer(minutes, path)
            wall, peak, code = measure(path)
            print(f"| {minutes:g} | {minutes * 60:.0f} | {wall:.0f} | {peak:.0f} | {code} |",
                  flush=True)


if __name__ == "__main__":
    main()
