"""The one place table: the nation, the states and every county, written the ways publishers write them.

Publishers name the same place differently: the FBI writes "Alabama" (and an empty state for the
nation), BLS "Autauga County, AL", the Census Bureau "Autauga County, Alabama", a station
"Birmingham, Ala.". Every importer turns a publisher's place into one canonical name with this
module, and the checker finds a story's words for a place with `place_variants`.

Canonical names: `"United States"`; a state's full name (`"Alabama"`, `"District of Columbia"`);
a county or county equivalent as `"<name>, <state>"` in the Census Bureau's spelling
(`"Autauga County, Alabama"`, `"Baltimore city, Maryland"`, `"Doña Ana County, New Mexico"`).
A city is not in the table: its name is kept as written.

API:
- `canonical_place(text) -> str | None`: the canonical name of a nation, state or county written
  any publisher's way ("Autauga County, AL", "autauga county, ala.", "ALABAMA", "U.S.", a FIPS
  code "01001"); None when the text is not one (a city, an ambiguous "Jefferson County").
- `place_info(text) -> Place | None`: the same, with kind ("nation", "state", "county"), state, FIPS.
- `state_of(place) -> str | None`: the full name of the state a place lies in; works for cities
  written with their state ("Birmingham, Ala." -> "Alabama"); None for the nation or no state.
- `state_name(code) -> str | None`: a state from its name, postal code, AP abbreviation or FIPS.
- `place_variants(place) -> set[str]`: lower-case ways a story or publisher may write a place,
  for the store's place aliases ("Baltimore city, Maryland" -> "baltimore", "baltimore, md", ...;
  "Baltimore County, Maryland" never gives "baltimore"; a county name shared by several states,
  such as "jefferson county", is given only with its state).
- `state_mentions(text) -> list[(position, state)]`: the states a text names ("Alabama", ", Ala.").
- `states() -> list[(name, postal, ap)]`: every state and the District, for the claim extractor.
- `county_place(fips) -> str | None`: a county's canonical name from its 5-digit FIPS code.

The table is `factcheck/data/places/` (states.csv, counties.csv; see its README), loaded once.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "places"
NATION = "United States"
# How stories and publishers name the nation (lower-case). "us" is left out: it is a pronoun.
NATION_NAMES = (
    "united states",
    "the united states",
    "united states of america",
    "u.s.",
    "the u.s.",
    "usa",
    "the nation",
    "nationwide",
)
# County-equivalent names that are also the city itself ("Denver County/city" in BLS files).
_CITY_SUFFIX = re.compile(r"/(city|town|municipality)$", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    name: str  # canonical
    kind: str  # nation, state, county
    state: str | None  # full state name (None for the nation)
    fips: str | None  # 2 digits for a state, 5 for a county


@dataclass(frozen=True)
class _Table:
    states: dict[str, dict[str, str]]  # fips -> row (state, postal, ap)
    state_keys: dict[str, str]  # folded name / postal / AP -> full name
    counties: dict[str, Place]  # fips -> place
    county_keys: dict[tuple[str, str], Place]  # (folded county name, state) -> place
    bare_counties: dict[str, list[Place]]  # folded county name -> places of that name
    extra_names: dict[str, tuple[str, ...]]  # canonical -> other spellings (BLS)


def _fold(text: str) -> str:
    """Lower-case, accents dropped, periods dropped, spaces collapsed: a lookup key."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace(".", "").replace("\u2019", "'")
    return " ".join(text.split())


