"""Chart builders: on-air graphics are exactly 1920x1080, claim and record told apart, offline."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import pytest

from factcheck import charts


def _claim_chart(**kw):
    args = dict(
        headline="Guns seized: more than 1,500?",
        claimed=1500,
        official=1212,
        unit="count",
        station="WDMO 7",
        source="Police department (illustrative)",
        as_of=date(2025, 8, 5),
        claimed_text="more than 1,500",
    )
    args.update(kw)
    return charts.on_air_claim_chart(**args)


def _series_rows():
    return pd.DataFrame(
        {
            "period_start": [date(y, 1, 1) for y in range(2018, 2024)],
            "period_end": [date(y, 12, 31) for y in range(2018, 2024)],
            "value": [120.0, 131, 118, 140, 152, 149],
        }
    )


def test_claim_graphic_png_is_1920x1080():
    png = charts.to_png(_claim_chart())
    assert charts.png_size(png) == (1920, 1080)


def test_series_graphic_png_and_svg():
    chart = charts.on_air_series_chart(
        _series_rows(),
        headline="Homicides in Birmingham",
        unit="count",
        station="WDMO 7",
        source="Police (illustrative)",
        as_of=date(2024, 1, 10),
        claimed=160,
    )
    assert charts.png_size(charts.to_png(chart)) == (1920, 1080)
    svg = charts.to_svg(chart)
    assert svg.lstrip().startswith("<svg")
    assert 'width="1920"' in svg and 'height="1080"' in svg
    # The claim line is labelled as a claim, the record named in the subtitle.
    assert "CLAIM: 160" in svg
    assert "OFFICIAL RECORD" in svg


def test_claim_and_record_are_labelled_and_coloured_apart():
    spec = _claim_chart(colour="#123456").to_dict()
    text = str(spec)
    assert "CLAIM" in text and "RECORD" in text
    assert "#123456" in text and charts.RECORD_COLOUR in text
    assert "Source: Police department (illustrative), as of August 5, 2025" in text
    svg = charts.to_svg(_claim_chart())
    assert "more than 1,500" in svg and "1,212" in svg


def test_png_size_rejects_non_png():
    with pytest.raises(ValueError):
        charts.png_size(b"GIF89a" + b"\0" * 30)


def test_station_colour_is_stable_and_from_palette():
    assert charts.station_colour("WDMO 7") == charts.station_colour("WDMO 7")
    assert charts.station_colour("WDMO 7") in charts.STATION_PALETTE


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1500, "count", "1,500"),
        (5.1, "percent", "5.1%"),
        (29.0, "percent", "29%"),
        (4_500_000, "usd", "$4.5 million"),
        (2_000_000_000, "usd", "$2 billion"),
        (950, "usd", "$950"),
        (3.5, "miles", "3.5 miles"),
        (None, "count", "n/a"),
    ],
)
def test_format_value(value, unit, shown):
    assert charts.format_value(value, unit) == shown


def _mismatch_rows(n):
    return pd.DataFrame(
        {
            "claim_id": range(1, n + 1),
            "story_id": [i % 7 + 1 for i in range(n)],
            "station": ["WDMO 7"] * n,
            "title": [f"Story {i}" for i in range(n)],
            "text": [f"more than {i} guns" for i in range(n)],
            "published": pd.to_datetime(["2025-08-01"] * n),
            "metric": ["guns_seized"] * n,
            "unit": ["count"] * n,
            "claimed": [1500.0 + i for i in range(n)],
            "low": [1500.0 + i for i in range(n)],
            "high": [1500.0 + i for i in range(n)],
            "qualifier": ["exact"] * n,
            "change": ["level"] * n,
            "direction": [None] * n,
            "official": [1200.0] * n,
            "error_pct": [(300.0 + i) / 12 for i in range(n)],
        }
    )


def test_mismatch_chart_links_each_mark_to_its_story():
    spec = charts.mismatch_chart(_mismatch_rows(5)).to_dict()
    assert spec["encoding"]["href"]["field"] == "link"
    values = next(iter(spec["datasets"].values()))
    assert {v["link"] for v in values} == {f"check?story={i % 7 + 1}" for i in range(5)}
    assert values[0]["label"].endswith("claimed vs 1,200 on record")


def test_mismatch_chart_renders_offline():
    svg = charts.to_svg(charts.mismatch_chart(_mismatch_rows(3)).properties(width=600))
    assert "1,500 claimed vs 1,200 on record" in svg


def test_mismatch_chart_is_within_altair_row_limit():
    # The store cuts the rows down (app_mismatches limit); 400 marks embed without MaxRowsError.
    chart = charts.mismatch_chart(_mismatch_rows(400))
    assert isinstance(chart.to_dict(), dict)
    assert alt.data_transformers.options.get("max_rows", 5000) >= 400


def test_series_chart_has_provenance_tooltips():
    rows = _series_rows().assign(source="Police (illustrative)", as_of=date(2024, 1, 10))
    spec = charts.series_chart(rows, label="Homicides", unit="count").to_dict()
    text = str(spec)
    assert "Source" in text and "As of" in text
    chart = charts.series_chart(rows, label="H", unit="count").properties(width=500)
    width, height = charts.png_size(charts.to_png(chart))
    assert width >= 500 and height >= 260


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((1500, 1500, "count", "more_than", "level", None), "more than 1,500"),
        ((200, 300, "count", "almost", "difference", "up"), "almost 200 to 300 more"),
        ((5.1, 5.1, "percent", "exact", "percent_change", "up"), "up 5.1%"),
        ((29, 32, "percent", "approximately", "percent_change", "down"), "down about 29% to 32%"),
        ((7000, 7000, "count", "exact", "difference", "down"), "7,000 fewer"),
    ],
)
def test_claim_phrase(args, said):
    assert charts.claim_phrase(*args) == said


def test_period_grain():
    assert charts.period_grain(date(2024, 1, 1), date(2024, 12, 31)) == "year"
    assert charts.period_grain(date(2024, 2, 1), date(2024, 2, 29)) == "month"
    assert charts.period_grain(date(2025, 1, 1), date(2025, 7, 31)) == "part of a year"


def test_on_air_series_keeps_one_kind_of_period():
    rows = pd.DataFrame(
        {
            "period_start": [date(2023, 1, 1), date(2024, 1, 1), date(2025, 1, 1)],
            "period_end": [date(2023, 12, 31), date(2024, 12, 31), date(2025, 7, 31)],
            "value": [100.0, 110.0, 61.0],
        }
    )
    spec = charts.on_air_series_chart(
        rows, headline="h", unit="count", station="s", source="x", as_of=date(2025, 8, 1)
    ).to_dict()
    values = next(iter(spec["datasets"].values()))
    # The latest row is a year to date: only it is drawn, never joined to the full years.
    assert [v["value"] for v in values] == [61.0]


def test_claim_chart_draws_sizes_and_labels_directions():
    spec = _claim_chart(
        claimed=-29, official=-12, unit="percent", claimed_text="down 29%", record_text="down 12%"
    ).to_dict()
    values = next(iter(spec["datasets"].values()))
    assert [v["value"] for v in values] == [29.0, 12.0]
    assert [v["shown"] for v in values] == ["down 29%", "down 12%"]


def test_series_summary_chart_counts_per_series():
    rows = pd.DataFrame(
        {
            "metric": ["guns_seized", "homicides"],
            "checked": [4, 3],
            "inaccurate": [1, 2],
            "median_error": [8.9, None],
        }
    )
    chart = charts.series_summary_chart(rows)
    values = next(iter(chart.to_dict()["datasets"].values()))
    assert [(v["metric"], v["checked"], v["inaccurate"]) for v in values] == [
        ("guns_seized", 4, 1),
        ("homicides", 3, 2),
    ]
    svg = charts.to_svg(chart.properties(width=400))
    assert "guns_seized" in svg and "homicides" in svg


LONG_SOURCE = (
    "Jefferson County Sheriff's Office Records Division, annual firearms seizure report, table 4,"
    " revised edition with corrections (illustrative demo figure)"
)


def _ink_outside_title_safe(png: bytes) -> int:
    """How many pixels outside the inner 90% of the frame are not background white."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    mx, my = width // 20, height // 20
    px = image.load()
    return sum(
        px[x, y] != (255, 255, 255)
        for x in range(width)
        for y in range(height)
        if x < mx or x >= width - mx or y < my or y >= height - my
    )


