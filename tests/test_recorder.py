"""The recorder, for real: a PulseAudio null sink is the microphone, PortAudio's ``pulse``
device reads its monitor, and the files on disk are what is checked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest
from _virtualmic import (
    audible_span,
    load_mic,
    needs_pulse,
    starcoach,
    tone,
    unload_mic,
    wait_for_audio,
    word_overlap,
)
from conftest import SAMPLES

from starcoach.audio import decode as audio
from starcoach.audio.meter import Meter
from starcoach.audio.recorder import (
    PORTAUDIO_MISSING,
    Recorder,
    RecorderOptions,
    find_device,
    list_input_devices,
)
from starcoach.audio.wavfile import (
    Resampler,
    StreamingWav,
    finish_as_flac,
    finish_as_wav,
    read_pcm,
    read_wav,
    repair_wav,
)
from starcoach.errors import AudioError

PORTAUDIO_MISSING_LINE = (
    "error: PortAudio is not installed: install the libportaudio2 package (Debian/Ubuntu) or "
    "portaudio (Homebrew, Fedora), then run the command again\n"
)


@pytest.fixture(scope="module")
def mic():
    m, module = load_mic()
    yield m
    unload_mic(module)


@pytest.fixture
def mic_env(mic, monkeypatch):
    """Point this process's recorder at the private virtual microphone."""
    monkeypatch.setenv("PULSE_SOURCE", mic.source)
    return mic


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


# -- the file format, without a microphone --------------------------------------------------


