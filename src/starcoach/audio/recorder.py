"""Recording from a microphone, written to disk as it arrives.

The only module that imports sounddevice (inside functions, so the rest of starcoach runs on a
machine without PortAudio). The PortAudio callback does nothing but copy each block into a
queue; a writer thread resamples it to 16 kHz mono, appends it to a WAV file whose header is
kept up to date every half second (``starcoach.audio.wavfile``), meters it, and hands it to any
listeners. So Ctrl-C, an exception or ``kill -9`` loses at most about a second of the take.
"""

from __future__ import annotations

import contextlib
import math
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from starcoach.audio.meter import Meter, MeterOptions
from starcoach.audio.wavfile import (
    Resampler,
    StreamingWav,
    create_wav,
    finish_as_flac,
    finish_as_wav,
    repair_wav,
)
from starcoach.errors import AudioError, DeviceError, UsageError
from starcoach.serial import Record
from starcoach.types import SAMPLE_RATE

__all__ = ["InputDevice", "Recorder", "RecorderOptions", "Take", "find_device",
           "list_input_devices", "repair_wav"]

PORTAUDIO_MISSING = (
    "PortAudio is not installed: install the libportaudio2 package (Debian/Ubuntu) "
    "or portaudio (Homebrew, Fedora), then run the command again"
)
NO_INPUT = (
    "no input device found: connect or enable a microphone (check that the sound server "
    "is running and the input is not disabled), then run `starcoach devices`"
)
_INVALID_SAMPLE_RATE = -9997  # paInvalidSampleRate
_END = object()


@dataclass(frozen=True)
class InputDevice(Record):
    """A PortAudio input device as ``starcoach devices`` lists it."""

    JSON_KEYS: ClassVar = ("index", "name", "channels", "default_samplerate", "default")

    index: int
    name: str
    channels: int
    default_samplerate: float
    is_default: bool = False

    @property
    def default(self) -> bool:
        """``is_default`` as the JSON names it."""
        return self.is_default


@dataclass(frozen=True)
class RecorderOptions:
    """How a take is recorded and when it stops by itself."""

    max_seconds: float | None = None
    """Stop after this much audio (seconds); None records until stopped."""
    stop_after_silence_s: float = 4.0
    """Stop after this long without speech once speech has started (seconds); 0 never."""
    device_rate: int | None = None
    """Open the device at this rate instead of 16 kHz first (the audio is resampled)."""
    block_s: float = 0.05
    """Length of the blocks PortAudio hands over (seconds)."""
    header_every_s: float = 0.5
    """How often the WAV header is brought up to date (seconds): the most a kill can cost."""
    meter: MeterOptions = MeterOptions()

    def __post_init__(self) -> None:
        # Checked here, not only in the CLI: a bad value reaching the writer thread would end
        # it and leave the take running forever.
        may_be_zero = {"max_seconds": True, "stop_after_silence_s": True,
                       "block_s": False, "header_every_s": False}
        for name, zero_ok in may_be_zero.items():
            value = getattr(self, name)
            if value is None and name == "max_seconds":
                continue
            if not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok):
                raise UsageError(
                    f"invalid recorder option {name}={value!r}: give a positive number"
                )


