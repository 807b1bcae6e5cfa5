"""Word lists and word patterns of the claim extractor, built once from `factcheck.lexicon`.

The words are data (`factcheck/lang/`); this module turns them into the sets and regex fragments
the field modules use, so each list has one home.
"""

from __future__ import annotations

import re

from factcheck import lexicon as lx

MONTHS = sorted(lx.words("months"))
WEEKDAYS = sorted(lx.words("weekdays"))
MONTH_NAMES = {w.capitalize() for w in lx.word_list("months")[:12] + lx.word_list("weekdays")}
_MONTH_FULL = [m.capitalize() for m in lx.word_list("months")[:12]]
_MONTH_ABBR = [m.capitalize() for m in lx.word_list("months")[12:]]
_MONTH_RE = "(?:" + "|".join(_MONTH_FULL + [rf"{a}\.?" for a in _MONTH_ABBR]) + ")"
_WEEKDAY = "(?:" + "|".join(w.capitalize() for w in lx.word_list("weekdays")) + ")"
_HOLIDAY = (
    "(?:"
    + "|".join(
        re.escape(h).replace("'", "['’]")
        for h in sorted(lx.words("holidays"), key=len, reverse=True)
    )
    + ")"
)

_DAY_WORD = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|twenty-\w+|thirtieth|thirty-first)"
)

_YEAR = r"(?:19|20)\d{2}"

_SPAN_WORD = (
    r"(?:year|month|week|day|quarter|decade|summer|winter|spring|fall|weekend|night|season)"
)

_NUM_WORD = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
)

_UP_WORDS = set(lx.direction_words("up"))
_DOWN_WORDS = set(lx.direction_words("down"))
_CHANGE_NOUNS = set(lx.change_nouns())
_PASSIVE_CHANGE = lx.passive_changes()
_GENERIC = set(lx.words("generic_measure_nouns"))
_PRONOUNS = set(lx.words("pronouns"))
_MEASURE_UNITS = lx.measure_units()
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "night"}
_NAME_BEFORE = set(lx.words("name_before_number"))
_SAY_VERBS = set(lx.words("say_verbs"))
# The forms of verbs that move a number, with their direction (lang/change_words.tsv, role verb),
# and verbs whose "up" or "down" is a change ("ticked up").
CHANGE_VERBS = lx.change_verbs()
DRIFT_VERBS = frozenset(lx.words("drift_verbs"))
TRANSITIVE_CHANGES = lx.transitive_changes()
CHANGE_DIRECTIONS = lx.change_directions()
CHANGE_OF_NOUNS = lx.words("change_of_nouns")
REFERENCE_LEVELS = frozenset(lx.words("reference_levels"))
_ABBREV = set(lx.words("sentence_abbreviations"))
_SENTENCE_WORDS = set(lx.words("sentence_words"))
_BARE_BODIES = set(lx.words("bare_bodies"))
_BARE_GENERIC = set(lx.words("bare_generic_nouns"))
_COPULAR = set(lx.words("copular_verbs"))
_TRANSITIVE_CHANGE = set(lx.words("transitive_change_verbs"))
_UNDERGO_VERBS = set(lx.words("undergo_verbs"))
_AT_VERBS = set(lx.words("at_verbs"))
_CLASSIFY_VERBS = set(lx.words("classify_verbs"))
_AGENTS = set(lx.words("agents"))
_TIME_NOUNS = set(lx.words("time_nouns"))
_PAYERS = set(lx.words("payers"))
_MONEY_VERBS = set(lx.words("money_verbs"))
_MONEY_WORDS = set(lx.words("money_words"))
_TO_VERBS = set(lx.words("to_verbs"))
_YEAR_HEADS = set(lx.words("year_heads"))
_PERSONS = set(lx.words("persons"))
_RESIDENTS = set(lx.words("residents"))
_TAXED_THINGS = lx.words("taxed_things")
COUNTING_VERBS = lx.word_list("counting_verbs")
NOT_PLACE_NAMES = lx.words("not_place_names")
CAPITALISED_MEASURES = lx.words("capitalised_measures")
CAPITALISED_THINGS = lx.words("capitalised_things")
PLACE_OPENERS = lx.words("place_openers")
PLACE_NAME_STARTS = lx.words("place_name_starts")
NOT_PLACES_AFTER_IN = lx.words("not_places_after_in") | set(MONTHS) | set(WEEKDAYS)
_AREA_NOUNS = set(lx.words("area_nouns"))
_PLACE_CLASSES = set(lx.words("place_classes"))
_REGION_WORDS = set(lx.words("region_words"))
_NOT_SPEAKERS = set(lx.words("not_speakers"))
_COMMON_SPEAKERS = set(lx.words("common_speakers"))
_SUFFIXES = lx.word_list("name_suffixes")


# Endings of plural common nouns that US place names do not have ("Homicides", "Shootings"):
# such a word at a sentence start is a noun the tagger took for a name.
PLURAL_NOUN_END = re.compile(r"(?:ies|ides|ings|ions|ents|ths|sts|ults|ures)$")
ABSTRACT_NOUN_END = re.compile(
    rf"[a-z](?:{'|'.join(re.escape(w) for w in lx.words('abstract_noun_endings'))})$"
)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A person's title before a name: "Police Chief", "Jefferson County Sheriff", "Sgt.".
_TITLES = (
    rf"(?:(?:{_alternation(lx.words('title_modifiers'))}|[A-Z][a-z]+ (?:County|Police|Fire))\s+)*"
    rf"(?:{_alternation(lx.words('titles'))})"
)
_ORG_WORDS = re.compile(rf"\b(?:{_alternation(lx.words('org_words'))})\b")

_NAME = r"(?P<name>(?:[A-Z][A-Za-z'’]*[a-z]|[A-Z]\.)(?:\s+(?:Jr\.|Sr\.|III|II|[A-Z][A-Za-z'’-]*[a-z]|[A-Z]\.|(?:de|De|van|von)(?=\s+[A-Z])))+)"

_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .’'-]+(?:,\s*[A-Z][A-Za-z.]+\.?(?:\s[A-Z][a-z.]+)?)?\s*\([A-Za-z0-9 /-]+\)"
    r"\s*[—–-]+\s*|^\s*\([A-Za-z0-9 /-]+\)\s*[—–-]+\s*"
    # "SPRINGFIELD, Mo. — ", "ABINGDON, Va. —": a capitalised place and a dash, no station
    r"|^\s*[A-Z][A-Z .’'-]+[A-Z](?:,\s*[A-Z][A-Za-z.]+\.?(?:\s[A-Z][a-z.]+)?)?\s*[—–]\s*"
)
