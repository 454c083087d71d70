"""The practice loop below the terminal: which question, where the take goes, what happens
to it after recording, and how this attempt compares with the previous one.

Takes are recorded into ``<data dir>/recordings/YYYY-MM-DD/`` and kept, even when transcription
fails; the saved session keeps its own FLAC copy. The one exception is the take just recorded
that the user throws away (and confirms): ``discard_take`` deletes its file and nothing else.
"""

from __future__ import annotations

import math
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starcoach import config
from starcoach.analysis.model import AnalysisOptions
from starcoach.errors import AudioError, StarcoachError, UsageError
from starcoach.serial import Record
from starcoach.types import clock

if TYPE_CHECKING:
    from starcoach.analysis.follow_up import Probe, Reply
    from starcoach.analysis.model import Analysis
    from starcoach.audio.recorder import Recorder
    from starcoach.pipeline import ProgressFn, Result
    from starcoach.questions.bank import Question
    from starcoach.sessions.review import Summary
    from starcoach.transcribe.live import LiveTranscriber

SLOWDOWN_ENV = "STARCOACH_LIVE_SLOWDOWN"
"""Makes the live transcription that many times slower: a slow machine, for tests and
benchmarks (the take must still be whole, and transcribed after it ends)."""

MAX_TAKE_S = 3600.0
"""The longest take ``--max-seconds`` may ask for: an hour, 115 MB of WAV. An answer runs two
minutes; a number past this is a typo (``1e305`` once killed the recorder's writer thread)."""


PART_SUFFIX = ".part.wav"
STILL_RECORDING_S = 10.0
"""A WAV take changed this recently is still being recorded (the recorder brings
its header up to date every half second): it is left alone."""


def recordings_dir() -> Path:
    return config.data_dir() / "recordings"


def take_path(question_id: str | None, now: datetime | None = None) -> Path:
    """A new, unused file for a take: ``recordings/2026-11-29/221503-<question>.flac``."""
    now = now or datetime.now()
    slug = re.sub(r"[^a-z0-9-]+", "-", (question_id or "answer").lower()).strip("-") or "answer"
    folder = recordings_dir() / now.strftime("%Y-%m-%d")
    stem = f"{now:%H%M%S}-{slug}"
    path = folder / f"{stem}.flac"
    n = 2
    while path.exists() or path.with_name(f"{path.stem}.part.wav").exists():
        path = folder / f"{stem}-{n}.flac"
        n += 1
    return path


def discard_take(path: Path) -> list[Path]:
    """Delete a take the user threw away: its file and the ``.part.wav`` it was recorded into,
    when they are left. Only files of a take inside the recordings folder; returns the ones
    deleted. Anything else is refused (UsageError), so nothing else can be deleted by mistake."""
    path = Path(path)
    folder = recordings_dir().resolve()
    if path.suffix.lower() not in (".flac", ".wav") or not path.resolve().is_relative_to(folder):
        raise UsageError(f"refusing to delete '{path}': it is not a take in '{folder}'")
    part = path if path.name.endswith(".part.wav") else path.with_name(f"{path.stem}.part.wav")
    deleted = []
    for p in dict.fromkeys((path, part)):
        if p.is_file():
            p.unlink()
            deleted.append(p)
    return deleted


def recover_interrupted() -> list[Path]:
    """Repair the headers of takes cut short by a crash or ``kill -9`` (``*.wav`` left in the
    recordings folder); return the files repaired. Called when practice starts."""

    repaired = []
    folder = recordings_dir()
    for wav in sorted(folder.rglob("*.wav")) if folder.is_dir() else []:
        try:
            if time.time() - wav.stat().st_mtime < STILL_RECORDING_S:
                continue  # another practice is recording it: not ours to rewrite
            if _repair_keeping_time(wav):
                repaired.append(wav)
        except (AudioError, OSError):
            continue  # not ours or beyond repair: left as it is
    return repaired


