"""One self-contained HTML page per answer, to replay it: opens offline, needs nothing else.

The STAR timeline, filler and red-flag markers and the pace line are inline SVG; the
transcript comes from ``reading_view.annotate`` (the same highlights as ``starcoach show``); the
audio is embedded as a base64 FLAC data URI (or written beside the page when large), and
clicking a word plays from that word. Every piece of transcript text goes through
``html.escape``.
"""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from starcoach import config, files
from starcoach.errors import UsageError
from starcoach.report.fix_first import NOTHING, Quoted, point_lines, quoted_from
from starcoach.report.reading import annotate, flag_name, section_title
from starcoach.types import clock

if TYPE_CHECKING:
    from starcoach.analysis.model import Analysis, ThemeCheck
    from starcoach.report.follow_up import FollowUpView

EMBED_LIMIT_BYTES = 10 * 1024 * 1024
"""Audio larger than this is written next to the page instead of inside it."""

COLORS = {"situation": "#4f7fd9", "task": "#8a63d2", "action": "#23996d", "result": "#d98e1c"}

CSS = """
body{font:15px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d2330;
  background:#f6f7f9}
main{max-width:980px;margin:0 auto;padding:20px 24px 60px}
h1{font-size:22px;margin:0 0 2px}h2{font-size:17px;margin:18px 0 8px}
.card h3{font-size:14px;margin:10px 0 2px}
.sub{color:#5a6272;margin:0 0 12px}.kpis{display:flex;gap:10px;flex-wrap:wrap;margin:10px 0}
.kpi{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:6px 12px}
.kpi b{display:block;font-size:18px}
.card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:12px 16px;margin:10px 0}
svg text{font-size:11px;fill:#3a4150}svg .lbl{fill:#fff;font-weight:600}
.sec rect,.mk{cursor:pointer}audio{width:100%;margin:6px 0}
.tr h3{font-size:15px;margin:16px 0 4px;padding-left:8px;border-left:4px solid #999}
.tr p{margin:2px 0}.ts{color:#8a91a0;font:12px monospace;margin-right:6px;cursor:pointer}
.w{cursor:pointer;border-radius:3px}.w:hover{background:#e6ecf7}
.w.now{background:#ffe98a}.filler{background:#ffe3c2;color:#8a4b00;text-decoration:underline dotted}
mark.flag{background:#ffd6d6;color:#8c1010;border-radius:3px;padding:0 1px}
.pause{display:inline-block;color:#6b7280;font-size:12px;border:1px dashed #b8bec9;
  border-radius:10px;padding:0 6px;margin:0 3px}
.advice{margin:4px 0 8px 16px;color:#8c1010;font-size:14px}.legend span{margin-right:14px}
ul{margin:4px 0;padding-left:20px}.ok{color:#23996d}.miss{color:#8c1010}
ol.fix{margin:4px 0;padding-left:22px}ol.fix li{margin:6px 0}.ev{color:#3a4150}
.ev[data-start]{cursor:pointer}.change{color:#23996d}
"""

JS = """
const audio=document.getElementById('player');
const words=[...document.querySelectorAll('.w')];
const head=document.getElementById('playhead');
const total=parseFloat(document.body.dataset.duration)||1;
document.addEventListener('click',e=>{
  const t=e.target.closest('[data-start]');
  if(!t||!audio)return;
  audio.currentTime=parseFloat(t.dataset.start);
  const p=audio.play(); if(p)p.catch(()=>{});
});
let cur=null;
if(audio)audio.addEventListener('timeupdate',()=>{
  const t=audio.currentTime; let lo=0,hi=words.length-1,k=-1;
  while(lo<=hi){const m=(lo+hi)>>1;
    if(parseFloat(words[m].dataset.start)<=t){k=m;lo=m+1}else hi=m-1}
  const w=k>=0?words[k]:null;
  if(w!==cur){if(cur)cur.classList.remove('now'); if(w)w.classList.add('now'); cur=w}
  if(head){const x=(100*t/total).toFixed(3)+'%';
    head.setAttribute('x1',x); head.setAttribute('x2',x)}
});
"""




