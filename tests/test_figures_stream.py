"""A figures file is checked a chunk of rows at a time: the same problems, lines and clean rows
whatever the chunk size, duplicates found across the whole file, the clean rows imported from
the checked file on disk, bounded lists of problems, progress reported, no temporary file left."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factcheck import figures, sources
from factcheck.figures import FiguresInvalid
from factcheck.store import Store

DATA = Path(__file__).resolve().parent / "data" / "figures_stream"
CASES = sorted(DATA.glob("*.csv"))
CHUNKS = [1, 2, 3, 4, 1000]
AS_OF = date(2026, 1, 5)


def problems(path: Path, chunk_rows: int) -> list[str]:
    """Every problem of the file read `chunk_rows` rows at a time ([] when it is clean)."""
    try:
        figures.stream_figures(path, chunk_rows=chunk_rows, default_as_of=AS_OF).close()
    except FiguresInvalid as exc:
        assert exc.total == len(exc.errors)
        return [str(e) for e in exc.errors]
    return []


def whole_file_problems(path: Path) -> list[str]:
    """What `validate_frame` finds on the whole file at once (duplicates in pandas)."""
    _, errors = figures.validate_frame(figures._read_csv_frame(path), default_as_of=AS_OF)
    return [str(e) for e in FiguresInvalid(errors).errors] if errors else []


@pytest.fixture(autouse=True)
def private_tmp(tmp_path, monkeypatch) -> Path:
    """The checked files' temporary folders go here, to be seen and counted."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
@pytest.mark.parametrize("chunk_rows", CHUNKS)
def test_every_chunk_size_finds_the_problems_of_the_whole_file(case, chunk_rows, private_tmp):
    expect = case.with_suffix(".expect")
    wanted = expect.read_text(encoding="utf-8").splitlines() if expect.exists() else []
    assert whole_file_problems(case) == wanted
    assert problems(case, chunk_rows) == wanted
    assert list(private_tmp.iterdir()) == []  # refused or not, nothing is left behind


@pytest.mark.parametrize("chunk_rows", CHUNKS[:-1])
def test_the_clean_rows_are_the_same_in_chunks_as_whole(chunk_rows):
    case = DATA / "clean.csv"
    whole = figures.read_figures_frame(case, default_as_of=AS_OF, chunk_rows=1000)
    parts = figures.read_figures_frame(case, default_as_of=AS_OF, chunk_rows=chunk_rows)
    pd.testing.assert_frame_equal(parts, whole)
    assert (
        list(parts.attrs["lines"]) == list(whole.attrs["lines"]) == [2, 3, 5, 6, 9, 10, 11, 12, 13]
    )
    assert parts.attrs["as_of_given"] == whole.attrs["as_of_given"] == 7

    staged = figures.stream_figures(case, default_as_of=AS_OF, chunk_rows=chunk_rows)
    on_disk = pq.read_table(staged.path).to_pylist()
    assert staged.rows == len(on_disk) == len(whole)
    assert [r["line"] for r in on_disk] == list(whole.attrs["lines"])
    assert [r["value"] for r in on_disk] == list(whole["value"])
    assert [r["as_of"] for r in on_disk] == [t.date() for t in whole["as_of"]]
    assert [r["unit"] for r in on_disk] == [None if pd.isna(u) else u for u in whole["unit"]]
    assert staged.sources == ["BLS LAUS", "BPD", "City budget office"]
    assert len(staged.preview) == len(whole) and not staged.preview.attrs
    staged.close()
    assert not staged.path.exists()


def test_a_duplicate_chunks_apart_names_the_first_line_with_that_key(tmp_path):
    rows = [f"m,Town {i},2024-01-01,2024-12-31,{i},count,,,2025-01-01,\n" for i in range(40)]
    rows.append(rows[3])  # line 42 repeats line 5, 37 rows and many chunks later
    rows.append(rows[3].replace(",2025-01-01,", ",2025-02-01,"))  # a later vintage: no problem
    path = tmp_path / "dup.csv"
    path.write_text("metric,place,period_start,period_end,value,unit,source,source_url,as_of,"
                    "notes\n" + "".join(rows), encoding="utf-8")  # fmt: skip
    for chunk_rows in (7, 1000):
        assert problems(path, chunk_rows) == [
            "line 42: duplicate of line 5 (same metric, place, period and as_of)"
        ]


