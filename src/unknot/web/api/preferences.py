"""GET and PUT /preferences: voice, breath pace, ambient sound and the start page's defaults.

Stored per person in the database (never in process memory), so every worker
and every device of the person sees the same settings.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from unknot.settings import Settings
from unknot.storage import load_preferences, save_preferences
from unknot.web.api.routing import api_router
from unknot.web.deps import CurrentPerson, SettingsDep, StoreDep
from unknot.web.schemas import Preferences, PreferencesUpdate

router = api_router("preferences")


def defaults(settings: Settings) -> dict[str, Any]:
    """The settings before a person changes any: the configured voice and breath pace."""
    return {"voice": settings.voice, "breath_rate": settings.breath_rate}


def effective(stored: dict[str, Any] | None, base: dict[str, Any]) -> Preferences:
    """Stored values over the defaults. A stored value that no longer fits the schema
    (a setting renamed or narrowed since) falls back to its default, not to an error."""
    values = {**base, **(stored or {})}
    known = {k: v for k, v in values.items() if k in Preferences.model_fields}
    try:
        return Preferences.model_validate(known)
    except ValidationError as exc:
        bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
        return Preferences.model_validate({k: v for k, v in known.items() if k not in bad})


@router.get("/preferences", response_model=Preferences)
def get_preferences(store: StoreDep, person: CurrentPerson,
                    settings: SettingsDep) -> Preferences:
    """The person's preferences; the defaults when they never saved any."""
    return effective(load_preferences(store, person_id=person), defaults(settings))


@router.put("/preferences", response_model=Preferences)
def put_preferences(body: PreferencesUpdate, store: StoreDep, person: CurrentPerson,
                    settings: SettingsDep) -> Preferences:
    """Save the fields the body names (the others keep their stored value); answer all."""
    changes = body.model_dump(mode="json", include=body.model_fields_set)
    return effective(save_preferences(store, changes, person_id=person), defaults(settings))
