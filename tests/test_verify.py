"""Checking claims against the record (factcheck.verify): verdict table, periods on the record,
every unverifiable path, vintages, re-checks with history, and overrides.

Claims are built by hand (the extractor is tested elsewhere); the store is a real DuckDB file.
"""

import os
from datetime import date
from pathlib import Path

import pytest

from factcheck import store as st
from factcheck import verify
from factcheck.claims.period import change_base
from factcheck.models import Claim
from factcheck.sources import import_files
from factcheck.store import Store, insert_claims

DATA = Path(__file__).resolve().parent / "data" / "verify"
PUB = date(2022, 8, 5)
HEADER = "metric,place,period_start,period_end,value,unit,source,source_url,as_of,notes\n"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "fc.duckdb")
    import_files(s, DATA / "figures.csv", DATA / "metrics.csv")
    return s


def add_figures(store, tmp_path, *rows: str, name="extra.csv") -> str:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows))
    return import_files(store, path)


def C(text, sentence=None, low=None, high=None, **kw) -> Claim:
    """A claim as the extractor would give it; value read from the text when not given."""
    sentence = sentence or f"Police said {text}."
    if low is None:
        low = (
            float(text.split()[-2].replace(",", "").replace("$", "").rstrip("%"))
            if len(text.split()) > 1
            else float(text.replace(",", "").rstrip("%"))
        )
    start = max(sentence.find(text), 0)
    if "base" not in kw:
        # the extractor's own rule for the phrase a change is measured against
        kw["base"] = change_base(sentence, start, start + len(text), kw.get("period"))
    return Claim(
        text=text,
        start=start,
        end=start + len(text),
        sentence=sentence,
        low=low,
        high=low if high is None else high,
        **kw,
    )


def check(store, *claims, published=PUB, place="Birmingham", mode="aired"):
    return verify.check_claims(store, list(claims), published=published, place=place, mode=mode)


def one(store, claim, **kw):
    return check(store, claim, **kw)[0]


# --- the verdict table (guns seized, latest year to date on Aug 5, 2022: 1,587) --------------

GUNS = "The department has seized {} guns this year."


def guns(value_text: str, qualifier="exact", low=None, high=None, hedge=None) -> Claim:
    sentence = GUNS.format(value_text)
    if low is None:
        low = float(value_text.split()[-1].replace(",", ""))
    return Claim(
        text=value_text,
        start=sentence.find(value_text),
        end=sentence.find(value_text) + len(value_text),
        sentence=sentence,
        low=low,
        high=low if high is None else high,
        qualifier=qualifier,
        subject="gun",
        period="this year",
        hedge=hedge,
    )


@pytest.mark.parametrize(
    "text, qualifier, low, high, verdict",
    [
        # exact: inside the stated-precision interval
        ("1,587", "exact", 1587, None, "accurate"),
        ("1,590", "exact", 1590, None, "accurate"),  # 1,585-1,595
        ("1,600", "exact", 1600, None, "accurate"),  # 1,550-1,650
        ("1,500", "exact", 1500, None, "inaccurate"),  # 1,450-1,550
        ("1,580", "exact", 1580, None, "inaccurate"),  # 1,575-1,585
        # approximately: within 10%, or the stated-precision interval if wider
        ("about 1,450", "approximately", 1450, None, "accurate"),  # 1,305-1,595
        ("about 1,400", "approximately", 1400, None, "inaccurate"),  # 1,260-1,540
        ("about 2,000", "approximately", 2000, None, "accurate"),  # 1,500-2,500 (precision)
        ("about 1,800", "approximately", 1800, None, "inaccurate"),  # 1,620-1,980
        # more than / at least: at or above the value
        ("more than 1,500", "more_than", 1500, None, "accurate"),
        ("more than 1,600", "more_than", 1600, None, "inaccurate"),
        ("at least 1,587", "at_least", 1587, None, "accurate"),
        ("at least 1,588", "at_least", 1588, None, "inaccurate"),
        # less than / at most: at or below the value
        ("fewer than 1,600", "less_than", 1600, None, "accurate"),
        ("fewer than 1,500", "less_than", 1500, None, "inaccurate"),
        ("at most 1,587", "at_most", 1587, None, "accurate"),
        ("at most 1,586", "at_most", 1586, None, "inaccurate"),
        # almost: between 90% of the value and the value
        ("almost 1,700", "almost", 1700, None, "accurate"),  # 1,530-1,700
        ("almost 1,500", "almost", 1500, None, "inaccurate"),  # 1,350-1,500
        ("almost 1,800", "almost", 1800, None, "inaccurate"),  # 1,620-1,800
        # range: inside [low, high] widened by the bounds' stated precision
        ("1,500 to 1,600", "range", 1500, 1600, "accurate"),
        ("1,400 to 1,500", "range", 1400, 1500, "inaccurate"),  # 1,350-1,550
        ("1,550 to 1,590", "range", 1550, 1590, "accurate"),  # 1,545-1,595
        ("1,550 to 1,580", "range", 1550, 1580, "inaccurate"),  # 1,545-1,585
        ("15 to 16 hundred", "range", 1500, 1600, "accurate"),
    ],
)
def test_verdict_table(store, text, qualifier, low, high, verdict):
    result = one(store, guns(text, qualifier, low, high))
    assert result.verdict == verdict
    assert result.official == 1587
    assert (result.metric, result.place) == ("guns_seized", "Birmingham")
    assert (result.period_start, result.period_end) == (date(2022, 1, 1), date(2022, 7, 31))
    assert result.source == "Birmingham Police Department"
    assert result.source_url == "https://example.org/bpd/guns"
    assert result.as_of == date(2022, 8, 1)
    assert result.explanation.endswith(f": {verdict}.")


