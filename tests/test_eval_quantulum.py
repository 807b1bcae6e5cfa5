"""numbers.py against quantulum3's English quantity cases: the values of counts and percentages.

quantulum3 reports its own idea of a quantity (years, model numbers, "Voyager 2"); here only the
value is checked, for every count ("dimensionless") and percentage the peer lists, on the span it
reports. Its ranges are reported as their middle value, so a range of ours is compared by its
middle too. Out of scope, with the reason: scientific notation ("2.48×10−5": not news prose), and
a decade written as "the 1960s" (a time reference whose value is not a count).
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import pytest

from factcheck import numbers

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "quantulum3"
UNITS = ("dimensionless", "percentage")
_OUT = [
    ("scientific notation", re.compile(r"×10|\de[-+]?\d")),
    ("decade as a time reference", re.compile(r"^\d{4}$")),
]


def load() -> list[dict]:
    path = EVAL / "quantities.json"
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing")
        pytest.skip(f"shared eval material not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def out_of_scope(sentence: str, surface: str) -> str | None:
    if _OUT[0][1].search(surface):
        return _OUT[0][0]
    if _OUT[1][1].search(surface) and re.search(re.escape(surface) + r"s\b", sentence):
        return _OUT[1][0]
    return None


def cases() -> list[tuple[str, str, float, int]]:
    """(sentence, surface, value, start) for every count and percentage the peer lists."""
    out = []
    for case in load():
        pos = 0
        for r in case["res"]:
            if r["unit"] not in UNITS:
                continue
            start = case["req"].find(r["surface"], pos)
            if start < 0:
                start = case["req"].find(r["surface"])
            pos = max(pos, start)
            out.append((case["req"], r["surface"], float(r["value"]), start))
    return out


def score() -> dict:
    tally = {"right": 0, "total": 0, "out_of_scope": {}, "misses": []}
    for sentence, surface, value, start in cases():
        reason = out_of_scope(sentence, surface)
        if reason:
            tally["out_of_scope"][reason] = tally["out_of_scope"].get(reason, 0) + 1
            continue
        end = start + len(surface)
        found = [m for m in numbers.find_numbers(sentence) if m.start < end and start < m.end]
        ok = any(math.isclose((m.low + m.high) / 2, value, rel_tol=1e-6) for m in found)
        tally["right"] += ok
        tally["total"] += 1
        if not ok:
            tally["misses"].append((sentence, surface, value, [(m.low, m.high) for m in found]))
    return tally


def test_counts_and_percentages_value_accuracy():
    tally = score()
    assert tally["total"] >= 25
    assert tally["right"] / tally["total"] >= 0.90, tally["misses"]


def test_percent_unit_is_read():
    found = numbers.find_numbers("It increased by 35% by the end of the 1960s")
    assert [(m.text, m.unit) for m in found] == [("35%", "percent")]
