"""Claim -> metric -> comparable official value -> verdict and explanation.

Matching (what series, which place, which period) is done here in Python, per claim, from the
catalogue and the claim's words; the comparison itself (the period on record, the vintages, the
level / difference / percent change, the verdict and its sentence) is one set-based SQL statement
in store.py, so a whole story, or every claim in the store, is checked by one query.
The rules are written out for reporters in docs/verdicts.md.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache, partial
from pathlib import Path

import pandas as pd

from factcheck import lexicon, places
from factcheck import periods as pr
from factcheck import store as st
from factcheck.catalogue import (
    COUNT_UNITS,
    OWN_PLACE_WORDS,
    is_stock,
    lemma,
    measured_subject,
    metric_aliases,
    normalise_alias,
)
from factcheck.figures import FiguresInvalid, import_frame, read_figures_frame, read_metrics_csv
from factcheck.forked import Forked, collection_paused
from factcheck.models import QUALIFIERS, Check, Claim, Metric

__all__ = [
    "FiguresInvalid",
    "check_claims",
    "check_claims_in_store",
    "check_text_against_files",
    "recheck_all",
    "set_override",
    "clear_override",
    "acceptance",
    "stated_unit",
]

MODES = ("aired", "now")
PERCENT_UNITS = {"percent", "%", "pct", "percentage"}
# Series measured as a rate that is not a percent ("per 100,000"): a number or a percent claim
# about it is read as a level of the rate.
RATE_UNITS = {"rate", "per 100,000", "per 100000", "per 100k", "per capita", "per 1,000",
              "per_100k", "per_1k", "per_10k", "per_capita", "per 10,000"}  # fmt: skip
_UNIT_NAMES = {
    "$": "usd", "us$": "usd", "dollar": "usd", "dollars": "usd", "us dollars": "usd",
    "%": "percent", "pct": "percent", "percentage": "percent", "per cent": "percent",
    "percentage points": "percent", "percentage point": "percent", "points": "percent",
    "percentage_points": "percent", "percentage_point": "percent", "point": "percent",
    "percent_points": "percent", "pts": "percent",
    "number": "count", "people": "count", "persons": "count", "counts": "count",
}  # fmt: skip


@lru_cache(maxsize=4096)
def norm_unit(unit: str | None) -> str:
    """One name per unit: 'USD', 'dollars' -> 'usd'; '%', 'pct' -> 'percent'."""
    u = (unit or "count").strip().lower()
    return _UNIT_NAMES.get(u, u)


# Words before the subject that name a narrower group than a series about all of it
# ("teen shootings", "fatal crashes", "domestic homicides"), unless they are part of the alias.
_NARROWING_WORDS = """teen teenage teenaged teenager juvenile youth young child children kid kids minor student
    students school female women woman male men man elderly senior seniors domestic gang
    gang-related drug drug-related fatal nonfatal non-fatal deadly accidental unsolved solved
    violent property sexual armed car vehicle auto residential commercial retail downtown
    police police-involved officer-involved mass stolen assault-style automatic hate
    first-time repeat black white hispanic latino asian rural suburban overnight weekend
    holiday nighttime daytime rifle pistol handgun"""
NARROWING_MODIFIERS = frozenset(_NARROWING_WORDS.split())
# Phrases right after the subject that narrow it ("shootings involving teenagers").
_NARROWING_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,1}?(involving|among|against|targeting|linked to|related to|tied to"
    r"|connected to|committed by|carried out by|by (?:teens?|teenagers?|juveniles?|minors?"
    r"|youths?|students?|children|women|men|gangs?)|of (?:teens?|teenagers?|juveniles?"
    r"|minors?|youths?|students?|children|women|men|officers?)|under (?:the )?age"
    r"|aged\b|in which|that involved|who (?:were|are)|with (?:a|an) (?:rifle|handgun|knife))\b"
    r"(?:\s+(?!(?:is|are|was|were|has|have|rose|fell|up|down)\b)[\w-]+){0,2}",
    re.IGNORECASE,
)
_NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?")


# --- the catalogue ----------------------------------------------------------------------------


@dataclass
class Catalogue:
    """What the store knows: metrics and their aliases, places and their aliases, and which
    (metric, place) series have figures."""

    metrics: dict[str, Metric]
    aliases: dict[str, set[str]]  # normalised alias -> metrics
    places: dict[str, str]  # lower-case alias -> place
    series: set[tuple[str, str]]
    _alias_re: re.Pattern | None = None
    _norm_places: dict[str, str] | None = None
    _metric_aliases: dict[str, set[str]] = field(default_factory=dict)
    _place_found: dict[tuple[str, str | None], str | None] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)  # asked several times per claim
    _units: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, con) -> Catalogue:
        metrics = {
            m: Metric(m, label, unit, [a for a in (aliases or "").split(";") if a.strip()])
            for m, label, unit, aliases in st.load_metrics(con)
        }
        alias_map: dict[str, set[str]] = {}
        for alias, metric in st.load_metric_aliases(con):
            alias_map.setdefault(normalise_alias(alias), set()).add(metric)
        for entry in metrics.values():  # metrics stored before their aliases were computed
            for alias in metric_aliases(entry):
                alias_map.setdefault(alias, set()).add(entry.metric)
        series = st.series_on_record(con)
        place_aliases = st.load_place_aliases(con)
        for _metric, place in series:
            # a computed place ("United States less Ohio") is known by its own name
            place_aliases.setdefault(place.lower(), place)
        cat = cls(metrics, alias_map, place_aliases, series)
        cat._compile()
        return cat

    def _compile(self) -> None:
        # One pattern for every alias, longest first, so one pass over a sentence finds them.
        aliases = sorted(self.aliases, key=lambda a: (-len(a), a))
        if aliases:
            self._alias_re = re.compile(
                "|".join(_alias_regex(a).pattern for a in aliases), re.IGNORECASE
            )
        self._found_cache: dict[str, list[tuple[int, int, str]]] = {}

    def place_for(self, name: str | None, state: str | None = None) -> str | None:
        """The place a name stands for: exact alias, else the longest leading words that are
        one ("BIRMINGHAM, Ala." -> "birmingham ala" -> "birmingham"); a name several states
        share ("Polk County", "Washington County") is read in `state` when the story names one."""
        if not name:
            return None
        key = (name, state)
        if key not in self._place_found:
            # asked for the station's place and the sentence's names for every claim
            self._place_found[key] = self._place_for(name, state)
        return self._place_found[key]

    def _place_for(self, name: str, state: str | None) -> str | None:
        if state and "," not in name:
            for form in (f"{name}, {state}", f"{name} County, {state}"):
                found = self.place_for(form)
                if found:
                    return found
        if self._norm_places is None:
            self._norm_places = {_norm_place(a): p for a, p in self.places.items()}
        words = _norm_place(name).split()
        if words and words[0] == "the" and len(words) > 1:
            words = words[1:]
        for n in range(len(words), 0, -1):
            found = self._norm_places.get(" ".join(words[:n]))
            if found:
                return found
        return None

    def aliases_in(self, sentence: str) -> list[tuple[int, int, str]]:
        """(start, end, normalised alias) of every catalogue alias the sentence holds."""
        cached = self._found_cache.get(sentence)
        if cached is not None:
            return cached
        found = []
        if self._alias_re is not None:
            for m in self._alias_re.finditer(sentence):
                key = normalise_alias(m.group(0))
                if key in self.aliases:
                    found.append((m.start(), m.end(), key))
        if len(self._found_cache) < 100_000:
            self._found_cache[sentence] = found
        return found

    def metric_alias_set(self, metric: str) -> set[str]:
        cached = self._metric_aliases.get(metric)
        if cached is None:
            m = self.metrics.get(metric) or Metric(metric, metric, "count")
            cached = self._metric_aliases[metric] = metric_aliases(m)
        return cached

    def label(self, metric: str) -> str:
        label = self._labels.get(metric)
        if label is None:
            m = self.metrics.get(metric)
            label = m.label if m else metric.replace("_", " ")
            if len(label) > 1 and label[0].isupper() and label[1].islower():
                label = label[0].lower() + label[1:]
            self._labels[metric] = label
        return label

    def unit(self, metric: str) -> str:
        unit = self._units.get(metric)
        if unit is None:
            m = self.metrics.get(metric)
            unit = self._units[metric] = norm_unit(m.unit if m else "count")
        return unit


@lru_cache(maxsize=65536)
def _norm_place(text: str) -> str:
    return " ".join(_PLACE_WORD.findall(text.lower()))


_PLACE_WORD = re.compile(r"[a-z0-9]+")


# Irregular plurals of words a claim counts ("three people" has the subject lemma "person").
_IRREGULAR = {
    "person": "person|persons|people", "child": "child|children", "man": "man|men",
    "woman": "woman|women", "mouse": "mouse|mice", "foot": "foot|feet",
}  # fmt: skip


@lru_cache(maxsize=10_000)
def _alias_regex(alias: str) -> re.Pattern:
    parts = []
    for word in alias.split():
        w = re.escape(word)
        if word.lower() in _IRREGULAR:
            parts.append("(?:" + _IRREGULAR[word.lower()] + ")")
        elif word.endswith("y"):
            parts.append(w[:-1] + r"(?:y|ies)")
        else:
            parts.append(w + r"(?:s|es)?")
    return re.compile(r"\b" + r"[\s-]+".join(parts) + r"\b", re.IGNORECASE)


# --- matching ---------------------------------------------------------------------------------


def _after_claim(claim: Claim, words: int) -> str:
    """The first `words` words of the sentence after the claim."""
    sentence = claim.sentence or ""
    tail = sentence[_claim_pos(claim) + len(claim.text) :]
    return " ".join(tail.split()[:words])


def _claim_pos(claim: Claim) -> int:
    return _text_pos(claim.sentence, claim.text)


@lru_cache(maxsize=65536)
def _text_pos(sentence: str, text: str) -> int:
    """Where the claim's words start in its sentence (asked several times per claim)."""
    pos = sentence.find(text)
    return pos if pos >= 0 else 0


