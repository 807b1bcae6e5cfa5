"""Official figures in: every publisher's format read into figure rows, imported as a release.

`import_file(store, path, fmt, as_of=, recipe=, metrics=)` is the one way in, for the CLI's
`import-figures` and the app's Official figures -> Import: read and validate the file (slow work,
no store connection open), then in one transaction record the release, insert the new rows, and
re-check the claims they affect. Nothing is imported from a file with any bad row.

Formats (one small module each): `figures` (this project's CSV or Parquet), `fbi-cde`, `bls-laus`,
`census-pep`, `incidents` and `wide` (both driven by a TOML recipe, see `recipes/README.md`).

`as_of` is the publisher's release date: the date the file prints (the BLS footer), else
`--as-of`, else each row's own (a recipe's as_of column), else the release date of that exact
file when it is a known release (`known_releases.csv`, by sha256), else the import date, with a
warning; never the period's end. A later release of the
same series is a new vintage beside the old one; the same file twice (same sha256) adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd

from factcheck import store as st
from factcheck.figures import (
    EDITABLE_FIELDS,
    FiguresInvalid,
    Imported,
    Release,
    RowError,
    Staged,
    _edit_text,
    figures_frame,
    import_frame,
    read_metrics_csv,
    stream_figures,
    summary,
    validate_frame,
)
from factcheck.models import Figure, Metric
from factcheck.sources import bls_laus, census_pep, common, fbi_cde, incidents, wide

FORMATS = ("figures", "fbi-cde", "bls-laus", "census-pep", "incidents", "wide")
# Keyword options differ by reader (only some take a recipe), so the values are typed loosely.
READERS: dict[str, Callable[..., common.Read]] = {
    "fbi-cde": fbi_cde.read,
    "bls-laus": bls_laus.read,
    "census-pep": census_pep.read,
    "incidents": incidents.read,
    "wide": wide.read,
}
NEEDS_RECIPE = ("incidents", "wide")
METRICS_FILE = Path(__file__).parent / "metrics.csv"


@dataclass
class Parsed:
    """A file read and validated, ready to import (and to preview in the app): its rows in
    `frame` (a publisher's format, read whole), or in a Parquet file on disk (`staged`: the
    figures format, checked a chunk at a time whatever its size)."""

    frame: pd.DataFrame | None
    release: Release
    metrics: list[Metric] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    staged: Staged | None = None

    @property
    def rows(self) -> pd.DataFrame | Staged:
        """What `import_frame` takes."""
        if self.staged is not None:
            return self.staged
        assert self.frame is not None
        return self.frame

    @property
    def count(self) -> int:
        rows = self.rows
        return rows.rows if isinstance(rows, Staged) else len(rows)

    def preview(self, n: int) -> pd.DataFrame:
        """The first `n` rows, to show."""
        rows = self.rows
        out = (rows.preview if isinstance(rows, Staged) else rows).head(n).copy()
        out.attrs = {}  # line numbers: not for display
        return out


@dataclass
class Report:
    """What an import did: the summary line, warnings for stderr, the metrics touched."""

    line: str
    warnings: list[str]
    imported: Imported

    def __str__(self) -> str:
        return self.line


@cache
def known_releases() -> dict[str, date]:
    """sha256 -> release date of publisher files whose date the file does not print
    (`known_releases.csv`): the exact bytes of a release identify it."""
    import csv

    with open(Path(__file__).parent / "known_releases.csv", encoding="utf-8", newline="") as f:
        return {row["sha256"]: date.fromisoformat(row["as_of"]) for row in csv.DictReader(f)}


@cache
def source_metrics() -> dict[str, Metric]:
    """The catalogue of the metrics the publisher formats produce, with their definitions."""
    return {m.metric: m for m in read_metrics_csv(METRICS_FILE)}


def read_file(
    path: Path,
    fmt: str = "figures",
    *,
    as_of: date | None = None,
    recipe: Path | None = None,
    units: dict[str, str] | None = None,
    today: date | None = None,
    name: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> Parsed:
    """Read and validate a publisher's file; FiguresInvalid ("line N: reason") when it is bad.
    `progress(fraction read)` as a figures file is checked, a chunk at a time."""
    path = Path(path)
    name = name or path.name
    today = today or date.today()
    if fmt not in FORMATS:
        raise common.fail(0, f"unknown format {fmt!r}: one of {', '.join(FORMATS)}", name)
    if fmt in NEEDS_RECIPE and recipe is None:
        raise common.fail(
            0, f"--format {fmt} needs --recipe FILE (see factcheck/sources/recipes)", name
        )
    sha = common.sha256_of(path)
    if fmt == "figures":
        return _read_figures(path, name, sha, as_of, units or {}, today, progress)
    read = READERS[fmt](path, name, recipe=recipe)
    warnings: list[str] = []
    if read.as_of is not None:
        when, origin = read.as_of, "file"
        if as_of is not None and as_of != read.as_of:
            warnings.append(
                f"{name}: the file prints its release date {read.as_of}; --as-of {as_of} ignored"
            )
    elif as_of is not None:
        when, origin = as_of, "option"
    elif read.rows_dated:
        when, origin = None, "rows"
    elif sha in known_releases():
        when, origin = known_releases()[sha], "known release"
    else:
        when, origin = today, "import date"
        warnings.append(
            f"{name}: the file prints no release date and no --as-of was given: its figures are"
            f" dated {today} (the import date); give the publisher's date with --as-of"
        )
    known = dict(source_metrics())
    known.update({m.metric: m for m in read.metrics})
    unit_of = {m: k.unit for m, k in known.items()}
    unit_of.update(units or {})
    clean, errors = validate_frame(read.frame, units=unit_of, default_as_of=when or today)
    if errors:
        raise FiguresInvalid(errors, name)
    touched = set(clean["metric"].unique()) if len(clean) else set()
    metrics = [known[m] for m in sorted(touched) if m in known]
    release = Release(name, fmt, read.source, sha, when, origin)
    return Parsed(clean, release, metrics, warnings, read.notes)


def _read_figures(path, name, sha, as_of, units, today, progress=None) -> Parsed:
    parquet = path.suffix.lower() in (".parquet", ".pq")
    if not parquet:
        common.check_utf8(path, name, limit=None)
    try:
        staged = stream_figures(
            path, parquet=parquet, units=units, default_as_of=as_of or today, progress=progress
        )
    except FiguresInvalid as exc:
        errors, total = exc.errors, exc.total
        if any(e.line == 1 and e.reason.startswith("missing required column") for e in errors):
            # Likely a publisher's file given without its --format.
            errors = [
                RowError(1, "; ".join(e.reason for e in errors if e.line == 1)
                         + f" (is the file of another format than --format figures? one of"
                         f" {', '.join(FORMATS[1:])})")
            ]  # fmt: skip
            total = 1
        raise FiguresInvalid(errors, name, total) from None
    given, n = staged.as_of_given, staged.rows
    warnings = []
    if given == n:
        origin, when = "rows", None
    elif as_of is not None:
        origin, when = "option", as_of
    else:
        origin, when = "import date", today
        warnings.append(
            f"{name}: {n - given} rows have no as_of and no --as-of was given: they are dated"
            f" {today} (the import date), not their period's end"
        )
    release = Release(name, "figures", "; ".join(staged.sources) or None, sha, when, origin)
    return Parsed(None, release, [], warnings, staged=staged)


RECIPES_DIR = Path(__file__).parent / "recipes"


def shipped_recipes(fmt: str | None = None) -> list[str]:
    """The recipe files that ship with the code (chicago.toml, ...), of one format if given."""
    import tomllib

    names = []
    for path in sorted(RECIPES_DIR.glob("*.toml")):
        if fmt is None or tomllib.loads(path.read_text(encoding="utf-8")).get("format") == fmt:
            names.append(path.name)
    return names


def read_upload(
    name: str,
    data: bytes,
    fmt: str = "figures",
    *,
    as_of: date | None = None,
    recipe: str | bytes | None = None,
    units: dict[str, str] | None = None,
) -> Parsed:
    """`read_file` on an upload (the app): the bytes and an uploaded recipe go to a private
    temporary directory for DuckDB to read; `recipe` is a shipped recipe's name or its bytes."""
    import tempfile

    safe = Path(name).name or "upload"
    with tempfile.TemporaryDirectory(prefix="factcheck-upload-") as tmp:
        path = Path(tmp) / safe
        path.write_bytes(data)
        recipe_path = None
        if isinstance(recipe, bytes):
            recipe_path = Path(tmp) / "recipe.toml"
            recipe_path.write_bytes(recipe)
        elif recipe:
            recipe_path = RECIPES_DIR / Path(recipe).name
        return read_file(path, fmt, as_of=as_of, recipe=recipe_path, units=units, name=safe)


