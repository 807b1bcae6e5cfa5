"""`python -m factcheck <command>`: the operations of the app, without the UI.

A thin click layer: each command reads its arguments, calls the library and prints. A command that
cannot do what was asked prints one line on stderr and exits non-zero, having changed nothing.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import gc
import json
import math
import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck import __version__
from factcheck.config import settings
from factcheck.models import Claim

if TYPE_CHECKING:
    from factcheck.store import Store

# The store (and DuckDB with it) is imported by the commands that use it, not here: `claims` and
# `consistency` never open it, and importing DuckDB is a tenth of their start-up.


def _store() -> Store:
    from factcheck.store import Store

    cfg = settings()
    folder = cfg.db_path.parent
    if folder.exists() and not folder.is_dir():
        _fail(f"cannot use the store {cfg.db_path}: {folder} is a file, not a directory")
    if not folder.exists() and os.environ.get("FACTCHECK_DB"):
        # Not created silently: a typo in FACTCHECK_DB would otherwise start an empty newsroom.
        _fail(f"cannot use the store {cfg.db_path}: the directory {folder} does not exist")
    return Store(cfg.db_path, lock_wait=cfg.lock_wait)


def _read_text(path: str) -> str:
    """A story or batch file (or stdin for `-`) as text; binary or non-UTF-8 input refused."""
    name = "standard input" if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else _readable(path, "the file").read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(
            f"cannot read {name}: it is not UTF-8 text (byte {exc.start} is {data[exc.start]:#04x})"
        ) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot read {name}: {exc.strerror or exc}") from exc
    if "\x00" in text:
        raise click.ClickException(f"cannot read {name}: it holds NUL bytes, so it is not text")
    return text


def _readable(path: str, what: str) -> Path:
    """`path` when it is a readable file; else one line saying why not."""
    file = Path(path)
    if not file.exists():
        _fail(f"cannot read {what} {path}: no such file")
    if file.is_dir():
        _fail(f"cannot read {what} {path}: it is a directory, not a file")
    if not os.access(file, os.R_OK):
        _fail(f"cannot read {what} {path}: permission denied")
    return file


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: object, option: str) -> date | None:
    """A strict YYYY-MM-DD date (not 2025-2-3, not year 0000), or None when not given."""
    if value is None:
        return None
    try:
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.ClickException(f"{option} must be a date as YYYY-MM-DD, got {value!r}") from exc


def _strict(value):
    """`value` with every non-finite float replaced by None, and whether any was."""
    if isinstance(value, float) and not math.isfinite(value):
        return None, True
    if isinstance(value, dict):
        pairs = {k: _strict(v) for k, v in value.items()}
        return {k: v for k, (v, _) in pairs.items()}, any(b for _, b in pairs.values())
    if isinstance(value, list | tuple):
        pairs = [_strict(v) for v in value]
        return [v for v, _ in pairs], any(b for _, b in pairs)
    return value, False


def _emit(record: dict) -> None:
    """One strict JSON line: no NaN or Infinity, which JSON does not have."""
    click.echo(_json_line(record))


def _json_line(record: dict) -> str:
    clean, changed = _strict(record)
    if changed:
        clean["warning"] = "a number here is too large to represent; shown as null"
    return json.dumps(clean, ensure_ascii=False, default=str, allow_nan=False)


def _fail(message: str) -> None:
    raise click.ClickException(message)


class _Commands(click.Group):
    """Every failure a command did not foresee still ends as one line on stderr, never a
    traceback (`FACTCHECK_DEBUG=1` shows it); nothing was changed, as each write is one
    transaction."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            raise _failure(exc) from exc


def _failure(exc: Exception) -> Exception:
    """The one line an unforeseen exception ends as (or the exception, with FACTCHECK_DEBUG)."""
    # The store and DuckDB are imported only by the commands that use them: an error can be
    # theirs only when they were.
    store, duckdb = sys.modules.get("factcheck.store"), sys.modules.get("duckdb")
    if store is not None and isinstance(exc, store.StoreError):
        return click.ClickException(_one_line(exc))
    if duckdb is not None and isinstance(exc, duckdb.Error):
        return click.ClickException(
            f"the store {settings().db_path} cannot be used (damaged or cut short?):"
            f" {_one_line(exc)}"
        )
    if isinstance(exc, ValueError) and str(exc).startswith("FACTCHECK_"):
        return click.ClickException(_one_line(exc))  # a setting (config.py names the variable)
    if isinstance(exc, OSError) and not isinstance(exc, ValueError):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return click.ClickException(f"{exc.strerror or _one_line(exc)}{where}")
    return _unforeseen(exc)


