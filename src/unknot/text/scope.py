"""The scope of a finding: whose body it is about, and whether it is still going on.

"My brother has a slipped disc" is not the writer's finding; "whiplash in 2015,
fully recovered" is over. But a carer's account of the person they massage
("Nan is 81 and her back…") counts in full, and so does anything still going on
("fell on Monday and it has hurt ever since").

Whose: the nearest person named before the finding in its sentence decides — the
writer ("I", "my"), a third person ("my brother", "she"), or nobody (then it is
the person the routine is for). When the routine is for someone else, findings
about them — by name or as "he"/"she" — count; findings about other named people
do not.

When: a finding is over when its sentence says so plainly ("years ago", "as a
child", "fully recovered", "cleared up", "in 2015") and nothing says it goes on
("still", "ever since", "again"). Rules for which history itself matters (a past
cancer, a stroke sign that passed) ignore this.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Literal

from unknot.text.normal import SENTENCE_END, NormalText, normalise
from unknot.text.patterns import Hit
from unknot.text.programs import Lazy

Whose = Literal["writer", "subject", "other"]

# People a writer talks about. "they" is left out: it is as often the doctors.
PEOPLE = frozenset({
    "mum", "mom", "mother", "mam", "mama", "dad", "father", "papa", "daddy", "nan", "nana",
    "nanna", "gran", "granny", "grandma", "grandmother", "grandad", "granddad", "grandpa",
    "grandfather", "grandparent", "grandparents", "wife", "husband", "partner", "boyfriend",
    "girlfriend", "fiance", "fiancee", "spouse", "hubby", "son", "daughter", "kid", "kids",
    "child", "children", "toddler", "teenager", "brother", "sister", "sibling",
    "twin", "aunt", "auntie", "aunty", "uncle", "cousin", "niece", "nephew", "friend",
    "mate", "neighbour", "neighbor", "colleague", "coworker", "boss", "manager", "flatmate",
    "roommate", "housemate", "client", "patient", "parents", "in-law", "stepdad", "stepmum",
    "stepmom", "guy", "woman", "man", "lady", "girl", "boy", "everyone", "family",
    "bro", "sis", "gf", "bf", "bestie", "hubs", "wifey", "buddy", "pal", "teammate", "classmate",
    # someone not known by name: "someone fainted on the tube", "my daughter's friends"
    "someone", "somebody", "stranger",
    # family words of other Englishes: "my tatay is 70", "my abuela", "my nani"
    "tatay", "nanay", "lola", "lolo", "kuya", "abuela", "abuelo", "abuelita", "abuelito",
    "amma", "appa", "ammi", "abba", "nani", "nana-ji", "dadi", "baba", "mami", "papi", "oma", "opa",
    "oupa", "ouma", "gogo", "mkhulu", "bibi", "babu", "tutu", "tupuna",
    # not "baby": "had my baby ten days ago" is the writer's own news
})
THIRD_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_POSSESSIVES = frozenset({"my", "our", "her", "his", "their", "your"})
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine", "im"})
# Animals are never the person massaged: "our dog had surgery on his leg" is not a reason
# to leave anyone's leg out, and his/her after one speaks of the animal.
PETS = frozenset({"dog", "dogs", "puppy", "pup", "cat", "cats", "kitten", "horse", "pony",
                  "rabbit", "bunny", "hamster", "pet", "parrot", "budgie", "tortoise"})
_PET_REACH = 6
_AGED = Lazy(r"\d{1,2}(?:yo|yrs?|y/o)")

# (not "someone": "massage someone with cancer" is a question, not a person cared for)
_PEOPLE_ALT = "|".join(sorted(PEOPLE - {"man", "woman", "guy", "lady", "girl", "boy", "everyone",
                                            "family", "someone", "somebody", "stranger"}))
_SOMEONE = rf"(?:him|her|his|(?:my|our) (?:{_PEOPLE_ALT})|(?:{_PEOPLE_ALT}))"
_RUB = r"(?:massag\w*|rub|rubs|rubbing|rubbed|knead\w*|work on|working on)"
# The writer massages someone: "I rub her back", "massaging my mum's shoulders",
# "my husband wants a back rub", "a routine for my dad", "I look after my nan".
_CARE = Lazy(
    rf"\b{_RUB} (?:\w+ ){{0,2}}?{_SOMEONE}\b"
    rf"|\b(?:give|giving|gave|do|doing|did|make|making) {_SOMEONE} a (?:\w+ ){{0,4}}?(?:massage|rub|routine|"
    rf"programme|program|plan|stretch|stretches)\b"
    # (not "doing his share. shoulders and upper back": a job done for him, then the writer's own)
    rf"|\b(?:do|doing|did) (?:his|her) (?:(?!(?:share|bit|part|job|shift|work|chores|rounds)\b)\w+ )?"
    rf"(?:back|neck|shoulders|feet|legs|calves|thighs|"
    rf"hands|head|scalp|temples|arms)\b"
    # (wanting one, not wanting to give one: "my partner wants to massage it" is the writer's)
    rf"|\b(?:{_PEOPLE_ALT}|he|she) (?:\w+ ){{0,3}}?(?:wants|asked|asks|likes|loves|needs|would like|"
    rf"begs) (?!to (?:massage|rub|use|give|do|try|work)\b)(?:\w+ ){{0,4}}?(?:massage|rub|back rub|"
    rf"foot rub|routine|programme|program|plan|stretches|exercises)\b"
    rf"|\b(?:massage|routine|rub|ideas?|tips|something|moves|techniques?) (?:\w+ ){{0,3}}?for "
    rf"(?:my|our) (?:{_PEOPLE_ALT})\b"
    # "I'd like to do a foot massage at bedtime for her"
    rf"|\b(?:do|doing|give|giving) (?:a|an) (?:\w+ ){{0,2}}?(?:massage|rub) (?:\w+ ){{0,3}}?for (?:him|her)\b"
    rf"|\b(?:i am|i have been) (?:his|her|(?:my|our) (?:{_PEOPLE_ALT})) carer\b"
    rf"|\bi (?:look|looking|am looking) after {_SOMEONE}\b|\bi (?:care|am caring) for {_SOMEONE}\b"
    rf"|\bi am (?:helping|here to help|trying to help) (?:him|her|(?:my|our) (?:{_PEOPLE_ALT}))\b"
    rf"|\bi (?:want|would like|wanted|need) to help (?:him|her|(?:my|our) (?:{_PEOPLE_ALT}))\b"
    # "I'm good at head massages, want to help." (helping, with no one else named to help)
    rf"|\bmassages?\b(?: \S+){{0,3}} (?:want|wanted|would like|like) to help(?= [.,!?]|$)"
    # "I'm giving him juice": the writer is caring for him.
    # "I'm writing this for my nan", "asking on behalf of my dad": the message is theirs.
    rf"|\b(?:writing|asking|messaging|typing|posting) (?:this )?(?:for|on behalf of) {_SOMEONE}\b"
    rf"|\b(?:giving|gave|give|trying to give) (?:him|her|them) (?:\w+ ){{0,2}}?(?:juice|water|sugar|"
    rf"sweets|tablets|pills|medicine|medication|drink|food|insulin|inhaler)\b"
    rf"|\b(?:juice|water|sugar|sweets|tablets|pills|medicine|medication|drink|food|insulin) (?:\w+ ){{0,3}}?"
    rf"(?:giving|give|gave|gives) (?:him|her|them)\b"
    # "I want to help her relax", "help him calm down", "be with her, maybe rub her feet".
    rf"|\b(?:help|helping|helped) (?:him|her|them|(?:my|our) (?:{_PEOPLE_ALT})) (?:to )?"
    rf"(?:relax|unwind|calm down|calm|settle|sleep|chill|feel better|de-stress|destress)\b"
    # "I want to calm him with a hand massage"
    rf"|\b(?:calm|soothe|settle|relax) (?:him|her|them|(?:my|our) (?:{_PEOPLE_ALT})) (?:down )?with "
    rf"(?:a|some) (?:\w+ ){{0,2}}?(?:massage|rub)\b"
    rf"|\b(?:a|some) (?:\w+ ){{0,2}}?(?:massage|rub|routine) (?:\w+ ){{0,2}}?with (?:him|her|them)\b")
# A writer's job, told to say who is writing ("I'm a sports massage therapist", "Physio here").
_JOB = (r"(?:therapist|physio|physiotherapist|nurse|trainer|masseuse|masseur|carer|osteopath|"
        r"chiropractor|coach|pt|midwife|doula|instructor)")
# The writer speaks of their own body or state: "my neck", "I have", "killing me" — not
# "my 15-year-old" (a hyphen between the words of an age is read past).
_OWN_COMPLAINT = Lazy(
    # (the words skipped stop at another "my": "the mole on my back my gf massages round")
    rf"\bmy (?!(?:(?!my\b)\w+ (?:- )?){{0,3}}?(?:{_PEOPLE_ALT}|girl|boy|girls|boys|lad|lass|old|yo|o|"
    rf"(?:little|wee|young) ones?)\b"
    rf"|\d{{1,2}}(?:yo|yrs?)\b)\w+"
    rf"|\bi (?:go|went|turn|turned) (?:grey|gray|pale|dizzy|breathless)\b"
    # ("…she was fine. anyway stiff neck", "separately my shoulders are tight": after a story
    # of someone else, the writer turns to their own complaint)
    rf"|\b(?:anyway|anyways|separately|as for me|but me)\b,? (?:a |my )?(?:\w+ ){{0,2}}?"
    rf"(?:stiff|tight|sore|aching|achy|tense|knotted|stiffness|tightness)\b"
    # ("I wake up around 2 most nights wringing wet": the writer's own nights)
    rf"|\bi (?:wake|keep waking|am waking|have been waking)(?: up)? (?:at|around|about|every|most|"
    rf"with|in|drenched|soaked|sweating|wringing|screaming|gasping|feeling|stiff|sore|several|"
    rf"three|two|four|\d)\b"
    rf"|\bi (?:have|feel|get|got|keep|had|need|want|would like|can not|am|have been|"
    rf"woke|just|take|am taking|use)\b"
    # (but not the carer's own conduct: "how gentle do I need to be", "when I got home")
    rf"(?! to be (?:gentle|careful|firm|soft|\?)| to be$| home\b| back home\b| to know\b| to ask\b"
    # ("I'm a sports massage therapist": who the writer is, not what ails them)
    rf"| (?:a|an) (?:\w+ ){{0,2}}?{_JOB}\b"
    # ("I want to get her off the pills": what the carer wants for the child)
    rf"| to get (?:her|him|them) off (?:them\b|(?:the|her|his|their) (?:pills|tablets|painkillers|meds)\b))"
    rf"|\b(?:killing|hurting|bothering|giving|gives|gave|driving|leaves|left|made|makes|making|"
    rf"stressing|wearing|winding|getting to) me\b"
    # "anything I can do for me on the bus": the routine asked for is the writer's
    rf"|\b(?:anything|something|routine|massage|exercises|stretches|tips) (?:\w+ ){{0,3}}?for me\b"
    rf"(?! to\b)"
    # ("mine" as in "the pain is mine", not "a client of mine", "a friend of mine")
    rf"|(?<!\bof )\bmine\b|\bmyself\b")

# Long ago: whatever it was, it belongs to the past.
_BODY = (r"(?:\w+ )?(?:back|neck|shoulders?|head|scalp|temples?|forehead|face|jaw|arms?|forearms?|"
         r"hands?|fingers?|legs?|thighs?|knees?|calf|calves|feet|foot|toes|hips?|tummy|belly|"
         r"stomach|chest|bottom|glutes?|hamstrings?|quads?|quadriceps|wrists?|elbows?|ankles?|"
         r"spine|ribs|abs|traps|lats|pecs)")
_BODY_START = Lazy(rf"{_BODY}\b")
_PET_NEWS = Lazy(r"(?:had|has|got|needed|needs|is|was|went|just had|has had)\b")
# "her legs", and "mum's right leg" (the possessive is dropped in normalising: "mum right leg").
_THEIR_BODY = Lazy(rf"\b(?:her|his|{_PEOPLE_ALT}) {_BODY}\b")
# (not "my mum's legs": hers)
_MY_BODY = Lazy(rf"\bmy (?:own )?(?!(?:{_PEOPLE_ALT}) ){_BODY}\b")
_MY_OWN_BODY = Lazy(rf"\bmy own {_BODY}\b")
# A carer's own injury: "I look after my husband and I hurt my back lifting him" — their back.
_I_INJURED_MINE = Lazy(rf"\b(?:i|and) (?:have |had |must have |think i )?(?:hurt|injured|strained|pulled|"
                       rf"tweaked|twisted|wrenched|jarred|ricked|cricked|done|did|put out) my "
                       rf"(?!(?:{_PEOPLE_ALT}) ){_BODY}\b"
                       # (not a routine done: "and did my back stretches")
                       r"(?! (?:stretch\w*|routine|exercises?|massage|workout|physio)\b)")
# The person cared for has something of their own told after: "…lifting him. Dad has had a hot
# swollen calf since his flight" — the routine is still theirs.
_THEY_HAVE = Lazy(rf"\b(?:he|she|{_PEOPLE_ALT}) (?:has|had|is|was|keeps|gets|got|can not|seems|"
                  r"looks|feels|has been|has had)\b")
# The routine asked for someone else: "a routine for him", "something for my dad".
_FOR_THEM = Lazy(rf"\b(?:routine|massage|something|plan|stretches|moves|tips|ideas?|rub) "
                 rf"(?:\w+ ){{0,2}}?for (?:him|her|them|(?:my|our) (?:{_PEOPLE_ALT}))\b")
# The writer telling of something of their own: "Nurse here. I've been coughing up blood…"
_WRITER_ILL = Lazy(rf"\bi (?:have been|have had|have|had|keep|am|got|feel|felt|noticed|woke)\b"
                   rf"(?! (?:a|an) (?:\w+ ){{0,2}}?{_JOB}\b)")
# A professional writing about a client: "Therapist here: client is 26 weeks pregnant…"
_FOR_A_CLIENT = Lazy(rf"\b{_JOB} here\b|\bmy client\b|\bthe client\b"
                     r"|\b(?:for|with) a client\b|\bclient :"
                     r"|^\W*client\b")
# The writer asks for themself: "routine for me", "mine are just sore", "my own back".
_FOR_ME = Lazy(r"\b(?:routine|massage|something|plan|stretches|moves|tips|ideas?|one) "
               r"(?:\w+ ){0,2}?for me\b"
               r"|\bmine (?:are|is|feel|feels|just)\b|\bmy own\b")
_I_HURT = Lazy(rf"\bjust (?:a |some )?(?:tight|sore|stiff|achy|aching|tense|knotted) {_BODY}\b|"
               r"\bi (?:have|have got|got|get|feel|am|keep getting)\b(?: [\w,]+){0,3} (?:ache|aches|"
               r"aching|achy|pain|headache|migraine|sore|stiff|tight|tense|numb|knackered|exhausted|"
               r"shattered|wrecked|worn out|wiped out|drained|run down)\b")

_LONG_AGO = Lazy(
    r"\b(?:\d+|a few|a couple of|several|many|two|three|four|five|ten|twenty|\w+ odd|some) "
    r"(?:years|decades) (?:ago|back|before|since)\b"
    r"|\byears ago\b|\bdecades ago\b|\blong ago\b|\bages ago\b|\blong time ago\b|\byears back\b"
    r"|\bas a (?:child|kid|teen|teenager|boy|girl|baby|student)\b|\bin my (?:teens|twenties|youth)\b"
    r"|\bwhen i was (?:about |around |maybe |roughly )?(?:young|younger|little|small|a kid|a child|"
    r"a teenager|at school|a student|\d+|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen)\b"
    # (not "when I was about ten minutes into my walk": a time, not an age)
    r"(?! (?:minutes?|mins?|seconds?|secs?|hours?|hrs?|miles?|metres|meters|km|yards|steps|laps|"
    r"weeks?|days?|months?|into|from|away|in|out)\b)"
    r"|\bback at school\b|\bin the (?:nineties|eighties|seventies|90s|80s|70s)\b"
    r"|\bfine (?:for|ever) (?:\d+ |many |several |so many )?(?:years|decades)\b"
    r"|\b\d+ years in remission\b"
    r"|\b(?:once|back) at (?:age )?(?:[5-9]|1[0-9])\b"
    r"(?=.*\b(?:never since|fine since|nothing since|not since|no problems since|all good since|"
    r"fine ever since)\b)"
    # "an old stroke": a stroke named old is long past (its after-effects are another
    # matter, see `_STABLE_AFTER`). Not "my old surgery scar": a bulge beside it is new.
    r"|\b(?:an|my|his|her|the) old strokes?\b|^\W*old strokes?\b")
# "15 years today since Dad's heart attack": the day it is remembered.
_ANNIVERSARY = Lazy(r"\b(years|decades) (?:ago )?(?:today|tonight|this week|this month|tomorrow) "
                    r"since\b")
# What a past illness left behind and has stayed the same since: "my speech is still a bit
# slow but that's old and unchanged", "weakness left over from the stroke". Its "still" is
# the after-effect lasting, not the illness going on — unless something is new or worse.
_STABLE_AFTER = Lazy(r"\b(?:old and (?:unchanged|stable|the same)|unchanged (?:since|for)|"
                     r"(?:has|have|it has|it's|it is|hasn't|has not|not) (?:not )?changed "
                     r"(?:since|in years|for years|in months|for months)|stable for (?:years|months)|"
                     r"left over from|leftover from|residual|after-effects?|aftereffects?|"
                     r"same as (?:ever|always) since|lifelong|life-long|congenital|for decades|"
                     r"(?:has|have|it has|it's|it is|hasn't|has not|not) (?:not )?changed (?:one|a) bit|"
                     r"born with (?:it|this|them|spina bifida|cerebral palsy|cp))\b")
_FRESH = Lazy(r"\b(?:today|tonight|this morning|suddenly|sudden|(?<!nothing )(?<!not )new|newly|worse|again|"
              r"never (?:been )?(?:this|so|that) bad|"
              r"yesterday|just now|right now|since this)\b")
# Resolved: it happened and it is over.
# Gone within moments: "gone in a minute", "gone ten minutes after", "went as soon as I got
# out", "fine straight after" (in _RESOLVED, and alone in a next sentence: _PASSED_AT_ONCE).
_WITHIN_MOMENTS = (
    r"\b(?:gone|fine|passed|went|over|back to normal|normal again|fine again) in "
    r"(?:a|an|one|two|three|five|ten|fifteen|a few|"
    r"a couple of|\d+) (?:minute|minutes|min|mins|second|seconds|moment|moments)\b"
    r"|\bgone (?:\w+ ){0,2}(?:minutes?|mins?|seconds?|secs?) (?:after|later)\b"
    r"|\b(?:stopped|went|gone|passed|fine|ok|okay|normal) (?:again )?"
    r"(?:as soon as|the moment|straight away|right away)\b"
    r"|\bfine (?:straight|right|immediately) (?:after|away)\b")
_RESOLVED = Lazy(
    # (not "has not healed", "never recovered", "hasn't cleared up")
    r"\b(?<!not )(?<!never )(?:fully |completely |long )?"
    r"(?:recovered|healed|resolved|cleared up|settled down)\b"
    r"|\bsettled (?:completely|fully|totally|right down)\b|\b(?:completely|fully|totally) settled\b"
    r"|\b(?:has |have |had |long |all )?faded(?: away| weeks ago| months ago| completely)?\b"
    r"|\b(?:cleared me|been cleared|was cleared|were cleared|cleared to (?:play|train|return|go back))\b"
    # "had a UTI last month, antibiotics cleared it"; "…had to go to hospital, but he's fine now"
    r"|\b(?:he|she|they|i) (?:is|are|am) (?:absolutely |totally |completely |all )?fine now\b"
    r"|\bnow (?:he|she|they) (?:is|are) (?:absolutely |totally |completely |all )?fine\b"
    r"|\b(?:he|she) is (?:absolutely |totally |completely )fine\b"
    r"|\b(?:antibiotics|tablets|cream|treatment|it all|that) (?:cleared|sorted) it(?: up)?\b"
    # ("all gone to sleep", "all gone numb": the numbness told, not its end)
    r"|\ball (?:better|clear|cleared|healed|gone(?! (?:to sleep|numb|dead|funny|weird|weak|floppy))|"
    r"cleared up)\b|\b(?:fully|completely) better\b|\bgot over\b"
    r"|\b(?:am|i am|i have got|got) over it\b|\blong finished\b"
    r"|\b(?:was|came back|scan was|tests were|test was|it was) (?:negative|normal|clear|nothing|"
    r"benign)\b|\bturned out\b|\bnot since\b|\bfine ever since\b"
    # "no problems since" ends it; "no problems at all" of a pregnancy describes it
    r"|\bno problems?(?: since)?\b(?! at all\b(?! since))"
    r"|\bno (?:trouble|issues?) since\b|\bsigned me off\b|\bback to normal\b"
    r"|\b(?:had |have had )?no (?:symptoms?|problems?|issues?)(?: at all| whatsoever)? since\b"
    r"|\b(?:it|that|this) (?:is|has|had) (?:all )?cleared\b(?! (?:\S+ )?(?:but|and now)\b)"
    r"|\b(?:been )?fine for (?:months|ages|a long time)\b|\breturn(?: - |-| )to(?: - |-| )play\b"
    r"|\b(?:totally |completely )?fine since (?:we|i) (?:came|got) (?:down|back|home|off)\b"
    r"|\b(?:slowly|steadily|gradually) improving\b|\bmuch improved\b"
    r"|\b(?<!not been )(?<!not )(?:completely |totally |quite )?(?:himself|herself|themselves|myself) "
    r"(?:since|again|ever since)\b"
    r"|\blasted (?:about |around |maybe |only |just )?(?:\d+|a|an|one|a few|thirty|twenty|ten|a couple of) "
    r"(?:seconds?|secs?|minutes?|mins?)\b"
    r"|\b(?:fine|gone|better|normal|ok|okay) by (?:the )?(?:morning|next morning|next day|lunchtime|"
    r"evening|bedtime)\b"
    # "was fine - no headache then or since", "not had a single symptom since": nothing
    # followed, to the end of the sentence
    r"|\bno (?:headaches?|symptoms?|problems?|issues?|trouble|pain|dizziness|sickness) "
    r"(?:then |at the time |at all )?(?:or|and|nor|ever) since(?= [.!?]|$)"
    r"|\bnot had (?:a |any )?(?:single )?(?:symptom|symptoms|problem|problems|issue|issues) "
    r"(?:since|afterwards|after)(?= [.!?]|$)"
    r"|\b(?:fever|temperature|temp) (?:was |has been |is |had )?(?:gone|normal|down|broke|settled)\b"
    r"|\bbeen normal (?:for|since)\b"
    r"|\bno longer\b"
    # ("gone down", "settled down" — not "went down", which is a fall)
    # (nor "gone down three times", a count of falls)
    r"|\b(?:became|went back to|returned to|came back to) normal\b"
    r"|\b(?:gone|settled|calmed) down(?: now| completely| since)?\b"
    r"(?! (?:\w+ )?(?:times|twice|again)\b)"
    # (not a fall: "he's gone down on the kitchen floor", "went down like a sack")
    # ("gone down and I feel fine", "and it feels much better": over, not a fall)
    r"(?! (?:on|onto|in|at|like|hard|by|off|behind|outside|in the)\b)"
    r"(?! and (?!(?:i|it|he|she|they|things?) (?:feel|feels|felt|seems?|seemed|looks?|looked) "
    r"(?:fine|better|ok|okay|well|normal|much better|a lot better|great)\b"
    r"|(?:it|that) is (?:fine|better|ok|okay|normal)\b"
    # "his fever has gone down and he is playing with his lego": well again
    r"|(?:he|she|they) (?:is|are|s) (?:\w+ )?(?:playing|watching|back at|back to|eating|drinking|"
    r"happy|fine|better|running|laughing|chatty|bouncing|giggling)\b))"
    r"(?! with (?!paracetamol|calpol|ibuprofen|nurofen|medicine|the tablets|rest)\w)|\bnothing since\b"
    # over within moments: "gone after a minute of shaking it out", "sat down and it passed",
    # "pins and needles then fine", "stops as soon as I move", "fine once she eats"
    r"|\b(?<!till )(?<!until )(?:it|that|and it|then it) (?:passed|passes|is passing|has passed)\b"
    r"|\bit is passing\b"
    r"|\bthen (?:fine|ok|okay|nothing|normal|gone)\b|\bnow fine\b"
    # (a span of time, or a plain remedy — not "better once I'm up", which is a pattern of the
    # pain, nor "not got better after a month")
    r"|\b(?<!not )(?<!not got )(?:gone|fine|normal|ok|okay) (?:after|within) "
    r"(?:a |an |one |two |ten |a few |a couple of |\d+ )(?:minute|minutes|min|mins|second|seconds|secs|"
    r"moment|moments|shake)"
    # "it went the second I got out": over at once, as a position ended
    r"|\b(?:it |that |which )?(?:went|went away|disappeared|vanished) (?:the second|the moment|"
    r"the minute|as soon as|the instant)\b"
    r"|\bfine once (?:she|he|i|they|you) (?:eat|eats|ate|had|walked|walks|moved|moves|sat|sits|"
    r"stood|lay|lies)\b"
    r"|\bstops? (?:as soon as|once|when i move)\b|\bwears? off\b|\bwore off\b"
    r"|\b(?:all |since |now )?long gone\b|\b(?:feels|feel|looks|is) normal again\b"
    # "Covid on the 1st, … no fever for a week now"
    r"|\bno (?:fever|temperature|temp|symptoms?) for (?:a|an|one|two|three|\d+|a few|a couple of) "
    r"(?:days?|weeks?|months?)\b"
    r"|\b(?:completely|fully|all) cleared\b|\bhas cleared\b|\b(?:completely|totally|fully) gone\b"
    r"|\b(?:has |have )?stopped (?:completely|altogether)\b|\b(?:completely|totally) stopped\b"
    r"|\b(?:sorted|cleared) (?:it|me|them) (?:out|up)?\b|\bsymptom(?: - |-| )free\b"
    r"|\bno (?:flares?|attacks?|episodes?|problems?|trouble|symptoms?) (?:since|for years)\b"
    r"|\b(?:it|that|this|which|they|bug|fever|temperature|temp|infection|virus|cold|flu|rash|"
    r"swelling|bruise|cough|sickness|pain) (?:is|are|has|have|was) (?:gone|over|passed)"
    r"(?= [,.;!?-]| now\b| away\b| completely\b| and (?:i|it|now)\b|$)"
    r"|\b(?:fine|better|gone|okay|ok) now\b|\bright as rain\b"
    # ("my back went when I was lifting": a back, knee or neck that "went" gave way)
    r"|\b(?:stopped|(?<!back )(?<!knee )(?<!neck )(?<!ankle )(?<!hip )(?<!shoulder )(?<!leg )(?<!legs )went|"
    r"went away|disappeared|eased off|cleared) (?:once|when|after)\b"
    # "went as soon as I got out", "gone ten minutes after I got off", "gone in a minute",
    # "stretched it and it went.", "fine straight after", "pale and normal since Saturday"
    rf"|{_WITHIN_MOMENTS}|\b(?:went away|disappeared|eased off|cleared) (?:as soon as|the "
    r"moment|straight away|right away)\b"
    r"|\b(?:the consultant |the hospital |they )?discharged me\b|\bback to normal life\b"
    r"|\band (?:it|that) (?:went|eased|passed|stopped)(?= [,.;!?]|$| off\b| away\b)"
    r"|\bfine after (?:a |some )?(?:glass of water|drink|sit down|sit|sandwich|snack|"
    r"something to eat|breakfast|lunch|rest)\b"
    r"|\b(?<!than )(?:normal|pale|clear) since\b"  # (not "quieter than normal since")
    r"|\bsettled (?:within|after|in) (?:a|an|one|two|\d+|a few|a couple of) (?:days?|weeks?)\b"
    r"|\b(?:it|that) (?:is|has) gone (?:this morning|today|overnight)\b"
    r"|(?:^| , | and )sorted(?= [.!?,]|$)"
    # the feeling that "came back after a minute of walking about" — told as the feeling, or
    # right after "numb when I got out" (a bare "came back" is the symptom's return)
    r"|\b(?:(?:the |my )?(?:feeling|sensation) came back|(?:numb|dead|asleep|tingly) when i "
    r"(?:got out|woke|woke up|got up|stood up)(?: of (?:the|my) \w+)? , came back|(?:numb|dead|asleep) from "
    r"sleeping on it , came back) (?:after|within|in|once|when|as soon as)\b")
_YEAR = Lazy(r"\b(?:in|back in|since|from|that was|this was) ((?:19|20)\d\d)\b"
             r"|(?:^|[.,;:(] )((?:19|20)\d\d)\b(?! (?:to|until|till|-|and) )")
# "still", "ever since": what is said goes on, whatever came before.
_ONGOING = Lazy(r"\bfrom (?:19|20)\d\d\b(?: \S+){0,6}? now\b"  # "4mm in a photo from 2022, 7mm now"
                r"|\b(?:still|ever since|since then|since that|since it|since the|since i|"
                r"since my|again|keeps|keep|kept|getting worse|worse since|never been the same|"
                r"not been right|not right since|now i|"
                r"(?<!feeling )(?<!sensation )(?<!got out , )(?<!woke , )(?<!woke up , )(?<!got up , )"
                r"(?<!stood up , )(?<!the bath , )(?<!the shower , )(?<!on it , )"
                r"(?:came|has come|comes|is) back"
                r"(?! (?:all |as |completely |totally )?(?:normal|clear|fine|negative|ok|okay|"
                r"unremarkable|nothing)\b)"
                r"|"
                r"flaring|flared up|flared again|"
                r"(?<!no )(?<!not )(?<!never )(?<!without )(?:returned|recurr\w*)|"
                r"this time|now it|now my|today|yesterday|"
                r"this morning|tonight|this week|at the moment|right now|currently|suddenly|"
                r"bulges|bulging|pops out|sticks out|"
                # ("the hernia the GP saw years ago is now aching most days")
                r"now (?:aching|hurting|sore|worse|bigger|painful|swollen|throbbing|playing up)|"
                r"now and then|now and again|on and off|off and on|from time to time|every so often|"
                r"just now|(?:an|one|two|three|a few|\d+) (?:hour|hours|minutes|mins) ago)\b")




# How far a finding's scope reaches within its sentence, in tokens: far enough for any
# real sentence, and a bound that keeps the cost linear on an endless one.
_REACH = 40


def _sentence_start(text: NormalText, index: int) -> int:
    return max(text.sentences[0][index], index - _REACH)


def _sentence_end(text: NormalText, index: int) -> int:
    return min(text.sentences[1][index], index + _REACH)


def _pet_before(text: NormalText, index: int) -> bool:
    """A his/her that speaks of an animal named just before it, with no person between."""
    start = _sentence_start(text, index)
    for before in range(index - 1, max(start, index - _PET_REACH) - 1, -1):
        word = text.tokens[before].norm
        if word in PETS:
            # (not when the one who handled the animal is named first: "She bent to pick up
            # the cat and now her back hurts" — her back is the woman's)
            actor = _SAME_PERSON.get(text.tokens[index].norm)
            return not any(t.norm == actor for t in text.tokens[start:before])
        if word in PEOPLE or word in THIRD_PRONOUNS or word in FIRST_PERSON - {"my", "our"}:
            return False
    return False


_SAME_PERSON = {"her": "she", "his": "he", "him": "he"}


def _person_at(text: NormalText, index: int) -> str | None:
    """'writer', 'third', 'pet' or None for the token at `index`."""
    word = text.tokens[index].norm
    if word in THIRD_PRONOUNS and _pet_before(text, index):
        return "pet"
    if word in PETS:
        # "the dog's leg" (normalised "dog leg") and "our cat had stitches" are the animal's;
        # "came off a horse onto my back" is the writer's fall: there the animal is no one.
        after = " ".join(t.norm for t in text.tokens[index + 1:index + 3])
        return "pet" if _BODY_START.match(after) or _PET_NEWS.match(after) else None
    if word in FIRST_PERSON:
        if word in {"mine", "ours"} and index > 0 and text.tokens[index - 1].norm == "of":
            # "a client of mine", "a friend of ours": the person named before it
            return "third" if index > 1 and _is_person(text, index - 2) else None
        # "my brother": the person is the brother, not the writer.
        # "my elderly dad", "my 80 year old dad": the person may come a few words on.
        # ("my 15-year-old" is six tokens: with an age after "my", look that far.)
        reach = 6 if index + 1 < len(text.tokens) and text.tokens[index + 1].norm[:1].isdigit() \
            else 4
        # (not past the sentence's end: "pressure under my breastbone. Daughter says…")
        ahead = range(index + 1, min(index + reach, len(text.tokens)))
        ahead = [i for i in ahead if not any(text.tokens[j].norm in SENTENCE_END
                                                 for j in range(index + 1, i + 1))]
        if word == "my" and any(_is_person(text, i) for i in ahead):
            return "third"
        if word in {"my", "our"} and index + 1 < len(text.tokens) \
                and text.tokens[index + 1].norm in PETS \
                and (index == 0 or text.tokens[index - 1].norm in _CLAUSE_OPENERS):
            # "my puppy couldn't breathe": the animal's, when it opens the clause — not "came
            # off my horse", the writer's fall
            return "pet"
        return "writer"
    if word in {"her", "his", "their"} and 0 < index < len(text.tokens) - 1 \
            and text.tokens[index - 1].norm in _TAKEN_FROM_SOMEONE \
            and text.tokens[index + 1].norm in _MEDICINES_KEPT:
        return None  # "keeping back her morphine", "took his pills": what the writer did
    if word in THIRD_PRONOUNS:
        after = " ".join(t.norm for t in text.tokens[index + 1:index + 3])
        if _UNBORN_OR_NEWBORN.match(after):
            return None  # "since he was born", "not felt her kick": the baby, not a person
        return "third"
    if _is_person(text, index):
        return "third"
    return None


# A possessive after these is the owner of what the writer keeps or takes, not the person
# whose finding it is.
_TAKEN_FROM_SOMEONE = frozenset({"back", "stockpiling", "hoarding", "stole", "stolen", "nicked",
                                 "swallowed", "necked"})
_MEDICINES_KEPT = frozenset({"morphine", "oramorph", "tablets", "pills", "meds", "medication",
                             "medicine", "medicines", "painkillers", "insulin", "patches",
                             "sleeping", "diazepam", "codeine", "oxycodone"})


# A baby spoken of as "he" or "she" — born, or kicking inside — is no one whose finding the
# writer reports: "low since he was born", "I've not felt her kick".
_UNBORN_OR_NEWBORN = Lazy(r"(?:was born|is born|arrived|came along|kick|kicks|kicking|kicked|"
                          r"moving|moves|moved|wriggl\w*|is wild|is quiet|is breech|is head down)\b")


# Said to the reader, not about anyone: "thanks mate", "no worries bro".
_VOCATIVES = frozenset({"mate", "bro", "bruv", "buddy", "pal", "dude", "fam", "sis", "babe", "hun"})
_ADDRESS_ENDS = frozenset({".", ",", "!", "?", ";", ":", "-", "lol", "haha"})


def _relative_after(text: NormalText, index: int) -> bool:
    """The person is the subject of what follows: "called 911 for a guy who collapsed"."""
    return index + 1 < len(text.tokens) and text.tokens[index + 1].norm in {"who", "that"}


# Groups of people someone can be one of ("one of the lads") — not "one of my testicles".
_GROUPS = frozenset({
    "lads", "guys", "girls", "boys", "women", "men", "ladies", "nurses", "doctors", "drivers",
    "team", "crew", "staff", "players", "kids", "mums", "dads", "others", "gang", "workers",
    "colleagues", "students", "teachers", "carers", "parents", "clients", "patients",
    "residents", "friends", "mates", "regulars", "runners", "riders", "members", "neighbours",
    "squad", "coaches", "volunteers", "chefs", "cleaners", "porters", "builders", "sparkies"})


def _one_of(text: NormalText, index: int) -> bool:
    """The word at `index` names a group someone is one of: "one of the lads", "one of my
    daughter's friends"."""
    if index < 3 or text.tokens[index].norm not in _GROUPS:
        return False
    at = index - 1
    if text.tokens[at].norm in PEOPLE and at >= 3:
        at -= 1  # "my daughter('s) friends": the group of someone named
    return text.tokens[at].norm in {"the", "my", "our", "his", "her"} \
        and text.tokens[at - 1].norm == "of" \
        and text.tokens[at - 2].norm in {"one", "two", "some", "several", "few"}