def _pct(t: float, total: float) -> str:
    return f"{max(0.0, min(100.0, 100.0 * t / total)):.4f}%"


def timeline_svg(a: Analysis) -> str:
    """Sections as blocks whose widths are proportional to their seconds, over the whole audio;
    below them long pauses (grey), fillers (orange ticks) and red flags (red)."""
    total = max(a.duration_s, 1e-6)
    out = ['<svg id="timeline" width="100%" height="96" role="img" '
           'aria-label="STAR timeline"><rect width="100%" height="40" fill="#eceff3"/>']
    for sec in a.sections:
        label, start, seconds = sec.label, sec.start, round(sec.seconds, 2)
        out.append(
            f'<g class="sec" data-label="{escape(label)}" data-seconds="{seconds:.2f}" '
            f'data-start="{start:.2f}"><title>{escape(section_title(sec))}</title>'
            f'<rect x="{_pct(start, total)}" y="0" width="{_pct(seconds, total)}" height="40" '
            f'fill="{COLORS.get(label, "#888")}"/>'
            f'<text class="lbl" x="{_pct(start + seconds / 2, total)}" y="25" '
            f'text-anchor="middle">{escape(label.capitalize()) if seconds / total > 0.07 else ""}'
            "</text></g>")
    long_s = a.options.long_pause_s
    for p in a.pauses:
        seconds = round(p.seconds, 2)
        fill = "#7d8594" if seconds >= long_s else "#d3d7de"
        out.append(f'<rect class="mk pause-mk" data-start="{p.start:.2f}" '
                   f'x="{_pct(p.start, total)}" y="46" width="{_pct(seconds, total)}" '
                   f'height="10" fill="{fill}"><title>pause {seconds:.1f} s</title></rect>')
    for f in a.fillers:
        out.append(f'<line class="mk filler-mk" data-start="{f.start:.2f}" '
                   f'x1="{_pct(f.start, total)}" x2="{_pct(f.start, total)}" y1="44" y2="60" '
                   f'stroke="#e07b00" stroke-width="3"><title>{escape(f.text)} '
                   f'{clock(f.start)}</title></line>')
    for flag in a.red_flags:
        if flag.start is not None:
            out.append(f'<circle class="mk flag-mk" data-start="{flag.start:.2f}" '
                       f'cx="{_pct(flag.start, total)}" cy="68" r="5" fill="#c62828">'
                       f'<title>{escape(flag_name(flag.category))}</title></circle>')
    step = next(s for s in (5, 10, 15, 30, 60, 120, 300, 10**9) if total / s <= 10)
    for t in range(0, int(total) + 1, step):
        anchor = "start" if t == 0 else ("end" if t / total > 0.97 else "middle")
        out.append(f'<text x="{_pct(t, total)}" y="90" text-anchor="{anchor}">{clock(t)}</text>')
    out.append('<line id="playhead" x1="0%" x2="0%" y1="0" y2="76" stroke="#1d2330" '
               'stroke-width="2"/></svg>')
    return "".join(out)


