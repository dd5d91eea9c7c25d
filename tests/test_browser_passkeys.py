"""Passkeys in real Chromium against a real `unknot serve` in clinic mode, with Chromium's
virtual authenticator (DevTools protocol: ctap2, internal, resident keys, user
verification) standing in for a phone's fingerprint reader: a client accepts her
invitation with a passkey and no password, signs out and back in with it; a therapist
adds a passkey on the account page and signs in with it; a reset link and the open
invitations list work from the pages; a client without a password deletes her account by
confirming with her passkey, and one with both may use either. Served at 127.0.0.1, opened as localhost: a
passkey needs a domain name, and the server's passkey origin says localhost."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    LAPTOP,
    PHONE,
    Server,
    axe_violations,
    chromium,
    describe,
    open_page,
    screenshot,
    serve,
)

pytestmark = pytest.mark.browser

PASSWORD = "calm hands steady breath"
SHOTS = Path("/tmp/shots/clinic5acct")


@pytest.fixture(scope="module")
def passkey_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict]]:
    tmp = tmp_path_factory.mktemp("passkeys")
    env = {"UNKNOT_MODE": "clinic"}
    with serve(tmp, env) as server:
        local = Server(server.url.replace("127.0.0.1", "localhost"), server.process, server.log)
        yield local, {**os.environ, "UNKNOT_DATABASE_URL": f"sqlite:///{tmp / 'browser.db'}",
                      "UNKNOT_DATA_DIR": str(tmp), "UNKNOT_PUBLIC_URL": local.url, **env}


def shoot(page: Any, name: str) -> None:
    path = screenshot(page, f"passkeys-{name}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def both_sizes(page: Any, name: str) -> None:
    """Screenshots at phone and laptop size, then back to the page's own size."""
    size = page.viewport_size
    for label, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
        page.set_viewport_size(viewport)
        shoot(page, f"{name}-{label}")
    page.set_viewport_size(size)


def no_serious_axe_violations(page: Any) -> None:
    found = axe_violations(page)
    assert not found, describe(found)


