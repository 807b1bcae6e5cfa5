"""Each importer on the real files publishers release (data/official/, copies of ../shared/official/):
values a reporter could look up in them, read back as `figures --format jsonl` prints them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import sources
from factcheck.cli import main
from factcheck.store import Store

OFFICIAL = Path(__file__).resolve().parents[1] / "data" / "official"
FBI_2019 = OFFICIAL / "fbi-cde" / "estimated_crimes_1979_2019.csv"
FBI_2020 = OFFICIAL / "fbi-cde" / "estimated_crimes_1979_2020.csv"
BLS_16 = OFFICIAL / "bls-laus" / "laucnty16.txt"
BLS_17 = OFFICIAL / "bls-laus" / "laucnty17.txt"
PEP = OFFICIAL / "census" / "PEP_2017_PEPANNRES_counties.csv"


def run(*args: str) -> list[str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def figures(**filters) -> list[dict]:
    args = ["figures", "--format", "jsonl"]
    for key, value in filters.items():
        args += [f"--{key}", value]
    return [json.loads(line) for line in run(*args)]


def one(metric: str, place: str, year: int, **exact) -> dict:
    rows = [
        r
        for r in figures(metric=metric, place=place)
        if r["period_start"].startswith(str(year)) and all(r[k] == v for k, v in exact.items())
    ]
    assert len(rows) == 1, rows
    return rows[0]


def test_fbi_cde_2020_release_us_homicides(db_path):
    line = run("import-figures", str(FBI_2020), "--format", "fbi-cde", "--as-of", "2021-09-27")
    assert line[-1].startswith("imported 21888 figure rows from estimated_crimes_1979_2020.csv")
    row = one("homicide", "United States", 2020)
    assert row["value"] == 21570
    assert (row["period_start"], row["period_end"]) == ("2020-01-01", "2020-12-31")
    assert row["as_of"] == "2021-09-27" and row["source"].startswith("FBI Crime Data Explorer")
    # A state, by its AP abbreviation: Alabama's 2020 homicides in the same file.
    assert one("homicide", "Ala.", 2020)["value"] == 471  # the row "2020,AL,Alabama,...,471,"
    # Empty cells are missing, not zero: no legacy-definition rape estimate for 2020.
    assert not [r for r in figures(metric="rape_legacy") if r["period_start"] == "2020-01-01"]


def test_fbi_cde_2019_release_quotes_every_field_and_reads_the_same(db_path):
    run("import-figures", str(FBI_2019), "--format", "fbi-cde", "--as-of", "2020-09-28")
    row = one("homicide", "United States", 2019)
    assert row["value"] == 16425 and row["as_of"] == "2020-09-28"
    assert one("violent_crime", "Alaska", 1979)["value"] == 1994


def test_bls_laus_county_annual_as_of_from_the_footer(db_path):
    line = run("import-figures", str(BLS_17), "--format", "bls-laus")
    assert "as of 2018-04-20 (the release date the file prints)" in line[-1]
    autauga = one("labor_force", "Autauga County, AL", 2017)
    assert autauga["value"] == 25909 and autauga["as_of"] == "2018-04-20"
    assert one("unemployed", "Autauga County, Alabama", 2017)["value"] == 1001
    assert one("unemployment_rate", "Autauga County, AL", 2017)["value"] == 3.9
    # Baltimore city and Baltimore County are two places.
    assert one("unemployment_rate", "Baltimore city, MD", 2017)["value"] == 6.1
    assert one("unemployment_rate", "Baltimore County, MD", 2017)["value"] == 4.3
    assert one("labor_force", "Yabucoa Municipio, PR", 2017)["value"] == 9010
    run("import-figures", str(BLS_16), "--format", "bls-laus")
    assert one("unemployment_rate", "Autauga County, AL", 2016)["value"] == 5.1


def test_census_pep_latin1_and_maricopa(db_path):
    line = run("import-figures", str(PEP), "--format", "census-pep", "--as-of", "2018-03-22")
    assert line[-1].startswith("imported 28278 figure rows")
    row = one("population", "Maricopa County, AZ", 2017)
    assert row["value"] == 4307033 and row["period_start"] == row["period_end"] == "2017-07-01"
    assert row["as_of"] == "2018-03-22"
    assert one("population", "Dona Ana County, NM", 2017)["place"] == "Doña Ana County, New Mexico"
    census = one("population", "Baltimore city, Maryland", 2010, period_start="2010-04-01")
    assert census["value"] == 620961  # the April 1, 2010 census count


def test_no_release_date_anywhere_dates_the_figures_at_import_and_says_so(db_path):
    part = db_path.parent / "pep_part.csv"  # other bytes than the known release
    part.write_bytes(b"".join(PEP.read_bytes().splitlines(keepends=True)[:200]))
    result = CliRunner().invoke(main, ["import-figures", str(part), "--format", "census-pep"])
    assert result.exit_code == 0
    assert "prints no release date and no --as-of" in result.stderr
    assert one("population", "Autauga County, AL", 2017)["as_of"] == date.today().isoformat()


def test_a_known_release_is_dated_by_its_bytes_without_as_of(db_path):
    result = CliRunner().invoke(main, ["import-figures", str(FBI_2020), "--format", "fbi-cde"])
    assert result.exit_code == 0 and result.stderr == ""
    assert "the publisher's release date of this exact file" in result.output
    assert one("homicide", "United States", 2020)["as_of"] == "2021-09-27"
    run("import-figures", str(PEP), "--format", "census-pep")
    assert one("population", "Maricopa County, AZ", 2017)["as_of"] == "2018-03-22"


def test_every_import_is_a_release_and_the_same_file_twice_adds_nothing(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    first = sources.import_file(store, BLS_17, "bls-laus")
    again = sources.import_file(store, BLS_17, "bls-laus")
    assert first.imported.new_rows == 12876
    assert again.imported.same_file and again.imported.new_rows == 0
    assert "the same file as release" in again.line
    with store.connect() as con:
        releases = con.execute(
            "SELECT source, file_name, format, sha256, file_rows, as_of, as_of_from FROM releases"
        ).fetchall()
        n = con.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert n == 12876
    assert releases == [
        (
            "BLS Local Area Unemployment Statistics",
            "laucnty17.txt",
            "bls-laus",
            "8e753ad555eb716b4bafda89d9d46a5376bea5863191f116404428806a157f2d",
            12876,
            date(2018, 4, 20),
            "file",
        )
    ]


def test_a_later_release_is_a_new_vintage_and_the_check_says_which_answered(tmp_path):
    from factcheck import verify
    from factcheck.models import Claim

    store = Store(tmp_path / "s.duckdb")
    sources.import_file(store, FBI_2019, "fbi-cde", as_of=date(2020, 9, 28))
    sources.import_file(store, FBI_2020, "fbi-cde", as_of=date(2021, 9, 27))
    rows = [
        (r["value"], r["as_of"])
        for r in store_rows(store, "homicide", "United States")
        if r["period_start"] == date(2019, 1, 1)
    ]
    assert rows == [(16425.0, date(2020, 9, 28)), (16669.0, date(2021, 9, 27))]
    sentence = "There were 16,425 murders in the United States in 2019, the FBI said."
    text = "16,425 murders"
    claim = Claim(
        text=text,
        start=sentence.find(text),
        end=sentence.find(text) + len(text),
        sentence=sentence,
        low=16425.0,
        high=16425.0,
        subject="murder",
        period="in 2019",
        place="the United States",
    )
    aired = verify.check_claims(
        store, [claim], published=date(2021, 1, 10), place="United States", mode="aired"
    )[0]
    now = verify.check_claims(
        store, [claim], published=date(2021, 1, 10), place="United States", mode="now"
    )[0]
    assert (aired.verdict, aired.official, aired.as_of) == ("accurate", 16425.0, date(2020, 9, 28))
    assert (now.official, now.as_of) == (16669.0, date(2021, 9, 27))


def store_rows(store: Store, metric: str, place: str) -> list[dict]:
    from factcheck import store as st

    with store.connect() as con:
        return st.figure_rows(con, metric, [place])


@pytest.mark.parametrize("path", [FBI_2019, FBI_2020, BLS_16, BLS_17, PEP])
def test_shipped_files_are_the_publishers_bytes(path):
    shared = Path(__file__).resolve().parents[2] / "shared" / "official"
    original = shared / path.relative_to(OFFICIAL)
    if not original.exists():
        pytest.skip(f"{shared} is absent")
    assert path.read_bytes() == original.read_bytes()


def test_the_store_make_run_creates_holds_the_demo_and_the_real_figures(tmp_path):
    from factcheck import demo

    store = Store(tmp_path / "s.duckdb")
    demo.load_demo(store, nlp=None)
    lines = demo.load_official(store)
    assert len(lines) == 5 and all(line.startswith("imported ") for line in lines)
    with store.connect() as con:
        releases = con.execute(
            "SELECT file_name, as_of FROM releases WHERE format <> 'figures' ORDER BY id"
        ).fetchall()
        illustrative = con.execute(
            "SELECT count(*) FROM figures WHERE source ILIKE '%illustrative%'"
        ).fetchone()[0]
    assert releases == [
        ("estimated_crimes_1979_2019.csv", date(2020, 9, 28)),
        ("estimated_crimes_1979_2020.csv", date(2021, 9, 27)),
        ("laucnty16.txt", date(2018, 4, 20)),
        ("laucnty17.txt", date(2018, 4, 20)),
        ("PEP_2017_PEPANNRES_counties.csv", date(2018, 3, 22)),
    ]
    assert illustrative == 68  # the demo's figures stay marked as illustrative
    assert demo.load_official(store)[0].startswith("imported 0 figure rows")  # twice: nothing


def test_official_command_loads_the_shipped_files_into_any_store(db_path):
    lines = run("official")
    assert len(lines) == 5 and lines[1].startswith("imported 21888 figure rows")
    again = run("official")
    assert all(line.startswith("imported 0 figure rows") for line in again)
