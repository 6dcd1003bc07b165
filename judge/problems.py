"""Loading and validating problem folders; a problem is data, never code inside the judge.

Problem folders, references and templates live at the repository's top level and are copied into
`judge/_data/` when a wheel is built; both layouts are found here.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

_PACKAGE = Path(__file__).resolve().parent
DIFFICULTIES = ("easy", "medium", "hard")
EXTRA_ROOT_ENV = "JUDGE_PROBLEMS_PATH"  # a course's own catalog: a directory holding problems/ and solutions/
KNOWN_DIR = "known"  # problems/<id>/known/*.py: the known submissions, in this repository and in a course catalog


class ProblemError(Exception):
    """A problem id that does not exist, or a problem folder that is malformed."""


def data_root() -> Path:
    bundled = _PACKAGE / "_data"
    return bundled if (bundled / "problems").is_dir() else _PACKAGE.parent


def problems_root() -> Path:
    return data_root() / "problems"


def extra_root() -> Path | None:
    """The directory named by $JUDGE_PROBLEMS_PATH (its problems/ and solutions/), searched before the built-ins."""
    value = os.environ.get(EXTRA_ROOT_ENV, "").strip()
    return Path(value).resolve() if value else None


def catalog_roots() -> list[Path]:
    """Every directory holding problems/ and solutions/: the extra one (if any) first, then the built-in one."""
    extra = extra_root()
    return ([extra] if extra is not None else []) + [data_root()]


def solutions_root() -> Path:
    return data_root() / "solutions"


def templates_root() -> Path:
    return data_root() / "templates"


@dataclass(frozen=True)
class Group:
    name: str
    points: int
    time_limit_s: float
    max_examples: int


@dataclass(frozen=True)
class Problem:
    id: str
    title: str
    difficulty: str
    tags: tuple[str, ...]
    module: str
    entry_points: tuple[str, ...]
    forbidden: tuple[str, ...]
    groups: tuple[Group, ...]
    memory_mb: int
    call_timeout_s: float
    preload: tuple[str, ...]
    folder: Path

    @property
    def statement_path(self) -> Path:
        return self.folder / "statement.md"

    @property
    def tests_dir(self) -> Path:
        return self.folder / "tests"

    @property
    def known_dir(self) -> Path:
        """`known/`: the known submissions, each with its `# expect:` line (never in the wheel, never in a sandbox)."""
        return self.folder / KNOWN_DIR

    @property
    def reference_path(self) -> Path:
        """`solutions/<module>.py` beside the `problems/` folder this problem lives in."""
        return self.folder.parent.parent / "solutions" / f"{self.module}.py"

    @property
    def max_score(self) -> int:
        return sum(g.points for g in self.groups)

    def group(self, name: str) -> Group:
        for group in self.groups:
            if group.name == name:
                return group
        raise KeyError(name)

    def statement(self) -> str:
        return self.statement_path.read_text(encoding="utf-8")


def _parse(folder: Path) -> dict:
    """problem.toml as a table; ProblemError (without the path) when it is missing or not TOML."""
    try:
        return tomllib.loads((folder / "problem.toml").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProblemError("not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProblemError(str(exc)) from None


def load_problem(folder: Path) -> Problem:
    """Parse and validate one problem folder; the first schema error, naming the file, is the ProblemError."""
    where = str(folder / "problem.toml")
    try:
        raw = _parse(folder)
    except ProblemError as exc:
        raise ProblemError(f"{where}: {exc}") from None
    errors = problem_errors(raw, folder)
    if errors:
        more = f" (and {len(errors) - 1} more: `judge verify {folder.name}` lists them)" if len(errors) > 1 else ""
        raise ProblemError(f"{where}: {errors[0]}{more}")
    limits = raw.get("limits", {})
    return Problem(
        id=raw["id"],
        title=raw["title"],
        difficulty=raw.get("difficulty", "medium"),
        tags=tuple(raw.get("tags", ())),
        module=raw["module"],
        entry_points=tuple(raw["entry_points"]),
        forbidden=tuple(raw.get("forbidden", ())),
        groups=tuple(Group(g["name"], g["points"], float(g["time_limit_s"]), g.get("max_examples", 0))
                     for g in raw["groups"]),
        memory_mb=limits.get("memory_mb", 1024),
        call_timeout_s=float(limits.get("call_timeout_s", 10.0)),
        preload=tuple(raw.get("preload", ())),
        folder=folder,
    )


def all_problems() -> dict[str, Problem]:
    """Every problem by id; a problem of the extra root hides a built-in one of the same id."""
    found: dict[str, Problem] = {}
    for root in reversed(catalog_roots()):
        found.update(_problems_under(root / "problems"))
    return dict(sorted(found.items()))


@lru_cache(maxsize=8)
def _problems_under(root: Path) -> dict[str, Problem]:
    found = {}
    for folder in sorted(p for p in root.iterdir() if (p / "problem.toml").is_file()) if root.is_dir() else []:
        problem = load_problem(folder)
        found[problem.id] = problem
    return found


def clear_cache() -> None:
    """Forget loaded problem folders (after `judge new` wrote one, or a test edited one)."""
    _problems_under.cache_clear()


def get_problem(problem_id: str) -> Problem:
    problems = all_problems()
    if problem_id in problems:
        return problems[problem_id]
    close = difflib.get_close_matches(problem_id, list(problems), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else "; `judge list` shows them all"
    raise ProblemError(f"unknown problem {problem_id!r}{hint}")


# -- the problem.toml schema: loading raises its first error, `judge verify` lists them all -----------------------

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")  # kebab-case: the folder name and the problem id
PROBLEM_POINTS = 100  # what every problem is worth: its groups' points add up to this


def problem_points(problem_id: str) -> int:
    """What a problem is worth in a grading: its groups' points, which the schema holds at PROBLEM_POINTS.
    Raises ProblemError for an unknown id."""
    return get_problem(problem_id).max_score


@dataclass(frozen=True)
class _Key:
    what: str                          # what the value must be, for the error message
    valid: Callable[[object], bool]
    required: bool = False


def _is_int(value: object, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _is_positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def _is_names(value: object) -> bool:
    return (isinstance(value, list) and all(isinstance(v, str) and v for v in value)
            and len(set(value)) == len(value))


_NAMES = "a list of distinct non-empty strings"
_TOP = {
    "id": _Key("a kebab-case string", lambda v: isinstance(v, str) and bool(ID_PATTERN.match(v)), required=True),
    "title": _Key("a non-empty string", lambda v: isinstance(v, str) and bool(v.strip()), required=True),
    "difficulty": _Key(f"one of {', '.join(DIFFICULTIES)}", lambda v: v in DIFFICULTIES),
    "tags": _Key(_NAMES, _is_names),
    "module": _Key("a string", lambda v: isinstance(v, str), required=True),
    "entry_points": _Key("a non-empty list of distinct Python identifiers",
                         lambda v: _is_names(v) and bool(v) and all(name.isidentifier() for name in v), required=True),
    "forbidden": _Key(_NAMES, _is_names),
    "preload": _Key(_NAMES, _is_names),
    "limits": _Key("a table", lambda v: isinstance(v, dict)),
    "groups": _Key("a non-empty list of tables ([[groups]])",
                   lambda v: isinstance(v, list) and bool(v) and all(isinstance(g, dict) for g in v), required=True),
}
_LIMITS = {
    "memory_mb": _Key("a positive int", lambda v: _is_int(v, 1)),
    "call_timeout_s": _Key("a positive number", _is_positive),
}
_GROUP = {
    "name": _Key("a non-empty string", lambda v: isinstance(v, str) and bool(v), required=True),
    "points": _Key("an int >= 1", lambda v: _is_int(v, 1), required=True),
    "time_limit_s": _Key("a positive number", _is_positive, required=True),
    "max_examples": _Key("an int >= 0", lambda v: _is_int(v, 0)),
}


def _table_errors(table: dict, keys: dict[str, _Key], where: str = "") -> list[str]:
    """Unknown keys (typos), missing required ones, and values that are not what they must be."""
    place = f" in {where}" if where else ""
    errors = [f"unknown key {key!r}{place}" for key in table if key not in keys]
    for key, rule in keys.items():
        if key not in table:
            errors += [f"missing key {key!r}{place}"] if rule.required else []
        elif not rule.valid(table[key]):
            errors.append(f"{key!r}{place} must be {rule.what}")
    return errors


def problem_errors(raw: dict, folder: Path) -> list[str]:
    """Every way a parsed problem.toml breaks the schema (empty when it is valid): the keys and their values,
    then the rules across keys (id = folder name, module = id with '_', distinct group names, 100 points)."""
    errors = _table_errors(raw, _TOP)
    good = {key for key, rule in _TOP.items() if key in raw and rule.valid(raw[key])}
    if "limits" in good:
        errors += _table_errors(raw["limits"], _LIMITS, "[limits]")
    groups = raw["groups"] if "groups" in good else []
    for number, group in enumerate(groups, 1):
        name = group.get("name")
        errors += _table_errors(group, _GROUP, f"group {name!r}" if isinstance(name, str) else f"group #{number}")
    if "id" in good and raw["id"] != folder.name:
        errors.append(f"id {raw['id']!r} does not match the folder name {folder.name!r}")
    if {"id", "module"} <= good and raw["module"] != raw["id"].replace("-", "_"):
        errors.append(f"module must be {raw['id'].replace('-', '_')!r} (the id with '-' -> '_')")
    names = [g["name"] for g in groups if isinstance(g.get("name"), str)]
    errors += [f"group name {name!r} is used twice" for name in sorted({n for n in names if names.count(n) > 1})]
    points = [g.get("points") for g in groups]
    if groups and all(_is_int(p, 1) for p in points) and sum(points) != PROBLEM_POINTS:
        errors.append(f"the groups' points add up to {sum(points)}, not {PROBLEM_POINTS}")
    return errors


def schema_errors(folder: Path) -> list[str]:
    """Every schema error of the folder's problem.toml (`judge verify`); `load_problem` raises the first."""
    try:
        return problem_errors(_parse(folder), folder)
    except ProblemError as exc:
        return [str(exc)]


def folder_of(problem_id: str) -> Path | None:
    """The folder `get_problem` would load for this id (the extra root first), found without loading any other."""
    for root in catalog_roots():
        if (root / "problems" / problem_id / "problem.toml").is_file():
            return root / "problems" / problem_id
    return None