def _is_person(text: NormalText, index: int) -> bool:
    word = text.tokens[index].norm
    before = text.tokens[index - 1].norm if index > 0 else ""
    if word == "old" and before in {"year", "years"} and index > 2 \
            and text.tokens[index - 3].norm in {"am", "i", "turned", "turning", "aged"}:
        return False  # "I'm 58 years old and woke up deaf": the writer's age, no one else
    if (word == "old" and before in {"year", "years"}) or (word == "one" and before == "little"):
        return True  # "my 10 year old", "the little one"
    if word == "old" and before == "-" and index > 4 and text.tokens[index - 2].norm in {
            "year", "years"}:
        # "my 15-year-old" — but "I'm a 37-year-old solicitor" is the writer.
        return text.tokens[index - 5].norm in _POSSESSIVES
    # (every token of every text passes here: the regex only for a word that starts with a digit)
    if (word == "yo" and before.isdigit()) or (word[:1].isdigit() and _AGED.fullmatch(word)) \
            or (word == "o" and before == "/" and index > 1 and text.tokens[index - 2].norm == "y"):
        # "my 12 yo", "our 13yo", "my 6 y/o" — but "58 yo woman, osteoporosis…" is the
        # writer describing themselves, as notes do.
        start = index - (1 if _AGED.fullmatch(word) else 2 if word == "yo" else 4)
        return start >= 0 and text.tokens[start].norm in _POSSESSIVES
    if _one_of(text, index):
        return True  # "one of the lads at the depot", "one of the nurses on my ward"
    if word not in PEOPLE:
        return False
    if word in {"someone", "somebody"} and before not in _CLAUSE_OPENERS:
        # someone who did something, opening a clause ("someone fainted on the tube") — not a
        # likeness, a kind of person or a supposition: "like someone's sat on it", "never been
        # someone who…", "what if someone's headache…"
        return False
    if before in {"", ".", "!", "?", "-"} and index + 1 < len(text.tokens) \
            and text.tokens[index + 1].norm == "here":
        return False  # "hubby here - wife is…": the writer saying who they are
    if word in _VOCATIVES and before not in _POSSESSIVES and before not in {"a", "the", "our"} \
            and (index + 1 == len(text.tokens) or text.tokens[index + 1].norm in _ADDRESS_ENDS):
        # "no other symptoms mate.", "cheers mate": a word of address, not a person massaged.
        return False
    # "a friend's dad": the dad; "man" and "guy" only when they are someone ("the guy at…").
    if word in {"man", "woman", "guy", "lady", "girl", "boy"}:
        before = text.tokens[index - 1].norm if index > 0 else "."
        return (before in {"the", "a", "this", "that", "my", "our", ".", "little", "young", "old",
                           "eldest", "oldest", "youngest", "elderly", "teenage", "poor"}
                or before in SENTENCE_END)
    return True


# "My daughter wants to rub my legs": someone else's hands, the writer's own body.
_RUBS_MINE = Lazy(rf"\b(?:rub|rubs|rubbing|massage|massages|massaging|do|does) my "
                  rf"(?!(?:{_PEOPLE_ALT})\b)(?:\w+ )?"
                  r"(?:legs|feet|back|neck|shoulders|hands|arms|head|scalp|calves|thighs|hips)\b")


def subject_of(text: NormalText) -> Literal["self", "someone_else"]:
    """Whose body the routine is for, as the text tells it."""
    norm = text.norm
    if _MY_OWN_BODY.search(norm):
        return "self"  # "I've been her carer…; my own shoulders ache from the wheelchair"
    # (the writer's own words only: "Client emailed: 'I've had cramps…'" is the client's "I")
    own = _outside_quotes(text)
    injured = _I_INJURED_MINE.search(own)
    if _CARE.search(norm) and injured and not (
            _THEIR_BODY.search(norm) or _FOR_THEM.search(norm)
            or _THEY_HAVE.search(own, injured.end())):
        return "self"  # "I look after my husband and I hurt my back lifting him"
    if _CARE.search(norm) and not _RUBS_MINE.search(norm):
        return "someone_else"
    # "everyone would be better off without me" is not about anyone else's body.
    has_people = any((_is_person(text, i) and text.tokens[i].norm not in {"everyone", "family"})
                     or (text.tokens[i].norm in THIRD_PRONOUNS and not _pet_before(text, i))
                     for i in range(len(text.tokens)))
    if has_people and _THEIR_BODY.search(norm) and not (_MY_BODY.search(own)
                                                        or _I_HURT.search(own)
                                                        or _FOR_ME.search(own)):
        # "Grandma has osteoporosis. Her shoulders ache and I'd like to rub them."
        return "someone_else"
    if has_people and not _OWN_COMPLAINT.search(own):
        # "Nan is 81 and her back…": all about someone else, nothing of the writer's own.
        return "someone_else"
    if has_people and _FOR_A_CLIENT.search(norm) and not (_MY_BODY.search(own)
                                                           or _I_HURT.search(own)
                                                           or _FOR_ME.search(own)
                                                           or _WRITER_ILL.search(own)):
        # "Therapist here: client is 26 weeks pregnant… I want a home programme for her"
        return "someone_else"
    return "self"


