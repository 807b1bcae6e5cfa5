"""Feed bytes -> stories: feedparser on bytes, untrusted HTML reduced to text, full text on demand.

feedparser is only ever given the fetched bytes: handed a string, it may open a local file or
fetch a URL itself (its `_open_resource`), skipping every rule of `fetch.py`.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser
from lxml import etree
from lxml import html as lxml_html

from factcheck import fetch as fetch_mod
from factcheck.config import Settings
from factcheck.models import StoryItem
from factcheck.wording import BIDI_CONTROLS

# A summary shorter than this, or one that ends in an ellipsis, is a teaser: fetch the article.
SHORT_SUMMARY = 400
_TEASER_ENDINGS = ("...", "\u2026", "[\u2026]", "[...]", "read more", "continue reading")

# Elements whose content is never story text (and may be hostile).
_DROP = (
    "script",
    "style",
    "iframe",
    "noscript",
    "object",
    "embed",
    "applet",
    "template",
    "svg",
    "math",
    "head",
    "title",
    "meta",
    "link",
    "form",
    "button",
    "select",
    "textarea",
    "audio",
    "video",
    "canvas",
    "frameset",
    "frame",
)
# Elements that start a new paragraph (a blank line) in the text.
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "li",
    "dt",
    "dd",
    "table",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "address",
    "hr",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Numeric character references; the ones naming no character are replaced before parsing.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+([^\s%]\S*)\s+(\"[^\"]*\"|'[^']*')", re.DOTALL)
_ENTITY_REF = re.compile(rb"&([A-Za-z_:][A-Za-z0-9_.:-]*);")
# What parsing may produce from one feed, in characters (entities expanded, all items), and
# the longest story text kept from one item.
MAX_PARSED = 20 * 1024 * 1024
MAX_ITEM_CHARS = 1_000_000
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SOURCE_SPACE = re.compile(r"\s+")
_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:rdf|channel)[\s>]", re.IGNORECASE)


@dataclass
class ParsedFeed:
    items: list[StoryItem] = field(default_factory=list)
    title: str | None = None
    error: str | None = None
    bozo: bool = False
    # What was cleaned or left out, one short line each ("item 3 skipped: ...").
    notes: list[str] = field(default_factory=list)


def html_to_text(markup: str) -> str:
    """Untrusted HTML -> plain text: scripts, styles and frames dropped with their content,
    attributes ignored (so `onerror=` never reaches the text), entities unescaped, one blank
    line between paragraphs, other whitespace collapsed."""
    if not markup or not markup.strip():
        return ""
    if "<" not in markup and "&" not in markup:
        return _normalise(markup)
    try:
        # huge_tree: without it libxml2 stops at 256 levels of nesting and the text is lost.
        root = lxml_html.fragment_fromstring(markup, create_parent="div", parser=_HTML_PARSER)
    except (etree.ParserError, ValueError):
        # lxml refuses some inputs (e.g. an encoding declaration in a str): strip tags instead.
        return _strip_tags(markup)
    etree.strip_elements(root, *_DROP, with_tail=False)
    pieces: list[str] = []
    _walk(root, pieces)
    text = _normalise("".join(pieces))
    if not text:
        # libxml2 gives up past its nesting limit (thousands of levels even with huge_tree) and
        # returns an empty tree: the text is kept by stripping the tags instead.
        return _strip_tags(markup)
    return text


def _strip_tags(markup: str) -> str:
    """The fallback: tags removed by pattern, dropped elements with their content first."""
    dropped = re.sub(
        r"<(script|style|iframe|noscript|template|svg|math|object)\b.*?</\1\s*>",
        " ",
        markup,
        flags=re.IGNORECASE | re.DOTALL,
    )
    return _normalise(html.unescape(re.sub(r"<[^>]*>", " ", dropped)))


_HTML_PARSER = lxml_html.HTMLParser(huge_tree=True)


def _walk(root: etree._Element, out: list[str]) -> None:
    """Text of `root` in document order; iterative, so 10,000 levels of nesting are fine."""
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else None  # comments, processing instructions
        name = tag.lower() if tag else None
        block = name in _BLOCKS
        if closing:
            if block:
                out.append("\n\n")
            if el is not root and el.tail:
                out.append(_SOURCE_SPACE.sub(" ", el.tail))
            continue
        if block:
            out.append("\n\n")
        if name == "br":
            out.append("\n")
        # Line breaks in HTML source are only spaces; <br> and blocks make the text's breaks.
        if tag is not None and el.text:
            out.append(_SOURCE_SPACE.sub(" ", el.text))
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))


def clean_text(text: str) -> str:
    """No bidi controls and no lone surrogates (which no store or encoder can hold)."""
    return _SURROGATE.sub("\ufffd", BIDI_CONTROLS.sub("", text))


def _normalise(text: str) -> str:
    """Blank lines between paragraphs, single spaces within them, no control characters."""
    text = clean_text(text)
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text))
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def _one_line(text: str) -> str:
    return " ".join(html_to_text(text).split())


def _entry_text(entry) -> str:
    content = entry.get("content") or []
    detail = None
    for candidate in content:
        if (candidate.get("value") or "").strip():
            detail = candidate
            break
    if detail is None:
        detail = entry.get("summary_detail") or {
            "value": entry.get("summary") or "",
            "type": "text/html",
        }
    value = detail.get("value") or ""
    if (detail.get("type") or "text/html") == "text/plain":
        return _normalise(value)
    return html_to_text(value)


def _published(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return datetime(*parsed[:6]).replace(tzinfo=UTC)
            except (TypeError, ValueError):
                continue
    return None


def _item(entry, base_url: str | None) -> StoryItem | None:
    title = _one_line(entry.get("title") or "")
    text = _entry_text(entry)
    link = (entry.get("link") or "").strip() or None
    if link and base_url:
        link = urljoin(base_url, link)
    guid = (entry.get("id") or "").strip() or link
    if not guid:
        if not title and not text:
            return None  # nothing to identify or to keep
        # No guid and no link: the item is what it says and when. A title alone would make two
        # different stories with one headline a single story (and later ones its "versions").
        when = _published(entry)
        basis = "\x1f".join((title, text, when.isoformat() if when else ""))
        guid = "content:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
    if not title:
        title = (text[:80].rsplit(" ", 1)[0] + "\u2026") if len(text) > 80 else text
    if not title and not text:
        return None
    if len(text) > MAX_ITEM_CHARS:
        raise _ItemTooLarge(f"its text is {len(text):,} characters, over {MAX_ITEM_CHARS:,}")
    # A headline-only item keeps its headline as its text: every stored version has text, and a
    # headline can hold a claim of its own.
    text = text or title
    author = _one_line(entry.get("author") or "") or None
    return StoryItem(
        guid=guid[:2000],
        title=title or "(untitled)",
        url=link,
        published=_published(entry),
        author=author,
        text=text,
    )


class _ItemTooLarge(Exception):
    """One item's text is past MAX_ITEM_CHARS."""