@dataclass(frozen=True)
class KeptTake(Record):
    """A recording that holds an answer no session was made of.

    ``kind``: ``interrupted`` (a ``NAME.part.wav`` left by a ``record`` or ``practice`` that
    was killed), or ``not analyzed`` (a take in ``recordings/`` whose analysis was killed or
    failed). ``problem`` says why it cannot be read, when it cannot."""

    path: Path
    kind: str
    duration_s: float | None
    repaired: bool
    problem: str | None = None





def _candidates(places: list[Path]) -> list[Path]:
    """Takes to look at: every take in the recordings folder, and the ``.part.wav`` files
    in each of ``places`` (a folder, not searched below it, or a file)."""
    found: list[Path] = []
    folder = recordings_dir()
    if folder.is_dir():
        found += [p for p in folder.rglob("*") if p.suffix.lower() in (".wav", ".flac")]
    for place in places:
        if place.is_dir():
            found += list(place.glob(f"*{PART_SUFFIX}"))
        else:
            found.append(place)
    keep = [p for p in found if not p.name.startswith(".") and p.is_file()
            and not p.is_symlink()]
    return sorted(dict.fromkeys(p.absolute() for p in keep))


def _duration_s(path: Path) -> float:
    import av

    with av.open(str(path)) as container:
        return float(container.duration or 0) / 1_000_000


def kept_takes(places: list[Path] | None = None) -> list[KeptTake]:
    """Takes no session was made of, their WAV headers repaired (see ``repair_wav``).

    A take counts as made into a session when a saved session's ``source`` names that file:
    by its place in the data folder, by its absolute path (older sessions), or, for a file
    elsewhere, by its name. Nothing is deleted or moved; a file that is not a recording is
    listed with its problem."""
    from starcoach.sessions.store import saved_sources

    saved = saved_sources()
    root = config.data_dir().resolve()
    takes = []
    now = time.time()
    for path in _candidates(list(places or [])):
        resolved = path.resolve()
        inside = resolved.is_relative_to(root)
        keys = {str(resolved), resolved.relative_to(root).as_posix() if inside else path.name}
        if keys & saved:
            continue
        if path.name.endswith(PART_SUFFIX) and now - path.stat().st_mtime < STILL_RECORDING_S:
            continue  # a take being recorded right now: its writer touches it twice a second
        kind = "interrupted" if path.name.endswith(PART_SUFFIX) else "not analyzed"
        repaired, problem, duration = False, None, None
        try:
            if path.suffix.lower() == ".wav":
                repaired = _repair_keeping_time(path)
            duration = _duration_s(path)
        except (StarcoachError, OSError, ValueError) as exc:
            problem = getattr(exc, "message", None) or str(exc)
        except Exception as exc:  # noqa: BLE001 - av's errors for a file that is not audio
            problem = f"cannot read audio '{path}': {exc}"
        takes.append(KeptTake(path, kind, duration, repaired, problem))
    return takes


def question_of_take(path: Path) -> str | None:
    """The question a practice take answered, from its name (``221503-<question>.flac``,
    ``-2`` for a second take that second), when it is a question of the bank."""
    from starcoach.questions.bank import get_question

    name = path.name.removesuffix(PART_SUFFIX) if path.name.endswith(PART_SUFFIX) else path.stem
    if re.match(r"\d{6}-", name) is None:
        return None
    for candidate in dict.fromkeys((name[7:], re.sub(r"-\d+$", "", name[7:]))):
        try:
            return get_question(candidate).id
        except StarcoachError:
            continue
    return None


def save_kept_take(take: KeptTake, model: str | None = None,
                   progress: ProgressFn | None = None) -> str:
    """Transcribe, analyze and save a kept take as a session, as ``analyze --save`` does;
    return the session's ID. The take itself stays where it is."""
    question_id = question_of_take(take.path)
    result = analyze_take(take.path, question_id, model, progress)
    return save_attempt(take.path, result, question_id, model)


