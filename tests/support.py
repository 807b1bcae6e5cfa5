"""Plain helpers shared by test modules (importable by name: `conftest` is ambiguous, since
tests/ and tests/e2e/ each have one)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = PROJECT_ROOT / ".." / "shared" / "eval"


def eval_dir(name: str) -> Path:
    """A folder of the shared eval material; skip (or fail under CI) when it is absent."""
    path = EVAL_DIR / name
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared eval material missing: {path}")
        pytest.skip(f"shared eval material not found at {path} (../shared/eval/{name})")
    return path
