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
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from factcheck.models import Check, Claim, Feed, StoryItem

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

    def story_summaries(self) -> list[dict]:
        """One dict per story (the `stories --format jsonl` lines); see `story_summaries()`."""
        with self.connect() as con:
            return story_summaries(con)


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
    return con.execute(
        "INSERT INTO stories (feed_id, guid, url, title, author, published, first_seen, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (feed_id, guid) DO UPDATE SET url = excluded.url, title = excluded.title,"
        "  author = excluded.author, published = coalesce(excluded.published, published),"
        "  updated_at = excluded.updated_at"
        " RETURNING id",
        [feed_id, item.guid, item.url, item.title, item.author, published, seen_at, seen_at],
    ).fetchone()[0]


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
    if not claims:
        return []
    import pyarrow as pa

    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    columns = {
        "seq": pa.array(range(1, len(ordered) + 1), pa.int32()),
        "text": pa.array([c.text for c in ordered], pa.string()),
        "start_char": pa.array([c.start for c in ordered], pa.int32()),
        "end_char": pa.array([c.end for c in ordered], pa.int32()),
        "sentence": pa.array([c.sentence for c in ordered], pa.string()),
        "low": pa.array([c.low for c in ordered], pa.float64()),
        "high": pa.array([c.high for c in ordered], pa.float64()),
    }
    for name in _CLAIM_COLUMNS:
        if name not in columns:
            columns[name] = pa.array([getattr(c, name) for c in ordered], pa.string())
    batch = pa.table(columns)
    # One set-based INSERT ... SELECT from the Arrow table, registered under a fixed name that
    # lives only on this connection.
    con.register("_new_claims", batch)
    try:
        rows = con.execute(
            "INSERT INTO claims (story_id, version_id, seq, text, start_char, end_char, sentence,"
            "  low, high, unit, qualifier, subject, change, direction, period, speaker, hedge,"
            "  place)"
            " SELECT ?, ?, seq, text, start_char, end_char, sentence, low, high, unit, qualifier,"
            "  subject, change, direction, period, speaker, hedge, place"
            " FROM _new_claims ORDER BY seq"
            " RETURNING id, seq",
            [story_id, version_id],
        ).fetchall()
    finally:
        con.unregister("_new_claims")
    return [claim_id for claim_id, _seq in sorted(rows, key=lambda r: r[1])]


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
    return con.execute(
        "INSERT INTO polls (started_at, finished_at, feeds, new_stories, updated_stories, errors)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [started_at, finished_at, feeds, new_stories, updated_stories, errors],
    ).fetchone()[0]


