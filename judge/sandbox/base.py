"""What every sandbox backend shares: the worker specification, the connection and the kill.

A backend only decides how the worker process is started (argv, environment, confinement); the
judge-side limits -- wall clock per call, captured output, frame size, killing the whole process
tree -- are enforced here, the same for every backend.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from judge import rpc

BOOT = (
    "import sys, json\n"
    "config = json.loads(sys.argv[1])\n"
    "sys.path[:0] = config['boot_paths']\n"
    "from judge import worker\n"
    "worker.main(config)\n"
)

STARTUP_TIMEOUT_S = 30.0
_POLL_S = 0.05
PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True)
class WorkerSpec:
    """Everything a backend needs to start a worker for one submission."""

    submission: str
    module: str
    entry_points: tuple[str, ...]
    forbidden: tuple[str, ...] = ()  # the problem's forbidden names, enforced again inside the worker (judge.forbid)
    memory_mb: int = 1024
    cpu_s: int = 600
    output_limit_bytes: int = 1 << 20
    output_capture_bytes: int = 8 << 10
    file_size_bytes: int = 16 << 20
    open_files: int = 64
    max_frame_bytes: int = rpc.MAX_FRAME_BYTES
    preload: tuple[str, ...] = ()
    hidden_paths: tuple[str, ...] = ()
    allow_processes: bool = False  # only for the sandbox's own tests of process-tree killing
    run_seed: int = 0
    shown_as: str | None = None  # the file name the user knows, for tracebacks


SITE = "/opt/judge-site"  # where bwrap and docker put the worker's site-packages view
WORKER_MODULES = ("__init__.py", "rpc.py", "worker.py", "adapters.py", "forbid.py")  # all of the judge a worker sees
PASSED_THROUGH = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")  # correctness settings for some CPUs


def worker_environment(home: str, path: str = "/usr/bin:/bin") -> dict[str, str]:
    """The whole environment a worker gets: an allow-list, never the judge's own variables (tokens, secrets)."""
    from judge import THREAD_VARIABLES

    env = {
        "PATH": path,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": home,
        "TMPDIR": home,
        **dict.fromkeys(THREAD_VARIABLES, "1"),  # one BLAS/OpenMP thread: stable timings, one CPU share
    }
    env.update({k: os.environ[k] for k in PASSED_THROUGH if k in os.environ})
    return env


def worker_config(spec: WorkerSpec, *, boot_paths: list[str], readable_roots: list[str], workdir: str,
                  submission: str, processes: int | None = None, **extra: object) -> dict:
    """The configuration every backend hands its worker; `extra` adds backend-specific keys (confinement)."""
    return {
        "boot_paths": boot_paths,
        "readable_roots": readable_roots,
        "workdir": workdir,
        "submission": submission,
        "shown_as": spec.shown_as or os.path.basename(spec.submission),
        "module": spec.module,
        "entry_points": list(spec.entry_points),
        "forbidden": list(spec.forbidden),
        "preload": list(spec.preload),
        "allow_processes": spec.allow_processes,
        "max_frame_bytes": spec.max_frame_bytes,
        "confine_as_root": False,
        "limits": {
            "cpu_s": spec.cpu_s,
            "address_space_bytes": spec.memory_mb * 1024 * 1024,
            "file_size_bytes": spec.file_size_bytes,
            "open_files": spec.open_files,
            "processes": processes,
            "core_bytes": 0,
        },
        **extra,
    }


class WorkerGone(Exception):
    """The worker died or broke the protocol; `reason` says how (exit code, signal, output, memory)."""

    def __init__(self, message: str, reason: str = "crashed") -> None:
        super().__init__(message)
        self.reason = reason


class CallTimedOut(Exception):
    """The worker did not answer within the wall-clock limit; it has been killed."""


class OutputExceeded(Exception):
    """The worker wrote more than the output limit to stdout/stderr; it has been killed."""


class _OutputCapture(threading.Thread):
    """Drains one pipe, keeps the first bytes, counts the rest, flags an overflow."""

    def __init__(self, fd: int, keep: int, limit: int) -> None:
        super().__init__(daemon=True)
        self.fd, self.keep, self.limit = fd, keep, limit
        self.data = bytearray()
        self.total = 0
        self.exceeded = threading.Event()
        self.quiet_s = 0.0

    def run(self) -> None:
        try:
            while True:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    break
                if len(self.data) < self.keep:
                    self.data += chunk[: self.keep - len(self.data)]
                self.total += len(chunk)
                if self.total > self.limit:
                    self.exceeded.set()
        except OSError:
            pass

    def settle(self, timeout: float = 0.5) -> None:
        """Wait until what the worker already wrote has been read (it flushes before each answer).

        With `quiet_s` set (a relayed stream, such as docker's attach, that may lag behind the answers),
        also wait until nothing new has arrived for that long.
        """
        deadline = time.monotonic() + timeout
        seen, quiet_since = self.total, time.monotonic()
        while self.is_alive() and time.monotonic() < deadline:
            try:
                pending = struct.unpack("i", fcntl.ioctl(self.fd, termios.FIONREAD, b"\0\0\0\0"))[0]
            except OSError:
                return
            if self.total != seen:
                seen, quiet_since = self.total, time.monotonic()
            if not pending and time.monotonic() - quiet_since >= self.quiet_s:
                return
            time.sleep(0.005)

    def text(self) -> str:
        out = self.data.decode("utf-8", "replace")
        dropped = self.total - len(self.data)
        return out + (f"\n... [{dropped} more bytes discarded]" if dropped > 0 else "")


