"""Errors a person can act on.

The core raises these; the CLI prints ``error: <message>`` on stderr and exits with
``exit_code``. Messages name the bad value and, where there are any, the valid choices.
"""

from __future__ import annotations


class StarcoachError(Exception):
    """Base class: an expected failure with a one-line message for the user."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class AudioError(StarcoachError):
    """An audio file that is missing, unreadable, corrupt, empty or silent."""


class NoSpeechError(AudioError):
    """The recording decoded fine but holds no speech to analyze."""


class ModelError(StarcoachError):
    """The speech model could not be found or loaded."""


class DeviceError(StarcoachError):
    """No PortAudio, no input device, or a device that cannot be opened."""


class StorageError(StarcoachError):
    """The session database is missing, damaged or locked; or an unknown session ID."""


class NotFoundError(StarcoachError):
    """An unknown session, question or category."""


class GuideError(StarcoachError):
    """A Markdown guide that cannot be imported (with the line number)."""


class UsageError(StarcoachError):
    """Options that do not fit together."""


class OutputError(StarcoachError):
    """Standard output cannot be written: a full disk, a closed pipe."""

    def __init__(self, message: str, broken_pipe: bool = False) -> None:
        super().__init__(message)
        self.broken_pipe = broken_pipe
