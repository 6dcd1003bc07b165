"""`grading.toml`, a course's grading manifest: the problems and their weights, and defaults for the options."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from judge.grading.model import GradingError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib


@dataclass(frozen=True)
class Manifest:
    """`grading.toml`: what a course grades and how; command-line options override it."""

    problems: tuple[str, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)
    seed: int | None = None
    sandbox: str | None = None
    workers: int | None = None
    max_examples: int | None = None
    timeout_s: float | None = None
    fail_under: float | None = None


def load_manifest(path: Path) -> Manifest:
    where = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GradingError(f"cannot read the manifest {where}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GradingError(f"{where}: {exc}") from None
    unknown = set(raw) - {"grading", "problems"}
    if unknown:
        raise GradingError(f"{where}: unknown table {sorted(unknown)[0]!r} (expected [grading] and [[problems]])")
    settings = raw.get("grading", {})
    allowed = {"seed", "sandbox", "workers", "max_examples", "timeout_s", "fail_under"}
    if not isinstance(settings, dict) or set(settings) - allowed:
        bad = sorted(set(settings) - allowed)[0] if isinstance(settings, dict) else "grading"
        raise GradingError(f"{where}: unknown key {bad!r} in [grading] (known: {', '.join(sorted(allowed))})")
    problems: list[str] = []
    weights: dict[str, float] = {}
    for row in raw.get("problems", []):
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            raise GradingError(f"{where}: every [[problems]] needs an id")
        weight = row.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
            raise GradingError(f"{where}: weight of {row['id']!r} must be a number >= 0")
        problems.append(row["id"])
        weights[row["id"]] = float(weight)
    for key, kind in (("seed", int), ("workers", int), ("max_examples", int), ("sandbox", str),
                      ("timeout_s", (int, float)), ("fail_under", (int, float))):
        value = settings.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, kind)):
            raise GradingError(f"{where}: [grading] {key} has the wrong type ({type(value).__name__})")
    return Manifest(tuple(problems), weights, settings.get("seed"), settings.get("sandbox"), settings.get("workers"),
                    settings.get("max_examples"), settings.get("timeout_s"), settings.get("fail_under"))
