"""Plain records passed between the stages of the flow.

They live here, apart from the stage modules, so that the store, the CLI and the app can use them
without importing spaCy or feedparser.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

# Field vocabularies of the claims contract (DESIGN.md).
UNITS_KNOWN = ("count", "percent", "usd")
QUALIFIERS = (
    "exact",
    "approximately",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "almost",
    "range",
)
CHANGES = ("level", "difference", "percent_change")
DIRECTIONS = ("up", "down")
VERDICTS = ("accurate", "inaccurate", "unverifiable")


@dataclass
class Feed:
    id: int
    url: str
    station: str
    place: str
    etag: str | None = None
    last_modified: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    last_polled_at: datetime | None = None


@dataclass
class StoryItem:
    """One feed entry as read from a feed, before it is stored."""

    guid: str
    title: str
    url: str | None
    published: datetime | None
    author: str | None
    text: str


@dataclass
class Claim:
    """One numeric claim in a text, with the fields of the `claims` contract."""

    text: str
    start: int
    end: int
    sentence: str
    low: float
    high: float
    unit: str = "count"
    qualifier: str = "exact"
    subject: str | None = None
    change: str = "level"
    direction: str | None = None
    period: str | None = None
    speaker: str | None = None
    # Not in the contract, kept for the checker: the hedge word on a range ("almost", "about"),
    # the place the sentence names, if any, and the time phrase a change is measured against
    # ("than last year", "from the first half of 2025").
    hedge: str | None = None
    place: str | None = None
    base: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Check:
    """The outcome of checking one claim against the official record."""

    verdict: str
    metric: str | None = None
    place: str | None = None
    official: float | None = None
    period_start: date | None = None
    period_end: date | None = None
    error_pct: float | None = None
    source: str | None = None
    source_url: str | None = None
    as_of: date | None = None
    explanation: str = ""
    # Extra detail for the app: the comparison period of a change, and why it is unverifiable.
    compare_start: date | None = None
    compare_end: date | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, date):
                out[key] = value.isoformat()
        return out


@dataclass
class Metric:
    metric: str
    label: str
    unit: str
    aliases: list[str] = field(default_factory=list)
    # What the publisher counts ("homicide victims, portal rows by incident date").
    definition: str | None = None


@dataclass
class Figure:
    """One official value for one series, place and period, as published at `as_of`."""

    metric: str
    place: str
    period_start: date
    period_end: date
    value: float
    unit: str | None = None
    source: str | None = None
    source_url: str | None = None
    as_of: date | None = None
    notes: str | None = None
