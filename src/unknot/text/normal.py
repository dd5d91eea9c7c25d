"""Turn a person's words into normalised tokens that keep their place in the original text.

Patterns match against `NormalText.norm` — lower-case tokens joined by single
spaces, contractions opened up ("can't" → "can not"), obvious typos mended —
while every token remembers the span of the original text it came from, so a
rule can quote the person's own words as evidence.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from unknot.text.programs import Lazy

# Words, numbers (with a decimal or a slash score like 8/10), or single punctuation marks;
# two letters joined by "&" are one word ("A&E", "A & E", "D&V"), as the rules write them.
_TOKEN = Lazy(r"\b[a-z] ?& ?[a-z]\b|\d+(?:[.,]\d+)?(?:/\d+)?[a-z]*|[a-z]+(?:['’][a-z]+)*"
              r"|[.,;:!?()\-–—/+]", re.IGNORECASE)

# Opened up so that negation is a word of its own ("haven't" → "have not").
_CONTRACTIONS = {
    "can't": ["can", "not"], "cannot": ["can", "not"], "couldn't": ["can", "not"],
    "couldnt": ["can", "not"], "wouldn't": ["will", "not"], "won't": ["will", "not"],
    "shan't": ["shall", "not"], "ain't": ["is", "not"], "i'm": ["i", "am"],
    "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"],
    "i've": ["i", "have"], "i'd": ["i", "would"], "i'll": ["i", "will"],
    "she's": ["she", "is"], "he's": ["he", "is"], "what's": ["what", "is"],
    "let's": ["let", "us"], "you're": ["you", "are"], "we're": ["we", "are"],
    "they're": ["they", "are"],
}

_OPENED = {"ll": "will", "ve": "have", "re": "are"}
_WOULD_SUBJECTS = frozenset({"you", "he", "she", "we", "they", "it", "who", "that"})

SENTENCE_END = frozenset({".", "!", "?", ";"})
# Marks that stand between one sentence and the next ("Sore neck... (kidding, it's the usual)",
# "chest pain. - went to A&E"): passed over to find where the next sentence begins.
_BETWEEN_SENTENCES = SENTENCE_END | {"…", "(", ")", "-"}


class Token(NamedTuple):
    """One word or mark. (A named tuple: a text makes dozens, and a frozen dataclass
    costs three times as much to make.)"""

    norm: str       # the normalised form patterns see
    start: int      # span in the original text
    end: int
    corrected: bool = False


_DASHES = frozenset({"–", "—"})
_WEIGHT = re.compile(r"(\d+(?:[.,]\d+)?)(kg|kgs|kilos?|lbs?|st|stone)")
# An age or a span written as one word ("6wk old", "9mths", "2yrs"): the number and the unit
# in full, as "6 week old" reads — the age is what tells a baby from an adult.
_SPAN = re.compile(r"(\d+)(wk|wks|mo|mos|mth|mths|mnth|mnths|yr|yrs)")
_SPAN_UNITS = {"wk": "week", "wks": "weeks", "mo": "month", "mos": "months", "mth": "month",
               "mths": "months", "mnth": "month", "mnths": "months", "yr": "year", "yrs": "years"}


# Letters with accents read as their plain letters ("cesárea" as "cesarea", "ciąży" as
# "ciazy"), one character for one so that every token keeps its place in the original.
_FOLDED_LETTERS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "s", "đ": "d", "Đ": "D",
                   "ı": "i", "æ": "a", "œ": "o"}


@lru_cache(maxsize=4096)
def _fold_letter(char: str) -> str:
    if char in _FOLDED_LETTERS:
        return _FOLDED_LETTERS[char]
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base.isascii() and base.isalpha() else char


def _fold(text: str) -> str:
    return "".join(char if char.isascii() else _fold_letter(char) for char in text)


def _split(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    if not text.isascii():
        text = _fold(text)
    for match in _TOKEN.finditer(text):
        raw = match.group().lower()
        start, end = match.span()
        if "'" not in raw and "’" not in raw and raw not in _CONTRACTIONS:
            # Most tokens: a plain word, number or mark.
            if raw[0].isdigit() and raw[-1].isalpha() and (weight := _WEIGHT.fullmatch(raw)):
                # "lost 10kg": the number and the unit, as "lost 10 kg" reads.
                append(Token(weight.group(1), start, end))
                append(Token(weight.group(2), start, end))
                continue
            if raw[0].isdigit() and raw[-1].isalpha() and (span := _SPAN.fullmatch(raw)):
                append(Token(span.group(1), start, end))
                append(Token(_SPAN_UNITS[span.group(2)], start, end))
                continue
            if "&" in raw:
                raw = raw.replace(" ", "")  # "a & e" → "a&e"
            append(Token("-" if raw in _DASHES else raw, start, end))
            continue
        raw = raw.replace("’", "'")
        if raw in _CONTRACTIONS:
            tokens.extend(Token(part, start, end) for part in _CONTRACTIONS[raw])
        elif raw.endswith("n't"):
            append(Token(raw[:-3], start, end))
            append(Token("not", start, end))
        elif raw.endswith(("'ll", "'ve", "'re")) and len(raw) > 3:
            # "it'll", "they've", "who're": the verb as a word of its own, like "i'll".
            append(Token(raw[:-3], start, end))
            append(Token(_OPENED[raw[-2:]], start, end))
        elif raw.endswith("'d") and raw[:-2] in _WOULD_SUBJECTS:
            # "you'd", "she'd": read as "would" (as "i'd" is), so "the bit you'd sit on" reads.
            append(Token(raw[:-2], start, end))
            append(Token("would", start, end))
        elif raw.endswith("'s"):
            # "wife's", "neck's": the possessive adds nothing a pattern needs.
            append(Token(raw[:-2], start, end))
        else:
            append(Token(raw, start, end))
    return tokens


class _once:  # noqa: N801 — used as a decorator, like `cached_property`
    """`functools.cached_property` without the lock Python 3.11 takes on every first use
    (a screen works out four of these a text). Two threads racing would both work out
    the same value."""

    def __init__(self, work: Callable) -> None:
        self._work = work
        self._name = work.__name__
        self.__doc__ = work.__doc__

    def __get__(self, owner: object, kind: type | None = None):
        if owner is None:
            return self
        value = owner.__dict__[self._name] = self._work(owner)
        return value


@dataclass(frozen=True)
class NormalText:
    original: str
    tokens: tuple[Token, ...]
    # What was worked out once about this text (which patterns could match it).
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @_once
    def norm(self) -> str:
        return " ".join(token.norm for token in self.tokens)

    @_once
    def haystack(self) -> str:
        """`norm` with a space before and after, as patterns are searched in it."""
        return " " + self.norm + " "

    @_once
    def words(self) -> frozenset[str]:
        """Each distinct token once."""
        return frozenset(token.norm for token in self.tokens)

    @_once
    def _offsets(self) -> list[int]:
        """Character offset in `norm` where each token starts."""
        offsets, position = [], 0
        for token in self.tokens:
            offsets.append(position)
            position += len(token.norm) + 1
        return offsets

    def token_at(self, char_offset: int) -> int:
        """Index of the token that starts at or contains `char_offset` of `norm`."""
        return max(0, bisect.bisect_right(self._offsets, char_offset) - 1)

    def token_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Token indexes [first, last] covered by a span of `norm`."""
        first = self.token_at(norm_start)
        last = self.token_at(max(norm_start, norm_end - 1))
        return first, last

    @_once
    def sentences(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """For each token, the index of the first and of the last token of its sentence
        (worked out once, so looking for a sentence's bounds never rescans it)."""
        starts, ends = [0] * len(self.tokens), [0] * len(self.tokens)
        start = 0
        for index, token in enumerate(self.tokens):
            starts[index] = start
            if token.norm in SENTENCE_END:
                start = index + 1
        end = len(self.tokens) - 1
        for index in range(len(self.tokens) - 1, -1, -1):
            if self.tokens[index].norm in SENTENCE_END:
                end = index - 1 if index > 0 else 0
                ends[index] = index
                continue
            ends[index] = end
        return tuple(starts), tuple(ends)

    def next_sentence(self, index: int) -> tuple[int, int] | None:
        """First and last token of the sentence after the one that holds token `index`
        (the marks between them passed over), or None when none follows."""
        after = self.sentences[1][index] + 1
        while after < len(self.tokens) and self.tokens[after].norm in _BETWEEN_SENTENCES:
            after += 1
        if after >= len(self.tokens):
            return None
        return after, self.sentences[1][after]

    def norm_of(self, first: int, last: int) -> str:
        """The normal words of tokens first..last, one space between."""
        return " ".join(token.norm for token in self.tokens[first:last + 1])

    def evidence(self, first: int, last: int) -> str:
        """The person's own words for tokens first..last."""
        return self.original[self.tokens[first].start:self.tokens[last].end]


def _expand_capitals(text: str, tokens: list[Token], capitals: dict[str, str]) -> list[Token]:
    """Each word typed as one of `capitals` ("HA"), as its meaning ("headache")."""
    out: list[Token] = []
    for token in tokens:
        meaning = capitals.get(text[token.start:token.end])
        if meaning is None or text[token.end:token.end + 1].isdigit():
            # ("L5", "S1": a letter glued to a number is a code, not the word it stands for)
            out.append(token)
        else:
            out.extend(Token(part, token.start, token.end, corrected=True)
                       for part in meaning.split())
    return out


def _join_heard(tokens: list[Token], heard: Callable[[list[str]], list[tuple[int, int, str]]]
                ) -> list[Token]:
    """Each run of words that is a medicine name heard by dictation, as that one name."""
    found = heard([token.norm for token in tokens])
    if not found:
        return tokens
    out: list[Token] = []
    index = 0
    for first, end, name in found:
        out.extend(tokens[index:first])
        out.append(Token(name, tokens[first].start, tokens[end - 1].end, corrected=True))
        index = end
    out.extend(tokens[index:])
    return out


def _merge(tokens: list[Token], idioms: dict[tuple[str, ...], str]) -> list[Token]:
    """Fold idioms into one token ("hay fever" → "hayfever") so no rule mistakes them."""
    by_first = _idioms_by_first_word(idioms)
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        candidates = by_first.get(tokens[index].norm)
        if candidates is None:
            out.append(tokens[index])
            index += 1
            continue
        for phrase, word in candidates:
            end = index + len(phrase)
            if tuple(t.norm for t in tokens[index:end]) == phrase:
                # The stand-in may be several words ("could not" → "can not").
                out.extend(Token(part, tokens[index].start, tokens[end - 1].end)
                           for part in word.split())
                index = end
                break
        else:
            out.append(tokens[index])
            index += 1
    return out


_last_idioms: list = [None, None]  # the idiom table last indexed, and its index


def _idioms_by_first_word(idioms: dict[tuple[str, ...], str]
                          ) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Idioms grouped by their first word, in the table's order (the first that fits wins);
    made once for the lexicon's table rather than on every text."""
    if _last_idioms[0] is not idioms or _last_idioms[1][0] != len(idioms):
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, word in idioms.items():
            index.setdefault(phrase[0], []).append((phrase, word))
        _last_idioms[:] = [idioms, (len(idioms), index)]
    return _last_idioms[1][1]


def normalise(text: str, correct: Callable[[str], str | None] | None = None,
              idioms: dict[tuple[str, ...], str] | None = None,
              heard: Callable[[list[str]], list[tuple[int, int, str]]] | None = None,
              capitals: dict[str, str] | None = None) -> NormalText:
    """Tokenise `text`; `correct(word)` may return a mended spelling for unknown words;
    `idioms` are word sequences that mean something else together ("hay fever"); `heard`
    finds medicine names dictation wrote as several words ("a pick saban"); `capitals` are
    abbreviations read only as typed in capitals ("HA": headache)."""
    tokens = _split(text)
    if ":" in text or "[" in text or "(" in text or not text.isascii():
        # A pasted form's tick boxes and one-letter answers, read as words (`forms`; imported
        # here because it builds on this module's tokens).
        from unknot.text.forms import read_boxes, read_letter_answers

        tokens = read_boxes(text, tokens)
        if ":" in text:
            tokens = read_letter_answers(text, tokens)
    if capitals and not text.islower():  # (every key is typed in capitals)
        tokens = _expand_capitals(text, tokens, capitals)
    if heard is not None:
        tokens = _join_heard(tokens, heard)
    if correct is not None:
        mended = []
        for token in tokens:
            fixed = correct(token.norm) if token.norm.isalpha() else None
            if fixed and fixed != token.norm:
                # A fix may be two words ("lowerback" → "lower back"): both keep the span.
                for part in fixed.split():
                    mended.append(Token(part, token.start, token.end, corrected=True))
            else:
                mended.append(token)
        tokens = mended
    if idioms:
        tokens = _merge(tokens, idioms)
    return NormalText(original=text, tokens=tuple(tokens))
