"""The HTML report: self-contained, escaped, and working in a real headless Chromium."""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import av
import pytest
from _sessiondata import JFK_WORDS, build

from starcoach.errors import UsageError
from starcoach.report import html as html_report
from starcoach.sessions.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"


@pytest.fixture
def jfk(real_speech: Path) -> Path:
    return real_speech / "fw_jfk.flac"


def hostile_analysis():
    """The JFK words with markup where a careless report would run it."""
    words = list(JFK_WORDS)
    words[2] = ("<script>alert(1)</script>", 1.0)
    words[9] = ('"><img src=x onerror=alert(2)>', 5.6)
    return build(words=words, question={"id": "q", "text": "<b>bold</b> & co"})


def test_transcript_text_is_escaped_so_markup_in_words_stays_text(tmp_path: Path) -> None:
    _, analysis = hostile_analysis()
    out = html_report.write_html_report(analysis, out=tmp_path / "r.html")
    page = out.read_text()
    assert page.count("<script") == 1  # ours, at the end
    assert "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in page
    assert "The audio of this answer is not available." in page


def test_the_page_is_self_contained_with_the_audio_embedded_as_flac(
    jfk: Path, tmp_path: Path
) -> None:
    _, analysis = build()
    page = html_report.write_html_report(analysis, audio_path=jfk, out=tmp_path / "r.html")
    text = page.read_text()
    assert not re.search(r"""(src|href)=["'](?!data:)""", text), "every resource is inline"
    assert "http://" not in text and "https://" not in text
    match = re.search(r'src="data:audio/flac;base64,([A-Za-z0-9+/=]+)"', text)
    assert match
    with av.open(io.BytesIO(base64.b64decode(match.group(1)))) as f:
        assert f.streams.audio[0].codec_context.name == "flac"
        assert f.duration / 1e6 == pytest.approx(11.0, abs=0.05)
    assert list(tmp_path.iterdir()) == [page]


def test_large_audio_is_written_beside_the_page_instead_of_inside(
    jfk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_report, "EMBED_LIMIT_BYTES", 1000)
    _, analysis = build()
    page = html_report.write_html_report(analysis, audio_path=jfk, out=tmp_path / "answer.html")
    assert 'src="answer.flac"' in page.read_text()
    assert (tmp_path / "answer.flac").read_bytes()[:4] == b"fLaC"
    assert "base64" not in page.read_text()


