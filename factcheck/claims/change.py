"""Unit, change and direction of a claim (`Claim.unit`, `change`, `direction`).

"up/down N", "rose/fell (by) N", "added/lost N", "N more/fewer (X) than", "N% higher than",
"a N% increase", "raise X by N" are changes (percent_change for percents, difference otherwise);
"rose to N", "up from N", "dropped 3 inches of rain" are levels. "percentage points" is a
difference of percents. "cents" are converted to usd; "5 below zero" is -5 degrees.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factcheck import lexicon, numbers
from factcheck.claims.subject import _noun_lemma, _subject_token, classed_as
from factcheck.claims.syntax import _anchor, _lemma, _pct, number_top
from factcheck.claims.vocab import (
    _CHANGE_NOUNS,
    _DOWN_WORDS,
    _MEASURE_UNITS,
    _PASSIVE_CHANGE,
    _TIME_NOUNS,
    _UP_WORDS,
    CHANGE_DIRECTIONS,
    CHANGE_OF_NOUNS,
    CHANGE_VERBS,
    DRIFT_VERBS,
    REFERENCE_LEVELS,
    TRANSITIVE_CHANGES,
)


@dataclass
class _Fields:
    unit: str
    subject: str | None = None
    subject_explicit: bool = False
    change: str = "level"
    direction: str | None = None
    end: int = 0
    subject_i: int | None = None
    negative: bool = False
    counts_people: bool = False  # "the 122 who died": people, unless the story says who


def _read_fields(doc: Doc, span: Span, m: numbers.NumberMatch, sent_text: str, end: int) -> _Fields:
    """Unit, subject, change and direction from the syntax around the number."""
    anchor = _anchor(span)
    unit = m.unit
    f = _Fields(unit=unit, end=end)
    # A plain measurement unit after the number: "20 years", "5 miles", "12 points".
    if unit == "count":
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.dep_ == "amod" and nxt.i + 1 < len(doc):
            unit_noun = doc[nxt.i + 1]
            lemma = unit_noun.lemma_.lower()
            if nxt.head == unit_noun and lemma in _MEASURE_UNITS and lemma not in _TIME_NOUNS:
                nxt = unit_noun  # "12.6 million harvested acres"; not "71,300 last year"
        if nxt is not None and nxt.lemma_.lower() in _MEASURE_UNITS and nxt.pos_ == "NOUN":
            f.unit = _MEASURE_UNITS[nxt.lemma_.lower()]
            f.end = nxt.idx + len(nxt.text) - doc[0].idx
        elif nxt is not None and nxt.lower_ == "times" and nxt.i == span.end:
            f.unit = "times"
        elif nxt is not None and nxt.lower_ in ("more", "additional", "extra", "fewer", "less"):
            after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            if (
                after is not None
                and after.lemma_.lower() in _MEASURE_UNITS
                and after.pos_ == "NOUN"
            ):
                f.unit = _MEASURE_UNITS[after.lemma_.lower()]  # "2 to 4 more inches"
        hy = re.match(r"^-([a-z]+)\b", sent_text[end:])
        if hy and (hy.group(1) in _MEASURE_UNITS or hy.group(1).rstrip("s") in _MEASURE_UNITS):
            f.unit = _MEASURE_UNITS.get(hy.group(1)) or _MEASURE_UNITS[hy.group(1).rstrip("s")]
            f.end = end + hy.end()  # "a 9-mile path"
        bz = re.match(r"^\s+(?:degrees\s+)?below zero\b", sent_text[end:], re.I)
        if bz:
            f.unit, f.end, f.negative = "degrees", end + bz.end(), True
    before_text = sent_text[: m.start]
    # Change: "300 more (guns) than", "7,000 fewer crimes", "12% increase", "up 5.1%".
    after_u = sent_text[max(end, f.end) :]
    kind = "percent_change" if _pct(f.unit) else "difference"
    comp = re.match(
        r"^\s+(?:[a-z’'-]+\s+)?(more|fewer|less|additional|extra|higher|lower|above|below|"
        r"greater|larger|smaller|bigger|longer|shorter|over|under|short|shy|behind|ahead)\b",
        after_u,
        re.I,
    )
    if comp and not re.match(r"^\s+(?:or|and)\b", after_u, re.I):
        word = comp.group(1).lower()
        than = re.search(r"^[^.;:]{0,80}?\b(?:than|normal|average|projections?|expected|forecast|"
                         r"budgeted|planned|last year|a year ago)\b", after_u[comp.end():])  # fmt: skip
        if not than and word in ("below", "above", "higher", "lower", "over", "under"):
            # "37 percent below the year before", "30 percent below 2019 levels"
            than = re.match(
                r"^\s+(?:the\s+)?(?:(?:year|month|week|quarter|day)\s+(?:before|prior|earlier)|"
                r"(?:19|20)\d\d\b|pre-pandemic|the same (?:time|period|point|month|week))",
                after_u[comp.end() :],
                re.I,
            ) or _REFERENCE_LEVEL.match(after_u[comp.end() :])
        if word in ("behind", "ahead"):
            than = comp  # "4 inches behind", "two games ahead": always measured against something
        if _pct(f.unit) and word in ("more", "less", "fewer", "higher", "lower"):
            than = comp  # "paying about 9 percent more": a percent more is a change
        more_noun = False
        if word == "more" and not than and f.unit == "usd":
            more_noun = True  # "$120 more in property taxes": money more is a difference
        elif word == "more" and not than:
            # "4,000 more beds" is a difference; "28 more are at risk" is a count.
            nxt = next(
                (t for t in doc if t.idx - doc[0].idx > max(end, f.end) + comp.start(1)), None
            )
            more_noun = nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN")
            # "is asking for nine more": more of them as an object is a difference
            top = number_top(anchor)
            if top.dep_ == "nummod" and top.head.lower_ == "more":
                top = top.head  # "nine more" parsed as the more of nine
            more_noun = more_noun or top.dep_ in ("pobj", "dobj")
        if word in ("short", "shy") and (of := re.match(r"\s+of\b", after_u[comp.end() :])):
            than = of  # "80 short of its authorized strength"
        if word in ("over", "under") and _REFERENCE_LEVEL.match(after_u[comp.end() :]):
            word = "above" if word == "over" else "below"  # "$2.3 million over budget"
        if word in ("fewer", "less") or more_noun or (than and word not in ("over", "under")):
            up = word in ("more", "additional", "extra", "higher", "above", "greater", "larger",
                          "bigger", "longer", "ahead")  # fmt: skip
            f.change, f.direction = kind, "up" if up else "down"
    change_noun, own_phrase = _change_noun_of(anchor)
    if change_noun is not None:
        direction = _noun_direction(change_noun)
        if direction:
            f.change, f.direction = kind, direction
        elif own_phrase and _lemma(change_noun) in _UNDIRECTED_CHANGES:
            f.change = kind  # "a 4.8% change from last school year": a change, no direction
    if change_noun is None and f.change == "level":
        direction = _copula_change_direction(anchor)
        if direction:
            f.change, f.direction = kind, direction
    if not own_phrase:
        change_noun = None  # "saw a drop of 12 percent": the subject is the clause's
    quantity_object = re.match(r"^\s+of\s+[a-z]", after_u) and f.unit != "count"
    pre = _VERB_BEFORE.search(
        # "up (anywhere) from 10 to 20 percent": "from" opens the range, not "rose from N".
        re.sub(r"\bfrom\s+$", "", before_text) if m.is_range else before_text
    )
    particle = (
        pre is not None
        and pre.group("verb").lower() in ("up", "down")
        and (pre.group("prev") or "").lower() not in DRIFT_VERBS  # "ticked up by 0.2"
        and _PARTICLE_VERB.fullmatch((pre.group("prev") or "").lower()) is not None
    )
    # "raise prices by 8 percent", "raise menu prices 3 to 5 percent": a verb, its object, N.
    by = _VERB_OBJECT_BEFORE.search(before_text)
    adds_money = (
        pre is not None
        and f.unit == "usd"
        and pre.group("verb").lower().startswith("add")
        # "would add about $11 a month to the typical bill": money added to a price raises it
        and not _TO_A_PRICE.match(after_u)
    )
    if pre and f.change == "level" and not particle and not quantity_object and not adds_money:
        word = pre.group("verb").lower().split()[0]
        f.change, f.direction = kind, _direction_of(word)
    elif (
        by
        and f.change == "level"
        and (
            _pct(f.unit)
            or " by " in before_text[by.start() :]
            # "increased residential rates an average of $7": money after a price the verb moves
            or (f.unit == "usd" and by.group("obj").split()[-1].lower() in _PRICE_NOUNS)
        )
    ):
        f.change, f.direction = kind, TRANSITIVE_CHANGES[by.group("verb").lower()]
    elif (
        f.change == "level"
        and _pct(f.unit)
        and not re.search(r"\b(?:to|from|at)\s+\S*$", before_text)
        and not re.match(r"^\s+of\s", after_u)  # "38 percent of third graders": a share
    ):
        # "homicides are up, but only at a rate of 5.1%": a direction word in the clause.
        d = _clause_direction(anchor)
        if d:
            f.change, f.direction = "percent_change", d
    passive = anchor.head if anchor.dep_ == "nummod" else anchor
    if (
        f.change == "level"
        and f.unit in ("count", "usd")
        and passive.dep_ == "nsubjpass"
        and passive.head.lemma_.lower() in _PASSIVE_CHANGE
    ):
        # "4,500 jobs were added", "45 positions were cut": the passive of a change verb
        f.change, f.direction = "difference", _PASSIVE_CHANGE[passive.head.lemma_.lower()]
    if f.unit == "percentage_points" and f.change == "percent_change":
        f.change = "difference"
    # Subject from the syntax.
    subj_tok = _subject_token(span, anchor, f.unit, change_noun)
    if subj_tok is not None:
        subj_tok = classed_as(subj_tok)
    f.subject = _noun_lemma(subj_tok) if subj_tok is not None else None
    if (
        change_noun is not None
        and subj_tok is not None
        and subj_tok.dep_ == "compound"
        and subj_tok.head == change_noun
        and f.subject
    ):
        # "a 6 percent city tax increase", "a $38 million rate hike": what is measured is the
        # change of that thing, named as the story names it ("tax increase", "rate hike")
        before = [
            c.lower_
            for c in subj_tok.lefts
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in ("percent", "cent")
        ]  # "a 4 percent sewer rate increase"
        f.subject = " ".join([*before, f.subject, _lemma(change_noun)])
    f.counts_people = f.subject is None and _counts_people(anchor)
    if f.unit == "count" and _people_participle(anchor):
        # "140 wounded in non-fatal shootings", "Shootings are down: 37 wounded ...": a bare
        # count with a participle said of people counts people, whatever the clause is about
        f.subject, f.subject_explicit = "person", True
    weather = re.search(r"(?i)\b(?:degrees?|temperatures?|heat|cold|forecast|highs|lows|wind chill)\b",
                        sent_text)  # fmt: skip
    if f.unit == "count" and f.subject in ("high", "low", "temperature", "temp") and weather:
        f.unit = "degrees"  # "highs near 115"
    f.subject_explicit = f.subject is not None
    f.subject_i = subj_tok.i if subj_tok is not None else None
    if f.change == "level" and f.subject in ("growth", "increase", "rise", "gain", "jump"):
        f.change, f.direction = kind, "up"  # "wage growth was 4 percent"
    elif (
        f.change == "level"
        and f.subject in ("decline", "decrease", "drop", "loss", "reduction")
        and not (f.subject == "loss" and f.unit == "usd")  # "fire losses totaled $19.6 million"
    ):
        f.change, f.direction = kind, "down"
    if f.change == "level" and _ADDITIONAL.search(before_text):
        f.change, f.direction = kind, "up"  # "an additional $400,000", "another 60 workers"
    if f.unit == "count" and f.change == "level":
        f.unit = rate_unit(sent_text[max(end, f.end) :]) or f.unit
    if f.unit.startswith("per_") and f.unit != "per_capita":
        owner = _rate_subject(anchor, subj_tok)
        if (owner.i if owner else None) != (subj_tok.i if subj_tok else None):
            f.subject = _noun_lemma(owner) if owner is not None else None
            f.subject_i = owner.i if owner is not None else None
            f.subject_explicit = f.subject is not None
    return f


def _rate_subject(anchor: Token, found: Token | None) -> Token | None:
    """What a rate measures, when the parse gave its denominator or another clause's noun: the
    count it restates ("149 killings, or 33.4 per 100,000": killings), the rate it is the value
    of ("a rate of about 15.9 per 100,000 residents": rate), never who it is per (residents)."""
    top = number_top(anchor)
    if top.dep_ == "conj" and top.head.pos_ == "NOUN" and top.head.i < top.i:
        return top.head
    if found is None or found.i < anchor.i:
        return found
    between = anchor.doc[anchor.i : found.i]
    if not any(t.lower_ in ("per", "every") for t in between):
        return found
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN":
        return top.head.head
    return None


# Change nouns that say a number changed but not which way (change_words.tsv direction "none").
_UNDIRECTED_CHANGES = _CHANGE_NOUNS - set(CHANGE_DIRECTIONS)

# Verbs whose "up" or "down" is a particle, not a change ("made up 41%", "picked up 12").
_PARTICLE_VERB = re.compile(
    r"\w+ed|picks?|racks?|ends?|makes?|made|making|sums?|shows?|turns?|sets?|backs?|slows?|shuts?|"
    r"breaks?|takes?|puts?|brings?|gets?|came|comes|wrote|writes|"
    r"broke|shut|set|took|put|ran|runs"
)
_ADDITIONAL = re.compile(r"\b(?:(?:an? )?(?:additional|extra)|another)\s+\$?$", re.I)
_REFERENCE_LEVEL = re.compile(
    r"^\s+(?:the|its|their|this|that|last|a|an)?\s*(?:[\w’'-]+\s+){0,2}?"
    rf"(?:{'|'.join(sorted(REFERENCE_LEVELS, key=len, reverse=True))})\b",
    re.I,
)
_PRICE_NOUNS = lexicon.words("price_nouns")
_TO_A_PRICE = re.compile(
    r"^(?:\s+(?:a|per|each)\s+\w+)?\s+to\s+(?:the|a|an|their|its|each|every)?\s*"
    rf"(?:[\w’'-]+\s+){{0,3}}?(?:{'|'.join(sorted(_PRICE_NOUNS, key=len, reverse=True))})\b",
    re.I,
)


def _counts_people(anchor: Token) -> bool:
    """ "the 122 who died in crashes": the number heads a "who" clause."""
    return any(
        c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in anchor.children
    )


_PEOPLE_PARTICIPLES = lexicon.words("people_participles")


def _people_participle(anchor: Token) -> bool:
    """ "140 wounded in shootings", "12 killed": the number heads a participle said of people."""
    return any(
        c.dep_ in ("acl", "amod") and c.lower_ in _PEOPLE_PARTICIPLES and c.i == anchor.i + 1
        for c in anchor.children
    )


def _copula_change_direction(anchor: Token) -> str | None:
    """ "This tax increase is a $31 a year increase", "the bill increase is estimated to be
    between 2% and 3%": the number is what a change noun, the clause's subject, amounts to."""
    t = anchor.head if anchor.dep_ in ("nummod", "quantmod") else anchor
    for _ in range(3):
        if t.dep_ == "pobj" and t.head.lower_ in ("between", "at", "around", "about", "near"):
            t = t.head  # "is estimated to be between 2% and 3%"
            if t.dep_ != "prep" or t.head == t:
                return None
        elif t.dep_ not in ("attr", "acomp", "xcomp", "oprd") or t.head == t:
            return None
        t = t.head
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and _lemma(c) in _CHANGE_NOUNS:
                return _noun_direction(c)
    return None


