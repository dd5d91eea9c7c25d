"""The screening engine: runs every rule over what the person said and answered.

Each fired rule carries its id, message, source and the evidence (the person's
own words, or the answer) — never a bare yes/no. The most severe verdict wins;
cautions merge their avoid lists.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from unknot.plural import counted
from unknot.safety.facts import Facts
from unknot.safety.questions import Question
from unknot.safety.rules import Condition, Rule, RuleError, RuleSet
from unknot.text.lexicon import Lexicon
from unknot.text.negation import is_negated
from unknot.text.normal import NormalText
from unknot.text.patterns import (
    EVERYTHING,
    Hit,
    LazyRegex,
    PatternCompiler,
    PatternError,
    iter_hits,
)
from unknot.text.prefilter import bit_positions
from unknot.text.scope import (
    is_hypothetical,
    is_over,
    is_quoted,
    names_another_harmed,
    plainly_recovered,
    tells_own_injury,
    told_as_happening,
    whose,
)
from unknot.vocabulary import VERDICT_SEVERITY, expand_avoided, expand_regions

# How far from the evidence a region must be to count as the site of a local problem.
_SITE_WINDOW = 12
_LIST_RUN_ON = 5


@dataclass(frozen=True)
class Fired:
    """A rule that fired, with the words that fired it."""

    rule: Rule | Question  # a rule the text fired, or a question answered yes
    evidence: str
    avoid: tuple[str, ...]
    site_tokens: tuple[int, int] | None = None  # token span in the main text, when local


@dataclass
class Screening:
    verdict: str
    fired: list[Fired] = field(default_factory=list)

    @property
    def red_flags(self) -> list[Fired]:
        return [f for f in self.fired if f.rule.verdict in ("urgent", "see_doctor")]

    @property
    def cautions(self) -> list[Fired]:
        return [f for f in self.fired if f.rule.verdict == "caution"]

    @property
    def conditions(self) -> set[str]:
        """Health conditions shown by any finding, whatever its verdict."""
        return {condition for fired in self.fired for condition in fired.rule.conditions}

    @property
    def avoid(self) -> set[str]:
        out: set[str] = set()
        for fired in self.cautions:
            out.update(fired.avoid)
        return expand_avoided(out)

    def with_findings(self, extra: list[Fired]) -> Screening:
        """This screening plus more findings (answers to questions); a finding never
        lowers the verdict."""
        ids = {f.rule.id for f in self.fired}
        fired = self.fired + [f for f in extra if f.rule.id not in ids]
        return _screening(fired)


# The states a finding in the words establishes, as the answer would: (the condition a
# rule shows, the fact it sets).
_STATES = (("pregnancy", "pregnant"), ("postpartum", "postpartum"))


def _states_told(fired: list[Fired], facts: Facts) -> Facts:
    """`facts` with a pregnancy or a recent birth that the words showed (a caution naming the
    condition fired) and the answers left open; the same object when there is none."""
    changes: dict[str, object] = {}
    for condition, fact in _STATES:
        if getattr(facts, fact) is not None:
            continue  # answered: the answer stands
        shown = next((f for f in fired if condition in f.rule.conditions
                      and f.rule.verdict == "caution"), None)
        if shown is not None:
            changes[fact] = True
            changes[f"{fact}_evidence"] = shown.evidence or None
    return replace(facts, **changes) if changes else facts


class _Rarities:
    """The rarity of each prefilter bit's clause (`text.rarity`), worked out on demand."""

    def __init__(self, clauses: list) -> None:
        from unknot.text.rarity import Rarity

        self._clauses = clauses
        self._rarity = Rarity()
        self._known: dict[int, int] = {}

    def of_bits(self, bits: int) -> int:
        total = 0
        while bits:
            low = bits & -bits
            if low not in self._known:
                self._known[low] = self._rarity.of(self._clauses[low.bit_length() - 1])
            total += self._known[low]
            bits ^= low
        return total


def _filing(compiled: _CompiledRule, rarity: _Rarities) -> list[int]:
    """The bits to file a rule under, so that a text that could fire it has one of them:
    either one clause every text condition together needs (`needs`), or the keys of one
    condition's ways (a condition matches only through a way, and every way is filed under
    a key) — whichever a text meets least often. Empty: the rule is tried on every text."""
    options: list[list[int]] = []
    needs = compiled.needs
    while needs:
        low = needs & -needs
        options.append([low])
        needs ^= low
    for regex in compiled.texts:
        if regex is not None and regex.ways is not None:
            options.append(sorted(regex.ways))
    if not options:
        return []

    def how_often(option: list[int]) -> int:
        bits = 0
        for bit in option:
            bits |= bit
        return rarity.of_bits(bits)

    return min(options, key=lambda option: (how_often(option), len(option), option))


def _second_need(needs: int, filing: list[int], rarity: _Rarities) -> int | None:
    """The position of the rarest clause a rule needs besides the one it is filed under (every
    clause of `needs` must be in a text for the rule to fire), or None when it needs no other."""
    others = [bit for bit in bit_positions(needs) if [1 << bit] != filing]
    if not others:
        return None
    return min(others, key=lambda bit: (rarity.of_bits(1 << bit), bit))


def _facts_hold(compiled: _CompiledRule, facts: Facts, regions: set[str]) -> bool:
    # (a loop: this runs for the candidate rules that have facts)
    for condition in compiled.facts:  # noqa: SIM110
        if _fact_holds(condition, facts, regions) is None:
            return False
    return True


