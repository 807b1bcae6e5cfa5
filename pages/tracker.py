"""Tracker (editors): threads of follow-ups, story versions and their diffs, what each speaker has
claimed before, and the verdicts that changed when new official figures came in."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import appkit as kit

kit.page_setup(__file__)
st.title("Tracker")

tab_threads, tab_versions, tab_speakers, tab_changes = st.tabs(
    ["Threads", "Versions", "Speakers", "Verdict changes"]
)

with tab_threads:
    threads = kit.threads(kit.db_key())
    if not threads:
        st.caption("No follow-ups grouped yet: stories join a thread when a later one follows up.")
    for thread in threads:
        with st.container(border=True):
            st.markdown(f"**{kit.md_text(thread.title)}** · {len(thread.story_ids)} stories")
            for story_id in thread.story_ids:
                story = kit.story(kit.db_key(), int(story_id))
                if story:
                    st.markdown(
                        f"- {kit.day(story['published'])} · {kit.md_text(story['station'])} · "
                        f"[{kit.md_text(story['title'])}](check?story={int(story_id)})"
                    )

with tab_versions:
    changed = kit.inbox(kit.db_key(), mode=kit.mode(), status="changed", limit=500)
    if changed.empty:
        st.caption("No story has changed since it first appeared.")
    else:
        labels = {
            int(r.id): f"{kit.day(r.published)} · {r.station} · {r.title} ({r.versions} versions)"
            for r in changed.itertuples()
        }
        story_id = st.selectbox(
            "Story", list(labels), format_func=lambda i: labels[i], key="trk_story"
        )
        count = int(changed[changed.id == story_id].versions.iloc[0])
        c1, c2 = st.columns(2)
        a = c1.selectbox("From version", range(1, count + 1), index=count - 2, key="trk_a")
        b = c2.selectbox("To version", range(1, count + 1), index=count - 1, key="trk_b")
        if a == b:
            st.caption("Pick two different versions.")
        else:
            with st.container(border=True):
                st.html(kit.diff_html(kit.version_diff(kit.db_key(), story_id, a, b)))
            delta = kit.claim_changes(kit.db_key(), story_id, a, b, kit.mode())
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
