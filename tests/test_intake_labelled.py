"""The intake against labelled sentences: no missed red flag, few false alarms.

`intake_cases.yaml` is the development set. Each `intake_holdout*.yaml` was
written by a separate author who had not seen the rules, in a different style
(lay, clinical, non-native, chatty, evaluator-like, answers-heavy); each was
scored blind once (red-flag recall 83–97%, recorded in the project notes) and
then used to mend the vocabulary, so together they now guard against
regressions. The accuracy report is written to test-output/intake-accuracy.txt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.labelled import DATA, load_cases, score

SETS = sorted(p.name for p in DATA.glob("intake_*.yaml"))
# Sets still waiting in tests/data/pending (their labels of regions or of what a caution
# leaves out are not yet settled — see its README), each with recorded answers.
PENDING = sorted(f"pending/{p.name}" for p in (DATA / "pending").glob("intake_*.yaml")
                 if not (DATA / p.name).exists())
# Sets whose cases carry `said_yes`: the safety check answered as each person truthfully
# would, recorded by a reader who had not seen the rules (issue 6: how it is checked).
ANSWERED_SETS = [name for name in SETS if any("said_yes" in case for case in load_cases(name))]
# Text alone may miss a little of what the check then catches; nothing else may.
TEXT_ALONE_MISS_RATE = 0.02
REPORT = Path(__file__).resolve().parent.parent / "test-output" / "intake-accuracy.txt"


def test_the_sets_are_big_enough():
    assert len(load_cases("intake_cases.yaml")) >= 120
    groups = {case["group"] for case in load_cases("intake_cases.yaml")}
    assert {"headache", "back", "neck", "abdomen", "legs", "contraindication", "chest_stroke",
            "seed003", "benign"} <= groups


def _scored(name: str, with_answers: bool):
    """A set scored once, and its line added to the accuracy report. (One test per set: under
    pytest-xdist each set is scored by one process only, not once in each.)"""
    result = score(load_cases(name), with_answers=with_answers)
    label = " with the check answered" if with_answers else ""
    REPORT.parent.mkdir(exist_ok=True)
    with REPORT.open("a", encoding="utf-8") as report:
        report.write(f"{name}{label}: {result.summary()}\n")
    return result


@pytest.mark.parametrize("name", SETS)
def test_the_set_screens_as_labelled(name):
    """Text alone: no red flag missed (a set with recorded answers may miss a little that
    the check then catches), at most 5% of harmless texts escalated, every caution's avoid
    list kept, regions and goals found. With the check answered as each person truthfully
    would: nothing missed, no emergency under-called, at most 3% of harmless texts escalated."""
    problems = []
    result = _scored(name, with_answers=False)
    if name in ANSWERED_SETS:
        if len(result.missed_red_flags) > TEXT_ALONE_MISS_RATE * result.escalated:
            problems.append(("red flags missed, text alone", result.missed_red_flags))
    elif result.missed_red_flags:
        problems.append(("red flags missed", result.missed_red_flags))
    if result.benign_escalation_rate > 0.05:
        problems.append(("over 5% of harmless texts escalated", result.benign_escalated))
    if result.caution_misses:
        problems.append(("caution avoid lists not kept", result.caution_misses))
    if result.region_accuracy < 0.90:
        problems.append(("regions under 90%", result.region_misses))
    if result.goal_accuracy < 0.80:
        problems.append(("goals under 80%", result.goal_misses))
    if name in ANSWERED_SETS:
        answered = _scored(name, with_answers=True)
        if answered.missed_red_flags:
            problems.append(("red flags missed with the check answered", answered.missed_red_flags))
        if answered.under_called:
            problems.append(("emergencies under-called with the check answered",
                             answered.under_called))
        if answered.benign_escalation_rate > 0.03:
            problems.append(("over 3% of harmless texts escalated with the check answered",
                             answered.benign_escalated))
    assert not problems, "\n\n".join(f"{what}:\n" + "\n".join(map(str, cases))
                                      for what, cases in problems)


@pytest.mark.parametrize("name", PENDING)
def test_a_pending_set_is_safe(name):
    """A pending set still holds the safety bar: text alone it may miss only a little that the
    check catches; with the check answered nothing is missed or under-called, and at most 5%
    of harmless texts are escalated either way. (Its region and caution labels wait.)"""
    problems = []
    text_alone = score(load_cases(name), with_answers=False)
    answered = score(load_cases(name), with_answers=True)
    if len(text_alone.missed_red_flags) > TEXT_ALONE_MISS_RATE * text_alone.escalated:
        problems.append(("red flags missed, text alone", text_alone.missed_red_flags))
    if answered.missed_red_flags:
        problems.append(("red flags missed with the check answered", answered.missed_red_flags))
    if answered.under_called:
        problems.append(("emergencies under-called with the check answered", answered.under_called))
    for what, result in (("text alone", text_alone), ("answered", answered)):
        if result.benign_escalation_rate > 0.05:
            problems.append((f"over 5% of harmless texts escalated, {what}", result.benign_escalated))
    assert not problems, "\n\n".join(f"{what}:\n" + "\n".join(map(str, cases))
                                      for what, cases in problems)
