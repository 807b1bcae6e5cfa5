"""`census-pep`: Census Bureau population estimates, wide, one column per year, in Latin-1.

`GEO.id, GEO.id2, GEO.display-label, rescen42010, resbase42010, respop72010 ... respop72017`:
`respop7YYYY` is the estimate for July 1 of YYYY, `rescen42010` the April 1, 2010 census count
(`resbase42010`, the estimates base, is not a published figure and is skipped). The place is in
`GEO.display-label` with full state names ("Autauga County, Alabama"); states and the nation read
too. The Bureau's dataset files (`co-est2019-alldata.csv`, `NST-EST2023-ALLDATA.csv`) read the
same way: `CTYNAME` + `STNAME` (or `NAME`), `POPESTIMATEYYYY` (July 1), `CENSUS2010POP`. American FactFinder downloads carry a second header row of descriptions ("Id", "Geography"),
which is skipped. The file is Latin-1 ("Doña Ana County"); one a user re-saved as UTF-8 is read as
UTF-8. The file prints no release date: `--as-of` gives it (Vintage 2017: 2018-03-22).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from factcheck import places
from factcheck import store as st
from factcheck.sources import common

SOURCE = "U.S. Census Bureau, Population Estimates Program"
SOURCE_URL = "https://www.census.gov/programs-surveys/popest.html"
PLACE = "GEO.display-label"
_ESTIMATE = re.compile(r"^respop7(\d{4})$")
_CENSUS = re.compile(r"^rescen4(\d{4})$")


def read(path: Path, name: str, **_options) -> common.Read:
    encoding = common.utf8_or_latin1(path)
    header = common.header_of(path, name, encoding=encoding)
    keys = _place_columns(header)
    if keys is None:
        common.require_columns(header, [PLACE], name, "a Census PEP estimates file")
    assert keys is not None  # require_columns raised: the file has no place column
    years = {c: year for c in header if (year := _year_of(c))}
    columns = [c for c in header if c in years]
    if not columns:
        raise common.fail(
            1,
            "not a Census PEP estimates file: no July 1 estimate column (respop7YYYY or"
            " POPESTIMATEYYYY)",
            name,
        )
    with st.scratch() as con:
        long = st.source_csv_long(con, path, header, keys, columns, encoding=encoding)
    # The descriptive second header row of FactFinder downloads.
    long = long[long[keys[0]].fillna("") != "Geography"].reset_index(drop=True)
    errors = common.line_breaks(long, keys)
    label = _labels(long, keys)
    place = label.map(places.canonical_place)
    bad_place = place.isna()
    errors += common.bad_cells(
        long, bad_place, lambda r: f"place {common.show(label[r.name])} is not in the place table"
    )
    values, missing, bad = common.numbers(long["cell"])
    bad &= ~bad_place
    errors += common.bad_cells(
        long, bad, lambda r: f"{r.column} is not a number: {common.show(r.cell)}"
    )
    common.raise_if(sorted(errors, key=lambda e: e.line), name)
    keep = ~missing
    col = long["column"][keep]
    day = col.map(lambda c: years[c][1])
    rows = pd.DataFrame(
        {
            "line": long["line"][keep],
            "metric": "population",
            "place": place[keep],
            "period_start": day,
            "period_end": day,
            "value": values[keep],
            "notes": col.map(lambda c: years[c][2]),
        }
    )
    frame = common.figure_frame(rows, unit="count", source=SOURCE, source_url=SOURCE_URL)
    return common.Read(frame, SOURCE)


# The estimate columns of the two layouts: (year, day, what) or None for another column.
_POPESTIMATE = re.compile(r"^POPESTIMATE(\d{4})$")
_CENSUSPOP = re.compile(r"^CENSUS(\d{4})POP$")


def _year_of(column: str) -> tuple[str, str, str] | None:
    for pattern, month_day, what in (
        (_ESTIMATE, "07-01", "July 1 estimate"),
        (_POPESTIMATE, "07-01", "July 1 estimate"),
        (_CENSUS, "04-01", "April 1 census count"),
        (_CENSUSPOP, "04-01", "April 1 census count"),
    ):
        m = pattern.match(column)
        if m:
            return m.group(1), f"{m.group(1)}-{month_day}", what
    return None


def _place_columns(header: list[str]) -> list[str] | None:
    """The place columns: FactFinder's label, the datasets' county and state names, or NAME."""
    for keys in ([PLACE], ["CTYNAME", "STNAME"], ["NAME"]):
        if all(k in header for k in keys):
            return keys
    return None


def _labels(long: pd.DataFrame, keys: list[str]) -> pd.Series:
    """One place text per row: "Autauga County, Alabama"; a state's own row ("Alabama" as its
    county name too) is the state."""
    first = long[keys[0]].fillna("").str.strip()
    if keys != ["CTYNAME", "STNAME"]:
        return first
    state = long["STNAME"].fillna("").str.strip()
    return first.where(first == state, first + ", " + state)
