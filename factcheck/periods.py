"""Time phrases -> the period a claim is about, relative to the story's published date.

Several of DESIGN.md's rules depend on what is on record ("the latest year-to-date row", "the latest
full year on record"), so a `Period` is either fixed (dates known from the phrase alone) or a rule
that the store resolves against the figures in SQL (`kind` ytd / latest / latest_year /
latest_month). The compare side of a change is described the same way.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

# kinds of target
FIXED = "fixed"  # start/end known
YTD = "ytd"  # latest year-to-date row of the year up to the published date, else the year row
LATEST = "latest"  # latest period on record up to the published date
LATEST_YEAR = "latest_year"  # latest full year on record
LATEST_MONTH = "latest_month"  # latest month on record
UNRESOLVED = "unresolved"  # unverifiable: `reason` says why
TARGET_KINDS = (FIXED, YTD, LATEST, LATEST_YEAR, LATEST_MONTH)

# kinds of comparison (for changes)
C_FIXED = "fixed"  # compare_start/compare_end known
C_YEARS_BEFORE = "years_before"  # the same dates `compare_years` years before the target
C_PREVIOUS = (
    "previous"  # "the one before it": previous year, month or quarter by the target's grain
)

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH_RE = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_DAY_WORD = (
    r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
_MONTH_COUNT = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11,
}  # fmt: skip
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "a": 1, "several": None,
}  # fmt: skip


@dataclass(frozen=True)
class Period:
    """The period a claim is about and, for a change, the period it is compared with."""

    kind: str
    start: date | None = None
    end: date | None = None
    compare: str | None = None  # C_FIXED, C_YEARS_BEFORE, C_PREVIOUS or None (a level)
    compare_start: date | None = None
    compare_end: date | None = None
    compare_years: int = 1
    shift_years: int = 0  # applied to a record-resolved target ("a year ago" of the latest)
    shift_months: int = 0  # likewise by months ("the month before")
    year_start: date | None = None  # YTD: January 1 of the year meant
    relative: bool = False  # "a year ago" / "the year before": relative to a contrasted claim
    cumulative: bool = False  # "since 2018", "over the past five years": a span, not a period
    # A second comparison period, used only when the record has no row for the first one.
    fallback_start: date | None = None
    fallback_end: date | None = None
    reason: str | None = None  # why it cannot be resolved (kind UNRESOLVED)
    phrase: str | None = None
    # "that year", "that day": the period of the claim before, taken whole (with `relative`)
    anaphoric: bool = False


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def shift_years(day: date, years: int) -> date:
    """The same calendar date `years` earlier (Feb 29 -> Feb 28)."""
    year = day.year - years
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


def _day_number(text: str) -> int | None:
    text = text.strip().lower().replace("-", " ")
    if m := re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", text):
        return int(m.group(1))
    parts = text.split()
    total = 0
    for part in parts:
        if part == "twenty":
            total += 20
        elif part == "thirty":
            total += 30
        elif part in _ORDINALS:
            total += _ORDINALS[part]
        else:
            return None
    return total or None


_DATE_PATTERNS = [
    # "August second", "Aug. 2", "August 2nd", "August 2, 2022"
    # "Dec. 13 in 2017", "Dec. 13 of last year" is handled by the caller's shift
    re.compile(
        _MONTH_RE
        + r"\s+(\d{1,2}(?:st|nd|rd|th)?|"
        + _DAY_WORD
        + r")(?:,?\s+(?:in\s+|of\s+)?(\d{4}))?\b"
    ),
    # "the second of August"
    re.compile(r"(?:the\s+)?(" + _DAY_WORD + r"|\d{1,2}(?:st|nd|rd|th)?)\s+of\s+" + _MONTH_RE),
    # "8/2", "8/2/2022"
    re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b"),
]


def _find_date(text: str, published: date) -> date | None:
    """A calendar date named in the phrase, in the published year unless that is later."""
    for i, pattern in enumerate(_DATE_PATTERNS):
        m = pattern.search(text)
        if not m:
            continue
        year = None
        if i == 0:
            month, day, year = MONTHS.get(m.group(1)), _day_number(m.group(2)), m.group(3)
        elif i == 1:
            day, month = _day_number(m.group(1)), MONTHS.get(m.group(2))
        else:
            month, day, year = int(m.group(1)), int(m.group(2)), m.group(3)
            if year and len(year) == 2:
                year = "20" + year
        if not month or not day or not 1 <= month <= 12:
            continue
        y = int(year) if year else published.year
        try:
            found = date(y, month, day)
        except ValueError:
            continue
        if not year and found > published:
            # "as of December 31" in a January story means last December.
            found = date(y - 1, month, min(day, calendar.monthrange(y - 1, month)[1]))
        return found
    return None


def _future(period: Period, published: date) -> Period:
    if period.kind == FIXED and period.start is not None and period.start > published:
        assert period.end is not None  # a FIXED period has both ends
        return Period(
            UNRESOLVED,
            start=period.start,
            end=period.end,
            reason=(
                f"the period ({period.start.isoformat()} to {period.end.isoformat()}) is after "
                f"the story's date ({published.isoformat()})"
            ),
            phrase=period.phrase,
        )
    return period


def _with_change(period: Period, change: str) -> Period:
    """Add DESIGN.md's default comparison for a change: the one before, or a year before."""
    if change == "level" or period.kind == UNRESOLVED or period.compare:
        return period
    if period.kind == YTD:
        return replace(period, compare=C_YEARS_BEFORE, compare_years=1)
    if period.kind == FIXED and period.start is not None:
        start, end = period.start, period.end
        assert end is not None  # a FIXED period has both ends
        is_month = start.day == 1 and end == month_span(start.year, start.month)[1]
        to_date = re.search(
            r"\b(?:through|thru|as of|by|until|to date|first|since|so far)\b",
            (period.phrase or "").lower(),
        )
        if is_month and not to_date:
            # "in January": a month, against the month before (DESIGN.md), not a year to date
            prev = start - timedelta(days=1)
            cs, ce = month_span(prev.year, prev.month)
            return replace(period, compare=C_FIXED, compare_start=cs, compare_end=ce)
        if start.month == 1 and start.day == 1 and end.year == start.year:
            # a year, or a year to a date: the same dates a year before
            return replace(
                period,
                compare=C_FIXED,
                compare_start=shift_years(start, 1),
                compare_end=shift_years(end, 1),
            )
        if start.day == 1 and end == month_span(start.year, start.month)[1]:
            prev = start - timedelta(days=1)
            cs, ce = month_span(prev.year, prev.month)
            return replace(period, compare=C_FIXED, compare_start=cs, compare_end=ce)
        length = (end - start).days + 1
        ce = start - timedelta(days=1)
        return replace(
            period, compare=C_FIXED, compare_start=ce - timedelta(days=length - 1), compare_end=ce
        )
    return replace(period, compare=C_PREVIOUS)


