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


# --- holdout114 (headaches, necks, jaws and faces, round 4) and holdout115 (the back, hips and
# legs, round 4), scored at ad0720d: worse after any hand's hard pressing; a jaw that will not
# open; painkillers near-daily; a one-sided blocked, bleeding nose; a young person's limb pain at
# night for weeks; leg pain building to pain at rest; a back cracked on long-term steroids; a
# slump with slurred speech; tightenings every few minutes before 37 weeks; an eye swelling shut
# after a tooth infection; a hot baby who screams when the neck is moved.


@pytest.mark.parametrize("text", [
    "my dad was watching telly and slumped in his chair, he's slurring and his speech sounds weird",
    '34 weeks and my bump goes hard every 5 minutes or so with a low backache coming and going',
    'wisdom tooth infection and now my eye on that side is swollen shut',
    'baby (9 months) burning up, screams when we move his neck, very floppy',
])
def test_what_holdout114_and_115_found_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "saw an osteopath on tuesday who manipulated my lower back and since then it's "
    'way worse, can barely bend',
    "my wife dug her thumbs into my shoulder last night and today it's a lot worse "
    'than before, it hurts to lift my arm',
    "my daughter's 14 and keeps waking in the night with pain in her thigh, been about a month",
    'my son is 11 and his knee wakes him at night, for weeks now, only the left one',
    "on prednisolone for PMR and I felt something give in my back lifting the shopping, pain hasn't let up",
    "since yawning yesterday i can only open my mouth about a finger's width, jaw hurts to chew",
    'been taking over the counter painkillers near-daily for my headaches for months',
    'left nostril always blocked for two months and it bleeds now and then, cheek feels numb',
    'my calf has hurt more and more over the last month and now aches even lying in bed',
])
def test_what_holdout114_and_115_found_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 8 year old's legs ache at night, both legs, fine by morning, growing pains the GP said",
    'nearly wet myself laughing at the panto, lower back stiff from the seats',
    'my legs turned to jelly when i saw the bill lol, calves sore from the walk',
    'i always forget my glasses and get a headache from squinting, temples tight',
    'my tension headache comes every friday after a long week, same as every week, neck tight',
])
def test_what_holdout114_and_115_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- review 19-2 (c3d2257..ad0720d: 24 hidden, 7 false alarms): where the cutting happens is no
# explanation; a baby shaken (done, not only feared); a throat closing, swallowing hard, a voice
# gone hoarse or a tongue too big after a meal; doses every couple of hours or each time the pain
# returns; mania beside a sofa; meds stopped in bipolar illness with "feels invincible"; a carer
# who "lost it and pushed" her; harm pictured to a spouse. And the other way: out-of-date meds
# binned, one's own gambling losses, hourly walks, a child held under the arms or under a cold
# tap, a wasp slapped off, "drowning in paperwork".


@pytest.mark.parametrize("text", [
    "i shook her hard when she wouldn't stop crying tonight, i'm frightened of myself",
    'my boyfriend shook our 6 week old last night because she screamed',
    'after the indian takeaway my throat is closing and my voice has gone hoarse',
    "since the sushi i can't swallow properly and my throat feels tight",
    "after dinner my tongue feels too big and i'm wheezy",
    'taking 2 co-codamol every couple hours since i woke up, my back',
    'two paracetamol each time the headache kicks in, about every 2 hours, since this morning',
])
def test_what_review_19_2_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "i cut my wrists in the bathroom when it all gets too loud, it's a relief",
    'used a razor on my thighs again last night, nobody knows',
    "my brother's been up 4 nights straight on the sofa writing a novel, says he's a "
    'genius, spent his savings',
    'my sister is bipolar, stopped taking her meds and says she feels invincible',
    "i look after my mum, she has dementia, i lost it and pushed her into the chair, i'm ashamed",
    'i keep picturing strangling my wife, it horrifies me',
])
def test_what_review_19_2_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'had a clear out and binned all the out of date meds, feeling great, neck stiff from bending',
    'lost thousands on the horses last month, too scared to tell my wife, back is tight',
    'took 2 paracetamol, hourly walks round the office as the physio said, back tight',
    'held my son under the arms so he could jump the waves, shoulders sore',
    "scalded my daughter's hand on the kettle tonight by accident, held her under "
    "the cold tap while she cried, i'm shaking",
    'i care for my dad, slapped a wasp off his arm lol, neck tense',
    "i'm drowning in paperwork tonight and the baby's crying, neck in knots",
])
def test_what_review_19_2_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize(("text", "tablets"), [
    ("2 co-codamol every couple hours today", 16),
    ("two paracetamol each time the pain comes back, roughly every two hours, since breakfast", 16),
    ("2 paracetamol every 4 hours 24 hours a day since saturday", 12),
])
def test_doses_every_couple_of_hours_or_each_time_the_pain_returns_are_counted(text, tablets):
    found = paracetamol_a_day(text)
    assert found is not None and found[0] == tablets