def _unit_change(claim: Claim, metric_unit: str) -> tuple[str | None, str | None]:
    """The change to compute for this claim on a series of `metric_unit`, or a reason not to."""
    cu = norm_unit(claim.unit)
    change = claim.change
    mu = norm_unit(metric_unit)
    if mu in RATE_UNITS:
        if cu in ("percent", "count", *RATE_UNITS) and change in ("level", "difference"):
            return change, None
        if change == "percent_change":
            return change, None
        return None, f"the claim is in {cu} but the series is a rate"
    if cu in PERCENT_UNITS:
        if mu in PERCENT_UNITS:
            return change, None
        # A percent about a count or money series can only be a percent change.
        # ("6 percent more than the year before" is a percent change too.)
        return "percent_change", None
    if cu in RATE_UNITS:
        return None, f"the claim is a rate ({cu}) but the series {metric_unit!r} is not"
    if change == "percent_change":
        return None, f"the claim is a percent change but its unit is {cu}"
    if mu in PERCENT_UNITS:
        return None, f"the series is a percentage but the claim is in {cu}"
    if cu == mu or cu == "count" or (cu in COUNT_UNITS and mu in COUNT_UNITS):
        return change, None
    return None, f"the claim is in {cu} but the series is in {mu}"


_MEASURE_WORDS = frozenset(
    [
        "median",
        "average",
        "mean",
        "total",
        "number",
        "tally",
        "count",
        "figure",
        "amount",
        "sum",
        "percent",
        "percentage",
        "point",
        "share",
    ]
)


# What a count of occurrences is called when the series names the thing itself: "386.3 violent
# crime incidents per 100,000" is the violent crime rate.
_OCCURRENCE_WORDS = frozenset({"incident", "occurrence", "offense", "case", "report", "event"})


# Nouns for people that say who is counted, not what: the series is what the clause says of them.
_PERSON_WORDS = frozenset({"person", "resident", "people", "individual", "adult", "american"})


def _other_series_in_clause(claim: Claim, cat: Catalogue, subject: str) -> bool:
    """A catalogue phrase other than the subject in the claim's clause (up to a comma)."""
    sentence = claim.sentence or ""
    pos = _claim_pos(claim)
    start = max(sentence.rfind(",", 0, pos), sentence.rfind(";", 0, pos)) + 1
    ends = [
        i for i in (sentence.find(",", pos + len(claim.text)), sentence.find(";", pos)) if i > 0
    ]
    clause = sentence[start : min(ends) if ends else len(sentence)]
    for _s, _e, key in cat.aliases_in(clause):
        if key == subject or key.endswith(subject):
            continue
        for metric in cat.aliases[key]:
            m = cat.metrics.get(metric)
            words = f"{m.label} {getattr(m, 'definition', '') or ''}".lower() if m else ""
            if _PEOPLE_SERIES.search(words):
                return True  # a series that counts people ("unemployed persons")
    return False


_PEOPLE_SERIES = re.compile(
    r"\b(?:persons|people|residents|individuals|victims|workers|unemployed|jobless|inmates|"
    r"students|voters|deaths|killed|employed)\b"
)


