"""Story histories for thread tests and benches: the hand-labelled set in tests/data/threads/ and
generated histories of a few hundred stories from three stations (deterministic for a seed).

Each story carries its label (`thread`): two stories are the same story when their labels match.
`pairwise()` scores a grouping against the labels over every pair of stories.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from factcheck import store as store_mod
from factcheck.feeds import content_hash
from factcheck.models import Claim, StoryItem
from factcheck.store import Store

DATA = Path(__file__).resolve().parent / "data" / "threads"
PLACE = "Birmingham, Ala."


@dataclass
class Story:
    key: str
    station: str
    thread: str
    published: datetime
    title: str
    text: str
    claims: list[Claim] = field(default_factory=list)


def labelled_stories(name: str = "stories.jsonl") -> list[Story]:
    """The hand-written stories of tests/data/threads/ (`stories.jsonl`, or `heldout.jsonl`)."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(
                Story(
                    r["id"],
                    r["station"],
                    r["thread"],
                    datetime.fromisoformat(r["published"]),
                    r["title"],
                    r["text"],
                )
            )
    return out


def load(store: Store, stories: list[Story], nlp=None) -> dict[int, Story]:
    """Store the stories (one feed per station); claims from `nlp` when given, else each
    story's own. Returns {story id: story}."""
    if nlp is not None:
        from factcheck.claims import extract_batch

        found = extract_batch(nlp, [(s.text, s.published.date()) for s in stories])
        for s, claims in zip(stories, found, strict=True):
            s.claims = list(claims)
    feeds = {}
    for station in sorted({s.station for s in stories}):
        slug = station.lower().replace(" ", "")
        feeds[station] = store.add_feed(f"https://{slug}.example/rss", station, PLACE).id
    ids = {}
    with store.transaction() as con:
        for s in stories:
            item = StoryItem(
                guid=s.key,
                title=s.title,
                url=None,
                published=s.published,
                author=None,
                text=s.text,
            )
            sid = store_mod.upsert_story(con, feeds[s.station], item, s.published)
            vid, _ = store_mod.insert_version(
                con,
                sid,
                title=s.title,
                text=s.text,
                content_hash=content_hash(s.title, s.text),
                fetched_at=s.published,
            )
            store_mod.insert_claims(con, sid, vid, s.claims)
            ids[sid] = s
    return ids


def pairwise(groups: list[list[int]], stories: dict[int, Story]) -> dict[str, float]:
    """Pairwise precision and recall of a grouping (lists of story ids) against the labels."""
    where = {sid: i for i, members in enumerate(groups) for sid in members}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(stories), 2):
        truth = stories[a].thread == stories[b].thread
        said = a in where and where.get(a) == where.get(b)
        tp += truth and said
        fp += said and not truth
        fn += truth and not said
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "pairs_same": tp + fn,
        "pairs_linked": tp + fp,
    }


# --- generated histories ---------------------------------------------------------------------------

