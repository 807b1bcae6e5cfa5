"""Official figures -> Import in the app: pick a publisher's format, preview the rows, then save;
the CSV template; a metrics catalogue upload; a figure added by hand (AppTest on a fresh store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.store import Store

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
OFFICIAL = Path(__file__).resolve().parents[1] / "data" / "official"


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "app.duckdb"
    Store(path).migrate()
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    return path


def _figures_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/figures.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _count(db: Path, table: str = "figures") -> int:
    with Store(db).connect() as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - constant


def test_pick_a_format_preview_then_import(db):
    at = _figures_page()
    assert "CSV template" in {b.label for b in at.get("download_button")}
    at.selectbox(key="fig_format").select("bls-laus").run()
    data = (OFFICIAL / "bls-laus" / "laucnty17.txt").read_bytes()
    at.file_uploader(key="fig_upload").set_value(("laucnty17.txt", data, "text/plain")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("12876 row(s) are valid" in s.value for s in at.success)
    assert any("as of 2018-04-20 (file)" in c.value.replace("\\", "") for c in at.caption)
    assert _count(db) == 0  # a preview saves nothing
    at.button(key="fig_import").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _count(db) == 12876 and _count(db, "releases") == 1


def test_a_file_of_another_format_is_listed_and_nothing_saved(db):
    at = _figures_page()
    at.selectbox(key="fig_format").select("census-pep").run()
    data = (OFFICIAL / "fbi-cde" / "estimated_crimes_1979_2020.csv").read_bytes()
    at.file_uploader(key="fig_upload").set_value(("fbi.csv", data, "text/csv")).run()
    assert any("1 bad row" in e.value for e in at.error)
    assert _count(db) == 0


def test_metrics_upload_and_a_figure_added_by_hand(db):
    at = _figures_page()
    catalogue = b"metric,label,unit,aliases,definition\nguns_seized,Guns seized,count,gun,guns taken by police\n"
    at.file_uploader(key="metrics_upload").set_value(("m.csv", catalogue, "text/csv")).run()
    at.button(key="metrics_import").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store(db).connect() as con:
        assert con.execute("SELECT definition FROM metrics").fetchall() == [
            ("guns taken by police",)
        ]
    import datetime as dt

    at.text_input(key="fig_add_metric").input("guns_seized")
    at.text_input(key="fig_add_place").input("Birmingham, Ala.")
    at.number_input(key="fig_add_value").set_value(2105)
    at.date_input(key="fig_add_start").set_value(dt.date(2024, 1, 1))
    at.date_input(key="fig_add_end").set_value(dt.date(2024, 12, 31))
    at.date_input(key="fig_add_as_of").set_value(dt.date(2025, 1, 20))
    at.text_input(key="fig_add_source").input("Birmingham Police Department")
    at.button(key="fig_add_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store(db).connect() as con:
        row = con.execute("SELECT value, as_of, source FROM figures").fetchall()
        audit = con.execute("SELECT field, new_value, editor FROM figure_edits").fetchall()
    assert row == [(2105.0, dt.date(2025, 1, 20), "Birmingham Police Department")]
    assert audit == [("added", "2105.0", "desk")]


def test_the_make_run_store_opens_on_real_figures(tmp_path, monkeypatch):
    import time

    from factcheck import demo

    path = tmp_path / "run.duckdb"
    store = Store(path)
    demo.load_demo(store, nlp=None)
    demo.load_official(store)
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    started = time.perf_counter()
    at = _figures_page()
    at.selectbox(key="fig_series_metric").select("homicide").run()
    places = at.selectbox(key="fig_series").options
    at.selectbox(key="fig_series").select_index(places.index("United States")).run()
    assert not at.exception, [e.value for e in at.exception]
    took = time.perf_counter() - started
    text = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert "FBI Crime Data Explorer, estimated crimes" in text
    assert took < 60, took


def test_an_incident_export_with_a_shipped_recipe(db):
    at = _figures_page()
    at.selectbox(key="fig_format").select("incidents").run()
    assert at.selectbox(key="fig_recipe_name").options == [
        "chicago.toml",
        "los_angeles.toml",
        "seattle.toml",
    ]
    at.selectbox(key="fig_recipe_name").select("chicago.toml").run()
    at.date_input(key="fig_as_of").set_value(date(2023, 3, 27)).run()
    data = (Path(__file__).parent / "data" / "sources" / "incidents" / "chicago.csv").read_bytes()
    at.file_uploader(key="fig_upload").set_value(("crimes.csv", data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("10 row(s) are valid" in s.value for s in at.success)
    at.button(key="fig_import").click().run()
    assert _count(db) == 10
