"""Threads: the same story told by several stations, and its follow-ups, as one line of time.

How two stories are linked (editors see the result, so the rule is written here):
- Candidates: stories within `window_days` of each other that share a distinctive word (one in
  few stories of the store) or a person's surname.
- Score = text similarity (tf-idf cosine of the content words of title and text; the title
  counts twice; words common across the store, the stations' own places and the newsroom
  filler of `data/stopwords.txt`, such as "police" or "said", weigh little or nothing)
  + 0.20 for a person both name (a quoted speaker, "Chief Whitfield", "Dana Whitfield said"),
    0.08 when that person is in many stories (a spokesperson); "Raymond Osei" and "Miriam
    Osei" are two people
  + 0.30 for a figure both give on the same checked series, 0.15 on the same claim subject or
    the very same specific number ("1,534", "$476 million"; not 1,000), 0.10 for only the same
    series; a figure matches when the values the claims allow overlap ("more than 1,500" allows
    1,500 to 1,725, so it matches "1,600"; 2.9 and 3.1 percent do not)
  + 0.10 when the later one says it follows up ("follow-up", "first told"), 0.15 more when it
    names the month of the earlier one ("our August report"),
  times a time factor: 1 within `SAME_DAYS`, then falling linearly to 0.5 at `window_days`
  (to 0.75 for a story that says it follows up).
- A link needs a score of at least `THRESHOLD` and evidence beyond common words. Within
  `SAME_DAYS` (another station's telling): a rarely named person, a shared figure, two names
  (people, places, roads) few other stories give with a text similarity of `TEXT_NAMES`, one
  with `TEXT_ALONE`, or near the same words (`TEXT_SAME`). Later (a follow-up): follow-up
  wording with a shared person or some shared text, or the same person and the same figure.
  So stories that share only a place or a common word ("shooting") stay apart.
- Each story joins at most ONE earlier story (its best link), so no story bridges two threads.
  Threads are the chains this makes; a story linked to nothing is in no thread.
- Hand decisions pin stories to a thread (`story_pins`). The grouping starts from the pins,
  never moves a pinned story and never joins two threads holding pins of different threads;
  unpinned follow-ups may still join a thread the editor arranged.

All SQL is in `factcheck.store` (the "tracking" sub-section).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from factcheck import store as store_mod
from factcheck.store import Store, StoreError
from factcheck.tracking.words import (
    WORD,
    content_words,
    people_in,
    person_name,
    proper_names,
    same_people,
    stem,
)

WINDOW_DAYS = 120
SAME_DAYS = 3
THRESHOLD = 0.34
TEXT_ALONE = 0.40
TEXT_NAMES = 0.30  # with two names (people, places, roads) few other stories give
TEXT_SAME = 0.80  # near the same words: the same story, whatever else it names
VALUE_CLOSE = 0.03  # "1,534" and "more than 1,500" are one figure; 2.9 and 3.1 percent are not
# A word in more than this share of all stories (and more than COMMON_MIN of them) is not used
# to find candidates: "shooting" or "crash" recur in unrelated stories.
COMMON_SHARE = 0.04
COMMON_MIN = 20
# A person named in more stories than this (a police spokesperson, the chief) is weak evidence
# that two stories close in time tell the same one.
PERSON_COMMON_SHARE = 0.03
PERSON_COMMON_MIN = 4
INDEX_WORDS = 12  # the most distinctive words of each text that find candidates
MAX_CANDIDATES = 15
POSTINGS_SCANNED = 40  # the latest stories with a word: a follow-up cites a recent one
_GENERIC_SUBJECTS = frozenset(
    {"people", "person", "percent", "year", "time", "number", "dollar", "million", "billion"}
)

_FOLLOW_UP = re.compile(
    r"\bfollow[- ]?up\b|\bearlier (?:report|story|interview)\b|\bpreviously reported\b"
    r"|\bfirst (?:told|reported|floated|announced|proposed|spoke)\b|\bas we reported\b"
    r"|\bupdate[sd]? (?:on|to) (?:our|a|the) (?:earlier|previous)\b",
    re.IGNORECASE,
)


class ThreadError(StoreError):
    """A hand decision that cannot be made (unknown story or thread); says why."""


@dataclass
class Thread:
    """A group of stories about one subject, oldest first; `id` once stored."""

    title: str
    story_ids: list[int]
    id: int | None = None
    reasons: list[str] = field(default_factory=list)
    stations: list[str] = field(default_factory=list)


@dataclass
class Link:
    """Why `story_id` joined the earlier `linked_to`."""

    story_id: int
    linked_to: int
    score: float
    reason: str


@dataclass
class _Story:
    id: int
    feed_id: int
    station: str
    when: datetime | None
    title: str
    tf: Counter
    people: set[str]
    series: set[str]
    values: list[tuple[str, float, float]]  # (series, low, high) as the claim allows
    names: set[str]
    metrics: set[str]
    follows_up: bool
    refers_to: set[int]  # months a follow-up names for the earlier report ("our August report")
    vec: dict[str, float] = field(default_factory=dict)
    common_people: set[str] = field(default_factory=set)


def title_words(title: str, place: str | None = None) -> set[str]:
    """The content words of a title, lower-case and roughly singular, minus the feed's place."""
    placed = {stem(w) for w in WORD.findall((place or "").lower())}
    return set(content_words(title, placed))