def test_a_wav_cut_off_by_a_kill_is_repaired_to_hold_every_sample_written(tmp_path):
    """A writer killed between header updates leaves a stale header; repair_wav fixes it."""
    path = tmp_path / "cut.wav"
    code = textwrap.dedent(f"""
        import os, signal, numpy as np
        from starcoach.audio.wavfile import StreamingWav
        w = StreamingWav({str(path)!r})
        w.write(np.full(16000, 0.25, dtype=np.float32))
        w.update_header()
        w.write(np.full(8000, -0.25, dtype=np.float32))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    r = subprocess.run([sys.executable, "-c", code])
    assert r.returncode == -signal.SIGKILL
    assert wav_seconds(path) == 1.0  # the header still says one second
    assert repair_wav(path) is True
    assert wav_seconds(path) == 1.5
    samples = read_wav(path)
    assert samples[-1] == pytest.approx(-0.25, abs=1e-3)
    assert repair_wav(path) is False  # a second repair has nothing to do


def test_a_take_on_a_full_disk_keeps_a_header_that_matches_what_was_written(tmp_path):
    """A full disk (here the child's file size limit, which fails writes the same way) takes
    part of a block, then refuses the next write: the header must count only what is there,
    or every command refuses the take as truncated."""
    path = tmp_path / "full.wav"
    code = textwrap.dedent(f"""
        import resource, numpy as np
        from starcoach.audio.wavfile import StreamingWav
        resource.setrlimit(resource.RLIMIT_FSIZE, (44 + 3001, 44 + 3001))
        w = StreamingWav({str(path)!r})
        try:
            w.write(np.full(1000, 0.25, dtype=np.float32))  # 2000 bytes: fit
            w.write(np.full(1000, 0.25, dtype=np.float32))  # 1001 of 2000 fit, then no room
        except OSError as exc:
            print("refused", exc.errno)
        w.close()
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("refused")
    assert path.stat().st_size == 44 + 3001
    declared = int.from_bytes(path.read_bytes()[40:44], "little")
    assert declared == 3000  # 1500 whole samples, not the 4000 bytes asked for
    assert len(audio.load_audio(path)) == 1500  # read as it is, not refused as truncated


def test_a_wav_never_given_its_sizes_still_decodes_to_the_end(tmp_path):
    """Before the first header update the sizes read 'unknown', which FFmpeg reads to EOF."""
    path = tmp_path / "early.wav"
    w = StreamingWav(path)
    w.write(np.sin(np.linspace(0, 800 * np.pi, 8000)).astype(np.float32) * 0.5)
    w._fh.close()  # as if the process died here
    assert len(audio.load_audio(path)) == 8000


def test_repair_refuses_a_file_that_is_not_a_wav(tmp_path):
    path = tmp_path / "notes.wav"
    path.write_text("just some text, not audio")
    with pytest.raises(AudioError) as err:
        repair_wav(path)
    assert str(err.value) == f"cannot repair '{path}': it is not a WAV file"


@pytest.mark.parametrize("rate", [44100, 48000, 22050, 8000])
def test_the_resampler_keeps_length_and_pitch_across_blocks(rate):
    r = Resampler(rate)
    t = np.arange(rate * 2) / rate
    x = (0.5 * np.sin(2 * np.pi * 1000 * t)).astype(np.float32)
    out = np.concatenate([r.process(x[i:i + 997]) for i in range(0, len(x), 997)])
    assert abs(len(out) - 32000) <= 1
    spectrum = np.abs(np.fft.rfft(out[1000:]))
    assert np.argmax(spectrum) * 16000 / len(out[1000:]) == pytest.approx(1000, abs=2)
    assert np.sqrt(np.mean(out[1000:] ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.05)


def test_silence_ends_a_take_only_after_speech_has_started():
    meter = Meter()
    quiet = np.zeros(800, dtype=np.float32)  # 50 ms blocks
    voice = np.full(800, 0.1, dtype=np.float32)  # -20 dBFS
    for _ in range(100):  # five seconds of silence before anyone speaks
        meter.update(quiet)
    assert not meter.silence_stop(4.0)
    assert meter.too_quiet
    for _ in range(20):
        meter.update(voice)
    assert meter.speech_started and not meter.too_quiet
    for _ in range(79):
        meter.update(quiet)
    assert not meter.silence_stop(4.0)  # 3.95 s of silence
    meter.update(quiet)
    assert meter.silence_stop(4.0)
    assert not meter.silence_stop(0)  # 0 turns the silence stop off


def test_clipping_is_flagged_while_it_happens_and_clears_two_seconds_later():
    meter = Meter()
    meter.update(np.full(800, 1.0, dtype=np.float32))
    assert meter.clipping and meter.max_peak_dbfs == pytest.approx(0.0, abs=0.01)
    for _ in range(40):
        meter.update(np.full(800, 0.1, dtype=np.float32))
    assert meter.clipping  # exactly two seconds later: still shown
    meter.update(np.full(800, 0.1, dtype=np.float32))
    assert not meter.clipping


def test_a_flac_take_is_kept_sample_for_sample_and_its_wav_removed(tmp_path):
    wav = tmp_path / "take.part.wav"
    w = StreamingWav(wav)
    w.write(np.random.default_rng(1).uniform(-1, 1, 48000).astype(np.float32))
    w.close()
    pcm = read_pcm(wav)
    assert finish_as_flac(wav, tmp_path / "take.flac") == tmp_path / "take.flac"
    assert not wav.exists()
    decoded = audio.load_audio(tmp_path / "take.flac")
    assert np.array_equal(np.round(decoded * 32768).astype(np.int16), pcm)


def test_when_the_flac_cannot_be_written_the_wav_is_kept_as_the_take(tmp_path):
    wav = tmp_path / "take.part.wav"
    w = StreamingWav(wav)
    w.write(np.full(1600, 0.3, dtype=np.float32))
    w.close()
    (tmp_path / "take.flac").mkdir()  # something in the way of the FLAC file
    assert finish_as_flac(wav, tmp_path / "take.flac") == wav
    assert len(read_wav(wav)) == 1600


def test_a_finished_take_never_replaces_a_file_that_appeared_meanwhile(tmp_path):
    """The FLAC is written under a temporary name and linked into place: a file that appeared
    at OUT while the take was recorded stays as it was, and the take stays in its WAV."""
    for final, finish in ((tmp_path / "take.flac", finish_as_flac),
                          (tmp_path / "take.wav", finish_as_wav)):
        wav = tmp_path / "take.part.wav"
        w = StreamingWav(wav)
        w.write(np.full(1600, 0.3, dtype=np.float32))
        w.close()
        final.write_bytes(b"someone else's file")
        assert finish(wav, final) == wav
        assert final.read_bytes() == b"someone else's file"
        assert len(read_wav(wav)) == 1600
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
        assert finish(wav, final, overwrite=True) == final  # --overwrite: replaced
        assert not wav.exists() and len(audio.load_audio(final)) == 1600
        final.unlink()


def test_a_new_take_is_never_opened_over_an_existing_file(tmp_path):
    part = tmp_path / "take.part.wav"
    part.write_bytes(b"RIFF....WAVEkept audio")
    with pytest.raises(FileExistsError):
        StreamingWav(part)
    assert part.read_bytes() == b"RIFF....WAVEkept audio"


# -- errors, each with its exact message ----------------------------------------------------


def test_missing_portaudio_gives_one_line_naming_the_package(tmp_path):
    """The system library is hidden from ctypes (as on a machine without it), nothing mocked
    in starcoach: importing sounddevice fails the way it does there."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(textwrap.dedent("""
        import ctypes.util
        _find = ctypes.util.find_library
        ctypes.util.find_library = lambda name: None if "portaudio" in name else _find(name)
    """))
    env = {**os.environ, "PYTHONPATH": str(site)}
    for args in (["devices"], ["record", str(tmp_path / "take.wav")],
                 ["practice", "--question", "failure-time-you-failed"]):
        r = subprocess.run([sys.executable, "-m", "starcoach", *args], env=env,
                           capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert (r.returncode, r.stderr) == (2, PORTAUDIO_MISSING_LINE), args
    assert PORTAUDIO_MISSING_LINE == f"error: {PORTAUDIO_MISSING}\n"
    assert not (tmp_path / "take.wav").exists()


def test_help_works_without_loading_sounddevice():
    code = ("import sys\nfrom starcoach.cli import main\ntry:\n    main(['record', '--help'])\n"
            "except SystemExit:\n    pass\nprint('sounddevice' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.strip().endswith("False")


def run_cli(args, capsys) -> tuple[int, str]:
    from starcoach.cli import main

    with pytest.raises(SystemExit) as done:
        main(args)
    return done.value.code, capsys.readouterr().err


@pytest.mark.parametrize("name, message", [
    ("take.mp3", "cannot record to '{p}': the file name must end in .wav or .flac"),
    ("folder.wav", "cannot write the recording to '{p}': it is a folder; give a file name "
                   "such as answer.flac"),
    ("blocker/take.wav", "cannot write the recording to '{p}': '{d}/blocker' is not a folder; "
                         "choose a folder you can write to"),
    ("exists.wav", "'{p}' already exists: choose another file name or pass --overwrite"),
])
def test_an_output_path_that_cannot_be_written_is_refused_in_one_line(
        tmp_path, capsys, name, message):
    (tmp_path / "folder.wav").mkdir()
    (tmp_path / "blocker").write_text("a file where a folder should be")
    (tmp_path / "exists.wav").write_bytes(b"RIFF")
    p = tmp_path / name
    code, err = run_cli(["record", str(p), "--max-seconds", "1"], capsys)
    assert (code, err) == (2, "error: " + message.format(p=p, d=tmp_path) + "\n")
    assert (tmp_path / "exists.wav").read_bytes() == b"RIFF"


@pytest.mark.parametrize("suffix", [".flac", ".wav"])
@pytest.mark.parametrize("extra", [[], ["--overwrite"]])
def test_recording_again_never_wipes_the_interrupted_take_of_the_same_name(
        tmp_path, capsys, extra, suffix):
    """A killed take lives on in NAME.part.wav, which analyze points the user to; the next
    `record NAME.flac` used to open that file for writing and lose it."""
    part = tmp_path / "take.part.wav"
    part.write_bytes(b"RIFF....WAVEkept audio")
    out = tmp_path / f"take{suffix}"
    code, err = run_cli(["record", str(out), "--max-seconds", "1", *extra], capsys)
    assert (code, err) == (2, f"error: '{part}' holds an interrupted take of 'take{suffix}': "
                              "analyze it or move it away first, or record to another file "
                              "name\n")
    assert part.read_bytes() == b"RIFF....WAVEkept audio"
    assert not out.exists()


def test_an_unwritable_output_path_is_named_before_any_microphone_is_looked_for(tmp_path):
    """On a machine with no microphone (no sound server here), the path is what is wrong first:
    it is said, not "no input device found"."""
    env = {**os.environ, "PULSE_SERVER": "unix:/nonexistent/starcoach-test-socket"}
    (tmp_path / "notes.txt").write_text("a file where a folder should be")
    cases = [("/proc/nope/x.flac", "no such file or directory"),
             (str(tmp_path / "notes.txt" / "x.flac"), f"'{tmp_path}/notes.txt' is not a folder"),
             (str(tmp_path / "notes.txt" / "deeper" / "x.wav"),
              f"'{tmp_path}/notes.txt' is not a folder")]
    for out, reason in cases:
        r = subprocess.run([sys.executable, "-m", "starcoach", "record", out], env=env,
                           capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert (r.returncode, r.stderr) == (
            2, f"error: cannot write the recording to '{out}': {reason}; "
               "choose a folder you can write to\n"), out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert not Path("/proc/nope").exists()


@needs_pulse
@pytest.mark.audio
def test_an_unknown_device_is_refused_with_the_valid_ones_listed(tmp_path, capsys):
    devices = {d.name: d.index for d in list_input_devices()}
    assert "pulse" in devices
    valid = ", ".join(f"{i} '{n}'" for n, i in devices.items())
    for spec in ("no-such-mic", "97"):
        code, err = run_cli(["record", str(tmp_path / "t.wav"), "--device", spec], capsys)
        assert (code, err) == (2, f"error: unknown input device '{spec}'; "
                                  f"valid input devices: {valid}\n")
    assert not (tmp_path / "t.wav").exists()


@needs_pulse
@pytest.mark.audio
def test_a_device_that_will_not_open_is_reported_busy_and_nothing_is_left_behind(
        tmp_path, capsys, monkeypatch):
    """The device is listed while the sound server answers, then the server goes away (as
    when another program holds the device): opening it fails inside PortAudio for real."""
    dev = find_device("pulse")
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/starcoach-test-socket")
    out = tmp_path / "take.wav"
    code, err = run_cli(["record", str(out), "--device", "pulse"], capsys)
    valid = ", ".join(f"{d.index} '{d.name}'" for d in list_input_devices())
    assert (code, err) == (2, f"error: cannot open input device {dev.index} 'pulse': it is busy "
                              "or unavailable; close other programs using it or choose another "
                              f"with --device; valid input devices: {valid}\n")
    assert not out.exists()


@needs_pulse
@pytest.mark.audio
def test_no_input_device_is_one_line_saying_to_connect_a_microphone(tmp_path):
    env = {**os.environ, "PULSE_SERVER": "unix:/nonexistent/starcoach-test-socket"}
    probe = subprocess.run([sys.executable, "-c", "import sounddevice as sd; "
                            "print(sum(d['max_input_channels'] > 0 for d in sd.query_devices()))"],
                           env=env, capture_output=True, text=True)
    if probe.stdout.strip() != "0":
        pytest.skip("this machine has microphones that do not go through PulseAudio")
    expected = ("error: no input device found: connect or enable a microphone (check that the "
                "sound server is running and the input is not disabled), then run "
                "`starcoach devices`\n")
    for args in (["devices"], ["record", str(tmp_path / "t.wav")]):
        r = subprocess.run([sys.executable, "-m", "starcoach", *args], env=env,
                           capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert (r.returncode, r.stderr) == (2, expected)


# -- recording through the virtual microphone ----------------------------------------------


@needs_pulse
@pytest.mark.audio
def test_devices_lists_pulse_with_its_channels_and_rate(capsys):
    from starcoach.cli import main

    with pytest.raises(SystemExit) as done:
        main(["devices", "--json"])
    assert done.value.code == 0
    data = json.loads(capsys.readouterr().out)
    pulse = next(d for d in data["devices"] if d["name"] == "pulse")
    assert pulse["channels"] >= 1 and pulse["default_samplerate"] > 0
    assert sum(d["default"] for d in data["devices"]) == 1


def record_while_playing(mic, out: Path, clip: Path, options: RecorderOptions,
                         consumers: bool = False) -> tuple[object, list[np.ndarray], list[int]]:
    rec = Recorder(out, "pulse", options)
    streamed: list[np.ndarray] = []
    heard: list[int] = []
    if consumers:
        rec.add_listener(lambda block: heard.append(len(block)))
        blocks = rec.stream()
        reader = threading.Thread(target=lambda: streamed.extend(blocks))
        reader.start()
    rec.start()
    while rec.meter.elapsed_s == 0:
        time.sleep(0.01)
    player = mic.play(clip)
    rec.wait(options.max_seconds and options.max_seconds + 10)
    take = rec.finish()
    player.wait()
    if consumers:
        reader.join(5)
    return take, streamed, heard


@needs_pulse
@pytest.mark.audio
@pytest.mark.slow
def test_a_sample_answer_played_into_the_microphone_is_recorded_whole_and_transcribes(
        mic_env, tmp_path):
    # thin_answer (34 s): the shortest whole answer, so `make test` stays under 15 minutes
    sample = SAMPLES / "thin_answer.flac"
    reference = json.loads((SAMPLES / "thin_answer.json").read_text())
    original = audio.load_audio(sample)
    out = tmp_path / "take.wav"
    take, _, _ = record_while_playing(mic_env, out, sample,
                                      RecorderOptions(stop_after_silence_s=2.0, max_seconds=60))
    assert take.stop_reason == "silence" and take.overflows == 0
    recorded = read_wav(out)
    start, end = audible_span(recorded)
    o_start, o_end = audible_span(original)
    assert end - start == pytest.approx(o_end - o_start, abs=1.0)
    # The take ends 2 s after the last sound (give or take a block).
    assert take.duration_s - end == pytest.approx(2.0, abs=0.3)
    from starcoach.pipeline import transcribe_file

    transcript, _ = transcribe_file(out)
    assert word_overlap(reference["text"], transcript.text) >= 0.8


@needs_pulse
@pytest.mark.audio
@pytest.mark.parametrize("name", ["t.wav", "t.flac"])
def test_other_consumers_receive_exactly_the_audio_written_to_the_file(mic_env, tmp_path, name):
    """Sample for sample, as `analyze` decodes the file afterwards: the live transcription
    hears what the batch analysis of the take reads, not the unrounded float blocks."""
    clip = tone(tmp_path / "tone.wav", 1.5)
    take, streamed, heard = record_while_playing(
        mic_env, tmp_path / name, clip, RecorderOptions(max_seconds=2.5, stop_after_silence_s=0),
        consumers=True)
    assert take.stop_reason == "max-seconds"
    on_disk = audio.load_audio(take.path)
    assert len(on_disk) == 40000 == sum(heard) == sum(len(b) for b in streamed)
    assert np.array_equal(np.concatenate(streamed), on_disk)
    assert np.max(np.abs(on_disk)) == pytest.approx(0.5, abs=0.02)


@needs_pulse
@pytest.mark.audio
def test_a_device_opened_at_its_own_rate_is_resampled_to_16_khz(mic_env, tmp_path):
    clip = tone(tmp_path / "tone.wav", 2.0, freq=1000)
    take, _, _ = record_while_playing(
        mic_env, tmp_path / "t.wav", clip,
        RecorderOptions(max_seconds=3, stop_after_silence_s=0, device_rate=44100))
    assert take.device_rate == 44100
    with wave.open(str(take.path)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getnframes()) == (16000, 1, 48000)
    samples = read_wav(take.path)
    start, end = audible_span(samples)
    assert end - start == pytest.approx(2.0, abs=0.1)
    body = samples[int(start * 16000) + 1600: int(end * 16000) - 1600]
    freq = np.argmax(np.abs(np.fft.rfft(body))) * 16000 / len(body)
    assert freq == pytest.approx(1000, abs=3)


@needs_pulse
@pytest.mark.audio
def test_kill_9_mid_take_leaves_a_readable_file_with_all_but_the_last_second(mic, tmp_path):
    clip = tone(tmp_path / "tone.wav", 12.0)
    out = tmp_path / "killed.wav"
    part = tmp_path / "killed.part.wav"  # where the take is written until it is finished
    proc = starcoach("record", str(out), "--device", "pulse", "--stop-after-silence", "0",
                     env=mic.env())
    try:
        first = wait_for_audio(part)
        player = mic.play(clip)
        played = time.monotonic()
        time.sleep(5)
        killed = time.monotonic()
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        proc.kill()
        player.kill()
    recorded_until = killed - first
    assert not out.exists()  # a killed take is not passed off as a finished one
    # Readable as it is (its header may be up to half a second behind)...
    assert len(audio.load_audio(part)) / 16000 >= recorded_until - 1.0
    # ...and whole after the repair that runs when the recording is next opened.
    repair_wav(part)
    samples = read_wav(part)
    assert len(samples) / 16000 == pytest.approx(recorded_until, abs=1.0)
    start, end = audible_span(samples)
    assert start == pytest.approx(played - first, abs=0.5)
    assert end >= recorded_until - 1.0  # the tone is there up to about a second before the kill


@needs_pulse
@pytest.mark.audio
def test_ctrl_c_keeps_the_take_and_a_flac_file_is_finished_cleanly(mic, tmp_path):
    clip = tone(tmp_path / "tone.wav", 6.0)
    out = tmp_path / "take.flac"
    part = tmp_path / "take.part.wav"
    proc = starcoach("record", str(out), "--device", "pulse", "--stop-after-silence", "0",
                     env=mic.env())
    try:
        first = wait_for_audio(part)
        player = mic.play(clip)
        time.sleep(3)
        stopped = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
        player.kill()
    assert proc.returncode == 0, err
    assert not part.exists()
    samples = audio.load_audio(out)
    assert len(samples) / 16000 == pytest.approx(stopped - first, abs=0.5)
    assert f"Recorded {len(samples) / 16000:.1f} s to {out} (stopped with Ctrl-C)." in " ".join(
        err.split())


@pytest.mark.parametrize("bad", [{"max_seconds": float("nan")}, {"max_seconds": -1.0},
                                 {"stop_after_silence_s": float("inf")}, {"block_s": 0.0}])
def test_recorder_options_refuse_values_that_would_stall_a_take(bad):
    from starcoach.audio.recorder import RecorderOptions
    from starcoach.errors import UsageError

    with pytest.raises(UsageError, match="invalid recorder option"):
        RecorderOptions(**bad)


@needs_pulse
@pytest.mark.audio
def test_overwrite_keeps_the_earlier_file_until_the_new_take_is_whole(mic, tmp_path):
    """`record answer.wav --overwrite` records beside the earlier answer.wav and replaces it
    only when the take ends; killed midway, the earlier file is still there."""
    clip = tone(tmp_path / "tone.wav", 6.0)
    out = tmp_path / "answer.wav"
    part = tmp_path / "answer.part.wav"
    for stop in (signal.SIGKILL, signal.SIGINT):
        out.write_bytes(b"the earlier answer")
        proc = starcoach("record", str(out), "--device", "pulse", "--stop-after-silence", "0",
                         "--overwrite", env=mic.env())
        try:
            wait_for_audio(part)
            player = mic.play(clip)
            time.sleep(2)
            assert out.read_bytes() == b"the earlier answer"
            proc.send_signal(stop)
            proc.communicate(timeout=20)
        finally:
            proc.kill()
            player.kill()
        if stop == signal.SIGKILL:
            assert out.read_bytes() == b"the earlier answer" and part.is_file()
            part.unlink()
    assert proc.returncode == 0
    assert not part.exists()
    assert len(audio.load_audio(out)) / 16000 > 1.5