def test_error_pct_is_signed_and_explanation_names_claim_record_source_and_date(store):
    result = one(store, guns("more than 1500", "more_than", 1500))
    assert result.error_pct == pytest.approx((1500 - 1587) / 1587 * 100, abs=0.01)
    assert result.explanation == (
        "Claimed more than 1500 guns; Birmingham Police Department records 1,587 guns seized for "
        "January 1 to July 31, 2022 (as of 2022-08-01): accurate."
    )


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("1500", 1500, 100),
        ("7000", 7000, 1000),
        ("5.1%", 5.1, 0.1),
        ("144", 144, 1),
        ("$4.5 million", 4_500_000, 100_000),
        ("1.25 million", 1_250_000, 10_000),
        ("two to three hundred", 200, 100),
        ("seven thousand", 7000, 1000),
        ("5.10 percent", 5.1, 0.01),
    ],
)
def test_stated_precision_from_the_written_digits(text, value, unit):
    assert verify.stated_unit(text, value) == pytest.approx(unit)


def test_hedged_ranges():
    almost = Claim("almost two to three hundred", 0, 1, "", 200, 300, qualifier="range",
                   hedge="almost")  # fmt: skip
    assert verify.acceptance(almost) == (150, 350)
    about = Claim("about 29 to 32 percent", 0, 1, "", 29, 32, unit="percent",
                  qualifier="range", hedge="approximately about")  # fmt: skip
    lo, hi = verify.acceptance(about)
    assert lo == pytest.approx(26.1) and hi == pytest.approx(35.2)
    plain = Claim("29 to 32 percent", 0, 1, "", 29, 32, unit="percent", qualifier="range")
    assert verify.acceptance(plain) == (28.5, 32.5)


def test_percent_change_at_stated_precision(store):
    s = "As of August second, homicides are up, but only at a rate of 5.1%."
    up = C("5.1%", s, 5.1, unit="percent", subject="homicide", change="percent_change",
           direction="up", period="as of August second")  # fmt: skip
    result = one(store, up)
    assert result.verdict == "accurate"
    assert result.official == pytest.approx((82 - 78) / 78 * 100)
    assert (result.compare_start, result.compare_end) == (date(2021, 1, 1), date(2021, 8, 2))
    wrong = C("5.2%", s.replace("5.1", "5.2"), 5.2, unit="percent", subject="homicide",
              change="percent_change", direction="up", period="as of August second")  # fmt: skip
    assert one(store, wrong).verdict == "inaccurate"
    down = C("5.1%", s.replace("up", "down"), 5.1, unit="percent", subject="homicide",
             change="percent_change", direction="down", period="as of August second")  # fmt: skip
    assert one(store, down).verdict == "inaccurate"  # the wrong direction


def test_money_at_stated_precision(store):
    s = "The city's general fund budget this year is $476 million."
    claim = C("$476 million", s, 476e6, unit="usd", subject="budget", period="this year")
    result = one(store, claim)
    assert result.verdict == "accurate" and result.official == 476.3e6
    assert "$476,300,000" in result.explanation
    s2 = "The budget is $18 million more than last year."
    diff = C("$18 million", s2, 18e6, unit="usd", subject="budget", change="difference",
             direction="up", period="last year")  # fmt: skip
    result = one(store, diff)
    assert result.verdict == "inaccurate" and result.official == pytest.approx(26.3e6)


# --- periods on the record --------------------------------------------------------------------


def test_this_year_is_the_latest_year_to_date_row_up_to_the_published_date(store, tmp_path):
    add_figures(
        store,
        tmp_path,
        "guns_seized,Birmingham,2022-01-01,2022-08-31,1700,count,BPD,,2022-09-02,",
        "guns_seized,Birmingham,2022-01-01,2022-06-30,1400,count,BPD,,2022-07-02,",
    )
    assert one(store, guns("1,587")).period_end == date(2022, 7, 31)
    later = one(store, guns("1,700"), published=date(2022, 9, 10))
    assert (later.verdict, later.period_end) == ("accurate", date(2022, 8, 31))


