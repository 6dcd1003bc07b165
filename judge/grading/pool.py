"""Judging many submissions at once, on this machine or on a Dask cluster.

Every judging runs in its own process, as `judge run --json`: the hidden tests run in-process under pytest, which
is neither thread-safe nor meant to be re-entered, and a process per submission means nothing of one submission's
judging (hypothesis state, a judge crash) reaches the next. The local executor forks these processes from judging
servers (judge.grading.server: pytest, hypothesis and numpy imported once per worker slot); the Dask executor
starts a fresh `python -m judge run` per task (`judge_task`). Both run the same command line and read its output
the same way (`_outcome`), so for one seed they give the same reports. The submission's source travels inside the
task, so a Dask worker on another machine needs the judge installed but no shared disk.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from judge.grading.lifeline import PARENT_ENV
from judge.problems import EXTRA_ROOT_ENV, extra_root
from judge.verdict import Report, Verdict

EXECUTORS = ("local", "dask")
DASK_RETRIES = 2  # a task whose worker died is run again (by the scheduler) up to this many extra times
SERVER_SLACK_S = 120.0  # beyond a task's own limit: the server's start-up (imports) and its answer


def current_catalog() -> str | None:
    """The course catalog ($JUDGE_PROBLEMS_PATH) this process sees, for tasks judged elsewhere."""
    root = extra_root()
    return str(root) if root is not None else None


class PoolError(Exception):
    """The executor cannot run at all (no dask installed, scheduler unreachable): a usage error for the CLI."""


@dataclass(frozen=True)
class JudgeTask:
    """One judging: everything a worker needs, with the submission's bytes (never a path on a shared disk)."""

    key: str                 # unique within one batch
    problem: str             # problem id
    filename: str            # the submission's file name as judged, e.g. sorting.py
    source: bytes
    seed: int
    sandbox: str = "auto"
    max_examples: int | None = None
    fail_fast: bool = False
    groups: tuple[str, ...] = ()
    problems_path: str | None = field(default_factory=current_catalog)  # a course's own catalog, if any
    timeout_s: float = 3600.0


def command_for(task: JudgeTask) -> list[str]:
    cmd = [sys.executable, "-m", "judge", "run", task.problem, task.filename, "--json",
           "--seed", str(task.seed), "--sandbox", task.sandbox]
    if task.max_examples is not None:
        cmd += ["--max-examples", str(task.max_examples)]
    if task.fail_fast:
        cmd.append("--fail-fast")
    for group in task.groups:
        cmd += ["--group", group]
    return cmd


