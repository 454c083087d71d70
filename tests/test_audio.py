"""Decoding recordings: every common format, any rate, mono or stereo; one clear error otherwise."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import _badfiles as _bad
import numpy as np
import pytest

from starcoach.audio import decode as audio
from starcoach.audio.levels import to_dbfs
from starcoach.errors import AudioError, NoSpeechError
from starcoach.types import SAMPLE_RATE


def tone(seconds: float = 2.0, rate: int = SAMPLE_RATE, channels: int = 1) -> np.ndarray:
    """A 220 Hz tone at -12 dBFS, shape (channels, n)."""
    t = np.arange(int(seconds * rate)) / rate
    x = (0.25 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    return np.tile(x, (channels, 1))


def encode(path: Path, x: np.ndarray, rate: int, codec: str, fmt: str) -> Path:
    """Write ``x`` (channels, n) with PyAV, as a recorder or an exporter would."""
    import av

    layout = "mono" if x.shape[0] == 1 else "stereo"
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = layout
        step = 1024
        for i in range(0, x.shape[1], step):
            # PyAV converts the float frames to whatever sample format the encoder wants.
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(x[:, i : i + step]),
                                               format="fltp", layout=layout)
            frame.rate = rate
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


@pytest.mark.parametrize(
    ("name", "codec", "fmt", "rate", "channels"),
    [
        ("a.wav", "pcm_s16le", "wav", 16000, 1),
        ("b.wav", "pcm_s16le", "wav", 48000, 2),
        ("c.flac", "flac", "flac", 44100, 2),
        ("d.mp3", "libmp3lame", "mp3", 44100, 2),
        ("e.ogg", "libopus", "ogg", 48000, 1),
        ("f.m4a", "aac", "mp4", 44100, 2),
    ],
)
def test_any_format_rate_and_channel_count_decodes_to_16k_mono_float(
    tmp_path: Path, name: str, codec: str, fmt: str, rate: int, channels: int
) -> None:
    """Whatever the container, the stage after decoding always sees 16 kHz mono float32."""
    path = encode(tmp_path / name, tone(2.0, rate, channels), rate, codec, fmt)
    samples = audio.load_audio(path)
    assert samples.dtype == np.float32 and samples.ndim == 1
    # Lossy codecs pad a few milliseconds at the edges.
    assert audio.duration_s(samples) == pytest.approx(2.0, abs=0.06)
    # The tone survives: its level is about -15 dBFS RMS (0.25 peak sine).
    level = to_dbfs(float(np.sqrt(np.mean(samples[4000:-4000] ** 2))))
    assert -17.5 < level < -13.5


def test_a_real_stereo_44k_recording_keeps_its_length(real_speech: Path) -> None:
    samples = audio.load_audio(real_speech / "fw_jfk.flac")
    assert len(samples) == 11 * SAMPLE_RATE
    assert float(np.abs(samples).max()) <= 1.0


def test_flac_written_by_save_flac_reads_back_identically_within_16_bit_rounding(
    tmp_path: Path, real_speech: Path
) -> None:
    samples = audio.load_audio(real_speech / "mfa_uh.flac")
    out = audio.save_flac(samples, tmp_path / "sub" / "copy.flac")
    back = audio.load_audio(out)
    assert len(back) == len(samples)
    assert float(np.abs(back - samples).max()) < 2 / 32767
    wav = audio.load_audio(audio.write_wav(samples, tmp_path / "copy.wav"))
    assert np.array_equal(wav, back)


def write_silence(path: Path, seconds: float = 3.0, noise_dbfs: float | None = None) -> Path:
    x = np.zeros((1, int(seconds * SAMPLE_RATE)), dtype=np.float32)
    if noise_dbfs is not None:
        rng = np.random.default_rng(1)
        x[0] = rng.normal(0, 10 ** (noise_dbfs / 20), x.shape[1]).astype(np.float32)
    return encode(path, x, SAMPLE_RATE, "pcm_s16le", "wav")


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "nothing.wav"
    with pytest.raises(AudioError) as err:
        audio.load_audio(path)
    assert str(err.value) == f"cannot read audio '{path}': no such file; check the path"


def test_a_folder_is_not_a_recording(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="it is a folder, not an audio file"):
        audio.load_audio(tmp_path)


def test_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.wav"
    path.touch()
    with pytest.raises(AudioError, match=r"the file is empty \(0 bytes\)"):
        audio.load_audio(path)


def test_text_named_wav_is_not_decodable(tmp_path: Path) -> None:
    path = tmp_path / "notes.wav"
    path.write_text("Situation: I led a migration.\n")
    with pytest.raises(AudioError, match="not a recording FFmpeg can decode"):
        audio.load_audio(path)


def test_wav_cut_short_is_reported_as_truncated_not_decoded_in_part(tmp_path: Path) -> None:
    """FFmpeg alone decodes the part that is there; the header check catches the loss."""
    whole = encode(tmp_path / "whole.wav", tone(3.0), SAMPLE_RATE, "pcm_s16le", "wav")
    cut = tmp_path / "cut.wav"
    data = whole.read_bytes()
    cut.write_bytes(data[:30_000])
    present = 30_000 - (data.index(b"data") + 8)
    with pytest.raises(AudioError) as err:
        audio.load_audio(cut)
    assert str(err.value) == (
        f"cannot read audio '{cut}': the file is truncated (its header promises 96000 bytes "
        f"of audio, only {present} are there); record or copy it again"
    )


def test_flac_cut_short_is_reported_as_damaged(tmp_path: Path, real_speech: Path) -> None:
    cut = tmp_path / "cut.flac"
    cut.write_bytes((real_speech / "fw_jfk.flac").read_bytes()[:100_000])
    with pytest.raises(AudioError, match="the file is damaged or truncated"):
        audio.load_audio(cut)


def test_digital_silence_holds_no_speech(tmp_path: Path) -> None:
    path = write_silence(tmp_path / "quiet.wav")
    with pytest.raises(NoSpeechError) as err:
        audio.load_audio(path)
    assert str(err.value).startswith(f"'{path}' holds no speech: the recording is silent (3.0 s")


def test_a_faint_hiss_counts_as_silence_but_a_tone_does_not(tmp_path: Path) -> None:
    with pytest.raises(NoSpeechError):
        audio.load_audio(write_silence(tmp_path / "hiss.wav", noise_dbfs=-65))
    assert not audio.is_silent(tone(1.0)[0])


@pytest.mark.skipif(shutil.which("sox") is None, reason="sox is not installed")
def test_sox_made_file_at_8k_decodes(tmp_path: Path) -> None:
    path = tmp_path / "low.wav"
    subprocess.run(["sox", "-n", "-r", "8000", "-c", "1", str(path), "synth", "1.5", "sine", "440"],
                   check=True)
    assert audio.duration_s(audio.load_audio(path)) == pytest.approx(1.5, abs=0.01)


@pytest.mark.skipif(shutil.which("sox") is None, reason="sox is not installed")
def test_ogg_vorbis_at_22k_decodes(tmp_path: Path) -> None:
    path = tmp_path / "v.ogg"
    subprocess.run(["sox", "-n", "-r", "22050", "-c", "2", str(path), "synth", "2", "sine", "300"],
                   check=True)
    assert audio.duration_s(audio.load_audio(path)) == pytest.approx(2.0, abs=0.02)


def test_flac_with_garbage_after_its_header_is_damaged(tmp_path: Path) -> None:
    """The stream info promises 3 s; nothing after the first few frames decodes."""
    ok = audio.save_flac(np.sin(np.arange(48_000) / 8).astype(np.float32) * 0.3,
                         tmp_path / "ok.flac").read_bytes()
    noise = np.random.default_rng(3).integers(0, 256, 20_000, dtype=np.uint8).tobytes()
    path = tmp_path / "broken.flac"
    path.write_bytes(ok[:4000] + noise)
    with pytest.raises(AudioError) as err:
        audio.load_audio(path)
    assert str(err.value).startswith(
        f"cannot read audio '{path}': the file is truncated or damaged (it declares 3.0 s, only ")


def _pcm_wav(declared_bytes: int, pcm: bytes, trailer: bytes = b"") -> bytes:
    import struct

    fmt = struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
    riff = 4 + 8 + 16 + 8 + declared_bytes + len(trailer)
    return (b"RIFF" + struct.pack("<I", riff) + b"WAVEfmt " + fmt + b"data"
            + struct.pack("<I", declared_bytes) + pcm + trailer)


def _tone_pcm(seconds: float) -> bytes:
    t = np.arange(int(16000 * seconds)) / 16000
    return (0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2").tobytes()


def test_a_wav_whose_header_lags_its_audio_is_read_in_full_and_left_unchanged(tmp_path):
    """A take whose recorder was killed between header updates: every second on disk counts."""
    pcm = _tone_pcm(6.0)
    path = tmp_path / "crashed.wav"
    path.write_bytes(_pcm_wav(2 * 32000, pcm))  # the header still says 2 s
    before = path.read_bytes()
    samples = audio.load_audio(path)
    assert abs(len(samples) / 16000 - 6.0) < 0.01
    assert path.read_bytes() == before


def test_a_wav_with_a_chunk_after_its_audio_is_read_as_its_header_says(tmp_path):
    pcm = _tone_pcm(3.0)
    trailer = b"LIST" + (12).to_bytes(4, "little") + b"INFOISFT\x00\x00\x00\x00"
    path = tmp_path / "tagged.wav"
    path.write_bytes(_pcm_wav(len(pcm), pcm, trailer))
    assert len(audio.load_audio(path)) == 3 * 16000  # the LIST bytes are not read as audio


def test_a_flac_take_that_never_finished_points_to_its_part_file(tmp_path):
    """A killed FLAC recording leaves NAME.part.wav; asking for NAME.flac says where the take is."""
    (tmp_path / "take.part.wav").write_bytes(_pcm_wav(32000, _tone_pcm(1.0)))
    with pytest.raises(AudioError) as err:
        audio.load_audio(tmp_path / "take.flac")
    part = tmp_path / "take.part.wav"
    assert str(err.value) == (
        f"cannot read audio '{tmp_path / 'take.flac'}': no such file, but the interrupted take "
        f"is kept in '{part}'; analyze that file"
    )
    assert len(audio.load_audio(part)) == 16000


def _riff(*chunks: tuple[bytes, bytes], data_size: int | None = None) -> bytes:
    import struct

    body = b"WAVE"
    for cid, payload in chunks:
        size = data_size if cid == b"data" and data_size is not None else len(payload)
        body += cid + struct.pack("<I", size) + payload + (b"\0" if len(payload) & 1 else b"")
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_the_riff_walker_skips_odd_sized_chunks_and_reads_the_frame_size() -> None:
    import io
    import struct

    from starcoach.audio import riff

    fmt = struct.pack("<HHIIHH", 1, 2, 16000, 64000, 4, 16)  # stereo: 4 bytes a frame
    raw = _riff((b"fmt ", fmt), (b"LIST", b"abc"), (b"data", b"\1\0" * 10), data_size=8)
    data = riff.find_data(io.BytesIO(raw), len(raw))
    assert raw[data.offset:data.offset + 2] == b"\1\0"
    assert (data.declared, data.block_align) == (8, 4)
    assert data.present(len(raw)) == 20  # 20 bytes there, five whole frames


def test_the_riff_walker_refuses_a_file_without_audio_or_with_a_broken_chunk() -> None:
    import io
    import struct

    from starcoach.audio import riff

    no_data = _riff((b"LIST", b"abcd"))
    broken = b"RIFF" + struct.pack("<I", 100) + b"WAVE" + b"LIST" + struct.pack("<I", 5000)
    for raw, why in ((no_data, "no data chunk"), (broken, "damaged")):
        with pytest.raises(riff.RiffError, match=why):
            riff.find_data(io.BytesIO(raw), len(raw))


# -- compressed recordings cut short ---------------------------------------------------------
COMPRESSED = {
    "mp3 without a Xing header": ("a.mp3", _bad.mp3_without_xing, "its last MP3 frame is cut off"),
    "ogg vorbis": ("a.ogg", _bad.ogg_vorbis, "its last Ogg page is cut off"),
    "ogg opus": ("a.opus", _bad.ogg_opus, "its last Ogg page is cut off"),
}


@pytest.mark.parametrize("kind", COMPRESSED)
def test_a_compressed_recording_cut_short_is_truncated_not_a_shorter_answer(
        kind: str, tmp_path: Path) -> None:
    """FFmpeg decodes the part that is there and states its length as the whole: the format's
    own end marks (a whole last MP3 frame, an Ogg end-of-stream page) tell the difference."""
    name, make, says = COMPRESSED[kind]
    if name.endswith(".ogg") and not _bad.HAVE_SOX:
        pytest.skip("sox is not installed")
    whole = make(tmp_path / name)
    assert audio.duration_s(audio.load_audio(whole)) == pytest.approx(6.0, abs=0.06)
    cut = _bad.cut(whole)
    with pytest.raises(AudioError) as err:
        audio.load_audio(cut)
    message = str(err.value)
    assert message.startswith(f"cannot read audio '{cut}': the file is truncated ({says} after ")
    assert message.endswith("s of audio, the rest of the answer is missing); record or export "
                            "it again")


def test_an_ogg_file_whose_last_whole_page_does_not_end_the_stream_is_truncated(
        tmp_path: Path) -> None:
    """Cut exactly at a page boundary: every page is whole, but none says the stream ends."""
    from starcoach.audio import compressed

    whole = _bad.ogg_opus(tmp_path / "a.opus")
    raw = whole.read_bytes()
    last = raw.rfind(b"OggS")
    assert compressed.ogg_end_problem(whole) is None
    whole.write_bytes(raw[:last])
    assert compressed.ogg_end_problem(whole) == "its last Ogg page does not end the stream"


def test_the_mp3_frame_length_is_read_from_its_header() -> None:
    from starcoach.audio import compressed

    # MPEG-1 Layer III, 128 kb/s, 44.1 kHz, no padding: 417 bytes; with padding 418
    assert compressed.mp3_frame_length(bytes([0xFF, 0xFB, 0x90, 0x64])) == 417
    assert compressed.mp3_frame_length(bytes([0xFF, 0xFB, 0x92, 0x64])) == 418
    # MPEG-2 Layer III, 64 kb/s, 22.05 kHz: 72 * 64000 / 22050 = 208
    assert compressed.mp3_frame_length(bytes([0xFF, 0xF3, 0x80, 0x64])) == 208
    assert compressed.mp3_frame_length(b"RIFF") is None