@lru_cache(maxsize=100_000)
def _nearest_word(sentence: str, word: str, pos: int) -> int | None:
    """Where `word` (any of its plural forms) is written nearest `pos` in the sentence."""
    best = None
    for m in _alias_regex(word).finditer(sentence):
        if best is None or abs(m.start() - pos) < abs(best - pos):
            best = m.start()
    return best


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that name a measure or an occurrence, not the thing measured."""
    return frozenset(_MEASURE_WORDS | _OCCURRENCE_WORDS | lexicon.change_nouns())


def match_metric(
    claim: Claim,
    cat: Catalogue,
    place: str,
    inherited: str | None = None,
    nearby: tuple[str, ...] = (),
    inherited_same: bool = False,
) -> tuple[str | None, str | None]:
    """The series a claim is about, or (None, reason). Aliases and phrases in the sentence
    nearest the claim win; ties are broken by unit and by figures for the place, never by guess."""
    sentence = claim.sentence or claim.text
    pos = _claim_pos(claim)
    subject = measured_subject(claim.subject)
    generic = _generic_words()
    passed_over = ""
    if subject in _PERSON_WORDS and _other_series_in_clause(claim, cat, subject):
        # "More than 16,000 residents are out of work": the people counted are the jobless,
        # not the population; a series the clause names says what they are.
        subject, passed_over = "", subject
    if subject in generic and subject not in cat.aliases:
        # "a median of $214,900", "the total was 5,870": a measure, not the thing measured.
        subject = ""
    subject_words = set(subject.split())
    found: dict[str, tuple[bool, int, int]] = {}  # metric -> (holds subject, words, -distance)
    matches = cat.aliases_in(sentence)
    modifiers: set[str] = set()
    if subject and subject not in cat.aliases:
        # "Gun seizures are up 17 percent": the subject "seizure" is no series, but with its
        # modifier it names one ("gun").
        modifiers = _modifiers(sentence, subject, pos) - subject_words
        subject_words = subject_words | modifiers
    head_syn = _synonyms(frozenset(subject.split()))
    subject_syn = _synonyms(frozenset(subject_words))
    own = _nearest_word(sentence, subject, pos) if subject else None
    for start, end, key in matches:
        # A multiword phrase only counts when it holds the subject (or there is no subject);
        # a one-word alias must be the subject itself.
        if key == passed_over:
            continue
        words = key.split()
        if subject and not (set(words) & subject_syn):
            continue
        dist = min(abs(start - pos), abs(end - pos))
        # With no subject the nearest series wins, the longer phrase only among equals. With
        # one, the phrase around the subject's own word wins ("a rise of 2 percent in the
        # property crime rate and of 5 percent in the motor vehicle theft rate": the first is
        # the property crime rate), then the longer phrase.
        holds = own is not None and start <= own < end
        rank = (holds, len(words), -dist) if subject else (False, -dist, len(words))
        via_modifier = bool(modifiers) and not (set(words) & head_syn)
        for metric in cat.aliases[key]:
            if via_modifier and not _head_fits(subject, metric, cat):
                # Through a modifier only when the head noun fits the series too ("gun
                # seizures" -> guns seized), not when it is another measure of the same thing
                # ("homicide rate" is not the homicide count).
                continue
            if metric not in found or rank > found[metric]:
                found[metric] = rank
    if subject and not any(_word_in(w, sentence) for w in subject_syn if len(w) > 2):
        # The subject came from an earlier sentence; a series this sentence names wins.
        for start, end, key in matches:
            if " " in key:
                continue
            dist = min(abs(start - pos), abs(end - pos))
            rank = (False, 2, -dist)
            for metric in cat.aliases[key]:
                if metric not in found or rank > found[metric]:
                    found[metric] = rank
    if subject:
        for metric in cat.aliases.get(subject, ()):
            found.setdefault(metric, (False, 1, -10_000))
    if not found and subject:
        # The claim names only the head noun of the series of a claim just before it ("the
        # rate" after "the unemployment rate rose to 3.4 percent", "deaths" after "289
        # overdose deaths").
        # A bare measure noun ("rate") with words of its own before it names its own series.
        bare = subject in _BARE_MEASURES and _word_in(subject, sentence)
        mods = _common_modifiers(sentence, subject, pos) if bare else set()
        for metric in nearby:
            aliases = cat.metric_alias_set(metric)
            heads = {a.split()[-1] for a in aliases}
            if mods and not mods & {w for a in aliases for w in a.split()}:
                # "The aggravated assault rate, at 248.5" after "the murder rate, at 5.3": a
                # rate of another thing, not the murder rate again
                continue
            if subject_syn & heads:
                return metric, None
        if _word_in(subject, claim.text) or _word_in(subject, _after_claim(claim, 2)):
            # The claim writes what it counts right after the number ("31,000 calls"), and
            # the catalogue has no such series: nothing to borrow from the words around it.
            return None, f"no official series for '{claim.subject}' in the catalogue"
        # The subject is not a series, but the words right after the number name one
        # ("spent $12.3 million on overtime", where the subject came out as "city").
        if not _word_in(subject, _after_claim(claim, 3)):
            tail = _after_claim(claim, 4)
            hits = {m for _s, _e, key in cat.aliases_in(tail) for m in cat.aliases[key]}
            if len(hits) == 1:
                return hits.pop(), None
    if not found and inherited and (not subject or inherited_same):
        # The claim leans on the one before it ("That is down 20 percent"), or shares its
        # sentence ("$12.3 million on overtime, about 20 percent more than the year before").
        return inherited, None
    if not found:
        if not subject:
            return None, "the claim does not say what it counts"
        named = _named_phrase(sentence, subject, pos) or claim.subject
        return None, f"no official series for '{named}' in the catalogue"
    if norm_unit(claim.unit) in RATE_UNITS:
        # "401.2 violent crimes per 100,000 people" is the rate series, not the count.
        found = _rate_series(found, cat)
        if not found:
            return None, f"no rate series for '{claim.subject or claim.text}' in the catalogue"
    elif claim.subject != "rate":
        # "17,413 murders" next to "the murder rate": a count is checked against the count.
        counts = {m: r for m, r in found.items() if norm_unit(cat.unit(m)) not in RATE_UNITS}
        found = counts or found
    ranked = sorted(found.items(), key=lambda kv: kv[1], reverse=True)
    best = [m for m, k in ranked if k[:2] == ranked[0][1][:2]]
    if len(best) > 1:
        fits = [m for m in best if _unit_change(claim, cat.unit(m))[0] is not None]
        best = fits or best
    if len(best) > 1:
        on_record = [m for m in best if (m, place) in cat.series]
        best = on_record or best
    if len(best) > 1:
        # Same alias length: the one nearest the claim in the sentence.
        nearest = max(found[m][2] for m in best)
        best = [m for m in best if found[m][2] == nearest]
    if len(best) > 1:
        names = ", ".join(sorted(best))
        return None, f"'{claim.subject or claim.text}' matches several series ({names})"
    return best[0], None


def _rate_series(
    found: dict[str, tuple[bool, int, int]], cat: Catalogue
) -> dict[str, tuple[bool, int, int]]:
    """The rate series among the matches, or the rate series of each matched count series
    (one whose aliases are the count's aliases followed by "rate")."""
    rates = {m: r for m, r in found.items() if norm_unit(cat.unit(m)) in RATE_UNITS}
    if rates:
        return rates
    out: dict[str, tuple[bool, int, int]] = {}
    for metric, rank in found.items():
        wanted = {f"{a} rate" for a in cat.metric_alias_set(metric)}
        for other in cat.metrics:
            if norm_unit(cat.unit(other)) in RATE_UNITS and cat.metric_alias_set(other) & wanted:
                out.setdefault(other, rank)
    return out


_NOT_MODIFIERS_WORDS = """the a an of in on at to for by with and or but its their his her our
    this that these those more fewer less most all some many few other new total number"""
# Measure nouns that take their series from the words before them ("the murder rate").
_BARE_MEASURES = frozenset({"rate", "number", "total", "share", "count", "level", "percentage"})
_NOT_MODIFIERS = frozenset(_NOT_MODIFIERS_WORDS.split())


def _head_fits(subject: str, metric: str, cat: Catalogue) -> bool:
    """Whether the subject's head noun shares a stem with a word of the series' id, label or
    aliases ("seizure" / guns_seized, "death" / overdose deaths)."""
    stem = subject.split()[-1][:4]
    words = set(re.split(r"[_\W]+", metric.lower())) | set(
        re.split(r"\W+", cat.label(metric).lower())
    )
    words |= {w for a in cat.metric_alias_set(metric) for w in a.split()}
    return len(stem) >= 4 and any(w.startswith(stem) for w in words)


@lru_cache(maxsize=100_000)
def _words_before(sentence: str, subject: str, pos: int, *, common: bool = False) -> list[str]:
    """The (up to two) words written right before the subject's occurrence nearest the claim,
    in order; `common`: lower-case words only ("aggravated assault" of "The aggravated assault
    rate", not "Ohio's", which says where)."""
    at = _nearest_word(sentence, subject, pos)
    if at is None:
        return []
    word_re = r"[A-Za-z][A-Za-z’'-]*" if common else r"[A-Za-z][A-Za-z-]*"
    out: list[str] = []
    for word in reversed(re.findall(word_re, sentence[max(0, at - 30) : at])[-2:]):
        if word.lower() in _NOT_MODIFIERS or (common and (not word[0].islower() or len(word) < 3)):
            break
        out.insert(0, word)
    return out


def _modifiers(sentence: str, subject: str, pos: int) -> set[str]:
    """The (lemmatised) words right before the subject's occurrence nearest the claim."""
    return {lemma(w.lower()) for w in _words_before(sentence, subject, pos)}


def _common_modifiers(sentence: str, subject: str, pos: int) -> set[str]:
    return {lemma(w.lower()) for w in _words_before(sentence, subject, pos, common=True)}


def _named_phrase(sentence: str, subject: str, pos: int) -> str | None:
    """The subject with the words that modify it where the sentence writes it ("aggravated
    assault rate"), for saying which series the catalogue lacks."""
    words = _words_before(sentence, subject, pos, common=True)
    return " ".join([*(w.lower() for w in words), subject]) if words else None


@lru_cache(maxsize=100_000)
def _word_in(word: str, sentence: str) -> bool:
    return _alias_regex(word).search(sentence) is not None


@lru_cache(maxsize=4096)
def _synonyms(words: frozenset[str]) -> frozenset[str]:
    from factcheck.catalogue import SYNONYMS

    out = set(words)
    for group in SYNONYMS:
        if out & group:
            out |= group
    return frozenset(out)


def narrower_group(claim: Claim, metric: Metric, aliases: set[str] | None = None) -> str | None:
    """The words that narrow the claim's subject below the series, if any (docs/verdicts.md)."""
    if not claim.subject:
        return None
    aliases = set(aliases if aliases is not None else metric_aliases(metric))
    # The series' own label words are not narrowing ("fatal" for "Fatal traffic crashes").
    aliases.add(normalise_alias(metric.label or ""))
    subject = measured_subject(claim.subject) or claim.subject
    return _narrower(claim.sentence or "", subject, _claim_pos(claim), frozenset(aliases))


# Modifiers that say the same thing: "deadly crashes" are the series' "fatal crashes".
_SAME_MODIFIER = {"fatal": "deadly", "deadly": "fatal", "juvenile": "youth", "youth": "juvenile"}


@lru_cache(maxsize=100_000)
def _narrower(sentence: str, subject: str, pos: int, aliases: frozenset[str]) -> str | None:
    alias_words = {w for a in aliases for w in a.split()}
    alias_words |= {_SAME_MODIFIER[w] for w in alias_words if w in _SAME_MODIFIER}
    subj = normalise_alias(subject)
    if not subj:
        return None
    best = None
    for m in _alias_regex(subj).finditer(sentence):
        if best is None or abs(m.start() - pos) < abs(best.start() - pos):
            best = m
    if best is None:
        return None
    before = re.findall(r"[A-Za-z][A-Za-z-]*", sentence[max(0, best.start() - 40) : best.start()])
    for word in reversed(before[-2:]):
        w = word.lower()
        if w in NARROWING_MODIFIERS and lemma(w) not in alias_words:
            phrase = f"{w} {subj}"
            if normalise_alias(phrase) in aliases:
                return None
            return f"{word} {best.group(0)}"
        if w not in NARROWING_MODIFIERS:
            break  # only the words right before the subject modify it
    after = sentence[best.end() : best.end() + 60]
    tail = _NARROWING_AFTER.match(after)
    if tail:
        return f"{best.group(0)}{after[: tail.end()]}".strip()
    return None


def match_place(claim: Claim, cat: Catalogue, station_place: str) -> tuple[str | None, str | None]:
    """The place the claim names, else the station's (through the aliases)."""
    place, why, _named = _place_choice(claim, cat, station_place)
    return place, why


_STATE_WORDS = {"the state", "state", "statewide", "state-wide", "across the state"}
# AP-style state abbreviations in datelines ("Tulsa, Okla.") -> the state's name.


_COUNTY_WORDS = {"the county", "county", "countywide", "county-wide", "across the county"}


def _station_county(station_place: str, cat: Catalogue) -> str | None:
    """The only county on record whose name ends like the station's place ("..., Tenn.")."""
    tail = _norm_place(station_place.split(",", 1)[1]) if "," in (station_place or "") else ""
    counties = {
        p
        for p in cat.places.values()
        if re.search(r"\bcounty\b", _norm_place(p.split(",")[0]))
        and (_norm_place(p.split(",", 1)[1]) if "," in p else "") == tail
    }
    return counties.pop() if len(counties) == 1 else None


def _station_state(station_place: str, cat: Catalogue) -> str | None:
    """The state part of the station's place ("Tulsa, Okla." -> Oklahoma), when on record."""
    if "," not in (station_place or ""):
        return None
    tail = _norm_place(station_place.split(",", 1)[1])
    name = (places.state_name(station_place.split(",", 1)[1].strip()) or tail).lower()
    return cat.place_for(name) if name else None


def _place_choice(
    claim: Claim, cat: Catalogue, station_place: str, story_state: str | None = None
) -> tuple[str | None, str | None, bool]:
    """(place, reason when none, whether the claim names a place of its own). The extractor
    decides which words name the claim's place (`Claim.place`); this finds them on record."""
    home = cat.place_for(station_place, story_state) or station_place
    if not claim.place:
        return home, None, False
    lower = claim.place.strip().lower()
    if lower in _COUNTY_WORDS:
        # "countywide" / "the county": the one county on record in the station's state.
        county = _station_county(station_place, cat)
        if county is None:
            return None, f"no official figures for the county ({claim.place})", True
        return county, None, True
    if lower in _STATE_WORDS:
        # "Statewide, ..." / "the state": the state of the station's own place.
        state = _station_state(station_place, cat)
        if state is None:
            return None, f"no official figures for the state ({claim.place})", True
        return state, None, True
    if lower in OWN_PLACE_WORDS or lower.removeprefix("the ") in OWN_PLACE_WORDS:
        return home, None, True
    found = cat.place_for(claim.place, story_state)
    if found is None and normalise_alias(claim.place) in cat.aliases:
        # Not a place: the extractor took a capitalised series word ("Homicides jumped").
        return home, None, False
    if found is None:
        return None, f"no official figures for {claim.place}", True
    return found, None, True


# --- the claimed value at its stated precision ------------------------------------------------


def _zeros_unit(value: float) -> float:
    """The rounding unit a written value implies: 1500 -> 100, 7000 -> 1000, 144 -> 1, 5.1 -> 0.1."""
    value = abs(value)
    if value == 0:
        return 1.0
    if abs(value - round(value)) < 1e-9:
        n, unit = round(value), 1
        while n % (unit * 10) == 0:
            unit *= 10
        return float(unit)
    text = f"{value:.6f}".rstrip("0")
    return 10.0 ** -len(text.split(".")[1])


@lru_cache(maxsize=65536)
def stated_unit(text: str, value: float, which: int = 0) -> float:
    """The rounding unit of the `which`-th number written in `text` (0 first, -1 last), whose
    value (after multipliers such as 'million') is `value`. Decimals count by their last place
    ("5.1%" -> 0.1, "$4.5 million" -> 100,000); integers and number words by their trailing
    zeros ("1500" -> 100, "seven thousand" -> 1,000, "two to three hundred" -> 100)."""
    tokens = _NUMBER_TOKEN.findall(text or "")
    if not tokens:
        return _zeros_unit(value)
    token = tokens[which] if -len(tokens) <= which < len(tokens) else tokens[-1]
    if "." not in token:
        return _zeros_unit(value)
    written = float(token.replace(",", ""))
    decimals = len(token.split(".")[1])
    scale = 1.0
    if written and value:
        ratio = abs(value) / written
        if ratio > 0 and abs(math.log10(ratio) - round(math.log10(ratio))) < 1e-6:
            scale = 10.0 ** round(math.log10(ratio))
    return (10.0**-decimals) * scale


def acceptance(claim: Claim) -> tuple[float | None, float | None]:
    """The interval of official magnitudes that make the claim accurate (None: unbounded),
    by DESIGN.md's table; hedged ranges as docs/verdicts.md says."""
    low, high = abs(claim.low), abs(claim.high)
    if low > high:
        low, high = high, low
    q = claim.qualifier
    hedge = (claim.hedge or "").lower().strip()
    if q == "range" and low == high:
        q = hedge_qualifier(hedge) or "exact"
    if q != "range" and low != high:
        hedge, q = q, "range"
    h_lo = stated_unit(claim.text, low, 0) / 2
    h_hi = stated_unit(claim.text, high, -1) / 2
    v = low
    if q == "exact":
        return v - h_lo, v + h_lo
    if q == "approximately":
        return min(0.9 * v, v - h_lo), max(1.1 * v, v + h_lo)
    if q in ("more_than", "at_least"):
        return v, None
    if q in ("less_than", "at_most"):
        return None, v
    if q == "almost":
        return 0.9 * v, v
    # range, widened by the bounds' stated precision, then loosened by its hedge
    lo, hi = low - h_lo, high + h_hi
    kind = hedge_qualifier(hedge) if hedge not in ("range", "exact", "") else None
    if kind == "approximately":
        lo, hi = min(lo, 0.9 * low), max(hi, 1.1 * high)
    elif kind == "almost":
        lo = min(lo, 0.9 * low)
    elif kind in ("more_than", "at_least"):
        return lo, None
    elif kind in ("less_than", "at_most"):
        return None, hi
    return lo, hi


def hedge_qualifier(hedge: str) -> str | None:
    """A hedge phrase ('about', 'nearly', ...) or qualifier name as a qualifier, from the one
    hedge table the extractor also reads; stacked hedges are read by their last phrase."""
    hedge = " ".join(hedge.lower().split())
    if hedge in QUALIFIERS:
        return hedge
    table = lexicon.hedge_qualifiers()
    if hedge in table:
        return table[hedge]
    for phrase, qualifier in lexicon.hedges():  # longest first
        if hedge.endswith(" " + phrase):
            return qualifier
    return None


def signed_interval(claim: Claim, change: str) -> tuple[float | None, float | None, bool, float]:
    """(low, high, compare magnitudes?, claimed middle) on the signed scale of `change`."""
    lo, hi = acceptance(claim)
    mid = (abs(claim.low) + abs(claim.high)) / 2
    if change == "level":
        return lo, hi, False, mid
    if claim.direction not in ("up", "down"):
        return lo, hi, True, mid
    lo = 0.0 if lo is None else lo  # a rise of "less than 5%" is still a rise
    if claim.direction == "down":
        return (None if hi is None else -hi), -lo, False, -mid
    return lo, hi, False, mid


# --- building the checks ----------------------------------------------------------------------


@dataclass
class _Item:
    cid: int
    claim: Claim
    published: date
    station_place: str
    override: tuple | None = None  # (metric, place, start, end, verdict, note, author)
    group: int = 0  # the story version: contrasts and inherited subjects stay inside it
    story_state: str | None = None  # the one state the story names, if it names one


# How far back (characters) a claim may lean on an earlier one: "a year ago" contrasted with it,
# or the subject a "That is 6 percent more" takes from it.
CONTEXT_CHARS = 400
_RELATIVE = re.compile(
    r"\b(?:the|a|one) (?:year|one) (?:before|earlier|ago)\b|\ba year ago\b"
    r"|\b(?:the )?(?:previous|prior|preceding) year\b"
)


@dataclass
class _Ctx:
    """What earlier claims of the same text tell later ones."""

    periods: dict[int, pr.Period] = field(default_factory=dict)
    metrics: dict[int, str] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)
    previous: dict[tuple, list[_Item]] = field(default_factory=dict)

    def add(self, item: _Item) -> None:
        self.previous.setdefault((item.group, item.published), []).append(item)

    def near(self, item: _Item) -> list[_Item]:
        """Earlier claims of the same text within CONTEXT_CHARS, nearest first."""
        out = []
        for other in reversed(self.previous.get((item.group, item.published), ())):
            if other.claim.sentence != item.claim.sentence and (
                item.claim.start - other.claim.end > CONTEXT_CHARS
            ):
                break
            out.append(other)
        return out


