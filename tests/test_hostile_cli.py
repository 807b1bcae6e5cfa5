"""Bad command lines get one line on stderr, a non-zero exit and no traceback.

The cases are files in tests/data/hostile_cli/ (see its README). Strict JSON and the exit code
of a poll where no feed could be read are tested below them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import PROJECT_ROOT

from factcheck.cli import main

CASES = sorted((Path(__file__).parent / "data" / "hostile_cli").glob("*.json"))
DEMO = PROJECT_ROOT / "data" / "demo"


def _fill(value: str, tmp: Path) -> str:
    return value.replace("{tmp}", str(tmp)).replace("{demo}", str(DEMO))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_command_line_gets_one_line(path, tmp_path, monkeypatch):
    case = json.loads(path.read_text(encoding="utf-8"))
    for name, body in case.get("files", {}).items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "fc.duckdb"))
    for key, value in case.get("env", {}).items():
        monkeypatch.setenv(key, _fill(value, tmp_path))
    stdin = bytes.fromhex(case["stdin_hex"]) if "stdin_hex" in case else None
    result = CliRunner().invoke(main, [_fill(a, tmp_path) for a in case["args"]], input=stdin)
    assert isinstance(result.exception, SystemExit), result.exception  # not an uncaught error
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert case["stderr"] in lines[0]
    assert not (tmp_path / "nowhere").exists()  # nothing created on the way


def test_binary_stdin_in_a_real_process_prints_no_traceback(tmp_path):
    """The same through a real process: stdin really is bytes there."""
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "claims", "-"],
        input=b"\xff\xfe\x00binary\xd0\xcf",
        capture_output=True,
        cwd=PROJECT_ROOT,
        env={"PATH": "/usr/bin:/bin", "FACTCHECK_DB": str(tmp_path / "fc.duckdb")},
        timeout=60,
    )
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_json_lines_are_strict_json_for_a_309_digit_number(tmp_path):
    """Before: "low": Infinity, which no strict JSON reader accepts."""
    story = tmp_path / "story.txt"
    story.write_text("The county spent 1" + "0" * 320 + " dollars. Police seized 1500 guns.")
    result = CliRunner().invoke(
        main,
        ["check", str(story), "--figures", str(DEMO / "figures.csv"), "--metrics",
         str(DEMO / "metrics.csv"), "--published", "2026-08-01", "--place", "Birmingham"],
        env={"FACTCHECK_DB": str(tmp_path / "fc.duckdb")},
    )  # fmt: skip
    assert result.exit_code == 0, result.output

    def refuse(constant):
        raise AssertionError(f"not strict JSON: {constant}")

    records = [json.loads(line, parse_constant=refuse) for line in result.stdout.splitlines()]
    assert any(r["low"] is None and "too large" in r["warning"] for r in records)
    assert any(r["text"] == "1500" for r in records)


def test_poll_exits_non_zero_when_no_feed_could_be_read(tmp_path, feed_server, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "fc.duckdb"))
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE", "1")
    runner = CliRunner()
    for path in ("/a.xml", "/b.xml"):
        url = feed_server.serve(path, b"nope", status=500)
        assert (
            runner.invoke(main, ["add-feed", url, "--station", "W", "--place", "X"]).exit_code == 0
        )
    result = runner.invoke(main, ["poll"])
    assert result.exit_code == 1
    assert "no feed could be read: all 2 failed" in result.stderr
    assert result.stdout.count("HTTP 500") == 2  # each feed's own line is still printed
