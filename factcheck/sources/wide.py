"""`wide`: any other wide table (a metric per column, a row per place and year), by recipe.

The recipe names the place (fixed `place`, or `place_columns` joined with ", ": ["city", "state"]),
the period (a `year_column`; a `year` per column when the years are in the column names, as in
"2014_murders"; or a `month_column` with its `month_format`, "%Y-%m", and `through`, the last day
a partial last month covers), optional `as_of_column`, `period_end_column` (a year to date to
each row's date) and `source_column` (each with a `*_format`), and each value column's metric:

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
    month_column = r.data.get("month_column")
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
        if year_column is None and month_column is None and not c.get("year"):
            raise common.fail(0, f"column {col!r} needs a year (or give year_column)", r.name)
        recipes.check_column(r, header, col, "value")
        specs[col] = c
    dated = {
        k: r.data.get(k)
        for k in ("as_of_column", "period_end_column", "source_column", "month_column")
    }
    if month_column:
        r.data.setdefault("month_format", "%Y-%m")
    for key in ("as_of", "period_end", "month"):
        if dated[f"{key}_column"]:
            fmt = str(r.data.get(f"{key}_format") or "")
            recipes.check_date_format(r, fmt, day=key != "month")
    extra = [c for c in dated.values() if c]
    for col in [*place_columns, *([year_column] if year_column else []), *extra]:
        recipes.check_column(r, header, col, "place, year, date or source")
    keep = list(dict.fromkeys([*place_columns, *([year_column] if year_column else []), *extra]))
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
    months = _dates(long, month_column, r.data.get("month_format"), errors)
    if months is not None:
        year = months.fillna("0000").str[:4]
    elif year_column:
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
    as_of = _dates(long, dated["as_of_column"], r.data.get("as_of_format"), errors)
    ends = _dates(long, dated["period_end_column"], r.data.get("period_end_format"), errors)
    common.raise_if(sorted(errors, key=lambda e: e.line), name)
    ok = ~missing
    through = r.data.get("through")  # the last day the counts cover (a partial last month)
    if months is not None:
        start = months[ok]
        end = start.map(lambda d: _month_end(d, through))
    elif ends is None:
        start, end = year[ok] + "-01-01", year[ok] + "-12-31"
    else:
        # A year to date: to the row's date, in each column's own year ("2015 figures are
        # counts through the same date a year ago").
        start = year[ok] + "-01-01"
        end = pd.Series(
            [_same_day(int(y), d) for y, d in zip(year[ok], ends[ok], strict=True)],
            index=year[ok].index,
        )
    rows = pd.DataFrame(
        {
            "line": long["line"][ok],
            "metric": long["column"][ok].map(lambda c: specs[c]["metric"]),
            "place": where[ok],
            "period_start": start,
            "period_end": end,
            "value": values[ok],
            "notes": "year to date" if ends is not None else "month" if months is not None else "",
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
    if as_of is not None:
        frame["as_of"] = as_of[ok].to_numpy()
    if dated["source_column"]:
        cells = long[dated["source_column"]][ok].fillna("").str.strip().to_numpy()
        is_url = pd.Series(cells).str.match(r"^https?://").to_numpy()
        frame["source_url"] = [c if u else "" for c, u in zip(cells, is_url, strict=True)]
        frame["source"] = [
            frame["source"].iloc[0] if u else (c or frame["source"].iloc[0])
            for c, u in zip(cells, is_url, strict=True)
        ]
    read = common.Read(frame, str(r.data.get("source") or name), metrics=r.metrics)
    read.rows_dated = as_of is not None
    return read


def _dates(
    long: pd.DataFrame, column: str | None, fmt: str | None, errors: list
) -> pd.Series | None:
    """A recipe's date column as ISO text; a cell that is not a date as `fmt` is an error."""
    if not column:
        return None
    cells = long[column].fillna("").str.strip()
    parsed = pd.to_datetime(cells, format=fmt, errors="coerce")
    bad = parsed.isna()
    errors += common.bad_cells(
        long, bad, lambda r_: f"{column} {common.show(cells[r_.name])} is not a date as {fmt}"
    )
    return parsed.dt.strftime("%Y-%m-%d")


def _same_day(year: int, iso: str) -> str:
    month, day = int(iso[5:7]), int(iso[8:10])
    if (month, day) == (2, 29) and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        day = 28
    return f"{year}-{month:02d}-{day:02d}"


def _month_end(start: str, through) -> str:
    """The last day of the month that begins on `start`, or `through` when that is sooner."""
    day = pd.Timestamp(start) + pd.offsets.MonthEnd(0)
    if through is not None and pd.Timestamp(through) < day:
        day = pd.Timestamp(through)
    return day.strftime("%Y-%m-%d")
