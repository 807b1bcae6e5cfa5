"""The story's own arithmetic: numbers in one story that contradict each other.

A stage after claims. It needs no official figure: it pairs the claims of one story that are about
the same thing (subject, place, period, and the words that tie them: "from 313 to 318", "212 of
907", "a rate of 30.1 per 100,000") and recomputes what the story states from its own levels.

Every value is read at its stated precision (DESIGN.md's verdict rules: "7 percent" is 6.5-7.5,
"1500" is 1450-1550) and the arithmetic is done on those intervals, so a finding means no
rounding of the written numbers can make them agree. Pairing is conservative: when a sentence
holds more numbers than a rule can tell apart, the rule says nothing. Each finding names the
pairing rule that fired.

Kinds: `percent_change`, `difference`, `share`, `parts_total`, `restated`, `rate`, `scale`.
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from factcheck.models import Claim

log = logging.getLogger(__name__)
CUES_PATH = Path(__file__).resolve().parent / "data" / "arithmetic" / "cues.json"
KINDS = ("percent_change", "difference", "share", "parts_total", "restated", "rate", "scale")

_NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?")
# How near two values must be to a factor of 1,000 (or 100 for shares) to read as a unit slip.
_SCALE_FACTORS = (1000.0, 100.0, 1_000_000.0)
_SCALE_SLACK = 0.05
_LEVEL_UNITS_SKIP = {"percent", "percentage_points"}
_WINDOW = 2  # sentences after a change with no level of its own that may hold its two levels


@dataclass
class ClaimRef:
    text: str
    start: int
    end: int


@dataclass
class Finding:
    """Numbers of one story that disagree: what it states, what its own numbers give, and why."""

    kind: str
    claims: list[ClaimRef]
    stated: float
    computed: float
    explanation: str
    rule: str

    def to_dict(self) -> dict:
        """The `consistency` command's line: kind, claims, stated, computed, explanation, rule."""
        out = asdict(self)
        out["stated"] = _round(self.stated)
        out["computed"] = _round(self.computed)
        return out


@dataclass
class Cues:
    """The word lists of data/arithmetic/cues.json (its README says what each one does)."""

    base_words: list[str]
    new_words: list[str]
    old_periods: set[str]
    same_period: dict[str, str]
    period_prefixes: list[str]
    scope_words: list[str]
    generic_subjects: set[str]
    exhaustive_markers: list[str]
    partial_markers: list[str]
    total_after: list[str]
    part_next_ok: set[str]
    rate_bases: dict[str, float]
    stop_words: set[str]
    overlapping_after: set[str]
    narrowing_after: set[str]
    agent_words: set[str]
    population_before: list[str]
    population_after: list[str]


@cache
def cues() -> Cues:
    """The cue words of cues.json, read once per process."""
    raw = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    same = {}
    for group in raw["same_period"]:
        for phrase in group:
            same[phrase] = group[0]
    return Cues(
        base_words=sorted(raw["base_words"], key=len, reverse=True),
        new_words=raw["new_words"],
        old_periods=set(raw["old_periods"]),
        same_period=same,
        period_prefixes=sorted(raw["period_prefixes"], key=len, reverse=True),
        scope_words=raw["scope_words"],
        generic_subjects=set(raw["generic_subjects"]),
        exhaustive_markers=raw["exhaustive_markers"],
        partial_markers=raw["partial_markers"],
        total_after=raw["total_after"],
        part_next_ok=set(raw["part_next_ok"]),
        rate_bases={k.lower(): float(v) for k, v in raw["rate_bases"].items()},
        stop_words=set(raw["stop_words"]),
        overlapping_after=set(raw["overlapping_after"]),
        narrowing_after=set(raw["narrowing_after"]),
        agent_words=set(raw["agent_words"]),
        population_before=raw["population_before"],
        population_after=raw["population_after"],
    )


# --- values at their stated precision --------------------------------------------------------


def _round(value: float) -> float:
    return round(value, 4) if abs(value) < 100 else round(value, 1)


def _zeros_unit(value: float) -> float:
    """The rounding unit of a whole number by its trailing zeros: 1500 -> 100, 144 -> 1."""
    n = round(abs(value))
    if n == 0 or abs(abs(value) - n) > 1e-9:
        return 0.0
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    return float(unit)


def _step(text: str, value: float, which: int) -> float:
    """The rounding unit of the `which`-th number written in `text` whose value is `value`."""
    tokens = _NUMBER_TOKEN.findall(text)
    if not tokens:
        return _zeros_unit(value) or 0.1
    token = tokens[which] if -len(tokens) <= which < len(tokens) else tokens[-1]
    written = float(token.replace(",", ""))
    decimals = len(token.split(".")[1]) if "." in token else 0
    scale = 1.0
    if written and value:
        ratio = abs(value) / written
        if abs(math.log10(ratio) - round(math.log10(ratio))) < 1e-6:
            scale = 10.0 ** round(math.log10(ratio))
    if decimals:
        return (10.0**-decimals) * scale
    return _zeros_unit(written) * scale or scale


def interval(claim: Claim) -> tuple[float, float]:
    """The values the claim's words allow, by DESIGN.md's verdict rules (inf where unbounded)."""
    low, high = sorted((abs(claim.low), abs(claim.high)))
    half_lo = _step(claim.text, low, 0) / 2
    half_hi = _step(claim.text, high, -1) / 2
    if claim.unit in ("percent", "percentage_points"):
        # "100 percent" is not 50-150: a percent's rounding unit is at most ten points.
        half_lo, half_hi = min(half_lo, 5.0), min(half_hi, 5.0)
    q = claim.qualifier
    if low != high or q == "range":
        lo, hi = low - half_lo, high + half_hi
        hedge = (claim.hedge or "").lower()
        if any(w in hedge for w in ("about", "around", "roughly", "approx", "some")):
            lo, hi = min(lo, 0.9 * low), max(hi, 1.1 * high)
        elif any(w in hedge for w in ("more than", "over", "at least")):
            hi = math.inf
        elif any(w in hedge for w in ("less than", "under", "up to", "at most")):
            lo = 0.0
        return lo, hi
    if q == "exact":
        return low - half_lo, low + half_lo
    if q == "approximately":
        return min(0.9 * low, low - half_lo), max(1.1 * low, low + half_lo)
    if q in ("more_than", "at_least"):
        return low, math.inf
    if q in ("less_than", "at_most"):
        return 0.0, low
    if q == "almost":
        return 0.9 * low, low
    return low - half_lo, low + half_lo


def _abs_iv(iv: tuple[float, float]) -> tuple[float, float]:
    lo, hi = iv
    if lo <= 0 <= hi:
        return 0.0, max(-lo, hi)
    return min(abs(lo), abs(hi)), max(abs(lo), abs(hi))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    # A hair of slack so that a computed bound equal to a stated bound is never a finding.
    eps = 1e-9 * max(1.0, abs(a[0]), abs(b[0]))
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def _mid(claim: Claim) -> float:
    return (abs(claim.low) + abs(claim.high)) / 2


def _fmt(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) >= 0.01 else f"{value:.4g}"


def _money(value: float) -> str:
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"${value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"${value:,.0f}"


