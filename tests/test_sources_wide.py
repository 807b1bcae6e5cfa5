"""`wide` by recipe: FiveThirtyEight's city murder table (years in the column names, the place in
two columns), read from ../shared/official/ (CC BY 4.0, not shipped)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from factcheck import sources
from factcheck import store as st
from factcheck.figures import FiguresInvalid
from factcheck.store import Store

FILE = Path(__file__).resolve().parents[2] / "shared" / "official" / "fivethirtyeight"
RECIPE = (
    Path(__file__).resolve().parents[1] / "factcheck/sources/recipes/fivethirtyeight_final.toml"
)


@pytest.fixture
def murders() -> Path:
    path = FILE / "murder_2015_final.csv"
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing")
        pytest.skip(f"{path} is absent")
    return path


def test_fivethirtyeight_city_murders_by_recipe(tmp_path, murders):
    store = Store(tmp_path / "s.duckdb")
    report = sources.import_file(store, murders, "wide", recipe=RECIPE, as_of=date(2016, 10, 5))
    assert report.imported.new_rows == 166  # 83 cities, two years
    with store.connect() as con:
        rows = st.figure_rows(con, "murders_ucr_city", ["Baltimore, Maryland"])
    assert [(r["period_start"], r["value"], r["as_of"]) for r in rows] == [
        (date(2014, 1, 1), 211.0, date(2016, 10, 5)),
        (date(2015, 1, 1), 344.0, date(2016, 10, 5)),
    ]
    with store.connect() as con:
        aliases = dict(con.execute("SELECT alias, place FROM place_aliases").fetchall())
    assert aliases["baltimore, md."] == "Baltimore, Maryland"


def test_a_wide_recipe_naming_a_missing_column_imports_nothing(tmp_path, murders):
    recipe = tmp_path / "r.toml"
    recipe.write_text(RECIPE.read_text().replace('"2015_murders"', '"2015_homicides"'))
    store = Store(tmp_path / "s.duckdb")
    with pytest.raises(FiguresInvalid, match="the value column '2015_homicides' is not in"):
        sources.import_file(store, murders, "wide", recipe=recipe)
    with store.connect() as con:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 0


def test_fivethirtyeight_preliminary_counts_each_city_to_its_own_date(tmp_path):
    path = FILE / "murder_2016_prelim.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    recipe = RECIPE.parent / "fivethirtyeight_prelim.toml"
    store = Store(tmp_path / "s.duckdb")
    report = sources.import_file(store, path, "wide", recipe=recipe)
    assert report.warnings == []  # every row carries its own as_of
    with store.connect() as con:
        rows = st.figure_rows(con, "murders_police_ytd", ["Chicago, Illinois"])
    assert [(r["period_start"], r["period_end"], r["value"], r["as_of"]) for r in rows] == [
        (date(2015, 1, 1), date(2015, 10, 2), 378.0, date(2016, 10, 2)),
        (date(2016, 1, 1), date(2016, 10, 2), 536.0, date(2016, 10, 2)),
    ]
    assert rows[0]["source_url"].startswith("https://portal.chicagopolice.org/")


def test_chicago_monthly_counts_by_month_column(tmp_path):
    path = FILE.parent / "chicago" / "chicago_homicide_victims_monthly.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    recipe = RECIPE.parent / "chicago_monthly_counts.toml"
    store = Store(tmp_path / "s.duckdb")
    sources.import_file(store, path, "wide", recipe=recipe, as_of=date(2023, 7, 27))
    with store.connect() as con:
        rows = st.figure_rows(con, "homicide_victims", ["Chicago, Illinois"])
    by_period = {(r["period_start"], r["period_end"]): r["value"] for r in rows}
    assert by_period[(date(2001, 1, 1), date(2001, 1, 31))] == 42
    assert by_period[(date(2023, 7, 1), date(2023, 7, 19))] == 34  # the partial last month
    assert len(rows) == 271 and {r["as_of"] for r in rows} == {date(2023, 7, 27)}


def test_a_shipped_recipe_by_name_on_the_command_line(db_path, murders):
    from click.testing import CliRunner

    from factcheck.cli import main

    args = [
        "import-figures",
        str(murders),
        "--format",
        "wide",
        "--recipe",
        "fivethirtyeight_final.toml",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "as of 2016-10-05 (the publisher's release date of this exact file)" in result.output
    assert result.output.startswith("imported 166 figure rows")


def test_chicago_counts_are_dated_by_their_known_release(tmp_path):
    path = FILE.parent / "chicago" / "chicago_homicide_victims_monthly.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    store = Store(tmp_path / "s.duckdb")
    report = sources.import_file(
        store, path, "wide", recipe=RECIPE.parent / "chicago_monthly_counts.toml"
    )
    assert report.warnings == [] and report.imported.new_rows == 542
    with store.connect() as con:
        rows = st.figure_rows(con, "homicide_cases", ["Chicago, Illinois"])
    assert {r["as_of"] for r in rows} == {date(2023, 7, 27)}