def tells_own_injury(text: NormalText) -> bool:
    """Whether the writer tells an injury of their own ("I hurt my back lifting him"), in their
    own words: a carer's own findings count beside those of the person cared for."""
    return bool(_I_INJURED_MINE.search(_outside_quotes(text)))


def tells_of_own_body(text: NormalText) -> bool:
    """Whether the writer speaks of their own body or asks for themself ("my neck", "I ache",
    "something for me"), in their own words (not in words quoted from someone else)."""
    own = _outside_quotes(text)
    return bool(_MY_BODY.search(own) or _I_HURT.search(own) or _FOR_ME.search(own))


def _first_named(text: NormalText) -> str | None:
    """The first person the text names (a word of `PEOPLE`), or None."""
    key = "first named"
    if key not in text.memo:
        text.memo[key] = next((t.norm for index, t in enumerate(text.tokens) if t.norm in PEOPLE
                               and t.norm not in {"everyone", "family"}
                               and not _the_relay(text, index)), None)
    return text.memo[key]


# Who passes the message on is not who it is about: "Translated by my niece: Auntie says…".
_RELAYED_BY = frozenset({"translated", "typed", "written", "sent", "relayed", "dictated",
                         "interpreted", "forwarded"})


def _the_relay(text: NormalText, index: int) -> bool:
    """Whether the person at `index` is named only as the one who relays the message."""
    tokens = text.tokens
    for back in (1, 2):
        at = index - back
        if at >= 1 and tokens[at].norm == "by" and tokens[at - 1].norm in _RELAYED_BY:
            return True
    return False


def _massaged_names(text: NormalText) -> frozenset[str]:
    return _names_in(text.norm)


@lru_cache(maxsize=256)
def _names_in(norm: str) -> frozenset[str]:
    """The people named as the ones being massaged ("massage my mum's shoulders"); cached,
    as every finding in a text asks."""
    names: set[str] = set()
    for match in _CARE.finditer(norm):
        names.update(word for word in match.group(0).split() if word in PEOPLE)
    if not names:
        # Nobody named by the care words: the first person the text talks about.
        text = normalise(norm)
        for index in range(len(text.tokens)):
            if index > 0 and text.tokens[index - 1].norm in {"her", "his", "their"}:
                continue  # "Her husband was just diagnosed…": someone's kin, not the one massaged
            if _the_relay(text, index):
                continue
            if _is_person(text, index) and text.tokens[index].norm not in {"everyone", "family"}:
                names.add(text.tokens[index].norm)
                if text.tokens[index].norm not in PEOPLE:
                    # "my 14 yo son", "my 9 year old daughter": the age and the person are
                    # one (but "my husband's father" are two people).
                    names.update(text.tokens[ahead].norm
                                 for ahead in range(index + 1, min(index + 3, len(text.tokens)))
                                 if _is_person(text, ahead))
                break
    return frozenset(names)


# Before these a person is not the one the sentence is about: "talked to my colleague
# and the words came out wrong", "same as my brother".
_NOT_SUBJECT_BEFORE = frozenset({"to", "with", "at", "for", "from", "about", "of", "by", "than",
                                 "since",
                                 # "thinks I'm her sister": what the writer is taken for
                                 "am",
                                 "like", "as", "and", "after", "behind", "beside", "near", "told",
                                 "asked", "called", "rang", "phoned", "texted", "saw", "visited",
                                 # "trying to text my boss and the words come out as rubbish"
                                 "text", "texting", "email", "emailing", "message", "messaging",
                                 "call", "calling", "ring", "ringing", "phone", "phoning", "reply",
                                 "replying",
                                 "helped", "watched", "sat", "lifted", "carried", "carrying",
                                 "lifting", "nursing", "holding",
                                 # "had my little girl nine days ago": gave birth to her
                                 "had", "delivered"})


# "texted me", "told me": the writer only hears what the sentence reports.
_TOLD = frozenset({"texted", "told", "messaged", "sent", "asked", "called", "rang", "wrote",
                   "emailed", "showed", "phoned", "whatsapped", "snapchatted", "tells", "texts",
                   "messages"})
_ME_TOO = Lazy(r"\b(?:so am i|so do i|so have i|me too|as am i|as do i|we both|both of us"
               r"|i (?:have )?(?:got|caught) (?:them|it) too|i have (?:them|it) too|i am on it too)\b")
# "opposite me", "next to me": the writer as a place, not the one the clause is about.
_ME_AS_PLACE = frozenset({"opposite", "beside", "behind", "near", "next", "by", "around"})
_CLAUSE_ENDS = frozenset({",", "-", ";", ":", "but", "though", "although", "whereas", "while"})


def _ends_clause(text: NormalText, index: int) -> bool:
    """Whether the token at `index` ends a clause: a hyphen inside a word ("ex-husband",
    "step-dad") does not."""
    token = text.tokens[index]
    if token.norm not in _CLAUSE_ENDS:
        return False
    if token.norm == "-" and 0 < index < len(text.tokens) - 1:
        return not (text.tokens[index - 1].end == token.start
                    and text.tokens[index + 1].start == token.end)
    return True


def _owns_next(text: NormalText, index: int, hit: Hit) -> bool:
    """The person was written as a possessive of the finding itself: "since my wife's stroke"
    (not "bitten by the neighbour's dog", whose possessive is the dog's)."""
    token = text.tokens[index]
    return index + 1 == hit.first and text.original[token.start:token.end].lower().endswith(
        ("'s", "’s"))


def _has_it(text: NormalText, index: int, hit: Hit) -> bool:
    """The person is written as having the finding: "home care for a client with haemophilia"
    (the client's, though the client is the object of "for")."""
    return index + 1 < hit.first <= index + 4 and text.tokens[index + 1].norm == "with"


def _is_object(text: NormalText, index: int) -> bool:
    """A named person who is the object of the clause, not its subject."""
    before = index - 1
    while before >= 0 and text.tokens[before].norm in {"my", "our", "the", "a", "an", "his",
                                                        "her", "their", "this", "that", "little",
                                                        "young", "baby", "new", "eldest", "youngest"}:
        before -= 1
    if before >= 0 and text.tokens[before].norm == "and" and index + 1 < len(text.tokens) \
            and text.tokens[index].norm in {"someone", "somebody"} \
            and text.tokens[index + 1].norm in _A_CLAUSE_VERB:
        return False  # "I was in Tesco and someone had a stroke": the subject of a new clause
    return before >= 0 and text.tokens[before].norm in _NOT_SUBJECT_BEFORE


# Verbs that make the person before them a clause's subject, after "and".
_A_CLAUSE_VERB = frozenset({"had", "has", "have", "is", "was", "were", "are", "just", "collapsed",
                            "fainted", "went", "got", "started", "keeps", "kept", "s", "can",
                            "could", "did", "does", "suddenly", "fell", "dropped"})


_SAID_BY = Lazy(r"\b(?:says|said|reckons|told me|tells me|keeps saying)\b")
# Others better off without the writer: the thought is the writer's, whoever the sentence is about.
_BETTER_OFF_WITHOUT_ME = Lazy(r"\bbetter off\b.*\b(?:without me|without us|with someone else|"
                              r"with anyone else|with another (?:mum|mom|dad|mother|father)|"
                              r"with a different (?:mum|mom|dad))\b")


# A voice heard ("a man's voice", "a woman voice"): the person named is what is heard.
_A_VOICE = frozenset({"voice", "voices", "whispering", "whispers"})
# "my mum's voice has been hoarse": the voice is hers, and so is the finding.
_THE_VOICE_ITSELF = frozenset({"has", "is", "was", "been", "hoarse", "croaky", "husky", "gone",
                               "went", "changed", "sounds", "sounded", "weak", "lost", "keeps",
                               "cracking", "cracks", "croaking"})


def _their_relative_clause(text: NormalText, index: int, hit: Hit) -> bool:
    """The hit is in the relative clause about the person ("called 911 for a guy who
    collapsed"), not after it has closed ("gave the dog to my sister who always loved him,
    wrote letters for the kids": the writer wrote them)."""
    return _relative_after(text, index) and not any(
        _ends_clause(text, at) for at in range(index + 1, hit.first))


_THE_WRITER = frozenset({"me", "my", "us", "our", "i", "myself"})


def names_another_harmed(text: NormalText, hit: Hit) -> bool:
    """Whether an act told in the hit is done to someone other than the writer: after its first
    word it names a third person ("husband hits her", "slaps the kids") and not the writer
    ("forces me… even when I tell him no")."""
    words = [token.norm for token in text.tokens[hit.first + 1:hit.last + 1]]
    if any(word in _THE_WRITER for word in words):
        return False
    if hit.first > 0 and text.tokens[hit.first - 1].norm in PEOPLE:
        return True  # "my sister's husband gets physical": someone else's partner, and hers
    return any(word in THIRD_PRONOUNS or word in PEOPLE for word in words)


# A hedge or a sighting the writer puts inside someone's finding: "her skin, I think, is yellow".
_HEDGES = frozenset({"think", "reckon", "guess", "suppose", "believe", "thought", "noticed",
                     "swear", "imagine"})


def whose(text: NormalText, hit: Hit, subject: str) -> Whose:
    """Whose finding this is: the writer's, the subject's (the person massaged) or another's.

    The nearest person named at or before the end of the hit decides, so "my partner
    rubbed my back and it is worse" is the writer's, "my son twisted his knee" the son's.
    """
    start = _sentence_start(text, hit.first)
    if _names_a_job(text, hit) or _cases_at_work(text, hit):
        return "other"  # "a sepsis nurse", "a stroke call", "clinic was all strokes"
    if _ME_TOO.search(" ".join(t.norm for t in text.tokens[start:_sentence_end(text, hit.last) + 1])):
        return "writer"  # "Dad's on warfarin, and so am I now": the writer's finding too
    if _BETTER_OFF_WITHOUT_ME.search(text.norm_of(hit.first, hit.last)) and not _SAID_BY.search(
            text.norm_of(max(start, hit.first - 4), hit.first)):  # ("my partner says the kids…")
        return "writer"  # "the kids would be better off with someone else": the writer's thought
    # The body it is on, named just after: "Mate did a new piece on my forearm, still healing".
    speaker = _quoted_speaker(text, hit.first)
    if speaker is not None:
        return _speakers(text, speaker, subject)  # "Dev: 'my calf is so swollen'"
    body = _body_after(text, hit)
    if body is None and hit.last > hit.first:
        # the body named inside the hit, right after the finding's first word: "a mole on my
        # shoulder blade my girlfriend says has got bigger" is on the writer
        body = _body_at(text, hit.first + 1)
    if body == "writer":
        return "writer"
    if body == "pet":
        return "other"
    # A person named in the hit's own first clause ("rubbed my back", "hit his head")
    # decides; otherwise the nearest one before it.
    first_clause = hit.first
    while first_clause < hit.last and not _ends_clause(text, first_clause + 1):
        first_clause += 1
    inside = range(first_clause, hit.first - 1, -1)
    for index in [*inside, *range(hit.first - 1, start - 1, -1)]:
        person = _person_at(text, index)
        if person is None:
            continue
        if person == "pet":
            return "other"
        if person == "third" and _a_child_born(text, index):
            continue  # "since having my son": the birth is the mother's, told of the child
        if person == "third" and _in_a_simile(text, index):
            continue  # "walking round like an old man": no one else is there
        if person == "third" and index + 1 < len(text.tokens) \
                and text.tokens[index + 1].norm in _A_VOICE and (
                    index + 2 >= len(text.tokens)
                    or text.tokens[index + 2].norm not in _THE_VOICE_ITSELF):
            continue  # "hearing a man's voice commenting": the hearer's, not the man's
        if person == "third" and _object_pronoun(text, index) and any(
                _ends_clause(text, at) for at in range(index + 1, hit.first)):
            continue  # "my wife noticed I tell her the same story twice, and the headaches…"
        if person == "third" and _says_it_of_mine(text, index, hit):
            continue  # "The mole on my back… My partner says it's got bigger": still mine
        if person == "third" and text.tokens[index].norm in {"her", "his", "their"} \
                and index > 0 and text.tokens[index - 1].norm == "am" \
                and index + 1 < hit.first and text.tokens[index + 1].norm in PEOPLE \
                and _is_object(text, index + 1) and not _owns_next(text, index + 1, hit) \
                and not _their_relative_clause(text, index + 1, hit) \
                and not _has_it(text, index + 1, hit):
            continue  # "thinks I'm her sister and doesn't know…": her sister is no one there
        if person == "third" and text.tokens[index].norm not in THIRD_PRONOUNS \
                and _is_object(text, index) and not _owns_next(text, index, hit) \
                and not _one_of(text, index) and not _their_relative_clause(text, index, hit) \
                and not _has_it(text, index, hit):
            continue
        speaker = _quoted_speaker(text, index) if person == "writer" else None
        if speaker is not None:
            # "Forwarded from Dad: 'no idea what I did, it's hot'": the speaker's "I"
            return _speakers(text, speaker, subject)
        if person == "writer" and text.tokens[index].norm == "my" and index + 1 < len(text.tokens) \
                and text.tokens[index + 1].norm in _MY_WORKPLACES:
            continue  # "one of the nurses on my ward had a DVT": the ward is mine, not the DVT
        if person == "writer" and text.tokens[index].norm == "i" and index > 0 \
                and _is_person(text, index - 1) and not _a_child_born(text, index - 1):
            continue  # "the friend I'm practising on has varicose veins": the friend's
        if person == "writer" and subject == "someone_else" and _examines(text, index):
            continue  # "I had a look: visibly bigger than the other, warm" — the client's calf
        if person == "writer" and text.tokens[index].norm == "i" and first_clause >= index > hit.first \
                and index + 1 < len(text.tokens) and text.tokens[index + 1].norm in _HEDGES:
            continue  # "my mum's skin I think has gone lemony": a hedge inside the finding
        if person == "writer" and text.tokens[index].norm == "me" and index > 0 \
                and text.tokens[index - 1].norm in _TOLD | _ME_AS_PLACE:
            # "my daughter texted me 'sorry for everything'": her words, not mine; "the guy
            # who sits opposite me just had surgery": his, not mine
            continue
        if text.tokens[index].norm in {"everyone", "family"}:
            # "the whole family is itching": the writer, and the person massaged too.
            return "subject" if subject == "someone_else" else "writer"
        if person == "writer":
            return "writer"
        if subject == "someone_else":
            word = text.tokens[index].norm
            if word in {"her", "his", "their"} and index + 1 < len(text.tokens) \
                    and text.tokens[index + 1].norm in PEOPLE:
                word = text.tokens[index + 1].norm  # "all about her mum, who's had a stroke"
            names = _massaged_names(text)
            kin = index > 0 and text.tokens[index - 1].norm in {"her", "his", "their"}
            # ("pt's husband", normalised "pt husband": the client's kin, not the client)
            clients_kin = index > 0 and text.tokens[index - 1].norm in {"pt", "client", "patient"}
            if word in THIRD_PRONOUNS or (word in names and not clients_kin) or (
                    not names and not kin and word == _first_named(text)):
                # (no one named as the one massaged: the first person named is — "Client of
                # mine, 61, started getting headaches… She wants a programme" — unless named
                # as someone's kin: "Her husband was just diagnosed…" is not the client)
                return "subject"
            return "other"
        return "other"
    return "subject" if subject == "someone_else" else "writer"


# "since having my son I get panic attacks": the son is the birth the time is told from, not
# a person the "I" clause describes ("the friend I'm practising on").
_BIRTH_VERBS = frozenset({"having", "had", "birth", "delivering", "adopting", "adopted"})
_CHILDREN_BORN = frozenset({"son", "daughter", "baby", "twins", "boy", "girl", "babies",
                            "newborn", "first", "second", "third"})


def _a_child_born(text: NormalText, index: int) -> bool:
    """The word at `index` names a child as the object of a birth just before it: "having
    my son", "had our twins" (the word is the child or the possessive before it)."""
    tokens = text.tokens
    child = index if tokens[index].norm in _CHILDREN_BORN else index + 1
    if child >= len(tokens) or tokens[child].norm not in _CHILDREN_BORN:
        return False
    return any(tokens[at].norm in _BIRTH_VERBS for at in range(max(0, child - 3), child))


# After "her" as an object ("tell her the same story", "gave him a lift") comes what is done
# to or for them, not something of theirs: the finding told later belongs to whoever the
# clause is about, named before.
_AFTER_AN_OBJECT = frozenset({"the", "a", "an", "this", "that", "some", "about", "how", "what",
                              "when", "why", "to", "off", "up"})


def _object_pronoun(text: NormalText, index: int) -> bool:
    """`him`, or `her` with a determiner or a question word just after: the object of a verb
    ("I tell her the same story twice"), never the one who has the finding after it."""
    word = text.tokens[index].norm
    if word == "him":
        return True
    return word == "her" and index + 1 < len(text.tokens) \
        and text.tokens[index + 1].norm in _AFTER_AN_OBJECT


def _in_a_simile(text: NormalText, index: int) -> bool:
    """A person named only to compare: "like an old man", "like a ninety-year-old granny"."""
    before = [t.norm for t in text.tokens[max(0, index - 3):index]]
    if before[-2:] in (["like", "a"], ["like", "an"]):
        return True
    return len(before) == 3 and before[:2] in (["like", "a"], ["like", "an"]) \
        and before[2] in _SIMILE_ADJECTIVES


_SIMILE_ADJECTIVES = frozenset({"old", "young", "little", "elderly", "frail", "ninety", "eighty",
                                "hundred", "90", "80", "100", "pensioner", "granny"})


# Someone who tells what they see on the writer: "My partner says it's got bigger" after "the
# mole on my shoulder" — the saying, then "it", in a later sentence than the hit's start.
_SAYS_IT = frozenset({"says", "said", "thinks", "reckons", "noticed", "spotted"})


def _says_it_of_mine(text: NormalText, index: int, hit: Hit) -> bool:
    if text.sentences[0][index] <= hit.first:
        return False
    # (the person may be read at "my" of "my partner says it…")
    words = [t.norm for t in text.tokens[index + 1:index + 4]]
    if not any(words[i] in _SAYS_IT and words[i + 1] == "it" for i in range(len(words) - 1)):
        return False
    start = text.sentences[0][hit.first]
    return any(t.norm == "my" for t in text.tokens[start:hit.first + 4])


_ON_MY_BODY = Lazy(rf"^(?:on|in|across|over|down|along|around) (?:the (?:back|side|top|front) of )?"
                   rf"my {_BODY}\b")


def _body_after(text: NormalText, hit: Hit) -> str | None:
    """Whose body the words just after the hit put it on: "writer" ("a new piece on my
    forearm"), "pet" ("the lump on my dog's leg"), a person's word ("on my son's knee"), or
    None when they do not say."""
    return _body_at(text, hit.last + 1)


def _body_at(text: NormalText, index: int) -> str | None:
    """Whose body the words from `index` put a finding on (see `_body_after`)."""
    after = text.tokens[index:index + 8]
    if not _ON_MY_BODY.match(" ".join(t.norm for t in after)):
        return None
    mine = next(i for i, t in enumerate(after) if t.norm == "my")
    owner = after[mine + 1].norm if mine + 1 < len(after) else ""
    return "pet" if owner in PETS else owner if owner in PEOPLE else "writer"


# Words quoted from someone else: "from Dad: '…'", "my sister just wrote '…'", "Dev: '…'".
# (An apostrophe inside a word — "knee's" — neither opens nor closes one.)
# (at most 300 characters, so that many openers never closed cannot slow the screen)
_QUOTE = Lazy(r"(?:(?<=\s)|(?<=:)|^)['\"‘“](?P<words>(?:[^'\"‘’“”]|['’]\w){1,300})['\"’”]"
              r"(?=\s|[.,!?;:)—–-]|$)")
