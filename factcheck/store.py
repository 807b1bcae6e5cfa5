"""The one DuckDB store: connections, migrations, and every SQL statement of the project.

Concurrency: DuckDB lets one process hold a file read-write at a time. The app and a scheduled
`poll` share the file by holding it only briefly: every operation opens a connection, does its
work (one transaction when it writes) and closes it. Before it opens, a process takes its turn
on the store's lock file (`<store>.lock`, see `_Gate`): writers in order of arrival, readers
first and together, each for at most `lock_wait` seconds before a one-line StoreBusy. Slow work
(HTTP, spaCy) happens with no connection open.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from factcheck import catalogue
from factcheck.models import Check, Claim, Feed, StoryItem

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
_LOCK_MARKERS = ("could not set lock", "conflicting lock", "lock on file")


class StoreError(Exception):
    """A store operation that cannot be done; the message says what to do."""


class StoreBusy(StoreError):
    """Another process held the store for longer than we were willing to wait."""


@functools.cache
def migrations() -> tuple[tuple[int, str, str], ...]:
    """The numbered migrations shipped with the code, in order: (version, name, sql)."""
    found = []
    for path in sorted(SCHEMA_DIR.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise StoreError(f"migration file {path.name} is not named NNN_name.sql")
        found.append((int(match.group(1)), match.group(2), path.read_text(encoding="utf-8")))
    versions = [v for v, _, _ in found]
    # Increasing and unique; a gap is allowed while a number reserved for work on another
    # branch has not landed yet (the up-to-date test in `migrate` counts them too).
    if versions != sorted(set(versions)) or (versions and versions[0] != 1):
        raise StoreError(f"migrations must be numbered 001, 002, ... in order: {versions}")
    return tuple(found)


# --- the store's lock file ----------------------------------------------------------------------
# DuckDB lets one process at a time hold a file read-write, and a process that finds it taken gets
# an error, not a place in a queue: retrying `duckdb.connect` with back-off let whoever happened to
# retry at the right moment win, and a page load waited 36 s behind writes of 0.3 s. So every
# process first takes `<store>.lock`, where waiting is orderly:
# - writers queue first come, first served: each takes a ticket (a counter in the file, under a
#   POSIX lock on byte 0) and holds the lock on its ticket's byte until it is done; the next
#   ticket waits for that byte. A process that dies lets go of its bytes with it.
# - readers go first: while a reader waits it holds byte 1 shared, and the writer at the head of
#   the queue does not start while any does; once it has byte 1 (exclusive) it holds it until the
#   readers inside are done, so readers who come after it wait for that one write. Readers share
#   the store (flock shared, DuckDB read-only connections); a writer holds it alone (flock
#   exclusive).
# The flock is what keeps writers apart; the queue only orders them, so a waiter that gave up (its
# deadline passed) and left the queue costs fairness for a moment, never safety. Within a process
# the threads (the app's sessions) take turns on a mutex, since POSIX locks belong to the process.

_COUNTER = 0  # byte 0: guards the ticket counter stored in the file's first 8 bytes
_READERS = 1  # byte 1: held shared by every reader waiting for the store
_TICKET_BASE = 4096
_TICKET_SPAN = 1 << 30


def _attempt(op: Callable[[], object]) -> bool:
    try:
        op()
    except (BlockingIOError, PermissionError):  # EAGAIN / EACCES: someone else holds it
        return False
    return True


def _enter_past_readers(
    fd: int, mode: int, deadline: float, busy: Callable[[], StoreError]
) -> None:
    """Take the readers' byte in `mode`, then the store's lock in `mode`, then let the byte go:
    the one way in for readers (shared) and writers at the head of the queue (exclusive)."""
    if not _wait_for(lambda: fcntl.lockf(fd, mode | _NB, 1, _READERS), deadline):
        raise busy()
    try:
        if not _wait_for(lambda: fcntl.flock(fd, mode | _NB), deadline):
            raise busy()
    finally:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _READERS)


def _wait_for(op: Callable[[], object], deadline: float) -> bool:
    """Try `op` (a non-blocking lock) until it succeeds or the deadline passes; the first
    retries come after a millisecond, later ones at most 20 ms apart, jittered."""
    delay = 0.001
    while not _attempt(op):
        if time.monotonic() >= deadline:
            return False
        time.sleep(delay * random.uniform(0.5, 1.5))
        delay = min(delay * 1.5, 0.02)
    return True


class _Gate:
    """One store file's lock, as this process holds it: the lock file and the thread holding it."""

    def __init__(self, db: Path):
        self.path = Path(str(db) + ".lock")
        self._mutex = threading.RLock()
        self._fd: int | None = None
        self._depth = 0
        self._owner: int | None = None
        self._shared = False
        self._ticket: int | None = None

    def writing(self) -> bool:
        """Whether this thread holds the store for writing (a nested read reuses that)."""
        return self._owner == threading.get_ident() and not self._shared

    def _file(self) -> int:
        # One descriptor for the life of the process: closing any descriptor of the file would
        # drop every POSIX lock the process holds on it.
        if self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                reason = exc.strerror or exc.__class__.__name__
                raise StoreError(
                    f"cannot open the store's lock file {self.path}: {reason}"
                ) from exc
        return self._fd

    @contextmanager
    def hold(self, *, shared: bool, deadline: float, busy: Callable[[], StoreError]):
        if not self._mutex.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise busy()
        try:
            if self._depth:  # nested in this thread: the outer hold covers it
                if self._shared and not shared:
                    raise StoreError("a write was started inside a read of the store")
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._acquire(shared, deadline, busy)
            self._depth, self._owner, self._shared = 1, threading.get_ident(), shared
            try:
                yield
            finally:
                self._depth, self._owner = 0, None
                self._release()
        finally:
            self._mutex.release()

    def _acquire(self, shared: bool, deadline: float, busy: Callable[[], StoreError]) -> None:
        fd = self._file()
        if shared:
            _enter_past_readers(fd, _SH, deadline, busy)
            return
        ticket = self._take_ticket(fd, deadline, busy)
        self._ticket = ticket
        try:
            before = _TICKET_BASE + (ticket - 1) % _TICKET_SPAN

            def my_turn() -> None:
                fcntl.lockf(fd, _EX | _NB, 1, before)
                fcntl.lockf(fd, fcntl.LOCK_UN, 1, before)

            if not _wait_for(my_turn, deadline):
                raise busy()
            # Byte 1 is free once no reader is waiting. Held while the readers inside finish,
            # it makes readers who come later wait for this one write: neither side starves.
            _enter_past_readers(fd, _EX, deadline, busy)
        except BaseException:
            self._release_ticket()
            raise

    def _take_ticket(self, fd: int, deadline: float, busy: Callable[[], StoreError]) -> int:
        if not _wait_for(lambda: fcntl.lockf(fd, _EX | _NB, 1, _COUNTER), deadline):
            raise busy()
        try:
            raw = os.pread(fd, 8, 0)
            ticket = int.from_bytes(raw, "little") if len(raw) == 8 else 0
            os.pwrite(fd, ((ticket + 1) % _TICKET_SPAN).to_bytes(8, "little"), 0)
            # Taken before the counter is let go, so the next ticket always finds it held.
            fcntl.lockf(fd, _EX | _NB, 1, _TICKET_BASE + ticket % _TICKET_SPAN)
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, _COUNTER)
        return ticket

    def _release_ticket(self) -> None:
        if self._ticket is not None:
            fd = self._file()
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, _TICKET_BASE + self._ticket % _TICKET_SPAN)
            self._ticket = None

    def _release(self) -> None:
        fcntl.flock(self._file(), fcntl.LOCK_UN)
        self._release_ticket()


_SH, _EX, _NB = fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB
_GATES: dict[tuple[int, str], _Gate] = {}
_GATES_LOCK = threading.Lock()


def _gate(db: Path) -> _Gate:
    """This process's gate for a store file (one per file and process, shared by its Stores)."""
    key = (os.getpid(), str(db.resolve()))
    with _GATES_LOCK:
        if key not in _GATES:
            _GATES[key] = _Gate(db)
        return _GATES[key]


# FACTCHECK_LOCK_TRACE=FILE: one JSON line per connection (wait for the lock, time holding it,
# time closing it, and the caller), for bench/concurrency_load.py. Off unless set.
_TRACE = os.environ.get("FACTCHECK_LOCK_TRACE")


def _trace(kind: str, t0: float, t1: float, t2: float, t3: float) -> None:
    if not _TRACE:
        return
    import json
    import traceback

    # The two innermost callers outside this module: who held the store, for what.
    here = Path(__file__).name
    frames = [
        f
        for f in traceback.extract_stack()
        if "contextlib" not in f.filename and Path(f.filename).name != here
    ]
    line = {
        "pid": os.getpid(),
        "kind": kind,
        "where": ">".join(f"{Path(f.filename).stem}.{f.name}" for f in frames[-2:]),
        "wait": round(t1 - t0, 4),
        "held": round(t3 - t1, 4),
        "close": round(t3 - t2, 4),
    }
    with open(_TRACE, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


def _is_lock_error(exc: Exception) -> bool:
    return any(marker in str(exc).lower() for marker in _LOCK_MARKERS)


class Store:
    """A DuckDB file holding feeds, stories, claims, official figures and checks."""

    def __init__(self, path: str | Path, *, lock_wait: float = 30.0):
        self.path = Path(path)
        self.lock_wait = lock_wait

    # --- connections -----------------------------------------------------------------------

    def _open(
        self, deadline: float | None = None, *, read_only: bool = False
    ) -> duckdb.DuckDBPyConnection:
        """DuckDB's own connection, once this process holds the store's lock file. DuckDB's file
        lock is only met here when a process that does not take the lock file holds the store
        (an older copy of the tool, the DuckDB shell): then a short, jittered retry."""
        if deadline is None:
            deadline = time.monotonic() + self.lock_wait
        delay = 0.01
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
                if time.monotonic() >= deadline:
                    raise self._busy() from exc
                time.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, 0.2)

    def _busy(self) -> StoreBusy:
        return StoreBusy(
            f"the store {self.path} is in use by another process "
            f"(waited {self.lock_wait:.0f}s, FACTCHECK_LOCK_WAIT); try again when it finishes"
        )

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived read-write connection, migrated, closed on exit (the store's write
        lock is held meanwhile: keep network and NLP work outside)."""
        t0 = time.monotonic()
        deadline = t0 + self.lock_wait
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _gate(self.path).hold(shared=False, deadline=deadline, busy=self._busy):
            t1 = time.monotonic()
            con = self._open(deadline)
            try:
                # Cheap when up to date (one small query), and it keeps a store made by an older
                # version of the code working the moment a newer one opens it.
                migrate(con)
                yield con
            finally:
                t2 = time.monotonic()
                con.close()
                _trace("write", t0, t1, t2, time.monotonic())

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection for reading only: readers share the store with each other
        and go before waiting writers. Inside a write of the same thread it is a read-write
        connection of that write; a store not yet created or migrated is opened by `connect`."""
        gate = _gate(self.path)
        if gate.writing() or not self.path.exists():
            with self.connect() as con:
                yield con
            return
        t0 = time.monotonic()
        deadline = t0 + self.lock_wait
        with gate.hold(shared=True, deadline=deadline, busy=self._busy):
            t1 = time.monotonic()
            con = self._open(deadline, read_only=True)
            try:
                current = _up_to_date(con)
            except BaseException:
                con.close()
                raise
            if current:
                try:
                    yield con
                finally:
                    t2 = time.monotonic()
                    con.close()
                    _trace("read", t0, t1, t2, time.monotonic())
                return
            con.close()
        with self.connect() as con:  # migrations to apply first: that needs the write lock
            yield con

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection inside one transaction: all of it commits, or none of it."""
        with self.connect() as con:
            con.begin()
            try:
                yield con
            except BaseException:
                con.rollback()
                raise
            con.commit()

    # --- migrations ------------------------------------------------------------------------

    def migrate(self) -> list[int]:
        """Apply pending migrations now; returns the versions applied."""
        deadline = time.monotonic() + self.lock_wait
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _gate(self.path).hold(shared=False, deadline=deadline, busy=self._busy):
            con = self._open(deadline)
            try:
                return migrate(con)
            finally:
                con.close()

    def schema_version(self) -> int:
        with self.read() as con:
            return (
                _row(con.execute("SELECT max(version) FROM schema_migrations").fetchone())[0] or 0
            )

    # --- feeds -----------------------------------------------------------------------------

    def add_feed(self, url: str, station: str, place: str) -> Feed:
        with self.transaction() as con:
            exists = con.execute("SELECT id FROM feeds WHERE url = ?", [url]).fetchone()
            if exists:
                raise StoreError(f"the feed {url} is already registered (id {exists[0]})")
            row = con.execute(
                "INSERT INTO feeds (url, station, place) VALUES (?, ?, ?) RETURNING id",
                [url, station, place],
            ).fetchone()
        return Feed(id=_row(row)[0], url=url, station=station, place=place)

    def feeds(self) -> list[Feed]:
        with self.read() as con:
            rows = con.execute(
                "SELECT id, url, station, place, etag, last_modified, last_status, last_error,"
                " last_polled_at FROM feeds ORDER BY id"
            ).fetchall()
        return [Feed(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many rows the main tables hold, and the alerts not yet dealt with: the sidebar's
        store status and the Official figures and Tracker pages' counts."""
        with self.read() as con:
            row = con.execute(
                "SELECT (SELECT count(*) FROM feeds), (SELECT count(*) FROM stories),"
                " (SELECT count(*) FROM story_versions), (SELECT count(*) FROM claims),"
                " (SELECT count(*) FROM figures), (SELECT count(*) FROM metrics),"
                " (SELECT count(*) FROM checks),"
                " (SELECT count(*) FROM alerts WHERE handled_at IS NULL)"
            ).fetchone()
        names = ("feeds", "stories", "story_versions", "claims", "figures", "metrics", "checks",
                 "open_alerts")  # fmt: skip
        return dict(zip(names, _row(row), strict=True))

    def last_poll(self) -> datetime | None:
        with self.read() as con:
            return _row(con.execute("SELECT max(finished_at) FROM polls").fetchone())[0]

    def story_summaries(self) -> list[dict]:
        """One dict per story (the `stories --format jsonl` lines); see `story_summaries()`."""
        with self.read() as con:
            return story_summaries(con)


def _up_to_date(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether every migration shipped with the code is applied (one small read)."""
    latest = (len(migrations()), migrations()[-1][0])
    with contextlib.suppress(duckdb.CatalogException):
        return (
            con.execute("SELECT count(*), max(version) FROM schema_migrations").fetchone() == latest
        )
    return False


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply each pending migration and its bookkeeping row in one transaction."""
    # The common case, an up-to-date store, costs one read and no write.
    if _up_to_date(con):
        return []
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done:
            continue
        con.begin()
        try:
            con.execute(sql)
            if version in _DATA_MIGRATIONS:
                _DATA_MIGRATIONS[version](con)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name]
            )
        except BaseException:
            con.rollback()
            raise
        con.commit()
        applied.append(version)
    return applied


