"""Is a finding denied? ("no fever", "haven't fallen", "not pregnant").

A NegEx-style look-back: a negating word within a few tokens before the hit,
in the same clause, denies it. Clauses end at sentence marks, at contrast
words ("but", "though") and at "and" when a new subject starts ("and my neck…").
A comma ends the scope too, except inside a denied list: "no fever, rash or
stiff neck" denies all three.
"""

from __future__ import annotations

from unknot.text.normal import SENTENCE_END, NormalText
from unknot.text.patterns import Hit

NEGATORS = frozenset({
    "no", "not", "never", "without", "none", "neither", "nor", "deny", "denies", "denied",
    "nothing", "zero", "nope", "hasnt", "havent", "dont", "didnt", "doesnt", "isnt", "wasnt",
    # Scots: "nae sick, nae sleepy"
    "nae",
})
# "not sure", "no doubt": doubt is not denial, and a screen should lean towards caution.
_PSEUDO_AFTER = {
    # "not the worst headache", "not that bad a headache": the degree is denied, not the pain.
    "not": frozenset({"sure", "certain", "only", "just", "the", "that", "too", "as", "so", "very",
                      "really", "quite", "great", "know", "understand", "remember",
                      # "I'm not worried about the numbness", "I don't think the headaches are
                      # anything": a feeling about the finding, or a hedge, is not its denial.
                      "worried", "concerned", "bothered", "fussed", "scared", "afraid", "think",
                      "believe", "reckon", "imagining", "making", "exaggerating", "joking",
                      "kidding", "overreacting"}),
    # ("no wait, warfarin", "no sorry, the left": a correction, not a denial)
    "no": frozenset({"doubt", "idea", "clue", "longer", "wait", "sorry", "actually"}),
}
_CONTRAST = frozenset({"but", "however", "though", "although", "except", "yet", "while",
                       "whereas", "apart", "still", "because", "since", "so", "which", "who",
                       "after", "when", "then", "now",
                       # "without tablets for my sore head": the denial stops at "for".
                       "for",
                       # "denies CP, SOB, reports saddle numbness": what is reported is not denied.
                       "reports", "reported", "reporting", "complains", "complaining",
                       "endorses", "endorsed", "positive",
                       # "no massage on that leg until the clot has gone": the clot is there.
                       "until", "till", "unless",
                       # "bowels not opened 8 days despite laxatives": what it is despite is there.
                       "despite",
                       # "nothing broken, just a massive bruise": what is there after the denial.
                       "just"})
_NEW_SUBJECT = frozenset({"i", "my", "it", "its", "the", "this", "there", "now", "also", "then",
                          "since", "when", "she", "he", "we", "they", "her", "his", "our",
                          "sometimes", "today", "yesterday", "lately",
                          # "has not eaten in a week and stopped drinking water": a new verb
                          # after "and" says something new, not more of what was denied.
                          "stopped", "started", "keeps", "kept", "refuses", "refused",
                          # "no appetite and keep losing weight"
                          "keep", "losing", "getting",
                          # "has not eaten and is muddled": a new state after "and"
                          "is", "are", "was", "were", "seems", "looks", "feels",
                          # "hasn't slept and says he's been sent to save everyone": a new act
                          "says", "said", "saying", "thinks", "reckons", "tells", "told", "wants"})
# Prefixes a hyphen joins into one word: "self-harm", "ex-husband", "post-op".
_WORD_PREFIXES = frozenset({"self", "ex", "step", "co", "non", "anti", "pre", "post", "re", "well",
                            "half", "semi", "mid", "over", "under", "x", "e"})
_SCOPE = 7
# A hit opened by one of these is a time clause ("since the birth", "after the fall").
_TIME_CLAUSES = frozenset({"since", "after"})
# …and only an event told after it ("since the birth", "since she was born", "since having my
# son"): "didn't happen after exercise", "haven't hurt it since I fell" deny the whole clause.
_AN_EVENT_OPENS = frozenset({"the", "she", "he", "they", "having", "giving", "baby"})
_LINKING = frozenset({"is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
                      "it", "that", "this", "there", "really", "even", "ever", "just", "quite",
                      "all", "like", "so", "always", "not", "no", "never"})
# Inside a denied list ("no numbness, weakness, bladder problems or a fever") the denial
# reaches further back.
_LIST_SCOPE = 16


