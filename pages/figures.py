"""Official figures: each series with its chart and provenance; import a CSV; edit with an audit
trail; the metrics catalogue and its aliases."""

from __future__ import annotations

import streamlit as st

import appkit as kit
from factcheck import charts, figures
from factcheck.figures import EDITABLE_FIELDS
from factcheck.store import StoreError

kit.page_setup(__file__)
st.title("Official figures")

status = kit.status(kit.db_key())
if status["demo"]:
    st.warning(
        "The demo figures are illustrative, made up for the demo newsroom: not official data.",
        icon=":material/warning:",
    )

tab_series, tab_import, tab_catalogue, tab_audit = st.tabs(
    ["Series", "Import a CSV", "Metrics and aliases", "Edit history"]
)

with tab_series:
    catalogue = kit.series(kit.db_key())
    if catalogue.empty:
        st.info("No official figures yet: import a CSV in the next tab.")
    else:
        st.dataframe(
            catalogue,
            hide_index=True,
            width="stretch",
            key="series_table",
            column_config={
                "rows": st.column_config.NumberColumn("Rows", width="small"),
                "first_period": st.column_config.DateColumn("From"),
                "last_period": st.column_config.DateColumn("To"),
                "latest_as_of": st.column_config.DateColumn("Latest as of"),
                "source_urls": st.column_config.TextColumn("Source URLs"),
            },
        )
        keys = [(r.metric, r.place) for r in catalogue.itertuples()]
        pick = st.selectbox(
            "Series",
            range(len(keys)),
            format_func=lambda i: f"{keys[i][0]} · {keys[i][1]}",
            key="fig_series",
        )
        info = catalogue.iloc[pick]
        vintages = st.toggle("Show every vintage (revisions)", key="fig_vintages")
        data = kit.series_figures(kit.db_key(), info.metric, info.place, vintages)
        latest = data[data.latest] if vintages else data
        st.altair_chart(
            charts.series_chart(latest, label=info.label or info.metric, unit=info.unit),
            key="series_chart",
        )
        # Figures imported without the optional columns give missing values (NaN, a float).
        sources = info.sources if isinstance(info.sources, str) else ""
        st.markdown(f"**Provenance:** {kit.md_text(sources or 'no source given')}")
        for url in (info.source_urls if isinstance(info.source_urls, str) else "").split():
            st.markdown("- " + kit.link(url, url))
        st.caption(
            f"Latest vintage {kit.day(info.latest_as_of)} · periods {kit.day(info.first_period)}"
            f" to {kit.day(info.last_period)}"
        )

        st.markdown(
            "**Edit values**: an edit becomes a new vintage dated today; the old one is "
            "kept, and the change goes to the edit history with your note."
        )
        editable = data[
            [
                "id",
                "metric",
                "place",
                "period_start",
                "period_end",
                "value",
                "unit",
                "source",
                "source_url",
                "as_of",
                "notes",
            ]
        ]
        edited = st.data_editor(
            editable,
            hide_index=True,
            width="stretch",
            key=f"fig_editor_{info.metric}_{info.place}_{vintages}",
            disabled=[c for c in editable.columns if c not in EDITABLE_FIELDS]
            if not vintages
            else True,
            column_order=["period_start", "period_end", "value", "source", "as_of", "notes"],
            column_config={
                "period_start": st.column_config.DateColumn("From"),
                "period_end": st.column_config.DateColumn("To"),
                "as_of": st.column_config.DateColumn("As of"),
            },
            num_rows="fixed",
        )
        with st.form("fig_edit_note", enter_to_submit=True):
            c1, c2 = st.columns(2)
            editor = c1.text_input("Your name", key="fig_editor_name")
            note = c2.text_input("Why (required)", key="fig_edit_note_text")
            save = st.form_submit_button("Save edits", key="fig_edit_submit")
        if save:
            if not note.strip():
                st.error("Say why in the note: the edit history keeps it.")
            else:
                try:
                    n = figures.edit_figures(
                        kit.get_store(),
                        editable.to_dict("records"),
                        edited.to_dict("records"),
                        editor=editor.strip() or None,
                        note=note.strip(),
                    )
                except (figures.FiguresInvalid, StoreError) as exc:
                    st.error(kit.md_text(str(exc)))
                else:
                    if n:
                        kit.invalidate()
                        st.success(f"Saved {n} change(s) as a new vintage; claims re-checked.")
                    else:
                        st.info("Nothing changed.")

with tab_import:
    from factcheck import figures

    upload = st.file_uploader(
        "Official figures CSV",
        type=["csv"],
        key="fig_upload",
        help="Columns: metric, place, period_start, period_end, value; optional unit, source, "
        "source_url, as_of, notes.",
    )
    if upload is not None and upload.size > kit.MAX_UPLOAD_BYTES:
        st.error(
            f"{kit.md_text(upload.name)} is {upload.size / 1e6:,.0f} MB, over the"
            f" {kit.MAX_UPLOAD_BYTES // 1_000_000} MB the app takes: import a file this large with"
            " `python -m factcheck import-figures`."
        )
    elif upload is not None:
        try:
            rows = kit.parsed_upload(upload)
        except figures.FiguresInvalid as exc:
            st.error(
                f"{kit.md_text(upload.name)}: {len(exc.errors)} bad row(s). Nothing was imported: "
                "fix them and upload again."
            )
            st.dataframe(
                [{"line": e.line, "reason": e.reason} for e in exc.errors],
                hide_index=True,
                width="stretch",
                key="fig_errors",
            )
        else:
            st.success(f"{len(rows)} row(s) are valid. Nothing is saved until you import.")
            st.dataframe(figures.figures_frame(rows[:500]), hide_index=True, key="fig_preview")
            if st.button("Import", type="primary", key="fig_import"):
                try:
                    summary = figures.import_figures(kit.get_store(), rows, source_name=upload.name)
                except (figures.FiguresInvalid, StoreError) as exc:
                    st.error(kit.md_text(str(exc)))
                else:
                    kit.invalidate()
                    st.success(kit.md_text(str(summary)))

with tab_catalogue:
    st.dataframe(kit.metrics(kit.db_key()), hide_index=True, width="stretch", key="metrics_table")
    st.markdown("**Place aliases**")
    st.dataframe(
        kit.place_aliases(kit.db_key()), hide_index=True, width="stretch", key="places_table"
    )

with tab_audit:
    edits = kit.figure_edits(kit.db_key())
    if edits.empty:
        st.caption("No edits yet.")
    else:
        st.dataframe(edits, hide_index=True, width="stretch", key="edits_table")
