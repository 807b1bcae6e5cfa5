"""The app and a scheduled `poll` against one store at once (DuckDB: one writing process per file).

The design under test (store.py): every operation opens a short-lived connection, writes inside
one transaction, and closes; before it opens, a process takes its turn on the store's lock file
(writers in order of arrival, readers first and together, a deadline). The poller holds no
connection while it fetches or runs spaCy. First a real `python -m factcheck poll --every`
process polls a feed that grows on every request while this test process, standing in for the
app, reads and writes in a loop: nothing may fail, nothing may be lost, and the store must be
consistent afterwards. Then real processes show each rule of the turns.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time

import pytest
from feedserver import Route
from support import PROJECT_ROOT
from test_poll import assert_consistent, db_rows, item_xml, rss

from factcheck import store as store_mod
from factcheck.store import Store

WINDOW = 8.0  # seconds of concurrent work


def _word(k: int) -> str:
    # Story text without digits, so the claims stage has nothing to check here.
    return "".join("abcdefghij"[int(d)] for d in str(k))


def test_app_and_poller_share_the_store(db_path, feed_server):
    for module in ("claims", "verify"):
        if importlib.util.find_spec(f"factcheck.{module}") is None:
            pytest.skip(f"factcheck/{module}.py is not written yet: `poll` needs it")
    served: list[int] = []

    def grow(route: Route) -> None:
        # Each request sees one more story, and the first story's text changes every time.
        k = len(served) + 1
        served.append(k)
        items = [item_xml("c0", "Changing story", f"The mayor said {_word(k)} today.")]
        items += [
            item_xml(f"g{i}", f"Story {_word(i)}", f"Council story {_word(i)}.")
            for i in range(1, k + 1)
        ]
        route.body = rss(*items).encode()

    url = feed_server.serve("/grow.xml", b"")
    feed_server.routes["/grow.xml"].on_request = grow
    store = Store(db_path, lock_wait=20)
    store.add_feed(url, "GROW", "Springfield")

    env = {
        **os.environ,
        "FACTCHECK_DB": str(db_path),
        "FACTCHECK_ALLOW_PRIVATE": "1",
        "FACTCHECK_LOCK_WAIT": "20",
    }
    poller = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "poll", "--every", "0.002"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    notes = added = reads = 0
    slowest = 0.0
    try:
        deadline = time.monotonic() + 60
        while feed_server.count("/grow.xml") == 0:  # the poller has loaded spaCy and started
            assert poller.poll() is None, poller.communicate()
            assert time.monotonic() < deadline, "the poller never fetched the feed"
            time.sleep(0.05)
        end = time.monotonic() + WINDOW
        i = 0
        # The window, extended (up to 50 s more) on a loaded machine until enough happened.
        while time.monotonic() < end or (
            (notes < 20 or feed_server.count("/grow.xml") < 3) and time.monotonic() < end + 50
        ):
            i += 1
            began = time.monotonic()
            # what the app's pages do: read summaries and status ...
            summaries = store.story_summaries()
            assert all(s["versions"] >= 1 for s in summaries)
            store.counts()
            store.feeds()
            reads += 3
            # ... and write: a reporter's note, now and then a new feed
            with store.transaction() as con:
                store_mod.app_add_note(con, story_id=None, claim_id=None, body=f"note {i}")
            notes += 1
            if i % 15 == 0:
                extra = feed_server.serve(
                    f"/extra{i}.xml", rss(item_xml(f"x{i}", "Extra", "An extra story."))
                )
                store.add_feed(extra, f"EXTRA{i}", "Springfield")
                added += 1
            slowest = max(slowest, time.monotonic() - began)
            time.sleep(0.02)
        assert poller.poll() is None, "the poller died during the test"
    finally:
        poller.send_signal(signal.SIGTERM)  # a clean stop: the current feed is committed first
        try:
            out, err = poller.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            poller.kill()
            out, err = poller.communicate()

    rounds = feed_server.count("/grow.xml")
    print(
        f"\n{rounds} poll rounds, {reads} reads, {notes} notes, {added} feeds added"
        f" in {WINDOW}s; slowest app iteration {slowest:.2f}s"
    )
    assert poller.returncode == 0, err
    assert "poll round failed" not in err and "Traceback" not in err, err
    assert rounds >= 3 and notes >= 20 and added >= 1

    # nothing lost: every note and feed the app wrote, every story the feed ever served
    assert store.counts()["feeds"] == 1 + added
    assert db_rows(store, "SELECT count(*) FROM notes") == [(notes,)]
    last = served[-1]
    [grow_feed] = [f for f in store.feeds() if f.url == url]
    assert grow_feed.last_error is None
    stories = db_rows(store, "SELECT guid FROM stories WHERE feed_id = ?", [grow_feed.id])
    assert sorted(g for (g,) in stories) == sorted(["c0"] + [f"g{i}" for i in range(1, last + 1)])
    # the changing story has one version per round that saw a new text, numbered 1..n
    versions = db_rows(
        store,
        "SELECT v.version FROM story_versions v JOIN stories s ON s.id = v.story_id"
        " WHERE s.guid = 'c0' ORDER BY v.version",
    )
    assert [v for (v,) in versions] == list(range(1, last + 1))
    assert out.count("GROW ") == rounds
    assert_consistent(store)


# --- the store's lock file: order, readers first, deadline, a holder that dies ------------------
# Each case runs real processes against one store file; what they record inside the lock (one
# line each, appended to a file) is the order they were let in.

_CHILD = """
import sys, time
from factcheck.store import Store
db, log, who, kind, hold = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
store = Store(db, lock_wait=60)
print("ready", flush=True)
with (store.read() if kind == "read" else store.transaction()) as con:
    con.execute("SELECT count(*) FROM feeds").fetchall()
    with open(log, "a") as out:
        out.write(who + "\\n")
    time.sleep(hold)
