"""`incidents`: a city's export of one row per incident, offense or victim, counted into figures.

A recipe (TOML, `recipes/`) names the date column and its format, which date it is (occurred or
reported), the offense column and a code -> metric mapping, the place (fixed, or a column), what
one row is, and the key that removes duplicates (a row exported twice counts once). The counting
is one set-based DuckDB statement over the file (`store.source_count_incidents`).

Figures made, per metric and place: each month's count (months with none give 0), and the year to
date at the end of each month (the annual total at December). The last month in the file ends at
the last date the file holds (an export to July 19 gives a July 1-19 figure, not a July figure).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from factcheck import places
from factcheck import store as st
from factcheck.figures import FiguresInvalid, RowError
from factcheck.sources import common
from factcheck.sources import recipe as recipes

DATE_COUNTS = ("occurred", "reported")
ROWS = ("incident", "offense", "victim")


def read(path: Path, name: str, *, recipe: Path, **_options) -> common.Read:
    r = recipes.load(recipe, "incidents")
    column = recipes.need(r, "date", "column")
    fmt = recipes.need(r, "date", "format")
    counts_what = recipes.need(r, "date", "counts")
    offense = recipes.need(r, "offense", "column")
    codes = recipes.need(r, "offense", "codes")
    row = recipes.need(r, "row")
    keys = r.data.get("key") or []
    if counts_what not in DATE_COUNTS:
        raise common.fail(0, f"date.counts must be one of {', '.join(DATE_COUNTS)}", r.name)
    if row not in ROWS:
        raise common.fail(0, f"row must be one of {', '.join(ROWS)}", r.name)
    recipes.check_date_format(r, fmt)
    place = r.data.get("place")
    place_column = r.data.get("place_column")
    if bool(place) == bool(place_column):
        raise common.fail(0, "the recipe needs place (fixed) or place_column, one of them", r.name)
    if not isinstance(codes, dict) or not codes:
        raise common.fail(0, "offense.codes maps no code to a metric", r.name)
    mapping = [(str(code), str(metric)) for code, metric in codes.items()]

    common.check_utf8(path, name, limit=1 << 20)
    header = common.header_of(path, name)
    for col, what in ((column, "date"), (offense, "offense"), (place_column, "place")):
        if col:
            recipes.check_column(r, header, col, what)
    for key in keys:
        recipes.check_column(r, header, key, "key")
    with st.scratch() as con:
        try:
            counts, extent, bad, seen = st.source_count_incidents(
                con,
                path,
                header,
                date_column=column,
                date_format=fmt,
                offense_column=offense,
                place_column=place_column,
                key_columns=list(keys),
                mapping=mapping,
            )
        except st.duckdb.Error as exc:  # a ragged row, bytes that are not UTF-8
            raise common.fail(_line_of(exc), _reason_of(exc), name) from None
    if bad:
        raise FiguresInvalid(
            [
                RowError(int(line), f"{column} {common.show(cell)} is not a date as {fmt}")
                for line, cell in bad
            ],
            name,
        )
    if counts.empty:
        shown = ", ".join(repr(c) for c in seen) or "none"
        raise common.fail(
            0,
            f"recipe {r.name}: the mapping counts no row of the file (offense codes it maps:"
            f" {', '.join(repr(c) for c, _ in mapping[:6])}; commonest in the file: {shown})",
            name,
        )
    first, last, total, dups = extent
    if place:
        counts["place"] = places.canonical_place(place) or place
    frame = _figures(counts, first, last, r)
    notes = [f"{total} rows read, {int(counts['n'].sum())} counted"]
    if dups:
        notes.append(f"{dups} duplicate rows (same {', '.join(keys)}) counted once")
    return common.Read(frame, r.data.get("source") or name, metrics=r.metrics, notes=notes)


def _figures(counts: pd.DataFrame, first: date, last: date, r: recipes.Recipe) -> pd.DataFrame:
    """Monthly and year-to-date rows from (metric, place, month, n) counts, over the months the
    file covers (a month with no counted row is a 0). A file that starts after January gives no
    year to date for its first year: the months before it are not in the file."""
    rows = []
    start_month, end_month = date(first.year, first.month, 1), date(last.year, last.month, 1)
    for (metric, place), group in counts.groupby(["metric", "place"], sort=True):
        by_month = {
            pd.Timestamp(m).date(): int(n) for m, n in zip(group["month"], group["n"], strict=True)
        }
        month, ytd = start_month, 0
        while month <= end_month:
            n = by_month.get(month, 0)
            month_end = _month_end(month)
            end = min(month_end, last)
            ytd = n if month.month == 1 else ytd + n
            kind = "month" if end == month_end else "month to date"
            rows.append((metric, place, month, end, n, kind))
            if month.year != first.year or first.month == 1:
                rows.append((metric, place, date(month.year, 1, 1), end, ytd, "year to date"))
            month = month_end + timedelta(days=1)
    frame = pd.DataFrame(
        rows, columns=["metric", "place", "period_start", "period_end", "value", "notes"]
    )
    # A January's month and year to date are one period: keep one row.
    frame = frame.drop_duplicates(["metric", "place", "period_start", "period_end"])
    frame["period_start"] = frame["period_start"].astype(str)
    frame["period_end"] = frame["period_end"].astype(str)
    frame["line"] = 0
    data = r.data
    units = {m.metric: m.unit for m in r.metrics}
    out = common.figure_frame(
        frame,
        unit={m: units.get(m, "count") for m in frame["metric"].unique()},
        source=str(data.get("source") or r.name),
        source_url=data.get("source_url"),
    )
    out.attrs["lines"] = list(range(2, len(out) + 2))
    return out


def _month_end(day: date) -> date:
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _line_of(exc: Exception) -> int:
    import re

    m = re.search(r"[Ll]ine:? (\d+)", str(exc))
    return int(m.group(1)) if m else 0


def _reason_of(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if "unicode" in text.lower() or "utf" in text.lower():
        return "not UTF-8 text; save the export as UTF-8"
    return f"not a readable CSV export ({text[:200]})"
