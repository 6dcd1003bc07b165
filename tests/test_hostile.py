"""The hostile suite: every attack of tests/hostile/ under every available backend.

Each attack must get one of the verdicts listed for it (never `accepted`), the judge must come back within
a wall-clock bound (no hang), and nothing may be left behind: no process of the run, no container, no file
written outside the worker's working directory, no canary of the judge's environment in the report.
Attacks that need a parameter from the test (a port, a path) are driven through `Submission` directly.
"""

from __future__ import annotations

import contextlib
import dataclasses
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import HOSTILE, REPO

from judge.problems import data_root, get_problem
from judge.runner import judge_file
from judge.sandbox import get_sandbox
from judge.sandbox.base import WorkerSpec, descendants
from judge.submission import JudgeOutcome, Submission, SubmissionFault

CALL_TIMEOUT_S = 2.0  # the sorting problem's 10 s per call, cut so the suite stays quick
WALL_BOUND_S = 60.0  # a judge that takes longer than this on one attack is hung
CANARY_VARIABLE = "JUDGE_HOSTILE_CANARY"
CANARY_VALUE = "canary-7f3c9a1e-must-not-leak"

TLE = "time_limit_exceeded"
MLE = "memory_limit_exceeded"
RE = "runtime_error"
WA = "wrong_answer"
OLE = "output_limit_exceeded"

# attack -> the verdicts it may get (judged by `judge_file` on the examples group)
VERDICTS: dict[str, set[str]] = {
    "infinite_loop": {TLE},
    "sleep_forever": {TLE},
    "ignore_sigterm": {TLE},
    "import_loop": {TLE},
    "memory_bomb": {MLE},
    # sorting does not preload numpy: unreadable to the worker -> ImportError (runtime_error); where the image
    # holds it (docker) the allocation fails instead
    "numpy_memory_bomb": {MLE, RE},
    "fork_bomb": {RE},
    "thread_bomb": {RE, TLE, MLE},
    "double_fork_daemon": {RE, WA},
    "output_flood": {OLE},
    "stderr_flood": {OLE},
    "fill_disk": {RE},
    "write_outside": {RE},
    "read_environment": {WA, RE},
    "read_reference": {RE},
    "import_reference": {RE},
    "exit_at_import": {RE},
    "sys_exit_in_call": {RE},
    "os_exit_at_import": {RE},
    "os_exit_in_call": {RE},
    "kill_parent": {WA, RE},
    "kill_everything": {RE},
    "segfault": {RE},
    "deep_recursion": {RE, TLE},  # a C stack overflow (SIGSEGV); building a million nested lists may take the
                                  # suite's 2 s call limit on a loaded machine
    "unbounded_recursion": {RE},  # setrecursionlimit(10**8) is capped: a RecursionError within one call limit
    "huge_int": {RE, WA},
    "deeply_nested": {RE, WA},
    # values the judge must show without str() or recursion: a verdict about the submission, never internal_error
    "huge_int_list": {WA},
    "huge_int_many": {WA},
    "huge_int_million": {MLE, OLE, RE},  # ~2 GB encoded: past the worker's memory or the frame cap
    "deeply_nested_tuple": {RE},  # the worker's encoder meets its recursion limit
    "deeply_nested_dict": {WA},
    "big_string": {WA},
    "always_equal": {RE},
    "object_array": {RE, WA},
    "pickle_payload": {WA, RE},
    "forge_protocol": {RE},
    "write_conftest": {WA, RE},
    # the C helper of subprocess, where the interpreter has it built in (a distribution's python3, as in the
    # docker image), is loaded without an import event: the child starts, and only the sandbox contains it
    "spawn_unaudited": {RE, WA},
}
# only where the worker has its own pid namespace: a failure must not be able to hurt this machine
PID_NAMESPACE_ONLY = {"kill_parent", "kill_everything"}

# files an attack tries to create outside its working directory: none may exist afterwards
FORBIDDEN_GLOBS = [
    "/tmp/judge-hostile-*", "/var/tmp/judge-hostile-*", "/dev/shm/judge-hostile-*", "/etc/judge-hostile-*",
    os.path.expanduser("~/judge-hostile-*"), "/root/judge-hostile-*", str(REPO / "judge-hostile-*"),
    "/tmp/conftest.py", "/tmp/sitecustomize.py", str(REPO / "sitecustomize.py"), str(REPO / "conftest.py"),
    str(REPO / "problems" / "conftest.py"), str(REPO / "problems" / "sorting" / "tests" / "sitecustomize.py"),
    str(REPO / "problems" / "sorting" / "tests" / "judge-hostile-*"),
]
# files that exist and that an attack would like to change: their content must be the same afterwards
GUARDED_FILES = [REPO / "problems" / "sorting" / "tests" / "conftest.py", REPO / "solutions" / "sorting.py"]


