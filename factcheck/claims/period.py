"""The time phrase a claim refers to, as written (`Claim.period`).

A time phrase governs the numbers of its clause; a phrase that opens the sentence ("In 2019, ...")
governs the whole sentence; a phrase in another clause is not taken; the date of a record ("the
highest since 2017") is not the claim's period; "a week" after a count is a rate, not a period.
"""

from __future__ import annotations

import re

from factcheck.claims.vocab import _DAY_WORD, _MONTH_RE, _NUM_WORD, _SPAN_WORD, _WEEKDAY, _YEAR

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