_SAYS = (r"(?:said|says|wrote|writes|texted|texts|messaged|emailed|emails|went|asked|told me|"
         r"replied|posted|put)")
_SPEAKER = Lazy(rf"(?:\b(?P<said>[a-z][a-z-]*) (?:just |then |has |had )?{_SAYS}(?: me| us)?\s*:?\s*"
                rf"|\b(?P<named>(?!{_SAYS}\b)[a-z][a-z-]*)\s*:\s*)$")
_NOT_SPEAKERS = frozenset({"i", "me", "we", "us", "you", "it", "this", "that", "note", "update",
                           "re", "ps", "edit", "q", "a",
                           # a clinician quoted speaks of the writer: "Doctor said 'no massage on
                           # that leg until the clot's dissolved'"
                           "doctor", "doc", "dr", "gp", "surgeon", "nurse", "consultant", "physio",
                           "physiotherapist", "midwife", "dentist", "specialist", "paramedic",
                           "pharmacist", "therapist", "oncologist", "neurologist", "cardiologist",
                           "registrar", "haematologist", "rheumatologist", "team", "hospital",
                           "clinic", "ward", "letter", "leaflet",
                           # a form's headings: "Complaint: 'calf swollen and hot'"
                           "complaint", "complaints", "symptoms", "symptom", "reason", "problem",
                           "problems", "notes", "message", "subject", "history", "presenting",
                           "summary", "diagnosis", "plan", "assessment", "issue", "concern",
                           "concerns", "question", "answer", "details", "info", "description"})
# A clinician named before the speaker's name: "Dr Patel said", "my physio Sarah said".
_CLINICIAN_BEFORE = Lazy(r"\b(?:dr|doctor|doc|gp|surgeon|nurse|consultant|physio|physiotherapist|"
                         r"midwife|dentist|specialist|paramedic|pharmacist|therapist)\.? "
                         r"(?:\w+ ){0,2}$")


def _quotes(text: NormalText) -> list[tuple[int, int, str | None]]:
    """The quoted stretches of the text (character spans) with who said them: a third
    person's word, "writer", or None when the speaker is not told."""
    key = "quotes"
    if key not in text.memo:
        found = []
        original = text.original
        if "'" in original or '"' in original or "‘" in original or "“" in original:
            for match in _QUOTE.finditer(original):
                before = original[max(0, match.start() - 40):match.start()]
                said = _SPEAKER.search(before.lower())
                word = (said.group("said") or said.group("named")) if said else None
                if said and said.group("said") is None and word not in PEOPLE:
                    # "Dev: '…'" names someone; "sent from his room 5 min ago: '…'" does not
                    name = before[said.start("named"):said.end("named")]
                    word = word if name[:1].isupper() else None
                if said and _CLINICIAN_BEFORE.search(before.lower()[:said.start()] + word + " "
                                                     if word else ""):
                    word = None  # "Dr Patel said 'you have a DVT'": about the writer
                if word in {"i", "me", "we"}:
                    word = "writer"
                elif word in _NOT_SPEAKERS:
                    word = None
                found.append((match.start("words"), match.end("words"), word))
        text.memo[key] = found
    return text.memo[key]


def _speakers(text: NormalText, speaker: str, subject: str) -> Whose:
    """A quoted finding is its speaker's: the person massaged's when the speaker is."""
    names = _massaged_names(text)
    if subject == "someone_else" and (speaker in names or speaker in THIRD_PRONOUNS or (
            not names and speaker == _first_named(text))):
        return "subject"  # ("She said 'my calf…'" of the mum whose legs are massaged)
    return "other"


def _outside_quotes(text: NormalText) -> str:
    """The text's words less those quoted from someone else."""
    quotes = [(low, high) for low, high, speaker in _quotes(text) if speaker not in (None, "writer")]
    if not quotes:
        return text.norm
    return " ".join(token.norm for token in text.tokens
                    if not any(low <= token.start < high for low, high in quotes))


# Told as happening now to someone: "my dad's face has dropped and he can't get his words out",
# "she's suddenly slurring", "collapsed ten minutes ago" — an onset in the sentence, nothing in
# the hit's clause of a time gone by, and nothing in the sentence of a lasting condition ("has
# dementia and is confused", "paralysed from her stroke", "in a care home"), a habit ("most days"),
# a story or a joke ("in that film", "over the price of petrol lol"), or help already there
# ("the ambulance is on its way").
# "is fitting" as a fit, not "fitting a kitchen" or "fitting in".
_FITTING = r"fitting(?! (?:a|an|the|his|her|their|my|new|in|out|up)\b)"
# "…and I don't think she's breathing": told as happening now, whatever the "I think"
# (`_ONSET`, `_PLAIN_ONSET`, `told_as_happening`).
_THINK_NOT_BREATHING_WORDS = r"(?:do not|dont) think (?:he|she|they) (?:is|are|s) breathing"
_ONSET = Lazy(r"\b(?:suddenly|all of a sudden|just|right now|now|atm|at the moment|this minute|"
              r"as (?:i|we) (?:type|write|speak|am typing|am writing)|as we are (?:talking|speaking)|"
              r"while (?:i|we) (?:type|am typing|talk|are talking)|"
              r"currently|still|feels|feeling|tonight|this evening|this afternoon|this morning|today|"
              r"collapsed|collapsing|dropped|drooped|clutching|grabbing|"
              r"went (?:droopy|weak|numb|funny|floppy|blue|"
              r"grey|gray|white|limp|slurred|dead|pale|quiet|still|stiff|rigid)|"
              r"(?:has|have|is|are|s) (?:just )?(?:gone|"
              r"dropped|drooped|collapsed|started|come on|turned|stopped|fallen|passed out)|(?:is|are|s) "
              r"(?:going|turning|getting|starting|slurring|slurred|struggling|choking|shaking|"
              rf"{_FITTING}|"
              r"collapsing|having|being sick|burning up|unconscious|unresponsive|grey|gray|blue|"
              r"clammy|sweaty|sweating|swelling|wheezing|floppy|not breathing|gasping|shivering|"
              r"mottled|bleeding|pouring|gushing|spurting)|swelling up|"
              # (a bleed that "won't stop" is going on now: "she's on warfarin and it won't stop")
              r"swelled up|(?:will not|won't|wont|can not|cant) (?:wake|breathe)|"
              r"(?:it|bleeding|blood) (?:will not|won't|wont|can not|cant|does not|doesn't) stop|"
              rf"{_THINK_NOT_BREATHING_WORDS}|"
              r"(?:\d+|a few|few|ten|twenty|thirty|five|fifteen|a couple of) (?:minutes?|mins?) ago|"
              r"(?:an|half an) hour ago|in the last (?:hour|few minutes|half hour)|"
              # ("since lunch his words are coming out in the wrong order"): an onset today
              r"since (?:lunch|lunchtime|breakfast|teatime|tea|dinner|this morning|this afternoon|"
              r"(?:about |around )?\d+ ?(?:am|pm)|(?:about |around )?\d+(?: o ?clock)?))\b")
# An onset this plain in the finding's own clause stands whatever else the sentence tells ("my
# grandad has dementia but today his face dropped").
_PLAIN_ONSET = Lazy(r"\b(?:suddenly|all of a sudden|just|right now|today|tonight|this morning|"
                    rf"{_THINK_NOT_BREATHING_WORDS}|"
                    r"went (?:droopy|lopsided|weak|numb|grey|gray|blue|floppy|limp|slurred)|"
                    rf"(?:is|are|s) (?:{_FITTING}|choking|"
                    r"not breathing|turning blue|"
                    r"going blue|grey|gray|clammy|sweating)|"
                    r"(?:will not|won't|wont|can not|cant) (?:wake|breathe)|"
                    r"(?:clutching|grabbing) (?:his|her|their) chest|"
                    r"(?:been|for) (?:\d+|a few|five|ten) (?:minutes?|mins?)|"
                    r"(?:has|have|is|s) (?:just |suddenly )?gone (?:droopy|lopsided|weak|numb|grey|gray|blue|"
                    r"floppy|limp)|"
                    r"this evening|this afternoon|(?:\d+|a few|few|ten|twenty|thirty|five|fifteen|"
                    r"a couple of) (?:minutes?|mins?) ago|(?:an|half an) hour ago)\b")
_LASTING = Lazy(r"\b(?:dementia|alzheimer\w*|parkinson\w*|autis\w*|non ?- ?verbal|nonverbal|spina bifida|"
                r"epilep\w*|cerebral palsy|multiple sclerosis|motor neurone|paralysed|paralyzed|"
                r"wheelchair|blind|deaf|disabled|disability|learning disabilit\w*|down syndrome|downs|"
                r"(?:from|since|after) (?:his|her|their|the) (?:stroke|strokes|accident|op|operation)|"
                r"physio|rehab|care home|in a home|nursing home|hospice|most days|a lot|these days|"
                r"every day|often|a word of|since birth|born with|ok now|fine now|better now|all fine|"
                r"recovered|back to normal|bruise|bruised|bruising|dead leg|healing|dentist|dental|"
                r"anaesthetic|anesthetic|numbing|a filling|rattled|shaken|shook me|gave me a fright|"
                r"upset me|epidural)\b")
# A joke told ("lol"): a plain onset in the finding's own clause still stands ("lol my back is
# killing me but seriously my mum's face has just gone droopy").
_JOKING = Lazy(r"\b(?:lol|haha|lmao|jk)\b")
# Asleep, told as such: "unconscious on the sofa, snoring away" is a deep sleep.
_ASLEEP = Lazy(r"\b(?:snoring|snores|asleep|sleeping|dead to the world|napping)\b")
# A story, a figure of speech, an exertion or a dentist's numbing: whatever onset is told,
# nothing is happening to anyone now (short of someone down and not breathing, `_STILL_DOWN`).
_NOT_REAL = Lazy(r"\b(?:film|movie|episode|documentary|"
                 r"(?:watching|watched|in the|in a|on the|on telly|on tv) (?:drama|series|programme|soap)|"
                 r"in laughter|with laughter|food coma|over the price|about the deadline|dentist|dental|"
                 r"anaesthetic|anesthetic|numbing|a filling|nerve block|"
                 r"after (?:his|her|their|a|the) (?:run|10k|5k|race|match|game|workout|training|"
                 r"session|gym|parkrun|marathon))\b")
# Told afterwards, or at work: the writer shaken by what they saw, a clinician's shift — whatever
# onset is told, it is not happening in front of them now.
_AFTERWARDS = Lazy(r"\b(?:after the shift|on shift|my shift|on my ward|my ward|clinic was|registrar|"
                   r"caseload|nurse here|doctor here|paramedic here|my patients|onto the ward|"
                   r"a patient (?:who|came|went|had|was))\b")
_THEN_WORDS = frozenset({"had", "was", "were", "did", "used", "last", "died", "passed", "after",
                         "when", "if", "before", "once", "whenever", "since", "every", "thinks",
                         "think", "reckons", "i", "yesterday", "fainted",
                         "blacked"})
_SOME_TIME_AGO = Lazy(r"\b(?:years?|weeks?|months?|days?|yrs?|decades?) ago\b")
_CLAUSE_OPENS = frozenset({",", ";", ":", "-", "and", "but", "so", "then", "because", "cos"})
# What may stand just before a word that opens a clause: a clause opener, a sentence's end, the
# text's start, or a time said first ("someone fainted", "yesterday someone fainted").
_CLAUSE_OPENERS = _CLAUSE_OPENS | SENTENCE_END | frozenset({"", "when", "today", "yesterday",
                                                            "tonight"})
_JUST_NOW = frozenset({"has", "have", "just", "s", "is", "suddenly"})
_STILL_DOWN = Lazy(r"\b(?:(?:is |s )?not (?:really )?breathing|"
                   r"(?:will not|won't|wont|can not|cant) (?:wake|breathe)|"
                   r"not breathing (?:properly|proper|right)|snoring gasping|gasping snoring|"
                   r"(?:is|s) not answering|"
                   r"(?:is |s )?not waking(?: up)?|"
                   r"not responding|unresponsive|unconscious|is grey|is gray|is blue|still on the floor|"
                   r"(?:can not|cant) get up|(?:is |s )?not coming round|(?:is |s )?not moving|"
                   r"(?:is |s )?gurgling|lips are blue|(?:is |s )?going blue|"
                   r"(?:will not|won't|wont) come round)\b")
_COLLAPSED = Lazy(r"\b(?:went down|gone down|collapsed|keeled over|dropped|hit the (?:floor|ground|deck))\b")
# Help called but not there: "called an ambulance but they said 2 hours".
_HELP_DELAYED = Lazy(r"\b(?:but|though|although) (?:\S+ ){0,5}?(?:hours?|wait|waiting|delay|delayed|busy|"
                     r"not coming|no ambulances?|queue)\b|\b\d+ hours?\b|\bhours? (?:wait|away)\b")
_HELP_THERE = Lazy(r"\bambulance (?:is |s )?(?:on (?:its|the) way|here|coming|came|arrived|took)\b"
                   r"|\bparamedics? (?:is |are )?(?:here|with|on (?:its|their|the) way|came|arrived)\b"
                   r"|\b(?:called|rang|phoned|dialled|dialed|rung) (?:999|911|112|111|an ambulance)\b"
                   r"|\bwaiting for (?:the |an )?ambulance\b|\bin (?:hospital|a&e|a & e|resus)\b"
                   r"|\bat (?:the hospital|a&e|a & e)\b|\bbeing seen\b|\bdoctor is with\b")


def _clause_end(text: NormalText, index: int, end: int) -> int:
    """The last token of the clause holding the token at `index`, within the sentence."""
    while index < end and text.tokens[index + 1].norm not in _CLAUSE_OPENS:
        index += 1
    return index


def told_as_happening(text: NormalText, hit: Hit) -> bool:
    """Whether the hit is told as happening now to someone (see `_ONSET`, `_LASTING`): an
    emergency in someone else, which needs help whoever the routine is for."""
    if (_HELP_THERE.search(text.norm) and not _HELP_DELAYED.search(text.norm)) \
            or _AFTERWARDS.search(text.norm):
        return False
    if _names_a_job(text, hit) or _cases_at_work(text, hit):
        return False  # "a stroke call", "a shift of seizures": work, not someone's now
    tokens = text.tokens
    start, end = _sentence_start(text, hit.first), _sentence_end(text, hit.last)
    low = hit.first
    while low > start and tokens[low - 1].norm not in _CLAUSE_OPENS:
        low -= 1
    own_clause = " ".join(t.norm for t in tokens[low:_clause_end(text, hit.last, end) + 1])
    # Someone down and not breathing or not waking, told beside the finding, is happening now
    # whatever else the message says ("after his run he collapsed and isn't breathing").
    down_clause = " ".join(t.norm for t in tokens[low:end + 1])
    if _STILL_DOWN.search(down_clause) and not _JOKING.search(text.norm) and (
            not _ASLEEP.search(text.norm) or _COLLAPSED.search(down_clause)):
        return True  # (a snore after a collapse is no sleep: "went down and he's snoring, gasping")
    plain = _PLAIN_ONSET.search(own_clause)
    sentence = " ".join(t.norm for t in tokens[start:end + 1])
    # A story, a figure of speech or an exertion in its sentence ends the reading; a lasting
    # condition or a joke does unless the finding's own clause tells a plain onset.
    if _NOT_REAL.search(sentence) or (
            (_LASTING.search(sentence) or _JOKING.search(sentence) or _ASLEEP.search(sentence))
            and not plain):
        return False
    # Told of them in their clause, the two before it and the two after it ("he's grey and
    # sweaty with chest pain", "his speech went funny and his face dropped, it's still like
    # that"), short of a clause of the writer's own ("…, i've just got a stiff neck"): an onset
    # there is theirs.
    told_from = low
    for _ in range(2):  # (the two clauses before: "he's grey and clammy and has chest pain")
        if told_from > start:
            told_from -= 1
            while told_from > start and tokens[told_from - 1].norm not in _CLAUSE_OPENS:
                told_from -= 1
    high, opened = hit.last, 0
    while high < end:
        if tokens[high + 1].norm in _CLAUSE_OPENS:
            opened += 1
            if opened > 2 or high + 2 <= end and tokens[high + 2].norm in _THE_WRITER | {"im"}:
                break
        high += 1
    if not _ONSET.search(" ".join(t.norm for t in tokens[told_from:high + 1])):
        return False
    clause = [t.norm for t in tokens[low:hit.last + 1]]
    # (a collapse told in the past, "collapsed at work with chest pains today", is over; one that
    # "has just" happened is not)
    passed = any(word == "collapsed" and (index == 0 or clause[index - 1] not in _JUST_NOW)
                 for index, word in enumerate(clause)) and not _STILL_DOWN.search(
        " ".join(t.norm for t in tokens[low:high + 1]))
    if not passed and _THINK_NOT_BREATHING.search(" ".join(clause)):
        return True  # ("…and I don't think she's breathing": the "I think" is the writer's fear)
    return not passed and not any(word in _THEN_WORDS for word in clause) \
        and not _SOME_TIME_AGO.search(" ".join(clause))


_THINK_NOT_BREATHING = Lazy(rf"\b{_THINK_NOT_BREATHING_WORDS}\b")


def is_quoted(text: NormalText, hit: Hit) -> bool:
    """The hit lies in words quoted from a third person ("Dev: 'my calf is swollen'")."""
    return _quoted_speaker(text, hit.first) is not None


def _quoted_speaker(text: NormalText, index: int) -> str | None:
    """The third person whose words hold the token at `index`, if any."""
    quotes = _quotes(text)
    if not quotes:
        return None
    start = text.tokens[index].start
    for low, high, speaker in quotes:
        if low <= start < high and speaker not in (None, "writer"):
            return speaker
    return None


# A place of work the writer calls theirs: "on my ward", "at my depot".
_MY_WORKPLACES = frozenset({"ward", "wards", "unit", "team", "office", "depot", "site", "shift",
                            "floor", "department", "class", "school", "gym", "squad", "crew",
                            "street", "building", "warehouse", "kitchen", "store", "shop",
                            # what a student practises for: "the friend I'm practising on for
                            # my course has varicose veins" — hers, not mine
                            "course", "module", "exam", "exams", "training", "studies",
                            "placement", "qualification", "diploma", "coursework", "assessment"})


# What someone does who examines another person: "I had a look", "when I pressed".
# (not "felt", "noticed" or "saw": "I felt crushing chest pain" is the writer's own)
_EXAM_VERBS = frozenset({"look", "looked", "checked", "examined", "palpated", "measured",
                         "squeezed", "pressed", "assessed", "tested"})


def _examines(text: NormalText, index: int) -> bool:
    """"I" at `index` is the writer examining someone ("I had a look:", "when I squeezed")."""
    if text.tokens[index].norm not in {"i", "we"}:
        return False
    following = text.tokens[index + 1:index + 4]
    return any(token.norm in _EXAM_VERBS for token in following)


# A finding's words that name someone's work rather than a body: "I'm a sepsis nurse",
# "three arrests and a stroke call", "overdose prevention outreach", "oncology pharmacist".
_JOB_NOUNS = frozenset({
    "nurse", "nurses", "nursing", "doctor", "doctors", "registrar", "consultant", "consultants",
    "pharmacist", "pharmacists", "specialist", "specialists", "physician", "surgeon", "surgeons",
    "ward", "wards", "unit", "units", "team", "teams", "clinic", "clinics", "department",
    "call", "calls", "callout", "callouts", "outreach", "prevention", "service", "services",
    "helpline", "charity", "charities", "awareness", "campaign", "research", "researcher",
    "researchers", "training", "course", "courses", "rota", "rotas", "coordinator", "lead",
    "worker", "workers", "practitioner", "practitioners", "educator", "trials", "trial", "doses", "dosing",
    "rounds"})


# Specialists whose title names an illness: the word is the job, unless someone's own.
_SPECIALISTS = frozenset({"oncologist", "oncologists", "haematologist", "haematologists"})


def _names_a_job(text: NormalText, hit: Hit) -> bool:
    """The hit is a job's or a service's name ("a stroke nurse"), not what someone has: the
    word after it is a job, team or service, and no "my" or "her" before it owns it ("my
    cancer nurse" tells of the writer's cancer)."""
    before = hit.first - 1
    owned = before >= 0 and text.tokens[before].norm in _POSSESSIVES
    if hit.first == hit.last and text.tokens[hit.first].norm in _SPECIALISTS:
        return not owned  # "radiation oncologist here" — but "my oncologist" tells of the writer's cancer
    after = hit.last + 1
    if after >= len(text.tokens) or text.tokens[after].norm not in _JOB_NOUNS:
        return False
    return not owned