def _period_for(item: _Item, change: str, ctx: _Ctx) -> pr.Period:
    claim, published = item.claim, item.published
    phrase = claim.period  # complete as the extractor wrote it (claims/period.py)
    # The base of the change as the extractor found it (claims/period.py `change_base`).
    compare = pr.relative_base(claim.base) if change != "level" else None
    if compare:
        norm_c = compare.lower()
        norm_p = (phrase or "").lower().strip()
        if not norm_p or norm_p in norm_c or norm_c in norm_p:
            # The only time phrase is the base of the change: the claim is about the period
            # of the claim it follows ("6 percent more than the year before" after "last
            # year"), else about now.
            year = re.search(r"(?:19|20)\d{2}", norm_c)
            if year:
                phrase = f"since {year.group(0)}"
            elif re.search(r"\bmonth\b", norm_c):
                phrase = None  # "from the month before": the latest month against the one before
            elif _RELATIVE.search(norm_c):
                base = _contrast_base(item, ctx)
                if base is not None:
                    return pr._future(_relative_change(base), published)
                phrase = "this year"
            else:
                phrase = "this year"
    elif change != "level" and phrase and claim.base is not None:
        # "a 5 percent drop from the first half of 2025": the named period is the base; the
        # claim is about the same dates now.
        based = _base_change(item, ctx, pr.resolve_period(phrase, published))
        if based is not None:
            return pr._future(based, published)
    if change != "level" and phrase and not compare and _RELATIVE.search(phrase.lower()):
        # "down 14 percent from the year before" where the phrase is the base, not the target.
        base = _contrast_base(item, ctx)
        if base is not None:
            return pr._future(_relative_change(base), published)
    period = pr.resolve_period(phrase, published, change=change, compare_phrase=compare)
    if period.relative:
        base = _contrast_base(item, ctx)
        if base is not None:
            period = pr._future(pr.contrasted(period, base), published)
    return period


