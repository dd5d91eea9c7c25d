"""A clinic for the tests: an owner, two therapists with a client each, and an outsider
from another clinic, each with a signed-in browser-like client (its own cookie jar).

Accounts are made the way people make them: the owner's set-up link from
`create_clinic`, invitations accepted over HTTP, sign-in through the login form.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from argon2 import PasswordHasher, profiles

from unknot.clinic import accounts, passwords
from unknot.settings import Settings
from unknot.storage import Store
from unknot.web.app import create_app

PASSWORD = "calm hands steady breath"
# Real argon2id, at its cheapest parameters: a test clinic hashes or checks a password a
# dozen times before its first assertion, and at the production parameters (64 MiB, three
# passes: ~0.15 s each here) that was two thirds of every clinic test's time.
# `test_clinic_rules` checks the production parameters themselves.
CHEAP_HASHER = PasswordHasher.from_parameters(profiles.CHEAPEST)
BASE = "http://127.0.0.1:8000"
PAGE = {"accept": "text/html"}


def clinic_settings(store: Store, **extra: Any) -> Settings:
    return Settings(mode="clinic", database_url=store.engine.url.render_as_string(
        hide_password=False), **extra)


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found[1]


def page_csrf(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
    assert found, "the page carries no CSRF token"
    return found[1]


@dataclass
class Person:
    """Someone with a signed-in client, their account id and the page CSRF token."""

    name: str
    email: str
    http: TestClient
    account_id: str = ""
    person_id: str = ""
    csrf: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def post(self, path: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
        """A form post with this person's CSRF token."""
        return self.http.post(path, data={"csrf_token": self.csrf, **(data or {})},
                              follow_redirects=False, **kw)

    def api(self, method: str, path: str, body: Any = None) -> Any:
        headers = {"X-CSRF-Token": self.csrf} if method != "GET" else {}
        return self.http.request(method, path, json=body, headers=headers)


def accept(http: TestClient, token: str, name: str) -> Any:
    page = http.get(f"/welcome/{token}")
    assert page.status_code == 200, page.text
    return http.post(f"/welcome/{token}", data={
        "csrf_token": form_token(page.text), "name": name, "password": PASSWORD,
        "again": PASSWORD}, follow_redirects=False)


def sign_in(http: TestClient, email: str, password: str = PASSWORD) -> Any:
    page = http.get("/login", headers=PAGE)
    return http.post("/login", data={"csrf_token": form_token(page.text), "email": email,
                                     "password": password}, follow_redirects=False)


def refresh_csrf(person: Person) -> None:
    page = person.http.get("/settings", headers=PAGE)
    assert page.status_code == 200, page.text
    person.csrf = page_csrf(page.text)


def _ids(store: Store, email: str) -> tuple[str, str]:
    from sqlalchemy import select

    from unknot.storage.clinic_models import Account

    with store.reading() as db:
        account = db.scalars(select(Account).where(Account.email == email)).one()
        return account.id, account.person_id


def invite_link_token(html: str) -> str:
    found = re.search(r'/welcome/([A-Za-z0-9_-]+)"', html)
    assert found, "no invitation link on the page"
    return found[1]


@dataclass
class Clinic:
    owner: Person
    alice: Person  # therapist
    bob: Person  # therapist
    carol: Person  # alice's client
    dave: Person  # bob's client
    outsider: Person  # a therapist of another clinic
    anonymous: TestClient
    app: Any


@contextmanager
def cheap_password_hashing() -> Iterator[None]:
    """Passwords hashed with argon2id's cheapest parameters while the block runs."""
    kept = passwords._hasher
    passwords._hasher = CHEAP_HASHER
    try:
        yield
    finally:
        passwords._hasher = kept


@contextmanager
def clinic(store: Store, base_url: str = BASE, **settings: Any) -> Iterator[Clinic]:
    """The test clinic on `store`, every person signed in."""
    app = create_app(clinic_settings(store, **settings), store=store)
    with ExitStack() as stack:
        stack.enter_context(cheap_password_hashing())
        def client() -> TestClient:
            return stack.enter_context(TestClient(app, base_url=base_url))

        people: dict[str, Person] = {}

        def join(key: str, name: str, email: str, token: str) -> Person:
            http = client()
            answer = accept(http, token, name)
            assert answer.status_code == 303, answer.text
            person = Person(name, email, http)
            person.account_id, person.person_id = _ids(store, email)
            refresh_csrf(person)
            people[key] = person
            return person

        _clinic, owner_token = accounts.create_clinic(store, "Calm Hands", "owner@calm.test")
        owner = join("owner", "Olive Owner", "owner@calm.test", owner_token)
        for key, name in (("alice", "Alice Therapist"), ("bob", "Bob Therapist")):
            sent = owner.post("/clinic/invite", {"name": name, "email": f"{key}@calm.test"})
            assert sent.status_code == 200, sent.text
            join(key, name, f"{key}@calm.test", invite_link_token(sent.text))
        for therapist, key, name in (("alice", "carol", "Carol Client"),
                                     ("bob", "dave", "Dave Client")):
            sent = people[therapist].post("/clinic/invite",
                                          {"name": name, "email": f"{key}@calm.test"})
            assert sent.status_code == 200, sent.text
            join(key, name, f"{key}@calm.test", invite_link_token(sent.text))
        _other, other_token = accounts.create_clinic(store, "Elsewhere", "eve@else.test")
        join("outsider", "Eve Outsider", "eve@else.test", other_token)
        yield Clinic(owner=owner, alice=people["alice"], bob=people["bob"],
                     carol=people["carol"], dave=people["dave"], outsider=people["outsider"],
                     anonymous=client(), app=app)
