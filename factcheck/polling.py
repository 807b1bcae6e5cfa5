"""Poll every feed: fetch, parse, store new stories and versions, extract and check their claims.

Per feed, in this order, and with no store connection open during the slow parts:
1. read the feed's stored validators and latest story hashes (a short connection);
2. conditional GET (ETag / Last-Modified) under fetch.py's rules, then parse the bytes;
3. compare each item's content hash with its story's latest version: new, updated or unchanged;
4. fetch the article page for new or changed items that carry only a teaser;
5. extract claims with spaCy (skipped when `nlp` is None: stories are stored without claims);
6. ONE transaction: stories, versions, claims, the checks of those claims and the feed's status.
A feed that fails records its error on its row; the other feeds go on.

Steps 2-4 (the network) run for all feeds of a round at once, in a pool of
`FACTCHECK_FETCH_WORKERS` threads with at most `FACTCHECK_PER_HOST` requests at once to any one
host, each request inside fetch.py's one total deadline; steps 5-6 run in the calling thread,
one feed at a time, as each feed's network part finishes. One slow host therefore delays only
its own feed, by at most its deadline. Chosen over one process per feed because spaCy is loaded
once and the store keeps a single writer per process.

The content hash is taken over what the *feed* says (title and feed text), not over the fetched
article, so a poll can tell whether a story changed without fetching every article page again.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

# Imported now so that its first import (0.3 s) does not happen inside the first write
# transaction, where the store is held and the app waits; the store's batch inserts use it.
import pyarrow  # noqa: F401

from factcheck import fetch as fetch_mod
from factcheck import store as store_mod
from factcheck.config import Settings
from factcheck.feeds import content_hash, full_text, needs_full_text, parse_feed
from factcheck.models import Feed, StoryItem
from factcheck.store import Store, StoreError
from factcheck.wording import looks_english

log = logging.getLogger(__name__)

# At most this many article pages are fetched per feed per round: a feed of 200 teasers must not
# turn one poll into 200 slow requests. Items past the budget keep their feed text.
MAX_ARTICLE_FETCHES = 30

# Feeds registered under this scheme hold bundled items (the demo newsroom) and are never fetched.
BUNDLED_PREFIX = "demo:"


@dataclass
class FeedResult:
    feed: Feed
    status: str  # new, updated, unchanged, not-modified, bundled, error
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # items cleaned or skipped

    def line(self) -> str:
        """One line for the poll command's output."""
        head = f"{self.feed.station} {self.feed.url}"
        if self.status == "error":
            return f"{head}: error: {self.error}"
        if self.status == "not-modified":
            return f"{head}: not modified"
        if self.status == "bundled":
            return f"{head}: bundled demo feed, not fetched"
        line = f"{head}: {self.new} new, {self.updated} updated, {self.unchanged} unchanged"
        if self.notes:
            line += " (partly read: " + "; ".join(self.notes) + ")"
        return line


class _FeedProblem(Exception):
    """The feed answered, but with something that is not a usable feed."""


@dataclass
class _Change:
    item: StoryItem
    digest: str
    text: str = ""
    claims: list = field(default_factory=list)
    from_page: bool = False  # the text is the article page's, read now


def _now() -> datetime:
    """Now as naive UTC: the store's TIMESTAMP columns hold UTC without a zone."""
    return datetime.now(UTC).replace(tzinfo=None)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return text[:300]


