"""An unverifiable claim is actionable: what is missing in plain words, and the figure added on the
spot (metric and place filled in), which re-checks the claim and is kept as a new release with its
audit row (the library, then the Check page through AppTest)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import sources, verify
from factcheck.models import Claim, Figure
from factcheck.sources.missing import missing_figure
from factcheck.store import Store

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
CATALOGUE = (
    b"metric,label,unit,aliases,definition\n"
    b"guns_seized,Guns seized by police,count,gun;firearm,firearms taken into police custody\n"
)
FIGURES = (
    "metric,place,period_start,period_end,value,unit,source,as_of\n"
    'guns_seized,"Birmingham, Ala.",2021-01-01,2021-12-31,1340,count,Birmingham PD,2022-01-20\n'
)
SENTENCE = "Birmingham police seized 1,200 guns in 2022, the chief told the council."


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    path = tmp_path / "s.duckdb"
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    store = Store(path)
    (tmp_path / "m.csv").write_bytes(CATALOGUE)
    (tmp_path / "f.csv").write_text(FIGURES)
    sources.import_files(store, tmp_path / "f.csv", tmp_path / "m.csv")
    return store


def _claim() -> Claim:
    start = SENTENCE.find("1,200 guns")
    return Claim(
        text="1,200 guns",
        start=start,
        end=start + 10,
        sentence=SENTENCE,
        low=1200.0,
        high=1200.0,
        subject="gun",
        period="in 2022",
    )


def test_what_is_missing_in_plain_words_then_the_figure_answers(store):
    claim = _claim()
    kw = {"published": date(2023, 2, 1), "place": "Birmingham, Ala."}
    check = verify.check_claims(store, [claim], mode="aired", **kw)[0]
    assert check.verdict == "unverifiable"
    missing = missing_figure(store, claim, check, **kw)
    assert (
        missing.sentence() == "No 2022 guns seized by police figures for Birmingham, Ala. on record"
    )
    assert (missing.metric, missing.period_start, missing.period_end) == (
        "guns_seized",
        date(2022, 1, 1),
        date(2022, 12, 31),
    )
    figure = Figure(
        missing.metric, missing.place, missing.period_start, missing.period_end, 1200.0,
        "count", "Birmingham PD", "https://police.example/stats", date(2023, 1, 18),
    )  # fmt: skip
    line, _ = sources.add_figure(store, figure, editor="Sam")
    assert line.startswith("imported 1 figure rows")
    again = verify.check_claims(store, [claim], mode="aired", **kw)[0]
    assert (again.verdict, again.official, again.as_of) == ("accurate", 1200.0, date(2023, 1, 18))
    with store.connect() as con:
        audit = con.execute("SELECT field, new_value, editor FROM figure_edits").fetchall()
        release = con.execute(
            "SELECT file_name, as_of_from FROM releases ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert audit == [("added", "1200.0", "Sam")]
    assert release == ("added in the app by Sam", "rows")


def test_the_check_page_card_says_what_is_missing_and_adds_it(store):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("pages/check.py").run()
    at.text_area(key="script").input(SENTENCE)
    at.date_input(key="paste_published").set_value(date(2023, 2, 1))
    at.text_input(key="paste_place").input("Birmingham, Ala.")
    at.button(key="paste_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any(
        "No 2022 guns seized by police figures for Birmingham, Ala. on record" in c
        for c in captions
    )
    at.selectbox(key="work_claim").select_index(0).run()
    assert at.text_input(key="addfig_metric_0").value == "guns_seized"
    assert at.text_input(key="addfig_place_0").value == "Birmingham, Ala."
    at.number_input(key="addfig_value_0").set_value(1200)
    at.date_input(key="addfig_as_of_0").set_value(date(2023, 1, 18))
    at.text_input(key="addfig_source_0").input("Birmingham PD")
    at.button(key="addfig_submit_0").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("The claim is now accurate" in s.value for s in at.success)
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any("What it counts: firearms taken into police custody" in c for c in captions)
    with store.connect() as con:
        assert con.execute("SELECT count(*) FROM figure_edits").fetchone()[0] == 1
