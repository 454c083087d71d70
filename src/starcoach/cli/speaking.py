"""Reading the questions of `starcoach practice` aloud: which output device, and one line on
stderr instead of the voice when it cannot speak."""

from __future__ import annotations

from typing import Any


def output_for(voice: bool | None, output_device: str | None, err: Any) -> Any:
    """The output device to read the questions through, or None when they are not read aloud.

    A wrong --output-device fails (before the question is shown) as a wrong --device does;
    no output device at all is one line, and practice goes on with the question on screen."""
    from starcoach import settings
    from starcoach.audio.speaker import find_output_device, preload
    from starcoach.errors import DeviceError

    if voice is None:
        voice = settings.get("voice")
    if not voice:
        return None
    if output_device is not None:  # a wrong name fails at once, with nothing loading
        device = find_output_device(output_device)
        preload()  # about a second, while the question is shown
        return device
    preload()  # while the devices are looked up and the question is shown
    try:
        return find_output_device(None)
    except DeviceError as exc:
        not_spoken(exc, err)
        return None


class Voice:
    """Reads questions aloud through one output device, until speaking fails once (one line,
    then the questions stay on screen only)."""

    def __init__(self, device: Any) -> None:
        self.device = device

    def say(self, text: str, err: Any) -> None:
        """Read ``text`` aloud and return once it has been heard."""
        from starcoach.audio.speaker import engine, speak
        from starcoach.errors import DeviceError

        if self.device is None:
            return
        try:
            err.print(f"Reading the question aloud ({engine().name})...")
            speak(text, self.device)
        except DeviceError as exc:
            not_spoken(exc, err)
            self.device = None


def not_spoken(exc: Exception, err: Any) -> None:
    import sys

    from starcoach.cli import _debug_requested

    if _debug_requested(sys.argv):
        import traceback

        err.print("".join(traceback.format_exception(exc)), markup=False, highlight=False)
    err.print(f"The question is not read aloud: {exc}; answer it from the screen.",
              markup=False, highlight=False, soft_wrap=True)
