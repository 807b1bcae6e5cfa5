"""The store the app tests run on: the real demo newsroom, plus one hostile story polled for real.

`python -m factcheck demo` fills it; then a feed served from a loopback server (tests/feedserver)
is added with `add-feed` and read with `poll`, so the hostile story comes in the way a station's
story would: through fetch, feedparser and the HTML-to-text step.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from feedserver import FeedServer

PROJECT_ROOT = Path(__file__).resolve().parents[1]
HOSTILE_STATION = "WXSS 9"
# Entity-escaped in the feed, so after parsing the story's text holds these characters literally.
HOSTILE_SCRIPT = "<script>alert('xss-script')</script>"
HOSTILE_IMG = "<img src=x onerror=alert('xss-img')>"

HOSTILE_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>WXSS 9 test feed</title><link>http://127.0.0.1/</link><description>t</description>
<item>
  <title>Council budget &lt;script&gt;alert('xss-title')&lt;/script&gt; vote &lt;img src=x onerror=alert('xss-title-img')&gt;</title>
  <link>http://127.0.0.1/news/hostile</link>
  <guid isPermaLink="false">wxss-hostile-1</guid>
  <pubDate>Mon, 19 Oct 2026 10:00:00 -0500</pubDate>
  <content:encoded><![CDATA[<p>The city council approved a budget of $4.5 million on Monday, Mayor Ann Ruiz said.</p>
<p>A reader wrote &lt;script&gt;alert('xss-script')&lt;/script&gt; in the comments, and another posted &lt;img src=x onerror=alert('xss-img')&gt; as a joke.</p>
<script>alert('raw-script')</script><img src="x" onerror="alert('raw-img')">
<p>Police seized more than 1500 guns so far this year, the chief said.</p>]]></content:encoded>
</item>
</channel></rss>
"""


def _run(args: list[str], env: dict) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"factcheck {args[0]} failed: {done.stderr.strip()}")
    return done.stdout


def make_app_store(path: Path) -> Path:
    """Fill `path` with the demo newsroom and the hostile story; returns `path`."""
    env = {**os.environ, "FACTCHECK_DB": str(path), "FACTCHECK_ALLOW_PRIVATE": "1"}
    _run(["demo"], env)
    with FeedServer() as server:
        url = server.serve("/hostile.xml", HOSTILE_FEED.encode("utf-8"))
        _run(["add-feed", url, "--station", HOSTILE_STATION, "--place", "Birmingham, Ala."], env)
        _run(["poll"], env)
    return path
