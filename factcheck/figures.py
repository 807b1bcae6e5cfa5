"""Official figures: read and validate CSV / Parquet, import all or nothing, the metrics catalogue.

Validation is vectorised (pandas over whole columns), so a file of a million rows is checked in
about a second, and every bad row is reported with its line number and reason. The import is one
transaction: figures, catalogue, place aliases, and the re-check of the claims they affect.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from factcheck import store as st
from factcheck.models import Figure, Metric

REQUIRED = ("metric", "place", "period_start", "period_end", "value")
OPTIONAL = ("unit", "source", "source_url", "as_of", "notes")
TEXT_COLUMNS = ("metric", "place", "unit", "source", "source_url", "notes")
METRIC_REQUIRED = ("metric", "label", "unit")
# Units whose values cannot be negative (a count of guns, of crimes). Money and rates may be.
COUNT_UNITS = {"count", "number", "people", "persons"}
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection:
# "=cmd|' /C calc'!A0"), so we refuse it rather than store it and export it again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_MESSAGE_ERRORS = 200

# Built-in synonyms (DESIGN.md): a claim about a "firearm" matches a series aliased "gun".
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"gun", "firearm", "weapon"}),
    frozenset({"crime", "offense", "offence"}),
    frozenset({"homicide", "murder", "killing"}),
    frozenset({"shooting", "gunfire"}),
    frozenset({"arrest", "apprehension"}),
)
# Words in a metric's id that say how it is counted, not what ("guns_seized" is about guns).
GENERIC_WORDS = frozenset(
    [
        "seized",
        "reported",
        "recorded",
        "total",
        "number",
        "count",
        "counts",
        "of",
        "per",
        "rate",
        "ytd",
        "annual",
        "monthly",
        "yearly",
        "by",
        "in",
        "all",
        "city",
    ]
)
# Words that name the station's own place rather than another one.
OWN_PLACE_WORDS = ("the city", "city", "citywide", "city-wide", "the town", "town", "here")


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class FiguresInvalid(Exception):
    """A figures or catalogue file with bad rows; nothing was imported. `.errors` lists them."""

    def __init__(self, errors: list[RowError], source: str = "figures"):
        self.errors = sorted(errors, key=lambda e: e.line)
        shown = "; ".join(str(e) for e in self.errors[:MAX_MESSAGE_ERRORS])
        more = len(self.errors) - MAX_MESSAGE_ERRORS
        if more > 0:
            shown += f"; ... and {more} more"
        noun = "problem" if len(self.errors) == 1 else "problems"
        super().__init__(f"{source}: {len(self.errors)} {noun}, nothing imported: {shown}")


# --- reading ----------------------------------------------------------------------------------


def _read_csv_frame(path_or_bytes: str | Path | bytes) -> pd.DataFrame:
    """Every cell as text (validation decides what is a number), header names normalised."""
    if isinstance(path_or_bytes, bytes | bytearray):
        source = io.BytesIO(path_or_bytes)
    else:
        source = Path(path_or_bytes)
    try:
        frame = pd.read_csv(
            source,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            encoding="utf-8-sig",
            skipinitialspace=False,
            skip_blank_lines=False,
        )
    except pd.errors.EmptyDataError as exc:
        raise FiguresInvalid([RowError(1, "the file is empty (no header row)")]) from exc
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        detail = " ".join(str(exc).split())
        raise FiguresInvalid([RowError(1, f"not a readable CSV file ({detail})")]) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    # Blank lines are skipped, but line numbers keep counting them (line 1 is the header).
    blank = (frame == "").all(axis=1) if len(frame.columns) else frame.index == frame.index
    lines = np.flatnonzero(~blank.to_numpy()) + 2
    frame = frame[~blank].reset_index(drop=True)
    frame.attrs["lines"] = lines
    return frame


def _read_parquet_frame(path_or_bytes: str | Path | bytes) -> pd.DataFrame:
    import pyarrow.parquet as pq

    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    try:
        frame = pq.read_table(source).to_pandas()
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        detail = " ".join(str(exc).split())
        raise FiguresInvalid([RowError(1, f"not a readable Parquet file ({detail})")]) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame


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
) -> tuple[pd.DataFrame, list[RowError]]:
    """Check every row; return the clean typed frame and every problem found.

    `units` maps metric -> catalogue unit, used when a row has no unit of its own (negative counts
    are refused). `first_line` is the line number of the first data row (2: after the header).
    A row without `as_of` gets `default_as_of`, or its own `period_end` when that is None.
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

    ok = ~bad_formula
    for col in ("metric", "place", "period_start", "period_end", "value"):
        empty = (text[col] == "") & ok
        errors += _errors_from(empty, lines, f"{col} is empty")
        ok &= ~empty

    value = _numbers(frame["value"])
    bad_value = ok & (value.isna() | ~np.isfinite(value.fillna(0)))
    errors += _errors_from(bad_value, lines, _cells(text["value"], "value is not a number: {}"))
    ok &= ~bad_value

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
    fallback = pd.Timestamp(default_as_of) if default_as_of else end
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

    keys = pd.DataFrame(
        {
            "metric": metric,
            "place": text["place"],
            "s": start,
            "e": end,
            "a": as_of,
        }
    )
    dup = ok & keys.duplicated(keep=False)
    if dup.any():
        sub = keys[dup].copy()
        sub["line"] = lines[dup.to_numpy()]
        first = sub.groupby(["metric", "place", "s", "e", "a"], dropna=False)["line"].transform(
            "min"
        )
        later = sub["line"] != first
        for line, orig in zip(sub["line"][later], first[later], strict=True):
            errors.append(
                RowError(
                    int(line),
                    f"duplicate of line {int(orig)} (same metric, place, period and as_of)",
                )
            )

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
    return clean, errors


