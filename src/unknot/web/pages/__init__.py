"""Server-rendered pages and static files."""

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    """Mount the pages and static files on `app`."""