def _base_change(item: _Item, ctx: _Ctx, base: pr.Period) -> pr.Period | None:
    """A change measured from a named fixed period: the period of the claim it is contrasted
    with in the same sentence, else the same dates in the story's year; against the base."""
    from dataclasses import replace

    if base.kind != pr.FIXED or base.start is None:
        return None
    same = [
        ctx.periods[o.cid]
        for o in ctx.near(item)
        if o.claim.sentence == item.claim.sentence and o.cid in ctx.periods
    ]
    target = next((p for p in same if not p.relative and p.kind != pr.UNRESOLVED), None)
    if target is None:
        assert base.end is not None  # a FIXED period has both ends
        years = item.published.year - base.end.year
        if years < 1:
            return None
        start, end = pr.shift_years(base.start, -years), pr.shift_years(base.end, -years)
        target = pr.Period(pr.FIXED, start=start, end=end, phrase=base.phrase)
    return replace(
        target,
        compare=pr.C_FIXED,
        compare_start=base.start,
        compare_end=base.end,
        compare_years=1,
        fallback_start=None,
        fallback_end=None,
    )


def _relative_change(base: pr.Period) -> pr.Period:
    """A change on the contrasted claim's period against the year before it."""
    from dataclasses import replace

    return replace(
        base,
        compare=pr.C_YEARS_BEFORE,
        compare_years=1,
        compare_start=None,
        compare_end=None,
    )


_OWNED_STATE = re.compile(r"[A-Z][\w.’'-]*(?:\s+(?:County|Parish|City))?\s*,?\s*$")


@lru_cache(maxsize=65536)
def _states_named(sentence: str) -> frozenset[str]:
    """The states a sentence names as themselves: not "Montgomery County, Ala.", which is the
    county's (the claims of a sentence share it: read once)."""
    return frozenset(
        state
        for pos, state in places.state_mentions(sentence)
        if not _OWNED_STATE.search(sentence[:pos])
    )


