"""Session 19: the forty-third second reading's hidden cases (4c91da8..f81545c, review 18-5),
mended at the start of the session — worded afresh here, with decoys beside them."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.doses import paracetamol_a_day


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")

# --- review 18-5 (19 hidden): mania told by nights out of bed and spending on finance or crypto;
# self-harm told by the verb; a dead parent's voice running the writer down; harm to a baby
# pictured, nearly done, or stepped away from; a child thrown or pinned down; an older person
# too scared to ask for money back or pushed for it; a carer who hit the parent they care for;
# co-codamol every hour or two; a red aching eye; lips and throat swelling after a meal.


@pytest.mark.parametrize("text", [
    "scared i'll shake her when she won't stop screaming, came so close last night",
    'i had to leave the baby crying in her cot and go outside before i hurt her',
    "i held my hand over the baby's mouth to stop the screaming, i'm scared of myself",
    '2 co-codamol every hour since breakfast, nothing is touching my toothache',
    'taking three paracetamol every 2 hours for the migraine',
    'after the chinese takeaway my tongue is swelling and my throat is tight',
    'my lips are swollen and my throat is closing up',
])
def test_what_the_forty_third_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my sister hasn't been to bed in three days, bought a car on finance and says she's going "
    "to be famous, not even tired",
    'he hasnt gone to bed since monday, put his savings into crypto, stopped his lithium last week',
    "she's bipolar and stopped her meds, now she's not slept for days and talks about her destiny",
    "i cut my arms most nights when it gets too much, it's a relief, nobody knows. shoulders ache",
    'i burn myself with a lighter, it takes the edge off. upper back tight',
    "i keep hearing my late mum telling me i'm a burden. back ache",
    "i get images of stabbing my baby and i'm terrified, neck so tight",
    "keep imagining throwing my son off the balcony, i'd never, but it won't stop",
    'her boyfriend throws my grandson on the sofa really hard when he cries',
    "my 6 year old says her dad holds her down when she's naughty, she has marks on her wrists",
    "my nan says my cousin takes her bank card and she's too frightened to ask for it back",
    "my grandson keeps demanding money and shoved me when i refused, i'm 79",
    "i hit my dad with dementia this morning, i'm at breaking point",
    'right eye red and really aches, vision is misty, contact lens wearer',
])
def test_what_the_forty_third_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


# Decoys: the same words in everyday lives (a late match, a van for the business, a nursery
# drop-off, a tickle fight, a high five, a label's "every 4-6 hours", a chilli's burn).
@pytest.mark.parametrize("text", [
    "haven't been to bed yet, watching the match, neck stiff",
    'bought a van on finance for the business, back sore from loading it',
    'spent my savings on crypto last year and lost it all, shoulders tense from stress',
    'my dead dad used to tell me i was a waste of space, neck tight thinking about it',
    'picturing dropping the baby off at nursery for the first time makes me anxious, shoulders tight',
    'my toddler screams at bath time, i put him in the cot before i lose it and have a cup of '
    'tea, back aches',
    'he throws the ball to our son really hard at cricket, my shoulder aches from catching',
    'my husband pins him down for a tickle fight every night, back sore',
    'my son keeps asking for money for driving lessons, back sore',
    'my gran is scared to ask for help with the stairs, her hips ache',
    'i slapped my mum a high five after the race, calves sore',
    'take 2 paracetamol every 4-6 hours says the box, back ache',
    '2 paracetamol every 4 hours for my back today, still sore',
    'my lips tingle a bit after the hot curry, chilli burn, no other problems',
    'my eye aches when i read, red from tiredness, neck stiff',
    'my brother stopped his meds for his bipolar years ago and is stable now, back stiff',
])
def test_the_same_words_in_everyday_lives_are_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize(("text", "tablets"), [
    ("taking 4 co-codamol every 2 hours for my back", 32),
    ("two paracetamol every hour today", 32),
    ("2 paracetamol every 3 hours since monday", 10),
    ("2 paracetamol every 4 hours", 8),
])
def test_a_dose_repeated_every_few_hours_is_counted_over_a_waking_day(text, tablets):
    found = paracetamol_a_day(text)
    assert found is not None and found[0] == tablets


@pytest.mark.parametrize("text", [
    "take 2 paracetamol every 4-6 hours",
    "can i take 2 co-codamol every 2 hours?",
    "years ago i used to take 2 paracetamol every 2 hours",
])
def test_a_label_a_question_or_a_dose_long_past_is_not_counted(text):
    found = paracetamol_a_day(text)
    assert found is None or found[0] <= 8


# --- review 19-1 (8789b4c..c3d2257: 17 hidden, 8 false alarms) ------------------------------
# The means of self-harm is no explanation (a razor, a blade, scissors); a child who loves the
# adult who hurts them; an act done, not only nearly (a hand over the mouth, held under); a
# guess at the spice beside a closing throat; doses told hourly or round the clock; meds
# binned or not taken in bipolar illness; money gone and an older person too scared to say;
# harm pictured in other words. And the other way: an hour's stretching is no dose, another
# person's blow is no carer's, stepping away before losing one's temper is the advice.


@pytest.mark.parametrize("text", [
    "i almost held her under in the bath tonight, i'm terrified of what i'm doing",
    "put my hand over his mouth to stop the screaming and i'm terrified, what is wrong with me",
    'lips puffing up after the chinese, throat feels tight and swallowing is hard, prob the spice',
    'taking 3 paracetamol every 4 hours day and night since yesterday for the toothache',
    '2 co-codamol hourly since breakfast cos of my back',
])
def test_what_review_19_1_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "i take a blade to my legs when the pressure builds, it's the only thing that works",
    "cutting my arms with scissors most nights, nobody knows, it's a release",
    "my daughter came back from her stepdad's with fingertip bruises on her upper "
    "arm, she loves him but i'm uneasy",
    "there are marks on my grandson's wrists, he says his dad holds him down when he won't go to bed",
    "my husband is bipolar, ditched his quetiapine, now he's not sleeping and spending a fortune",
    "she's bipolar and not been taking her lithium for a week, up all night, feels amazing",
    'been up for four nights in a row and feel incredible, started two businesses',
    "grandad's neighbour has his bank card, savings missing, he's too scared to tell anyone",
    "i keep seeing myself drowning my baby in the bath, i'd never but i can't sleep",
    'awful images popping into my head of putting my son in the oven',
])
def test_what_review_19_1_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'took 2 paracetamol then woke every 3 hours with the baby, neck stiff',
    'had 2 paracetamol and have been walking every hour as the physio said, back tight',
    "my 7 year old hit his sister again, i'm at the end of my tether, shoulders in knots",
    "my dad's carer says he hit his head on the cupboard last week, all checked, my "
    'back aches from lifting him',
    'baby screamed all evening so i put her down in the cot and stepped outside for '
    'a breather before i lost it, upper back wrecked from rocking',
    'not been to bed in days, sleeping on the sofa since my back went, feels amazing to lie on the floor',
    'my throat feels tight after dinner most nights, heartburn, neck stiff',
    'i put a razor to my legs every morning in the shower, knees ache',
    'took a knife to my arms of the sofa to reupholster it lol, back sore',
])
def test_what_review_19_1_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize(("text", "tablets"), [
    ("2 co-codamol every 4 hours round the clock", 12),
    ("2 paracetamol hourly today", 32),
    ("2 paracetamol every couple of hours since lunch", 16),
    ("2 tablets of paracetamol at a time every 3 hours", 10),
])
def test_doses_told_hourly_or_round_the_clock_are_counted(text, tablets):
    found = paracetamol_a_day(text)
    assert found is not None and found[0] == tablets


@pytest.mark.parametrize("text", [
    "took 2 paracetamol but woke every 2 hours with my back",
    "had 2 paracetamol and been stretching every hour like the physio said",
    "2 paracetamol every 4 hours and slept all night",
])
def test_another_acts_interval_is_not_a_dose(text):
    found = paracetamol_a_day(text)
    assert found is None or found[0] <= 8
