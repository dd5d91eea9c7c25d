"""A person's record as a FHIR R4 Bundle: Patient, a CarePlan per programme (its steps as
activities, its days and times as their timing), and an Observation of pain 0–10 before
and after each session that has the rating.

Checked twice before it is handed out, so a bundle that does not fit the standard is
never given to anyone: against FHIR R4 (4.0.1) itself, with the SMART on FHIR project's
`fhirclient` models (generated from the R4 4.0.1 definitions; in strict mode they refuse
a field R4 does not have, a value of the wrong type, a missing required element and a
date, time or instant in the wrong form), and against fhir.resources' `R4B` models
(FHIR 4.3.0; its current releases no longer carry 4.0.1), which also build the JSON.
Neither needs the network: fhirclient's models only read the dictionary they are given.

Pain is LOINC 72514-3, "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
an integer, with the moment it was rated: the session's start for "before", its end
for "after". Ids are stable UUIDs (version 5) of our own ids, so exporting twice gives
the same resources.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, time
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from unknot.records.gather import PersonRecord, ProgrammeRecord

LOINC = "http://loinc.org"
PAIN_CODE = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
IDENTIFIERS = "urn:unknot:id"
NAMESPACE = uuid.UUID("6f6b2c1e-4d1a-5b8e-9c53-756e6b6e6f74")  # ours: "unknot" in its tail
DAY_CODES = {"mon": "mon", "tue": "tue", "wed": "wed", "thu": "thu", "fri": "fri",
             "sat": "sat", "sun": "sun"}
FHIR_VERSION = "4.0.1"
# The media type with the version a reader should take it as (FHIR R4, http.html#version).
MEDIA_TYPE = "application/fhir+json; fhirVersion=4.0"


class BundleInvalid(ValueError):
    """The bundle does not fit FHIR R4 (4.0.1); the message says what and where."""


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _urn(resource_id: str) -> str:
    return f"urn:uuid:{resource_id}"


def _patient(record: PersonRecord, patient_id: str) -> dict[str, Any]:
    who = record.subject
    patient: dict[str, Any] = {
        "resourceType": "Patient", "id": patient_id,
        "identifier": [{"system": IDENTIFIERS, "value": f"person/{who.person_id}"}],
        "name": [{"text": who.name}], "active": True,
    }
    if who.email:
        patient["telecom"] = [{"system": "email", "value": who.email}]
    return patient


def _careplan(record: PersonRecord, programme: ProgrammeRecord, patient: str,
              today: Any) -> dict[str, Any]:
    ended = programme.ends_on is not None and programme.ends_on < today
    period: dict[str, str] = {"start": programme.starts_on.isoformat()}
    if programme.ends_on is not None:
        period["end"] = programme.ends_on.isoformat()
    activities = []
    for n, step in enumerate(programme.steps, 1):
        sides = 2 if step.side == "both" else 1
        detail: dict[str, Any] = {
            "kind": "Task", "status": "completed" if ended else "scheduled",
            "code": {"coding": [{"system": f"{IDENTIFIERS}:technique", "code": step.technique,
                                 "display": step.name}], "text": step.name},
            "description": (f"Step {n}: {step.name}, {step.seconds} s"
                            + (" on each side" if step.side == "both" else
                               f" on the {step.side} side" if step.side else "")
                            + (f". Therapist's note: {step.note}" if step.note else "")),
            "scheduledTiming": {"repeat": {
                "boundsPeriod": period, "dayOfWeek": [DAY_CODES[d] for d in programme.days],
                "timeOfDay": [time.fromisoformat(t).isoformat() for t in programme.times],
                "duration": step.seconds * sides, "durationUnit": "s"}},
        }
        activities.append({"detail": detail})
    return {
        "resourceType": "CarePlan", "id": _id("careplan", programme.id),
        "identifier": [{"system": IDENTIFIERS, "value": f"programme/{programme.id}"}],
        "status": "completed" if ended else "active", "intent": "plan",
        "title": programme.title,
        "description": f"Home self-massage programme. {programme.schedule}.",
        "subject": {"reference": _urn(patient)}, "period": period,
        "author": {"display": programme.therapist},
        "activity": activities,
    }


def _pain(record: PersonRecord, patient: str, session_id: str, when: str, value: int,
          at: datetime, careplan: str | None) -> dict[str, Any]:
    moment = "before" if when == "before" else "after"
    observation: dict[str, Any] = {
        "resourceType": "Observation", "id": _id("pain", session_id, when),
        "identifier": [{"system": IDENTIFIERS, "value": f"session/{session_id}/pain_{when}"}],
        "status": "final",
        "category": [{"coding": [{"system": CATEGORY, "code": "survey", "display": "Survey"}]}],
        "code": {"coding": [{"system": LOINC, "code": PAIN_CODE, "display": PAIN_DISPLAY}],
                 "text": f"Pain 0-10, {moment} a self-massage session"},
        "subject": {"reference": _urn(patient)},
        "effectiveDateTime": at.isoformat(),
        "valueInteger": value,
        "note": [{"text": f"Rated by the person {moment} the session."}],
    }
    if careplan is not None:
        observation["basedOn"] = [{"reference": _urn(careplan)}]
    return observation


def bundle(record: PersonRecord) -> Bundle:
    """The Bundle (a `collection`) of `record`, validated with the R4B models; what is
    handed out is `bundle_json`, which also checks it against R4 (4.0.1)."""
    patient = _id("patient", record.subject.person_id)
    resources: list[dict[str, Any]] = [_patient(record, patient)]
    careplans: dict[str, str] = {}
    today = record.generated_at.astimezone(record.subject.zone).date()
    for programme in record.programmes:
        plan = _careplan(record, programme, patient, today)
        careplans[programme.id] = plan["id"]
        resources.append(plan)
    for entry in record.entries:
        started, finished = record.times.get(entry.id, (None, None))
        careplan = careplans.get(record.programme_of.get(entry.id, ""))
        if entry.before.pain is not None:
            resources.append(_pain(record, patient, entry.id, "before", entry.before.pain,
                                   started or entry.created_at, careplan))
        if entry.after.pain is not None:
            resources.append(_pain(record, patient, entry.id, "after", entry.after.pain,
                                   finished or started or entry.created_at, careplan))
    return Bundle.model_validate({
        "resourceType": "Bundle", "id": _id("bundle", record.subject.person_id,
                                            record.generated_at.isoformat()),
        "type": "collection", "timestamp": record.generated_at.isoformat(),
        "meta": {"tag": [{"system": IDENTIFIERS, "code": "fhir-version",
                          "display": f"FHIR {FHIR_VERSION} (R4)"}]},
        "entry": [{"fullUrl": _urn(r["id"]), "resource": r} for r in resources],
    })


def check_r4(document: dict[str, Any]) -> None:
    """Raise `BundleInvalid` unless `document` (a Bundle as JSON) fits FHIR R4 4.0.1."""
    # Imported here: fhirclient's package also loads its HTTP client, which only the
    # FHIR download needs (nothing is sent: the models just read `document`).
    from fhirclient.models.bundle import Bundle as R4Bundle
    from fhirclient.models.fhirabstractbase import FHIRValidationError

    try:
        R4Bundle(document, strict=True).as_json()  # as_json checks the required elements again
    except (FHIRValidationError, TypeError, ValueError) as exc:
        raise BundleInvalid(f"the FHIR bundle does not fit R4 (4.0.1): {exc}") from exc


def bundle_json(record: PersonRecord) -> str:
    """The bundle as FHIR JSON, exactly as checked against R4 (4.0.1)."""
    text = bundle(record).model_dump_json(exclude_none=True)
    check_r4(json.loads(text))
    return text
