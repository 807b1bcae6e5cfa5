"""Altair chart builders: the claims page's mismatch chart, official series, on-air graphics.

No Streamlit here: each builder takes plain values or a DataFrame the store returned and gives an
`alt.Chart`; `to_png` / `to_svg` render one offline with vl-convert (no browser, no network).
Data handed to a builder is already cut down in DuckDB (see store.app_mismatches), so no chart
embeds more than a few hundred rows and Altair's 5000-row limit is never reached.
"""

from __future__ import annotations

import hashlib
import struct
from datetime import date, datetime

import altair as alt
import pandas as pd
import vl_convert as vlc

VERDICT_COLOURS = {"accurate": "#1b7f3b", "inaccurate": "#c62828", "unverifiable": "#6b7280"}
# Light backgrounds for highlighting a claim in running text, same hue as the verdict colour.
VERDICT_BACKGROUNDS = {"accurate": "#d3f0dc", "inaccurate": "#fbd5d5", "unverifiable": "#e5e7eb"}

# Colours a station gets when none is given: picked by a hash of its name, so it stays the same.
STATION_PALETTE = ("#0b4f9c", "#b3261e", "#00696b", "#6a3d9a", "#b35900", "#1f5f2a")
RECORD_COLOUR = "#2b2b2b"
GRAIN_COLOURS = {"year": RECORD_COLOUR, "part of a year": "#b35900", "month": "#1f4e99"}

ON_AIR_WIDTH = 1920
ON_AIR_HEIGHT = 1080
ON_AIR_FONT = "Liberation Sans, Arial, Helvetica, sans-serif"


def station_colour(station: str) -> str:
    """A stable default colour for a station with none set."""
    digest = hashlib.sha256(station.encode("utf-8")).digest()
    return STATION_PALETTE[digest[0] % len(STATION_PALETTE)]


def format_value(value: float | None, unit: str | None) -> str:
    """A number as a reader expects it: 1,500 / 5.1% / $4.5 million."""
    if value is None or pd.isna(value):
        return "n/a"
    unit = unit or "count"
    if unit == "percent":
        return f"{value:,.1f}%".replace(".0%", "%")
    if unit == "usd":
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"${value / size:,.1f} {word}".replace(".0 ", " ")
        return f"${value:,.0f}"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return text if unit == "count" else f"{text} {unit}"


def _day(value: date | datetime | None) -> str:
    if value is None or pd.isna(value):
        return "date unknown"
    return value.strftime("%B %-d, %Y")


_QUALIFIER_WORDS = {
    "exact": "",
    "approximately": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
    "almost": "almost ",
}


def claim_phrase(
    low: float,
    high: float,
    unit: str | None,
    qualifier: str = "exact",
    change: str = "level",
    direction: str | None = None,
) -> str:
    """A claim's value as a reader says it: "more than 1,500", "200 to 300 more", "up 5.1%"."""
    if high != low:
        value = f"{format_value(low, unit)} to {format_value(high, unit)}"
    else:
        value = format_value(low, unit)
    value = _QUALIFIER_WORDS.get(qualifier, "") + value
    if change == "difference":
        return value + {"up": " more", "down": " fewer"}.get(direction or "", " difference")
    if change == "percent_change":
        return {"up": "up ", "down": "down "}.get(direction or "", "a change of ") + value
    return value


def official_phrase(official: float | None, unit: str | None, change: str = "level") -> str:
    """The official value the way claim_phrase says a claim: "2,296", "312 more", "down 12%"."""
    if official is None or pd.isna(official):
        return "n/a"
    if change == "percent_change":
        return ("up " if official >= 0 else "down ") + format_value(abs(official), unit)
    if change == "difference":
        return format_value(abs(official), unit) + (" more" if official >= 0 else " fewer")
    return format_value(official, unit)


def period_text(start, end) -> str:
    """A period as a caption: "2025", "March 2025", "Jan 1 to Oct 31, 2026"."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return ""
    a, b = pd.Timestamp(start), pd.Timestamp(end)
    grain = period_grain(a, b)
    if grain == "year" and a.month == 1 and a.day == 1 and b.month == 12 and b.day == 31:
        return str(a.year) if a.year == b.year else f"{a.year} to {b.year}"
    if grain == "month" and a.day == 1:
        return a.strftime("%B %Y")
    return f"{a:%b} {a.day} to {b:%b} {b.day}, {b.year}"


def period_grain(start, end) -> str:
    """What a figure's period covers: "year", "month", or "part of a year" (year to date)."""
    days = (pd.Timestamp(end) - pd.Timestamp(start)).days + 1
    if days >= 365:
        return "year"
    if 28 <= days <= 31:
        return "month"
    return "part of a year"


