"""The `unknot` command line (Typer).

Each group of commands lives in its own module and registers itself on `app`;
importing them is what wires them in. A command imports only its own module:
every module costs start-up time, and most of them import more.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import types

from unknot.cli.app import app

# Each command's name, and the module that registers it (the command of the same name).
COMMANDS = ("clinic", "db", "guide", "intake", "journal", "library", "plan", "serve")


def register(argv: list[str]) -> None:
    """Import the module of the command in `argv`; for anything else (`--help`, no
    command, a mistyped one) all of them, so every command is listed or suggested."""
    wanted = argv[1] if len(argv) > 1 and argv[1] in COMMANDS else None
    for name in [wanted] if wanted else COMMANDS:
        importlib.import_module(f"unknot.cli.{name}")


# Commands that read one text, answer and exit within a second or so.
_ONE_SHOT = frozenset({"intake", "plan"})


def main() -> None:
    """Console-script entry point."""
    command = sys.argv[1] if len(sys.argv) > 1 else None
    if command in _ONE_SHOT or command not in COMMANDS:
        # Start-up makes hundreds of thousands of objects (modules, the prepared rules and
        # library), and the collector walks them again and again for cycles it will not
        # find: a tenth of the command's time. These commands screen one text and exit, so
        # the little cyclic garbage they leave goes with the process. (`serve` and `guide`
        # run for long, and `serve` freezes its start-up objects instead.)
        gc.disable()
    if command != "serve":
        # Pydantic looks through every installed package's metadata for plugins when it
        # builds its first validator: a tenth of a short command's start, for plugins
        # unknot does not use. (The server keeps them; a value set by the user stands.)
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        if os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__":
            _no_plugin_search()
    register(sys.argv)
    app()


def _no_plugin_search() -> None:
    """Pydantic's plugin finder, as it answers with every plugin disabled (no plugins),
    without importing it: its module imports `importlib.metadata` (and with it the email
    package) just to have the search at hand — another 15–20 ms of every command."""
    name = "pydantic.plugin._loader"
    if name not in sys.modules:
        stand_in = types.ModuleType(name)
        stand_in.get_plugins = tuple  # type: ignore[attr-defined] — `get_plugins()` → ()
        sys.modules[name] = stand_in


__all__ = ["COMMANDS", "app", "main"]
