"""Words, names and word lists shared by the tracking modules (loaded once from `data/`)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

WORD = re.compile(r"[a-z][a-z'\u2019-]*[a-z]|[a-z]")
_HONORIFIC = re.compile(
    r"^(?:(?:police|fire|battalion|deputy|assistant)\s+)*"
    r"(?:chief|mayor|sheriff|sgt\.?|sergeant|lt\.?|capt\.?|officer|dr\.?|mr\.?|mrs\.?|ms\.?"
    r"|superintendent|president|councilor|councilman|councilwoman|gov\.?|governor|sen\.?)\s+",
    re.IGNORECASE,
)
# People named in a story's text: after a title ("Chief Dana Whitfield", "Mayor Callahan"), or
# a first and last name next to "said" / "says" / "told".
_NAME = r"[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)?"
_TITLED = re.compile(
    r"\b(?:Chief|Mayor|Sheriff|Sgt\.|Sergeant|Lt\.|Capt\.|Dr\.|Superintendent|President"
    r"|Councilor|Councilman|Councilwoman|Councilmember|Commissioner|Gov\.|Governor|Sen\.|Rep\."
    r"|Judge|Director|Coach|Pastor)\s+((?:" + _NAME + r"\s+){0,2}" + _NAME + r")"
)
_SAID = re.compile(
    r"\b(" + _NAME + r"\s+" + _NAME + r")\s*,?\s+(?:said|says|told|added)\b"
    r"|\b(?:said|says|according to)\s+(" + _NAME + r"\s+" + _NAME + r")\b"
)


def read_words(name: str) -> frozenset[str]:
    """The entries of a word list in `data/`, lower-case, comments dropped."""
    return _read_words(name)


@functools.cache
def _read_words(name: str) -> frozenset[str]:
    out: set[str] = set()
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        out.update(line.split("#", 1)[0].lower().split())
    return frozenset(out)


def stem(word: str) -> str:
    """A rough singular: "seizures" -> "seizure", "cities" -> "city"."""
    word = word.replace("\u2019", "'").removesuffix("'s").strip("'-")
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.cache
def stop_words() -> frozenset[str]:
    return frozenset(stem(w) for w in read_words("stopwords.txt"))


def content_words(text: str, drop: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The content words of a text in order, lower-case and roughly singular."""
    stops = stop_words()
    out = []
    for w in WORD.findall(text.lower()):
        s = stem(w)
        if len(s) > 1 and s not in stops and s not in drop:
            out.append(s)
    return out


def surname(speaker: str) -> str:
    """The last word of a speaker's name without titles: "Police Chief Dana Whitfield" -> "whitfield"."""
    name = speaker.strip()
    while True:
        stripped = _HONORIFIC.sub("", name)
        if stripped == name:
            break
        name = stripped
    parts = name.lower().replace(",", " ").split()
    return parts[-1].strip(".") if parts else ""


def person_surname(speaker: str | None) -> str | None:
    """The surname of a speaker that looks like a person ("Dana Whitfield"), else None."""
    if not speaker:
        return None
    name = surname(speaker)
    bare = speaker.strip()
    while (stripped := _HONORIFIC.sub("", bare)) != bare:
        bare = stripped
    words = [w for w in re.split(r"\s+", bare) if w]
    if not name or not words or not words[-1][:1].isupper():
        return None
    if any(w.lower().strip(".,'") in read_words("not_a_person.txt") for w in words):
        return None
    return name


def person_name(speaker: str | None) -> str | None:
    """A person's name without titles, lower-case: "Chief Dana Whitfield" -> "dana whitfield",
    "Mayor Callahan" -> "callahan"; None for an organisation."""
    last = person_surname(speaker)
    if last is None or speaker is None:
        return None
    name = speaker.strip()
    while (stripped := _HONORIFIC.sub("", name)) != name:
        name = stripped
    parts = name.lower().replace(",", " ").split()
    first = parts[0].strip(".") if len(parts) > 1 else ""
    return f"{first} {last}" if first and first.isalpha() and len(first) > 1 else last


def same_people(a: set[str], b: set[str]) -> set[str]:
    """Surnames of the people two stories both name; "raymond osei" and "miriam osei" are two
    people, "osei" alone matches either."""
    firsts_a: dict[str, set[str]] = {}
    for n in a:
        first, _, last = n.rpartition(" ")
        firsts_a.setdefault(last, set()).add(first)
    out = set()
    for n in b:
        first, _, last = n.rpartition(" ")
        if last in firsts_a:
            others = firsts_a[last]
            if not first or "" in others or first in others:
                out.add(last)
    return out


def people_in(text: str) -> set[str]:
    """The people a text names with a title or next to "said": "first last" or "last"."""
    found = set()
    for m in _TITLED.finditer(text):
        found.add(m.group(1))
    for m in _SAID.finditer(text):
        found.add(m.group(1) or m.group(2))
    stops, orgs = stop_words(), read_words("not_a_person.txt")
    out = set()
    for name in found:
        words = [stem(w) for w in name.lower().split()]
        if any(w in stops or w in orgs for w in words):
            continue
        out.add(" ".join(words[-2:]))
    return out


_CAP_RUN = re.compile(
    r"[A-Z][a-z]+(?:['\u2019-][A-Za-z]+)?(?:\s+(?:[A-Z][a-z]+(?:['\u2019-][A-Za-z]+)?|\d+))*"
)


def proper_names(text: str) -> set[str]:
    """Runs of capitalised words (names of people, places, roads: "Rosa Heflin", "Five Points",
    "Interstate 459"), each as its last word, lower-case; a sentence's first word counts only
    as part of a longer run."""
    stops = stop_words()
    out = set()
    for m in _CAP_RUN.finditer(text):
        words = m.group().split()
        before = text[max(0, m.start() - 2) : m.start()]
        if m.start() == 0 or before.endswith(("\n", ". ", "! ", "? ", '" ', "\u201c")):
            words = words[1:] if len(words) > 1 else []
        words = [w for w in words if stem(w.lower()) not in stops or w[0].isdigit()]
        if words and not all(w[0].isdigit() for w in words):
            # the run's last word stands for it: "Curtis Bledsoe" and "Bledsoe" are one name
            out.add(stem(words[-1].lower()))
    return out
