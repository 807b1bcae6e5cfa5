"""`census-pep`: Census Bureau population estimates, wide, one column per year, in Latin-1.

`GEO.id, GEO.id2, GEO.display-label, rescen42010, resbase42010, respop72010 ... respop72017`:
`respop7YYYY` is the estimate for July 1 of YYYY, `rescen42010` the April 1, 2010 census count
(`resbase42010`, the estimates base, is not a published figure and is skipped). The place is in
`GEO.display-label` with full state names ("Autauga County, Alabama"); states and the nation read
too. American FactFinder downloads carry a second header row of descriptions ("Id", "Geography"),
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
    common.require_columns(header, [PLACE], name, "a Census PEP estimates file")
    columns = [c for c in header if _ESTIMATE.match(c) or _CENSUS.match(c)]
    if not columns:
        raise common.fail(
            1, "not a Census PEP estimates file: no respop7YYYY (July 1 estimate) column", name
        )
    with st.scratch() as con:
        long = st.source_csv_long(con, path, header, [PLACE], columns, encoding=encoding)
    # The descriptive second header row of FactFinder downloads.
    long = long[long[PLACE].fillna("") != "Geography"].reset_index(drop=True)
    errors = common.line_breaks(long, [PLACE])
    label = long[PLACE].fillna("").str.strip()
    place = label.map(places.canonical_place)
    bad_place = place.isna()
    errors += common.bad_cells(
        long, bad_place, lambda r: f"{PLACE} {common.show(r[PLACE])} is not in the place table"
    )
    values, missing, bad = common.numbers(long["cell"])
    bad &= ~bad_place
    errors += common.bad_cells(
        long, bad, lambda r: f"{r.column} is not a number: {common.show(r.cell)}"
    )
    common.raise_if(sorted(errors, key=lambda e: e.line), name)
    keep = ~missing
    col = long["column"][keep]
    day = col.map(
        lambda c: (
            f"{_ESTIMATE.match(c).group(1)}-07-01"
            if _ESTIMATE.match(c)
            else f"{_CENSUS.match(c).group(1)}-04-01"
        )
    )
    rows = pd.DataFrame(
        {
            "line": long["line"][keep],
            "metric": "population",
            "place": place[keep],
            "period_start": day,
            "period_end": day,
            "value": values[keep],
            "notes": col.map(
                lambda c: "July 1 estimate" if _ESTIMATE.match(c) else "April 1 census count"
            ),
        }
    )
    frame = common.figure_frame(rows, unit="count", source=SOURCE, source_url=SOURCE_URL)
    return common.Read(frame, SOURCE)