def poll_all(
    store: Store,
    nlp,
    settings: Settings,
    progress: Callable[[int, int, Feed, FeedResult | None], None] | None = None,
    *,
    stop: Callable[[], bool] | None = None,
) -> list[FeedResult]:
    """Poll every registered feed, each in its own transaction; one result per feed polled,
    in the order the feeds were registered.

    The network part of every feed (the feed, then its article pages) runs in a pool of
    `settings.fetch_workers` threads, at most `settings.per_host` requests at once to any one
    host; spaCy and the store's transaction run here, one feed at a time, as each feed's network
    part finishes. So a slow or hanging host holds up only its own feed, for at most its fetch
    deadlines, and never the others of the round.

    `progress(i, n, feed, None)` is called before feed i of n is stored and
    `progress(i, n, feed, result)` after it (i counts feeds done, in the order they finish).
    `stop()` is asked between feeds; when true, the round ends early (the feeds done so far
    are committed). Raises StoreError only when the store itself cannot be used.
    """
    started = _now()
    feeds = store.feeds()
    with store.read() as con:
        known = {f.id: store_mod.latest_versions(con, f.id) for f in feeds}
        links = {f.id: store_mod.refetch_feed_urls(con, f.id) for f in feeds}
    hosts = _HostLimits(settings.per_host)
    done: dict[int, FeedResult] = {}
    pool = ThreadPoolExecutor(max_workers=settings.fetch_workers, thread_name_prefix="poll")
    try:
        futures = {}
        for feed in feeds:
            if feed.url.startswith(BUNDLED_PREFIX):
                # The demo feed's items ship with the code (factcheck.demo): nothing to fetch.
                futures[pool.submit(_Fetched, feed, status="bundled")] = feed
            else:
                futures[
                    pool.submit(_fetch_feed, feed, known[feed.id], settings, hosts, links[feed.id])
                ] = feed
        i = 0
        for future in as_completed(futures):
            if stop is not None and stop():
                # Feeds not yet started are dropped; those already fetched or being fetched
                # are still stored (each within its fetch deadline), as a stop promises.
                pool.shutdown(wait=False, cancel_futures=True)
            if future.cancelled():
                continue
            i += 1
            feed = futures[future]
            if progress:
                progress(i, len(feeds), feed, None)
            done[feed.id] = _store_feed(store, nlp, feed, future.result())
            if progress:
                progress(i, len(feeds), feed, done[feed.id])
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    results = [done[f.id] for f in feeds if f.id in done]
    refetched = None
    if feeds and not (stop is not None and stop()):
        # Article pages re-read on their schedule: a correction made on the page, not in the
        # feed, becomes a new version (factcheck/refetch.py).
        from factcheck import refetch

        refetched = refetch.refetch_due(store, nlp, settings)
    if feeds:
        from factcheck import arithmetic, tracking

        prepared = None
        if any(r.new or r.updated for r in results) or (refetched and refetched.changed):
            # Follow-ups and other stations' tellings join their threads as they arrive, once
            # per round, not once per feed; then the alerts: worked out before the write opens.
            prepared = tracking.prepare_round(store)
        with store.transaction() as con:
            if prepared is not None:
                tracking.save_round(con, prepared)

            # Versions no feed round checked yet (stored before the findings table existed).
            arithmetic.check_stored_on(con)
            store_mod.record_poll(
                con,
                started_at=started,
                finished_at=_now(),
                feeds=len(results),
                new_stories=sum(r.new for r in results),
                updated_stories=sum(r.updated for r in results),
                errors=sum(r.status == "error" for r in results),
            )
    return results


def poll_feed(store: Store, nlp, settings: Settings, feed: Feed) -> FeedResult:
    """Poll one feed; never raises for a problem of the feed itself (it becomes the result)."""
    with store.read() as con:
        known = store_mod.latest_versions(con, feed.id)
        links = store_mod.refetch_feed_urls(con, feed.id)
    fetched = _fetch_feed(feed, known, settings, _HostLimits(settings.per_host), links)
    return _store_feed(store, nlp, feed, fetched)


class _HostLimits:
    """At most `per_host` requests at once to one host, across all the threads of a round;
    and the hosts that timed out this round, whose further article pages are not asked for."""

    def __init__(self, per_host: int):
        self._per_host = per_host
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self.slow: set[str] = set()

    def slot(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(self._per_host))

    def note_timeout(self, url: str) -> None:
        with self._lock:
            self.slow.add((urlsplit(url).hostname or "").lower())

    def is_slow(self, url: str) -> bool:
        with self._lock:
            return (urlsplit(url).hostname or "").lower() in self.slow


@dataclass
class _Fetched:
    """The network part of one feed's poll: what came back, before spaCy and the store."""

    feed: Feed
    status: str = "fetched"  # fetched, not-modified, bundled, error
    got: fetch_mod.FetchResult | None = None
    changes: list[_Change] = field(default_factory=list)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def _fetch_feed(
    feed: Feed,
    known: dict,
    settings: Settings,
    hosts: _HostLimits,
    links: list[tuple[str, str | None]] | None = None,
) -> _Fetched:
    """Fetch and parse a feed and its teasers' article pages. Runs in a worker thread: it
    touches neither the store nor spaCy, and never raises for a problem of the feed."""
    try:
        return _fetch_feed_inner(feed, known, settings, hosts, links or [])
    except (fetch_mod.FetchError, _FeedProblem) as exc:
        return _Fetched(feed=feed, status="error", error=_one_line(exc))
    except Exception as exc:  # noqa: BLE001 - deliberate: one feed must not stop the others
        log.exception("fetching %s failed", feed.url)
        return _Fetched(
            feed=feed, status="error", error=f"{exc.__class__.__name__}: {_one_line(exc)}"
        )