# --- the story: claims with their sentences --------------------------------------------------


@dataclass
class _Item:
    claim: Claim
    sent: int  # index of its sentence in the story
    sent_start: int


def _items(text: str, claims: list[Claim]) -> list[_Item]:
    """Each claim with the index of its sentence, found from the claim's own sentence text."""
    starts = []
    claims = [_as_read(text, c) for c in claims]
    for c in claims:
        s = text.find(c.sentence, max(0, c.end - len(c.sentence))) if c.sentence else -1
        if s < 0 or s > c.start:
            s = c.start
        starts.append(s)
    order = {s: i for i, s in enumerate(sorted(set(starts)))}
    items = [_Item(c, order[s], s) for c, s in zip(claims, starts, strict=True)]
    return sorted(items, key=lambda it: it.claim.start)


def _as_read(text: str, c: Claim) -> Claim:
    """The claim as this stage reads it: 'adding up to 24.1 percent' states a value, not a
    ceiling or a rise."""
    if c.text.lower().startswith("up to ") and _adding_up(text, c):
        return replace(c, qualifier="exact", change="level", direction=None, hedge=None)
    return c


def _said(c: Claim) -> str:
    """The claim's words for an explanation: 'adding up to 24.1 percent' said 24.1 percent."""
    if c.text.lower().startswith("up to ") and c.qualifier == "exact":
        return c.text[6:]
    return c.text


def _is_level(c: Claim) -> bool:
    return c.change == "level" and c.unit not in _LEVEL_UNITS_SKIP


def _is_percent(c: Claim) -> bool:
    return c.unit == "percent"


def _subject(c: Claim) -> str | None:
    s = (c.subject or "").lower().strip()
    return None if not s or s in cues().generic_subjects else s


def _same_subject(a: Claim, b: Claim, *, loose: bool) -> bool:
    """Both name the same subject; `loose` lets a missing subject pass."""
    sa, sb = _subject(a), _subject(b)
    if sa is None or sb is None:
        return loose
    return sa == sb


def _norm_period(period: str | None) -> str | None:
    if not period:
        return None
    p = " ".join(period.lower().replace("’", "'").split()).strip(" ,.")
    p = cues().same_period.get(p, p)
    for prefix in cues().period_prefixes:
        if p.startswith(prefix + " "):
            p = p[len(prefix) + 1 :]
            break
    return cues().same_period.get(p, p)


def _is_old_period(period: str | None) -> bool:
    p = " ".join((period or "").lower().split())
    return p in cues().old_periods or any(
        p.endswith(" " + o) or p.startswith(o + " ") for o in cues().old_periods
    )


def _between(text: str, a: Claim, b: Claim) -> str:
    return text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]


def _before(text: str, item: _Item, chars: int = 40) -> str:
    """The words of the claim's sentence just before it (at most `chars`)."""
    lo = max(item.sent_start, item.claim.start - chars)
    return text[lo : item.claim.start].lower()


_POSSESSIVE_PERIOD = re.compile(
    r"\s*(?:(?:last|this|next|that|the previous|the prior|the same)\s+)?"
    r"(?:year|month|week|quarter|fall|spring|summer|winter|season|(?:19|20)\d\d)['’]s$"
)
_FILLER = re.compile(r"\s*\b(?:the|a|an|its|their|his|her|about|roughly|nearly|some|just|only|\$)$")


def _ends_with_any(snippet: str, words: list[str]) -> str | None:
    """The cue word the snippet ends with, past fillers ('than *the*', "from *last year's*")."""
    s = re.sub(r"[\s,]+", " ", snippet.lower()).rstrip()
    for _ in range(3):
        s = _FILLER.sub("", _POSSESSIVE_PERIOD.sub("", s)).rstrip()
    for w in words:
        if re.search(rf"(?:^|[\s(]){re.escape(w)}$", s):
            return w
    return None


def _words_after(text: str, c: Claim, n: int = 3) -> list[str]:
    return re.findall(r"[a-z][a-z'’-]*", text[c.end : c.end + 60].lower())[:n]


# --- rule 1 and 2: a change against the two levels it relates --------------------------------


def _order(text: str, a: _Item, b: _Item) -> tuple[_Item, _Item, str] | None:
    """(old, new, how) of two levels, from the words before them or their periods."""
    base_a = _ends_with_any(_before(text, a), cues().base_words)
    base_b = _ends_with_any(_before(text, b), cues().base_words)
    if base_a and not base_b:
        return a, b, f"'{base_a}' marks the base"
    if base_b and not base_a:
        return b, a, f"'{base_b}' marks the base"
    old_a, old_b = _is_old_period(a.claim.period), _is_old_period(b.claim.period)
    if old_a and not old_b:
        return a, b, "the earlier period marks the base"
    if old_b and not old_a:
        return b, a, "the earlier period marks the base"
    ya, yb = _year(a.claim.period), _year(b.claim.period)
    if ya and yb and ya != yb:
        return (a, b, "the earlier year") if ya < yb else (b, a, "the earlier year")
    return None


def _year(period: str | None) -> int | None:
    m = re.search(r"\b(19|20)\d{2}\b", period or "")
    return int(m.group(0)) if m else None


# Two levels a change relates, the pairing rule, and the base when the words say which it is.
_Pair = tuple[_Item, _Item, str, _Item | None]


def _level_ok(change: Claim, level: Claim) -> bool:
    """A level the change can be computed from: counts for a count, dollars for dollars,
    percents for percentage points; any level of one unit for a percent change."""
    if level.change != "level" or not _single(level):
        return False
    if change.unit == "percentage_points":
        return level.unit == "percent"
    if change.change == "percent_change":
        return level.unit != "percentage_points"
    return level.unit == change.unit


def _level_pair(text: str, change: _Item, items: list[_Item]) -> _Pair | None:
    """The two levels a change relates, or None when the story does not say which."""
    c = change.claim
    levels = [it for it in items if _level_ok(c, it.claim) and not _is_base_or_pop(text, it)]
    same = [it for it in levels if it.sent == change.sent]
    if len(same) == 2:
        if same[0].claim.unit != same[1].claim.unit:
            return None
        return _same_sentence_pair(text, change, *same)
    if len(same) > 2:
        return _nearest_pair(text, change, same)
    if not _subject(c):
        return None
    if len(same) == 1:
        return _pair_with_sentence_before(text, change, same[0], levels)
    # The change alone in its sentence: the two levels in the next sentences, when they count the
    # change's own subject in two periods the story relates ("... down 4% from last year's pace. The
    # county has counted 712 so far. By this date a year ago, 741 had died.")
    near = [it for it in levels if it.sent == change.sent - 1]
    if len(near) != 2:
        near = [it for it in levels if change.sent < it.sent <= change.sent + _WINDOW]
    if len(near) != 2:
        return None
    a, b = near
    strict = [_same_subject(it.claim, c, loose=False) for it in near]
    loose = [_same_subject(it.claim, c, loose=True) for it in near]
    if a.claim.unit != b.claim.unit or not all(loose) or not any(strict):
        return None
    if _narrowed_apart(text, change, (a, b)):
        return None
    linked = a.sent == b.sent and _ends_with_any(_before(text, b), cues().base_words)
    if linked and not _CLAUSE_BREAK.search(_between(text, a.claim, b.claim)):
        # "511 overdose deaths in 2024, down from 643 in 2023": one of them may leave its
        # subject implicit, since the base word ties it to the other.
        return a, b, "a sentence next to it, same subject, the base after a base word", b
    if not all(strict):
        return None
    pa, pb = _norm_period(a.claim.period), _norm_period(b.claim.period)
    if pa and pb and pa != pb and _order(text, a, b):
        return a, b, "the next sentences, same subject, two related periods", None
    return None


