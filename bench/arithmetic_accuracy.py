"""Bench: the story's own arithmetic (factcheck/arithmetic.py), caught and false findings.

Prints, over
- the case files (tests/data/consistency_cases): stories with a contradiction caught with the
  expected kind, and false findings on the consistent ones;
- the claims gold stories (tests/data/claims_gold.jsonl, written for the project, which agree
  with themselves): findings, every one of them false;
- the shared real-copy passages (../shared/eval/real-copy/real_copy.jsonl, real published
  stories that agree with themselves), when present: findings, every one of them false. Only the
  counts are printed, never the passages' words;
and the time of the arithmetic stage alone per story, the claims already extracted.
Run: .venv/bin/python bench/arithmetic_accuracy.py
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import arithmetic  # noqa: E402
from factcheck.claims import extract_batch, load_pipeline  # noqa: E402
from factcheck.config import settings  # noqa: E402

CASES = ROOT / "tests" / "data" / "consistency_cases"
GOLD = ROOT / "tests" / "data" / "claims_gold.jsonl"
REAL = ROOT / ".." / "shared" / "eval" / "real-copy" / "real_copy.jsonl"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main() -> None:
    nlp = load_pipeline(settings().spacy_model)
    cases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.json"))]
    found = arithmetic.check_batch(nlp, [(c["text"], _day(c["published"])) for c in cases])
    bad = [(c, f) for c, f in zip(cases, found, strict=True) if c["expect"]]
    good = [(c, f) for c, f in zip(cases, found, strict=True) if not c["expect"]]
    caught = sum(1 for c, f in bad if {e["kind"] for e in c["expect"]} <= {x.kind for x in f})
    print(f"case files: {caught}/{len(bad)} contradicting stories caught with the right kind;"
          f" {sum(len(f) for _c, f in good)} false findings over {len(good)} consistent stories")  # fmt: skip

    for name, path in (("claims gold", GOLD), ("real copy", REAL)):
        if not path.is_file():
            print(f"{name}: {path} not found, skipped")
            continue
        rows = _jsonl(path)
        texts = [(r["text"], _day(r.get("published"))) for r in rows]
        claims = extract_batch(nlp, texts)
        start = time.perf_counter()
        results = [arithmetic.find(t, c) for (t, _p), c in zip(texts, claims, strict=True)]
        per_story = (time.perf_counter() - start) / max(len(rows), 1) * 1000
        n = sum(len(r) for r in results)
        print(f"{name}: {n} false findings over {len(rows)} stories that agree with themselves"
              f" ({sum(1 for r in results if r)} stories with any);"
              f" arithmetic stage {per_story:.2f} ms per story")  # fmt: skip


if __name__ == "__main__":
    main()
