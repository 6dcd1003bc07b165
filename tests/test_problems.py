"""Problem folders are valid data and match the binding catalog; stubs are generated, never hand-written."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, known_submissions

from judge.examples import load_examples, stale_statement
from judge.harness import group_of_file
from judge.problems import PROBLEM_POINTS, ProblemError, all_problems, get_problem, load_problem, schema_errors
from judge.runner import load_reference
from judge.stubs import render_stub
from judge.testing import example_disagreement
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
def test_examples_are_data_the_statement_shows_and_the_reference_gives(problem_id: str) -> None:
    problem = get_problem(problem_id)
    examples = load_examples(problem)
    assert examples, "every problem keeps its public examples in examples.toml"
    assert stale_statement(problem) is None  # else: python -m judge.examples --write <id>
    reference = load_reference(problem)
    assert [why for example in examples if (why := example_disagreement(example, reference))] == []
    assert not (problem.tests_dir / "test_examples.py").exists()  # the harness judges the examples


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_hidden_tests_take_their_group_from_their_file_name(problem_id: str) -> None:
    problem = get_problem(problem_id)
    groups = {g.name for g in problem.groups}
    for path in problem.tests_dir.glob("test_*.py"):
        assert group_of_file(path.name) in groups, path.name
        assert "pytest.mark.group(" not in path.read_text(encoding="utf-8"), f"{path.name}: a redundant marker"


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_known_submissions_sit_beside_the_problem_named_for_their_verdict(problem_id: str) -> None:
    known = known_submissions(problem_id)
    assert known and all(path.parent == get_problem(problem_id).known_dir for path in known)
    expected = {path.name: expected_of(path) for path in known}
    assert None not in expected.values(), expected
    assert [error for path in known if (error := name_error(path, expected[path.name]))] == []


# (replace in problem.toml, with) -> an error the schema must give; the toy problem is valid before the change
BROKEN = [
    (('title = "Toy"', 'title = 3'), "'title' must be a non-empty string"),
    (('title = "Toy"\n', ''), "missing key 'title'"),
    (('difficulty = "easy"', 'difficulty = "trivial"'), "'difficulty' must be one of easy, medium, hard"),
    (('entry_points = ["add"]', 'entry_points = ["add", "add"]'), "'entry_points' must be a non-empty list"),
    (('entry_points = ["add"]', 'entry_points = ["a-b"]'), "Python identifiers"),
    (('entry_points = ["add"]', 'entry_points = []'), "'entry_points' must be a non-empty list"),
    (('entry_points = ["add"]', 'entry_points = ["add"]\nforbidden = "sum"'), "'forbidden' must be a list"),
    (('module = "toy_add"', 'module = "toyadd"'), "module must be 'toy_add'"),
    (('id = "toy-add"', 'id = "toy-sub"'), "does not match the folder name 'toy-add'"),
    (('call_timeout_s = 5.0', 'call_timeout_s = 0'), "'call_timeout_s' in [limits] must be a positive number"),
    (('call_timeout_s = 5.0', 'call_timout_s = 5.0'), "unknown key 'call_timout_s' in [limits]"),
    (('points = 20', 'points = true'), "'points' in group 'budget' must be an int >= 1"),
    (('points = 20', 'points = 10'), "the groups' points add up to 90, not 100"),
    (('name = "budget"', 'name = "basic"'), "group name 'basic' is used twice"),
    (('time_limit_s = 2', 'time_limit = 2'), "missing key 'time_limit_s' in group 'budget'"),
    (('max_examples = 50', 'max_examples = -1'), "'max_examples' in group 'props' must be an int >= 0"),
    (('name = "budget"\n', ''), "missing key 'name' in group #3"),
]


@pytest.mark.parametrize(("change", "error"), BROKEN, ids=[e for _, e in BROKEN])
def test_one_schema_for_loading_and_verify(tmp_path: Path, change: tuple[str, str], error: str) -> None:
    folder = tmp_path / "toy-add"
    shutil.copytree(REPO / "tests" / "fixtures" / "problems" / "toy-add", folder)
    assert schema_errors(folder) == [] and load_problem(folder).max_score == PROBLEM_POINTS
    toml = folder / "problem.toml"
    text = toml.read_text(encoding="utf-8")
    assert change[0] in text
    toml.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    errors = schema_errors(folder)
    assert any(error in e for e in errors), errors  # verify: every error
    with pytest.raises(ProblemError) as raised:
        load_problem(folder)
    assert str(raised.value).startswith(f"{toml}: {errors[0]}")  # loading: the first one, naming the file


def test_unreadable_problem_toml_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    assert schema_errors(tmp_path / "x") == ["not found"]
    (tmp_path / "x" / "problem.toml").write_text("id = \n", encoding="utf-8")
    with pytest.raises(ProblemError, match=r"problem\.toml: Invalid value"):
        load_problem(tmp_path / "x")


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
