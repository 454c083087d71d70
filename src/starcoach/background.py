"""Loading done in the background (the Whisper model, the voice) and waited for before exit.

A loader runs in a daemon thread so a question can be shown while the model loads. If the
process exits while such a thread is still inside a native library (CTranslate2, ONNX
Runtime), interpreter shutdown pulls the library's state from under it and the C++ runtime
aborts the process ("terminate called without an active exception", SIGABRT): an error meant
to be one line and exit status 2 would end as a crash. ``settle()``, called on the way out,
lets a running load finish first (a second or two at most).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

_STARTED: list[threading.Thread] = []
_LOCK = threading.Lock()

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


def settle(timeout_s: float = SETTLE_S) -> None:
    """Wait (at most ``timeout_s`` in all) for the loads still running."""
    import time

    deadline = time.monotonic() + timeout_s
    with _LOCK:
        running = [t for t in _STARTED if t.is_alive() and t is not threading.current_thread()]
    for thread in running:
        thread.join(max(0.0, deadline - time.monotonic()))
