"""What the player shows: the full-screen step view, and plain step headers for logs.

Rendering is kept apart from the key loop so it can be looked at (and tested)
from a plan step, a timeline position and a breath alone.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from unknot.guide.cues import for_side, position_move, step_title
from unknot.guide.pacer import Breath
from unknot.guide.timeline import Position

KEYS_HELP = "space pause · n next · b back · s stop, it hurts · q quit"
# The same keys in fewer columns, tried in turn on narrow terminals.
KEYS_HELP_SHORTER = (KEYS_HELP, "space pause · n next · b back · s stop · q quit",
                     "spc pause n next b back s stop q quit")
# Terminals shorter than this get the compact view (no big digits, no blank lines).
COMPACT_BELOW_ROWS = 36
# The narrowest the breath and session bars get.
MIN_BAR = 6

PRESSURE_GUIDANCE = {
    "light": "Light: no more than the weight of your hand; the skin moves, nothing digs in.",
    "moderate": "Moderate: enough to feel the muscle, easy enough to keep breathing slowly.",
    "firm": "Firm: strong but never sharp. Ease off if you hold your breath or it stings.",
}
# With a ball or roller the pressure is your body weight; with a device, its own weight.
BODY_WEIGHT_TOOLS = ("tennis_ball", "massage_ball", "foam_roller")
DEVICES = ("massage_gun", "handheld_massager")
BODY_WEIGHT_GUIDANCE = {
    "light": "Light: lean only part of your weight onto it; your breath stays slow and easy.",
    "moderate": "Moderate: lean in until you feel the muscle, easy enough to keep breathing slowly.",
    "firm": "Firm: lean in more, strong but never sharp. Ease off if you hold your breath.",
}
DEVICE_GUIDANCE = {
    "light": "Light: let the device rest on the muscle under its own weight; no pushing.",
    "moderate": "Moderate: a little lean into the device, never onto bone; keep it moving.",
    "firm": "Firm: lean in a little more, never onto bone; keep it moving.",
}
KIND_GUIDANCE = {
    "stretch": "Stretch to a mild pull, never to pain; breathe out to go a little further.",
    "breathing": "No pressure needed: follow the breath bar at your own ease.",
    "meditation": "No pressure: let your hands rest and your attention settle.",
}

# Measures how many rows a view takes (wrapping only: it never writes anywhere).
_MEASURE = Console(file=io.StringIO(), width=80, color_system=None, legacy_windows=False)

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
    tools = set(step.get("tools") or [])
    table = (DEVICE_GUIDANCE if tools & set(DEVICES) else
             BODY_WEIGHT_GUIDANCE if tools & set(BODY_WEIGHT_TOOLS) else PRESSURE_GUIDANCE)
    return table.get(str(step.get("pressure")), table["light"])


def _details(step: dict[str, Any]) -> str:
    parts = []
    if step.get("position"):
        parts.append(f"Position: {step['position']}")
    tools = [t for t in step.get("tools") or [] if t != "hands"]
    if tools:
        parts.append("Tools: " + ", ".join(t.replace("_", " ") for t in tools))
    return " · ".join(parts)


def keys_help(width: int) -> str:
    """The key line, shortened (never cut) so it stays whole on a narrow terminal."""
    return next((text for text in KEYS_HELP_SHORTER if len(text) <= width), KEYS_HELP_SHORTER[-1])


def _short_guidance(step: dict[str, Any]) -> str:
    """Pressure (or "no pressure"), position and tools on one line, for short terminals."""
    kind = step.get("kind")
    if kind in ("breathing", "meditation"):
        parts = ["No pressure"]
    elif kind == "stretch":
        parts = ["Stretch to a mild pull"]
    else:
        parts = [f"{str(step.get('pressure') or 'light').capitalize()} pressure"]
    if step.get("position"):
        parts.append(str(step["position"]))
    parts += [t.replace("_", " ") for t in step.get("tools") or [] if t != "hands"]
    return " · ".join(parts)


def _bullet_lines(instructions: list[str], width: int) -> list[Text]:
    """Each instruction wrapped to `width` with a hanging indent under its bullet."""
    lines: list[Text] = []
    for instruction in instructions:
        wrapped = Text(str(instruction)).wrap(_MEASURE, max(10, width - 2))
        for k, line in enumerate(wrapped):
            lines.append(Text("• " if k == 0 else "  ") + line)
    return lines


def _window(lines: list[Text], rows: int, width: int, fraction: float) -> list[Text]:
    """`rows` of the instruction lines, moving down them as the step goes on.

    On a terminal too short for all of them, the view starts at the top and, as
    the step's time passes, moves on (to the start of an instruction where it
    can), so every instruction is on screen at some point of its step. A "…"
    marks text above or below what is shown.
    """
    if len(lines) <= rows:
        return lines
    if rows <= 0:
        return []
    last_start = len(lines) - rows
    ideal = round(min(1.0, max(0.0, fraction)) * last_start)
    starts = [i for i, line in enumerate(lines) if line.plain.startswith("• ") and i <= ideal]
    first = ideal
    if starts and ideal - starts[-1] <= rows // 2 and ideal < last_start:
        first = starts[-1]  # a whole instruction from its start, when that is near
    shown = [line.copy() for line in lines[first:first + rows]]
    if first > 0:
        shown[0] = Text("… ", style="dim") + shown[0][2:]  # in place of the bullet or indent
    if first + rows < len(lines):
        last = shown[-1]
        last.truncate(max(1, width - 2))
        last.rstrip()
        last.append(" …", style="dim")
    return shown


def _rows(renderable: RenderableType, width: int) -> int:
    """How many terminal rows `renderable` takes at `width` columns."""
    if isinstance(renderable, Text):  # the quick way for plain text
        return len(renderable.wrap(_MEASURE, width))
    return len(_MEASURE.render_lines(renderable, _MEASURE.options.update_width(width), pad=False))


def _breath_row(breath: Breath, paused: bool) -> tuple[Text, str]:
    """The pacer's word and bar style; paused, it stands still and says so (no "breathe out")."""
    if paused:
        return Text("paused", style="bold yellow"), "dim"
    return Text(breath.label, style="bold blue"), "blue"


