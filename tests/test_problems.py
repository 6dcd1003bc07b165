"""Problem folders are valid data and match the binding catalog; stubs are generated, never hand-written."""

from __future__ import annotations

import ast
import re

import pytest
from conftest import REPO, known_submissions

from judge.problems import all_problems, get_problem
from judge.stubs import render_stub
from judge.verify import expected_of, name_error

PROBLEMS = sorted(all_problems())
CATALOG = REPO.parent / "shared" / "catalog.md"


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_problem_folder_is_complete(problem_id: str) -> None:
    problem = get_problem(problem_id)
    assert problem.max_score == 100
    assert problem.statement_path.is_file() and "Example" in problem.statement()
    assert problem.reference_path.is_file()
    assert list(problem.tests_dir.glob("test_*.py"))


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_known_submissions_sit_beside_the_problem_named_for_their_verdict(problem_id: str) -> None:
    known = known_submissions(problem_id)
    assert known and all(path.parent == get_problem(problem_id).known_dir for path in known)
    expected = {path.name: expected_of(path) for path in known}
    assert None not in expected.values(), expected
    assert [error for path in known if (error := name_error(path, expected[path.name]))] == []


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_entry_points_match_the_catalog(problem_id: str) -> None:
    if not CATALOG.is_file():
        pytest.skip("../shared/catalog.md is not beside the checkout")
    row = next(line for line in CATALOG.read_text(encoding="utf-8").splitlines()
               if line.startswith(f"| `{problem_id}` |"))
    cell = row.split("|")[3]
    for name in get_problem(problem_id).entry_points:
        assert re.search(rf"\b{re.escape(name)}\b", cell), f"{name} is not in the catalog's entry points: {cell}"


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_stub_keeps_signatures_and_raises(problem_id: str) -> None:
    problem = get_problem(problem_id)
    stub = ast.parse(render_stub(problem))
    reference = ast.parse(problem.reference_path.read_text(encoding="utf-8"))

    def signatures(tree: ast.Module) -> dict[str, str]:
        out = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in problem.entry_points:
                out[node.name] = ast.unparse(node.args)
            elif isinstance(node, ast.ClassDef) and node.name in problem.entry_points:
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and (not item.name.startswith("_") or item.name == "__init__"):
                        out[f"{node.name}.{item.name}"] = ast.unparse(item.args)
        return out

    assert signatures(stub) == signatures(reference)
    assert set(problem.entry_points) <= {n.name for n in stub.body if hasattr(n, "name")}
    bodies = [n for n in ast.walk(stub) if isinstance(n, ast.FunctionDef)]
    assert bodies and all(isinstance(f.body[-1], ast.Raise) for f in bodies)
    assert ast.get_docstring(stub)
