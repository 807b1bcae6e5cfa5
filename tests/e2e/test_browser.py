"""The running app in headless Chromium: every page, a pasted check, a PNG download, hostile text."""

from __future__ import annotations

import re
import urllib.request

import pytest
from app_store import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_STATION

from factcheck import store as q
from factcheck.charts import png_size
from factcheck.store import Store

pytestmark = pytest.mark.e2e

PAGES = {
    "inbox": "",
    "check": "check",
    "claims": "claims",
    "tracker": "tracker",
    "figures": "figures",
    "graphics": "graphics",
}
SCRIPT = (
    "Birmingham police have seized more than 1500 guns so far this year, Chief Dana Whitfield "
    "said. Homicides are up 5.1% as of August 2, she said."
)


def settle(page, timeout: float = 60_000) -> None:
    """Wait until the app has drawn the page and finished running the script."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector("h1", timeout=timeout)
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stStatusWidget"] [aria-label*="Running"],'
        ' [data-testid="stStatusWidget"] button\')',
        timeout=timeout,
    )
    page.wait_for_timeout(800)  # charts and dataframes finish drawing


def no_error_box(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]'
    ).first.inner_text()


def test_streamlit_answers_health(app_url):
    with urllib.request.urlopen(app_url + "/_stcore/health", timeout=5) as resp:
        assert resp.status == 200
        assert resp.read().strip() == b"ok"


def test_a_deep_link_opened_first_gets_the_app_around_it(page, app_url, e2e_db, screenshots):
    # Run before any other page of this server: Streamlit would otherwise treat pages/ as a
    # legacy multipage folder and run the page without the entry script (appkit.page_setup).
    with Store(e2e_db).connect() as con:
        sid = q.app_story_choices(con)[0][0]
    page.goto(f"{app_url}/check?story={sid}")
    settle(page)
    page.wait_for_selector(".story-text", timeout=30_000)
    no_error_box(page)
    assert "Official figures" in page.locator('[data-testid="stSidebarNav"]').inner_text()
    # The sidebar's store status renders after the page body on a busy machine: wait for it.
    page.get_by_text("Demo figures are illustrative").first.wait_for(timeout=30_000)
    assert "Demo figures are illustrative" in page.locator('[data-testid="stSidebar"]').inner_text()
    assert page.url.endswith(f"/check?story={sid}")
    page.screenshot(path=str(screenshots / "check-story.png"), full_page=True)


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_without_error(page, app_url, screenshots, name):
    page.goto(f"{app_url}/{PAGES[name]}")
    settle(page)
    no_error_box(page)
    assert page.locator("h1").first.is_visible()
    # Reachable from the sidebar: the navigation lists every page.
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    for title in ("Inbox", "Check a story", "Claims", "Tracker", "Official figures", "Graphics"):
        assert title in nav
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def test_paste_a_script_and_see_verdicts(page, app_url, screenshots):
    page.goto(f"{app_url}/check")
    settle(page)
    page.locator('[data-testid="stTextArea"] textarea').fill(SCRIPT)
    place = page.get_by_label("Place")
    place.fill("Birmingham, Ala.")
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_selector("mark.claim", timeout=30_000)
    settle(page)
    no_error_box(page)
    marks = page.locator("mark.claim")
    assert marks.count() >= 2
    assert "1500 guns" in page.locator(".story-text").inner_text()
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert re.search(r"\b(ACCURATE|INACCURATE|UNVERIFIABLE)\b", body)
    page.screenshot(path=str(screenshots / "check-pasted.png"), full_page=True)


def test_a_story_whose_numbers_disagree_shows_its_finding(page, app_url, e2e_db, screenshots):
    with Store(e2e_db).connect() as con:
        sid = next(i for i, _st, _p, title in q.app_story_choices(con) if "librar" in title.lower())
    page.goto(f"{app_url}/check?story={sid}")
    settle(page)
    page.wait_for_selector(".st-key-finding_0", timeout=30_000)
    no_error_box(page)
    box = page.locator(".st-key-finding_0")
    assert "4,650 to 4,820 is a 3.66 percent rise" in box.inner_text()
    # The three numbers are marked in the story's own words, beside the verdicts above.
    assert sorted(box.locator("mark.claim").all_inner_texts()) == ["12 percent", "4,650", "4,820"]
    assert "library cards" in box.locator(".finding-text").inner_text()
    assert page.locator(".story-text").count() == 1
    page.screenshot(path=str(screenshots / "check-finding.png"), full_page=True)


def test_download_png_is_1920x1080(page, app_url, tmp_path):
    page.goto(f"{app_url}/graphics")
    settle(page)
    no_error_box(page)
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Download PNG").click()
    path = tmp_path / "graphic.png"
    info.value.save_as(path)
    assert png_size(path.read_bytes()) == (1920, 1080)


def test_hostile_story_shows_as_text_and_no_dialog_fires(page, app_url, e2e_db, screenshots):
    with Store(e2e_db).connect() as con:
        sid = next(i for i, station, _, _ in q.app_story_choices(con) if station == HOSTILE_STATION)
        story = q.app_story(con, sid)
    page.goto(f"{app_url}/check?story={sid}")
    settle(page)
    page.wait_for_selector(".story-text", timeout=30_000)
    no_error_box(page)
    shown = page.locator(".story-text").inner_text()
    # Whatever of the hostile markup survived the feed's HTML-to-text step is shown as text.
    for hostile in (HOSTILE_SCRIPT, HOSTILE_IMG):
        if hostile in story["text"]:
            assert hostile in shown
    assert "<script>" in story["text"], "the poll kept the escaped markup as text"
    heading = page.locator('[data-testid="stMain"] h3').first.inner_text()
    assert story["title"] in heading
    # No element came from the story: no injected <img src=x>, no script with its payload.
    assert page.locator('img[src="x"]').count() == 0
    assert (
        page.evaluate("() => [...document.scripts].some(s => s.textContent.includes('xss-'))")
        is False
    )
    page.wait_for_timeout(1000)  # give any injected handler the chance to fire (it must not)
    page.screenshot(path=str(screenshots / "check-hostile.png"), full_page=True)


def test_a_mismatch_bar_opens_its_story(page, app_url):
    page.goto(f"{app_url}/claims")
    settle(page)
    bars = page.locator('[data-testid="stVegaLiteChart"] .mark-rect path')
    bars.first.wait_for(timeout=30_000)  # Vega draws after the script has finished
    assert bars.count() >= 1
    bars.first.click()
    page.wait_for_url(re.compile(r".*/check\?story=\d+$"), timeout=30_000)
    page.wait_for_selector(".story-text", timeout=30_000)
    no_error_box(page)
    assert page.locator("mark.claim-inaccurate").count() >= 1


def test_tracker_shows_alerts_and_a_threads_market_view(page, app_url, screenshots):
    page.goto(f"{app_url}/tracker")
    settle(page)
    no_error_box(page)
    main = page.locator('[data-testid="stMain"]')
    assert "Verdict changed by new figures" in main.inner_text()
    assert "What to do:" in main.inner_text()
    page.get_by_role("tab", name="Threads").click()
    page.wait_for_timeout(500)
    threads = main.inner_text()
    assert "The market view" in threads and "the record says" in threads
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 1  # the timeline
    page.screenshot(path=str(screenshots / "tracker-thread.png"), full_page=True)
