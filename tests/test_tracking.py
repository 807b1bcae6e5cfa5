"""Tracking for editors: threads, version diffs, speaker history, verdict changes.

Each test builds a small real DuckDB store in tmp_path through the store's own write functions;
checks and their history (written by verify.py in the app) are set up with plain inserts.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from factcheck import store as store_mod
from factcheck import tracking
from factcheck.feeds import content_hash
from factcheck.models import Claim, StoryItem
from factcheck.store import Store

T0 = datetime(2026, 8, 4, 17, 0)


def _claim(text: str, sentence: str, value: float, *, unit="count", speaker=None) -> Claim:
    start = sentence.index(text)
    return Claim(
        text=text,
        start=start,
        end=start + len(text),
        sentence=sentence,
        low=value,
        high=value,
        unit=unit,
        speaker=speaker,
    )


class Newsroom:
    """A tiny store: add stories (with versions and claims) and checks."""

    def __init__(self, path):
        self.store = Store(path)
        self.feed = self.store.add_feed("https://example.test/rss", "Test 4", "Birmingham, Ala.")
        self.other = self.store.add_feed("https://example.test/b", "Test 9", "Birmingham, Ala.")

    def story(self, guid, title, text, when, claims=(), feed=None):
        feed = feed or self.feed
        item = StoryItem(guid=guid, title=title, url=None, published=when, author=None, text=text)
        with self.store.transaction() as con:
            story_id = store_mod.upsert_story(con, feed.id, item, when)
            version_id, version = store_mod.insert_version(
                con,
                story_id,
                title=title,
                text=text,
                content_hash=content_hash(title, text),
                fetched_at=when,
            )
            claim_ids = store_mod.insert_claims(con, story_id, version_id, list(claims))
        return story_id, version, claim_ids

    def check(self, claim_id, verdict, official=None, metric=None, mode="now"):
        with self.store.transaction() as con:
            con.execute(
                "INSERT OR REPLACE INTO checks (claim_id, mode, verdict, metric, official,"
                " explanation) VALUES (?, ?, ?, ?, ?, ?)",
                [claim_id, mode, verdict, metric, official, f"{verdict} per test"],
            )

    def history(self, claim_id, old, new, when, old_official=None, new_official=None):
        with self.store.transaction() as con:
            con.execute(
                "INSERT INTO check_history (claim_id, mode, old_verdict, new_verdict,"
                " old_official, new_official, reason, changed_at) VALUES (?, 'now', ?, ?, ?, ?,"
                " 'figures imported', ?)",
                [claim_id, old, new, old_official, new_official, when],
            )


@pytest.fixture
def room(tmp_path):
    return Newsroom(tmp_path / "t.duckdb")


GUNS = "Police say officers have seized more than 1,500 guns so far this year."
GUNS2 = "We have taken more than 2,500 guns off the street so far this year."
GUNS3 = "Officers have recovered 1,500 guns this year, Chief Ann Lee said."


def _guns_thread(room):
    first = room.story(
        "a",
        "Chief: Birmingham police seized more than 1,500 guns so far this year",
        GUNS,
        T0,
        [_claim("1,500 guns", GUNS, 1500, speaker="Police Chief Dana Whitfield")],
    )
    follow = room.story(
        "b",
        "Follow-up: Birmingham gun seizures keep climbing, chief says",
        GUNS2 + " This story is a follow-up to our August report.",
        T0 + timedelta(days=100),
        [_claim("2,500 guns", GUNS2, 2500, speaker="Whitfield")],
    )
    return first, follow


def test_follow_up_joins_the_earlier_story_in_one_thread(room):
    (first, _, _), (follow, _, _) = _guns_thread(room)
    # Same speaker, a different subject, no follow-up wording, weeks later: not the guns thread.
    forum = "Whitfield said homicides are up this year."
    room.story(
        "c",
        "Whitfield at community forum: homicides, teen shootings top concerns",
        forum,
        T0 + timedelta(days=50),
        [_claim("homicides", forum, 1, speaker="Dana Whitfield")],
    )
    threads = tracking.thread_stories(room.store)
    assert [t.story_ids for t in threads] == [[first, follow]]
    assert threads[0].title.startswith("Chief: Birmingham police seized")
    reason = threads[0].reasons[0]
    assert "whitfield" in reason and "follow-up of the August report" in reason


def test_another_stations_telling_joins_but_a_shared_word_or_an_old_story_does_not(room):
    text = "A story with no claims about a forum."
    room.story("x1", "Residents pack forum on roads", text, T0)
    room.story("x2", "Forum on schools draws crowd", text + " Schools.", T0 + timedelta(days=3))
    s1, _, _ = room.story(
        "y1", "Gun seizures climb", GUNS, T0, [_claim("1,500 guns", GUNS, 1500, speaker="Lee")]
    )
    s2, _, _ = room.story(
        "y2",
        "Gun seizures climb again",
        GUNS3,
        T0 + timedelta(days=2),
        [_claim("1,500 guns", GUNS3, 1500, speaker="Chief Ann Lee")],
        feed=room.other,  # another station's telling of the same figure
    )
    room.story(
        "y3",
        "Gun seizures climb once more",
        GUNS3,
        T0 + timedelta(days=400),  # far outside the window
        [_claim("1,500 guns", GUNS3, 1500, speaker="Lee")],
    )
    threads = tracking.thread_stories(room.store)
    assert [t.story_ids for t in threads] == [[s1, s2]]
    assert threads[0].stations == ["Test 4", "Test 9"]
    assert "Test 9's telling" in threads[0].reasons[0]
    # A wider window lets the third (same person, same figure) join.
    assert [len(t.story_ids) for t in tracking.thread_stories(room.store, window_days=500)] == [3]


def test_the_same_figure_on_a_checked_series_links_tellings_without_a_speaker(room):
    s1 = "Crime fell 21 percent last year, the annual report shows."
    s2 = "Reported crime dropped 21.3 percent in 2025."
    a, _, (c1,) = room.story("a", "Crime falls in annual report", s1, T0, [_claim("21", s1, 21)])
    b, _, (c2,) = room.story(
        "b",
        "Fewer crimes reported",
        s2,
        T0 + timedelta(days=1),
        [_claim("21.3", s2, 21.3)],
        feed=room.other,
    )
    assert tracking.thread_stories(room.store) == []  # a small number on no known series
    room.check(c1, "accurate", 21.3, metric="crimes_reported")
    room.check(c2, "accurate", 21.3, metric="crimes_reported")
    threads = tracking.thread_stories(room.store)
    assert [t.story_ids for t in threads] == [[a, b]]
    assert "same figure (crimes_reported" in threads[0].reasons[0]


def test_assign_threads_persists_and_is_stable(room):
    (first, _, _), (follow, _, _) = _guns_thread(room)
    threads = tracking.assign_threads(room.store)
    assert len(threads) == 1 and threads[0].id is not None
    stored = tracking.stored_threads(room.store)
    assert [(t.id, t.story_ids) for t in stored] == [(threads[0].id, [first, follow])]
    # Running it again keeps the same thread id and creates no new thread.
    again = tracking.assign_threads(room.store)
    assert again[0].id == threads[0].id
    assert room.store.counts()["stories"] == 2
    with room.store.connect() as con:
        assert con.execute("SELECT count(*) FROM threads").fetchone()[0] == 1
        ids = con.execute("SELECT DISTINCT thread_id FROM stories").fetchall()
    assert ids == [(threads[0].id,)]


def test_assign_threads_clears_a_thread_that_no_longer_holds(room):
    (first, _, _), (follow, _, _) = _guns_thread(room)
    tracking.assign_threads(room.store)
    # A narrower window splits them: the stored thread goes away.
    assert tracking.assign_threads(room.store, window_days=10) == []
    assert tracking.stored_threads(room.store) == []
    with room.store.connect() as con:
        assert (
            con.execute("SELECT count(*) FROM stories WHERE thread_id IS NOT NULL").fetchone()[0]
            == 0
        )


V1 = (
    "The graduation rate climbed to 92 percent last year.\n\nEnrollment fell by about 600 students."
)
V2 = (
    "The graduation rate climbed to 89 percent last year.\n\nEnrollment fell by about 600 students."
    "\n\nCorrection: An earlier version misstated the rate."
)


def _two_versions(room):
    sid, _, (c92, c600) = room.story(
        "g",
        "Graduation rate climbs",
        V1,
        T0,
        [_claim("92 percent", V1, 92, unit="percent"), _claim("about 600 students", V1, 600)],
    )
    with room.store.transaction() as con:
        vid, version = store_mod.insert_version(
            con,
            sid,
            title="Graduation rate climbs",
            text=V2,
            content_hash=content_hash("Graduation rate climbs", V2),
            fetched_at=T0 + timedelta(days=1),
        )
        c89, c600b = store_mod.insert_claims(
            con,
            sid,
            vid,
            [_claim("89 percent", V2, 89, unit="percent"), _claim("about 600 students", V2, 600)],
        )
    assert version == 2
    room.check(c92, "inaccurate", 89.2)
    room.check(c89, "accurate", 89.2)
    room.check(c600, "unverifiable")
    room.check(c600b, "unverifiable")
    return sid


def test_version_diff_shows_the_corrected_number(room):
    sid = _two_versions(room)
    ops = tracking.version_diff(room.store, sid, 1, 2)
    assert ("delete", "92") in ops and ("insert", "89") in ops
    assert any(op == "insert" and "Correction:" in text for op, text in ops)
    # The pieces rebuild both texts exactly.
    assert "".join(t for op, t in ops if op != "insert") == V1
    assert "".join(t for op, t in ops if op != "delete") == V2
    sentences = tracking.version_diff(room.store, sid, 1, 2, granularity="sentence")
    assert ("delete", "The graduation rate climbed to 92 percent last year.") in sentences
    assert ("equal", "\n\nEnrollment fell by about 600 students.") in sentences
    assert "".join(t for op, t in sentences if op != "delete") == V2
    assert tracking.version_diff(room.store, sid, 2, 2) == [("equal", V2)]
    with pytest.raises(tracking.VersionMissing, match="no version 3"):
        tracking.version_diff(room.store, sid, 1, 3)


def test_claim_changes_between_versions(room):
    sid = _two_versions(room)
    changes = tracking.claim_changes(room.store, sid, 1, 2)
    assert [(c.text, c.verdict_a) for c in changes.removed] == [("92 percent", "inaccurate")]
    assert [(c.text, c.verdict_b) for c in changes.added] == [("89 percent", "accurate")]
    assert [(c.text, c.verdict_a, c.verdict_b) for c in changes.kept] == [
        ("about 600 students", "unverifiable", "unverifiable")
    ]


def test_speaker_history_matches_by_surname_newest_first(room):
    (first, _, (c1,)), (follow, _, (c2,)) = _guns_thread(room)
    room.check(c1, "accurate", 1612)
    room.check(c2, "inaccurate", 2296)
    other = "The mayor said $476 million."
    room.story("m", "Budget", other, T0, [_claim("$476 million", other, 476e6, speaker="Callahan")])
    history = tracking.speaker_history(room.store, "Chief Dana Whitfield")
    assert [(h.story_id, h.text, h.verdict) for h in history] == [
        (follow, "2,500 guns", "inaccurate"),
        (first, "1,500 guns", "accurate"),
    ]
    assert history[1].official == 1612
    before = tracking.speaker_history(room.store, "whitfield", before=T0 + timedelta(days=1))
    assert [h.story_id for h in before] == [first]
    assert tracking.speaker_history(room.store, "Smith") == []
    assert tracking.speaker_history(room.store, "  ") == []
    # A name that only contains the surname inside a word does not match ("Whitfields").
    assert tracking.surname("Police Chief Dana Whitfield") == "whitfield"
    assert tracking.surname("Dr. Miriam Osei") == "osei"


def test_verdict_changes_lists_only_real_changes_since_a_time(room):
    text = "The unemployment rate fell to 2.9 percent in August."
    _, _, (cid,) = room.story("u", "Jobless rate", text, T0, [_claim("2.9 percent", text, 2.9)])
    first_check = datetime(2026, 10, 2, 12, 0)
    revised = datetime(2026, 11, 20, 9, 0)
    room.history(cid, None, "accurate", first_check, None, 2.9)  # the first check: no change
    room.history(cid, "accurate", "accurate", first_check + timedelta(days=1), 2.9, 2.9)  # same
    room.history(cid, "accurate", "inaccurate", revised, 2.9, 3.0)
    changes = tracking.verdict_changes(room.store)
    assert [(c.claim_id, c.old_verdict, c.new_verdict, c.new_official) for c in changes] == [
        (cid, "accurate", "inaccurate", 3.0)
    ]
    assert changes[0].title == "Jobless rate" and changes[0].claim == "2.9 percent"
    assert tracking.verdict_changes(room.store, since=revised + timedelta(seconds=1)) == []
    assert len(tracking.verdict_changes(room.store, since=revised.replace(tzinfo=None))) == 1
    assert tracking.verdict_changes(room.store, mode="aired") == []


def test_title_words_drop_place_roles_and_numbers():
    words = tracking.title_words(
        "Chief: Birmingham police seized more than 1,500 guns so far this year", "Birmingham, Ala."
    )
    assert words == {"seized", "gun"}
    assert tracking.title_words("Mayor's street repairs", None) == {"repair"}


def test_stories_sharing_only_a_place_and_a_common_word_stay_apart(room):
    a = "A man was shot outside a gas station in Ensley on Monday night, police said."
    b = "Two teenagers were wounded at a birthday party in Ensley, Lt. Carl Benning said."
    c = "Lt. Carl Benning said detectives are reviewing videos of the Ensley party shooting."
    room.story("e1", "Man shot in Ensley", a, T0)
    e2, _, _ = room.story("e2", "Ensley shooting: two teens hurt", b, T0 + timedelta(days=2))
    e3, _, _ = room.story(
        "e3", "Detectives review party videos", c, T0 + timedelta(days=2, hours=5), feed=room.other
    )
    threads = tracking.thread_stories(room.store)
    assert [t.story_ids for t in threads] == [[e2, e3]]  # same lieutenant, same party


def test_a_story_continues_one_earlier_story_only(room):
    a_text, b_text = "Mayor Hill said roads need $5 million.", "Chief Lee said 40 guns."
    a, _, _ = room.story(
        "a", "Road repairs stall", a_text, T0, [_claim("$5 million", a_text, 5, speaker="Hill")]
    )
    b, _, _ = room.story(
        "b", "Gun seizures set a record", b_text, T0, [_claim("40 guns", b_text, 40, speaker="Lee")]
    )
    both = "Hill and Lee: 12 roads and 40 guns."
    c, _, _ = room.story(
        "c",
        "Road repairs and gun buyback",
        both,
        T0 + timedelta(days=1),
        [
            _claim("12 roads", both, 12, speaker="Hill"),
            _claim("40 guns", both, 40, speaker="Lee"),
        ],
    )
    threads = tracking.thread_stories(room.store)
    # c shares more title words with a (road, repair) than with b (gun): it joins a only.
    assert [t.story_ids for t in threads] == [[a, c]]
    assert b not in threads[0].story_ids


def test_organisations_are_not_shared_speakers(room):
    a_text = "Police say officers seized 1,500 guns at traffic stops."
    b_text = "The annual report counts 900 guns taken across the county."
    room.story(
        "p1", "Gun seizures", a_text, T0, [_claim("1,500 guns", a_text, 1500, speaker="Police")]
    )
    room.story(
        "p2",
        "Gun seizures in the county",
        b_text,
        T0 + timedelta(days=2),
        [_claim("900 guns", b_text, 900, speaker="police department's annual report")],
    )
    assert tracking.thread_stories(room.store) == []
    assert tracking.person_surname("Police") is None
    assert tracking.person_surname("national weather service") is None
    assert tracking.person_surname("Renee Callahan") == "callahan"


def test_diff_texts_rejects_an_unknown_granularity():
    with pytest.raises(ValueError, match="granularity"):
        tracking.diff_texts("a", "b", granularity="letter")


def test_timezone_aware_published_times_are_stored_as_utc(room):
    # Stories from feeds carry a zone; threading compares them as stored (naive UTC).
    when = datetime(2026, 8, 4, 22, 30, tzinfo=UTC)
    (first, _, _), _ = _guns_thread(room)
    sid, _, _ = room.story(
        "z",
        "Gun seizures: the numbers",
        GUNS,
        when,
        [_claim("1,500 guns", GUNS, 1500, speaker="Dana Whitfield")],
    )
    assert sid != first
    with room.store.connect() as con:
        stored = con.execute("SELECT published FROM stories WHERE id = ?", [sid]).fetchone()[0]
    assert stored == datetime(2026, 8, 4, 22, 30)
    thread = tracking.thread_stories(room.store)[0]
    assert thread.story_ids[:2] == [first, sid]  # five and a half hours later, same figure
