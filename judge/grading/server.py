"""A judging server: imports the judge (pytest, hypothesis, numpy) once, then forks one child per judging.

A fresh `python -m judge run` per submission spends most of a short judging importing pytest, hypothesis and
numpy. The local executor instead starts one server per worker slot. The server is single-threaded, so forking
it is safe. For each task it forks a child that runs exactly the `judge run ... --json` command line of
`pool.command_for` through the same click entry point, in a private temporary directory holding only the
submission, with stdout and stderr captured in unnamed files. pytest is not re-entrant, so there is one judging
per child, and a crash of a child ends that judging only. The server waits for the child within the task's
wall-clock limit and answers with the exit code and both outputs; the pool turns them into a report exactly as
it does for a subprocess.

Protocol: one JSON object per line. A task is read from stdin ({"argv", "filename", "source" in base64,
"problems_path", "timeout_s"}); the answer goes to the stdout the server was started with: {"code", "stdout",
"stderr"} or {"timeout": true}. EOF on stdin ends the server. SIGINT (Ctrl-C, or the parent's death through
PR_SET_PDEATHSIG) is passed on to the running child, which gets a grace period to stop its sandbox before
it and its processes are killed.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import gc
import importlib
import importlib.util
import json
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
from types import ModuleType
from typing import BinaryIO

# Loaded once in the server and shared by its children. Besides third-party modules, only the judge's modules
# that `judge run` imports before its hidden tests start: hypothesis draws constants from the source of every
# loaded module outside site-packages ("local" ones), so a child must hold the same local modules as a fresh
# `python -m judge run` for its examples to be the same (tests/test_grading_pool.py checks this).
PRELOAD = ("numpy", "msgpack", "pytest", "hypothesis", "hypothesis.stateful", "hypothesis.extra.numpy",
           "_hypothesis_pytestplugin", "judge.cli", "judge.runner", "judge.sandbox")
GRACE_S = 5.0          # time a child gets to stop its sandbox after SIGINT, before SIGKILL
STDERR_TAIL = 4000     # bytes of a child's stderr sent back (the pool shows its last line)


def prepare() -> None:
    """Make this process what a fresh `python -m judge` is when its judging starts, minus the work of it.

    `__main__` looks like judge/__main__.py (hypothesis reads a module's constants from its file); the modules
    are imported; hypothesis' scan of the local modules' constants is done once here (it is incremental: a
    child scans only what it imports itself); and `gc.freeze` keeps the preloaded heap out of the collections
    pytest runs at the end of every session (each a fifth of a second otherwise).
    """
    spec = importlib.util.find_spec("judge.__main__")
    stand_in = ModuleType("__main__")
    stand_in.__file__ = spec.origin if spec is not None else None
    sys.modules["__main__"] = stand_in
    for name in PRELOAD:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    with contextlib.suppress(ImportError):  # pytest's own plugins, which every session loads
        from _pytest.config import default_plugins

        for name in default_plugins:
            with contextlib.suppress(ImportError):
                importlib.import_module(f"_pytest.{name}")
    with contextlib.suppress(Exception):
        from hypothesis.internal.conjecture.providers import _get_local_constants

        _get_local_constants()
    gc.collect()
    gc.freeze()


def local_modules() -> list[str]:
    """The loaded modules hypothesis counts as local (its constants come from them), by name."""
    from hypothesis.internal.constants_ast import is_local_module_file

    return sorted(name for name, module in list(sys.modules.items())
                  if isinstance(getattr(module, "__file__", None), str) and is_local_module_file(module.__file__))


def _descendants(pid: int) -> list[int]:
    from judge.sandbox.base import descendants

    try:
        return descendants(pid)
    except OSError:
        return []


def _kill_tree(pid: int, pids: list[int]) -> None:
    for target in (pid, *pids):
        with contextlib.suppress(OSError):
            os.kill(target, signal.SIGKILL)


def _wait(pid: int, deadline: float | None) -> int | None:
    """The child's wait status, or None at the deadline (the child still running)."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    try:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return status
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return None
            if pidfd is not None:
                select.select([pidfd], [], [], remaining)
            else:
                time.sleep(0.005 if remaining is None else min(0.005, remaining))
    finally:
        if pidfd is not None:
            os.close(pidfd)


def _stop(pid: int, first: signal.Signals) -> None:
    """Stop a child: `first` (SIGINT lets it clean up), then SIGKILL for it and its processes after the grace."""
    pids = _descendants(pid)
    if first != signal.SIGKILL:
        with contextlib.suppress(OSError):
            os.kill(pid, first)
        if _wait(pid, time.monotonic() + GRACE_S) is not None:
            _kill_tree(pid, [p for p in pids if _alive(p)])
            return
        pids = _descendants(pid) or pids
    _kill_tree(pid, pids)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def _child(task: dict, folder: str, out: BinaryIO, err: BinaryIO, reply_fd: int) -> int:
    """In the forked child: set up the process as `python -m judge run` would find it, run the command."""
    from judge.grading.lifeline import signal_on_parent_death
    from judge.problems import EXTRA_ROOT_ENV, clear_cache

    server = os.getppid()
    os.setpgid(0, 0)
    signal_on_parent_death(signal.SIGINT)
    if os.getppid() != server:
        return 130
    os.close(reply_fd)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out.fileno(), 1)
    os.dup2(err.fileno(), 2)
    atexit._clear()  # the server's exit handlers are not this judging's
    random.seed()    # a fresh interpreter's state, not a copy of the server's
    os.environ.pop("PYTEST_XDIST_WORKER", None)
    if task.get("problems_path"):
        os.environ[EXTRA_ROOT_ENV] = task["problems_path"]
    else:
        os.environ.pop(EXTRA_ROOT_ENV, None)
    clear_cache()
    os.chdir(folder)
    sys.path[0] = folder  # `python -m` puts the working directory first
    argv = list(task["argv"])  # what follows `python -m judge`
    sys.argv = ["judge", *argv]
    from judge.cli import main

    code: int = 1
    try:
        main(args=argv, prog_name="judge")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        with contextlib.suppress(Exception):
            atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
    return code


