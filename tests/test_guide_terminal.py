"""The player end to end in process: time-scaled, with a recording speaker and scripted keys."""

from __future__ import annotations

import io
import json
import time
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from rich.console import Console

from unknot.guide import GuideError, run_guide
from unknot.guide.cues import schedule
from unknot.guide.display import STOP_SPOKEN, render_screen
from unknot.guide.pacer import breath_at
from unknot.guide.terminal import FINISH_SPOKEN
from unknot.guide.timeline import Timeline

FAST = 0.004  # the 120 s fixture plan plays in about half a second


def load_plan() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "data" / "guide_plan.json").read_text("utf-8"))


class RecordingSpeaker:
    """Keeps what would have been spoken (a test double for speech output only)."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.cancels = 0

    def say(self, text: str) -> None:
        self.said.append(text)

    def cancel(self) -> None:
        self.cancels += 1

    def close(self) -> None:
        pass


class ScriptedKeys:
    """Hands out keys one per read, then waits quietly like an idle keyboard."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = list(keys)
        self.entered = self.exited = False

    def __enter__(self) -> ScriptedKeys:
        self.entered = True
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.exited = True

    def read_key(self, timeout: float) -> str | None:
        if self.keys:
            return self.keys.pop(0)
        time.sleep(timeout)
        return None