def _one_line_error(exc: object) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or exc.__class__.__name__


def parse_feed(
    data: bytes, *, base_url: str | None = None, content_type: str | None = None
) -> ParsedFeed:
    """Parse feed bytes. `error` is set when nothing usable came out (malformed, or HTML).

    `content_type` is the HTTP Content-Type, which feedparser uses to pick the encoding.
    """
    if not isinstance(data, bytes | bytearray):
        raise TypeError("parse_feed takes the fetched bytes, never a URL, path or str")
    data, bad_refs = _clean_char_refs(bytes(data))
    expanded = _entity_expansion(data)
    if expanded > MAX_PARSED:
        # Refused before parsing: the expansion itself is what would fill memory.
        return ParsedFeed(
            error=f"refused: the feed's entities would expand to about {expanded:,} characters,"
            f" over the {MAX_PARSED:,} cap",
            bozo=True,
        )
    notes = []
    if bad_refs:
        notes.append(
            f"{bad_refs} character reference(s) naming no character (a lone surrogate, or past"
            " U+10FFFF) replaced with U+FFFD"
        )
    # No content-location: feedparser would resolve relative guids against it, and a guid must
    # not change when the feed moves. Links are resolved against `base_url` in `_item` instead.
    headers = {}
    if content_type:
        headers["content-type"] = content_type
    try:
        # sanitize_html=False: the HTML is reduced to text here (html_to_text), which drops
        # scripts, styles and frames *with* their content; feedparser's sanitizer keeps the
        # inner text of the elements it removes (an iframe's fallback text, for one).
        parsed = feedparser.parse(bytes(data), response_headers=headers, sanitize_html=False)
    except Exception as exc:  # noqa: BLE001 - feedparser can fail in many ways on junk bytes
        return ParsedFeed(error=f"cannot parse the feed: {_one_line_error(exc)}", bozo=True)
    bozo = bool(parsed.get("bozo"))
    entries = parsed.get("entries") or []
    title = _one_line((parsed.get("feed") or {}).get("title") or "") or None
    head = bytes(data[:4096])
    if not entries and _HTML_SNIFF.search(head) and not _FEED_SNIFF.search(head):
        return ParsedFeed(title=title, error="not a feed: got an HTML page", bozo=True)
    if not data.strip():
        return ParsedFeed(error="not a feed: the response was empty", bozo=True)
    items: list[StoryItem] = []
    seen: set[str] = set()
    produced = 0
    for n, entry in enumerate(entries, start=1):
        try:
            item = _item(entry, base_url)
        except Exception as exc:  # noqa: BLE001 - one bad item must not lose the others
            notes.append(f"item {n} skipped: {_one_line_error(exc)}")
            continue
        # The same guid twice in one feed is one story: keep its first (newest) appearance.
        if item is None or item.guid in seen:
            continue
        produced += len(item.text) + len(item.title)
        if produced > MAX_PARSED:
            notes.append(f"items {n} and after skipped: over {MAX_PARSED:,} characters in all")
            break
        seen.add(item.guid)
        items.append(item)
    if not items and bozo:
        reason = _one_line_error(parsed.get("bozo_exception") or "not well-formed")
        return ParsedFeed(title=title, error=f"malformed feed: {reason}", bozo=True, notes=notes)
    if not items and notes:
        return ParsedFeed(title=title, error="; ".join(notes), bozo=bozo, notes=notes)
    return ParsedFeed(items=items, title=title, bozo=bozo, notes=notes)