STATIONS = ("WDMO 7", "WBTX 5", "WKMA 12")
HOODS = ("Ensley", "Norwood", "West End", "Woodlawn", "Avondale", "Five Points", "Crestwood")
SERGEANTS = ("Sgt. Monica Reyes", "Lt. Carl Benning", "Sgt. Omar Tate")
TROOPERS = ("Trooper Jaylen Moss", "Trooper Ana Kirk")
MARSHALS = ("Fire Marshal Alicia Grant", "Battalion Chief Leon Pruitt")
ECONOMISTS = ("Raymond Osei", "Priya Lang")
FIRST = [
    "Dana",
    "Marcus",
    "Tanya",
    "Leon",
    "Keisha",
    "Brent",
    "Rosa",
    "Walt",
    "Imani",
    "Cal",
    "Deon",
    "Shelby",
    "Hector",
    "Lena",
    "Curtis",
    "Ada",
    "Jamal",
    "Trina",
    "Wes",
    "Noelle",
]
LAST = [
    "Hobbs",
    "Fitch",
    "Dade",
    "Sims",
    "Pryor",
    "Vance",
    "Tolliver",
    "Mabry",
    "Quarles",
    "Ingram",
    "Latham",
    "Oduya",
    "Heflin",
    "Burkett",
    "Nance",
    "Pickens",
    "Crowder",
    "Lusk",
    "Goins",
    "Whatley",
    "Mayfield",
    "Sumlin",
    "Carver",
    "Ballard",
    "Acker",
    "Bledsoe",
    "Cates",
    "Dorsey",
    "Eubanks",
    "Farris",
    "Gaddis",
    "Hairston",
    "Isbell",
    "Jernigan",
    "Kilgore",
    "Ledbetter",
    "Motley",
    "Nunnelly",
    "Ogletree",
    "Pettway",
    "Rutledge",
    "Satterfield",
    "Tubbs",
    "Upchurch",
    "Vinson",
    "Warrick",
    "Yarbrough",
    "Zeigler",
    "Boswell",
    "Chandler",
    "Driskell",
    "Estes",
    "Fortson",
    "Grissom",
    "Holcomb",
    "Ivey",
    "Jolly",
    "Kirby",
]
ROADS = ("I-20/59", "I-65", "U.S. 280", "U.S. 31", "Interstate 459", "Green Springs Highway")
STREETS = ("Avenue E", "Pearl Avenue", "19th Street", "Tuscaloosa Avenue", "Bessemer Road")


def _claim(sentence: str, text: str, value: float, subject: str, speaker: str | None) -> Claim:
    start = sentence.index(text)
    return Claim(
        text, start, start + len(text), sentence, value, value, subject=subject, speaker=speaker
    )


class _Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.n = 0
        self.used: set[str] = set()

    def person(self) -> str:
        """A name not used before in this history (leads of different events differ)."""
        while True:
            last = self.r.choice(LAST)
            if last not in self.used or len(self.used) >= len(LAST):
                self.used.add(last)
                return f"{self.r.choice(FIRST)} {last}"

    def key(self) -> str:
        self.n += 1
        return f"gen-{self.n}"

    def tell(self, thread, station, when, title, sentences, claims) -> Story:
        """A story from sentences; `claims` are (sentence index, words, value, subject, speaker)."""
        self.r.shuffle(sentences_tail := sentences[1:])
        body = [sentences[0], *sentences_tail]
        made = []
        for idx, words, value, subject, speaker in claims:
            sentence = sentences[idx]
            made.append(_claim(sentence, words, value, subject, speaker))
        return Story(self.key(), station, thread, when, title, " ".join(body), made)


def _shooting(g: _Gen, tid: str, when: datetime) -> list[tuple]:
    r = g.r
    hood, street, cop = r.choice(HOODS), r.choice(STREETS), r.choice(SERGEANTS)
    age, hour = r.randint(17, 60), r.choice(("9 p.m.", "10 p.m.", "1 a.m.", "4 p.m."))
    place_kind = r.choice(("a gas station", "an apartment complex", "a park", "a car wash"))
    detail = r.choice(("a silver sedan", "two men on foot", "a dark SUV", "a man in a red hoodie"))
    victim = g.person()
    tellings = [
        (
            f"Man shot at {place_kind} in {hood}",
            [
                f"A {age}-year-old man was shot at {place_kind} on {street} in {hood}, police said.",
                f"{cop} said officers were called around {hour}.",
                f"Witnesses described {detail} leaving the scene.",
                f"Relatives identified him as {victim}.",
                "The man was taken to UAB Hospital.",
            ],
        ),
        (
            f"Police look for {detail} after {hood} shooting",
            [
                f"Investigators are searching for {detail} after a shooting at {place_kind} on {street}.",
                f"{cop} said the victim, {victim}, {age}, is expected to survive.",
                "Anyone with information is asked to call Crime Stoppers.",
            ],
        ),
        (
            f"{hood} shooting leaves one hurt",
            [
                f"One man was wounded in a shooting at {place_kind} in {hood}.",
                f"According to {cop}, {victim}, {age}, was hit once.",
                f"Police want to talk to {detail}.",
            ],
        ),
    ]
    return [(t, s, []) for t, s in tellings]