def _place_words(places: list[str]) -> frozenset[str]:
    return frozenset(stem(w) for p in places for w in WORD.findall((p or "").lower()))


def _fetch(con) -> tuple[list[str], list[tuple], dict[int, int]]:
    """What grouping reads from the store: places, story rows and hand pins (no work done)."""
    return (
        store_mod.tracking_place_names(con),
        store_mod.tracking_story_features(con),
        store_mod.tracking_pins(con),
    )


def _load_stories(con) -> list[_Story]:
    places, rows, _pins = _fetch(con)
    return _stories(places, rows)


def _stories(places: list[str], rows: list[tuple]) -> list[_Story]:
    drop = _place_words(places)
    out = []
    for row in rows:
        sid, feed_id, station, _place, when, title, text, speakers, claims = row
        tf = Counter(content_words(text or "", drop))
        for w in content_words(title, drop):
            tf[w] += 2
        people = {n for n in map(person_name, speakers) if n}
        people |= people_in(f"{title}. {text or ''}")
        series, values = set(), []
        for c in claims:
            subject = c["subject"]
            key = c["metric"] or (stem(subject.lower()) if subject else None)
            if key and key not in _GENERIC_SUBJECTS:
                series.add(key)
                values.append((key, *_allows(c["low"], c["high"], c["qualifier"])))
            elif c["low"] == c["high"] and _telling(c["low"]):
                # A figure with no clear subject still ties two tellings when it is exact
                # and not a small round count ("$6 million", "1,534")
                values.append((f"#{c['unit']}", c["low"], c["high"]))
        out.append(
            _Story(
                id=sid,
                feed_id=feed_id,
                station=station,
                when=when,
                title=title,
                tf=tf,
                people=people,
                series=series,
                values=values,
                names=proper_names(text or ""),
                metrics={c["metric"] for c in claims if c["metric"]},
                follows_up=bool(_FOLLOW_UP.search(title) or _FOLLOW_UP.search(text or "")),
                refers_to=_months_referred(f"{title}. {text or ''}"),
            )
        )
    return out


_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _months_referred(text: str) -> set[int]:
    """Months named in the sentences that say the story follows up an earlier one."""
    out = set()
    for sentence in _SENTENCE.findall(text):
        if _FOLLOW_UP.search(sentence):
            out |= {_MONTHS[w] for w in re.findall(r"[a-z]+", sentence.lower()) if w in _MONTHS}
    return out


def _weigh(stories: list[_Story]) -> dict[str, int]:
    """Set each story's tf-idf vector (unit length); the document frequency of every word."""
    df: Counter = Counter()
    for s in stories:
        df.update(s.tf.keys())
    n = len(stories)
    named: Counter = Counter()
    for s in stories:
        named.update({p.rpartition(" ")[2] for p in s.people})
    cap = max(PERSON_COMMON_MIN, PERSON_COMMON_SHARE * n)
    common = {p for p, k in named.items() if k > cap}
    names: Counter = Counter()
    for s in stories:
        names.update(s.names)
    for s in stories:
        s.common_people = common
        s.names = {w for w in s.names if names[w] <= cap}
        vec = {w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 0.5)) for w, c in s.tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        s.vec = {w: v / norm for w, v in vec.items() if v > 0}
    return df


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _allows(low: float, high: float, qualifier: str | None) -> tuple[float, float]:
    """The values a claim is consistent with: "more than 1,500" allows 1,500 to 1,725."""
    if qualifier in ("more_than", "at_least"):
        return low, low * 1.15
    if qualifier in ("less_than", "at_most", "almost"):
        return high * 0.85, high
    if qualifier == "approximately":
        return low * 0.9, high * 1.1
    return low, high


