"""Where the sentence says a number applies (`Claim.place`), from the parse, no NER.

"in/across/throughout/within X" on the number's noun, its verb, the clause's subject or the
measured noun; a one-word name or "X County" as subject, compound or possessive; a name before
residents/students/voters; an area noun ("the Birmingham area"); the group or official the claim is
reported by. "Statewide", "the state's", "countywide", "nationwide" are markers the story pass
resolves to the state or county the story names. Not a place: "in the city", a dateline alone,
persons, organisations, months, named operations and numbered wards. NER stays off: measured on
candidate sentences, this model tags "Montgomery" ORG before a noun and misses "Mobile", and it
doubles the parse cost.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from factcheck import lexicon, places
from factcheck.claims.syntax import _clause_verb, _lemma, _of_object, _subject_of
from factcheck.claims.vocab import (
    _AREA_NOUNS,
    _ORG_WORDS,
    _PLACE_CLASSES,
    _REGION_WORDS,
    _RESIDENTS,
    _SAY_VERBS,
    MONTH_NAMES,
    MONTHS,
    PLURAL_NOUN_END,
)

# Markers for a wider area the sentence does not name; `resolve_story` replaces them.
STATE, COUNTY, NATION = "\x00state", "\x00county", "\x00nation"
REST = "\x00rest"  # "the other 49 states", "the rest of the country": the nation less a state

# How reporters name the nation less the story's state.
REST_RE = re.compile(
    r"\b(?:the )?(?:other 49 states|49 other states|rest of the (?:country|nation|U\.S\.)|"
    r"remainder of the (?:country|nation)|(?:everywhere|anywhere) else in the (?:country|nation))\b",
    re.I,
)


COUNTY_RE = re.compile(r"\b(?:[A-Z][a-z’'.]+\s){1,2}(?:County|Parish)\b")


def _resolve_area(text: str, marker: str, position: int) -> str:
    """The state or county a story names for "statewide" or "the county": the nearest named
    before the claim (a dateline's "Ala." counts), else after it; else "the state"/"the county"
    (no guess, and not the station's place either)."""
    if marker == NATION:
        return "United States"
    if marker == REST:
        state = _resolve_area(text, STATE, position)
        return "the rest of the country" if state == "the state" else f"United States less {state}"
    if marker == STATE:
        found = places.state_mentions(text)
        default = "the state"
    else:
        found = [(m.start(), m.group(0).strip()) for m in COUNTY_RE.finditer(text)]
        default = "the county"
    before = [name for pos, name in found if pos < position]
    if before:
        return before[-1]
    return found[0][1] if found else default


_PLACE_SUFFIX = re.compile(r"\b(?:County|City|Parish|Township|Metro|Valley|Area)$")


# Last words that make a two-word name a town ("Vestavia Hills", "Gulf Shores"), not a person.
_GEO_SUFFIX = re.compile(
    r"\b(?:Hills|Heights|Springs|Shores|Beach|Falls|Creek|Lakes|Gardens|Harbor|Landing|Village|"
    r"Bluffs?|Island|Estates|Junction)$"
)


_PLACE_PREPS = ("in", "across", "throughout", "within")


# Words that name a wider area than the station's without naming it: the story pass resolves
# them to the state or county the story names ("the state" -> "Alabama").
_LEVEL_ADVERBS = {"statewide": STATE, "state-wide": STATE, "nationwide": NATION,
                  "nationally": NATION, "countywide": COUNTY, "county-wide": COUNTY}  # fmt: skip


_LEVEL_NOUNS = {"state": STATE, "nation": NATION, "country": NATION, "county": COUNTY}


_NATION_NAMES = {"u.s.", "us", "u.s", "america", "united states", "the united states", "usa"}


# A capitalized word with a common noun's ending is a sentence-initial noun the tagger took for a
# name ("Enrollment at Madison City Schools grew"), not a place.
_COMMON_NOUN_END = re.compile(r"(?:ment|tion|sion|ity|ness|ship|ism|ency|ancy)$")


def _place_bases(anchor: Token, verb: Token | None, subject: Token | None) -> list[Token]:
    """The tokens whose modifiers may say where the claim applies: the number's head, its clause
    verb, the clause's subject and the measured noun, with "the number of X" looked through."""
    bases: list[Token] = []
    noun = anchor.head if anchor.head != anchor else anchor
    for tok in (noun, verb, _subject_of(verb), subject):
        for _ in range(3):
            if tok is None or tok in bases:
                break
            bases.append(tok)
            tok = _of_object(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    return bases


def _level_word(tok: Token) -> str | None:
    """STATE, NATION or COUNTY when `tok` is "the state", "the nation's", "statewide"."""
    low = tok.lower_
    if low in _LEVEL_ADVERBS:
        return _LEVEL_ADVERBS[low]
    if low in _LEVEL_NOUNS and tok.pos_ == "NOUN" and tok.tag_ == "NN":
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        if dets == ["the"] and not any(c.dep_ in ("compound", "amod") for c in tok.children):
            return _LEVEL_NOUNS[low]
    return None


def _state_after(doc: Doc, last: Token) -> str:
    """ ", Ala." when the state is written right after the name ("Montgomery County, Ala.,
    meanwhile"): a county name several states share is then that state's."""
    if last.i + 2 >= len(doc) or doc[last.i + 1].text != ",":
        return ""
    for width in (3, 2, 1):  # "New Mexico", "Ala."
        end = min(len(doc), last.i + 2 + width)
        words = doc[last.i + 2 : end].text
        if places.state_name(words):
            return f", {words}"
    return ""


def _place_for(anchor: Token, names: set[str], subject: Token | None = None) -> str | None:
    """Where the claim says the number applies, read from the parse (no NER):

    - a proper noun after "in", "across", "throughout", "within" modifying the number's noun,
      the clause verb, the clause's subject or the measured noun ("Violent crime in Tuscaloosa
      is up", "The unemployment rate in Birmingham was", "the number of homicides in Mobile");
    - a one-word name (or "X County") as the clause's subject, a compound or a possessive
      ("Huntsville recorded 31 homicides", "Huntsville police", "Birmingham's homicide rate");
    - a wider area without a name ("statewide", "the state's", "across the county",
      "nationwide"): the STATE, COUNTY or NATION marker, resolved by the story pass.
    "in the city" names no other place and gives None (the station's place is used). A two-word
    name that is not "in X" or "X County" is taken for a person, not a place."""
    verb = _clause_verb(anchor)
    noun = anchor.head if anchor.head != anchor else anchor
    found: list[tuple[Token, bool]] = []  # (token, after "in")
    shared = _subject_of(verb) if verb is not None else None
    if shared is not None and shared.head is not verb and shared.pos_ == "PROPN":
        # "Cuyahoga County lost 5,000 residents and has shed 31,608 people since 2010",
        # "... passed 200,000, gaining 5,837 people": the subject the verbs share
        found.append((shared, False))
    for base in _place_bases(anchor, verb, subject):
        # Names as subject or modifier count for the number's own noun and verb only; further
        # out ("A Memphis man was sentenced", "cases of Valley fever") they name other things.
        near = base in (noun, verb)
        for c in base.children:
            if near and c.dep_ in ("nsubj", "compound", "nmod", "poss") and c.pos_ == "PROPN":
                found.append((c, False))
            elif (
                c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and _lemma(base) in _RESIDENTS
            ):
                found.append((c, False))  # "30 percent of Montgomery students"
            if near and c.dep_ == "nsubj" and c.pos_ == "NOUN":
                # "Madison police", "the county's", "The third-largest county, Guilford, had"
                found += [(g, False) for g in c.children
                          if g.dep_ in ("compound", "poss", "nmod", "appos") and g.pos_ == "PROPN"]  # fmt: skip
            if c.dep_ == "poss" or c.lower_ in _LEVEL_ADVERBS:
                found.append((c, False))  # "the state's", "statewide", "Countywide, ..."
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                found += [(g, True) for g in c.children if g.dep_ == "pobj"]
    # Last: the group the claim is reported by ("Madison police say burglaries are down").
    say = verb
    while say is not None and say.dep_ in ("ccomp", "parataxis") and say.head != say:
        say = say.head
    if say is not None and say is not verb and say.lemma_.lower() in _SAY_VERBS:
        for c in say.children:
            # a group ("police", "officials"), not one person ("Trauma surgeon Dr. X said")
            group = c.tag_ == "NNS" or c.lower_ == "police"
            if c.dep_ == "nsubj" and c.pos_ == "NOUN" and group:
                found += [(g, False) for g in c.children
                          if g.dep_ in ("compound", "nmod") and g.pos_ == "PROPN"]  # fmt: skip
    if verb is not None and verb.dep_ == "relcl" and verb.head.pos_ == "PROPN":
        found.append((verb.head, False))  # "was Akron, whose killings rose to 61"
    # "in X" says where; a name before the noun may only be a kind ("Gun violence across B.")
    found.sort(key=lambda f: not f[1])
    for tok, after_in in found:
        level = _level_word(tok)
        if level:
            return level
        if after_in and tok.tag_ == "NNS" and tok.lower_ in _PLACE_CLASSES and _has_qualifier(tok):
            # "In towns of over 50,000 residents": a group of places, which no
            # one place's record answers
            return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text
        if after_in and tok.pos_ == "NOUN" and tok.lemma_.lower() in _AREA_NOUNS:
            area = _area_name(tok)  # "in the Birmingham area", "the Five Points South neighborhood"
            if area and not _ORG_WORDS.search(area) and area not in names:
                return area
            continue
        if tok.pos_ != "PROPN":
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # a part of a longer name: "Jackson City Council", "Lake Travis"
        # The name: the capitalized words up to `tok` ("the French Quarter", "Madison County").
        first = tok
        while first.i > 0:
            prev = tok.doc[first.i - 1]
            sibling = tok.dep_ == "compound" and prev.dep_ == "compound" and prev.head == tok.head
            if not (first.i > tok.left_edge.i or (sibling and prev.pos_ == "PROPN")):
                break
            if prev.text == "-" and not prev.whitespace_ and first.i >= 2:
                first = tok.doc[first.i - 2]  # "Miami-Dade County"
                continue
            if prev.text in ("’s", "'s") and first.i >= 2 and tok.doc[first.i - 2].pos_ == "PROPN":
                first = tok.doc[first.i - 2]  # "Prince George's County", "St. Mary's County"
                continue
            if not (prev.text[:1].isupper() or prev.lower_ in _REGION_WORDS):
                break
            first = prev  # "north Alabama" names a region; "Alabama Power" is one name
        last = tok
        while (
            last.i + 1 < len(tok.doc)
            and tok.doc[last.i + 1].pos_ == "PROPN"
            and tok.doc[last.i + 1].dep_ == "compound"
            and tok.doc[last.i + 1].head == tok.head
        ):
            last = tok.doc[last.i + 1]  # "Alabama Power customers": the name is "Alabama Power"
        words = [first]
        text = tok.doc[first.i : last.i + 1].text
        text = re.sub(r"[’']s$", "", text).strip()
        low = text.lower()
        if low in _NATION_NAMES or low.removeprefix("the ") in _NATION_NAMES:
            return NATION
        if low in lexicon.demonyms():
            return lexicon.demonyms()[low]  # "2,310 Iowans died": Iowa
        multi = " " in text
        if (
            not text
            or text in names
            or low in MONTHS
            or text in MONTH_NAMES
            or low in ("police", "chief", "sheriff", "mayor", "state", "city", "county")
            or (text.isupper() and len(text) > 2 and not multi)
            or (
                multi
                and not after_in
                and not _PLACE_SUFFIX.search(text)
                and not _GEO_SUFFIX.search(text)
            )
            or (text.isupper() and not after_in)  # "ER visits", "UAB's"
            or re.fullmatch(r"[IVXLC]+", text)
            or (words[0].i == 0 and not after_in and tok.tag_ == "NNPS")
            # "Homicides rose to 40": a plural noun the tagger calls a name at the sentence start
            or (words[0].i == 0 and not after_in and not multi and PLURAL_NOUN_END.search(text))
            or _ORG_WORDS.search(text)
            or (not after_in and not multi and _COMMON_NOUN_END.search(low))
            or _NOT_PLACE_FIRST.match(text)
            or (last.i + 1 < len(tok.doc) and tok.doc[last.i + 1].like_num)  # "Ward 3"
        ):
            continue
        return text + _state_after(tok.doc, last)
    # Last of all: an official's title names the place ("Birmingham police chief Scott
    # Thurmond said", "Jefferson County Sheriff Mark Pettway said").
    if say is not None and say is not verb and say.lemma_.lower() in _SAY_VERBS:
        for c in say.children:
            if c.dep_ == "nsubj" and c.pos_ == "PROPN":
                m = _OFFICIAL_OF.match(c.doc[c.left_edge.i : c.i + 1].text)
                if m and m.group("name") not in MONTH_NAMES and m.group("name") not in names:
                    return m.group("name")
    return None


def _has_qualifier(noun: Token) -> bool:
    """A plural place noun narrowed to some of them ("large cities", "counties with", "most
    states"), not "across the state's counties" or "in all 67 counties"."""
    for c in noun.children:
        if c.dep_ in ("amod", "prep", "relcl", "acl", "compound") and c.lower_ not in (
            "all",
            "other",
        ):
            return True
        if c.dep_ == "det" and c.lower_ in ("most", "some", "many", "several", "few"):
            return True
    return False


# Named efforts and documents, not places: "Operation Safe Streets", "Project Green Light".
_NOT_PLACE_FIRST = re.compile(r"(?:Operation|Project|Program|Initiative|Proposition|Amendment)\b")


_OFFICIAL_OF = re.compile(
    r"^(?:the\s+)?(?P<name>(?:[A-Z][a-z]+\s){1,2}(?:County|Parish)|[A-Z][a-z]+)\s+(?:Public\s+)?"
    r"(?:police|Police|"
    r"fire|Fire|sheriff|Sheriff|mayor|Mayor|city|City|schools|Schools|commission|Commission|"
    r"council|Council|superintendent|Superintendent|coroner|Coroner)\b"
)


def _area_name(noun: Token) -> str | None:
    """The capitalized words right before an area noun: "the Birmingham area" -> "Birmingham"."""
    doc = noun.doc
    i = noun.i
    while i > 0 and doc[i - 1].lower_ in ("metro", "metropolitan", "greater"):
        i -= 1
    start = i
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ != "det":
        start -= 1
    if start == i:
        return None
    return doc[start:i].text
