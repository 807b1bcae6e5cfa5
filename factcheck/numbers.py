"""Numerals and number words -> values, ranges, multipliers, percents and money.

Pure Python (no spaCy), so the claims component, the evals and a cheap pre-pass can share it.

Public API:
- `parse_number(text) -> float | None`: one number as written ("1,500", "seven thousand",
  "two and a half million", "a dozen", "4.5M").
- `parse_quantity(text) -> Quantity | None`: a whole number phrase, with its range, unit and
  multiplier ("$4.5 million", "29 to 32 percent", "between 40 and 50", "two to three hundred").
- `find_numbers(text) -> list[NumberMatch]`: every number phrase in a text, with character offsets
  into that text (`text[m.start:m.end] == m.text`), in text order.

What this module does not decide: whether a number is a claim. Years, ages, station names and
the like are numbers here; `factcheck.claims` filters them with the help of the syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from factcheck import lexicon

_MONEY_WORDS = lexicon.words("money_words")
_MONTH_WORDS = lexicon.words("months")

__all__ = [
    "NumberMatch",
    "Quantity",
    "find_numbers",
    "parse_number",
    "parse_quantity",
    "read_qualifier",
]

UNITS = {
    "zero": 0, "nought": 0, "naught": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}  # fmt: skip
# Abbreviated scales as newsrooms and finance pages write them ("$4.5M", "10k", "1.2bn").
SUFFIX_SCALES = {
    "k": 1_000, "K": 1_000, "M": 1_000_000, "m": 1_000_000, "MM": 1_000_000,
    "mil": 1_000_000, "mln": 1_000_000, "B": 1_000_000_000, "b": 1_000_000_000,
    "bn": 1_000_000_000, "bln": 1_000_000_000, "G": 1_000_000_000, "T": 1_000_000_000_000,
    "tn": 1_000_000_000_000, "tln": 1_000_000_000_000,
}  # fmt: skip
FRACTIONS = {"half": 0.5, "halves": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3,
             "thirds": 1 / 3, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2}  # fmt: skip
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
                "tenth": 10, "tenths": 10}  # fmt: skip
DOZEN = {"dozen": 12, "dozens": 12, "dz": 12, "dzs": 12, "doz": 12, "dozs": 12}
NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES) | set(DOZEN) | {"half", "quarter"}

PERCENT_WORDS = ("percent", "percents", "per cent", "percentage", "pct")
CURRENCY_PREFIX = {"$": "usd", "US$": "usd", "USD": "usd"}

# One token: a numeral (with its grouping commas, decimals and an attached suffix), a word,
# or one other character. Numerals keep attached letters ("2nd", "180ml") so those can be refused.
_TOKEN = re.compile(
    r"US\$|"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?P<suffix>[A-Za-z]+)?|"
    r"[A-Za-z]+(?:['’][A-Za-z]+)?|"
    r"\S"
)
# Things made of digits that are never quantities: phone numbers, clock times, numeric dates,
# and digit runs glued to letters on both sides (model names like "A320neo").
_MASKS = re.compile(
    r"(?:\+?1[-. ])?\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b"  # phone numbers
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # clock times
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # numeric dates
    r"|\b\d{4}-\d{2}-\d{2}\b"  # ISO dates
    r"|\b(?:19|20)\d{2}[-–/](?:\d{2}|(?:19|20)\d{2})\b"  # spans of years: "2013-14"
    r"|https?://\S+|www\.\S+"  # links
)
# Unit abbreviations written glued to a numeral ("7lbs", "40mph"): the unit word they stand for.
GLUED_UNITS = {
    "lbs": "pounds",
    "lb": "pounds",
    "mph": "mph",
    "kg": "kilograms",
    "km": "kilometers",
    "oz": "ounces",
    "ft": "feet",
    "mi": "miles",
    "mg": "milligrams",
    "ml": "milliliters",
    "cm": "centimeters",
    "k": None,
}  # fmt: skip  ("9mm" is a caliber, a kind)
GLUED_UNITS = {k: v for k, v in GLUED_UNITS.items() if v}
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_RANGE_WORDS = {"to", "through", "-", "–", "—", "~", "or"}
_CHANGE_VERBS = re.compile(
    r"\b(?:rose|rise[sn]?|rising|increased?|increases|increasing|grew|grows?|growing|jumped|"
    r"jumps?|climbed|climbs?|went|goes|fell|falls?|falling|dropped|drops?|dipped|declined|"
    r"declines?|decreased?|decreases|plunged|soared|surged|spiked|up|down|moved|changed|"
    r"shrank|slipped|cut|raised|lowered)\s*$",
    re.I,
)


# Hedges just before a number; the longest match wins, and several can stack
# ("approximately about", "just about", "well over").
def _hedge_alternatives() -> list[tuple[str, str]]:
    """(qualifier, regex alternation of its hedge phrases) from the shared hedge table."""
    by_qualifier: dict[str, list[str]] = {}
    for phrase, qualifier in lexicon.hedges():
        alt = re.escape(phrase).replace(r"\.", r"\.?").replace(r"\ ", r"\s+")
        by_qualifier.setdefault(qualifier, []).append(alt)
    return [(q, "|".join(alts)) for q, alts in by_qualifier.items()]


_HEDGES = _hedge_alternatives()
# "about a 9 percent decrease": an article may stand between the hedge and the number.
_HEDGE_RE = re.compile(
    r"(?:\b(?:" + "|".join(f"(?P<{q}>{alts})" for q, alts in _HEDGES) + r")\s+)+(?:an?\s+)?$",
    re.I,
)
# A verb of movement before "up to"/"down to" makes "to" the end point, not a hedge.
_MOVED_TO = re.compile(
    r"\b(?:ticked|ticks|tick|inched|inches|edged|edges|crept|creeps|went|goes|gone|moved|moves|"
    r"shot|jumped|jumps|climbed|climbs|ramped|trended|rose|risen|rises|bumped|ratcheted|pushed|"
    r"drifted|crawled|spiked|surged|soared|crept|dropped|fell|slipped|dipped|came|comes)"
    r"\s+(?:(?:back\s+)?(?:up|down)|back)\s+(?=to\s+(?:[a-z]+\s+){0,3}$)",
    re.I,
)
_ONE_HEDGE = [(q, re.compile(rf"\b(?:{alts})\b", re.I)) for q, alts in _HEDGES]
_POST_HEDGE = re.compile(
    r"^(?:\s*-?\s*plus\b|\s+(?:or|and) (?P<more>more|higher|greater|above|over)\b|\s+(?:or|and) (?P<less>fewer|less|lower|below|under)\b|\s+or so\b|\+)",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    """A number phrase's value: `low == high` for one value; `unit` is count, percent or usd."""

    low: float
    high: float
    unit: str = "count"
    is_range: bool = False


