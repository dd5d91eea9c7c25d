"""A small pattern language over normalised text, compiled to regular expressions.

Rule and lexicon files describe what to look for in words, not regexes:

    numb*                     a word starting with "numb"
    cough|sneez*              either word
    pass water|empty my bladder   either phrase
    lower? back               "lower" may be missing
    sudden* ... headache      up to four words (or commas) between; `..2` for up to two
    lower|low ..0 back        slots with no gap: "lower back" or "low back"
    sats ..6w 70|71|72        a gap of words only, no number: the number read is the
                              first one after "sats" ("sats 98, pulse 72" is no low reading)
    70|71 ..0 !minutes|quid   not followed by: a slot that starts with "!" matches no word
                              but says what the next word must not be ("90 minutes")
    $fever                    any phrase of the concept `fever`

Every pattern is compiled once; matching returns the token span so negation
and evidence can be worked out from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from unknot.text import prefilter, programs
from unknot.text.normal import NormalText
from unknot.text.prefilter import Need, Prefilter

# What a gap may skip: words, numbers and the punctuation inside a clause or between clauses
# ("headache: went from 0 to 10/10 in seconds" — a colon introduces what follows, as a
# comma does; "HA + blurry" — a plus or an ampersand joins, as "and" does).
_WORD = r"[a-z0-9'/.,:+&-]"
_DEFAULT_GAP = 4
# A gap of words only (`..6w`), for reading a measurement: it skips no number ("98", "98.5",
# "98/99") and no other reading's name before its number ("sats fine, heart rate is 90";
# "oxygen on the pulse thing says 88" and "oxygen rate was 85" are read), though it skips a time
# or an amount with its unit in one token ("3am", "2l").
_WORDS_ONLY = (r"(?![0-9][0-9/.,:%+-]* |(?:(?<!on the )pulse|heart|hr|bpm|temp|temperature|bp|pressure|"
               r"glucose|sugars?|weight|resp|rr) (?:rate )?(?:(?:is|was|were|of|at|reads|reading|"
               r"says|said|about|around|now|still) ){0,2}[0-9])")


class PatternError(ValueError):
    """A pattern in a data file cannot be compiled; the message says which and why."""


# Whose body a finding is about is the scope's question (text/scope.py), so a pattern
# written in the first person also reads a carer's account: "twisted my knee" finds
# "twisted his knee".
_PERSON_NEUTRAL = {
    "my": (r"(?:my|his|her|their|your) ",
           frozenset({frozenset({"=my", "=his", "=her", "=their", "=your"})})),
    "myself": (r"(?:myself|himself|herself|themselves|themself|yourself) ",
               frozenset({frozenset({"=myself", "=himself", "=herself", "=themselves",
                                     "=themself", "=yourself"})})),
}


# A piece of a pattern: its regex, what it needs, and the needs of each way it can match
# (see `prefilter.each` and `prefilter.either`).
_Piece = tuple[str, Need, tuple[Need, ...]]


# A regex's ways (see `LazyRegex`): for each key bit, the bits of the ways filed under it.
Ways = dict[int, tuple[int, ...]]


def _filed(ways: list[tuple[int, int]]) -> Ways:
    """(key bit, bits) of each way, filed by key: once each, and none that asks for all
    another asks and more (when it is met, so is the other)."""
    unique = sorted(dict(reversed(ways)).items(), key=lambda way: (way[0].bit_count(), way[0]))
    kept: list[tuple[int, int]] = []
    for bits, key in unique:
        if not any(bits & smaller == smaller for smaller, _ in kept):
            kept.append((bits, key))
    filed: dict[int, list[int]] = {}
    for bits, key in kept:
        filed.setdefault(_shared(key), []).append(_shared(bits))
    return {key: _shared(tuple(found)) for key, found in filed.items()}


# One object for each distinct mask, and tuple of masks, across the patterns compiled in a
# process: many patterns share them, and a pickle stores a shared object once, so the
# prepared engine is smaller and quicker to read at start-up. (Ints and tuples of ints are
# immutable: sharing them changes nothing else.)
_SHARED: dict = {}


def _shared(value):
    return _SHARED.setdefault(value, value)


def _word_piece(word: str) -> tuple[str, Need]:
    """Regex and need of one plain word (`numb*`, `fever`, `my`)."""
    if word in _PERSON_NEUTRAL:
        return _PERSON_NEUTRAL[word]
    if word.endswith("*"):
        stem = word[:-1]
        if not stem:
            raise PatternError("a lone '*' matches everything; give a stem")
        return re.escape(stem) + r"[a-z0-9'.-]* ", prefilter.prefix(stem)
    return re.escape(word) + " ", prefilter.exact(word)


def _positions(bits: int) -> tuple[int, ...]:
    # (shared, as the masks are: the same positions are one object in a pickle)
    return _shared(prefilter.bit_positions(bits))


# A regex's ways as they are stored in a prepared form: (key position, (positions of each
# way's bits, …)) for each key. Written out as masks they were half of the prepared engine,
# and most are never consulted by a command that screens one text.
PackedWays = tuple[tuple[int, tuple[tuple[int, ...], ...]], ...]


def _pack(ways: Ways | None) -> PackedWays | None:
    if ways is None:
        return None
    return _shared(tuple((key.bit_length() - 1, _shared(tuple(_positions(bits) for bits in found)))
                         for key, found in ways.items()))


def _unpack(packed: PackedWays | None) -> Ways | None:
    if packed is None:
        return None
    return {1 << key: tuple(prefilter.from_positions(positions) for positions in found)
            for key, found in packed}


class _Everything(frozenset):
    """The positions held when the prefilter is off: every need is met."""

    def issuperset(self, other) -> bool:  # noqa: ARG002 — every set is within it
        return True

    def __contains__(self, item) -> bool:  # noqa: ARG002
        return True


EVERYTHING: AbstractSet[int] = _Everything()


class LazyRegex:
    """A pattern's regex, compiled the first time it is searched for.

    Compiling every pattern costs far more than screening one text, and the
    prefilter means most texts never need most patterns: a command that screens
    one text compiles only what that text needs.
    """

    __slots__ = ("pattern", "needs", "_ways", "_packed", "_compiled", "_needs_positions",
                 "_way_positions")

    def __init__(self, pattern: str, needs: int = 0, ways: Ways | None = None):
        self.pattern = pattern
        # Prefilter bits (see `prefilter.py`): all of `needs`, and all of one of the `ways`
        # (None: some way needs nothing). Each way is filed under one bit it needs, that of
        # its most telling clause: a text then tests only the ways whose key it has — a
        # couple, of a hundred — instead of every one.
        self.needs = needs
        self._ways = ways
        self._packed: PackedWays | None = None
        self._compiled: re.Pattern[str] | None = None
        self._needs_positions: tuple[int, ...] | None = None
        self._way_positions: PackedWays | None | bool = False  # (False: not yet made)

    @property
    def ways(self) -> Ways | None:
        if self._packed is not None:  # read from a prepared form: unpacked on first use
            self._ways, self._packed = _unpack(self._packed), None
        return self._ways

    def could_match_in(self, held: AbstractSet[int]) -> bool:
        """Whether a text whose prefilter bits are at the positions `held`
        (`PatternCompiler.held`) could hold a match: it has every bit of `needs` and every bit
        of one of the `ways`."""
        needs = self._needs_positions
        if needs is None:
            needs = self._needs_positions = _positions(self.needs)
        if not held.issuperset(needs):
            return False
        ways = self._way_positions
        if ways is False:
            ways = self._way_positions = self._packed if self._packed is not None else _pack(
                self._ways)
        if ways is None:
            return True
        for key, found in ways:
            if key in held:
                for positions in found:
                    if held.issuperset(positions):
                        return True
        return False

    def __getstate__(self) -> tuple[str, tuple[int, ...], PackedWays | None]:
        # Kept in a prepared form without the compiled regex (it compiles again when used),
        # and with its masks as bit positions (`_pack`).
        packed = self._packed if self._packed is not None else _pack(self._ways)
        return self.pattern, _positions(self.needs), packed

    def __setstate__(self, state: tuple[str, tuple[int, ...], PackedWays | None]) -> None:
        self.pattern, needs, self._packed = state
        self.needs = prefilter.from_positions(needs)
        self._ways = None
        self._compiled = None
        self._needs_positions, self._way_positions = needs, self._packed

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = programs.compile(self.pattern)
        return self._compiled

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern[:60]!r}…)"


class PatternCompiler:
    """Compiles patterns, expanding `$concept` references from `concepts`.

    Beside each regex it works out the words the pattern needs (see `prefilter.py`):
    every piece of a pattern starts at a token and ends with the space after one, so a
    plain word must be a whole token and a stem the start of one.
    """

    def __init__(self, concepts: Mapping[str, Iterable[str]]):
        self._concepts = {name: list(phrases) for name, phrases in concepts.items()}
        self._cache: dict[str, _Piece] = {}
        self._expanding: list[str] = []
        self.prefilter = Prefilter()

    def __getstate__(self) -> dict:
        # The concepts' expansions are worked out again when a pattern is compiled (no
        # screen needs them): a prepared form without them loads a third sooner.
        return {"_concepts": self._concepts, "prefilter": self.prefilter}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cache = {}
        self._expanding = []

    def concept_regex(self, name: str) -> str:
        return self._concept(name)[0]

    def _concept(self, name: str) -> _Piece:
        if name in self._cache:
            return self._cache[name]
        if name not in self._concepts:
            raise PatternError(f"unknown concept ${name}")
        if name in self._expanding:
            raise PatternError(f"concept ${name} refers to itself: {' → '.join(self._expanding)}")
        self._expanding.append(name)
        try:
            parted = [self._parts(p) for p in self._concepts[name]]
        finally:
            self._expanding.pop()
        pieces = [("".join(parts), need, ways) for parts, need, ways in parted]
        body = "(?:" + _alternatives([parts for parts, _, _ in parted]) + ")"
        need = prefilter.any_of(need for _, need, _ in pieces)
        self._cache[name] = body, need, prefilter.either([ways for _, _, ways in pieces])
        return self._cache[name]

    def body(self, pattern: str) -> str:
        """Regex for `pattern`; each piece consumes its own trailing space."""
        return self._body(pattern)[0]

    def need(self, pattern: str) -> Need:
        """The words `pattern` needs in a text to match it (see `prefilter.py`)."""
        return self._body(pattern)[1]

    def ways(self, pattern: str) -> tuple[Need, ...]:
        """The needs of each way `pattern` can match: a text that meets none of them cannot
        match it (see `prefilter.each`)."""
        return self._body(pattern)[2]

    def _body(self, pattern: str) -> _Piece:
        """Regex, need and ways for `pattern` (see `_parts`)."""
        parts, need, ways = self._parts(pattern)
        return "".join(parts), need, ways

    def _parts(self, pattern: str) -> tuple[list[str], Need, tuple[Need, ...]]:
        """The regex of each slot and gap of `pattern`, in order, its need and its ways.

        Gaps (`...`, `..N`, `..0` for none) split a pattern into slots; within a
        slot `|` separates alternative phrases: "can not|trouble ..3 pee|pass water".
        Every slot must match, so the pattern needs what its most telling slot needs.
        """
        terms = pattern.lower().split()
        if not terms:
            raise PatternError("empty pattern")
        parts: list[str] = []
        needs: list[Need] = []
        ways: list[tuple[Need, ...]] = []
        slot: list[str] = []
        for term in terms + ["..0"]:
            if term == "..." or re.fullmatch(r"\.\.\d+w?", term):
                if slot and slot[0].startswith("!"):
                    # Not followed by: a look ahead, which needs nothing of the text.
                    regex = "(?!" + self._slot(" ".join(slot)[1:])[0] + ")"
                    parts.append(regex)
                    needs.append(prefilter.NOTHING)
                    ways.append((prefilter.NOTHING,))
                    slot = []
                elif slot:
                    regex, need, slot_ways = self._slot(" ".join(slot))
                    parts.append(regex)
                    needs.append(need)
                    ways.append(slot_ways)
                    slot = []
                elif not parts:
                    raise PatternError("a pattern cannot start with a gap")
                size = _DEFAULT_GAP if term == "..." else int(term[2:].rstrip("w"))
                only_words = _WORDS_ONLY if term.endswith("w") else ""
                if size:
                    # Capturing: the only groups in a pattern, so negation can look inside
                    # what a gap skipped ("headache, not the worst").
                    # Lazy: the nearest match wins, so a gap never swallows a denial
                    # that belongs to a closer, complete phrase ("rash that does not fade").
                    parts.append(rf"((?:{only_words}{_WORD}+ ){{0,{size}}}?)")
            else:
                slot.append(term)
        need = prefilter.all_of(needs)
        return parts, need, prefilter.each(ways, need)

    def _slot(self, text: str) -> _Piece:
        alternatives, needs, ways = [], [], []
        for phrase in text.split("|"):
            words = phrase.split()
            if not words:
                raise PatternError(f"empty alternative in {text!r}")
            pieces = [self._word(word) for word in words]
            alternatives.append("".join(regex for regex, _, _ in pieces))
            need = prefilter.all_of(need for _, need, _ in pieces)
            needs.append(need)
            ways.append(prefilter.each([piece_ways for _, _, piece_ways in pieces], need))
        regex = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        need = prefilter.any_of(needs)
        return regex, need, prefilter.either(ways)

    def _word(self, term: str) -> _Piece:
        optional = term.endswith("?") and len(term) > 1
        if optional:
            term = term[:-1]
        if term.startswith("$"):
            piece, need, ways = self._concept(term[1:])
        elif "-" in term.strip("-"):
            # Text splits "c-section" into "c - section"; so does the pattern.
            pieces = [(re.escape("-") + " ", prefilter.exact("-")) if part == "-"
                      else _word_piece(part) for part in re.split(r"(-)", term) if part]
            piece = "".join(regex for regex, _ in pieces)
            need = prefilter.all_of(need for _, need in pieces)
            ways = (need,)
        else:
            piece, need = _word_piece(term)
            ways = (need,)
        # An optional word may be missing: it needs nothing.
        if optional:
            return f"(?:{piece})?", prefilter.NOTHING, (prefilter.NOTHING,)
        return piece, need, ways

    def compile(self, patterns: Iterable[str]) -> LazyRegex:
        """One regex matching any of `patterns` at a word start (`find_hits` searches it).

        Its need is registered with the compiler's prefilter: `may_match` tells
        whether a text could hold it at all."""
        bodies, needs, ways = [], [], []
        for pattern in patterns:
            try:
                parts, need, pattern_ways = self._parts(pattern)
            except PatternError as exc:
                raise PatternError(f"pattern {pattern!r}: {exc}") from exc
            bodies.append(parts)
            needs.append(need)
            ways.extend(pattern_ways)
        if not bodies:
            raise PatternError("no patterns given")
        # Two checks: the clause every pattern shares (one test for the whole condition),
        # then, when that passes, whether some one way of matching has all it needs.
        filed = None if prefilter.NOTHING in ways else _filed(
            [(self.prefilter.bits(way), self.prefilter.bits(frozenset({prefilter.best(way)})))
             for way in ways])
        # Searched in the text with a space before it (`_Hits.next`): every match starts at a
        # space, a literal the regex engine skips to, instead of trying every character
        # (as a look-behind for a space, or the start, would make it do).
        return LazyRegex(r" (?:" + _alternatives(bodies) + ")",
                         self.prefilter.bits(prefilter.any_of(needs)),
                         filed)

    def held(self, text: NormalText) -> AbstractSet[int]:
        """The positions of the prefilter bits of the clauses `text` meets (worked out once a
        text), for `LazyRegex.could_match_in`; everything when the prefilter is off."""
        key = ("held", id(self))
        found = text.memo.get(key)
        if found is None or found[0] is not self:
            positions = self.prefilter.held(text.words)
            found = text.memo[key] = self, EVERYTHING if positions is None else positions
        return found[1]

    def may_match(self, regex: LazyRegex, text: NormalText) -> bool:
        """False only when `text` lacks the words `regex` needs: then it cannot match."""
        return regex.could_match_in(self.held(text))

    def phrases(self) -> list[str]:
        """Every phrase of every concept."""
        return [phrase for phrases in self._concepts.values() for phrase in phrases]

    def literal_words(self) -> set[str]:
        """Every plain word the concepts mention (spelling targets)."""
        words: set[str] = set()
        for phrases in self._concepts.values():
            for phrase in phrases:
                words |= words_of(phrase)
        return words


# Off only in tests/test_intake_prefilter_equivalence.py, which screens labelled sentences both ways.
SHARE_FIRST_SLOTS = True


def _alternatives(bodies: list[list[str]]) -> str:
    """The bodies (each its slots' and gaps' regexes) as one alternation, those that begin
    with the same first slot written once: "$headache ..10 $sudden" and "$headache ... $worst"
    become `H(?:G10 S|G4 W)`. At each word the regex engine then tries the shared first slot
    once instead of once for each body — a concept of dozens of phrases, tried a dozen
    times, was most of the cost of the largest patterns. The group stands where its first
    body stood, its bodies in their order; only bodies with another first slot move after
    it, and a match that two such bodies could both make at one word, with different ends,
    is the only case that could read otherwise (labelled sentences are screened both ways in
    `tests/test_intake_prefilter_equivalence.py`)."""
    if not SHARE_FIRST_SLOTS:
        return "|".join("".join(parts) for parts in bodies)
    groups: dict[str, list[str]] = {}
    for parts in bodies:
        groups.setdefault(parts[0], []).append("".join(parts[1:]))
    out = []
    for first, rests in groups.items():
        if len(rests) == 1:
            out.append(first + rests[0])
        else:
            out.append(first + "(?:" + "|".join(rests) + ")")
    return "|".join(out)


def words_of(pattern: str) -> set[str]:
    """Plain words of a pattern (no stems, gaps or concepts), for the spelling vocabulary."""
    out = set()
    for term in pattern.lower().split():
        for alt in term.rstrip("?").lstrip("!").split("|"):
            if alt.isalpha() and not alt.startswith("$"):
                out.add(alt)
            elif "-" in alt and not alt.startswith("$"):
                # "co-codamol" is read as "co - codamol": its parts are words of their own
                # (left out, "codamol" was mended to "cocodamol" and never matched).
                out.update(part for part in alt.rstrip("*").split("-") if part.isalpha())
            elif alt.endswith("*") and alt[:-1].isalpha() and len(alt) > 5:
                out.add(alt[:-1])
    return out


class Hit(NamedTuple):
    """Where a pattern matched: token indexes (inclusive) in the `NormalText`.

    `gaps` are the token spans that gaps skipped over, innermost words last.
    (A named tuple: made and hashed for every match, at a third of a dataclass's cost.)
    """

    first: int
    last: int
    gaps: tuple[tuple[int, int], ...] = ()


class _Hits:
    """The matches of one regex in one text, found as far as anyone has asked: most
    questions need only the first live one, and the search after the last match scans
    the rest of the text for nothing."""

    __slots__ = ("regex", "found", "position", "done")

    def __init__(self, regex: LazyRegex) -> None:
        self.regex = regex
        self.found: list[Hit] = []
        self.position = 0  # in the haystack, where the next search starts
        self.done = False

    def next(self, text: NormalText) -> bool:
        """Find one more match; False when there are no more."""
        search = self.regex.compiled.search
        # A space before the text as after each token: every match starts at a space (see
        # `compile`), and a position in `haystack` is one past the same place in `norm`.
        haystack = text.haystack
        while True:
            match = search(haystack, self.position)
            if match is None:
                self.done = True
                return False
            start = match.start()  # (the space before the first token: in `norm`, that token)
            end = match.end() - 2  # in `norm`, without the trailing space every piece consumes
            if end <= start:
                self.position = start + 1
                continue
            first, last = text.token_span(start, end)
            gaps = tuple(text.token_span(a - 1, b - 2)
                         for a, b in match.regs[1:] if a >= 0 and b > a)
            self.found.append(Hit(first, last, gaps))
            # Next search from the following token, so a negated first hit
            # does not hide a later, un-negated one that overlaps it.
            self.position = start + len(text.tokens[first].norm) + 1
            return True


def _hits_of(regex: LazyRegex, text: NormalText) -> _Hits:
    key = id(regex)  # (hashing a compiled regex hashes its whole program)
    hits = text.memo.get(key)
    if hits is None or hits.regex is not regex:
        hits = text.memo[key] = _Hits(regex)
    return hits


def iter_hits(regex: LazyRegex, text: NormalText) -> Iterator[Hit]:
    """The matches of `regex` in order, each searched for only when asked for (and found
    once per text: many rules share a pattern, and the regions are looked for more than
    once)."""
    hits = _hits_of(regex, text)
    index = 0
    while True:
        if index < len(hits.found):
            yield hits.found[index]
            index += 1
        elif hits.done or not hits.next(text):
            return


def find_hits(regex: LazyRegex, text: NormalText) -> list[Hit]:
    """All matches of `regex`, as token spans."""
    hits = _hits_of(regex, text)
    while not hits.done:
        hits.next(text)
    return list(hits.found)