def _telling(value: float) -> bool:
    """A number specific enough that two stories giving it are probably telling one story:
    1,534 or 7.8 or $476 million, not 1,000 or 500 (per 1,000 gallons, a round target)."""
    v = abs(value)
    if v != round(v):
        return True
    if v < 100:
        return False
    return v >= 1e6 or v % (1000 if v >= 1000 else 100) != 0


def _close(a: tuple[str, float, float], b: tuple[str, float, float]) -> bool:
    """Two claimed values on one series that could be the same figure."""
    if a[1] == b[1] and a[2] == b[2] and _telling(a[1]):
        return True  # the very same specific number, whatever the subject was read as
    if a[0] != b[0] or a[0].startswith("#"):
        return False
    slack = VALUE_CLOSE * max(abs(a[2]), abs(b[2]), 1e-9)
    return a[1] <= b[2] + slack and b[1] <= a[2] + slack  # the allowed values overlap


def _num(v: float) -> str:
    return f"{v:,.0f}" if v == round(v) else f"{v:,.1f}"


def score_pair(a: _Story, b: _Story, window_days: int = WINDOW_DAYS) -> tuple[float, str] | None:
    """The link score of the later story `b` to the earlier `a`, with its reason, or None."""
    gap = abs((b.when - a.when).total_seconds()) / 86400 if a.when and b.when else 0.0
    if gap > window_days:
        return None
    text = _cosine(a.vec, b.vec)
    people = same_people(a.people, b.people)
    series = a.series & b.series
    values = [(x, y) for x in a.values for y in b.values if _close(x, y)]
    rare = people - a.common_people
    score = text + (0.20 if rare else 0.08 if people else 0)
    checked = any(not x[0].startswith("#") and x[0] in a.metrics for x, _y in values)
    score += 0.30 if checked else 0.15 if values else 0.10 if series else 0
    score += 0.10 if b.follows_up else 0
    named = bool(a.when and a.when.month in b.refers_to)
    score += 0.15 if named else 0
    if gap > SAME_DAYS:
        # a follow-up loses half as much to time as a story that does not say it is one
        fall = (0.25 if b.follows_up else 0.5) * (gap - SAME_DAYS) / max(window_days - SAME_DAYS, 1)
        score *= 1 - fall
    if gap <= SAME_DAYS:  # another station's telling, or the same station's update
        # text alone must come with a name both give that few other stories give
        names = len(a.names & b.names)
        evidence = bool(
            rare
            or values
            or (names >= 2 and text >= TEXT_NAMES)
            or (names and text >= TEXT_ALONE)
            or text >= TEXT_SAME
        )
    else:  # a follow-up weeks later says so, or names the same person and the same figure
        evidence = bool((b.follows_up and (people or text >= 0.15)) or (people and values))
    if score < THRESHOLD or not evidence:
        return None
    why = [f"text similarity {text:.2f}"]
    if people:
        why.append("same people (" + ", ".join(sorted(people)) + ")")
    if a.names & b.names:
        why.append("same names (" + ", ".join(sorted(a.names & b.names)[:4]) + ")")
    if values:
        x, y = values[0]
        why.append(f"same figure ({x[0]}: {_num((x[1] + x[2]) / 2)} and {_num((y[1] + y[2]) / 2)})")
    elif series:
        why.append("same series (" + ", ".join(sorted(series)) + ")")
    if named:
        why.append(f"follow-up of the {a.when:%B} report")
    elif b.follows_up:
        why.append("follow-up wording")
    if a.feed_id != b.feed_id:
        why.append(f"{b.station}'s telling")
    why.append(f"{gap:.0f} days apart")
    return score, "; ".join(why)


