"""What editors follow over time: threads across stations (with hand decisions), story versions
and their diffs, what a speaker claimed before, verdict changes, story status and alerts.

One module per subject; everything is importable from `factcheck.tracking` as before:
- `threads`: scored links between stories (same story by another station, follow-ups), hand
  decisions (link, unlink, merge, split, rename), the market view of a thread;
- `versions`: word and sentence diffs, claims added, removed and changed between versions;
- `speakers`: a speaker's earlier claims, verdicts changed by new figures;
- `status`: new, checking, verified, needs_correction, aired, with who, when and a note;
- `alerts`: what needs an editor's attention, stored, newest first, each with what to do.
All SQL is in `factcheck.store` (its "tracking" sub-section).
"""

from factcheck.tracking.alerts import (
    Alert,
    NewAlert,
    finding_alerts,
    handle_alert,
    list_alerts,
    refresh_alerts,
    refresh_alerts_on,
    register_source,
)
from factcheck.tracking.speakers import (
    SpeakerClaim,
    VerdictChange,
    speaker_history,
    verdict_changes,
)
from factcheck.tracking.status import STATUSES, StatusError, set_status, status_of
from factcheck.tracking.threads import (
    COMMON_MIN,
    WINDOW_DAYS,
    Link,
    Thread,
    ThreadError,
    assign_threads,
    assign_threads_briefly,
    assign_threads_on,
    decisions,
    explain_pair,
    link_stories,
    market_view,
    merge_threads,
    rename_thread,
    split_thread,
    stored_threads,
    thread_stories,
    timeline,
    title_words,
    unlink_story,
)
from factcheck.tracking.versions import (
    ClaimChanges,
    ClaimDelta,
    VersionMissing,
    claim_changes,
    describe_changes,
    diff_texts,
    version_diff,
    version_summary,
)
from factcheck.tracking.words import people_in, person_surname, surname

__all__ = [
    "STATUSES",
    "Alert",
    "NewAlert",
    "StatusError",
    "explain_pair",
    "finding_alerts",
    "handle_alert",
    "list_alerts",
    "market_view",
    "refresh_alerts",
    "refresh_alerts_on",
    "register_source",
    "set_status",
    "status_of",
    "COMMON_MIN",
    "WINDOW_DAYS",
    "ClaimChanges",
    "ClaimDelta",
    "Link",
    "SpeakerClaim",
    "Thread",
    "ThreadError",
    "VerdictChange",
    "VersionMissing",
    "assign_threads",
    "assign_threads_briefly",
    "assign_threads_on",
    "claim_changes",
    "decisions",
    "describe_changes",
    "diff_texts",
    "link_stories",
    "merge_threads",
    "people_in",
    "person_surname",
    "rename_thread",
    "speaker_history",
    "split_thread",
    "stored_threads",
    "surname",
    "thread_stories",
    "timeline",
    "title_words",
    "unlink_story",
    "verdict_changes",
    "version_diff",
    "version_summary",
]


def prepare_round(store):
    """After a poll round: the regrouping and the alerts, worked out on one read connection
    (the slow part), for `save_round` to write in the round's last transaction."""
    from factcheck.tracking import alerts as _alerts
    from factcheck.tracking import threads as _threads

    with store.read() as con:
        fetched = _threads._fetch(con)
        found = [a for source in _alerts.SOURCES.values() for a in source(con)]
    # The scoring of every story runs with no connection open: the app may use the store.
    return fetched[2], _threads._compute(fetched, WINDOW_DAYS), found


def save_round(con, prepared) -> None:
    """Write what `prepare_round` found; regroup inside when hand decisions changed meanwhile."""
    from factcheck import store as store_mod
    from factcheck.tracking import alerts as _alerts
    from factcheck.tracking import threads as _threads

    pins, grouped, found = prepared
    if store_mod.tracking_pins(con) != pins:
        grouped = _threads._threads(con, WINDOW_DAYS)
    _threads._save(con, *grouped)
    _alerts._save(con, found)
