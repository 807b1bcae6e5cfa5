"""The one DuckDB store: connections, migrations, and every SQL statement of the project.

Concurrency: DuckDB lets one process hold a file read-write at a time. The app and a scheduled
`poll` share the file by holding it only briefly: every operation opens a connection, does its
work (one transaction when it writes) and closes it, and an open that finds the file locked by
another process waits and retries for up to `lock_wait` seconds. Slow work (HTTP, spaCy) happens
with no connection open.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from factcheck.models import Feed

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
_LOCK_MARKERS = ("could not set lock", "conflicting lock", "lock on file")


class StoreError(Exception):
    """A store operation that cannot be done; the message says what to do."""


class StoreBusy(StoreError):
    """Another process held the store for longer than we were willing to wait."""


def migrations() -> list[tuple[int, str, str]]:
    """The numbered migrations shipped with the code, in order: (version, name, sql)."""
    found = []
    for path in sorted(SCHEMA_DIR.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise StoreError(f"migration file {path.name} is not named NNN_name.sql")
        found.append((int(match.group(1)), match.group(2), path.read_text(encoding="utf-8")))
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migrations must be numbered 001, 002, ... without gaps: {versions}")
    return found


def _is_lock_error(exc: Exception) -> bool:
    return any(marker in str(exc).lower() for marker in _LOCK_MARKERS)


class Store:
    """A DuckDB file holding feeds, stories, claims, official figures and checks."""

    def __init__(self, path: str | Path, *, lock_wait: float = 30.0):
        self.path = Path(path)
        self.lock_wait = lock_wait

    # --- connections -----------------------------------------------------------------------

    def _open(self) -> duckdb.DuckDBPyConnection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.lock_wait
        delay = 0.05
        while True:
            try:
                return duckdb.connect(str(self.path))
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"the store {self.path} is in use by another process "
                        f"(waited {self.lock_wait:.0f}s); try again when it finishes"
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection, migrated, closed on exit."""
        con = self._open()
        try:
            # Cheap when up to date (one small query), and it keeps a store made by an older
            # version of the code working the moment a newer one opens it.
            migrate(con)
            yield con
        finally:
            con.close()

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
        con = self._open()
        try:
            applied = migrate(con)
        finally:
            con.close()
        return applied

    def schema_version(self) -> int:
        with self.connect() as con:
            return con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0

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
        return Feed(id=row[0], url=url, station=station, place=place)

    def feeds(self) -> list[Feed]:
        with self.connect() as con:
            rows = con.execute(
                "SELECT id, url, station, place, etag, last_modified, last_status, last_error,"
                " last_polled_at FROM feeds ORDER BY id"
            ).fetchall()
        return [Feed(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many rows the main tables hold: the sidebar's store status."""
        tables = ("feeds", "stories", "story_versions", "claims", "figures", "metrics", "checks")
        with self.connect() as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def last_poll(self) -> datetime | None:
        with self.connect() as con:
            return con.execute("SELECT max(finished_at) FROM polls").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply each pending migration and its bookkeeping row in one transaction."""
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
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name]
            )
        except BaseException:
            con.rollback()
            raise
        con.commit()
        applied.append(version)
    return applied


# ================================================================================================
# Sections below are grouped by the stage that uses them. Every function takes an open connection
# (`con`) so callers can run several of them inside one `Store.transaction()`.
# ================================================================================================

# --- stories, versions, claims (feeds and polling) ----------------------------------------------

# --- official figures, metrics, places, checks (figures and verify) -----------------------------

# --- tracking and app queries -------------------------------------------------------------------
