"""What every page of the app shares: cached resources, cached queries, safe rendering helpers.

- The store (a `Store`, which opens a short-lived connection per operation so a scheduled `poll`
  can write between two page loads; every query here uses `Store.read`, which shares the store
  with other readers and goes before waiting writers) and the spaCy pipeline are `st.cache_resource`: built once per
  process, shared by every session, never mutated.
- Query results are `st.cache_data` with a short ttl, keyed on the store's path; every write the
  app makes clears them (`invalidate()`), so a page shows its own change at once.
- All text that comes from stories, feeds or users is escaped here before it reaches HTML or
  Markdown (`esc`, `md_text`, `highlight_html`, `link`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote, urlsplit

import streamlit as st

from factcheck import charts
from factcheck import store as q
from factcheck.charts import VERDICT_BACKGROUNDS, VERDICT_COLOURS
from factcheck.config import settings
from factcheck.store import Store
from factcheck.wording import BIDI_CONTROLS

VERDICTS = ("accurate", "inaccurate", "unverifiable")
# Plain symbols, not emoji: a newsroom PC or a headless browser may have no emoji font.
VERDICT_ICONS = {"accurate": "✓", "inaccurate": "✗", "unverifiable": "?"}
MODES = {"now": "as of now", "aired": "as aired"}
TTL = 30  # seconds: a poll running elsewhere shows up within this long


# --- routing -------------------------------------------------------------------------------------

ROUTER_KEY = "_routed_by_app"


def page_setup(page_file: str) -> None:
    """First lines of every page: make sure the page runs inside the app's router.

    Streamlit treats a `pages/` folder next to the entry script as a legacy multipage app until
    the entry script has called `st.navigation` once in the process (AppTest even resets this
    before every run, so in AppTest a rerun runs the current page alone, without the sidebar). A bookmark such as
    /claims?… opened first after a restart would then run the page alone, without the sidebar.
    This sends such a run to the entry script, remembering the page and its query parameters;
    the entry script then switches to that page (see streamlit_app.py).
    """
    if not st.session_state.get(ROUTER_KEY):
        st.session_state["deep_link"] = (Path(page_file).name, st.query_params.to_dict())
        st.switch_page("streamlit_app.py")


# --- resources -----------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _store_at(path: str, lock_wait: float) -> Store:
    return Store(path, lock_wait=lock_wait)


def get_store() -> Store:
    """The store named by FACTCHECK_DB, one object per path for the whole process."""
    cfg = settings()
    return _store_at(str(cfg.db_path), cfg.lock_wait)


def db_key() -> str:
    """The cache key of the current store: cached queries of one store never serve another."""
    return str(settings().db_path)


@st.cache_resource(show_spinner="Loading the language pipeline…")
def _nlp(model: str):
    from factcheck import claims

    return claims.load_pipeline(model)


def get_nlp():
    """The spaCy pipeline, loaded once per process. Shared by all sessions: never mutate it."""
    return _nlp(settings().spacy_model)


def invalidate() -> None:
    """Forget cached query results after the app wrote to the store."""
    st.cache_data.clear()


def mode() -> str:
    """Which checks the pages show: "now" (latest figures) or "aired" (figures as broadcast)."""
    return st.session_state.get("mode", "now")


# --- cached queries ------------------------------------------------------------------------------


@st.cache_data(ttl=TTL, show_spinner=False)
def status(db: str) -> dict:
    store = get_store()
    # One turn on the store for all four (the nested reads share it).
    with store.read() as con:
        return {
            "counts": store.counts(),
            "feeds": store.feeds(),
            "last_poll": store.last_poll(),
            "demo": q.app_demo_loaded(con),
        }


# The Inbox's and the Claims page's queries with no filter set: the sidebar asks the very same
# cached queries, so its numbers are the pages' numbers (and cost nothing when the page ran).
INBOX_ALL = {
    "station": None,
    "status": None,
    "verdict": None,
    "since": None,
    "until": None,
    "desk_status": None,
}
CLAIMS_ALL = {
    "verdict": None,
    "station": None,
    "speaker": None,
    "metric": None,
    "since": None,
    "until": None,
}


def _total(rows) -> int:
    return int(rows.total.iloc[0]) if not rows.empty else 0


def store_counts(db: str, mode: str) -> dict[str, int]:
    """The sidebar's counts, each computed as the page that shows it computes it: stories
    (Inbox), claims of latest versions (Claims), official figures and metrics (Official
    figures), open alerts (Tracker)."""
    counts = status(db)["counts"]
    return {
        "stories": _total(inbox(db, mode=mode, **INBOX_ALL)),
        "claims": _total(claims_table(db, mode=mode, **CLAIMS_ALL)),
        "figures": counts["figures"],
        "metrics": counts["metrics"],
        "open_alerts": counts["open_alerts"],
    }


@st.cache_data(ttl=TTL, show_spinner=False)
def filter_options(db: str) -> dict:
    with get_store().read() as con:
        return q.app_filter_options(con)


@st.cache_data(ttl=TTL, show_spinner=False)
def inbox(db: str, **filters):
    with get_store().read() as con:
        return q.app_inbox(con, **filters)


@st.cache_data(ttl=TTL, show_spinner=False)
def claims_table(db: str, **filters):
    with get_store().read() as con:
        return q.app_claims(con, **filters)


@st.cache_data(ttl=TTL, show_spinner=False)
def mismatches(db: str, **filters):
    with get_store().read() as con:
        return q.app_mismatches(con, **filters)


@st.cache_data(ttl=TTL, show_spinner=False)
def series_summary(db: str, mode: str):
    with get_store().read() as con:
        return q.app_series_summary(con, mode=mode)


@st.cache_data(ttl=TTL, show_spinner=False)
def verdict_totals(db: str, mode: str) -> dict:
    with get_store().read() as con:
        return q.app_verdict_totals(con, mode=mode)


@st.cache_data(ttl=TTL, show_spinner=False)
def story_choices(db: str) -> list[tuple]:
    with get_store().read() as con:
        return q.app_story_choices(con)


@st.cache_data(ttl=TTL, show_spinner=False)
def story(db: str, story_id: int) -> dict | None:
    with get_store().read() as con:
        return q.app_story(con, story_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def story_claims(db: str, version_id: int, mode: str) -> list:
    with get_store().read() as con:
        return q.app_story_claims(con, version_id, mode=mode)


@st.cache_data(ttl=TTL, show_spinner=False)
def claim_notes(db: str, claim_ids: tuple[int, ...]) -> dict:
    with get_store().read() as con:
        return q.app_claim_notes(con, list(claim_ids))


@st.cache_data(ttl=TTL, show_spinner=False)
def series(db: str):
    with get_store().read() as con:
        return q.app_series(con)


@st.cache_data(ttl=TTL, show_spinner=False)
def series_figures(db: str, metric: str, place: str, all_vintages: bool = False):
    with get_store().read() as con:
        return q.app_series_figures(con, metric, place, all_vintages=all_vintages)


@st.cache_data(ttl=TTL, show_spinner=False)
def metrics(db: str):
    with get_store().read() as con:
        return q.app_metrics(con)


@st.cache_data(ttl=TTL, show_spinner=False)
def place_aliases(db: str):
    with get_store().read() as con:
        return q.app_place_aliases(con)


@st.cache_data(ttl=TTL, show_spinner=False)
def figure_edits(db: str):
    with get_store().read() as con:
        return q.app_figure_edits(con)


# --- uploads -------------------------------------------------------------------------------------

# The largest figures file the app takes (also `server.maxUploadSize` in .streamlit/config.toml);
# larger ones go through the command line, which streams them.
MAX_UPLOAD_BYTES = 50_000_000


SPOOL_CHUNK = 8 * 1024 * 1024  # bytes copied at a time from an upload to its temporary file
PREVIEW_ROWS = 500


@dataclass
class CheckedUpload:
    """An uploaded file validated, kept small: its rows stay in the file on disk, and the
    session holds only what the page shows. The import reads the file again from there."""

    path: Path
    fmt: str
    as_of: date | None
    recipe: Path | None
    rows: int
    preview: Any  # the first PREVIEW_ROWS rows, a DataFrame
    release: Any  # factcheck.sources.Release
    warnings: list[str]
    notes: list[str]


def spool_upload(upload: BinaryIO, dest: Path, progress: Callable[[float], None] | None = None):
    """Copy an upload to `dest` a piece at a time: the file DuckDB then reads, made without a
    second whole copy of the upload in memory. `progress(fraction)` after each piece."""
    upload.seek(0)
    size = max(getattr(upload, "size", 0) or 0, 1)
    done = 0
    with dest.open("wb") as out:
        while piece := upload.read(SPOOL_CHUNK):
            out.write(piece)
            done += len(piece)
            if progress:
                progress(min(done / size, 1.0))
    upload.seek(0)


def check_upload(
    upload: BinaryIO,
    name: str,
    fmt: str,
    *,
    folder: Path,
    as_of: date | None = None,
    recipe: str | bytes | None = None,
    units: dict[str, str] | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> CheckedUpload:
    """Spool an upload into `folder` and validate it there, a chunk of rows at a time; raises
    FiguresInvalid with every bad row. `progress(step, fraction)` as it copies, then checks.
    It makes no Streamlit call, so bench/upload_memory.py measures it as the page runs it."""
    from factcheck import sources

    path = folder / (Path(name).name or "upload")
    spool_upload(upload, path, progress and (lambda f: progress("copying", f)))
    recipe_path = None
    if isinstance(recipe, bytes):
        recipe_path = folder / "recipe.toml"
        recipe_path.write_bytes(recipe)
    elif recipe:
        recipe_path = sources.RECIPES_DIR / Path(recipe).name
    parsed = sources.read_file(
        path, fmt, as_of=as_of, recipe=recipe_path, units=units, name=path.name,
        progress=progress and (lambda f: progress("checking", f)),
    )  # fmt: skip
    if parsed.staged is not None:
        parsed.staged.close()  # the import reads the checked file again, in its own transaction
    return CheckedUpload(
        path, fmt, as_of, recipe_path, parsed.count, parsed.preview(PREVIEW_ROWS),
        parsed.release, parsed.warnings, parsed.notes,
    )  # fmt: skip


# What the bar says of each step of an upload's check and import.
_STEPS = {"copying": "Copying", "checking": "Checking the rows of", "importing": "Importing"}


def progress_bar(bar, name: str) -> Callable[[str, float], None]:
    """`progress(step, fraction)` for the library's long work, drawn on an `st.progress` bar."""
    shown = md_text(name)
    return lambda step, f: bar.progress(f, text=f"{_STEPS[step]} {shown}: {f:.0%}")


