"""What a speaker claimed before, and which verdicts changed when new official figures came in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from factcheck import store as store_mod
from factcheck.store import Store
from factcheck.tracking.words import surname


@dataclass
class SpeakerClaim:
    claim_id: int
    story_id: int
    title: str
    published: datetime | None
    speaker: str
    text: str
    sentence: str
    unit: str
    low: float
    high: float
    verdict: str | None
    official: float | None
    error_pct: float | None
    explanation: str | None
    metric: str | None


def speaker_history(
    store: Store,
    speaker: str,
    *,
    before: datetime | None = None,
    mode: str = "now",
    limit: int = 500,
) -> list[SpeakerClaim]:
    """What a speaker has claimed, newest first, with each claim's verdict.

    Speakers are matched by surname ("Chief Whitfield", "Dana Whitfield" and "Whitfield" are one
    speaker); `before` keeps only stories published before that time ("what did she say
    before this story").
    """
    name = surname(speaker)
    if not name:
        return []
    with store.read() as con:
        rows = store_mod.tracking_speaker_claims(con, name, mode=mode, before=before, limit=limit)
    return [SpeakerClaim(*row) for row in rows]


@dataclass
class VerdictChange:
    id: int
    claim_id: int
    story_id: int
    title: str
    claim: str
    mode: str
    old_verdict: str
    new_verdict: str
    old_official: float | None
    new_official: float | None
    reason: str
    changed_at: datetime


def verdict_changes(
    store: Store, since: datetime | None = None, *, mode: str | None = None, limit: int = 500
) -> list[VerdictChange]:
    """Earlier verdicts (or official values) that a re-check changed, newest first."""
    with store.read() as con:
        rows = store_mod.tracking_verdict_changes(con, since=since, mode=mode, limit=limit)
    return [VerdictChange(*row) for row in rows]
