"""Looking back at saved answers: the history list, progress across attempts, re-analysis, export.

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
from typing import Any

from starcoach.errors import NotFoundError, UsageError
from starcoach.storage import Session, Store, load_stored_audio

SPARKS = "▁▂▃▄▅▆▇█"


def clock(seconds: float | None) -> str:
    """``83.4`` -> ``"1:23"``."""
    if seconds is None:
        return "-"
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "created_at": self.created_at, "question_id": self.question_id,
            "question": self.question, "duration_s": self.length_s,
            "speaking_s": self.speaking_s, "wpm": self.wpm,
            "fillers_per_min": self.fillers_per_min, "red_flags": list(self.flags),
            "section_shares": self.shares, "missing": list(self.missing),
            "analyzer_version": self.analyzer_version,
        }


def summarize(session: Session) -> Summary:
    a = session.analysis
    pace = a.get("pace") or {}
    shares: dict[str, float] = {}
    for sec in a.get("sections", []):
        shares[sec["label"]] = round(shares.get(sec["label"], 0.0) + sec.get("share", 0.0), 3)
    return Summary(
        id=session.id, created_at=session.created_at, question_id=session.question_id,
        question=session.question_text, length_s=float(a.get("duration_s", session.duration_s)),
        speaking_s=float(a.get("speaking_s", a.get("duration_s", 0.0))),
        wpm=pace.get("wpm"), fillers_per_min=pace.get("fillers_per_min"),
        flags=tuple(f["category"] for f in a.get("red_flags", [])), shares=shares,
        missing=tuple(a.get("missing", [])), analyzer_version=session.analyzer_version,
    )


# -- history -------------------------------------------------------------------------------
def history(store: Store, question_id: str | None = None) -> list[Summary]:
    return [summarize(s) for s in store.sessions(question_id)]


def history_table(rows: list[Summary]):  # -> rich Table
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for name, justify in (("ID", "left"), ("Date", "left"), ("Question", "left"),
                          ("Length", "right"), ("WPM", "right"), ("Fillers/min", "right"),
                          ("Flags", "left")):
        table.add_column(name, justify=justify, no_wrap=name not in ("Question", "Flags"),
                         min_width=12 if name in ("Question", "Flags") else None)
    for r in rows:
        table.add_row(
            r.id, local_time(r.created_at), r.question_id or "-", clock(r.length_s),
            "-" if r.wpm is None else f"{r.wpm:.0f}",
            "-" if r.fillers_per_min is None else f"{r.fillers_per_min:.1f}",
            ", ".join(sorted(set(r.flags))) or "-",
        )
    return table


# -- progress ------------------------------------------------------------------------------
METRICS = (
    # name, how to read it off a Summary, unit, which way is better ("down", "up", "band")
    ("Fillers/min", lambda s: s.fillers_per_min, "", "down"),
    ("Pace (wpm)", lambda s: s.wpm, "", "band"),
    ("Length", lambda s: s.length_s, "s", "band"),
    ("Action share", lambda s: s.shares.get("action", 0.0) * 100, "%", "up"),
    ("Red flags", lambda s: float(len(s.flags)), "", "down"),
)


def sparkline(values: list[float]) -> str:
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        return SPARKS[3] * len(values)
    return "".join(SPARKS[round((v - lo) / (hi - lo) * (len(SPARKS) - 1))] for v in values)


def progress(store: Store, question_id: str | None = None) -> dict[str, Any]:
    """Each metric across attempts, with the last against the previous and the average."""
    rows = history(store, question_id)
    if not rows:
        where = f" for question '{question_id}'" if question_id else ""
        raise NotFoundError(f"no sessions{where} yet (save one with `starcoach analyze FILE "
                            "--save` or `starcoach practice`)")
    metrics = []
    for name, get, unit, better in METRICS:
        values = [float(v) for v in (get(r) for r in rows) if v is not None]
        if not values:
            continue
        metrics.append({
            "metric": name, "unit": unit, "better": better, "values": values,
            "last": values[-1], "previous": values[-2] if len(values) > 1 else None,
            "average": round(statistics.fmean(values), 2),
        })
    balance = [{"id": r.id, "shares": r.shares} for r in rows]
    return {"question_id": question_id, "attempts": len(rows), "metrics": metrics,
            "balance": balance, "ids": [r.id for r in rows]}


def _fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "-"
    return f"{v:.0f}{unit}" if abs(v) >= 10 or unit else f"{v:.1f}"


def progress_view(data: dict[str, Any]):  # -> rich renderable
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold",
                  title=f"{data['attempts']} attempt(s), oldest to newest", title_justify="left")
    for col in ("Metric", "Trend", "Last", "Previous", "Average", "Last vs prev."):
        table.add_column(col, justify="left" if col in ("Metric", "Trend") else "right")
    for m in data["metrics"]:
        prev = m["previous"]
        change = "-" if prev is None else f"{m['last'] - prev:+.1f}{m['unit']}"
        table.add_row(m["metric"], sparkline(m["values"]), _fmt(m["last"], m["unit"]),
                      _fmt(prev, m["unit"]), _fmt(m["average"], m["unit"]), change)
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


# -- reanalyze -----------------------------------------------------------------------------
def reanalyze(store: Store, session_id: str) -> tuple[str | None, str | None]:
    """Run the current analyzer on a stored transcript (and stored audio, for the pauses).

    No re-transcription. Returns (analyzer version before, after).
    """
    from starcoach.pipeline import analyze_transcript
    from starcoach.types import Transcript

    session = store.get(session_id)
    transcript = Transcript.from_dict(session.transcript)
    samples = load_stored_audio(session.audio_path) if session.audio_path else None
    try:
        analysis = analyze_transcript(transcript, samples, session.question_id)
    except NotFoundError:  # the question was removed from the bank since: judge without it
        analysis = analyze_transcript(transcript, samples, None)
    store.update_analysis(session.id, analysis)
    return session.analyzer_version, analysis.to_dict().get("analyzer_version")


# -- export --------------------------------------------------------------------------------
def export(store: Store, out: Path) -> int:
    """Write every session to ``out`` (a folder, or a ``.zip``): sessions.json plus the audio."""
    sessions = store.sessions()
    doc = {"schema": "starcoach.sessions/1", "sessions": [s.to_dict() for s in sessions]}
    payload = json.dumps(doc, indent=2, ensure_ascii=False)
    files = [s.audio_path for s in sessions if s.audio_path and s.audio_path.is_file()]
    if out.suffix.lower() == ".zip":
        if out.exists():
            raise UsageError(f"{out} already exists; give a new file name")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w") as zf:
            zf.writestr("sessions.json", payload, compress_type=zipfile.ZIP_DEFLATED)
            for f in files:  # FLAC is compressed already
                zf.write(f, f"audio/{f.name}", compress_type=zipfile.ZIP_STORED)
        return len(sessions)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file; give a folder or a name ending in .zip")
    if (out / "sessions.json").exists():
        raise UsageError(f"{out} already holds an export (sessions.json); give a new folder")
    (out / "audio").mkdir(parents=True, exist_ok=True)
    for f in files:
        (out / "audio" / f.name).write_bytes(f.read_bytes())
    (out / "sessions.json").write_text(payload + "\n", encoding="utf-8")
    return len(sessions)
