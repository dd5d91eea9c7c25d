"""Medicine names as voice typing hears them: "a pick saban" is apixaban.

People dictate their messages, and a dictation engine that does not know a medicine
writes it as the ordinary words it sounds like — "a pick saban", "ex aralto", "war
farin", "meth o trex ate". Spelling repair mends one word at a time and cannot join
them, so a blood thinner, a chemotherapy drug or a steroid would go unseen.

Each name the lexicon lists under `sound_alike` gets a sound key: its consonants as
spoken (x is "ks", ph is "f", c and q are "k", z is "s"), vowels dropped, doubled
letters single. Two or three words in a row whose joined key is a name's key become
that name — but only when one of them is not an English word (a dictation engine's
guess at a name always leaves a fragment like "saban" or "aralto"), and only for keys
long enough (four consonants or more) that ordinary phrases do not share them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_SPOKEN = (("ph", "f"), ("ck", "k"), ("x", "ks"), ("qu", "k"), ("q", "k"), ("c", "k"), ("z", "s"))
_VOWELS = re.compile(r"[aeiouyhw]")
_DOUBLED = re.compile(r"(.)\1+")
# Shorter keys are shared by ordinary phrases ("hip run" sounds like heparin).
SHORTEST_KEY = 4
# A window of words tried as one name: two or three.
WIDEST = 3


def sound_key(word: str) -> str:
    """The consonants of `word` as spoken, e.g. apixaban → pksbn."""
    key = "".join(ch for ch in word.lower() if ch.isalpha())
    for written, said in _SPOKEN:
        key = key.replace(written, said)
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", key))


def sound_table(names: Iterable[str]) -> dict[str, str]:
    """Each name's sound key → the name; a key two names share is left out (ambiguous)."""
    table: dict[str, str] = {}
    shared: set[str] = set()
    for name in names:
        key = sound_key(name)
        if len(key) < SHORTEST_KEY:
            continue
        if key in table and table[key] != name:
            shared.add(key)
        table[key] = name
    for key in shared:
        del table[key]
    return table


def heard_as(words: list[str], table: dict[str, str], is_word: Callable[[str], bool]
             ) -> list[tuple[int, int, str]]:
    """Where `words` (lower case, as written) hold a name heard as several words: (first,
    end, name) for each window, left to right, not overlapping. Only windows around a word
    that is not English are tried: most texts have none, and cost one look-up a word."""
    unknown = [i for i, w in enumerate(words) if w.isalpha() and not is_word(w)]
    found: list[tuple[int, int, str]] = []
    taken = 0  # windows may not overlap one already found
    for i in unknown:
        if i < taken:
            continue
        match = None
        for width in range(WIDEST, 1, -1):
            for first in range(max(taken, i - width + 1), i + 1):
                window = words[first:first + width]
                if len(window) < width or not all(w.isalpha() for w in window):
                    continue
                name = table.get(sound_key("".join(window)))
                if name is not None:
                    match = (first, first + width, name)
                    break
            if match:
                break
        if match:
            found.append(match)
            taken = match[1]
    return found
