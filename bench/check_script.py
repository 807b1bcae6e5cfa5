"""Benchmark: check one pasted 600-word script end to end (extract + check), pipeline warm.

What the app's Check page does: `claims.extract_claims` on the text, then `verify.check_claims`
against a store holding the official figures (here tests/data/verify, plus 200,000 synthetic
rows so the store is not trivially small). Target: under 0.5 s per script, warm.

    .venv/bin/python bench/check_script.py [--runs 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import figures, sources, verify  # noqa: E402
from factcheck.config import settings  # noqa: E402
from factcheck.store import Store  # noqa: E402

PARAGRAPHS = [
    "BIRMINGHAM, Ala. (WTST) — Birmingham police have seized more than 1,500 guns so far this "
    "year, Chief Patrick Smith said Friday, almost two to three hundred more than last year.",
    "As of August second, homicides are up 5.1%, according to the department's latest numbers. "
    "The chief said the city is reporting 7000 fewer crimes each year and that crime is down "
    "approximately 29 to 32 percent since 2018.",
    "Huntsville recorded 31 homicides last year, while Montgomery had 64, according to state "
    "figures. Shootings involving teenagers are up 40 percent this year, community leaders said.",
    "The city's general fund budget this year is $476 million, $18 million more than last year. "
    "Council members said about $4.5 million will go to street paving on Tuesday's agenda.",
    "Unemployment was 4.2 percent in March, up from 3.9 percent a year ago, the Bureau of Labor "
    "Statistics reported. The mayor said the city added about 1,200 jobs in the spring.",
    "Officers made 412 arrests in the operation, the department said, and recovered 38 stolen "
    "vehicles. A spokesperson said 9 of the guns had been reported stolen in other states.",
    "In a one-on-one interview with CBS 42, the chief said officers are tracking down guns by "
    "the hundreds. He joined the department 23 years ago and became chief in 2018.",
    "Police said the number of shootings fell to 640 last year from 712 the year before, a drop "
    "of about 10 percent. Neighborhood groups said they want the trend to continue.",
]


def script(words: int = 600) -> str:
    out, n, i = [], 0, 0
    while n < words:
        para = PARAGRAPHS[i % len(PARAGRAPHS)]
        out.append(para)
        n += len(para.split())
        i += 1
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    try:
        from factcheck import claims as claims_mod
    except ImportError as exc:
        print(f"factcheck.claims is not importable ({exc}): the extractor (issue 3) is missing")
        return
    text = script()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        data = ROOT / "tests" / "data" / "verify"
        sources.import_files(store, data / "figures.csv", data / "metrics.csv")
        sys.path.insert(0, str(ROOT / "bench"))
        from recheck import figure_frame  # synthetic bulk: 200,000 rows of other series

        with store.transaction() as con:
            bulk = figures.read_figures_frame(_csv(Path(tmp), figure_frame(200_000)))
            figures.import_frame(con, bulk, source_name="bench", recheck=False)
        t = time.perf_counter()
        nlp = claims_mod.load_pipeline(settings().spacy_model)
        print(f"pipeline load: {time.perf_counter() - t:.2f} s (not counted)")
        published = date(2022, 8, 5)

        def once() -> tuple[float, float, int, dict]:
            t0 = time.perf_counter()
            found = claims_mod.extract_claims(nlp, text, published)
            t1 = time.perf_counter()
            checks = verify.check_claims(store, found, published=published, place="Birmingham")
            t2 = time.perf_counter()
            counts: dict[str, int] = {}
            for c in checks:
                counts[c.verdict] = counts.get(c.verdict, 0) + 1
            return t1 - t0, t2 - t1, len(found), counts

        once()  # warm: caches, first DuckDB connection
        runs = [once() for _ in range(args.runs)]
        extract = statistics.median(r[0] for r in runs)
        check = statistics.median(r[1] for r in runs)
        total = statistics.median(r[0] + r[1] for r in runs)
        print(f"script: {len(text.split())} words, {runs[0][2]} claims, verdicts {runs[0][3]}")
        print(f"median of {args.runs} warm runs: extract {extract * 1000:.0f} ms + check "
              f"{check * 1000:.0f} ms = {total * 1000:.0f} ms "
              f"({'PASS' if total < 0.5 else 'over'} the 500 ms target)")  # fmt: skip


def _csv(tmp: Path, frame) -> Path:
    path = tmp / "bulk.csv"
    frame.to_csv(path, index=False)
    return path


if __name__ == "__main__":
    main()