def _change_noun_of(anchor: Token) -> tuple[Token | None, bool]:
    """The change noun the number measures: its own noun phrase ("a 4.1% tax increase", "a 36
    percent leap", "5% increases", own=True) or the noun it is "of"/"in" ("an increase of 6.7
    percent", "an increase in 2.8%", own=False); (None, False) when there is none."""
    t = anchor
    own = True
    for _ in range(5):
        head = t.head
        if head == t:
            break
        if t.dep_ in _NOUN_PHRASE_DEPS and head.i > t.i:
            t = head
        elif t.dep_ == "pobj" and head.lower_ in ("of", "in", "by") and head.head.pos_ == "NOUN":
            t, own = head.head, False
        elif t.dep_ == "appos" and head.pos_ == "NOUN" and head.i < t.i:
            t, own = head, False  # "The overall increase in the rate, 3.4 percent, was ..."
        else:
            break
        if t.pos_ == "NOUN" and _lemma(t) in _CHANGE_NOUNS | {"raise"}:
            return t, own
    return None, False


_NOUN_PHRASE_DEPS = ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod")


def _noun_direction(noun: Token) -> str | None:
    lemma = _lemma(noun)
    if lemma in _UP_WORDS or lemma == "raise":
        return "up"
    if lemma in _DOWN_WORDS:
        return "down"
    return None


