"""Session 30: blind sets on the nerves (round 3), the skin (round 4) and the world outside the
body (round 3), and the text-alone misses left from session 28. Tingling that climbs from the
feet and takes the breath, a face that slid, a side that feels like someone else's, mugs that
fall from a hand, a floor that tilts with a full, ringing ear; a bleed on a blood thinner that
will not stop in someone else; despair over gambling or debt; a carer's own injury; and the
decoys beside them (a zombie in a school play, a dead arm after a jab, a lolly's cold fingers,
a tiny bit of blood from a tin). Worded afresh here."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


def asked_for(text: str) -> str:
    return screen(text).subject


@pytest.mark.parametrize("text", [
    # Guillain-Barré: the climb told by a fizz and knees that will not hold, or by the breath
    "my toes started going fizzy on tuesday, by thursday it had reached my knees and now my legs "
    "won't hold me up on the stairs",
    "pins and needles in both feet since the weekend, now in my fingers as well, and I can't get "
    "a decent breath in tonight",
    # a stroke seen by a carer: the hand would not hold, the face slid
    "grandad's hand wouldn't hold his mug and half his face has sort of slid down, just now",
    # a side that feels like someone else's on waking
    "woke up and my right arm and leg feel like they belong to somebody else",
    # a bleed in someone else on a blood thinner that will not stop
    "my dad cut his shin on the car door, he's on apixaban and it won't stop bleeding",
    "my nan's arm is bleeding from a cat scratch and she takes warfarin, it won't stop",
])
def test_an_emergency_told_by_its_effects_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a hand that lets go, with a stiff neck (the spinal cord)
    "my left hand keeps letting go of things, dropped four cups this week, and my neck is stiff",
    # the ulnar nerve: numb all the time now, not only when leaning
    "little finger and ring finger numb constantly, not just when I lean on the desk, and my hand "
    "is clumsy doing up buttons",
    # carpal tunnel with a weak pinch
    "my hands go numb at night and wake me, and now my pinch grip is weak and I dropped my phone",
    # a radial nerve palsy that has not come back
    "numb and weak on the thumb side of my hand for three weeks since I fell asleep on my arm",
    # a face numb for a week with no dentist
    "a patch of my jaw has gone numb, like after a jab at the dentist, but I haven't been, it's "
    "been a week",
    # a spinal fracture on long-term steroids
    "been on prednisolone for years, my back suddenly went when I coughed and it's sharp in the "
    "middle",
    # a foot that will not point up after a back operation
    "had my back operated on last month and now my right foot won't lift up properly",
    # spinning with a full, ringing ear
    "the floor keeps tilting for hours at a time and my left ear feels full and is ringing",
    # despair over gambling or debt
    "lost all my savings on the slots, drinking to forget, I can't go on like this",
    "the bailiffs came again, I can't see a way out of this debt. neck in knots",
])
def test_a_red_flag_told_sideways_needs_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a dead arm shaken back to life, a decorator's tired arms, a lolly's cold fingers
    "fell asleep on my arm and it was a dead weight, then it tingled back to life in a minute or "
    "two. shoulder a bit stiff",
    "arms feel dead after painting the ceiling, like noodles. shoulders burning",
    "fingers went numb holding an ice lolly at the beach lol. back tight from the deckchair",
    # Raynaud's in the frost, back to normal when warm
    "fingers went white and numb walking in the frost without gloves, then red when I warmed up, "
    "fine now. hands stiff",
    # acting, a jab, laces, a boat, handlebars, a yoga pose
    "I played a zombie in the panto and had to drag my leg all evening, hips ache now",
    "arm went dead after my flu jab, sore for a day, fine now. neck and shoulders please",
    "tingling on top of my foot from lacing my new trainers too tight, relaced and fine. calves "
    "tight",
    "legs felt wobbly after a week on the boat, land sickness, gone now. back stiff from the bunk",
    "arms numb from gripping the handlebars on the downhill, shook them out and fine. shoulders "
    "tired",
    "my legs get pins and needles when I sit on my heels in yoga, gone as soon as I come out of "
    "the pose",
    # a question about what a stroke is like
    "my friend asked me what a stroke feels like because her grandad had one. anyway my neck is "
    "stiff",
    # a small cut with a tiny bit of blood
    "nicked my finger on the cheese grater, tiny bit of blood, plaster on. shoulders tight",
    # a documentary's gambling, a debt paid off, a bet with a mate
    "watched a documentary about a man who lost everything gambling and couldn't go on, made my "
    "jaw tense",
    "cleared the last of my debts today, shoulders finally dropping",
])
def test_a_decoy_gets_a_routine(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # the skin and the world outside, told by effects
    "my boy's got tiny purple dots on his tummy and I pressed a glass on them and can still see "
    "them, he's burning up",
    "my son ate a satay at the party, his lips are double the size and he's gone quiet",
    "after the prawn curry my lips feel like I've had fillers and swallowing is weird",
    "fingers went white and hard on the ridge, now they've warmed up they're blistering and "
    "going grey",
    "knocked a pan of hot oil over both hands, blistered all over and the skin is coming away",
    "type 1 diabetic, toe has gone black, foot swollen up to the ankle and I've a temperature",
    "my brother was on the hill for hours in the snow, he was shivering, now he's stopped "
    "shivering altogether and he's talking like he's drunk",
    "stung by a jellyfish at the beach and now my breathing is funny",
    "my little girl chewed some leaves from a plant in the park, now she's being sick and her "
    "heart is racing",
    "my flatmate touched the bare wires in the loft, got knocked out for a second and his chest "
    "is fluttering",
    # what reading 30-1 found hidden
    "been on my phone in the sun all afternoon, i've stopped sweating and my skin is bone dry",
    "nothing is helping this crushing pain in my chest and it's spreading to my left arm",
    "grandad went down in the garden and isn't moving a lot, he's grey",
])
def test_an_emergency_in_the_world_outside_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the mole on my leg has gone two-tone and the edge is fuzzy now",
    "a mole on my arm my partner says has got darker and bled on my sleeve",
    "tiny red dots on my shins that don't go pale when I press them, otherwise I feel fine",
    "my gland under my jaw is still up and hard six weeks after a cold",
    "the lipoma on my back the GP checked years ago has doubled and gone firm",
    "my baby is four weeks old and still yellow and his poo is pale",
    "a horsefly bite on my thigh has turned into a hot red patch the size of my palm and it's "
    "still growing",
    "my eyelid is swollen, red and warm since this morning",
    "coppery spots on my palms and the soles of my feet a few weeks after a new partner",
    "a monkey scratched my hand at a temple in Thailand last week, didn't see anyone",
    "my son held the electric fence on the farm yesterday and his heart keeps fluttering since",
    "used sunbeds a lot in my twenties, there's a mole on my back that has got darker and "
    "itchy",
    # what reading 30-1 found hidden
    "I'm 60 and bloated every single day since last year, jeans don't fit",
    "itchy all over including my scalp and shattered, skin looks normal",
    "my mum's skin I think has gone a bit lemony and she's off her food",
    "saw bright red blood when I wiped, the bleeding kids kept me up so haven't called the GP",
])
def test_a_sign_of_the_skin_needs_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my sciatica isn't responding to anything I try, glutes tight",
    "brown stuff coming out of the tap when I go to fill the kettle, neck tense",
    "I drink two litres of water a day but nothing to drink after 7pm, shoulders tight",
    "sweating at night most nights in this heatwave, no fan, back tight",
    "my face toner smells lemony and I love it, neck stiff",
    "legs went mottled purple after my ice bath and I was sleepy after, calves tight",
    "the pram veered into the door out of nowhere and I stubbed my toe, hip tight",
    "the boiler's broken and my hands are freezing and the wifi is so sluggish, neck stiff",
    "the cat seems disorientated since we moved, my neck is stiff from the new pillow",
    "had a filling this morning, tooth out yesterday, mouth keeps filling with saliva, jaw achy",
    "in the sauna my skin is hot and dry for the first few minutes then I start sweating",
    "the gig was electric, danced all night, calves sore",
])
def test_a_false_alarm_of_reading_30_1_gets_a_routine(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # what reading 30-2 found hidden by this session's own first mending
    "my wife choked on a crisp, we thought it went down but she can't get any air in",
    "tooth out this morning and the socket won't stop bleeding, I keep spitting, it's been "
    "three hours",
    "climbing out of the car an hour ago my left leg started dragging and won't do what I want",
    "agony in my right side going round to my back, been sick all morning and can't get comfy",
    "I played a pirate in the school show and had to jump off the stage, landed on my head, "
    "now I keep being sick",
    "grandma keeled over at the table, eyes open but staring and not answering",
    "a shock off the mains while mending the fence light threw me back and my arm feels weird",
    # notes and voices of holdout162 and holdout163, worded afresh
    "resident only opens her eyes when I pinch her shoulder, then drifts off again",
    "handover: vomited twice overnight, dark brown gritty stuff like coffee grounds, on aspirin",
    "my chest is paining me since morning and it is going to my jaw, sweating plenty",
])
def test_what_the_second_reading_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "small drop of blood after we had sex, second time now",
    "tiny bit of blood when I peed this morning, I'm 62",
    "even under my make-up my face looks yellow, my friends keep saying so",
    "I'm 58 and bloated every evening for the last three months, worse after bread",
    "drive a van all day, lower back pain and numbness down my right leg into my foot",
    "client, 71M, o/e L calf 2.5 cm > R, warm and tender",
    "BNO 8 days despite laxatives, tum bloated",
    "resident's weight down 5kg since June, eating ok per charts",
    "osteoporosis, sneezed yesterday and now a sharp pain in my ribs when I breathe in",
    "client says bending her head forward sends a zap like an electric shock down her spine",
    "mi belly a hurt me every night an mi lose nuff weight",
])
def test_what_the_second_reading_and_the_notes_found_needs_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "PMH: DVT 2016, anticoagulated 6 months then stopped, no problems since. tight calves",
    "hx breast lump 2021, ultrasound showed a cyst, discharged. shoulders tight",
    "absolutely knocked out after the night shift, slept 11 hours. upper back stiff",
    "drive a lorry, back stiff, what can I do at rest stops",
    "money's tight and my chest feels tight with worry, not literally, neck and shoulders",
    "my son's acne isn't responding to anything we've tried, he has growing pains in his knees",
    "walked in the snow, feet frozen and now my hands as well lol, calves tight",
    "the red marks from my glasses stay on my nose all evening where they press",
])
def test_a_decoy_of_the_second_reading_gets_a_routine(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # what reading 30-3 found hidden by the second round of mending
    "my sick looked like red wine, twice tonight, and I haven't touched a drop",
    "over a bad cold last week, now the pins and needles have reached my knees and my legs keep "
    "buckling",
    "I'm pretty sure she's having a heart attack, not literally an elephant on her chest but a "
    "crushing weight, and she's grey",
    "my fingers froze hard up the mountain, I warmed them by the fire and now they're blistered "
    "and going black",
    "my toddler and the dog both ate berries off the yew, she's being sick now",
    "he got knocked out in a rugby tackle and now he just wants to sleep",
    "a rash on my little girl that stays when I press a wine glass on it, and she's burning up",
])
def test_what_the_third_reading_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the doctor says it's a kidney stone, still waiting to pass it, lower back aches",
    "a little bloody fluid from my nipple this morning, first time ever",
    "rash on my palms and soles, a bit dry and flaky, had a painless sore a few weeks ago",
    "baby is 18 days old and still looks yellow",
    "since the cast came off my foot drags and I keep tripping over it",
    "diagnosed with a clot in my calf last week, is there a risk of it moving if I massage?",
    "the debt is crushing me and I'm hiding it from my husband, I can't see a way out",
    "I care for my wife who has dementia and hurt my shoulder lifting her. She had a fall last "
    "week. My shoulder wakes me every night and I've lost weight without trying",
])
def test_what_the_third_reading_found_hidden_needs_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my son's scooter veered into the wall out of nowhere, the wheel is wonky, knee grazed",
    "wisdom tooth out this morning, the bleeding has stopped but my mouth keeps filling with "
    "spit",
    "pricked my finger on a rose thorn, tiny drop of blood, back aches from the weeding",
    "my teenager only opens her eyes when I shout up the stairs at 11, neck stiff",
])
def test_a_decoy_of_the_third_reading_gets_a_routine(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my toddler was sick after a chocolate milkshake, brown stuff, fine now",
    "my boy was sick after his tea, black bits in it from all the blueberries, he's fine now",
])
def test_sick_the_colour_of_what_was_eaten_is_no_bleed(text):
    assert "abdomen.vomiting-blood" not in flag_ids(screen(text))
    assert verdict(text) != "urgent"


def test_agony_on_one_side_of_a_knee_is_no_belly_emergency():
    # (agony is still pain to see a doctor about; what it is not is an acute abdomen)
    text = "my knee is agony on the right side after squats, sweating buckets at the gym"
    assert "abdomen.severe-pain-with-vomiting" not in flag_ids(screen(text))
    assert verdict(text) != "urgent"


def test_a_carers_own_injury_is_the_carers_routine():
    text = ("I care for my wife and I tweaked my back lifting her last week, now my left foot "
            "slaps when I walk")
    assert asked_for(text) == "self"
    assert verdict(text) == "see_doctor", flag_ids(screen(text))


def test_a_carer_asking_for_the_person_cared_for_stays_theirs():
    text = ("I look after my dad and I hurt my back lifting him ages ago, all fine now. He has a "
            "stiff neck, any routine for him?")
    assert asked_for(text) == "someone_else"


def test_a_routine_the_carer_did_is_no_injury():
    text = ("I look after my husband and did my back stretches after, any ideas for a routine "
            "for him?")
    assert asked_for(text) == "someone_else"

