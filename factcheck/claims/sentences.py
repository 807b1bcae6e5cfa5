"""Sentence offsets by punctuation and line breaks, and the dateline a story opens with."""

from __future__ import annotations

import re

from factcheck.claims.vocab import _ABBREV, _DATELINE

_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9])|\n\s*\n|\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets by punctuation and line breaks, minding abbreviations."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            word = re.search(r"([\w.]+)\.$", text[max(0, m.start() - 12) : m.start() + 1])
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREV or re.fullmatch(r"[a-z]", w):
                    continue
                if w in ("a.m", "p.m") and re.match(r"\s+(?:[a-z]|[A-Z][a-z]+day\b)", text[end:]):
                    continue
        _add_sentence(text, start, end, out)
        start = end
    _add_sentence(text, start, len(text), out)
    return out


def _add_sentence(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence starts once its dateline ("PHOENIX (KPNX) — ") is set aside: the
    dateline holds no claims and, left in, it confuses the parse of the sentence."""
    m = _DATELINE.match(text[start:end])
    return start + m.end() if m and m.end() < end - start else start