def _ytd(published: date, year: int | None = None, phrase: str | None = None) -> Period:
    year = year or published.year
    return Period(YTD, year_start=date(year, 1, 1), phrase=phrase)


def _fixed(start: date, end: date, phrase: str | None) -> Period:
    return Period(FIXED, start=start, end=end, phrase=phrase)


_YEAR = r"((?:19|20)\d{2})"
_YEARS_AGO = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+(ago|before|earlier)\b"
)
_MONTHS_AGO = re.compile(
    r"\b(?:(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+months?\s+"
    r"(?:ago|before|earlier)|the (?:month|one) before|(?:the )?(?:previous|prior|preceding) month)\b"
)
_SINCE = re.compile(
    r"\b(?:since|compared (?:to|with)|from|than(?: in)?|over|versus|vs\.?)\s+" + _YEAR
)
_BETWEEN = re.compile(r"\b(?:between|from)\s+" + _YEAR + r"\s+(?:and|to|through|until)\s+" + _YEAR)
_PAST_N = re.compile(
    r"\b(?:past|last|previous)\s+(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years\b"
)
_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b")
_QUARTERS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
_SAME_TIME = re.compile(
    r"\b(?:same (?:time|period|point|date)|(?:this|that) (?:time|point)|same stretch)\s+"
    r"(?:of\s+|in\s+)?"
    r"(last year|(?:19|20)\d{2})"
)


def _same_time_years(m: re.Match, published: date) -> int:
    """How many years back "the same time last year" / "the same point in 2025" is (0: none)."""
    if m.group(1) == "last year":
        return 1
    return max(published.year - int(m.group(1)), 0)


_LATEST_WORDS = re.compile(
    r"^(?:now|today|currently|right now|so far|to date|at present|at the moment|recently|lately"
    r"|these days|this point|latest|most recent(?:ly)?|the latest)$"
)