def judge_one(task: dict, reply_fd: int) -> dict:
    """Fork a child for one judging and wait for it within the task's limit; the answer for the pool."""
    folder = tempfile.mkdtemp(prefix="judge-batch-")
    try:
        with open(os.path.join(folder, task["filename"]), "wb") as fh:
            fh.write(base64.b64decode(task["source"]))
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            pid = os.fork()
            if pid == 0:
                code = 70
                try:
                    code = _child(task, folder, out, err, reply_fd)
                except BaseException:  # anything at all: the child must never return into the server
                    with contextlib.suppress(Exception):
                        import traceback

                        traceback.print_exc()
                        sys.stderr.flush()
                finally:
                    os._exit(code)
            try:
                status = _wait(pid, time.monotonic() + float(task["timeout_s"]))
            except KeyboardInterrupt:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
                _stop(pid, signal.SIGINT)
                raise
            if status is None:
                _stop(pid, signal.SIGKILL)
                return {"timeout": True}
            code = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(max(0, os.fstat(err.fileno()).st_size - STDERR_TAIL))
            return {"code": code, "stdout": out.read().decode("utf-8", "replace"),
                    "stderr": err.read().decode("utf-8", "replace")}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def serve() -> int:
    """Answer tasks from stdin until EOF; SIGINT ends the server (after stopping the running child)."""
    from judge.grading.lifeline import die_with_parent

    die_with_parent(signal.SIGINT)
    reply_fd = os.dup(1)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)  # nothing printed by an import can be mistaken for an answer
    prepare()
    requests = sys.stdin.buffer
    try:
        for line in requests:
            if not line.strip():
                continue
            answer = judge_one(json.loads(line), reply_fd)
            data = (json.dumps(answer) + "\n").encode()
            while data:
                data = data[os.write(reply_fd, data):]
    except (KeyboardInterrupt, BrokenPipeError):
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(serve())