def _story_states(items: list[_Item]) -> dict[tuple, str]:
    """The one state each story (version) names in its claims' sentences, where it names one:
    it settles a county name several states share ("Polk County" in an Iowa
    story)."""
    named: dict[tuple, set[str]] = {}
    station: dict[tuple, str] = {}
    for item in items:
        key = (item.group, item.published)
        if key not in named:
            named[key] = set()
            home = places.state_of(item.station_place)
            if home:
                station[key] = home
        named[key] |= _states_named(item.claim.sentence or "")
    out = {}
    for key, states in named.items():
        # One state named in the story settles it; none, or several ("Montgomery County, Ala.,
        # meanwhile" in a Tennessee story), leave the station's own state.
        if len(states) == 1:
            out[key] = next(iter(states))
        elif key in station:
            out[key] = station[key]
    return out


def _spec_columns(items: list[_Item], cat: Catalogue) -> dict[str, list]:
    """The spec rows of `items` (whole story versions, in order) as columns."""
    ctx = _Ctx()
    states = _story_states(items)
    rows = []
    for item in items:
        item.story_state = states.get((item.group, item.published))
        rows.append(_spec_one(item, cat, ctx))
        ctx.add(item)
    if not rows:
        return {c: [] for c in st.SPEC_COLUMNS}
    # Every row holds every column, in SPEC_COLUMNS order (_spec_one starts from _SPEC_ROW);
    # a row with a key of its own would make the second zip fail, not shift the columns.
    columns = zip(*(row.values() for row in rows), strict=True)
    return dict(zip(st.SPEC_COLUMNS, map(list, columns), strict=True))


def _spec_rows(items: list[_Item], cat: Catalogue) -> pd.DataFrame:
    return _spec_frame(_spec_columns(items, cat))


def _spec_frame(cols: dict[str, list]) -> pd.DataFrame:
    frame = pd.DataFrame(cols)
    for c in (
        "published",
        "t_start",
        "t_end",
        "year_start",
        "c_start",
        "c_end",
        "c2_start",
        "c2_end",
    ):
        frame[c] = pd.to_datetime(frame[c])
    return frame


@lru_cache(maxsize=4096)
def _alias_words(aliases: frozenset[str]) -> frozenset[str]:
    return frozenset(w for a in aliases for w in a.split())


_DIRECTION_WRITTEN = re.compile(
    r"\b(up|down|more|fewer|less|rise|rose|fall|fell|increase|decrease|drop|higher|lower)"
)


def describe_claim(claim: Claim, aliases: set[str] | None = None) -> str:
    """The claim in a few words for the explanation: its text, with the direction and the
    subject when the words as written leave them out ("7,000" -> "7,000 fewer crimes")."""
    text = claim.text.strip()
    lower = text.lower()
    if (
        claim.change != "level"
        and claim.direction in ("up", "down")
        and not _DIRECTION_WRITTEN.search(lower)
    ):
        if claim.change == "difference" and (claim.unit or "count") not in PERCENT_UNITS:
            text = f"{text} {'more' if claim.direction == 'up' else 'fewer'}"
        else:
            text = f"{claim.direction} {text}"
    unit = (claim.unit or "count").lower()
    alias_words = _alias_words(frozenset(aliases)) if aliases is not None else None
    subject_fits = alias_words is None or bool(
        _synonyms(frozenset(measured_subject(claim.subject).split())) & alias_words
    )
    if claim.subject and unit in COUNT_UNITS and subject_fits:
        subj = claim.subject.lower()
        if not _writes_subject(lower, subj):
            if not subj.endswith("s") and max(claim.low, claim.high) != 1:
                *head, last = subj.split()
                subj = " ".join([*head, lexicon.plural(last)])  # "cities", "people"
            text = f"{text} {subj}"
    return text


@lru_cache(maxsize=100_000)
def _writes_subject(text: str, subject: str) -> bool:
    """Whether the claim's words already name its subject ("7,000 crimes" for "crime")."""
    return bool(re.search(r"\b" + re.escape(lemma(subject)), lemma(text))) or subject in text


_ANAPHORA = re.compile(
    r"\b(that|this|it|which|those|these|the (?:figure|number|total|rate))\b", re.I
)
_PER_AFTER = re.compile(
    r"^(?:\s+[a-z][\w-]*){0,2}?\s+(?:per|a|an|each|every)\s+(?:day|week|hour|minute|shift"
    r"|100,000|100000|10,000|1,000|1000|capita|resident|person|household|student)\b"
)
_PARTITIVE = re.compile(r"^\s*of (?:the|those|them|these|its|their)\b", re.I)


def _leans_on(claim: Claim, earlier: Claim) -> bool:
    """Whether a claim that names no series of its own refers to an earlier one: in the same
    sentence, or a change whose sentence points back ("That is 6 percent more")."""
    if claim.sentence == earlier.sentence:
        return True
    if claim.change == "level":
        # An ellipsis: a bare number ending its sentence, with no subject, counts what the
        # claim before it counted ("Spokane Valley's crime count was 5,870. The city of Spokane
        # logged more than 16,000.").
        tail = claim.sentence[_claim_pos(claim) + len(claim.text) :]
        return not claim.subject and not re.search(r"\w", tail)
    return bool(_ANAPHORA.search(claim.sentence[: _claim_pos(claim)]))


def _names_only_itself(claim: Claim) -> bool:
    """A change whose subject is the change itself ("The year over year increase is a 54
    percent increase"): it is a change of what the claim just before it counted."""
    return claim.change != "level" and measured_subject(claim.subject) in lexicon.change_nouns()


def _subject_in_clause(claim: Claim) -> bool:
    """Whether the claim's subject is written in its own clause, just before it ("robberies
    dropped by about 120"), rather than carried over a comma ("the office said, down 20%")."""
    if not claim.subject:
        return False
    sentence = claim.sentence or ""
    pos = _claim_pos(claim)
    last = None
    for m in _alias_regex(measured_subject(claim.subject) or claim.subject).finditer(sentence):
        if m.end() <= pos:
            last = m
    if last is None:
        return False
    gap = sentence[last.end() : pos]
    return len(gap) <= 60 and not re.search(r"[,;:]|\d", gap)


# Words that make the number a forecast or a goal rather than a count on record ("expects
# sales tax to grow 3 percent this year", "on pace to pass 2,000", "wants to cut ... by 20%").
_FORECAST = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|project(?:s|ed|ing|ions?)|forecast(?:s|ed|ing)?|predict(?:s|ed|ing)?"
    r"|anticipat(?:e|es|ed|ing)|on (?:pace|track)|goal|target(?:s|ed)?|aims? to"
    # "I want to say almost 300": a hedge of speech, not a goal
    r"|wants? to(?! (?:say|guess|think|believe|estimate|tell you))"
    r"|hopes? to|plans? to|could|might|may)\b(?![^.;:]*[.;:])"
)


def _forecast_word(claim: Claim, published: date) -> str | None:
    """The forecast word before the claim in its sentence, unless the claim's own period is
    over ("on pace to top last year's 324": 324 is last year's record)."""
    pos = _claim_pos(claim)
    m = _FORECAST.search((claim.sentence or "")[max(0, pos - 80) : pos])
    if not m:
        return None
    if claim.period:
        period = pr.resolve_period(claim.period, published)
        if period.kind == pr.FIXED and period.end is not None and period.end < published:
            return None
        if period.kind == pr.UNRESOLVED:
            return None  # the period's own reason ("after the story's date") says more
    return m.group(0)


# A spec row before matching: every column, in order, with its default.
_SPEC_ROW: dict = dict.fromkeys(st.SPEC_COLUMNS) | {
    "shift_years": 0, "shift_months": 0, "c_years": 1, "use_abs": False,
}  # fmt: skip