def pitch_svg(a: Analysis) -> str:
    """The pitch line under the timeline, on the same time axis: semitones from the answer's
    median, gaps where the voice is silent, monotone stretches shaded. Empty without audio."""
    d = a.delivery
    if d is None or not d.contour:
        return ""
    total = max(a.duration_s, 1e-6)

    def y(st: float) -> float:  # +-8 semitones fill the strip; further is clipped
        return 50 - 50 * max(-8.0, min(8.0, st)) / 8.0

    runs: list[list[str]] = [[]]
    for t, st in d.contour:
        if st is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(f"{1000 * t / total:.1f},{y(st):.1f}")
    lines = "".join(f'<polyline class="pitch-run" points="{" ".join(r)}" fill="none" '
                    'stroke="#5b4bc4" stroke-width="2" vector-effect="non-scaling-stroke"/>'
                    for r in runs if len(r) > 1)
    flat = "".join(f'<rect class="mono-mk" data-start="{m.start:.2f}" '
                   f'x="{1000 * m.start / total:.1f}" '
                   f'y="0" width="{1000 * (m.end - m.start) / total:.1f}" height="100" '
                   f'fill="#f3e3c3"><title>monotone {clock(m.start)}-{clock(m.end)}</title></rect>'
                   for m in d.monotone)
    f = d.answer
    return (
        '<svg id="pitch" width="100%" height="76" role="img" aria-label="pitch over time">'
        '<svg x="0" y="4" width="100%" height="56" viewBox="0 0 1000 100" '
        f'preserveAspectRatio="none">{flat}<line x1="0" x2="1000" y1="50" y2="50" '
        f'stroke="#d3d7de" vector-effect="non-scaling-stroke"/>{lines}</svg>'
        f'<text x="100%" y="74" text-anchor="end">pitch range {f.range_st:.0f} semitones, '
        f'variation {f.variation_st:.1f}{" (monotone)" if f.monotone else ""}</text></svg>')


def pace_svg(a: Analysis) -> str:
    """Words per minute over time against the comfortable band."""
    windows = a.pace.windows if a.pace is not None else ()
    if a.pace is None or not windows:
        return '<p class="sub">No pace over time for this answer.</p>'
    total = max(a.duration_s, 1e-6)
    lo, hi = a.options.wpm_min, a.options.wpm_max
    top = max(hi * 1.2, max(w.wpm for w in windows) * 1.1)
    bottom = min(lo * 0.6, min(w.wpm for w in windows) * 0.9)

    def y(wpm: float) -> float:
        return 100 - 100 * (wpm - bottom) / (top - bottom)

    points = " ".join(f"{1000 * (w.start + w.end) / 2 / total:.1f},{y(w.wpm):.1f}"
                      for w in windows)
    return (
        '<svg id="pace" width="100%" height="112" role="img" aria-label="pace over time">'
        '<svg x="0" y="4" width="100%" height="90" viewBox="0 0 1000 100" '
        'preserveAspectRatio="none">'
        f'<rect x="0" y="{y(hi):.1f}" width="1000" height="{y(lo) - y(hi):.1f}" fill="#dff3ea"/>'
        f'<polyline points="{points}" fill="none" stroke="#23996d" stroke-width="2.5" '
        'vector-effect="non-scaling-stroke"/></svg>'
        f'<text x="4" y="{4 + 0.9 * y(hi) - 3:.0f}">{hi:.0f} wpm</text>'
        f'<text x="4" y="{4 + 0.9 * y(lo) + 12:.0f}">{lo:.0f} wpm</text>'
        f'<text x="100%" y="108" text-anchor="end">overall {a.pace.wpm:.0f} wpm</text>'
        '</svg>')


def transcript_html(a: Analysis) -> str:
    flags = a.red_flags
    out = ['<div class="tr">']
    for block in annotate(a):
        color = COLORS.get(block.section.label if block.section else "", "#999")
        start = block.section.start if block.section else 0.0
        out.append(f'<h3 style="border-color:{color}" data-start="{start:.2f}">'
                   f"{escape(section_title(block.section))}</h3><p>")
        open_flag: int | None = None
        for tok in block.tokens:
            if open_flag is not None and (tok.kind == "pause" or tok.new_line
                                          or tok.flag != open_flag):
                out.append(f"</mark><sup>⚑{block.numbers[open_flag]}</sup>")
                open_flag = None
            if tok.kind == "pause":
                out.append(f' <span class="pause">pause {escape(tok.text)}</span>')
                continue
            if tok.new_line:
                out.append(f'</p><p><span class="ts" data-start="{tok.start:.2f}">'
                           f"{clock(tok.start)}</span>")
            else:
                out.append(" ")
            if tok.flag is not None and open_flag is None:
                advice = flags[tok.flag].advice
                out.append(f'<mark class="flag" title="{escape(advice)}">')
                open_flag = tok.flag
            cls = "w filler" if tok.filler else "w"
            out.append(f'<span class="{cls}" data-i="{tok.index}" data-start="{tok.start:.2f}">'
                       f"{escape(tok.text)}</span>")
        if open_flag is not None:
            out.append(f"</mark><sup>⚑{block.numbers[open_flag]}</sup>")
        out.append("</p>")
        for n in block.flags:
            f = flags[n]
            out.append(f'<p class="advice">⚑{block.numbers[n]} '
                       f'<b>{escape(flag_name(f.category))}</b>: {escape(f.advice)}</p>')
    out.append("</div>")
    return "".join(out)


