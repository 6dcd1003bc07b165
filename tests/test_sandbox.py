"""The process sandbox against hostile submissions: limits, isolation, and nothing survives the run."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import HOSTILE

from judge.problems import get_problem
from judge.runner import judge_file
from judge.sandbox import get_sandbox
from judge.sandbox.base import WorkerSpec, descendants
from judge.submission import (
    MemoryLimitExceeded,
    OutputLimitExceeded,
    Submission,
    SubmissionCrashed,
    SubmissionFault,
    SubmissionImportFailed,
    TimeLimitExceeded,
)


def _start(backend: str, name: str, timeout: float = 5.0, **spec: object) -> Submission:
    options = {"memory_mb": 512, "forbidden": ("sorted", "list.sort", "heapq"), **spec}
    worker_spec = WorkerSpec(submission=str(HOSTILE / f"{name}.py"), module="sorting", entry_points=("sort",),
                             **options)
    submission = Submission(get_sandbox(backend), worker_spec, timeout)
    submission.start()
    return submission


@pytest.fixture
def hostile(backend: str):
    started: list[Submission] = []

    def start(name: str, **kwargs: object) -> Submission:
        started.append(_start(backend, name, **kwargs))
        return started[-1]

    yield start
    for submission in started:
        submission.close()


def test_infinite_loop_times_out_and_is_killed(hostile) -> None:
    submission = hostile("infinite_loop", timeout=1.0)
    pid = submission.worker.popen.pid
    began = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        submission.sort([1, 2])
    assert time.monotonic() - began < 10
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split(")")[1][:3]


def test_memory_bomb_is_memory_limit_exceeded(hostile) -> None:
    with pytest.raises(MemoryLimitExceeded):
        hostile("memory_bomb").sort([1])


def test_exit_at_import_is_not_a_pass(hostile) -> None:
    with pytest.raises(SubmissionImportFailed, match="SystemExit"):
        hostile("exit_at_import")


def test_os_exit_during_a_call_is_a_crash(hostile) -> None:
    with pytest.raises(SubmissionCrashed, match="exit code 0"):
        hostile("os_exit_in_call").sort([1])


def test_output_flood_is_cut_and_reported(hostile) -> None:
    submission = hostile("output_flood")
    with pytest.raises(OutputLimitExceeded):
        submission.sort([1])
    kept = submission.output()
    assert kept.startswith("spam spam")
    assert len(kept) < 20_000 and "more bytes discarded" in kept


def test_small_output_is_captured(hostile) -> None:
    submission = hostile("chatty")
    result = submission.call("sort", ([2, 1],))
    assert result.value == [2, 1] and 0 <= result.call_s <= result.elapsed_s
    assert "looking at [2, 1]" in submission.output()


def test_environment_is_scrubbed(hostile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUDGE_TEST_SECRET_TOKEN", "hunter2")
    seen = hostile("snoop").sort(["env"])
    assert "JUDGE_TEST_SECRET_TOKEN" not in seen
    assert "hunter2" not in repr(seen)
    assert set(seen) <= {"PATH", "PWD", "LANG", "LC_ALL", "HOME", "TMPDIR", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                         "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "OPENBLAS_CORETYPE",
                         "OPENBLAS_L2_SIZE"}


@pytest.mark.parametrize("secret", ["problems/sorting/tests", "solutions/sorting.py", "problems/sorting/known"])
def test_hidden_tests_references_and_other_submissions_are_unreadable(hostile, secret: str) -> None:
    from judge.problems import data_root

    target = data_root() / secret
    if target.is_dir():
        target = next(p for p in target.rglob("*.py"))
    with pytest.raises((PermissionError, FileNotFoundError)):  # refused by the hook, or not even there
        hostile("snoop").sort([str(target)])


def test_no_network(hostile) -> None:
    with pytest.raises((ImportError, PermissionError, OSError)):
        hostile("snoop").sort(["socket"])


def test_no_processes(hostile) -> None:
    with pytest.raises(PermissionError):
        hostile("snoop").sort(["fork"])


def test_worker_does_not_run_as_root(hostile, backend: str) -> None:
    if backend == "process" and os.geteuid() != 0:
        pytest.skip("the process sandbox drops privileges only when the judge runs as root")
    uid, gid = hostile("snoop").sort(["uid"])
    assert uid != 0 and gid != 0


def _gone(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    return not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"


def test_escaped_grandchild_does_not_survive(hostile, backend: str) -> None:
    submission = hostile("escaping_grandchild", allow_processes=True)
    grandchild = submission.sort([1])
    if backend == "process":
        watched = [grandchild]  # re-parented to us (the judge is a subreaper), in its own session
    elif backend == "docker":
        from judge.sandbox.docker import container_pids

        watched = container_pids(submission.worker.container)  # the container's processes, seen from the host
        assert len(watched) >= 3  # docker-init, the worker, the grandchild
    else:
        watched = descendants(submission.worker.popen.pid)  # the pid namespace, seen from the host
        assert len(watched) >= 3  # bwrap's init, the worker, the grandchild
    assert not any(_gone(pid) for pid in watched)
    submission.close()
    time.sleep(0.2)
    assert all(_gone(pid) for pid in watched)


def test_working_directory_is_removed(hostile, backend: str) -> None:
    if backend != "process":
        pytest.skip("only the process sandbox has a host working directory (bwrap's is a tmpfs)")
    submission = hostile("chatty")
    workdir = submission.worker.workdir
    assert Path(workdir).is_dir()
    submission.close()
    assert not Path(workdir).exists()


def test_object_with_forged_equality_is_refused(hostile) -> None:
    with pytest.raises(SubmissionFault, match="unsupported type"):
        hostile("always_equal").sort([1])


def test_patching_the_worker_cannot_forge_an_answer(hostile) -> None:
    with pytest.raises(SubmissionCrashed):
        hostile("forge_protocol").sort([1])


def test_forbidden_module_is_blocked_at_run_time(hostile) -> None:
    with pytest.raises(ImportError, match="forbidden"):
        hostile("dynamic_import").sort([3, 1])


@pytest.mark.parametrize(
    ("name", "verdict"),
    [
        ("infinite_loop", "time_limit_exceeded"),
        ("memory_bomb", "memory_limit_exceeded"),
        ("exit_at_import", "runtime_error"),
        ("output_flood", "output_limit_exceeded"),
        ("always_equal", "runtime_error"),
        ("dynamic_import", "compile_error"),  # importlib is refused statically; test_forbid covers run time
    ],
)
def test_hostile_submission_verdicts(name: str, verdict: str, backend: str, seed: int) -> None:
    report = judge_file(get_problem("sorting"), HOSTILE / f"{name}.py", seed=seed, sandbox=backend,
                        only_groups=("examples",))
    assert report.verdict.value == verdict, report.dumps()
    assert report.sandbox == backend


def test_objects_are_released_in_the_worker_when_their_proxies_go() -> None:
    from conftest import REPO

    spec = WorkerSpec(submission=str(REPO / "tests" / "fixtures" / "submissions" / "counter.py"),
                      module="counter", entry_points=("Counter",))
    submission = Submission(get_sandbox("process"), spec, 5.0)
    submission.start()
    try:
        keep = submission.Counter()
        for _ in range(50):
            submission.Counter()
        assert keep.count() <= 2  # the 50 dropped proxies released their objects on the way
    finally:
        submission.close()


def test_arguments_the_codec_refuses_are_the_judges_fault() -> None:
    """A hidden test's unsendable argument is a judge bug (internal_error), never the submission's runtime error."""
    from judge import harness
    from judge.rpc import CodecError
    from judge.verdict import Verdict

    submission = _start("process", "always_equal")
    try:
        with pytest.raises(CodecError, match="the judge cannot send the arguments") as caught:
            submission.sort([object()])
        assert harness.classify(caught.value, "t")[0] is Verdict.INTERNAL_ERROR
    finally:
        submission.close()


@pytest.mark.parametrize("stats", [{"comparisons": "many"}, {"comparisons": 10**400}, ["call_s"], {1: 2},
                                   {"returned_args": [[0]]}])
def test_forged_counters_are_the_submissions_crash_not_the_judges(stats: object) -> None:
    """A worker answer with counters that are not plain numbers (forged on the protocol) ends as the
    submission's crash; the hidden test never meets them."""
    spec = WorkerSpec(submission=str(HOSTILE / "forge_protocol.py"), module="sorting", entry_points=("sort",))
    submission = Submission(get_sandbox("process"), spec, 1.0)
    with pytest.raises(SubmissionCrashed, match="protocol error"):
        submission._result({"status": "ok", "value": [1], "stats": stats}, "sort([1])", 0.0)
