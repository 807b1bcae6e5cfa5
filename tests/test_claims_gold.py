"""The hand-labelled claims gold set: the file itself, the scorer, and the extractor's floor figures.

The gold set (tests/data/claims_gold.jsonl, conventions in tests/data/README.md) is an examination
written without sight of the extractor. These tests keep it well formed, check that the scorer in
bench/claims_accuracy.py scores what it says it scores, and hold the real extractor, run through
`python -m factcheck claims --batch`, to floor figures on it.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "claims_gold.jsonl"

UNITS = {"count", "percent", "usd"}
QUALIFIERS = {
    "exact", "approximately", "more_than", "at_least", "less_than", "at_most", "almost", "range",
}  # fmt: skip
CHANGES = {"level", "difference", "percent_change"}
DIRECTIONS = {"up", "down", None}
DESIGN_KINDS = {
    "year", "date", "clock_time", "age", "ordinal", "station", "address", "road", "phone", "idiom",
    "vague_plural",
}  # fmt: skip
EXTRA_KINDS = {"compound", "identifier", "period"}
FIELDS = ("qualifier", "change", "direction", "unit", "subject", "period", "speaker")
NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand"
    r"|million|billion|first|second|third|fourth|half)\b",
    re.IGNORECASE,
)


def _load_bench():
    spec = importlib.util.spec_from_file_location(
        "claims_accuracy", ROOT / "bench" / "claims_accuracy.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["claims_accuracy"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return bench.load_gold(GOLD)


# --- the gold file ------------------------------------------------------------------------------


def test_gold_has_enough_unique_passages(gold):
    assert len(gold) >= 70
    ids = [p["id"] for p in gold]
    assert len(set(ids)) == len(ids)
    for p in gold:
        date.fromisoformat(p["published"])
        assert p["place"].strip()
        sentences = [s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“0-9])", p["text"]) if s]
        assert 2 <= len(sentences) <= 8, p["id"]


def test_every_span_matches_its_text(gold):
    for p in gold:
        for item in p["claims"] + p.get("distractors", []):
            assert p["text"][item["start"] : item["end"]] == item["text"], (p["id"], item)


def test_claims_in_order_and_apart_from_distractors(gold):
    for p in gold:
        claims = p["claims"]
        for a, b in zip(claims, claims[1:], strict=False):
            assert a["end"] <= b["start"], (p["id"], a["text"], b["text"])
        for d in p.get("distractors", []):
            for c in claims:
                assert d["end"] <= c["start"] or c["end"] <= d["start"], (p["id"], d, c["text"])


def test_every_number_is_labelled(gold):
    """Each digit and number word is inside a claim or a distractor: nothing is left unjudged."""
    for p in gold:
        covered = [(i["start"], i["end"]) for i in p["claims"] + p.get("distractors", [])]
        hits = list(re.finditer(r"\d", p["text"])) + list(NUMBER_WORDS.finditer(p["text"]))
        for m in hits:
            assert any(a <= m.start() < b for a, b in covered), (p["id"], m.group())


def test_fields_use_the_contract_vocabularies(gold):
    for p in gold:
        for c in p["claims"]:
            where = (p["id"], c["text"])
            assert c["unit"] in UNITS or re.fullmatch(r"[a-z]+", c["unit"]), where
            assert c["qualifier"] in QUALIFIERS, where
            assert c["change"] in CHANGES, where
            assert c["direction"] in DIRECTIONS, where
            # Conventions of this set (README): direction only on changes; range iff low < high.
            assert (c["direction"] is None) == (c["change"] == "level"), where
            assert (c["qualifier"] == "range") == (c["low"] < c["high"]), where
            assert c["low"] <= c["high"], where
            assert c["subject"] is None or c["subject"] == c["subject"].lower(), where
            # Period and speaker are written as the story writes them.
            for name in ("period", "speaker"):
                assert c[name] is None or c[name] in p["text"], (where, name)
            assert set(c.get("alt", {})) <= set(FIELDS), where


def test_every_kind_of_claim_is_covered(gold):
    claims = [c for p in gold for c in p["claims"]]
    assert {c["qualifier"] for c in claims} == QUALIFIERS
    assert {c["change"] for c in claims} == CHANGES
    assert {c["unit"] for c in claims} >= UNITS
    assert any(c["unit"] not in UNITS for c in claims)
    texts = " | ".join(c["text"].lower() for c in claims)
    for hedge in (
        "about ", "approximately ", "roughly ", "nearly ", "almost ", "more than ", "over ",
        "at least ", "fewer than ", "under ", "up to ",
    ):  # fmt: skip
        assert hedge in texts, hedge
    for written in (
        "seven thousand",
        "a dozen",
        "one hundred and twelve",
        "two and a half million",
    ):
        assert written in texts, written
    for period in (
        "this year",
        "last year",
        "so far this year",
        "since 20",
        "as of ",
        "a year ago",
    ):
        assert any(period in (c["period"] or "") for c in claims), period
    assert sum(c["speaker"] is not None for c in claims) >= 30
    assert sum(c["qualifier"] == "range" for c in claims) >= 8


def test_every_not_a_claim_kind_appears_three_times(gold):
    kinds = Counter(d["kind"] for p in gold for d in p.get("distractors", []))
    assert set(kinds) <= DESIGN_KINDS | EXTRA_KINDS
    for kind in DESIGN_KINDS:
        assert kinds[kind] >= 3, kind
    assert sum(1 for p in gold if p.get("distractors")) >= 0.9 * len(gold)


# --- the scorer ---------------------------------------------------------------------------------


def test_gold_scored_against_itself_is_perfect(gold):
    rep = bench.score(gold, {p["id"]: p["claims"] for p in gold})
    assert rep.matched == rep.gold == rep.predicted == sum(len(p["claims"]) for p in gold)
    assert rep.f1 == 1.0 and rep.value_accuracy == 1.0
    assert all(rep.field_accuracy(n) == 1.0 for n in FIELDS)


def test_scorer_counts_misses_and_false_positives():
    passage = {
        "id": "x",
        "text": "Police seized more than 1,500 guns, CBS 42 learned.",
        "claims": [
            {"text": "more than 1,500", "start": 14, "end": 29, "low": 1500, "high": 1500,
             "unit": "count", "qualifier": "more_than", "change": "level", "direction": None,
             "subject": "gun", "period": None, "speaker": "Patrick Smith"},
        ],
        "distractors": [{"text": "CBS 42", "kind": "station", "start": 36, "end": 42}],
    }  # fmt: skip
    pred = [
        {"text": "1,500 guns", "start": 24, "end": 34, "low": 1500, "high": 1500, "unit": "count",
         "qualifier": "exact", "change": "level", "direction": None, "subject": "guns",
         "period": None, "speaker": "Chief Smith"},
        {"text": "42", "start": 40, "end": 42, "low": 42, "high": 42},
    ]  # fmt: skip
    rep = bench.score([passage], {"x": pred})
    assert (rep.matched, rep.predicted, rep.gold) == (1, 2, 1)
    assert rep.precision == 0.5 and rep.recall == 1.0
    assert rep.value_accuracy == 1.0
    assert rep.field_accuracy("qualifier") == 0.0  # exact for "more than"
    assert rep.field_accuracy("subject") == 1.0  # "guns" singularised
    assert rep.field_accuracy("speaker") == 1.0  # last name
    assert rep.fp_on_distractors == Counter({"station": 1})
    assert bench.score([passage], {"x": []}).recall == 0.0


def test_matching_is_one_to_one_by_largest_overlap():
    gold = [{"start": 0, "end": 10}, {"start": 12, "end": 20}]
    pred = [{"start": 0, "end": 20}, {"start": 13, "end": 15}]
    assert bench.match(pred, gold) == [(0, 0), (1, 1)]
    assert bench.match([{"start": 0, "end": 20}], gold) == [(0, 0)]


def test_value_tolerance_is_half_a_percent():
    g = {"low": 1000.0, "high": 1000.0}
    assert bench.value_correct({"low": 1004, "high": 1004}, g)
    assert not bench.value_correct({"low": 1006, "high": 1006}, g)
    assert not bench.value_correct({"low": 1000, "high": None}, g)


def test_field_normalisation():
    g = {"subject": "person", "period": None, "speaker": None, "unit": "inches",
         "alt": {"speaker": ["Capitol Police"]}}  # fmt: skip
    assert bench.field_correct("subject", "People", g)
    assert bench.field_correct("unit", "inch", g)
    assert bench.field_correct("speaker", None, g)
    assert bench.field_correct("speaker", "the Capitol Police", g)
    assert not bench.field_correct("speaker", "Kirk Giles", g)
    assert bench.field_correct("period", "Tuesday", g)
    assert not bench.field_correct("period", "Tuesday", g, strict_periods=True)
    assert not bench.field_correct("period", "last year", g)
    assert bench.field_correct("period", "in 2023", {"period": "2023"})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$4.5 million", (4.5e6, 4.5e6)),
        ("two to three hundred", (200, 300)),
        ("between 40 and 50", (40, 50)),
        ("40-50", (40, 50)),
        ("one hundred and twelve", (112, 112)),
        ("two and a half million dollars", (2.5e6, 2.5e6)),
        ("about a dozen", (12, 12)),
        ("more than 1,500", (1500, 1500)),
        ("50 cents", (0.5, 0.5)),
        ("29 to 32 percent", (29, 32)),
        ("around 5 below zero", (-5, -5)),
    ],
)
def test_peer_value_parser(text, value):
    assert bench.parse_value(text) == pytest.approx(value)


def test_scorer_says_clearly_when_the_extractor_cannot_run(capsys):
    assert bench.main(["--python", "/bin/false", "--no-peers"]) == 2
    err = capsys.readouterr().err
    assert "cannot score the extractor" in err and "exited 1" in err


# --- the real extractor -------------------------------------------------------------------------


def _extractor_importable() -> str | None:
    try:
        import factcheck.claims  # noqa: F401
    except Exception as exc:  # any import failure means there is nothing to score yet
        return f"factcheck.claims cannot be imported yet ({type(exc).__name__}: {exc})"
    return None


@pytest.mark.slow
def test_extractor_meets_floor_figures_on_gold(gold):
    reason = _extractor_importable()
    if reason:
        pytest.skip(reason)
    rep = bench.score(gold, bench.run_extractor(gold))
    figures = {"F1": rep.f1, "value accuracy": rep.value_accuracy}
    figures |= {n: rep.field_accuracy(n) for n in FIELDS}
    floors = {"F1": 0.90, "value accuracy": 0.90} | dict.fromkeys(FIELDS, 0.70)
    below = {k: round(v, 3) for k, v in figures.items() if v < floors[k]}
    assert not below, f"below the floor on the gold set: {below} (all: {json.dumps(figures)})"


@pytest.mark.slow
def test_scorer_json_output_on_the_blind_batch(capsys):
    reason = _extractor_importable()
    if reason:
        pytest.skip(reason)
    assert bench.main(["--json", "--no-peers", "--batch", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["passages"] == 20
    figures = out["systems"]["factcheck"]
    assert figures["gold"] == 73 and 0.0 <= figures["f1"] <= 1.0
    assert set(figures["fields"]) == set(FIELDS)
