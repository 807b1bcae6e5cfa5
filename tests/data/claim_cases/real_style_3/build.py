"""Builds the claims4 real-style set: 30 original passages written in the style of US local news copy
(no sentence or distinctive phrase copied from any story), hand-labelled under the claim contract of
/work/shared/DESIGN.md and the labelling conventions of /work/shared/eval/real-copy/README.md.
Offsets and keys are computed here by program. A field set to None is not scored; a list means any of
its members is right. Writes cases/ruNN.json (one record each) and real_style.jsonl (all records).
Evaluation data only: never copy it into the project's code, tests or fixtures.
"""

import json
import re
from pathlib import Path

CASES = []
HERE = Path(__file__).parent
PEOPLE = ["people", "person"]
PCT = "percent"


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
    nth=None,
    paired=False,
):
    """nth: which occurrence of anchor (0-based); required when the anchor occurs more than once."""
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


# ---------------------------------------------------------------- ru01 guns seized, shootings (Rockford)
case(
    "2025-04-15",
    P(
        "Gun seizures top 400 as shootings ease, chief says",
        "ROCKFORD, Ill. — Officers have taken 412 guns off city streets through April 9, Police Chief Marcus Delaney told aldermen Monday, up from 351 at the same time last year.",
        'Delaney said the department is averaging about 24 guns a week. Of the guns recovered, 58 were reported stolen and 11 were privately made "ghost guns" with no serial numbers.',
        "Non-fatal shootings are down, too:  37 wounded in non-fatal shootings so far this year, compared with 52 a year ago, a drop of 15 victims, or roughly 29 percent. Homicides stand at six.",
        "“One look at the map tells you where the work is,” Delaney said.",
    ),
    [
        c(
            "400",
            400,
            q="more_than",
            subj=["seizure", "gun seizure", "gun"],
            speaker="Marcus Delaney",
        ),
        c("412 guns", 412, subj="gun", period="through April 9", speaker="Marcus Delaney"),
        c(
            "351",
            351,
            subj=["gun", None],
            period="at the same time last year",
            speaker="Marcus Delaney",
        ),
        c(
            "about 24 guns a week",
            24,
            unit=None,
            q="approximately",
            subj="gun",
            speaker="Marcus Delaney",
        ),
        c("58", 58, subj=["gun", None]),
        c("11", 11, subj=["gun", "ghost gun", None]),
        c(
            "37 wounded",
            37,
            subj=["wounded", "person", "people", "victim"],
            period="so far this year",
        ),
        c("52", 52, subj=["wounded", "person", "people", "victim", None], period="a year ago"),
        c(
            "15 victims",
            15,
            subj="victim",
            change="difference",
            dir="down",
            period=["a year ago", "so far this year"],
        ),
        c(
            "roughly 29 percent",
            29,
            unit=PCT,
            q="approximately",
            subj=["victim", "shooting", "drop", "wounded", None],
            change="percent_change",
            dir="down",
            period=["a year ago", "so far this year"],
        ),
        c("six", 6, subj="homicide"),
    ],
    not_claims=["April 9", "One look"],
)

# ---------------------------------------------------------------- ru02 school enrolment and budget (Decatur)
case(
    "2024-08-21",
    P(
        "DECATUR, Ala. — Decatur City Schools will open the 2024-25 school year with 8,912 students, a decrease of 310 students, or about 3.4 percent, from last fall, according to Chief Financial Officer Renee Whitfield.",
        "Whitfield told the board Tuesday the proposed general fund budget is $118.7 million, about $2.3 million less than the current year's. State funding, which follows enrollment, was cut by $1.9 million.  The district also plans to retire 14 of its 96 buses over the next two years, she said.",
        "“We are not going to lay anyone off,” Whitfield said. “But we will leave 22 positions unfilled.”",
        "The board will hold budget hearings Sept. 5 and Sept. 12.",
    ),
    [
        c(
            "8,912 students",
            8912,
            subj="student",
            period=["the 2024-25 school year", "2024-25"],
            speaker="Renee Whitfield",
        ),
        c(
            "310 students",
            310,
            subj="student",
            change="difference",
            dir="down",
            period=["from last fall", "last fall"],
            speaker="Renee Whitfield",
        ),
        c(
            "about 3.4 percent",
            3.4,
            unit=PCT,
            q="approximately",
            subj=["student", "decrease", "enrollment", None],
            change="percent_change",
            dir="down",
            period=["from last fall", "last fall"],
            speaker="Renee Whitfield",
        ),
        c(
            "$118.7 million",
            118700000,
            unit="usd",
            subj=["budget", "general fund budget", "fund budget"],
            speaker="Renee Whitfield",
        ),
        c(
            "about $2.3 million less",
            2300000,
            unit="usd",
            q="approximately",
            subj=["budget", None],
            change="difference",
            dir="down",
            period=["the current year", "current year's"],
            speaker="Renee Whitfield",
        ),
        c(
            "$1.9 million",
            1900000,
            unit="usd",
            subj=["funding", "state funding"],
            change="difference",
            dir="down",
        ),
        c(
            "14",
            14,
            subj="bus",
            period=["over the next two years", "the next two years"],
            speaker="Renee Whitfield",
        ),
        c("22 positions", 22, subj="position", speaker="Renee Whitfield"),
    ],
    optional=["96", "two years"],
    not_claims=["2024-25", "Sept. 5", "Sept. 12"],
)

# ---------------------------------------------------------------- ru03 county unemployment (Muskegon)
case(
    "2025-07-24",
    P(
        "County jobless rate slides to 3.2 percent",
        "MUSKEGON, Mich. — Muskegon County's unemployment rate slid to 3.2 percent in June, two-tenths of a point lower than in May, according to figures released Wednesday by the state Department of Labor and Economic Opportunity.",
        "The county's labor force shed 640 workers over the month, falling to 81,455, while the number of people with jobs narrowly rose, by 95, to 78,850.",
        "A year ago, the rate stood at 4.1 percent. Statewide, unemployment held at 3.9%.",
        "Leisure and hospitality employers have added about 1,100 jobs since January, the department said, as the summer tourism season got under way.",
    ),
    [
        c("3.2 percent", 3.2, unit=PCT, subj=["rate", "jobless rate"], nth=0),
        c(
            "3.2 percent",
            3.2,
            unit=PCT,
            subj=["rate", "unemployment rate"],
            period=["in June", "June"],
            nth=1,
        ),
        c(
            "two-tenths of a point lower",
            0.2,
            unit=[PCT, "point", "points", "percentage point"],
            subj=["rate", "unemployment rate", None],
            change="difference",
            dir="down",
            period=["than in May", "in May", "May"],
        ),
        c(
            "640 workers",
            640,
            subj=["worker", "labor force", "force"],
            change="difference",
            dir="down",
            period="over the month",
        ),
        c("81,455", 81455, subj=["force", "labor force", "worker", None]),
        c("95", 95, subj=PEOPLE + ["number"], change="difference", dir="up"),
        c("78,850", 78850, subj=PEOPLE + ["number", None]),
        c("4.1 percent", 4.1, unit=PCT, subj=["rate", "unemployment rate"], period="A year ago"),
        c("3.9%", 3.9, unit=PCT, subj=["unemployment", "rate", None]),
        c(
            "about 1,100 jobs",
            1100,
            q="approximately",
            subj="job",
            change=["difference", "level"],
            dir="up",
            period="since January",
        ),
    ],
)