def _normalise(phrase: str) -> str:
    text = phrase.lower().strip()
    # "this year's budget", "from last year's campaign": the period is the possessor's
    text = re.sub(
        r"\b(year|month|week|quarter|season|(?:19|20)\d{2})['’]s\s+[a-z][a-z-]*$", r"\1", text
    )
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"']", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,.;:")


# The relative bases of a change ("than last year", "from 2018", "since the same time last
# year"): the extractor finds them in the sentence (claims/period.py `change_base`), the checker
# reads what they name (`relative_base`).
COMPARE_PHRASE = re.compile(
    r"\b(?:than|from|over|compared (?:to|with)|versus|vs\.?|since)\s+(?:in\s+|during\s+)?"
    r"(last year|the (?:year|one) before(?: that)?|a year (?:ago|earlier|before)"
    r"|(?:the )?(?:previous|prior|preceding) year"
    r"|(?:the )?same (?:time|period|point|date|stretch) (?:of |in )?last year"
    r"|this time last year|(?:19|20)\d{2}"
    r"|the (?:month|one) before|(?:the )?(?:previous|prior|preceding) month|a month (?:ago|earlier))\b",
    re.IGNORECASE,
)


def relative_base(base: str | None) -> str | None:
    """The time phrase of a change's base when it is a relative one or a bare year ("than last
    year" -> "last year", "from 2018" -> "2018"); None for a named period ("from the first half
    of 2025"), which is the base as it stands."""
    m = COMPARE_PHRASE.fullmatch(base.strip()) if base else None
    return m.group(1) if m else None


@lru_cache(maxsize=4096)
def resolve_period(
    phrase: str | None,
    published: date,
    *,
    change: str = "level",
    compare_phrase: str | None = None,
) -> Period:
    """The period `phrase` names in a story published on `published`.

    `change` is the claim's change (level, difference, percent_change): a change also gets the
    period it is compared with. `compare_phrase` is a time phrase the sentence gives as the base
    of the change ("than last year", "from 2018", "the same time last year"), when there is one.
    """
    if phrase:
        phrase = _unclip_years(phrase, published)
    between = _between_points(phrase, published, change) if phrase else None
    if between is not None:
        return _future(between, published)
    period = _target(phrase, published)
    if change != "level" and period.relative and period.shift_months:
        # "up 0.3 points from the month before": the latest month against the one before it.
        period = Period(LATEST, compare=C_PREVIOUS, phrase=phrase)
    if change != "level" and period.relative and period.compare == C_YEARS_BEFORE:
        # "up 10 percent from the same time last year": the change is about now; the shift
        # back is the comparison's, not the claim's.
        period = replace(period, shift_years=0, relative=False)
    if period.cumulative and change == "level":
        # "5,000 guns since 2018" is a total over several years: not summed, never guessed.
        return Period(
            UNRESOLVED,
            reason=f"'{phrase}' makes the claim a total over several years, which the record "
            "does not hold as one figure",
            phrase=phrase,
        )
    if period.kind != UNRESOLVED and change != "level" and compare_phrase:
        period = _apply_compare(period, compare_phrase, published)
    period = _with_change(period, change)
    return _future(period, published)


def _apply_compare(period: Period, compare_phrase: str, published: date) -> Period:
    text = _normalise(compare_phrase)
    if _MONTHS_AGO.search(text) and not re.search(r"\byears?\b", text):
        # "up 38 percent from the month before": against the period before, by its grain.
        return replace(period, compare=C_PREVIOUS)
    same = _SAME_TIME.search(text)
    if same and _same_time_years(same, published):
        return replace(
            period, compare=C_YEARS_BEFORE, compare_years=_same_time_years(same, published)
        )
    if re.search(r"\b(?:a|one) year (?:ago|earlier|before)\b", text):
        return replace(period, compare=C_YEARS_BEFORE, compare_years=1)
    if re.search(r"\blast year\b", text) and not re.search(r"\bthis time\b", text):
        cs, ce = year_span(published.year - 1)
        if period.kind == YTD:
            # This year so far against "last year": like with like, the same dates a year
            # before, when the record has them; else the whole of last year.
            return replace(
                period,
                compare=C_YEARS_BEFORE,
                compare_years=1,
                fallback_start=cs,
                fallback_end=ce,
            )
        return replace(period, compare=C_FIXED, compare_start=cs, compare_end=ce)
    m = re.search(_YEAR, text)
    if m:
        if period.kind == YTD and int(m.group(1)) == published.year - 1:
            return _apply_compare(period, "last year", published)
        cs, ce = year_span(int(m.group(1)))
        return replace(period, compare=C_FIXED, compare_start=cs, compare_end=ce)
    return period


