"""`starcoach settings`: show the settings, `settings set NAME VALUE` changes one."""

from __future__ import annotations

import typer

from starcoach.cli import app
from starcoach.cli.output import stderr_console, stdout_console

settings_app = typer.Typer(
    help="Show your settings, or change one with `settings set NAME on|off`.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(settings_app, name="settings")


@settings_app.callback()
def settings_show(ctx: typer.Context) -> None:
    """Show your settings, or change one with `settings set NAME on|off`.

    The settings live in settings.json in the data folder; a command-line option wins over
    them (`practice --no-voice`).

    Example: starcoach settings set voice on
    """
    if ctx.invoked_subcommand is not None:
        return
    from starcoach import settings

    out = stdout_console()
    values = settings.all_settings()
    for name, setting in settings.SETTINGS.items():
        out.print(f"{name} = {setting.show(values[name])}    # {setting.help}", highlight=False,
                  markup=False)
    stderr_console().print(f"Stored in {settings.settings_path()}", highlight=False,
                           markup=False)


@settings_app.command("set")
def settings_set(
    name: str = typer.Argument(..., help="The setting: voice."),
    value: str = typer.Argument(..., help="on or off."),
) -> None:
    """Change one setting and keep it for the next runs.

    Example: starcoach settings set voice on
    """
    from starcoach import settings

    parsed = settings.set_value(name, value)
    stdout_console().print(f"{name} = {settings.SETTINGS[name].show(parsed)}", highlight=False,
                           markup=False)