def _candidates(stories: list[_Story], df: dict[str, int], window_days: int):
    """For each story (time order), the earlier stories worth scoring against it: those that
    share its most distinctive words or a rarely named person, at most `MAX_CANDIDATES` (the
    ones sharing the most weight), so a big store is never compared pairwise."""
    n = len(stories)
    common = max(COMMON_MIN, COMMON_SHARE * n)
    window = timedelta(days=window_days)
    index: dict[str, list[_Story]] = defaultdict(list)
    for s in stories:
        words = sorted((w for w in s.vec if df[w] <= common), key=lambda w: -s.vec[w])
        keys = [(w, s.vec[w]) for w in words[:INDEX_WORDS]]
        rare = {p.rpartition(" ")[2] for p in s.people} - s.common_people
        keys += [(f"@{p}", 0.3) for p in rare]
        weight: dict[int, float] = defaultdict(float)
        found: dict[int, _Story] = {}
        for key, w in keys:
            postings = index[key]
            for earlier in reversed(postings[-POSTINGS_SCANNED:]):
                if s.when and earlier.when and s.when - earlier.when > window:
                    break  # postings are in time order: the rest are older still
                weight[earlier.id] += w * (earlier.vec.get(key, 0.3) if key[0] != "@" else 1)
                found[earlier.id] = earlier
        for key, _w in keys:
            index[key].append(s)
        best = sorted(weight, key=lambda i: -weight[i])[:MAX_CANDIDATES]
        yield s, [found[i] for i in best]


def _group(
    stories: list[_Story], window_days: int, pins: dict[int, int]
) -> tuple[dict[int, list[int]], dict[int, int | None], list[Link]]:
    """Group stories: ({root: member ids}, {root: pinned thread id or None}, links)."""
    stories = sorted(stories, key=lambda s: (s.when or datetime.min, s.id))
    df = _weigh(stories)
    parent = {s.id: s.id for s in stories}
    pinned: dict[int, int | None] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_of: dict[int, int] = {}
    for s in stories:  # hand decisions first
        if s.id in pins:
            tid = pins[s.id]
            if tid in first_of:
                parent[find(s.id)] = find(first_of[tid])
            else:
                first_of[tid] = s.id
            pinned[find(s.id)] = tid
    links: list[Link] = []
    for s, earlier in _candidates(stories, df, window_days):
        scored = [(found, e) for e in earlier if (found := score_pair(e, s, window_days))]
        scored.sort(key=lambda x: (x[0][0], x[1].when or datetime.min, x[1].id), reverse=True)
        for (score, why), e in scored:
            ra, rb = find(s.id), find(e.id)
            if ra != rb:
                pa, pb = pinned.get(ra), pinned.get(rb)
                if pa is not None and pb is not None and pa != pb:
                    continue  # the editor keeps these threads apart
                parent[ra] = rb
                pinned[rb] = pa if pa is not None else pb
            links.append(Link(s.id, e.id, round(score, 3), why))
            break
    groups: dict[int, list[int]] = defaultdict(list)
    for s in stories:
        groups[find(s.id)].append(s.id)
    return groups, {r: pinned.get(r) for r in groups}, links


def _threads(con, window_days: int) -> tuple[list[Thread], list[int | None], list[Link]]:
    return _compute(_fetch(con), window_days)


def _compute(fetched, window_days: int) -> tuple[list[Thread], list[int | None], list[Link]]:
    """The grouping of what `_fetch` read; pure Python, no store connection needed."""
    places, rows, pins = fetched
    stories = _stories(places, rows)
    by_id = {s.id: s for s in stories}
    groups, pinned, links = _group(stories, window_days, pins)
    why = {link.story_id: link for link in links}
    threads, keys = [], []
    for root, members in groups.items():
        tid = pinned[root]
        if len(members) < 2 and tid is None:
            continue
        reasons = [
            f"story {m} joins story {why[m].linked_to} (score {why[m].score:.2f}): {why[m].reason}"
            for m in members
            if m in why
        ]
        reasons += [f"story {m} put in this thread by hand" for m in members if m in pins]
        stations = sorted({by_id[m].station for m in members})
        threads.append(Thread(by_id[members[0]].title, members, tid, reasons, stations))
        keys.append(tid)
    order = sorted(
        range(len(threads)),
        key=lambda i: by_id[threads[i].story_ids[-1]].when or datetime.min,
        reverse=True,
    )
    return [threads[i] for i in order], [keys[i] for i in order], links