def test_hourly_breaks_are_no_dose():
    assert paracetamol_a_day("took 2 paracetamol, hourly stretching breaks at my desk") is None


# --- review 19-3 (ad0720d..2a61c08: 12 hidden, no false alarms): a mouth that opens only a
# little or barely; a nostril named blocked; an eyelid puffed so the eye will not open; a hot
# child who cries if the neck is touched or hides from the light; a pillow held "for a second",
# told with shame; a parent's pension or account named by who they are ("dad's", "nan's"); a
# mood stabiliser flushed away; a throat gone tight after a meal with swallowing hard.


@pytest.mark.parametrize("text", [
    "gum infection and now my eyelid is so puffed up i can't open my eye",
    'my 2 year old is boiling, cries if i touch his neck',
    'my daughter (3) is burning up and hiding from the light, whimpering',
    "i'm so ashamed, i held a pillow over his face for a second when he wouldn't stop crying",
    'after the indian my throat went tight and i can barely swallow',
])
def test_what_review_19_3_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'since friday i can only open my mouth a little bit, jaw locked',
    'can barely open my jaw after the wisdom tooth came out three days ago',
    'right nostril blocked for weeks now, and i keep getting nosebleeds from it',
    "my brother takes dad's pension every week and dad is frightened of him",
    "she's bipolar and flushed her lithium down the toilet, now she says she feels amazing and hasn't slept",
])
def test_what_review_19_3_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my dad takes mum's pension to the post office for her, she likes the walk with him, back stiff",
    'i can barely open my eyes this morning after the wedding lol, neck stiff from dancing',
    'my 5 year old is boiling after football, cries when i touch his sunburnt neck, otherwise fine',
])
def test_what_review_19_3_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout116 (the racing mind, round 8), scored at 7e59b2b: 31 of 108 missed text alone.
# Crises told by acts: keepsakes handed over with a sudden calm, a hose and tape in a car boot,
# a high place visited to look over, letters written for after a date, pills hoarded, the milk
# cancelled and "everything in order"; a baby "better off with god"; a drunk parent about to
# drive; a cut soaking through towels; delirium days after stopping drink. And for a doctor:
# "they'd cope fine without me", drink to switch off, palpitations with near-fainting, not
# eating in grief, plots through the walls, a stalking ex, an older person kept cold and
# afraid, a starey-eyed racing heart, drugs to get through, harm pictured to the baby, days in
# bed, a wall punched till the knuckles bleed, a manic friend's gifts to strangers, a child's
# night visitor, withdrawal in a dry month.


