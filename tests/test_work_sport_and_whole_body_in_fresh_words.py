"""Families from seven blind sets written and scored once in session 10 before mending —
holdout56 (bodies at work), holdout57 (sport and the gym), holdout58 (therapists' and carers'
notes about clients), holdout59 (the whole body, and long messages), holdout60 (dictated,
run-on messages), holdout61 (several people in one message) and holdout62 (after hospital,
surgery and procedures). Text alone they missed 10, 9, 8, 9, 6, 9 and 19 of 108 red flags and
escalated 6–12% of harmless messages. Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.facts import extract_facts


@pytest.mark.parametrize(("text", "rule"), [
    # heatstroke
    ("laying tarmac all day in 33 degrees, I've stopped sweating and I'm getting muddled",
     "general.heat-stroke"),
    ("grandad was gardening all afternoon in the sun, now he's hot and dry and talking nonsense",
     "general.heat-stroke"),
    # a crushed limb swelling tight
    ("my hand got caught under a falling crate two hours ago, it's swollen and tight and the "
     "pain is way more than I would expect", "legs.compartment-pressure"),
    # a low sugar that will not come up
    ("type 1, sugar 2.6, had jelly babies and juice and it's still going down, I can hardly think",
     "general.low-sugar-not-rising"),
    # an adrenal crisis
    ("on hydrocortisone for Addison's, ran out two days ago, now vomiting and blacking out",
     "general.steroid-stopped-crisis"),
    # a child's sugar turning dangerous
    ("my daughter has been thirsty all the time and peeing all night for weeks, today she is "
     "vomiting and so sleepy", "general.child-high-sugar-signs"),
    # a heart attack told by where the pressure sits, in the middle of a long message
    ("busy week, kids off school. Twenty minutes ago a squeezing came on in the centre of my "
     "chest and I feel clammy. anyway, shoulders please", "chest.heart-attack"),
    # meningitis told without its names
    ("my flatmate has a pounding headache, keeps squinting at the lamp and can't get her chin "
     "to her chest", "headache.meningitis-signs"),
    # the saddle numb when wiping, a wee not managed
    ("hurt my back lifting a bath, now when I wipe I can't really feel anything down there",
     "back.cauda-equina"),
])
def test_an_emergency_in_fresh_words(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    # at work
    ("since the new solvent came in at the print shop I get headaches every shift, fine on my "
     "days off", "general.fumes-at-work"),
    ("twenty years on the chainsaw, my fingers turn white in the cold and I fumble my keys",
     "general.vibration-white-finger"),
    ("measured both calves after the coach trip: left 39 cm, right 35 cm", "legs.calf-measured-bigger"),
    # sport
    ("twisted my knee landing from a jump, it ballooned and it won't straighten",
     "general.knee-locking-or-giving-way"),
    ("came off the climbing wall from about 5 m and landed on my back, sore but walking",
     "back.major-trauma"),
    ("fell on an outstretched hand skating; X-ray said clear but the snuffbox still hurts",
     "general.wrist-fall-scaphoid"),
    ("my son's shin bone aches at night and wakes him, three weeks now", "general.bone-pain-at-night"),
    ("after deadlifts my left foot slaps on the floor and I catch my toes on the stairs",
     "general.foot-drop"),
    # therapists' notes
    ("Handover: Mrs T, 81, scalp tender when brushing her hair, jaw tires chewing",
     "headache.giant-cell-arteritis"),
    ("80s, slipped in the kitchen yesterday onto her L hip, limping", "general.fall-then-pain-older"),
    ("His L calf has been tight since the drive. I had a look: bigger than the R, warm to touch",
     "legs.one-leg-swollen-and-warm-told-in-pieces"),
    ("After Monday's session her R hip was sorer for four days and still isn't back to normal",
     "seed003.worse-for-days-after-a-session"),
    ("heart transplant 8 years ago, on tacrolimus, new lower back pain this week",
     "back.pain-on-immune-suppressing-medicine"),
    # the whole body
    ("cirrhosis, and my tummy has swollen up over ten days, ankles puffy", "general.liver-belly-swelling"),
    ("diagnosed with glandular fever last week, could I have my legs massaged?",
     "general.glandular-fever-spleen"),
    ("some spotting again though my periods stopped eight years ago", "general.bleeding-after-menopause"),
    ("bruises keep showing up on my shins that I don't remember getting, and my gums bleed",
     "general.unexplained-bruising"),
    ("found a small hard lump on one of my testicles", "general.testicle-change"),
    ("my neck pain is worse every single week, seven weeks now", "seed003.worsening-pain"),
    ("0-10? a 9 most evenings. lower back.", "seed003.intense-pain"),
])
def test_a_sign_for_a_doctor_in_fresh_words(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    # someone else's illness
    "one of the guys on my crew had a heart attack last month, he's fine now, I'm just tense",
    "one of the nurses on my ward had a DVT after a flight, my legs are fine, just tired calves",
    "Her husband has just been diagnosed with bowel cancer so she's stressed, neck and shoulders solid",
    "Client talked about her dad, who's in hospital after a stroke. She herself is well. Shoulders.",
    "my mate came off his bike last week and broke his wrist, I'm knackered from covering for him. "
    "upper back tight",
    # over within moments, or checked
    "numb bum after a long drive, went as soon as I walked about, lower back stiff",
    "calf cramped on the stairs, I stretched it and it went. just want a calf routine",
    "pins and needles in my foot from sitting cross-legged. gone in a minute. hips tight",
    "Had a scare in March - chest pain after rowing. A&E did an ECG and bloods: all normal, they "
    "said costochondritis. Upper back please",
    "dark wee after the marathon, drank plenty and it has been pale and normal since. legs sore",
    # idioms and explanations
    "my legs are killing me (joke, kitchen humour) after a double shift",
    "150 wall balls today, everything hurts in a good way",
    "we got knocked out of the league on penalties, shoulders up by my ears",
    "this exam is giving me the chills lol, jaw clenched",
    "shivering because the heating's packed up, hands stiff",
    "feeling wound up tight after work, neck and shoulders",
    "long shift, got blood on my uniform (not mine, a patient's), want to unwind",
    "heavy gig week, left side of my neck tight from the guitar strap",
    "16, play rugby, neck sore from scrummaging, haven't hit my head",
    "lost a few pounds with a sickness bug, all better now, upper back tight",
])
def test_not_a_red_flag_in_fresh_words(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]


@pytest.mark.parametrize(("text", "left_out"), [
    ("friend did a fresh tattoo on my calf on Sunday, still healing, thighs tight from cycling",
     {"calves"}),
    ("Pred 7.5mg daily for PMR for two years, hands and feet please", {"deep_pressure", "percussion"}),
    ("in treatment for non-Hodgkin lymphoma, feeling alright today, want to relax",
     {"deep_pressure", "percussion"}),
    ("lymphoedema in her right arm since surgery, wears a sleeve, back and neck today",
     {"percussion"}),
])
def test_what_a_caution_leaves_out_in_fresh_words(text, left_out):
    result = screen(text)
    assert result.verdict == "caution", [f.id for f in result.red_flags]
    assert left_out <= set(result.avoid)


def test_a_finding_told_as_now_is_not_settled_by_an_old_check_in_the_next_sentence():
    # the next sentence may carry a check's answer only for something told as past
    result = screen("I have crushing chest pain. My ECG last year was normal.")
    assert result.verdict == "urgent"
    result = screen("I took a lot of paracetamol last night. I feel ok now.")
    assert result.verdict == "urgent"


@pytest.mark.parametrize(("text", "rule"), [
    ("had an angiogram this morning and blood is soaking through the dressing, through two pads",
     "general.bleeding-through-dressing"),
    ("kidney biopsy three hours ago, now my heart is racing, I feel clammy and the pain is much worse",
     "general.bleeding-inside-after-procedure"),
    ("thyroid op yesterday, my neck is swelling up and it's getting hard to breathe",
     "general.neck-swelling-after-neck-surgery"),
    ("epidural stopped hours ago and I still can't move my legs", "general.legs-not-back-after-spinal"),
    ("flu jab twenty minutes ago, now my lips are swelling and my throat is tight",
     "general.severe-allergic-reaction"),
    ("day 2 after my hip op: temp 38.9, pulse 130, shivering, skin blotchy", "general.sepsis-signs"),
    ("since my knee op my calf is swollen and now I'm coughing up phlegm streaked with blood",
     "legs.embolism-after-travel-or-surgery"),
    ("stepped off a 13 hour flight, now stabbing pain when I breathe in and I can't catch my breath",
     "legs.embolism-after-travel-or-surgery"),
    # a face and arm told in dictation, with a correction
    ("my smile looks lopsided in the mirror no wait the right side and my arm is heavy like lead",
     "stroke.face-arm-speech"),
])
def test_an_emergency_after_a_procedure_or_in_dictation(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    ("lumbar puncture on Friday, the headache is terrible sitting up and goes when I lie flat",
     "general.spinal-headache-after-puncture"),
    ("knee replacement three weeks ago and the wound has come apart at the bottom",
     "general.wound-coming-apart"),
    ("had a steroid injection in my shoulder on Monday, now it's hot, red and swollen",
     "general.worse-after-an-operation-or-injection"),
    ("two weeks after the op the pain is worse every single day",
     "general.worse-after-an-operation-or-injection"),
    ("wisdom tooth out ten days ago and my chin is still numb", "general.new-numbness-after-surgery"),
    ("lymph nodes removed in spring and now my hand has started swelling, my ring won't fit",
     "general.arm-swelling-after-nodes"),
    ("mastectomy six weeks ago and there's a tight cord from my armpit down my arm",
     "general.cording-after-breast-surgery"),
    ("bowels haven't moved since my operation last Tuesday", "abdomen.bowels-not-moved-after-op"),
    ("the hernia they fixed in June has come back", "general.hernia-come-back"),
    ("since the chest drain came out I'm more breathless than last week",
     "general.breathless-worse-after-chest-procedure"),
    ("i pop ibuprofen like sweets for my headaches", "headache.painkiller-overuse"),
    ("seventy four and my temples are tender and my jaw aches when I chew",
     "headache.giant-cell-arteritis"),
    ("did the foam roller on my back yesterday and today it's way worse than before",
     "seed003.worse-after-massage"),
    ("dull ache in my hip for three months that just doesnt go away", "seed003.not-going-away"),
])
def test_a_sign_for_a_doctor_after_a_procedure_or_in_dictation(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    "had a lipoma removed last year, the scan after showed nothing left, neck tight",
    "felt faint after giving blood, they gave me juice and I was fine in ten minutes. legs heavy",
    "typhoid jab last week for my trip, no reaction, nervous flyer",
    "this project is bleeding me dry, no actual blood, just a tense jaw",
    "got an inguinal hernia, lower back tight",
    "no pain really, not drinking enough water on holiday, a bit bloated",
    "came off my bike at walking pace, nothing broken just a bruise on my thigh, shoulders tight",
])
def test_not_a_red_flag_after_a_procedure_or_in_dictation(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]


@pytest.mark.parametrize(("text", "rule"), [
    # someone wanting to give the massage does not make the writer someone else
    ("I'm 30 weeks and my left calf is suddenly fatter than the right. My husband wants to "
     "massage it.", "legs.dvt-signs"),
    ("on chemo and my back aches more and more at night, my wife wants to rub it",
     "back.cancer"),
    ("I take paracetamol most days for my headaches. My sister says try massage.",
     "headache.painkiller-overuse"),
])
def test_a_partner_wanting_to_massage_leaves_the_findings_the_writers(text, rule):
    result = screen(text)
    assert result.subject == "self"
    assert rule in flag_ids(result)


def test_a_correction_is_not_a_denial():
    result = screen("I take war for in no wait warfarin, calves tight, can I use my massage gun")
    assert {"deep_pressure", "percussion"} <= set(result.avoid)


@pytest.mark.parametrize(("text", "rule"), [
    # words quoted from the person massaged are theirs
    ("Message from Mum: 'my ankle's puffed up like a balloon since Friday and it's hot, no idea "
     "why' — I'm popping round later to massage her legs", "seed003.unexplained-pain-swelling"),
    ("my brother just wrote 'one side of my face has gone numb and I can't lift my cup' — he's "
     "right here with me, I was going to do his shoulders", "stroke.face-arm-speech"),
    # an emergency in someone's own words passed on needs help now, whoever is massaged
    ("Flatmate just messaged: 'can't catch my breath, coughed up blood, calf's been swollen for "
     "days'. I'm heading over", "legs.pulmonary-embolism"),
])
def test_quoted_words_belong_to_their_speaker(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    "Group chat: Sam: 'my calf is really swollen and hot after the flight' (he's seeing the GP). "
    "Me, I just have sore calves from parkrun, both the same",
    "the lump on my dog's leg is just fat, vet says. my forearms are tight from climbing",
    "in the family chat we were talking about my nan, I just want my neck done",
])
def test_someone_elses_quoted_finding_is_not_the_writers(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]


def test_a_clinicians_quoted_words_are_about_the_writer():
    result = screen("Doctor said 'no massage on that leg until the clot has gone', I'm on apixaban. "
                    "Shoulders please")
    assert result.verdict == "see_doctor"


@pytest.mark.parametrize("text", [
    # a next sentence about something else never settles an emergency
    "Sudden severe pain in my tummy and my belly is rigid. Felt dizzy standing up, fine in a minute.",
    "Had crushing chest pain shovelling snow, sweating and felt sick. Blood test on Monday was fine.",
    "My calf went swollen, red and hot after the long flight and I got short of breath on the "
    "stairs. Knee x-ray was clear.",
    # the writer's own "I felt" is not the writer examining someone
    "When my brother came in I felt crushing chest pain and went sweaty",
])
def test_what_settles_a_finding_must_be_about_it(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize(("text", "rule"), [
    # a form's heading is not a speaker; a named clinician speaks of the writer
    ("Complaint: 'calf swollen, hot and red since the long flight'", "legs.dvt-signs"),
    ("Dr Okafor said 'you have a DVT, no massage on that leg'", "legs.known-clot"),
    ("my physio Jen said 'that's a DVT, no massage on that leg'", "legs.known-clot"),
    # "she said" of the mum whose legs are massaged is hers
    ("I'm doing my mum's legs tonight. She said 'my calf has been swollen, hot and red since the "
     "flight'", "legs.dvt-signs"),
])
def test_who_a_quote_belongs_to(text, rule):
    assert rule in flag_ids(screen(text))


@pytest.mark.parametrize(("text", "age"), [
    ("sixty eight and my temples are tender", 68),
    ("massaging my grandad tonight, he's ninety one", 91),
    ("Aged seventy two, stiff back for thirty years", 72),  # not 30: a span of years
    ("I am in my seventies. Sets: squats, 20, lunges", 70),  # not 20: a list of reps
    ("Handover: Mrs A, 78, lives alone", 78),
    ("took my temperature, thirty six point eight", None),
])
def test_an_age_read_from_words_and_notes(text, age):
    assert extract_facts(text, None).age == age


def test_many_quotes_never_closed_still_screen():
    # (the quote reader looks at most 300 characters ahead, so a pasted blob stays cheap)
    result = screen(" 'a" * 1300)
    assert result.verdict in {"ok", "caution"}


@pytest.mark.parametrize(("text", "rule"), [
    # holdout63 (English outside the UK)
    ("my knee blew up like a softball overnight, no injury, hurts to bend",
     "seed003.unexplained-pain-swelling"),
    ("I get a pounding headache at the top of a heavy deadlift, fourth time now",
     "headache.valsalva"),
    ("my elbow pain went from a 2 to an 8 in ten days and it keeps climbing", "seed003.worsening-pain"),
])
def test_a_sign_for_a_doctor_in_other_englishes(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    "called 911 for a guy who passed out at the bus stop, paramedics took over. I'm shaky, "
    "10 minutes?",
    "DVT scare in May, urgent care did an ultrasound and it was clear. calves tight from running",
    "the doc did bloodwork and a physical, all normal, neck is just posture",
    "braai all afternoon by the fire, feet and lower back finished, lekker day",
    "temp 99.2, totally normal for me, usual tension headache from spreadsheets",
])
def test_not_a_red_flag_in_other_englishes(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]


def test_a_blood_thinner_by_its_american_name():
    result = screen("on Lovenox shots after my hip, shoulders tight")
    assert {"deep_pressure", "percussion"} <= set(result.avoid)


def test_a_dash_opening_an_aside_about_someone_keeps_its_years_ago_there():
    result = screen("Gran's belly is swollen tight, she hasn't passed wind since yesterday and keeps "
                    "being sick — her hip was replaced years ago. I was going to rub her tummy.")
    assert result.verdict == "urgent"


def test_a_writer_who_wants_to_help_with_a_massage_is_massaging_the_one_they_tell_of():
    result = screen("My boyfriend says it hit the back of his head like a bat, full strength straight "
                    "away, ten minutes ago, and he's been sick. I'm good at massages, want to help.")
    assert result.subject == "someone_else"
    assert result.verdict == "urgent"