def story_summaries(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every story with its version count and its latest version's claims and 'aired' verdicts."""
    rows = con.execute(
        "WITH latest AS ("
        "  SELECT story_id, arg_max(id, version) AS version_id, count(*) AS versions"
        "  FROM story_versions GROUP BY story_id),"
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
    return con.execute(_DEMO_COUNTS[table]).fetchone()[0]


def demo_add_feed(con: duckdb.DuckDBPyConnection, url: str, station: str, place: str) -> int:
    """Register a feed on an open connection (the demo's); its id."""
    return con.execute(
        "INSERT INTO feeds (url, station, place) VALUES (?, ?, ?) RETURNING id",
        [url, station, place],
    ).fetchone()[0]


def tracking_story_features(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Per story: (id, feed_id, feed place, when, title, latest text, speakers, metrics).

    `when` is the published time, else first seen; speakers and metrics come from the claims of
    the story's latest version and their "now" checks.
    """
    return con.execute(
        "WITH latest AS (SELECT story_id, arg_max(id, version) AS version_id"
        "  FROM story_versions GROUP BY story_id),"
        " about AS (SELECT c.version_id,"
        "  list(DISTINCT c.speaker) FILTER (WHERE c.speaker IS NOT NULL) AS speakers,"
        "  list(DISTINCT k.metric) FILTER (WHERE k.metric IS NOT NULL) AS metrics"
        "  FROM claims c JOIN latest l ON l.version_id = c.version_id"
        "  LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = 'now'"
        "  GROUP BY c.version_id)"
        " SELECT s.id, s.feed_id, f.place, coalesce(s.published, s.first_seen), s.title,"
        "  coalesce(v.text, ''), coalesce(a.speakers, []), coalesce(a.metrics, [])"
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


def tracking_save_threads(
    con: duckdb.DuckDBPyConnection, threads: list[tuple[int | None, str, list[int]]]
) -> list[int]:
    """Persist threads given as (existing thread id or None, title, story ids); their ids.

    Stories in no thread get `thread_id` NULL, and threads left with no story are deleted, so
    running it again with the same grouping changes nothing.
    """
    ids = []
    for thread_id, title, _members in threads:
        if thread_id is None:
            thread_id = con.execute(
                "INSERT INTO threads (title) VALUES (?) RETURNING id", [title]
            ).fetchone()[0]
        else:
            con.execute("UPDATE threads SET title = ? WHERE id = ?", [title, thread_id])
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
    )
    return ids


def tracking_threads(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Stored threads: (thread id, title, [story ids oldest first]), newest activity first."""
    return con.execute(
        "SELECT t.id, t.title,"
        "  list(s.id ORDER BY coalesce(s.published, s.first_seen), s.id) AS stories"
        " FROM threads t JOIN stories s ON s.thread_id = t.id"
        " GROUP BY t.id, t.title"
        " ORDER BY max(coalesce(s.published, s.first_seen)) DESC, t.id DESC"
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
    """(text, sentence, low, high, unit, change, speaker, verdict, official) in text order."""
    return con.execute(
        "SELECT c.text, c.sentence, c.low, c.high, c.unit, c.change, c.speaker,"
        "  k.verdict, k.official"
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
        "WITH latest AS (SELECT story_id, arg_max(id, version) AS version_id"
        "  FROM story_versions GROUP BY story_id)"
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
    limit: int = 200,
):
    """Newest stories with claim and verdict counts of their latest version.

    `status` is `new` (one version) or `changed` (more than one); `verdict` keeps stories with at
    least one claim of that verdict; `since`/`until` bound the published day (inclusive).
    """
    sql = (
        "WITH latest AS (SELECT story_id, arg_max(id, version) AS version_id, count(*) AS versions"
        " FROM story_versions GROUP BY story_id),"
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
        "  coalesce(p.unverifiable, 0) AS unverifiable"
        " FROM stories s JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN latest l ON l.story_id = s.id"
        " LEFT JOIN per_story p ON p.story_id = s.id"
        " WHERE (? IS NULL OR f.station = ?)"
        "  AND (? IS NULL OR (? = 'changed' AND l.versions > 1)"
        "       OR (? = 'new' AND coalesce(l.versions, 0) <= 1))"
        "  AND (? IS NULL OR (? = 'accurate' AND p.accurate > 0)"
        "       OR (? = 'inaccurate' AND p.inaccurate > 0)"
        "       OR (? = 'unverifiable' AND p.unverifiable > 0))"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen) >= CAST(? AS DATE))"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen)"
        "       < CAST(? AS DATE) + INTERVAL 1 DAY)"
        " ORDER BY coalesce(s.published, s.first_seen) DESC, s.id DESC LIMIT ?"
    )
    params = [mode, station, station, status, status, status]
    params += [verdict] * 4 + [since, since, until, until, limit]
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
    return {"stations": stations, "speakers": speakers, "metrics": metrics, "span": list(span)}


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
    sql = (
        "WITH latest AS (SELECT story_id, arg_max(id, version) AS version_id, count(*) AS versions"
        " FROM story_versions GROUP BY story_id)"
        " SELECT c.id AS claim_id, s.id AS story_id, f.station,"
        "  coalesce(s.published, s.first_seen) AS published, s.title, s.url, c.text, c.sentence,"
        "  c.low, c.high, c.unit, c.qualifier, c.change, c.direction, c.period, c.speaker,"
        "  coalesce(k.verdict, 'unverifiable') AS verdict, k.metric, k.place, k.official,"
        "  k.error_pct, k.period_start, k.period_end, k.source, k.source_url, k.as_of,"
        "  k.explanation, coalesce(k.overridden, false) AS overridden,"
        "  count(*) OVER () AS total"
        " FROM claims c JOIN latest l ON l.version_id = c.version_id"
        " JOIN stories s ON s.id = c.story_id JOIN feeds f ON f.id = s.feed_id"
        " LEFT JOIN checks k ON k.claim_id = c.id AND k.mode = ?"
        " WHERE (? IS NULL OR k.verdict = ? OR (? = 'unverifiable' AND k.verdict IS NULL))"
        "  AND (? IS NULL OR f.station = ?)"
        "  AND (? IS NULL OR c.speaker = ?)"
        "  AND (? IS NULL OR k.metric = ?)"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen) >= CAST(? AS DATE))"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen) < CAST(? AS DATE) + INTERVAL 1 DAY)"
        " ORDER BY coalesce(s.published, s.first_seen) DESC, c.story_id DESC, c.seq"
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
    sql = (
        "WITH latest AS (SELECT story_id, arg_max(id, version) AS version_id, count(*) AS versions"
        " FROM story_versions GROUP BY story_id)"
        " SELECT c.id AS claim_id, s.id AS story_id, f.station, s.title, c.text,"
        "  coalesce(s.published, s.first_seen) AS published, k.metric, c.unit,"
        "  (c.low + c.high) / 2 AS claimed, k.official, k.error_pct"
        " FROM claims c JOIN latest l ON l.version_id = c.version_id"
        " JOIN stories s ON s.id = c.story_id JOIN feeds f ON f.id = s.feed_id"
        " JOIN checks k ON k.claim_id = c.id AND k.mode = ?"
        " WHERE (? IS NULL OR k.verdict = ? OR (? = 'unverifiable' AND k.verdict IS NULL))"
        "  AND (? IS NULL OR f.station = ?)"
        "  AND (? IS NULL OR c.speaker = ?)"
        "  AND (? IS NULL OR k.metric = ?)"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen) >= CAST(? AS DATE))"
        "  AND (? IS NULL OR coalesce(s.published, s.first_seen) < CAST(? AS DATE) + INTERVAL 1 DAY)"
        "  AND k.verdict = 'inaccurate' AND k.official IS NOT NULL AND k.error_pct IS NOT NULL"
        " ORDER BY abs(k.error_pct) DESC LIMIT ?"
    )
    params = [mode, *_claim_filter_params(verdict, station, speaker, metric, since, until), limit]
    return con.execute(sql, params).df()