_SCHOOL_YEAR = re.compile(r"\b((?:19|20)\d{2})\s*[-–/]\s*(\d{2}|(?:19|20)\d{2})\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_STARTING = re.compile(r"^(?:starting|beginning|effective)\s+(?:in|with|on)?\s*(?=the\s)")
_WEEK_ENDING = re.compile(r"\bweek (?:ending|ended)\s+(.+)$")
_THAT = re.compile(r"^(?:in |on |during )?that (year|month|week|weekend|day|night|season|quarter)$")
_WEEKDAY_PHRASE = re.compile(
    r"^(?:on |early |late |last |by |in |during )?(?:early |late )?("
    + "|".join(_WEEKDAYS)
    + r")(?:s)?"
    r"(?: (?:morning|afternoon|evening|night|overnight))?"
    r"(?: (?:and|through|to|until) (" + "|".join(_WEEKDAYS) + r"))?"
    r"(?: (?:\w+ )?(?:primary|election|runoff|vote))?$"  # "in Tuesday's primary": that day
)
# "In '17", "since ’23": a year written with two digits.
_CLIPPED_YEAR = re.compile(r"(?<![\w'’])['’](\d{2})(?![\w'’])")
# "between 6 p.m. Friday and midnight Monday", "between July 2022 and July 2023"
_BETWEEN_POINTS = re.compile(r"^(?:between|from) (.+?) (?:and|to|through|until) (.+)$")
_CLOCK_WORDS = re.compile(
    r"^(?:(?:about |around )?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|midnight|noon)\s+"
)


def _unclip_years(phrase: str, published: date) -> str:
    """ "in '17" -> "in 2017": the latest such year not after the story's."""

    def year(m: re.Match) -> str:
        y = 2000 + int(m.group(1))
        return str(y if y <= published.year else y - 100)

    return _CLIPPED_YEAR.sub(year, phrase)


def _between_points(phrase: str, published: date, change: str) -> Period | None:
    """A stretch between two dates or days: as a level, the whole stretch; as a change, the end
    against the start ("grew by 6,214 between July 2022 and July 2023")."""
    m = _BETWEEN_POINTS.match(_normalise(phrase))
    if not m or re.fullmatch(r"(?:19|20)\d{2}", m.group(1)):
        return None  # two years: _BETWEEN's
    ends = [_target(_CLOCK_WORDS.sub("", g), published) for g in m.groups()]
    first, last = ends
    if first.kind != FIXED or last.kind != FIXED:
        return None
    a0, a1, b0, b1 = first.start, first.end, last.start, last.end
    if a0 is None or a1 is None or b0 is None or b1 is None or a0 > b0:
        return None
    if change == "level":
        return _fixed(a0, b1, phrase)
    return Period(FIXED, start=b0, end=b1, compare=C_FIXED, compare_start=a0, compare_end=a1,
                  phrase=phrase)  # fmt: skip


def _last_weekday(name: str, published: date) -> date:
    """The most recent `name`day on or before the story's date ("on Tuesday" in news copy)."""
    back = (published.weekday() - _WEEKDAYS.index(name)) % 7
    return published - timedelta(days=back)


def _target(phrase: str | None, published: date) -> Period:
    if phrase is None or not phrase.strip():
        return Period(LATEST)
    text = _STARTING.sub("", _normalise(phrase))  # "starting in the 2025-26 school year"
    raw = phrase

    m = _THAT.match(text)
    if m:
        # "1,046 firearms that year": the period of the claim before it, once it is known.
        return Period(UNRESOLVED, relative=True, anaphoric=True, phrase=raw,
                      reason=f"'{raw}' refers to a period named earlier, which no claim before it gives")  # fmt: skip

    m = _WEEK_ENDING.search(text)
    if m:
        rest = m.group(1).strip()
        end = _find_date(rest, published)
        if end is None and rest in _WEEKDAYS:
            end = _last_weekday(rest, published)
        if end is not None:
            return _fixed(end - timedelta(days=6), end, raw)  # the seven days ending then

    m = _WEEKDAY_PHRASE.match(text)
    if m:
        first = _last_weekday(m.group(1), published)
        last = _last_weekday(m.group(2), published) if m.group(2) else first
        if last < first:
            first -= timedelta(days=7)  # "Monday and Tuesday" in a Tuesday story: this week's
        return _fixed(first, last, raw)

    sy = _SCHOOL_YEAR.search(text)
    named = sy is not None and re.search(r"\b(?:school|academic|fiscal|budget) year\b", text)
    # "2023-24" written alone is a school or fiscal year too: two consecutive years
    paired = sy is not None and int(sy.group(2)) % 100 == (int(sy.group(1)) + 1) % 100
    # "the 2024 fiscal year": one year named, but a fiscal or school one all the same
    one_named = re.search(r"\b(?:19|20)\d{2} (?:school|academic|fiscal|budget) year\b", text)
    if named or paired or one_named:
        return Period(UNRESOLVED, reason=f"school and fiscal years ('{raw}') are not resolved "
                      "automatically: set the period by hand", phrase=raw)  # fmt: skip

    if re.search(r"\byear[- ]over[- ]year\b|\bfrom a year (?:earlier|before|ago)\b"
                 r"|\bcompared with a year (?:earlier|before|ago)\b", text):  # fmt: skip
        # a change on the latest period against the same period a year before
        return Period(LATEST, compare=C_YEARS_BEFORE, compare_years=1, phrase=raw)

    same = _SAME_TIME.search(text)
    if same:
        n = _same_time_years(same, published)
        if not n:
            return Period(UNRESOLVED, reason=f"'{raw}' names no earlier year", phrase=raw)
        # "up 10 percent from the same time last year": this year to date against last year's.
        # As a level ("7,020 at the same time last year") it is last year's same dates: the
        # dates of the claim it is contrasted with, else of this year's latest year to date.
        p = _ytd(published, phrase=raw)
        return replace(p, compare=C_YEARS_BEFORE, compare_years=n, shift_years=n, relative=True)

    if re.fullmatch(
        r"(?:over|during|on|across) the weekend|(?:over |during |on )?this (?:past )?weekend", text
    ):
        # "14 shootings over the weekend": the Saturday and Sunday just before the story
        saturday = _last_weekday("saturday", published - timedelta(days=1))
        return _fixed(saturday, saturday + timedelta(days=1), raw)
    if re.fullmatch(r"(?:over|during|for) the month", text):
        # "added 4,600 jobs over the month": the latest month against the one before it
        return Period(LATEST_MONTH, compare=C_PREVIOUS, phrase=raw)
    if re.fullmatch(r"(?:over|during|in|for) the (?:past |last )?year", text):
        # "gained 5,387 people over the year": the latest period against the one before it
        return Period(LATEST, compare=C_PREVIOUS, phrase=raw)

    m = re.search(r"\bsince the (?:" + _YEAR + r" )?(?:decennial |last |u\.?s\.? )?census\b", text)
    if m:
        # "up 16 percent since the 2010 Census": the latest count against Census Day, April 1
        # of the census year (every decennial census since 1930 is taken on April 1)
        year = int(m.group(1)) if m.group(1) else (published.year - 1) // 10 * 10
        day = date(year, 4, 1)
        return Period(LATEST, compare=C_FIXED, compare_start=day, compare_end=day,
                      cumulative=True, phrase=raw)  # fmt: skip

    m = _BETWEEN.search(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        start, end = year_span(b)
        cs, ce = year_span(a)
        return Period(FIXED, start=start, end=end, compare=C_FIXED, compare_start=cs,
                      compare_end=ce, phrase=raw)  # fmt: skip

    m = re.search(r"\bsince\s+" + _YEAR, text) or _SINCE.search(text)
    if m:
        base = int(m.group(1))
        cs, ce = year_span(base)
        if base >= published.year:
            # "since 2023" in a 2023 story: the year so far, against nothing earlier on record.
            return Period(UNRESOLVED, reason=f"'{raw}' leaves no full year after {base} to compare",
                          phrase=raw)  # fmt: skip
        if base == published.year - 1:
            # "down 8 percent from 2025" in a 2026 story: no full year after 2025 can be on
            # record, so it is "from last year": this year so far against last year.
            return _apply_compare(_ytd(published, phrase=raw), "last year", published)
        return Period(
            LATEST_YEAR,
            compare=C_FIXED,
            compare_start=cs,
            compare_end=ce,
            cumulative=bool(re.search(r"\bsince\b", text)),
            phrase=raw,
        )

    m = _PAST_N.search(text)
    if m:
        word = m.group(1)
        past_n = int(word) if word.isdigit() else _NUM_WORDS.get(word)
        if past_n:
            return Period(
                LATEST_YEAR,
                compare=C_YEARS_BEFORE,
                compare_years=past_n,
                cumulative=True,
                phrase=raw,
            )

    if re.search(
        r"\b(?:ended|ending|finished|closed out|wrapped up|ends) (?:the|this|last) year\b", text
    ):
        # "Memphis ended the year with 290 homicides": the calendar year that ended last before
        # the story (a January story means last year); a full year, so a stale year-to-date row
        # never answers it.
        year = published.year if published >= date(published.year, 12, 31) else published.year - 1
        start, end = year_span(year)
        return _fixed(start, end, raw)

    if re.search(r"\b(?:next year|coming year|upcoming year)\b", text):
        start, end = year_span(published.year + 1)
        return _fixed(start, end, raw)

    when = _find_date(text, published)
    if when is not None and re.search(r"\b(as of|through|thru|by|until|to|since january)\b", text):
        # "as of August second": the year to that date.
        return _fixed(date(when.year, 1, 1), when, raw)

    m = _QUARTER.search(text)
    if m:
        q = _QUARTERS[m.group(1)]
        ym = re.search(_YEAR, text)
        year = int(ym.group(1)) if ym else published.year
        if not ym and re.search(r"\blast year\b", text):
            year -= 1
        start = date(year, 3 * q - 2, 1)
        end = month_span(year, 3 * q)[1]
        if not ym and start > published:
            year -= 1
            start, end = date(year, 3 * q - 2, 1), month_span(year, 3 * q)[1]
        return _fixed(start, end, raw)

    m = re.search(
        r"\b(?:through|thru|by the end of|as of the end of|until the end of|as of)\s+(?:the end of\s+)?"
        + _MONTH_RE
        + r"(?:,?\s+"
        + _YEAR
        + r")?\b",
        text,
    )
    if m and when is None:
        # "through June": the year to the end of that month
        month = MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else published.year
        if not m.group(2) and date(year, month, 1) > published:
            year -= 1
        return _fixed(date(year, 1, 1), month_span(year, month)[1], raw)

    m = re.search(
        r"\bfirst (half|six months|(two|three|four|five|six|seven|eight|nine|ten|eleven|\d+) months)"
        r"(?: of(?: the year| this year| last year|\s+" + _YEAR + r"))?",
        text,
    )
    if m:
        months = (
            6
            if m.group(1) in ("half", "six months")
            else (int(m.group(2)) if m.group(2).isdigit() else _MONTH_COUNT.get(m.group(2), 0))
        )
        ym = re.search(_YEAR, text)
        year = int(ym.group(1)) if ym else published.year - (1 if "last year" in text else 0)
        if 1 <= months <= 12:
            return _fixed(date(year, 1, 1), month_span(year, months)[1], raw)

    if when is not None:
        # a single day named without "as of": that day's figure, when the record has one
        return _fixed(when, when, raw)

    m = re.search(
        r"\b(last\s+|this\s+)?" + _MONTH_RE + r"(?:,?\s+(?:of\s+)?" + _YEAR + r")?\b", text
    )
    if m:
        month = MONTHS[m.group(2)]
        if m.group(3):
            year = int(m.group(3))
        elif re.search(r"\b(?:of|in) last year\b|\blast year\b", text):
            year = published.year - 1
        else:
            year = published.year
            this_month = date(published.year, published.month, 1)
            if (m.group(1) or "").strip() == "last":
                # "last March": the most recent March that is over
                if date(year, month, 1) >= this_month:
                    year -= 1
            elif date(year, month, 1) > published:
                year -= 1
        return _fixed(*month_span(year, month), raw)

    if re.search(r"\blast month\b", text):
        prev = published.replace(day=1) - timedelta(days=1)
        return _fixed(*month_span(prev.year, prev.month), raw)
    if re.search(r"\bthis month\b", text):
        return _fixed(*month_span(published.year, published.month), raw)

    m = _MONTHS_AGO.search(text)
    if m:
        word = m.group(1) or "a"
        n = int(word) if word.isdigit() else (_NUM_WORDS.get(word) or 1)
        # Like "the year before": relative to the claim it is contrasted with.
        return Period(LATEST, shift_months=n, relative=True, phrase=raw)

    m = _YEARS_AGO.search(text) or re.search(r"\b(the|a) (year|one) before\b", text)
    if m or re.search(r"\b(?:the )?(?:previous|prior|preceding) year\b", text):
        n = 1
        if m and m.re is _YEARS_AGO:
            word = m.group(1)
            n = int(word) if word.isdigit() else (_NUM_WORDS.get(word) or 1)
        # Relative to the claim it is contrasted with; on its own, to the latest on record.
        return Period(LATEST, shift_years=n, relative=True, phrase=raw)

    if re.search(r"\b(last|past|previous) year\b", text) or text in {"in the last year"}:
        return _fixed(*year_span(published.year - 1), raw)
    if re.search(r"\b(this year|so far this year|year to date|year-to-date|ytd|this calendar year"
                 r"|since january|since the (?:start|beginning) of (?:the|this) year|so far in)\b",
                 text):  # fmt: skip
        return _ytd(published, phrase=raw)
    if re.fullmatch(
        r"(?:as of|through|until) (?:today|now|this (?:week|morning)|yesterday|(?:mon|tues|wednes|"
        r"thurs|fri|satur|sun)day)|so far",
        text,
    ):
        # "As of today, D.C. has had 71 homicides": a tally of the year so far, never last
        # year's total (a stock's latest row still answers as the year's row)
        return _ytd(published, phrase=raw)

    m = re.search(r"\b(?:fiscal(?: year)?|fy)\s*'?(\d{2,4})\b", text)
    if m:
        return Period(UNRESOLVED, reason=f"fiscal years ('{raw}') are not resolved automatically",
                      phrase=raw)  # fmt: skip

    m = re.search(_YEAR, text)
    if m:
        year = int(m.group(1))
        if year == published.year:
            # The year of the story itself: the year so far (or its row for a yearly series).
            return _ytd(published, year, phrase=raw)
        return _fixed(*year_span(year), raw)

    if re.search(r"\b(each|every|per|a|an|one) year\b|\bannual(ly)?\b|\byearly\b|\ba year\b", text):
        return Period(LATEST_YEAR, phrase=raw)
    if re.search(r"\b(each|every|per|a) month\b|\bmonthly\b", text):
        return Period(LATEST_MONTH, phrase=raw)
    if re.search(r"\byesterday\b", text):
        day = published - timedelta(days=1)
        return _fixed(day, day, raw)
    if re.search(r"\btoday\b", text) and when is None:
        return Period(LATEST, phrase=raw)
    if _LATEST_WORDS.match(text):
        return Period(LATEST, phrase=raw)
    return Period(UNRESOLVED, reason=f"the time phrase '{raw}' is not one the checker resolves",
                  phrase=raw)  # fmt: skip


def shift_months(day: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def contrasted(relative: Period, base: Period) -> Period:
    """'a year ago' (or 'the month before') read against the period of the claim it is
    contrasted with; 'that year' is that claim's period itself."""
    if relative.anaphoric:
        return replace(base, phrase=relative.phrase, compare=relative.compare or base.compare)
    if relative.shift_months:
        k = relative.shift_months
        if base.kind == FIXED and base.start is not None:
            assert base.end is not None  # a FIXED period has both ends
            start, end = shift_months(base.start, k), shift_months(base.end, k)
            if base.end == month_span(base.end.year, base.end.month)[1]:
                end = month_span(end.year, end.month)[1]
            return replace(relative, kind=FIXED, start=start, end=end, shift_months=0,
                           relative=False)  # fmt: skip
        if base.kind in (YTD, LATEST, LATEST_YEAR, LATEST_MONTH):
            return replace(relative, kind=base.kind, year_start=base.year_start,
                           shift_years=base.shift_years, shift_months=base.shift_months + k,
                           relative=False)  # fmt: skip
        return relative
    n = relative.shift_years or 1
    if base.kind == FIXED and base.start is not None:
        assert base.end is not None  # a FIXED period has both ends
        return replace(
            relative,
            kind=FIXED,
            start=shift_years(base.start, n),
            end=shift_years(base.end, n),
            shift_years=0,
            relative=False,
        )
    if base.kind in (YTD, LATEST, LATEST_YEAR, LATEST_MONTH):
        return replace(
            relative,
            kind=base.kind,
            year_start=base.year_start,
            shift_years=base.shift_years + n,
            relative=False,
        )
    return relative