def _guns(g: _Gen, tid: str, when: datetime) -> list[tuple]:
    r = g.r
    chief = "Chief " + g.person()
    n = r.randrange(800, 2600, 10)
    unit = r.choice(("a stolen-gun unit", "traffic stops", "a new tip line"))
    s_a = f"Officers have seized more than {n:,} guns so far this year, {chief} said."
    m = n + r.randrange(-40, 60, 10)
    s_b = f"{chief} told reporters that {m:,} guns have been recovered since January."
    return [
        (
            f"{chief.split()[-1]}: more than {n:,} guns seized this year",
            [s_a, f"The chief credited {unit}.", "Most of the guns were found in cars."],
            [(0, f"{n:,} guns", n, "gun", chief)],
        ),
        (
            "Gun seizures climb, chief says",
            [s_b, f"{unit.capitalize()} made the biggest difference, the chief said."],
            [(0, f"{m:,} guns", m, "gun", chief)],
        ),
    ]


def _crash(g: _Gen, tid: str, when: datetime) -> list[tuple]:
    r = g.r
    road, trooper = r.choice(ROADS), r.choice(TROOPERS)
    dead = r.choice(("Two people", "A driver", "Three people", "A motorcyclist"))
    cause = r.choice(
        ("a wrong-way driver", "a tire blowout", "a car that ran a red light", "heavy rain")
    )
    exit_ = r.choice(("Arkadelphia Road", "Valley Avenue", "Lakeshore Drive", "Oxmoor Road"))
    victim = g.person()
    return [
        (
            f"{dead} killed in crash on {road}",
            [
                f"{dead} died in a crash on {road} near {exit_}, {trooper} said.",
                f"Troopers blamed {cause}.",
                f"The coroner identified one of the dead as {victim}.",
                "Lanes were closed for several hours.",
            ],
            [],
        ),
        (
            f"Deadly {road} crash blamed on {cause}",
            [
                f"{trooper} said {cause} caused a deadly crash on {road} near the {exit_} exit.",
                f"Family members said {victim} was driving home from work.",
                "The road reopened by mid-morning.",
            ],
            [],
        ),
    ]


def _fire(g: _Gen, tid: str, when: datetime) -> list[tuple]:
    r = g.r
    hood, marshal = r.choice(HOODS), r.choice(MARSHALS)
    cause = r.choice(("a space heater", "a kitchen fire", "faulty wiring", "a candle"))
    who = r.choice(("A family of four", "A retired teacher", "Two roommates", "A mother and son"))
    owner = g.person()
    return [
        (
            f"{cause.capitalize()} blamed for {hood} house fire",
            [
                f"{cause.capitalize()} started a fire that gutted a house in {hood}, {marshal} said.",
                f"{who} got out safely from the home, which belongs to {owner}.",
                "The Red Cross is helping the family.",
            ],
            [],
        ),
        (
            f"{who} escape {hood} fire",
            [
                f"{who} escaped a burning house in {hood} after {cause} caught, {marshal} said.",
                f"The house is owned by {owner}.",
            ],
            [],
        ),
    ]


def _council(g: _Gen, tid: str, when: datetime) -> list[tuple]:
    r = g.r
    councilor = "Councilor " + g.person()
    thing = (
        r.choice(
            (
                "a new library branch",
                "a youth jobs program",
                "sidewalk repairs",
                "a stormwater fee",
                "a senior center",
                "park lighting",
                "a splash pad",
                "bus shelters",
                "tree planting",
            )
        )
        + " in "
        + r.choice(HOODS)
    )
    amount = r.randrange(2, 40)
    vote = r.choice(("6-3", "7-2", "9-0", "5-4"))
    s = f"The council voted {vote} to spend ${amount} million on {thing}, {councilor} said."
    return [
        (
            f"Council approves ${amount} million for {thing}",
            [s, f"{councilor} pushed the plan for a year.", "Work starts next spring."],
            [(0, f"${amount} million", amount * 1e6, thing.split()[-1], councilor)],
        ),
        (
            f"{thing.capitalize()} wins council backing",
            [f"{councilor}'s plan for {thing} passed {vote}.", f"It will cost ${amount} million."],
            [],
        ),
    ]