def _unforeseen(exc: Exception) -> Exception:
    if os.environ.get("FACTCHECK_DEBUG"):
        return exc
    return click.ClickException(
        f"failed: {exc.__class__.__name__}: {_one_line(exc)} (FACTCHECK_DEBUG=1 shows the traceback)"
    )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or exc.__class__.__name__


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """The newsroom fact desk: numeric claims in station stories, checked against the record."""


# --- claims and checks ------------------------------------------------------------------------


@main.command()
@click.argument("path", required=False, default="-")
@click.option("--published", help="The story's publication date, YYYY-MM-DD.")
@click.option("--batch", "batch", metavar="FILE|-", help="JSON Lines of {id, text, published?}.")
def claims(path: str, published: str | None, batch: str | None) -> None:
    """Print the numeric claims in a story as JSON Lines, in text order."""
    # factcheck.claims (and spaCy with it) is first imported by _load_pipeline
    if batch is None:
        # The input is read and checked before the pipeline loads: bad input fails at once.
        text = _read_text(path)
        when = _parse_date(published, "--published")
        _warn_if_not_english(text)
        nlp = _load_pipeline()
        from factcheck.claims import extract_claims

        for claim in extract_claims(nlp, text, when):
            _emit(claim.to_dict())
        return
    records = _read_batch(batch)
    nlp = _load_pipeline()
    from factcheck.claims import extract_batch

    texts = [(r["text"], _parse_date(r.get("published"), "published")) for r in records]
    names = [f.name for f in dataclasses.fields(Claim)]
    found_all = extract_batch(nlp, texts, n_process=_batch_processes())
    for record, found in zip(records, found_all, strict=True):
        # A story's lines in one write; a claim's fields are plain values, so a flat copy of
        # them is its `to_dict()` at a fifth of the cost.
        lines = [
            _json_line({"id": record["id"], **{n: getattr(c, n) for n in names}}) for c in found
        ]
        if lines:
            click.echo("\n".join(lines))


def _batch_processes() -> int:
    """Two processes for a batch when the machine gives this one two cores (the CLI has no
    threads, so it may fork)."""
    return 2 if hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) >= 2 else 1


