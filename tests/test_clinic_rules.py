"""Clinic mode's pure logic, without a database: who may do what (with a reason), when a
programme's slots fall, what a programme may contain, and the passwords."""

from __future__ import annotations

from datetime import date

import pytest

from unknot.clinic.access import Client, Viewer, decide
from unknot.clinic.passwords import WeakPassword, check_new_password, hash_password, verify_password
from unknot.clinic.programmes import ProgrammeError, as_plan, check_step, intake_refusal, refusal
from unknot.clinic.schedule import (
    ScheduleError,
    describe,
    is_slot,
    parse_schedule,
    preset,
    slots_on,
)
from unknot.intake.screen import screen
from unknot.library.loader import default_library
from unknot.safety.answers import Answers
from unknot.settings import Settings, SettingsError, load_settings

ALICE = Viewer("alice", "p-alice", "calm", "therapist", "Alice", "alice@calm.test")
BOB = Viewer("bob", "p-bob", "calm", "therapist", "Bob", "bob@calm.test")
OWNER = Viewer("olive", "p-olive", "calm", "owner", "Olive", "owner@calm.test")
CAROL_VIEWER = Viewer("carol", "p-carol", "calm", "client", "Carol", "carol@calm.test")
EVE = Viewer("eve", "p-eve", "else", "therapist", "Eve", "eve@else.test")
CAROL = Client("carol", "calm", "alice")


@pytest.mark.parametrize(("viewer", "allowed", "reason"), [
    (ALICE, True, "the client's own therapist"),
    (BOB, False, "another therapist's client"),
    (OWNER, False, "client records are for the client's therapist, not the clinic owner"),
    (CAROL_VIEWER, False, "a client sees only their own data"),
    (EVE, False, "another clinic's client"),
    (None, False, "not signed in"),
])
def test_it_decides_who_sees_a_clients_record_with_a_reason(viewer, allowed, reason) -> None:
    decision = decide(viewer, "view_client", CAROL)
    assert (decision.allowed, decision.reason) == (allowed, reason)


def test_only_the_client_plays_their_programme() -> None:
    assert decide(CAROL_VIEWER, "play_programme", CAROL).allowed
    assert not decide(ALICE, "play_programme", CAROL).allowed
    assert decide(ALICE, "view_programme", CAROL).allowed


def test_invitations_follow_the_roles() -> None:
    assert decide(OWNER, "invite_therapist").allowed
    assert not decide(ALICE, "invite_therapist").allowed
    assert decide(ALICE, "invite_client").allowed
    assert not decide(CAROL_VIEWER, "invite_client").allowed
    assert not decide(OWNER, "invite_client").allowed


def test_an_unknown_client_is_refused() -> None:
    assert decide(ALICE, "view_client", None).reason == "no such client"


# -- schedules ----------------------------------------------------------------------------


def test_the_acute_preset_is_three_times_a_day_for_seven_days() -> None:
    schedule = preset("acute", date(2026, 3, 2))
    assert schedule.times == ("08:00", "13:00", "19:00")
    assert schedule.ends_on == date(2026, 3, 8)
    assert slots_on(schedule, date(2026, 3, 8)) == ["2026-03-08 08:00", "2026-03-08 13:00",
                                                    "2026-03-08 19:00"]
    assert slots_on(schedule, date(2026, 3, 9)) == []
    assert slots_on(schedule, date(2026, 3, 1)) == []


def test_days_of_the_week_choose_the_days() -> None:
    schedule = parse_schedule(["wed", "mon"], ["19:30", "07:00", "07:00"], date(2026, 3, 2), None)
    assert schedule.days == ("mon", "wed") and schedule.times == ("07:00", "19:30")
    assert slots_on(schedule, date(2026, 3, 3)) == []  # a Tuesday
    assert is_slot(schedule, "2026-03-04 19:30")
    assert not is_slot(schedule, "2026-03-04 19:31")
    assert not is_slot(schedule, "2026-02-30 07:00")
    assert describe(schedule) == ("On Mondays and Wednesdays at 07:00 and 19:30, from 2 March 2026, "
                                  "no end date")


@pytest.mark.parametrize(("days", "times", "ends", "message"), [
    ([], ["08:00"], None, "pick at least one day"),
    (["mon"], [], None, "give at least one time"),
    (["mon"], ["8am"], None, "write it as 08:00"),
    (["someday"], ["08:00"], None, "is not a day"),
    (["mon"], ["08:00"], date(2026, 3, 1), "comes before the start date"),
    (["mon"], [f"0{n}:00" for n in range(7)], None, "at most 6 a day"),
])
def test_a_bad_schedule_says_what_to_fix(days, times, ends, message) -> None:
    with pytest.raises(ScheduleError, match=message):
        parse_schedule(days, times, date(2026, 3, 2), ends)