def _repair_keeping_time(wav: Path) -> bool:
    """``repair_wav``, the file's modification time kept: a repaired take still shows when it
    was recorded, and does not look like one being recorded now."""
    from starcoach.audio.wavfile import repair_wav

    st = wav.stat()
    changed = repair_wav(wav)
    if changed:
        os.utime(wav, ns=(st.st_atime_ns, st.st_mtime_ns))
    return changed


def choose(question_id: str | None = None, category: str | None = None,
           exclude: str | None = None, avoid: tuple[str, ...] = ()) -> Question:
    """The question to practice: the one asked for, or one from the bank (of ``category``)
    preferring questions not practiced lately and those answered weakly last time, and none
    of ``avoid`` while another is left."""
    from starcoach.questions import bank as questions
    from starcoach.sessions.store import open_store

    if question_id:
        return questions.choose_question(category=category, question_id=question_id)
    with open_store() as store:
        history = [s.to_dict() for s in store.sessions()]
    if exclude:
        # "Next question" should move on even if this one scores as the weakest.
        history.append({"question_id": exclude, "created_at": datetime.now().timestamp() + 1})
    return questions.choose_question(category=category, history=history, avoid=avoid)


def check_options(question_id: str | None, category: str | None, random_pick: bool,
                  prep_s: float, max_seconds: float | None, stop_after_silence_s: float) -> None:
    if question_id and random_pick:
        raise UsageError("give one of --question or --random, not both")
    # nan and inf parse as numbers, but a take cannot be cut at them (the recorder's writer
    # failed on them and the take never ended)
    if not math.isfinite(prep_s) or prep_s < 0:
        raise UsageError(f"--prep must be 0 or more seconds, not {prep_s:g}")
    if max_seconds is not None and not (math.isfinite(max_seconds) and max_seconds > 0):
        raise UsageError(f"--max-seconds must be more than 0, not {max_seconds:g}")
    if max_seconds is not None and max_seconds > MAX_TAKE_S:
        raise UsageError(f"--max-seconds must be at most {MAX_TAKE_S:g} (one hour), "
                         f"not {max_seconds:g}")
    if prep_s > MAX_TAKE_S or stop_after_silence_s > MAX_TAKE_S:
        which = "--prep" if prep_s > MAX_TAKE_S else "--stop-after-silence"
        value = prep_s if prep_s > MAX_TAKE_S else stop_after_silence_s
        raise UsageError(f"{which} must be at most {MAX_TAKE_S:g} seconds, not {value:g}")
    if not math.isfinite(stop_after_silence_s) or stop_after_silence_s < 0:
        raise UsageError(f"--stop-after-silence must be 0 (off) or more seconds, "
                         f"not {stop_after_silence_s:g}")


TARGET_S = (AnalysisOptions.target_min_s, AnalysisOptions.target_max_s)
"""The length a spoken STAR answer should land in unless --target says otherwise."""


def _seconds(text: str) -> float:
    """``90``, ``1:30`` or ``90s`` as seconds; ValueError otherwise."""
    text = text.strip().lower().removesuffix("s")
    if ":" in text:
        m, _, s = text.partition(":")
        if not (m.isdigit() and s.isdigit() and len(s) == 2 and int(s) < 60):
            raise ValueError(text)
        return int(m) * 60.0 + int(s)
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_target(text: str | None) -> tuple[float, float]:
    """``--target MIN-MAX`` (``1:30-2:30``, ``60-90``) as seconds; the default without one. A
    bad value is a UsageError."""
    if text is None:
        return TARGET_S
    lo_text, sep, hi_text = text.partition("-")
    try:
        if not sep:
            raise ValueError(text)
        lo, hi = _seconds(lo_text), _seconds(hi_text)
    except ValueError:
        raise UsageError(f"--target must be MIN-MAX, as 1:30-2:30 or 60-90 (seconds), "
                         f"not '{text}'") from None
    if not 0 < lo < hi <= MAX_TAKE_S:
        raise UsageError(f"--target must run from more than 0 to at most one hour, its end "
                         f"after its start, not '{text}'")
    return lo, hi