def _nearest_pair(text: str, change: _Item, same: list[_Item]) -> _Pair | None:
    """More than two levels in the change's sentence: only the two its words tie to it, the
    base right after it ("15 percent fewer than the 341") and the level right before it in the
    same clause ("187 homicides in 2023, 15 percent fewer ..."), or "from A to B" after it."""
    c = change.claim
    after = [it for it in same if it.claim.start >= c.end]
    before = [it for it in same if it.claim.end <= c.start]
    if len(after) >= 2:
        a, b = after[0], after[1]
        from_to = _ends_with_any(_before(text, a), ["from"]) and _ends_with_any(
            _before(text, b), ["to"]
        )
        if from_to and not _CLAUSE_BREAK.search(text[c.end : b.claim.start]):
            return a, b, "same sentence, 'from A to B' right after the change", a
    if not after or not before:
        return None
    base, new = after[0], before[-1]
    if not _ends_with_any(_before(text, base), cues().base_words):
        return None
    if base.claim.unit != new.claim.unit or not _same_subject(new.claim, base.claim, loose=True):
        return None
    if any(_CLAUSE_BREAK.search(_between(text, c, it.claim)) for it in (base, new)):
        return None
    return new, base, "same sentence, the levels on either side of the change", base


_ANAPHORA = re.compile(r"^\W*(?:that|this|it)(?:\s+is|['’]s|\s+was|\s+marks|\s+represents)\b", re.I)  # fmt: skip


def _pair_with_sentence_before(
    text: str, change: _Item, base: _Item, levels: list[_Item]
) -> _Pair | None:
    """'Deaths hit 1,024 last year. That is 8 percent more than the 1,012 in 2024.': the change's
    sentence holds the base, the sentence before holds the one level it is measured from."""
    c = change.claim
    if base.claim.end <= c.start:
        return _pair_with_dated_neighbour(text, change, base, levels)
    # The base is tied to the change by a base word before it ("than the 1,012"), or the change
    # itself names the base's period ("down 18 percent from 2023, when the city had 252").
    tied = _ends_with_any(_before(text, base), cues().base_words)
    if not tied and not _base_period_named(text, c, base):
        return None
    before = [it for it in levels if it.sent == change.sent - 1]
    if len(before) != 1:
        return None
    new = before[0]
    # "That is 8 percent more than ...": the sentence points back at the level before it, so
    # that level may be named otherwise than the change's subject.
    anaphora = bool(_ANAPHORA.match(text[change.sent_start : c.start]))
    same_new = _same_subject(new.claim, c, loose=anaphora)
    if new.claim.unit != base.claim.unit or not (
        same_new and _same_subject(base.claim, c, loose=False)
    ):
        return None
    if _CLAUSE_BREAK.search(_between(text, c, base.claim)) or _narrowed_apart(text, change, (new,)):
        return None
    return new, base, "the sentence before holds the newer level, this one the base", base


def _base_period_named(text: str, c: Claim, base: _Item) -> bool:
    """'down 18 percent from 2023, when the city had 252': a base word and a period right after
    the change, and the level after it in the same clause."""
    after = text[c.end : base.claim.start]
    return bool(
        re.match(r"^[\s,]*(?:from|than|compared with|compared to|since)\s+[^\d]*?(?:19|20)\d\d\b", after)
        or re.match(r"^[\s,]*(?:from|than|compared with|compared to)\s+(?:a year ago|last year|the year before|the previous year)\b", after)
    ) and not _CLAUSE_BREAK.search(after)  # fmt: skip


def _names_its_own_base(text: str, c: Claim, old: _Item) -> bool:
    """'up 20 percent from a similar sweep in May': the change names a base, and it is not the
    period of the level we would take as its base."""
    after = text[c.end : c.end + 60].lower()
    m = re.match(r"^[\s,]*(?:[a-z]+\s+){0,2}?(from|than|compared with|compared to|over|since)\b([^.,;]*)", after)  # fmt: skip
    if not m:
        return False
    period = _norm_period(old.claim.period) or "\0"
    written = _norm_period(m.group(2)) if m.group(2).strip() else None
    return written is None or period not in written


def _pair_with_dated_neighbour(
    text: str, change: _Item, new: _Item, levels: list[_Item]
) -> _Pair | None:
    """'Last year the county had 1,012 deaths. This year it has 1,024, up 8 percent.': the
    change's sentence holds the newer level before the change, the sentence before or after holds
    one level of the same subject whose period is the earlier one."""
    c = change.claim
    if _CLAUSE_BREAK.search(_between(text, new.claim, c)):
        return None
    for sent in (change.sent - 1, change.sent + 1):
        there = [it for it in levels if it.sent == sent]
        if len(there) != 1:
            continue
        old = there[0]
        if old.claim.unit != new.claim.unit or not (
            _same_subject(old.claim, c, loose=False) and _same_subject(new.claim, c, loose=False)
        ):
            continue
        order = _order(text, old, new)
        if _names_its_own_base(text, c, old) or _narrowed_apart(text, change, (old,)):
            continue
        if order and order[0] is old:
            return new, old, "the newer level before the change, the earlier one next to it", old
    return None


def _single(c: Claim) -> bool:
    """One value, not a range ("two to four"): a range is no level to compute a change from."""
    return c.low == c.high


def _starts_with_any(snippet: str, words: list[str]) -> str | None:
    s = " ".join(snippet.lower().split())
    for w in words:
        if re.match(rf"^[\s,]*{re.escape(w)}\b", s):
            return w
    return None


_CLAUSE_BREAK = re.compile(r";|\b(?:and|but|while|whereas|although|meanwhile)\b", re.I)