def _spec_one(item: _Item, cat: Catalogue, ctx: _Ctx) -> dict:
    claim = item.claim
    row = _SPEC_ROW.copy()
    row.update(cid=item.cid, published=item.published, change=claim.change)
    ov = item.override
    if ov and ov[4]:
        row["ov_verdict"] = ov[4]
        row["ov_note"] = ", ".join(x for x in (ov[5], f"by {ov[6]}" if ov[6] else None) if x)

    def fail(reason: str | None) -> dict:
        row.update(pre_reason=reason, kind="fixed", label="", unit="count", mid=0.0)
        row["claim_text"] = row["claim_text"] or describe_claim(claim)
        return row

    forecast = None if ov else _forecast_word(claim, item.published)
    if forecast:
        return fail(f"the claim is a forecast or a goal ('{forecast}'), not a figure on record")
    if ov and ov[1]:
        place, why, named = ov[1], None, True
    else:
        place, why, named = _place_choice(claim, cat, item.station_place, item.story_state)
    if place is None:
        return fail(why)
    near = ctx.near(item)
    if ov and ov[0]:
        metric, why = ov[0], None
    else:
        leaned = next((o for o in near if o.cid in ctx.metrics and _leans_on(claim, o.claim)), None)
        if leaned is None and near and near[0].cid in ctx.metrics and _names_only_itself(claim):
            leaned = near[0]  # only the claim just before: not one further back
        inherited = ctx.metrics[leaned.cid] if leaned else None
        # Same sentence: the claim before it names the series, unless this claim's own
        # clause names a different thing ("crime fell 9 percent, while robberies dropped by
        # 120": robberies are not all crime).
        inherited_same = (
            leaned is not None
            and leaned.claim.sentence == claim.sentence
            and (
                measured_subject(leaned.claim.subject) == measured_subject(claim.subject)
                or not _subject_in_clause(claim)
            )
        )
        nearby = tuple(dict.fromkeys(ctx.metrics[o.cid] for o in near if o.cid in ctx.metrics))
        metric, why = match_metric(claim, cat, place, inherited, nearby, inherited_same)
    if metric is None:
        return fail(why)
    if not named:
        # A claim that names no place of its own follows the claim it leans on ("Jefferson
        # County recorded 289 overdose deaths. That was down 20 percent from the year before.")
        prior = next(
            (o for o in near if ctx.metrics.get(o.cid) == metric and _leans_on(claim, o.claim)),
            None,
        )
        if prior is not None and prior.cid in ctx.places:
            place = ctx.places[prior.cid]
    ctx.metrics[item.cid] = metric
    ctx.places[item.cid] = place
    row["claim_text"] = describe_claim(claim, cat.metric_alias_set(metric))
    row.update(metric=metric, place=place, label=cat.label(metric), unit=cat.unit(metric))
    change, why = _unit_change(claim, cat.unit(metric))
    if change is None:
        return fail(why)
    row["change"] = change
    after = (claim.sentence or "")[_claim_pos(claim) + len(claim.text) :]
    if not (ov and ov[0]) and _PARTITIVE.match(after):
        return fail(
            f"the claim counts part of a group ('{claim.text}{after[:12].rstrip()}...'), not the "
            f"series {cat.label(metric)}"
        )
    if not (ov and ov[0]):
        narrow = narrower_group(
            claim,
            cat.metrics.get(metric) or Metric(metric, metric, "count"),
            cat.metric_alias_set(metric),
        )
        if narrow:
            return fail(
                f"the claim is about a narrower group ('{narrow}') than the series "
                f"{cat.label(metric)}"
            )
    per = _PER_AFTER.match(after)
    if per and cat.unit(metric) not in RATE_UNITS and not (ov and ov[0]):
        # "about 25 per 100,000 residents", "five a day": a rate derived from the count, which
        # the record does not hold.
        return fail(f"the claim is a rate ('{claim.text}{per.group(0)}'), not the series "
                    f"{cat.label(metric)}")  # fmt: skip
    if (metric, place) not in cat.series:
        return fail(f"no {cat.label(metric)} figures on record for {place}")

    if ov and ov[2] and ov[3]:
        period = pr._with_change(pr.Period(pr.FIXED, start=ov[2], end=ov[3]), change)
    else:
        period = _period_for(item, change, ctx)
    if period.kind == pr.YTD and is_stock(metric, cat.label(metric)):
        # A stock has no year to date: "lost 5,000 residents over the previous year" in March
        # is the latest estimate against the one before it.
        period = replace(period, kind=pr.LATEST, year_start=None)
    ctx.periods[item.cid] = period
    if period.kind == pr.UNRESOLVED:
        return fail(period.reason or "the period cannot be resolved")

    lo, hi, use_abs, mid = signed_interval(claim, change)
    row.update(
        kind=period.kind,
        t_start=period.start,
        t_end=period.end,
        year_start=period.year_start,
        shift_years=period.shift_years,
        shift_months=period.shift_months,
        c_kind=period.compare,
        c_start=period.compare_start,
        c_end=period.compare_end,
        c_years=period.compare_years,
        c2_start=period.fallback_start,
        c2_end=period.fallback_end,
        acc_lo=lo,
        acc_hi=hi,
        use_abs=use_abs,
        mid=mid,
    )
    return row


def _contrast_base(item: _Item, ctx: _Ctx) -> pr.Period | None:
    """The period of the claim this one is contrasted with: the nearest earlier claim in the
    same sentence whose period is not itself relative; else the first such claim of the
    nearest earlier sentence (its headline figure), within CONTEXT_CHARS."""
    usable = [
        o
        for o in ctx.near(item)
        if (b := ctx.periods.get(o.cid)) is not None and not b.relative and b.kind != pr.UNRESOLVED
    ]
    same = [o for o in usable if o.claim.sentence == item.claim.sentence]
    if same:
        return ctx.periods[same[0].cid]
    if usable:
        sentence = usable[0].claim.sentence
        first = [o for o in usable if o.claim.sentence == sentence][-1]
        return ctx.periods[first.cid]
    return None


