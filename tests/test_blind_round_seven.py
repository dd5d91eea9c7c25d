"""Session 13: the second reading of session 12's third round, and families from blind sets
written and scored once before mending (holdout85 nerves, holdout86 a fourth fresh mix,
holdout87 shoulders, arms and hands). Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    # a likeness is not the cause: "like after a workout" explains nothing away
    "started atorvastatin in the spring and my thighs ache like after a workout I never did",
    "on a statin since March, aching all over as if I'd run a marathon. I haven't.",
    "On Crestor, shoulders tender and weak for a fortnight, no idea why.",
])
def test_statin_aches_told_by_a_likeness_are_for_a_doctor(text):
    assert screen(text).verdict == "see_doctor", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # the cause told plainly still explains it; "like" as a hedge before an amount is no likeness
    "on simvastatin for years, legs ache after my run yesterday",
    "came off my bike at like five miles an hour, nothing broken just a bruise on my hip; "
    "shoulders tight",
])
def test_a_cause_told_plainly_still_explains(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a dirty wound and a stiff jaw: no everyday reason for the jaw explains tetanus away
    "trod on a rusty nail in the garden last week, no booster, now my jaw is stiff. I clench "
    "from stress though",
    "stood on a nail in the shed 6 days ago, jaw is tight and I grind my teeth anyway",
])
def test_a_stiff_jaw_after_a_dirty_wound_is_urgent_whatever_the_jaw_usually_does(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text, verdict", [
    # each explanation counts on its own (they were one long phrase needing "bruise" first)
    ("my big toenail went black after the marathon this week, I'm 80 and fine", "caution"),
    ("her knee has been puffy for a week after she twisted it at netball", "ok"),
    ("his knee has been swollen for 2 weeks, no injury", "see_doctor"),
    ("my toe went grey and cold this week, I am 81", "see_doctor"),
])
def test_each_explanation_in_an_unless_list_stands_alone(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


# The second reading of session 12's third round (fa3eb6d..a276d7c): what it hid, and the
# everyday messages its loose patterns sent to a doctor or to 999.

@pytest.mark.parametrize("text, verdict", [
    # a typo mended to a word only a rule knows hid the sign ("wony" became "wont")
    ("mums face has gone wony on one side, happened an hour ago", "urgent"),
    ("ive been losing weigt without trying and have night sweats", "see_doctor"),
    # weeks by dates are read only when no scan figure is given
    ("37 weeks by dates / 35+4 by scan. Tightenings every 5 mins since 2am, lower back killing me",
     "urgent"),
    # what folding twins had lost
    ("bg was 2.9 overnight and I didnt wake up, partner found me sweaty", "see_doctor"),
    ("erection since last night and my penis is really sore now, it won't go down", "urgent"),
    ("left calf 42 cm right calf 38 cm, been on a long flight", "see_doctor"),
    ("boob is sore all the time in the same place near my armpit", "see_doctor"),
    # a hyphenated medicine is read whole ("co-codamol" was mended into another word)
    ("took a whole box of co-codamol about an hour ago", "urgent"),
    # sciatica down both legs: the NHS sends it to A&E
    ("had sciatica for a month and now its gone into the other leg as well", "urgent"),
    # the real signs the loose patterns were meant for
    ("took viagra at 10pm and it still won't go down, it's 4am now and it hurts", "urgent"),
    ("my wee has gone pink and I haven't eaten beetroot", "see_doctor"),
    ("my wee is stop start and getting worse, up 3 times a night", "see_doctor"),
    ("found a hard pea sized lump on my left ball this morning", "see_doctor"),
    ("took 20 of my sleeping tablets an hour ago", "urgent"),
    ("took half a box of paracetamol an hour ago", "urgent"),
    ("on apixaban, blood in my wee and feel dizzy", "urgent"),
    ("on atorvastatin, my thighs are so weak I couldn't get up off the loo this morning", "urgent"),
    ("on dialysis, missed my session, heart is fluttering and legs feel weak", "urgent"),
    ("tampon in since yesterday, temperature 39.2, rash like sunburn and dizzy", "urgent"),
    ("heart failure, put on 2 kilos since monday and my ankles are swollen", "see_doctor"),
    ("started amoxicillin this morning and now my lips are swelling up", "urgent"),
    ("on warfarin, nosebleed for 30 minutes now and it won't stop", "urgent"),
])
def test_what_the_third_round_hid_or_meant_is_caught(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "on sildenafil for my lung pressure and its still hard to get up the stairs, want a leg routine",
    "used sildenafil last night first time, still hard 20 mins after, anyway my hamstrings are tight",
    "my neck is a wee bit red after using the foam roller",
    "my wee is the colour of tea when i forget to drink water at work, lower back ache",
    "I find it hard to get going in the morning, lower back is stiff and worse after sitting",
    "I'm in stop start traffic every day and my neck is worse at night",
    "knee swollen after football, eyes red and itchy from hay fever, can i massage around it",
    "I roll a massage ball on the inside of my thigh for tight adductors",
    "I'm coming down with a cold, been stuck inside all week and my neck is stiff",
    "knot in my trap feels like a pea, tried a massage ball on it",
    "had most of a box of chocolates last night and feel bloated, lower back sore",
    "necked half of the bottle of wine at the wedding, neck stiff from dancing",
    "I only took half of my zopiclone last night and still slept badly, neck sore",
    "ive had about 10 of those sports massages and my back is still tight",
    "I do slow breathing exercises before bed, on pregabalin for fibromyalgia, shoulders tight",
    "I'm on blood thinners for AF and get a bit dizzy when I stand up too fast, tight hamstrings",
    "finished a 5 day course of prednisolone for my asthma, stopped it monday and cant sleep "
    "with neck pain",
    "on gabapentin and run out of steam by 3pm, cant sleep well at night, shoulders tight",
    "I eat bananas for potassium to stop cramps, my legs feel weak after the gym",
    "Trying to get fit again, my legs were shaking after five minutes on the bike",
    "I'm 38 and get awful period cramps, feel sick on day 1, I use tampons, want a routine for "
    "my lower back",
    "I weigh myself every morning as I'm dieting. Neck stiff, I sleep on 2 pillows",
    "lost 3 kg since starting the gym, my legs feel heavy after squats",
    "I have kidney disease, well controlled. My knee is swollen after I twisted it at badminton",
    "I fell over playing five-a-side, lower back sore, I'm 6ft and weigh 85 kg",
    "my calves measure 38cm, trying to get them to 42cm, which stretches help",
    "leg day yesterday, both legs now killing me, pain when i walk downstairs",
    "I'm on the pill, get out of breath running and a stitch that's sharp when I breathe in, "
    "calves tight",
    "I'm type 2 diabetic, do breathing really deep and slow to relax my neck before bed",
    "my daughter is type 1, checked her ketones at 3 o'clock, they were 0.2, she has a sore neck",
    "I'm a guitarist and my fingertips are so numb I can't feel the strings, wrists ache",
    "walking the dog uphill my thighs burn and i have to stop for a breather, unfit after lockdown",
    "I've got sickle cell, it's well controlled, but painkillers don't help my desk neck much",
    "I have type 1 diabetes, well controlled, my sugars dropped a bit after the gym two times "
    "this week, sore quads",
])
def test_an_everyday_message_is_not_sent_to_a_doctor(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "On amoxicillin for a chest infection, still a bit wheezy and short of breath, tight upper "
    "back from coughing",
    "since the birth I wake up soaked, sheets drenched in sweat, neck sore from feeding",
    "Did my back in having sex last night, felt a pop in my lower back and now the muscle is swollen",
    "my husband is 82, on warfarin, and had a nosebleed last tuesday that stopped after 20 "
    "minutes, he's fine now, shoulders stiff",
    "pain in my lower back on the right side came on suddenly at the gym deadlifting, felt dizzy",
    "mid cycle cramps again, 38 degrees outside and im melting, lower back ache",
    "got shingles, the rash is blistering now and I had a fever last week, back aches",
    "I'm on a statin. Did my back in lifting a box and couldn't get up off the floor for ten minutes",
])
def test_a_sign_for_a_doctor_is_not_made_an_emergency(text):
    assert screen(text).verdict != "urgent", flag_ids(screen(text))


# holdout85 (nerves) missed 13 of 108 red flags text alone and holdout87 (shoulders, arms and
# hands) 14, with 3 emergencies under-called. Worded afresh.

@pytest.mark.parametrize("text", [
    # a carer sees two of face, arm and speech go
    "rubbing my aunt's hands and all of a sudden her left hand went limp and her words came out "
    "jumbled",
    "massaging grandpa's shoulders, he suddenly couldn't grip my hand on his right and he's not "
    "answering properly",
    # tingling climbing from the feet with legs giving out, days after a bug
    "Had food poisoning last week. Sunday my toes tingled, Tuesday it was up to my knees, today my "
    "legs are like jelly and I can hardly get up the stairs",
    # a neck artery after a fast turn
    "cracked my neck turning round quickly this morning, now terrible pain behind my left ear and "
    "I'm staggering when I walk",
    # out of shape now, hanging off, a live wire
    "came off the scooter 20 mins ago, my wrist has a step in it and I can't move it",
    "my shoulder popped out at climbing just now, arm's hanging and the top looks flat",
    "sliced the tip of my thumb off with the mandoline, it's hanging off",
    "got a shock off the mains while changing a socket an hour ago, hand tingling and my heart "
    "keeps skipping",
])
def test_an_emergency_told_by_what_a_limb_does_is_urgent(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the fleshy bit between my thumb and first finger has gone hollow over the summer, and my hand tingles",
    "numb fingers most nights and this week I keep dropping mugs",
    "pins and needles in my little finger for weeks, now I can't do up buttons on that hand",
    "my left knee gave way twice on the stairs and the front of my thigh is numb",
    "new tremor in my right hand and I've slowed right down, my handwriting is smaller. 68",
    "can't lift my arm out sideways since Monday, doesn't hurt at all",
    "left side of my face has been tingly on and off and my left eye goes blurry",
    "after about 300 metres my legs go numb and heavy and I have to lean on something till it eases",
    "felt a pop in my elbow lifting the sofa and now my biceps has bunched up near my shoulder",
    "my shoulder keeps slipping out when I reach behind me, third time this month",
    "tingling strip across my ribs on the right for two days and now little blisters along it",
    "two of my fingers have swollen up like sausages, I have psoriasis",
    "mum's in bed after her hip op and one forearm is swollen and warm compared with the other",
    "fell on my outstretched hand a month ago, wrist still sore at the base of my thumb",
    "when I reach overhead my fingers go white and cold and tingle",
    "right shoulder getting worse for six weeks, now it wakes me every night and aches even at rest",
    "had lymph nodes removed 3 years ago and this week that arm has swollen and feels heavy",
])
def test_a_nerve_or_limb_sign_for_a_doctor_is_sent_there(text):
    # (an older stroke rule calls a few of these urgent — "keep dropping", "can't lift my arm";
    # what matters here is that none gets a routine)
    assert screen(text).verdict in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "whacked my funny bone on the door, electric zing to my little finger, gone now. shoulders please",
    "static shock off the car door again! neck's tight",
    "dizzy after spinning the kids round on the lawn. back's stiff",
    "knees sore from kneeling at mass this morning, lower back stiff",
    "blisters on my heel from new boots, they sting, calves tight from the walk",
    "my dad had a stroke last year and is in rehab; this is for my own tight upper back",
    "my calf wasted a bit in the cast, it came off last week and physio is happy",
    "shoulder popped out years ago playing rugby, fine since, just tight traps",
    "my arm was shaking after holding the plank for two minutes",
])
def test_a_harmless_twin_of_a_nerve_or_limb_sign_gets_a_routine(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


# holdout86 (a fourth fresh mix) missed 8 of 108 signs for a doctor text alone. Worded afresh.

@pytest.mark.parametrize("text", [
    "did the calf routine three nights running and now that calf is worse than before I started, "
    "and my ankle's gone puffy",
    "I'm 61 and the last couple of months I'm either bunged up or running to the loo, never "
    "used to be like this",
    "my husband spotted a bulge on my lower back that wasn't there last month, it aches around it",
    "took a knee in the thigh at hockey yesterday, the quad is rock hard and I can't bend my knee "
    "past 90",
    "been on ibuprofen every day for 6 weeks for my back and it's no better",
    "ache between my shoulder blades day and night for weeks, no position helps, and this cough "
    "won't clear",
    "pain under my right ribs after a takeaway, lasts a few hours, keeps coming back",
    "my left arm aches when I walk up the hill to work and goes off when I stand still",
])
def test_a_sign_for_a_doctor_from_a_fourth_mix_is_sent_there(text):
    assert screen(text).verdict in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "calves sore after the routine, like after a long walk, nothing swollen",
    "I'm 55 and had the runs on holiday last week from the food, all settled now, back stiff",
    "bit of a bulge round my middle after Christmas, lower back stiff",
    "dead leg from a knee at football yesterday, bit sore, bends fine",
    "stitch under my right ribs when I run, goes when I walk",
    "jaw clicks when I chew, and my neck aches at the desk",
])
def test_a_harmless_twin_from_a_fourth_mix_gets_a_routine(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


# The second reader's review of this session's own change (a276d7c..5eeb222): what the mending
# had hidden, and the false alarms its new rules raised.

@pytest.mark.parametrize("text, verdict", [
    # spelling repair: the letters' own evidence comes before where a word was learnt
    ("my tounge is swelling up after i used the new massage oil", "urgent"),
    ("my suger was 2.9 overnight, sensor alarm woke me, never used to miss them", "see_doctor"),
    ("my son is really thirsy and weeing constantly and getting thin", "see_doctor"),
    ("i keep faining when i stand up and my heart races", "see_doctor"),
    # an overdose told by a number needs no medicine named; brands and "sleepers" are medicines
    ("my son took about 20 of them, the blue ones from my drawer", "urgent"),
    ("took the rest of the box of solpadeine after a row with my bf", "urgent"),
    # slow breaths on morphine, however they are told; a practice nurse is no practice
    ("dad is on morphine for his cancer and he is taking really slow breaths and we cant get much "
     "out of him", "urgent"),
    ("mum takes oxycodone, the practice nurse upped it yesterday and now her breathing is really "
     "slow and snory", "urgent"),
    # withdrawal: running out, and stopping long-term steroids
    ("been on tramadol for a year, ran out on friday, now sweating and cant sleep and shaky",
     "see_doctor"),
    ("been on pred for my asthma for 2 years and ran out of it 3 days ago, now shaky and washed "
     "out and sweating", "see_doctor"),
    # a timetable or a clock time explains nothing
    ("I always have dialysis mon wed fri, missed wed, now heart fluttering and my legs are heavy",
     "urgent"),
    ("type 1, woke at 3am with breath smelling of pear drops and being sick", "urgent"),
    ("the room keeps spinning the whole time when i lie down", "see_doctor"),
    ("when i look down i get electric shocks down both arms, happens pushing the trolley at work",
     "see_doctor"),
    ("on rivaroxaban, my period is really heavy with clots and im dizzy and pale", "urgent"),
    ("on statins and cant get up off the toilet without help now, wee is normal", "urgent"),
    ("I have CKD and I've been feeling sick for a week and I'm really puffy", "see_doctor"),
    ("my calves hurt when i walk and i have to stop and stand still, im unfit i know but its "
     "getting worse and worse", "see_doctor"),
    ("sickle cell, in agony, the painkillers arent touching it", "urgent"),
    ("took viagra last night and im still hard and it really hurts", "urgent"),
    ("during sex last night there was a loud crack, now its swollen and purple", "urgent"),
    ("something feels like its coming down inside when i stand all day", "see_doctor"),
    ("cant feel my threads since my last period", "see_doctor"),
    ("took my first dose of amoxicillin an hour ago, now wheezy and hoarse", "urgent"),
    ("I've got a weak flow and dribble at the end, up 3 times a night now", "see_doctor"),
    ("measured my calves, 41cm and 37cm, the left one is sore", "see_doctor"),
    ("I've been on atorvastatin, fine on it for years, but the last month my thighs ache all the "
     "time and I struggle on the stairs", "see_doctor"),
    ("2 weeks after giving birth, I've soaked my pyjamas and the sheets with blood tonight",
     "urgent"),
])
def test_what_this_sessions_mending_had_hidden_is_caught_again(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I've taken off my rings because my fingers swell at the end of the day when its hot",
    "did squats yesterday, can hardly walk down the stairs lol. also get tingling into my fingers "
    "when i type",
    "got a little shock from the plug when i plugged in my massage gun, my heart jumped lol",
    "leg pain after my run yesterday, what stretches for both legs?",
    "there are lumps in my shoulders, like knots, really tight",
    "felt dizzy for a sec, like stood up too fast from the sofa",
    "my muscles are wasted after the half marathon",
    "my hands get shaky when I pick things up after a heavy bench session",
    "my legs feel heavy after long walks, it eases after a bath",
    "got a heat rash along my neck from my hair, it's stinging",
    "my fingers swell up like sausages on long hikes, is that normal",
    "my physio says my glutes are weak which makes my leg turn in, doesn't hurt though",
    "I can't get an erection since I started the new tablets, and I sit for hours at my desk",
    "I'm on the pill, taken 16 of the active pills this month and spotting a bit, back aches",
    "had half a bottle of prosecco at the wedding, I take the pill, my feet are killing me",
    "I get a knot in the same spot every day under my shoulder blade, my boobs are big",
    "I think I have thrush, something itchy down below, also my lower back aches",
    "on cholesterol meds for years, my neck aches from my desk",
])
def test_a_false_alarm_of_this_sessions_rules_stays_quiet(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # (these were for a doctor before this session, through older rules; none is an emergency)
    "I sleep with my arm bent under my pillow and this morning I can't move my neck",
    "my shoulder feels out of place from sitting at my desk, my neck is in agony",
    "i use tampons, checked my temperature and its normal, just feel a bit sick with my usual "
    "period cramps",
])
def test_a_false_alarm_of_this_sessions_rules_is_not_an_emergency(text):
    assert screen(text).verdict != "urgent", flag_ids(screen(text))


# holdout88 (sport, round 2: 6 missed, 1 emergency under-called) and holdout89 (the whole body,
# round 2: 14 missed, 4 under-called). Worded afresh.

@pytest.mark.parametrize("text", [
    "in a 5k my watch showed my pulse leap from 160 to 230 in a second, felt odd, then it dropped back",
    "my heart flutters for a few minutes at a time during long rides lately",
    "clashed heads at rugby on Saturday, since then I've had a headache every day and feel foggy",
    "got a hard dose of sweats through my sheets most nights for a month, I'm a man in my 30s",
    "always freezing even in summer, hair falling out and I've gained half a stone. so tired",
    "ache in my bones all over, had bowel cancer 5 years ago",
    "did the whole-body routine and today my back is sorer than before",
    "I'm 63 and get out of breath on the walk to the shops, never used to",
    "foamy wee and puffy ankles this week, itchy all over",
    "my face has gone round like a moon and I've got purple stretch marks",
    "purplish rash on my knuckles and my arms tire lifting the kettle",
    "bruises keep turning up on my legs and I don't know how",
    "craving ice all the time, nails gone spoon-shaped",
    "started carbimazole last month and now I've got a sore throat and mouth ulcers",
])
def test_a_sign_from_sport_or_the_whole_body_is_sent_to_a_doctor(text):
    assert screen(text).verdict in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "took a stud to the calf an hour ago, it's getting worse and worse, tight as a drum and my "
    "foot's tingling",
    "my mate came out of the lake shaking, now he's stopped shivering and he's slurring",
    "fell off a wall about 3m onto my back, legs feel heavy and numb",
    "crashed at 30 mph, neck sore and both my arms are tingling",
    "got glandular fever, sudden pain under my left ribs and into my shoulder tip, feel faint",
    "been sick four times and the last lot was bright red blood",
    "graze on my knee has gone red and the redness spread up my thigh in a few hours, shivering "
    "with a fever",
])
def test_an_emergency_from_sport_or_the_whole_body_is_urgent(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Bit breathless walking up the big hill near us, same as it's been for years. Calves tight",
    "so thirsty after a curry and a few pints last night, peeing constantly this morning",
    "calves tight after the routine, like after a long walk, nothing swollen",
    "my heart races when I sprint, that's normal right? hamstrings tight",
])
def test_a_harmless_twin_from_sport_or_the_whole_body_gets_a_routine(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


# holdout90 (therapists' and carers' notes, round 2) missed 13 of 108 red flags text alone,
# with 1 emergency under-called. Worded afresh, in shorthand.

@pytest.mark.parametrize("text", [
    "pt back from a long-haul flight, R calf tight, today SOB on stairs, sats 90% on my probe",
    "Resident (79) found on the floor by night staff, c/o neck pain, won't turn her head",
    "Client with LBP both sides, says he couldn't feel when he'd finished weeing this morning",
    "Dad tripped down the last few stairs, he's 74, neck sore and both hands tingling now",
])
def test_an_emergency_in_a_carers_or_therapists_note_is_urgent(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Client, 81. Sore L temple for a week, hurts when she brushes her hair, jaw tires chewing",
    "o/e her L calf warmer than the R and puffy, crampy since a coach trip",
    "mentioned blood on the toilet paper a few times this month. 58. Says it's piles.",
    "during tummy massage I felt a strong pulsing above her belly button. 74, ex-smoker",
    "on movicol and senna for 6 weeks and still barely going, she's 80",
    "Prostate ca 2020. Now a constant ache in his L hip for 5 weeks, worse at night",
    "her shoulder was 3/10 before we started, now it's 7/10 and not settling since the session",
])
def test_a_sign_in_a_carers_or_therapists_note_is_sent_to_a_doctor(text):
    assert screen(text).verdict in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "pt's sats 97% on my probe, calves tight after the half marathon",
    "Resident, 84, had a fall last year, fully recovered; shoulders tight today",
    "her neck was 7/10 last week, now it's 3/10 after the routine",
    "baby kicking away under my hand during her pregnancy massage, lower back tight",
    "client on movicol short term after his op, going fine now, back stiff",
])
def test_a_harmless_note_gets_a_routine(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


# The third review (5eeb222..9d5ce40): a likeness read too narrowly hid signs ("red like
# sunburn"), spelling repair sent typos to the wrong word, and some rules were too loose.

@pytest.mark.parametrize("text, verdict", [
    ("my lips swollen like filler gone wrong and throat tight, took a new tablet an hour ago",
     "urgent"),
    ("my foot has gone white and ice cold like raynauds and its agony, came on suddenly an hour ago",
     "urgent"),
    ("my poo is black like iron tablets but im not on iron", "urgent"),
    ("night sweats soaking the bed every night for a month, like menopause but im a 30 year old man",
     "see_doctor"),
    ("calf red and hot like sunburn, swollen, after my flight", "see_doctor"),
    ("really bad cheest pain and cant breathe properly", "urgent"),
    ("my son is weezy and cant talk", "urgent"),
    ("blieding wont stop after i cut my hand, on warfarin", "urgent"),
    ("got an electric shock from the washing machine and my heart has been fluttering since",
     "urgent"),
    ("had leg pain down my right side for weeks and now its gone into both legs", "urgent"),
    ("tripped over the dog and my wrist is a funny shape, i cant move it at all", "urgent"),
    ("fell on my shoulder and it looks square and flat and i cant move it", "urgent"),
    ("my legs go heavy after walking 200 yards and i have to sit down, then it eases", "see_doctor"),
    ("i have erectile dysfunction, took cialis last night and its still hard this morning and "
     "painful", "urgent"),
    ("had a hypo in the night, 2.6, sensor didnt go off", "see_doctor"),
    ("she swallowed 30 of the paracetamol tablets about an hour ago", "urgent"),
    ("pins and needles in my toes went into my legs over 3 days, now struggling on the stairs",
     "urgent"),
    ("ive cut off the end of my finger with a knife", "urgent"),
    ("i feel something at the entrance of my vagina when i wipe", "see_doctor"),
])
def test_what_the_third_review_found_hidden_is_caught(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Tough Mudder yesterday, legs have gone on strike, no injuries.",
    "hit the gym hard yesterday, feeling a bit foggy today, any stretches for my hamstrings?",
    "my hands are always cold to touch and im clumsy, any hand massage ideas?",
    "i always fall asleep on the sofa with my feet up and wake up with my legs numb",
    "my new memory foam mattress makes me sweat through the sheets most nights, neck is stiff",
    "our office is always freezing and im so tired by friday, my shoulders are up by my ears",
    "my little girl has purple stretch marks on her back from growing so fast, she's 13",
    "started new tablets for hay fever and have a sore throat from the pollen",
    "had glandular fever at 16, now 30, sharp pain in my left side when i run",
    "i've taken 12 of my 20 physio sessions so far and my back is better",
    "dad's on simvastatin and struggles to get up off the sofa because of his knee arthritis",
    "popped the top off a beer with my thumb and now it's sore lol",
    "on pregabalin, ran out the door late for work and was sweating and shaky",
    "my garmin says my heart rate shot up to 200 on the hill sprints, then back to normal",
    "rash on my eyelids from a new mascara, and my shoulders are weak after the gym",
    "my thigh is hard and tight after squats, can barely bend my knee",
    "my heart flutters when my crush walks into the gym lol, my shoulders are tight from bench",
])
def test_a_false_alarm_the_third_review_found_stays_quiet(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # (older rules send these to a doctor; none is an emergency)
    # (aches on a statin go to a doctor even with a desk to blame: an explanation by a desk
    # also hid "my thighs ache and feel weak, I work at a desk")
    "i've been on atorvastatin for years, no side effects. my shoulders ache from hunching at my desk",
    "my foot goes numb and tingly after an hour at my desk and its getting worse",
    "i cycle 20 km every day, my neck gets stiff and both my hands go numb on the handlebars",
])
def test_a_false_alarm_the_third_review_found_is_not_an_emergency(text):
    assert screen(text).verdict != "urgent", flag_ids(screen(text))


# The fourth review (d9f3581..7e36047): unless phrases added against false alarms had hidden
# real signs again; the false alarms are now met by narrower evidence instead.

@pytest.mark.parametrize("text, verdict", [
    ("started amoxicillin yesterday for tonsillitis and now my lips and tongue are swelling up and "
     "my throat feels tight", "urgent"),
    ("on atorvastatin, wee is dark brown like cola lol and my legs are aching loads", "urgent"),
    ("mum is on a statin and cant get up off the toilet, her hips and knees are so weak, wee is "
     "dark", "urgent"),
    ("started atorvastatin 6 weeks ago and my thigh muscles ache and are weak, worse after a walk",
     "see_doctor"),
    ("swallowed about 30 of them while the kids were at school, feel fine", "urgent"),
    ("took 20 of my mums tablets, went through the whole packet", "urgent"),
    ("my sciatica used to be one side but now its down both legs after running", "urgent"),
    ("used to do long walks but now my legs go numb after 200 yards and I have to sit down",
     "see_doctor"),
    ("HR jumps to 230 during intervals and then suddenly stops and drops back to normal, feel weird",
     "see_doctor"),
    ("glandular fever last month, now sudden sharp pain left side, pale and dizzy, I recovered from "
     "the worst", "urgent"),
    ("always cold even with the heating on, hair thinning, put on a stone", "see_doctor"),
    ("new purple stretch marks on my belly and I bruise easily, not on any steroids", "see_doctor"),
    ("CKD stage 4, feel sick since a takeaway on friday, barely weeing", "see_doctor"),
    ("heard a crack during sex when I hit the headboard, now it's swollen, purple and bent",
     "urgent"),
    ("took a knock in rugby on Saturday, been foggy and light hurts since", "see_doctor"),
])
def test_what_the_fourth_review_found_hidden_is_caught(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my mobility was 3/10 and now it's 7/10 after a few weeks of sessions, so happy",
    "stress was 3/10, now it's 7/10 since work got busy, need a massage",
    "pulse ox said 98%, pulse 72, just checking before we start",
    "my son is 11 and stressed about his SATs, he got 85 in the mock and his neck is tight",
    "did altitude training in the alps, my sats were 90 up the mountain, legs tired now",
    "my nan is in a care home, she fell asleep watching telly and her neck is sore now",
    "pulse racing and tummy churning with anxiety before my interview",
    "took 30 of the stairs two at a time, calves burning",
    "took 20 of the boxes up to the loft and now my back aches",
    "my phone cut off while I was typing, finger a bit sore from texting all day",
    "my legs feel heavy after walking round the shops all day, better when I rest",
    "Back sore after deadlifts. 80. kg for 5 reps.",
])
def test_a_false_alarm_the_fourth_review_found_stays_quiet(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


# The fifth review (7e36047..5619bdd) found 32 signs hidden by the fourth round's narrowing; the
# evidence is widened again (the false alarms that come back are on the safe side: "pints" no
# longer explains dizziness, because it hid "dad fell after a few pints and now he's dizzy").

@pytest.mark.parametrize("text, verdict", [
    ("mum has been on movicol for 3 weeks and still hasnt been", "see_doctor"),
    ("client on movicol 2 weeks, hasn't been, tummy swollen", "see_doctor"),
    ("had a stomach bug last week, now pins and needles spreading up to my knees, legs like jelly, "
     "couldnt finish my workout", "urgent"),
    ("cut off part of my finger with the mandoline, bleeding loads", "urgent"),
    ("nearly cut off half my thumb with the bread knife, its hanging", "urgent"),
    ("legs go heavy when I walk to the shops and I have to lean on the trolley", "see_doctor"),
    ("got an electric shock from the socket when i plugged in my tens machine, chest has been "
     "fluttering since", "urgent"),
    ("dad fell after a few pints and now he's dizzy and off balance", "see_doctor"),
    ("her oxygen levels were down to 88 this morning", "urgent"),
    ("nan is 86, she fell asleep in her chair and fell out of it, now neck is sore and she wont "
     "turn her head", "urgent"),
    ("CKD stage 4, been feeling sick since tuesday and not eating", "see_doctor"),
    ("took 20 of the blue ones from the cupboard", "urgent"),
    ("swallowed 30 of my mums, feel fine though", "urgent"),
    ("took 20 of the tablets out of the box and swallowed them all", "urgent"),
    ("took the first dose of flucloxacillin and now I'm hoarse and itchy all over", "urgent"),
    ("bruises on my arms and I don't know how I got them, gums bleed too", "see_doctor"),
    ("shin was 2 out of 10 after the session, now 6 out of 10", "see_doctor"),
])
def test_what_the_fifth_review_found_hidden_is_caught(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a statin with urine dark from too little water, and no aching, is no emergency (MHRA: dark
    # urine with muscle pain or weakness)
    "I'm on atorvastatin, wee gets dark in the mornings if I haven't drunk much",
    "on rosuvastatin, my wee was brown after beetroot lol, shoulders stiff",
])
def test_dark_urine_on_a_statin_without_muscle_symptoms_is_not_an_emergency(text):
    assert screen(text).verdict != "urgent", flag_ids(screen(text))


# The sixth review (5619bdd..0047b29): a statin's dark urine told with heavy or stiff muscles,
# a pulse oximeter's low number, an older person who fell yesterday, tingling climbing to the
# hands — hidden by the fifth round's narrowing, caught again.

@pytest.mark.parametrize("text", [
    "im on simvastatin, legs feel heavy and stiff and my pee is dark brown",
    "the pulse ox says 87 and he's blue round the lips",
    "my daughter's sats were 90 at school today, the school nurse sent her home, she's wheezing a lot",
    "Grandad 84 fell yesterday and now he can't turn his head",
    "pins and needles in my toes for 3 days now moving up to my fingers and hands, legs like jelly, "
    "struggling to walk",
])
def test_what_the_sixth_review_found_hidden_is_urgent(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my smartwatch says sats 98% and heart rate 84 after my run, calves sore",
    "my thumb is sore from gaming and I'm hanging by a thread this week with work",
    "did the stretches, took 10 of the ones from your list and my neck feels loads better",
])
def test_a_false_alarm_the_sixth_review_found_is_not_an_emergency(text):
    assert screen(text).verdict != "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # the sixth review's level questions: a trigger finger, a cough's hoarse voice, a TENS pad
    "GP thinks it's trigger finger, my middle finger gets stuck bent in the mornings and keeps "
    "catching, can't move it straight without pushing",
    "on amoxicillin for a chest infection, voice hoarse from coughing, aching all over",
    "I get an electric shock off the tens pads when I peel them off, bit tingly",
])
def test_a_gp_level_problem_is_not_sent_to_999(text):
    assert screen(text).verdict != "urgent", flag_ids(screen(text))
