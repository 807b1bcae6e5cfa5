"""Builds the claims3 real-style set: 30 newly written passages in the style of US local news copy
(written for this set, not copied from any story), hand-labelled with every numeric claim under the
claim contract of /work/shared/DESIGN.md and the labelling conventions of
/work/shared/eval/real-copy/README.md. Offsets are computed here by program: each claim is anchored
on its words as written (start/end) and keyed on its first number (key_start/key_end), by the same
key rule as the real-copy set. A None field is not scored; a list means any member is right.
Writes cases/rtNN.json (one record each) and real_style.jsonl (all records).
Evaluation data only: do not copy it into the project's code, tests or fixtures.
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
CASES = []
PEOPLE = ["people", "person"]
PCT = "percent"
MILLS = ["mills", "mill"]
INCH = ["inches", "inch", "in"]
LBS = ["pounds", "pound", "lbs", "lb"]
PTS = ["percentage points", "percentage point", "points", "point", "percent"]


def P(*paras, sep="\n\n"):
    return sep.join(paras)


def case(published, text, claims=(), optional=(), not_claims=(), topic=""):
    CASES.append(
        dict(
            published=published,
            text=text,
            claims=list(claims),
            optional=list(optional),
            not_claims=list(not_claims),
            topic=topic,
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
    """paired: low (a list) and unit (a list) go together, i-th value with i-th unit."""
    return dict(
        anchor=anchor,
        nth=nth,
        low=low,
        high=low if high is None else high,
        unit=unit,
        qualifier=q,
        subject=subj,
        change=change,
        direction=dir,
        period=period,
        speaker=speaker,
        paired=paired,
    )


# ---------------------------------------------------------------- rt01 school enrolment and budget (Ohio)
case(
    "2024-09-10",
    P(
        "MEDINA, Ohio — Enrollment in the Medina City Schools slid again this fall, with 6,912 students counted on the first day of the 2024-25 school year, a decrease of 310 students, or about 4.3 percent, from the year before.",
        "Treasurer Angela Marsh told the board Monday that the drop will cost the district roughly $1.9 million in state aid.  “We’ve shed close to 900 students over the past decade,” Marsh said.",
        "The board trimmed its proposed operating budget by $740,000, to $118.6 million, and will leave 14 teaching positions unfilled as teachers retire. No layoffs are planned, officials said.",
    ),
    [
        c(
            "6,912 students",
            6912,
            subj="student",
            period=[
                "this fall",
                "the first day of the 2024-25 school year",
                "the 2024-25 school year",
                "2024-25 school year",
            ],
        ),
        c(
            "a decrease of 310 students",
            310,
            subj=["student", "decrease"],
            change="difference",
            dir="down",
            period=["from the year before", "the year before"],
        ),
        c(
            "about 4.3 percent",
            4.3,
            unit=PCT,
            q="approximately",
            subj=["student", "decrease", "enrollment", None],
            change="percent_change",
            dir="down",
            period=["from the year before", "the year before"],
        ),
        c(
            "roughly $1.9 million",
            1900000,
            unit="usd",
            q="approximately",
            subj=["aid", "state aid"],
            speaker="Angela Marsh",
        ),
        c(
            "close to 900 students",
            900,
            q="almost",
            subj="student",
            change="difference",
            dir="down",
            period=["over the past decade", "the past decade"],
            speaker="Angela Marsh",
        ),
        c(
            "$740,000",
            740000,
            unit="usd",
            subj=["budget", "operating budget"],
            change="difference",
            dir="down",
        ),
        c("$118.6 million", 118600000, unit="usd", subj=["budget", "operating budget"]),
        c("14 teaching positions", 14, subj=["position", "teaching position"]),
    ],
    not_claims=["2024-25"],
    topic="school enrolment, budget",
)

# ---------------------------------------------------------------- rt02 wildfire (Calif.)
case(
    "2024-07-09",
    P(
        "RED BLUFF, Calif. — Fire crews gained ground overnight on the Canyon Creek Fire, which had burned 14,250 acres in Tehama County as of Tuesday morning and was 35% contained, Cal Fire said.",
        "The blaze has destroyed 61 homes and 40 outbuildings and damaged at least 18 other structures, according to a damage inspection team. About 2,300 residents remain under evacuation orders, down from nearly 5,000 over the weekend.",
        "“We had temperatures near 104 degrees on Sunday and gusts of 30 to 40 mph on the ridgelines,” said Luis Ortega, a battalion chief assigned to the fire. More than 1,100 firefighters are working the fire, and two have suffered minor injuries.",
    ),
    [
        c(
            "14,250 acres",
            14250,
            unit=["acres", "acre"],
            subj=["acre", "fire", None],
            period=["as of Tuesday morning", "as of Tuesday", "Tuesday morning"],
        ),
        c(
            "35%",
            35,
            unit=PCT,
            subj=["fire", "containment", None],
            period=["as of Tuesday morning", "as of Tuesday", "Tuesday morning"],
        ),
        c("61 homes", 61, subj="home"),
        c("40 outbuildings", 40, subj="outbuilding"),
        c("at least 18 other structures", 18, q="at_least", subj="structure"),
        c("About 2,300 residents", 2300, q="approximately", subj="resident"),
        c(
            "nearly 5,000",
            5000,
            q="almost",
            subj=["resident", None],
            period=["over the weekend", "the weekend"],
        ),
        c(
            "near 104 degrees",
            104,
            unit=["degrees", "degree"],
            q=["approximately", "almost"],
            subj="temperature",
            period=["on Sunday", "Sunday"],
            speaker="Luis Ortega",
        ),
        c(
            "30 to 40 mph",
            30,
            40,
            unit="mph",
            q="range",
            subj=["gust", "wind"],
            period=["on Sunday", "Sunday"],
            speaker="Luis Ortega",
        ),
        c("More than 1,100 firefighters", 1100, q="more_than", subj="firefighter"),
        c("two have suffered", 2, subj=["firefighter", None]),
    ],
    topic="wildfire",
)

# ---------------------------------------------------------------- rt03 COVID hospital counts (Tenn.)
case(
    "2024-08-23",
    P(
        "JACKSON, Tenn. —  West Tennessee Healthcare was treating 87 COVID-19 patients as of Thursday, 19 of them in intensive care and 11 on ventilators, the hospital system reported.",
        "That is nearly twice as many as the 46 patients hospitalized at the start of the month. The Madison County Health Department added 412 cases since Monday, bringing the county’s total since March 2020 to 31,086. The seven-day average of new cases climbed to 64.3, and the share of tests coming back positive rose to 14.8%, up from 9.6% two weeks earlier.",
        '"Our staff is tired," said Dr. Renee Whitfield, the system’s chief medical officer. "We have fewer than 10 ICU beds open on most days."',
    ),
    [
        c("87 COVID-19 patients", 87, subj="patient", period=["as of Thursday", "Thursday"]),
        c("19 of them", 19, subj=["patient", None], period=["as of Thursday", "Thursday"]),
        c(
            "11 on ventilators",
            11,
            subj=["patient", "ventilator", None],
            period=["as of Thursday", "Thursday"],
        ),
        c(
            "46 patients",
            46,
            subj="patient",
            period=["at the start of the month", "the start of the month"],
        ),
        c(
            "412 cases",
            412,
            subj="case",
            change=["level", "difference"],
            dir="up",
            period="since Monday",
        ),
        c("31,086", 31086, subj=["total", "case", None], period=["since March 2020", "March 2020"]),
        c("64.3", 64.3, unit=None, subj=["average", "case", "new case"]),
        c("14.8%", 14.8, unit=PCT, subj=["share", "test"]),
        c("9.6%", 9.6, unit=PCT, subj=["share", "test", None], period=["two weeks earlier"]),
        c(
            "fewer than 10 ICU beds",
            10,
            q="less_than",
            subj=["bed", "icu bed"],
            speaker="Renee Whitfield",
        ),
    ],
    optional=["nearly twice as many", "seven-day", "two weeks earlier"],
    not_claims=["COVID-19", "March 2020"],
    topic="COVID hospital counts",
)

# ---------------------------------------------------------------- rt04 state unemployment (Ala.)
case(
    "2024-07-19",
    P(
        "MONTGOMERY, Ala. — Alabama’s unemployment rate narrowly rose to 3.1 percent in June, two-tenths of a point higher than in May, the state Department of Workforce said Friday.",
        "The state added 4,600 jobs over the month, and wage and salary employment reached 2,187,300, up 31,900 from June of last year. Leisure and hospitality gained 2,100 jobs, while manufacturing shed 700. The labor force participation rate ticked up by two-tenths of 1 percent, to 57.4%.",
        "Baldwin County again posted the lowest rate among the state’s 67 counties, at 2.4%. Wilcox County had the highest, 8.9 percent.",
        '"One look at the numbers tells you employers are still hiring," Commerce Secretary Dale Pruitt said.',
    ),
    [
        c(
            "3.1 percent",
            3.1,
            unit=PCT,
            subj=["rate", "unemployment rate"],
            period=["in June", "June"],
        ),
        c(
            "two-tenths of a point higher",
            0.2,
            unit=PTS,
            subj=["rate", "unemployment rate", None],
            change="difference",
            dir="up",
            period=["than in May", "in May", "May"],
        ),
        c(
            "4,600 jobs",
            4600,
            subj="job",
            change=["difference", "level"],
            dir="up",
            period=["over the month", "the month"],
        ),
        c(
            "2,187,300",
            2187300,
            subj=["employment", "wage and salary employment", "salary employment"],
        ),
        c(
            "up 31,900",
            31900,
            subj=["employment", None],
            change="difference",
            dir="up",
            period=["from June of last year", "June of last year"],
        ),
        c("2,100 jobs", 2100, subj="job", change=["difference", "level"], dir="up"),
        c(
            "shed 700",
            700,
            subj=["job", "manufacturing", None],
            change=["difference", "level"],
            dir="down",
        ),
        c(
            "two-tenths of 1 percent",
            0.2,
            unit=PTS,
            subj=["rate", "participation rate", "labor force participation rate"],
            change="difference",
            dir="up",
        ),
        c(
            "57.4%",
            57.4,
            unit=PCT,
            subj=["rate", "participation rate", "labor force participation rate"],
        ),
        c("2.4%", 2.4, unit=PCT, subj=["rate", None]),
        c("8.9 percent", 8.9, unit=PCT, subj=["rate", None]),
    ],
    optional=["67 counties"],
    not_claims=["One look"],
    topic="unemployment",
)

# ---------------------------------------------------------------- rt05 holiday traffic deaths (Ga.)
case(
    "2024-09-03",
    P(
        "ATLANTA — Eleven people died on Georgia roads over the Labor Day weekend, state troopers said, down from 17 during the same holiday period last year.",
        "The Georgia State Patrol worked 362 crashes that injured 214 people between 6 p.m. Friday and midnight Monday. Troopers also arrested 118 drivers on DUI charges, up from 96.",
        "Statewide, 1,112 people have been killed in traffic crashes so far this year, according to the Governor’s Office of Highway Safety. At the same time last year there had been 1,187, about a 6 percent decrease.",
        "Col. Marcus Bell, the patrol’s commander, noted that fewer than three of the weekend’s deaths involved motorcycles.",
    ),
    [
        c(
            "Eleven people",
            11,
            subj=PEOPLE,
            period=["over the Labor Day weekend", "the Labor Day weekend", "Labor Day weekend"],
        ),
        c(
            "17",
            17,
            subj=PEOPLE + ["death", None],
            period=[
                "during the same holiday period last year",
                "the same holiday period last year",
            ],
        ),
        c(
            "362 crashes",
            362,
            subj="crash",
            period=[
                "between 6 p.m. Friday and midnight Monday",
                "6 p.m. Friday and midnight Monday",
            ],
        ),
        c(
            "214 people",
            214,
            subj=PEOPLE,
            period=[
                "between 6 p.m. Friday and midnight Monday",
                "6 p.m. Friday and midnight Monday",
            ],
        ),
        c("118 drivers", 118, subj="driver"),
        c("96", 96, subj=["driver", None]),
        c("1,112 people", 1112, subj=PEOPLE, period="so far this year"),
        c("1,187", 1187, subj=PEOPLE + [None], period="At the same time last year"),
        c(
            "about a 6 percent decrease",
            6,
            unit=PCT,
            q="approximately",
            subj=["decrease", "people", "death", None],
            change="percent_change",
            dir="down",
            period="At the same time last year",
        ),
        c("fewer than three", 3, q="less_than", subj=["death", None], speaker="Marcus Bell"),
    ],
    not_claims=["6 p.m."],
    topic="traffic deaths",
)

# ---------------------------------------------------------------- rt06 appraisals and a city tax rate (Texas)
case(
    "2024-08-14",
    P(
        "PFLUGERVILLE, Texas — Appraised values in Travis County climbed again this year, and so will many tax bills.",
        "The Travis Central Appraisal District set the median market value of a homestead at $512,700, a 4.2% increase from 2023. Commercial property values rose an average of 9 percent.",
        'The Pflugerville City Council on Tuesday proposed a tax rate of 47.8 cents per $100 of valuation, trimmed from 49.5 cents last year. Even so, the owner of a median-valued home would pay about $112 more, said Finance Director Carla Nunez.  "It’s a 2.5-cent cut in the rate, but values outran it," Nunez said.',
        "The council will hold two public hearings before adopting the rate Sept. 17.",
    ),
    [
        c("$512,700", 512700, unit="usd", subj=["value", "market value", "median market value"]),
        c(
            "4.2%",
            4.2,
            unit=PCT,
            subj=["value", "increase", None],
            change="percent_change",
            dir="up",
            period=["from 2023", "2023"],
        ),
        c(
            "an average of 9 percent",
            9,
            unit=PCT,
            subj=["value", "property value", "commercial property value"],
            change="percent_change",
            dir="up",
        ),
        c(
            "47.8 cents",
            [0.478, 47.8],
            unit=["usd", "cents"],
            subj=["rate", "tax rate"],
            paired=True,
        ),
        c(
            "49.5 cents",
            [0.495, 49.5],
            unit=["usd", "cents"],
            subj=["rate", "tax rate", None],
            period="last year",
            paired=True,
        ),
        c(
            "about $112 more",
            112,
            unit="usd",
            q="approximately",
            subj=["bill", "tax", "tax bill", None],
            change="difference",
            dir="up",
            speaker="Carla Nunez",
        ),
        c(
            "2.5-cent cut",
            [0.025, 2.5],
            unit=["usd", "cents"],
            subj=["cut", "rate"],
            change="difference",
            dir="down",
            speaker="Carla Nunez",
            paired=True,
        ),
        c("two public hearings", 2, subj=["hearing", "public hearing"]),
    ],
    optional=["per $100"],
    not_claims=["Sept. 17", "2023"],
    topic="property values, tax rate",
)

# ---------------------------------------------------------------- rt07 911 calls (Ind.)
case(
    "2024-02-07",
    P(
        "TERRE HAUTE, Ind. — The Vigo County 911 center answered 143,560 calls in 2023, an increase of 7 percent over 2022, and director Janelle Ruiz says staffing has not kept up.",
        "Ruiz spoke to county commissioners Tuesday and said dispatchers handle about 393 calls a day, with spikes of more than 600 during storms. The center has 28 full-time telecommunicators but is budgeted for 34.",
        "Misdials from phones in pockets made up roughly 11% of all calls, according to the presentation. Average answer time slid to 9.2 seconds, down from 11.5 seconds.",
        "“In ’17 we were doing this with 22 people,” Ruiz said.",
    ),
    [
        c("143,560 calls", 143560, subj="call", period=["in 2023", "2023"]),
        c(
            "7 percent",
            7,
            unit=PCT,
            subj=["call", "increase", None],
            change="percent_change",
            dir="up",
            period=["over 2022", "2022"],
        ),
        c(
            "about 393 calls a day",
            393,
            unit=None,
            q="approximately",
            subj="call",
            speaker="Janelle Ruiz",
        ),
        c(
            "more than 600",
            600,
            unit=None,
            q="more_than",
            subj=["call", "spike", None],
            period=["during storms"],
            speaker="Janelle Ruiz",
        ),
        c(
            "28 full-time telecommunicators",
            28,
            subj=["telecommunicator", "full-time telecommunicator"],
        ),
        c("34", 34, subj=["telecommunicator", None]),
        c("roughly 11%", 11, unit=PCT, q="approximately", subj=["misdial", "call"]),
        c(
            "9.2 seconds",
            9.2,
            unit=["seconds", "second"],
            subj=["time", "answer time", "average answer time"],
        ),
        c("11.5 seconds", 11.5, unit=["seconds", "second"], subj=["time", "answer time", None]),
        c("22 people", 22, subj=PEOPLE, period=["In ’17", "’17"], speaker="Janelle Ruiz"),
    ],
    not_claims=["911", "’17", "2023", "2022"],
    topic="911 calls",
)

# ---------------------------------------------------------------- rt08 water and sewer rates (N.C.)
case(
    "2024-06-21",
    P(
        "GREENVILLE, N.C. — Greenville Utilities customers will see a 4 percent sewer rate increase and a 2.9% water rate increase starting July 1 under the budget adopted Thursday.",
        "For a typical household using 5,000 gallons a month, the combined bill will rise by $3.86, to $91.40, according to the utility. Electric rates will not change.",
        "The utility’s total budget for fiscal 2025 is $309.7 million, up from $296.2 million this year. General Manager Tony Ashby said the sewer fund alone needs about $46 million for plant upgrades over the next five years.",
        "Customers who pay late will see the penalty climb from $5 to $8.",
    ),
    [
        c(
            "a 4 percent sewer rate increase",
            4,
            unit=PCT,
            subj=["rate", "sewer rate", "increase", "sewer rate increase"],
            change="percent_change",
            dir="up",
        ),
        c(
            "2.9%",
            2.9,
            unit=PCT,
            subj=["rate", "water rate", "increase", "water rate increase"],
            change="percent_change",
            dir="up",
        ),
        c("$3.86", 3.86, unit="usd", subj=["bill", "combined bill"], change="difference", dir="up"),
        c("$91.40", 91.40, unit="usd", subj=["bill", "combined bill"]),
        c(
            "$309.7 million",
            309700000,
            unit="usd",
            subj=["budget", "total budget"],
            period=["for fiscal 2025", "fiscal 2025"],
        ),
        c("$296.2 million", 296200000, unit="usd", subj=["budget", None], period="this year"),
        c(
            "about $46 million",
            46000000,
            unit="usd",
            q="approximately",
            subj=["fund", "sewer fund", "upgrade", "plant upgrade", None],
            period=["over the next five years", "the next five years"],
            speaker="Tony Ashby",
        ),
        c("$5", 5, unit="usd", subj="penalty"),
        c("$8", 8, unit="usd", subj=["penalty", None]),
    ],
    optional=["5,000 gallons", "five years"],
    not_claims=["July 1", "2025"],
    topic="water and sewer rates",
)

# ---------------------------------------------------------------- rt09 jail population and costs (Ky.)
case(
    "2024-06-04",
    P(
        "ELIZABETHTOWN, Ky. — The Hardin County Detention Center held 612 inmates Monday, well over its rated capacity of 480 beds, Jailer Dwight Neal said.",
        "Neal told fiscal court members the jail has averaged 587 inmates a day since January, compared with 541 in the first half of last year. About 190 of them are state inmates, for which Kentucky pays the county $35.34 a day each.",
        "Medical costs climbed to $1.26 million last fiscal year, a 36-percent increase, Neal noted. The jail also spent $218,000 on overtime.",
        "Two deputies have resigned since March, and the jail has 14 openings.",
    ),
    [
        c("612 inmates", 612, subj="inmate", period=["Monday"], speaker="Dwight Neal"),
        c("480 beds", 480, subj=["bed", "capacity"], speaker="Dwight Neal"),
        c(
            "587 inmates a day",
            587,
            unit=None,
            subj="inmate",
            period=["since January", "January"],
            speaker="Dwight Neal",
        ),
        c(
            "541",
            541,
            unit=None,
            subj=["inmate", None],
            period=["in the first half of last year", "the first half of last year"],
            speaker="Dwight Neal",
        ),
        c("About 190", 190, q="approximately", subj=["inmate", "state inmate", None]),
        c("$35.34 a day", 35.34, unit=None, subj=["inmate", "state inmate", None]),
        c(
            "$1.26 million",
            1260000,
            unit="usd",
            subj=["cost", "medical cost"],
            period="last fiscal year",
            speaker="Dwight Neal",
        ),
        c(
            "36-percent increase",
            36,
            unit=PCT,
            subj=["cost", "medical cost", "increase", None],
            change="percent_change",
            dir="up",
            speaker="Dwight Neal",
        ),
        c("$218,000", 218000, unit="usd", subj=["overtime", None]),
        c("Two deputies", 2, subj="deputy", period=["since March", "March"]),
        c("14 openings", 14, subj="opening"),
    ],
    optional=["the first half of last year"],
    topic="jail",
)

# ---------------------------------------------------------------- rt10 primary turnout (Pa.)
case(
    "2024-04-24",
    P(
        "DOYLESTOWN, Pa. — Turnout in Tuesday’s primary reached 31.6 percent of Bucks County’s 467,219 registered voters, county officials said, well above the 22% recorded in the 2022 midterm primary.",
        "Mail ballots made up just over 41% of the 147,630 votes cast. Elections director Gail Pham said her staff had counted all but about 2,400 mail ballots by 11 p.m.",
        "In the race for the 142nd state House District, Helen Cruz led with 8,211 votes to 7,964 for Ray Dobbins, a margin of 247. A recount is automatic when the margin is one-half of 1 percent or less; Cruz’s lead is about 1.5 points.",
    ),
    [
        c(
            "31.6 percent",
            31.6,
            unit=PCT,
            subj="turnout",
            period=["in Tuesday’s primary", "Tuesday’s primary"],
        ),
        c(
            "22%",
            22,
            unit=PCT,
            subj=["turnout", None],
            period=[
                "in the 2022 midterm primary",
                "the 2022 midterm primary",
                "2022 midterm primary",
            ],
        ),
        c("just over 41%", 41, unit=PCT, q="more_than", subj=["ballot", "mail ballot"]),
        c(
            "about 2,400 mail ballots",
            2400,
            q="approximately",
            subj=["ballot", "mail ballot"],
            period=["by 11 p.m."],
            speaker="Gail Pham",
        ),
        c("8,211 votes", 8211, subj="vote"),
        c("7,964", 7964, subj=["vote", None]),
        c("a margin of 247", 247, subj=["margin", "vote", None], change=["level", "difference"]),
        c(
            "about 1.5 points",
            1.5,
            unit=PTS,
            q="approximately",
            subj=["lead", None],
            change=["level", "difference"],
        ),
    ],
    optional=["467,219 registered voters", "147,630 votes", "one-half of 1 percent"],
    not_claims=["11 p.m.", "142nd", ("2022", 0)],
    topic="election turnout",
)

# ---------------------------------------------------------------- rt11 overdose deaths (W.Va.)
case(
    "2024-07-30",
    P(
        "HUNTINGTON, W.Va. — Overdose deaths in Cabell County fell by half in the first half of the year, preliminary figures show, a decline health officials credit in part to the wider spread of naloxone.",
        "The county recorded 38 fatal overdoses from January through June, compared with 77 in the same period of 2023. Nonfatal overdose calls to EMS dropped 27% to 612.",
        "Quick response teams have handed out 3,150 doses of naloxone since January, according to Dr. Kim Alvarez, the county health officer, and the number of people entering treatment after an overdose climbed to 214.",
        "Fentanyl was found in 31 of the 38 deaths.",
    ),
    [
        c(
            "38 fatal overdoses",
            38,
            subj=["overdose", "fatal overdose"],
            period=["from January through June", "January through June"],
        ),
        c(
            "77",
            77,
            subj=["overdose", "fatal overdose", None],
            period=["in the same period of 2023", "the same period of 2023"],
        ),
        c(
            "27%",
            27,
            unit=PCT,
            subj=["call", "overdose call", "nonfatal overdose call"],
            change="percent_change",
            dir="down",
        ),
        c("612", 612, subj=["call", "overdose call", None]),
        c(
            "3,150 doses",
            3150,
            subj="dose",
            period=["since January", "January"],
            speaker="Kim Alvarez",
        ),
        c("214", 214, subj=["number", "people", "person", None], speaker="Kim Alvarez"),
        c("31 of the", 31, subj=["death", None]),
    ],
    optional=["fell by half", "the 38 deaths", "the first half of the year"],
    not_claims=["2023"],
    topic="overdose deaths",
)

# ---------------------------------------------------------------- rt12 home prices (Idaho)
case(
    "2024-04-11",
    P(
        "BOISE, Idaho — The median price of a home sold in Ada County dipped to $529,900 in March, a dip of 1.8% from a year earlier, according to Boise Regional Realtors.",
        "Sales rebounded, though. Agents closed 684 homes during the month, 59 more than in March 2023, and new listings gained 12 percent. Homes spent an average of 41 days on the market, up from 33.",
        '"Buyers have more choices than they have had since ’19," said Noah Whitcomb, the group’s president. Inventory stood at 1,412 homes, about 2.1 months of supply.',
        "In neighboring Canyon County, the median slid to $419,000.",
    ),
    [
        c(
            "$529,900",
            529900,
            unit="usd",
            subj=["price", "median price"],
            period=["in March", "March"],
        ),
        c(
            "a dip of 1.8%",
            1.8,
            unit=PCT,
            subj=["price", "dip", None],
            change="percent_change",
            dir="down",
            period=["from a year earlier", "a year earlier"],
        ),
        c("684 homes", 684, subj="home", period=["during the month", "the month"]),
        c(
            "59 more",
            59,
            subj=["home", None],
            change="difference",
            dir="up",
            period=["than in March 2023", "March 2023"],
        ),
        c(
            "12 percent",
            12,
            unit=PCT,
            subj=["listing", "new listing"],
            change="percent_change",
            dir="up",
        ),
        c("an average of 41 days", 41, unit=["days", "day"], subj=["day", "home", "average", None]),
        c("33", 33, unit=["days", "day"], subj=["day", "home", "average", None]),
        c("1,412 homes", 1412, subj=["home", "inventory"]),
        c(
            "about 2.1 months",
            2.1,
            unit=["months", "month"],
            q="approximately",
            subj=["supply", "month", "inventory"],
        ),
        c("$419,000", 419000, unit="usd", subj=["median", "price", None]),
    ],
    not_claims=["’19", "2023"],
    topic="home prices",
)

# ---------------------------------------------------------------- rt13 tourism (Tenn.)
case(
    "2025-02-20",
    P(
        "SEVIERVILLE, Tenn. — Hotels and cabins in Sevier County collected $61.8 million in lodging taxes in fiscal 2024, a record, and visitor spending topped $3.4 billion, the county tourism office said.",
        "Occupancy averaged 68.5% over the year but dropped to 54% in January and February. Cabin rentals listed on online platforms rose to 14,800 units, roughly 1,300 more than the year before.",
        "“People are staying longer, 3 1/2 nights on average,” said Robert Ealy, who heads the Gatlinburg Convention and Visitors Bureau.",
        "The Great Smoky Mountains National Park counted 12.2 million recreation visits in 2024, down about 7% from 13.3 million in 2023.",
    ),
    [
        c(
            "$61.8 million",
            61800000,
            unit="usd",
            subj=["tax", "lodging tax"],
            period=["in fiscal 2024", "fiscal 2024"],
        ),
        c(
            "topped $3.4 billion",
            3400000000,
            unit="usd",
            q=["more_than", "exact"],
            subj=["spending", "visitor spending"],
        ),
        c("68.5%", 68.5, unit=PCT, subj="occupancy", period=["over the year", "the year"]),
        c(
            "54%",
            54,
            unit=PCT,
            subj=["occupancy", None],
            period=["in January and February", "January and February"],
        ),
        c("14,800 units", 14800, subj=["unit", "rental", "cabin rental"]),
        c(
            "roughly 1,300 more",
            1300,
            q="approximately",
            subj=["unit", "rental", None],
            change="difference",
            dir="up",
            period=["than the year before", "the year before"],
        ),
        c(
            "3 1/2 nights",
            3.5,
            unit=["nights", "night"],
            subj=["night", "stay", None],
            speaker="Robert Ealy",
        ),
        c(
            "12.2 million recreation visits",
            12200000,
            subj=["visit", "recreation visit"],
            period=["in 2024", "2024"],
        ),
        c(
            "about 7%",
            7,
            unit=PCT,
            q="approximately",
            subj=["visit", "recreation visit", None],
            change="percent_change",
            dir="down",
            period=["from 13.3 million in 2023", "in 2023"],
        ),
        c("13.3 million", 13300000, subj=["visit", None], period=["in 2023", "2023"]),
    ],
    not_claims=["fiscal 2024", ("2024", 1), "2023"],
    topic="tourism",
)

# ---------------------------------------------------------------- rt14 windstorm and outages (Neb.)
case(
    "2024-07-05",
    P(
        "OMAHA, Neb. — Straight-line winds of up to 90 mph tore through the metro area early Wednesday, leaving about 183,000 Omaha Public Power District customers in the dark at the peak of the storm.",
        "By Thursday evening crews had restored power to all but 41,000, OPPD spokesperson Jodi Kramer said. More than 400 utility poles were snapped, nearly three times as many as in the June 2023 derecho.",
        "The National Weather Service measured 1.74 inches of rain at Eppley Airfield in less than an hour. Hail as large as 2 inches fell near Elkhorn.",
        "Douglas County emergency managers said 9 homes were declared uninhabitable.  No deaths were reported, but two people were hurt by falling limbs.",
    ),
    [
        c(
            "up to 90 mph",
            90,
            unit="mph",
            q="at_most",
            subj=["wind", "straight-line wind"],
            period=["early Wednesday", "Wednesday"],
        ),
        c(
            "about 183,000",
            183000,
            q="approximately",
            subj="customer",
            period=["at the peak of the storm", "the peak of the storm", "early Wednesday"],
        ),
        c(
            "41,000",
            41000,
            subj=["customer", None],
            period=["By Thursday evening", "Thursday evening"],
            speaker="Jodi Kramer",
        ),
        c("More than 400 utility poles", 400, q="more_than", subj=["pole", "utility pole"]),
        c("1.74 inches", 1.74, unit=INCH, subj="rain"),
        c("as large as 2 inches", 2, unit=INCH, q="at_most", subj="hail"),
        c("9 homes", 9, subj="home"),
        c("two people", 2, subj=PEOPLE),
    ],
    optional=["nearly three times as many"],
    not_claims=["2023"],
    topic="storm, power outages",
)

# ---------------------------------------------------------------- rt15 school budget and millage (Pa.)
case(
    "2025-05-13",
    P(
        "MILLERSVILLE, Pa. — The Penn Manor School Board gave preliminary approval Monday to a $112.4 million budget for the 2025-26 school year that would raise property taxes by 3.2%.",
        "The increase would lift the millage rate from 18.42 to 19.01 mills. For a property assessed at $150,000, the average in the district, that means a tax bill of $2,852, or about $89 more, business manager Trish Kellogg said.",
        "Kellogg said health insurance premiums are climbing 11 percent, and the district’s contribution to the state pension system will add $640,000. Enrollment, which was 5,522 in October, is expected to hold steady.",
        "The board voted 7-2. A final vote is set for June 9.",
    ),
    [
        c(
            "$112.4 million",
            112400000,
            unit="usd",
            subj="budget",
            period=[
                "for the 2025-26 school year",
                "the 2025-26 school year",
                "2025-26 school year",
            ],
        ),
        c(
            "3.2%",
            3.2,
            unit=PCT,
            subj=["tax", "property tax"],
            change="percent_change",
            dir="up",
            period=[
                "for the 2025-26 school year",
                "the 2025-26 school year",
                "2025-26 school year",
            ],
        ),
        c("18.42", 18.42, unit=MILLS, subj=["rate", "millage rate"]),
        c("19.01 mills", 19.01, unit=MILLS, subj=["rate", "millage rate"]),
        c("$2,852", 2852, unit="usd", subj=["bill", "tax bill"], speaker="Trish Kellogg"),
        c(
            "about $89 more",
            89,
            unit="usd",
            q="approximately",
            subj=["bill", "tax bill", None],
            change="difference",
            dir="up",
            speaker="Trish Kellogg",
        ),
        c(
            "11 percent",
            11,
            unit=PCT,
            subj=["premium", "insurance premium", "health insurance premium"],
            change="percent_change",
            dir="up",
            speaker="Trish Kellogg",
        ),
        c(
            "$640,000",
            640000,
            unit="usd",
            subj=["contribution", None],
            change=["difference", "level"],
            dir="up",
            speaker="Trish Kellogg",
        ),
        c("5,522", 5522, subj="enrollment", period=["in October", "October"]),
    ],
    optional=["$150,000", "7-2"],
    not_claims=["2025-26", "June 9"],
    topic="school budget, millage",
)

# ---------------------------------------------------------------- rt16 layoffs and jobless rate (Mich.)
case(
    "2024-08-29",
    P(
        "KALAMAZOO, Mich. — An auto parts supplier will lay off 236 workers at its Portage plant by the end of October, the company said in a notice filed with the state.",
        "The cuts amount to roughly a third of the plant’s workforce. The company employed about 710 people at the site in January; it added 85 jobs there as recently as 2022.",
        "Kalamazoo County’s jobless rate was 4.7 percent in July, up from 3.9% a year ago, according to state figures. The county lost an estimated 1,900 manufacturing jobs over the past 12 months.",
        "“We’ll have counselors on site for the 236 and their families,” said Denise Oyelaran, director of the regional Michigan Works! office.",
    ),
    [
        c(
            "236 workers",
            236,
            subj="worker",
            period=["by the end of October", "the end of October"],
        ),
        c(
            "about 710 people",
            710,
            q="approximately",
            subj=PEOPLE,
            period=["in January", "January"],
        ),
        c(
            "85 jobs",
            85,
            subj="job",
            change=["difference", "level"],
            dir="up",
            period=["as recently as 2022", "2022"],
        ),
        c("4.7 percent", 4.7, unit=PCT, subj=["rate", "jobless rate"], period=["in July", "July"]),
        c("3.9%", 3.9, unit=PCT, subj=["rate", "jobless rate", None], period=["a year ago"]),
        c(
            "an estimated 1,900 manufacturing jobs",
            1900,
            q="approximately",
            subj=["job", "manufacturing job"],
            change=["difference", "level"],
            dir="down",
            period=["over the past 12 months", "the past 12 months"],
        ),
        c("236", 236, nth=1, subj=["worker", None], speaker="Denise Oyelaran"),
    ],
    optional=["roughly a third", "12 months"],
    not_claims=["2022"],
    topic="layoffs, jobless rate",
)

# ---------------------------------------------------------------- rt17 court caseload (Ariz.)
case(
    "2024-10-02",
    P(
        "PHOENIX — Maricopa County Superior Court judges resolved 41,203 criminal cases in fiscal 2024, about 9 percent more than the year before, according to the court’s annual report.",
        "The backlog of felony cases older than one year was cut by 1,150, to 3,870. Median time from filing to disposition slid to 214 days.",
        "Jury trials climbed to 512, the most since '09, and the court summoned nearly 390,000 residents for jury duty. Only 4.6% of those summoned served.",
        "Presiding Judge Alicia Romero said the court still needs 12 more judges.",
    ),
    [
        c(
            "41,203 criminal cases",
            41203,
            subj=["case", "criminal case"],
            period=["in fiscal 2024", "fiscal 2024"],
        ),
        c(
            "about 9 percent more",
            9,
            unit=PCT,
            q="approximately",
            subj=["case", None],
            change="percent_change",
            dir="up",
            period=["than the year before", "the year before"],
        ),
        c(
            "1,150",
            1150,
            subj=["backlog", "case", "felony case", None],
            change="difference",
            dir="down",
        ),
        c("3,870", 3870, subj=["backlog", "case", "felony case"]),
        c("214 days", 214, unit=["days", "day"], subj=["time", "median time"]),
        c("512", 512, subj=["trial", "jury trial"]),
        c("nearly 390,000 residents", 390000, q="almost", subj="resident"),
        c("4.6%", 4.6, unit=PCT, subj=["those", "resident", "juror", None]),
        c(
            "12 more judges",
            12,
            subj="judge",
            change=["difference", "level"],
            dir="up",
            speaker="Alicia Romero",
        ),
    ],
    optional=["one year"],
    not_claims=["'09", "2024"],
    topic="court caseload",
)

# ---------------------------------------------------------------- rt18 guns seized, shootings, lab backlog (Md.)
case(
    "2024-04-12",
    P(
        "BALTIMORE — In 2019, 31 of the 88 rifles recovered by city police were so-called ghost guns, a share that has since tripled, Police Commissioner Ivan Haskell told the council Thursday.",
        "Through April 9, officers had seized 611 firearms, a pace of about 44 guns a week. In the same period of 2023 they had taken 702. Haskell said 140 had been wounded in non-fatal shootings so far this year and 43 killed.",
        "Evidence technicians test-fired 811 rounds in March, he said. The lab’s backlog stands at 1,630 analyses, down from 2074 at the same time last year, and Haskell wants it trimmed by another 20% in the 2024-25 fiscal year.",
    ),
    [
        c(
            "31",
            31,
            subj=["rifle", "ghost gun", "gun"],
            period=["In 2019", "2019"],
            speaker="Ivan Haskell",
        ),
        c("611 firearms", 611, subj="firearm", period=["Through April 9", "April 9"]),
        c(
            "about 44 guns a week",
            44,
            unit=None,
            q="approximately",
            subj="gun",
            period=["Through April 9", "April 9"],
        ),
        c(
            "702",
            702,
            subj=["firearm", None],
            period=["In the same period of 2023", "the same period of 2023"],
        ),
        c(
            "140",
            140,
            subj=["shooting", "non-fatal shooting"] + PEOPLE + [None],
            period="so far this year",
            speaker="Ivan Haskell",
        ),
        c(
            "43 killed",
            43,
            subj=PEOPLE + ["shooting", None],
            period="so far this year",
            speaker="Ivan Haskell",
        ),
        c("811 rounds", 811, subj="round", period=["in March", "March"], speaker="Ivan Haskell"),
        c("1,630 analyses", 1630, subj=["analysis", "backlog"]),
        c(
            "2074",
            2074,
            subj=["analysis", "backlog", None],
            period=["at the same time last year", "the same time last year"],
        ),
        c(
            "another 20%",
            20,
            unit=PCT,
            subj=["backlog", None],
            change="percent_change",
            dir="down",
            period=["in the 2024-25 fiscal year", "the 2024-25 fiscal year", "2024-25 fiscal year"],
            speaker="Ivan Haskell",
        ),
    ],
    optional=["the 88 rifles", "tripled"],
    not_claims=["2019", "April 9", "2023", "2024-25"],
    topic="guns, shootings",
)

# ---------------------------------------------------------------- rt19 electric rates (Calif.)
case(
    "2024-09-20",
    P(
        "SACRAMENTO — The Sacramento Municipal Utility District board voted Thursday to raise residential electric rates 2.75 percent in 2025 and another 2.75 percent in 2026, increases the utility says will add about $4.60 to the average monthly bill of $153.",
        "SMUD serves roughly 670,000 customers. The plan also lifts the fixed infrastructure charge by $2 a month, to $26.65, and trims the discount for low-income households from 35 to 30 percent.",
        "“Nobody likes a rate increase,” board president Gregg Ford said, noting that the district’s rates remain about 50% below those of PG&E.",
    ),
    [
        c(
            "2.75 percent",
            2.75,
            unit=PCT,
            subj=["rate", "electric rate", "residential electric rate"],
            change="percent_change",
            dir="up",
            period=["in 2025", "2025"],
        ),
        c(
            "another 2.75 percent",
            2.75,
            unit=PCT,
            subj=["rate", "electric rate", None],
            change="percent_change",
            dir="up",
            period=["in 2026", "2026"],
        ),
        c(
            "about $4.60",
            4.60,
            unit="usd",
            q="approximately",
            subj=["bill", "monthly bill", "increase", None],
            change="difference",
            dir="up",
        ),
        c("$153", 153, unit="usd", subj=["bill", "monthly bill", "average monthly bill"]),
        c("roughly 670,000 customers", 670000, q="approximately", subj="customer"),
        c(
            "$2 a month",
            2,
            unit=None,
            subj=["charge", "infrastructure charge"],
            change="difference",
            dir="up",
        ),
        c("$26.65", 26.65, unit="usd", subj=["charge", "infrastructure charge", None]),
        c("35", 35, unit=PCT, subj="discount"),
        c("30 percent", 30, unit=PCT, subj="discount"),
        c(
            "about 50%",
            50,
            unit=PCT,
            q="approximately",
            subj=["rate", None],
            change=["percent_change", "level"],
            dir="down",
            speaker="Gregg Ford",
        ),
    ],
    not_claims=["2025", "2026"],
    topic="electric rates",
)

# ---------------------------------------------------------------- rt20 population estimates (Utah)
case(
    "2024-03-15",
    P(
        "ST. GEORGE, Utah — Washington County gained 6,214 residents between July 2022 and July 2023, growing 3.1% to an estimated 204,000, according to Census Bureau figures released Thursday.",
        "The county’s population has climbed by about 45,000 over the past decade. St. George itself added 2,900 people, while Hurricane grew 5.1 percent.",
        "Net migration accounted for more than 5,400 of the new residents; births outnumbered deaths by fewer than 900.",
        '"We are building 2,000 homes a year and still can’t keep up," said county commissioner Adam Tolley.',
    ),
    [
        c(
            "6,214 residents",
            6214,
            subj="resident",
            change="difference",
            dir="up",
            period=["between July 2022 and July 2023", "July 2022 and July 2023"],
        ),
        c(
            "3.1%",
            3.1,
            unit=PCT,
            subj=["population", "county", None],
            change="percent_change",
            dir="up",
            period=["between July 2022 and July 2023", "July 2022 and July 2023"],
        ),
        c(
            "an estimated 204,000",
            204000,
            q="approximately",
            subj=["population", "resident", None],
            period=["between July 2022 and July 2023", "July 2023"],
        ),
        c(
            "about 45,000",
            45000,
            q="approximately",
            subj=["population", None],
            change="difference",
            dir="up",
            period=["over the past decade", "the past decade"],
        ),
        c("2,900 people", 2900, subj=PEOPLE, change="difference", dir="up"),
        c(
            "5.1 percent",
            5.1,
            unit=PCT,
            subj=["population", None],
            change="percent_change",
            dir="up",
        ),
        c(
            "more than 5,400",
            5400,
            q="more_than",
            subj=["resident", "new resident", "migration", None],
        ),
        c(
            "fewer than 900",
            900,
            q="less_than",
            subj=["birth", None],
            change=["difference", "level"],
            dir="up",
        ),
        c("2,000 homes a year", 2000, unit=None, subj="home", speaker="Adam Tolley"),
    ],
    not_claims=["July 2022", "July 2023"],
    topic="population",
)

# ---------------------------------------------------------------- rt21 warehouse fire (Va.)
case(
    "2022-08-08",
    P(
        "DANVILLE, Va. —  A two-alarm fire gutted a vacant warehouse on Bridge Street late Saturday, and firefighters carried a dachshund weighing 7lbs out of a smoke-filled house next door.",
        "About 45 firefighters from five companies fought the blaze for more than three hours, said Dana Cole, a volunteer with the rescue squad. Temperatures near 95 degrees sent two firefighters to the hospital with heat exhaustion.",
        "Fire Marshal Lee Whitt put the loss at roughly $850,000. The city has had 14 structure fires since Jan. 1, compared with 22 over the same span last year.",
        "Whitt said his inspectors wrote 126 code violations in the first three quarters of 2021 and are already past that number this year.",
    ),
    [
        c("7lbs", 7, unit=LBS, subj=["dachshund", "dog", "weight"]),
        c("About 45 firefighters", 45, q="approximately", subj="firefighter", speaker="Dana Cole"),
        c("five companies", 5, subj="company", speaker="Dana Cole"),
        c(
            "near 95 degrees",
            95,
            unit=["degrees", "degree"],
            q=["approximately", "almost"],
            subj="temperature",
        ),
        c("two firefighters", 2, subj="firefighter"),
        c(
            "roughly $850,000",
            850000,
            unit="usd",
            q="approximately",
            subj="loss",
            speaker="Lee Whitt",
        ),
        c(
            "14 structure fires",
            14,
            subj=["fire", "structure fire"],
            period=["since Jan. 1", "Jan. 1"],
        ),
        c(
            "22",
            22,
            subj=["fire", "structure fire", None],
            period=["over the same span last year", "the same span last year"],
        ),
        c(
            "126 code violations",
            126,
            subj=["violation", "code violation"],
            period=[
                "in the first three quarters of 2021",
                "the first three quarters of 2021",
                "first three quarters of 2021",
            ],
            speaker="Lee Whitt",
        ),
    ],
    optional=["more than three hours", "first three quarters"],
    not_claims=["two-alarm", "Jan. 1", "2021"],
    topic="fire",
)

# ---------------------------------------------------------------- rt22 traffic deaths and rates (Mont.)
case(
    "2024-05-22",
    P(
        "HELENA, Mont. — Montana recorded 213 traffic deaths last year, a rate of 18.9 for every 100,000 people and more than 50% above the national rate of 12.2 per 100,000 residents, the state Department of Transportation reported.",
        "Of those killed, 94 were not wearing seat belts and 81 died in crashes involving a driver impaired by alcohol or drugs. Deaths on tribal lands rose to 37.",
        "So far this year, 97 people have died on Montana roads as of Tuesday, 12 fewer than at this point in 2023.",
        "“An 11 percent drop isn’t a victory when you’re still burying that many people,” said Sgt. Kyle Brandt of the Montana Highway Patrol.",
    ),
    [
        c("213 traffic deaths", 213, subj=["death", "traffic death"], period="last year"),
        c("18.9", 18.9, unit=None, subj=["rate", "death"], period="last year"),
        c(
            "more than 50%",
            50,
            unit=PCT,
            q="more_than",
            subj=["rate", None],
            change=["percent_change", "level"],
            dir="up",
            period="last year",
        ),
        c("12.2", 12.2, unit=None, subj=["rate", "national rate"], period="last year"),
        c("94", 94, subj=["those", "people", "person", None]),
        c("81", 81, subj=["those", "people", "person", "crash", None]),
        c("37", 37, subj=["death", None]),
        c("97 people", 97, subj=PEOPLE, period=["So far this year", "as of Tuesday"]),
        c(
            "12 fewer",
            12,
            subj=PEOPLE + [None],
            change="difference",
            dir="down",
            period=["than at this point in 2023", "at this point in 2023", "this point in 2023"],
        ),
        c(
            "An 11 percent drop",
            11,
            unit=PCT,
            subj=["drop", "death", None],
            change="percent_change",
            dir="down",
            speaker="Kyle Brandt",
        ),
    ],
    optional=["for every 100,000 people", "per 100,000 residents"],
    not_claims=["2023"],
    topic="traffic deaths, rates",
)

# ---------------------------------------------------------------- rt23 school buses (Md.)
case(
    "2024-03-06",
    P(
        "ROCKVILLE, Md. — Montgomery County Public Schools will replace 86 diesel buses with electric models by June, bringing its electric fleet to 412 of roughly 1,400 buses, transportation chief Ana Ibarra says.",
        "Each electric bus costs about $435,000, roughly three times the price of a diesel one, though a federal grant covers $395,000 of that. The district’s buses travel an estimated 110,000 miles a day.",
        "Ibarra said driver vacancies were cut by more than half since last fall, to 38. Routes start as early as 6:10 a.m., and the buses carry about 100,000 students daily.",
    ),
    [
        c(
            "86 diesel buses",
            86,
            subj=["bus", "diesel bus"],
            period=["by June", "June"],
            speaker="Ana Ibarra",
        ),
        c(
            "412",
            412,
            subj=["bus", "fleet", "electric fleet"],
            period=["by June", "June"],
            speaker="Ana Ibarra",
        ),
        c(
            "about $435,000",
            435000,
            unit="usd",
            q="approximately",
            subj=["bus", "electric bus", "cost"],
        ),
        c("$395,000", 395000, unit="usd", subj=["grant", "federal grant"]),
        c(
            "an estimated 110,000 miles a day",
            110000,
            unit=None,
            q="approximately",
            subj=["mile", "bus"],
        ),
        c(
            "38",
            38,
            subj=["vacancy", "driver vacancy"],
            period=["since last fall", "last fall"],
            speaker="Ana Ibarra",
        ),
        c("about 100,000 students", 100000, q="approximately", subj="student", unit=None),
    ],
    optional=["roughly 1,400 buses", "roughly three times", "more than half"],
    not_claims=["6:10 a.m.", "a diesel one"],
    topic="school buses",
)

# ---------------------------------------------------------------- rt24 vaccine doses, cases (Wis.)
case(
    "2023-10-16",
    P(
        "EAU CLAIRE, Wis. — The Eau Claire City-County Health Department gave 511 doses of the updated COVID-19 vaccine at its clinic on Friday, nearly double what it gave the first week of October.",
        "Since September, 7,860 county residents have received the updated shot, about 7.5% of the population, the department said. People ages 65 and older made up 4,120 of them.",
        "The county reported 96 new cases over the past week and three deaths. Wastewater readings climbed for a third straight week, and hospitals in the region were caring for 23 COVID patients as of Wednesday, up from 14.",
        "“We have plenty of vaccine,” said health educator Mai Vang. “We ordered 1,200 doses for next week.”",
    ),
    [
        c("511 doses", 511, subj="dose", period=["on Friday", "Friday"]),
        c(
            "7,860 county residents",
            7860,
            subj=["resident", "county resident"],
            period=["Since September", "September"],
        ),
        c(
            "about 7.5%",
            7.5,
            unit=PCT,
            q="approximately",
            subj=["population", "resident", None],
            period=["Since September", "September"],
        ),
        c("4,120", 4120, subj=PEOPLE + ["resident", None]),
        c(
            "96 new cases",
            96,
            subj=["case", "new case"],
            period=["over the past week", "the past week"],
        ),
        c("three deaths", 3, subj="death", period=["over the past week", "the past week"]),
        c(
            "23 COVID patients",
            23,
            subj=["patient", "covid patient"],
            period=["as of Wednesday", "Wednesday"],
        ),
        c("14", 14, subj=["patient", None]),
        c(
            "1,200 doses",
            1200,
            subj="dose",
            period=["for next week", "next week"],
            speaker="Mai Vang",
        ),
    ],
    optional=["nearly double"],
    not_claims=["COVID-19", "65", "third straight week"],
    topic="COVID vaccine, cases",
)

# ---------------------------------------------------------------- rt25 city budget (Ohio)
case(
    "2024-11-14",
    P(
        "DAYTON, Ohio — Dayton’s general fund budget for 2025 comes in at $219.4 million, up 3.4 percent, but the city expects income tax collections to rise by only about 1.5%.",
        "City Manager Rhonda Ellis told commissioners Wednesday that the police overtime budget was cut by $1.1 million, to $6.8 million. The city will hold 62 positions vacant and add 14 firefighters.",
        "The income tax, levied at 2.5 percent, brings in roughly 70% of general fund revenue.  “We are not out of the woods,” Ellis said, estimating a deficit of $4 million to $6 million by 2027.",
    ),
    [
        c(
            "$219.4 million",
            219400000,
            unit="usd",
            subj=["budget", "general fund budget", "fund budget"],
            period=["for 2025", "2025"],
        ),
        c(
            "up 3.4 percent",
            3.4,
            unit=PCT,
            subj=["budget", None],
            change="percent_change",
            dir="up",
            period=["for 2025", "2025"],
        ),
        c(
            "about 1.5%",
            1.5,
            unit=PCT,
            q="approximately",
            subj=["collection", "income tax collection", "tax collection"],
            change="percent_change",
            dir="up",
        ),
        c(
            "$1.1 million",
            1100000,
            unit="usd",
            subj=["budget", "overtime budget", "police overtime budget"],
            change="difference",
            dir="down",
            speaker="Rhonda Ellis",
        ),
        c(
            "$6.8 million",
            6800000,
            unit="usd",
            subj=["budget", "overtime budget", "police overtime budget"],
            speaker="Rhonda Ellis",
        ),
        c("62 positions", 62, subj="position"),
        c("14 firefighters", 14, subj="firefighter", change=["level", "difference"], dir="up"),
        c("2.5 percent", 2.5, unit=PCT, subj=["tax", "income tax", "rate"]),
        c(
            "roughly 70%",
            70,
            unit=PCT,
            q="approximately",
            subj=["revenue", "general fund revenue", "fund revenue"],
        ),
        c(
            "$4 million to $6 million",
            4000000,
            6000000,
            unit="usd",
            q="range",
            subj="deficit",
            period=["by 2027", "2027"],
            speaker="Rhonda Ellis",
        ),
    ],
    not_claims=["2025", "2027"],
    topic="city budget",
)

# ---------------------------------------------------------------- rt26 drug seizures (Tenn.)
case(
    "2024-02-27",
    P(
        "CHATTANOOGA, Tenn. — Hamilton County deputies seized 14.6 pounds of methamphetamine, 320 grams of fentanyl and 27 firearms during a two-week operation that ended Sunday, the sheriff’s office said.",
        "The operation led to 61 arrests. Most of those charged were between the ages of 18 and 30, according to Sheriff Austin Garrett, and 12 were already on probation.",
        "Garrett said fentanyl seizures in the county have more than doubled since ’21. Deputies took 9.1 kilograms off the streets last year, compared with 4.2 kilograms in 2021. The drug is so potent that 2 milligrams can be fatal, he said.",
    ),
    [
        c("14.6 pounds", 14.6, unit=LBS, subj=["methamphetamine", "pound"]),
        c("320 grams", 320, unit=["grams", "gram", "g"], subj=["fentanyl", "gram"]),
        c("27 firearms", 27, subj="firearm"),
        c("61 arrests", 61, subj="arrest"),
        c("12 were", 12, subj=PEOPLE + ["those", None], speaker="Austin Garrett"),
        c(
            "9.1 kilograms",
            9.1,
            unit=["kilograms", "kilogram", "kg"],
            subj=["fentanyl", "kilogram", None],
            period="last year",
        ),
        c(
            "4.2 kilograms",
            4.2,
            unit=["kilograms", "kilogram", "kg"],
            subj=["fentanyl", "kilogram", None],
            period=["in 2021", "2021"],
        ),
        c(
            "2 milligrams",
            2,
            unit=["milligrams", "milligram", "mg"],
            subj=["drug", "fentanyl", "milligram", None],
            speaker="Austin Garrett",
        ),
    ],
    optional=["two-week", "more than doubled"],
    not_claims=["between the ages of 18 and 30", "’21", "2021"],
    topic="drug seizures",
)

# ---------------------------------------------------------------- rt27 drought and water use (Texas)
case(
    "2024-09-10",
    P(
        "SAN ANTONIO — The Edwards Aquifer fell to 629.4 feet at the J-17 well Monday, nearly 11 feet below where it stood a year ago, keeping the city under Stage 3 watering rules.",
        "San Antonio Water System customers used an average of 112 gallons per person per day in August, down from 121 in August 2023, SAWS spokesperson Anne Hurtado said. The utility has logged 3,480 watering violations since April and issued fines totaling $187,250.",
        "Rainfall at the airport since January totals 14.2 inches, about 7 inches below normal. Lawn sprinklers are not the only strain: the number of pool-fill permits has halved since spring.",
    ),
    [
        c(
            "629.4 feet",
            629.4,
            unit=["feet", "foot", "ft"],
            subj=["aquifer", "level", "well", None],
            period=["Monday"],
        ),
        c(
            "nearly 11 feet",
            11,
            unit=["feet", "foot", "ft"],
            q="almost",
            subj=["aquifer", "level", None],
            change="difference",
            dir="down",
            period=["a year ago"],
        ),
        c(
            "an average of 112 gallons",
            112,
            unit=None,
            subj=["gallon", "average", "customer"],
            period=["in August", "August"],
            speaker="Anne Hurtado",
        ),
        c(
            "121",
            121,
            unit=None,
            subj=["gallon", "average", None],
            period=["in August 2023", "August 2023"],
            speaker="Anne Hurtado",
        ),
        c(
            "3,480 watering violations",
            3480,
            subj=["violation", "watering violation"],
            period=["since April", "April"],
        ),
        c("$187,250", 187250, unit="usd", subj=["fine", None]),
        c("14.2 inches", 14.2, unit=INCH, subj="rainfall", period=["since January", "January"]),
        c(
            "about 7 inches below normal",
            7,
            unit=INCH,
            q="approximately",
            subj=["rainfall", None],
            change="difference",
            dir="down",
            period=["since January", "January"],
        ),
    ],
    optional=["halved"],
    not_claims=["J-17", "Stage 3", "2023"],
    topic="drought, water use",
)

# ---------------------------------------------------------------- rt28 hospital finances (Iowa)
case(
    "2024-10-25",
    P(
        "CEDAR RAPIDS, Iowa — Mercy Medical Center ended fiscal 2024 with an operating loss of $9.3 million, narrower than the $14.7 million loss the year before, hospital officials said Thursday.",
        "Emergency department visits gained 4 percent, to 61,400, while inpatient admissions slipped 2.2 percent. The hospital has 445 licensed beds but staffed an average of 301 during the year.",
        'Chief Financial Officer Liz Dunham said contract nursing costs were trimmed by 40%, saving about $6 million.  "We went from 120 traveling nurses to 31," Dunham said.',
    ),
    [
        c(
            "$9.3 million",
            9300000,
            unit="usd",
            subj=["loss", "operating loss"],
            period=["fiscal 2024"],
        ),
        c("$14.7 million", 14700000, unit="usd", subj="loss", period=["the year before"]),
        c(
            "4 percent",
            4,
            unit=PCT,
            subj=["visit", "emergency department visit", "department visit"],
            change="percent_change",
            dir="up",
        ),
        c("61,400", 61400, subj=["visit", None]),
        c(
            "2.2 percent",
            2.2,
            unit=PCT,
            subj=["admission", "inpatient admission"],
            change="percent_change",
            dir="down",
        ),
        c("445 licensed beds", 445, subj=["bed", "licensed bed"]),
        c(
            "an average of 301",
            301,
            subj=["bed", "average", None],
            period=["during the year", "the year"],
        ),
        c(
            "40%",
            40,
            unit=PCT,
            subj=["cost", "nursing cost", "contract nursing cost"],
            change="percent_change",
            dir="down",
            speaker="Liz Dunham",
        ),
        c(
            "about $6 million",
            6000000,
            unit="usd",
            q="approximately",
            subj=["saving", "cost", None],
            change=["level", "difference"],
            dir="down",
            speaker="Liz Dunham",
        ),
        c("120 traveling nurses", 120, subj=["nurse", "traveling nurse"], speaker="Liz Dunham"),
        c("31", 31, subj=["nurse", "traveling nurse", None], speaker="Liz Dunham"),
    ],
    not_claims=["2024"],
    topic="hospital finances",
)

# ---------------------------------------------------------------- rt29 homicides, headline attribution (Tenn.)
case(
    "2024-06-18",
    P(
        "Homicides down by a third in Memphis so far, chief says",
        "MEMPHIS, Tenn. — Memphis has recorded 121 homicides since Jan. 1, down from 183 at this point last year, according to Police Chief Arlene Travers.",
        "Travers spoke at a news conference Monday and said non-fatal shootings fell to 612, while carjackings were down 28%. Officers have taken 2,950 guns off the streets this year, or roughly 120 a week.",
        "The city’s homicide rate last year was 40.6 per 100,000 residents. “Twice as many cops on the street at night made a difference,” Travers said, adding that the department has hired 214 officers since ’23 but still has about 400 openings.",
    ),
    [
        c(
            "121 homicides",
            121,
            subj="homicide",
            period=["since Jan. 1", "Jan. 1"],
            speaker="Arlene Travers",
        ),
        c(
            "183",
            183,
            subj=["homicide", None],
            period=["at this point last year", "this point last year"],
            speaker="Arlene Travers",
        ),
        c("612", 612, subj=["shooting", "non-fatal shooting"], speaker="Arlene Travers"),
        c(
            "28%",
            28,
            unit=PCT,
            subj="carjacking",
            change="percent_change",
            dir="down",
            speaker="Arlene Travers",
        ),
        c("2,950 guns", 2950, subj="gun", period="this year"),
        c(
            "roughly 120 a week",
            120,
            unit=None,
            q="approximately",
            subj=["gun", None],
            period="this year",
        ),
        c("40.6", 40.6, unit=None, subj=["rate", "homicide rate"], period="last year"),
        c(
            "214 officers",
            214,
            subj="officer",
            period=["since ’23", "’23"],
            speaker="Arlene Travers",
        ),
        c("about 400 openings", 400, q="approximately", subj="opening", speaker="Arlene Travers"),
    ],
    optional=["down by a third", "per 100,000 residents", "Twice as many"],
    not_claims=["Jan. 1", "’23"],
    topic="homicides, shootings",
)

# ---------------------------------------------------------------- rt30 gas prices (Fla.)
case(
    "2024-04-15",
    P(
        "ORLANDO, Fla. — Florida drivers paid an average of $3.41 for a gallon of regular on Monday, 11 cents more than a week ago, according to AAA.",
        "Prices rebounded after falling for 23 days straight in March. Orlando’s average was $3.29, while Panama City had the state’s priciest gas at $3.62.",
        "“Crude oil gained nearly 6% last week,” AAA spokeswoman Rhea Lofton said. U.S. crude closed Friday at $82.14 a barrel, its highest since October.",
    ),
    [
        c(
            "an average of $3.41",
            3.41,
            unit="usd",
            subj=["average", "price", "gallon", "gas", None],
            period=["on Monday", "Monday"],
        ),
        c(
            "11 cents more",
            [0.11, 11],
            unit=["usd", "cents"],
            subj=["average", "price", None],
            change="difference",
            dir="up",
            period=["than a week ago", "a week ago"],
            paired=True,
        ),
        c("$3.29", 3.29, unit="usd", subj=["average", "price", None]),
        c("$3.62", 3.62, unit="usd", subj=["gas", "price"]),
        c(
            "nearly 6%",
            6,
            unit=PCT,
            q="almost",
            subj=["oil", "crude oil", "crude"],
            change="percent_change",
            dir="up",
            period="last week",
            speaker="Rhea Lofton",
        ),
        c("$82.14 a barrel", 82.14, unit="usd", subj=["crude", "oil", "barrel"], period=["Friday"]),
    ],
    optional=["23 days straight"],
    topic="gas prices",
)


# ---------------------------------------------------------------- build
NUMWORD = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozen|half"
)
KEY = re.compile(rf"\d[\d,.]*\d|\.\d+|\d|\b(?:{NUMWORD})\b(?:-\w+)?", re.I)


def anchor_span(text, anchor, nth):
    start = -1
    for _ in range(nth + 1):
        start = text.find(anchor, start + 1)
        if start < 0:
            raise SystemExit(f"anchor {anchor!r} (nth {nth}) not in: {text[:70]!r}")
    end = start + len(anchor)
    # the anchor must not be a piece of a longer number or word ("31" inside "301")
    assert not (start > 0 and text[start - 1].isalnum() and anchor[0].isalnum()), (
        anchor,
        text[start - 5 : end + 5],
    )
    assert not (end < len(text) and text[end].isalnum() and anchor[-1].isalnum()), (
        anchor,
        text[start - 5 : end + 5],
    )
    return start, end


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
        out.append(dict(anchor=a, start=s, end=e))
    return out


def main():
    recs = []
    (HERE / "cases").mkdir(exist_ok=True)
    for i, k in enumerate(CASES, 1):
        pid = f"rt{i:02d}"
        text = k["text"]
        claims = []
        for cl in k["claims"]:
            cl = dict(cl)
            cl["start"], cl["end"] = anchor_span(text, cl["anchor"], cl.pop("nth"))
            assert text[cl["start"] : cl["end"]] == cl["anchor"]
            cl["key_start"], cl["key_end"] = key_span(text, cl["start"], cl["end"])
            claims.append(cl)
        claims.sort(key=lambda x: x["start"])
        keys = [(x["key_start"], x["key_end"]) for x in claims]
        assert len(set(keys)) == len(keys), f"{pid}: two claims share a key"
        opt, nots = spans(text, k["optional"]), spans(text, k["not_claims"])
        for o in opt + nots:  # a distractor or optional span must not cover a claim's key
            assert text[o["start"] : o["end"]] == o["anchor"]
            for x in claims:
                assert not (o["start"] <= x["key_start"] and x["key_end"] <= o["end"]), (
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