def _worth_evaluating(compiled: _CompiledRule, held: AbstractSet[int]) -> bool:
    """Whether every word a rule's text conditions need is in the text (the prefilter), from
    the positions of the text's prefilter bits."""
    # (a loop: cheaper than all() over a generator, and this runs for every candidate rule)
    for regex in compiled.texts:  # noqa: SIM110
        if regex is not None and not regex.could_match_in(held):
            return False
    return True


def _screening(fired: list[Fired]) -> Screening:
    verdict = max((f.rule.verdict for f in fired), key=VERDICT_SEVERITY.__getitem__,
                  default="ok")
    fired = sorted(fired, key=lambda f: -VERDICT_SEVERITY[f.rule.verdict])
    return Screening(verdict=verdict, fired=fired)


@dataclass(frozen=True)
class Texts:
    """The words screened: the main text, and each typed answer as a text of its own."""

    main: NormalText
    answers: tuple[NormalText, ...] = ()

    def all(self) -> tuple[NormalText, ...]:
        return (self.main, *self.answers)


@dataclass(frozen=True)
class Unless:
    """A rule's explanations: causes (`Rule.unless`), and excuses (`Rule.excuses`) with what,
    told beside one, overrules it."""

    regex: LazyRegex | None
    excuses: LazyRegex | None = None
    overruled: LazyRegex | None = None
    # (`Rule.excuse_groups`: each group's excuses and what overrules them)
    groups: tuple[tuple[LazyRegex, LazyRegex], ...] = ()


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    texts: tuple[LazyRegex | None, ...]  # per condition; None for non-text ones
    unless: Unless | None
    site_unless: LazyRegex | None  # near the evidence: no site to leave out any more
    needs: int  # prefilter bits every text condition needs: all must be present to fire
    facts: tuple[Condition, ...] = ()  # the conditions that are not text (checked first)
    needs_positions: tuple[int, ...] = ()  # the positions of the bits of `needs`

    def regexes(self) -> tuple[LazyRegex | None, ...]:
        """Every pattern the rule reads: its conditions', its explanations', what overrules
        them and its site's (None where a condition is not text or a list is empty)."""
        unless = self.unless
        groups = tuple(regex for group in unless.groups for regex in group) if unless else ()
        return (*self.texts, unless and unless.regex, unless and unless.excuses,
                unless and unless.overruled, self.site_unless, *groups)


