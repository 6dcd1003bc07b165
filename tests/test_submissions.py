"""Every known submission gets the verdict its header expects; references are accepted; stubs are not.

This is the suite that keeps the hidden tests honest: each problem's tests must reject realistic wrong
solutions with the right verdict and accept independently written correct ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SUBMISSIONS, expected_verdict

from judge.problems import all_problems, get_problem
from judge.report_text import format_report
from judge.runner import judge_file
from judge.stubs import render_stub

KNOWN = sorted(SUBMISSIONS.glob("*/*.py"))
PROBLEMS = sorted(all_problems())


def _judge(problem_id: str, path: Path, seed: int, accepted_expected: bool):
    report = judge_file(get_problem(problem_id), path, seed=seed, fail_fast=not accepted_expected)
    return report, f"seed {seed}\n" + format_report(report, color=False)


@pytest.mark.parametrize("path", KNOWN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_known_submission_gets_expected_verdict(path: Path, seed: int) -> None:
    expected = expected_verdict(path)
    report, shown = _judge(path.parent.name, path, seed, expected == "accepted")
    assert report.verdict.value == expected, shown


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_reference_is_accepted(problem_id: str, seed: int) -> None:
    problem = get_problem(problem_id)
    report, shown = _judge(problem_id, problem.reference_path, seed, True)
    assert report.verdict.value == "accepted", shown
    assert report.score == report.max_score == 100


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_every_problem_has_known_submissions(problem_id: str) -> None:
    verdicts = [expected_verdict(p) for p in (SUBMISSIONS / problem_id).glob("*.py")]
    assert verdicts.count("accepted") >= 1, "needs an independent correct solution"
    assert len([v for v in verdicts if v != "accepted"]) >= 6, "needs at least six realistic wrong solutions"


@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_stub_is_rejected(problem_id: str, seed: int, tmp_path: Path) -> None:
    problem = get_problem(problem_id)
    stub = tmp_path / f"{problem.module}.py"
    stub.write_text(render_stub(problem), encoding="utf-8")
    report, shown = _judge(problem_id, stub, seed, False)
    assert report.verdict.value in ("wrong_answer", "runtime_error"), shown
