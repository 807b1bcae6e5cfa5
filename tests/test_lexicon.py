"""The language data files (`factcheck/lang/`): each loads, and no word has two meanings."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from factcheck import lexicon, places
from factcheck.lexicon import LANG_DIR


def test_every_words_list_says_what_it_is_for():
    data = json.loads((LANG_DIR / "words.json").read_text(encoding="utf-8"))
    lists = {k: v for k, v in data.items() if not k.startswith("_")}
    assert len(lists) > 20
    for name, entry in lists.items():
        assert entry["about"].strip(), name
        assert entry["words"] and all(isinstance(w, str) and w.strip() for w in entry["words"]), (
            name
        )


def test_a_hedge_has_one_meaning():
    meanings = defaultdict(set)
    for phrase, qualifier in lexicon.hedges():
        meanings[phrase].add(qualifier)
    assert {p: q for p, q in meanings.items() if len(q) > 1} == {}
    assert lexicon.hedge_qualifiers()["close to"] == "almost"


def test_a_change_word_has_one_direction_per_role():
    seen: dict[tuple[str, str], str | None] = {}
    for c in lexicon.change_words():
        key = (c.word, c.role)
        assert seen.get(key, c.direction) == c.direction, key
        seen[key] = c.direction
    assert "increase" in lexicon.direction_words("up")
    assert "decline" in lexicon.direction_words("down")


def test_verb_tables_give_every_form_a_direction():
    # the forms the extractor's change patterns are built from (claims/change.py)
    for table in (lexicon.change_verbs(), lexicon.transitive_changes()):
        assert table and set(table.values()) <= {"up", "down"}
    assert lexicon.change_verbs()["shed"] == "down" and lexicon.change_verbs()["rebounded"] == "up"
    assert lexicon.transitive_changes()["trimmed"] == "down"
    # every change noun whose "of" is the amount has a direction of its own
    directions = lexicon.change_directions()
    assert all(directions.get(n) in ("up", "down") for n in lexicon.words("change_of_nouns"))


def test_rate_phrases_compile_and_units_are_plain_words():
    for phrase, unit in lexicon.rate_phrases():
        re.compile(phrase)
        assert re.fullmatch(r"per_[a-z0-9]+", unit), unit
    assert all(re.fullmatch(r"[a-z]+(?: [a-z]+)?", u) for u in lexicon.measure_units().values())


def test_every_demonym_names_a_state():
    for people, state in lexicon.demonyms().items():
        assert places.state_name(state) == state, people


@pytest.mark.parametrize(
    "one, many",
    [
        ("city", "cities"),
        ("person", "people"),
        ("dose", "doses"),
        ("bus", "buses"),
        ("homicide", "homicides"),
        ("day", "days"),
    ],  # fmt: skip
)
def test_plural_and_singular_agree(one, many):
    assert lexicon.plural(one) == many
    assert lexicon.singular(many) == one


def test_multipliers_are_percent_changes():
    found = dict(lexicon.multipliers())
    assert any(v == 100.0 for v in found.values())  # "doubled"
    assert all(-100.0 <= v <= 1000.0 for v in found.values())
