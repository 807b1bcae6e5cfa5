"""Tracker (editors): what needs attention today (alerts, each with what to do), threads across
stations with their timelines and the market view, hand decisions on threads, story status,
versions and what changed in them, speaker histories and verdicts changed by new figures."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import appkit as kit
from factcheck import tracking
from factcheck.store import Store, StoreBusy, StoreError
from factcheck.tracking.status import LABELS as STATUS_LABELS

kit.page_setup(__file__)
st.title("Tracker")

EDITOR = "desk"  # the app has no logins: decisions made here are recorded as the desk's
KIND_LABELS = {
    "verdict_changed": "Verdict changed by new figures",
    "figure_revised": "Official figure revised",
    "changed_after_verified": "Changed after it was verified",
    "repeated_inaccurate": "Inaccurate figure repeated",
    "speaker_contradiction": "Speaker contradicts an earlier claim",
    "finding": "The story's own numbers disagree",
}
TIMELINE_SHAPES = {
    "story": "circle",
    "version": "square",
    "verdict": "triangle-up",
    "status": "diamond",
    "alert": "cross",
}


# How long the page waits for its turn to store new alerts. Every poll round stores them too, so
# a page does not queue behind other desks' writes for this: when the store is busy it shows the
# stored alerts and tries again on the next run.
ALERTS_WRITE_WAIT = 1.0


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def _refresh_alerts(db: str) -> int:
    # Bring the stored alerts up to date (a figure import may have changed verdicts since the
    # last poll); an alert found again is not stored twice. StoreBusy is raised, not cached.
    store = kit.get_store()
    return tracking.refresh_alerts(Store(store.path, lock_wait=ALERTS_WRITE_WAIT))


def _refresh_alerts_if_free() -> None:
    try:
        added = _refresh_alerts(kit.db_key())
    except StoreBusy:
        return
    if added:
        # New alerts: the list and the counts (the sidebar's too) are read again; the rest of
        # the cached queries stay, so the page is not rebuilt from a cold cache.
        kit.status.clear()
        _alerts.clear()


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def _alerts(db: str, include_handled: bool) -> list:
    return tracking.list_alerts(kit.get_store(), include_handled=include_handled)


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def _market(db: str, story_ids: tuple[int, ...], mode: str) -> list:
    return tracking.market_view(kit.get_store(), list(story_ids), mode=mode)


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def _timeline(db: str, story_ids: tuple[int, ...]) -> pd.DataFrame:
    rows = tracking.timeline(kit.get_store(), list(story_ids))
    return pd.DataFrame(rows, columns=["kind", "story_id", "station", "at", "label"])


@st.cache_data(ttl=kit.TTL, show_spinner=False)
def _status(db: str, story_id: int) -> tuple[str, list]:
    store = kit.get_store()
    return tracking.status_of(store, story_id), tracking.status.history(store, story_id)


def _done(message: str) -> None:
    kit.invalidate()
    st.session_state["trk_flash"] = message
    st.rerun()


def _act(action, message: str) -> None:
    """Run a hand decision or status change; a refusal is one plain line, nothing half-done."""
    try:
        action()
    except StoreError as exc:
        st.error(kit.md_text(str(exc)))
    else:
        _done(message)


def _status_control(story_id: int, key: str) -> None:
    current, history = _status(kit.db_key(), story_id)
    c1, c2, c3 = st.columns([1.2, 2.5, 1])
    choice = c1.selectbox(
        "Status",
        list(STATUS_LABELS),
        index=list(STATUS_LABELS).index(current),
        format_func=STATUS_LABELS.get,
        key=f"{key}_status",
    )
    note = c2.text_input("Note", key=f"{key}_note", placeholder="called the press office")
    c3.write("")
    if c3.button("Set status", key=f"{key}_set"):
        _act(
            lambda: tracking.set_status(
                kit.get_store(), story_id, choice, editor=EDITOR, note=note or None
            ),
            f"Story {story_id} is now {STATUS_LABELS[choice]}.",
        )
    if history:
        st.caption(
            " · ".join(
                f"{kit.day(h.changed_at)} {kit.md_text(STATUS_LABELS.get(h.status, h.status))}"
                f" by {kit.md_text(h.editor or 'unknown')}"
                + (f" ({kit.md_text(h.note)})" if h.note else "")
                for h in history[:5]
            )
        )


if flash := st.session_state.pop("trk_flash", None):
    st.success(kit.md_text(flash))

tab_alerts, tab_threads, tab_versions, tab_speakers, tab_changes = st.tabs(
    ["Alerts", "Threads", "Versions", "Speakers", "Verdict changes"]
)

with tab_alerts:
    show_all = st.toggle("Show handled alerts too", key="trk_alerts_all")
    _refresh_alerts_if_free()
    alerts = _alerts(kit.db_key(), show_all)
    open_alerts = kit.status(kit.db_key())["counts"]["open_alerts"]
    if not alerts:
        st.caption("Nothing needs attention: no open alerts.")
    elif show_all:
        st.caption(
            f"{open_alerts:,} open alerts, and the handled ones: {len(alerts):,} shown, newest"
            " first; each says what to do."
        )
    else:
        shown = f" (the newest {len(alerts):,} shown)" if len(alerts) < open_alerts else ""
        st.caption(f"{open_alerts:,} open alerts{shown}, newest first; each says what to do.")
    for alert in alerts[:100]:
        with st.container(border=True):
            icon = "▲ high · " if alert.severity == "high" else ""
            head = f"{icon}**{kit.md_text(KIND_LABELS.get(alert.kind, alert.kind))}**"
            head += f" · {kit.day(alert.created)}"
            if alert.station:
                head += f" · {kit.md_text(alert.station)}"
            st.markdown(head)
            st.markdown(kit.md_text(alert.message))
            st.markdown(f"**What to do:** {kit.md_text(alert.action)}")
            if alert.handled_at is not None:
                st.caption(
                    f"Handled {kit.day(alert.handled_at)} by {kit.md_text(alert.handled_by or '?')}"
                )
                continue
            b1, b2, b3 = st.columns(3)
            if alert.story_id is not None:
                b1.markdown(f"[Open the story](check?story={int(alert.story_id)})")
                if b2.button("Set to needs correction", key=f"trk_fix_{alert.id}"):
                    _act(
                        lambda a=alert: tracking.set_status(
                            kit.get_store(),
                            a.story_id,
                            "needs_correction",
                            editor=EDITOR,
                            note=f"alert {a.id}: {KIND_LABELS.get(a.kind, a.kind)}",
                        ),
                        f"Story {alert.story_id} is now needs correction.",
                    )
            if b3.button("Mark handled", key=f"trk_done_{alert.id}"):
                _act(
                    lambda a=alert: tracking.handle_alert(kit.get_store(), a.id, by=EDITOR),
                    f"Alert {alert.id} handled.",
                )

with tab_threads:
    threads = kit.threads(kit.db_key())
    if not threads:
        st.caption(
            "No threads yet: stories join one when another station tells the same story or a"
            " later story follows it up."
        )
    else:
        thread_labels = {
            t.id if t.id is not None else -i: f"{t.title} · {len(t.story_ids)} stories ·"
            f" {', '.join(t.stations)}"
            for i, t in enumerate(threads, start=1)
        }
        by_key = dict(zip(thread_labels, threads, strict=True))
        chosen = st.selectbox(
            "Thread", list(thread_labels), format_func=lambda k: thread_labels[k], key="trk_thread"
        )
        thread = by_key[chosen]
        ids = tuple(int(s) for s in thread.story_ids)
        st.subheader(kit.md_text(thread.title))
        st.caption("Stations: " + kit.md_text(", ".join(thread.stations)))

        frame = _timeline(kit.db_key(), ids)
        if not frame.empty:
            chart = (
                alt.Chart(frame)
                .mark_point(size=140, filled=True)
                .encode(
                    x=alt.X("at:T", title=None),
                    y=alt.Y("station:N", title=None),
                    shape=alt.Shape(
                        "kind:N",
                        scale=alt.Scale(
                            domain=list(TIMELINE_SHAPES), range=list(TIMELINE_SHAPES.values())
                        ),
                        title="what",
                    ),
                    color=alt.Color("kind:N", title="what"),
                    tooltip=["at:T", "station:N", "kind:N", "label:N", "story_id:Q"],
                )
                .properties(height=80 + 40 * frame.station.nunique())
            )
            st.altair_chart(chart, width="stretch", key="trk_timeline")

        market = _market(kit.db_key(), ids, kit.mode())
        st.markdown("**The market view: each station's numbers against the record**")
        if not market:
            st.caption("No series that two stations both give numbers on, and no record.")
        for line in market:
            period = f" ({kit.md_text(line.period)})" if line.period else ""
            st.markdown(f"- **{kit.md_text(line.series)}**{period}: {kit.md_text(line.sentence)}")

        st.markdown("**Stories**")
        for story_id in ids:
            story = kit.story(kit.db_key(), story_id)
            if story:
                st.markdown(
                    f"- {kit.day(story['published'])} · **{kit.md_text(story['station'])}'s"
                    f" telling** · [{kit.md_text(story['title'])}](check?story={story_id})"
                )
        with st.expander("Why these stories are one thread"):
            for reason in thread.reasons:
                st.markdown(f"- {kit.md_text(reason)}")

        if thread.id is not None:
            with st.expander("Change this thread by hand (the automatic grouping keeps it)"):
                new_title = st.text_input("Title", value=thread.title, key="trk_title")
                if st.button("Rename", key="trk_rename"):
                    _act(
                        lambda: tracking.rename_thread(
                            kit.get_store(), thread.id, new_title, editor=EDITOR
                        ),
                        "Thread renamed.",
                    )
                out = st.selectbox(
                    "Take a story out",
                    ids,
                    key="trk_unlink_pick",
                    format_func=lambda s: f"story {s}",
                )
                if st.button("Unlink", key="trk_unlink"):
                    _act(
                        lambda: tracking.unlink_story(kit.get_store(), out, editor=EDITOR),
                        f"Story {out} taken out of the thread.",
                    )
                others = [c for c in kit.story_choices(kit.db_key()) if int(c[0]) not in set(ids)]
                if others:
                    add = st.selectbox(
                        "Add a story",
                        [int(c[0]) for c in others],
                        key="trk_link_pick",
                        format_func=lambda s: next(
                            f"{c[1]} · {kit.day(c[2])} · {c[3]}" for c in others if c[0] == s
                        ),
                    )
                    if st.button("Link", key="trk_link"):
                        _act(
                            lambda: tracking.link_stories(
                                kit.get_store(), add, ids[0], editor=EDITOR
                            ),
                            f"Story {add} linked to the thread.",
                        )
                merge_into = [t for t in threads if t.id is not None and t.id != thread.id]
                if merge_into:
                    other = st.selectbox(
                        "Merge with thread",
                        [t.id for t in merge_into],
                        key="trk_merge_pick",
                        format_func=lambda t: next(x.title for x in merge_into if x.id == t),
                    )
                    if st.button("Merge", key="trk_merge"):
                        _act(
                            lambda: tracking.merge_threads(
                                kit.get_store(), thread.id, other, editor=EDITOR
                            ),
                            "Threads merged.",
                        )
                moving = st.multiselect(
                    "Split these stories into a new thread",
                    ids,
                    key="trk_split_pick",
                    format_func=lambda s: f"story {s}",
                )
                if st.button("Split", key="trk_split"):
                    _act(
                        lambda: tracking.split_thread(
                            kit.get_store(), thread.id, list(moving), editor=EDITOR
                        ),
                        "Thread split.",
                    )

        st.markdown("**Status of a story in this thread**")
        pick = st.selectbox(
            "Story", ids, key="trk_status_story", format_func=lambda s: f"story {s}"
        )
        _status_control(int(pick), "trk_thread_st")

with tab_versions:
    changed = kit.inbox(kit.db_key(), mode=kit.mode(), status="changed", limit=500)
    if changed.empty:
        st.caption("No story has changed since it first appeared.")
    else:
        version_labels = {
            int(r.id): f"{kit.day(r.published)} · {r.station} · {r.title} ({r.versions} versions)"
            for r in changed.itertuples()
        }
        story_id = st.selectbox(
            "Story", list(version_labels), format_func=lambda i: version_labels[i], key="trk_story"
        )
        count = int(changed[changed.id == story_id].versions.iloc[0])
        c1, c2 = st.columns(2)
        a = c1.selectbox("From version", range(1, count + 1), index=count - 2, key="trk_a")
        b = c2.selectbox("To version", range(1, count + 1), index=count - 1, key="trk_b")
        if a == b:
            st.caption("Pick two different versions.")
        else:
            delta = kit.claim_changes(kit.db_key(), story_id, a, b, kit.mode())
            said = tracking.describe_changes(delta)
            st.markdown("**What changed**")
            for line in said or ["No claim changed value."]:
                st.markdown(f"- {kit.md_text(line)}")
            with st.container(border=True):
                st.html(kit.diff_html(kit.version_diff(kit.db_key(), story_id, a, b)))
            rows = [
                {"change": what, "claim": d.text, "before": d.verdict_a, "after": d.verdict_b}
                for what, items in (
                    ("added", delta.added),
                    ("removed", delta.removed),
                    ("kept", delta.kept),
                )
                for d in items
            ]
            st.markdown("**Claims between the two versions**")
            st.dataframe(
                pd.DataFrame(rows, columns=["change", "claim", "before", "after"]),
                hide_index=True,
                width="stretch",
                key="trk_delta",
                column_config={
                    "change": st.column_config.TextColumn("Change"),
                    "claim": st.column_config.TextColumn("Claim"),
                    "before": st.column_config.TextColumn(f"Verdict in v{a}"),
                    "after": st.column_config.TextColumn(f"Verdict in v{b}"),
                },
            )
        _status_control(int(story_id), "trk_version_st")

with tab_speakers:
    speakers = kit.filter_options(kit.db_key())["speakers"]
    if not speakers:
        st.caption("No claims are attributed to a speaker yet.")
    else:
        who = st.selectbox("Speaker", speakers, key="trk_speaker")
        history = kit.speaker_history(kit.db_key(), who, kit.mode())
        frame = pd.DataFrame([h.__dict__ for h in history])
        if frame.empty:
            st.caption("Nothing on record for this speaker.")
        else:
            st.dataframe(
                frame[
                    ["published", "speaker", "text", "verdict", "official", "error_pct", "title"]
                ],
                hide_index=True,
                width="stretch",
                key="trk_history",
                column_config={
                    "published": st.column_config.DatetimeColumn("Published", format="YYYY-MM-DD"),
                    "speaker": st.column_config.TextColumn("Speaker"),
                    "text": st.column_config.TextColumn("Claim"),
                    "verdict": st.column_config.TextColumn("Verdict"),
                    "official": st.column_config.NumberColumn("Official"),
                    "error_pct": st.column_config.NumberColumn("Error %", format="%+.1f"),
                    "title": st.column_config.TextColumn("Story", width="medium"),
                },
            )

with tab_changes:
    changes = kit.verdict_changes(kit.db_key(), kit.mode())
    if not changes:
        st.caption("No verdict has changed since it was first checked.")
    else:
        st.caption("Verdicts and official values that a re-check changed, newest first.")
        frame = pd.DataFrame([c.__dict__ for c in changes])
        st.dataframe(
            frame[
                [
                    "changed_at",
                    "title",
                    "claim",
                    "old_verdict",
                    "new_verdict",
                    "old_official",
                    "new_official",
                    "reason",
                ]
            ],
            hide_index=True,
            width="stretch",
            key="trk_changes",
            column_config={
                "changed_at": st.column_config.DatetimeColumn("When", format="YYYY-MM-DD HH:mm"),
                "title": st.column_config.TextColumn("Story", width="medium"),
                "claim": st.column_config.TextColumn("Claim"),
                "old_verdict": st.column_config.TextColumn("Was"),
                "new_verdict": st.column_config.TextColumn("Now"),
                "old_official": st.column_config.NumberColumn("Official was"),
                "new_official": st.column_config.NumberColumn("Official now"),
                "reason": st.column_config.TextColumn("Why", width="medium"),
            },
        )
