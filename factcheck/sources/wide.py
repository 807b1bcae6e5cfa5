"""`wide`: any other wide table (a metric per column, a row per place and year), by recipe.

The recipe names the place (fixed `place`, or `place_columns` joined with ", ": ["city", "state"]),
the year (a `year_column`, or a `year` per column when the years are in the column names, as in
"2014_murders"), and each value column with its metric:

    format = "wide"
    source = "FBI Uniform Crime Reports, via FiveThirtyEight"
    place_columns = ["city", "state"]
    [[columns]]
    column = "2014_murders"
    metric = "murders"
    year = 2014
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from factcheck import places
from factcheck import store as st
from factcheck.sources import common
from factcheck.sources import recipe as recipes


def read(path: Path, name: str, *, recipe: Path, **_options) -> common.Read:
    r = recipes.load(recipe, "wide")
    columns = recipes.need(r, "columns")
    if not isinstance(columns, list) or not all(isinstance(c, dict) for c in columns):
        raise common.fail(0, "columns must be a list of [[columns]] tables", r.name)
    year_column = r.data.get("year_column")
    place = r.data.get("place")
    place_columns = r.data.get("place_columns") or []
    if bool(place) == bool(place_columns):
        raise common.fail(0, "the recipe needs place (fixed) or place_columns, one of them", r.name)
    common.check_utf8(path, name)
    header = common.header_of(path, name)
    specs = {}
    for c in columns:
        col, metric = c.get("column"), c.get("metric")
        if not col or not metric:
            raise common.fail(0, "each [[columns]] needs column and metric", r.name)
        if year_column is None and not c.get("year"):
            raise common.fail(0, f"column {col!r} needs a year (or give year_column)", r.name)
        recipes.check_column(r, header, col, "value")
        specs[col] = c
    for col in [*place_columns, *([year_column] if year_column else [])]:
        recipes.check_column(r, header, col, "place or year")
    keep = [*place_columns, *([year_column] if year_column else [])]
    with st.scratch() as con:
        long = st.source_csv_long(con, path, header, keep or [header[0]], list(specs))
    errors = common.line_breaks(long, keep)
    if place:
        where = pd.Series(places.canonical_place(place) or place, index=long.index)
    else:
        parts = [long[c].fillna("").str.strip() for c in place_columns]
        where = parts[0]
        for p in parts[1:]:
            where = where + ", " + p
        where = where.map(lambda p: places.canonical_place(p) or p)
    if year_column:
        year = long[year_column].fillna("").str.strip()
    else:
        year = long["column"].map(lambda c: str(specs[c]["year"]))
    bad_year = ~year.str.fullmatch(r"\d{4}")
    errors += common.bad_cells(
        long, bad_year, lambda r_: f"year is not a year: {common.show(year[r_.name])}"
    )
    values, missing, bad = common.numbers(long["cell"])
    bad &= ~bad_year
    errors += common.bad_cells(
        long, bad, lambda r_: f"{r_.column} is not a number: {common.show(r_.cell)}"
    )
    common.raise_if(sorted(errors, key=lambda e: e.line), name)
    ok = ~missing
    rows = pd.DataFrame(
        {
            "line": long["line"][ok],
            "metric": long["column"][ok].map(lambda c: specs[c]["metric"]),
            "place": where[ok],
            "period_start": year[ok] + "-01-01",
            "period_end": year[ok] + "-12-31",
            "value": values[ok],
        }
    )
    units = {m.metric: m.unit for m in r.metrics}
    unit = {
        specs[c]["metric"]: specs[c].get("unit") or units.get(specs[c]["metric"], "count")
        for c in specs
    }
    frame = common.figure_frame(
        rows,
        unit=unit,
        source=str(r.data.get("source") or name),
        source_url=r.data.get("source_url"),
    )
    return common.Read(frame, str(r.data.get("source") or name), metrics=r.metrics)
