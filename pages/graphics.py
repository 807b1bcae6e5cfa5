"""Graphics: an on-air chart (1920x1080) of a claim against the record, or of a series."""

from __future__ import annotations

import re

import streamlit as st

import appkit as kit
from factcheck import charts
from factcheck.models import Check, Claim
from factcheck.wording import is_demo


def _claim_of(row) -> Claim:
    """A stored claim's row of the claims table as the Claim the chart builder reads."""
    return Claim(
        text=row.text, start=0, end=len(row.text), sentence=row.sentence or "", low=row.low,
        high=row.high, unit=row.unit, qualifier=row.qualifier, change=row.change,
        direction=_v(row.direction), period=_v(row.period), speaker=_v(row.speaker),
    )  # fmt: skip


def _v(value):
    """None for a missing value (pandas gives NaN for some)."""
    return None if value is None or value != value else value


def _check_of(row) -> Check:
    return Check(
        verdict=row.verdict, metric=row.metric, place=row.place, official=row.official,
        period_start=row.period_start, period_end=row.period_end, error_pct=row.error_pct,
        source=_v(row.source), source_url=_v(row.source_url), as_of=row.as_of,
    )  # fmt: skip


kit.page_setup(__file__)
st.title("Graphics")
st.caption("On-air charts, 1920×1080, rendered offline. CLAIM and RECORD are always labelled.")

KINDS = ["A claim", "The pasted check", "A series"]
kind = st.segmented_control("Chart of", KINDS, key="gfx_kind", default=KINDS[0])
status = kit.status(kit.db_key())
stations = sorted({f.station for f in status["feeds"]}) or ["Newsroom"]


def claim_graphic(key: str, claim, check, station: str, title: str):
    """The on-air chart of one checked claim (stored or pasted): claim, record, verdict."""
    c1, c2 = st.columns([3, 1])
    headline = c1.text_input(
        "Headline",
        value=f"{(check.metric or 'claim').replace('_', ' ').capitalize()}: "
        "the claim and the record",
        key=f"gfx_headline_{key}",  # a new claim gets its own default headline
        max_chars=70,
    )
    colour = c2.color_picker("Station colour", charts.station_colour(station), key="gfx_colour")
    claimed = (claim.low + claim.high) / 2
    if claim.direction == "down":
        claimed = -claimed
    return charts.on_air_claim_chart(
        headline=headline,
        claimed=claimed,
        official=check.official,
        unit=claim.unit,
        station=station,
        source=check.source,
        as_of=check.as_of,
        claimed_text=charts.claim_phrase(
            claim.low, claim.high, claim.unit, claim.qualifier, claim.change, claim.direction
        ),
        record_text=charts.official_phrase(check.official, claim.unit, claim.change),
        period=charts.period_text(check.period_start, check.period_end),
        colour=colour,
        verdict=check.verdict,
        speaker=claim.speaker,
        claim_period=claim.period,
        demo=is_demo(check),
    )


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
        chart = claim_graphic(str(claim_id), _claim_of(row), _check_of(row), row.station, row.title)
        name = f"claim-{claim_id}"
elif kind == "The pasted check":
    pasted = st.session_state.get("check_result")
    if pasted and pasted.get("story_id"):
        pasted = None  # a stored story: its claims are under "A claim"
    items = [(c, k) for _, c, k in (pasted or {}).get("items", []) if k.official is not None]
    if not items:
        st.info(
            "No pasted check with an official figure: paste a script on the Check a story page,"
            " then come back."
        )
    else:
        pick = st.selectbox(
            "Claim",
            range(len(items)),
            format_func=lambda i: (
                f"{kit.VERDICT_ICONS.get(items[i][1].verdict, '')} {items[i][0].text}"
            ),
            key="gfx_pasted_claim",
        )
        claim, check = items[pick]
        station = pasted.get("station") or stations[0]
        chart = claim_graphic(f"pasted_{pick}", claim, check, station, pasted.get("title") or "")
        name = f"pasted-claim-{pick + 1}"
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
