"""The lexicon: lay words for regions and goals, shared concepts, and spelling repair.

Loaded once from `data/lexicon.yaml`. Spelling repair only touches words that
are neither in the lexicon nor common English (so "feel" never becomes
"feet"), and only towards words the lexicon or the rules use.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from unknot.text.normal import NormalText, normalise
from unknot.text.patterns import LazyRegex, PatternCompiler, PatternError, words_of
from unknot.vocabulary import GOALS, REGIONS

LEXICON_FILE = Path(__file__).parent / "data" / "lexicon.yaml"

# Words at least this frequent in the English word list count as real words.
_KNOWN_WORD_FREQUENCY = 40



class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the entry."""


def _english_list() -> Path:
    """pyspellchecker's English word-frequency list (found without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:
        raise LexiconError("pyspellchecker is not installed; unknot needs its English word list")
    return Path(spec.origin).parent / "resources" / "en.json.gz"


class WordList:
    """Sorted words in one string: a prepared form that loads in no time (a set of
    150,000 words takes longer to load than a whole screen). Looked up by bisection
    until it has been asked often enough to be worth a set."""

    _WORTH_A_SET = 500  # look-ups

    def __init__(self, words: Iterable[str]):
        ordered = sorted(set(words))
        self._text = "\n".join(ordered)
        starts, position = array("I"), 0
        for word in ordered:
            starts.append(position)
            position += len(word) + 1
        starts.append(position)
        self._starts = starts
        self._asked = 0
        self._set: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self._starts) - 1

    def _word(self, index: int) -> str:
        return self._text[self._starts[index]:self._starts[index + 1] - 1]

    def make_set(self) -> None:
        """Look words up in a set from now on (a long-running process does it once, at start)."""
        if self._set is None:
            self._set = frozenset(self._text.split("\n")) if self._text else frozenset()

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        self._asked += 1
        if self._asked > self._WORTH_A_SET:
            self.make_set()
            return word in self._set
        low, high = 0, len(self)
        while low < high:
            middle = (low + high) // 2
            if self._word(middle) < word:
                low = middle + 1
            else:
                high = middle
        return low < len(self) and self._word(low) == word

    def __getstate__(self) -> tuple[str, array]:
        return self._text, self._starts

    def __setstate__(self, state: tuple[str, array]) -> None:
        self._text, self._starts = state
        self._asked, self._set = 0, None


def _read_known_english() -> WordList:
    # pyspellchecker ships an English word-frequency list; we only read it. Only words
    # the speller could be asked about are kept (see `_correct`).
    from spellchecker import SpellChecker

    frequencies = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return WordList(word for word, count in frequencies.items()
                    if count >= _KNOWN_WORD_FREQUENCY and 4 <= len(word) <= _LONGEST_CORRECTABLE)


@lru_cache(maxsize=1)
def known_english() -> WordList:
    """Common English words, which spelling repair leaves alone."""
    from unknot import prepared

    return prepared.load("english", [_english_list()], _read_known_english, WordList)


@dataclass
class Lexicon:
    compiler: PatternCompiler
    regions: dict[str, LazyRegex]
    goals: dict[str, LazyRegex]
    misspellings: dict[str, str]
    vocabulary: set[str] = field(default_factory=set)
    idioms: dict[tuple[str, ...], str] = field(default_factory=dict)
    # Abbreviations that mean one thing only in capitals ("HA": headache), as typed.
    capitals: dict[str, str] = field(default_factory=dict)
    # Medicine names as dictation writes them, by sound key (`sounds.py`).
    sound_alike: dict[str, str] = field(default_factory=dict)
    # Words that place a local problem in a region without making it a complaint:
    # "a tooth out" leaves the jaw alone, but brushing one's teeth is no jaw complaint.
    sites: dict[str, LazyRegex] = field(default_factory=dict)
    # Words that touch the mind: not a finding, only a reason to ask the mood questions.
    mind: LazyRegex | None = None
    # How many patterns (concepts, regions, goals, rules) mention each word: of two repairs
    # equally close, the word the screen reads far more often is the likelier meaning —
    # "cheest" is chest, not cheese; "weezy" wheezy, not weepy; "tounge" tongue, not twinge.
    mentions: dict[str, int] = field(default_factory=dict)

    def add_vocabulary(self, patterns: list[str]) -> None:
        for pattern in patterns:
            self.vocabulary |= _count_mentions(self.mentions, pattern)
        self._targets = None  # rebuilt on next use
        self._near = None

    @property
    def _target_list(self) -> list[str]:
        if getattr(self, "_targets", None) is None:
            self._targets = sorted(w for w in self.vocabulary if len(w) >= 4)
        return self._targets

    def _targets_near(self, size: int, limit: int) -> list[str]:
        """The spelling targets within `limit` letters of `size` long: no other can be within
        `limit` edits of a word that long. In the target list's order, so that matching
        ones tie as they would over the whole list (a fifth of it to score, not all)."""
        near = getattr(self, "_near", None)
        if near is None:
            near = self._near = {}
        key = (size, limit)
        if key not in near:
            near[key] = [w for w in self._target_list if abs(len(w) - size) <= limit]
        return near[key]

    def read(self, text: str) -> NormalText:
        """`text` tokenised with everything the lexicon knows: abbreviations in capitals,
        medicine names heard by dictation, spelling repair and idioms (`normalise`)."""
        return normalise(text, self.correct, self.idioms, self.heard_names, self.capitals)

    def heard_names(self, words: list[str]) -> list[tuple[int, int, str]]:
        """Medicine names written as the words they sound like (`sounds.heard_as`)."""
        if not self.sound_alike:
            return []
        from unknot.text.sounds import heard_as

        # The English word list is read only for a word the lexicon does not know: most
        # texts have none, and a one-shot command then never loads the list.
        return heard_as(words, self.sound_alike,
                        lambda w: len(w) < 4 or w in self.vocabulary or w in known_english())

    def correct(self, word: str) -> str | None:
        """A mended spelling for `word`, or None when it is fine or beyond repair."""
        return _correct(self, word)


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


# No word of the lexicon is longer; fuzzy matching a longer one costs time for nothing
# (a pasted blob must not stall the screen).
_LONGEST_CORRECTABLE = 24


def _count_mentions(mentions: dict[str, int], pattern: str) -> set[str]:
    """Count each plain word of `pattern` once more in `mentions`; the words, for the vocabulary."""
    words = words_of(pattern)
    for word in words:
        mentions[word] = mentions.get(word, 0) + 1
    return words


def _weight(mentions: int) -> int:
    """Mentions in bands (1, 2–3, 4–7, 8 and more): only a clear difference decides, so the
    letters' own evidence still settles words the screen reads about as often."""
    return min(mentions.bit_length(), 4)


