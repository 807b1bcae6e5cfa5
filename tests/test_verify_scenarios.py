"""The hand-written check scenarios: the files themselves, the scorer, and the checker's floors.

The scenarios (tests/data/check_scenarios/, conventions in its README) were labelled from
DESIGN.md's verdict and period rules without sight of the checker. These tests keep them well
formed, check that bench/verify_accuracy.py scores what it says it scores, and hold the real
checker (real spaCy pipeline, real DuckDB) to floor figures on them.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "tests" / "data" / "check_scenarios"
FIGURE_COLUMNS = [
    "metric", "place", "period_start", "period_end", "value", "unit", "source", "source_url",
    "as_of", "notes",
]  # fmt: skip
METRIC_COLUMNS = ["metric", "label", "unit", "aliases"]
VERDICTS = {"accurate", "inaccurate", "unverifiable"}
KINDS = {"level", "difference", "percent_change"}
VERDICT_FLOOR = 0.80
OFFICIAL_FLOOR = 0.75


def _load_bench():
    spec = importlib.util.spec_from_file_location(
        "verify_accuracy", ROOT / "bench" / "verify_accuracy.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["verify_accuracy"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


@pytest.fixture(scope="module")
def scenarios() -> list[dict]:
    return bench.load_scenarios(SCENARIOS)


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_figure_files_follow_the_import_format():
    files = sorted((SCENARIOS / "figures").glob("*.csv"))
    assert len(files) >= 4
    for path in files:
        columns, rows = _rows(path)
        assert columns == FIGURE_COLUMNS, path.name
        assert rows, path.name
        seen = set()
        for row in rows:
            start = date.fromisoformat(row["period_start"])
            end = date.fromisoformat(row["period_end"])
            assert start <= end, (path.name, row)
            date.fromisoformat(row["as_of"])
            assert float(row["value"]) >= 0, row
            key = (row["metric"], row["place"], start, end)
            assert key not in seen, f"duplicate row in {path.name}: {key}"
            seen.add(key)


def test_metrics_catalogue_follows_the_format():
    columns, rows = _rows(SCENARIOS / "metrics.csv")
    assert columns == METRIC_COLUMNS
    names = [r["metric"] for r in rows]
    assert len(names) == len(set(names))
    assert all(r["aliases"] and r["unit"] for r in rows)


def test_scenarios_are_well_formed(scenarios):
    assert len(scenarios) >= 40
    ids = [s["id"] for s in scenarios]
    assert len(ids) == len(set(ids))
    _, metric_rows = _rows(SCENARIOS / "metrics.csv")
    catalogue = {r["metric"] for r in metric_rows}
    for s in scenarios:
        published = date.fromisoformat(s["published"])
        assert s["place"] and s["text"] and s["claims"], s["id"]
        assert all(p.exists() for p in s["figure_paths"]), s["id"]
        assert s["metrics_path"].exists()
        rows = [r for p in s["figure_paths"] for r in _rows(p)[1]]
        assert any(r["place"] == s["place"] for r in rows), f"{s['id']}: no rows for its place"
        spans = []
        for claim in s["claims"]:
            assert claim["verdict"] in VERDICTS, (s["id"], claim)
            # the claim's words occur in the story, where the scorer will look for them
            start, end = bench.locate(s["text"], claim["text"], claim.get("occurrence", 1))
            assert s["text"][start:end] == claim["text"]
            spans.append((start, end))
            if claim["verdict"] == "unverifiable":
                assert claim.get("official") is None, (s["id"], claim)
                continue
            assert isinstance(claim["official"], (int, float)), (s["id"], claim)
            assert claim["metric"] in catalogue, (s["id"], claim)
            assert claim["kind"] in KINDS, (s["id"], claim)
            # the series the label relies on is in the scenario's figures and was published
            # before the story (so "as aired" and "as of now" agree)
            series = [
                r for r in rows if (r["metric"], r["place"]) == (claim["metric"], claim["place"])
            ]
            assert series, (s["id"], claim["text"])
            assert any(date.fromisoformat(r["as_of"]) <= published for r in series)
            if claim["kind"] == "level":
                assert any(float(r["value"]) == claim["official"] for r in series), (
                    s["id"],
                    claim["text"],
                )
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), (
            f"{s['id']}: overlapping claims"
        )


def test_the_verdict_mix_is_like_the_hidden_sets(scenarios):
    verdicts = [c["verdict"] for s in scenarios for c in s["claims"]]
    share = verdicts.count("accurate") / len(verdicts)
    assert 0.45 <= share <= 0.58
    assert verdicts.count("inaccurate") >= 30 and verdicts.count("unverifiable") >= 25


def _perfect_rows(scenario: dict) -> list[dict]:
    """What a checker that agrees with every label would print."""
    rows = []
    for claim in scenario["claims"]:
        start, end = bench.locate(scenario["text"], claim["text"], claim.get("occurrence", 1))
        rows.append(
            {
                "text": claim["text"],
                "start": start,
                "end": end,
                "verdict": claim["verdict"],
                "official": claim.get("official"),
                "metric": claim.get("metric"),
            }
        )
    return rows


def test_scorer_gives_full_marks_to_the_labels_and_the_baseline_to_all_accurate(scenarios):
    perfect = {s["id"]: _perfect_rows(s) for s in scenarios}
    _, summary = bench.score(scenarios, perfect)
    assert summary["verdict_accuracy"] == 1.0
    assert summary["official_accuracy"] == 1.0
    assert summary["missing_claims"] == 0

    lazy = {s["id"]: [{**r, "verdict": "accurate"} for r in _perfect_rows(s)] for s in scenarios}
    _, lazy_summary = bench.score(scenarios, lazy)
    assert lazy_summary["verdict_accuracy"] == lazy_summary["all_accurate_baseline"]
    assert 0.45 <= lazy_summary["all_accurate_baseline"] <= 0.58


def test_scorer_counts_a_missing_claim_wrong_and_checks_the_official_value(scenarios):
    first = scenarios[0]
    rows = _perfect_rows(first)
    # a wider span still matches; a dropped claim and a wrong official value are counted wrong
    rows[0] = {**rows[0], "start": rows[0]["start"] - 3, "end": rows[0]["end"] + 5}
    rows[1] = {**rows[1], "official": (rows[1]["official"] or 0) * 1.02 + 1}
    outcomes, summary = bench.score([first], {first["id"]: rows[:2]})
    assert outcomes[0].verdict_ok and outcomes[0].official_ok
    assert outcomes[1].verdict_ok and outcomes[1].official_ok is False
    assert all(not o.verdict_ok for o in outcomes[2:])
    assert summary["missing_claims"] == len(first["claims"]) - 2


def test_official_tolerance():
    units = {"unemployment_rate": "percent", "guns_seized": "count"}
    pct = {"official": -15.38, "kind": "percent_change", "metric": "homicides"}
    assert bench.official_close(pct, -15.4, units)
    assert not bench.official_close(pct, -15.5, units)
    assert not bench.official_close(pct, 15.38, units)  # the sign is part of the value
    count = {"official": 1193, "kind": "level", "metric": "guns_seized"}
    assert bench.official_close(count, 1195, units)
    assert not bench.official_close(count, 1210, units)
    assert not bench.official_close(count, None, units)


@pytest.mark.timeout(600)
def test_checker_meets_its_floors_on_the_scenarios(scenarios):
    results = bench.run_in_process(scenarios)
    _, summary = bench.score(scenarios, results)
    # measured when written (2026-11-25): verdicts 0.907, official values 0.892
    assert summary["verdict_accuracy"] >= VERDICT_FLOOR, summary
    assert summary["official_accuracy"] >= OFFICIAL_FLOOR, summary
    assert summary["verdict_accuracy"] > summary["all_accurate_baseline"] + 0.2