def _to_check(row: tuple) -> Check:
    fields = dict(zip(st.CHECK_FIELDS, row, strict=True))
    return Check(
        verdict=fields["verdict"],
        metric=fields["metric"],
        place=fields["place"],
        official=fields["official"],
        period_start=fields["period_start"],
        period_end=fields["period_end"],
        error_pct=None if fields["error_pct"] is None else round(fields["error_pct"], 2) + 0.0,
        source=fields["source"],
        source_url=fields["source_url"],
        as_of=fields["as_of"],
        explanation=fields["explanation"],
        compare_start=fields["compare_start"],
        compare_end=fields["compare_end"],
        reason=fields["reason"],
    )


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def check_claims(
    store_or_con,
    claims: list[Claim],
    *,
    published: date,
    place: str,
    mode: str = "aired",
    metric: str | None = None,
) -> list[Check]:
    """Check the claims of one text (a pasted script) against the store; nothing is stored.

    `mode` "aired" uses the figures published on or before `published` (else the first
    published after it, said so in the explanation); "now" the latest vintage. `metric` forces
    the series for every claim (a reporter's choice in the app)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if not claims:
        return []
    if isinstance(store_or_con, st.Store):
        with store_or_con.connect() as con:
            return _check_on(con, claims, published, place, mode, metric)
    return _check_on(store_or_con, claims, published, place, mode, metric)


def _check_on(con, claims, published, place, mode, metric) -> list[Check]:
    cat = Catalogue.load(con)
    override = (metric, None, None, None, None, None, None) if metric else None
    items = [_Item(i, c, published, place, override) for i, c in enumerate(claims)]
    st.compute_checks(con, _spec_rows(items, cat))
    rows = st.computed_checks(con, mode)
    return [_to_check(r) for r in rows]


# Bumped when the matching rules change, so saved matches (claim_specs) are recomputed.
SPEC_VERSION = "verify-3"  # 3: the base of a change is the claim's (`Claim.base`)


def check_claims_in_store(
    con, claim_ids: Iterable[int] | None = None, *, reason: str = "checked"
) -> int:
    """Check stored claims in both modes and save them in `checks`, on the caller's connection
    (inside its transaction); each change of verdict or official value goes to check_history
    with `reason`. Active overrides are applied. Returns how many claims were checked.

    Matching a claim to its series reads its words (Python); it is saved in `claim_specs` and
    redone only when the catalogue, places or series on record change, so a re-check after new
    figures is one SQL statement over every claim."""
    ids = None if claim_ids is None else list(claim_ids)
    if ids is not None and not ids:
        return 0
    fingerprint = st.spec_fingerprint(con, SPEC_VERSION)
    versions = st.versions_needing_specs(con, ids, fingerprint)
    if versions:
        frame = st.claims_of_versions(con, versions)
        spec = _specs_of_frame(frame, st.active_overrides(con), Catalogue.load(con))
        spec["station_place"] = frame["station_place"].to_numpy()
        st.save_specs(con, spec, fingerprint)
    st.compute_checks_from_specs(con)
    return st.save_computed_checks(con, reason)


# Matching claims to series is Python over every claim. A first check of many claims (no saved
# matches: a new store, a changed catalogue) splits the story versions over the machine's cores;
# below this many claims one process is quicker than starting another.
PARALLEL_MIN_CLAIMS = 20_000


def _specs_of_frame(frame: pd.DataFrame, overrides: dict, cat: Catalogue) -> pd.DataFrame:
    """The spec rows of stored claims (`claims_of_versions`), in the frame's order: the first
    slice here, the others in forked children (which inherit the frame and the catalogue and
    never touch the store); a slice no child gave back is done here."""
    parts = _version_parts(frame, _spec_workers(len(frame)))

    def specs(part: pd.DataFrame) -> pd.DataFrame:
        # Each process builds its own frame: the date conversions are split too.
        return _spec_frame(_spec_columns(_items_from_frame(part, overrides), cat))

    with collection_paused():
        children = [Forked(partial(specs, part)) for part in parts[1:]]
        done = [specs(parts[0])]
        for child, part in zip(children, parts[1:], strict=True):
            got = child.result()
            done.append(got if got is not None else specs(part))
        return done[0] if len(done) == 1 else pd.concat(done, ignore_index=True)


def _spec_workers(n_claims: int) -> int:
    if n_claims < PARALLEL_MIN_CLAIMS or not hasattr(os, "fork"):
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), 4))


def _version_parts(frame: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    """`frame` cut into at most `n` slices of about equal size, each holding whole story
    versions (the context a claim reads stays inside its version)."""
    if n <= 1 or len(frame) < 2:
        return [frame]
    versions = frame["version_id"].to_numpy()
    cuts = [0]
    for k in range(1, n):
        i = max(cuts[-1], len(frame) * k // n)
        while 0 < i < len(frame) and versions[i] == versions[i - 1]:
            i += 1
        if cuts[-1] < i < len(frame):
            cuts.append(i)
    cuts.append(len(frame))
    return [frame.iloc[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _items_from_frame(frame: pd.DataFrame, overrides: dict) -> list[_Item]:
    cols = {c: frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in frame}
    rows = zip(
        cols["id"], cols["text"], cols["start_char"], cols["end_char"], cols["sentence"],
        cols["low"], cols["high"], cols["unit"], cols["qualifier"], cols["subject"],
        cols["change"], cols["direction"], cols["period"], cols["speaker"], cols["hedge"],
        cols["place"], cols["base"], cols["published"], cols["station_place"], cols["version_id"],
        strict=True,
    )  # fmt: skip
    items = []
    for (cid, text, start, end, sentence, low, high, unit, qualifier, subject, change,
         direction, period, speaker, hedge, place, base, published, station_place, version) in rows:  # fmt: skip
        claim = Claim(
            text, int(start), int(end), sentence, float(low), float(high), unit, qualifier,
            subject, change, direction, period, speaker, hedge, place, base,
        )  # fmt: skip
        items.append(
            _Item(
                int(cid),
                claim,
                _as_date(published),
                station_place or "",
                overrides.get(int(cid)),
                int(version),
            )  # fmt: skip
        )
    return items


def recheck_all(store: st.Store, reason: str) -> int:
    """Re-check every claim in the store in one transaction; returns how many."""
    with store.transaction() as con:
        return check_claims_in_store(con, None, reason=reason)


def set_override(
    store: st.Store,
    claim_id: int,
    *,
    metric: str | None = None,
    place: str | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    verdict: str | None = None,
    note: str | None = None,
    author: str | None = None,
) -> Check:
    """A human's choice for one claim: its series, place or period, or its verdict with a note.
    The previous override stays in the audit trail (inactive); the claim is re-checked at once
    and the override holds through every later re-check. Returns the new "now" check."""
    if verdict is not None and verdict not in ("accurate", "inaccurate", "unverifiable"):
        raise ValueError(f"verdict must be accurate, inaccurate or unverifiable, not {verdict!r}")
    if (period_start is None) != (period_end is None):
        raise ValueError("give both period_start and period_end, or neither")
    if period_start and period_end and period_end < period_start:
        raise ValueError("period_end is before period_start")
    if verdict and not (note or "").strip():
        raise ValueError("a verdict set by hand needs a note saying why")
    fields = dict(
        metric=metric,
        place=place,
        period_start=period_start,
        period_end=period_end,
        verdict=verdict,
        note=note,
        author=author,
    )
    who = f" by {author}" if author else ""
    with store.transaction() as con:
        if not st.claim_exists(con, claim_id):
            raise ValueError(f"no claim {claim_id}")
        st.add_override(con, claim_id, fields)
        st.drop_spec(con, claim_id)
        check_claims_in_store(con, [claim_id], reason=f"override{who}: {note or 'no note'}")
        return _stored_check(con, claim_id)


def clear_override(
    store: st.Store, claim_id: int, *, note: str, author: str | None = None
) -> Check:
    """Retire a claim's override (kept in the trail as an inactive row) and re-check it."""
    with store.transaction() as con:
        st.add_override(con, claim_id, {"note": note, "author": author, "active": False})
        st.drop_spec(con, claim_id)
        who = f" by {author}" if author else ""
        check_claims_in_store(con, [claim_id], reason=f"override cleared{who}: {note}")
        return _stored_check(con, claim_id)


def _stored_check(con, claim_id: int, mode: str = "now") -> Check:
    row = st.stored_check(con, claim_id, mode)
    assert row is not None  # the claim's check was saved before it is read back
    return _to_check(row)


def check_text_against_files(
    nlp,
    text: str,
    *,
    figures: list[Path],
    metrics: Path | None,
    published: date,
    place: str,
    mode: str = "aired",
) -> list[tuple[Claim, Check]]:
    """`python -m factcheck check`: the text's claims checked against the given files, loaded
    into a throw-away store (nothing else is touched)."""
    from factcheck import claims as claims_mod

    catalogue = read_metrics_csv(Path(metrics)) if metrics else None
    units = {m.metric: m.unit for m in catalogue or []}
    frames = [read_figures_frame(Path(f), units=units) for f in figures]
    with tempfile.TemporaryDirectory(prefix="factcheck-check-") as tmp:
        store = st.Store(Path(tmp) / "check.duckdb")
        with store.transaction() as con:
            for i, frame in enumerate(frames):
                import_frame(
                    con,
                    frame,
                    metrics=catalogue if i == 0 else None,
                    source_name=Path(figures[i]).name,
                    recheck=False,
                )
        found = claims_mod.extract_claims(nlp, text, published)
        checks = check_claims(store, found, published=published, place=place, mode=mode)
    return list(zip(found, checks, strict=True))
