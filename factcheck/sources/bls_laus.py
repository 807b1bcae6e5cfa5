"""`bls-laus`: BLS Local Area Unemployment Statistics, in its two layouts.

- The county text files: the annual averages (`laucntyYY.txt`: fixed width, DOS line ends, five
  header lines) and the latest 14 months (`laucntycur14.txt`: "|"-separated, periods "Sep-21",
  "Oct-22(p)" with (p) preliminary). Numbers have thousands separators, the rate is in percent,
  the place is "County Name, ST" (checked against the FIPS code of the same line), and the
  footer's last line is the release date ("April 20, 2018"): that is the `as_of`. Each line's
  columns are split by SQL (`store.source_laus_county_rows`).
- The flat `la.data.*` file: tab-separated `series_id, year, period, value, footnote_codes`. The
  space-padded series id is decoded: `LA` + `U`/`S` (not / seasonally adjusted) + the 15-character
  area code (`CN01073...`: county 01073; `ST01...`: a state) + the measure (03 unemployment rate,
  04 unemployed, 05 employed, 06 labor force). `M01`..`M12` are months, `M13` the annual average;
  footnote `P` marks a preliminary value (kept in the notes). Seasonally adjusted series are their
  own metrics (`unemployment_rate_sa`). Areas that are not counties or states (cities, metro
  areas) are skipped and counted. The file prints no release date: `--as-of` gives it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from factcheck import places
from factcheck import store as st
from factcheck.figures import RowError
from factcheck.sources import common

SOURCE = "BLS Local Area Unemployment Statistics"
SOURCE_URL = "https://www.bls.gov/lau/"
MEASURES = {"03": "unemployment_rate", "04": "unemployed", "05": "employed", "06": "labor_force"}
UNITS = {
    **{m: "count" for m in ("labor_force", "employed", "unemployed")},
    "unemployment_rate": "percent",
}
FLAT_COLUMNS = ["series_id", "year", "period", "value", "footnote_codes"]
_RELEASE = re.compile(r"^[A-Z][a-z]+\.? \d{1,2}, \d{4}$")


def read(path: Path, name: str, **_options) -> common.Read:
    with open(path, encoding="utf-8", errors="replace") as f:
        head = f.read(4096)
    first = head.lstrip("\ufeff").split("\n", 1)[0]
    if "series_id" in first and "\t" in first:
        common.check_utf8(path, name)
        return _read_flat(path, name)
    if "labor force data by county" in head.lower():
        common.check_utf8(path, name)
        return _read_county_annual(path, name)
    raise common.fail(
        1,
        "not a BLS LAUS file: neither the county annual-average text file (its title line"
        " 'Labor Force Data by County') nor a tab-separated la.data file (header 'series_id')"
        " (is the file of another format than --format says?)",
        name,
    )


# --- the county annual-average text file -------------------------------------------------------


def _read_county_annual(path: Path, name: str) -> common.Read:
    with st.scratch() as con:
        rows = st.source_laus_county_rows(con, path)
        lines = st.source_lines(con, path)
    if rows.empty:
        raise common.fail(
            6, "no county rows (lines starting with an area code such as CN0100100000000)", name
        )
    unfit = rows["code"] == ""
    errors: list[RowError] = common.bad_cells(
        rows, unfit, lambda r: f"not a county row of the BLS LAUS layout: {common.show(r.text)}"
    )
    fips = rows["state_fips"] + rows["county_fips"]
    place = fips.map(lambda f: places.county_place(f) if f else None)
    named = rows["name"].map(
        lambda n: places.canonical_place(n) if "," in n else places.state_name(n)
    )
    # The code's FIPS and the printed name must agree: a shifted column would swap them.
    bad_place = ~unfit & (place.isna() | (named.notna() & (named != place)))
    errors += common.bad_cells(
        rows,
        bad_place,
        lambda r: f"county {r.state_fips}{r.county_fips} ({r['name']!r}) is not in the place table",
    )
    start, end, note = _periods(rows["period"])
    bad_period = ~unfit & start.isna()
    errors += common.bad_cells(
        rows, bad_period, lambda r: f"period is not a year or a month: {common.show(r.period)}"
    )
    longs = []
    for metric in UNITS:
        values, missing, bad = common.numbers(rows[metric])
        bad &= ~unfit & ~bad_place & ~bad_period
        errors += common.bad_cells(
            rows, bad, lambda r, m=metric: f"{m} is not a number: {common.show(r[m])}"
        )
        keep = ~missing & ~unfit
        longs.append(
            pd.DataFrame(
                {
                    "line": rows["line"][keep],
                    "metric": metric,
                    "place": place[keep],
                    "period_start": start[keep],
                    "period_end": end[keep],
                    "value": values[keep],
                    "notes": note[keep],
                }
            )
        )
    common.raise_if(sorted(errors, key=lambda e: e.line), name)
    long = pd.concat(longs).sort_values(["line", "metric"], kind="stable")
    frame = common.figure_frame(long, unit=UNITS, source=SOURCE, source_url=SOURCE_URL)
    return common.Read(frame, SOURCE, as_of=_footer_date(lines))


_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1
)}  # fmt: skip


def _periods(period: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(start, end, notes) of the county files' periods: "2017" (annual average), "Sep-21" (a
    month) or "Oct-22(p)" (a preliminary month); None where the period is neither."""
    starts: list[str | None] = []
    ends: list[str | None] = []
    notes: list[str] = []
    for text in period.fillna(""):
        m = re.fullmatch(r"(\d{4})|([A-Z][a-z]{2})-(\d{2})(\([pP]\))?", text.strip())
        if not m or (m.group(2) and m.group(2) not in _MONTHS):
            starts.append(None)
            ends.append(None)
            notes.append("")
        elif m.group(1):
            starts.append(f"{m.group(1)}-01-01")
            ends.append(f"{m.group(1)}-12-31")
            notes.append("annual average")
        else:
            year, month = 2000 + int(m.group(3)), _MONTHS[m.group(2)]
            last = (pd.Timestamp(year, month, 1) + pd.offsets.MonthEnd(0)).day
            starts.append(f"{year}-{month:02d}-01")
            ends.append(f"{year}-{month:02d}-{last:02d}")
            notes.append("preliminary" if m.group(4) else "")
    index = period.index
    return (
        pd.Series(starts, index=index, dtype=object),
        pd.Series(ends, index=index, dtype=object),
        pd.Series(notes, index=index, dtype=object),
    )


