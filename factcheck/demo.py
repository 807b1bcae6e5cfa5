"""Fill an empty store with the demo newsroom: a fictional station's feed, illustrative figures.

What `python -m factcheck demo` loads, from `data/demo/` (see its README for every claim's
intended verdict):
1. the metrics catalogue, the place aliases and the illustrative figures (`figures.csv`);
2. the station's feed as first seen (`station.rss`): stories, their claims and checks;
3. the same feed seen later (`station-v2.rss`): one story corrected (a second version of it) and
   a follow-up story added;
4. a revised official figure (`figures-update.csv`), which re-checks the claims it affects, so an
   editor sees a verdict change "as of now" while the verdict "as aired" stands;
5. threads of follow-ups.
All of it in ONE transaction: a failure leaves the store as it was.

The demo feed is never fetched. Its bytes ship with the code and go through the same parser and
the same store functions as a polled feed; the feed is registered under the URL `demo:wdmo7`,
which is not http(s), so `poll` can never send it over the network (fetch.py refuses any other
scheme; poll reports that line as an error and goes on with the other feeds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from factcheck import store as store_mod
from factcheck.config import DEMO_DIR, PROJECT_ROOT
from factcheck.feeds import content_hash, parse_feed
from factcheck.models import StoryItem
from factcheck.store import Store

DEMO_FEED_URL = "demo:wdmo7"
DEMO_STATION = "WDMO 7 (Demo)"
DEMO_PLACE = "Birmingham, Ala."
# When the demo "saw" each version of the feed (naive UTC, as the store keeps time): the
# lastBuildDate of each file, so the story timeline reads like a real poll history.
FEED_VERSIONS = (
    ("station.rss", datetime(2026, 10, 23, 13, 0)),
    ("station-v2.rss", datetime(2026, 11, 13, 14, 0)),
)
ILLUSTRATIVE = "Demo figures are illustrative, not official data."
# Real public-domain files shipped beside the demo (see data/official/README.md).
OFFICIAL_DIR = PROJECT_ROOT / "data" / "official"


class DemoError(Exception):
    """The demo cannot be loaded; the message says why in one line."""


@dataclass
class _Pending:
    item: StoryItem
    digest: str
    claims: list = field(default_factory=list)


def _read(directory: Path, name: str) -> bytes:
    path = directory / name
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DemoError(f"the demo file {path} cannot be read: {exc.strerror or exc}") from exc


def _items(directory: Path, name: str) -> list[StoryItem]:
    parsed = parse_feed(_read(directory, name))
    if parsed.error or not parsed.items:
        raise DemoError(f"the demo feed {name} does not parse: {parsed.error or 'no items'}")
    return parsed.items


def _refuse_if_filled(counts: dict[str, int], path: Path) -> None:
    if counts.get("stories", 0) or counts.get("figures", 0):
        raise DemoError(
            f"the store {path} already holds {counts.get('stories', 0)} stories and "
            f"{counts.get('figures', 0)} figure rows; the demo only fills an empty store "
            "(set FACTCHECK_DB to a new file)"
        )


def _extract(nlp, pending: list[_Pending]) -> None:
    from factcheck import claims as claims_mod

    found = claims_mod.extract_batch(
        nlp, [(p.item.text, (p.item.published or datetime.now(UTC)).date()) for p in pending]
    )
    for p, claims in zip(pending, found, strict=True):
        p.claims = list(claims)


def _changes(items: list[StoryItem], known: dict[str, str]) -> list[_Pending]:
    """Items that are new or whose text changed since the version `known` ({guid: hash})."""
    out = []
    for item in items:
        digest = content_hash(item.title, item.text)
        if known.get(item.guid) != digest:
            out.append(_Pending(item, digest))
            known[item.guid] = digest
    return out


def _store_items(con, feed_id: int, pending: list[_Pending], seen_at: datetime) -> list[int]:
    """The polling path, on the caller's transaction: story, next version, its claims."""
    claim_ids: list[int] = []
    for p in pending:
        story_id = store_mod.upsert_story(con, feed_id, p.item, seen_at)
        added = store_mod.insert_version(
            con,
            story_id,
            title=p.item.title,
            text=p.item.text,
            content_hash=p.digest,
            fetched_at=seen_at,
        )
        if added is not None:
            claim_ids += store_mod.insert_claims(con, story_id, added[0], p.claims)
    return claim_ids


def _figures(directory: Path, name: str, units: dict[str, str]):
    from factcheck import figures

    return figures.read_figures_frame(directory / name, units=units)


