"""Every bad-input case of the publisher formats (one file each in tests/data/sources/bad/: what is
wrong and the line that must say so) refuses the file with one line and imports nothing; every
good case (tests/data/sources/good/) reads the rows it lists.

A case file is `key: value` lines (format, expect or row/absent/note, optional recipe, encoding,
newline, as-of, why), `---`, then the file's body; `{CR}` and `{LF}` stand for a bare CR or LF
inside a cell.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.store import Store

CASES = Path(__file__).parent / "data" / "sources"
RECIPES = (CASES / "recipes", Path(__file__).resolve().parents[1] / "factcheck/sources/recipes")


def _parse(path: Path) -> tuple[dict[str, list[str]], str]:
    head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    keys: dict[str, list[str]] = {}
    for line in head.splitlines():
        key, value = line.split(":", 1)
        keys.setdefault(key.strip(), []).append(value.strip())
    return keys, body


def _write(tmp_path: Path, keys: dict[str, list[str]], body: str) -> Path:
    if keys.get("newline") == ["crlf"]:
        body = body.replace("\n", "\r\n")
    body = body.replace("{CR}", "\r").replace("{LF}", "\n")
    path = tmp_path / "input.txt"
    path.write_bytes(body.encode(keys.get("encoding", ["utf-8"])[0]))
    return path


def _args(keys: dict[str, list[str]], path: Path) -> list[str]:
    args = ["import-figures", str(path), "--format", keys["format"][0]]
    if "recipe" in keys:
        name = keys["recipe"][0]
        args += ["--recipe", str(next(d / name for d in RECIPES if (d / name).exists()))]
    if "as-of" in keys:
        args += ["--as-of", keys["as-of"][0]]
    return args


def _ids(folder: str) -> list[Path]:
    return sorted((CASES / folder).glob("*.case"))


@pytest.mark.parametrize("case", _ids("bad"), ids=lambda p: p.stem)
def test_bad_input_is_one_line_and_nothing_imported(case, db_path):
    keys, body = _parse(case)
    path = _write(db_path.parent, keys, body)
    result = CliRunner().invoke(main, _args(keys, path))
    assert result.exit_code == 1, (keys["why"], result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert keys["expect"][0] in lines[0], (keys["why"], lines[0])
    assert "nothing imported" in lines[0] or "needs --recipe" in lines[0]
    with Store(db_path).connect() as con:
        counts = con.execute(
            "SELECT (SELECT count(*) FROM figures), (SELECT count(*) FROM figure_imports),"
            " (SELECT count(*) FROM metrics)"
        ).fetchone()
    assert counts == (0, 0, 0)


@pytest.mark.parametrize("case", _ids("good"), ids=lambda p: p.stem)
def test_good_input_reads_the_rows_a_reporter_would_look_up(case, db_path):
    keys, body = _parse(case)
    path = _write(db_path.parent, keys, body)
    result = CliRunner().invoke(main, _args(keys, path))
    assert result.exit_code == 0, (keys["why"], result.output)
    listed = CliRunner().invoke(main, ["figures", "--format", "jsonl"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    found = {(r["metric"], r["place"], r["period_start"], r["period_end"]): r for r in rows}
    for spec in keys.get("row", []):
        metric, place, start, end, value = spec.split("|")
        row = found.get((metric, place, start, end))
        assert row is not None, (keys["why"], spec, sorted(found))
        assert row["value"] == float(value), (keys["why"], spec)
        if "as-of" in keys:
            assert row["as_of"] == keys["as-of"][0]
    for spec in keys.get("absent", []):
        metric, place = spec.split("|")
        assert not [k for k in found if k[:2] == (metric, place)], (keys["why"], spec)
    with Store(db_path).connect() as con:
        for spec in keys.get("note", []):
            metric, place, start, end, note = spec.split("|")
            got = con.execute(
                "SELECT notes FROM figures WHERE metric = ? AND place = ?"
                " AND CAST(period_start AS VARCHAR) = ? AND CAST(period_end AS VARCHAR) = ?",
                [metric, place, start, end],
            ).fetchone()
            assert got == (note,), (keys["why"], spec, got)


def test_a_line_break_inside_a_catalogue_cell_is_refused(db_path):
    figures = db_path.parent / "f.csv"
    figures.write_text(
        "metric,place,period_start,period_end,value,as_of\n"
        "guns_seized,Birmingham,2025-01-01,2025-12-31,2105,2026-01-20\n"
    )
    metrics = db_path.parent / "m.csv"
    metrics.write_text('metric,label,unit,aliases\nguns_seized,"Guns\nseized",count,gun\n')
    result = CliRunner().invoke(main, ["import-figures", str(figures), "--metrics", str(metrics)])
    assert result.exit_code == 1
    assert "line 2: a cell holds a line break (CR or LF)" in result.stderr
    with Store(db_path).connect() as con:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 0


def test_figures_rows_without_as_of_are_dated_at_import_with_a_warning(db_path):
    from datetime import date

    path = db_path.parent / "f.csv"
    path.write_text(
        "metric,place,period_start,period_end,value\n"
        "guns_seized,Birmingham,2025-01-01,2025-12-31,2105\n"
    )
    result = CliRunner().invoke(main, ["import-figures", str(path)])
    assert result.exit_code == 0
    assert "1 rows have no as_of and no --as-of was given" in result.stderr
    listed = CliRunner().invoke(main, ["figures", "--format", "jsonl"])
    assert json.loads(listed.output)["as_of"] == date.today().isoformat()  # not 2025-12-31
    again = CliRunner().invoke(main, ["import-figures", str(path), "--as-of", "2026-01-20"])
    assert again.output.startswith("imported 0 figure rows")  # the same file: nothing added
