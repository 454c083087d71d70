"""`starcoach settings`: the real settings file in the data folder, and its errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "starcoach", *args], capture_output=True,
                          text=True, timeout=60)


def test_settings_show_the_defaults_then_keep_what_is_set(starcoach_home):
    r = run("settings")
    assert r.returncode == 0
    assert r.stdout.startswith("voice = off")
    assert not (starcoach_home / "settings.json").exists()  # showing writes nothing
    r = run("settings", "set", "voice", "ON")
    assert (r.returncode, r.stdout) == (0, "voice = on\n")
    assert json.loads((starcoach_home / "settings.json").read_text()) == {"voice": True}
    assert run("settings").stdout.startswith("voice = on")
    assert list(starcoach_home.iterdir()) == [starcoach_home / "settings.json"]  # no temp left
    run("settings", "set", "voice", "off")
    assert json.loads((starcoach_home / "settings.json").read_text()) == {"voice": False}


@pytest.mark.parametrize(("args", "message"), [
    (["set", "colour", "on"], "unknown setting 'colour'; valid settings: voice"),
    (["set", "voice", "maybe"], "invalid value 'maybe' for voice: expected on or off"),
])
def test_a_bad_setting_is_one_error_line_and_the_file_is_unchanged(args, message,
                                                                   starcoach_home):
    (starcoach_home / "settings.json").write_text('{"voice": true}\n')
    r = run("settings", *args)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", f"error: {message}\n")
    assert (starcoach_home / "settings.json").read_text() == '{"voice": true}\n'


def test_a_damaged_settings_file_is_named_in_one_error(starcoach_home):
    path = starcoach_home / "settings.json"
    path.write_text("{voice: on")
    r = run("settings")
    assert r.returncode == 2
    assert r.stderr == (f"error: the settings file {path} is not valid JSON (Expecting "
                        "property name enclosed in double quotes, line 1): fix it or delete "
                        "it\n")
