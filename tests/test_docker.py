"""The docker sandbox: verdicts through `judge run --sandbox docker`, the container's hardening, and cleanup.

Skipped unless a Docker daemon answers and the worker image is built (`judge image build --local-base`);
with JUDGE_REQUIRE_DOCKER=1 (set by .ci/run once it has built the image) a skip is a failure.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import HOSTILE, REPO, require_sandbox

from judge.sandbox.base import WorkerSpec

PROBE = '''
import os


def sort(items):
    what, arg = items
    if what == "exists":
        return os.path.exists(arg)
    if what == "listdir":
        return sorted(os.listdir(arg))
    if what == "env":
        return dict(os.environ)
    if what == "ids":
        return [os.getuid(), os.getgid(), os.getcwd()]
    if what == "write":
        with open(arg, "w") as fh:
            fh.write("x")
        return "written"
    if what == "socket":
        import socket
        return str(socket.create_connection(("1.1.1.1", 53), timeout=2))
    raise ValueError(what)
'''


@pytest.fixture(autouse=True)
def docker_available() -> None:
    require_sandbox("docker")  # the same rule as the `backend` fixture's docker runs


def _containers_of(pid: int) -> list[str]:
    """Containers (running or not) whose judge process had this pid."""
    from judge.sandbox.docker import OWNER_LABEL
    from judge.sandbox.docker_image import connect

    found = connect().api.containers(all=True, filters={"label": OWNER_LABEL})
    return [c["Names"][0] for c in found if (c.get("Labels") or {}).get(OWNER_LABEL, "").endswith(f":{pid}")]


def _judge_with_pid(*args: str, timeout: float = 300) -> tuple[int, dict, int]:
    process = subprocess.Popen([sys.executable, "-m", "judge", "run", *args, "--sandbox", "docker", "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert out.strip(), err
    return process.returncode, json.loads(out), process.pid


def _judge(*args: str, timeout: float = 300) -> tuple[int, dict]:
    code, report, _pid = _judge_with_pid(*args, timeout=timeout)
    return code, report


@pytest.fixture
def probe(tmp_path: Path):
    from judge.sandbox import get_sandbox
    from judge.submission import Submission

    source = tmp_path / "probe.py"
    source.write_text(PROBE, encoding="utf-8")
    started: list[Submission] = []

    def start() -> Submission:
        spec = WorkerSpec(submission=str(source), module="sorting", entry_points=("sort",), memory_mb=256)
        submission = Submission(get_sandbox("docker"), spec, 10.0)
        submission.start()
        started.append(submission)
        return submission

    yield start
    for submission in started:
        submission.close()


def test_reference_is_accepted_on_the_examples(seed: int) -> None:
    code, report = _judge("sorting", "solutions/sorting.py", "--group", "examples", "--seed", str(seed))
    assert code == 0 and report["verdict"] == "accepted", report
    assert report["sandbox"] == "docker"


@pytest.mark.parametrize(("name", "verdict"), [("infinite_loop", "time_limit_exceeded"),
                                               ("memory_bomb", "memory_limit_exceeded")])
def test_hostile_verdicts_through_the_command_line(name: str, verdict: str, seed: int) -> None:
    code, report = _judge("sorting", str(HOSTILE / f"{name}.py"), "--group", "examples", "--seed", str(seed))
    assert code == 1 and report["verdict"] == verdict, report


def test_the_container_is_hardened(probe) -> None:
    from judge.sandbox.docker_image import IMAGE, connect

    submission = probe()
    info = connect().api.inspect_container(submission.worker.container)
    host, config = info["HostConfig"], info["Config"]
    assert host["NetworkMode"] == "none"
    assert host["ReadonlyRootfs"] is True
    assert "/tmp" in host["Tmpfs"] and "size=64m" in host["Tmpfs"]["/tmp"]
    assert host["Memory"] == host["MemorySwap"] > 256 << 20
    assert 0 < host["PidsLimit"] <= 128
    assert host["NanoCpus"] == 1_000_000_000
    assert host["CapDrop"] == ["ALL"]
    assert "no-new-privileges" in host["SecurityOpt"]
    assert host["Init"] is True
    assert host["LogConfig"]["Type"] == "none"
    assert config["User"] == "65534:65534" and config["Image"] == IMAGE
    assert info["State"]["Running"]


def test_no_network_interface_but_loopback(probe) -> None:
    submission = probe()
    assert submission.sort(["exists", "/sys/class/net/lo"]) is True
    assert submission.sort(["listdir", "/opt/judge-site"]) == ["judge", "msgpack", "numpy", "numpy.libs"]
    with pytest.raises((ImportError, PermissionError, OSError)):
        submission.sort(["socket", None])


def test_the_judges_files_do_not_exist_inside(probe) -> None:
    from judge.problems import get_problem

    submission = probe()
    hidden = next(get_problem("sorting").tests_dir.glob("test_*.py"))
    for path in (hidden, hidden.parent, REPO / "solutions" / "sorting.py", REPO / "tests", REPO):
        assert submission.sort(["exists", str(path)]) is False, path  # os.stat is not audited: the OS says so
    assert submission.sort(["exists", "/opt/judge-site/judge/runner.py"]) is False
    from judge.sandbox.base import WORKER_MODULES

    assert submission.sort(["listdir", "/opt/judge-site/judge"]) == sorted(WORKER_MODULES)  # nothing else


def test_environment_is_scrubbed_and_user_is_not_root(probe, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUDGE_TEST_SECRET_TOKEN", "hunter2")
    submission = probe()
    env = submission.sort(["env", None])
    assert "JUDGE_TEST_SECRET_TOKEN" not in env and "hunter2" not in repr(env)
    assert set(env) <= {"PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                        "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "OPENBLAS_CORETYPE",
                        "OPENBLAS_L2_SIZE"}, env
    uid, gid, cwd = submission.sort(["ids", None])
    assert uid == 65534 and gid == 65534 and cwd == "/tmp"
    assert submission.sort(["write", "/tmp/scratch.txt"]) == "written"
    with pytest.raises(PermissionError):
        submission.sort(["write", "/opt/judge-site/judge/worker.py"])


@pytest.mark.parametrize("name", ["chatty", "infinite_loop", "exit_at_import"])
def test_containers_are_removed_after_a_run(name: str, seed: int) -> None:
    _code, report, pid = _judge_with_pid("sorting", str(HOSTILE / f"{name}.py"), "--group", "examples", "--seed",
                                         str(seed))
    assert report["sandbox"] == "docker"
    left = _containers_of(pid)  # other tests may be running containers of their own meanwhile
    assert not left, f"containers left behind: {left}"


def test_interrupted_judge_removes_its_container(tmp_path: Path) -> None:
    slow = tmp_path / "slow_import.py"
    slow.write_text("import time\ntime.sleep(60)\n\n\ndef sort(items):\n    return items\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "judge", "run", "sorting", str(slow), "--sandbox", "docker",
                                "--json"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not _containers_of(process.pid):
            assert time.monotonic() < deadline, "the judge never started a container"
            assert process.poll() is None, process.communicate()
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)  # what Ctrl-C sends
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert not _containers_of(process.pid)
