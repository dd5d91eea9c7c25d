"""The report, PDF and FHIR bundle at their edges, from the store (SQLite and PostgreSQL):
no sessions at all, and names outside the PDF core font."""

from __future__ import annotations

import io
from datetime import UTC

from unknot.records.gather import Subject, gather
from unknot.records.report import build, number, pair, signed
from unknot.storage import Store


def test_an_empty_record_still_makes_a_report_a_pdf_and_a_bundle(store: Store) -> None:
    from pypdf import PdfReader

    from support.fhir import read_both
    from unknot.records.fhir import bundle_json
    from unknot.records.pdf import render

    record = gather(store, Subject(Store.person_id(), "Me", UTC))
    report = build(record)
    assert report.total == 0 and report.first is None and report.months == []
    words = " ".join(PdfReader(io.BytesIO(render(report, "letter"))).pages[0]
                     .extract_text().split())
    assert "0 sessions." in words and "No sessions yet." in words
    assert "No session was stopped." in words and "No safety screen on record." in words
    bundle = read_both(bundle_json(record))
    assert [e.resource.get_resource_type() for e in bundle.entry] == ["Patient"]


def test_a_name_outside_the_pdf_font_is_printed_not_refused(store: Store) -> None:
    from pypdf import PdfReader

    from unknot.records.pdf import printable, render

    # Latin, Greek and Cyrillic names print as written; a letter the font lacks is a "?".
    assert printable("Zoë “Łucja” Ζωή Юлия → 李") == "Zoë “Łucja” Ζωή Юлия → ?"
    record = gather(store, Subject(Store.person_id(), "Zoë Łucja Ζωή Юлия 李", UTC))
    text = PdfReader(io.BytesIO(render(build(record)))).pages[0].extract_text()
    assert "Self-massage record: Zoë Łucja Ζωή Юлия ?" in text


def test_numbers_are_printed_plainly() -> None:
    assert [number(None), number(5), number(4.5), number(6.0)] == ["–", "5", "4.5", "6"]
    assert [signed(None), signed(-1.5), signed(2), signed(0)] == ["–", "−1.5", "+2", "±0"]
    assert [pair((7, 3)), pair((None, 2)), pair((None, None))] == ["7 → 3", "– → 2", "–"]


def test_only_a_client_may_delete_their_own_account_and_every_answer_has_a_reason() -> None:
    from unknot.clinic.access import Viewer, decide

    def viewer(role: str) -> Viewer:
        return Viewer(f"{role}-id", "p", "c", role, role, f"{role}@x.test")  # type: ignore[arg-type]

    assert decide(viewer("client"), "delete_account")
    for role in ("therapist", "owner"):
        refused = decide(viewer(role), "delete_account")
        assert not refused and "other people's records" in refused.reason
    assert decide(None, "delete_account").reason == "not signed in"
