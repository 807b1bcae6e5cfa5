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
    CAPITALISED_MEASURES,
    CAPITALISED_THINGS,
    COUNTING_VERBS,
    MONTH_NAMES,
    MONTHS,
    NOT_PLACE_NAMES,
    NOT_PLACES_AFTER_IN,
    PLACE_NAME_STARTS,
    PLACE_OPENERS,
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
    share = (
        anchor if anchor.lower_ in ("percent", "%") else None
    )  # "31.6 percent of Bucks County's voters"
    for tok in (noun, verb, _subject_of(verb), subject, share):
        for _ in range(3):
            if tok is None or tok in bases:
                break
            bases.append(tok)
            tok = _of_object(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    if verb is not None:
        # nouns in the verb's own phrases: "were out of work across Kansas"
        bases += [n for n in _prep_objects(verb) if n not in bases]
    return bases


def _prep_objects(head: Token, depth: int = 2) -> list[Token]:
    """The common nouns of `head`'s prepositional phrases, and of theirs (`depth` deep)."""
    out: list[Token] = []
    for p in head.children:
        if p.dep_ != "prep" or depth == 0 or p.lower_ == "according":
            continue  # "according to the weather service office in Chanhassen": the source
        for g in p.children:
            if g.dep_ == "pobj" and g.pos_ == "NOUN":
                out += [g, *_prep_objects(g, depth - 1)]
            elif g.dep_ == "prep":
                out += [n for o in g.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                        for n in (o, *_prep_objects(o, depth - 1))]  # fmt: skip
    return out


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
    if shared is not None and shared.pos_ == "PROPN":
        # "2.1 million Georgians are expected", "Cuyahoga County lost 5,000 residents and has
        # shed 31,608 people since 2010", "... passed 200,000, gaining 5,837 people": the
        # clause's subject, or the one its verbs share
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
            if near and c.dep_ == "nsubj" and lexicon.plural(c.lower_) in _PLACE_CLASSES:
                found += [(g, True) for g in _of_names(c)]  # "The city of Spokane logged"
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
    if say is not None and say != verb and say.lemma_.lower() in _SAY_VERBS:
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
            sibling = tok.dep_ == "compound" and prev.head == tok.head
            # "Broken Arrow police": a capitalized adjective the tagger split off the name, but
            # not "Local Tulsa police"
            name_word = (prev.pos_ == "PROPN" and prev.dep_ == "compound") or (
                prev.dep_ == "amod" and prev.text[:1].isupper() and not prev.is_stop
            )
            if not (first.i > tok.left_edge.i or (sibling and name_word)):
                break
            if prev.text == "-" and not prev.whitespace_ and first.i >= 2:
                first = tok.doc[first.i - 2]  # "Miami-Dade County"
                continue
            if prev.text in ("’s", "'s") and first.i >= 2 and tok.doc[first.i - 2].pos_ == "PROPN":
                first = tok.doc[first.i - 2]  # "Prince George's County", "St. Mary's County"
                continue
            if not (prev.text[:1].isupper() or prev.lower_ in _REGION_WORDS):
                break
            if prev.lower_ in PLACE_OPENERS:
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
            or text.islower()  # "the parish counted 149": a common noun the tagger took for a name
            or (
                multi
                and not after_in
                and not _PLACE_SUFFIX.search(text)
                and not _GEO_SUFFIX.search(text)
                # "Cass Ridge police": a name before a group of officials is their town
                and not (tok.dep_ == "compound" and tok.head.lower_ in NOT_PLACE_NAMES)
            )
            or (text.isupper() and not after_in)  # "ER visits", "UAB's"
            or re.fullmatch(r"[IVXLC]+", text)
            or (words[0].i == 0 and not after_in and tok.tag_ == "NNPS")
            # "Homicides rose to 40": a plural noun the tagger calls a name at the sentence start
            or (words[0].i == 0 and not after_in and not multi and PLURAL_NOUN_END.search(text))
            or _ORG_WORDS.search(text)
            or (not after_in and not multi and _COMMON_NOUN_END.search(low))
            or low
            in CAPITALISED_MEASURES | CAPITALISED_THINGS  # "Turnout stood at", "Fentanyl was"
            or _NOT_PLACE_FIRST.match(text)
            or (last.i + 1 < len(tok.doc) and tok.doc[last.i + 1].like_num)  # "Ward 3"
        ):
            continue
        return text + _state_after(tok.doc, last)
    # Last of all: an agency or an official's title names the place ("The Huntsville Police
    # Department recorded 36", "Birmingham police chief Scott Thurmond said", "Jefferson County
    # Sheriff Mark Pettway said").
    subjects = [(shared, _AGENCY_OF)] if shared is not None else []
    if say is not None and say != verb and say.lemma_.lower() in _SAY_VERBS:
        subjects += [(c, _OFFICIAL_OF) for c in say.children if c.dep_ == "nsubj"]
    for c, pattern in subjects:
        if c.pos_ == "PROPN":
            m = pattern.match(c.doc[c.left_edge.i : c.i + 1].text)
            name = m.group("name") if m else None
            # not "The County Fire": a title word, not a name
            if name and name not in MONTH_NAMES | names and name.lower() not in NOT_PLACE_NAMES:
                return name
    return None


def _of_names(noun: Token) -> list[Token]:
    """The names after "of" on a place noun: "the city of Spokane", "the town of Gilbert"."""
    return [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj" and g.pos_ == "PROPN"
    ]


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


