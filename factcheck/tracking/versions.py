"""Story versions: word or sentence diffs, the claims each version added, removed or kept, and
those changes said in words ("graduation rate: 92 -> 89")."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass

from factcheck import store as store_mod
from factcheck.store import Store

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
    with store.read() as con:
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
    subject: str | None = None
    metric: str | None = None


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
    with store.read() as con:
        return claim_changes_on(con, story_id, a, b, mode=mode)


def claim_changes_on(con, story_id: int, a: int, b: int, *, mode: str = "now") -> ClaimChanges:
    """`claim_changes` on an open connection."""
    va, vb = _versions(con, story_id, a, b)
    ca = store_mod.tracking_version_claims(con, va[0], mode=mode)
    cb = store_mod.tracking_version_claims(con, vb[0], mode=mode)

    def index(rows):
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
                p = partners[i]
                kept.append(_delta(r, p[1], r[7], p[7], p))
            else:
                removed.append(_delta(r, r[1], r[7], None, r))
    for key, rows in ib.items():
        for r in rows[len(ia.get(key, [])) :]:
            added.append(_delta(r, r[1], None, r[7], r))
    return ClaimChanges(added=added, removed=removed, kept=kept)


def _delta(r, sentence, verdict_a, verdict_b, about) -> ClaimDelta:
    return ClaimDelta(
        r[0], sentence, r[4], r[2], r[3], verdict_a, verdict_b, subject=about[9], metric=about[10]
    )


_DIGITS = re.compile(r"[\d.,]+")


def _value(d: ClaimDelta) -> str:
    def one(v: float) -> str:
        return f"{v:,.0f}" if v == round(v) else f"{v:,.2f}".rstrip("0").rstrip(".")

    return one(d.low) if d.low == d.high else f"{one(d.low)}-{one(d.high)}"


def _likeness(a: ClaimDelta, b: ClaimDelta) -> float:
    """How alike two claims are apart from their numbers: same unit and series, same sentence."""
    if a.unit != b.unit:
        return 0.0
    same_series = (a.metric and a.metric == b.metric) or (a.subject and a.subject == b.subject)
    words = difflib.SequenceMatcher(
        None, _DIGITS.sub("#", a.sentence), _DIGITS.sub("#", b.sentence), autojunk=False
    ).ratio()
    return words + (0.5 if same_series else 0.0)


def describe_changes(changes: ClaimChanges) -> list[str]:
    """The claims that changed value between two versions, in words, then those only added
    or removed: 'graduation_rate: 92 -> 89 ("92 percent" became "89 percent"; inaccurate ->
    accurate)'."""
    lines, used, paired = [], set(), set()
    for j, old in enumerate(changes.removed):
        best, best_i = 0.6, None
        for i, new in enumerate(changes.added):
            if i not in used and (score := _likeness(old, new)) > best:
                best, best_i = score, i
        if best_i is None:
            continue
        used.add(best_i)
        new = changes.added[best_i]
        label = new.metric or old.metric or new.subject or old.subject or "claim"
        line = f'{label}: {_value(old)} -> {_value(new)} ("{old.text}" became "{new.text}"'
        if old.verdict_a or new.verdict_b:
            line += f"; {old.verdict_a or 'not checked'} -> {new.verdict_b or 'not checked'}"
        lines.append(line + ")")
        paired.add(j)
    for j, old in enumerate(changes.removed):
        if j not in paired:
            lines.append(f'removed: "{old.text}"')
    for i, new in enumerate(changes.added):
        if i not in used:
            lines.append(f'added: "{new.text}"')
    return lines


def version_summary(store: Store, story_id: int, a: int, b: int, *, mode: str = "now") -> list[str]:
    """`describe_changes` of two versions of a story."""
    return describe_changes(claim_changes(store, story_id, a, b, mode=mode))
