"""The pytest plugin on toy problems: groups, shrunk failing inputs, group budgets, judge bugs."""

from __future__ import annotations

import pytest
from conftest import REPO

from judge.harness import group_of_file
from judge.problems import load_problem
from judge.runner import judge_file
from judge.verdict import Verdict

FIXTURES = REPO / "tests" / "fixtures"


def run(problem: str, submission: str, seed: int, **options: object):
    path = FIXTURES / "solutions" / f"{problem.replace('-', '_')}.py" if submission == "reference" \
        else FIXTURES / "submissions" / f"{submission}.py"
    return judge_file(load_problem(FIXTURES / "problems" / problem), path, seed=seed, **options)


def by_name(report) -> dict:
    return {g.name: g for g in report.groups}


def test_reference_is_accepted_with_full_score(seed: int) -> None:
    report = run("toy-add", "reference", seed)
    assert report.verdict is Verdict.ACCEPTED and report.score == 100
    assert [g.name for g in report.groups] == ["basic", "props", "budget"]
    assert by_name(report)["props"].tests_run == 1


def test_property_failure_reports_the_shrunk_input(seed: int) -> None:
    report = run("toy-add", "add_wrong_for_negatives", seed)
    groups = by_name(report)
    assert groups["basic"].verdict is Verdict.ACCEPTED
    props = groups["props"]
    assert props.verdict is Verdict.WRONG_ANSWER and report.verdict is Verdict.WRONG_ANSWER
    assert props.failure.failing_input == "(0, -1)"  # hypothesis shrinks to the smallest counterexample
    assert props.failure.expected == "-1" and props.failure.got == "1"
    assert report.score == 60


def test_group_budget_is_enforced_across_its_tests(seed: int) -> None:
    report = run("toy-add", "add_slow", seed, only_groups=("budget",))
    budget = by_name(report)["budget"]
    assert budget.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert budget.tests_run < 4


def test_fail_fast_leaves_later_groups_out(seed: int) -> None:
    report = run("toy-add", "add_wrong_for_negatives", seed, fail_fast=True)
    assert [g.name for g in report.groups] == ["basic", "props"]


@pytest.mark.parametrize("submission", ["reference", "add_wrong_for_negatives"])
def test_a_broken_hidden_test_is_internal_error_never_accepted(submission: str, seed: int) -> None:
    report = run("toy-broken", submission, seed)
    assert report.verdict is Verdict.INTERNAL_ERROR
    assert "no known group" in (report.message or "")
    props = by_name(report)["props"]
    assert props.verdict is Verdict.INTERNAL_ERROR and "KeyError" in props.failure.message


def test_same_seed_same_examples() -> None:
    first = run("toy-add", "add_wrong_for_negatives", 1234)
    second = run("toy-add", "add_wrong_for_negatives", 1234)
    assert first.to_json()["groups"][1]["failing_input"] == second.to_json()["groups"][1]["failing_input"]
    assert first.seed == second.seed == 1234



TOY_EXAMPLES = '''
[[examples]]
call = "add(1, 2)"
result = "3"

[[examples]]
name = "negatives"
call = "add(-1, -2)"
result = "-3"
'''


def toy_with_examples(root, examples: str = TOY_EXAMPLES):
    """A problem whose test file carries no marker (its group is its file name) and whose examples are data."""
    folder = root / "problems" / "toy-ex"
    (folder / "tests").mkdir(parents=True)
    (root / "solutions").mkdir()
    (root / "solutions" / "toy_ex.py").write_text("def add(a, b):\n    return a + b\n", encoding="utf-8")
    (folder / "problem.toml").write_text(
        'id = "toy-ex"\ntitle = "Toy"\nmodule = "toy_ex"\nentry_points = ["add"]\n'
        '[[groups]]\nname = "examples"\npoints = 50\ntime_limit_s = 30\n'
        '[[groups]]\nname = "basic"\npoints = 50\ntime_limit_s = 30\n', encoding="utf-8")
    (folder / "statement.md").write_text("# Toy\n\n## Examples\n", encoding="utf-8")
    (folder / "examples.toml").write_text(examples, encoding="utf-8")
    (folder / "tests" / "conftest.py").write_text(
        "import pytest\nfrom judge.testing import Check\n\n\nclass AddCheck(Check):\n    entry = 'add'\n\n\n"
        "@pytest.fixture\ndef check(submission, reference):\n    return AddCheck(submission, reference)\n",
        encoding="utf-8")
    (folder / "tests" / "test_basic.py").write_text("def test_small(check):\n    check(2, 3)\n", encoding="utf-8")
    return load_problem(folder)


def test_groups_come_from_file_names_and_examples_from_data(tmp_path, seed: int) -> None:
    problem = toy_with_examples(tmp_path)
    report = judge_file(problem, tmp_path / "solutions" / "toy_ex.py", seed=seed)
    assert report.verdict is Verdict.ACCEPTED, report.message
    assert by_name(report)["examples"].tests_run == 2 and by_name(report)["basic"].tests_run == 1

    wrong = judge_file(problem, FIXTURES / "submissions" / "add_wrong_for_negatives.py", seed=seed)
    examples = by_name(wrong)["examples"]
    assert examples.verdict is Verdict.WRONG_ANSWER and examples.failure.test == "test_example[negatives]"
    assert by_name(wrong)["basic"].verdict is Verdict.ACCEPTED


def test_examples_the_reference_contradicts_are_a_judge_bug(tmp_path, seed: int) -> None:
    problem = toy_with_examples(tmp_path, TOY_EXAMPLES.replace('result = "3"', 'result = "4"'))
    report = judge_file(problem, tmp_path / "solutions" / "toy_ex.py", seed=seed)
    examples = by_name(report)["examples"]
    assert examples.verdict is Verdict.INTERNAL_ERROR and "the example says 4" in examples.failure.message


@pytest.mark.parametrize(("name", "group"), [("test_edge_cases.py", "edge-cases"), ("test_examples.py", "examples"),
                                             ("test_x.py", "x"), ("conftest.py", ""), ("helpers.py", "")])
def test_group_of_a_file(name: str, group: str) -> None:
    assert group_of_file(name) == group
