"""Session 26: review 25-8's false alarms mended — a day out at a bridge, a cliff or a roof,
everyday "took everything", a promise to join someone on holiday, a mission to find parking,
a grandparent watching a child carve a pumpkin, god-parents' messages, an article read — and
the signs it found missed in both trees: a person sent to direct motorway traffic, a fit with
no response, a child gone floppy, a packet of tablets taken after a question of fact, a fear
of a stroke told beside its signs. Worded afresh here, with decoys beside them."""

from __future__ import annotations

import pytest

from support.labelled import ESCALATED, flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


# Days out, jobs and chores that use a crisis's words: each is a plain day.
@pytest.mark.parametrize("text", [
    "cycled to the bridge after work to look down at the rowing boats going under, calves tight",
    "my partner is a roofer, standing on the roof all day looking down, his lower back aches",
    "we had drinks at a roof bar, stood by the edge looking down at the lights, neck stiff after",
    "hiked to the cliff edge to look down at the seals, gorgeous view, knees sore on the way down",
    "spent the day at the clifton suspension bridge with my nephew, so sorry I can't make Friday's class",
    "the movers took everything in one trip, my lower back is wrecked from the boxes",
    "my teenagers ate everything in the cupboards this weekend, shoulders tight from the shopping",
    "took all of them camping at half term, my hips are stiff from the air bed",
    "I promised I'd join him in Lisbon for the weekend, need my neck loosened before the flight",
    "nobody will have to put up with me at work for a fortnight, off on holiday, neck stiff",
    "got it all planned for our anniversary, that's it, nobody would guess, shoulders tight",
    "finding a space near the motorway services was a mission, my hip is sore from the drive",
    "my son was sent to the railway station to meet his gran, I have an hour for a massage",
    "the kids were watching him whittle with a knife at scout camp, my wrist aches",
    "my daughter won't open the door, she says I'm spying on her phone, my neck is tense",
    "baby is 9 days old, lovely messages from god-parents, my lower back aches",
    "my baby was sent home from the special care unit yesterday and my back is sore from the c-section",
    "went out for a bit and came round to my mum's for tea, shoulders stiff",
    "the puppy chewed up the whole strip of my propranolol, the vet says he's fine, my back hurts"
    " from chasing him",
    "nose streaming all week with a cold and a bit of blood when I blow, neck stiff",
    "my temperature has gone down and I feel fine today, just a stiff neck from lying in bed",
    "read an article about a woman who had a stroke after a chiropractor, is neck massage safe",
    "we watched a documentary with my parents about a man having a stroke, shoulders tight",
])
def test_review_25_8_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# The twins of those decoys, and signs missed in both trees: each needs help now.
@pytest.mark.parametrize("text", [
    "keep walking to the bridge at night to look down at the water, can't stop thinking about it",
    "I'm at the humber bridge, I can not do this anymore, tell my kids I'm sorry",
    "I took everything, I'm sorry",
    "promised I'd join him in heaven, it's his anniversary tomorrow",
    "my brother hasn't slept for days and says he's been sent to direct the traffic on the m6",
    "my son is in the garage with the engine running and the door shut after the race",
    "he swallowed everything in his pill box after the wedding",
    "my son is doing a weird jerking thing and won't respond",
    "my daughter is really poorly, floppy and hot",
    "my son is going floppy and has spots",
    "is it true that a paracetamol overdose doesn't show for days, my son took a packet earlier and"
    " says he feels fine",
    "my 2 year old has a fever and a rash that doesn't fade under a glass, the temperature has gone"
    " down with calpol",
    "I was stroking my dad's hair and his face dropped on one side",
    "scared it's a stroke, speech slurred",
    "can stress cause a stroke, my face has gone droopy on the left",
    "is it true strokes cause slurred speech, my husband is slurring his words",
])
def test_review_25_8_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "hit the deck on a bit of a run, came round with people over me",
    "meant to be weekly but my nan's been taking them daily, her mouth is covered in ulcers",
])
def test_review_25_8_signs_are_not_hidden(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


# holdout142–144 (session 26): the world outside the body, the arms and hands, and women's and
# men's health, read from the text alone. Worded afresh.
@pytest.mark.parametrize("text", [
    "we're in the motorhome with the little gas heater on all night, my wife keeps being sick and"
    " dozing off mid sentence",
    "my nephew fell through the ice on the canal, we hauled him out, he's blue and his breathing"
    " is really shallow",
    "there's a woman on the bench outside, minus 4 tonight, she's mumbling and barely moving",
    "grandad's heating packed up days ago, he's cold to the touch and keeps drifting off",
    "my 3 year old poked a key into the plug socket, there was a bang and there's a grey mark on"
    " his finger",
    "the ladder touched the power line while I was holding it, I was thrown and my arm feels dead",
    "oven cleaner splashed back into my left eye, it's burning and I can't open it",
    "she's allergic to wasps and I used her epipen, she says she feels fine now",
    "after the thai takeaway my tongue feels huge and my throat is closing up",
    "picked some wild mushrooms on the walk and cooked them, now I can't stop being sick",
    "at 4500m on the trek my friend is staggering and confused with a headache since this morning",
    "dug the allotment all morning and now an ache has spread from my left arm up into my jaw,"
    " I feel clammy",
    "fell off my bike and there's something white sticking out of the gash on my shin",
    "cast put on yesterday and my toes are purple and numb, the pain keeps getting worse",
    "my ring is stuck since I jammed my finger and the finger is going white and numb",
    "a thorn went into my finger on Sunday, now it's swollen like a sausage and I can't"
    " straighten it, agony",
    "dog bit my hand, there's a red line creeping up my arm and I'm shivering with my heart racing",
    "my 13 year old says one of his down there hurts and it's sitting higher than the other, he's"
    " been sick",
    "took a viagra last night and 5 hours later it still hasn't gone down, really painful",
    "his foreskin won't go back over and the end is swollen and going purple",
    "egg collection was on Friday and my tummy has blown up, I'm hardly weeing and breathless"
    " lying down",
])
def test_session_26_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "a bat got into the bedroom last night while we were asleep, there's a little mark on my arm",
    "sea swimming every day this week and my toes have been numb and tingly since, they burn when"
    " they warm up",
    "welding the gate without a visor, now my eyes are gritty and streaming and the light hurts",
    "got a black henna tattoo in Turkey and now it's raised and blistering in the pattern",
    "had a tick on my leg a month ago, now my joints ache and move about and I feel fluey",
    "my 2 year old was eating berries off a bush in the park, no idea what kind",
    "on apixaban, bumped my thigh and the bruise has got bigger overnight",
    "lymph nodes removed last year and now my arm has started swelling, rings don't fit",
    "knuckles and wrists puffy on both hands and it takes over an hour each morning before I can"
    " make a fist",
    "went through the change years ago, no periods since, but now some brown spotting",
    "I have the copper coil and just got a positive test",
    "my wee came out pink like wine this morning and I haven't eaten beetroot",
    "keep bumping into door frames on my left lately and headaches too",
    "noticed one breast goes a different shape when I raise my arm",
])
def test_session_26_signs_go_to_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "hot yoga at 40 degrees twice a week, loving it, hamstrings tight",
    "watched the lightning storm from the window last night, neck stiff from looking up",
    "beekeeper, got stung as usual, tiny bump gone already, lower back sore from lifting hives",
    "water stuck in my ear after swimming, popped out when I tilted my head, shoulders tight",
    "reading a mountaineering book, chapter after chapter of frostbite and people confused at"
    " altitude, neck stiff",
    "the breast lump turned out to be a cyst, they drained it and discharged me, shoulders tense",
    "planning for twins so we're buying two of everything, neck and shoulders in knots",
    "leaked through my jeans on a heavy first day of my period, lower back ache and cramps",
    "28 weeks pregnant, upper back tight from carrying the bump",
])
def test_session_26_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 26-1: the first mending read again. Overdoses told without the tablets named, a
# promise beside a death, a farewell at a bridge, a mission, a belief shouted beside a knife,
# a sudden tearing pain with no site, a story that ends when the real pain starts.
@pytest.mark.parametrize("text", [
    "just took everything in the cabinet, sorry",
    "I took all of them at once, I want to sleep",
    "my daughter has taken the lot, the empty packets are on her bed and she's so sleepy",
    "my wife died in june, I promised I'd be with her in the end and I'm ready",
    "nobody will have to put up with me after this weekend, I won't be here",
    "walked to the cliff edge again tonight to look down, I want to jump",
    "at the humber bridge, I can't make it through another day, tell my mum I'm sorry",
    "the dog ate my tea again so I took 10 of my amitriptyline an hour ago",
    "nose started streaming again and now blood is dripping on the floor, 30 mins and won't stop",
    "my dad suddenly got a ripping pain and went grey and sweaty",
    "he hasn't slept for three nights and says god has given him a mission, he's walking along"
    " the railway line",
    "she swears the neighbours are watching her and she's got a knife under her pillow",
    "his temp has gone down and he's breathing really fast and his skin is mottled",
    "read an article about strokes and got a droopy face and slurred speech ten minutes ago",
    "my son hasnt slept and says he's been sent to save everyone, he's heading for the motorway",
])
def test_review_26_1_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I took everything the physio said on board and my neck is much better",
    "promised my sister I'd be with her by her birthday, she's having a party, back stiff",
    "got it all planned, that's it, race day on sunday, calves need loosening",
    "went to the cliffs with my boyfriend to look down at the seals, knees sore",
    "took a packet of paracetamol over the weekend for toothache, 2 every 6 hours, jaw aches",
    "took a box of co-codamol tablets round to my dad's, shoulders tight",
    "my sister came round with people from work and we danced all night, hips sore",
    "my son goes floppy every time we leave the park, total meltdown, back killing me",
    "my boy was limp with laughter at the panto, cheeks hurt",
    "my husband got sent by work to fix a leak, he's on the roof in this wind, neck tense",
    "walked to the edge of the platform to look down the tracks for the train, back aches",
    "there was an article about a footballer who collapsed with a heart attack, calves tight",
])
def test_review_26_1_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_torn_hamstring_is_no_torn_artery():
    # (a sudden tearing into the back of a thigh may still want a doctor, not an ambulance)
    text = "sudden tearing feeling into the back of my thigh sprinting, hamstring probably"
    assert verdict(text) != "urgent", flag_ids(screen(text))


