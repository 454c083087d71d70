"""Long recordings, whole-file decoding against the piece engine: which should ``analyze`` use?

A long file is what a mock interview recorded in one go looks like: several answers with the
silence of the next question between them. This script builds such files from the development
corpus (answers of the check half, in corpus order, 6 s of silence between them), and for
each file runs, each in a child process (so that peak memory is its own):

- ``whole``: ``whisper.transcribe`` on the whole file, as ``analyze`` does for a short one;
- ``pieces``: ``transcribe_pieces`` below, the engine of a take followed live: pieces cut at
  pauses, each decoded in a full 30 s window with the text before it as its prompt.

Printed per file and engine: audio length, wall time, real-time factor, peak memory, the
share of the scripts' words kept in order (benchmarks/words.py), filled pauses found against
those seeded, stretches reported unclear, and the longest phrase said twice that the scripts
never repeat (a decoding loop). The bundled samples are run too (``--samples``): there the
two engines should agree.

Usage:
    python benchmarks/long_files.py [--answers 3,6,12] [--samples] [--out FILE.md]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import words as compare  # noqa: E402

CORPUS = ROOT / "samples" / "corpus"
GAP_S = 6.0
ENGINES = ("whole", "pieces")


def transcribe_pieces(samples, source: str | None = None):
    """A whole recording through the piece engine: the same pieces, windows and safeguards as
    a take followed live, with every core (nothing records beside it)."""
    from starcoach.transcribe.live import LiveOptions, LiveTranscriber
    from starcoach.transcribe.whisper import cpu_threads

    live = LiveTranscriber(None, LiveOptions(threads=cpu_threads()), source=source)
    live.feed(samples)
    return live.result()


def check_answers() -> list[Path]:
    out = []
    for js in sorted(CORPUS.glob("*.json")):
        data = json.loads(js.read_text())
        if data.get("half") == "check" and js.with_suffix(".flac").exists():
            out.append(js)
    return out


def build(n: int, folder: Path, offset: int) -> tuple[Path, str, int]:
    """``n`` check-half answers from ``offset`` on, joined by GAP_S of silence: the file, the
    scripts' text, the filled pauses seeded in them."""
    import wave

    import numpy as np

    from starcoach.audio import decode

    answers = check_answers()
    chosen = [answers[(offset + i) % len(answers)] for i in range(n)]
    gap = np.zeros(int(GAP_S * 16000), dtype=np.float32)
    parts, texts, seeded = [], [], 0
    for i, js in enumerate(chosen):
        data = json.loads(js.read_text())
        if i:
            parts.append(gap)
        parts.append(decode.load_audio(js.with_suffix(".flac")))
        texts.append(data["text"])
        seeded += sum(1 for f in data.get("fillers", []) if f.get("kind") == "filled_pause")
    out = folder / f"interview-{n}.wav"
    pcm = (np.clip(np.concatenate(parts), -1, 1) * 32767).astype("<i2")
    with wave.open(str(out), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(16000)
        fh.writeframes(pcm.tobytes())
    return out, " ".join(texts), seeded


def child(path: str, engine: str) -> None:
    """Runs in the child: one engine on one file, a JSON line on stdout."""
    from starcoach.audio import decode
    from starcoach.transcribe import whisper
    from starcoach.transcribe.filler_recovery import is_filled_pause

    samples = decode.load_audio(path)
    whisper.load_model(None, whisper.cpu_threads())
    t0, c0 = time.perf_counter(), time.process_time()
    if engine == "whole":
        t = whisper.transcribe(samples, source=path)
    else:
        t = transcribe_pieces(samples, source=path)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({
        "audio_s": t.duration_s, "wall_s": wall, "cpu_s": cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "text": " ".join(w.text for w in t.words),
        "filled": sum(1 for w in t.words if is_filled_pause(w) or w.recovered),
        "unclear": [list(u) for u in t.unclear],
    }))


def run(path: Path, engine: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(path), engine],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def row(name: str, engine: str, r: dict, script: str, seeded: int | None) -> str:
    said, heard = compare.normalize(script), compare.normalize(r["text"])
    kept = 100 * compare.kept(said, heard)
    loop = compare.repeated_phrase(said, heard) or ""
    filled = f"{r['filled']}/{seeded}" if seeded is not None else str(r["filled"])
    unclear = sum(b - a for a, b in r["unclear"])
    return (f"| {name} | {engine} | {r['audio_s']:.0f} | {r['wall_s']:.1f} | "
            f"{r['wall_s'] / r['audio_s']:.3f} | {r['peak_mb']:.0f} | {kept:.1f} | {filled} | "
            f"{unclear:.1f} | {loop} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", default="3,6,12",
                        help="answers per long file, comma-separated")
    parser.add_argument("--samples", action="store_true", help="also the bundled samples")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    lines = ["| file | engine | audio s | wall s | RTF | peak MB | words kept % | "
             "um/uh found/seeded | unclear s | repeated phrase |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for i, n in enumerate(int(x) for x in args.answers.split(",") if x):
            path, script, seeded = build(n, Path(tmp), offset=7 * i)
            jobs.append((f"{n} answers", path, script, seeded))
        if args.samples:
            for flac in sorted((ROOT / "samples").glob("*.flac")):
                data = json.loads(flac.with_suffix(".json").read_text())
                seeded = sum(1 for f in data.get("fillers", [])
                             if f.get("kind") == "filled_pause")
                jobs.append((flac.stem, flac, data["text"], seeded))
        for name, path, script, seeded in jobs:
            for engine in ENGINES:
                line = row(name, engine, run(path, engine), script, seeded)
                lines.append(line)
                print(line, flush=True)
    if args.out:
        args.out.write_text(
            "# Long files: whole-file decoding and the piece engine\n\n"
            f"`python benchmarks/long_files.py --answers {args.answers}"
            f"{' --samples' if args.samples else ''}`, 2 cores, tiny.en. Long files are "
            f"check-half corpus answers joined by {GAP_S:g} s of silence.\n\n"
            + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