def _read_batch(batch: str) -> list[dict]:
    records = []
    for lineno, line in enumerate(_read_text(batch).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _fail(f"--batch line {lineno} is not JSON: {exc.msg}")
        if not isinstance(record, dict) or "id" not in record or "text" not in record:
            _fail(f"--batch line {lineno} needs an object with 'id' and 'text'")
        where = f"--batch line {lineno} (id {json.dumps(record['id'])[:40]})"
        if not isinstance(record["text"], str):
            _fail(f"{where}: 'text' must be a string, got {type(record['text']).__name__}")
        published = record.get("published")
        if published is not None and not isinstance(published, str):
            _fail(f"{where}: 'published' must be a string YYYY-MM-DD, got {published!r}"[:200])
        _parse_date(published, f"{where}: 'published'")
        records.append(record)
    return records


def _warn_if_not_english(text: str) -> None:
    from factcheck.wording import looks_english

    if not looks_english(text):
        click.echo(
            "warning: this text does not look like English; only English is supported, so"
            " numbers written as other languages write them ('1.500') may be misread",
            err=True,
        )


def _load_pipeline():
    with _no_cycle_collection():
        from factcheck import claims as claims_mod

        try:
            return claims_mod.load_pipeline(settings().spacy_model)
        except claims_mod.PipelineMissing as exc:
            _fail(str(exc))


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Importing spaCy and loading the model make some 100,000 objects and free few: collecting
    cycles among them finds nothing and costs 0.15 s of a batch's start. So the first load in a
    process runs with no collection (threshold 0, not gc.disable(): srsly's msgpack reader turns
    the collector back on), and what it made is then frozen out of later collections
    (`gc.freeze`, which also spares a forked child copying those pages)."""
    if "spacy" in sys.modules:
        yield  # loaded before: nothing of that size to make
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.freeze()
        atexit.register(gc.unfreeze)  # at exit, all collectable as before (DuckDB checks it)
        gc.set_threshold(*thresholds)


@main.command()
@click.argument("path", required=False, default="-")
@click.option("--figures", "figures", multiple=True, required=True, help="Official figures CSV.")
@click.option("--metrics", help="Metrics catalogue CSV.")
@click.option("--published", required=True, help="The story's publication date, YYYY-MM-DD.")
@click.option("--place", required=True, help="The station's own place.")
def check(
    path: str, figures: tuple[str, ...], metrics: str | None, published: str, place: str
) -> None:
    """Print the claims in a story, each checked against the given official figures."""
    from factcheck import verify
    from factcheck.store import StoreError

    text = _read_text(path)
    when = _parse_date(published, "--published")
    assert when is not None  # --published is required
    _warn_if_not_english(text)
    for figure in figures:
        _readable(figure, "the figures file")
    if metrics:
        _readable(metrics, "the metrics file")
    nlp = _load_pipeline()
    try:
        results = verify.check_text_against_files(
            nlp,
            text,
            figures=[Path(f) for f in figures],
            metrics=Path(metrics) if metrics else None,
            published=when,
            place=place,
        )
    except (verify.FiguresInvalid, StoreError) as exc:
        _fail(str(exc))
    for claim, result in results:
        _emit({**claim.to_dict(), **result.to_dict()})


@main.command()
@click.argument("path", required=False, default="-")
@click.option("--published", help="The story's publication date, YYYY-MM-DD.")
@click.option("--batch", "batch", metavar="FILE|-", help="JSON Lines of {id, text, published?}.")
def consistency(path: str, published: str | None, batch: str | None) -> None:
    """Print where a story's own numbers disagree, one JSON line per finding."""
    from factcheck import arithmetic

    if batch is None:
        text = _read_text(path)
        when = _parse_date(published, "--published")
        for finding in arithmetic.check_text(_load_pipeline(), text, when):
            _emit(finding.to_dict())
        return
    records = _read_batch(batch)
    texts = [(r["text"], _parse_date(r.get("published"), "published")) for r in records]
    for record, found in zip(records, arithmetic.check_batch(_load_pipeline(), texts), strict=True):
        for finding in found:
            _emit({"id": record["id"], **finding.to_dict()})


# --- the store's commands ---------------------------------------------------------------------


@main.command()
@click.option(
    "--official",
    is_flag=True,
    help="Also load the real FBI, BLS and Census files of data/official/ (as `make run` does).",
)
def demo(official: bool) -> None:
    """Fill an empty store with the bundled demo feed, figures and catalogue."""
    from factcheck import demo as demo_mod
    from factcheck.store import StoreError

    try:
        summary = demo_mod.load_demo(_store(), nlp=_load_pipeline())
        click.echo(summary)
        if official:
            for line in demo_mod.load_official(_store()):
                click.echo(line)
    except (demo_mod.DemoError, StoreError) as exc:
        _fail(str(exc))


@main.command()
def official() -> None:
    """Import the real FBI, BLS and Census files shipped in data/official/ (each once)."""
    from factcheck import demo as demo_mod
    from factcheck.store import StoreError

    try:
        for line in demo_mod.load_official(_store()):
            click.echo(line)
    except (demo_mod.DemoError, StoreError) as exc:
        _fail(str(exc))


@main.command("add-feed")
@click.argument("url")
@click.option("--station", required=True, help="The station's name, as shown in the app.")
@click.option("--place", required=True, help="The station's place: its claims are checked there.")
def add_feed(url: str, station: str, place: str) -> None:
    """Register a station feed."""
    from factcheck import fetch
    from factcheck.store import StoreError

    try:
        fetch.validate_url(url)
        fetch.check_literal_host(url, settings())
        feed = _store().add_feed(url, station.strip(), place.strip())
    except (fetch.FetchError, StoreError) as exc:
        _fail(str(exc))
    click.echo(f"added feed {feed.id}: {feed.station} ({feed.place}) {feed.url}")


@main.command()
@click.option("--every", type=float, metavar="MINUTES", help="Keep polling every MINUTES.")
def poll(every: float | None) -> None:
    """Fetch every feed, store new stories and versions, extract and check their claims."""
    from factcheck import polling
    from factcheck.store import StoreError

    if every is not None and not (math.isfinite(every) and every > 0):
        _fail(f"--every takes a positive, finite number of minutes, got {every:g}")
    store = _store()
    nlp = _load_pipeline()

    def show(_i, _n, _feed, result) -> None:
        if result is not None:
            click.echo(result.line())

    if every is None:
        try:
            results = polling.poll_all(store, nlp, settings(), show)
        except StoreError as exc:
            _fail(str(exc))
        if not results:
            click.echo(
                "no feeds registered: add one with"
                " `python -m factcheck add-feed URL --station NAME --place PLACE`",
                err=True,
            )
        fetched = [r for r in results if r.status != "bundled"]
        if fetched and all(r.status == "error" for r in fetched):
            _fail(f"no feed could be read: all {len(fetched)} failed (each one's error above)")
        return

    # As a service: SIGTERM or Ctrl-C ends the loop after the feed being polled is committed; a
    # second signal stops at once (the open transaction rolls back, the store stays consistent).
    stopping: list[int] = []

    def on_signal(signum, _frame) -> None:
        if stopping:
            raise SystemExit(128 + signum)
        stopping.append(signum)
        click.echo(f"stopping after the current feed ({signal.Signals(signum).name})", err=True)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    while not stopping:
        try:
            polling.poll_all(store, nlp, settings(), show, stop=lambda: bool(stopping))
        except Exception as exc:  # noqa: BLE001 - a failed round is logged; the next one runs
            click.echo(f"poll round failed: {exc.__class__.__name__}: {exc}", err=True)
        deadline = time.monotonic() + every * 60
        while not stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, max(deadline - time.monotonic(), 0)))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl")
