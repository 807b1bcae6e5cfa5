"""Export of a check: Markdown and CSV sheets, ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from factcheck import export
from factcheck.models import Check, Claim

META = export.StoryMeta(
    title="Guns <b>seized</b> | up",
    station="WDMO 7",
    published=date(2025, 8, 3),
    url="https://wdmo.example/news/guns",
    place="Birmingham, Ala.",
    notes={0: "verified: called the PD"},
)


def _items():
    c1 = Claim(
        text="more than 1500 guns",
        start=0,
        end=19,
        sentence="Police seized more than 1500 guns, Chief Ray Smith said.",
        low=1500,
        high=1500,
        qualifier="more_than",
        subject="gun",
        speaker="Ray Smith",
    )
    k1 = Check(
        verdict="inaccurate",
        metric="guns_seized",
        place="Birmingham, Ala.",
        official=1371,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 7, 31),
        error_pct=9.41,
        source="Police department (illustrative)",
        source_url="http://demo.invalid/pd",
        as_of=date(2025, 8, 5),
        explanation="Claimed more than 1500; the record shows 1371.",
    )
    c2 = Claim(
        text="=cmd|' /C calc'!A0 tickets",
        start=30,
        end=50,
        sentence="<script>alert(1)</script> 12 tickets",
        low=12,
        high=12,
    )
    k2 = Check(verdict="unverifiable", explanation="No series matches tickets.")
    return [(c1, k1), (c2, k2)]


def test_markdown_sheet_lists_each_claim_and_escapes_markup():
    md = export.to_markdown(META, _items())
    assert md.startswith("# Fact check: Guns \\<b\\>seized\\</b\\> \\| up")
    assert "1 inaccurate" in md and "1 unverifiable" in md
    assert "INACCURATE" in md and "- Official: 1371" in md and "- Error: +9.4%" in md
    assert "- As of: 2025-08-05" in md
    assert "<http://demo.invalid/pd>" in md
    assert "- Note: verified: called the PD" in md
    assert "<script>" not in md


def test_csv_sheet_round_trips_and_defuses_formulas():
    text = export.to_csv(META, _items())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    assert list(rows[0]) == list(export.CSV_COLUMNS)
    assert rows[0]["verdict"] == "inaccurate"
    assert rows[0]["official"] == "1371"
    assert rows[0]["error_pct"] == "9.41"
    assert rows[0]["note"] == "verified: called the PD"
    assert rows[1]["claim"].startswith("'=")  # a spreadsheet shows it, does not run it
    assert rows[1]["official"] == ""


def test_claimreview_jsonld_follows_schema_org():
    doc = json.loads(export.to_jsonld(META, _items(), reviewed=date(2025, 8, 6)))
    assert doc["@context"] == "https://schema.org"
    first, second = doc["@graph"]
    assert first["@type"] == "ClaimReview"
    assert first["claimReviewed"].startswith("Police seized more than 1500 guns")
    assert first["author"] == {"@type": "Organization", "name": "WDMO 7"}
    assert first["datePublished"] == "2025-08-06"
    assert first["url"] == "https://wdmo.example/news/guns"
    rating = first["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["ratingValue"] == 1 and rating["alternateName"] == "Inaccurate"
    assert rating["bestRating"] == 3 and rating["worstRating"] == 1
    item = first["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Ray Smith"}
    assert item["datePublished"] == "2025-08-03"
    # No speaker: the station that aired it is the claim's author.
    assert second["itemReviewed"]["author"] == {"@type": "Organization", "name": "WDMO 7"}
    assert second["reviewRating"]["alternateName"] == "Unverifiable"


def test_jsonld_text_cannot_close_a_script_tag():
    text = export.to_jsonld(META, _items())
    assert "</script>" not in text and "<" not in text
    assert json.loads(text)["@graph"][1]["claimReviewed"].startswith("<script>")


def test_non_http_story_url_is_left_out():
    meta = export.StoryMeta(title="t", station="s", url="javascript:alert(1)")
    doc = json.loads(export.to_jsonld(meta, _items()))
    assert "url" not in doc["@graph"][0]
    assert "javascript" not in export.to_markdown(meta, _items())