def checked_upload(upload, fmt: str, as_of: date | None, recipe, units: dict) -> CheckedUpload:
    """The page's upload validated once per file and import options, not on every rerun: the
    result (or the FiguresInvalid raised) is kept in the session; the file is spooled to a
    private temporary folder, with a progress bar, then read there."""
    import shutil
    import tempfile

    from factcheck import figures

    key = (upload.file_id, fmt, as_of, recipe)
    kept = st.session_state.get("_checked_upload")
    if kept is None or kept[0] != key:
        discard_upload()
        folder = Path(tempfile.mkdtemp(prefix="factcheck-upload-"))
        bar = st.progress(0.0, text=f"Reading {upload.name}…")
        try:
            with st.spinner(f"Checking every row of {upload.name}…"):
                result = check_upload(
                    upload, upload.name, fmt, folder=folder, as_of=as_of, recipe=recipe,
                    units=units, progress=progress_bar(bar, upload.name),
                )  # fmt: skip
            kept = (key, result, None)
        except figures.FiguresInvalid as exc:
            shutil.rmtree(folder, ignore_errors=True)
            kept = (key, None, exc)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        finally:
            bar.empty()
        st.session_state["_checked_upload"] = kept
    if kept[2] is not None:
        raise kept[2]
    return kept[1]