# ---------------------------------------------------------------- ru04 water and sewer rates (Bowling Green)
case(
    "2025-05-06",
    P(
        "Rate hike would add $4.80 to average water bill",
        "BOWLING GREEN, Ky. — Customers of the city utility would pay about $4.80 more a month for water under a plan the utility board takes up Thursday.",
        "The proposal calls for a 6.5 percent water rate increase and a 4 percent sewer rate increase starting July 1, the first increase since '19. A household using 5,000 gallons a month would see its combined bill climb to $71.35 from $66.55, utility spokesperson Carla Minton said.",
        "The volume charge would carry a 2.5-cent increase for every 100 gallons used.",
        "The utility serves roughly 29,000 water customers and replaced 14 miles of main last year.  Minton noted crews logged 212 main breaks last year, and fewer than three of them needed a boil-water advisory.",
    ),
    [
        c(
            "$4.80",
            4.8,
            unit="usd",
            subj=["bill", "water bill", "hike"],
            change="difference",
            dir="up",
            nth=0,
        ),
        c(
            "about $4.80 more",
            4.8,
            unit="usd",
            q="approximately",
            subj=["water", "bill", "customer", None],
            change="difference",
            dir="up",
        ),
        c(
            "6.5 percent",
            6.5,
            unit=PCT,
            subj=["increase", "rate", "water rate", "water rate increase"],
            change="percent_change",
            dir="up",
        ),
        c(
            "4 percent",
            4,
            unit=PCT,
            subj=["increase", "rate", "sewer rate", "sewer rate increase"],
            change="percent_change",
            dir="up",
        ),
        c("$71.35", 71.35, unit="usd", subj=["bill", "combined bill"], speaker="Carla Minton"),
        c(
            "$66.55",
            66.55,
            unit="usd",
            subj=["bill", "combined bill", None],
            speaker="Carla Minton",
        ),
        c(
            "2.5-cent",
            [0.025, 2.5],
            unit=["usd", "cents"],
            paired=True,
            subj=["increase", "charge", "volume charge"],
            change="difference",
            dir="up",
        ),
        c(
            "roughly 29,000 water customers",
            29000,
            q="approximately",
            subj=["customer", "water customer"],
        ),
        c(
            "14 miles",
            14,
            unit=["miles", "mile"],
            subj=["main", "mile"],
            period="last year",
            nth=None,
        ),
        c(
            "212 main breaks",
            212,
            subj=["break", "main break"],
            period="last year",
            speaker="Carla Minton",
        ),
        c(
            "fewer than three",
            3,
            q="less_than",
            subj=["break", "main break", None],
            speaker="Carla Minton",
        ),
    ],
    optional=["5,000 gallons", "100 gallons"],
    not_claims=["'19", "July 1"],
)

# ---------------------------------------------------------------- ru05 wildfire (Payson)
case(
    "2025-06-17",
    P(
        "PAYSON, Ariz. — The Juniper Ridge Fire had burned 14,260 acres by Tuesday morning and was 35% contained, according to the Tonto National Forest.",
        "The fire more than doubled overnight Sunday as winds gusted to 40 mph. About 1,150 firefighters, 9 helicopters and 62 engines are assigned, and crews cut 3 1/2 miles of new fireline Monday.",
        "Dana Ruiz, a spokesperson for the Gila County Sheriff's Office, said 2,074 residents remained under evacuation orders as of Tuesday, down from 3,400 on Sunday. Four homes and 11 outbuildings have been destroyed.",
        "Afternoon highs are forecast to reach 101 degrees by Thursday.",
    ),
    [
        c(
            "14,260 acres",
            14260,
            unit=["acres", "acre"],
            subj=["acre", "fire"],
            period=["by Tuesday morning", "Tuesday morning"],
        ),
        c(
            "35%",
            35,
            unit=PCT,
            subj=["fire", "containment", None],
            period=["by Tuesday morning", "Tuesday morning"],
        ),
        c("40 mph", 40, unit="mph", subj=["wind", "gust"]),
        c("About 1,150 firefighters", 1150, q="approximately", subj="firefighter"),
        c("9 helicopters", 9, subj="helicopter"),
        c("62 engines", 62, subj="engine"),
        c("3 1/2 miles", 3.5, unit=["miles", "mile"], subj=["fireline", "mile"], period="Monday"),
        c("2,074 residents", 2074, subj="resident", period="as of Tuesday", speaker="Dana Ruiz"),
        c(
            "3,400",
            3400,
            subj=["resident", None],
            period=["on Sunday", "Sunday"],
            speaker="Dana Ruiz",
        ),
        c("Four homes", 4, subj="home"),
        c("11 outbuildings", 11, subj="outbuilding"),
        c(
            "101 degrees",
            101,
            unit=["degrees", "degree"],
            subj=["high", "temperature", None],
            period="by Thursday",
        ),
    ],
    optional=["more than doubled"],
)

# ---------------------------------------------------------------- ru06 COVID cases and hospitalizations (Chattanooga)
case(
    "2023-10-03",
    P(
        "Hospitalizations rise for third straight week",
        "The Hamilton County Health Department reported 184 new COVID-19 cases on Monday and two more deaths, bringing the county's death total to 1,027.",
        "Local hospitals were treating 61 patients with the virus, up from 49 a week earlier, including 9 in intensive care. About 41 percent of ICU patients were unvaccinated, health department spokesperson Rob Keller said.",
        "The county has given 511 doses of the updated vaccine since Sept. 18, Keller said, and has 3,200 more on hand.",
        "Statewide, 1,418 new cases were reported, a 12% increase from the previous Monday.",
    ),
    [
        c("184 new COVID-19 cases", 184, subj="case", period=["on Monday", "Monday"]),
        c(
            "two more deaths",
            2,
            subj="death",
            change=["level", "difference"],
            dir="up",
            period=["on Monday", "Monday"],
        ),
        c("1,027", 1027, subj=["total", "death total", "death"]),
        c("61 patients", 61, subj="patient"),
        c("49", 49, subj=["patient", None], period="a week earlier"),
        c("9 in intensive care", 9, subj=["patient", None]),
        c(
            "About 41 percent",
            41,
            unit=PCT,
            q="approximately",
            subj=["patient", "ICU patient"],
            speaker="Rob Keller",
        ),
        c("511 doses", 511, subj="dose", period="since Sept. 18", speaker="Rob Keller"),
        c("3,200", 3200, subj=["dose", None], speaker="Rob Keller"),
        c("1,418 new cases", 1418, subj="case"),
        c(
            "12%",
            12,
            unit=PCT,
            subj=["increase", "case"],
            change="percent_change",
            dir="up",
            period=["from the previous Monday", "the previous Monday"],
        ),
    ],
    not_claims=["COVID-19", "Sept. 18", "third straight week"],
)
# ---------------------------------------------------------------- ru07 holiday traffic deaths (Missouri)
case(
    "2024-09-04",
    P(
        "JEFFERSON CITY, Mo. — Nine people died on Missouri roads over the Labor Day weekend, the Missouri State Highway Patrol said, three fewer than during the holiday in 2023.",
        "Troopers arrested 87 drivers for driving while intoxicated and worked 342 crashes, 119 of them with injuries, during the counting period, which ran from 6 p.m. Friday through 11:59 p.m. Monday.",
        "Through Aug. 31, 614 people have been killed in traffic crashes statewide this year. At the same time last year, the count stood at 657, a dip of about 6.5 percent.  Sgt. Jordan Pfeiffer said roughly 60 percent of those killed were not wearing a seat belt.",
        "In 2019, 31 of the 88 motorcyclists killed were not wearing helmets, Pfeiffer noted.",
    ),
    [
        c(
            "Nine people",
            9,
            subj=PEOPLE,
            period=["over the Labor Day weekend", "the Labor Day weekend", "Labor Day weekend"],
        ),
        c(
            "three fewer",
            3,
            subj=PEOPLE + [None],
            change="difference",
            dir="down",
            period=["during the holiday in 2023", "the holiday in 2023", "2023"],
        ),
        c(
            "87 drivers",
            87,
            subj="driver",
            period=["during the counting period", "the counting period"],
        ),
        c(
            "342 crashes",
            342,
            subj="crash",
            period=["during the counting period", "the counting period"],
        ),
        c(
            "119",
            119,
            subj=["crash", None],
            period=["during the counting period", "the counting period"],
        ),
        c("614 people", 614, subj=PEOPLE, period=["Through Aug. 31", "this year"]),
        c("657", 657, subj=PEOPLE + ["count", None], period="At the same time last year"),
        c(
            "about 6.5 percent",
            6.5,
            unit=PCT,
            q="approximately",
            subj=["dip", "count", "death", "people", None],
            change="percent_change",
            dir="down",
            period=["At the same time last year", "Through Aug. 31"],
        ),
        c(
            "roughly 60 percent",
            60,
            unit=PCT,
            q="approximately",
            subj=PEOPLE + ["those", None],
            speaker="Jordan Pfeiffer",
        ),
        c("31", 31, nth=1, subj="motorcyclist", period="In 2019", speaker="Jordan Pfeiffer"),
    ],
    optional=["88"],
    not_claims=["2023", "6 p.m.", "11:59 p.m.", "Aug. 31", "2019"],
)

