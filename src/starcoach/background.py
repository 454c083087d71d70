"""Loading done in the background (the Whisper model, the voice) and waited for before exit.

A loader runs in a daemon thread so a question can be shown while the model loads. If the
process exits while such a thread is still inside a native library (CTranslate2, ONNX
Runtime), interpreter shutdown pulls the library's state from under it and the C++ runtime
aborts the process ("terminate called without an active exception", SIGABRT): an error meant
to be one line and exit status 2 would end as a crash. ``settle()``, called on the way out,
lets a running load, and a piece the live worker is decoding, finish first (a second or
two at most).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

_STARTED: list[threading.Thread] = []
_LOCK = threading.Lock()
_NATIVE = threading.Condition()
_IN_NATIVE = 0

SETTLE_S = 10.0
"""The longest ``settle`` waits in all: loads take about 1 s; a stuck one must not hang exit."""


def start(target: Callable[[], None], name: str) -> threading.Thread:
    """Run ``target`` in a daemon thread that ``settle`` waits for."""
    thread = threading.Thread(target=target, name=name, daemon=True)
    with _LOCK:
        _STARTED[:] = [t for t in _STARTED if t.is_alive()]
        _STARTED.append(thread)
    thread.start()
    return thread


class native:
    """``with background.native(): ...`` around work a daemon thread does inside a native
    library (the live worker decoding a piece): ``settle`` waits for it to return too, while a
    thread that is only waiting for audio keeps no one waiting."""

    def __enter__(self) -> None:
        global _IN_NATIVE
        with _NATIVE:
            _IN_NATIVE += 1

    def __exit__(self, *exc: object) -> None:
        global _IN_NATIVE
        with _NATIVE:
            _IN_NATIVE -= 1
            _NATIVE.notify_all()


def settle(timeout_s: float = SETTLE_S) -> None:
    """Wait (at most ``timeout_s`` in all) for the loads still running and the native work
    under way. A Ctrl-C while waiting ends the wait: the user asked to leave."""
    import time

    deadline = time.monotonic() + timeout_s
    with _LOCK:
        running = [t for t in _STARTED if t.is_alive() and t is not threading.current_thread()]
    try:
        for thread in running:
            thread.join(max(0.0, deadline - time.monotonic()))
        with _NATIVE:
            _NATIVE.wait_for(lambda: _IN_NATIVE == 0, max(0.0, deadline - time.monotonic()))
    except KeyboardInterrupt:
        pass