@pytest.mark.parametrize("text", [
    "my mate gave me his medals and his watch last week and he's been weirdly calm "
    'after months in a black hole',
    "found a hosepipe and duct tape in my husband's boot, he's been so low, now he's "
    'in the garage with the door shut',
    'went up to the top of the car park again tonight just to look over, third time this week',
    'the letters are all written and in the drawer for after christmas, till then i just want to sleep',
    'found a stash of her sleeping pills hidden in her wardrobe, she stopped taking '
    "them weeks ago and she's been so low",
    'the baby would be better off with god, a voice tells me to do it. husband away',
    'a dad at the school gate is clearly drunk and about to drive his kids home',
    "cut my arm too deep, it's soaked through two tea towels in 15 minutes",
    "my brother stopped drinking 3 days ago after years of heavy drinking, now he's "
    "seeing insects on the walls and doesn't know where he is",
])
def test_what_holdout116_found_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'honestly my family would cope fine without me. not planning anything. back tight',
    'half a bottle of gin most nights to switch my head off, since the divorce',
    'heart goes all over the place then i nearly pass out, happened twice this week',
    'my heart rate hits 180 when i panic and stays there, never been checked',
    "my dad doesn't really eat since mum died, toast once a day, lost a stone",
    "the neighbours are plotting against me through the walls, i've taped over the sockets",
    "my ex keeps turning up outside my house and texting that i'll regret leaving",
    "grandma's 88, lives with my cousin, she's thin and not allowed to put the "
    "heating on, she whispered don't tell him",
    'heart pounding for weeks, shaky hands, lost weight, my mum says my eyes look starey',
    'ket most weekends to get through, the comedowns are brutal now',
    "i keep getting pictures in my head of hurting the baby, i'd never",
    "sleeping 16 hours a day, haven't been to a lecture in weeks, stopped replying to anyone",
    'i punch the wall until my knuckles bleed when it gets too much, shoulders tight',
    'my friend has been up for days, gave a thousand pounds to a stranger, talking non stop',
    'my niece says her stepdad comes into her room at night, she sleeps in her clothes now',
    'dry january day 3, usually a bottle of wine a night, shaking and sweating and heart racing',
])
def test_what_holdout116_found_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'gave my nephew my old bike and my watch for his birthday, neck stiff from wrapping',
    'the car radio was playing our song all the way home, shoulders tight from driving',
    "my ex turned up to our daughter's parents evening, awkward, neck tense",
    'went up to the top floor of the car park to see the fireworks, my feet ache',
    "i cancelled the milk because we're away for a week, back stiff from packing",
    'my heart rate hits 180 on my bike intervals, legs tired',
    "she stares at me like i'm mad when i sing, my eyes ache from the screen",
    'the drunk guy at the bus stop was shouting, scared me, shoulders tense now',
])
def test_what_holdout116_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout117 (pregnancy, birth and the first year, round 4), scored at 7e59b2b: 20 of 108
# missed, 2 emergencies under-called. A swollen calf late in pregnancy (the writer's, whoever
# the routine is for); pink when wiping; a baby's fever at 4 to 11 months; a baby's bump on the
# head; fewer movements told as "hardly anything" or a missed evening wriggle; hands and face
# swelling within days; a birth at home hours ago with soaked pads (told by the partner); a
# new mother sleepless who says the baby is not hers; itching palms and soles; a blow to the
# bump; a baby not pooing with a hard belly; a limb kept still; regular pains or a show before
# 37 weeks; a caesarean wound apart; a baby breathless on feeds; postnatal anxiety; a baby of
# weeks with 38 degrees; a fall onto the bump with pain or bleeding.


@pytest.mark.parametrize("text", [
    "my 8 month old fell off the sofa onto the wooden floor, bump on his head, he's gone quiet",
    "36 weeks, normally she's wriggling all evening but tonight hardly anything, "
    'only a couple of little ones',
    "35 wks, my hands and face have swollen up since yesterday, rings won't come off",
    "she gave birth at home this morning, she's soaking through pads and passing big clots, going pale",
    "my wife had our son 10 days ago, hasn't slept for three nights and says the baby has been swapped",
    "i'm only 30 weeks but pains are coming regularly every 8 minutes in my back",
    '32+4, backache coming and going regularly and a pinkish jelly loss this morning',
    "he's 5 weeks old, feels hot, thermometer says 38.1",
    "slipped on ice at 30 weeks and landed on my bump, now it's tight and there's some bleeding",
])
def test_what_holdout117_found_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    '29 weeks and my left calf is swollen and sore to squeeze, the right is fine',
    '8 weeks pregnant, a little brown when i wipe since yesterday',
    'my 9 month old has had a temp of 38.4 since this morning, still feeding',
    '34 weeks, my palms and the soles of my feet itch like mad at night, no rash',
    '28 weeks, my toddler kicked me in the bump yesterday, all seems fine',
    "baby is 3 months old, hasn't pooped in 5 days and her belly is hard, off her feeds",
    "my 6 month old cries when i bend her left leg and won't move it, no fall",
    "day 10 after my c-section, the wound edges have come apart a bit and it's weeping",
    "my 10 week old gets breathless and sweaty on every feed and hasn't gained weight",
    "she's 2 months, i can't sleep even when she's asleep, i check her breathing all night, heart racing",
])
def test_what_holdout117_found_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'my 4 month old weighs loads more since the paediatrician visit, feeding and '
    'weeing loads, legs kick happily',
    'researching pregnancy symptoms for a novel chapter, temples tight from the screen',
    'false alarm pregnancy scare, period came, usual cramps and back ache',
    '6 months postpartum and breastfeeding, shoulders stiff every morning from the feeding chair',
    "baby 7 weeks old, i'm tired and my mind races at night but i sleep when she naps, back aches",
])
def test_what_holdout117_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- review 19-4 (7e59b2b..bcd10c9: 10 hidden, 16 false alarms): a baby told in weeks who slips
# off the sofa; a limb kept still or painful when lifted or changed; a driver who slurs; a
# parent watching the chest all night; an ex outside the office with photos of the house;
# rings and a necklace handed over with a calm; "everything's sorted … tonight feels like the
# night"; a headache all day at 25 weeks though research is mentioned. And the other way: a
# watch for a 21st, a toddler's bump, a garden hose, a spin class's heart rate, a hip op's six
# weeks, a diet coke, jabs' fever settled, a marathon's weeks, "you'll regret not coming".