# ---------------------------------------------------------------- ru08 reassessment and millage (Greenville)
case(
    "2024-06-12",
    P(
        "Assessments jump, but rate trimmed",
        "GREENVILLE, S.C. — The median assessed value of a Greenville County home rose 14% in this year's reassessment, to $287,400, county assessor Miguel Ortega told council members Tuesday.",
        "To offset the jump, council trimmed the operating millage by 4.2 mills, to 51.6 mills, for fiscal 2025. Even so, the owner of a median home will pay about $38 more, Ortega said.",
        "Commercial property values gained 9.8 percent. Overall, the county's tax base climbed to $3.96 billion, up $410 million from the prior year.",
        "Council approved the rate 9-3.",
    ),
    [
        c(
            "14%",
            14,
            unit=PCT,
            subj=["value", "assessed value", "median assessed value"],
            change="percent_change",
            dir="up",
            period=["in this year's reassessment", "this year's reassessment"],
            speaker="Miguel Ortega",
        ),
        c(
            "$287,400",
            287400,
            unit="usd",
            subj=["value", "assessed value", "median assessed value"],
            speaker="Miguel Ortega",
        ),
        c(
            "4.2 mills",
            4.2,
            unit=["mills", "mill"],
            subj=["millage", "operating millage"],
            change="difference",
            dir="down",
            period=["for fiscal 2025", "fiscal 2025"],
        ),
        c(
            "51.6 mills",
            51.6,
            unit=["mills", "mill"],
            subj=["millage", "operating millage"],
            period=["for fiscal 2025", "fiscal 2025"],
        ),
        c(
            "about $38 more",
            38,
            unit="usd",
            q="approximately",
            subj=["tax", "owner", None],
            change="difference",
            dir="up",
            speaker="Miguel Ortega",
        ),
        c(
            "9.8 percent",
            9.8,
            unit=PCT,
            subj=["value", "property value", "commercial property value"],
            change="percent_change",
            dir="up",
        ),
        c("$3.96 billion", 3960000000, unit="usd", subj=["base", "tax base"]),
        c(
            "$410 million",
            410000000,
            unit="usd",
            subj=["base", "tax base", None],
            change="difference",
            dir="up",
            period=["from the prior year", "the prior year"],
        ),
    ],
    optional=["9-3"],
    not_claims=["2025"],
)

# ---------------------------------------------------------------- ru09 overdose deaths (Dayton)
case(
    "2024-07-19",
    P(
        "Overdose deaths fall by a third",
        "DAYTON, Ohio — Montgomery County recorded 212 overdose deaths in the first half of the year, down by a third from the same period of 2023, Coroner Dr. Helen Brandt said Thursday.",
        "Fentanyl was present in 171 of the deaths, or about 81 percent. The victims were between the ages of 19 and 74, and men accounted for 148.",
        "Brandt said emergency crews have given 1,345 doses of naloxone since January, a decrease of 221 from a year ago. The county's overdose death rate fell to 39.4 for every 100,000 people.",
        '"Every one of those numbers had a name," Brandt said.',
    ),
    [
        c(
            "212 overdose deaths",
            212,
            subj=["death", "overdose death"],
            period=["in the first half of the year", "the first half of the year"],
            speaker="Helen Brandt",
        ),
        c("171", 171, subj=["death", None]),
        c("about 81 percent", 81, unit=PCT, q="approximately", subj=["death", None]),
        c("148", 148, subj=["man", "men", "victim", None]),
        c("1,345 doses", 1345, subj="dose", period="since January", speaker="Helen Brandt"),
        c(
            "221",
            221,
            subj=["dose", None],
            change="difference",
            dir="down",
            period=["from a year ago", "a year ago"],
            speaker="Helen Brandt",
        ),
        c(
            "39.4 for every 100,000 people",
            39.4,
            unit=None,
            subj=["rate", "death rate", "overdose death rate"],
        ),
    ],
    optional=[("by a third", 0), ("by a third", 1), "first half", "100,000"],
    not_claims=["2023", "the ages of 19 and 74", "Every one"],
)

# ---------------------------------------------------------------- ru10 primary turnout (Charleston)
case(
    "2024-05-15",
    P(
        "Turnout tops 41 percent in primary",
        "CHARLESTON, W.Va. — Kanawha County voters cast 48,316 ballots in Tuesday's primary, a turnout of 41.7 percent, County Clerk Vera Lindqvist said Wednesday.",
        "That was up from 33 percent in the 2022 primary. Early and absentee ballots made up 11,904 of the total, or nearly a quarter.",
        "In the race for the District 2 commission seat, incumbent Ray Hollins received 9,812 votes to challenger Tom Ebert's 9,677, a margin of 135. Lindqvist said 212 provisional ballots still must be reviewed, and the canvass begins Monday at 9 a.m.",
        "All 172 precincts had reported by 10:40 p.m.",
    ),
    [
        c("41 percent", 41, unit=PCT, q="more_than", subj="turnout"),
        c(
            "48,316 ballots",
            48316,
            subj="ballot",
            period=["in Tuesday's primary", "Tuesday's primary"],
            speaker="Vera Lindqvist",
        ),
        c(
            "41.7 percent",
            41.7,
            unit=PCT,
            subj="turnout",
            period=["in Tuesday's primary", "Tuesday's primary"],
            speaker="Vera Lindqvist",
        ),
        c(
            "33 percent",
            33,
            unit=PCT,
            subj=["turnout", None],
            period=["in the 2022 primary", "the 2022 primary"],
        ),
        c("11,904", 11904, subj=["ballot", "absentee ballot", None]),
        c("9,812 votes", 9812, subj="vote"),
        c("9,677", 9677, subj=["vote", None]),
        c("135", 135, subj=["margin", "vote", None]),
        c(
            "212 provisional ballots",
            212,
            subj=["ballot", "provisional ballot"],
            speaker="Vera Lindqvist",
        ),
        c("All 172 precincts", 172, subj="precinct"),
    ],
    optional=["nearly a quarter"],
    not_claims=["2022", "District 2", "9 a.m.", "10:40 p.m."],
)

# ---------------------------------------------------------------- ru11 jail population (Little Rock)
case(
    "2024-10-09",
    P(
        "Jail population creeps toward capacity",
        "LITTLE ROCK, Ark. — The Pulaski County jail held an average of 1,186 inmates a day in September, Sheriff Eric Higgins told the quorum court Tuesday, edging closer to the facility's rated capacity of 1,210.",
        "The daily average has climbed about 9% since January, Higgins said. Roughly 310 of those held are awaiting trial on felony charges and have been jailed more than 90 days.",
        "The county spends about $68 a day on each inmate, or almost $29.4 million a year, according to the sheriff's office. Deputies booked 2,907 people in the third quarter, down 4 percent from the same quarter in '23.",
        "The court voted 11-2 to fund 14 new detention officer positions.",
    ),
    [
        c(
            "an average of 1,186 inmates a day",
            1186,
            unit=None,
            subj="inmate",
            period=["in September", "September"],
            speaker="Eric Higgins",
        ),
        c("1,210", 1210, subj=["capacity", "rated capacity"], speaker="Eric Higgins"),
        c(
            "about 9%",
            9,
            unit=PCT,
            q="approximately",
            subj=["average", "daily average"],
            change="percent_change",
            dir="up",
            period="since January",
            speaker="Eric Higgins",
        ),
        c("Roughly 310", 310, q="approximately", subj=["inmate", "those", None]),
        c("about $68 a day", 68, unit=None, q="approximately", subj=["inmate", "cost", None]),
        c(
            "almost $29.4 million a year",
            29400000,
            unit=["usd", None],
            q="almost",
            subj=["county", "cost", None],
        ),
        c("2,907 people", 2907, subj=PEOPLE, period=["in the third quarter", "the third quarter"]),
        c(
            "4 percent",
            4,
            unit=PCT,
            subj=PEOPLE + ["booking", None],
            change="percent_change",
            dir="down",
            period=["from the same quarter in '23", "the same quarter in '23"],
        ),
        c(
            "14 new detention officer positions",
            14,
            subj=["position", "detention officer position", "officer position"],
        ),
    ],
    optional=["more than 90 days", "11-2"],
    not_claims=["'23", "third quarter"],
)

