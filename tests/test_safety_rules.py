"""Safety rules are data: each has an id, verdict or avoid list, triggers, message and source."""

from __future__ import annotations

import pytest

from unknot.safety.engine import Engine
from unknot.safety.rules import RuleError, default_rules, load_rule_files
from unknot.text.lexicon import default_lexicon

REQUIRED_GROUPS = {"headache", "back", "neck", "abdomen", "legs", "contraindication",
                   "chest_stroke", "seed003"}


def test_every_group_of_the_safety_reference_has_rules():
    groups = {rule.group for rule in default_rules().rules}
    assert groups >= REQUIRED_GROUPS


def test_every_rule_has_a_message_and_a_source():
    for rule in default_rules().rules:
        assert rule.id and len(rule.message) >= 20 and len(rule.source) >= 5
        if rule.verdict == "caution":
            assert rule.avoid or rule.avoid_site


def test_the_seed_003_rules_exist():
    ids = {rule.id for rule in default_rules().rules}
    assert {"seed003.intense-pain", "seed003.worsening-pain", "seed003.unexplained-pain-swelling",
            "seed003.worse-after-massage", "back.disc-or-fracture-history"} <= ids


def test_all_rules_compile_against_the_lexicon():
    Engine(default_rules(), default_lexicon())


@pytest.mark.parametrize("body, expected", [
    ("- id: x.y\n  group: back\n  verdict: see_doctor\n  avoid: [neck]\n  when: [{text: [a]}]\n"
     "  message: a message that is long enough\n  source: somewhere\n",
     "only a caution carries an avoid list"),
    ("- id: x.y\n  group: back\n  verdict: caution\n  when: [{text: [a]}]\n"
     "  message: a message that is long enough\n  source: somewhere\n",
     "must say what to avoid"),
    ("- id: x.y\n  group: nowhere\n  verdict: urgent\n  when: [{text: [a]}]\n"
     "  message: a message that is long enough\n  source: somewhere\n", "rule x.y: group"),
    ("- id: x.y\n  group: back\n  verdict: urgent\n  when: [{age_at_least: 5, pain_at_least: 3}]\n"
     "  message: a message that is long enough\n  source: somewhere\n", "exactly one"),
    ("not: [a list\n", "cannot read"),
    ("- id: x.y\n  group: general\n  verdict: see_doctor\n  when: [{blood_pressure_at_least: [18, 12]}]\n"
     "  message: a message that is long enough\n  source: somewhere\n", "blood_pressure_at_least"),
    # What says how far a site reaches, or when there is none, needs a site to speak of.
    ("- id: x.y\n  group: contraindication\n  verdict: caution\n  avoid: [deep_pressure]\n"
     "  site_unless: [years ago]\n  when: [{text: [a]}]\n"
     "  message: a message that is long enough\n  source: somewhere\n", "site_unless needs avoid_site"),
    ("- id: x.y\n  group: contraindication\n  verdict: caution\n  avoid: [deep_pressure]\n"
     "  site_whole_limb: true\n  when: [{text: [a]}]\n"
     "  message: a message that is long enough\n  source: somewhere\n", "site_whole_limb needs avoid_site"),
    # An excuse is an explanation that something told beside it can overrule: both or neither.
    ("- id: x.y\n  group: back\n  verdict: urgent\n  when: [{text: [a]}]\n"
     "  excuses_overruled_by: [bruise]\n  message: a message that is long enough\n"
     "  source: somewhere\n", "excuses and excuses_overruled_by go together"),
    ("- id: x.y\n  group: back\n  verdict: urgent\n  when: [{text: [a]}]\n"
     "  excuses: [as a joke]\n  message: a message that is long enough\n"
     "  source: somewhere\n", "excuses and excuses_overruled_by go together"),
    # A second `unless:` would silently replace the first: the file is refused instead.
    ("- id: x.y\n  group: back\n  verdict: urgent\n  when: [{text: [a]}]\n  unless: [b]\n"
     "  unless: [c]\n  message: a message that is long enough\n  source: somewhere\n",
     "the key 'unless' is given twice"),
])
def test_a_bad_rule_file_names_the_file_and_rule(tmp_path, body, expected):
    path = tmp_path / "broken.yaml"
    path.write_text(body)
    with pytest.raises(RuleError, match=expected) as caught:
        load_rule_files([path])
    assert "broken.yaml" in str(caught.value)


