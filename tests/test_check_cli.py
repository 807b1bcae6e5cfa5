"""`python -m factcheck check` and `import-figures`, end to end with the real extractor."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "verify"
EXAMPLE = ROOT / ".." / "shared" / "examples" / "wiat-birmingham-guns.txt"

claims_mod = pytest.importorskip(
    "factcheck.claims", reason="factcheck.claims (the extractor, issue 3) is not importable yet"
)

CLAIM_FIELDS = {"text", "start", "end", "sentence", "low", "high", "unit", "qualifier",
                "subject", "change", "direction", "period", "speaker"}  # fmt: skip
CHECK_FIELDS = {"verdict", "metric", "place", "official", "period_start", "period_end",
                "error_pct", "source", "source_url", "as_of", "explanation"}  # fmt: skip

SCRIPT = (
    "BIRMINGHAM, Ala. — Police have seized more than 1,500 guns so far this year, the chief "
    "said. As of August second, homicides are up 5.1%. Huntsville recorded 31 homicides last "
    "year. Crews filled 300 potholes last year, the mayor said."
)


def run_check(tmp_path, text: str, *extra: str):
    script = tmp_path / "script.txt"
    script.write_text(text)
    args = ["check", str(script), "--figures", str(DATA / "figures.csv"), "--metrics",
            str(DATA / "metrics.csv"), "--published", "2022-08-05", "--place", "Birmingham",
            *extra]  # fmt: skip
    result = CliRunner().invoke(main, args, env={"FACTCHECK_DB": str(tmp_path / "unused.duckdb")})
    return result


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_check_gives_all_three_verdicts_with_provenance(tmp_path):
    result = run_check(tmp_path, SCRIPT)
    assert result.exit_code == 0, result.output
    records = lines(result)
    by_text = {r["text"]: r for r in records}
    for r in records:
        assert set(r) >= CLAIM_FIELDS | CHECK_FIELDS
        assert SCRIPT[r["start"] : r["end"]] == r["text"]
        if r["verdict"] == "unverifiable":
            assert r["metric"] is None and r["error_pct"] is None
        else:
            assert r["metric"] and r["source"] and r["source_url"] and r["as_of"]
            assert r["as_of"] in r["explanation"] and r["source"] in r["explanation"]
    verdicts = {r["verdict"] for r in records}
    assert verdicts == {"accurate", "inaccurate", "unverifiable"}
    guns = next(r for t, r in by_text.items() if "1,500" in t)
    assert (guns["verdict"], guns["official"], guns["period_end"]) == (
        "accurate",
        1587,
        "2022-07-31",
    )
    huntsville = next(r for t, r in by_text.items() if "31" in t)
    assert (huntsville["place"], huntsville["official"], huntsville["verdict"]) == (
        "Huntsville",
        36,
        "inaccurate",
    )
    # The command leaves the store alone: it checks against a throw-away copy.
    assert not (tmp_path / "unused.duckdb").exists()


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not on this machine")
def test_check_on_the_seed_story(tmp_path):
    result = run_check(tmp_path, EXAMPLE.read_text())
    assert result.exit_code == 0, result.output
    records = lines(result)
    assert len(records) == 5
    assert [r["verdict"] for r in records] == ["accurate"] * 5
    officials = [r["official"] for r in records]
    assert officials[0] == 1587  # more than 1500 guns: this year to date
    assert officials[1] == 1587 - 1310  # more than last year: the same dates a year before
    assert officials[2] == pytest.approx((82 - 78) / 78 * 100)  # as of August second
    assert officials[3] == 22600 - 29800  # 7000 fewer crimes each year
    assert officials[4] == pytest.approx((22600 - 33000) / 33000 * 100)  # since 2018


def test_check_with_a_bad_figures_file_fails_with_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "metric,place,period_start,period_end,value\nguns,Birmingham,2022-01-01,2021-01-01,5\n"
    )
    script = tmp_path / "s.txt"
    script.write_text(SCRIPT)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "check",
            str(script),
            "--figures",
            str(bad),
            "--published",
            "2022-08-05",
            "--place",
            "Birmingham",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "FACTCHECK_DB": str(tmp_path / "x.duckdb")},
        timeout=300,
    )
    assert proc.returncode != 0
    assert proc.stdout == ""
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and "line 2: period_end 2021-01-01 is before period_start" in err[0]


def test_import_figures_command(tmp_path):
    env = {"FACTCHECK_DB": str(tmp_path / "fc.duckdb")}
    runner = CliRunner()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "metric,place,period_start,period_end,value\n"
        "guns,Birmingham,2022-01-01,2022-07-31,5\n"
        "=cmd|' /C calc'!A0,Birmingham,2022-01-01,2022-07-31,5\n"
    )
    result = runner.invoke(main, ["import-figures", str(bad)], env=env)
    assert result.exit_code != 0
    assert "line 3: cell metric looks like a formula" in result.output
    with Store(tmp_path / "fc.duckdb").connect() as con:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 0
    result = runner.invoke(
        main,
        ["import-figures", str(DATA / "figures.csv"), "--metrics", str(DATA / "metrics.csv")],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("imported 16 figure rows from figures.csv")
    with Store(tmp_path / "fc.duckdb").connect() as con:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 16