def _backfill_bases(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 010's data step: the base of every stored claim, by the extractor's own rule
    (a regular expression over the stored sentence and the claim's place in it)."""
    from factcheck.claims.period import change_base

    # Every claim, levels too: the checker reads a percent of a count as a percent change.
    rows = con.execute("SELECT id, sentence, text, period FROM claims").fetchall()
    bases = []
    for cid, sentence, text, period in rows:
        at = (sentence or "").find(text)
        base = change_base(sentence, at, at + len(text), period) if at >= 0 else None
        if base is not None:
            bases.append((cid, base))
    if bases:
        import pandas as pd

        con.register("_bases", pd.DataFrame(bases, columns=["id", "base"]))
        try:
            con.execute("UPDATE claims SET base = b.base FROM _bases b WHERE claims.id = b.id")
        finally:
            con.unregister("_bases")


# Python steps run right after a migration's SQL, in its transaction: {version: step}.
_DATA_MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {10: _backfill_bases}


# ================================================================================================
# Sections below are grouped by the stage that uses them. Every function takes an open connection
# (`con`) so callers can run several of them inside one `Store.transaction()`.
# ================================================================================================

# --- stories, versions, claims (feeds and polling) ----------------------------------------------
# One poll round of one feed runs all of these inside one `Store.transaction()`: the stories, their
# new versions, the claims of those versions and the feed's status commit together or not at all,
# so a crash (even SIGKILL) leaves the store as it was before that feed's round.

_CLAIM_COLUMNS = (
    "text",
    "start_char",
    "end_char",
    "sentence",
    "low",
    "high",
    "unit",
    "qualifier",
    "subject",
    "change",
    "direction",
    "period",
    "speaker",
    "hedge",
    "place",
    "base",
)


def latest_versions(con: duckdb.DuckDBPyConnection, feed_id: int) -> dict[str, tuple]:
    """{guid: (story_id, version, content_hash)} of the latest version of each story of a feed."""
    rows = con.execute(
        "SELECT s.guid, s.id, v.version, v.content_hash"
        " FROM stories s"
        " JOIN (SELECT story_id, max(version) AS version FROM story_versions GROUP BY story_id) l"
        "  ON l.story_id = s.id"
        " JOIN story_versions v ON v.story_id = s.id AND v.version = l.version"
        " WHERE s.feed_id = ?",
        [feed_id],
    ).fetchall()
    return {guid: (story_id, version, digest) for guid, story_id, version, digest in rows}


def upsert_story(
    con: duckdb.DuckDBPyConnection, feed_id: int, item: StoryItem, seen_at: datetime
) -> int:
    """Insert the story of a feed item, or refresh its title, link, author and date; its id.

    `seen_at` and `item.published` are naive UTC (the store keeps UTC without a zone).
    """
    published = item.published
    if published is not None and published.tzinfo is not None:
        published = published.astimezone(UTC).replace(tzinfo=None)
    row = con.execute(
        "INSERT INTO stories (feed_id, guid, url, title, author, published, first_seen, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (feed_id, guid) DO UPDATE SET url = excluded.url, title = excluded.title,"
        "  author = excluded.author, published = coalesce(excluded.published, published),"
        "  updated_at = excluded.updated_at"
        " RETURNING id",
        [feed_id, item.guid, item.url, item.title, item.author, published, seen_at, seen_at],
    ).fetchone()
    return _row(row)[0]


def insert_version(
    con: duckdb.DuckDBPyConnection,
    story_id: int,
    *,
    title: str,
    text: str,
    content_hash: str,
    fetched_at: datetime,
) -> tuple[int, int] | None:
    """Add the next version (1, 2, ...) of a story: (version_id, version).

    None when the story's latest version already has this hash: another poll stored it first.
    """
    row = con.execute(
        "INSERT INTO story_versions (story_id, version, title, text, content_hash, fetched_at)"
        " SELECT ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?"
        " FROM story_versions WHERE story_id = ?"
        " HAVING coalesce(arg_max(content_hash, version), '') <> ?"
        " RETURNING id, version",
        [story_id, title, text, content_hash, fetched_at, story_id, content_hash],
    ).fetchone()
    return (row[0], row[1]) if row else None


def insert_claims(
    con: duckdb.DuckDBPyConnection, story_id: int, version_id: int, claims: list[Claim]
) -> list[int]:
    """Store a version's claims, numbered 1, 2, ... in text order; their ids in that order."""
    return insert_claims_batch(con, [(story_id, version_id, claims)])


def insert_claims_batch(
    con: duckdb.DuckDBPyConnection, batches: list[tuple[int, int, list[Claim]]]
) -> list[int]:
    """Store the claims of many versions, (story_id, version_id, claims) each, in one INSERT.

    Each version's claims are numbered 1, 2, ... in text order; the ids come back in the order
    of `batches`, then of `seq`.
    """
    import pyarrow as pa

    rows: list[tuple[int, int, int, int, Claim]] = []  # (batch, story, version, seq, claim)
    for n, (story_id, version_id, claims) in enumerate(batches):
        ordered = sorted(claims, key=lambda c: (c.start, c.end))
        rows += [(n, story_id, version_id, seq, c) for seq, c in enumerate(ordered, start=1)]
    if not rows:
        return []
    columns = {
        "batch": pa.array([r[0] for r in rows], pa.int32()),
        "story_id": pa.array([r[1] for r in rows], pa.int32()),
        "version_id": pa.array([r[2] for r in rows], pa.int32()),
        "seq": pa.array([r[3] for r in rows], pa.int32()),
        "text": pa.array([r[4].text for r in rows], pa.string()),
        "start_char": pa.array([r[4].start for r in rows], pa.int32()),
        "end_char": pa.array([r[4].end for r in rows], pa.int32()),
        "sentence": pa.array([r[4].sentence for r in rows], pa.string()),
        "low": pa.array([r[4].low for r in rows], pa.float64()),
        "high": pa.array([r[4].high for r in rows], pa.float64()),
    }
    for name in _CLAIM_COLUMNS:
        if name not in columns:
            columns[name] = pa.array([getattr(r[4], name) for r in rows], pa.string())
    # One set-based INSERT ... SELECT from an Arrow table, registered under a name that lives
    # only on this connection and only for this statement.
    con.register("_new_claims", pa.table(columns))
    try:
        inserted = con.execute(
            "INSERT INTO claims (story_id, version_id, seq, text, start_char, end_char, sentence,"
            "  low, high, unit, qualifier, subject, change, direction, period, speaker, hedge,"
            "  place, base)"
            " SELECT story_id, version_id, seq, text, start_char, end_char, sentence, low, high,"
            "  unit, qualifier, subject, change, direction, period, speaker, hedge, place, base"
            " FROM _new_claims ORDER BY batch, seq"
            " RETURNING id, version_id, seq",
        ).fetchall()
    finally:
        con.unregister("_new_claims")
    order = {(version_id, seq): i for i, (_b, _s, version_id, seq, _c) in enumerate(rows)}
    return [claim_id for claim_id, v, q in sorted(inserted, key=lambda r: order[(r[1], r[2])])]


def store_versions(
    con: duckdb.DuckDBPyConnection,
    feed_id: int,
    changes: list[tuple[StoryItem, str, str]],
    seen_at: datetime,
) -> dict[str, tuple[int, int, int]]:
    """Many stories of one feed at once: `changes` are (item, text, content_hash).

    Upserts each item's story (refreshing its title, link, author and date) and adds a version
    numbered after the story's latest where the hash differs from the latest one's; a hash
    already stored (a concurrent poll got there first) adds nothing. Two set-based statements,
    whatever the number of items. Returns {guid: (story_id, version_id, version)} of the
    versions added. Guids must be unique within `changes`.
    """
    if not changes:
        return {}
    import pyarrow as pa

    def naive_utc(value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            return value.astimezone(UTC).replace(tzinfo=None)
        return value

    items = [item for item, _text, _digest in changes]
    incoming = pa.table(
        {
            "guid": pa.array([i.guid for i in items], pa.string()),
            "url": pa.array([i.url for i in items], pa.string()),
            "title": pa.array([i.title for i in items], pa.string()),
            "author": pa.array([i.author for i in items], pa.string()),
            "published": pa.array([naive_utc(i.published) for i in items], pa.timestamp("us")),
            "text": pa.array([text for _i, text, _d in changes], pa.string()),
            "content_hash": pa.array([digest for _i, _t, digest in changes], pa.string()),
        }
    )
    con.register("_incoming", incoming)
    try:
        con.execute(
            "INSERT INTO stories (feed_id, guid, url, title, author, published, first_seen,"
            "  updated_at)"
            " SELECT ?, guid, url, title, author, published, ?, ? FROM _incoming"
            " ON CONFLICT (feed_id, guid) DO UPDATE SET url = excluded.url,"
            "  title = excluded.title, author = excluded.author,"
            "  published = coalesce(excluded.published, published),"
            "  updated_at = excluded.updated_at",
            [feed_id, seen_at, seen_at],
        )
        rows = con.execute(
            "INSERT INTO story_versions (story_id, version, title, text, content_hash, fetched_at)"
            " SELECT s.id, coalesce(l.version, 0) + 1, i.title, i.text, i.content_hash, ?"
            " FROM _incoming i JOIN stories s ON s.feed_id = ? AND s.guid = i.guid"
            " LEFT JOIN (SELECT story_id, max(version) AS version,"
            "            arg_max(content_hash, version) AS content_hash"
            "            FROM story_versions GROUP BY story_id) l ON l.story_id = s.id"
            " WHERE l.content_hash IS DISTINCT FROM i.content_hash"
            " RETURNING story_id, id, version",
            [seen_at, feed_id],
        ).fetchall()
        guids = dict(
            con.execute(
                "SELECT s.id, s.guid FROM stories s JOIN _incoming i ON i.guid = s.guid"
                " WHERE s.feed_id = ?",
                [feed_id],
            ).fetchall()
        )
    finally:
        con.unregister("_incoming")
    return {
        guids[story_id]: (story_id, version_id, version) for story_id, version_id, version in rows
    }


def record_feed_status(
    con: duckdb.DuckDBPyConnection,
    feed_id: int,
    *,
    status: str,
    error: str | None,
    etag: str | None,
    last_modified: str | None,
    polled_at: datetime,
) -> None:
    """The outcome of a feed's last poll, and the validators for its next conditional GET."""
    con.execute(
        "UPDATE feeds SET last_status = ?, last_error = ?, etag = ?, last_modified = ?,"
        " last_polled_at = ? WHERE id = ?",
        [status, error, etag, last_modified, polled_at, feed_id],
    )


def record_poll(
    con: duckdb.DuckDBPyConnection,
    *,
    started_at: datetime,
    finished_at: datetime,
    feeds: int,
    new_stories: int,
    updated_stories: int,
    errors: int,
) -> int:
    """One summary row per poll run (the sidebar's "last poll")."""
    row = con.execute(
        "INSERT INTO polls (started_at, finished_at, feeds, new_stories, updated_stories, errors)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [started_at, finished_at, feeds, new_stories, updated_stories, errors],
    ).fetchone()
    return _row(row)[0]


def story_summaries(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every story with its version count and its latest version's claims and 'aired' verdicts."""
    rows = con.execute(
        "WITH latest AS (SELECT * FROM story_latest),"
        " claim_counts AS ("
        "  SELECT c.version_id, count(*) AS claims FROM claims c"
        "  JOIN latest l ON l.version_id = c.version_id GROUP BY c.version_id),"
        " verdict_counts AS ("
        "  SELECT version_id, list({'verdict': verdict, 'n': n} ORDER BY verdict) AS verdicts"
        "  FROM (SELECT c.version_id, k.verdict, count(*) AS n FROM claims c"
        "        JOIN latest l ON l.version_id = c.version_id"
        "        JOIN checks k ON k.claim_id = c.id AND k.mode = 'aired'"
        "        GROUP BY c.version_id, k.verdict)"
        "  GROUP BY version_id)"
        " SELECT s.id, f.station, f.place, s.feed_id, s.guid, s.title, s.url, s.author,"
        "  s.published, s.first_seen, coalesce(l.versions, 0), coalesce(cc.claims, 0),"
        "  vc.verdicts"
        " FROM stories s JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN latest l ON l.story_id = s.id"
        " LEFT JOIN claim_counts cc ON cc.version_id = l.version_id"
        " LEFT JOIN verdict_counts vc ON vc.version_id = l.version_id"
        " ORDER BY coalesce(s.published, s.first_seen) DESC, s.id DESC"
    ).fetchall()
    out = []
    for r in rows:
        out.append(
            {
                "id": r[0],
                "station": r[1],
                "place": r[2],
                "feed_id": r[3],
                "guid": r[4],
                "title": r[5],
                "url": r[6],
                "author": r[7],
                "published": _iso_utc(r[8]),
                "first_seen": _iso_utc(r[9]),
                "versions": r[10],
                "claims": r[11],
                "verdicts": {v["verdict"]: v["n"] for v in (r[12] or [])},
            }
        )
    return out


def _iso_utc(value: datetime | None) -> str | None:
    """A stored (naive UTC) timestamp as ISO 8601 with its zone."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC).isoformat()


# --- official figures, metrics, places, checks (figures and verify) -----------------------------

# Check SQL helpers, created per connection (temp macros): the grain of a period, readable
# numbers and periods for the explanation sentence.
_CHECK_MACROS = (
    "CREATE OR REPLACE TEMP MACRO fc_grain(s, e) AS CASE"
    " WHEN month(s) = 1 AND day(s) = 1 AND month(e) = 12 AND day(e) = 31 AND year(e) = year(s)"
    "  THEN 'year'"
    " WHEN day(s) = 1 AND e = last_day(s) THEN 'month'"
    " WHEN day(s) = 1 AND month(s) IN (1, 4, 7, 10) AND year(e) = year(s)"
    "  AND month(e) = month(s) + 2 AND e = last_day(e) THEN 'quarter'"
    " WHEN month(s) = 1 AND day(s) = 1 AND year(e) = year(s) THEN 'ytd'"
    " ELSE 'other' END",
    "CREATE OR REPLACE TEMP MACRO fc_shift(d, n) AS CAST(d - to_years(CAST(n AS INTEGER)) AS DATE)",
    # the end of a period shifted back n years: a month's last day stays the last day
    "CREATE OR REPLACE TEMP MACRO fc_shift_end(e, n) AS CASE WHEN e = last_day(e)"
    " THEN last_day(fc_shift(e, n)) ELSE fc_shift(e, n) END",
    # the same, n months back ("the month before")
    "CREATE OR REPLACE TEMP MACRO fc_shift_m(d, n) AS"
    " CAST(d - to_months(CAST(n AS INTEGER)) AS DATE)",
    "CREATE OR REPLACE TEMP MACRO fc_shift_m_end(e, n) AS CASE WHEN e = last_day(e)"
    " THEN last_day(fc_shift_m(e, n)) ELSE fc_shift_m(e, n) END",
    "CREATE OR REPLACE TEMP MACRO fc_num(v) AS CASE WHEN v IS NULL THEN NULL"
    " WHEN v = round(v) AND abs(v) < 1e15 THEN format('{:,}', CAST(round(v) AS BIGINT))"
    " ELSE rtrim(rtrim(format('{:,.2f}', v), '0'), '.') END",
    "CREATE OR REPLACE TEMP MACRO fc_val(v, u) AS CASE"
    " WHEN u = 'usd' THEN (CASE WHEN v < 0 THEN '-$' ELSE '$' END) || fc_num(abs(v))"
    " WHEN u IN ('percent', '%') THEN fc_num(v) || '%' ELSE fc_num(v) END",
    "CREATE OR REPLACE TEMP MACRO fc_day(d) AS monthname(d) || ' ' || day(d) || ', ' || year(d)",
    "CREATE OR REPLACE TEMP MACRO fc_when(s, e, g) AS CASE g"
    " WHEN 'year' THEN CAST(year(s) AS VARCHAR)"
    " WHEN 'month' THEN monthname(s) || ' ' || year(s)"
    " WHEN 'quarter' THEN monthname(s) || ' to ' || monthname(e) || ' ' || year(e)"
    " ELSE CASE WHEN s = e THEN fc_day(s)"
    "  WHEN year(s) = year(e) THEN monthname(s) || ' ' || day(s) || ' to ' || fc_day(e)"
    "  ELSE fc_day(s) || ' to ' || fc_day(e) END END",
    "CREATE OR REPLACE TEMP MACRO fc_prep(s, e, g) AS CASE WHEN g IN ('year', 'month') THEN 'in '"
    " WHEN s = e THEN 'on ' ELSE 'for ' END",
)

# The columns of the `_spec` temp table the verifier fills: one row per claim to check.
SPEC_COLUMNS = (
    "cid", "published", "metric", "place", "kind", "t_start", "t_end", "year_start",
    "shift_years", "c_kind", "c_start", "c_end", "c_years", "c2_start", "c2_end", "change",
    "acc_lo", "acc_hi",
    "use_abs", "mid", "pre_reason", "claim_text", "label", "unit", "ov_verdict", "ov_note",
    "shift_months",
)  # fmt: skip

# One set-based statement checks every claim in `_spec` against `figures`, in both modes:
# resolve the claim's period on the record (fixed dates, the latest year-to-date row, the latest
# period or full year up to the published date), derive the comparison period of a change, pick
# the figure vintages (as aired: the latest as_of on or before the story's date, else the first
# published after it, flagged; now: the latest), compute level / difference / percent change,
# and apply the claim's acceptance interval.
_CHECK_SQL = """
CREATE OR REPLACE TEMP TABLE _chk AS
WITH s AS (SELECT * FROM _spec),
series AS (
    SELECT metric, place, row_number() OVER () AS sid
    FROM (SELECT DISTINCT metric, place FROM s WHERE pre_reason IS NULL)
),
live AS (
    SELECT s.*, x.sid FROM s LEFT JOIN series x ON x.metric = s.metric AND x.place = s.place
    WHERE s.pre_reason IS NULL
),
keys AS (
    SELECT k.sid, k.period_start, k.period_end,
           fc_grain(k.period_start, k.period_end) AS grain, k.usd
    FROM (SELECT DISTINCT x.sid, f.period_start, f.period_end, coalesce(m.unit = 'usd', false) AS usd
          FROM figures_all f JOIN series x ON f.metric = x.metric AND f.place = x.place
          LEFT JOIN metrics m ON m.metric = f.metric) k
),
avail AS (
    SELECT *, CASE WHEN grain IN ('year', 'other') AND usd THEN period_start ELSE period_end END AS avail
    FROM keys
),
lk AS (
    SELECT sid, avail, min(period_start) AS ps, arg_min(period_end, period_start) AS pe
    FROM avail GROUP BY sid, avail
),
lk_year AS (SELECT sid, avail, period_start AS ps, period_end AS pe FROM avail WHERE grain = 'year'),
lk_month AS (SELECT sid, avail, period_start AS ps, period_end AS pe FROM avail WHERE grain = 'month'),
t_latest AS (
    SELECT l.cid, k.ps AS ts, k.pe AS te
    FROM (SELECT cid, sid, published FROM live WHERE kind = 'latest') l
    ASOF JOIN lk k ON l.sid = k.sid AND l.published >= k.avail
),
t_year AS (
    SELECT l.cid, k.ps AS ts, k.pe AS te
    FROM (SELECT cid, sid, published FROM live WHERE kind = 'latest_year') l
    ASOF JOIN lk_year k ON l.sid = k.sid AND l.published >= k.avail
),
t_month AS (
    SELECT l.cid, k.ps AS ts, k.pe AS te
    FROM (SELECT cid, sid, published FROM live WHERE kind = 'latest_month') l
    ASOF JOIN lk_month k ON l.sid = k.sid AND l.published >= k.avail
),
t_ytd0 AS (
    SELECT cid, any_value(sid) AS sid, any_value(published) AS published,
           arg_max(ps, rank) AS ts, arg_max(pe, rank) AS te, arg_max(grain, rank) AS grain
    FROM (
        SELECT l.cid, l.sid, l.published, k.period_start AS ps, k.period_end AS pe, k.grain,
               CASE WHEN k.period_end <= l.published THEN k.period_end
                    ELSE DATE '0001-01-01' END AS rank
        FROM (SELECT cid, sid, published, year_start FROM live WHERE kind = 'ytd') l
        JOIN keys k ON k.sid = l.sid AND k.period_start = l.year_start
        WHERE k.period_end <= l.published OR k.grain = 'year'
    ) GROUP BY cid
),
t_ytd AS (
    -- A January (or first-quarter) row is the year to date only while no later month (or
    -- quarter) of the year is on record: a monthly series is not summed into a year.
    SELECT y.cid, y.ts, y.te FROM t_ytd0 y
    WHERE y.grain NOT IN ('month', 'quarter') OR NOT EXISTS (
        SELECT 1 FROM keys k WHERE k.sid = y.sid AND k.grain = y.grain
          AND k.period_start > y.te AND k.period_end <= y.published
          AND year(k.period_start) = year(y.ts))
),
t0 AS (
    SELECT cid, t_start AS ts, t_end AS te FROM live WHERE kind = 'fixed'
    UNION ALL SELECT * FROM t_latest
    UNION ALL SELECT * FROM t_year
    UNION ALL SELECT * FROM t_month
    UNION ALL SELECT * FROM t_ytd
),
tgt0 AS (
    SELECT l.cid, l.change, l.c_kind, l.c_start, l.c_end, l.c_years, l.c2_start, l.c2_end,
           l.shift_months,
           CASE WHEN l.shift_years > 0 THEN fc_shift(t.ts, l.shift_years) ELSE t.ts END AS ts,
           CASE WHEN l.shift_years > 0 THEN fc_shift_end(t.te, l.shift_years)
                ELSE t.te END AS te
    FROM live l LEFT JOIN t0 t USING (cid)
),
tgt AS (
    SELECT * REPLACE (
        CASE WHEN shift_months > 0 THEN fc_shift_m(ts, shift_months) ELSE ts END AS ts,
        CASE WHEN shift_months > 0 THEN fc_shift_m_end(te, shift_months) ELSE te END AS te)
    FROM tgt0
),
tg AS (SELECT *, fc_grain(ts, te) AS tgrain FROM tgt),
cmp AS (
    SELECT cid, ts, te, tgrain,
        CASE WHEN change = 'level' OR ts IS NULL THEN NULL
             WHEN c_kind = 'fixed' THEN c_start
             WHEN c_kind = 'years_before' THEN fc_shift(ts, c_years)
             WHEN tgrain = 'month' THEN CAST(ts - INTERVAL 1 MONTH AS DATE)
             WHEN tgrain = 'quarter' THEN CAST(ts - INTERVAL 3 MONTH AS DATE)
             ELSE fc_shift(ts, 1) END AS cs,
        CASE WHEN change = 'level' OR ts IS NULL THEN NULL
             WHEN c_kind = 'fixed' THEN c_end
             WHEN c_kind = 'years_before' THEN fc_shift_end(te, c_years)
             WHEN tgrain IN ('month', 'quarter') THEN CAST(ts - INTERVAL 1 DAY AS DATE)
             ELSE fc_shift_end(te, 1) END AS ce,
        CASE WHEN change <> 'level' AND ts IS NOT NULL THEN c2_start END AS c2s,
        CASE WHEN change <> 'level' AND ts IS NOT NULL THEN c2_end END AS c2e
    FROM tg
),
need0 AS (
    SELECT cid, 't' AS side, ts AS ps, te AS pe FROM cmp WHERE ts IS NOT NULL
    UNION ALL
    SELECT cid, 'c' AS side, cs AS ps, ce AS pe FROM cmp WHERE cs IS NOT NULL
    UNION ALL
    SELECT cid, 'f' AS side, c2s AS ps, c2e AS pe FROM cmp WHERE c2s IS NOT NULL
),
need AS (
    -- A stock (a population on July 1) is on record at dates, not for months: a month or a
    -- day is answered by the row inside it ("in April 2010": the April 1 census count), else
    -- by the row around it ("in July of 2017": the 2017 estimate). The exact row comes first.
    SELECT cid, side, arg_min(kps, rank) AS ps, arg_min(kpe, rank) AS pe FROM (
        SELECT cid, side, ps AS kps, pe AS kpe, 9 AS rank FROM need0
        UNION ALL
        SELECT n.cid, n.side, k.period_start, k.period_end,
            CASE WHEN k.period_start = n.ps AND k.period_end = n.pe THEN 0
                 WHEN k.period_start >= n.ps AND k.period_end <= n.pe THEN 1 ELSE 2 END
        FROM need0 n JOIN live l USING (cid) JOIN keys k ON k.sid = l.sid
        JOIN metrics m ON m.metric = l.metric
        WHERE fc_stock(m.metric, m.label) AND n.pe - n.ps < 32
          AND k.period_start <= n.pe AND k.period_end >= n.ps
    ) GROUP BY cid, side
),
nl AS (
    SELECT n.cid, n.side, n.ps, n.pe, l.metric, l.place, l.published
    FROM need n JOIN live l USING (cid)
),
fk AS (
    -- Only the figure rows some claim needs, each as the record a check cites.
    SELECT f.metric, f.place, f.period_start, f.period_end, f.as_of,
        {'v': f.value, 'src': f.source, 'url': f.source_url, 'vintage': f.as_of} AS r
    FROM figures_all f
    WHERE (f.metric, f.place, f.period_start, f.period_end) IN (SELECT metric, place, ps, pe FROM nl)
),
per_key AS (
    -- The newest and the first release of each figure, once per figure, not once per claim.
    SELECT metric, place, period_start, period_end, arg_max(r, as_of) AS now_r,
        arg_min(r, as_of) AS first_r
    FROM fk GROUP BY ALL
),
aired AS (
    -- The newest release out when the story was published.
    SELECT n.cid, n.side, f.r AS air_r FROM nl n ASOF JOIN fk f
        ON f.metric = n.metric AND f.place = n.place AND f.period_start = n.ps
        AND f.period_end = n.pe AND n.published >= f.as_of
),
vals AS (
    SELECT n.cid, n.side, k.now_r, a.air_r, k.first_r
    FROM nl n
    JOIN per_key k ON k.metric = n.metric AND k.place = n.place
        AND k.period_start = n.ps AND k.period_end = n.pe
    LEFT JOIN aired a ON a.cid = n.cid AND a.side = n.side
),
wide AS (
    -- One row per claim with its target (t), comparison (c) and fallback comparison (f);
    -- a join per side is cheaper than a pivot of structs.
    SELECT c.cid,
        t.now_r AS t_now, coalesce(t.air_r, t.first_r) AS t_air,
        t.cid IS NOT NULL AND t.air_r IS NULL AS t_late,
        k.now_r AS c_now, coalesce(k.air_r, k.first_r) AS c_air,
        k.cid IS NOT NULL AND k.air_r IS NULL AS c_late,
        f.now_r AS f_now, coalesce(f.air_r, f.first_r) AS f_air,
        f.cid IS NOT NULL AND f.air_r IS NULL AS f_late
    FROM (SELECT DISTINCT cid FROM vals) c
    LEFT JOIN vals t ON t.cid = c.cid AND t.side = 't'
    LEFT JOIN vals k ON k.cid = c.cid AND k.side = 'c'
    LEFT JOIN vals f ON f.cid = c.cid AND f.side = 'f'
),
cmp2 AS (
    -- the fallback comparison period replaces the first only when the first is not on record
    SELECT c.cid, c.ts, c.te, c.tgrain, w.*,
        (w.c_now IS NULL AND w.f_now IS NOT NULL) AS fb,
        CASE WHEN w.c_now IS NULL AND w.f_now IS NOT NULL THEN c.c2s ELSE c.cs END AS cs,
        CASE WHEN w.c_now IS NULL AND w.f_now IS NOT NULL THEN c.c2e ELSE c.ce END AS ce
    FROM cmp c LEFT JOIN wide w USING (cid)
),
cmp3 AS (
    SELECT *, fc_grain(cs, ce) AS cgrain,
        fc_prep(ts, te, tgrain) || fc_when(ts, te, tgrain) AS t_per,
        fc_when(ts, te, tgrain) AS t_when
    FROM cmp2
),
cmp4 AS (
    SELECT *, fc_prep(cs, ce, cgrain) || fc_when(cs, ce, cgrain) AS c_per,
        fc_when(cs, ce, cgrain) AS c_when
    FROM cmp3
),
modes AS (SELECT * FROM (VALUES ('aired'), ('now')) m(mode)),
res AS (
    SELECT s.*, m.mode, c.ts, c.te, c.cs, c.ce, c.t_per, c.c_per, c.t_when, c.c_when,
        CASE WHEN m.mode = 'now' THEN c.t_now ELSE c.t_air END AS tr,
        CASE WHEN c.fb THEN (CASE WHEN m.mode = 'now' THEN c.f_now ELSE c.f_air END)
             ELSE (CASE WHEN m.mode = 'now' THEN c.c_now ELSE c.c_air END) END AS cr,
        m.mode = 'aired' AND (coalesce(c.t_late, false)
            OR (s.change <> 'level' AND coalesce(CASE WHEN c.fb THEN c.f_late ELSE c.c_late END,
                                                 false))) AS late
    FROM s CROSS JOIN modes m LEFT JOIN cmp4 c USING (cid)
),
calc AS (
    SELECT *, tr.v AS vt, cr.v AS vc, tr.src AS t_src, cr.src AS c_src,
        tr.url AS t_url, cr.url AS c_url, tr.vintage AS t_vint, cr.vintage AS c_vint,
        CASE change WHEN 'level' THEN tr.v
                    WHEN 'difference' THEN tr.v - cr.v
                    WHEN 'percent_change' THEN
                        CASE WHEN cr.v <> 0 THEN (tr.v - cr.v) / cr.v * 100 END
        END AS official
    FROM res
),
why AS (
    SELECT *,
        CASE
            WHEN pre_reason IS NOT NULL THEN pre_reason
            WHEN ts IS NULL THEN 'no ' || label || ' figure on record for ' || place
                || CASE kind WHEN 'ytd' THEN ' for ' || year(year_start) || ' to date'
                             WHEN 'latest_year' THEN ' for a full year'
                             WHEN 'latest_month' THEN ' for a month'
                             ELSE '' END
                || ' up to ' || fc_day(published)
            WHEN vt IS NULL THEN 'no ' || label || ' figure on record for ' || place || ' '
                || t_per
            WHEN change <> 'level' AND cs IS NULL THEN 'no earlier period to compare with'
            WHEN change <> 'level' AND ce >= ts THEN 'the comparison period ('
                || c_when || ') is not before the claim''s (' || t_when || ')'
            WHEN change <> 'level' AND vc IS NULL THEN 'no ' || label
                || ' figure on record for ' || place || ' ' || c_per || ' to compare with'
            WHEN change = 'percent_change' AND vc = 0
                THEN 'the earlier figure is zero, so there is no percent change'
        END AS reason
    FROM calc
),
fin AS (
    SELECT *,
        CASE WHEN use_abs THEN abs(official) ELSE official END AS mag,
        CASE WHEN change = 'level' THEN t_vint ELSE greatest(t_vint, c_vint) END AS vint
    FROM why
),
judged AS (
    SELECT *,
        mag >= coalesce(acc_lo, -1e308) - 1e-9 * greatest(1, abs(mag))
        AND mag <= coalesce(acc_hi, 1e308) + 1e-9 * greatest(1, abs(mag)) AS ok
    FROM fin
)
SELECT cid AS claim_id, mode,
    CASE WHEN ov_verdict IS NOT NULL THEN ov_verdict
         WHEN reason IS NOT NULL THEN 'unverifiable'
         WHEN ok THEN 'accurate' ELSE 'inaccurate' END AS verdict,
    CASE WHEN reason IS NULL THEN metric END AS metric,
    CASE WHEN reason IS NULL THEN place END AS place,
    CASE WHEN reason IS NULL THEN official END AS official,
    ts AS period_start, te AS period_end,
    CASE WHEN change <> 'level' THEN cs END AS compare_start,
    CASE WHEN change <> 'level' THEN ce END AS compare_end,
    CASE WHEN reason IS NULL AND mag <> 0 AND coalesce(ov_verdict, '') <> 'unverifiable'
         THEN (mid - mag) / mag * 100 END AS error_pct,
    CASE WHEN reason IS NULL THEN coalesce(t_src, c_src) END AS source,
    CASE WHEN reason IS NULL THEN coalesce(t_url, c_url) END AS source_url,
    CASE WHEN reason IS NULL THEN vint END AS as_of,
    CASE
        WHEN ov_verdict IS NOT NULL THEN 'Claimed ' || claim_text || ': ' || ov_verdict
            || ', set by hand' || coalesce(': ' || ov_note, '') || '.'
        WHEN reason IS NOT NULL THEN 'Claimed ' || claim_text || ': unverifiable, ' || reason || '.'
        ELSE 'Claimed ' || claim_text || '; ' || coalesce(t_src, c_src, 'the official record')
            || ' records '
            || CASE WHEN change = 'level' AND unit IN ('count', 'number', 'people')
                    THEN fc_val(vt, unit) || ' ' || label || ' ' || t_per
                    WHEN change = 'level' THEN label || ' ' || t_per || ' at ' || fc_val(vt, unit)
                    ELSE label || ' ' || t_per || ' at ' || fc_val(vt, unit)
                        || ' against ' || fc_val(vc, unit) || ' ' || c_per || ', a change of '
                        || (CASE WHEN official > 0 THEN '+' ELSE '' END)
                        || CASE WHEN change = 'percent_change'
                                THEN fc_num(round(official, 1)) || '%'
                                ELSE fc_val(official, unit) END
               END
            || ' (as of ' || CAST(vint AS VARCHAR)
            || CASE WHEN late THEN ', published after the story' ELSE '' END
            || '): ' || CASE WHEN ok THEN 'accurate' ELSE 'inaccurate' END || '.'
    END AS explanation,
    CASE WHEN ov_verdict IS NOT NULL THEN coalesce(reason, ov_note) ELSE reason END AS reason,
    ov_verdict IS NOT NULL AS overridden
FROM judged
"""

_CHECK_COLS = (
    "claim_id, mode, verdict, metric, place, official, period_start, period_end, compare_start,"
    " compare_end, error_pct, source, source_url, as_of, explanation, reason, overridden"
)
CHECK_FIELDS = tuple(c.strip() for c in _CHECK_COLS.split(","))


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Drop a registered frame; quietly, so an aborted transaction's real error shows."""
    with contextlib.suppress(duckdb.Error):
        con.unregister(name)


def _row(row: tuple | None) -> tuple:
    """The row of a query that always returns one (an aggregate, INSERT ... RETURNING), which
    DuckDB's `fetchone()` types as Optional."""
    assert row is not None
    return row


def metric_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT metric FROM metrics").fetchall()}


def metric_units(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """metric -> catalogue unit."""
    return dict(con.execute("SELECT metric, unit FROM metrics").fetchall())


def load_metrics(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str]]:
    """The catalogue: (metric, label, unit, aliases as imported)."""
    return con.execute(
        "SELECT metric, label, unit, aliases FROM metrics ORDER BY metric"
    ).fetchall()


def load_metric_aliases(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute("SELECT alias, metric FROM metric_aliases ORDER BY alias, metric").fetchall()


def load_place_aliases(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT alias, place FROM place_aliases").fetchall())


def series_on_record(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """(metric, place) pairs that have figures, computed rates included."""
    rows = con.execute("SELECT DISTINCT metric, place FROM figures_all").fetchall()
    return {tuple(r) for r in rows}


def upsert_metrics(
    con: duckdb.DuckDBPyConnection,
    metrics: list[tuple[str, str, str, str]] | list[tuple[str, str, str, str, str | None]],
    aliases: list[tuple[str, str]],
) -> None:
    """Replace catalogue rows (metric, label, unit, aliases[, definition]) and their normalised
    aliases."""
    import pandas as pd

    rows = [tuple(m) + (None,) * (5 - len(m)) for m in metrics]
    frame = pd.DataFrame(rows, columns=["metric", "label", "unit", "aliases", "definition"])
    alias_frame = pd.DataFrame(aliases, columns=["alias", "metric"]).drop_duplicates()
    con.register("_metrics_in", frame)
    con.register("_aliases_in", alias_frame)
    try:
        con.execute("DELETE FROM metric_aliases WHERE metric IN (SELECT metric FROM _metrics_in)")
        con.execute("DELETE FROM metrics WHERE metric IN (SELECT metric FROM _metrics_in)")
        con.execute(
            "INSERT INTO metrics (metric, label, unit, aliases, definition)"
            " SELECT metric, label, unit, aliases, CAST(definition AS VARCHAR) FROM _metrics_in"
        )
        con.execute(
            "INSERT INTO metric_aliases (alias, metric) SELECT alias, metric FROM _aliases_in"
        )
    finally:
        _unregister(con, "_metrics_in")
        _unregister(con, "_aliases_in")


def add_place_aliases(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, str]]) -> None:
    """Add (alias, place) rows, set-based; an alias already on record keeps the place it names,
    and of two new rows for one alias the first wins."""
    if not rows:
        return
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["alias", "place"]).drop_duplicates("alias")
    con.register("_place_aliases_in", frame)
    try:
        con.execute(
            "INSERT INTO place_aliases (alias, place) SELECT i.alias, i.place"
            " FROM _place_aliases_in i ANTI JOIN place_aliases a ON a.alias = i.alias"
        )
    finally:
        _unregister(con, "_place_aliases_in")


def stage_figures(con: duckdb.DuckDBPyConnection, frame) -> list[tuple]:
    """Load a validated frame into `_fig_stage`; return rows that clash with the record:
    (frame row index, as_of, value on record, value in the file) for the same key and as_of
    with another value."""
    con.register("_fig_in", frame)
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _fig_stage AS SELECT"
            " row_number() OVER () - 1 AS rn, CAST(metric AS VARCHAR) AS metric,"
            " CAST(place AS VARCHAR) AS place, CAST(period_start AS DATE) AS period_start,"
            " CAST(period_end AS DATE) AS period_end, CAST(value AS DOUBLE) AS value,"
            " CAST(unit AS VARCHAR) AS unit, CAST(source AS VARCHAR) AS source,"
            " CAST(source_url AS VARCHAR) AS source_url, CAST(as_of AS DATE) AS as_of,"
            " CAST(notes AS VARCHAR) AS notes FROM _fig_in"
        )
    finally:
        _unregister(con, "_fig_in")
    return _stage_conflicts(con)


def _stage_conflicts(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT s.rn, s.as_of, f.value, s.value FROM _fig_stage s JOIN figures f"
        " ON f.metric = s.metric AND f.place = s.place AND f.period_start = s.period_start"
        " AND f.period_end = s.period_end AND f.as_of = s.as_of"
        " WHERE f.value <> s.value ORDER BY s.rn LIMIT 10000"
    ).fetchall()


def stage_figures_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> list[tuple]:
    """`stage_figures` from a checked file's Parquet (figures.Staged): `_fig_stage` is a view
    over the file, read set-based by each query (a table would hold every row in memory);
    `rn` is the file line, so the clashes name their line."""
    con.read_parquet(str(path)).select(
        "line AS rn, metric, place, period_start, period_end, value, unit, source, source_url,"
        " as_of, notes"
    ).create_view("_fig_stage", replace=True)
    return _stage_conflicts(con)


def _drop_stage(con: duckdb.DuckDBPyConnection) -> None:
    """Drop `_fig_stage`: a table (a frame staged) or a view (over a checked file)."""
    view = con.execute(
        "SELECT count(*) FROM duckdb_views() WHERE view_name = '_fig_stage'"
    ).fetchall()[0][0]
    con.execute("DROP VIEW IF EXISTS _fig_stage" if view else "DROP TABLE IF EXISTS _fig_stage")


def staged_figure_summary(con: duckdb.DuckDBPyConnection) -> tuple[dict, list[str], int]:
    """Of `_fig_stage`: each metric's first unit given (None when no row gives one), the places,
    and how many (metric, place) series."""
    units = dict(
        con.execute(
            "SELECT metric, arg_min(unit, rn) FILTER (WHERE unit IS NOT NULL) FROM _fig_stage"
            " GROUP BY metric"
        ).fetchall()
    )
    places = [r[0] for r in con.execute("SELECT DISTINCT place FROM _fig_stage").fetchall()]
    series = con.execute(
        "SELECT count(*) FROM (SELECT DISTINCT metric, place FROM _fig_stage)"
    ).fetchall()[0][0]
    return units, places, series


def figure_duplicates(path: Path, limit: int) -> tuple[int, list[tuple[int, int]]]:
    """Rows of a checked figures file (Parquet with `line`) that repeat an earlier row's metric,
    place, period and as_of, over the whole file: how many, and the first `limit` as
    (line, line of the first such row). A scratch connection with a memory cap, spilling to
    the file's folder, so a file of any size is checked in bounded memory."""
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": "128MB",
        "temp_directory": str(path.parent / "spill"),
        "preserve_insertion_order": False,
        "threads": 2,
    }
    con = duckdb.connect(config=config)
    try:
        # Rows whose key hashes clash first (8 bytes a row to group), then the exact keys of
        # those few: a hash collision is never reported as a duplicate.
        con.execute(
            "CREATE TEMP TABLE _cand AS SELECT line, metric, place, period_start, period_end,"
            " as_of FROM read_parquet(?) WHERE hash(metric, place, period_start, period_end,"
            " as_of) IN (SELECT hash(metric, place, period_start, period_end, as_of) AS h"
            " FROM read_parquet(?) GROUP BY h HAVING count(*) > 1)",
            [str(path), str(path)],
        )
        con.execute(
            "CREATE TEMP TABLE _dups AS SELECT line, min(line) OVER (PARTITION BY metric, place,"
            " period_start, period_end, as_of) AS first FROM _cand QUALIFY line <> first"
        )
        total = con.execute("SELECT count(*) FROM _dups").fetchall()[0][0]
        rows = con.execute("SELECT line, first FROM _dups ORDER BY line LIMIT ?", [limit])
        return total, [(int(a), int(b)) for a, b in rows.fetchall()]
    finally:
        con.close()


def release_with_sha(con: duckdb.DuckDBPyConnection, sha256: str) -> tuple | None:
    """(release id, figure rows of the file, imported at) of the release of a file, or None."""
    return con.execute(
        "SELECT id, coalesce(file_rows, rows), imported_at FROM figure_imports WHERE sha256 = ?"
        " ORDER BY id LIMIT 1",
        [sha256],
    ).fetchone()


def insert_staged_figures(
    con: duckdb.DuckDBPyConnection, source_name: str, release=None
) -> tuple[int, int, int]:
    """Record the release and insert `_fig_stage` rows not yet on record, set-based; returns
    (release id, inserted, already there). `release` is a figures.Release (None: a bare one)."""
    total = con.execute("SELECT count(*) FROM _fig_stage").fetchall()[0][0]
    r = release
    import_id = con.execute(
        "INSERT INTO figure_imports (source_name, rows, file_name, format, source, sha256, as_of,"
        " as_of_from, file_rows) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            source_name,
            r.file_name if r else source_name,
            r.format if r else "figures",
            r.source if r else None,
            r.sha256 if r else None,
            r.as_of if r else None,
            r.as_of_from if r else "rows",
            total,
        ],
    ).fetchall()[0][0]
    con.execute(
        "INSERT INTO figures (metric, place, period_start, period_end, value, unit, source,"
        " source_url, as_of, notes, import_id)"
        " SELECT s.metric, s.place, s.period_start, s.period_end, s.value, s.unit, s.source,"
        " s.source_url, s.as_of, s.notes, ? FROM _fig_stage s ANTI JOIN figures f"
        " ON f.metric = s.metric AND f.place = s.place AND f.period_start = s.period_start"
        " AND f.period_end = s.period_end AND f.as_of = s.as_of",
        [import_id],
    )
    inserted = con.execute(
        "SELECT count(*) FROM figures WHERE import_id = ?", [import_id]
    ).fetchall()[0][0]
    con.execute("UPDATE figure_imports SET rows = ? WHERE id = ?", [inserted, import_id])
    _drop_stage(con)
    return import_id, inserted, total - inserted


def figure_rows(
    con: duckdb.DuckDBPyConnection, metric: str | None = None, places: list[str] | None = None
) -> list[dict]:
    """Stored figure rows for `figures --format jsonl`, every vintage, in a stable order."""
    rows = con.execute(
        "SELECT metric, place, period_start, period_end, value, unit, source, source_url, as_of"
        " FROM figures WHERE (? IS NULL OR metric = ?)"
        " AND (? IS NULL OR list_contains(?, lower(place)))"
        " ORDER BY metric, place, period_start, period_end, as_of",
        [metric, metric, places, [p.lower() for p in places] if places else None],
    )
    names = [d[0] for d in rows.description]
    return [dict(zip(names, r, strict=True)) for r in rows.fetchall()]


def place_alias_target(con: duckdb.DuckDBPyConnection, alias: str) -> str | None:
    """The place an alias names, or None."""
    row = con.execute(
        "SELECT place FROM place_aliases WHERE alias = lower(?)", [alias.strip()]
    ).fetchone()
    return row[0] if row else None


def releases(con: duckdb.DuckDBPyConnection):
    """Every release on record, newest first, as a DataFrame."""
    return con.execute(
        "SELECT id, source, file_name, format, as_of, as_of_from, file_rows, new_rows, sha256,"
        " imported_at FROM releases ORDER BY id DESC"
    ).df()


def app_record_added_figure(
    con: duckdb.DuckDBPyConnection, release_id: int, editor: str | None, note: str | None = None
) -> int:
    """The audit row of figures typed in the app: one `figure_edits` row (field "added", the
    value as new value) per figure of the release."""
    before = _row(con.execute("SELECT count(*) FROM figure_edits").fetchone())[0]
    con.execute(
        "INSERT INTO figure_edits (figure_id, field, old_value, new_value, editor, note)"
        " SELECT id, 'added', NULL, CAST(value AS VARCHAR), ?, ? FROM figures WHERE import_id = ?",
        [editor, note or "added in the app", release_id],
    )
    return _row(con.execute("SELECT count(*) FROM figure_edits").fetchone())[0] - before


def metric_definitions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """metric -> what its publisher counts, for the metrics that say."""
    return dict(
        con.execute(
            "SELECT metric, definition FROM metrics WHERE definition IS NOT NULL"
        ).fetchall()
    )


def claims_affected_by(con: duckdb.DuckDBPyConnection, metrics: list[str]) -> list[int]:
    """Claims whose check may change with new figures for `metrics`: those checked against one
    of them, and those not (yet) matched to any series."""
    import pandas as pd

    con.register("_touched", pd.DataFrame({"metric": list(metrics)}, dtype=object))
    try:
        rows = con.execute(
            "SELECT c.id FROM claims c LEFT JOIN checks k ON k.claim_id = c.id"
            " WHERE k.claim_id IS NULL OR k.metric IS NULL"
            " OR k.metric IN (SELECT metric FROM _touched) GROUP BY c.id ORDER BY c.id"
        ).fetchall()
    finally:
        _unregister(con, "_touched")
    return [r[0] for r in rows]


def claims_to_check(con: duckdb.DuckDBPyConnection, claim_ids: list[int] | None):
    """Stored claims with their story's date and station place, as a DataFrame, for every
    claim of the story versions that hold `claim_ids` (None: all claims), in text order."""
    import pandas as pd

    base = (  # a constant: only the WHERE clause differs
        "SELECT c.id, c.version_id, c.seq, c.text, c.start_char, c.end_char, c.sentence, c.low,"
        " c.high, c.unit, c.qualifier, c.subject, c.change, c.direction, c.period, c.speaker,"
        " c.hedge, c.place, c.base, CAST(coalesce(s.published, s.first_seen) AS DATE) AS published,"
        " f.place AS station_place"
        " FROM claims c JOIN stories s ON s.id = c.story_id LEFT JOIN feeds f ON f.id = s.feed_id"
    )
    if claim_ids is None:
        return con.execute(base + " ORDER BY c.version_id, c.seq").df()
    con.register("_want", pd.DataFrame({"id": list(claim_ids)}, dtype="int64"))
    try:
        return con.execute(
            base  # noqa: S608 (constant text, no values)
            + " WHERE c.version_id IN (SELECT version_id FROM claims WHERE id IN"
            " (SELECT id FROM _want)) ORDER BY c.version_id, c.seq"
        ).df()
    finally:
        _unregister(con, "_want")


def active_overrides(con: duckdb.DuckDBPyConnection) -> dict[int, tuple]:
    """claim_id -> (metric, place, period_start, period_end, verdict, note, author) of the
    newest active override."""
    rows = con.execute(
        "SELECT claim_id, arg_max(metric, id), arg_max(place, id), arg_max(period_start, id),"
        " arg_max(period_end, id), arg_max(verdict, id), arg_max(note, id), arg_max(author, id)"
        " FROM (SELECT * FROM overrides WHERE active AND id IN"
        "  (SELECT max(id) FROM overrides WHERE active GROUP BY claim_id))"
        " GROUP BY claim_id"
    ).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def add_override(con: duckdb.DuckDBPyConnection, claim_id: int, fields: dict) -> int:
    """Retire the claim's active override (kept for the audit trail) and add a new one."""
    con.execute("UPDATE overrides SET active = false WHERE claim_id = ? AND active", [claim_id])
    row = con.execute(
        "INSERT INTO overrides (claim_id, metric, place, period_start, period_end, verdict,"
        " note, author, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            claim_id,
            fields.get("metric"),
            fields.get("place"),
            fields.get("period_start"),
            fields.get("period_end"),
            fields.get("verdict"),
            fields.get("note"),
            fields.get("author"),
            fields.get("active", True),
        ],
    ).fetchall()[0]
    return row[0]