@pytest.mark.parametrize("text", [
    'our 5 week old slipped off the sofa onto the floor, seems fine now',
    "my brother-in-law is slurring his words and about to drive my nephew home, he swears he's fine",
    "my sister gave me her necklace and her rings today, she's weirdly calm after months in a dark place",
    "everything's sorted now and i feel calm. tonight feels like the night",
    '25 weeks pregnant, writing up research for my course, splitting headache all '
    'day and my vision is blurry',
])
def test_what_review_19_4_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 5 month old won't move her left arm since this morning and cries when i lift her under the arms",
    'daughter 8 months, keeps her leg very still and screams when i change her nappy',
    "since he was born i watch his chest all night to make sure he's breathing, "
    'barely slept in weeks, heart racing',
    'my ex sits outside my office in his car most days and sends me photos of my house',
])
def test_what_review_19_4_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'grandad gave me his watch for my 21st, he was so calm and happy, neck sore from the party',
    "my 2 year old bumped his forehead on the table, little bump, he's running about laughing",
    'cleaned the garden hose and put it in the boot, back aches from bending',
    'heart rate hits 175 on my spin class sprints, thighs burning',
    'my mum is 80, not allowed to drive for 6 weeks after her hip op, a bit scared on the stairs',
    'i need a diet coke to get through the afternoon, heart racing from the caffeine, neck stiff',
    'my 9 month old had a temp of 38 after his jabs yesterday, calpol settled him',
    'only 18 weeks of training left before the marathon, hamstrings tight',
    "we're told the reunion will be fun, you'll regret not coming, back stiff from the flight",
])
def test_what_review_19_4_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout118 (an eleventh mix, every family told sideways) and holdout119 (the chest,
# breathing, heart and circulation, round 5), scored at a956d5f: new back pain after a
# transplant, a watch flagging an irregular rhythm, more sleeping pills than meant, a partner who
# shoves, puffing with swollen ankles, a bone ache worse in bed with a cancer on watch, a red line
# from a cut, fullness after a few mouthfuls at 58, a clot after an operation with pink froth;
# waking gasping, a single defibrillator shock, going grey on exertion, weight up with ankles
# ballooning, breathlessness that crept up, a racing heart with the sight going dark, a baby blue
# round the lips, nearly fainting on a new tablet, a teenager's heart too fast to count.


@pytest.mark.parametrize("text", [
    "i took way more of my sleeping pills than i'm meant to an hour ago with some wine, feel woozy",
    "after my hip op my calf swelled up and now i'm puffed out walking to the loo and coughing up pink froth",
    'my 2 month old goes blue round the lips when feeding and keeps pausing his breathing',
    "my daughter, 15, heart racing so fast i can't count it, she's pale and says she's going to pass out",
])
def test_what_holdout118_and_119_found_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'liver transplant 3 years ago, on my anti-rejection meds morning and night, and '
    'now a new pain in my lower back for a week',
    'my fitbit keeps flagging an irregular rhythm and my heart flutters, shoulders tight',
    "my boyfriend pushes me around when he's drunk, my ribs still hurt when i breathe from last week",
    "i'm 74, puffing after a few steps these days and both ankles swell by evening",
    "prostate cancer on watch and wait, and a new ache in my thigh bone that's worse in bed",
    "there's a red streak going up my arm from a cat scratch on my wrist",
    "i'm 58, feel full after a few mouthfuls and my tummy has been swollen for weeks",
    'dad is 82 and wakes up gasping most nights, has to sit on the edge of the bed till it settles',
    'my ICD gave me a shock this morning while gardening, feel ok now',
    'gym client, 62, went grey and breathless on the rowing machine with a hand on '
    'his chest, settled after sitting',
    "nan's ankles have swollen over two weeks and she's puffing going up the stairs now",
    "heart failure and my weight's up 2 kilos since sunday, ankles ballooning",
    'mum, 80, used to walk to church no problem, this month she stops every few steps to catch her breath',
    'my heart goes so fast sometimes and everything goes dark, happened three times this month',
    'started new tablets for my blood pressure last week and i keep nearly fainting when i stand up',
])
def test_what_holdout118_and_119_found_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'bent double over the veg patch all afternoon, lower back sore',
    'childbirth was easier than this ikea wardrobe lol, forearms sore',
    "my sister's baby not mine, asking for her - is tummy massage ok for colic? my shoulders ache",
    'usual migraine, same pattern for years, pain behind my left eye, took my triptan, want a gentle routine',
    'my GP wrote a letter to work about a better chair, lower back stiff at the end of the day',
    "my heart races at bedtime, not literally, my mind won't switch off, shoulders tight",
    'flying to sydney next month, how do i avoid clots on the flight? legs are fine',
    'touch rugby on sunday, upper back stiff, no injuries',
    'pilot here, just landed after a long haul, neck and shoulders stiff from the seat',
    "the oximeter said 87 with my gel nails on, on a bare finger it's 98, neck tight",
    "my friend's ICD went off last month, she's fine, my calves are tight",
])
def test_what_holdout118_and_119_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- review 19-5 (bcd10c9..991ef54: 8 hidden, 9 false alarms): the heart-attack rule's new
# explanations (a trumpet, "for years", an antacid, the desk) hid real attacks and are gone; a
# retest that confirms a low oxygen reading; burning spreading to the jaw and both arms. And the
# other way: "no problem with breathlessness" still denies it, unfit since lockdown, hair gone
# grey, a baby's short pauses in deep sleep that a health visitor called normal, a husband
# pushing for a race, a pink gin.


