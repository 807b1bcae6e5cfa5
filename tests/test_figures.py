"""Official figures: validation of every bad row, all-or-nothing import, vintages, catalogue."""

from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from factcheck import figures, sources
from factcheck.figures import FiguresInvalid, read_figures_csv
from factcheck.sources import import_files
from factcheck.store import Store

DATA = Path(__file__).resolve().parent / "data" / "verify"
HEADER = "metric,place,period_start,period_end,value,unit,source,source_url,as_of,notes\n"
GOOD = (
    "guns_seized,Birmingham,2022-01-01,2022-07-31,1587,count,BPD,https://example.org,2022-08-01,\n"
)


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return (header + "".join(rows)).encode()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def errors_of(data: bytes) -> list[str]:
    with pytest.raises(FiguresInvalid) as info:
        read_figures_csv(data)
    return [str(e) for e in info.value.errors]


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "fc.duckdb")


def count_figures(store) -> int:
    with store.connect() as con:
        return con.execute("SELECT count(*) FROM figures").fetchone()[0]


def test_a_clean_file_reads_typed_figures_with_as_of_defaulting_to_the_import_date():
    rows = read_figures_csv(
        csv_bytes(GOOD, 'homicides,Birmingham,2021-01-01,2021-12-31,"1,021",,,,,\n')
    )
    assert rows[0].value == 1587 and rows[0].as_of == date(2022, 8, 1)
    assert rows[1].value == 1021  # a thousands separator is a number
    # no as_of: the import date, never the end of its period (it was not published then)
    assert rows[1].as_of == date.today()
    assert rows[1].period_start == date(2021, 1, 1)


def test_missing_required_column_is_reported_on_line_1():
    data = csv_bytes(
        "guns,Birmingham,2022-01-01,2022-07-31\n", header="metric,place,period_start,period_end\n"
    )
    assert errors_of(data) == ["line 1: missing required column 'value'"]


def test_a_non_number_value_names_its_line_and_cell():
    assert errors_of(
        csv_bytes(GOOD, "guns_seized,Birmingham,2021-01-01,2021-12-31,lots,,,,,\n")
    ) == ["line 3: value is not a number: 'lots'"]


def test_end_before_start():
    errs = errors_of(csv_bytes("guns_seized,Birmingham,2022-07-31,2022-01-01,5,,,,,\n"))
    assert errs == ["line 2: period_end 2022-01-01 is before period_start 2022-07-31"]


def test_a_bad_date():
    errs = errors_of(csv_bytes("guns_seized,Birmingham,07/31/2022,2022-08-01,5,,,,,\n"))
    assert errs == ["line 2: period_start is not a date as YYYY-MM-DD: '07/31/2022'"]


def test_a_duplicate_row_points_at_the_first():
    errs = errors_of(csv_bytes(GOOD, GOOD.replace("1587", "1600")))
    assert errs == ["line 3: duplicate of line 2 (same metric, place, period and as_of)"]


def test_same_period_with_a_later_as_of_is_a_revision_not_a_duplicate():
    rows = read_figures_csv(csv_bytes(GOOD, GOOD.replace("2022-08-01,", "2022-09-01,")))
    assert [r.as_of for r in rows] == [date(2022, 8, 1), date(2022, 9, 1)]


@pytest.mark.parametrize(
    "cell", ["=cmd|' /C calc'!A0", '+HYPERLINK("x")', "-2+3", "@SUM(A1)", "=1+1"]
)
def test_formula_looking_cells_are_refused(cell):
    bad = f'"{cell.replace(chr(34), chr(34) * 2)}",Birmingham,2022-01-01,2022-07-31,5,,,,,\n'
    errs = errors_of(csv_bytes(GOOD, bad))
    assert len(errs) == 1 and errs[0].startswith("line 3: cell metric looks like a formula")


def test_a_formula_in_the_value_column_is_refused_but_a_negative_number_is_a_number():
    errs = errors_of(csv_bytes('guns_seized,Birmingham,2022-01-01,2022-07-31,"=cmd|x",,,,,\n'))
    assert errs[0].startswith("line 2: cell value looks like a formula")
    rows = read_figures_csv(csv_bytes("deficit,Birmingham,2022-01-01,2022-12-31,-5,usd,,,,\n"))
    assert rows[0].value == -5


def test_negative_counts_are_refused():
    errs = errors_of(csv_bytes("guns_seized,Birmingham,2022-01-01,2022-07-31,-3,count,,,,\n"))
    assert errs == ["line 2: value -3 is negative for a count"]


