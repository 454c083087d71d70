"""Make the bundled spoken answers in samples/ with espeak-ng and sox.

Each sentence fragment, filler and repeat is synthesized as its own clip, trimmed of espeak's
padding and joined with silences of known length, so the start and end of every sentence, STAR
section and filler is known exactly from the script. Beside each ``<name>.flac`` goes
``<name>.json`` with what is known about it (sections, fillers, pauses, expected red flags); the
tests and the accuracy benchmark compare the analyzer against those files.

Usage:
    python samples/make_samples.py                      # all samples into samples/
    python samples/make_samples.py --only clean_star --out /tmp/x

The scripts themselves (words, fillers and pauses) live in ``answers.py`` (the four answers the
tests rely on) and ``extra_answers.py`` (more for the accuracy benchmark) beside this file.
"""

from __future__ import annotations

import argparse
import array
import json
import re
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from answers import REQUIRED, Sample  # noqa: E402  (answers.py sits beside this script)
from describe import describe, pause_entry  # noqa: E402
from extra_answers import EXTRA  # noqa: E402

SAMPLES: tuple[Sample, ...] = REQUIRED + EXTRA

RATE = 16_000
LEAD_S = 0.5
"""Silence before the first word."""
TAIL_S = 0.7
"""Silence after the last word."""
CLIP_GAP_S = 0.12
"""Between the clips of one sentence (a fragment and a repeated word, say)."""
FILLER_GAP_S = 0.3
"""Before and after a filler. People pause around a filled pause, and Whisper tiny.en writes
"um" far more often when it stands apart: 4 of 4 with 0.3 s against 0 of 4 with 0.12 s."""
REPEAT_GAP_S = 0.45
"""Between the copies of a repeated word ("but, but"), a hesitation. Through starcoach's
transcriber tiny.en kept 3 of 5 test repeats ("I, I" twice, "We, we") with 0.45 s, 1 of 5 with
0.25 s; a word it drops there can come back as a restored "uh"."""
SENTENCE_GAP_S = 0.45
SECTION_GAP_S = 0.8
LONG_PAUSE_S = 2.0
"""Inserted pauses at least this long are listed in the JSON ``pauses``."""
TRIM_LEVEL = 300
"""Samples quieter than this (of 32767) at either end of a clip count as espeak's padding."""
TRIM_MARGIN_S = 0.01
KEEP_BITS = 12
"""Samples are rounded to 12 significant bits (stored as 16-bit FLAC, whose "wasted bits" coding
drops the zero low bits). About -70 dB of rounding noise under the voice; it shrinks the files
by a third (1208 KB to 769 KB for 71 s), keeping every sample well under 1.5 MB."""

FILLED_PAUSES = {"um", "uh", "er", "erm", "ah", "hmm", "mm"}
SPOKEN = {
    # How espeak-ng is asked to say each filled pause. Plain "um" and "uh" come out as /Vm/ and
    # /V/ (see `espeak-ng -x`), which Whisper tiny.en dropped in 8 of 8 trials mid-sentence;
    # /3:m/ and /3:/, said slowly, it wrote as "um" and "uh" in 8 of 8 (four sentences each).
    "um": "erm",
    "uh": "[[3:]]",
}
FILLED_PAUSE_SLOW = 0.75
"""Filled pauses are said at this fraction of the sample's speed, about 0.55 s each. Through
starcoach's own transcriber (its prompt in every window) tiny.en wrote 8 of 8 test fillers at
0.75, 7 of 8 at 0.6 and at 0.9; at full speed far fewer. Longer fillers also got later word
times from Whisper."""
TOKEN = re.compile(r"\{([^}]*)\}|<([^>]*)>|\[(\d+(?:\.\d+)?)\]")
"""Sentence markup: {filler}, <repeat>, [2.5] for a pause of 2.5 s."""


@dataclass(frozen=True)
class Piece:
    kind: str  # "speech", "filler", "repeat" or "pause"
    text: str
    seconds: float = 0.0


def parse_sentence(line: str) -> list[Piece]:
    """Split one marked-up sentence into speech fragments, fillers, repeats and pauses."""
    pieces: list[Piece] = []
    pos = 0
    for m in TOKEN.finditer(line):
        before = line[pos : m.start()].strip()
        if before:
            pieces.append(Piece("speech", before))
        if m.group(1) is not None:
            pieces.append(Piece("filler", m.group(1).strip()))
        elif m.group(2) is not None:
            pieces.append(Piece("repeat", m.group(2).strip()))
        else:
            pieces.append(Piece("pause", "", float(m.group(3))))
        pos = m.end()
    rest = line[pos:].strip()
    if rest:
        pieces.append(Piece("speech", rest))
    return pieces