# filling the 1 GiB address space takes ~0.4 s idle and several seconds on a loaded CI machine, and so does moving
# a result of hundreds of MB: these attacks keep the problem's own call timeout, so that they meet the memory
# limit, or reach the judge's checks, before the clock
SLOW_ATTACKS = {"memory_bomb", "numpy_memory_bomb", "huge_int_list", "huge_int_many", "huge_int_million", "big_string"}
# attack -> the groups it is judged on, where not only the examples: the complexity group's checks built their
# messages with repr() of the result, which raised for ints past 4300 digits (an internal_error)
GROUPS = {"huge_int_list": ("examples", "complexity")}


def _problem(attack: str = ""):
    """Sorting without its forbidden names: the static scan would refuse many attacks (importlib, ctypes,
    sys.modules) before they run, and this suite is about what the sandbox contains at run time."""
    problem = dataclasses.replace(get_problem("sorting"), forbidden=())
    return problem if attack in SLOW_ATTACKS else dataclasses.replace(problem, call_timeout_s=CALL_TIMEOUT_S)


def _forbidden_files() -> list[str]:
    return sorted(p for pattern in FORBIDDEN_GLOBS for p in glob.glob(pattern))


def _guarded_contents() -> list[bytes]:
    return [path.read_bytes() for path in GUARDED_FILES]


def _process_snapshot() -> set[int]:
    return {int(e) for e in os.listdir("/proc") if e.isdigit()}


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _survivors(before: set[int], marker: str) -> list[int]:
    """Processes started since `before` that belong to this run: our descendants, or any process whose command
    line names the attack (every worker carries its file's name in its configuration; so do its forks)."""
    ours = set(descendants(os.getpid()))
    return [pid for pid in _process_snapshot() - before
            if _alive(pid) and (pid in ours or marker.encode() in _cmdline(pid))]


def _our_containers() -> list[str]:
    if shutil.which("docker") is None:
        return []
    owner = f"{socket.gethostname()}:{os.getpid()}"
    result = subprocess.run(["docker", "ps", "-aq", "--filter", f"label=judge.owner={owner}",
                             "--filter", "name=judge-"], capture_output=True, text=True, timeout=30, check=False)
    return result.stdout.split()


@pytest.fixture
def leftovers(backend: str):
    """Asserts, after the test, that the run left no process, container or file behind."""
    before_files = _forbidden_files()
    before_contents = _guarded_contents()
    before = _process_snapshot()
    markers: list[str] = []
    yield markers
    deadline = time.monotonic() + 5
    survivors = _survivors(before, markers[0]) if markers else []
    while survivors and time.monotonic() < deadline:  # a kill is asynchronous: give it a moment
        time.sleep(0.1)
        survivors = _survivors(before, markers[0])
    assert not survivors, [(pid, _cmdline(pid)[:200]) for pid in survivors]
    if backend == "docker":
        assert not _our_containers()
    assert _forbidden_files() == before_files
    assert _guarded_contents() == before_contents


def _assert_no_canary(*texts: str | None) -> None:
    for text in texts:
        assert CANARY_VALUE not in (text or "")


