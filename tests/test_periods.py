"""Time phrases -> periods (factcheck.periods), each phrase DESIGN.md names, from the phrase alone.

Rules that depend on the record (the latest year-to-date row, the latest full year) come back as
kinds the store resolves; tests/test_verify.py checks them against figures.
"""

from datetime import date

import pytest

from factcheck import periods as pr
from factcheck.periods import resolve_period

PUB = date(2022, 8, 5)


@pytest.mark.parametrize("phrase", ["this year", "so far this year", "year to date", "2022"])
def test_this_year_is_the_year_to_date_rule(phrase):
    p = resolve_period(phrase, PUB, change="level")
    assert p.kind == pr.YTD
    assert p.year_start == date(2022, 1, 1)
    assert p.compare is None


def test_this_year_as_a_change_compares_the_same_dates_a_year_before():
    p = resolve_period("so far this year", PUB, change="percent_change")
    assert (p.kind, p.compare, p.compare_years) == (pr.YTD, pr.C_YEARS_BEFORE, 1)


def test_last_year_is_the_previous_calendar_year():
    p = resolve_period("last year", PUB, change="level")
    assert (p.kind, p.start, p.end) == (pr.FIXED, date(2021, 1, 1), date(2021, 12, 31))


def test_last_year_as_a_change_is_compared_with_the_year_before_it():
    p = resolve_period("last year", PUB, change="difference")
    assert (p.compare_start, p.compare_end) == (date(2020, 1, 1), date(2020, 12, 31))


def test_in_a_year_is_that_year():
    p = resolve_period("in 2019", PUB, change="level")
    assert (p.start, p.end) == (date(2019, 1, 1), date(2019, 12, 31))


@pytest.mark.parametrize(
    "phrase", ["as of August second", "as of Aug. 2", "as of August 2nd", "as of 8/2"]
)
def test_as_of_a_date_is_the_year_to_that_date(phrase):
    p = resolve_period(phrase, PUB, change="level")
    assert (p.kind, p.start, p.end) == (pr.FIXED, date(2022, 1, 1), date(2022, 8, 2))


def test_as_of_a_date_as_a_change_compares_the_same_dates_a_year_before():
    p = resolve_period("as of August second", PUB, change="percent_change")
    assert (p.compare_start, p.compare_end) == (date(2021, 1, 1), date(2021, 8, 2))