def render_screen(plan: dict[str, Any], pos: Position, breath: Breath,
                  width: int = 80, height: int | None = None) -> RenderableType:
    """The full-screen view of the current step, fitted to `width` × `height`.

    What must stay on screen whatever its size: the step and its timer, the
    step's stop-if line, the breath pacer, the session progress and the keys.
    When the terminal is short, the rest gives way in this order: the big digits
    and blank lines, then the long pressure advice (one short line instead);
    then the instructions show as many lines as fit, moving down them as the
    step goes on ("…" marks what is above or below).
    """
    steps = plan["steps"]
    step = steps[pos.index]
    inner = max(10, width - 4)  # inside the panel's border and padding
    progress = f"{clock_text(pos.plan_elapsed)} / {clock_text(pos.plan_seconds)}"
    counted = f"{progress} · step {pos.index + 1} of {len(steps)}"
    if width - len("Session") - len(counted) - 4 >= MIN_BAR:
        progress = counted  # on a narrow terminal the header alone says which step
    # The bars take what the labels and the progress text leave, up to 50 cells.
    bar_width = max(MIN_BAR, min(50, width - len("Session") - len(progress) - 4))

    header = Text(f"unknot · step {pos.index + 1} of {len(steps)}", style="bold cyan")
    if pos.paused:
        note = "   ⏸ PAUSED: press space to resume"
        header.append(note if header.cell_len + len(note) <= width else "   ⏸ PAUSED",
                      style="bold yellow")

    meters = Table.grid(padding=(0, 1))
    meters.add_column(style="bold", no_wrap=True, min_width=len("Session"))
    meters.add_column(no_wrap=True)
    meters.add_column(no_wrap=True)
    word, bar_style = _breath_row(breath, pos.paused)
    meters.add_row("Breath", Text(bar(breath.level, bar_width), style=bar_style), word)
    fraction = pos.plan_elapsed / pos.plan_seconds if pos.plan_seconds else 0.0
    meters.add_row("Session", Text(bar(fraction, bar_width), style="magenta"), progress)
    following = Text("Next    ", style="bold", no_wrap=True, overflow="ellipsis")
    if pos.index + 1 < len(steps):
        upcoming = steps[pos.index + 1]
        length = f" ({clock_text(float(upcoming['seconds']))})"
        move = position_move(step, upcoming)
        if move:
            length += f" · {move}"
        title = Text(step_title(upcoming))
        # Too long for the line: the name gives way ("…"); its length and any move stay.
        title.truncate(max(1, width - following.cell_len - len(length)), overflow="ellipsis")
        following.append_text(title)
        following.append(length)
    else:
        following.append("the end: rest a moment")
    keys = Text(keys_help(width), style="dim")
    footer = Group(meters, following, keys)

    timer_style = "yellow" if pos.paused else "green"
    left = clock_text(pos.step_remaining)
    stop_if = Text(str(step["stop_if"]), style=STOP_IF_STYLE) if step.get("stop_if") else None
    side = step.get("side")
    bullets = _bullet_lines([for_side(line, side) for line in step.get("instructions") or []], inner)

    def panel_parts(roomy: bool, long_advice: bool) -> list[RenderableType]:
        """What goes inside the panel, apart from the instructions (which go after the top)."""
        parts: list[RenderableType] = []
        if roomy:
            parts.append(Text(step_title(step) + "\n", style="bold"))
            parts.append(Text(big_digits(left), style=timer_style))
            parts.append(Text(f"{left} left in this step\n", style="dim"))
        else:
            # The timer beside the title: one row, and it can never be pushed off.
            top = Table.grid(expand=True, padding=(0, 1))
            top.add_column(ratio=1)
            top.add_column(no_wrap=True, justify="right")
            top.add_row(Text(step_title(step), style="bold"),
                        Text(f"{left} left", style=f"bold {timer_style}"))
            parts.append(top)
        if roomy:
            parts.append(Text(""))
        if long_advice:
            parts.append(Text(guidance(step), style="italic"))
        else:
            parts.append(Text(_short_guidance(step), style="italic"))
        if stop_if is not None:
            parts.append(stop_if)
        if long_advice and _details(step):
            parts.append(Text(_details(step), style="dim"))
        return parts

    def screen(roomy: bool, parts: list[RenderableType], instructions: list[Text]) -> RenderableType:
        top = 3 if roomy else 1  # the instructions go under the title and the timer
        body = Group(*parts[:top], *instructions, *parts[top:])
        panel = Panel(body, border_style="yellow" if pos.paused else "cyan", padding=(0, 1))
        return Group(header, panel, footer)

    if height is None:
        return screen(True, panel_parts(True, True), bullets)
    # Measured piece by piece (each bullet line is one row): cheap enough for every frame.
    # The panel's border is 2 rows; the footer's rows never wrap, apart from the keys.
    fixed = _rows(header, width) + 2 + 3 + _rows(keys, width)
    for roomy, long_advice in ((True, True), (False, True), (False, False)):
        if roomy and height < COMPACT_BELOW_ROWS:
            continue
        parts = panel_parts(roomy, long_advice)
        used = fixed + sum(_rows(part, inner) for part in parts)
        if used + len(bullets) <= height or not long_advice:
            # Still too tall at the last try: as many instruction lines as fit.
            through = pos.step_elapsed / pos.step_seconds if pos.step_seconds else 0.0
            return screen(roomy, parts, _window(bullets, height - used, inner, through))
    raise AssertionError("unreachable: the last layout always returns")


def render_step_header(plan: dict[str, Any], index: int) -> RenderableType:
    """A compact, printable introduction of a step (for runs without a full screen).

    Wrapped lines stay indented under their bullet, so each instruction reads as one.
    """
    steps = plan["steps"]
    step = steps[index]
    title = Text()
    title.append(f"Step {index + 1} of {len(steps)} · ", style="cyan")
    title.append(step_title(step), style="bold")
    title.append(f" · {clock_text(float(step['seconds']))}", style="cyan")
    body = Table.grid(padding=(0, 1))
    body.add_column(no_wrap=True)
    body.add_column()
    for line in step.get("instructions") or []:
        body.add_row(" •", for_side(line, step.get("side")))
    body.add_row("", Text(guidance(step), style="italic"))
    if step.get("stop_if"):
        body.add_row("", Text(str(step["stop_if"]), style=STOP_IF_STYLE))
    return Group(title, body)