@pytest.mark.parametrize("text", [
    'i play sax in a band, after the gig tonight crushing pain in my chest going '
    'into my left arm, still there an hour later',
    "took a rennie and the chest pain went but now it's back worse and i'm clammy and sick",
    "oximeter said 89, tried again and it's 87, i'm breathless just talking",
    "the burning in my chest is going up into my jaw and down both arms, i'm clammy",
])
def test_what_review_19_5_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'no problem with breathlessness or chest pain, just tight hamstrings from cycling',
    'get out of breath on the stairs since lockdown, unfit, calves tight',
    'my hair went grey this year lol, chest day at the gym tomorrow, shoulders sore',
    'my husband keeps pushing me into a half marathon, knees ache already',
    'coughing up pink stuff after a pink gin fizz lol, throat sore from laughing',
])
def test_what_review_19_5_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- review 19-6 (991ef54..ac98edd: 24 hidden, 11 false alarms): a change told from a denied past
# ("gone from … no bother to stopping every few yards") is now (negation.py reads the "to" of
# such a change as the end of the denial; "no problem with/to X" denies as before); no
# explanation for a baby going blue (a few seconds, deep sleep, a reassurance before it got
# worse); "unfit" explains no new breathlessness; only the hair goes grey; a partner who pushes
# against a door; a bone ache worst lying in bed; pink mucus. And the other way: a forearm's
# burning, a puppy's leg, a hard mattress.


@pytest.mark.parametrize("text", [
    'my 7 week old went blue round the lips for a few seconds while feeding and is floppy now',
    'health visitor said it was normal but my 6 week old keeps going blue round the '
    "mouth and it's happening more",
])
def test_what_review_19_6_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "mum's gone from walking into town no bother to stopping every few yards to get her breath, this month",
    'went from no problems on the hills to breathless after a few steps over the last few weeks',
    'unfit since the baby came but now i stop every few steps to catch my breath, getting worse this month',
    'my dad went grey and clutched his chest on the rowing machine at the gym',
    "my boyfriend pushes me against the door when he's drunk, my back still hurts",
    "ache in my thigh bone that's worst lying in bed, six weeks now",
    "coughing up pink mucus since yesterday, i'm on apixaban",
])
def test_what_review_19_6_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'burning in my forearm that goes down my arm after typing all day, mouse arm',
    'no problem swallowing or breathing, just a stiff neck from sleeping funny',
    "my puppy is 4 months, and won't use his back leg after the park, my own "
    'shoulders are tight from the lead',
    'hip bone aches lying in bed because the new mattress is rock hard, glutes tight',
])
def test_what_review_19_6_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- review 19-7 (ac98edd..30b2084: 2 hidden, 9 false alarms): the "to" of a change ends a
# denial only after "gone/went from" — not "back from the GP, no need to…", "home from hospital,
# no plans to…", "from the scan, no evidence to suggest…"; a dog in the room is no pet's limb; a
# bike at the lights is no exercise; hair gone grey in other words; a massage therapist's push.


@pytest.mark.parametrize("text", [
    'my 9 month old cries when i bend his right leg, the dog knocked into him yesterday',
    'my heart flutters a few times a week, even sitting on my bike at the lights, never had it checked',
])
def test_what_review_19_7_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'back from the GP, no need to worry about a clot she said, calves just tight from running',
    'home from hospital after the op, no plans to do anything silly, just stiff shoulders',
    "from what the scan showed there's no evidence to suggest a fracture, wrist a bit sore",
    'my hair has totally gone grey since i started lifting, went grey, shoulders sore after leg day',
    'my massage therapist pushes me down into the table so hard, back is tender today',
])
def test_what_review_19_7_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))
