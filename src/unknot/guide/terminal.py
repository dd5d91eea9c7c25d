"""The terminal session player: ratings, the full-screen step view, keys and voice.

One loop drives everything. Each turn it asks the timeline where the session
is *now* (so a slow turn never makes the clock drift), says any cue that has
come due, redraws, then waits for a key — or, without keys, sleeps — only until
the next thing is due or the screen needs a refresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from unknot.guide.cues import Cue, schedule
from unknot.guide.display import (
    PAIN_ROSE_ADVICE,
    STOP_ADVICE,
    STOP_SPOKEN,
    render_screen,
    render_step_header,
)
from unknot.guide.keys import KeysClosed, KeySource, TerminalKeys
from unknot.guide.outcome import STOP_HURTS, GuideOutcome
from unknot.guide.pacer import breath_at, check_rate
from unknot.guide.ratings import ask_ratings, summary_lines
from unknot.guide.speech import Speaker
from unknot.guide.timeline import Position, Timeline, TimelineError

# Wall seconds between redraws: smooth enough for the breath bar.
REFRESH_SECONDS = 0.1
# Without a screen nothing needs redrawing; wake at least this often anyway.
IDLE_SECONDS = 0.5
# A cue that comes due more than this many wall seconds late is not said:
# after a stall, words meant for an earlier moment would mislead.
STALE_CUE_SECONDS = 2.0
FINISH_SPOKEN = "That is the end of the routine. Well done. Rest a moment."

KEY_ACTIONS = {" ": "pause", "p": "pause", "n": "next", "right": "next", "b": "back",
               "left": "back", "s": "stop", "q": "quit"}


class GuideError(ValueError):
    """The player cannot run what it was given (no steps, bad rate or time scale)."""


class _Player:
    """The state of one run: the timeline, what has been said, what happened."""

    def __init__(self, plan: dict[str, Any], speaker: Speaker, breath_rate: float,
                 time_scale: float, clock: Callable[[], float], console: Console,
                 log_steps: bool) -> None:
        self.plan, self.speaker, self.console = plan, speaker, console
        self.breath_rate, self.time_scale, self.clock = breath_rate, time_scale, clock
        self.log_steps = log_steps
        self.cues: list[list[Cue]] = schedule(plan)
        self._t0 = clock()
        durations = [float(step["seconds"]) for step in plan["steps"]]
        try:
            self.timeline = Timeline.start(durations, self.now())
        except TimelineError as exc:
            raise GuideError(str(exc)) from exc
        self.outcome = GuideOutcome()
        self.completed: set[int] = set()
        self.current = -1          # the step whose cues we are saying; -1 before the start
        self.said: set[int] = set()
        self.was_finished = False

    def now(self) -> float:
        """Plan seconds since the player started (the wall clock, scaled)."""
        return (self.clock() - self._t0) / self.time_scale

    def event(self, name: str, pos: Position) -> None:
        self.outcome.events.append((round(pos.active_seconds, 3), name, pos.index))

    # -- keeping up with time ----------------------------------------------

    def sync(self) -> Position:
        """Catch up with the clock: note steps that ran out, enter the new one, say cues."""
        pos = self.timeline.position(self.now())
        if self.current == -1:
            self.event("start", pos)
        elif pos.index != self.current or (pos.finished and not self.was_finished):
            # Time ran out on the steps between: they were done, not skipped.
            self.completed.update(range(self.current, pos.index))
            if pos.finished and not pos.stopped:
                self.completed.add(pos.index)
        if pos.finished:
            if not self.was_finished and not pos.stopped:
                self.event("finish", pos)
            self.was_finished = True
            return pos
        if pos.index != self.current:
            self.enter(pos)
        self.say_due(pos)
        return pos

    def enter(self, pos: Position) -> None:
        self.current, self.said = pos.index, set()
        self.event("step", pos)
        if self.log_steps:
            self.console.print()
            self.console.print(render_step_header(self.plan, pos.index))

    def say_due(self, pos: Position) -> None:
        if pos.paused:
            return
        for k, cue in enumerate(self.cues[pos.index]):
            if k in self.said or cue.at > pos.step_elapsed + 1e-9:
                continue
            self.said.add(k)
            late = (pos.step_elapsed - cue.at) * self.time_scale
            if late > STALE_CUE_SECONDS and cue.kind != "start":
                continue
            self.speaker.say(cue.say)
            if self.log_steps and cue.kind != "start":
                self.console.print(Text(f"  » {cue.say}", style="dim"))

    def wait_seconds(self, pos: Position, cap: float) -> float:
        """Wall seconds until the next cue or step end, at most `cap`."""
        if pos.paused or pos.finished:
            return cap
        upcoming = [c.at for k, c in enumerate(self.cues[pos.index]) if k not in self.said]
        upcoming.append(pos.step_seconds)
        due = min(upcoming) - pos.step_elapsed
        return min(cap, max(0.001, due * self.time_scale))

    # -- keys ---------------------------------------------------------------

    def act(self, action: str) -> None:
        """Apply a key's action at the current moment."""
        self.sync()
        now = self.now()
        before = self.timeline.position(now)
        if before.finished and action != "quit":
            return  # the routine ended on its own a moment before the key
        if action == "pause":
            self.timeline = self.timeline.toggle_pause(now)
            after = self.timeline.position(now)
            self.event("pause" if after.paused else "resume", after)
            if after.paused:
                self.speaker.cancel()
            return
        self.speaker.cancel()
        if action in ("next", "back"):
            self.timeline = (self.timeline.next if action == "next" else self.timeline.back)(now)
            # Moving to another step means "go on": it starts running even if paused.
            self.timeline = self.timeline.resume(now)
            self.event(action, before)
            after = self.timeline.position(now)
            self.was_finished = after.finished
            if after.finished:
                self.event("finish", after)
            else:
                # Entered afresh even when `back` restarts the same step, so it is announced again.
                self.enter(after)
                self.say_due(after)
            return
        self.timeline = self.timeline.stop(now)
        self.was_finished = True
        stopped = self.timeline.position(now)
        self.event(action, stopped)
        if action == "stop":
            self.outcome.status, self.outcome.stop_reason = "stopped", STOP_HURTS
            self.speaker.say(STOP_SPOKEN)
        else:
            self.outcome.status = "quit"

    # -- the loop -------------------------------------------------------------

    def run(self, keys: KeySource | None, live: Live | None) -> None:
        """Play until the routine finishes, or a key stops or quits it."""
        while True:
            pos = self.sync()
            if pos.finished:
                return
            if live is not None:
                breath = breath_at(pos.active_seconds, self.breath_rate)
                live.update(render_screen(self.plan, pos, breath, self.console.width,
                                          self.console.height), refresh=True)
            cap = REFRESH_SECONDS if live is not None else IDLE_SECONDS
            wait = self.wait_seconds(pos, cap)
            if keys is None:
                time.sleep(wait)
                continue
            try:
                key = keys.read_key(wait)
            except KeysClosed:
                keys = None  # input went away: carry on hands-free
                continue
            if key is None:
                continue
            action = KEY_ACTIONS.get(key.lower() if len(key) == 1 else key)
            if action:
                self.act(action)
                if self.timeline.stopped:
                    return

    def finish(self) -> GuideOutcome:
        pos = self.timeline.position(self.now())
        self.outcome.completed_steps = len(self.completed)
        self.outcome.elapsed_seconds = round(pos.active_seconds, 3)
        if self.outcome.status == "completed":
            self.speaker.say(FINISH_SPOKEN)
        return self.outcome


