"""numbers.py against Microsoft Recognizers-Text's English number, percent and range specs.

In scope is what a local newsroom writes. Out of scope, each for a stated reason (`out_of_scope`):
fractions and ratios ("two thirds", "1/4", "one over three", "one in five": a share, not a count,
and "1/4" reads as a date), powers and scientific notation ("1.1^23", "1e10": not news prose),
South Asian scales ("lakh", "crore": US local news), European and Indian digit grouping
("1.111,11", "12,34,567", "5,00", "1,3"), digits grouped by spaces ("1 234 567": clashes with
two numbers side by side), Unicode vulgar fractions, lists of numbers run together by commas
("22,24,26,31"), SI-like suffixes beyond k/M/B ("10G", "1,674.5 G"), and
comparisons written as symbols or as two comparatives ("x>10", "larger than 20 and less than 35",
"equal to 20"). Cases the upstream Python port marks NotSupported are scored and counted apart.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import pytest

from factcheck import numbers

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "recognizers-text"

_OUT = [
    ("fraction or ratio", re.compile(
        r"(?i)\b(?:halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|"
        r"tenths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?|twenty-firsts?|"
        r"firsts|twenty[- ]fifth|twenty first|thirtieth|over|out of)\b|\d\s*/\s*\d|\b\d+ in \d+|"
        r"\b(?:one|1) in\b")),
    ("power or scientific notation", re.compile(r"\^|\d[eE][-+]?\d|x10")),
    ("South Asian scales", re.compile(r"(?i)lakh|crore")),
    ("European or Indian grouping", re.compile(r"\d\.\d{3},\d|\d,\d{2},\d|\b5,00\b|\b1,3\.|\d,\d{1,2}(?!\d)")),
    ("digits grouped by spaces", re.compile(r"\d[ \u202f]\d{3}\b")),
    ("vulgar fraction characters", re.compile(r"[½⅓⅔¼¾⅙⅛]")),
    ("numbers run together by commas", re.compile(r"\d,\d+,\d+,\d+\.$|nrs\.")),
    ("unusual scale suffix", re.compile(r"\d\s*[GT]\b|\d\s+[kmMbB]\b|dzs|dozs|mil\b|MM\b|mm\b|bln|tln")),
    ("symbolic or two-sided comparison", re.compile(
        r"[<>=~]|(?i:equal|larger|bigger|higher|lower|smaller|greater than \d+ and|above \w+ and|"
        r"exceed|surpass|tenth|2 in 5|or greater|or less|or equal)")),
    ("two comparisons joined", re.compile(
        r"(?i)\b(?:than|most|least)\s+[\w,.-]+\s+and\s+(?:no\s+|at\s+)?(?:more|less|fewer|most|least|greater|smaller)")),
    ("percent written before its number", re.compile(r"(?i)^per\s?cents? of")),
    ("dotted identifiers (IP addresses, versions)", re.compile(r"\d+\.\d+\.\d+")),
    ("digits read one by one", re.compile(r"(?i)nought-|\w+-nought")),
    ("ordinal-shaped words", re.compile(r"(?i)millionth")),
]  # fmt: skip


def out_of_scope(text: str) -> str | None:
    """The reason a case is outside a newsroom's numbers, or None when it is in scope."""
    for reason, rx in _OUT:
        if rx.search(text):
            return reason
    return None


def _not_supported_python(case: dict) -> bool:
    marks = (case.get("NotSupported", "") + "," + case.get("NotSupportedByDesign", "")).lower()
    return "python" in marks


def load(name: str) -> list[dict]:
    path = EVAL / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing")
        pytest.skip(f"shared eval material not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _overlapping(found: list[numbers.NumberMatch], start: int, end: int):
    return [m for m in found if m.start < end and start < m.end]


def score_numbers(cases: list[dict], percent: bool = False) -> dict:
    """Value accuracy per expected result: the match overlapping the expected span has its value."""
    tally = {"in_scope": [0, 0], "not_supported_python": [0, 0], "out_of_scope": {}, "misses": []}
    for case in cases:
        text = case["Input"]
        results = [r for r in case["Results"] if r["Resolution"].get("value") not in (None, "null")]
        if not results:
            continue
        reason = out_of_scope(text)
        found = numbers.find_numbers(text)
        for r in results:
            expected = float(r["Resolution"]["value"].rstrip("%"))
            got = _overlapping(found, r["Start"], r["End"] + 1)
            ok = any(_close(m.low, expected) for m in got)
            if percent:
                ok = ok and any(m.unit == "percent" for m in got)
            if reason:
                cell = tally["out_of_scope"].setdefault(reason, [0, 0])
            elif _not_supported_python(case):
                cell = tally["not_supported_python"]
            else:
                cell = tally["in_scope"]
                if not ok:
                    tally["misses"].append((text, r["Text"], expected, [m.low for m in got]))
            cell[0] += ok
            cell[1] += 1
    return tally


_INTERVAL = re.compile(r"^([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])$")


def score_ranges(cases: list[dict]) -> dict:
    """Ranges and one-sided comparisons: the bounds the qualifier gives match the interval's."""
    tally = {"in_scope": [0, 0], "out_of_scope": {}, "misses": []}
    for case in cases:
        text = case["Input"]
        found = numbers.find_numbers(text)
        for r in case["Results"]:
            m = _INTERVAL.match(r["Resolution"]["value"])
            lo = float(m.group(2)) if m and m.group(2) else None
            hi = float(m.group(3)) if m and m.group(3) else None
            reason = out_of_scope(text)
            got = _overlapping(found, r["Start"], r["End"] + 1)
            ok = False
            for g in got:
                qualifier, _hedge, _s, _e = numbers.read_qualifier(text, g)
                bounds = {
                    "range": (g.low, g.high),
                    "more_than": (g.low, None),
                    "at_least": (g.low, None),
                    "less_than": (None, g.high),
                    "at_most": (None, g.high),
                }.get(qualifier)
                if bounds is None:
                    continue
                ok = ok or (
                    (bounds[0] is None) == (lo is None)
                    and (bounds[1] is None) == (hi is None)
                    and (lo is None or _close(bounds[0], lo))
                    and (hi is None or _close(bounds[1], hi))
                )
            if reason:
                cell = tally["out_of_scope"].setdefault(reason, [0, 0])
            else:
                cell = tally["in_scope"]
                if not ok:
                    tally["misses"].append((text, r["Text"], r["Resolution"]["value"]))
            cell[0] += ok
            cell[1] += 1
    return tally


def test_number_and_percent_in_scope_value_accuracy():
    tally = score_numbers(load("NumberModel.json"))
    pct = score_numbers(load("PercentModel.json"), percent=True)
    right = tally["in_scope"][0] + pct["in_scope"][0]
    total = tally["in_scope"][1] + pct["in_scope"][1]
    assert total >= 80, "in-scope set too small to mean anything"
    assert right / total >= 0.95, (right, total, tally["misses"] + pct["misses"])


def test_number_range_in_scope_value_accuracy():
    tally = score_ranges(load("NumberRangeModel.json"))
    right, total = tally["in_scope"]
    assert total >= 20
    assert right / total >= 0.95, (right, total, tally["misses"])


def test_out_of_scope_reasons_are_named():
    cases = load("NumberModel.json")
    reasons = {out_of_scope(c["Input"]) for c in cases} - {None}
    assert "fraction or ratio" in reasons and "South Asian scales" in reasons
