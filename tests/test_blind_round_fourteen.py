"""Session 21: the second reading of review 20-4's mending (harm at home), worded afresh
here with decoys beside them; and what an explanation told beside a finding may not hide
(`unless_overruled_by`: a bruise, fear or anger told beside "as a joke" or "he does judo")."""

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