def _is_boundary(tokens, index: int) -> bool:
    word = tokens[index].norm
    if word == "for" and index > 0 and tokens[index - 1].norm == "negative":
        return False  # "negative for fever": the clinician's denial, not a new clause
    if word == "-" and 0 < index < len(tokens) - 1 and tokens[index - 1].end == tokens[index].start \
            and tokens[index + 1].start == tokens[index].end \
            and tokens[index - 1].norm in _WORD_PREFIXES:
        # a hyphen inside a word ("no thoughts of self-harm or suicide") — but not a dash typed
        # without spaces: "no injury-crushing chest pain" is two clauses
        return False
    if word in SENTENCE_END or word in _CONTRAST or word in {":", "(", ")", "-"}:
        return True
    return word == "and" and index + 1 < len(tokens) and tokens[index + 1].norm in _NEW_SUBJECT


def _list_continues(tokens, hit: Hit) -> bool:
    """After the hit, does this sentence carry on a list with 'or'/'nor' (or is it its end)?"""
    for index in range(hit.last + 1, min(len(tokens), hit.last + 8)):
        word = tokens[index].norm
        if word in {"or", "nor"}:
            return True
        if _is_boundary(tokens, index):
            return False
    return False


# Clinicians' denials run through a whole list with commas alone: "denies CP, SOB,
# palpitations", "negative for fever, chills, night sweats".
_LIST_DENIALS = frozenset({"denies", "denied", "deny", "nil", "negative"})


def _denied_list(tokens, comma: int) -> bool:
    """Does a clinician's denial ("denies", "negative for") open the list this comma is in?"""
    for index in range(comma - 1, max(-1, comma - _LIST_SCOPE), -1):
        word = tokens[index].norm
        if word in _LIST_DENIALS and _negator_at(tokens, index):
            return True
        if _is_boundary(tokens, index):
            return False
    return False


def _negator_at(tokens, index: int) -> bool:
    word = tokens[index].norm
    if word == "negative":  # "negative for fever" (not "tested negative", "a negative test")
        return index + 1 < len(tokens) and tokens[index + 1].norm == "for"
    if word not in NEGATORS:
        return False
    if word == "not" and index > 0 and tokens[index - 1].norm in {"can", "will"}:
        # "can't poo or fart, throwing up": an inability is a symptom, not a denial.
        return False
    if word == "nothing" and any(t.norm in _RELIEF for t in tokens[index + 1:index + 5]):
        return False  # "nothing is helping this chest pain", "nothing I do shifts this lump"
    following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
    return following not in _PSEUDO_AFTER.get(word, frozenset())


# What nothing does for a finding that goes on: "nothing helps", "nothing I do shifts it".
_RELIEF = frozenset({"help", "helps", "helped", "helping", "work", "works", "worked", "working",
                     "shift", "shifts", "shifted", "shifting", "ease", "eases", "eased", "easing",
                     "touch", "touches", "touched", "touching", "stop", "stops", "stopped",
                     "stopping", "budge", "budges", "budged", "relieve", "relieves", "relieved",
                     "fix", "fixes", "fixed", "settle", "settles", "settled",
                     "improve", "improves", "improved", "improving", "calm", "calms", "calmed"})


def _denied_inside(text: NormalText, hit: Hit) -> bool:
    """A negator at the end of a gap denies what follows it: "legs fine, no swelling" — but
    not across a comma or a new clause after it: "better off without me, I want to jump"."""
    tokens = text.tokens
    for low, high in hit.gaps:
        for index in range(high, max(low, high - 3) - 1, -1):
            if _negator_at(tokens, index):
                return True
            if index < high and (tokens[index].norm == "," or _is_boundary(tokens, index)):
                break
    return False


_FINE = frozenset({"fine", "normal", "ok", "okay", "good", "alright", "perfect", "clear", "great"})


_ANSWER_ADVERBS = frozenset({"sadly", "thankfully", "luckily", "unfortunately", "happily",
                             "definitely", "absolutely", "honestly", "totally", "certainly"})


