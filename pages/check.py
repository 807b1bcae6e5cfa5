"""Check a story: paste a script, give a URL or pick a stored story; see every claim's verdict."""

from __future__ import annotations

from datetime import date

import streamlit as st

import appkit as kit
import findings_ui
import unverifiable
from factcheck import export
from factcheck.charts import claim_phrase, official_phrase, period_text
from factcheck.config import settings
from factcheck.store import StoreError
from factcheck.wording import describe_error, is_demo, looks_english

kit.page_setup(__file__)
st.title("Check a story")

st.session_state.setdefault("check_result", None)
st.session_state.setdefault("check_notes", {})

SOURCES = ("Paste a script", "From a URL", "A stored story")
# A link from another page (?story=ID) opens that story here.
linked = st.query_params.get("story")
if linked and linked.isdigit() and st.session_state.get("check_linked") != linked:
    st.session_state["check_linked"] = linked
    st.session_state["check_source"] = SOURCES[2]
    st.session_state["check_story"] = int(linked)

opts = kit.filter_options(kit.db_key())
feeds = kit.status(kit.db_key())["feeds"]
default_place = feeds[0].place if feeds else ""

source = st.segmented_control("Source", SOURCES, key="check_source", default=SOURCES[0])


def run_check(text: str, published: date, place: str, *, title: str, station: str, url=None):
    """Extract and check the claims of a text now (nothing is saved), into session state."""
    from factcheck import arithmetic, verify
    from factcheck import claims as claims_mod

    nlp = kit.get_nlp()
    found = claims_mod.extract_claims(nlp, text, published)
    findings = [f.to_dict() for f in arithmetic.find(text, found)]
    checks = verify.check_claims(
        kit.get_store(), found, published=published, place=place, mode=kit.mode()
    )
    st.session_state["check_result"] = {
        "text": text,
        "published": published,
        "place": place,
        "title": title,
        "station": station,
        "url": url,
        "story_id": None,
        "mode": kit.mode(),
        "items": [(None, c, k) for c, k in zip(found, checks, strict=True)],
        "findings": findings,
    }
    st.session_state["check_notes"] = {}


# A pasted or fetched check made under the other Verdicts mode is checked again under this one:
# its verdicts must never show under a label they were not computed for.
_kept = st.session_state["check_result"]
if _kept and not _kept.get("story_id") and _kept.get("mode") != kit.mode():
    run_check(
        _kept["text"], _kept["published"], _kept["place"],
        title=_kept["title"], station=_kept["station"], url=_kept["url"],
    )  # fmt: skip


if source == SOURCES[0]:
    # A widget's value is dropped when its page is left: the script is kept under its own key
    # and given back to the text area on return.
    if "script" not in st.session_state:
        st.session_state["script"] = st.session_state.get("script_kept", "")
    with st.form("paste"):
        script = st.text_area(
            "Script",
            height=220,
            key="script",
            placeholder="Paste the script or story text here…",
        )
        c1, c2, c3 = st.columns(3)
        published = c1.date_input("Air date", value=date.today(), key="paste_published")
        place = c2.text_input("Place", value=default_place, key="paste_place")
        station = c3.text_input("Station", value=feeds[0].station if feeds else "", key="paste_st")
        go = st.form_submit_button("Check", type="primary", key="paste_submit")
    if go:
        st.session_state["script_kept"] = script
        if not script.strip():
            st.error("Paste some text first.")
        else:
            run_check(script, published, place.strip(), title="Pasted script", station=station)

elif source == SOURCES[1]:
    with st.form("by_url"):
        url = st.text_input("Story URL", key="check_url", placeholder="https://…")
        c1, c2 = st.columns(2)
        published = c1.date_input("Published", value=date.today(), key="url_published")
        place = c2.text_input("Place", value=default_place, key="url_place")
        go = st.form_submit_button("Fetch and check", type="primary", key="url_submit")
    if go:
        from factcheck import feeds as feeds_mod
        from factcheck import fetch

        try:
            fetch.validate_url(url.strip())
            with st.spinner("Fetching the story…"):
                text = feeds_mod.article_text(url.strip(), settings())
        except (fetch.FetchError, feeds_mod.NoArticleText) as exc:
            # The real cause: refused, timed out, an HTTP error, or a page with no story in it.
            st.error("No story text could be read: " + kit.md_text(str(exc)))
        else:
            run_check(text, published, place.strip(), title=url.strip(), station="", url=url)

