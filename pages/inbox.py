"""Inbox: the newest stories across the station feeds, with their claims' verdicts; poll; add a feed."""

from __future__ import annotations

import streamlit as st

import appkit as kit
import findings_ui
from factcheck.config import settings
from factcheck.store import StoreError
from factcheck.tracking.status import LABELS as DESK_STATUSES

kit.page_setup(__file__)
st.title("Inbox")

opts = kit.filter_options(kit.db_key())
cols = st.columns([2, 1.3, 1.3, 1.5, 1.5, 1.5])
station = cols[0].selectbox("Station", ["All", *opts["stations"]], key="inbox_station")
status = cols[1].selectbox(
    "Versions",
    ["All", "new", "changed"],
    key="inbox_status",
    help="new: one version so far; changed: the story was edited after it first appeared.",
)
desk = cols[5].selectbox(
    "Desk status",
    ["All", *DESK_STATUSES],
    key="inbox_desk",
    format_func=lambda s: DESK_STATUSES.get(s, s),
    help="Set on the Tracker page or with `python -m factcheck status STORY_ID STATUS`.",
)
verdict = cols[2].selectbox("Verdict", ["All", *kit.VERDICTS], key="inbox_verdict")
since = cols[3].date_input("From", value=None, key="inbox_since", format="YYYY-MM-DD")
until = cols[4].date_input("To", value=None, key="inbox_until", format="YYYY-MM-DD")

rows = kit.inbox(
    kit.db_key(),
    mode=kit.mode(),
    station=None if station == "All" else station,
    status=None if status == "All" else status,
    verdict=None if verdict == "All" else verdict,
    since=kit.as_date(since),
    until=kit.as_date(until),
    desk_status=None if desk == "All" else desk,
)

if rows.empty:
    st.info("No stories match. Poll the feeds below, or load the demo: `python -m factcheck demo`.")
else:
    view = rows.assign(
        check=[f"check?story={int(i)}" for i in rows.id],
        flag=["✗ " if n else "" for n in rows.inaccurate],
    )
    disagree = findings_ui.finding_counts(kit.db_key())
    view["flag"] += ["≠ " if disagree.get(int(i)) else "" for i in rows.id]
    view["title"] = view.flag + view.title
    total = int(rows.total.iloc[0])
    filtered = any(v not in (None, "All") for v in (station, status, verdict, since, until, desk))
    shown = f" · the newest {len(view):,} shown" if len(view) < total else ""
    st.caption(
        f"{total:,} stories{' match' if filtered else ''}{shown} · stories with inaccurate"
        " claims are marked ✗, stories whose own numbers disagree ≠"
    )
    st.dataframe(
        view[
            [
                "station",
                "published",
                "title",
                "claims",
                "inaccurate",
                "accurate",
                "unverifiable",
                "versions",
                "desk_status",
                "check",
            ]
        ],
        hide_index=True,
        width="stretch",
        height=min(640, 35 * (len(view) + 1) + 3),
        key="inbox_table",
        column_config={
            "station": st.column_config.TextColumn("Station", width=120),
            "published": st.column_config.DatetimeColumn(
                "Time", format="YYYY-MM-DD HH:mm", width=130
            ),
            "title": st.column_config.TextColumn("Title", width="large"),
            "claims": st.column_config.NumberColumn("Claims", width=60),
            "inaccurate": st.column_config.ProgressColumn(
                "✗",
                help="Inaccurate claims",
                width=80,
                min_value=0,
                max_value=max(1, int(rows.claims.max())),
                format="%d",
                color="red",
            ),
            "accurate": st.column_config.NumberColumn("✓", help="Accurate claims", width=40),
            "unverifiable": st.column_config.NumberColumn(
                "?", help="Unverifiable claims", width=40
            ),
            "versions": st.column_config.NumberColumn(
                "Ver.", help="Versions of the story seen", width=45
            ),
            "desk_status": st.column_config.TextColumn("Desk", width=90),
            "check": st.column_config.LinkColumn("Open", display_text="check ›", width=70),
        },
    )

st.divider()
left, right = st.columns(2)

with left:
    st.subheader("Poll feeds now")
    st.caption(
        "Reads every registered feed now, in this app. A scheduled "
        "`python -m factcheck poll --every 15` can run alongside: the store takes turns."
    )
    if st.button("Poll feeds now", key="poll", type="primary"):
        from factcheck import polling

        feeds = kit.get_store().feeds()
        if not feeds:
            st.warning("No feeds to poll: add one first.")
        else:
            bar = st.progress(0.0, text=f"Polling {len(feeds)} feeds…")
            with st.status("Polling feeds…", expanded=True) as box:

                def progress(i, n, feed, result):
                    # Called before each feed (result None) and after it.
                    if result is None:
                        bar.progress((i - 1) / max(n, 1), text=f"Feed {i} of {n}…")
                        return
                    bar.progress(i / max(n, 1), text=f"{i} of {n} feeds done")
                    if result.error:
                        st.error(kit.md_text(result.line()), icon=":material/warning:")
                    else:
                        st.write(kit.md_text(result.line()))

                try:
                    results = list(
                        polling.poll_all(
                            kit.get_store(), kit.get_nlp(), settings(), progress=progress
                        )
                    )
                except StoreError as exc:
                    box.update(label="Poll failed", state="error")
                    st.error(kit.md_text(str(exc)))
                else:
                    errors = sum(1 for r in results if r.error)
                    box.update(
                        label=f"Polled {len(results)} feeds, {errors} with errors",
                        state="error" if errors else "complete",
                    )
            kit.invalidate()

with right:
    st.subheader("Add a feed")
    with st.form("add_feed", clear_on_submit=False, enter_to_submit=True):
        url = st.text_input(
            "Feed URL", placeholder="https://station.example/news/rss", key="feed_url"
        )
        station_name = st.text_input("Station", placeholder="WXYZ 7", key="feed_station")
        place = st.text_input(
            "Place",
            placeholder="Birmingham",
            key="feed_place",
            help="The station's own place: its claims are checked there unless they name another.",
        )
        submitted = st.form_submit_button("Add feed", key="add_feed_submit")
    if submitted:
        from factcheck import fetch

        problems = []
        if not station_name.strip():
            problems.append("Give the station's name.")
        if not place.strip():
            problems.append("Give the station's place.")
        try:
            fetch.validate_url(url.strip())
        except fetch.FetchError as exc:
            problems.append(str(exc))
        if problems:
            for problem in problems:
                st.error(kit.md_text(problem))
        else:
            try:
                feed = kit.get_store().add_feed(url.strip(), station_name.strip(), place.strip())
            except StoreError as exc:
                st.error(kit.md_text(str(exc)))
            else:
                kit.invalidate()
                st.success(f"Added feed {feed.id}: {kit.md_text(feed.station)}. Poll to read it.")