def test_every_bad_row_is_reported_with_its_line():
    data = csv_bytes(
        GOOD,
        "guns_seized,Birmingham,2021-01-01,2021-12-31,abc,,,,,\n",
        GOOD,
        ",Birmingham,2021-01-01,2021-12-31,5,,,,,\n",
        "guns_seized,Birmingham,2021-05-01,2021-04-01,5,,,,,\n",
        "=cmd|' /C calc'!A0,Birmingham,2021-01-01,2021-12-31,5,,,,,\n",
    )
    with pytest.raises(FiguresInvalid) as info:
        read_figures_csv(data)
    assert [e.line for e in info.value.errors] == [3, 4, 5, 6, 7]
    message = str(info.value)
    assert "5 problems, nothing imported" in message
    for line in (3, 4, 5, 6, 7):
        assert f"line {line}:" in message
    assert "\n" not in message  # one line on stderr


def test_a_file_with_one_bad_row_imports_nothing(store, tmp_path):
    path = write(
        tmp_path, "f.csv", csv_bytes(GOOD, "homicides,Birmingham,2022-01-01,2022-08-02,x,,,,,\n")
    )
    with pytest.raises(FiguresInvalid):
        import_files(store, path)
    assert count_figures(store) == 0
    with store.connect() as con:
        assert con.execute("SELECT count(*) FROM figure_imports").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM metrics").fetchone()[0] == 0


def test_import_summary_catalogue_and_place_aliases(store):
    summary = import_files(store, DATA / "figures.csv", DATA / "metrics.csv")
    assert summary.startswith("imported 16 figure rows from figures.csv (")
    assert "6 metrics in the catalogue" in summary
    with store.connect() as con:
        aliases = dict(con.execute("SELECT alias, metric FROM metric_aliases").fetchall())
        places = dict(con.execute("SELECT alias, place FROM place_aliases").fetchall())
    assert aliases["firearm"] == "guns_seized"
    assert aliases["unemployment rate"] == "unemployment_rate"
    assert places["birmingham"] == "Birmingham"
    assert places["huntsville"] == "Huntsville"


def test_reimporting_the_same_file_adds_nothing(store):
    import_files(store, DATA / "figures.csv", DATA / "metrics.csv")
    summary = import_files(store, DATA / "figures.csv")
    assert summary.startswith("imported 0 figure rows") and "16 already on record" in summary
    assert count_figures(store) == 16


def test_a_changed_value_with_the_same_as_of_is_refused_as_an_overwrite(store, tmp_path):
    import_files(store, write(tmp_path, "a.csv", csv_bytes(GOOD)))
    with pytest.raises(FiguresInvalid, match="a revision needs a later as_of"):
        import_files(store, write(tmp_path, "b.csv", csv_bytes(GOOD.replace("1587", "1600"))))
    revised = GOOD.replace("1587", "1600").replace("2022-08-01,", "2022-09-01,")
    import_files(store, write(tmp_path, "c.csv", csv_bytes(revised)))
    with store.connect() as con:
        vintages = con.execute("SELECT as_of, value FROM figures ORDER BY as_of").fetchall()
    assert vintages == [(date(2022, 8, 1), 1587.0), (date(2022, 9, 1), 1600.0)]


def test_parquet_import_and_its_validation(store, tmp_path):
    table = pa.table(
        {
            "metric": ["guns_seized", "guns_seized"],
            "place": ["Birmingham", "Birmingham"],
            "period_start": [date(2022, 1, 1), date(2021, 1, 1)],
            "period_end": [date(2022, 7, 31), date(2021, 12, 31)],
            "value": [1587.0, 1930.0],
        }
    )
    path = tmp_path / "f.parquet"
    pq.write_table(table, path)
    assert import_files(store, path).startswith("imported 2 figure rows")
    bad = table.set_column(4, "value", pa.array([1.0, -5.0]))
    pq.write_table(bad, tmp_path / "bad.parquet")
    with pytest.raises(FiguresInvalid, match="line 2: value -5.0 is negative"):
        figures.read_figures_parquet(tmp_path / "bad.parquet")


def test_metrics_catalogue_errors(tmp_path):
    with pytest.raises(FiguresInvalid, match="missing required column 'unit'"):
        figures.read_metrics_csv(b"metric,label\nguns,Guns\n")
    data = b"metric,label,unit,aliases\nguns,Guns,count,gun\nguns,Guns,count,gun\nx,=cmd|x,count,\n"
    with pytest.raises(FiguresInvalid) as info:
        figures.read_metrics_csv(data)
    assert [str(e) for e in info.value.errors] == [
        "line 3: duplicate of line 2 (same metric)",
        "line 4: cell label looks like a formula '=cmd|x'",
    ]


