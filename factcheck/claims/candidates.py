"""Which numbers are claims: a cheap text pass (no parse) and the parse-based rules.

Not claims: years and dates as time references, clock times, ages ("a 23-year-old", "Smith, 45,"),
ordinals, names ("CBS 42", "Highway 280", "COVID-19"), addresses, phone and service numbers, idioms
("one of the", "one-on-one"), vague amounts, a lone "half"/"quarter" and digit fractions ("1/4",
"24/7"), hyphenated kinds ("a two-alarm fire") and durations used as time references ("over the
past five years", "a 10-year plan"). "one" is a claim only when it counts a noun.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from factcheck import numbers
from factcheck.claims.multiplier import find_multipliers
from factcheck.claims.period import _period_spans
from factcheck.claims.syntax import _lemma, _subject_of
from factcheck.claims.vocab import (
    _MEASURE_UNITS,
    _MONTH_RE,
    _NAME_BEFORE,
    _PERSONS,
    _SENTENCE_WORDS,
    _YEAR_HEADS,
    MONTHS,
)

# Capitalized words right after a number that make it a name: "7 Action News", "405 Freeway".
_NAME_AFTER = re.compile(
    r"^\s+(?:News|Action|On Your Side|Eyewitness|Investigates|Alive|Live|Now|First Alert|"
    r"Freeway|Expressway|Parkway|Highway|Interstate|Turnpike|Bypass|Loop|Connector|Tollway|"
    r"Beltway|Corridor|Spur)\b"
)


_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Parkway|Pkwy|Court|Ct|"
    r"Place|Pl|Circle|Cir|Highway|Hwy|Trail|Terrace|Square|Loop|Pike|Row|Alley|Plaza|Crossing)"
)


_ADDRESS_AFTER = re.compile(
    rf"^\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:\d+(?:st|nd|rd|th)|[A-Z][\w'.-]*)(?:\s+[A-Z][\w'.-]*){{0,3}}\s+{_STREET}\b"
)


_IDIOM_ONE_AFTER = re.compile(
    r"^(?:\s*-\s*(?:on|to|of|time|way|stop|off|size|day|year|night)\b|\s+of\b|\s+(?:another|by one|"
    r"day|time|thing|way|point|side|hand|night|morning|afternoon|evening|more|or (?:two|another|"
    r"more)|at a time|after another|last|another|big|major|such|reason|place|look|glance|"
    r"problem|question|answer|idea|option|concern|challenge|factor|goal|priority|example|"
    r"hundred percent)\b)",
    re.I,
)


_IDIOM_ONE_BEFORE = re.compile(
    r"(?:\b(?:no|the|this|that|which|any|every|each|someone|anyone|last|only|at|one|big|little|"
    r"good|new|other|same|right|wrong|first|second|next)\s+|-)$",
    re.I,
)


_AGE_AFTER = re.compile(
    r"^(?:\s*-\s*(?:or\s*-\s*)?(?:years?|months?|weeks?|days?)\s*-\s*olds?\b|\s+(?:years?|months?)\s+old\b|\s*-\s*year\s*-\s*olds?\b|s\b|\s*'s\b)",
    re.I,
)


_AGE_BEFORE = re.compile(
    r"(?:\b(?:age|aged|ages|ages of|age of)\s+|\b(?:ages?|aged)\s+(?:of\s+)?(?:between\s+)?"
    r"\d{1,3}\s*(?:and|to|through|or|-|–)\s*)$",
    re.I,
)  # "ages of 12 and 30": both are ages
# After 211 ... 911, a plural noun that is not a service word makes a count ("511 doses", "811
# rounds"); anything else is the service line ("911 calls", "calls to 911 came in").
_COUNTED_AFTER_SERVICE_NUMBER = re.compile(
    r"^\s+(?:more\s+|fewer\s+|new\s+|additional\s+|other\s+)?"
    r"(?!(?:calls|callers|centers|centres|dispatchers|lines|operators|services|texts)\b)[a-z]+s\b"
)


# Lower-case words that make the number after them a label: "grades 3 through 8", "mile marker 12".
_LABEL_BEFORE = re.compile(
    r"\b(?:grades?|mile marker|marker|exit|page|chapter|section|room|suite|apartment|apt\.?|unit|"
    r"lot|gate|pier|route|highway|interstate|channel|district|ward|precinct|number|no\.|"
    r"season|episode|level|phase|stage|tier|category|class|type|version|model|bus|flight|"
    r"line|box|seat|row|jersey|code|zip|zip code|po box|p\.o\. box|badge|case no\.)\s+$",
    re.I,
)


_TIME_AFTER = re.compile(
    r"^\s*(?:(?:a\.?m|p\.?m)(?:\.|(?![a-z]))|o['’]clock|hours\b(?=\s+(?:on|local|today)))", re.I
)


_DURATION_ADJ = re.compile(
    r"^\s*-\s*(?:year|month|week|day|hour|minute|second|decade|night|game|member|time|story|"
    r"point|yard)s?\b(?!\s*-?\s*old)",
    re.I,
)


_TIME_REF_BEFORE = re.compile(
    r"(?:\b(?:in|within|for|over|during|past|last|next|previous|prior|after|before|first|final|"
    r"lasting|lasts|last|spanning|"
    r"coming|every|each|recent|another|the|those|these)\s+)$",
    re.I,
)


_TIME_REF_AFTER = re.compile(
    r"^\s+(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|nights?)\s+(?:ago|later|"
    r"earlier|before|after|prior|from now|since|straight|in a row|running)\b",
    re.I,
)


_YEAR_NOUN_OK = re.compile(r"^\s+(?:[a-z]+\s+){0,2}?[a-z]+", re.S)


def _cheap_rejects(text: str, m: numbers.NumberMatch) -> bool:
    """Non-claims that need no parse: years as time refs, names, addresses, ages, clock times."""
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 60]
    years = all(1800 <= v <= 2100 and float(v).is_integer() for v in (m.low, m.high))
    if m.is_range and years and "," not in m.text and "$" not in m.text:
        return True  # "from 2019 to 2023": a span of years
    if re.search(r"(?:^|[\s(])['’]$", before) and re.fullmatch(r"\d{2}", m.text):
        return True  # "in '17", "class of '09": a year
    if re.search(r"\b(?:per|for every|out of every|in every|of every)\s+$", before, re.I):
        return True  # "per 100,000 people": the denominator of a rate, not a count
    if re.match(r"^-[A-Z]", after):
        return True  # "7-Eleven", "3-D": part of a name
    if re.search(r"[A-Za-z]$", before) and m.text[0].isdigit():
        return True  # glued to letters: "Denver7", "ABC15", "A320"
    if m.unit == "count":
        if m.plain_int is not None and _NAME_AFTER.match(after):
            return True
        if (
            m.plain_int is not None
            and int(m.plain_int) < 100
            and re.match(r"^\s+[A-Z][a-z]+\s+(?:[A-Z][a-z]*|For|On|At)\s+[A-Z]", after)
        ):
            return True  # "2 Works For You", "5 On Your Side": a station's brand
        if m.plain_int is not None and re.search(r"\b(?:News|Channel)(?:\s+On)?\s*$", before):
            return True  # "News On 6"
        if (
            m.plain_int is not None
            and int(m.plain_int) <= 12
            and re.search(r"\b(?:at|until|by|before|after)\s+(?:\d{1,2}\s+(?:and|or)\s+)?$", before)
            and re.match(
                r"^\s*(?:[.;,!?]|$|tonight|this (?:morning|evening|afternoon)|on\b|(?:and|or) \d)",
                after,
            )
        ):
            return True  # "full results at 10", "tips tonight at 11"
        if (
            m.plain_int is not None
            and int(m.plain_int) <= 12
            and re.search(
                r"\b(?:opens?|opened|starts?|started|begins?|began|ends?|ended|closes?|closed|airs?|"
                r"kicks? off|wraps? up|tips? off|gets? underway|resumes?)\s+at\s+$",
                before,
                re.I,
            )
        ):
            return True  # "doors open at 7 and the show starts at 8": clock times
        if re.search(r"\b(?:top|bottom)\s+$", before, re.I) and m.plain_int is not None:
            return True  # "the top 10 employers": a ranking, not a count
        if (kind := re.match(r"^-(?!plus\b)([a-z]+)\b", after)) and (
            kind.group(1) not in _MEASURE_UNITS and kind.group(1).rstrip("s") not in _MEASURE_UNITS
        ):
            return True  # "one-bedroom", "two-alarm": a kind, not a count
        if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before) or _TIME_AFTER.match(after):
            return True
        if (
            _LABEL_BEFORE.search(before)
            and "," not in m.text  # labels have no thousands: "will seat 45,000 people"
            and not re.search(r"\b(?:will|would|can|could|to|may|might|must)\s+\w+\s+$", before)
        ):
            return True
        if m.plain_int is not None and re.search(
            r"\b(?:dial|dialing|call|calling|text|texting)\s+$", before, re.I
        ):
            return True  # "dial 988": a service line
        if re.match(r"^\s+(?:hours?\s+(?:a|per)\s+day|days?\s+(?:a|per)\s+week)\b", after):
            return True  # "open 24 hours a day": a schedule, not a figure
        if re.fullmatch(r"(?i)an?\s+(?:hundred|thousand|million)", m.text) and re.match(
            r"^\s+(?:times|reasons|ways|miles an hour)\b", after
        ):
            return True  # "a thousand times": a figure of speech
        if (
            re.search(r"\bturn(?:s|ed|ing)?\s+$", before)
            and m.plain_int
            and int(m.plain_int) <= 120
        ):
            return True  # "turned 100": an age
        small = m.plain_int is not None and int(m.plain_int) <= 110
        if small and (
            re.search(r"\b(?:he|she|I|who|they|we)\s+(?:was|is|were|are|turned|turns)\s+$", before)
            or re.match(r"^\s+(?:or|and)\s+(?:younger|older|under|over|up)\b", after)
        ):
            return True  # "when he was 19", "17 or younger": ages
        if small and _AGE_THRESHOLD_BEFORE.search(before) and _AGE_THRESHOLD_AFTER.match(after):
            return True  # "patients over 65", "drivers under 21": an age limit, not a count
        if (
            m.plain_int is not None
            and len(m.plain_int) in (1, 2, 3)
            and _ROAD_THE_BEFORE.search(before)
            and _ROAD_THE_AFTER.match(after)
        ):
            return True  # "traffic on the 10", "take the 405 north": a freeway's name
        if m.plain_int is not None and (
            (
                re.search(r"\b(?:between|from)\s+the\s+$", before, re.I)
                and re.match(r"^\s+(?:and|to)\s+the\s+\d", after)
            )
            or re.search(r"\b(?:between|from)\s+the\s+\d{1,3}\s+(?:and|to)\s+the\s+$", before)
        ):
            return True  # "between the 10 and the 101": freeways by number
        if (
            m.plain_int is not None
            and len(m.plain_int) == 5
            and re.match(r"^\s+zip\b", after, re.I)
        ):
            return True  # "the 35203 ZIP code"
        if (
            m.spelled
            and m.text[0].isupper()
            and re.search(r"[a-z,]\s+$", before)
            and re.match(r"^\s+[A-Z][a-z]", after)
        ):
            return True  # "the Five Points station": a number inside a name
        if re.search(r"/\s*$", before) and re.search(r"[A-Za-z\d]/\s*$", before):
            return True  # "ABC 33/40", "24/7"
        if re.match(r"^\s*/\s*\d", after):
            return True
        if re.search(r"\d[-–]\s*$", before) or re.match(r"^[-–]\d", after):
            return True  # part of a longer code ("1-800")
        if _ADDRESS_AFTER.match(after) or re.match(r"^\s+block\b", after, re.I):
            return True
        if m.plain_int is not None:
            prev = re.search(r"([A-Za-z][\w.&’']*)(\s*-?\s*)$", before)
            if prev and _is_name_word(prev.group(1), before[: prev.start()], prev.group(2)):
                return True  # "CBS 42", "Channel 13", "I-65", "Highway 280", "COVID-19"
            if re.search(rf"\b{_MONTH_RE}\s*$", before) and int(m.plain_int) <= 31:
                return True  # "August 2", "Aug. 14"
            if re.search(rf"\b{_MONTH_RE}(?:\s+\d{{1,2}})?,?\s*$", before) and _is_year(m):
                return True
            if re.fullmatch(r"[2-9]11", m.plain_int) and not _COUNTED_AFTER_SERVICE_NUMBER.match(
                after
            ):
                return True  # "911 calls", "call 311": service lines; "511 doses" is a count
        if _DURATION_ADJ.match(after):
            return True  # "a 10-year plan", "a two-day festival"
        if _TIME_REF_AFTER.match(after):
            return True  # "two years ago"
        if re.match(r"^\s*(?:st|nd|rd|th)\b", after):
            return True
    return False


_AGE_THRESHOLD_BEFORE = re.compile(
    r"\b(?:patients|adults|people|persons|residents|children|kids|teens|teenagers|seniors|those|"
    r"anyone|anybody|everyone|men|women|drivers|voters|students|youths?|individuals|workers|"
    r"Americans|folks|aged?|ages|customers|users|riders|someone|members)\s+"
    r"(?:(?:who are|who were|that are|are|were|was|is|being)\s+)?"
    r"(?:over|under|above|below|older than|younger than|"
    r"over the age of|under the age of|at least)\s+$",
    re.I,
)


_AGE_THRESHOLD_AFTER = re.compile(
    r"^\s*(?:[.,;:!?)]|$|years?\b|(?:and|or)\s+(?:older|over|up|younger|under)\b|(?:who|with|"
    r"were|are|was|is|in|at|to|should|can|cannot|can't|could|may|might|must|will|won't|would|"
    r"need|needs|have|has|had|get|got|do|don't|did|didn't|pay|face|account|make|made|qualify|"
    r"living|receive)\b)",
    re.I,
)


# "the 10", "the 405": a freeway named by its number (a number after "the" with no noun after).
_ROAD_THE_BEFORE = re.compile(
    r"\b(?:on|onto|off|along|take|took|taking|via|exit|exited|exiting|near|from|to)\s+the\s+$",
    re.I,
)


_ROAD_THE_AFTER = re.compile(
    r"^\s*(?:[.,;:!?)]|$|(?:and|or|near|at|between|through|was|were|is|are|has|had|after|before|"
    r"during|freeway|east|west|north|south|eastbound|westbound|northbound|southbound|"
    r"interchange|overpass|exit|ramp)\b)",
    re.I,
)


_MIXED = re.compile(r"\d+ \d+/\d+")  # "3 1/2": a whole number and a fraction
# A four-digit number after these is a count, whatever year it looks like.
_COUNTED_YEAR_BEFORE = re.compile(
    r"\b(?:there (?:were|was|are|is|have been|had been)|(?:totaled|totalled|reached|topped|hit|"
    r"recorded|reported|counted|logged|seized|made|issued|received|had|has|have)(?: about| nearly| "
    r"almost| more than| roughly| some)?)\s+$",
    re.I,
)


def _is_year(m: numbers.NumberMatch) -> bool:
    return m.plain_int is not None and len(m.plain_int) == 4 and 1800 <= int(m.plain_int) <= 2100


def _is_name_word(word: str, before: str, gap: str) -> bool:
    """Is `word`, written right before a number, the name the number belongs to?"""
    if re.search(r"['\u2019]s$", word):
        return False  # a possessive owns the number: "Knoxville's 47", not a name like "Fox 6"
    w = word.lower().rstrip(".")
    if w in _NAME_BEFORE and word[0].isupper():
        return True
    if "\n" in gap or gap.strip() not in ("", "-"):
        return False
    if word.isupper() and len(word) >= 2 and w not in ("i",):
        return True  # acronyms: "CBS 42", "WIAT 42", "ABC 33"
    if word[0].isupper() and gap.strip() == "-":
        return True  # "I-65", "COVID-19", "SR-9"
    if word[0].isupper() and w not in _SENTENCE_WORDS and w not in MONTHS:
        # A capitalized word that is not sentence-initial: "Fox 6", "News 19", "Station 12".
        return not re.search(r"(?:^|[.!?:;\"“”]\s*)$", before)
    return False


@functools.lru_cache(maxsize=8192)
def _sentence_periods(text: str) -> tuple[tuple[int, int], ...]:
    """The time phrases of a sentence. Cached: the pre-pass and the sentence pass both ask."""
    return tuple(_period_spans(text))


@functools.lru_cache(maxsize=8192)
def _number_candidates(text: str) -> tuple[numbers.NumberMatch, ...]:
    """Number phrases in a sentence that may be claims (cheap rules only). Cached: the pre-pass
    and the sentence pass ask for the same sentence."""
    periods = _sentence_periods(text)
    return tuple(
        m
        for m in numbers.find_numbers(text)
        if not _cheap_rejects(text, m)
        and not any(ps <= m.start and m.end <= pe for ps, pe in periods)
        and not _cheap_idiom_or_year(text, m)
    )


def _cheap_idiom_or_year(text: str, m: numbers.NumberMatch) -> bool:
    """The text-only half of the parse rules: a year after a time preposition, a share written
    with a slash, "one" in an idiom, a duration used as a time reference."""
    before = text[max(0, m.start - 30) : m.start]
    after = text[m.end : m.end + 40]
    if ("/" in m.text and not _MIXED.fullmatch(m.text)) or m.text.lower() in (
        "half",
        "a half",
        "quarter",
        "a quarter",
    ):
        return True
    if re.search(r"\b(?:couple of|few|several|many|tens of)\s*$", before, re.I):
        return True  # "a couple of dozen": vague
    if _is_year(m) and re.search(
        r"\b(?:in|since|of|by|from|through|until|before|after|during|between|and|to|year|"
        r"below|above|than|over|under|versus|vs\.?|pre|post|"
        r"fiscal|FY|early|late|mid|spring|summer|fall|winter)\s*$",
        before,
        re.I,
    ):
        return True
    if m.text.lower() == "one" and (
        _IDIOM_ONE_AFTER.match(after) or _IDIOM_ONE_BEFORE.search(before)
    ):
        return True
    unit = re.match(r"^\s+(years?|months?|weeks?|days?|hours?|minutes?|decades?)\b", after, re.I)
    return bool(unit and _TIME_REF_BEFORE.search(before))


def _is_one_idiom(sent_text: str, m: numbers.NumberMatch, tok: Token | None) -> bool:
    before = sent_text[max(0, m.start - 30) : m.start]
    after = sent_text[m.end : m.end + 40]
    if m.text.lower() not in ("one", "a", "an"):
        return False
    if _IDIOM_ONE_AFTER.match(after) or _IDIOM_ONE_BEFORE.search(before):
        return True
    if tok is None:
        return True
    # "one" counts something only when it modifies a noun.
    return not (tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i)


def _unit_end(doc: Doc, span: Span) -> int:
    """The end of a unit word written right after the number ("5 miles"), else the number's."""
    if span.end < len(doc):
        t = doc[span.end]
        if t.lemma_.lower() in _MEASURE_UNITS or t.lower_ in _MEASURE_UNITS:
            return t.idx + len(t.text) - doc[0].idx
    return span.end_char - doc[0].idx