def stories(fmt: str) -> None:
    """One line per story: station, title, versions, claims and verdict counts."""
    from factcheck.store import StoreError

    try:
        rows = _store().story_summaries()
    except StoreError as exc:
        _fail(str(exc))
    for row in rows:
        _emit(row)


# --- the editors' desk: threads, alerts, status ----------------------------------------------


def _editor(by: str | None) -> str:
    import getpass

    try:
        return by or getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "desk"


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl")
def threads(fmt: str) -> None:
    """One line per thread: its stories, their stations, why they were linked, the market view."""
    from factcheck import tracking
    from factcheck.store import StoreError

    store = _store()
    try:
        tracking.assign_threads(store)  # up to date with hand decisions and the latest stories
        found = tracking.stored_threads(store)
        for thread in found:
            market = [m.sentence for m in tracking.market_view(store, thread.story_ids)]
            _emit(
                {
                    "id": thread.id,
                    "title": thread.title,
                    "story_ids": thread.story_ids,
                    "stations": thread.stations,
                    "reasons": thread.reasons,
                    "market": market,
                }
            )
    except StoreError as exc:
        _fail(str(exc))


@main.command()
@click.argument("action", type=click.Choice(["link", "unlink", "merge", "split", "rename"]))
@click.argument("args", nargs=-1, required=True)
@click.option("--note", help="Why (kept with the decision).")
@click.option("--by", "by", help="Who decided (default: the user name).")
def thread(action: str, args: tuple[str, ...], note: str | None, by: str | None) -> None:
    """Hand decisions: link STORY OTHER_STORY | unlink STORY | merge THREAD OTHER_THREAD |
    split THREAD STORY... | rename THREAD TITLE. The automatic grouping never undoes them."""
    from factcheck import tracking
    from factcheck.store import StoreError

    need = {"link": 2, "unlink": 1, "merge": 2, "split": 2, "rename": 2}[action]
    if len(args) < need or (action in ("link", "unlink", "merge") and len(args) != need):
        _fail(f"thread {action} takes {need} argument{'s' if need > 1 else ''}")
    numbers = args[:-1] if action == "rename" else args
    try:
        ids = [int(a) for a in numbers]
    except ValueError:
        _fail(f"thread {action}: story and thread ids are whole numbers, got {' '.join(numbers)}")
    store, who = _store(), _editor(by)
    try:
        if action == "link":
            done = tracking.link_stories(store, ids[0], ids[1], editor=who, note=note)
            click.echo(f"story {ids[0]} is in thread {done} with story {ids[1]}")
        elif action == "unlink":
            tracking.unlink_story(store, ids[0], editor=who, note=note)
            click.echo(f"story {ids[0]} is out of its thread")
        elif action == "merge":
            tracking.merge_threads(store, ids[0], ids[1], editor=who, note=note)
            click.echo(f"thread {ids[1]} merged into thread {ids[0]}")
        elif action == "split":
            new = tracking.split_thread(store, ids[0], ids[1:], editor=who, note=note)
            click.echo(f"stories {', '.join(map(str, ids[1:]))} split into thread {new}")
        else:
            tracking.rename_thread(store, ids[0], args[-1], editor=who, note=note)
            click.echo(f"thread {ids[0]} renamed")
    except StoreError as exc:
        _fail(str(exc))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl")
