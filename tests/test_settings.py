"""Settings: a bad value stops start-up with a message naming the variable and what it
allows, never a traceback; checked in process and through the installed command."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from unknot.settings import SettingsError, check_host, load_settings

UNKNOT = Path(sys.executable).with_name("unknot")
# Drivers SQLAlchemy knows that unknot does not ship.
ABSENT_DRIVERS = [name for name in ("psycopg2", "asyncpg", "pg8000", "sqlcipher3")
                  if importlib.util.find_spec(name) is None]


def unknot(*args: str, env: dict[str, str], tmp_path: Path,
           timeout: float = 30) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("UNKNOT_")}
    clean.update({"UNKNOT_DATA_DIR": str(tmp_path / "data"), **env})
    return subprocess.run([str(UNKNOT), *args], env=clean, capture_output=True, text=True,
                          timeout=timeout, check=False, stdin=subprocess.DEVNULL)


def refused(monkeypatch: pytest.MonkeyPatch, **env: str) -> str:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    return str(raised.value)


# -- in process ------------------------------------------------------------------

@pytest.mark.parametrize("url, driver", [
    ("postgresql+psycopg2://u:secret@localhost/unknot", "postgresql+psycopg2"),
    ("postgresql+asyncpg://u:secret@localhost/unknot", "postgresql+asyncpg"),
    ("sqlite+pysqlcipher:///x.db", "sqlite+pysqlcipher"),
    ("postgresql+nosuchdriver://u@localhost/unknot", "postgresql+nosuchdriver"),
])
def test_a_database_driver_that_is_not_installed_is_named(
        monkeypatch: pytest.MonkeyPatch, url: str, driver: str) -> None:
    module = {"pysqlcipher": "sqlcipher3"}.get(driver.split("+")[1], driver.split("+")[1])
    if importlib.util.find_spec(module) is not None:
        pytest.skip(f"{module} is installed here")
    message = refused(monkeypatch, UNKNOT_DATABASE_URL=url)
    assert message.startswith("UNKNOT_DATABASE_URL: ")
    assert f"the {driver} driver is not installed" in message
    assert "postgresql+psycopg://" in message and "sqlite:///" in message
    assert "secret" not in message


def test_the_installed_drivers_are_accepted(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    for url in (f"sqlite:///{tmp_path / 'x.db'}", "postgresql+psycopg://u@localhost/unknot",
                "postgresql://u@localhost/unknot"):
        monkeypatch.setenv("UNKNOT_DATABASE_URL", url)
        assert load_settings().effective_database_url.startswith(("sqlite:///",
                                                                  "postgresql+psycopg://"))


@pytest.mark.parametrize("host", ["not a host", "127.0.0.1:8000", "999.1.1.1", "http://x",
                                  "-bad.example", "", "a" * 64 + ".example", "[::1]"])
def test_an_invalid_host_says_what_is_allowed(monkeypatch: pytest.MonkeyPatch,
                                              host: str) -> None:
    message = refused(monkeypatch, UNKNOT_HOST=host)
    assert message.startswith("UNKNOT_HOST: ")
    assert "IP address" in message and "127.0.0.1" in message and "host name" in message


def test_a_host_with_a_port_says_where_the_port_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "the port goes in UNKNOT_PORT" in refused(monkeypatch, UNKNOT_HOST="localhost:8000")


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0", "::1", "::", "localhost",
                                  "my-laptop.local", "unknot.example.org."])
def test_addresses_and_host_names_are_accepted(host: str) -> None:
    assert check_host(host)


@pytest.mark.parametrize("rate", ["nan", "NaN", "inf", "-inf", "abc", "1", "21", ""])
def test_a_breath_rate_outside_2_to_20_says_what_is_allowed(
        monkeypatch: pytest.MonkeyPatch, rate: str) -> None:
    message = refused(monkeypatch, UNKNOT_BREATH_RATE=rate)
    assert message.startswith("UNKNOT_BREATH_RATE: ")
    assert "from 2 to 20" in message


@pytest.mark.parametrize("value", ["0", "-3", "10001", "many", "2.5", ""])
def test_a_passkey_start_limit_outside_1_to_10000_says_what_is_allowed(
        monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    message = refused(monkeypatch, UNKNOT_PASSKEY_OPTIONS_PER_ADDRESS=value)
    assert message.startswith("UNKNOT_PASSKEY_OPTIONS_PER_ADDRESS: ")
    assert "from 1 to 10000" in message


def test_each_bad_setting_gets_its_own_line(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refused(monkeypatch, UNKNOT_BREATH_RATE="nan", UNKNOT_PORT="0",
                      UNKNOT_VOICE="maybe")
    lines = message.splitlines()
    assert [line.split(":")[0] for line in lines] == ["UNKNOT_BREATH_RATE", "UNKNOT_VOICE",
                                                      "UNKNOT_PORT"]
    assert "from 1 to 65535" in lines[2] and "true or false" in lines[1]


# -- through the installed command -------------------------------------------------

def assert_stopped(done: subprocess.CompletedProcess[str], variable: str, *words: str) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert f"Error: {variable}: " in done.stderr
    for word in words:
        assert word in done.stderr


@pytest.mark.skipif(not ABSENT_DRIVERS, reason="every candidate driver is installed")
@pytest.mark.parametrize("args", [("journal",), ("db", "upgrade"), ("db", "check")])
def test_an_uninstalled_driver_stops_the_command(tmp_path: Path, args: tuple[str, ...]) -> None:
    driver = ABSENT_DRIVERS[0]
    done = unknot(*args, tmp_path=tmp_path, env={
        "UNKNOT_DATABASE_URL": f"postgresql+{driver}://u:secret@localhost/unknot"})
    assert_stopped(done, "UNKNOT_DATABASE_URL", f"postgresql+{driver} driver is not installed",
                   "postgresql+psycopg://")
    assert "secret" not in done.stderr


@pytest.mark.parametrize("host", ["not a host", "127.0.0.1:8000"])
def test_an_invalid_host_stops_serve_before_it_listens(tmp_path: Path, host: str) -> None:
    done = unknot("serve", tmp_path=tmp_path, env={"UNKNOT_HOST": host})
    assert_stopped(done, "UNKNOT_HOST", "127.0.0.1", "host name")
    assert "Uvicorn running" not in done.stderr


@pytest.mark.parametrize("rate", ["nan", "inf"])
def test_a_breath_rate_of_nan_stops_the_guide(tmp_path: Path, rate: str) -> None:
    done = unknot("guide", "stiff neck from the desk", "--none", tmp_path=tmp_path,
                  env={"UNKNOT_BREATH_RATE": rate})
    assert_stopped(done, "UNKNOT_BREATH_RATE", "from 2 to 20")
