"""Claims: every claim across stories, filtered; a chart of the mismatches linked to their stories."""

from __future__ import annotations

import streamlit as st

import appkit as kit
from factcheck import charts

kit.page_setup(__file__)
st.title("Claims")

opts = kit.filter_options(kit.db_key())
c = st.columns(5)
verdict = c[0].selectbox("Verdict", ["All", *kit.VERDICTS], key="claims_verdict")
station = c[1].selectbox("Station", ["All", *opts["stations"]], key="claims_station")
speaker = c[2].selectbox("Speaker", ["All", *opts["speakers"]], key="claims_speaker")
metric = c[3].selectbox("Series", ["All", *opts["metrics"]], key="claims_metric")
span = c[4].date_input("Published between", value=(), key="claims_dates", format="YYYY-MM-DD")

since = kit.as_date(span[0]) if len(span) > 0 else None
until = kit.as_date(span[1]) if len(span) > 1 else since
filters = {
    "mode": kit.mode(),
    "verdict": None if verdict == "All" else verdict,
    "station": None if station == "All" else station,
    "speaker": None if speaker == "All" else speaker,
    "metric": None if metric == "All" else metric,
    "since": since,
    "until": until,
}

totals = kit.verdict_totals(kit.db_key(), kit.mode())
m = st.columns(3)
for col, v in zip(m, kit.VERDICTS, strict=True):
    col.metric(f"{kit.VERDICT_ICONS[v]} {v.capitalize()} (all stories)", f"{totals.get(v, 0):,}")

mismatch = kit.mismatches(kit.db_key(), **filters)
st.subheader("Mismatches: claimed against the official record")
if mismatch.empty:
    st.info("No inaccurate claims match these filters.")
else:
    st.caption(
        f"The {len(mismatch)} largest errors among the matching inaccurate claims. "
        "Click a bar to open its story."
    )
    st.altair_chart(
        charts.mismatch_chart(mismatch),
        key="mismatch_chart",
        width="stretch",
    )

summary = kit.series_summary(kit.db_key(), kit.mode())
if not summary.empty:
    with st.expander("By series: claims checked and how many were inaccurate", expanded=False):
        st.altair_chart(charts.series_summary_chart(summary), key="series_summary")

rows = kit.claims_table(kit.db_key(), **filters)
total = int(rows.total.iloc[0]) if not rows.empty else 0
st.subheader("All claims")
st.caption(f"{total:,} claims match · showing the newest {len(rows):,}")
if not rows.empty:
    view = rows.assign(
        official=[
            charts.official_phrase(o, u, c)
            for o, u, c in zip(rows.official, rows.unit, rows.change, strict=True)
        ],
        story=[f"check?story={int(i)}" for i in rows.story_id],
        verdict=[f"{kit.VERDICT_ICONS.get(v, '')} {v}" for v in rows.verdict],
    )
    st.dataframe(
        view[
            [
                "published",
                "station",
                "text",
                "verdict",
                "official",
                "error_pct",
                "metric",
                "speaker",
                "period",
                "explanation",
                "title",
                "story",
            ]
        ],
        hide_index=True,
        width="stretch",
        key="claims_table",
        column_config={
            "published": st.column_config.DatetimeColumn("Published", format="YYYY-MM-DD"),
            "text": st.column_config.TextColumn("Claim", width="medium"),
            "station": st.column_config.TextColumn("Station"),
            "verdict": st.column_config.TextColumn("Verdict"),
            "official": st.column_config.TextColumn("Official"),
            "metric": st.column_config.TextColumn("Series"),
            "speaker": st.column_config.TextColumn("Speaker"),
            "period": st.column_config.TextColumn("Period"),
            "error_pct": st.column_config.NumberColumn("Error %", format="%+.1f"),
            "explanation": st.column_config.TextColumn("Explanation", width="large"),
            "title": st.column_config.TextColumn("Story"),
            "story": st.column_config.LinkColumn("Open", display_text="check ›"),
        },
    )
