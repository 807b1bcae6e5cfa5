"""`fbi-cde`: the FBI Crime Data Explorer "estimated crimes" file, one row a place-year, a metric a column.

`year,state_abbr,state_name,population,violent_crime,homicide,rape_legacy,rape_revised,...,caveats`.
An empty `state_abbr` is the national row ("United States"). Empty cells are missing, never zero
(rape under the revised definition before 2013, the legacy one after 2016). The 2019 release
quotes every field and the 2020 one none; both read the same. `caveats` (free text) goes to the
rows' notes. The file prints no release date: `--as-of` gives it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from factcheck import places
from factcheck import store as st
from factcheck.sources import common

SOURCE = "FBI Crime Data Explorer, estimated crimes"
SOURCE_URL = "https://cde.ucr.cjis.gov/"
KEYS = ["year", "state_abbr", "state_name"]
# File column -> metric (the FBI's own column names, but its population is not the Census one).
METRICS = {
    "population": "fbi_population",
    "violent_crime": "violent_crime",
    "homicide": "homicide",
    "rape_legacy": "rape_legacy",
    "rape_revised": "rape_revised",
    "robbery": "robbery",
    "aggravated_assault": "aggravated_assault",
    "property_crime": "property_crime",
    "burglary": "burglary",
    "larceny": "larceny",
    "motor_vehicle_theft": "motor_vehicle_theft",
}
WHAT = "an FBI CDE estimated-crimes file"


def read(path: Path, name: str, **_options) -> common.Read:
    header = common.header_of(path, name)
    common.require_columns(header, [*KEYS, *METRICS], name, WHAT)
    common.check_utf8(path, name)
    with st.scratch() as con:
        long = st.source_csv_long(
            con, path, header, [*KEYS, *(["caveats"] if "caveats" in header else [])], list(METRICS)
        )
    errors = common.line_breaks(long, [c for c in ("state_name", "caveats") if c in long])
    years = pd.to_numeric(long["year"].fillna("").str.strip(), errors="coerce")
    bad_year = years.isna() | (years < 1900) | (years > 2100)
    errors += common.bad_cells(
        long, bad_year, lambda r: f"year is not a year: {common.show(r.year)}"
    )
    abbr = long["state_abbr"].fillna("").str.strip()
    state = abbr.map(lambda a: places.NATION if a == "" else places.state_name(a))
    bad_place = state.isna() & ~bad_year
    errors += common.bad_cells(
        long, bad_place, lambda r: f"state_abbr {common.show(r.state_abbr)} is not a US state"
    )
    values, missing, bad = common.numbers(long["cell"])
    bad &= ~bad_year & ~bad_place
    errors += common.bad_cells(
        long, bad, lambda r: f"{r.column} is not a number: {common.show(r.cell)}"
    )
    common.raise_if(sorted(set(errors), key=lambda e: (e.line, e.reason)), name)
    keep = ~missing
    year = years[keep].astype(int).astype(str)
    rows = pd.DataFrame(
        {
            "line": long["line"][keep],
            "metric": long["column"][keep].map(METRICS),
            "place": state[keep],
            "period_start": year + "-01-01",
            "period_end": year + "-12-31",
            "value": values[keep],
            "notes": long["caveats"][keep].fillna("") if "caveats" in long else "",
        }
    )
    frame = common.figure_frame(rows, unit="count", source=SOURCE, source_url=SOURCE_URL)
    skipped = int(missing.sum())
    notes = [f"{skipped} empty cells skipped (missing, not zero)"] if skipped else []
    return common.Read(frame, SOURCE, notes=notes)