# Illnesses counted as the cases of someone's work: "clinic was back-to-back strokes and
# seizures", "building surgery rotas, aneurysms, clots, the lot".
_CASE_NOUNS = frozenset({"strokes", "seizures", "fits", "clots", "aneurysms", "arrests", "abscesses",
                         "overdoses", "bleeds", "fractures", "tumours", "tumors", "cancers",
                         "infections", "attacks", "emergencies"})
_WORK_FRAMES = frozenset({"shift", "shifts", "rota", "rotas", "caseload", "triage", "job",
                          "calls", "registrar", "registrars", "paramedic", "paramedics",
                          "nurse", "nurses", "doctor", "doctors", "consultant", "locum", "dentist",
                          "dentists", "hygienist", "optician", "optometrist", "pharmacist"})
# A plural of cases right after one of these is work, not a body: "draining abscesses".
_WORK_VERBS = frozenset({"draining", "drain", "treating", "treat", "treats", "triaging", "triage",
                         "assessing", "managing", "about", "diagnosing", "reviewing"})
# Between the work and the cases, any of these makes the cases the writer's own ("nurse
# here, had two seizures on shift").
_LIVED = frozenset({"i", "my", "me", "mine", "myself", "had", "have", "having", "got", "get",
                    "getting", "suffered", "suffer", "suffering", "felt", "feel", "feeling",
                    "been", "am", "keep", "kept", "with", "diagnosed", "from", "since"})


def _cases_at_work(text: NormalText, hit: Hit) -> bool:
    """The hit is a plural of cases ("seizures") told after a word of clinical work ("clinic
    was…") with nothing between that makes them the writer's own."""
    if text.tokens[hit.last].norm not in _CASE_NOUNS:
        return False
    if hit.first > 0 and text.tokens[hit.first - 1].norm in _WORK_VERBS:
        return True  # "draining abscesses", "ask me anything about abscesses"
    start = _sentence_start(text, hit.first)
    for index in range(hit.first - 1, start - 1, -1):
        word = text.tokens[index].norm
        if word in _LIVED:
            return False
        if word in _WORK_FRAMES:
            return True
    return False


# Words that turn from one time to another inside a sentence: "years ago, but now…".
_TURNS = frozenset({"now", "today", "tonight", "currently", "meanwhile", "lately", "recently",
                    "these", "nowadays"})


# Looking back, a contrast also ends the stretch: "sprained it years ago and that's fine,
# but there is a hard red vein in my calf". Looking ahead it does not: "had flu last
# month but I'm fully better" says the flu is over.
_CONTRASTS = frozenset({"but", "however", "though", "although", "yet", "whereas"})


def _segment(text: NormalText, hit: Hit) -> str:
    """The hit's stretch of its sentence, between turns of time."""
    start, end = _sentence_start(text, hit.first), _sentence_end(text, hit.last)
    low = hit.first
    while low > start and (text.tokens[low - 1].norm not in _TURNS | _CONTRASTS | {":"}
                           or _anniversary_at(text, low - 1)) and not _present_clause_at(text, low):
        low -= 1
    if low > start and text.tokens[low - 1].norm != ":":
        low -= 1  # keep the turn word: "now my neck…" is ongoing
    high = hit.last
    while high < end and not _turns_at(text, high + 1) and not _aside_starts(text, high + 1) \
            and not _own_clause_starts(text, high + 1):
        high += 1
    return " ".join(t.norm for t in text.tokens[low:high + 1])


def _present_clause_at(text: NormalText, index: int) -> bool:
    """A clause in the present opens at `index` after a comma: "used sunbeds as a teen, there's
    a mole that's got darker" — the mole is now, whatever the clause before it dates."""
    tokens = text.tokens
    return (0 < index < len(tokens) - 1 and tokens[index - 1].norm == ","
            and tokens[index].norm == "there" and tokens[index + 1].norm in {"is", "are"})


def _anniversary_at(text: NormalText, index: int) -> bool:
    """The "today" of "15 years today since…": the day it is remembered, no turn of time."""
    tokens = text.tokens
    return (0 < index < len(tokens) - 1 and tokens[index].norm in {"today", "tonight"}
            and tokens[index - 1].norm in {"years", "decades", "year"}
            and tokens[index + 1].norm == "since")


def _turns_at(text: NormalText, index: int) -> bool:
    """A turn of time at `index` ("now my neck…"), not "now and then"."""
    if text.tokens[index].norm not in _TURNS:
        return False
    return not (text.tokens[index].norm == "now" and index + 2 < len(text.tokens)
                and text.tokens[index + 1].norm == "and"
                and text.tokens[index + 2].norm in {"then", "again"})


# A clause of its own about something the writer did or had: "crushing chest pain, in 2019
# I had a stent" — the year is the stent's, not the pain's ("…, in 2019 I", "… and I had").
# (only a clause that dates something else: a check told after a comma — "…, I went to A&E, CT
# fine" — still speaks of the finding)
_OWN_CLAUSE = Lazy(r"^(?:,|and|;) (?:and )?(?:(?:in|back in) (?:19|20)\d\d,? (?:i|we|he|she|my)\b"
                   r"|(?:i|we) (?:had|have had) (?:a|an|my) (?:\S+ ){0,3}?(?:in|back in) (?:19|20)\d\d\b)")


def _own_clause_starts(text: NormalText, index: int) -> bool:
    if text.tokens[index].norm not in {",", "and", ";"}:
        return False
    return bool(_OWN_CLAUSE.match(text.norm_of(index, min(index + 10, len(text.tokens) - 1))))


def _aside_starts(text: NormalText, index: int) -> bool:
    """A dash opening a new clause about someone: "…sick all morning — my mother-in-law, 80,
    had bowel surgery years ago" (that "years ago" is not the sickness's)."""
    return text.tokens[index].norm == "-" and index + 1 < len(text.tokens) \
        and text.tokens[index + 1].norm in {"my", "her", "his", "their", "our", "she", "he", "they"}


Over = Literal["long_ago", "resolved", "checked"]
# "never happened again", "fine ever since" say it is over; their "again" and "ever since"
# are not the ongoing ones.
_NEVER_AGAIN = Lazy(r"\b(?:never|not|has not|have not|had not|it has not|it never) "
                    r"(?:happened|had it|come back|came back|returned|recurred|been back)"
                    r"(?: \w+)? again\b"
                    r"|\bnever (?:came|come) back\b"
                    # "slowly improving, I can do the stairs again": recovery, not a return
                    r"|\bi can (?!not\b)(?:(?!not\b)\w+ ){0,4}?again\b"
                    # "pins and needles till the blood came back": the feeling's return ends it
                    r"|\b(?:till|until|when|once|then|and|as) (?:the |my |all the )?(?:blood|feeling|"
                    r"sensation|circulation) (?:came|comes|come|flowed|rushed) back\b"
                    # "fine ever since": its "ever since" says it is over, not going on
                    r"|\b(?:fine|good|ok|okay|no (?:problems?|trouble|issues?)) ever since\b")
# A doctor has looked and found nothing: a past episode that was checked no longer counts,
# even for rules where a sign that passed would ("felt like a heart attack; ECG normal").
_CHECKED = Lazy(r"\b(?:ecg|ekg|bloods|bloodwork|scan|scans|tests|test|x(?: - |-)?rays?|mri|ct|results?|"
                r"ultrasound|doppler) "
                r"(?:\S+ ){0,4}?(?:was|were|came back|all|is|are) (?:all )?"
                r"(?:normal|clear|fine|negative|ok|okay)\b"
                # "CT and bloods fine", "MRI all clear"
                r"|\b(?:ct|mri|scan|bloods|ecg|ekg|tests?|x-?rays?)(?: (?:and|\+|&|,) "
                r"(?:ct|mri|scan|bloods|ecg|ekg|tests?|x-?rays?|treadmill|echo|stress test)){0,4} (?:all )?"
                r"(?:fine|normal|clear)\b"
                r"|\b(?:looked into|investigated) (?:it|this|them)\b"
                r"|\b(?:checked|examined) (?:me |him |her )?(?:over |out )?"
                r"(?:thoroughly|fully|everything)\b"
                # "the doctor checked her over head to toe and said all fine", "the 111 nurse
                # talked it all through and said fine"
                r"|\b(?:checked|examined|looked at) (?:me|him|her|them) (?:over )?(?:\S+ ){0,5}?(?:and )?"
                r"(?:said|says) (?:all |she is |he is |it is |she was |he was |it was )?"
                r"(?:fine|ok|okay|normal|all fine|all good|well)\b"
                r"|\b(?:111|nurse|doctor|gp|a&e|out of hours) (?:\S+ ){0,8}?said "
                r"(?:(?:she|he|it|all|everything) (?:was |is )?)?"
                r"(?:fine|ok|okay|all fine|all good|normal|all clear)\b"
                r"(?!(?: ,)? (?:but|now|since|then|until|and now)\b)"
                r"|\b(?:ruled out|nothing (?:serious|wrong|found))\b"
                # "they did all the heart tests and it was reflux", "had a camera down, it's reflux",
                # "full workup, it was a panic attack"
                r"|\b(?:camera down|endoscopy|scope|tests?|heart tests|ecgs?|bloods|scans?|workup|work-up|"
                r"checks|checked|a&e|hospital) (?:\S+ ){0,8}?(?:it was|it is|turned out to be|"
                r"confirmed it is|confirmed it was|said it was|said it is) (?:just |only )?(?:a |an )?"
                r"(?:reflux|heartburn|indigestion|anxiety|panic attacks?|panic|muscular|pulled muscle|"
                r"costochondritis|virus|viral|gastritis|an ulcer)\b"

                # "scan afterwards showed nothing left"
                r"|\b(?:scan|x(?: - |-)?ray|tests?) (?:afterwards |after )?showed nothing\b"
                # "fine after an X-ray", "said it was my asthma", "was just a swollen gland"
                r"|\b(?:was|were|is|came out|came back) (?:fine|ok|okay|normal|clear) after "
                r"(?:an? |the )?(?:x(?: - |-)?rays?|scans?|ecg|tests?|mri|ct|check|checkup)\b"
                r"|\b(?:said|says|found|told me|showed|decided) (?:that )?"
                r"(?:it|this|(?<=gp said )(?:the|my) \w+|(?<=doctor said )(?:the|my) \w+) (?:was|is|'s) "
                r"(?:just |only |all |probably )?(?:my |a |an |the )?"
                r"(?:simple |small |little |tiny |harmless |benign |fluid |fluid-filled )*"
                r"(?:asthma|reflux|heartburn|indigestion|"
                r"menopause|perimenopause|hormonal|hormones|carrots|diet|dehydration|"
                r"anxiety|muscular|musculoskeletal|a muscle|a strain|a pulled muscle|a strained muscle|"
                r"a muscle strain|costochondritis|tight muscles|a tight muscle|muscle tightness|cramp|cramps|"
                r"bppv|the crystals|crystals|an inner ear thing|inner ear|labyrinthitis|vestibular|"
                r"a trapped nerve|stress|nothing|nothing serious|benign|a cyst|a swollen gland|a gland|"
                r"fatty lump|a lipoma|lipoma|"
                r"wind|gas|a virus|viral|overbreathing|hyperventilation|hyperventilating|panic|"
                r"panic attacks|a panic attack|mild carpal tunnel|carpal tunnel)\b"
                # (a diagnosis only a check gives — not "it's only a sprain", which anyone says)
                r"|\b(?:was|is|were|are) (?:just|only) (?:a |an )?(?:swollen gland|gland|cyst|fatty lump|"
                r"lipoma|swollen lymph node|lymph node)\b"
                # "they said costochondritis", "told costochondritis": the diagnosis alone
                r"|\b(?:said|told|diagnosed)(?: me| us| him| her)? (?:it was |it is |with )?"
                r"(?:costochondritis|a pulled muscle|a strained muscle|muscular|musculoskeletal)\b"
                # "chest pain that turned out to be gallstones": what a check found, a harmless cause
                r"|\bturned out (?:to be|it was) (?:just |only )?(?:my |a |an |the )?"
                r"(?:gall ?stones|gallbladder|gall bladder|reflux|heartburn|indigestion|anxiety|"
                r"a panic attack|panic attacks?|muscular|a pulled muscle|pulled muscle|a strain|strain|"
                r"costochondritis|wind|trapped wind|a virus|viral|a cyst|cyst|nothing|nothing serious|"
                r"a trapped nerve|trapped nerve|stress|hormonal|hormones|dehydration|cramp|a hiatus hernia|"
                r"hiatus hernia|gerd|gord|acid)\b"
                # (not a guess of the person's own, nor one followed by what is different now)
                r"(?! according to)(?![^.;]*\b(?:but|now|today|tonight|this time|again|back)\b)"
                # "they scanned it, no clot": the scan's answer told as what it did not find
                r"|\b(?:scanned|scan|ultrasound|doppler|tested|checked)\b(?: \S+){0,4}? "
                r"(?:no|not a|wasn't a|was not a) (?:clot|dvt|blood clot|fracture|break|bleed)\b")

# A guess is not a check: "my husband said it was indigestion", "Mum says it's just stress",
# "google says it's a cyst". A saying in `_CHECKED` counts only when no lay speaker is named
# just before it (a clinician, or "they" at the hospital, may have said it).
_LAY_SPEAKER_BEFORE = Lazy(r"\b(?:husband|hubby|wife|partner|mum|mom|mam|mother|dad|father|friend|"
                           r"mate|pal|sister|brother|boyfriend|girlfriend|bf|gf|son|daughter|nan|nana|"
                           r"gran|granny|grandma|grandad|granddad|grandpa|aunt|auntie|uncle|cousin|"
                           r"flatmate|housemate|roommate|colleague|coworker|boss|neighbour|neighbor|"
                           r"google|internet|chatgpt|forum|everyone|everybody|i|we|he|she)"
                           r"(?: (?!dr\b|doctor|gp\b|nurse|consultant)\S+){0,3} $")
_SAYINGS = ("said", "says", "told", "decided", "found")


def _checked(stretch: str) -> bool:
    for match in _CHECKED.finditer(stretch):
        if not (match.group(0).startswith(_SAYINGS) and _lay_speaker(stretch, match.start())):
            return True
    return False


# A "he" or "she" who says it is a clinician when one is named just before ("the physio, she
# said it was just a muscle"); otherwise the person talked about ("he says it's indigestion").
_CLINICIAN = Lazy(r"\b(?:gp|doctor|dr|physio|physiotherapist|nurse|consultant|specialist|a&e|a & e|"
                  r"a and e|a e|ae|hospital|paramedic|paramedics|osteopath|chiropractor|midwife|"
                  r"pharmacist|dentist|optician|optometrist|surgeon|radiographer|sonographer|"
                  r"cardiologist|neurologist|dermatologist|health visitor|vet)\b")


# A clinician named only as one refused or not seen ("he won't go to the GP", "won't let me take
# him to A&E"): no check was made.
_NO_CLINICIAN = Lazy(r"\b(?:will not|won't|wont|refuses|refused|refusing|does not want|doesn't want|"
                     r"not going|never been|has not been|hasn't been|not seen|no(?! need)|without|"
                     r"scared of)\b"
                     r"(?:\s+\S+){0,5}?\s+(?:gp|doctor|dr|a&e|a e|ae|hospital|111|999|an ambulance)\b"
                     # "no A&E needed", "no need for 999": a clinician's reassurance, not a refusal
                     r"(?!(?:\s+\S+)?\s+(?:needed|required|necessary|or anything))")


def _lay_speaker(stretch: str, at: int) -> bool:
    """Whether the saying at `at` is a lay person's guess, not a clinician's answer."""
    found = _LAY_SPEAKER_BEFORE.search(stretch, max(0, at - 60), at)
    if found is not None and found.group(0).split()[0] not in ("he", "she"):
        return True  # "my husband said…", "google says…"
    if found is None and not stretch.startswith("says", at):
        return False  # "said it was muscular" after a visit: the clinician's
    # "he says it's indigestion", "…into his jaw, says it's just wind": the person talked
    # about, unless a clinician is named near it (and not only as one refused)
    around = stretch[max(0, at - 120):min(len(stretch), at + 80)]
    # (a clinician refused anywhere near makes it a lay guess: "he won't go to the GP, says
    # it's wind", "…refuses to see a doctor, his sister's a nurse")
    return not _CLINICIAN.search(around) or bool(_NO_CLINICIAN.search(around))


# A finding asked about rather than had: "what should I do if I ever get chest pain", "is it
# safe if someone had a clot once", "for my exam I need to list fever, DVT…", "massaging
# someone with a DVT — which signs matter?". The marker stands before the finding in its
# sentence; "if I lie down my chest hurts" (a trigger, not a supposition) is not one.
_HYPOTHETICAL = Lazy(
    r"\bif (?:\w+ ){0,4}?ever\b"
    r"|\bif (?:someone|somebody|anyone|a client|clients|a person|people|a patient|patients|you|"
    r"a friend|my friend|a mate|my mate) "
    r"(?:\w+ )?(?:had|has|have|gets|got|get|typed|types|says|said|were|was|is|are|came|comes|"
    r"presented|presents)\b"
    # one case of two: "what to do if someone collapses or has a stroke"
    r"|\bif (?:someone|somebody|anyone|a client|a person|people|a patient|you) \w+ (?:or|and) "
    r"(?:had|has|have|gets|got|get|is|are|was|were)\b"
    # what a course teaches for anyone: "the recovery position for someone who's fainted"
    r"|\b(?:recovery position|first aid|cpr|what to do|how to help) for (?:someone|somebody|anyone|"
    r"a person|people|a casualty|a patient)\b"
    r"|\bhypothetical(?:ly)?\b|\bin theory\b|\btheoretically\b"
    # "is it true a heart attack can show up as jaw pain?"; "massage will give me a blood clot"
    r"|\bis it true (?:that )?(?:a |an |you |people |someone |massage )"
    r"|\b(?:will|would|could|might|can|may) (?:give|cause) (?:me |you |him |her |them |people |someone )?"
    r"(?:a |an )?(?=\w)"
    r"|\bfor (?:my|an|a|the|our) (?:\w+ ){0,3}?(?:exam|exams|osce|osces|viva|essay|assignment|class|"
    r"course|module|quiz|revision|dissertation|project|homework|coursework|lecture|presentation|workshop|"
    r"portfolio)\b"
    # "what would you do if your calf cramped", "if your leg swells", an exam's question
    r"|\bwhat (?:would|should|do|does|can|could) (?:you|i|one|someone|people) do if\b|\bif your\b"
    r"|\bexam question\b|\bquiz question\b|\bcase study\b|\brevision question\b"
    r"|\bpractice (?:q|qs|question|questions)\b"
    r"|\blist (?:the |\d+ |two |three |four |five |some |all the )?"
    r"(?:common |main |key |usual |early |warning )?(?:signs|symptoms|red flags) (?:of|for)\b"
    r"|\bwhat (?:are|would be) (?:the )?(?:(?:warning|early|main|first|usual) )?"
    r"(?:signs|symptoms|red flags)\b"
    # "can you remind me what the warning signs of cauda equina are"
    r"|\b(?:tell me|explain|remind me of) (?:about )?(?:the )?(?:common |main |key |usual |early |warning )?"
    r"(?:signs|symptoms|red flags) (?:of|for)\b"
    r"|\b(?:remind me|tell me|explain|list|recall|know) what (?:the )?"
    r"(?:(?:warning|early|main|first|usual|key) )?(?:signs|symptoms|red flags)\b"
    # a question of a course: "why do you ask about saddle numbness?", "question from my module",
    # "what counts as a contraindication with DVT?"
    r"|\bwhat counts as\b|\bwhat (?:is|are) (?:a |the )?contraindications? (?:for|with|of)\b"
    r"|\bwhy (?:do|would|does|did) (?:you|they|we|doctors|nurses|physios|people) (?:ask|check|test|"
    r"screen) (?:about|for)\b"
    r"|\bquestion (?:from|for|on) (?:(?:my|our|the|a) )?(?:\w+ ){0,2}?(?:module|course|exam|class|lecture|"
    r"assignment|placement|training)\b"

    r"|\bwhat to (?:watch|look) (?:out )?for\b"
    # a question of what one is like: "a friend asked me what a stroke feels like"
    r"|\b(?:asked|asking|asks|wondered|wondering|wonder|curious) (?:me |us |him |her |them )?"
    r"what (?:a|an) (?=(?:\S+ ){0,2}\S+$)"  # (the finding itself next: "what a stroke")
    # what may happen: "go to A&E if the pain gets worse", "if it isn't better in a week"
    r"|\bif (?:\w+ ){0,4}?(?:gets|get|becomes|goes|starts getting) worse\b"
    r"|\bif (?:\w+ ){0,4}?(?:is not|are not|has not|have not|not|no) (?:got |gotten |getting )?better\b"
    r"|\bwhich of (?:these|the following)\b|\btrue or false\b|\bmultiple choice\b"
    # a fear of what has not happened: "terrified of ever finding a lump"
    r"|\b(?:scared|terrified|afraid|frightened|worried|paranoid) (?:of|about) ever "
    r"(?:finding|getting|having|developing)\b"

    r"|\b(?:someone|somebody|anyone|a client|clients|a person|people|a patient|patients) "
    r"(?:with|who has|who have|who had|that has|that had)\b")