def thread_stories(store: Store, *, window_days: int = WINDOW_DAYS) -> list[Thread]:
    """Group the stored stories into threads by the rule above (nothing is written)."""
    with store.read() as con:
        threads, _keys, _links = _threads(con, window_days)
    return [t for t in threads if len(t.story_ids) > 1]


def assign_threads(store: Store, *, window_days: int = WINDOW_DAYS) -> list[Thread]:
    """Compute the threads and store them (threads, stories.thread_id, thread_links) at once."""
    with store.transaction() as con:
        return assign_threads_on(con, window_days=window_days)


def assign_threads_on(con, *, window_days: int = WINDOW_DAYS) -> list[Thread]:
    """`assign_threads` on an open connection, inside the caller's transaction.

    A thread keeps its id across runs when any of its stories already had one (a pinned
    thread always keeps its own), so links to it stay valid as follow-ups join it.
    """
    return _save(con, *_threads(con, window_days))


def assign_threads_briefly(store: Store, *, window_days: int = WINDOW_DAYS) -> list[Thread]:
    """`assign_threads` with the slow part (reading and scoring every story) done before the
    write transaction opens, so a poll holds the store only to save the result. Hand decisions
    made meanwhile are never overwritten: the grouping is done again inside when they changed."""
    with store.read() as con:
        fetched = _fetch(con)
    pins = fetched[2]
    computed = _compute(fetched, window_days)  # with no connection open
    with store.transaction() as con:
        if store_mod.tracking_pins(con) != pins:
            computed = _threads(con, window_days)
        return _save(con, *computed)


def _save(con, threads: list[Thread], pinned: list[int | None], links: list[Link]) -> list[Thread]:
    current = store_mod.tracking_thread_members(con)
    taken: set[int] = {t for t in pinned if t is not None}
    plan = []
    for thread, tid in zip(threads, pinned, strict=True):
        keep = tid
        if keep is None:
            existing = sorted({current[s] for s in thread.story_ids if s in current} - taken)
            keep = existing[0] if existing else None
        if keep is not None:
            taken.add(keep)
        plan.append((keep, thread.title, thread.story_ids))
    ids = store_mod.tracking_save_threads(
        con, plan, [(x.story_id, x.linked_to, x.score, x.reason) for x in links]
    )
    for thread, thread_id in zip(threads, ids, strict=True):
        thread.id = thread_id
    return [t for t in threads if len(t.story_ids) > 1]


def stored_threads(store: Store) -> list[Thread]:
    """The threads as stored by the last `assign_threads`, newest activity first."""
    with store.read() as con:
        rows = store_mod.tracking_threads(con)
    return [
        Thread(id=tid, title=title, story_ids=list(ids), stations=list(st), reasons=list(rs))
        for tid, title, ids, st, rs in rows
    ]


# --- hand decisions ------------------------------------------------------------------------------


def _thread_members(con, thread_id: int) -> list[int]:
    members = store_mod.tracking_thread_story_ids(con, thread_id)
    if not members and not store_mod.tracking_thread_exists(con, thread_id):
        raise ThreadError(f"there is no thread {thread_id}")
    return members


def _require_story(con, story_id: int) -> int | None:
    """The story's thread (None when in none); ThreadError when there is no such story."""
    found = store_mod.tracking_story_thread(con, story_id)
    if found is None:
        raise ThreadError(f"there is no story {story_id}")
    return found[0]


def _decide(con, action, thread_id, story_ids, *, title=None, editor=None, note=None) -> int:
    return store_mod.tracking_record_decision(
        con, action, thread_id, list(story_ids), title=title, editor=editor, note=note
    )


