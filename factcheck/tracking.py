"""What editors follow over time: threads of follow-ups, story versions and their diffs, what a
speaker claimed before, and which verdicts changed when new official figures came in.

Threading rule (documented here because editors see its result): a story continues an earlier
story of the same feed, published at most `window_days` before it, when their titles share at
least one content word (after dropping stop words, role words such as "chief" or "mayor",
numbers, the feed's own place name, and words in more than 2% of the feed's titles, such as
"shooting") AND at least one of these holds:
- they quote the same person (same surname; "Police" or "the department" is not a person),
- their claims were checked against the same official series (metric),
- the later one says it follows up ("follow-up", "earlier report", "first told", ...).
Each story continues at most ONE earlier story: the strongest reason (in that order), then the
most shared title words, then the most recent. Threads are the chains this makes; a story linked
to nothing is in no thread. A title word alone never links two stories.

All SQL is in `factcheck.store` (the "tracking" sub-section).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from factcheck import store as store_mod
from factcheck.store import Store

WINDOW_DAYS = 120
# A title word in more than this share of a feed's stories (and more than COMMON_MIN of them)
# links nothing: "shooting" or "crash" recur in unrelated stories of a local station.
COMMON_SHARE = 0.02
COMMON_MIN = 20

# Words that say nothing about what a story is about, in titles of local news.
_STOP_WORDS = """
    a an and are as at be been but by for from has have he her his in into is it its of on or our
    over she so than that the their them they this to up was we were what when where who will with
    after again all amid about also back before down far first here how just last more most new
    next now off out says say said so still than then there these those through under until
    very while year years today week month months day days report reports update updates video
    watch live breaking news police city county state officials official people residents local
    chief mayor sheriff superintendent officer officers council leaders follow followup follow-up keep
    top amid million millions billion thousand thousands hundred hundreds percent
    """
_WORD = re.compile(r"[a-z][a-z'\u2019-]*[a-z]|[a-z]")
_FOLLOW_UP = re.compile(
    r"\bfollow[- ]?up\b|\bearlier (?:report|story|interview)\b|\bpreviously reported\b"
    r"|\bfirst (?:told|reported|floated|announced|proposed|spoke)\b|\bas we reported\b",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(
    r"^(?:(?:police|fire|battalion|deputy|assistant)\s+)*"
    r"(?:chief|mayor|sheriff|sgt\.?|sergeant|lt\.?|capt\.?|officer|dr\.?|mr\.?|mrs\.?|ms\.?"
    r"|superintendent|president|councilor|councilman|councilwoman|gov\.?|governor|sen\.?)\s+",
    re.IGNORECASE,
)


def _stem(word: str) -> str:
    word = word.replace("\u2019", "'").removesuffix("'s").strip("'-")
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Compared after stemming, like the title words themselves.
_STOP = frozenset(_stem(w) for w in _STOP_WORDS.split())


def title_words(title: str, place: str | None = None) -> set[str]:
    """The content words of a title, lower-case and roughly singular, minus the feed's place."""
    placed = {_stem(w) for w in _WORD.findall((place or "").lower())}
    words = {_stem(w) for w in _WORD.findall(title.lower())}
    return {w for w in words if len(w) > 1 and w not in _STOP and w not in placed}


def surname(speaker: str) -> str:
    """The last word of a speaker's name without titles: "Police Chief Dana Whitfield" -> "whitfield"."""
    name = speaker.strip()
    while True:
        stripped = _HONORIFIC.sub("", name)
        if stripped == name:
            break
        name = stripped
    parts = name.lower().replace(",", " ").split()
    return parts[-1].strip(".") if parts else ""


# Attributions that name an organisation or a crowd, not a person: never a shared "speaker".
_NOT_A_PERSON_WORDS = """
    police department departments office agency service report figures data statistics records
    crews officials officers authorities residents spokesperson spokesman spokeswoman station
    city county state council board district school schools staff team
"""
_NOT_A_PERSON = frozenset(_NOT_A_PERSON_WORDS.split())


def person_surname(speaker: str | None) -> str | None:
    """The surname of a speaker that looks like a person ("Dana Whitfield"), else None."""
    if not speaker:
        return None
    name = surname(speaker)
    words = [w for w in re.split(r"\s+", speaker.strip()) if w]
    if not name or name in _NOT_A_PERSON or not words or not words[-1][:1].isupper():
        return None
    return name


@dataclass
class Thread:
    """A group of stories about one subject, oldest first; `id` once stored."""

    title: str
    story_ids: list[int]
    id: int | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Story:
    id: int
    feed_id: int
    when: datetime | None
    title: str
    words: set[str]
    speakers: set[str]
    metrics: set[str]
    follows_up: bool