# "(The) Birmingham ...", "Jefferson County ...": the place an agency or a title opens with.
_NAME_OF = r"^(?:[Tt]he\s+)?(?P<name>(?:[A-Z][a-z]+\s){1,2}(?:County|Parish)|[A-Z][a-z]+)\s+"
_OFFICIAL_OF = re.compile(
    _NAME_OF + r"(?:Public\s+)?"
    r"(?:police|Police|"
    r"fire|Fire|sheriff|Sheriff|mayor|Mayor|city|City|schools|Schools|commission|Commission|"
    r"council|Council|superintendent|Superintendent|coroner|Coroner)\b"
)


# An agency that counts, as the subject of the claim's verb ("The Huntsville Police Department
# recorded 36"); a council or a school board spends for its town but counts nothing.
# ("The Millville Fire" is a wildfire, not a fire department.)
_AGENCY_OF = re.compile(_NAME_OF + r"(?:Police|Sheriff)\b")


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


# --- a place written at the number, or opening the sentence as the one who counted -----------

# "Dayton's $241,900", "Fort Bend County's 4.8 percent": a possessive name right before the number.
_POSSESSIVE_BEFORE = re.compile(
    r"\b([A-Z][\w.-]*(?:[ -][A-Z][\w.-]*){0,3})['\u2019]s\s+(?:[a-z][\w-]*\s+){0,2}$"
)
# "41 in Tacoma", "33,060 reported in Tulsa", "two in San Marcos": "in X" right after it.
# The words between are the claim's own ("reported", "homicides"), not a phrase of another thing
# ("85 from utilities in Iowa").
_IN_AFTER = re.compile(
    r"^\s+(?:(?!(?:from|with|for|to|by|at)\b)[a-z][\w-]*\s+){0,3}?in\s+"
    r"([A-Z][\w.-]*(?:[ -][A-Z][\w.-]*){0,2})"
)
# "in Logan and Payne counties": a group of places, named as written.
_PLACES_LISTED = re.compile(r"^\s+(?:and|or)\s+[A-Z][\w.-]*\s+(?:counties|parishes|cities|towns)\b")
# What may follow a town's name: the end of the clause, or a function or time word. Anything
# else makes the name a modifier ("$4.5 million in American Rescue Plan funds").
_AFTER_PLACE = re.compile(
    r"\s*(?:$|[.,;:!?)\u2014-]|(?:last|this|so|since|during|in|on|and|or|but|while|compared"
    r"|was|were|is|are|has|have|had|over|from|through|as|by|for|to|a|the)\b)"
)
# "Red Bank reported two", "In New Orleans, police recorded 121": a name opening the sentence
# as the one who counted.
_LEADING_NAME = re.compile(
    r"^(?:In\s+)?([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),?\s+(?:police\s+|officials\s+)?"
    rf"(?:{'|'.join(COUNTING_VERBS)})\b"
)


def _not_a_place(name: str) -> bool:
    """Names that are no place whatever the record holds: organisations, named efforts,
    months and weekdays, initials ("ER", "UAB")."""
    first = name.split()[0].lower().rstrip(".")
    return (
        first in NOT_PLACES_AFTER_IN
        or first in NOT_PLACE_NAMES  # "That's a 45% increase", "It's a 2.5-cent cut"
        or bool(_ORG_WORDS.search(name))
        or bool(_NOT_PLACE_FIRST.match(name))
        or (name.isupper() and len(name) > 2)
    )


def own_place(text: str, start: int, end: int) -> str | None:
    """A place written at the number itself: a possessive right before it ("Dayton's $241,900")
    or "in X" right after it ("41 in Tacoma"). It beats a place named elsewhere in the clause."""
    m = _POSSESSIVE_BEFORE.search(text[:start])
    if m and not _not_a_place(m.group(1)) and not _person_like(m.group(1)):
        return m.group(1)
    m = _IN_AFTER.match(text[end:])
    if m:
        name = m.group(1).rstrip(".")
        rest = text[end + m.end() :]
        listed = _PLACES_LISTED.match(rest)
        if listed:
            return name + rest[: listed.end()]
        if not _not_a_place(name) and _AFTER_PLACE.match(rest):
            return name
    return None


def _person_like(name: str) -> bool:
    """A name of two or three words with no mark of a place ("Tom Ebert"), as `_place_for`
    takes a two-word subject for a person: a place suffix, a state, or a place name's first word
    ("San Antonio", "Fort Bend County", "New Mexico") make it a place."""
    words = name.split()
    return (
        len(words) > 1
        and not _PLACE_SUFFIX.search(name)
        and not _GEO_SUFFIX.search(name)
        and not places.state_name(name)
        and words[0].lower() not in PLACE_NAME_STARTS
    )


def leading_name(doc: Doc, start: int) -> str | None:
    """A name opening the sentence before a counting verb, ahead of the claim in its clause
    ("Red Bank reported two", "Broken Arrow recorded six homicides")."""
    text = doc.text
    m = _LEADING_NAME.match(text)
    if not m or m.end() > start or re.search(r"[,;]", text[m.end() : start]):
        return None
    name = m.group(1)
    last = re.split(r"[ -]", name)[-1].lower()
    if last in NOT_PLACE_NAMES | CAPITALISED_MEASURES or _not_a_place(
        name
    ):  # _not_a_place reads the first word
        return None
    span = doc.char_span(m.start(1), m.end(1))
    if span is None or span[-1].pos_ != "PROPN" or any(t.tag_ == "NNS" for t in span):
        return None  # "Homicides reported", "Gun seizures had": a plural noun opening the sentence
    return name


def claim_place(doc: Doc, start: int, end: int, anchor: Token, subject: Token | None) -> str | None:
    """Where the claim says its number applies: a place written at the number, else the one
    the parse ties to it (`_place_for`), else a name opening the sentence as the one who counted."""
    return (
        own_place(doc.text, start, end)
        or _place_for(anchor, set(), subject)
        or leading_name(doc, start)
    )