def _footer_date(lines: pd.DataFrame) -> date | None:
    """The release date BLS prints as the file's last line ("April 20, 2018")."""
    text = [t.strip() for t in lines["text"] if t and t.strip()]
    if not text or not _RELEASE.match(text[-1]):
        return None
    for fmt in ("%B %d, %Y", "%b. %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text[-1], fmt).date()
        except ValueError:
            continue
    return None


# --- the flat la.data file ---------------------------------------------------------------------


def _read_flat(path: Path, name: str) -> common.Read:
    header = common.header_of(path, name, delim="\t")
    common.require_columns(header, FLAT_COLUMNS[:4], name, "a BLS la.data file")
    with st.scratch() as con:
        rows = st.source_laus_flat(con, path, header)
    ok_id = rows["id_ok"]
    errors = common.bad_cells(
        rows, ~ok_id, lambda r: f"series_id {common.show(r.sid)} is not a LAUS series id"
    )
    # One look-up per distinct area (a county file repeats each area hundreds of times).
    unique = {c: _area_place(c) for c in rows["area"].unique()}
    place = rows["area"].map(unique)
    measure = rows["measure"].map(MEASURES)
    known_area = rows["area_type"].isin(["CN", "ST"])
    bad_area = ok_id & known_area & place.isna()
    errors += common.bad_cells(
        rows, bad_area, lambda r: f"series_id {r.sid!r}: the area is not in the place table"
    )
    bad_period = ok_id & ~rows["period_ok"].fillna(False).astype(bool)
    errors += common.bad_cells(
        rows, bad_period, lambda r: f"period {common.show(r.period)} is not M01..M13"
    )
    bad_year = ok_id & ~rows["year_ok"].fillna(False).astype(bool)
    errors += common.bad_cells(
        rows, bad_year, lambda r: f"year is not a year: {common.show(r.year)}"
    )
    missing = rows["missing"].fillna(False).astype(bool)
    bad = ok_id & ~bad_period & ~bad_year & ~missing & rows["number"].isna()
    errors += common.bad_cells(
        rows, bad, lambda r: f"value is not a number: {common.show(r.value)}"
    )
    common.raise_if(sorted(errors, key=lambda e: e.line), name)
    keep = known_area & measure.notna() & ~missing
    if int(keep.sum()) == 0:
        raise common.fail(
            2, "no county or state series of a known measure (03-06) in the file", name
        )
    kept = rows[keep]
    notes = kept["annual"].map({True: "annual average", False: ""})
    notes = notes.where(~kept["preliminary"], (notes + "; preliminary").str.lstrip("; "))
    long = pd.DataFrame(
        {
            "line": kept["line"],
            "metric": measure[keep] + kept["adjusted"].map({True: "_sa", False: ""}),
            "place": place[keep],
            "period_start": kept["period_start"].dt.strftime("%Y-%m-%d"),
            "period_end": kept["period_end"].dt.strftime("%Y-%m-%d"),
            "value": kept["number"],
            "notes": notes,
        }
    )
    units = {m + s: UNITS[m] for m in UNITS for s in ("", "_sa")}
    frame = common.figure_frame(long, unit=units, source=SOURCE, source_url=SOURCE_URL)
    skipped = int((~known_area | measure.isna()).sum())
    out = [f"{skipped} rows of other areas or measures skipped"] if skipped else []
    return common.Read(frame, SOURCE, notes=out)


def _area_place(code: str | None) -> str | None:
    """The place of a LAUS area code ("CN01001..." a county, "ST01..." a state), or None."""
    if not code:
        return None
    if code.startswith("CN"):
        return places.county_place(code[2:7])
    if code.startswith("ST"):
        return places.state_name(code[2:4])
    return None
