"""The pytest plugin on toy problems: groups, shrunk failing inputs, group budgets, judge bugs."""

from __future__ import annotations

import pytest
from conftest import REPO

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

