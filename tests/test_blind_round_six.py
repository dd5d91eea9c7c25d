"""Families from five blind sets written and scored once in session 12 before mending:
holdout76 (a racing mind: stress, sleep, low mood and crisis) missed 26 of 108 red flags text
alone — a goodbye told as "sorted out who gets the cat", standing on a bridge, a car running in
a shut garage, drink with diazepam and slow breathing, voices and messages in number plates,
nights without sleep and "so much energy", a seizure taken for panic; holdout75 (skin, lumps and
wounds) missed 17, holdout78 (backs and hips) 12, holdout74 (legs, feet and circulation) 8,
holdout77 (older people and their carers) 4. Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.facts import extract_facts
from unknot.safety.questions import default_questions


@pytest.mark.parametrize("text", [
    # a goodbye, a settled plan and then calm
    "I wrote a letter to my brother last night and sorted out who takes the dog. Oddly peaceful "
    "now. Something for sleep?",
    "bye i guess. this was nice while it lasted. i'm done",
    "Got my affairs in order this week, passwords left for my wife, feel lighter than I have in years.",
    # at an edge, or means at hand
    "I'm on the bridge now. Don't know why I'm even writing this.",
    "In the garage with the engine running and the door shut. Just want quiet.",
    # drink with a sedative and the breathing slowing
    "Three gins and two of my zopiclone, now I can't stay awake and my breathing is slow.",
    # severe withdrawal told by a day count
    "Day 4 of no booze. Shaking all over and there are bugs crawling on the curtains nobody else "
    "can see.",
])
def test_a_crisis_told_in_its_own_words_is_urgent(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # thoughts of not going on, told sideways
    "honestly it would not be the worst thing if I just never woke up. not going to do anything.",
    "My kids would manage fine without me around. My neck is in bits.",
    "I'm just so tired of being here. Shoulders ache.",
    "Standing on the platform I keep thinking how easy it would be to just step forward.",
    "whats the point of any of it anymore. back aches.",
    # a mind losing touch with what is shared, or racing without sleep
    "My neighbours can read my thoughts, so I can't sleep. Tight everywhere.",
    "The messages in the adverts are meant for me and getting clearer. Can't switch off.",
    "I hear my name called in the flat when nobody is there. Can't relax.",
    "Haven't properly slept in five nights and I'm full of energy, I've cracked the secret of the markets.",
    # drink, pills, purging, harm again
    "My hands tremble every morning till I've had a drink. Want to relax without wine.",
    "I take double my prescribed lorazepam and always run out before the next script.",
    "Got some diazepam off a website, they look a bit different. Want to unwind.",
    "binge then make myself sick most evenings. can't sleep.",
    "Cutting again after a year off it. Want something calming instead.",
    "Not been out of bed much for two weeks, stopped showering, not answering the phone.",
    # the body's causes that pass for stress
    "My panic attacks are odd - I come round on the kitchen floor and I've bitten my tongue.",
    "jaw stuck half open after a yawn this morning, couldn't close my mouth for ages. clench from stress",
    "Headaches most days for three months since I started the pill. I'm 26.",
    "My heart jumps to 190 while I'm sitting on the sofa and then switches off back to normal.",
    "Some gummies from a friend on Friday and two days later I'm still paranoid and my heart "
    "won't settle.",
])
def test_a_racing_mind_with_a_sign_for_a_doctor_is_sent_there(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Finished a novel with some self-harm chapters and it shook me. Need to unwind before bed.",
    "Decluttering day: gave away two bags of clothes to the charity shop. Feeling lighter, back sore.",
    "On the bridge of my nose there's a tension headache. Need to relax.",
    "Said goodbye to my sister at the airport, feeling lighter now the visit's over, neck stiff "
    "from the drive",
    "Glass of wine with dinner, neck tight from work, want to relax.",
])
def test_a_harmless_twin_of_a_crisis_gets_a_routine(text):
    assert screen(text).verdict in {"ok", "caution"}, flag_ids(screen(text))


def test_a_guess_by_someone_close_is_not_a_check():
    # "my husband said it was indigestion" is a guess; "the GP said it was muscular" a check
    assert screen("Had chest pain last week, my husband said it was indigestion").verdict == "urgent"
    assert screen("Sharp chest pain on Monday; mum says it was wind").verdict == "urgent"
    assert screen("Had crushing chest pain last week, the GP said it was muscular").verdict == "ok"


def test_an_age_alone_as_the_first_sentence_is_read():
    assert extract_facts("71. Temples sore and my jaw aches chewing.", None).age == 71
    assert extract_facts("1. neck 2. back", None).age is None
    assert screen("72. Scalp sore when I comb it, jaw tires when I chew.").verdict == "see_doctor"


def test_coming_for_calm_asks_whether_anything_has_been_done_or_made_ready():
    asked = [q.id for q in screen("can't switch off at night, mind racing").questions]
    assert {"mood.self_harm", "mood.acted", "mood.perception", "mood.dependence"} <= set(asked)
    acted = default_questions().by_id("mood.acted")
    assert acted.verdict == "urgent"


def test_with_a_sore_place_too_the_mood_questions_come_after_the_body():
    # Session 20 changed this (it once asked only the first mood question here): blind sets
    # answered with one mood question missed 17–29 of 108 red flags, with all of them 4.
    asked = [q.id for q in screen("stressed, neck and shoulders tight, want to relax").questions]
    assert {"mood.self_harm", "mood.acted", "mood.perception", "mood.dependence"} <= set(asked)
    first_mood = min(i for i, q in enumerate(asked) if q.startswith("mood."))
    assert all(q.startswith("mood.") for q in asked[first_mood:])


@pytest.mark.parametrize("place", ["lower back", "jaw and temples", "head and neck", "neck",
                                   "chest", "calves", "shoulders and upper back"])
def test_coming_for_calm_never_pushes_a_body_question_out(place):
    # the review of this change: a second mood question took the last place from a
    # head-injury, arteritis or tearing-pain question
    plain = {q.id for q in screen(f"my {place} is tight").questions}
    calm = {q.id for q in screen(f"my {place} is tight from stress, I want to relax and sleep").questions}
    assert {q for q in plain if not q.startswith("mood.")} <= calm


def test_a_carers_own_thoughts_of_not_going_on_count_when_massaging_someone_else():
    result = screen("I'm so tired of being here lately. Mum is 80 and her shoulders ache, can I "
                    "massage them?")
    assert result.subject == "someone_else"
    assert result.verdict == "see_doctor", flag_ids(result)


def test_a_yes_to_having_acted_is_urgent():
    from unknot.safety.answers import Answers
    result = screen("can't sleep, head racing", Answers.model_validate(
        {"questions": {"mood.acted": True}}))
    assert result.verdict == "urgent"


@pytest.mark.parametrize(("text", "verdict"), [
    # a mole that has changed, told by shape, colour, size or a measurement
    ("The mole on my thigh has gone an odd shape with a notch and a black bit in it.", "see_doctor"),
    ("Mole on my back: 5mm in a photo from 2021, 8mm now.", "see_doctor"),
    ("The mole by my ear used to be a tidy dot. My wife says it's got bigger since summer.",
     "see_doctor"),
    # a sore that will not close
    ("Grazed my shin on a step at Easter and it still hasn't closed, weeps now and then.",
     "see_doctor"),
    ("spot on my nose for 4 months, shiny pearly rim, bleeds when I wash.", "see_doctor"),
    ("Ulcer inside my lip that hasn't healed in 5 weeks, I smoke.", "see_doctor"),
    ("Blood-stained discharge from one nipple for a fortnight. Shoulders tight.", "see_doctor"),
    ("Flaky red patch on my nipple for two months, only one side, creams do nothing.",
     "see_doctor"),
    ("New bruises on my legs every morning this month and nosebleeds too.", "see_doctor"),
    # what cannot wait
    ("Spilt the chip pan on my forearm, skin's gone white and leathery in the middle.", "urgent"),
    ("Bit of redness round a cut on my knee this morning, now purple and spreading by the hour, "
     "pain far worse than it looks.", "urgent"),
    ("Started new tablets ten days ago; skin blistering and coming off in sheets, mouth full of "
     "ulcers.", "urgent"),
    ("Stood on a rusty nail last week, never had a booster, now my jaw is stiff and I can barely "
     "open my mouth.", "urgent"),
    ("Shingles blisters on one side of my forehead and my eye is red and blurry since this "
     "morning.", "urgent"),
    ("Sliced my palm on a broken glass, blood won't stop after twenty minutes of pressing.",
     "urgent"),
    ("Purplish spots spreading on my arms, fever, and I feel more ill than I've ever been.",
     "urgent"),
    ("Had some pesto 15 minutes ago, lips tingling and it's getting hard to swallow.", "urgent"),
])
def test_the_skin_told_by_what_is_seen(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize(("text", "left_out"), [
    ("Crop of spots on my upper back, a few big and sore. Usually roll my upper back on a ball.",
     {"upper_back"}),
    ("Shaved in a rush, little nicks all over my shins. Calves tight.", {"calves"}),
    ("Peeling and still pink across my shoulders from the beach. Neck tight.", {"shoulders"}),
])
def test_skin_that_is_broken_or_burnt_is_left_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution", flag_ids(result)
    assert left_out <= set(result.avoid)


@pytest.mark.parametrize("text", [
    "Got a lump sum from work and I'm still stressed about money. Hands and scalp?",
    "my face feels puffy in the morning after a takeaway, gentle face routine?",
    "Me and my sister both have headaches. Hers came on suddenly and she's at A&E. Mine is the usual.",
])
def test_skin_twins_stay_harmless(text):
    assert screen(text).verdict in {"ok", "caution"}, flag_ids(screen(text))


@pytest.mark.parametrize(("text", "verdict"), [
    # legs: a leg out of shape, pressure in the muscle, a limb losing its blood
    ("came off my scooter and my shin is bent where it shouldn't be", "urgent"),
    ("Nan slipped in the hall, her leg looks shorter and the foot flops outward, she screams when "
     "we touch it.", "urgent"),
    ("Kicked in the shin at football 3 hours ago, now it's swollen hard, pain off the scale and my "
     "toes are tingling.", "urgent"),
    ("My right foot went cold, pale and numb twenty minutes ago and I can't move the toes.", "urgent"),
    ("A vein on my calf burst and it's pumping blood, still pouring after pressing for 10 minutes.",
     "urgent"),
    # legs: a doctor first
    ("Ankles getting puffier every week, pressing leaves a dent, and I sleep on 3 pillows now.",
     "see_doctor"),
    ("Left calf 'cramp' that has lasted 3 days now, doesn't release when I stretch, tender.",
     "see_doctor"),
    ("Diabetic, small sore on my heel there since the start of the month, not healing.",
     "see_doctor"),
    ("Every run, after 10 minutes my shins go tight and my feet go numb and I have to stop.",
     "see_doctor"),
    ("Mum's 84 and diabetic; one toe has gone a dusky grey and it's cold.", "see_doctor"),
    ("Bite on my arm is now a hot, hard lump the size of an egg.", "see_doctor"),
    # backs: the bladder, the climb, the nights, the young
    ("Back went on Monday. Twice today I didn't realise I needed a wee until I'd already gone.",
     "urgent"),
    ("Last wee was 7am and it's evening now, been trying and nothing comes. Back went at the weekend.",
     "urgent"),
    ("Pain a 9 today, a 7 yesterday, a 5 on Sunday. Lower back, no fall.", "see_doctor"),
    ("Week 1 niggle, week 3 ache all day, now shooting down my leg. It just keeps climbing.",
     "see_doctor"),
    ("Can't find any position that helps at night, my lower back throbs whether I'm on my side or "
     "front, for a month now.", "see_doctor"),
    ("Used the massage gun on my back every day; now it's way worse with a new sharp pain.",
     "see_doctor"),
    ("I'm 24, every morning since last spring I'm stiff like an old man til lunch, lower back and "
     "bum, better after the gym.", "see_doctor"),
    ("My 13-year-old dancer has had lower back pain for six weeks, worse arching backwards.",
     "see_doctor"),
    # older people
    ("Dad's 83 and on a weekly bone tablet. He missed a step yesterday and his back is sore low down.",
     "see_doctor"),
    ("Gran has thin bones; she bent to lift the dog's bowl and now her back hurts in a new place.",
     "see_doctor"),
    ("Over a month my legs have got weaker and weaker, both of them, feet numb, back aching.",
     "urgent"),
    ("Grandad's hot and shivering and since lunch he doesn't know who I am, breathing really fast. "
     "I usually do his feet.", "urgent"),
])
def test_legs_backs_and_older_people_told_by_effects(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Tough Mudder yesterday, legs have gone on strike, no injuries.",
    "My legs go numb if I sit on the loo too long, comes back in a minute. Lower back aches.",
    "Legs went blotchy and mottled after the ice bath, normal in five minutes. Calves tight from the gym.",
    "Wife says I'm like a bear with a sore head in the mornings. Shoulders tight. 72.",
    "Feel like I've been hit by a bus after minding the grandkids. Shoulders, I'm 67.",
    "GP says the knobbly lumps on my finger joints are arthritis nodes. Fingers stiff.",
    "Teacher, 14 years, burnt out, lower back aches.",
    "bum went numb on a long coach trip, rock hard seats, fine once I walked. Glutes tight.",
    "Gave my lovely old cat her tablets and now her paw is sore, my own neck is stiff.",
])
def test_legs_backs_and_older_twins_stay_harmless(text):
    assert screen(text).verdict in {"ok", "caution"}, flag_ids(screen(text))


def test_sudden_confusion_in_an_older_person_told_as_an_idiom_is_not_missed():
    assert screen("Mum's been away with the fairies for two days, thinks it's 1980.").verdict in {
        "see_doctor", "urgent"}


def test_her_is_the_womans_when_she_was_the_one_who_lifted_the_pet():
    assert screen("Mum has osteoporosis. She picked up the cat and now her back hurts badly, "
                  "new pain.").verdict == "see_doctor"


@pytest.mark.parametrize("text", [
    # a year that dates something else in its own clause does not put the finding in the past
    "crushing chest pain, in 2019 I had a stent",
    "I've got crushing chest pain and I had a stent put in back in 2019",
    # "my back went when…" is a back that gave way, not a symptom that went away
    "My back went when I was lifting the wardrobe on Sunday, the usual ache, and now it feels numb "
    "when I wipe and I had an accident this morning",
])
def test_a_red_flag_is_not_read_as_over_by_words_about_something_else(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


def test_words_before_a_colon_do_not_keep_a_long_past_event_going():
    result = screen("Full honesty since you ask about safety: I made a suicide attempt in 2018. I've "
                    "been well for years with my psychiatrist's support. Today it's just a stiff neck.")
    assert result.verdict in {"ok", "caution"}, flag_ids(result)


@pytest.mark.parametrize("text", [
    # a review of this session's change: each was hidden by a reading or an unless phrase added
    # to quiet a harmless twin (all withdrawn)
    "Back to my normal self apart from coughing up a bit of blood in the mornings.",
    "Back to her usual self apart from a stiff neck and she can't stand the light.",
    "I'm back to my old self except for this lower back pain that's worse at night and when resting.",
    "Back to my old self apart from the numbness in both feet and hands.",
    "She seemed back to her usual self after bumping her head, but she's been sick twice.",
    "Honestly I've been thinking about killing myself over this job.",
    "Thought about killing myself at work today, in the toilets.",
    "Had a bad episode last night and took an overdose of my sertraline.",
    "I'm in a depressive episode and I've been thinking about killing myself.",
    "My son had a psychotic episode and says he's going to kill himself.",
    "This is the last chapter for me, I've taken all my pills.",
    "Wrote goodbye letters to my kids, I'm done with all of it.",
    "Left letters for my kids and husband, I'm done with this life.",
    "Can't lie flat anymore without gasping, doctor thinks panic attacks but I'm 74 with a bad heart.",
    "I wake up gasping for breath like I've had a nightmare and have to sit on the edge of the bed "
    "until it passes.",
    "Had breast cancer 4 years ago which runs in the family, and now there's a new pain in my spine.",
    "I've got bleeding gums and bleeding round my cuticles for weeks, and I'm so tired.",
])
def test_the_review_of_round_six_keeps_these_signs(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}, flag_ids(screen(text))


@pytest.mark.parametrize(("text", "verdict"), [
    # pregnancy told in weeks written every way, and what cannot wait
    ("29w. She's normally wriggling all evening. Nothing tonight, even after a cold drink.", "urgent"),
    ("Week 34. A gush when I got up and it's still trickling, clear, doesn't smell like wee.",
     "urgent"),
    ("bright red bleeding at 30 weeks, more than a period, no pain at all", "urgent"),
    ("Tightenings every 3–4 minutes for an hour, 33 weeks, back aching with them.", "urgent"),
    ("BP 165/112 on my home monitor, 35w, bit of a headache.", "urgent"),
    ("37+1, headache all afternoon and now zigzag lights at the side of my vision.", "urgent"),
    ("Tripped on the kerb at 27 weeks, landed on my side, now bleeding and tummy cramps.", "urgent"),
    ("Day 8 after my section: fever, shivering, heart going at 125, breathing fast, the wound "
     "looks dusky.", "urgent"),
    ("Not slept in 3 days, seeing things in the corners and the voices say the baby isn't mine. "
     "1 week pp.", "urgent"),
    # and what a midwife or GP should see soon
    ("31 weeks and my left calf is hard and sore, thought it was cramp but it hasn't eased all day.",
     "see_doctor"),
    ("Baby is 4 weeks. Headache every evening this week and I'm never one for headaches.",
     "see_doctor"),
    ("The baby is 5 months and I've felt flat and empty for most of it, I don't enjoy anything.",
     "see_doctor"),
    ("Pictures in my head of dropping her on the stairs, I'd never do it. She's 6 weeks.",
     "see_doctor"),
    ("Ankles and knees swollen and hot, both sides, stiff every morning for over an hour.",
     "see_doctor"),
])
def test_pregnancy_and_the_months_after_told_by_effects(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "second trimester, round ligament twinges when I sneeze, midwife happy. Shoulders tight.",
    "Feet puffy by bedtime, both the same. 30 weeks, BP fine at my check. Foot rub?",
    "Twins! 26 weeks and my lower back aches like I'm carrying bowling balls.",
    "early days — 9wks — nauseous and tired, want something calming",
    "22w, on low-dose aspirin, shoulders tight from work",
])
def test_weeks_of_pregnancy_told_in_passing_leave_the_belly_out(text):
    result = screen(text)
    assert result.verdict == "caution", flag_ids(result)
    assert {"abdomen", "deep_pressure", "percussion"} <= set(result.avoid)


def test_varicose_veins_in_pregnancy_are_a_caution_not_a_clot():
    assert screen("28 weeks pregnant and varicose veins on my calves, legs feel heavy").verdict == \
        "caution"


@pytest.mark.parametrize(("text", "verdict"), [
    # children told by their parents
    ("My 10 year old woke with a bad pain down there on one side and has been sick.", "urgent"),
    ("Little red pinprick spots on my 2 year old's tummy that don't go when I press a glass on "
     "them, and she's hot.", "urgent"),
    ("Baby is 7 weeks, temp 38.3 under the arm, not feeding well.", "urgent"),
    ("4yo drooling, can't swallow his own spit, sitting bolt upright to breathe, high temp.",
     "urgent"),
    ("Our 10yo has a shunt. Headache since last night and he's much sleepier than normal.",
     "urgent"),
    ("My toddler bit a plugged-in charger, there's a grey burn on his lip.", "urgent"),
    ("Hot water from the kettle down my 2 year old's arm, the skin's white and blistery.", "urgent"),
    ("My 18 month old was walking fine but for 4 days he's crawling everywhere again.",
     "see_doctor"),
    ("5 week old brings up most of every feed and it shoots across the room.", "see_doctor"),
    ("My 12 yo has headaches nearly every day and takes paracetamol most days. I want to get her "
     "off them — would massage help?", "see_doctor"),
    ("My 14yo's heart went really fast during football, fluttering, then it suddenly stopped.",
     "see_doctor"),
    ("Our 7yo has brittle bones and fell off the sofa, she's holding her arm and it's tender.",
     "see_doctor"),
    ("Her knee has been puffy for 2 weeks with no injury and it's stiff first thing. 9 yo.",
     "see_doctor"),
    ("He hasn't done a poo for 9 days and his tummy is hard. 4 yo.", "see_doctor"),
    ("My 6 yo keeps having nosebleeds and tiny red pin spots came up on her legs since her cold.",
     "see_doctor"),
    ("My son is 12, in the loo constantly and he's got thinner, his jeans need a belt.",
     "see_doctor"),
    ("My 9yo told her teacher her stepdad squeezes too hard, there are marks on her arm.",
     "see_doctor"),
])
def test_children_told_by_their_parents(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Hot hard lump in my breast and 38.2, baby is 3 weeks — mastitis again I think.",
    "When I bend my neck I get an electric shock feeling down my back.",
])
def test_a_mothers_fever_and_a_nerves_shock_are_not_a_babys_fever_or_a_burn(text):
    flags = flag_ids(screen(text))
    assert "general.fever-in-a-young-baby" not in flags and "general.electrical-burn" not in flags


@pytest.mark.parametrize(("text", "verdict"), [
    # the tools and where they must stop
    ("Left calf has hurt since a long car ride, it's hot to touch and the veins feel harder than "
     "the other side.", "see_doctor"),
    ("Pregnant about 11 wks and a really bad pain low down on one side came on tonight.", "urgent"),
    ("Found a few hard bumps in my groin while foam rolling, there a few weeks, painless.",
     "see_doctor"),
    ("My arm on the side they took the lymph nodes out has started swelling this week, heavy and "
     "tight.", "see_doctor"),
    ("Hard bump on my shin that doesn't move when I push it, getting bigger over two months.",
     "see_doctor"),
    ("Been using the gun on my hip every day and it's now worse than when I started.", "see_doctor"),
    ("Blistery rash on my side in a strip, one side only, burning pain.", "see_doctor"),
    ("Lost feeling on the side of my thigh ever since I started rolling it hard every day.",
     "see_doctor"),
])
def test_the_tools_and_where_they_must_stop(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


def test_bumps_that_have_always_been_there_stay_harmless():
    result = screen("The hard bumps at the back of my head where the neck meets the skull are the "
                    "same on both sides and always have been. Usual tension headache.")
    assert result.verdict in {"ok", "caution"}, flag_ids(result)


@pytest.mark.parametrize("text", [
    # a second review (of the later rounds' change): each was hidden by a reading added there
    "Massaging my husband's back when his brother walked in and I felt a sudden crushing "
    "tightness, like an elephant sitting on me.",
    "Doing my wife's shoulders. The kids were screaming and I felt a sudden thunderclap headache.",
    "Massaging my wife's feet. When our daughter came in I noticed a droop on one side of the face "
    "in the mirror and the words came out wrong.",
    "My sister is pregnant, about 30 weeks. I'm 7 weeks with my first and have period pain low on "
    "one side.",
    "With my first I was pregnant nearly 42 weeks. This time I'm 34 weeks and getting tightenings "
    "every 5 minutes.",
])
def test_the_second_review_of_round_six_keeps_these_emergencies(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I coughed up blood this morning. I need to get him to school first, then can I do something "
    "for the shoulders?",
    "I had to help him move house and then I passed blood in the poo, what stretches for the back?",
])
def test_the_second_review_of_round_six_keeps_these_signs(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "IBS flare. 6 weeks, and the stomach cramps are worse, been sick twice.",
    "12 weeks. That's how long I've had this stomach ache.",
    "My wife is in her third trimester. I've got piles that are bleeding and bad cramps in my stomach.",
    "Burnt my finger on the pan while I was plugging the charger in, small blister.",
    "Drooling on the pillow every night and I sleep sitting upright because of reflux. Neck stiff.",
    "Night feeds are killing me, haven't slept properly since Sunday, shoulders in knots.",
    "Minor shunt on the way to work, feel a bit sick from the stress, neck is fine.",
])
def test_the_second_review_of_round_six_finds_no_emergency_in_these(text):
    assert screen(text).verdict != "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a third round (holdout82–84: long-term illness, medicines, women's and men's health)
    "swallowed most of a box of aspirin last night, ears ringing and breathing fast. shoulders tight",
    "took the rest of my zopiclone and some of my dad's co-codamol an hour ago, just want to sleep",
    "toothache so paracetamol: 2 at 6am, 2 at 9, 2 at noon, 2 at 3, 2 at 6, 2 at 9. feel sick.",
    "He's on oxycodone after his op and took extra; his breathing is slow and snory and I can hardly "
    "wake him.",
    "On apixaban. Clonked my noggin on the cupboard this morning, feel fine.",
    "on warfarin, nosebleed for 30 minutes, pinching hasn't stopped it",
    "On the pill and I smoke. Suddenly out of breath walking upstairs and a sharp stab when I breathe in.",
    "Started amoxicillin an hour ago, my lips are swelling and my throat feels tight.",
    "On chemo, mid cycle, temp is 37.7 — probably nothing?",
    "On dialysis, potassium was high last week, now my heart keeps fluttering and I feel weak.",
    "My daughter has type 1, she's been sick all morning, breath smells of pear drops, breathing "
    "deep and fast.",
    "My ICD went off three times in the last hour.",
    "My friend with epilepsy is still shaking on the floor, it started 5 minutes ago and won't stop.",
    "Took a viagra last night and it still won't go down, 5 hours now and it really hurts.",
    "Tampon in since yesterday, now 39.2, a rash like sunburn and I'm dizzy.",
    "Can't pee at all since this morning, my bladder feels like it's going to burst. 72.",
    "Sudden pain low on my left side, worst pain of my life, came on an hour ago, I'm white as a sheet.",
    "6 weeks by my dates, stabbing pain low on the right and a bit of brown blood.",
    "Baby is 6 days old, stood up and there was a gush, soaked a pad and a towel in 15 minutes.",
    "8 days postpartum with a pounding headache, zigzag lights and a puffy face.",
])
def test_a_third_round_emergency_is_urgent(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Six hours on a hard chair doing my tax return, glutes sore.",
    "Every day computer 9 hours, shoulders hard like stone.",
    "Had muscle aches on a statin last year, GP swapped it and they went within a month. Calves "
    "sore from walking.",
])
def test_a_third_round_twin_stays_harmless(text):
    assert screen(text).verdict in {"ok", "caution"}, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # the third round's signs for a doctor
    "57, no periods since I was 51, and this week a bit of pink when I wipe.",
    "There's a pea in my right boob that wasn't there last month, doesn't hurt.",
    "Brownish stain in my bra from my left nipple a few times, not breastfeeding.",
    "My pee was the colour of rosé twice this week, no pain. 66.",
    "Weak stream, stop-start, and I'm up three times a night, getting worse.",
    "Stinging when I wee since a holiday, now my knee is puffy and hot and my eyes are gritty.",
    "Feels like a ball sitting at the entrance down below when I stand a long time.",
    "Each period is more painful than the one before, for six months now.",
    "Can't feel my coil strings any more and I've had crampy pains this week.",
    "Heart failure: weight Mon 80.1, Tue 81.0, Wed 82.4, legs heavy.",
    "Kidney disease, barely peed today, legs puffier and I feel sick.",
    "Type 1, sugar dropped to 2.8 in the night and I didn't feel it coming, the sensor alarm woke me.",
    "My stoma has been poking out further than usual and there's a bulge round it when I cough.",
    "On capecitabine, my palms and soles are red, cracking and blistering.",
    "Day 4 of co-amoxiclav and watery diarrhoea 7 times today with cramping.",
    "Knee is hot and swollen and I honestly don't know what I did to it.",
])
def test_a_third_round_sign_for_a_doctor_is_sent_there(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "On tamoxifen, left calf tight and puffy since Friday, and it's warmer than the other one.",
    "right calf 41cm round, left calf 37cm, had surgery last week",
    "Eight months since my mastectomy and my arm on that side feels heavy, rings are tight.",
    "Type 2, pain in both calves walking uphill, stops if I stand still for a minute.",
    "Switched from warfarin to rivaroxaban and since then a headache nothing like my usual ones.",
    "Taking ibuprofen every day for my knee and my poo has gone darker.",
    "Gabapentin went up last month and now my ankles have swollen.",
    "Diabetic, my little toe has gone a dark colour and it smells.",
    "My sciatica has gone into the other leg as well now.",
    "Breast pain that's constant in one spot for two months now.",
    "Weak flow, stop-start, never quite empty. 70.",
])
def test_the_third_round_last_signs_for_a_doctor(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}, flag_ids(screen(text))


def test_jabs_in_both_legs_and_a_settled_side_effect_stay_harmless():
    assert screen("Her 12 month jabs went into both legs today, a bit clingy, no temperature. "
                  "Tummy massage tonight?").verdict in {"ok", "caution"}
    assert screen("My ankles swelled a bit on amlodipine; the GP lowered the dose and they've "
                  "settled. Stiff neck today.").verdict in {"ok", "caution"}
