"""Session 24: holdout132 (pregnancy, birth and the year after, round 5) and holdout133 (head,
neck, jaw, face and eyes, round 5) finished, and the second reading of session 23's last
mending (review 24-1): exclusions that had grown too wide around a stroke, new patterns
that read ordinary sentences as signs. Worded afresh here, with decoys beside them."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")


# The weeks after a birth: the mother's own body and mind, told in her words.
@pytest.mark.parametrize("text", [
    # postpartum psychosis: meanings only she can see, a mission, no need of sleep
    "4 days since he was born and I don't need sleep at all, the car number plates are messages"
    " meant for me and he was sent for a special purpose",
    # anxiety, intrusive images, a birth relived
    "since having my son I get panic attacks nearly every day and can't leave him with anyone",
    "even when the baby naps I can't, I lie there with my heart hammering, 10 weeks of this now",
    "I keep getting flashes of dropping the baby in the bath, they horrify me, I'd never do it",
    "the delivery was terrifying, 3 months on and I have nightmares and flashbacks most nights",
    # the body: fever, a wound, a tear, a bladder, the pelvis, an epidural site
    "baby is 10 days old and I've had temperatures of 38.4 two nights running, feel rough",
    "a small hole has appeared at the end of my section scar and yellowish fluid is seeping out",
    "had a bad tear with forceps 5 weeks ago and I can't control wind or my bowels properly",
    "since the birth yesterday I can only pee a trickle and there's a swelling above my pubic bone",
    "heard a clunk in my pelvis during the birth last week and now I cannot stand on one leg",
    "where the epidural went in is swollen and red and hot 6 days later, lower back rub ok?",
    # pre-eclampsia after the birth, told in days
    "had my daughter 3 days ago, now a pounding head and flashing lights in front of my eyes",
    # waters and movements late in pregnancy, told with the weeks as a sentence of their own
    "pants keep getting wet since last night, it's clear and not wee. 37 weeks. hips routine?",
    "we always feel her hiccup at night, but since yesterday hardly anything at all. 33 weeks.",
])
def test_the_weeks_around_a_birth_told_in_her_own_words_are_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


def test_thick_meconium_waters_with_a_quiet_baby_are_an_emergency():
    text = ("my waters broke an hour ago and they're greeny brown, baby quieter than usual since."
            " 38 weeks. back routine while I wait?")
    assert verdict(text) == "urgent", flag_ids(screen(text))


def test_fever_with_dizziness_and_fast_breathing_after_a_birth_is_an_emergency():
    text = ("gave birth on saturday, 39.1 on the thermometer, dizzy when I stand and breathing"
            " fast, shoulders tight from feeding")
    assert verdict(text) == "urgent", flag_ids(screen(text))


# Decoys of the same family: study, household jobs, figures of speech, the bump itself.
@pytest.mark.parametrize("text", [
    "midwifery student, we had a lecture on postnatal sepsis and pre-eclampsia today. I'm fine,"
    " my neck is stiff from the lecture theatre",
    "revising the symptoms of cord prolapse and abruption for my finals, upper back tight",
    "spent the afternoon bleeding the radiators in the nursery, shoulders stiff from reaching up",
    "carrying the pram up three flights nearly broke my back, just achy, no injury",
    "my wrists ache from holding him in the rugby ball hold for feeds, he's 6 weeks",
    "my neck is stiff because I keep falling asleep upright on the sofa during night feeds",
    "my calves are tight after every run since I started training for a 10k, foam roller?",
    "my 8 month old is a heavy lump now and my lower back hates carrying him",
    "32 weeks pregnant, the flat is quiet again now my mum has gone home, hips sore",
    "33 weeks, a bit of fluid retention in my ankles and dark circles from bad sleep",
    "there's a bit of thread poking out of my section scar, midwife says it's a stitch end,"
    " healing well otherwise",
])
def test_the_same_family_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 24-1's regressions: exclusions that had hidden a stroke.
@pytest.mark.parametrize("text", [
    "her words are all slurred, i mean really slurred, it started ten minutes ago",
    "did the FAST test on my wife and her smile is lopsided, came on just now",
    "I'm on a first aid course this morning and my face has just dropped on the left",
    "I've lost sight of everything on the right side all of a sudden",
    "suddenly seeing double on the drive home after a double shift",
    "mum started mixing up her words about half an hour ago",
])
def test_a_stroke_told_beside_a_decoys_words_is_still_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "we practised stroke checks on each other at the first aid course, shoulders sore",
    "I've lost sight of why I started this degree, neck and shoulders stiff",
    "I'm seeing two of the new patients after lunch so my shoulders need sorting now",
    "carried two of the tv stands upstairs, lower back sore",
    "my arm is useless since the tetanus jab this morning, so achy",
    "I've always mixed my words up when I'm tired, I'm dyslexic, neck sore",
    "my right earbud died so I can't hear out of my right ear today lol, neck stiff",
    "had the gas safety check this morning, all fine. we both have headaches from the heatwave",
    "went to the chiropractor last week, neck a bit worse since, just stiff, nothing else",
])
def test_review_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# One side of the face that will not close its eye, and hearing gone in one ear: each pattern
# on its own (joined by "|" their gaps had chained into one sequence that never matched).
@pytest.mark.parametrize("text", [
    "can't shut my right eye properly since I woke up",
    "my left eyebrow won't lift since yesterday and tea dribbles out of my mouth",
    "cannot puff my cheeks out on the left, started this morning",
    "my right ear went deaf overnight, no cold",
    "sudden hearing loss in my left ear since the weekend",
    "woke up with muffled hearing in my right ear like it's underwater",
    "straight lines look bent in my left eye since last week",
])
def test_a_face_that_will_not_close_an_eye_and_hearing_or_sight_changes_need_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


def test_a_word_that_explains_a_sign_away_is_not_spelling_repaired():
    # "earbud" is in no sign's pattern, only in an excuse: it must still be read as itself
    text = "left earbud is dead so I can't hear out of the left ear today"
    assert "general.hearing-lost-suddenly" not in flag_ids(screen(text))


def test_a_birth_months_ago_is_not_the_weeks_after_a_birth():
    result = screen("baby's 5 months old and I haven't slept properly since she arrived,"
                    " shoulders tight")
    assert result.verdict == "ok", flag_ids(result)


# Review 24-2: the first mending of this session hid emergencies; each is worded afresh here.
@pytest.mark.parametrize("text", [
    # a session, lesson or webinar on a weekday is an appointment, not a topic learnt
    "had a session on Wednesday with my osteo and since then my calf is red, hot and swollen"
    " and I get breathless on the stairs",
    "guitar lesson on friday, since then my left hand is weak and my face has dropped",
    # a topic learnt, then the writer's own signs
    "revising the symptoms of meningitis for my exam and now I have a stiff neck, a rash that"
    " won't fade under a glass and a temperature of 39",
    # a lifelong trait beside a sudden sign
    "my husband is dyslexic but since twenty minutes ago his speech is slurred and his face"
    " droops",
    # "useless" told with the times people use
    "her right arm went useless at lunchtime, she can't lift her cup",
    # a denial of "since birth" does not excuse a sign
    "it's not been like this since birth, his face dropped on the left an hour ago",
    # spelling repair still finds the signs, not the excuses' words
    "baby not movig as much since last night, 35 weeks",
    # a wound opened with its dressing or a thread mentioned
    "took the dressing off and my section wound has burst open, something shiny poking out",
    # constant pain with a bump that has been hard
    "36 weeks, constant pain since lunch and the bump has been hard as a rock all afternoon",
    # a rugby ball to the head is a blow, not a feeding hold
    "took a rugby ball to the side of the head at training, now a headache and I've been sick",
])
def test_review_24_2_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "woke up deaf in my left ear, can't hear the phone on that side at all",
    "sudden hearing loss in my right ear this morning, feels like pressure in it",
])
def test_sudden_hearing_loss_is_not_explained_away_by_its_own_symptoms(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "29 weeks pregnant and I'm less active than usual since the pelvic pain started, hips ache",
    "31 weeks, had a pregnancy massage, hardly felt a thing it was so gentle",
    "my back muscles are tight and tender after deadlifts, spinal erectors mostly",
    "I can't raise one eyebrow, never could, my traps are tight though",
    "we bent the door frame moving the wardrobe and now my lower back spasms",
    "no more headaches since they replaced the boiler last year, just desk neck now",
    "our baby came early. 33 weeks. she's 6 months now and my back aches from carrying her",
    "baby is 4 weeks old and I'm on a mission to get her napping, shoulders wrecked",
    "my friend since having her baby gets panic attacks and checks him all night; my knees hurt",
])
def test_review_24_2_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_weeks_into_a_job_are_no_pregnancy():
    # a fever is a doctor's (see_doctor), but no emergency of pregnancy
    assert verdict("flu, 38.2 and shivery. 30 weeks into my new job and now this") == "see_doctor"


def test_since_having_a_child_the_mothers_own_panic_is_hers():
    text = "since having my daughter I get panic attacks most days and can't leave her with anyone"
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


# holdout134 (skin, lumps, wounds and swelling, round 3) and holdout135 (the back, hips and
# legs, round 5), worded afresh.
@pytest.mark.parametrize("text", [
    "spilled drain cleaner on my wrist, the skin is going grey and bubbling even after rinsing",
    "something bit my ankle in the bracken, two tiny puncture marks and my foot is swelling fast",
    "temp of 38.9 and I've come out in little purple pin spots all over my legs",
    "sliced my thumb on a mandoline and now I can't bend the tip and it's gone numb",
    "flash of flame from the barbecue, singed my eyebrows and now my voice is hoarse",
    "can't lie flat tonight, sitting up gasping and coughing pink frothy spit",
    "after the hill walk my toes are white and waxy and hard and I can't feel them",
    "my knee swelled up overnight, red hot, can't bear weight, temperature 39 and shaking",
    "legs keep giving way under me since yesterday and my back is agony",
    "mum's 72, back pain all week and today she can't feel the toilet seat properly",
])
def test_skin_and_limb_emergencies_told_by_their_effects_are_emergencies(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my wife says the mole on my shoulder has gone blotchy with two different browns",
    "my partner noticed a new raised black spot on my back, he's never seen it before",
    "client note: irregular multicoloured lesion on her left shoulder, not there last year",
    "a graze on my shin from august still hasn't closed and the edges are weepy",
    "felt a firm bit in my left breast near the armpit while rolling, not there before",
    "every time I walk to the bus stop my calves ache and it goes off if I stand still. 71.",
    "I'm 69, new pain in my left hip for 6 weeks, worse at night, and I've gone off my food",
    "the MRI showed a lesion on one of my vertebrae, waiting for more tests, ok to roll my back?",
])
def test_skin_and_limb_signs_for_a_doctor_are_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "burning the candle at both ends with exams, shoulders like concrete",
    "level 2 massage exam soon: what counts as a contraindication for varicose veins?",
    "question from my physio module: why do you ask about saddle numbness? my back's fine",
    "bum went numb on the long drive but it went the second I got out, hips stiff now",
    "can't walk down stairs properly after my first half marathon, quads screaming",
])
def test_skin_and_limb_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 24-3: the second mending's own regressions, worded afresh.
@pytest.mark.parametrize("text", [
    # a denial of what was done since the birth does not deny the birth
    "haven't slept since the birth 6 days ago and the voices keep telling me she isn't mine",
    "I haven't eaten since the birth 3 days ago, pounding headache and flashing lights",
    # a lost plug, a loss before, a baby born early before: this pregnancy's weeks still count
    "Lost my plug this morning. 34 weeks. Tightenings every 4 minutes now.",
    "My first came early. 32 weeks now and tightenings every 5 minutes since midnight",
    # a question's words, then someone's sign now
    "what counts as an emergency, my husband's face has dropped and he can't lift his arm",
    # where a wound happened is no excuse for its bleeding
    "slipped off the roof, cut my head and the bleeding won't stop",
    # a lecture, then an event
    "came out of a lecture on cardiology with crushing chest pain going into my jaw, sweating",
    "revising the signs of meningitis for my exam and I've got a stiff neck and a rash that won't fade",
])
def test_review_24_3_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "cut down my hours but still can't bend my fingers in the morning, arthritis",
    "acid reflux burning my throat last night, voice a bit croaky today",
    "something in my hip clicks when I walk, waiting for a physio appointment",
    "my son twisted his ankle at football and is limping on it",
    "new black spot on my tooth, dentist booked",
    "the sweat won't stop dripping through my top at hot yoga",
    "seeing two of the regulars tomorrow for a massage, shoulders tight",
    "student midwife, we did a session today on postnatal headaches, my shoulders are tight",
    "nursing student, CPD session on sepsis: fever, shivering, racing heart, mottled skin, I learnt loads",
    "my arm has been useless since the operation on my shoulder last week",
    "spit is a bit frothy after a hard run and I'm puffed",
])
def test_review_24_3_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_toddlers_fit_this_morning_is_news_whoever_is_massaged():
    text = "I need something for my neck. My son is 2 and had a fit this morning"
    assert verdict(text) == "urgent", flag_ids(screen(text))
    assert verdict("my toddler had a screaming fit this morning when I took the tablet away,"
                   " neck wrecked") not in ESCALATED


def test_bleeding_gums_when_flossing_with_a_cold_is_no_emergency():
    # a fever is a doctor's visit; gums that bleed when flossed are not a clotting emergency
    assert verdict("temp of 38 with this cold and my gums bleed a bit when I floss") == "see_doctor"


def test_a_prescription_collected_is_no_store_of_tablets():
    assert verdict("collecting her tablets from the chemist after work, neck stiff") == "ok"
    assert verdict("been collecting my tablets for weeks, I have 60 now and the letters are"
                   " written") == "urgent"


# holdout136 (the belly, bowels, bladder and pelvis, round 3) and holdout137 (nerves,
# numbness, weakness, dizziness and fainting, round 3), worded afresh.
@pytest.mark.parametrize("text", [
    "my umbilical hernia came out this morning and won't go back, it's tender and gone darker",
    "had my appendix out 4 days ago, belly swelling up and more painful not less, 38.5 and sick",
])
def test_belly_emergencies_after_a_hernia_or_an_operation(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "positive test last week, now twinges on the left only and some brown spotting",
    "on HRT for 3 years with no bleeds, this week a proper bleed out of nowhere",
    "feels like something is coming down below, a bulge, worse by the evening. two kids",
    "my 9 year old's tummy ache is worse on the right now and he doesn't want his dinner",
])
def test_belly_and_pelvis_signs_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a position's numbness restored as it ended, told after the day it happened ("came back
    # after a minute of walking" is not read so: of a numbness it is as often its return)
    "cycled 60 miles today, numb bits down below from the saddle, all back to normal after a shower",
    "sat on a bus 8 hours yesterday, buttocks numb when I got off but became normal after walking",
])
def test_numbness_restored_as_a_position_ended_stays_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_resolution_of_the_other_limb_does_not_end_this_ones_signs():
    text = ("the right calf is swollen, warm and tender for 4 days now, the left one is back to"
            " normal")
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


# Review 24-4: the third mending's own regressions and false alarms, worded afresh.
@pytest.mark.parametrize("text", [
    # a denied excuse does not explain the sign away
    "suddenly so short of breath, and it didn't come on after exercise, I was in bed",
    # a study list, then someone having it now
    "revising the signs of a heart attack for my module: crushing chest pain, sweating - my dad"
    " has this right now",
    # a real hoard told with where the tablets came from
    "I've been saving my pills from each prescription so there's enough to end it",
    # double vision of anything, told with its onset
    "since lunch I keep seeing two of the cat and my head feels strange",
    # a steam burn to the face with a hoarse voice
    "burnt my face on steam from the pressure cooker and now my voice is hoarse and croaky",
    # a sudden weak hand beside an old operation or a job
    "dad's hand went useless at lunch, he had a hip operation last year",
])
def test_review_24_4_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my toddler had a fit in the supermarket because I said no to sweets, neck is killing me",
    "my son had a fit of coughing this morning, fine now, my shoulders ache",
    "I picked up my repeat prescription tablets today, back is sore",
    "we're seeing two of the houses on the list tomorrow, my back is stiff from packing",
    "had a bbq yesterday and my voice is croaky from chatting all night",
    "I sleep on memory foam pillows for my reflux, stiff neck",
    "I have not moved off the sofa all day, 33 weeks pregnant, lower back aching",
    "had surgery on my shoulder in March. 26 weeks now and it still feels stiff",
    "walked over the moors, two holes in my socks and my ankles are a bit swollen",
    "I'm a chef, I cut veg all day and my thumb goes numb at night",
    "what counts as an emergency when a client has chest pain on the table? asking for my course",
    "why do you ask about saddle numbness and my bladder? just curious, I have neither",
    "for my exam I need to list the red flags of cauda equina: saddle numbness, losing bladder control",
    "grout lines look wavy after my first go at tiling, back in bits",
])
def test_review_24_4_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_question_then_the_writers_own_sign_is_real():
    text = ("why do you ask about headaches? I've had one every morning for 3 weeks that's worse"
            " when I cough and I've been sick")
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


# Review 24-5: the fourth mending's own regressions, worded afresh.
@pytest.mark.parametrize("text", [
    # a suicide plan told beside a prescription or the chemist
    "I'm going to take all my tablets tonight, just picked up my repeat prescription",
    # a question's words, then someone now, with "should I ring"
    "what counts as an emergency, my husband's face has dropped, should I ring 999?",
    # someone collapsing told beside an "if anyone"
    "not sure if anyone here knows first aid, my dad has collapsed and isn't breathing",
    # a session as the place of an event
    "sat in a lecture on cardiology this morning, crushing chest pain down my left arm",
    "sat through a webinar on pensions at work, crushing chest pain and sweating",
    # one sign passing does not end the others, and numbness "came back" is a return
    "vomited blood this morning, felt faint, back to normal after ten minutes",
    # the baby told in other words
    "bubs hasn't moved since breakfast, 36 weeks",
])
def test_review_24_5_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I keep seeing two of my regular clients on Tuesdays, my wrists ache",
    "my headache is worse on the right and I feel sick, my usual migraine",
    "my period is late, it started today with spotting and cramps like always",
    "spent ages in the steam room at the spa and now my voice is a bit hoarse",
    "new black mark on my shin after bumping into the bed frame",
])
def test_review_24_5_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 24-6: the fifth mending's own regressions, worded afresh.
@pytest.mark.parametrize("text", [
    "I've collected enough tablets to do it, tonight's the night",
    "bitten on the ankle through my socks in long grass, two puncture marks, swelling fast,"
    " feel sick",
    "the sauna stove flashed up, singed my eyebrows and now my voice is hoarse",
    "can't lie flat, coughing up pink frothy stuff, the dizziness is gone now though",
    "it hasn't kicked at all today, I'm 37 weeks pregnant",
    "please tell me if you think he is having a stroke, his face has dropped and his speech is"
    " slurred",
])
def test_review_24_6_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "they have not moved my antenatal appointment, 32 weeks pregnant, hips sore",
    "35 weeks pregnant, no movement today in my bowels, constipated and my back aches",
])
def test_review_24_6_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_changing_mole_is_not_excused_by_a_sport():
    assert verdict("my mole has changed colour and got bigger, I play football at weekends") \
        in ESCALATED


# Review 24-7: the sixth mending's own regressions, worded afresh.
@pytest.mark.parametrize("text", [
    "33 weeks with twins and they haven't moved since this morning",
    "34 weeks pregnant, no movement from my baby since lunch",
    "training session on epilepsy at work and my colleague has been fitting for 6 minutes now",
    "webinar on insulin pricing, crushing chest pain down my left arm, sweating and grey",
])
def test_review_24_7_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "have I got enough tablets for the holiday? my back aches from packing",
    "I've got enough painkillers to last the week, neck still stiff",
    "steam room at the spa, my voice is croaky after, shoulders relaxed",
    "my neck pain moved to the right and I feel a bit sick from the co-codamol",
])
def test_review_24_7_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))