def claim_exists(con: duckdb.DuckDBPyConnection, claim_id: int) -> bool:
    return con.execute("SELECT count(*) FROM claims WHERE id = ?", [claim_id]).fetchall()[0][0] > 0


_SPEC_SELECT = (
    "CAST(published AS DATE) AS published, CAST(metric AS VARCHAR) AS metric,"
    " CAST(place AS VARCHAR) AS place, CAST(kind AS VARCHAR) AS kind,"
    " CAST(t_start AS DATE) AS t_start, CAST(t_end AS DATE) AS t_end,"
    " CAST(year_start AS DATE) AS year_start, CAST(shift_years AS INTEGER) AS shift_years,"
    " CAST(c_kind AS VARCHAR) AS c_kind, CAST(c_start AS DATE) AS c_start,"
    " CAST(c_end AS DATE) AS c_end, CAST(c_years AS INTEGER) AS c_years,"
    " CAST(c2_start AS DATE) AS c2_start, CAST(c2_end AS DATE) AS c2_end,"
    " CAST(change AS VARCHAR) AS change, CAST(acc_lo AS DOUBLE) AS acc_lo,"
    " CAST(acc_hi AS DOUBLE) AS acc_hi, CAST(use_abs AS BOOLEAN) AS use_abs,"
    " CAST(mid AS DOUBLE) AS mid, CAST(pre_reason AS VARCHAR) AS pre_reason,"
    " CAST(claim_text AS VARCHAR) AS claim_text, CAST(label AS VARCHAR) AS label,"
    " CAST(unit AS VARCHAR) AS unit, CAST(ov_verdict AS VARCHAR) AS ov_verdict,"
    " CAST(ov_note AS VARCHAR) AS ov_note,"
    " CAST(coalesce(shift_months, 0) AS INTEGER) AS shift_months"
)