class Answers:
    """Types the given answers at the rating prompts, and remembers the prompts."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)


def quiet_console() -> Console:
    return Console(file=io.StringIO(), width=100, record=True)


class VirtualTime:
    """A clock that moves only when the player sleeps: the whole loop runs as it does for
    a person, but a busy machine can no longer make it wake late and drop a cue."""

    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_it_plays_every_step_and_says_every_cue_in_order(monkeypatch) -> None:
    plan, speaker, console = load_plan(), RecordingSpeaker(), quiet_console()
    virtual = VirtualTime()
    monkeypatch.setattr("unknot.guide.terminal.time.sleep", virtual.sleep)
    outcome = run_guide(plan, speaker=speaker, time_scale=FAST, interactive=False,
                        console=console, clock=virtual.clock)
    shown = console.export_text()
    for number, step in enumerate(plan["steps"], start=1):
        assert f"Step {number} of 4 · {step['name']}" in shown
        for line in step["instructions"]:
            assert line in shown
    expected = [cue.say for cues in schedule(plan) for cue in cues] + [FINISH_SPOKEN]
    assert speaker.said == expected
    assert outcome.status == "completed" and outcome.stop_reason is None
    assert outcome.completed_steps == 4
    assert outcome.elapsed_seconds == pytest.approx(120.0)
    assert [i for _, event, i in outcome.events if event == "step"] == [0, 1, 2, 3]
    assert outcome.events[-1][1] == "finish"
    assert "Routine complete" in shown


def test_it_asks_the_ratings_before_and_after_and_re_asks_a_bad_answer() -> None:
    answers = Answers(["6", "eleven", "7/10", "", "3", "5", "2"])
    console = quiet_console()
    outcome = run_guide(load_plan(), speaker=RecordingSpeaker(), time_scale=FAST,
                        interactive=False, console=console, ratings_source=answers)
    assert outcome.before == {"pain": 6, "tension": 7, "stress": None}
    assert outcome.after == {"pain": 3, "tension": 5, "stress": 2}
    shown = console.export_text()
    assert "“eleven” is not a rating: type a whole number from 0 to 10" in shown
    assert "Pain: 6 → 3" in shown and "Stress: – → 2" in shown
    assert sum("Tension" in p for p in answers.prompts) == 3  # asked again after "eleven"


def test_it_warns_when_pain_is_higher_after() -> None:
    console = quiet_console()
    outcome = run_guide(load_plan(), speaker=RecordingSpeaker(), time_scale=FAST,
                        interactive=False, console=console,
                        ratings_source=Answers(["3", "", "", "6", "", ""]))
    assert outcome.pain_rose()
    assert "Your pain is higher than before" in console.export_text()


def test_s_stops_at_once_with_advice_and_records_that_it_hurts() -> None:
    speaker, console, keys = RecordingSpeaker(), quiet_console(), ScriptedKeys(["n", "s"])
    answers = Answers(["4", "", "", "5", "", ""])
    outcome = run_guide(load_plan(), speaker=speaker, interactive=True, console=console,
                        key_source=keys, ratings_source=answers)
    assert outcome.status == "stopped" and outcome.stop_reason == "hurts"
    assert outcome.completed_steps == 0
    assert [e for _, e, _ in outcome.events] == ["start", "step", "next", "step", "stop"]
    assert speaker.said[-1] == STOP_SPOKEN and speaker.cancels >= 2
    shown = console.export_text()
    assert "take your hands away and stop pressing" in shown
    assert "If the pain stays, or gets worse, see a doctor" in shown
    assert outcome.after["pain"] == 5  # after ratings are still asked
    assert keys.entered and keys.exited


def test_q_quits_without_asking_anything_more() -> None:
    answers = Answers(["", "", ""])
    keys = ScriptedKeys(["q"])
    outcome = run_guide(load_plan(), speaker=RecordingSpeaker(), interactive=True,
                        console=quiet_console(), key_source=keys, ratings_source=answers)
    assert outcome.status == "quit" and outcome.stop_reason is None
    assert len(answers.prompts) == 3  # the before ratings only
    assert keys.exited


def test_back_and_pause_move_around_the_routine() -> None:
    keys = ScriptedKeys(["n", "n", "b", " ", " ", "right", "left", "q"])
    outcome = run_guide(load_plan(), speaker=RecordingSpeaker(), interactive=True,
                        console=quiet_console(), key_source=keys, ratings_source=Answers([]))
    steps = [i for _, e, i in outcome.events if e == "step"]
    assert steps == [0, 1, 2, 1, 2, 1]
    assert [e for _, e, _ in outcome.events if e in ("pause", "resume")] == ["pause", "resume"]


def test_a_stale_cue_is_not_said_after_a_stall() -> None:
    # The clock jumps 30 s right after the start: 10 s into step 2, its opening
    # cue is too late to say, but the step's name still is.
    ticks = iter([0.0, 0.0] + [30.0 + i * 0.001 for i in range(1_000)])
    speaker = RecordingSpeaker()
    run_guide(load_plan(), speaker=speaker, interactive=True, console=quiet_console(),
              clock=lambda: next(ticks), key_source=ScriptedKeys(["q"]),
              ratings_source=Answers([]))
    assert speaker.said == ["Neck side glide, left side."]


def test_the_screen_shows_the_step_timer_progress_pacer_and_what_is_next() -> None:
    plan = load_plan()
    pos = Timeline.start([20, 40, 40, 20], now=0.0).pause(25.0).position(25.0)
    console = quiet_console()
    console.print(render_screen(plan, pos, breath_at(22.0), width=100))
    shown = console.export_text()
    for text in ("step 2 of 4", "PAUSED", "Neck side glide, left side", "0:35 left",
                 "Rest your right fingertips", "Light:", "Breath", "paused",
                 "0:25 / 2:00", "Next    Neck side glide, right side (0:40)", "q quit"):
        assert text in shown, text
    # Paused, the pacer stands still: it must not tell anyone to breathe in or out.
    pacer = next(row for row in shown.splitlines() if row.startswith("Breath"))
    assert "paused" in pacer and "breathe" not in pacer
    console = quiet_console()
    console.print(render_screen(plan, replace(pos, paused=False), breath_at(22.0), width=100))
    pacer = next(row for row in console.export_text().splitlines() if row.startswith("Breath"))
    assert "breathe in" in pacer


def _plans_with_long_steps() -> list[dict[str, Any]]:
    from unknot.planner import build_plan
    from unknot.planner.request import PlanRequest

    asked = [("neck and shoulders tight from my desk", 10), ("tension headache", 15),
             ("my lower back aches", 20), ("I can't sleep", 10), ("I feel anxious", 12)]
    return [build_plan(PlanRequest(text=text, minutes=minutes, seed=seed)).model_dump()
            for text, minutes in asked for seed in (1, 2)]


@pytest.mark.parametrize("width, height", [(60, 20), (80, 24), (48, 16), (100, 36)])
def test_every_step_of_everyday_plans_fits_a_small_terminal(width: int, height: int) -> None:
    for plan in _plans_with_long_steps():
        durations = [float(step["seconds"]) for step in plan["steps"]]
        for index, step in enumerate(plan["steps"]):
            now = sum(durations[:index]) + 1.0
            for pos in (Timeline.start(durations, 0.0).position(now),
                        Timeline.start(durations, 0.0).pause(now).position(now)):
                console = Console(file=io.StringIO(), width=width, height=height, record=True)
                console.print(render_screen(plan, pos, breath_at(now), width, height))
                rows = console.export_text().splitlines()
                shown = " ".join(" ".join(rows).replace("│", " ").split())
                where = f"{step['name']} at {width}×{height}"
                assert len(rows) <= height, where
                assert "left" in shown and "q quit" in rows[-1], where
                assert str(step["stop_if"]) in shown, where
                breath = next(row for row in rows if row.startswith("Breath"))
                assert ("paused" in breath) == pos.paused, where
                assert ("breathe" in breath) != pos.paused, where


def test_the_screen_and_the_step_header_show_the_steps_stop_if_line() -> None:
    plan = load_plan()
    plan["steps"][1]["stop_if"] = "Stop if you feel dizzy or your arms tingle."
    pos = Timeline.start([20, 40, 40, 20], now=0.0).position(25.0)
    console = quiet_console()
    console.print(render_screen(plan, pos, breath_at(22.0), width=100))
    assert "Stop if you feel dizzy or your arms tingle." in console.export_text()
    console = quiet_console()
    run_guide(plan, speaker=RecordingSpeaker(), time_scale=FAST, interactive=False,
              console=console)
    assert console.export_text().count("Stop if you feel dizzy or your arms tingle.") == 1


@pytest.mark.parametrize("kwargs, message", [
    ({"breath_rate": 40.0}, "between 2 and 20"),
    ({"time_scale": 0.0}, "time scale"),
])
def test_it_refuses_settings_it_cannot_play(kwargs: dict, message: str) -> None:
    with pytest.raises(GuideError, match=message):
        run_guide(load_plan(), speaker=RecordingSpeaker(), interactive=False, **kwargs)


def test_it_refuses_a_plan_without_steps() -> None:
    with pytest.raises(GuideError, match="no steps"):
        run_guide({"steps": []}, speaker=RecordingSpeaker(), interactive=False)


# -- the quick safety check, asked one key at a time (issue 6 §1) -----------------------

class Asked:
    """A question as the intake gives it (id, ask, why, source)."""

    def __init__(self, qid: str) -> None:
        self.id, self.ask = qid, f"Question {qid}?"
        self.why, self.source = f"Because of {qid}.", f"Source of {qid}"


def keys_of(*keys: str):
    """A blocking key reader over `keys`; the check must never ask for more than given."""
    from unknot.guide.check import CheckCancelled

    queue = list(keys)

    def read() -> str:
        if not queue:
            raise CheckCancelled("the test gave no more keys")
        return queue.pop(0)
    return read


def test_the_check_asks_each_question_in_turn_with_single_keys() -> None:
    from unknot.guide.check import ask_check

    console = quiet_console()
    questions = [Asked("a.one"), Asked("a.two"), Asked("a.three")]
    # Enter keeps "for me"; a stray key is explained; w shows why; then y, n, n.
    found = ask_check(questions, read_key=keys_of("\n", "x", "w", "y", "n", "N"),
                      console=console)
    assert found.questions == {"a.one": True, "a.two": False, "a.three": False}
    assert found.subject == "self"
    shown = console.export_text()
    assert shown.index("Quick safety check") < shown.index("Is this for you, or someone you're "
                                                          "helping?") < shown.index("1 of 3")
    assert "Press y for yes or n for no" in shown
    assert "Why we ask: Because of a.one." in shown and "Based on: Source of a.one" in shown
    assert "Answer for the person you're helping." not in shown


def test_none_of_the_rest_apply_answers_this_and_every_later_question_no() -> None:
    from unknot.guide.check import ask_check

    console = quiet_console()
    questions = [Asked("b.one"), Asked("b.two"), Asked("b.three"), Asked("b.four")]
    found = ask_check(questions, read_key=keys_of("y", "a"), console=console,
                      ask_subject=False)
    assert found.questions == {"b.one": True, "b.two": False, "b.three": False,
                               "b.four": False}
    assert found.subject is None  # not asked: left to the text (or --for)
    shown = console.export_text()
    assert "Is this for you" not in shown
    for question in questions:
        assert question.ask in shown  # what "none of the rest" said no to is shown


def test_the_check_asks_for_the_person_being_helped() -> None:
    from unknot.guide.check import ask_check

    console = quiet_console()
    found = ask_check([Asked("c.one")], read_key=keys_of("s", "n"), console=console)
    assert found.subject == "someone_else"
    assert "Answer for the person you're helping." in console.export_text()
    # The text's reading is the default: Enter keeps "someone else".
    console = quiet_console()
    found = ask_check([Asked("c.one")], read_key=keys_of("\r", "n"), console=console,
                      subject="someone_else")
    assert found.subject == "someone_else"
    assert "Enter: for someone I'm helping" in console.export_text()
    found = ask_check([Asked("c.one")], read_key=keys_of("m", "n"), console=quiet_console(),
                      subject="someone_else")
    assert found.subject == "self"


@pytest.mark.parametrize("keys", [("q",), ("\n", "n", "q"), ("\n", "n")])
def test_leaving_the_check_or_losing_the_keyboard_cancels_it(keys: tuple[str, ...]) -> None:
    from unknot.guide.check import CheckCancelled, ask_check

    with pytest.raises(CheckCancelled):
        ask_check([Asked("d.one"), Asked("d.two"), Asked("d.three")], read_key=keys_of(*keys),
                  console=quiet_console())


def test_a_closed_terminal_input_cancels_the_check() -> None:
    from unknot.guide.check import CheckCancelled, key_reader
    from unknot.guide.keys import KeysClosed

    class Closed(ScriptedKeys):
        def read_key(self, timeout: float) -> str | None:
            raise KeysClosed("closed")

    read = key_reader(ScriptedKeys(["y"]))
    assert read() == "y"
    with pytest.raises(CheckCancelled):
        key_reader(Closed([]))()


def test_nothing_to_ask_asks_nothing() -> None:
    from unknot.guide.check import ask_check

    console = quiet_console()
    found = ask_check([], read_key=keys_of(), console=console, ask_subject=False)
    assert found.questions == {} and found.subject is None
    assert console.export_text() == ""


# -- read as a therapist would (issue 8 §4): sides named, pressure words that fit ---------

def _step_screen(plan: dict[str, Any], index: int, through: float, width: int = 60,
                 height: int = 20) -> str:
    durations = [float(step["seconds"]) for step in plan["steps"]]
    now = sum(durations[:index]) + through * durations[index]
    console = Console(file=io.StringIO(), width=width, height=height, record=True)
    console.print(render_screen(plan, Timeline.start(durations, 0.0).position(now),
                                breath_at(now), width, height))
    return " ".join(console.export_text().replace("│", " ").split())


def test_a_sided_step_names_its_side_where_the_library_says_the_first_side() -> None:
    from unknot.guide.cues import for_side

    assert for_side("Reach across to the first shoulder.", "right") == \
        "Reach across to the right shoulder."
    assert for_side("The first side, then your first foot.", "left") == \
        "The left side, then your left foot."
    assert for_side("Take the first breath.", "left") == "Take the first breath."
    assert for_side("the first shoulder", None) == "the first shoulder"
    plan = load_plan()
    for step in plan["steps"][1:3]:
        step["instructions"] = ["Rest your hand on the first shoulder and glide out."]
    for index, side in ((1, "left"), (2, "right")):
        shown = _step_screen(plan, index, 0.1, width=100, height=40)
        assert f"on the {side} shoulder" in shown and "first shoulder" not in shown
    console = quiet_console()
    run_guide(plan, speaker=RecordingSpeaker(), time_scale=FAST, interactive=False,
              console=console)
    shown = console.export_text()
    assert "on the left shoulder" in shown and "on the right shoulder" in shown
    assert "first shoulder" not in shown


def test_a_short_terminal_moves_down_long_instructions_as_the_step_goes_on() -> None:
    plan = load_plan()
    words = ("Sit tall and let the shoulders drop, feet flat and the hands resting on "
             "the thighs while you find a slow and easy breath. ")
    plan["steps"][1]["instructions"] = [f"First part. {words * 3}", f"Middle part. {words * 3}",
                                        f"Last part. {words * 3}"]
    start, end = _step_screen(plan, 1, 0.0), _step_screen(plan, 1, 0.99)
    assert "First part." in start and "Last part." not in start and start.count("…") == 1
    assert "Last part." in end and "First part." not in end
    for shown in (start, end):  # the timer, pacer and keys stay whatever part is shown
        assert "left" in shown and "q quit" in shown and "Breath" in shown


@pytest.mark.parametrize("tools, pressure, expected", [
    ([], "light", "no more than the weight of your hand"),
    (["hands", "tennis_ball"], "light", "lean only part of your weight onto it"),
    (["hands", "foam_roller"], "moderate", "lean in until you feel the muscle"),
    (["hands", "massage_gun"], "light", "rest on the muscle under its own weight"),
    (["hands", "handheld_massager"], "moderate", "never onto bone"),
])
def test_the_pressure_advice_fits_what_does_the_work(tools, pressure, expected) -> None:
    from unknot.guide.display import guidance

    step = {"kind": "massage", "pressure": pressure, "tools": tools}
    assert expected in guidance(step)
    assert "fingers" not in guidance(step)


def test_a_long_next_name_gives_way_to_its_length_and_the_short_line_says_how() -> None:
    plan = load_plan()
    plan["steps"][2]["name"] = "Hold a point and roll the shoulder, slowly and with care"
    plan["steps"][1].update(tools=["hands", "massage_gun"], pressure="moderate")
    plan["steps"][1]["instructions"] = ["A long instruction that fills the screen. " * 12]
    console = Console(file=io.StringIO(), width=60, height=20, record=True)
    durations = [float(step["seconds"]) for step in plan["steps"]]
    console.print(render_screen(plan, Timeline.start(durations, 0.0).position(21.0),
                                breath_at(21.0), 60, 20))
    rows = console.export_text().splitlines()
    following = next(row for row in rows if row.startswith("Next"))
    assert following.rstrip().endswith("… (0:40)") and len(following.rstrip()) <= 60
    assert any("Moderate pressure · seated · massage gun" in row for row in rows)


def test_the_next_line_says_when_to_change_position() -> None:
    plan = load_plan()
    plan["steps"][2]["position"] = "lying"
    shown = _step_screen(plan, 1, 0.5, width=100, height=40)
    assert "Next Neck side glide, right side (0:40) · lie down" in shown
    shown = _step_screen(plan, 2, 0.5, width=100, height=40)
    assert "Next Shoulder rolls (0:20) · sit up" in shown
    shown = _step_screen(plan, 0, 0.5, width=100, height=40)
    assert "Next Neck side glide, left side (0:40) space" in shown  # no move: nothing added


def test_printed_steps_keep_wrapped_lines_under_their_bullet() -> None:
    plan = load_plan()
    plan["steps"][1]["instructions"] = ["Rest your fingertips on the first shoulder and glide "
                                        "slowly toward the tip as you breathe out, then back."]
    console = Console(file=io.StringIO(), width=50, record=True)
    run_guide(plan, speaker=RecordingSpeaker(), time_scale=FAST, interactive=False,
              console=console)
    lines = console.export_text().splitlines()
    first = next(i for i, line in enumerate(lines) if "Rest your fingertips" in line)
    assert lines[first].startswith(" • ") and "left shoulder" in " ".join(lines[first:first + 3])
    assert lines[first + 1].startswith("   ") and lines[first + 1].strip()


def test_the_terminal_names_sides_with_the_planners_own_words() -> None:
    """One wording of sides: the guide uses the planner's, so the terminal says exactly
    what the plan JSON and the web pages say, for every line of every sided move."""
    from unknot.guide import cues
    from unknot.library.loader import default_library
    from unknot.planner import sides

    assert cues.for_side is sides.for_side
    plan = load_plan()
    step = plan["steps"][1]
    for technique in (t for t in default_library().techniques if t.sided):
        lines = [s.instruction for s in technique.steps]
        step["instructions"] = lines
        for side in ("left", "right"):
            step["side"] = side
            shown = _step_screen(plan, 1, 0.1, width=200, height=80)
            for line in lines:
                said = " ".join(sides.for_side(line, side).split())
                assert said[:60] in shown, (technique.id, side, said[:60])