def link_stories(
    store: Store,
    story_id: int,
    other_id: int,
    *,
    editor: str | None = None,
    note: str | None = None,
) -> int:
    """Put `story_id` in the thread of `other_id` (made when it has none), by hand; the thread id."""
    with store.transaction() as con:
        target = _require_story(con, other_id)
        _require_story(con, story_id)
        if story_id == other_id:
            raise ThreadError("a story cannot be linked to itself")
        if target is None:
            target = store_mod.tracking_new_thread(
                con, store_mod.tracking_story_title(con, other_id)
            )
        decision = _decide(con, "link", target, [story_id, other_id], editor=editor, note=note)
        store_mod.tracking_pin(con, [story_id, other_id], target, decision)
        assign_threads_on(con)
    return target


def unlink_story(
    store: Store, story_id: int, *, editor: str | None = None, note: str | None = None
) -> int:
    """Take a story out of its thread, by hand: it stays out (in a thread of its own); the id
    of that thread of its own."""
    with store.transaction() as con:
        old = _require_story(con, story_id)
        if old is None:
            raise ThreadError(f"story {story_id} is in no thread")
        rest = [m for m in _thread_members(con, old) if m != story_id]
        alone = store_mod.tracking_new_thread(con, store_mod.tracking_story_title(con, story_id))
        decision = _decide(con, "unlink", old, [story_id], editor=editor, note=note)
        store_mod.tracking_pin(con, rest, old, decision)
        store_mod.tracking_pin(con, [story_id], alone, decision)
        assign_threads_on(con)
    return alone


def merge_threads(
    store: Store,
    thread_id: int,
    other_id: int,
    *,
    editor: str | None = None,
    note: str | None = None,
) -> int:
    """Merge thread `other_id` into `thread_id`, by hand; the id of the merged thread."""
    with store.transaction() as con:
        if thread_id == other_id:
            raise ThreadError("a thread cannot be merged with itself")
        members = _thread_members(con, thread_id) + _thread_members(con, other_id)
        decision = _decide(con, "merge", thread_id, members, editor=editor, note=note)
        store_mod.tracking_pin(con, members, thread_id, decision)
        assign_threads_on(con)
    return thread_id


def split_thread(
    store: Store,
    thread_id: int,
    story_ids: list[int],
    *,
    editor: str | None = None,
    note: str | None = None,
) -> int:
    """Move `story_ids` out of a thread into a new one, by hand; the new thread's id."""
    with store.transaction() as con:
        members = _thread_members(con, thread_id)
        moving = [s for s in story_ids if s in members]
        if not moving or len(moving) == len(members):
            raise ThreadError(
                f"a split needs some but not all of thread {thread_id}'s stories"
                f" ({', '.join(map(str, members))})"
            )
        first = min(moving, key=members.index)
        new = store_mod.tracking_new_thread(con, store_mod.tracking_story_title(con, first))
        decision = _decide(con, "split", thread_id, moving, editor=editor, note=note)
        store_mod.tracking_pin(con, [m for m in members if m not in moving], thread_id, decision)
        store_mod.tracking_pin(con, moving, new, decision)
        assign_threads_on(con)
    return new


def rename_thread(
    store: Store, thread_id: int, title: str, *, editor: str | None = None, note: str | None = None
) -> None:
    """Give a thread a title by hand; the grouping keeps it (and keeps the thread together)."""
    title = " ".join(title.split())
    if not title:
        raise ThreadError("a thread needs a title")
    with store.transaction() as con:
        members = _thread_members(con, thread_id)
        decision = _decide(con, "rename", thread_id, members, title=title, editor=editor, note=note)
        store_mod.tracking_pin(con, members, thread_id, decision)
        store_mod.tracking_rename(con, thread_id, title)
        assign_threads_on(con)


def decisions(store: Store, thread_id: int | None = None) -> list[tuple]:
    """The hand decisions, newest first: (id, action, thread, stories, title, editor, note, when)."""
    with store.read() as con:
        return store_mod.tracking_decisions(con, thread_id)