@functools.cache
def _stock_macro() -> str:
    """`fc_stock(metric, label)`: `catalogue.is_stock` in SQL, from the same pattern."""
    pattern = catalogue.stock_pattern()
    return (
        "CREATE OR REPLACE TEMP MACRO fc_stock(m, l) AS"
        f" regexp_matches(lower(replace(coalesce(m, ''), '_', ' ') || ' ' || coalesce(l, '')), {_sql_literal(pattern)})"
    )


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _create_macros(con: duckdb.DuckDBPyConnection) -> None:
    for sql in (*_CHECK_MACROS, _stock_macro()):
        con.execute(sql)


def compute_checks(con: duckdb.DuckDBPyConnection, spec) -> None:
    """Run the check statement over `spec` (a DataFrame with SPEC_COLUMNS) into `_chk`."""
    _create_macros(con)
    con.register("_spec_in", spec)
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _spec AS SELECT CAST(cid AS BIGINT) AS cid, "  # noqa: S608 (constant column list)
            + _SPEC_SELECT
            + " FROM _spec_in"
        )
    finally:
        _unregister(con, "_spec_in")
    con.execute(_CHECK_SQL)


def spec_fingerprint(con: duckdb.DuckDBPyConnection, code_version: str) -> str:
    """A digest of everything a claim's match depends on besides its own words: the
    catalogue, its aliases, the place aliases and the (metric, place) series on record."""
    return con.execute(
        "SELECT md5(? || '#' || coalesce((SELECT string_agg(metric || '|' || label || '|'"
        "  || unit || '|' || aliases, ';' ORDER BY metric) FROM metrics), '')"
        " || '#' || coalesce((SELECT string_agg(alias || '|' || metric, ';'"
        "  ORDER BY alias, metric) FROM metric_aliases), '')"
        " || '#' || coalesce((SELECT string_agg(alias || '|' || place, ';' ORDER BY alias)"
        "  FROM place_aliases), '')"
        " || '#' || coalesce((SELECT string_agg(metric || '|' || place, ';'"
        "  ORDER BY metric, place) FROM (SELECT DISTINCT metric, place FROM figures)), ''))",
        [code_version],
    ).fetchall()[0][0]


def _want_ids(con: duckdb.DuckDBPyConnection, claim_ids: list[int] | None) -> None:
    """`_want`: the claims asked for (every claim when None)."""
    import pandas as pd

    if claim_ids is None:
        con.execute("CREATE OR REPLACE TEMP TABLE _want AS SELECT id FROM claims")
        return
    con.register("_want_in", pd.DataFrame({"id": list(claim_ids)}, dtype="int64"))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _want AS SELECT DISTINCT id FROM _want_in")
    finally:
        _unregister(con, "_want_in")


def versions_needing_specs(
    con: duckdb.DuckDBPyConnection, claim_ids: list[int] | None, fingerprint: str
) -> list[int]:
    """Story versions holding a wanted claim whose saved match is missing or stale."""
    _want_ids(con, claim_ids)
    rows = con.execute(
        "SELECT DISTINCT c.version_id FROM claims c"
        " JOIN _want w ON w.id = c.id"
        " JOIN stories s ON s.id = c.story_id LEFT JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN claim_specs p ON p.claim_id = c.id AND p.fingerprint = ?"
        "  AND p.published = CAST(coalesce(s.published, s.first_seen) AS DATE)"
        "  AND p.station_place IS NOT DISTINCT FROM f.place"
        " WHERE p.claim_id IS NULL ORDER BY 1",
        [fingerprint],
    ).fetchall()
    return [r[0] for r in rows]


def claims_of_versions(con: duckdb.DuckDBPyConnection, version_ids: list[int]):
    """Every claim of these story versions with its story's date and station place, in order."""
    import pandas as pd

    con.register("_versions", pd.DataFrame({"v": list(version_ids)}, dtype="int64"))
    try:
        return con.execute(
            "SELECT c.id, c.version_id, c.seq, c.text, c.start_char, c.end_char, c.sentence,"
            " c.low, c.high, c.unit, c.qualifier, c.subject, c.change, c.direction, c.period,"
            " c.speaker, c.hedge, c.place, c.base,"
            " CAST(coalesce(s.published, s.first_seen) AS DATE) AS published,"
            " f.place AS station_place"
            " FROM claims c JOIN stories s ON s.id = c.story_id"
            " LEFT JOIN feeds f ON f.id = s.feed_id"
            " WHERE c.version_id IN (SELECT v FROM _versions) ORDER BY c.version_id, c.seq"
        ).df()
    finally:
        _unregister(con, "_versions")


