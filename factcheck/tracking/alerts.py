"""Alerts: what needs an editor's attention, found from the store, stored once, newest first,
each with what to do.

Kinds (each a source function over an open connection, registered in `SOURCES`):
- `verdict_changed`: a re-check after new or revised figures changed a claim's verdict; high
  when the story aired (status `aired`) or the claim now reads inaccurate;
- `figure_revised`: the official value behind a claim was revised and its verdict stands;
- `changed_after_verified`: a story got a new version after an editor marked it verified (or
  aired); the message says which claims changed value;
- `repeated_inaccurate`: a figure already found inaccurate comes back in a later story, of the
  same station or another, on the same series and period;
- `speaker_contradiction`: a speaker's claim disagrees with their own earlier claim on the same
  series and period (a year-to-date count that shrinks, two values for one period);
- `finding`: a story's own numbers that disagree (issue 11's "findings"): `finding_alerts(rows)`
  turns finding rows into alerts, and the source reads the `findings` table once it exists.
An alert's `key` says what it is about, so finding it again adds nothing; refreshing is cheap
and runs after every poll, after `alerts` is asked for, and when the Tracker opens.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from factcheck import store as store_mod
from factcheck.store import Store, StoreError
from factcheck.tracking.versions import claim_changes_on, describe_changes
from factcheck.tracking.words import person_surname


@dataclass
class NewAlert:
    """An alert as a source finds it, before it is stored."""

    key: str
    kind: str
    story_id: int | None
    claim_id: int | None
    created: datetime
    message: str
    action: str
    severity: str = "normal"


@dataclass
class Alert:
    id: int
    kind: str
    story_id: int | None
    claim_id: int | None
    created: datetime
    severity: str
    message: str
    action: str
    handled_at: datetime | None
    handled_by: str | None
    handled_note: str | None
    title: str | None = None
    station: str | None = None

    def to_dict(self) -> dict:
        """The `alerts --format jsonl` line."""
        return {
            "id": self.id,
            "kind": self.kind,
            "story_id": self.story_id,
            "created": self.created.replace(tzinfo=UTC).isoformat() if self.created else None,
            "message": self.message,
            "action": self.action,
            "severity": self.severity,
            "claim_id": self.claim_id,
            "handled": self.handled_at is not None,
        }


def _num(v: float | None) -> str:
    if v is None:
        return "none"
    return f"{v:,.0f}" if v == round(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


def _day(value) -> str:
    return f"{value:%b} {value.day}, {value.year}" if value else "an unknown date"


_MODE_WORDS = {"now": "as of now", "aired": "as aired"}


def verdict_changed(con) -> list[NewAlert]:
    out = []
    for r in store_mod.alerts_verdict_changes(con):
        hid, cid, sid, title, station, claim, mode, old, new, o_old, o_new, why, when, st = r
        aired = st == "aired"
        if old == new:  # the record was revised, the verdict stands
            out.append(
                NewAlert(
                    f"figure_revised:{hid}",
                    "figure_revised",
                    sid,
                    cid,
                    when,
                    f'The record behind "{claim}" in {station}\'s "{title}" was revised from'
                    f" {_num(o_old)} to {_num(o_new)} ({why}); the verdict stays {new}.",
                    "No correction needed; use the revised figure if the story is updated or"
                    " aired again.",
                )
            )
            continue
        message = (
            f'"{claim}" in {station}\'s "{title}" was {old} and is now {new}'
            f" {_MODE_WORDS.get(mode, mode)}: {why}"
            + (f" (official {_num(o_old)} -> {_num(o_new)})" if o_old != o_new else "")
            + (". The story has aired." if aired else ".")
        )
        if aired and new == "inaccurate":
            action = (
                "Set the story to needs correction, prepare an on-air correction with the"
                " revised figure, and tell the reporter."
            )
        elif aired:
            action = (
                "The aired figure now agrees with the revised record: note it on the story and"
                " withdraw any correction prepared for it."
            )
        else:
            action = (
                "Re-check the claim against the revised figure and update the script before it"
                " airs."
            )
        out.append(
            NewAlert(
                f"verdict_changed:{hid}",
                "verdict_changed",
                sid,
                cid,
                when,
                message,
                action,
                "high" if aired or new == "inaccurate" else "normal",
            )
        )
    return out


def changed_after_verified(con) -> list[NewAlert]:
    out = []
    for (
        sid,
        vid,
        version,
        fetched,
        title,
        station,
        marked,
        status,
    ) in store_mod.alerts_changed_after_verified(con):
        changes = describe_changes(claim_changes_on(con, sid, version - 1, version))
        said = "; ".join(changes) if changes else "no claim changed value"
        message = (
            f'{station}\'s "{title}" changed after it was marked {status} on {_day(marked)}:'
            f" version {version} ({said})."
        )
        action = (
            "Compare the versions, re-check what changed, and set the status back to"
            " checking until it is verified again."
        )
        out.append(
            NewAlert(
                f"changed_after_verified:{sid}:{vid}",
                "changed_after_verified",
                sid,
                None,
                fetched,
                message,
                action,
                "high" if changes else "normal",
            )
        )
    return out


def repeated_inaccurate(con) -> list[NewAlert]:
    out, seen = [], set()
    for r in store_mod.alerts_repeated_inaccurate(con):
        cid, sid, title, station, when, text, e_sid, e_title, e_station, e_when, official = r
        if cid in seen:
            continue  # the earliest earlier claim is enough
        seen.add(cid)
        who = "another station" if e_station != station else "the same station"
        message = (
            f'"{text}" in {station}\'s "{title}" repeats a figure found inaccurate in'
            f' {e_station}\'s "{e_title}" ({_day(e_when)}, {who}): the record says {_num(official)}.'
        )
        action = (
            f"Correct the figure to the record ({_num(official)}) before this story airs, or flag"
            " it to the reporter with the earlier check."
        )
        out.append(
            NewAlert(
                f"repeated_inaccurate:{cid}",
                "repeated_inaccurate",
                sid,
                cid,
                when,
                message,
                action,
                "high",
            )
        )
    return out


# --- a speaker against their own earlier claim -----------------------------------------------------

_YTD = re.compile(r"\b(?:this year|so far|year to date|year-to-date|to date)\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast year\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _period_key(period: str | None, published: datetime | None, start, end):
    """(kind, start) of a claim's period and its end, or None when it cannot be told.

    From the check when it resolved one (start and end dates), else from the words: "this
    year" / "so far this year" is the year to date of the story's year; "last year" and "in
    2025" are whole years."""
    if start is not None:
        return ("p", start), end
    if not period or published is None:
        return None
    if _YTD.search(period):
        return ("ytd", published.year), published.date()
    if _LAST_YEAR.search(period):
        return ("year", published.year - 1), None
    if m := _IN_YEAR.search(period):
        return ("year", int(m.group(1))), None
    return None


