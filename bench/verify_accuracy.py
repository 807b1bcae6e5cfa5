"""Score `check` on hand-written scenarios: verdicts and the official values behind them.

The scenarios (tests/data/check_scenarios/, see its README) are local-news stories with invented
official figures, labelled from DESIGN.md's verdict and period rules alone, by a helper who had not
read factcheck/verify.py or factcheck/periods.py. Each story is checked exactly as
`python -m factcheck check STORY --figures F.csv --metrics M.csv --published DATE --place PLACE`
would check it: in-process through `factcheck.verify.check_text_against_files` (default: one
pipeline load for all scenarios), or with `--subprocess`, one `python -m factcheck check` per story.

The command's claims are matched to the expected ones by character overlap (the expected text is
found in the story, word-bounded, at its `occurrence`); a missing claim counts as wrong. Figures:
- verdict accuracy over every expected claim;
- official-value accuracy over the expected claims that are not `unverifiable` (the value must be
  within 0.5% of the expected one, or within 0.05 when it is a percent or a percent change);
- the baseline of a checker that calls every claim accurate.

    .venv/bin/python bench/verify_accuracy.py              # the figures
    .venv/bin/python bench/verify_accuracy.py --errors     # plus every miss, with the explanation
    .venv/bin/python bench/verify_accuracy.py --json       # machine-readable
    .venv/bin/python bench/verify_accuracy.py --subprocess --only tul-01-guns-ytd
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS_DIR = ROOT / "tests" / "data" / "check_scenarios"
if str(ROOT) not in sys.path:  # run as a script from anywhere: the package is at the root
    sys.path.insert(0, str(ROOT))
REL_TOLERANCE = 0.005
PERCENT_ABS_TOLERANCE = 0.05


@dataclass
class Outcome:
    """One expected claim against what the command said about it."""

    scenario: str
    expected: dict[str, Any]
    got: dict[str, Any] | None
    verdict_ok: bool
    official_ok: bool | None  # None when the expected verdict is unverifiable
    tags: list[str] = field(default_factory=list)


def load_scenarios(directory: Path = SCENARIOS_DIR) -> list[dict[str, Any]]:
    """The scenarios, with figure and metric paths made absolute."""
    scenarios = json.loads((directory / "scenarios.json").read_text(encoding="utf-8"))
    for scenario in scenarios:
        scenario["figure_paths"] = [directory / f for f in scenario["figures"]]
        scenario["metrics_path"] = directory / scenario["metrics"]
    return scenarios


def locate(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the `occurrence`-th word-bounded `needle` in `text`."""
    pattern = r"(?<![\w,.])" + re.escape(needle) + r"(?![\w]|[.,]\d)"
    matches = list(re.finditer(pattern, text))
    if len(matches) < occurrence:
        raise ValueError(f"{needle!r} occurs {len(matches)} times, occurrence {occurrence} asked")
    match = matches[occurrence - 1]
    return match.start(), match.end()


def metric_units(directory: Path = SCENARIOS_DIR) -> dict[str, str]:
    """metric -> unit, from every metrics catalogue the scenarios use."""
    units: dict[str, str] = {}
    for path in directory.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if "metric" in row and "unit" in row:
                    units[row["metric"]] = row["unit"]
    return units


def official_close(expected: dict[str, Any], got: Any, units: dict[str, str]) -> bool:
    """Whether the command's official value is the expected one, within the stated tolerance."""
    if got is None:
        return False
    want = float(expected["official"])
    got = float(got)
    if abs(got - want) <= REL_TOLERANCE * abs(want):
        return True
    percentish = (
        expected.get("kind") == "percent_change" or units.get(expected.get("metric")) == "percent"
    )
    return percentish and abs(got - want) <= PERCENT_ABS_TOLERANCE


