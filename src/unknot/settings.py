"""All settings of unknot, read in one place.

Values come from environment variables prefixed `UNKNOT_` (e.g.
`UNKNOT_DATABASE_URL`). A bad value stops start-up with a message naming the
variable and what it allows (one line each); nothing else in the code reads the
environment. A database URL is checked for a driver that is installed, and a host
for the form of an address, not looked up.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DATABASE_URLS = "sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST/DB"
HOSTS = ("an IP address (127.0.0.1: this computer only; 0.0.0.0: every network) or a host "
         "name such as localhost")
# What each setting allows, said in the message when a value is refused.
ALLOWED = {
    "data_dir": "a folder",
    "database_url": DATABASE_URLS,
    "breath_rate": "a number of breaths a minute from 2 to 20, e.g. 6",
    "voice": "true or false",
    "host": HOSTS,
    "port": "a whole number from 1 to 65535",
    "workers": "a whole number from 1 to 64",
    "allowed_hosts": "host names and addresses separated by commas, e.g. "
                     "mybox.local,192.168.1.20 (or * for any)",
    "access_token": "at least 16 letters, digits, - or _ (unknot serve makes one when "
                    "it listens beyond this computer)",
    "mode": "personal (one person, no sign-up) or clinic (accounts: owner, therapists, clients)",
    "public_url": "the address people open, e.g. https://clinic.example.org (links in invites)",
    "invite_days": "a whole number of days from 1 to 30",
    "login_days": "a whole number of days from 1 to 90",
    "reset_hours": "a whole number of hours from 1 to 168",
    "passkey_options_per_address": "a whole number from 1 to 10000",
    "passkey_origin": "the address passkeys are used at, https://HOST[:PORT] (or http://localhost:PORT)",
    "passkey_rp_id": "a domain name: the passkey origin's host or a domain it belongs to, "
                     "e.g. example.org for https://clinic.example.org",
}
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")
HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
SHOWN_VALUE_MAX = 60


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
    breath_rate: float = Field(default=6.0, ge=2.0, le=20.0, allow_inf_nan=False,
                               description="Breaths a minute the breath pacer leads.")
    voice: bool = Field(default=True, description="Speak cues when a speech engine is present.")
    host: str = Field(default="127.0.0.1", description="Address `unknot serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `unknot serve` listens on.")
    workers: int = Field(default=1, ge=1, le=64, description="uvicorn worker processes.")
    allowed_hosts: str = Field(
        default="",
        description="Extra names the app may be reached by (the Host header), comma-separated; "
                    "loopback names and the address a request came in on are always allowed; "
                    "* allows any.")
    access_token: str | None = Field(
        default=None, repr=False,
        description="The token a browser or API client must show (cookie, Authorization: "
                    "Bearer, X-Unknot-Token); `unknot serve` makes one when it listens beyond "
                    "loopback.")

    mode: Literal["personal", "clinic"] = Field(
        default="personal",
        description="personal: one person, no sign-up (the default). clinic: accounts for a "
                    "clinic owner, therapists and clients, who sign in; use PostgreSQL.")
    public_url: str | None = Field(
        default=None,
        description="Clinic mode: the address people open (https://…), used in the set-up "
                    "and invitation links. Default: http://HOST:PORT.")
    invite_days: int = Field(default=7, ge=1, le=30,
                             description="Clinic mode: days an invitation link stays valid.")
    login_days: int = Field(default=14, ge=1, le=90,
                            description="Clinic mode: days a sign-in lasts on a device.")
    reset_hours: int = Field(default=24, ge=1, le=168,
                             description="Clinic mode: hours a password reset link stays valid.")
    passkey_options_per_address: int = Field(
        default=30, ge=1, le=10_000,
        description="Clinic mode: how many passkey sign-ins and joinings one address may start "
                    "in 15 minutes (each makes the server keep a fresh challenge); past it, 429 "
                    "with Retry-After.")
    passkey_origin: str | None = Field(
        default=None,
        description="Clinic mode: the web origin passkeys are made and used at "
                    "(https://HOST[:PORT]). Default: the origin of UNKNOT_PUBLIC_URL, with a "
                    "loopback address written as localhost.")
    passkey_rp_id: str | None = Field(
        default=None,
        description="Clinic mode: the passkeys' relying-party id, a domain name. Default: the "
                    "passkey origin's host.")

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value):
            raise ValueError(f"{_shown(value)} is not a web address; use {ALLOWED['public_url']}")
        return value.rstrip("/")

    @field_validator("passkey_origin")
    @classmethod
    def _passkey_origin(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        value = value.rstrip("/")
        found = re.fullmatch(r"(https?)://([^\s/?#:@]+)(:\d{1,5})?", value)
        if not found:
            raise ValueError(f"{_shown(value)} is not an origin; use {ALLOWED['passkey_origin']}")
        if found[1] == "http" and found[2].lower() != "localhost":
            raise ValueError(f"{_shown(value)}: browsers offer passkeys only over https (or at "
                             f"http://localhost); use {ALLOWED['passkey_origin']}")
        return value.lower()

    @field_validator("passkey_rp_id")
    @classmethod
    def _passkey_rp_id(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        name = value.strip().lower().removesuffix(".")
        try:
            ipaddress.ip_address(name)
        except ValueError:
            pass
        else:
            raise ValueError(f"{_shown(value)} is an address; use {ALLOWED['passkey_rp_id']}")
        labels = name.split(".")
        if not all(HOST_LABEL.fullmatch(label) for label in labels) or labels[-1].isdigit():
            raise ValueError(f"{_shown(value)} is not a domain name; use "
                             f"{ALLOWED['passkey_rp_id']}")
        return name

    @model_validator(mode="after")
    def _passkey_pair(self) -> Settings:
        origin_host = _host_of(self.webauthn_origin)
        rp_id = self.passkey_rp_id
        if rp_id is not None and origin_host is not None and not (
                origin_host == rp_id or origin_host.endswith("." + rp_id)):
            raise ValueError(f"UNKNOT_PASSKEY_RP_ID: {_shown(rp_id)} is not the passkey origin's "
                             f"host ({origin_host}) nor a domain it belongs to; use "
                             f"{ALLOWED['passkey_rp_id']}")
        return self

    @property
    def webauthn_origin(self) -> str | None:
        """Where passkeys are used: UNKNOT_PASSKEY_ORIGIN, else the public address's origin
        (a loopback address as localhost, since a passkey needs a domain name); None when
        that is plain http beyond this computer or an address without a name."""
        if self.passkey_origin:
            return self.passkey_origin
        found = re.match(r"(https?)://(\[[^\]]+\]|[^/:]+)(:\d+)?", self.base_url)
        if not found:
            return None
        scheme, host, port = found[1], found[2].strip("[]").lower(), found[3] or ""
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            address = None
        if address is not None:
            if not address.is_loopback:
                return None
            host = "localhost"
        if scheme == "http" and host != "localhost":
            return None
        return f"{scheme}://{host}{port}"

    @property
    def webauthn_rp_id(self) -> str | None:
        """The passkeys' relying-party id (None: passkeys are off, see `webauthn_origin`)."""
        if self.webauthn_origin is None:
            return None
        return self.passkey_rp_id or _host_of(self.webauthn_origin)

    @property
    def clinic(self) -> bool:
        """True in clinic mode (accounts, sign-in), False in personal mode."""
        return self.mode == "clinic"

    @property
    def base_url(self) -> str:
        """Where people reach this server: UNKNOT_PUBLIC_URL, else http://HOST:PORT."""
        if self.public_url:
            return self.public_url
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}"

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError(f"use {DATABASE_URLS}")
        if value.startswith("postgresql://"):
            # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
            value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
        check_driver(value)
        return value

    @field_validator("host")
    @classmethod
    def _listen_address(cls, value: str) -> str:
        return check_host(value)

    @field_validator("allowed_hosts")
    @classmethod
    def _host_names(cls, value: str) -> str:
        names = [name.strip() for name in value.split(",") if name.strip()]
        for name in names:
            if name == "*":
                continue
            try:
                check_host(name)
            except ValueError:
                raise ValueError(f"{_shown(name)} is not a host name or address; use "
                                 f"{ALLOWED['allowed_hosts']}") from None
        return ",".join(names)

    @field_validator("access_token")
    @classmethod
    def _token(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not TOKEN.fullmatch(value):
            raise ValueError(f"the token is not allowed; use {ALLOWED['access_token']}")
        return value

    @property
    def extra_hosts(self) -> frozenset[str]:
        """The names in UNKNOT_ALLOWED_HOSTS, lower-cased ("*": any)."""
        return frozenset(name.lower() for name in self.allowed_hosts.split(",") if name)

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'unknot.db'}"


