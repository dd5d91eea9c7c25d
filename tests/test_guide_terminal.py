"""The player end to end in process: time-scaled, with a recording speaker and scripted keys."""

from __future__ import annotations

import io
import json
import time
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


def test_it_plays_every_step_and_says_every_cue_in_order() -> None:
    plan, speaker, console = load_plan(), RecordingSpeaker(), quiet_console()
    outcome = run_guide(plan, speaker=speaker, time_scale=FAST, interactive=False,
                        console=console)
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
                 "Rest your right fingertips", "Light:", "Breath", "breathe in",
                 "0:25 / 2:00", "Next    Neck side glide, right side (0:40)", "q quit"):
        assert text in shown, text


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