@dataclass(frozen=True)
class Take:
    """A finished recording. ``stop_reason``: enter, interrupted, max-seconds, silence, error."""

    path: Path
    duration_s: float
    device: str
    device_rate: int
    overflows: int
    stop_reason: str
    speech_heard: bool
    peak_dbfs: float


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Hide what the ALSA and PortAudio C libraries print on stderr while probing devices;
    the user gets one ``error:`` line instead. STARCOACH_DEBUG=1 lets it through."""
    if os.environ.get("STARCOACH_DEBUG", "") not in ("", "0"):
        yield
        return
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _sounddevice() -> Any:
    try:
        with _quiet_stderr():
            import sounddevice
    except OSError as exc:
        if "PortAudio library not found" in str(exc):
            raise DeviceError(PORTAUDIO_MISSING) from exc
        raise DeviceError(f"PortAudio could not be loaded ({exc}); reinstall the "
                          "libportaudio2 package") from exc
    return sounddevice


def list_input_devices() -> list[InputDevice]:
    """Every device with at least one input channel; the system default marked."""
    sd = _sounddevice()
    try:
        with _quiet_stderr():
            devices = sd.query_devices()
            default = sd.default.device[0]
    except sd.PortAudioError as exc:
        raise DeviceError(f"cannot list audio devices: {exc}") from exc
    return [
        InputDevice(int(d["index"]), str(d["name"]), int(d["max_input_channels"]),
                    float(d["default_samplerate"]), int(d["index"]) == default)
        for d in devices if d["max_input_channels"] > 0
    ]


def _valid(devices: list[Any], kind: str = "input") -> str:
    return f"valid {kind} devices: " + ", ".join(f"{d.index} '{d.name}'" for d in devices)


def find_device(spec: str | int | None = None) -> InputDevice:
    """The input device named by ``--device``: an index, a name, or part of one (None: default)."""
    devices = list_input_devices()
    if not devices:
        raise DeviceError(NO_INPUT)
    return pick_device(devices, spec, "input")


def pick_device(devices: list[Any], spec: str | int | None, kind: str) -> Any:
    """The one of ``devices`` (each with ``index``, ``name``, ``is_default``) that ``spec``
    names: its index, its name, or a unique part of it; None or "" picks the default.
    DeviceError lists the valid ``kind`` ("input", "output") devices otherwise."""
    if spec is None or str(spec).strip() == "":
        return next((d for d in devices if d.is_default), devices[0])
    text = str(spec).strip()
    if text.isdigit():
        found = [d for d in devices if d.index == int(text)]
    else:
        found = [d for d in devices if d.name.lower() == text.lower()] or [
            d for d in devices if text.lower() in d.name.lower()]
    if len(found) == 1:
        return found[0]
    if found:
        raise DeviceError(f"{kind} device '{text}' is ambiguous: give its index; "
                          f"{_valid(found, kind)}")
    raise DeviceError(f"unknown {kind} device '{text}'; {_valid(devices, kind)}")


class Recorder:
    """One take from a microphone into ``path`` (.wav or .flac), via ``NAME.part.wav`` beside
    it: the take is written there as it arrives and moved or converted into place at the end,
    so a killed take is never mistaken for a finished one and never replaces a file at
    ``path`` (that takes ``overwrite``).

    Other consumers can follow the audio while it is recorded: ``add_listener(fn)`` calls
    ``fn(block)`` from the writer thread, ``stream()`` yields the blocks as an iterator; both
    see 16 kHz mono float32 blocks, exactly what goes into the file.
    """

    def __init__(self, path: str | Path, device: InputDevice | str | int | None = None,
                 options: RecorderOptions | None = None, overwrite: bool = False) -> None:
        self.path = Path(path)
        self.options = options or RecorderOptions()
        self.overwrite = overwrite
        self.wav_path = self.path.with_name(self.path.stem + ".part.wav")
        self._device_spec = device
        self.device: InputDevice | None = None
        self.device_rate = SAMPLE_RATE
        self.meter = Meter(self.options.meter)
        self.overflows = 0
        self.stop_reason: str | None = None
        self._listeners: list[Callable[[np.ndarray], None]] = []
        self._streams: list[queue.SimpleQueue[Any]] = []
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._writer: threading.Thread | None = None
        self._pa_stream: Any = None
        self._wav: StreamingWav | None = None
        self._error: BaseException | None = None
        self._take: Take | None = None

    # -- consumers ---------------------------------------------------------------------------

    def add_listener(self, fn: Callable[[np.ndarray], None]) -> None:
        self._listeners.append(fn)

    def stream(self) -> Iterator[np.ndarray]:
        """Blocks of the take as they are recorded; ends when the take ends."""
        q: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._streams.append(q)
        if self._take is not None:
            q.put(_END)

        def drain() -> Iterator[np.ndarray]:
            while (item := q.get()) is not _END:
                yield item

        return drain()

    # -- control -----------------------------------------------------------------------------

    def start(self) -> None:
        """Open the device and the file and start recording. Raises DeviceError, AudioError."""
        sd = _sounddevice()
        dev = (self._device_spec if isinstance(self._device_spec, InputDevice)
               else find_device(self._device_spec))
        self.device = dev
        self._wav = create_wav(self.wav_path, self.path)
        try:
            self._pa_stream, self.device_rate = self._open(sd, dev)
        except BaseException:
            self._wav.close()
            self.wav_path.unlink(missing_ok=True)
            raise
        self._writer = threading.Thread(target=self._write_loop, name="starcoach-writer",
                                        daemon=True)
        self._writer.start()
        try:
            with _quiet_stderr():
                self._pa_stream.start()
        except sd.PortAudioError as exc:
            self.finish()
            raise _busy(dev, exc) from exc

    def _open(self, sd: Any, dev: InputDevice) -> tuple[Any, int]:
        rates = [self.options.device_rate or SAMPLE_RATE, int(dev.default_samplerate)]
        for i, rate in enumerate(rates):
            try:
                with _quiet_stderr():
                    return sd.InputStream(
                        device=dev.index, samplerate=rate, channels=1, dtype="float32",
                        blocksize=int(rate * self.options.block_s), callback=self._callback,
                    ), rate
            except sd.PortAudioError as exc:
                code = exc.args[1] if len(exc.args) > 1 else None
                if code == _INVALID_SAMPLE_RATE and i == 0:
                    continue  # the device's own rate, resampled, is the fallback
                raise _busy(dev, exc) from exc
        raise AssertionError("unreachable")

    def _callback(self, indata: np.ndarray, frames: int, t: Any, status: Any) -> None:
        # Runs on PortAudio's real-time thread: copy and hand over, nothing that can block.
        self._queue.put((indata[:, 0].copy(), bool(status.input_overflow)))

    def stop(self, reason: str = "enter") -> None:
        """Ask the take to end (it ends at the next block); the first reason given wins."""
        if not self._stop.is_set():
            self.stop_reason = reason
            self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds for the take to stop by itself; True once stopped."""
        return self._stop.wait(timeout)

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def finish(self) -> Take:
        """Stop the device, write the rest, finish the file (FLAC when asked). Idempotent."""
        if self._take is not None:
            return self._take
        self.stop("enter")
        if self._pa_stream is not None:
            with contextlib.suppress(Exception), _quiet_stderr():
                self._pa_stream.stop()
                self._pa_stream.close()
        self._queue.put(_END)
        if self._writer is not None:
            self._writer.join()
        assert self._wav is not None and self.device is not None
        path = self.wav_path
        if self._wav.frames == 0:
            self.wav_path.unlink(missing_ok=True)  # a header and no audio: nothing to keep
            path = self.path
        elif self.path.suffix.lower() == ".flac":
            path = finish_as_flac(self.wav_path, self.path, self.overwrite)
        else:
            path = finish_as_wav(self.wav_path, self.path, self.overwrite)
        self._take = Take(
            path=path, duration_s=self._wav.frames / SAMPLE_RATE, device=self.device.name,
            device_rate=self.device_rate, overflows=self.overflows,
            stop_reason=self.stop_reason or "enter", speech_heard=self.meter.speech_started,
            peak_dbfs=self.meter.max_peak_dbfs,
        )
        if self._error is not None:
            raise AudioError(f"recording stopped early: {self._error}; "
                             f"the audio so far is kept in '{path}'")
        return self._take

    def __enter__(self) -> Recorder:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.finish()

    # -- writer thread -----------------------------------------------------------------------

    def _write_loop(self) -> None:
        assert self._wav is not None
        wav = self._wav
        resampler = Resampler(self.device_rate) if self.device_rate != SAMPLE_RATE else None
        max_frames = (None if not self.options.max_seconds
                      else int(round(self.options.max_seconds * SAMPLE_RATE)))
        last_header = time.monotonic()
        try:
            while (item := self._next()) is not _END:
                if item is not None:
                    block, overflow = item
                    self.overflows += overflow
                    if not self._stop.is_set():
                        x = resampler.process(block) if resampler else block
                        if max_frames is not None and wav.frames + len(x) >= max_frames:
                            x = x[: max_frames - wav.frames]
                            self.stop("max-seconds")
                        # Listeners (the meter, the live transcription) get the samples
                        # exactly as the file holds them, so what is transcribed while the
                        # take runs is what `analyze` reads from it afterwards.
                        self._publish(wav.write(x))
                now = time.monotonic()
                if now - last_header >= self.options.header_every_s:
                    wav.update_header()
                    last_header = now
        except Exception as exc:  # noqa: BLE001 - a full disk must not lose what is written
            self._error = exc
            self.stop("error")
        finally:
            with contextlib.suppress(OSError):
                wav.close()
            for q in self._streams:
                q.put(_END)

    def _next(self) -> Any:
        try:
            return self._queue.get(timeout=0.1)
        except queue.Empty:
            return None

    def _publish(self, x: np.ndarray) -> None:
        self.meter.update(x)
        if self.meter.silence_stop(self.options.stop_after_silence_s):
            self.stop("silence")
        for fn in list(self._listeners):
            try:
                fn(x)
            except Exception:  # noqa: BLE001 - a failing consumer must not stop the recording
                self._listeners.remove(fn)
        for q in self._streams:
            q.put(x)


def _busy(dev: InputDevice, exc: Exception) -> DeviceError:
    # PortAudio's own text ("Illegal combination of I/O devices", ...) rarely helps a person;
    # --debug shows it in the traceback.
    try:
        valid = _valid(list_input_devices())
    except DeviceError:
        valid = "no input devices left"
    return DeviceError(f"cannot open input device {dev.index} '{dev.name}': it is busy or "
                       "unavailable; close other programs using it or choose another with "
                       f"--device; {valid}")
