"""The story's own arithmetic in the app: cached reads of stored findings and their one panel.

Kept apart from appkit.py so that the Check and Inbox pages call it in a line or two. Every piece
of story text goes through appkit's escaping helpers (highlight_html, md_text).
"""

from __future__ import annotations

import streamlit as st

import appkit as kit
from factcheck import store as q

KIND_LABELS = {
    "percent_change": "Percent change vs. its levels",
    "difference": "Difference vs. its levels",
    "share": "Share vs. part and whole",
    "parts_total": "Parts vs. total",
    "restated": "Same count, two values",
    "rate": "Rate vs. count and population",
    "scale": "Scale slip (x100 / x1,000)",
}


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def story_findings(db: str, version_id: int) -> list[dict]:
    """The stored findings of one story version, as the `consistency` command prints them."""
    with kit.get_store().read() as con:
        return q.version_findings(con, version_id)


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def finding_counts(db: str) -> dict[int, int]:
    """{story_id: findings of its latest version} for the stories that have any."""
    with kit.get_store().read() as con:
        return q.story_finding_counts(con)


def _sentence_span(text: str, claim) -> tuple[int, int] | None:
    at = (
        text.find(claim.sentence, max(0, claim.end - len(claim.sentence))) if claim.sentence else -1
    )
    return (at, at + len(claim.sentence)) if 0 <= at <= claim.start else None


def excerpt(text: str, refs: list[dict], claims=()) -> tuple[str, list[tuple[int, int]]]:
    """The sentences that hold the finding's numbers, and the numbers' offsets inside them:
    the claims' own sentences when they are given, else the text between sentence marks."""
    lo = min(r["start"] for r in refs)
    hi = max(r["end"] for r in refs)
    spans = [
        _sentence_span(text, c)
        for c in claims
        if any((c.start, c.end) == (r["start"], r["end"]) for r in refs)
    ]
    spans = [sp for sp in spans if sp]
    if spans:
        begin, end = min(a for a, _ in spans), max(b for _, b in spans)
        if begin <= lo and end >= hi:
            return text[begin:end], [(r["start"] - begin, r["end"] - begin) for r in refs]
    starts = [text.rfind(mark, 0, lo) for mark in (". ", "\n", "? ", "! ")]
    begin = max([s + 1 for s in starts if s >= 0] or [0])
    while begin < lo and text[begin].isspace():
        begin += 1
    ends = [e for e in (text.find(mark, hi) for mark in (". ", "\n", "? ", "! ")) if e >= 0]
    end = min(ends) + 1 if ends else len(text)
    spans = [(r["start"] - begin, r["end"] - begin) for r in refs]
    return text[begin:end], spans


def show_findings(text: str, findings: list[dict], claims=()) -> None:
    """The panel beside the verdicts: one box per finding, its numbers marked in the text
    (`claims`, the story's claims, give the sentences to show)."""
    if not findings:
        return
    st.subheader(f"The story's own numbers disagree ({len(findings)})")
    st.caption(
        "Checked against each other, not against official figures: each number read at its "
        "stated precision, so a rounding is never shown here."
    )
    for i, f in enumerate(findings):
        with st.container(border=True, key=f"finding_{i}"):
            label = KIND_LABELS.get(f["kind"], f["kind"])
            st.markdown(f":red-badge[≠ {kit.md_text(label)}] {kit.md_text(f['explanation'])}")
            piece, spans = excerpt(text, f["claims"], claims)
            marks = [(s, e, "inaccurate", f["explanation"]) for s, e in spans]
            # Its own class: the page's one `.story-text` is the whole story.
            html = kit.highlight_html(piece, marks).replace("story-text", "finding-text", 1)
            st.html(html)
            st.caption(f"Pairing rule: {kit.md_text(f['rule'])}")
