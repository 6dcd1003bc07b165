"""The pytest plugin that runs a problem's hidden tests against a submission proxy.

One plugin object per judging: it provides the fixtures (`submission`, `reference`, `rng`, ...), applies
the grading settings of hypothesis per group (seeded, no database, no deadline, bounded shrinking),
skips the rest of a group after its first failure or when its wall-clock budget is spent, and turns
each failure into a verdict with the details the report shows.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import configuration as hypothesis_configuration
from hypothesis.errors import Flaky, HypothesisException

from judge import example_tests
from judge.examples import ExampleError, load_examples
from judge.problems import Problem
from judge.submission import JudgeOutcome, Submission, SubmissionRaised, TimeLimitExceeded
from judge.testing import WrongAnswer
from judge.verdict import Failure, GroupResult, Verdict

MAX_SHRINK_SECONDS = 10


@contextlib.contextmanager
def private_hypothesis_home(directory: Path) -> Iterator[None]:
    """hypothesis' storage (its constants cache; the database is off) in `directory`, not `.hypothesis/` in the
    user's current directory: a run leaves nothing behind."""
    saved = getattr(hypothesis_configuration, "__hypothesis_home_directory", None)
    hypothesis_configuration.set_hypothesis_home_dir(directory)
    try:
        yield
    finally:
        hypothesis_configuration.set_hypothesis_home_dir(saved)


def group_of_file(file_name: str) -> str:
    """The group a test file holds by its name: `test_edge_cases.py` -> `edge-cases` ("" for other names)."""
    stem = file_name.removesuffix(".py")
    return stem.removeprefix("test_").replace("_", "-") if stem.startswith("test_") else ""


@dataclass
class GroupState:
    """Mutable bookkeeping for one group while its tests run."""

    name: str
    points: int
    time_limit_s: float
    max_examples: int
    started: float | None = None
    elapsed: float = 0.0
    tests_run: int = 0
    verdict: Verdict = Verdict.ACCEPTED
    failure: Failure | None = None
    collected: int = 0
    selected: bool = True

    def fail(self, verdict: Verdict, failure: Failure) -> None:
        if self.failure is None:
            self.verdict, self.failure = verdict, failure


_EXCEPTION_GROUP = getattr(builtins, "BaseExceptionGroup", ())  # Python 3.10 has none


def _leaf_exception(exc: BaseException) -> BaseException:
    """The first real failure inside hypothesis' exception groups (several distinct bugs, flaky)."""
    while _EXCEPTION_GROUP and isinstance(exc, _EXCEPTION_GROUP) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def _notes_input(exc: BaseException) -> str | None:
    notes = [n for n in getattr(exc, "__notes__", ()) if "Falsifying" in n or n.startswith(("state", "  "))]
    if not notes:
        return None
    text = "\n".join(notes)
    return text.replace("Falsifying example: ", "", 1)


def classify(exc: BaseException, test: str) -> tuple[Verdict, Failure]:
    """Map an exception escaping a hidden test to a verdict and the report's failure details."""
    leaf = _leaf_exception(exc)
    shrunk = _notes_input(leaf) or _notes_input(exc)
    if isinstance(leaf, WrongAnswer):
        return Verdict.WRONG_ANSWER, Failure(test, str(leaf), leaf.failing_input or shrunk, leaf.expected, leaf.got)
    if isinstance(leaf, AssertionError):
        return Verdict.WRONG_ANSWER, Failure(test, str(leaf) or "a check failed", shrunk)
    if isinstance(leaf, JudgeOutcome):
        return Verdict(leaf.verdict), Failure(test, str(leaf), leaf.call or shrunk)
    if isinstance(leaf, SubmissionRaised):
        message = f"the submission raised {leaf.submission_type}: {leaf}"
        if leaf.submission_traceback:
            message += "\n" + leaf.submission_traceback
        return Verdict.RUNTIME_ERROR, Failure(test, message, shrunk)
    if isinstance(leaf, Flaky):  # the hidden tests are deterministic: the submission answered differently
        message = ("the submission's answers are not reproducible: replaying the same calls gave different "
                   f"results ({type(leaf).__name__})")
        return Verdict.WRONG_ANSWER, Failure(test, message, shrunk)
    if isinstance(leaf, HypothesisException):
        return Verdict.INTERNAL_ERROR, Failure(test, f"hidden test problem: {type(leaf).__name__}: {leaf}")
    return Verdict.INTERNAL_ERROR, Failure(test, f"the hidden test failed unexpectedly: {type(leaf).__name__}: {leaf}")


class _SharedModule(pytest.Module):
    """A test module of the judge's own (`judge.example_tests`) collected as if it stood at `path`."""

    shared: ModuleType = example_tests

    def _getobj(self) -> ModuleType:
        return self.shared


class _TestsDir(pytest.Dir):
    """The problem's tests/ folder, plus the generic examples module when the problem has examples data."""

    def collect(self) -> Any:
        yield from super().collect()
        path = self.path / "test_examples.py"
        if not path.exists():
            yield _SharedModule.from_parent(self, path=path)