def _fix_first(a: Analysis) -> str:
    """The ranked points, as the terminal report and ``show`` head with them."""
    points = point_lines(a)
    if not points:
        return f'<p class="ok">{escape(NOTHING)}</p>'
    rows = []
    for (headline, evidence, change), p in zip(points, a.fix_first, strict=True):
        start = f' data-start="{p.at:.2f}"' if p.at is not None and a.timed else ""
        rows.append(f'<li><b>{escape(headline.split(". ", 1)[1])}</b>'
                    f'<div class="ev"{start}>{escape(evidence)}</div>'
                    f'<div class="change">→ {escape(change)}</div></li>')
    return f'<ol class="fix">{"".join(rows)}</ol>'


def _findings(a: Analysis, quoted: Quoted) -> str:
    """Red flags (a quote already in the fix-first points is not repeated), missing parts,
    the notes that are not OK, and the question's points not heard."""
    items = []
    for f in a.red_flags:
        when = f' <span class="ts" data-start="{f.start:.2f}">{clock(f.start)}</span>' \
            if f.start is not None else ""
        quote = ""
        if f.quote and (f.start is None or quoted.fresh([f.quote])):
            quote = f" “{escape(f.quote)}”"
        items.append(f'<li class="miss"><b>{escape(flag_name(f.category))}</b>{when}{quote}'
                     f' — {escape(f.advice)}</li>')
    items += [f'<li class="miss">no {escape(m)} section</li>' for m in a.missing]
    items += [f"<li>{escape(n.message)}</li>" for n in a.notes if n.status != "ok"]
    items += [f'<li class="miss">not heard: <b>{escape(c.name)}</b> {escape(c.hint)}'
              "</li>" for c in a.question_checks if not c.met]
    return "<ul>" + "".join(items) + "</ul>" if items else "<p>Nothing to flag.</p>"


def _checklist(title: str, checks: tuple[ThemeCheck, ...], quoted: Quoted) -> str:
    """The themes or look-for points that are met, with words not quoted elsewhere."""
    rows = []
    for c in checks:
        if c.met:
            words = "; ".join(f"“{escape(e)}”" for e in quoted.fresh(c.evidence)[:2])
            rows.append(f'<li class="ok">✓ <b>{escape(c.name)}</b> {words}</li>')
    return f"<h3>{escape(title)}</h3><ul>{''.join(rows)}</ul>" if rows else ""


def _worked(a: Analysis, quoted: Quoted) -> str:
    """Only what the answer does well: the missing themes and points are under "What to work
    on", so this card never holds only crosses."""
    strengths = "".join(
        f'<li class="ok">✓ <b>{escape(flag_name(f.category))}</b> '
        + (f'“{escape(f.quote)}”' if quoted.fresh([f.quote]) else "")
        + "</li>" for f in a.strengths)
    body = (f"<ul>{strengths}</ul>" if strengths else "")
    body += _checklist("Themes", a.themes, quoted)
    body += _checklist("What this question looks for", a.question_checks, quoted)
    return body or ('<p class="sub">Nothing stood out yet: start with the points under '
                    "Fix first.</p>")


