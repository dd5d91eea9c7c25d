"""The intake, plan and library commands as a user runs them (the installed console script)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

UNKNOT = str(Path(sys.executable).with_name("unknot"))


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([UNKNOT, *args], capture_output=True, text=True, input=stdin,
                          timeout=60)


def test_intake_json_is_the_contract():
    done = run("intake", "--json", "neck and shoulders tight from the desk, headache coming")
    assert done.returncode == 0
    out = json.loads(done.stdout)
    assert out["verdict"] == "ok" and out["regions"][:2] == ["neck", "shoulders"]


def test_intake_exits_zero_whatever_the_verdict_and_urgent_is_first_and_alone():
    done = run("intake", "sudden worst headache ever")
    assert done.returncode == 0
    assert done.stdout.startswith("Call your local emergency number now")
    assert "Areas" not in done.stdout


def test_intake_reads_standard_input_and_answers():
    done = run("intake", "--json", "--pregnant", "--weeks", "20", "-", stdin="lower back aches")
    out = json.loads(done.stdout)
    assert out["verdict"] == "caution" and "abdomen" in out["avoid"]


@pytest.mark.parametrize("args, message", [
    (("intake", ""), "TEXT is empty"),
    (("intake", "neck", "--pain", "11"), "--pain"),
    (("plan", "neck", "--minutes", "0"), "--minutes"),
    (("plan", "neck", "--tools", "hammer"), "--tools"),
    (("plan", "neck", "--setting", "car"), "--setting"),
    (("plan",), "say what is bothering you"),
    (("library", "list", "--region", "toes"), "--region: 'toes' is not one of"),
    (("library", "show", "nope"), "no technique 'nope'"),
    (("intake", "sore back", "--answer", "back.nope=no"), "unknown safety question id: back.nope"),
    (("intake", "sore back", "--answer", "back.fever"), "write it as ID=yes or ID=no"),
    (("plan", "sore back", "--answer", "back.fever=maybe"), "write it as ID=yes or ID=no"),
    (("intake", "sore back", "--for", "the cat"), "--for 'the cat': use self or someone-else"),
    (("intake", "x" * 4001), "over the limit of 4000"),
])
def test_bad_input_exits_2_naming_what_to_fix(args, message):
    done = run(*args)
    assert done.returncode == 2
    assert message in done.stderr


def test_intake_asks_the_checklist_and_takes_answers_by_id():
    asked = json.loads(run("intake", "--json", "my lower back aches").stdout)
    assert not asked["complete"]
    assert "back.bladder_bowel" in [q["id"] for q in asked["questions"]]
    shown = run("intake", "my lower back aches").stdout
    assert "Quick safety check" in shown and "--answer ID=yes|no" in shown
    yes = json.loads(run("intake", "--json", "my lower back aches",
                         "--answer", "back.bladder_bowel=yes").stdout)
    assert yes["verdict"] == "urgent"
    assert "back.bladder_bowel" in [f["id"] for f in yes["red_flags"]]


def test_none_completes_the_check_in_one_action():
    out = json.loads(run("plan", "--json", "--none", "my lower back aches").stdout)
    assert out["intake"]["complete"] and out["steps"]
    assert all(q["answer"] is False for q in out["intake"]["questions"])


def test_plan_json_still_answers_with_the_check_open():
    out = json.loads(run("plan", "--json", "my lower back aches").stdout)
    assert out["intake"]["complete"] is False and out["steps"]


def test_for_someone_else_sets_the_subject():
    out = json.loads(run("intake", "--json", "--for", "someone-else", "her calves ache").stdout)
    assert out["subject"] == "someone_else"


def test_text_it_cannot_place_gets_no_whole_body_routine():
    out = json.loads(run("plan", "--json", "--none", "asdf qwer").stdout)
    assert out["steps"] == [] and out["intake"]["understood"] is False
    assert "body map" in out["intake"]["message"]


def test_plan_json_fits_the_minutes_and_is_reproducible():
    args = ("plan", "--json", "--minutes", "7", "--tools", "tennis_ball", "--setting", "desk",
            "--seed", "4", "tight upper back")
    first, second = run(*args), run(*args)
    assert first.returncode == 0 and first.stdout == second.stdout
    plan = json.loads(first.stdout)
    assert plan["total_seconds"] == 420 == sum(s["seconds"] for s in plan["steps"])
    assert set(plan) == {"intake", "total_seconds", "steps"}


def test_plan_for_a_red_flag_has_no_steps():
    plan = json.loads(run("plan", "--json", "crushing chest pain").stdout)
    assert plan["intake"]["verdict"] == "urgent" and plan["steps"] == []


def test_library_list_show_and_lint():
    listed = json.loads(run("library", "list", "--json", "--tool", "foam_roller").stdout)
    assert listed and all("foam_roller" in t["tools"] for t in listed)
    shown = run("library", "show", "temple-palm-lift")
    assert shown.returncode == 0 and "Temple palm lift" in shown.stdout
    lint = run("library", "lint")
    assert lint.returncode == 0 and "library OK" in lint.stdout


def test_help_lists_every_command_and_a_typo_gets_a_suggestion():
    from unknot.cli import COMMANDS

    done = run("--help")
    assert done.returncode == 0
    assert all(f" {name} " in done.stdout for name in COMMANDS)
    typo = run("plna", "neck")
    assert typo.returncode == 2 and "Did you mean 'plan'?" in typo.stderr


def test_a_command_loads_only_its_own_module():
    # A fresh interpreter: which command modules does running `intake` import?
    probe = ("import sys; from unknot.cli import register; register(['unknot', 'intake']); "
             "print(sorted(m for m in sys.modules if m.startswith('unknot.cli.')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.replace("'", '"')))
    assert "unknot.cli.intake" in loaded
    assert not loaded & {f"unknot.cli.{name}" for name in ("clinic", "db", "guide", "journal",
                                                             "library", "plan", "serve")}


def test_a_lone_command_module_still_makes_a_group():
    # Only `plan`'s module is imported: `plan` is still a command, not the whole app.
    done = run("plan", "--json", "--minutes", "3", "neck is stiff")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_seconds"] <= 180


def test_a_command_skips_pydantics_plugin_search_and_still_validates():
    # With plugins disabled (the commands' default), pydantic's plugin finder is not even
    # imported (it imports `importlib.metadata`, 15–20 ms); models validate as before.
    probe = ("import sys; sys.argv = ['unknot', 'plan', '--json', '--minutes', '2', 'neck is stiff']\n"
             "from unknot.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('importlib.metadata' in sys.modules, file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False"
    assert json.loads(done.stdout)["total_seconds"] <= 120
    # A user's own setting (plugins on, or only some off) keeps pydantic's real finder.
    env["PYDANTIC_DISABLE_PLUGINS"] = "some_plugin"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "True"


def _collector_after(*argv: str) -> str:
    probe = (f"import sys; sys.argv = ['unknot', *{list(argv)!r}]\n"
             "import gc\n"
             "from unknot.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(gc.isenabled(), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stderr.strip().splitlines()[-1]


def test_one_shot_commands_skip_the_cycle_collector_and_long_ones_keep_it():
    # `intake`, `plan` and `--help` screen one text (or none) and exit: the collector's
    # walks over start-up's objects were a tenth of their time, for nothing to collect.
    assert _collector_after("intake", "--json", "neck is stiff") == "False"
    assert _collector_after("plan", "--json", "--minutes", "2", "neck is stiff") == "False"
    assert _collector_after("--help") == "False"
    # A command that may run for long keeps it (here `library`).
    assert _collector_after("library", "--help") == "True"
