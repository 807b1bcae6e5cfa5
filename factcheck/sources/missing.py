"""What an unverifiable claim lacks, in plain words, and the figure that would answer it.

"No 2022 guns seized by police figures for Birmingham, Ala. on record": the metric its words name
(the catalogue's aliases of the claim's subject), the place (the claim's own, else the station's,
as the store names it) and the period its time phrase resolves to. The app's Check page shows the
sentence on the claim's card and offers to add that figure, metric and place filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from factcheck import periods as pr
from factcheck import store as st
from factcheck.catalogue import lemma, normalise_alias
from factcheck.charts import period_text
from factcheck.models import Check, Claim
from factcheck.places import canonical_place


@dataclass(frozen=True)
class Missing:
    metric: str | None  # None: no series of the catalogue is named by the claim's words
    label: str  # what is counted, as a reader says it
    place: str
    period_start: date
    period_end: date
    unit: str | None

    def sentence(self) -> str:
        when = period_text(self.period_start, self.period_end)
        return f"No {when} {self.label} figures for {self.place} on record".replace("  ", " ")


def missing_figures(
    store, pairs: list[tuple[Claim, Check]], *, published: date, place: str
) -> list[Missing | None]:
    """`missing_figure` of each unverifiable claim (None for the others), one store read."""
    if not any(k.verdict == "unverifiable" for _, k in pairs):
        return [None] * len(pairs)
    with store.read() as con:
        known = (
            st.load_metric_aliases(con),
            st.load_place_aliases(con),
            {m: (label, unit) for m, label, unit, _ in st.load_metrics(con)},
        )
    return [
        _missing(c, k, published, place, known) if k.verdict == "unverifiable" else None
        for c, k in pairs
    ]


def missing_figure(store, claim: Claim, check: Check, *, published: date, place: str) -> Missing:
    """The figure a claim needs (best guess: the reporter can change each part)."""
    as_unverifiable = replace(check, verdict="unverifiable")
    got = missing_figures(store, [(claim, as_unverifiable)], published=published, place=place)[0]
    assert got is not None  # an unverifiable check always gets its missing figure
    return got


def _missing(claim: Claim, check: Check, published: date, place: str, known) -> Missing:
    aliases, places, metrics = known
    metric = check.metric or _metric_for(claim.subject, aliases)
    label, unit = metrics.get(metric, (None, None)) if metric else (None, None)
    label = (label[0].lower() + label[1:]) if label and not label[:2].isupper() else label
    label = label or (claim.subject or "official")
    where = check.place or _place_for(claim.place, places) or _place_for(place, places) or place
    start, end = _period(claim, published)
    return Missing(metric, label, where, start, end, unit)


def _metric_for(subject: str | None, aliases: list[tuple[str, str]]) -> str | None:
    if not subject:
        return None
    wanted = {normalise_alias(subject), lemma(subject.split()[-1])}
    found = sorted({m for a, m in aliases if normalise_alias(a) in wanted})
    return found[0] if found else None


def _place_for(name: str | None, places: dict[str, str]) -> str | None:
    if not name:
        return None
    lower = " ".join(name.split()).lower()
    return places.get(lower) or places.get(lower.removeprefix("the ")) or canonical_place(name)


def _period(claim: Claim, published: date) -> tuple[date, date]:
    """The claim's period; with no phrase, or one that needs the record, the year to date."""
    period = pr.resolve_period(claim.period, published, change=claim.change or "level")
    if period.start and period.end:
        return period.start, period.end
    year_start = period.year_start or date(published.year, 1, 1)
    return period.start or year_start, period.end or published
