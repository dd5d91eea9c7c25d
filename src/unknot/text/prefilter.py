"""Skip a pattern whose words are not in the text, without running its regex.

Most texts fire few rules, yet every rule's regex would be searched for in
every text. Each compiled pattern needs certain words to be there: "sudden*
... headache" cannot match a text with no word starting "sudden" and no word
"headache". The compiler works out these needs from the pattern itself (see
`patterns.py`), and a `Prefilter` turns a text's words into the set of needs
it meets, once per text; a pattern whose needs are not all met cannot match,
so its regex is never run. The answer is the same either way: the needs are
necessary, never sufficient.

A need is a set of clauses that must all be met (here: "sudden*" and
"headache"); a clause is a set of alternatives, any one of which will do:
`=word` (a token that is exactly `word`) or `^stem` (a token that starts with
`stem`). The empty need asks for nothing: the pattern is always run.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable

Clause = frozenset[str]
Need = frozenset[Clause]
NOTHING: Need = frozenset()

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
_NOT_WORTH_IT = 1_000  # cost of a clause that filters almost nothing
_CLAUSES_KEPT = 3  # a pattern's most telling clauses; more cost time and filter little more


def exact(word: str) -> Need:
    return frozenset({frozenset({"=" + word})})


def prefix(stem: str) -> Need:
    return frozenset({frozenset({"^" + stem})})


def cost(clause: Clause) -> int:
    """How little a clause filters: the sum over its alternatives (lower is better)."""
    total = 0
    for key in clause:
        word = key[1:]
        if key[0] == "=":
            total += 100 if word in _COMMON or len(word) < 2 else 1
        else:
            total += 100 if len(word) <= 2 else 5 if len(word) == 3 else 1
    return total


def best(need: Need) -> Clause:
    """The clause of `need` that filters most."""
    return min(need, key=lambda clause: (cost(clause), sorted(clause)))


def any_of(needs: Iterable[Need]) -> Need:
    """The need of alternatives: one of them must match, so one clause — the best clause
    of each alternative, any of them — is needed (nothing when an alternative needs nothing)."""
    needs = list(needs)
    if len(needs) == 1:
        return needs[0]
    clause: set[str] = set()
    for need in needs:
        if not need:
            return NOTHING
        clause |= best(need)
    return _kept([frozenset(clause)])


def all_of(needs: Iterable[Need]) -> Need:
    """The need of a sequence: every part must be there, so every clause of every part is
    needed (the most telling few are kept)."""
    return _kept([clause for need in needs for clause in need])


# A pattern that can match in several ways ("pass water|pee", or any phrase of a concept)
# has one need for all of them, made of one clause of each way: "$vision_loss" then
# needs any of "eye", "side", "sight"... and most texts have one. While they are few,
# the needs of each way are kept as well: a text must meet all of one of them, which
# "side" alone never does. Past this many, the one need stands for them all.
_MOST_WAYS = 16


def each(parts: list[tuple[Need, ...]], need: Need) -> tuple[Need, ...]:
    """The ways of a sequence: one way of each part, all of them needed (or, when those
    would be too many, `need`: the need of the whole sequence)."""
    ways: list[Need] = [NOTHING]
    for part in parts:
        if len(ways) * len(part) > _MOST_WAYS:
            return (need,)
        ways = [all_of((way, other)) for way in ways for other in part]
    return tuple(dict.fromkeys(ways))


def either(parts: list[tuple[Need, ...]]) -> tuple[Need, ...]:
    """The ways of alternatives: every way of every one. Ways of one clause each make one
    way of one clause ("ache|pain|sore" needs any of the three words, whichever way it
    matches); past `_MOST_WAYS`, the ways whose best clause is the most telling are cut
    down to that clause and join it."""
    ways = [way for part in parts for way in part]
    if NOTHING in ways:
        return (NOTHING,)
    several = sorted({way for way in ways if len(way) > 1}, key=lambda way: (cost(best(way)),
                                                                           sorted(map(sorted, way))))
    single: set[str] = set()
    for way in ways:
        if len(way) == 1:
            single |= next(iter(way))
    # Cut down k ways and there are len(several) - k, and the one clause.
    cut = 0 if len(several) + bool(single) <= _MOST_WAYS else len(several) + 1 - _MOST_WAYS
    for way in several[:cut]:
        single |= best(way)
    kept = several[cut:]
    return ((frozenset({frozenset(single)}),) if single else ()) + tuple(kept)


def _kept(clauses: list[Clause]) -> Need:
    worth = sorted({c for c in clauses if cost(c) < _NOT_WORTH_IT}, key=lambda c: (cost(c), sorted(c)))
    return frozenset(worth[:_CLAUSES_KEPT])


# The equivalence test turns the prefilter off to compare results with and without it;
# it is not a setting for users.
ENABLED = True


def bit_positions(bits: int) -> tuple[int, ...]:
    """The positions of a mask's set bits, lowest first: a mask thousands of bits wide with a
    handful set is stored in a prepared form as these few small numbers, and a text's bits
    are walked this way. (Read off its binary digits: taking the lowest bit off in a loop costs
    a pass over the whole mask for every bit set.)"""
    digits = bin(bits)
    top = len(digits) - 1
    found = []
    index = digits.find("1", 2)
    while index != -1:
        found.append(top - index)
        index = digits.find("1", index + 1)
    found.reverse()
    return tuple(found)


def from_positions(positions: Iterable[int]) -> int:
    """The mask with these bits set (`bit_positions` back)."""
    bits = 0
    for position in positions:
        bits |= 1 << position
    return bits


class Prefilter:
    """Every clause a compiler's patterns need, each with a bit; for a text, the positions
    of the bits of the clauses it meets.

    Kept as each word's and stem's positions rather than as masks thousands of bits wide:
    a text is tested against a set of a hundred or so positions (a few lookups for each
    need), and a prepared form stores a few small numbers a word instead of a long int."""

    def __init__(self) -> None:
        self._exact: dict[str, tuple[int, ...]] = {}  # word → positions of the clauses it meets
        self._prefix: dict[str, tuple[int, ...]] = {}  # stem → the same
        self._lengths: tuple[int, ...] = ()  # every stem's length, shortest first
        self._bits: dict[Clause, int] | None = {}
        self._clauses: list[tuple[str, ...]] | bytes = []  # (in a prepared form: __getstate__)

    def __getstate__(self) -> dict:
        # Kept as each bit's clause, in bit order, pickled apart: only compiling a new
        # pattern needs them (as the dict of `bits`), and a screen compiles none, so a command
        # that screens a text does not read them at all.
        clauses = self._clauses
        if self._bits is not None:
            clauses = [tuple(sorted(clause)) for clause in self._bits]  # (in the order of bits)
        if not isinstance(clauses, bytes):
            clauses = pickle.dumps(clauses, protocol=pickle.HIGHEST_PROTOCOL)
        return {"_exact": self._exact, "_prefix": self._prefix, "_lengths": self._lengths,
                "_clauses": clauses}

    def _clause_list(self) -> list[tuple[str, ...]]:
        if isinstance(self._clauses, bytes):
            self._clauses = pickle.loads(self._clauses)
        return self._clauses

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._bits = None

    def bits(self, need: Need) -> int:
        """The bits of a need's clauses (registered on first sight): a text meets the need
        when it holds them all."""
        if self._bits is None:  # loaded from a prepared form
            self._bits = {frozenset(clause): 1 << index
                          for index, clause in enumerate(self._clause_list())}
        found = 0
        for clause in need:
            if clause not in self._bits:
                position = len(self._bits)
                self._bits[clause] = 1 << position
                for key in clause:
                    table = self._exact if key[0] == "=" else self._prefix
                    table[key[1:]] = (*table.get(key[1:], ()), position)
                self._lengths = tuple(sorted({len(stem) for stem in self._prefix}))
            found |= self._bits[clause]
        return found

    def clauses(self) -> list[Clause]:
        """Each bit's clause, in bit order (bit 1 << i is clause i)."""
        if self._bits is None:
            return [frozenset(clause) for clause in self._clause_list()]
        return sorted(self._bits, key=self._bits.__getitem__)

    def held(self, words: Iterable[str]) -> set[int] | None:
        """The positions of the bits of the clauses these words meet (None when the
        prefilter is off): what a screen tests a pattern's and a rule's needs against."""
        if not ENABLED:
            return None
        exact, prefixes, lengths = self._exact, self._prefix, self._lengths
        found: set[int] = set()
        for word in words:
            positions = exact.get(word)
            if positions:
                found.update(positions)
            size = len(word)
            for length in lengths:
                if length > size:
                    break
                positions = prefixes.get(word[:length])
                if positions:
                    found.update(positions)
        return found
