"""`unknot serve`: the web app under uvicorn, after bringing the database up to date.

Migrations run here once, before any worker starts, so workers find the schema
at head. The app keeps no state in process memory, so any number of workers
(SQLite in WAL mode, or PostgreSQL) serve the same people.
"""

from __future__ import annotations

from typing import Annotated

import typer

from unknot.cli.app import app, fail
from unknot.settings import SettingsError, get_settings
from unknot.storage import StorageError, upgrade_database

APP_FACTORY = "unknot.web.app:create_app"


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(
        help="Address to listen on (default UNKNOT_HOST or 127.0.0.1: this computer only).")] = None,
    port: Annotated[int | None, typer.Option(
        min=1, max=65535, help="Port to listen on (default UNKNOT_PORT or 8000).")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, max=64, help="Worker processes (default UNKNOT_WORKERS or 1).")] = None,
    access_log: Annotated[bool, typer.Option(
        "--access-log/--no-access-log", help="Log every request.")] = True,
) -> None:
    """Start the web app: open http://HOST:PORT/ in a browser."""
    import uvicorn

    try:
        settings = get_settings()
        state = upgrade_database(settings.effective_database_url)
    except SettingsError as exc:
        raise fail(str(exc)) from exc
    except StorageError as exc:
        raise fail(str(exc), code=1) from exc
    host = host or settings.host
    port = port or settings.port
    workers = workers or settings.workers
    typer.echo(f"Database: {state.url} (revision {state.revision})", err=True)
    typer.echo(f"unknot: http://{host}:{port}/  ({workers} worker{'s' * (workers > 1)}; "
               "Ctrl+C stops)", err=True)
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, workers=workers,
                access_log=access_log, proxy_headers=False)
