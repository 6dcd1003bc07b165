"""Judging one submission: static scan, worker start, hidden tests through the plugin, the report.

Every failure of the judge itself ends as an `internal_error` report, never as a crash or `accepted`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import secrets
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis.internal.conjecture import engine as hypothesis_engine

from judge import harness
from judge.problems import Problem
from judge.sandbox import get_sandbox
from judge.sandbox.base import WorkerSpec
from judge.staticcheck import check_source
from judge.submission import CallResult, JudgeOutcome, Submission
from judge.verdict import Failure, Report, Verdict, overall_verdict


def new_seed() -> int:
    return secrets.randbelow(2**32)


def load_reference(problem: Problem) -> ModuleType:
    """Import the reference in the judge process under a private name (it is the oracle)."""
    name = f"_judge_reference_{problem.module}"
    spec = importlib.util.spec_from_file_location(name, problem.reference_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TimedSubmission(Submission):
    """A submission that sums the time spent inside its own calls (their `call_s`), per group, for the report.

    The judge's overhead is the judging's wall time minus this sum; `bench/run.py` prints the ratio.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_call: Callable[..., None] | None = None  # told of every call before it is made (`judge repro`)
        self.call_s_total = 0.0
        self.group_call_s: dict[str, float] = {}
        self._counted = 0.0

    def call(self, *args, **kwargs) -> CallResult:
        if self.on_call is not None:
            self.on_call(*args, **kwargs)
        result = super().call(*args, **kwargs)
        self.call_s_total += result.call_s
        return result

    def group_left(self, name: str) -> None:
        """The calls made since the previous group ended belong to group `name` (groups run one after another)."""
        self.group_call_s[name] = self.group_call_s.get(name, 0.0) + self.call_s_total - self._counted
        self._counted = self.call_s_total


@dataclass(frozen=True)
class GroupEvents:
    """Who hears of a group starting and finishing (the CLI's progress lines) and of each call; any may be None."""

    started: Callable[[harness.GroupState], None] | None = None
    finished: Callable[[harness.GroupState], None] | None = None
    call: Callable[..., None] | None = None


class _ReportingPlugin(harness.JudgePlugin):
    """The harness's plugin that also says when a group starts (the harness itself reports only its end)."""

    on_start: Callable[[harness.GroupState], None] | None = None

    def _enter_group(self, group: harness.GroupState) -> None:
        entering = self._current is not group
        super()._enter_group(group)
        if entering and self.on_start is not None:
            self.on_start(group)


def report_for_all(problem: Problem, verdict: Verdict, message: str, seed: int, sandbox: str,
                   started: float, output: str | None = None) -> Report:
    """`Report.for_all`, timed from `started`."""
    return Report.for_all(problem, verdict, message, seed, sandbox, time.monotonic() - started, output)


def judge_file(problem: Problem, path: str | os.PathLike, *, seed: int | None = None, sandbox: str = "auto",
               max_examples: int | None = None, only_groups: tuple[str, ...] | None = None,
               on_group: Callable[[harness.GroupState], None] | None = None, fail_fast: bool = False,
               on_group_start: Callable[[harness.GroupState], None] | None = None,
               on_call: Callable[..., None] | None = None) -> Report:
    """Judge the submission at `path` against `problem`'s hidden tests and return the report.

    `on_group_start` and `on_group` are called as each group starts and ends (for progress on a terminal);
    `on_call` with the arguments of `Submission.call` before each call into the submission (`judge repro`).
    With `only_groups` the report holds those groups only, whatever ends the judging (a compile error too), so its
    score is out of the groups run.
    """
    events = GroupEvents(on_group_start, on_group, on_call)
    report = _judge_file(problem, path, seed, sandbox, max_examples, only_groups, events, fail_fast)
    if only_groups:
        report = replace(report, groups=tuple(g for g in report.groups if g.name in only_groups))
    return report


