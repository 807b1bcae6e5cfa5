"""The language knowledge of the extractor and the checker, loaded once from `factcheck/lang/`.

Code holds the rules; the words the rules use (hedges, change words, units, titles, months,
named word lists) are data, so a new phrase is a line in a file (see `factcheck/lang/README.md`).
"""

from __future__ import annotations

import csv
import functools
import json
from dataclasses import dataclass
from pathlib import Path

LANG_DIR = Path(__file__).with_name("lang")


@dataclass(frozen=True)
class ChangeWord:
    word: str
    role: str  # "noun" ("a 4 percent increase"), "word" (a direction word), "passive" ("were cut")
    direction: str | None  # "up", "down", or None ("change")


def _rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file, without comments and blank lines."""
    with (LANG_DIR / name).open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return [[cell.strip() for cell in row] for row in csv.reader(lines, delimiter="\t")]


@functools.cache
def _words() -> dict[str, dict]:
    with (LANG_DIR / "words.json").open(encoding="utf-8") as f:
        return json.load(f)


def words(name: str) -> frozenset[str]:
    """A named word list of `words.json`."""
    return frozenset(_words()[name]["words"])


def word_list(name: str) -> tuple[str, ...]:
    """A named word list of `words.json` in file order (for regex alternations)."""
    return tuple(_words()[name]["words"])


@functools.cache
def hedges() -> tuple[tuple[str, str], ...]:
    """(phrase, qualifier) for every hedge written before a number, longest phrase first."""
    rows = [(phrase.lower(), qualifier) for qualifier, phrase in _rows("hedges.tsv")]
    return tuple(sorted(set(rows), key=lambda r: (-len(r[0]), r[0])))


@functools.cache
def hedge_qualifiers() -> dict[str, str]:
    """hedge phrase -> qualifier: the one meaning of each hedge, shared by extractor and checker."""
    return dict(hedges())


@functools.cache
def change_words() -> tuple[ChangeWord, ...]:
    return tuple(
        ChangeWord(word, role, None if direction == "none" else direction)
        for word, role, direction in _rows("change_words.tsv")
    )


@functools.cache
def change_nouns() -> frozenset[str]:
    return frozenset(c.word for c in change_words() if c.role == "noun")


@functools.cache
def direction_words(direction: str) -> frozenset[str]:
    """Words that say a number went `direction` ("up" or "down")."""
    return frozenset(
        c.word for c in change_words() if c.direction == direction and c.role in ("noun", "word")
    )


@functools.cache
def change_verbs() -> dict[str, str]:
    """Forms of verbs that move a number, with their direction ("rose" -> up, "shed" -> down)."""
    return {c.word: c.direction or "" for c in change_words() if c.role == "verb"}


@functools.cache
def transitive_changes() -> dict[str, str]:
    """Forms of verbs that move their object by a number ("raised taxes by 3 percent" -> up)."""
    return {c.word: c.direction or "" for c in change_words() if c.role == "transitive"}


@functools.cache
def change_directions() -> dict[str, str]:
    """Change nouns and direction words with the direction they give ("drop" -> down)."""
    return {
        c.word: c.direction for c in change_words() if c.role in ("noun", "word") and c.direction
    }


@functools.cache
def passive_changes() -> dict[str, str]:
    """Verbs whose passive is a change of their subject ("4,500 jobs were added")."""
    return {c.word: c.direction or "" for c in change_words() if c.role == "passive"}


@functools.cache
def measure_units() -> dict[str, str]:
    """word (singular, lower case) -> the contract's plain unit word ("mile" -> "miles")."""
    return {word: unit for word, unit in _rows("units.tsv")}


@functools.cache
def rate_phrases() -> tuple[tuple[str, str], ...]:
    """(phrase, unit) of the rate phrases after a number ("per 100,000 residents" -> per_100k)."""
    return tuple((phrase, unit) for phrase, unit in _rows("rates.tsv"))


@functools.cache
def demonyms() -> dict[str, str]:
    """Lower-case plural demonym -> state name ("ohioans" -> "Ohio")."""
    return {people.lower(): state for people, state in _rows("demonyms.tsv")}


@functools.cache
def irregular_singulars() -> dict[str, str]:
    return {plural: singular for plural, singular in _rows("singulars.tsv")}


@functools.lru_cache(maxsize=100_000)
def plural(word: str) -> str:
    """The plural of a lower-case noun for a sentence: the irregulars of `singulars.tsv` read
    backwards ("person" -> "people"), else suffix rules ("city" -> "cities")."""
    word = word.lower().strip()
    for many, one in irregular_singulars().items():
        if one == word and many != word:
            return many
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    """The singular of a lower-case noun: the irregulars of `singulars.tsv`, else suffix rules
    ("fatalities" -> "fatality", "guns" -> "gun", "offenses" -> "offense")."""
    word = word.lower().strip()
    fixed = irregular_singulars().get(word)
    if fixed:
        return fixed
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.cache
def multipliers() -> tuple[tuple[str, float], ...]:
    """(phrase pattern, percent change) of the multiplicative changes ("doubled" -> 100)."""
    return tuple((phrase, float(change)) for phrase, change in _rows("multipliers.tsv"))