def _load_stories(con) -> list[_Story]:
    out = []
    for (
        sid,
        feed_id,
        place,
        when,
        title,
        text,
        speakers,
        metrics,
    ) in store_mod.tracking_story_features(con):
        out.append(
            _Story(
                id=sid,
                feed_id=feed_id,
                when=when,
                title=title,
                words=title_words(title, place),
                speakers={n for n in map(person_surname, speakers) if n},
                metrics=set(metrics),
                follows_up=bool(_FOLLOW_UP.search(title) or _FOLLOW_UP.search(text or "")),
            )
        )
    return out


def _link_reason(a: _Story, b: _Story, shared: set[str]) -> tuple[int, str] | None:
    """Why the later story `b` continues the earlier `a`, with the strength of that reason
    (3 same speaker, 2 same series, 1 follow-up wording only), or None."""
    if a.speakers & b.speakers:
        strength, why = 3, "same speaker (" + ", ".join(sorted(a.speakers & b.speakers)) + ")"
    elif a.metrics & b.metrics:
        strength, why = 2, "same series (" + ", ".join(sorted(a.metrics & b.metrics)) + ")"
    elif b.follows_up:
        strength, why = 1, "follow-up wording"
    else:
        return None
    return strength, f"stories {a.id} and {b.id}: {why}; title words: {', '.join(sorted(shared))}"


def _common_words(stories: list[_Story]) -> set[tuple[int, str]]:
    """(feed, word) pairs too common in a feed's titles to tell stories apart ("shooting")."""
    per_feed: dict[int, int] = defaultdict(int)
    df: dict[tuple[int, str], int] = defaultdict(int)
    for s in stories:
        per_feed[s.feed_id] += 1
        for w in s.words:
            df[(s.feed_id, w)] += 1
    return {key for key, n in df.items() if n > max(COMMON_MIN, COMMON_SHARE * per_feed[key[0]])}


def _group(stories: list[_Story], window_days: int) -> list[Thread]:
    window = timedelta(days=window_days)
    # Time order; a story with no date sorts first and is compared with nothing by date.
    stories = sorted(stories, key=lambda s: (s.when or datetime.min, s.id))
    by_id = {s.id: s for s in stories}
    common = _common_words(stories)
    # Candidates come from an index of (feed, title word): only stories that share a word that
    # is not common in their feed are ever compared, so a big store is not compared pairwise.
    index: dict[tuple[int, str], list[_Story]] = defaultdict(list)
    parent = {s.id: s.id for s in stories}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    reasons: dict[int, str] = {}
    for s in stories:
        keys = [(s.feed_id, w) for w in s.words if (s.feed_id, w) not in common]
        shared: dict[int, set[str]] = defaultdict(set)
        for key in keys:
            for earlier in reversed(index[key]):
                if s.when and earlier.when and s.when - earlier.when > window:
                    break  # postings are in time order: the rest are older still
                shared[earlier.id].add(key[1])
            index[key].append(s)
        # Each story continues at most ONE earlier story: the strongest reason, then the most
        # shared title words, then the most recent. So a story never bridges two threads.
        best = None
        for earlier_id, words in shared.items():
            found = _link_reason(by_id[earlier_id], s, words)
            if found:
                rank = (found[0], len(words), by_id[earlier_id].when or datetime.min, earlier_id)
                if best is None or rank > best[0]:
                    best = (rank, earlier_id, found[1])
        if best is not None:
            reasons[s.id] = best[2]
            parent[find(s.id)] = find(best[1])
    groups: dict[int, list[int]] = defaultdict(list)
    for s in stories:
        groups[find(s.id)].append(s.id)
    threads = []
    for members in groups.values():
        if len(members) < 2:
            continue
        why = [reasons[m] for m in members if m in reasons]
        threads.append(Thread(title=by_id[members[0]].title, story_ids=members, reasons=why))
    threads.sort(key=lambda t: by_id[t.story_ids[-1]].when or datetime.min, reverse=True)
    return threads


def thread_stories(store: Store, *, window_days: int = WINDOW_DAYS) -> list[Thread]:
    """Group the stored stories into threads by the rule above (nothing is written)."""
    with store.connect() as con:
        return _group(_load_stories(con), window_days)


def assign_threads(store: Store, *, window_days: int = WINDOW_DAYS) -> list[Thread]:
    """Compute the threads and store them (threads rows, stories.thread_id), in one transaction.

    A thread keeps its id across runs when any of its stories already had one, so links to it
    stay valid as follow-ups join it.
    """
    with store.transaction() as con:
        return assign_threads_on(con, window_days=window_days)


def assign_threads_on(con, *, window_days: int = WINDOW_DAYS) -> list[Thread]:
    """`assign_threads` on an open connection, inside the caller's transaction."""
    threads = _group(_load_stories(con), window_days)
    current = store_mod.tracking_thread_members(con)
    taken: set[int] = set()
    plan = []
    for thread in threads:
        existing = sorted({current[s] for s in thread.story_ids if s in current} - taken)
        keep = existing[0] if existing else None
        if keep is not None:
            taken.add(keep)
        plan.append((keep, thread.title, thread.story_ids))
    ids = store_mod.tracking_save_threads(con, plan)
    for thread, thread_id in zip(threads, ids, strict=True):
        thread.id = thread_id
    return threads


