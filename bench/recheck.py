"""Benchmark: re-check 100,000 stored claims against 1,000,000 official figure rows.

Builds a synthetic store in a temporary directory (50 metrics x 20 places x 1,000 periods:
yearly, monthly and weekly year-to-date rows; 100,000 claims over 1,000 stories with every kind
of period phrase), then times `verify.recheck_all`, which checks every claim in both modes
("as aired" and "as of now") and saves the checks and their history in one transaction.
Target: under 5 s. Also prints the 1M-row import time (validation a chunk at a time + the
set-based insert from the checked rows on disk).

    .venv/bin/python bench/recheck.py [--claims 100000] [--figures 1000000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck import figures, verify  # noqa: E402
from factcheck import store as st  # noqa: E402
from factcheck.models import Claim, Metric, StoryItem  # noqa: E402

N_METRICS, N_PLACES = 50, 20


def figure_frame(n_rows: int) -> pd.DataFrame:
    """Per series: years 2000-2024, months 2000-2024, weekly year-to-date rows 2012-2024."""
    periods = []
    for y in range(2000, 2025):
        periods.append((date(y, 1, 1), date(y, 12, 31)))
    for y in range(2000, 2025):
        for m in range(1, 13):
            end = (pd.Timestamp(y, m, 1) + pd.offsets.MonthEnd(0)).date()
            periods.append((date(y, m, 1), end))
    for y in range(2012, 2025):
        for w in range(1, 53):
            periods.append((date(y, 1, 1), date(y, 1, 1) + pd.Timedelta(days=7 * w - 1)))
    per_series = max(1, n_rows // (N_METRICS * N_PLACES))
    periods = periods[:per_series]
    starts = np.array([p[0] for p in periods], dtype="datetime64[D]")
    ends = np.array([p[1] for p in periods], dtype="datetime64[D]")
    n_series = N_METRICS * N_PLACES
    series = np.repeat(np.arange(n_series), len(periods))
    idx = np.tile(np.arange(len(periods)), n_series)
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "metric": pd.Series(np.char.add("metric_", (series % N_METRICS).astype(str))),
            "place": pd.Series(np.char.add("Place ", (series // N_METRICS).astype(str))),
            "period_start": pd.to_datetime(starts[idx]).astype(str),
            "period_end": pd.to_datetime(ends[idx]).astype(str),
            "value": rng.integers(100, 5000, len(idx)).astype(str),
            "unit": "count",
            "source": "Synthetic bench source",
            "source_url": "https://example.org/bench",
            "as_of": (pd.to_datetime(ends[idx]) + pd.Timedelta(days=3)).astype(str),
            "notes": "",
        }
    )


PHRASES = [
    (None, "level"),
    ("this year", "level"),
    ("last year", "level"),
    ("in 2019", "level"),
    ("since 2015", "percent_change"),
    ("as of June 30", "percent_change"),
    ("each year", "difference"),
    ("in March", "level"),
    ("so far this year", "percent_change"),
    (None, "difference"),
]


def claims_for(story: int, n: int) -> list[Claim]:
    out = []
    for j in range(n):
        k = story * n + j
        metric = k % N_METRICS
        phrase, change = PHRASES[k % len(PHRASES)]
        unit = "percent" if change == "percent_change" else "count"
        value = float(100 + (k * 37) % 4000) if unit == "count" else float(k % 40)
        text = f"about {value:g}" if k % 3 == 0 else f"{value:g}"
        sentence = f"Officials said there were {text} thing{metric}s {phrase or ''}."
        out.append(
            Claim(
                text=text,
                start=j * 200,
                end=j * 200 + len(text),
                sentence=sentence,
                low=value,
                high=value,
                unit=unit,
                qualifier="approximately" if k % 3 == 0 else "exact",
                subject=f"thing{metric}",
                change=change,
                direction=("up", "down")[k % 2] if change != "level" else None,
                period=phrase,
            )
        )
    return out


def build(tmp: Path, n_claims: int, n_figures: int) -> st.Store:
    store = st.Store(tmp / "bench.duckdb")
    frame = figure_frame(n_figures)
    catalogue = [
        Metric(f"metric_{k}", f"thing {k} count", "count", [f"thing{k}"]) for k in range(N_METRICS)
    ]
    csv = tmp / "figures.csv"
    frame.to_csv(csv, index=False)
    t = time.perf_counter()
    staged = figures.stream_figures(csv)  # checked a chunk at a time, as `import-figures` does
    t_valid = time.perf_counter() - t
    t = time.perf_counter()
    with store.transaction() as con:
        figures.import_frame(con, staged, metrics=catalogue, source_name="bench")
    t_insert = time.perf_counter() - t
    staged.close()
    print(f"figures: {staged.rows:,} rows, {csv.stat().st_size / 1e6:.0f} MB CSV")
    print(f"  import: validate {t_valid:.2f} s + insert {t_insert:.2f} s "
          f"= {t_valid + t_insert:.2f} s")  # fmt: skip

    per_story = 100
    n_stories = max(1, n_claims // per_story)
    seen = datetime(2024, 11, 1)
    with store.transaction() as con:
        feeds = [
            con.execute(
                "INSERT INTO feeds (url, station, place) VALUES (?, ?, ?) RETURNING id",
                [f"https://bench.test/{p}.rss", f"Station {p}", f"Place {p}"],
            ).fetchone()[0]
            for p in range(N_PLACES)
        ]  # bench set-up only; the product's SQL is in factcheck/store.py
        for s in range(n_stories):
            published = datetime(2023 + s % 2, 1 + s % 12, 1 + s % 28, 12)
            item = StoryItem(f"g{s}", f"Story {s}", None, published, None, "text")
            sid = st.upsert_story(con, feeds[s % N_PLACES], item, seen)
            vid, _ = st.insert_version(
                con, sid, title=item.title, text="text", content_hash=str(s), fetched_at=seen
            )
            st.insert_claims(con, sid, vid, claims_for(s, per_story))
    return store


def machine_speed() -> float:
    """Seconds to build and sort two million short strings in pure Python: this machine's
    speed at the moment, to read the figures by (a shared virtual machine: the same work has
    taken from 0.9 s to about 1.9 s here, hour to hour; the first check then ran in 4.2-4.8 s)."""
    t = time.perf_counter()
    sorted([f"{i * 7919 % 1_000_003:07d}" for i in range(2_000_000)])
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="time each check this many times")
    args = parser.parse_args()
    print(f"machine: {machine_speed():.2f} s for the reference work (see machine_speed)")
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        store = build(Path(tmp), args.claims, args.figures)
        with store.connect() as con:
            n = con.execute("SELECT count(*) FROM claims").fetchone()[0]
        for run in ("first check", "re-check"):
            for _ in range(args.repeat):
                if run == "first check":
                    with store.transaction() as con:
                        con.execute("DELETE FROM claim_specs")  # no saved matches
                t = time.perf_counter()
                checked = verify.recheck_all(store, f"bench {run}")
                elapsed = time.perf_counter() - t
                print(f"{run}: {checked:,} of {n:,} claims x 2 modes in {elapsed:.2f} s "
                      f"({'PASS' if elapsed < 5 else 'over'} the 5 s target)")  # fmt: skip
        with store.connect() as con:
            verdicts = dict(
                con.execute(
                    "SELECT verdict, count(*) FROM checks WHERE mode = 'now' GROUP BY 1"
                ).fetchall()
            )
        print(f"verdicts (now): {verdicts}")


if __name__ == "__main__":
    main()
