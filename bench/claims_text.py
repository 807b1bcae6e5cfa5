"""News-style text for the claims benchmarks, generated from passages written for them.

Each story is one of a few local-news passages with its numbers, names, places and dates varied
by a seeded random generator, so the text is long (tens of thousands of words) without repeating
itself word for word. No network, no outside material.
"""

from __future__ import annotations

import random
import re

PLACES = ["Birmingham", "Huntsville", "Mobile", "Tuscaloosa", "Hoover", "Montgomery", "Decatur",
          "Florence", "Dothan", "Auburn", "Gadsden", "Madison"]  # fmt: skip
NAMES = ["Patrick Smith", "Dana Ruiz", "Kevin Marsh", "Ellen Park", "Marcus Webb", "Tonya Hill",
         "Raymond Cole", "Joan Pettibone", "Luis Ortega", "Brenda Lyle"]  # fmt: skip
STATIONS = ["CBS 42", "WBRC 6", "News 19", "WSFA 12", "ABC 33/40", "FOX6 News"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
HEDGES = ["about", "nearly", "more than", "almost", "roughly", "at least", "fewer than", ""]

# Sentences with no number, as real stories have between their figures: quotes, background,
# what happens next. Each story takes a few of them.
NARRATIVE = [
    "Residents who spoke with {station} said they want to see more officers on foot in their "
    "neighborhoods, not only in patrol cars.",
    "“We know people are frustrated, and we hear them,” {name_last} said. “Our job is to earn "
    "their trust every single day.”",
    "The department has not said when the new technology will be online, but officials expect "
    "the rollout to begin soon.",
    "Neighbors described the scene as chaotic, with police tape stretched across the street and "
    "officers going door to door.",
    "City leaders say the plan is part of a broader effort to make downtown safer and to bring "
    "families back to the area after dark.",
    "The superintendent said parents will get letters in the mail explaining the changes, and "
    "the district will hold community meetings before anything is final.",
    "Forecasters urged drivers to stay off the roads if they can and to never drive through "
    "standing water.",
    "Business owners along the corridor said the construction has cut into their sales, though "
    "most support the project in the long run.",
    "Investigators have not released the names of the people involved while they notify relatives.",
    "The mayor thanked first responders and asked residents to check on elderly neighbors.",
    "Supporters packed the meeting room, and several speakers asked the council to slow down.",
    "Officials said the review is ongoing and that more details will be released as they "
    "become available.",
]

PASSAGES = [
    (
        "{place}, Ala. ({station}) — {place} Police Chief {name} says officers have seized "
        "{hedge} {n1} guns so far this year. “This year we’ve taken {n2} more guns off the streets "
        "than last year,” the chief said. {station} rode along with officers on {road} on "
        "Tuesday. Homicides are up {p1}% as of {month} {day}, according to department figures, "
        "and violent crime is down {p2} percent since {year}. Anyone with information can call "
        "Crime Stoppers at 205-254-{phone}. The chief spoke at a one-on-one meeting with "
        "neighbors at {addr} Main Street, where dozens of residents asked about patrols."
    ),
    (
        "The {place} City Council approved a ${m1} million budget for the {year2} fiscal year "
        "on Tuesday night, a {p1} percent increase over last year. The spending plan adds {n3} "
        "police officers and sets aside ${m2} million for road repairs. Council member {name} "
        "said the city has roughly {n1} open jobs. “We cannot keep paying overtime like this,” "
        "{name_last} said. The meeting ran until 10 p.m. and will be replayed on Channel 13. "
        "The vote was 7 to 2, and the budget takes effect in {month}."
    ),
    (
        "A {age}-year-old man was killed and {small} others were hurt in a crash on I-{road_no} "
        "near Exit {exit} early Sunday, state troopers said. Traffic backed up for nearly {mi} "
        "miles. It was the {nth} deadly crash on that stretch in {year}. Troopers have written "
        "{n1} speeding tickets on the corridor since {month}, {hedge} {n2} more than at the "
        "same time last year. The road reopened at 9:30 a.m., and one of the lanes stayed "
        "closed for much of the day."
    ),
    (
        "Unemployment in {place} fell to {p3} percent in {month}, down from {p4} percent a year "
        "ago, the state labor department said. The metro added {n1} jobs over the past year, "
        "bringing total employment to about {big}. Economist {name} said wages rose {p1}% over "
        "the same period. Over the past five years the region has gained thousands of jobs in "
        "health care. {station} spoke with workers at a job fair on Highway {road_no}."
    ),
    (
        "Storms dropped {rain} inches of rain on {place} on Sunday night, and gusts reached "
        "{mph} mph, the National Weather Service said. More than {n1} customers lost power at "
        "the peak. Crews expect to restore service to all but {small} hundred homes by "
        "Wednesday. Meteorologist {name} said another {r1} to {r2} inches could fall this "
        "weekend. {station} will have live updates at 6 and 10."
    ),
    (
        "{place} City Schools expects between {n3} and {n4} new students next fall, "
        "Superintendent {name} said. The district enrolls about {big} students, down {p2} "
        "percent since {year}. {name_last} said the district may need {small} to {small2} more "
        "teachers. Parents can call (205) 555-{phone} with questions. The first day of class is "
        "{month} {day}, and the board meets again in two weeks."
    ),
]


def _vars(rng: random.Random) -> dict:
    name = rng.choice(NAMES)
    small = rng.randint(2, 8)
    return {
        "place": rng.choice(PLACES),
        "station": rng.choice(STATIONS),
        "name": name,
        "name_last": name.split()[-1],
        "hedge": rng.choice(HEDGES),
        "n1": f"{rng.randint(120, 9800):,}",
        "n2": rng.randint(20, 400),
        "n3": rng.randint(10, 60),
        "n4": rng.randint(61, 120),
        "p1": round(rng.uniform(1, 15), 1),
        "p2": rng.randint(3, 35),
        "p3": round(rng.uniform(2, 6), 1),
        "p4": round(rng.uniform(2, 6), 1),
        "m1": round(rng.uniform(20, 900), 1),
        "m2": round(rng.uniform(1, 20), 1),
        "month": rng.choice(MONTHS),
        "day": rng.randint(1, 28),
        "year": rng.randint(2015, 2022),
        "year2": rng.randint(2024, 2027),
        "phone": rng.randint(1000, 9999),
        "addr": rng.randint(100, 9000),
        "road": rng.choice(["I-65", "I-20", "Highway 280", "Route 9", "U.S. 31"]),
        "road_no": rng.choice([20, 59, 65, 280, 459]),
        "exit": rng.randint(100, 300),
        "age": rng.randint(17, 80),
        "small": small,
        "small2": small + rng.randint(1, 4),
        "mi": rng.choice(["two", "three", "eight", "ten"]),
        "nth": rng.choice(["third", "fifth", "seventh"]),
        "big": f"{rng.randint(20, 400) * 1000:,}",
        "rain": round(rng.uniform(0.5, 5), 1),
        "mph": rng.randint(40, 90),
        "r1": rng.randint(1, 3),
        "r2": rng.randint(4, 7),
    }


def stories(min_words: int = 60_000, seed: int = 42, dense: bool = False) -> list[dict]:
    """JSON-ready stories ({"id", "text"}) totalling at least `min_words` words. `dense`: only
    sentences that hold a numeral, so the pre-pass can skip almost nothing."""
    rng = random.Random(seed)
    out: list[dict] = []
    words = 0
    k = 0
    while words < min_words:
        v = _vars(rng)
        paras = [
            p.format(**v) + " " + " ".join(n.format(**v) for n in rng.sample(NARRATIVE, 2))
            for p in rng.sample(PASSAGES, 3)
        ]
        text = "\n\n".join(" ".join(para.split()) for para in paras)
        if dense:
            sentences = re.split(r"(?<=[.!?])\s+", text)
            text = " ".join(x for x in sentences if re.search(r"\d", x))
        out.append({"id": f"s{k}", "text": text})
        words += len(text.split())
        k += 1
    return out
