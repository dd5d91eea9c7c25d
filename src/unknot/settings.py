"""All settings of unknot, read in one place.

Values come from environment variables prefixed `UNKNOT_` (e.g.
`UNKNOT_DATABASE_URL`). A bad value stops start-up with a message naming the
variable; nothing else in the code reads the environment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "unknot"


class SettingsError(ValueError):
    """A setting has a value unknot cannot use."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="UNKNOT_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir,
                           description="Folder for the SQLite database and local files.")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; PostgreSQL for a clinic, e.g. "
                    "postgresql+psycopg://user:pass@host/db. Default: SQLite in data_dir.")
    breath_rate: float = Field(default=6.0, ge=2.0, le=20.0,
                               description="Breaths a minute the breath pacer leads.")
    voice: bool = Field(default=True, description="Speak cues when a speech engine is present.")
    host: str = Field(default="127.0.0.1", description="Address `unknot serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `unknot serve` listens on.")
    workers: int = Field(default=1, ge=1, le=64, description="uvicorn worker processes.")

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("use a sqlite:/// or postgresql+psycopg:// URL")
        if value.startswith("postgresql://"):
            # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
            value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
        return value

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'unknot.db'}"


def load_settings() -> Settings:
    """Read settings from the environment, turning a bad value into a `SettingsError`."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for item in exc.errors():
            name = "UNKNOT_" + ".".join(str(p) for p in item["loc"]).upper()
            problems.append(f"{name}: {item['msg']}")
        raise SettingsError("; ".join(problems)) from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
