"""Fuzz the JSON API as a signed-in clinic client (schemathesis), on both databases.

The same generated requests as `test_api_fuzz.py`, but in clinic mode with a client's
sign-in cookie and CSRF header on every request, so each operation gets past sign-in
and CSRF into the code that reads and writes the client's own data: every answer
must be documented, never a 5xx, with a body that matches the schema.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from test_api_fuzz import CHECKS
from unknot.clinic import accounts
from unknot.settings import Settings
from unknot.storage import Store
from unknot.web.app import create_app

PASSWORD = "calm hands steady breath"

APP = create_app(Settings(mode="clinic", database_url="sqlite://"))
schema = schemathesis.openapi.from_dict(APP.openapi())
schema.app = APP


def signed_in_client(store: Store) -> tuple[str, str]:
    """A clinic with an owner, a therapist and one client, signed in: (cookie, CSRF)."""
    _clinic, token = accounts.create_clinic(store, "Calm Hands", "owner@calm.test")
    owner = accounts.accept_invite(store, token, display_name="Olive", password=PASSWORD)
    token = accounts.invite(store, owner, email="alice@calm.test", display_name="Alice")
    therapist = accounts.accept_invite(store, token, display_name="Alice", password=PASSWORD)
    token = accounts.invite(store, therapist, email="carol@calm.test", display_name="Carol")
    accounts.accept_invite(store, token, display_name="Carol", password=PASSWORD)
    _viewer, cookie, csrf = accounts.sign_in(store, "carol@calm.test", PASSWORD,
                                             address="127.0.0.1")
    return cookie, csrf


@pytest.fixture
def signed_in(store: Store) -> Iterator[dict[str, str]]:
    APP.state.store = store
    cookie, csrf = signed_in_client(store)
    yield {"Cookie": f"unknot_session={cookie}", "X-CSRF-Token": csrf}
    APP.state.store = None


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_a_signed_in_client_gets_only_documented_answers(
        case: schemathesis.Case, signed_in: dict[str, str]) -> None:
    response = case.call_and_validate(headers=signed_in, checks=CHECKS)
    # Signed in for real: never turned away as signed out or forged.
    assert response.status_code not in (401, 403), (case.method, case.path, response.text[:300])