def save_specs(con: duckdb.DuckDBPyConnection, spec, fingerprint: str) -> None:
    """Replace the saved matches of the claims in `spec` (SPEC_COLUMNS + station_place)."""
    con.register("_specs_in", spec)
    try:
        con.execute("DELETE FROM claim_specs WHERE claim_id IN (SELECT cid FROM _specs_in)")
        con.execute(
            "INSERT INTO claim_specs SELECT CAST(cid AS INTEGER), ?,"  # noqa: S608 (constant column list)
            " CAST(station_place AS VARCHAR), " + _SPEC_SELECT + " FROM _specs_in",
            [fingerprint],
        )
    finally:
        _unregister(con, "_specs_in")


def drop_spec(con: duckdb.DuckDBPyConnection, claim_id: int) -> None:
    con.execute("DELETE FROM claim_specs WHERE claim_id = ?", [claim_id])


def compute_checks_from_specs(con: duckdb.DuckDBPyConnection) -> None:
    """Run the check statement over the saved matches of the claims in `_want`."""
    _create_macros(con)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _spec AS SELECT CAST(claim_id AS BIGINT) AS cid, "  # noqa: S608 (constant column list)
        + _SPEC_SELECT
        + " FROM claim_specs WHERE claim_id IN (SELECT id FROM _want)"
    )
    con.execute(_CHECK_SQL)


def computed_checks(con: duckdb.DuckDBPyConnection, mode: str) -> list[tuple]:
    """Rows of `_chk` for one mode, in claim order, with CHECK_FIELDS."""
    return con.execute(
        "SELECT claim_id, mode, verdict, metric, place, official, period_start, period_end,"
        " compare_start, compare_end, error_pct, source, source_url, as_of, explanation, reason,"
        " overridden FROM _chk WHERE mode = ? ORDER BY claim_id",
        [mode],
    ).fetchall()


def save_computed_checks(con: duckdb.DuckDBPyConnection, reason: str) -> int:
    """Write `_chk` into `checks` (replacing each claim's rows) and record every change of
    verdict or official value in `check_history`, with `reason` as the why."""
    con.execute(
        "INSERT INTO check_history (claim_id, mode, old_verdict, new_verdict, old_official,"
        " new_official, reason)"
        " SELECT n.claim_id, n.mode, o.verdict, n.verdict, o.official, n.official, ?"
        " FROM _chk n JOIN checks o ON o.claim_id = n.claim_id AND o.mode = n.mode"
        " WHERE o.verdict <> n.verdict OR o.official IS DISTINCT FROM n.official"
        " ORDER BY n.claim_id, n.mode",
        [reason],
    )
    con.execute("DELETE FROM checks WHERE claim_id IN (SELECT claim_id FROM _chk)")
    con.execute(
        "INSERT INTO checks (claim_id, mode, verdict, metric, place, official, period_start,"
        " period_end, compare_start, compare_end, error_pct, source, source_url, as_of,"
        " explanation, reason, overridden)"
        " SELECT claim_id, mode, verdict, metric, place, official, period_start, period_end,"
        " compare_start, compare_end, error_pct, source, source_url, as_of, explanation, reason,"
        " overridden FROM _chk"
    )
    n = con.execute("SELECT count(DISTINCT claim_id) FROM _chk").fetchall()[0][0]
    con.execute("DROP TABLE IF EXISTS _chk")
    con.execute("DROP TABLE IF EXISTS _spec")
    con.execute("DROP TABLE IF EXISTS _want")
    return n


def stored_check(con: duckdb.DuckDBPyConnection, claim_id: int, mode: str) -> tuple | None:
    """One saved check, with CHECK_FIELDS."""
    rows = con.execute(
        "SELECT claim_id, mode, verdict, metric, place, official, period_start, period_end,"
        " compare_start, compare_end, error_pct, source, source_url, as_of, explanation, reason,"
        " overridden FROM checks WHERE claim_id = ? AND mode = ?",
        [claim_id, mode],
    ).fetchall()
    return rows[0] if rows else None


def check_history(con: duckdb.DuckDBPyConnection, claim_id: int) -> list[tuple]:
    """(mode, old_verdict, new_verdict, old_official, new_official, reason, changed_at)."""
    return con.execute(
        "SELECT mode, old_verdict, new_verdict, old_official, new_official, reason, changed_at"
        " FROM check_history WHERE claim_id = ? ORDER BY id",
        [claim_id],
    ).fetchall()


# --- tracking and app queries -------------------------------------------------------------------

# tracking ---------------------------------------------------------------------------------------
# Editors' queries (factcheck/tracking.py): what each story is about for threading, two versions
# of a story side by side, what a speaker claimed before, and which verdicts changed.


# The demo loader (factcheck/demo.py) works inside one transaction, so it needs these on `con`.
_DEMO_COUNTS = {
    "stories": "SELECT count(*) FROM stories",
    "story_versions": "SELECT count(*) FROM story_versions",
    "figures": "SELECT count(*) FROM figures",
    "claims": "SELECT count(*) FROM claims",
}


def demo_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in one of the tables the demo loader reports on (a fixed statement per table)."""
    return _row(con.execute(_DEMO_COUNTS[table]).fetchone())[0]


def demo_add_feed(con: duckdb.DuckDBPyConnection, url: str, station: str, place: str) -> int:
    """Register a feed on an open connection (the demo's); its id."""
    row = con.execute(
        "INSERT INTO feeds (url, station, place) VALUES (?, ?, ?) RETURNING id",
        [url, station, place],
    ).fetchone()
    return _row(row)[0]


def tracking_place_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The stations' places and every place alias: words that never tell two stories apart."""
    return [
        r[0]
        for r in con.execute(
            "SELECT place FROM feeds UNION SELECT alias FROM place_aliases"
            " UNION SELECT place FROM place_aliases"
        ).fetchall()
    ]


def tracking_story_features(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Per story: (id, feed_id, station, feed place, when, title, latest text, speakers,
    claims as [{metric, subject, low, high, unit, qualifier}]).

    `when` is the published time, else first seen; speakers and claims come from the story's
    latest version, each claim with the metric of its "now" check.
    """
    return con.execute(
        "WITH latest AS (SELECT * FROM story_latest),"
        " about AS (SELECT c.version_id,"
        "  list(DISTINCT c.speaker) FILTER (WHERE c.speaker IS NOT NULL) AS speakers,"
        "  list({'metric': k.metric, 'subject': c.subject, 'low': c.low, 'high': c.high,"
        "        'unit': c.unit, 'qualifier': c.qualifier}"
        "       ORDER BY c.seq) AS claims"
        "  FROM claims c JOIN latest l ON l.version_id = c.version_id"
        "  LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = 'now'"
        "  GROUP BY c.version_id)"
        " SELECT s.id, s.feed_id, f.station, f.place, coalesce(s.published, s.first_seen),"
        "  s.title, coalesce(v.text, ''), coalesce(a.speakers, []), coalesce(a.claims, [])"
        " FROM stories s JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN latest l ON l.story_id = s.id"
        " LEFT JOIN story_versions v ON v.id = l.version_id"
        " LEFT JOIN about a ON a.version_id = l.version_id"
        " ORDER BY coalesce(s.published, s.first_seen), s.id"
    ).fetchall()


def tracking_thread_members(con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """{story_id: thread_id} of every story already in a thread."""
    rows = con.execute("SELECT id, thread_id FROM stories WHERE thread_id IS NOT NULL").fetchall()
    return {story_id: thread_id for story_id, thread_id in rows}


def tracking_pins(con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """{story_id: thread_id} of the stories an editor put in a thread by hand."""
    return dict(con.execute("SELECT story_id, thread_id FROM story_pins").fetchall())


def tracking_save_threads(
    con: duckdb.DuckDBPyConnection,
    threads: list[tuple[int | None, str, list[int]]],
    links: list[tuple[int, int, float, str]] | tuple = (),
) -> list[int]:
    """Persist threads given as (existing thread id or None, title, story ids); their ids.

    A title set by hand is kept. Stories in no thread get `thread_id` NULL, and threads left
    with no story and no hand decision are deleted, so running it again with the same grouping
    changes nothing. `links` (story, linked_to, score, reason) replace the stored links.
    """
    ids = []
    for thread_id, title, _members in threads:
        if thread_id is None:
            row = con.execute(
                "INSERT INTO threads (title) VALUES (?) RETURNING id", [title]
            ).fetchone()
            thread_id = _row(row)[0]
        else:
            con.execute(
                "UPDATE threads SET title = ? WHERE id = ? AND NOT coalesce(title_by_hand, false)"
                " AND title <> ?",
                [title, thread_id, title],
            )
        ids.append(thread_id)
    story_ids = [s for (_t, _title, members) in threads for s in members]
    thread_ids = [t for t, (_x, _title, members) in zip(ids, threads, strict=True) for _ in members]
    con.execute(
        "UPDATE stories SET thread_id = NULL WHERE thread_id IS NOT NULL"
        " AND NOT list_contains(?, id)",
        [story_ids],
    )
    if story_ids:
        con.execute(
            "UPDATE stories SET thread_id = m.thread_id"
            " FROM (SELECT unnest(?) AS story_id, unnest(?) AS thread_id) m"
            " WHERE stories.id = m.story_id AND stories.thread_id IS DISTINCT FROM m.thread_id",
            [story_ids, thread_ids],
        )
    con.execute(
        "DELETE FROM threads WHERE id NOT IN"
        " (SELECT thread_id FROM stories WHERE thread_id IS NOT NULL)"
        " AND id NOT IN (SELECT thread_id FROM story_pins)"
    )
    con.execute("DELETE FROM thread_links")
    if links:
        con.execute(
            "INSERT INTO thread_links (story_id, linked_to, score, reason)"
            " SELECT unnest(?), unnest(?), unnest(?), unnest(?)",
            [
                [x[0] for x in links],
                [x[1] for x in links],
                [x[2] for x in links],
                [x[3] for x in links],
            ],
        )
    return ids


def tracking_threads(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Stored threads of two stories or more: (thread id, title, [story ids oldest first],
    [stations], [reasons]), newest activity first."""
    return con.execute(
        "SELECT t.id, t.title,"
        "  list(s.id ORDER BY coalesce(s.published, s.first_seen), s.id) AS stories,"
        "  list(DISTINCT f.station ORDER BY f.station) AS stations,"
        "  coalesce(list('story ' || s.id || ' joins story ' || k.linked_to || ' (score '"
        "       || printf('%.2f', k.score) || '): ' || k.reason"
        "       ORDER BY coalesce(s.published, s.first_seen), s.id)"
        "   FILTER (WHERE k.story_id IS NOT NULL), [])"
        "  || coalesce(list('story ' || s.id || ' put in this thread by hand' ORDER BY s.id)"
        "   FILTER (WHERE p.story_id IS NOT NULL), []) AS reasons"
        " FROM threads t JOIN stories s ON s.thread_id = t.id JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN thread_links k ON k.story_id = s.id"
        " LEFT JOIN story_pins p ON p.story_id = s.id AND p.thread_id = t.id"
        " GROUP BY t.id, t.title HAVING count(*) > 1"
        " ORDER BY max(coalesce(s.published, s.first_seen)) DESC, t.id DESC"
    ).fetchall()


def tracking_thread_exists(con: duckdb.DuckDBPyConnection, thread_id: int) -> bool:
    return bool(
        _row(con.execute("SELECT count(*) FROM threads WHERE id = ?", [thread_id]).fetchone())[0]
    )


def tracking_thread_story_ids(con: duckdb.DuckDBPyConnection, thread_id: int) -> list[int]:
    """The stories of a thread, oldest first."""
    return [
        r[0]
        for r in con.execute(
            "SELECT id FROM stories WHERE thread_id = ?"
            " ORDER BY coalesce(published, first_seen), id",
            [thread_id],
        ).fetchall()
    ]


def tracking_story_thread(con: duckdb.DuckDBPyConnection, story_id: int) -> tuple | None:
    """(thread_id or None,) of a story; None when there is no such story."""
    return con.execute("SELECT thread_id FROM stories WHERE id = ?", [story_id]).fetchone()


def tracking_story_title(con: duckdb.DuckDBPyConnection, story_id: int) -> str:
    return _row(con.execute("SELECT title FROM stories WHERE id = ?", [story_id]).fetchone())[0]


def tracking_new_thread(con: duckdb.DuckDBPyConnection, title: str) -> int:
    return _row(
        con.execute("INSERT INTO threads (title) VALUES (?) RETURNING id", [title]).fetchone()
    )[0]


def tracking_rename(con: duckdb.DuckDBPyConnection, thread_id: int, title: str) -> None:
    con.execute(
        "UPDATE threads SET title = ?, title_by_hand = true WHERE id = ?", [title, thread_id]
    )


def tracking_record_decision(
    con: duckdb.DuckDBPyConnection,
    action: str,
    thread_id: int | None,
    story_ids: list[int],
    *,
    title: str | None = None,
    editor: str | None = None,
    note: str | None = None,
) -> int:
    """One hand decision for the audit trail; its id."""
    return _row(
        con.execute(
            "INSERT INTO thread_decisions (action, thread_id, story_ids, title, editor, note)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            [action, thread_id, story_ids, title, editor, note],
        ).fetchone()
    )[0]


def tracking_pin(
    con: duckdb.DuckDBPyConnection, story_ids: list[int], thread_id: int, decision_id: int
) -> None:
    """Pin stories to a thread (a later decision replaces an earlier pin)."""
    if story_ids:
        con.execute(
            "INSERT OR REPLACE INTO story_pins (story_id, thread_id, decision_id)"
            " SELECT unnest(?), ?, ?",
            [list(story_ids), thread_id, decision_id],
        )


def tracking_decisions(con: duckdb.DuckDBPyConnection, thread_id: int | None = None) -> list[tuple]:
    """(id, action, thread, story ids, title, editor, note, decided_at), newest first."""
    return con.execute(
        "SELECT id, action, thread_id, story_ids, title, editor, note, decided_at"
        " FROM thread_decisions WHERE ? IS NULL OR thread_id = ?"
        " ORDER BY id DESC",
        [thread_id, thread_id],
    ).fetchall()


def tracking_thread_claims(
    con: duckdb.DuckDBPyConnection, story_ids: list[int], *, mode: str = "now"
) -> list[tuple]:
    """Claims of the latest versions of these stories with their checks, in time order:
    (story, station, text, low, high, change, subject, verdict, metric, official,
    period_start, period_end, as_of, source, metric label, place, unit)."""
    return con.execute(
        "SELECT s.id, f.station, c.text, c.low, c.high, c.change, c.subject, k.verdict,"
        "  k.metric, k.official, k.period_start, k.period_end, k.as_of, k.source, m.label,"
        "  k.place, c.unit"
        " FROM claims c JOIN story_latest l ON l.version_id = c.version_id"
        " JOIN stories s ON s.id = c.story_id JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = ?"
        " LEFT JOIN metrics m ON m.metric = k.metric"
        " WHERE list_contains(?, s.id)"
        " ORDER BY coalesce(s.published, s.first_seen), s.id, c.seq",
        [mode, list(story_ids)],
    ).fetchall()


def tracking_timeline(con: duckdb.DuckDBPyConnection, story_ids: list[int]) -> list[tuple]:
    """What happened to these stories, in time order: (kind, story id, station, at, label) with
    kind `story` (published), `version` (a later version; "from the page" when re-fetched),
    `verdict` (a verdict a re-check changed), `status` (the desk's status) or `alert`."""
    return con.execute(
        "WITH s AS (SELECT s.id, f.station, coalesce(s.published, s.first_seen) AS born, s.title"
        "  FROM stories s JOIN feeds f ON f.id = s.feed_id WHERE list_contains(?, s.id))"
        " SELECT 'story', id, station, born, title FROM s"
        " UNION ALL SELECT 'version', v.story_id, s.station, v.fetched_at,"
        "  'version ' || v.version || CASE WHEN p.version_id IS NULL THEN ''"
        "   ELSE ' (from the page)' END"
        "  FROM story_versions v JOIN s ON s.id = v.story_id"
        "  LEFT JOIN page_versions p ON p.version_id = v.id WHERE v.version > 1"
        " UNION ALL SELECT 'verdict', c.story_id, s.station, h.changed_at,"
        "  c.text || ': ' || h.old_verdict || ' -> ' || h.new_verdict || ' (' || h.mode || ')'"
        "  FROM check_history h JOIN claims c ON c.id = h.claim_id JOIN s ON s.id = c.story_id"
        "  WHERE h.old_verdict IS NOT NULL AND h.old_verdict <> h.new_verdict"
        " UNION ALL SELECT 'status', x.story_id, s.station, x.changed_at, x.status"
        "  FROM story_status_changes x JOIN s ON s.id = x.story_id"
        " UNION ALL SELECT 'alert', a.story_id, s.station, a.created, a.kind"
        "  FROM alerts a JOIN s ON s.id = a.story_id"
        " ORDER BY 4, 2",
        [list(story_ids)],
    ).fetchall()


def tracking_versions(con: duckdb.DuckDBPyConnection, story_id: int) -> list[tuple]:
    """(version id, version, title, text, fetched_at) of every version of a story, in order."""
    return con.execute(
        "SELECT id, version, title, text, fetched_at FROM story_versions"
        " WHERE story_id = ? ORDER BY version",
        [story_id],
    ).fetchall()


def tracking_version_claims(
    con: duckdb.DuckDBPyConnection, version_id: int, *, mode: str = "now"
) -> list[tuple]:
    """(text, sentence, low, high, unit, change, speaker, verdict, official, subject, metric)
    in text order."""
    return con.execute(
        "SELECT c.text, c.sentence, c.low, c.high, c.unit, c.change, c.speaker,"
        "  k.verdict, k.official, c.subject, k.metric"
        " FROM claims c LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = ?"
        " WHERE c.version_id = ? ORDER BY c.seq",
        [mode, version_id],
    ).fetchall()


def tracking_speaker_claims(
    con: duckdb.DuckDBPyConnection,
    surname: str,
    *,
    mode: str = "now",
    before: datetime | None = None,
    limit: int = 500,
) -> list[tuple]:
    """Claims (of each story's latest version) whose speaker is, or ends with, `surname`.

    Newest first: (claim id, story id, title, when, speaker, text, sentence, unit, low, high,
    verdict, official, error_pct, explanation, metric).
    """
    return con.execute(
        "WITH latest AS (SELECT * FROM story_latest)"
        " SELECT c.id, s.id, s.title, coalesce(s.published, s.first_seen), c.speaker, c.text,"
        "  c.sentence, c.unit, c.low, c.high, k.verdict, k.official, k.error_pct,"
        "  k.explanation, k.metric"
        " FROM claims c JOIN latest l ON l.version_id = c.version_id"
        " JOIN stories s ON s.id = c.story_id"
        " LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = ?"
        " WHERE c.speaker IS NOT NULL"
        "  AND (lower(c.speaker) = lower(?) OR suffix(lower(c.speaker), ' ' || lower(?)))"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen) < ?)"
        " ORDER BY coalesce(s.published, s.first_seen) DESC, s.id DESC, c.seq"
        " LIMIT ?",
        [mode, surname, surname, before, before, limit],
    ).fetchall()