@functools.cache
def _rate_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    # The rate phrase may follow the counted noun and its modifiers: "35 guns a week",
    # "401.2 violent crimes per 100,000 people", "48 homicides for every 100,000 residents".
    return tuple(
        (re.compile(rf"^\s*(?:[\w’'-]+\s+){{0,3}}?(?:{phrase})(?![\w-])", re.I), unit)
        for phrase, unit in lexicon.rate_phrases()
    )


def rate_unit(after: str) -> str | None:
    """The rate unit a phrase right after a count makes of it (per_100k, per_week), if any;
    "a year earlier", "a week ago" say when, not how often."""
    for pattern, unit in _rate_patterns():
        m = pattern.match(after)
        if m and not _WHEN_AFTER.match(after[m.end() :]):
            return unit
    return None


_WHEN_AFTER = re.compile(r"\s+(?:earlier|ago|before|later|prior|after|from now|since)\b", re.I)


# The forms of verbs that move a number (lang/change_words.tsv, role "verb"), longest first.
_CHANGE_VERB_FORMS = "|".join(
    re.escape(w) for w in sorted(CHANGE_VERBS, key=lambda w: (-len(w), w))
)
# "raise taxes by 3 percent": forms of verbs that move their object (role transitive)
_TRANSITIVE_FORMS = "|".join(
    re.escape(w) for w in sorted(TRANSITIVE_CHANGES, key=lambda w: (-len(w), w))
)
_CHANGE_OF_NOUNS = "|".join(re.escape(w) for w in sorted(CHANGE_OF_NOUNS, key=len, reverse=True))
# The change words right before a number (built once from the tables, not per claim):
# "rose 5 percent", "shed 700", "up 3", "a drop of 14%".
_VERB_BEFORE = re.compile(
    rf"(?:\b(?P<prev>\w+)\W+)?\b(?P<verb>up|down|{_CHANGE_VERB_FORMS}|"
    rf"(?:{_CHANGE_OF_NOUNS}) of)(?:,?\s+by\s+|\s+)"
    r"(?:(?:a|an)\s+)?(?:(?:about|approximately|roughly|around|nearly|almost|more than|over|"
    r"just|some|an estimated|less than|at least|only|another|close to|just over|just under|"
    r"a whopping|a staggering|an additional|a total of|up to|as much as|as many as|"
    r"between|anywhere|somewhere)\s+)*$",
    re.I,
)
# "raise prices by 8 percent", "raise menu prices 3 to 5 percent": a verb, its object, N.
_VERB_OBJECT_BEFORE = re.compile(
    rf"\b(?P<verb>{_TRANSITIVE_FORMS})\b"
    r"(?P<obj>(?:\s+(?!(?:with|in|at|for|after|of|from|on|as|than|to)\b)[a-z’'-]+)"
    r"{1,4}?)\s+"
    r"(?:by\s+)?(?:(?:about|approximately|roughly|around|nearly|almost|up to|as much as|"
    r"more than|at least|an average of|an estimated)\s+)*$",
    re.I,
)


