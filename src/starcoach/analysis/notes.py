"""The verdicts a coach would give in a sentence each: length, missing parts, balance, pace,
fillers and long pauses. Each is a Note with ``status`` "ok", "low" or "high"."""

from __future__ import annotations

from collections.abc import Callable

from starcoach.analysis.model import Analysis, Note
from starcoach.types import clock

NoteRule = Callable[[Analysis], "list[Note]"]

MISSING_ADVICE = {
    "situation": "No situation: open with one or two sentences of context (where, when, what "
                 "was at stake).",
    "task": "No task: say what you were responsible for or what was expected of you.",
    "action": "No action: walk through what you did yourself, step by step, with \"I\".",
    "result": "No result: say how it ended, with a number if you can, and what you do "
              "differently now.",
}




def length_note(a: Analysis) -> list[Note]:
    o = a.options
    s = a.length_s
    said = f"{s:.0f} s" if a.timed else f"about {s:.0f} s when spoken"
    target = f"aim for {o.target_min_s:.0f}-{o.target_max_s:.0f} s"
    if s < o.thin_s:
        return [Note("length", "low", f"Thin: {said}. Under {o.thin_s:.0f} s leaves too little "
                     f"detail to judge; {target}.")]
    if s < o.target_min_s:
        return [Note("length", "low", f"Short: {said}; {target}. Add detail to what you did "
                     "and how it ended.")]
    if s <= o.target_max_s:
        return [Note("length", "ok", f"Length OK: {said}, inside the "
                     f"{o.target_min_s:.0f}-{o.target_max_s:.0f} s target.")]
    if s <= o.ramble_s:
        return [Note("length", "high", f"Long: {said}; {target}. Trim the set-up first.")]
    return [Note("length", "high", f"Rambles: {said}. Past {o.ramble_s:.0f} s listeners drift; "
                 f"{target} and cut the situation to two sentences.")]


def missing_notes(a: Analysis) -> list[Note]:
    return [Note("missing", "low", MISSING_ADVICE[label]) for label in a.missing]


def shares(a: Analysis) -> dict[str, float]:
    """Share of the answer per STAR label (a label that comes back is added up)."""
    out: dict[str, float] = {}
    for s in a.sections:
        out[s.label] = out.get(s.label, 0.0) + s.share
    return out


def balance_notes(a: Analysis) -> list[Note]:
    o, sh = a.options, shares(a)
    unit = "of the answer" if a.timed else "of the words"
    notes = []
    setup = sh.get("situation", 0.0) + sh.get("task", 0.0)
    later = "action" in sh or "result" in sh  # with neither, the missing notes say it all
    if later and setup > o.setup_max_share + o.share_tolerance / 2:
        notes.append(Note("balance", "high", f"Set-up (situation and task) takes {setup:.0%} "
                          f"{unit}; keep it under {o.setup_max_share:.0%} and get to what you "
                          "did sooner."))
    if "action" in sh:
        act = sh["action"]
        if act < o.action_target_share - o.share_tolerance:
            notes.append(Note("balance", "low", f"Action is {act:.0%} {unit}; aim for about "
                              f"{o.action_target_share:.0%}: it is the part that shows you."))
        elif act > o.action_target_share + o.share_tolerance:
            notes.append(Note("balance", "high", f"Action is {act:.0%} {unit}; about "
                              f"{o.action_target_share:.0%} leaves room for the result."))
    if "result" in sh:
        res = sh["result"]
        if res < o.result_target_share - o.share_tolerance / 2:
            notes.append(Note("balance", "low", f"Result is {res:.0%} {unit}; aim for about "
                              f"{o.result_target_share:.0%}: the outcome, a number, the lesson."))
        elif res > o.result_target_share + o.share_tolerance:
            notes.append(Note("balance", "high", f"Result is {res:.0%} {unit}; about "
                              f"{o.result_target_share:.0%} is enough."))
    if not notes and not a.missing:
        notes.append(Note("balance", "ok", f"Balance OK: set-up {setup:.0%}, action "
                          f"{sh.get('action', 0):.0%}, result {sh.get('result', 0):.0%}."))
    return notes


def pace_note(a: Analysis) -> list[Note]:
    if a.pace is None:
        return []
    o, wpm = a.options, a.pace.wpm
    band = f"{o.wpm_min:.0f}-{o.wpm_max:.0f} wpm"
    if wpm < o.wpm_min:
        return [Note("pace", "low", f"Slow: {wpm:.0f} wpm, under the comfortable {band}.")]
    if wpm > o.wpm_max:
        return [Note("pace", "high", f"Fast: {wpm:.0f} wpm, over the comfortable {band}; "
                     "slow down and let the key points land.")]
    return [Note("pace", "ok", f"Pace OK: {wpm:.0f} wpm, inside {band}.")]


def filler_note(a: Analysis) -> list[Note]:
    if a.pace is None:
        return []
    rate, top = a.pace.fillers_per_min, a.options.fillers_per_min_max
    if rate > top:
        return [Note("fillers", "high", f"{rate:.1f} fillers a minute (over {top:.0f}): a "
                     "silent pause sounds more sure than um or like.")]
    return [Note("fillers", "ok", f"Fillers OK: {rate:.1f} a minute.")]


def pause_note(a: Analysis) -> list[Note]:
    long = [p for p in a.pauses if p.seconds >= a.options.long_pause_s]
    mid = [p for p in long if p.where == "mid_sentence"]
    if not mid:
        return []
    where = ", ".join(clock(p.start) for p in mid)
    return [Note("pauses", "high", f"{len(mid)} long pause{'s' * (len(mid) > 1)} mid-sentence "
                 f"(at {where}): pause between thoughts, not inside one.")]


def unclear_note(a: Analysis) -> list[Note]:
    if not a.unclear:
        return []
    spans = ", ".join(f"{clock(s)}-{clock(e)}" for s, e in a.unclear)
    total = sum(e - s for s, e in a.unclear)
    return [Note("unclear", "high", f"Unclear: {total:.0f} s of speech the model could not make "
                 f"out (at {spans}); the figures leave it out. Listen back, and speak up or "
                 "closer to the microphone there.")]


NOTE_RULES: tuple[NoteRule, ...] = (unclear_note, length_note, missing_notes, balance_notes,
                                    pace_note, filler_note, pause_note)


def make_notes(a: Analysis) -> list[Note]:
    return [n for rule in NOTE_RULES for n in rule(a)]
