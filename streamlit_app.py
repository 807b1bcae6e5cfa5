"""The newsroom fact desk: entry point. Routes to the pages and draws the sidebar's store status.

Run: `streamlit run streamlit_app.py` (the store is FACTCHECK_DB, default data/factcheck.duckdb).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb
import streamlit as st

import appkit as kit
from factcheck.config import PROJECT_ROOT
from factcheck.store import StoreError

# A local image, not a Material icon: the browser would fetch that one from fonts.gstatic.com,
# and the app must run offline (data/app/README.md).
FAVICON = str(PROJECT_ROOT / "data" / "app" / "favicon.png")
st.set_page_config(page_title="Fact desk", page_icon=FAVICON, layout="wide")

# Every session key the pages share, set once at the top (pages set their own with setdefault).
st.session_state.setdefault("mode", "now")

files = {
    "pages/inbox.py": st.Page(
        "pages/inbox.py", title="Inbox", icon=":material/inbox:", default=True
    ),
    "pages/check.py": st.Page(
        "pages/check.py", title="Check a story", icon=":material/fact_check:"
    ),
    "pages/claims.py": st.Page("pages/claims.py", title="Claims", icon=":material/bar_chart:"),
    "pages/tracker.py": st.Page("pages/tracker.py", title="Tracker", icon=":material/timeline:"),
    "pages/figures.py": st.Page(
        "pages/figures.py", title="Official figures", icon=":material/table_chart:"
    ),
    "pages/graphics.py": st.Page("pages/graphics.py", title="Graphics", icon=":material/image:"),
}
pages = {
    "Reporters": [files["pages/inbox.py"], files["pages/check.py"], files["pages/claims.py"]],
    "Editors": [files["pages/tracker.py"], files["pages/figures.py"]],
    "Producers": [files["pages/graphics.py"]],
}
nav = st.navigation(pages)
st.session_state[kit.ROUTER_KEY] = True
deep_link = st.session_state.pop("deep_link", None)
if deep_link:
    # A page opened before the router ran (see appkit.page_setup): go there now, properly.
    wanted, params = deep_link
    by_file = {Path(f).name: page for f, page in files.items()}
    target = by_file.get(wanted)
    if target is not None:
        st.switch_page(target, query_params=params)

with st.sidebar:
    st.radio(
        "Verdicts",
        options=list(kit.MODES),
        format_func=lambda m: kit.MODES[m],
        key="mode",
        horizontal=True,
        help="As of now: against the latest official figures. As aired: only figures published "
        "by the story's date.",
    )

try:
    info = kit.status(kit.db_key())
    counts = kit.store_counts(kit.db_key(), kit.mode())
except (StoreError, duckdb.Error, OSError):
    # One plain message, no traceback and no server paths; the command line says more.
    st.error(
        "The store cannot be opened: it is damaged, cut short or not a fact-desk store. Whoever"
        " runs the app can see why with `python -m factcheck stories`, then restore the file"
        " from a backup or start a new store."
    )
    st.stop()


def store_status(info: dict, counts: dict) -> None:
    """The sidebar's store status, drawn after the page ran, so a poll or an import made on
    this page shows at once (Last poll, counts)."""
    st.caption("Store")
    st.code(kit.db_key(), language=None, wrap_lines=True)
    if info:
        if info["demo"]:
            st.warning(
                "Demo figures are illustrative, not official statistics.", icon=":material/warning:"
            )
        # Each number as its page shows it (appkit.store_counts).
        c = counts
        st.markdown(
            f"**{c['stories']:,}** stories · **{c['claims']:,}** claims · "
            f"**{c['figures']:,}** official figures · **{c['metrics']:,}** metrics · "
            f"**{c['open_alerts']:,}** open alerts"
        )
        last = info["last_poll"]
        st.markdown(f"Last poll: **{last:%Y-%m-%d %H:%M} UTC**" if last else "Last poll: never")
        with st.expander(f"Feeds ({len(info['feeds'])})", expanded=False):
            if not info["feeds"]:
                st.caption("No feeds yet: add one on the Inbox page.")
            for feed in info["feeds"]:
                state = feed.last_status or "not polled yet"
                st.markdown(f"**{kit.md_text(feed.station)}** · {kit.md_text(state)}")
                st.caption(kit.md_text(feed.url))
                if feed.last_error:
                    st.error(kit.md_text(feed.last_error), icon=":material/warning:")


try:
    nav.run()
finally:
    # Read again after the page ran; if that fails, drawn as it was before.
    with contextlib.suppress(StoreError, duckdb.Error, OSError):
        info, counts = kit.status(kit.db_key()), kit.store_counts(kit.db_key(), kit.mode())
    with st.sidebar:
        store_status(info, counts)