def _direction_of(word: str) -> str:
    """The direction a change word before a number gives: a verb form ("shed"), a change noun
    ("drop of"), or the particle itself ("up 5 percent")."""
    w = word.lower()
    return CHANGE_VERBS.get(w) or CHANGE_DIRECTIONS.get(w) or ("up" if w == "up" else "down")


def _clause_direction(anchor: Token) -> str | None:
    """A direction word of the number's own clause ("homicides are up, but only at a rate of
    5.1%"); another clause's verb ("collections climbed ..., while occupancy averaged 61.5%")
    says nothing of it."""
    t = anchor
    for _ in range(8):
        for c in t.children:
            w = c.lemma_.lower()
            if c.dep_ in ("advmod", "prt", "acomp", "advcl") and c.lower_ in ("up", "down"):
                nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
                if nxt is not None and nxt.lower_ in ("from", "to"):
                    continue  # "up from 2.9 percent": a level compared with another
                if c.dep_ == "prt" and _PARTICLE_VERB.fullmatch(t.lower_):
                    continue  # "made up 82 percent": a share, no change
                return c.lower_
            if c.dep_ in ("acomp",) and w in ("high", "low"):
                return "up" if w == "high" else "down"
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in ("increase", "rise", "grow", "jump", "climb", "soar",
                                          "surge", "spike", "double", "triple"):  # fmt: skip
            return "up"
        if t.pos_ == "VERB" and lemma in ("decrease", "decline", "fall", "drop", "dip", "plunge",
                                          "plummet", "shrink", "slip", "sink"):  # fmt: skip
            return "down"
        if t.head == t or (t.pos_ in ("VERB", "AUX") and t.dep_ in _OWN_CLAUSE_DEPS):
            return None
        t = t.head
    return None


# A verb hung on another by one of these heads a clause of its own.
_OWN_CLAUSE_DEPS = ("advcl", "conj", "ccomp", "relcl", "parataxis", "xcomp")