def explain_pair(store: Store, story_id: int, other_id: int) -> str:
    """Why two stories are linked or kept apart, in one line (for editors and tests)."""
    with store.read() as con:
        stories = _load_stories(con)
    stories.sort(key=lambda s: (s.when or datetime.min, s.id))
    _weigh(stories)
    by_id = {s.id: s for s in stories}
    if story_id not in by_id or other_id not in by_id:
        raise ThreadError(f"there is no story {story_id if story_id not in by_id else other_id}")
    a, b = sorted((by_id[story_id], by_id[other_id]), key=lambda s: (s.when or datetime.min, s.id))
    found = score_pair(a, b)
    if found:
        return f"linked (score {found[0]:.2f}): {found[1]}"
    text = _cosine(a.vec, b.vec)
    return (
        f"apart: text similarity {text:.2f}, people {sorted(same_people(a.people, b.people))},"
        f" names {sorted(a.names & b.names)}, series {sorted(a.series & b.series)}"
    )


# --- the market view -----------------------------------------------------------------------------


@dataclass
class Telling:
    """One station's number on a series in a thread."""

    station: str
    story_id: int
    claim: str
    low: float
    high: float
    verdict: str | None


@dataclass
class MarketLine:
    """What each station said on one series and period of a thread, set against the record."""

    series: str
    period: str | None
    tellings: list[Telling]
    official: str | None  # the record's value in words: "1,534", "$476.3 million", "9.3 percent"
    as_of: object | None
    source: str | None

    @property
    def sentence(self) -> str:
        """ "WBTX 5 says 1,600 guns (inaccurate); WDMO 7 says more than 1,500 guns; the record
        says 1,534 (as of 2026-08-02)"."""
        parts = []
        for t in self.tellings:
            verdict = f" ({t.verdict})" if t.verdict and t.verdict != "unverifiable" else ""
            parts.append(f'{t.station} says "{t.claim}"{verdict}')
        if self.official is not None:
            when = f", {self.period}" if self.period else ""
            as_of = f", as of {self.as_of}" if self.as_of else ""
            parts.append(f"the record says {self.official}{when}{as_of}")
        else:
            parts.append("no official figure on record")
        return "; ".join(parts)


def _record_words(value: float | None, unit: str | None, change: str | None) -> str | None:
    if value is None:
        return None
    if unit == "percent" or change == "percent_change":
        return f"{_num(round(value, 1))} percent"
    if unit == "usd":
        return f"${value / 1e6:,.1f} million" if abs(value) >= 1e6 else f"${_num(value)}"
    return _num(round(value, 1))


def _period_words(start, end) -> str | None:
    if start is None or end is None:
        return None
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    return f"{start:%b} {start.day}-{end:%b} {end.day}, {end.year}"


def market_view(store: Store, story_ids: list[int], *, mode: str = "now") -> list[MarketLine]:
    """Each series the thread's stories give numbers on, each station's numbers side by side,
    and the record's value (series with one telling and no record are left out)."""
    with store.read() as con:
        rows = store_mod.tracking_thread_claims(con, list(story_ids), mode=mode)
    groups: dict[tuple, list] = defaultdict(list)
    for r in rows:
        (sid, station, text, low, high, change, subject, verdict, metric, official) = r[:10]
        p_start, p_end, as_of, source, label, place, unit = r[10:]
        if metric:
            key = (
                f"{label or metric}, {place}" if place else label or metric,
                change,
                p_start,
                p_end,
            )
        elif subject:
            key = (subject, change, None, None)
        else:
            continue
        record = _record_words(official, unit, change)
        groups[key].append((Telling(station, sid, text, low, high, verdict), record, as_of, source))
    lines = []
    for (series, _change, p_start, p_end), items in groups.items():
        stations = {t.station for t, *_ in items}
        found = next(((o, a, s) for _t, o, a, s in items if o is not None), (None, None, None))
        if len(stations) < 2 and found[0] is None:
            continue
        lines.append(
            MarketLine(
                series=series,
                period=_period_words(p_start, p_end),
                tellings=[t for t, *_ in items],
                official=found[0],
                as_of=found[1],
                source=found[2],
            )
        )
    lines.sort(key=lambda m: (-len({t.station for t in m.tellings}), m.series))
    return lines


def timeline(store: Store, story_ids: list[int]) -> list[dict]:
    """Stories, later versions, verdict changes, status changes and alerts of a thread on one
    line of time: dicts of kind, story_id, station, at, label."""
    with store.read() as con:
        rows = store_mod.tracking_timeline(con, list(story_ids))
    keys = ("kind", "story_id", "station", "at", "label")
    return [dict(zip(keys, r, strict=True)) for r in rows]