def _fetch_feed_inner(feed, known, settings, hosts, links) -> _Fetched:
    with hosts.slot(feed.url):
        got = fetch_mod.fetch(
            feed.url, settings=settings, etag=feed.etag, last_modified=feed.last_modified
        )
    if got.not_modified:
        return _Fetched(feed=feed, status="not-modified", got=got)
    parsed = parse_feed(got.body, base_url=got.final_url, content_type=got.content_type)
    if parsed.error:
        raise _FeedProblem(parsed.error)
    out = _Fetched(feed=feed, got=got, notes=list(parsed.notes))
    from factcheck.refetch import canonicalise_items

    # Canonical links: one story reached through two links (tracking parameters) is one story.
    parsed.items = canonicalise_items(parsed.items, links)
    for item in parsed.items:
        digest = content_hash(item.title, item.text)
        stored = known.get(item.guid)
        if stored is None:
            out.new += 1
        elif stored[2] != digest:
            out.updated += 1
        else:
            out.unchanged += 1
            continue
        out.changes.append(_Change(item=item, digest=digest, text=item.text))

    budget = MAX_ARTICLE_FETCHES
    # The article pages of one feed share one deadline: a feed of slow article pages ends
    # with its feed texts, not 30 timeouts later.
    until = time.monotonic() + settings.total_timeout
    for change in changes_needing_text(out.changes):
        assert change.item.url is not None  # needs_full_text: it links to an article page
        if budget <= 0 or time.monotonic() > until or hosts.is_slow(change.item.url):
            continue
        budget -= 1
        with hosts.slot(change.item.url):
            fetched = full_text(change.item.url, settings, on_timeout=hosts.note_timeout)
        # Keep the feed's text when the article page gives less (a paywall stub, a nav page).
        if fetched and len(fetched) > len(change.text):
            change.text = fetched
            change.from_page = True
    return out


def changes_needing_text(changes: list[_Change]) -> list[_Change]:
    return [c for c in changes if needs_full_text(c.item)]


def _store_feed(store: Store, nlp, feed: Feed, fetched: _Fetched) -> FeedResult:
    """spaCy and the one transaction for a fetched feed; never raises for the feed's content."""
    if fetched.status == "bundled":
        return FeedResult(feed=feed, status="bundled")
    if fetched.status == "error":
        _record_error(store, feed, fetched.error or "unknown error")
        return FeedResult(feed=feed, status="error", error=fetched.error)
    try:
        return _store_fetched(store, nlp, feed, fetched)
    except StoreError:
        raise  # the store is unusable: no point going on with other feeds
    except Exception as exc:  # noqa: BLE001 - deliberate: one feed must not stop the others
        # Anything else one feed's content can provoke (odd data reaching spaCy, the checker or
        # a constraint, or a bug they expose): this feed is marked failed with the reason, its
        # transaction has rolled back, and the rest go on. The traceback goes to the log.
        log.exception("polling %s failed", feed.url)
        error = f"{exc.__class__.__name__}: {_one_line(exc)}"
    _record_error(store, feed, error)
    return FeedResult(feed=feed, status="error", error=error)


def _record_error(store: Store, feed: Feed, error: str) -> None:
    with store.transaction() as con:
        # Keep the old validators: the failed response was never processed, so the next poll
        # must not be answered "304 not modified" for it.
        store_mod.record_feed_status(
            con,
            feed.id,
            status="error",
            error=error,
            etag=feed.etag,
            last_modified=feed.last_modified,
            polled_at=_now(),
        )


