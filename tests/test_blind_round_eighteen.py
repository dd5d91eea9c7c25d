"""Session 25: holdout137 (nerves, numbness, dizziness and fainting, round 3) read from the
text alone, and the second reading of session 24's last mending (review 25-1): a store of
pills told as enough, a baby that has not moved today, an appendix told without the word
tummy, a fire at a spa, a bite in the heather beside boots that rubbed. Worded afresh here,
with decoys beside them."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")


# Nerve and brain emergencies told by what the body no longer does.
@pytest.mark.parametrize("text", [
    # a one-sided arm likened to a heavy thing, over in minutes (a TIA)
    "earlier my left arm went heavy like a sack of potatoes and I couldn't lift my mug, it passed"
    " after ten minutes",
    # a teenager who dropped in the middle of a match
    "my daughter (15) just went down in the middle of netball, nobody near her, she's come round"
    " but she's grey",
    # down and not answering
    "my brother is diabetic and he's on the floor jerking and not answering me",
    # a resident who cannot keep hold of a cup in one hand and slumps to that side
    "Mr Khan was fine at tea, now he can't keep hold of his cup in his left hand and he's"
    " slumping to the left in his chair",
    # words that come out as rubbish
    "keep trying to reply to my sister and my words come out as rubbish, I know what I want to"
    " say but it won't come",
    # vertigo with a deaf ear and walking only by holding on
    "the room spun out of nowhere, my left ear went silent and I can't walk to the bathroom"
    " without grabbing the walls",
    # a massage gun on the neck, then a clumsy arm
    "used my massage gun hard on my neck, now I'm dizzy and my right hand is clumsy and weak",
    # numbness down below told as the dentist's
    "lower back agony since the weekend and now down below feels like I've had the dentist's"
    " injection",
])
def test_nerve_emergencies_told_by_their_effects(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a band of numbness round the trunk
    "a strip of numbness round my middle like a belt I can't feel, two weeks now, legs tired",
    # an eye that blurs with colours washed out and pain on moving it
    "my right eye has gone misty over four days and it hurts when I look up, I'm 30",
    # constant numbness that lets a burn go unfelt
    "my fingers have been numb for weeks and I burnt my fingertips on a pan without noticing",
    # a leg that drags and toes that will not quite lift
    "my right leg drags by teatime and I can't quite lift the toes, no back pain",
    # a wrist that will not lift after crutches
    "three weeks on crutches and now I can't lift my left wrist, the hand flops down",
    # thighs with no power, painless, over months
    "over the last few months my thighs just haven't got it on the stairs, not painful at all",
    # hypos no longer felt
    "my husband is type 1 and he doesn't feel his hypos any more, I found him at 2.4 confused",
])
def test_slow_nerve_signs_see_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # typing tools garble words; a heavy bag on the shoulder
    "autocorrect keeps turning my words into rubbish, neck sore from texting",
    "shoulder aching from carrying my laptop bag all day, arm feels heavy by the evening",
    # an MS relapse building over days is a doctor's, not an ambulance's
    "an eye that blurred once after swimming in chlorine, fine now, shoulders tight",
])
def test_nerve_decoys_are_not_emergencies(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


# Review 25-1: the seventh mending's own regressions, worded afresh.
@pytest.mark.parametrize("text", [
    "36 weeks pregnant and no movement today, she's normally so busy",
    "33 wks pregnant, it hasn't moved since breakfast",
    "pregnant 35 weeks, absolutely no movment today",
    "32 weeks pregnant, twins, and they haven't moved since last night",
    "34 weeks and her movements have slowed right down since this morning",
    "I've got enough pills now, I'm ready",
    "I have enough sleeping tablets hidden for when I decide",
    "got enough pills in my bedside drawer to not wake up",
    "my lad's pain has moved to the right and he keeps being sick",
    "the pain's gone to the right now and she won't eat her tea",
    "fire in the sauna, my voice has gone hoarse and I'm coughing black",
    "in the bracken yesterday something bit my leg, two puncture marks, I rubbed it, now it's"
    " swollen and I feel sick",
])
def test_review_25_1_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "dark line under my toenail that keeps widening, I run most days, no injury",
    "it feels like my insides are falling out when I stand, my period is due soon",
])
def test_review_25_1_doctor_signs_are_not_hidden(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "32 weeks pregnant, my toddlers haven't kicked off once today, back rub please",
    "30 weeks pregnant, it has not moved down yet according to the midwife, hips ache",
    "29 weeks pregnant and my bowel movements have slowed since the iron tablets",
    "pregnant 31 weeks, hardly moved my bowels since Friday, can I massage my tummy",
    "have I got enough tablets for the trip? my calves are tight",
    "I collected enough tablets from the chemist to last till January, shoulders tight",
    "the ache in my shoulder has moved to the right side of my neck, and I feel a bit sick",
    "sat in the steam room after my swim and my voice is a bit croaky now",
    "walked through the heather in my new boots, two red marks on my heel, swollen",
    "black line under my big toenail after a long run, it hurts",
    "we had a training session on sepsis at work: mottled skin, fast breathing, confusion. my"
    " feet ache",
    "student nurse, seminar on poisoning: vomiting and drowsiness after eating mushrooms. neck"
    " stiff",
    "webinar on seizures for my job: a seizure over 5 minutes means an ambulance. eyes tired",
])
def test_review_25_1_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "lecture on hypos at uni: shaky, sweaty, confused - my housemate is like this now and not"
    " answering",
    "training session on epilepsy this morning and my colleague is fitting on the floor",
])
def test_a_topic_learnt_does_not_hide_one_happening(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# Holdout137's false alarms: dizziness and numbness told beside their ordinary causes.
@pytest.mark.parametrize("text", [
    # a course's case, a programme's stranger, a video about checking
    "first aid course today, we learnt what to do if someone faints or has a stroke. knees sore",
    "we practised the recovery position for someone who has collapsed, shoulders stiff after",
    "watching Casualty and someone had a stroke in the car park, cried my eyes out. back sore",
    "saw a video about checking for stroke by raising both arms, tried it, all fine. neck tight",
    # numbness whose feeling came back within moments
    "sat in the car for six hours yesterday and my bum was numb when I got out, came back after"
    " a minute of walking. lower back stiff today",
    # a tingle a clinician has named
    "when I get anxious my fingers and lips tingle, the GP said it's overbreathing. neck routine?",
    "my physio said the tingle down my arm when she pressed my trap was just referred pain,"
    " nothing to worry about. shoulders tight",
    # a splint for carpal tunnel; a long run of shifts; back at work
    "tingly fingers at night, GP says carpal tunnel and gave me a night splint, forearm massage ok?",
    "long run of night shifts on the ward, feet ache at night, foot massage please",
    "had flu, wobbly for a week, all better and back at work now, shoulders tight",
    # busy, not dizzy
    "the kids have me spinning in circles all day, neck and shoulders in knots",
])
def test_holdout137_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a stranger's emergency now is still an emergency
    "in the supermarket and someone has just collapsed, he's not breathing",
    # feeling that came back is no excuse for a stroke's arm
    "this morning my left arm went dead and floppy for five minutes then the feeling came back",
    # and numbness that does not come back stays a doctor's
    "fell asleep on my arm on Saturday, it's Tuesday and my hand still flops at the wrist",
])
def test_holdout137_real_signs_beside_the_decoys(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


def test_a_man_up_at_night_with_an_aching_back_sees_a_doctor():
    text = "I'm 71, up to wee three times a night now and my lower back aches all the time"
    assert verdict(text) == "see_doctor", flag_ids(screen(text))


# Review 25-2: the mending of review 25-1 read again, worded afresh.
@pytest.mark.parametrize("text", [
    # a store of pills, whatever follows it
    "saved up enough pills from my own prescriptions to end it",
    "I've stored enough sleeping tablets in case I decide to go through with it",
    "got enough painkillers that I could just not wake up",
    # a baby's movements told plainly
    "Movements have slowed right down today, I'm 36 weeks",
    "baby has barely moved in a whole day, 37 weeks pregnant",
    "32 weeks with twins and they haven't kicked me since last night",
    # an appendix beside a headache, a bite on a walker in boots, steam from a steamer
    "tummy ache and a headache all night, now it's moved to the right and she's being sick",
    "out on the moor in my walking boots, two tiny holes on my ankle, going purple and I feel sick",
    "the clothes steamer spat steam in my face and now my voice is going hoarse",
    # a topic learnt, and then the writer's own emergency
    "nursing student, lecture on shock today, crushing chest pain spreading to my jaw, feel sick",
    "first aid training session this morning and our trainer collapsed and isnt breathing",
])
def test_review_25_2_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "a mole on my shoulder got bigger and darker since I took up running",
    "heaviness down below every day since my second baby, due on soon",
])
def test_review_25_2_doctor_signs_are_not_hidden(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "do I have enough tablets? must reorder before the holiday, shoulders tight",
    "I've got enough painkillers, thanks, just want a gentle neck routine",
    "my heart rate dropped during the run, is that good? legs tight",
    "the wifi went down in the middle of my spin class, quads sore",
    "lying on the floor stretching and my sister is not answering her phone, hip openers?",
    "my son won't answer when I shout up the stairs, headphones in as usual, his back is sore",
    "my 8 week old's head keeps tilting to one side, the health visitor says torticollis",
    "English is my second language, I know what I want to say but it comes out wrong",
    "the knot in my glute, it's moved over to the right buttock now, so sick of it",
    "my legs tire quickly on long hikes but there is no pain, stretching routine please",
    "leg day always drags, any hamstring stretches?",
    "two red marks on my ankles where my new trainers rubbed on the moors, a bit swollen",
    "in the forearm stretch my hand hangs down towards the floor, is that right",
    "my neck hurts when I turn it left and my right eye is blurry from screens",
    "nursing student, webinar on sepsis policy: mottled skin, not passing urine, confusion",
    "revising the red flags of cauda equina for finals, can barely keep my eyes open lol",
])
def test_review_25_2_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# holdout138 (a fifteenth mix) and holdout139 (the chest, round 6), worded afresh.
@pytest.mark.parametrize("text", [
    "rubbing dad's back just now and he went grey and slumped to one side, not answering me right",
    "my nan's breathing sounds like really loud snoring and I can't wake her",
    "a lad in the gym just went down off the rowing machine and he is not moving",
    "sudden room spinning half an hour ago, keep walking into the door frame, words all mushy",
    "every night I walk to the bridge and look down, tonight I think I will",
    "like a lorry parked on my chest since I sat down, feel sick, maybe my back?",
    "grandad can only get two words out before stopping for breath and his lips are bluish",
    "tall skinny 18 year old, sudden sharp stab in the side of my chest and I can't take a full"
    " breath",
    "my brother is clutching his chest and sweating buckets, says it's indigestion",
    "mum's legs have gone blotchy purple and cold and she's much sleepier than normal",
    "70 and diabetic, so breathless this last hour and clammy with a pressure under my"
    " breastbone. Son says try a back massage",
])
def test_holdout138_139_emergencies(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "left ear went muffled on Monday like I'm under water and the hearing hasn't come back",
    "felt like someone kicked my heel at badminton, nobody there, can't go up on my tiptoes",
    "my heart does a flip and then races for a few minutes, happens three times a week",
    "I used to walk up the hill to work fine, now I have to stop halfway to get my breath",
    "my husband goes grey whenever we walk up the stairs, he's 66",
    "the fingers on my right hand go white then blue and one has a sore that won't heal",
    "my foot goes pale when I lift it onto the sofa and red when it hangs, aches in bed at night",
    "my blood pressure pills ran out and my readings are 172/104.",
    "client note: 58M, L calf and ankle oedema since Monday, pitting, not on R",
])
def test_holdout138_139_doctor_signs(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "had chest pain in the spring, they did all the tests at A&E and it was reflux, fine now",
    "revising for my OSCE: a swollen, warm, red calf means DVT. neck stiff from revising",
    "there was a poster at the pharmacy about blood clots on flights, my calves are tight",
    "just finished a night shift full of chest pains and strokes, feet are wrecked",
    "my asthma is well controlled, I use the inhaler a couple of times a year. back tight",
    "laughed so hard I was gasping, my jaw and abs ache lol",
    "power cut last night, blackout across the whole street, slept badly and my neck is stiff",
    "cried all night after the breakup, my eyes are puffy and my head aches",
    "fainted once at 15 at a vaccination, never since. hand routine before my jab?",
    "my usual tension headache creeping up the back of my head, shoulders like concrete",
])
def test_holdout138_139_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 25-3: the mending of review 25-2 read again, worded afresh.
@pytest.mark.parametrize("text", [
    # the named stroke beside a programme or a check happening now
    "we were watching a film and grandad suddenly had a stroke I think, what do we do",
    "doing the FAST check for stroke on my wife right now and she is failing it",
    # a second language or a plaster cast excuses no face
    "english is his second language but his face has dropped and his arm is floppy",
    "mum's wrist is in plaster and her face has dropped on one side",
    # words that come out wrong now, and a body sliding in its chair
    "I know what I want to say but it comes out wrong, started an hour ago",
    "nan is sliding to one side in her chair and her words don't make sense",
    # a numbness that came back is a return
    "the numb feeling round my bum came back after a few minutes and I've wet myself",
    # a store of pills beside despair, or a plan
    "what's the point any more, I have enough tablets in the drawer",
    "I have enough pills and a plan",
    "my son told me he has enough pills saved in his room and doesn't want to be here",
    # a person who went down, not answering, not coming round
    "our keeper went down out of nowhere halfway through the match and was shaking",
    "dad won't answer when I shake him, he's breathing funny",
    "in the supermarket and someone fainted and is not coming round",
    "someone just got hit by a car outside and is not moving",
    # a course's "for someone", and whom it is about
    "how to help for someone having a seizure, my daughter is fitting and it's been 5 minutes",
    "can't tell if my mate is drunk or has taken something, he's barely breathing",
    # a student's own event told after the topic
    "lecture on circulation this morning, crushing chest pain came on in the break, sweating",
    "student nurse, lecture on trauma, crushing chest pain down my left arm, help",
])
def test_review_25_3_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my right eye has been blurry for two days and it's painful when I move it",
    "type 1 diabetic, I don't feel my lows coming any more, had 3 this week",
    "broke my wrist, the splint for the fracture is too tight and my fingers are white",
    "I run about 40k a week and one spot on top of my foot hurts even in bed",
    "my back hurts and now my fingers tingle, I get panic attacks but this is different,"
    " weeks of it",
])
def test_review_25_3_doctor_signs_are_not_hidden(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "finally got enough sleep last night, neck feels better",
    "I finally have enough time for a proper routine, hamstrings tight",
    "stocked up enough paracetamol before the holiday, lower back tight from the flight",
    "I'm 63, up to the loo a few times at night because of my water tablets, back stiff",
    "my migraine pain has moved to the right and I feel sick like always with them",
    "absolutely collapsed into bed after bowls today, lower back aches",
    "was out for 18 holes of golf, shoulder sore from the swing",
    "using voice to text so my words might come out wrong sorry, lower back aches",
    "my left ear went dead after swimming, feels full of water, the room spins a bit",
    "I've dropped 3kg since January on purpose at the gym, glutes tight",
])
def test_review_25_3_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# holdout136 (the belly, round 3) from the text alone, and holdout131's fever on methotrexate.
@pytest.mark.parametrize("text", [
    "my wife is lying dead still with her knees pulled up, her tummy is rock hard and any"
    " movement makes it worse",
    "my stomach has gone hard like a board and it hurts to even breathe",
    "housemate curled up on the floor screaming about his belly, been sick, looks grey",
    "the lump in my baby's groin has been up and hard for hours and he keeps vomiting",
    "my 11 year old says his testicle really hurts on one side, it's swollen and he's been sick",
    "there's a pulsing lump in my tummy and since lunch a tearing pain going into my back",
    "on methotrexate, sore throat, fever of 38.6 and I feel awful",
])
def test_holdout136_131_emergencies(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my 5 year old's wee has been pinky red today and she hasn't eaten anything red",
    "I can feel a firm swelling above my pubic bone when I lie down, I'm 52",
    "my husband's tummy ache has gone on for 3 days and he winces when he walks",
    "nan has hardly wee'd all day and her tummy is sore low down",
])
def test_holdout136_doctor_signs(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "took pepto for a dodgy tummy, poo went black, the packet says that's normal. shoulders?",
    "new B vitamins have made my wee neon yellow lol, neck routine",
    "no wind all week on our sailing holiday, shoulders sore from rowing instead",
    "listened to a podcast on kidney stones, now paranoid but no symptoms, stiff neck",
    "on slimming world, eating loads of veg so I'm going more often, hips stiff",
    "we're studying bowel obstruction in paramedic school, any mnemonics? traps are solid",
])
def test_holdout136_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 25-4: the chest round's and review 25-3's mending read again, worded afresh.
@pytest.mark.parametrize("text", [
    # a clock time is no age
    "got back at 11 and found mum in her chair, her face drooping and she can't lift her arm",
    # a video watched while it happens
    "watching a video on my phone when crushing chest pain started down my left arm, still there",
    # "I really need advice" for someone else's emergency
    "I really need advice for my wife, 34 weeks pregnant, a bad headache and her face is swollen",
    # a question of fact beside the writer's own signs
    "is it true a DVT makes you breathless, my calf is swollen and I'm breathless now",
    # laughing it off, out for a while, the trainer not responding
    "he's laughing it off but he's clammy with pain in his jaw and left arm",
    "grandad went down in the garden and was out for ages, awake now but confused",
    "first aid training session today, the trainer dropped and isn't responding",
    # a beaker not kept hold of in one hand
    "Doris can't keep hold of her beaker in her right hand since teatime",
    # never was the old trigger: no wind and not even wind
    "haven't passed anything, not even wind, since Saturday, belly huge and hard, been sick",
])
def test_review_25_4_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I drink 3 coffees a day and my heart races, neck tight",
    "I've got ectopics diagnosed last year, heart skips several times a day",
    "doing couch to 5k and more out of breath since I upped the pace",
    "too breathless to talk after running up the stairs to catch the lift",
    "the lad went down with a hamstring in the match, limping",
    "dad dropped me off at training and my knee hurts",
    "her words make no sense but she's 2 and babbling",
    "have enough paracetamol for my period pain, so down about cramps lol",
    "numb when I got out of the bath, came back after a few mins, back ache",
    "my hands tingle when I have panic attacks, neck tight",
    "no answer from her when I called, she's probably at work, my back hurts",
    "my husband's breathing sounds like snoring at night, he's always snored",
    "recovery position for someone who has fainted, it's my first aid assessment tomorrow",
    "just wondering if someone has a stroke, can you massage them afterwards?",
])
def test_review_25_4_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# holdout140 (the racing mind, round 11) and holdout141 (medicines, round 4) from the text
# alone, and review 25-5 of the mending before them; worded afresh.
@pytest.mark.parametrize("text", [
    "she's been low for months and today she's suddenly calm, gave her grandma's ring to my"
    " daughter and said look after your dad for me",
    "the car is running in the garage with the door shut while I write this",
    "I promised him I'd be with him by our anniversary, which is Sunday",
    "I swallowed everything that was left in my tablet boxes an hour ago, now very sleepy",
    "stood on the bridge for an hour last night, thinking of going back",
    "my dad stopped drinking three days ago, he's shaking and says there are spiders crawling"
    " up the wall",
    "my son is convinced the neighbours are poisoning him and he's barricaded in his room with a"
    " knife",
    "hasn't slept for 5 days, says he's been chosen and he's going to stand on the motorway"
    " tonight to direct the traffic",
    "he's locked me in the bedroom and said he'll kill me if I ring anyone",
    "my nose has been bleeding for 40 minutes and I'm on apixaban",
    "type 1, my partner's talking rubbish and pushed the lucozade away",
    "my toddler has eaten a load of my iron tablets, the pot was half full now it's nearly empty",
    "used my GTN spray twice and the chest pain is still there",
    "mum took her weekly methotrexate every day by mistake, now mouth ulcers and burning up",
    "dad's pulse is 34 and he's gone grey",
    "my husband has a sudden tearing pain going into his back",
])
def test_holdout140_141_emergencies(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "four nights in a row with no sleep, so many ideas, not tired at all",
    "since a party I can't really remember I woke up with bruises on my inner thighs",
    "I take 4 of my sleeping pills instead of 1 at weekends to sleep through to Monday",
    "my mum is 70 and suddenly not sleeping, spending hundreds and talking non stop",
    "the newsreaders keep saying things about me, insults meant just for me",
    "coming off heroin on my own, day 2, sweats and legs kicking",
    "taking laxatives to lose weight, about 10 a day, I'm 16",
    "new epilepsy tablet two weeks ago and now red patches on my arms",
    "just found out I'm pregnant and I take sodium valproate",
    "on citalopram, heart flutters and I nearly fainted twice in the queue",
    "taking paracetamol and ibuprofen at the max every day for weeks, headaches daily",
    "is it true massage can cause a clot, because my calf is hot and swollen now",
])
def test_holdout140_141_doctor_signs(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "if one more person books a meeting at 5 on a Friday I'm walking into the sea, neck pls",
    "got spiked in the 800m at the county champs, two stitches in my shin",
    "this quarter's figures were a bitter pill to swallow, shoulders are concrete",
    "had the flu jab yesterday, arm sore like they said, upper back tight",
    "carers course homework: list three signs of a hypo. my back is sore from hoisting",
    "had antibiotics for a UTI in January, sorted. scalp and face routine for sleep please",
    "my son was screaming about his tummy rumbling because he wanted dinner lol",
    "can't keep hold of the weights in my right hand after climbing, forearms pumped",
    "is it true a heart attack feels like indigestion, my dad always has indigestion after curry",
])
def test_holdout140_141_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 25-6: the racing mind's and medicines' mending read again, worded afresh.
@pytest.mark.parametrize("text", [
    "is it true a paracetamol overdose takes days to hurt, he took 30 tablets at lunch",
    "is it true a clot can cause chest pain, I've got a swollen calf and I'm coughing blood",
    "111 says it is fine to wait, but I have crushing chest pain going into my jaw and I'm clammy",
    "I've kept enough painkillers, really down, can't keep going lol",
    "wondering if my dad has had a stroke, his face has dropped on one side",
    "found my mum on the kitchen floor, she was out for ages, now very groggy",
    "my husband's gone down on the kitchen floor and isn't moving",
    "is it true people with sepsis go mottled, our baby is mottled, floppy and breathing fast",
])
def test_review_25_6_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "stood on the bridge for hours at the marathon handing out water, calves tight",
    "left the car running in the garage to warm it up while I scraped the windscreen",
    "took the rest of the antibiotics the GP gave me, all better now, back a bit stiff",
    "that's it, got it all planned for the hen do, just need my neck sorted",
    "no one has to deal with me at work today, day off! neck stiff though",
    "2 nights in a row with no sleep in the heatwave, neck sore",
    "I feel such a special connection with my baby since she was born, back sore from feeding",
    "diabetic and a bit confused about which stretches to do for my back",
    "my nose is streaming with this cold, I'm on warfarin, tissues everywhere",
])
def test_review_25_6_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 25-7: the sixth mending read again, worded afresh.
@pytest.mark.parametrize("text", [
    "I'm going to hang myself tonight, took some photos of the kids first",
    "I've taken an overdose, I was meant to go rowing today",
    "at the top of Beachy Head, tell my kids I'm sorry",
    "stood on the bridge for an hour last night, I'm going back",
    "the baby has gone down with a fever and a purple rash that won't fade",
    "my toddler chewed a whole strip of my amitriptyline",
    "took my once a week ones every day by mistake, now mouth ulcers",
    "thats it, I've got it all planned, nobody would miss me at work anyway",
    "is it true a clot can travel to your lungs, we flew home and she is gasping and coughing blood",
])
def test_review_25_7_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "was out for a bit of a run this morning, calves tight",
    "out for 20 minutes walking the dog, lower back stiff",
    "is it true massage helps a stiff neck, my sister is a lorry driver",
    "is it true you can get a clot from flying, we are flying next week",
])
def test_review_25_7_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 25-8: the seventh mending read again, worded afresh.
@pytest.mark.parametrize("text", [
    "took the lot of my tablets after the party, feel woozy",
    "my mum went grey and dropped at the shops, she was out for a minute",
    "is it true a head injury can make you drowsy, he is drowsy and being sick",
    "dad's nose has been gushing for half an hour, soaked loads of tissues, won't stop",
])
def test_review_25_8_signs_are_not_hidden(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))
