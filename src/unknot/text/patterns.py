"""A small pattern language over normalised text, compiled to regular expressions.

Rule and lexicon files describe what to look for in words, not regexes:

    numb*                     a word starting with "numb"
    cough|sneez*              either word
    pass water|empty my bladder   either phrase
    lower? back               "lower" may be missing
    sudden* ... headache      up to four words (or commas) between; `..2` for up to two
    lower|low ..0 back        slots with no gap: "lower back" or "low back"
    $fever                    any phrase of the concept `fever`

Every pattern is compiled once; matching returns the token span so negation
and evidence can be worked out from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from unknot.text.normal import NormalText

_WORD = r"[a-z0-9'/.,-]"
_DEFAULT_GAP = 4


class PatternError(ValueError):
    """A pattern in a data file cannot be compiled; the message says which and why."""


# Whose body a finding is about is the scope's question (text/scope.py), so a pattern
# written in the first person also reads a carer's account: "twisted my knee" finds
# "twisted his knee".
_PERSON_NEUTRAL = {
    "my": r"(?:my|his|her|their|your) ",
    "myself": r"(?:myself|himself|herself|themselves|themself|yourself) ",
}


def _word_regex(word: str) -> str:
    if word in _PERSON_NEUTRAL:
        return _PERSON_NEUTRAL[word]
    if word.endswith("*"):
        stem = word[:-1]
        if not stem:
            raise PatternError("a lone '*' matches everything; give a stem")
        return re.escape(stem) + r"[a-z0-9'.-]* "
    return re.escape(word) + " "


class PatternCompiler:
    """Compiles patterns, expanding `$concept` references from `concepts`."""

    def __init__(self, concepts: Mapping[str, Iterable[str]]):
        self._concepts = {name: list(phrases) for name, phrases in concepts.items()}
        self._cache: dict[str, str] = {}
        self._expanding: list[str] = []

    def concept_regex(self, name: str) -> str:
        if name in self._cache:
            return self._cache[name]
        if name not in self._concepts:
            raise PatternError(f"unknown concept ${name}")
        if name in self._expanding:
            raise PatternError(f"concept ${name} refers to itself: {' → '.join(self._expanding)}")
        self._expanding.append(name)
        try:
            body = "(?:" + "|".join(self.body(p) for p in self._concepts[name]) + ")"
        finally:
            self._expanding.pop()
        self._cache[name] = body
        return body

    def body(self, pattern: str) -> str:
        """Regex for `pattern`; each piece consumes its own trailing space.

        Gaps (`...`, `..N`, `..0` for none) split a pattern into slots; within a
        slot `|` separates alternative phrases: "can not|trouble ..3 pee|pass water".
        """
        terms = pattern.lower().split()
        if not terms:
            raise PatternError("empty pattern")
        parts: list[str] = []
        slot: list[str] = []
        for term in terms + ["..0"]:
            if term == "..." or re.fullmatch(r"\.\.\d+", term):
                if slot:
                    parts.append(self._slot(" ".join(slot)))
                    slot = []
                elif not parts:
                    raise PatternError("a pattern cannot start with a gap")
                size = _DEFAULT_GAP if term == "..." else int(term[2:])
                if size:
                    # Capturing: the only groups in a pattern, so negation can look inside
                    # what a gap skipped ("headache, not the worst").
                    # Lazy: the nearest match wins, so a gap never swallows a denial
                    # that belongs to a closer, complete phrase ("rash that does not fade").
                    parts.append(rf"((?:{_WORD}+ ){{0,{size}}}?)")
            else:
                slot.append(term)
        return "".join(parts)

    def _slot(self, text: str) -> str:
        alternatives = []
        for phrase in text.split("|"):
            words = phrase.split()
            if not words:
                raise PatternError(f"empty alternative in {text!r}")
            alternatives.append("".join(self._word(word) for word in words))
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    def _word(self, term: str) -> str:
        optional = term.endswith("?") and len(term) > 1
        if optional:
            term = term[:-1]
        if term.startswith("$"):
            piece = self.concept_regex(term[1:])
        elif "-" in term.strip("-"):
            # Text splits "c-section" into "c - section"; so does the pattern.
            piece = "".join(re.escape("-") + " " if part == "-" else _word_regex(part)
                            for part in re.split(r"(-)", term) if part)
        else:
            piece = _word_regex(term)
        return f"(?:{piece})?" if optional else piece

    def compile(self, patterns: Iterable[str]) -> re.Pattern[str]:
        """One regex matching any of `patterns`, anchored at word starts."""
        bodies = []
        for pattern in patterns:
            try:
                bodies.append(self.body(pattern))
            except PatternError as exc:
                raise PatternError(f"pattern {pattern!r}: {exc}") from exc
        if not bodies:
            raise PatternError("no patterns given")
        return re.compile(r"(?:(?<= )|^)(?:" + "|".join(bodies) + ")")

    def literal_words(self) -> set[str]:
        """Every plain word the concepts mention (spelling targets)."""
        words: set[str] = set()
        for phrases in self._concepts.values():
            for phrase in phrases:
                words |= words_of(phrase)
        return words


def words_of(pattern: str) -> set[str]:
    """Plain words of a pattern (no stems, gaps or concepts), for the spelling vocabulary."""
    out = set()
    for term in pattern.lower().split():
        for alt in term.rstrip("?").split("|"):
            if alt.isalpha() and not alt.startswith("$"):
                out.add(alt)
            elif alt.endswith("*") and alt[:-1].isalpha() and len(alt) > 5:
                out.add(alt[:-1])
    return out


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a pattern matched: token indexes (inclusive) in the `NormalText`.

    `gaps` are the token spans that gaps skipped over, innermost words last.
    """

    first: int
    last: int
    gaps: tuple[tuple[int, int], ...] = ()


def find_hits(regex: re.Pattern[str], text: NormalText) -> list[Hit]:
    """All non-overlapping matches of `regex`, as token spans."""
    haystack = text.norm + " "
    hits = []
    position = 0
    while True:
        match = regex.search(haystack, position)
        if match is None:
            break
        end = match.end() - 1  # drop the trailing space every piece consumes
        if end <= match.start():
            position = match.start() + 1
            continue
        first, last = text.token_span(match.start(), end)
        gaps = tuple(text.token_span(a, b - 1) for a, b in match.regs[1:] if a >= 0 and b > a)
        hits.append(Hit(first, last, gaps))
        # Next search from the following token, so a negated first hit
        # does not hide a later, un-negated one that overlaps it.
        position = match.start() + len(text.tokens[first].norm) + 1
    return hits