def _same_sentence_pair(text: str, change: _Item, a: _Item, b: _Item) -> _Pair | None:
    """Two levels of the change's sentence, when its words tie them to the change."""
    c = change.claim
    if any(_CLAUSE_BREAK.search(_between(text, c, it.claim)) for it in (a, b)):
        return None  # another clause stands between the change and a level: another subject
    base = {id(it): _ends_with_any(_before(text, it), cues().base_words) for it in (a, b)}
    to = {id(it): _ends_with_any(_before(text, it), cues().new_words) for it in (a, b)}
    from_to = base[id(a)] == "from" and to[id(b)] or base[id(b)] == "from" and to[id(a)]
    if from_to and any(_same_subject(it.claim, c, loose=True) for it in (a, b)):
        return a, b, "same sentence, 'from A to B'", a if base[id(a)] == "from" else b
    # A base word right after the change that leads to neither level: the change is measured
    # against something else ("about 12 less than they are permitted").
    after = text[c.end : _next_start(change, a, b, text)]
    words = re.sub(r"^[\s,]*(?:[a-z]+\s+){0,2}", "", after.lower())
    own_base = _starts_with_any(words, cues().base_words) or _starts_with_any(
        after, cues().base_words
    )
    if own_base and not any(it.claim.start >= c.end and base[id(it)] for it in (a, b)):
        return None
    if (
        base[id(b)]
        and base[id(b)] != "from"
        and a.claim.end <= b.claim.start
        and min(a.claim.start, b.claim.start) > c.end
        and len(_between(text, a.claim, b.claim)) <= 60
        and not _CLAUSE_BREAK.search(_between(text, a.claim, b.claim))
    ):
        # "... up 12 percent, with 4,310 reports so far this year versus 4,020": the two
        # levels side by side after the change, the second marked as the base.
        return a, b, "same sentence, 'A versus B' after the change", b
    loose = _same_subject(a.claim, b.claim, loose=True) and all(
        _same_subject(it.claim, c, loose=True) for it in (a, b)
    )
    if not loose:
        return None
    linked = [it for it in (a, b) if base[id(it)]]
    if len(linked) == 1:
        other = b if linked[0] is a else a
        # The newer level stands before the change ("318 cars, up 6 percent from 313") or after
        # 'to'; anything else is a third number the change does not relate.
        if other.claim.end <= c.start or to[id(other)]:
            return a, b, "same sentence, the base after a base word", linked[0]
        return None
    if _subject(c) and _same_subject(a.claim, c, loose=False) and _order(text, a, b):
        return a, b, "same sentence, same subject, two related periods", None
    return None


def _next_start(change: _Item, a: _Item, b: _Item, text: str) -> int:
    later = [it.claim.start for it in (a, b) if it.claim.start >= change.claim.end]
    end = change.sent_start + len(change.claim.sentence)
    return min([*later, end])


_RATE_AFTER = re.compile(r"^\s*(?:per|for every|out of every|every|for each|each)\b", re.I)


def _is_base_or_pop(text: str, it: _Item) -> bool:
    """'per 100,000' and its kin are no level of the story, nor is the rate before them
    ('$7.60 for every $1,000')."""
    before = text[max(0, it.claim.start - 12) : it.claim.start].lower()
    after = text[it.claim.end : it.claim.end + 20]
    return bool(re.search(r"\b(per|every|for every|out of every)\s*$", before)) or bool(
        _RATE_AFTER.match(after)
    )


def _percent_change(text: str, p: _Item, items: list[_Item]) -> Finding | None:
    pair = _level_pair(text, p, items)
    if pair is None:
        return None
    a, b, rule, known = pair
    direction = p.claim.direction
    stated = interval(p.claim)
    want = (-stated[1], -stated[0]) if direction == "down" else stated
    order = _order(text, a, b)
    if known is not None:
        old, new, how = known, (b if known is a else a), "the words mark the base"
    elif order:
        old, new, how = order
    else:
        # No word or period says which is the base: the stated direction does (a fall ends lower).
        lower, higher = sorted((a, b), key=lambda it: _mid(it.claim))
        old, new = (higher, lower) if direction == "down" else (lower, higher)
        how = "the stated direction orders them"
    o, n = interval(old.claim), interval(new.claim)
    if o[0] <= 0:
        return None
    lo, hi = (n[0] / o[1] - 1) * 100, (n[1] / o[0] - 1) * 100
    if _overlap((lo, hi), want):
        return None
    if old.claim.unit == "percent" and _overlap((n[0] - o[1], n[1] - o[0]), want):
        return None  # "fell 0.3 percent to 3.9 percent" may mean points: not a finding
    computed = (_mid(new.claim) / _mid(old.claim) - 1) * 100
    said = f"{'down' if direction == 'down' else 'up'} {p.claim.text}"
    way = "rise" if computed > 0 else "fall"
    kind, factor = _scale_of(_abs_iv((lo, hi)), stated)
    slip = f", about {factor:,.0f} times the stated figure" if kind else ""
    return Finding(
        kind="percent_change",
        claims=[_ref(p.claim), _ref(old.claim), _ref(new.claim)],
        stated=(-1 if direction == "down" else 1) * _mid(p.claim),
        computed=computed,
        explanation=(
            f"The story says {said}, but {old.claim.text} to {new.claim.text} is a "
            f"{_fmt(abs(computed))} percent {way}{slip}."
        ),
        rule=f"percent change: {rule}; {how}",
    )


def _difference(text: str, d: _Item, items: list[_Item]) -> Finding | None:
    pair = _level_pair(text, d, items)
    if pair is None:
        return None
    a, b, rule, _known = pair
    ia, ib = interval(a.claim), interval(b.claim)
    lo, hi = ib[0] - ia[1], ib[1] - ia[0]
    mags = (0.0 if lo <= 0 <= hi else min(abs(lo), abs(hi)), max(abs(lo), abs(hi)))
    if _overlap(mags, interval(d.claim)):
        return None
    computed = abs(_mid(b.claim) - _mid(a.claim))
    apart = _money(computed) if d.claim.unit == "usd" else _fmt(computed)
    return Finding(
        kind="difference",
        claims=[_ref(d.claim), _ref(a.claim), _ref(b.claim)],
        stated=_mid(d.claim),
        computed=computed,
        explanation=(
            f"The story says the change is {d.claim.text}, but {a.claim.text} and "
            f"{b.claim.text} are {apart} apart."
        ),
        rule=f"difference: {rule}",
    )


# --- rule 3: a share against its part and whole ----------------------------------------------

_OF_BETWEEN = re.compile(
    r"^(?:\s+[a-z][\w'’-]*){0,2}\s+(?:out\s+)?of(?:\s+(?:the|its|their|all|[a-z][\w-]*['’]s))*\s+$",
    re.I,
)
_OF_PERCENT = re.compile(
    r"^\s+of\s+(?:the|its|their|all|[a-z][\w-]*['’]s|\s)*(?:[a-z][\w-]*\s+){0,3}?(?:of\s+)?$",
    re.I,
)
_PART_TO_PERCENT = re.compile(r"^(?:\s+[a-z][\w'’-]*){0,6}\s*[,(—–-]\s*(?:or\s+|about\s+|roughly\s+|nearly\s+|just\s+|some\s+)?$|^\s*,?\s+or\s+$", re.I)  # fmt: skip


_OR_PART = re.compile(
    r"^(?:\s+[a-z][\w'’-]*){0,3}\s*(?:,\s*(?:or|about|roughly|nearly|some)|[(—–]\s*(?:about|roughly|nearly|some)?)\s*$",
    re.I,
)  # fmt: skip


def _share_percent(text: str, part: _Item, whole: _Item, items: list[_Item]) -> _Item | None:
    """The percent that states part/whole: in the same sentence, with no other count between."""
    lo, hi = min(part.claim.start, whole.claim.start), max(part.claim.end, whole.claim.end)
    best = None
    for it in items:
        c = it.claim
        if it.sent != part.sent or not _is_percent(c):
            continue
        if c.change != "level" or _share_of_other(text, c, whole):
            continue
        span = (min(lo, c.start), max(hi, c.end))
        others = [
            o
            for o in items
            if o.sent == part.sent
            and o is not part
            and o is not whole
            and o is not it
            and span[0] <= o.claim.start < span[1]
        ]
        if others:
            continue
        gap = c.start - hi if c.start >= hi else lo - c.end
        if best is None or gap < best[0]:
            best = (gap, it)
    return best[1] if best else None


