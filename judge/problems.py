"""Loading and validating problem folders; a problem is data, never code inside the judge.

Problem folders, references and templates live at the repository's top level and are copied into
`judge/_data/` when a wheel is built; both layouts are found here.
"""

from __future__ import annotations

import difflib
import os
import re
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


def _require(table: dict, key: str, kind: type | tuple, where: str) -> object:
    if key not in table:
        raise ProblemError(f"{where}: missing key {key!r}")
    value = table[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ProblemError(f"{where}: {key!r} has the wrong type ({type(value).__name__})")
    return value


def _load_group(raw: dict, where: str) -> Group:
    return Group(
        name=str(_require(raw, "name", str, where)),
        points=int(_require(raw, "points", int, where)),
        time_limit_s=float(_require(raw, "time_limit_s", (int, float), where)),
        max_examples=int(raw.get("max_examples", 0)),
    )


def load_problem(folder: Path) -> Problem:
    """Parse and validate one problem folder, with errors that name the file and the key."""
    where = str(folder / "problem.toml")
    try:
        raw = tomllib.loads((folder / "problem.toml").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProblemError(f"{where}: not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError(f"{where}: {exc}") from None
    problem_id = str(_require(raw, "id", str, where))
    if problem_id != folder.name:
        raise ProblemError(f"{where}: id {problem_id!r} does not match the folder name {folder.name!r}")
    module = str(_require(raw, "module", str, where))
    if module != problem_id.replace("-", "_"):
        raise ProblemError(f"{where}: module must be {problem_id.replace('-', '_')!r}")
    difficulty = str(raw.get("difficulty", "medium"))
    if difficulty not in DIFFICULTIES:
        raise ProblemError(f"{where}: difficulty must be one of {', '.join(DIFFICULTIES)}")
    groups = tuple(_load_group(g, f"{where} [[groups]]") for g in _require(raw, "groups", list, where))
    if not groups:
        raise ProblemError(f"{where}: at least one group is needed")
    names = [g.name for g in groups]
    if len(set(names)) != len(names):
        raise ProblemError(f"{where}: duplicate group names")
    limits = raw.get("limits", {})
    return Problem(
        id=problem_id,
        title=str(_require(raw, "title", str, where)),
        difficulty=difficulty,
        tags=tuple(raw.get("tags", ())),
        module=module,
        entry_points=tuple(_require(raw, "entry_points", list, where)),
        forbidden=tuple(raw.get("forbidden", ())),
        groups=groups,
        memory_mb=int(limits.get("memory_mb", 1024)),
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


# -- validation beyond loading (`judge verify`, `judge new`) -------------------------------------------------

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")  # kebab-case: the folder name and the problem id
_TOP_KEYS = {"id", "title", "difficulty", "tags", "module", "entry_points", "forbidden", "preload", "limits", "groups"}
_LIMIT_KEYS = {"memory_mb": int, "call_timeout_s": (int, float)}
_GROUP_KEYS = {"name", "points", "time_limit_s", "max_examples"}


def _str_list_error(raw: dict, key: str) -> str | None:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        return f"{key!r} must be a list of non-empty strings"
    if len(set(value)) != len(value):
        return f"{key!r} lists a name twice"
    return None


def schema_errors(folder: Path) -> list[str]:
    """What `load_problem` lets pass but a problem.toml must not have: unknown keys (typos), wrong list types,
    entry points that are not identifiers, non-positive limits, points that do not add up to 100."""
    try:
        raw = tomllib.loads((folder / "problem.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return [str(exc)]
    errors = [f"unknown key {key!r}" for key in sorted(set(raw) - _TOP_KEYS)]
    if not ID_PATTERN.match(folder.name):
        errors.append(f"the id {folder.name!r} is not kebab-case")
    errors += [e for key in ("tags", "entry_points", "forbidden", "preload") if (e := _str_list_error(raw, key))]
    entries = raw.get("entry_points", [])
    if not entries:
        errors.append("'entry_points' is empty")
    elif isinstance(entries, list):
        errors += [f"entry point {e!r} is not a Python identifier" for e in entries
                   if isinstance(e, str) and not e.isidentifier()]
    limits = raw.get("limits", {})
    if not isinstance(limits, dict):
        errors.append("[limits] must be a table")
        limits = {}
    errors += [f"unknown key {key!r} in [limits]" for key in sorted(set(limits) - set(_LIMIT_KEYS))]
    errors += [f"[limits] {key} must be a positive number" for key, kind in _LIMIT_KEYS.items()
               if key in limits and (isinstance(limits[key], bool) or not isinstance(limits[key], kind)
                                     or limits[key] <= 0)]
    groups = raw.get("groups", [])
    for group in groups if isinstance(groups, list) else []:
        name = group.get("name", "?") if isinstance(group, dict) else "?"
        if not isinstance(group, dict):
            errors.append("[[groups]] entries must be tables")
            continue
        errors += [f"unknown key {key!r} in group {name!r}" for key in sorted(set(group) - _GROUP_KEYS)]
        for key in ("points", "max_examples"):
            value = group.get(key, 0)
            if isinstance(value, bool) or not isinstance(value, int) or value < (key == "points"):
                errors.append(f"group {name!r}: {key} must be an int >= {int(key == 'points')}")
        limit = group.get("time_limit_s")
        if isinstance(limit, bool) or not isinstance(limit, int | float) or limit <= 0:
            errors.append(f"group {name!r}: time_limit_s must be a positive number")
    points = [g.get("points") for g in groups if isinstance(g, dict)] if isinstance(groups, list) else []
    if all(isinstance(p, int) for p in points) and sum(points) != 100:
        errors.append(f"the groups' points add up to {sum(points)}, not 100")
    return errors


def folder_of(problem_id: str) -> Path | None:
    """The folder `get_problem` would load for this id (the extra root first), found without loading any other."""
    for root in catalog_roots():
        if (root / "problems" / problem_id / "problem.toml").is_file():
            return root / "problems" / problem_id
    return None