class _PreparedRules(Sequence[_CompiledRule]):
    """The compiled rules of a prepared engine, each read from its own pickle when first
    asked for. A text leads to some forty candidate rules of nearly nine hundred, so a
    command that screens one text reads those, not all: reading every rule was about half of
    loading the engine. (A server reads them all at warm-up: `Engine.compile_all`.)"""

    __slots__ = ("_blobs", "_rules")

    def __init__(self, blobs: list[bytes]):
        self._blobs = blobs
        self._rules: list[_CompiledRule | None] = [None] * len(blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def __getitem__(self, index):  # (an int or a slice, as a list is read)
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        rule = self._rules[index]
        if rule is None:
            rule = self._rules[index] = pickle.loads(self._blobs[index])
        return rule

    def __iter__(self) -> Iterator[_CompiledRule]:
        return (self[index] for index in range(len(self._blobs)))


class Engine:
    """Rules compiled against a lexicon, ready to screen many texts."""

    def __getstate__(self) -> dict:
        # Each compiled rule is kept as a pickle of its own, read when first needed
        # (`_PreparedRules`).
        state = dict(self.__dict__)
        state["_compiled"] = [pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
                              for compiled in self._compiled]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._compiled = _PreparedRules(state["_compiled"])

    def __init__(self, rules: RuleSet, lexicon: Lexicon):
        self.lexicon = lexicon
        compiled_rules: list[_CompiledRule] = []
        self._compiled: Sequence[_CompiledRule] = compiled_rules
        problems = []
        for rule in rules.rules:
            try:
                texts = tuple(lexicon.compiler.compile(c.text) if c.text else None
                              for c in rule.when)
                unless = None
                if rule.unless or rule.excuses or rule.excuse_groups:
                    unless = Unless(
                        lexicon.compiler.compile(rule.unless) if rule.unless else None,
                        lexicon.compiler.compile(rule.excuses) if rule.excuses else None,
                        lexicon.compiler.compile(rule.excuses_overruled_by)
                        if rule.excuses_overruled_by else None,
                        tuple((lexicon.compiler.compile(group.excuses),
                               lexicon.compiler.compile(group.overruled_by))
                              for group in rule.excuse_groups))
                site_unless = (lexicon.compiler.compile(rule.site_unless)
                               if rule.site_unless else None)
            except PatternError as exc:
                problems.append(f"rule {rule.id}: {exc}")
                continue
            for condition in rule.when:
                if condition.text:
                    lexicon.add_vocabulary(condition.text)
            needs = 0
            for regex in texts:
                if regex is not None:
                    needs |= regex.needs
            facts = tuple(condition for condition in rule.when if not condition.text)
            compiled_rules.append(_CompiledRule(rule, texts, unless, site_unless, needs, facts,
                                                bit_positions(needs)))
        if problems:
            raise RuleError("\n".join(problems))
        # Each rule filed under the rarest words it needs (`_filing`): a text's present bits
        # then lead straight to the few rules worth a look, without a test of every rule.
        # The rules under a bit are a mask of their indexes: a text's candidates are the
        # masks of its bits or'ed together, already in order, with no set to build and sort.
        self._by_position: dict[int, int] = {}
        self._always = 0
        self._by_second: dict[int, int] = {}
        self._no_second = 0
        rarity = _Rarities(lexicon.compiler.prefilter.clauses())
        for index, compiled in enumerate(self._compiled):
            filing = _filing(compiled, rarity)
            if filing:
                for bit in filing:
                    position = bit.bit_length() - 1
                    self._by_position[position] = self._by_position.get(position, 0) | 1 << index
            else:
                self._always |= 1 << index
            # A second word it needs, tested the same way: of the rules a text's words lead
            # to, four in ten lack one of the others they need.
            second = _second_need(compiled.needs, filing, rarity)
            if second is None:
                self._no_second |= 1 << index
            else:
                self._by_second[second] = self._by_second.get(second, 0) | 1 << index
        self._seconds = frozenset(self._by_second)
        # Rules on a pregnancy or a birth as answered, other than those that show one:
        # evaluated again when the words show it (`_states_told`).
        self._on_states = [index for index, compiled in enumerate(self._compiled)
                           if any(c.pregnant or c.postpartum for c in compiled.rule.when)
                           and not {"pregnancy", "postpartum"} & set(compiled.rule.conditions)]
        # The bits rules are filed under: a text has about a hundred present bits, of
        # which only a dozen lead to rules, so the others are masked off before the walk.
        self._filed = frozenset(self._by_position)

    def _candidates(self, held: AbstractSet[int]) -> list[int]:
        """The rules (in order) that could fire: those filed under a bit the text has, and
        that have the second bit they need."""
        if held is EVERYTHING:  # the prefilter is off: every rule
            return list(range(len(self._compiled)))
        found = self._always
        by_position = self._by_position
        for position in self._filed.intersection(held):
            found |= by_position[position]
        seconds = self._no_second
        by_second = self._by_second
        for position in self._seconds.intersection(held):
            seconds |= by_second[position]
        return list(bit_positions(found & seconds))

    def compile_all(self) -> None:
        """Compile every pattern now (they compile on first use otherwise) and read spelling
        repair's word list into a set: for a long-lived process, so no request pays for a
        pattern's first use."""
        from unknot.text.lexicon import known_english

        known_english().make_set()
        for compiled in self._compiled:
            for regex in compiled.regexes():
                if regex is not None:
                    regex.compiled  # noqa: B018
        for regex in (*self.lexicon.regions.values(), *self.lexicon.goals.values()):
            regex.compiled  # noqa: B018

    def screen(self, texts: Texts, facts: Facts, complaint_regions: set[str],
               subject: str = "self") -> Screening:
        """Every rule over the texts; `subject` says whose body the routine is for, so
        that what is said of other people, or is plainly over, does not count."""
        fired = []
        # Every text condition must find its words in one of the texts: a rule whose
        # conditions' words are absent cannot fire, so it is not evaluated at all.
        compiler = self.lexicon.compiler
        held = compiler.held(texts.main)
        if texts.answers and held is not EVERYTHING:
            held = set(held).union(*(compiler.held(text) for text in texts.answers))
        rules = self._compiled

        def fire(indexes, facts: Facts) -> None:
            # (the cheapest tests first, inline: this loop runs for some forty candidate rules
            # a text, and most fail on the words they need or on a fact)
            for index in indexes:
                compiled = rules[index]
                if not held.issuperset(compiled.needs_positions):
                    continue
                if compiled.facts and not _facts_hold(compiled, facts, complaint_regions):
                    continue
                if _worth_evaluating(compiled, held):
                    result = self._evaluate(compiled, texts, facts, complaint_regions, subject)
                    if result is not None:
                        fired.append(result)

        fire(self._candidates(held), facts)
        told = _states_told(fired, facts)
        if told is not facts:
            # A pregnancy or a birth found in the words counts as if it had been answered:
            # the rules written on the answer ("pregnant: true") read the words too.
            done = {f.rule.id for f in fired}
            fire([index for index in self._on_states
                  if self._compiled[index].rule.id not in done], told)
        return _screening(fired)

    def _evaluate(self, compiled: _CompiledRule, texts: Texts, facts: Facts,
                  complaint_regions: set[str], subject: str) -> Fired | None:
        # The facts (age, weeks, regions…) cost nothing to check: a rule whose facts do
        # not hold is dropped before any of its text is searched.
        said: dict[int, str] = {}
        for index, (condition, regex) in enumerate(zip(compiled.rule.when, compiled.texts,
                                                       strict=True)):
            if regex is None:
                holds = _fact_holds(condition, facts, complaint_regions)
                if holds is None:
                    return None
                said[index] = holds
        # A condition whose pattern matches nowhere cannot hold: found before any hit of
        # another condition is read for denial, explanation and scope (the costly part),
        # which five of every six evaluations would otherwise do in vain.
        for regex in compiled.texts:
            if regex is not None and not _matches_somewhere(regex, texts, self.lexicon.compiler):
                return None
        evidence: list[str] = []
        anchor: tuple[NormalText, Hit] | None = None
        in_scope = _InScope(compiled.rule, texts.main, subject)
        taken = (_InScope(compiled.rule, texts.main, subject, still_taken=True)
                 if compiled.rule.medicine_taken else None)
        for index, regex in enumerate(compiled.texts):
            if regex is not None:
                scope = in_scope
                if taken is not None:
                    scope, taken = taken, None  # (the first text condition: the medicine)
                found = _first_live_hit(regex, texts, compiled.unless, scope,
                                        self.lexicon.compiler)
                if found is None:
                    return None
                text, hit = found
                anchor = anchor or found
                evidence.append(text.evidence(hit.first, hit.last))
            else:
                evidence.append(said[index])
        rule = compiled.rule
        avoid = list(rule.avoid)
        site = None
        if rule.avoid_site and anchor is not None and not _explained(
                compiled.site_unless, anchor[0], anchor[1], self.lexicon.compiler, far=True):
            text, hit = anchor
            # Every mention may name a site: "a cold sore and a rash on my face".
            regex = next(r for r in compiled.texts if r is not None)
            for other in _live_hits(regex, text, compiled.unless, in_scope, self.lexicon.compiler):
                avoid.extend(_regions_near(self.lexicon, text, other))
            if rule.site_whole_limb:
                avoid.extend(part for region in list(avoid) for part in _LIMB_OF.get(region, ()))
            if text is texts.main:
                site = _clause_around(text, hit)
        unique = " … ".join(dict.fromkeys(evidence))
        return Fired(rule=rule, evidence=unique, avoid=tuple(dict.fromkeys(avoid)),
                     site_tokens=site)


# The parts of a limb, for a site that is the whole limb (`Rule.site_whole_limb`).
_ARM = ("arms", "forearms", "hands")
_LEG = ("thighs", "knees", "calves", "feet")
_LIMB_OF = {part: limb for limb in (_ARM, _LEG) for part in limb}


def _sentence_bounds(text: NormalText, hit: Hit) -> tuple[int, int]:
    starts, ends = text.sentences
    return starts[hit.first], max(ends[hit.last], hit.last)


_UNLESS_REACH = 8
# Past those eight words an explanation still counts up to twelve words away when nothing
# turns the sentence between it and the finding ("the lump I keep finding in my glute is a
# trigger point", "a chest infection in January with swollen glands, all cleared") — but
# not across a "but" or a "now": "the kids had a fever last week and now I've got it".
# Only for what a doctor should see: an emergency is never explained away from that far.
_UNLESS_FAR_REACH = 12
_TURNS = frozenset({"but", "though", "although", "however", "except", "yet", "still",
                    "whereas", "now", "today", "again", "until"})


def _reach_edge(tokens, edge: int, step: int, bound: int, far: bool) -> int:
    """How far from `edge` (a hit's first or last token), towards `bound`, an explanation
    counts: `_UNLESS_REACH` words, and up to `_UNLESS_FAR_REACH` when `far` and no turn word
    stands between."""
    reach = _UNLESS_FAR_REACH if far else _UNLESS_REACH
    index = edge
    while index != bound and abs(index - edge) < reach:
        if abs(index - edge) >= _UNLESS_REACH and tokens[index + step].norm in _TURNS:
            break
        index += step
        if tokens[index].norm in _TURNS:
            reach = min(reach, _UNLESS_REACH)
    return index


def _excluded(unless: Unless | None, text: NormalText, hit: Hit,
              compiler: PatternCompiler | None = None, far: bool = False) -> bool:
    """An `unless` phrase near the hit, in its sentence, shows the rule does not apply
    ("fell asleep", "a stroke of genius", "my dad had a heart attack years ago"); so does an
    excuse (`Rule.excuses`), unless what overrules it is told in that sentence or the next."""
    if unless is None:
        return False
    if _explained(unless.regex, text, hit, compiler, far):
        return True
    for excuses, overruled in ((unless.excuses, unless.overruled), *unless.groups):
        if _explained(excuses, text, hit, compiler, far):
            start, end = _sentence_bounds(text, hit)
            if not _said_in(overruled, text, start, _next_sentence_end(text, end), compiler):
                return True
    return False


def _next_sentence_end(text: NormalText, end: int) -> int:
    """The last token of the sentence after the one ending at `end` (or `end` itself)."""
    following = text.next_sentence(end)
    return end if following is None else following[1]


def _explained(unless: LazyRegex | None, text: NormalText, hit: Hit,
               compiler: PatternCompiler | None = None, far: bool = False) -> bool:
    """Whether a phrase of `unless` near the hit, in its sentence, explains it away."""
    if unless is None or (compiler is not None and not compiler.may_match(unless, text)):
        return False  # (not anywhere in the text, so not near the hit either)
    start, end = _sentence_bounds(text, hit)
    low = _reach_edge(text.tokens, hit.first, -1, start, far)
    high = _reach_edge(text.tokens, hit.last, 1, end, far)
    window = NormalText(text.original, text.tokens[low:high + 1])
    # "though I haven't been dieting" does not explain weight loss away, nor does a
    # comparison: "aching like after a workout I never did".
    # (the likeness is read in the whole text: "like menopause but I'm a man" runs past the window)
    return any(not is_negated(window, h)
               and not _a_comparison(text, Hit(h.first + low, h.last + low, h.gaps))
               and (h.last + low < high - 4
                    or not _cut_short(unless, text, h.first + low, h.last + low))
               for h in iter_hits(unless, window))


def _said_in(regex: LazyRegex, text: NormalText, start: int, end: int,
             compiler: PatternCompiler | None) -> bool:
    """Whether the pattern is found, not denied, between tokens `start` and `end`."""
    if compiler is not None and not compiler.may_match(regex, text):
        return False
    sentence = NormalText(text.original, text.tokens[start:end + 1])
    return any(not is_negated(sentence, h) for h in iter_hits(regex, sentence))


def _cut_short(unless: LazyRegex, text: NormalText, first: int, last: int) -> bool:
    """Whether a phrase found near the window's end is only there because the window ends: a
    "not followed by" at its end looks past it in the whole text ("turned out to be the TV"
    is no explanation in "…the TV but they still tell me things")."""
    if last + 1 >= len(text.tokens):
        return False
    return not any(h.first == first and h.last == last for h in iter_hits(unless, text))


def _a_comparison(text: NormalText, hit: Hit) -> bool:
    """The phrase only says what something is like ("red like sunburn", "aching like after a
    workout", "as if I'd run a marathon"): a likeness, not the cause."""
    tokens = text.tokens
    first = hit.first
    if first >= 2 and tokens[first - 2].norm == "as" and tokens[first - 1].norm in {"if", "though"}:
        return True
    if first >= 3 and tokens[first - 1].norm in _DETERMINERS and tokens[first - 2].norm in (
            "after", "when") and tokens[first - 3].norm == "like":
        return True  # "numb, like after a filling": the phrase the likeness is made of
    if first < 1 or tokens[first - 1].norm != "like":
        return False
    if tokens[first].norm in _A_MOMENT:
        return True  # "…, like after a workout", "like when I ran"
    if any(token.norm == "but" for token in tokens[hit.last + 1:hit.last + 4]):
        return True  # "…, like menopause but I'm a 30-year-old man": set against itself
    if tokens[first].norm[:1].isdigit() or tokens[first].norm in _AMOUNTS:
        return False  # "at like five miles an hour": a hedge before an amount
    # "like" after a word that describes ("swollen like filler", "burning like heartburn"), not
    # after a pause or a hedge: "lumps, like knots" names them; "probs like chest day" hedges;
    # "I'd like" wants.
    before = tokens[first - 2].norm if first >= 2 else ""
    return before[:1].isalpha() and before not in _BEFORE_A_FILLER_LIKE


_DETERMINERS = frozenset({"a", "an", "the", "my", "your", "his", "her"})
_A_MOMENT = frozenset({"after", "when", "if", "i", "i'd", "i've", "id", "ive"})
_AMOUNTS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                      "ten", "twenty", "half", "twice", "once", "maybe", "about", "around"})
_BEFORE_A_FILLER_LIKE = frozenset({
    "probs", "prob", "probably", "get", "got", "gets", "getting", "at", "was", "were", "is",
    "its", "it's", "just", "about", "around", "totally", "literally", "um", "so", "and", "or",
    "but", "the", "a", "it", "i", "we", "they", "you", "would", "d", "'d", "really", "to",
    "things", "stuff", "something", "anything", "sort", "kind", "more", "feel", "feels", "felt"})