# ---------------------------------------------------------------- ru12 tourism spending (Gatlinburg)
case(
    "2025-04-08",
    P(
        "Tourism spending rebounds to record $2.1 billion",
        "GATLINBURG, Tenn. — Visitors spent a record $2.1 billion in Sevier County in 2024, a 5.3% gain over the year before, according to a report released Monday by the state tourism department.",
        "Hotel occupancy averaged 68 percent for the year. The county collected $41.6 million in lodging taxes, up $3.2 million, said Marla Jenkins, president of the county visitors bureau. Jenkins said visitor numbers climbed to an estimated 14.8 million.",
        "Spending had slid 12 percent in 2020 before rebounding. Tourism supports about 26,400 jobs in the county, or roughly one in three, the report said.",
        "“The fall season carried us,” Jenkins said. “October alone drew 1.9 million visitors.”",
    ),
    [
        c("$2.1 billion", 2100000000, unit="usd", subj=["spending", "tourism spending"], nth=0),
        c(
            "$2.1 billion",
            2100000000,
            unit="usd",
            subj=["spending", "visitor", None],
            period="in 2024",
            nth=1,
        ),
        c(
            "5.3%",
            5.3,
            unit=PCT,
            subj=["gain", "spending", None],
            change="percent_change",
            dir="up",
            period=["over the year before", "the year before"],
        ),
        c("68 percent", 68, unit=PCT, subj=["occupancy", "hotel occupancy"], period="for the year"),
        c(
            "$41.6 million",
            41600000,
            unit="usd",
            subj=["tax", "lodging tax"],
            speaker="Marla Jenkins",
        ),
        c(
            "$3.2 million",
            3200000,
            unit="usd",
            subj=["tax", "lodging tax", None],
            change="difference",
            dir="up",
            speaker="Marla Jenkins",
        ),
        c(
            "an estimated 14.8 million",
            14800000,
            q="approximately",
            subj=["number", "visitor", "visitor number"],
            speaker="Marla Jenkins",
        ),
        c(
            "12 percent",
            12,
            unit=PCT,
            subj="spending",
            change="percent_change",
            dir="down",
            period="in 2020",
        ),
        c("about 26,400 jobs", 26400, q="approximately", subj="job"),
        c(
            "1.9 million visitors",
            1900000,
            subj="visitor",
            period=["October alone", "October"],
            speaker="Marla Jenkins",
        ),
    ],
    optional=["roughly one in three"],
    not_claims=["2024", "2020"],
)
# ---------------------------------------------------------------- ru13 storm outages (Omaha)
case(
    "2025-06-02",
    P(
        "More than 38,000 without power after storms, utility says",
        "OMAHA, Neb. — Thunderstorms packing 70 mph gusts and hail the size of golf balls knocked out power to more than 38,000 Omaha Public Power District customers Sunday night, utility spokeswoman Jolene Marsh said.",
        "By 6 a.m. Monday, crews had restored service to all but about 9,600. Marsh said roughly 140 poles were snapped, and about 300 line workers, including 85 from utilities in Iowa and Kansas, were on the job.",
        "The National Weather Service measured 2.37 inches of rain at Eppley Airfield, a record for the date. The temperature fell from 95 degrees to 68 in less than an hour.",
        "The storm also toppled trees onto 12 homes.",
    ),
    [
        c("More than 38,000", 38000, q="more_than", subj=["customer", "people", "person", None]),
        c(
            "more than 38,000 Omaha Public Power District customers",
            38000,
            q="more_than",
            subj="customer",
            period="Sunday night",
            speaker="Jolene Marsh",
        ),
        c("70 mph", 70, unit="mph", subj=["gust", "thunderstorm"]),
        c(
            "about 9,600",
            9600,
            q="approximately",
            subj=["customer", None],
            period="By 6 a.m. Monday",
        ),
        c("roughly 140 poles", 140, q="approximately", subj="pole", speaker="Jolene Marsh"),
        c(
            "about 300 line workers",
            300,
            q="approximately",
            subj=["worker", "line worker"],
            speaker="Jolene Marsh",
        ),
        c("85", 85, subj=["worker", "line worker", None], speaker="Jolene Marsh"),
        c("2.37 inches", 2.37, unit=["inches", "inch", "in"], subj=["rain", "inch"]),
        c("95 degrees", 95, unit=["degrees", "degree"], subj="temperature"),
        c("68", 68, unit=["degrees", "degree", None], subj=["temperature", None]),
        c("12 homes", 12, subj="home"),
    ],
    not_claims=["6 a.m."],
)

# ---------------------------------------------------------------- ru14 home prices (Boise)
case(
    "2025-04-14",
    P(
        "Median home price climbs to $412,000",
        "BOISE, Idaho — The median sales price of a single-family home in Ada County climbed to $412,000 in March, up 4.6% from a year earlier, according to Boise Regional Realtors.",
        "Sales were flat. Agents closed 612 homes during the month, two more than in March 2024, while the number of homes for sale rose 18 percent to 1,744.",
        "Homes sold in a median of 31 days, up from 24. Condominiums and townhomes fared worse: their median price slipped 2.1 percent, to $339,900.",
        "“Buyers have more choices than they’ve had since 2019,” said Priya Natarajan, the group’s president. She said roughly 1 in 5 sellers cut their asking price at least once.",
    ),
    [
        c("$412,000", 412000, unit="usd", subj=["price", "home price", "median home price"], nth=0),
        c(
            "$412,000",
            412000,
            unit="usd",
            subj=["price", "sales price", "median sales price"],
            period=["in March", "March"],
            nth=1,
        ),
        c(
            "4.6%",
            4.6,
            unit=PCT,
            subj=["price", "sales price", "median sales price", None],
            change="percent_change",
            dir="up",
            period=["from a year earlier", "a year earlier"],
        ),
        c("612 homes", 612, subj="home", period="during the month"),
        c(
            "two more",
            2,
            subj=["home", None],
            change="difference",
            dir="up",
            period=["than in March 2024", "March 2024"],
        ),
        c("18 percent", 18, unit=PCT, subj=["number", "home"], change="percent_change", dir="up"),
        c("1,744", 1744, subj=["number", "home", None]),
        c("a median of 31 days", 31, unit=["days", "day"], subj=["median", "day", "home", None]),
        c("24", 24, nth=1, unit=["days", "day", None], subj=["median", "day", None]),
        c(
            "2.1 percent",
            2.1,
            unit=PCT,
            subj=["price", "median price"],
            change="percent_change",
            dir="down",
        ),
        c("$339,900", 339900, unit="usd", subj=["price", "median price"]),
    ],
    optional=["roughly 1 in 5 sellers"],
    not_claims=["2024", "2019"],
)

# ---------------------------------------------------------------- ru15 911 calls (Charlotte)
case(
    "2024-08-28",
    P(
        "CHARLOTTE, N.C. — The county's 911 center answered 1.27 million calls in fiscal 2024, about 6 percent more than the year before, Communications Director Alana Burke told commissioners.",
        "Burke said the center's goal is to answer 90% of calls within 15 seconds. It met that mark in 8 of 12 months, up from 5 the previous year, after hiring 27 telecommunicators.",
        "The center still has 19 vacancies out of 164 budgeted positions. Average hold time dropped to 11 seconds in June from 23 seconds in January, she said.",
        "On the Fourth of July alone, dispatchers fielded 6,112 calls.",
    ),
    [
        c(
            "1.27 million calls",
            1270000,
            subj="call",
            period=["in fiscal 2024", "fiscal 2024"],
            speaker="Alana Burke",
        ),
        c(
            "about 6 percent more",
            6,
            unit=PCT,
            q="approximately",
            subj=["call", None],
            change="percent_change",
            dir="up",
            period=["than the year before", "the year before"],
            speaker="Alana Burke",
        ),
        c("90%", 90, unit=PCT, subj=["call", "goal"], speaker="Alana Burke"),
        c("8", 8, subj="month"),
        c("5", 5, nth=1, subj=["month", None], period="the previous year"),
        c("27 telecommunicators", 27, subj="telecommunicator"),
        c("19 vacancies", 19, subj="vacancy"),
        c(
            "11 seconds",
            11,
            unit=["seconds", "second"],
            subj=["time", "hold time", "average hold time"],
            period=["in June", "June"],
            speaker="Alana Burke",
        ),
        c(
            "23 seconds",
            23,
            unit=["seconds", "second"],
            subj=["time", "hold time", "average hold time", None],
            period=["in January", "January"],
            speaker="Alana Burke",
        ),
        c(
            "6,112 calls",
            6112,
            subj="call",
            period=["On the Fourth of July alone", "the Fourth of July"],
        ),
    ],
    optional=["15 seconds", "12 months", "164 budgeted positions"],
    not_claims=["911", "2024"],
)

