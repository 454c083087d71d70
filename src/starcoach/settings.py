"""The user's settings: ``settings.json`` in the data folder, written atomically.

Each setting is declared once in ``SETTINGS`` with its type, default and help; the file holds
only what the user changed, so a new default reaches everyone who never set it. A command-line
option always wins over the file (``practice --no-voice``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starcoach.config import data_dir
from starcoach.errors import UsageError
from starcoach.files import write_new

FILE_NAME = "settings.json"
_TRUE = ("on", "true", "yes", "1")
_FALSE = ("off", "false", "no", "0")


@dataclass(frozen=True)
class Setting:
    """One setting: an on/off switch (the only kind needed so far)."""

    name: str
    default: bool
    help: str

    def parse(self, value: str) -> bool:
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise UsageError(f"invalid value '{value}' for {self.name}: expected on or off")

    @staticmethod
    def show(value: bool) -> str:
        return "on" if value else "off"


SETTINGS: dict[str, Setting] = {s.name: s for s in (
    Setting("voice", False, "read the question aloud before each take (`practice --voice`)"),
)}


class SettingsError(UsageError):
    """A settings file that cannot be read or written."""


def settings_path() -> Path:
    return data_dir() / FILE_NAME


def _setting(name: str) -> Setting:
    if name not in SETTINGS:
        raise UsageError(f"unknown setting '{name}'; valid settings: {', '.join(SETTINGS)}")
    return SETTINGS[name]


def _stored() -> dict[str, Any]:
    path = settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read the settings file {path}: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsError(f"the settings file {path} is not valid JSON ({exc.msg}, line "
                            f"{exc.lineno}): fix it or delete it") from exc
    if not isinstance(data, dict):
        raise SettingsError(f"the settings file {path} must hold a JSON object: fix it or "
                            "delete it")
    return data


def get(name: str) -> bool:
    """The setting's value: the file's when it holds a valid one, else the default."""
    setting = _setting(name)
    value = _stored().get(name)
    return value if isinstance(value, bool) else setting.default


def all_settings() -> dict[str, bool]:
    return {name: get(name) for name in SETTINGS}


def set_value(name: str, value: str) -> bool:
    """Parse ``value`` for setting ``name``, store it, and return it."""
    setting = _setting(name)
    parsed = setting.parse(value)
    data = _stored()
    data[name] = parsed
    path = settings_path()
    try:
        write_new(path, json.dumps(data, indent=2, sort_keys=True) + "\n", overwrite=True)
    except OSError as exc:
        raise SettingsError(f"cannot write the settings file {path}: "
                            f"{(exc.strerror or str(exc)).lower()}") from exc
    return parsed