def _interrupt_skips(ask: Callable[[str], str]) -> Callable[[str], str]:
    """`ask`, with Ctrl-C treated as leaving the remaining questions unanswered."""
    def wrapped(prompt: str) -> str:
        try:
            return ask(prompt)
        except KeyboardInterrupt as exc:
            raise EOFError from exc
    return wrapped


def run_guide(plan: dict[str, Any], *, speaker: Speaker, breath_rate: float = 6.0,
              time_scale: float = 1.0, interactive: bool = True,
              clock: Callable[[], float] = time.monotonic, console: Console | None = None,
              key_source: KeySource | None = None,
              ratings_source: Callable[[str], str] | None = None) -> GuideOutcome:
    """Guide a person through `plan` (SPEC §4 plan dict) and return how it went.

    Interactive: before ratings, a full-screen view with keys, after ratings and
    a summary. Non-interactive: no keys and no screen takeover; each step is
    printed as it starts, and ratings are asked only if `ratings_source` is given.
    `time_scale` below 1 plays faster (0.005 plays five minutes in 1.5 s).
    Ctrl-C during the before ratings propagates (nothing has started); during
    the routine it counts as quitting.
    """
    if not plan.get("steps"):
        raise GuideError("the plan has no steps to guide")
    try:
        check_rate(breath_rate)
    except ValueError as exc:
        raise GuideError(str(exc)) from exc
    if not time_scale > 0:
        raise GuideError(f"time scale must be above 0, not {time_scale}")
    console = console or Console()
    ask = ratings_source or (console.input if interactive else None)
    tell = console.print

    before = ask_ratings(ask, tell, "before") if ask else None
    player = _Player(plan, speaker, breath_rate, time_scale, clock, console,
                     log_steps=not interactive)
    if before:
        player.outcome.before = before
    keys = (key_source or TerminalKeys()) if interactive else None
    screen = (Live(console=console, screen=True, auto_refresh=False, transient=True)
              if interactive else nullcontext())
    try:
        # Both leave on every way out, Ctrl-C included: the terminal gets its
        # normal mode and screen back before anything else is printed.
        with keys if keys is not None else nullcontext(), screen as live:
            player.run(keys, live)
    except KeyboardInterrupt:
        player.act("quit")
    outcome = player.finish()

    if outcome.status == "stopped":
        console.print(Panel("\n".join(STOP_ADVICE), title="It hurts: stopped",
                            border_style="red"))
    if outcome.status == "quit":
        console.print("Session ended.")
        return outcome
    if outcome.status == "completed":
        console.print(Text("\nRoutine complete. Well done.", style="bold green"))
    if ask:
        outcome.after = ask_ratings(_interrupt_skips(ask), tell, "after")
        console.print()
        for line in summary_lines(outcome.before, outcome.after):
            console.print(line)
        if outcome.pain_rose():
            console.print(Text(PAIN_ROSE_ADVICE, style="bold red"))
    return outcome
