"""Official figures: each series with its chart and provenance; import a CSV; edit with an audit
trail; the metrics catalogue and its aliases."""

from __future__ import annotations

import streamlit as st

import appkit as kit
from factcheck import charts, figures, sources
from factcheck import store as store_q
from factcheck.figures import EDITABLE_FIELDS
from factcheck.store import StoreError

FORMAT_LABELS = {
    "figures": "This desk's figures CSV (or Parquet)",
    "fbi-cde": "FBI Crime Data Explorer, estimated crimes",
    "bls-laus": "BLS LAUS (county annual text file, or la.data)",
    "census-pep": "Census Bureau population estimates",
    "incidents": "A city's incident export (with a recipe)",
    "wide": "Any wide table (with a recipe)",
}

kit.page_setup(__file__)
st.title("Official figures")

status = kit.status(kit.db_key())
if status["demo"]:
    st.warning(
        "The demo figures are illustrative, made up for the demo newsroom: not official data.",
        icon=":material/warning:",
    )

tab_series, tab_import, tab_catalogue, tab_audit = st.tabs(
    ["Series", "Import", "Metrics and aliases", "Edit history"]
)

with tab_series:
    catalogue = kit.series(kit.db_key())
    if catalogue.empty:
        st.info("No official figures yet: import a CSV in the next tab.")
    else:
        st.caption(
            f"{status['counts']['figures']:,} official figures (every vintage) in"
            f" {len(catalogue):,} series"
        )
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
        # A metric, then one of its places: real files bring thousands of county series.
        s1, s2 = st.columns(2)
        metric_names = list(dict.fromkeys(catalogue.metric))
        chosen_metric = s1.selectbox("Metric", metric_names, key="fig_series_metric")
        of_metric = catalogue[catalogue.metric == chosen_metric]
        pick = s2.selectbox(
            "Place",
            range(len(of_metric)),
            format_func=lambda i: of_metric.place.iloc[i],
            key="fig_series",
        )
        info = of_metric.iloc[pick or 0]
        vintages = st.toggle("Show every vintage (revisions)", key="fig_vintages")
        data = kit.series_figures(kit.db_key(), info.metric, info.place, vintages)
        latest = data[data.latest] if vintages else data
        st.altair_chart(
            charts.series_chart(latest, label=info.label or info.metric, unit=info.unit),
            key="series_chart",
        )
        # Figures imported without the optional columns give missing values (NaN, a float).
        provenance = info.sources if isinstance(info.sources, str) else ""
        st.markdown(f"**Provenance:** {kit.md_text(provenance or 'no source given')}")
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
                    n = sources.edit_figures(
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
    st.markdown(
        "Import a publisher's file as it was released: the FBI's Crime Data Explorer estimates,"
        " BLS unemployment tables, Census population estimates, a city's incident export (with a"
        " recipe), or this desk's own CSV. Every row is checked and shown before anything is saved."
    )
    st.download_button(
        "CSV template",
        sources.template_csv(),
        file_name="figures-template.csv",
        mime="text/csv",
        key="fig_template",
        on_click="ignore",
    )
    f1, f2 = st.columns(2)
    fmt = f1.selectbox(
        "Format", sources.FORMATS, format_func=lambda f: FORMAT_LABELS[f], key="fig_format"
    )
    as_of = f2.date_input(
        "Release date (as of)",
        value=None,
        key="fig_as_of",
        help="The publisher's release date. A file that prints its own (the BLS footer) keeps"
        " it; a file without one and no date here is dated today, and you are told so.",
    )
    recipe = None
    if fmt in sources.NEEDS_RECIPE:
        r1, r2 = st.columns(2)
        shipped = r1.selectbox("Recipe", sources.shipped_recipes(fmt), key="fig_recipe_name")
        own = r2.file_uploader("or your own recipe (TOML)", type=["toml"], key="fig_recipe")
        recipe = own.getvalue() if own is not None else shipped
    upload = st.file_uploader(
        "Official figures file",
        key="fig_upload",
        help="The figures CSV: metric, place, period_start, period_end, value; optional unit,"
        " source, source_url, as_of, notes.",
    )
    if upload is None:
        kit.discard_upload()  # the file was removed: its temporary copy goes too
    elif upload.size > kit.MAX_UPLOAD_BYTES:
        st.error(
            f"{kit.md_text(upload.name)} is {upload.size / 1e6:,.0f} MB, over the"
            f" {kit.MAX_UPLOAD_BYTES // 1_000_000} MB the app takes: import a file this large with"
            " `python -m factcheck import-figures`."
        )
    else:
        try:
            with kit.get_store().read() as con:
                units = store_q.metric_units(con)
            checked = kit.checked_upload(upload, fmt, as_of, recipe, units)
        except figures.FiguresInvalid as exc:
            st.error(
                f"{kit.md_text(upload.name)}: {exc.total} bad row(s). Nothing was imported: "
                "fix them and upload again."
            )
            st.dataframe(
                [{"line": e.line, "reason": e.reason} for e in exc.errors],
                hide_index=True,
                width="stretch",
                key="fig_errors",
            )
            if exc.total > len(exc.errors):
                st.caption(f"The first {len(exc.errors):,} of {exc.total:,} bad rows.")
        except StoreError as exc:
            st.error(kit.md_text(str(exc)))
        else:
            st.success(f"{checked.rows} row(s) are valid. Nothing is saved until you import.")
            for warning in checked.warnings:
                st.warning(kit.md_text(warning))
            release = checked.release
            st.caption(
                kit.md_text(
                    f"Release: {release.source or release.file_name} · as of "
                    f"{release.as_of or 'each row'} ({release.as_of_from})"
                    + (" · " + "; ".join(checked.notes) if checked.notes else "")
                )
            )
            if checked.rows > len(checked.preview):
                st.caption(f"The first {len(checked.preview):,} rows:")
            st.dataframe(checked.preview, hide_index=True, key="fig_preview")
            if st.button("Import", type="primary", key="fig_import"):
                bar = st.progress(0.0, text=f"Importing {kit.md_text(upload.name)}…")
                step = kit.progress_bar(bar, upload.name)
                try:
                    # Read again from the checked file on disk, in the import's own transaction:
                    # the session never holds every row of a large file.
                    report = sources.import_file(
                        kit.get_store(),
                        checked.path,
                        checked.fmt,
                        as_of=checked.as_of,
                        recipe=checked.recipe,
                        progress=lambda f: step("importing", f),
                    )
                except (figures.FiguresInvalid, StoreError) as exc:
                    st.error(kit.md_text(str(exc)))
                else:
                    kit.invalidate()
                    st.success(kit.md_text(report.line))
                finally:
                    bar.empty()

    st.markdown("**Add a figure by hand**: it is kept as its own release, and claims re-checked.")
    with st.form("fig_add", clear_on_submit=True):
        a1, a2, a3 = st.columns(3)
        add_metric = a1.text_input("Metric", key="fig_add_metric", placeholder="guns_seized")
        add_place = a2.text_input("Place", key="fig_add_place", placeholder="Birmingham, Ala.")
        add_value = a3.number_input("Value", key="fig_add_value", value=None, format="%g")
        b1, b2, b3 = st.columns(3)
        add_start = b1.date_input("From", value=None, key="fig_add_start")
        add_end = b2.date_input("To", value=None, key="fig_add_end")
        add_as_of = b3.date_input("As of (release date)", value=None, key="fig_add_as_of")
        c1, c2 = st.columns(2)
        add_source = c1.text_input("Source", key="fig_add_source")
        add_url = c2.text_input("Source URL", key="fig_add_url")
        added = st.form_submit_button("Add the figure", key="fig_add_submit")
    if added:
        from factcheck.models import Figure

        figure = Figure(
            metric=add_metric.strip(),
            place=add_place.strip(),
            period_start=add_start,
            period_end=add_end,
            value=add_value,
            source=add_source.strip() or None,
            source_url=add_url.strip() or None,
            as_of=add_as_of,
        )
        try:
            line, _ = sources.add_figure(kit.get_store(), figure, editor="desk")
        except (figures.FiguresInvalid, StoreError) as exc:
            st.error(kit.md_text(str(exc)))
        else:
            kit.invalidate()
            st.success(kit.md_text(line))

with tab_catalogue:
    st.caption(f"{status['counts']['metrics']:,} metrics")
    st.dataframe(kit.metrics(kit.db_key()), hide_index=True, width="stretch", key="metrics_table")
    catalogue_file = st.file_uploader(
        "Upload a metrics catalogue (metric, label, unit, aliases, definition)",
        type=["csv"],
        key="metrics_upload",
    )
    if catalogue_file is not None and st.button("Store the catalogue", key="metrics_import"):
        try:
            line = sources.import_metrics(
                kit.get_store(), catalogue_file.getvalue(), source_name=catalogue_file.name
            )
        except (figures.FiguresInvalid, StoreError) as exc:
            st.error(kit.md_text(str(exc)))
        else:
            kit.invalidate()
            st.success(kit.md_text(line))
    st.markdown("**Place aliases**")
    st.dataframe(
        kit.place_aliases(kit.db_key()), hide_index=True, width="stretch", key="places_table"
    )

with tab_audit:
    st.markdown("**Releases**: every import, with the publisher's release date it carries.")
    try:
        with kit.get_store().read() as con:
            releases = store_q.releases(con)
    except StoreError as exc:
        st.error(kit.md_text(str(exc)))
    else:
        st.dataframe(releases, hide_index=True, width="stretch", key="releases_table")
    st.markdown("**Edits**")
    edits = kit.figure_edits(kit.db_key())
    if edits.empty:
        st.caption("No edits yet.")
    else:
        st.dataframe(edits, hide_index=True, width="stretch", key="edits_table")