# ---------------------------------------------------------------- ru16 homicides and rates (Baton Rouge)
case(
    "2025-01-07",
    P(
        "Homicides drop to lowest level since '09",
        "BATON ROUGE, La. — East Baton Rouge Parish recorded 71 homicides in 2024, down from 114 the year before and the fewest since 2009, according to the parish coroner's office.",
        "That works out to a rate of about 15.9 per 100,000 residents. At the peak in 2021, the parish counted 149 killings, or 33.4 per 100,000.",
        "Police Chief Darnell Okafor said detectives cleared 58% of last year's cases. Firearms were used in 62 of the killings, he said, and investigators linked 12 of them to 4 rival groups.",
        "“We had twice as many detectives on these cases as we did in '21,” Okafor said. Nonfatal shootings fell by about a quarter.",
    ),
    [
        c("71 homicides", 71, subj="homicide", period="in 2024"),
        c("114", 114, subj=["homicide", None], period="the year before"),
        c(
            "about 15.9 per 100,000 residents",
            15.9,
            unit=None,
            q="approximately",
            subj=["rate", "homicide rate", None],
        ),
        c("149 killings", 149, subj="killing", period=["At the peak in 2021", "in 2021"]),
        c(
            "33.4 per 100,000",
            33.4,
            unit=None,
            subj=["rate", "killing", None],
            period=["At the peak in 2021", "in 2021"],
        ),
        c(
            "58%",
            58,
            unit=PCT,
            subj="case",
            period=["last year's", "last year"],
            speaker="Darnell Okafor",
        ),
        c("62", 62, subj=["killing", None], speaker="Darnell Okafor"),
        c("12", 12, subj=["killing", None], speaker="Darnell Okafor"),
        c("4 rival groups", 4, subj=["group", "rival group"], speaker="Darnell Okafor"),
    ],
    optional=[("100,000", 0), ("100,000", 1), "twice as many", "about a quarter"],
    not_claims=["'09", "2009", "2024", "2021", "'21"],
)

# ---------------------------------------------------------------- ru17 electric rate case (Tulsa)
case(
    "2024-11-22",
    P(
        "TULSA, Okla. — Public Service Company of Oklahoma customers will see their bills rise by about $7.20 a month starting in January after state regulators approved a $118 million rate increase Thursday, less than the $172 million the company had sought.",
        "The typical residential customer using 1,100 kilowatt-hours a month will pay $148.62, up from $141.42, the company said. The per-kilowatt-hour charge rises 0.6 cents.",
        "Corporation Commission Chairman Luis Ferraro said the settlement trims the utility's allowed profit to 9.3 percent from the 10.2 percent it requested. The company, which serves about 580,000 customers, said it will spend $1.5 billion on grid upgrades over the next five years.",
    ),
    [
        c(
            "about $7.20",
            7.2,
            unit="usd",
            q="approximately",
            subj=["bill", None],
            change="difference",
            dir="up",
        ),
        c(
            "$118 million",
            118000000,
            unit="usd",
            subj=["increase", "rate increase"],
            change=["level", "difference"],
            dir="up",
        ),
        c("$172 million", 172000000, unit="usd", subj=["increase", "company", None]),
        c("$148.62", 148.62, unit="usd", subj=["customer", "bill", None]),
        c("$141.42", 141.42, unit="usd", subj=["customer", "bill", None]),
        c(
            "0.6 cents",
            [0.006, 0.6],
            unit=["usd", "cents"],
            paired=True,
            subj=["charge", "per-kilowatt-hour charge"],
            change="difference",
            dir="up",
        ),
        c("9.3 percent", 9.3, unit=PCT, subj=["profit", "allowed profit"], speaker="Luis Ferraro"),
        c(
            "10.2 percent",
            10.2,
            unit=PCT,
            subj=["profit", "allowed profit", None],
            speaker="Luis Ferraro",
        ),
        c("about 580,000 customers", 580000, q="approximately", subj="customer"),
        c(
            "$1.5 billion",
            1500000000,
            unit="usd",
            subj=["upgrade", "grid upgrade", None],
            period=["over the next five years", "the next five years"],
        ),
    ],
    optional=["1,100 kilowatt-hours", "five years"],
)

# ---------------------------------------------------------------- ru18 population estimates (Franklin)
case(
    "2025-03-14",
    P(
        "Census: Williamson County added 9,400 residents",
        "FRANKLIN, Tenn. — Williamson County's population grew to an estimated 269,100 as of July 1, 2024, a gain of about 9,400 people, or 3.6%, according to Census Bureau estimates released Thursday.",
        "The county has grown by 41 percent over the past decade. Neighboring Maury County gained 4,850 residents, while Davidson County narrowly rose, by 0.4 percent, to 718,000.",
        'County Mayor Beth Calloway said the growth brings roughly 35 new students a week into the schools. "We opened two schools last fall and we\'ll need three more by 2028," she said.',
    ),
    [
        c("9,400 residents", 9400, subj="resident", change="difference", dir="up"),
        c(
            "an estimated 269,100",
            269100,
            q="approximately",
            subj="population",
            period="as of July 1, 2024",
        ),
        c(
            "about 9,400 people",
            9400,
            q="approximately",
            subj=PEOPLE + ["gain"],
            change="difference",
            dir="up",
        ),
        c(
            "3.6%",
            3.6,
            unit=PCT,
            subj=["population", "gain", None],
            change="percent_change",
            dir="up",
        ),
        c(
            "41 percent",
            41,
            unit=PCT,
            subj=["county", "population", None],
            change="percent_change",
            dir="up",
            period=["over the past decade", "the past decade"],
        ),
        c("4,850 residents", 4850, subj="resident", change="difference", dir="up"),
        c(
            "0.4 percent",
            0.4,
            unit=PCT,
            subj=["population", "county", None],
            change="percent_change",
            dir="up",
        ),
        c("718,000", 718000, subj=["population", None]),
        c(
            "roughly 35 new students a week",
            35,
            unit=None,
            q="approximately",
            subj="student",
            speaker="Beth Calloway",
        ),
        c("two schools", 2, subj="school", period="last fall", speaker="Beth Calloway"),
        c(
            "three more",
            3,
            subj=["school", None],
            change=["level", "difference"],
            dir="up",
            period="by 2028",
            speaker="Beth Calloway",
        ),
    ],
    not_claims=["July 1, 2024", "2028"],
)
# ---------------------------------------------------------------- ru19 crime presentation (Springfield)
case(
    "2021-11-09",
    P(
        "Violent crime down, property crime up in Springfield",
        "SPRINGFIELD, Mo. — Springfield police logged 1,912 violent crimes in the first three quarters of 2021, compared with 2074 at the same time in 2020, according to a presentation to City Council on Monday.",
        "The presentation showed aggravated assaults fell 11 percent, while motor vehicle thefts tripled in some neighborhoods. Officers seized 811 rounds of ammunition and 7lbs of methamphetamine in a single search in September.",
        "Police Chief Paul Whitcomb spoke to council and said the department has 31 vacancies among its 361 sworn positions, fewer than in '17, when there were 44.",
    ),
    [
        c(
            "1,912 violent crimes",
            1912,
            subj=["crime", "violent crime"],
            period=["in the first three quarters of 2021", "the first three quarters of 2021"],
        ),
        c(
            "2074",
            2074,
            subj=["crime", "violent crime", None],
            period=["at the same time in 2020", "the same time in 2020"],
        ),
        c(
            "11 percent",
            11,
            unit=PCT,
            subj=["assault", "aggravated assault"],
            change="percent_change",
            dir="down",
        ),
        c("811 rounds", 811, subj=["round", "ammunition"], period=["in September", "September"]),
        c(
            "7lbs",
            7,
            unit=["lbs", "lb", "pounds", "pound"],
            subj="methamphetamine",
            period=["in September", "September"],
        ),
        c("31 vacancies", 31, subj="vacancy", speaker="Paul Whitcomb"),
        c("44", 44, subj=["vacancy", None], period="in '17", speaker="Paul Whitcomb"),
    ],
    optional=["first three quarters", "tripled", "361 sworn positions"],
    not_claims=["2021", "2020", "'17"],
)

