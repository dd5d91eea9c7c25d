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
    ("been on a sttin since march and my thighs ache all the time now", "see_doctor"),
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
