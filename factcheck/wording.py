"""How a check's gap between claim and record is said to a reporter, and whether it is a demo.

"Error %" means nothing for a change ("-557.5%" for "7,000 fewer" against "+1,530"): the
difference is said in words instead ("claimed 7,000 fewer; the record shows 1,530 more: wrong
direction"). Used by the Check page, the exports and the on-air graphics alike.
"""

from __future__ import annotations

import math
import re
from functools import cache

from factcheck.config import PROJECT_ROOT
from factcheck.models import Check, Claim

ENGLISH_WORDS = PROJECT_ROOT / "data" / "lang" / "english_words.txt"
_WORD = re.compile(r"[^\W\d_]+")

# Bidi controls (embeddings, overrides, isolates, marks) reorder what a reader sees: "Mayor
# Jane" after U+202E shows reversed. Shown text never needs them to be read, so they go.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# A source naming itself illustrative, or a URL on the reserved `.invalid` domain, is demo data.
_DEMO_WORDS = ("illustrative", "demo figure")


_QUALIFIER_WORDS = {
    "approximately": "about",
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "less than",
    "at_most": "at most",
    "almost": "almost",
}


def is_demo(check: Check) -> bool:
    """True when the check's official figure comes from the bundled illustrative demo data."""
    source = (check.source or "").lower()
    url = (check.source_url or "").lower()
    return any(w in source for w in _DEMO_WORDS) or ".invalid/" in url or url.endswith(".invalid")


def number(value: float, unit: str | None = None) -> str:
    """1530 -> "1,530"; 5.1 percent -> "5.1%"; 4500000 usd -> "$4,500,000"."""
    if value is None or not math.isfinite(value):
        return "a number too large to show"
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if unit == "percent":
        return shown + "%"
    if unit == "usd":
        return "$" + shown
    return shown


def _signed_claim(claim: Claim) -> tuple[float, float]:
    """The claimed change as signed numbers (low, high): "7000 fewer" -> (-7000, -7000)."""
    sign = -1.0 if claim.direction == "down" else 1.0
    return sign * claim.low, sign * claim.high


def _change_words(low: float, high: float, claim: Claim) -> str:
    """A signed change said plainly: "7,000 fewer", "up 29 to 32%"."""
    unit = "percent" if claim.change == "percent_change" else claim.unit
    size = number(abs(low), unit)
    if abs(high - low) > 0:
        size = f"{number(abs(low), None)} to {number(abs(high), unit)}"
    if claim.change == "percent_change":
        return f"{'down' if low < 0 else 'up'} {size}"
    return f"{size} {'fewer' if low < 0 else 'more'}"


def describe_error(claim: Claim, check: Check) -> str:
    """The gap between claim and record in a reporter's words; "" when nothing was compared."""
    official = check.official
    if official is None or check.verdict == "unverifiable":
        return ""
    if not (math.isfinite(official) and math.isfinite(claim.low) and math.isfinite(claim.high)):
        return "a number too large to compare"
    if claim.change in ("difference", "percent_change"):
        low, high = _signed_claim(claim)
        claimed = _change_words(low, high, claim)
        record = "no change" if official == 0 else _change_words(official, official, claim)
        head = f"claimed {claimed}; the record shows {record}"
        if official != 0 and (low < 0) != (official < 0):
            return f"{head}: wrong direction"
        if check.verdict == "accurate":
            return f"{head}: matches"
        unit = "percent" if claim.change == "percent_change" else claim.unit
        gap = min(abs(low - official), abs(high - official))
        points = " points" if claim.change == "percent_change" else ""
        return f"{head}: off by {number(gap, None if points else unit)}{points}"
    claimed = number(claim.low, claim.unit)
    if claim.high != claim.low:
        claimed = f"{number(claim.low, None)} to {number(claim.high, claim.unit)}"
    elif claim.qualifier in _QUALIFIER_WORDS:
        claimed = f"{_QUALIFIER_WORDS[claim.qualifier]} {claimed}"
    head = f"claimed {claimed}; the record shows {number(official, claim.unit)}"
    if check.verdict == "accurate":
        return f"{head}: matches"
    if check.error_pct is None or not math.isfinite(check.error_pct):
        return head
    side = "over" if check.error_pct > 0 else "under"
    return f"{head}: {abs(check.error_pct):.1f}% {side} the record"


@cache
def _english_words() -> frozenset[str]:
    lines = ENGLISH_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def looks_english(text: str) -> bool:
    """False when a text of some length has almost none of English's commonest words (see
    data/lang/README.md): the English pipeline would misread it ("1.500 armas" as 1.5)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 12:
        return True  # too short to tell; a headline or a one-line script
    known = _english_words()
    return sum(w in known for w in words) / len(words) >= 0.10
