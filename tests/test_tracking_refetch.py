"""Corrections caught where they happen: article pages re-read on a schedule that follows the
story's age (real HTTP on the loopback server), canonical story URLs, typography-only changes
that never make a version, and the version's changes said in words."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from factcheck import refetch, tracking
from factcheck.claims import load_pipeline
from factcheck.config import settings
from factcheck.models import StoryItem
from factcheck.polling import poll_all

PAGE = (
    "<html><head><title>x</title></head><body><nav>Home Weather Traffic Sports</nav><article>"
    "<h1>Gun seizures climb</h1>{body}</article><footer>Copyright WDMO 7</footer></body></html>"
)
BODY = (
    "<p>Birmingham police have seized {n} guns so far this year, Chief Dana Whitfield said"
    " on Tuesday at a briefing at headquarters.</p>"
    "<p>Whitfield said the department's stolen-gun unit, formed in March, made the biggest"
    " difference, and asked drivers to lock their cars at night.</p>"
    "<p>Officers recovered most of the guns during traffic stops, the chief said, and about a"
    " third had been reported stolen by their owners.</p>"
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(settings().spacy_model)


def _feed(
    link: str, when: datetime, teaser: str = "Police say gun seizures keep climbing..."
) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>WDMO 7</title>'
        f"<link>https://wdmo.example/</link><item><title>Gun seizures climb</title>"
        f"<link>{link}</link><guid isPermaLink='false'>g1</guid>"
        f"<pubDate>{format_datetime(when)}</pubDate><description>{teaser}</description></item>"
        "</channel></rss>"
    )


def _page(server, n: str, *, typographic: bool = False) -> None:
    body = BODY.format(n=n)
    if typographic:  # curly quotes, a non-breaking space, doubled spaces: typography only
        body = body.replace("department's", "department\u2019s").replace(" on ", "\u00a0on  ")
    server.serve("/news/guns", PAGE.format(body=body), content_type="text/html; charset=utf-8")


def _versions(store, story_id=1):
    with store.connect() as con:
        return con.execute(
            "SELECT version, text FROM story_versions WHERE story_id = ? ORDER BY version",
            [story_id],
        ).fetchall()


def test_a_correction_made_on_the_page_becomes_a_version(tmp_store, feed_server, net_settings, nlp):
    born = datetime.now(UTC) - timedelta(hours=2)
    _page(feed_server, "1,500")
    link = feed_server.url("/news/guns")
    feed = feed_server.serve("/feed.xml", _feed(link, born))
    tmp_store.add_feed(feed, "WDMO 7", "Birmingham, Ala.")
    poll_all(tmp_store, nlp, net_settings)
    assert len(_versions(tmp_store)) == 1 and feed_server.count("/news/guns") == 1
    # Not due yet: a story two hours old is re-read after half an hour (ratio 0.25).
    now = datetime.now(UTC).replace(tzinfo=None)
    assert refetch.refetch_due(tmp_store, nlp, net_settings, now=now).fetched == 0
    # Typography only: read, but no version.
    _page(feed_server, "1,500", typographic=True)
    # 50 minutes on, well past a quarter of the story's age (the age grows with the clock too:
    # at exactly 40 minutes the check sat on the boundary and failed when the poll was slow).
    later = now + timedelta(minutes=50)
    got = refetch.refetch_due(tmp_store, nlp, net_settings, now=later)
    assert (got.fetched, got.changed) == (1, []) and len(_versions(tmp_store)) == 1
    # The page is corrected (the feed is not): a second version, whose change is said in words.
    _page(feed_server, "1,200")
    got = refetch.refetch_due(tmp_store, nlp, net_settings, now=later + timedelta(hours=2))
    assert got.changed == [1]
    versions = _versions(tmp_store)
    assert [v for v, _ in versions] == [1, 2] and "1,200 guns" in versions[1][1]
    lines = tracking.version_summary(tmp_store, 1, 1, 2)
    assert any("1,500 -> 1,200" in line for line in lines), lines
    # The next feed poll sees the feed unchanged: no third version, no re-count.
    results = poll_all(tmp_store, nlp, net_settings)
    assert results[0].updated == 0 and len(_versions(tmp_store)) == 2


def test_the_schedule_follows_the_story_age(tmp_store, feed_server, net_settings):
    cfg = dataclasses.replace(net_settings, refetch_ratio=0.5, refetch_min_minutes=1)
    old = datetime.now(UTC) - timedelta(days=30)
    _page(feed_server, "1,500")
    tmp_store.add_feed(
        feed_server.serve("/feed.xml", _feed(feed_server.url("/news/guns"), old)), "W", "X"
    )
    poll_all(tmp_store, None, cfg)
    now = datetime.now(UTC).replace(tzinfo=None)
    # Thirty days old: due every fifteen days (capped at the weekly maximum), not in six days.
    assert refetch.refetch_due(tmp_store, None, cfg, now=now + timedelta(days=6)).fetched == 0
    assert (
        refetch.refetch_due(tmp_store, None, cfg, now=now + timedelta(days=7, hours=1)).fetched == 1
    )
    # Past the stop age a page is never read again.
    stop = dataclasses.replace(cfg, refetch_stop_days=20)
    assert refetch.refetch_due(tmp_store, None, stop, now=now + timedelta(days=30)).fetched == 0


def test_canonical_urls_drop_tracking_parameters():
    c = refetch.canonical_url
    assert c("HTTPS://WWW.Wdmo.example:443/news/a?utm_source=fb&id=4&fbclid=x#top") == (
        "https://www.wdmo.example/news/a?id=4"
    )
    assert c("http://a.example/x?b=2&a=1") == "http://a.example/x?a=1&b=2"
    assert c("https://a.example") == "https://a.example/"
    assert c("https://a.example:8443/p?utm_medium=x&ref=tw") == "https://a.example:8443/p"
    assert c("demo:wdmo7") == "demo:wdmo7" and c(None) is None


def _item(guid, url):
    return StoryItem(guid=guid, title="T", url=url, published=None, author=None, text="x")


def test_one_story_reached_through_two_links_is_one_story():
    items = [
        _item("https://w.example/a?utm_source=rss", "https://w.example/a?utm_source=rss"),
        _item("https://w.example/a?fbclid=1", "https://w.example/a?fbclid=1"),
        _item("b-2", "https://w.example/b"),
    ]
    out = refetch.canonicalise_items(items, stored=[("b-1", "https://w.example/b?utm_campaign=x")])
    assert [(i.guid, i.url) for i in out] == [
        ("https://w.example/a", "https://w.example/a"),
        ("b-1", "https://w.example/b"),  # the stored story's guid: the same story
    ]


def test_two_links_to_one_story_poll_as_one(tmp_store, feed_server, net_settings):
    long = (
        "<p>" + "The council met to talk about the budget with residents and staff. " * 8 + "</p>"
    )

    def feed(query: str) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>W</title>'
            f"<link>https://w.example/</link><item><title>Budget</title>"
            f"<link>https://w.example/news/budget{query}</link>"
            f"<description><![CDATA[{long}]]></description></item></channel></rss>"
        )

    route = feed_server.serve("/feed.xml", feed("?utm_source=rss"))
    tmp_store.add_feed(route, "W", "X")
    poll_all(tmp_store, None, net_settings)
    feed_server.serve("/feed.xml", feed("?fbclid=abc&utm_medium=social"))
    poll_all(tmp_store, None, net_settings)
    with tmp_store.connect() as con:
        rows = con.execute("SELECT guid, url FROM stories").fetchall()
    assert rows == [("https://w.example/news/budget", "https://w.example/news/budget")]
