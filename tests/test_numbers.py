"""numbers.py: numerals and number words to values, ranges, percents and money."""

from __future__ import annotations

import pytest

from factcheck.numbers import find_numbers, parse_number, parse_quantity, read_qualifier


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,500", 1500),
        ("7000", 7000),
        ("5.1", 5.1),
        ("seven thousand", 7000),
        ("one hundred and twelve", 112),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("a half", 0.5),
        ("1.2 million", 1_200_000),
        ("two and a half million", 2_500_000),
        ("twenty-one", 21),
        ("fifty - two", 52),
        ("three hundred thousand", 300_000),
        ("10k", 10_000),
        ("4.5M", 4_500_000),
        ("3 hundred and 21", 321),
        ("two thirds", 2 / 3),
        ("minus five", -5),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["hundreds", "dozens", "second", "2nd", "the", ""])
def test_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "is_range"),
    [
        ("$4.5 million", 4_500_000, 4_500_000, "usd", False),
        ("4.5 million dollars", 4_500_000, 4_500_000, "usd", False),
        ("50 cents", 0.5, 0.5, "usd", False),
        ("two to three hundred", 200, 300, "count", True),
        ("29 to 32 percent", 29, 32, "percent", True),
        ("between 40 and 50", 40, 50, "count", True),
        ("40-50", 40, 50, "count", True),
        ("$4 to $5 million", 4_000_000, 5_000_000, "usd", True),
        ("5.1%", 5.1, 5.1, "percent", False),
        ("twenty per cent", 20, 20, "percent", False),
        ("2 percentage points", 2, 2, "percentage_points", False),
        ("5 to 10 million", 5_000_000, 10_000_000, "count", True),
    ],
)
def test_parse_quantity(text, low, high, unit, is_range):
    q = parse_quantity(text)
    assert q is not None
    assert (q.low, q.high, q.unit, q.is_range) == (
        pytest.approx(low),
        pytest.approx(high),
        unit,
        is_range,
    )


def test_find_numbers_offsets_map_back():
    text = "Police seized more than 1,500 guns, up 5.1%, and $4.5 million in cash since 2018."
    found = find_numbers(text)
    assert [m.text for m in found] == ["1,500", "5.1%", "$4.5 million", "2018"]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[-1].plain_int == "2018"


def test_find_numbers_skips_phones_times_dates_and_vague_plurals():
    text = (
        "Call 205-555-1234 by 10:30 on 5/17/2018. Hundreds came, dozens of them, by the thousands."
    )
    assert find_numbers(text) == []


def test_from_to_is_two_values_after_a_change_verb():
    found = find_numbers("Arrests rose from 20 to 30 percent of calls.")
    assert [(m.low, m.unit, m.is_range) for m in found] == [
        (20, "percent", False),
        (30, "percent", False),
    ]


def test_and_does_not_add_two_numbers():
    found = find_numbers("between forty and fifty people")
    assert [(m.low, m.high) for m in found] == [(40, 50)]


@pytest.mark.parametrize(
    ("text", "qualifier", "hedge"),
    [
        ("more than 1500 guns", "more_than", "more than"),
        ("over 300 arrests", "more_than", "over"),
        ("at least 12 people", "at_least", "at least"),
        ("fewer than 50 officers", "less_than", "fewer than"),
        ("under 20 cases", "less_than", "under"),
        ("up to 700 workers", "at_most", "up to"),
        ("nearly 400 calls", "almost", "nearly"),
        ("almost 90 percent", "almost", "almost"),
        ("about 450 pounds", "approximately", "about"),
        ("approximately 30 deputies", "approximately", "approximately"),
        ("roughly 340,000 jobs", "approximately", "roughly"),
        ("just about 20 cars", "approximately", "just about"),
        ("some 300 people", "approximately", "some"),
        ("300 or more people", "at_least", None),
        ("almost two to three hundred more", "range", "almost"),
        ("1500 guns", "exact", None),
        # a verb of movement makes "up to" the end point, not a limit
        ("unemployment ticked up to 3.2 percent", "exact", None),
        ("the rate crept back up to about 5 percent", "approximately", "about"),
        ("prices went down to $3", "exact", None),
        ("the fine is up to $500", "at_most", "up to"),
    ],
)
def test_read_qualifier(text, qualifier, hedge):
    m = find_numbers(text)[0]
    got, got_hedge, start, end = read_qualifier(text, m)
    assert (got, got_hedge) == (qualifier, hedge)
    assert start <= m.start and end >= m.end


@pytest.mark.parametrize(
    ("text", "low", "unit"),
    [
        ("7lbs", 7, "pounds"),
        ("180ml", 180, "milliliters"),
        ("a 36-percent increase", 36, "percent"),
        ("a 2.5-cent rise", 0.025, "usd"),
        ("3 1/2 pounds", 3.5, "count"),
        ("two-tenths of 1 percent", 0.2, "percent"),
        ("two-tenths of a point", 0.2, "percentage_points"),
    ],
)
def test_glued_hyphenated_mixed_and_fractions_of_a_unit(text, low, unit):
    (m,) = find_numbers(text)
    assert (m.low, m.unit) == (pytest.approx(low), unit)