def discard_upload() -> None:
    """Forget the session's checked upload and delete its temporary file."""
    import shutil

    kept = st.session_state.pop("_checked_upload", None)
    if kept is not None and kept[1] is not None:
        shutil.rmtree(kept[1].path.parent, ignore_errors=True)


# --- writes --------------------------------------------------------------------------------------


def add_note(story_id: int | None, claim_id: int, body: str, author: str = "desk") -> None:
    """Record a note on a stored claim ("verified: ...") and refresh the cached queries."""
    with get_store().transaction() as con:
        q.app_add_note(con, story_id=story_id, claim_id=claim_id, body=body, author=author)
    invalidate()


def recheck_with_series(claim_id, claim, metric: str, published, place: str):
    """Check a claim against the series a reporter chose.

    A stored claim gets an override (kept through later re-checks, in the audit trail); a
    pasted one is re-checked now and nothing is stored. Returns the new check.
    """
    from factcheck import verify

    if claim_id is not None:
        new = verify.set_override(get_store(), claim_id, metric=metric, note="chosen in the app")
        invalidate()
        return new
    when = published.date() if hasattr(published, "date") else published
    return verify.check_claims(
        get_store(), [claim], published=when, place=place, mode=mode(), metric=metric
    )[0]


# Tracking (factcheck.tracking opens its own connections; the results are plain dataclasses).


@st.cache_data(ttl=TTL, show_spinner=False)
def threads(db: str) -> list:
    from factcheck import tracking

    found = tracking.stored_threads(get_store())
    # No stored threads yet (no poll since tracking came in): group now, writing nothing.
    return found or tracking.thread_stories(get_store())


@st.cache_data(ttl=TTL, show_spinner=False)
def version_diff(db: str, story_id: int, a: int, b: int) -> list[tuple[str, str]]:
    from factcheck import tracking

    return tracking.version_diff(get_store(), story_id, a, b)


@st.cache_data(ttl=TTL, show_spinner=False)
def claim_changes(db: str, story_id: int, a: int, b: int, mode: str):
    from factcheck import tracking

    return tracking.claim_changes(get_store(), story_id, a, b, mode=mode)


@st.cache_data(ttl=TTL, show_spinner=False)
def speaker_history(db: str, speaker: str, mode: str) -> list:
    from factcheck import tracking

    return tracking.speaker_history(get_store(), speaker, mode=mode)


