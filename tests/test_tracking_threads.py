"""Hand decisions on threads (link, unlink, merge, split, rename): made in a real store, and never
undone by the automatic grouping that runs after every poll."""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_tracking import GUNS, T0, Newsroom, _claim

from factcheck import tracking

BUDGET = "The council passed a $476 million budget, Mayor Renee Callahan said."


@pytest.fixture
def room(tmp_path):
    room = Newsroom(tmp_path / "t.duckdb")
    ids = {}
    ids["g1"], _, _ = room.story(
        "g1",
        "Chief: 1,500 guns seized",
        GUNS,
        T0,
        [_claim("1,500 guns", GUNS, 1500, speaker="Chief Dana Whitfield")],
    )
    ids["g2"], _, _ = room.story(
        "g2",
        "Gun seizures pass 1,500",
        GUNS,
        T0 + timedelta(hours=5),
        [_claim("1,500 guns", GUNS, 1500, speaker="Dana Whitfield")],
        feed=room.other,
    )
    ids["b1"], _, _ = room.story(
        "b1",
        "Council passes budget",
        BUDGET,
        T0 + timedelta(days=1),
        [_claim("$476 million", BUDGET, 476e6, speaker="Mayor Renee Callahan")],
    )
    ids["b2"], _, _ = room.story(
        "b2",
        "Budget clears council",
        BUDGET,
        T0 + timedelta(days=1, hours=3),
        [_claim("$476 million", BUDGET, 476e6, speaker="Renee Callahan")],
        feed=room.other,
    )
    return room, ids


def _groups(store) -> list[list[int]]:
    return sorted(sorted(t.story_ids) for t in tracking.stored_threads(store))


def test_automatic_grouping_makes_the_two_threads(room):
    room, ids = room
    tracking.assign_threads(room.store)
    assert _groups(room.store) == [[ids["g1"], ids["g2"]], [ids["b1"], ids["b2"]]]


def test_unlink_keeps_the_story_out_after_regrouping(room):
    room, ids = room
    tracking.assign_threads(room.store)
    tracking.unlink_story(room.store, ids["g2"], editor="desk", note="a different count")
    assert _groups(room.store) == [[ids["b1"], ids["b2"]]]
    tracking.assign_threads(room.store)  # what every poll does
    assert _groups(room.store) == [[ids["b1"], ids["b2"]]]
    # A new telling of the same figure still joins the original thread, not the unlinked story.
    g3, _, _ = room.story(
        "g3",
        "1,500 guns off the street",
        GUNS,
        T0 + timedelta(hours=8),
        [_claim("1,500 guns", GUNS, 1500, speaker="Chief Dana Whitfield")],
    )
    tracking.assign_threads(room.store)
    groups = _groups(room.store)
    assert [ids["b1"], ids["b2"]] in groups
    assert not any(ids["g2"] in g and ids["g1"] in g for g in groups)
    assert any(g3 in g for g in groups)


def test_link_and_merge_join_what_the_grouping_keeps_apart(room):
    room, ids = room
    tracking.assign_threads(room.store)
    thread = tracking.link_stories(room.store, ids["b1"], ids["g1"], editor="desk")
    tracking.assign_threads(room.store)
    groups = _groups(room.store)
    assert any(ids["b1"] in g and ids["g1"] in g for g in groups)
    by_id = {t.id: t for t in tracking.stored_threads(room.store)}
    assert ids["b1"] in by_id[thread].story_ids
    assert any("by hand" in r for r in by_id[thread].reasons)
    # Merge what is left: one thread of four, kept by the next grouping.
    threads = tracking.stored_threads(room.store)
    if len(threads) == 2:
        tracking.merge_threads(room.store, threads[0].id, threads[1].id)
    tracking.assign_threads(room.store)
    assert _groups(room.store) == [sorted(ids.values())]


def test_split_and_rename_survive_regrouping(room):
    room, ids = room
    tracking.assign_threads(room.store)
    tracking.merge_threads(
        room.store, *[t.id for t in tracking.stored_threads(room.store)], editor="desk"
    )
    (merged,) = tracking.stored_threads(room.store)
    new = tracking.split_thread(room.store, merged.id, [ids["b1"], ids["b2"]])
    tracking.rename_thread(room.store, new, "  City budget  2027 ")
    tracking.assign_threads(room.store)
    by_id = {t.id: t for t in tracking.stored_threads(room.store)}
    assert sorted(by_id[new].story_ids) == [ids["b1"], ids["b2"]]
    assert by_id[new].title == "City budget 2027"
    assert sorted(by_id[merged.id].story_ids) == [ids["g1"], ids["g2"]]
    actions = [d[1] for d in tracking.decisions(room.store)]
    assert actions == ["rename", "split", "merge"]


def test_bad_decisions_change_nothing(room):
    room, ids = room
    tracking.assign_threads(room.store)
    before = _groups(room.store)
    (first, *_rest) = tracking.stored_threads(room.store)
    with pytest.raises(tracking.ThreadError, match="no story 999"):
        tracking.link_stories(room.store, 999, ids["g1"])
    with pytest.raises(tracking.ThreadError, match="some but not all"):
        tracking.split_thread(room.store, first.id, first.story_ids)
    with pytest.raises(tracking.ThreadError, match="no thread 999"):
        tracking.merge_threads(room.store, first.id, 999)
    with pytest.raises(tracking.ThreadError, match="needs a title"):
        tracking.rename_thread(room.store, first.id, "   ")
    assert _groups(room.store) == before
    assert tracking.decisions(room.store) == []
