"""The local executor's judging servers (judge.grading.server): the same reports as a fresh `judge run`, a child
that dies or hangs costs its own task an internal_error and nothing else, interruption stops the judging.

Most tasks use a toy course catalog written into tmp_path, whose hidden test can crash or hang the judge process
itself on demand (a submission returning "exit", "kill" or "hang"), which no sandboxed submission could do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import REPO, expected_verdict

from judge.grading.pool import JudgeTask, JudgingServer, ServerPool, judge_all, judge_task
from judge.verdict import Report

TOY_TOML = """id = "toy-crash"
title = "Toy that can crash the judge"
difficulty = "easy"
module = "toy_crash"
entry_points = ["answer"]

[limits]
call_timeout_s = 5.0

[[groups]]
name = "basic"
points = 60
time_limit_s = 60

[[groups]]
name = "props"
points = 40
time_limit_s = 60
max_examples = 20
"""

TOY_TESTS = '''import os
import signal
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judge.testing import expect_equal


@pytest.mark.group("basic")
def test_answer(submission):
    got = submission.answer(1)
    if got == "exit":
        os._exit(3)
    if got == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if got == "hang":
        time.sleep(600)
    expect_equal(got, 2, input=1)


@pytest.mark.group("props")
@given(st.integers(-1000, 1000))
def test_doubles(submission, reference, x):
    expect_equal(submission.answer(x), reference.answer(x), input=x)
'''

REFERENCE = "def answer(x):\n    return 2 * x\n"
WRONG = "def answer(x):\n    return 2 * x if x < 7 else 2 * x + 1\n"


def behaving(word: str) -> str:
    return f"def answer(x):\n    return {word!r} if x == 1 else 2 * x\n"


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    tests = root / "problems" / "toy-crash" / "tests"
    tests.mkdir(parents=True)
    (root / "problems" / "toy-crash" / "problem.toml").write_text(TOY_TOML)
    (root / "problems" / "toy-crash" / "statement.md").write_text("# Toy\n\nReturn twice x.\n")
    (tests / "test_toy_crash.py").write_text(TOY_TESTS)
    (root / "solutions").mkdir()
    (root / "solutions" / "toy_crash.py").write_text(REFERENCE)
    return root


def toy_task(key: str, source: str, catalog: Path, seed: int, timeout_s: float = 300.0) -> JudgeTask:
    return JudgeTask(key, "toy-crash", "toy_crash.py", source.encode(), seed, sandbox="process",
                     problems_path=str(catalog), timeout_s=timeout_s)


def content(data: dict) -> dict:
    """A report's JSON without what differs between two judgings of the same seed (times)."""
    out = {k: v for k, v in data.items() if k not in ("time_s", "call_s")}
    out["groups"] = [{k: v for k, v in g.items() if k not in ("time_s", "call_s")} for g in data["groups"]]
    return out


def test_servers_give_the_reports_of_a_fresh_judge_run(catalog: Path, seed: int) -> None:
    known = [REPO / "problems" / "expression-eval" / "known" / name
             for name in ("wrong_answer_float_arithmetic.py", "accepted_running_term.py",
                          "compile_error_uses_eval.py")]
    tasks = [toy_task("toy-right", REFERENCE, catalog, seed), toy_task("toy-wrong", WRONG, catalog, seed)]
    tasks += [JudgeTask(path.stem, "expression-eval", "expression_eval.py", path.read_bytes(), seed,
                        sandbox="process", max_examples=10, problems_path=None) for path in known]
    forked = judge_all(tasks, workers=2)
    for task in tasks:
        fresh = judge_task(task)
        assert content(forked[task.key].to_json()) == content(fresh), f"seed {seed}: {task.key}"
    assert forked["toy-wrong"].verdict.value == "wrong_answer"
    assert "7" in (forked["toy-wrong"].groups[1].failure.failing_input or "")  # hypothesis found and shrank it
    for path in known:
        assert forked[path.stem].verdict.value == expected_verdict(path), f"seed {seed}: {path.stem}"


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_a_child_that_dies_fails_its_task_only(catalog: Path, seed: int, how: str) -> None:
    tasks = [toy_task("before", REFERENCE, catalog, seed), toy_task("dies", behaving(how), catalog, seed),
             toy_task("after", REFERENCE, catalog, seed), toy_task("last", WRONG, catalog, seed)]
    reports = judge_all(tasks, workers=1)  # one server judges them all, in order
    verdicts = {key: report.verdict.value for key, report in reports.items()}
    assert verdicts == {"before": "accepted", "dies": "internal_error", "after": "accepted",
                        "last": "wrong_answer"}
    code = "3" if how == "exit" else "-9"
    assert reports["dies"].message == f"the judge failed: exit code {code}"
    assert all(g.verdict.value == "internal_error" for g in reports["dies"].groups)