# ---------------------------------------------------------------- ru20 school tax rate (Owensboro)
case(
    "2025-08-22",
    P(
        "OWENSBORO, Ky. — The Daviess County Board of Education voted 4-1 Thursday to raise the property tax rate to 79.6 cents per $100 of assessed value, up from 78.1 cents.",
        "The increase will bring in about $1.2 million more for the 2025-26 school year, Finance Director Leah Ostrowski said. Health insurance premiums for staff show a 36-percent increase, she said, and the state's per-pupil SEEK allotment grew by just two-tenths of 1 percent.",
        "The owner of a $200,000 home will pay $1,592 a year, about $30 more than now. Enrollment was 11,640 as of Tuesday.",
        "The district halved its use of substitute teachers after hiring 38 full-time floaters, Ostrowski said.",
    ),
    [
        c(
            "79.6 cents",
            [0.796, 79.6],
            unit=["usd", "cents"],
            paired=True,
            subj=["rate", "tax rate", "property tax rate"],
        ),
        c(
            "78.1 cents",
            [0.781, 78.1],
            unit=["usd", "cents"],
            paired=True,
            subj=["rate", "tax rate", "property tax rate", None],
        ),
        c(
            "about $1.2 million more",
            1200000,
            unit="usd",
            q="approximately",
            subj=["increase", "revenue", None],
            change="difference",
            dir="up",
            period=["for the 2025-26 school year", "the 2025-26 school year", "2025-26"],
            speaker="Leah Ostrowski",
        ),
        c(
            "36-percent",
            36,
            unit=PCT,
            subj=["premium", "insurance premium", "health insurance premium"],
            change="percent_change",
            dir="up",
            speaker="Leah Ostrowski",
        ),
        c(
            "two-tenths of 1 percent",
            0.2,
            unit=PCT,
            subj=["allotment", "seek allotment", "per-pupil allotment"],
            change="percent_change",
            dir="up",
            speaker="Leah Ostrowski",
        ),
        c("$1,592", 1592, unit="usd", subj=["tax", "owner", None]),
        c(
            "about $30 more",
            30,
            unit="usd",
            q="approximately",
            subj=["tax", "owner", None],
            change="difference",
            dir="up",
            period=["than now", "now"],
        ),
        c("11,640", 11640, subj="enrollment", period="as of Tuesday"),
        c(
            "38 full-time floaters",
            38,
            subj=["floater", "full-time floater"],
            speaker="Leah Ostrowski",
        ),
    ],
    optional=["4-1", "$100", "$200,000", "halved"],
    not_claims=["2025-26"],
)

# ---------------------------------------------------------------- ru21 hospital layoffs (Yakima)
case(
    "2025-07-10",
    P(
        "Regional hospital to cut 140 jobs",
        "YAKIMA, Wash. — Valley Memorial Health will eliminate 140 positions, about 5% of its workforce, the company said Wednesday, after losing $23.4 million in the first nine months of fiscal 2025.",
        "The cuts include 52 management roles. Patient volumes have rebounded since the pandemic, but the hospital's operating margin slid to negative 4.1 percent, according to a statement.",
        "Chief Executive Sandra Kwan said in a video to employees that the system shed 61 traveling nurses since March and trimmed supply spending by $6.8 million. Emergency room visits climbed to 71,300 last year, up from 64,900 in 2022.",
    ),
    [
        c("140 jobs", 140, subj="job"),
        c("140 positions", 140, subj="position"),
        c("about 5%", 5, unit=PCT, q="approximately", subj=["workforce", "position", None]),
        c(
            "$23.4 million",
            23400000,
            unit="usd",
            subj=["loss", "money", None],
            period=[
                "in the first nine months of fiscal 2025",
                "the first nine months of fiscal 2025",
                "fiscal 2025",
            ],
        ),
        c("52 management roles", 52, subj=["role", "management role"]),
        c("negative 4.1 percent", -4.1, unit=PCT, subj=["margin", "operating margin"]),
        c(
            "61 traveling nurses",
            61,
            subj=["nurse", "traveling nurse"],
            change="difference",
            dir="down",
            period="since March",
            speaker="Sandra Kwan",
        ),
        c(
            "$6.8 million",
            6800000,
            unit="usd",
            subj=["spending", "supply spending"],
            change="difference",
            dir="down",
            speaker="Sandra Kwan",
        ),
        c(
            "71,300",
            71300,
            subj=["visit", "emergency room visit", "room visit"],
            period="last year",
        ),
        c("64,900", 64900, subj=["visit", "emergency room visit", None], period="in 2022"),
    ],
    optional=["first nine months"],
    not_claims=["2025", "2022"],
)

# ---------------------------------------------------------------- ru22 crime lab backlog (Jackson)
case(
    "2024-02-14",
    P(
        "Crime lab backlog falls below 1,000 cases",
        "JACKSON, Miss. — The state forensics laboratory had 962 pending DNA cases as of Tuesday, down from 2,410 in January 2023, Director Owen Pruitt told lawmakers.",
        "Pruitt said analysts completed 5,870 analyses last year, nearly twice as many as in 2021, after the Legislature added $3.1 million and 14 analyst positions. The average turnaround for a sexual assault kit was cut by 47 days, to 118.",
        "The lab still has a backlog of about 1,300 toxicology requests, he said, and expects to clear it by the end of the 2025 fiscal year.",
    ),
    [
        c("1,000 cases", 1000, q="less_than", subj=["case", "backlog"]),
        c(
            "962 pending DNA cases",
            962,
            subj=["case", "dna case", "pending dna case"],
            period="as of Tuesday",
            speaker="Owen Pruitt",
        ),
        c(
            "2,410",
            2410,
            subj=["case", "dna case", None],
            period=["in January 2023", "January 2023"],
            speaker="Owen Pruitt",
        ),
        c("5,870 analyses", 5870, subj="analysis", period="last year", speaker="Owen Pruitt"),
        c(
            "$3.1 million",
            3100000,
            unit="usd",
            subj=["funding", "legislature", None],
            change=["level", "difference"],
            dir="up",
            speaker="Owen Pruitt",
        ),
        c(
            "14 analyst positions",
            14,
            subj=["position", "analyst position"],
            change=["level", "difference"],
            dir="up",
            speaker="Owen Pruitt",
        ),
        c(
            "47 days",
            47,
            unit=["days", "day"],
            subj=["turnaround", "average turnaround"],
            change="difference",
            dir="down",
        ),
        c("118", 118, unit=["days", "day", None], subj=["turnaround", "average turnaround", None]),
        c(
            "about 1,300 toxicology requests",
            1300,
            q="approximately",
            subj=["request", "toxicology request"],
            speaker="Owen Pruitt",
        ),
    ],
    optional=["nearly twice as many"],
    not_claims=["2023", "2021", "2025"],
)

# ---------------------------------------------------------------- ru23 snow and crashes (Indianapolis)
case(
    "2025-01-06",
    P(
        "Snow, ice blamed for 214 crashes",
        "INDIANAPOLIS — State police responded to 214 crashes and 96 slide-offs on Indiana highways between Friday night and Sunday morning, Sgt. Kayla Moreno said.",
        "Moreno said 17 people were hurt, two of them seriously, and no one was killed.  Indianapolis picked up 6.4 inches of snow, the most from a single storm since 2021, according to the National Weather Service. Wind chills dipped to 12 below zero.",
        "The city had 84 plows on the road Saturday and spread about 11,000 tons of salt, public works spokesman Dan Haverty said. That leaves roughly 27,500 tons, or about 60% of the city's stockpile.",
    ),
    [
        c("214 crashes", 214, subj="crash", nth=0),
        c(
            "214 crashes",
            214,
            subj="crash",
            period="between Friday night and Sunday morning",
            speaker="Kayla Moreno",
            nth=1,
        ),
        c(
            "96 slide-offs",
            96,
            subj=["slide-off", "slide-offs"],
            period="between Friday night and Sunday morning",
            speaker="Kayla Moreno",
        ),
        c("17 people", 17, subj=PEOPLE, speaker="Kayla Moreno"),
        c("two of them", 2, subj=PEOPLE + [None], speaker="Kayla Moreno"),
        c("6.4 inches", 6.4, unit=["inches", "inch", "in"], subj=["snow", "inch"]),
        c("12 below zero", -12, unit=["degrees", "degree", None], subj=["chill", "wind chill"]),
        c("84 plows", 84, subj="plow", period="Saturday", speaker="Dan Haverty"),
        c(
            "about 11,000 tons",
            11000,
            unit=["tons", "ton"],
            q="approximately",
            subj=["salt", "ton"],
            period="Saturday",
            speaker="Dan Haverty",
        ),
        c(
            "roughly 27,500 tons",
            27500,
            unit=["tons", "ton"],
            q="approximately",
            subj=["ton", "salt", None],
        ),
        c("about 60%", 60, unit=PCT, q="approximately", subj=["stockpile", None]),
    ],
    not_claims=["2021", "no one"],
)

