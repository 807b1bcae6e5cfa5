"""The metrics catalogue's vocabulary: how a story's words name a series and a place.

Used by both the importer (`figures`, `sources`: the aliases stored with each metric and place)
and the checker (`verify`: the aliases a sentence is searched for). It imports neither, which
breaks the figures <-> verify import circle: the importer returns the metrics it touched and its
caller re-checks the claims they affect.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

from factcheck import lexicon
from factcheck.models import Metric
from factcheck.places import place_variants

# Built-in synonyms (DESIGN.md): a claim about a "firearm" matches a series aliased "gun".
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"gun", "firearm", "weapon"}),
    frozenset({"crime", "offense", "offence"}),
    frozenset({"homicide", "murder", "killing"}),
    frozenset({"shooting", "gunfire"}),
    frozenset({"arrest", "apprehension"}),
)
# Words in a metric's id that say how it is counted, not what ("guns_seized" is about guns).
GENERIC_WORDS = frozenset(
    [
        "seized",
        "reported",
        "recorded",
        "total",
        "number",
        "count",
        "counts",
        "of",
        "per",
        "rate",
        "ytd",
        "annual",
        "monthly",
        "yearly",
        "by",
        "in",
        "all",
        "city",
    ]
)
# Words that name the station's own place rather than another one.
OWN_PLACE_WORDS = ("the city", "city", "citywide", "city-wide", "the town", "town", "here")
# Units that all mean "how many" (a figure in one is checked against a claim in another).
COUNT_UNITS = frozenset({"count", "number", "people", "persons"})


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The singular used for matching aliases ('guns' -> 'gun'): `lexicon.singular`."""
    return lexicon.singular(word)


@lru_cache(maxsize=100_000)
def normalise_alias(text: str) -> str:
    words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", text.lower())
    return " ".join(lemma(w) for w in words)


@functools.cache
def stock_pattern() -> str:
    """The regex of `stock_words`, one source for `is_stock` and the check SQL's `fc_stock`."""
    words = sorted(lexicon.words("stock_words"), key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"


@functools.cache
def _stock_re() -> re.Pattern:
    return re.compile(stock_pattern())


def is_stock(metric: str, label: str = "") -> bool:
    """A metric counted at one date (a population on July 1), not over a period: the same words
    (`stock_words`) the check SQL's `fc_stock` reads."""
    return bool(_stock_re().search(f"{metric.replace('_', ' ')} {label}".lower()))


@functools.lru_cache(maxsize=65536)
def measured_subject(subject: str | None) -> str:
    """A claim's subject as a series would name it: "homicide increase" -> "homicide" (the
    extractor names a change by what changed; the series counts the thing itself)."""
    words = normalise_alias(subject or "").split()
    if len(words) > 1 and words[-1] in lexicon.change_nouns() | {"raise"}:
        words = words[:-1]
    return " ".join(words)


def metric_aliases(metric: Metric) -> set[str]:
    """Normalised alias phrases of a metric: its own aliases, its id and label, and synonyms."""
    found = {normalise_alias(a) for a in metric.aliases}
    name = normalise_alias(metric.metric.replace("_", " "))
    found.add(name)
    if not metric.aliases:
        # No catalogue aliases: the series' own head noun ("guns_seized" -> "gun").
        words = [w for w in name.split() if w not in GENERIC_WORDS]
        if words:
            found.add(words[-1])
    found.discard("")
    out = set(found)
    for alias in found:
        for group in SYNONYMS:
            if alias in group:
                out |= group
    return out


def auto_metric(metric: str, unit: str | None) -> Metric:
    """A catalogue entry for a metric that arrives with figures but no catalogue row."""
    unit = unit if isinstance(unit, str) and unit.strip() else "count"
    return Metric(metric, metric.replace("_", " "), unit, [])


def place_aliases(place: str) -> set[str]:
    """Lower-case names a story may use for a place ('Birmingham, AL' -> also 'birmingham'),
    from the place table: "Autauga County, Alabama" -> "autauga county, al", ..."""
    return set(place_variants(place))
