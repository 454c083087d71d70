"""Looking back at saved answers: the history list, progress across attempts, export.

Everything here works on the stored JSON (``Analysis.to_dict()``), so old sessions stay
readable whatever the analyzer has become since. Rendering returns rich renderables or strings;
nothing here prints.
"""

from __future__ import annotations

import json
import statistics
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starcoach.analysis.priorities import stored_points
from starcoach.errors import NotFoundError, StorageError, UsageError
from starcoach.sessions.store import Session, Store, normalize_question_id, warn_once
from starcoach.types import clock

if TYPE_CHECKING:
    from rich.console import JustifyMethod

    from starcoach.analysis.model import Analysis

SPARKS = "▁▂▃▄▅▆▇█"

SUMMARY_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)
"""What a stored analysis that is JSON but not the shape an analysis has raises when read."""


def question_filter(store: Store, question_id: str | None) -> str | None:
    """``--question`` as the bank spells it (`` Failure-1 `` is ``failure-1``), so no session
    drops out of the list for a capital or a space. An ID the bank does not know is refused,
    unless sessions answered it (a question of a guide since removed)."""
    if not question_id:
        return None
    from starcoach.questions.bank import get_question

    try:
        return get_question(question_id).id
    except NotFoundError:
        key = normalize_question_id(question_id)
        if key and key in store.question_ids():
            return key
        raise


def readable(sessions: list[Session]) -> list[tuple[Session, Summary]]:
    """Each session with its summary; one whose analysis cannot be summed up is skipped with
    one warning naming it, so a damaged row never hides the others."""
    out = []
    for s in sessions:
        try:
            out.append((s, summarize(s)))
        except SUMMARY_ERRORS as exc:
            warn_once(f"session {s.id} cannot be read (its analysis is damaged: "
                      f"{type(exc).__name__} {exc}); skipped. `starcoach delete {s.id}` "
                      "removes it")
    return out


def summarize_one(session: Session) -> Summary:
    """``summarize`` for one session asked for by ID: StorageError when it is damaged."""
    try:
        return summarize(session)
    except SUMMARY_ERRORS as exc:
        raise StorageError(f"session {session.id} cannot be read (its analysis is damaged: "
                           f"{type(exc).__name__} {exc}): `starcoach delete {session.id}` "
                           "removes it") from exc


def stored_analysis(session: Session) -> Analysis:
    """The analysis of a session asked for by ID, as every view renders it. StorageError
    when it cannot be read back: damaged, or stored by a starcoach whose analysis this one
    does not know."""
    from starcoach.analysis.model import Analysis

    try:
        return Analysis.from_dict(session.analysis)
    except SUMMARY_ERRORS as exc:
        raise StorageError(f"session {session.id} cannot be shown (its analysis cannot be "
                           f"read: {type(exc).__name__} {exc}): `starcoach reanalyze "
                           f"{session.id}` judges its transcript again, `starcoach delete "
                           f"{session.id}` removes it") from exc