def tracking_verdict_changes(
    con: duckdb.DuckDBPyConnection,
    *,
    since: datetime | None = None,
    mode: str | None = None,
    limit: int = 500,
) -> list[tuple]:
    """Changes of an earlier verdict (the first check of a claim is not a change), newest first.

    (history id, claim id, story id, title, claim text, mode, old verdict, new verdict,
    old official, new official, reason, changed_at).
    """
    return con.execute(
        "SELECT h.id, h.claim_id, c.story_id, s.title, c.text, h.mode, h.old_verdict,"
        "  h.new_verdict, h.old_official, h.new_official, h.reason, h.changed_at"
        " FROM check_history h JOIN claims c ON c.id = h.claim_id"
        " JOIN stories s ON s.id = c.story_id"
        " WHERE h.old_verdict IS NOT NULL"
        "  AND (h.old_verdict <> h.new_verdict"
        "       OR h.old_official IS DISTINCT FROM h.new_official)"
        "  AND (? IS NULL OR h.changed_at >= ?)"
        "  AND (? IS NULL OR h.mode = ?)"
        " ORDER BY h.changed_at DESC, h.id DESC LIMIT ?",
        [since, since, mode, mode, limit],
    ).fetchall()


# article-page re-fetch (factcheck/refetch.py) -----------------------------------------------------


def refetch_feed_urls(con: duckdb.DuckDBPyConnection, feed_id: int) -> list[tuple[str, str | None]]:
    """(guid, url) of every story of a feed, to recognise a story reached through another link."""
    return con.execute("SELECT guid, url FROM stories WHERE feed_id = ?", [feed_id]).fetchall()


def refetch_due(
    con: duckdb.DuckDBPyConnection,
    *,
    now: datetime,
    ratio: float,
    min_seconds: float,
    max_seconds: float,
    stop_seconds: float,
    limit: int,
) -> list[tuple]:
    """Stories whose article page is due to be read again, the longest waiting first:
    (story, url, title, latest version id, its text, its content hash, last page hash,
    published). Due when the time since the page (or the version) was last read is at least
    the story's age times `ratio`, kept within [min_seconds, max_seconds]; never once the story
    is older than `stop_seconds`. Bundled (demo) feeds are never fetched."""
    return con.execute(
        "WITH base AS (SELECT s.id, s.url, v.title, v.id AS vid, v.text, v.content_hash,"
        "  p.page_hash, coalesce(s.published, s.first_seen) AS born,"
        "  coalesce(p.last_fetched_at, v.fetched_at) AS last"
        "  FROM stories s JOIN feeds f ON f.id = s.feed_id"
        "  JOIN story_latest l ON l.story_id = s.id JOIN story_versions v ON v.id = l.version_id"
        "  LEFT JOIN page_fetches p ON p.story_id = s.id"
        "  WHERE (s.url ILIKE 'http://%' OR s.url ILIKE 'https://%') AND f.url NOT LIKE 'demo:%')"
        " SELECT id, url, title, vid, text, content_hash, page_hash, born FROM base"
        " WHERE epoch(CAST(? AS TIMESTAMP)) - epoch(born) <= ?"
        "  AND epoch(CAST(? AS TIMESTAMP)) - epoch(last) >= greatest(?, least(?,"
        "      greatest(epoch(CAST(? AS TIMESTAMP)) - epoch(born), 0) * ?))"
        " ORDER BY last, id LIMIT ?",
        [now, stop_seconds, now, min_seconds, max_seconds, now, ratio, limit],
    ).fetchall()


def refetch_next_due(
    con: duckdb.DuckDBPyConnection,
    *,
    now: datetime,
    ratio: float,
    min_seconds: float,
    max_seconds: float,
    stop_seconds: float,
) -> float | None:
    """Seconds from `now` until the next page falls due by the rule of `refetch_due` (0 or
    less: one is due now); None when no stored page will be read again."""
    return _row(
        con.execute(
            "WITH base AS (SELECT coalesce(s.published, s.first_seen) AS born,"
            "  coalesce(p.last_fetched_at, v.fetched_at) AS last"
            "  FROM stories s JOIN feeds f ON f.id = s.feed_id"
            "  JOIN story_latest l ON l.story_id = s.id JOIN story_versions v ON v.id = l.version_id"
            "  LEFT JOIN page_fetches p ON p.story_id = s.id"
            "  WHERE (s.url ILIKE 'http://%' OR s.url ILIKE 'https://%') AND f.url NOT LIKE 'demo:%')"
            " SELECT min(epoch(last) + greatest(?, least(?,"
            "   greatest(epoch(CAST(? AS TIMESTAMP)) - epoch(born), 0) * ?))"
            "   - epoch(CAST(? AS TIMESTAMP)))"
            " FROM base WHERE epoch(CAST(? AS TIMESTAMP)) - epoch(born) <= ?",
            [min_seconds, max_seconds, now, ratio, now, now, stop_seconds],
        ).fetchone()
    )[0]


def refetch_version_values(con: duckdb.DuckDBPyConnection, version_id: int) -> list[tuple]:
    """(low, high, unit) of a version's claims, rounded as refetch.py compares them."""
    return [
        (round(lo, 6), round(hi, 6), unit)
        for lo, hi, unit in con.execute(
            "SELECT low, high, unit FROM claims WHERE version_id = ?", [version_id]
        ).fetchall()
    ]


def refetch_add_version(
    con: duckdb.DuckDBPyConnection,
    story_id: int,
    expected_version_id: int,
    *,
    title: str,
    text: str,
    content_hash: str,
    fetched_at: datetime,
    url: str,
) -> tuple[int, int] | None:
    """Add a version read from the article page, only while `expected_version_id` is still the
    story's latest (a concurrent poll may have added one); (version id, version) or None."""
    row = con.execute(
        "INSERT INTO story_versions (story_id, version, title, text, content_hash, fetched_at)"
        " SELECT ?, max(version) + 1, ?, ?, ?, ? FROM story_versions WHERE story_id = ?"
        " HAVING arg_max(id, version) = ?"
        " RETURNING id, version",
        [story_id, title, text, content_hash, fetched_at, story_id, expected_version_id],
    ).fetchone()
    if row:
        con.execute("INSERT INTO page_versions (version_id, url) VALUES (?, ?)", [row[0], url])
    return (row[0], row[1]) if row else None


def refetch_record(
    con: duckdb.DuckDBPyConnection,
    story_id: int,
    fetched_at: datetime,
    page_hash: str | None,
    error: str | None,
) -> None:
    """When a story's page was last read, what it said (its hash) or why it could not be read."""
    con.execute(
        "INSERT INTO page_fetches (story_id, last_fetched_at, page_hash, fetches, last_error)"
        " VALUES (?, ?, ?, 1, ?) ON CONFLICT (story_id) DO UPDATE SET"
        " last_fetched_at = excluded.last_fetched_at, page_hash = excluded.page_hash,"
        " fetches = page_fetches.fetches + 1, last_error = excluded.last_error",
        [story_id, fetched_at, page_hash, error],
    )


# status and alerts -----------------------------------------------------------------------------
# The desk's status of each story (factcheck/tracking/status.py) and the alerts found from the
# store (factcheck/tracking/alerts.py): each source is one set-based query.


def status_story_exists(con: duckdb.DuckDBPyConnection, story_id: int) -> bool:
    return bool(
        _row(con.execute("SELECT count(*) FROM stories WHERE id = ?", [story_id]).fetchone())[0]
    )


def status_current(con: duckdb.DuckDBPyConnection, story_id: int) -> str:
    """A story's current status; `new` when nobody has set one."""
    row = con.execute("SELECT status FROM story_status WHERE story_id = ?", [story_id]).fetchone()
    return row[0] if row else "new"


def status_insert(
    con: duckdb.DuckDBPyConnection,
    story_id: int,
    old: str,
    new: str,
    *,
    editor: str | None,
    note: str | None,
) -> tuple:
    """Record a status change: (story_id, old, new, editor, note, changed_at)."""
    # Naive UTC, as the store keeps every time (versions' fetched_at is compared with it).
    now = datetime.now(UTC).replace(tzinfo=None)
    return _row(
        con.execute(
            "INSERT INTO story_status_changes (story_id, old_status, status, editor, note, changed_at)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " RETURNING story_id, old_status, status, editor, note, changed_at",
            [story_id, old, new, editor, note, now],
        ).fetchone()
    )


def status_history(con: duckdb.DuckDBPyConnection, story_id: int) -> list[tuple]:
    """(story_id, old, new, editor, note, changed_at) of a story, newest first."""
    return con.execute(
        "SELECT story_id, old_status, status, editor, note, changed_at"
        " FROM story_status_changes WHERE story_id = ? ORDER BY id DESC",
        [story_id],
    ).fetchall()


