"""Alerts and story status on real stores: the demo newsroom (real pipeline, real figure imports)
and small stores built through the store's own functions; the commands through click."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner
from test_tracking import T0, Newsroom, _claim

from factcheck import demo, sources, tracking
from factcheck import store as store_mod
from factcheck.claims import load_pipeline
from factcheck.cli import main
from factcheck.config import settings
from factcheck.feeds import content_hash
from factcheck.store import Store

REVISION = (
    "metric,place,period_start,period_end,value,unit,source,source_url,as_of,notes\n"
    'unemployment_rate,"Birmingham, Ala.",2026-08-01,2026-08-31,2.9,percent,'
    "Test revision (illustrative),http://demo.invalid/r,2026-11-25,illustrative second revision\n"
)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("alerts") / "demo.duckdb")
    demo.load_demo(store, nlp=load_pipeline(settings().spacy_model))
    return store


def _story_id(store, title_start: str) -> int:
    with store.connect() as con:
        return next(
            s["id"] for s in store_mod.story_summaries(con) if s["title"].startswith(title_start)
        )


def test_revised_figures_raise_a_verdict_alert_and_an_aired_story_is_told_to_correct(
    demo_store, tmp_path
):
    tracking.refresh_alerts(demo_store)
    jobs = _story_id(demo_store, "Birmingham unemployment rate")
    (first,) = [a for a in tracking.list_alerts(demo_store) if a.kind == "verdict_changed"]
    assert first.story_id == jobs and first.severity == "high"
    assert '"2.9 percent"' in first.message and "accurate and is now inaccurate" in first.message
    assert "2.9 -> 3" in first.message and "before it airs" in first.action
    # The story aired; a second revision turns the verdict back: a new alert that says so.
    tracking.set_status(demo_store, jobs, "aired", editor="desk", note="6 p.m. show")
    path = tmp_path / "revision.csv"
    path.write_text(REVISION, encoding="utf-8")
    sources.import_files(demo_store, path)
    assert tracking.refresh_alerts(demo_store) == 1
    newest = tracking.list_alerts(demo_store)[0]
    assert newest.kind == "verdict_changed" and "The story has aired" in newest.message
    assert "inaccurate and is now accurate" in newest.message
    assert tracking.refresh_alerts(demo_store) == 0  # found once, stored once
    # A third vintage moves the record but not the verdict: a figure_revised alert.
    path.write_text(REVISION.replace(",2.9,", ",2.92,").replace("2026-11-25", "2026-11-28"))
    sources.import_files(demo_store, path)
    assert tracking.refresh_alerts(demo_store) == 1
    revised = tracking.list_alerts(demo_store)[0]
    assert revised.kind == "figure_revised" and "from 2.9 to 2.92" in revised.message
    assert "verdict stays accurate" in revised.message and revised.severity == "normal"


def test_the_demo_correction_reads_as_a_changed_value(demo_store):
    grad = _story_id(demo_store, "Birmingham City Schools graduation")
    lines = tracking.version_summary(demo_store, grad, 1, 2)
    assert any("92 -> 89" in line and "inaccurate -> accurate" in line for line in lines), lines


def test_a_story_changed_after_it_was_verified(tmp_path):
    room = Newsroom(tmp_path / "t.duckdb")
    v1 = "The graduation rate climbed to 92 percent last year."
    sid, _, (c1,) = room.story(
        "g", "Graduation", v1, T0, [_claim("92 percent", v1, 92, unit="percent")]
    )
    tracking.set_status(room.store, sid, "verified", editor="ed")
    assert tracking.refresh_alerts(room.store) == 0
    v2 = "The graduation rate climbed to 89 percent last year."
    with room.store.transaction() as con:
        vid, _ = store_mod.insert_version(
            con,
            sid,
            title="Graduation",
            text=v2,
            content_hash=content_hash("Graduation", v2),
            fetched_at=datetime.now() + timedelta(minutes=1),
        )
        store_mod.insert_claims(con, sid, vid, [_claim("89 percent", v2, 89, unit="percent")])
    assert tracking.refresh_alerts(room.store) == 1
    (alert,) = tracking.list_alerts(room.store)
    assert alert.kind == "changed_after_verified" and alert.story_id == sid
    assert "marked verified" in alert.message and "92 -> 89" in alert.message
    assert "checking" in alert.action


def test_an_inaccurate_figure_repeated_by_another_station(tmp_path):
    room = Newsroom(tmp_path / "t.duckdb")
    a = "Police seized 1,600 guns so far this year."
    b = "Officers have taken 1,600 guns off the streets this year."
    _, _, (ca,) = room.story("a", "Guns", a, T0, [_claim("1,600 guns", a, 1600)])
    sb, _, (cb,) = room.story(
        "b",
        "Guns again",
        b,
        T0 + timedelta(days=3),
        [_claim("1,600 guns", b, 1600)],
        feed=room.other,
    )
    for cid in (ca, cb):
        room.check(cid, "inaccurate", 1534, metric="guns_seized")
    tracking.refresh_alerts(room.store)
    (alert,) = tracking.list_alerts(room.store)
    assert (alert.kind, alert.story_id, alert.claim_id) == ("repeated_inaccurate", sb, cb)
    assert "Test 9" in alert.message and "another station" in alert.message
    assert "1,534" in alert.message and "1,534" in alert.action


def test_a_speaker_contradicting_their_own_earlier_claim(tmp_path):
    room = Newsroom(tmp_path / "t.duckdb")
    aug = "Police have seized more than 1,500 guns so far this year, Chief Dana Whitfield said."
    octo = "Officers have seized 1,300 guns so far this year, Whitfield said."
    nov = "We have taken more than 2,500 guns off the street so far this year, Whitfield said."

    def said(text, words, value, qualifier, speaker):
        c = _claim(words, text, value, speaker=speaker)
        c.qualifier, c.subject, c.period = qualifier, "gun", "so far this year"
        return c

    room.story(
        "a",
        "Guns",
        aug,
        T0,
        [said(aug, "more than 1,500 guns", 1500, "more_than", "Chief Dana Whitfield")],
    )
    oct_id, _, (c_oct,) = room.story(
        "b",
        "Guns",
        octo,
        T0 + timedelta(days=60),
        [said(octo, "1,300 guns", 1300, "exact", "Whitfield")],
    )
    room.story(
        "c",
        "Guns",
        nov,
        T0 + timedelta(days=100),
        [said(nov, "more than 2,500 guns", 2500, "more_than", "Whitfield")],
    )
    tracking.refresh_alerts(room.store)
    found = [a for a in tracking.list_alerts(room.store) if a.kind == "speaker_contradiction"]
    # October's count is below August's for the same year; November's is not a contradiction.
    assert [(a.story_id, a.claim_id) for a in found] == [(oct_id, c_oct)]
    assert '"1,300 guns"' in found[0].message and '"more than 1,500 guns"' in found[0].message
    assert "speaker's office" in found[0].action


def test_findings_are_a_pluggable_alert_kind(tmp_path):
    rows = [
        {"id": 7, "story_id": 3, "kind": "sum", "explanation": "The parts add to 40, not 45."},
        {"story_id": None, "explanation": "no story: skipped"},
        {"story_id": 4},  # no explanation: skipped
    ]
    (alert,) = tracking.finding_alerts(rows)
    assert alert.key == "finding:7" and alert.story_id == 3 and "add to 40" in alert.message
    # The store's findings (migration 006) are read by a refresh.
    room = Newsroom(tmp_path / "t.duckdb")
    sid, vid, _ = room.story("a", "Budget", "The parts add up.", T0)
    with room.store.transaction() as con:
        con.execute(
            "INSERT INTO findings (story_id, version_id, seq, kind, claims, stated, computed,"
            " explanation, rule) VALUES (?, ?, 1, 'parts_total', [], 45, 40,"
            " 'The parts add to 40, not 45.', 'colon list')",
            [sid, vid],
        )
    assert tracking.refresh_alerts(room.store) == 1
    assert tracking.list_alerts(room.store)[0].kind == "finding"


def test_alerts_are_newest_first_and_handled_ones_leave_the_list(tmp_path):
    room = Newsroom(tmp_path / "t.duckdb")
    sid, _, _ = room.story("a", "Budget", "The parts add up.", T0)
    old = [{"id": 1, "story_id": sid, "explanation": "one", "created": T0}]
    new = [{"id": 2, "story_id": sid, "explanation": "two", "created": T0 + timedelta(days=1)}]
    tracking.register_source("test", lambda con: tracking.finding_alerts(old + new))
    try:
        tracking.refresh_alerts(room.store)
    finally:
        del tracking.alerts.SOURCES["test"]
    listed = tracking.list_alerts(room.store)
    assert [a.message.endswith("two") for a in listed] == [True, False]
    tracking.handle_alert(room.store, listed[0].id, by="ed", note="fixed")
    assert [a.id for a in tracking.list_alerts(room.store)] == [listed[1].id]
    assert len(tracking.list_alerts(room.store, include_handled=True)) == 2
    with pytest.raises(store_mod.StoreError, match="no open alert"):
        tracking.handle_alert(room.store, listed[0].id)


def test_status_changes_are_audited(tmp_path):
    room = Newsroom(tmp_path / "t.duckdb")
    sid, _, _ = room.story("a", "Budget", "The parts add up.", T0)
    assert tracking.status_of(room.store, sid) == "new"
    tracking.set_status(room.store, sid, "checking", editor="ana")
    change = tracking.set_status(
        room.store, sid, "Needs correction", editor="bo", note="wrong year"
    )
    assert (change.old_status, change.status, change.note) == (
        "checking",
        "needs_correction",
        "wrong year",
    )
    hist = tracking.status.history(room.store, sid)
    assert [(h.old_status, h.status, h.editor) for h in hist] == [
        ("checking", "needs_correction", "bo"),
        ("new", "checking", "ana"),
    ]
    with pytest.raises(tracking.StatusError, match="unknown status"):
        tracking.set_status(room.store, sid, "published")
    with pytest.raises(tracking.StatusError, match="no story 99"):
        tracking.set_status(room.store, 99, "aired")
    assert len(tracking.status.history(room.store, sid)) == 2


def test_the_commands(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "t.duckdb"))
    room = Newsroom(tmp_path / "t.duckdb")
    text = "Police seized more than 1,500 guns so far this year, Chief Dana Whitfield said."
    a, _, _ = room.story(
        "a", "Guns", text, T0, [_claim("1,500 guns", text, 1500, speaker="Dana Whitfield")]
    )
    b, _, _ = room.story(
        "b",
        "Guns",
        text,
        T0 + timedelta(hours=3),
        [_claim("1,500 guns", text, 1500, speaker="Dana Whitfield")],
        feed=room.other,
    )
    run = CliRunner().invoke
    done = run(main, ["threads", "--format", "jsonl"])
    assert done.exit_code == 0, done.output
    (line,) = [json.loads(x) for x in done.output.splitlines()]
    assert set(line) >= {"id", "title", "story_ids", "stations", "reasons"}
    assert line["story_ids"] == [a, b] and line["stations"] == ["Test 4", "Test 9"]
    done = run(
        main, ["status", str(a), "verified", "--note", "called the press office", "--by", "ed"]
    )
    assert done.exit_code == 0 and "new -> verified (by ed)" in done.output
    bad = run(main, ["status", str(a), "done"])
    assert bad.exit_code != 0 and "unknown status" in bad.output
    assert run(main, ["status", "999", "aired"]).exit_code != 0
    assert tracking.status_of(room.store, a) == "verified"
    done = run(main, ["thread", "unlink", str(b)])
    assert done.exit_code == 0, done.output
    assert run(main, ["threads", "--format", "jsonl"]).output == ""
    assert run(main, ["thread", "link", str(b), "x"]).exit_code != 0
    done = run(main, ["alerts", "--format", "jsonl"])
    assert done.exit_code == 0 and done.output == ""


def test_the_inbox_filters_by_desk_status(tmp_path):
    room = Newsroom(tmp_path / "t.duckdb")
    a, _, _ = room.story("a", "One", "The parts add up.", T0)
    b, _, _ = room.story("b", "Two", "The parts add up again.", T0 + timedelta(hours=1))
    tracking.set_status(room.store, b, "needs-correction", editor="ed")
    with room.store.connect() as con:
        everything = store_mod.app_inbox(con)
        fix = store_mod.app_inbox(con, desk_status="needs_correction")
        fresh = store_mod.app_inbox(con, desk_status="new")
    assert dict(zip(everything.id, everything.desk_status, strict=True)) == {
        a: "new",
        b: "needs_correction",
    }
    assert list(fix.id) == [b] and list(fresh.id) == [a]
