"""The code that runs inside the sandbox: imports the submission and serves calls over two pipes.

Started as `python -I -S -c BOOT CONFIG` by a sandbox backend. It sets up its own confinement (rlimits,
and as root a private mount/network namespace and an unprivileged uid), installs an audit hook that
refuses files outside a few read-only roots, processes, sockets and ctypes, and only then imports the
submission. In a container (`stdio_transport`) the two pipes are its stdin and stdout and the submission's
output goes to stderr. Nothing here decides a verdict: the judge side reads plain data and judges it.
Imports only the standard library, msgpack and (optionally) numpy.
"""

from __future__ import annotations

import builtins
import collections
import contextlib
import fcntl
import importlib.util
import os
import resource
import sys
import time
import traceback
from typing import Any

from judge import rpc
from judge.adapters import AdapterSet, BudgetExceeded
from judge.forbid import Forbidder

MAX_MESSAGE_CHARS = 2000
_clock = time.perf_counter  # bound before the submission loads, so patching `time` does not reach it
MAX_TRACEBACK_CHARS = 2000

_PROCESS_EVENTS = frozenset(
    {
        "os.fork", "os.forkpty", "os.exec", "os.posix_spawn", "os.spawn", "os.system",
        "subprocess.Popen", "pty.spawn", "os.kill", "os.killpg", "signal.pthread_kill",
    }
)
_ALWAYS_BLOCKED_EVENTS = frozenset(
    {"sys.addaudithook", "resource.setrlimit", "resource.prlimit", "sqlite3.connect", "os.chroot"}
)
_ALWAYS_BLOCKED_PREFIXES = ("socket.", "ctypes.", "winreg.", "_winapi.")
_WRITE_EVENTS = frozenset(
    {
        "os.remove", "os.rename", "os.mkdir", "os.rmdir", "os.chmod", "os.chown", "os.utime",
        "os.symlink", "os.link", "os.truncate", "os.chflags", "os.lchflags", "os.setxattr",
        "os.removexattr", "shutil.rmtree", "shutil.copyfile", "shutil.move",
    }
)
_READ_DIR_EVENTS = frozenset({"os.listdir", "os.scandir", "glob.glob", "os.listxattr", "os.getxattr"})
_ALWAYS_BLOCKED_MODULES = frozenset({"ctypes", "_ctypes", "_posixsubprocess", "_socket", "socket", "resource"})
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class Guard:
    """The audit-hook policy: what the submission may open, list, write, import and start."""

    def __init__(self, config: dict, forbidder: Forbidder) -> None:
        self.workdir = os.path.realpath(config["workdir"])
        self.readable = (*(os.path.realpath(p) for p in config["readable_roots"]), self.workdir)
        self.denied = tuple(os.path.realpath(p) for p in config.get("denied_roots", ()))
        self.forbidder = forbidder
        self.forbidden_modules = forbidder.blocked_modules
        self.submission_file = os.path.realpath(config["submission"])
        self.allow_processes = bool(config.get("allow_processes"))
        self.armed = False

    @staticmethod
    def _inside(path: str, roots: tuple[str, ...]) -> bool:
        return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)

    def _resolve(self, path: Any) -> str | None:
        if isinstance(path, int) or path is None:
            return None
        try:
            return os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return "\0invalid"

    @staticmethod
    def _depth(path: str, roots: tuple[str, ...]) -> int:
        """Length of the longest root holding `path` (-1 for none): the most specific rule wins."""
        return max((len(r) for r in roots if path == r or path.startswith(r.rstrip("/") + "/")), default=-1)

    def readable_path(self, real: str) -> bool:
        """Inside a readable root, and not inside a denied root nested deeper (site-packages under the stdlib)."""
        allowed = self._depth(real, self.readable)
        return allowed >= 0 and allowed >= self._depth(real, self.denied)

    def check_read(self, path: Any) -> None:
        real = self._resolve(path)
        if real is not None and real not in ("/dev/null", "/dev/urandom") and not self.readable_path(real):
            raise PermissionError(f"judge sandbox: reading {os.fsdecode(path)!r} is not allowed")

    def check_write(self, path: Any) -> None:
        real = self._resolve(path)
        if real is not None and real != "/dev/null" and not self._inside(real, (self.workdir,)):
            raise PermissionError(f"judge sandbox: writing {os.fsdecode(path)!r} is not allowed")

    def check_module_file(self, path: Any) -> None:
        """Source modules raise no import event: catch reading a forbidden module's .py/.pyc instead."""
        if not self.forbidden_modules or not isinstance(path, (str, bytes)):
            return
        parts = os.fsdecode(path).rsplit("/", 3)
        name = parts[-1].split(".", 1)[0]
        if name == "__init__":
            name = parts[-2] if parts[-2] != "__pycache__" else parts[-3]
        if name in self.forbidden_modules and self._importer_is_submission():
            raise ImportError(f"judge: module {name!r} is forbidden in this problem")

    def _importer_is_submission(self) -> bool:
        frame = sys._getframe(1)
        while frame is not None:
            name = frame.f_code.co_filename
            if name != __file__ and not (name.startswith("<frozen importlib") or "importlib" in name):
                return os.path.realpath(name) == self.submission_file if name else False
            frame = frame.f_back
        return False

    def __call__(self, event: str, args: tuple) -> None:
        if not self.armed:
            return
        if event in ("exec", "compile"):
            self.forbidder.check_event(event)
        elif event == "open":
            path, mode, flags = args
            if (mode and any(c in mode for c in "wax+")) or (flags or 0) & _WRITE_FLAGS:
                self.check_write(path)
            else:
                self.check_read(path)
                self.check_module_file(path)
        elif event == "import":
            module = args[0]
            top = module.partition(".")[0]
            if top in _ALWAYS_BLOCKED_MODULES:
                raise ImportError(f"judge sandbox: module {module!r} is not available")
            self.forbidder.check_import(module)
            if (module in self.forbidden_modules or top in self.forbidden_modules) and self._importer_is_submission():
                raise ImportError(f"judge: module {module!r} is forbidden in this problem")
        elif event in _READ_DIR_EVENTS:
            self.check_read(args[0] if args and args[0] is not None else ".")
        elif event in _WRITE_EVENTS:
            for arg in args:
                if isinstance(arg, (str, bytes, os.PathLike)):
                    self.check_write(arg)
        elif event in _PROCESS_EVENTS:
            if not self.allow_processes:
                raise PermissionError(f"judge sandbox: {event} is not allowed (no processes)")
        elif event in _ALWAYS_BLOCKED_EVENTS or event.startswith(_ALWAYS_BLOCKED_PREFIXES):
            raise PermissionError(f"judge sandbox: {event} is not allowed")


