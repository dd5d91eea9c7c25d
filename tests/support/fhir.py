"""Reading an exported FHIR bundle as its readers would: with fhir.resources' R4B models,
and against FHIR R4 (4.0.1) with fhirclient's models in strict mode, plus the R4
required bindings of every coded element the export writes (fhirclient checks types
and cardinalities, not codes).

The codes are the R4 4.0.1 value sets bound "required" to those elements, as the
standard lists them (hl7.org/fhir/R4: bundle-type, care-plan-status, care-plan-intent,
care-plan-activity-kind, care-plan-activity-status, units-of-time, days-of-week,
observation-status, contact-point-system).
"""

from __future__ import annotations

import json
from typing import Any

R4_REQUIRED: dict[tuple[str, str], frozenset[str]] = {
    ("Bundle", "type"): frozenset({"document", "message", "transaction", "transaction-response",
                                   "batch", "batch-response", "history", "searchset",
                                   "collection"}),
    ("CarePlan", "status"): frozenset({"draft", "active", "on-hold", "revoked", "completed",
                                       "entered-in-error", "unknown"}),
    ("CarePlan", "intent"): frozenset({"proposal", "plan", "order", "option"}),
    ("CarePlan", "activity.detail.kind"): frozenset({
        "Appointment", "CommunicationRequest", "DeviceRequest", "MedicationRequest",
        "NutritionOrder", "Task", "ServiceRequest", "VisionPrescription"}),
    ("CarePlan", "activity.detail.status"): frozenset({
        "not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled",
        "stopped", "unknown", "entered-in-error"}),
    ("CarePlan", "activity.detail.scheduledTiming.repeat.durationUnit"): frozenset({
        "s", "min", "h", "d", "wk", "mo", "a"}),
    ("CarePlan", "activity.detail.scheduledTiming.repeat.dayOfWeek"): frozenset({
        "mon", "tue", "wed", "thu", "fri", "sat", "sun"}),
    ("Observation", "status"): frozenset({"registered", "preliminary", "final", "amended",
                                          "corrected", "cancelled", "entered-in-error",
                                          "unknown"}),
    ("Patient", "telecom.system"): frozenset({"phone", "fax", "email", "pager", "url", "sms",
                                              "other"}),
}


def _values(node: Any, path: list[str]) -> list[Any]:
    """Every value at `path` under `node`, through lists."""
    if isinstance(node, list):
        return [v for item in node for v in _values(item, path)]
    if not path:
        return [node]
    if not isinstance(node, dict) or path[0] not in node:
        return []
    return _values(node[path[0]], path[1:])


def r4_code_problems(document: dict[str, Any]) -> list[str]:
    """The coded values of `document` outside R4's required value sets (none: it fits)."""
    resources = [document] + [e["resource"] for e in document.get("entry", [])]
    problems = []
    for resource in resources:
        for (kind, path), allowed in R4_REQUIRED.items():
            if resource["resourceType"] != kind:
                continue
            for value in _values(resource, path.split(".")):
                if value not in allowed:
                    problems.append(f"{kind}.{path} = {value!r}")
    return problems


def read_r4(content: bytes | str) -> Any:
    """The bundle as fhirclient's R4 (4.0.1) model, built in strict mode (it raises on a
    field R4 lacks, a wrong type, a missing required element or a malformed date); its
    codes checked against R4's required bindings too."""
    from fhirclient.models.bundle import Bundle

    document = json.loads(content)
    bundle = Bundle(document, strict=True)
    assert bundle.as_json()["resourceType"] == "Bundle"
    assert r4_code_problems(document) == []
    return bundle


def read_both(content: bytes | str) -> Any:
    """The bundle read with fhir.resources' R4B models, after `read_r4` accepted it."""
    from fhir.resources.R4B.bundle import Bundle

    read_r4(content)
    return Bundle.model_validate_json(content)