def test_report_command_writes_the_page_for_a_saved_session(jfk: Path, tmp_path: Path) -> None:
    t, a = build(question={"id": "x", "text": "Tell me about a time you failed."})
    with open_store() as store:
        sid = store.save_session(jfk, t, a)
    out = tmp_path / "s.html"
    result = subprocess.run([sys.executable, "-m", "starcoach", "report", sid, "--html", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (0, f"HTML report: {out}\n")
    page = out.read_text()
    assert f"<title>Session {sid}</title>" in page
    assert "Question: Tell me about a time you failed." in page
    assert "data:audio/flac;base64," in page


def test_a_folder_as_output_is_a_clear_error(tmp_path: Path) -> None:
    _, analysis = build()
    with pytest.raises(UsageError) as exc:
        html_report.write_html_report(analysis, out=tmp_path)
    assert str(exc.value) == f"{tmp_path} is a folder; give a file name such as report.html"


# -- in a real browser ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM} (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser, path: Path, width: int = 1000):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(20_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning")
            else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    return page, problems


def check_report(browser, path: Path, analysis: dict, words_to_click: list[int]) -> None:
    page, problems = open_page(browser, path)
    page.wait_for_function("document.getElementById('player').readyState >= 1", timeout=15000)
    assert page.evaluate("document.getElementById('player').duration") == pytest.approx(
        analysis["duration_s"], abs=0.1)

    # One block per section, each as wide as its share of the audio's seconds.
    blocks = page.evaluate("""() => {
        const svg = document.getElementById('timeline').getBoundingClientRect();
        return [...document.querySelectorAll('#timeline .sec')].map(g => ({
            label: g.dataset.label,
            width: g.querySelector('rect').getBoundingClientRect().width,
            total: svg.width}));
    }""")
    sections = analysis["sections"]
    assert [b["label"] for b in blocks] == [s["label"] for s in sections]
    per_second = [b["width"] / s["seconds"] for b, s in zip(blocks, sections, strict=True)]
    for b, s, ps in zip(blocks, sections, per_second, strict=True):
        assert b["width"] / b["total"] == pytest.approx(s["seconds"] / analysis["duration_s"],
                                                        rel=0.01)
        assert ps == pytest.approx(per_second[0], rel=0.01)

    # Clicking a word seeks the player to the start of that word.
    for i in words_to_click:
        # Read currentTime when the seek lands, before playback moves it on.
        page.evaluate("""() => { const a = document.getElementById('player');
            window.seekedAt = new Promise(resolve => a.addEventListener(
                'seeked', () => resolve(a.currentTime), {once: true})); }""")
        page.click(f'.w[data-i="{i}"]')
        landed = page.evaluate("""() => Promise.race([window.seekedAt,
            new Promise(r => setTimeout(() => r('no seek within 5 s'), 5000))])""")
        assert landed == pytest.approx(analysis["words"][i]["start"], abs=0.05)
        assert page.evaluate("document.getElementById('player').paused") is False  # it plays
    page.evaluate("document.getElementById('player').pause()")
    assert problems == []
    page.close()


@pytest.mark.browser
def test_the_report_works_in_chromium_timeline_and_click_to_play(
    browser, jfk: Path, tmp_path: Path
) -> None:
    _, analysis = build()
    out = html_report.write_html_report(analysis, audio_path=jfk, out=tmp_path / "r.html")
    check_report(browser, out, analysis.to_dict(), [14, 3, 21])


@pytest.mark.browser
def test_markup_in_the_transcript_never_runs_in_the_browser(browser, tmp_path: Path) -> None:
    _, analysis = hostile_analysis()
    out = html_report.write_html_report(analysis, out=tmp_path / "r.html")
    page, problems = open_page(browser, out)
    assert page.inner_text('.w[data-i="2"]') == "<script>alert(1)</script>"
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.images.length") == 0
    assert problems == []


@pytest.mark.slow
@pytest.mark.browser
def test_analyze_html_on_a_real_recording_gives_a_working_report(
    browser, tmp_path: Path
) -> None:
    """The whole way: a spoken sample, the real model and analyzer, saved, in a real browser.

    With STARCOACH_SCREENSHOT=1 it also refreshes docs/report-screenshot.png.
    """
    sample = ROOT / "samples" / "filler_heavy.flac"
    out = tmp_path / "answer.html"
    result = subprocess.run(
        [sys.executable, "-m", "starcoach", "analyze", str(sample), "--json", "--save",
         "--html", str(out), "--question", "failure-time-you-failed"],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    import json

    analysis = json.loads(result.stdout)
    assert len(analysis["sections"]) >= 3 and len(analysis["fillers"]) >= 10
    page_text = out.read_text()
    assert page_text.count('class="w filler"') >= len(analysis["fillers"])
    assert page_text.count('class="pause"') == sum(
        1 for p in analysis["pauses"] if p["seconds"] >= analysis["options"]["long_pause_s"])
    check_report(browser, out, analysis, [0, len(analysis["words"]) // 2])
    saved = json.loads(subprocess.run([sys.executable, "-m", "starcoach", "history", "--json"],
                                      capture_output=True, text=True, timeout=60).stdout)
    assert [s["id"] for s in saved] == [analysis["session_id"]]
    assert saved[0]["fillers_per_min"] == analysis["pace"]["fillers_per_min"]
    if os.environ.get("STARCOACH_SCREENSHOT"):
        page, _ = open_page(browser, out)
        page.wait_for_function("document.getElementById('player').readyState >= 1")
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        page.close()
        assert SCREENSHOT.stat().st_size < 300_000


def test_no_page_replaces_a_file_without_overwrite_and_none_replaces_the_recording(
    jfk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    _, analysis = build()
    recording = shutil.copy(jfk, tmp_path / "answer.flac")
    before = Path(recording).read_bytes()
    existing = tmp_path / "notes.html"
    existing.write_text("mine")
    with pytest.raises(UsageError, match="already exists: choose another file name or pass "
                                         "--overwrite"):
        html_report.write_html_report(analysis, audio_path=recording, out=existing)
    assert existing.read_text() == "mine"
    for target in (recording, tmp_path / "answer.html"):  # the page, or the FLAC beside it
        with pytest.raises(UsageError, match="would replace the recording"):
            html_report.write_html_report(analysis, audio_path=recording, out=target,
                                          overwrite=True)
    assert Path(recording).read_bytes() == before
    # A long answer's page keeps its audio in NAME.flac beside it: never over someone's file.
    monkeypatch.setattr(html_report, "EMBED_LIMIT_BYTES", 1000)
    (tmp_path / "page.flac").write_bytes(b"someone else's")
    with pytest.raises(UsageError, match="page.flac' already exists"):
        html_report.write_html_report(analysis, audio_path=jfk, out=tmp_path / "page.html")
    assert (tmp_path / "page.flac").read_bytes() == b"someone else's"
    page = html_report.write_html_report(analysis, audio_path=recording, out=existing,
                                         overwrite=True)
    assert "<html" in page.read_text() and not list(tmp_path.glob(".*.tmp"))


def test_analyze_refuses_html_onto_the_recording_before_transcribing(tmp_path: Path,
                                                                     jfk: Path) -> None:
    import shutil

    recording = Path(shutil.copy(jfk, tmp_path / "answer.flac"))
    before = recording.read_bytes()
    result = subprocess.run([sys.executable, "-m", "starcoach", "analyze", str(recording),
                             "--save", "--html", str(recording), "--overwrite"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "would replace the recording" in result.stderr
    assert recording.read_bytes() == before
