"""What every publisher format shares: the file's bytes checked, its header read, cells to numbers.

Errors are `FiguresInvalid` with "line N: reason" rows, the same as the figures CSV, so the CLI
prints one line and the app lists every problem before anything is saved.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from factcheck.figures import FiguresInvalid, RowError
from factcheck.models import Metric

# Cells that say "no value" (the publisher's missing, never zero).
MISSING = frozenset({"", "na", "n/a", "n.a.", "(na)", "(n/a)", "-", "--", "(x)", "(nd)", "x"})
_NUMBER = r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$"


@dataclass
class Read:
    """A publisher's file read into figure rows (the figures CSV's columns, as text or typed,
    with `frame.attrs["lines"]` the file line of each row) and what the file itself says."""

    frame: pd.DataFrame
    source: str
    as_of: date | None = None  # the release date the file prints, if it prints one
    metrics: list[Metric] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows_dated: bool = False  # every row carries its own as_of (a column the recipe names)


def fail(line: int, reason: str, name: str) -> FiguresInvalid:
    return FiguresInvalid([RowError(line, reason)], name)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_utf8(path: Path, name: str, *, limit: int | None = 1 << 27) -> None:
    """Refuse a file that is not UTF-8 text, naming the line of the first bad byte (a Latin-1
    file read as UTF-8 is the usual case: "Doña" saved by a spreadsheet)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, seen = 1, 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                at = line + block[: exc.start].count(b"\n")
                raise fail(
                    at,
                    f"not UTF-8 text (byte 0x{block[exc.start]:02x}); the file may be Latin-1:"
                    " save it as UTF-8, or use the format that reads it (census-pep reads Latin-1)",
                    name,
                ) from exc
            line += block.count(b"\n")
            seen += len(block)
            if limit is not None and seen >= limit:
                return  # the rest is checked by the reader itself


def utf8_or_latin1(path: Path) -> str:
    """The encoding of a file publishers ship as Latin-1 but users may re-save as UTF-8."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8"


def header_of(path: Path, name: str, *, encoding: str = "utf-8", delim: str = ",") -> list[str]:
    """The first line's column names (BOM and spaces dropped)."""
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        first = f.readline()
    if not first.strip():
        raise fail(1, "the file is empty (no header row)", name)
    names = next(csv.reader(io.StringIO(first.lstrip("\ufeff")), delimiter=delim))
    return [n.strip() for n in names]


def require_columns(header: list[str], needed: list[str], name: str, what: str) -> None:
    """A header without the columns a format needs: say which, and that it may be another format."""
    missing = [c for c in needed if c not in header]
    if missing:
        shown = ", ".join(repr(c) for c in missing[:6])
        more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
        raise fail(
            1,
            f"not {what}: the header lacks {shown}{more} (is the file of another format than"
            " --format says?)",
            name,
        )


def line_breaks(frame: pd.DataFrame, columns: list[str]) -> list[RowError]:
    """Text cells holding CR or LF (a quoted cell spanning lines): refused at import."""
    errors = []
    for col in columns:
        cells = frame[col].fillna("").astype(str)
        hit = cells.str.contains(r"[\r\n]", regex=True).to_numpy()
        errors += [
            RowError(int(line), f"cell {col} holds a line break (CR or LF)")
            for line in frame["line"].to_numpy()[hit]
        ]
    return errors


def numbers(cells: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(values, missing, bad) of text cells: thousands separators read ("4,307,033"), the
    publisher's missing marks ("", "NA", "(X)") missing, anything else that is not a number bad."""
    text = cells.fillna("").astype(str).str.strip()
    missing = text.str.lower().isin(MISSING)
    ok = text.str.match(_NUMBER)
    values = pd.to_numeric(text.where(ok).str.replace(",", "", regex=False), errors="coerce")
    bad = ~missing & ~ok
    return values.astype("float64"), missing, bad


def bad_cells(frame: pd.DataFrame, bad: pd.Series, what) -> list[RowError]:
    """A RowError for each bad cell: `what(row)` says which cell and what it holds."""
    idx = np.flatnonzero(bad.to_numpy())
    return [RowError(int(frame["line"].iloc[i]), what(frame.iloc[i])) for i in idx]


def show(value) -> str:
    text = "" if value is None else str(value)
    return repr(text if len(text) <= 40 else text[:40] + "...")


def figure_frame(
    rows: pd.DataFrame, *, unit: str | dict[str, str], source: str, source_url: str | None
) -> pd.DataFrame:
    """Long rows (line, metric, place, period_start, period_end, value[, notes]) as a frame in
    the figures CSV's columns, ready for `figures.validate_frame`."""
    units = rows["metric"].map(unit) if isinstance(unit, dict) else unit
    frame = pd.DataFrame(
        {
            "metric": rows["metric"].astype(str).to_numpy(),
            "place": rows["place"].astype(str).to_numpy(),
            "period_start": rows["period_start"].astype(str).to_numpy(),
            "period_end": rows["period_end"].astype(str).to_numpy(),
            "value": rows["value"].to_numpy(dtype="float64"),
            "unit": np.asarray(units if not isinstance(units, str) else [units] * len(rows)),
            "source": source,
            "source_url": source_url or "",
            "notes": rows["notes"].fillna("").astype(str).to_numpy() if "notes" in rows else "",
        }
    )
    frame.attrs["lines"] = rows["line"].to_numpy()
    return frame


def raise_if(errors: list[RowError], name: str) -> None:
    if errors:
        raise FiguresInvalid(errors, name)