def _remembered(text: NormalText, key: tuple, work: Callable[[], object]):
    """`work()` once per text and key: rules that share a pattern ask the same of a hit."""
    memo = text.memo
    if key not in memo:
        memo[key] = work()
    return memo[key]


class _InScope:
    """Does a hit in the main text belong to the person massaged, now?

    Typed answers are always the person's own and current. Of the writer's own
    findings, only emergencies count when they massage someone else: the writer's
    blood thinners or a clot being treated do not change the other person's routine,
    but the writer's chest pain still needs help now.
    """

    # A plain class: one is made for every rule evaluated, a dozen a text.
    __slots__ = ("rule", "main", "subject", "still_taken")

    def __init__(self, rule: Rule, main: NormalText, subject: str, still_taken: bool = False):
        self.rule, self.main, self.subject = rule, main, subject
        # A medicine named (`Rule.medicine_taken`): never read as over.
        self.still_taken = still_taken

    def __call__(self, text: NormalText, hit: Hit) -> bool:
        if text is not self.main:
            return True
        if _remembered(text, ("supposed", hit), lambda: is_hypothetical(text, hit)):
            return False  # asked about, not had: "what should I do if I ever get chest pain"
        if self.still_taken and self.rule.about_anyone:
            return True
        if self.rule.about_anyone:
            over = _remembered(text, ("over", hit), lambda: is_over(text, hit))
            # (an illness told of anyone that is "all better" is over; a threat or a misuse
            # that "settled down" is not)
            return over is None or (
                over == "resolved" and self.rule.history == "settled_counts"
                and not _remembered(text, ("recovered", hit), lambda: plainly_recovered(text, hit)))
        owner = _remembered(text, ("whose", hit, self.subject),
                            lambda: whose(text, hit, self.subject))
        if owner == "other" and self.rule.done_to_the_writer and not names_another_harmed(text, hit):
            owner = "writer"  # "my bf gets physical when he drinks": done to the writer
        if owner == "other":
            # An emergency in someone's own words passed on ("Friend's just texted: 'can't
            # breathe, coughed up blood'") needs help now, whoever is massaged.
            # So does one told as happening now ("my dad's face has dropped and he can't
            # get his words out — my neck is killing me"): call for help for him first.
            return self.rule.verdict == "urgent" and (
                is_quoted(text, hit) or told_as_happening(text, hit)) and _remembered(
                text, ("over", hit), lambda: is_over(text, hit)) is None
        if (owner == "writer" and self.subject == "someone_else" and self.rule.verdict != "urgent"
                and not self.rule.writer_counts
                # (a carer hurt in the caring asks for themself too: "I hurt my back lifting her.
                # She has MS… my shoulder wakes me every night")
                and not _remembered(text, ("own injury",), lambda: tells_own_injury(text))):
            return False
        if self.rule.history == "always_counts" or self.still_taken:
            return True
        over = _remembered(text, ("over", hit), lambda: is_over(text, hit))
        history = self.rule.history
        return over is None or (over == "resolved"
                                and history in ("recent_counts", "settled_counts")) or (
            over == "checked" and history == "state_counts")