_OF_WHAT = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([a-z][a-z-]*)", re.I)


def _share_of_other(text: str, pct: Claim, whole: _Item) -> bool:
    """'20 of the 50 states, home to 60 percent *of Americans*': a share of another whole."""
    m = _OF_WHAT.match(text[pct.end : pct.end + 40])
    if not m:
        return False
    word = m.group(1).lower()
    if word in ("them", "those", "these", "total", "whole", "all"):
        return False
    return not (_same_noun(word, _noun_after(text, whole.claim)) or word == _subject(whole.claim))


def _adding_up(text: str, c: Claim) -> bool:
    """'adding up to 24.1 percent' states a value, not a ceiling or a change."""
    return bool(re.search(r"\b(add|adds|adding|added)\s+$", text[max(0, c.start - 10) : c.start]))


def _shares(text: str, items: list[_Item]) -> list[Finding]:
    found = []
    used: set[int] = set()
    levels = [it for it in items if _is_level(it.claim) and it.claim.unit == "count"]
    for i, a in enumerate(levels):
        for b in levels[i + 1 :]:
            if a.sent != b.sent:
                continue
            gap = text[a.claim.end : b.claim.start]
            if _OF_BETWEEN.match(gap):
                part, whole, rule = a, b, "'A of B'"
            elif re.search(r"(?:^|[\s\"“])of\s+(?:the\s+|those\s+|its\s+|all\s+)?$", _before(text, a)) and re.match(r"^[^\d]*,\s*[^\d]*$", gap):  # fmt: skip
                part, whole, rule = b, a, "'of the B, A'"
            else:
                continue
            pct = _share_percent(text, part, whole, items)
            if pct is None or id(pct) in used:
                continue
            f = _share_finding(part, whole, pct, rule)
            used.add(id(pct))
            if f:
                found.append(f)
    # "The county has 67 schools. Twelve of them, or 25 percent, ...": the whole before.
    for part in levels:
        if not re.match(
            r"^\s+of\s+(?:them|those|these)\b", text[part.claim.end : part.claim.end + 20]
        ):
            continue
        before = [w for w in levels if w.sent == part.sent - 1]
        if len(before) != 1 or not _same_subject(before[0].claim, part.claim, loose=True):
            continue
        pct = _share_percent(text, part, part, items)
        if pct is None or id(pct) in used:
            continue
        used.add(id(pct))
        f = _share_finding(part, before[0], pct, "'A of them, N percent', the whole just before")
        if f:
            found.append(f)
    # "30 to 60 jobs, 0.004 percent of the staff of 1,500": the whole written after the percent.
    for p in items:
        if not _is_percent(p.claim) or p.claim.change != "level" or id(p) in used:
            continue
        same = [it for it in levels if it.sent == p.sent]
        wholes = [w for w in same if w.claim.start > p.claim.end]
        # The part may be written as a change ("would cut 30 to 60 jobs"): it is still a count.
        parts = [
            w
            for w in items
            if w.sent == p.sent
            and w.claim.end <= p.claim.start
            and w.claim.unit == "count"
            and w.claim.change != "percent_change"
        ]
        if not wholes or not _OF_PERCENT.match(text[p.claim.end : wholes[0].claim.start]):
            f = _share_of_named_whole(text, p, parts, levels)
            if f:
                used.add(id(p))
                found.append(f)
            continue
        whole = wholes[0]
        later = [w for w in same if w.claim.start > whole.claim.end]
        if parts and _PART_TO_PERCENT.match(text[parts[-1].claim.end : p.claim.start]):
            part, rule = parts[-1], "'A, N percent of B'"
        elif later and _OR_PART.match(text[whole.claim.end : later[0].claim.start]):
            # "45 percent of the 620 respondents, or 341 people"
            part, rule = later[0], "'N percent of B, or A'"
        else:
            continue
        f = _share_finding(part, whole, p, rule)
        used.add(id(p))
        if f:
            found.append(f)
    return found


def _share_of_named_whole(
    text: str, p: _Item, parts: list[_Item], levels: list[_Item]
) -> Finding | None:
    """'30 to 60 jobs, 0.004 percent of its workforce' with 'a workforce of 15,000' elsewhere:
    the whole named by its noun in another sentence. Only a unit slip (a factor of about 100 or
    1,000) is reported: a near miss may be a share of another count of that noun."""
    m = _OF_WHAT.match(text[p.claim.end : p.claim.end + 40])
    if not m or not parts or not _PART_TO_PERCENT.match(text[parts[-1].claim.end : p.claim.start]):
        return None
    noun = m.group(1).lower()
    wholes = {
        _mid(w.claim): w
        for w in levels
        if w.sent != p.sent
        and (
            _same_noun(_noun_after(text, w.claim), noun)
            or re.search(
                rf"\b{re.escape(noun)}\s+of\s+(?:about\s+|some\s+|nearly\s+)?$", _before(text, w)
            )
        )
    }
    if len(wholes) != 1:
        return None
    f = _share_finding(
        parts[-1], next(iter(wholes.values())), p, "'A, N percent of its B', B named elsewhere"
    )
    return f if f and f.kind == "scale" else None


def _share_finding(part: _Item, whole: _Item, pct: _Item, rule: str) -> Finding | None:
    ip, iw = interval(part.claim), interval(whole.claim)
    if iw[0] <= 0 or _mid(part.claim) > _mid(whole.claim) * 1.0001:
        return None  # a part larger than its whole is no share: the pairing is wrong
    lo, hi = ip[0] / iw[1] * 100, ip[1] / iw[0] * 100
    stated = interval(pct.claim)
    if _overlap((lo, hi), stated):
        return None
    computed = _mid(part.claim) / _mid(whole.claim) * 100
    kind, factor = _scale_of((lo, hi), stated)
    slip = f"; a factor of about {factor:,.0f} apart, a likely unit slip" if kind else ""
    return Finding(
        kind=kind or "share",
        claims=[_ref(pct.claim), _ref(part.claim), _ref(whole.claim)],
        stated=_mid(pct.claim),
        computed=computed,
        explanation=(
            f"The story says {_said(pct.claim)}, but {part.claim.text} of {whole.claim.text} is "
            f"{_fmt(computed)} percent{slip}."
        ),
        rule=f"share: {rule}",
    )


def _scale_of(a: tuple[float, float], b: tuple[float, float]) -> tuple[str | None, float]:
    """('scale', factor) when interval a is interval b times about 100, 1,000 or 1,000,000 (or
    divided by it): the mark of a unit slip rather than a wrong figure."""
    for factor in _SCALE_FACTORS:
        for k in (factor, 1 / factor):
            lo, hi = b[0] * k * (1 - _SCALE_SLACK), b[1] * k * (1 + _SCALE_SLACK)
            if a[1] > 0 and _overlap(a, (lo, hi)):
                return "scale", factor
    return None, 1.0