# Asked to be told the signs: what follows the topic is someone's now when it tells a person
# or a state ("list the signs of meningitis please, my daughter has a rash that doesn't fade").
_ASKED_TO_TELL = ("remind me", "tell me", "explain", "list", "recall", "know")
_TOLD_AFTER_THE_TOPIC = frozenset({"because", "cos", "coz", "cause", "since", "my", "i", "he", "she",
                                   "we", "has", "have", "got", "his", "her"})
_QUESTION_OPENS = frozenset({"is", "are", "does", "do", "can", "could", "what", "how", "which",
                             "would", "should", "will", "why", "when", "like", "such", "eg", "ie"})


def _told_after_the_topic(words: list[str], studying: bool = False) -> bool:
    """After the topic of signs asked for, a person, a state or a clause of its own that is not a
    question: "…, grandad is mottled", "… - baby is floppy", "… as grandad is slurring" (not
    "…, is numbness one of them?", nor signs listed as a question: "…: chest pain, arm pain,
    sweating?", "…, like a rash that doesn't fade", "…, wheezing, what else")."""
    if any(word in _TOLD_AFTER_THE_TOPIC or word in PEOPLE for word in words):
        return True
    if studying:
        return False  # "for my exam I need to list the red flags of cauda equina: saddle numbness…"
    asking = words[-1:] == ["?"] or any(words[i:i + 2] in (["what", "else"], ["something", "else"],
                                                            ["anything", "else"])
                                         for i in range(len(words) - 1))
    for index, word in enumerate(words[:-1]):
        if word in {",", "-", ":", ";"} and words[index + 1] not in _QUESTION_OPENS:
            return not asking
    return False


# A topic learnt, in a text that speaks of study: "revising the signs of sepsis for my exam",
# "student… we did a session today on postnatal headaches". The finding after it is the topic,
# whatever day it was taught, unless a person or a state is told between them, someone is having
# it now, or the session is where something happened — see `_learnt_topic`.
_LEARNT_TOPIC = Lazy(r"\b(?:revising|studying|learning about|learnt about|learned about|taught us) "
                     r"(?:\w+ ){0,2}?(?:signs|symptoms|red flags|causes)\b"
                     # "GP trainee revising sepsis red flags", "an essay on postoperative sepsis"
                     r"|\brevising (?!for\b)"
                     r"|\b(?:essay|assignment|dissertation|presentation|poster|case study) (?:on|about) "
                     # "we're studying bowel obstruction in paramedic school"
                     r"|\b(?:we are|we're|i am|i'm|been) (?:studying|revising|learning about|covering) "
                     # "physio student on placement - revising foot drop from…"
                     r"|\b(?:student|placement|diploma|course|module) (?:\S+ ){0,4}?(?:revising|studying) "
                     r"|\b(?:lecture|seminar|webinar|workshop|study day|cpd|module|teaching session|"
                     r"session)(?: today| this morning| yesterday)? (?:on|about) "
                     r"(?!(?:the|a|an|my|his|her|our|their|your|monday|tuesday|tues|wednesday|weds|"
                     r"thursday|thurs|friday|saturday|sunday|\d+)\b)")
_STUDY_CONTEXT = Lazy(r"\b(?:student|students|(?<!of )course|cpd|exam|exams|finals|module|lecture|"
                      r"uni|university|college|revising|revision|nursing(?! home)|midwifery|"
                      r"studying|placement|assignment|essay|seminar|study day|webinar|"
                      r"teaching session|training session)\b")
# What a session teaches, when the finding is not named as its topic itself: "a lecture on
# stroke today: face drooping…" (a webinar on pensions teaches no chest pain).
_A_MEDICAL_TOPIC = Lazy(r"\b(?:postoperative|post-operative|surgical|neonatal|"
                        r"stroke|strokes|sepsis|cardiology|cardiac|heart|meningitis|dvt|clots?|"
                        r"cancer|red flags?|signs|symptoms|emergenc\w*|first aid|resus\w*|cpr|"
                        r"neuro\w*|pregnancy|maternity|obstetric\w*|paediatric\w*|pediatric\w*|"
                        r"mental health|asthma|diabetes|cauda|spinal|spine|head injur\w*|"
                        r"concussion|dementia|postnatal|postpartum|pre eclampsia|pre-eclampsia|"
                        r"eclampsia|headaches?|migraines?|fractures?|bleeding|haemorrhage|"
                        r"contraindications?|pathology|anatomy|physiology|medicine|medical|clinical|"
                        r"nursing|midwifery|sexual health|infection|infections|fever|respiratory|"
                        r"breathing|chest|abdominal|pain|disease|diseases|disorders?|syndromes?|"
                        r"dka|ketoacidosis|hypos?|hypoglyc\w*|hyperglyc\w*|hyperemesis|sugars?|insulin|"
                        r"kidney|renal|liver|hepat\w*|lungs?|copd|epilep\w*|seizures?|fits|overdoses?|"
                        r"brain|neurology|nervous system|blood supply|circulation|vascular|"
                        r"poisoning|wounds?|trauma|shock|allerg\w*|anaphyla\w*)\b")
# A session on a medical word's business side teaches no signs: "a webinar on insulin pricing".
_NOT_CLINICAL = Lazy(r"\b(?:pricing|prices?|billing|sales|marketing|software|budgets?|procurement|"
                     r"pensions?)\b")
_TOPIC_GLUE = frozenset({"of", "a", "an", "the", "on", "about", "for", ",", ":", "-", "and", "in"})
# A study session as the place or time of an event: "came out of a lecture on…", "sat in a
# lecture on cardiology, crushing chest pain" — what follows happened, it is not the topic.
_AN_EVENT_BEFORE = Lazy(r"\b(?:(?:came|come|coming|walked|walking|got) out of|sat in|sitting in|"
                        r"sat through|sitting through|during|after|in the middle of|"
                        r"(?:came|come|coming)(?: straight)? from|"
                        r"attending|attended|at)"
                        r"(?: (?:a|an|the|my|our|this|that))?\s*$")
_HAPPENING_TO_SOMEONE = Lazy(r"\b(?:right now|is having|are having|am having|has this|have this|"
                             r"has these|have these|has both|has all|got this|got these|having this|"
                             r"having it now|has it now|is like this|are like this|looks like this|"
                             r"is doing this|like this now|not answering|not responding|unresponsive|"
                             r"can not wake|minutes now|for ages now|still fitting|is fitting|"
                             r"came on (?:suddenly|all of a sudden|out of nowhere|just now|while|during|"
                             r"in|at|after|on the way)(?! i was (?:half )?asleep)|"
                             r"just started|sweating buckets|dripping with sweat|i am sweating|"
                             r"(?:going|gone|went) (?:into|up) my (?:\w+ )?(?:jaw|neck|arm)"
                             r"(?! is| are| means)|"
                             r"halfway through|half way through|in the middle of it|at the end|in the break|"
                             r"during the break|on the way home|in the car|(?:going|gone|went) down my|"
                             r"hit me (?:like|suddenly|out of nowhere)|"
                             r"can (?:barely|hardly) (?:stand|walk|breathe|talk|speak|see|move|lift|swallow)|"
                             r"fell (?:off|over|down|and)|crashed (?:my|the|into|off|his|her)|"
                             # the writer in it now: "what do I do", "feel sick and sweaty", "help"
                             r"what (?:do|should) (?:i|we) do(?! if| when)|"
                             r"help me(?! (?:remember|revise|learn|understand|study|with))|"
                             r"please help(?! me (?:remember|revise|learn|understand|study))|i feel sick|"
                             r"feel sick(?! (?:just )?(?:thinking|reading|looking))|"
                             r"i am clammy|i feel clammy|"
                             r"(?:started|came on|began) (?:about |around )?(?:\d+|a few|ten|five|twenty|"
                             r"thirty) minutes ago|(?:started|came on|began) (?:about |around )?an hour ago|"
                             r"(?<!at it )(?<!revising )(?<!studying )since (?:\d+|lunch|this morning|"
                             r"breakfast|an hour|ten minutes)|(?:spreading|spreads|radiating|shooting) "
                             r"(?:to|into|down|up) my|now spreading|"
                             r"(?:is|s) not breathing|isnt breathing|stopped breathing|"
                             r"(?:is|s) not responding|isnt responding|not responding)\b"
                             r"|\b(?:minutes|an hour) ago"
                             r"(?! (?:the|our|my) (?:lecturer|teacher|tutor|trainer|speaker))"
                             # "…, crushing chest pain down left arm, help": the last word a cry
                             r"|(?<!for )(?<!to )(?<!call )(?<!get )\bhelp(?: please| pls| plz)?(?= [,.!?]|$)"
                             # someone there, doing it: "colleague fitting for 6 minutes"
                             r"|\b(?:colleague|flatmate|friend|mate|partner|husband|wife|mum|dad|son|"
                             r"daughter|someone|somebody|man|woman|lady|guy|he|she) (?:is |has been |s )?"
                             r"(?:fitting|seizing|collapsed|on the floor|not breathing|unconscious)\b"
                             # after the session: "shaky, sweaty and confused after"
                             r"|\b(?:confused|shaky|sweaty|dizzy|faint|sick|wobbly|woozy|unwell|poorly|"
                             r"funny|weird|odd) after(?:wards)?(?= ,| and\b|$)")
# Someone there, in the session or after it, to whom it happened: "a man at the back
# collapsed", "our trainer collapsed", "lad went down".
_SOMEONE_THERE = Lazy(r"\b(?:a|the|our|my|one) (?:man|woman|lady|guy|lad|girl|boy|trainer|instructor|"
                      r"coach|teacher|lecturer|tutor|colleague|student|delegate|member|player|mate|"
                      r"participant|attendee) (?:\S+ ){0,4}?(?:collapsed|went down|dropped to the floor|"
                      r"dropped (?=and |, )|"
                      r"dropped down|fell (?:down|over|to the floor)|is fitting|"
                      r"started fitting|stopped breathing|is not breathing|isnt breathing|turned blue|"
                      r"went blue)\b"
                      r"|\b(?:lad|he|she|someone|somebody) (?:just )?"
                      r"(?:collapsed|went down|dropped to the floor)\b")
_WRITER_TELLS = Lazy(r"\b(?:i have got|i have a|i have had|i think i have|i feel|i am feeling|"
                     r"i am having|now i have|and now my|my own)\b"
                     # "revising for my exam and suddenly my chest went tight": it happened
                     # ("…for my exams and suddenly crushing chest pain": the same, told bare)
                     r"|\b(?:and|then|when|but) (?:suddenly|all of a sudden|out of nowhere|now)\b")
# Someone named as having it now: "my dad's face has dropped", "I've lost 2 stone" — not "a
# client has chest pain" or "if my client's face droops", which are the question's cases.
_PEOPLE_WORDS = "|".join(sorted(PEOPLE))
_NAMED_NOW = Lazy(r"\b(?:my|our|his|her) (?:\w+ )?(?:" + _PEOPLE_WORDS + r")\b"
                  r"|\b(?:hubby|he|she|they) (?:is|has|had|was|can not|cannot|just|keeps)\b"
                  r"|\bi (?:have|am|had|have got|have lost|have been)\b")
# A course's "for someone" and whom it is really about: "…, it's my wife".
_A_COURSE_FOR_ANYONE = ("recovery position", "first aid", "cpr", "what to do", "how to help")
_TOLD_AFTER_A_QUESTION = Lazy(
    r" (?:,|and|but|because|cos|as|like) (?:and |but |now )?(?:"
    r"(?:my|our|his|her) (?!(?:\w+ )?(?:always|usually|often|sometimes|never)\b)(?:\w+ )?\w+ "
    r"(?!(?:is|are) (?:scared|worried|nervous|afraid|thinking|asking|a|an|the|doing|flying|"
    r"planning)\b)"
    r"(?!keeps joking)(?:is|are|has|have|feels|looks|went|keeps|got|took|swallowed|collapsed|fainted)\b"
    r"|(?:i am|im) (?:\w+ )?(?:breathless|dizzy|numb|bleeding|sick|in agony|in pain|sweating|clammy|"
    r"struggling|coughing|vomiting|being sick|passing out|fainting)\b"
    r"|i (?:can not|cannot|cant) (?:feel|breathe|move|see|walk|stand)\b"
    r"|i have (?:got )?(?:a |an )?(?:\w+ ){0,2}(?:pain|lump|swelling|rash|numbness|bleed|calf|chest)\b"
    r"|ive got\b|i have got\b|(?:he|she|they) (?:woke|went|came|started|collapsed|fell)\b"
    r"|(?:he|she|they) (?:is|s|are) (?:\w+ )?(?:breathless|confused|slurring|drooping|unconscious|"
    r"not breathing|bleeding|sick|vomiting|fitting|collapsed|grey|gray|blue|clammy|sweating|in pain|"
    r"in agony|floppy|mottled|drowsy|pale|sweaty|wheezing|gasping|swelling|swollen|not making sense|"
    r"being sick)\b"
    r"|(?:he|she) (?:has|s) (?:got )?(?:a |been |this )"
    r"|(?:he|she|they) (?:took|has taken|swallowed|just|can not|cannot)\b"
    r"|i feel (?:\w+ )?(?:sick|faint|dizzy|awful|terrible|dreadful|rough)\b|i feel like i am"
    r"|it is (?:\w+ )?(?:bad|crushing|worse)\b)")
_UNSURE_WHICH = Lazy(r"\b(?:know|tell|sure|idea|unsure|idk|dunno|wondering|wonder|checking|see)\s*$")
_IT_IS_MY_PERSON = Lazy(r"\b(?:it is|its|it's) (?:my|our) (?:\w+ )?(?:" + _PEOPLE_WORDS + r")\b")
# (the first of `_NAMED_NOW`'s readings alone: a person named, whatever follows)
_A_PERSON_NAMED = Lazy(r"\b(?:my|our|his|her) (?:\w+ )?(?:" + _PEOPLE_WORDS + r")\b")
_TAUGHT_ME = Lazy(r"\b(?:taught|told|showed|shown) (?:me|us)\b")
_A_CASE_SUPPOSED = Lazy(r"\bif\b|\bwhen (?:a|an|someone|somebody|your|a client|clients|my|his|her)\b")
# Study words a topic's sentence may carry without telling a person: "for my exam next week".
_STUDY_POSSESSED = Lazy(r"\b(?:my|our) (?:exam|exams|finals|course|module|notes|essay|assignment|"
                        r"revision|class|lecture|placement|cpd|portfolio|job|work|role|team)\b")
_TOLD_IN_THE_TOPIC = frozenset({"i", "me", "myself", "my", "own", "she", "he", "we", "they", "him",
                                "her", "his", "has", "have", "had", "got", "feel", "feeling",
                                "think", "now", "then", "but", "honestly", "actually"})
# "a lecture on trauma today and sudden crushing chest pain": an event told after the topic
_THEN_SUDDEN = Lazy(r"\b(?:and|then|now|but|when) (?:a |an |this |the )?sudden(?:ly)?\b")


def _learnt_topic(text: NormalText, hit: Hit, start: int, before: str) -> bool:
    """The finding is a topic learnt: named after a study marker, in a text about study, with
    nothing between the marker and it telling a person or a state."""
    if not _STUDY_CONTEXT.search(text.norm):
        return False
    found = None
    reading = before + " " + " ".join(t.norm for t in text.tokens[hit.first:hit.last + 1])
    for match in _LEARNT_TOPIC.finditer(reading):
        if match.start() < len(before):
            found = match  # (a marker that begins before the finding: "a session on sepsis")
    if found is None:
        return False
    if _AN_EVENT_BEFORE.search(before[:found.start()]):
        return False  # "came out of a lecture on cardiology with crushing chest pain": then, now
    # Only the words between the marker and the finding: what the sentence says after the
    # finding ("…, my shoulders are tight from the chairs") is told of the writer, not of it.
    between = _STUDY_POSSESSED.sub(" ", before[found.end():])
    topic = [word for word in between.split() if word not in _TOPIC_GLUE]
    if topic and (not _A_MEDICAL_TOPIC.search(between) or _NOT_CLINICAL.search(between)):
        return False  # "a webinar on pensions at work, crushing chest pain": not what was taught
    # (read past a dash or a colon, which may end the sentence: "… - my dad is having this now",
    # but not past a full stop: "…fast breathing. Right now my shoulders ache")
    words = []
    for token in text.tokens[hit.last + 1:hit.last + 25]:
        if token.norm in {".", "!", "?"}:
            break
        words.append(token.norm)
    after = " ".join(words)
    if _HAPPENING_TO_SOMEONE.search(after):
        return False  # "…crushing chest pain, sweating - my dad is having this right now"
    finding = " ".join(t.norm for t in text.tokens[hit.first:hit.last + 1])
    if _THEN_SUDDEN.search(between + " " + finding):
        return False  # "…on trauma today and sudden crushing chest pain"
    if _SOMEONE_THERE.search(between + " " + finding + " " + after):
        return False  # "a training session on heart attacks, a man at the back collapsed"
    return not any(word in _TOLD_IN_THE_TOPIC for word in between.split()) \
        and not _real_after_all(text, start)


# A dream told: "I dreamt last night that my arm went numb". What follows the marker in its
# clause was dreamt, whenever the dream was (see `_WOKE` for what ends it).
_DREAMT = Lazy(r"\b(?:dreamt|dreamed|dreaming that|keep dreaming|had a (?:dream|nightmare)|"
               r"in (?:my|the|a|that) "
               r"(?:dream|nightmare))\b")
# Waking, anything that brings the sentence back to the present ("still", "now", "then"), or a
# clause break ends the dream: "had a nightmare, crushing chest pain down my arm" is real. So
# does a clause told in the present after "and" ("had a nightmare and my face is drooping").
# What follows "dreamt (that)…" in one clause stays a dream ("dreaming that my face is
# drooping"); a dream told on past a comma is read as real, on the safe side.
_WOKE = Lazy(r"\b(?:woke|woken|waking|wake|awake|when i got up|real|really|for real|actually|now|"
             r"today|tonight|this morning|this afternoon|this evening|anyway|lol|haha|since|"
             r"currently|at the moment|but|though|although|however|still|then)\b| [,;:-] ")
_NEW_CLAUSE_NOW = Lazy(r"(?: [,;:-]| and) (?:\S+ )*?(?:is|are|am|has|have|keeps|keep)\b")
# …unless the same sentence brings it into the present: "if I ever get this again — like now".
_NOW = Lazy(r"\b(?:right now|now|currently|at the moment|today|tonight|this morning|again|ago|"
           r"all day|all week|all morning|all afternoon|"
           r"started|since|for the (?:last|past)|for an? (?:hour|few|couple)|yesterday|last night|"
           r"this (?:evening|afternoon))\b")
_PRACTISING_ON = Lazy(r"\bpracti[sc](?:e|es|ed|ing) on\b|\bsetting up\b|\bhome care\b|\bbooked (?:in )?\b"
                      r"|\bi am seeing\b|\bcoming in\b|\bcomes in\b")


# A saying talked about, the finding inside it: "is the 'worst headache of your life' thing real?"
_A_SAYING = Lazy(r"\b(?:is|is not|are) (?:the|that|this|these) (?=(?:\w+ ){0,6}?your\b)(?:\w+ ){1,8}?"
                 r"(?:thing|phrase|saying|myth|line|cliche)\b(?! (?:to|worth|i|that i|we))")