def _iter_live_hits(regex: LazyRegex, text: NormalText, unless: Unless | None,
                    in_scope: _InScope | None = None,
                    compiler: PatternCompiler | None = None,
                    words_seen: bool = False) -> Iterator[Hit]:
    if compiler is not None and not words_seen and not compiler.may_match(regex, text):
        return  # the words it needs are not in this text
    for hit in iter_hits(regex, text):
        if _remembered(text, ("negated", hit), lambda h=hit: is_negated(text, h)):
            continue
        if _excluded(unless, text, hit, compiler,
                     far=in_scope is not None and in_scope.rule.verdict != "urgent"):
            continue
        if in_scope is None or in_scope(text, hit):
            yield hit


def _live_hits(regex: LazyRegex, text: NormalText, unless: Unless | None,
               in_scope: _InScope | None = None,
               compiler: PatternCompiler | None = None) -> list[Hit]:
    """Hits that are neither denied nor explained away, about the person massaged, now."""
    return list(_iter_live_hits(regex, text, unless, in_scope, compiler))


def _first_live_hit(regex: LazyRegex, texts: Texts, unless: Unless | None,
                    in_scope: _InScope | None = None,
                    compiler: PatternCompiler | None = None) -> tuple[NormalText, Hit] | None:
    if not texts.answers:
        # One text: the screen has seen its words could match (`_worth_evaluating`).
        for hit in _iter_live_hits(regex, texts.main, unless, in_scope, compiler, True):
            return texts.main, hit
        return None
    for text in texts.all():
        for hit in _iter_live_hits(regex, text, unless, in_scope, compiler):
            return text, hit
    return None