@click.option("--all", "everything", is_flag=True, help="Include alerts already handled.")
@click.option("--kind", help="Only alerts of this kind.")
def alerts(fmt: str, everything: bool, kind: str | None) -> None:
    """One line per alert, newest first: what happened and what to do."""
    from factcheck import tracking
    from factcheck.store import StoreError

    store = _store()
    try:
        tracking.refresh_alerts(store)
        for alert in tracking.list_alerts(store, include_handled=everything, kind=kind):
            _emit(alert.to_dict())
    except StoreError as exc:
        _fail(str(exc))


@main.command()
@click.argument("story_id", type=int)
@click.argument("new_status", metavar="STATUS")
@click.option("--note", help="Why, for the audit trail.")
@click.option("--by", "by", help="Who (default: the user name).")
def status(story_id: int, new_status: str, note: str | None, by: str | None) -> None:
    """Set a story's status: new, checking, verified, needs-correction or aired."""
    from factcheck import tracking
    from factcheck.store import StoreError

    try:
        change = tracking.set_status(_store(), story_id, new_status, editor=_editor(by), note=note)
    except StoreError as exc:
        _fail(str(exc))
    click.echo(f"story {story_id}: {change.old_status} -> {change.status} (by {change.editor})")


@main.command("import-figures")
@click.argument("path", metavar="PATH")
@click.option(
    "--format",
    "fmt",
    default="figures",
    show_default=True,
    help="figures, fbi-cde, bls-laus, census-pep, incidents or wide.",
)
@click.option("--as-of", "as_of", help="The publisher's release date, YYYY-MM-DD.")
@click.option(
    "--recipe", help="The TOML recipe (incidents, wide): a file, or a shipped one by name."
)
@click.option("--metrics", help="Metrics catalogue CSV.")
def import_figures(
    path: str, fmt: str, as_of: str | None, recipe: str | None, metrics: str | None
) -> None:
    """Read a publisher's file, validate it, then import all of its figures or none."""
    from factcheck import sources
    from factcheck.store import StoreError

    if fmt not in sources.FORMATS:
        _fail(f"--format must be one of {', '.join(sources.FORMATS)}, got {fmt!r}")
    if recipe and not Path(recipe).is_file() and Path(recipe).name in sources.shipped_recipes():
        recipe = str(sources.RECIPES_DIR / Path(recipe).name)  # a shipped one, by name
    _readable(path, "the figures file")
    if recipe:
        _readable(recipe, "the recipe")
    if metrics:
        _readable(metrics, "the metrics file")
    when = _parse_date(as_of, "--as-of")
    try:
        report = sources.import_file(
            _store(),
            Path(path),
            fmt,
            as_of=when,
            recipe=Path(recipe) if recipe else None,
            metrics=Path(metrics) if metrics else None,
        )
    except (sources.FiguresInvalid, StoreError) as exc:
        _fail(str(exc))
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(report.line)


@main.command("figures")
@click.option("--metric", help="Only this metric.")
@click.option("--place", help="Only this place (any way it is written: 'Autauga County, AL').")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl")
def figures_command(metric: str | None, place: str | None, fmt: str) -> None:
    """One line per stored figure row, every vintage: metric, place, period, value, as_of."""
    from factcheck import places
    from factcheck import store as store_mod
    from factcheck.store import StoreError

    try:
        store = _store()
        with store.connect() as con:
            wanted = None
            if place:
                names = {place.strip(), places.canonical_place(place)}
                alias = store_mod.place_alias_target(con, place)
                wanted = sorted(n for n in names | {alias} if n)
            rows = store_mod.figure_rows(con, metric, wanted)
    except StoreError as exc:
        _fail(str(exc))
    for row in rows:
        value = row["value"]
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            row["value"] = int(value)  # a count reads as the publisher printed it: 21570
        _emit(row)


if __name__ == "__main__":
    main()