def _duration_is_time_ref(text: str, start: int, end: int, unit: str) -> bool:
    if unit not in ("years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades"):
        return False
    before = text[max(0, start - 20) : start]
    after = text[end : end + 20]
    if _TIME_REF_BEFORE.search(before):
        return True
    return bool(re.match(r"^\s*(?:ago|later|earlier|before|after|prior|old|from now)\b", after))


def _age_of_person(anchor: Token) -> bool:
    """A bare number as the predicate of "be" about people: "The victims were 19 and 22"."""
    t = anchor
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    if t.dep_ not in ("attr", "acomp") or t.head.lemma_ != "be":
        return False
    nxt = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN":
        return False
    subj = _subject_of(t.head)
    return subj is not None and _lemma(subj) in _PERSONS


def _keep(doc: Doc, text: str, m: numbers.NumberMatch, span: Span, anchor: Token) -> bool:
    """The parse-based "not a claim" rules."""
    low = m.text.lower()
    if low in ("half", "a half", "quarter", "a quarter") or (
        "/" in m.text and not _MIXED.fullmatch(m.text)
    ):
        return False  # a share with no count; "24/7", "33/40", "1/4" are not newsroom claims
    one = low in ("one", "a", "an") or (m.spelled and m.low == 1 and not m.is_range)
    if one and _is_one_idiom(text, m, anchor):
        return False
    if _is_year(m) and _COUNTED_YEAR_BEFORE.search(text[max(0, m.start - 40) : m.start]):
        pass  # "there were 2074 at the same time last year": a count that looks like a year
    elif _is_year(m):
        # A bare year is a claim only when it counts a noun ("2018 guns" never reads as a year).
        head = anchor.head
        nxt = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
        counts = anchor.dep_ == "nummod" and head.tag_ == "NNS" and head.i > anchor.i
        if nxt is not None and nxt.tag_ in ("NN", "NNP", "JJ"):
            counts = False  # "the 2027 budget", "the 2024 presidential race"
        if not counts or head.lemma_.lower() in _YEAR_HEADS:
            return False
        if head.lemma_.lower() in ("model", "version", "edition", "class"):
            return False
    if m.plain_int is not None and anchor.dep_ in ("nummod", "appos", "npadvmod"):
        head = anchor.head
        if head.pos_ == "PROPN" and head.i == anchor.i - 1 and head.text[0].isupper():
            return False  # "Fox 6", "Station 12": a number that names
    if m.plain_int is not None and int(m.plain_int) <= 110 and _age_of_person(anchor):
        return False  # "The victims were 19 and 22": ages
    # "Smith, 45, of Hoover": an age in apposition.
    apposed = re.search(r"[A-Za-z]+,\s*$", text[: m.start]) and re.match(
        r"^\s*,\s*\D", text[m.end :]
    )
    if m.unit == "count" and m.plain_int is not None and int(m.plain_int) <= 110 and apposed:
        return False  # "Smith, 45, of Hoover", "The other, 24, died": an age in apposition
    if anchor.ent_type_ in ("DATE", "TIME") and m.unit == "count" and _is_year(m):
        return False
    return not (
        m.spelled and m.low < 10 and re.match(r"^\s*-\s*(?:on|to|way|for|of)\s*-", text[m.end :])
    )


def numbers_candidate(sentence: str) -> bool:
    """True when a sentence holds a number that may be a claim (the cheap pre-pass), or a
    multiplicative change ("doubled", "fell by half")."""
    if find_multipliers(sentence):
        return True
    if not re.search(r"\d|(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                     r"million|billion|dozen|zero)\w*)", sentence):  # fmt: skip
        return False
    return bool(_number_candidates(sentence))