def app_verdict_totals(con: duckdb.DuckDBPyConnection, *, mode: str = "now") -> dict[str, int]:
    """How many claims of latest versions have each verdict."""
    rows = con.execute(
        "WITH latest AS (SELECT story_id, arg_max(id, version) AS version_id, count(*) AS versions"
        " FROM story_versions GROUP BY story_id)"
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
        "WITH latest AS (SELECT story_id, arg_max(id, version) AS version_id, count(*) AS versions"
        " FROM story_versions GROUP BY story_id)"
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
        "  k.verdict, k.metric, k.place, k.official, k.period_start, k.period_end, k.error_pct,"
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
        )
        check = Check(
            verdict=r[16] or "unverifiable",
            metric=r[17],
            place=r[18],
            official=r[19],
            period_start=r[20],
            period_end=r[21],
            error_pct=r[22],
            source=r[23],
            source_url=r[24],
            as_of=r[25],
            explanation=r[26] or "Not checked yet.",
            compare_start=r[27],
            compare_end=r[28],
            reason=r[29],
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
    return con.execute(
        "INSERT INTO notes (story_id, claim_id, body, author) VALUES (?, ?, ?, ?) RETURNING id",
        [story_id, claim_id, body, author],
    ).fetchone()[0]


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
    return bool(row[0])


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
    return {"stories": row[0], "claims": row[1]}