def local_time(iso: str) -> str:
    """Stored UTC time as the user's local ``YYYY-MM-DD HH:MM``."""
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Summary:
    """The key numbers of one attempt, read from its analysis JSON."""

    id: str
    created_at: str
    question_id: str | None
    question: str | None
    length_s: float
    speaking_s: float
    wpm: float | None
    fillers_per_min: float | None
    flags: tuple[str, ...]
    shares: dict[str, float]
    missing: tuple[str, ...]
    analyzer_version: str | None
    recording_s: float | None = None
    """The recording's length; ``length_s`` is the answer's (see ``Analysis.length_s``)."""
    fix_first: tuple[tuple[str, str], ...] = ()
    """(kind, title) of each point its report put first (``Analysis.fix_first``)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "created_at": self.created_at, "question_id": self.question_id,
            "question": self.question, "length_s": round(self.length_s, 2),
            "duration_s": self.recording_s,
            "speaking_s": self.speaking_s, "wpm": self.wpm,
            "fillers_per_min": self.fillers_per_min, "red_flags": list(self.flags),
            "section_shares": self.shares, "missing": list(self.missing),
            "analyzer_version": self.analyzer_version,
        }


def answer_length(a: dict[str, Any]) -> float:
    """``Analysis.length_s`` of a stored analysis: the same length the report showed."""
    from starcoach.analysis.model import Analysis

    try:
        return Analysis.from_dict(a).length_s
    except (KeyError, TypeError, ValueError):  # an analysis from an older starcoach
        return float(a.get("speaking_s", a.get("duration_s", 0.0)))


def summarize(session: Session) -> Summary:
    a = session.analysis
    pace = a.get("pace") or {}
    shares: dict[str, float] = {}
    for sec in a.get("sections", []):
        shares[sec["label"]] = round(shares.get(sec["label"], 0.0) + sec.get("share", 0.0), 3)
    return Summary(
        id=session.id, created_at=session.created_at, question_id=session.question_id,
        question=session.question_text, length_s=answer_length(a),
        speaking_s=float(a.get("speaking_s", a.get("duration_s", 0.0))),
        wpm=pace.get("wpm"), fillers_per_min=pace.get("fillers_per_min"),
        flags=tuple(f["category"] for f in a.get("red_flags", [])), shares=shares,
        missing=tuple(a.get("missing", [])), analyzer_version=session.analyzer_version,
        recording_s=float(a.get("duration_s", session.duration_s)),
        fix_first=tuple((p["kind"], p["title"]) for p in stored_points(a)),
    )


# -- history -------------------------------------------------------------------------------
def history(store: Store, question_id: str | None = None) -> list[Summary]:
    return [summary for _, summary in readable(store.sessions(question_filter(store,
                                                                              question_id)))]


HISTORY_COLUMNS: tuple[tuple[str, JustifyMethod], ...] = (
    ("ID", "left"), ("Date", "left"), ("Question", "left"), ("Length", "right"),
    ("WPM", "right"), ("Fillers/min", "right"), ("Flags", "left"))


def _history_cells(r: Summary) -> tuple[str, ...]:
    return (r.id, local_time(r.created_at), r.question_id or "-", clock(r.length_s),
            "-" if r.wpm is None else f"{r.wpm:.0f}",
            "-" if r.fillers_per_min is None else f"{r.fillers_per_min:.1f}",
            _flags_cell(r.flags))


def history_table(rows: list[Summary], width: int | None = None):  # -> rich renderable
    """One row a session; where ``width`` is too narrow for the table, two lines a session.

    A narrow table would cut question IDs mid-word and drop whole columns, so below the
    table's natural width each session becomes its ID, date and question on one line and its
    numbers on the next.
    """
    from rich.table import Table
    from rich.text import Text

    cells = [_history_cells(r) for r in rows]
    natural = sum(max(len(name), *(len(c[i]) for c in cells))
                  for i, (name, _) in enumerate(HISTORY_COLUMNS)) + 2 * (len(HISTORY_COLUMNS) - 1)
    if width is not None and natural > width:
        lines: list[str] = []
        for (sid, date, question, length, wpm, fpm, flags) in cells:
            lines.append(f"{sid}  {date}  {question}")
            lines.append(f"  {length} · {wpm} wpm · {fpm} fillers/min · flags {flags}")
        return Text("\n".join(lines))
    table = Table(box=None, pad_edge=False, header_style="bold")
    for name, justify in HISTORY_COLUMNS:
        table.add_column(name, justify=justify, no_wrap=True)
    for row in cells:
        table.add_row(*row)
    return table


def _flags_cell(flags: tuple[str, ...]) -> str:
    """``3: blame shifting +1``: the count, the most frequent kind, how many other kinds."""
    if not flags:
        return "0"
    top = max(sorted(set(flags)), key=flags.count)
    more = len(set(flags)) - 1
    return f"{len(flags)}: {top.replace('_', ' ')}" + (f" +{more}" if more else "")


# -- progress ------------------------------------------------------------------------------
METRICS = (
    # name, how to read it off a Summary, unit, which way is better: "down", or the options
    # holding the comfortable band (a value inside the band is as good as it gets)
    ("Fillers/min", lambda s: s.fillers_per_min, "", "down"),
    ("Pace (wpm)", lambda s: s.wpm, "", ("wpm_min", "wpm_max")),
    ("Length", lambda s: s.length_s, "s", ("target_min_s", "target_max_s")),
    ("Action share", lambda s: s.shares.get("action", 0.0) * 100, "%", "action"),
    ("Red flags", lambda s: float(len(s.flags)), "", "down"),
)


TREND_MAX = 20
"""The trend shows the latest attempts only, so the table keeps its width after many."""


def sparkline(values: list[float]) -> str:
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        return SPARKS[3] * len(values)
    return "".join(SPARKS[round((v - lo) / (hi - lo) * (len(SPARKS) - 1))] for v in values)


def _band(better: Any, options: dict[str, Any]) -> tuple[float, float] | None:
    if better == "down":
        return None
    if better == "action":
        target = float(options.get("action_target_share", 0.5))
        tol = float(options.get("share_tolerance", 0.12))
        return ((target - tol) * 100, (target + tol) * 100)
    return (float(options[better[0]]), float(options[better[1]]))


def verdict(value: float, reference: float | None, band: tuple[float, float] | None) -> str:
    """"better", "worse" or "same": lower is better, or closer to the band when there is one."""
    if reference is None:
        return "-"

    def badness(v: float) -> float:
        return v if band is None else max(band[0] - v, v - band[1], 0.0)

    diff = badness(value) - badness(reference)
    return "same" if abs(diff) < 1e-6 else ("better" if diff < 0 else "worse")


def progress(store: Store, question_id: str | None = None) -> dict[str, Any]:
    """Each metric across attempts, with the last against the previous and the average."""
    question_id = question_filter(store, question_id)
    pairs = readable(store.sessions(question_id))
    if not pairs:  # nothing to compare yet: not an error, as for history
        return {"question_id": question_id, "attempts": 0, "metrics": [], "balance": [],
                "ids": []}
    sessions = [s for s, _ in pairs]
    rows = [r for _, r in pairs]
    from starcoach.analysis.model import AnalysisOptions

    options = {**AnalysisOptions().to_dict(), **(sessions[-1].analysis.get("options") or {})}
    metrics = []
    for name, get, unit, better in METRICS:
        values = [round(float(v), 2) for v in (get(r) for r in rows) if v is not None]
        if not values:
            continue
        band = _band(better, options)
        previous = values[-2] if len(values) > 1 else None
        average = round(statistics.fmean(values), 2)
        metrics.append({
            "metric": name, "unit": unit, "band": band, "values": values, "last": values[-1],
            "previous": previous, "average": average,
            "vs_previous": verdict(values[-1], previous, band),
            "vs_average": verdict(values[-1], average if len(values) > 1 else None, band),
        })
    balance = [{"id": r.id, "shares": r.shares} for r in rows]
    return {"question_id": question_id, "attempts": len(rows), "metrics": metrics,
            "balance": balance, "ids": [r.id for r in rows]}


def _fmt(v: float | None, unit: str, metric: str = "", sign: str = "") -> str:
    """One metric's numbers alike in every column: fillers a minute with one decimal (``0.0``
    beside ``13.5``, not ``14``), red flags as whole counts (an average may be ``4.5``), the
    others whole with their unit."""
    if v is None:
        return "-"
    if metric == "Fillers/min":
        return f"{v:{sign}.1f}"
    if metric == "Red flags":
        return f"{v:{sign}.0f}" if float(v).is_integer() else f"{v:{sign}.1f}"
    return f"{v:{sign}.0f}{unit}" if abs(v) >= 10 or unit else f"{v:{sign}.1f}"


def _change(last: float, ref: float | None, unit: str, word: str,
            metric: str = ""):  # -> rich Text
    from rich.text import Text

    if ref is None:
        return Text("-")
    style = {"better": "green", "worse": "red"}.get(word, "")
    amount = (f"{last - ref:+.1f}{unit}" if metric not in ("Fillers/min", "Red flags")
              else _fmt(last - ref, unit, metric, sign="+"))
    return Text(f"{amount} {word}", style=style)


def progress_view(data: dict[str, Any]):  # -> rich renderable
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold",
                  title=f"{data['attempts']} attempt(s), oldest to newest", title_justify="left")
    trend = "Trend" if data["attempts"] <= TREND_MAX else f"Last {TREND_MAX}"
    for col in ("Metric", trend, "Last", "Previous", "Average", "vs previous", "vs average"):
        # the names and numbers stay whole on a narrow terminal; the comparisons wrap
        table.add_column(col, justify="left" if col in ("Metric", trend) else "right",
                         no_wrap=not col.startswith("vs "))
    for m in data["metrics"]:
        prev, avg, unit, name = m["previous"], m["average"], m["unit"], m["metric"]
        table.add_row(name, sparkline(m["values"][-TREND_MAX:]), _fmt(m["last"], unit, name),
                      _fmt(prev, unit, name), _fmt(avg, unit, name),
                      _change(m["last"], prev, unit, m["vs_previous"], name),
                      _change(m["last"], avg if prev is not None else None, unit,
                              m["vs_average"], name))
    bars = Text("\nSection balance (S situation, T task, A action, R result)\n", style="bold")
    for row in data["balance"]:
        bars.append(f"{row['id']}  ", style="")
        done = 0.0
        for label, style in (("situation", "cyan"), ("task", "blue"), ("action", "green"),
                             ("result", "magenta")):
            # Round the running total, not each share, so the bars all end at the same column.
            share = row["shares"].get(label, 0.0)
            width = round((done + share) * 40) - round(done * 40)
            done += share
            bars.append(label[0].upper() * width, style=style)
        bars.append("\n")
    return Group(table, bars)


# -- export --------------------------------------------------------------------------------
def export(store: Store, out: Path) -> int:
    """Write every session to ``out`` (a folder, or a ``.zip``): sessions.json plus the audio."""
    sessions = store.sessions()
    docs, files = [], []
    for s in sessions:
        follow_ups = store.follow_ups(s.id)
        docs.append({**s.to_dict(), "follow_ups": [f.to_dict() for f in follow_ups]})
        files += [p for p in [s.audio_path, *(f.audio_path for f in follow_ups)]
                  if p is not None and p.is_file()]
    doc = {"schema": "starcoach.sessions/1", "sessions": docs}
    payload = json.dumps(doc, indent=2, ensure_ascii=False)
    _write_export(out, payload, files)
    return len(sessions)


def _write_export(out: Path, payload: str, audio: list[Path]) -> None:
    """Write the export whole under a temporary name beside ``out``, then rename it into
    place: a failure (a full disk, a folder that cannot be written) leaves nothing behind, so
    the same command can simply be run again."""
    from starcoach.files import place, remove_temp, temp_name, write_problem

    is_zip = out.suffix.lower() == ".zip"
    if is_zip and out.exists():
        raise UsageError(f"{out} already exists; give a new file name")
    if not is_zip:
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out} is a file; give a folder or a name ending in .zip")
        if (out / "sessions.json").exists():
            raise UsageError(f"{out} already holds an export (sessions.json); give a new folder")
        if out.is_dir() and any(out.iterdir()):
            # an export mixed into a folder of other files (`export ~`) is hard to find and to
            # remove again, and its audio/ could replace files of the same name
            raise UsageError(f"{out} is a folder that is not empty; give a new or empty folder")
    if (reason := write_problem(out)) is not None:
        raise UsageError(f"cannot export to {out}: {reason}")
    temp = temp_name(out)
    try:
        if is_zip:
            with zipfile.ZipFile(temp, "x") as zf:
                zf.writestr("sessions.json", payload, compress_type=zipfile.ZIP_DEFLATED)
                for f in audio:  # FLAC is compressed already
                    zf.write(f, f"audio/{f.name}", compress_type=zipfile.ZIP_STORED)
        else:
            (temp / "audio").mkdir(parents=True)
            for f in audio:
                (temp / "audio" / f.name).write_bytes(f.read_bytes())
            (temp / "sessions.json").write_text(payload + "\n", encoding="utf-8")
        _sync(temp)
        place(temp, out)
    except FileExistsError as exc:
        raise UsageError(f"{out} appeared while the export was written; give a new name") from exc
    except OSError as exc:
        raise UsageError(f"cannot export to {out}: {write_problem(out, exc)}") from exc
    finally:
        remove_temp(temp)


def _sync(path: Path) -> None:
    """Flush a written file, or every file of a written folder, to the disk."""
    import os

    for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
        if p.is_file():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def practiced_questions() -> list[dict[str, Any]]:
    """The saved sessions as the stories checklist wants them: question and time only."""
    from starcoach import config
    from starcoach.sessions.store import DB_NAME, open_store

    if not (config.data_dir() / DB_NAME).exists():
        return []  # nothing practiced yet: do not create an empty database just to read it
    with open_store(create=False) as store:
        return [{"question_id": s.question_id, "created_at": s.created_at}
                for s in store.sessions()]
