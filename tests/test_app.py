"""The Streamlit app through AppTest, on the real demo store (plus one hostile story, polled).

Each page renders without an exception and its main action works. Logic is tested in the
library's own tests; these check the pages wire it up.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from app_store import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_STATION, make_app_store
from streamlit.testing.v1 import AppTest

from factcheck import sources
from factcheck import store as q
from factcheck.store import Store

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
PAGES = [
    "pages/inbox.py",
    "pages/check.py",
    "pages/claims.py",
    "pages/tracker.py",
    "pages/figures.py",
    "pages/graphics.py",
]
SCRIPT = (
    "Birmingham police have seized more than 1500 guns so far this year, Chief Dana Whitfield "
    "said. She said homicides are up 5.1% as of August 2. The city has seen 7000 fewer crimes "
    "each year. <script>alert('pasted')</script> was typed by a prankster."
)


@pytest.fixture(scope="session")
def app_db(tmp_path_factory) -> Path:
    """The demo store with the hostile story, made once per session (kept read-only by tests)."""
    return make_app_store(tmp_path_factory.mktemp("app") / "app.duckdb")


@pytest.fixture
def db(app_db, tmp_path, monkeypatch) -> Path:
    """A private copy of the session's store for one test, set as FACTCHECK_DB."""
    path = tmp_path / "app.duckdb"
    shutil.copy(app_db, path)
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    return path