def test_a_hanging_judging_is_cut_by_the_timeout(catalog: Path, seed: int) -> None:
    pool = ServerPool(1)
    try:
        started = time.monotonic()
        hung = Report.from_json(pool.judge(toy_task("hangs", behaving("hang"), catalog, seed, timeout_s=3)))
        took = time.monotonic() - started
        after = Report.from_json(pool.judge(toy_task("after", REFERENCE, catalog, seed)))
    finally:
        pool.close()
    assert hung.verdict.value == "internal_error"
    assert hung.message == "the judging did not finish within 3 s"
    assert took < 60  # the child's 600 s sleep was cut, not waited out
    assert after.verdict.value == "accepted"  # the server lives on


def _children(pid: int) -> list[int]:
    from judge.sandbox.base import descendants

    return descendants(pid)


@pytest.mark.xfail(reason="in a fresh-clone CI-style run (started in the background, no stdin) the forked judging "
                          "and its worker outlive the server; passes when run alone: open in issue 14", strict=False)
def test_closing_an_interrupted_pool_stops_the_judging_and_its_worker(catalog: Path, seed: int) -> None:
    server = JudgingServer()
    server.start()
    server_pid = server.proc.pid
    result: list[dict] = []
    thread = threading.Thread(target=lambda: result.append(
        server.judge(toy_task("hangs", behaving("hang"), catalog, seed))))
    thread.start()
    deadline = time.monotonic() + 60
    while len(_children(server_pid)) < 2 and time.monotonic() < deadline:  # the child and its worker
        time.sleep(0.05)
    running = _children(server_pid)
    assert len(running) >= 2
    server.close(kill=True)
    thread.join(30)
    assert not thread.is_alive()
    assert result and result[0]["verdict"] == "internal_error"
    deadline = time.monotonic() + 60  # a busy CI machine: the SIGINT, pytest ending, the sandbox killed
    while not all(_gone(pid) for pid in running) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in running if not _gone(pid)] == []
    server.remove()


LOCAL = """
def local_modules():
    from hypothesis.internal.constants_ast import is_local_module_file
    return sorted(name for name, module in list(sys.modules.items())
                  if isinstance(getattr(module, "__file__", None), str) and is_local_module_file(module.__file__))
"""
# `python -m judge run`, with the local modules printed as its hidden tests start
FRESH = "import json, runpy, sys\n" + LOCAL + """
import judge.runner as runner
real = runner.run_pytest
def spy(*args):
    print(json.dumps(local_modules()), file=sys.stderr)
    return real(*args)
runner.run_pytest = spy
sys.argv = ["judge", "run", "toy-crash", "toy_crash.py", "--json", "--sandbox", "process", "--seed", "1"]
runpy.run_module("judge", run_name="__main__", alter_sys=True)
"""
# a server as `python -m judge.grading.server` starts it (not imported under its own name), after prepare()
SERVED = "import json, runpy, sys\n" + LOCAL + """
server = runpy.run_module("judge.grading.server", run_name="judge_server")
server["prepare"]()
print(json.dumps(local_modules()))
"""


def test_a_child_holds_the_local_modules_of_a_fresh_judge_run(catalog: Path, tmp_path: Path) -> None:
    """hypothesis draws constants from every loaded local module: the server must not add any of its own."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(catalog / "solutions" / "toy_crash.py", work / "toy_crash.py")
    env = dict(os.environ, JUDGE_PROBLEMS_PATH=str(catalog))
    fresh = subprocess.run([sys.executable, "-c", FRESH], cwd=work, env=env, capture_output=True, text=True,
                           timeout=300)
    fresh_modules = set(json.loads(fresh.stderr.strip().splitlines()[-1]))
    served = subprocess.run([sys.executable, "-c", SERVED], cwd=work, env=env, capture_output=True, text=True,
                            timeout=300)
    server_modules = set(json.loads(served.stdout.strip().splitlines()[-1]))
    assert "judge.runner" in server_modules and "__main__" in server_modules
    assert server_modules - fresh_modules == set()


PARENT = """
import sys
from judge.grading.pool import JudgeTask, ServerPool
pool = ServerPool(1)
print(pool.servers[0].proc.pid, flush=True)
source = "def answer(x):\\n    return 'hang' if x == 1 else 2 * x\\n"
pool.judge(JudgeTask("hangs", "toy-crash", "toy_crash.py", source.encode(), 1, sandbox="process",
                     problems_path=sys.argv[1]))
"""


def _gone(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().split(")")[-1].split()[0] in ("Z", "X")
    except OSError:
        return True


@pytest.mark.xfail(reason="in a fresh-clone CI-style run (started in the background, no stdin) the forked judging "
                          "and its worker outlive the server; passes when run alone: open in issue 14", strict=False)
def test_the_parents_death_stops_the_server_its_child_and_the_worker(catalog: Path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(catalog)], stdout=subprocess.PIPE, text=True)
    try:
        server_pid = int(parent.stdout.readline())
        deadline = time.monotonic() + 60
        while len(_children(server_pid)) < 2 and time.monotonic() < deadline:  # the child and its worker
            time.sleep(0.05)
        running = [server_pid, *_children(server_pid)]
        assert len(running) >= 3
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 30
    while not all(_gone(pid) for pid in running) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in running if not _gone(pid)] == []
