"""Call limits follow the reference: a checked call waits about the reference's own time (never less than a floor,
never more than the problem's call_timeout_s), and once a submission has hung, later calls without a limit of
their own wait the short limit instead of call_timeout_s, so a hang costs about one limit, not one per group."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Any

from conftest import HOSTILE

from judge.examples import load_examples
from judge.problems import get_problem
from judge.runner import judge_file, load_reference
from judge.submission import HUNG_CALL_TIMEOUT_S, CallResult, Submission
from judge.testing import CALL_FACTOR, CALL_FLOOR_S, Check


class _Recorder:
    """A submission proxy that answers like Python and records each call's limits."""

    def __init__(self, call_timeout_s: float) -> None:
        self.call_timeout_s = call_timeout_s
        self.default_timeout_s: float | None = None
        self.calls: list[tuple[str, float | None, float | None]] = []

    def call(self, entry: str, args: tuple = (), kwargs: dict | None = None, *, timeout: float | None = None,
             report_args: bool = False) -> CallResult:
        self.calls.append((entry, timeout, self.default_timeout_s))
        return CallResult(sorted(args[0]), tuple(args), kwargs)


class _Reference:
    def __init__(self, pause_s: float) -> None:
        self.pause_s = pause_s

    def sort(self, items: list) -> list:
        time.sleep(self.pause_s)
        return sorted(items)


class _SortCheck(Check):
    entry = "sort"


def test_a_checked_call_gets_the_floor_when_the_reference_is_fast() -> None:
    proxy = _Recorder(call_timeout_s=10.0)
    assert _SortCheck(proxy, _Reference(0.0))([3, 1, 2]) == [1, 2, 3]
    assert proxy.calls == [("sort", CALL_FLOOR_S, None)]


def test_a_checked_call_follows_a_slow_reference_up_to_the_call_timeout() -> None:
    pause = 0.3  # CALL_FACTOR x 0.3 s is above the floor and below 10 s
    assert CALL_FLOOR_S < CALL_FACTOR * pause < 10.0
    proxy = _Recorder(call_timeout_s=10.0)
    _SortCheck(proxy, _Reference(pause))([2, 1])
    timeout = proxy.calls[0][1]
    assert timeout is not None and CALL_FACTOR * pause <= timeout <= 10.0
    capped = _Recorder(call_timeout_s=CALL_FLOOR_S + 0.5)  # the problem's call_timeout_s stays the ceiling
    _SortCheck(capped, _Reference(pause))([2, 1])
    assert capped.calls[0][1] == CALL_FLOOR_S + 0.5


def test_example_steps_run_under_a_limit_from_the_reference_and_it_is_restored() -> None:
    problem = get_problem("sorting")
    example = load_examples(problem)[0]
    proxy = _Recorder(call_timeout_s=10.0)
    check = _SortCheck(proxy, load_reference(problem))
    check.example(example)
    assert proxy.calls and all(default == CALL_FLOOR_S for _, _, default in proxy.calls)
    assert proxy.default_timeout_s is None


def _submission(call_timeout_s: float) -> Submission:
    return Submission(sandbox=None, spec=None, call_timeout_s=call_timeout_s)  # no worker is started here


def test_a_hung_submission_waits_the_short_limit_only_where_no_limit_was_asked() -> None:
    submission = _submission(10.0)
    assert submission._timeout(None) == 10.0
    submission.default_timeout_s = 3.0
    assert submission._timeout(None) == 3.0
    submission.hung = True
    assert submission._timeout(None) == HUNG_CALL_TIMEOUT_S
    assert submission._timeout(7.5) == 7.5  # a performance group's own TimeLimit is kept
    assert _submission(1.0)._timeout(None) == 1.0 and HUNG_CALL_TIMEOUT_S > 1.0


def _failure_message(report: Any, group: str) -> str:
    result = next(g for g in report.groups if g.name == group)
    assert result.verdict.value == "time_limit_exceeded", result
    return result.failure.message


def test_a_hang_costs_the_short_limit_in_every_later_group() -> None:
    """sorting's own check calls the submission without a limit: the full call_timeout_s before this change."""
    problem = dataclasses.replace(get_problem("sorting"), forbidden=())
    report = judge_file(problem, Path(HOSTILE) / "sleep_forever.py", seed=3, sandbox="process",
                        only_groups=("examples", "properties", "edge-cases"))
    assert problem.call_timeout_s > 2 * HUNG_CALL_TIMEOUT_S
    assert f"longer than {CALL_FLOOR_S:.2f} s" in _failure_message(report, "examples")  # the examples' own limit
    for group in ("properties", "edge-cases"):  # then the submission is known to hang
        assert f"longer than {HUNG_CALL_TIMEOUT_S:.2f} s" in _failure_message(report, group), group