def _bounds(low: float, high: float, qualifier: str) -> tuple[float, float]:
    """The values a claim allows, at its stated precision ("more than 1,500": 1,500 and up)."""
    if qualifier in ("more_than", "at_least"):
        return low, float("inf")
    if qualifier in ("less_than", "at_most"):
        return float("-inf"), high
    if qualifier == "almost":
        return high * 0.9, high
    if qualifier == "approximately":
        return low * 0.9, high * 1.1
    slack = 0.005 * max(abs(low), abs(high))  # "1,300" and "1,304" are one figure
    return low - slack, high + slack


def speaker_contradiction(con) -> list[NewAlert]:
    groups: dict[tuple, list] = defaultdict(list)
    for r in store_mod.alerts_speaker_claims(con):
        (cid, sid, title, station, when, speaker, text, low, high, qualifier, unit, change) = r[:12]
        subject, period, metric, p_start, p_end = r[12:]
        name = person_surname(speaker)
        series = metric or subject
        if not name or not series or change != "level":
            continue
        key = _period_key(period, when, p_start, p_end)
        if key is None:
            continue
        groups[(name, series, unit, key[0])].append(
            (when, cid, sid, title, station, speaker, text, low, high, qualifier, key[1])
        )
    out = []
    for (_name, series, unit, _pk), claims in groups.items():
        claims.sort(key=lambda c: (c[0] or datetime.min, c[1]))
        for i, later in enumerate(claims):
            for earlier in claims[:i]:
                if earlier[2] == later[2]:
                    continue  # one story's own numbers are issue 11's findings
                lo_e, hi_e = _bounds(earlier[7], earlier[8], earlier[9])
                lo_l, hi_l = _bounds(later[7], later[8], later[9])
                ends = (earlier[10], later[10])
                cumulative = unit == "count" and (
                    ends[0] is None or ends[1] is None or ends[1] >= ends[0]
                )
                if ends[0] == ends[1] or ends[0] is None or ends[1] is None:
                    clash = hi_l < lo_e or hi_e < lo_l
                else:
                    clash = False
                if cumulative and hi_l < lo_e:
                    clash = True  # a count to date cannot shrink
                if not clash:
                    continue
                message = (
                    f'{later[5]} said "{later[6]}" ({later[4]}, "{later[3]}", {_day(later[0])})'
                    f' but "{earlier[6]}" earlier ({earlier[4]}, "{earlier[3]}",'
                    f" {_day(earlier[0])}) for the same {series} and period: both cannot be right."
                )
                action = (
                    "Ask the speaker's office which figure stands, check it against the record,"
                    " and correct the story that carries the wrong one."
                )
                out.append(
                    NewAlert(
                        f"speaker_contradiction:{later[1]}:{earlier[1]}",
                        "speaker_contradiction",
                        later[2],
                        later[1],
                        later[0],
                        message,
                        action,
                        "high",
                    )
                )
                break  # one earlier claim is enough to send the editor to both
    return out