def _matches_somewhere(regex: LazyRegex, texts: Texts, compiler: PatternCompiler) -> bool:
    """Whether the pattern matches in any of the texts, live or not (the hits are kept for
    the text: reading them again costs nothing)."""
    if not texts.answers:
        # One text: the screen has seen its words could match (`_worth_evaluating`).
        return next(iter_hits(regex, texts.main), None) is not None
    return any(compiler.may_match(regex, text) and next(iter_hits(regex, text), None) is not None
               for text in texts.all())


def _fact_holds(condition: Condition, facts: Facts, regions: set[str]) -> str | None:
    """The evidence when a non-text condition holds, else None."""
    if condition.age_at_least is not None:
        if facts.age is not None and facts.age >= condition.age_at_least:
            return facts.age_evidence or f"age {facts.age}"
        return None
    if condition.age_below is not None:
        if facts.age is not None and facts.age < condition.age_below:
            return facts.age_evidence or f"age {facts.age}"
        return None
    if condition.pain_at_least is not None:
        if facts.pain is not None and facts.pain >= condition.pain_at_least:
            return facts.pain_evidence or f"pain {facts.pain}/10"
        return None
    if condition.pain_rising is not None:
        return facts.pain_rising_evidence if facts.pain_rising else None
    if condition.pregnant is not None:
        if facts.pregnant != condition.pregnant:
            return None
        return (facts.pregnant_evidence if condition.pregnant else None) or \
            f"pregnant: {'yes' if condition.pregnant else 'no'}"
    if condition.pregnancy_weeks_below is not None:
        weeks = facts.pregnancy_weeks
        return f"{counted(weeks, 'week')} pregnant" if weeks is not None and \
            weeks < condition.pregnancy_weeks_below else None
    if condition.blood_pressure_at_least is not None:
        top, bottom = condition.blood_pressure_at_least
        if (facts.systolic is not None and facts.systolic >= top) or \
                (facts.diastolic is not None and facts.diastolic >= bottom):
            return f"blood pressure {facts.blood_pressure_evidence}"
        return None
    if condition.postpartum is not None:
        if facts.postpartum != condition.postpartum:
            return None
        return (facts.postpartum_evidence if condition.postpartum else None) or \
            "recently gave birth"
    if condition.duration_days_at_least is not None:
        days = facts.duration_days
        if days is not None and days >= condition.duration_days_at_least:
            return facts.duration_evidence or counted(days, "day")
        return None
    if condition.duration_days_below is not None:
        days = facts.duration_days
        if days is not None and days < condition.duration_days_below:
            return facts.duration_evidence or counted(days, "day")
        return None
    if condition.paracetamol_a_day_at_least is not None:
        taken = facts.paracetamol_a_day
        if taken is not None and taken >= condition.paracetamol_a_day_at_least:
            return f"{facts.paracetamol_evidence}: {counted(taken, 'tablet')} of paracetamol in a day"
        return None
    if condition.region is not None:
        matched = expand_regions(condition.region) & regions
        return ", ".join(sorted(matched)) if matched else None
    raise RuleError(f"condition with nothing to check: {condition}")