def test_progress_is_reported_after_each_chunk_up_to_all_of_it(tmp_path):
    seen: list[float] = []
    figures.stream_figures(DATA / "clean.csv", chunk_rows=2, progress=seen.append).close()
    assert len(seen) == 6  # 12 lines after the header, blank ones too, 2 at a time
    assert seen[-1] == 1.0
    # A file of some megabytes: the fraction of its bytes read grows chunk by chunk.
    rows = [
        f"m,Town {i:06d},2024-01-01,2024-12-31,{i},count,,,2025-01-01,\n" for i in range(40_000)
    ]
    path = tmp_path / "big.csv"
    path.write_text("metric,place,period_start,period_end,value,unit,source,source_url,as_of,"
                    "notes\n" + "".join(rows), encoding="utf-8")  # fmt: skip
    seen.clear()
    figures.stream_figures(path, chunk_rows=4_000, progress=seen.append).close()
    assert len(seen) == 10 and seen == sorted(seen) and seen[-1] == 1.0
    assert seen[0] < 0.5


def test_a_file_of_many_columns_is_read_fewer_rows_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "CHUNK_CELLS", 20)  # 10 columns: 2 rows a chunk
    seen: list[float] = []
    staged = figures.stream_figures(DATA / "clean.csv", progress=seen.append)
    assert len(seen) == 6 and staged.rows == 9
    staged.close()
    wide = tmp_path / "wide.csv"
    header, *rows = (DATA / "mixed.csv").read_text(encoding="utf-8").splitlines()
    extra = ",".join(f"x{i}" for i in range(30))
    wide.write_text(
        "\n".join([f"{header},{extra}"] + [r + "," * 30 if r else r for r in rows]) + "\n",
        encoding="utf-8",
    )
    seen.clear()
    with pytest.raises(FiguresInvalid) as info:
        figures.stream_figures(wide, progress=seen.append)
    wanted = (DATA / "mixed.expect").read_text(encoding="utf-8").splitlines()
    assert [str(e) for e in info.value.errors] == wanted  # the extra columns change nothing
    assert len(seen) == 16  # 40 columns: one row at a time


def test_a_file_with_more_problems_than_are_kept_says_how_many(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "MAX_KEPT_ERRORS", 5)
    bad = [f"m,Town {i},2024-01-01,2024-12-31,x{i},count,,,2025-01-01,\n" for i in range(8)]
    dups = ["m,Town 0,2024-01-01,2024-12-31,1,count,,,2025-02-01,\n"] * 3
    path = tmp_path / "bad.csv"
    path.write_text("metric,place,period_start,period_end,value,unit,source,source_url,as_of,"
                    "notes\n" + "".join(dups + bad), encoding="utf-8")  # fmt: skip
    with pytest.raises(FiguresInvalid) as info:
        figures.stream_figures(path, chunk_rows=3)
    exc = info.value
    assert exc.total == 10  # 2 duplicates and 8 bad values
    assert [e.line for e in exc.errors] == [3, 4, 5, 6, 7]  # the first five, by line
    assert str(exc).startswith("bad.csv: 10 problems, nothing imported: line 3: duplicate of")
    assert str(exc).endswith("line 7: value is not a number: 'x2'; ... and 5 more")


def test_a_parquet_file_in_row_groups_reads_the_same_as_whole(tmp_path):
    n = 30
    table = pa.table(
        {
            "metric": ["visits"] * n,
            "place": [f"Town {i % 25}" for i in range(n)],
            "period_start": [date(2024, 1, 1)] * n,
            "period_end": [date(2024, 12, 31)] * n,
            "value": [float(i) if i != 11 else -1.0 for i in range(n)],
            "unit": ["count"] * n,
            "as_of": [date(2025, 1, 1)] * n,
        }
    )
    path = tmp_path / "f.parquet"
    pq.write_table(table, path, row_group_size=4)
    wanted = ["line 12: value -1.0 is negative for a count"] + [
        f"line {i + 1}: duplicate of line {i - 24} (same metric, place, period and as_of)"
        for i in range(25, n)
    ]
    for chunk_rows in (3, 1000):
        try:
            figures.stream_figures(path, chunk_rows=chunk_rows)
        except FiguresInvalid as exc:
            assert [str(e) for e in exc.errors] == wanted
        else:
            raise AssertionError("the duplicates were not found")


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "fc.duckdb")


def stored(store: Store) -> list[tuple]:
    with store.connect() as con:
        return con.execute(
            "SELECT metric, place, period_start, period_end, value, unit, source, source_url,"
            " as_of, notes FROM figures ORDER BY ALL"
        ).fetchall()


