"""A neural voice for the development corpus: hibari-tts (Apache-2.0, on PyPI, runs offline).

hibari is a small ONNX model distilled from Kokoro-82M. Only its default voice, ``heart``
(American English, female), ships inside the wheel; the others download on first use, so the
corpus uses ``heart`` alone. It is an optional dependency: ``pip install -e '.[corpus]'``.

The speaker has the same interface as ``make_samples.Espeak``: ``clip`` says one piece of text
and returns trimmed 16 kHz samples, so every time in a corpus answer's JSON still comes from
the script. hibari's 24 kHz output is resampled by sox like espeak's 22 kHz.
"""

from __future__ import annotations

import array
import wave
from functools import lru_cache
from pathlib import Path

from make_samples import to_16k, trim

SPOKEN = {
    # How hibari is asked to say each filled pause, as phonemes (misaki/Kokoro alphabet), each
    # its own clip with silence around it. Measured with tiny.en through starcoach's transcriber
    # on a 22 s test answer with three "um" and three "uh" (December 2026):
    #   the words "um" / "uh" (hibari reads /ʌm/, /ʌ/):  um 3 of 3, uh 0 of 3
    #   "umm" / "uhh" as text:                            um 3 of 3, uh 0 of 3
    #   /ɜːm/ / /ɜː/ (British "erm"):                     um 3 of 3, uh 0 of 3
    #   /əːm/ / /ʌː/:                                     um written "M", uh 3 of 3
    #   /ʌmm/ / /əː/:                                     um 3 of 3, uh 3 of 3
    #   /ʌmm/ / /ʌː/ (used):                              6 of 6 on a second answer at each
    #                                                     of three speeds
    # faster-whisper's default decoding kept far fewer (0-3 of 6), as it drops fillers anyway.
    "um": "ˈʌmm",
    "uh": "ˈʌː",
}
FILLED_PAUSE_SLOW = 0.8
"""Fillers at this fraction of the speaking rate: people drag a filled pause out."""


@lru_cache(maxsize=2)
def _model(voice: str):  # noqa: ANN202  (hibari has no type hints)
    try:
        from hibari import Hibari
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise SystemExit(
            "error: the neural voice needs hibari-tts; install it with "
            "`.venv/bin/pip install -e '.[corpus]'`"
        ) from exc
    return Hibari(voice=voice, threads=1)


class HibariVoice:
    """The ``heart`` voice of hibari-tts. ``speed`` is hibari's rate factor (1.0 as trained)."""

    engine = "hibari-tts"
    filler_slow = FILLED_PAUSE_SLOW

    def __init__(self, voice: str = "heart", speed: float = 1.0,
                 spoken: dict[str, str] | None = None) -> None:
        self.voice, self.speed = voice, speed
        self.spoken = dict(SPOKEN if spoken is None else spoken)
        self._phonemes = set(self.spoken.values())

    def clip(self, text: str, work: Path, index: int, slow: float = 1.0) -> array.array:
        tts = _model(self.voice)
        speed = self.speed * slow
        # seed=0 fixes the noise part of the vocoder, so a rerun gives the same samples.
        if text in self._phonemes:
            audio = tts.from_phonemes(text, speed=speed, seed=0)
        else:
            audio = tts(text, speed=speed, seed=0)
        raw, wav16 = work / f"{index}.raw.wav", work / f"{index}.wav"
        pcm = array.array("h", (max(-32767, min(32767, int(v * 32767.0))) for v in audio))
        with wave.open(str(raw), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(tts.sample_rate)
            w.writeframes(pcm.tobytes())
        return trim(to_16k(raw, wav16), text)
