"""First families from the blind set holdout47 (babies, children and teenagers), mended at the
end of session 7; the set itself waits in tests/data/pending. Worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "our baby is 7 weeks old and her temperature is 38.3, she's feeding less",
    "I think my 2 year old swallowed a button battery from the remote, she seems fine",
    "my little boy swallowed two magnets from his sister's set",
    "the baby's breathing very fast and the skin is pulling in under her ribs",
    "my toddler's lips went bluish while he was coughing and he's still grey",
    "newborn has been sick twice and it's bright green",
    "my 6 month old is floppy like a ragdoll since his nap and won't look at us properly",
    "the baby rolled off the changing table onto the floor, there's a soft swelling on her head "
    "and she's been sick",
])
def test_a_babys_or_childs_emergency(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "my son's lips went purple from the blackcurrant slushie, he's fine, just hyper",
    "she came out of the pool with blue lips, warmed up in a towel and now pink and chatty",
    "my 5 year old is floppy with tiredness after a big day at the beach, asleep on the sofa",
])
def test_a_childs_ordinary_day_is_not_an_emergency(text):
    assert screen(text).verdict != "urgent"
