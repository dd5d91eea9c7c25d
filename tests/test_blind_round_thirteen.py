"""Session 20: holdout120 (the racing mind, round 9) — what it found hidden, worded afresh
here with decoys beside them; and the safety check that now asks everyone about a life in
danger, self-harm and harm at home, and asks the mood questions whenever a word touches the
mind (the check answered: 4 of 108 missed where rounds 5–8 missed 17–29)."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.answers import Answers


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")


@pytest.mark.parametrize("text", [
    "the voice keeps telling me i have to walk out onto the dual carriageway to prove i exist",
    "my heart started hammering while i was watching telly, then i came round on the floor. "
    "still racing",
    "my son is sure his teacher is an impostor and he has been sharpening knives in his room",
    "chopped into my forearm too deep on purpose, it's gaping and i can see yellow fat",
    "she keeps shouting that shell kill me, i'm locked in the bathroom with the baby",
    "posted the library books back, cancelled my phone contract and paid off what i owed. "
    "feel fine now the decision's made",
    "rang everybody tonight to say i love them. i have everything i need in the drawer",
    "sat right at the edge of the quarry for hours today and worked out how i would do it",
    "there's a rope in my car boot and i've picked the tree. neck tight",
    "drinking heavily for years, stopped 3 days ago, now he had a fit and doesn't know where he is",
    "dad quit drinking two days ago and now he is talking to people who aren't in the room",
])
def test_what_holdout120_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "5 nights on maybe 3 hours and i feel incredible, bought a van on finance for the new business",
    "been up since friday and honestly sleep is for the weak, written 30 poems",
    "my partner hasn't slept more than an hour or two a night all week and says he's on a mission",
    "my flatmate is up repainting at 4am, talking so fast, says she's about to be famous. "
    "she's asked me for a shoulder rub",
    "new anti-sickness tablet since monday and i can't sit still, pacing all night",
    "client 34M, PHQ-9 24, item 9 endorsed, denies plan. home relaxation routine please",
    "my 6 year old said his stepdad holds his head under the water in the bath",
    "my niece says her mum's boyfriend squeezes her neck when they're alone",
    "nothing has been enjoyable since march, i've stopped answering my friends, i just lie there",
    "my brother hasn't left his room for weeks since the redundancy, stopped shaving",
    "i put a lighter to my arm again last night when the noise got too loud",
    "i punch my legs when i get overwhelmed, covered in bruises",
    "my son is 3 weeks old and i keep getting flashes of him falling down the stairs",
    "since what happened at that party i can't stand anyone behind me and i've stopped going out",
    "since the fire i keep losing whole chunks of time and at night i'm right back in it",
    "i don't really see the point of anything anymore. lower back",
    "honestly wouldn't care if a bus hit me. not going to do anything. back",
    "the council put a chip in my tooth and they listen through it",
    "coke most weekends and the comedowns last 3 days now, dark thoughts by tuesday",
    "i'm scared i'm going to hurt my husband, i threw a mug right next to him last night",
    "my wife had our daughter 2 months ago, she's stopped laughing and says she's a terrible "
    "mother every day",
])
def test_what_holdout120_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


# Decoys: the same words in everyday lives.
@pytest.mark.parametrize("text", [
    "4 nights on maybe 6 hours because of the new puppy, shoulders tight",
    "been up since 5am for the flight, neck stiff from the plane",
    "my partner asked me for a neck rub after his long shift",
    "started a new tablet for my blood pressure, feeling fine. calves tight",
    "client completed a PHQ-9 last year, scored 4, mood fine now. neck and shoulders",
    "we put the baby's head under the tap to rinse the shampoo, she loved it",
    "took my usual hayfever tablet, a bit drowsy as always. sinuses",
    "would a scalp massage help or make a migraine worse? just curious",
    "returned my library books and paid off the credit card, feeling organised. shoulders",
    "sat at the edge of the pool for ages watching the kids swim, lower back aches",
    "my husband says he'll kill me if i eat the last biscuit lol. neck",
    "sharpening the kitchen knives before the roast, forearms ache",
    "my heart raced at the end of the 10k and i felt great. calves",
    "big knotty veins? no, my legs are fine, just tired calves after the hike",
])
def test_the_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- The safety check: questions asked of everyone, and the mood questions when the mind is
# touched. Each case is the text a blind set missed with the old checklist; with the new one,
# the person's truthful "yes" reaches the question that stops the routine.
@pytest.mark.parametrize(("text", "question", "expected"), [
    ("some nights i think my family would be fine without me. neck's stiff", "mood.self_harm",
     "see_doctor"),
    ("bit of a rough week, neck sore", "mood.danger_now", "urgent"),
    ("my stepdad won't let me out and takes my money. shoulders tight", "mood.harmed",
     "see_doctor"),
    ("my pupil keeps coming in hungry and flinches. i'm a teacher, back is tight", "mood.harmed",
     "see_doctor"),
    ("smoking a lot more weed lately, back is tight", "mood.dependence", "see_doctor"),
    ("the adverts on the bus are speaking to me about my mission. back a bit tight",
     "mood.perception", "see_doctor"),
    ("since the assault i have nightmares most nights. neck stiff", "mood.not_coping",
     "see_doctor"),
    ("my heart flutters some evenings when i'm anxious. shoulders", "mood.heart_spells",
     "see_doctor"),
    ("panicky and i can't sleep, lower back sore", "mood.acted", "urgent"),
])
def test_a_yes_to_the_question_asked_stops_the_routine(text, question, expected):
    asked = [q.id for q in screen(text).questions]
    assert question in asked, asked
    assert screen(text, Answers(questions={question: True})).verdict == expected


def test_a_sore_ankle_gets_the_three_questions_of_everyone_and_no_more():
    asked = [q.id for q in screen("twisted my ankle playing netball").questions]
    assert [q for q in asked if q.startswith("mood.")] == [
        "mood.danger_now", "mood.self_harm", "mood.harmed"]


# --- Review 20-1 (f7088ea..bf0924f: 18 hidden, 8 false alarms), mended; worded afresh.
@pytest.mark.parametrize("text", [
    "sliced my leg on purpose last night, it won't stop bleeding and the edges are apart",
    "did it again with a blade, it's really deep and i can see fatty stuff",
    "my heart went crazy racing at the gym then i hit the deck and came to with people round me",
    "the voices say i have to step off the platform tonight to prove im real",
    "he says god chose him and he must walk into the sea tonight to be cleansed",
    "my daughter thinks i'm an imposter and she keeps a knife under her pillow",
    "my ex keeps texting hell kill me and the kids",
    "he'll murder me if he finds out where we are",
])
def test_what_review_20_1_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "stopped bleeding from my gums but now there's blood when i wee",
    "she's been up till 3am every night redecorating, maxed out her cards",
    "my flatmate says i've been talking a mile a minute and not sleeping for days",
    "her boyfriend dunked my son's head in the sink to shut him up",
    "the gp said my phq9 was 22 last week",
    "new antipsychotic since friday and i feel like i'm crawling out of my skin",
    "my brother's been hearing voices since his meds were changed",
])
def test_what_review_20_1_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the tattoo artist went too deep on the outline, it's a bit sore today. forearms",
    "sports massage went too deep yesterday, yellow bruise on my calf today",
    "on a mission to get fit, swimming out to the buoy tonight with the club. shoulders",
    "phq9 2 and gad7 3 at my review, neck tight from the desk",
    "new tablets for my blood pressure, can't sit still at my desk because my back aches",
    "paid off all my debts at last, weight off my shoulders, cancelled the credit card",
])
def test_what_review_20_1_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_headache_alone_is_not_asked_about_voices():
    asked = [q.id for q in screen("throbbing headache behind my eyes since lunch").questions]
    assert "mood.perception" not in asked and "mood.danger_now" in asked


# --- holdout121 (a twelfth mix): what text alone missed, worded afresh, with decoys.
@pytest.mark.parametrize("text", [
    "my brother's had a skinful and now he won't wake up, snoring really weird",
    "out of nowhere it hit me in a second like a hammer, never had a pain like it",
])
def test_what_holdout121_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "van door slammed on my foot on tuesday and i still can't put much weight on it",
    "had a spinal for my section and now my head is worse when i sit up, better lying flat",
    "haven't been for 12 days now even with prunes, belly bloated",
    "my husband shoves me around when he's had a drink, shoulder sore",
    "i shake every morning until i've had a can. drinking most nights",
    "i keep hearing voices that tell me what people think of me",
    "back pain under my ribs on one side, burns when i wee and i'm hot and cold",
    "dad's 74, his memory is getting worse this year and he's started shuffling",
])
def test_what_holdout121_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "growing pains in both legs at night, the gp said so, he's running about fine in the day",
    "every twinge is cancer in my head, the doctor checked my back and said it's muscle",
    "had an epidural with my first baby eight years ago, lower back a bit stiff today",
    "had a few drinks last night and slept like a log, woke up fine. neck stiff",
])
def test_the_holdout121_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- Review 20-2 (bf0924f..62edc79: 35 hidden, 19 false alarms), mended; worded afresh.
@pytest.mark.parametrize("text", [
    "my heart was going like mad on the bike then i dropped and came to on the floor",
    "he's been drinking vodka all night and now he won't come round",
    "my skull felt like it split in a split second, never had anything like it",
    "the voices want me to go into the river tonight",
    "she got a voice message saying she's dead if she goes to the police",
    "my sister has a dog lead in her room and told me she's found the beam",
])
def test_what_review_20_2_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "started metoclopramide and can't sit still, pacing, my back aches from it",
    "back pain and no urge to go to the toilet since this morning",
    "pulse still 166 an hour after my run, sitting down now",
    "my phq-9 came back at 20 last month",
    "gad7 score of 18, neck tight",
    "growing pains only in his left leg and he limps in the day",
    "pee stings and there's pain under my ribs on the left, hot and cold",
    "not been to the loo properly for 11 days, prunes not helping, bloated",
    "up every night until 4 redoing the garden, not tired at all",
])
def test_what_review_20_2_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "i can't wake up in the mornings however much coffee i drink, neck stiff",
    "had a few beers and my snoring kept the whole house up, neck stiff",
    "cutting carbs again to lose the fat round my middle, hips stiff",
    "back on a cut to drop body fat, lower back tight from deadlifts",
    "had my ears syringed and can hear voices again, neck tight",
    "dad shuffles a bit since his hip op, wants a calf rub",
    "plantar fasciitis, can't put much weight on my heel first thing, eases after a few steps",
    "came to the physio on the bus today, neck stiff",
    "heart pounding doing burpees then i hit the deck for press ups, calves tight",
    "my physio pushes me around the gym every week, hamstrings wrecked",
])
def test_what_review_20_2_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# --- holdout122 (harm at home and people at risk, round 1): text alone it missed 60 of 108,
# with the check answered 1 (the question of harm at home asked of everyone). Some of what
# the text missed, mended as data and worded afresh here, with decoys.
@pytest.mark.parametrize("text", [
    "hiding in the garage, he's driving round looking for me. neck killing me",
    "there's a gun in the garage and he keeps saying he'll use it on me",
    "30 weeks, he shoved me into the table an hour ago and my tummy has gone hard",
    "my husband punched me in the head last night and today i keep being sick",
])
def test_what_holdout122_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my wife belts me when she's had a drink, neck's sore",
    "my boyfriend put a tracker on my car and checks the mileage every night",
    "he moved all our money into his account and i have to ask him for cash",
    "my 9 year old says her swimming coach told her it's their secret",
    "nan has a bruise on her cheek and her son answers every question for her",
    "my ex keeps sending flowers to my work with notes, i never gave him the address",
    "my brother-in-law said he'll break my legs if i don't pay",
])
def test_what_holdout122_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my toddler headbutted me by accident during a cuddle, jaw a bit sore",
    "a boy in my class says his mum always hits him, turns out he meant at uno",
    "we're planning a surprise party for mum, the kids know it's our secret. neck tight",
    "my physio hit me with a tough session, hamstrings sore",
])
def test_the_holdout122_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "he tells me what i can wear and who i can see. shoulders tight",
    "my grandad's carer shouts at him and he's scared of her. hands",
])
def test_harm_at_home_the_text_does_not_read_is_asked_about(text):
    """The check asks everyone about harm at home; a yes stops the routine."""
    asked = [q.id for q in screen(text).questions]
    assert "mood.harmed" in asked, asked
    assert screen(text, Answers(questions={"mood.harmed": True})).verdict in ESCALATED


# --- Review 20-3 (62edc79..cede936: 24 hidden, 24 false alarms), mended; worded afresh.
@pytest.mark.parametrize("text", [
    "my boyfriend throttles me when we argue, throat sore",
    "she squeezed my neck until i couldn't breathe, headache since",
    "my flatmate drank a whole bottle of rum and won't wake up, breathing really slow",
    "my husband pulls a knife on me when he's angry",
    "locked in the bathroom with my son, he's punching the door",
    "in my car with the kids down the road, he smashed the place up and i can't go back",
    "28 weeks, he pushed me against the wardrobe this morning and my belly's gone rock solid",
])
def test_what_review_20_3_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "he burnt me with a cigarette last night, shoulders tight",
    "my wife stamps on my feet when she's angry",
    "my step dad makes me keep secrets and i'm scared to go home",
    "my ex found out where i live now and sits outside in his car",
    "my phq9 was 5 last year, now 22",
    "the man at the swimming club gives my 8yo sweets and told him not to tell me",
])
def test_what_review_20_3_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "she grabbed my arm to stop me slipping on the ice, shoulder sore",
    "my brother punched me on the arm for a laugh, dead arm",
    "my dad hit my car reversing out of the drive, neck a bit stiff",
    "my carer pushed me up the hill in my wheelchair, shoulders stiff",
    "my boyfriend pinned me at bjj last night, neck stiff",
    "we got mum a present for her birthday and it's a secret, my 6 year old can't stop giggling",
    "my daughter has secret santa at school, her teacher said don't tell anyone. knee sore",
    "my ex lives on the next street and walks past most days, neck sore",
    "there's a gun in the cabinet at my uncle's farm, he says he'll teach me clays",
])
def test_what_review_20_3_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_fall_last_month_in_pregnancy_is_for_the_midwife_not_an_emergency():
    text = "22 weeks, slipped in the garden last month, belly goes hard now and then with braxton hicks"
    assert verdict(text) == "see_doctor", flag_ids(screen(text))


# --- Review 20-4 (cede936..992cc97: 15 hidden, 6 false alarms), mended; worded afresh.
@pytest.mark.parametrize("text", [
    "my girlfriend choked me last night, throat hurts",
    "he punched me on the head and i've been sick twice",
    "got punched in the face at the bus stop, head pounding and i threw up",
    "he kicks me in the belly and i'm 22 weeks pregnant",
    "my housemate passed out drunk and won't respond, breathing very slowly",
])
def test_what_review_20_4_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my partner beats the kids and me when he drinks",
    "my ex found my new address and keeps turning up",
    "scored 22 on the depression questionnaire at the gp",
    "my uncle says it's our secret and i can't tell my mum",
])
def test_what_review_20_4_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my physio holds me down on the plinth for the stretch, hamstring tight",
    "my husband holds me down and tickles me, ribs ache from laughing",
    "my wife pushed me into the pool as a joke, lower back twinge",
    "at bjj my partner strangles me in the drills, neck stiff",
])
def test_what_review_20_4_found_falsely_alarming_is_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))
