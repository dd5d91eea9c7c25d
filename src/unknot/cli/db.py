"""`unknot db`: bring the database schema up to date, and show where it stands."""

from __future__ import annotations

import typer

from unknot.cli.app import app, storage_errors
from unknot.storage import database_state, upgrade_database

db_app = typer.Typer(help="The database: apply migrations, show the schema revision.",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade() -> None:
    """Apply pending migrations to the configured database (UNKNOT_DATABASE_URL or SQLite)."""
    with storage_errors():
        state = upgrade_database()
    typer.echo(f"Database: {state.url}")
    if state.previous == state.revision:
        typer.echo(f"Already up to date at revision {state.revision}.")
    else:
        typer.echo(f"Upgraded from {state.previous or 'an empty database'} "
                   f"to revision {state.revision}.")


@db_app.command("current")
def current() -> None:
    """Show the configured database and its schema revision."""
    with storage_errors():
        state = database_state()
    typer.echo(f"Database: {state.url}")
    if state.revision is None:
        typer.echo(f"Revision: none (empty); run `unknot db upgrade` to create revision "
                   f"{state.head}.")
    elif state.up_to_date:
        typer.echo(f"Revision: {state.revision} (up to date)")
    else:
        typer.echo(f"Revision: {state.revision}; newest is {state.head}: "
                   "run `unknot db upgrade`.")