@st.cache_data(ttl=TTL, show_spinner=False)
def verdict_changes(db: str, mode: str) -> list:
    from factcheck import tracking

    return tracking.verdict_changes(get_store(), mode=mode)


@st.cache_data(max_entries=32, show_spinner="Rendering…")
def render(spec_json: str, fmt: str) -> bytes | str:
    """A chart rendered offline, PNG or SVG, cached by its spec (a rerun does not redraw it)."""
    spec = json.loads(spec_json)
    return charts.to_png(spec) if fmt == "png" else charts.to_svg(spec)


# --- safe rendering ------------------------------------------------------------------------------

# ASCII punctuation that Markdown (GFM) can read as markup; "/" and "@" too, so that neither a
# bare URL nor an e-mail address in a title becomes a live link.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:/@&=?%^\"'])")


def esc(text: object) -> str:
    """HTML-escape any value (quotes too, so it is safe inside an attribute)."""
    return html.escape("" if text is None else str(text), quote=True)


def shown(text: object) -> str:
    """HTML-escaped text with each bidi control shown as a visible [U+202E] (a pasted script is
    shown as it was pasted, but a hidden override must not reorder what the reporter reads)."""
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", esc(text))


def md_text(text: object) -> str:
    """Untrusted text made inert for st.markdown: every Markdown and HTML character escaped,
    so a story title cannot become a link, an image or markup."""
    text = BIDI_CONTROLS.sub("", "" if text is None else str(text))
    return _MD_SPECIAL.sub(r"\\\1", text)


def is_web_url(url: object) -> bool:
    if not isinstance(url, str):
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def link(url: object, label: object) -> str:
    """A Markdown link when `url` is http(s), else the label as plain (escaped) text."""
    if is_web_url(url):
        # Percent-encode everything that could end the link or start markup: spaces, newlines,
        # parentheses, angle brackets, brackets in the path.
        safe = quote(str(url).strip(), safe=":/?#@!$&'*+,;=%~")
        return f"[{md_text(label)}]({safe})"
    return md_text(label)


def highlight_html(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """The text as HTML, each span `(start, end, verdict, title)` in a coloured <mark>.

    Safe by construction: every piece of `text` and every `title` goes through html.escape; the
    only markup in the result is the <mark> tags and style attributes written here from fixed
    verdict colours. Overlapping or out-of-range spans are skipped, never trusted.
    """
    out = []
    pos = 0
    for start, end, verdict, title in sorted(spans):
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(shown(text[pos:start]))
        colour = VERDICT_COLOURS.get(verdict, VERDICT_COLOURS["unverifiable"])
        background = VERDICT_BACKGROUNDS.get(verdict, VERDICT_BACKGROUNDS["unverifiable"])
        out.append(
            f'<mark class="claim claim-{esc(verdict)}" title="{esc(title)}" '
            f'style="background:{background};border-bottom:3px solid {colour};'
            f'padding:0 2px;border-radius:3px">{shown(text[start:end])}</mark>'
        )
        pos = end
    out.append(shown(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    return f'<div class="story-text" style="line-height:1.7">{body}</div>'


def diff_html(pieces: list[tuple[str, str]]) -> str:
    """A text diff as HTML: deletions struck through in red, insertions underlined in green.

    Safe by construction like highlight_html: each piece is escaped, the tags are fixed.
    """
    styles = {
        "delete": ("del", "background:#fbd5d5;color:#8a1c1c"),
        "insert": ("ins", "background:#d3f0dc;color:#14532d"),
    }
    out = []
    for op, text in pieces:
        if op in styles:
            tag, style = styles[op]
            out.append(f'<{tag} style="{style}">{shown(text)}</{tag}>')
        else:
            out.append(shown(text))
    body = "".join(out).replace("\n", "<br>")
    return f'<div class="story-diff" style="line-height:1.7">{body}</div>'


def verdict_badge(verdict: str, *, demo: bool = False) -> str:
    """A coloured verdict label in Streamlit's Markdown colour syntax (fixed words only); a
    verdict from illustrative demo figures carries a DEMO badge beside it."""
    colour = {"accurate": "green", "inaccurate": "red", "unverifiable": "gray"}.get(verdict, "gray")
    badge = f":{colour}-badge[{VERDICT_ICONS.get(verdict, '')} {verdict.upper()}]"
    return badge + (" :orange-badge[DEMO]" if demo else "")


def day(value) -> str:
    if value is None:
        return "unknown date"
    try:
        return value.strftime("%Y-%m-%d")
    except (AttributeError, ValueError):
        return "unknown date"


def as_date(value) -> date | None:
    """A widget's date (or None) as a plain date, for a query parameter."""
    return value if isinstance(value, date) else None
