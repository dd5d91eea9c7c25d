"""Session 16: the twenty-fifth second reading (3ff1b2a..1aaef2e), and families from blind sets
written and scored once before mending (holdout100 the racing mind, round 5; holdout101 an
eighth fresh mix, told sideways). Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.answers import Answers


def verdict(text: str) -> str:
    return screen(text).verdict


# --- the twenty-fifth review (3ff1b2a..1aaef2e: 22 hidden, 26 false alarms) ------------------
# Rules read for anyone had stopped counting a harm that "settled down" (taken back for a
# child's croup): a threat, a note, a misuse or a harm told of anyone now counts when it has
# settled (`history: settled_counts`), an illness that is "all better" does not.

@pytest.mark.parametrize("text", [
    "gonna stab him tonight, I know where he lives, I no longer give a damn what happens",
    "my sister left a note saying sorry and her phone is off, dad thinks she'd calmed down lately",
    "my son left a note saying goodbye and isn't answering, turned out he'd been sacked on monday",
])
def test_a_threat_or_a_note_that_settled_down_is_still_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I've been using my nan's leftover codeine to sleep, no longer lying awake",
    "found razor blades hidden in his sock drawer, he says he doesn't do it any more, it's settled down",
    "I shoved my boyfriend when I'd been drinking on saturday, we've sorted it out now",
    "I keep having thoughts of strangling my husband, it has calmed down this week but it frightens me",
])
def test_a_harm_or_a_misuse_that_settled_down_is_still_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_an_illness_of_anyone_that_is_all_better_is_still_over():
    assert verdict("my toddler had croup a fortnight ago, all better now, bedtime foot rub?") \
        not in ("see_doctor", "urgent")


# A check told in a sentence of its own is undone by the finding going on in a later one:
# "still", "again", "back" and "worse" say so, not only "came back" and "much worse".
@pytest.mark.parametrize("text", [
    "went to A&E on sunday with crushing chest pain. the ECG was fine. still got it now and I'm "
    "clammy",
    "had tight chest walking uphill, saw the GP. bloods normal. it came on again today with sweating",
    "had a fit on monday and went to hospital. the scan was clear. had another one again this "
    "morning",
])
def test_a_finding_that_goes_on_after_a_check_in_its_own_sentence_counts(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


# A clinician's own reassurance ("no need for hospital") is not a clinician refused.
@pytest.mark.parametrize("text", [
    "chest pain a fortnight ago, saw my GP, she said it was a pulled muscle, no need for A&E. "
    "stretches for my pecs?",
    "crushing chest pain last month, the doctor checked me and he said it was muscular, no need "
    "to call 999. chest stretches please",
])
def test_a_clinicians_reassurance_naming_a_hospital_is_still_a_check(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_clinician_named_only_as_refused_still_makes_no_check():
    assert verdict("pressure in his chest down his left arm, says it's only indigestion, he "
                   "won't go to the doctor") == "urgent"


# "for good", a note, "can't reach": everyday words that need a person in crisis behind them.
@pytest.mark.parametrize("text", [
    "my tennis elbow is gone for good and now I can't reach the top shelf because my shoulder's "
    "so stiff",
    "my old masseuse is going for good, can't get hold of anyone else near me",
    "my ankle is done for good says the surgeon, can't reach my feet to cut my nails",
    "I'm done for good with my ex, blocked him so he can't reach me, neck is so tense",
    "left a note with the receptionist as I couldn't get hold of the physio about my hip",
    "left a note under my neighbour's door, he's not answering, shoulders tight from the sofa",
])
def test_everyday_for_good_or_a_note_is_not_a_crisis(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "mum left a note for dinner saying sorry, her phone is off and her pills are gone from the "
    "drawer",
    "my brother left a note on the table and his phone is switched off, nobody knows where he is",
    "she's gone for good, she said, and now she isn't answering",
])
def test_a_note_or_for_good_with_someone_out_of_reach_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# Sport, sleep and play told beside words of harm.
@pytest.mark.parametrize("text", [
    "we're gonna smash them in the cup tonight, need my hamstrings loose",
    "going to kill them on the pitch tonight, quads feel heavy",
    "gonna batter them tonight in the netball semi final, calves like rocks",
    "want to beat him in the final tonight at the tennis club, elbow is sore",
    "I kicked my wife in my sleep last night and she was angry about it, lol. my hips ache",
    "I slapped my husband's hand away when he tickled me and he pretended to be angry, shoulder "
    "clicked",
    "heard voices at night nobody else heard, turned out to be the neighbours arguing, traps tight",
    "thought I heard music nobody else could, turned out it was my daughter's speaker, neck stiff",
    "found razors in the bathroom cabinet, my son has started using his dad's, his neck is stiff",
    "found disposable razors in her bag, she's 15 and doing her own eyebrows, shoulders tight",
    "nobody would miss me at home if I booked a massage weekend, kids are at their dad's",
    "no one would miss me when I nip out to the gym at lunch, office is dead",
])
def test_their_everyday_twins_are_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "heard voices nobody else hears, turned out to be the radio, but they still talk to me at night",
    "honestly nobody would miss me if I left this world, back is in knots",
    "no one would miss me if I did not go on any more",
])
def test_their_dangerous_twins_are_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


# --- holdout100: the racing mind, round 5 (38 of 108 missed text alone at first, 7 of them
# emergencies read as nothing) ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "sitting in my car in the garage with the engine on, door's shut, neck aches",
    "my boyfriend's been drinking and he's holding a knife, says he'll do it while I watch",
    "took grandad's rifle out of the gun safe, it's next to me on the bed. just want to sleep",
    "the voice keeps telling me I've got to stop my neighbour before tonight",
    "my client sent a text thanking me for everything and calling it her last ever session, "
    "now she isn't picking up",
    "my husband went out for a drive three hours ago, his phone and his wedding ring are on the "
    "bedside table, he's been saying he's a burden",
    "my ex messaged that if he can't have our kids no one can, and he has them till sunday",
    "I've set a date, the 3rd, after mum's birthday so I don't ruin it for her",
    "texted my sister where the spare key is kept and that I love her. tonight I just want calm",
    "my cousin left her toddler home alone to go out to the club, I can hear him crying through "
    "the door",
    "took a pill at a rave and I'm on citalopram, now boiling hot and my legs keep jerking",
])
def test_an_emergency_told_without_a_crisis_word_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "someone keeps beaming thoughts into my head from next door",
    "I can hear people through the walls talking about me every night, my husband says there's "
    "no one there",
    "my client keeps hearing her late husband telling her she's useless",
    "my son says the voice tells him his teacher is a demon",
    "she's been wearing long sleeves in this heat and there were bloody tissues hidden under her "
    "bed",
    "been burning my arm with a lighter whenever the panic spikes",
    "I punch the wall when I'm overwhelmed, knuckles are a mess",
    "he scratches his arms till they bleed when we row",
    "if a lorry hit me tomorrow I honestly wouldn't be bothered",
    "I just want it all to stop, like a long sleep, most nights lately",
    "haven't got out of bed for a fortnight, stopped washing, nothing matters",
    "my counsellor asked me to ring my GP about my low mood this week and I haven't",
    "down 6 kilos in a month since the divorce, not hungry at all",
    "my flatmate hasn't needed sleep for a week, talks so fast I can't keep up with him, "
    "spent his savings on a plan to cure cancer. he wants me to rub his shoulders",
    "I take three sleeping tablets now instead of one because one isn't enough",
    "mixing my co-codamol with wine to knock myself out",
    "I need 4 cans before bed or I shake and sweat all night",
    "gin before work, it's the only thing that calms me",
    "my daughter's been taking her gran's lorazepam to sleep",
    "ket most weekends, now it stings to pee and I'm going every hour",
    "8 cans of monster a day and pro plus for revision, heart keeps skipping",
    "spells of pounding headache, drenched in sweat and my heart hammering, then it goes, "
    "three times this month",
    "a couple of hours after lunch I get shaky and sweaty, a biscuit sorts it, not diabetic",
    "my heart goes irregular and fluttery for an hour at a time, twice this week, I'm 61",
    "a client keeps losing time, finds herself places with no memory of how she got there",
    "my nephew came back from his dad's with fingertip bruises on his arm",
    "my 8 yo told his teacher his stepdad locks him in his room",
    "her mum is always drunk and the little girl is so thin with a raw nappy rash",
])
def test_a_racing_mind_red_flag_in_fresh_words_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "car's in the garage for its MOT, engine running rough, lower back from the drive",
    "she picked up the big kitchen knife to carve the turkey, we'd all been drinking, neck stiff",
    "got the shotgun out of the cabinet to clean it before the clays tomorrow, shoulder sore",
    "took two magnesium tablets instead of one, calves still cramp",
    "a couple of cans of lager before bed at the weekend, lower back stiff",
    "need a coffee before work or I'm useless lol, neck tight",
    "my nan talks so fast on the phone I can't keep up with her, love her, shoulders tight",
    "shaky and sweaty after the gym, better after a biscuit, quads sore",
    "my physio wants me to see my GP about my knee, mood is fine",
    "drove home on autopilot and have no memory of the journey lol, neck stiff",
    "thanked me for everything at her leaving do, she's moving abroad",
    "told my sister where the spare key is while we're on holiday so she can feed the cat, love her",
    "picked a date for our wedding, until then I'm stressed, shoulders in knots",
    "long sleeves in this heat because I burn so easily, neck stiff",
    "my daughter wears long sleeves even in this heat, she's always cold",
    "home alone tonight while my husband's at the pub quiz, finally some peace",
    "the kids are always hungry after school, my back aches from the shopping",
    "I hear the neighbours through the wall every night, thin walls, can't sleep",
    "the sat nav voice says I need to stop at the services, neck stiff from driving",
])
def test_their_everyday_twins_stay_off_the_doctor_list(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# --- holdout101: an eighth fresh mix, told sideways (3 of 108 missed text alone at first) -----

def test_black_stools_with_faintness_are_urgent_whatever_explains_the_colour():
    assert verdict("poo's been black for two days, I'm on iron so I thought that, but I go dizzy "
                   "every time I stand up") == "urgent"


def test_black_stools_explained_by_iron_alone_are_not_urgent():
    assert verdict("my poo is black from the iron tablets, the GP said to expect it. lower back "
                   "ache") != "urgent"


def test_sunburn_with_chills_or_sickness_is_for_a_doctor():
    assert verdict("fell asleep in the sun at the lake, blistered all over my back, now shivery "
                   "and being sick") in ("see_doctor", "urgent")


def test_a_figure_of_speech_is_not_a_finding():
    assert verdict("fever dream of a week at work lol, no actual temperature, jaw clenched") \
        not in ("see_doctor", "urgent")


@pytest.mark.parametrize("text", [
    "is it bad if someone went grey and clammy with a crushing chest? my dad's like it in his "
    "chair now",
    "what would it mean if you woke up with half your face drooping and your words slurred",
])
def test_an_emergency_asked_about_as_if_for_someone_is_read_as_real(text):
    """Review 16b: "if someone went…" was read as a question about no one, but people ask
    about a real emergency that way and say who in the next breath — so it stays real (and a
    course question of that shape goes to a doctor, on the safe side)."""
    assert verdict(text) == "urgent", flag_ids(screen(text))


# --- the twenty-sixth review (1aaef2e..e2e9d71: 40 hidden, 32 false alarms) ------------------

@pytest.mark.parametrize("text", [
    "mum had crushing chest pain into her arm for an hour, says it was just indigestion, won't "
    "see the GP, she used to be a nurse so she thinks she knows",
    "she sat in the car in the garage with the engine going for half an hour and won't talk to me",
    "my partner's taken his shotgun out of the safe and it's next to him, the police took his "
    "licence today",
    "my son is off his face and holding a kitchen knife, threatening to hurt himself",
    "he's drunk and waving the bread knife about, shouting at me",
    "my brother's holding a blade to his own wrist in the bathroom",
    "my ex says if he can't have the children then no one will, they're with him now",
    "he told me if he can't have me nobody can",
    "there's a note on his pillow that says sorry and his phone goes straight to voicemail",
    "she wrote a letter saying she loves us all and has been gone since breakfast, no one can "
    "get hold of her",
    "the voices say I have to make my boss pay tonight",
    "the voices tell him to go after his brother",
])
def test_what_the_twenty_sixth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "mixing nytol and wine to knock myself out most nights",
    "since my knee operation I've been taking codeine with vodka to knock myself out",
    "not left my room in weeks since the miscarriage, feel numb and empty",
    "my counsellor says I should see my GP about my mood and have some bloods done",
    "episodes of pounding headache, soaked in sweat, heart hammering, they last a short period, "
    "twice this week",
    "keep losing time, ended up on my commute with no idea how I got there",
    "used to do ket at weekends, now daily, and it burns to wee every half hour",
    "I keep hearing a man's voice commenting on everything, there's nobody there",
    "someone keeps putting thoughts in my head, turned out to be my phone listening, I smashed it "
    "and it's still happening",
])
def test_what_the_twenty_sixth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the GP left a voice note saying I need to stop the ibuprofen now, knee still sore",
    "the sat nav voice says we have to get rid of the motorway before 6 lol, neck stiff",
    "he grabbed the hammer to kill a fly on the window, screaming with laughter, shoulder aches",
    "my son got a penknife for his birthday and has been screaming with excitement, back aches",
    "rifle is out of the cabinet by the door for deer stalking at dawn, shoulder stiff",
    "left my 15 year old home alone while I went to the shops, back sore from the trolley",
    "my little boy swallowed a magnet in the spring, they removed it and he's fully recovered, "
    "foot rub before bed?",
    "my partner was using his dad's diazepam last winter but no longer needs it, his back is stiff",
    "Went to A&E with chest pain on friday. ECG and bloods all normal. My back is in knots from "
    "the trolley, gentle routine?",
    "Saw the GP about chest tightness last week. The ECG was clear. Back at work and my shoulders "
    "are tight",
    "our lodger's gone for good, not replying about his deposit, shoulders tense",
    "last ever session with my PT was a few hours ago, legs are wrecked",
    "hubby went to the match hours ago and left his phone and his wallet at home, typical",
    "lost time from training with a hamstring, now my calf is tight",
    "the nurse said to see the GP about my low back pain, 3 weeks now",
    "a beer before bed most nights, back stiff in the morning",
    "my 3yo came home from nursery with hand print marks from painting, neck stiff from the bus",
    "my toddler comes in whispering my name at 5am every day, my back aches",
    "haven't left the house in a week, working from home, can't be bothered getting dressed lol",
    "burnt my hand on the bbq on holiday, feeling sick about going back to work, neck tight",
    "got a bit sunburnt at the park, no blisters, dizzy from standing up too fast after yoga",
    "hi, first time using this app, 29, no conditions, neck and shoulders and a headache from "
    "the week",
    "sudden headache? nah, nothing like that, just the usual ache after a long drive",
])
def test_a_false_alarm_the_twenty_sixth_review_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_gun_out_for_the_firearms_officer_is_on_the_safe_side():
    """Accepted: a licence check is also the moment a licence is taken away, so neither
    "firearms officer" nor "licence" explains a gun out of its cabinet."""
    assert verdict("dad's rifle is out of the safe on the table for the firearms officer's "
                   "inspection") == "urgent"


# --- holdout102: headaches, the neck, jaw and face, round 4 (8 of 108 missed text alone at
# first, 1 emergency under-called) ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "molar has ached for a week and now the side of my face is swelling and feels hot",
    "painful little blisters on the end of my nose and around my right eye, it burned for days "
    "first",
    "I'm 61 and never had headaches, but for a month now I've had one nearly every day",
    "my husband keeps waking at night clutching his head, every morning for weeks, not like him",
    "6am wake-up call is my head pounding, every day, then I'm sick and it eases",
    "I take something for my headaches five days a week and have since the summer",
    "going through a box of migraine tablets every week now",
    "every winter when the heating comes on the whole family gets headaches and feels sick, and "
    "it goes by spring when the heating is off",
])
def test_a_head_and_face_sign_in_fresh_words_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_fever_with_dark_spots_and_drowsiness_in_anyone_is_urgent():
    assert screen("my housemate has a fever, dark spots on his arms and he's so sleepy, he asked "
                  "me to rub his neck", Answers(subject="someone_else")).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "toothache from grinding, no swelling, jaw tight",
    "headache once a month, a paracetamol sorts it, neck tight",
    "every winter the heating comes on and my skin gets dry, clears by spring, shoulders tight",
    "seeing double at the spreadsheet lol, neck tight from the desk",
    "sudden headache? nah, just the slow one after a long drive, temples",
])
def test_their_everyday_twins_are_not_for_a_doctor_either(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# --- the twenty-seventh review (e2e9d71..619ce64: 32 hidden, 22 false alarms) ----------------
# Unless words that a danger shares were taken back out (eczema, a new cream, an extraction, a
# barbecue, "no heating", "lol" and "haha", a dream, laughing, a prescriber, an operation ahead,
# working from home, a move long ago); patterns that had grown loose were tied to what they
# meant (a warm jaw with no swelling, spots by the eye, a cup nobody else may have, a wake-up
# call, painkillers for the back, a walk hours ago, a note about cake, a fever told only as
# shivering).

@pytest.mark.parametrize("text", [
    "stinging blisters on the tip of my nose and round my eye, I do get eczema but this is new",
    "had the tooth pulled on friday and now my cheek has swollen right up and it's spreading",
    "sunburnt at the bbq, shoulders covered in blisters, and I've been sick all evening",
    "no heating in the flat and I'm running 38.9 with the shivers",
    "the voices keep telling me to hurt the man next door haha I'm scared",
    "my GP prescribed diazepam but I've started buying extra online",
    "my counsellor wants me to see the GP, I'm low all the time and crying at work",
    "my neighbour leaves the kids home alone till 2am when she goes clubbing, the youngest is 3",
    "keep losing time, found myself in town with no idea how I got there, lost time at least "
    "twice this week",
    "went to A&E with chest pain on monday. ECG normal. had another attack last night, the same "
    "crushing pain into my jaw",
])
def test_what_the_twenty_seventh_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_hoarse_voice_is_the_speakers_finding_not_the_writers():
    assert screen("my mum's voice has been hoarse for 6 weeks, she smokes, she'd like a neck "
                  "massage", Answers(subject="someone_else")).verdict == "see_doctor"


@pytest.mark.parametrize("text", [
    "chewing gum all day at work, jaw warm and tight",
    "a few spots round my eye after a sweaty gym session, neck tight",
    "she picked up the big knife to cut the cake at the party, everyone had been drinking",
    "my toddler screams if he can't have the blue cup nobody can, neck aches",
    "this headache was a wake-up call to sort my posture, neck tight",
    "lower back pain, I take something for it most days, the odd headache from the screen",
    "walked the dog with the rope toy hours ago and my shoulder still aches",
    "my husband left a note saying sorry he ate the last of the cake, he went out hours ago",
    "heard voices downstairs, turned out to be the radio, now it's unplugged, back aches",
    "waited in the car at the garage with the engine running while he paid for petrol, neck "
    "stiff",
    "my consultant upped my gabapentin, now 3 instead of 2, foot pain a bit better",
])
def test_a_false_alarm_the_twenty_seventh_review_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "dad had a tight chest on monday, the GP saw him and says it's a pulled muscle, he doesn't "
    "want to go to hospital over it",
])
def test_accepted_on_the_safe_side(text):
    """Review 16c: a refusal near a clinician's saying makes the saying a lay guess (a
    relative "who's a nurse" must not count as a check)."""
    assert verdict(text) in ("see_doctor", "urgent")


# --- holdout103: medicines taken, mixed, missed or stopped, round 2 (21 of 108 missed text
# alone at first, 3 emergencies under-called) -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "on rivaroxaban and suddenly bruises all over my legs, no idea how",
    "on warfarin, my wee has been pink since yesterday",
    "ran out of my keppra two days ago and can't get more till monday",
    "stopped my bisoprolol myself last week, heart feels thumpy",
    "week 2 on citalopram and I can't sit still, pacing at night",
    "on lithium and been taking nurofen for my back every day this week",
    "my son broke out in hives on day 4 of his amoxicillin",
    "naproxen every day for my hip and now a burning pain at the top of my stomach after meals",
    "quinine for cramps and now my ears ring and I've got little bruises",
    "on hydroxychloroquine for years and now straight lines look wavy",
    "started new water tablets and every time I stand up I nearly go over",
    "type 1, had a bad hypo at work today, a colleague called an ambulance",
])
def test_a_medicine_sign_in_fresh_words_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "been taking 2 paracetamol every 3 hours day and night since saturday for toothache",
    "started carbamazepine a fortnight ago, now a fever, ulcers in my mouth and my skin is "
    "peeling",
])
def test_a_medicine_emergency_in_fresh_words_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "on warfarin for years, INR stable, no bruising, shoulders tight",
    "came off sertraline last year with my GP, feeling good, back stiff",
    "on lithium for years, levels fine last month, shoulders stiff",
    "finished amoxicillin last week, no rash at all, neck stiff",
    "ibuprofen gel on my knee, calves tight",
    "gin and tonic on a friday, quinine in the tonic haha, shoulders tight",
    "2 paracetamol every 4 to 6 hours for my back as the packet says, neck tight",
    "allergic to penicillin since I was a kid, rash then, nothing since, shoulders tight",
])
def test_their_everyday_twins_stay_ok(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# --- the twenty-ninth review (4eb8791..6971df0: 30 hidden, 25 false alarms) ------------------

@pytest.mark.parametrize("text", [
    "next door left her kids alone all weekend and went to the pub, I can hear them crying",
    "she leaves her 4 year old on their own till 2am when she goes out drinking",
])
def test_children_left_alone_for_a_night_out_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "mum moved out last week and tonight texted me sorry for everything, now her phone is off",
    "started allopurinol a fortnight ago, now mouth ulcers, sore red eyes and a rash on my chest",
    "3 paracetamol every 6 hours for my knee since monday",
])
def test_what_the_twenty_ninth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I'm certain the neighbours watch me through the walls, I even see them in my dreams",
    "I had a fit when I was 20. Had another one of them last night, bit my tongue",
    "a rash round my eye from the new face cream, blistering and burning",
    "I get through a box of co-codamol a week for my headaches",
    "my keppra has run out and the pharmacy can't get more till tuesday",
    "missed my epilepsy meds for 3 days, shoulders tight",
    "had a bad hypo on sunday, my wife had to use the glucagon",
    "on apixaban, big purple bruises on my thighs and I can't think of anything I banged",
    "on lithium, the runs for 3 days and my hands are shaky",
])
def test_what_the_twenty_ninth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my partner had a glass of wine and grabbed a knife to cut the cheese, back sore",
    "he'd been drinking and took the axe to chop logs for the fire, shoulder sore from stacking",
    "left the kids on their own till 11 for a party, the 16 year old was in charge",
    "waited in the car at the garage, engine running, while he paid for the fuel",
    "on warfarin, had beetroot last night and my pee is red lol",
    "stopped the hydrocortisone cream on my eczema, lower back sore",
    "my diabetes nurse stopped my insulin in march, I'm on tablets now",
    "stopped the prednisolone yesterday, it was a 7 day course for my asthma",
    "I drive an ambulance, type 1 diabetic, shoulders stiff from the seat",
    "on sertraline for 3 years, stable, a bit on edge before exams",
    "on citalopram 5 years, my eyelid twitches when I'm tired",
    "I'm on lithium so I can't take ibuprofen, paracetamol for my back instead",
    "my massage gun has a lithium battery and the shaking is strong",
    "on doxycycline for my spots for 3 months, upper back tight",
    "got an antibiotic cream for the rash on my arm, neck tight",
    "on hydroxychloroquine for RA, shoulders ache from reading in bed",
    "on amlodipine, fell asleep on the sofa and my neck is stiff",
])
def test_a_false_alarm_the_twenty_ninth_review_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "a rash round my eye from a new eye cream, a bit stinging",
    "keep having nightmares about being followed home, sleeping badly",
])
def test_accepted_on_the_safe_side_after_the_twenty_ninth_review(text):
    """Reviews 16d and 16e disagreed: "from a new cream" and "nightmares about" as unless
    phrases hid a blistering rash by the eye and a daytime belief told beside them, so they
    were taken out, and these go to a doctor."""
    assert verdict(text) == "see_doctor"


# --- the thirtieth review (6971df0..3bf1779: 39 hidden, 6 false alarms) ----------------------

@pytest.mark.parametrize("text", [
    "the nurse stopped my insulin on the ward and now I'm home, sugars 24 and so thirsty",
    "ran out of my keppra, except for one tablet",
    "stopped my lamotrigine apart from the night dose, to see if I need it",
    "started ramipril last week and fell over twice getting out of bed",
    "on quinine for cramps, ears ringing, I used to drink tonic water with dinner",
    "diabetic, had a hypo driving, don't remember getting home",
    "on amoxicillin and came out in hives, the pharmacist gave me a cream for it",
    "my son's on amoxicillin and he's spotty all over his tummy",
    "on lithium, switched to naproxen instead of ibuprofen, hands shaking",
    "on warfarin, bruises on my shins and I'm not sure how, had beetroot for lunch",
    "keep losing time, lost time at work from it, found myself in the car park with no idea how",
])
def test_what_the_thirtieth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "taking 3 paracetamol 6 times a day for my back",
    "2 paracetamol every 3 hours, even at night, for my tooth",
    "3 paracetamol at a time every 4 hours for sciatica",
    "left the kids on their own till 3am to go clubbing, the babysitter never came, they're 4 "
    "and 6",
])
def test_what_the_thirtieth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


def test_a_neighbour_who_watches_through_the_window_is_just_nosy():
    assert verdict("the woman opposite watches me through the window all day, so nosy, neck "
                   "stiff") not in ("see_doctor", "urgent")
