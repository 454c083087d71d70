"""The JSON written beside each sample: what is known about it, all timed from the script."""

from __future__ import annotations

from answers import Sample

STAR_LABELS = ("situation", "task", "action", "result")


def pause_entry(start: float, end: float, where: str) -> dict:
    """A long silence: from the last word before it to the next word."""
    return {"start": round(start, 3), "end": round(end, 3), "seconds": round(end - start, 3),
            "where": where}


def sections_from(sentences: list[dict]) -> list[dict]:
    """Contiguous sections: runs of sentences with one label, split at the middle of the gap."""
    runs: list[dict] = []
    for s in sentences:
        if runs and runs[-1]["label"] == s["section"]:
            runs[-1]["end"] = s["end"]
            runs[-1]["text"] += " " + s["text"]
        else:
            runs.append({"label": s["section"], "start": s["start"], "end": s["end"],
                         "text": s["text"]})
    for a, b in zip(runs, runs[1:], strict=False):
        middle = round((a["end"] + b["start"]) / 2, 3)
        a["end"], b["start"] = middle, middle
    return runs


def locate(quote: str | None, sentences: list[dict]) -> tuple[float | None, float | None]:
    """Time span of the sentence holding ``quote`` (None for findings about what is absent)."""
    if not quote:
        return None, None
    for s in sentences:
        if quote.lower() in s["text"].lower():
            return s["start"], s["end"]
    raise SystemExit(f"error: quote {quote!r} is not in the script")


def describe(sample: Sample, sentences: list[dict], fillers: list[dict],
             disfluencies: list[dict], pauses: list[dict], duration: float) -> dict:
    """The whole JSON for one sample; sections and finding times are derived from sentences."""
    sections = sections_from(sentences)

    def findings(items: tuple[tuple[str, str | None], ...]) -> list[dict]:
        out = []
        for category, quote in items:
            start, end = locate(quote, sentences)
            out.append({"category": category, "quote": quote, "start": start, "end": end})
        return out

    return {
        "name": sample.name,
        "question": sample.question,
        "description": sample.description,
        "voice": sample.voice,
        "speed_wpm": sample.speed,
        "says_section_names": sample.says_section_names,
        "text": " ".join(s["text"] for s in sentences),
        "duration_s": duration,
        "speech_start": sentences[0]["start"],
        "speech_end": sentences[-1]["end"],
        "sections": sections,
        "missing": [x for x in STAR_LABELS if x not in {s["label"] for s in sections}],
        "sentences": sentences,
        "fillers": fillers,
        "disfluencies": disfluencies,
        "pauses": pauses,
        "red_flags": findings(sample.red_flags),
        "strengths": findings(sample.strengths),
    }
