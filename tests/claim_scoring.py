"""Scoring of claim cases in the real-copy format (`tests/data/claim_cases/real_style/`): a
prediction matches the first unmatched gold claim whose key lies inside its span; fields are then
compared as that format's README says (lists accept any member; period by containment; speaker by
surname)."""

from __future__ import annotations

from dataclasses import dataclass, field

FIELDS = ("unit", "qualifier", "change", "direction", "subject", "period", "speaker")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: dict[str, int] = field(default_factory=dict)
    scored: dict[str, int] = field(default_factory=dict)

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    def accuracy(self, name: str) -> float:
        return self.right.get(name, 0) / self.scored[name] if self.scored.get(name) else 1.0


def _norm(value) -> str | None:
    return None if value is None else str(value).lower().replace("_", " ")


def field_right(name: str, got, want) -> bool:
    accepted = want if isinstance(want, list) else [want]
    if name == "subject" and got is None:
        return None in accepted
    if got is None:
        return False
    if name == "period":
        g = got.lower()
        return any(a and (a.lower() in g or (g in a.lower() and len(g) >= 0.6 * len(a)))
                   for a in accepted)  # fmt: skip
    if name == "speaker":
        return any(a and a.split()[-1].lower() in got.lower() for a in accepted)
    return _norm(got) in {_norm(a) for a in accepted if a is not None}


def score_case(record: dict, predictions: list[dict], total: Score) -> list[str]:
    """Adds one passage to `total`; returns its misses as lines."""
    misses: list[str] = []
    gold = record["claims"]
    matched = [False] * len(gold)
    for p in sorted(predictions, key=lambda c: c["start"]):
        hit = next((i for i, g in enumerate(gold) if not matched[i]
                    and p["start"] <= g["key_start"] and g["key_end"] <= p["end"]), None)  # fmt: skip
        if hit is None:
            optional = any(p["start"] < o["end"] and o["start"] < p["end"]
                           for o in record.get("optional", []))  # fmt: skip
            if not optional:
                total.fp += 1
                misses.append(f"extra {p['text']!r}")
            continue
        matched[hit] = True
        total.tp += 1
        g = gold[hit]
        for name in FIELDS:
            want = g.get(name)
            if want is None or (name == "direction" and g.get("change") in ("level", ["level"])):
                continue
            total.scored[name] = total.scored.get(name, 0) + 1
            if field_right(name, p.get(name), want):
                total.right[name] = total.right.get(name, 0) + 1
            else:
                misses.append(f"{name} {g['anchor']!r}: got {p.get(name)!r} want {want!r}")
    for i, g in enumerate(gold):
        if not matched[i]:
            total.fn += 1
            misses.append(f"missed {g['anchor']!r}")
    return misses