"""


def _child(db_path, log, who: str, kind: str, hold: float = 0.0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db_path), str(log), who, kind, str(hold)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _tickets(db_path) -> int:
    """Tickets taken so far: the counter in the lock file's first 8 bytes."""
    from factcheck.store import _gate

    # Through the gate's own descriptor: opening and closing the file another way would drop
    # every POSIX lock this process holds on it (its place in the queue among them).
    raw = os.pread(_gate(db_path)._file(), 8, 0)
    return int.from_bytes(raw, "little")


def _until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def _finish(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err


def test_writers_get_the_store_in_the_order_they_asked(tmp_store, tmp_path):
    log = tmp_path / "order.txt"
    procs = []
    with tmp_store.transaction():  # the store is busy: everyone queues
        for n in range(5):
            before = _tickets(tmp_store.path)
            procs.append(_child(tmp_store.path, log, f"w{n}", "write"))
            # the next one starts only once this one holds its place in the queue
            _until(lambda before=before: _tickets(tmp_store.path) > before)
        assert not log.exists()  # nobody got in while the store was held
    _finish(procs)
    assert log.read_text().split() == ["w0", "w1", "w2", "w3", "w4"]


def test_a_waiting_reader_goes_before_waiting_writers(tmp_store, tmp_path):
    import fcntl

    from factcheck.store import _attempt, _gate

    log = tmp_path / "order.txt"
    fd = _gate(tmp_store.path)._file()

    def reader_waiting() -> bool:
        # A reader waiting holds byte 1 of the lock file shared: an exclusive try then fails.
        if _attempt(lambda: fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 1)):
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, 1)
            return False
        return True

    with tmp_store.transaction():
        procs = []
        for n in range(2):
            before = _tickets(tmp_store.path)
            procs.append(_child(tmp_store.path, log, f"w{n}", "write"))
            _until(lambda before=before: _tickets(tmp_store.path) > before)
        procs.append(_child(tmp_store.path, log, "reader", "read"))
        _until(reader_waiting)
    _finish(procs)
    assert log.read_text().split() == ["reader", "w0", "w1"]


def test_readers_who_come_after_a_waiting_writer_wait_for_it(tmp_store, tmp_path):
    import fcntl

    from factcheck.store import _attempt, _gate

    log = tmp_path / "order.txt"
    fd = _gate(tmp_store.path)._file()

    def writer_announced() -> bool:
        # The writer at the head of the queue holds byte 1 exclusive: a shared try then fails.
        if _attempt(lambda: fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, 1)):
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, 1)
            return False
        return True

    with tmp_store.read():  # a reader inside: the writer waits for it, not for later readers
        writer = _child(tmp_store.path, log, "writer", "write")
        _until(writer_announced)
        reader = _child(tmp_store.path, log, "reader", "read")
        _until(lambda: reader.stdout.readline().startswith("ready"))
        time.sleep(0.5)  # the reader is now waiting too
        assert not log.exists()
    _finish([writer, reader])
    assert log.read_text().split() == ["writer", "reader"]


def test_readers_share_the_store(tmp_store, tmp_path):
    log = tmp_path / "order.txt"
    readers = [_child(tmp_store.path, log, f"r{n}", "read", hold=10.0) for n in range(3)]
    _until(lambda: log.exists() and len(log.read_text().split()) == 3, timeout=60)
    # all three got in while each still holds its ten seconds: none waited for another
    assert all(p.poll() is None for p in readers)
    _finish(readers)
    assert sorted(log.read_text().split()) == ["r0", "r1", "r2"]


def test_a_busy_store_gives_one_line_after_the_deadline(tmp_store, tmp_path):
    env = {**os.environ, "FACTCHECK_DB": str(tmp_store.path), "FACTCHECK_LOCK_WAIT": "1"}
    with tmp_store.transaction():
        began = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", "add-feed", "https://example.org/rss",
             "--station", "WBSY", "--place", "Springfield"],
            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        waited = time.monotonic() - began
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "in use by another process" in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert waited < 60  # one second of waiting plus the interpreter's start-up
    assert tmp_store.feeds() == []  # nothing half-written


def test_a_holder_that_dies_lets_the_next_one_in(tmp_store, tmp_path):
    log = tmp_path / "order.txt"
    holder = _child(tmp_store.path, log, "holder", "write", hold=600)
    _until(lambda: log.exists())
    waiter = _child(tmp_store.path, log, "next", "write")
    before = _tickets(tmp_store.path)
    _until(lambda: _tickets(tmp_store.path) > before or log.read_text().count("next"))
    holder.kill()  # SIGKILL inside its transaction: the kernel drops its locks
    holder.communicate(timeout=30)
    _finish([waiter])
    assert log.read_text().split() == ["holder", "next"]


def test_a_read_inside_a_write_shares_it_and_a_write_inside_a_read_is_refused(tmp_store):
    from factcheck.store import StoreError

    with tmp_store.transaction() as con:
        con.execute("INSERT INTO feeds (url, station, place) VALUES ('https://a/rss', 'A', 'P')")
        with tmp_store.read() as inner:  # no wait for itself; a read-write connection
            assert inner.execute("SELECT count(*) FROM feeds").fetchall() == [(0,)]
    assert len(tmp_store.feeds()) == 1
    with (
        tmp_store.read(),
        pytest.raises(StoreError, match="inside a read"),
        tmp_store.transaction(),
    ):
        pass
