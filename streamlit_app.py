"""The newsroom fact desk: entry point. Routes to the pages and draws the sidebar's store status.

Run: `streamlit run streamlit_app.py` (the store is FACTCHECK_DB, default data/factcheck.duckdb).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import appkit as kit
from factcheck.store import StoreError

st.set_page_config(page_title="Fact desk", page_icon=":material/fact_check:", layout="wide")

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
    except StoreError as exc:
        st.error(f"The store cannot be opened: {exc}")
        info = None
    st.caption("Store")
    st.code(kit.db_key(), language=None, wrap_lines=True)
    if info:
        if info["demo"]:
            st.warning(
                "Demo figures are illustrative, not official statistics.", icon=":material/warning:"
            )
        c = info["counts"]
        st.markdown(
            f"**{c['stories']:,}** stories · **{c['claims']:,}** claims · "
            f"**{c['figures']:,}** official figures · **{c['metrics']:,}** metrics"
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

nav.run()