def plain(text: str) -> str:
    """A filler as the analyzer reports it: lowercase words, no punctuation."""
    return " ".join(re.findall(r"[a-z']+", text.lower()))


def verbatim(line: str) -> str:
    """The sentence as spoken, markup removed."""
    words = [p.text for p in parse_sentence(line) if p.kind != "pause"]
    return re.sub(r"\s+([,.!?;:])", r"\1", " ".join(words))


@dataclass(frozen=True)
class Timing:
    """The silences put between clips, in seconds; the defaults are the bundled samples'."""

    lead: float = LEAD_S
    tail: float = TAIL_S
    clip_gap: float = CLIP_GAP_S
    filler_gap: float = FILLER_GAP_S
    repeat_gap: float = REPEAT_GAP_S
    sentence_gap: float = SENTENCE_GAP_S
    section_gap: float = SECTION_GAP_S


def trim(pcm: array.array, text: str) -> array.array:
    """Cut a clip's quiet padding at both ends, keeping a 10 ms margin."""
    loud = [i for i, v in enumerate(pcm) if abs(v) > TRIM_LEVEL]
    if not loud:
        raise SystemExit(f"error: the voice produced silence for {text!r}")
    margin = int(TRIM_MARGIN_S * RATE)
    return pcm[max(0, loud[0] - margin) : min(len(pcm), loud[-1] + margin + 1)]


def to_16k(raw: Path, wav16: Path) -> array.array:
    """Resample a WAV file to 16 kHz mono 16-bit with sox and return its samples."""
    # -D: no dither, so the same script gives the same samples on every run.
    subprocess.run(
        ["sox", "-D", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(wav16)],
        check=True,
        capture_output=True,
    )
    with wave.open(str(wav16), "rb") as w:
        return array.array("h", w.readframes(w.getnframes()))


@dataclass(frozen=True)
class Espeak:
    """An espeak-ng voice: ``clip`` says one piece of text and returns trimmed 16 kHz samples."""

    voice: str = "en-us"
    speed: int = 150
    pitch: int = 50
    engine = "espeak-ng"
    spoken = SPOKEN
    filler_slow = FILLED_PAUSE_SLOW

    def clip(self, text: str, work: Path, index: int, slow: float = 1.0) -> array.array:
        raw, wav16 = work / f"{index}.raw.wav", work / f"{index}.wav"
        speed = str(round(self.speed * slow))
        cmd = ["espeak-ng", "-v", self.voice, "-s", speed, "-p", str(self.pitch)]
        subprocess.run([*cmd, "-w", str(raw), text], check=True, capture_output=True)
        return trim(to_16k(raw, wav16), text)


def synthesize(text: str, sample: Sample, work: Path, index: int, slow: float = 1.0) -> array.array:
    """Say ``text`` with the sample's voice; return 16 kHz mono 16-bit samples, padding trimmed."""
    return Espeak(sample.voice, sample.speed, sample.pitch).clip(text, work, index, slow)