# --- a story's own numbers (issue 11) -------------------------------------------------------------


def finding_alerts(rows: list[dict]) -> list[NewAlert]:
    """Alerts for findings where a story's own numbers disagree.

    Each row needs `story_id` and an `explanation` (or `message`); `id`, `kind`, `claim_id`
    and `created` (or `found_at`) are used when present. Rows of any other shape are skipped.
    """
    out = []
    for row in rows:
        story_id = row.get("story_id")
        explanation = row.get("explanation") or row.get("message")
        if story_id is None or not explanation:
            continue
        digest = hashlib.sha1(str(explanation).encode("utf-8")).hexdigest()[:12]
        ident = row.get("id") or f"{story_id}:{digest}"
        what = row.get("kind") or "numbers"
        out.append(
            NewAlert(
                f"finding:{ident}",
                "finding",
                story_id,
                row.get("claim_id"),
                row.get("created")
                or row.get("found_at")
                or datetime.now(UTC).replace(tzinfo=None, microsecond=0),
                f"The story's own numbers disagree ({what}): {explanation}",
                "Check which of the story's numbers is right and fix the other before it airs.",
                "high",
            )
        )
    return out


def findings(con) -> list[NewAlert]:
    return finding_alerts(store_mod.alerts_findings_rows(con))


SOURCES: dict[str, Callable] = {
    "verdict_changed": verdict_changed,
    "changed_after_verified": changed_after_verified,
    "repeated_inaccurate": repeated_inaccurate,
    "speaker_contradiction": speaker_contradiction,
    "finding": findings,
}


def register_source(kind: str, source: Callable) -> None:
    """Add (or replace) an alert source: a function of an open connection -> [NewAlert]."""
    SOURCES[kind] = source


def refresh_alerts_on(con) -> int:
    """Find alerts from every source and store the new ones; how many were new."""
    return _save(con, [a for source in SOURCES.values() for a in source(con)])


def _save(con, found: list[NewAlert]) -> int:
    return store_mod.alerts_save(
        con,
        [
            (a.key, a.kind, a.story_id, a.claim_id, a.created, a.severity, a.message, a.action)
            for a in found
        ],
    )


def refresh_alerts(store: Store) -> int:
    """`refresh_alerts_on` with the sources read before the write transaction opens (an alert
    found twice is stored once, so nothing is lost if the store changes in between)."""
    with store.read() as con:
        found = [a for source in SOURCES.values() for a in source(con)]
        new = store_mod.alerts_unknown_keys(con, [a.key for a in found])
    if not new:  # the common case on a page load: nothing to write, so no turn as a writer
        return 0
    with store.transaction() as con:
        return _save(con, [a for a in found if a.key in new])


def list_alerts(
    store: Store, *, include_handled: bool = False, kind: str | None = None, limit: int = 500
) -> list[Alert]:
    """Stored alerts, newest first."""
    with store.read() as con:
        rows = store_mod.alerts_list(con, include_handled=include_handled, kind=kind, limit=limit)
    return [Alert(*r) for r in rows]


def handle_alert(
    store: Store, alert_id: int, *, by: str | None = None, note: str | None = None
) -> None:
    """Mark an alert as dealt with (it stays on record)."""
    with store.transaction() as con:
        if not store_mod.alerts_handle(con, alert_id, by, note):
            raise StoreError(f"there is no open alert {alert_id}")
