"""Poll every feed: fetch, parse, store new stories and versions, extract and check their claims.

Per feed, in this order, and with no store connection open during the slow parts:
1. read the feed's stored validators and latest story hashes (a short connection);
2. conditional GET (ETag / Last-Modified) under fetch.py's rules, then parse the bytes;
3. compare each item's content hash with its story's latest version: new, updated or unchanged;
4. fetch the article page for new or changed items that carry only a teaser;
5. extract claims with spaCy (skipped when `nlp` is None: stories are stored without claims);
6. ONE transaction: stories, versions, claims, the checks of those claims and the feed's status.
A feed that fails records its error on its row; the other feeds go on.

The content hash is taken over what the *feed* says (title and feed text), not over the fetched
article, so a poll can tell whether a story changed without fetching every article page again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

# Imported now so that its first import (0.3 s) does not happen inside the first write
# transaction, where the store is held and the app waits; the store's batch inserts use it.
import pyarrow  # noqa: F401

from factcheck import fetch as fetch_mod
from factcheck import store as store_mod
from factcheck.config import Settings
from factcheck.feeds import content_hash, full_text, needs_full_text, parse_feed
from factcheck.models import Feed, StoryItem
from factcheck.store import Store, StoreError

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

    def line(self) -> str:
        """One line for the poll command's output."""
        head = f"{self.feed.station} {self.feed.url}"
        if self.status == "error":
            return f"{head}: error: {self.error}"
        if self.status == "not-modified":
            return f"{head}: not modified"
        if self.status == "bundled":
            return f"{head}: bundled demo feed, not fetched"
        return f"{head}: {self.new} new, {self.updated} updated, {self.unchanged} unchanged"


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
    """Poll every registered feed, each in its own transaction; one result per feed polled.

    `progress(i, n, feed, None)` is called before feed i of n and `progress(i, n, feed, result)`
    after it. `stop()` is asked between feeds; when true, the round ends early (the feeds done so
    far are committed). Raises StoreError only when the store itself cannot be used.
    """
    started = _now()
    feeds = store.feeds()
    results: list[FeedResult] = []
    for i, feed in enumerate(feeds, start=1):
        if stop is not None and stop():
            break
        if progress:
            progress(i, len(feeds), feed, None)
        if feed.url.startswith(BUNDLED_PREFIX):
            # The demo feed's items ship with the code (factcheck.demo); there is nothing to fetch.
            result = FeedResult(feed=feed, status="bundled")
        else:
            result = poll_feed(store, nlp, settings, feed)
        results.append(result)
        if progress:
            progress(i, len(feeds), feed, result)
    refetched = None
    if feeds and not (stop is not None and stop()):
        # Article pages re-read on their schedule: a correction made on the page, not in the
        # feed, becomes a new version (factcheck/refetch.py).
        from factcheck import refetch

        refetched = refetch.refetch_due(store, nlp, settings)
    if feeds:
        from factcheck import tracking

        prepared = None
        if any(r.new or r.updated for r in results) or (refetched and refetched.changed):
            # Follow-ups and other stations' tellings join their threads as they arrive, once
            # per round, not once per feed; then the alerts: worked out before the write opens.
            prepared = tracking.prepare_round(store)
        with store.transaction() as con:
            if prepared is not None:
                tracking.save_round(con, prepared)
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
    try:
        return _poll_feed(store, nlp, settings, feed)
    except StoreError:
        raise  # the store is unusable: no point going on with other feeds
    except (fetch_mod.FetchError, _FeedProblem) as exc:
        error = _one_line(exc)
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


def _poll_feed(store: Store, nlp, settings: Settings, feed: Feed) -> FeedResult:
    got = fetch_mod.fetch(
        feed.url, settings=settings, etag=feed.etag, last_modified=feed.last_modified
    )
    if got.not_modified:
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

    parsed = parse_feed(got.body, base_url=got.final_url, content_type=got.content_type)
    if parsed.error:
        raise _FeedProblem(parsed.error)

    with store.connect() as con:
        known = store_mod.latest_versions(con, feed.id)
        stored_links = store_mod.refetch_feed_urls(con, feed.id)
    from factcheck.refetch import canonicalise_items

    # Canonical links: one story reached through two links (tracking parameters) is one story.
    parsed.items = canonicalise_items(parsed.items, stored_links)
    changes: list[_Change] = []
    new = updated = unchanged = 0
    for item in parsed.items:
        digest = content_hash(item.title, item.text)
        stored = known.get(item.guid)
        if stored is None:
            new += 1
        elif stored[2] != digest:
            updated += 1
        else:
            unchanged += 1
            continue
        changes.append(_Change(item=item, digest=digest))

    budget = MAX_ARTICLE_FETCHES
    for change in changes:
        change.text = change.item.text
        if budget > 0 and needs_full_text(change.item):
            budget -= 1
            fetched = full_text(change.item.url, settings)
            # Keep the feed's text when the article page gives less (a paywall stub, a nav page).
            if fetched and len(fetched) > len(change.text):
                change.text = fetched
                change.from_page = True

    # Stories with no text at all get no claims, but still a version (their title may change).
    if nlp is not None and changes:
        from factcheck import claims as claims_mod

        found = claims_mod.extract_batch(
            nlp, [(c.text, (c.item.published or datetime.now(UTC)).date()) for c in changes]
        )
        for change, claims in zip(changes, found, strict=True):
            change.claims = list(claims)

    n_claims = 0
    polled = _now()
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
        status = "new" if new else "updated" if updated else "unchanged"
        store_mod.record_feed_status(
            con,
            feed.id,
            status=status,
            error=None,
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
        unchanged=unchanged,
        claims=n_claims,
    )
