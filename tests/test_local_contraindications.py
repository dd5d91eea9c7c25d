"""A local problem leaves its own site out, wherever else the text wanders.

Families found by review in session 5: an area that is hot, red and swollen (local
inflammation or infection), an animal's bite or scratch, a red streak spreading from a
wound (see a doctor), and a site named as "my right leg" after another complaint.
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "site"), [
    ("the cat scratched my arm, it is hot and red and swollen, shoulders tight", "arms"),
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
