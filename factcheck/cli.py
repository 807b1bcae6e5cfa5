"""`python -m factcheck <command>`: the operations of the app, without the UI.

A thin click layer: each command reads its arguments, calls the library and prints. A command that
cannot do what was asked prints one line on stderr and exits non-zero, having changed nothing.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from datetime import date
from pathlib import Path

import click

from factcheck import __version__
from factcheck.config import settings
from factcheck.store import Store, StoreError


def _store() -> Store:
    cfg = settings()
    return Store(cfg.db_path, lock_wait=cfg.lock_wait)


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot read {path}: {exc}") from exc


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.ClickException(f"{option} must be a date as YYYY-MM-DD, got {value!r}") from exc


def _emit(record: dict) -> None:
    click.echo(json.dumps(record, ensure_ascii=False, default=str))


def _fail(message: str) -> None:
    raise click.ClickException(message)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    from factcheck import claims as claims_mod

    nlp = _load_pipeline()
    if batch is None:
        text = _read_text(path)
        for claim in claims_mod.extract_claims(nlp, text, _parse_date(published, "--published")):
            _emit(claim.to_dict())
        return
    records = _read_batch(batch)
    texts = [(r["text"], _parse_date(r.get("published"), "published")) for r in records]
    for record, found in zip(records, claims_mod.extract_batch(nlp, texts), strict=True):
        for claim in found:
            _emit({"id": record["id"], **claim.to_dict()})


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
        records.append(record)
    return records


def _load_pipeline():
    from factcheck import claims as claims_mod

    try:
        return claims_mod.load_pipeline(settings().spacy_model)
    except claims_mod.PipelineMissing as exc:
        _fail(str(exc))


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

    text = _read_text(path)
    when = _parse_date(published, "--published")
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


# --- the store's commands ---------------------------------------------------------------------


@main.command()
def demo() -> None:
    """Fill an empty store with the bundled demo feed, figures and catalogue."""
    from factcheck import demo as demo_mod

    try:
        summary = demo_mod.load_demo(_store(), nlp=_load_pipeline())
    except (demo_mod.DemoError, StoreError) as exc:
        _fail(str(exc))
    click.echo(summary)


@main.command("add-feed")
@click.argument("url")
@click.option("--station", required=True, help="The station's name, as shown in the app.")
@click.option("--place", required=True, help="The station's place: its claims are checked there.")
def add_feed(url: str, station: str, place: str) -> None:
    """Register a station feed."""
    from factcheck import fetch

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

    if every is not None and not every > 0:
        _fail(f"--every takes a positive number of minutes, got {every:g}")
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

    try:
        change = tracking.set_status(_store(), story_id, new_status, editor=_editor(by), note=note)
    except StoreError as exc:
        _fail(str(exc))
    click.echo(f"story {story_id}: {change.old_status} -> {change.status} (by {change.editor})")


@main.command("import-figures")
@click.argument("csv_path", metavar="CSV")
@click.option("--metrics", help="Metrics catalogue CSV.")
def import_figures(csv_path: str, metrics: str | None) -> None:
    """Validate official figures, then import all of them or none."""
    from factcheck import figures

    try:
        summary = figures.import_files(
            _store(), Path(csv_path), metrics=Path(metrics) if metrics else None
        )
    except (figures.FiguresInvalid, StoreError) as exc:
        _fail(str(exc))
    click.echo(summary)


if __name__ == "__main__":
    main()