def _answered_no(text: NormalText, hit: Hit) -> bool:
    """"numbness? no." or "my speech is fine": the finding denied right after it."""
    tokens = text.tokens
    index = hit.last + 1
    if index + 1 < len(tokens) and tokens[index].norm in {"is", "are", "feels", "feel", "seems",
                                                          "was", "looks"}:
        index += 1
    if index < len(tokens) and tokens[index].norm in _FINE:
        # "fine until I sneeze" is not fine.
        after = tokens[index + 1].norm if index + 1 < len(tokens) else ""
        return after not in {"until", "till", "except", "apart", "unless", "but", "then"}
    if index < len(tokens) and tokens[index].norm in {"?", ":", "-"}:
        asked = tokens[index].norm != "-"  # "numbness? …" asks; "numb - …" only goes on
        index += 1
        if index + 1 < len(tokens) and tokens[index].norm == "a" and tokens[index + 1].norm == ":":
            index += 2  # "Q: fever? A: no": a question and its answer
        if index + 1 < len(tokens) and tokens[index].norm in _ANSWER_ADVERBS:
            index += 2 if tokens[index + 1].norm == "," else 1  # "weight loss? sadly nope"
        following = [t.norm for t in tokens[index + 1:index + 6]]
        if index < len(tokens) and tokens[index].norm == "not":
            # "weight loss? sadly not!", "not really", "not at all" — not "not sure". A question
            # answered "not any", "not anymore", "not lately" is denied, unless a "but" follows
            # ("chest pain? not lately, but an hour ago…"); after a dash only plain denials count
            # ("numb down my left side - not anymore, it went off": over, not denied). (A window
            # cut short after "not" says nothing: "…coach trip - not".)
            after = following[0] if following else ""
            if after == "at":
                return following[1:2] == ["all"]
            if asked and after in {"any", "anymore", "lately"}:
                # (not "not any better", "not any easier": still there)
                return "but" not in following and following[1:2] not in (
                    ["better"], ["easier"], ["different"], ["less"], ["worse"])
            return after in {"!", ".", ",", "really", "that"}
        word = tokens[index].norm if index < len(tokens) else ""
        if word == "no" and following[:1] in (["idea"], ["clue"]):
            return False  # "fever? honestly no idea, no thermometer"
        if word == "never" and "like" in following:
            return False  # "night sweats? honestly never had anything like it"
        return word in {"no", "none", "nope", "never", "nah", "denies", "denied", "negative"}
    return False


def is_negated(text: NormalText, hit: Hit) -> bool:
    """True when a negating word denies the hit (see the module docstring)."""
    if _denied_inside(text, hit) or _answered_no(text, hit):
        return True
    tokens = text.tokens
    if tokens[hit.first].norm == "despite":
        return False  # a clause of its own: "bowels not opened 8 days despite laxatives"
    words_back = 0
    index = hit.first - 1
    in_list = False
    while index >= 0 and words_back < (_LIST_SCOPE if in_list else _SCOPE):
        word = tokens[index].norm
        if word in {"or", "nor"}:
            in_list = True  # the last item of a list: "…, rash or stiff neck"
        if word == ",":
            # "no fever, rash or stiff neck": a comma inside a denied list keeps the scope.
            # Only an explicit "or"/"nor" makes it a list; otherwise leaning to caution,
            # "no fever, numbness in my hands" reports the numbness.
            in_list = in_list or _list_continues(tokens, hit) or _denied_list(tokens, index)
            if not in_list:
                return False
            index -= 1
            continue
        if _is_boundary(tokens, index):
            return False
        if word == "to" and _from_a_denied_past(tokens, index):
            return False
        if _negator_at(tokens, index):
            # "haven't slept since the birth": what is denied is the sleep, told before the time
            # clause; "this isn't since birth": the denial is of the time clause itself
            return not (tokens[hit.first].norm in _TIME_CLAUSES
                        and hit.first + 1 < len(tokens)
                        and tokens[hit.first + 1].norm in _AN_EVENT_OPENS
                        and _something_denied_between(tokens, index, hit.first))
        words_back += 1
        index -= 1
    return False


def _something_denied_between(tokens, negator: int, first: int) -> bool:
    """A word of its own (not "be", "have", "there" or "it") between a negator and a hit."""
    return any(tokens[at].norm not in _LINKING for at in range(negator + 1, first))


def _from_a_denied_past(tokens, to_index: int) -> bool:
    """The "to" of a change told from a denied past: "gone from walking there no bother to
    stopping every few steps", "went from no problems to breathless" — what follows is now."""
    for back in range(to_index - 1, max(-1, to_index - 12), -1):
        if tokens[back].norm == "from":
            # (only a change: "gone from", "went from" — not "home from the hospital, no plans
            # to…", "from what the GP said, no need to…")
            return back > 0 and tokens[back - 1].norm in _CHANGE_VERBS and any(
                _negator_at(tokens, k) for k in range(back + 1, to_index))
    return False


_CHANGE_VERBS = frozenset({"gone", "went", "going", "go", "goes"})