else:
    choices = kit.story_choices(kit.db_key())
    if not choices:
        st.info("No stories in the store yet.")
    else:
        labels = {row[0]: f"{kit.day(row[2])} · {row[1]} · {row[3]}" for row in choices}
        if st.session_state.get("check_story") not in labels:
            st.session_state["check_story"] = choices[0][0]
        story_id = st.selectbox(
            "Story", list(labels), format_func=lambda i: labels[i], key="check_story"
        )
        story = kit.story(kit.db_key(), story_id)
        if story:
            items = kit.story_claims(kit.db_key(), story["version_id"], kit.mode())
            current = st.session_state["check_result"]
            if (
                not current
                or current.get("story_id") != story_id
                or current.get("mode") != (kit.mode())
            ):
                st.session_state["check_notes"] = {}
            st.session_state["check_result"] = {
                "text": story["text"] or "",
                "published": story["published"],
                "place": story["place"],
                "title": story["title"],
                "station": story["station"],
                "url": story["url"],
                "story_id": story_id,
                "mode": kit.mode(),
                "items": items,
                "findings": findings_ui.story_findings(kit.db_key(), story["version_id"]),
            }

result = st.session_state["check_result"]
if source != SOURCES[2] and result and result.get("story_id"):
    result = None  # a stored story's result shows only under "A stored story"
if source == SOURCES[2] and result and not result.get("story_id"):
    result = None

