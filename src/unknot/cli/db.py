"""`unknot db`: bring the database schema up to date, show where it stands, check it for
damage and back it up.

Exit codes: 0 done (for `check`: the database is sound), 1 the database is damaged
or cannot be reached, 2 a bad setting or argument (or a command that does not apply
to the configured database, such as `backup` on PostgreSQL).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unknot.cli.app import app, fail, storage_errors

# The storage stack (SQLAlchemy, Alembic) is imported in each command, not here: every
# `unknot` command loads this module, and only these need it.

db_app = typer.Typer(help="The database: apply migrations, show the schema revision, "
                          "check it for damage, back it up.",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade() -> None:
    """Apply pending migrations to the configured database (UNKNOT_DATABASE_URL or SQLite)."""
    from unknot.storage import upgrade_database

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
    from unknot.storage import database_state

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


@db_app.command("check")
def check() -> None:
    """Check the configured database for damage (SQLite: the full integrity check).

    Reads only; exits 0 when the database is sound, 1 when it is damaged or cannot be opened.
    """
    from unknot.storage import PROBLEMS_SHOWN, check_database

    with storage_errors():
        report = check_database()
    typer.echo(f"Database: {report.url}")
    if not report.exists:
        typer.echo("OK: there is no database file yet (unknot makes one on first use).")
        return
    if report.backend == "postgresql":
        typer.echo("OK: the server answers. PostgreSQL checks its own pages; for a deeper "
                   "check use pg_amcheck, and back it up with pg_dump.")
        return
    if report.ok:
        typer.echo("OK: the integrity check found no damage.")
        return
    count = len(report.problems)
    typer.echo(f"DAMAGED: the integrity check found {count}"
               f"{' or more' if count >= PROBLEMS_SHOWN else ''} problem{'s' * (count > 1)}:",
               err=True)
    for problem in report.problems:
        typer.echo(f"  {problem}", err=True)
    name = report.path.name if report.path else "the database file"
    typer.echo(
        f"unknot will not read or write this file. To recover: stop unknot, move {name} "
        f"(and {name}-wal, {name}-shm if they are there) out of its folder, copy your latest "
        f"backup (made by `unknot db backup`) there as {name}, and run `unknot db check` "
        "again.", err=True)
    raise typer.Exit(1)


@db_app.command("backup")
def backup(
    path: Annotated[Path | None, typer.Argument(
        help="File to write, or a folder to write it in (default: a dated file in "
             "backups/ beside the database).", show_default=False)] = None,
) -> None:
    """Copy the SQLite database to a file, consistently, even while unknot is running.

    For PostgreSQL use pg_dump. A damaged database is not copied.
    """
    if path is not None and not path.is_dir() and not path.parent.is_dir():
        raise fail(f"cannot write {path}: give a file in an existing folder, or a folder")
    from unknot.storage import NotForThisDatabase, backup_database

    with storage_errors():
        try:
            written = backup_database(target=path)
        except NotForThisDatabase as exc:
            raise fail(str(exc)) from exc
    typer.echo(f"Backed up to {written}")
    typer.echo(f"To restore: stop unknot and copy {written.name} over the database file "
               "(after moving the old one and its -wal and -shm files aside).")
