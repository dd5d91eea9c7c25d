"""Session 14: the seventh second reading (0047b29..8da1113), and families from blind sets
written and scored once before mending (holdout91 a fifth fresh mix, told with unusual time
and person; holdout92 heads, necks, jaws and faces). Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import default_engine, screen
from unknot.text.patterns import find_hits


def verdict(text: str) -> str:
    return screen(text).verdict


# --- an oximeter's number is the first number after the word ---------------------------------

def test_a_words_only_gap_skips_no_number():
    lexicon = default_engine().lexicon  # the real reading of words and numbers, rules' words known
    compiler, read = lexicon.compiler, lexicon.read
    regex = compiler.compile(["sats ..6w 88|89|90"])
    assert find_hits(regex, read("her sats have been sitting at 89 all day"))
    assert not find_hits(regex, read("sats 98, pulse 88"))
    assert find_hits(compiler.compile(["sats ..6 88|89|90"]), read("sats 98, pulse 88"))


@pytest.mark.parametrize("text", [
    "mum's oxygen has been hovering round about 89 since lunch",
    "the o2 on his finger monitor only read 90 this morning",
    "grandad's sats dropped in the night, lowest was 86",
    "on the sats probe overnight and it fell to 85 twice",
    "her oxygen went from 96 to 88 within the hour",
])
def test_a_low_oxygen_reading_told_a_few_words_on_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "pulse ox says 97, heart rate 86 after the stairs, calves tight",
    "sats 99% and pulse 90 after my spin class, quads sore",
    "oxygen 98 on the watch, resting pulse dropped to 58 since I started running",
])
def test_a_heart_rate_after_a_normal_oxygen_reading_is_not_a_low_reading(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- the seventh review's hidden signs -----------------------------------------------------

@pytest.mark.parametrize("text", [
    # a mains shock whatever was being turned up or charged
    "got a shock off the wall socket when I turned the heater up, my heart's been skipping since",
    "plugged in the charger for my tens pads and the socket gave me an electric shock, chest "
    "fluttery now",
    # a fingertip hanging by skin, told many ways
    "the end of my finger is hanging by a bit of skin after the mandoline",
    "thumb tip hanging by a thread, did it on the hedge trimmer",
    # "the ones" swallowed are tablets, whatever they look like
    "my son took about 25 of the ones in the bathroom cabinet",
    "she's swallowed 20 of the yellow ones from her nan's drawer",
    # a statin, dark urine and muscles that fail, with beetroot ruled out
    "on atorvastatin, wee like cola and my thighs are tender, and no I haven't had beetroot",
    "simvastatin, can barely get up the stairs, pee gone brown",
    # a wheeze after the first dose, though the voice was hoarse from a cough before
    "hoarse from coughing for days, then took my first clarithromycin an hour ago and now I'm "
    "wheezing",
    # a limb stuck bent after an injury; a ball caught badly
    "my lad's elbow is stuck bent since he came off the trampoline and he won't move it",
    "was catching a rugby ball and my finger's bent sideways, can't move it",
])
def test_what_the_seventh_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a statin mentioned beside cola, tiredness or a desk-stiff neck is no muscle breakdown
    "I'm on a statin and drink far too much cola, neck stiff from the laptop",
    "dad takes simvastatin, tired in the evenings, wee a bit dark when he forgets to drink",
    # tingling into the hands from typing, with legs sore from the gym, does not climb from the feet
    "pins and needles creeping up into my fingers when I type, legs like jelly after squats",
    "numbness spreading up my arms on the rowing machine, and my legs are wobbly after leg day",
    # everyday words that only look like the signs
    "took 15 of the little ones to the swimming gala, back aches from the benches",
    "finger keeps catching and gets stuck bent in the morning, GP says trigger finger",
    "I get a tingle off the tens pads when I peel them off, nothing else",
])
def test_a_false_alarm_the_seventh_review_found_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- holdout91: a decision to end one's life, told without the word ------------------------

@pytest.mark.parametrize("text", [
    "not telling anyone else this: tonight's the night I finally end it. just want to relax first",
    "the letters for my family are written and I've got enough. I want to be calm when I do it.",
    "decided I'm ending it at the weekend, nobody knows, shoulders are so tense",
    "I won't be here by morning. said my goodbyes. something for my neck please",
])
def test_a_decision_to_act_with_preparations_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "notes for my talk are written, got everything I need, want to be calm before I do it",
    "tonight's the night, my first gig! neck tight from nerves",
    "booked the skydive, going through with it on Saturday, nobody knows yet lol",
    "last day at work, said goodbye to everyone, shoulders stiff from packing",
])
def test_an_everyday_decision_is_not_a_crisis(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- holdout91: sight lost in one eye, told as "can't see out of" --------------------------

@pytest.mark.parametrize("text", [
    "woke at 6 unable to see out of my left eye, temple tender all week",
    "since lunch mum has been unable to see out of her right eye",
])
def test_sight_gone_from_one_eye_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


def test_an_eye_blind_since_childhood_is_no_emergency():
    assert verdict("blind in my left eye since I was small, neck stiff from work") in ("ok", "caution")


# --- the eighth review (8da1113..df1b441) ---------------------------------------------------

def test_a_not_followed_by_slot_matches_no_word_and_rules_out_the_next():
    lexicon = default_engine().lexicon
    compiler, read = lexicon.compiler, lexicon.read
    regex = compiler.compile(["o 2 ..6w 88|89|90 ..0 !minutes|quid"])
    assert find_hits(regex, read("my o2 is 89 on the clip"))
    assert find_hits(regex, read("o2 89"))  # (at the end of the text too)
    assert not find_hits(regex, read("a gig at the O2, stood for 90 minutes"))
    hit = find_hits(regex, read("o2 was 88 today"))[0]
    assert read("o2 was 88 today").tokens[hit.last].norm == "88"  # the look ahead takes no word


@pytest.mark.parametrize("text", [
    # a time or a flow before the reading, or a falling series
    "nan's oxygen at 4am was 87 and she's struggling for breath",
    "dad's sats 95 then 92 then 90 over the afternoon",
    # a statin's dark urine with tight muscles or a chair hard to leave
    "on rosuvastatin, calves really tight and my wee has gone dark brown",
    "simvastatin, wee looks like coke, can barely get out of bed",
    # tingling climbing from the hands with legs failing, nothing to explain it
    "tingling in my fingers for 2 days now creeping up to my elbows, and my legs keep giving way",
    # a mains shock from a TENS machine's plug is still a mains shock
    "the plug of my tens machine gave me an electric shock at the wall, chest fluttering since",
    # "the little ones" swallowed for sleep are tablets
    "my sister swallowed about 25 of the little ones to help her sleep",
    # a testicle lying sideways
    "my son says one ball looks sideways and it came on during PE",
    # calm after affairs are settled, whatever else is said
    "put my affairs in order this week and feel oddly calm, even wrote my own eulogy",
])
def test_what_the_eighth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # everyday decisions, goodbyes and "enough"
    "I'll do the routine after work, have enough time for 15 mins",
    "tonight I end things with my girlfriend, nobody knows yet, jaw clenched",
    "tonight's the night I propose! nobody knows except her mum, neck so tense",
    "my last night in Lisbon, said goodbye to the hostel crew, back sore from the bunk",
    "going through with it - the knee op is Tuesday, haven't told work, hips ache",
    # a number with a unit after an oxygen word is no reading
    "saw a band at the O2 and stood for 90 minutes, lower back is wrecked",
    "my O2 bill is 85 quid, rip, anyway shoulders tight",
    # "the ones" that are exercises or children
    "did 12 of the ones from the video and my back feels looser",
    "took 14 of the older ones on the Year 8 trip, feet are killing me",
    # hands from typing, feet cold, a TENS lead's jolt, a finger hanging on to a rail
    "feet always cold and now up to my hands too, hard to walk in these boots",
    "the tens lead gave me a little jolt when I moved, tingly under the pad",
    "thumb sore from hanging on to the bus rail every day",
    # a trigger finger that caught on something
    "my trigger finger gets stuck bent and I can't move it, caught it on my sleeve this morning",
    # cataract
    "can hardly see out of my left eye with the cataract, op next month",
])
def test_a_false_alarm_the_eighth_review_found_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- the ninth review (df1b441..68cfaf1) ----------------------------------------------------

@pytest.mark.parametrize("text", [
    # a decision told in everyday words, with goodbyes, tablets or an apology for everything
    "going through with it tonight, I've said goodbye to everyone",
    "I won't be around much longer, said my goodbyes, nobody knows",
    "made my mind up, doing it tonight, I've got enough pills",
    "doing it after work, sorry for everything",
    # letters and tablets, whatever else the day holds
    "letters written for the kids and I have the tablets. doing it tonight while they're at school",
    "ending it tonight, can't go on with my marriage, nobody would notice",
    # an overdose in a teenager's own words
    "my year 10 daughter took about 20 of my tablets",
    "took around 30 of them on the camping trip, feel sick",
    # sight going in one eye, a mains shock, a reading read off the screen
    "can barely see out of my right eye since lunch",
    "the tens lead was frayed and I got a shock from the socket, heart racing",
    "the oximeter shows SpO2 88 bpm 120",
    # weakness climbing from the feet told without a tingling word
    "it went toes then ankles then knees over three days, now I can't walk, had a tummy bug",
    # a joint out of shape after a fall, whatever else is said about the hand
    "gran fell this morning, her wrist is a funny shape and she can't move it; her trigger "
    "finger's on that hand too",
    "my lad fell off the wall and his finger's stuck bent, he can't move it",
])
def test_what_the_ninth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a pet's goodbye, a relationship, a challenge or a streak ended, feeling calm
    "said goodbye to our old dog at the vet yesterday, shoulders in knots",
    "made up my mind, I'm ending it with Tom tonight, feel calm about it",
    "30 day plank challenge, ending it today, so relieved",
    # hands that tingle from a hobby, legs tired from a hike or pregnancy
    "fingers tingling up to my wrists when I crochet, legs weak after the hike",
    "pins and needles in my hands spreading to my wrists at night, 32 weeks pregnant, can't get "
    "up off the sofa",
    "my hands tingle and it's spreading to my wrists, I can't stand it",
    # a ball passed sideways, the little ones taken out
    "we pass the ball sideways in drills and my knee aches",
    "took 15 of the little ones for a walk, back aches from bending",
    # an oximeter's two numbers side by side
    "oximeter 98, 76, all fine after the stairs",
    "sats 99 then 84 pulse once I sat down",
    "sats 97/98, pulse 86",
    # everyday decisions with a letter or a goodbye
    "today's the day I tell my parents, wrote them a letter, jaw so tight",
    "my last night in Rome, said goodbye to everyone at the hostel, back sore",
])
def test_a_false_alarm_the_ninth_review_found_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- holdout91 and holdout92: what was over, dreamt or joked, and what needs a doctor --------

@pytest.mark.parametrize("text", [
    "I dreamed my face dropped on one side and I couldn't talk. Woke up fine, neck stiff",
    "in the nightmare my chest was being crushed; woke up totally fine, shoulders tight",
    "my arm was dead from sleeping on it, shook it and it was back to normal in a minute. neck a bit stiff",
    "cramp in my calf at 3am, lasted a minute, fine now",
    "had a cold sore at the start of the month, all long gone, neck stiff from the desk",
    "nearly had a heart attack when I saw the bill lol, shoulders tight",
])
def test_what_was_dreamt_over_in_a_minute_or_a_fright_is_no_alarm(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


def test_waking_from_a_dream_with_the_signs_is_still_an_emergency():
    text = "had a nightmare and woke with my face drooping and my words slurred"
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "ibuprofen every day since the summer for my back and now my stomach burns after meals",
    "shoulder replacement last month and the scar is red, hot and weeping",
    "my daughter's knee is swollen and hot and she won't bend it, no fall",
    "hip op 3 weeks ago and my calf on that side is tight and purplish",
    "headache again, day 20 out of the last 30 I've taken co-codamol",
    "a shelf came down on my head 10 days ago, headaches on and off since",
])
def test_signs_for_a_doctor_told_in_everyday_words(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


# --- the tenth review (68cfaf1..c622a78) ----------------------------------------------------

@pytest.mark.parametrize("text", [
    # a dream mentioned, then the signs now
    "had a dream about my grandad and now my face is drooping and my arm is weak",
    "had a nightmare lol anyway my chest is crushing and I'm sweating",
    "she dreamt about her sister and right now she can't lift her arm and her face has dropped",
    # "wearing off" or "negative" said of something else
    "the calpol is wearing off and she's 39.8 with a purple rash that doesn't fade under a glass",
    "lateral flow negative on Sunday and my sats are 87 on the clip",
    # a decision told with its means named, or with calm
    "decided I'm ending it with the tramadol tonight, got enough saved",
    "I won't be here by morning. I feel calm for the first time in ages",
    # climbing weakness told by how weak; a testicle sideways, told by its owner
    "tingling creeping from my fingers up to my elbows and my legs are so weak I can hardly walk",
    "my son's ball has gone sideways and it's agony",
    "sats were 95 then dropped to 88 and she's breathless",
])
def test_what_the_tenth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "going through with it today - moving house! just need to pack my meds and the cat",
    "made up my mind, shaving my head for charity today, said goodbye to my hair",
    "oxygen was fine, resting heart rate 90, just tight shoulders",
    "dad's on the oxygen concentrator for 90 min every evening, my back aches from lifting him",
    "the wire on my TENS machine gave me a jolt, muscles a bit achy",
    "took 20 of the scouts camping, back aches from the tent",
    "my toddler dropped his book onto my head, tiny headache",
    "since my operation I get hot flushes, face red and hot, some discharge the nurse says is normal",
    "finished the 30 day challenge, ending it today, so relieved and at peace",
])
def test_a_false_alarm_the_tenth_review_found_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- holdout91: see-a-doctor signs told in long everyday words ------------------------------

@pytest.mark.parametrize("text", [
    "I'm 58 and since the summer my bowels have gone from every day to every 4 or 5 days, never "
    "been like this",
    "tried the tummy routine every day for a fortnight and still nothing, going once a week at best",
    "our baby is 9 weeks, no dirty nappy for 5 days and her tummy feels hard",
    "a bottle of wine most nights, and now my belly is swollen and tight and my feet are puffy",
    "61, up to wee 3 or 4 times a night and my back and hips ache all the time",
    "nan has Alzheimer's and this week she winces and shouts when I move her right leg",
])
def test_a_doctors_sign_in_everyday_words_is_for_a_doctor(text):
    assert verdict(text) == "see_doctor", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "a few too many at the weekend and my tummy's bloated, shoulders tight",
    "up once a night for a wee since I started drinking tea late, back stiff from the garden",
    "mum has dementia and always pulls away when I wash her hair, she's done it for years",
    "my 8 week old poos after every feed, want something for her wind",
    "been going to the gym once a week, legs sore",
])
def test_their_everyday_twins_are_not(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


# --- the eleventh review (c622a78..e4e501b) -------------------------------------------------

@pytest.mark.parametrize("text", [
    # a low oxygen told in a carer's list or with the lay word "rate"
    "mum's obs: sats, temp, pulse - 87, 38.2, 118",
    "his oxygen rate was 86 this morning and he's struggling",
    "sats and pulse 85 and 128, she's breathless",
    # someone in a group who swallowed tablets
    "one of the lads took about 20 of his nan's tablets",
    "one of my students swallowed 15 of them paracetamol at lunch",
    # everyday words of a decision, with the tablets at hand
    "going through with it tonight, the tablets are in my bag",
    "doing it tonight, sorry for everything, been pulling my hair out for months",
    # a baby dropped on its head, an itch after a first dose, a mains shock plugging in a TENS
    "our 5 month old was dropped on his head and has been sick twice",
    "first dose of penicillin and my voice has gone hoarse and I'm itching",
    "got a shock from the socket plugging in the lead on my tens, heart fluttering since",
    "I won't be here by morning. I'm relieved it's nearly over",
])
def test_what_the_eleventh_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my final night in Malaga, feeling so calm, neck routine before the flight please",
    "won't be around much longer today, school run, quick 5 minutes please",
    "won't be here tomorrow night, off to my sister's, shoulders tight",
    "kicked the ball sideways and my hamstring went, really hurts",
    "lay on the ball sideways to roll my hip, it's sore",
    "legs weak after the hike, moving my fingers and toes helps",
    "I had a nightmare that I was having a stroke, woke up sweating, neck stiff",
    "I keep dreaming that my chest is being crushed, it's the stress",
    "the lead on my TENS gave me a jolt, muscles a bit achy",
])
def test_a_false_alarm_the_eleventh_review_found_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- the twelfth review (e4e501b..5bef4d8) --------------------------------------------------

@pytest.mark.parametrize("text", [
    # calm after not going on, whatever the joke or the cover story
    "I won't be here by morning lol, I feel weirdly calm",
    "won't be here by morning, feel so calm now, the kids are at their dad's",
    "tonight is my last night on earth and I feel calm",
    "I won't be here much longer, I feel ready now",
    # a nightmare, then signs that are real now
    "had a nightmare, still got crushing chest pain and my left arm is numb",
    "had a nightmare and my face is drooping on one side and my arm is weak",
    "mum had a bad dream and now she's confused and her face has dropped",
    # an overdose of one's children's tablets
    "took 20 of my son's ADHD tablets an hour ago",
    # tingling that climbed from the feet, told backwards
    "the numbness has spread into my hands, it was my feet first, and my legs keep giving way",
])
def test_what_the_twelfth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "sats fine, heart rate is 90, stiff neck please",
    "oxygen is fine but my pulse is about 88 after the stairs",
    "took about 10 of them - the stretches from yesterday - back feels great",
])
def test_a_false_alarm_the_twelfth_review_found_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "been going to pilates once a week and still no change in my hips",
    "dad has dementia and shouts at the telly when I change the channel lately",
    "my non-verbal son screams when I cut his nails, every time",
    "I drink loads of water, belly swollen after meals, ankles swollen in the heat",
    "my 10 week old hasn't pooed for 3 days but he's feeding fine and his tummy is soft",
    "I'm 72, up to the loo at night, hips ache all the time from my arthritis",
])
def test_an_everyday_twin_of_the_new_doctor_rules_is_not_for_a_doctor(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


# --- the thirteenth review (5bef4d8..751d529) -----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("I'm 61 and only been once a week since Christmas, lactulose hasn't helped", "see_doctor"),
    ("nan has dementia and cries out every time we move her, it started after she slipped on "
     "Sunday", "see_doctor"),
    ("dad has Alzheimer's, since Tuesday he groans when we roll him in bed", "see_doctor"),
    ("I drink every night, my belly's swollen and tight and my ankles are swollen too", "see_doctor"),
    ("our 7 week old hasn't done a poo since Saturday and is refusing feeds", "see_doctor"),
    ("62, up to pee every night, back and hips ache constantly since I retired from work",
     "see_doctor"),
    ("mum's oxygen on the pulse is 86 and she's breathless", "urgent"),
    ("had the test results today, going through with it tonight, the tablets are by my bed",
     "urgent"),
])
def test_what_the_thirteenth_review_found_hidden_is_caught(text, expected):
    assert verdict(text) == expected, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "won't be here in the morning, early flight, feel calm about it, quick routine tonight",
    "this revision will end my life lol but I feel ready for the exam",
    "my final night tonight in the hostel, feeling calm",
    "I dreamt I was in a car crash, my leg was broken and I was coughing up blood, horrible",
    "in my dream I have crushing chest pain and my arm goes numb, so weird",
    "I keep dreaming that my face is drooping and I can't speak, so vivid",
])
def test_a_false_alarm_the_thirteenth_review_found_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# --- the fourteenth review (751d529..2b20ed8) -----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a dream, then a comma or "then", and the signs are real
    ("had a nightmare, crushing chest pain down my left arm and I'm sweating", "urgent"),
    ("had a bad dream, then the worst headache of my life came on suddenly", "urgent"),
    ("had a nightmare, my face dropped and my speech went slurry, my husband noticed", "urgent"),
    ("had a dream about work, I want to kill myself", "urgent"),
    # calm after not going on, told beside ordinary words
    ("I won't be here by morning. I feel calm with her gone", "urgent"),
    ("my final night tonight. I feel calm, it's all sorted", "urgent"),
    # a baby four days without a dirty nappy; constipation after a holiday; cans a night
    ("my 8 week old has gone four days without a dirty nappy and her tummy is hard", "see_doctor"),
    ("constipated since I got back from holiday a month ago, tried everything, still nothing",
     "see_doctor"),
    ("6 cans of lager a night, belly swollen and tight, ankles puffy", "see_doctor"),
])
def test_what_the_fourteenth_review_found_hidden_is_caught(text, expected):
    assert verdict(text) == expected, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I go climbing once a week and my forearms are tight, stretching has not helped",
    "I drink too much coffee, belly swollen by the evening, ankles puffy after standing all day",
    "dad has dementia and groans when I press his shoulders, he loves it, we started last week",
    "my 6 week old hasn't pooed for 5 days but he's feeding well and happy",
    "going through with it, moving out tomorrow, said goodbye to mum and dad tonight",
])
def test_a_false_alarm_the_fourteenth_review_found_is_not_for_a_doctor(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


# --- holdout93: the racing mind, round 3 ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "hiding in the bedroom with the door locked, he's banging on it and said he'd finish me off",
    "sat on the top of the multistorey car park again, I just want my head to stop",
    "made up my mind I won't be around after the 20th, it's fine, I've made my peace",
    "grandad's suddenly very confused since this morning and burning up; I want to soothe him "
    "with a hand massage",
])
def test_a_crisis_told_sideways_is_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "most nights I lie there hoping I just won't wake up, I'd never do anything though",
    "if a lorry hit me I honestly wouldn't mind, I'm just done",
    "it would be easier if I wasn't around, the thought's there most days",
    "the billboards on my way to work are aimed at me, they tell me what to do next",
    "I think the neighbours have put microphones in the walls to listen to me",
    "my son says the people on the telly are talking about him and he's talking to himself",
    "sleeping 2 hours a night this week and I don't even need more, so much energy",
    "stopped my lithium last month, sleeping less every night, thoughts racing",
    "been taking diazepam daily that a friend gives me, going to just stop this weekend",
    "buying pregabalin online and taking way more than I should",
    "went from 10 cans a day to none on Saturday, sweating and shaking and my heart's racing",
    "drinking a bottle of wine a night since the funeral, shaky by lunchtime",
    "I scratch my legs till they bleed when I'm stressed",
    "clean for 90 days and then it happened again last night, two on my thigh",
    "I'm 14 and my stepdad hits me when mum's out",
    "skip meals to earn food, then binge and feel disgusting",
    "on prednisolone for a week, can't sleep, wired and tearful, not myself",
    "I look after dad with dementia and I've grabbed him too hard twice this week, I'm at breaking point",
])
def test_the_racing_minds_signs_for_a_doctor_are_caught(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I'd die for a massage right now lmao, upper back like concrete",
    "my shift pattern has my body clock confused, just want to sleep better",
    "prednisolone eye drops after my cataract op, neck stiff from lying still",
    "the billboards for the new phone are everywhere, I want one lol, neck stiff",
    "I scratch my mosquito bites till they bleed, so itchy",
    "10 cans of paint later the spare room is done, shoulders wrecked",
])
def test_the_racing_minds_everyday_twins_are_not_emergencies(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# Accepted on the safe side (review 14i): unless phrases for "suicide mission", a class on risk
# assessment, a lecture, a novel's character or "lmao" hid real crises told beside them ("sat in
# class all day thinking about killing myself", "took an overdose, totally out of character"), so
# these everyday uses of the word still go to emergency help.
@pytest.mark.parametrize("text, hidden_twin", [
    ("taking the whole class to the museum tomorrow, total suicide mission, calves please",
     "I'm on a suicide mission tonight, taking all my tablets"),
    ("psych nursing student, we did risk assessment for suicide in class, feeling heavy",
     "sat in class all day thinking about killing myself, I can't do this anymore"),
])
def test_a_word_of_crisis_in_an_everyday_message_still_counts(text, hidden_twin):
    assert verdict(text) == "urgent" and verdict(hidden_twin) == "urgent"


# --- the sixteenth review (b2111cf..fafccf1) ------------------------------------------------

@pytest.mark.parametrize("text", [
    "I hope I don't wake in the morning, honestly I'm done",
    "it would be easier for everyone if I wasn't here at all",
    "stopped taking my tablets, what's the point anymore",
    "only slept 2 hours last night and the night before, I feel invincible, started 3 businesses",
    "I don't need sleep anymore, so much energy, spent my savings on a new company",
    "my daughter is 15 and hasn't eaten properly in weeks, she's so thin",
    "going to stop my diazepam this weekend, had enough of it",
    "was on a couple of bottles of wine a day, stopped Monday, shaking and sweating",
    "I'm 13 and my stepdad hits me at night when mum's at work",
    "no pleasure for weeks now, can't get out of bed",
])
def test_what_the_sixteenth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "tonight's the night I end it. it's fine.",
    "hiding from my husband, he won't stop",
    "my ex turned up at the gym and said he's going to kill me",
    "sat on the bridge again tonight, third time this week",
])
def test_what_the_sixteenth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "quit vaping cold turkey, bit confused about which foam roller to buy",
    "feeling calm, won't be around after the 12th as I'm off travelling for a month",
    "I work on the top floor and the lift is broken again, knees aching",
])
def test_a_false_alarm_the_sixteenth_review_found_is_not_an_emergency(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


def test_a_text_of_known_words_reads_without_loading_the_english_word_list():
    """A one-shot command that screens one ordinary text never loads spelling repair's word
    list (a few milliseconds of its start-up); an unknown word still loads it."""
    from unknot.text.lexicon import known_english

    lexicon = default_engine().lexicon
    known_english.cache_clear()
    lexicon.read("my neck is tight from the desk")
    assert known_english.cache_info().currsize == 0
    lexicon.read("my neck is tight from the dezk")
    assert known_english.cache_info().currsize == 1
