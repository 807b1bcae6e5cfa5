"""Bench: the store under load. Eight processes write notes, overrides and figures while a real
`poll --every` process polls a loopback feed and two app sessions (Streamlit AppTest, the real
pages) load pages, all against one DuckDB file, for a bounded time (default 120 s).

Prints: writes done and failed per kind, p50/p95/slowest write, page loads done and failed,
p50/p95/slowest page load (and the slowest per page), poll rounds, whether any write was lost
(every write a process reported done is looked for in the store afterwards), and where the time
went: for read and write connections, the wait for the store's lock and the time holding it
(every process traces its connections, FACTCHECK_LOCK_TRACE). Loopback only: the feed is served
by tests/feedserver.py on 127.0.0.1.

Run: .venv/bin/python bench/concurrency_load.py [SECONDS]
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

WRITERS = 8
READERS = 2
PAGES = ["pages/inbox.py", "pages/claims.py", "pages/check.py", "pages/tracker.py",
         "pages/figures.py", "pages/graphics.py"]  # fmt: skip


def _writer(n: int, db: str, until: float, out: mp.Queue) -> None:
    """One newsroom process: a note, an override or a figure, over and over."""
    os.environ["FACTCHECK_DB"] = db
    from factcheck import figures, sources, verify
    from factcheck import store as store_mod
    from factcheck.config import settings

    cfg = settings()
    store = store_mod.Store(cfg.db_path, lock_wait=cfg.lock_wait)
    with store.connect() as con:
        claim_ids = [r[0] for r in con.execute("SELECT id FROM claims ORDER BY id").fetchall()]
        metrics = [r[0] for r in con.execute("SELECT metric FROM metrics ORDER BY 1").fetchall()]
    done: list[tuple[str, str, float]] = []
    failed: list[str] = []
    i = 0
    while time.monotonic() < until:
        i += 1
        kind = ("note", "note", "override", "figure")[i % 4]
        tag = f"w{n}-{i}"
        began = time.monotonic()
        try:
            if kind == "note":
                with store.transaction() as con:
                    store_mod.app_add_note(con, story_id=None, claim_id=None, body=tag)
            elif kind == "override":
                claim = claim_ids[(n * 7919 + i) % len(claim_ids)]
                verify.set_override(
                    store, claim, metric=metrics[i % len(metrics)], note=tag, author="bench"
                )
                tag = f"{claim}:{tag}"
            else:
                csv = (
                    "metric,place,period_start,period_end,value,unit,source,as_of\n"
                    f"bench_load,Bench {n}-{i},2024-01-01,2024-12-31,{i},count,{tag},2025-01-02\n"
                ).encode()
                rows = figures.read_figures_csv(csv)
                sources.import_figures(store, rows, source_name=f"{tag}.csv")
            done.append((kind, tag, time.monotonic() - began))
        except Exception as exc:  # noqa: BLE001 - a bench counts every failure, whatever it is
            failed.append(f"{kind}: {exc.__class__.__name__}: {str(exc)[:200]}")
        time.sleep(0.05)
    out.put(("writer", n, done, failed))


def _reader(n: int, db: str, until: float, out: mp.Queue) -> None:
    """One app session: every page in turn, each run timed, any exception counted."""
    os.environ["FACTCHECK_DB"] = db
    from streamlit.testing.v1 import AppTest

    loads: list[tuple[str, float]] = []
    failed: list[str] = []
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()  # the first run imports everything: not a page load a reporter waits for twice
    for page in PAGES:
        at.switch_page(page).run()
    i = 0
    while time.monotonic() < until:
        page = PAGES[(i + n) % len(PAGES)]
        i += 1
        began = time.monotonic()
        try:
            at.switch_page(page).run()
            if at.exception:
                failed.append(f"{page}: {at.exception[0].value[:200]}")
            else:
                loads.append((page, time.monotonic() - began))
        except Exception as exc:  # noqa: BLE001
            failed.append(f"{page}: {exc.__class__.__name__}: {str(exc)[:200]}")
        time.sleep(0.1)
    out.put(("reader", n, loads, failed))


def _prepare(db: Path, feed_url: str) -> None:
    env = {**os.environ, "FACTCHECK_DB": str(db), "FACTCHECK_ALLOW_PRIVATE": "1"}
    for args in (["demo"], ["add-feed", feed_url, "--station", "WLOAD 9", "--place", "Benchville"]):
        subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=ROOT, env=env, check=True,
                       capture_output=True)  # fmt: skip


def _grow_feed(server) -> None:
    from feedserver import Route

    served = []

    def grow(route: Route) -> None:
        served.append(1)
        k = len(served)
        items = "".join(
            f"<item><title>Load story {i}</title><guid>load-{i}</guid>"
            f"<description>The council counted {i * 10} potholes this year, the mayor said."
            "</description></item>"
            for i in range(1, k + 1)
        )
        route.body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>L</title>{items}</channel></rss>'.encode()

    server.serve("/load.xml", b"")
    server.routes["/load.xml"].on_request = grow


def _lock_summary(trace: Path) -> dict:
    """Per kind of connection (read, write): how many, and p50/p95/max of the wait for the
    store's lock and of the time holding it, from the trace every process wrote."""
    rows = [json.loads(line) for line in trace.read_text().splitlines()] if trace.exists() else []
    out = {}
    for kind in ("write", "read"):
        mine = [r for r in rows if r["kind"] == kind]
        out[kind] = {"connections": len(mine)} | {
            f"{what}_{name}_s": round(_percentile([r[what] for r in mine], q), 3)
            for what in ("wait", "held")
            for name, q in (("p50", 0.5), ("p95", 0.95), ("max", 1.0))
        }
    # Who held the store longest in all (the two innermost callers outside store.py).
    held: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        held.setdefault((r["kind"], r["where"]), []).append(r["held"])
    top = sorted(held.items(), key=lambda kv: -sum(kv[1]))[:8]
    out["held_most_by"] = [
        f"{kind} {where}: n={len(v)} total={sum(v):.1f}s p50={_percentile(v, 0.5):.3f}s"
        f" max={max(v):.3f}s"
        for (kind, where), v in top
    ]
    return out


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(seconds: float) -> int:
    from feedserver import FeedServer

    from factcheck.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="fc-load-"))
    db = tmp / "load.duckdb"
    # Every process started from here writes one line per store connection: the wait for the
    # store's lock, the time holding it (factcheck/store.py, FACTCHECK_LOCK_TRACE).
    trace = tmp / "lock-trace.jsonl"
    os.environ["FACTCHECK_LOCK_TRACE"] = str(trace)
    with FeedServer() as server:
        _grow_feed(server)
        feed_url = server.url("/load.xml")
        _prepare(db, feed_url)
        env = {**os.environ, "FACTCHECK_DB": str(db), "FACTCHECK_ALLOW_PRIVATE": "1"}
        poller = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "poll", "--every", "0.05"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        ctx = mp.get_context("spawn")
        out: mp.Queue = ctx.Queue()
        until = time.monotonic() + seconds + 20  # + start-up (imports, the app's first run)
        procs = [ctx.Process(target=_writer, args=(n, str(db), until, out)) for n in range(WRITERS)]
        procs += [
            ctx.Process(target=_reader, args=(n, str(db), until, out)) for n in range(READERS)
        ]
        began = time.monotonic()
        for p in procs:
            p.start()
        results = [out.get(timeout=seconds + 600) for _ in procs]
        for p in procs:
            p.join(timeout=30)
        poller.send_signal(signal.SIGTERM)
        try:
            poll_out, poll_err = poller.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            poller.kill()
            poll_out, poll_err = poller.communicate()
        elapsed = time.monotonic() - began
        rounds = server.count("/load.xml")

    writes = [w for kind, _, done, _ in results if kind == "writer" for w in done]
    write_failures = [f for kind, _, _, failed in results if kind == "writer" for f in failed]
    loads = [x for kind, _, done, _ in results if kind == "reader" for x in done]
    load_failures = [f for kind, _, _, failed in results if kind == "reader" for f in failed]

    store = Store(db, lock_wait=60)
    with store.connect() as con:
        notes = {r[0] for r in con.execute("SELECT body FROM notes").fetchall()}
        override_notes = {r[0] for r in con.execute("SELECT note FROM overrides").fetchall()}
        sources = {r[0] for r in con.execute("SELECT source FROM figures").fetchall()}
    # Every write a process reported done must be in the store (overrides keep their rows,
    # marked inactive when replaced, so each one's note is there too).
    found = {"note": notes, "override": override_notes, "figure": sources}
    lost = [tag for kind, tag, _ in writes if tag.split(":")[-1] not in found[kind]]

    by_kind = {k: [d for kk, _, d in writes if kk == k] for k in ("note", "override", "figure")}
    by_page = {p: [d for pp, d in loads if pp == p] for p in PAGES}
    report = {
        "seconds": round(elapsed, 1),
        "writer_processes": WRITERS,
        "app_sessions": READERS,
        "poll_rounds": rounds,
        "poller_exit": poller.returncode,
        "poller_errors": [ln for ln in poll_err.splitlines() if "failed" in ln][:5],
        "writes_done": {k: len(v) for k, v in by_kind.items()},
        "writes_failed": len(write_failures),
        "writes_lost": len(lost),
        "slowest_write_s": round(max((d for _, _, d in writes), default=0), 3),
        "p50_write_s": round(_percentile([d for _, _, d in writes], 0.5), 3),
        "p95_write_s": round(_percentile([d for _, _, d in writes], 0.95), 3),
        "slowest_by_kind_s": {k: round(max(v, default=0), 3) for k, v in by_kind.items()},
        "page_loads_done": len(loads),
        "page_loads_failed": len(load_failures),
        "slowest_page_load_s": round(max((d for _, d in loads), default=0), 3),
        "p50_page_load_s": round(_percentile([d for _, d in loads], 0.5), 3),
        "p95_page_load_s": round(_percentile([d for _, d in loads], 0.95), 3),
        "slowest_by_page_s": {
            Path(p).stem: round(max(v, default=0), 3) for p, v in by_page.items()
        },
        "store_lock": _lock_summary(trace),
        "first_failures": (write_failures + load_failures)[:5],
    }
    print(json.dumps(report, indent=2))
    del poll_out
    ok = not write_failures and not load_failures and not lost and poller.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 120.0))
    except Exception:  # noqa: BLE001 - a bench prints what broke
        traceback.print_exc()
        sys.exit(2)
