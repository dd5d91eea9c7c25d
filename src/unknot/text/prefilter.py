"""Skip a pattern whose words are not in the text, without running its regex.

Most texts fire few rules, yet every rule's regex would be searched for in
every text. Each compiled pattern needs certain words to be there: "sudden*
... headache" cannot match a text with no word starting "sudden", and no word
"headache". The compiler works out these needs from the pattern itself (see
`patterns.py`), and a `Prefilter` turns a text's words into the set of
patterns whose needs are met, once per text; a pattern outside that set
cannot match, so its regex is never run. The answer is the same either way:
the needs are necessary, never sufficient.

A need is a set of alternatives, any one of which will do: `=word` (a token
that is exactly `word`) or `^stem` (a token that starts with `stem`). `None`
means the pattern needs nothing we can check, and is always run.
"""

from __future__ import annotations

from collections.abc import Iterable

Need = frozenset[str] | None

# Words in almost every text: a need made of them filters nothing, so a pattern's
# need is taken from its rarer words when it has any.
_COMMON = frozenset({
    "a", "an", "the", "my", "his", "her", "their", "your", "i", "me", "to", "of", "in", "on",
    "at", "and", "or", "is", "it", "for", "with", "be", "was", "not", "no", "can", "have", "has",
    "had", "do", "so", "up", "out", "this", "that", "but", "from", "by", "as", "am", "are",
    "just", "like", "get", "got", "very", "really", "all", "after", "when", "been", "will",
    "would", "one", "some", "its", "there", "then", "now", "about", "into", "over", "off",
    ",", ".", "-", "/",
})
_NOT_WORTH_IT = 1_000  # cost of a need that filters almost nothing


def exact(word: str) -> Need:
    return frozenset({"=" + word})


def prefix(stem: str) -> Need:
    return frozenset({"^" + stem})


def cost(need: Need) -> float:
    """How little a need filters: the sum over its alternatives (lower is better)."""
    if need is None:
        return float("inf")
    total = 0
    for key in need:
        word = key[1:]
        if key[0] == "=":
            total += 100 if word in _COMMON or len(word) < 2 else 1
        else:
            total += 100 if len(word) <= 2 else 5 if len(word) == 3 else 1
    return total


def any_of(needs: Iterable[Need]) -> Need:
    """The need of alternatives: one of them must be met, so any of their needs will do."""
    out: set[str] = set()
    for need in needs:
        if need is None:
            return None
        out |= need
    return frozenset(out)


def all_of(needs: Iterable[Need]) -> Need:
    """The need of a sequence: every part must be there, so the most selective part's need
    is enough (None when no part needs anything)."""
    best: Need = None
    for need in needs:
        if need is not None and cost(need) < cost(best):
            best = need
    if best is not None and cost(best) >= _NOT_WORTH_IT:
        return None
    return best


# The equivalence test turns the prefilter off to compare results with and without it;
# it is not a setting for users.
ENABLED = True


class Prefilter:
    """Every pattern a compiler made, with its need; for a text, which could match."""

    def __init__(self) -> None:
        self._exact: dict[str, int] = {}
        self._prefix: dict[str, int] = {}
        self._lengths: tuple[int, ...] = ()
        self._always = 0
        self._count = 0

    def add(self, need: Need) -> int:
        """Register a pattern's need; returns its bit."""
        bit = 1 << self._count
        self._count += 1
        if need is None:
            self._always |= bit
            return bit
        for key in need:
            table = self._exact if key[0] == "=" else self._prefix
            table[key[1:]] = table.get(key[1:], 0) | bit
        self._lengths = tuple(sorted({len(stem) for stem in self._prefix}))
        return bit

    def mask(self, words: Iterable[str]) -> int:
        """The bits of the patterns whose needs these words meet (all bits when off)."""
        if not ENABLED:
            return -1
        found = self._always
        exact, prefixes, lengths = self._exact, self._prefix, self._lengths
        for word in words:
            found |= exact.get(word, 0)
            size = len(word)
            for length in lengths:
                if length > size:
                    break
                found |= prefixes.get(word[:length], 0)
        return found
