"""Official figures: read and validate CSV / Parquet, import all or nothing, the metrics catalogue.

Validation is vectorised (pandas over whole columns) and streams: a file is read and checked
`CHUNK_ROWS` rows at a time, its clean rows written to a Parquet file on disk (`Staged`), and
the one check that spans rows (duplicates) runs in SQL over that file, so memory stays bounded
whatever the file's size, and every bad row is reported with its line number and reason. The
import reads the Parquet file set-based, in one transaction: figures, catalogue, place aliases,
and the re-check of the claims they affect.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from factcheck import store as st
from factcheck.catalogue import (  # noqa: F401 - re-exported: the catalogue's vocabulary
    COUNT_UNITS,
    GENERIC_WORDS,
    OWN_PLACE_WORDS,
    SYNONYMS,
    auto_metric,
    lemma,
    metric_aliases,
    normalise_alias,
    place_aliases,
)
from factcheck.models import Figure, Metric

REQUIRED = ("metric", "place", "period_start", "period_end", "value")
OPTIONAL = ("unit", "source", "source_url", "as_of", "notes")
TEXT_COLUMNS = ("metric", "place", "unit", "source", "source_url", "notes")
METRIC_REQUIRED = ("metric", "label", "unit")
# Units whose values cannot be negative (a count of guns, of crimes). Money and rates may be.
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection:
# "=cmd|' /C calc'!A0"), so we refuse it rather than store it and export it again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_MESSAGE_ERRORS = 200
MAX_VALUE = 1e15
# Rows read and validated at a time: some 100 MB of pandas text columns and their checks.
CHUNK_ROWS = 100_000
# ... and at most this many cells: a file of many columns is read fewer rows at a time.
CHUNK_CELLS = 1_000_000
# Problems kept (by line) from a file with more: the count still says how many there are.
MAX_KEPT_ERRORS = 10_000
PREVIEW_ROWS = 500
DUPLICATE = "duplicate of line {} (same metric, place, period and as_of)"


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        # Line 0: about the file or its recipe as a whole, not one line of it.
        return f"line {self.line}: {self.reason}" if self.line > 0 else self.reason


class FiguresInvalid(Exception):
    """A figures or catalogue file with bad rows; nothing was imported. `.errors` lists them."""

    def __init__(self, errors: list[RowError], source: str = "figures", total: int | None = None):
        # One problem per line and reason (a wide row's cells share their row's problem).
        self.errors = sorted(dict.fromkeys(errors), key=lambda e: e.line)
        # `total`: how many there are when only the first MAX_KEPT_ERRORS were kept.
        self.total = len(self.errors) if total is None else total
        shown = "; ".join(str(e) for e in self.errors[:MAX_MESSAGE_ERRORS])
        more = self.total - min(len(self.errors), MAX_MESSAGE_ERRORS)
        if more > 0:
            shown += f"; ... and {more} more"
        noun = "problem" if self.total == 1 else "problems"
        super().__init__(f"{source}: {self.total} {noun}, nothing imported: {shown}")


# --- reading ----------------------------------------------------------------------------------


# Every cell as text (validation decides what is a number); blank lines kept, to count lines.
_CSV_OPTIONS = dict(
    dtype=str,
    keep_default_na=False,
    na_filter=False,
    encoding="utf-8-sig",
    skipinitialspace=False,
    skip_blank_lines=False,
)


def _unreadable_csv(exc: Exception) -> FiguresInvalid:
    if isinstance(exc, pd.errors.EmptyDataError):
        return FiguresInvalid([RowError(1, "the file is empty (no header row)")])
    detail = " ".join(str(exc).split())
    return FiguresInvalid([RowError(1, f"not a readable CSV file ({detail})")])


def _without_blank_rows(frame: pd.DataFrame, before: int) -> pd.DataFrame:
    """Header names normalised, blank rows dropped; `attrs["lines"]` keeps each row's line,
    counting the blank ones (line 1 is the header, `before` rows came in earlier chunks)."""
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    blank = (frame == "").all(axis=1) if len(frame.columns) else frame.index == frame.index
    lines = np.flatnonzero(~np.asarray(blank)) + 2 + before
    frame = frame[~blank].reset_index(drop=True)
    frame.attrs["lines"] = lines
    return frame


def _read_csv_frame(path_or_bytes: str | Path | bytes) -> pd.DataFrame:
    """Every cell as text (validation decides what is a number), header names normalised."""
    source: io.BytesIO | Path
    if isinstance(path_or_bytes, bytes | bytearray):
        source = io.BytesIO(path_or_bytes)
    else:
        source = Path(path_or_bytes)
    try:
        frame = pd.read_csv(source, **_CSV_OPTIONS)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise _unreadable_csv(exc) from exc
    return _without_blank_rows(frame, 0)


def _rows_at_a_time(chunk_rows: int, columns: int) -> int:
    return max(1, min(chunk_rows, CHUNK_CELLS // max(columns, 1)))


def _csv_chunks(
    path_or_bytes: str | Path | bytes, chunk_rows: int, progress: Callable[[float], None] | None
) -> Iterator[pd.DataFrame]:
    """The CSV `chunk_rows` rows at a time, as `_read_csv_frame` reads it whole (the same
    parser, options and line numbers); `progress(fraction of the bytes read)` after each."""
    handle: io.BufferedIOBase
    if isinstance(path_or_bytes, bytes | bytearray):
        handle, size = io.BytesIO(path_or_bytes), len(path_or_bytes)
    else:
        handle = Path(path_or_bytes).open("rb")  # noqa: SIM115 - closed by the `with` below
        size = Path(path_or_bytes).stat().st_size
    with handle:
        before = 0
        try:
            columns = len(pd.read_csv(handle, nrows=0, **_CSV_OPTIONS).columns)
            handle.seek(0)
            rows_at_a_time = _rows_at_a_time(chunk_rows, columns)
            reader = pd.read_csv(handle, chunksize=rows_at_a_time, **_CSV_OPTIONS)
            with reader:
                for chunk in reader:
                    rows = len(chunk)
                    yield _without_blank_rows(chunk, before)
                    before += rows
                    if progress:
                        progress(min(handle.tell() / max(size, 1), 1.0))
        except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
            raise _unreadable_csv(exc) from exc


def _parquet_chunks(
    path_or_bytes: str | Path | bytes, chunk_rows: int, progress: Callable[[float], None] | None
) -> Iterator[pd.DataFrame]:
    """A Parquet file `chunk_rows` rows at a time (row 1 is line 1: a Parquet file has no
    header line); `progress(fraction of the rows read)` after each."""
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    before = 0
    try:
        file = pq.ParquetFile(source)
        total = max(file.metadata.num_rows, 1)
        batches = file.iter_batches(batch_size=_rows_at_a_time(chunk_rows, len(file.schema_arrow)))
        empty = True
        for batch in batches:
            empty = False
            frame = batch.to_pandas()
            frame.columns = [str(c).strip().lower() for c in frame.columns]
            frame.attrs["lines"] = np.arange(before + 1, before + 1 + len(frame))
            before += len(frame)
            yield frame
            if progress:
                progress(min(before / total, 1.0))
        if empty:  # no row group: the columns alone, for the missing-column check
            frame = file.schema_arrow.empty_table().to_pandas()
            frame.columns = [str(c).strip().lower() for c in frame.columns]
            yield frame
    except FiguresInvalid:
        raise
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        detail = " ".join(str(exc).split())
        raise FiguresInvalid([RowError(1, f"not a readable Parquet file ({detail})")]) from exc


def _text(series: pd.Series) -> pd.Series:
    """A column as stripped text, '' for missing."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.strftime("%Y-%m-%d").fillna("")
    if isinstance(series.dtype, pd.StringDtype):
        # already text (pandas' Arrow-backed strings): strip in place, no copy to objects
        return series.fillna("").str.strip()
    out = series.astype(object).where(series.notna(), "")
    return out.astype(str).str.strip()