# ---------------------------------------------------------------- ru24 plant expansion jobs (Decatur, Ill.)
case(
    "2024-11-13",
    P(
        "Plant expansion to add 450 jobs",
        "DECATUR, Ill. — Agricultural processor Prairie Grain Co. will add 450 jobs over the next three years as part of a $310 million expansion of its east side plant, the company said Tuesday.",
        "The new jobs will pay an average of $27.80 an hour, state Commerce Director Nadia Brooks said. The state will provide up to $18 million in tax credits, Brooks said.",
        "The plant already employs about 1,650 people. Macon County's manufacturing sector gained 1,200 jobs in the past year, according to state data, while the county's jobless rate was 5.6% in October, the highest of any Illinois metro area.",
    ),
    [
        c("450 jobs", 450, subj="job", change=["level", "difference"], dir="up", nth=0),
        c(
            "450 jobs",
            450,
            subj="job",
            change=["level", "difference"],
            dir="up",
            period=["over the next three years", "the next three years"],
            nth=1,
        ),
        c("$310 million", 310000000, unit="usd", subj="expansion"),
        c(
            "an average of $27.80 an hour",
            27.8,
            unit=["usd", None],
            subj=["job", "pay", "wage", None],
            speaker="Nadia Brooks",
        ),
        c(
            "up to $18 million",
            18000000,
            unit="usd",
            q="at_most",
            subj=["credit", "tax credit"],
            speaker="Nadia Brooks",
        ),
        c("about 1,650 people", 1650, q="approximately", subj=PEOPLE),
        c(
            "1,200 jobs",
            1200,
            subj="job",
            change="difference",
            dir="up",
            period=["in the past year", "the past year"],
        ),
        c("5.6%", 5.6, unit=PCT, subj=["rate", "jobless rate"], period=["in October", "October"]),
    ],
    optional=["three years"],
)
# ---------------------------------------------------------------- ru25 hurricane flood damage (Asheville)
case(
    "2024-10-18",
    P(
        "ASHEVILLE, N.C. — Helene's floodwaters damaged or destroyed at least 1,840 homes in Buncombe County, county officials said Friday, and early estimates put the losses at between $1.2 billion and $1.5 billion.",
        "The storm dropped 13 to 17 inches of rain across the county over three days. FEMA has approved about $96 million in individual assistance for 21,300 households as of Thursday, agency spokesman Curtis Lang said.",
        "”We are nowhere near done,” Lang said. Debris crews have hauled away nearly 2.1 million cubic yards, roughly a third of what remains, he said.",
        "The French Broad River crested at 24.7 feet, about 4 feet above the previous record, set in 1916.",
    ),
    [
        c("at least 1,840 homes", 1840, q="at_least", subj="home"),
        c(
            "between $1.2 billion and $1.5 billion",
            1200000000,
            1500000000,
            unit="usd",
            q="range",
            subj=["loss", "estimate"],
        ),
        c(
            "13 to 17 inches",
            13,
            17,
            unit=["inches", "inch", "in"],
            q="range",
            subj=["rain", "inch"],
            period="over three days",
        ),
        c(
            "about $96 million",
            96000000,
            unit="usd",
            q="approximately",
            subj=["assistance", "individual assistance"],
            period="as of Thursday",
            speaker="Curtis Lang",
        ),
        c(
            "21,300 households",
            21300,
            subj="household",
            period="as of Thursday",
            speaker="Curtis Lang",
        ),
        c(
            "nearly 2.1 million cubic yards",
            2100000,
            unit=["cubic yards", "yards", "cubic yard", "yard"],
            q="almost",
            subj=["yard", "cubic yard", "debris"],
            speaker="Curtis Lang",
        ),
        c("24.7 feet", 24.7, unit=["feet", "foot", "ft"], subj=["river", "crest", "foot", None]),
        c(
            "about 4 feet",
            4,
            unit=["feet", "foot", "ft"],
            q="approximately",
            subj=["record", "foot", "river", None],
            change="difference",
            dir="up",
        ),
    ],
    optional=["three days", "roughly a third"],
    not_claims=["1916"],
)

# ---------------------------------------------------------------- ru26 county budget (Eau Claire)
case(
    "2025-10-02",
    P(
        "Library, parks feel pinch in county budget",
        "EAU CLAIRE, Wis. — Eau Claire County's proposed 2026 budget totals $214.5 million, about a 9 percent decrease from this year, as federal pandemic money runs out, County Administrator Noel Vantassel said.",
        "The levy would rise 2.9%, to $44.1 million, adding about $21 to the tax bill on a $250,000 home. Parks funding fell by half, to $610,000, and the library system's allotment was trimmed by $85,000.",
        "The county expects to end 2025 with between 40 and 45 unfilled positions, Vantassel said. Sales tax receipts rebounded 3.8 percent in the first half of the year after slipping in 2024.",
    ),
    [
        c(
            "$214.5 million",
            214500000,
            unit="usd",
            subj=["budget", "proposed budget"],
            period=["2026", "proposed 2026 budget"],
            speaker="Noel Vantassel",
        ),
        c(
            "about a 9 percent decrease",
            9,
            unit=PCT,
            q="approximately",
            subj=["budget", "decrease"],
            change="percent_change",
            dir="down",
            period=["from this year", "this year"],
            speaker="Noel Vantassel",
        ),
        c("2.9%", 2.9, unit=PCT, subj="levy", change="percent_change", dir="up"),
        c("$44.1 million", 44100000, unit="usd", subj="levy"),
        c(
            "about $21",
            21,
            unit="usd",
            q="approximately",
            subj=["bill", "tax bill", "levy"],
            change="difference",
            dir="up",
        ),
        c("$610,000", 610000, unit="usd", subj=["funding", "parks funding"]),
        c(
            "$85,000",
            85000,
            unit="usd",
            subj=["allotment", "library allotment"],
            change="difference",
            dir="down",
        ),
        c(
            "between 40 and 45 unfilled positions",
            40,
            45,
            q="range",
            subj=["position", "unfilled position"],
            period=["end 2025", "2025"],
            speaker="Noel Vantassel",
        ),
        c(
            "3.8 percent",
            3.8,
            unit=PCT,
            subj=["receipt", "sales tax receipt", "tax receipt"],
            change="percent_change",
            dir="up",
            period=["in the first half of the year", "the first half of the year"],
        ),
    ],
    optional=["$250,000", "fell by half", "first half"],
    not_claims=["2026", "2025", "2024"],
)

# ---------------------------------------------------------------- ru27 school bond election (Lawrence)
case(
    "2025-04-02",
    P(
        "Voters approve $86 million school bond",
        "LAWRENCE, Kan. — An $86 million bond issue for Lawrence Public Schools passed Tuesday with 58.2% of the vote, according to unofficial results from the Douglas County Clerk's office.",
        "The measure drew 14,611 yes votes and 10,493 no votes. It will pay for roofs, heating systems and security upgrades at 19 buildings and raise the mill levy by 1.75 mills, officials said. That works out to roughly $40 a year on a home valued at $200,000.",
        'Superintendent Anna Fiedler thanked voters Wednesday. "We asked for what we need and not a penny more," Fiedler said. A similar $119 million proposal failed in \'19 by fewer than 600 votes.',
    ),
    [
        c("$86 million", 86000000, unit="usd", subj=["bond", "school bond"], nth=0),
        c("$86 million", 86000000, unit="usd", subj=["issue", "bond issue", "bond"], nth=1),
        c("58.2%", 58.2, unit=PCT, subj="vote"),
        c("14,611 yes votes", 14611, subj=["vote", "yes vote"]),
        c("10,493 no votes", 10493, subj=["vote", "no vote"]),
        c("19 buildings", 19, subj="building"),
        c(
            "1.75 mills",
            1.75,
            unit=["mills", "mill"],
            subj=["levy", "mill levy"],
            change="difference",
            dir="up",
        ),
        c(
            "roughly $40 a year",
            40,
            unit=["usd", None],
            q="approximately",
            subj=["tax", "levy", None],
            change=["difference", "level"],
            dir="up",
        ),
        c("$119 million", 119000000, unit="usd", subj="proposal", period="in '19"),
        c("fewer than 600 votes", 600, q="less_than", subj="vote", period="in '19"),
    ],
    optional=["$200,000"],
    not_claims=["'19", "not a penny more"],
)

# ---------------------------------------------------------------- ru28 overdose calls and naloxone (Huntington)
case(
    "2024-07-26",
    P(
        "Naloxone kits go out by the thousands",
        "HUNTINGTON, W.Va. — Cabell County EMS crews answered 1,118 overdose calls in the first six months of the year, just under the 1,146 recorded during the same stretch of 2023, EMS Director Gordon Merritt said.",
        "On some weekends crews have handled as many as 31 overdose calls in a single day, he said.",
        "The county's quick response team visited 402 people within 72 hours of an overdose, and 137 of them entered treatment, or about 34 percent, according to the health department. Peer coaches have handed out 3,250 naloxone kits since January, more than twice the total for all of 2022.",
    ),
    [
        c(
            "1,118 overdose calls",
            1118,
            subj=["call", "overdose call"],
            period=["in the first six months of the year", "the first six months of the year"],
            speaker="Gordon Merritt",
        ),
        c(
            "1,146",
            1146,
            subj=["call", "overdose call", None],
            period=["during the same stretch of 2023", "the same stretch of 2023"],
            speaker="Gordon Merritt",
        ),
        c(
            "as many as 31 overdose calls",
            31,
            q="at_most",
            subj=["call", "overdose call"],
            speaker="Gordon Merritt",
        ),
        c("402 people", 402, subj=PEOPLE),
        c("137", 137, subj=PEOPLE + [None]),
        c("about 34 percent", 34, unit=PCT, q="approximately", subj=PEOPLE + [None]),
        c("3,250 naloxone kits", 3250, subj=["kit", "naloxone kit"], period="since January"),
    ],
    optional=["first six months", "72 hours", "more than twice the total"],
    not_claims=["2023", "2022", "by the thousands"],
)