def run_in_process(scenarios: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each scenario's `check` output rows, through the library (one pipeline load)."""
    from factcheck import claims as claims_mod
    from factcheck import verify
    from factcheck.config import settings

    nlp = claims_mod.load_pipeline(settings().spacy_model)
    results: dict[str, list[dict[str, Any]]] = {}
    for scenario in scenarios:
        try:
            pairs = verify.check_text_against_files(
                nlp,
                scenario["text"],
                figures=scenario["figure_paths"],
                metrics=scenario["metrics_path"],
                published=date.fromisoformat(scenario["published"]),
                place=scenario["place"],
            )
        except Exception as exc:  # noqa: BLE001 - a failing scenario is scored, not fatal
            print(f"{scenario['id']}: check failed: {exc}", file=sys.stderr)
            results[scenario["id"]] = []
            continue
        rows = []
        for claim, check in pairs:
            rows.append({**claim.to_dict(), **check.to_dict()})
        results[scenario["id"]] = json.loads(json.dumps(rows, default=str))
    return results


def run_subprocess(scenarios: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each scenario's `check` output rows, one `python -m factcheck check` per scenario."""
    results: dict[str, list[dict[str, Any]]] = {}
    for scenario in scenarios:
        cmd = [sys.executable, "-m", "factcheck", "check", "-"]
        for path in scenario["figure_paths"]:
            cmd += ["--figures", str(path)]
        cmd += ["--metrics", str(scenario["metrics_path"])]
        cmd += ["--published", scenario["published"], "--place", scenario["place"]]
        proc = subprocess.run(
            cmd, input=scenario["text"], capture_output=True, text=True, cwd=ROOT, check=False
        )
        if proc.returncode != 0:
            print(f"{scenario['id']}: check failed: {proc.stderr.strip()}", file=sys.stderr)
        results[scenario["id"]] = [json.loads(line) for line in proc.stdout.splitlines() if line]
    return results


def match(scenario: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """For each expected claim, the output row overlapping it most (each row used once)."""
    spans = [
        locate(scenario["text"], cl["text"], cl.get("occurrence", 1)) for cl in scenario["claims"]
    ]
    candidates = []
    for i, (start, end) in enumerate(spans):
        for j, row in enumerate(rows):
            overlap = min(end, row["end"]) - max(start, row["start"])
            if overlap > 0:
                candidates.append((overlap, i, j))
    candidates.sort(reverse=True)
    chosen: list[dict[str, Any] | None] = [None] * len(spans)
    used: set[int] = set()
    for _, i, j in candidates:
        if chosen[i] is None and j not in used:
            chosen[i] = rows[j]
            used.add(j)
    return chosen


def score(
    scenarios: list[dict[str, Any]],
    results: dict[str, list[dict[str, Any]]],
    directory: Path = SCENARIOS_DIR,
) -> tuple[list[Outcome], dict[str, Any]]:
    """Every expected claim's outcome, and the summary figures."""
    units = metric_units(directory)
    outcomes: list[Outcome] = []
    extra = 0
    for scenario in scenarios:
        rows = results.get(scenario["id"], [])
        matched = match(scenario, rows)
        extra += len(rows) - sum(1 for m in matched if m is not None)
        for expected, got in zip(scenario["claims"], matched, strict=True):
            verdict_ok = got is not None and got.get("verdict") == expected["verdict"]
            official_ok = None
            if expected["verdict"] != "unverifiable":
                official_ok = got is not None and official_close(
                    expected, got.get("official"), units
                )
            outcomes.append(
                Outcome(scenario["id"], expected, got, verdict_ok, official_ok, scenario["tags"])
            )
    n = len(outcomes)
    valued = [o for o in outcomes if o.official_ok is not None]
    by_expected: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        by_expected[o.expected["verdict"]][0] += o.verdict_ok
        by_expected[o.expected["verdict"]][1] += 1
        for tag in o.tags:
            by_tag[tag][0] += o.verdict_ok
            by_tag[tag][1] += 1
    confusion = Counter(
        (o.expected["verdict"], o.got["verdict"] if o.got else "missing") for o in outcomes
    )
    summary = {
        "scenarios": len(scenarios),
        "claims": n,
        "verdict_accuracy": round(sum(o.verdict_ok for o in outcomes) / n, 4) if n else 0.0,
        "official_accuracy": round(sum(bool(o.official_ok) for o in valued) / len(valued), 4)
        if valued
        else 0.0,
        "official_claims": len(valued),
        "all_accurate_baseline": round(
            sum(o.expected["verdict"] == "accurate" for o in outcomes) / n, 4
        )
        if n
        else 0.0,
        "missing_claims": sum(o.got is None for o in outcomes),
        "extra_claims": extra,
        "by_expected_verdict": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_expected.items())},
        "by_tag": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_tag.items())},
        "confusion": {f"{e} -> {g}": c for (e, g), c in sorted(confusion.items())},
    }
    return outcomes, summary