def _valid_xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _clean_char_refs(data: bytes) -> tuple[bytes, int]:
    """Character references naming no character replaced by U+FFFD's; and how many there were.

    feedparser turns `&#xD800;` into a lone surrogate and then fails on the whole feed, and
    `&#x110000;` cannot be a character at all: one such item must not lose the others.
    """
    count = 0

    def fix(match: re.Match) -> bytes:
        nonlocal count
        hexa, dec = match.groups()
        code = int(hexa, 16) if hexa else int(dec)
        if _valid_xml_char(code):
            return match.group(0)
        count += 1
        return b"&#xFFFD;"

    if b"&#" not in data:
        return data, 0
    return _CHAR_REF.sub(fix, data), count


def _entity_expansion(data: bytes) -> int:
    """An upper estimate of the characters the feed's internal entities add when expanded.

    Every reference in the document is counted (those inside declarations too, which only
    over-counts), each entity's size including the entities it refers to, nested to any depth:
    a "billion laughs" and one 1 MB entity used 90 times are both seen before parsing starts.
    """
    if b"<!ENTITY" not in data:
        return 0
    values: dict[bytes, bytes] = {}
    for match in _ENTITY_DECL.finditer(data):
        values.setdefault(match.group(1), match.group(2)[1:-1])  # the first declaration counts
    sizes: dict[bytes, int] = {}

    def size(name: bytes) -> int:
        if name not in sizes:
            sizes[name] = MAX_PARSED + 1  # a cycle counts as over the cap
            total = len(values[name])
            for ref, n in Counter(_ENTITY_REF.findall(values[name])).items():
                if ref in values:
                    total += n * size(ref)
            sizes[name] = min(total, 10**15)
        return sizes[name]

    total = 0
    for ref, n in Counter(_ENTITY_REF.findall(data)).items():
        if ref in values:
            total = min(total + n * size(ref), 10**15)
    return total


def needs_full_text(item: StoryItem) -> bool:
    """True when the feed gave only a teaser and the item links to an http(s) article page."""
    if not item.url or not item.url.lower().startswith(("http://", "https://")):
        return False
    text = item.text.strip()
    return len(text) < SHORT_SUMMARY or text.lower().endswith(_TEASER_ENDINGS)


class NoArticleText(Exception):
    """The page was fetched but holds no story text; the message says why, in one line."""


def full_text(url: str, settings: Settings, on_timeout=None) -> str | None:
    """The article's main text, fetched under fetch.py's rules; None when it cannot be had.

    `on_timeout(url)` is called when the page's server was too slow.
    """
    try:
        return article_text(url, settings)
    except fetch_mod.FetchTimeout:
        if on_timeout is not None:
            on_timeout(url)
        return None
    except (fetch_mod.FetchError, NoArticleText):
        return None


def article_text(url: str, settings: Settings) -> str:
    """The article's main text; raises FetchError (refused, timed out, HTTP error: its message
    says which) or NoArticleText (fetched, but no story text in it).

    trafilatura is handed the fetched bytes, never the URL, so it makes no request of its own.
    """
    import trafilatura  # heavy import, only when a teaser needs it

    page = fetch_mod.fetch(url, settings=settings)
    if not page.body:
        raise NoArticleText(f"{url} answered with an empty page")
    kind = (page.content_type or "").lower()
    if kind and "html" not in kind and "xml" not in kind:
        raise NoArticleText(f"{url} is not a web page: its content type is {kind.split(';')[0]}")
    try:
        extracted = trafilatura.extract(
            page.body,
            url=page.final_url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            output_format="txt",
            with_metadata=False,
        )
    except Exception as exc:  # noqa: BLE001 - a page that breaks the extractor has no text
        raise NoArticleText(f"the page at {url} could not be read: {_one_line_error(exc)}") from exc
    # trafilatura puts one paragraph per line; the store keeps a blank line between them.
    text = _normalise(re.sub(r"\n+", "\n\n", extracted or ""))
    if not text:
        raise NoArticleText(f"the page at {url} has no story text that could be found")
    return text


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)


def _fingerprint(text: str) -> str:
    """Text with case, whitespace, quotes and punctuation removed, but not decimal points:
    "5.1%" and "51%" must stay different, while "1,500" and "1500" are the same number."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower()
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"(?<=\d)\.(?=\d)", "\u2024", text)  # protect decimal points
    kept = []
    for ch in text:
        if ch == "\u2024":
            kept.append(".")
        elif ch.isspace() or unicodedata.category(ch).startswith("P"):
            continue
        else:
            kept.append(ch)
    return "".join(kept)


def content_hash(title: str, text: str) -> str:
    """A hash that changes only when the words or numbers change, not the typography."""
    canon = _fingerprint(title) + "\x1f" + _fingerprint(text)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()