def _correct(lexicon: Lexicon, word: str) -> str | None:
    fixed = lexicon.misspellings.get(word)
    if fixed is not None:
        return fixed
    if len(word) < 4 or len(word) > _LONGEST_CORRECTABLE or word in lexicon.vocabulary:
        return None
    if word in known_english():
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    limit = 1 if len(word) <= 5 else 2
    candidates = process.extract(word, lexicon._targets_near(len(word), limit),
                                 scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=8)
    if candidates:
        # Ties go to the word that starts the same way ("wors" → "worse", not "words").
        mentions = lexicon.mentions
        # (two letters off, the letters decide alone: "Mudder" is a race, not "muddled")
        best = min(candidates, key=lambda c: (c[1],
                                              -_weight(mentions.get(c[0], 0)) if c[1] == 1 else 0,
                                              not c[0].startswith(word),
                                              sorted(c[0]) != sorted(word),  # a swap: wrost
                                              -_common_prefix(c[0], word),
                                              abs(len(c[0]) - len(word)), c[0]))
        return best[0]
    # Two words run together: "lowerback", "neckpain".
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if head in lexicon.vocabulary and tail in lexicon.vocabulary:
            return f"{head} {tail}"
    return None


def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    import yaml  # (here: a command loads the lexicon's prepared form, without YAML)

    from unknot.strict_yaml import strict_loader

    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=strict_loader())
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path.name}: cannot read: {exc}") from exc
    concepts = raw.get("concepts", {})
    compiler = PatternCompiler(concepts)
    regions, goals, sites = {}, {}, {}
    try:
        for name, patterns in (raw.get("sites") or {}).items():
            if name not in REGIONS:
                raise LexiconError(f"{path.name}: sites.{name}: not a region of the vocabulary")
            sites[name] = compiler.compile(patterns)
        for name, patterns in raw["regions"].items():
            if name not in REGIONS:
                raise LexiconError(f"{path.name}: regions.{name}: not a region of the vocabulary")
            regions[name] = compiler.compile(patterns)
        for name, patterns in raw["goals"].items():
            if name not in GOALS:
                raise LexiconError(f"{path.name}: goals.{name}: not a goal of the vocabulary")
            goals[name] = compiler.compile(patterns)
    except PatternError as exc:
        raise LexiconError(f"{path.name}: {exc}") from exc
    vocabulary = compiler.literal_words()
    mentions: dict[str, int] = {}
    for phrase in compiler.phrases():
        _count_mentions(mentions, phrase)
    for patterns in list(raw["regions"].values()) + list(raw["goals"].values()):
        for pattern in patterns:
            vocabulary |= _count_mentions(mentions, pattern)
    try:
        # Compiled after the vocabulary is read, so spelling repair never aims at these words:
        # they only widen a checklist.
        mind = compiler.compile(raw["mind"]) if raw.get("mind") else None
    except PatternError as exc:
        raise LexiconError(f"{path.name}: mind: {exc}") from exc
    misspellings = {str(k): str(v) for k, v in (raw.get("misspellings") or {}).items()}
    idioms = {tuple(str(k).split()): str(v) for k, v in (raw.get("idioms") or {}).items()}
    from unknot.text.sounds import sound_table

    capitals = raw.get("capitals") or {}
    if not isinstance(capitals, dict) or not all(
            isinstance(k, str) and k.isalpha() and isinstance(v, str) and v
            for k, v in capitals.items()):
        raise LexiconError(f"{path.name}: capitals: a mapping of words in capitals to their "
                           f"meaning, e.g. HA: headache")
    names = raw.get("sound_alike") or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.isalpha() for n in names):
        raise LexiconError(f"{path.name}: sound_alike: a list of single words (medicine names)")
    return Lexicon(compiler=compiler, regions=regions, goals=goals, misspellings=misspellings,
                   vocabulary=vocabulary, idioms=idioms, sites=sites, mentions=mentions, mind=mind,
                   sound_alike=sound_table(names), capitals=dict(capitals))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
