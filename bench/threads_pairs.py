"""Benchmark: thread precision and recall on story pairs.

Two sets, each loaded into a fresh store in a temporary directory and grouped by
`factcheck.tracking.thread_stories`:
- the hand-labelled set (tests/data/threads/: 37 stories from three stations, claims extracted by
  the real spaCy pipeline);
- generated histories (tests/histories.py: a few hundred stories from three stations, several
  seeds), which also gives the grouping time.
Pairwise: precision = linked pairs that are the same story / linked pairs; recall = same-story
pairs that are linked / same-story pairs. Targets: precision >= 0.8, recall >= 0.75.

    .venv/bin/python bench/threads_pairs.py [--seeds 5] [--wrong]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import histories  # noqa: E402

from factcheck import tracking  # noqa: E402
from factcheck.config import settings  # noqa: E402
from factcheck.store import Store  # noqa: E402


def _run(stories, nlp, wrong: bool) -> tuple[dict, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "t.duckdb")
        ids = histories.load(store, stories, nlp)
        t0 = time.perf_counter()
        threads = tracking.thread_stories(store)
        took = time.perf_counter() - t0
        if wrong:
            for t in threads:
                print(f"thread {[ids[s].key for s in t.story_ids]}")
                for reason in t.reasons:
                    print("   ", reason)
    groups = [t.story_ids for t in threads]
    score = histories.pairwise(groups, ids)
    if wrong:
        where = {s: i for i, g in enumerate(groups) for s in g}
        for a in sorted(ids):
            for b in sorted(ids):
                if a >= b:
                    continue
                same, said = ids[a].thread == ids[b].thread, a in where and where.get(b) == where[a]
                if same != said:
                    kind = "missed" if same else "wrong link"
                    print(
                        f"  {kind}: {ids[a].key} {ids[a].title!r} / {ids[b].key} {ids[b].title!r}"
                    )
    return score, took, len(ids)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--wrong", action="store_true", help="list the pairs the grouping gets wrong")
    ap.add_argument("--scale", type=int, default=4000, help="events in the timing run (0: none)")
    args = ap.parse_args()
    from factcheck.claims import load_pipeline

    nlp = load_pipeline(settings().spacy_model)
    score, took, n = _run(histories.labelled_stories(), nlp, args.wrong)
    print(
        f"hand-labelled: {n} stories, {score['pairs_same']} same-story pairs:"
        f" precision {score['precision']:.3f}, recall {score['recall']:.3f}"
    )
    score, took, n = _run(histories.labelled_stories("heldout.jsonl"), nlp, args.wrong)
    print(
        f"held-out (written after the rules were set): {n} stories, {score['pairs_same']}"
        f" same-story pairs: precision {score['precision']:.3f}, recall {score['recall']:.3f}"
    )
    for seed in range(1, args.seeds + 1):
        score, took, n = _run(histories.generated_stories(seed), None, args.wrong and seed == 1)
        print(
            f"generated seed {seed}: {n} stories, {score['pairs_same']} same-story pairs:"
            f" precision {score['precision']:.3f}, recall {score['recall']:.3f}"
            f" (grouped in {took:.2f} s)"
        )

    if args.scale:
        stories = histories.generated_stories(99, events=args.scale)
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "big.duckdb")
            histories.load(store, stories)
            t0 = time.perf_counter()
            tracking.assign_threads(store)
            grouped = time.perf_counter() - t0
            t0 = time.perf_counter()
            tracking.refresh_alerts(store)
            alerted = time.perf_counter() - t0
        print(
            f"scale: {len(stories)} stories grouped and stored in {grouped:.2f} s;"
            f" alerts refreshed in {alerted:.2f} s"
        )


if __name__ == "__main__":
    main()
