"""The store: migrations (from empty, from every older version, twice), transactions, and the
stories/versions/claims functions of polling."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pytest

from factcheck import store as store_mod
from factcheck.models import Claim, StoryItem
from factcheck.store import Store, StoreError, migrations

NOW = datetime(2024, 8, 2, 12, 0)


def _schema(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(
            "SELECT table_name, column_name, data_type, is_nullable"
            " FROM information_schema.columns ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        con.close()


def _build_at(path, version: int) -> None:
    """A store file as an older release left it: only migrations 1..version applied."""
    con = duckdb.connect(str(path))
    try:
        con.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
            " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        for number, name, sql in migrations()[:version]:
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [number, name]
            )
    finally:
        con.close()


def test_migrate_from_empty_then_again_does_nothing(tmp_path):
    store = Store(tmp_path / "fresh.duckdb")
    shipped = [v for v, _, _ in migrations()]
    assert store.migrate() == shipped
    assert store.schema_version() == shipped[-1]
    schema = _schema(store.path)
    assert store.migrate() == []  # idempotent: the second run changes nothing
    assert _schema(store.path) == schema
    tables = {row[0] for row in schema}
    expected = {"feeds", "stories", "story_versions", "claims", "checks", "figures", "polls"}
    assert expected <= tables


@pytest.mark.parametrize("older", range(len(migrations())))  # 0: bookkeeping only
def test_migrate_from_each_older_version(tmp_path, older):
    fresh = Store(tmp_path / "fresh.duckdb")
    fresh.migrate()
    path = tmp_path / f"v{older}.duckdb"
    _build_at(path, older)
    old = Store(path)
    assert old.schema_version() == migrations()[-1][0]  # connect() migrates on open
    assert _schema(path) == _schema(fresh.path)
    assert old.migrate() == []


def test_data_written_by_the_first_version_survives_migration(tmp_path):
    path = tmp_path / "v1.duckdb"
    _build_at(path, 1)
    con = duckdb.connect(str(path))
    con.execute(
        "INSERT INTO feeds (url, station, place) VALUES ('https://x.example/rss', 'X', 'Y')"
    )
    con.close()
    store = Store(path)
    store.migrate()
    assert [f.url for f in store.feeds()] == ["https://x.example/rss"]


def test_claims_stored_before_bases_get_theirs_when_the_store_migrates(tmp_path):
    """Migration 010 adds `claims.base`; the claims already stored get the base the extractor
    would give them now, from their sentence, in the same transaction."""
    path = tmp_path / "v9.duckdb"
    _build_at(path, 9)
    con = duckdb.connect(str(path))
    rows = [  # (seq, text, sentence, change, period)
        (1, "300", "Police seized 300 more guns than last year.", "difference", None),
        (2, "23", "Burglaries fell 23 from the first nine months of 2025.", "difference",
         "the first nine months of 2025"),
        (3, "1,500", "Police seized 1,500 guns this year.", "level", "this year"),
    ]  # fmt: skip
    for seq, text, sentence, change, period in rows:
        con.execute(
            "INSERT INTO claims (story_id, version_id, seq, text, start_char, end_char, sentence,"
            " low, high, unit, qualifier, change, period)"
            " VALUES (1, 1, ?, ?, 0, 3, ?, 1, 1, 'count', 'exact', ?, ?)",
            [seq, text, sentence, change, period],
        )
    con.close()
    Store(path).migrate()
    con = duckdb.connect(str(path))
    got = con.execute("SELECT seq, base FROM claims ORDER BY seq").fetchall()
    con.close()
    assert got == [(1, "than last year"), (2, "from the first nine months of 2025"), (3, None)]


def test_transaction_rolls_back_everything_on_error(tmp_store):
    item = StoryItem("g1", "Title", "https://x.example/a", None, None, "Text 1,500 guns.")
    feed = tmp_store.add_feed("https://x.example/rss", "X", "Y")
    with pytest.raises(RuntimeError), tmp_store.transaction() as con:
        story_id = store_mod.upsert_story(con, feed.id, item, NOW)
        version_id, _ = store_mod.insert_version(
            con, story_id, title="Title", text=item.text, content_hash="h1", fetched_at=NOW
        )
        store_mod.insert_claims(con, story_id, version_id, [_claim("1,500", 5)])
        raise RuntimeError("crash half-way through a feed's round")
    counts = tmp_store.counts()
    assert counts["stories"] == counts["story_versions"] == counts["claims"] == 0
    assert counts["feeds"] == 1


def test_add_feed_twice_is_refused_and_changes_nothing(tmp_store):
    tmp_store.add_feed("https://x.example/rss", "X", "Y")
    with pytest.raises(StoreError, match="already registered"):
        tmp_store.add_feed("https://x.example/rss", "Other", "Z")
    assert [(f.station, f.place) for f in tmp_store.feeds()] == [("X", "Y")]


# --- stories, versions, claims -----------------------------------------------------------------


def _claim(text: str, start: int, **kw) -> Claim:
    return Claim(
        text=text, start=start, end=start + len(text), sentence="s", low=1.0, high=1.0, **kw
    )


def test_story_upsert_versions_and_claims(tmp_store):
    feed = tmp_store.add_feed("https://x.example/rss", "WDMO", "Springfield")
    published = datetime(2024, 8, 2, 15, 0, tzinfo=UTC)
    item = StoryItem("g1", "Guns", "https://x.example/a", published, "Jane", "v1 text")
    with tmp_store.transaction() as con:
        sid = store_mod.upsert_story(con, feed.id, item, NOW)
        assert store_mod.upsert_story(con, feed.id, item, NOW) == sid  # same guid, same story
        v1 = store_mod.insert_version(
            con, sid, title="Guns", text="v1 text", content_hash="h1", fetched_at=NOW
        )
        # the same content again is not a new version
        assert (
            store_mod.insert_version(
                con, sid, title="Guns", text="v1 text", content_hash="h1", fetched_at=NOW
            )
            is None
        )
        v2 = store_mod.insert_version(
            con, sid, title="Guns", text="v2 text", content_hash="h2", fetched_at=NOW
        )
        # claims given out of order are numbered in text order
        ids = store_mod.insert_claims(
            con, sid, v2[0], [_claim("b", 10, speaker="Chief"), _claim("a", 2, unit="percent")]
        )
        latest = store_mod.latest_versions(con, feed.id)
        stored = con.execute(
            "SELECT id, seq, text, start_char, unit, speaker FROM claims ORDER BY seq"
        ).fetchall()
        pub = con.execute("SELECT published FROM stories WHERE id = ?", [sid]).fetchone()[0]
    assert v1[1] == 1 and v2[1] == 2
    assert latest == {"g1": (sid, 2, "h2")}
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in stored] == [
        (1, "a", 2, "percent", None),
        (2, "b", 10, "count", "Chief"),
    ]
    assert ids == [r[0] for r in stored]
    assert pub == datetime(2024, 8, 2, 15, 0)  # stored as naive UTC


def test_story_summaries(tmp_store):
    feed = tmp_store.add_feed("https://x.example/rss", "WDMO", "Springfield")
    item = StoryItem("g1", "Guns", "https://x.example/a", datetime(2024, 8, 2), None, "t")
    bare = StoryItem("g2", "Weather", None, None, None, "t")
    with tmp_store.transaction() as con:
        sid = store_mod.upsert_story(con, feed.id, item, NOW)
        store_mod.insert_version(con, sid, title="G", text="t", content_hash="1", fetched_at=NOW)
        old_claims = store_mod.insert_claims(con, sid, 1, [_claim("x", 0)])
        vid, _ = store_mod.insert_version(
            con, sid, title="G", text="t2", content_hash="2", fetched_at=NOW
        )
        ids = store_mod.insert_claims(
            con, sid, vid, [_claim("a", 0), _claim("b", 3), _claim("c", 6)]
        )
        # Test fixture rows for the checks table (verify.py writes them in the real flow).
        for claim_id, verdict in zip(
            ids + old_claims, ["accurate", "inaccurate", "inaccurate", "accurate"], strict=True
        ):
            con.execute(
                "INSERT INTO checks (claim_id, mode, verdict, explanation) VALUES (?, 'aired', ?, '')",
                [claim_id, verdict],
            )
        con.execute(
            "INSERT INTO checks (claim_id, mode, verdict, explanation) VALUES (?, 'now', 'accurate', '')",
            [ids[1]],
        )
        sid2 = store_mod.upsert_story(con, feed.id, bare, NOW)
        store_mod.insert_version(con, sid2, title="W", text="t", content_hash="3", fetched_at=NOW)
    rows = {r["id"]: r for r in tmp_store.story_summaries()}
    guns = rows[sid]
    assert guns["station"] == "WDMO" and guns["title"] == "Guns"
    assert guns["url"] == "https://x.example/a"
    assert guns["published"] == "2024-08-02T00:00:00+00:00"
    assert guns["versions"] == 2
    assert guns["claims"] == 3  # the latest version's claims only
    assert guns["verdicts"] == {"accurate": 1, "inaccurate": 2}  # 'aired' checks, latest version
    weather = rows[sid2]
    assert weather["versions"] == 1 and weather["claims"] == 0 and weather["verdicts"] == {}
    assert weather["published"] is None


def test_record_feed_status_and_poll(tmp_store):
    feed = tmp_store.add_feed("https://x.example/rss", "X", "Y")
    with tmp_store.transaction() as con:
        store_mod.record_feed_status(
            con,
            feed.id,
            status="error",
            error="HTTP 500",
            etag='"e"',
            last_modified=None,
            polled_at=NOW,
        )
        store_mod.record_poll(
            con,
            started_at=NOW,
            finished_at=NOW,
            feeds=1,
            new_stories=0,
            updated_stories=0,
            errors=1,
        )
    [stored] = tmp_store.feeds()
    assert (stored.last_status, stored.last_error, stored.etag) == ("error", "HTTP 500", '"e"')
    assert stored.last_polled_at == NOW
    assert tmp_store.last_poll() == NOW


def test_store_versions_in_one_go(tmp_store):
    feed = tmp_store.add_feed("https://x.example/rss", "X", "Y")
    items = [StoryItem(f"g{i}", f"T{i}", None, None, None, f"text {i}") for i in range(5)]
    with tmp_store.transaction() as con:
        first = store_mod.store_versions(
            con, feed.id, [(it, it.text, f"h{i}") for i, it in enumerate(items)], NOW
        )
        assert sorted(first) == [f"g{i}" for i in range(5)]
        assert {v for _s, _v, v in first.values()} == {1}
        # same hashes: nothing new; one changed hash: one second version
        again = store_mod.store_versions(
            con, feed.id, [(it, it.text, f"h{i}") for i, it in enumerate(items)], NOW
        )
        assert again == {}
        retitled = StoryItem("g2", "New title", "https://x.example/2", None, "Ann", "changed")
        changed = store_mod.store_versions(con, feed.id, [(retitled, "changed", "h2b")], NOW)
        assert list(changed) == ["g2"] and changed["g2"][2] == 2
        assert changed["g2"][0] == first["g2"][0]  # the same story
        ids = store_mod.insert_claims_batch(
            con,
            [
                (first["g0"][0], first["g0"][1], [_claim("z", 9), _claim("y", 1)]),
                (changed["g2"][0], changed["g2"][1], [_claim("x", 0)]),
            ],
        )
        claims = con.execute("SELECT id, version_id, seq, text FROM claims ORDER BY id").fetchall()
        story = con.execute("SELECT title, url, author FROM stories WHERE guid = 'g2'").fetchone()
    assert story == ("New title", "https://x.example/2", "Ann")
    by_id = {c[0]: c[1:] for c in claims}
    assert [by_id[i] for i in ids] == [
        (first["g0"][1], 1, "y"),
        (first["g0"][1], 2, "z"),
        (changed["g2"][1], 1, "x"),
    ]
    assert tmp_store.counts()["stories"] == 5 and tmp_store.counts()["story_versions"] == 6