def _store_fetched(store: Store, nlp, feed: Feed, fetched: _Fetched) -> FeedResult:
    got = fetched.got
    assert got is not None  # fetched and not-modified feeds came with a response
    if fetched.status == "not-modified":
        with store.transaction() as con:
            store_mod.record_feed_status(
                con,
                feed.id,
                status="not-modified",
                error=None,
                etag=got.etag,
                last_modified=got.last_modified,
                polled_at=_now(),
            )
        return FeedResult(feed=feed, status="not-modified")

    changes = fetched.changes
    notes = list(fetched.notes)
    # Stories with no text at all get no claims, but still a version (their title may change).
    if nlp is not None and changes:
        notes += _extract(nlp, changes)

    n_claims = 0
    polled = _now()
    new, updated = fetched.new, fetched.updated
    with store.transaction() as con:
        # Two statements for all the feed's stories and versions, one for all their claims:
        # the store is held for as short a time as possible.
        added = store_mod.store_versions(
            con, feed.id, [(c.item, c.text, c.digest) for c in changes], polled
        )
        claim_ids = store_mod.insert_claims_batch(
            con,
            [
                (added[c.item.guid][0], added[c.item.guid][1], c.claims)
                for c in changes
                if c.item.guid in added  # absent: a concurrent poll stored this version first
            ],
        )
        from factcheck import arithmetic

        # The story's own arithmetic, per version stored: pure Python on the claims just found.
        arithmetic.save_on(
            con,
            [(*added[c.item.guid][:2], c.text, c.claims) for c in changes if c.item.guid in added],
        )
        status = "new" if new else "updated" if updated else "unchanged"
        store_mod.record_feed_status(
            con,
            feed.id,
            status=status,
            # Not an error, but what the newsroom must know: items cleaned or left out.
            error=("partly read: " + "; ".join(notes))[:1000] if notes else None,
            etag=got.etag,
            last_modified=got.last_modified,
            polled_at=polled,
        )
        for c in changes:
            if c.from_page and c.item.guid in added:  # the page as read now: the re-fetch baseline
                store_mod.refetch_record(
                    con, added[c.item.guid][0], polled, content_hash(c.item.title, c.text), None
                )
        if claim_ids:
            from factcheck import verify

            verify.check_claims_in_store(con, claim_ids)
        n_claims = len(claim_ids)
    return FeedResult(
        feed=feed,
        status=status,
        new=new,
        updated=updated,
        unchanged=fetched.unchanged,
        claims=n_claims,
        notes=notes,
    )


def _extract(nlp, changes: list[_Change]) -> list[str]:
    """Claims of every change, in one batch; an item that breaks extraction loses its claims
    (its story is still stored) and claims whose value is not a finite number are dropped."""
    from factcheck import claims as claims_mod

    def when(c: _Change):
        return (c.item.published or datetime.now(UTC)).date()

    notes: list[str] = []
    # Only English is supported: a story in another language gets no claims (the English
    # pipeline would misread "1.500 armas" as 1.5), and the feed's status says so.
    foreign = [c for c in changes if not looks_english(c.text)]
    if foreign:
        notes.append(
            f"{len(foreign)} stor{'y' if len(foreign) == 1 else 'ies'} not in English: no claims"
            " read (only English is supported)"
        )
        changes = [c for c in changes if looks_english(c.text)]
        if not changes:
            return notes
    try:
        found = claims_mod.extract_batch(nlp, [(c.text, when(c)) for c in changes])
    except Exception:  # noqa: BLE001 - find the item at fault, keep the others' claims
        found, failed, n_failed = [], None, 0
        for c in changes:
            try:
                found.append(claims_mod.extract_claims(nlp, c.text, when(c)))
            except Exception as exc:  # noqa: BLE001
                log.exception("claims of %s failed", c.item.guid)
                notes.append(f"claims of {c.item.title[:60]!r} not read: {_one_line(exc)[:100]}")
                found.append([])
                failed, n_failed = exc, n_failed + 1
        if failed is not None and n_failed == len(changes):
            raise failed from None  # every item failed: the pipeline is at fault, not one item
    for change, claims in zip(changes, found, strict=True):
        kept = [c for c in claims if _finite(c.low) and _finite(c.high)]
        if len(kept) < len(claims):
            notes.append(
                f"{len(claims) - len(kept)} claim(s) in {change.item.title[:60]!r} skipped:"
                " a number too large to check"
            )
        change.claims = kept
    return notes


def _finite(value) -> bool:
    return value is None or math.isfinite(value)