def recheck(con, touched: list[str], reason: str) -> int:
    """Re-check, on the caller's transaction, the claims new figures for `touched` may change."""
    if not touched:
        return 0
    from factcheck import verify  # here, not at the top: the app's import page needs no verify

    return verify.check_claims_in_store(con, st.claims_affected_by(con, touched), reason=reason)


def import_parsed(store, parsed: Parsed, metrics: list[Metric] | None = None) -> Report:
    """Import a read file in one transaction: release, rows, catalogue, re-check."""
    name = parsed.release.file_name
    catalogue = _merge(parsed.metrics, metrics)
    try:
        with store.transaction() as con:
            done = import_frame(
                con, parsed.rows, metrics=catalogue, source_name=name, release=parsed.release
            )
            rechecked = recheck(con, done.touched, f"figures imported from {name}")
    finally:
        if parsed.staged is not None:
            parsed.staged.close()  # imported, or refused: its Parquet file is not needed again
    line = summary(done, name, None, metrics, rechecked)
    if parsed.release.as_of is not None and not done.same_file:
        line += f"; as of {parsed.release.as_of} ({_ORIGIN[parsed.release.as_of_from]})"
    if parsed.notes and not done.same_file:
        line += "; " + "; ".join(parsed.notes)
    return Report(line, parsed.warnings, done)