# --- charts in the app ---------------------------------------------------------------------------


def mismatch_chart(rows: pd.DataFrame, *, link_base: str = "check?story=") -> alt.Chart:
    """Each inaccurate claim as a bar of its error, labelled claimed against official.

    `rows` has the columns of store.app_mismatches. Every bar links to its story in the app
    (`link_base` + story id): clicking a mark opens the story on the Check page.
    """
    data = rows.copy()
    data["claimed_text"] = [
        claim_phrase(r.low, r.high, r.unit, r.qualifier, r.change, r.direction)
        for r in data.itertuples()
    ]
    data["official_text"] = [
        official_phrase(r.official, r.unit, r.change) for r in data.itertuples()
    ]
    data["label"] = data.claimed_text + " claimed vs " + data.official_text + " on record"
    # The axis label names the numbers; the claim id keeps two equal labels apart.
    data["claim"] = [
        f"{label} (#{cid})" for label, cid in zip(data.label, data.claim_id, strict=True)
    ]
    data["link"] = [f"{link_base}{int(s)}" for s in data.story_id]
    data["direction"] = ["overstated" if e > 0 else "understated" for e in data.error_pct]
    data["published"] = pd.to_datetime(data.published).dt.strftime("%Y-%m-%d")
    data = data[
        [
            "claim",
            "label",
            "link",
            "direction",
            "error_pct",
            "claimed_text",
            "official_text",
            "metric",
            "station",
            "title",
            "published",
        ]
    ]
    order = data.sort_values("error_pct").claim.tolist()
    return (
        alt.Chart(data)
        .mark_bar(cursor="pointer")
        .encode(
            y=alt.Y("claim:N", sort=order, title=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("error_pct:Q", title="Error: claimed against official (%)"),
            color=alt.Color(
                "direction:N",
                scale=alt.Scale(
                    domain=["overstated", "understated"],
                    range=[VERDICT_COLOURS["inaccurate"], "#1f4e99"],
                ),
                legend=alt.Legend(title=None, orient="top"),
            ),
            href="link:N",
            tooltip=[
                alt.Tooltip("title:N", title="Story"),
                alt.Tooltip("station:N", title="Station"),
                alt.Tooltip("published:N", title="Published"),
                alt.Tooltip("metric:N", title="Series"),
                alt.Tooltip("claimed_text:N", title="Claimed"),
                alt.Tooltip("official_text:N", title="Official"),
                alt.Tooltip("error_pct:Q", title="Error %", format="+.1f"),
            ],
        )
        # A fixed step per bar (not a total height): every claim keeps a readable row.
        .properties(height=alt.Step(MISMATCH_STEP), width="container")
    )


MISMATCH_STEP = 28


def series_summary_chart(rows: pd.DataFrame) -> alt.LayerChart:
    """Per series: claims checked against it (grey) and how many were inaccurate (red).

    `rows` has the columns of store.app_series_summary: one row per series, already counted.
    """
    data = rows.copy()
    data["median_error"] = data.median_error.astype(float)
    order = data.sort_values(["inaccurate", "checked"], ascending=False).metric.tolist()
    base = alt.Chart(data).encode(
        y=alt.Y("metric:N", sort=order, title=None, axis=alt.Axis(labelLimit=240)),
        tooltip=[
            alt.Tooltip("metric:N", title="Series"),
            alt.Tooltip("checked:Q", title="Claims checked"),
            alt.Tooltip("inaccurate:Q", title="Inaccurate"),
            alt.Tooltip("median_error:Q", title="Median error of those (%)", format=".1f"),
        ],
    )
    checked = base.mark_bar(color="#d1d5db").encode(x=alt.X("checked:Q", title="Claims"))
    wrong = base.mark_bar(color=VERDICT_COLOURS["inaccurate"]).encode(x="inaccurate:Q")
    return (checked + wrong).properties(height=alt.Step(22), width="container")


def mismatch_height(n: int) -> int:
    """About how many pixels n bars of the mismatch chart take, axis and legend included."""
    return MISMATCH_STEP * n + 90


def series_chart(rows: pd.DataFrame, *, label: str, unit: str | None) -> alt.Chart:
    """One official series over time (latest vintage of each period), with provenance tooltips."""
    data = rows.copy()
    data["period"] = pd.to_datetime(data.period_start)
    data["grain"] = [
        period_grain(a, b) for a, b in zip(data.period_start, data.period_end, strict=True)
    ]
    data["shown"] = [format_value(v, unit) for v in data.value]
    data["as_of"] = pd.to_datetime(data.as_of).dt.strftime("%Y-%m-%d")
    data["span"] = (
        pd.to_datetime(data.period_start).dt.strftime("%Y-%m-%d")
        + " to "
        + pd.to_datetime(data.period_end).dt.strftime("%Y-%m-%d")
    )
    data = data[["period", "grain", "value", "shown", "span", "source", "as_of"]]
    # One line per kind of period: a year-to-date count is not on the same footing as a full
    # year, so the two are never joined by one line.
    grain = alt.Color(
        "grain:N",
        title="Period",
        scale=alt.Scale(
            domain=[g for g in GRAIN_COLOURS if g in set(data.grain)],
            range=[c for g, c in GRAIN_COLOURS.items() if g in set(data.grain)],
        ),
        legend=alt.Legend(orient="top"),
    )
    base = alt.Chart(data).encode(
        x=alt.X("period:T", title="Period beginning"),
        y=alt.Y("value:Q", title=label, scale=alt.Scale(zero=False)),
        color=grain,
    )
    return (
        base.mark_line()
        + base.mark_point(filled=True, size=70).encode(
            tooltip=[
                alt.Tooltip("span:N", title="Period"),
                alt.Tooltip("grain:N", title="Covers"),
                alt.Tooltip("shown:N", title="Value"),
                alt.Tooltip("source:N", title="Source"),
                alt.Tooltip("as_of:N", title="As of"),
            ]
        )
    ).properties(height=260, width="container")


# --- on-air graphics ----------------------------------------------------------------------------


# Everything drawn stays inside the title-safe area, the inner 90% of the frame (5% margins:
# 96 px left and right, 54 px top and bottom), with room to spare.
SAFE_X = ON_AIR_WIDTH // 20
SAFE_Y = ON_AIR_HEIGHT // 20
# Characters per footer line at 30 px: about 13 px each, so 110 of them fit the safe width.
FOOTER_CHARS = 110


def _on_air(
    chart: alt.TopLevelMixin,
    *,
    title: str,
    subtitle: str | list[str],
    colour: str,
    subtitle_colour: str = "#333333",
):
    """The on-air theme: 1920x1080 exactly, large type, the station's colour on the title bar."""
    return (
        chart.properties(
            width=ON_AIR_WIDTH,
            height=ON_AIR_HEIGHT,
            autosize=alt.AutoSizeParams(type="fit", contains="padding"),
            padding={"left": SAFE_X + 24, "right": SAFE_X + 24, "top": 70, "bottom": SAFE_Y + 30},
            background="#ffffff",
            title=alt.TitleParams(
                text=title,
                subtitle=subtitle,
                anchor="start",
                fontSize=64,
                subtitleFontSize=34,
                font=ON_AIR_FONT,
                subtitleFont=ON_AIR_FONT,
                color=colour,
                subtitleColor=subtitle_colour,
                offset=40,
                limit=ON_AIR_WIDTH - 2 * (SAFE_X + 24),
            ),
        )
        .configure_view(stroke=None)
        .configure_axis(
            labelFontSize=34,
            titleFontSize=30,
            labelFont=ON_AIR_FONT,
            titleFont=ON_AIR_FONT,
            labelColor="#222222",
            titleColor="#444444",
            gridColor="#dddddd",
            domain=False,
            ticks=False,
        )
        .configure_legend(labelFontSize=30, titleFontSize=30, symbolSize=400)
    )


def _source_line(source: str | None, as_of: date | datetime | None) -> str:
    return f"Source: {source or 'official record'}, as of {_day(as_of)}"


def _wrapped(text: str, width: int = FOOTER_CHARS) -> list[str]:
    """A footer line broken at words into lines that fit the safe width, never cut short."""
    import textwrap

    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [""]


def verdict_line(verdict: str | None, speaker: str | None, demo: bool) -> str:
    """The claim graphic's subtitle: the verdict, who made the claim, and a DEMO mark."""
    parts = []
    if verdict:
        parts.append(f"Verdict: {verdict.upper()}")
    if speaker:
        parts.append(f"claim by {speaker}")
    if demo:
        parts.append("DEMO FIGURES, NOT OFFICIAL DATA")
    return "  ·  ".join(parts) or "The claim against the official record"


def on_air_claim_chart(
    *,
    headline: str,
    claimed: float,
    official: float,
    unit: str | None,
    station: str,
    source: str | None,
    as_of: date | datetime | None,
    claimed_text: str | None = None,
    record_text: str | None = None,
    period: str | None = None,
    colour: str | None = None,
    verdict: str | None = None,
    speaker: str | None = None,
    claim_period: str | None = None,
    demo: bool = False,
) -> alt.LayerChart:
    """Claim against record as two big labelled bars: "CLAIM" in the station's colour, hatched
    lighter and outlined; "OFFICIAL RECORD" solid dark. The subtitle gives the verdict and the
    speaker (and DEMO for illustrative figures); beside each value, the period it covers (the
    claim's as said, "since 2018"; the record's dates); the source line, wrapped, below."""
    colour = colour or station_colour(station)
    claim_label = claimed_text or format_value(claimed, unit)
    data = pd.DataFrame(
        {
            "who": ["CLAIM", "RECORD"],
            # Bar lengths are sizes: "down 29%" and "down 12%" are drawn as 29 and 12, and the
            # labels carry the direction.
            "value": [abs(float(claimed)), abs(float(official))],
            "shown": [claim_label, record_text or format_value(official, unit)],
            "when": [claim_period or "", f"for {period}" if period else ""],
        }
    )
    top = max(abs(claimed), abs(official)) * 1.7 or 1
    # Under the bars, from the left edge of the graphic: the station and where the record
    # comes from, wrapped at words so that a long source name is never cut off.
    footer_lines = _wrapped(f"{station}  ·  {_source_line(source, as_of)}")
    footer_text = "\n".join(footer_lines)
    base = alt.Chart(data).encode(
        y=alt.Y(
            "who:N",
            sort=["CLAIM", "RECORD"],
            title=None,
            axis=alt.Axis(
                labelFontSize=48, labelFontWeight="bold", labelPadding=24, labelLimit=400
            ),
        ),
        x=alt.X("value:Q", title=None, axis=None, scale=alt.Scale(domain=[0, top])),
    )
    bars = base.mark_bar(size=220, strokeWidth=8).encode(
        color=alt.Color(
            "who:N",
            scale=alt.Scale(domain=["CLAIM", "RECORD"], range=[colour, RECORD_COLOUR]),
            legend=None,
        ),
        opacity=alt.Opacity(
            "who:N",
            scale=alt.Scale(domain=["CLAIM", "RECORD"], range=[0.55, 1.0]),
            legend=None,
        ),
        stroke=alt.Stroke(
            "who:N",
            scale=alt.Scale(domain=["CLAIM", "RECORD"], range=[colour, RECORD_COLOUR]),
            legend=None,
        ),
        strokeDash=alt.StrokeDash(
            "who:N",
            scale=alt.Scale(domain=["CLAIM", "RECORD"], range=[[24, 12], [1, 0]]),
            legend=None,
        ),
    )
    values = base.mark_text(
        align="left", dx=24, fontSize=72, fontWeight="bold", font=ON_AIR_FONT, color="#111111"
    ).encode(text="shown:N")
    periods = base.mark_text(
        align="left", dx=24, dy=70, fontSize=36, font=ON_AIR_FONT, color="#333333"
    ).encode(text="when:N")
    footer = (
        alt.Chart(pd.DataFrame({"line": [footer_text]}))
        .mark_text(
            align="left",
            baseline="top",
            fontSize=30,
            font=ON_AIR_FONT,
            color="#444",
            lineBreak="\n",
            lineHeight=40,
        )
        # Just under the plot (Vega's `height` is the plot's height once fitted), inside the
        # room the bottom padding keeps for it.
        .encode(text="line:N", x=alt.value(-228), y=alt.value({"expr": "height + 24"}))
    )
    subtitle = verdict_line(verdict, speaker, demo)
    chart = _on_air(
        bars + values + periods + footer,
        title=headline,
        subtitle=subtitle,
        colour=colour,
        subtitle_colour=VERDICT_COLOURS.get(verdict or "", "#333333"),
    )
    # Room under the plot for the footer's lines.
    chart.padding = {**chart.padding, "bottom": SAFE_Y + 20 + 40 * (len(footer_lines) - 1)}
    return chart


def on_air_series_chart(
    rows: pd.DataFrame,
    *,
    headline: str,
    unit: str | None,
    station: str,
    source: str | None,
    as_of: date | datetime | None,
    claimed: float | None = None,
    claimed_text: str | None = None,
    colour: str | None = None,
) -> alt.LayerChart:
    """An official series as a thick dark line ("RECORD"); a claim, if given, as a dashed line in
    the station's colour labelled "CLAIM", so the two cannot be mistaken for one another."""
    colour = colour or station_colour(station)
    # Only periods of one kind (that of the latest row: years, months or years-to-date), so the
    # line never joins a full year to a part of one.
    grains = [period_grain(a, b) for a, b in zip(rows.period_start, rows.period_end, strict=True)]
    ends = [pd.Timestamp(e) for e in rows.period_end]
    latest = grains[ends.index(max(ends))]
    rows = rows[[g == latest for g in grains]]
    data = rows[["period_start", "value"]].copy()
    data["period"] = pd.to_datetime(data.period_start)
    data["shown"] = [format_value(v, unit) for v in data.value]
    data = data[["period", "value", "shown"]]
    base = alt.Chart(data).encode(
        x=alt.X(
            "period:T",
            title=None,
            axis=alt.Axis(
                format="%b %Y" if latest == "month" else "%Y",
                tickCount="month" if latest == "month" else "year",
                labelPadding=16,
            ),
            scale=alt.Scale(padding=40),
        ),
        y=alt.Y(
            "value:Q",
            title=None,
            scale=alt.Scale(zero=True),
            axis=alt.Axis(tickCount=5, labelPadding=16),
        ),
    )
    layers = [
        base.mark_line(color=RECORD_COLOUR, strokeWidth=10),
        base.mark_point(filled=True, size=900, color=RECORD_COLOUR, opacity=1),
        base.transform_window(rank="rank()", sort=[alt.SortField("period", order="descending")])
        .transform_filter("datum.rank == 1")
        .mark_text(align="left", dx=30, fontSize=56, fontWeight="bold", font=ON_AIR_FONT)
        .encode(text=alt.Text("shown:N")),
    ]
    if claimed is not None:
        label = f"CLAIM: {claimed_text or format_value(claimed, unit)}"
        claim = pd.DataFrame({"value": [float(claimed)], "label": [label]})
        rule = alt.Chart(claim).encode(y="value:Q")
        layers.append(rule.mark_rule(color=colour, strokeWidth=8, strokeDash=[30, 16]))
        layers.append(
            rule.mark_text(
                align="left",
                baseline="bottom",
                dy=-14,
                fontSize=48,
                fontWeight="bold",
                color=colour,
                font=ON_AIR_FONT,
            ).encode(text="label:N", x=alt.value(10))
        )
    # The source in full, wrapped over as many subtitle lines as it needs (never cut off); the
    # record and the claim are labelled on the chart itself, so no line styles need naming.
    subtitle = _wrapped(f"OFFICIAL RECORD  ·  {station}  ·  {_source_line(source, as_of)}", 90)
    return _on_air(alt.layer(*layers), title=headline, subtitle=subtitle, colour=colour)


# --- export --------------------------------------------------------------------------------------


def _spec(chart: alt.TopLevelMixin | dict) -> dict:
    return chart if isinstance(chart, dict) else chart.to_dict()


def to_png(chart: alt.TopLevelMixin | dict, *, scale: float = 1.0) -> bytes:
    """Render a chart (or its Vega-Lite spec) to PNG offline. On-air at scale 1: 1920x1080."""
    return vlc.vegalite_to_png(_spec(chart), scale=scale)


def to_svg(chart: alt.TopLevelMixin | dict) -> str:
    """Render a chart (or its Vega-Lite spec) to SVG offline."""
    return vlc.vegalite_to_svg(_spec(chart))


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) read from a PNG's IHDR chunk; ValueError if it is not a PNG."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", png[16:24])