MAX_RECURSION_LIMIT = 100_000  # frames: deeper recursion overflows the stack or takes seconds to unwind


def _cap_recursion_limit() -> None:
    """`sys.setrecursionlimit(10**8)` followed by runaway recursion would fill the address space slowly and end
    as a time limit; capped, it ends quickly as a RecursionError that says what happened."""
    real = sys.setrecursionlimit

    def setrecursionlimit(limit: int) -> None:
        real(min(int(limit), MAX_RECURSION_LIMIT))

    sys.setrecursionlimit = setrecursionlimit


def _set_limits(limits: dict) -> None:
    names = {
        "cpu_s": resource.RLIMIT_CPU,
        "address_space_bytes": resource.RLIMIT_AS,
        "file_size_bytes": resource.RLIMIT_FSIZE,
        "open_files": resource.RLIMIT_NOFILE,
        "processes": resource.RLIMIT_NPROC,
        "core_bytes": resource.RLIMIT_CORE,
    }
    for key, which in names.items():
        if key in limits and limits[key] is not None:
            value = int(limits[key])
            _soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            if key == "cpu_s":
                resource.setrlimit(which, (value, value + 1))  # SIGXCPU first, SIGKILL a second later
            else:
                resource.setrlimit(which, (value, value))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 15] + "... [truncated]"


def _last_submission_frames(tb: Any, submission_file: str, keep: int = 5) -> list:
    """(frame, line) of the last `keep` frames of the submission's own code: a RecursionError's traceback holds
    100,000 frames, and formatting them all would take longer than a call may."""
    picked: collections.deque = collections.deque(maxlen=keep)
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == submission_file:
            picked.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return list(picked)