# --- rule 4: parts against a stated total ----------------------------------------------------


def _noun_after(text: str, c: Claim) -> str | None:
    words = _words_after(text, c, 1)
    return words[0] if words else None


def _same_noun(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a.rstrip("s") == b.rstrip("s") or a.rstrip("es") == b.rstrip("es")


def _parts_ok(text: str, total: _Item, parts: list[_Item]) -> bool:
    """Every part counts what the total counts: the word after it is a small word, the total's
    noun, or a modifier of the total's subject ("46 structure fires ... 31 house fires")."""
    noun = _noun_after(text, total.claim)
    subject = _subject(total.claim)
    for it in parts:
        after = _noun_after(text, it.claim)
        if after is None or after in cues().part_next_ok or _same_noun(after, noun):
            continue
        if subject and any(w.startswith(subject) for w in _words_after(text, it.claim, 3)):
            continue
        return False
    return True


def _parts_total(text: str, items: list[_Item]) -> list[Finding]:
    found = []
    counts = [it for it in items if _is_level(it.claim) and it.claim.unit in ("count", "usd")]
    for t in counts:
        same = [it for it in counts if it.sent == t.sent and it is not t]
        after = [
            it for it in same if it.claim.start > t.claim.end and it.claim.unit == t.claim.unit
        ]
        if len(after) >= 2:
            gap = text[t.claim.end : after[0].claim.start]
            glow = gap.lower()
            marker = next((m for m in cues().exhaustive_markers if m in gap), None)
            partial = next((m for m in cues().partial_markers if m in glow), None)
            named = bool(marker) and not partial  # "3,200 animals: 1,900 dogs, 1,100 cats"
            if (
                (marker or partial)
                and _listed(text, after)
                and (named or _parts_ok(text, t, after))
            ):
                f = _sum_finding(text, t, after, exhaustive=bool(marker) and not partial)
                if f:
                    found.append(f)
                    continue
        before = [
            it for it in same if it.claim.end <= t.claim.start and it.claim.unit == t.claim.unit
        ]
        lead = _ends_with_any(_before(text, t, 30), cues().total_after)
        if len(before) >= 2 and lead and _listed(text, before) and _parts_ok(text, t, before):
            f = _sum_finding(text, t, before, exhaustive=True)
            if f:
                found.append(f)
    return found + _parts_of_those(text, counts)


_OF_THOSE = re.compile(r"^\W*(?:of|among)\s+(?:those|them|these|the\s+[a-z]+)\s*,", re.I)


def _parts_of_those(text: str, counts: list[_Item]) -> list[Finding]:
    """'... 2,450 complaints last year. Of those, 1,320 were about noise, 780 about trash and 510
    about parking.': the parts of the one count of the sentence before may not exceed it."""
    found = []
    for sent in sorted({it.sent for it in counts}):
        parts = [it for it in counts if it.sent == sent]
        totals = [it for it in counts if it.sent == sent - 1]
        if len(parts) < 2 or len(totals) != 1:
            continue
        if not _OF_THOSE.match(text[parts[0].sent_start : parts[0].claim.start]):
            continue
        total = totals[0]
        if any(p.claim.unit != total.claim.unit for p in parts) or not _listed(text, parts):
            continue
        f = _sum_finding(text, total, parts, exhaustive=False)
        if f:
            f.rule = "parts and total: 'of those' parts exceed the total of the sentence before"
            found.append(f)
    return found


def _listed(text: str, parts: list[_Item]) -> bool:
    """The parts are one list: joined by commas or 'and', the last one after 'and'."""
    for x, y in zip(parts, parts[1:], strict=False):
        gap = text[x.claim.end : y.claim.start]
        if not re.search(r"(,|\band\b|;)", gap) or len(gap) > 80:
            return False
    last_gap = text[parts[-2].claim.end : parts[-1].claim.start]
    return bool(re.search(r"\b(and|plus)\b", last_gap))


def _overlapping_kinds(text: str, parts: list[_Item]) -> bool:
    """Parts told by what they 'involved' or 'were' may overlap ('24 involved speeding, 19
    involved alcohol'): only named kinds ('31 house fires and 22 apartment fires') or places
    ('700 in the city') are sure to be apart."""
    return any(_noun_after(text, p.claim) in cues().overlapping_after for p in parts)


def _sum_finding(
    text: str, total: _Item, parts: list[_Item], *, exhaustive: bool
) -> Finding | None:
    ivs = [interval(p.claim) for p in parts]
    lo, hi = sum(i[0] for i in ivs), sum(i[1] for i in ivs)
    it = interval(total.claim)
    if exhaustive and _overlap((lo, hi), it):
        return None
    if not exhaustive and (lo <= it[1] or _overlapping_kinds(text, parts)):
        return None
    computed = sum(_mid(p.claim) for p in parts)
    listed = ", ".join(p.claim.text for p in parts[:-1]) + f" and {parts[-1].claim.text}"
    verb = "add up to" if exhaustive else "already come to"
    return Finding(
        kind="parts_total",
        claims=[_ref(total.claim), *(_ref(p.claim) for p in parts)],
        stated=_mid(total.claim),
        computed=computed,
        explanation=(
            f"The story gives a total of {total.claim.text}, but its parts {listed} "
            f"{verb} {_fmt(computed)}."
        ),
        rule="parts and total: "
        + ("an exhaustive list" if exhaustive else "parts exceed the total"),
    )


# --- rule 5 and 7: the same quantity restated, or quoted at another scale ---------------------


def _scope(sentence: str) -> set[str]:
    s = sentence.lower()
    return {w for w in cues().scope_words if re.search(rf"\b{re.escape(w)}\b", s)}


_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}


def _modifiers(text: str, c: Claim) -> str:
    """The words between the number and its subject noun ("640 *felony* arrests")."""
    subject = (c.subject or "").lower()
    words = _words_after(text, c, 4)
    out = []
    for w in words:
        w = _IRREGULAR.get(w, w)
        if _same_noun(w, subject) or w.startswith(subject[:4] or "\0"):
            break
        out.append(w)
    return " ".join(out) if len(out) < len(words) else "?" + " ".join(words)


def _narrowing(words: list[str], subject: str) -> str | None:
    """What narrows the first mention of `subject` in `words` ("permits *for apartments*"):
    '' when nothing does, None when the subject is not mentioned."""
    stem = subject[:4]
    for i, w in enumerate(words):
        if stem and _IRREGULAR.get(w, w).startswith(stem):
            rest = words[i + 1 : i + 3]
            if not rest or rest[0] not in cues().narrowing_after:
                return ""
            # "for the year", "for 2025" is a period, not a narrower kind
            if len(rest) > 1 and re.match(r"^(?:the|this|last|that|(?:19|20)\d\d)$", rest[1]):
                return ""
            return " ".join(rest)
    return None


def _agents(text: str, it: _Item) -> set[str]:
    """Who the clause before a number says counted it: names and agency words ('the Memphis
    Police Department has made 640'), never the sentence's first word alone."""
    clause = re.split(r"[,;:—–]", text[it.sent_start : it.claim.start])[-1]
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", clause)
    out = set()
    for i, w in enumerate(words):
        low = w.lower().replace("’", "'")
        if low in cues().agent_words or (w[0].isupper() and i > 0 and low not in cues().stop_words):
            out.add(low.removesuffix("'s"))
    return out