@dataclass(frozen=True)
class NumberMatch:
    """A number phrase found in a text, with character offsets into that text.

    `spelled` is True when every number in it is a word ("seven thousand"); `plain_int` is the
    numeral as written when the phrase is one bare integer with no grouping comma ("2018", "42"),
    which is what years, station numbers and road numbers look like.
    """

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str = "count"
    is_range: bool = False
    spelled: bool = False
    plain_int: str | None = None


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    num: str | None = None
    suffix: str | None = None

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokenize(text: str) -> list[_Tok]:
    masked = [(m.start(), m.end()) for m in _MASKS.finditer(text)]
    toks = []
    for m in _TOKEN.finditer(text):
        if masked and any(s <= m.start() < e for s, e in masked):
            continue
        toks.append(_Tok(m.group(0), m.start(), m.end(), m.group("num"), m.group("suffix")))
    return toks


def _numeral_value(num: str) -> float:
    return float(num.replace(",", ""))


def _suffix_scale(suffix: str | None) -> float | None:
    if suffix is None:
        return 1.0
    return SUFFIX_SCALES.get(suffix)


class _Parser:
    """Reads number phrases off a token list; each `read_*` returns (value info, next index)."""

    def __init__(self, text: str, toks: list[_Tok]):
        self.text = text
        self.toks = toks

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def low(self, i: int) -> str:
        t = self.tok(i)
        return t.low if t else ""

    def gap(self, i: int) -> str:
        """The characters between token i-1 and token i."""
        a, b = self.tok(i - 1), self.tok(i)
        if a is None or b is None:
            return ""
        return self.text[a.end : b.start]

    def adjacent(self, i: int) -> bool:
        return self.gap(i) == ""

    # --- one number ---------------------------------------------------------------------------

    def _mixed_fraction(self, j: int) -> tuple[float, int] | None:
        """The "1/2" of "3 1/2" (a fraction after a space, smaller than one), or "½"."""
        t = self.tok(j)
        if t is not None and t.text in _VULGAR:
            return _VULGAR[t.text], j + 1
        slash, denom = self.tok(j + 1), self.tok(j + 2)
        if (
            t is None or t.num is None or t.suffix or self.gap(j) != " "
            or slash is None or slash.text != "/" or not self.adjacent(j + 1)
            or denom is None or not denom.num or not self.adjacent(j + 2)
        ):  # fmt: skip
            return None
        num, den = _numeral_value(t.num), _numeral_value(denom.num)
        if den == 0 or num >= den:
            return None
        return num / den, j + 3

    def read_core(self, i: int) -> tuple[float, int, dict] | None:
        """One number at token i: a numeral (with scale words) or a run of number words."""
        t = self.tok(i)
        if t is None:
            return None
        info: dict[str, Any] = {"spelled": False, "scale": 1.0, "plain_int": None}
        if t.num is not None:
            scale = _suffix_scale(t.suffix)
            if t.suffix is not None and t.suffix.lower() in GLUED_UNITS:
                scale, info["glued_unit"] = 1.0, GLUED_UNITS[t.suffix.lower()]
            if scale is None:
                return None  # "2nd", "4th": ordinals are not counts
            value = _numeral_value(t.num) * scale
            if t.suffix is None and re.fullmatch(r"\d+", t.num):
                info["plain_int"] = t.num
            j = i + 1
            slash, denom = self.tok(j), self.tok(j + 1)
            if (
                slash is not None and slash.text == "/" and self.adjacent(j) and denom is not None
                and denom.num and not denom.suffix and self.adjacent(j + 1)
                and _numeral_value(denom.num) != 0 and scale == 1.0
            ):  # fmt: skip
                info["plain_int"] = None
                info["fraction"] = True
                return value / _numeral_value(denom.num), j + 2, info
            mixed = self._mixed_fraction(j)
            if mixed is not None and t.suffix is None and re.fullmatch(r"\d+", t.num):
                info["plain_int"] = None
                return value + mixed[0], mixed[1], info  # "3 1/2 pounds"
            # Scale words after a numeral: "1.2 million", "322 hundred", "3 hundred".
            while self.low(j) in SCALES and not self.low(j).endswith("s"):
                value *= SCALES[self.low(j)]
                info["scale"] *= SCALES[self.low(j)]
                info["plain_int"] = None
                j += 1
            after = self.tok(j)
            if (
                after is not None
                and after.low in ("bln", "tln", "mil", "mln", "bn")
                and not after.num
            ):
                value *= SUFFIX_SCALES[self.low(j)]
                info["plain_int"] = None
                j += 1
            if scale != 1.0:
                info["scale"] = scale
                info["plain_int"] = None
            if self.low(j) in DOZEN:
                value *= 12
                info["plain_int"] = None
                j += 1
            # "3 hundred and 21", "4 thousand 3 hundred": a smaller number after a scale word.
            halfway = self.low(j) == "and" and self.low(j + 1) in ("a", "an", "one")
            if info["scale"] > 1 and halfway and self.low(j + 2) in ("half", "quarter"):
                value += FRACTIONS[self.low(j + 2)] * info["scale"]  # "3 million and a half"
                j += 3
            elif info["scale"] > 1 and scale == 1.0 and self.tok(j) is not None:
                k = j + 1 if self.low(j) == "and" else j
                rest = self.read_core(k) if self.low(k) not in ("a", "an") else None
                if rest is not None and rest[0] < info["scale"] and rest[0] >= 1:
                    value += rest[0]
                    j = rest[1]
            return value, j, info
        return self.read_words(i, info)

    def read_words(self, i: int, info: dict) -> tuple[float, int, dict] | None:
        """A run of number words: "one hundred and twelve", "two and a half million"."""
        items: list[tuple[str, float]] = []
        j = i
        while True:
            w = self.low(j)
            if w in ("a", "an"):
                nxt = self.low(j + 1)
                if items and items[-1][0] == "frac" and nxt in SCALES | DOZEN.keys():
                    j += 1  # "half a million", "half a dozen"
                    continue
                if not items and nxt in ("half", "quarter"):
                    items.append(("skip", 0))  # "a half"
                    j += 1
                    continue
                if nxt in SCALES or nxt in DOZEN or (nxt in ("half", "quarter") and items):
                    items.append(("num", 1.0) if nxt not in ("half", "quarter") else ("skip", 0))
                    j += 1
                    continue
                break
            simple = len(items) == 1 and items[0][0] == "num" and items[0][1] <= 10
            if w in DENOMINATORS and simple and (w not in ("half", "quarter") or items[0][1] > 1):
                items = [("num", items[0][1] / DENOMINATORS[w])]  # "two thirds", "one sixth"
                j += 1
                break
            if w == "one" and self.low(j - 1) == "and" and self.low(j + 1) in ("half", "quarter"):
                items.append(("skip", 0))  # "two million and one half"
                j += 1
                continue
            if w in UNITS:
                if items and items[-1][0] == "num" and items[-1][1] < 20 and not self._after_and(j):
                    break  # "three three" is two numbers
                items.append(("num", float(UNITS[w])))
            elif w in TENS:
                if items and items[-1][0] == "num" and items[-1][1] < 100:
                    break
                items.append(("num", float(TENS[w])))
            elif w in SCALES:
                items.append(("scale", float(SCALES[w])))
            elif w in DOZEN:
                if w.endswith("s") and not items:
                    break  # "dozens of": vague, not a value
                items.append(("dozen", 12.0))
            elif w in ("half", "quarter"):
                prev_a = bool(items) and items[-1][0] == "skip"
                if not items or prev_a or self.low(j + 1) in ("a", "an"):
                    items.append(("frac", FRACTIONS[w]))
                else:
                    break
            elif w in ("-", "–") and items and self._hyphen_joins(j, items):
                j += 1
                continue
            elif w == "and" and items and self._and_joins(j, items):
                items.append(("and", 0))
                j += 1
                continue
            elif w == "point" and items and self._word_num(j + 1):
                frac, j2 = self._decimal_words(j + 1)
                items.append(("dec", frac))
                j = j2
                continue
            else:
                break
            j += 1
        while items and items[-1][0] in ("and", "skip"):
            items.pop()
            j -= 1
            while self.low(j) not in ("and", "a", "an") and j > i:
                j -= 1
        if not items or all(k in ("and", "skip") for k, _ in items):
            return None
        if items == [("scale", 100.0)] or items[0][0] == "scale" and self.low(i) != "a":
            # A bare "hundred"/"thousands" with no count is vague ("by the hundreds").
            return None
        value = _evaluate(items)
        info["spelled"] = True
        info["scale"] = max((v for k, v in items if k in ("scale", "dozen")), default=1.0)
        return value, j, info

    def _after_and(self, j: int) -> bool:
        return self.low(j - 1) == "and"

    def _word_num(self, j: int) -> bool:
        return self.low(j) in UNITS or self.low(j) in TENS

    def _decimal_words(self, j: int) -> tuple[float, int]:
        digits = ""
        while self._word_num(j):
            w = self.low(j)
            if w in TENS and self.low(j + 1) in ("-", "–") and self.low(j + 2) in UNITS:
                digits += str(TENS[w] + UNITS[self.low(j + 2)])
                j += 3
                continue
            digits += str(UNITS.get(w, TENS.get(w)))
            j += 1
        return float("0." + digits), j

    def _hyphen_joins(self, j: int, items: list) -> bool:
        prev, nxt = items[-1], self.low(j + 1)
        if len(items) == 1 and prev[0] == "num" and prev[1] <= 10 and nxt in DENOMINATORS:
            return True  # "one-fifth", "two-thirds"
        if prev[0] == "num" and prev[1] in TENS.values() and nxt in UNITS and UNITS[nxt] < 10:
            return True
        return prev[0] == "num" and (
            nxt in SCALES or nxt in ("dozen",)
        )  # "two-thousand", "two-dozen"

    def _and_joins(self, j: int, items: list) -> bool:
        """'and' joins number words only after a scale ("one hundred and twelve") to a smaller
        number, or before "a half" ("two and a half"); "forty and fifty" stays two numbers."""
        nxt = self.low(j + 1)
        if nxt in ("a", "an", "one") and self.low(j + 2) in ("half", "quarter"):
            return True
        if items[-1][0] != "scale":
            return False
        last_scale = items[-1][1]
        # The words after "and" must not reach the scale before it ("one hundred and two hundred").
        k = j + 1
        following_scale = 0.0
        saw_num = False
        while self.low(k) in NUMBER_WORDS or self.low(k) in ("-", "–"):
            w = self.low(k)
            if w in SCALES:
                following_scale = max(following_scale, SCALES[w])
            if w in UNITS or w in TENS:
                saw_num = True
            k += 1
        return saw_num and following_scale < last_scale