def test_an_unknown_concept_is_reported_with_the_rule(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("- id: x.y\n  group: back\n  verdict: urgent\n  when: [{text: ['$nothing']}]\n"
                    "  message: a message that is long enough\n  source: somewhere\n")
    with pytest.raises(RuleError, match=r"rule x\.y: .*unknown concept \$nothing"):
        Engine(load_rule_files([path]), default_lexicon())


def test_a_lexicon_with_a_key_given_twice_is_refused(tmp_path):
    from unknot.text.lexicon import LexiconError, load_lexicon

    path = tmp_path / "lexicon.yaml"
    path.write_text("sites:\n  middle_back: [ribs]\n  middle_back: [spine]\n")
    with pytest.raises(LexiconError, match="lexicon.yaml: cannot read: the key 'middle_back' is given twice"):
        load_lexicon(path)


def _firing(path):
    """A screen of the one rule file at `path`: the ids its rules fire for a text."""
    from unknot.safety.engine import Texts
    from unknot.safety.facts import Facts

    lexicon = default_lexicon()
    engine = Engine(load_rule_files([path]), lexicon)

    def fired(text: str) -> list[str]:
        found = engine.screen(Texts(lexicon.read(text)), Facts(), set())
        return [each.rule.id for each in found.fired]

    return fired


def test_an_excuse_stands_down_when_what_overrules_it_is_told_beside_it(tmp_path):
    """`excuses`: "as a joke" explains a shove away, but not beside a bruise (in its sentence
    or the next) — and a bruise denied overrules nothing; an `unless` cause ("the puppy")
    explains it whatever follows."""
    path = tmp_path / "r.yaml"
    path.write_text("- id: x.shove\n  group: general\n  verdict: see_doctor\n"
                    "  when: [{text: ['shoved me']}]\n  unless: ['the puppy']\n"
                    "  excuses: ['as a joke']\n  excuses_overruled_by: ['bruise|bruised']\n"
                    "  message: a message that is long enough\n  source: somewhere\n")
    fired = _firing(path)

    assert fired("my brother shoved me") == ["x.shove"]
    assert fired("my brother shoved me as a joke") == []
    assert fired("my brother shoved me as a joke and my arm is bruised") == ["x.shove"]
    assert fired("my brother shoved me as a joke. My arm is bruised.") == ["x.shove"]
    assert fired("my brother shoved me as a joke, no bruise at all") == []
    assert fired("the puppy shoved me and my arm is bruised") == []
    # Only that sentence and the next: a bruise told two sentences on is something else.
    assert fired("my brother shoved me as a joke. Then we had tea. I bruised my shin last week") == []


def test_each_group_of_excuses_is_overruled_only_by_its_own_words(tmp_path):
    """`excuse_groups`: each group's excuses stand down only for what that group names — a
    palsy long ago does not excuse a face that dropped today, and sleeping on an arm does not
    excuse slurred words; a word that overrules one group leaves the other's excuse alone."""
    path = tmp_path / "r.yaml"
    path.write_text(
        "- id: x.arm-or-face\n  group: general\n  verdict: urgent\n"
        "  when: [{text: ['arm went dead|face dropped']}]\n"
        "  excuses: ['palsy years ago']\n  excuses_overruled_by: ['today|again']\n"
        "  excuse_groups:\n"
        "    - excuses: ['slept on it|slept on my arm']\n      overruled_by: ['slurr*|face']\n"
        "  message: a message that is long enough\n  source: somewhere\n")
    fired = _firing(path)

    assert fired("my arm went dead") == ["x.arm-or-face"]
    assert fired("slept on my arm and my arm went dead") == []
    assert fired("slept on my arm and my arm went dead and my words are slurring") == [
        "x.arm-or-face"]
    # "today" overrules the palsy's excuse, not the sleeper's
    assert fired("slept on my arm today and my arm went dead") == []
    assert fired("bells palsy years ago, my face dropped") == []
    assert fired("bells palsy years ago, my face dropped again today") == ["x.arm-or-face"]


def test_an_excuse_group_needs_both_its_excuses_and_what_overrules_them(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("- id: x.y\n  group: general\n  verdict: see_doctor\n"
                    "  when: [{text: ['shoved me']}]\n"
                    "  excuse_groups:\n    - excuses: ['as a joke']\n"
                    "  message: a message that is long enough\n  source: somewhere\n")
    with pytest.raises(RuleError, match="overruled_by"):
        load_rule_files([path])