# -- programmes ---------------------------------------------------------------------------


def _intake(text: str, **answers):
    first = screen(text, Answers(**answers))
    return screen(text, Answers(**answers, questions={q.id: False for q in first.questions}))


def test_a_technique_touching_what_to_avoid_is_refused_with_the_reason() -> None:
    intake = _intake("stiff neck from the desk", conditions=["varicose veins"])
    technique = default_library().get("calf-thumb-inside")
    why = refusal(technique, intake)
    assert why == f"{technique.name} uses calves, which the client's safety screen says to avoid."


def test_a_technique_the_conditions_rule_out_is_refused_with_the_reason() -> None:
    intake = _intake("stiff neck from the desk", conditions=["osteoporosis"])
    why = refusal(default_library().get("seated-spinal-twist"), intake)
    assert why is not None and "is not for someone with" in why and "intake found" in why
    assert refusal(default_library().get("neck-side-stretch"), intake) is None


def test_no_programme_when_the_intake_says_see_a_doctor_or_is_not_complete() -> None:
    assert "no self-massage" in intake_refusal(screen("worst headache of my life, sudden"))
    assert "Answer the safety questions first" in intake_refusal(screen("stiff neck"))
    assert intake_refusal(None).startswith("Record what the client told you")
    assert intake_refusal(_intake("stiff neck from the desk")) is None


def test_a_step_is_checked_field_by_field() -> None:
    intake, library = _intake("stiff neck from the desk"), default_library()
    good = check_step({"technique": "neck-side-stretch", "seconds": 60, "note": "  easy  now "},
                      intake, library)
    assert good == {"technique": "neck-side-stretch", "seconds": 60, "side": "both",
                    "note": "easy now"}
    for bad, message in (({"technique": "nope", "seconds": 60}, "no technique"),
                         ({"technique": "neck-side-stretch", "seconds": 5}, "from 10 to 900"),
                         ({"technique": "neck-side-stretch", "seconds": "60"}, "whole number"),
                         ({"technique": "neck-side-stretch", "seconds": 60, "side": "up"},
                          "side must be"),
                         ({"technique": "belly-breathing", "seconds": 60, "side": "left"},
                          "not done one side at a time"),
                         ({"technique": "neck-side-stretch", "seconds": 60, "note": "x" * 301},
                          "longer than 300")):
        with pytest.raises(ProgrammeError, match=message):
            check_step(bad, intake, library)


def test_a_programme_becomes_a_plan_that_keeps_the_notes_and_one_side() -> None:
    intake = _intake("stiff neck from the desk")
    plan = as_plan([{"technique": "neck-side-stretch", "seconds": 40, "side": "right",
                     "note": "only the right today"},
                    {"technique": "belly-breathing", "seconds": 60, "side": None, "note": ""}],
                   intake, default_library())
    assert [(s.technique, s.side, s.seconds) for s in plan.steps] == [
        ("neck-side-stretch", "right", 40), ("belly-breathing", None, 60)]
    assert plan.steps[0].instructions[0] == "From your therapist: only the right today"
    assert plan.total_seconds == 100 and plan.intake.complete


# -- passwords and settings -----------------------------------------------------------------


def test_passwords_are_argon2id_and_verify() -> None:
    hashed = hash_password("a long enough phrase")
    # RFC 9106's second recommended option (argon2-cffi's default): 64 MiB, 3 passes,
    # 4 lanes. (The test clinic in tests/support/clinic.py hashes more cheaply.)
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert verify_password(hashed, "a long enough phrase")
    assert not verify_password(hashed, "a long enough phrasE")
    assert not verify_password("not a hash", "anything")


def test_a_short_or_mismatched_password_is_refused() -> None:
    with pytest.raises(WeakPassword, match="at least 10"):
        check_new_password("short")
    with pytest.raises(WeakPassword, match="not the same"):
        check_new_password("long enough one", "long enough two")


def test_the_mode_setting_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().mode == "personal" and not Settings().clinic
    assert Settings(mode="clinic").clinic
    monkeypatch.setenv("UNKNOT_MODE", "hospital")
    with pytest.raises(SettingsError, match="UNKNOT_MODE: 'hospital' is not allowed"):
        load_settings()
    monkeypatch.setenv("UNKNOT_MODE", "clinic")
    monkeypatch.setenv("UNKNOT_PUBLIC_URL", "clinic.example.org")
    with pytest.raises(SettingsError, match="UNKNOT_PUBLIC_URL: .* is not a web address"):
        load_settings()
    monkeypatch.setenv("UNKNOT_PUBLIC_URL", "https://clinic.example.org/")
    assert load_settings().base_url == "https://clinic.example.org"