def test_claim_graphic_names_verdict_speaker_period_and_demo():
    """Before: the subtitle read "CLAIM (light, dashed outline) against ...", no verdict."""
    chart = _claim_chart(
        verdict="inaccurate",
        speaker="Chief Dana Whitfield",
        claim_period="since 2018",
        period="2018 to 2025",
        demo=True,
    )
    svg = charts.to_svg(chart)
    assert "Verdict: INACCURATE" in svg and "Chief Dana Whitfield" in svg
    assert "DEMO FIGURES, NOT OFFICIAL DATA" in svg
    assert "since 2018" in svg and "for 2018 to 2025" in svg
    assert "dashed" not in svg and "outline" not in svg


def test_claim_graphic_source_line_is_whole_and_title_safe():
    """Before: a long source ran off the right edge of the frame."""
    png = charts.to_png(_claim_chart(source=LONG_SOURCE, verdict="accurate", demo=True))
    assert charts.png_size(png) == (1920, 1080)
    assert _ink_outside_title_safe(png) == 0
    svg = charts.to_svg(_claim_chart(source=LONG_SOURCE))
    assert "\u2026" not in svg
    for word in ("Jefferson", "seizure", "corrections", "(illustrative", "2025"):
        assert word in svg


def test_series_graphic_source_is_whole_and_title_safe():
    chart = charts.on_air_series_chart(
        _series_rows(),
        headline="Homicides in Birmingham",
        unit="count",
        station="WDMO 7",
        source=LONG_SOURCE,
        as_of=date(2024, 1, 10),
        claimed=160,
    )
    png = charts.to_png(chart)
    assert _ink_outside_title_safe(png) == 0
    svg = charts.to_svg(chart)
    assert "solid line" not in svg and "corrections" in svg and "\u2026" not in svg