def _jobs(g: _Gen, tid: str, when: datetime) -> list[tuple]:
    r = g.r
    rate = r.choice((2.7, 2.9, 3.1, 3.3, 3.5))
    month = (when - timedelta(days=32)).strftime("%B")
    if month in g.used:
        return _opening(g, tid, when)  # one jobless release a month
    g.used.add(month)
    econ = r.choice(ECONOMISTS)
    sector = r.choice(("health care", "construction", "retail", "manufacturing"))
    s = f"The metro unemployment rate was {rate} percent in {month}, the state labor department said."
    return [
        (
            f"Unemployment at {rate} percent in {month}",
            [s, f"Economist {econ} pointed to {sector}."],
            [(0, f"{rate} percent", rate, "rate", None)],
        ),
        (
            f"{month} jobless rate: {rate} percent",
            [
                f"Unemployment stood at {rate} percent in {month}, state figures show.",
                f"{econ} said {sector} led the change.",
            ],
            [(0, f"{rate} percent", rate, "rate", None)],
        ),
    ]


def _opening(g: _Gen, tid: str, when: datetime) -> list[tuple]:
    r = g.r
    hood, owner = r.choice(HOODS), g.person()
    kind = r.choice(("bakery", "taco shop", "bookstore", "coffee roaster", "barbecue spot"))
    return [
        (
            f"New {kind} opens in {hood}",
            [
                f"A new {kind} opened in {hood} on Friday.",
                f"Owner {owner} said he hopes to hire a dozen people.",
            ],
            [],
        ),
        (
            f"{owner} opens {kind} in {hood}",
            [f"{owner} opened a {kind} in {hood}, saying the neighborhood needed one."],
            [],
        ),
    ]


KINDS = (_shooting, _shooting, _guns, _crash, _crash, _fire, _council, _jobs, _opening)


def generated_stories(seed: int = 12, events: int = 110) -> list[Story]:
    """A history of `events` events over six months, each told by one to three stations within
    a day and a half, some followed up weeks later (the same thread)."""
    g = _Gen(seed)
    start = datetime(2026, 5, 1, 6, 0)
    out: list[Story] = []
    for e in range(events):
        kind = g.r.choice(KINDS)
        when = start + timedelta(hours=g.r.randint(0, 24 * 180))
        tid = f"{kind.__name__.strip('_')}-{e}"
        tellings = kind(g, tid, when)
        stations = g.r.sample(STATIONS, k=g.r.choice((1, 2, 2, 3, 3)))
        for i, station in enumerate(stations):
            title, sentences, claims = tellings[i % len(tellings)]
            at = when + timedelta(hours=g.r.randint(0, 36) if i else 0)
            out.append(g.tell(tid, station, at, title, list(sentences), claims))
        if kind in (_guns, _council) and g.r.random() < 0.6:
            first = out[-len(stations)]
            at = when + timedelta(days=g.r.randint(20, 90))
            lead = first.claims[0].speaker if first.claims else g.person()
            value = (first.claims[0].low if first.claims else 10) * 1.3
            subject = first.claims[0].subject if first.claims else "million"
            words = f"{value:,.0f}"
            sentence = (
                f"In a follow-up to our earlier report, {lead} said the figure is now {words}."
            )
            follow = Story(
                g.key(),
                first.station,
                tid,
                at,
                f"Follow-up: {first.title}",
                sentence + " " + first.text.split(". ")[0] + ".",
                [_claim(sentence, words, round(value), subject, lead)],
            )
            out.append(follow)
    return sorted(out, key=lambda s: s.published)