_CLAUSE_BREAKS = frozenset({",", ";", ".", "!", "?", "and", "but", "while", "though", "plus",
                            "also", "whereas", "although"})


_REGION_NOUNS = frozenset({"shoulder", "shoulders", "neck", "back", "arm", "arms", "leg", "legs",
                           "thigh", "thighs", "calf", "calves", "foot", "feet", "hand", "hands",
                           "face", "chest", "knee", "knees", "hip", "hips", "forehead", "scalp",
                           "elbow", "elbows", "shin", "shins", "ankle", "ankles", "wrist", "wrists",
                           "forearm", "forearms", "temples", "jaw", "cheek", "cheeks", "glutes",
                           "tummy", "belly", "stomach", "tailbone", "bottom", "bum"})
# Words that may stand between "and" and the next body part of one list: "shoulders and
# upper back", "behind his knees and down his shins" — but not "and sore calves" or "and my
# neck is stiff", which start a new complaint. A possessive joins only after a place word.
_SITE_LINKS = frozenset({"upper", "lower", "middle", "the", "both", "left", "right",
                         "down", "behind", "on", "across", "over", "round", "under",
                         "inner", "outer", "front", "sides",
                         # "the backs of my knees and the insides of my elbows"
                         "insides", "inside", "backs", "fronts", "tops", "of"})
_PLACE_WORDS = frozenset({"down", "behind", "on", "across", "over", "round", "under", "of"})
_POSSESSIVES = frozenset({"my", "his", "her", "their"})


def _joins_regions_ahead(text: NormalText, index: int) -> bool:
    """'psoriasis on my elbows and knees': looking ahead, 'and' after a body part joins the
    next one when only linking words stand between."""
    # Only "and": after a comma a new sentence of sorts begins ("…on my face, my neck is tight").
    if text.tokens[index].norm != "and" or index == 0 \
            or text.tokens[index - 1].norm not in _REGION_NOUNS:
        return False
    previous = ""
    for ahead in range(index + 1, min(index + 6, len(text.tokens))):
        word = text.tokens[ahead].norm
        if word in _REGION_NOUNS:
            return True
        if word not in _SITE_LINKS and not (word in _POSSESSIVES and previous in _PLACE_WORDS):
            return False
        previous = word
    return False


def _joins_regions(text: NormalText, index: int) -> bool:
    """'shoulders and upper back are burnt': looking back, 'and' between body parts joins them."""
    return (text.tokens[index].norm in {"and", ","} and index > 0
            and text.tokens[index - 1].norm in _REGION_NOUNS)


def _clause_around(text: NormalText, hit: Hit) -> tuple[int, int]:
    """Token span of the clause holding the hit: "a bruise on my thigh" of "…thigh and sore calves"."""
    low = hit.first
    while low > 0 and hit.first - low < _SITE_WINDOW and (
            text.tokens[low - 1].norm not in _CLAUSE_BREAKS or _joins_regions(text, low - 1)):
        low -= 1
    high = hit.last
    while high + 1 < len(text.tokens) and high - hit.last < _SITE_WINDOW and (
            text.tokens[high + 1].norm not in _CLAUSE_BREAKS or _joins_regions_ahead(text, high + 1)):
        high += 1
    # A list of parts the window cut short runs on to its last part: "…on the backs of my
    # knees and the insides of my elbows" (only link words and parts, a few at most).
    joined = next((i for i in range(high, hit.last, -1) if text.tokens[i].norm == "and"
                   and _joins_regions_ahead(text, i)), None)
    if joined is not None and all(t.norm in _SITE_LINKS | _POSSESSIVES
                                  for t in text.tokens[joined + 1:high + 1]):
        ahead = high
        while ahead + 1 < len(text.tokens) and ahead - high < _LIST_RUN_ON and (
                text.tokens[ahead + 1].norm in _SITE_LINKS | _POSSESSIVES | _REGION_NOUNS):
            ahead += 1
            if text.tokens[ahead].norm in _REGION_NOUNS:
                high = ahead
                break
    return low, high


_BACK_PARTS = frozenset({"lower", "low", "upper", "middle", "mid", "small", "bottom", "top"})
_WHOLE_BACK = ("upper_back", "middle_back", "lower_back")


_ACROSS = frozenset({"across", "over", "on", "down", "covering", "along", "all"})
_WHOSE = frozenset({"my", "his", "her", "their", "the", "whole", "entire"})


def _names_the_whole_back(tokens, low: int, high: int) -> bool:
    """'a rash across my back', 'bites all over his back': a place on the skin called just
    "back" is all of it (as a complaint, "my back" is most often the lower back, but what to
    leave out must not be a guess)."""
    for i in range(max(low, 1), high + 1):
        if tokens[i].norm != "back" or (i + 1 < len(tokens) and tokens[i + 1].norm == "of"):
            continue
        before = i - 1
        # "on his chest and back": the place word may come before a list of parts.
        while before > low and (tokens[before].norm in _WHOSE or tokens[before].norm == "and"
                                or tokens[before].norm in _REGION_NOUNS):
            before -= 1
        if tokens[before].norm in _ACROSS and tokens[i - 1].norm not in _BACK_PARTS:
            return True
    return False