def _evaluate(items: list[tuple[str, float]]) -> float:
    total = 0.0
    current = 0.0
    frac_pending = 0.0
    last_scale = 1.0
    for kind, v in items:
        if kind == "frac" and not current and total and last_scale >= 1000:
            total += v * last_scale  # "one million and a half"
            continue
        if kind == "scale":
            last_scale = v
        if kind == "num":
            current += v
        elif kind == "frac":
            if current:
                current += v  # "two and a half"
            else:
                frac_pending = v  # "half a million"
        elif kind == "dec":
            current += v
        elif kind == "dozen":
            current = (current or frac_pending or 1) * 12
            frac_pending = 0.0
        elif kind == "scale":
            base = current or frac_pending or 1
            frac_pending = 0.0
            if v == 100:
                current = base * 100
            else:
                total += base * v
                current = 0.0
    return total + current + frac_pending


# --- phrases -------------------------------------------------------------------------------------


def _read_unit(p: _Parser, j: int) -> tuple[str | None, int]:
    """A unit right after a number: %, percent, per cent, percentage points, dollars, cents;
    hyphenated too ("a 36-percent increase", "a 2.5-cent rise")."""
    hyphen = p.low(j) in ("-", "‐") and p.adjacent(j) and p.adjacent(j + 1)
    if hyphen and p.low(j + 1) in ("percent", "cent", "cents", "percentage"):
        unit, k = _read_unit(p, j + 1)
        if unit:
            return unit, k
    w = p.low(j)
    if w == "%":
        return "percent", j + 1
    if w in ("percent", "percents", "pct"):
        return "percent", j + 1
    if w == "per" and p.low(j + 1) == "cent":
        return "percent", j + 2
    if w in ("percentage", "percent") and p.low(j + 1) in ("point", "points"):
        return "percentage_points", j + 2
    if w == "percentage":
        return "percent", j + 1
    if w in _MONEY_WORDS:
        return "usd", j + 1
    if w in ("cents", "cent"):
        return "cents", j + 1
    return None, j


