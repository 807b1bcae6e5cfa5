"""Corrections caught where they happen: canonical story URLs, and article pages re-fetched on a
schedule that follows the story's age.

- **Canonical URLs.** Scheme and host lower-case, default port, fragment and tracking parameters
  (`utm_*`, `fbclid`, ... in `tracking/data/tracking_params.txt`) dropped, the rest sorted. A
  feed item whose canonical link is a story already stored is that story, so one story reached
  through two links is one story.
- **The schedule.** A story's page is due again when the time since it was last read is at least
  its age times `refetch_ratio` (FACTCHECK_REFETCH_RATIO, default 0.25), within
  [`refetch_min_minutes`, `refetch_max_hours`]: a story an hour old is re-read after 15
  minutes, a day old after 6 hours, a month old weekly; past `refetch_stop_days` never again.
  At most `refetch_per_round` pages a poll round, the longest waiting first.
- **What makes a version.** The page's main text (trafilatura, as for teasers) is compared with
  the latest version through the typography-blind content hash, so whitespace, quotes and
  dashes never make a version. The first reading of a page is a baseline (a page and a feed
  rarely extract to the same words), unless its numbers differ from the stored version's; after
  that any change of words is a new version. The new version keeps the feed's hash, so the next
  feed poll does not count it again.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeGuard
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from factcheck import store as store_mod
from factcheck.config import Settings
from factcheck.feeds import content_hash, full_text
from factcheck.models import StoryItem
from factcheck.store import Store
from factcheck.tracking.words import read_words

log = logging.getLogger(__name__)
# Per store: no page can fall due before this time (see `refetch_due`).
_NOT_BEFORE: dict[str, datetime] = {}
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _tracking(name: str) -> bool:
    name = name.lower()
    params = read_words("tracking_params.txt")
    return name in params or any(p.endswith("*") and name.startswith(p[:-1]) for p in params)


def canonical_url(url: str | None) -> str | None:
    """The story's address without what only says how the reader arrived."""
    if not url:
        return url
    raw = url.strip()
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        return raw
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return raw
    host = parts.hostname.lower().rstrip(".")
    if port and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.username or ''}{':' + parts.password if parts.password else ''}@{host}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def _is_web(value: str | None) -> TypeGuard[str]:
    return bool(value) and str(value).lower().startswith(("http://", "https://"))


def canonicalise_items(
    items: list[StoryItem], stored: list[tuple[str, str | None]]
) -> list[StoryItem]:
    """Items with canonical links (and guids, where the guid is a link); an item whose canonical
    link is a stored story of the feed takes that story's guid; two items of one story, one."""
    by_link: dict[str | None, str] = {}
    for stored_guid, url in stored:
        for value in (url, stored_guid):
            if _is_web(value):
                by_link.setdefault(canonical_url(value), stored_guid)
    out, seen_links, seen_guids = [], set(), set()
    for item in items:
        link = canonical_url(item.url) if _is_web(item.url) else item.url
        guid = (canonical_url(item.guid) if _is_web(item.guid) else None) or item.guid
        key = link or guid
        if key in by_link:
            guid = by_link[key]
        elif guid in by_link:
            guid = by_link[guid]
        if (key and key in seen_links) or guid in seen_guids:
            continue  # the same story twice in one feed: keep the first (newest)
        seen_links.add(key)
        seen_guids.add(guid)
        out.append(replace(item, url=link, guid=guid))
    return out


@dataclass
class RefetchResult:
    fetched: int = 0
    changed: list[int] = field(default_factory=list)  # story ids that got a new version
    errors: int = 0


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _values(claims) -> Counter:
    return Counter((round(c.low, 6), round(c.high, 6), c.unit) for c in claims)


def refetch_due(
    store: Store, nlp, settings: Settings, *, now: datetime | None = None
) -> RefetchResult:
    """Re-read the article pages that are due; store a new version where a page changed."""
    now = now or _now()
    result = RefetchResult()
    if settings.refetch_stop_days <= 0 or settings.refetch_per_round <= 0:
        return result
    key = str(store.path)
    if now < _NOT_BEFORE.get(key, datetime.min):
        return result  # nothing can be due yet: the store is not even opened
    rule: dict[str, Any] = {
        "now": now,
        "ratio": settings.refetch_ratio,
        "min_seconds": settings.refetch_min_minutes * 60,
        "max_seconds": settings.refetch_max_hours * 3600,
        "stop_seconds": settings.refetch_stop_days * 86400,
    }
    with store.read() as con:
        due = store_mod.refetch_due(con, **rule, limit=settings.refetch_per_round)
        wait = store_mod.refetch_next_due(con, **rule) if not due else 0
    # A story stored from now on is first due `min_seconds` after it was read, so no page can
    # fall due before this: `poll --every 1` does not open the store each round for nothing.
    soonest = rule["min_seconds"] if wait is None else min(max(wait, 0), rule["min_seconds"])
    _NOT_BEFORE[key] = now + timedelta(seconds=soonest)
    for story_id, url, title, version_id, text, feed_hash, page_hash, published in due:
        result.fetched += 1
        page = full_text(url, settings)  # fetch.py's rules; trafilatura on the fetched bytes
        if not page:
            result.errors += 1
            with store.transaction() as con:
                store_mod.refetch_record(
                    con, story_id, now, page_hash, "the page could not be read"
                )
            continue
        new_hash = content_hash(title, page)
        claims = None
        if new_hash == content_hash(title, text) or new_hash == page_hash:
            change = False  # the same words (typography aside), or unchanged since last read
        elif page_hash is None:
            # First reading: a baseline, unless the page's numbers differ from the version's.
            claims = _claims(nlp, page, published)
            with store.read() as con:
                stored = store_mod.refetch_version_values(con, version_id)
            change = claims is not None and _values(claims) != Counter(stored)
        else:
            change = True
        with store.transaction() as con:
            if change:
                if claims is None:
                    claims = _claims(nlp, page, published) or []
                added = store_mod.refetch_add_version(
                    con,
                    story_id,
                    version_id,
                    title=title,
                    text=page,
                    content_hash=feed_hash,
                    fetched_at=now,
                    url=url,
                )
                if added is not None:
                    ids = store_mod.insert_claims(con, story_id, added[0], claims)
                    if ids:
                        from factcheck import verify

                        verify.check_claims_in_store(con, ids)
                    result.changed.append(story_id)
            store_mod.refetch_record(con, story_id, now, new_hash, None)
    if result.changed:
        log.info("re-read %d pages: %d changed", result.fetched, len(result.changed))
    return result


def _claims(nlp, text: str, published: datetime | None):
    if nlp is None:
        return None
    from factcheck import claims as claims_mod

    return list(claims_mod.extract_claims(nlp, text, published.date() if published else None))
