"""Bench: memory of validating a large figures CSV uploaded in the app (Official figures -> Import),
and of importing it with `import-figures`.

Writes a figures CSV of each given size (default 200 MB and the app's 50 MB cap, made-up rows),
then in a fresh process per method:
- `whole`: the validator before it streamed: the whole file read into one frame of text columns
  and checked at once (`figures._read_csv_frame` + `figures.validate_frame`), the upload's bytes
  held in memory as Streamlit holds them;
- `streamed`: the page now: `appkit.check_upload` copies the upload to a temporary file 8 MB at
  a time and checks it there `figures.CHUNK_ROWS` rows at a time (clean rows to a Parquet file,
  duplicates in SQL over all of them); the session keeps a 500-row preview;
- `cli-import`: `sources.import_file` (what `import-figures` runs) into an empty store: the same
  streamed check, then the insert read set-based from the Parquet file.

Prints per method: the peak memory (ru_maxrss) above what the process held before the work (for
the upload methods: once the upload was in memory), the rows the session keeps in memory
afterwards (pandas' deep memory use of the frame kept for the Import button), rows and seconds.

Run: .venv/bin/python bench/upload_memory.py [MEGABYTES ...]
"""

from __future__ import annotations

import gc
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_csv(path: Path, megabytes: float) -> int:
    """Made-up yearly counts for many towns, written until the file reaches the size."""
    target = int(megabytes * 1024 * 1024)
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("metric,place,period_start,period_end,value,unit,source,source_url,as_of\n")
        written = 0
        block = []
        while written < target:
            year = 2000 + rows % 25
            line = (
                f"bench_visits,Town {rows // 25:07d},{year}-01-01,{year}-12-31,{rows % 9973},"
                "count,Bench generator,https://example.org/bench,2026-01-02\n"
            )
            block.append(line)
            written += len(line)
            rows += 1
            if len(block) == 10_000:
                out.write("".join(block))
                block = []
        out.write("".join(block))
    return rows


def child(method: str, csv: Path) -> dict:
    import appkit  # noqa: F401 - imported before measuring, as in the running app
    from factcheck import figures, sources
    from factcheck.store import Store

    if method == "cli-import":
        return cli_import(csv, sources, Store)
    data = csv.read_bytes()
    upload = io.BytesIO(data)  # Streamlit's UploadedFile is a BytesIO over the uploaded bytes
    upload.size = len(data)  # type: ignore[attr-defined]
    del data
    gc.collect()
    held_before, peak_before = _rss_mb(), _peak_mb()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fc-upload-bench-") as tmp:
        if method == "whole":
            frame = figures._read_csv_frame(upload.getvalue())
            frame, errors = figures.validate_frame(frame, units={})
            assert not errors
            rows = len(frame)
        else:
            kept = appkit.check_upload(upload, csv.name, "figures", folder=Path(tmp), units={})
            rows, frame = kept.rows, kept.preview
        seconds = time.monotonic() - began
        # What the session keeps between reruns: the rows held in memory for the Import button.
        kept_mb = frame.memory_usage(deep=True).sum() / 1e6
    return {
        "method": method,
        "upload_mb": round(upload.size / 1e6, 1),  # type: ignore[attr-defined]
        "rows": rows,
        "seconds": round(seconds, 1),
        "peak_above_upload_mb": round(max(_peak_mb() - max(peak_before, held_before), 0), 1),
        "peak_process_mb": round(_peak_mb(), 1),
        "kept_for_session_mb": round(kept_mb, 1),
    }


def cli_import(csv: Path, sources, store_class) -> dict:
    with tempfile.TemporaryDirectory(prefix="fc-import-bench-") as tmp:
        store = store_class(Path(tmp) / "bench.duckdb")
        with store.read():
            pass  # the store made and migrated before measuring
        gc.collect()
        held_before, peak_before = _rss_mb(), _peak_mb()
        began = time.monotonic()
        report = sources.import_file(store, csv)
        seconds = time.monotonic() - began
    return {
        "method": "cli-import",
        "rows": report.imported.new_rows,
        "seconds": round(seconds, 1),
        "peak_above_start_mb": round(max(_peak_mb() - max(peak_before, held_before), 0), 1),
        "peak_process_mb": round(_peak_mb(), 1),
    }


def main(sizes: list[float]) -> int:
    reports = [one_size(megabytes) for megabytes in sizes]
    print(json.dumps(reports, indent=2))
    return 0 if all("error" not in m for r in reports for m in r["methods"]) else 1


def one_size(megabytes: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="fc-upload-") as tmp:
        csv = Path(tmp) / f"figures-{megabytes:g}mb.csv"
        rows = write_csv(csv, megabytes)
        report = {"file_mb": round(csv.stat().st_size / 1e6, 1), "rows": rows, "methods": []}
        for method in ("whole", "streamed", "cli-import"):
            done = subprocess.run(
                [sys.executable, __file__, "--child", method, str(csv)],
                cwd=ROOT, capture_output=True, text=True, timeout=3600,
            )  # fmt: skip
            if done.returncode != 0:
                report["methods"].append({"method": method, "error": done.stderr[-2000:]})
                continue
            report["methods"].append(json.loads(done.stdout.strip().splitlines()[-1]))
    return report


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], Path(sys.argv[3]))))
        sys.exit(0)
    sys.exit(main([float(a) for a in sys.argv[1:]] or [200.0, 50.0]))