def _read_phrase(p: _Parser, i: int) -> tuple[dict, int] | None:
    """A whole number phrase starting at token i, or None."""
    start_i = i
    unit = None
    negative = False
    if p.low(i) in ("minus", "negative"):
        negative = True
        i += 1
    if (cur := p.tok(i)) is not None and cur.text in CURRENCY_PREFIX:
        unit = "usd"
        i += 1
    elif p.low(i) == "-" and (nxt := p.tok(i + 1)) is not None and nxt.num is not None:
        before = p.tok(i - 1)
        if before is None or (not before.text[-1].isalnum() and before.text not in ")]"):
            negative = True
            i += 1
    core = p.read_core(i)
    if core is None:
        return None
    low, j, info = core
    if negative:
        low = -low  # "between negative ten and fifteen": the sign is the first bound's
    high = low
    is_range = False
    of_unit = _fraction_of_unit(p, j) if 0 < low < 1 else None
    if of_unit is not None:
        unit, j = of_unit  # "two-tenths of 1 percent" is 0.2 percent, one claim
    u, j2 = _read_unit(p, j)
    first_unit = u
    if u:
        j = j2
    # A range: "40-50", "29 to 32 percent", "two to three hundred", "$4 to $5 million".
    sep = p.low(j)
    joined = sep in _RANGE_WORDS and not (sep in "-–—" and p.tok(j + 1) is None)
    if sep == "and" and p.low(start_i - 1) == "between":
        joined = True
    nxt_tok = p.tok(j + 1)
    if sep in ("-", "–", "—") and nxt_tok is not None and nxt_tok.text[:1].isupper():
        joined = False  # "7-Eleven": a name, not a range
    if sep in ("-", "–", "—") and p.gap(j) != p.gap(j + 1):
        joined = False  # "1000 - 5000" and "40-50" are ranges; "40 -50" is not
    if joined and sep == "to" and p.low(start_i - 1) == "from" and not _is_range_from(p, start_i):
        joined = False  # "rose from 20 to 30": two values, not a range
    if joined and sep == "to" and p.low(start_i - 1) == "by":
        joined = False  # "grew by 0.4 percent to 618,639": a change, then the new level
    if joined:
        k = j + 1
        if (at_k := p.tok(k)) is not None and at_k.text in CURRENCY_PREFIX:
            k += 1
        second = p.read_core(k)
        if second is not None:
            u2, _k3 = _read_unit(p, second[1])
            if first_unit and not u2 and sep == "to":
                second = None  # "0.4 percent to 618,639": a percent is not a range's bound
        if second is not None:
            high, k2, info2 = second
            u2, k3 = _read_unit(p, k2)
            if (u2 or first_unit) and not (u2 and first_unit and u2 != first_unit):
                unit = unit or u2 or first_unit
                k2 = k3 if u2 else k2
            # Distribute a scale written once: "two to three hundred", "5 to 10 million".
            s = info2["scale"]
            if info["scale"] == 1.0 and s > 1 and low * s <= high:
                low *= s
            year_then_count = (
                info.get("plain_int") is not None
                and 1900 <= low <= 2100
                and not first_unit
                and high > 3000
                and (p.low(start_i - 1) or "").rstrip(".") in _MONTH_WORDS
            )  # "from 88,310 in April 2010 to 95,204": a date, then the next value
            if high >= low and not year_then_count:
                is_range = True
                j = k2
                info["spelled"] = info["spelled"] and info2["spelled"]
                info["plain_int"] = None
            else:
                high = low
    if not is_range and first_unit:
        unit = unit if unit == "usd" and first_unit == "usd" else (unit or first_unit)
    if unit == "cents":
        low, high, unit = low / 100, high / 100, "usd"
    if unit is None and first_unit is None:
        unit = info.get("glued_unit") or "count"
    low, high = min(low, high), max(low, high)
    return {
        "low": low,
        "high": high,
        "unit": unit or first_unit or "count",
        "is_range": is_range,
        "spelled": info["spelled"],
        "plain_int": info["plain_int"] if unit == "count" and not negative else None,
    }, j