class _NoCapture:
    """Stands in for the stdout capture when the worker's stdout is the response channel."""

    def __init__(self) -> None:
        self.exceeded = threading.Event()

    def start(self) -> None:
        pass

    def settle(self, timeout: float = 0.5) -> None:
        pass

    def join(self, timeout: float | None = None) -> None:
        pass

    def text(self) -> str:
        return ""


def boot_paths(preload: tuple[str, ...]) -> list[str]:
    """sys.path entries the worker boots from (the judge package, msgpack, preloaded packages), dropped before
    the submission is imported; what it may read afterwards is `fsview.file_view`'s business."""
    import judge

    boot = [os.path.dirname(os.path.dirname(os.path.abspath(judge.__file__)))]
    for name in ("msgpack", *preload):
        site_dir = os.path.dirname(os.path.dirname(os.path.abspath(__import__(name).__file__)))
        if site_dir not in boot:
            boot.append(site_dir)
    return boot


def _set_subreaper() -> None:
    """Orphans of a worker (a child that called setsid and whose parent died) are re-parented to us."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat_line = fh.read()
        except OSError:
            continue
        ppid = int(stat_line[stat_line.rfind(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    return children


def descendants(pid: int) -> list[int]:
    children = _children_map()
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _pids_of_uid(uid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    pids.append(int(entry))
            except OSError:
                continue
    return pids


_live_workers: set[int] = set()
_live_lock = threading.Lock()


class WorkerProcess:
    """One running worker: the request/response pipes, output capture, limits and the kill."""

    def __init__(self, argv: list[str], env: dict, config: dict | None, spec: WorkerSpec, workdir: str,
                 uid: int | None = None, stdio_transport: bool = False, signals_as_exit_codes: bool = False) -> None:
        """Start `argv` + the JSON `config` (None: argv is complete, the configuration travels otherwise).

        By default requests and answers use two extra pipes (fds in the config) and the worker's stdout and
        stderr are captured. With `stdio_transport` the child's stdin/stdout are the request/response channel
        (for a worker that cannot inherit extra fds, such as one in a container) and only stderr is captured.
        """
        self.spec = spec
        self.workdir = workdir
        self.uid = uid
        self.signals_as_exit_codes = signals_as_exit_codes  # an init in between reports signal N as 128 + N
        _set_subreaper()
        if stdio_transport:
            command = list(argv) if config is None else [*argv, json.dumps(config)]
            self.popen = subprocess.Popen(command, env=env, cwd=workdir, stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                                          close_fds=True)
            with _live_lock:
                _live_workers.add(self.popen.pid)
            # own descriptors, so that closing them cannot hit a number the file objects still think is theirs
            self.request_fd, self.response_fd = os.dup(self.popen.stdin.fileno()), os.dup(self.popen.stdout.fileno())
            self.popen.stdin.close()
            self.popen.stdout.close()
            for fd in (self.request_fd, self.response_fd):
                with contextlib.suppress(OSError, AttributeError):
                    fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
            self.stdout = _NoCapture()
        else:
            req_r, req_w = os.pipe()
            resp_r, resp_w = os.pipe()
            config = dict(config or {}, request_fd=req_r, response_fd=resp_w)
            self.popen = subprocess.Popen(
                [*argv, json.dumps(config)],
                env=env,
                cwd=workdir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(req_r, resp_w),
                start_new_session=True,
                close_fds=True,
            )
            with _live_lock:
                _live_workers.add(self.popen.pid)
            os.close(req_r)
            os.close(resp_w)
            self.request_fd, self.response_fd = req_w, resp_r
            self.stdout = _OutputCapture(self.popen.stdout.fileno(), spec.output_capture_bytes,
                                         spec.output_limit_bytes)
        os.set_blocking(self.response_fd, False)
        os.set_blocking(self.request_fd, False)
        self.stderr = _OutputCapture(self.popen.stderr.fileno(), spec.output_capture_bytes, spec.output_limit_bytes)
        self.stdout.start()
        self.stderr.start()
        self.alive = True

    # -- framing with deadlines -------------------------------------------------------------------
    def _check_output(self) -> None:
        if self.stdout.exceeded.is_set() or self.stderr.exceeded.is_set():
            self.kill()
            raise OutputExceeded(f"wrote more than {self.spec.output_limit_bytes} bytes of output")

    def _wait(self, fd: int, write: bool, deadline: float) -> None:
        while True:
            self._check_output()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                raise CallTimedOut("no answer within the time limit")
            r, w, _ = select.select([] if write else [fd], [fd] if write else [], [], min(remaining, _POLL_S))
            if r or w:
                return

    def _write(self, parts: list, deadline: float) -> None:
        for part in parts:
            view = memoryview(part).cast("B")
            while view:
                self._wait(self.request_fd, True, deadline)
                try:
                    view = view[os.write(self.request_fd, view):]
                except BlockingIOError:
                    continue
                except BrokenPipeError:
                    raise self._gone() from None

    def _read(self, n: int, deadline: float) -> bytearray:
        out = bytearray(n)
        view, got = memoryview(out), 0
        while got < n:
            self._wait(self.response_fd, False, deadline)
            try:
                count = os.readv(self.response_fd, [view[got:]])
            except BlockingIOError:
                continue
            if not count:
                raise self._gone()
            got += count
        return out

    def receive(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        try:
            message = rpc.read_frame_from(lambda n: self._read(n, deadline), self.spec.max_frame_bytes)
        except rpc.CodecError as exc:
            self.kill()
            raise WorkerGone(f"unreadable answer: {exc}", "protocol") from None
        self._check_output()
        if not isinstance(message, dict) or "status" not in message:
            self.kill()
            raise WorkerGone("answer is not a protocol message", "protocol")
        return message

    def request(self, message: list, timeout: float) -> dict:
        if not self.alive:
            raise WorkerGone("the worker is no longer running")
        parts = rpc.encode_frame(message, self.spec.max_frame_bytes)
        deadline = time.monotonic() + timeout
        self._write(parts, deadline)
        return self.receive(max(deadline - time.monotonic(), 0.001))

    # -- death and cleanup ------------------------------------------------------------------------
    def exit_status(self) -> int | None:
        """The worker's exit code, negative for a signal (None when it does not exit in time)."""
        try:
            code = self.popen.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return None
        if self.signals_as_exit_codes and code > 128:
            return -(code - 128)
        return code

    def _gone(self) -> WorkerGone:
        code = self.exit_status()
        self._check_output()
        self.kill()
        if code is not None and code < 0:
            sig = -code
            if sig == signal.SIGXCPU:
                return WorkerGone("the CPU time limit was exceeded", "cpu")
            if sig == signal.SIGXFSZ:
                return WorkerGone("the file size limit was exceeded", "output")
            name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
            if sig == signal.SIGSEGV:
                return WorkerGone("the worker crashed with SIGSEGV (a segmentation fault, most often a stack "
                                  "overflow from deep recursion)", "crashed")
            return WorkerGone(f"the worker was killed by signal {name}", "crashed")
        return WorkerGone(f"the worker exited (exit code {code})", "exited")

    def kill(self) -> None:
        """Kill the worker and every process it started, however it tried to detach."""
        if not self.alive:
            return
        self.alive = False
        pid = self.popen.pid
        doomed = descendants(pid)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        for victim in [pid, *doomed]:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(victim, signal.SIGKILL)
        if self.uid is not None:
            self._kill_uid(self.uid)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=5)
        with _live_lock:
            _live_workers.discard(pid)
        self._reap_orphans()
        for fd in (self.request_fd, self.response_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.stdout.join(timeout=2)
        self.stderr.join(timeout=2)
        for pipe in (self.popen.stdout, self.popen.stderr):
            with contextlib.suppress(OSError):
                pipe.close()

    @staticmethod
    def _kill_uid(uid: int) -> None:
        for _ in range(5):
            pids = _pids_of_uid(uid)
            if not pids:
                return
            for victim in pids:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(victim, signal.SIGKILL)
            time.sleep(0.01)

    @staticmethod
    def _reap_orphans() -> None:
        """Kill and reap re-parented orphans (we are their subreaper) that are not live workers."""
        me = os.getpid()
        for orphan in _children_map().get(me, []):
            with _live_lock:
                if orphan in _live_workers:
                    continue
            if not _left_our_process_group(orphan):
                continue
            with contextlib.suppress(OSError, ChildProcessError):
                os.kill(orphan, signal.SIGKILL)
                os.waitpid(orphan, 0)

    def output(self) -> tuple[str, str]:
        self.stdout.join(timeout=1)
        self.stderr.join(timeout=1)
        return self.stdout.text(), self.stderr.text()

    def close(self) -> None:
        if self.alive:
            with contextlib.suppress(OSError, rpc.CodecError):
                os.set_blocking(self.request_fd, True)
                rpc.write_frame(self.request_fd, ["exit"])
        self.kill()


def _left_our_process_group(pid: int) -> bool:
    """An adopted orphan came from a worker if it is outside our process group (workers start new sessions)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return int(fields[3]) != os.getpgrp()  # it left our process group: only workers do that
    except (OSError, IndexError, ValueError):
        return False


class Sandbox(Protocol):
    """One backend: starts a worker for a spec; `available()` says whether it can run here."""

    name: str

    def available(self) -> tuple[bool, str]: ...

    def start(self, spec: WorkerSpec) -> WorkerProcess: ...

    def cleanup(self, worker: WorkerProcess) -> None: ...