def _optional(text: dict[str, pd.Series], col: str) -> pd.Series | None:
    if col not in text:
        return None
    series = text[col]
    return series.where(series != "", None)


def read_figures_frame(
    path_or_bytes: str | Path | bytes,
    *,
    parquet: bool | None = None,
    units: dict[str, str] | None = None,
    default_as_of: date | None = None,
) -> pd.DataFrame:
    """A validated, typed frame of figures; raises FiguresInvalid listing every bad row."""
    if parquet is None:
        parquet = isinstance(path_or_bytes, str | Path) and str(path_or_bytes).lower().endswith(
            (".parquet", ".pq")
        )
    if parquet:
        frame, first = _read_parquet_frame(path_or_bytes), 1
    else:
        frame, first = _read_csv_frame(path_or_bytes), 2
    clean, errors = validate_frame(
        frame, units=units, default_as_of=default_as_of, first_line=first
    )
    if errors:
        name = path_or_bytes.name if isinstance(path_or_bytes, Path) else "figures"
        raise FiguresInvalid(errors, str(name))
    return clean


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
        out.append(
            Figure(
                metric=row.metric,
                place=row.place,
                period_start=_day(row.period_start),
                period_end=_day(row.period_end),
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


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """A crude singular for matching aliases: 'guns' -> 'gun', 'offenses' -> 'offense'."""
    word = word.lower().strip()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=100_000)
def normalise_alias(text: str) -> str:
    words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", text.lower())
    return " ".join(lemma(w) for w in words)


def read_metrics_csv(path_or_bytes: str | Path | bytes) -> list[Metric]:
    """The metrics catalogue (metric, label, unit, aliases); FiguresInvalid lists bad rows."""
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
        bad = [c for c in ("metric", "label", "unit", "aliases") if cells.get(c, "").startswith(
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
        aliases = [a.strip() for a in cells.get("aliases", "").split(";") if a.strip()]
        out.append(Metric(cells["metric"], cells["label"], cells["unit"], aliases))
    if errors:
        raise FiguresInvalid(errors, name)
    return out


def metric_aliases(metric: Metric) -> set[str]:
    """Normalised alias phrases of a metric: its own aliases, its id and label, and synonyms."""
    found = {normalise_alias(a) for a in metric.aliases}
    name = normalise_alias(metric.metric.replace("_", " "))
    found.add(name)
    if not metric.aliases:
        # No catalogue aliases: the series' own head noun ("guns_seized" -> "gun").
        words = [w for w in name.split() if w not in GENERIC_WORDS]
        if words:
            found.add(words[-1])
    found.discard("")
    out = set(found)
    for alias in found:
        for group in SYNONYMS:
            if alias in group:
                out |= group
    return out


def auto_metric(metric: str, unit: str | None) -> Metric:
    """A catalogue entry for a metric that arrives with figures but no catalogue row."""
    unit = unit if isinstance(unit, str) and unit.strip() else "count"
    return Metric(metric, metric.replace("_", " "), unit, [])


def place_aliases(place: str) -> set[str]:
    """Lower-case names a story may use for a place: 'Birmingham, AL' -> also 'birmingham'."""
    base = place.strip().lower()
    out = {base}
    if "," in base:
        out.add(base.split(",")[0].strip())
    return out


# --- importing --------------------------------------------------------------------------------


def import_frame(
    con,
    frame: pd.DataFrame,
    *,
    metrics: list[Metric] | None = None,
    source_name: str,
    recheck: bool = True,
) -> tuple[int, int, int]:
    """Insert a validated frame and catalogue on `con` (inside the caller's transaction).

    Returns (new rows, rows already on record, claims re-checked). A row whose key and as_of are
    already on record with the same value is skipped; with another value it is refused, since a
    revision must come as a new vintage (a later as_of), never as an overwrite.
    """
    metrics = list(metrics or [])
    known = {m.metric for m in metrics} | st.metric_names(con)
    units = frame.groupby("metric", sort=False)["unit"].first().to_dict() if len(frame) else {}
    for name in sorted(set(frame["metric"].unique()) - known):
        metrics.append(auto_metric(name, units.get(name)))
    if metrics:
        st.upsert_metrics(
            con,
            [(m.metric, m.label, m.unit, ";".join(m.aliases)) for m in metrics],
            [(alias, m.metric) for m in metrics for alias in sorted(metric_aliases(m))],
        )
    places = set(frame["place"].unique()) if len(frame) else set()
    st.add_place_aliases(con, [(a, p) for p in sorted(places) for a in sorted(place_aliases(p))])
    lines = frame.attrs.get("lines")
    conflicts = st.stage_figures(con, frame)
    if conflicts:
        raise FiguresInvalid(
            [
                RowError(
                    int(lines[int(rn)]) if lines is not None else int(rn) + 2,
                    f"already on record as of {as_of} with value {old:g} (this row says {new:g});"
                    " a revision needs a later as_of",
                )
                for rn, as_of, old, new in conflicts
            ],
            source_name,
        )
    new_rows, existing = st.insert_staged_figures(con, source_name)
    rechecked = 0
    if recheck and new_rows:
        from factcheck import verify

        touched = sorted(set(frame["metric"].unique()))
        rechecked = verify.check_claims_in_store(
            con,
            st.claims_affected_by(con, touched),
            reason=f"figures imported from {source_name}",
        )
    return new_rows, existing, rechecked


def import_figures(
    store,
    figures: list[Figure] | pd.DataFrame,
    metrics: list[Metric] | None = None,
    *,
    source_name: str = "app",
) -> str:
    """Validate figures given in memory (the app's editor or upload), then import all or none."""
    frame = figures if isinstance(figures, pd.DataFrame) else figures_frame(figures)
    with store.connect() as con:
        units = st.metric_units(con)
    units.update({m.metric: m.unit for m in metrics or []})
    clean, errors = validate_frame(frame, units=units)
    if errors:
        raise FiguresInvalid(errors, source_name)
    return _import(store, clean, metrics, source_name)


def _import(store, clean: pd.DataFrame, metrics: list[Metric] | None, source_name: str) -> str:
    with store.transaction() as con:
        new_rows, existing, rechecked = import_frame(
            con, clean, metrics=metrics, source_name=source_name
        )
    series = clean.groupby(["metric", "place"]).ngroups if len(clean) else 0
    parts = [f"imported {new_rows} figure rows from {source_name} ({series} series"]
    if metrics:
        parts.append(f", {len(metrics)} metrics in the catalogue")
    if existing:
        parts.append(f", {existing} already on record")
    parts.append(f"); re-checked {rechecked} claims")
    return "".join(parts)


def import_files(store, csv_path: Path, metrics: Path | None = None) -> str:
    """`import-figures`: validate the figures (CSV or Parquet) and catalogue, then import both
    in one transaction and re-check the claims they affect. Returns a one-line summary."""
    catalogue = read_metrics_csv(Path(metrics)) if metrics else None
    with store.connect() as con:
        units = st.metric_units(con)
    units.update({m.metric: m.unit for m in catalogue or []})
    clean = read_figures_frame(Path(csv_path), units=units)
    return _import(store, clean, catalogue, Path(csv_path).name)


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
    with store.connect() as con:
        units = st.metric_units(con)
    clean, errors = validate_frame(frame, units=units)
    if errors:
        raise FiguresInvalid(errors, "edited figures")
    with store.transaction() as con:
        import_frame(con, clean, source_name=f"edited in the app by {editor or 'desk'}")
        st.app_record_figure_edits(con, edits)
    return len(edits)