# Review 26-2: the blind sets' mending read again. Its new words must not hide a fever, a
# saddle gone numb, a story's real pain or a lightning strike, nor call an everyday day out,
# a pizza or an epipen course an emergency.
@pytest.mark.parametrize("text", [
    "back's been bad all week and now I've gone numb in my saddle area, I see a podiatrist for my"
    " feet but this is new",
    "back pain is horrific, first day of my period, and I can't empty my bladder, it dribbles",
    "lightning struck the tree we were sheltering under, I was thrown and my legs are tingly",
    "revising for my exam and suddenly my chest went tight and my left arm is heavy, sweating",
    "my wife had egg collection on Monday, her tummy is massive and tight and she's barely weeing",
])
def test_review_26_2_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "temperature of 39 and shivering, aches everywhere, it's freezing outside",
    "I always get chilblains but this time after skiing two toes went white and hard and now"
    " they're blistered",
    "lower back pain and a hard lump on my spine, thought it was a sting but it's been there two"
    " months",
    "got flu, my cold sore is scabbing over, but I feel really poorly and run down",
    "slipped on some water by the pool and her kneecap popped out, it went back in, she's 11 and"
    " limping",
])
def test_review_26_2_signs_go_to_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my knots won't release even with pressure from the massage ball, upper back so tight",
    "hot day at the beach, we went down and had a paddle, calves tight from the sand",
    "I did an epipen course at work today for the nursery, shoulders tense from sitting",
    "took the kids sledging all afternoon, they were nodding off in the car, back aching",
    "the heating is broken at work and everyone is mumbling about it, neck stiff",
    "the old bat next door was banging on our bedroom wall at midnight, hardly slept, neck stiff",
    "3 days at a festival in wellies in the rain, my feet are absolutely dead, foot rub please",
    "picked the mushrooms off my pizza and been sick all night with a hangover, neck stiff",
    "my daughter ate pumpkin seeds in the garden while I planted bulbs, she wants a back rub",
    "went trekking in the Peak District, so clumsy on the rocks, knees sore",
    "the ice pack did the job but the swelling on my ankle still hasn't gone down",
    "one of my cats was sitting up high on the wardrobe and jumped on my back, back sore",
    "soaked my jeans in two minutes in that downpour, heart racing from running for the bus",
    "sweat was pouring through two towels at hot yoga, hamstrings tight",
    "my boot went through the ice on a frozen puddle, sock soaked, calves tight",
    "repotted my umbrella plant, blisters on my palms from the trowel, forearms tight",
    "your stretching plan ticks every box, my joints ache a lot less already",
])
def test_review_26_2_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 26-3: the second mending read again. Overdoses told by a packet and a time, a child's
# pain told as "one of his is up high", a fall that bends a forearm, a fever that has settled
# with a child back at play, a story told with "and she…".
@pytest.mark.parametrize("text", [
    "did her epi pen in her thigh 10 mins ago, she's still wheezy",
    "my son went under at his swimming lesson, they pulled him out and now he's coughing and"
    " really sleepy",
    "fell off my bike in the rain and gashed my leg, blood pouring out and won't stop",
    "we had the bbq in the tent, all got pounding headaches and sick, thought it was a hangover",
    "fell out of the tree at school and his forearm has a bend in it",
    "took a packet of paracetamol an hour ago, I don't want to be here",
    "he finally took the whole box of his sleeping tablets, I found the empty box",
    "ring stuck on my finger and it's going dark blue and numb, I have raynauds but this is"
    " different",
    "picked wild mushrooms on our walk and made a risotto, now we're both vomiting",
    "calf swollen since my long flight and now I have to stop to catch my breath walking to the car",
    "hasn't slept in 3 nights, says he's been sent to save everyone and he's standing on the bridge",
    "promised my husband I'd join him, it's been a year and I'm ready",
    "I've taken the lot, stole them from the ward, please don't hate me",
    "sat on the bridge last night thinking about jumping, went into the water then climbed out",
    "lying in bed watching a film about a plane crash with a crushing pain in my chest that won't"
    " go away",
    "my little boy went limp and his eyes rolled back for a minute",
    "my 12 year old says one of his is up high and it suddenly really hurts, he's crying",
])
def test_review_26_3_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "we took everything we needed for the weekend and still forgot the tent pegs, shoulders sore",
    "took the lot for 20 quid at the car boot, back killing me from lugging it",
    "bought four cans and necked the lot, stiff neck from the sofa",
    "she took everything I said the wrong way and now my jaw is clenched",
    "no one will have to deal with me this weekend, I'm off to Ibiza with the girls",
    "a bit of dried blood when I blow my nose, it's the central heating",
    "watched a film last night where the climber falls and he gets frostbite on his toes",
    "reading a novel where the heroine gets sepsis and she starts shaking, my neck is stiff",
    "his fever has gone down and he is playing with his lego happily",
    "walked up the hill to the cliff edge to look down at the beach, what a day, calves burning",
    "promised my wife I'd join her at pilates, it's our anniversary next week, hips tight",
    "first day of my period, back is killing me and I've been leaking all morning",
    "my son is floppy after a long day at the beach, just shattered",
    "my friends came round and we sat on the floor playing cards all night, back sore",
    "shivering at the pool, the kids' swim lessons are freezing, neck stiff from the bleachers",
])
def test_review_26_3_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my dad's face has drooped and his speech is slurred, he had bells palsy in 2015 but this came"
    " on suddenly an hour ago",
    "I keep going to the platform edge to look down at the tracks when the trains come through",
    "I thought the wire was dead but it gave me an almighty shock and my heart's been fluttering"
    " since",
    "sheltering under a tree when lightning struck nearby, my arm has been numb and tingling since",
])
def test_review_26_3_signs_missed_in_both_are_caught(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# Review 26-4: the third mending read again. A real event after a story ("we were watching a
# film about the war and she collapsed") is no story; decoys written as everyday words hid a
# shock with "everyone is fine", a hairgrip beside a hoover plugged in, a shaving cut on
# warfarin, a promise "on the other side".
@pytest.mark.parametrize("text", [
    "we were watching a film about the titanic and she collapsed and isn't breathing",
    "halfway through a documentary about sharks when his lips went blue and he stopped breathing",
    "grandad was telling us the story about the war and he clutched his chest and went grey",
    "the kids were watching a film about dragons and she's been fitting for 6 minutes now",
    "was reading an article on strokes and got really bad crushing chest pain down my left arm",
    "got a shock from the socket plugging the hoover in and my hand is still tingling, everyone is"
    " fine",
    "toddler poked a hairgrip into the socket while I was plugging in the hoover, his finger has a"
    " black mark",
    "his nose has been streaming bright red for 40 mins and won't stop, he's on warfarin",
    "cut my leg shaving and it won't stop bleeding, been 40 mins, I'm on warfarin",
    "I promised I'd be with him on the other side, it's been a year since he died and I'm ready",
    "I went up to the edge of the quarry and stood there thinking about jumping",
    "I've taken the lot, going for a walk down to the river now, don't look for me",
    "nobody will have to put up with me after tonight, I'm off to the bridge",
])
def test_review_26_4_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "one of his shoulders is higher than the other, bad posture from his xbox",
    "the spinach went limp and grey in the fridge, gross, my neck is stiff",
    "when he was a baby his foreskin got stuck back once and was swollen, all fine now",
    "we got robbed on holiday, they took the lot, passports and all, shoulders tense",
    "got it all planned for the party, better off having it at home than a venue",
    "she thinks her email was sent to everyone at work, she went on the bridge to phone me",
    "I did the epipen demo on an orange in first aid, then went to the gym",
    "took a box of paracetamol round to nan's this morning, her hip is bad, my back aches",
    "there was a film about a man with a sharp pain in his chest who collapses at a wedding",
    "baby is 4 weeks old and I'm on a mission to get her napping, shoulders wrecked",
])
def test_review_26_4_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 26-5: the fourth mending read again.
@pytest.mark.parametrize("text", [
    "my son is 13, one of his testicles has gone up and he's been sick twice",
    "c section 5 days ago, dressing is soaked through with blood and I'm drenched in sweat and dizzy",
    "my grandson just went limp in my arms and his eyes rolled back, he's 10 months",
    "my son (3) ate half a packet of my iron tablets, we are at the vets with the cat",
    "my toddler stuck a hair clip in the plug socket, there was a bang and a flash and he's screaming",
    "fell off the ladder, my wrist is bent like a dinner fork, doesn't hurt yet weirdly",
    "took a packet of paracetamol in one go 2 hours ago and now I feel sick",
    "I promised him I'd join him when the time is right, it's been a year since he died and I'm"
    " ready now",
    "I've got it all planned, everyone is better off if I'm not here",
    "I feel robbed of everything since the divorce, I swallowed the lot tonight",
])
def test_review_26_5_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "got 2 job offers, one of them is higher pay but the commute is really bad, shoulders tight",
    "my daughter lost her first tooth and there's blood everywhere lol, she's fine",
    "the charity shop took the lot I said they could have, back sore from lifting boxes",
    "the scrap man took the lot for 30 quid, garage finally empty, back wrecked",
    "I'm off to portugal tomorrow so nobody will have to put up with me for 10 days lol",
    "watched a film about a boy who drowns and his lips go blue, cried my eyes out, back aches",
    "wild swim at the weekend, feet numb for a bit, now they are totally normal, calves tight",
])
def test_review_26_5_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 26-6: the last mending read again (each of these had been hidden by a decoy's word).
@pytest.mark.parametrize("text", [
    "my 13 yr old woke me screaming holding his privates, one of them is higher and he's been sick",
    "my 3yo pushed the plug into the socket with his finger on the pins, there's a black mark on"
    " his fingertip",
    "our 4 month old is floppy as anything today and not interested in her feeds",
    "headbutted at football, blood pouring from my lip and it won't stop, 20 mins now",
    "nobody will have to put up with me for much longer",
    "its a year on friday, I promised to join him on the anniversary, I can't live without him",
    "we were watching a film about the olympics and he has a crushing pain in his chest and is"
    " sweating buckets",
    "watching a film about boats and her words got jumbled and her mouth droops on the left",
])
def test_review_26_6_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))