def load_demo(store: Store, nlp, *, directory: Path | None = None) -> str:
    """Fill an empty store with the demo newsroom; a one-line summary of what was loaded.

    Raises DemoError (and changes nothing) when the store already has stories or figures, or a
    demo file is missing or invalid.
    """
    from factcheck import figures

    directory = Path(directory or DEMO_DIR)
    _refuse_if_filled(store.counts(), store.path)  # fail fast, before the slow spaCy work

    # Everything slow or fallible happens before the transaction opens: reading and validating
    # the files, parsing the feeds and extracting the claims.
    try:
        catalogue = figures.read_metrics_csv(directory / "metrics.csv")
        units = {m.metric: m.unit for m in catalogue}
        first_figures = _figures(directory, "figures.csv", units)
        revision = _figures(directory, "figures-update.csv", units)
    except figures.FiguresInvalid as exc:
        raise DemoError(f"the demo figures are invalid: {exc}") from exc
    except OSError as exc:
        raise DemoError(f"a demo figures file cannot be read: {exc}") from exc
    places = _places(directory / "places.csv")
    feeds = [(_items(directory, name), seen_at) for name, seen_at in FEED_VERSIONS]
    known: dict[str, str] = {}
    rounds = []
    for items, seen_at in feeds:
        pending = _changes(items, known)
        if nlp is not None:  # without a pipeline the stories are stored without claims
            _extract(nlp, pending)
        rounds.append((pending, seen_at))

    try:
        threads, totals, stories, versions, n_figures = _load(
            store, catalogue, first_figures, revision, places, rounds
        )
    except figures.FiguresInvalid as exc:  # e.g. a revision that contradicts a figure
        raise DemoError(f"the demo figures are invalid: {exc}") from exc
    n_claims = sum(totals.values())
    verdicts = ", ".join(
        f"{totals.get(v, 0)} {v}" for v in ("accurate", "inaccurate", "unverifiable")
    )
    return (
        f"loaded the demo newsroom into {store.path}: {DEMO_STATION}, {stories} stories"
        f" ({versions - stories} with a second version), {n_claims} claims ({verdicts}, as of now),"
        f" {n_figures} figure rows, {len(threads)} threads. {ILLUSTRATIVE}"
    )


def _load(store: Store, catalogue, first_figures, revision, places, rounds):
    """The one transaction of the demo; what it loaded, for the summary."""
    from factcheck import arithmetic, figures, sources, tracking, verify

    with store.transaction() as con:
        # Checked again inside the transaction: another process may have filled it meanwhile.
        _refuse_if_filled(
            {
                "stories": store_mod.demo_count(con, "stories"),
                "figures": store_mod.demo_count(con, "figures"),
            },
            store.path,
        )
        figures.import_frame(con, first_figures, metrics=catalogue, source_name="demo figures.csv")
        store_mod.add_place_aliases(con, places)
        feed_id = store_mod.demo_add_feed(con, DEMO_FEED_URL, DEMO_STATION, DEMO_PLACE)
        for pending, seen_at in rounds:
            claim_ids = _store_items(con, feed_id, pending, seen_at)
            if claim_ids:
                verify.check_claims_in_store(con, claim_ids)
            store_mod.record_feed_status(
                con,
                feed_id,
                status="new" if seen_at == rounds[0][1] else "updated",
                error=None,
                etag=None,
                last_modified=None,
                polled_at=seen_at,
            )
        # The revised figure arrives after the stories aired: its re-check is the verdict change
        # an editor is shown.
        done = figures.import_frame(con, revision, source_name="demo figures-update.csv")
        sources.recheck(con, done.touched, "figures imported from demo figures-update.csv")
        threads = tracking.assign_threads_on(con)
        arithmetic.check_stored_on(con)  # the story's own arithmetic, every version
        tracking.refresh_alerts_on(con)  # the revised figure's verdict change, for the Tracker
        totals = store_mod.app_verdict_totals(con, mode="now")
        stories = store_mod.demo_count(con, "stories")
        versions = store_mod.demo_count(con, "story_versions")
        n_figures = store_mod.demo_count(con, "figures")
    return threads, totals, stories, versions, n_figures


def _places(path: Path) -> list[tuple[str, str]]:
    """(alias, place) rows of places.csv, aliases lower-case."""
    import csv

    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise DemoError(f"the demo file {path} cannot be read: {exc.strerror or exc}") from exc
    out = []
    for line, row in enumerate(rows, start=2):
        place, alias = (row.get("place") or "").strip(), (row.get("alias") or "").strip()
        if not place or not alias:
            raise DemoError(f"{path.name} line {line}: place and alias are both required")
        out.append((alias.lower(), place))
    return out


def load_official(store: Store, *, directory: Path | None = None) -> list[str]:
    """Import the real files listed in `data/official/releases.csv` (FBI, BLS, Census), each as
    its own release with its publisher's release date; a file already on record adds nothing.
    One summary line per file; DemoError when a file is missing or invalid."""
    import csv
    from datetime import date

    from factcheck import sources

    directory = Path(directory or OFFICIAL_DIR)
    try:
        with (directory / "releases.csv").open(newline="", encoding="utf-8") as fh:
            listed = list(csv.DictReader(fh))
    except OSError as exc:
        raise DemoError(f"the official files list cannot be read: {exc.strerror or exc}") from exc
    lines = []
    for row in listed:
        as_of = date.fromisoformat(row["as_of"]) if row.get("as_of") else None
        try:
            report = sources.import_file(store, directory / row["path"], row["format"], as_of=as_of)
        except (sources.FiguresInvalid, OSError) as exc:
            raise DemoError(f"the official file {row['path']} cannot be loaded: {exc}") from exc
        lines.append(report.line)
    return lines