@pytest.mark.parametrize("attack", sorted(VERDICTS))
def test_attack_is_contained(attack: str, backend: str, leftovers: list[str], seed: int,
                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if attack in PID_NAMESPACE_ONLY and backend == "process":
        pytest.skip("run only with a private pid namespace (see test_kill_attacks_under_process_in_a_pid_namespace)")
    path = tmp_path / f"{attack}.py"  # a path of this test only: its workers carry it on their command line
    shutil.copyfile(HOSTILE / f"{attack}.py", path)
    leftovers.append(str(path))
    monkeypatch.setenv(CANARY_VARIABLE, CANARY_VALUE)
    began = time.monotonic()
    groups = GROUPS.get(attack, ("examples",))
    report = judge_file(_problem(attack), path, seed=seed, sandbox=backend, only_groups=groups)
    took = time.monotonic() - began
    document = report.dumps()
    bound = WALL_BOUND_S * (2 if attack in SLOW_ATTACKS else 1)  # moving hundreds of MB: slower under docker
    assert took < bound, f"the judge took {took:.1f} s"
    assert report.sandbox == backend
    assert report.verdict.value != "accepted", document
    assert report.verdict.value in VERDICTS[attack], document
    if attack in GROUPS:  # the groups named ran (a verdict from the examples alone would hide their failure)
        assert [g.name for g in report.groups if g.tests_run] == list(groups), document
    _assert_no_canary(document, report.output, report.message)


def _marker(request: pytest.FixtureRequest, attack: str) -> str:
    """The name a worker shows its submission under: unique to the test, so its processes can be told apart."""
    return f"{attack}.py@{request.node.nodeid}"


def _start(backend: str, attack: str, shown_as: str, timeout: float = CALL_TIMEOUT_S) -> Submission:
    worker_spec = WorkerSpec(submission=str(HOSTILE / f"{attack}.py"), module="sorting", entry_points=("sort",),
                             memory_mb=512, forbidden=("sorted", "list.sort", "heapq"), shown_as=shown_as)
    submission = Submission(get_sandbox(backend), worker_spec, timeout)
    submission.start()
    return submission


def test_loopback_port_of_the_host_sees_no_connection(backend: str, leftovers: list[str],
                                                      request: pytest.FixtureRequest) -> None:
    leftovers.append(_marker(request, "connect_loopback"))
    accepted: list[bytes] = []
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        listener.settimeout(0.2)
        port = listener.getsockname()[1]
        stop = threading.Event()

        def accept() -> None:
            while not stop.is_set():
                with contextlib.suppress(OSError):
                    conn, _ = listener.accept()
                    accepted.append(conn.recv(100) or b"<connected>")
                    conn.close()

        watcher = threading.Thread(target=accept, daemon=True)
        watcher.start()
        submission = _start(backend, "connect_loopback", leftovers[0])
        try:
            with pytest.raises((ImportError, PermissionError, OSError, JudgeOutcome)):
                submission.sort([port])
        finally:
            submission.close()
            time.sleep(0.3)
            stop.set()
            watcher.join(timeout=2)
    assert accepted == []


def _secret_files() -> list[str]:
    root = data_root()
    hidden = next((root / "problems" / "sorting" / "tests").glob("test_*.py"))
    other = next((root / "problems" / "sorting" / "known").glob("*.py"))
    return [str(hidden), str(root / "solutions" / "sorting.py"), str(other),
            str(REPO / "judge" / "runner.py"), f"/proc/{os.getpid()}/environ"]


@pytest.mark.parametrize("index", range(5), ids=["hidden-test", "reference", "other-submission", "judge-code",
                                                 "judge-environ"])
def test_judge_files_are_unreadable(backend: str, leftovers: list[str], request: pytest.FixtureRequest,
                                    index: int) -> None:
    leftovers.append(_marker(request, "read_hidden"))
    submission = _start(backend, "read_hidden", leftovers[0])
    try:
        with pytest.raises((PermissionError, FileNotFoundError)):
            submission.sort([_secret_files()[index]])
    finally:
        submission.close()


def test_reference_given_its_path_is_not_run(backend: str, leftovers: list[str],
                                             request: pytest.FixtureRequest) -> None:
    leftovers.append(_marker(request, "read_reference"))
    submission = _start(backend, "read_reference", leftovers[0])
    try:
        with pytest.raises(PermissionError):
            submission.sort([str(data_root() / "solutions" / "sorting.py")])
    finally:
        submission.close()


def test_writes_outside_the_work_dir_fail(backend: str, leftovers: list[str], request: pytest.FixtureRequest,
                                          tmp_path: Path) -> None:
    leftovers.append(_marker(request, "write_outside"))
    targets = [str(REPO / "judge-hostile-outside"), str(tmp_path / "judge-hostile-outside"),
               os.path.expanduser("~/judge-hostile-outside"), "/tmp/judge-hostile-outside",
               "/tmp/../etc/judge-hostile-outside", str(REPO / "problems" / "sorting" / "tests" / "judge-hostile-x")]
    existing = [t for t in targets if os.path.exists(t)]
    assert existing == []  # the attack creates files (never overwrites), so it may only name new paths
    submission = _start(backend, "write_outside", leftovers[0])
    try:
        written = submission.sort(targets)
    except SubmissionFault:
        written = []
    finally:
        submission.close()
    on_host = [t for t in targets if os.path.exists(t)]
    for path in on_host:  # do not leave it for the next test to trip over
        os.remove(path)
    if backend == "process":
        assert written == []  # only the audit hook stands between it and the host here
    assert on_host == []


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("unshare") is None,
                    reason="needs root and unshare(1) for a private pid namespace")
@pytest.mark.parametrize("attack", sorted(PID_NAMESPACE_ONLY))
def test_kill_attacks_under_process_in_a_pid_namespace(attack: str, seed: int) -> None:
    """The whole judge runs in its own pid namespace, so even a kill that got through hits nothing outside."""
    began = time.monotonic()
    result = subprocess.run(
        ["unshare", "--pid", "--fork", "--mount-proc", sys.executable, "-m", "judge", "run", "sorting",
         str(HOSTILE / f"{attack}.py"), "--sandbox", "process", "--json", "--group", "examples", "--seed", str(seed)],
        capture_output=True, text=True, timeout=WALL_BOUND_S, cwd=REPO, check=False,
    )
    assert time.monotonic() - began < WALL_BOUND_S
    report = json.loads(result.stdout)
    assert result.returncode == 1, result.stderr
    assert report["verdict"] in VERDICTS[attack], report