def describe_error(o: Outcome) -> str:
    """One miss, for --errors."""
    e, g = o.expected, o.got or {}
    what = []
    if not o.verdict_ok:
        what.append("verdict")
    if o.official_ok is False:
        what.append("official")
    lines = [
        f"[{o.scenario}] {e['text']!r} ({', '.join(what)} wrong)",
        f"  expected: {e['verdict']:<12} official={e.get('official')} metric={e.get('metric')} "
        f"place={e.get('place')} period={e.get('period')}",
    ]
    if o.got is None:
        lines.append("  got:      (no claim found at this text)")
    else:
        lines.append(
            f"  got:      {g.get('verdict'):<12} official={g.get('official')} "
            f"metric={g.get('metric')} place={g.get('place')} "
            f"period={g.get('period_start')}..{g.get('period_end')} "
            f"[claim text={g.get('text')!r} subject={g.get('subject')} period={g.get('period')!r} "
            f"qualifier={g.get('qualifier')} change={g.get('change')}]"
        )
        lines.append(f"  explanation: {g.get('explanation')}")
    lines.append(f"  why expected: {e.get('why')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subprocess", action="store_true", help="run `python -m factcheck check`")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--only", action="append", help="scenario id (repeatable)")
    parser.add_argument(
        "--dir",
        type=Path,
        default=SCENARIOS_DIR,
        help="a scenario folder (scenarios.json, metrics, figures)",
    )
    args = parser.parse_args(argv)

    scenarios = load_scenarios(args.dir)
    if args.only:
        scenarios = [s for s in scenarios if s["id"] in set(args.only)]
    results = run_subprocess(scenarios) if args.subprocess else run_in_process(scenarios)
    outcomes, summary = score(scenarios, results, args.dir)
    if args.json:
        if args.errors:
            summary["errors"] = [
                {
                    "scenario": o.scenario,
                    "expected": o.expected,
                    "got": o.got,
                    "verdict_ok": o.verdict_ok,
                    "official_ok": o.official_ok,
                }
                for o in outcomes
                if not o.verdict_ok or o.official_ok is False
            ]
        print(json.dumps(summary, indent=2))
        return 0
    if args.errors:
        for o in outcomes:
            if not o.verdict_ok or o.official_ok is False:
                print(describe_error(o))
                print()
    print(f"scenarios                 {summary['scenarios']}")
    print(f"expected claims           {summary['claims']}")
    print(f"verdict accuracy          {summary['verdict_accuracy']:.3f}")
    print(
        f"official-value accuracy   {summary['official_accuracy']:.3f} "
        f"(over {summary['official_claims']} claims not expected unverifiable)"
    )
    print(f"all-accurate baseline     {summary['all_accurate_baseline']:.3f}")
    print(f"claims not found          {summary['missing_claims']}")
    print(f"extra claims (unscored)   {summary['extra_claims']}")
    print("by expected verdict       " + json.dumps(summary["by_expected_verdict"]))
    print("confusion (expected -> got):")
    for key, count in summary["confusion"].items():
        print(f"  {key:<32} {count}")
    print("by tag:")
    for tag, frac in summary["by_tag"].items():
        print(f"  {tag:<22} {frac}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
