"""Multiplicative changes as claims: "doubled", "tripled", "halved", "down by a third", "twice as
many". Each is a percent change of what it multiplies (+100, +200, -50, -33.3), qualifier
approximately unless a hedge says otherwise ("nearly doubled" is almost), with the subject of its
clause and the period of its clause. The phrases are data (`factcheck/lang/multipliers.tsv`)."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from factcheck import lexicon, numbers


@functools.cache
def _pattern() -> re.Pattern:
    alts = "|".join(f"(?P<m{k}>{phrase})" for k, (phrase, _c) in enumerate(lexicon.multipliers()))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


def find_multipliers(text: str) -> list[tuple[numbers.NumberMatch, str]]:
    """Multiplicative change phrases of a sentence: a number match of the size in percent
    ("fell by half" is 50, as "down 50 percent" states it) and the direction."""
    out = []
    table = lexicon.multipliers()
    for m in _pattern().finditer(text):
        k = int(next(name for name, v in m.groupdict().items() if v is not None)[1:])
        change = table[k][1]
        size = abs(change)
        match = numbers.NumberMatch(m.start(), m.end(), m.group(0), size, size, "percent",
                                    spelled=True)  # fmt: skip
        out.append((match, "down" if change < 0 else "up"))
    return out


def subject_token(doc: Doc, start: int, end: int):
    """What the multiplier is of: the noun after "twice as many", else the clause subject of the
    verb it sits on ("Arrests doubled")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if span[-1].lower_ in ("many", "much") and after is not None and after.pos_ == "NOUN":
        return after
    tok = span[0]
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for _ in range(4):
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if verb.head == verb:
            return None
        verb = verb.head
    return None
