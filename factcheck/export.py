"""A check as a file: a Markdown sheet, a CSV sheet, and schema.org ClaimReview JSON-LD.

Each builder takes the story's details (`StoryMeta`) and its checked claims in text order, and
returns text ready to download. Nothing here renders HTML: the app shows these as downloads only.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import quote

from factcheck.models import Check, Claim
from factcheck.wording import BIDI_CONTROLS, describe_error, is_demo

DEMO_NOTE = "DEMO: checked against illustrative demo figures, not official data."

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
    "error_in_words",
    "demo",
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
    """A CSV cell a spreadsheet will not run: text starting with = + - @ (after any leading
    blanks) is prefixed with '. A cell holding a line break is quoted by the writer (its line
    terminator is CRLF, so a bare CR counts too) and stays one cell."""
    text = "" if value is None else str(value)
    lead = text.lstrip(" \t\r\n\x0b\x0c")
    if (lead[:1] in ("=", "+", "-", "@") or text[:1] in ("\t", "\r")) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _md(text: str | None) -> str:
    """Text safe inside a Markdown table cell or line: no HTML, no table breaks, no links
    (not even a bare URL, which GFM would make live: its "://" and "www." are escaped)."""
    if not text:
        return ""
    out = BIDI_CONTROLS.sub("", text)
    out = out.replace("\\", "\\\\").replace("\r", " ").replace("\n", " ").replace("|", "\\|")
    for char in "<>[]()*_`#!~":
        out = out.replace(char, "\\" + char)
    out = re.sub(r"(?i)(?<=[a-z])://", r"\\://", out)
    return re.sub(r"(?i)\bwww\.", r"www\\.", out)


def _md_url(url: str | None) -> str:
    """An http(s) URL as a Markdown autolink `<...>`, or "" for anything else. Every character
    that could end the autolink or start other markup is percent-encoded, so a URL such as
    `https://s/a>[click](https://evil)<` stays one link to one address."""
    if not url or not url.startswith(("http://", "https://")):
        return ""
    return "<" + quote(BIDI_CONTROLS.sub("", url), safe=_URL_SAFE) + ">"


_URL_SAFE = ":/?#@!$&'*+,;=%-._~"


def to_markdown(meta: StoryMeta, items: list[tuple[Claim, Check]]) -> str:
    """The check as a Markdown sheet: the story, a verdict summary, then one section per claim."""
    counts = {v: sum(1 for _, c in items if c.verdict == v) for v in RATINGS}
    lines = [
        f"# Fact check: {_md(meta.title)}",
        "",
        f"- Station: {_md(meta.station)}",
        f"- Published: {_iso(meta.published) or 'unknown'}",
    ]
    if _md_url(meta.url):
        lines.append(f"- Story: {_md_url(meta.url)}")
    lines += [
        f"- Claims: {len(items)} ({counts['accurate']} accurate, {counts['inaccurate']} "
        f"inaccurate, {counts['unverifiable']} unverifiable)",
        "",
    ]
    if any(is_demo(check) for _, check in items):
        lines += [f"**{DEMO_NOTE}**", ""]
    for i, (claim, check) in enumerate(items):
        demo = " (DEMO)" if is_demo(check) else ""
        lines += [
            f"## {i + 1}. \u201c{_md(claim.text)}\u201d: {check.verdict.upper()}{demo}",
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
        words = describe_error(claim, check)
        if words:
            lines.append(f"- Error: {_md(words)}")
        elif check.error_pct is not None:
            lines.append(f"- Error: {check.error_pct:+.1f}%")
        if check.period_start or check.period_end:
            lines.append(f"- Period: {_iso(check.period_start)} to {_iso(check.period_end)}")
        if check.source or check.source_url:
            link = f" {_md_url(check.source_url)}" if _md_url(check.source_url) else ""
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
    # CRLF rows (RFC 4180): the writer then quotes any cell holding a CR or an LF, so a bare
    # CR inside a source name cannot start a new row in a spreadsheet.
    writer = csv.writer(buffer, lineterminator="\r\n")
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
            describe_error(claim, check),
            "DEMO" if is_demo(check) else "",
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
