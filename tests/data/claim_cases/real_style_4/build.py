"""Builds the rs4 real-style set (ids rv01..rv30): 30 original passages written in the style of US local news copy
(no sentence or distinctive phrase copied from any story), hand-labelled under the claim contract of
/work/shared/DESIGN.md and the labelling conventions of /work/shared/eval/real-copy/README.md.
Offsets and keys are computed here by program. A field set to None is not scored; a list means any of
its members is right. Writes cases/rvNN.json (one record each) and real_style.jsonl (all records).
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


PTS = [PCT, "point", "points", "percentage point", "percentage points"]
MIN = ["minutes", "minute"]
INCH = ["inches", "inch", "in"]
MILES = ["miles", "mile"]
ACRES = ["acres", "acre"]
DAYS = ["days", "day"]
USD = "usd"

# ---------------------------------------------------------------- rv01 calls for service, property crime (Lincoln)
case(
    "2025-07-15",
    P(
        "Calls to police climb as property crime slides, chief says",
        "LINCOLN, Neb. — Calls for service to the Lincoln Police Department climbed to 61,480 in the first half of the year, an increase of about 4 percent over the same period last year, Chief Dolores Ruelas told the City Council on Monday.",
        "Property crimes slid to 3,902 from 4,310, she said. Burglaries accounted for 611 of them. Ruelas said officers reached priority-one calls in an average of 6.8 minutes, down from 7.5 minutes. The department has 341 sworn officers and 27 vacancies.",
        "“We are doing more with the people we have,” Ruelas said. “Overtime alone cost $1.6 million through June.”",
        "Tips can be left with Crime Stoppers at 402-475-3600.",
    ),
    [
        c(
            "61,480",
            61480,
            subj=["call", "call for service"],
            period=["in the first half of the year", "the first half of the year"],
            speaker="Dolores Ruelas",
        ),
        c(
            "about 4 percent",
            4,
            unit=PCT,
            q="approximately",
            subj=["call", "call for service", "increase", None],
            change="percent_change",
            dir="up",
            period=["over the same period last year", "the same period last year"],
            speaker="Dolores Ruelas",
        ),
        c("3,902", 3902, subj=["crime", "property crime"], speaker="Dolores Ruelas"),
        c("4,310", 4310, subj=["crime", "property crime", None], speaker="Dolores Ruelas"),
        c("611", 611, subj=["burglary"]),
        c(
            "an average of 6.8 minutes",
            6.8,
            unit=MIN,
            subj=["call", "priority-one call", "minute", "time", "response time", None],
            speaker="Dolores Ruelas",
        ),
        c(
            "7.5 minutes",
            7.5,
            unit=MIN,
            subj=["call", "priority-one call", "minute", "time", "response time", None],
            speaker="Dolores Ruelas",
        ),
        c("341 sworn officers", 341, subj=["officer", "sworn officer"]),
        c("27 vacancies", 27, subj=["vacancy"]),
        c(
            "$1.6 million",
            1600000,
            unit=USD,
            subj=["overtime"],
            period="through June",
            speaker="Dolores Ruelas",
        ),
    ],
    optional=["first half"],
    not_claims=["priority-one", "402-475-3600"],
)

# ---------------------------------------------------------------- rv02 county budget and levy (Cedar Rapids)
case(
    "2025-03-13",
    P(
        "CEDAR RAPIDS, Iowa — Linn County supervisors on Wednesday approved a $212.4 million budget for fiscal 2026, up 3.1% from this year's.",
        "The property tax levy will rise by $2.7 million, to $118.9 million, while the rural levy rate drops 12 cents, to $4.07 per $1,000 of taxable value. A home assessed at $250,000 would pay about $31 more in county taxes, according to Budget Director Wendell Hoyt.",
        "The budget sets aside $1.2 million for road repairs and adds nine deputy positions at the sheriff's office.",
        "“This is a hold-the-line budget,” Supervisor Amara Quist said. She noted that 40 percent of spending goes to public safety. The vote was 4-1.",
    ),
    [
        c(
            "$212.4 million budget",
            212400000,
            unit=USD,
            subj="budget",
            period=["for fiscal 2026", "fiscal 2026"],
        ),
        c(
            "3.1%",
            3.1,
            unit=PCT,
            subj=["budget"],
            change="percent_change",
            dir="up",
            period=["from this year's", "this year's", "this year"],
        ),
        c(
            "$2.7 million",
            2700000,
            unit=USD,
            subj=["levy", "property tax levy", "tax levy"],
            change="difference",
            dir="up",
        ),
        c("$118.9 million", 118900000, unit=USD, subj=["levy", "property tax levy", "tax levy"]),
        c(
            "12 cents",
            [0.12, 12],
            unit=["usd", "cents"],
            paired=True,
            subj=["rate", "levy rate", "rural levy rate"],
            change="difference",
            dir="down",
        ),
        c("$4.07", 4.07, unit=USD, subj=["rate", "levy rate", "rural levy rate"]),
        c(
            "about $31 more",
            31,
            unit=USD,
            q="approximately",
            subj=["tax", "county tax", "home", None],
            change="difference",
            dir="up",
            speaker="Wendell Hoyt",
        ),
        c("$1.2 million for road repairs", 1200000, unit=USD, subj=["repair", "road repair"]),
        c(
            "nine deputy positions",
            9,
            subj=["position", "deputy position"],
            change=["difference", "level"],
            dir="up",
        ),
        c("40 percent", 40, unit=PCT, subj=["spending"], speaker="Amara Quist"),
    ],
    optional=["$1,000", "$250,000", "4-1"],
    not_claims=["2026"],
)

# ---------------------------------------------------------------- rv03 enrolment and free lunch (Springfield, Mo.)
case(
    "2025-09-26",
    P(
        "Enrollment dips again at Springfield schools",
        "SPRINGFIELD, Mo. — Springfield Public Schools counted 23,418 students on the state's September count day, 286 fewer than a year ago, the district said Thursday.",
        "Kindergarten enrollment fell to 1,702, a drop of 9.4 percent since 2019. The number of students who qualify for free or reduced-price lunch rose to 11,230, or nearly 48 percent of the district.",
        "Chief Operations Officer Gwen Faraday said the district has trimmed 41 teaching positions through attrition since last spring. “We won't close a building this year,” Faraday said. “Next year, two elementary schools are on the table.”",
        "Each student brings in about $7,300 in state aid.",
    ),
    [
        c(
            "23,418 students",
            23418,
            subj="student",
            period=["on the state's September count day", "September count day", "count day"],
        ),
        c(
            "286 fewer",
            286,
            subj=["student", None],
            change="difference",
            dir="down",
            period=["than a year ago", "a year ago"],
        ),
        c("1,702", 1702, subj=["enrollment", "kindergarten enrollment"]),
        c(
            "9.4 percent",
            9.4,
            unit=PCT,
            subj=["enrollment", "kindergarten enrollment", "drop"],
            change="percent_change",
            dir="down",
            period="since 2019",
        ),
        c("11,230", 11230, subj=["student", "number"]),
        c("nearly 48 percent", 48, unit=PCT, q="almost", subj=["student", "district", None]),
        c(
            "41 teaching positions",
            41,
            subj=["position", "teaching position"],
            change="difference",
            dir="down",
            period=["since last spring", "last spring"],
            speaker="Gwen Faraday",
        ),
        c(
            "two elementary schools",
            2,
            subj=["school", "elementary school"],
            period="Next year",
            speaker="Gwen Faraday",
        ),
        c("about $7,300", 7300, unit=USD, q="approximately", subj=["aid", "state aid"]),
    ],
    not_claims=["2019"],
)

# ---------------------------------------------------------------- rv04 county unemployment (Erie)
case(
    "2025-09-19",
    P(
        "County jobless rate ticks up to 4.6%",
        "ERIE, Pa. — Erie County's unemployment rate rose to 4.6 percent in August from 4.3 percent in July, the state Department of Labor and Industry reported Friday.",
        "About 6,900 county residents were out of work, up from 6,450 a month earlier. Employers shed 300 jobs over the month, most of them in manufacturing, while health care added 140.",
        "Over the past year, metro-area payrolls grew by 1.1%, to 126,300 jobs, according to the report.",
        "“One plant layoff can move the number,” said Rolf Anand, an economist with the regional workforce board. He said the rate was 5.8% as recently as 2021.",
    ),
    [
        c("4.6%", 4.6, unit=PCT, subj=["rate", "jobless rate"]),
        c(
            "4.6 percent",
            4.6,
            unit=PCT,
            subj=["rate", "unemployment rate"],
            period=["in August", "August"],
        ),
        c(
            "4.3 percent",
            4.3,
            unit=PCT,
            subj=["rate", "unemployment rate", None],
            period=["in July", "July"],
        ),
        c(
            "About 6,900 county residents",
            6900,
            q="approximately",
            subj=["resident", "county resident"],
        ),
        c("6,450", 6450, subj=["resident", "county resident", None], period="a month earlier"),
        c(
            "300 jobs",
            300,
            subj="job",
            change="difference",
            dir="down",
            period="over the month",
            nth=0,
        ),
        c(
            "140",
            140,
            subj=["job", None],
            change=["difference", "level"],
            dir="up",
            period="over the month",
        ),
        c(
            "1.1%",
            1.1,
            unit=PCT,
            subj=["payroll", "metro-area payroll", "job"],
            change="percent_change",
            dir="up",
            period=["Over the past year", "the past year"],
        ),
        c(
            "126,300 jobs",
            126300,
            subj=["job", "payroll"],
            period=["Over the past year", "the past year"],
        ),
        c(
            "5.8%",
            5.8,
            unit=PCT,
            subj=["rate", None],
            period=["as recently as 2021", "2021"],
            speaker="Rolf Anand",
        ),
    ],
    optional=["One plant layoff"],
    not_claims=["2021"],
)

# ---------------------------------------------------------------- rv05 rents and vacancy (Knoxville)
case(
    "2025-07-22",
    P(
        "Rents keep climbing in Knox County, report says",
        "KNOXVILLE, Tenn. — The average asking rent for a two-bedroom apartment in Knox County reached $1,486 in the second quarter, up 5.2 percent from the same quarter last year, according to a report released Tuesday by the Knoxville Area Association of Realtors. One-bedroom rents rose 3.8%, to $1,195.",
        "Vacant units were scarce. The vacancy rate slipped to 3.9%, down from 4.6%, and just 212 new units came on the market, the fewest since 2016.",
        "Housing advocate Leticia Barnwell said about 1 in 4 renters spends more than half of their income on rent. “People are one bad month away from losing their place,” Barnwell told WBIR.",
        "The county's waiting list for housing vouchers stands at 5,140 households.",
    ),
    [
        c(
            "$1,486",
            1486,
            unit=USD,
            subj=["rent", "asking rent", "average asking rent"],
            period=["in the second quarter", "the second quarter"],
        ),
        c(
            "5.2 percent",
            5.2,
            unit=PCT,
            subj=["rent", "asking rent"],
            change="percent_change",
            dir="up",
            period=["from the same quarter last year", "the same quarter last year"],
        ),
        c(
            "3.8%",
            3.8,
            unit=PCT,
            subj=["rent", "one-bedroom rent"],
            change="percent_change",
            dir="up",
        ),
        c("$1,195", 1195, unit=USD, subj=["rent", "one-bedroom rent"]),
        c("3.9%", 3.9, unit=PCT, subj=["rate", "vacancy rate"]),
        c("4.6%", 4.6, unit=PCT, subj=["rate", "vacancy rate", None]),
        c("212 new units", 212, subj=["unit", "new unit"]),
        c("5,140 households", 5140, subj="household"),
    ],
    optional=["two-bedroom", "One-bedroom", "1 in 4", "more than half"],
    not_claims=["2016", "one bad month"],
)

# ---------------------------------------------------------------- rv06 storms, rain, outages (Lexington)
case(
    "2025-05-14",
    P(
        "Storms dump up to 4 inches of rain, knock out power to thousands",
        "LEXINGTON, Ky. — A line of thunderstorms dropped 3.62 inches of rain at Blue Grass Airport between 6 p.m. Tuesday and 4 a.m. Wednesday, a record for the date, the National Weather Service said.",
        "Wind gusts reached 61 mph in Fayette County. At the peak, about 38,500 Kentucky Utilities customers were without power; by noon that number had fallen to 9,200, utility spokesman Dario Keppel said.",
        "Crews had cleared 146 downed trees from city streets by midday, according to the public works department. Firefighters made 11 water rescues, most of them along Versailles Road and U.S. 60.",
        "Another 1 to 2 inches is possible Friday.",
    ),
    [
        c("up to 4 inches", 4, unit=INCH, q="at_most", subj=["rain", "inch", None]),
        c(
            "3.62 inches",
            3.62,
            unit=INCH,
            subj=["rain", "inch"],
            period=[
                "between 6 p.m. Tuesday and 4 a.m. Wednesday",
                "6 p.m. Tuesday and 4 a.m. Wednesday",
            ],
        ),
        c("61 mph", 61, unit="mph", subj=["gust", "wind gust"]),
        c(
            "about 38,500 Kentucky Utilities customers",
            38500,
            q="approximately",
            subj=["customer", "utilities customer", "kentucky utilities customer"],
            period="At the peak",
            speaker="Dario Keppel",
        ),
        c(
            "9,200",
            9200,
            subj=["customer", "number", None],
            period="by noon",
            speaker="Dario Keppel",
        ),
        c("146 downed trees", 146, subj=["tree", "downed tree"], period="by midday"),
        c("11 water rescues", 11, subj=["rescue", "water rescue"]),
        c(
            "1 to 2 inches",
            1,
            2,
            unit=INCH,
            q="range",
            subj=["rain", "inch", None],
            period="Friday",
        ),
    ],
    not_claims=["thousands", "6 p.m.", "4 a.m.", "U.S. 60"],
)

# ---------------------------------------------------------------- rv07 traffic deaths (Wisconsin, Dane County)
case(
    "2025-10-08",
    P(
        "MADISON, Wis. — Traffic deaths on Wisconsin roads are running behind last year's pace. Through Sept. 30, 487 people had died in crashes statewide, compared with 519 through the same date in 2024, according to preliminary figures from the state Department of Transportation.",
        "Motorcyclist deaths jumped to 96, up 14 from a year earlier, while pedestrian deaths held at 58. Among the dead was a 16-year-old driver killed Sept. 21 near Verona.",
        "In Dane County, 31 people have been killed so far this year, sheriff's Capt. Marisol Tenney said, and alcohol was a factor in about a third of those crashes.",
        "“Twenty-two of them weren't wearing a seat belt,” Tenney said. “That's the number that keeps me up at night.”",
    ),
    [
        c("487 people", 487, subj=PEOPLE, period="Through Sept. 30"),
        c(
            "519",
            519,
            subj=PEOPLE + [None],
            period=["through the same date in 2024", "the same date in 2024"],
        ),
        c("96", 96, subj=["death", "motorcyclist death"]),
        c(
            "14",
            14,
            subj=["death", "motorcyclist death", None],
            change="difference",
            dir="up",
            period=["from a year earlier", "a year earlier"],
        ),
        c("58", 58, subj=["death", "pedestrian death"]),
        c("31 people", 31, subj=PEOPLE, period="so far this year", speaker="Marisol Tenney"),
        c("Twenty-two", 22, subj=PEOPLE + ["them", None], speaker="Marisol Tenney"),
    ],
    optional=["about a third"],
    not_claims=["Sept. 30", "2024", "16-year-old", "Sept. 21"],
)

# ---------------------------------------------------------------- rv08 overdose deaths, naloxone (Tucson)
case(
    "2025-05-21",
    P(
        "TUCSON, Ariz. — Overdose deaths in Pima County fell 23 percent last year, to 318, the county medical examiner's office reported Wednesday. That is down from 413 in 2023 and the lowest total since 2019.",
        "Fentanyl was involved in 221 of the deaths. The county's overdose death rate dropped to 29.4 per 100,000 residents, from 38.6.",
        "Health Director Ines Calderwood credited naloxone. Her department handed out 41,000 doses of the overdose-reversal drug in 2024, more than double the year before, she said.",
        "“We are still losing more than six people a week,” Calderwood said. The county has budgeted $2.3 million in opioid settlement money for treatment beds this year.",
    ),
    [
        c(
            "23 percent",
            23,
            unit=PCT,
            subj=["death", "overdose death"],
            change="percent_change",
            dir="down",
            period="last year",
        ),
        c("318", 318, subj=["death", "overdose death", None], period="last year"),
        c("413", 413, subj=["death", "overdose death", "total", None], period="in 2023"),
        c("221", 221, subj=["death", None]),
        c(
            "29.4 per 100,000 residents",
            29.4,
            unit=None,
            subj=["rate", "death rate", "overdose death rate"],
        ),
        c("38.6", 38.6, unit=None, subj=["rate", "death rate", None]),
        c("41,000 doses", 41000, subj=["dose"], period="in 2024", speaker="Ines Calderwood"),
        c(
            "more than six people a week",
            6,
            unit=None,
            q="more_than",
            subj=PEOPLE,
            speaker="Ines Calderwood",
        ),
        c(
            "$2.3 million",
            2300000,
            unit=USD,
            subj=["money", "settlement money", "opioid settlement money"],
            period="this year",
        ),
    ],
    optional=["100,000", "more than double"],
    not_claims=["2023", "2019", "2024"],
)

# ---------------------------------------------------------------- rv09 fire department annual report (Spokane)
case(
    "2025-02-18",
    P(
        "Fire calls hit record as medical runs dominate",
        "SPOKANE, Wash. — The Spokane Fire Department answered 58,214 calls last year, the most on record, according to its annual report. Medical emergencies made up 47,900 of them, or 82 percent.",
        "Structure fires dropped to 294 from 331 in 2023. Fire losses still totaled an estimated $19.6 million, driven largely by two warehouse fires.",
        "Fire Chief Leon Oyelowo said crews arrived within eight minutes on 71% of emergency calls, short of the department's 90% goal. “We added one engine company in March,” he said, “and we need three more.”",
        "Five civilians died in fires in 2024, down from nine, including a 79-year-old woman in the 1400 block of East Sprague Avenue.",
    ),
    [
        c("58,214 calls", 58214, subj="call", period="last year"),
        c("47,900", 47900, subj=["emergency", "medical emergency"]),
        c("82 percent", 82, unit=PCT, subj=["emergency", "medical emergency", None]),
        c("294", 294, subj=["fire", "structure fire"]),
        c("331", 331, subj=["fire", "structure fire", None], period="in 2023"),
        c(
            "an estimated $19.6 million",
            19600000,
            unit=USD,
            q="approximately",
            subj=["loss", "fire loss"],
        ),
        c("two warehouse fires", 2, subj=["fire", "warehouse fire"]),
        c("71%", 71, unit=PCT, subj=["call", "emergency call"], speaker="Leon Oyelowo"),
        c("90% goal", 90, unit=PCT, subj=["goal"], speaker="Leon Oyelowo"),
        c(
            "three more",
            3,
            subj=["company", "engine company", None],
            change=["level", "difference"],
            dir="up",
            speaker="Leon Oyelowo",
        ),
        c("Five civilians", 5, subj="civilian", period="in 2024"),
        c("nine", 9, subj=["civilian", None]),
    ],
    optional=["eight minutes", "one engine company"],
    not_claims=["2023", "2024", "79-year-old", "1400 block"],
)

# ---------------------------------------------------------------- rv10 municipal election turnout (Durham)
case(
    "2025-11-05",
    P(
        "DURHAM, N.C. — Just 18.7% of Durham County's 241,600 registered voters cast ballots in Tuesday's municipal election, down from 23.4% two years ago, according to unofficial results from the county Board of Elections.",
        "Of the 45,180 ballots cast, 19,870 came in during early voting, elections director Priya Hollings said.",
        "In the mayor's race, Delia Marsh won with 61 percent of the vote. A $95 million school bond passed by a margin of 6,412 votes. Hollings said 37 provisional ballots remain to be reviewed before the canvass Nov. 14.",
        "The board spent about $410,000 to run the election, or roughly $9 per ballot.",
    ),
    [
        c(
            "18.7%",
            18.7,
            unit=PCT,
            subj=["voter", "registered voter", "turnout"],
            period=["in Tuesday's municipal election", "Tuesday's municipal election"],
        ),
        c("241,600 registered voters", 241600, subj=["voter", "registered voter"]),
        c("23.4%", 23.4, unit=PCT, subj=["voter", "turnout", None], period="two years ago"),
        c("45,180 ballots", 45180, subj="ballot", speaker="Priya Hollings"),
        c(
            "19,870",
            19870,
            subj=["ballot", None],
            period=["during early voting", "early voting"],
            speaker="Priya Hollings",
        ),
        c("61 percent", 61, unit=PCT, subj=["vote"]),
        c("$95 million", 95000000, unit=USD, subj=["bond", "school bond"]),
        c("a margin of 6,412 votes", 6412, subj=["vote", "margin"]),
        c(
            "37 provisional ballots",
            37,
            subj=["ballot", "provisional ballot"],
            speaker="Priya Hollings",
        ),
        c(
            "about $410,000",
            410000,
            unit=USD,
            q="approximately",
            subj=["election", "spending", "cost", "board", None],
        ),
        c(
            "roughly $9 per ballot",
            9,
            unit=[USD, None],
            q="approximately",
            subj=["ballot", "cost", None],
        ),
    ],
    optional=["two years"],
    not_claims=["Nov. 14"],
)

# ---------------------------------------------------------------- rv11 water and sewer rates (Athens, Ga.)
case(
    "2025-04-16",
    P(
        "Water bills to rise 7% in July, utility says",
        "ATHENS, Ga. — Customers of the Athens-Clarke County water and sewer utility will pay about $5.60 more a month starting July 1 under rates the commission approved Tuesday night, 8-2.",
        "The typical household bill, based on 6,000 gallons, will go from $78.15 to $83.75. The base charge climbs $2, to $14.50, and the volume charge rises 31 cents per 1,000 gallons.",
        "Utility Director Hamid Okafor said the increase pays for $46 million in sewer plant upgrades over five years. The utility lost an estimated 12 percent of its treated water to leaks last year, he said, down from 15 percent in 2022.",
        "Customers 65 and older can apply for a 20% discount.",
    ),
    [
        c(
            "7%",
            7,
            unit=PCT,
            subj=["bill", "water bill"],
            change="percent_change",
            dir="up",
            period=["in July", "July"],
        ),
        c(
            "about $5.60 more",
            5.6,
            unit=USD,
            q="approximately",
            subj=["customer", "bill", None],
            change="difference",
            dir="up",
            period=["starting July 1"],
        ),
        c("$78.15", 78.15, unit=USD, subj=["bill", "household bill"]),
        c("$83.75", 83.75, unit=USD, subj=["bill", "household bill", None]),
        c("$2", 2, unit=USD, subj=["charge", "base charge"], change="difference", dir="up"),
        c("$14.50", 14.5, unit=USD, subj=["charge", "base charge"]),
        c(
            "31 cents",
            [0.31, 31],
            unit=["usd", "cents"],
            paired=True,
            subj=["charge", "volume charge"],
            change="difference",
            dir="up",
        ),
        c(
            "$46 million",
            46000000,
            unit=USD,
            subj=["upgrade", "sewer plant upgrade", "plant upgrade"],
            period="over five years",
            speaker="Hamid Okafor",
        ),
        c(
            "an estimated 12 percent",
            12,
            unit=PCT,
            q="approximately",
            subj=["water", "treated water"],
            period="last year",
            speaker="Hamid Okafor",
        ),
        c(
            "15 percent",
            15,
            unit=PCT,
            subj=["water", "treated water", None],
            period="in 2022",
            speaker="Hamid Okafor",
        ),
        c(
            "20% discount",
            20,
            unit=PCT,
            subj=["discount"],
            change=["level", "percent_change"],
            dir="down",
        ),
    ],
    optional=["8-2", "6,000 gallons", "1,000 gallons", "five years"],
    not_claims=["July 1", "2022", "65 and older"],
)

# ---------------------------------------------------------------- rv12 tourism spending and tax (Branson)
case(
    "2025-08-18",
    P(
        "BRANSON, Mo. — Visitors spent a record $2.4 billion in Taney County last year, up 6 percent from 2023, according to a study released Monday by the Branson/Lakes Area Convention and Visitors Bureau.",
        "Tourism tax collections climbed to $14.1 million in fiscal 2025, while hotel occupancy averaged 61.5%. The area drew an estimated 9.8 million visits, about 300,000 more than the year before.",
        "“Our shoulder seasons carried us,” bureau President Corinne Lattimore told KY3. She said visits in November and December grew 11% over the same months in 2023, making the holidays one of the strongest stretches of the year.",
        "Leisure and hospitality jobs in the county totaled 17,450 in June, the state reported.",
    ),
    [
        c("$2.4 billion", 2400000000, unit=USD, subj=["spending", "visitor"], period="last year"),
        c(
            "6 percent",
            6,
            unit=PCT,
            subj=["spending", "visitor", None],
            change="percent_change",
            dir="up",
            period=["from 2023", "last year"],
        ),
        c(
            "$14.1 million",
            14100000,
            unit=USD,
            subj=["collection", "tax collection", "tourism tax collection"],
            period=["in fiscal 2025", "fiscal 2025"],
        ),
        c(
            "61.5%",
            61.5,
            unit=PCT,
            subj=["occupancy", "hotel occupancy"],
            period=["in fiscal 2025", "fiscal 2025"],
        ),
        c("an estimated 9.8 million visits", 9800000, q="approximately", subj="visit"),
        c(
            "about 300,000 more",
            300000,
            q="approximately",
            subj=["visit", None],
            change="difference",
            dir="up",
            period=["than the year before", "the year before"],
        ),
        c(
            "11%",
            11,
            unit=PCT,
            subj=["visit"],
            change="percent_change",
            dir="up",
            period=["over the same months in 2023", "the same months in 2023"],
            speaker="Corinne Lattimore",
        ),
        c(
            "17,450",
            17450,
            subj=["job", "hospitality job", "leisure and hospitality job"],
            period=["in June", "June"],
        ),
    ],
    not_claims=[("2023", 0), ("2023", 1), "2025", "KY3", "one of the strongest"],
)

# ---------------------------------------------------------------- rv13 jail bookings and population (Wichita)
case(
    "2025-08-13",
    P(
        "Jail bookings down 7%, but inmates staying longer, sheriff says",
        "WICHITA, Kan. — The number of people booked into the Sedgwick County jail fell to 18,240 in fiscal 2025, about 7% fewer than the year before, Sheriff Roland Voss told county commissioners Wednesday.",
        "The average daily population was 1,412, up from 1,287, and the average stay grew to 27 days from 22, Voss said.",
        "The jail has 1,320 beds, so the county is paying to house about 90 inmates in other counties at $55 a day.",
        "“We can't build our way out of this,” Commissioner Tallis Brandt said. A mental health diversion program has served 640 people since 2023, according to a county report.",
    ),
    [
        c(
            "7%",
            7,
            unit=PCT,
            subj=["booking", "jail booking"],
            change="percent_change",
            dir="down",
            speaker="Roland Voss",
            nth=0,
        ),
        c(
            "18,240",
            18240,
            subj=PEOPLE + ["number", "booking"],
            period=["in fiscal 2025", "fiscal 2025"],
            speaker="Roland Voss",
        ),
        c(
            "about 7% fewer",
            7,
            unit=PCT,
            q="approximately",
            subj=PEOPLE + ["booking", None],
            change="percent_change",
            dir="down",
            period=["than the year before", "the year before"],
            speaker="Roland Voss",
        ),
        c(
            "1,412",
            1412,
            unit=None,
            subj=["population", "daily population", "average daily population"],
            speaker="Roland Voss",
        ),
        c(
            "1,287",
            1287,
            unit=None,
            subj=["population", "daily population", "average daily population", None],
            speaker="Roland Voss",
        ),
        c("27 days", 27, unit=DAYS, subj=["stay", "average stay"], speaker="Roland Voss"),
        c("22", 22, unit=DAYS + [None], subj=["stay", "average stay", None], speaker="Roland Voss"),
        c("1,320 beds", 1320, subj="bed"),
        c("about 90 inmates", 90, q="approximately", subj="inmate"),
        c("$55 a day", 55, unit=None, subj=["cost", "inmate", "rate", None]),
        c("640 people", 640, subj=PEOPLE, period="since 2023"),
    ],
    not_claims=["2025", "2023"],
)

# ---------------------------------------------------------------- rv14 bus ridership (Richmond)
case(
    "2025-08-20",
    P(
        "Bus ridership tops pre-pandemic levels",
        "RICHMOND, Va. — GRTC buses carried 9.6 million passengers in fiscal 2025, up 8.2 percent from the year before and about 12% above fiscal 2019, the transit company said.",
        "The Pulse rapid bus line alone logged 2.1 million trips. Weekday ridership averaged roughly 31,000, while Saturday ridership grew 14%.",
        "Fares have been free since 2020; the city and state put $18.7 million toward keeping them that way this year.",
        "“Ridership on Route 5 is up by a third,” said Nadia Okonjo, GRTC's chief of planning. She said on-time performance slipped to 84 percent in June from 88 percent in May.",
    ),
    [
        c(
            "9.6 million passengers",
            9600000,
            subj="passenger",
            period=["in fiscal 2025", "fiscal 2025"],
        ),
        c(
            "8.2 percent",
            8.2,
            unit=PCT,
            subj=["passenger", "ridership", None],
            change="percent_change",
            dir="up",
            period=["from the year before", "the year before"],
        ),
        c(
            "about 12%",
            12,
            unit=PCT,
            q="approximately",
            subj=["passenger", "ridership", None],
            change="percent_change",
            dir="up",
            period=["above fiscal 2019", "fiscal 2019"],
        ),
        c("2.1 million trips", 2100000, subj="trip"),
        c(
            "roughly 31,000",
            31000,
            unit=None,
            q="approximately",
            subj=["ridership", "weekday ridership"],
        ),
        c(
            "14%",
            14,
            unit=PCT,
            subj=["ridership", "saturday ridership"],
            change="percent_change",
            dir="up",
        ),
        c(
            "$18.7 million",
            18700000,
            unit=USD,
            subj=["funding", "money", "fare", "city", None],
            period="this year",
        ),
        c(
            "84 percent",
            84,
            unit=PCT,
            subj=["performance", "on-time performance"],
            period=["in June", "June"],
            speaker="Nadia Okonjo",
        ),
        c(
            "88 percent",
            88,
            unit=PCT,
            subj=["performance", "on-time performance", None],
            period=["in May", "May"],
            speaker="Nadia Okonjo",
        ),
    ],
    optional=["by a third"],
    not_claims=["2025", "2019", "2020", "Route 5"],
)

# ---------------------------------------------------------------- rv15 animal shelters over capacity (Albuquerque)
case(
    "2025-06-10",
    P(
        "Shelters over capacity, waive adoption fees",
        "ALBUQUERQUE, N.M. — The city's two animal shelters held 693 dogs on Monday, well above the 520 kennels they were built for, Animal Welfare Director Josefina Arceo said.",
        "Intake has climbed to 11,870 animals so far this year, an increase of 1,340 over the same period last year. Owner surrenders jumped 22%, which Arceo blamed on rising rents.",
        "Adoptions slid to 5,905, down about 6 percent. To free up space, the department is waiving fees through Sunday, a discount of $75 per dog.",
        "“Every kennel is full, and we are doubling dogs up,” Arceo said. The shelters' live-release rate stands at 88.3%.",
    ),
    [
        c("two animal shelters", 2, subj=["shelter", "animal shelter"], speaker="Josefina Arceo"),
        c("693 dogs", 693, subj="dog", period=["on Monday", "Monday"], speaker="Josefina Arceo"),
        c("520 kennels", 520, subj="kennel", speaker="Josefina Arceo"),
        c("11,870 animals", 11870, subj="animal", period="so far this year"),
        c(
            "1,340",
            1340,
            subj=["animal", "intake", None],
            change="difference",
            dir="up",
            period=["over the same period last year", "the same period last year"],
        ),
        c(
            "22%",
            22,
            unit=PCT,
            subj=["surrender", "owner surrender"],
            change="percent_change",
            dir="up",
        ),
        c("5,905", 5905, subj=["adoption"]),
        c(
            "about 6 percent",
            6,
            unit=PCT,
            q="approximately",
            subj=["adoption", None],
            change="percent_change",
            dir="down",
        ),
        c(
            "$75 per dog",
            75,
            unit=USD,
            subj=["discount", "fee", "dog"],
            change=["level", "difference"],
            dir="down",
        ),
        c("88.3%", 88.3, unit=PCT, subj=["rate", "live-release rate"]),
    ],
)

# ---------------------------------------------------------------- rv16 road repairs (Grand Rapids)
case(
    "2025-04-22",
    P(
        "City will repave 38 miles of streets this summer",
        "GRAND RAPIDS, Mich. — Grand Rapids plans to spend $27.5 million on road repairs this construction season, the most in city history, Mobile GR Director Ezekiel Varga said Tuesday.",
        "Crews will repave 38 miles and fill an estimated 45,000 potholes, compared with 52,300 last year. Over the past five years, the city has rebuilt or resurfaced 171 miles of streets.",
        "About 42% of city streets are now rated in good or fair condition, up from 29 percent in 2015, when voters renewed the streets tax.",
        "The work is paid for in part by a $1.9 million federal grant. Detours on 28th Street and Division Avenue begin May 5.",
    ),
    [
        c("38 miles", 38, unit=MILES, subj=["street", "mile"], period="this summer", nth=0),
        c(
            "$27.5 million",
            27500000,
            unit=USD,
            subj=["repair", "road repair"],
            period="this construction season",
            speaker="Ezekiel Varga",
        ),
        c("38 miles", 38, unit=MILES, subj=["street", "mile", None], nth=1),
        c("an estimated 45,000 potholes", 45000, q="approximately", subj="pothole"),
        c("52,300", 52300, subj=["pothole", None], period="last year"),
        c(
            "171 miles",
            171,
            unit=MILES,
            subj=["street", "mile"],
            period=["Over the past five years", "the past five years"],
        ),
        c("About 42%", 42, unit=PCT, q="approximately", subj=["street", "city street"]),
        c("29 percent", 29, unit=PCT, subj=["street", "city street", None], period="in 2015"),
        c("$1.9 million", 1900000, unit=USD, subj=["grant", "federal grant"]),
    ],
    optional=["five years"],
    not_claims=["2015", "28th Street", "May 5"],
)

# ---------------------------------------------------------------- rv17 state test scores (Fresno)
case(
    "2025-10-15",
    P(
        "FRESNO, Calif. — Fewer than a third of Fresno Unified students met state standards in math this spring, though scores rose for the second straight year, according to results released Wednesday by the California Department of Education.",
        "In math, 27.4% of students met or exceeded standards, up 2.1 percentage points from 2024. English scores climbed to 36.8 percent, from 35.2 percent.",
        "Among third graders, 31% were reading at grade level. Chronic absenteeism fell to 24 percent, down from 33 percent two years ago.",
        "Superintendent Everett Langhorne said the district will add 120 literacy tutors with a $9.5 million state grant. “That's 120 more adults in classrooms every day,” he said.",
    ),
    [
        c("27.4%", 27.4, unit=PCT, subj=["student", None]),
        c(
            "2.1 percentage points",
            2.1,
            unit=PTS,
            subj=["student", "score", None],
            change="difference",
            dir="up",
            period="from 2024",
        ),
        c("36.8 percent", 36.8, unit=PCT, subj=["score", "english score"]),
        c("35.2 percent", 35.2, unit=PCT, subj=["score", "english score", None]),
        c("31%", 31, unit=PCT, subj=["grader", "third grader"]),
        c("24 percent", 24, unit=PCT, subj=["absenteeism", "chronic absenteeism"]),
        c(
            "33 percent",
            33,
            unit=PCT,
            subj=["absenteeism", "chronic absenteeism", None],
            period="two years ago",
        ),
        c(
            "120 literacy tutors",
            120,
            subj=["tutor", "literacy tutor"],
            change=["difference", "level"],
            dir="up",
            speaker="Everett Langhorne",
        ),
        c(
            "$9.5 million",
            9500000,
            unit=USD,
            subj=["grant", "state grant"],
            speaker="Everett Langhorne",
        ),
        c(
            "120 more adults",
            120,
            subj=["adult"],
            change=["difference", "level"],
            dir="up",
            speaker="Everett Langhorne",
        ),
    ],
    optional=["Fewer than a third", "two years"],
    not_claims=["2024", "second straight year", "third graders"],
)

# ---------------------------------------------------------------- rv18 home prices and inventory (Sarasota)
case(
    "2025-04-18",
    P(
        "SARASOTA, Fla. — The median sale price of a single-family home in Sarasota County slid to $489,000 in March, down 4.3% from a year earlier, the Realtor Association of Sarasota and Manatee reported.",
        "Closed sales rose 2.6 percent, to 1,118, but inventory swelled to 5,874 active listings, a 31% jump. Homes sold in a median of 58 days, 19 days longer than in March 2024.",
        "Condo prices fell harder. The median condo sold for $325,000, a drop of $40,000.",
        "“Buyers finally have leverage,” said broker Amelia Strand, the association's president. She said 37% of listings had at least one price cut.",
    ),
    [
        c(
            "$489,000",
            489000,
            unit=USD,
            subj=["price", "sale price", "median sale price"],
            period=["in March", "March"],
        ),
        c(
            "4.3%",
            4.3,
            unit=PCT,
            subj=["price", "sale price", "median sale price"],
            change="percent_change",
            dir="down",
            period=["from a year earlier", "a year earlier"],
        ),
        c(
            "2.6 percent",
            2.6,
            unit=PCT,
            subj=["sale", "closed sale"],
            change="percent_change",
            dir="up",
        ),
        c("1,118", 1118, subj=["sale", "closed sale"]),
        c("5,874 active listings", 5874, subj=["listing", "active listing", "inventory"]),
        c(
            "31%",
            31,
            unit=PCT,
            subj=["inventory", "listing", None],
            change="percent_change",
            dir="up",
        ),
        c("a median of 58 days", 58, unit=DAYS, subj=["home", "day", None]),
        c(
            "19 days longer",
            19,
            unit=DAYS,
            subj=["day", "home", None],
            change="difference",
            dir="up",
            period=["than in March 2024", "March 2024"],
        ),
        c("$325,000", 325000, unit=USD, subj=["condo", "price"]),
        c(
            "$40,000",
            40000,
            unit=USD,
            subj=["condo", "price", "drop", None],
            change="difference",
            dir="down",
        ),
        c("37%", 37, unit=PCT, subj=["listing"], speaker="Amelia Strand"),
    ],
    optional=["at least one"],
    not_claims=["2024"],
)

# ---------------------------------------------------------------- rv19 homicides and rates (Birmingham)
case(
    "2025-03-12",
    P(
        "Homicides fall for second straight year in Birmingham",
        "BIRMINGHAM, Ala. — Birmingham recorded 104 homicides in 2024, down from 143 the year before, a decline of 27%, according to police data.",
        "The city's homicide rate fell to 52.1 per 100,000 residents, still more than eight times the national rate. Nonfatal shootings dropped to 389 from 452.",
        "Police Chief Thaddeus Merriweather credited a violence-interruption program that has mediated more than 300 disputes since 2023. Officers cleared 61 percent of homicide cases last year, he said, compared with 44 percent in 2023.",
        "Through the first 10 weeks of this year, the city has had 17 homicides, three fewer than at this point in 2024.",
    ),
    [
        c("104 homicides", 104, subj="homicide", period="in 2024"),
        c("143", 143, subj=["homicide", None], period="the year before"),
        c(
            "27%",
            27,
            unit=PCT,
            subj=["homicide", "decline", None],
            change="percent_change",
            dir="down",
            period=["the year before", "in 2024"],
        ),
        c("52.1 per 100,000 residents", 52.1, unit=None, subj=["rate", "homicide rate"]),
        c("389", 389, subj=["shooting", "nonfatal shooting"]),
        c("452", 452, subj=["shooting", "nonfatal shooting", None]),
        c("more than 300 disputes", 300, q="more_than", subj="dispute", period="since 2023"),
        c(
            "61 percent",
            61,
            unit=PCT,
            subj=["case", "homicide case"],
            period="last year",
            speaker="Thaddeus Merriweather",
        ),
        c(
            "44 percent",
            44,
            unit=PCT,
            subj=["case", "homicide case", None],
            period="in 2023",
            speaker="Thaddeus Merriweather",
        ),
        c(
            "17 homicides",
            17,
            subj="homicide",
            period=[
                "Through the first 10 weeks of this year",
                "the first 10 weeks of this year",
                "this year",
            ],
        ),
        c(
            "three fewer",
            3,
            subj=["homicide", None],
            change="difference",
            dir="down",
            period=["than at this point in 2024", "at this point in 2024"],
        ),
    ],
    optional=["100,000", "more than eight times", "first 10 weeks"],
    not_claims=[("2024", 0), ("2023", 0), ("2023", 1), ("2024", 1), "second straight year"],
)

# ---------------------------------------------------------------- rv20 auto thefts (Louisville)
case(
    "2025-07-09",
    P(
        "LOUISVILLE, Ky. — Auto thefts in Louisville have dropped sharply this year, Louisville Metro Police say.",
        "Through the end of June, officers took 2,316 reports of stolen vehicles, compared with 3,540 during the same period last year, a decrease of 1,224, or about 35 percent. Kia and Hyundai models accounted for 38% of the thefts, down from 61%.",
        "Catalytic converter thefts fell to 190 in the first six months of the year.",
        "LMPD Maj. Colette Brannigan told WDRB that detectives recovered 1,705 stolen cars, about three in four. “Half of them turn up within 48 hours,” she said. The department has handed out 4,200 free steering-wheel locks since 2023.",
    ),
    [
        c(
            "2,316 reports",
            2316,
            subj=["report", "vehicle", "stolen vehicle"],
            period="Through the end of June",
        ),
        c(
            "3,540",
            3540,
            subj=["report", "vehicle", None],
            period=["during the same period last year", "the same period last year"],
        ),
        c(
            "1,224",
            1224,
            subj=["report", "theft", None],
            change="difference",
            dir="down",
            period=["the same period last year", "Through the end of June"],
        ),
        c(
            "about 35 percent",
            35,
            unit=PCT,
            q="approximately",
            subj=["report", "theft", "decrease", None],
            change="percent_change",
            dir="down",
            period=["the same period last year", "Through the end of June"],
        ),
        c("38%", 38, unit=PCT, subj=["theft", "model"]),
        c("61%", 61, unit=PCT, subj=["theft", "model", None]),
        c(
            "190",
            190,
            subj=["theft", "converter theft", "catalytic converter theft"],
            period=["in the first six months of the year", "the first six months of the year"],
        ),
        c("1,705 stolen cars", 1705, subj=["car", "stolen car"], speaker="Colette Brannigan"),
        c(
            "4,200 free steering-wheel locks",
            4200,
            subj=["lock", "steering-wheel lock"],
            period="since 2023",
        ),
    ],
    optional=["about three in four", "Half of them", "48 hours", "first six months"],
    not_claims=["2023"],
)

# ---------------------------------------------------------------- rv21 flu hospitalizations (Salt Lake County)
case(
    "2025-01-24",
    P(
        "Flu admissions top 400 in a week, health officials say",
        "SALT LAKE CITY — Salt Lake County hospitals admitted 412 patients with influenza in the week ending Jan. 18, the most in a single week since the 2017-18 season, the county health department said Friday.",
        "Emergency rooms logged 1,870 flu-like illness visits that week, about 9 percent of all visits. Since October, 2,960 flu hospitalizations have been reported countywide, and 14 children have died statewide, according to state health officials.",
        "Only 38% of adults have had a flu shot this season, down from 44% last season, department epidemiologist Noor Halvorsen said.",
        "“If you haven't been vaccinated, it is not too late,” Halvorsen said. Free clinics at the county's four public health centers give shots to anyone 6 months and older.",
    ),
    [
        c("top 400", 400, q="more_than", subj=["admission", "flu admission"]),
        c(
            "412 patients",
            412,
            subj="patient",
            period=["in the week ending Jan. 18", "the week ending Jan. 18"],
        ),
        c(
            "1,870 flu-like illness visits",
            1870,
            subj=["visit", "illness visit", "flu-like illness visit"],
            period="that week",
        ),
        c(
            "about 9 percent",
            9,
            unit=PCT,
            q="approximately",
            subj=["visit", None],
            period="that week",
        ),
        c(
            "2,960 flu hospitalizations",
            2960,
            subj=["hospitalization", "flu hospitalization"],
            period="Since October",
        ),
        c("14 children", 14, subj="child", period="Since October"),
        c("38%", 38, unit=PCT, subj=["adult"], period="this season", speaker="Noor Halvorsen"),
        c(
            "44%",
            44,
            unit=PCT,
            subj=["adult", None],
            period="last season",
            speaker="Noor Halvorsen",
        ),
        c(
            "four public health centers",
            4,
            subj=["center", "health center", "public health center"],
        ),
    ],
    not_claims=["Jan. 18", "2017-18", "6 months and older"],
)

# ---------------------------------------------------------------- rv22 wildfire (Bend)
case(
    "2025-08-07",
    P(
        "BEND, Ore. — The Cascade Ridge fire had burned 14,820 acres west of Sisters by Thursday morning and was 35% contained, fire officials said.",
        "More than 1,100 firefighters are assigned to the fire, including 42 hand crews and 9 helicopters. The blaze has destroyed 23 homes and 41 outbuildings, according to the Deschutes County Sheriff's Office, and about 2,300 residents remain under evacuation orders.",
        "The fire grew by roughly 3,000 acres Wednesday as winds gusted to 35 mph. Fire behavior analyst Kendra Falk said humidity could fall below 10 percent this weekend, and dozens of new spot fires were reported overnight.",
        "Highway 242 remains closed.",
    ),
    [
        c(
            "14,820 acres",
            14820,
            unit=ACRES,
            subj=["fire", "acre"],
            period=["by Thursday morning", "Thursday morning"],
        ),
        c(
            "35%",
            35,
            unit=PCT,
            subj=["fire", "containment", None],
            period=["by Thursday morning", "Thursday morning"],
        ),
        c("More than 1,100 firefighters", 1100, q="more_than", subj="firefighter"),
        c("42 hand crews", 42, subj=["crew", "hand crew"]),
        c("9 helicopters", 9, subj="helicopter"),
        c("23 homes", 23, subj="home"),
        c("41 outbuildings", 41, subj="outbuilding"),
        c("about 2,300 residents", 2300, q="approximately", subj="resident"),
        c(
            "roughly 3,000 acres",
            3000,
            unit=ACRES,
            q="approximately",
            subj=["fire", "acre"],
            change="difference",
            dir="up",
            period="Wednesday",
        ),
        c("35 mph", 35, unit="mph", subj=["wind", "gust"], period="Wednesday"),
        c(
            "below 10 percent",
            10,
            unit=PCT,
            q="less_than",
            subj="humidity",
            period="this weekend",
            speaker="Kendra Falk",
        ),
    ],
    not_claims=["dozens of", "Highway 242"],
)

# ---------------------------------------------------------------- rv23 city budget (Reno)
case(
    "2025-05-28",
    P(
        "RENO, Nev. — The Reno City Council on Wednesday adopted a $1.02 billion budget for the year that begins July 1, trimming general fund spending by $8.4 million to close a projected gap.",
        "In fiscal 2025, sales tax revenue came in at $71.3 million and property taxes brought in $94.6 million, Finance Director Mercedes Alcott told the council. Both are below forecast.",
        "The plan eliminates 37 vacant positions but adds 12 firefighters, paid for with a federal grant. Police overtime is capped at $6 million, down from $7.9 million.",
        '"We cut where it hurts least," Alcott said. The city\'s reserve will sit at 16.7% of spending, above its 16% policy minimum.',
    ),
    [
        c(
            "$1.02 billion",
            1020000000,
            unit=USD,
            subj="budget",
            period=["for the year that begins July 1", "the year that begins July 1"],
        ),
        c(
            "$8.4 million",
            8400000,
            unit=USD,
            subj=["spending", "general fund spending", "fund spending"],
            change="difference",
            dir="down",
        ),
        c(
            "$71.3 million",
            71300000,
            unit=USD,
            subj=["revenue", "sales tax revenue", "tax revenue"],
            period=["In fiscal 2025", "fiscal 2025"],
            speaker="Mercedes Alcott",
        ),
        c(
            "$94.6 million",
            94600000,
            unit=USD,
            subj=["tax", "property tax"],
            period=["In fiscal 2025", "fiscal 2025"],
            speaker="Mercedes Alcott",
        ),
        c(
            "37 vacant positions",
            37,
            subj=["position", "vacant position"],
            change="difference",
            dir="down",
        ),
        c("12 firefighters", 12, subj="firefighter", change=["difference", "level"], dir="up"),
        c("$6 million", 6000000, unit=USD, subj=["overtime", "police overtime"]),
        c("$7.9 million", 7900000, unit=USD, subj=["overtime", "police overtime", None]),
        c("16.7%", 16.7, unit=PCT, subj=["reserve"]),
        c("16% policy minimum", 16, unit=PCT, subj=["minimum", "policy minimum", "reserve"]),
    ],
    not_claims=["July 1", "2025"],
)

# ---------------------------------------------------------------- rv24 plant layoffs (Peoria)
case(
    "2025-09-24",
    P(
        "PEORIA, Ill. — A Peoria manufacturer will shed 300 jobs by the end of the year as it moves engine assembly to Texas, according to a notice filed with the Illinois Department of Employment Security.",
        "The cuts at Bellweather Drivetrain's plant on Adams Street leave about 1,450 workers there, down from 2,100 in 2019. Average pay at the plant is $32.10 an hour. The company cut 180 jobs last spring.",
        "Its Peoria payroll tops $95 million a year, Mayor Orrin Castellanos said. “That's 300 families,” Castellanos told WEEK 25 News.",
        "He said the city will offer $4,000 retraining grants and has lined up 14 employers for a job fair Oct. 9.",
    ),
    [
        c(
            "300 jobs",
            300,
            subj="job",
            change="difference",
            dir="down",
            period=["by the end of the year", "the end of the year"],
        ),
        c("about 1,450 workers", 1450, q="approximately", subj="worker"),
        c("2,100", 2100, subj=["worker", None], period="in 2019"),
        c("$32.10 an hour", 32.1, unit=[USD, None], subj=["pay", "average pay"]),
        c("180 jobs", 180, subj="job", change="difference", dir="down", period="last spring"),
        c(
            "tops $95 million",
            95000000,
            unit=[USD, None],
            q="more_than",
            subj=["payroll", "peoria payroll"],
            speaker="Orrin Castellanos",
        ),
        c("300 families", 300, subj="family", speaker="Orrin Castellanos"),
        c(
            "$4,000",
            4000,
            unit=USD,
            subj=["grant", "retraining grant"],
            speaker="Orrin Castellanos",
        ),
        c("14 employers", 14, subj="employer", speaker="Orrin Castellanos"),
    ],
    not_claims=["2019", "WEEK 25", "Oct. 9"],
)

# ---------------------------------------------------------------- rv25 snowstorm (Duluth)
case(
    "2025-12-01",
    P(
        "Duluth digs out after 21 inches",
        "DULUTH, Minn. — A two-day storm buried Duluth under 21.4 inches of snow by Sunday night, the most from a single storm since 1991, the National Weather Service said.",
        "The city has spent $2.9 million on snow removal so far this winter, about $600,000 more than it budgeted for the entire season, Public Works Director Haldor Sveen said Monday. Crews have spread 11,400 tons of salt and sand.",
        "Police responded to 63 crashes and 118 vehicles in ditches from Friday through Sunday. Temperatures are forecast to fall to 14 below zero Tuesday night.",
        "Duluth Public Schools canceled classes for a second straight day.",
    ),
    [
        c("21 inches", 21, unit=INCH, subj=["snow", "inch", None]),
        c(
            "21.4 inches",
            21.4,
            unit=INCH,
            subj=["snow", "inch"],
            period=["by Sunday night", "Sunday night"],
        ),
        c(
            "$2.9 million",
            2900000,
            unit=USD,
            subj=["removal", "snow removal"],
            period=["so far this winter", "this winter"],
            speaker="Haldor Sveen",
        ),
        c(
            "about $600,000 more",
            600000,
            unit=USD,
            q="approximately",
            subj=["removal", "snow removal", "budget", None],
            change="difference",
            dir="up",
            period=["for the entire season", "the entire season", "so far this winter"],
            speaker="Haldor Sveen",
        ),
        c("11,400 tons", 11400, unit=["tons", "ton"], subj=["salt", "ton", "salt and sand"]),
        c("63 crashes", 63, subj="crash", period="from Friday through Sunday"),
        c("118 vehicles", 118, subj="vehicle", period="from Friday through Sunday"),
        c(
            "14 below zero",
            -14,
            unit=["degrees", "degree", None],
            subj=["temperature"],
            period="Tuesday night",
        ),
    ],
    optional=["two-day"],
    not_claims=["1991", "second straight day"],
)

# ---------------------------------------------------------------- rv26 homeless count (Eugene)
case(
    "2025-04-29",
    P(
        "EUGENE, Ore. — Volunteers counted 2,814 people experiencing homelessness in Lane County during the one-night count in January, up 11 percent from 2024, according to preliminary results released Tuesday.",
        "Of those, 1,930 were unsheltered, sleeping outside or in vehicles. The number of families with children grew to 164. That is up from 131.",
        "Lane County Human Services Manager Priscilla Vang said shelters added 210 beds over the past two years but still turned people away on 41 nights in January.",
        "“The count is a floor, not a ceiling,” Vang said. “We think the real number is closer to 3,500.” The county spent $38.2 million on homeless services last fiscal year.",
    ),
    [
        c(
            "2,814 people",
            2814,
            subj=PEOPLE,
            period=["during the one-night count in January", "in January"],
        ),
        c(
            "11 percent",
            11,
            unit=PCT,
            subj=PEOPLE + ["homelessness", None],
            change="percent_change",
            dir="up",
            period="from 2024",
        ),
        c("1,930", 1930, subj=PEOPLE + [None]),
        c("164", 164, subj=["family", "number"]),
        c("131", 131, subj=["family", "number", None]),
        c(
            "210 beds",
            210,
            subj="bed",
            change=["difference", "level"],
            dir="up",
            period=["over the past two years", "the past two years"],
            speaker="Priscilla Vang",
        ),
        c(
            "41 nights",
            41,
            unit=["count", "nights", "night"],
            subj=["night"],
            period="in January",
            speaker="Priscilla Vang",
        ),
        c(
            "closer to 3,500",
            3500,
            q="approximately",
            subj=["number"] + PEOPLE + [None],
            speaker="Priscilla Vang",
        ),
        c(
            "$38.2 million",
            38200000,
            unit=USD,
            subj=["service", "homeless service"],
            period="last fiscal year",
        ),
    ],
    optional=["one-night", "two years"],
    not_claims=["2024"],
)

# ---------------------------------------------------------------- rv27 electric rate case (Evansville)
case(
    "2025-01-15",
    P(
        "EVANSVILLE, Ind. — Tri-River Power & Light residential customers will see electric bills climb by about $14 a month starting in March after state regulators approved a rate increase Wednesday.",
        "The Indiana Utility Regulatory Commission granted the utility $82 million in new annual revenue, less than the $120 million it requested. That means an increase of roughly 8.3% for a typical household using 1,000 kilowatt-hours. The fixed monthly customer charge rises to $18 from $11.50.",
        "The average monthly bill would reach $183, consumer advocate Rosalind Mbeki said. She noted the utility has raised rates three times since 2021 and that the commission received 2,600 public comments last month.",
        "Tri-River serves about 150,000 electric customers in southwestern Indiana.",
    ),
    [
        c(
            "about $14 a month",
            14,
            unit=USD,
            q="approximately",
            subj=["bill", "electric bill"],
            change="difference",
            dir="up",
            period=["starting in March", "in March"],
        ),
        c(
            "$82 million",
            82000000,
            unit=USD,
            subj=["revenue", "annual revenue"],
            change=["level", "difference"],
            dir="up",
        ),
        c("$120 million", 120000000, unit=USD, subj=["revenue", None]),
        c(
            "roughly 8.3%",
            8.3,
            unit=PCT,
            q="approximately",
            subj=["increase", "bill", "household", None],
            change="percent_change",
            dir="up",
        ),
        c("$18", 18, unit=USD, subj=["charge", "customer charge"], nth=0),
        c("$11.50", 11.5, unit=USD, subj=["charge", "customer charge", None]),
        c(
            "$183",
            183,
            unit=USD,
            subj=["bill", "monthly bill", "average monthly bill"],
            speaker="Rosalind Mbeki",
        ),
        c(
            "2,600 public comments",
            2600,
            subj=["comment", "public comment"],
            period="last month",
            speaker="Rosalind Mbeki",
        ),
        c(
            "about 150,000 electric customers",
            150000,
            q="approximately",
            subj=["customer", "electric customer"],
        ),
    ],
    optional=["1,000 kilowatt-hours", "three times"],
    not_claims=["2021"],
)

# ---------------------------------------------------------------- rv28 ambulance response times (Raleigh)
case(
    "2025-04-01",
    P(
        "Ambulance waits grow longer, audit finds",
        "RALEIGH, N.C. — Wake County EMS crews took a median of 10.7 minutes to reach the most urgent calls in the first quarter, up from 9.3 minutes a year earlier, according to a county audit released Monday.",
        "Call volume grew 6.8%, to 31,277, while the number of ambulances in service during peak hours fell from 44 to 39 because of staffing shortages.",
        'Deputy Chief Marguerite Oduya said the agency has 58 paramedic openings. "We lose people to hospitals that pay $6 more an hour," Oduya said. "We have trained 24 new paramedics since July, and 19 have stayed."',
        "Commissioners will consider a $3.4 million pay plan on April 7.",
    ),
    [
        c(
            "a median of 10.7 minutes",
            10.7,
            unit=MIN,
            subj=["crew", "minute", "time", "response time", "call", None],
            period=["in the first quarter", "the first quarter"],
        ),
        c(
            "9.3 minutes",
            9.3,
            unit=MIN,
            subj=["crew", "minute", "time", "response time", "call", None],
            period="a year earlier",
        ),
        c("6.8%", 6.8, unit=PCT, subj=["volume", "call volume"], change="percent_change", dir="up"),
        c("31,277", 31277, subj=["volume", "call volume", "call"]),
        c("44", 44, subj=["ambulance", "number", None]),
        c("39", 39, subj=["ambulance", "number", None]),
        c(
            "58 paramedic openings",
            58,
            subj=["opening", "paramedic opening"],
            speaker="Marguerite Oduya",
        ),
        c(
            "$6 more",
            6,
            unit=[USD, None],
            subj=["pay", "hospital", None],
            change="difference",
            dir="up",
            speaker="Marguerite Oduya",
        ),
        c(
            "24 new paramedics",
            24,
            subj=["paramedic", "new paramedic"],
            period="since July",
            speaker="Marguerite Oduya",
        ),
        c("19", 19, subj=["paramedic", None], speaker="Marguerite Oduya"),
        c("$3.4 million", 3400000, unit=USD, subj=["plan", "pay plan"]),
    ],
    not_claims=["April 7"],
)

# ---------------------------------------------------------------- rv29 Labor Day DUI enforcement (Fort Collins)
case(
    "2025-09-05",
    P(
        "FORT COLLINS, Colo. — Troopers and local officers arrested 412 drivers on suspicion of impaired driving during the Labor Day enforcement period, down 9% from last year's campaign, the Colorado Department of Transportation said.",
        "Larimer County agencies made 37 of those arrests. Statewide, 5,928 DUI arrests have been made year to date, compared with 6,310 through Sept. 2, 2024.",
        "“We worked 14 injury crashes in that stretch,” said Sgt. Alonzo Pritchett of Fort Collins Police Services. “Two of them were fatal.” A first DUI conviction can cost a driver more than $13,500, he said.",
        "Officers also wrote 1,160 speeding tickets during the 10-day campaign.",
    ),
    [
        c(
            "412 drivers",
            412,
            subj="driver",
            period=["during the Labor Day enforcement period", "the Labor Day enforcement period"],
        ),
        c(
            "9%",
            9,
            unit=PCT,
            subj=["driver", "arrest", None],
            change="percent_change",
            dir="down",
            period=["from last year's campaign", "last year's campaign", "last year's"],
        ),
        c("37", 37, subj=["arrest"]),
        c("5,928 DUI arrests", 5928, subj=["arrest", "dui arrest"], period="year to date"),
        c(
            "6,310",
            6310,
            subj=["arrest", "dui arrest", None],
            period=["through Sept. 2, 2024", "through Sept. 2"],
        ),
        c("14 injury crashes", 14, subj=["crash", "injury crash"], speaker="Alonzo Pritchett"),
        c("Two", 2, subj=["crash", None], speaker="Alonzo Pritchett"),
        c(
            "more than $13,500",
            13500,
            unit=USD,
            q="more_than",
            subj=["conviction", "cost", None],
            speaker="Alonzo Pritchett",
        ),
        c(
            "1,160 speeding tickets",
            1160,
            subj=["ticket", "speeding ticket"],
            period=["during the 10-day campaign", "the 10-day campaign"],
        ),
    ],
    optional=["10-day"],
    not_claims=["Sept. 2", "2024", "first DUI conviction"],
)

# ---------------------------------------------------------------- rv30 crop forecast (Iowa)
case(
    "2025-08-12",
    P(
        "Iowa corn crop forecast at record",
        "DES MOINES, Iowa — Iowa farmers are on track to harvest 2.67 billion bushels of corn this fall, up 6% from last year, the U.S. Department of Agriculture projected Tuesday.",
        "Yields are expected to average 211 bushels per acre, 9 bushels more than in 2024, on 12.6 million harvested acres. Soybean production is forecast at 598 million bushels, down 3%.",
        "Cash corn prices in central Iowa averaged $3.92 a bushel last week, about 40 cents lower than a year ago, according to the state agriculture department.",
        "“Big crops and cheap corn squeeze margins,” said Gunnar Strommen, who farms 1,800 acres near Boone. He said his fertilizer bill rose 12 percent this year.",
    ),
    [
        c(
            "2.67 billion bushels",
            2670000000,
            unit=["bushels", "bushel"],
            subj=["corn", "bushel"],
            period="this fall",
        ),
        c(
            "6%",
            6,
            unit=PCT,
            subj=["corn", "harvest", None],
            change="percent_change",
            dir="up",
            period=["from last year", "last year"],
        ),
        c("211 bushels per acre", 211, unit=None, subj=["yield"]),
        c(
            "9 bushels more",
            9,
            unit=None,
            subj=["yield", None],
            change="difference",
            dir="up",
            period=["than in 2024", "in 2024"],
        ),
        c("12.6 million harvested acres", 12600000, unit=ACRES, subj=["acre", "harvested acre"]),
        c(
            "598 million bushels",
            598000000,
            unit=["bushels", "bushel"],
            subj=["production", "soybean production"],
        ),
        c(
            "3%",
            3,
            unit=PCT,
            subj=["production", "soybean production", None],
            change="percent_change",
            dir="down",
        ),
        c(
            "$3.92 a bushel",
            3.92,
            unit=[USD, None],
            subj=["price", "corn price", "cash corn price"],
            period="last week",
        ),
        c(
            "about 40 cents lower",
            [0.40, 40],
            unit=["usd", "cents"],
            paired=True,
            q="approximately",
            subj=["price", "corn price", None],
            change="difference",
            dir="down",
            period=["than a year ago", "a year ago"],
        ),
        c("1,800 acres", 1800, unit=ACRES, subj=["acre"]),
        c(
            "12 percent",
            12,
            unit=PCT,
            subj=["bill", "fertilizer bill"],
            change="percent_change",
            dir="up",
            period="this year",
            speaker="Gunnar Strommen",
        ),
    ],
    not_claims=["2024"],
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
        pid = f"rv{i:02d}"
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
        # this set's own brief: 90-130 words, 2-5 paragraphs, 7-12 claims per passage
        assert 90 <= words <= 130, (pid, "words", words)
        assert 2 <= len(text.split("\n\n")) <= 5, (pid, "paragraphs")
        assert 7 <= len(claims) <= 12, (pid, "claims", len(claims))
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