def _dates(series: pd.Series) -> pd.Series:
    """Dates from ISO text (or a date-typed Parquet column); NaT where invalid."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.normalize()
    text = _text(series)
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    return parsed


def _numbers(series: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(series):
        return series.astype("float64")
    text = _text(series)
    # Thousands separators are common in official tables ("1,587"); nothing else is forgiven.
    cleaned = text
    if text.str.contains(",", regex=False).any():
        cleaned = text.str.replace(r"(?<=\d),(?=\d{3}\b)", "", regex=True)
    return pd.to_numeric(cleaned, errors="coerce").astype("float64")


def _errors_from(mask: pd.Series, lines: np.ndarray, reason) -> list[RowError]:
    """RowErrors for the rows in `mask`; `reason` is a string, or a function of the rows'
    positions giving one reason each (so messages are built only for bad rows)."""
    idx = np.flatnonzero(mask.to_numpy(dtype=bool, na_value=False))
    if len(idx) == 0:
        return []
    if isinstance(reason, str):
        return [RowError(int(lines[i]), reason) for i in idx]
    return [RowError(int(lines[i]), str(r)) for i, r in zip(idx, reason(idx), strict=True)]


def _cells(series: pd.Series, fmt: str, *, quote: bool = True):
    """A reason function: `fmt` with {} replaced by each bad row's cell, shown safely."""

    def build(idx: np.ndarray) -> list[str]:
        show = _show if quote else (lambda v: v[:40])
        return [fmt.format(show(str(v))) for v in series.iloc[idx]]

    return build