def authenticator(page: Any) -> tuple[Any, str]:
    """A virtual platform authenticator for this page, as a phone's would be."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    made = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True}})
    return cdp, made["authenticatorId"]


def credentials(cdp: Any, authenticator_id: str) -> list[dict]:
    return cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})["credentials"]


def set_up(page: Any, link: str, name: str) -> None:
    page.goto(link)
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.fill("#again", PASSWORD)
    page.get_by_role("button", name="Create my account", exact=True).click()


def invite(page: Any, name: str, email: str) -> str:
    page.goto("/clinic")
    page.fill("#invite-name", name)
    page.fill("#invite-email", email)
    page.get_by_role("button", name="Make an invitation link").click()
    return local(page.input_value("#invite-link"))


def local(link: str) -> str:
    """The server names itself 127.0.0.1 in links; the people here use localhost."""
    return link.replace("://127.0.0.1:", "://localhost:")


def new_clinic(browser: Any, passkey_server: tuple[Server, dict], name: str,
               owner: tuple[str, str], therapist: tuple[str, str]) -> str:
    """`unknot clinic create NAME --owner EMAIL`; the owner sets up her account and
    invites a therapist, whose invitation link this returns. (name, e-mail) each."""
    server, env = passkey_server
    made = subprocess.run([str(Path(sys.executable).parent / "unknot"), "clinic", "create",
                           name, "--owner", owner[1]], env=env,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    owner_link = re.search(r"http://\S+/welcome/\S+", made.stdout)[0]
    assert owner_link.startswith(server.url)
    with open_page(browser, server, LAPTOP, clock=False) as page:
        set_up(page, owner_link, owner[0])
        page.wait_for_url("**/clinic")
        return invite(page, *therapist)


def sign_out(page: Any) -> None:
    page.get_by_role("button", name="Sign out", exact=True).click()
    page.wait_for_url("**/login")


def test_passkeys_sign_people_in_without_a_password(chromium, passkey_server):  # noqa: F811
    server, env = passkey_server
    therapist_link = new_clinic(chromium, passkey_server, "Calm Hands",
                                ("Olive Owner", "owner@calm.test"),
                                ("Alice Therapist", "alice@calm.test"))

    with open_page(chromium, server, LAPTOP, clock=False) as alice:
        set_up(alice, therapist_link, "Alice Therapist")
        alice.wait_for_url("**/clinic")
        client_link = invite(alice, "Carol Client", "carol@calm.test")
        withdrawn_link = invite(alice, "Wes Client", "wes@calm.test")
        # The open invitations, each with "Withdraw"; withdrawing one ends its link.
        alice.goto("/clinic")
        assert "Wes Client" in alice.text_content("#open-invites + ul")
        alice.get_by_role("button", name="Withdraw the invitation for Wes Client").click()
        alice.wait_for_url("**/clinic#open-invites")
        assert "Wes Client" not in alice.text_content("main")
        no_serious_axe_violations(alice)
        both_sizes(alice, "clinic-home")

        # Carol joins with a passkey on her phone: no password at all.
        with open_page(chromium, server, PHONE, clock=False) as carol:
            cdp, auth_id = authenticator(carol)
            carol.goto(client_link)
            passkey_button = carol.get_by_role("button", name="Set up with a passkey instead")
            passkey_button.wait_for()
            no_serious_axe_violations(carol)
            both_sizes(carol, "welcome")
            carol.fill("#name", "Carol Client")
            passkey_button.click()
            carol.wait_for_url(server.url + "/")
            stored = credentials(cdp, auth_id)
            assert len(stored) == 1 and stored[0]["isResidentCredential"]
            assert stored[0]["rpId"] == "localhost"
            carol.goto("/account")
            assert "Passkey made when joining" in carol.text_content("#passkeys")
            assert "Set a password" in carol.text_content("#password")
            no_serious_axe_violations(carol)
            both_sizes(carol, "account-client")
            sign_out(carol)

            # Back in with the passkey alone: no e-mail, no password.
            carol.get_by_role("button", name="Sign in with a passkey").wait_for()
            both_sizes(carol, "login")
            no_serious_axe_violations(carol)
            carol.get_by_role("button", name="Sign in with a passkey").click()
            carol.wait_for_url(server.url + "/")
            carol.goto("/account")
            assert "carol@calm.test" in carol.text_content("main")
            assert credentials(cdp, auth_id)[0]["signCount"] >= 1
            assert carol.errors == []

        # The withdrawn link says so.
        alice.goto(withdrawn_link)
        assert "withdrawn" in alice.text_content("main")

        # Alice adds a passkey on her account page, then signs in with it.
        cdp, auth_id = authenticator(alice)
        alice.goto("/account")
        alice.fill("#passkey-name", "Clinic laptop")
        alice.get_by_role("button", name="Add a passkey").click()
        alice.wait_for_url("**/account?added=passkey#passkeys")
        assert "Your passkey is added" in alice.text_content("#account-notice")
        assert "Clinic laptop" in alice.text_content("#passkey-list")
        assert len(credentials(cdp, auth_id)) == 1
        both_sizes(alice, "account-therapist")
        # A reset link for her client, from the client's record.
        alice.goto("/clinic")
        alice.get_by_role("link", name="Carol Client").click()
        alice.wait_for_selector("#client-account")
        no_serious_axe_violations(alice)
        both_sizes(alice, "client-record")
        alice.get_by_role("button", name="Make a password reset link").click()
        reset_link = local(alice.input_value("#reset-link"))
        assert "/reset/" in reset_link
        both_sizes(alice, "reset-made")
        sign_out(alice)
        alice.get_by_role("button", name="Sign in with a passkey").click()
        alice.wait_for_url("**/clinic")
        assert alice.errors == []

    # Carol uses the reset link to set a password; it then works, once.
    with open_page(chromium, server, PHONE, clock=False) as carol:
        carol.goto(reset_link)
        both_sizes(carol, "reset")
        no_serious_axe_violations(carol)
        carol.fill("#password", PASSWORD)
        carol.fill("#again", PASSWORD)
        carol.get_by_role("button", name="Save my new password").click()
        carol.wait_for_url("**/login?reset=1")
        carol.fill("#email", "carol@calm.test")
        carol.fill("#password", PASSWORD)
        carol.get_by_role("button", name="Sign in", exact=True).click()
        carol.wait_for_url(server.url + "/")
        carol.goto(reset_link)
        assert "used already" in carol.text_content("main")
        assert carol.errors == []


def test_a_client_without_a_password_deletes_her_account_with_her_passkey(
        chromium, passkey_server):  # noqa: F811
    server, _env = passkey_server
    therapist_link = new_clinic(chromium, passkey_server, "Quiet Rooms",
                                ("Quinn Owner", "owner@quiet.test"),
                                ("Tess Therapist", "tess@quiet.test"))
    with open_page(chromium, server, LAPTOP, clock=False) as tess:
        set_up(tess, therapist_link, "Tess Therapist")
        tess.wait_for_url("**/clinic")
        pia_link = invite(tess, "Pia Client", "pia@quiet.test")
        rex_link = invite(tess, "Rex Client", "rex@quiet.test")

    # Rex has a password and adds a passkey: the page offers both ways.
    with open_page(chromium, server, LAPTOP, clock=False) as rex:
        authenticator(rex)
        set_up(rex, rex_link, "Rex Client")
        rex.wait_for_url(server.url + "/")
        rex.goto("/account")
        rex.get_by_role("button", name="Add a passkey").click()
        rex.wait_for_url("**/account?added=passkey#passkeys")
        rex.goto("/records/delete")
        rex.get_by_role("button", name="Delete my account, confirming with a passkey").wait_for()
        assert rex.is_visible("#password")
        no_serious_axe_violations(rex)
        both_sizes(rex, "delete-both-ways")
        assert rex.errors == []

    # Pia joins with a passkey on her phone, and never sets a password.
    with open_page(chromium, server, PHONE, clock=False) as pia:
        cdp, auth_id = authenticator(pia)
        pia.goto(pia_link)
        pia.fill("#name", "Pia Client")
        pia.get_by_role("button", name="Set up with a passkey instead").click()
        pia.wait_for_url(server.url + "/")
        pia.goto("/account")  # where she looks for it
        assert "with one of your passkeys" in pia.text_content("#leave")
        pia.get_by_role("link", name="Delete my account…").click()
        pia.wait_for_url("**/records/delete")
        confirm = pia.get_by_role("button", name="Delete my account, confirming with a passkey")
        confirm.wait_for()
        assert pia.locator("#password").count() == 0  # she has no password to type
        no_serious_axe_violations(pia)
        both_sizes(pia, "delete-passkey-only")
        confirm.click()
        pia.wait_for_selector("text=Your account is deleted")
        shoot(pia, "deleted-phone")
        assert credentials(cdp, auth_id)[0]["signCount"] >= 2  # joined, then confirmed
        # Signed out, and her passkey opens nothing any more.
        pia.goto("/login")
        pia.get_by_role("button", name="Sign in with a passkey").click()
        pia.wait_for_selector("text=not registered here")
        assert "/login" in pia.url
        assert pia.errors == []

    with open_page(chromium, server, LAPTOP, clock=False) as tess:
        tess.goto("/login")
        tess.fill("#email", "tess@quiet.test")
        tess.fill("#password", PASSWORD)
        tess.get_by_role("button", name="Sign in", exact=True).click()
        tess.wait_for_url("**/clinic")
        assert "Pia Client" not in tess.text_content("main")
        assert "Rex Client" in tess.text_content("main")
