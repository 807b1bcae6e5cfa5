"""Bench: count 1,000,000 incident rows (Chicago portal layout) into monthly figures.

Writes a synthetic export of N rows in the real Chicago header (22 columns, dates as
`MM/DD/YYYY hh:mm:ss AM`, five years, ~1% homicide rows, 0.5% rows exported twice), then times
`sources.read_file(--format incidents --recipe chicago.toml)` (read, count, validate: the part the
target is about) and the whole import into a fresh store. Target: counting under 3 s.
Run: .venv/bin/python bench/import_incidents.py [--rows N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from factcheck import sources  # noqa: E402
from factcheck.store import Store  # noqa: E402

RECIPE = ROOT / "factcheck" / "sources" / "recipes" / "chicago.toml"
HEADER = (
    "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,"
    "Domestic,Beat,District,Ward,Community Area,FBI Code,X Coordinate,Y Coordinate,Year,"
    "Updated On,Latitude,Longitude,Location"
)


def write_export(path: Path, rows: int) -> None:
    """N rows in the Chicago layout, written by DuckDB (seconds, not minutes, for a million)."""
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE r AS SELECT i, TIMESTAMP '2019-01-01' + to_seconds(CAST(i * 157680000 // ?"
        " AS BIGINT)) AS ts FROM range(?) t(i)",
        [rows, rows],
    )
    con.execute(
        "CREATE TABLE x AS SELECT i AS \"ID\", 'JD' || lpad(CAST(i AS VARCHAR), 6, '0') AS cn,"
        " strftime(ts, '%m/%d/%Y %I:%M:%S %p') AS d, '001XX W MADISON ST' AS block,"
        " CASE WHEN i % 100 = 7 THEN '0110' WHEN i % 50 = 3 THEN '031A' WHEN i % 3 = 0"
        " THEN '0486' ELSE '0820' END AS iucr,"
        " 'THEFT' AS pt, '$500 AND UNDER' AS descr, 'STREET' AS loc, 'false' AS arrest,"
        " 'false' AS dom, '0111' AS beat, '001' AS district, '42' AS ward, '32' AS area,"
        " '06' AS fbi, '1176000' AS x, '1900000' AS y, CAST(year(ts) AS VARCHAR) AS yr,"
        " strftime(ts, '%m/%d/%Y %I:%M:%S %p') AS upd, '41.88' AS lat, '-87.63' AS lon,"
        " '(41.88, -87.63)' AS location FROM r"
    )
    # 0.5% of rows exported twice (the recipe's key, ID, counts them once): N rows in all.
    twice = rows // 200
    con.execute('DELETE FROM x WHERE "ID" >= ?', [rows - twice])
    con.execute('INSERT INTO x SELECT * FROM x WHERE "ID" % 198 = 7 LIMIT ?', [twice])
    con.execute(
        "COPY (SELECT * FROM x ORDER BY \"ID\") TO ? (HEADER false, DELIMITER ',')", [str(path)]
    )
    body = path.read_bytes()
    path.write_bytes(HEADER.encode() + b"\n" + body)
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        path = Path(tmp) / "chicago_crimes.csv"
        t0 = time.perf_counter()
        write_export(path, args.rows)
        n_lines = sum(1 for _ in path.open("rb")) - 1
        print(
            f"wrote {n_lines:,} rows ({path.stat().st_size / 1e6:.0f} MB) in"
            f" {time.perf_counter() - t0:.1f} s"
        )
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            parsed = sources.read_file(path, "incidents", recipe=RECIPE, as_of=date(2024, 1, 15))
            took = time.perf_counter() - t0
            best = took if best is None else min(best, took)
        print(
            f"count {n_lines:,} incident rows into {len(parsed.frame):,} figure rows:"
            f" best of 3 {best:.2f} s (target < 3 s); {'; '.join(parsed.notes)}"
        )
        store = Store(Path(tmp) / "bench.duckdb")
        store.migrate()
        t0 = time.perf_counter()
        report = sources.import_file(
            store, path, "incidents", recipe=RECIPE, as_of=date(2024, 1, 15)
        )
        print(f"whole import into a fresh store: {time.perf_counter() - t0:.2f} s ({report.line})")


if __name__ == "__main__":
    main()