def _show(value: str, limit: int = 40) -> str:
    value = value.replace("\n", " ")
    return repr(value if len(value) <= limit else value[:limit] + "...")


def validate_frame(
    frame: pd.DataFrame,
    *,
    units: dict[str, str] | None = None,
    default_as_of: date | None = None,
    first_line: int = 2,
    duplicates: bool = True,
) -> tuple[pd.DataFrame, list[RowError]]:
    """Check every row; return the clean typed frame and every problem found.

    `units` maps metric -> catalogue unit, used when a row has no unit of its own (negative counts
    are refused). `first_line` is the line number of the first data row (2: after the header).
    A row without `as_of` gets `default_as_of`, or the import date when that is None (never its
    period's end); `clean.attrs["as_of_given"]` counts the rows that had their own.
    `duplicates=False` leaves out the one check across rows, for a caller that checks a whole
    file a chunk at a time (`stream_figures` does it in SQL over every chunk's rows).
    """
    errors: list[RowError] = []
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        return frame, [RowError(1, f"missing required column {c!r}") for c in missing]
    n = len(frame)
    if n == 0:
        return frame, [RowError(1, "no figure rows after the header")]
    lines = frame.attrs.get("lines")
    if lines is None or len(lines) != n:
        lines = np.arange(first_line, first_line + n)
    text = {c: _text(frame[c]) for c in (*REQUIRED, *OPTIONAL) if c in frame.columns}

    # Formula-looking cells in text columns (and in the value and date columns, which a
    # spreadsheet would run just the same when they are not plain numbers or dates).
    bad_formula = pd.Series(False, index=frame.index)
    for col in TEXT_COLUMNS:
        if col in text:
            hit = text[col].str.startswith(FORMULA_START) & ~bad_formula
            errors += _errors_from(
                hit, lines, _cells(text[col], "cell " + col + " looks like a formula {}")
            )
            bad_formula |= hit
    for col in ("value", "period_start", "period_end", "as_of"):
        if col in text and not pd.api.types.is_numeric_dtype(frame[col]):
            hit = text[col].str.startswith(("=", "@", "\t", "\r")) & ~bad_formula
            errors += _errors_from(
                hit, lines, _cells(text[col], "cell " + col + " looks like a formula {}")
            )
            bad_formula |= hit

    # A line break inside a cell splits the row in every tool the file passes through next.
    for col in (*TEXT_COLUMNS, "value", "period_start", "period_end", "as_of"):
        if col in text:
            hit = text[col].str.contains(r"[\r\n]", regex=True) & ~bad_formula
            errors += _errors_from(hit, lines, f"cell {col} holds a line break (CR or LF)")
            bad_formula |= hit

    ok = ~bad_formula
    for col in ("metric", "place", "period_start", "period_end", "value"):
        empty = (text[col] == "") & ok
        errors += _errors_from(empty, lines, f"{col} is empty")
        ok &= ~empty

    value = _numbers(frame["value"])
    bad_value = ok & (value.isna() | ~np.isfinite(value.fillna(0)))
    errors += _errors_from(bad_value, lines, _cells(text["value"], "value is not a number: {}"))
    ok &= ~bad_value
    # No official count or amount comes near 1e15, and sums and ratios of bigger ones overflow.
    huge = ok & (value.abs() > MAX_VALUE)
    errors += _errors_from(
        huge, lines, _cells(text["value"], "value {} is out of range (more than 1e15)", quote=False)
    )
    ok &= ~huge

    start = _dates(frame["period_start"])
    end = _dates(frame["period_end"])
    for col, parsed in (("period_start", start), ("period_end", end)):
        bad = ok & parsed.isna()
        errors += _errors_from(
            bad, lines, _cells(text[col], col + " is not a date as YYYY-MM-DD: {}")
        )
        ok &= ~bad
    order = ok & (end < start)
    errors += _errors_from(
        order,
        lines,
        lambda idx: [
            f"period_end {e} is before period_start {b}"
            for e, b in zip(
                text["period_end"].iloc[idx], text["period_start"].iloc[idx], strict=True
            )
        ],
    )
    ok &= ~order

    if "as_of" in frame.columns:
        as_of = _dates(frame["as_of"])
        given = text["as_of"] != ""
        bad = ok & given & as_of.isna()
        errors += _errors_from(
            bad, lines, _cells(text["as_of"], "as_of is not a date as YYYY-MM-DD: {}")
        )
        ok &= ~bad
    else:
        as_of = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
        given = pd.Series(False, index=frame.index)
    # A row without its own as_of takes the release's (the caller's --as-of, else the import
    # date): never its period's end, which would date a figure before it was published.
    fallback = pd.Timestamp(default_as_of or date.today())
    as_of = as_of.where(given, fallback)

    unit = text.get("unit", pd.Series("", index=frame.index))
    metric = text["metric"]
    if units:
        unit = unit.where(unit != "", metric.map(lambda m: units.get(m, "")))
    count_like = unit.str.lower().isin(COUNT_UNITS) | (unit == "")
    negative = ok & count_like & (value < 0)
    errors += _errors_from(
        negative, lines, _cells(text["value"], "value {} is negative for a count", quote=False)
    )
    ok &= ~negative

    if duplicates:
        errors += _duplicate_errors(metric, text["place"], start, end, as_of, ok, lines)

    clean = pd.DataFrame(
        {
            "metric": metric,
            "place": text["place"],
            "period_start": start,
            "period_end": end,
            "value": value,
            "unit": unit.where(unit != "", None),
            "source": _optional(text, "source"),
            "source_url": _optional(text, "source_url"),
            "as_of": pd.to_datetime(as_of),
            "notes": _optional(text, "notes"),
        }
    )
    clean.attrs["lines"] = lines
    clean.attrs["as_of_given"] = int(given.sum())
    return clean, errors


