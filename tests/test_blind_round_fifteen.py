"""Session 22: the second readings of the session's mending (reviews 21-9, 22-1, 22-2) and the
blind children's sets (holdout126, holdout127), worded afresh here with decoys beside them — a
question's list of signs is someone's when a person, a state or a now is told with it; an
emergency happening now to someone else counts whoever the routine is for, told by an onset and
not by a lasting condition, a joke or an event over; excuses (asleep, feeding well, happier, a
washing machine, a GP, fasting, a pet, a checked head knock) that a real sign overrules; and the
children's and teenagers' signs the checklist cannot ask about."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")


# Review 21i (278f3af..ec25bfa): a question, then someone's signs, whatever else the text says
# ("of course", "wondering", "curious", "training" are no reason to read them as asked about).
@pytest.mark.parametrize("text", [
    "what are the symptoms of a stroke, my mum's mouth has gone lopsided and she can't get her "
    "words out, i'm wondering whether to ring",
    "what are the signs of meningitis, my lad is floppy with a rash that won't fade under a "
    "glass, of course it's a saturday",
    "what are the signs of a heart attack, my dad has crushing pain in his chest spreading to "
    "his jaw, he's just back from football training",
    "what are the early signs of sepsis, grandad is shivering, mottled and not making sense, "
    "curious what you think",
    "what are the symptoms of a stroke, face drooping on one side and slurred words",
])
def test_a_question_then_someones_signs_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# A list of signs asked about, with the reason given, is not had.
@pytest.mark.parametrize("text", [
    "what are the signs of a stroke, face drooping, arm weakness, speech problems? want to know "
    "in case it ever happens to my nan",
    "what are the warning signs of meningitis, a rash that doesn't fade, a stiff neck, a "
    "headache? asking because there's been a case at school",
    "what are the symptoms of sepsis, confusion, blotchy skin, fast breathing? saw an advert at "
    "the bus stop, my shoulders are tight",
    "what are the signs of a heart attack, chest pain going into the arm, sweating? doing my "
    "first aid at work course next week",
    "what are the main symptoms of a clot, a hot swollen calf, breathlessness? just so i know, "
    "flying to spain next month",
])
def test_a_list_of_signs_asked_about_with_a_reason_is_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # grief with giving up, whatever the GP, the tablets or a fast
    "since my husband passed i've been tapering off my antidepressants on my own, barely "
    "eating, what is the point of any of it",
    "since dad died in june i don't see the point of getting up, the gp can see me next month",
    "since jean went i can't see what the point is, not had a decent meal in weeks",
    # a change in mind that a better mood does not explain
    "gran has been a different person since friday, doesn't know where she is, sleeping well "
    "though",
    "mum hasn't been herself since monday, talks to people who aren't there, she's happier "
    "in herself though",
    "dad has been like a different man this week, accusing the carers of stealing, more energy "
    "than usual",
    # weight lost with no reason given
    "lost nearly two stone in four months since i stopped, not trying, just no appetite",
])
def test_what_review_21i_found_hidden_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a child and a pod, a machine nearby
    "my 2 year old chewed a laundry capsule while i was filling the washing machine, his lips "
    "are foaming",
    # medicine drunk from the bottle, told in slang
    "caught my toddler with the calpol bottle, he's necked loads of it",
    "my daughter glugged the nurofen straight from the bottle, no idea how much",
    # a baby's breathing: an excuse does not hold against a fever or every breath
    "4 month old grunting with every breath while he sleeps, feels boiling hot",
    "my 6 month old grunts when breathing in her sleep and she's hot and clammy",
    # choking told as no air going in
    "my boy choked on a grape and can't get any air in, he's going red",
])
def test_what_review_21i_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "our dog choked on a rawhide chew and went quiet, the vet got it out, my neck is stiff "
    "from the stress",
    "the cat was choking on a hairball and went silent for a bit, she's fine, shoulders tense",
    "since my daughter went to university i'm not eating much, can't be bothered to cook for "
    "one, neck aches",
    "since my son went travelling the house is quiet, upper back tight",
    "a washing pod split in the drum and dyed everything blue, back sore from the ironing",
    "lost a stone since i stopped drinking lager, feel great, hamstrings tight",
])
def test_review_21i_false_alarms_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_child_choking_beside_a_choking_pet_is_still_urgent():
    text = "my toddler is choking on a sweet and going blue, the puppy is choking on a toy too"
    assert verdict(text) == "urgent", flag_ids(screen(text))


# An emergency happening now to someone else is told whoever the routine is for: the writer
# asks for their own neck, but their father's face has just dropped.
@pytest.mark.parametrize("text", [
    "my dad's face has dropped on one side and he can't speak properly, i'm so stressed, my "
    "neck is killing me",
    "sorry this is long, my husband is suddenly slurring and his arm is flopping, anyway my "
    "shoulders are tight",
    "my mum's lips are going blue and she's struggling to breathe, i need something for my "
    "back after lifting her",
    # asking whether to call is not help already there
    "my wife's face has gone droopy on the left and she is slurring, do i ring 999? my "
    "shoulders are in knots",
])
def test_an_emergency_happening_now_to_someone_else_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my dad had a stroke last year and i look after him now, my back aches from lifting",
    "my mum has angina and uses a spray, i'd like a routine for my own stiff neck",
    "my uncle has chest pain and the ambulance is on its way, my neck is stiff from the stress",
    "my husband is in hospital having tests for chest pain, i can't settle, need to calm down",
    "my mate thinks he's having a heart attack every time he opens his bank app, my upper back "
    "is tight",
    "just watched a film where a woman gets a sudden thunderclap-worst-ever headache, my own "
    "head is fine, shoulders tight",
    "i'm 79, the gp has adjusted my blood pressure tablets because of dizziness, lower back stiff",
])
def test_someone_elses_history_or_care_already_there_is_not_urgent(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# holdout126 (children round 3): a baby who sweats and tires at feeds (a heart's first sign).
@pytest.mark.parametrize("text", [
    "my 10 week old gets really sweaty when he feeds and keeps stopping to get his breath, "
    "each bottle takes nearly an hour",
    "quick one about my own back, but also my 6 week old goes clammy during breastfeeds and "
    "seems wiped out after a few minutes",
])
def test_a_baby_who_sweats_and_tires_at_feeds_sees_a_doctor(text):
    assert verdict(text) == "see_doctor", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "baby gets a bit sweaty feeding in this heatwave, otherwise thriving and gaining well",
    "my 3 month old is a slow, dreamy feeder, takes an hour sometimes, gaining well, health "
    "visitor happy",
])
def test_a_warm_or_slow_feeder_who_is_thriving_is_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# holdout126: a limp with no fall told of anyone (no age given), and decoys of a massage.
@pytest.mark.parametrize("text", [
    "he's been hobbling about since the weekend, hasn't hurt it as far as we know, says his "
    "hip aches",
    "the pain is only ever in his left knee and now he's limping and won't run at all",
])
def test_a_limp_with_no_injury_sees_a_doctor(text):
    assert verdict(text) == "see_doctor", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "limping a bit after yesterday's half marathon, calves tight, no fall",
    "our puppy has been limping since tuesday for no reason, my back is sore from lifting him",
    "she fell off the trampoline friday, checked at a&e, all fine. she wants her usual back rub",
    "we do massage stories at nursery, could you give a little rhyme for each stroke?",
    "i'm 71 and lifting my grandson into his high chair all week has done my lower back in",
])
def test_a_limp_explained_or_a_massage_word_is_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 22a (57a2287): an emergency now in someone else is told by an onset; a lasting
# condition, a habit, a joke, a story or help already there is not one.
@pytest.mark.parametrize("text", [
    "my partner has a crushing pain in his chest and feels clammy and sick, my lower back is sore",
    "a lad at work has just collapsed by the vending machine, my neck is tight from the desk",
    "my mum's mouth drooped and her hand went numb about 15 minutes ago, she's on the sofa, my "
    "shoulders ache",
    "my sister's got a headache like she's been hit with a bat, it came on in the last few "
    "minutes, i need a neck routine",
])
def test_an_onset_in_someone_else_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my grandad has alzheimers and is muddled, i'd like a hand massage for myself",
    "my aunt is in a nursing home and is confused most mornings, my shoulders are tight",
    "my husband is partly paralysed since his stroke, my back hurts from helping him up",
    "my daughter has cerebral palsy and can't walk, my lower back aches from lifting her",
    "my uncle can't speak a word of welsh haha, my neck is sore after the drive",
    "my brother is having a stroke over the football score lol, my legs ache",
    "a colleague collapsed at work yesterday with chest pains, he's fine now, i'm shaken",
    "my wife has a bad back, i've just got a stiff neck",
])
def test_a_lasting_condition_a_joke_or_an_event_over_is_not_urgent(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# A question's list of signs with a person or a now told after it is someone's, now.
@pytest.mark.parametrize("text", [
    "what are the signs of a stroke, lopsided smile, weak arm, muddled words. asking cos my "
    "grandad has all of these right now",
    "what are the symptoms of sepsis, shivering, blotchy, confused, want to know before i "
    "phone 111",
])
def test_a_question_then_signs_had_now_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "just back from the vet, my neighbour's boy is choking on a sweet and can't breathe",
    "my 2yo found a burst liquitab, it's all over her face and hands, she seems ok",
])
def test_what_review_22a_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "gran seems brighter this week but keeps ringing me at 4am thinking it's the afternoon",
    "since my wife died i'm fasting most days and i don't see much point in cooking",
])
def test_what_review_22a_found_hidden_sees_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 2 month old gets sweaty on the bottle and takes about an hour, piling on weight and smiley",
    "my 6 week old gets sweaty at feeds, skin to skin, i'm exhausted but she's gaining well",
    "limping after a kick on the shin at 5 a side, no fall but got a boot on it",
])
def test_review_22a_false_alarms_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# holdout127 (children and young people, round 4): signs a parent notices, worded afresh.
@pytest.mark.parametrize("text", [
    "our little boy was born last night and his skin already looks yellowish, he's very sleepy",
    "my 4 mth old has gone floppy and grey and won't wake for her bottle",
])
def test_holdout127_emergencies_are_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 4 year old shoved a raisin up his nostril at nursery, i can see it but it won't come out",
    "my daughter put a bead in her ear yesterday and it's still stuck, she's fine otherwise",
    "in the flash pictures from the party one of his eyes is glowing white, the other is red, "
    "he's 2",
    "my baby boy is 6 months and one side of his scrotum is still flat, nobody has said anything",
    "her cough comes in fits and she whoops when she breathes in, been going 3 weeks",
    "my 7 week old has a snuffly cold and is only taking half her usual bottles",
    "my 6 year old snores really loudly and stops breathing for a bit then gasps, he's so "
    "sleepy at school",
    "hit a wall in a temper, my knuckle has sunk right down and my hand is swelling",
    "my 2yo lives on milk, about 7 beakers a day, and she looks so pale and tired",
    "19, been stinging when i wee since a hook up last weekend, some discharge too",
    "my lad is 16 and has given up rugby, doesn't see his friends, says there's no point in "
    "anything, sleeps all day",
    "my 16yo is smoking cannabis and says the neighbours are talking about him through the wall",
    "15 and i drink before college most days to get through it, hands shake in the mornings",
    "newborn had a tricky delivery, shoulder stuck, and her left arm just hangs there",
    "period's 10 days late after sex without a condom and i've a niggly pain low on one side",
    "10 weeks old, sweaty head on the bottle and puffed out, she's dropped two centile lines",
])
def test_holdout127_signs_see_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "she fell off the sofa on monday, the gp checked her over and said all fine, she's back to "
    "her usual self, baby massage tonight?",
    "my 8 year old gets achy legs some nights, both legs, fine in the morning, running about",
    "tongue's bright blue from a blue raspberry ice pop lol, he's 6, wants his feet rubbed",
    "cradle cap again, yellow flaky crust on her head, not red, midwife says oil and a rub",
    "he was choking with laughter at the clown, now he won't settle for bed, back rub ideas?",
    "banged his head at football in september, fully checked, all clear, now tight calves",
    "quoting my discharge letter: all normal, no follow up. shoulders tight from the worry",
    "had a drip in my hand last week, tiny bruise, hands ache from knitting",
    "a coughing fit cracked a rib 3 weeks ago, x-rayed, my neck is seized from holding still",
])
def test_holdout127_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 22b (2353380): an onset told as a past event or a state, a lasting word beside a plain
# onset, and the new rules' words in ordinary life.
@pytest.mark.parametrize("text", [
    "my mum's mouth went droopy on one side and her words are slurred, anyway my back is sore",
    "my husband is grey and sweaty with chest pain going into his jaw, my neck is tight",
    "my brother collapsed playing five a side and he isn't breathing right, my knee hurts",
    "my wife keeps clutching her chest saying it's crushing, she's clammy, my shoulders ache",
    "my son's lips are swelling up after a peanut biscuit and he's wheezy, my neck is stiff",
    "nan has alzheimers but this morning her face dropped and her arm is weak, my back aches",
    "my dad is always healthy but his face has just gone lopsided and he can't talk",
])
def test_review_22b_emergencies_in_someone_else_are_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "baby rolled off the sofa, the 111 nurse said fine but now she's been sick three times",
    "our little girl was born at 5am today and she's already looking yellow",
])
def test_review_22b_babies_are_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "growing pains in both legs but she's sore in the daytime too, she's 7",
    "my 7 month old boy, i can only feel one ball in his sack",
    "my 5 month old has been coughing in fits for 10 days, goes red and throws up after",
    "my 4 month old has bronchiolitis and is drinking about half what she normally does",
    "it stings when i pee and there's a discharge since a one night stand, also my nose is blocked",
])
def test_review_22b_signs_in_other_words_see_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "what are the signs of a stroke, face drooping, arm weakness, and what to do? for my first "
    "aid course",
    "my son is at the dentist right now and his lip has gone numb, my neck is stiff",
    "first day back at work and my fingers are stained yellow from turmeric, wrists sore",
    "water stuck in my ear after the pool, shoulders tight",
    "the cat's eyes glow white in every flash photo, my wrist hurts from the camera",
    "the dog's ball has been missing for days, neck sore from searching the hedges",
    "my whoop says my recovery has been poor for 3 weeks, hamstrings tight",
    "her milk was too cold so she only took half her bottle, my arms ache from rocking",
    "my partner snores so loud i end up gasping with laughter at night, neck stiff",
    "my knuckles have gone red and raw from the heavy bag, shoulders sore",
    "we milk 40 cows a day on the farm, i'm tired and my forearms are sore",
    "a colleague fainted in the canteen today and it rattled me, shoulders up round my ears",
])
def test_review_22b_false_alarms_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 22c (c1fc015): what the writer feels does not end what is happening to someone else;
# a story, a joke, a run or a dentist does; a past stroke does not explain a droop right now.
@pytest.mark.parametrize("text", [
    "i'm so shaken, my uncle just collapsed in the garden and isn't breathing properly, my "
    "back is tight",
    "feeling drained today. my wife's face has suddenly dropped and she's slurring",
    "this has scared me, my daughter is fitting and it's been 5 minutes, my neck is sore",
    "my grandad had a stroke years back but right now his mouth is drooping and he can't talk",
    "grandma has dementia and is clutching her chest, she's grey and sweating, my back hurts",
])
def test_review_22c_emergencies_are_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 2yo has a cold and pushed a bead up her nose, i can see it but can't get it out",
    "everyone's eyes are red in the flash photos except my daughter's, her right eye looks white",
    "in every photo of my baby both his pupils look white instead of red",
    "we live on a dairy farm and my 18 month old drinks 7 cups of cow's milk a day, so pale",
    "my 6 week old is too young for the whooping cough jab and coughs in fits then whoops",
])
def test_review_22c_childrens_signs_see_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my boss is having a heart attack about the deadline today lol, my neck is stiff",
    "in the film today the hero's face dropped and he collapsed, anyway my shoulders are tight",
    "watched a documentary this morning where a man collapsed, my hips are tight",
    "my son collapsed in laughter this morning when i fell over, my hip is sore",
    "my wife is gasping after her 10k this morning, my calves are sore too",
    "nurse here, this morning a patient went grey and clammy with chest pain, my feet ache",
    "our puppies were born last night, one is a yellow lab, my back aches from the whelping box",
    "my son is at the dentist and half his face has gone numb right now, my neck is stiff",
    "a colleague collapsed at work with chest pains today, i'm shaken up, shoulders tight",
])
def test_review_22c_false_alarms_are_not_urgent(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# Review 22d (b620eb9): a joke, "no drama", a series of workouts or an exercise does not hide
# someone down and not breathing or a plain onset beside it; a past stroke's weak arm is not
# made new by "I just want".
@pytest.mark.parametrize("text", [
    "after her parkrun she collapsed and isn't breathing, i only wanted a calf stretch",
    "haha my shoulders are wrecked but honestly my dad's face has just gone droopy and he's "
    "slurring",
    "no drama but my brother just collapsed in the hall and won't wake up, my knee hurts",
    "neck sore from a series of workouts, my husband's face just dropped and he can't speak",
    "i'm a patient at the physio and the man next to me is clutching his chest and is grey",
    "my back is sore. also my mum is grey and clammy and has crushing chest pain",
])
def test_review_22d_emergencies_are_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my dad had a stroke 4 years ago and his left arm is still weak, i just want to massage his "
    "shoulder for him",
    "my son is fitting his new kitchen and my back aches from helping him",
])
def test_review_22d_false_alarms_are_not_urgent(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# Review 22e (b74a694): a new sign after an old stroke overrules it; a deep sleep told with a joke
# is no collapse.
@pytest.mark.parametrize("text", [
    "my dad had a stroke years ago and his arm has gone weak again this evening, my neck aches",
    "nan had a stroke 5 years back and just now her speech has gone funny, my back is sore",
])
def test_review_22e_a_new_sign_after_an_old_stroke_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my husband is unconscious on the sofa after his night shift lol, snoring, my back aches",
    "my son is out cold after an all night gaming session haha, dead to the world, my neck hurts",
])
def test_review_22e_a_deep_sleep_told_as_a_joke_is_not_urgent(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))