def _qualifier_after(text: str, c: Claim) -> str:
    """What narrows the noun after it ('640 arrests *for carjacking*' is not '688 arrests')."""
    return _narrowing(_words_after(text, c, 6), c.subject or "") or ""


def _narrowed_apart(text: str, change: _Item, levels: tuple[_Item, ...]) -> bool:
    """The change names its subject narrowed otherwise than the levels in other sentences do
    ('1,020 permits *for new* homes ... Permits *for apartments* fell 27 percent')."""
    subject = change.claim.subject or ""
    said = _narrowing(re.findall(r"[a-z][a-z'’-]*", change.claim.sentence.lower()), subject)
    for it in levels:
        theirs = _narrowing(_words_after(text, it.claim, 6), subject)
        if said is not None and theirs is not None and said != theirs:
            return True
    return False


_NOT_A_RESTATEMENT_BEFORE = re.compile(
    r"\b(another|additional|an additional|extra|other|new|more than|over|nearly|almost|about|"
    r"at least|up to|under|fewer than|less than|of|than|from|to|with|by|per|each|every)\s*$"
)


def _context(text: str, it: _Item) -> set[str]:
    """The content words around a number in its clause: what the number counts happening."""
    before = re.findall(
        r"[a-z][a-z'’-]+", text[max(it.sent_start, it.claim.start - 30) : it.claim.start].lower()
    )
    after = re.findall(r"[a-z][a-z'’-]+", text[it.claim.end : it.claim.end + 50].lower())[:6]
    noun = (it.claim.subject or "")[:5]
    words = {w[:5] for w in before[-4:] + after if w not in cues().stop_words}
    return words - {noun, ""}


def _same_thing(text: str, a: _Item, b: _Item) -> bool:
    """Same subject; or the same vague subject ('people') with a content word in common
    ('640 people have been shot ... the 688 people shot')."""
    ca, cb = a.claim, b.claim
    if _same_subject(ca, cb, loose=False):
        return True
    raw_a, raw_b = (ca.subject or "").lower(), (cb.subject or "").lower()
    if not raw_a or raw_a != raw_b:
        return False
    head = _head(text, a)
    return head is not None and head == _head(text, b)


def _head(text: str, it: _Item) -> str | None:
    """What is said of a vague subject: the first content word after the number, with its
    partner in "shot and killed" ('640 people have been *shot*' is not '120 people have been
    *shot and killed*')."""
    words = re.findall(r"[a-z][a-z'’-]+", text[it.claim.end : it.claim.end + 60].lower())[:7]
    for i, w in enumerate(words):
        if w in cues().stop_words or _IRREGULAR.get(w, w) == (it.claim.subject or ""):
            continue
        if i + 2 < len(words) and words[i + 1] in ("and", "or"):
            return f"{w[:5]}+{words[i + 2][:5]}"
        return w[:5]
    return None


def _comparable(text: str, a: _Item, b: _Item, *, one_place_missing: bool = False) -> bool:
    """Two level claims that the story gives as the same quantity (subject, place, words)."""
    ca, cb = a.claim, b.claim
    if a.sent == b.sent or ca.unit != cb.unit or not _same_thing(text, a, b):
        return False
    pa, pb = (ca.place or "").lower(), (cb.place or "").lower()
    if pa != pb and not (one_place_missing and not (pa and pb)):
        return False
    if _partitive(text, a) or _partitive(text, b):
        return False
    if ca.speaker and cb.speaker and ca.speaker != cb.speaker:
        return False
    return _scope(ca.sentence) == _scope(cb.sentence)


_PARTITIVE = re.compile(r"\b(?:of|among)\s+(?:those|them|these|which|whom)\b", re.I)


def _partitive(text: str, it: _Item) -> bool:
    """'Of those, 140 ...': a part of a count named before, not the count again."""
    return bool(_PARTITIVE.search(text[it.sent_start : it.claim.start]))


def _restated(text: str, items: list[_Item]) -> list[Finding]:
    found = []
    levels = [it for it in items if _is_level(it.claim) and it.claim.qualifier == "exact"]
    for i, a in enumerate(levels):
        for b in levels[i + 1 :]:
            pa, pb = _norm_period(a.claim.period), _norm_period(b.claim.period)
            if not pa or pa != pb or not _comparable(text, a, b, one_place_missing=True):
                continue
            if a.claim.low != a.claim.high or b.claim.low != b.claim.high:
                continue
            if any(
                _NOT_A_RESTATEMENT_BEFORE.search(_before(text, x, 25))
                or re.match(r"^\s*(of|more|fewer|less|additional|new|percent|times)\b", text[x.claim.end :].lower())
                for x in (a, b)
            ):  # fmt: skip
                continue
            if _modifiers(text, a.claim) != _modifiers(text, b.claim):
                continue
            agents = (_agents(text, a), _agents(text, b))
            if all(agents) and not agents[0] & agents[1]:
                continue  # "The police department has made 640 ... The sheriff's office 688"
            if _qualifier_after(text, a.claim) != _qualifier_after(text, b.claim):
                continue
            if _overlap(interval(a.claim), interval(b.claim)):
                continue
            if _scale_of(interval(a.claim), interval(b.claim))[0]:
                continue  # the scale rule speaks for these
            found.append(
                Finding(
                    kind="restated",
                    claims=[_ref(a.claim), _ref(b.claim)],
                    stated=_mid(b.claim),
                    computed=_mid(a.claim),
                    explanation=(
                        f"The story gives the same count ({_what(a.claim)}) as {a.claim.text} "
                        f"and later as {b.claim.text}."
                    ),
                    rule="restated: same subject, place, period and words, in two sentences",
                )
            )
    return found


def _what(c: Claim) -> str:
    return ", ".join(x for x in (c.subject, c.period) if x) or "the same words"


def _sig_digits(c: Claim) -> int:
    tokens = _NUMBER_TOKEN.findall(c.text)
    if not tokens:
        return 0
    digits = tokens[0].replace(",", "").replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) if "." not in tokens[0] else len(digits)


