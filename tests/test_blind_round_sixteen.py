"""Session 23: the gaps left by session 22's reviews (someone who cannot be woken or is not
breathing, told without a collapse; a DIY "fitting" and "fitting in" read as a fit; a dancer
"still on the floor") and the blind sets of the session (holdout128: time and person, round 3;
holdout129: a fourteenth mix), worded afresh here with decoys beside them."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")


# Someone down: no answer, cannot be woken, not breathing — the first-aid emergency, whatever
# came before it and whoever the routine was for.
@pytest.mark.parametrize("text", [
    "my partner is flat out on the bathroom floor and isn't responding when I shake him",
    "grandma slumped sideways in her chair and we can't wake her, she's breathing funny",
    "she's gone limp and not breathing, what do i do",
    "my brother went down at the bus stop and he won't wake up, my back is killing me too",
    "my housemate keeps passing out today and now he's unresponsive on the sofa",
])
def test_someone_who_cannot_be_woken_or_is_not_breathing_is_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my teenager won't wake up before lunch on a saturday, so my neck is tense from shouting",
    "my work laptop keeps freezing and not responding, shoulders up round my ears",
    "my lower back is not responding to the stretches the physio gave me, still stiff",
    "my clients are unresponsive to my emails this week, stressed, jaw clenched",
    "I'm not breathing deeply enough when I'm stressed, my chest and shoulders feel tight",
    "on a first aid course today, pressing on a dummy that was not breathing, wrists ache now",
    "diabetic, slept through two alarms, could not wake up at all this morning, neck stiff",
    "my husband sleeps like the dead after nights, I couldn't wake him for tea, my back aches",
    "some nights I go to bed wishing I wouldn't wake up, shoulders are tight",
])
def test_a_person_not_responding_to_a_screen_a_stretch_or_an_alarm_is_no_emergency(text):
    out = screen(text)
    assert "general.unresponsive-or-not-breathing" not in flag_ids(out), out.red_flags


def test_a_wish_not_to_wake_stays_a_thought_of_not_living_not_an_emergency():
    out = screen("some nights I go to bed wishing I wouldn't wake up, shoulders are tight")
    assert out.verdict == "see_doctor", flag_ids(out)


# "Fitting" is a fit when someone is fitting, not when a kitchen is fitted or a child fits in.
@pytest.mark.parametrize("text", [
    "spent the weekend fitting new kitchen units, forearms and lower back wrecked",
    "my daughter is struggling with fitting in at her new school, I'm stressed, neck tight",
    "fitting carpets all week, knees and lower back are sore",
])
def test_fitting_a_kitchen_or_fitting_in_is_not_a_fit(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my son is fitting in the bath and his lips are going blue",
    "she started fitting about two minutes ago and it hasn't stopped",
])
def test_someone_fitting_now_is_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


def test_a_dancer_stretching_on_the_floor_is_no_fallen_hip():
    text = "my friend is still on the floor stretching after ballet, I'm waiting, my calves are tight"
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_an_old_person_still_on_the_floor_after_a_fall_is_an_emergency():
    text = "nan fell in the hall an hour ago and she's still on the floor, says her hip is agony"
    assert verdict(text) == "urgent", flag_ids(screen(text))


# holdout128 (time and person, round 3) and holdout129 (a fourteenth mix), scored at 750cb92:
# the signs they hid, in fresh words.
@pytest.mark.parametrize(("text", "expected"), [
    # someone's emergency told as it happens, "as I type"
    ("my sister is on facetime right now and as we speak her words are coming out jumbled and "
     "she says everything is spinning", "urgent"),
    # a pressure "like someone sitting on me" with the jaw, sickness and sweat
    ("feels like somebody is sitting on me, it has crept up into my jaw and I'm clammy and sick",
     "urgent"),
    # a check last week does not cover a new, different pain tonight
    ("doctor said muscular on monday. tonight it's heavy and shooting down my left arm and I'm "
     "drenched in sweat", "urgent"),
    # the same leg as an old clot, swollen again
    ("had a clot in my leg years ago, sorted. now the same leg is puffy and tight again",
     "see_doctor"),
    # a note's client known by an initial, her age after a comma
    ("Client M, 77. Jaw aches when she chews and her scalp is sore to brush.", "see_doctor"),
    # not getting better and now waking them at night
    ("hamstring strain in spring, never got better, it's worse and now it wakes me at night",
     "see_doctor"),
    # a child's back pain every night
    ("my 13 year old's back has ached every night for six weeks, paracetamol takes it away",
     "see_doctor"),
    # new confusion, told as not knowing the day
    ("grandpa is 90 and since lunchtime he doesn't know what year it is, he's burning up",
     "urgent"),
    # a sudden headache never had before, then sick and not answering properly
    ("my uncle's head suddenly very painful, never had one like this in his life, now vomiting "
     "and can't answer me properly", "urgent"),
    # a pulsing above the belly button, then a sudden pain through to the back
    ("I'm 70 and there's a pulsing just below my belly button, and a sudden pain through to my "
     "back since this afternoon", "urgent"),
    # a nipple turned inwards, the skin dimpling when the arm goes up
    ("one nipple has turned inwards this month and the skin puckers when I raise my arm",
     "see_doctor"),
    # the paper not felt, and no wee coming
    ("sciatica since monday and now the toilet paper feels like it's not even there when I wipe",
     "urgent"),
    ("bad back for three days and tonight I stood at the loo for ages and no wee would come",
     "urgent"),
    # blood coughed up with breath that will not come
    ("coughed a bit of blood into a tissue and I can't really catch my breath", "urgent"),
    # a week or so after a birth, breath gone and the heart racing
    ("gave birth 9 days ago and suddenly I'm breathless, heart pounding, sharp pain when I "
     "breathe in", "urgent"),
    # a hand that stopped working minutes ago
    ("my left hand just stopped working while I was writing, like it belongs to someone else",
     "urgent"),
    # repeated falls told as "gone down", legs that "just give"
    ("mum is 84 and she's gone down twice this week, says her legs just give", "see_doctor"),
    # cancer years ago, back pain, legs gone wooden
    ("had bowel cancer 4 years ago, all clear. new middle back pain and this week my legs feel "
     "wooden and I keep stumbling", "urgent"),
    # tingling from the toes creeping up past the knees, weak on the stairs
    ("pins and needles began in my feet on sunday, now it's spreading up past my knees and I'm "
     "struggling to get up the stairs", "urgent"),
    # marks from a partner
    ("the bruises on my arms are from my boyfriend, he gets like that when he's had a drink",
     "see_doctor"),
    # an angina told by stopping on walks
    ("dad keeps stopping halfway up the hill holding his chest, it goes off when he stands still",
     "see_doctor"),
])
def test_what_the_fourteenth_mix_and_the_third_round_of_time_and_person_hid(text, expected):
    out = screen(text)
    assert out.verdict == expected if expected == "urgent" else out.verdict in ESCALATED, \
        flag_ids(out)


# Their decoys, in fresh words: over, a story, a figure of speech, someone's past.
@pytest.mark.parametrize("text", [
    "watched a drama last night where the dad has a heart attack at a wedding, cried my eyes "
    "out, now my jaw aches",
    "nearly had a stroke when I saw the parking fine, my shoulders are up round my ears",
    "it's 10 years today since mum's stroke, always a heavy day, neck and shoulders tight",
    "somebody fainted in the queue at the post office, staff looked after them, I'm fine, just "
    "a stiff back from standing",
    "chest pains in the summer, ECG and bloods came back normal, nothing since. tense shoulders",
    "one of my son's friends passed out at the party, paramedics are with her now and she's "
    "talking, I'm just wound up",
    "I almost fainted when a wasp flew in my car haha, my lower back is sore from the drive",
    "my character got stabbed and bled out in the game lol, my wrists ache from the controller",
    "Jo: I'm dead 😂\nSam: stop I can't breathe\nMe: shoulders please",
    "headache after the school run chaos again, the usual tension one, neck and forehead",
    "went dizzy on the waltzers, fine as soon as I got off, neck a bit stiff now",
    "I teach PE, not the clot kind lol, calves tight from demonstrating",
    "chest infection in march, antibiotics, it's all cleared now. desk back today",
    "digging in the shamba all week, my back is tired",
    "dad has alzheimer's and doesn't know what day it is most days, gentle hand massage?",
    "on holiday and I've no idea what day it is haha, shoulders stiff from the sunlounger",
])
def test_the_decoys_of_the_fourteenth_mix_and_of_time_and_person_are_no_red_flag(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_dementia_with_something_new_is_still_an_emergency():
    text = "mum has dementia but since this morning she's far more confused and burning up"
    assert verdict(text) == "urgent", flag_ids(screen(text))


# Review 23-1 (7fe8f88..d4d8034): what the mending above hid or set off, in fresh words.
@pytest.mark.parametrize("text", [
    # a place "where", not a programme
    "watching the rugby at my brother's where his father-in-law suddenly slumped and isn't "
    "breathing",
    "binge-watching in bed where my chest has gone tight and heavy and it's going into my jaw, "
    "sweating",
    # a fit, whatever word follows
    "my son is fitting all over the sofa and won't stop",
    "she started fitting out of the blue, eyes rolled back",
    # a holiday, Christmas or a known memory problem does not excuse a fit or a faint
    "boxing day and uncle just had a seizure at the table",
    "we're on holiday and dad collapsed by the pool twenty minutes ago, he's not making sense",
    "mum has dementia and she's more confused than usual since yesterday, her wee smells strong",
    # help called but hours away
    "a passer-by rang for an ambulance but they said three hours — my wife is grey and clutching "
    "her chest",
    # cancer last year, legs giving way now
    "finished treatment for breast cancer last year, back pain since the weekend and my legs "
    "keep giving way",
    # feeling lost in an arm and the face
    "lost the feeling in my right arm and face an hour ago",
])
def test_what_review_23_1_found_hidden_is_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my sciatica isn't responding to ibuprofen or heat, any stretches?",
    "the surgery is not very responsive so I'm trying massage for my knee",
    "he's dozing on the sofa, I won't wake him, can I do his feet later?",
    "out cold the moment my head hit the pillow, woke with a stiff neck",
    "I'm barely breathing by the top of the stairs lol, calves tight",
    "30 weeks and it feels like the baby is sitting on my ribs, mid back aches",
    "sweat running down my left arm in the sauna, felt a bit queasy from the heat, neck stiff",
    "first ever scalp massage, never felt anything like it before in my life",
    "ate an ice lolly too fast, sudden pain in my head, brain freeze haha",
    "my fingers went white and dead in the cold on my bike, raynaud's, hands achy",
    "I always get cramp in the same calf when I run, tight after",
    "the share price has gone down three times this month, shoulders in knots",
    "whenever I skip the routine my neck is worse the next day",
    "shy bladder, can't pee at all in public toilets, but it's my lower back that hurts",
    "my back ached all night on the camping trip from the hard ground",
    "I don't know what year I first hurt my shoulder, it's always been stiff",
    "my 2 year old can't answer me properly yet but his legs seem achy after nursery",
])
def test_what_review_23_1_found_escalated_is_no_red_flag(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_constipation_with_a_sore_back_is_no_nerve_emergency():
    """Nothing coming out on the loo, of a bowel, is no retention of urine (a week of it may
    still go to a GP)."""
    text = "constipated all week, sat on the loo for ages and nothing came out, lower back aches"
    assert verdict(text) != "urgent", flag_ids(screen(text))


# holdout130 (the racing mind, round 10) and holdout131 (medicines, round 3), scored at 909804d:
# what they hid, in fresh words.
@pytest.mark.parametrize(("text", "expected"), [
    ("I've been putting aside the tablets dad left, there's a good stash now, and I've written "
     "letters to the kids. jaw is clenched", "urgent"),
    ("checked the loft hatch will take my weight, so there's always that. shoulders in knots",
     "urgent"),
    ("my friend left me a voice note saying she wanted to hear my voice one last time and now "
     "she's not picking up", "urgent"),
    ("the voice I hear keeps telling me I must punish myself and it's getting louder tonight",
     "urgent"),
    ("haven't needed more than 3 hours sleep for a week, set up two businesses and booked flights "
     "to start a retreat, not tired at all", "see_doctor"),
    ("the neighbours are putting something in our tap water, I've taped over the smoke alarm",
     "see_doctor"),
    ("I carry steri-strips in my bag now because it keeps happening, arms mostly", "see_doctor"),
    ("my husband keeps saying we'd be better off without him and he's been giving his tools away",
     "see_doctor"),
    ("caring for mum with dementia, I lose it some nights and yesterday I shook her, I'm so "
     "ashamed", "see_doctor"),
    ("panic attacks out of nowhere, heart like a drum and I've gone grey and ended up on the "
     "floor, one just now and it's still thudding", "urgent"),
    ("on Eliquis and my toddler headbutted me in the side of the head an hour ago, bit sore",
     "urgent"),
    ("took 7 of my amitriptyline last night instead of one, heart fluttering today", "urgent"),
    ("had lip filler this morning and now the skin above it has gone white and blotchy",
     "urgent"),
    ("stopped my pregabalin cold turkey, last night I had a fit and I keep seeing bugs that "
     "aren't there", "urgent"),
    ("sertraline went up last week, now sweating, can't stop shaking and my legs keep kicking on "
     "their own", "urgent"),
    ("his depot injection was on monday, now he's rigid, boiling hot and not really with it",
     "urgent"),
    ("fell asleep on the heat pad with my fentanyl patch under me, woke up woozy and breathing "
     "slow", "urgent"),
    ("on chemo tablets for bowel cancer and I've got a temperature of 38.4 and shivers",
     "urgent"),
    ("on alendronic acid for years, aching in both thighs for a few weeks", "see_doctor"),
    ("prednisolone for 4 years for my lungs, deep ache in my right groin, limping now",
     "see_doctor"),
    ("on warfarin, banged my ankle and it ballooned within the hour", "see_doctor"),
    ("8 paracetamol a day for my knee all week and a Night Nurse at bedtime too", "urgent"),
])
def test_what_the_racing_mind_round_ten_and_medicines_round_three_hid(text, expected):
    out = screen(text)
    assert out.verdict == expected if expected == "urgent" else out.verdict in ESCALATED, \
        flag_ids(out)


@pytest.mark.parametrize("text", [
    "counsellor here: client has low mood after redundancy, no thoughts of self-harm or suicide, "
    "good support",
    "heartbroken after the breakup, chest tight from all the crying, shoulders too",
    "perimenopausal, night sweats, the GP started HRT and it's helping, neck to wind down",
    "my friend went through a dark patch last year and she's doing well now, I'm drained",
    "on wegovy, lost 2 stone, walking more, calves sore in a good way",
    "fitting new batteries into the ebikes all day at work, lower back sore",
    "nan's on antibiotics and I'm looking after her, I need something for my neck",
    "took 2 of my zopiclone instead of 1 for a few weeks now because one stopped working",
])
def test_the_decoys_of_the_racing_mind_and_medicines_are_no_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# Review 23-2 (909804d..0412331): a dash typed without spaces is no hyphen inside a word, and
# the widened crisis and medicine patterns kept to their meaning.
@pytest.mark.parametrize("text", [
    "no fall-sudden crushing pain in my chest going into my jaw",
    "no fever-but a purple rash that won't fade on her legs and she's floppy",
    "client denies SI-has been stockpiling her tablets and has a date in mind",
    "recorded videos for the kids so they can hear my voice one more time after I'm gone",
    "tested the beam in the shed and it can take my weight. decided tonight",
])
def test_what_review_23_2_found_hidden_is_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I'd be better off if I left for work earlier, the traffic is killing my neck",
    "giving away old clothes to the charity shop while decluttering, back sore",
    "covered up the vents before sanding the floor, back is sore",
    "sorry everyone, my phone died so I'll be late, hamstrings tight",
    "I carry plasters and wipes in my bag because the kids are always falling over",
    "knuckles sore from punching the bag at boxing, shoulders ache",
    "don't need more than 2 hours at the gym, bought a car today, calves tight",
    "took 5 of my codeine over the week for my back, it's easing",
    "I take quetiapine to sleep, stiff neck and sweaty after my run",
    "hydrocortisone cream for eczema, my hip aches when I walk the dog",
    "on apixaban and the cat headbutts me every morning, shoulders tight",
    "hot lemon and honey for my cold, and double the dose of physio stretches",
    "my inner voice keeps telling me I have to push through, legs tired",
    "today is the day, my hip replacement, feel quite calm",
    "filled the cracks in the wall with filler, then my lip went a bit pale from the cold",
    "switched the baby to a different bottle, she feeds better, my neck is stiff",
    "hit the wall again at mile 20 of the marathon, calves destroyed",
])
def test_what_review_23_2_found_escalated_is_no_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# holdout132 (pregnancy, birth and after, round 5), scored at 00ba3f5 and partly mended.
@pytest.mark.parametrize("text", [
    "my c-section wound has split open and there's something shiny poking through",
    "33 weeks, the pain in my bump is constant, it doesn't come and go, and the bump feels hard "
    "as a rock",
    "had our son on friday, since last night she's burning up then freezing and not making much "
    "sense, her tummy is sore",
    "had my daughter 6 days ago, head is splitting and the lights are hurting my eyes",
    "my waters went this morning and the fluid is greeny brown, 38 weeks pregnant",
])
def test_what_the_fifth_round_of_pregnancy_hid_is_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "c-section wound opened up a little at one end and there's pus coming out",
    "30 weeks and my ankles puff up by the evening like last time, midwife happy, hips ache",
    "broke my toe on the bed leg last week, it's purple, calves tight from limping",
])
def test_the_fifth_round_of_pregnancy_decoys_are_no_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# holdout133 (headaches, necks, jaws, faces and eyes, round 5), scored at 00ba3f5, partly mended.
@pytest.mark.parametrize(("text", "expected"), [
    ("neck much worse since the chiro cracked it on monday, sharp pain going up into the back "
     "of my head", "urgent"),
    ("my left hand has been useless since lunch, couldn't do my buttons, and my neck aches",
     "urgent"),
    ("after the osteopath clicked my neck I'm seeing two of the telly and the room tilts",
     "urgent"),
    ("woke up deaf in my right ear this morning, no cold, jaw tight that side", "see_doctor"),
    ("client B 71, new temple headache for a fortnight, scalp sore to brush", "see_doctor"),
    ("the lump under my jaw is a bit bigger each week, and I'm so tired", "see_doctor"),
])
def test_what_the_fifth_round_of_head_and_neck_hid(text, expected):
    out = screen(text)
    assert out.verdict == expected if expected == "urgent" else out.verdict in ESCALATED, \
        flag_ids(out)


@pytest.mark.parametrize("text", [
    "I've lost sight of why I do this job, shoulders like concrete",
    "first aid course today, we practised stroke checks and chest compressions, upper back aches",
    "I'm 70 and I've had the same tension headaches since my 30s, nothing different",
    "writing an essay for my massage diploma on giant cell arteritis, my shoulders are tight",
])
def test_the_fifth_round_of_head_and_neck_decoys_are_no_red_flag(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))
