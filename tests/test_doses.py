"""Paracetamol added up over a day (`unknot.safety.doses`) and the rule that reads it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unknot.intake.screen import screen
from unknot.safety.doses import paracetamol_a_day

RULE = "general.paracetamol-added-up-over-a-day"


def flags(text: str) -> set[str]:
    return {flag.id for flag in screen(text).red_flags}


@pytest.mark.parametrize(("text", "total"), [
    ("had 2 cocodamol 5 times today for my neck", 10),
    ("i've had 5 co-codamol and 5 paracetamol today", 10),
    ("two lemsip capsules and 8 panadol since breakfast", 10),
    ("i take two paracetamol four times a day and 2 co-codamol 3 times a day", 14),
    ("2 paracetamol 4 times a day for my knee", 8),
])
def test_doses_of_one_day_are_added_and_multiplied(text, total):
    found = paracetamol_a_day(text)
    assert found is not None and found[0] == total


def test_doses_told_in_words_reach_the_screen():
    text = "took five co-codamol and five paracetamol today, neck is stiff"
    assert RULE in flags(text)


@pytest.mark.parametrize("text", [
    "took 2 paracetamol this morning",  # one dose, not multiplied: the patterns' to read
    "got a box of 32 paracetamol, took 2 today",  # a packet's size
    "16 paracetamol left in the drawer, took 2 paracetamol today",
    "can i take 2 co-codamol 5 times a day?",  # asked, not taken
    "years ago i used to take 2 co-codamol 5 times a day. neck stiff",
    "took 5 co-codamol and 5 paracetamol last month",  # not within a day
])
def test_what_is_no_days_dose_is_not_counted(text):
    assert paracetamol_a_day(text) is None


@settings(max_examples=60, deadline=None)
@given(first=st.integers(1, 12), second=st.integers(1, 12),
       products=st.sampled_from([("co-codamol", "paracetamol"), ("panadol", "lemsip capsules"),
                                 ("solpadeine", "paracetamol")]))
def test_two_products_in_a_day_are_urgent_exactly_when_they_pass_eight(first, second, products):
    text = f"took {first} {products[0]} and {second} {products[1]} today, neck is stiff"
    assert (RULE in flags(text)) == (first + second >= 9)
    if first + second >= 9:
        assert screen(text).verdict == "urgent"


def test_every_product_the_patterns_name_is_added_up_too():
    """The patterns' `$paracetamol_named` (lexicon) and this module's product list are kept
    apart (one reads the pattern language, the other raw text): a product named in the
    lexicon must also be counted over a day, or the two readings drift."""
    import re

    import yaml

    from unknot.safety import doses
    from unknot.text.lexicon import LEXICON_FILE

    phrases = yaml.safe_load(LEXICON_FILE.read_text())["concepts"]["paracetamol_named"]
    names = {name.rstrip("*") for phrase in phrases for name in phrase.split("|")}
    product = re.compile(rf"\b(?:{doses._PRODUCT})\b")
    assert names and all(product.fullmatch(name) for name in names), sorted(
        name for name in names if not product.fullmatch(name))