def stored_threads(store: Store) -> list[Thread]:
    """The threads as stored by the last `assign_threads`, newest activity first."""
    with store.connect() as con:
        rows = store_mod.tracking_threads(con)
    return [Thread(id=tid, title=title, story_ids=list(ids)) for tid, title, ids in rows]


# --- versions ------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"0-9])|\n\s*\n")


def _tokens(text: str, granularity: str) -> list[str]:
    if granularity == "word":
        return re.findall(r"\s+|[^\s]+", text)
    if granularity == "sentence":
        # Sentences and the whitespace between them are separate tokens, so a sentence that
        # gains a paragraph break after it still counts as unchanged.
        pieces, last = [], 0
        for m in _SENTENCE_END.finditer(text):
            pieces += [text[last : m.start()], m.group()]
            last = m.end()
        pieces.append(text[last:])
        return [p for p in pieces if p]
    raise ValueError(f"granularity must be 'word' or 'sentence', got {granularity!r}")


def diff_texts(a: str, b: str, *, granularity: str = "word") -> list[tuple[str, str]]:
    """(op, text) pieces turning `a` into `b`; op is "equal", "delete" or "insert".

    Joining the equal and delete pieces gives `a` back; joining equal and insert gives `b`.
    """
    ta, tb = _tokens(a, granularity), _tokens(b, granularity)
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", "".join(ta[i1:i2]))
        else:  # replace is a delete followed by an insert
            add("delete", "".join(ta[i1:i2]))
            add("insert", "".join(tb[j1:j2]))
    return out


class VersionMissing(LookupError):
    """The story has no such version."""


def _versions(con, story_id: int, a: int, b: int) -> tuple[tuple, tuple]:
    found = {row[1]: row for row in store_mod.tracking_versions(con, story_id)}
    for v in (a, b):
        if v not in found:
            have = ", ".join(str(k) for k in sorted(found)) or "none"
            raise VersionMissing(f"story {story_id} has no version {v} (versions: {have})")
    return found[a], found[b]


def version_diff(
    store: Store, story_id: int, a: int, b: int, *, granularity: str = "word"
) -> list[tuple[str, str]]:
    """The word (or sentence) diff of versions `a` and `b` (1, 2, ...) of a story's text."""
    with store.connect() as con:
        va, vb = _versions(con, story_id, a, b)
    return diff_texts(va[3], vb[3], granularity=granularity)


@dataclass
class ClaimDelta:
    """A claim as it stands in one or both versions, with its verdict in each."""

    text: str
    sentence: str
    unit: str
    low: float
    high: float
    verdict_a: str | None = None
    verdict_b: str | None = None


@dataclass
class ClaimChanges:
    added: list[ClaimDelta]
    removed: list[ClaimDelta]
    kept: list[ClaimDelta]


def _claim_key(text: str, unit: str, low: float, high: float) -> tuple:
    return (" ".join(text.lower().split()), unit, round(low, 6), round(high, 6))


def claim_changes(
    store: Store, story_id: int, a: int, b: int, *, mode: str = "now"
) -> ClaimChanges:
    """Which claims version `b` added, removed or kept compared with version `a`.

    Claims are matched by their words and value, so a corrected number ("92 percent" to
    "89 percent") shows as one removed and one added claim.
    """
    with store.connect() as con:
        va, vb = _versions(con, story_id, a, b)
        ca = store_mod.tracking_version_claims(con, va[0], mode=mode)
        cb = store_mod.tracking_version_claims(con, vb[0], mode=mode)

    def index(rows: list[tuple]) -> dict[tuple, list]:
        out: dict[tuple, list] = defaultdict(list)
        for r in rows:
            out[_claim_key(r[0], r[4], r[2], r[3])].append(r)
        return out

    ia, ib = index(ca), index(cb)
    added, removed, kept = [], [], []
    for key, rows in ia.items():
        partners = ib.get(key, [])
        for i, r in enumerate(rows):
            if i < len(partners):
                kept.append(
                    ClaimDelta(r[0], partners[i][1], r[4], r[2], r[3], r[7], partners[i][7])
                )
            else:
                removed.append(ClaimDelta(r[0], r[1], r[4], r[2], r[3], verdict_a=r[7]))
    for key, rows in ib.items():
        for r in rows[len(ia.get(key, [])) :]:
            added.append(ClaimDelta(r[0], r[1], r[4], r[2], r[3], verdict_b=r[7]))
    return ClaimChanges(added=added, removed=removed, kept=kept)


# --- speakers and verdict changes ---------------------------------------------------------------


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
    with store.connect() as con:
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
    with store.connect() as con:
        rows = store_mod.tracking_verdict_changes(con, since=since, mode=mode, limit=limit)
    return [VerdictChange(*row) for row in rows]
