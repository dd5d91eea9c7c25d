"""A local problem leaves its own site out, wherever else the text wanders.

Families found by review in session 5: an area that is hot, red and swollen (local
inflammation or infection), an animal's bite or scratch, a red streak spreading from a
wound (see a doctor), and a site named as "my right leg" after another complaint.
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "site"), [
    ("a small scratch from the cat on my arm, shoulders tight", "arms"),
    ("my knuckle is red, hot and swollen since yesterday, neck stiff", "hands"),
    ("the dog bit my hand yesterday, neck stiff", "hands"),
    ("got bitten by the neighbour's dog on my ankle, calves tight", "feet"),
    ("Tension headache from screens, and I have a rash on my right leg.", "calves"),
])
def test_the_site_is_left_out(text, site):
    result = screen(text)
    assert result.verdict == "caution"
    assert site in result.avoid
    assert not {"head", "neck", "shoulders"} & set(result.avoid)


def test_an_animal_scratch_that_is_hot_red_and_swollen_is_for_a_doctor():
    # NHS animal bites: get medical help when a bite or scratch is red, swollen or hot.
    assert screen("the cat scratched my arm, it is hot and red and swollen, shoulders tight") \
        .verdict == "see_doctor"


def test_a_red_streak_spreading_from_a_wound_is_for_a_doctor():
    assert screen("there's a red streak going up my arm from a splinter, shoulders ache").verdict \
        == "see_doctor"


@pytest.mark.parametrize("text", [
    "took a hot shower, skin red, shoulders swollen feeling, neck tight",
    "red wine and a hot bath, feet swollen from standing all day",
    "I walked the dog a bit, my calves are tight",
])
def test_everyday_words_for_heat_redness_and_dogs_are_not_a_site(text):
    assert screen(text).verdict == "ok"


@pytest.mark.parametrize(("text", "left_out"), [
    ("massage gun on the side of my neck, it's tight", "percussion"),
    ("can I run my theragun along my spine?", "percussion"),
    ("using the gun on my kneecap, runner's knee", "percussion"),
    ("my jaw locks when I yawn and it's tight from grinding", "jaw"),
    ("had a wisdom tooth out on Friday, neck stiff", "jaw"),
    ("cataract op last week, want something for sleep with my face", "face"),
    ("PICC line in my left arm, shoulders tight", "arms"),
    ("fistula in my forearm for dialysis, hands are cold and stiff", "forearms"),
    ("new tattoo on my calf, legs sore from a run", "calves"),
    ("had a mole cut out of my shoulder, dressing still on, neck tight", "shoulders"),
    ("port under my collarbone, calves tight after a walk", "chest"),
])
def test_each_technique_and_site_keeps_its_own_contraindication(text, left_out):
    result = screen(text)
    assert result.verdict == "caution", result.message
    assert left_out in result.avoid


@pytest.mark.parametrize(("text", "sites"), [
    ("psoriasis on my elbows and knees, quads tight", {"arms", "knees"}),
    ("sunburn across my shoulders and upper back", {"shoulders", "upper_back"}),
])
def test_a_list_of_places_joined_by_and_is_one_site(text, sites):
    assert sites <= set(screen(text).avoid)


def test_a_new_complaint_after_and_is_not_part_of_the_site():
    result = screen("a bruise on my thigh and my calves are sore after running")
    assert "thighs" in result.avoid and "calves" not in result.avoid


def test_weeks_of_pregnancy_said_of_a_partner_count_only_when_she_is_massaged():
    for_her = screen("my partner is 34 weeks and her lower back aches, I want to rub it")
    assert "abdomen" in for_her.avoid
    for_me = screen("my wife is 30 weeks pregnant and I'm stressed, my shoulders are tight")
    assert for_me.verdict == "ok"


def test_a_lexicon_site_must_name_a_region_of_the_vocabulary(tmp_path):
    from unknot.text.lexicon import LEXICON_FILE, LexiconError, load_lexicon

    broken = tmp_path / "lexicon.yaml"
    text = LEXICON_FILE.read_text(encoding="utf-8")
    assert "\nsites:\n  jaw:" in text
    broken.write_text(text.replace("\nsites:\n  jaw:", "\nsites:\n  jawline:", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="sites.jawline: not a region"):
        load_lexicon(broken)


def test_a_site_word_places_a_problem_but_is_no_complaint():
    # "teeth" is a site for the jaw, yet brushing one's teeth is not a jaw complaint.
    assert "jaw" not in screen("it hurts to lift my arm to brush my teeth").regions
