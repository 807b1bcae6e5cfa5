"""The Check page's actionable unverifiable claim: what is missing, in plain words, and a form that
adds the figure (metric and place filled in), re-checks the claim on the spot and keeps the figure
as a new release with its audit row. Pages call `missing_caption` on each card and
`add_figure_panel` in the "Work on a claim" panel."""

from __future__ import annotations

from datetime import date, datetime

import streamlit as st

import appkit as kit
from factcheck.store import StoreError


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def _missing(db: str, _pairs, key: tuple, published: date, place: str):
    from factcheck.sources.missing import missing_figures

    return missing_figures(kit.get_store(), _pairs, published=published, place=place)


def missing_for(items: list, result: dict) -> list:
    """The Missing of each claim of the result (None where the claim is not unverifiable)."""
    pairs = [(c, k) for _, c, k in items]
    key = tuple((c.text, c.start, c.subject, c.period, c.place, k.verdict) for c, k in pairs)
    published = _day(result["published"])
    return _missing(kit.db_key(), pairs, key, published, result["place"] or "")


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def _definitions(db: str) -> dict[str, str]:
    from factcheck import store as q

    with kit.get_store().read() as con:
        return q.metric_definitions(con)


def missing_caption(items: list, i: int, result: dict) -> None:
    """On a claim's card: for an unverifiable claim the figure the record lacks, in one plain
    line; for a matched one, what the publisher of its series counts (the metric's definition)."""
    _, _, check = items[i]
    missing = missing_for(items, result)[i]
    if missing is not None:
        st.caption(kit.md_text(f"{missing.sentence()}: add it in Work on a claim below."))
    elif check.metric and check.metric in _definitions(kit.db_key()):
        st.caption(kit.md_text(f"What it counts: {_definitions(kit.db_key())[check.metric]}"))


def add_figure_panel(items: list, pick: int, result: dict) -> None:
    """For the chosen unverifiable claim: add the missing figure, then re-check the claim."""
    done = st.session_state.pop("addfig_done", None)
    if done:
        st.success(kit.md_text(done))
    claim_id, claim, check = items[pick]
    missing = missing_for(items, result)[pick]
    if missing is None:
        return
    st.markdown(f"**{kit.md_text(missing.sentence())}.** Add the figure:")
    with st.form(f"add_figure_{pick}", clear_on_submit=False):
        a1, a2, a3 = st.columns(3)
        metric = a1.text_input("Metric", value=missing.metric or "", key=f"addfig_metric_{pick}")
        place = a2.text_input("Place", value=missing.place, key=f"addfig_place_{pick}")
        value = a3.number_input("Value", value=None, format="%g", key=f"addfig_value_{pick}")
        b1, b2, b3 = st.columns(3)
        start = b1.date_input("From", value=missing.period_start, key=f"addfig_start_{pick}")
        end = b2.date_input("To", value=missing.period_end, key=f"addfig_end_{pick}")
        as_of = b3.date_input(
            "As of (the publisher's release date)", value=None, key=f"addfig_as_of_{pick}"
        )
        c1, c2 = st.columns(2)
        source = c1.text_input("Source", key=f"addfig_source_{pick}")
        url = c2.text_input("Source URL", key=f"addfig_url_{pick}")
        save = st.form_submit_button("Add the figure and re-check", key=f"addfig_submit_{pick}")
    if not save:
        return
    from factcheck import sources, verify
    from factcheck.models import Figure

    figure = Figure(
        metric=metric.strip(),
        place=place.strip(),
        period_start=start,
        period_end=end,
        value=value,
        unit=missing.unit or (claim.unit if claim.unit in ("count", "percent", "usd") else None),
        source=source.strip() or None,
        source_url=url.strip() or None,
        as_of=as_of,
    )
    try:
        line, _ = sources.add_figure(kit.get_store(), figure, editor="desk")
        new = verify.check_claims(
            kit.get_store(),
            [claim],
            published=_day(result["published"]),
            place=result["place"] or "",
            mode=kit.mode(),
        )[0]
    except (sources.FiguresInvalid, StoreError) as exc:
        st.error(kit.md_text(str(exc)))
        return
    items[pick] = (claim_id, claim, new)
    kit.invalidate()
    st.session_state["addfig_done"] = f"{line}. The claim is now {new.verdict}."
    st.rerun()


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value