def test_figures_for_a_metric_no_claim_uses_import_and_change_no_check(store, tmp_path):
    from factcheck.models import Claim
    from factcheck.verify import check_claims_in_store

    import_files(store, DATA / "figures.csv", DATA / "metrics.csv")
    with store.transaction() as con:
        feed = con.execute(
            "INSERT INTO feeds (url, station, place) VALUES ('https://x.test/rss', 'S', "
            "'Birmingham') RETURNING id"
        ).fetchone()[0]
        story = con.execute(
            "INSERT INTO stories (feed_id, guid, title, published) VALUES (?, 'g', 't', "
            "'2022-08-05') RETURNING id",
            [feed],
        ).fetchone()[0]
        version = con.execute(
            "INSERT INTO story_versions (story_id, version, title, text, content_hash)"
            " VALUES (?, 1, 't', 'x', 'h') RETURNING id",
            [story],
        ).fetchone()[0]
        from factcheck.store import insert_claims

        sentence = "Police seized more than 1500 guns."
        insert_claims(
            con,
            story,
            version,
            [Claim("more than 1500", 14, 28, sentence, 1500, 1500, "count", "more_than", "gun")],
        )
        check_claims_in_store(con)
    with store.connect() as con:
        before = con.execute("SELECT verdict, official FROM checks ORDER BY mode").fetchall()
    rain = "rainfall,Birmingham,2022-07-01,2022-07-31,7.8,inches,NWS,,2022-08-01,\n"
    summary = import_files(store, write(tmp_path, "rain.csv", csv_bytes(rain)))
    assert summary.startswith("imported 1 figure rows") and "re-checked 0 claims" in summary
    with store.connect() as con:
        after = con.execute("SELECT verdict, official FROM checks ORDER BY mode").fetchall()
        history = con.execute("SELECT count(*) FROM check_history").fetchone()[0]
    assert before == after == [("accurate", 1587.0), ("accurate", 1587.0)]
    assert history == 0


def write_big_csv(path: Path, n: int) -> None:
    i = np.arange(n)
    day = np.datetime64("2000-01-01") + (i // 1000).astype("timedelta64[D]")
    days = day.astype(str)
    table = pa.table(
        {
            "metric": pa.array(np.char.add("metric_", (i % 50).astype(str))),
            "place": pa.array(np.char.add("Place ", ((i // 50) % 20).astype(str))),
            "period_start": pa.array(days),
            "period_end": pa.array(days),
            "value": pa.array((i % 997).astype(float)),
            "as_of": pa.array(np.full(n, "2024-01-01")),
        }
    )
    pacsv.write_csv(table, path)


@pytest.mark.slow
def test_one_million_rows_import(store, tmp_path):
    path = tmp_path / "big.csv"
    write_big_csv(path, 1_000_000)
    summary = import_files(store, path)
    assert summary.startswith("imported 1000000 figure rows from big.csv (1000 series")
    assert count_figures(store) == 1_000_000


def test_a_large_file_with_one_bad_row_far_down_imports_nothing(store, tmp_path):
    path = tmp_path / "big.csv"
    write_big_csv(path, 100_000)
    with path.open("a") as fh:
        fh.write('"metric_1","Place 1","2001-01-01","2000-01-01",5,"2024-01-01"\n')
    with pytest.raises(FiguresInvalid) as info:
        import_files(store, path)
    assert [e.line for e in info.value.errors] == [100_002]
    assert count_figures(store) == 0


def test_import_figures_from_the_app_validates_and_imports_all_or_nothing(store):
    from factcheck.models import Figure

    good = Figure("guns_seized", "Birmingham", date(2022, 1, 1), date(2022, 7, 31), 1587.0,
                  "count", "BPD", None, date(2022, 8, 1))  # fmt: skip
    bad = Figure("guns_seized", "Birmingham", date(2022, 8, 1), date(2022, 7, 31), 5.0)
    with pytest.raises(FiguresInvalid, match="line 3: period_end 2022-07-31 is before"):
        sources.import_figures(store, [good, bad], source_name="upload.csv")
    assert count_figures(store) == 0
    summary = sources.import_figures(store, [good], source_name="upload.csv")
    assert summary.startswith("imported 1 figure rows from upload.csv")


def test_blank_lines_are_skipped_but_counted():
    errs = errors_of(
        csv_bytes(GOOD, "\n", "\n", "guns_seized,Birmingham,2021-01-01,2021-12-31,x,,,,,\n")
    )
    assert errs == ["line 5: value is not a number: 'x'"]