# ---------------------------------------------------------------- ru29 drought and water use (San Antonio)
case(
    "2024-08-14",
    P(
        "Water use restrictions tighten as aquifer drops",
        "SAN ANTONIO — The Edwards Aquifer fell to 628.4 feet above sea level at the J-17 index well on Tuesday, triggering Stage 3 restrictions, the San Antonio Water System said.",
        "Customers will be limited to watering lawns once every other week.  SAWS spokeswoman Anita Pardo said residential use averaged 141 gallons per person per day in July, down from 162 a year earlier, a 13 percent drop.",
        "The region has logged 38 days at or above 100 degrees since June 1, and just 4.1 inches of rain this year, less than half the normal amount. Medina Lake was 6% full as of Monday.",
    ),
    [
        c(
            "628.4 feet",
            628.4,
            unit=["feet", "foot", "ft"],
            subj=["aquifer", "level", "foot"],
            period=["on Tuesday", "Tuesday"],
        ),
        c(
            "141 gallons per person per day",
            141,
            unit=None,
            subj=["use", "residential use"],
            period=["in July", "July"],
            speaker="Anita Pardo",
        ),
        c(
            "162",
            162,
            unit=None,
            subj=["use", "residential use", None],
            period="a year earlier",
            speaker="Anita Pardo",
        ),
        c(
            "13 percent",
            13,
            unit=PCT,
            subj=["use", "drop", "residential use", None],
            change="percent_change",
            dir="down",
            period="a year earlier",
            speaker="Anita Pardo",
        ),
        c("38 days", 38, unit=["days", "day"], subj="day", period="since June 1"),
        c(
            "4.1 inches",
            4.1,
            unit=["inches", "inch", "in"],
            subj=["rain", "inch"],
            period="this year",
        ),
        c("6%", 6, unit=PCT, subj=["lake", "medina lake", None], period="as of Monday"),
    ],
    optional=["100 degrees", "less than half"],
    not_claims=["J-17", "Stage 3", "June 1"],
)

# ---------------------------------------------------------------- ru30 school bus drivers (Columbus)
case(
    "2024-10-08",
    P(
        "Bus driver shortage eases, district says",
        "COLUMBUS, Ohio — Columbus City Schools has 412 bus drivers on staff as of this week, 37 more than in August, transportation director Terrence Oyelaran said Monday, though the district still needs about 60 more to cover every route.",
        "The district runs 680 buses a day to carry roughly 36,000 students, including those at charter and private schools. Late buses have fallen to an average of 14 a day from 52 in the first week of school.",
        "Starting pay for drivers rose to $24.35 an hour, up 8%, after the board approved a new contract, Oyelaran said. Signing bonuses of $2,500 have doubled the number of applicants, the district said.",
    ),
    [
        c(
            "412 bus drivers",
            412,
            subj=["driver", "bus driver"],
            period="as of this week",
            speaker="Terrence Oyelaran",
        ),
        c(
            "37 more",
            37,
            subj=["driver", "bus driver", None],
            change="difference",
            dir="up",
            period=["than in August", "August"],
            speaker="Terrence Oyelaran",
        ),
        c(
            "about 60 more",
            60,
            q="approximately",
            subj=["driver", "bus driver", None],
            change=["level", "difference"],
            dir="up",
            speaker="Terrence Oyelaran",
        ),
        c("680 buses a day", 680, unit=None, subj="bus"),
        c("roughly 36,000 students", 36000, q="approximately", subj="student"),
        c("an average of 14 a day", 14, unit=None, subj=["bus", "late bus", None]),
        c(
            "52",
            52,
            unit=None,
            subj=["bus", "late bus", None],
            period=["in the first week of school", "the first week of school"],
        ),
        c(
            "$24.35 an hour",
            24.35,
            unit=["usd", None],
            subj=["pay", "starting pay"],
            speaker="Terrence Oyelaran",
        ),
        c(
            "8%",
            8,
            unit=PCT,
            subj=["pay", "starting pay"],
            change="percent_change",
            dir="up",
            speaker="Terrence Oyelaran",
        ),
        c("$2,500", 2500, unit="usd", subj=["bonus", "signing bonus"]),
    ],
    optional=["doubled"],
    not_claims=["first week"],
)


# ---------------------------------------------------------------- build
NUMWORD = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozen|half"
)
KEY = re.compile(rf"\d[\d,.]*\d|\.\d+|\d|\b(?:{NUMWORD})\b(?:-\w+)?", re.I)


def anchor_span(text, anchor, nth, pid):
    n = text.count(anchor)
    if n == 0:
        raise SystemExit(f"{pid}: anchor {anchor!r} not in text")
    if nth is None:
        if n > 1:
            raise SystemExit(f"{pid}: anchor {anchor!r} occurs {n} times; give nth")
        nth = 0
    start = -1
    for _ in range(nth + 1):
        start = text.find(anchor, start + 1)
        if start < 0:
            raise SystemExit(f"{pid}: anchor {anchor!r} (nth {nth}) not found")
    end = start + len(anchor)
    # the anchor must not cut a word or a number in two
    if anchor[0].isalnum() and start > 0 and text[start - 1].isalnum():
        raise SystemExit(f"{pid}: anchor {anchor!r} starts inside a word")
    if anchor[-1].isalnum() and end < len(text) and text[end].isalnum():
        raise SystemExit(f"{pid}: anchor {anchor!r} ends inside a word")
    assert text[start:end] == anchor
    return start, end


def key_span(text, start, end):
    m = KEY.search(text, start, end)
    if not m:
        raise SystemExit(f"no number in anchor {text[start:end]!r}")
    return m.start(), m.end()


def spans(text, items, pid):
    out = []
    for a in items:
        a, nth = (a, None) if isinstance(a, str) else a
        s, e = anchor_span(text, a, nth, pid)
        out.append(dict(anchor=a, start=s, end=e))
    return out


def as_list(x):
    return x if isinstance(x, list) else [x]


def main():
    recs = []
    (HERE / "cases").mkdir(exist_ok=True)
    for i, k in enumerate(CASES, 1):
        pid = f"ru{i:02d}"
        text = k["text"]
        claims = []
        for cl in k["claims"]:
            cl = dict(cl)
            cl["start"], cl["end"] = anchor_span(text, cl["anchor"], cl.pop("nth"), pid)
            cl["key_start"], cl["key_end"] = key_span(text, cl["start"], cl["end"])
            for ph in as_list(cl["period"]):
                assert ph is None or ph.lower() in text.lower(), (pid, cl["anchor"], ph)
            if cl["speaker"] is not None:
                assert cl["speaker"].split()[-1] in text, (pid, cl["anchor"], cl["speaker"])
            assert cl["qualifier"] in (
                "exact",
                "approximately",
                "more_than",
                "at_least",
                "less_than",
                "at_most",
                "almost",
                "range",
            ), (pid, cl["anchor"])
            for ch in as_list(cl["change"]):
                assert ch in ("level", "difference", "percent_change"), (pid, cl["anchor"])
            if cl["change"] != "level":
                assert cl["direction"] is not None, (pid, cl["anchor"], "change without direction")
            lows, highs = as_list(cl["low"]), as_list(cl["high"])
            assert len(lows) == len(highs)
            if cl["qualifier"] == "range":
                assert all(lo < hi for lo, hi in zip(lows, highs, strict=True)), (pid, cl["anchor"])
            claims.append(cl)
        claims.sort(key=lambda x: x["start"])
        keys = [(x["key_start"], x["key_end"]) for x in claims]
        assert len(set(keys)) == len(keys), f"{pid}: two claims share a key"
        opt, nots = spans(text, k["optional"], pid), spans(text, k["not_claims"], pid)
        for o in opt + nots:  # a distractor or optional span must not cover a claim's key
            for x in claims:
                assert not (o["start"] <= x["key_start"] and x["key_end"] <= o["end"]), (
                    pid,
                    o,
                    x["anchor"],
                )
        words = len(text.split())
        assert 50 <= words <= 260, (pid, words)
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