def check_html_target(out: Path, audio_path: str | Path | None, overwrite: bool) -> None:
    """Refuse a page that would replace a folder, the recording, or (without ``overwrite``)
    any file already there, including the ``NAME.flac`` a long answer's page puts beside it;
    and a place the page cannot be written (a missing folder, a read-only one)."""
    if out.is_dir():
        raise UsageError(f"{out} is a folder; give a file name such as report.html")
    recording = Path(audio_path).resolve() if audio_path is not None else None
    for target in (out, out.with_suffix(".flac")):
        if recording is not None and target.resolve() == recording:
            raise UsageError(f"'{out}' would replace the recording '{audio_path}'; give the "
                             "HTML report another name, such as report.html")
    data = config.data_dir().resolve()
    for target in (out, out.with_suffix(".flac")):
        if target.exists() and target.resolve().is_relative_to(data):
            # even with --overwrite: the sessions database or a session's audio
            raise UsageError(f"'{target}' is one of starcoach's own files (in {data}); "
                             "give the HTML report a name outside that folder")
    if out.exists() and not overwrite:
        raise _exists(out)
    if (reason := files.write_problem(out)) is not None:
        raise UsageError(f"cannot write the HTML report to {out}: {reason}")


def _exists(path: Path) -> UsageError:
    return UsageError(f"'{path}' already exists: choose another file name or pass --overwrite")


def _embedded(flac: Path | None) -> str | None:
    """A follow-up reply's FLAC as a data URL; None when there is none or it is too long to
    embed (the reply's text and verdict are shown all the same)."""
    if flac is None or not flac.is_file() or flac.stat().st_size > EMBED_LIMIT_BYTES:
        return None
    return "data:audio/flac;base64," + base64.b64encode(flac.read_bytes()).decode("ascii")


def _audio_src(audio_path: Path, out: Path, tmp: Path,
               overwrite: bool = False) -> tuple[str, bytes | None]:
    """The player's source: the audio embedded, or for a long answer the name of the FLAC
    to write beside the page, with its bytes (written by the caller, with the page)."""
    from starcoach.audio.decode import load_audio, save_flac

    flac = audio_path
    if audio_path.suffix.lower() != ".flac":
        flac = save_flac(load_audio(audio_path), tmp / "audio.flac")
    data = flac.read_bytes()
    if len(data) <= EMBED_LIMIT_BYTES:
        return "data:audio/flac;base64," + base64.b64encode(data).decode("ascii"), None
    beside = out.with_suffix(".flac")
    if beside.exists() and not overwrite:
        raise UsageError(f"'{beside}' already exists (a long answer's page keeps its audio "
                         "there): choose another file name or pass --overwrite")
    return escape(beside.name), data


def follow_ups_html(follow_ups: Sequence[tuple[FollowUpView, str | None]]) -> str:
    """One card per follow-up (a ``report.follow_up.FollowUpView`` and its audio source):
    the question, why it was asked, the reply with a player, and whether it answered."""
    from starcoach.report.follow_up import lines

    cards = []
    for view, src in follow_ups:
        parts = []
        for style, line in lines(view):
            if style == "heading":
                parts.append(f"<h2>{escape(line)}</h2>")
            elif style == "quote":
                parts.append(f"<blockquote>{escape(line)}</blockquote>")
            elif style in ("good", "bad"):
                color = "#2e7d32" if style == "good" else "#c62828"
                parts.append(f'<p class="verdict" style="color:{color}"><b>{escape(line)}</b></p>')
            else:
                parts.append(f'<p class="sub">{escape(line)}</p>')
        if src:
            parts.insert(1, f'<audio class="reply" controls preload="metadata" src="{src}">'
                            "</audio>")
        cards.append(f'<div class="card follow-up">{"".join(parts)}</div>')
    return "".join(cards)


