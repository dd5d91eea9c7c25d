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


# Second round (session 8): what a parent, a nanny, a teacher or a sibling sees.
@pytest.mark.parametrize("text", [
    "my 6 year old fell off his bike and now won't lift his arm or let me touch it",
    "she's 2, tumbled down two steps and is crawling instead of walking today",
    "my son's shoulder popped out in judo and went back in by itself, it's really sore",
    "our 4 month old has a bruise on her ear and she can't roll yet, no idea how it happened",
    "my 5 year old came back from his dad's with a bruise shaped like a hand on his arm",
    "the baby always turns her head to the left and the back of her head is going flat",
    "at the check they said her thigh creases don't match and one hip clunks, she's 8 weeks",
    "my 7 month old has had only two wet nappies today and half her usual bottles",
    "golden crusty sores spreading around my son's mouth and nose",
    "his eye has started turning in this month and he's had headaches, he's 5",
    "my 12 year old has had thigh pain for weeks and walks with his foot pointing out",
    "my friend is 16 and i saw cuts all over her forearms at the sleepover",
    "I've been making myself sick after meals for weeks, I'm 14",
    "my boyfriend grabs my wrists hard when he's angry and leaves marks",
    "my 14 yo doesn't see the point in anything anymore and won't leave her room",
])
def test_a_childs_or_teenagers_sign_that_needs_a_doctor(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}


@pytest.mark.parametrize("text", [
    "the soft spot on my 3 month old's head is bulging and tense and he's very sleepy",
    "spots on her legs that stayed purple when I pressed the glass on them, and a temperature",
    "my toddler got into the medicine cupboard and drank half a bottle of calpol, seems fine",
    "can't find the button battery from the scales and my 3 year old is drooling",
    "my sister is 15, she's been saving up her tablets and says she's going to take them tonight",
    "my brother texted me goodbye and now he's locked himself in his room",
    "my daughter said everyone would be better off without her and she's been looking up ways",
])
def test_a_childs_or_teenagers_emergency(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "my 9 year old has a bruise on his shin from football, he's fine, wants his calves rubbed",
    "the baby always turns to the left to feed, otherwise she moves her head both ways fine",
    "she's 2 and burning up with excitement about her party, normal temperature, just hyper",
    "he nearly had a fit when he saw the spider lol, 6 years old, now too wound up to sleep",
    "baby's poo is soft and yellow and she grunts a lot, otherwise happy",
    "came out of the sea with blue lips, warmed up in a towel and now pink and chatty, age 7",
    "impetigo on her chin, the GP gave cream, she wants a back rub",
    "my 10 year old is nervous about his exam, he'd like his shoulders rubbed",
    "she'd be better off without him, honestly, he never helps — anyway my neck is stiff",
    "half my class is off with chickenpox, I'm fine, jaw tense from shouting",
])
def test_ordinary_days_with_children_are_not_escalated(text):
    assert screen(text).verdict in {"ok", "caution"}


@pytest.mark.parametrize(("text", "avoided"), [
    ("chickenpox scabs on his back and tummy, no fever now", {"abdomen", "lower_back"}),
    ("heat rash on her chest and back, it's 32 degrees", {"chest", "upper_back"}),
    ("he landed on his tailbone sledging, bruised, walking fine", {"glutes"}),
    ("had his MMR jab in his upper arm yesterday, it's lumpy", {"arms"}),
    ("eczema all down her arms and cracked", {"arms", "forearms"}),
    ("he's 9, can I use my massage gun on his calves?", {"percussion", "deep_pressure"}),
    ("spinal fusion for scoliosis four months ago, legs ache", {"upper_back", "lower_back"}),
    ("a plaster cast on her lower leg for a broken ankle, shoulders sore from crutches", {"feet"}),
])
def test_what_a_childs_skin_injury_or_tool_leaves_out(text, avoided):
    result = screen(text)
    assert result.verdict == "caution"
    assert avoided <= set(result.avoid)