def analyze_take(path: Path, question_id: str | None, model: str | None,
                 progress: ProgressFn | None = None) -> Result:
    """Transcribe and analyze a take. On failure the error names the kept recording."""
    from starcoach.pipeline import analyze_file

    try:
        return analyze_file(path, model=model, question_id=question_id, progress=progress)
    except StarcoachError as exc:
        raise _kept(exc, path) from exc


def _kept(exc: StarcoachError, path: Path) -> StarcoachError:
    # the message may name the take already (a silent one does): say where only once
    where = "" if str(path) in exc.message else f" in '{path}'"
    return type(exc)(f"{exc.message} (the recording is kept{where})")


def live_slowdown() -> float:
    """``STARCOACH_LIVE_SLOWDOWN`` (1 when unset); a bad value is a UsageError."""
    import os

    raw = os.environ.get(SLOWDOWN_ENV, "").strip() or "1"
    try:
        slowdown = float(raw)
    except ValueError:
        slowdown = float("nan")
    if not (math.isfinite(slowdown) and slowdown >= 1):
        raise UsageError(f"{SLOWDOWN_ENV} must be a number of 1 or more, not '{raw}'")
    return slowdown


def follow_take(rec: Recorder, model: str | None) -> LiveTranscriber:
    """Transcribe ``rec``'s take while it is recorded (call before ``rec.start()``)."""
    from starcoach.transcribe.live import LiveOptions, LiveTranscriber

    live = LiveTranscriber(model, LiveOptions(slowdown=live_slowdown()), source=str(rec.path))
    live.follow(rec.stream())
    return live


def analyze_followed(path: Path, live: LiveTranscriber, question_id: str | None,
                     progress: ProgressFn | None = None,
                     target: tuple[float, float] | None = None) -> Result:
    """The report of a take transcribed while it was recorded: only what the worker has not
    done yet is left. The same analysis as ``analyze_take``; on failure the error names the
    kept recording. ``target``: the answer's target length (seconds), when not the default."""
    from starcoach.analysis.model import AnalysisOptions
    from starcoach.audio.decode import load_audio
    from starcoach.pipeline import Result, analyze_transcript, question_context

    try:
        question_context(question_id)  # an unknown question fails first, as in batch
        samples = load_audio(path)  # a silent take says so, as in batch
        transcript = live.result(progress)
        options = None if target is None else AnalysisOptions(target_min_s=target[0],
                                                              target_max_s=target[1])
        analysis = analyze_transcript(transcript, samples, question_id, options=options,
                                      pitch=live.pitch(samples))
    except StarcoachError as exc:
        live.cancel()
        raise _kept(exc, path) from exc
    return Result(transcript, analysis, samples)


def save_attempt(path: Path, result: Result, question_id: str | None,
                 model: str | None) -> str:
    from starcoach.sessions.store import open_store

    with open_store() as store:
        return _save(store, path, result, question_id, model)


def _save(store: Any, path: Path, result: Result, question_id: str | None,
          model: str | None) -> str:
    return store.save_session(audio_path=path, transcript=result.transcript,
                              analysis=result.analysis, question_id=question_id, model=model,
                              samples=result.samples)


def judge_reply(probe: Probe, analysis: Analysis) -> Reply:
    """Did the reply to a follow-up give what it asked for?"""
    from starcoach.analysis.follow_up import judge

    return judge(probe, analysis.words)


def save_follow_up(session_id: str, probe: Probe, reply: Reply, path: Path, result: Result,
                   model: str | None) -> str:
    """Save the reply to a follow-up in the session it follows up; return its ID."""
    from starcoach.sessions.store import open_store

    try:
        with open_store() as store:
            return store.save_follow_up(session_id, probe, reply, path, result.transcript,
                                        result.analysis, model=model, samples=result.samples)
    except StarcoachError as exc:
        raise _kept(exc, path) from exc