def render_html(a: Analysis, audio_src: str | None, title: str, subtitle: str,
                follow_ups: Sequence[tuple[FollowUpView, str | None]] = ()) -> str:
    pace = a.pace
    # The answer's length as the terminal report and the history show it (not the file's).
    kpis = [("Length", clock(a.length_s)),
            ("Pace", f"{pace.wpm:.0f} wpm" if pace else "-"),
            ("Fillers", f"{len(a.fillers)}"
             + (f" ({pace.fillers_per_min:.1f}/min)" if pace else "")),
            ("Red flags", str(len(a.red_flags))),
            ("Long pauses", str(sum(1 for p in a.pauses
                                    if round(p.seconds, 2) >= a.options.long_pause_s)))]
    player = (f'<audio id="player" controls preload="metadata" src="{audio_src}"></audio>'
              if audio_src else '<p class="sub">The audio of this answer is not available.</p>')
    quoted = quoted_from(a)
    legend = "".join(f'<span><b style="color:{c}">■</b> {k}</span>' for k, c in COLORS.items())
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f'</title><meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<style>{CSS}</style></head>"
        f'<body data-duration="{a.duration_s:.3f}"><main>'
        f"<h1>{escape(title)}</h1><p class=\"sub\">{escape(subtitle)}</p>"
        '<div class="kpis">' + "".join(f'<div class="kpi">{k}<b>{escape(v)}</b></div>'
                                       for k, v in kpis) + "</div>"
        f'<div class="card" id="fix-first"><h2>Fix first</h2>{_fix_first(a)}</div>'
        f'<div class="card">{player}<h2>STAR timeline</h2>{timeline_svg(a)}'
        f'<div class="legend sub">{legend}<span><b style="color:#e07b00">|</b> filler</span>'
        '<span><b style="color:#c62828">●</b> red flag</span>'
        '<span><b style="color:#d3d7de">■</b> pause</span>'
        '<span><b style="color:#7d8594">■</b> long pause</span></div>'
        + (f"<h2>Pitch</h2>{pitch}" if (pitch := pitch_svg(a)) else "") +
        f"<h2>Pace over time</h2>{pace_svg(a)}</div>"
        f'<div class="card"><h2>What to work on</h2>{_findings(a, quoted)}</div>'
        f'<div class="card"><h2>What worked</h2>{_worked(a, quoted)}</div>'
        f"{follow_ups_html(follow_ups)}"
        '<div class="card"><h2>Transcript</h2><p class="sub">Click any word to play from there. '
        "Fillers are underlined in orange, red-flag quotes marked in red.</p>"
        f"{transcript_html(a)}</div></main><script>{JS}</script></body></html>\n"
    )


def write_html_report(
    analysis: Analysis,
    audio_path: str | Path | None = None,
    out: str | Path = "report.html",
    title: str | None = None,
    created_at: str | None = None,
    question: str | None = None,
    overwrite: bool = False,
    follow_ups: Sequence[tuple[FollowUpView, Path | None]] = (),
) -> Path:
    """Write the report for an analysis to ``out``, with its follow-ups (each a
    ``FollowUpView`` and the reply's audio file, embedded when small enough).

    An existing file is replaced only with ``overwrite``, and never the recording itself."""
    a = analysis
    out = Path(out)
    check_html_target(out, audio_path, overwrite)
    question = question or (a.question or {}).get("text")
    when = datetime.fromisoformat(created_at).astimezone() if created_at else datetime.now()
    subtitle = (f"Question: {question} · " if question else "") + when.strftime("%Y-%m-%d %H:%M")
    if title is None:
        title = f"Answer: {Path(audio_path).name}" if audio_path else "Answer"
    beside = out.with_suffix(".flac")
    wrote_beside = False
    try:
        with tempfile.TemporaryDirectory() as tmp:
            src, beside_data = None, None
            if audio_path is not None and Path(audio_path).is_file():
                src, beside_data = _audio_src(Path(audio_path), out, Path(tmp), overwrite)
            replies = [(view, _embedded(path)) for view, path in follow_ups]
        page = render_html(a, src, title, subtitle, replies)
        if beside_data is not None:
            files.write_new(beside, beside_data, overwrite)
            wrote_beside = True
        files.write_new(out, page, overwrite)  # a temporary name, renamed into place once whole
    except OSError as exc:
        if wrote_beside:  # no page to go with it
            beside.unlink(missing_ok=True)
        if isinstance(exc, FileExistsError):  # it appeared while the page was being made
            raise _exists(Path(exc.filename or out)) from exc
        raise UsageError(f"cannot write the HTML report to {out}: "
                         f"{files.write_problem(out, exc)}") from exc
    return out
