"""The `unknot` command line (Typer).

Each group of commands lives in its own module and registers itself on `app`;
importing them here is what wires them in.
"""

from __future__ import annotations

from unknot.cli.app import app


def main() -> None:
    """Console-script entry point."""
    from unknot.cli import (  # noqa: F401  (imported for their commands)
        clinic,
        db,
        guide,
        intake,
        journal,
        library,
        plan,
        serve,
    )

    app()


__all__ = ["app", "main"]