# Said after a supposition, these make it the writer's own after all: "Hypothetically. Like
# mine about an hour ago.", "(someone = me)", "because I do", "my flatmate's got exactly that
# right now". ("a friend of mine" is not one.)
_REAL_AFTER_ALL = Lazy(r"\b(?:just |exactly )?like mine\b|\bsame as mine\b"
                       r"|\bmine (?:is|was|did|has|about|right now|now|exactly|this morning|today|"
                       r"started|came on)\b|\b(?:this|that|it) is (?:actually |really )?me\b"
                       r"|\bsomeone (?:is )?me\b|\b(?:the )?(?:friend|mate) (?:is|being) me\b"
                       r"|\basking for myself\b|\bi do have (?:one|it|that|this|them)\b"
                       r"|\b(?:because|cos|coz|cause|bc|and|which) i do\b"
                       r"|\bi have got (?:one|it|that|this)\b|\bhappening to me\b"
                       r"|\b(?:got|has|have) (?:got )?exactly that\b"
                       # "asking for a friend", as people say when it is them
                       r"|\basking for a (?:friend|mate|pal)\b"
                       r"|\b(?:it|this|that) (?:is|has been|has|was|had been|is been) (?:like (?:this|that)|"
                       r"going on|happening|there) (?:for|since)\b"
                       r"|\bit (?:hit|came on|started|began|struck) (?:me )?\b")
# A sentence soon after that opens by putting it in time is a reveal too: "Since yesterday.",
# "Two weeks now." (not "Right now it's just a tight back", nor "For now: sore thighs").
_TIME_REVEAL = Lazy(r"^(?:and |but |it |it (?:was|started|came on) |started |began )?"
                    r"(?:since (?:yesterday|last night|this morning|monday|tuesday|wednesday|thursday|"
                    r"friday|saturday|sunday|the weekend|\w+ ago)"
                    r"|(?:about |around |like )?(?:an?|one|two|three|four|five|six|\d+) "
                    r"(?:hours?|days?|weeks?|minutes?) (?:ago|now)"
                    r"|this morning|last night|yesterday)\b")
# "Worst headache of my life — this spreadsheet. Kidding, …": taken back in the next breath.
# ("Kidding, it's the normal end-of-day tension thing": the joke said, then what it really is —
# not "joking aside", "kidding, mostly", "joking, but not really", which mean it.)
_TAKEN_BACK = Lazy(r"^(?:i am |i'm |im )?(?:only |just )?(?:kidding|joking) , "
                   r"(?:it is|it's|its|that is|this is|it was|really it is|really it's|honestly it is) "
                   r"(?:just |only |actually |really )?(?:the |my |a )?(?:normal|usual|ordinary|regular|"
                   r"same old|everyday|end-of-day|end of day|tension|stress)\b")
_NOT_TAKEN_BACK = Lazy(r"\b(?:aside|apart|but|not really|mostly|sort of|kind of|half|partly|maybe|"
                       r"or am i|or not|scared|worried|help)\b")
# Words of a crisis are never taken back by a joke: "got the rope ready… jk… mostly".
_CRISIS_WORDS = Lazy(r"\b(?:rope|noose|end it|kill me|kill myself|suicid\w*|overdose\w*|self-harm\w*|"
                     r"self harm\w*|die|dying|dead|pills|tablets|meds|swallowed|packet|stockpil\w*|"
                     r"saved up|will|notes|letters|goodbye|jump|bridge|cut|cutting|not be here|"
                     r"better off without)\b")


def _real_after_all(text: NormalText, start: int) -> bool:
    """A reveal in the sentence from `start`, or in the next three sentences."""
    if _REAL_AFTER_ALL.search(text.norm_of(start, text.sentences[1][start])):
        return True
    sentence = text.next_sentence(start)
    for _ in range(3):
        if sentence is None:
            return False
        words = text.norm_of(*sentence)
        if _REAL_AFTER_ALL.search(words) or _TIME_REVEAL.match(words):
            return True
        sentence = text.next_sentence(sentence[0])
    return False


def _taken_back(text: NormalText, hit: Hit) -> bool:
    start, end = _sentence_start(text, hit.first), text.sentences[1][hit.last]
    if _CRISIS_WORDS.search(text.norm_of(start, end)):
        return False
    following = text.next_sentence(hit.last)
    if following is None:
        return False
    words = text.norm_of(*following)
    return bool(_TAKEN_BACK.match(words)) and not _NOT_TAKEN_BACK.search(words)


def _within_a_saying(text: NormalText, hit: Hit, start: int) -> bool:
    words = [t.norm for t in text.tokens[start:_sentence_end(text, hit.last) + 1]]
    first, last = hit.first - start, hit.last - start
    line = " ".join(words)
    for match in _A_SAYING.finditer(line):
        low = len(line[:match.start()].split())
        high = low + len(match.group(0).split()) - 1
        if low < first and last < high:
            return True
    return False


# A story or a lesson told: "a film where someone's appendix bursts", "quizzing myself on
# cauda equina". What follows the marker in its clause is the story's, whenever it was
# watched; a clause after it ("…, and now my face is drooping") is real.
_IN_A_STORY = Lazy(r"\b(?:a|an|the|this|that) (?:\w+ )?(?:novel|film|movie|book|show|series|episode|scene|"
                   r"play|documentary|podcast|story|soap|drama|thriller|script|screenplay|sitcom|video game|"
                   r"computer game|strategy game|board game|online game) "
                   # ("a film she watched where…": who watched it, then the story)
                   r"(?:(?:i|we|she|he|they) (?:watched|saw|read|heard|listened to|is writing|am writing) )?"
                   # ("a documentary with the grandparents about…": who watched it, then the story)
                   r"(?:with (?:a|the|my|our|his|her) (?:\S+ ){0,2}?)?(?:where|in which|about)\b"
                   # (not the writer's own: "a weird episode where I couldn't speak"; nor a time:
                   # "the cup game about half an hour back")
                   r"(?! (?:i|me|we)\b)(?! (?:half|an?|\d+|one|two|three|four|five|ten|twenty|thirty|"
                   r"forty) (?:\S+ )?(?:hour|hours|min|mins|minute|minutes|seconds|ago|back)\b)"
                   r"|\bin (?:a|the|this|that) (?:novel|film|movie|book|show|series|episode|scene|play|"
                   r"documentary|soap|drama)\b"
                   r"|\b(?:quizzing|testing) (?:myself|me|each other) on\b"
                   r"|\bpodcast (?:on|about)\b"
                   # "reading an Everest book, chapter after chapter of frostbite"
                   r"|\bchapter after chapter (?:of|about|on|where)\b"
                   r"|\b(?:reading|revising|read) (?:the|a|this) chapter (?:about|on)\b"
                   # "saw a poster at the GP about circulation and blood clots"
                   r"|\b(?:a|an|the) (?:poster|leaflet|advert|article) (?:\S+ ){0,4}?(?:about|on)\b"
                   # "my character spent the whole raid bleeding out": a game's
                   r"|\b(?:my|his|her|their) (?:character|avatar|sim|toon|guy in the game|detective|"
                   r"protagonist|main character|narrator)\b"
                   # "watched Grey's last night where a surgeon has a stroke"
                   # (a programme watched, told as past: not "watching tv in the lounge where gran
                   # sits and she's suddenly slurring", which is now)
                   r"|\b(?:watched|binged|streamed) (?:\S+ ){1,4}?(?:last night|yesterday|earlier|"
                   r"at the weekend|the other night|on (?:monday|tuesday|wednesday|thursday|friday|"
                   r"saturday|sunday)) (?:where|in which)\b")
# A story's own present tense after "and she…": "…the heroine gets sepsis and she starts shaking".
_STORY_VERBS = ("(?:starts|gets|finds|dies|falls|goes|does|takes|becomes|comes|turns|ends|wakes|sees|"
                "needs|collapses|faints|tries|screams|cries|shouts|runs|calls|drowns|go)")
_CLAUSE_BREAK = Lazy(r" [,;:-] | (?:and|but|so|then) (?:yes |now )?"
                     r"(?:now|today|since|i|my|it|suddenly|then)\b"
                     # "read an article about heart attacks and got crushing chest pain"
                     r"| and (?:i )?(?:got|felt|started|had) (?:\w+ ){0,2}?"
                     r"(?:a|this|crushing|sharp|chest|pain|my|bad|terrible)\b"
                     # ("…and she collapsed", "…when his lips went blue": what happened; not the
                     # story's present, "…where the heroine gets sepsis and she starts shaking")
                     r"| (?:and|but|so|then) (?:then )?(?:he|she|they|we) "
                     r"(?!" + _STORY_VERBS + r"\b)\w"
                     r"| (?:and|but|so|then|when) (?:his|her|their) \w+ (?:went|was|were|has|have|had|is|are|"
                     r"turned|started|dropped|stopped|got)\b"
                     r"| (?:while|whilst) (?:my|i|me|the|a)\b| with (?:my|i|me)\b"
                     # ("…watching a film about a plane crash with a crushing pain in my chest")
                     r"| with (?:a|this) (?:\w+ ){0,2}?(?:pain|ache|headache|tightness|pressure) "
                     r"(?:in|across|down) my\b"
                     r"| when (?:my|i|me|the|a|suddenly)\b"
                     r"| when (?:he|she|they|we) (?!get\b|" + _STORY_VERBS + r"\b)\w")


def _in_a_story(text: NormalText, hit: Hit, start: int) -> bool:
    before = _words_joined(text, start, hit.first - 1) if hit.first > start else ""
    marker = next(reversed(list(_IN_A_STORY.finditer(before))), None)  # the last one told
    if marker is None:
        return False
    between = " " + (before[marker.end():] + " " + _words_joined(text, hit.first, hit.last)).strip() + " "
    told = " " + marker.group(0).split()[-1] + between
    breaks = list(_CLAUSE_BREAK.finditer(between))
    listing = False
    for number, found in enumerate(breaks):
        words = found.group(0).split()
        upto = found.start() + len(told) - len(between) + 1  # (the story told up to the break)
        if words == [","]:
            # "a thriller where my detective gets meningitis, rash, stiff neck": the story's
            # list of signs goes on past its commas while each item is bare
            ends = breaks[number + 1].start() if number + 1 < len(breaks) else len(between)
            item = between[found.end():ends].split()
            opens = listing or (_A_LIST_OPENS.search(told, 0, upto) is not None
                                and _A_STORY_TOLD.search(before) is not None
                                and not _GOING_ON_AFTER.search(
                                    text.norm_of(hit.last + 1, len(text.tokens) - 1)))
            if opens and 0 < len(item) <= 5 and not _PERSONAL_WORDS.intersection(item) \
                    and not _now_after(text, hit) \
                    and not _LIKE_THE_STORY.search(text.norm_of(hit.last + 1, len(text.tokens) - 1)):
                listing = True
                continue
        listing = False
        if words[1:2] == ["their"] and _STORY_PEOPLE.search(told, 0, upto):
            continue
        character = None
        if words[-2:-1] in (["he"], ["she"], ["his"], ["her"]) or words[1:2] in (["his"], ["her"]):
            character = _STORY_CHARACTER.search(told, 0, upto)
        if character is not None \
                and not _a_watcher_happened(text, between, found.start(), told[:upto], character) \
                and not _now_after(text, hit):
            continue  # "a series where the nurse has sepsis and she has a rash": the nurse's
        return False
    return True


# A story written, read or watched: its comma list of signs may be the story's ("writing a
# thriller where my detective gets meningitis, rash, stiff neck") — unless something after the
# list goes on (`_GOING_ON_AFTER`: "…tight chest, sweating, left arm heavy, been going an hour").
_A_STORY_TOLD = Lazy(r"\b(?:writing|wrote|drafting|plotting|researching for|reading|read|"
                              r"watching|watched|binged|streaming)\b"
                              r"|\bmy (?:novel|book|script|screenplay|story|thriller|detective|character|"
                              r"protagonist|villain|hero|heroine|main character)\b")
# After a story's list, what makes it the viewer's own: "…left arm heavy, been going an hour".
_GOING_ON_AFTER = Lazy(r"\b(?:been going|going on|for (?:\d+|an?|ten|twenty|half an) \w+|since|"
                       r"right now|at the moment|still|started|came on|is getting|getting worse)\b")
# A story's sign named just before a comma: "…gets meningitis", "…has a rash".
_A_LIST_OPENS = Lazy(r"\b(?:gets|has|had|develops|catches|caught|got|with|signs of|symptoms of) "
                     r"(?:\S+ ){0,2}?\S+ ?$")
# After the story's list, the same signs owned: "…that's exactly what I've got", "my husband
# looks just like that", "my son has the same".
_LIKE_THE_STORY = Lazy(r"\b(?:exactly|just) (?:what|like|how)\b|\b(?:the same|same thing|same as|"
                       r"like that|like this|what i have|what i have got|sounds like me|that is me|"
                       r"thats me|looks like that|is happening|happening to|has that|has this|"
                       r"has these|has them|have that|have this|have these|have them)\b")
_PERSONAL_WORDS = frozenset({"i", "my", "me", "we", "our", "us", "now", "today", "tonight",
                             "suddenly", "he", "she", "his", "her", "they", "their", "just",
                             "right", "mine", "myself", "own", "real", "actually"})


def _a_watcher_happened(text: NormalText, between: str, at: int, told: str,
                        character) -> bool:  # (a match of _STORY_CHARACTER)
    """ "Dad was watching a film about a soldier and he has just gone grey": the "he" is the
    one watching when it "has just" happened, or the writer was watching too; otherwise not when
    the story's person is that "he" ("a film where the husband has a stroke and he has gone
    droopy") or the story's own clause goes on ("a series where the nurse has sepsis and she has
    gone grey")."""
    happened = _HAPPENED.match(between, at)
    if happened is None or not _WATCHING_TOGETHER.search(text.norm):
        return False
    if _WE_WERE_WATCHING.search(text.norm):
        return True  # the writer was watching with them: what "has gone" is told as it happened
    said = happened.group(0).split()
    if "just" in said or "now" in said:
        return True  # "…and he has just collapsed": happening as the writer tells it
    pronoun = next((word for word in said if word in ("he", "she")), None)
    if pronoun is not None and _GENDER_OF.get(character.group(0).split()[-1]) == pronoun:
        return False
    return " where " not in told


_WE_WERE_WATCHING = Lazy(r"\b(?:we were|we are|i was|i am) (?:watching|reading|listening)\b")
# The story's people whose "he" or "she" is plain (`_a_watcher_happened`).
_GENDER_OF = {**dict.fromkeys(("mum", "mother", "wife", "girl", "woman", "lady", "heroine", "queen",
                               "princess"), "she"),
              **dict.fromkeys(("dad", "father", "husband", "boy", "man", "guy", "hero", "king",
                               "prince"), "he")}


# After "and she has…", what has happened rather than the story's present: "…and she has gone
# all quiet", "…and he has just collapsed".
_HAPPENED = Lazy(r" (?:and|but|so|then) (?:then )?(?:he|she|they) (?:has|have|is) (?:just |now )?"
                 r"(?:gone|been|got|had|started|collapsed|stopped|fallen|fainted|passed)\b")


def _now_after(text: NormalText, hit: Hit) -> bool:
    """ "…and he has a crushing pain in his chest now": told as happening, after the finding."""
    end = min(_sentence_end(text, hit.last), hit.last + 6)
    return any(text.tokens[index].norm == "now" for index in range(hit.last + 1, end + 1))
# "we were watching a film… and she has gone all quiet": the watching is the time of a real event
# when someone watching with the writer is what "has gone" tells of.
_WATCHING_TOGETHER = Lazy(r"\b(?:was|were|is|are|am|s|mum|dad|nan|gran|grandad|grandma|husband|wife|"
                          r"partner) (?:watching|reading|listening)\b"
                          r"|\bput on (?:a|the) (?:\w+ )?(?:film|movie|programme|show|series|episode|"
                          r"documentary)\b")
# A story whose person is named before the "he" or "she" that follows: "a podcast about
# everest where the climber has…, and he has a crushing headache". (With no one named — "a
# documentary about the war and his lips went blue" — the "his" is someone the writer knows.)
_STORY_CHARACTER = Lazy(r" (?:where|which|about|book|film|novel|story|show|series|episode|game) "
                        r"(?:the|a|an|this|one) (?:\w+ )?(?:nurse|doctor|surgeon|"
                        r"climber|mountaineer|soldier|mum|dad|mother|father|wife|husband|girl|boy|man|"
                        r"woman|guy|lady|kid|child|teenager|patient|hero|heroine|villain|character|"
                        r"detective|runner|swimmer|diver|pilot|astronaut|cop|teacher|student|athlete|"
                        r"footballer|boxer|king|queen|prince|princess|killer|murderer|victim|survivor|"
                        r"explorer|sailor|farmer|kidnapping|kidnapper|hostage|officer|paramedic|midwife)\b")


# "a documentary where people drown and their lips went blue": the story names its own people,
# and "their" is theirs (a "his" or "her" after the story is someone the writer knows).
_STORY_PEOPLE = Lazy(r" (?:where|which) (?:the |some |all the |two |three |these |those )?"
                     r"(?:people|\w+s) ")


def _words_joined(text: NormalText, first: int, last: int) -> str:
    """The tokens' words, without the hyphens inside a word ("worst-headache-ever"), which
    break no clause."""
    return " ".join(text.tokens[index].norm for index in range(first, last + 1)
                    if text.tokens[index].norm != "-" or _ends_clause(text, index))


# After "what are the signs of…," the words from the comma to the finding are someone's own
# when they name a person or tell a state ("my dads face has dropped", "grandma confused",
# "i have a crushing pain"). A bare list of signs is taken as someone's too — a missed stroke
# costs more than a question answered with care — unless the text says why it is asked: for
# a course or an exam, "want to know for when…", "saw the advert" (`_JUST_ASKING`).
_SOMEONE_OR_A_STATE = PEOPLE | THIRD_PRONOUNS | _POSSESSIVES | frozenset({
    "i", "me", "myself", "we", "us", "baby", "old", "yo", "is", "are", "am", "has", "have", "had",
    "was", "were", "got", "can", "cant", "keeps", "been"})
_ASKING_WORDS = frozenset({"it", "there", "that", "this", "they", "these"})  # "is it…", "are there…"
_JUST_ASKING = Lazy(
    r"\b(?:(?<!of )course|exam|exams|revising|revision|homework|essay|quiz|assignment|first aid|cpr"
    r"|cpd|lecture|seminar|webinar|study day"
    r"|out of curiosity|just curious|just asking|asking for a friend"
    r"|for (?:a |my |our |the )?(?:class|lesson|module|test|uni|college|school|work)\b(?! (?:is|are|has))"
    r"|(?:want|wanted|wanna|need|needed) to know (?:for|in case|before|because|cos|as|what)"
    r"|so (?:i|we|you) know|know in case|asking (?:as|because|cos|coz|since)"
    r"|(?:saw|seen|watched|read|reading) (?:\S+ ){0,4}?(?:advert|ad|programme|program|documentary|video"
    r"|post|article|leaflet|poster|campaign)"
    r"|(?:was|were|been|is|keeps) telling (?:me|us)|told (?:me|us) about)\b")


# Told after the list, what makes it someone's now whatever the reason given: "…he has this
# now", "hubby has all 3 atm", "exactly how i feel", "want to know before i ring 111".
_HAD_NOW = Lazy(r"\b(?:now|atm|right now|at the moment|currently|tonight|today|this morning|"
                r"how i feel|how i am feeling|what i have|what i have got|has this|has these|has all|"
                r"have this|have these|have all|is having|are having|am having|got this|got these|"
                r"got all|before i (?:ring|call|phone)|whether to (?:ring|call|phone)|"
                r"if i should (?:ring|call|phone)|should i (?:ring|call|phone)|what to do|"
                r"what do i do|what should i do)\b")


_STUDYING = Lazy(r"\b(?:(?<!of )course|exam|exams|revising|revision|homework|essay|quiz|assignment|"
                 r"first aid|cpr|lesson|module|asking for a friend|cpd|lecture|seminar|webinar|"
                 r"study day)\b")


def _someone_or_a_state(words: list[str]) -> bool:
    """Whether these words name a person or tell a state (not "is it…", "are there…")."""
    for index, word in enumerate(words):
        if word in _SOMEONE_OR_A_STATE:
            if word in ("is", "are") and index + 1 < len(words) and words[index + 1] in _ASKING_WORDS:
                continue
            return True
    return False