def alerts_verdict_changes(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Verdict changes of claims in stories' latest versions, and revisions of the official
    value behind a verdict that stood (as of now): (history id, claim, story, title, station,
    claim text, mode, old, new, old official, new official, reason, changed_at, story
    status)."""
    return con.execute(
        "SELECT h.id, h.claim_id, s.id, s.title, f.station, c.text, h.mode, h.old_verdict,"
        "  h.new_verdict, h.old_official, h.new_official, h.reason, h.changed_at,"
        "  coalesce(st.status, 'new')"
        " FROM check_history h JOIN claims c ON c.id = h.claim_id"
        " JOIN story_latest l ON l.version_id = c.version_id"
        " JOIN stories s ON s.id = c.story_id JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN story_status st ON st.story_id = s.id"
        " WHERE h.old_verdict IS NOT NULL AND (h.old_verdict <> h.new_verdict"
        "  OR (h.mode = 'now' AND h.old_official IS NOT NULL AND h.new_official IS NOT NULL"
        "      AND h.old_official <> h.new_official))"
        " ORDER BY h.id"
    ).fetchall()


def alerts_changed_after_verified(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Versions stored after their story was last marked verified or aired: (story, version
    id, version, fetched_at, title, station, marked_at, status it was marked)."""
    return con.execute(
        "WITH marked AS (SELECT story_id, max(changed_at) AS at,"
        "  arg_max(status, changed_at) AS status FROM story_status_changes"
        "  WHERE status IN ('verified', 'aired') GROUP BY story_id)"
        " SELECT v.story_id, v.id, v.version, v.fetched_at, s.title, f.station, m.at, m.status"
        " FROM marked m JOIN story_versions v ON v.story_id = m.story_id AND v.fetched_at > m.at"
        " JOIN stories s ON s.id = v.story_id JOIN feeds f ON f.id = s.feed_id"
        " WHERE v.version > 1 ORDER BY v.id"
    ).fetchall()


def alerts_repeated_inaccurate(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Inaccurate claims (as of now) of latest versions that repeat an earlier story's
    inaccurate claim on the same series, place and period with a value within 2%: (claim,
    story, title, station, when, text, earlier story, its title, its station, its when,
    official), the earliest earlier claim first."""
    return con.execute(
        "WITH x AS (SELECT c.id, c.story_id, s.title, f.station, s.feed_id,"
        "  coalesce(s.published, s.first_seen) AS at, c.text, (c.low + c.high) / 2 AS mid,"
        "  c.change, k.metric, k.place, k.period_start, k.period_end, k.official"
        "  FROM claims c JOIN story_latest l ON l.version_id = c.version_id"
        "  JOIN stories s ON s.id = c.story_id JOIN feeds f ON f.id = s.feed_id"
        "  JOIN checks k ON k.claim_id = c.id AND k.mode = 'now'"
        "  WHERE k.verdict = 'inaccurate' AND k.metric IS NOT NULL)"
        " SELECT b.id, b.story_id, b.title, b.station, b.at, b.text, a.story_id, a.title,"
        "  a.station, a.at, b.official"
        " FROM x b JOIN x a ON a.metric = b.metric AND a.change = b.change"
        "  AND a.place IS NOT DISTINCT FROM b.place"
        "  AND a.period_start IS NOT DISTINCT FROM b.period_start"
        "  AND a.period_end IS NOT DISTINCT FROM b.period_end"
        "  AND a.story_id <> b.story_id"
        "  AND (a.at < b.at OR (a.at = b.at AND a.story_id < b.story_id))"
        "  AND abs(a.mid - b.mid) <= 0.02 * greatest(abs(a.mid), abs(b.mid))"
        " ORDER BY b.id, a.at, a.story_id"
    ).fetchall()


def alerts_speaker_claims(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Claims of latest versions with a speaker: (claim, story, title, station, when, speaker,
    text, low, high, qualifier, unit, change, subject, period, metric, period_start,
    period_end), the last three from the "now" check."""
    return con.execute(
        "SELECT c.id, s.id, s.title, f.station, coalesce(s.published, s.first_seen), c.speaker,"
        "  c.text, c.low, c.high, c.qualifier, c.unit, c.change, c.subject, c.period, k.metric,"
        "  CASE WHEN k.metric IS NOT NULL THEN k.period_start END,"
        "  CASE WHEN k.metric IS NOT NULL THEN k.period_end END"
        " FROM claims c JOIN story_latest l ON l.version_id = c.version_id"
        " JOIN stories s ON s.id = c.story_id JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = 'now'"
        " WHERE c.speaker IS NOT NULL ORDER BY coalesce(s.published, s.first_seen), c.id"
    ).fetchall()


def alerts_findings_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Rows of the `findings` table (a story's own numbers that disagree) as dicts; none while
    that table does not exist."""
    exists = _row(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'findings'"
        ).fetchone()
    )[0]
    if not exists:
        return []
    cur = con.execute("SELECT * FROM findings")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def alerts_unknown_keys(con: duckdb.DuckDBPyConnection, keys: list[str]) -> set[str]:
    """The keys among `keys` that no stored alert has yet."""
    if not keys:
        return set()
    rows = con.execute(
        "SELECT k FROM (SELECT unnest(?::VARCHAR[]) AS k) WHERE k NOT IN (SELECT key FROM alerts)",
        [list(keys)],
    ).fetchall()
    return {r[0] for r in rows}


def alerts_save(con: duckdb.DuckDBPyConnection, alerts: list[tuple]) -> int:
    """Store (key, kind, story, claim, created, severity, message, action) rows whose key is
    new; how many were added."""
    if not alerts:
        return 0
    before = _row(con.execute("SELECT count(*) FROM alerts").fetchone())[0]
    cols = list(zip(*alerts, strict=True))
    con.execute(
        "INSERT INTO alerts (key, kind, story_id, claim_id, created, severity, message, action)"
        " SELECT * FROM (SELECT unnest(?) AS key, unnest(?), unnest(?::INTEGER[]),"
        "  unnest(?::INTEGER[]), unnest(?::TIMESTAMP[]), unnest(?), unnest(?), unnest(?))"
        " WHERE key NOT IN (SELECT key FROM alerts) ON CONFLICT (key) DO NOTHING",
        [list(c) for c in cols],
    )
    return _row(con.execute("SELECT count(*) FROM alerts").fetchone())[0] - before


def alerts_list(
    con: duckdb.DuckDBPyConnection,
    *,
    include_handled: bool = False,
    kind: str | None = None,
    limit: int = 500,
) -> list[tuple]:
    """Alerts newest first: (id, kind, story, claim, created, severity, message, action,
    handled_at, handled_by, handled_note, story title, station)."""
    return con.execute(
        "SELECT a.id, a.kind, a.story_id, a.claim_id, a.created, a.severity, a.message, a.action,"
        "  a.handled_at, a.handled_by, a.handled_note, s.title, f.station"
        " FROM alerts a LEFT JOIN stories s ON s.id = a.story_id"
        " LEFT JOIN feeds f ON f.id = s.feed_id"
        " WHERE (? OR a.handled_at IS NULL) AND (? IS NULL OR a.kind = ?)"
        " ORDER BY a.created DESC, a.id DESC LIMIT ?",
        [include_handled, kind, kind, limit],
    ).fetchall()


def alerts_handle(
    con: duckdb.DuckDBPyConnection, alert_id: int, by: str | None, note: str | None
) -> bool:
    """Mark an open alert handled; False when there is no such open alert."""
    row = con.execute(
        "UPDATE alerts SET handled_at = current_timestamp, handled_by = ?, handled_note = ?"
        " WHERE id = ? AND handled_at IS NULL RETURNING id",
        [by, note, alert_id],
    ).fetchone()
    return row is not None


# app queries ------------------------------------------------------------------------------------
# Read-side queries of the Streamlit pages. Filters are optional: each one is passed twice,
# `(? IS NULL OR column = ?)`, so one fixed statement serves every combination of filters and no
# value is ever pasted into the SQL. Results are pandas DataFrames (the pages draw them as they are).


def app_inbox(
    con: duckdb.DuckDBPyConnection,
    *,
    mode: str = "now",
    station: str | None = None,
    status: str | None = None,
    verdict: str | None = None,
    since: date | None = None,
    until: date | None = None,
    desk_status: str | None = None,
    limit: int = 200,
):
    """Newest stories with claim and verdict counts of their latest version, and desk status;
    at most `limit` rows, the column `total` says how many stories match the filters in all.

    `status` is `new` (one version) or `changed` (more than one); `verdict` keeps stories with at
    least one claim of that verdict; `since`/`until` bound the published day (inclusive).
    """
    sql = (
        "WITH latest AS (SELECT * FROM story_latest),"
        " per_story AS ("
        "  SELECT c.story_id, count(*) AS claims,"
        "   count(*) FILTER (WHERE k.verdict = 'accurate') AS accurate,"
        "   count(*) FILTER (WHERE k.verdict = 'inaccurate') AS inaccurate,"
        "   count(*) FILTER (WHERE k.verdict = 'unverifiable' OR k.verdict IS NULL)"
        "    AS unverifiable"
        "  FROM claims c JOIN latest l ON l.version_id = c.version_id"
        "  LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = ?"
        "  GROUP BY c.story_id)"
        " SELECT s.id, f.station, coalesce(s.published, s.first_seen) AS published, s.title,"
        "  s.url, coalesce(l.versions, 0) AS versions, coalesce(p.claims, 0) AS claims,"
        "  coalesce(p.accurate, 0) AS accurate, coalesce(p.inaccurate, 0) AS inaccurate,"
        "  coalesce(p.unverifiable, 0) AS unverifiable,"
        "  coalesce(ss.status, 'new') AS desk_status, count(*) OVER () AS total"
        " FROM stories s JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN latest l ON l.story_id = s.id"
        " LEFT JOIN per_story p ON p.story_id = s.id"
        " LEFT JOIN story_status ss ON ss.story_id = s.id"
        " WHERE (? IS NULL OR f.station = ?)"
        "  AND (? IS NULL OR (? = 'changed' AND l.versions > 1)"
        "       OR (? = 'new' AND coalesce(l.versions, 0) <= 1))"
        "  AND (? IS NULL OR (? = 'accurate' AND p.accurate > 0)"
        "       OR (? = 'inaccurate' AND p.inaccurate > 0)"
        "       OR (? = 'unverifiable' AND p.unverifiable > 0))"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen) >= CAST(? AS DATE))"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen)"
        "       < CAST(? AS DATE) + INTERVAL 1 DAY)"
        "  AND (? IS NULL OR coalesce(ss.status, 'new') = ?)"
        " ORDER BY coalesce(s.published, s.first_seen) DESC, s.id DESC LIMIT ?"
    )
    params: list[object] = [mode, station, station, status, status, status]
    params += [verdict] * 4 + [since, since, until, until, desk_status, desk_status, limit]
    return con.execute(sql, params).df()


def app_filter_options(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """The values the pages' filters offer: stations, speakers, metrics and the date span."""
    stations = [
        r[0] for r in con.execute("SELECT DISTINCT station FROM feeds ORDER BY 1").fetchall()
    ]
    speakers = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT speaker FROM claims WHERE speaker IS NOT NULL ORDER BY 1 LIMIT 2000"
        ).fetchall()
    ]
    metrics = [
        r[0]
        for r in con.execute(
            "SELECT metric FROM metrics UNION SELECT DISTINCT metric FROM figures ORDER BY 1"
        ).fetchall()
    ]
    span = con.execute(
        "SELECT min(coalesce(published, first_seen))::DATE, max(coalesce(published, first_seen))::DATE"
        " FROM stories"
    ).fetchone()
    return {"stations": stations, "speakers": speakers, "metrics": metrics, "span": [*_row(span)]}


# Claims of each story's latest version with their stories, feeds and checks (one mode), and the
# filters of the Claims page; shared by the claims table and the mismatch chart.
_CLAIMS_JOIN = (
    " FROM claims c JOIN latest l ON l.version_id = c.version_id"
    " JOIN stories s ON s.id = c.story_id JOIN feeds f ON f.id = s.feed_id"
    " {join} checks k ON k.claim_id = c.id AND k.mode = ?"
)
_CLAIM_FILTERS = (
    " WHERE (? IS NULL OR k.verdict = ? OR (? = 'unverifiable' AND k.verdict IS NULL))"
    "  AND (? IS NULL OR f.station = ?)"
    "  AND (? IS NULL OR c.speaker = ?)"
    "  AND (? IS NULL OR k.metric = ?)"
    "  AND (? IS NULL OR coalesce(s.published, s.first_seen) >= CAST(? AS DATE))"
    "  AND (? IS NULL OR coalesce(s.published, s.first_seen) < CAST(? AS DATE) + INTERVAL 1 DAY)"
)


def _claim_filter_params(verdict, station, speaker, metric, since, until) -> list:
    # The order of the placeholders in the WHERE clause of app_claims and app_mismatches.
    return [verdict] * 3 + [station] * 2 + [speaker] * 2 + [metric] * 2 + [since] * 2 + [until] * 2


def app_claims(
    con: duckdb.DuckDBPyConnection,
    *,
    mode: str = "now",
    verdict: str | None = None,
    station: str | None = None,
    speaker: str | None = None,
    metric: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 500,
):
    """Claims of the latest version of every story with their check, newest first.

    At most `limit` rows; the column `total` says how many claims match the filters in all.
    """
    # Composed only of this module's constant SQL: nothing from a user reaches the text.
    sql = (
        "WITH latest AS (SELECT * FROM story_latest)"  # noqa: S608
        " SELECT c.id AS claim_id, s.id AS story_id, f.station,"
        "  coalesce(s.published, s.first_seen) AS published, s.title, s.url, c.text, c.sentence,"
        "  c.low, c.high, c.unit, c.qualifier, c.change, c.direction, c.period, c.speaker,"
        "  coalesce(k.verdict, 'unverifiable') AS verdict, k.metric, k.place, k.official,"
        "  k.error_pct, k.period_start, k.period_end, k.source, k.source_url, k.as_of,"
        "  k.explanation, coalesce(k.overridden, false) AS overridden,"
        "  count(*) OVER () AS total"
        + _CLAIMS_JOIN.format(join="LEFT JOIN")
        + _CLAIM_FILTERS
        + " ORDER BY coalesce(s.published, s.first_seen) DESC, c.story_id DESC, c.seq"
        " LIMIT ?"
    )
    params = [mode, *_claim_filter_params(verdict, station, speaker, metric, since, until), limit]
    return con.execute(sql, params).df()


def app_mismatches(
    con: duckdb.DuckDBPyConnection,
    *,
    mode: str = "now",
    verdict: str | None = None,
    station: str | None = None,
    speaker: str | None = None,
    metric: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 400,
):
    """Inaccurate claims for the mismatch chart: claimed middle, official value and error.

    Cut down here, not in the chart, so a store of any size charts at most `limit` marks (Altair
    refuses more than 5000 embedded rows): the largest errors first, one mark per claim.
    """
    # Composed only of this module's constant SQL: nothing from a user reaches the text.
    sql = (
        "WITH latest AS (SELECT * FROM story_latest)"  # noqa: S608
        " SELECT c.id AS claim_id, s.id AS story_id, f.station, s.title, c.text,"
        "  coalesce(s.published, s.first_seen) AS published, k.metric, c.unit,"
        "  (c.low + c.high) / 2 AS claimed, c.low, c.high, c.qualifier, c.change, c.direction,"
        "  k.official, k.error_pct"
        + _CLAIMS_JOIN.format(join="JOIN")
        + _CLAIM_FILTERS
        + "  AND k.verdict = 'inaccurate' AND k.official IS NOT NULL AND k.error_pct IS NOT NULL"
        " ORDER BY abs(k.error_pct) DESC LIMIT ?"
    )
    params = [mode, *_claim_filter_params(verdict, station, speaker, metric, since, until), limit]
    return con.execute(sql, params).df()


def app_verdict_totals(con: duckdb.DuckDBPyConnection, *, mode: str = "now") -> dict[str, int]:
    """How many claims of latest versions have each verdict."""
    rows = con.execute(
        "WITH latest AS (SELECT * FROM story_latest)"
        " SELECT coalesce(k.verdict, 'unverifiable'), count(*)"
        " FROM claims c JOIN latest l ON l.version_id = c.version_id"
        " LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = ? GROUP BY 1",
        [mode],
    ).fetchall()
    return {verdict: n for verdict, n in rows}


def app_story_choices(con: duckdb.DuckDBPyConnection, limit: int = 500) -> list[tuple]:
    """(id, station, published, title) of the newest stories, for a story picker."""
    return con.execute(
        "SELECT s.id, f.station, coalesce(s.published, s.first_seen), s.title"
        " FROM stories s JOIN feeds f ON f.id = s.feed_id"
        " ORDER BY coalesce(s.published, s.first_seen) DESC, s.id DESC LIMIT ?",
        [limit],
    ).fetchall()


def app_story(con: duckdb.DuckDBPyConnection, story_id: int) -> dict | None:
    """One story with the text of its latest version, its station and place."""
    row = con.execute(
        "WITH latest AS (SELECT * FROM story_latest)"
        " SELECT s.id, s.title, s.url, s.author, coalesce(s.published, s.first_seen),"
        "  f.station, f.place, v.text, v.id, l.versions, s.thread_id"
        " FROM stories s JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN latest l ON l.story_id = s.id"
        " LEFT JOIN story_versions v ON v.id = l.version_id WHERE s.id = ?",
        [story_id],
    ).fetchone()
    if row is None:
        return None
    keys = (
        "id",
        "title",
        "url",
        "author",
        "published",
        "station",
        "place",
        "text",
        "version_id",
        "versions",
        "thread_id",
    )
    return dict(zip(keys, row, strict=True))


def app_story_claims(con: duckdb.DuckDBPyConnection, version_id: int, *, mode: str = "now"):
    """The claims of one story version in text order, each with its check (or none yet)."""
    rows = con.execute(
        "SELECT c.id, c.text, c.start_char, c.end_char, c.sentence, c.low, c.high, c.unit,"
        "  c.qualifier, c.subject, c.change, c.direction, c.period, c.speaker, c.hedge, c.place,"
        "  c.base, k.verdict, k.metric, k.place, k.official, k.period_start, k.period_end, k.error_pct,"
        "  k.source, k.source_url, k.as_of, k.explanation, k.compare_start, k.compare_end,"
        "  k.reason"
        " FROM claims c LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = ?"
        " WHERE c.version_id = ? ORDER BY c.seq",
        [mode, version_id],
    ).fetchall()
    out = []
    for r in rows:
        claim = Claim(
            text=r[1],
            start=r[2],
            end=r[3],
            sentence=r[4],
            low=r[5],
            high=r[6],
            unit=r[7],
            qualifier=r[8],
            subject=r[9],
            change=r[10],
            direction=r[11],
            period=r[12],
            speaker=r[13],
            hedge=r[14],
            place=r[15],
            base=r[16],
        )
        check = Check(
            verdict=r[17] or "unverifiable",
            metric=r[18],
            place=r[19],
            official=r[20],
            period_start=r[21],
            period_end=r[22],
            error_pct=r[23],
            source=r[24],
            source_url=r[25],
            as_of=r[26],
            explanation=r[27] or "Not checked yet.",
            compare_start=r[28],
            compare_end=r[29],
            reason=r[30],
        )
        out.append((r[0], claim, check))
    return out


def app_claim_notes(con: duckdb.DuckDBPyConnection, claim_ids: list[int]) -> dict[int, list]:
    """Notes on each of these claims, oldest first: {claim_id: [(body, author, created_at)]}."""
    rows = con.execute(
        "SELECT claim_id, body, author, created_at FROM notes"
        " WHERE list_contains(?, claim_id) ORDER BY created_at, id",
        [list(claim_ids)],
    ).fetchall()
    out: dict[int, list] = {}
    for claim_id, body, author, created in rows:
        out.setdefault(claim_id, []).append((body, author, created))
    return out


def app_add_note(
    con: duckdb.DuckDBPyConnection,
    *,
    story_id: int | None,
    claim_id: int | None,
    body: str,
    author: str | None = None,
) -> int:
    """Record a reporter's note (for instance "verified: called the police press office")."""
    row = con.execute(
        "INSERT INTO notes (story_id, claim_id, body, author) VALUES (?, ?, ?, ?) RETURNING id",
        [story_id, claim_id, body, author],
    ).fetchone()
    return _row(row)[0]


def app_series(con: duckdb.DuckDBPyConnection):
    """Every official series (metric and place) with its span, size and provenance."""
    return con.execute(
        "SELECT f.metric, f.place, any_value(m.label) AS label,"
        "  coalesce(any_value(m.unit), any_value(f.unit)) AS unit, count(*) AS rows,"
        "  min(f.period_start) AS first_period, max(f.period_end) AS last_period,"
        "  max(f.as_of) AS latest_as_of, string_agg(DISTINCT f.source, '; ') AS sources,"
        "  string_agg(DISTINCT f.source_url, ' ') AS source_urls"
        " FROM figures f LEFT JOIN metrics m ON m.metric = f.metric"
        " GROUP BY f.metric, f.place ORDER BY f.metric, f.place"
    ).df()


def app_series_figures(
    con: duckdb.DuckDBPyConnection, metric: str, place: str, *, all_vintages: bool = False
):
    """The rows of one series in period order: the latest vintage of each period, or all."""
    return con.execute(
        "SELECT id, metric, place, period_start, period_end, value, unit, source, source_url,"
        "  as_of, notes,"
        "  row_number() OVER (PARTITION BY period_start, period_end ORDER BY as_of DESC) = 1"
        "   AS latest"
        " FROM figures WHERE metric = ? AND place = ?"
        " QUALIFY ? OR latest"
        " ORDER BY period_start, period_end, as_of",
        [metric, place, all_vintages],
    ).df()


def app_metrics(con: duckdb.DuckDBPyConnection):
    """The metrics catalogue with its aliases, and how many figure rows each metric has."""
    return con.execute(
        "SELECT m.metric, m.label, m.unit, m.aliases,"
        "  (SELECT count(*) FROM figures f WHERE f.metric = m.metric) AS figure_rows"
        " FROM metrics m ORDER BY m.metric"
    ).df()


def app_place_aliases(con: duckdb.DuckDBPyConnection):
    return con.execute("SELECT alias, place FROM place_aliases ORDER BY place, alias").df()


def app_figure_edits(con: duckdb.DuckDBPyConnection, limit: int = 200):
    """The audit trail of figure edits, newest first."""
    return con.execute(
        "SELECT e.edited_at, e.figure_id, f.metric, f.place, f.period_start, f.period_end,"
        "  e.field, e.old_value, e.new_value, e.editor, e.note"
        " FROM figure_edits e LEFT JOIN figures f ON f.id = e.figure_id"
        " ORDER BY e.edited_at DESC, e.id DESC LIMIT ?",
        [limit],
    ).df()


def app_demo_loaded(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether illustrative (demo) figures are in the store: the sidebar then says so."""
    row = con.execute(
        "SELECT count(*) FROM figures WHERE source ILIKE '%illustrative%'"
        " OR notes ILIKE '%illustrative%'"
    ).fetchone()
    return bool(_row(row)[0])


def app_record_figure_edits(con: duckdb.DuckDBPyConnection, edits: list[tuple]) -> int:
    """Append to the audit trail: (figure_id, field, old_value, new_value, editor, note) rows."""
    if edits:
        con.executemany(
            "INSERT INTO figure_edits (figure_id, field, old_value, new_value, editor, note)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [list(e) for e in edits],
        )
    return len(edits)


def app_fill_synthetic(
    con: duckdb.DuckDBPyConnection, *, stories: int, claims_per_story: int, feeds: int = 5
) -> dict[str, int]:
    """Fill a store with synthetic stations, stories, claims and checks (benchmarks only).

    Set-based (INSERT ... SELECT over range()), so 10,000 stories and 50,000 claims take about a
    second. Every synthetic row is marked: feed URLs under https://bench.invalid/, guids 'bench-'.
    """
    con.execute(
        "INSERT INTO feeds (url, station, place)"
        " SELECT 'https://bench.invalid/' || i || '/rss', 'BENCH ' || i, 'Birmingham, Ala.'"
        " FROM range(?) t(i)",
        [feeds],
    )
    con.execute(
        "INSERT INTO stories (feed_id, guid, url, title, published)"
        " SELECT f.id, 'bench-' || i, 'https://bench.invalid/story/' || i,"
        "  'Synthetic story ' || i || ': guns seized and crime numbers',"
        "  TIMESTAMP '2025-01-01' + to_minutes(CAST(i * 47 AS BIGINT))"
        " FROM range(?) t(i)"
        " JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM feeds"
        "       WHERE url LIKE 'https://bench.invalid/%') f ON f.k = i % ?",
        [stories, feeds],
    )
    con.execute(
        "INSERT INTO story_versions (story_id, version, title, text, content_hash)"
        " SELECT id, 1, title, 'Police seized more than 1500 guns this year, Chief Ana Ruiz said.'"
        "  || ' Crime is down 12 percent.', md5(guid) FROM stories WHERE guid LIKE 'bench-%'"
    )
    con.execute(
        "INSERT INTO claims (story_id, version_id, seq, text, start_char, end_char, sentence,"
        "  low, high, unit, qualifier, subject, change, speaker)"
        " SELECT v.story_id, v.id, j, 'more than ' || (1500 + j) || ' guns', 14, 33,"
        "  'Police seized more than 1500 guns this year.', 1500 + j, 1500 + j, 'count',"
        "  'more_than', 'gun', 'level', 'Chief Ana Ruiz ' || (v.story_id % 40)"
        " FROM story_versions v JOIN stories s ON s.id = v.story_id CROSS JOIN range(?) r(j)"
        " WHERE s.guid LIKE 'bench-%'",
        [claims_per_story],
    )
    con.execute(
        "INSERT INTO checks (claim_id, mode, verdict, metric, place, official, error_pct,"
        "  explanation, source, as_of)"
        " SELECT c.id, m.mode, CASE c.id % 3 WHEN 0 THEN 'accurate' WHEN 1 THEN 'inaccurate'"
        "  ELSE 'unverifiable' END,"
        "  CASE WHEN c.id % 3 < 2 THEN 'guns_seized' END, 'Birmingham, Ala.',"
        "  CASE WHEN c.id % 3 < 2 THEN 1200.0 + c.id % 500 END,"
        "  CASE WHEN c.id % 3 < 2 THEN (c.low - (1200.0 + c.id % 500)) / (1200.0 + c.id % 500)"
        "   * 100 END,"
        "  'Synthetic check.', 'Synthetic source', DATE '2025-06-01'"
        " FROM claims c JOIN stories s ON s.id = c.story_id"
        " CROSS JOIN (VALUES ('now'), ('aired')) m(mode) WHERE s.guid LIKE 'bench-%'"
    )
    row = con.execute(
        "SELECT (SELECT count(*) FROM stories WHERE guid LIKE 'bench-%'),"
        " (SELECT count(*) FROM claims c JOIN stories s ON s.id = c.story_id"
        "  WHERE s.guid LIKE 'bench-%')"
    ).fetchone()
    stories, claims = _row(row)
    return {"stories": stories, "claims": claims}


def app_series_summary(con: duckdb.DuckDBPyConnection, *, mode: str = "now"):
    """Per official series: how many claims were checked against it, how many were inaccurate,
    and the median size of their error, over the latest version of every story (one row per
    series, so the chart of it stays small whatever the store holds)."""
    return con.execute(
        "WITH latest AS (SELECT * FROM story_latest)"
        " SELECT k.metric, count(*) AS checked,"
        "  count(*) FILTER (WHERE k.verdict = 'inaccurate') AS inaccurate,"
        "  median(abs(k.error_pct)) FILTER (WHERE k.verdict = 'inaccurate') AS median_error"
        " FROM claims c JOIN latest l ON l.version_id = c.version_id"
        " JOIN checks k ON k.claim_id = c.id AND k.mode = ?"
        " WHERE k.metric IS NOT NULL GROUP BY k.metric ORDER BY inaccurate DESC, checked DESC",
        [mode],
    ).df()


# --- publisher files (factcheck.sources) ---------------------------------------------------------
# Each reads a file on a scratch connection, before the store's transaction opens: every cell as
# text with the file line it came from (validation decides what is a number and says where), so a
# bad cell is reported, never coerced. Column names come from the file's own header and are passed
# as parameters, renamed to c0, c1, ... by `names`: nothing from a file is pasted into SQL.


@contextmanager
def scratch() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory connection for reading publisher files."""
    con = duckdb.connect()
    try:
        yield con
    finally:
        con.close()


def _csv_args(path: Path, header: list[str], encoding: str, delim: str, skip: int) -> list:
    names = [f"c{i}" for i in range(len(header))]
    return [str(path), {n: "VARCHAR" for n in names}, delim, encoding, skip]


# read_csv with explicit (text) types, no sniffing; `skip` lines before the header.
_READ_CSV = (
    "read_csv(?, header = true, columns = ?, delim = ?, quote = '\"', escape = '\"',"
    " encoding = ?, skip = ?, auto_detect = false, strict_mode = true, null_padding = false,"
    " parallel = false, allow_quoted_nulls = false)"
)


def source_csv(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    header: list[str],
    *,
    encoding: str = "utf-8",
    delim: str = ",",
    skip: int = 0,
):
    """A publisher's CSV as text columns named as its header, plus `line`."""
    rel = con.execute(
        f"SELECT row_number() OVER () + ? AS line, * FROM {_READ_CSV}",  # noqa: S608 - constant
        [skip + 1, *_csv_args(path, header, encoding, delim, skip)],
    ).df()
    rel.columns = ["line", *header]
    return rel


def source_csv_long(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    header: list[str],
    keep: list[str],
    values: list[str],
    *,
    encoding: str = "utf-8",
    skip: int = 0,
):
    """A wide publisher CSV unpivoted: `line`, the `keep` columns, `column` (a header name of
    `values`) and `cell` (text, None when empty), one row per value cell."""
    idx = {name: i for i, name in enumerate(header)}
    keep_sql = ", ".join(f"c{idx[k]}" for k in keep)
    on_sql = ", ".join(f"c{idx[v]}" for v in values)
    frame = con.execute(
        f"WITH t AS (SELECT row_number() OVER () + ? AS line, * FROM {_READ_CSV})"  # noqa: S608
        f" SELECT line, {keep_sql}, col, cell FROM"
        f" (FROM t UNPIVOT INCLUDE NULLS (cell FOR col IN ({on_sql}))) ORDER BY line",
        [skip + 1, *_csv_args(path, header, encoding, ",", skip)],
    ).df()
    frame.columns = ["line", *keep, "column", "cell"]
    frame["column"] = frame["column"].map({f"c{idx[v]}": v for v in values})
    return frame


def source_lines(con: duckdb.DuckDBPyConnection, path: Path):
    """A text file as (line, text) rows, CR dropped (DOS line ends)."""
    return con.execute(
        "SELECT generate_subscripts(l, 1) AS line, unnest(l) AS text FROM"
        " (SELECT string_split(replace(content, chr(13), ''), chr(10)) AS l FROM read_text(?))",
        [str(path)],
    ).df()


# A county row of the BLS LAUS county text files: area code, state and county FIPS, "Name, ST",
# the period (a year in the annual files, "Sep-21" or "Oct-22(p)" in the 14-month one), labor
# force, employed, unemployed, rate. Columns are matched per line, not by position, so a year
# whose columns shift by a space, or the "|"-separated 14-month layout, reads the same.
_LAUS_ROW = (
    r"^\s*([A-Z]{2}[0-9]{13})\s+([0-9]{2})\s+([0-9]{3})\s+(.+?)\s+"
    r"([0-9]{4}|[A-Z][a-z]{2}-[0-9]{2}(?:\([pP]\))?)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$"
)
_LAUS_FIELDS = [
    "code",
    "state_fips",
    "county_fips",
    "name",
    "period",
    "labor_force",
    "employed",
    "unemployed",
    "unemployment_rate",
]


def source_laus_county_rows(con: duckdb.DuckDBPyConnection, path: Path):
    """The county rows of a BLS LAUS county text file: one row per line that starts with an area
    code, its fields split by SQL (all None where the line does not fit the layout)."""
    return con.execute(
        "WITH l AS (SELECT generate_subscripts(x, 1) AS line, unnest(x) AS t FROM"
        " (SELECT string_split(replace(content, chr(13), ''), chr(10)) AS x FROM read_text(?)))"
        " SELECT line, unnest(regexp_extract(replace(t, '|', ' '), ?, ?)), t AS text FROM l"
        " WHERE regexp_matches(t, '^\\s*[A-Z]{2}[0-9]{13}') ORDER BY line",
        [str(path), _LAUS_ROW, _LAUS_FIELDS],
    ).df()


def source_laus_flat(con: duckdb.DuckDBPyConnection, path: Path, header: list[str]):
    """A BLS `la.data.*` file decoded by SQL: the series id into adjusted (S/U), area type and
    code, measure; the period into its first and last day (M13: the year); the footnote's P.
    `ok` is false for a row whose id, year, period or value is not of the layout (the caller
    reports those by line)."""
    idx = {name: i for i, name in enumerate(header)}
    sid, year, period, value = (f"c{idx[c]}" for c in ("series_id", "year", "period", "value"))
    foot = f"c{idx['footnote_codes']}" if "footnote_codes" in idx else "NULL"
    return con.execute(
        f"WITH t AS (SELECT row_number() OVER () + 1 AS line, trim({sid}) AS sid,"  # noqa: S608
        f" trim({year}) AS year, trim({period}) AS period, trim({value}) AS value,"
        f" coalesce({foot}, '') AS foot FROM {_READ_CSV}),"
        " d AS (SELECT *, regexp_matches(sid, '^LA[US][A-Z]{2}[0-9]{15}$') AS id_ok,"
        " TRY_CAST(year AS INTEGER) AS y, TRY_CAST(substr(period, 2) AS INTEGER) AS m,"
        " TRY_CAST(replace(value, ',', '') AS DOUBLE) AS v FROM t)"
        " SELECT line, sid, year, period, value, id_ok, substr(sid, 3, 1) = 'S' AS adjusted,"
        " substr(sid, 4, 2) AS area_type, substr(sid, 4, 15) AS area, substr(sid, 19, 2) AS measure,"
        " (y IS NOT NULL AND length(year) = 4) AS year_ok,"
        " (regexp_matches(period, '^M[0-9]{2}$') AND m BETWEEN 1 AND 13) AS period_ok,"
        " v AS number, value IN ('', '-', '(n)', 'NA', 'N.A.') OR value IS NULL AS missing,"
        " CASE WHEN m = 13 THEN make_date(y, 1, 1) WHEN m BETWEEN 1 AND 12"
        "  THEN make_date(y, m, 1) END AS period_start,"
        " CASE WHEN m = 13 THEN make_date(y, 12, 31) WHEN m BETWEEN 1 AND 12"
        "  THEN last_day(make_date(y, m, 1)) END AS period_end,"
        " m = 13 AS annual, upper(foot) LIKE '%P%' AS preliminary FROM d ORDER BY line",
        _csv_args(path, header, "utf-8", "\t", 0),
    ).df()


def source_count_incidents(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    header: list[str],
    *,
    date_column: str,
    date_format: str,
    offense_column: str,
    place_column: str | None,
    key_columns: list[str],
    mapping: list[tuple[str, str]],
    encoding: str = "utf-8",
):
    """Count incident rows into (metric, place, month) counts, set-based, in one pass.

    Returns (counts frame: metric, place, month, n; extent: (first date, last date, rows,
    duplicates removed); bad dates: up to 5 (line, cell) of counted rows whose date does not
    parse; codes: the 10 commonest offense codes, when nothing was mapped)."""
    import pandas as pd

    idx = {name: i for i, name in enumerate(header)}
    d, o = f"c{idx[date_column]}", f"c{idx[offense_column]}"
    p = f"c{idx[place_column]}" if place_column else "NULL"
    keys = ", ".join(f"c{idx[k]}" for k in key_columns) or "line"
    con.register("_map_in", pd.DataFrame(mapping, columns=["code", "metric"]))
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _inc AS"  # noqa: S608 - names are c0, c1, ...
            f" WITH t AS (SELECT row_number() OVER () + 1 AS line, {d} AS d, trim({o}) AS code,"
            f" {p} AS place, {keys} FROM {_READ_CSV})"
            " SELECT t.*, m.metric, CAST(try_strptime(t.d, ?) AS DATE) AS day"
            " FROM t LEFT JOIN _map_in m ON m.code = t.code",
            [*_csv_args(path, header, encoding, ",", 0), date_format],
        )
        extent = con.execute("SELECT min(day), max(day), count(*) FROM _inc").fetchone()
        bad = con.execute(
            "SELECT line, d FROM _inc WHERE metric IS NOT NULL AND day IS NULL"
            " ORDER BY line LIMIT 5"
        ).fetchall()
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _inc_once AS SELECT * FROM _inc"  # noqa: S608
            " WHERE metric IS NOT NULL AND day IS NOT NULL"
            f" QUALIFY row_number() OVER (PARTITION BY metric, {keys} ORDER BY line) = 1"
        )
        row = con.execute(
            "SELECT (SELECT count(*) FROM _inc WHERE metric IS NOT NULL AND day IS NOT NULL)"
            " - (SELECT count(*) FROM _inc_once)"
        ).fetchone()
        dups = _row(row)[0]
        counts = con.execute(
            "SELECT metric, place, date_trunc('month', day) AS month, count(*) AS n"
            " FROM _inc_once GROUP BY ALL ORDER BY ALL"
        ).df()
        codes = []
        if counts.empty:
            codes = [
                r[0]
                for r in con.execute(
                    "SELECT code FROM _inc WHERE code IS NOT NULL GROUP BY code"
                    " ORDER BY count(*) DESC, code LIMIT 10"
                ).fetchall()
            ]
        con.execute("DROP TABLE IF EXISTS _inc")
        con.execute("DROP TABLE IF EXISTS _inc_once")
    finally:
        _unregister(con, "_map_in")
    first, last, rows = _row(extent)
    return counts, (first, last, rows, dups), bad, codes


