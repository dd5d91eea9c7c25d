"""The Typer application every command module registers on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

app = typer.Typer(
    name="unknot",
    help="unknot: a guided self-massage coach. Screens what you describe for safety, "
         "builds a routine that fits your minutes, and guides you through it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _commands() -> None:
    # A group even when only one command's module is imported (`unknot.cli.main` imports
    # only the command asked for): a lone command would otherwise become the whole app.
    pass


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a usage problem to stderr and return the Exit to raise (exit code 2)."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def storage_errors() -> Iterator[None]:
    """A bad setting is a usage error (exit 2); an unreachable database exits 1."""
    from unknot.settings import SettingsError
    from unknot.storage import StorageError

    try:
        yield
    except SettingsError as exc:
        raise fail(str(exc)) from exc
    except StorageError as exc:
        raise fail(str(exc), code=1) from exc
