"""The question read aloud: text to samples, played through an output device to the end.

Two engines, both offline: hibari-tts (its ``heart`` voice ships inside the wheel; chosen over a
packaged Piper voice in ``benchmarks/results/tts.md``), else the ``espeak-ng`` program. Both are
imported or started only when a question is spoken, so ``--help`` never loads onnxruntime.
``speak`` blocks until the sound has left the speakers plus a short tail, so a recording that
starts after it cannot pick up the question.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from starcoach.audio.recorder import _quiet_stderr, _sounddevice, pick_device
from starcoach.errors import DeviceError

ECHO_TAIL_S = 0.3
"""Silence kept after the voice ends before the take may start: the output's own buffering
(PortAudio reports the end when the last block is handed over) and the room's echo."""

NO_ENGINE = ("no text-to-speech engine: install hibari-tts (`pip install hibari-tts`) or "
             "espeak-ng (`apt install espeak-ng`)")
NO_OUTPUT = "no output device found: connect or enable speakers or headphones"


@dataclass(frozen=True)
class Speech:
    """A question rendered as sound: mono float32 ``samples`` at ``rate`` Hz."""

    samples: np.ndarray
    rate: int
    engine: str
    synth_s: float
    """How long the synthesis took (seconds): part of the wait before the take."""

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate


@dataclass(frozen=True)
class OutputDevice:
    """A PortAudio output device."""

    index: int
    name: str
    default_samplerate: float
    is_default: bool = False


class _Hibari:
    name = "hibari-tts"

    def __init__(self) -> None:
        from hibari import Hibari  # ImportError when the package is absent

        # The bundled voice only: any other hibari voice is a download.
        self._tts = Hibari(voice="heart", threads=1)
        # Its letter-to-sound tables load on first use (0.5 s): load them now, with the model.
        _ = self._tts.g2p

    def __call__(self, text: str) -> tuple[np.ndarray, int]:
        audio = self._tts(text, seed=0)
        return np.asarray(audio, dtype=np.float32), int(self._tts.sample_rate)


class _Espeak:
    name = "espeak-ng"

    def __init__(self) -> None:
        binary = shutil.which("espeak-ng")
        if binary is None:
            raise FileNotFoundError("espeak-ng")
        self._binary = binary

    def __call__(self, text: str) -> tuple[np.ndarray, int]:
        import io
        import wave

        try:
            raw = subprocess.run([self._binary, "-v", "en-us", "-s", "160", "--stdout", text],
                                 capture_output=True, check=True, timeout=60).stdout
            with wave.open(io.BytesIO(raw)) as w:
                rate = w.getframerate()
                pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
        except (OSError, subprocess.SubprocessError, wave.Error, EOFError) as exc:
            raise DeviceError(f"espeak-ng failed: {exc}") from exc
        return pcm.astype(np.float32) / 32768.0, rate


_ENGINE: Any = None
_ENGINE_LOCK = threading.Lock()


def engine() -> Any:
    """The engine to use (loaded once): hibari-tts when installed, else espeak-ng;
    DeviceError ``NO_ENGINE`` when neither is there."""
    with _ENGINE_LOCK:
        return _load_engine()


def _load_engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        for kind in (_Hibari, _Espeak):
            try:
                _ENGINE = kind()
                break
            except (ImportError, FileNotFoundError):
                continue
        else:
            raise DeviceError(NO_ENGINE)
    return _ENGINE


def preload() -> threading.Thread:
    """Load the engine in the background (while the question is prepared and shown); an error
    is left for ``engine()`` to raise again."""

    def run() -> None:
        try:
            engine()
        except DeviceError:
            pass

    from starcoach import background

    return background.start(run, "starcoach-voice-load")


def synthesize(text: str) -> Speech:
    tts = engine()
    t0 = time.perf_counter()
    samples, rate = tts(text)
    return Speech(samples, rate, tts.name, time.perf_counter() - t0)


def list_output_devices() -> list[OutputDevice]:
    sd = _sounddevice()
    try:
        with _quiet_stderr():
            devices = sd.query_devices()
            default = sd.default.device[1]
    except sd.PortAudioError as exc:
        raise DeviceError(f"cannot list audio devices: {exc}") from exc
    return [OutputDevice(int(d["index"]), str(d["name"]), float(d["default_samplerate"]),
                         int(d["index"]) == default)
            for d in devices if d["max_output_channels"] > 0]


def find_output_device(spec: str | int | None = None) -> OutputDevice:
    """The output device named by ``--output-device``, as ``find_device`` finds an input:
    an index, a name, or part of one (None: the default)."""
    devices = list_output_devices()
    if not devices:
        raise DeviceError(NO_OUTPUT)
    return pick_device(devices, spec, "output")


def play(speech: Speech, device: OutputDevice, tail_s: float = ECHO_TAIL_S) -> None:
    """Play to the end (blocking), then wait ``tail_s`` more. A device that refuses the
    voice's rate (a bare ALSA device may take only 44.1 or 48 kHz) gets it resampled to its
    own."""
    sd = _sounddevice()
    samples, rate = speech.samples, speech.rate
    for attempt in range(2):
        try:
            with _quiet_stderr():
                sd.play(samples, rate, device=device.index, blocking=True)
            break
        except (sd.PortAudioError, ValueError) as exc:
            own = int(device.default_samplerate)
            if attempt == 0 and own and own != rate and _INVALID_RATE in str(exc):
                samples, rate = _resampled(samples, rate, own), own
                continue
            raise DeviceError(f"cannot play through output device {device.index} "
                              f"'{device.name}': {exc}") from exc
    time.sleep(tail_s)


_INVALID_RATE = "Invalid sample rate"


def _resampled(samples: np.ndarray, rate: int, to: int) -> np.ndarray:
    from starcoach.audio.wavfile import Resampler

    return Resampler(rate, to).process(samples).astype(np.float32)


def speak(text: str, device: OutputDevice) -> Speech:
    """Say ``text`` through ``device`` and return once it has been heard (DeviceError when
    there is no engine or the device cannot play)."""
    speech = synthesize(text)
    play(speech, device)
    return speech
