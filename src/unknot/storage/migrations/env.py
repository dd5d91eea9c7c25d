"""Alembic environment for unknot.

`unknot.storage.migrate` runs migrations programmatically and hands in an open
connection (already holding the migration lock) via `config.attributes`. Run by
the `alembic` command instead (to write a new revision), the URL comes from
`-x url=...` or the configured database.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from unknot.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return

    from unknot.storage.engine import make_engine

    engine = make_engine(context.get_x_argument(as_dictionary=True).get("url"))
    try:
        with engine.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("unknot migrations run online only: give a database URL with -x url=...")
run_migrations_online()
