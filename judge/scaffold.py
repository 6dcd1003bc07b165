"""`judge new`: a new problem's folder (with known/ for known submissions) and reference, from `templates/new/`.

What it writes is meant to work at once: the hidden tests are real tests (examples, generated inputs, corner cases,
a timed large input, all against the reference), so after the reference is written `judge verify` judges them.
"""

from __future__ import annotations

import keyword
from pathlib import Path

from judge.examples import EXAMPLES_FILE, parse_examples, tomllib, with_examples
from judge.problems import (
    DIFFICULTIES,
    ID_PATTERN,
    KNOWN_DIR,
    catalog_roots,
    extra_root,
)
from judge.templating import environment

# template under templates/new/ -> where it goes, relative to the catalog root
FILES = {
    "problem.toml.j2": "problems/{id}/problem.toml",
    "statement.md.j2": "problems/{id}/statement.md",
    "examples.toml.j2": "problems/{id}/examples.toml",
    "tests/conftest.py.j2": "problems/{id}/tests/conftest.py",
    "tests/test_properties.py.j2": "problems/{id}/tests/test_properties.py",
    "tests/test_edge_cases.py.j2": "problems/{id}/tests/test_edge_cases.py",
    "tests/test_performance.py.j2": "problems/{id}/tests/test_performance.py",
    "reference.py.j2": "solutions/{module}.py",
    "known/README.md.j2": "problems/{id}/known/README.md",
}


class ScaffoldError(Exception):
    """A bad id, an id that exists, or nowhere sensible to write (a usage error for the CLI)."""


def _installed(path: Path) -> bool:
    """Inside an installed package (site-packages, or the judge's bundled data), which is no place for authors."""
    bundled = Path(__file__).resolve().parent
    return any(part in ("site-packages", "dist-packages") for part in path.parts) or path.is_relative_to(bundled)


def default_root() -> Path:
    """$JUDGE_PROBLEMS_PATH when set, else the current directory: never the judge's own checkout or installation
    unless the author is in it (or names it with --root)."""
    extra = extra_root()
    if extra is not None:
        return extra
    root = Path.cwd()
    if _installed(root.resolve()):
        raise ScaffoldError("no catalog to write into: set JUDGE_PROBLEMS_PATH to a directory (or pass --root DIR)")
    return root


def check_new(problem_id: str, root: Path, entry: str) -> None:
    """Refuse an id that is not kebab-case or that exists in any catalog (or in `root`), and a bad entry point."""
    if not ID_PATTERN.match(problem_id):
        raise ScaffoldError(f"{problem_id!r} is not a kebab-case id (lower-case letters, digits and single '-', "
                            "starting with a letter, e.g. 'two-sum')")
    if not entry.isidentifier() or keyword.iskeyword(entry):
        raise ScaffoldError(f"{entry!r} is not a valid Python name for an entry point")
    if _installed(root.resolve()):
        raise ScaffoldError(f"{root} is inside an installed package; write to your own catalog "
                            "(JUDGE_PROBLEMS_PATH or --root DIR)")
    module = problem_id.replace("-", "_")
    for catalog in dict.fromkeys([root.resolve(), *catalog_roots()]):
        if (catalog / "problems" / problem_id).exists():
            raise ScaffoldError(f"problem {problem_id!r} exists already: {catalog / 'problems' / problem_id}")
    if (root / "solutions" / f"{module}.py").exists():
        raise ScaffoldError(f"{root / 'solutions' / f'{module}.py'} exists already")


def _title(problem_id: str) -> str:
    return " ".join(word.capitalize() for word in problem_id.split("-"))


def scaffold(problem_id: str, root: Path, *, title: str | None = None, difficulty: str = "medium",
             entry: str | None = None) -> list[Path]:
    """Write the new problem under `root` (its folder with known/, and its reference); the paths written."""
    module = problem_id.replace("-", "_")
    entry = entry or module
    check_new(problem_id, root, entry)
    if difficulty not in DIFFICULTIES:
        raise ScaffoldError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
    env = environment()
    values = {"id": problem_id, "module": module, "entry": entry, "difficulty": difficulty,
              "title": title or _title(problem_id)}
    rendered = {}  # all rendered before anything is written
    for template, target in FILES.items():
        path = root / target.format(id=problem_id, module=module)
        rendered[path] = env.get_template(f"new/{template}").render(values)
    folder = root / "problems" / problem_id
    examples = parse_examples(tomllib.loads(rendered[folder / EXAMPLES_FILE]), (entry,))
    rendered[folder / "statement.md"] = with_examples(rendered[folder / "statement.md"], examples)
    rendered = list(rendered.items())
    for path, text in rendered:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [path for path, _ in rendered]


def next_steps(problem_id: str, root: Path) -> str:
    """What the author does next, with the paths as they are on this machine."""
    module = problem_id.replace("-", "_")
    folder = root / "problems" / problem_id
    env_hint = "" if root.resolve() in catalog_roots() else f"JUDGE_PROBLEMS_PATH={root} "
    return "\n".join([
        "Next:",
        f"  1. write the statement      {folder / 'statement.md'}",
        f"  2. write the reference      {root / 'solutions' / f'{module}.py'}",
        f"  3. write the examples       {folder / EXAMPLES_FILE} (then: python -m judge.examples --write {problem_id})",
        f"  4. adapt the hidden tests   {folder / 'tests'} (the check fixture, input strategies, corner cases, sizes)",
        f"  5. add known submissions    {folder / KNOWN_DIR} (>=1 correct, >=6 wrong, see README.md)",
        f"  6. check it all             {env_hint}judge verify {problem_id}",
    ])
