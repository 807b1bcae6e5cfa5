"""The running app offline and honest: no request leaves the machine, every page has an address,
a pasted script survives a visit to another page, the sidebar follows a poll."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from test_browser import PAGES, SCRIPT, no_error_box, settle

pytestmark = pytest.mark.e2e


def test_no_request_leaves_the_machine(page, app_url):
    """Before: every page asked fonts.gstatic.com for its Material icon (the favicon)."""
    outside: list[str] = []

    def record(request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http://", "https://", "ws://", "wss://")) and host not in (
            "127.0.0.1",
            "localhost",
        ):
            outside.append(request.url)

    page.on("request", record)
    for path in PAGES.values():
        page.goto(f"{app_url}/{path}")
        settle(page)
    icon = page.locator("link[rel='shortcut icon']").get_attribute("href") or ""
    assert "gstatic" not in icon
    assert outside == []


@pytest.mark.parametrize("path", ["inbox", "check", "claims", "tracker", "figures", "graphics"])
def test_every_page_has_a_working_address(page, app_url, path):
    page.goto(f"{app_url}/{path}")
    settle(page)
    no_error_box(page)
    text = page.locator('[data-testid="stApp"]').inner_text()
    assert "Page not found" not in text
    assert page.locator("h1").first.is_visible()


def test_pasted_script_survives_a_visit_to_another_page(page, app_url):
    page.goto(f"{app_url}/check")
    settle(page)
    page.locator('[data-testid="stTextArea"] textarea').fill(SCRIPT)
    page.get_by_label("Place").fill("Birmingham, Ala.")
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_selector("mark.claim", timeout=30_000)
    settle(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Claims").click()
    settle(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Check a story").click()
    settle(page)
    assert page.locator('[data-testid="stTextArea"] textarea').input_value() == SCRIPT
    assert page.locator("mark.claim").count() >= 2


def test_last_poll_in_the_sidebar_follows_a_poll_from_the_app(page, app_url, e2e_db):
    """Before: the sidebar was drawn before the page ran, so it kept the poll before."""
    import duckdb

    from factcheck.store import Store

    with duckdb.connect(str(e2e_db)) as con:
        con.execute("UPDATE polls SET finished_at = TIMESTAMP '2020-01-02 03:04:00'")
    page.goto(f"{app_url}/")
    settle(page)
    page.get_by_role("button", name="Poll feeds now").click()
    page.get_by_text("Polled").first.wait_for(timeout=90_000)
    settle(page)
    last = Store(e2e_db).last_poll()
    assert last.year > 2020
    shown = f"{last:%Y-%m-%d %H:%M}"
    # The sidebar is drawn once the page has run: wait for that, not for a later rerun.
    page.wait_for_function(
        f"() => document.querySelector('[data-testid=\"stSidebar\"]').innerText.includes('{shown}')",
        timeout=30_000,
    )
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert shown in sidebar, sidebar