def save_and_compare(path: Path, result: Result, question_id: str, model: str | None
                     ) -> tuple[str, tuple[Summary, Summary] | None]:
    """Save the attempt and, in the same opening of the store, read it back with the attempt
    at the same question saved just before it: the session's ID, and (previous, this one)
    for the comparison, or None for a first attempt."""
    from starcoach.sessions.review import summarize
    from starcoach.sessions.store import open_store

    with open_store() as store:
        session_id = _save(store, path, result, question_id, model)
        sessions = store.sessions(question_id)
    ids = [s.id for s in sessions]
    if session_id not in ids or ids.index(session_id) == 0:
        return session_id, None
    i = ids.index(session_id)
    return session_id, (summarize(sessions[i - 1]), summarize(sessions[i]))


@dataclass(frozen=True)
class Change(Record):
    """How one number moved since the previous attempt. ``better`` is None when it is a wash."""

    label: str
    before: str
    after: str
    better: bool | None



@dataclass(frozen=True)
class FollowUp:
    """A point the previous attempt's report put first, and whether this attempt still has
    it: ``now`` is this attempt's title for the same concern ("A little short" where it was
    "Too thin"), empty once the concern is gone."""

    title: str
    now: str

    @property
    def fixed(self) -> bool:
        return not self.now


def follow_up(prev: Summary, cur: Analysis) -> list[FollowUp]:
    """Last time's fix-first points, in their order, each fixed or still there. A point that
    only dropped out of the first three, because something weightier came up, is still
    there: every point of this attempt counts, not just the three it shows."""
    from starcoach.analysis.priorities import concern, ranked

    now: dict[str, str] = {}
    for p in ranked(cur):
        now.setdefault(concern(p.kind), p.title)
    return [FollowUp(title, now.get(concern(kind), "")) for kind, title in prev.fix_first]


def _distance(value: float, lo: float, hi: float) -> float:
    """How far a value lies outside the band [lo, hi] (0 inside)."""
    return max(lo - value, 0.0, value - hi)


def _verdict(before: float, after: float, tolerance: float) -> bool | None:
    """Lower is better: True when it fell by more than ``tolerance``."""
    if abs(after - before) <= tolerance:
        return None
    return after < before


def compare(prev: Summary, cur: Summary, options: dict[str, Any] | None = None) -> list[Change]:
    """Fillers per minute, pace, length and red flags, this attempt against the previous."""
    from starcoach.analysis.model import AnalysisOptions

    o = AnalysisOptions.from_dict(options or {})
    changes: list[Change] = []
    if prev.fillers_per_min is not None and cur.fillers_per_min is not None:
        changes.append(Change("fillers per minute", f"{prev.fillers_per_min:.1f}",
                              f"{cur.fillers_per_min:.1f}",
                              _verdict(prev.fillers_per_min, cur.fillers_per_min, 0.5)))
    if prev.wpm is not None and cur.wpm is not None:
        changes.append(Change("pace (words per minute)", f"{prev.wpm:.0f}", f"{cur.wpm:.0f}",
                              _verdict(_distance(prev.wpm, o.wpm_min, o.wpm_max),
                                       _distance(cur.wpm, o.wpm_min, o.wpm_max), 2.0)))
    changes.append(Change("length", clock(prev.length_s), clock(cur.length_s),
                          _verdict(_distance(prev.length_s, o.target_min_s, o.target_max_s),
                                   _distance(cur.length_s, o.target_min_s, o.target_max_s),
                                   3.0)))
    changes.append(Change("red flags", _flags(prev.flags), _flags(cur.flags),
                          _verdict(len(prev.flags), len(cur.flags), 0)))
    return changes


def _flags(flags: tuple[str, ...]) -> str:
    if not flags:
        return "none"
    return f"{len(flags)} ({', '.join(sorted(set(flags)))})"
