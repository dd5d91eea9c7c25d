"""Offline in real Chromium: a saved routine runs with no network, and the session it
makes reaches the journal exactly once when the network comes back."""

from __future__ import annotations

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    chromium,
    make_routine,
    open_page,
    run_for,
    server,
)

pytestmark = pytest.mark.browser


def test_it_runs_a_saved_routine_offline_and_sends_the_session_once_online(chromium, server):  # noqa: F811
    with open_page(chromium, server, service_workers="allow") as page:
        page.goto("/")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        make_routine(page, text="tight calves after my run", minutes=3)
        # The shell is cached once the worker is active; the page is then controlled.
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", polling=100)

        page.context.set_offline(True)
        page.goto("/")
        page.get_by_role("button", name="Open").first.click()
        page.wait_for_url("**/plan")
        page.click("#start-button")
        page.wait_for_selector("#stage-before:not([hidden])")
        page.locator("input[name=before-pain][value='4']").check()
        page.click("#begin")
        page.wait_for_selector("#stage-player:not([hidden])")
        session_id = page.evaluate("window.unknotPlayer.session().id")
        total = page.evaluate("window.unknotPlayer.session().plan.total_seconds")
        run_for(page, total + 2)
        page.wait_for_selector("#stage-done:not([hidden])")
        page.click("#done-after")
        page.wait_for_url("**/after")
        page.locator("input[name=after-pain][value='1']").check()
        page.click("#save-after")
        page.wait_for_selector("#after-done:not([hidden])")
        page.click("#after-journal")
        page.wait_for_url("**/journal")
        page.wait_for_selector("#journal-pending:not([hidden])")
        # Chromium's offline emulation now and then lets a request through while a new
        # document starts, so what counts is that the finished session is still waiting.
        waiting = page.evaluate("window.unknot.outbox.items().map(i => i.key.split(':')[0])")
        assert "finish-after" in waiting

        page.context.set_offline(False)
        page.reload()
        # The document may already list the session (its create got through); the page
        # sends the rest, then asks again and draws it finished, with its after rating.
        page.locator(f"#sessions li[data-id='{session_id}']", has_text="Pain 4 → 1").wait_for()
        assert page.evaluate("window.unknot.outbox.pending()") == 0
        # A retry of everything (a second tab, a flaky network) changes nothing.
        stored = server.api(f"/api/v1/sessions/{session_id}")
        retry = page.evaluate("""async (s) => {
            const api = window.unknot.api;
            await api('/api/v1/sessions', {method: 'POST', body: {id: s.id, plan: s.plan, request: s.request,
                before: s.before, source: 'web', status: 'in_progress'}});
            const done = await api(`/api/v1/sessions/${s.id}/finish`, {method: 'POST', body: {
                status: s.status, after: s.after, completed_steps: s.completed_steps,
                stop_reason: null, note: null}});
            return done.status;
        }""", stored)
        assert retry == "completed"
        assert page.errors == []

    listed = [s for s in server.api("/api/v1/sessions?limit=100")["items"] if s["id"] == session_id]
    assert len(listed) == 1
    assert listed[0]["status"] == "completed"
    assert listed[0]["before"]["pain"] == 4 and listed[0]["after"]["pain"] == 1
    # Dated when it happened on the device (the page's clock ran the whole routine while
    # offline), not when it reached the server a moment ago.
    from datetime import datetime

    began = datetime.fromisoformat(listed[0]["created_at"].replace("Z", "+00:00"))
    ended = datetime.fromisoformat(listed[0]["finished_at"].replace("Z", "+00:00"))
    assert (ended - began).total_seconds() >= total



def test_the_journal_last_seen_online_opens_offline_as_it_was(chromium, server):  # noqa: F811
    import uuid

    request = {"text": "stiff shoulders after the drive", "minutes": 2}
    questions = server.api("/api/v1/plans", "POST", request)["intake"]["questions"]
    plan = server.api("/api/v1/plans", "POST", {
        **request, "answers": {"questions": {q["id"]: False for q in questions}}})
    session_id = str(uuid.uuid4())
    server.api("/api/v1/sessions", "POST", {"id": session_id, "plan": plan, "request": request,
                                            "before": {"pain": 5}})
    with open_page(chromium, server, service_workers="allow", clock=False) as page:
        page.goto("/")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", polling=100)
        page.goto("/journal")
        page.wait_for_selector(f"#sessions li[data-id='{session_id}']")
        online = page.inner_text("main")

        # The journal is one document now: the service worker's copy of the last one seen
        # holds the sessions, the chart's figures and what the script takes over from.
        page.context.set_offline(True)
        page.reload()
        page.wait_for_selector("#chart.drawn")
        assert page.locator(f"#sessions li[data-id='{session_id}']").count() == 1
        assert page.inner_text("main") == online
        assert page.errors == []