# A part acted, and what the part made the writer do: "played a zombie in the panto and had to
# drag my leg", "was a casualty for the first aid training, had to pretend I couldn't feel my legs".
_ACTED = Lazy(r"\b(?:played|playing|was|were|am|dressed (?:up )?as) (?:a|an|the) (?:\w+ )?"
              r"(?:zombie|pirate|ghost|vampire|monster|robot|corpse|mummy|werewolf|dead body) "
              r"(?:in|at|for) (?:the|a|our|my|his|her) (?:\w+ ){0,2}?(?:play|panto|pantomime|show|"
              r"musical|film|shoot|haunted house|scare attraction)\b(?: \S+){0,4}? "
              r"(?:had to|have to|pretend\w*|acting|faking|fake)\b")
# What ends the part: "…had to drag my leg, but after the show my face went droopy".
_PART_ENDS = frozenset({",", ".", "then", "but", "after", "afterwards", "actually", "now", "still",
                        "suddenly", "later", "since", "when", "until"})


def is_hypothetical(text: NormalText, hit: Hit) -> bool:
    """Whether the finding is supposed, asked about for a class or for anyone, not had."""
    if _taken_back(text, hit):
        return True
    start = _sentence_start(text, hit.first)
    if _in_a_story(text, hit, start):
        return True
    told_before = _words_joined(text, start, hit.first - 1) if hit.first > start else ""
    acted = _ACTED.search(told_before)
    if acted:
        # the finding is what the part made them do, told straight after: "…and had to (limp
        # and) drag my leg", not a later clause ("…, then my face went droopy")
        between = told_before[acted.end():].split()
        if len(between) <= 4 and not _PART_ENDS.intersection(between):
            return True
    if _within_a_saying(text, hit, start) and not _real_after_all(text, start):
        return True
    before = " ".join(t.norm for t in text.tokens[start:hit.first])
    finding = " ".join(t.norm for t in text.tokens[hit.first:hit.last + 1])
    if _learnt_topic(text, hit, start, before):
        return True
    dreams = list(_DREAMT.finditer(before))
    if dreams:
        told = before[dreams[-1].end():] + " " + finding
        if not _WOKE.search(told) and not _NEW_CLAUSE_NOW.search(told):
            return True
    # (a marker begins before the finding and may end inside it: "if my headache was ever…")
    reading = before + " " + finding
    found = None
    for match in _HYPOTHETICAL.finditer(reading):
        if match.start() < len(before):
            found = match  # (the last marker that begins before the finding governs it)
    if found is None:
        return False
    rest = before[found.end():] + " " + " ".join(
        t.norm for t in text.tokens[hit.first:_sentence_end(text, hit.last) + 1])
    if found.group(0).endswith(("worse", "better")):
        # "go to A&E if it gets worse, it's settled now": the time told after the condition's
        # clause is the person's, not the condition's.
        rest = rest.split(" , ")[0]
    within = before[found.end():].split() + finding.split()
    after_marker = before[found.end():].split()
    if found.group(0).endswith(("worse", "better")) and "," in after_marker:
        return False  # "wait and see if it gets worse, crushing chest pain…": its own clause
    if found.group(0).startswith(("what counts", "why")):
        told = " ".join(after_marker + finding.split()) + " " + " ".join(
            t.norm for t in text.tokens[hit.last + 1:_sentence_end(text, hit.last) + 1])
        if _NAMED_NOW.search(told) and not _A_CASE_SUPPOSED.search(told):
            # "what counts as an emergency my dad's face has dropped", "why do you ask about
            # headaches, I've had one every morning": theirs, or the writer's, now
            return False
    if found.group(0).startswith("what") and "," in after_marker:
        told = after_marker[after_marker.index(",") + 1:] + finding.split()
        after = " ".join(t.norm for t in text.tokens[hit.last + 1:])
        if _someone_or_a_state(told) or not _JUST_ASKING.search(text.norm) \
                or (_HAD_NOW.search(after) and not _STUDYING.search(text.norm)):
            return False  # "what are the symptoms of sepsis, my nan is confused": hers, now
    if found.group(0).startswith(_ASKED_TO_TELL) and _told_after_the_topic(
            after_marker + finding.split(), studying=bool(_STUDY_CONTEXT.search(text.norm))):
        return False  # "tell me the signs of a heart attack because I've got crushing chest pain"
    if found.group(0).startswith("for ") and _WRITER_TELLS.search(" ".join(after_marker)):
        return False  # "…for my exam and I've got a stiff neck": the writer's own, now
    if found.group(0).startswith(("is it true", "will", "would", "could", "might", "can", "may")) \
            and _TOLD_AFTER_A_QUESTION.search(" " + rest + " "):
        return False  # "is it true a DVT makes you breathless, my calf is swollen and I'm breathless"
    if found.group(0).startswith("if") and _UNSURE_WHICH.search(before[:found.start()]) \
            and not found.group(0).startswith(("if someone", "if somebody", "if anyone", "if a ",
                                               "if people", "if you", "if clients", "if patients")):
        return False  # "can't tell if my mate is drunk or has taken something": real, unsure why
    if found.group(0).startswith(_A_COURSE_FOR_ANYONE) and (
            (_A_PERSON_NAMED.search(rest) and not _TAUGHT_ME.search(rest))
            or _IT_IS_MY_PERSON.search(rest)):
        return False  # "how to help for someone having a seizure, my son is fitting"
    if any(word in _CONTRASTS for word in within):
        return False  # "if I ever get one this bad…, but it's been pounding since lunch"
    if _PRACTISING_ON.search(before + " " + rest):
        return False  # "the friend I'm practising on for my course has varicose veins"
    return not _NOW.search(rest) and not _real_after_all(text, start)


def is_over(text: NormalText, hit: Hit, today: date | None = None) -> Over | None:
    """Whether its stretch of the sentence says plainly that the finding is over —
    long ago, or resolved — with nothing there saying it goes on."""
    segment = _segment(text, hit)
    year = (today or date.today()).year
    over = _over_in(segment, year)
    if over == "resolved" and _only_the_fever_settled(text, hit, segment, year):
        over = None
    if over is not None and (_back_in_the_next_sentence(text, hit) or _but_still(text, hit)):
        # "Had migraines in my twenties, then nothing. The last 2 months they're back";
        # "Went to A&E on Monday with chest pain, all normal. It's back tonight"
        return None
    if over is None and not _ONGOING.search(segment):
        over = _told_after(text, hit)
    return over


# A fever brought down by a medicine: "the temperature has gone down with calpol" is no
# recovery for a rash that does not fade beside it (a fever that falls with paracetamol says
# nothing of how ill a child is: NICE NG143).
_FEVER_SETTLED = Lazy(r"\b(?:fever|temperature|temp|temps) (?:has |have |is |was |had )?(?:now )?"
                      r"(?:gone|come|settled|down|dropped)(?: down)? (?:a bit |a little )?(?:with|after) "
                      r"(?:the |some |a dose of |her |his )?(?:calpol|paracetamol|ibuprofen|nurofen|"
                      r"medicine|tablets|a cool bath|a bath)\b")
_A_FEVER_WORD = Lazy(r"\b(?:fever|feverish|temperature|temp|temps|hot|burning up)\b")


def _only_the_fever_settled(text: NormalText, hit: Hit, segment: str, year: int) -> bool:
    """Whether all that is settled is a fever the finding does not name."""
    if _A_FEVER_WORD.search(text.norm_of(hit.first, hit.last)):
        return False
    rest = _FEVER_SETTLED.sub(" ", segment)
    return rest != segment and _over_in(rest, year) is None


# What was long ago, back again: "…they're back every few days", "it has come back".
_RETURNED = Lazy(r"\b(?:had|having) another (?:attack|episode|fit|seizure|bout)\b"
                 r"|\b(?:had|having) another one\b(?! of (?:your|those|these|my|the|our)\b)"
                 r"|\b(?:they|it|these|those|them) (?:are|is|have|has) (?:come |came )?back\b"
                 r"|\b(?:they|it) (?:came|come) back\b|\bback again\b|\b(?:have|has) returned\b"
                 r"|(?:^|, )its back\b")


# "…turned out to be the TV, but they still tell me things": what is over, set against a
# "but … still" later in the sentence, goes on.
_BUT_STILL = Lazy(r"\b(?:but|yet|though) (?:it|they|these|those|that|this|he|she|the \S+) "
                  r"(?:\S+ ){0,3}?(?:still|keeps?|again)\b"
                  r"|, now (?:it|its|it's|it is|they|they're|they are|he is|she is) (?:is |are )?"
                  r"(?:there|back|worse|louder|happening|every|all the time|falling more|falling again)\b"
                  # "…in waves, had a kidney stone 2 years ago and it feels the same": likened
                  # to what was long ago, so happening now.
                  r"|(?:\b(?:and|but)|,) (?:(?:it|this|this one) )?feels (?:exactly |just )?"
                  r"(?:the same as (?:my last|the last|last time|before|then|that)|the same\b(?! as)"
                  r"|like (?:last time|then))"
                  r"|\b(?:feels|felt) (?:just |exactly )?"
                  r"(?:identical|like it did (?:then|before|last time))\b"
                  r"|\b(?:this|it) is (?:just |exactly )?identical\b")


# Recovery told plainly, not a moment that has settled: "fully recovered", "no longer needs
# it", "better with CBT" (for `history: settled_counts`: "things have settled down" of a harm
# is no recovery).
_RECOVERED = Lazy(r"\b(?:fully |completely |totally )?recovered\b|\ball better\b"
                  r"|\bno longer (?:needs?|takes?|uses?|using|taking)\b|\bdoes not need (?:it|them)\b"
                  r"|\bwith (?:camhs|cbt|therapy|counselling|treatment)\b"
                  r"|\bafter (?:cbt|therapy|counselling|treatment)\b")


def plainly_recovered(text: NormalText, hit: Hit) -> bool:
    """Whether the finding's stretch says plainly that the person has recovered."""
    return bool(_RECOVERED.search(_segment(text, hit)))


def _but_still(text: NormalText, hit: Hit) -> bool:
    end = _sentence_end(text, hit.last)
    return end > hit.last and bool(_BUT_STILL.search(text.norm_of(hit.last + 1, end)))


def _back_in_the_next_sentence(text: NormalText, hit: Hit) -> bool:
    following = text.next_sentence(hit.last)
    if following is None:
        return False
    return _goes_on(text.norm_of(*following))


def _goes_on(told: str) -> bool:
    """Words after a finding that say it came back or is worse since."""
    return bool(_RETURNED.search(told) or _WORSE_SINCE.search(told))


# What was checked, worse since: "…they said it was nothing. Now it's much worse."
_WORSE_SINCE = Lazy(r"\b(?:much|far|a lot|way|even|lots) worse\b|\bworse (?:now|today|than ever|again)\b"
                    r"|\b(?:getting|got|gone|gotten) (?:steadily |progressively |gradually |slowly )?worse\b"
                    r"|\bnow (?:it is |it's |i am |i'm )?(?:\w+ )?"
                    r"(?:worse|breathless|bigger|redder|hotter|spreading)\b")


# Gone within moments, told in a sentence of its own: "gone in a minute."
# ("Shook it out and it was back to normal in a minute": a few words of what was done first)
_PASSED_AT_ONCE = Lazy(rf"(?:(?:\w+ ){{1,4}}?(?:and|then) )?"
                       rf"(?:(?:it|that|which|then|but|and) (?:was |is |had )?)?(?:{_WITHIN_MOMENTS})")
# A check someone made: "Went to A&E, ECG, bloods: all normal", "the GP did an ECG".
_SEEN_BY_SOMEONE = Lazy(r"\b(?:a&e|a & e|a and e|er|gp|doctor|doctors|hospital|went to|walk-in|"
                        r"neurologist|specialist|rheumatologist|gastroenterologist|dermatologist|"
                        r"saw the|seen by|had an mri|had a scan|"
                        r"urgent care|they said|consultant|cardiologist|paramedics|ambulance|"
                        r"checked me|examined me)\b")
_PAST_MARK = Lazy(r"\b(?:had|was|were|went|felt|came on|started|got|passed|last (?:week|month|night)|"
                  r"ago|yesterday|scare)\b")
_PRESENT_MARK = Lazy(r"\b(?:i have|i am|is|are|now|today|right now|at the moment)\b")
_KNOWN_SINCE = Lazy(r"(?:i have had|had|i get|i have|it has been|that has been|this has been) "
                    r"(?:that|this|it|these|them)\b")
_LAST_SOMETHING = Lazy(r"\blast (?:year|month|summer|winter|spring|autumn)\b")


def _told_as_past(text: NormalText, hit: Hit) -> bool:
    sentence = " ".join(t.norm for t in text.tokens[_sentence_start(text, hit.first):
                                                    _sentence_end(text, hit.last) + 1])
    return bool(_PAST_MARK.search(sentence)) and not _PRESENT_MARK.search(sentence)


# A next sentence this short that says it went within moments is about the finding before
# it ("pins and needles from sitting cross-legged. gone in a minute.", "nearly fainted after
# giving plasma. They lay me flat, gave me juice and I was fine in ten minutes.").
_NEXT_SENTENCE_REACH = 20


def _seen_in_its_sentence(text: NormalText, hit: Hit) -> bool:
    """The finding's own sentence says who looked: "Went to A&E because my calf swelled up.
    They did the ultrasound — no clot" (the check's answer in the next sentence)."""
    starts, ends = text.sentences
    if not _SEEN_BY_SOMEONE.search(text.norm_of(starts[hit.first], ends[hit.last])):
        return False
    # (not when a later sentence says it goes on: "…said it was nothing. It's much worse now")
    after = text.next_sentence(hit.last)
    later = text.next_sentence(after[-1]) if after else None
    return not (later and _STILL_GOING.search(text.norm_of(later[0], len(text.tokens) - 1)))


# After a check told in a sentence of its own, any word of the finding going on undoes it: "…
# ECG and bloods were normal. Still getting it now", "…happened again this morning". (Wider
# than `_goes_on`: the check was a sentence away, so the finding it answered is less sure.)
_STILL_GOING = Lazy(r"\b(?:again|bigger|redder|hotter|spreading|breathless|doubled)\b"
                    r"|\b(?:had|having|another) (?:another|an?) ?(?:attack|episode|one|fit|seizure|bout)\b"
                    r"|\bstill (?:got|getting|get|gets|have|having|has|there|happening|hurts|hurting|"
                    r"going on|feel|feeling|coming)\b|\b(?:came|come|comes|is|it's|its|it is) back\b"
                    r"|\bback again\b"
                    r"|\b(?:it|pain|it's|its|it is|getting|got|gotten|much|even|far|way) worse\b")


def _told_after(text: NormalText, hit: Hit) -> Over | None:
    """A check's answer, or the end of it, told just after the hit's sentence: in the clause
    after a semicolon ("my calf swelled after the flight; they scanned it, no clot", "…9/10
    for a week; it's totally gone now"), or in the next sentence — a check's answer there
    ("chest pain after spin. Went to A&E, ECG, bloods: all normal"), its end only when that
    sentence is short ("gone in a minute."). Nothing there may say it goes on."""
    following = text.next_sentence(hit.last)
    if following is None:
        return None
    semicolon = text.tokens[text.sentences[1][hit.last] + 1].norm == ";"
    first = following[0]
    last = _sentence_end(text, first)
    clause = text.norm_of(first, last)
    if _KNOWN_SINCE.match(clause) and _STABLE_AFTER.search(clause) and not _FRESH.search(clause):
        return "long_ago"  # "Electric buzz when I bend my head. I've had that since 2015, unchanged"
    if _ONGOING.search(clause):
        return None
    seen = semicolon or (_told_as_past(text, hit) and (
        _SEEN_BY_SOMEONE.search(clause) or _seen_in_its_sentence(text, hit)))
    if seen and _checked(clause):
        # (in the next sentence only for a finding told as past, a check someone made of it
        # — "Went to A&E, ECG, bloods: all normal" — and not long ago: "I have crushing
        # chest pain. My ECG last year was normal" is not checked, nor is "Had crushing
        # chest pain. Blood test on Monday was fine")
        return None if _LONG_AGO.search(clause) or _LAST_SOMETHING.search(clause) else "checked"
    if semicolon and _RESOLVED.search(clause):
        return "resolved"  # "my neck pain hit 9/10 for a week; it's totally gone now"
    if last - first < _NEXT_SENTENCE_REACH and _PASSED_AT_ONCE.match(clause):
        # (a sentence of its own that opens by saying it went within moments: "gone in a
        # minute." — not "I feel ok now" after an overdose, nor "Felt dizzy standing up,
        # fine in a minute" after a rigid belly)
        return "resolved"
    return None


def over_in_words(stretch: str) -> Over | None:
    """`is_over` for a stretch of lower-case words without tokens (`facts` reads raw text)."""
    return _over_in(stretch, date.today().year)


# The words of `_ONGOING` that only say when it happened ("cycled 80k today, … numb down below,
# all back to normal after a shower"): before a resolution they do not keep it going.
_THE_DAY_IT_HAPPENED = Lazy(r"today|yesterday|this morning|tonight|this week|suddenly|just now|"
                            r"(?:an|one|two|three|a few|\d+) (?:hour|hours|minutes|mins) ago")


# A feeling or a state restored within the day: "all back to normal after a shower", "became
# normal after walking a bit", "fine after a minute", "wore off".
_BACK_TO_NORMAL = Lazy(r"\b(?:back to normal|became normal|went back to normal|returned to normal|"
                       r"normal again|all better|wore off|worn off|passed off|(?:fine|gone|normal|ok|"
                       r"okay) (?:after|within|in) (?:a |an |one |two |ten |twenty |a few |a couple of |"
                       r"\d+ )(?:minute|minutes|min|mins|second|seconds|secs|moment|moments|hour|hours)"
                       r"|(?:(?:the |my )?(?:feeling|sensation) came back|(?:numb|dead|asleep|tingly) "
                       r"when i (?:got out|woke|woke up|got up|stood up)(?: of (?:the|my) \w+)? , came back|"
                       r"(?:numb|dead|asleep) from sleeping on it , came back) "
                       r"(?:after|within|in|once|when|as soon as))\b")
# …and only of a numbness or a limb gone dead, the position's signs ("Vomited blood this
# morning, felt dizzy, back to normal after 10 minutes" is no position ended).
_AN_INJURY = Lazy(r"\b(?:fell|fall|fallen|came off|come off|crash|crashed|accident|hit|knocked|"
                  r"tackle|tackled|whiplash|rear ended|banged)\b")
_A_POSITIONS_SIGN = Lazy(r"\b(?:numb|numbness|dead|pins and needles|gone to sleep|asleep|tingl\w*)\b")
# …of the one the finding is of, not its twin: "the right calf is swollen, the left one is
# back to normal".
_ANOTHER_ONE = Lazy(r"\b(?:the )?(?:other|left|right) (?:one|side|leg|arm|calf|hand|foot)\b")


def _resolved_after_its_day(stretch: str) -> bool:
    """A resolution told after the finding's day, with nothing after it (or before it, other
    than the day) saying it goes on."""
    found = None
    for match in _BACK_TO_NORMAL.finditer(stretch):
        found = match  # (the last one)
    if found is None or _ONGOING.search(stretch, found.end()) \
            or _ANOTHER_ONE.search(stretch, 0, found.start()) \
            or not _A_POSITIONS_SIGN.search(stretch, 0, found.end()) \
            or _AN_INJURY.search(stretch):
        return False
    return all(_THE_DAY_IT_HAPPENED.fullmatch(match.group(0))
               for match in _ONGOING.finditer(stretch, 0, found.start()))


@lru_cache(maxsize=4096)
def _over_in(stretch: str, this_year: int) -> Over | None:
    # Cached: the hits of many rules share a stretch of one sentence.
    stretch = _NEVER_AGAIN.sub(" all better ", stretch)
    # (an anniversary's "today" is the day it is remembered, not the finding's)
    stretch = _ANNIVERSARY.sub(r"\1 since", stretch)
    if _STABLE_AFTER.search(stretch) and not _FRESH.search(stretch):
        return "long_ago"
    if _ONGOING.search(stretch):
        # (unless all that says it goes on is the day it happened, told before its end)
        return "resolved" if _resolved_after_its_day(stretch) else None
    if _LONG_AGO.search(stretch) or any(int(year) <= this_year - 2
                                        for years in _YEAR.findall(stretch) for year in years if year):
        return "long_ago"
    if _checked(stretch):
        return "checked"
    if _RESOLVED.search(stretch):
        return "resolved"
    return None