def describe_exception(exc: BaseException, submission_file: str, shown_as: str | None = None) -> dict:
    """(type, nearest built-in base, message, traceback of the submission's own frames) as plain data.

    Frames are shown under the name the user gave the file, not the sandbox's private copy. After a MemoryError
    the frames' locals (the submission's data) are released first, so that describing it has memory to work
    with; whatever goes wrong while describing, the type is still reported.
    """
    builtin_base = "BaseException"
    try:
        builtin_base = next(
            (k.__name__ for k in type(exc).__mro__ if getattr(builtins, k.__name__, None) is k), "BaseException")
        if isinstance(exc, MemoryError):
            traceback.clear_frames(exc.__traceback__)
        try:
            message = str(exc)
        except BaseException:  # a hostile __str__ gets no say
            message = "<unprintable message>"
        frames = traceback.StackSummary.extract(_last_submission_frames(exc.__traceback__, submission_file))
        for frame in frames:
            frame.filename = shown_as or os.path.basename(submission_file)
        tb_text = "".join(traceback.format_list(frames))
    except BaseException:  # out of memory again, or a hostile object: the type alone still says what happened
        message, tb_text = "", ""
    return {
        "type": type(exc).__name__[:100],
        "builtin": builtin_base,
        "message": _short(message, MAX_MESSAGE_CHARS),
        "traceback": _short(tb_text, MAX_TRACEBACK_CHARS),
    }


class Server:
    """Serves call / getattr / release requests for one imported submission."""

    def __init__(self, config: dict, module: Any) -> None:
        self.module = module
        self.submission_file = config["submission"]
        self.shown_as = config.get("shown_as")
        self.entries = {name: getattr(module, name) for name in config["entry_points"] if hasattr(module, name)}
        self.handles: dict[int, Any] = {}
        self.next_handle = 1
        self.max_frame = int(config.get("max_frame_bytes", rpc.MAX_FRAME_BYTES))

    def _target(self, target: Any, name: str) -> tuple[Any, bool]:
        if target is None:
            if name not in self.entries:
                raise LookupError(f"no entry point {name!r}")
            entry = self.entries[name]
            return entry, isinstance(entry, type)
        if not isinstance(target, rpc.Handle) or target.id not in self.handles:
            raise LookupError("unknown handle")
        if name.startswith("_"):
            raise LookupError(f"private attribute {name!r}")
        return getattr(self.handles[target.id], name), False

    def call(self, target: Any, name: str, args: list, kwargs: dict, options: dict) -> dict:
        adapters = AdapterSet()
        try:
            func, constructs = self._target(target, name)
            args = adapters.build(args, rpc.AdapterSpec)
            kwargs = adapters.build(kwargs, rpc.AdapterSpec)
        except (LookupError, ValueError, AttributeError) as exc:
            return {"status": "fault", "kind": "protocol", "message": str(exc)}
        _flush_output()
        started = _clock()
        try:
            value = func(*args, **kwargs)
        except BudgetExceeded:
            return {"status": "ok", "value": None, "stats": adapters.stats()}
        except BaseException as exc:
            _flush_output()
            return {
                "status": "raised",
                "error": describe_exception(exc, self.submission_file, self.shown_as),
                "stats": adapters.stats(),
            }
        call_s = _clock() - started
        _flush_output()
        if constructs:
            handle = rpc.Handle(self.next_handle)
            self.handles[handle.id] = value
            self.next_handle += 1
            value = handle
        returned_args = [i for i, arg in enumerate(args) if value is arg]  # `result is items` cannot cross by value
        stats = {**adapters.stats(), "call_s": call_s, "returned_args": returned_args}
        response = {"status": "ok", "value": adapters.unwrap(value), "stats": stats}
        if options.get("report_args"):
            response["args_after"] = adapters.unwrap(list(args))
            response["kwargs_after"] = adapters.unwrap(kwargs)
        return response

    def getattr(self, target: Any, name: str) -> dict:
        try:
            obj, _ = self._target(target, name)
        except BaseException as exc:
            error = describe_exception(exc, self.submission_file, self.shown_as)
            return {"status": "raised", "error": error, "stats": {}}
        return {"status": "ok", "value": obj, "stats": {}}

    def handle(self, request: list) -> dict:
        op = request[0]
        if op == "call":
            _, target, name, args, kwargs, options = request
            return self.call(target, name, args, kwargs, options)
        if op == "getattr":
            return self.getattr(request[1], request[2])
        if op == "release":
            self.handles.pop(getattr(request[1], "id", None), None)
            return {"status": "ok", "value": None, "stats": {}}
        return {"status": "fault", "kind": "protocol", "message": f"unknown request {op!r}"}

    def send(self, fd: int, response: dict) -> None:
        try:
            rpc.write_frame(fd, response, self.max_frame)
        except MemoryError:  # the submission used up the memory the answer needed
            response.clear()
            rpc.write_frame(fd, {"status": "raised", "stats": {}, "error": {
                "type": "MemoryError", "builtin": "MemoryError", "message": "out of memory", "traceback": ""}})
        except rpc.CodecError as exc:
            kind = "too_large" if "frame cap" in str(exc) else "unsupported"
            message = str(exc) if kind == "too_large" else f"returned an {exc}"
            rpc.write_frame(fd, {"status": "fault", "kind": kind, "message": message})
        except RecursionError:  # the codec packs tuples, sets and arrays through a Python-level hook
            response.clear()
            rpc.write_frame(fd, {"status": "fault", "kind": "unsupported",
                                 "message": "returned a value nested too deeply to be sent back"})


