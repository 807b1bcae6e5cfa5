"""The place table: every publisher's way of writing a place gives one canonical name."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from factcheck import places

CASES = Path(__file__).parent / "data" / "places" / "cases.csv"


def _cases() -> list[dict[str, str]]:
    with open(CASES, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"])
def test_canonical_place_and_state(case):
    assert places.canonical_place(case["text"]) == (case["canonical"] or None), case["why"]
    assert places.state_of(case["text"]) == (case["state"] or None), case["why"]


def test_table_has_every_county_and_state():
    assert places.county_place("04013") == "Maricopa County, Arizona"
    assert places.county_place("24510") == "Baltimore city, Maryland"
    assert places.county_place("99999") is None
    assert places.state_name("Calif.") == "California"
    assert places.state_name("06") == "California"
    assert places.state_name("CA") == "California"


def test_baltimore_city_and_county_stay_apart():
    city = places.place_variants("Baltimore city, Maryland")
    county = places.place_variants("Baltimore County, Maryland")
    assert "baltimore" in city and "baltimore, md." in city
    assert "baltimore" not in county and "baltimore county" in county
    assert not city & county


def test_shared_county_names_only_with_their_state():
    variants = places.place_variants("Jefferson County, Alabama")
    assert "jefferson county" not in variants
    assert {
        "jefferson county, al",
        "jefferson county, ala.",
        "jefferson county, alabama",
    } <= variants


def test_variants_of_a_city_the_nation_and_a_state():
    assert {"birmingham", "birmingham, alabama", "birmingham, al"} <= places.place_variants(
        "Birmingham, Ala."
    )
    assert {"united states", "u.s.", "nationwide"} <= places.place_variants("United States")
    assert "us" not in places.place_variants("United States")  # the pronoun
    assert {"alabama", "ala."} <= places.place_variants("Alabama")
    assert "denver" in places.place_variants("Denver County, Colorado")
