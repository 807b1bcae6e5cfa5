"""The project is an installable package: the command works from any folder, and spaCy finds
the claim component through its entry point without the project on the path."""

from __future__ import annotations

import subprocess
import sys


def test_command_runs_from_another_folder(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "claims", "-"],
        input="Deputies seized 1,500 guns last year.", capture_output=True, text=True,
        cwd=tmp_path, timeout=120, check=True,
    )  # fmt: skip
    assert '"text": "1,500"' in out.stdout


def test_spacy_finds_the_component_by_entry_point(tmp_path):
    code = "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('numeric_claims'); print('ok')"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert out.stdout.strip() == "ok", out.stderr[-500:]
