"""Official figures -> Import: an upload is validated from a temporary file on disk, once, and the
session keeps a preview, not every row; the import reads the checked file; removing the upload
removes its temporary copy."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from app_store import make_app_store
from streamlit.testing.v1 import AppTest

import appkit
from factcheck.store import Store

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
ROWS = 650  # more than the preview's 500


def _csv(rows: int) -> bytes:
    lines = ["metric,place,period_start,period_end,value,unit,source,as_of"]
    lines += [
        f'pool_visits,"Town {i}, Ala.",2024-01-01,2024-12-31,{1000 + i},count,Parks office,2025-02-03'
        for i in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture(scope="module")
def module_db(tmp_path_factory) -> Path:
    return make_app_store(tmp_path_factory.mktemp("upload") / "app.duckdb")


@pytest.fixture
def db(module_db, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "app.duckdb"
    shutil.copy(module_db, path)
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    return path


def test_upload_is_checked_from_a_file_and_the_session_keeps_a_preview(db):
    before = Store(db).counts()["figures"]
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/figures.py").run()
    at.file_uploader(key="fig_upload").set_value(("pools.csv", _csv(ROWS), "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"{ROWS} row(s) are valid" in s.value for s in at.success)
    assert any("The first 500 rows" in c.value for c in at.caption)

    _, checked, error = at.session_state["_checked_upload"]
    assert error is None and checked.rows == ROWS
    assert len(checked.preview) == 500  # not every row: those stay in the file
    assert checked.path.is_file() and checked.path.name == "pools.csv"
    assert checked.path.read_bytes() == _csv(ROWS)
    at.run()  # a rerun does not check the file again
    assert at.session_state["_checked_upload"][1] is checked

    at.button(key="fig_import").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert Store(db).counts()["figures"] == before + ROWS

    at.file_uploader(key="fig_upload").set_value(None).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "_checked_upload" not in at.session_state
    assert not checked.path.parent.exists()  # the temporary copy is gone


def test_spool_copies_in_pieces_and_reports_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(appkit, "SPOOL_CHUNK", 1000)
    data = _csv(200)
    upload = io.BytesIO(data)
    upload.size = len(data)  # type: ignore[attr-defined]  # as Streamlit's UploadedFile has
    seen: list[float] = []
    appkit.spool_upload(upload, tmp_path / "copy.csv", seen.append)
    assert (tmp_path / "copy.csv").read_bytes() == data
    assert len(seen) == -(-len(data) // 1000) and seen == sorted(seen) and seen[-1] == 1.0
