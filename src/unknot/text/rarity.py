"""How often the words of a prefilter clause turn up in English: to file each safety rule
under the rarest words it needs (`safety.engine.Engine`), so that a text leads to the few
rules worth a look rather than every rule that needs "pain" or "back".

Read from pyspellchecker's English word-frequency list, only when an engine is built (a
command loads the engine's prepared form, and never reads this list).
"""

from __future__ import annotations

import bisect
from itertools import accumulate

from unknot.text.prefilter import Clause

# A word the list does not know is rare; one it knows counts at least this often.
_UNKNOWN = 1


class Rarity:
    def __init__(self) -> None:
        from spellchecker import SpellChecker

        counts = SpellChecker(language="en", distance=1).word_frequency.dictionary
        self._words = sorted(counts)
        self._counts = counts
        self._running = list(accumulate(counts[word] for word in self._words))

    def _exact(self, word: str) -> int:
        return self._counts.get(word, _UNKNOWN)

    def _prefix(self, stem: str) -> int:
        """The counts of every word that starts with `stem`."""
        low = bisect.bisect_left(self._words, stem)
        high = bisect.bisect_left(self._words, stem + "\uffff")
        if low == high:
            return _UNKNOWN
        return self._running[high - 1] - (self._running[low - 1] if low else 0)

    def of(self, clause: Clause) -> int:
        """How often a text would meet the clause: the sum over its alternatives."""
        return sum(self._exact(key[1:]) if key[0] == "=" else self._prefix(key[1:])
                   for key in clause)
