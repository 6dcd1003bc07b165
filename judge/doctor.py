"""`judge doctor`: self-tests of every sandbox backend on this machine, and which one `auto` picks.

Each check starts a real worker with a small probe submission and tries what a hostile one would:
the network, the judge's files and environment, memory, time. A backend is healthy when every attack
fails the way it should.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from judge.sandbox import BACKENDS, get_sandbox
from judge.sandbox.base import WorkerSpec
from judge.submission import MemoryLimitExceeded, Submission, TimeLimitExceeded

PROBE = '''
import os


def probe(kind, arg=None):
    if kind == "ping":
        return "pong"
    if kind == "env":
        return sorted(os.environ)
    if kind == "read":
        with open(arg, "rb") as fh:
            return len(fh.read())
    if kind == "net":
        import socket
        socket.create_connection(("127.0.0.1", 9), timeout=1)
        return "connected"
    if kind == "memory":
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))
    if kind == "spin":
        while True:
            pass
    if kind == "fork":
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        return "forked"
    raise ValueError(kind)
'''

SECRET_VARIABLE = "JUDGE_DOCTOR_SECRET"
STARTUP_SAMPLES = 3


@dataclass(frozen=True)
class Check:
    backend: str
    name: str
    ok: bool
    detail: str
    ms: float | None = None  # a measured time, for machines (`judge doctor --json`)


def _expect_refusal(submission: Submission, call: Callable[[], object],
                    refused: tuple[type, ...]) -> tuple[bool, str]:
    submission.begin_test()  # a limit broken by the previous probe does not carry over
    try:
        value = call()
    except refused as exc:
        return True, f"refused ({type(exc).__name__})"
    except Exception as exc:
        return False, f"unexpected {type(exc).__name__}: {exc}"
    return False, f"allowed (got {value!r})"


def check_backend(name: str) -> list[Check]:
    """Run every probe against one backend; a backend that cannot start yields one failed check."""
    backend = BACKENDS[name]()
    usable, why = backend.available()
    if not usable:
        return [Check(name, "available", False, why)]
    from judge.problems import get_problem

    hidden_file = next(get_problem("sorting").tests_dir.glob("test_*.py"))
    checks = []
    with tempfile.TemporaryDirectory(prefix="judge-doctor-") as tmp:
        path = os.path.join(tmp, "probe.py")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(PROBE)
        spec = WorkerSpec(submission=path, module="probe", entry_points=("probe",), memory_mb=256)
        os.environ[SECRET_VARIABLE] = "must-not-leak"
        submission = Submission(get_sandbox(name), spec, call_timeout_s=1.0)
        try:
            submission.start()
            checks.append(Check(name, "starts", submission.probe("ping") == "pong", "worker answers"))
            leaked = SECRET_VARIABLE in submission.probe("env")
            checks.append(Check(name, "environment scrubbed", not leaked, "leaked" if leaked else "clean"))
            ok, detail = _expect_refusal(submission, lambda: submission.probe("read", str(hidden_file)), (OSError,))
            checks.append(Check(name, "hidden tests unreadable", ok, detail))
            ok, detail = _expect_refusal(submission, lambda: submission.probe("net"), (OSError, ImportError))
            checks.append(Check(name, "network off", ok, detail))
            ok, detail = _expect_refusal(submission, lambda: submission.probe("memory"), (MemoryLimitExceeded,))
            checks.append(Check(name, "memory limit", ok, detail))
            ok, detail = _expect_refusal(submission, lambda: submission.probe("spin"), (TimeLimitExceeded,))
            checks.append(Check(name, "time limit", ok, detail))
            ok, detail = _expect_refusal(submission, lambda: submission.probe("fork"), (OSError,))
            checks.append(Check(name, "process limit", ok, detail))
        except Exception as exc:
            checks.append(Check(name, "starts", False, f"{type(exc).__name__}: {exc}"))
        finally:
            os.environ.pop(SECRET_VARIABLE, None)
            submission.close()
        checks.append(_cpu_limit(name, spec))
        checks.append(_startup_time(name, spec))
    return checks


def _cpu_limit(name: str, spec: WorkerSpec) -> Check:
    """The CPU-time rlimit, not the judge's wall clock, must stop a spinning worker: 1 s of CPU, 20 s of wall."""
    submission = Submission(get_sandbox(name), dataclasses.replace(spec, cpu_s=1), call_timeout_s=20.0)
    began = time.monotonic()
    try:
        submission.start()
        ok, detail = _expect_refusal(submission, lambda: submission.probe("spin"), (TimeLimitExceeded,))
    except Exception as exc:
        ok, detail = False, f"{type(exc).__name__}: {exc}"
    finally:
        submission.close()
    took = time.monotonic() - began
    if ok and took > 10:
        ok, detail = False, f"stopped only by the wall clock after {took:.1f} s"
    return Check(name, "CPU limit", ok, f"{detail} after {took:.1f} s" if ok else detail)


def _startup_time(name: str, spec: WorkerSpec) -> Check:
    """The median wall time from starting a worker to its first answer, over a few fresh workers."""
    samples = []
    try:
        for _ in range(STARTUP_SAMPLES):
            submission = Submission(get_sandbox(name), spec, call_timeout_s=5.0)
            began = time.perf_counter()
            try:
                submission.start()
                submission.probe("ping")
                samples.append((time.perf_counter() - began) * 1000)
            finally:
                submission.close()
    except Exception as exc:
        return Check(name, "start-up time", False, f"{type(exc).__name__}: {exc}")
    median = statistics.median(samples)
    return Check(name, "start-up time", True, f"{median:.0f} ms (median of {len(samples)} starts)", round(median, 1))


def run_doctor() -> tuple[list[Check], str]:
    """All checks of all backends, and the name of the backend `auto` picks."""
    checks = [check for name in BACKENDS for check in check_backend(name)]
    return checks, get_sandbox("auto").name
