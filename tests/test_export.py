"""Export of a check: Markdown and CSV sheets, ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from factcheck import export
from factcheck.models import Check, Claim
from factcheck.wording import describe_error

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
    assert "INACCURATE (DEMO)" in md and "- Official: 1371" in md
    assert "- Error: claimed more than 1,500; the record shows 1,371: 9.4% over the record" in md
    assert export.DEMO_NOTE in md
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


def test_csv_bare_carriage_return_stays_inside_its_cell():
    """Before: a bare CR in a source name came out as a new row starting with =cmd|..."""
    claim, check = _items()[0]
    check.source = "Police\r=cmd|' /C calc'!A0"
    text = export.to_csv(META, [(claim, check)])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2  # the header and the one claim: no smuggled row
    assert rows[1][export.CSV_COLUMNS.index("source")] == "Police\r=cmd|' /C calc'!A0"
    assert '"Police\r=cmd' in text  # quoted, so a spreadsheet keeps it in one cell
    for line in text.split("\r\n"):
        assert not line.startswith(("=", "+", "-", "@"))


def test_csv_formula_after_leading_blanks_is_defused():
    claim, check = _items()[1]
    claim.text = "  =HYPERLINK(1)"
    text = export.to_csv(META, [(claim, check)])
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["claim"].startswith("'")


def test_csv_says_the_error_in_words_and_marks_demo():
    text = export.to_csv(META, _items())
    first, second = csv.DictReader(io.StringIO(text, newline=""))
    assert first["error_in_words"].endswith("9.4% over the record")
    assert first["demo"] == "DEMO" and second["demo"] == ""


def test_markdown_source_url_cannot_add_a_link():
    """Before: `https://s/a>[click](https://evil)<` inside <...> ended the autolink early."""
    claim, check = _items()[0]
    check.source_url = "https://s/a>[click](https://evil)<"
    check.source = "See https://evil.example/x and www.evil.example"
    md = export.to_markdown(META, [(claim, check)])
    [line] = [x for x in md.splitlines() if x.startswith("- Source:")]
    assert line.count("<") == 1 and line.count(">") == 1
    assert "](" not in line and "[click]" not in line
    assert "%3E%5Bclick%5D%28https://evil%29%3C" in line
    assert "https\\://evil.example" in line and "www\\.evil" in line  # no bare autolinks


def test_markdown_strips_bidi_controls():
    claim, check = _items()[0]
    claim.speaker = "\u202eMayor Jane\u202c"
    md = export.to_markdown(META, [(claim, check)])
    assert "- Speaker: Mayor Jane" in md and "\u202e" not in md


@pytest.mark.parametrize(
    ("change", "direction", "low", "high", "unit", "official", "verdict", "words"),
    [
        ("difference", "down", 7000, 7000, "count", 1530, "inaccurate",
         "claimed 7,000 fewer; the record shows 1,530 more: wrong direction"),
        ("difference", "up", 300, 300, "count", 280, "accurate",
         "claimed 300 more; the record shows 280 more: matches"),
        ("difference", "up", 300, 300, "count", 120, "inaccurate",
         "claimed 300 more; the record shows 120 more: off by 180"),
        ("percent_change", "down", 29, 32, "percent", -20.5, "inaccurate",
         "claimed down 29 to 32%; the record shows down 20.5%: off by 8.5 points"),
        ("percent_change", "up", 5.1, 5.1, "percent", 0, "inaccurate",
         "claimed up 5.1%; the record shows no change: off by 5.1 points"),
    ],
)  # fmt: skip
def test_describe_error_in_a_reporters_words(
    change, direction, low, high, unit, official, verdict, words
):
    """Before: "Error %" gave -557.5% for "7000 fewer" against +1,530."""
    claim = Claim(text="x", start=0, end=1, sentence="x", low=low, high=high, unit=unit,
                  change=change, direction=direction)  # fmt: skip
    check = Check(verdict=verdict, official=official, error_pct=-557.5)
    assert describe_error(claim, check) == words