def _duplicate_errors(metric, place, start, end, as_of, ok, lines) -> list[RowError]:
    """Each later row of the ones in `ok` with the same metric, place, period and as_of."""
    keys = pd.DataFrame({"metric": metric, "place": place, "s": start, "e": end, "a": as_of})
    dup = ok & keys.duplicated(keep=False)
    if not dup.any():
        return []
    sub = keys[dup].copy()
    sub["line"] = lines[dup.to_numpy()]
    first = sub.groupby(["metric", "place", "s", "e", "a"], dropna=False)["line"].transform("min")
    later = sub["line"] != first
    return [
        RowError(int(line), DUPLICATE.format(int(orig)))
        for line, orig in zip(sub["line"][later], first[later], strict=True)
    ]


def _optional(text: dict[str, pd.Series], col: str) -> pd.Series | None:
    if col not in text:
        return None
    series = text[col]
    return series.where(series != "", None)


# A checked file's clean rows on disk (`Staged`), each with the line it came from.
STAGED_SCHEMA = pa.schema(
    [
        ("line", pa.int64()),
        ("metric", pa.string()),
        ("place", pa.string()),
        ("period_start", pa.date32()),
        ("period_end", pa.date32()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("source", pa.string()),
        ("source_url", pa.string()),
        ("as_of", pa.date32()),
        ("notes", pa.string()),
    ]
)


@dataclass
class Staged:
    """A figures file checked a chunk at a time: its clean rows wait in a Parquet file (with
    their lines) for the import to read set-based; what is kept in memory is small."""

    path: Path
    rows: int
    as_of_given: int  # rows with their own as_of
    sources: list[str]  # the first three distinct sources, sorted (the release's source)
    preview: pd.DataFrame  # the first PREVIEW_ROWS clean rows
    folder: tempfile.TemporaryDirectory | None = None  # deleted by close(), or when collected

    def close(self) -> None:
        """Delete the Parquet file now."""
        if self.folder is not None:
            self.folder.cleanup()


def _is_parquet(path_or_bytes) -> bool:
    return isinstance(path_or_bytes, str | Path) and str(path_or_bytes).lower().endswith(
        (".parquet", ".pq")
    )


def _arrow_rows(clean: pd.DataFrame, lines: np.ndarray) -> pa.Table:
    arrays = [pa.array(lines, pa.int64())]
    arrays += [pa.Array.from_pandas(clean[f.name]).cast(f.type) for f in list(STAGED_SCHEMA)[1:]]
    return pa.Table.from_arrays(arrays, schema=STAGED_SCHEMA)


def stream_figures(
    path_or_bytes: str | Path | bytes,
    *,
    parquet: bool | None = None,
    units: dict[str, str] | None = None,
    default_as_of: date | None = None,
    chunk_rows: int | None = None,
    progress: Callable[[float], None] | None = None,
    name: str | None = None,
    frames: list[pd.DataFrame] | None = None,
) -> Staged:
    """Check a figures file `chunk_rows` rows at a time, in bounded memory; its clean rows go to
    a Parquet file (`Staged`, for `import_frame`). Raises FiguresInvalid with every problem, as
    `validate_frame` finds them on the whole file: duplicates are found in SQL over all rows.
    `progress(fraction read)` after each chunk; `frames`, when given, gets the clean chunks.
    `chunk_rows`: CHUNK_ROWS unless given."""
    chunk_rows = chunk_rows or CHUNK_ROWS
    if parquet is None:
        parquet = _is_parquet(path_or_bytes)
    if name is None:
        name = path_or_bytes.name if isinstance(path_or_bytes, Path) else "figures"
    reader = _parquet_chunks if parquet else _csv_chunks
    folder = tempfile.TemporaryDirectory(prefix="factcheck-figures-")
    path = Path(folder.name) / "rows.parquet"
    errors: list[RowError] = []
    found_total = rows = given = 0
    sources: list[str] = []
    preview: list[pd.DataFrame] = []
    last = None
    try:
        with pq.ParquetWriter(path, STAGED_SCHEMA) as writer:
            for chunk in reader(path_or_bytes, chunk_rows, progress):
                last = chunk
                if any(c not in chunk.columns for c in REQUIRED):
                    raise FiguresInvalid(validate_frame(chunk)[1], name)
                if len(chunk) == 0:
                    continue
                clean, found = validate_frame(
                    chunk, units=units, default_as_of=default_as_of, duplicates=False
                )
                lines = clean.attrs["lines"]
                keep = np.ones(len(clean), dtype=bool)
                if found:
                    # One problem a row: the rows without one are the ones checked for duplicates.
                    found.sort(key=lambda e: e.line)
                    errors += found[: max(MAX_KEPT_ERRORS - len(errors), 0)]
                    found_total += len(found)
                    keep = ~np.isin(lines, [e.line for e in found])
                writer.write_table(_arrow_rows(clean[keep], lines[keep]))
                rows += len(clean)
                given += clean.attrs["as_of_given"]
                sources = sorted({*sources, *clean["source"].dropna().unique()})[:3]
                if sum(map(len, preview)) < PREVIEW_ROWS:
                    preview.append(clean.head(PREVIEW_ROWS - sum(map(len, preview))).copy())
                    preview[-1].attrs = {}  # line numbers: not for display
                if frames is not None and not found_total:
                    frames.append(clean)
        if rows == 0:
            empty = last if last is not None else pd.DataFrame(columns=list(REQUIRED))
            raise FiguresInvalid(validate_frame(empty)[1], name)
        dup_total, dups = st.figure_duplicates(path, MAX_KEPT_ERRORS)
    except BaseException:
        folder.cleanup()
        raise
    if found_total or dup_total:
        folder.cleanup()
        errors += [RowError(line, DUPLICATE.format(first)) for line, first in dups]
        errors.sort(key=lambda e: e.line)
        raise FiguresInvalid(errors[:MAX_KEPT_ERRORS], name, total=found_total + dup_total)
    head = pd.concat(preview, ignore_index=True) if len(preview) > 1 else preview[0]
    return Staged(path, rows, given, list(sources), head, folder)


def _joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Clean chunks as one frame, as `validate_frame` gives it for the whole file."""
    if len(frames) == 1:
        return frames[0]
    lines = np.concatenate([f.attrs["lines"] for f in frames])
    given = sum(f.attrs["as_of_given"] for f in frames)
    for f in frames:
        f.attrs = {}  # pandas compares the attrs of what it joins, and arrays do not compare
    out = pd.concat(frames, ignore_index=True)
    out.attrs.update(lines=lines, as_of_given=given)
    return out


def read_figures_frame(
    path_or_bytes: str | Path | bytes,
    *,
    parquet: bool | None = None,
    units: dict[str, str] | None = None,
    default_as_of: date | None = None,
    chunk_rows: int | None = None,
) -> pd.DataFrame:
    """A validated, typed frame of figures (the whole file in memory: `stream_figures` keeps
    it on disk); raises FiguresInvalid listing every bad row."""
    frames: list[pd.DataFrame] = []
    staged = stream_figures(
        path_or_bytes,
        parquet=parquet,
        units=units,
        default_as_of=default_as_of,
        chunk_rows=chunk_rows,
        frames=frames,
    )
    staged.close()
    return _joined(frames)


def _day(value) -> date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _iso(value) -> str:
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _frame_to_figures(frame: pd.DataFrame) -> list[Figure]:
    out = []
    for row in frame.itertuples(index=False):
        start, end = _day(row.period_start), _day(row.period_end)
        assert start is not None and end is not None  # read_figures_frame requires both
        out.append(
            Figure(
                metric=row.metric,
                place=row.place,
                period_start=start,
                period_end=end,
                value=float(row.value),
                unit=row.unit,
                source=row.source,
                source_url=row.source_url,
                as_of=_day(row.as_of),
                notes=row.notes,
            )
        )
    return out


def read_figures_csv(path_or_bytes: str | Path | bytes, **kwargs) -> list[Figure]:
    """Figures from a CSV file or its bytes; FiguresInvalid lists every bad row."""
    return _frame_to_figures(read_figures_frame(path_or_bytes, parquet=False, **kwargs))


def read_figures_parquet(path_or_bytes: str | Path | bytes, **kwargs) -> list[Figure]:
    """Figures from a Parquet file with the CSV's columns; rows are numbered from 1."""
    return _frame_to_figures(read_figures_frame(path_or_bytes, parquet=True, **kwargs))


def validate_figures_csv(path_or_bytes: str | Path | bytes, **kwargs) -> list[RowError]:
    """Every problem in a figures file, without importing anything ([] when it is clean)."""
    try:
        read_figures_frame(path_or_bytes, **kwargs)
    except FiguresInvalid as exc:
        return exc.errors
    return []


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    """Figures (e.g. edited in the app) as a frame to validate like a file."""
    rows = [
        {
            "metric": f.metric,
            "place": f.place,
            "period_start": _iso(f.period_start),
            "period_end": _iso(f.period_end),
            "value": ""
            if f.value is None
            else (repr(float(f.value)) if isinstance(f.value, int | float) else str(f.value)),
            "unit": f.unit or "",
            "source": f.source or "",
            "source_url": f.source_url or "",
            "as_of": _iso(f.as_of),
            "notes": f.notes or "",
        }
        for f in figures
    ]
    return pd.DataFrame(rows, columns=[*REQUIRED, *OPTIONAL], dtype=object)


# --- the metrics catalogue --------------------------------------------------------------------


def read_metrics_csv(path_or_bytes: str | Path | bytes) -> list[Metric]:
    """The metrics catalogue (metric, label, unit, aliases, optional definition); FiguresInvalid
    lists bad rows."""
    frame = _read_csv_frame(path_or_bytes)
    name = path_or_bytes.name if isinstance(path_or_bytes, Path) else "metrics"
    missing = [c for c in METRIC_REQUIRED if c not in frame.columns]
    if missing:
        raise FiguresInvalid([RowError(1, f"missing required column {c!r}") for c in missing], name)
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    out = []
    for i, row in enumerate(frame.to_dict("records"), start=2):
        cells = {k: str(v).strip() for k, v in row.items()}
        bad = [c for c in ("metric", "label", "unit", "aliases", "definition") if cells.get(c, "").startswith(
            FORMULA_START
        )]  # fmt: skip
        if bad:
            errors.append(RowError(i, f"cell {bad[0]} looks like a formula {_show(cells[bad[0]])}"))
            continue
        empty = [c for c in METRIC_REQUIRED if not cells.get(c)]
        if empty:
            errors.append(RowError(i, f"{empty[0]} is empty"))
            continue
        if cells["metric"] in seen:
            errors.append(RowError(i, f"duplicate of line {seen[cells['metric']]} (same metric)"))
            continue
        seen[cells["metric"]] = i
        if any("\n" in v or "\r" in v for v in cells.values()):
            errors.append(RowError(i, "a cell holds a line break (CR or LF)"))
            continue
        aliases = [a.strip() for a in cells.get("aliases", "").split(";") if a.strip()]
        definition = cells.get("definition") or None
        out.append(Metric(cells["metric"], cells["label"], cells["unit"], aliases, definition))
    if errors:
        raise FiguresInvalid(errors, name)
    return out


# --- importing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Release:
    """One publisher's file as imported: the record every figure row of it points to."""

    file_name: str
    format: str = "figures"
    source: str | None = None
    sha256: str | None = None  # None for rows typed or edited in the app
    as_of: date | None = None  # the publisher's release date (None: each row's own)
    as_of_from: str = "rows"  # file, option, rows, import date


@dataclass
class Imported:
    """What an import did: rows added and already on record, the release, the metrics touched.

    The caller re-checks the claims `touched` affects (`factcheck.sources.recheck`)."""

    new_rows: int
    existing: int
    release_id: int | None
    touched: list[str] = field(default_factory=list)
    same_file: bool = False  # the file was imported before: nothing was added
    imported_at: datetime | None = None
    series: int = 0  # (metric, place) series in the file


def import_frame(
    con,
    frame: pd.DataFrame | Staged,
    *,
    metrics: list[Metric] | None = None,
    source_name: str,
    release: Release | None = None,
    recheck: bool = False,
) -> Imported:
    """Insert a validated frame (or a checked file's `Staged` rows, read set-based from disk)
    and catalogue on `con` (inside the caller's transaction).

    A row whose key and as_of are already on record with the same value is skipped; with another
    value it is refused, since a revision must come as a new vintage (a later as_of), never as an
    overwrite. A file whose sha256 is already a release adds nothing at all. This module does not
    re-check claims (that would import `verify`, which imports this module): the caller does,
    with `Imported.touched`. `recheck` must stay False; it is kept for older callers.
    """
    if recheck:
        raise TypeError("import_frame does not re-check: call factcheck.sources.recheck")
    release = release or Release(file_name=source_name)
    if release.sha256:
        before = st.release_with_sha(con, release.sha256)
        if before is not None:
            release_id, file_rows, imported_at = before
            return Imported(0, file_rows, release_id, [], True, imported_at)
    metrics = list(metrics or [])
    # Known metrics first, as before staging: that query also ends a result a caller's last
    # query left open, which DuckDB's register() (in stage_figures) would refuse.
    known = {m.metric for m in metrics} | st.metric_names(con)
    if isinstance(frame, Staged):
        conflicts = st.stage_figures_parquet(con, frame.path)
        line_of: Callable[[int], int] = int  # staged from disk, a row carries its line
    else:
        conflicts = st.stage_figures(con, frame)
        lines = frame.attrs.get("lines")
        line_of = (lambda rn: int(lines[int(rn)])) if lines is not None else (lambda rn: rn + 2)
    if conflicts:
        raise FiguresInvalid(
            [
                RowError(
                    line_of(rn),
                    f"already on record as of {as_of} with value {old:g} (this row says {new:g});"
                    " a revision needs a later as_of",
                )
                for rn, as_of, old, new in conflicts
            ],
            source_name,
        )
    units, places, series = st.staged_figure_summary(con)
    for name in sorted(set(units) - known):
        metrics.append(auto_metric(name, units[name]))
    if metrics:
        st.upsert_metrics(
            con,
            [(m.metric, m.label, m.unit, ";".join(m.aliases), m.definition) for m in metrics],
            [(alias, m.metric) for m in metrics for alias in sorted(metric_aliases(m))],
        )
    st.add_place_aliases(con, [(a, p) for p in sorted(places) for a in sorted(place_aliases(p))])
    release_id, new_rows, existing = st.insert_staged_figures(con, source_name, release)
    touched = sorted(units) if new_rows else []
    return Imported(new_rows, existing, release_id, touched, series=series)


def summary(
    imported: Imported,
    source_name: str,
    frame: pd.DataFrame | Staged | None,
    metrics,
    rechecked: int,
) -> str:
    """The one line an import prints (`frame` is not needed: the import counted the series)."""
    if imported.same_file:
        when = f" of {imported.imported_at:%Y-%m-%d}" if imported.imported_at else ""
        return (
            f"imported 0 figure rows from {source_name} (the same file as release"
            f" {imported.release_id}{when}: {imported.existing} already on record)"
        )
    parts = [f"imported {imported.new_rows} figure rows from {source_name}"]
    parts.append(f" ({imported.series} series")
    if metrics:
        parts.append(f", {len(metrics)} metrics in the catalogue")
    if imported.existing:
        parts.append(f", {imported.existing} already on record")
    parts.append(f"); re-checked {rechecked} claims")
    return "".join(parts)


# Fields an editor may change in the app; the rest identify the series and period.
EDITABLE_FIELDS = ("value", "source", "notes")


def _edit_text(value) -> str:
    if value is None:
        return ""
    try:
        if value != value:  # NaN from an emptied cell
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