def judge_task(task: JudgeTask) -> dict:
    """Judge one task in a fresh `judge run --json` process; the report's JSON form, never an exception.

    The file is written alone into a private temporary directory (other submissions are never beside it) and
    judged from there, so tracebacks name only `task.filename` and reports do not depend on where it ran.
    """
    started = time.monotonic()
    env = dict(os.environ, **{PARENT_ENV: str(os.getpid())})
    env.pop("PYTEST_XDIST_WORKER", None)
    if task.problems_path:
        env[EXTRA_ROOT_ENV] = task.problems_path
    try:
        with tempfile.TemporaryDirectory(prefix="judge-batch-") as tmp:
            (Path(tmp) / task.filename).write_bytes(task.source)
            proc = subprocess.run(command_for(task), cwd=tmp, env=env, capture_output=True, text=True,
                                  timeout=task.timeout_s, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return _failed(task, f"the judging did not finish within {task.timeout_s:.0f} s", started)
    except OSError as exc:
        return _failed(task, f"cannot start the judge: {exc}", started)
    return _outcome(task, proc.returncode, proc.stdout, proc.stderr, started)


def _outcome(task: JudgeTask, code: int, stdout: str, stderr: str, started: float) -> dict:
    """The report a judging printed, or an internal_error report saying why there is none."""
    if code in (0, 1):
        try:
            data = json.loads(stdout)
            Report.from_json(data)  # refuse anything that is not a whole report
            return data
        except (ValueError, KeyError, TypeError):
            pass
    detail = (stderr.strip().splitlines() or [f"exit code {code}"])[-1]
    return _failed(task, f"the judge failed: {detail}", started)


def _failed(task: JudgeTask, message: str, started: float) -> dict:
    """An internal_error report for a judging that produced none (so nothing is silently dropped)."""
    from judge.problems import ProblemError, get_problem

    elapsed = time.monotonic() - started
    try:
        problem = get_problem(task.problem)
    except ProblemError:
        return Report(task.problem, Verdict.INTERNAL_ERROR, task.seed, task.sandbox, elapsed, (), message).to_json()
    return Report.for_all(problem, Verdict.INTERNAL_ERROR, message, task.seed, task.sandbox, elapsed).to_json()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class JudgingServer:
    """The pool's end of one judging server (judge.grading.server): a task in, its outcome out, one at a time."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.home = tempfile.mkdtemp(prefix="judge-server-")  # its working directory: nothing to import there
        self.buffer = b""

    def start(self) -> None:
        env = dict(os.environ, **{PARENT_ENV: str(os.getpid())})
        env.pop("PYTEST_XDIST_WORKER", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "judge.grading.server"], cwd=self.home, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buffer = b""

    def judge(self, task: JudgeTask) -> dict:
        """The task's report (JSON form), or an internal_error report: never an exception."""
        started = time.monotonic()
        if self.proc is None or self.proc.poll() is not None:
            try:
                self.start()
            except OSError as exc:
                return _failed(task, f"cannot start the judging server: {exc}", started)
        proc = self.proc  # close() from another thread (an interrupted batch) may drop self.proc meanwhile
        message = {"argv": command_for(task)[3:], "filename": task.filename,
                   "source": base64.b64encode(task.source).decode("ascii"), "problems_path": task.problems_path,
                   "timeout_s": task.timeout_s}
        try:
            proc.stdin.write((json.dumps(message) + "\n").encode())
            proc.stdin.flush()
            answer = self._answer(proc, started + task.timeout_s + SERVER_SLACK_S)
        except (OSError, ValueError) as exc:
            answer, problem = None, f"{type(exc).__name__}: {exc}"
        else:
            problem = "it exited" if proc.poll() is not None else "it did not answer"
        if answer is None:
            if self.proc is proc:
                self.proc = None
            _stop_server(proc, kill=True)
            proc.stdout.close()
            return _failed(task, f"the judging server failed: {problem}", started)
        if answer.get("timeout"):
            return _failed(task, f"the judging did not finish within {task.timeout_s:.0f} s", started)
        return _outcome(task, int(answer["code"]), answer["stdout"], answer["stderr"], started)

    def _answer(self, proc: subprocess.Popen, deadline: float) -> dict | None:
        fd = proc.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in self.buffer:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    return None
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    return None
                self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def close(self, kill: bool = False) -> None:
        """Stop the server: EOF lets it finish; `kill` interrupts a judging under way (SIGINT, then SIGKILL).

        With `kill` the thread judging on this server, if any, sees the server gone and closes its output.
        """
        proc, self.proc = self.proc, None
        if proc is not None:
            _stop_server(proc, kill)
            if not kill:
                proc.stdout.close()

    def remove(self) -> None:
        self.close()
        shutil.rmtree(self.home, ignore_errors=True)  # hypothesis keeps a cache of constants there


def _stop_server(proc: subprocess.Popen, kill: bool) -> None:
    with contextlib.suppress(OSError):
        proc.stdin.close()
    if kill and proc.poll() is None:
        with contextlib.suppress(OSError):
            proc.send_signal(signal.SIGINT)  # the server stops its child's sandbox first
    try:
        proc.wait(10.0)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class ServerPool:
    """`workers` judging servers shared by the executor's threads, each used by one thread at a time."""

    def __init__(self, workers: int) -> None:
        self.servers = [JudgingServer() for _ in range(workers)]
        self.idle: queue.SimpleQueue[JudgingServer] = queue.SimpleQueue()
        self.lock = threading.Lock()
        for server in self.servers:
            server.start()  # from this thread, which outlives the batch (PR_SET_PDEATHSIG follows the thread)
            self.idle.put(server)

    def judge(self, task: JudgeTask) -> dict:
        server = self.idle.get()
        try:
            return server.judge(task)
        finally:
            self.idle.put(server)

    def close(self, kill: bool = False) -> None:
        for server in self.servers:
            server.close(kill)
        if not kill:
            for server in self.servers:
                server.remove()


def _local(tasks: Sequence[JudgeTask], workers: int) -> Iterator[tuple[JudgeTask, dict]]:
    servers = ServerPool(min(workers, len(tasks)))
    finished = False
    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="judge") as pool:
            futures = {pool.submit(servers.judge, task): task for task in tasks}
            try:
                for future in as_completed(futures):
                    yield futures[future], future.result()
                finished = True
            finally:
                for future in futures:
                    future.cancel()
                if not finished:  # interrupted: stop the judgings under way rather than wait for them
                    servers.close(kill=True)
    finally:
        servers.close()


def _dask(tasks: Sequence[JudgeTask], scheduler: str | None, connect_timeout_s: float
          ) -> Iterator[tuple[JudgeTask, dict]]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_as_completed
    except ImportError:
        raise PoolError("the dask executor needs Dask distributed: pip install 'judge[dask]'") from None
    if not scheduler:
        raise PoolError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        client = Client(scheduler, timeout=connect_timeout_s, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise PoolError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    batch = uuid.uuid4().hex[:12]
    try:
        futures = {}
        for task in tasks:
            future = client.submit(judge_task, task, key=f"judge-{batch}-{task.key}", pure=False,
                                   retries=DASK_RETRIES)
            futures[future] = task
        for future in dask_as_completed(list(futures), loop=client.loop):
            task = futures[future]
            try:
                data = future.result()
            except Exception as exc:  # the cluster gave up on this task: say so in its report
                data = _failed(task, f"the Dask cluster could not judge it: {type(exc).__name__}: {exc}",
                               time.monotonic())
            yield task, data
    finally:
        client.close()


def judge_all(tasks: Sequence[JudgeTask], *, workers: int | None = None, executor: str = "local",
              scheduler: str | None = None, on_result: Callable[[JudgeTask, Report], None] | None = None,
              connect_timeout_s: float = 20.0) -> dict[str, Report]:
    """Judge every task; reports by task key, each exactly once, `on_result` called as each one finishes."""
    keys = [task.key for task in tasks]
    if len(set(keys)) != len(keys):
        raise ValueError("task keys must be unique")
    if executor not in EXECUTORS:
        raise PoolError(f"unknown executor {executor!r} (choose from {', '.join(EXECUTORS)})")
    if not tasks:
        return {}
    stream = (_local(tasks, workers or default_workers()) if executor == "local"
              else _dask(tasks, scheduler, connect_timeout_s))
    reports: dict[str, Report] = {}
    for task, data in stream:
        if task.key in reports:  # a result delivered twice (a retried task) counts once
            continue
        report = Report.from_json(data)
        reports[task.key] = report
        if on_result is not None:
            on_result(task, report)
    missing = [key for key in keys if key not in reports]
    if missing:  # never silently dropped
        raise RuntimeError(f"{len(missing)} judgings produced no report: {', '.join(missing[:5])}")
    return reports
