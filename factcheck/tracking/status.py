"""Story status on the desk: new, checking, verified, needs_correction, aired; every change kept
with who made it, when and a note. A story nobody has touched is new."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from factcheck import store as store_mod
from factcheck.store import Store, StoreError

STATUSES = ("new", "checking", "verified", "needs_correction", "aired")
LABELS = {
    "new": "new",
    "checking": "checking",
    "verified": "verified",
    "needs_correction": "needs correction",
    "aired": "aired",
}


class StatusError(StoreError):
    """A status change that cannot be made; the message says why."""


@dataclass
class StatusChange:
    story_id: int
    old_status: str
    status: str
    editor: str | None
    note: str | None
    changed_at: datetime


def normalise(status: str) -> str:
    """ "Needs correction", "needs-correction" and "needs_correction" are one status."""
    key = "_".join(status.strip().lower().replace("-", " ").split())
    if key not in STATUSES:
        raise StatusError(
            f"unknown status {status!r}: use one of {', '.join(LABELS[s] for s in STATUSES)}"
        )
    return key


def set_status(
    store: Store,
    story_id: int,
    status: str,
    *,
    editor: str | None = None,
    note: str | None = None,
) -> StatusChange:
    """Record a story's new status (and the one it had); StatusError for an unknown story."""
    new = normalise(status)
    with store.transaction() as con:
        if not store_mod.status_story_exists(con, story_id):
            raise StatusError(f"there is no story {story_id}")
        old = store_mod.status_current(con, story_id)
        row = store_mod.status_insert(con, story_id, old, new, editor=editor, note=note)
    return StatusChange(*row)


def status_of(store: Store, story_id: int) -> str:
    with store.read() as con:
        return store_mod.status_current(con, story_id)


def history(store: Store, story_id: int) -> list[StatusChange]:
    """Every status change of a story, newest first."""
    with store.read() as con:
        return [StatusChange(*r) for r in store_mod.status_history(con, story_id)]