def check_driver(url: str) -> None:
    """Refuse a database URL that cannot be parsed or whose driver is not installed."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValueError(f"not a database URL; use {DATABASE_URLS}") from None
    try:
        parsed.get_dialect().import_dbapi()
    except (NoSuchModuleError, ImportError):
        raise ValueError(
            f"the {parsed.drivername} driver is not installed (unknot ships sqlite and "
            f"psycopg 3); use {DATABASE_URLS}") from None


def check_host(value: str) -> str:
    """An address to listen on: an IP address or a host name (letters, digits, hyphens
    and dots); anything else raises `ValueError` saying what is allowed."""
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        pass
    labels = value.removesuffix(".").split(".")
    # A last label of digits only is a mistyped IPv4 address (999.1.1.1), not a name.
    if len(value) <= 253 and all(HOST_LABEL.fullmatch(label) for label in labels) \
            and not labels[-1].isdigit():
        return value
    hint = "; the port goes in UNKNOT_PORT" if re.fullmatch(r"[^:]+:\d+", value) else ""
    raise ValueError(f"{_shown(value)} is not an address to listen on{hint}; use {HOSTS}")


def is_loopback(host: str) -> bool:
    """True when `host` (an address or name to listen on) reaches this computer only."""
    if host.lower().removesuffix(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_of(origin: str | None) -> str | None:
    if origin is None:
        return None
    return origin.split("://", 1)[1].rsplit(":", 1)[0] if origin.count(":") == 2 \
        else origin.split("://", 1)[1]


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= SHOWN_VALUE_MAX else text[:SHOWN_VALUE_MAX - 1] + "…"


def _problem(item: dict[str, object]) -> str:
    loc = item["loc"]
    field = ".".join(str(p) for p in loc) if isinstance(loc, tuple | list) else str(loc)
    name = f"UNKNOT_{field.upper()}"
    message = str(item["msg"])
    if not field:  # a check across settings names its variables itself
        return message.removeprefix("Value error, ")
    if item["type"] == "value_error":
        # Our own validators say what is wrong and what is allowed.
        return f"{name}: {message.removeprefix('Value error, ')}"
    allowed = ALLOWED.get(field)
    why = message[:1].lower() + message[1:]
    # A database URL may hold a password: never repeat it.
    value = "the value" if field == "database_url" else _shown(item.get("input"))
    return f"{name}: {value} is not allowed ({why})" + (f"; use {allowed}" if allowed else "")


def load_settings() -> Settings:
    """Read settings from the environment, turning a bad value into a `SettingsError`
    that names each variable, and what it allows."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = [_problem(dict(item)) for item in exc.errors()]
        raise SettingsError("\n".join(problems)) from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
