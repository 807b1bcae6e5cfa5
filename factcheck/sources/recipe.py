"""Recipes: small TOML files that say how to read a city's incident export or any wide table.

Loaded and checked here (unknown keys, a missing column, an unknown date format are refused with
the recipe's name and the key), so the readers get a plain dataclass. See `recipes/README.md`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.models import Metric
from factcheck.sources import common

# strptime codes DuckDB and Python share; a date format must hold a year, a month and a day.
_DIRECTIVES = set("YymdbBHIMSpfjzZaAe%")


@dataclass
class Recipe:
    name: str
    data: dict
    metrics: list[Metric] = field(default_factory=list)


def load(path: Path, kind: str) -> Recipe:
    """A recipe file of `kind` ("incidents" or "wide"); FiguresInvalid names what is wrong."""
    path = Path(path)
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise common.fail(0, f"cannot read the recipe: {exc.strerror or exc}", name) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise common.fail(0, f"not a TOML recipe: {exc}", name) from exc
    if data.get("format") != kind:
        raise common.fail(0, f"a recipe for --format {kind} says format = {kind!r}", name)
    metrics = []
    for metric, spec in (data.get("metrics") or {}).items():
        if not isinstance(spec, dict) or not spec.get("label"):
            raise common.fail(0, f"metrics.{metric} needs a label", name)
        metrics.append(
            Metric(
                metric,
                str(spec["label"]),
                str(spec.get("unit", "count")),
                [str(a) for a in spec.get("aliases", [])],
                spec.get("definition"),
            )
        )
    return Recipe(name, data, metrics)


def need(recipe: Recipe, *keys: str):
    """recipe.data[k1][k2]..., or a one-line error naming the missing key."""
    node = recipe.data
    for i, key in enumerate(keys):
        if not isinstance(node, dict) or key not in node or node[key] in ("", None):
            raise common.fail(0, f"the recipe has no {'.'.join(keys[: i + 1])}", recipe.name)
        node = node[key]
    return node


def check_column(recipe: Recipe, header: list[str], column: str, what: str) -> None:
    if column not in header:
        near = [
            h for h in header if h.lower().replace(" ", "_") == column.lower().replace(" ", "_")
        ]
        hint = f" (the file has {near[0]!r})" if near else ""
        raise common.fail(
            1,
            f"recipe {recipe.name}: the {what} column {column!r} is not in the header{hint}",
            recipe.name,
        )


def check_date_format(recipe: Recipe, fmt: str, *, day: bool = True) -> None:
    """A strptime format with a year, a month (or day of year) and, unless `day` is False (a
    month column), a day."""
    codes = re.findall(r"%-?(.)", fmt)
    unknown = [c for c in codes if c not in _DIRECTIVES]
    has_day = {"d", "e", "j"} & set(codes) if day else {"m", "b", "B"} & set(codes)
    if not codes or unknown or not ({"Y", "y"} & set(codes)) or not has_day:
        raise common.fail(
            0,
            f"recipe {recipe.name}: unknown date format {fmt!r} (strptime codes, such as"
            " '%m/%d/%Y %I:%M:%S %p' or '%Y-%m-%d')",
            recipe.name,
        )
