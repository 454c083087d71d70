"""The pipeline in one place: audio file -> Transcript -> Analysis (and a stored one again).

Commands (analyze, practice, reanalyze) call these functions, so that what a test checks here
is what the user runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starcoach.errors import NotFoundError
from starcoach.types import Transcript

if TYPE_CHECKING:
    import numpy as np

    from starcoach.analysis.model import Analysis, AnalysisOptions
    from starcoach.audio.pitch import PitchTrack
    from starcoach.questions.bank import Question
    from starcoach.sessions.store import Store

ProgressFn = Callable[[float, float], None]
"""Called with (seconds of audio transcribed, total seconds)."""


@dataclass(frozen=True)
class Result:
    transcript: Transcript
    analysis: Analysis
    samples: Any  # np.ndarray, 16 kHz mono float32


def transcribe_file(
    path: str | Path, model: str | None = None, progress: ProgressFn | None = None
) -> tuple[Transcript, np.ndarray]:
    """Decode and transcribe one recording. Raises AudioError, NoSpeechError or ModelError."""
    from starcoach.audio import decode as audio
    from starcoach.transcribe import whisper as transcribe

    transcribe.resolve_model(model)  # a model that is not there fails before a long decode
    samples = audio.load_audio(path)
    transcript = transcribe.transcribe(samples, model=model, progress=progress, source=str(path))
    return transcript, samples


def question_context(question_id: str | None) -> Question | None:
    """The question an answer responds to (None for no question); NotFoundError for an ID the
    bank does not know."""
    if not question_id:
        return None
    from starcoach.questions import bank as questions

    return questions.get_question(question_id)


def analyze_transcript(
    transcript: Transcript,
    samples: np.ndarray | None = None,
    question_id: str | None = None,
    options: AnalysisOptions | None = None,
    pitch: PitchTrack | None = None,
) -> Analysis:
    """``pitch``: the samples' pitch track when it was made already (a live take)."""
    from starcoach.analysis import analyze

    analysis = analyze(transcript, samples=samples, options=options,
                       question=question_context(question_id))
    return with_delivery(analysis, samples, pitch)


def with_delivery(analysis: Analysis, samples: np.ndarray | None,
                  pitch: PitchTrack | None = None) -> Analysis:
    """The analysis with the voice's pitch and loudness measured from ``samples`` (or their
    ``pitch`` track, tracked already while they were recorded); unchanged for a typed answer
    or no audio (delivery stays absent)."""
    if samples is None or len(samples) == 0 or not analysis.timed:
        return analysis
    from dataclasses import replace

    from starcoach.analysis.delivery import measure
    from starcoach.audio.pitch import track
    from starcoach.serial import rounded

    delivery = measure(pitch if pitch is not None else track(samples), analysis.words,
                       analysis.sections,
                       analysis.speech_start, analysis.speech_end)
    return replace(analysis, delivery=None if delivery is None else rounded(delivery))


def analyze_file(
    path: str | Path,
    model: str | None = None,
    question_id: str | None = None,
    options: AnalysisOptions | None = None,
    progress: ProgressFn | None = None,
) -> Result:
    from starcoach.analysis import analyze

    # Look the question up first: an unknown ID should fail before a long transcription.
    question = question_context(question_id)
    transcript, samples = transcribe_file(path, model=model, progress=progress)
    analysis = analyze(transcript, samples=samples, options=options, question=question)
    return Result(transcript, with_delivery(analysis, samples), samples)


def analyze_text_file(
    path: str | Path, question_id: str | None = None, options: AnalysisOptions | None = None
) -> Analysis:
    """Analyze a typed answer: sections by words, no times, no pace."""
    from starcoach.analysis import analyze
    from starcoach.transcribe.typed import read_text_transcript

    transcript = read_text_transcript(path)
    return analyze(transcript, samples=None, options=options,
                   question=question_context(question_id))


def reanalyze_session(store: Store, session_id: str) -> tuple[str | None, str | None, bool]:
    """Run the current analyzer, with its default options, on a stored transcript (and the
    stored audio, for the pauses). No re-transcription.

    Returns (analyzer version before, after, whether the audio was there to measure pauses).
    """
    from starcoach.audio.decode import load_audio

    session = store.get(session_id)
    transcript = Transcript.from_dict(session.transcript)
    audio_path = session.audio_path
    has_audio = audio_path is not None and audio_path.is_file()
    # Without its audio (deleted by hand) the analyzer falls back on the gaps between words.
    samples = load_audio(audio_path) if audio_path is not None and has_audio else None
    try:
        analysis = analyze_transcript(transcript, samples, session.question_id)
    except NotFoundError:  # the question was removed from the bank since: judge without it
        analysis = analyze_transcript(transcript, samples, None)
    store.update_analysis(session.id, analysis)
    return session.analyzer_version, analysis.to_dict().get("analyzer_version"), has_audio