def test_a_file_imported_from_its_checked_rows_on_disk_stores_what_the_frame_does(tmp_path):
    case = DATA / "clean.csv"
    one, two = Store(tmp_path / "one.duckdb"), Store(tmp_path / "two.duckdb")
    with one.transaction() as con:
        from_frame = figures.import_frame(
            con, figures.read_figures_frame(case, default_as_of=AS_OF), source_name="clean.csv"
        )
    with two.transaction() as con:
        staged = figures.stream_figures(case, default_as_of=AS_OF, chunk_rows=2)
        from_disk = figures.import_frame(con, staged, source_name="clean.csv")
    assert stored(one) == stored(two) and len(stored(two)) == 9
    assert from_disk.new_rows == from_frame.new_rows == 9
    assert from_disk.series == from_frame.series == 7
    assert from_disk.touched == from_frame.touched
    line = figures.summary(from_disk, "clean.csv", None, None, 0)
    assert line == "imported 9 figure rows from clean.csv (7 series); re-checked 0 claims"
    with one.connect() as a, two.connect() as b:
        metrics = "SELECT metric, unit FROM metrics ORDER BY metric"
        places = "SELECT alias, place FROM place_aliases ORDER BY ALL"
        assert a.execute(metrics).fetchall() == b.execute(metrics).fetchall()
        assert a.execute(places).fetchall() == b.execute(places).fetchall()


def test_the_command_line_import_streams_and_names_the_line_of_a_clash(
    store, tmp_path, monkeypatch, private_tmp
):
    monkeypatch.setattr(figures, "CHUNK_ROWS", 2)  # every file here is many chunks
    report = sources.import_file(store, DATA / "clean.csv", as_of=AS_OF)
    assert report.line.startswith("imported 9 figure rows from clean.csv (7 series)")
    assert list(private_tmp.iterdir()) == []
    changed = (DATA / "clean.csv").read_text(encoding="utf-8").replace(",410,", ",411,")
    path = tmp_path / "changed.csv"
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(FiguresInvalid) as info:
        sources.import_file(store, path, as_of=AS_OF)
    assert [str(e) for e in info.value.errors] == [
        "line 12: already on record as of 2023-08-02 with value 410 (this row says 411);"
        " a revision needs a later as_of"
    ]
    assert len(stored(store)) == 9 and list(private_tmp.iterdir()) == []


def test_an_upload_is_checked_in_chunks_with_progress_for_each_step(tmp_path, monkeypatch):
    import io

    import appkit

    monkeypatch.setattr(figures, "CHUNK_ROWS", 2)
    data = (DATA / "clean.csv").read_bytes()
    upload = io.BytesIO(data)
    upload.size = len(data)  # type: ignore[attr-defined]  # as Streamlit's UploadedFile has
    seen: list[tuple[str, float]] = []
    checked = appkit.check_upload(
        upload, "clean.csv", "figures", folder=tmp_path, units={},
        progress=lambda step, f: seen.append((step, f)),
    )  # fmt: skip
    assert checked.rows == 9 and len(checked.preview) == 9
    assert [s for s, _ in seen] == ["copying"] + ["checking"] * 6
    assert [f for s, f in seen if s == "checking"][-1] == 1.0


def test_the_page_shows_how_many_bad_rows_a_file_has_and_the_first_it_keeps(tmp_path, monkeypatch):
    from app_store import make_app_store
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("FACTCHECK_DB", str(make_app_store(tmp_path / "app.duckdb")))
    monkeypatch.setattr(figures, "MAX_KEPT_ERRORS", 2)
    monkeypatch.setattr(figures, "CHUNK_ROWS", 2)
    bad = [f"pool_visits,Town {i},2024-01-01,2024-12-31,x{i},count,,2025-02-03\n" for i in range(3)]
    data = (
        "metric,place,period_start,period_end,value,unit,source,as_of\n" + "".join(bad)
    ).encode()
    app = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
    at = AppTest.from_file(app, default_timeout=120)
    at.run()
    at.switch_page("pages/figures.py").run()
    at.file_uploader(key="fig_upload").set_value(("pools.csv", data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(e.value.startswith(r"pools\.csv: 3 bad row(s).") for e in at.error)  # md-escaped
    tables = [d.value for d in at.dataframe]
    assert [len(t) for t in tables if list(t.columns) == ["line", "reason"]] == [2]
    assert any("The first 2 of 3 bad rows." in c.value for c in at.caption)
