"""Forms pasted into a message: tick boxes and one-letter answers, read as words.

People paste what they filled in elsewhere — "fever ☐ numbness ☑", "[x] pregnant [ ] surgery",
"Fever: N  Weight loss: Y". The tokeniser drops the boxes and text speak reads a lone "n" as
"and", so an unticked "fever" would read as a fever and a ticked "numbness" as nothing at all.
Each box becomes the answer it stands for, written as a person answering would write it
("fever : no .", "numbness : yes ."), which the negation reading already understands
("numbness? no", "fever: no"). The inserted tokens carry the box's span, so evidence
quoted from the text stays the person's own words.
"""

from __future__ import annotations

import re

from unknot.text.normal import SENTENCE_END, Token

_TICKED = r"☑|☒|✅|✔️?|✓|\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)"
_EMPTY = r"☐|□|▢|⬜|\[\s*\]|\(\s*\)"
_BOX = re.compile(rf"(?P<yes>{_TICKED})|(?P<no>{_EMPTY})")
# Characters any box contains: most texts have none, and skip the search.
_BOX_CHARS = frozenset("☑☒✅✔✓[(☐□▢⬜")
_LETTER = re.compile(r"[^\W\d_]")
# Where a list of items starts: the text's start, a colon, a line break or a dash.
_LIST_START = re.compile(r"[:\n\-–—]")


def _answer(span: tuple[int, int], yes: bool) -> list[Token]:
    start, end = span
    return [Token(":", start, end), Token("yes" if yes else "no", start, end),
            Token(".", start, end)]


def _boxes_first(text: str, first: re.Match) -> bool:
    """Whether boxes stand before their items ("[x] pregnant") rather than after ("fever ☐"):
    no letter between the first box and where its list starts."""
    before = text[:first.start()]
    starts = [m.end() for m in _LIST_START.finditer(before)]
    return not _LETTER.search(before[starts[-1] if starts else 0:])


def read_boxes(text: str, tokens: list[Token]) -> list[Token]:
    """`tokens` with an answer in words for every tick box of `text` (see the module text)."""
    if _BOX_CHARS.isdisjoint(text):
        return tokens
    boxes = list(_BOX.finditer(text))
    if not boxes:
        return tokens
    # Boxes are not tokens, but "[x]" and "(x)" leave an "x" and brackets behind: drop
    # what lies inside a box.
    kept = [t for t in tokens if not any(b.start() <= t.start < b.end() for b in boxes)]
    inserts: list[tuple[int, list[Token]]] = []
    if _boxes_first(text, boxes[0]):
        # "[x] pregnant [ ] surgery": each answer goes after its item — before the next
        # box, or at the end of the item's sentence.
        for box, following in zip(boxes, [*boxes[1:], None], strict=True):
            limit = following.start() if following else len(text)
            end = next((t.start for t in kept if box.end() <= t.start < limit
                        and t.norm in SENTENCE_END), limit)
            inserts.append((end, _answer(box.span(), box.group("yes") is not None)))
    else:
        inserts = [(box.start(), _answer(box.span(), box.group("yes") is not None))
                   for box in boxes]
    out: list[Token] = []
    pending = sorted(inserts, key=lambda item: item[0])
    position = 0
    for token in kept:
        while position < len(pending) and pending[position][0] <= token.start:
            out.extend(pending[position][1])
            position += 1
        out.append(token)
    for _, answer in pending[position:]:
        out.extend(answer)
    return out


_ONE_LETTER = {"y": "yes", "n": "no"}


def read_letter_answers(text: str, tokens: list[Token]) -> list[Token]:
    """"Fever: N  Weight loss: Y": a lone Y or N after a colon is a yes or a no (text speak
    would read "n" as "and"), closed with a full stop so that "no" does not deny the next
    item ("Fever: N Weight loss: Y")."""
    out: list[Token] = []
    for index, token in enumerate(tokens):
        answer = _ONE_LETTER.get(token.norm)
        if answer is not None and index > 0 and tokens[index - 1].norm == ":":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            # The letter stands alone: the text ends, or a mark or a capitalised item follows.
            if following is None or not following.norm.isalpha() or \
                    text[following.start:following.start + 1].isupper():
                out.append(token._replace(norm=answer))
                out.append(Token(".", token.start, token.end))
                continue
        out.append(token)
    return out