def _any_hit(regex: LazyRegex, text: NormalText) -> bool:
    return next(iter_hits(regex, text), None) is not None


# "a bruise the size of my palm": a measure, not a place.
_SIZE_OF = ("size", "of")


def _regions_in(lexicon: Lexicon, text: NormalText, low: int, high: int) -> list[str]:
    tokens = text.tokens[low:high + 1]
    for index in range(len(tokens) - 2):
        if (tokens[index].norm, tokens[index + 1].norm) == _SIZE_OF:
            # the measure's words are left out of the window: "the size of my palm"
            cut = index + 2
            while cut < len(tokens) and tokens[cut].norm in {"my", "a", "an", "the", "your",
                                                              "his", "her", "two", "both"}:
                cut += 1
            tokens = tokens[:index] + tokens[cut + 1:]
            break
    window = NormalText(text.original, tokens)
    found = [region for region, regex in lexicon.regions.items() if _any_hit(regex, window)]
    found += [region for region, regex in lexicon.sites.items()
              if region not in found and _any_hit(regex, window)]
    if _names_the_whole_back(text.tokens, low, high):
        found += [region for region in _WHOLE_BACK if region not in found]
    return found


def _regions_near(lexicon: Lexicon, text: NormalText, hit: Hit) -> list[str]:
    """Regions named in the same clause as a local problem (the site to leave out).

    When that clause names none ("took a ball to the calf and there's a bruise there"),
    the site is the region named earlier in the same sentence, or a place told in the
    clause just after it ("a Hickman line put in yesterday, top right of her chest").
    """
    low, high = _clause_around(text, hit)
    found = _regions_in(lexicon, text, low, high)
    if not found:
        start, _ = _sentence_bounds(text, hit)
        found = _regions_in(lexicon, text, start, hit.last)
        if not found and start > 1 and text.tokens[start - 1].norm == ";":
            # "Jammed my thumb at netball; the x-ray was normal, it's a sprain": the
            # sentence goes on past a semicolon, and so does the place it names.
            before, _ = _sentence_bounds(text, Hit(start - 2, start - 2, ()))
            found = _regions_in(lexicon, text, before, start - 2)
    if not found:
        found = _place_told_after(lexicon, text, high)
    if not found:
        found = _one_told_after(lexicon, text, hit)
    return found


_ONE_ON = frozenset({"on", "across", "over", "down", "under", "inside"})


def _one_told_after(lexicon: Lexicon, text: NormalText, hit: Hit) -> list[str]:
    """The place told in the next sentence of "one" of them: "I bruise if someone looks at
    me. Got a big purple one on my right forearm from a door handle."."""
    following = text.next_sentence(hit.last)
    if following is None:
        return []
    after, end = following
    for index in range(after, end):
        if text.tokens[index].norm in {"one", "ones"} and text.tokens[index + 1].norm in _ONE_ON:
            low, high = _clause_around(text, Hit(index, index, ()))
            return _regions_in(lexicon, text, index, high)
    return []


# A clause that only says where: it opens with a preposition ("…, just below the collarbone",
# "…, under her arm"), or with a side or an end followed by "of" ("…, top right of her
# chest") — not "…, lower back stiff", which is a complaint of its own.
_PLACE_PREPOSITIONS = frozenset({"below", "above", "under", "underneath", "beneath", "on", "in",
                                 "near", "over", "across", "inside", "beside", "at", "just"})
_PLACE_SIDES = frozenset({"top", "bottom", "left", "right", "side", "front", "upper", "lower"})
_MOSTLY = frozenset({"mostly", "mainly", "especially", "particularly", "only", "mostly on"})


def _place_told_after(lexicon: Lexicon, text: NormalText, clause_end: int) -> list[str]:
    after = clause_end + 2  # past the comma or dash that ends the clause
    if after >= len(text.tokens) or text.tokens[clause_end + 1].norm not in {",", "-", "("}:
        return []
    low, high = _clause_around(text, Hit(after, after, ()))
    opener = text.tokens[after].norm
    words = {token.norm for token in text.tokens[after:high + 1]}
    if opener in _PLACE_SIDES:
        # "top right of her chest", "…, right calf, still wrapped" (a side and a part, and
        # nothing more: not "…, lower back is stiff", a complaint of its own)
        if "of" not in words and not (high - after == 1
                                      and text.tokens[after + 1].norm in _REGION_NOUNS):
            return []
    elif opener in _REGION_NOUNS:
        # "sunburnt in Mallorca, shoulders mostly": a place, said as a place
        if not words & _MOSTLY:
            return []
    elif opener not in _PLACE_PREPOSITIONS:
        return []
    return _regions_in(lexicon, text, low, high)


def default_engine() -> Engine:
    """The shipped rules compiled against the shipped lexicon, from a prepared form that
    is made afresh when a rule file or the lexicon changes."""
    from unknot import prepared
    from unknot.safety.rules import load_rule_files, rule_files
    from unknot.text.lexicon import LEXICON_FILE, load_lexicon

    files = rule_files()
    return prepared.load("engine", [*files, LEXICON_FILE],
                         lambda: Engine(load_rule_files(files), load_lexicon()), Engine)
