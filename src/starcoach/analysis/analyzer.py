"""The analyzer: a Transcript (and the audio, for pauses) in, an Analysis out.

``analyze`` runs the stages in order: fillers first (so the STAR labeller can ignore them),
STAR sections, disfluencies, pauses from the audio, pace, red flags and strengths, the guide's
themes, the question's own checks, and the notes a coach would give. Each stage is a pure
function in its own module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from starcoach.analysis.model import (
    STAR_LABELS,
    Analysis,
    AnalysisOptions,
    AskedQuestion,
)
from starcoach.errors import NoSpeechError
from starcoach.serial import rounded
from starcoach.types import Transcript, Word

if TYPE_CHECKING:
    import numpy as np

def analyze(transcript: Transcript, samples: np.ndarray | None = None,
            options: AnalysisOptions | None = None, question: AskedQuestion | None = None
            ) -> Analysis:
    """Analyze one answer.

    ``samples`` (16 kHz mono float32) gives pauses measured from the audio; without it there
    are no pauses. A typed answer (``transcript.timed`` False) has no pace either, and its
    section shares are shares of the words. ``question`` is the question answered (the bank's
    ``Question``), or None. Raises NoSpeechError for a transcript without words.
    """
    from starcoach.analysis import fillers as fl
    from starcoach.analysis import notes, pacing, priorities, red_flags, star
    from starcoach.analysis.sections import assign_sections, build_sections

    options = options or AnalysisOptions()
    words = tuple(transcript.words)
    if not words:
        where = f" in {transcript.source}" if transcript.source else ""
        raise NoSpeechError(f"no words to analyze{where}: nothing was said, or the answer "
                            "is empty")
    timed = transcript.timed
    found = fl.find_fillers(words)
    skip = fl.filler_indices(words, found)
    spans = star.label_sections(words, options, skip)
    voicing = None
    if timed and samples is not None and len(samples) > 0:
        voicing = pacing.detect_voicing(samples)
    start, end = pacing.speech_span(words, voicing)
    if transcript.duration_s > 0:  # a model may stamp the last word a little past the end
        start, end = max(0.0, min(start, transcript.duration_s)), min(end, transcript.duration_s)
    filled = {f.word_index for f in found if f.kind == "filled_pause"}
    spoken = [i for i in range(len(words)) if i not in filled]  # um and uh are not words
    quiet = pacing.silences(voicing, options.min_pause_s) if voicing else []
    sections = build_sections(words, spans, start, end, spoken, found, timed, quiet)
    found = assign_sections(found, sections)
    pauses = pacing.find_pauses(voicing, words, sections, options) if voicing else []
    pace = pacing.pace(words, spoken, start, end, pauses, len(found), options) if timed else None
    flags = red_flags.for_question(red_flags.find_red_flags(words, spans, options),
                                   question.category if question else None)
    strengths = red_flags.find_strengths(words, spans, options)
    themes = red_flags.check_themes(words, flags, strengths)
    labels = {s.label for s in sections}
    missing = tuple(label for label in STAR_LABELS if label not in labels)
    analysis = Analysis(
        duration_s=transcript.duration_s,
        speech_start=start,
        speech_end=end,
        speaking_s=max(0.0, end - start),
        words=words,
        sections=tuple(sections),
        missing=missing,
        fillers=tuple(found),
        disfluencies=tuple(fl.find_disfluencies(words, skip)),
        pauses=tuple(pauses),
        red_flags=tuple(flags),
        strengths=tuple(strengths),
        themes=tuple(themes),
        pace=pace,
        notes=(),
        options=options,
        timed=timed,
        question=_question_summary(question),
        question_checks=tuple(_question_checks(question, words, strengths)),
        unclear=tuple(transcript.unclear),
        extra={**{k: v for k, v in (("source", transcript.source),
                                    ("model", transcript.model)) if v},
               # A recording analyzed from its transcript alone: pauses were not measured.
               **({"pauses_measured": False} if timed and voicing is None else {})},
    )
    # Every figure is rounded once, here, as the JSON keeps it: the notes judge the figures
    # every view shows, so a note never says 12.7 fillers a minute beside a header that says
    # 12.8, and a result loaded from a saved session is the same result.
    analysis = rounded(analysis)
    analysis = replace(analysis, notes=tuple(notes.make_notes(analysis)))
    # What to fix first is ranked once, here, and every view (report, HTML, show, the
    # practice comparison) reads it from the analysis.
    return replace(analysis, fix_first=priorities.rank(analysis))


def _question_summary(question: AskedQuestion | None) -> dict[str, Any] | None:
    """What the analysis keeps of the question (``question`` in the JSON)."""
    if question is None:
        return None
    return {"id": question.id, "text": question.text, "category": question.category}


def _question_checks(question: AskedQuestion | None, words: Sequence[Word],
                     strengths: Sequence[Any]) -> list[Any]:
    if question is None:
        return []
    from starcoach.analysis import question_fit

    return list(question_fit.check_question(question, words, strengths))
