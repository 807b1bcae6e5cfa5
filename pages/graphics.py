"""Graphics: an on-air chart (1920x1080) of a claim against the record, or of a series."""

from __future__ import annotations

import re

import streamlit as st

import appkit as kit
from factcheck import charts

kit.page_setup(__file__)
st.title("Graphics")
st.caption("On-air charts, 1920×1080, rendered offline. CLAIM and RECORD are always labelled.")

kind = st.segmented_control("Chart of", ["A claim", "A series"], key="gfx_kind", default="A claim")
status = kit.status(kit.db_key())
stations = sorted({f.station for f in status["feeds"]}) or ["Newsroom"]

chart = None
name = "graphic"
if kind == "A claim":
    rows = kit.claims_table(kit.db_key(), mode=kit.mode(), limit=300)
    rows = rows[rows.official.notna()] if not rows.empty else rows
    if rows.empty:
        st.info("No checked claim with an official figure yet.")
    else:
        labels = {
            int(r.claim_id): f"{kit.VERDICT_ICONS.get(r.verdict, '')} {r.text} · {r.title}"
            for r in rows.itertuples()
        }
        claim_id = st.selectbox(
            "Claim", list(labels), format_func=lambda i: labels[i], key="gfx_claim"
        )
        row = rows[rows.claim_id == claim_id].iloc[0]
        c1, c2 = st.columns([3, 1])
        headline = c1.text_input(
            "Headline",
            value=f"{(row.metric or 'claim').replace('_', ' ').capitalize()}: "
            "the claim and the record",
            key=f"gfx_headline_{claim_id}",  # a new claim gets its own default headline
            max_chars=70,
        )
        station = row.station
        colour = c2.color_picker("Station colour", charts.station_colour(station), key="gfx_colour")
        claimed = (row.low + row.high) / 2
        if row.direction == "down":
            claimed = -claimed
        chart = charts.on_air_claim_chart(
            headline=headline,
            claimed=claimed,
            official=row.official,
            unit=row.unit,
            station=station,
            source=row.source,
            as_of=row.as_of,
            claimed_text=charts.claim_phrase(
                row.low, row.high, row.unit, row.qualifier, row.change, row.direction
            ),
            record_text=charts.official_phrase(row.official, row.unit, row.change),
            period=charts.period_text(row.period_start, row.period_end),
            colour=colour,
        )
        name = f"claim-{claim_id}"
else:
    catalogue = kit.series(kit.db_key())
    if catalogue.empty:
        st.info("No official figures yet: import some on the Official figures page.")
    else:
        keys = [(r.metric, r.place) for r in catalogue.itertuples()]
        pick = st.selectbox(
            "Series",
            range(len(keys)),
            format_func=lambda i: f"{keys[i][0]} · {keys[i][1]}",
            key="gfx_series",
        )
        info = catalogue.iloc[pick]
        c1, c2, c3 = st.columns([3, 1, 1])
        headline = c1.text_input(
            "Headline",
            value=f"{info.label or info.metric} in {info.place}",
            key=f"gfx_s_headline_{pick}",
            max_chars=70,
        )
        station = c2.selectbox("Station", stations, key="gfx_station")
        colour = c3.color_picker("Station colour", charts.station_colour(station), key="gfx_s_col")
        compare = st.number_input(
            "Claimed value to show against the record (optional)", value=None, key="gfx_claimed"
        )
        data = kit.series_figures(kit.db_key(), info.metric, info.place)
        chart = charts.on_air_series_chart(
            data,
            headline=headline,
            unit=info.unit,
            station=station,
            source=info.sources,
            as_of=info.latest_as_of,
            claimed=compare,
            colour=colour,
        )
        name = f"series-{info.metric}-{info.place}"

if chart is not None:
    name = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    spec = chart.to_json()
    png = kit.render(spec, "png")
    st.image(png, caption="Preview (PNG, 1920×1080)", width="stretch")
    d1, d2 = st.columns(2)
    d1.download_button(
        "Download PNG",
        png,
        file_name=f"{name}.png",
        mime="image/png",
        key="dl_png",
        on_click="ignore",
    )
    d2.download_button(
        "Download SVG",
        kit.render(spec, "svg"),
        file_name=f"{name}.svg",
        mime="image/svg+xml",
        key="dl_svg",
        on_click="ignore",
    )