class JudgePlugin:
    """Registered with `pytest.main(plugins=[...])`; collects outcomes into the problem's groups."""

    def __init__(self, problem: Problem, submission: Submission, reference: Any, seed: int,
                 max_examples: int | None = None, only_groups: tuple[str, ...] | None = None,
                 on_group: Callable[[GroupState], None] | None = None, fail_fast: bool = False) -> None:
        self.problem = problem
        self.fail_fast = fail_fast
        self.proxy = submission
        self.reference_module = reference
        self.seed = seed
        self.max_examples = max_examples
        self.on_group = on_group
        self.groups = {
            g.name: GroupState(g.name, g.points, g.time_limit_s, g.max_examples,
                               selected=only_groups is None or g.name in only_groups)
            for g in problem.groups
        }
        self.internal_errors: list[str] = []
        self._current: GroupState | None = None
        try:
            self.examples = load_examples(problem)
        except ExampleError as exc:
            self.examples = ()
            self.internal_errors.append(f"the examples data is not valid: {exc}")

    # -- fixtures --------------------------------------------------------------------------------------
    @pytest.fixture
    def submission(self) -> Submission:
        return self.proxy

    @pytest.fixture
    def reference(self) -> Any:
        return self.reference_module

    @pytest.fixture
    def run_seed(self) -> int:
        return self.seed

    @pytest.fixture
    def rng(self, request: pytest.FixtureRequest) -> random.Random:
        digest = hashlib.sha256(f"{self.seed}:{request.node.nodeid}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    @pytest.fixture
    def group_settings(self, request: pytest.FixtureRequest) -> settings:
        """The grading settings of the test's group, for tests that run hypothesis themselves (state machines)."""
        return self._settings(self._group_of(request.node))

    # -- collection --------------------------------------------------------------------------------------
    def _group_of(self, item: pytest.Item) -> GroupState | None:
        """The `group` marker's group if the test has one, else the one its file names (`test_edge_cases.py`)."""
        marker = item.get_closest_marker("group")
        if marker is not None and marker.args:
            return self.groups.get(marker.args[0])
        return self.groups.get(group_of_file(item.path.name))

    def _settings(self, group: GroupState | None) -> settings:
        examples = group.max_examples if group else 100
        if self.max_examples is not None:
            examples = self.max_examples
        return settings(
            max_examples=max(1, examples),
            deadline=None,
            database=None,
            derandomize=False,
            phases=(Phase.explicit, Phase.generate, Phase.shrink),
            suppress_health_check=list(HealthCheck),
            print_blob=False,
            report_multiple_bugs=False,
        )

    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "group(name): the problem.toml group of this test, when not its file's")

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(self, path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        if self.examples and path.resolve() == self.problem.tests_dir.resolve():
            return _TestsDir.from_parent(parent, path=path)
        return None

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        if metafunc.module is example_tests and "example" in metafunc.fixturenames:
            ids = [e.name.replace(" ", "-") or f"example-{n}" for n, e in enumerate(self.examples, 1)]
            metafunc.parametrize("example", self.examples, ids=ids)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.internal_errors.append(f"hidden tests failed to load: {report.nodeid}: {report.longreprtext[-800:]}")

    def pytest_collection_modifyitems(self, session: pytest.Session, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        order = {name: i for i, name in enumerate(self.groups)}
        kept = []
        for item in items:
            group = self._group_of(item)
            if group is None:
                self.internal_errors.append(
                    f"{item.nodeid}: no known group (neither its file name test_<group>.py nor a group marker)")
                continue
            group.collected += 1
            if not group.selected:
                continue
            inner = getattr(item, "obj", None)
            if inner is not None and getattr(inner, "is_hypothesis_test", False):
                inner._hypothesis_internal_use_settings = self._settings(group)
            kept.append(item)
        kept.sort(key=lambda it: order[self._group_of(it).name])
        items[:] = kept

    # -- running -----------------------------------------------------------------------------------------
    def _enter_group(self, group: GroupState) -> None:
        if self._current is not group:
            self._leave_group()
            self._current = group
            group.started = time.monotonic()

    def _leave_group(self) -> None:
        group, self._current = self._current, None
        if group is None:
            return
        group.elapsed = time.monotonic() - group.started
        if self.on_group is not None:
            self.on_group(group)

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        group = self._group_of(item)
        if self.fail_fast and any(g.failure is not None for g in self.groups.values() if g is not group):
            group.selected = False
            pytest.skip("an earlier group failed (--fail-fast)")
        self._enter_group(group)
        if group.failure is not None:
            pytest.skip("an earlier test of this group failed")
        if time.monotonic() - group.started > group.time_limit_s:
            group.fail(Verdict.TIME_LIMIT_EXCEEDED,
                       Failure(item.name, f"the group's time limit of {group.time_limit_s:g} s was exhausted"))
            pytest.skip("group time limit exhausted")
        self.proxy.deadline = group.started + group.time_limit_s
        self.proxy.begin_test()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
        report = yield
        group = self._group_of(item)
        if call.when == "call":
            group.tests_run += 1
        if report.failed and call.excinfo is not None:
            verdict, failure = classify(call.excinfo.value, item.name)
            if type(_leaf_exception(call.excinfo.value)) is TimeLimitExceeded:  # cut by a wall clock, not a count
                self.proxy.hung = True  # later calls without a limit of their own wait the short one
            if call.when != "call" and verdict is not Verdict.INTERNAL_ERROR:
                verdict, failure = Verdict.INTERNAL_ERROR, Failure(item.name, f"fixture {call.when}: {failure.message}")
            group.fail(verdict, failure)
        return report

    def pytest_runtest_teardown(self, item: pytest.Item) -> None:
        self.proxy.deadline = None

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self._leave_group()

    def results(self) -> tuple[GroupResult, ...]:
        out = []
        for group in self.groups.values():
            if not group.selected:
                continue
            verdict, failure = group.verdict, group.failure
            if failure is None and group.collected == 0:
                verdict, failure = Verdict.INTERNAL_ERROR, Failure("", "the group has no hidden tests")
            out.append(GroupResult(group.name, group.points, verdict, group.elapsed, group.tests_run, failure))
        return tuple(out)