def _scales(text: str, items: list[_Item]) -> list[Finding]:
    """The same series quoted at values a factor of about 1,000 apart ('152,310,000 ... 152,262')."""
    found = []
    levels = [it for it in items if _is_level(it.claim) and it.claim.low == it.claim.high]
    for i, a in enumerate(levels):
        for b in levels[i + 1 :]:
            if min(_sig_digits(a.claim), _sig_digits(b.claim)) < 3:
                continue
            big, small = (a, b) if _mid(a.claim) > _mid(b.claim) else (b, a)
            ratio = _mid(big.claim) / max(_mid(small.claim), 1e-12)
            # Five or more digits that agree to within 0.5% of a factor of 1,000 are the same
            # figure whatever the extractor named them ("152,310,000 workers ... employment
            # had slipped to 152,262").
            twin = (
                a.claim.unit == b.claim.unit
                and min(_sig_digits(a.claim), _sig_digits(b.claim)) >= 5
                and any(abs(ratio / f - 1) <= 0.005 for f in (1000.0, 1_000_000.0))
            )
            if not (_comparable(text, a, b, one_place_missing=True) or twin and a.sent != b.sent):
                continue
            factor = next(
                (f for f in (1000.0, 1_000_000.0) if abs(ratio / f - 1) <= _SCALE_SLACK), None
            )
            if factor is None or re.search(r"thousand|million|billion", small.claim.sentence, re.I) and not re.search(r"thousand|million|billion", small.claim.text, re.I):  # fmt: skip
                continue
            found.append(
                Finding(
                    kind="scale",
                    claims=[_ref(a.claim), _ref(b.claim)],
                    stated=_mid(b.claim),
                    computed=_mid(a.claim),
                    explanation=(
                        f"The story quotes {_subject(a.claim)} as {a.claim.text} and as "
                        f"{b.claim.text}, about {factor:,.0f} times apart: one is likely a unit "
                        f"slip (thousands written as units, or the reverse)."
                    ),
                    rule="scale: same subject and place, values a factor of about 1,000 apart",
                )
            )
    return found


# --- rule 6: a rate against its count and population -----------------------------------------


def _rate_base(text: str, c: Claim) -> float | None:
    after = text[c.end : c.end + 50].lower()
    m = re.match(r"^\s*(?:[a-z]+\s+){0,2}?(?:per|for every|out of every|every)\s+([\d,]+(?:\s*(?:k|million))?|million)\b", after)  # fmt: skip
    if not m:
        return None
    return cues().rate_bases.get(m.group(1).replace(" ", ""), None) or cues().rate_bases.get(
        m.group(1)
    )


def _population(text: str, items: list[_Item], skip: set[int]) -> _Item | None:
    """The one population the story states ('a city of 200,000', '85,000 residents')."""
    found: dict[float, _Item] = {}
    for it in items:
        if id(it) in skip or not _is_level(it.claim):
            continue
        before = _ends_with_any(_before(text, it, 30), cues().population_before)
        after = _words_after(text, it.claim, 1)
        if before or (after and after[0] in cues().population_after):
            if _is_base_or_pop(text, it):
                continue
            found.setdefault(_mid(it.claim), it)
    return next(iter(found.values())) if len(found) == 1 else None


def _rates(text: str, items: list[_Item]) -> list[Finding]:
    found = []
    for r in items:
        base = _rate_base(text, r.claim)
        if base is None:
            continue
        bases = {id(it) for it in items if it.claim.start > r.claim.end and it.sent == r.sent and _is_base_or_pop(text, it)}  # fmt: skip
        pop = _population(text, items, bases | {id(r)})
        if pop is None:
            continue
        skip = bases | {id(r), id(pop)}
        counts = [
            it
            for it in items
            if it.sent == r.sent
            and it.claim.end <= r.claim.start
            and id(it) not in skip
            and _is_level(it.claim)
            and it.claim.unit == "count"
        ]
        for near in (r.sent - 1, r.sent + 1):
            if counts:
                break
            # The count in the sentence before or after, when it is the only level there.
            there = [
                it for it in items if it.sent == near and id(it) not in skip and _is_level(it.claim)
            ]
            counts = there if len(there) == 1 else []
        if not counts:
            continue
        count = counts[-1]
        if re.search(r"so far|to date", (count.claim.period or "").lower()):
            continue  # a part-year count is no base for a yearly rate
        ic, ip = interval(count.claim), interval(pop.claim)
        if ip[0] <= 0:
            continue
        lo, hi = ic[0] / ip[1] * base, ic[1] / ip[0] * base
        if _overlap((lo, hi), interval(r.claim)):
            continue
        computed = _mid(count.claim) / _mid(pop.claim) * base
        found.append(
            Finding(
                kind="rate",
                claims=[_ref(r.claim), _ref(count.claim), _ref(pop.claim)],
                stated=_mid(r.claim),
                computed=computed,
                explanation=(
                    f"The story says {r.claim.text} per {base:,.0f}, but {count.claim.text} "
                    f"among {pop.claim.text} is {_fmt(computed)} per {base:,.0f}."
                ),
                rule="rate: count and rate in one sentence, the story's one population",
            )
        )
    return found


# --- the stage -------------------------------------------------------------------------------


def _ref(c: Claim) -> ClaimRef:
    return ClaimRef(text=c.text, start=c.start, end=c.end)


def find(text: str, claims: list[Claim]) -> list[Finding]:
    """The findings of one story: its claims checked against each other, in text order."""
    items = _items(text, claims)
    found: list[Finding] = []
    for it in items:
        c = it.claim
        if c.change == "percent_change" and _is_percent(c) and c.direction is not None:
            f = _percent_change(text, it, items)
        elif c.change == "difference" and c.unit != "percent":
            f = _difference(text, it, items)
        else:
            f = None
        if f:
            found.append(f)
    found += _shares(text, items)
    found += _parts_total(text, items)
    found += _rates(text, items)
    found += _restated(text, items)
    found += _scales(text, items)
    return _dedupe(found)


def _dedupe(found: list[Finding]) -> list[Finding]:
    """One finding per set of claims, in the order of their first claim."""
    seen: set[tuple] = set()
    out = []
    for f in sorted(found, key=lambda f: (min(r.start for r in f.claims), KINDS.index(f.kind))):
        key = tuple(sorted((r.start, r.end) for r in f.claims))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def check_text(nlp, text: str, published: date | None = None) -> list[Finding]:
    """Extract the claims of one story and return its findings."""
    from factcheck import claims as claims_mod

    return find(text, claims_mod.extract_claims(nlp, text, published))


def check_batch(nlp, texts: list[tuple[str, date | None]]) -> list[list[Finding]]:
    """Findings for many stories, with one `nlp.pipe` pass for all their claims."""
    from factcheck import claims as claims_mod

    found = claims_mod.extract_batch(nlp, texts)
    return [find(t, c) for (t, _p), c in zip(texts, found, strict=True)]


# --- in the store ----------------------------------------------------------------------------


def save_on(con, versions: list[tuple[int, int, str, list[Claim]]]) -> int:
    """Check and store the findings of story versions, (story_id, version_id, text, claims)
    each, on the caller's transaction; how many findings were stored."""
    from factcheck import store as store_mod

    batches = []
    for story_id, version_id, text, claims in versions:
        try:
            batches.append((story_id, version_id, find(text, claims)))
        except Exception:  # noqa: BLE001 - one story's odd numbers must not stop a poll
            # Logged and left unchecked (no run row): the story and its claims are stored all
            # the same, and the next round tries this version again.
            log.exception("arithmetic failed on story version %s", version_id)
    return store_mod.insert_findings_batch(con, batches)


def check_stored_on(con) -> int:
    """Check every stored version that has not been checked yet (stored before migration 006,
    or by a path that skipped this stage); how many findings were stored."""
    from factcheck import store as store_mod

    pending = store_mod.versions_without_arithmetic(con)
    if not pending:
        return 0
    claims = store_mod.claims_by_version(con, [v for _s, v, _t in pending])
    return save_on(con, [(s, v, text, claims[v]) for s, v, text in pending])