if result:
    items = result["items"]
    st.divider()
    head = result["title"] or "Untitled"
    st.subheader(kit.md_text(head))
    meta = [kit.md_text(result["station"]) if result["station"] else None]
    meta.append(f"published {kit.day(result['published'])}")
    meta.append(f"checked for {kit.md_text(result['place'] or 'no place')}")
    meta.append(f"verdicts {kit.MODES[kit.mode()]}")
    st.caption(" · ".join(m for m in meta if m))
    if result.get("url"):
        st.markdown(kit.link(result["url"], "Open the original story"))

    if not looks_english(result["text"]):
        st.warning(
            "This text does not look like English. Only English is supported: numbers written"
            ' the way other languages write them ("1.500" for fifteen hundred) would be misread,'
            " so check these claims by hand.",
            icon=":material/translate:",
        )
    if not items:
        st.info("No numbers found in this story: there is nothing to check.")
    if any(is_demo(k) for _, _, k in items):
        st.warning(
            "DEMO: these verdicts come from illustrative demo figures, not official data.",
            icon=":material/warning:",
        )
    counts = {v: sum(1 for _, _, k in items if k.verdict == v) for v in kit.VERDICTS}
    m = st.columns(4)
    m[0].metric("Claims", len(items))
    m[1].metric("✓ Accurate", counts["accurate"])
    m[2].metric("✗ Inaccurate", counts["inaccurate"])
    m[3].metric("? Unverifiable", counts["unverifiable"])

    # The story with its claims highlighted. highlight_html escapes every piece of text itself;
    # st.html then sanitises again (DOMPurify), so nothing from the story can become markup.
    spans = [(c.start, c.end, k.verdict, f"{k.verdict}: {k.explanation}") for _, c, k in items]
    with st.container(border=True, key="story_text"):
        st.html(kit.highlight_html(result["text"], spans))
    findings_ui.show_findings(
        result["text"], result.get("findings") or [], [c for _, c, _ in items]
    )

    notes = st.session_state["check_notes"]
    stored_notes = {}
    ids = tuple(cid for cid, _, _ in items if cid is not None)
    if ids:
        stored_notes = kit.claim_notes(kit.db_key(), ids)

    for i, (claim_id, claim, check) in enumerate(items):
        with st.container(border=True, key=f"claim_{i}"):
            badge = kit.verdict_badge(check.verdict, demo=is_demo(check))
            st.markdown(f"{badge} **“{kit.md_text(claim.text)}”**")
            c1, c2, c3 = st.columns(3)
            claimed = claim_phrase(
                claim.low, claim.high, claim.unit, claim.qualifier, claim.change, claim.direction
            )
            c1.markdown(f"**Claimed**  \n{kit.md_text(claimed)}")
            official = official_phrase(check.official, claim.unit, claim.change)
            period = period_text(check.period_start, check.period_end)
            c2.markdown(
                f"**Official**  \n{kit.md_text(official)}"
                + (f" ({kit.md_text(period)})" if period else "")
            )
            error = describe_error(claim, check) or "—"
            c3.markdown(f"**Difference**  \n{kit.md_text(error)}")
            st.markdown(kit.md_text(check.explanation))
            unverifiable.missing_caption(items, i, result)
            details = []
            if check.source or check.source_url:
                details.append("Source: " + kit.link(check.source_url, check.source or "source"))
            if check.as_of:
                details.append(f"as of {kit.day(check.as_of)}")
            if check.period_start:
                details.append(
                    f"period {kit.day(check.period_start)} to {kit.day(check.period_end)}"
                )
            if check.metric:
                details.append(
                    f"series **{kit.md_text(check.metric)}** ({kit.md_text(check.place)})"
                )
            if claim.speaker:
                details.append(f"speaker {kit.md_text(claim.speaker)}")
            if details:
                st.caption(" · ".join(details))
            for body, author, when in stored_notes.get(claim_id, []):
                st.caption(
                    f"Note: {kit.md_text(body)} ({kit.md_text(author or 'desk')}, {kit.day(when)})"
                )
            if notes.get(i):
                st.caption(f"Note: {kit.md_text(notes[i])}")

    # One panel acts on the chosen claim (not one set of widgets per claim: a long script has
    # dozens of claims, and every widget costs time on every rerun).
    if items:
        st.subheader("Work on a claim")
        pick = st.selectbox(
            "Claim",
            range(len(items)),
            format_func=lambda i: f"{i + 1}. {items[i][1].text} ({items[i][2].verdict})",
            key="work_claim",
        )
        claim_id, claim, check = items[pick]
        e1, e2 = st.columns(2)
        with e1:
            metrics = opts["metrics"]
            chosen = st.selectbox(
                "Check against another series",
                metrics,
                index=metrics.index(check.metric) if check.metric in metrics else None,
                key=f"metric_{pick}",
                placeholder="Choose a series",
            )
            if st.button("Re-check with this series", key="recheck") and chosen:
                try:
                    new = kit.recheck_with_series(
                        claim_id, claim, chosen, result["published"], result["place"]
                    )
                except (StoreError, ValueError) as exc:
                    st.error(kit.md_text(str(exc)))
                else:
                    if claim_id is None:
                        items[pick] = (None, claim, new)
                    st.rerun()
        with e2:
            with st.form("verify", enter_to_submit=True, clear_on_submit=True):
                note = st.text_input("Note", key="verify_note", placeholder="Called the PD")
                done = st.form_submit_button("Mark verified", key="verify_submit")
            if done:
                body = f"verified: {note.strip()}" if note.strip() else "verified"
                if claim_id is not None:
                    kit.add_note(result["story_id"], claim_id, body)
                notes[pick] = body
                st.rerun()
        unverifiable.add_figure_panel(items, pick, result)

    st.divider()
    st.subheader("Export")
    all_notes = dict(notes)
    for i, (claim_id, _, _) in enumerate(items):
        if claim_id in stored_notes and i not in all_notes:
            all_notes[i] = "; ".join(b for b, _, _ in stored_notes[claim_id])
    meta = export.StoryMeta(
        title=result["title"] or "Untitled",
        station=result["station"] or "Newsroom",
        published=result["published"],
        url=result["url"],
        place=result["place"],
        notes=all_notes,
        findings=result.get("findings") or [],
    )
    pairs = [(c, k) for _, c, k in items]
    downloads = (
        ("Markdown sheet", export.to_markdown, "fact-check.md", "text/markdown", "dl_md"),
        ("CSV sheet", export.to_csv, "fact-check.csv", "text/csv", "dl_csv"),
        ("ClaimReview JSON-LD", export.to_jsonld, "claim-review.jsonld", "application/ld+json",
         "dl_jsonld"),
    )  # fmt: skip
    for column, (label, build, name, mime, key) in zip(
        st.columns(len(downloads)), downloads, strict=True
    ):
        column.download_button(
            label, build(meta, pairs), file_name=name, mime=mime, key=key, on_click="ignore"
        )
