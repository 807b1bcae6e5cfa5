"""Small readers of the dependency parse shared by the field modules: the number's anchor token,
its clause verb and subject, lemmas (with hyphenated nouns joined), "of" objects.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from factcheck import lexicon
from factcheck.claims.vocab import _SAY_VERBS


def _tokens_for(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _anchor(span: Span) -> Token:
    """The token of a number span that the syntax hangs the rest of the clause on."""
    toks = [t for t in span if not t.is_punct or t.text in ("%", "$")]
    # "a dozen", "a half": the article is not the number
    toks = [t for t in toks if t.dep_ != "det"] or toks
    for t in toks:
        if t.head.i < span.start or t.head.i >= span.end or t.head == t:
            return t
    return toks[-1] if toks else span[-1]


def _clause_verb(tok: Token) -> Token | None:
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl") or t.dep_ == "ROOT":
            return t
        if t.head == t:
            return t
        t = t.head
    return None


def _subject_of(verb: Token | None) -> Token | None:
    t = verb
    for _ in range(6):
        if t is None:
            return None
        gerunds = [gerund_noun(c) for c in t.children if c.dep_ == "csubj" and c.i < t.i]
        if gerunds and gerunds[0] is not None:
            return gerunds[0]  # "The median asking price ... is $485,000"
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "expl"):
                if c.tag_ in ("WDT", "WP") and t.dep_ == "relcl" and t.head.pos_ == "NOUN":
                    return t.head  # "the program, which costs $2.3 million"
                return _clause_joined(c, t)
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in _SAY_VERBS:
            return None  # "a move the chief said would cost $1.8 million": the chief is the speaker
        if t.dep_ in ("conj", "xcomp", "advcl", "ccomp", "relcl", "acomp", "pcomp") and t.head != t:
            if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
                return t.head
            t = t.head
            continue
        return None
    return None


def _lemma(tok: Token) -> str:
    """Lower-case lemma, with hyphenated nouns joined ("break-ins" -> "break-in")."""
    lemma = _lemma_one(tok)
    doc = tok.doc
    i = tok.i
    while i >= 2 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_:
        if doc[i - 2].whitespace_:
            break
        lemma = doc[i - 2].lower_ + "-" + lemma
        i -= 2
    return lemma


def _lemma_one(tok: Token) -> str:
    """Lower-case lemma; a capitalized plural the tagger misread ("Homicides are up") too."""
    low = tok.lower_
    fixed = lexicon.irregular_singulars().get(low)
    if fixed:
        return fixed  # "doses" (the lemmatizer says "dos"), "people" -> "person"
    lemma = tok.lemma_.lower()
    if lemma == low and low.endswith("s") and tok.text[:1].isupper() and len(low) > 3:
        return lexicon.singular(low)
    return lemma


def _of_object(tok: Token, preps: tuple[str, ...] = ("of",)) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
            named = [gerund_noun(g) for g in c.children if g.dep_ == "pcomp"]
            if named and named[0] is not None:
                return named[0]  # "$41.6 million in lodging taxes"
    return None


def gerund_noun(tok: Token) -> Token | None:
    """The noun of a compound the tagger split into a verb and its object ("lodging taxes",
    "asking price", "operating costs"): an -ing word right before the noun it 'takes'."""
    if tok.tag_ != "VBG" or tok.i + 1 >= len(tok.doc):
        return None
    nxt = tok.doc[tok.i + 1]
    noun = nxt.head if nxt.dep_ == "compound" and nxt.head.head == tok else nxt
    if noun.dep_ != "dobj" or noun.head != tok or noun.pos_ != "NOUN":
        return None
    if any(c.dep_ in ("det", "poss", "nummod") for c in noun.lefts):
        return None  # "in getting the guns": a real verb and its object
    return noun


def _clause_joined(subj: Token, verb: Token) -> Token:
    """The verb's own subject where the parse joined it to the clause before ("..., a record,
    and visitor spending topped $3.4 billion": spending): a noun after ", and" that ends right
    before the verb starts a clause of its own."""
    for c in subj.children:
        if c.dep_ == "conj" and c.pos_ == "NOUN" and c.right_edge.i == verb.i - 1:
            cc = [t for t in subj.doc[subj.i + 1 : c.left_edge.i] if t.dep_ == "cc"]
            if cc and subj.doc[cc[0].i - 1].text == ",":
                return c
    return subj


def _has_modifier(tok: Token) -> bool:
    return any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in tok.lefts)


def number_top(tok: Token) -> Token:
    """The token a whole number hangs from ("$" and "million" of "$4.5 million" climbed)."""
    t = tok
    while t.head != t and (t.head.like_num or t.head.text in ("$", "%") or t.dep_ == "quantmod"):
        t = t.head
    return t


def _is_object(tok: Token) -> bool:
    """A bare number that is the object of an action verb ("police arrested 12")."""
    t = number_top(tok)
    return t.dep_ in ("dobj", "pobj") and t.head.lemma_ not in ("be", "of")


def _pct(unit: str) -> bool:
    return unit in ("percent", "percentage_points")