@cache
def _table() -> _Table:
    states: dict[str, dict[str, str]] = {}
    state_keys: dict[str, str] = {}
    with open(DATA / "states.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            states[row["fips"]] = row
            for key in (row["state"], row["postal"], row["ap"]):
                state_keys[_fold(key)] = row["state"]
    counties: dict[str, Place] = {}
    county_keys: dict[tuple[str, str], Place] = {}
    bare: dict[str, list[Place]] = {}
    extra: dict[str, tuple[str, ...]] = {}
    with open(DATA / "counties.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            state = states[row["fips"][:2]]["state"]
            # The District is its own county equivalent: one place, not "DC, DC".
            name = state if row["county"] == state else f"{row['county']}, {state}"
            place = Place(name, "county" if name != state else "state", state, row["fips"])
            counties[row["fips"]] = place
            names = [row["county"]] + ([row["also"]] if row["also"] else [])
            for n in names:
                county_keys[(_fold(n), state)] = place
                bare.setdefault(_fold(n), []).append(place)
            if row["also"]:
                extra[name] = (row["also"],)
    return _Table(states, state_keys, counties, county_keys, bare, extra)


def states() -> list[tuple[str, str, str]]:
    """(full name, postal code, AP abbreviation) of every state and the District."""
    return [(r["state"], r["postal"], r["ap"]) for r in _table().states.values()]


@cache
def _state_mention_re() -> re.Pattern:
    rows = [r for r in _table().states.values() if r["state"] != "District of Columbia"]
    names = sorted((r["state"] for r in rows), key=len, reverse=True)
    abbrs = sorted({r["ap"].rstrip(".") for r in rows}, key=len, reverse=True)
    return re.compile(
        r"\b(?:(?P<name>"
        + "|".join(map(re.escape, names))
        + r")\b|,\s*(?P<abbr>"
        + "|".join(map(re.escape, abbrs))
        + r")\.?(?=[\s(,]|$))"
    )


def state_mentions(text: str) -> list[tuple[int, str]]:
    """(position, full state name) of each state a text names in full or, after a comma, by its
    AP abbreviation ("Birmingham, Ala.")."""
    out = []
    for m in _state_mention_re().finditer(text):
        state = state_name(m.group("name") or m.group("abbr"))
        if state:
            out.append((m.start(), state))
    return out


def state_name(code: str | None) -> str | None:
    """The full name of a state from its name, postal code, AP abbreviation or FIPS code."""
    if not code:
        return None
    t = _table()
    key = code.strip()
    if key.isdigit() and len(key) <= 2:
        row = t.states.get(key.zfill(2))
        return row["state"] if row else None
    return t.state_keys.get(_fold(key))


def county_place(fips: str) -> str | None:
    """A county's canonical name from its 5-digit FIPS code ("01001" -> Autauga County, Alabama)."""
    place = _table().counties.get(str(fips).strip().zfill(5))
    return place.name if place else None


@lru_cache(maxsize=65_536)
def place_info(text: str | None) -> Place | None:
    """The nation, state or county a text names, or None (see the module docstring)."""
    if not text or not text.strip():
        return None
    t = _table()
    raw = " ".join(text.split())
    folded = _fold(raw)
    if folded in {_fold(n) for n in NATION_NAMES} or folded in ("us", "united states total"):
        return Place(NATION, "nation", None, None)
    if raw.isdigit():
        if len(raw) == 5:
            return t.counties.get(raw)
        name = state_name(raw)
        return Place(name, "state", name, raw.zfill(2)) if name else None
    if "," in raw:
        head, tail = (p.strip() for p in raw.rsplit(",", 1))
        state = state_name(tail)
        if state is None:
            return None
        if _fold(head) == _fold(state):  # "District of Columbia, District of Columbia"
            return _state_place(state)
        return t.county_keys.get((_fold(_CITY_SUFFIX.sub("", head)), state)) or t.county_keys.get(
            (_fold(head), state)
        )
    # A bare name: a state's full name (codes alone are too ambiguous: "IN", "OR", "LA").
    if len(folded) > 2 or raw.endswith("."):
        state = t.state_keys.get(folded)
        if state and (len(folded) > 4 or raw.endswith(".") or folded == _fold(state)):
            return _state_place(state)
    found = t.bare_counties.get(folded, [])
    if len(found) == 1 and found[0].kind == "county":
        return found[0]
    return None


def _state_place(state: str) -> Place:
    fips = next(f for f, row in _table().states.items() if row["state"] == state)
    return Place(state, "state", state, fips)


def canonical_place(text: str | None) -> str | None:
    """The canonical name of the nation, state or county a text names; None when it names none."""
    info = place_info(text)
    return info.name if info else None


def state_of(place: str | None) -> str | None:
    """The full name of the state a place lies in, or None (the nation, a place with no state)."""
    info = place_info(place)
    if info is not None:
        return info.state
    if place and "," in place:
        return state_name(place.rsplit(",", 1)[1])
    return None


@lru_cache(maxsize=65_536)
def place_variants(place: str) -> frozenset[str]:
    """Lower-case ways to write a place, for alias lookup; always holds the place itself."""
    base = " ".join(place.split()).lower()
    out = {base}
    info = place_info(place)
    if info is None:
        # A city (or anything else): "Birmingham, Ala." -> "birmingham", "birmingham, al", ...
        if "," in place:
            head, tail = (p.strip() for p in place.rsplit(",", 1))
            out.add(head.lower())
            state = state_name(tail)
            if state:
                out |= _with_state(head, state)
        return frozenset(out)
    if info.kind == "nation":
        return frozenset(out | set(NATION_NAMES))
    assert info.state is not None  # only the nation has no state
    t = _table()
    row = next(r for r in t.states.values() if r["state"] == info.state)
    if info.kind == "state":
        out |= {row["state"].lower(), row["ap"].lower(), f"the state of {row['state'].lower()}"}
        if info.state == "District of Columbia":
            out |= {"washington, d.c.", "washington, dc", "d.c.", "the district"}
        return frozenset(out)
    county = info.name.rsplit(", ", 1)[0]
    for name in (county, *t.extra_names.get(info.name, ())):
        plain = _CITY_SUFFIX.sub("", name)
        out |= _with_state(plain, info.state)
        if len(t.bare_counties.get(_fold(plain), [])) == 1:
            out.add(
                plain.lower()
            )  # "Baltimore County" alone is Maryland's; "Jefferson County" is not
        if plain.endswith(" city") or _CITY_SUFFIX.search(name):
            # An independent or consolidated city is the city itself: "Baltimore", "Denver".
            city = re.sub(r" (city|County|Borough|Municipality)$", "", plain)
            out |= {city.lower()} | _with_state(city, info.state)
    return frozenset(out)


def _with_state(head: str, state: str) -> set[str]:
    row = next(r for r in _table().states.values() if r["state"] == state)
    head = head.lower()
    return {
        f"{head}, {row['state'].lower()}",
        f"{head}, {row['postal'].lower()}",
        f"{head}, {row['ap'].lower()}",
    }
