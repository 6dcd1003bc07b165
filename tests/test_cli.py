"""The command line as a user meets it: exit codes, one-line errors, exactly one JSON document."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, known_submissions

from judge.examples import load_examples, render_step
from judge.problems import get_problem

GOLDEN = REPO / "tests" / "golden"


def judge(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "judge", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def normalised(report: dict) -> dict:
    """The report with what changes from run to run (times, seed) blanked, for golden comparisons."""
    report = dict(report, time_s=0, seed=0)
    report["groups"] = [dict(g, time_s=0) for g in report["groups"]]
    return report


def test_list_json_names_every_problem() -> None:
    result = judge("list", "--json")
    assert result.returncode == 0
    ids = {row["id"] for row in json.loads(result.stdout)}
    assert {"sorting", "longest-common-subsequence", "sudoku", "malloc", "expression-eval"} <= ids


def test_show_prints_statement_and_entry_points() -> None:
    result = judge("show", "sorting")
    assert result.returncode == 0
    assert "Entry points: sort" in result.stdout and "Example" in result.stdout


@pytest.mark.parametrize("problem_id", ["malloc", "two-layer-net"])
def test_show_and_the_stub_show_the_same_examples(problem_id: str) -> None:
    """Both rendered from examples.toml: every line of every example's code is in both."""
    shown, stub = judge("show", problem_id).stdout, judge("stub", problem_id).stdout
    assert "<!--" not in shown  # the generated section's markers are the file's, not the reader's
    code = [line for step in [s for e in load_examples(get_problem(problem_id)) for s in e.steps]
            for line in render_step(step)]
    assert code and all(line.strip() in shown and line.strip() in stub for line in code)


def test_stub_is_valid_python_with_the_entry_point() -> None:
    result = judge("stub", "malloc")
    assert result.returncode == 0
    tree = ast.parse(result.stdout)
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    assert [c.name for c in classes] == ["Allocator"]
    methods = {f.name for f in classes[0].body if isinstance(f, ast.FunctionDef)}
    assert {"__init__", "malloc", "free"} <= methods
    assert "NotImplementedError" in result.stdout


def test_init_writes_one_stub_per_problem(tmp_path: Path) -> None:
    result = judge("init", str(tmp_path / "mine"), "sorting", "sudoku")
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["README.md", "sorting.py", "sudoku.py"]
    again = judge("init", str(tmp_path / "mine"), "sorting")
    assert again.returncode == 0 and "skipped" in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "sortx", "x.py"], "unknown problem 'sortx'; did you mean 'sorting'?"),
        (["run", "sorting", "does-not-exist.py"], "no such file: does-not-exist.py"),
        (["show", "nope-nope"], "unknown problem 'nope-nope'"),
        (["stub", "sudok"], "did you mean 'sudoku'?"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = judge(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_unusable_sandbox_is_a_usage_error(tmp_path: Path) -> None:
    solution = tmp_path / "sorting.py"
    solution.write_text("def sort(items):\n    return list(items)\n")
    env = {**os.environ, "DOCKER_HOST": "unix:///nonexistent/docker.sock"}
    result = subprocess.run([sys.executable, "-m", "judge", "run", "sorting", str(solution), "--sandbox", "docker"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2 and "docker" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_directory_as_file_is_a_usage_error(tmp_path: Path) -> None:
    result = judge("run", "sorting", str(tmp_path))
    assert result.returncode == 2 and "is a directory" in result.stderr


def test_unknown_group_is_a_usage_error(tmp_path: Path) -> None:
    solution = tmp_path / "sorting.py"
    solution.write_text("def sort(items):\n    return list(items)\n")
    result = judge("run", "sorting", str(solution), "--group", "nope")
    assert result.returncode == 2 and "no group 'nope'" in result.stderr


def test_syntax_error_is_compile_error_with_line(tmp_path: Path) -> None:
    bad = tmp_path / "sorting.py"
    bad.write_text("def sort(items):\n    return [x for x in items\n")
    result = judge("run", "sorting", str(bad), "--json", "--seed", "7")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["verdict"] == "compile_error" and "line 2" in report["message"]


def test_missing_entry_point_matches_golden_report(tmp_path: Path) -> None:
    bad = tmp_path / "sorting.py"
    bad.write_text("def sort_items(items):\n    return list(items)\n")
    result = judge("run", "sorting", str(bad), "--json", "--seed", "7", "--sandbox", "process")
    assert result.returncode == 1
    golden = json.loads((GOLDEN / "sorting-missing-entry-point.json").read_text())
    assert normalised(json.loads(result.stdout)) == golden


def test_json_run_prints_exactly_one_document_and_exit_code_follows_verdict() -> None:
    accepted = next(p for p in known_submissions("sorting") if "# expect: accepted" in p.read_text())
    result = judge("run", "sorting", str(accepted), "--json", "--group", "examples", "--group", "properties",
                   "--max-examples", "20")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)  # the whole of stdout is one JSON document
    assert report["version"] == 1 and report["verdict"] == "accepted" and report["problem"] == "sorting"
    assert set(report) >= {"version", "problem", "verdict", "score", "max_score", "seed", "sandbox", "time_s",
                           "groups"}
    assert [g["name"] for g in report["groups"]] == ["examples", "properties"]
    for group in report["groups"]:
        assert set(group) >= {"name", "points", "verdict", "score", "time_s"}


def test_wrong_answer_report_shows_input_expected_and_got(tmp_path: Path) -> None:
    wrong = tmp_path / "sorting.py"
    wrong.write_text("def sort(items):\n    return list(items)\n")
    result = judge("run", "sorting", str(wrong), "--json", "--group", "properties", "--seed", "11")
    assert result.returncode == 1
    group = json.loads(result.stdout)["groups"][0]
    assert group["verdict"] == "wrong_answer"
    assert group["failing_input"] and group["expected"] and group["got"]
    assert len(group["failing_input"]) <= 500


def test_human_report_names_verdict_and_replay_seed(tmp_path: Path) -> None:
    wrong = tmp_path / "sorting.py"
    wrong.write_text("def sort(items):\n    raise NotImplementedError\n")
    result = judge("run", "sorting", str(wrong), "--group", "examples", "--seed", "5")
    assert result.returncode == 1
    assert "RUNTIME ERROR" in result.stdout and "--seed 5" in result.stdout
    assert "examples" in result.stderr  # progress lines go to stderr