def _widen_pipe(fd: int) -> None:
    """Large arrays move in fewer, larger writes through a 1 MiB pipe (the default is 64 KiB)."""
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)


def _flush_output() -> None:
    for stream in (sys.__stdout__, sys.__stderr__):
        with contextlib.suppress(BaseException):
            stream.flush()


def _load_submission(config: dict) -> Any:
    spec = importlib.util.spec_from_file_location(config["module"], config["submission"])
    module = importlib.util.module_from_spec(spec)
    sys.modules[config["module"]] = module
    spec.loader.exec_module(module)
    return module


def _stdio_channel() -> tuple[int, int]:
    """Requests on fd 0, answers on fd 1 (a container cannot inherit extra fds); the submission's own output,
    at the Python and the C level, goes to fd 2 instead, and its stdin reads nothing."""
    request_fd, response_fd = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)
    return request_fd, response_fd


def main(config: dict) -> None:
    if config.get("stdio_transport"):
        request_fd, response_fd = _stdio_channel()
    else:
        request_fd, response_fd = config["request_fd"], config["response_fd"]
    if "environ" in config:  # exactly these variables, whatever the container image added
        os.environ.clear()
        os.environ.update(config["environ"])
    if config.get("stdlib_readable"):  # the interpreter's own standard library, wherever this image keeps it
        config = dict(config, readable_roots=[*config["readable_roots"], os.path.dirname(os.__file__)])
    for fd in (request_fd, response_fd):
        _widen_pipe(fd)
    os.set_inheritable(request_fd, False)
    os.set_inheritable(response_fd, False)
    for name in config.get("preload", ()):
        __import__(name)
    if config.get("confine_as_root") and os.geteuid() == 0:
        from judge.sandbox import confine

        confine.enter(config)
    _set_limits(config.get("limits", {}))
    _cap_recursion_limit()
    forbidder = Forbidder(config.get("forbidden", []), config["submission"])
    forbidder.install()
    guard = Guard(config, forbidder)
    sys.addaudithook(guard)
    purged = _ALWAYS_BLOCKED_MODULES | guard.forbidden_modules
    for name in list(sys.modules):
        if name.partition(".")[0] in purged:  # a cached module would be handed out without an import event
            del sys.modules[name]
    sys.path[:] = [p for p in sys.path if p not in config.get("boot_paths", ())] + [config["workdir"]]
    os.chdir(config["workdir"])
    sys.dont_write_bytecode = True
    guard.armed = True
    try:
        module = _load_submission(config)
    except BaseException as exc:
        _flush_output()
        error = describe_exception(exc, config["submission"], config.get("shown_as"))
        rpc.write_frame(response_fd, {"status": "import_failed", "error": error})
        return
    server = Server(config, module)
    missing = [n for n in config["entry_points"] if n not in server.entries]
    rpc.write_frame(response_fd, {"status": "ready", "missing": missing, "pid": os.getpid()})
    while True:
        try:
            request = rpc.read_frame(request_fd, server.max_frame)
        except (rpc.PeerClosed, OSError):
            return
        except rpc.CodecError as exc:
            server.send(response_fd, {"status": "fault", "kind": "protocol", "message": str(exc)})
            continue
        if request[0] == "exit":
            return
        server.send(response_fd, server.handle(request))
