"""Paracetamol counted over one day, across every product that holds it.

Eight 500 mg tablets in 24 hours is the most an adult may take. People exceed it without
saying one big number: "5 co-codamol and 5 paracetamol today" (ten), "2 cocodamol 5 times
today" (ten), "two Lemsip capsules and 8 panadol since breakfast". The screen's patterns read
a single count beside a drug; this adds the counts of one day together, each multiplied by
how many times it was taken, so a rule can ask for the day's total.

Only counts tied to a product that contains paracetamol are added, and only when the text
places them within one day ("today", "since this morning", "in 24 hours", "a day"); a
packet's size ("a box of 32 paracetamol") is no dose.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (compiled when first used, from a kept program: importing the screen compiles nothing)
from unknot.text.programs import Lazy

# Products that are, or contain, paracetamol (500 mg a tablet or capsule, or near it).
_PRODUCT = (r"paracetamol|paracetamols|panadol|panadeine|tylenol|acetaminophen|co-?codamol|"
            r"co codamol|cocodamol|solpadeine|calpol|lemsip(?: max)?(?: capsules?)?|"
            r"beechams(?: capsules?)?|night nurse(?: capsules?)?|day nurse(?: capsules?)?|"
            r"anadin extra|syndol|migraleve|pcm")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
          "a couple": 2, "couple of": 2, "couple": 2, "a few": 3, "few": 3, "a dozen": 12,
          "dozen": 12}
_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|" \
         r"a couple|couple of|a dozen|dozen)"
# The words a dose's interval may follow: "2 tablets at a time every 3 hours", "4 of them each
# time, every 2 hours".
_DOSE_FILLER = (r"(?:tablets?|tabs|pills|caplets?|capsules?|of|them|each|time|at|a|once|dose|doses|"
                r"roughly|about|around|like|,)")
# A dose told with when it is taken: "2 paracetamol each time the pain comes back, roughly
# every two hours".
_WHEN_IT_HURTS = (r"(?:each|every) time (?:the |my |it )?(?:pain |ache |headache |migraine )?(?:comes back|"
                  r"returns|starts|kicks in|flares|flares up|gets bad)")
# "2 co-codamol", "10x 500mg paracetamol", "two tablets of panadol", "8 x paracetamol" — not
# "a box of 32 paracetamol" (a packet's size) nor "my 10 year old's calpol".
_DOSE = Lazy(
    rf"(?<!box of )(?<!pack of )(?<!packet of )(?<!boxes of )(?<!packs of )(?<!bottle of )"
    rf"\b{_COUNT}\s*(?:x\s*)?(?:500\s*mg\s*|1g\s*|30/500\s*|8/500\s*)?"
    rf"(?:(?:tablets?|tabs|pills|caplets?|capsules?|caps)\s+(?:of\s+(?:the\s+)?)?)?"
    rf"(?P<product>{_PRODUCT})\b(?!\s+(?:left|in the|in my|in a|at home|in stock|in the cupboard))"
    # how many times that dose: "2 cocodamol 5 times today", "two paracetamol x4 today"
    rf"(?:\s*(?:,\s*)?(?:\w+\s+){{0,2}}?(?:(?P<times>\d{{1,2}}|two|three|four|five|six|seven|eight|"
    rf"nine|ten)\s*(?:times|x)\b|x\s*(?P<xtimes>\d{{1,2}})\b))?"
    # or how often: "4 co-codamol every 2 hours", "two paracetamol every hour" (the longest
    # gap of a range counts: "every 4-6 hours" is a label's instruction, not an overdose)
    # (only a dose's own words between: "2 tablets at a time every 3 hours", never another
    # act's — "2 paracetamol but woke every 2 hours", "and been stretching every hour")
    rf"(?:\s*(?:,\s*)?(?:(?:{_WHEN_IT_HURTS}|{_DOSE_FILLER})\s*,?\s+){{0,3}}?(?:every\s+(?:(?P<every>\d{{1,2}}|two|three|four|"
    rf"five|six|couple of|couple|few)"
    rf"(?:\s*(?:-|to|or)\s*(?P<every_to>\d{{1,2}}|three|four|five|six|eight))?\s*(?:hours|hrs|hr|h)\b"
    rf"|(?P<hourly>hour)\b)|(?P<hourly_word>hourly)(?=\s*(?:$|[.,!;]|today|since|for|and|all|through|"
    rf"round|yesterday|last|this|now|at|on|or|so|cos|because|day|night)\b)))?"
    rf"(?P<round_the_clock>(?:\s*,?\s+(?:(?:even|too|and|also|including|right)\s+){{0,2}}?"
    rf"(?:round the clock|around the clock|day and night|"
    rf"night and day|through the night|24/7|24 hours a day|all day and night|all day and all night)\b))?")
# A day's waking hours: a dose repeated every few hours is taken this many hours a day.
_WAKING_HOURS = 16
# The day the doses were taken in.
_ONE_DAY = Lazy(r"\b(?:today|so far today|since (?:this morning|breakfast|i (?:got|woke) up|"
                r"waking|lunch(?:time)?|last night)|this morning|in (?:the last |the past )?24 "
                r"?(?:hours|hrs|h)|within 24 hours|in (?:a|one) day|a day|per day|daily|"
                r"each day|every day|yesterday|"
                r"every (?:\d{1,2}|two|three|four|five|six|couple of|couple|few) "
                r"?(?:hours|hrs|hr|h)|every hour|hourly)\b")
# A dose asked about, supposed or long past is no dose taken: "can I take 2 co-codamol 5 times
# a day?", "years ago I used to take…".
_NOT_TAKEN = Lazy(r"\?|\b(?:can i|could i|can you|is it (?:ok|okay|safe|alright)|should i|"
                  r"how many|how much|is that too|would it|what if|if i|years ago|used to|"
                  r"last year|when i was|the max|maximum|allowed)\b")
_SENTENCE_END = Lazy(r"[.!?\n]")
_TIMES_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS.get(word, _TIMES_WORDS.get(word, 0))


def _sentence_of(lower: str, start: int, end: int) -> str:
    """The sentence around a match, with the mark that ends it ("… 5 times a day?")."""
    before = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, start)), default=0)
    after = _SENTENCE_END.search(lower, end)
    return lower[before:after.end() if after else len(lower)]


def _repeats_a_day(match: re.Match[str]) -> int:
    """How many doses "every N hours" makes in a day: a waking day, or the whole day and
    night when the text says so ("round the clock"); 1 when no interval is told."""
    day = 24 if match.group("round_the_clock") else _WAKING_HOURS
    if match.group("hourly") or match.group("hourly_word"):
        return day
    every = match.group("every_to") or match.group("every")
    hours = _number(every) if every else 0
    return max(1, day // hours) if hours else 1


@lru_cache(maxsize=1024)
def paracetamol_a_day(lower: str) -> tuple[int, str] | None:
    """The tablets of paracetamol-containing products a lower-case text says were taken
    in one day, added up, with the words that say so; None when it tells of none, of one
    count that is not multiplied, or not within a day."""
    if not _ONE_DAY.search(lower):
        return None
    total, found, multiplied = 0, [], False
    for match in _DOSE.finditer(lower):
        if _NOT_TAKEN.search(_sentence_of(lower, match.start(), match.end())):
            continue
        count = _number(match.group(1))
        times = match.group("times") or match.group("xtimes")
        repeats = _number(times) if times else _repeats_a_day(match)
        multiplied = multiplied or repeats > 1
        total += count * repeats
        found.append(match.group(0).strip())
    # (one count alone is the patterns' to read, beside its own words: "16 paracetamol" can
    # be a packet; a sum or a product of doses cannot)
    if len(found) < 2 and not multiplied:
        return None
    return total, " + ".join(found)
