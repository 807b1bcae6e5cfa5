"""The time phrase a claim refers to, as written (`Claim.period`).

A time phrase governs the numbers of its clause; a phrase that opens the sentence ("In 2019, ...")
governs the whole sentence; a phrase in another clause is not taken; the date of a record ("the
highest since 2017") is not the claim's period; "a week" after a count is a rate, not a period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factcheck.claims.vocab import (
    _DAY_WORD,
    _HOLIDAY,
    _MONTH_RE,
    _NUM_WORD,
    _SPAN_WORD,
    _WEEKDAY,
    _YEAR,
)
from factcheck.periods import COMPARE_PHRASE

# Time phrases as written, for `period`; longest alternatives first.
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
_CLOCK = r"(?:about |around )?\d{1,2}(?::\d{2})?\s*[-‐]?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
_SCHOOL_YEAR = rf"{_YEAR}\s*[-–/]\s*(?:{_YEAR}|\d{{2}})(?!\d)"
_ELECTION = r"(?:general election|primary election|special election|runoff|primary|election)"
# One end of a stretch: a date, a month and year, or a day with its hour.
_POINT = (
    rf"(?:(?:{_CLOCK}|midnight|noon) )?(?:{_WEEKDAY}(?: {_PART_OF_DAY})?|{_MONTH_RE}(?: {_DAY_WORD})?"
    rf"(?:,? {_YEAR})?|{_YEAR})"
)
PERIOD_RE = re.compile(
    r"(?<![\w-])(?:"
    rf"so far (?:this|in) (?:year|{_YEAR})|so far this {_SPAN_WORD}|"
    r"(?:at )?this (?:same )?(?:point|time) (?:last year|a year ago)|"
    rf"(?:at |by |over |during |in |for |through |as of )?the same (?:holiday )?(?:time period|time frame|time|period|point|stretch|span|months?|weeks?|weekend|quarter|day|date)"
    rf"(?: last year| a year (?:ago|earlier)| of (?:{_YEAR}|last year)| in {_YEAR})?|"
    rf"(?:from|over) (?:{_YEAR}|this year|last year)|"
    rf"(?:in |for |during |since |(?:starting|beginning) (?:in |with )?)?the (?:{_SCHOOL_YEAR}|{_YEAR}) (?:fiscal year|school year|academic year|budget year|season|(?:\w+ )?(?:race|election|primary|census|budget))|"
    rf"(?:in |for |during )?(?:fiscal (?:year )?|FY ?){_SCHOOL_YEAR}|"
    rf"{_SCHOOL_YEAR}|"
    rf"(?:in )?the class of {_YEAR}|"
    rf"through the end of (?:{_MONTH_RE}|the year|{_YEAR}|last year|this year)|"
    rf"(?:at|by) the end of (?:{_MONTH_RE}|the year|{_YEAR}|last year|this year|the (?:month|week|quarter))|"
    rf"as (?:recently|late|early) as {_YEAR}|"
    rf"compared (?:with|to) (?:{_YEAR}|last year|a year ago)|"
    rf"(?:last|this|next) {_MONTH_RE}|"
    rf"(?:in|within|over|during|for) (?:the )?(?:past |last |first |prior |previous )?{_NUM_WORD} hours|"
    rf"(?:during |in |over |for )?the (?:first|second|third|fourth|last|final) (?:half|quarter|{_NUM_WORD} (?:months|weeks|days|quarters)) of (?:the year|this year|last year|the (?:school |fiscal )?year|{_YEAR})|"
    rf"(?:during |in |over |for )?the (?:first|second|third|fourth|last|final) (?:half|quarter|{_NUM_WORD} (?:months|weeks|days))(?! of)|"
    rf"(?:in |over |during |within |for )?the (?:past|last|previous|prior) (?:{_NUM_WORD} )?(?:years?|months?|weeks?|days?|decades?)|"
    rf"(?:over |during |in )?the (?:span|course) of (?:a|the|one|{_NUM_WORD}) (?:years?|months?|weeks?|days?)|"
    rf"(?:between|from) {_YEAR} (?:and|to|through) {_YEAR}|"
    rf"(?:over|within|during) (?:the next |the coming )?{_NUM_WORD} (?:years?|months?|weeks?|days?|decades?)|"
    rf"(?:over|in|during|within) the next (?:{_NUM_WORD} )?(?:years?|months?|weeks?|days?|decades?)|"
    rf"since (?:the start of |the beginning of |the end of )?(?:{_MONTH_RE}(?: {_DAY_WORD})?(?:,? {_YEAR})?|{_YEAR}|last {_SPAN_WORD}|the year before|this year|January)|"
    rf"since (?:midnight |noon )?(?:(?:last |early |late )?{_WEEKDAY}(?: {_PART_OF_DAY})?|midnight|noon)|"
    rf"as of (?:{_CLOCK}(?: {_WEEKDAY}| today| this morning)?|{_MONTH_RE}(?: {_DAY_WORD})?(?:,? {_YEAR})?|{_YEAR}|today|now|yesterday|this (?:week|morning)|{_WEEKDAY}(?: {_PART_OF_DAY})?)|"
    # "between 6 p.m. Friday and midnight Monday", "between July 2022 and July 2023"
    rf"(?:from|between) {_POINT} (?:and|to|through|until) {_POINT}|"
    rf"(?:from |between )?{_MONTH_RE} (?:through|to|and|until) {_MONTH_RE}(?:,? {_YEAR})?|"
    rf"(?:from |between |on )?{_WEEKDAY} (?:through|to|and|until) {_WEEKDAY}|"
    # "in the week ending Sunday", the reporting week of health and jobs figures
    rf"(?:in |for |during )?the week (?:ending|ended|of) (?:{_WEEKDAY}|{_MONTH_RE} {_DAY_WORD}(?:,? {_YEAR})?)|"
    # a stretch the number happened in: "13 inches in three days", "for five straight nights"
    rf"(?:in|over) (?:{_NUM_WORD}|two|three) (?:straight |consecutive )?(?:days|nights|weeks)|"
    rf"for (?:{_NUM_WORD}|two|three) (?:straight|consecutive) (?:days|nights|weeks|years)|"
    rf"(?:by|until|through) (?:noon|midday|midnight|{_CLOCK})(?: {_WEEKDAY}| today| tonight)?|"
    # a period named by the story before ("1,046 firearms that year"): the checker resolves it
    r"that (?:year|month|week|weekend|day|night|season|quarter)|"
    # the span the story is about, named again: "added 4,600 jobs over the month"
    r"(?:over|during|for|in) the (?:month|week|weekend|quarter|year)(?! (?:before|ago|earlier|of|ending|ended))|"
    r"(?:at|by) the (?:start|beginning) of the (?:month|week|year|quarter)|"
    r"(?:during|over|in|for) the (?:[a-z]+ )?period(?! of)|"
    # an enforcement stretch: "during the 10-day campaign", "over the two-week crackdown"
    rf"(?:during|over|in|for) the (?:{_NUM_WORD}|two|three)[- ](?:day|week|month) (?:[a-z]+ )?(?:campaign|crackdown|blitz|period|drive)|"
    # a season named by what it is for: "this construction season"
    r"(?:this|last|next) [a-z]+ season|"
    # a fiscal year on its own: "about 12% above fiscal 2019"
    rf"(?:fiscal (?:year )?|FY ?){_YEAR}(?![-–/]\d)|"
    # a clipped year: "In '17", "since ’23"
    r"(?:in|since|from|by|of|through) ['’](?:[0-9]{2})(?![\w'’])|"
    # an event on a day: "in Tuesday's primary"
    rf"(?:in |during |on )?{_WEEKDAY}['’]s (?:\w+ )?{_ELECTION}|"
    r"during the (?:day|night)|"
    rf"(?:this|last|next|the) (?:school|fiscal|academic|calendar) year|"
    rf"(?:in |during |over )?(?:their|its|the|his|her) first {_NUM_WORD} (?:days|weeks|months|years)|"
    rf"(?:up )?(?:through|thru|until|by the end of|by) (?:{_MONTH_RE}(?: {_DAY_WORD})?(?:,? {_YEAR}| in {_YEAR}| of (?:this|last) year| of {_YEAR})?|{_YEAR})|"
    rf"(?:starting|beginning|effective) (?:(?:next|this|last) (?:month|week|year)|(?:in |on )?{_MONTH_RE}(?: {_DAY_WORD})?(?:,? {_YEAR})?|{_YEAR})|"
    rf"(?:up )?(?:through|thru|until|by) (?:(?:early |late )?{_WEEKDAY}(?: {_PART_OF_DAY})?)|"
    rf"(?:in |during |for )?the month of {_MONTH_RE}(?:,? {_YEAR})?|"
    rf"(?:in |during |for )?{_MONTH_RE} of {_YEAR}|"
    rf"(?:in|during|for|of) (?:fiscal (?:year )?|FY ?)?(?:{_MONTH_RE} )?{_YEAR}|"
    rf"(?:in|during|for) {_MONTH_RE}|"
    rf"on {_MONTH_RE} {_DAY_WORD}(?:,? {_YEAR})?|"
    rf"(?:in |during |for |since )?the (?:{_MONTH_RE} {_DAY_WORD} )?{_ELECTION}(?: day)?(?: on {_MONTH_RE} {_DAY_WORD})?|"
    rf"(?:{_NUM_WORD}|a|an) (?:years?|months?|weeks?|days?|decades?|hours?) (?:ago|earlier|before|prior)|"
    rf"(?:over|during|on|for|before|after|since|through) (?:the )?{_HOLIDAY}(?: (?:holiday|travel|weekend|week|period|break|day))*(?: [a-z]+ (?:period|campaign|crackdown|weekend))?|"
    rf"(?:just |earlier |later )?(?:this|last|next) {_SPAN_WORD}(?: alone)?|"
    rf"(?:on |early |late |by |last )?(?:early |late )?{_WEEKDAY}(?:['’]s)?(?: {_PART_OF_DAY})?|"
    r"the (?:year|month|week) (?:before|prior|earlier)(?: that)?|the previous (?:year|month|week)|"
    r"(?:ended|finished|closed out|wrapped up) (?:the|this|last) year|"
    r"year[- ]to[- ]date|year[- ]over[- ]year|so far|"
    r"for the season(?: so far)?|over the year|"
    r"last night|this (?:morning|afternoon|evening)|today|yesterday|tonight|overnight"
    r")(?![\w-])",
    re.I,
)
# Rate phrases: "35 guns a week", "$39 per day", "each year" say how often, not when.
RATE_RE = re.compile(
    rf"(?<![\w-])(?:(?:each|every|per|a|an) {_SPAN_WORD}|(?:each|every|per|a|an) hour|annually|yearly|"
    r"daily|weekly|monthly)(?![\w-])",
    re.I,
)


def _period_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in PERIOD_RE.finditer(text)]
    # "Baltimore ended 2025 with 133 homicides": the year a verb of ending or starting names.
    spans += [(m.start(1), m.end(1)) for m in _YEAR_ENDED.finditer(text)
              if not any(s <= m.start(1) < e for s, e in spans)]  # fmt: skip
    # "2016 finished with 947 vehicle fatalities": the year as the subject of such a verb.
    spans += [(m.start(1), m.end(1)) for m in _YEAR_ENDED_AS_SUBJECT.finditer(text)
              if not any(s <= m.start(1) < e for s, e in spans)]  # fmt: skip
    return sorted(spans)


_YEAR_ENDED_AS_SUBJECT = re.compile(
    r"\b((?:19|20)\d{2})\s+(?:ended|finished|closed|wrapped up|saw|brought|had)\b"
)
_YEAR_ENDED = re.compile(
    r"\b(?:ended|ends|ending|closed out|closes out|finished|finishes|wrapped up|began|begins|"
    r"started|starts|entered|enters|opened)\s+((?:19|20)\d{2})\b(?!\s*[-–]|\s+\w+\s+(?:season|"
    r"year|budget))"
)


_SUPERLATIVE = re.compile(
    r"\b(?:highest|lowest|most|fewest|best|worst|record|largest|smallest|biggest|"
    r"deadliest|busiest|wettest|driest|hottest|coldest|first time)\b[^,.;]{0,40}$",
    re.I,
)


_COMPARISON = re.compile(
    r"\b(?:same (?:time|period|point|stretch|months?|weeks?|weekend|quarter|day)|a year (?:ago|earlier)|"
    r"(?:year|month|week) (?:before|prior|earlier)|previous (?:year|month|week)|compared (?:with|to))\b",
    re.I,
)


@dataclass
class ClaimAt:
    """A claim of the sentence as the period rules see it: its characters and anchor token."""

    start: int
    end: int
    anchor: Token
    is_change: bool = False


def period_for(
    doc: Doc, sent_text: str, claim: ClaimAt, periods: list[tuple[int, int]],
    others: list[ClaimAt], is_change: bool, unit: str,
) -> str | None:  # fmt: skip
    """The complete time phrase of the claim, as written (see `_governing_period` and
    `complete_phrase`); the checker resolves it as it stands."""
    phrase = _governing_period(doc, sent_text, claim, periods, others, is_change, unit)
    if phrase is None:
        return _when_year(sent_text, claim.start)
    return complete_phrase(sent_text, phrase, claim.end)


_WHEN_YEAR = re.compile(r"\b((?:19|20)\d{2}),?\s+when\b[^\d]{0,40}$", re.I)
_SAME_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:same|this|that)\s+(?:time|point|period|date|stretch)\s+(?:of\s+)?$"
)
_SAME_IN = re.compile(r"\b(?:same|this|that) (?:time|point|period|date|stretch)")
_POSSESSED = re.compile(r"['’]s\s+(?!(?:\$|\d))[a-z][a-z-]+")
_YEAR_AFTER = re.compile(r"(?:,?\s+(?:of|in)\s+|,\s+)((?:19|20)\d{2})\b")


def _when_year(sent_text: str, start: int) -> str | None:
    """The year a "..., when it hit 6.8 percent" clause before the claim points back to."""
    m = _WHEN_YEAR.search(sent_text[:start])
    return m.group(1) if m else None


def complete_phrase(sent_text: str, phrase: str, after: int) -> str:
    """The time phrase with the words the sentence writes around it that belong to it: "at this
    point" before "in 2025" (the same dates in 2025), a year right after "the first seven
    months" (", 2025", " of 2025"). Taken as written, from the occurrence after the claim
    (`after`) when there is one."""
    at = sent_text.find(phrase, after)
    if at < 0:
        at = sent_text.find(phrase)
    if at < 0:
        return phrase
    before = _SAME_BEFORE.search(sent_text[:at])
    if before and not _SAME_IN.search(phrase):
        return sent_text[before.start() : at + len(phrase)]
    owned = _POSSESSED.match(sent_text[at + len(phrase) :])
    if owned:
        return sent_text[at : at + len(phrase) + owned.end()]  # "from last year's campaign"
    if re.search(r"(?:19|20)\d{2}", phrase):
        return phrase
    m = _YEAR_AFTER.match(sent_text[at + len(phrase) :])
    return sent_text[at : at + len(phrase) + m.end()] if m else phrase


def _governing_period(
    doc: Doc, sent_text: str, claim: ClaimAt, periods: list[tuple[int, int]],
    others: list[ClaimAt], is_change: bool, unit: str,
) -> str | None:  # fmt: skip
    """The time phrase that governs the claim: one attached to the claim's own clause or to a
    clause above it (a phrase on the main verb covers every number under it: "In 2019, 31 of
    the 88 rifles ... 104 ... 17"), never one on another claim's words or in a sibling clause.
    The closest clause wins, then a phrase that is not a comparison base for a level, then the
    nearest. A comparison's base ("up from 24 the year before") takes the phrase right after it.
    Money and changes take "a year" as their period ("$75,000 a year", "7,000 fewer crimes each
    year"); a count's "a week" is a rate (its unit says so), not a period."""
    chain = _ancestors(claim.anchor)
    base = _is_base(sent_text, claim)
    found = _best_period(doc, sent_text, claim, periods, others, is_change, chain, base)
    if found is None and (unit == "usd" or is_change):
        # "$75,000 a year", "7,000 fewer crimes each year"; but "In 2007, customers paid 694
        # dollars a year" is 2007's: a calendar phrase wins over how often
        rates = [
            (m.start(), m.end()) for m in RATE_RE.finditer(sent_text) if "hour" not in m.group(0)
        ]
        found = _best_period(doc, sent_text, claim, rates, others, is_change, chain, base)
    if found is None and is_change:
        found = _compared_with(sent_text, claim, periods, others)
    return found


def _compared_with(
    sent_text: str, claim: ClaimAt, periods: list[tuple[int, int]], others: list[ClaimAt]
) -> str | None:
    """A change with no phrase of its own is dated by what it is compared with: "6.2 percent
    lower than what it was in May of 2019", "1.4 percent less than the 73 who died by
    Nov. 30 in 2022"."""
    for s, e in periods:
        if s < claim.end:
            continue
        between = sent_text[claim.end : s]
        if not re.search(r"\b(?:than|compared (?:with|to)|from)\b", between) or re.search(
            r"[;.]", between
        ):
            return None
        if any(claim.end <= o.start and o.end <= s and not _is_base(sent_text, o) for o in others):
            return None  # another claim of its own in between
        return sent_text[s:e]
    return None


def _best_period(
    doc: Doc, sent_text: str, claim: ClaimAt, spans: list[tuple[int, int]],
    others: list[ClaimAt], is_change: bool, chain: list[Token], base: bool,
) -> str | None:  # fmt: skip
    """The phrase of `spans` that governs the claim, by clause, then kind, then distance."""
    best: tuple[tuple, tuple[int, int]] | None = None
    for s, e in spans:
        if s <= claim.start and claim.end <= e:
            continue
        if _SUPERLATIVE.search(sent_text[max(0, s - 60) : s]):
            continue  # "the highest level since 2017" dates the record, not the claim
        if s >= claim.end and _base_between(sent_text, claim, s, others):
            continue  # "89 percent, down from 94 percent in 2019": 2019 is the 94's
        if base and s >= claim.end and re.fullmatch(r"[\s,]*", sent_text[claim.end : s]):
            return sent_text[s:e]  # "up from 24 the year before"
        if e <= claim.start and _compares_other(sent_text, s, others):
            continue  # "9 bushels more than in 2024, on 12.6 million acres": 2024 is the 9's base
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        rank = _clause_rank(span, chain, others)
        if rank is None or _dates_the_saying(span, chain):
            continue
        comparison = bool(_COMPARISON.search(sent_text[s:e]))
        distance = s - claim.end if s >= claim.end else claim.start - e
        # "from 88,310 people in April 2010 to 95,204 people in July of 2023": a phrase
        # right after another claim's words is that claim's, the next one this claim's
        owned = e <= claim.start and any(
            o.end <= s and _RIGHT_AFTER.fullmatch(sent_text[o.end : s]) for o in others
        )
        if owned and re.search(
            r"\bto\s+(?:about\s+|nearly\s+|roughly\s+)?\$?$", sent_text[: claim.start]
        ):
            continue  # "from 48 in 2014 to 90": 2014 is the 48's, not the 90's
        key = (rank, comparison and not is_change and not base, owned, abs(distance))
        if best is None or key < best[0]:
            best = (key, (s, e))
    if best is None:
        return None
    return sent_text[best[1][0] : best[1][1]]


_RIGHT_AFTER = re.compile(r"\s*(?:[\w’'-]+\s+){0,2}")
_THAN_AFTER = re.compile(r"[\s,]*(?:[\w’'-]+\s+){0,2}?(?:than|compared (?:with|to))\s+", re.I)


def _compares_other(sent_text: str, phrase_start: int, others: list[ClaimAt]) -> bool:
    """The phrase is what another claim's change is measured against ("9 bushels more than in
    2024"): it dates that comparison, not the numbers after it."""
    return any(
        o.is_change
        and o.end <= phrase_start
        and _THAN_AFTER.fullmatch(sent_text[o.end : phrase_start])
        for o in others
    )


_BASE_BEFORE = re.compile(
    r"\b(?:from|than|compared (?:with|to)|versus|vs\.?|against)\s+(?:(?:about|nearly|almost|"
    r"roughly|around|just|only|some|more than|over|under|an estimated)\s+)*\$?$",
    re.I,
)


def _is_base(sent_text: str, claim: ClaimAt) -> bool:
    """A number a change is measured from ("up from 24", "more than 300 than the 250")."""
    return bool(_BASE_BEFORE.search(sent_text[max(0, claim.start - 40) : claim.start]))


def _base_between(sent_text: str, claim: ClaimAt, phrase_start: int, others: list[ClaimAt]) -> bool:
    """Another claim between this one and a phrase after it is a base or a change of its own,
    so the phrase dates that claim ("20,500 students, down 8 percent since 2019")."""
    for o in others:
        between = claim.end <= o.start and o.end <= phrase_start
        if between and (_is_base(sent_text, o) or o.is_change):
            return True
    return False


_DAY_OF_SAYING = re.compile(
    rf"(?:on |early |late |last )?{_WEEKDAY}(?: {_PART_OF_DAY})?|today|yesterday|"
    rf"this (?:morning|afternoon|evening)|on {_MONTH_RE} {_DAY_WORD}",
    re.I,
)


def _dates_the_saying(span: Span, chain: list[Token]) -> bool:
    """ "the chief said Monday", "told reporters on Tuesday": the day of the statement, not the
    period of what was said ("as of March 3" on a reporting verb still dates the claim)."""
    if not _DAY_OF_SAYING.fullmatch(span.text) or span.start_char < 3:
        return False  # "On Wednesday, troopers responded to 43 incidents, Ward said": the claim's
    root = span.root
    host = root.head if root.head != root else root
    if host.pos_ == "ADP" and host.head != host:
        host = host.head
    # Verbs of speaking only: "reported 54 new cases on Tuesday" dates the count itself; but
    # "..., to 318, the office reported Wednesday" reports a clause, and dates the report.
    if host.pos_ != "VERB":
        return False
    lemma = host.lemma_.lower()
    own_verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    reports = lemma in _REPORTING and own_verb is not None and own_verb != host
    return lemma in _SPEAKING or reports


_REPORTING = {"report", "announce"}


_SPEAKING = {"say", "tell", "add", "explain", "note", "insist", "stress", "warn", "write", "speak"}


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head != out[-1] and len(out) < 40:
        out.append(out[-1].head)
    return out


def _clause_rank(span: Span, chain: list[Token], others: list[ClaimAt]) -> int | None:
    """How far up the claim's chain of heads the phrase attaches (0 = on the claim itself), or
    None when the phrase belongs to another claim or to a clause the claim is not in."""
    root = span.root
    host = root.head if root.head != root else root
    if host.pos_ == "ADP" and host.head in chain and host.head != host:
        host = host.head  # "a 12 percent jump from just the previous year": on the claim's noun
    if host in chain:
        return chain.index(host)
    for other in others:
        if other.anchor not in chain and host in other.anchor.subtree:
            return None  # "up from 38 at the same time last year": the 38's base
    # Attached lower in a clause of the claim (to a noun, a preposition): the clause verb of
    # the host must be on the claim's chain.
    t = host
    for _ in range(12):
        if t in chain:
            return chain.index(t) + 1
        # "compared with", a participle or a relative clause on a noun of the chain ("the 122
        # who died ... by Dec. 13") do not open a clause of their own.
        transparent = t.lemma_.lower() in ("compare", "compared") or t.dep_ in ("amod", "acl")
        transparent = transparent or (t.dep_ == "relcl" and t.head in chain)
        if t.pos_ in ("VERB", "AUX") and not transparent and t.dep_ != "xcomp":
            return None  # the phrase's own clause, not the claim's
        if t.head == t:
            return None
        t = t.head
    return None


_BASE_GAP = re.compile(r"[,;:]|\d|\band\b|\bbut\b")
_BASE_WORD_BEFORE = re.compile(
    r"\b(?:from|than|compared (?:to|with)|versus|vs\.?|over)\s+(?:(?:at|in|during)\s+)?$", re.I
)


def change_base(sent_text: str, start: int, end: int, period: str | None) -> str | None:
    """The time phrase a change is measured against, as written with its preposition: a relative
    base or a year right after the claim in its clause ("300 more than last year", "up 5% from
    the same time last year") or opening the sentence ("Compared with last year, ..."); else the
    claim's own period when it follows the claim as the base ("down 23 from the first nine
    months of 2025")."""
    for m in COMPARE_PHRASE.finditer(sent_text):
        if m.start() >= start:
            gap = sent_text[end : m.start()] if m.start() > end else ""
            if len(gap) <= 60 and not _BASE_GAP.search(gap):
                return m.group(0)
        elif m.start() <= 3:
            return m.group(0)
    if period is None:
        return None  # a phrase from elsewhere (a "when" clause) is not the claim's own
    at = sent_text.lower().find(period.lower(), end)
    if at < 0:
        return None
    gap = sent_text[end:at]
    if len(gap) > 60 or _BASE_GAP.search(gap):
        return None
    word = _BASE_WORD_BEFORE.search(gap)
    return sent_text[end + word.start() : at + len(period)] if word else None
