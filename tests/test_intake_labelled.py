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
# Sets whose cases carry `said_yes`: the safety check answered as each person truthfully
# would, recorded by a reader who had not seen the rules (issue 6: how it is checked).
ANSWERED_SETS = [name for name in SETS if any("said_yes" in case for case in load_cases(name))]
# Text alone may miss a little of what the check then catches; nothing else may.
TEXT_ALONE_MISS_RATE = 0.02
REPORT = Path(__file__).resolve().parent.parent / "test-output" / "intake-accuracy.txt"


@pytest.fixture(scope="module")
def scores():
    results = {name: score(load_cases(name)) for name in SETS}
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(f"{name}: {s.summary()}" for name, s in results.items()) + "\n",
                      encoding="utf-8")
    return results


def test_the_sets_are_big_enough():
    assert len(load_cases("intake_cases.yaml")) >= 120
    groups = {case["group"] for case in load_cases("intake_cases.yaml")}
    assert {"headache", "back", "neck", "abdomen", "legs", "contraindication", "chest_stroke",
            "seed003", "benign"} <= groups


@pytest.fixture(scope="module")
def answered_scores():
    results = {name: score(load_cases(name), with_answers=True) for name in ANSWERED_SETS}
    with REPORT.open("a", encoding="utf-8") as report:
        report.writelines(f"{name} with the check answered: {s.summary()}\n"
                          for name, s in results.items())
    return results


@pytest.mark.parametrize("name", SETS)
def test_it_misses_no_red_flag(scores, name):
    result = scores[name]
    if name in ANSWERED_SETS:
        assert len(result.missed_red_flags) <= TEXT_ALONE_MISS_RATE * result.escalated, \
            "\n".join(result.missed_red_flags)
    else:
        assert result.missed_red_flags == [], result.summary()


@pytest.mark.parametrize("name", ANSWERED_SETS)
def test_with_the_check_answered_it_misses_nothing_and_under_calls_no_emergency(
        answered_scores, name):
    result = answered_scores[name]
    assert result.missed_red_flags == [], "\n".join(result.missed_red_flags)
    assert result.under_called == [], "\n".join(result.under_called)


@pytest.mark.parametrize("name", ANSWERED_SETS)
def test_with_the_check_answered_harmless_texts_stay_harmless(answered_scores, name):
    assert answered_scores[name].benign_escalation_rate <= 0.03, \
        "\n".join(answered_scores[name].benign_escalated)


@pytest.mark.parametrize("name", SETS)
def test_it_escalates_at_most_five_percent_of_benign_texts(scores, name):
    assert scores[name].benign_escalation_rate <= 0.05, "\n".join(scores[name].benign_escalated)


@pytest.mark.parametrize("name", SETS)
def test_it_keeps_every_caution_avoid_list(scores, name):
    assert scores[name].caution_misses == [], "\n".join(scores[name].caution_misses)


@pytest.mark.parametrize("name", SETS)
def test_it_finds_regions_and_goals(scores, name):
    result = scores[name]
    assert result.region_accuracy >= 0.90, "\n".join(result.region_misses)
    assert result.goal_accuracy >= 0.80, "\n".join(result.goal_misses)
