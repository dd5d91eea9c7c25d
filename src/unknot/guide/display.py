"""What the player shows: the full-screen step view, and plain step headers for logs.

Rendering is kept apart from the key loop so it can be looked at (and tested)
from a plan step, a timeline position and a breath alone.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from unknot.guide.cues import step_title
from unknot.guide.pacer import Breath
from unknot.guide.timeline import Position

KEYS_HELP = "space pause · n next · b back · s stop, it hurts · q quit"
# Terminals shorter than this get the compact view (no big digits, no blank lines).
COMPACT_BELOW_ROWS = 36

PRESSURE_GUIDANCE = {
    "light": "Light: just the weight of your fingers; the skin moves, nothing sinks in.",
    "moderate": "Moderate: enough to feel the muscle, easy enough to keep breathing slowly.",
    "firm": "Firm: strong but never sharp. Ease off if you hold your breath or it stings.",
}
KIND_GUIDANCE = {
    "stretch": "Stretch to a mild pull, never to pain; breathe out to go a little further.",
    "breathing": "No pressure needed: follow the breath bar at your own ease.",
    "meditation": "No pressure: let your hands rest and your attention settle.",
}

# Each step's one-line "stop if" (from its technique): quiet, but not lost among the rest.
STOP_IF_STYLE = "yellow"

STOP_ADVICE = [
    "Stopped. Ease off now: take your hands away and stop pressing on that spot.",
    "Breathe slowly and let it settle. Do not massage that area again today.",
    "If the pain stays, or gets worse, see a doctor before you try this again.",
]
STOP_SPOKEN = ("Stopping now. Ease off and stop pressing. "
               "If the pain stays or gets worse, see a doctor.")
PAIN_ROSE_ADVICE = ("Your pain is higher than before. Pain that gets worse after massage "
                    "is a reason to stop and see a doctor before trying again.")

# A 3×5 block font for the step countdown, readable from arm's length.
_GLYPHS = {
    "0": ["███", "█ █", "█ █", "█ █", "███"],
    "1": ["  █", "  █", "  █", "  █", "  █"],
    "2": ["███", "  █", "███", "█  ", "███"],
    "3": ["███", "  █", "███", "  █", "███"],
    "4": ["█ █", "█ █", "███", "  █", "  █"],
    "5": ["███", "█  ", "███", "  █", "███"],
    "6": ["███", "█  ", "███", "█ █", "███"],
    "7": ["███", "  █", "  █", "  █", "  █"],
    "8": ["███", "█ █", "███", "█ █", "███"],
    "9": ["███", "█ █", "███", "  █", "███"],
    ":": [" ", "█", " ", "█", " "],
}


def clock_text(seconds: float) -> str:
    """Whole seconds as m:ss, rounding up so a countdown shows 0:00 only at the end."""
    whole = int(-(-max(0.0, seconds) // 1))
    return f"{whole // 60}:{whole % 60:02d}"


def big_digits(text: str) -> str:
    """`text` (digits and colons) drawn five rows tall."""
    rows = ["", "", "", "", ""]
    for char in text:
        glyph = _GLYPHS.get(char, ["   "] * 5)
        for r in range(5):
            # Each cell drawn twice as wide: terminal cells are tall, so this looks square.
            rows[r] += "".join(c * 2 for c in glyph[r]) + "  "
    return "\n".join(row.rstrip() for row in rows)


def bar(fraction: float, width: int) -> str:
    """A horizontal bar `width` cells wide, filled to `fraction`."""
    filled = round(min(1.0, max(0.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def guidance(step: dict[str, Any]) -> str:
    """How hard to press (massage) or how to hold (stretch, breathing) for a step."""
    kind = step.get("kind")
    if kind in KIND_GUIDANCE:
        return KIND_GUIDANCE[kind]
    return PRESSURE_GUIDANCE.get(str(step.get("pressure")), PRESSURE_GUIDANCE["light"])


def _details(step: dict[str, Any]) -> str:
    parts = []
    if step.get("position"):
        parts.append(f"Position: {step['position']}")
    tools = [t for t in step.get("tools") or [] if t != "hands"]
    if tools:
        parts.append("Tools: " + ", ".join(t.replace("_", " ") for t in tools))
    return " · ".join(parts)


def render_screen(plan: dict[str, Any], pos: Position, breath: Breath,
                  width: int = 80, height: int | None = None) -> RenderableType:
    """The full-screen view of the current step.

    On a short terminal the big digits and spacing go, so the breath bar,
    progress and keys at the bottom are never cropped off the screen.
    """
    steps = plan["steps"]
    step = steps[pos.index]
    roomy = height is None or height >= COMPACT_BELOW_ROWS
    gap = "\n" if roomy else ""
    progress = (f"{clock_text(pos.plan_elapsed)} / {clock_text(pos.plan_seconds)}"
                f" · step {pos.index + 1} of {len(steps)}")
    # The bars take what the labels and the progress text leave, up to 50 cells.
    bar_width = max(10, min(50, width - len("Session") - len(progress) - 4))

    header = Text(f"unknot · step {pos.index + 1} of {len(steps)}", style="bold cyan")
    if pos.paused:
        header.append("   ⏸ PAUSED: press space to resume", style="bold yellow")

    lines = Table.grid()
    lines.add_column(no_wrap=True)
    lines.add_column()
    for line in step.get("instructions") or []:
        lines.add_row("• ", line)  # a hanging indent keeps wrapped lines under their bullet
    top = Text(step_title(step) + "\n" + gap, style="bold")
    if roomy:
        top.append(big_digits(clock_text(pos.step_remaining)) + "\n",
                   style="yellow" if pos.paused else "green")
    top.append(f"{clock_text(pos.step_remaining)} left in this step{gap}",
               style="dim" if roomy else "bold green")
    bottom = Text(gap)
    bottom.append(guidance(step), style="italic")
    if step.get("stop_if"):
        bottom.append("\n" + str(step["stop_if"]), style=STOP_IF_STYLE)
    details = _details(step)
    if details:
        bottom.append("\n" + details, style="dim")
    panel = Panel(Group(top, lines, bottom),
                  border_style="yellow" if pos.paused else "cyan", padding=(0, 1))

    meters = Table.grid(padding=(0, 1))
    meters.add_column(style="bold", no_wrap=True, min_width=len("Session"))
    meters.add_column(no_wrap=True)
    meters.add_column(no_wrap=True)
    meters.add_row("Breath", Text(bar(breath.level, bar_width), style="blue"),
                   Text(breath.label, style="bold blue"))
    fraction = pos.plan_elapsed / pos.plan_seconds if pos.plan_seconds else 0.0
    meters.add_row("Session", Text(bar(fraction, bar_width), style="magenta"), progress)
    following = Text("Next    ", style="bold")
    if pos.index + 1 < len(steps):
        upcoming = steps[pos.index + 1]
        following.append(f"{step_title(upcoming)} ({clock_text(float(upcoming['seconds']))})")
    else:
        following.append("the end: rest a moment")

    return Group(header, panel, meters, following, Text(KEYS_HELP, style="dim"))


def render_step_header(plan: dict[str, Any], index: int) -> RenderableType:
    """A compact, printable introduction of a step (for runs without a full screen)."""
    steps = plan["steps"]
    step = steps[index]
    text = Text()
    text.append(f"Step {index + 1} of {len(steps)} · ", style="cyan")
    text.append(step_title(step), style="bold")
    text.append(f" · {clock_text(float(step['seconds']))}\n", style="cyan")
    for line in step.get("instructions") or []:
        text.append(f"  • {line}\n")
    text.append(f"  {guidance(step)}", style="italic")
    if step.get("stop_if"):
        text.append(f"\n  {step['stop_if']}", style=STOP_IF_STYLE)
    return text
