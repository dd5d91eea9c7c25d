"""Session 21: the second reading of review 20-4's mending (harm at home), worded afresh
here with decoys beside them; and what an explanation told beside a finding may not hide
(a rule's `excuses`, which a bruise, fear or anger told beside them overrules: "as a joke",
"at judo" — where a cause such as a toddler or a seizure explains whatever follows)."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")


# Review 21a (992cc97..64207f2): hidden.
@pytest.mark.parametrize("text", [
    "he strangled me last weekend, we do sparring together but this was nothing like that, "
    "it hurts to swallow",
    "my girlfriend choked me until i nearly passed out, we both train bjj but this was at home",
    "got headbutted in the face by a stranger outside the pub, been sick and seeing double",
    "my brother and i were play fighting and he punched me in the head, now i keep throwing up",
    "28 weeks pregnant, my partner kicked me in the stomach last night and there's some spotting",
    "i'm 30 weeks and he pushed me over onto my bump, my belly is really painful now",
])
def test_what_review_21a_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my husband holds me down when he is in a temper, i've got bruises on my wrists",
    "he held me down on the bed for ages and would not let me up, shoulders are tight",
    "my partner hits me when he's had a drink, he's a judo coach and i'm scared of him",
    "my fella throws me around the kitchen, i've done judo for years so i know how to fall, back sore",
    "he kicked me last night, i'm bruised from bjj anyway but this is different",
    "she slapped me as a joke she says but my cheek has a mark on it now",
    "he shoved me into the pool for a laugh and held me under until i panicked",
    "my boyfriend slaps the kids when they cry",
    "her stepdad hits the children with his belt",
    "my partner beats our boys, my back is killing me from the stress",
    "my phq9 came back as twenty one, neck is so tense",
    "my 5 year old told me she can't tell mummy what happens at her dad's",
    "my niece said the babysitter told her she mustn't tell her mum or she'll be in trouble",
    "my son says he isn't allowed to tell me what his tutor does at lessons",
    "my ex turned up at my new flat last night, no idea how he got my address",
    "my ex-husband has somehow tracked down my new address, i'm frightened",
    "my boyfriend shoves me into the table when he is angry, hip is bruised",
])
def test_what_review_21a_found_hidden_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


# Review 21a: false alarms, and decoys beside the mended ones.
@pytest.mark.parametrize("text", [
    "the smoke from the barbecue choked me a bit, neck stiff",
    "a fish bone choked me at tea, throat scratchy now, shoulders tight",
    "my scarf choked me when it caught in the car door, neck a bit sore",
    "my wife choked me up with her speech at the party, neck stiff from hugging everyone",
    "my grandad beats us all at darts every christmas, shoulder aches from throwing",
    "my husband kicks the kids off the xbox at nine, my son is 12, neck ache from the desk",
    "their dad beats the boys at tennis every weekend, my son is 11 and his calves are sore",
    "my wife sprays the kids with the hosepipe in the garden, they love it. back aches",
    "my toddler kicked me in the face getting his pyjamas on lol, neck stiff",
    "got punched in the face at boxing tonight, no headache, want to loosen my shoulders",
    "the physio gave me a back questionnaire and i scored 22, lower back pain",
    "my depression score has gone from 23 to 6 since therapy, neck tension",
    "my husband holds me down during my seizures so i do not fall off the bed, back sore",
    "my sister held me down and tickled me till i cried laughing, ribs ache",
    "husband's at the pub with his mates and not responding to my texts, neck is sore",
    "my ex found my new address from the school and we agreed the handover times, shoulders",
    "my husband pushed me into the pool as a joke at the hotel, lower back twinge",
    "we play fight and my son punched me in the face by accident, a bit of a bruise, neck stiff",
    "at bjj my training partner choked me out in drills last night, neck a bit stiff",
    "pregnant 22 weeks, fell asleep on the sofa and my back hurts",
])
def test_review_21a_false_alarms_and_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 21b (114ed7f..f75a99b): an excuse overruled by what is told beside it, in its
# sentence or the next; a cause (a toddler, a puppy, sleep, a seizure) whatever follows.
@pytest.mark.parametrize("text", [
    "wrestling about with my cousin and he slammed my head on the floor, now i can't remember the "
    "drive home",
    "we were play fighting and i whacked my head on the bedpost, been drowsy and not myself since",
    "my twins were play fighting and one hit his head on the radiator, fluid coming out of his nose",
    "play fight with my uncle, got headbutted in the face, splitting headache since and my neck hurts",
])
def test_what_review_21b_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my girlfriend slaps me as a joke, she always says it's just banter, my cheek stings",
    "he knocked me into the wardrobe by accident, supposedly. I'm frightened of him now.",
    "my husband squeezes my arm for a laugh but there are always marks after",
    "my ex got my new address but we agreed on the school handover. Since then he's been "
    "sending me threats.",
    "my ex came to the flat for the drop off and refused to leave, there's an injunction against him",
])
def test_what_review_21b_found_hidden_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my toddler headbutted me at bedtime and kicked me in the ribs, i'm bruised all over lol",
    "the dog jumped up and shoved me into the fence, bruised my hip",
    "my wife kicks me in her sleep, she says she has no memory of it, lower back sore",
    "my partner holds me down during my seizures so i don't hit my head, he says i thrash, "
    "sore shoulders",
    "29 weeks pregnant, my husband tripped over the cat and i laughed till my belly hurt, back achy",
    "27 weeks, banged my knee on the table, also my usual ligament pains in my tummy",
    "we got knocked out of the league on sunday, tension headache all weekend, shoulders in knots",
])
def test_review_21b_false_alarms_are_not_urgent_or_harm(text):
    found = screen(text)
    assert found.verdict != "urgent" and "general.harm-at-home" not in flag_ids(found), \
        flag_ids(found)


# holdout124 (a thirteenth mix, scored at f75a99b: text alone 10 of 108 missed, 2 emergencies
# under-called; answered 2): its misses in fresh words, with decoys.
@pytest.mark.parametrize("text", [
    "rang 111 about my chest and they told me to go to A & E straight away, can i do a quick "
    "shoulder routine first",
    "my daughter took a ton of pills after a fight with her boyfriend, she says she's fine now",
    "my 10 year old took a tennis ball to the eye at practice and now everything looks fuzzy on "
    "that side",
    "message from my aunt via my cousin: sudden back pain between her shoulder blades, like "
    "ripping, came on an hour ago, very clammy",
    "passing lots of blood and clots when i poo and i feel faint standing up",
])
def test_what_holdout124_missed_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the pharmacist wouldn't sell me anything for my stomach until I see a doctor",
    "my heart keeps having runs of racing for no reason, my fitbit hit 160, happened 3 times "
    "this week",
    "lower back was a 3 on sunday, a 5 yesterday, now its a 8",
    "the pain level in my app says 9 for my neck today",
    "my 12yo's spine looks curved when she bends over and it's getting more noticeable",
    "sprained my wrist 5 weeks ago and it's still really swollen, getting worse again",
    "my osteo refused to treat my back until I've seen a doctor about the numb patch",
])
def test_what_holdout124_missed_is_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "111 said to go to A&E if the pain gets worse, it's settled now, just want a neck routine",
    "went to a&e last week for my ankle, all clear, calves tight now",
    "my physio said to see my GP if the knee isn't better in a fortnight, hamstrings tight",
    "the pharmacist told me to see my GP for a repeat prescription, shoulders stiff",
    "got hit in the eye with a nerf dart, eye a bit watery, vision fine, neck stiff",
    "did the clot checks from the leaflet after my flight, both calves the same size, no heat, "
    "just stiff",
    "watched a documentary about appendicitis last night, i'm fine, just a stiff neck",
    "my spine has a slight curve, had it since i was a kid, monitored by the clinic, back tight",
    "sprained my ankle 6 weeks ago, swelling all gone, just stiff now",
    "smart watch says i've dropped 3kg, which is the point of the running, hamstrings tight",
])
def test_holdout124_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text, word", [
    ("went to A&E last night", "a&e"), ("went to A & E", "a&e"), ("bad D&V since sunday", "d&v"),
    ("salt & pepper", None), ("me & my mum", None),
])
def test_two_letters_joined_by_an_ampersand_are_one_word(text, word):
    """The rules write "a&e", "d&v": the text's "A&E" must read the same (it was read as two
    words, "a" and "e", so no pattern naming A&E ever matched)."""
    from unknot.intake.screen import default_engine

    words = [token.norm for token in default_engine().lexicon.read(text).tokens]
    if word is None:
        assert not any("&" in each for each in words)
    else:
        assert word in words


# holdout123 (harm at home and people at risk, round 2, scored at f75a99b: text alone 41 of
# 108 missed, 6 emergencies under-called; answered 0): its families in fresh words.
@pytest.mark.parametrize("text", [
    "my uncle's drunk and swinging a bat about in the kitchen, me and my sister are upstairs "
    "with the door locked",
    "my ex is outside my house right now hammering on the door, i have a restraining order",
    "he sent me a picture of a knife and says he's coming over tonight to sort me out",
    "hiding in the staff toilets, my ex is at reception asking for me, last time he had a knife",
    "her brothers say they'll teach me a lesson tonight, they've been driving round my road",
    "caring for dad for years, tonight i'm stood over his bed with a cushion, please help me "
    "calm down",
    "my boyfriend gave me a load of his tablets to help me sleep and i don't know how many i took",
    "they lock me in the room when they go out, nothing to eat for 3 days, i feel so weak",
    "my boyfriend kicked me in the ribs, now it's really hard to breathe",
    "my dad flew us out and booked my flight for tomorrow, i'm 15, they're making me marry a man "
    "i've never met",
    "old lady downstairs, not seen her carer for days, she's soiled, no food in, barely talking",
])
def test_what_holdout123_missed_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the family i clean for keep my passport and i have no day off, they say my pay goes to the "
    "agency debt",
    "boss at the farm holds our ID cards, we sleep in the barn and he takes rent so nothing left",
    "my parents want me to marry my cousin, i said no and they took my passport",
    "my wife hides my inhaler when we fight",
    "my partner keeps my antidepressants and decides when i can have them",
    "my carer has been using my bank card for the shopping and hundreds are gone from my account",
    "he makes me send a selfie every hour to prove where i am",
    "whenever i say i'm leaving she says she'll kill herself and it'll be my fault",
    "he makes me have sex after i've said no, says it's my duty",
    "my foster placement (6) has small round scabs on his arms and won't say how",
    "nursery: she said daddy hurts her front bottom and cries at changes",
    "my 12yo deletes all her chats with a man she met on roblox who buys her gift cards",
    "my nephew (7) hides under the table when his mum's boyfriend comes to get him",
    "someone keeps leaving dead flowers on my doorstep and there was a photo of me taken from "
    "across the street",
    "found an airtag hidden in my coat lining, only my ex would do that",
    "19 weeks pregnant and my husband punched my shoulder last night",
])
def test_what_holdout123_missed_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "dad took my phone off me as a punishment for the detention, neck sore from reading",
    "my mum's gonna kill me when she sees my room lol, neck stiff",
    "my husband and i do judo together, he threw me in class last night, thighs burning",
    "if a friend said her boyfriend checks her phone is that bad? asking generally. neck stiff",
    "my toddler kicked me in the face at bedtime, neck a bit stiff",
    "my cat follows me everywhere, even to the loo, upper back tight",
    "the hotel kept our passports at check in, back stiff from the flight",
    "so excited, we booked flights for the wedding tomorrow! shoulders tense from packing",
])
def test_holdout123_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 21c (f75a99b..4d2fae0): hidden, and false alarms.
@pytest.mark.parametrize("text", [
    "not sure whether to wait in case it gets worse, my face has drooped and my arm is weak",
    "my GP said ambulance, can i rub her back while we wait",
    "999 are sending an ambulance, is a foot rub ok till they come",
    "took a squash ball to the eye and everything has gone blurry",
    "got a cork in the eye and now there's a dark curtain across my vision",
])
def test_what_review_21c_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "banged my head on a cupboard yesterday, no headache, but i keep forgetting words",
    "he shoved me by accident again, third time this week",
    "my husband hits me when he's been playing cards and lost",
    "got choked out at bjj, now there are tiny red dots round my eyes and a headache",
])
def test_what_review_21c_found_hidden_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my step count keeps going up every day, calves tight",
    "my bench score keeps going up each week, triceps sore",
    "black eye from a cricket ball, also need reading glasses, things look blurry up close",
    "my toddler poked me in the eye, i've had floaters for years, nothing new",
    "nurse said come straight in for bloods tomorrow, can i massage my arm today",
    "my midwife wants me to go to hospital for a growth scan next week, back aching",
    "my therapist won't carry on until my GP reviews my medication, shoulders tense",
    "the spa won't massage me until my GP signs a form because I'm pregnant",
    "sprained my ankle 3 weeks ago, still a bit swollen but getting better every day",
    "i get a twist in my back from my golf swing, sore lately",
    "love the weight i've lost since i took up cycling, quads tight",
    "revising for exams, headache from staring at notes, neck stiff",
])
def test_review_21c_false_alarms_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 21d (4d2fae0..d82e3aa) and holdout122's second mending: hidden, in fresh words.
@pytest.mark.parametrize("text", [
    "the cleaning boss has my passport and says i owe him for the visa, i never get paid, wrists ache",
    "boss keeps our papers and takes our wages for the debt, 8 of us in one room",
    "my family say i'm getting married in the summer whether i like it or not and they took my passport",
    "my boyfriend gets violent when he's had a drink, my wrist hurts",
    "he makes me have sex even when i tell him no",
    "i'm 14, my uncle comes into my room at night and touches me",
    "my stepdad makes me do things to him when mum's at work, i'm 13",
    "my 9yo was left home alone all weekend again",
    "a carer at work, i saw a colleague slap one of the residents, she's got a red mark and she's scared",
    "my brother-in-law says if i don't pay him he'll break my arms, neck stiff",
    "mum's carer hasn't been since tuesday, she's soiled, hasn't eaten and is muddled, back pain",
    "husband's temper again. ribs bruised. back please",
    "my autistic son hit me so i smacked him hard across the face, his cheek's bruised, i feel awful",
    "90F, unwashed, sacral sores, wt down 5kg, son says she refuses food, shoulder routine please",
])
def test_what_review_21d_and_holdout122_found_hidden_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my dad says i have to marry the man they chose, flights booked for friday, i'm 16",
    "got punched in the ribs outside the club, now it hurts every time i breathe in",
    "the child i mind (4) says her daddy sat on her tummy, she's pale and cries when i touch it",
    "my sister's husband waved a knife at her on video call and now she's not answering",
    "i'm 84, my grandson took my phone and locked the front door, not had my insulin since "
    "saturday, so thirsty",
    "mum says my brother knocked her down with her stick, she can't get up off the floor and her "
    "leg's turned out",
])
def test_what_review_21d_and_holdout122_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "said no to the last dance at my cousin's wedding, feet killing me",
    "my mum wants me to marry someone from back home, i'm 30 and said no, we laughed about it",
    "i look after my wife with ms, i'm afraid i'll hurt her when i move her in bed, shoulders sore",
    "my ex is outside right now to collect the kids, contact is every other weekend, back sore",
    "my son deletes his messages so i can't snoop lol, he's 14, knee sore",
    "slammed the door so hard a picture fell off the wall, teenagers. tension headache, neck",
    "my little sister followed me to the shop again for sweets, shoulders tight from the bags",
    "toddler headbutted me in the face at bedtime, no mark, jaw tight",
])
def test_review_21d_and_holdout122_false_alarms_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 21e (d82e3aa..93691e9): someone else's partner is not the writer's; and holdout125
# (older people, round 4, scored at 93691e9: text alone 31 of 108 missed; answered 7) and
# holdout126 (children and babies, round 3: text alone 22 missed, 5 under-called; answered
# 11): their misses in fresh words, with decoys.
@pytest.mark.parametrize("text", [
    "my sister's boyfriend gets rough when he's been drinking, i'm worried for her, neck stiff",
    "my neighbour's husband gets violent when he drinks, we hear it, shoulders tight",
    "in the series i'm watching the husband gets physical when he drinks, shoulders tight",
    "my cousin has to get married before her visa runs out, wedding stress, neck tight",
    "found grandad on the kitchen floor at 7, he'd slipped in the night and couldn't get back up, "
    "he's cold",
])
def test_review_21e_and_the_older_set_split_as_they_should(text):
    found = screen(text)
    expected_urgent = text.startswith("found grandad")
    assert (found.verdict == "urgent") == expected_urgent, flag_ids(found)


@pytest.mark.parametrize("text", [
    "my husband hit me with his stick and now my hip hurts and i can't put weight on it",
    "care note: resident found sitting on the floor by her bed, can't weight bear, leg externally "
    "rotated",
    "dad's choking on a bit of meat, he can't cough and he's gone quiet",
    "my 6 week old has a temperature of 38.4 and is sleepy",
    "baby is 3 months, grunting with every breath and his tummy is sucking in",
    "the baby i look after is pale and floppy and hasn't fed since this morning",
    "my son's private parts hurt, he's pale and been sick",
    "my toddler bit into a laundry pod, foaming at the mouth",
    "grandad phoned the whole family to say goodbye and his shotgun's missing from the cabinet",
    "caring for my wife, she's asleep, i've got a cushion in my hands and i keep thinking about it",
])
def test_what_the_older_and_children_sets_missed_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "meat keeps sticking halfway down and i have to wash it down, been months",
    "mum's been coughing on her drinks since the winter and had two chest infections",
    "nan's not been herself since sunday, muddling names and up wandering at night",
    "dad's been like a different man these last few months, swearing and not bothering to wash",
    "since my wife died i don't see the point of getting dressed and i'm not eating properly",
    "mum's heel has a red patch that doesn't go white and now a blister, she's in bed most of the day",
    "my uncle's fridge is empty, he's in the same clothes as last week and the carer hasn't been "
    "for days",
    "mum's gone from a size 14 to a 10 without trying",
    "took my morning and evening tablets together by mistake, i'm on digoxin",
    "i'm caring for mum and some nights i could shake her, i mean it, i'm frightened of myself",
    "my 14 year old cuts her food into tiny pieces and has dropped a lot of weight",
    "found neat little cuts on my daughter's arm, she said the dog scratched her",
    "his calf's been sore since football, i rubbed it and now it's more swollen",
    "my 3 year old got the lids off grandad's pill organiser and some are missing",
])
def test_what_the_older_and_children_sets_missed_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the man next door was taken to hospital last night, they think it was a stroke. i'm shaken",
    "what are the signs of a stroke? asking for my husband who is well. shoulders tight",
    "i can't remember where i put my glasses half the time, still do the crossword. jaw tight",
    "my husband shouts at the telly during the football, neck tense from the noise",
    "what would be the signs a bump on the head is serious? nothing has happened, back massage",
    "my daughter told nursery she ate a battery, all batteries accounted for, she was pretending",
    "we do massage stories at nursery with gentle back strokes, any ideas",
    "she walked into the table, a little lump on her forehead that went down overnight",
])
def test_the_older_and_children_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 21f (93691e9..7fc4939): hidden, and false alarms, in fresh words.
@pytest.mark.parametrize("text", [
    "what are the signs of a stroke, my dad's face has just dropped on one side and he can't lift "
    "his arm",
    "the baby is choking on her bottle and going blue",
    "nan fell in the kitchen last night and lay there till the milkman found her",
    "dad was stuck on the floor till the morning after a fall, he seems alright",
    "it took mum two hours to get up after she slipped, she's cold and shaking",
    "my 2 month old is grunting when she breathes and her nostrils are flaring",
    "my toddler ate a dishwasher tablet and is foaming at the mouth",
])
def test_what_review_21f_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "mum's like a different person since starting her new tablets, she's seeing things",
    "since my mum died dad has stopped taking his tablets and says he wants to be with her",
])
def test_what_review_21f_found_hidden_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "the kids were lying on the lounge floor for hours playing lego, my knees ache from kneeling",
    "our dog went pale and limp after a long walk in the heat, my calves are tight",
    "the cat was choking on a bit of chicken, i got it out, back sore from bending",
    "lost my husband's wedding ring in the garden, haven't eaten much from stress, neck tense",
    "bought a cardigan and it's hanging off me, far too big, shoulders stiff",
    "my son went from a size 11 to a size 1 shoe this year, growing pains in both legs",
    "parallel scratches on my arm from the brambles, a bit sore",
    "my husband runs every night training for a marathon and has dropped weight, calves tight",
    "i'm asthmatic, get wheezy after running, inhaler sorts it, hamstrings tight",
    "lower right back stiff for days after digging the garden",
])
def test_review_21f_false_alarms_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 21g (7fc4939..0aa4c79): hidden, and false alarms, in fresh words.
@pytest.mark.parametrize("text", [
    "my daughter's choking on a grape, she can't cough or breathe, the dog is barking like mad",
    "dad's choking on his dinner, it went down the wrong way, he can't breathe or cough",
    "gran fell last night and was on the carpet till i got there at 8, she's achy and cold",
    "nan fell in the kitchen and was stuck there till the carer came at 7, she's cold",
])
def test_what_review_21g_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "dad's lost 2 stone since the spring, no idea why, we bought him smaller trousers",
    "since mum died dad says he'd rather be with her now and he's not eating much",
    "my husband died in may and i've stopped taking my statins, what's the point, back aches",
])
def test_what_review_21g_found_hidden_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "what are the signs of sepsis, fever, fast breathing, mottled skin? revising for my exam",
    "lay there for ages last night unable to sleep, back sore this morning",
    "been on the floor since lunch grouting the tiles, knees sore",
    "mum's a new woman since starting her new tablets, far happier, shoulders tight",
    "since dad died mum's going to join her sister in spain for the winter, she's coping, neck stiff",
    "my husband snores and grunts when he breathes at night, his neck is stiff",
    "my toddler gags on his milk when he gulps it, coughs and he's fine",
    "my 2 year old would eat a dishwasher tablet if i let him, we have cupboard locks",
])
def test_review_21g_false_alarms_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 21h (0aa4c79..278f3af): a question's signs are someone's unless asked for study; an
# excuse (asleep, feeling better) gives way to a real sign; a pet nearby hides no choking child.
@pytest.mark.parametrize("text", [
    "what are the signs of a clot, grandma's calf is hot and swollen and she's breathless",
    "my 1 year old is grunting in her sleep, ribs sucking in, temperature 39",
    "my toddler is choking on a grape and going quiet, the cat's asleep on the sofa",
])
def test_what_review_21h_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "mum has more energy since her new tablets but she's seeing people who aren't there",
    "since jean went i sit in the chair all day, can't be bothered to cook, what's the point",
])
def test_what_review_21h_found_hidden_is_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "fell asleep on the carpet for hours after laying the laminate, back stiff",
    "a laundry pod burst in the washing machine, what a mess, shoulders tight from scrubbing",
    "lost a stone since i stopped drinking, bought smaller jeans, shoulders tight",
])
def test_review_21h_false_alarms_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))
