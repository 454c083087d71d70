"""Transcribe while the audio arrives: pieces cut at pauses, decoded one after another.

A ``LiveTranscriber`` is fed 16 kHz mono blocks (from the recorder while a take runs, or a
whole file at once) and a worker thread decodes the audio already received in pieces:

* A piece is cut only in a silence the audio shows: a run of at least ``min_pause_s`` of
  frames that ``filler_recovery.Loudness`` finds unvoiced (judged with ``context_s`` of the
  audio before, so the noise floor is the take's, not the piece's). The cut is in the middle
  of the silence, never inside a word. Pieces hold at least ``min_piece_s``, and are cut
  before ``max_piece_s`` when a silence allows (a Whisper window is 30 s).
* A piece is decoded once ``window_s`` (30 s, one Whisper window) of audio follows its start,
  with the audio after its cut, and keeps the words before the cut: the model hears it in a
  window as full as batch decoding's, not padded with silence.
* Each piece goes through ``whisper.transcribe``, the batch path itself: the same filler
  hotwords, decode span, fallbacks and ``filler_recovery`` clean-up, so what improves there
  improves here. The last ``prompt_words`` words decoded so far are its ``initial_prompt``,
  as batch decoding carries the previous text from one window to the next. Word times are
  moved into the take.
* A piece with no speech in it (silence, a click) is not decoded.
* The model runs with one thread fewer than batch decoding (``whisper.live_threads``, one on
  2 cores): a core stays with the recorder and the sound server. Its threads wait for each
  other at every step, so beside the audio threads two of them on 2 cores spent several
  times the CPU of one for the same piece.
* The samples are those the recorder wrote to the take's file, so the pieces hear what the
  batch analysis of the file reads.
* Nothing is dropped when the worker falls behind: the audio waits in memory and is decoded
  after the take (``behind_s`` says how far behind it is). When the take ends, normally only
  the audio since the last cut is left.

``slowdown`` makes the worker that many times slower (it sleeps after each piece): a slow
machine, on purpose, for the tests and the benchmark.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from starcoach import background
from starcoach.audio.pitch import Follower, PitchTrack
from starcoach.errors import NoSpeechError
from starcoach.serial import Record
from starcoach.transcribe.pieces import Pause, has_speech, pauses
from starcoach.types import SAMPLE_RATE, Transcript, Word

ProgressFn = Callable[[float, float], None]


@dataclass(frozen=True)
class LiveOptions(Record):
    """How the audio is cut into pieces (seconds)."""

    min_piece_s: float = 20.0
    """A piece is cut once it holds this much audio. Shorter pieces lose words: the model
    hears less around each one (on samples/quick_fillers.flac, 8 s pieces kept 4 points fewer
    of the script's words than batch decoding; 20 s pieces, 0.6 points fewer)."""
    max_piece_s: float = 28.0
    """Cut before this when a silence allows: one Whisper window."""
    min_pause_s: float = 0.4
    """The shortest silence a piece is cut in: longer than the closure of a stop consonant
    inside a word (under 0.15 s), as long as the pause after a phrase."""
    idle_cut_s: float = 1.0
    """During a silence this long at the end of what has arrived, the audio before it is
    decoded ahead: the answer may be over, and its last words are then ready when the
    silence ends the take. If speech comes back, the guess is thrown away and the piece
    grows on (short pieces lose words)."""
    context_s: float = 20.0
    """Audio before a piece that the voiced/unvoiced decision also looks at."""
    prompt_words: int = 40
    """Words of the text so far given to the model before each piece."""
    window_s: float = 30.0
    """A piece is decoded once this much audio follows its start (or the take has ended),
    with the audio after its cut up to this length (one Whisper window), and only the
    words before the cut are kept: the model hears each piece in a window as full as the
    batch decoding's. Decoding pieces in windows padded with silence kept up to 2.4 points
    fewer of the script's words than the batch analysis of the same take; in full windows,
    0 to 1.2 points either way. 0 decodes each piece alone, as soon as it is cut."""
    check_every_s: float = 0.2
    """How often the worker looks for a new piece while the take runs."""
    slowdown: float = 1.0
    """1 is normal; N makes the worker N times slower (tests, benchmarks)."""
    threads: int = 0
    """Threads of the model; 0 is ``whisper.live_threads()``: one core is left to the
    recorder and the sound server."""


@dataclass(frozen=True)
class Piece:
    """One decoded piece: where it lies in the take, its words, the wall time it took."""

    start_s: float
    end_s: float
    words: int
    decode_s: float
    skipped: bool = False


_LOAD_LOCK = threading.Lock()


def preload(model: str | None = None, threads: int = 0) -> threading.Thread:
    """Load the model in the background (while the question is on screen), with the threads
    the worker uses (``LiveOptions.threads``); the worker waits for it. An error is left for
    the worker to raise."""

    def run() -> None:
        from starcoach.errors import StarcoachError
        from starcoach.transcribe.whisper import live_threads, load_model

        with _LOAD_LOCK:
            try:
                load_model(model, threads or live_threads())
            except StarcoachError:
                pass  # raised again, with its message, when the take is transcribed

    return background.start(run, "starcoach-model-load")


class LiveTranscriber:
    """Follow a take (``feed``/``end`` or ``follow``) and return its Transcript (``result``)."""

    def __init__(self, model: str | None = None, options: LiveOptions | None = None,
                 source: str | None = None, transcribe_options: Any = None) -> None:
        self.model = model
        self.options = options or LiveOptions()
        self.source = source
        self._topts = transcribe_options
        self._buf = np.zeros(SAMPLE_RATE * 60, dtype=np.float32)
        self._n = 0  # samples received
        self._cut = 0  # samples decoded (up to the last cut)
        self._ended = False
        self._cancelled = False
        self._cond = threading.Condition()
        self._words: list[Word] = []
        self._dropped: list[str] = []
        self._restored: list[str] = []
        self._redecoded: list[str] = []
        self._unclear: list[tuple[float, float]] = []
        self._settings: dict[str, Any] = {}
        self._label = ""
        self.pieces: list[Piece] = []
        self._error: BaseException | None = None
        self._progress: ProgressFn | None = None
        self._spec: _Decoded | None = None  # the audio before a long silence, decoded ahead
        self._pitch = Follower()  # the voice's pitch, tracked between pieces
        self._worker = threading.Thread(target=self._run, name="starcoach-live", daemon=True)
        self._worker.start()

    # -- input -------------------------------------------------------------------------------

    def feed(self, block: np.ndarray) -> None:
        """Append 16 kHz mono samples. Never blocks for long: the recorder calls it."""
        x = np.asarray(block, dtype=np.float32).ravel()
        with self._cond:
            if self._n + x.size > self._buf.size:
                grown = np.zeros(max(self._buf.size * 2, self._n + x.size), dtype=np.float32)
                grown[: self._n] = self._buf[: self._n]
                self._buf = grown
            self._buf[self._n : self._n + x.size] = x
            self._n += x.size
            self._cond.notify()

    def end(self) -> None:
        """No more audio: decode what is left."""
        with self._cond:
            self._ended = True
            self._cond.notify()

    def cancel(self) -> None:
        """The take is not wanted: stop after the current piece, decode nothing more."""
        with self._cond:
            self._cancelled = self._ended = True
            self._cond.notify()

    def follow(self, blocks: Iterable[np.ndarray]) -> threading.Thread:
        """Feed every block of ``blocks`` (e.g. ``Recorder.stream()``), then ``end``."""

        def run() -> None:
            try:
                for block in blocks:
                    self.feed(block)
            finally:
                self.end()

        thread = threading.Thread(target=run, name="starcoach-live-feed", daemon=True)
        thread.start()
        return thread

    # -- state, read by the panel ------------------------------------------------------------

    @property
    def heard_s(self) -> float:
        return self._n / SAMPLE_RATE

    @property
    def done_s(self) -> float:
        """Seconds of the take transcribed so far."""
        return self._cut / SAMPLE_RATE

    @property
    def behind_s(self) -> float:
        return (self._n - self._cut) / SAMPLE_RATE

    @property
    def ended(self) -> bool:
        return self._ended

    def words(self) -> list[Word]:
        """The words transcribed so far (a copy)."""
        with self._cond:
            return list(self._words)

    def samples(self) -> np.ndarray:
        with self._cond:
            return self._buf[: self._n].copy()

    def recent(self, seconds: float) -> np.ndarray:
        """The last ``seconds`` of audio received (a copy)."""
        with self._cond:
            return self._buf[max(0, self._n - int(seconds * SAMPLE_RATE)): self._n].copy()

    def pitch(self, samples: np.ndarray) -> PitchTrack:
        """The pitch track of the whole take ``samples`` (call after ``result``): the worker
        tracked most of it between pieces, so only the last seconds are left."""
        return self._pitch.finish(samples)

    # -- the result --------------------------------------------------------------------------

    def result(self, progress: ProgressFn | None = None, timeout: float | None = None
               ) -> Transcript:
        """Wait for the last piece and return the whole take's Transcript. ``progress`` gets
        (seconds transcribed, seconds of audio) as pieces finish. Raises ModelError, and
        NoSpeechError when no piece held a word."""
        self.end()
        self._progress = progress
        if progress is not None:
            progress(self.done_s, self.heard_s)
        self._worker.join(timeout)
        if self._error is not None:
            raise self._error
        total = self.heard_s
        if not self._words:
            where = f"'{self.source}'" if self.source else "the recording"
            raise NoSpeechError(
                f"{where} holds no speech: the model recognised no words in {total:.1f} s of "
                "audio; speak closer to the microphone or check that it records")
        decode_s = sum(p.decode_s for p in self.pieces)
        settings = {
            **self._settings,
            "dropped_words": self._dropped,
            "restored_fillers": self._restored,
            "redecoded": self._redecoded,
            "live": {"pieces": [[round(p.start_s, 2), round(p.end_s, 2)]
                                for p in self.pieces if not p.skipped],
                     "decode_s": round(decode_s, 2),
                     "rtf": round(decode_s / total, 3) if total else 0.0,
                     **self.options.to_dict()},
        }
        for key in ("clip_s", "initial_prompt"):
            settings.pop(key, None)
        return Transcript(words=tuple(self._words), duration_s=total, model=self._label,
                          language="en", source=self.source, settings=settings,
                          unclear=tuple(self._unclear))

    # -- the worker --------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    if self._cancelled:
                        return
                    ended = self._ended
                    n = self._n
                span = self._next_piece(n, final=ended)
                if span is not None:
                    self._commit(self._ahead(*span))
                    continue
                if ended:
                    return
                if (idle := self._idle_span(n)) is not None:
                    self._spec = self._transcribe(*idle)
                    continue
                with self._cond:
                    heard = self._buf[: self._n]  # what is written below _n never changes
                self._pitch.advance(heard)
                with self._cond:
                    self._cond.wait(self.options.check_every_s)
        except BaseException as exc:  # noqa: BLE001 - raised to the caller by result()
            self._error = exc

    def _ahead(self, start: int, end: int) -> _Decoded:
        """The piece [start, end): decoded ahead already when the audio after the silence the
        guess stopped in holds no speech, else decoded now."""
        spec, self._spec = self._spec, None
        if spec is not None and spec.start == start and spec.end <= end:
            with self._cond:
                rest = self._buf[spec.end:end].copy()
                context = self._buf[max(0, spec.end - self._context_n()):spec.end].copy()
            if not has_speech(rest, context):
                return replace(spec, end=end)
        return self._transcribe(start, end)

    def _context_n(self) -> int:
        return int(self.options.context_s * SAMPLE_RATE)

    def _idle_span(self, n: int) -> tuple[int, int] | None:
        """The audio before a long silence going on now (the answer may be over), to decode
        ahead while the silence lasts; None when there is none or it was decoded already."""
        o = self.options
        start = self._cut
        if (n - start) / SAMPLE_RATE < o.idle_cut_s + o.min_pause_s:
            return None
        found = self._pauses(start, n)
        if not found or not found[-1].ongoing or found[-1].seconds < o.idle_cut_s:
            return None
        end = found[-1].cut
        if self._spec is not None and self._spec.start == start and self._spec.end >= end:
            return None
        return start, end

    def _next_piece(self, n: int, final: bool) -> tuple[int, int] | None:
        o = self.options
        start = self._cut
        if n <= start:
            return None
        length = (n - start) / SAMPLE_RATE
        if final and length <= o.max_piece_s:
            return start, n
        if length < o.min_piece_s:
            return None
        if o.window_s and not final and length < o.window_s:
            return None
        cuts = [p.cut for p in self._pauses(start, n)]
        lo = start + int(o.min_piece_s * SAMPLE_RATE)
        hi = start + int(o.max_piece_s * SAMPLE_RATE)
        early = [c for c in cuts if lo <= c <= hi]
        late = [c for c in cuts if c > hi]
        if early:
            return start, early[-1]
        if late:
            return start, late[0]
        return (start, n) if final else None

    def _pauses(self, start: int, n: int) -> list[Pause]:
        base = max(0, start - self._context_n())
        with self._cond:
            window = self._buf[base:n].copy()
        return [p for p in pauses(window, self.options.min_pause_s, base) if p.cut > start]

    def _transcribe(self, start: int, end: int) -> _Decoded:
        """Decode [start, end) with the batch transcriber; times moved into the take."""
        from starcoach.transcribe.whisper import TranscribeOptions, live_threads, transcribe

        o = self.options
        with self._cond:
            piece = self._buf[start:end].copy()
            context = self._buf[max(0, start - self._context_n()):start].copy()
            upto = min(self._n, start + int(o.window_s * SAMPLE_RATE)) if o.window_s else end
            window = self._buf[start:max(end, upto)].copy()
        t0 = time.perf_counter()
        offset = start / SAMPLE_RATE
        if not has_speech(piece, context):
            return _Decoded(start, end, [], [], [], [], [], {}, "", time.perf_counter() - t0,
                            True)
        prompt = " ".join(w.text for w in self._words[-o.prompt_words:]) or None
        opts = replace(self._topts or TranscribeOptions(), initial_prompt=prompt,
                       cpu_threads=o.threads or live_threads())
        with _LOAD_LOCK:  # the model may still be loading in the background
            pass
        try:
            with background.native():  # exiting mid-decode would abort the process
                t = transcribe(window, model=self.model, source=self.source, options=opts)
        except NoSpeechError:
            return _Decoded(start, end, [], [], [], [], [], {}, "", time.perf_counter() - t0,
                            False)
        cut_s = (end - start) / SAMPLE_RATE  # the words after the cut are the next piece's
        words = [Word(w.text, round(w.start + offset, 3), round(w.end + offset, 3),
                      w.probability, w.recovered) for w in t.words
                 if (w.start + w.end) / 2 <= cut_s]
        unclear = [(round(a + offset, 2), round(min(b, cut_s) + offset, 2))
                   for a, b in t.unclear if a < cut_s]
        spent = time.perf_counter() - t0
        if o.slowdown > 1:
            time.sleep(spent * (o.slowdown - 1))
            spent *= o.slowdown
        return _Decoded(start, end, words,
                        _moved(t.settings.get("dropped_words", []), offset, cut_s),
                        _moved(t.settings.get("restored_fillers", []), offset, cut_s),
                        [_moved_span(s, offset) for s in t.settings.get("redecoded", [])],
                        unclear,
                        dict(t.settings), t.model, spent, False)

    def _commit(self, d: _Decoded) -> None:
        with self._cond:
            last = self._words[-1].start if self._words else 0.0
            self._words += [w for w in d.words if w.start >= last]
            self._cut = d.end
            if d.settings and not self._settings:
                self._settings, self._label = d.settings, d.label
            self._dropped += d.dropped
            self._restored += d.restored
            self._redecoded += d.redecoded
            self._unclear += d.unclear
        self.pieces.append(Piece(d.start / SAMPLE_RATE, d.end / SAMPLE_RATE, len(d.words),
                                 d.decode_s, d.skipped))
        if self._progress is not None:
            self._progress(self.done_s, self.heard_s)


@dataclass(frozen=True)
class _Decoded:
    """A piece decoded (maybe ahead, and not yet part of the transcript): samples [start,
    end) of the take, its words in take time, and what the clean-up and the coverage step
    logged (spans decoded again, stretches still unclear), in take time."""

    start: int
    end: int
    words: list[Word]
    dropped: list[str]
    restored: list[str]
    redecoded: list[str]
    unclear: list[tuple[float, float]]
    settings: dict[str, Any]
    label: str
    decode_s: float
    skipped: bool


def _moved_span(span: str, offset: float) -> str:
    """A ``12.30-20.80`` span decoded again in a piece, in take time."""
    a, _, b = span.partition("-")
    return f"{float(a) + offset:.2f}-{float(b) + offset:.2f}"


def _moved(entries: list[str], offset: float, upto: float) -> list[str]:
    """``text@12.34`` log entries of a piece before its cut (``upto`` seconds into it), with
    their times moved into the take."""
    out = []
    for e in entries:
        m = re.fullmatch(r"(.*)@(\d+(?:\.\d+)?)", e)
        if m and float(m.group(2)) > upto:
            continue
        out.append(f"{m.group(1)}@{float(m.group(2)) + offset:.2f}" if m else e)
    return out
