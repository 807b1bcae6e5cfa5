"""A check as a file: a Markdown sheet, a CSV sheet, and schema.org ClaimReview JSON-LD.

Each builder takes the story's details (`StoryMeta`) and its checked claims in text order, and
returns text ready to download. Nothing here renders HTML: the app shows these as downloads only.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from factcheck.models import Check, Claim

# ClaimReview ratings: 1 (worst) .. 3 (best). Unverifiable sits in the middle on purpose: it is
# not a finding against the claim, and it is not a confirmation either.
RATINGS = {"inaccurate": 1, "unverifiable": 2, "accurate": 3}
RATING_NAMES = {"inaccurate": "Inaccurate", "unverifiable": "Unverifiable", "accurate": "Accurate"}
CSV_COLUMNS = (
    "n",
    "claim",
    "sentence",
    "speaker",
    "claimed_low",
    "claimed_high",
    "unit",
    "qualifier",
    "change",
    "period",
    "verdict",
    "metric",
    "place",
    "official",
    "period_start",
    "period_end",
    "error_pct",
    "source",
    "source_url",
    "as_of",
    "explanation",
    "note",
    "finding",
)


@dataclass
class StoryMeta:
    """What the sheets say about the story the claims come from."""

    title: str
    station: str
    published: date | datetime | None = None
    url: str | None = None
    place: str | None = None
    # Reporter's notes by claim position (0-based, text order): "verified: called the DA".
    notes: dict[int, str] = field(default_factory=dict)
    # Where the story's own numbers disagree (factcheck/arithmetic.py), as `consistency` prints.
    findings: list[dict] = field(default_factory=list)


def _findings_of(meta: StoryMeta, claim: Claim) -> str:
    """The explanations of the findings this claim is part of, joined."""
    return " ".join(
        f["explanation"]
        for f in meta.findings
        if any((r["start"], r["end"]) == (claim.start, claim.end) for r in f["claims"])
    )


def _iso(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat()


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if abs(value) < 1e15 else repr(value)


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ is quoted with '."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _md(text: str | None) -> str:
    """Text safe inside a Markdown table cell or line: no HTML, no table breaks, no links."""
    if not text:
        return ""
    out = text.replace("\\", "\\\\").replace("\n", " ").replace("|", "\\|")
    for char in "<>[]()*_`#!":
        out = out.replace(char, "\\" + char)
    return out


def to_markdown(meta: StoryMeta, items: list[tuple[Claim, Check]]) -> str:
    """The check as a Markdown sheet: the story, a verdict summary, then one section per claim."""
    counts = {v: sum(1 for _, c in items if c.verdict == v) for v in RATINGS}
    lines = [
        f"# Fact check: {_md(meta.title)}",
        "",
        f"- Station: {_md(meta.station)}",
        f"- Published: {_iso(meta.published) or 'unknown'}",
    ]
    if meta.url and meta.url.startswith(("http://", "https://")):
        lines.append(f"- Story: <{meta.url}>")
    lines += [
        f"- Claims: {len(items)} ({counts['accurate']} accurate, {counts['inaccurate']} "
        f"inaccurate, {counts['unverifiable']} unverifiable)",
        "",
    ]
    for i, (claim, check) in enumerate(items):
        lines += [
            f"## {i + 1}. \u201c{_md(claim.text)}\u201d: {check.verdict.upper()}",
            "",
            f"> {_md(claim.sentence)}",
            "",
        ]
        if claim.speaker:
            lines.append(f"- Speaker: {_md(claim.speaker)}")
        if check.metric:
            lines.append(f"- Series: {_md(check.metric)} ({_md(check.place)})")
        if check.official is not None:
            lines.append(f"- Official: {_num(check.official)}")
        if check.error_pct is not None:
            lines.append(f"- Error: {check.error_pct:+.1f}%")
        if check.period_start or check.period_end:
            lines.append(f"- Period: {_iso(check.period_start)} to {_iso(check.period_end)}")
        if check.source or check.source_url:
            url = check.source_url or ""
            link = f" <{url}>" if url.startswith(("http://", "https://")) else ""
            lines.append(f"- Source: {_md(check.source) or 'unnamed'}{link}")
        if check.as_of:
            lines.append(f"- As of: {_iso(check.as_of)}")
        lines.append(f"- Explanation: {_md(check.explanation)}")
        if meta.notes.get(i):
            lines.append(f"- Note: {_md(meta.notes[i])}")
        lines.append("")
    if meta.findings:
        lines += ["## The story's own numbers disagree", ""]
        for f in meta.findings:
            said = ", ".join(f"\u201c{_md(r['text'])}\u201d" for r in f["claims"])
            lines.append(f"- {_md(f['kind'])} ({said}): {_md(f['explanation'])}")
        lines.append("")
    return "\n".join(lines)


def to_csv(meta: StoryMeta, items: list[tuple[Claim, Check]]) -> str:
    """The check as a CSV sheet: one row per claim, columns `CSV_COLUMNS`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i, (claim, check) in enumerate(items):
        row = (
            i + 1,
            claim.text,
            claim.sentence,
            claim.speaker,
            _num(claim.low),
            _num(claim.high),
            claim.unit,
            claim.qualifier,
            claim.change,
            claim.period,
            check.verdict,
            check.metric,
            check.place,
            _num(check.official),
            _iso(check.period_start),
            _iso(check.period_end),
            "" if check.error_pct is None else f"{check.error_pct:.2f}",
            check.source,
            check.source_url,
            _iso(check.as_of),
            check.explanation,
            meta.notes.get(i),
            _findings_of(meta, claim),
        )
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def claim_reviews(
    meta: StoryMeta, items: list[tuple[Claim, Check]], *, reviewed: date | None = None
) -> list[dict]:
    """One schema.org ClaimReview per claim (https://schema.org/ClaimReview).

    The review's author is the station (an Organization); the claim's author is its speaker when
    the story names one, else the station that aired it.
    """
    reviewed = reviewed or date.today()
    station = {"@type": "Organization", "name": meta.station}
    out = []
    for claim, check in items:
        claim_author = {"@type": "Person", "name": claim.speaker} if claim.speaker else station
        item: dict = {"@type": "Claim", "author": claim_author}
        if meta.published:
            item["datePublished"] = _iso(meta.published)
        if meta.url and meta.url.startswith(("http://", "https://")):
            item["appearance"] = {"@type": "CreativeWork", "url": meta.url}
        review = {
            "@type": "ClaimReview",
            "datePublished": reviewed.isoformat(),
            "claimReviewed": claim.sentence or claim.text,
            "author": station,
            "itemReviewed": item,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATINGS[check.verdict],
                "bestRating": 3,
                "worstRating": 1,
                "alternateName": RATING_NAMES[check.verdict],
                "ratingExplanation": check.explanation,
            },
        }
        if meta.url and meta.url.startswith(("http://", "https://")):
            review["url"] = meta.url
        out.append(review)
    return out


def to_jsonld(
    meta: StoryMeta, items: list[tuple[Claim, Check]], *, reviewed: date | None = None
) -> str:
    """ClaimReview JSON-LD for a published fact check: a schema.org graph of the reviews."""
    graph = {
        "@context": "https://schema.org",
        "@graph": claim_reviews(meta, items, reviewed=reviewed),
    }
    # "<" escaped so the JSON can be pasted inside a <script type="application/ld+json"> tag
    # without a claim's text closing the tag.
    return json.dumps(graph, ensure_ascii=False, indent=2).replace("<", "\\u003c")
