"""Session 15: the seventeenth second reading (fafccf1..735f2fb), and families from blind sets
written and scored once before mending (holdout94 a sixth fresh mix, buried and fragmentary;
holdout95 the back, hips and legs, round 3). Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


# --- the seventeenth review (fafccf1..735f2fb) -----------------------------------------------
# What it found hidden came from unless phrases that named what a person in crisis writes too
# ("the baby", "my back", "waiting for", "the stairs", "in front of the telly", "confused
# about"), and from a medicine that had to be followed by "tablets". What it found raised came
# from evidence widened to ordinary words ("won't stop", "going to kill me" said of a class).

@pytest.mark.parametrize("text", [
    "packed in my sertraline a fortnight ago, what is the point of any of it, lower back sore",
    "he's not taking his lithium any more and keeps saying why bother",
    "came off my mood stabiliser on my own, no point, shoulders aching",
    "nan has quit taking her heart pills, says whats the point at her age",
    "my brother on the telly all day says the newsreaders are talking about him",
    "dad sits with the tv on and talks to himself and the telly for hours, not himself",
    "mum keeps talking back to the radio, she's convinced there are people in there",
    "slept about 2 hours a night for a week and honestly I feel unstoppable",
    "haven't slept in 3 nights, not on shift this week, mind is racing, so much energy, "
    "started 2 businesses",
])
def test_what_the_seventeenth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "decided I won't be around by the time the kids break up for summer, oddly peaceful now",
    "I've made up my mind I won't be around on sunday, I feel so calm",
    "on the bridge again by the station, waiting for it to go quiet, can't do this",
    "top floor of the multistorey, walked up the stairs, had enough",
    "shut myself in the bathroom, he's smashing the kitchen up, the kids are crying",
    "hiding in the garage, he's outside the door, my neck is killing me from crouching",
    "locked in the loo, my ex is kicking the door, I'm shaking and cramping",
    "hid in the wardrobe, he's trying to break in",
    "mum drank a bottle of vodka a day, stopped on friday, today she's confused about where she is",
    "he was on 10 cans a day, quit monday, now confused about what year it is and seeing spiders",
])
def test_what_the_seventeenth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I hope I don't wake at 5 again with this hip",
    "hope I don't wake up in agony tomorrow after leg day",
    "it'd be easier if I wasn't at work on fridays, shoulders tight",
    "stopped taking my vitamin d tablets, no point, calves still cramp",
    "stopped taking the cod liver oil pills, why bother, knees still creak",
    "stopped my hayfever pills, no point, still sneezing, neck stiff",
    "gave up my antidepressants with my GP's help, no point dragging it out, feeling good",
    "slept 3 hours the night before my wedding, buzzing, feet sore from dancing",
    "doing 12 hour shifts, sleeping 4 hours a night, mind racing, upper back wrecked",
    "I'm 75 and don't need much sleep these days, neck stiff",
    "hiding in the shed because the hoover won't stop, lol, back sore",
    "hiding in my room, she won't stop talking about the wedding, neck tight",
    "hiding in the loo from the toddler, he won't stop climbing on me",
    "the builders are smashing the kitchen up next door and I'm hiding in the bedroom with earplugs",
    "the kids are smashing the place up, hiding in the kitchen with a coffee lol",
    "this bootcamp class is going to kill me, hamstrings on fire",
    "the hill sprints will finish me off tonight",
    "I'm 12 and my sister beats me at table tennis every time, wrist sore",
    "I'm 14 and my mate hits me at rugby training, shoulder bruised",
    "heard people on the radio talking about them foam rollers, any good for calves",
    "presenters on the radio are talking about her new book, shoulders tight",
    "grandpa natters to himself in front of the telly all evening, his hands are stiff",
    "my nan shouts at the telly during the quiz, she thinks the contestants are idiots",
    "no pleasure trip for us this year, too much overtime, back in knots",
    "on a 5 day course of diazepam for my back, stopping friday as planned",
    "going to stop the pregabalin next week, my GP wants me to swap to something else",
    "on the bridge again for work inspecting the cables, done for the day, back aching",
    "on the roof now fixing the gutter, back is killing me, done",
    "top floor of the car park was full, had enough of the christmas shopping, feet ache",
])
def test_a_false_alarm_the_seventeenth_review_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# Accepted on the safe side (review 15): a decision not to be around on a named day, told with
# calm, reads the same whether the day is a wedding or a birthday; the unless phrase for the
# wedding hid "I won't be around much longer … sorry I'll miss the wedding". A lift that is out
# at the top of a car park is told by people in crisis too.
@pytest.mark.parametrize("text", [
    "I've decided I won't be around for my cousin's wedding, I feel settled about it",
    "stood at the top of the car park again, the lift is out, I can't do this",
])
def test_a_named_day_or_a_broken_lift_does_not_explain_a_crisis_away(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# --- holdout94 and holdout95: told tersely, by a number, by where it goes, or after a check ---
# (holdout94: "lost 8 since march, not dieting", "neck 10.", "calves were 4 … now 7", "back
# pain. 57. new", a fall at 80 with a bruised hip; holdout95: a child who will not put weight on
# a leg, something going in a back with thin bones, worse since rolling it, sciatica told by
# where it goes, 3am whichever way, a notch worse every week, the seat not felt, tingling past
# the knees, a leg cold and pale 2 hrs ago, "can't weight bear")

@pytest.mark.parametrize("text", [
    'down 7 since the summer and not trying, shoulders ache',
    'dropped 9 kg since september without dieting, lower back sore',
    "hips 9. can't get comfy since yesterday",
    "knee was 3 this morning, now 8 after the gun, and it's purple",
    'mum (84) took a tumble in the kitchen yesterday, bruised down her side and walking very gingerly',
    "I'm 77, came down hard on my bottom getting out of the bath, my hip hurts to stand on",
    "my 4 year old won't put any weight on her left foot today, no fall we know of",
    'I have thin bones and something popped in my back when I picked up the grandchild, sore since',
    "foam rolled my hamstring on Saturday and ever since it's worse and sharper",
    "ache from my buttock down the side of my leg and my big toe won't lift properly",
    'the pain in my back is there at 4am whichever way I lie, for a month now',
    "neck started as a niggle and every week it's a bit worse",
    "Gran, 81, slipped on the step, can't weight bear and her hip is agony",
    'back pain. 63. new',
])
def test_a_sign_told_tersely_or_sideways_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my lower back's bad, and since tea I can't feel the sofa under my bottom",
    "sitting on the loo it's like the seat isn't there, back's been awful all week",
    "back went on monday, now I can't tell if I've finished weeing",
    "the pins and needles began in my feet at the weekend and now they're past my shins, walking is hard",
    "my foot's gone white and cold, started 3 hrs ago, agony and numb",
])
def test_an_emergency_told_sideways_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'down 5 kg since january on the diet, thrilled, hamstrings tight',
    'lost 2 games since sunday, not trying hard enough lol, wrists ache',
    'slipped a disc in 2012, never bothered me since, just desk stiffness now',
    'half marathon in 2 weeks, drinking loads of water so peeing every hour, calves tight',
    'calf swelled after the flight so I went to A&E. They scanned it, no clot, muscle strain. Fine now.',
    "had a doppler for a clot last year, negative, it was a baker's cyst, calves just tight now",
    'foot went numb for a second when I knelt to weed, fine as soon as I stood, knees sore',
    "got my pre-pregnancy body back, she's 3 now, shins sore from running",
    'typical cancerian, I hold it all in my shoulders',
    'this tax software migration is the worst headache of my life, actual body: just the neck',
    "thought I was having a heart attack - joking, it's the electric bill. shoulders please",
    'rolled my calves after the run and ever since they feel so much better',
    "osteoporosis, back stiff when I'm turning over in bed",
    "lower back stiff in the morning, better once I'm moving",
    "back pain from the new chair, I'm 62",
    "my legs go numb when I sit on the loo too long scrolling, comes back in a minute when I stand",
])
def test_their_everyday_twins_are_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_bare_score_after_the_place_is_read_as_pain():
    from unknot.safety.facts import extract_facts

    assert extract_facts("neck 10. can't turn it since I woke", None, "self").pain == 10
    assert extract_facts("did 3 sets of 10. back 2.", None, "self").pain == 2
    assert extract_facts("ran 10 miles, legs fine", None, "self").pain is None


def test_lying_down_while_the_head_pounds_is_no_weight_lost():
    assert "general.unexplained-weight-loss" not in flag_ids(
        screen("every time I lie down my head pounds harder"))


# --- the eighteenth and nineteenth reviews (735f2fb..bc78dfd, bc78dfd..2ef1ca6) ------------------
# The eighteenth found 45 hidden: a medicine named between "my" and "tablets" ("my bipolar meds"),
# "wake up to another day", "if I wasn't around in the first place", "done with it all" and
# "had enough of this" on a bridge, "my partner won't stop", the builders or earplugs beside a
# threat, a wife or a stepfather who will kill, a course of diazepam for years, a father at
# practice, shifts beside days without sleep; the nineteenth, kneeling or squatting beside a
# stroke or a numb leg, "physically I", a blood group "negative", "cancer here", a check followed
# by "much worse now". Both found false alarms where a pattern read another sense: throwing up,
# breaking up, a baby who won't stop screaming, a ball on the roof, a toddler at the potty, feet
# numb on the loo, games lost, a squat down 10kg, weights a bit higher each week, a shoe size.

@pytest.mark.parametrize("text", [
    "stopped taking my adhd meds and my mood pills, what's the point of any of it",
    'binned my anti-anxiety tablets last week, why bother',
    "I hope I don't wake up to face tomorrow, honestly",
    "it'd be easier for them if I wasn't around in the first place",
    'my son keeps muttering to himself, says people are out to get him',
    "mum's convinced the neighbours are poisoning her, won't eat",
    "my husband does doubles at the hospital and now hasn't slept for 5 days, says he's "
    "invincible and bought a boat",
    "I don't need much sleep these days, ideas pouring out, maxed two credit cards",
    "my dad hits me at training when I miss a tackle, I'm 13",
    "been on diazepam for 3 years on a 'short course' that never ended, stopping it all tonight",
    "my doctor wants me off the zopiclone so I'm going cold turkey tomorrow",
    'the niggle in my hip gets a bit worse every week',
    'Breast cancer survivor here, mastectomy in March, now new back pain at night',
    "I'm Rh negative, had a clot in my calf last month, on apixaban, can I rub it?",
    'lost 2 stone since the baby, far more than the baby weight, not trying',
    "back pain and my foot's been numb since kneeling to lay the laminate",
    'my back is sore and my left leg feels numb, been squatting heavy',
])
def test_what_the_eighteenth_and_nineteenth_reviews_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I'm on the bridge. done with it all",
    'stood on the ledge, had enough of this',
    'at the top of the multistorey, done here',
    "hiding in the loo, my husband won't stop banging on the door and shouting",
    'hiding in my room, the builders next door can hear him threatening me',
    'my stepfather is going to kill me, I mean it',
    "my wife is going to kill me, she's got a knife",
    'my husband will do me in tonight',
    "stopped my insulin two days ago, what's the point",
    "not taking my anti-rejection tablets anymore, I've given up",
    "decided I won't be around after the conference, strangely calm",
    'Grandad was kneeling in the garden and his arm suddenly went weak and heavy',
    "went to A&E last week with a swollen red calf, they said it was nothing. Now it's much "
    "worse and I'm breathless",
    "i won't be here by morning. feel so calm, the kids are staying with their dad",
])
def test_what_the_eighteenth_and_nineteenth_reviews_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "we're breaking up and I've been hiding in my room all week, shoulders tight",
    "hiding in the kitchen at the party, he won't stop dancing, feet killing me",
    "the cat's on the roof again, I'm done",
    'kids kicked the ball on the roof again',
    'on a bridge now at the canal, done 10k, legs feel great',
    'parked on the top floor, lift broken, took the stairs, my calves are done',
    'dad shouts at the telly during the football, convinced the ref can hear him',
    'my mum rang the radio phone-in and the presenter is talking to her now',
    "decided I won't be around for the office christmas party, feel so much calmer",
    "potty training, my 3 year old can't tell when she's done a wee yet, tummy massage?",
    "my feet go numb when I'm sitting on the loo, back is fine",
    'lost 5 in the last 6 games, no idea why, knee aches after matches',
    'had to go down 10kg on my squat, back a bit sore',
    'bench is down 5kg since my shoulder started aching',
    'started the programme, every week I go a bit higher on the weights and my legs ache',
    "I'm 60, back ache from the new walking boots",
    "I'm 70, went down to the beach yesterday, walking slowly these days, knees tired",
    'Friday nights are bad for my back, too much dancing',
    "my 8 year old won't put on weight whatever he eats, knees ache with growing pains",
    'size 10. foot 9. plantar fasciitis help',
    "Going to the gym tonight, it's going to kill me after last week",
    "hiding in the bathroom from the kids, they won't stop screaming, neck tense",
])
def test_a_false_alarm_the_eighteenth_and_nineteenth_reviews_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'throwing up in the loo all morning, food poisoning, hiding from everyone, back aches',
])
def test_being_sick_or_a_crying_baby_behind_a_locked_door_is_no_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


def test_stopping_insulin_in_despair_is_an_emergency_not_a_gp_visit():
    result = screen("quit my insulin on sunday, why bother")
    assert result.verdict == "urgent"
    assert "general.life-saving-medicine-stopped-in-despair" in flag_ids(result)
    assert screen("my GP switched my insulin to a pen, feet ache").verdict != "urgent"


# --- holdout96 (chest, breathing and circulation) and holdout97 (pregnancy, birth, the first
# year) -------------------------------------------------------------------------------------
# (a blood pressure told as a range "over about", a KardiaMobile's "possible atrial
# fibrillation", a red hard line along a vein, a sore weeping for a month, a hip replaced nine
# days ago and breathless now, 192 bpm on the sofa; lochia that smells, mastitis with flu-like
# aches, a baby of 4 months at 38.4, a section wound weeping yellow, pinkish discharge at 18
# weeks, a streak of red in a baby's poo, a baby dropping off her centile, a plan told as
# "working out how I'd do it", a pillow over the baby's face, "I wish I could just not wake up"
# after a birth, a limp 2-month-old, a sunken soft spot, green sick "brought up")

@pytest.mark.parametrize("text", [
    'home cuff says 182 over about 112 three mornings running, feel ok, shoulders tight',
    'the ecg on my watch keeps saying possible AFib, pulse about 105 at rest',
    'hard red cord along a vein on my calf, hot and sore to touch',
    "sore above my ankle by the varicose veins that's been weeping for a month",
    'my lochia has started to smell really off, 12 days post birth, tummy sore low down',
    "left boob red and hot on one side and I'm shivery and aching all over, baby is 7 weeks",
    'my 5 month old has a temperature of 38.6 since lunch, still feeding',
    '10 days after my section and the wound has a small gap at the end leaking yellow gunk',
    '20 weeks, brownish discharge this morning, no cramps',
    "she's 4 months, not pooed for 6 days and there were bits of blood in the nappy",
    'my 6 month old has dropped off her centile, the health visitor wants the GP to see her',
    "baby is 10 weeks, I've had backache since the birth and now I'm waking in the night with it",
])
def test_a_chest_or_a_first_years_sign_told_sideways_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I've been planning how I'd do it while he's at work. The kids would be better off with someone else.",
    "keep imagining putting a pillow over his face when he screams, I had to walk away, "
    "scared I would actually do it",
    "I wish I could just not wake up, 2 months after the birth, the thought won't leave",
    "my 1 month old is floppy and pale and won't feed",
    'baby is 3 weeks old, only 1 wet nappy since last night and her soft spot looks sunken',
    'newborn is bringing up bright green sick, tummy swollen',
    'my 6 week old feels really hot, 38.2 on the thermometer',
    "knee replaced 8 days ago and I'm suddenly short of breath with a racing heart",
    'sat watching telly and my watch says 185 bpm, dizzy and chest pounding',
])
def test_a_chest_or_a_first_years_emergency_told_sideways_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'bp 128 over 82 at the pharmacy, all good, neck stiff',
    'my watch said my heart rate hit 175 on the run, legs dead now',
    'resting heart rate 52 on the sofa, chest tight from bench press',
    'varicose veins ache after a long shift, calves tired',
    'lochia tapering off nicely, brown now, 3 weeks after the birth, shoulders tight',
    'bleeding after the birth is tapering off like the midwife said, pinky-brown, back aches',
    'breastfeeding and my boobs feel full and a bit tender before feeds, no redness, shoulders tight',
    "my 4 month old had his jabs, temp was 38 after but calpol settled it, he's fine now",
    'section wound healed and looks fine at 8 weeks, back stiff from feeding',
    "baby's poo is green and seedy, breastfed, happy, gaining well",
    "I've lost the baby weight at last, 9 months on, calves tight from running",
    'phone neck and that collapsed chest posture, pecs tight',
    'collapsed on the sofa after a 12 hour shift, feet killing me',
    'had chest pain last spring that turned out to be reflux, all sorted, shoulders tight now',
    'long covid, breathless if I push it, my respiratory physio knows, neck tight',
    'checked my oxygen out of habit since covid, 97, feel fine, want a calm routine',
    'knee replaced 6 weeks ago, breathless on the stairs as usual, physio happy',
    "I'm a midwife, my back is killing me after a run of night shifts on labour ward",
])
def test_their_everyday_twins_in_the_chest_and_the_first_year_are_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_green_phlegm_brought_up_with_a_cough_is_not_a_babys_green_sick():
    result = screen("grandad coughing 4 days, bringing up green stuff, back aches from it")
    assert "general.baby-green-vomit-or-hard-belly" not in flag_ids(result)


# --- the twentieth and twenty-first reviews (2ef1ca6..cc657f4, cc657f4..7818361) ---------------
# Hidden again by narrowing: a roof or a bridge "now" or "tonight", "kicking me", colic beside a
# partner smashing things, a threat made after a class, "down 6kg … no idea why", a child who
# "won't bear weight on it", a bruised wrist after a fall at 82, "new this month", "nights are
# awful", "a notch higher", a collapse on the sofa or the bed, chest pain that "turned out to be
# muscular" last time but is back, lochia brownish then bright red, a jab's fever that calpol
# held for an hour. False alarms from widening: "wake up to the same sore neck", "my wife will
# kill me if I book another massage", "boots going to kill me", the boss out to get me, a pulse
# "15% higher", a massage gun's pulse setting, a sore shoulder "had it for weeks", a mucus plug's
# brown streaks, leaking breasts, a swear word, strawberries, scratchy nails.

@pytest.mark.parametrize("text", [
    'down 7kg since the summer, no idea why, back aches',
    "my dad has dropped 8 in the past few months and we don't know why",
    "my 2 year old won't bear weight on it since she woke, no fall",
    'nan is 85, had a fall on monday and her arm is badly bruised',
    "grandad (81) fell last week and he's walking slowly since",
    "I'm 61 and this lower back pain is new this month",
    'back ache for weeks and the nights are awful',
    "knee ache that's a notch higher every day",
    'my brother is sure the newsreaders are talking to him',
    "mum yells at the telly, she's sure the people in it can hear her",
    'my baby is 4 months, had jabs a fortnight ago, temp 39 and calpol settled it for an hour',
    "my chest pain turned out to be muscular last month but today there's sweating and I feel sick",
    "bleeding was brownish at 3 weeks but since this morning it's bright red and soaking pads",
    "breathless at rest, my consultant is aware, but today I can't finish a sentence",
])
def test_what_the_twentieth_and_twenty_first_reviews_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I'm on the rooftop now. goodbye",
    'on the bridge tonight. no point anymore',
    "hiding in the loo and he won't stop kicking me",
    "hiding in the bedroom with the baby, he's smashing things because her colic kept him up",
    "my husband said if I go to spin class again he's going to kill me",
    "my fella is gonna kill me when he gets back, he's got a knife",
    "not taking my anti-rejection tablets any more, I've given up",
    'grandad collapsed in front of the telly and went grey, came round after a bit',
    'my husband collapsed on the couch mid sentence, sweaty and grey',
])
def test_what_the_twentieth_and_twenty_first_reviews_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I hope I don't wake up to the same sore neck tomorrow",
    "hope I don't wake up till 9 on saturday, shoulders tight",
    "it'd be easier if I wasn't here at the same time as the plumber",
    "stopped taking my migraine tablets, why bother, they don't work",
    'stopped my HRT tablets, no point now, hips ache',
    "my son is type 1 and keeps skipping his insulin at school, we've had enough of the rows",
    'skipped my insulin this morning for my fasting blood test, ready for a massage after',
    'parked at the top of the multistorey again because town was rammed, back aching',
    'my wife will kill me if I book another massage',
    'these new boots are going to kill me, calves on fire',
    'my boss is out to get me, neck in knots',
    'doing night shifts and slept 3 hours a night this week, thoughts racing about the rota',
    'lost 3 games in the last month, no idea why, the lads are gutted, hamstrings tight',
    'had to go down 10kg on my deadlift, back a bit sore',
    'my pulse is 15% higher since the pregnancy, sat on the sofa',
    'massage gun on the pulse setting at 2000 while sat on the sofa, hammering my pecs',
    'got a sore shoulder, had it for weeks from the laptop',
    '38 weeks pregnant, lost my mucus plug, brown streaks in it',
    '6 weeks postpartum, a bit sore and my boobs are leaking everywhere',
    "her nappy rash is bloody awful, she's 5 months",
    "bits of red in my 10 month old's poo after strawberries",
    "my boobs are red from the baby's nails and I feel rough from no sleep",
    'my 6 week old goes a bit limp in the arms when sleeping deeply',
    'the baby keeps waking up at night with the pain of teething, my back is killing me from rocking',
    'I can do 150 to 180 over roughly 60 seconds on the rowing machine',
    'we decided the dog would be better off with someone else since the baby came',
    'wide feet, foot 9. plantar fasciitis help',
    'sore quads, pushing the weights a little higher each week',
])
def test_a_false_alarm_the_twentieth_and_twenty_first_reviews_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# Accepted on the safe side (reviews 15b and 15d): hiding behind a locked door while "he won't
# stop screaming" or "she won't stop kicking me" reads as violence even when it is a colicky baby
# or a baby in the womb — an unless phrase for colic hid a partner smashing things beside it;
# a decision not to be around at Christmas or for a sister's wedding, told with relief, stays
# urgent; a man of 70 with little sleep and "loads of energy" goes to a doctor.
@pytest.mark.parametrize("text", [
    "locked myself in the bathroom, my 6 week old has colic and he won't stop screaming",
    "decided I'm not going to be around for my brother's wedding, honestly feel relieved",
])
def test_a_crying_baby_or_a_named_day_beside_a_crisis_sign_stays_on_the_safe_side(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# --- the twenty-second review (7818361..013edc3: 63 hidden, 10 false alarms) ----------------
# Narrowing hid the repeat crisis told as "on the bridge again", bare words in an unless list
# ("results", "the team", "in a row") hid cancer and weight loss, a threat's subject list
# missed a grandson or a lodger, and the insulin rule lost "don't care any more".

@pytest.mark.parametrize("text", [
    'lower back pain, I have myeloma, waiting for my results',
    'lost 6kg since christmas not trying, my bench has dropped too, back aches',
    "my kids would be better off with another mum, I've thought it for weeks",
    "they'd all be better off with someone else, I'm a useless mum",
    'back pain, been waking in the night with it for a fortnight',
    '22 weeks pregnant, pink streaks on the toilet paper this morning',
    "my loss smells like something's gone off, had the baby 12 days ago",
    "my stitches from the episiotomy are sore and tight and today they've started to smell",
    "my 5 week old feels really hot, I checked my own temp and it's fine",
    "my pulse is 165 and it won't settle, sitting on the sofa",
])
def test_what_the_twenty_second_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'on the bridge again. why bother',
    "I'm on the ledge again, third night running",
    'my grandson is going to kill me, he takes my money and shouts at me',
    "he's going to kill me when he sees the bill, he broke my arm last time",
    "stopped my insulin on friday, I don't care any more",
    'my 3 week old keeps sicking up green',
    'I wish I never woke up at all, every day since she was born',
])
def test_what_the_twenty_second_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "hiding in the spare room, he won't stop kicking me in his sleep with his restless legs",
    'collapsed into bed at 9, legs aching',
    "the baby won't sleep, she'll do me in this week",
    'up on the roof again clearing moss, so tired, back killing me',
    'the kids kicked the ball onto the roof again',
    'I do nights at the hospital and nights are awful for my lower back',
    'parked at the top of the multistorey again because town was rammed, back aching',
])
def test_a_false_alarm_the_twenty_second_review_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# --- holdout98 (the racing mind, round 4): emergencies told without the word ------------------
# (scored once at de12842: 42 of 108 signs missed text alone, 3 emergencies under-called and
# 16 urgent cases read as nothing at all — affairs put in order with calm, a date picked, a last
# message, a son who rang and hung up, a husband gone out with a gun leaving a note, a drive to the
# coast "not coming back", intent to hurt someone tonight, "took all my quetiapine", a mother
# slurring after "a few extra" pills, a door left unlocked "so someone finds me", pills laid out,
# a partner who tried to walk into traffic, a head cracked then sick twice)

@pytest.mark.parametrize("text", [
    "everything's sorted now. notes left for the boys, the cat's going to my neighbour, "
    "final bills paid. I feel so calm",
    "I've chosen the date, after my son's exams so it won't ruin them. oddly productive since I decided",
    'sitting on the roof of the multistorey typing this. someone tell me how to breathe',
    "this is the last message I'll send anyone, thank you for trying",
    "my brother texted 'I'm ending it all for good' and now his phone is off",
    "dad's gone out with his gun and left a note saying sorry, we can't get hold of him",
    "I'm driving to the cliffs tonight and I won't be coming back, just want to feel calm",
    "I know where he lives and I'm going round there tonight to hurt him",
    "the knife's in my bag and I know where she parks, if she comes near my kids again",
    "he's coming round to 'sort me out' and he's outside right now",
    "swallowed 20 sertraline about 10 minutes ago and I'm scared now",
    'took all my zopiclone, changed my mind',
    "nan rang slurring, said she'd had a few extra of her sleeping pills",
    'left the door on the latch so someone finds me. sorry to whoever reads this',
    "the pills are laid out on the table. I promised my counsellor I'd tell someone, so I'm telling you",
    "my flatmate tried to walk in front of a bus last night saying she's invincible",
    "banged the back of my head on the kitchen cupboard yesterday, the headache is worse "
    "today and I've been sick twice",
])
def test_an_emergency_of_the_racing_mind_told_without_the_word_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "sorted my will with the solicitor and the dog's going to my sister if anything happens, "
    "feel calmer now it's done",
    "finished the notes for the kids' school trip, bills paid, feel calm for once, shoulders tight",
    "we've picked the date for the wedding, so productive since we decided, neck stiff from planning",
    "this is the last message I'll send before my holiday, shoulders need sorting",
    "moving to Spain in June and won't be coming back, so much to pack, back aching",
    'going out with the gun for the clay pigeon shoot, phone will be off, shoulders stiff',
    'my toddler tried to run into the road after the ball, heart in my mouth, neck tense',
    'took all my vitamins this morning, feet ache',
    "I'm going to kill my calves at leg day tonight",
    'roof of the car park at work, typing this on my break, neck stiff from the laptop',
    "I've written my notes for the speech and I've got what I need. Want to feel calm before it",
    "going to do her neck and shoulders tonight, she's stressed, I know where she keeps the oil",
])
def test_their_everyday_twins_are_not_emergencies(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- holdout98's signs for a doctor (29 of its 42 misses were these) --------------------------
# Beliefs with a purpose (something put in the tea "so they can hear what I think"), a name
# called when alone, a dead mother talking through the telly, a partner "replaced", mania told
# by hours a night or days awake with plans, someone else's or a dead person's medicines taken
# to cope, blades found and "cutting again" told by a friend (the friend's crisis counts),
# intrusive harm thoughts, harm to a partner told by the one who did it, an allergy called
# panic, a slow pulse on propranolol, not eating for a month, laxatives, wishes never to have
# been born or to have "gone with him", a partner who punches the door by one's head.

@pytest.mark.parametrize("text", [
    'the neighbours put something in my tea so they can hear what I think',
    "I keep hearing my name called when I'm on my own in the house",
    'my late mum talks to me through the telly most nights',
    "my husband says I'm not really me, that someone who looks like me has replaced me",
    'third week on about 2 hrs sleep a night, feel amazing, bought a boat',
    'awake 5 nights straight finishing my novel, it will change the world, maxed out my credit card',
    'been getting diazepam off a bloke at work, taking 3 a day',
    "I've been taking my dad's leftover tramadol to sleep since he died",
    "found razor blades hidden in my 14 year old's room and she wears long sleeves in the heat",
    "my best friend told me she's been cutting again",
    "I keep getting thoughts about hurting my baby brother, I'd never want to",
    'last week I pushed my wife against the wall when I was drunk, I hate myself',
    'throat felt like it was closing after eating prawns, lips tingling, is it just panic',
    'on propranolol and my pulse is 42, nearly fainted getting up',
    'not eaten properly in a month, size 6 and still feel huge',
    "making myself sick after meals and taking laxatives, I'm 16",
    "wrote in her diary that she wishes she'd never been born",
    "some days I wish I'd gone with him when he died",
    "lie awake working out how long I'd be missed",
    "since my wife died I just don't want to be here",
    "he doesn't hit me but he punched the door right next to my head, I'm walking on eggshells",
    "he won't let me in the bedroom when he's been drinking so I sleep on the sofa",
])
def test_a_racing_minds_sign_for_a_doctor_told_sideways_is_caught(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    'my mum put something in my tea, sugar I think, neck stiff',
    'heard my name called at the bus stop, it was my friend, shoulders tight',
    'my nan talks to the telly during the quiz, back ache',
    'slept 2 hrs on the flight, jet lagged, neck stiff',
    "taking my dad's advice and stretching more, hamstrings tight",
    "found a razor blade in the shed clearing out, cut my finger, it's fine",
    'cutting back on sugar and coffee, headaches',
    'intrusive thoughts about whether I locked the door, stress',
    "pushed my wife's car when it broke down, back sore",
    'lips tingling after the chilli, ha, jaw tight',
    "resting pulse 44, I'm a marathon runner, calves tight",
    'not eaten properly since the stomach bug on monday, feeling better, back ache',
    "I wish I'd gone with them to the gig, so jealous, neck stiff",
    "I don't want to be here at work on a saturday, shoulders tight",
])
def test_the_racing_minds_everyday_twins_are_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# --- holdout99 (a seventh fresh mix, told on someone's behalf) ---------------------------------

@pytest.mark.parametrize("text", [
    "my dad's got a tightness in his chest going into his jaw, he's clammy and says it's just "
    "heartburn, wants a shoulder rub",
    "my 13 year old's headaches keep getting more frequent and she's waking at night with them",
])
def test_a_sign_told_on_someones_behalf_and_explained_away_by_them_still_counts(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_lay_persons_own_explanation_does_not_make_a_heart_attack_a_check():
    assert verdict("he's grey and sweaty with pain down his left arm, he says it's just "
                   "indigestion") == "urgent"
    assert verdict("my GP checked me and said it was indigestion, all fine now, shoulders "
                   "tight") != "urgent"


# --- the twenty-third review (53beb1a..d7fe76f: 3 hidden, 18 false alarms) ----------------------

@pytest.mark.parametrize("text", [
    "going to batter him at tennis tonight, wrist sore",
    "we'll smash them at the quiz tonight, neck stiff",
    "he's off to the clay shoot with his gun, not answering, left a note about dinner",
    "my son went out with his mates, phone's off, won't be coming back till late",
    "mum's moving abroad for good, said goodbye at the airport, her phone is off now",
    "the physio, she said it was just a muscle, my chest hurts when I press on it",
    "heart rate 45 and a bit lightheaded after the sauna",
    "hit my girlfriend with a pillow in a play fight, we were laughing",
    "walking on eggshells at work with the new manager, shoulders tense",
    "the neighbour chats to me through the thin walls, lovely woman",
    "heard my name called when I was home alone, turned out to be the radio",
    "found my husband's old razor blades in the bathroom bin",
    "nobody would miss me at the meeting if I left early, neck stiff",
])
def test_a_false_alarm_the_twenty_third_review_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_lay_persons_explanation_is_no_check_but_a_clinicians_he_or_she_is():
    assert verdict("he's sweaty with pressure into his jaw and says it's just wind") == "urgent"
    assert verdict("my GP saw me on Monday, she said it was costochondritis, chest sore when "
                   "I press it") != "urgent"
    assert verdict("had chest pain last week, went to A&E, says it was muscular, fine now, "
                   "shoulders tight") != "urgent"


def test_a_clinician_named_only_as_refused_makes_no_check():
    """Review 15h: "he says it's just indigestion, he won't go to the GP" is no check."""
    assert verdict("crushing pain in his chest going into his arm, he says it's just indigestion "
                   "and he won't go to the GP") == "urgent"



# --- the twenty-fourth review (d7fe76f..3ff1b2a: 9 hidden, 2 false alarms) ---------------------

@pytest.mark.parametrize("text", [
    "honestly nobody would miss me if I was gone, neck killing me",
    "my sister left a note on the side and her phone is off, we can't find her",
    "my mate said he's gone for good and isn't answering, he's been so low",
    "after football I'm going round to his tonight with a knife to stab him",
    "I pushed my wife down the stairs when I was drunk, told her it was an accident, she's "
    "scared of me",
    "dad hears voices no one else hears, the scan turned out to be nothing but he still hears them",
    "found razors in his room hidden in a sock",
])
def test_what_the_twenty_fourth_review_found_hidden_is_caught(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_child_illness_plainly_over_is_not_counted_for_anyone():
    assert verdict("my little one had croup last week, all better now, she loves a foot rub") \
        not in ("see_doctor", "urgent")