def _judge_file(problem: Problem, path: str | os.PathLike, seed: int | None, sandbox: str, max_examples: int | None,
                only_groups: tuple[str, ...] | None, events: GroupEvents, fail_fast: bool) -> Report:
    started = time.monotonic()
    seed = new_seed() if seed is None else seed
    backend_name = sandbox
    try:
        backend = get_sandbox(sandbox)
        backend_name = backend.name  # named in every report, a file that is not UTF-8 included
        source = Path(path).read_text(encoding="utf-8")
        problem_found = check_source(source, problem.entry_points, problem.forbidden, str(path))
        if problem_found is not None:
            return report_for_all(problem, Verdict.COMPILE_ERROR, str(problem_found), seed, backend_name, started)
        spec = WorkerSpec(
            submission=str(Path(path).resolve()),
            module=problem.module,
            entry_points=problem.entry_points,
            forbidden=problem.forbidden,
            memory_mb=problem.memory_mb,
            cpu_s=int(sum(g.time_limit_s for g in problem.groups) + 60),
            preload=problem.preload,
            run_seed=seed,
            shown_as=str(path),
        )
        submission = TimedSubmission(backend, spec, problem.call_timeout_s)
        submission.on_call = events.call
        try:
            return _run_tests(problem, submission, seed, backend_name, started, max_examples, only_groups, events,
                              fail_fast)
        finally:
            submission.close()
    except UnicodeDecodeError as exc:
        return report_for_all(problem, Verdict.COMPILE_ERROR, f"the file is not UTF-8 text: {exc.reason}",
                               seed, backend_name, started)
    except Exception:
        detail = traceback.format_exc(limit=-3)
        return report_for_all(problem, Verdict.INTERNAL_ERROR, f"judge error: {detail}", seed, backend_name, started)


def _run_tests(problem: Problem, submission: TimedSubmission, seed: int, backend_name: str, started: float,
               max_examples: int | None, only_groups: tuple[str, ...] | None,
               events: GroupEvents, fail_fast: bool) -> Report:
    try:
        submission.start()
    except JudgeOutcome as exc:
        return report_for_all(problem, Verdict(exc.verdict), str(exc), seed, backend_name, started,
                               submission.output())
    if submission.missing:
        message = f"missing entry point '{submission.missing[0]}'"
        return report_for_all(problem, Verdict.COMPILE_ERROR, message, seed, backend_name, started)

    def group_done(group: harness.GroupState) -> None:
        submission.group_left(group.name)
        if events.finished is not None:
            events.finished(group)

    plugin = _ReportingPlugin(problem, submission, load_reference(problem), seed, max_examples, only_groups,
                              group_done, fail_fast)
    plugin.on_start = events.started
    exit_code = run_pytest(problem, plugin, seed)
    groups = tuple(replace(g, call_s=submission.group_call_s.get(g.name, 0.0)) for g in plugin.results())
    call_s = sum(g.call_s for g in groups)
    if plugin.internal_errors or exit_code not in (0, 1):
        message = "; ".join(plugin.internal_errors) or f"pytest exited with code {exit_code}"
        groups = tuple(
            g if g.verdict is not Verdict.ACCEPTED else replace(g, verdict=Verdict.INTERNAL_ERROR,
                                                                failure=Failure("", message))
            for g in groups
        )
        return Report(problem.id, Verdict.INTERNAL_ERROR, seed, backend_name, time.monotonic() - started, groups,
                      message, submission.output(), call_s=call_s)
    return Report(problem.id, overall_verdict(groups), seed, backend_name, time.monotonic() - started, groups,
                  None, submission.output(), call_s=call_s)


def run_pytest(problem: Problem, plugin: harness.JudgePlugin, seed: int) -> int:
    """Run the hidden tests in this process with only our plugin's view of the world; output swallowed."""
    with tempfile.TemporaryDirectory(prefix="judge-pytest-") as tmp:
        ini = Path(tmp) / "pytest.ini"
        ini.write_text("[pytest]\n", encoding="utf-8")
        args = [
            str(problem.tests_dir),
            "-c", str(ini),
            "--rootdir", str(problem.folder.parent),
            "--import-mode=importlib",
            "-p", "no:cacheprovider",
            "-p", "_hypothesis_pytestplugin",  # the only plugin besides ours: nothing the user installed
            "-q",
            "--capture=sys",  # not fd: the progress lines of `judge run` reach the terminal while the tests run
            f"--hypothesis-seed={seed}",
        ]
        saved_shrink = getattr(hypothesis_engine, "MAX_SHRINKING_SECONDS", None)
        hypothesis_engine.MAX_SHRINKING_SECONDS = harness.MAX_SHRINK_SECONDS
        sink = io.StringIO()
        saved_autoload = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
        os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        try:
            with (contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink),
                  harness.private_hypothesis_home(Path(tmp) / "hypothesis")):
                code = pytest.main(args, plugins=[plugin])
        finally:
            if saved_autoload is None:
                os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
            else:
                os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved_autoload
            if saved_shrink is not None:
                hypothesis_engine.MAX_SHRINKING_SECONDS = saved_shrink
        if int(code) not in (0, 1):
            plugin.internal_errors.append(f"pytest could not run the hidden tests: {sink.getvalue()[-1500:]}")
        return int(code)