_ORIGIN = {
    "file": "the release date the file prints",
    "option": "--as-of",
    "import date": "the import date",
    "rows": "each row's own",
    "known release": "the publisher's release date of this exact file",
}


def _merge(first: list[Metric], second: list[Metric] | None) -> list[Metric]:
    out = {m.metric: m for m in first}
    out.update({m.metric: m for m in second or []})
    return list(out.values())


def import_file(
    store,
    path: Path,
    fmt: str = "figures",
    *,
    as_of: date | None = None,
    recipe: Path | None = None,
    metrics: Path | None = None,
    progress: Callable[[float], None] | None = None,
) -> Report:
    """`import-figures PATH --format NAME`: read, validate, import all or nothing.
    `progress(fraction read)` while a figures file is checked."""
    catalogue = read_metrics_csv(Path(metrics)) if metrics else None
    with store.read() as con:  # a reader's turn: the write comes after validation
        units = st.metric_units(con)
    units.update({m.metric: m.unit for m in catalogue or []})
    parsed = read_file(Path(path), fmt, as_of=as_of, recipe=recipe, units=units, progress=progress)
    return import_parsed(store, parsed, catalogue)


def import_files(store, csv_path: Path, metrics: Path | None = None) -> str:
    """The figures CSV (or Parquet) and an optional catalogue: the summary line."""
    return import_file(store, csv_path, "figures", metrics=metrics).line


def import_figures(
    store,
    figures: list[Figure] | pd.DataFrame,
    metrics: list[Metric] | None = None,
    *,
    source_name: str = "app",
) -> str:
    """Validate figures given in memory (the app's editor or upload), then import all or none."""
    frame = figures if isinstance(figures, pd.DataFrame) else figures_frame(figures)
    with store.read() as con:  # a reader's turn: the write comes after validation
        units = st.metric_units(con)
    units.update({m.metric: m.unit for m in metrics or []})
    clean, errors = validate_frame(frame, units=units)
    if errors:
        raise FiguresInvalid(errors, source_name)
    with store.transaction() as con:
        done = import_frame(con, clean, metrics=metrics, source_name=source_name)
        rechecked = recheck(con, done.touched, f"figures imported from {source_name}")
    return summary(done, source_name, clean, metrics, rechecked)