# --- the story's own arithmetic (factcheck/arithmetic.py) --------------------------------------
# Findings are stored per story version, in the same transaction as that version's claims; a row
# in arithmetic_runs says a version was checked, with or without findings.


def insert_findings_batch(con: duckdb.DuckDBPyConnection, batches: list[tuple[int, int, list]]):
    """Store the findings of many versions, (story_id, version_id, findings) each, and mark each
    version checked; a version checked before is replaced. Returns how many findings."""
    import pyarrow as pa

    if not batches:
        return 0
    ref = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
    rows = [
        (story_id, version_id, seq, f)
        for story_id, version_id, found in batches
        for seq, f in enumerate(found, start=1)
    ]
    runs = pa.table(
        {
            "story_id": pa.array([b[0] for b in batches], pa.int32()),
            "version_id": pa.array([b[1] for b in batches], pa.int32()),
            "findings": pa.array([len(b[2]) for b in batches], pa.int32()),
        }
    )
    found = pa.table(
        {
            "story_id": pa.array([r[0] for r in rows], pa.int32()),
            "version_id": pa.array([r[1] for r in rows], pa.int32()),
            "seq": pa.array([r[2] for r in rows], pa.int32()),
            "kind": pa.array([r[3].kind for r in rows], pa.string()),
            "claims": pa.array(
                [
                    [{"text": c.text, "start": c.start, "end": c.end} for c in r[3].claims]
                    for r in rows
                ],
                pa.list_(ref),
            ),
            "stated": pa.array([float(r[3].stated) for r in rows], pa.float64()),
            "computed": pa.array([float(r[3].computed) for r in rows], pa.float64()),
            "explanation": pa.array([r[3].explanation for r in rows], pa.string()),
            "rule": pa.array([r[3].rule for r in rows], pa.string()),
        }
    )
    con.register("_new_runs", runs)
    con.register("_new_findings", found)
    try:
        con.execute("DELETE FROM findings WHERE version_id IN (SELECT version_id FROM _new_runs)")
        con.execute(
            "DELETE FROM arithmetic_runs WHERE version_id IN (SELECT version_id FROM _new_runs)"
        )
        con.execute(
            "INSERT INTO arithmetic_runs (version_id, story_id, findings)"
            " SELECT version_id, story_id, findings FROM _new_runs"
        )
        con.execute(
            "INSERT INTO findings (story_id, version_id, seq, kind, claims, stated, computed,"
            "  explanation, rule)"
            " SELECT story_id, version_id, seq, kind, claims, stated, computed, explanation, rule"
            " FROM _new_findings ORDER BY version_id, seq"
        )
    finally:
        _unregister(con, "_new_runs")
        _unregister(con, "_new_findings")
    return len(rows)


def versions_without_arithmetic(con: duckdb.DuckDBPyConnection) -> list[tuple[int, int, str]]:
    """(story_id, version_id, text) of every stored version not checked for findings yet."""
    return con.execute(
        "SELECT v.story_id, v.id, v.text FROM story_versions v"
        " ANTI JOIN arithmetic_runs r ON r.version_id = v.id ORDER BY v.id"
    ).fetchall()


def claims_by_version(con: duckdb.DuckDBPyConnection, version_ids: list[int]) -> dict[int, list]:
    """{version_id: [Claim, ...]} in text order, for the versions given."""
    if not version_ids:
        return {}
    rows = con.execute(
        "SELECT version_id, text, start_char, end_char, sentence, low, high, unit, qualifier,"
        "  subject, change, direction, period, speaker, hedge, place, base"
        " FROM claims WHERE list_contains(?, version_id) ORDER BY version_id, seq",
        [list(version_ids)],
    ).fetchall()
    out: dict[int, list] = {v: [] for v in version_ids}
    for r in rows:
        out[r[0]].append(Claim(*r[1:]))
    return out


def version_findings(con: duckdb.DuckDBPyConnection, version_id: int) -> list[dict]:
    """The findings of one story version in text order, as the `consistency` command prints them."""
    rows = con.execute(
        "SELECT kind, claims, stated, computed, explanation, rule FROM findings"
        " WHERE version_id = ? ORDER BY seq",
        [version_id],
    ).fetchall()
    keys = ("kind", "claims", "stated", "computed", "explanation", "rule")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def story_finding_counts(con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """{story_id: number of findings of its latest version}, for stories that have any."""
    rows = con.execute(
        "SELECT f.story_id, count(*) FROM findings f"
        " JOIN story_latest l ON l.version_id = f.version_id GROUP BY f.story_id"
    ).fetchall()
    return dict(rows)