def _app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page:
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def _plain(markdown: str) -> str:
    """Markdown source with its backslash escapes removed: the text the reader sees."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _frame(at: AppTest, column: str):
    """The first dataframe on the page that has this column (dataframes carry no key)."""
    for df in at.dataframe:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"no dataframe with a {column!r} column")


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(db, page):
    at = _app(page)
    assert at.title, "each page has a title"
    assert not at.error, [e.value for e in at.error]


def test_sidebar_shows_store_feeds_and_demo_warning(db):
    at = _app()
    sidebar = "\n".join(m.value for m in at.sidebar.markdown)
    counts = Store(db).counts()
    assert f"**{counts['stories']:,}** stories" in sidebar
    assert "Last poll:" in sidebar
    assert HOSTILE_STATION in sidebar
    assert any("Demo figures are illustrative" in w.value for w in at.sidebar.warning)
    assert str(db) in [c.value for c in at.sidebar.code]


def test_inbox_filters_by_station_and_verdict(db):
    at = _app("pages/inbox.py")
    all_rows = _frame(at, "versions")
    assert len(all_rows) >= 10
    at.selectbox(key="inbox_station").select(HOSTILE_STATION).run()
    rows = _frame(at, "versions")
    assert set(rows.station) == {HOSTILE_STATION}
    at.selectbox(key="inbox_station").select("All").run()
    at.selectbox(key="inbox_verdict").select("inaccurate").run()
    rows = _frame(at, "versions")
    assert len(rows) >= 1 and (rows.inaccurate > 0).all()
    assert len(rows) < len(all_rows)


def test_add_feed_refuses_a_file_url_and_adds_a_good_one(db):
    at = _app("pages/inbox.py")
    at.text_input(key="feed_url").input("file:///etc/passwd")
    at.text_input(key="feed_station").input("WTST 3")
    at.text_input(key="feed_place").input("Mobile, Ala.")
    at.button(key="add_feed_submit").click().run()
    assert any("only http:// and https://" in _plain(e.value) for e in at.error)
    assert all(f.station != "WTST 3" for f in Store(db).feeds())
    at.text_input(key="feed_url").input("https://wtst.example/news/rss")
    at.button(key="add_feed_submit").click().run()
    assert not at.error, [e.value for e in at.error]
    assert any(f.station == "WTST 3" for f in Store(db).feeds())


def test_check_a_pasted_script(db):
    at = _app("pages/check.py")
    at.text_area(key="script").input(SCRIPT)
    at.text_input(key="paste_place").input("Birmingham, Ala.")
    at.button(key="paste_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    html = "\n".join(h.value for h in at.get("html"))
    assert html.count("<mark") >= 3
    assert "&lt;script&gt;alert(&#x27;pasted&#x27;)&lt;/script&gt;" in html
    assert "<script>" not in html
    text = _markdown(at)
    assert "ACCURATE" in text or "INACCURATE" in text
    assert {b.label for b in at.get("download_button")} >= {
        "Markdown sheet",
        "CSV sheet",
        "ClaimReview JSON-LD",
    }


def test_hostile_story_is_shown_as_text(db, app_db):
    with Store(app_db).connect() as con:
        sid = next(i for i, station, _, _ in q.app_story_choices(con) if station == HOSTILE_STATION)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["story"] = str(sid)
    at.run()
    at.switch_page("pages/check.py").run()
    assert not at.exception, [e.value for e in at.exception]
    html = "\n".join(h.value for h in at.get("html"))
    assert "&lt;script&gt;" in html and "<script" not in html
    assert "onerror=" not in html.replace("&lt;img src=x onerror=", "")
    assert HOSTILE_SCRIPT not in html and HOSTILE_IMG not in html


def test_mark_verified_records_a_note(db):
    with Store(db).connect() as con:
        sid = q.app_story_choices(con)[0][0]
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["story"] = str(sid)
    at.run()
    at.switch_page("pages/check.py").run()
    if not at.selectbox(key="work_claim").options:
        pytest.skip("the first story has no claims")
    at.text_input(key="verify_note").input("called the press office")
    at.button(key="verify_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store(db).connect() as con:
        body = con.execute("SELECT body FROM notes").fetchall()
    assert ("verified: called the press office",) in body


def test_claims_filter_and_chart(db):
    at = _app("pages/claims.py")
    assert at.get("vega_lite_chart"), "the mismatch chart is drawn"
    at.selectbox(key="claims_verdict").select("inaccurate").run()
    rows = _frame(at, "explanation")
    assert len(rows) >= 1
    assert all("inaccurate" in v for v in rows.verdict)
    at.selectbox(key="claims_verdict").select("accurate").run()
    rows = _frame(at, "explanation")
    assert all(v.endswith(" accurate") for v in rows.verdict)


def test_figures_upload_shows_row_errors_before_saving(db):
    before = Store(db).counts()["figures"]
    at = _app("pages/figures.py")
    bad = (
        b"metric,place,period_start,period_end,value\n"
        b"homicides,Birmingham,2024-01-01,2024-12-31,not-a-number\n"
        b"homicides,Birmingham,2024-12-31,2024-01-01,12\n"
    )
    at.file_uploader(key="fig_upload").set_value(("bad.csv", bad, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("2 bad row" in e.value for e in at.error)
    errors = _frame(at, "reason")
    assert list(errors.line) == [2, 3]
    assert Store(db).counts()["figures"] == before


def test_figures_upload_then_import(db):
    before = Store(db).counts()["figures"]
    at = _app("pages/figures.py")
    good = (
        b"metric,place,period_start,period_end,value,unit,source,as_of\n"
        b'library_visits,"Birmingham, Ala.",2024-01-01,2024-12-31,81234,count,Library,2025-02-01\n'
    )
    at.file_uploader(key="fig_upload").set_value(("good.csv", good, "text/csv")).run()
    assert any("1 row(s) are valid" in s.value for s in at.success)
    assert Store(db).counts()["figures"] == before  # nothing saved yet
    at.button(key="fig_import").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert Store(db).counts()["figures"] == before + 1


def test_graphics_builds_an_on_air_chart(db):
    at = _app("pages/graphics.py")
    assert len(at.get("image")) >= 1
    assert {b.label for b in at.get("download_button")} == {"Download PNG", "Download SVG"}
    at.segmented_control(key="gfx_kind").set_value("A series").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("image")) >= 1


def test_tracker_shows_a_version_diff(db):
    at = _app("pages/tracker.py")
    html = "\n".join(h.value for h in at.get("html"))
    assert "<ins" in html or "<del" in html


def test_choose_another_series_for_a_pasted_claim(db):
    at = _app("pages/check.py")
    at.text_area(key="script").input("Police seized more than 1500 guns so far this year.")
    at.text_input(key="paste_place").input("Birmingham, Ala.")
    at.button(key="paste_submit").click().run()
    at.selectbox(key="work_claim").select_index(0).run()
    at.selectbox(key="metric_0").select("homicides").run()
    at.button(key="recheck").click().run()
    assert not at.exception, [e.value for e in at.exception]
    text = _plain(_markdown(at))
    assert "homicides" in text  # the claim now names the chosen series


def test_pipeline_is_loaded_once_not_on_every_rerun(db, monkeypatch):
    import appkit
    from factcheck import claims as claims_mod

    loads = []
    real = claims_mod.load_pipeline

    def counting(name):
        loads.append(name)
        return real(name)

    monkeypatch.setattr(claims_mod, "load_pipeline", counting)
    appkit._nlp.clear()
    at = _app("pages/check.py")
    for text in ("Police seized 1500 guns.", "Homicides are up 5.1% this year."):
        at.text_area(key="script").input(text)
        at.button(key="paste_submit").click().run()
        assert not at.exception, [e.value for e in at.exception]
    assert len(loads) == 1


def test_poll_now_shows_each_feeds_error_plainly(db, monkeypatch):
    # Private addresses are refused here, so the loopback feed fails: every failing feed gets
    # its own readable line with the reason, and the page carries on.
    monkeypatch.delenv("FACTCHECK_ALLOW_PRIVATE", raising=False)
    at = _app("pages/inbox.py")
    at.button(key="poll").click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [_plain(e.value) for e in at.error]
    failed = [f for f in Store(db).feeds() if f.last_status == "error"]
    assert failed and len(errors) == len(failed)
    for feed in failed:
        assert any(feed.station in e and feed.last_error in e for e in errors)
    assert any(HOSTILE_STATION in e and "FACTCHECK_ALLOW_PRIVATE" in e for e in errors)
    assert Store(db).last_poll() is not None


def test_figure_edit_becomes_a_new_vintage_with_an_audit_row(db):
    import datetime as dt

    from factcheck import sources

    store = Store(db)
    with store.connect() as con:
        before = q.app_series_figures(con, "guns_seized", "Birmingham, Ala.")
    after = before.copy()
    after.loc[after.index[0], "value"] = float(before.value.iloc[0]) + 11
    n = sources.edit_figures(
        store,
        before.to_dict("records"),
        after.to_dict("records"),
        editor="Sam",
        note="PD corrected the count",
        today=dt.date(2027, 1, 5),
    )
    assert n == 1
    with store.connect() as con:
        vintages = q.app_series_figures(con, "guns_seized", "Birmingham, Ala.", all_vintages=True)
        edits = q.app_figure_edits(con)
    first = before.iloc[0]
    same_period = vintages[
        (vintages.period_start == first.period_start) & (vintages.period_end == first.period_end)
    ]
    assert len(same_period) == 2  # the old vintage is kept
    newest = same_period[same_period.latest].iloc[0]
    assert newest.value == first.value + 11
    assert newest.as_of.date() == dt.date(2027, 1, 5)
    row = edits.iloc[0]
    assert (row.field, row.editor, row.note) == ("value", "Sam", "PD corrected the count")
    assert float(row.old_value) == first.value and float(row.new_value) == first.value + 11


ARTICLE = """<!doctype html><html><head><title>Guns</title></head><body>
<nav>Home | Weather | Sports</nav>
<article><h1>Police seize more guns</h1>
<p>Birmingham police have seized more than 1500 guns so far this year, Chief Dana Whitfield
said on Tuesday, as the department steps up traffic stops across the city.</p>
<p>Homicides are up 5.1% as of August 2, according to the department, which says it will add
patrols in the neighborhoods that have seen the most shootings this summer.</p>
<p>The chief said officers will keep working with residents and community groups.</p>
</article><footer>Copyright WXSS</footer></body></html>"""


def test_check_a_story_from_a_url(db, feed_server, allow_private):
    url = feed_server.serve("/news/guns.html", ARTICLE.encode(), content_type="text/html")
    at = _app("pages/check.py")
    at.segmented_control(key="check_source").set_value("From a URL").run()
    at.text_input(key="check_url").input(url)
    at.text_input(key="url_place").input("Birmingham, Ala.")
    at.button(key="url_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    html = "\n".join(h.value for h in at.get("html"))
    assert html.count("<mark") >= 2
    assert "more than 1500" in html


def test_check_refuses_a_file_url(db):
    at = _app("pages/check.py")
    at.segmented_control(key="check_source").set_value("From a URL").run()
    at.text_input(key="check_url").input("file:///etc/passwd")
    at.button(key="url_submit").click().run()
    assert any("only http:// and https://" in _plain(e.value) for e in at.error)
    assert not at.get("html")


def test_pages_render_with_verdicts_as_aired(db):
    at = _app()
    # AppTest runs the page alone after switch_page (no sidebar radio): set the mode it sets.
    at.session_state["mode"] = "aired"
    at.run()
    assert not at.exception
    for page in PAGES:
        # AppTest reruns a page without the entry script (see appkit.page_setup), so the
        # sidebar's choice is set again in the session for each page.
        at.session_state["mode"] = "aired"
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
    with Store(db).connect() as con:
        changed = con.execute(
            "SELECT a.claim_id, a.verdict, n.verdict FROM checks a JOIN checks n USING (claim_id)"
            " WHERE a.mode = 'aired' AND n.mode = 'now' AND a.verdict <> n.verdict"
        ).fetchall()
    assert changed, "the demo has a verdict overtaken by revised figures"
    claim_id, aired_verdict, now_verdict = changed[0]
    verdicts = {}
    for mode in ("aired", "now"):
        at.session_state["mode"] = mode
        at.switch_page("pages/claims.py").run()
        rows = _frame(at, "explanation")
        verdicts[mode] = rows[rows.text == q_claim_text(db, claim_id)].verdict.iloc[0]
    assert verdicts["aired"].endswith(aired_verdict)
    assert verdicts["now"].endswith(now_verdict)


def q_claim_text(db, claim_id: int) -> str:
    with Store(db).connect() as con:
        return con.execute("SELECT text FROM claims WHERE id = ?", [claim_id]).fetchone()[0]


# --- the escaping helpers every page uses (appkit) -------------------------------------------


def test_highlight_html_escapes_every_piece():
    import appkit

    text = "<script>alert(1)</script> seized 1500 guns <img src=x onerror=alert(2)> & more"
    start = text.index("1500")
    html = appkit.highlight_html(text, [(start, start + 9, "inaccurate", '"><svg onload=x>')])
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html and "&amp; more" in html
    assert html.count("<mark") == 1 and ">1500 guns</mark>" in html
    assert 'title="&quot;&gt;&lt;svg onload=x&gt;"' in html


def test_highlight_html_skips_bad_spans():
    import appkit

    html = appkit.highlight_html(
        "abc def", [(0, 3, "accurate", ""), (2, 5, "x", ""), (5, 99, "x", "")]
    )
    assert html.count("<mark") == 1
    assert "def" in html


def test_md_text_and_link_make_untrusted_text_inert():
    import appkit

    hostile = "[click](javascript:alert(1)) ![x](http://e/x.png) <b>bold</b> **b**"
    shown = appkit.md_text(hostile)
    assert "](" not in shown.replace("\\](", "").replace("\\(", "")
    assert "<b>" not in shown and "\\*\\*b\\*\\*" in shown
    assert appkit.link("javascript:alert(1)", "x") == "x"
    assert appkit.link("file:///etc/passwd", "a(b)") == "a\\(b\\)"
    made = appkit.link("https://e.example/a b)\n[x](javascript:1)", "Source [1]")
    assert made.startswith("[Source \\[1\\]](https://e.example/a%20b%29%0A%5Bx%5D")
    assert made.count("](") == 1 and made.endswith(")")


def test_diff_html_escapes_and_marks_changes():
    import appkit

    html = appkit.diff_html([("equal", "up "), ("delete", "<b>5</b>"), ("insert", "6%")])
    assert "<del" in html and "&lt;b&gt;5&lt;/b&gt;</del>" in html and ">6%</ins>" in html


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_an_empty_store(tmp_path, monkeypatch, page):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "empty.duckdb"))
    at = _app(page)
    assert at.title
    assert not at.error, [e.value for e in at.error]


# --- trust in what the app shows (issue 13) -------------------------------------------------------


def _paste(at: AppTest, text: str) -> None:
    at.text_area(key="script").input(text)
    at.text_input(key="paste_place").input("Birmingham, Ala.")
    at.button(key="paste_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_switching_verdicts_mode_rechecks_a_pasted_script(db):
    """Before: the pasted check kept its "as of now" verdicts under the "as aired" label."""
    at = _app("pages/check.py")
    _paste(at, SCRIPT)
    assert at.session_state["check_result"]["mode"] == "now"
    # AppTest runs the page alone after switch_page (no sidebar radio): set the mode it sets.
    at.session_state["mode"] = "aired"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["check_result"]["mode"] == "aired"
    assert any("verdicts as aired" in c.value for c in at.caption)


def test_demo_verdicts_carry_a_demo_badge_and_the_difference_in_words(db):
    at = _app("pages/check.py")
    _paste(at, SCRIPT)
    text = _markdown(at)
    assert ":orange-badge[DEMO]" in text
    assert any("illustrative demo figures" in w.value for w in at.warning)
    assert "**Difference**" in text and "claimed" in _plain(text)
    assert not re.search(r"\*\*Error\*\*\s+[-+]\d", text)


def test_a_story_with_no_numbers_says_so(db):
    at = _app("pages/check.py")
    _paste(at, "The council met on Tuesday and talked about the new library for an hour.")
    assert any("No numbers found" in i.value for i in at.info)


def test_text_that_is_not_english_gets_a_notice(db):
    at = _app("pages/check.py")
    _paste(
        at,
        "La policía de la ciudad incautó 1.500 armas este año, dijo el jefe durante una"
        " conferencia de prensa el martes por la mañana.",
    )
    assert any("does not look like English" in w.value for w in at.warning)


def test_check_from_a_url_says_the_real_cause(db, feed_server, allow_private):
    """Before: "No story text could be read" for a 404, a refusal or a timeout alike."""
    url = feed_server.serve("/gone.html", b"gone", status=404, content_type="text/html")
    at = _app("pages/check.py")
    at.segmented_control(key="check_source").set_value("From a URL").run()
    at.text_input(key="check_url").input(url)
    at.button(key="url_submit").click().run()
    assert any("HTTP 404" in _plain(e.value) for e in at.error), [e.value for e in at.error]


def test_figures_page_with_figures_missing_optional_columns(db):
    """Before: 'float' object has no attribute 'split' once such figures were imported."""
    path = db.parent / "bare.csv"
    path.write_text(
        "metric,place,period_start,period_end,value\nbare_counts,Nowhere,2024-01-01,2024-12-31,5\n"
    )
    sources.import_files(Store(db), path)
    at = _app("pages/figures.py")
    at.selectbox(key="fig_series_metric").set_value("bare_counts").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("no source given" in m.value for m in at.markdown)


def test_figures_upload_over_the_cap_is_refused_plainly(db, monkeypatch):
    import appkit

    monkeypatch.setattr(appkit, "MAX_UPLOAD_BYTES", 100)
    at = _app("pages/figures.py")
    big = b"metric,place,period_start,period_end,value\n" + b"x,y,2024-01-01,2024-12-31,1\n" * 10
    at.file_uploader(key="fig_upload").set_value(("big.csv", big, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("over the" in e.value and "import-figures" in e.value for e in at.error)


def test_a_damaged_store_shows_one_plain_message(tmp_path, monkeypatch):
    path = tmp_path / "broken.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    [error] = at.error
    assert "cannot be opened" in error.value and str(tmp_path) not in error.value


def test_graphic_of_a_pasted_check(db):
    """Before: graphics only of stored claims."""
    at = _app("pages/check.py")
    _paste(at, SCRIPT)
    at.switch_page("pages/graphics.py").run()
    at.segmented_control(key="gfx_kind").set_value("The pasted check").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="gfx_pasted_claim").options
    assert {b.label for b in at.get("download_button")} >= {"Download PNG", "Download SVG"}


def test_bidi_controls_are_shown_visibly_or_dropped():
    """Before: U+202E in a pasted script or a title reversed what the reporter saw."""
    import appkit

    text = "Mayor \u202eJane Ortiz\u202c said 300."
    html = appkit.highlight_html(
        text, [(text.index("300"), text.index("300") + 3, "accurate", "t")]
    )
    assert "\u202e" not in html and "[U+202E]" in html and "[U+202C]" in html
    assert ">300</mark>" in html  # the claim's span is still the claim
    assert "\u202e" not in appkit.md_text("\u202eMayor Jane")
