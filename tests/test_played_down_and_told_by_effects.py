"""Families from six blind sets written and scored once in session 11 before mending:
holdout64 (people who play it down — stoics, jokers, apologisers, the red flag as a P.S.) and
holdout65 (a fresh mix of every family, each sign told only by what the person notices) missed
9 and 7 of 108 red flags text alone and under-called 4 emergencies each: a hand that would not
hold a cup, words in the wrong order, saddle numbness told as "like wiping someone else's bum",
a stream that will not start, a car "went into the back of me", a headache that "came on over a
few seconds". Scored after their mending, holdout66 (questions and hypotheticals), holdout67
(teenagers), holdout68 (what is different this time) and holdout69 (numbers in the middle of a
message) missed 11, 9, 13 and 8. Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.facts import extract_facts
from unknot.text.normal import normalise


@pytest.mark.parametrize(("text", "rule"), [
    # one hand that will not do its everyday work, or feels gloved
    ("since lunch my left hand won't grip the kettle and my smile looks odd", "stroke.face-arm-speech"),
    ("tried to button my coat and my right hand just would not do up the buttons, twenty "
     "minutes ago", "stroke.face-arm-speech"),
    ("my right hand feels like I've got an oven glove on it, started this morning, bit of a "
     "headache", "stroke.face-arm-speech"),
    ("dropped my cup at breakfast because I could not grip it, now my arm feels odd",
     "stroke.face-arm-speech"),
    # speech told by what it did
    ("for a few minutes my sentences came out in the wrong order, fine now, neck tight",
     "stroke.face-arm-speech"),
    ("my words came out scrambled on the phone to mum earlier", "stroke.face-arm-speech"),
    ("in the mirror my face looks droopy on one side, started minutes ago", "stroke.face-arm-speech"),
    # saddle numbness told by its effect, or by where you sit
    ("slipped a disc last week; now wiping feels like it's somebody else's skin",
     "back.cauda-equina"),
    ("back's gone again and the part you sit on feels numb since this morning", "back.cauda-equina"),
    # a stream that will not start, with a disc
    ("prolapsed disc flared, and my pee won't start, I stand there for ages", "back.bladder-new"),
    # a crash told as what the other car did
    ("a van drove into the back of us on the motorway, now my neck hurts and my fingers tingle",
     "neck.trauma-limb-symptoms"),
    # a thunderclap told by how long it took to arrive
    ("a headache came on over a couple of seconds while I was lifting, like nothing before",
     "headache.thunderclap"),
    # confusion told as the same question again and again
    ("Grandad, 84, has a headache and has asked me five times what day it is this afternoon",
     "headache.neuro-deficit"),
    # a blocked bowel told plainly
    ("not been properly for five days, being sick, tummy tight as a drum", "abdomen.obstruction"),
    # black stools told as what passing them is like
    ("pooping black tar since Sunday and I'm dizzy when I stand", "abdomen.black-or-bloody-stool"),
])
def test_an_emergency_told_by_its_effects(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    # pain scores that keep rising
    ("upper back, my diary says mon 2/10, wed 4/10, fri 5/10, sun 6/10", "seed003.pain-scores-rising"),
    ("it started at a 3 last month and now it's 8, mid back", "seed003.pain-scores-rising"),
    # a score said plainly
    ("the ache's a steady 9 behind my shoulder blade", "seed003.intense-pain"),
    # back pain that will not shift, told without "not improving"
    ("low back since October. physio, heat, pills. it hasn't shifted at all", "back.not-settling"),
    ("my back's been bad six weeks, not really any better. hoped it would clear on its own",
     "back.not-settling"),
    # new back pain after 50
    ("I'm 58 and my back started aching a few weeks ago, never had back trouble before",
     "back.older-new"),
    # back pain while off food
    ("lower back aching for a month and I've lost my appetite, just can't face meals",
     "back.unwell-off-food"),
    ("back pain for three weeks and I'm loosing weight without trying", "back.cancer"),
    # angina told by the jaw
    ("my jaw aches when I hurry for the train and it eases once I stop", "chest.exertional-tightness"),
    # numbness that spreads, a leg that gives way
    ("a numb patch on my shin is spreading further up each week", "general.numbness-spreading"),
    ("back a bit sore and my right leg gives way on the stairs", "back.sciatica-weakness"),
    # a leg's colour told
    ("left calf gone a bluish colour compared to the right and it throbs", "legs.dvt-signs"),
    # painkillers most days, counted
    ("I take co-codamol for these headaches about 15 days in every month",
     "headache.painkiller-overuse"),
])
def test_a_sign_for_a_doctor_told_by_its_effects(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    # tired limbs from carrying, things broken that are not bones
    "legs dead from carrying the boxes up three floors, the lift is broken again",
    "washing machine's broken so I've hand-washed everything, forearms sore",
    # over, or explained
    "woke with my hand asleep, pins and needles till the feeling came back, fine now. neck tight",
    "bumped my head on the shed roof a fortnight ago, was fine - no symptoms then or since. "
    "shoulders please",
    "knocked my head on a cupboard last week, not had a single symptom since. hips stiff",
    "headache from forgetting to eat lunch, had a sandwich and it's easing",
    "dropped my phone because I could not hold it with wet hands, wrists a bit sore",
    "no appetite today after a huge lunch, lower back tight from the drive",
    # a shy bladder, a working adult alone
    "can't pee in public toilets, always been shy like that. upper back tight",
    "working from home alone for 2 weeks now, neck and temples tight",
    # long-standing, known
    "I'm 66, same old lower back ache since my thirties, the osteopath knows it well",
    "my pain was 8/10 on monday, 5/10 by wednesday and 2/10 today, neck",
    "it started at 9/10 after the fall and now it's a 2, shoulders",
])
def test_not_a_red_flag_in_the_same_words(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, flag_ids(result)


def test_pain_rising_is_read_from_scores_told_in_order():
    rising = extract_facts("week 1 2/10, week 2 3/10, week 3 5/10", None)
    assert rising.pain_rising is True and rising.pain_rising_evidence == "2/10, week 2 3/10, week 3 5/10"
    assert extract_facts("Started at a 2, now it's a 7", None).pain_rising is True
    # falling, a drift of one or two, or a single score: not rising
    assert extract_facts("8/10, then 5/10, now 2/10", None).pain_rising is None
    assert extract_facts("3/10, 4/10, 4/10", None).pain_rising is None
    assert extract_facts("started 2 weeks ago, now it's 6 days since the fall", None).pain_rising is None


def test_a_lifelong_condition_is_not_a_new_finding():
    result = screen("cerebral palsy, lifelong, no feeling in my legs, nothing new; shoulders please")
    assert result.verdict == "caution"
    assert {"thighs", "calves"} <= set(result.avoid)
    # a new sign beside it still counts
    assert screen("spina bifida from birth, but since yesterday I can't feel when I wee").verdict \
        == "urgent"


def test_no_problems_at_all_describes_a_pregnancy_it_does_not_end_it():
    result = screen("30 weeks pregnant, no problems at all, shoulders and feet ache")
    assert result.verdict == "caution"
    assert "abdomen" in result.avoid
    assert screen("sprained my ankle in March, no problems at all since, calves tight").verdict == "ok"


def test_would_is_read_after_a_subject():
    words = [t.norm for t in normalise("the bit you'd sit on, she'd say").tokens]
    assert words[:5] == ["the", "bit", "you", "would", "sit"]
    assert "she" in words and words[words.index("she") + 1] == "would"


# --- holdout66 (questions and hypotheticals), holdout67 (teenagers and young adults),
# holdout68 (people who know their bodies: what is different this time) and holdout69
# (numbers, times and measurements in the middle of a message), scored once on 84af93d.

@pytest.mark.parametrize(("text", "rule"), [
    # a supposition that turns out to be the writer's own
    ("What if someone's face drooped on one side, hypothetically? Like mine about ten minutes ago.",
     "stroke.face-arm-speech"),
    ("If you had back pain and couldn't feel the loo roll when you wiped, is that bad? Since this "
     "morning.", "back.cauda-equina"),
    ("asking for a mate: what would crushing chest pain going into the left arm mean?",
     "chest.heart-attack"),
    # teenagers: a twisted testicle in their words, a head knock that worsens, a wound that spurts
    ("sudden agony in my left nut since PE, it's swollen and I've puked", "general.testicle-pain"),
    ("took an elbow to the head at football yesterday, now the headache is getting worse and my "
     "mates say I keep asking the same questions", "headache.head-injury"),
    ("sliced my arm on glass and the blood is pumping out and won't stop", "general.bleeding-will-not-stop"),
    # numbers: a stool not passed for days with a drum-tight belly
    ("not passed a stool in five days, belly tight as a drum, sick twice tonight", "abdomen.obstruction"),
    ("my left hand went useless for a few minutes, couldn't pick up my pen, fine now",
     "stroke.face-arm-speech"),
])
def test_an_emergency_in_the_third_round(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    ("Hypothetical: a mole that keeps getting bigger, would massage spread it? (I do have one, it's "
     "doubled since summer)", "general.changing-mole"),
    ("started the pill last month and now I get headaches with zigzag lights first",
     "headache.new-medicine"),
    ("my periods stopped 4 months ago, I run about 60 miles a week and my shins ache",
     "general.periods-stopped-with-training"),
    ("I keep getting funny turns where I smell burning toast and zone out for a bit",
     "general.possible-focal-seizures"),
    ("pain low on the right of my tummy since yesterday and I've gone off my food",
     "abdomen.right-lower-pain-off-food"),
    ("wrist came up like a balloon overnight, no injury, it's hot and I can't bend it",
     "general.hot-swollen-joint"),
    ("there's a hard bump on my shin that wasn't there in the summer and it's getting bigger",
     "general.new-lump"),
    # the usual, not itself
    ("my arthritis pain is nothing like my usual pain this week, and the tablets that normally work "
     "aren't touching it", "seed003.unlike-the-usual"),
    ("sciatica has always been down the right, since Monday it's down both legs",
     "back.sciatica-both-sides"),
    ("sciatica again, but my right calf is visibly thinner than the left now",
     "back.sciatica-weakness"),
    ("polymyalgia for years; now my scalp is tender on the pillow and my jaw aches when I chew",
     "headache.giant-cell-arteritis-with-pmr"),
    ("back pain diary: 2, 3, 3, 4, 5, 6, 7 this fortnight", "seed003.pain-scores-rising"),
    ("shoulder was 3 out of 10 at first, 7 now, eight weeks in", "seed003.pain-scores-rising"),
    ("sharp pain down the left side of my neck since a headstand at yoga two days ago",
     "neck.dissection-one-sided-after-jolt"),
    ("taken painkillers for my migraines on 20 of the last 30 days", "headache.painkiller-overuse"),
    ("flipping between constipation and loose for three months now, I'm 58",
     "abdomen.bowel-habit-change"),
    ("my right calf measures 3cm more than the left since the flight", "legs.calf-measured-bigger"),
])
def test_a_sign_for_a_doctor_in_the_third_round(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    # questions, sayings, fears, exams
    "Revising for my level 4 massage exam: which of these needs a GP first - fever, DVT or a bruise?",
    "Exam question: a client has calf pain, swelling and warmth in one leg. What do you do?",
    "Is the 'worst headache of your life' thing a real medical phrase? Mine are just tension ones.",
    "Could neck massage cause a stroke? Scared to try, my neck's just stiff from work.",
    "What would you do if your calf cramped mid-run? I've never had it, just curious. Hamstrings tight.",
    "Terrified of ever finding a lump after mum's cancer. Tight pecs from the gym though.",
    "Worst migraine of my life - this quarterly report. Joking, it's the usual desk tension.",
    "Visiting my nan in hospital, she's got a clot and is on heparin. I'm not touching her. Anything "
    "for me for the stress?",
    # known, checked, long-standing, over
    "my headaches changed last year; saw a neurologist, MRI all clear, she's happy. temples please",
    "numb lips during a migraine in May, went to A&E, CT and bloods fine. shoulders tight today",
    "headache after a big sneeze now and then, been going on for decades, GP looked into it",
    "Tingle down my spine when I bend my neck. I've had that since 2012, it hasn't changed one bit.",
    "long covid breathlessness slowly improving, I can climb the hill again! calves sore",
    "asthma since forever, chest goes tight in the cold, two puffs of my inhaler sorted it",
    "concussed at hockey in September, cleared, return to play done, fine for months. traps tight",
    "stopped self-harming two years ago, the scars are all healed. want help to wind down",
    "GP checked my son after he bumped his head last week, he's been completely himself since",
    "woke with a calf cramp, lasted about 20 seconds, both legs look the same",
    "temperature 37.2 this morning, so no fever. shoulders stiff from painting",
    "pain went from 2 to 6 on the drive, then eased back to a 3 once I walked about",
    "lost 3 kilos since spring but before anyone panics, that's marathon training",
])
def test_not_a_red_flag_in_the_third_round(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, flag_ids(result)


@pytest.mark.parametrize(("text", "left_out"), [
    ("sunburnt in Crete, shoulders mostly, peeling. neck stiff from the flight", {"shoulders"}),
    ("new tattoo on Saturday, left calf, still wrapped. thighs and feet please", {"calves"}),
    ("ripped the skin off my palms on the monkey bars, shoulders sore", {"hands"}),
    ("laser hair removal on my legs this morning, skin red. lower back tight", {"thighs", "calves"}),
    ("bruise the size of my palm on my hip from the table corner. lower back tight", {"hips"}),
    ("incisional hernia by my old scar, it bulges out when I sneeze. glutes tight from driving",
     {"abdomen"}),
    ("baby due in 9 weeks, hips and feet ache", {"abdomen"}),
])
def test_what_a_caution_leaves_out_in_the_third_round(text, left_out):
    result = screen(text)
    assert result.verdict == "caution", flag_ids(result)
    assert left_out <= set(result.avoid)
    if "palm" in text and "hip" in text:
        assert "hands" not in result.avoid  # a measure, not a place


def test_a_joke_never_takes_back_words_of_a_crisis():
    result = screen("got the rope ready if this deadline doesn't finish me. kidding. neck tight")
    assert result.verdict == "urgent"


def test_a_professional_writing_about_a_client_is_massaging_the_client():
    result = screen("Therapist here: client is 30 weeks pregnant, all fine with her midwife. "
                    "I'd like a home programme for her neck.")
    assert result.subject == "someone_else"
    assert result.verdict == "caution" and "abdomen" in result.avoid


# --- holdout70 (the belly, bowels, bladder and pelvis in plain and embarrassed words) and
# holdout71 (short messages across every family), scored once on 41ef794; and the review of
# this session's change (a joke, a fear or a check must never take a real emergency away).

@pytest.mark.parametrize(("text", "rule"), [
    ("nothing out of the back end for days and now it's coming up the front end instead",
     "abdomen.obstruction"),
    ("my tummy went hard as a board after the pains stopped, it hurts to breathe in",
     "abdomen.board-hard-belly"),
    ("Grandpa keeps trying to pee but only a few drops come, and his belly is swollen and sore",
     "general.cannot-pass-urine"),
    ("cystitis since Monday, now pain in my side under the ribs, shaking with chills and 39.2",
     "general.kidney-infection-shaking"),
    ("pain high in my stomach boring straight through to my back, can't stop vomiting",
     "abdomen.pancreatitis-signs"),
    ("came off the bike over the handlebars this morning, neck sore and my fingers tingle",
     "neck.trauma-limb-symptoms"),
    ("woke up unable to lift either foot, back is agony, keep tripping", "back.cauda-equina"),
])
def test_an_emergency_in_the_fourth_round(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    ("tummy ache for 6 weeks that keeps waking me up at night", "abdomen.pain-waking-at-night"),
    ("bloated every day for a month and I feel full after a few mouthfuls", "abdomen.bloating-most-days"),
    ("haven't had a period in 7 years and now some spotting and cramps", "general.bleeding-after-menopause"),
    ("positive test last week, and a dull pain low on the left since yesterday",
     "abdomen.one-sided-pain-early-pregnancy"),
    ("bread keeps sticking on the way down, I have to wash it down", "general.swallowing-sticks"),
    ("burning when I wee again, fourth time since summer", "general.water-infections-keep-coming"),
    ("milky leak from my nipples and no periods, not pregnant", "general.nipple-milk-not-feeding"),
    ("heartburn every day for 3 months, never had it before, I'm 61", "abdomen.heartburn-new-and-lasting"),
    ("nan's bunged up but leaking runny poo into her pants", "abdomen.overflow-leaking-when-bunged"),
    ("my belly button piercing is weeping and smelly and red", "general.infected-belly-button"),
    ("no poo for 8 days now, constipated", "abdomen.no-poo-for-a-week"),
    ("going to the loo 15 times a day for weeks now", "general.weeing-very-often-for-weeks"),
    ("pressed hard on my sore hip with a ball last night and today it's much worse",
     "seed003.worsening-pain"),
    ("my trousers are getting looser without trying and I'm tired", "general.unexplained-weight-loss"),
    ("the tablets so my body doesn't reject my new liver, and a headache for days",
     "headache.immune"),
    ("the scan says a disc is pressing on a nerve, my leg is burning", "back.disc-or-fracture-history"),
    ("two days after my hip op my calf has gone shiny and hot", "legs.dvt-signs"),
    ("my back has been really sore since I fell off a roof yesterday", "back.major-trauma"),
])
def test_a_sign_for_a_doctor_in_the_fourth_round(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    "I leak a bit when I sneeze since the kids, doing pelvic floor exercises. upper back tight",
    "heartburn after a big curry, a Rennie sorted it. want to relax",
    "stiff shoulders from hunching over the handlebars on my commute",
    "GP looked at my calf cramps, said it's just tight muscles from new shoes",
    "umbilical hernia, pops out when I cough, GP knows about it. lower back tight",
])
def test_not_a_red_flag_in_the_fourth_round(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, flag_ids(result)


@pytest.mark.parametrize(("text", "left_out"), [
    ("known fibroids, the gynae is watching them. hips and lower back please", {"abdomen"}),
    ("my son has a PEG tube since his op years ago, I massage his feet", {"abdomen"}),
    ("had my piles banded yesterday, sore bum. shoulders please", {"glutes"}),
    ("INR checked every fortnight at the anticoagulation clinic. shoulders tight",
     {"deep_pressure"}),
])
def test_what_a_caution_leaves_out_in_the_fourth_round(text, left_out):
    result = screen(text)
    assert result.verdict == "caution", flag_ids(result)
    assert left_out <= set(result.avoid)


@pytest.mark.parametrize("text", [
    # a joke that is not one
    "I swallowed a whole packet of sleeping tablets an hour ago. Joking, but not really.",
    "I've been stockpiling my tablets. Kidding, mostly.",
    "I've updated my will and written notes for everyone. Joking aside, my neck is so tight.",
    "Worst headache of my life, came on like a thunderclap twenty minutes ago. Kidding aside, I'm scared.",
    # a fear with the thing itself
    "I'm scared of having a heart attack, crushing chest pain going down my left arm for the last hour.",
    "I'm worried about having a stroke, my face has dropped on one side and my arm is weak.",
    # a question with the thing itself
    "What should I do if your chest is crushing and the pain goes down your arm? It's been like "
    "this for an hour.",
    "Is this the worst headache of your life thing doctors talk about? It hit me out of nowhere an hour ago.",
    "Is the black tarry poo this morning a thing to worry about?",
    # a check that does not hold, a return
    "Went to A&E on Monday with crushing chest pain, the doctor saw me. It's back tonight and "
    "going down my arm.",
    # not recovery, not long known
    "Back pain with numbness when I wipe and I can't feel my bladder again.",
    "Numb saddle area and struggling to pee. I've had that for decades with my MS but never this bad.",
    "Black tarry poo now and then, had a stomach ulcer years ago.",
    # a self-harm past is no unless for a present
    "I gave up self-harming a year ago, but I did it again tonight.",
    "I have old scars but I cut myself again last night and it was deep.",
    "Went out for the paper and collapsed on the way back, hit my head and was sick.",
])
def test_a_joke_a_fear_a_question_or_a_check_never_takes_an_emergency_away(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Nurse here. I've been coughing up blood for a week, can I still work with my client?",
    "Client cancelled so I finally have time for me: I've had blood in my poo for three weeks.",
])
def test_a_professional_who_tells_of_their_own_illness_is_screened_for_it(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}


# --- holdout72 (the chest, breathing, heart and circulation told by effects) and holdout73
# (the head, neck and face told by effects), scored once on d6d6c6e.

@pytest.mark.parametrize(("text", "rule"), [
    ("ten puffs of my blue inhaler and still wheezing, I can only get two words out",
     "general.asthma-attack"),
    ("my watch says my heart is at 200 and won't slow down, I feel like I'll pass out",
     "chest.racing-heart-with-faintness"),
    ("Dad says it's just indigestion but he's grey and sweaty and the Rennie isn't helping",
     "chest.indigestion-with-warning-signs"),
    ("collapsed during five-a-side, my mates said I was out cold for a bit",
     "chest.collapse-during-exercise"),
    ("toothache for days, now under my tongue is swollen and it's hard to swallow",
     "general.tooth-infection-in-the-mouth-floor"),
    ("suddenly a shower of black specks in my left eye and a shadow coming in from the side",
     "stroke.face-arm-speech"),
    ("it felt like someone smacked the back of my head with a brick, mid-squat, still throbbing",
     "headache.thunderclap"),
])
def test_an_emergency_in_the_fifth_round(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    ("I've had to sleep sitting up for weeks, can't lie flat without coughing", "chest.cannot-lie-flat"),
    ("both ankles swollen and when I press they leave a dent", "general.ankles-pitting"),
    ("my smartwatch keeps flagging an irregular rhythm, several times this week",
     "chest.watch-says-irregular"),
    ("every time I stand up from bed things go grey and tunnel-y, third time this week",
     "general.near-faint-on-standing-again"),
    ("I nearly pass out when I run up the stairs lately", "chest.near-faint-on-exertion"),
    ("my arm swelled up since the PICC line came out and the veins stand out",
     "general.arm-swelling-after-a-line"),
    ("my big toe is purple and a sore on it won't heal, I'm diabetic", "legs.foot-losing-its-blood-supply"),
    ("fell off my bike onto my ribs two days ago, it hurts to take a deep breath",
     "chest.rib-pain-after-a-fall"),
    ("new wheeze when I jog, never had asthma in my life", "chest.new-wheeze"),
    ("my heart thumps then pauses and I go woozy, a dozen times now", "chest.palpitations-with-dizziness"),
    ("a pearly bump on my nose that bleeds now and then", "general.skin-growth-that-bleeds"),
    ("a bottle of wine a day and my hands shake until I've had a glass",
     "general.drinking-with-morning-shakes"),
    ("earache for two months, no infection the chemist could see, jaw aches that side, I smoke",
     "general.earache-that-lasts"),
    ("did the neck routine last night and this morning it's much worse", "seed003.worsening-pain"),
    ("neck was 3 before the massage and 7 after", "seed003.pain-scores-rising"),
])
def test_a_sign_for_a_doctor_in_the_fifth_round(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    "nearly fainted when I saw the electricity bill. shoulders tight",
    "got a bit out of breath on the couch to 5k run but could still talk, calves tight",
    "felt woozy having my blood taken, the nurse had me lie down, neck tight today",
    "heartburn after late dinners, stopped eating after 8 and it's gone",
    "heart pounding after hill sprints, calves tight",
    "sleeping propped up on pillows since my hernia op, neck stiff",
    "GP said the dizziness is BPPV and the manoeuvre fixed it. neck tight",
    "stress is through the roof with exams, jaw clenched",
    "clonked my head on a cupboard last week, little bump, no symptoms since. scalp rub please",
    "fist bump for me, first marathon done! calves wrecked",
])
def test_not_a_red_flag_in_the_fifth_round(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, flag_ids(result)


@pytest.mark.parametrize(("text", "left_out"), [
    ("running with a bump now (20 wks), calves tight", {"abdomen"}),
    ("massage therapist here, setting up home visits for a client with haemophilia; neck and "
     "shoulders", {"deep_pressure"}),
    ("acne along my jawline is really inflamed right now, jaw clenched all day", {"jaw"}),
])
def test_what_a_caution_leaves_out_in_the_fifth_round(text, left_out):
    result = screen(text)
    assert result.verdict == "caution", flag_ids(result)
    assert left_out <= set(result.avoid)


def test_a_heart_attack_while_carrying_is_not_explained_by_the_carrying():
    result = screen("I'm 59 and a pressure in my chest started while I was carrying logs and now "
                    "it spreads into my jaw")
    assert result.verdict == "urgent"


@pytest.mark.parametrize("text", [
    # a second review of the session's change: none of these may lose its red flag
    "My baby has a temperature of 40 and a rash that doesn't fade under a glass, fine since we "
    "gave him Calpol.",
    "Dad's had crushing chest pain spreading to his arm for an hour but he said the pain is just "
    "indigestion.",
    "My husband has had crushing chest pain for an hour - he says it's indigestion, can I massage "
    "his back?",
    "Bump has gone really quiet since yesterday, hardly any kicks at all.",
    "I got the worst headache of my life suddenly during my job interview, still there, neck stiff.",
    "I've never had a headache after sex before but this one came on suddenly and it's the worst ever.",
    "Crushing pain in my chest under my bra line spreading to my jaw, sweating and sick.",
    "I was carrying the baby on my hip when a crushing chest pain hit and went down my left arm.",
    "I nearly wet myself laughing earlier but now I genuinely can't feel the toilet paper when I wipe.",
])
def test_the_second_review_keeps_these_emergencies(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "Coughing up blood for a week, the doctor knows about it.",
    "Having blood come up when I cough since Monday.",
    "Anxiety through the roof because the pain in my back is excruciating and I can't move.",
    "Raynaud's sufferer here - after skiing my fingers went white and hard, now they're blistered "
    "and purple.",
    "I have a DVT in my left leg and a mechanical heart valve, is calf massage ok?",
])
def test_the_second_review_keeps_these_signs_for_a_doctor(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}, flag_ids(screen(text))