class Composer:
    """Audio being assembled clip by clip, with the time of everything placed on it."""

    def __init__(self, sample: Sample, work: Path, speaker: Espeak | None = None,
                 timing: Timing | None = None) -> None:
        self.sample, self.work = sample, work
        self.speaker = speaker or Espeak(sample.voice, sample.speed, sample.pitch)
        self.timing = timing or Timing()
        self.log: list[tuple[str, str, float, float]] = []
        """Every clip placed: (kind, text as written, start, end)."""
        self.pcm = array.array("h")
        self.clips = 0
        self.last_end = 0.0
        self.pending: str | None = None
        """Where an inserted long pause sits, until the next clip tells where it ends."""
        self.sentences: list[dict] = []
        self.fillers: list[dict] = []
        self.disfluencies: list[dict] = []
        self.pauses: list[dict] = []

    @property
    def now(self) -> float:
        return len(self.pcm) / RATE

    def silence(self, seconds: float) -> None:
        self.pcm.extend([0] * round(seconds * RATE))

    def say(self, text: str, slow: float = 1.0, kind: str = "speech",
            written: str | None = None) -> tuple[float, float]:
        self.clips += 1
        clip = self.speaker.clip(text, self.work, self.clips, slow)
        start = round(self.now, 3)
        self.pcm.extend(clip)
        end = round(self.now, 3)
        self.log.append((kind, text if written is None else written, start, end))
        if self.pending:
            # The whole silence, from the last word before the pause to the next one.
            self.pauses.append(pause_entry(self.last_end, start, self.pending))
            self.pending = None
        self.last_end = end
        return start, end

    def sentence(self, line: str, label: str, opens_section: bool) -> None:
        first, spoken, gap = None, False, 0.0
        for piece in parse_sentence(line):
            if piece.kind == "pause":
                self.silence(piece.seconds)
                if piece.seconds >= LONG_PAUSE_S:
                    where = "between_sections" if opens_section else "between_sentences"
                    self.pending = "mid_sentence" if spoken else where
                gap = 0.0
                continue
            if spoken:
                t = self.timing
                self.silence(max(gap, t.filler_gap if piece.kind == "filler" else t.clip_gap))
            text = plain(piece.text)
            if piece.kind == "filler":
                filled = text in FILLED_PAUSES
                said = self.speaker.spoken.get(text, piece.text) if filled else piece.text
                start, end = self.say(said, self.speaker.filler_slow if filled else 1.0,
                                      "filler", piece.text)
                kind = "filled_pause" if filled else "discourse"
                self.fillers.append(
                    {"text": text, "start": start, "end": end, "kind": kind, "section": label}
                )
            elif piece.kind == "repeat":
                # Each copy is its own clip with a short break between, as people say them;
                # said as one clip, Whisper merges "I I" into a single "I".
                words = piece.text.split()
                start, end = self.say(words[0], kind="repeat")
                for word in words[1:]:
                    self.silence(self.timing.repeat_gap)
                    _, end = self.say(word, kind="repeat")
                self.disfluencies.append(
                    {"text": text, "start": start, "end": end, "kind": "repeat"}
                )
            else:
                start, end = self.say(piece.text)
            first = start if first is None else first
            spoken = True
            gap = self.timing.filler_gap if piece.kind == "filler" else self.timing.clip_gap
        self.sentences.append(
            {"section": label, "start": first, "end": self.last_end, "text": verbatim(line)}
        )


def compose(sample: Sample, work: Path, speaker: Espeak | None = None,
            timing: Timing | None = None) -> Composer:
    """Say every sentence of ``sample`` in order, with the silences of ``timing``."""
    c = Composer(sample, work, speaker, timing)
    t = c.timing
    c.silence(t.lead)
    for s_index, (label, lines) in enumerate(sample.sections):
        if s_index:
            c.silence(t.section_gap)
        for l_index, line in enumerate(lines):
            if l_index:
                c.silence(t.sentence_gap)
            c.sentence(line, label, opens_section=l_index == 0 and s_index > 0)
    c.silence(t.tail)
    return c


def write_flac(c: Composer, flac: Path) -> None:
    """The composed audio as 16 kHz mono FLAC, rounded to KEEP_BITS significant bits."""
    step = 1 << (16 - KEEP_BITS)
    pcm = array.array("h", (max(-32768, min(32767, round(v / step) * step)) for v in c.pcm))
    wav_path = c.work / "answer.wav"
    with wave.open(str(wav_path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    flac.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["sox", "-D", str(wav_path), "-C", "8", str(flac)], check=True)


def build(sample: Sample, out_dir: Path) -> dict:
    """Render one sample to ``out_dir/<name>.flac`` and return its JSON description."""
    work = Path(tempfile.mkdtemp(prefix=f"starcoach-{sample.name}-"))
    try:
        c = compose(sample, work)
        write_flac(c, out_dir / f"{sample.name}.flac")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return describe(sample, c.sentences, c.fillers, c.disfluencies, c.pauses, round(c.now, 3))


def main(argv: list[str] | None = None) -> int:
    names = [s.name for s in SAMPLES]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (samples/)")
    parser.add_argument("--only", action="append", choices=names, metavar="NAME",
                        help=f"make only this sample (repeatable): {', '.join(names)}")
    args = parser.parse_args(argv)
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(f"error: {tool} not found; install it (apt-get install {tool})", file=sys.stderr)
            return 2
    for sample in SAMPLES:
        if args.only and sample.name not in args.only:
            continue
        info = build(sample, args.out)
        path = args.out / f"{sample.name}.json"
        path.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        size_kb = (args.out / f"{sample.name}.flac").stat().st_size / 1024
        print(f"{sample.name}: {info['duration_s']:.2f} s, {size_kb:.0f} KB, "
              f"{len(info['fillers'])} fillers, {len(info['sections'])} sections")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
