"""Bench: one poll of a loopback feed into a fresh store, with and without claim extraction.

Prints, for a feed of N stories: the first poll (all new: fetch, parse, store, and with the
pipeline, claims and checks), the second poll (all unchanged: fetch, parse, compare hashes) and a
conditional poll answered 304. Also the time the store is held by the write of the first poll
(the window in which the app must wait). Run: .venv/bin/python bench/poll_throughput.py
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from feedserver import FeedServer  # noqa: E402

from factcheck.config import settings  # noqa: E402
from factcheck.polling import poll_all  # noqa: E402
from factcheck.store import Store  # noqa: E402

PARAGRAPH = (
    "<p>Police said they seized more than 1500 guns so far this year, up 5.1% as of August 2."
    " The council approved a budget of $4.5 million, with 7000 fewer crimes each year.</p>"
    "<p>The chief said the department will add 12 officers and spend almost two to three hundred"
    " thousand dollars on overtime.</p>"
)


def feed(n: int) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><guid>b{i}</guid>"
        f"<pubDate>Fri, 02 Aug 2024 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[{PARAGRAPH * 2}]]></content:encoded></item>"
        for i in range(n)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>B</title>'
        f"{items}</channel></rss>"
    )


class TimedStore(Store):
    """Records how long each write transaction held the store."""

    held: list[float]

    @contextmanager
    def transaction(self):
        began = time.perf_counter()
        with super().transaction() as con:
            yield con
        self.held.append(time.perf_counter() - began)


def run(n: int, nlp, label: str) -> None:
    cfg = dataclasses.replace(settings(), allow_private=True)
    with tempfile.TemporaryDirectory() as tmp, FeedServer() as server:
        store = TimedStore(Path(tmp) / "bench.duckdb")
        store.held = []
        store.add_feed(server.serve("/feed.xml", feed(n)), "B", "Springfield")
        t0 = time.perf_counter()
        [first] = poll_all(store, nlp, cfg)
        t1 = time.perf_counter()
        write = max(store.held)
        [second] = poll_all(store, nlp, cfg)
        t2 = time.perf_counter()
        server.serve("/feed.xml", feed(n), etag='"x"')
        poll_all(store, nlp, cfg)  # picks up the ETag
        t3 = time.perf_counter()
        [third] = poll_all(store, nlp, cfg)
        t4 = time.perf_counter()
        assert first.new == n and second.unchanged == n and third.status == "not-modified"
        print(
            f"{label}: {n} stories, first poll {t1 - t0:.2f}s ({n / (t1 - t0):.0f} stories/s,"
            f" {first.claims} claims), store held for the write {write:.2f}s;"
            f" unchanged poll {t2 - t1:.2f}s; 304 poll {t4 - t3:.3f}s"
        )


def main() -> None:
    run(400, None, "no claims (nlp=None)")
    try:
        from factcheck import claims
    except ImportError:
        print("claims pipeline not available: skipped the run with claims")
        return
    nlp = claims.load_pipeline(settings().spacy_model)
    run(40, nlp, "with claims and checks")


if __name__ == "__main__":
    main()