def test_this_year_for_a_yearly_series_is_the_years_row(store):
    claim = C("$476 million", "The budget this year is $476 million.", 476e6, unit="usd",
              subject="budget", period="this year")  # fmt: skip
    result = one(store, claim)
    assert (result.period_start, result.period_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_last_year_and_in_a_year(store):
    last = one(store, C("1,930 guns", "Police seized 1,930 guns last year.", 1930,
                        subject="gun", period="last year"))  # fmt: skip
    assert (last.verdict, last.period_start) == ("accurate", date(2021, 1, 1))
    in2020 = one(store, C("1,710 guns", "Police seized 1,710 guns in 2020.", 1710,
                          subject="gun", period="in 2020"))  # fmt: skip
    assert (in2020.verdict, in2020.official) == ("accurate", 1710)


def test_more_than_last_year_compares_a_year_to_date_with_the_same_dates(store):
    s = "I want to say almost two to three hundred more than last year."
    claim = C("almost two to three hundred", s, 200, 300, qualifier="range", hedge="almost",
              subject="gun", change="difference", direction="up", period="last year")  # fmt: skip
    result = one(store, claim)
    assert result.official == 1587 - 1310
    assert (result.compare_start, result.compare_end) == (date(2021, 1, 1), date(2021, 7, 31))
    assert result.verdict == "accurate"


def test_more_than_last_year_falls_back_to_the_whole_year_without_same_dates(tmp_path):
    s = Store(tmp_path / "b.duckdb")
    add_figures(
        s,
        tmp_path,
        "guns_seized,Birmingham,2021-01-01,2021-12-31,1400,count,BPD,,2022-01-10,",
        "guns_seized,Birmingham,2022-01-01,2022-07-31,1650,count,BPD,,2022-08-01,",
    )
    claim = C("250", "We have 250 more guns than last year.", 250, subject="gun",
              change="difference", direction="up", period="last year")  # fmt: skip
    result = one(s, claim)
    assert (result.verdict, result.official) == ("accurate", 250)
    assert result.compare_end == date(2021, 12, 31)


def test_the_same_time_last_year(store):
    s = "Guns seized are up 21 percent from the same time last year."
    claim = C("21 percent", s, 21, unit="percent", subject="gun", change="percent_change",
              direction="up", period="the same time last year")  # fmt: skip
    result = one(store, claim)
    assert result.official == pytest.approx((1587 - 1310) / 1310 * 100)
    assert result.verdict == "accurate"


def test_a_level_at_the_same_time_last_year_reads_last_years_same_dates(store):
    s = "Officers took 1,587 guns off the street this year, against 1,310 this time last year."
    now = C("1,587", s, 1587, subject="gun", period="this year")
    then = C("1,310", s, 1310, subject="gun", period="this time last year")
    a, b = check(store, now, then)
    assert (a.verdict, a.official) == ("accurate", 1587)
    assert (b.verdict, b.official, b.period_end) == ("accurate", 1310, date(2021, 7, 31))


def test_a_same_time_phrase_in_a_named_year_is_those_dates_then(store):
    # the extractor writes the phrase whole ("this time in 2021": claims/period.py)
    s = "This year police have seized 1,587 guns, compared with 1,310 at this time in 2021."
    now = C("1,587", s, 1587, subject="gun", period="This year")
    then = C("1,310", s, 1310, subject="gun", period="this time in 2021")
    _a, b = check(store, now, then)
    assert (b.verdict, b.period_end) == ("accurate", date(2021, 7, 31))


def test_a_change_from_the_same_point_in_a_named_year(store):
    s = "Birmingham has 82 homicides as of Aug. 2, four more than at the same point in 2021."
    now = C("82", s, 82, subject="homicide", period="as of Aug. 2")
    diff = C("four", s, 4, subject="homicide", change="difference", direction="up",
             period="at the same point in 2021")  # fmt: skip
    a, b = check(store, now, diff)
    assert (b.verdict, b.official, b.compare_end) == ("accurate", 4, date(2021, 8, 2))


def test_a_named_period_after_from_is_the_base_of_the_change(store):
    # the claim is about the same dates now, contrasted with the claim before it ...
    s = "Police seized 1,587 guns through July, up 21 percent from the first seven months of 2021."
    now = C("1,587", s, 1587, subject="gun", period="through July")
    up = C("21 percent", s, 21, unit="percent", subject="gun", change="percent_change",
           direction="up", period="the first seven months of 2021")  # fmt: skip
    _a, b = check(store, now, up)
    assert (b.period_start, b.period_end) == (date(2022, 1, 1), date(2022, 7, 31))
    assert (b.compare_start, b.compare_end) == (date(2021, 1, 1), date(2021, 7, 31))
    assert (b.verdict, b.official) == ("accurate", pytest.approx((1587 - 1310) / 1310 * 100))
    # ... or, alone, the same dates in the story's year
    s = "Gun seizures rose by 277 compared with the first seven months of 2021."
    alone = C("277", s, 277, subject="gun", change="difference", direction="up",
              period="the first seven months of 2021")  # fmt: skip
    assert (one(store, alone).verdict, one(store, alone).official) == ("accurate", 277)


def test_a_change_from_last_years_number_is_this_year_against_last(store):
    s = "Gun seizures are up 21 percent from 2021."
    claim = C("21 percent", s, 21, unit="percent", subject="gun", change="percent_change",
              direction="up", period="2021")  # fmt: skip
    result = one(store, claim)
    assert (result.compare_start, result.compare_end) == (date(2021, 1, 1), date(2021, 7, 31))
    assert result.verdict == "accurate"


def test_the_first_months_of_a_named_year_as_the_base(store):
    s = "Birmingham took in 1,587 guns this year, up 21 percent from the first seven months of 2021."
    now = C("1,587", s, 1587, subject="gun", period="this year")
    up = C("21 percent", s, 21, unit="percent", subject="gun", change="percent_change",
           direction="up", period="the first seven months of 2021")  # fmt: skip
    _a, b = check(store, now, up)
    assert (b.compare_start, b.compare_end) == (date(2021, 1, 1), date(2021, 7, 31))
    assert b.verdict == "accurate"


def test_with_no_subject_the_nearest_series_wins_over_a_longer_one(store, tmp_path):
    add_figures(store, tmp_path, "violent_crimes,Birmingham,2021-01-01,2021-12-31,4000,count,"
                "BPD,https://example.org/v,2022-02-01,", name="v.csv")  # fmt: skip
    s = "Shootings reached 640 in 2021, police said, as violent crime kept climbing."
    claim = C("640", s, 640, period="in 2021")
    assert (one(store, claim).metric, one(store, claim).verdict) == ("shootings", "accurate")


def test_the_previous_year_as_the_base_is_relative_to_the_claim_before(store):
    s = "Birmingham logged 22,600 crimes in 2021, 7,200 fewer than the previous year."
    lvl = C("22,600", s, 22600, subject="crime", period="in 2021")
    diff = C("7,200", s, 7200, subject="crime", change="difference", direction="down",
             period="the previous year")  # fmt: skip
    _a, b = check(store, lvl, diff)
    assert (b.period_start, b.compare_start) == (date(2021, 1, 1), date(2020, 1, 1))
    assert (b.official, b.verdict) == (-7200, "accurate")


def test_since_a_year_is_the_change_to_the_latest_full_year(store):
    s = "We're down approximately about 29 to 32 percent since 2018."
    claim = C("approximately about 29 to 32 percent", s, 29, 32, unit="percent",
              qualifier="range", hedge="approximately about", subject="crime",
              change="percent_change", direction="down", period="since 2018")  # fmt: skip
    result = one(store, claim)
    assert (result.period_start, result.compare_start) == (date(2021, 1, 1), date(2018, 1, 1))
    assert result.official == pytest.approx((22600 - 33000) / 33000 * 100)
    assert result.verdict == "accurate"


def test_each_year_is_the_latest_year_against_the_year_before(store):
    s = "We are probably reporting 7000 fewer crimes each year."
    claim = C("7000", s, 7000, subject="crime", change="difference", direction="down",
              period="each year")  # fmt: skip
    result = one(store, claim)
    assert (result.official, result.verdict) == (22600 - 29800, "accurate")
    assert result.explanation.startswith("Claimed 7000 fewer crimes;")


def test_in_march_and_a_year_ago_contrasted(store):
    s = "Unemployment was 4.2 percent in March, up from 3.9 percent a year ago."
    now = C("4.2 percent", s, 4.2, unit="percent", subject="unemployment", period="in March")
    then = C("3.9 percent", s, 3.9, unit="percent", subject="unemployment", period="a year ago")
    a, b = check(store, now, then)
    assert (a.verdict, a.period_start) == ("accurate", date(2022, 3, 1))
    assert (b.verdict, b.period_start, b.official) == ("accurate", date(2021, 3, 1), 3.9)


def test_the_month_before_contrasted_with_a_named_month_or_the_latest(store, tmp_path):
    add_figures(store, tmp_path, "unemployment_rate,Birmingham,2022-02-01,2022-02-28,4.5,percent,"
                "BLS,https://example.org/bls,2022-03-30,")  # fmt: skip
    s = "The jobless rate hit 4.2 percent in March, after 4.5 percent the previous month."
    now = C("4.2 percent", s, 4.2, unit="percent", subject="rate", period="in March")
    then = C("4.5 percent", s, 4.5, unit="percent", subject="rate", period="the previous month")
    _a, b = check(store, now, then)
    assert (b.verdict, b.official, b.period_start) == ("accurate", 4.5, date(2022, 2, 1))
    # no phrase on the first claim: the latest month on record, shifted back in SQL
    s = "Unemployment stands at 4.2 percent, up from 4.4 percent a month earlier."
    now = C("4.2 percent", s, 4.2, unit="percent", subject="unemployment")
    then = C("4.4 percent", s, 4.4, unit="percent", subject="unemployment",
             period="a month earlier")  # fmt: skip
    a, b = check(store, now, then)
    assert a.period_start == date(2022, 3, 1)
    assert (b.verdict, b.official, b.period_end) == ("inaccurate", 4.5, date(2022, 2, 28))


def test_percentage_points_from_the_previous_month(store, tmp_path):
    add_figures(store, tmp_path, "unemployment_rate,Birmingham,2022-02-01,2022-02-28,4.5,percent,"
                "BLS,https://example.org/bls,2022-03-30,")  # fmt: skip
    s = "The jobless rate fell 0.3 percentage points from the previous month."
    claim = C("0.3 percentage points", s, 0.3, unit="percentage_points", subject="rate",
              change="difference", direction="down", period="the previous month")  # fmt: skip
    result = one(store, claim)
    assert (result.period_start, result.compare_start) == (date(2022, 3, 1), date(2022, 2, 1))
    assert (result.verdict, result.official) == ("accurate", pytest.approx(-0.3))


def test_no_phrase_is_the_latest_and_a_change_compares_the_one_before(store):
    latest = one(store, C("1,587 guns", "Police have seized 1,587 guns.", 1587, subject="gun"))
    assert latest.period_end == date(2022, 7, 31)
    s = "Reported crime fell 24 percent."
    change = C("24 percent", s, 24, unit="percent", subject="crime", change="percent_change",
               direction="down")  # fmt: skip
    result = one(store, change)
    assert (result.period_start, result.compare_start) == (date(2021, 1, 1), date(2020, 1, 1))
    assert result.official == pytest.approx((22600 - 29800) / 29800 * 100)
    assert result.verdict == "accurate"


def test_a_place_named_in_the_text(store):
    # The extractor decides which words name the place (claim cases rules/place-*.json); the
    # checker finds them on record and reads nothing else of the sentence.
    s = "Huntsville recorded 31 homicides last year."
    named = C("31", s, 31, subject="homicide", period="last year", place="Huntsville")
    result = one(store, named)
    assert (result.place, result.official, result.verdict) == ("Huntsville", 36, "inaccurate")
    # no place on the claim, or the dateline's: the station's (which has no 2021 homicides)
    for place in (None, "BIRMINGHAM, Ala."):
        other = C("31", s, 31, subject="homicide", period="last year", place=place)
        assert "for Birmingham in 2021" in (one(store, other).reason or "")


def test_a_place_written_at_the_number_beats_other_places_in_the_sentence(store, tmp_path):
    add_figures(store, tmp_path, "homicides,Mountain Brook,2021-01-01,2021-12-31,2,count,"
                "MBPD,https://example.org/mb,2022-01-10,")  # fmt: skip
    # a possessive right before the number
    # (the extractor gives "Mountain Brook" to the 2: its possessive is written at the number)
    s = "Huntsville's 36 homicides last year dwarfed Mountain Brook's 2."
    a = C("36", s, 36, subject="homicide", period="last year", place="Huntsville")
    b = C("2", s, 2, subject="homicide", period="last year", place="Mountain Brook")
    got = check(store, a, b)
    assert [(c.place, c.official) for c in got] == [("Huntsville", 36), ("Mountain Brook", 2)]
    # a place with no figures is unverifiable, not the station's
    s = "Birmingham recorded 82 homicides as of Aug. 2, against 19 in Hoover."
    hoover = C("19", s, 19, subject="homicide", period="as of Aug. 2", place="Hoover")
    result = one(store, hoover)
    assert (result.verdict, result.place) == ("unverifiable", None)
    assert "Hoover" in result.reason


def test_a_place_inside_an_organisations_name_is_not_the_claims_place(store, tmp_path):
    add_figures(store, tmp_path, "unemployment_rate,Alabama,2022-03-01,2022-03-31,3.1,percent,"
                "ADOL,https://example.org/adol,2022-04-20,")  # fmt: skip
    s = "Unemployment here was 4.2 percent in March, according to the Alabama Department of Labor."
    result = one(store, C("4.2 percent", s, 4.2, unit="percent", subject="unemployment",
                          period="in March"))  # fmt: skip
    assert (result.place, result.verdict) == ("Birmingham", "accurate")


def test_a_partial_name_from_the_extractor_takes_the_known_name_in_the_sentence(store, tmp_path):
    add_figures(store, tmp_path, "homicides,Vestavia Hills,2021-01-01,2021-12-31,2,count,"
                "VHPD,https://example.org/vh,2022-01-10,")  # fmt: skip
    s = "Vestavia Hills police logged 2 homicides last year."
    claim = C("2 homicides", s, 2, subject="homicide", period="last year", place="Vestavia Hills")
    assert (one(store, claim).place, one(store, claim).verdict) == ("Vestavia Hills", "accurate")


def test_a_subject_outside_the_catalogue_is_matched_with_its_modifier(store):
    s = "Firearm seizures rose 21 percent from the same time last year."
    claim = C("21 percent", s, 21, unit="percent", subject="seizure", change="percent_change",
              direction="up", period="the same time last year")  # fmt: skip
    result = one(store, claim)
    assert (result.metric, result.verdict) == ("guns_seized", "accurate")
    # another measure of the modifier's thing is not its count
    s = "The homicide rate here is about 40 per 100,000 residents."
    rate = C("about 40", s, 40, subject="rate", qualifier="approximately")
    result = one(store, rate)
    assert (result.verdict, result.metric) == ("unverifiable", None)


def test_a_modifier_that_means_the_series_own_word_is_not_narrowing(tmp_path):
    store = Store(tmp_path / "fc.duckdb")
    (tmp_path / "m.csv").write_text(
        "metric,label,unit,aliases\nfatal_crashes,Fatal traffic crashes,count,crash;fatal crash\n"
    )
    (tmp_path / "f.csv").write_text(HEADER + "fatal_crashes,Birmingham,2021-01-01,2021-12-31,"
                                    "88,count,ALDOT,https://example.org/c,2022-01-05,\n")  # fmt: skip
    import_files(store, tmp_path / "f.csv", tmp_path / "m.csv")
    s = "There were 88 deadly crashes in the city in 2021."
    result = one(store, C("88", s, 88, subject="crash", period="in 2021"))
    assert (result.metric, result.verdict) == ("fatal_crashes", "accurate")
    s = "There were 20 teen crashes in the city in 2021."
    assert one(store, C("20", s, 20, subject="crash", period="in 2021")).verdict == "unverifiable"


def test_the_state_is_the_state_of_the_stations_place(store, tmp_path):
    add_figures(store, tmp_path, "unemployment_rate,Alabama,2022-03-01,2022-03-31,3.1,percent,"
                "ADOL,https://example.org/adol,2022-04-20,")  # fmt: skip
    s = "Statewide, unemployment was 3.1 percent in March."
    claim = C("3.1 percent", s, 3.1, unit="percent", subject="unemployment", period="in March",
              place="statewide")  # fmt: skip
    result = one(store, claim, place="Birmingham, Ala.")
    assert (result.place, result.verdict) == ("Alabama", "accurate")
    assert one(store, claim, place="Birmingham").verdict == "unverifiable"  # no state named


def test_a_measure_word_subject_takes_the_series_the_sentence_names(store):
    s = "Gun seizures hit a total of 1,587 through July."
    claim = C("1,587", s, 1587, subject="total", period="through July")
    assert (one(store, claim).metric, one(store, claim).verdict) == ("guns_seized", "accurate")
    s = "Gun seizures rose 21 percent from the same time last year."
    pct = C("21 percent", s, 21, unit="percent", subject="percent", change="percent_change",
            direction="up", period="the same time last year")  # fmt: skip
    assert (one(store, pct).metric, one(store, pct).verdict) == ("guns_seized", "accurate")


def test_an_unknown_name_that_counted_is_a_place_with_no_figures(store):
    s = "Gardendale recorded 3 homicides last year."
    result = one(store, C("3", s, 3, subject="homicide", period="last year", place="Gardendale"))
    assert (result.verdict, result.reason) == ("unverifiable", "no official figures for Gardendale")
    s = "Police recorded 36 homicides in Huntsville last year."
    claim = C("36", s, 36, subject="homicide", period="last year", place="Huntsville")
    assert one(store, claim).verdict == "accurate"


def test_countywide_is_the_one_county_on_record_in_the_stations_state(store, tmp_path):
    add_figures(store, tmp_path, "homicides,\"Jefferson County, Ala.\",2021-01-01,2021-12-31,140,"
                "count,JCSO,https://example.org/j,2022-01-10,")  # fmt: skip
    s = "Countywide, there were 140 homicides last year."
    claim = C("140", s, 140, subject="homicide", period="last year", place="countywide")
    result = one(store, claim, place="Birmingham, Ala.")
    assert (result.place, result.verdict) == ("Jefferson County, Ala.", "accurate")
    assert one(store, claim, place="Birmingham, Ga.").verdict == "unverifiable"


# --- unverifiable, never a guess --------------------------------------------------------------


@pytest.mark.parametrize(
    "claim, reason",
    [
        (C("42", "Officials said 42 in all.", 42), "does not say what it counts"),
        (C("300 potholes", "Crews filled 300 potholes.", 300, subject="pothole"),
         "no official series for 'pothole'"),
        (C("40 percent", "Shootings involving teenagers are up 40 percent this year.", 40,
           unit="percent", subject="shooting", change="percent_change", direction="up",
           period="this year"), "narrower group ('Shootings involving teenagers')"),
        (C("20 teen shootings", "There were 20 teen shootings last year.", 20,
           subject="shooting", period="last year"), "narrower group ('teen shootings')"),
        (C("64", "Montgomery had 64 homicides last year.", 64, subject="homicide",
           period="last year", place="Montgomery"), "no official figures for Montgomery"),
        (C("12 shootings", "Huntsville had 12 shootings last year.", 12, subject="shooting",
           period="last year", place="Huntsville"), "no shootings figures on record for Huntsville"),
        (C("$5 million", "Homicides cost $5 million last year.", 5e6, unit="usd",
           subject="homicide", period="last year"), "the claim is in usd but the series is in count"),
        (C("82", "There were 82 homicides during the pandemic.", 82, subject="homicide",
           period="during the pandemic"), "'during the pandemic' is not one the checker resolves"),
        (C("2,000 guns", "Police will seize 2,000 guns next year.", 2000, subject="gun",
           period="next year"), "after the story's date"),
        (C("1,200 guns", "Police seized 1,200 guns in 2019.", 1200, subject="gun", period="in 2019"),
         "no guns seized figure on record for Birmingham in 2019"),
        (C("10 percent", "Guns seized are up 10 percent since 2015.", 10, unit="percent",
           subject="gun", change="percent_change", direction="up", period="since 2015"),
         "no guns seized figure on record for Birmingham in 2015 to compare with"),
        (C("3 percent", "Shootings are down 3 percent.", 3, unit="percent", subject="shooting",
           change="percent_change", direction="down"),
         "no shootings figure on record for Birmingham in 2020 to compare with"),
    ],
)  # fmt: skip
def test_unverifiable_paths(store, claim, reason):
    result = one(store, claim)
    assert result.verdict == "unverifiable"
    assert reason in result.reason
    assert reason in result.explanation
    assert result.metric is None and result.place is None
    assert result.official is None and result.error_pct is None


def test_a_subject_the_catalogue_lacks_borrows_no_series_from_the_words_around_it(store):
    # the counted noun is written right after the number, with a series named earlier in the
    # sentence and in the sentence before
    s1 = "Police seized 1,930 guns last year."
    s2 = "Two men were hurt in those gun incidents, and officers made more than 5,000 stops."
    guns_ = C("1,930", s1, 1930, subject="gun", period="last year")
    men = C("Two", s2, 2, subject="man")
    stops = C("more than 5,000", s2, 5000, subject="stop", qualifier="more_than")
    _g, a, b = check(store, guns_, men, stops)
    assert (a.verdict, a.metric) == ("unverifiable", None)
    assert "'man'" in a.reason
    assert (b.verdict, b.metric) == ("unverifiable", None)


def test_a_different_subject_in_the_claims_own_clause_is_not_the_series_before_it(store):
    s = "Reported crime fell 24 percent in 2021, while burglaries dropped by about 300."
    crime = C("24 percent", s, 24, unit="percent", subject="crime", change="percent_change",
              direction="down", period="in 2021")  # fmt: skip
    burg = C("about 300", s, 300, subject="burglary", qualifier="approximately",
             change="difference", direction="down")  # fmt: skip
    a, b = check(store, crime, burg)
    assert a.metric == "crimes_reported"
    assert (b.verdict, b.metric) == ("unverifiable", None)
    # carried over a comma ("..., the chief said, down ..."), the series is the sentence's
    s = "Birmingham logged 22,600 crimes in 2021, the chief said, down 24 to 32 percent since 2018."
    lvl = C("22,600", s, 22600, subject="crime", period="in 2021")
    chg = C("24 to 32 percent", s, 24, 32, unit="percent", qualifier="range", subject="chief",
            change="percent_change", direction="down", period="since 2018")  # fmt: skip
    _a, b = check(store, lvl, chg)
    assert (b.metric, b.verdict) == ("crimes_reported", "accurate")


def test_a_when_clause_gives_the_year_of_the_claim(store):
    s = "That is the most since 2019, when it reached 4.4 percent."
    # the extractor gives the year of the "when" clause as the period (claims/period.py)
    claim = C("4.4 percent", s, 4.4, unit="percent", subject="unemployment", period="2019")
    result = one(store, claim)
    assert result.verdict == "unverifiable"
    assert "2019" in result.reason


def test_a_forecast_or_goal_is_not_checked_but_a_past_figure_beside_it_is(store):
    s = "The chief expects gun seizures to climb 10 percent this year."
    fc = C("10 percent", s, 10, unit="percent", subject="gun", change="percent_change",
           direction="up", period="this year")  # fmt: skip
    result = one(store, fc)
    assert result.verdict == "unverifiable" and "forecast" in result.reason
    s = "Police are on pace to top last year's 1,930 guns."
    past = C("1,930", s, 1930, subject="gun", period="last year")
    assert one(store, past).verdict == "accurate"
    s = "Seizures in May totalled 1,587 guns this year."  # a month name, not "may"
    assert one(store, C("1,587", s, 1587, subject="gun", period="this year")).verdict == "accurate"


def test_a_rate_derived_from_a_count_is_unverifiable(store):
    s = "Officers seized about 9 guns a day through July."
    result = one(store, C("about 9", s, 9, subject="gun", qualifier="approximately",
                          period="through July"))  # fmt: skip
    assert result.verdict == "unverifiable" and "a rate" in result.reason
    s = "Huntsville had 36 homicides per year in 2021."  # "per year" is a period, not a rate
    claim = C("36", s, 36, subject="homicide", period="in 2021", place="Huntsville")
    assert one(store, claim).verdict == "accurate"


def test_a_claim_whose_period_is_after_the_story_is_unverifiable(store):
    s = "Police expect to seize 1,500 guns in 2023."
    result = one(store, C("1,500 guns", s, 1500, subject="gun", period="in 2023"))
    assert result.verdict == "unverifiable"
    assert (
        result.reason
        == "the period (2023-01-01 to 2023-12-31) is after the story's date (2022-08-05)"
    )


def test_a_zero_base_has_no_percent_change(store, tmp_path):
    add_figures(
        store,
        tmp_path,
        "carjackings,Birmingham,2020-01-01,2020-12-31,0,count,BPD,,2021-01-10,",
        "carjackings,Birmingham,2021-01-01,2021-12-31,12,count,BPD,,2022-01-10,",
    )
    claim = C("100 percent", "Carjackings rose 100 percent last year.", 100, unit="percent",
              subject="carjacking", change="percent_change", direction="up", period="last year")  # fmt: skip
    result = one(store, claim)
    assert result.verdict == "unverifiable" and "zero" in result.reason


def test_an_alias_phrase_names_a_more_specific_series(store, tmp_path):
    add_figures(
        store,
        tmp_path,
        "violent_crimes,Birmingham,2021-01-01,2021-12-31,3000,count,BPD,,2022-02-01,",
    )
    claim = C("3,000", "Violent crime reached 3,000 offenses last year.", 3000, subject="crime",
              period="last year")  # fmt: skip
    result = one(store, claim)
    assert (result.metric, result.verdict) == ("violent_crimes", "accurate")


# --- the store: both modes, vintages, re-checks, history, overrides ---------------------------


def add_story(store, claims, *, published="2022-08-05 12:00:00", place="Birmingham") -> list[int]:
    with store.transaction() as con:
        feed = con.execute(
            "INSERT INTO feeds (url, station, place) VALUES (?, 'WTST', ?) "
            "ON CONFLICT (url) DO UPDATE SET place = excluded.place RETURNING id",
            [f"https://feeds.test/{place}", place],
        ).fetchone()[0]
        story = con.execute(
            "INSERT INTO stories (feed_id, guid, title, published) VALUES (?, ?, 't', ?) "
            "RETURNING id",
            [feed, f"g{published}{len(claims)}{claims[0].text}", published],
        ).fetchone()[0]
        version = con.execute(
            "INSERT INTO story_versions (story_id, version, title, text, content_hash)"
            " VALUES (?, 1, 't', 'x', 'h') RETURNING id",
            [story],
        ).fetchone()[0]
        ids = insert_claims(con, story, version, claims)
        verify.check_claims_in_store(con, ids)
    return ids


def stored(store, claim_id, mode):
    with store.connect() as con:
        return con.execute(
            "SELECT verdict, official, as_of, overridden, explanation FROM checks"
            " WHERE claim_id = ? AND mode = ?",
            [claim_id, mode],
        ).fetchone()


def history(store, claim_id=None):
    with store.connect() as con:
        return con.execute(
            "SELECT claim_id, mode, old_verdict, new_verdict, old_official, new_official, reason"
            " FROM check_history WHERE ? IS NULL OR claim_id = ? ORDER BY id",
            [claim_id, claim_id],
        ).fetchall()


def test_stored_claims_are_checked_in_both_modes(store):
    ids = add_story(store, [guns("more than 1500", "more_than", 1500)])
    assert stored(store, ids[0], "aired")[:2] == ("accurate", 1587)
    assert stored(store, ids[0], "now")[:2] == ("accurate", 1587)


def test_a_revision_changes_now_not_aired_and_is_recorded(store, tmp_path):
    s = "Unemployment was 4.2 percent in March."
    ids = add_story(store, [C("4.2 percent", s, 4.2, unit="percent", subject="unemployment",
                              period="in March")], published="2022-05-01")  # fmt: skip
    summary = add_figures(
        store,
        tmp_path,
        "unemployment_rate,Birmingham,2022-03-01,2022-03-31,4.5,percent,BLS,,2022-06-15,revised",
    )
    assert "re-checked 1 claims" in summary
    assert stored(store, ids[0], "aired")[:3] == ("accurate", 4.2, date(2022, 4, 27))
    assert stored(store, ids[0], "now")[:3] == ("inaccurate", 4.5, date(2022, 6, 15))
    assert history(store) == [
        (ids[0], "now", "accurate", "inaccurate", 4.2, 4.5, "figures imported from extra.csv")
    ]


def test_as_aired_uses_a_later_vintage_only_when_none_existed_and_says_so(store):
    ids = add_story(store, [guns("1,587")], published="2022-07-15")
    # Only the Jan-Jul row exists, published after this story: the latest up to Jul 15 is none
    # for YTD 2022 ending by Jul 15, so this claim has no row; a fixed period shows the flag.
    s = "Police seized 1,587 guns as of July 31."
    late = add_story(store, [C("1,587 guns", s, 1587, subject="gun", period="as of July 31")],
                     published="2022-07-31")  # fmt: skip
    aired = stored(store, late[0], "aired")
    assert aired[0] == "accurate" and "published after the story" in aired[4]
    assert "published after the story" not in stored(store, late[0], "now")[4]
    assert stored(store, ids[0], "aired")[0] == "unverifiable"


def test_recheck_all_records_only_changes(store):
    ids = add_story(store, [guns("1,587"), guns("1,500")])
    assert verify.recheck_all(store, "nightly") == 2
    assert history(store) == []
    assert stored(store, ids[1], "now")[0] == "inaccurate"


def test_overrides_survive_rechecks_and_keep_an_audit_trail(store, tmp_path):
    ids = add_story(store, [guns("1,500")])
    assert stored(store, ids[0], "now")[0] == "inaccurate"
    with pytest.raises(ValueError, match="needs a note"):
        verify.set_override(store, ids[0], verdict="accurate")
    result = verify.set_override(
        store, ids[0], verdict="accurate", note="chief meant guns taken in, not logged", author="ed"
    )
    assert result.verdict == "accurate"
    assert stored(store, ids[0], "now")[3] is True
    verify.recheck_all(store, "nightly")
    add_figures(
        store, tmp_path, "guns_seized,Birmingham,2022-01-01,2022-07-31,1590,count,BPD,,2022-09-01,"
    )
    for mode in ("aired", "now"):
        verdict, _official, _as_of, overridden, explanation = stored(store, ids[0], mode)
        assert (verdict, overridden) == ("accurate", True)
        assert "set by hand" in explanation and "chief meant" in explanation
    reasons = [h[6] for h in history(store, ids[0])]
    assert reasons[0] == "override by ed: chief meant guns taken in, not logged"
    # A new override retires the old one; both stay in the trail.
    verify.set_override(store, ids[0], metric="homicides", note="wrong series", author="ed")
    with store.connect() as con:
        trail = con.execute(
            "SELECT verdict, metric, active FROM overrides WHERE claim_id = ? ORDER BY id", [ids[0]]
        ).fetchall()
    assert trail == [("accurate", None, False), (None, "homicides", True)]
    now = stored(store, ids[0], "now")
    assert now[0] == "inaccurate" and "homicides" in now[4]


def test_an_override_period_is_used_for_the_check(store):
    ids = add_story(store, [guns("1,930")])
    result = verify.set_override(
        store, ids[0], period_start=date(2021, 1, 1), period_end=date(2021, 12, 31), note="all 2021"
    )
    assert (result.verdict, result.official) == ("accurate", 1930)


def test_first_check_split_over_processes_gives_the_same_checks(store, monkeypatch):
    # Many claims with no saved matches are matched in forked workers, a slice of whole story
    # versions each: the checks must be those of one process, claim for claim.
    stories = [
        [guns("1,587"), guns("about 1,500", "approximately")],
        [guns("1,500"), C("9 percent", "Homicides fell 9 percent last year.", subject="homicide",
                           change="percent_change", direction="down", period="last year")],
        [guns("more than 1,500", "more_than")],
    ]  # fmt: skip
    for i, claims in enumerate(stories):
        add_story(store, claims, published=f"2022-08-0{i + 5} 12:00:00")

    def all_checks():
        with store.transaction() as con:
            con.execute("DELETE FROM claim_specs")  # no saved matches: a first check
            verify.check_claims_in_store(con)
            return con.execute(
                "SELECT claim_id, mode, verdict, metric, official, explanation FROM checks"
                " ORDER BY 1, 2"
            ).fetchall()

    alone = all_checks()
    monkeypatch.setattr(verify, "PARALLEL_MIN_CLAIMS", 1)
    assert verify._spec_workers(5) == min(len(os.sched_getaffinity(0)), 4)  # the threshold holds
    with store.connect() as con:
        frame = st.claims_of_versions(con, st.versions_needing_specs(con, None, "none"))
    parts = verify._version_parts(frame, 2)
    assert len(parts) == 2 and sum(len(p) for p in parts) == len(frame)
    assert not set(parts[0]["version_id"]) & set(parts[1]["version_id"])  # versions stay whole
    assert all_checks() == alone
    assert len(alone) == 2 * 5 and {r[2] for r in alone} >= {"accurate", "inaccurate"}


def test_check_claims_in_store_with_no_claims_does_nothing(store):
    with store.transaction() as con:
        assert verify.check_claims_in_store(con, []) == 0
        assert verify.check_claims_in_store(con) == 0


def test_check_claims_modes_and_bad_mode(store):
    with pytest.raises(ValueError):
        check(store, guns("1,587"), mode="later")
    assert check(store) == []


# --- context, units and saved matches ---------------------------------------------------------


def test_a_partitive_claim_is_part_of_a_group(store):
    s = "A spokesperson said 9 of the guns had been reported stolen."
    result = one(store, C("9", s, 9, subject="gun"))
    assert result.verdict == "unverifiable" and "part of a group" in result.reason


def test_a_claim_without_a_subject_leans_on_the_claim_before_only_when_it_points_back(store):
    first = C("$476 million", "The general fund budget this year is $476 million.", 476e6,
              unit="usd", subject="budget", period="this year")  # fmt: skip
    first.start, first.end = 0, 10
    back = C("6 percent", "That is 6 percent more than last year.", 6, unit="percent",
             change="percent_change", direction="up", period="last year")  # fmt: skip
    back.start, back.end = 60, 69
    level = C("$4.5 million", "Council members said $4.5 million will go to paving.", 4.5e6,
              unit="usd")  # fmt: skip
    level.start, level.end = 120, 132
    _a, b, c = check(store, first, back, level)
    assert b.metric == "city_budget"
    assert b.official == pytest.approx((476.3 - 450) / 450 * 100)
    assert c.verdict == "unverifiable" and "does not say what it counts" in c.reason


def test_a_bare_number_ending_its_sentence_counts_what_the_claim_before_counted(store):
    first = C("36", "Huntsville logged 36 homicides last year.", 36, subject="homicide",
              period="last year", place="Huntsville")  # fmt: skip
    first.start, first.end = 18, 20
    bare = C("more than 30", "Officers said it was more than 30.", 30, qualifier="more_than")
    bare.start, bare.end = 70, 82
    _a, b = check(store, first, bare)
    assert (b.metric, b.place, b.official, b.verdict) == ("homicides", "Huntsville", 36, "accurate")


def test_unit_names_are_normalised_and_rate_series_take_numbers(tmp_path):
    s = Store(tmp_path / "u.duckdb")
    (tmp_path / "m.csv").write_text(
        "metric,label,unit,aliases\n"
        "payroll,city payroll,dollars,payroll\n"
        'homicide_rate,homicide rate,"per 100,000",homicide rate\n'
    )
    (tmp_path / "f.csv").write_text(
        HEADER + "payroll,Birmingham,2021-01-01,2021-12-31,98000000,dollars,City,,2022-01-05,\n"
        'homicide_rate,Birmingham,2021-01-01,2021-12-31,49.6,"per 100,000",CDC,,2022-03-01,\n'
    )
    import_files(s, tmp_path / "f.csv", tmp_path / "m.csv")
    pay = C("$98 million", "The city payroll was $98 million last year.", 98e6, unit="usd",
            subject="payroll", period="last year")  # fmt: skip
    rate = C("49.6", "The homicide rate was 49.6 per 100,000 last year.", 49.6,
             subject="rate", period="last year")  # fmt: skip
    a, b = check(s, pay, rate)
    assert (a.verdict, a.official) == ("accurate", 98e6)
    assert "$98,000,000" in a.explanation
    assert (b.verdict, b.metric) == ("accurate", "homicide_rate")


def test_year_over_year_compares_the_latest_with_a_year_before(store):
    s = "Unemployment rose 7.7 percent year over year."
    claim = C("7.7 percent", s, 7.7, unit="percent", subject="unemployment",
              change="percent_change", direction="up", period="year over year")  # fmt: skip
    result = one(store, claim)
    assert (result.period_start, result.compare_start) == (date(2022, 3, 1), date(2021, 3, 1))
    assert result.verdict == "accurate"


def test_saved_matches_follow_catalogue_changes(store, tmp_path):
    ids = add_story(store, [C("300 potholes", "Crews filled 300 potholes last year.", 300,
                              subject="pothole", period="last year")])  # fmt: skip
    assert stored(store, ids[0], "now")[0] == "unverifiable"
    (tmp_path / "m.csv").write_text(
        "metric,label,unit,aliases\npotholes,potholes filled,count,pothole\n"
    )
    (tmp_path / "f.csv").write_text(
        HEADER + "potholes,Birmingham,2021-01-01,2021-12-31,310,count,Public Works,,2022-01-05,\n"
    )
    summary = import_files(store, tmp_path / "f.csv", tmp_path / "m.csv")
    assert "re-checked 1 claims" in summary
    assert stored(store, ids[0], "now")[:2] == ("accurate", 310)
    assert history(store, ids[0])[-1][2:4] == ("unverifiable", "accurate")
    with store.connect() as con:
        saved = con.execute("SELECT metric FROM claim_specs WHERE claim_id = ?", ids).fetchall()
    assert saved == [("potholes",)]


def test_a_monthly_series_is_not_read_as_a_year_to_date(tmp_path):
    s = Store(tmp_path / "m.duckdb")
    add_figures(
        s,
        tmp_path,
        "car_thefts,Birmingham,2022-01-01,2022-01-31,120,count,BPD,,2022-02-05,",
        "car_thefts,Birmingham,2022-02-01,2022-02-28,130,count,BPD,,2022-03-05,",
    )
    claim = C("120 car thefts", "There have been 120 car thefts this year.", 120,
              subject="car theft", period="this year")  # fmt: skip
    assert one(s, claim, published=date(2022, 2, 20)).verdict == "accurate"  # January is it
    late = one(s, claim, published=date(2022, 3, 20))
    assert late.verdict == "unverifiable" and "to date" in late.reason
