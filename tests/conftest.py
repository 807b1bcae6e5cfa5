"""Shared fixtures: a store in a temporary DuckDB file, a loopback feed server, test settings.

Other helpers add their fixtures here with small edits; keep each one independent.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest

# The project root (for `factcheck`, without installing it) and tests/ (for `feedserver`).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from feedserver import FeedServer  # noqa: E402
from support import EVAL_DIR, PROJECT_ROOT, eval_dir  # noqa: E402, F401

from factcheck.config import Settings  # noqa: E402
from factcheck.store import Store  # noqa: E402

_OPENED: list[list[str]] = []  # the lists of the tests currently recording opened files


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _OPENED and isinstance(args[0], str | bytes | os.PathLike):
        for record in _OPENED:
            record.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # process-wide and permanent, so it only records while a test asks


@pytest.fixture
def opened_files():
    """Every file path this process opens during the test (Python's "open" audit event)."""
    record: list[str] = []
    _OPENED.append(record)
    yield record
    _OPENED.remove(record)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A fresh store file, also set as FACTCHECK_DB for commands run from the test."""
    path = tmp_path / "factcheck.duckdb"
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    return path


@pytest.fixture
def tmp_store(db_path) -> Store:
    """A migrated, empty store in a temporary file."""
    store = Store(db_path, lock_wait=20)
    store.migrate()
    return store


@pytest.fixture
def feed_server():
    """A loopback HTTP server serving whatever the test puts on it (see tests/feedserver.py)."""
    with FeedServer() as server:
        yield server


@pytest.fixture
def allow_private(monkeypatch):
    """FACTCHECK_ALLOW_PRIVATE=1: the loopback feed server may be fetched."""
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE", "1")


@pytest.fixture
def net_settings(monkeypatch) -> Settings:
    """Settings for fetching from the loopback server: private addresses allowed, short timeouts."""
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE", "1")
    return dataclasses.replace(
        Settings.from_env(), allow_private=True, connect_timeout=2.0, read_timeout=2.0
    )


@pytest.fixture
def strict_settings(monkeypatch) -> Settings:
    """Settings as in production: private and loopback addresses refused."""
    monkeypatch.delenv("FACTCHECK_ALLOW_PRIVATE", raising=False)
    return dataclasses.replace(Settings.from_env(), allow_private=False, read_timeout=2.0)
