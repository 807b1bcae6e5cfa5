"""The sidebar's counts are the pages' counts, and "Last poll" follows a poll made in the app.

The real demo store, plus a loopback feed polled from the Inbox's "Poll feeds now" button (real
fetch, feedparser, spaCy and checks); then every page is opened and each number the sidebar
shows is read off the page that shows it too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import PROJECT_ROOT
from test_poll import LONG, item_xml, rss

from factcheck.store import Store

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
STATION = "WCNT 4"
# Two stories of our own with numbers in them, so the poll adds stories and claims.
FEED = rss(
    item_xml(
        "cnt-1",
        "County fills potholes",
        "<p>Road crews filled more than 2,400 potholes this year, the county engineer said.</p>"
        + LONG,
        day=3,
    ),
    item_xml(
        "cnt-2",
        "Library hours grow",
        "<p>The library will open 12 more hours a week, the director said.</p>" + LONG,
        day=4,
    ),
)
SIDEBAR = re.compile(
    r"\*\*(?P<stories>[\d,]+)\*\* stories · \*\*(?P<claims>[\d,]+)\*\* claims · "
    r"\*\*(?P<figures>[\d,]+)\*\* official figures · \*\*(?P<metrics>[\d,]+)\*\* metrics · "
    r"\*\*(?P<open_alerts>[\d,]+)\*\* open alerts"
)


@pytest.fixture
def whole_app(monkeypatch) -> None:
    """Every AppTest run goes through streamlit_app.py, as a browser's run does.

    AppTest resets Streamlit's "app uses a pages/ folder" flag before each run, so from the
    second run on it would run the current page alone, without the sidebar; a real server runs
    the entry script (st.navigation, the sidebar) every time. This keeps the flag as st.navigation
    leaves it."""
    from streamlit.runtime.pages_manager import PagesManager

    real = PagesManager.__init__

    def init(self, *args, **kwargs):
        real(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def demo_db(tmp_path, monkeypatch, feed_server) -> Path:
    path = tmp_path / "counts.duckdb"
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE", "1")
    env = {**os.environ, "FACTCHECK_DB": str(path)}
    subprocess.run(
        [sys.executable, "-m", "factcheck", "demo"], cwd=PROJECT_ROOT, env=env, check=True,
        capture_output=True, timeout=600,
    )  # fmt: skip
    Store(path).add_feed(feed_server.serve("/counts.xml", FEED), STATION, "Birmingham, Ala.")
    return path


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _sidebar(at: AppTest) -> tuple[dict[str, int], str]:
    text = "\n".join(m.value for m in at.sidebar.markdown)
    found = SIDEBAR.search(text)
    assert found, text
    [last] = [line for line in text.splitlines() if line.startswith("Last poll:")]
    return {k: _number(v) for k, v in found.groupdict().items()}, last


def _captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def _open(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _caption_number(at: AppTest, pattern: str) -> int:
    found = re.search(pattern, _captions(at), re.MULTILINE)
    assert found, (pattern, _captions(at))
    return _number(found.group(1))


def test_sidebar_counts_agree_with_every_page_after_a_poll_from_the_app(
    demo_db, feed_server, whole_app
):
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    before, last = _sidebar(at)
    assert last == "Last poll: never"

    at.button(key="poll").click().run()  # the Inbox is the default page
    assert not at.exception, [e.value for e in at.exception]
    assert feed_server.count("/counts.xml") == 1
    counts, last = _sidebar(at)
    polled = Store(demo_db).last_poll()
    assert polled is not None
    assert last == f"Last poll: **{polled:%Y-%m-%d %H:%M} UTC**"
    # the poll's stories and claims are counted at once, not after the cache runs out
    assert counts["stories"] == before["stories"] + 2
    assert counts["claims"] >= before["claims"] + 2

    # Inbox: "N stories"
    at.run()
    assert _caption_number(at, r"^([\d,]+) stories") == counts["stories"]

    # Claims: "N claims match" with no filter, and the verdict tiles add up to it
    _open(at, "pages/claims.py")
    assert _caption_number(at, r"([\d,]+) claims match") == counts["claims"]
    assert sum(_number(m.value) for m in at.metric) == counts["claims"]

    # Official figures: figures (every vintage) and metrics
    _open(at, "pages/figures.py")
    assert _caption_number(at, r"([\d,]+) official figures") == counts["figures"]
    assert _caption_number(at, r"^([\d,]+) metrics$") == counts["metrics"]
    [catalogue] = [d.value for d in at.dataframe if "aliases" in d.value.columns]
    assert len(catalogue) == counts["metrics"]

    # Tracker: open alerts (its page brings the stored alerts up to date first)
    _open(at, "pages/tracker.py")
    after, _ = _sidebar(at)
    if after["open_alerts"]:
        assert _caption_number(at, r"([\d,]+) open alerts") == after["open_alerts"]
    else:
        assert "no open alerts" in _captions(at)
    # ... and every other count the same on every page
    assert {k: v for k, v in after.items() if k != "open_alerts"} == {
        k: v for k, v in counts.items() if k != "open_alerts"
    }
    truth = Store(demo_db).counts()
    assert after["stories"] == truth["stories"]
    assert after["figures"] == truth["figures"] and after["metrics"] == truth["metrics"]
    assert after["open_alerts"] == truth["open_alerts"]