def _fraction_of_unit(p: _Parser, j: int) -> tuple[str, int] | None:
    """ "of 1 percent", "of a point", "of a cent" after a fraction: the fraction's unit."""
    if p.low(j) != "of" or p.low(j + 1) not in ("a", "an", "one", "1"):
        return None
    if p.low(j + 2) in ("point", "points"):
        return "percentage_points", j + 3
    if p.low(j + 2) == "percentage" and p.low(j + 3) in ("point", "points"):
        return "percentage_points", j + 4
    unit, k = _read_unit(p, j + 2)
    return (unit, k) if unit else None


def _is_range_from(p: _Parser, start_i: int) -> bool:
    """ "from X to Y" is a range after "range(d)"/"anywhere", else a change between two values."""
    prev = p.tok(start_i - 1)
    assert prev is not None  # the caller saw "from" there
    before = p.text[max(0, prev.start - 30) : prev.start]
    return not _CHANGE_VERBS.search(before)


def _unit_priority(unit: str) -> int:
    return {"percent": 2, "usd": 2}.get(unit, 0)


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number phrase in `text`, in order, with offsets into `text`."""
    toks = _tokenize(text)
    p = _Parser(text, toks)
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        first = t.low
        if not (
            t.num is not None
            or first in NUMBER_WORDS
            or first in ("a", "an", "minus", "negative", "-")
            or t.text in CURRENCY_PREFIX
        ):
            i += 1
            continue
        got = _read_phrase(p, i)
        if got is None:
            i += 1
            continue
        info, j = got
        s, e = toks[i].start, toks[j - 1].end
        out.append(
            NumberMatch(
                start=s,
                end=e,
                text=text[s:e],
                low=info["low"],
                high=info["high"],
                unit=info["unit"],
                is_range=info["is_range"],
                spelled=info["spelled"],
                plain_int=info["plain_int"],
            )
        )
        i = max(j, i + 1)
    return _ratios(text, _share_units(text, out))


def _ratios(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """ "4 in 10 adults", "one out of five": a share, read as a percent (40, 20)."""
    out: list[NumberMatch] = []
    k = 0
    while k < len(found):
        a = found[k]
        b = found[k + 1] if k + 1 < len(found) else None
        if (
            b is not None
            and re.fullmatch(r"\s+(?:in|out of)\s+", text[a.end : b.start])
            and a.unit == b.unit == "count"
            and not (a.is_range or b.is_range)
            and 0 < a.low < b.low <= 1000
            and float(a.low).is_integer()
            and float(b.low).is_integer()
        ):
            value = a.low / b.low * 100
            out.append(NumberMatch(a.start, b.end, text[a.start : b.end], value, value, "percent",
                                   spelled=a.spelled and b.spelled))  # fmt: skip
            k += 2
            continue
        out.append(a)
        k += 1
    return out


def _share_units(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """ "from 20 to 30 percent": the first value takes the unit written once after the second."""
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        between = text[a.end : b.start]
        shared = a.unit == "count" and b.unit != "count" and re.fullmatch(r"\s+to\s+\$?", between)
        if shared and re.search(r"(?i)\bfrom\s+\$?$", text[: a.start]):
            out[k] = replace(a, unit=b.unit, plain_int=None)
    return out


def parse_number(text: str) -> float | None:
    """The value of one number as written, or None when `text` is not exactly one number."""
    toks = _tokenize(text.strip())
    if not toks:
        return None
    p = _Parser(text.strip(), toks)
    negative = False
    i = 0
    if p.low(0) in ("minus", "negative") or (p.low(0) == "-" and len(toks) > 1):
        negative, i = True, 1
    core = p.read_core(i)
    if core is None or core[1] != len(toks):
        return None
    return -core[0] if negative else core[0]


def parse_quantity(text: str) -> Quantity | None:
    """The value of a number phrase as written ("$4.5 million", "29 to 32 percent")."""
    clean = text.strip()
    m = re.match(r"(?i)between\s+", clean)
    if m:
        clean = clean[m.end() :]
        toks = _tokenize(clean)
        p = _Parser(clean, toks)
        p.toks.insert(0, _Tok("between", -1, -1))
        got = _read_phrase(p, 1)
        end_ok = got is not None and got[1] == len(p.toks)
    else:
        toks = _tokenize(clean)
        p = _Parser(clean, toks)
        got = _read_phrase(p, 0) if toks else None
        end_ok = got is not None and got[1] == len(toks)
    if got is None or not end_ok:
        return None
    info = got[0]
    return Quantity(info["low"], info["high"], info["unit"], info["is_range"])


def read_qualifier(sent_text: str, m: NumberMatch) -> tuple[str, str | None, int, int]:
    """(qualifier, hedge as written, start, end) of number match `m` in `sent_text`.

    The qualifier is one of the contract's: exact, approximately, more_than, at_least, less_than,
    at_most, almost, range. Start and end widen the match over the hedge words ("more than 1500",
    "300 or more", "between 40 and 50").
    """
    before = sent_text[max(0, m.start - 60) : m.start]
    moved = _MOVED_TO.search(before)
    if moved:
        before = before[moved.end() :]  # "ticked up to 3.2 percent": where it went, no limit
    hm = _HEDGE_RE.search(before)
    start, end = m.start, m.end
    qualifier = "exact"
    hedge = None
    if hm:
        written = re.sub(r"\s+an?$", "", hm.group(0).strip(), flags=re.I)  # "about a 9 percent"
        # Stacked hedges ("under as much as", "approximately about"): the one nearest the
        # number decides; the longest phrase that ends the run wins ("just about", "well over").
        best: tuple[int, int] | None = None
        for q, rx in _ONE_HEDGE:
            for hit in rx.finditer(written):
                key = (hit.end(), hit.end() - hit.start())
                if hit.end() == len(written) and (best is None or key > best):
                    best, qualifier = key, q
        if best is None:
            for q, rx in _ONE_HEDGE:
                if rx.search(written):
                    qualifier = q
                    break
        if written.lower() in ("some",) and m.spelled and m.low < 10:
            written = ""
        if written:
            hedge = written.lower()
            start = (
                m.start - len(before) + hm.start() + (len(hm.group(0)) - len(hm.group(0).lstrip()))
            )
        else:
            qualifier = "exact"
    post = _POST_HEDGE.match(sent_text[m.end :])
    if post and qualifier in ("exact", "approximately"):
        text = post.group(0)
        if post.group("less"):
            qualifier = "at_most"
        elif "so" in text:
            qualifier = "approximately"
        elif "plus" in text.lower() or text.strip() == "+" or post.group("more"):
            qualifier = "more_than" if "plus" in text.lower() or text.strip() == "+" else "at_least"
        end = m.end + len(text)
    if m.is_range:
        qualifier = "range"
        lead = re.search(r"\b(?:between|from)\s+\$?$", sent_text[:start], re.I)
        if lead and not (hedge and start < m.start):
            start = lead.start()
    return qualifier, hedge, start, end
