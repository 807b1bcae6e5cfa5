"""The pipeline's `attribute_ruler` read as a table: the same token attributes, for a tenth of the cost.

The ruler of the English pipelines (179 patterns in en_core_web_sm) maps a token's TAG, LOWER, DEP
and IS_SPACE to its POS, MORPH and some lemmas, and its Matcher tries every pattern on every token:
a fifth of our parse. A one-token pattern's outcome depends on those four values only, so the table
works out which rules match once per distinct combination and keeps it. The rules it cannot read
that way (patterns of two tokens, regexes) keep a Matcher of their own. Rules apply in the ruler's
order (by rule, a later one winning), on the attributes as they were before any was set, so every
token ends with the attributes the ruler gives it (`tests/test_claims_attributes.py` checks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_READ = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a token's key holds, in this order
_KEY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

# One test on one of the key's values: (position in the key, "eq" | "in" | "not_in" | "regex",
# the value, the set of values or the compiled regex).
_Test = tuple[int, str, object]


class AttributeTable:
    """What `ruler` sets on each token, looked up by the token's (TAG, LOWER, DEP, IS_SPACE)."""

    def __init__(self, ruler: AttributeRuler):
        self.attrs = ruler.attrs  # per rule, as the ruler normalised them
        self.indices = ruler.indices
        strings = ruler.vocab.strings
        self.simple: list[tuple[int, list[list[_Test]]]] = []  # (rule, one test list a pattern)
        self.matcher = Matcher(ruler.vocab)  # the other rules, matched as the ruler does
        # per Matcher rule and pattern, the values some token of the doc must have for it to match
        self.needs: list[list[list[tuple[int, frozenset]]]] = []
        for rule, entry in enumerate(ruler.patterns):
            patterns = cast(list[list[dict]], entry["patterns"])  # spaCy types it as any pattern
            tests = [_tests(p, strings) for p in patterns]
            if self.indices[rule] in (0, -1) and all(t is not None for t in tests):
                self.simple.append((rule, [t for t in tests if t is not None]))
            else:
                self.matcher.add(str(rule), patterns)
                self.needs.append([_needs(p, strings) for p in patterns])
        self.strings = strings
        self.rule_of = {strings.add(str(r)): r for r in range(len(self.attrs))}
        self._by_key: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._by_tag: dict[int, list[tuple[int, list[list[_Test]]]]] = {}
        self._merged: dict[tuple[int, ...], dict | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        keys = list(map(tuple, doc.to_array(_KEY_ATTRS).tolist())) if len(doc) else []
        extra: dict[int, list[int]] = {}  # token -> rules of the Matcher that set it
        if self._may_match(keys):
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                rule = self.rule_of[match_id]
                index = self.indices[rule]
                extra.setdefault(start + index if index >= 0 else end + index, []).append(rule)
        for i, key in enumerate(keys):
            if i in extra:
                attrs = self._merge(tuple(sorted({*self._rules(key), *extra[i]})))
            elif key in self._merged:
                attrs = self._merged[key]
            else:
                attrs = self._merged[key] = self._merge(self._rules(key))
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _may_match(self, keys: list[tuple[int, ...]]) -> bool:
        """Whether any Matcher rule can match: each of its fixed values is in the doc somewhere
        ("gon" "na" needs a "gon"). Most sentences have none, and the Matcher's cost is per token."""
        if not self.needs or not keys:
            return False
        present = [set(column) for column in zip(*keys, strict=True)]
        return any(
            all(not present[at].isdisjoint(values) for at, values in needs)
            for patterns in self.needs
            for needs in patterns
        )

    def _rules(self, key: tuple[int, ...]) -> tuple[int, ...]:
        """The one-token rules that match a token with this key, in order."""
        rules = self._by_key.get(key)
        if rules is None:
            rules = self._by_key[key] = tuple(
                rule
                for rule, patterns in self._for_tag(key[0])
                if any(all(self._passes(key[i], op, v) for i, op, v in tests) for tests in patterns)
            )
        return rules

    def _for_tag(self, tag: int) -> list[tuple[int, list[list[_Test]]]]:
        """The one-token rules a token with this TAG may match: most name their TAG."""
        found = self._by_tag.get(tag)
        if found is None:
            found = self._by_tag[tag] = [
                (rule, patterns)
                for rule, patterns in self.simple
                if not all(any(t[:2] == (0, "eq") for t in tests) for tests in patterns)
                or any((0, "eq", tag) in tests for tests in patterns)
            ]
        return found

    def _passes(self, value: int, op: str, wanted) -> bool:
        if op == "eq":
            return value == wanted
        if op == "regex":
            return bool(wanted.search(self.strings[value]))  # on the string, as the Matcher does
        return (value in wanted) == (op == "in")

    def _merge(self, rules: tuple[int, ...]) -> dict | None:
        """The attributes set by these rules applied in order: a later rule's value wins."""
        merged: dict = {}
        for rule in rules:
            merged.update(self.attrs[rule])
        return merged or None


def _tests(pattern: list[dict], strings) -> list[_Test] | None:
    """A one-token pattern as tests on the key, as the Matcher compares; None when it is not one."""
    if len(pattern) != 1:
        return None
    tests: list[_Test] = []
    for name, value in pattern[0].items():
        if name not in _READ:
            return None
        at = _READ.index(name)
        if isinstance(value, bool):
            tests.append((at, "eq", int(value)))
        elif isinstance(value, str):
            tests.append((at, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1 and {*value} <= {"IN", "NOT_IN"}:
            ((op, values),) = value.items()
            tests.append((at, op.lower(), frozenset(get_string_id(v) for v in values)))
        elif isinstance(value, dict) and [*value] == ["REGEX"] and isinstance(value["REGEX"], str):
            tests.append((at, "regex", re.compile(value["REGEX"])))
        else:
            return None  # a comparison, an operator, a regex set: left to the Matcher
    return tests


def _needs(pattern: list[dict], strings) -> list[tuple[int, frozenset]]:
    """The fixed values (equal to, or one of) a pattern's tokens test on the key's attributes."""
    needs = []
    for spec in pattern:
        for name, value in spec.items():
            if name not in _READ or name == "IS_SPACE":
                continue
            if isinstance(value, str):
                needs.append((_READ.index(name), frozenset([strings.add(value)])))
            elif isinstance(value, dict) and [*value] == ["IN"]:
                needs.append((_READ.index(name), frozenset(get_string_id(v) for v in value["IN"])))
    return needs
