"""Hostile feeds through a real poll: a slow host holds up only itself, bad items only themselves."""

from __future__ import annotations

import dataclasses
import time

import pytest
from test_poll import LONG, STORIES, db_rows, item_xml, rss

from factcheck.polling import poll_all


@pytest.fixture(scope="module")
def nlp():
    from factcheck import claims
    from factcheck.config import settings

    return claims.load_pipeline(settings().spacy_model)


def test_one_slow_feed_does_not_hold_up_the_others(tmp_store, feed_server, net_settings):
    """Before: feeds were fetched one after another, so a hanging feed delayed every later one.
    Now the network part of each feed runs in a worker pool: the fast feeds are stored first."""
    settings = dataclasses.replace(net_settings, read_timeout=4.0, total_timeout=3.0)
    slow = feed_server.serve("/slow.xml", rss(*STORIES), delay=10)
    fast = [feed_server.serve(f"/fast{i}.xml", rss(*STORIES)) for i in range(3)]
    tmp_store.add_feed(slow, "SLOW", "Springfield")
    for i, url in enumerate(fast):
        tmp_store.add_feed(url, f"FAST{i}", "Springfield")
    began = time.monotonic()
    finished: dict[str, float] = {}

    def progress(_i, _n, feed, result):
        if result is not None:
            finished[feed.station] = time.monotonic() - began

    results = poll_all(tmp_store, None, settings, progress)
    assert [r.feed.station for r in results] == ["SLOW", "FAST0", "FAST1", "FAST2"]  # feed order
    assert all(finished[f"FAST{i}"] < 2.0 for i in range(3)), finished
    assert results[0].status == "error" and "took over 3s" in results[0].error
    assert finished["SLOW"] < 5.0
    assert [r.status for r in results[1:]] == ["new"] * 3


def test_a_309_digit_number_loses_only_its_claim(tmp_store, feed_server, net_settings, nlp):
    """Before: one item with a 309+ digit number (an infinite value) could fail the whole feed."""
    huge = "1" + "0" * 320
    bad = item_xml("big", "Budget figure", f"<p>The city spent {huge} dollars on roads.</p>" + LONG)
    url = feed_server.serve("/feed.xml", rss(bad, *STORIES))
    tmp_store.add_feed(url, "WDMO", "Springfield")
    [result] = poll_all(tmp_store, nlp, net_settings)
    assert result.status == "new" and result.new == 4
    assert any("too large to check" in note for note in result.notes)
    claims = db_rows(tmp_store, "SELECT text FROM claims")
    assert any("1500" in text for (text,) in claims)
    assert not any(huge[:40] in text for (text,) in claims)
    [feed] = tmp_store.feeds()
    assert feed.last_error.startswith("partly read: ")


def test_lone_surrogate_item_is_cleaned_and_stored(tmp_store, feed_server, net_settings):
    odd = item_xml("odd", "Odd &#xD800; headline", "<p>Forty &#xD800; potholes.</p>" + LONG)
    url = feed_server.serve("/feed.xml", rss(odd, *STORIES))
    tmp_store.add_feed(url, "WDMO", "Springfield")
    [result] = poll_all(tmp_store, None, net_settings)
    assert (result.status, result.new) == ("new", 4)
    titles = {t for (t,) in db_rows(tmp_store, "SELECT title FROM stories")}
    assert "Odd \ufffd headline" in titles


def test_a_story_not_in_english_gets_no_claims_and_says_so(
    tmp_store, feed_server, net_settings, nlp
):
    spanish = item_xml(
        "es",
        "Incautan armas",
        "<p>La policía de la ciudad incautó 1.500 armas este año, dijo el jefe durante una"
        " conferencia de prensa el martes por la mañana.</p>",
    )
    url = feed_server.serve("/feed.xml", rss(spanish, *STORIES))
    tmp_store.add_feed(url, "WDMO", "Springfield")
    [result] = poll_all(tmp_store, nlp, net_settings)
    assert result.new == 4
    assert any("not in English" in note for note in result.notes)
    claims = db_rows(tmp_store, "SELECT c.text FROM claims c")
    assert not any("1.500" in text for (text,) in claims)
    assert any("1500" in text for (text,) in claims)
