"""Session 17: the thirty-first second reading (3bf1779..b3ea545, the medicine rules' last
mending) and holdout104 (children and babies told by their parents, round 2), written and
scored once blind before mending. Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.answers import Answers
from unknot.text.normal import normalise


def verdict(text: str, answers: Answers | None = None) -> str:
    return screen(text, answers).verdict


ESCALATED = ("see_doctor", "urgent")

# --- the thirty-first review (3bf1779..b3ea545: 27 hidden, 18 false alarms) -----------------
# Paracetamol counted in tablets: the count, then the drug or a tablet word (a strength, "x"
# or "of" between), then the interval — not only "2 paracetamol every".


@pytest.mark.parametrize("text", [
    "paracetamol for the toothache, 2 tablets every 2 hours even through the night since friday",
    "im doing two tabs every three hours day and night, its paracetamol, period cramps",
    "took 2 x 500mg every 4 hours around the clock all weekend, paracetamol, my back",
    "four tablets of paracetamol every 6 hours since tuesday for my knee",
    "3 paracetamols every 5 hours cos the migraine won't shift",
    "co codamol, 2 tabs every 3 hrs since last night for my back",
    "3 x 500mg paracetamol five times a day for my hip",
])
def test_paracetamol_counted_in_tablets_past_the_limit_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "2 paracetamol every 4-6 hours, no more than 8 in a day, lower back ache",
    "my dad takes 2 tablets every 4 hours of ibuprofen in the daytime and paracetamol at night, "
    "his knee aches",
    "after the op I had 2 paracetamol and 1 codeine every 6 hours, 3 tablets each time, stomach "
    "fine",
])
def test_paracetamol_within_the_limit_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# A medicine stopped: only the drug the clinician stopped, the one kept, or a supply sorted
# explains it — not any gel, any "doctor said", any switch or "except" elsewhere.
@pytest.mark.parametrize("text", [
    "ran out of my carbamazepine yesterday, I've been rubbing voltarol gel on my shoulder",
    "no keppra left since sunday, the doctor said to order a repeat but the surgery is closed",
    "my neurologist changed my dose but I've stopped taking my lamotrigine altogether",
])
def test_an_epilepsy_medicine_stopped_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my cardiologist took me off bisoprolol in the spring, heart fine, tight calves from running",
    "gave up everything except my epilepsy tablets when I started the new diet, stiff neck",
    "the gp switched me to propranolol from atenolol, shoulders tight",
    "forgot my lamotrigine at home but my mum brought it over, got an emergency supply too, "
    "neck ache",
])
def test_a_medicine_stopped_by_a_clinician_kept_or_resupplied_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "on lithium, taking paracetamol instead of ibuprofen for my sore back",
    "on lithium and my back aches, I have co-codamol rather than nurofen",
])
def test_a_painkiller_that_is_not_an_anti_inflammatory_on_lithium_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "on hydroxychloroquine for lupus, bent over to tie my laces and my back twinged",
    "on quinine for cramps, my toes bent right back in the night with the cramp",
    "plaquenil for my rheumatoid, knuckles are a bit bent, sore hands",
])
def test_bent_without_sight_on_hydroxychloroquine_or_quinine_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "on hydroxychloroquine 6 years, the tiles in the bathroom look wavy now",
    "plaquenil for RA, bits of words vanish when I read the paper",
    "hydroxychloroquine for years, peoples faces are blurry in the middle",
    "taking quinine for night cramps, had a g&t and a gin and tonic at the weekend, ears still "
    "ringing today",
])
def test_hydroxychloroquine_or_quinine_harms_told_otherwise_are_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "new water tablet since may, stood up too fast, went dizzy and slipped on the hall floor",
    "amlodipine started last month, lightheaded getting up and I slipped over in the kitchen",
])
def test_a_slip_when_dizzy_on_blood_pressure_tablets_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "type 1, came to on the kitchen floor after a low, no memory of it",
    "t1d, low in the night, my husband had to give me glucose gel and couldnt wake me at first",
    "insulin user, hypo at the shops and the security guard had to help me, don't remember any "
    "of it",
])
def test_a_severe_hypo_told_otherwise_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "type 2, dont remember when my shoulder started hurting",
    "diabetic, can't remember the last time I had a proper massage, back knotted",
    "type 1 and I'm a paramedic, lower back sore from lifting patients",
    "diabetic, slept through my alarm, couldn't wake up this morning, neck stiff from the pillow",
    "type 2, my wife had to help me up off the sofa, my back went",
])
def test_diabetes_and_ordinary_words_are_not_a_severe_hypo(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "on apixaban, had beetroot for dinner on saturday and my wee is still red on tuesday",
    "on warfarin, big purple marks on my legs, don't know where they came from",
    "taking cefalexin and I've broken out in itchy bumps on my chest",
    "type 1, nurse took me off the insulin drip and now at home my sugars are 26 and I'm so "
    "thirsty",
])
def test_bleeding_a_rash_or_a_high_sugar_on_medicines_told_otherwise_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the neighbours watch me day and night, I've covered the windows, can't sleep",
    "people from the church watch me constantly, everywhere I go, they know things",
])
def test_being_watched_all_the_time_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


def test_a_parent_watched_all_the_time_is_for_a_doctor_when_massaged():
    text = "mum is sure the neighbours watch her all the time, she won't go out, shoulders tight"
    assert verdict(text, Answers(subject="someone_else")) in ESCALATED


@pytest.mark.parametrize("text", [
    "I've lost time at work because of my sciatica this year, want stretches",
    "losing time at work with this frozen shoulder, the desk makes it worse",
])
def test_time_lost_at_work_to_a_bad_back_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_blackouts_that_lose_time_at_work_are_for_a_doctor():
    text = "I'm losing time at work through these blank spells, end up at my desk with no idea how"
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


def test_children_minded_by_a_seventeen_year_old_are_not_an_emergency():
    text = ("we went to a wedding do and left the kids on their own till midnight, our 17 year old "
            "looked after the little ones")
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- holdout104: children and babies told by their parents, round 2 ------------------------

def test_an_age_written_as_one_word_is_a_number_and_a_unit():
    assert normalise("my 6wk old and 9mths").words >= {"6", "week", "9", "months"}
    assert normalise("2yrs and 10yr old").words >= {"2", "years", "10", "year"}


@pytest.mark.parametrize("text", [
    "5wk old very floppy and won't take the bottle",
    "baby's cry has gone weak and squeaky, not like her, and her feet are icy and a bit blue",
    "my 4 month old is mottled all over his legs and has a temp of 38.5, whimpering",
    "8 month old screaming in bouts every 10 minutes, goes grey and quiet between them",
    "toddler passed a poo like redcurrant jelly, been really unsettled",
    "first time he's done it: he went stiff and jerked for a minute and now he's so sleepy, 2 "
    "years old, temperature 39.4",
    "little spots on his tummy like bruises, the glass won't make them fade, temp 38.7",
    "son is 10, says a sudden pain in his private parts that started in PE, pale and sick",
])
def test_a_parent_s_emergency_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "only two wet nappies since breakfast and it's teatime, 4 month old, bit off her milk",
    "nappies a lot lighter today, 9 month old with a tummy bug",
    "my 2 year old has had her head leaning to the left for 10 days, won't straighten it",
    "sore throat last week, now he holds his neck stiffly and cries if he looks up, 6 years old",
    "baby hasn't managed a poo without a suppository since birth, 4 months, belly always bloated",
    "pinprick red dots on her arms and her gums bled when she brushed, 5 years old, no fall",
    "health visitor wants a paediatrician to see her because her head measurement jumped, 4 "
    "months",
    "breathing about 60 a minute since last night and feeding less, 6 week old",
    "he says he wishes he could vanish, 13, not himself for weeks",
    "her belly has been swollen for a month and she's lost weight, 2 years old",
    "my 7 year old says it burns when she wees and it smells strong",
    "daughter, 8, back ache for a month and walking stiffly, no fall",
    "lad, 11, limping for weeks, knee sore, points his foot out when he walks",
    "newborn's feeds getting shorter, weak sucking, fewer wet nappies today",
])
def test_a_child_s_warning_sign_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 3 year old goes floppy like a rag doll in the car seat every time, pure tantrum",
    "worried about meningitis rashes and glass tests, just asking for the future, she's fine",
    "his top gums are swollen where the teeth are coming through, 10 months, dribbling",
    "she's running a fever of excitement for the party, calming massage?",
    "stopped eating crusts and anything green, typical 5 year old, stiff neck from the car",
    "bumped her forehead on the table, a small lump that went down overnight, rub her shoulders?",
    "my son's a lazy lump on the sofa all summer, 14, lower back aches",
    "a knot in her shoulder from the cello case, it softens when I press, 12",
    "my 9 month old slept awkwardly and was stiff turning her head this morning, turning fine "
    "by lunchtime, gentle neck and shoulder stroke?",
    "wee man bumped his heid, nae sick, nae sleepy, back playing",
])
def test_their_everyday_twins_are_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "just want a gentle shoulder stroke for my nan, she had a stroke this morning and her face "
    "droops",
    "dad's arm went weak and his speech slurred an hour ago, can I do a soothing hand stroke",
])
def test_a_stroke_told_beside_a_massage_stroke_is_still_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# "can't remember" alone was confusion (urgent): "can't remember when it started" is not.
@pytest.mark.parametrize("text", [
    "shoulder's been sore for a while, can't remember exactly when it started",
    "can't remember the name of the exercise the physio showed me, lower back tight",
    "I can't remember the last time I had a proper night's sleep, jaw clenched",
])
def test_not_remembering_a_date_or_a_name_is_not_confusion(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "bad headache and I can't remember things from an hour ago",
    "head pounding since lunch and I can't remember how I got to the shop",
])
def test_not_remembering_what_just_happened_with_a_headache_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# --- the thirty-second review (b3ea545..e1996a8: 25 hidden, 28 false alarms) ---------------
# The children's rules are gated on a baby or a child named ($infant_named, $child_named),
# not on a bare "weeks", "months" or "he's"; a word of the sign does not stand in for a
# second one.

@pytest.mark.parametrize("text", [
    "my legs went all mottled sitting by the radiator for weeks, calves sore",
    "been weepy for months, crying at odd adverts, and my feet are always cold",
    "for months my calves feel like jelly when I step off the bar stool",
    "two months of night cramps, fits of it every few minutes, wife pulls my toes",
    "neck went stiff after 30 minutes at the desk, the temperature in the office is freezing",
    "months into marathon training, breathing faster on hills and sweating buckets, hamstrings",
    "he's 52, a plasterer, neck hurts to look up at ceilings",
    "my wee lad's knee hurts after football, can I rub it",
    "my son had asparagus and his wee smells funny lol, knees ache from growing",
    "sore back for years, stings when I wee too, it's thrush again",
    "lower back aching since day one at the new warehouse job",
    "tiny spots on my chin and a nosebleed when the heating's on, tight shoulders",
    "my head is too big for most cycling helmets haha, neck aches on long rides",
    "diabetic, was reading on the sofa and woke up on the sofa with a stiff neck",
    "type 2, keeping sugar under 30 grams a day, sore knees",
    "a glass of wine won't make it go away any more, lower back aching",
    "on paracetamol when needed, the physio wants 3 x 12 squats every 4 hours",
    "back aches from bending to change my 1 year old's nappies all day",
])
def test_what_the_thirty_second_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 5 month old went floppy in the car seat and I can't wake her properly",
    "she goes floppy every time I try to feed her, 6wk old, hardly waking",
    "teething but his cheek is swollen up to his eye and it's closing, fever 39.2",
    "she had a temp of 39 and her whole body was jerking for 3 minutes, 3yo, first time ever",
    "had a febrile convulsion last year, today another fit lasting 7 minutes, temp 40",
    "11mths old screaming on and off every quarter of an hour, knees to his chest, goes grey",
    "blood and mucus in her nappy and screaming in bouts, 7mths",
    "his cry has gone shrill and he's grey and cold to the touch, 2mths",
    "type 1, sugars 29 and throwing up since midnight, breathing heavy",
    "taking co-codamol for my hip and lemsip max on top for this cold, since friday",
    "been having 1g paracetamol every 2 hours for the toothache since yesterday",
])
def test_what_the_thirty_second_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "ran out of my lamotrigine on friday, still taking my bisoprolol though",
    "doctor said to come off the propranolol slowly but I stopped it dead on sunday",
    "on apixaban, had beetroot for tea the other day and my wee's still red",
    "diabetic, my bms are 26.8 and I feel awful",
    "type 1, sugar came down a bit but still 25 after the correction dose",
    "type 1, the meter just says HI and I'm weeing constantly",
    "my 5wk old only had 2 wet nappies today",
    "lots of little pin-head red spots on her legs and her gums bleed, 6yo",
    "my 3 year old's tummy has been swollen for a month and she's off her food",
    "I'm losing time at work for no reason, hours gone and no idea where",
])
def test_what_the_thirty_second_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


# --- holdout105: the belly, bowels, bladder and pelvis, round 2 ----------------------------

@pytest.mark.parametrize("text", [
    "peed red twice today, no pain, definitely no beetroot, 71 and I smoke",
    "my pee looked like cola this morning, didn't eat anything odd",
    "62, haven't had a period in ten years and there was a bit of pink when I wiped",
    "58F, LMP 6 yrs ago, PV spotting x2 this month",
    "Client 57F, bloating daily for 3/12, early satiety",
    "my 7 year old hasn't had a poo in 9 days, tummy bloated and off his food",
    "pain from my left side down towards my groin, comes in waves, feels the same as my kidney "
    "stone did",
    "Pt 41M, recurrent LIF pain, PR bleeding x4 last month",
    "client 74M, visible pulsation in the epigastrium, smoker",
    "my belly's been getting bigger for 3 months like I'm pregnant but I'm not, and my arms are "
    "thinner",
    "aching low on my left for a month, pressure, and my periods have gone all over the place",
])
def test_a_belly_bowel_bladder_or_pelvic_warning_sign_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


def test_a_child_screaming_at_a_speed_bump_with_pain_low_on_the_right_is_urgent():
    text = ("my 10 year old has been sick, won't eat, pain now low on the right, cried out when we "
            "went over a speed bump")
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my stomach is rock hard from 150 sit ups a day for a challenge, abs burning",
    "threw up at the finish of my half marathon, green from the spirulina shake, fine now",
    "peed pink after a big bowl of borscht, that's the beetroot, belly full",
    "broke my tailbone falling off my bike in 2019, healed up, just aches after long drives",
])
def test_their_everyday_twins_are_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# Left from the thirtieth review (session 16), mended now.
@pytest.mark.parametrize("text", [
    "I've run out of all my tablets bar the inhaler, including my epilepsy ones",
    "started hydroxychloroquine 9 years ago for my lupus, now the door frames look wavy",
    "started lithium back in 2017, now a new tremor and the runs",
    "been on warfarin since 2012, bruises popping up out of nowhere this week",
    "a man's voice keeps telling me I'm useless, nobody else is in the room",
])
def test_a_medicine_started_long_ago_is_still_taken_and_its_harms_count(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "had quinine for cramps years ago, now ringing ears from gigs, neck stiff",
    "was on lithium years ago, stopped it in 2015, lower back sore",
    "my inner voice keeps telling me to rest, nobody else is in the office, neck tight",
])
def test_a_medicine_long_stopped_or_an_inner_voice_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- the thirty-third review (e1996a8..4c18047: 28 hidden, 12 false alarms) ----------------

@pytest.mark.parametrize("text", [
    "our 10-month-old screams every 10 mins, knees up, and goes grey in between",
    "my 4-month-old has a funny high pitched cry and her hands are mottled and icy",
    "my 2 year old has a weird moaning cry, his feet are ice cold and he's very sleepy",
    "my daughter is 1, she's mottled with a weak cry and cold feet",
    "ds2 has a temp of 39.8 and his whole body was jerking, didn't respond for 2 minutes",
    "type 1, bgl 29 and I've thrown up four times",
    "T1D, b/g 31.2mmol, vomiting since lunch",
    "type 1, blood sugar 36 and spewing all night",
])
def test_what_the_thirty_third_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 6-year-old says it burns when he wees and it smells strong",
    "hv says his head has jumped two centiles and she's referring him, 5 months",
    "my right ovary area has ached for 2 months and my periods are much heavier",
    "my wee is the colour of coke today, back aches",
    "sharp pain in my side running down towards my privates, comes and goes every 15 mins",
    "constipated for 6 weeks since a trip to spain, 61, tummy sore",
])
def test_what_the_thirty_third_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "used to take co-codamol for my back but stopped in the summer, now lemsip for this cold",
    "it is 4 weeks since the funeral, crying fits and cold hands, shoulders in knots",
    "it is 6 weeks since I joined the gym, breathing fast on the bike, 40 a minute, calves tight",
    "been constipated 4 days, belly bloated, the lad next door says prunes",
    "had a fit years ago as a teenager and it is the same as my normal now, neck stiff",
    "had a clot in my calf 3 years ago, it is like before now, no swelling, calf stretches please",
    "my groin aches on the side after running, comes in waves when I stretch my hip flexor",
])
def test_what_the_thirty_third_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout106: skin, lumps, bumps, rashes, bruises and wounds, round 2 -------------------

@pytest.mark.parametrize("text", [
    "my hip op scar has started to smell and there's green gunk on the dressing",
    "pulled a tick off my leg after a hike, now a red ring round it like a target, getting bigger",
    "a bruise on my shin keeps getting bigger and I never knocked it, gums bleeding too",
    "a scabby spot on my ear that bleeds, crusts over again and never heals, since the spring",
    "type 2, a blister on my heel from new boots turned into an open sore I can't feel",
    "my so-called fatty lump has doubled and gone firm, nobody has checked it",
    "dad's bed-bound and there's an open sore on his bottom, the nurse isn't coming till monday",
    "a band of blisters from her spine round to her belly on the left, it burns, 81",
    "started new tablets last week and now an itchy rash all over my back",
])
def test_a_skin_warning_sign_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my toddler pulled a pan of hot water over her arm, skin hanging off, bigger than my hand",
    "caramel burn on my wrist has gone white and leathery",
    "took a new painkiller an hour ago, my lips and eyes are swelling and breathing is hard",
    "tongue swelling up since starting lisinopril this week",
    "since the new gout tablets my skin is peeling off in sheets, eyes sore, fever",
    "cut my finger on a fish hook, red streaks racing up my arm, 39.6 and I've vomited",
    "the red patch on my thigh spread really fast overnight, skin going dark, pain unbearable, "
    "feel like I'm dying",
    "her foot went suddenly cold and white, I can't find a pulse and she's in agony",
])
def test_a_skin_emergency_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "got blonde streaks put through my hair, scalp tight from the foils",
    "prickly heat last week in the sun, gone now, shoulders stiff",
    "a graze on my knee still weeping a bit, want a hamstring stretch",
    "mum has a pressure sore on her heel that the district nurse dresses, hands ache",
    "the band of blisters on my side is crusting over, GP diagnosed it and I'm on the tablets",
])
def test_their_everyday_skin_twins_are_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout107: nerves, numbness, weakness, dizziness and balance, round 2 ----------------

@pytest.mark.parametrize("text", [
    "sciatica for 2 months, less pain now but I can't get up onto my toes on the left and my foot "
    "slaps the pavement",
    "52M, L5 radiculopathy 6/52, new DF weakness 4/5, worsening",
    "whenever I look up at the ceiling I go lightheaded and my vision goes blurry, neck aches at "
    "the back",
    "my lower lip and chin on the left have been numb for 6 weeks, no dentist",
    "grandad's had 3 falls this fortnight, says his legs just go",
    "started ciprofloxacin last week and now both feet are pins and needles all the time",
])
def test_a_nerve_or_balance_warning_sign_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my face is numbing on the right since 20 minutes and my right hand is not strong, probably "
    "just tired",
    "getting weaker since a tummy bug 10 days ago, now I can't climb the stairs and I'm short of "
    "breath",
])
def test_a_nerve_emergency_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "whacked my elbow on the car door, that zing down to my little finger, gone in seconds, neck "
    "stiff",
    "cold sea swim this morning, fingers pins and needles till I warmed up, tight shoulders",
    "filling yesterday, lip numb on one side for a few hours from the jab, jaw aches now",
    "my leg went numb after too long on the toilet scrolling, fine in 5 mins, back stiff",
    "strimmer all afternoon, hands buzzing and tingly for an hour after, fine now, shoulders sore",
    "panic attack on the bus, fingers tingly from breathing fast, GP said overbreathing, tense "
    "shoulders",
    "legs went wobbly at mile 23 of the marathon, fine after a banana, quads wrecked",
])
def test_tingling_or_dizziness_with_its_plain_cause_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- the thirty-fourth review (4c18047..044df9a: 21 hidden, 20 false alarms) ---------------

@pytest.mark.parametrize("text", [
    "my hernia op wound was healing nicely but now it's oozing yellow and smells bad",
    "knee op site, nurse cleaned it yesterday but it's still leaking pus and hot",
    "bitten by something in the garden, now a red patch with a paler middle getting wider every day",
    "huge bruise on my calf getting bigger and I never knocked it",
    "mum's bedbound, the sore on her heel has opened up and gone deep, nurses come tomorrow",
    "started perindopril and my lips and tongue keep swelling, I thought it was a cold sore",
    "had a kidney stone in 2020, pain in waves into my groin again, feels exactly the same as my "
    "last one",
    "a little voice keeps telling me I'm worthless and nobody else is in the room",
])
def test_what_the_thirty_fourth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my toddler pulled a cup of hot tea over her arm and it's blistering",
    "boiling water spilt on my son's leg, a burn the size of my hand",
    "went swimming this morning and now my foot has suddenly gone white and cold, can't find a "
    "pulse",
])
def test_what_the_thirty_fourth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "after a long hike my fingers swell and my wedding ring feels tight",
    "eczema on my hands is red raw and hot water makes it sting",
    "bruise bigger than my hand from dropping a kettlebell on my thigh",
    "hay fever, eyes swollen, took an antihistamine tablet and it helped",
    "cut back on running because my achilles is not healing",
    "type 2 diabetic with plantar fasciitis, heel sore for weeks",
    "walked through boggy fields all weekend, bum and hips are sore",
    "grade 2 hamstring tear near my bum, physio says massage is ok now",
    "he is one of those people whose breathing gets fast when stressed, 30 a minute",
    "gestational diabetes, energy levels at 36 weeks are zero, lower back aches",
    "I came off lithium in 2015, now take naproxen for my back",
])
def test_what_the_thirty_fourth_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my period pain is unbearable and I threw up twice this morning, lower back aches",
    "norovirus spread overnight through the house, everyone's being sick, back sore",
])
def test_pain_or_a_bug_with_vomiting_is_no_spreading_skin_infection(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- the thirty-fifth review (044df9a..3578bde: 28 hidden, 17 false alarms) ----------------

@pytest.mark.parametrize("text", [
    "neck pain and my grip is weak in my right hand, noticed it holding my phone to my ear",
    "sciatica and my toes catch on the stairs, it got worse after a sea swim",
    "dizzy spells for 3 weeks, the epley did nothing, getting worse",
    "grandad's had several falls, we had his eyes checked in 2021, now he's falling more",
    "my chin has been numb for 5 weeks since I had a cold",
    "the nurse says mum's heel sore is category 3 now",
    "these cuts on my shin still won't heal after 10 weeks",
    "waves of pain from my side to my groin, had a stone 4 years ago and this feels identical",
    "I'm on lithium, was on it as a teenager too, the GP gave me naproxen and now I've a tremor",
])
def test_what_the_thirty_fifth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "tummy bug 10 days ago and now my legs are weak and tingly and I'm struggling with the stairs",
    "since a virus two weeks ago my legs have got weaker and weaker, walking like a drunk",
    "knocked the kettle over onto my leg, skin came off, the patch is bigger than my hand",
    "steam from the pressure cooker caught my arm, skin hanging off",
    "had a heart attack 6 years ago and this chest tightness feels just like it did then",
    "been on co-codamol 2 every 4 hours, stopped it at lunch and had 3 lemsips since",
])
def test_what_the_thirty_fifth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 14 month old keeps falling over, she's just started walking",
    "my keys keep falling out of my pocket when I run, calves tight",
    "hiked to see three falls in the valley, legs aching",
    "my face goes tingly and flushed when I drink red wine",
    "weak and tired since a cold last week, legs stiff from yesterday's run",
    "my left arm is not as strong as my right, want to even up my shoulders",
    "my teenager's acne is bad, spots full of pus on his back",
    "walked into the coffee table, the bruise keeps spreading down my shin, heat or ice?",
    "my son burnt his tongue on hot pizza and has a little blister",
    "my 9 year old got carpet burn on his knee and it blistered",
    "I take co-codamol for my back, is it safe to have a lemsip?",
])
def test_what_the_thirty_fifth_review_found_falsely_alarming_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- the thirty-sixth review (3578bde..51ca0da: 39 hidden, 18 false alarms) ----------------

@pytest.mark.parametrize("text", [
    "had 18 paracetamol today for my shoulder, can I take more?",
    "my 6 year old spilt his hot chocolate on his lap, blisters on his thigh",
    "grabbed the baking tray without a glove, my palm's gone white and leathery",
])
def test_what_the_thirty_sixth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my cheek has been tingling for weeks, like a cold wind on it all the time",
    "numb patch on my jaw for 5 weeks",
    "mum's pressure sore on her heel is stage 3 now, she's bedbound",
    "my left leg keeps going from under me and I end up on the floor, no warning",
])
def test_what_the_thirty_sixth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my son has a blister on his hand from rowing, we ran it under hot water",
    "had flu last month, legs feel heavy when I run now, lost fitness I think",
    "used a hot water bottle on my back all night, a pink patch bigger than my hand, no pain",
    "my trainers stink and my calves are sore",
])
def test_what_the_thirty_sixth_review_found_falsely_alarming_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- the thirty-seventh review (51ca0da..73ca1d2: 8 hidden, 8 false alarms) ----------------

@pytest.mark.parametrize("text", [
    "boiling water down my leg, the red patch is bigger than my hand and blistering",
    "a patch the size of my hand on her arm from the kettle, all blistered",
    "my 4 year old grabbed a hot pan, a big blister across his palm",
])
def test_what_the_thirty_seventh_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "had a clot in my calf in 2020 and this is identical, calf swollen and hot",
    "he's fallen 6 times since the spring",
])
def test_what_the_thirty_seventh_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "walked 12 miles today and took a paracetamol, calves tight",
    "I'm 15 today and took paracetamol for cramps, back sore",
    "my 10 month old keeps falling over when she cruises round the sofa",
    "my son's new football boots gave him blisters, we soaked his feet in warm water from the kettle",
])
def test_what_the_thirty_seventh_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- the thirty-eighth review (73ca1d2..a0936af: 14 hidden, 6 false alarms) ----------------

@pytest.mark.parametrize("text", [
    "burnt my arm on the oven tray, a blister about the size of my whole hand",
    "my son scalded his leg on the kettle, blistered, he keeps rubbing it",
    "popped 12 panadol since breakfast for this toothache",
])
def test_what_the_thirty_eighth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my nan has fallen over five times this year",
    "grandad fell about 3 times last week",
    "my legs keep buckling when I walk to the shop",
    "mum's had loads of falls lately",
])
def test_what_the_thirty_eighth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the shelf fell three times this week lol, shoulders tight",
    "shares fell 5 times this month, tight shoulders from the stress",
    "my toddler fell 4 times today running about the park, he's fine",
    "hot water bottle on my back, a dry patch the size of my palm and peeling, no pain",
    "I'm 88, lots of falls in the past, none lately, neck and shoulders please",
])
def test_what_the_thirty_eighth_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- the thirty-ninth review (a0936af..92af936: 31 hidden, 12 false alarms) -----------------

@pytest.mark.parametrize("text", [
    "my girl is 4, knocked her dad's tea onto her arm, it blistered, boots gave us a cooling gel",
    "our boy (3) touched the radiator, palm blistered, I rubbed on some cream",
    "my 6 year old spilled hot chocolate on her thigh and the skin has peeled",
    "burnt the top of my foot with the kettle, blisters bigger than both my hands",
    "hot fat on my arm, the patch is the size of my hand and the skin is peeling off in bits",
    "took 15 caplets of panadol since I woke up, still got a headache",
    "swallowed 10 x 500mg paracetamol in the last 24 hours for my back",
    "I've had 32 co-codamol over the last two days, neck is agony",
])
def test_what_the_thirty_ninth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my father has fallen 4 times in the past month, his back is stiff",
    "grandma's had two falls this week, one on the way to the park, shoulders ache",
    "my husband fell 3 times chasing the dog round the garden this week, sore back",
    "Fell 5 times this week, knees bruised, lower back aching",
    "my aunt fell 4 times since the summer, shoulders tight",
    "she's had 4 falls since christmas, nothing broken, can I rub her back",
    "his legs keep giving out and he ends up on the floor, back ache",
])
def test_what_the_thirty_ninth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "dad fell asleep 3 times during the film, can I massage his shoulders",
    "I fell off 4 times at the bike park today, shoulder a bit sore",
    "legs buckling after 80 squats yesterday, the DOMS is unreal",
    "my legs buckled on the last set of lunges, quads sore",
    "my son has a blister on his heel from his new school shoes, he takes iron drops, can I rub his calves",
    "blisters on my daughter's feet from her new trainers and a tiny burn on her finger from a candle, "
    "fine now",
    "the mirror in the hall has fallen 3 times this month, shoulder sore from rehanging it",
    "I fell for it 3 times, the prank, my neck is stiff from laughing",
    "my phone has fallen off the bed 4 times tonight, neck sore from looking down at it",
    "I've got 16 paracetamol left in the packet, neck stiff",
])
def test_what_the_thirty_ninth_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout108 (older people, round 3) and holdout109 (a ninth mix: comparisons and lost
# abilities), scored at 60dae70 before mending; fresh wording of what they found -------------

@pytest.mark.parametrize("text", [
    "grandad is 88, since this morning he's confused about where he is and keeps drifting off "
    "mid-conversation. I'm writing this for him",
    "woke up and the bottom half of my right eye is dark, doesn't hurt, I'm 79",
    "my girlfriend all of a sudden can't understand what I'm saying and is talking in nonsense "
    "words, about half an hour ago",
    "the numbness in her foot has now spread from one foot to the other and she's stumbling",
    "agony in my flank going to my back and my right leg has gone cold and pale, I'm 71",
])
def test_what_holdout108_and_109_found_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Mum is 89. She has dark purple patches on both arms and her back and none of us know how "
    "she got them, no falls",
    "Res 84F, c/o new headache since yesterday per family, obs stable. Temple massage?",
    "dad's heel sore has gone black in the middle and there's a smell off it, he's mostly in bed",
    "constipated for twelve days, tummy swelling up, feel sick. 83",
    "keeps needing the loo every 20 minutes and it stings when she goes. She's 79.",
    "82M poor oral intake, reduced urine output since yesterday, family asking for a hand massage",
    "he gets up four times a night to pee and now his lower back has started aching. 72",
    "I've been forgetting things for weeks, my husband says I repeat myself to him, and the "
    "headaches wake me up and get worse every week",
    "tummy has been swollen for about a month, jeans don't do up and I'm full after a few bites. 61",
    "since I started the new blood pressure tablets both my ankles have puffed up",
    "landed on my wrist coming off my scooter on sunday, it's swollen and I can't turn a door "
    "handle",
    "my son (6) has had tummy pains for a few weeks and his clothes are hanging off him",
    "pain in my jaw that wakes me at night and my chin has gone numb",
    "my 3 year old has started walking on her tiptoes and keeps falling, her calves feel hard",
    "sore hip since I slipped on the stairs last week, getting worse, can't sleep on it",
    "I keep picturing stepping in front of a bus since the new tablets, it frightens me",
])
def test_what_holdout108_and_109_found_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "My chest feels heavy with grief since Dad died, not pain, the GP checked my heart. Can't sleep",
    "I nearly passed out laughing at the panto, anyway my feet are sore from standing, 72",
    "I'm 69 and my neck is stiff from watching the football all afternoon",
    "Dad gets confused by the remote but he's sharp as a tack otherwise. Stiff neck from his chair",
    "got a wobbly tooth, dentist on friday, shoulders are tight though. 74",
    "my neck is worse than my usual desk neck this week with deadlines, just stiff",
    "frozen shoulder, can't lift my left arm much, physio says gentle work round the blade is fine",
    "dropped my coffee over the desk, third time this week, upper back sore from hunching",
    "bit bunged up after a week of holiday food, no pain, just bloated",
    "My boy PSLE exams soon, he so stressed, shoulders tight and head pain after tuition",
])
def test_what_holdout108_and_109_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- the fortieth review (92af936..60dae70: 35 hidden, 16 false alarms) ---------------------

@pytest.mark.parametrize("text", [
    "I fell down through the attic hatch this morning, my neck is really stiff",
    "grandma fell for the 2nd time on the steps today and her neck hurts",
    "burnt the pasta and grabbed the pan by the handle, my whole palm blistered and the skin came off",
    "my scald still has not healed, it's bigger than my hand and weeping",
    "scalded my leg with the kettle, blisters from my knee up to my hip",
    "my little girl touched the oven door and two blisters came up on her palm",
    "my 7yo held a sparkler wrong, his palm has blistered",
    "my sons arm got scalded by the kettle and its blistered",
    "the steam from the steriliser burnt my baby's fingers, they've blistered",
    "my son pulled his hot chocolate onto his foot, now he can't get his shoe on because the "
    "blister is huge",
    "been taking 12 a day of the paracetamol for my back, still sore",
    "had 10x 500mg paracetamol today, shoulder is agony",
    "on co-codamol as prescribed but also taking 10 paracetamol a day on top",
])
def test_what_the_fortieth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Grandpa (81) had 3 falls in the last fortnight, the physio has him doing squats, hip aches",
    "Nan's had 4 falls this month, her knee is swollen so we've been putting ice on it",
    "my dad has fallen out of bed 4 times this week, his hips are sore",
    "mum's had 3 tumbles since new year, stiff shoulder",
    "I've gone down 3 times this week, my legs just crumple under me, back sore",
    "his legs keep collapsing under him, lower back ache",
    "she was seen by the falls clinic in spring but has had 3 more falls since, sore shoulder",
])
def test_what_the_fortieth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "bought a box of 32 paracetamol at the chemist, neck is stiff",
    "took a paracetamol at 10 this morning, shoulders still tight",
    "took paracetamol but the pain is still 10 today in my lower back",
    "gave my 10 year old some calpol today for his sore neck",
    "I'm 16 and took paracetamol for my period pain, back tight",
    "day 12 on paracetamol and ibuprofen for my back, still stiff",
    "fell 4 times at the dry slope on my first lesson, quads sore",
    "had loads of falls paddleboarding on holiday, shoulders stiff",
    "learning clipless pedals, had 3 falls this week, hip bruised",
    "our old cat had 3 falls off the sofa this week, my back's sore from bending to lift her",
    "my legs gave out at the end of the hike, calves tight",
    "carpet burn on my knee the size of my palm from five a side, it's weeping",
    "razor burn on my neck about the size of my palm, red raw",
])
def test_what_the_fortieth_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- the forty-first review (60dae70..ea01833: 18 hidden, 15 false alarms) ------------------

@pytest.mark.parametrize("text", [
    "I've taken paracetamol 11 times today for this tooth",
    "scalded my leg with the kettle from knee to ankle, blistered all over",
    "grandma has stopped making sense, she's answering with words that don't make sense",
    "the numbness began in my left foot on monday and now both my feet are numb",
])
def test_what_the_forty_first_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Grandma (86) says her wee is burning again, had thrush last year so could be that",
    "Grandad (80) gets confused by his phone lately and he's left the hob on twice and got lost",
    "this is nothing like my usual desk neck, it's constant and it wakes me up",
    "my 4 year old started walking on tiptoe and is falling a lot more, and struggles when playing",
    "Nan's hardly been for a wee since yesterday and is barely drinking, she's 88",
    "not had a poo since last friday, that's 10 days, and my belly is swelling",
    "keep getting bruises on my arms and I don't know where they're from, exhausted too",
    "dad's heel sore never healed and now it's black and smells, he's bedbound",
])
def test_what_the_forty_first_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I'm 74 and my knee hurts when I go up the stairs",
    "Golf today. 79, best round ever! Hip sore when I go downhill though",
    "not weeing as much at night since I cut out tea before bed",
    "my thighs burn all the way up the hill on my bike, want a leg routine",
    "my son sobbed all through the fireworks and now has a stiff neck from hiding under the blanket",
    "my daughter has chickenpox blisters and we've been using steam for her cough",
    "I dread the thought of stepping off the train into the crowd, neck tense from commuting",
    "my new colleague can't understand what I'm saying on calls, shoulders tense",
    "my right eye can't see as well as the left, I think I need new glasses",
    "I'm 58, bloated about once a month, shoulders tight",
    "sprained my ankle at netball, it's swollen, and I'm on new tablets for acne",
])
def test_what_the_forty_first_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout110 (the racing mind, round 6: 35 of 108 missed first) and holdout111 (sport,
# the gym, work and the outdoors, round 3: 17 missed, 1 emergency under-called), scored at
# c4b2908 before mending; fresh wording of what they found --------------------------------

@pytest.mark.parametrize("text", [
    "it'll be done by friday. I've found the place. I just want some peace until then",
    "at the bridge now. been standing here half an hour.",
    "my brother texted the family group that he loves us all and to look after each other, now "
    "his phone is off",
    "my flatmate posted 'thanks all for everything' and went offline, she's been so low",
    "my 15yo has given away his xbox and all his games to his mates and asked what happens to "
    "your accounts when you die",
    "my wife has been down for months, this week she's oddly cheerful, paid off her debts and "
    "gave her rings to our daughter",
    "she had the baby a month ago, tonight she said he'd be better off with the angels and I "
    "found her holding him at the open window",
    "forklift crushed my foot against the wall, now it's swelling fast and going tight and I "
    "can't feel my toes",
    "my labourer has been in the sun all day, he's hot and dry, not making sense and being sick",
    "after a brutal spin session my thighs are rock hard and I'm peeing cola coloured",
])
def test_what_holdout110_and_111_found_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "everyone would be fine without me honestly, I'm not going to do anything, it's just a thought",
    "I'm 79 and don't see much point in going on, I wouldn't do anything silly",
    "the people upstairs talk about me through the ceiling even when the flat is empty",
    "I'm sure the smart speaker lets my manager hear what I'm thinking",
    "a woman's voice comments on everything I do, nobody else hears it",
    "he's been up every night this week, put 10 grand into a crypto scheme, talking a mile a minute",
    "stopped my lithium last month because I feel amazing, 2 hours sleep and loads of energy",
    "cider every lunchtime since my wife's funeral",
    "taking double the pregabalin it says on the box, it runs out before my repeat",
    "one of my pupils comes in hungry every day and flinches if you raise a hand near him",
    "since the crash I keep seeing it, I can't drive and I've stopped going out",
    "I check the locks 30 times before bed and it's getting worse, takes an hour",
    "my flatmate sleeps all day, stopped going to lectures weeks ago, says she's tired of everything",
    "my grandson takes my pension card and shouts if I go out, I'm frightened of him",
    "stood up from the sofa and the next thing I knew I was on the floor, cut my chin",
    "the roadworkers' breaker makes my fingertips go white and dead when it's cold",
    "U15 fast bowlers: one has had low back pain for 5 weeks, worse when he arches, now at night",
    "sliced my hand on a rusty gate at the farm, it's deep and gaping a bit",
    "nail gun went through the side of my boot, there's a hole in my toe and it's throbbing",
    "bench pressing I felt a rip near my armpit, big bruise now and the pec looks a funny shape",
    "got bitten on the arm in a ruck on saturday, broke the skin and it's red now",
    "my calves go rock hard and my feet go numb every uphill hike, eases when I stop",
])
def test_what_holdout110_and_111_found_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I could jump off a bridge every time the wifi drops in a meeting, anyway scalp please",
    "first parkrun done, heart going like the clappers at the finish but it settled in a "
    "minute, legs sore",
    "got dumped, eating ice cream and crying at films, sleep is rubbish",
])
def test_what_holdout110_and_111_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- the forty-second review (02a9bca..5e71dd3: 11 hidden, 19 false alarms) -----------------

@pytest.mark.parametrize("text", [
    "got all my pills counted out on the table, every time i look at the kids' photo i stop",
    "he sent us a goodbye text, thanked us for everything, he retired in march, now his phone is "
    "off and his car has gone",
    "gave my son my old guitar and my dad's watch, been so low for months, weirdly calm today",
])
def test_what_the_forty_second_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "stopped my lithium even though the doctor said not to, I feel amazing, don't need sleep",
    "she came off her lithium a fortnight ago, now she's up all night with loads of energy",
    "gp said two codeine but I'm taking double that most days for my back",
    "my son hasn't slept for 4 days, talking non stop, maxed out his card on a gaming empire plan",
])
def test_what_the_forty_second_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "found a spot by the river to camp this weekend, so peaceful. back stiff from the tent",
    "finally paid off my debts, so relieved!! neck and shoulders need sorting",
    "husband said look after the kids, he's taken the car to his mum's. neck sore from the baby",
    "Thank you all for the birthday messages! logging off for a bit, back tight after the party",
    "sat at the cliff top, been here ages watching the sunset, neck stiff from the drive",
    "at the bridge, been here half an hour waiting for my mate so we can fish, knees ache",
    "3 hours sleep, booked flights to Malaga with the girls!! back stiff",
    "not slept, the baby was up all night, not even tired weirdly, neck stiff",
    "on pregabalin 75mg twice a day as prescribed for nerve pain, calves tight",
    "my son has my bank card to do my shopping since my fall, I'm scared of falling again, hips stiff",
    "since the accident I can't drive, my wrist is still in a cast, forearm tight",
    "my 9yo was starving after school because he left his lunch on the bus, legs ache from football",
    "I'm a 45 year old dancer, lower back stiff when I arch back these last few weeks",
    "a glass of wine most evenings since mum died, shoulders so tense",
])
def test_what_the_forty_second_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout112 (the racing mind, round 7: 24 of 108 missed first) and holdout113 (a tenth
# mix, as people type on a phone: 7 missed, 1 under-called), scored at 4c91da8 -----------------

@pytest.mark.parametrize("text", [
    "wrote my will yesterday, left instructions for the cat with my neighbour, nothing planned "
    "after the 20th. weirdly calm",
    "sorry for being a burden to everyone. left my keys and bank details with my brother. "
    "tonight I finally get some peace",
    "messaged all my friends tonight to say thanks for everything. it's better this way",
    "I keep picturing the pillow over my daughter's face so the crying stops, tonight I picked "
    "it up, I'm alone with her",
    "their dad turned up drunk and drove off with our 5 year old, said I'd never see him again",
    "had a satay at the new place and now my lips are swelling and my throat feels tight",
    "sudden agony between my shoulder blades like something tearing, 68, blood pressure high",
])
def test_what_holdout112_and_113_found_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "haven't needed sleep since monday, started two businesses, maxed the card on stock",
    "fourth night no sleep and I feel like a god, ideas coming faster than I can write",
    "long sleeves even in summer because of the marks on my legs, it's the only thing that "
    "takes the pressure off",
    "I pick at my scalp till it bleeds when I'm stressed, nobody knows",
    "half a bottle of gin is the only way I can sleep since the divorce",
    "smoking weed every night and a few xans to cope with the breakup",
    "my son pushes me about when he's had a drink and he's taken my bank card",
    "since my father died I hear his voice telling me I'm a failure, nobody else hears it",
    "the people next door are talking in the walls about me, plotting",
    "I don't think I love my baby, she'd be better off with someone else",
    "my little sister is 6 and hasn't been fed properly for days because dad's drinking again",
    "my partner gets rough with our toddler, grabbing and shaking his arm",
    "I cut my diazepam down from 10 to 2 myself last week, jittery and heart racing",
    "hip and groin hurt when I walk since I slipped in the kitchen last month, still limping",
    "my calves cramp walking to the bus and it goes off when I stop, smoker",
    "the resident's bed sore looks deeper and darker this week",
    "thin ribbony poos for a month and never feel like I've finished, I'm 61",
    "my 5yo keeps getting tummy aches every few days and she's lighter on the scales",
])
def test_what_holdout112_and_113_found_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "coach made us run suicides for an hour, calves toast",
    "my flatmates are going to kill me, forgot to pay the bill again lol, racing mind",
    "our dog went missing last week and I'm starting to accept he's not coming back, scalp please",
    "my face is puffy after a salty takeaway, gentle face routine?",
    "baby is 2 weeks old and I'm buzzing, best thing ever, but 4 hours sleep and my back is wrecked",
])
def test_what_holdout112_and_113_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- the forty-third review (4c91da8..f81545c: 19 hidden, 28 false alarms; the false alarms
# mended — the hidden ones wait, listed in the session note) ---------------------------------

@pytest.mark.parametrize("text", [
    "finally wrote my will now the house purchase is done, lower back stiff from signing",
    "left my keys with my brother while the boiler gets fixed, neck sore from his sofa",
    "told the dog sitter where the dog food is, off to a hen do saturday, back sore",
    "nothing planned after the wedding so I'm resting, feet sore",
    "sent everyone a message saying thanks for everything after my leaving drinks, shoulders tight",
    "my husband took the kids to the seaside in his car while I rest my back",
    "my toddler loves me throwing him on the bed at bath time, nearly pulled my back",
    "on cannabis oil from the pain clinic to cope with fibro, shoulders knotted",
    "half a bottle of prosecco at my friend's 40th to cope with the dancing lol, feet sore",
    "the scars from my knee op itch, long sleeves hide my tattoo at work, knee stiff",
    "a new bulge on the shed roof for a month since the storm, back sore from the ladder",
    "my 6 year old gets tummy aches on and off when she's bunged up, off her food till she's been",
    "eye red and achy for a few days since I got shampoo in it, getting better now",
    "the pipes are talking in the walls every time the heating comes on, back sore from the loft",
    "this new album is sending me messages fr, neck stiff from dancing",
])
def test_what_the_forty_third_review_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))