def test_as_of_a_date_later_in_the_year_than_the_story_is_last_year():
    p = resolve_period("as of December 31", date(2023, 1, 10), change="level")
    assert (p.start, p.end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_the_same_time_last_year():
    p = resolve_period("the same time last year", PUB, change="difference")
    assert (p.kind, p.compare, p.compare_years) == (pr.YTD, pr.C_YEARS_BEFORE, 1)


def test_compare_phrase_last_year_against_this_year_keeps_a_whole_year_fallback():
    p = resolve_period("this year", PUB, change="difference", compare_phrase="last year")
    assert (p.compare, p.compare_years) == (pr.C_YEARS_BEFORE, 1)
    assert (p.fallback_start, p.fallback_end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_since_a_year_is_the_latest_full_year_against_that_year():
    p = resolve_period("since 2018", PUB, change="percent_change")
    assert p.kind == pr.LATEST_YEAR
    assert (p.compare, p.compare_start, p.compare_end) == (
        pr.C_FIXED,
        date(2018, 1, 1),
        date(2018, 12, 31),
    )


def test_since_the_story_year_leaves_nothing_to_compare():
    assert resolve_period("since 2022", PUB, change="percent_change").kind == pr.UNRESOLVED


@pytest.mark.parametrize("phrase", ["a year ago", "the year before", "a year earlier"])
def test_a_year_ago_is_relative(phrase):
    p = resolve_period(phrase, PUB, change="level")
    assert p.relative and p.shift_years == 1


def test_a_year_ago_contrasted_with_a_month_is_that_month_a_year_before():
    march = resolve_period("in March", PUB, change="level")
    p = pr.contrasted(resolve_period("a year ago", PUB, change="level"), march)
    assert (p.kind, p.start, p.end) == (pr.FIXED, date(2021, 3, 1), date(2021, 3, 31))


def test_a_year_ago_contrasted_with_the_latest_shifts_the_latest():
    p = pr.contrasted(resolve_period("a year ago", PUB), resolve_period(None, PUB))
    assert (p.kind, p.shift_years) == (pr.LATEST, 1)


def test_in_a_month_before_the_story_is_this_year():
    p = resolve_period("in March", PUB, change="level")
    assert (p.start, p.end) == (date(2022, 3, 1), date(2022, 3, 31))


def test_in_a_month_after_the_story_is_last_year():
    p = resolve_period("in September", PUB, change="level")
    assert (p.start, p.end) == (date(2021, 9, 1), date(2021, 9, 30))


def test_a_month_as_a_change_compares_the_month_before():
    p = resolve_period("in March", PUB, change="difference")
    assert (p.compare_start, p.compare_end) == (date(2022, 2, 1), date(2022, 2, 28))


@pytest.mark.parametrize("phrase", ["each year", "per year", "annually", "every year"])
def test_each_year_is_the_latest_full_year(phrase):
    p = resolve_period(phrase, PUB, change="level")
    assert p.kind == pr.LATEST_YEAR


def test_each_year_as_a_change_is_against_the_year_before():
    p = resolve_period("each year", PUB, change="difference")
    assert (p.kind, p.compare) == (pr.LATEST_YEAR, pr.C_PREVIOUS)


def test_no_phrase_is_the_latest_on_record_and_a_change_the_one_before():
    assert resolve_period(None, PUB).kind == pr.LATEST
    p = resolve_period(None, PUB, change="percent_change")
    assert (p.kind, p.compare) == (pr.LATEST, pr.C_PREVIOUS)


@pytest.mark.parametrize("phrase", ["next year", "in 2025", "in 2023"])
def test_a_period_after_the_story_is_unresolved_with_a_reason(phrase):
    p = resolve_period(phrase, PUB, change="level")
    assert p.kind == pr.UNRESOLVED
    assert "after the story's date" in p.reason


def test_an_unknown_phrase_is_unresolved_not_guessed():
    p = resolve_period("during the pandemic", PUB, change="level")
    assert p.kind == pr.UNRESOLVED and "during the pandemic" in p.reason


def test_between_two_years_is_a_change_from_the_first_to_the_second():
    p = resolve_period("between 2019 and 2021", PUB, change="percent_change")
    assert (p.start, p.compare_start) == (date(2021, 1, 1), date(2019, 1, 1))


def test_last_month_and_quarters():
    p = resolve_period("last month", PUB)
    assert (p.start, p.end) == (date(2022, 7, 1), date(2022, 7, 31))
    q = resolve_period("in the first quarter", PUB)
    assert (q.start, q.end) == (date(2022, 1, 1), date(2022, 3, 31))


def test_shift_years_keeps_leap_days_valid():
    assert pr.shift_years(date(2024, 2, 29), 1) == date(2023, 2, 28)


def test_a_level_since_a_year_is_a_total_and_not_guessed():
    p = resolve_period("since 2018", PUB, change="level")
    assert p.kind == pr.UNRESOLVED and "total over several years" in p.reason
    assert resolve_period("over the past five years", PUB).kind == pr.UNRESOLVED


@pytest.mark.parametrize(
    "phrase, end",
    [
        ("through June", date(2022, 6, 30)),
        ("as of the end of July", date(2022, 7, 31)),
        ("in the first half of the year", date(2022, 6, 30)),
        ("in the first seven months of 2022", date(2022, 7, 31)),
        ("by July 13 in 2022", date(2022, 7, 13)),  # the year written after the day is kept
        ("through July of this year", date(2022, 7, 31)),
    ],
)
def test_the_year_to_the_end_of_a_month(phrase, end):
    p = resolve_period(phrase, PUB, change="level")
    assert (p.kind, p.start, p.end) == (pr.FIXED, date(2022, 1, 1), end)


def test_the_same_point_in_a_named_year_is_the_base_of_a_change():
    p = resolve_period("at the same point in 2020", PUB, change="difference")
    assert (p.kind, p.compare, p.compare_years, p.shift_years) == (pr.YTD, pr.C_YEARS_BEFORE, 2, 0)


def test_the_same_time_last_year_as_a_level_is_last_years_same_dates():
    p = resolve_period("at this point last year", PUB, change="level")
    assert (p.kind, p.shift_years, p.relative) == (pr.YTD, 1, True)
    # contrasted with a claim "as of August second": those dates a year earlier
    base = resolve_period("as of August second", PUB, change="level")
    q = pr.contrasted(p, base)
    assert (q.kind, q.start, q.end) == (pr.FIXED, date(2021, 1, 1), date(2021, 8, 2))


@pytest.mark.parametrize(
    "phrase, months",
    [("the month before", 1), ("the previous month", 1), ("a month earlier", 1),
     ("two months ago", 2), ("the prior month", 1)],
)  # fmt: skip
def test_the_month_before_is_relative_to_the_contrasted_claim(phrase, months):
    p = resolve_period(phrase, PUB, change="level")
    assert (p.relative, p.shift_months) == (True, months)
    march = resolve_period("in March", PUB, change="level")
    q = pr.contrasted(p, march)
    assert (q.start, q.end) == pr.month_span(2022, 3 - months)
    latest = pr.contrasted(p, resolve_period(None, PUB))
    assert (latest.kind, latest.shift_months, latest.relative) == (pr.LATEST, months, False)


def test_a_change_from_the_month_before_is_the_latest_month_against_the_previous():
    p = resolve_period("the month before", PUB, change="difference")
    assert (p.kind, p.compare, p.relative) == (pr.LATEST, pr.C_PREVIOUS, False)


@pytest.mark.parametrize("phrase", ["since 2021", "from 2021", "compared with 2021"])
def test_a_change_from_the_year_before_the_storys_is_this_year_against_last(phrase):
    p = resolve_period(phrase, PUB, change="percent_change")
    assert (p.kind, p.compare, p.compare_years) == (pr.YTD, pr.C_YEARS_BEFORE, 1)
    assert (p.fallback_start, p.fallback_end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_january_as_a_change_is_compared_with_december_but_through_january_a_year_before():
    p = resolve_period("in January", PUB, change="percent_change")
    assert (p.compare_start, p.compare_end) == (date(2021, 12, 1), date(2021, 12, 31))
    p = resolve_period("through January", PUB, change="percent_change")
    assert (p.compare_start, p.compare_end) == (date(2021, 1, 1), date(2021, 1, 31))


def test_a_month_before_base_compares_with_the_period_before():
    p = resolve_period("in March", PUB, change="difference", compare_phrase="the month before")
    assert p.compare == pr.C_PREVIOUS


def test_at_that_point_in_a_year_as_a_level_is_that_years_same_dates():
    p = resolve_period("at that point in 2021", PUB, change="level")
    assert (p.kind, p.shift_years, p.relative) == (pr.YTD, 1, True)


# A Wednesday story: "Tuesday" is the day before, "the week ending Sunday" the seven days to
# the Sunday just past.
WEDNESDAY = date(2025, 11, 5)


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("in the week ending Sunday", date(2025, 10, 27), date(2025, 11, 2)),
        ("the week ending Nov. 2", date(2025, 10, 27), date(2025, 11, 2)),
        ("on Tuesday", date(2025, 11, 4), date(2025, 11, 4)),
        ("late Tuesday", date(2025, 11, 4), date(2025, 11, 4)),
        ("on Monday and Tuesday", date(2025, 11, 3), date(2025, 11, 4)),
        ("Wednesday night", date(2025, 11, 5), date(2025, 11, 5)),
        ("in Tuesday's primary", date(2025, 11, 4), date(2025, 11, 4)),
        ("over the weekend", date(2025, 11, 1), date(2025, 11, 2)),
        ("between 6 p.m. Friday and midnight Monday", date(2025, 10, 31), date(2025, 11, 3)),
        ("In ’17", date(2017, 1, 1), date(2017, 12, 31)),
    ],
)
def test_weeks_ending_and_weekdays_are_the_days_just_past(phrase, start, end):
    p = resolve_period(phrase, WEDNESDAY)
    assert (p.kind, p.start, p.end) == (pr.FIXED, start, end)


@pytest.mark.parametrize(
    "phrase", ["the 2025-26 school year", "starting in the 2025-26 school year", "2023-24",
               "for the 2024-25 fiscal year", "the 2024 fiscal year", "in the 2025 budget year"],
)  # fmt: skip
def test_school_and_fiscal_years_are_not_guessed_as_calendar_years(phrase):
    p = resolve_period(phrase, WEDNESDAY)
    assert p.kind == pr.UNRESOLVED and "school and fiscal years" in (p.reason or "")


def test_that_year_is_the_period_of_the_claim_before():
    p = resolve_period("that year", WEDNESDAY)
    assert p.kind == pr.UNRESOLVED and p.relative and "named earlier" in (p.reason or "")
    base = resolve_period("in 2021", WEDNESDAY)
    got = pr.contrasted(p, base)
    assert (got.kind, got.start, got.end) == (pr.FIXED, date(2021, 1, 1), date(2021, 12, 31))


def test_a_change_between_two_dates_is_the_later_against_the_earlier():
    p = resolve_period("between July 2022 and July 2023", WEDNESDAY, change="difference")
    assert (p.kind, p.start, p.end) == (pr.FIXED, date(2023, 7, 1), date(2023, 7, 31))
    assert (p.compare, p.compare_start, p.compare_end) == (
        pr.C_FIXED, date(2022, 7, 1), date(2022, 7, 31))  # fmt: skip
    level = resolve_period("between July 2022 and July 2023", WEDNESDAY)
    assert (level.start, level.end) == (date(2022, 7, 1), date(2023, 7, 31))


def test_over_the_month_is_the_latest_month_against_the_one_before():
    p = resolve_period("over the month", WEDNESDAY, change="difference")
    assert (p.kind, p.compare) == (pr.LATEST_MONTH, pr.C_PREVIOUS)