def import_metrics(store, path_or_bytes, *, source_name: str = "metrics") -> str:
    """A metrics catalogue alone (the app's upload): validated, then stored; claims re-checked."""
    catalogue = read_metrics_csv(path_or_bytes)
    empty = figures_frame([])
    with store.transaction() as con:
        import_frame(con, empty, metrics=catalogue, source_name=source_name)
        rechecked = recheck(con, [m.metric for m in catalogue], f"catalogue from {source_name}")
    return f"stored {len(catalogue)} metrics from {source_name}; re-checked {rechecked} claims"


def add_figure(store, figure: Figure, *, editor: str | None = None) -> tuple[str, list[int]]:
    """One figure typed in the app (the unverifiable card's "add the figure"): validated,
    imported as its own release, claims re-checked; returns the summary and the ids re-checked."""
    frame = figures_frame([figure])
    with store.read() as con:  # a reader's turn: the write comes after validation
        units = st.metric_units(con)
    clean, errors = validate_frame(frame, units=units, default_as_of=figure.as_of)
    if errors:
        raise FiguresInvalid(errors, "the figure")
    name = f"added in the app by {editor or 'desk'}"
    with store.transaction() as con:
        done = import_frame(con, clean, source_name=name)
        ids = st.claims_affected_by(con, done.touched) if done.touched else []
        rechecked = recheck(con, done.touched, f"figure {name}")
        if done.new_rows and done.release_id is not None:
            st.app_record_added_figure(con, done.release_id, editor)
    return summary(done, name, clean, None, rechecked), ids


def edit_figures(
    store,
    before: list[dict],
    after: list[dict],
    *,
    editor: str | None,
    note: str,
    today: date | None = None,
) -> int:
    """Turn edited figure rows into new vintages, with an audit-trail row per changed field.

    A figure is never overwritten (a revision is a new vintage): each edited row is imported again
    with `as_of` = today through the same validation and import as a file (which re-checks the
    affected claims), and each changed field goes to `figure_edits` with old and new value, editor
    and note, all in one transaction. Returns how many fields changed; raises FiguresInvalid.
    """
    today = today or date.today()
    edits, revised = [], []
    for old, new in zip(before, after, strict=True):
        changed = [f for f in EDITABLE_FIELDS if _edit_text(old.get(f)) != _edit_text(new.get(f))]
        if not changed:
            continue
        for f in changed:
            edits.append(
                (int(old["id"]), f, _edit_text(old.get(f)), _edit_text(new.get(f)), editor, note)
            )
        revised.append(
            Figure(
                metric=old["metric"],
                place=old["place"],
                period_start=old["period_start"],
                period_end=old["period_end"],
                value=new["value"],
                unit=old.get("unit") or None,
                source=new.get("source") or None,
                source_url=old.get("source_url") or None,
                as_of=today,
                notes=new.get("notes") or None,
            )
        )
    if not edits:
        return 0
    frame = figures_frame(revised)
    with store.read() as con:  # a reader's turn: the write comes after validation
        units = st.metric_units(con)
    clean, errors = validate_frame(frame, units=units)
    if errors:
        raise FiguresInvalid(errors, "edited figures")
    name = f"edited in the app by {editor or 'desk'}"
    with store.transaction() as con:
        done = import_frame(con, clean, source_name=name)
        recheck(con, done.touched, f"figures {name}")
        st.app_record_figure_edits(con, edits)
    return len(edits)


def template_csv() -> str:
    """The figures CSV's header and one example row, for the app's "CSV template" download."""
    rows = [
        ["metric", "place", "period_start", "period_end", "value", "unit", "source", "source_url", "as_of", "notes"],
        ["guns_seized", "Birmingham, Ala.", "2025-01-01", "2025-12-31", "2105", "count",
         "Birmingham Police Department", "https://police.example/stats", "2026-01-15", ""],
    ]  # fmt: skip
    out = []
    for row in rows:
        out.append(",".join(f'"{c}"' if "," in c else c for c in row))
    return "\n".join(out) + "\n"


__all__ = [
    "FORMATS",
    "FiguresInvalid",
    "Parsed",
    "Report",
    "RowError",
    "add_figure",
    "edit_figures",
    "import_file",
    "import_files",
    "import_figures",
    "import_metrics",
    "import_parsed",
    "read_file",
    "recheck",
    "source_metrics",
    "template_csv",
]
