"""Builds the real-style claim set: 40 passages written for this set in the style of US local news
copy (no sentence copied from any source), hand-labelled under the claim contract of
/work/shared/DESIGN.md and the labelling conventions of /work/shared/eval/real-copy/README.md.

Offsets are computed here by program: each claim is anchored on its words as written (start/end,
nth = which occurrence of the anchor) and keyed on its first number (key_start/key_end) by the
real-copy key rule. A field set to None is not scored; a list means any member is right.
Writes cases/rsNN.json (one record each) and real_style.jsonl (all records, one a line).
Evaluation data only: never copy it into the project's code, tests or fixtures.
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
CASES = []
PCT, USD = "percent", "usd"
PEOPLE = ["person", "people"]
INCH = ["inches", "inch", "in"]
LBS = ["pounds", "pound", "lbs", "lb"]
DEG = ["degrees", "degree"]
MILLS = ["mills", "mill"]
PTS = ["percentage points", "percentage point", "points", "point", "percent"]


def P(*paras, sep="\n\n"):
    return sep.join(paras)


def case(published, text, claims=(), optional=(), not_claims=()):
    CASES.append(
        dict(
            published=published,
            text=text,
            claims=list(claims),
            optional=list(optional),
            not_claims=list(not_claims),
        )
    )


def c(
    anchor,
    low,
    high=None,
    unit="count",
    q="exact",
    subj=None,
    change="level",
    dir=None,
    period=None,
    speaker=None,
    nth=0,
    paired=False,
):
    """paired: low (a list) and unit (a list) go together, i-th value with i-th unit (cents)."""
    if high is None:
        high = low
    return dict(
        anchor=anchor,
        nth=nth,
        low=low,
        high=high,
        unit=unit,
        qualifier=q,
        subject=subj,
        change=change,
        direction=dir,
        period=period,
        speaker=speaker,
        paired=paired,
    )


def cents(anchor, v, **kw):
    """money written in cents: v cents == v/100 usd."""
    return c(anchor, [round(v / 100, 6), v, v], unit=[USD, "cents", "cent"], paired=True, **kw)


# ---------------------------------------------------------------- rs01 guns seized (Fresno)
case(
    "2023-10-20",
    P(
        "FRESNO, Calif. — Fresno police have taken 1,062 guns off the street so far this year, according to department figures released Thursday.",
        "Through Oct. 15, officers seized an average of 25 guns a week, compared with 31 a week during the same stretch of 2022. Lt. Marisol Ortega, who oversees the department’s crime analysis unit, said 412 of the guns this year were taken during traffic stops.",
        "“Every one of those is a gun that isn’t sitting in a car outside a bar at 2 a.m.,” Ortega said.",
        "In 2022, officers recovered 1,688 guns in all, the most in at least nine years. Ghost guns, which carry no serial number, made up about 14 percent of this year’s seizures, up from 9% a year earlier.",
    ),
    [
        c("1,062 guns", 1062, subj="gun", period="so far this year"),
        c("an average of 25", 25, unit=None, subj="gun", period=["Through Oct. 15", "Oct. 15"]),
        c(
            "31 a week",
            31,
            unit=None,
            subj=["gun", None],
            period=["during the same stretch of 2022", "the same stretch of 2022"],
        ),
        c("412 of the guns", 412, subj="gun", period="this year", speaker="Marisol Ortega"),
        c("1,688 guns", 1688, subj="gun", period="In 2022"),
        c(
            "about 14 percent",
            14,
            unit=PCT,
            q="approximately",
            subj=["seizure", "gun", "ghost gun"],
            period="this year",
        ),
        c("9%", 9, unit=PCT, subj=["seizure", "gun", "ghost gun", None], period="a year earlier"),
    ],
    optional=["at least nine years"],
    not_claims=["Oct. 15", ("2022", 0), ("2022", 1), "2 a.m.", "Every one"],
)

# ---------------------------------------------------------------- rs02 homicides and shootings (Kansas City)
case(
    "2024-04-10",
    P(
        "Homicides down, shootings up in Kansas City, chief says",
        "KANSAS CITY, Mo. — The city has recorded 47 homicides through April 9, police said, 18 fewer than at the same time last year. Chief Darnell Whitlock spoke to the Board of Police Commissioners on Tuesday and said non-fatal shootings have not followed the same trend.",
        "So far, police have logged 140 wounded in non-fatal shootings, up from 122 through April 9 of last year. Whitlock noted that more than 60% of the victims were struck in the east patrol division.",
        "“We took 2,900 guns off the street last year and we’re on pace to beat that,” he said. The department has cleared 41 percent of this year’s homicide cases, compared with a national clearance rate of about 50 percent.",
        sep="\n",
    ),
    [
        c("47 homicides", 47, subj="homicide", period=["through April 9", "April 9"]),
        c(
            "18 fewer",
            18,
            subj=["homicide", None],
            change="difference",
            dir="down",
            period=["at the same time last year", "the same time last year"],
        ),
        c(
            "140 wounded",
            140,
            subj=["wounded", "shooting", "non-fatal shooting", "person", "people", "victim"],
            period="So far",
        ),
        c(
            "122",
            122,
            subj=["wounded", "shooting", "non-fatal shooting", "person", "people", "victim", None],
            period=["through April 9 of last year", "April 9 of last year", "last year"],
        ),
        c(
            "more than 60%",
            60,
            unit=PCT,
            q="more_than",
            subj=["victim"],
            speaker="Darnell Whitlock",
        ),
        c("2,900 guns", 2900, subj="gun", period="last year", speaker="Darnell Whitlock"),
        c(
            "41 percent",
            41,
            unit=PCT,
            subj=["case", "homicide case", "homicide"],
            period="this year",
        ),
        c("about 50 percent", 50, unit=PCT, q="approximately", subj=["rate", "clearance rate"]),
    ],
    not_claims=[("April 9", 0), ("April 9", 1)],
)

# ---------------------------------------------------------------- rs03 school enrollment (W.Va.)
case(
    "2024-10-18",
    P(
        "FAIRMONT, W.Va. — Marion County Schools counted 9,690 students on its second-month enrollment report, a decrease of 310 students, or about 3.1 percent, from a year ago.  The drop was the steepest in a decade.",
        "Treasurer Helen Marsh told the board Monday that every lost student costs the district about $6,800 in state aid. For the 2025-26 school year, that adds up to a shortfall of nearly $2.1 million, she said.",
        "The district has cut 22 teaching positions since 2021, mostly through retirements, Marsh said. Enrollment peaked at 11,400 in 2013 and has fallen in all but two years since.",
    ),
    [
        c("9,690 students", 9690, subj="student"),
        c(
            "310 students",
            310,
            subj="student",
            change="difference",
            dir="down",
            period=["from a year ago", "a year ago"],
        ),
        c(
            "about 3.1 percent",
            3.1,
            unit=PCT,
            q="approximately",
            subj=["student", "enrollment", "decrease", None],
            change="percent_change",
            dir="down",
            period=["from a year ago", "a year ago"],
        ),
        c(
            "about $6,800",
            6800,
            unit=USD,
            q="approximately",
            subj=["aid", "state aid", "student"],
            speaker="Helen Marsh",
        ),
        c(
            "nearly $2.1 million",
            2100000,
            unit=USD,
            q="almost",
            subj="shortfall",
            period=["For the 2025-26 school year", "the 2025-26 school year", "2025-26"],
            speaker="Helen Marsh",
        ),
        c(
            "22 teaching positions",
            22,
            subj=["position", "teaching position"],
            period="since 2021",
            speaker="Helen Marsh",
        ),
        c("11,400", 11400, subj=["enrollment", None], period="in 2013"),
    ],
    optional=["a decade", "all but two years"],
    not_claims=["2025-26", "2021", "2013"],
)

# ---------------------------------------------------------------- rs04 unemployment (Lake County, Ill.)
case(
    "2024-07-27",
    P(
        "Lake County’s jobless rate slipped to 3.9 percent in June, two-tenths of a point lower than in May, according to figures the state Department of Employment Security released Friday.",
        "The county had 6,215 residents out of work and looking for jobs, down from 6,540 a month earlier. Statewide, the unadjusted rate was 4.4%, while the national rate rose two-tenths of 1 percent to 4.3 percent.",
        "“We’re seeing construction and warehouse hiring carry the summer,” said Terrence Boyd, an economist with the department. Lake County added about 1,100 nonfarm jobs over the year, Boyd said, a gain of 0.8%.",
    ),
    [
        c(
            "3.9 percent",
            3.9,
            unit=PCT,
            subj=["rate", "jobless rate", "unemployment rate"],
            period=["in June", "June"],
        ),
        c(
            "two-tenths of a point",
            0.2,
            unit=PTS,
            subj=["rate", "jobless rate", "unemployment rate", None],
            change=["difference", "percent_change"],
            dir="down",
            period=["than in May", "in May", "in June"],
        ),
        c("6,215 residents", 6215, subj=["resident", None]),
        c("6,540", 6540, subj=["resident", None], period="a month earlier"),
        c("4.4%", 4.4, unit=PCT, subj=["rate", "unadjusted rate", "unemployment rate"]),
        c(
            "two-tenths of 1 percent",
            0.2,
            unit=PTS,
            subj=["rate", "national rate", "unemployment rate"],
            change=["percent_change", "difference"],
            dir="up",
        ),
        c("4.3 percent", 4.3, unit=PCT, subj=["rate", "national rate", "unemployment rate"]),
        c(
            "about 1,100 nonfarm jobs",
            1100,
            q="approximately",
            subj=["job", "nonfarm job"],
            change=["difference", "level"],
            dir="up",
            period="over the year",
            speaker="Terrence Boyd",
        ),
        c(
            "0.8%",
            0.8,
            unit=PCT,
            subj=["gain", "job", None],
            change="percent_change",
            dir="up",
            speaker="Terrence Boyd",
        ),
    ],
)

# ---------------------------------------------------------------- rs05 overdoses and naloxone (Louisville)
case(
    "2023-05-02",
    P(
        "LOUISVILLE, Ky. — Emergency crews in Jefferson County gave out 511 doses of naloxone in the first three months of the year, nearly twice as many as during the same period in 2022, the county’s EMS agency reported.",
        "Dr. Rachel Nyberg, the county’s chief medical examiner, says her office confirmed 112 overdose deaths from January through March, about a 9 percent decrease from the first quarter of last year. Fentanyl was found in 87 of the deaths, she said.",
        "“The numbers are still far too high,” Nyberg said. “We had one week in February with 14 deaths.”",
        "The health department handed out 3,400 free naloxone kits at 26 sites last year.",
    ),
    [
        c(
            "511 doses",
            511,
            subj=["dose", "naloxone dose"],
            period=["in the first three months of the year", "the first three months of the year"],
        ),
        c(
            "112 overdose deaths",
            112,
            subj=["death", "overdose death"],
            period=["from January through March", "January through March"],
            speaker="Rachel Nyberg",
        ),
        c(
            "about a 9 percent",
            9,
            unit=PCT,
            q="approximately",
            subj=["death", "overdose death", "decrease"],
            change="percent_change",
            dir="down",
            period=["from the first quarter of last year", "the first quarter of last year"],
            speaker="Rachel Nyberg",
        ),
        c("87 of the deaths", 87, subj="death", speaker="Rachel Nyberg"),
        c(
            "14 deaths",
            14,
            subj="death",
            period=["one week in February", "in February"],
            speaker="Rachel Nyberg",
        ),
        c("3,400 free naloxone kits", 3400, subj=["kit", "naloxone kit"], period="last year"),
        c("26 sites", 26, subj="site", period="last year"),
    ],
    optional=["the first three months", "nearly twice as many", "one week"],
    not_claims=["2022"],
)

# ---------------------------------------------------------------- rs06 Labor Day weekend (Alabama)
case(
    "2023-09-05",
    P(
        "MONTGOMERY, Ala. — Eight people died on Alabama roads over the Labor Day weekend, state troopers said Tuesday, down from 13 during the holiday last year.",
        "The Alabama Law Enforcement Agency’s counting period ran from 6 p.m. Friday through midnight Monday. Troopers worked 212 crashes in that time and arrested 57 drivers on DUI charges, the agency said.",
        "Sgt. Jeremy Tolliver said four of the eight people killed were not wearing seat belts. “We had fewer than three motorcycle crashes all weekend, which is unusual for September,” Tolliver said.",
        "Troopers also wrote 1,930 speeding tickets, roughly 35% more than during the 2022 holiday, when they issued 1,428.",
    ),
    [
        c(
            "Eight people",
            8,
            subj=PEOPLE,
            period=["over the Labor Day weekend", "the Labor Day weekend", "Labor Day weekend"],
        ),
        c(
            "13",
            13,
            subj=PEOPLE + ["death", None],
            period=["during the holiday last year", "the holiday last year", "last year"],
        ),
        c("212 crashes", 212, subj="crash"),
        c("57 drivers", 57, subj="driver"),
        c("four of the eight", 4, subj=PEOPLE, speaker="Jeremy Tolliver"),
        c(
            "fewer than three motorcycle crashes",
            3,
            q="less_than",
            subj=["crash", "motorcycle crash"],
            period="all weekend",
            speaker="Jeremy Tolliver",
        ),
        c("1,930 speeding tickets", 1930, subj=["ticket", "speeding ticket"]),
        c(
            "roughly 35%",
            35,
            unit=PCT,
            q="approximately",
            subj=["ticket", "speeding ticket", None],
            change="percent_change",
            dir="up",
            period=["during the 2022 holiday", "the 2022 holiday"],
        ),
        c(
            "1,428",
            1428,
            subj=["ticket", None],
            period=["during the 2022 holiday", "the 2022 holiday", "2022"],
        ),
    ],
    optional=["eight people killed"],
    not_claims=["6 p.m.", "2022"],
)

# ---------------------------------------------------------------- rs07 school budget and tax rate in cents (Greensboro)
case(
    "2024-05-24",
    P(
        "GREENSBORO, N.C. — The Guilford County Board of Education on Thursday approved a $912.6 million operating budget for the 2024-25 fiscal year, about $38 million more than the current year’s spending plan.",
        "The budget asks county commissioners for a 2.5-cent increase in the property tax rate, which would raise the rate to 73.05 cents per $100 of assessed value. For a home valued at $250,000, that would mean about $62.50 more a year.",
        "Board chair Lorraine Pickett said the plan includes a 3 1/2 percent raise for teachers and 141 new positions, most of them in special education.",
    ),
    [
        c(
            "$912.6 million",
            912600000,
            unit=USD,
            subj=["budget", "operating budget"],
            period=["for the 2024-25 fiscal year", "the 2024-25 fiscal year", "2024-25"],
        ),
        c(
            "about $38 million more",
            38000000,
            unit=USD,
            q="approximately",
            subj=["budget", "spending plan", None],
            change="difference",
            dir="up",
            period=["the current year", "than the current year’s spending plan"],
        ),
        cents(
            "2.5-cent",
            2.5,
            subj=["increase", "rate", "tax rate", "property tax rate"],
            change="difference",
            dir="up",
        ),
        cents("73.05 cents", 73.05, subj=["rate", "tax rate", "property tax rate"]),
        c(
            "about $62.50 more",
            62.5,
            unit=USD,
            q="approximately",
            subj=["tax", "increase", "home", None],
            change=["difference", "level"],
            dir="up",
        ),
        c(
            "3 1/2 percent",
            3.5,
            unit=PCT,
            subj=["raise"],
            change=["percent_change", "level"],
            dir="up",
            speaker="Lorraine Pickett",
        ),
        c("141 new positions", 141, subj=["position", "new position"], speaker="Lorraine Pickett"),
    ],
    optional=["$100", "$250,000"],
    not_claims=["2024-25"],
)

# ---------------------------------------------------------------- rs08 sewer rates (Canton)
case(
    "2024-11-19",
    P(
        "CANTON, Ohio — Residents will see a 4 percent sewer rate increase in January after City Council voted 6-3 on Monday to approve the second year of a five-year rate plan.",
        "The average household, which uses about 5,000 gallons a month, will pay $3.12 more a month, bringing a typical combined water and sewer bill to $81.40, utilities director Greg Amato said.",
        "Water rates will stay flat in 2025. Amato told council the sewer fund ended last year with $4.7 million in reserves, roughly half of what state regulators recommend for a system serving 28,000 accounts.",
        "The increase is expected to raise $1.9 million a year for repairs to the city’s 1920s-era treatment plant.",
    ),
    [
        c(
            "4 percent",
            4,
            unit=PCT,
            subj=["rate", "sewer rate", "increase", "sewer rate increase"],
            change="percent_change",
            dir="up",
            period=["in January", "January"],
        ),
        c(
            "$3.12 more",
            3.12,
            unit=USD,
            subj=["bill", "rate", "household", None],
            change="difference",
            dir="up",
            speaker="Greg Amato",
        ),
        c(
            "$81.40",
            81.4,
            unit=USD,
            subj=["bill", "sewer bill", "water and sewer bill"],
            speaker="Greg Amato",
        ),
        c(
            "$4.7 million",
            4700000,
            unit=USD,
            subj=["reserve", "fund", "sewer fund"],
            period="last year",
            speaker="Greg Amato",
        ),
        c("28,000 accounts", 28000, subj="account", speaker="Greg Amato"),
        c("$1.9 million", 1900000, unit=USD, subj=["increase", "repair", None]),
    ],
    optional=["6-3", "five-year", "about 5,000 gallons", "roughly half"],
    not_claims=["2025", "1920s-era"],
)

# ---------------------------------------------------------------- rs09 house fire (Muncie)
case(
    "2024-02-12",
    P(
        "Fire destroys Elm Street home; damage estimated at $180,000",
        "MUNCIE, Ind. — No one was hurt in a fire that gutted a two-story home in the 1400 block of Elm Street early Sunday, Muncie fire officials said.",
        "Crews were called at 3:17 a.m. and found flames coming from the back of the house, Battalion Chief Ray Dunning said. About 20 firefighters from four stations spent more than two hours bringing the blaze under control.",
        "Fewer than three people live at the home, and both residents got out before crews arrived, Dunning said.  The Red Cross is helping them.",
        "The department has responded to 17 structure fires since Jan. 1, up from 11 at the same point last year.",
        sep="\n",
    ),
    [
        c("$180,000", 180000, unit=USD, subj="damage"),
        c("About 20 firefighters", 20, q="approximately", subj="firefighter"),
        c("four stations", 4, subj="station"),
        c("Fewer than three people", 3, q="less_than", subj=PEOPLE, speaker="Ray Dunning"),
        c("17 structure fires", 17, subj=["fire", "structure fire"], period=["since Jan. 1"]),
        c(
            "11",
            11,
            subj=["fire", "structure fire", None],
            period=["at the same point last year", "the same point last year"],
            nth=0,
        ),
    ],
    optional=["two-story", "more than two hours"],
    not_claims=["1400 block", "3:17 a.m.", "Jan. 1"],
)

# ---------------------------------------------------------------- rs10 storms and outages (Des Moines)
case(
    "2024-06-26",
    P(
        "DES MOINES, Iowa — A line of severe storms dumped 3.4 inches of rain on parts of Polk County overnight, flooding basements and leaving more than 41,000 MidAmerican Energy customers without power at the peak Wednesday morning.",
        "The National Weather Service measured a gust of 72 mph at the Des Moines airport just after 1 a.m., the strongest wind there since 2011. By noon, about 9,800 customers were still in the dark, the utility said.",
        "“We have 140 line workers out and another 60 coming in from Nebraska,” said Jana Reeves, a spokeswoman for MidAmerican. She said crews expected to restore nearly all service by 10 p.m. Thursday.",
        "Ankeny reported 2 to 3 inches of rain and hail the size of quarters.",
    ),
    [
        c("3.4 inches", 3.4, unit=INCH, subj="rain", period="overnight"),
        c(
            "more than 41,000",
            41000,
            q="more_than",
            subj="customer",
            period=["Wednesday morning", "at the peak Wednesday morning"],
        ),
        c("72 mph", 72, unit="mph", subj=["gust", "wind"]),
        c("about 9,800 customers", 9800, q="approximately", subj="customer", period="By noon"),
        c("140 line workers", 140, subj=["worker", "line worker"], speaker="Jana Reeves"),
        c(
            "another 60",
            60,
            subj=["worker", "line worker", None],
            change=["difference", "level"],
            dir="up",
            speaker="Jana Reeves",
        ),
        c("2 to 3 inches", 2, 3, unit=INCH, q="range", subj="rain"),
    ],
    not_claims=["1 a.m.", "2011", "10 p.m."],
)

# ---------------------------------------------------------------- rs11 heat wave (Memphis)
case(
    "2024-08-28",
    P(
        "MEMPHIS, Tenn. — The temperature at Memphis International Airport hit 101 degrees Tuesday afternoon, the hottest reading of the summer, and the heat index topped 115, the National Weather Service said.",
        "Shelby County health officials reported 23 heat-related emergency room visits on Monday and Tuesday, up from nine the week before. The county opened 12 cooling centers, and the city said 340 people used them Tuesday.",
        "Forecasters expect highs near 95 degrees through Friday before a cold front drops temperatures into the upper 80s this weekend. Overnight lows have stayed above 80 degrees for five straight nights, meteorologist Carla Simms said.",
    ),
    [
        c("101 degrees", 101, unit=DEG, subj="temperature", period="Tuesday afternoon"),
        c("115", 115, unit=None, q=["more_than", "exact"], subj=["index", "heat index"]),
        c(
            "23 heat-related emergency room visits",
            23,
            subj=["visit", "emergency room visit", "heat-related emergency room visit"],
            period=["on Monday and Tuesday", "Monday and Tuesday"],
        ),
        c("nine", 9, subj=["visit", None], period="the week before"),
        c("12 cooling centers", 12, subj=["center", "cooling center"]),
        c("340 people", 340, subj=PEOPLE, period="Tuesday"),
        c(
            "near 95 degrees",
            95,
            unit=DEG,
            q=["approximately", "almost"],
            subj=["high", "temperature"],
            period="through Friday",
        ),
        c(
            "above 80 degrees",
            80,
            unit=DEG,
            q="more_than",
            subj=["low", "temperature"],
            period=["for five straight nights", "five straight nights"],
            speaker="Carla Simms",
        ),
    ],
    optional=["the upper 80s", "five straight nights"],
)

# ---------------------------------------------------------------- rs12 COVID-19 cases (Dane County)
case(
    "2023-08-29",
    P(
        "MADISON, Wis. — Dane County reported 1,214 new COVID-19 cases in the week ending Sunday, a 36-percent increase over the previous week, Public Health Madison & Dane County said Monday.",
        "The seven-day average positivity rate rose to 8.7%, and the county’s case rate reached 213 per 100,000 residents. Hospitals were treating 64 patients with the virus, 11 of them in intensive care.",
        "“We’re not where we were in 2021, but this is the steepest climb we’ve seen since last winter,” said Dr. Amara Okafor, the agency’s deputy director. She said about 41 percent of residents 65 and older had received the updated vaccine.",
        "Two more deaths were reported, bringing the county’s total to 611.",
    ),
    [
        c(
            "1,214 new COVID-19 cases",
            1214,
            subj=["case", "covid-19 case", "new case"],
            period=["in the week ending Sunday", "the week ending Sunday"],
        ),
        c(
            "36-percent",
            36,
            unit=PCT,
            subj=["case", "increase", None],
            change="percent_change",
            dir="up",
            period=["over the previous week", "the previous week"],
        ),
        c("8.7%", 8.7, unit=PCT, subj=["rate", "positivity rate"]),
        c("213 per 100,000", 213, unit=None, subj=["rate", "case rate"]),
        c("64 patients", 64, subj="patient"),
        c("11 of them", 11, subj=["patient", None]),
        c(
            "about 41 percent",
            41,
            unit=PCT,
            q="approximately",
            subj=["resident"],
            speaker="Amara Okafor",
        ),
        c("Two more deaths", 2, subj="death", change=["difference", "level"], dir="up"),
        c("611", 611, subj=["total", "death"]),
    ],
    optional=["seven-day", "100,000 residents"],
    not_claims=[("COVID-19", 0), "2021", "65 and older"],
)

# ---------------------------------------------------------------- rs13 election night (Watauga County)
case(
    "2022-11-09",
    P(
        "BOONE, N.C. — With 13 of the 21 precincts reporting, Watauga County voters appeared to be rejecting a quarter-cent sales tax increase late Tuesday, 5,912 votes to 5,430.",
        "The measure would have raised an estimated $2.2 million a year for county parks and school construction. Turnout stood at about 38 percent of the county’s 41,700 registered voters, according to the county Board of Elections.",
        "In the race for two open seats on the Board of Commissioners, incumbent Ray Holloway led with 6,118 votes. Challenger Beth Ann Crowder was second with 5,077, just 64 votes ahead of Marcus Reid.",
        "Elections director Pam Yount said 1,800 mail-in ballots were still being processed Wednesday.",
    ),
    [
        c("13", 13, subj="precinct", period="late Tuesday"),
        c("5,912 votes", 5912, subj="vote", period="late Tuesday"),
        c("5,430", 5430, subj=["vote", None], period="late Tuesday"),
        c(
            "an estimated $2.2 million",
            2200000,
            unit=USD,
            q="approximately",
            subj=["measure", "tax", "revenue", None],
        ),
        c("about 38 percent", 38, unit=PCT, q="approximately", subj=["turnout", "voter"]),
        c("41,700 registered voters", 41700, subj=["voter", "registered voter"]),
        c("two open seats", 2, subj=["seat", "open seat"]),
        c("6,118 votes", 6118, subj="vote"),
        c("5,077", 5077, subj=["vote", None]),
        c("64 votes", 64, subj="vote", change=["difference", "level"], dir="up"),
        c(
            "1,800 mail-in ballots",
            1800,
            subj=["ballot", "mail-in ballot"],
            period="Wednesday",
            speaker="Pam Yount",
        ),
    ],
    optional=["21 precincts", "quarter-cent"],
    not_claims=["second"],
)

# ---------------------------------------------------------------- rs14 jail population (Washington County, Va.)
case(
    "2024-10-08",
    P(
        "Jail population tops capacity again, sheriff says",
        "ABINGDON, Va. — The Washington County jail held 312 inmates Monday, 38 more than the 274 beds it was built for, Sheriff Dale Worley said.",
        "Worley told supervisors the average daily population for the first three quarters of 2024 was 297, up from 251 in the same period of 2022. The number of women held has nearly doubled over that time, to 71.",
        "The sheriff’s office says it spent $418,000 through September housing overflow inmates at a regional jail in Bristol, at $42 a day per inmate.",
        "Worley said about 60% of those held are awaiting trial.",
        sep="\n",
    ),
    [
        c("312 inmates", 312, subj="inmate", period="Monday", speaker="Dale Worley"),
        c(
            "38 more",
            38,
            subj=["inmate", None],
            change="difference",
            dir="up",
            speaker="Dale Worley",
        ),
        c("274 beds", 274, subj="bed", speaker="Dale Worley"),
        c(
            "297",
            297,
            unit=None,
            subj=["population", "average daily population", "inmate"],
            period=["for the first three quarters of 2024", "the first three quarters of 2024"],
            speaker="Dale Worley",
        ),
        c(
            "251",
            251,
            unit=None,
            subj=["population", "average daily population", None],
            period=["in the same period of 2022", "the same period of 2022"],
            speaker="Dale Worley",
        ),
        c("71", 71, subj=["woman", "number", None], speaker="Dale Worley"),
        c("$418,000", 418000, unit=USD, subj=["inmate", "cost", None], period="through September"),
        c("$42 a day", 42, unit=USD, subj=["inmate", "cost", None]),
        c(
            "about 60%",
            60,
            unit=PCT,
            q="approximately",
            subj=["inmate", None],
            speaker="Dale Worley",
        ),
    ],
    optional=["the first three quarters", "nearly doubled"],
    not_claims=["2024", "2022"],
)

# ---------------------------------------------------------------- rs15 population estimates (Boise)
case(
    "2024-03-15",
    P(
        "Census: Treasure Valley adds 19,400 residents in a year",
        "BOISE, Idaho — Ada County’s population grew to an estimated 524,673 by July 1, 2023, an increase of 10,950 people, or 2.1%, according to Census Bureau estimates released Thursday.",
        "Neighboring Canyon County added 8,450 residents, the second-largest numeric gain in the state. Together, the two counties accounted for more than half of Idaho’s growth.",
        "State demographer Neil Ostrander said about 70 percent of the new residents moved from another state. “Migration is doing almost all the work. Births outnumbered deaths by fewer than 2,000,” he said.",
        sep="\n",
    ),
    [
        c("19,400 residents", 19400, subj="resident", change=["difference", "level"], dir="up"),
        c(
            "an estimated 524,673",
            524673,
            q="approximately",
            subj="population",
            period=["by July 1, 2023", "July 1, 2023"],
        ),
        c("10,950 people", 10950, subj=PEOPLE + ["increase"], change="difference", dir="up"),
        c(
            "2.1%",
            2.1,
            unit=PCT,
            subj=["population", "increase"],
            change="percent_change",
            dir="up",
        ),
        c("8,450 residents", 8450, subj="resident", change=["difference", "level"], dir="up"),
        c(
            "about 70 percent",
            70,
            unit=PCT,
            q="approximately",
            subj=["resident", "new resident"],
            speaker="Neil Ostrander",
        ),
        c(
            "fewer than 2,000",
            2000,
            q="less_than",
            subj=["birth", None],
            change=["difference", "level"],
            speaker="Neil Ostrander",
        ),
    ],
    optional=["a year", "the two counties", "more than half"],
    not_claims=["July 1, 2023", "second-largest"],
)

# ---------------------------------------------------------------- rs16 school bus drivers (Spokane)
case(
    "2024-08-30",
    P(
        "School bus driver shortage forces route changes in Spokane",
        "SPOKANE, Wash. — Spokane Public Schools is short 34 bus drivers as the 2024-25 school year begins, forcing the district to combine routes and stagger start times at 11 schools.",
        "The district runs 168 buses on a typical day, transportation director Kelly Tran said, and each one covers about 2 1/2 routes. Drivers start at $24.75 an hour after training, up $1.50 from last year.",
        "Tran said 19 applicants are in training now. “If half of them finish, we’re in better shape by November,” she said.",
        "Families of about 1,900 students received letters Monday saying pickup times would move 15 to 25 minutes earlier.",
        sep="\n",
    ),
    [
        c(
            "34 bus drivers",
            34,
            subj=["driver", "bus driver"],
            period=["as the 2024-25 school year begins", "the 2024-25 school year", "2024-25"],
        ),
        c("11 schools", 11, subj="school"),
        c("168 buses", 168, subj="bus", speaker="Kelly Tran"),
        c(
            "about 2 1/2 routes",
            2.5,
            unit=None,
            q="approximately",
            subj="route",
            speaker="Kelly Tran",
        ),
        c("$24.75", 24.75, unit=USD, subj=["driver", "wage", "pay", None]),
        c(
            "$1.50",
            1.5,
            unit=USD,
            subj=["driver", "wage", "pay", None],
            change="difference",
            dir="up",
            period=["from last year", "last year"],
        ),
        c("19 applicants", 19, subj="applicant", speaker="Kelly Tran"),
        c("about 1,900 students", 1900, q="approximately", subj="student", period="Monday"),
    ],
    optional=["half of them", "15 to 25 minutes"],
    not_claims=["2024-25"],
)

# ---------------------------------------------------------------- rs17 gun traces (Toledo)
case(
    "2024-06-12",
    P(
        "TOLEDO, Ohio — In 2019, 31 of the 88 rifles that Toledo police recovered at crime scenes had been bought within three years, according to trace data the ATF shared with 13abc.",
        "Handguns made up the bulk of the 1,046 firearms traced that year. About 78 percent of them were first sold in Ohio, while Michigan accounted for 9%, the data show.",
        "By 2022, the number of traced guns had climbed to 1,391, and the share recovered within a year of purchase, a red flag for trafficking, rose to 17 percent, said Tom Wexler, a retired ATF agent who reviewed the figures for the station.",
        "Police recovered 212 guns in the first five months of this year, down by a third from the same period in 2023.",
    ),
    [
        c("31", 31, subj=["rifle"], period="In 2019"),
        c("1,046 firearms", 1046, subj="firearm", period="that year"),
        c("About 78 percent", 78, unit=PCT, q="approximately", subj=["firearm", "handgun", None]),
        c("9%", 9, unit=PCT, subj=["firearm", None]),
        c("1,391", 1391, subj=["gun", "traced gun", "number"], period="By 2022"),
        c("17 percent", 17, unit=PCT, subj=["share"], period="By 2022", speaker="Tom Wexler"),
        c(
            "212 guns",
            212,
            subj="gun",
            period=[
                "in the first five months of this year",
                "the first five months of this year",
                "this year",
            ],
        ),
    ],
    optional=["88 rifles", "three years", "the first five months", "down by a third"],
    not_claims=["2019", "13abc", "2022", "2023"],
)

# ---------------------------------------------------------------- rs18 drug seizure (Ocala)
case(
    "2024-03-04",
    P(
        "Traffic stop nets 7lbs of meth, cash, deputies say",
        "OCALA, Fla. — Marion County deputies seized 7lbs of methamphetamine, 3 1/2 pounds of fentanyl and $40,120 in cash after stopping a car on Interstate 75 on Saturday, the sheriff’s office said.",
        "Deputies also found two handguns and 811 rounds of ammunition in the trunk. The driver, a 34-year-old Orlando man, faces trafficking charges and was held on $250,000 bond.",
        "Sgt. Alicia Moreno said the fentanyl alone was enough for roughly 700,000 lethal doses. “That is enough to kill every person in this county twice over,” Moreno said. The county has about 409,000 residents.",
        sep="\n",
    ),
    [
        c("7lbs", 7, unit=LBS, subj=["meth", "methamphetamine"]),
        c(
            "7lbs",
            7,
            unit=LBS,
            subj=["methamphetamine", "meth"],
            period=["on Saturday", "Saturday"],
            nth=1,
        ),
        c("3 1/2 pounds", 3.5, unit=LBS, subj="fentanyl", period=["on Saturday", "Saturday"]),
        c("$40,120", 40120, unit=USD, subj="cash", period=["on Saturday", "Saturday"]),
        c("two handguns", 2, subj="handgun"),
        c("811 rounds", 811, subj=["round", "ammunition"]),
        c("$250,000", 250000, unit=USD, subj="bond"),
        c(
            "roughly 700,000 lethal doses",
            700000,
            q="approximately",
            subj=["dose", "lethal dose"],
            speaker="Alicia Moreno",
        ),
        c("about 409,000 residents", 409000, q="approximately", subj="resident"),
    ],
    optional=["twice over"],
    not_claims=["Interstate 75", "34-year-old"],
)

# ---------------------------------------------------------------- rs19 statewide traffic deaths (South Carolina)
case(
    "2024-09-04",
    P(
        "COLUMBIA, S.C. — South Carolina has recorded 612 traffic deaths through Aug. 31, the state Department of Public Safety said, compared with 655 through the same date in 2023.",
        "Motorcyclist deaths are the exception. Troopers have counted 97 so far this year, up from 81, and 59% of the riders killed were not wearing helmets.",
        "The agency also tallied 2,131 crashes involving an impaired driver this year, compared with 2074 at the same time last year. “One look at the map tells you where the problem is,” said Lance Cpl. Nathan Breedlove, pointing to Horry and Greenville counties, which together account for about a fifth of the deaths.",
        "Pedestrian deaths stand at 121, roughly the same as in 2023.",
    ),
    [
        c(
            "612 traffic deaths",
            612,
            subj=["death", "traffic death"],
            period=["through Aug. 31", "Aug. 31"],
        ),
        c(
            "655",
            655,
            subj=["death", "traffic death", None],
            period=["through the same date in 2023", "the same date in 2023"],
        ),
        c("97", 97, subj=["death", "motorcyclist death", None], period="so far this year"),
        c("81", 81, subj=["death", "motorcyclist death", None]),
        c("59%", 59, unit=PCT, subj=["rider"]),
        c("2,131 crashes", 2131, subj="crash", period="this year"),
        c(
            "2074",
            2074,
            subj=["crash", None],
            period=["at the same time last year", "the same time last year"],
        ),
        c("121", 121, subj=["death", "pedestrian death"]),
    ],
    optional=["about a fifth"],
    not_claims=["Aug. 31", ("2023", 0), ("2023", 1), "One look"],
)

# ---------------------------------------------------------------- rs20 fire department annual report (Lawrence)
case(
    "2025-01-15",
    P(
        "Fire calls climb in Lawrence; medical runs make up most of the work",
        "LAWRENCE, Kan. — Lawrence-Douglas County Fire Medical answered 14,862 calls in 2024, its busiest year on record and up 4.6% from 2023, according to the department’s annual report.",
        "Medical calls made up 68 percent of the total. The number of overdose responses fell by half, to 187, while calls to residential fires held steady at 96.",
        "Chief Darla Wendt said crews reached 90% of emergencies in the city within 8 minutes, and the average response time was 5 minutes 41 seconds. The department has 152 firefighters and is asking for nine more in this year’s budget.",
        sep="\n",
    ),
    [
        c("14,862 calls", 14862, subj="call", period="in 2024"),
        c(
            "4.6%",
            4.6,
            unit=PCT,
            subj=["call", None],
            change="percent_change",
            dir="up",
            period="from 2023",
        ),
        c("68 percent", 68, unit=PCT, subj=["call", "medical call"]),
        c("187", 187, subj=["response", "overdose response"]),
        c("96", 96, subj=["call", "fire", "residential fire"]),
        c("90%", 90, unit=PCT, subj=["emergency"], speaker="Darla Wendt"),
        c("152 firefighters", 152, subj="firefighter"),
        c(
            "nine more",
            9,
            subj=["firefighter", None],
            change=["difference", "level"],
            dir="up",
            period=["in this year’s budget", "this year"],
        ),
    ],
    optional=["fell by half", "8 minutes", "5 minutes 41 seconds"],
    not_claims=["2024", "2023"],
)

# ---------------------------------------------------------------- rs21 school levy and mill rate (Waukesha)
case(
    "2024-10-22",
    P(
        "WAUKESHA, Wis. — The Waukesha School Board on Monday set a tax levy of $68.4 million for the 2024-25 school year, the largest since '09, but the mill rate will fall for a third straight year.",
        "Homeowners will pay $7.91 per $1,000 of equalized value, down 26 cents from last year, business manager Ellen Vrabel said. On a $300,000 home, the school portion of the bill would be $2,373, or $78 less.",
        "The rate was last this low in ’17, when it stood at $7.85. Voters approved a $50 million referendum in 2022 that added about 40 cents to the rate for 10 years, Vrabel said.",
    ),
    [
        c(
            "$68.4 million",
            68400000,
            unit=USD,
            subj=["levy", "tax levy"],
            period=["for the 2024-25 school year", "the 2024-25 school year", "2024-25"],
        ),
        c(
            "$7.91",
            7.91,
            unit=USD,
            subj=["rate", "mill rate", "homeowner", None],
            speaker="Ellen Vrabel",
        ),
        cents(
            "26 cents",
            26,
            subj=["rate", "mill rate", None],
            change="difference",
            dir="down",
            period=["from last year", "last year"],
            speaker="Ellen Vrabel",
        ),
        c("$2,373", 2373, unit=USD, subj=["portion", "school portion", "bill"]),
        c(
            "$78 less",
            78,
            unit=USD,
            subj=["portion", "bill", None],
            change="difference",
            dir="down",
        ),
        c("$7.85", 7.85, unit=USD, subj=["rate", None], period=["in ’17", "’17"]),
        c(
            "$50 million",
            50000000,
            unit=USD,
            subj="referendum",
            period="in 2022",
            speaker="Ellen Vrabel",
        ),
        cents(
            "about 40 cents",
            40,
            q="approximately",
            subj=["rate", "referendum", None],
            change=["difference", "level"],
            dir="up",
            speaker="Ellen Vrabel",
        ),
    ],
    optional=["$1,000", "$300,000", "10 years"],
    not_claims=["2024-25", "'09", "’17", "2022"],
)

# ---------------------------------------------------------------- rs22 sheriff's annual report (Pulaski County, Ark.)
case(
    "2024-02-07",
    P(
        "LITTLE ROCK, Ark. — The Pulaski County Sheriff’s Office made 1,287 arrests in 2023, up 14 percent from the year before, according to the annual report presented to the Quorum Court on Tuesday.",
        "Drug arrests nearly tripled after a task force was formed in March, the sheriff’s office says. Deputies seized 61 firearms, 2.8 kilograms of methamphetamine and 446 grams of fentanyl.",
        "The report shows deputies answered 38,410 calls for service, or 105 a day. Sheriff Wade Culpepper told the court the numbers came despite a staffing gap.",
        "“We did it with 11 fewer deputies than we’re budgeted for,” Culpepper said. The office has 96 sworn positions.",
    ),
    [
        c("1,287 arrests", 1287, subj="arrest", period="in 2023"),
        c(
            "14 percent",
            14,
            unit=PCT,
            subj=["arrest", None],
            change="percent_change",
            dir="up",
            period=["from the year before", "the year before"],
        ),
        c("61 firearms", 61, subj="firearm"),
        c(
            "2.8 kilograms",
            2.8,
            unit=["kilograms", "kilogram", "kg"],
            subj=["methamphetamine", "meth"],
        ),
        c("446 grams", 446, unit=["grams", "gram", "g"], subj="fentanyl"),
        c("38,410 calls", 38410, subj=["call", "call for service"]),
        c("105 a day", 105, unit=None, subj=["call", None]),
        c(
            "11 fewer deputies",
            11,
            subj="deputy",
            change="difference",
            dir="down",
            speaker="Wade Culpepper",
        ),
        c("96 sworn positions", 96, subj=["position", "sworn position"]),
    ],
    optional=["nearly tripled"],
    not_claims=["2023"],
)

# ---------------------------------------------------------------- rs23 animal shelter (Elkhart County)
case(
    "2024-01-23",
    P(
        "GOSHEN, Ind. — The Humane Society of Elkhart County took in 4,118 animals last year, 612 more than in 2022, according to a presentation to the county commissioners on Monday.",
        "Cats made up 57 percent of intakes. The presentation put the shelter’s live-release rate at 91%, above the 90 percent benchmark most no-kill groups use.",
        "Director Paula Mendez said the shelter runs at 130% of capacity most weeks. Adoption fees will drop to $25 for adult dogs through Sunday, down from $95, she said.  The building has 38 kennels for dogs and room for about 60 cats.",
    ),
    [
        c("4,118 animals", 4118, subj="animal", period="last year"),
        c(
            "612 more",
            612,
            subj=["animal", None],
            change="difference",
            dir="up",
            period=["than in 2022", "in 2022"],
        ),
        c("57 percent", 57, unit=PCT, subj=["intake", "cat"]),
        c("91%", 91, unit=PCT, subj=["rate", "live-release rate"]),
        c("90 percent", 90, unit=PCT, subj=["benchmark"]),
        c("130%", 130, unit=PCT, subj=["capacity", "shelter"], speaker="Paula Mendez"),
        c(
            "$25",
            25,
            unit=USD,
            subj=["fee", "adoption fee"],
            period="through Sunday",
            speaker="Paula Mendez",
        ),
        c("$95", 95, unit=USD, subj=["fee", "adoption fee", None], speaker="Paula Mendez"),
        c("38 kennels", 38, subj="kennel"),
        c("about 60 cats", 60, q="approximately", subj="cat"),
    ],
    not_claims=["2022"],
)

# ---------------------------------------------------------------- rs24 snowstorm (Hagerstown)
case(
    "2025-01-08",
    P(
        "HAGERSTOWN, Md. — Maryland State Police responded to 143 crashes in Washington County during Tuesday’s storm, which dropped 9 inches of snow on Hagerstown and as much as 14 inches near Smithsburg.",
        "Most of the crashes were minor, but 19 people were taken to hospitals, police said. One of the worst wrecks closed the southbound lanes of Interstate 81 for nearly three hours.",
        "County roads chief Brent Yoder said crews spread 2,600 tons of salt, about twice what they use in a typical storm. The county has 47 plows and brought in 12 contractors, Yoder said.",
        "Temperatures fell to 14 degrees overnight, and forecasters said up to 2 more inches could fall Thursday.",
    ),
    [
        c(
            "143 crashes",
            143,
            subj="crash",
            period=["during Tuesday’s storm", "Tuesday’s storm", "Tuesday"],
        ),
        c(
            "9 inches",
            9,
            unit=INCH,
            subj="snow",
            period=["during Tuesday’s storm", "Tuesday’s storm", "Tuesday"],
        ),
        c(
            "as much as 14 inches",
            14,
            unit=INCH,
            q="at_most",
            subj="snow",
            period=["during Tuesday’s storm", "Tuesday’s storm", "Tuesday"],
        ),
        c("19 people", 19, subj=PEOPLE),
        c("2,600 tons", 2600, unit=["tons", "ton"], subj="salt", speaker="Brent Yoder"),
        c("47 plows", 47, subj="plow", speaker="Brent Yoder"),
        c("12 contractors", 12, subj="contractor", speaker="Brent Yoder"),
        c("14 degrees", 14, unit=DEG, subj="temperature", period="overnight"),
        c(
            "up to 2 more inches",
            2,
            unit=INCH,
            q="at_most",
            subj="snow",
            change=["level", "difference"],
            dir="up",
            period="Thursday",
        ),
    ],
    optional=["nearly three hours", "about twice"],
    not_claims=["One of the worst", "Interstate 81"],
)

# ---------------------------------------------------------------- rs25 youth gun violence report (Milwaukee)
case(
    "2024-05-17",
    P(
        "MILWAUKEE — Between the ages of 12 and 30, Milwaukee residents are more likely to die by gunfire than from any other cause, according to a report the city’s Office of Violence Prevention released Thursday.",
        "The city recorded 178 homicides in 2023, down 17% from the year before. Of the 1,032 nonfatal shooting victims citywide that year, 38% were under 25, the report said. In the 53206 ZIP code alone, 214 people were shot over three years.",
        "Director Keshia Barlow said the office’s violence interrupters mediated 611 conflicts last year, up from 402 in 2022. The program’s budget will grow to $4.6 million next year, she said, enough to hire 14 more outreach workers.",
    ),
    [
        c("178 homicides", 178, subj="homicide", period="in 2023"),
        c(
            "17%",
            17,
            unit=PCT,
            subj=["homicide", None],
            change="percent_change",
            dir="down",
            period=["from the year before", "the year before"],
        ),
        c(
            "38%",
            38,
            unit=PCT,
            subj=["victim", "nonfatal shooting victim", "shooting victim"],
            period="that year",
        ),
        c("214 people", 214, subj=PEOPLE),
        c("611 conflicts", 611, subj="conflict", period="last year", speaker="Keshia Barlow"),
        c("402", 402, subj=["conflict", None], period="in 2022", speaker="Keshia Barlow"),
        c(
            "$4.6 million",
            4600000,
            unit=USD,
            subj="budget",
            period="next year",
            speaker="Keshia Barlow",
        ),
        c(
            "14 more outreach workers",
            14,
            subj=["worker", "outreach worker"],
            change=["difference", "level"],
            dir="up",
            speaker="Keshia Barlow",
        ),
    ],
    optional=["1,032 nonfatal shooting victims", "three years"],
    not_claims=["12 and 30", "2023", "under 25", "53206", "2022"],
)

# ---------------------------------------------------------------- rs26 city budget (Rochester, Minn.)
case(
    "2024-09-10",
    P(
        "ROCHESTER, Minn. — City Administrator Owen Falk presented a $389 million budget for 2025 on Monday, a 6.8% increase driven largely by public safety costs.",
        "Police overtime, which ran $2.3 million over budget this year, would be halved under the plan by adding 8 officers. The fire department would get an additional $400,000 for equipment.",
        "The property tax levy would rise 9.1 percent, to $112.7 million. For a median-value home of $317,000, the city’s share of the tax bill would go up about $96, according to the presentation.",
        "Falk spoke to council members for nearly an hour and said the city had already trimmed $5 million from department requests.",
    ),
    [
        c("$389 million", 389000000, unit=USD, subj="budget", period=["for 2025", "2025"]),
        c("6.8%", 6.8, unit=PCT, subj=["budget", "increase"], change="percent_change", dir="up"),
        c(
            "$2.3 million",
            2300000,
            unit=USD,
            subj=["overtime", "police overtime"],
            change=["difference", "level"],
            dir="up",
            period="this year",
        ),
        c("8 officers", 8, subj="officer"),
        c(
            "an additional $400,000",
            400000,
            unit=USD,
            subj=["department", "fire department", "equipment", None],
            change="difference",
            dir="up",
        ),
        c(
            "9.1 percent",
            9.1,
            unit=PCT,
            subj=["levy", "tax levy", "property tax levy"],
            change="percent_change",
            dir="up",
        ),
        c("$112.7 million", 112700000, unit=USD, subj=["levy", "tax levy", "property tax levy"]),
        c(
            "about $96",
            96,
            unit=USD,
            q="approximately",
            subj=["share", "bill", "tax bill"],
            change=["difference", "level"],
            dir="up",
        ),
        c(
            "$5 million",
            5000000,
            unit=USD,
            subj=["request", "department request", None],
            change=["difference", "level"],
            dir="down",
            speaker="Owen Falk",
        ),
    ],
    optional=["halved", "$317,000", "nearly an hour"],
    not_claims=["2025"],
)

# ---------------------------------------------------------------- rs27 home sales (Bozeman)
case(
    "2024-07-16",
    P(
        "BOZEMAN, Mont. — The median price of a single-family home in Gallatin County reached $875,000 in the second quarter, up 12.4 percent from the same quarter last year, according to the Gallatin Association of Realtors.",
        "Sales were flat: 412 homes changed hands from April through June, two fewer than a year earlier. Homes sat on the market for an average of 61 days, and inventory stood at 689 listings, 22% more than in June 2023.",
        "Condo and townhouse prices rose more slowly, about 3%, to a median of $539,900. “Buyers at the entry level have almost nothing to choose from,” said Realtor Dana Whitcomb, who noted that just 38 homes under $500,000 were listed at the end of June.",
    ),
    [
        c(
            "$875,000",
            875000,
            unit=USD,
            subj=["price", "median price"],
            period=["in the second quarter", "the second quarter"],
        ),
        c(
            "12.4 percent",
            12.4,
            unit=PCT,
            subj=["price", "median price"],
            change="percent_change",
            dir="up",
            period=["from the same quarter last year", "the same quarter last year"],
        ),
        c("412 homes", 412, subj="home", period=["from April through June", "April through June"]),
        c(
            "two fewer",
            2,
            subj=["home", "sale", None],
            change="difference",
            dir="down",
            period="a year earlier",
        ),
        c("689 listings", 689, subj=["listing", "inventory"]),
        c(
            "22% more",
            22,
            unit=PCT,
            subj=["listing", "inventory", None],
            change="percent_change",
            dir="up",
            period=["than in June 2023", "June 2023"],
        ),
        c(
            "about 3%",
            3,
            unit=PCT,
            q="approximately",
            subj=["price", None],
            change="percent_change",
            dir="up",
        ),
        c("$539,900", 539900, unit=USD, subj=["median", "price"]),
        c(
            "38 homes",
            38,
            subj="home",
            period=["at the end of June", "the end of June"],
            speaker="Dana Whitcomb",
        ),
    ],
    optional=["an average of 61 days", "$500,000"],
    not_claims=["2023"],
)

# ---------------------------------------------------------------- rs28 gas prices (Georgia)
case(
    "2024-08-12",
    P(
        "ATLANTA — Gas prices in Georgia fell for a fourth straight week, dropping 4.3 cents to an average of $3.02 a gallon on Monday, AAA said.",
        "That is 41 cents less than a year ago. Drivers in Savannah paid the least, $2.84, while metro Atlanta’s average was $3.11.",
        "“Crude oil is hovering around $70 a barrel, and that’s giving drivers some breathing room,” said Lorena Fisk, a spokeswoman for AAA. She said the national average was $3.21.  It now costs about $45.30 to fill a 15-gallon tank, the auto club estimates.",
    ),
    [
        cents("4.3 cents", 4.3, subj=["price", "gas price"], change="difference", dir="down"),
        c(
            "an average of $3.02",
            3.02,
            unit=USD,
            subj=["price", "gas price", "average"],
            period=["on Monday", "Monday"],
        ),
        cents(
            "41 cents less",
            41,
            subj=["price", None],
            change="difference",
            dir="down",
            period=["than a year ago", "a year ago"],
        ),
        c("$2.84", 2.84, unit=USD, subj=["price", "driver", None]),
        c("$3.11", 3.11, unit=USD, subj=["average", "price"]),
        c(
            "around $70",
            70,
            unit=USD,
            q="approximately",
            subj=["oil", "crude oil"],
            speaker="Lorena Fisk",
        ),
        c("$3.21", 3.21, unit=USD, subj=["average", "national average"], speaker="Lorena Fisk"),
        c("about $45.30", 45.3, unit=USD, q="approximately", subj=["cost", "tank", None]),
    ],
    optional=["15-gallon"],
)

# ---------------------------------------------------------------- rs29 wildfire (Shasta County)
case(
    "2024-07-27",
    P(
        "REDDING, Calif. — The Millville Fire had burned 8,900 acres by Saturday evening and was 15% contained, Cal Fire said, after winds of up to 35 mph pushed it across Highway 44 overnight.",
        "The fire has destroyed 27 homes and damaged 9 others. More than 1,400 firefighters are assigned, along with 11 helicopters and 62 engines.",
        "Evacuation orders cover about 3,200 residents in Shasta County. Cal Fire Battalion Chief Ryan Cordell said crews hoped to reach 40 percent containment by Monday. Temperatures are expected to reach 104 degrees Sunday, with humidity as low as 8%.",
    ),
    [
        c(
            "8,900 acres",
            8900,
            unit=["acres", "acre"],
            subj=["fire", "acre", None],
            period="by Saturday evening",
        ),
        c("15%", 15, unit=PCT, subj=["fire", "containment", None], period="by Saturday evening"),
        c("up to 35 mph", 35, unit="mph", q="at_most", subj="wind", period="overnight"),
        c("27 homes", 27, subj="home"),
        c("9 others", 9, subj=["home", "other", None]),
        c("More than 1,400 firefighters", 1400, q="more_than", subj="firefighter"),
        c("11 helicopters", 11, subj="helicopter"),
        c("62 engines", 62, subj="engine"),
        c("about 3,200 residents", 3200, q="approximately", subj="resident"),
        c(
            "40 percent",
            40,
            unit=PCT,
            subj=["containment"],
            period="by Monday",
            speaker="Ryan Cordell",
        ),
        c("104 degrees", 104, unit=DEG, subj="temperature", period="Sunday"),
        c("as low as 8%", 8, unit=PCT, q="at_least", subj="humidity", period="Sunday"),
    ],
    not_claims=["Highway 44"],
)

# ---------------------------------------------------------------- rs30 lead in school drinking water (South Bend)
case(
    "2024-09-05",
    P(
        "SOUTH BEND, Ind. — The South Bend Community School Corp. ran 1,240 analyses of drinking water from its 33 buildings this summer, and 46 fixtures came back above the district’s action level of 5 parts per billion, officials said Wednesday.",
        "That is down from 112 fixtures in 2022, the first year of testing. The highest reading, 61 parts per billion, came from a kitchen sink at an elementary school; the sink has since been replaced.",
        "Facilities director Marcus Pelt said the district spent $212,000 on filters and new faucets. “We’ll test every fountain again in the 2025-26 school year,” Pelt said.",
    ),
    [
        c("1,240 analyses", 1240, subj="analysis", period="this summer"),
        c("33 buildings", 33, subj="building"),
        c("46 fixtures", 46, subj="fixture", period="this summer"),
        c("112 fixtures", 112, subj="fixture", period="in 2022"),
        c(
            "61 parts per billion",
            61,
            unit=["parts per billion", "ppb", "part per billion"],
            subj=["reading"],
        ),
        c("$212,000", 212000, unit=USD, subj=["filter", "faucet", None], speaker="Marcus Pelt"),
    ],
    optional=["5 parts per billion"],
    not_claims=["2022", "2025-26"],
)

# ---------------------------------------------------------------- rs31 burglaries, headline attribution (Tulsa)
case(
    "2024-07-12",
    P(
        "Burglaries down 22% this year, Tulsa police chief says",
        "TULSA, Okla. — Residential burglaries have dropped sharply in Tulsa, with 1,104 reported from Jan. 1 through June 30, Police Chief Maria Estes said Thursday.",
        "That compares with 1,416 in the first half of last year. Car break-ins fell about 9%, to 2,870, while commercial burglaries were essentially unchanged at 611.",
        "Estes credited 16 new detectives in the property crimes unit. Even with the drop, the city’s burglary rate of 531 for every 100,000 people remains above the state average of 402, according to department data.",
        "“We are not declaring victory,” Estes said. “Twenty-two percent is a good start.”",
        sep="\n",
    ),
    [
        c(
            "22%",
            22,
            unit=PCT,
            subj=["burglary"],
            change="percent_change",
            dir="down",
            period="this year",
            speaker="Maria Estes",
        ),
        c(
            "1,104",
            1104,
            subj=["burglary", "residential burglary", None],
            period=["from Jan. 1 through June 30", "Jan. 1 through June 30"],
            speaker="Maria Estes",
        ),
        c(
            "1,416",
            1416,
            subj=["burglary", "residential burglary", None],
            period=["in the first half of last year", "the first half of last year"],
        ),
        c(
            "about 9%",
            9,
            unit=PCT,
            q="approximately",
            subj=["break-in", "car break-in"],
            change="percent_change",
            dir="down",
        ),
        c("2,870", 2870, subj=["break-in", "car break-in", None]),
        c("611", 611, subj=["burglary", "commercial burglary"]),
        c("16 new detectives", 16, subj=["detective", "new detective"], speaker="Maria Estes"),
        c("531 for every 100,000", 531, unit=None, subj=["rate", "burglary rate"]),
        c("402", 402, unit=None, subj=["average", "state average", "rate"]),
        c(
            "Twenty-two percent",
            22,
            unit=PCT,
            subj=["burglary", None],
            change=["percent_change", "level"],
            dir="down",
            speaker="Maria Estes",
        ),
    ],
    optional=["100,000 people"],
    not_claims=["Jan. 1", "June 30"],
)

# ---------------------------------------------------------------- rs32 Fourth of July weekend (Missouri)
case(
    "2024-07-08",
    P(
        "JEFFERSON CITY, Mo. — Three people drowned in Missouri lakes and rivers over the Fourth of July weekend, the Missouri State Highway Patrol said Monday.",
        "The patrol’s Water Patrol Division investigated 21 boating crashes that injured 14 people and arrested 18 boaters for boating while intoxicated. On the roads, troopers worked 402 crashes, and nine people were killed.",
        "Last year’s holiday counting period was a day shorter and saw 11 traffic deaths. Cpl. Tyler Hanes said the patrol made 112 DWI arrests, up from 96.",
        "In St. Louis, fireworks injuries sent 23 people to emergency rooms on Thursday alone, said Dr. Joel Abbott, a trauma surgeon at Barnes-Jewish Hospital. Most of the injured were between the ages of 15 and 24, he said.",
    ),
    [
        c(
            "Three people",
            3,
            subj=PEOPLE,
            period=[
                "over the Fourth of July weekend",
                "the Fourth of July weekend",
                "Fourth of July weekend",
            ],
        ),
        c("21 boating crashes", 21, subj=["crash", "boating crash"]),
        c("14 people", 14, subj=PEOPLE),
        c("18 boaters", 18, subj="boater"),
        c("402 crashes", 402, subj="crash"),
        c("nine people", 9, subj=PEOPLE),
        c(
            "11 traffic deaths",
            11,
            subj=["death", "traffic death"],
            period=["Last year’s holiday counting period", "Last year"],
        ),
        c("112 DWI arrests", 112, subj=["arrest", "dwi arrest"], speaker="Tyler Hanes"),
        c("96", 96, subj=["arrest", "dwi arrest", None], speaker="Tyler Hanes"),
        c(
            "23 people",
            23,
            subj=PEOPLE,
            period=["on Thursday alone", "on Thursday", "Thursday"],
            speaker="Joel Abbott",
        ),
    ],
    not_claims=["15 and 24"],
)

# ---------------------------------------------------------------- rs33 plant layoffs (Chippewa Falls)
case(
    "2024-06-21",
    P(
        "CHIPPEWA FALLS, Wis. — A paper towel plant here will lay off 187 workers by Sept. 30, the company told state officials in a notice filed Friday.",
        "Northland Tissue said it will shut down two of its four production lines, cutting output by roughly 40%. The company said about 120 hourly employees and 67 salaried staff would lose their jobs.",
        "The plant employed 410 people at its peak in 2019. Chippewa County’s unemployment rate was 2.8% in May, well below the state’s 3.1%.",
        "“For a town of 14,000, that is a big hit,” said Mayor Greg Hoffman, who said the city would ask the state for help retraining workers. He said the plant paid about $1.4 million in property taxes last year.",
    ),
    [
        c("187 workers", 187, subj="worker", period=["by Sept. 30", "Sept. 30"]),
        c("two of its four", 2, subj=["line", "production line"]),
        c(
            "roughly 40%",
            40,
            unit=PCT,
            q="approximately",
            subj="output",
            change="percent_change",
            dir="down",
        ),
        c(
            "about 120 hourly employees",
            120,
            q="approximately",
            subj=["employee", "hourly employee"],
        ),
        c("67 salaried staff", 67, subj=["staff", "salaried staff"]),
        c("410 people", 410, subj=PEOPLE, period=["at its peak in 2019", "in 2019"]),
        c("2.8%", 2.8, unit=PCT, subj=["rate", "unemployment rate"], period=["in May", "May"]),
        c("3.1%", 3.1, unit=PCT, subj=["rate", "unemployment rate", None]),
        c("14,000", 14000, subj=["town", "resident", None], speaker="Greg Hoffman"),
        c(
            "about $1.4 million",
            1400000,
            unit=USD,
            q="approximately",
            subj=["tax", "property tax"],
            period="last year",
            speaker="Greg Hoffman",
        ),
    ],
    optional=["four production lines"],
    not_claims=["Sept. 30", "2019"],
)

# ---------------------------------------------------------------- rs34 flu season, weekdays (Rochester, N.Y.)
case(
    "2025-01-10",
    P(
        "ROCHESTER, N.Y. — Monroe County reported 1,482 lab-confirmed flu cases in the week ending Saturday, the most in a single week since the state began tracking in 2009, the health department said.",
        "On Monday, Strong Memorial Hospital had 64 patients admitted with the flu; by Wednesday the number had climbed to 79. Rochester General was treating 41.",
        "Dr. Priya Raman, the county’s health commissioner, said 29% of flu tests at area clinics came back positive on Tuesday. “We usually peak in February, not the week after New Year’s,” she said.",
        "The county has given out 96,300 flu shots this season, about 8,000 fewer than at this point last year.",
    ),
    [
        c(
            "1,482 lab-confirmed flu cases",
            1482,
            subj=["case", "flu case", "lab-confirmed flu case"],
            period=["in the week ending Saturday", "the week ending Saturday"],
        ),
        c("64 patients", 64, subj="patient", period=["On Monday", "Monday"]),
        c("79", 79, subj=["patient", "number", None], period=["by Wednesday", "Wednesday"]),
        c("41", 41, subj=["patient", None]),
        c(
            "29%",
            29,
            unit=PCT,
            subj=["test", "flu test"],
            period=["on Tuesday", "Tuesday"],
            speaker="Priya Raman",
        ),
        c("96,300 flu shots", 96300, subj=["shot", "flu shot"], period="this season"),
        c(
            "about 8,000 fewer",
            8000,
            q="approximately",
            subj=["shot", "flu shot", None],
            change="difference",
            dir="down",
            period=["than at this point last year", "at this point last year"],
        ),
    ],
    not_claims=["2009"],
)

# ---------------------------------------------------------------- rs35 graduation rate and lunch prices (Lincoln)
case(
    "2024-11-13",
    P(
        "LINCOLN, Neb. — Lincoln Public Schools’ four-year graduation rate rose to 87.6% for the class of 2024, up 2.4 percentage points from the year before, the district reported Tuesday.",
        "The rate for English learners climbed to 71 percent, while students with disabilities graduated at 68%. Superintendent Ana Villalobos said 4,212 seniors earned diplomas, the largest class in district history.",
        "Separately, the board approved raising school lunch prices by 15 cents, to $3.10 for elementary students and $3.35 for middle and high schoolers, starting in the 2025-26 school year. Breakfast will stay at $1.85. About 44% of LPS students qualify for free or reduced-price meals.",
    ),
    [
        c(
            "87.6%",
            87.6,
            unit=PCT,
            subj=["rate", "graduation rate"],
            period=["for the class of 2024", "the class of 2024"],
        ),
        c(
            "2.4 percentage points",
            2.4,
            unit=PTS,
            subj=["rate", "graduation rate", None],
            change=["difference", "percent_change"],
            dir="up",
            period=["from the year before", "the year before"],
        ),
        c("71 percent", 71, unit=PCT, subj=["rate", "learner", None]),
        c("68%", 68, unit=PCT, subj=["student", "rate", None]),
        c("4,212 seniors", 4212, subj="senior", speaker="Ana Villalobos"),
        cents(
            "15 cents",
            15,
            subj=["price", "lunch price"],
            change="difference",
            dir="up",
            period=["starting in the 2025-26 school year", "the 2025-26 school year", "2025-26"],
        ),
        c(
            "$3.10",
            3.1,
            unit=USD,
            subj=["price", "lunch price", None],
            period=["starting in the 2025-26 school year", "the 2025-26 school year", "2025-26"],
        ),
        c(
            "$3.35",
            3.35,
            unit=USD,
            subj=["price", "lunch price", None],
            period=["starting in the 2025-26 school year", "the 2025-26 school year", "2025-26"],
        ),
        c("$1.85", 1.85, unit=USD, subj=["breakfast", "price"]),
        c("About 44%", 44, unit=PCT, q="approximately", subj="student"),
    ],
    optional=["four-year"],
    not_claims=["2024", "2025-26"],
)

# ---------------------------------------------------------------- rs36 eviction filings (Cleveland)
case(
    "2024-07-23",
    P(
        "CLEVELAND — After a slow January, eviction filings in Cleveland Municipal Court climbed to 4,980 through June, a 12% increase over the first six months of 2023, according to data compiled by the Legal Aid Society.",
        "The court granted 2,311 judgments for landlords in that time. Tenants who had a lawyer, which the city has guaranteed for families with children since 2020, avoided eviction in 93% of cases in the first half of the year, the group said.",
        "Attorney Rebecca Wynn said median back rent owed in the cases was $2,140. “Ten years ago it was closer to $1,200,” she said. The city set aside $3.5 million this year for its right-to-counsel program, which served 1,640 households in 2023.",
    ),
    [
        c("4,980", 4980, subj=["filing", "eviction filing"], period=["through June", "June"]),
        c(
            "12%",
            12,
            unit=PCT,
            subj=["filing", "eviction filing", "increase"],
            change="percent_change",
            dir="up",
            period=["over the first six months of 2023", "the first six months of 2023"],
        ),
        c("2,311 judgments", 2311, subj="judgment"),
        c(
            "93%",
            93,
            unit=PCT,
            subj=["case", "tenant"],
            period=["in the first half of the year", "the first half of the year"],
        ),
        c("$2,140", 2140, unit=USD, subj=["rent", "back rent"], speaker="Rebecca Wynn"),
        c(
            "closer to $1,200",
            1200,
            unit=USD,
            q="approximately",
            subj=["rent", "back rent", None],
            period="Ten years ago",
            speaker="Rebecca Wynn",
        ),
        c("$3.5 million", 3500000, unit=USD, subj=["program", "city", None], period="this year"),
        c("1,640 households", 1640, subj="household", period="in 2023"),
    ],
    optional=["the first six months", "Ten years ago"],
    not_claims=[("2023", 0), "2020", ("2023", 1)],
)

# ---------------------------------------------------------------- rs37 hurricane outages (Asheville)
case(
    "2024-10-01",
    P(
        "ASHEVILLE, N.C. — Hurricane Helene left 212,000 Duke Energy customers in Buncombe County without power Saturday, about 88% of the utility’s accounts in the county, the company said.",
        "By Tuesday, 131,000 were still waiting. Duke said it had 14,500 workers in the Carolinas, including crews from 22 states.",
        "The storm dropped more than 13 inches of rain on parts of the county in three days. County Manager Dale Rountree said 42 people had died in Buncombe and 600 roads were damaged or closed. The county opened 9 shelters, which housed about 1,100 people Monday night.",
    ),
    [
        c("212,000 Duke Energy customers", 212000, subj="customer", period="Saturday"),
        c("about 88%", 88, unit=PCT, q="approximately", subj=["account", "customer"]),
        c("131,000", 131000, subj=["customer", None], period="By Tuesday"),
        c("14,500 workers", 14500, subj="worker"),
        c("22 states", 22, subj="state"),
        c(
            "more than 13 inches",
            13,
            unit=INCH,
            q="more_than",
            subj="rain",
            period=["in three days"],
        ),
        c("42 people", 42, subj=PEOPLE, speaker="Dale Rountree"),
        c("600 roads", 600, subj="road", speaker="Dale Rountree"),
        c("9 shelters", 9, subj="shelter"),
        c("about 1,100 people", 1100, q="approximately", subj=PEOPLE, period="Monday night"),
    ],
    optional=["three days"],
)

# ---------------------------------------------------------------- rs38 shoplifting (Portland)
case(
    "2024-08-02",
    P(
        "PORTLAND, Ore. — Shoplifting reports in Portland fell 31 percent in the first half of the year, police said, but store owners say the numbers hide how much goes unreported.",
        "Officers took 2,416 reports from January through June, down from 3,502 a year earlier. Arrests for retail theft rose to 388, more than twice as many as in 2023.",
        "”We’re seeing fewer organized crews,” said Sgt. Chris Lauer, who runs the retail theft task force. He said a single ring broken up in March was tied to $310,000 in stolen goods.",
        "Oregon retailers lost an estimated $1.1 billion to theft in 2022, according to a trade group, roughly 1.6% of sales.",
    ),
    [
        c(
            "31 percent",
            31,
            unit=PCT,
            subj=["report", "shoplifting report"],
            change="percent_change",
            dir="down",
            period=["in the first half of the year", "the first half of the year"],
        ),
        c(
            "2,416 reports",
            2416,
            subj="report",
            period=["from January through June", "January through June"],
        ),
        c("3,502", 3502, subj=["report", None], period="a year earlier"),
        c("388", 388, subj=["arrest"]),
        c(
            "$310,000",
            310000,
            unit=USD,
            subj=["good", "goods", "stolen goods", "ring"],
            speaker="Chris Lauer",
        ),
        c(
            "an estimated $1.1 billion",
            1100000000,
            unit=USD,
            q="approximately",
            subj=["retailer", "theft", None],
            period="in 2022",
        ),
        c("roughly 1.6%", 1.6, unit=PCT, q="approximately", subj=["sale", "sales", None]),
    ],
    optional=["more than twice as many"],
    not_claims=["2023", "2022"],
)

# ---------------------------------------------------------------- rs39 water rate case (Illinois)
case(
    "2024-04-18",
    P(
        "PEORIA, Ill. — Illinois American Water is asking state regulators to raise rates by 18.6 percent, which would add about $11 a month to the typical residential bill, the company said Wednesday.",
        "The request would bring in $140 million a year in new revenue. The company says it plans to spend $1.5 billion over the next three years replacing pipes, including 1,300 miles of main. It serves about 1.3 million people in 160 communities.",
        "Tom Grady, a spokesman for the Citizens Utility Board, noted that customers saw a 9% increase just two years ago. “This would be the second big hike in a row for some towns,” Grady said.",
        "The Illinois Commerce Commission has up to 11 months to rule.",
    ),
    [
        c("18.6 percent", 18.6, unit=PCT, subj=["rate"], change="percent_change", dir="up"),
        c(
            "about $11",
            11,
            unit=USD,
            q="approximately",
            subj=["bill", "residential bill"],
            change=["difference", "level"],
            dir="up",
        ),
        c("$140 million", 140000000, unit=USD, subj=["revenue", "request", None]),
        c(
            "$1.5 billion",
            1500000000,
            unit=USD,
            subj=["pipe", "company", None],
            period=["over the next three years", "the next three years"],
        ),
        c("1,300 miles", 1300, unit=["miles", "mile"], subj="main"),
        c("about 1.3 million people", 1300000, q="approximately", subj=PEOPLE),
        c("160 communities", 160, subj="community"),
        c(
            "9%",
            9,
            unit=PCT,
            subj=["increase", "customer"],
            change="percent_change",
            dir="up",
            period=["just two years ago", "two years ago"],
            speaker="Tom Grady",
        ),
    ],
    optional=["three years", "two years ago", "up to 11 months"],
    not_claims=["second"],
)

# ---------------------------------------------------------------- rs40 state fair attendance (Des Moines)
case(
    "2024-08-19",
    P(
        "DES MOINES, Iowa — The Iowa State Fair drew 118,402 people on Saturday, its biggest single day since 2019, and total attendance through Sunday reached 674,215, fair officials said.",
        "That is 3.2% ahead of last year’s pace, when the 11-day fair drew just over 1.1 million. Fair manager Lynne Kerr said the gates counted 9,600 people in the first hour Saturday.",
        "Heat cut into crowds on Tuesday, when the high hit 95 degrees and attendance dipped to 71,880. Medical tents treated 143 people for heat-related illness that day, the fair said.",
        "Tickets bought in advance cost $12, $4 less than at the gate.",
    ),
    [
        c("118,402 people", 118402, subj=PEOPLE, period=["on Saturday", "Saturday"]),
        c("674,215", 674215, subj=["attendance"], period=["through Sunday", "Sunday"]),
        c(
            "3.2%",
            3.2,
            unit=PCT,
            subj=["attendance", "pace", None],
            change="percent_change",
            dir="up",
            period=["last year’s pace", "last year"],
        ),
        c(
            "just over 1.1 million",
            1100000,
            q="more_than",
            subj=["fair", "attendance", None],
            period=["last year’s pace", "last year"],
        ),
        c(
            "9,600 people",
            9600,
            subj=PEOPLE,
            period=["in the first hour Saturday", "Saturday"],
            speaker="Lynne Kerr",
        ),
        c(
            "95 degrees",
            95,
            unit=DEG,
            subj=["high", "temperature"],
            period=["on Tuesday", "Tuesday"],
        ),
        c("71,880", 71880, subj=["attendance"], period=["on Tuesday", "Tuesday"]),
        c("143 people", 143, subj=PEOPLE, period="that day"),
        c("$12", 12, unit=USD, subj=["ticket"]),
        c("$4 less", 4, unit=USD, subj=["ticket", None], change="difference", dir="down"),
    ],
    optional=["11-day"],
    not_claims=["2019"],
)


# ---------------------------------------------------------------- offsets and output
NUMWORD = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozen|half"
)
KEY = re.compile(
    rf"\d[\d,.]*\d|\.\d+|\d|\b(?:{NUMWORD})\b(?:-\w+)?", re.I
)  # the real-copy key rule


def anchor_span(text, anchor, nth):
    start = -1
    for _ in range(nth + 1):
        start = text.find(anchor, start + 1)
        if start < 0:
            raise SystemExit(f"anchor {anchor!r} (nth {nth}) not in: {text[:70]!r}")
    return start, start + len(anchor)


def key_span(text, start, end):
    m = KEY.search(text, start, end)
    if not m:
        raise SystemExit(f"no number in anchor {text[start:end]!r}")
    return m.start(), m.end()


def spans(text, items):
    out = []
    for a in items:
        a, nth = (a, 0) if isinstance(a, str) else a
        s, e = anchor_span(text, a, nth)
        assert text[s:e] == a
        out.append(dict(anchor=a, start=s, end=e))
    return out


def main():
    recs = []
    (HERE / "cases").mkdir(exist_ok=True)
    for i, k in enumerate(CASES, 1):
        pid = f"rs{i:02d}"
        text = k["text"]
        claims = []
        for cl in k["claims"]:
            cl = dict(cl)
            cl["start"], cl["end"] = anchor_span(text, cl["anchor"], cl.pop("nth"))
            assert text[cl["start"] : cl["end"]] == cl["anchor"]
            cl["key_start"], cl["key_end"] = key_span(text, cl["start"], cl["end"])
            ks, ke = cl["key_start"], cl["key_end"]
            assert not (ks > 0 and text[ks - 1].isalnum()) and not (
                ke < len(text) and text[ke].isdigit()
            ), (pid, cl["anchor"])
            claims.append(cl)
        starts = [x["start"] for x in claims]
        assert starts == sorted(starts), f"{pid}: claims not in text order"
        keys = [(x["key_start"], x["key_end"]) for x in claims]
        assert len(set(keys)) == len(keys), f"{pid}: two claims share a key"
        opt, nots = spans(text, k["optional"]), spans(text, k["not_claims"])
        for o in opt + nots:  # a distractor or optional span must not cover a claim's key
            for x in claims:
                assert not (o["start"] < x["key_end"] and x["key_start"] < o["end"]), (
                    pid,
                    o,
                    x["anchor"],
                )
        words = len(text.split())
        assert 60 <= words <= 250, (pid, words)
        rec = dict(
            id=pid,
            text=text,
            published=k["published"],
            claims=claims,
            optional=opt,
            not_claims=nots,
        )
        recs.append(rec)
        (HERE / "cases" / f"{pid}.json").write_text(
            json.dumps(rec, ensure_ascii=False, indent=1) + "\n"
        )
    with (HERE / "real_style.jsonl").open("w") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["claims"]) for r in recs)
    print(
        f"{len(recs)} passages, {n} claims, {sum(len(r['optional']) for r in recs)} optional, "
        f"{sum(len(r['not_claims']) for r in recs)} named distractors -> cases/, real_style.jsonl"
    )


if __name__ == "__main__":
    main()
