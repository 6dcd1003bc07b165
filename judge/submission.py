"""The judge-side proxy to a submission running in a sandbox worker.

Hidden tests call `submission.sort(items)`; the proxy sends the call to the worker, decodes the plain
answer and turns the worker's report of a raised exception into a matching built-in exception type.
Limits the worker broke (time, memory, output, a crash) become the exceptions below, which the harness
maps to verdicts. After such a fatal event the rest of the current test fails fast with the same error,
so hypothesis does not spend the group's time shrinking a timeout.
"""

from __future__ import annotations

import builtins
import math
import time
from dataclasses import dataclass, field
from typing import Any

from judge import rpc
from judge.render import printable, shown
from judge.sandbox.base import CallTimedOut, OutputExceeded, Sandbox, WorkerGone, WorkerProcess, WorkerSpec

_MAX_ARG_REPR = 300
HUNG_CALL_TIMEOUT_S = 2.0  # a call without its own limit, once the submission has hung (judge.harness marks it)


class JudgeOutcome(Exception):
    """Base of the exceptions that carry a verdict other than wrong_answer out of a hidden test."""

    verdict = "runtime_error"

    def __init__(self, message: str, call: str | None = None) -> None:
        super().__init__(message)
        self.call = call


class TimeLimitExceeded(JudgeOutcome):
    verdict = "time_limit_exceeded"


class ComplexityExceeded(TimeLimitExceeded):
    """Too many counted operations: the wrong complexity, reported as a time limit."""


class MemoryLimitExceeded(JudgeOutcome):
    verdict = "memory_limit_exceeded"


class OutputLimitExceeded(JudgeOutcome):
    verdict = "output_limit_exceeded"


class SubmissionCrashed(JudgeOutcome):
    """The worker died (exit, signal) or answered something that is not the protocol."""


class SubmissionFault(JudgeOutcome):
    """The submission returned something that cannot cross the boundary (unsupported type, too large)."""


class SubmissionImportFailed(JudgeOutcome):
    """Importing the submission raised or exited; no test can run."""


class SubmissionRaised:
    """Mixin of every exception re-raised on behalf of the submission (unexpected ones: runtime_error)."""

    submission_type: str = ""
    submission_traceback: str = ""

    def __str__(self) -> str:
        return self.args[0] if self.args else ""


class SubmissionExit(SubmissionRaised, Exception):
    """SystemExit, KeyboardInterrupt or another BaseException raised by the submission."""


_raised_types: dict[str, type] = {}


def _raised_type(builtin_name: str) -> type:
    """A subclass of the named built-in exception and SubmissionRaised (created once per name)."""
    if builtin_name not in _raised_types:
        base = getattr(builtins, builtin_name, None)
        if not (isinstance(base, type) and issubclass(base, Exception)):
            _raised_types[builtin_name] = SubmissionExit
        else:
            try:
                _raised_types[builtin_name] = type(builtin_name, (SubmissionRaised, base), {})
            except TypeError:  # a layout conflict: fall back to the nearest plain Exception
                _raised_types[builtin_name] = type(builtin_name, (SubmissionRaised, Exception), {})
    return _raised_types[builtin_name]


def raised_exception(error: dict) -> BaseException:
    cls = _raised_type(worker_text(error.get("builtin", "Exception")))
    exc = cls.__new__(cls)
    exc.args = (worker_text(error.get("message", "")),)
    exc.submission_type = worker_text(error.get("type", cls.__name__))
    exc.submission_traceback = worker_text(error.get("traceback", ""))
    return exc


def _checked_stats(stats: object, what: str) -> dict:
    """The worker's counters, as plain numbers: a forged answer is the submission's crash, never a judge error."""
    def plain(value: object) -> bool:
        if isinstance(value, (list, tuple)):
            return len(value) <= 1000 and all(type(v) is int for v in value)
        return type(value) in (bool, int, float) and (type(value) is not int or abs(value) < 1 << 63)

    if not isinstance(stats, dict) or not all(isinstance(k, str) and plain(v) for k, v in stats.items()):
        raise SubmissionCrashed("protocol error: the call's counters are not plain numbers", what)
    return stats


def _budget_text(stats: dict) -> str:
    counts = {k: v for k, v in stats.items() if k not in ("budget_exceeded", "call_s")}
    return ", ".join(f"{k}: more than {v - 1}" if k == "comparisons" else f"{k}: {v}" for k, v in counts.items())


def describe_call(name: str, args: tuple, kwargs: dict) -> str:
    parts = [_short_repr(a) for a in args] + [f"{k}={_short_repr(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def _short_repr(value: Any) -> str:
    return shown(value.payload if isinstance(value, rpc.AdapterSpec) else value, _MAX_ARG_REPR)


def worker_text(value: Any) -> str:
    """Text the worker sent (a message, a type name, a traceback: the submission's to choose) as text that every
    report writer can encode, whatever it is."""
    return printable(value) if type(value) is str else shown(value)


@dataclass(frozen=True)
class CallResult:
    value: Any
    args_after: tuple | None
    kwargs_after: dict | None
    stats: dict = field(default_factory=dict)
    elapsed_s: float = 0.0  # wall clock seen by the judge, transfer of arguments and result included

    @property
    def returned_argument(self) -> bool:
        """True when the submission returned one of its positional arguments itself (`return items`)."""
        return bool(self.stats.get("returned_args"))

    @property
    def call_s(self) -> float:
        """The time spent inside the submission's function, measured in the worker (no transfer)."""
        return float(self.stats.get("call_s", self.elapsed_s))


class Submission:
    """One submission's worker for the whole run: started once, restarted only after a fatal event."""

    def __init__(self, sandbox: Sandbox, spec: WorkerSpec, call_timeout_s: float) -> None:
        self.sandbox = sandbox
        self.spec = spec
        self.call_timeout_s = call_timeout_s
        self.worker: WorkerProcess | None = None
        self.generation = 0
        self.deadline: float | None = None  # the current group's wall-clock end, set by the harness
        self.fatal: JudgeOutcome | None = None
        self.default_timeout_s: float | None = None  # a shorter limit for calls without one (Check.example)
        self.hung = False  # a call was cut by its wall-clock limit: later calls without a limit of their own
        # wait HUNG_CALL_TIMEOUT_S, not call_timeout_s, so a hang costs about one limit, not one per group
        self.outputs: list[str] = []
        self.missing: list[str] = []
        self.released: list[rpc.Handle] = []  # handles whose proxies were collected, freed with the next request

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Start a worker and wait until the submission is imported; raise if it cannot be."""
        self.worker = self.sandbox.start(self.spec)
        self.generation += 1
        try:
            hello = self.worker.receive(self.call_timeout_s + 5.0)
        except WorkerGone as exc:
            self._retire()
            raise SubmissionImportFailed(f"the submission exited while being imported: {exc}") from None
        except (CallTimedOut, OutputExceeded) as exc:
            self._retire()
            outcome = TimeLimitExceeded if isinstance(exc, CallTimedOut) else OutputLimitExceeded
            raise outcome(f"while importing the submission: {exc}") from None
        if hello.get("status") == "import_failed":
            error = hello.get("error", {})
            self._retire()
            if error.get("builtin") == "MemoryError":
                raise MemoryLimitExceeded("importing the submission ran out of memory")
            detail = f"{worker_text(error.get('type'))}: {worker_text(error.get('message'))}"
            tb = worker_text(error.get("traceback") or "")
            raise SubmissionImportFailed(f"importing the submission raised {detail}\n{tb}".rstrip())
        if hello.get("status") != "ready":
            self._retire()
            raise SubmissionCrashed("the worker did not start properly")
        self.missing = list(hello.get("missing", []))

    def _retire(self) -> None:
        if self.worker is not None:
            self.worker.close()
            out, err = self.worker.output()
            text = "".join(part for part in (out, err) if part)
            if text:
                self.outputs.append(text)
            self.sandbox.cleanup(self.worker)
            self.worker = None

    def close(self) -> None:
        self._retire()

    def begin_test(self) -> None:
        self.fatal = None

    def output(self) -> str:
        if self.worker is not None:
            self.worker.stdout.settle()
            self.worker.stderr.settle()
            out, err = self.worker.stdout.text(), self.worker.stderr.text()
            return "".join(self.outputs) + out + err
        return "".join(self.outputs)

    # -- calls ---------------------------------------------------------------------------------------
    def _timeout(self, requested: float | None) -> float:
        if requested is not None:
            timeout = requested
        else:
            timeout = min(self.call_timeout_s, self.default_timeout_s or math.inf)
            if self.hung:
                timeout = min(timeout, HUNG_CALL_TIMEOUT_S)
        if self.deadline is not None:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TimeLimitExceeded("the group's time limit was exhausted")
            timeout = min(timeout, remaining)
        return timeout

    def _fatal(self, outcome: JudgeOutcome) -> JudgeOutcome:
        self.fatal = outcome
        self._retire()
        return outcome

    def request(self, message: list, what: str, timeout: float | None = None) -> dict:
        if self.fatal is not None:
            raise type(self.fatal)(str(self.fatal), self.fatal.call)
        if self.worker is None:
            self.start()
        limit = self._timeout(timeout)
        try:
            while self.released:
                self.worker.request(["release", self.released.pop()], limit)
            response = self.worker.request(message, limit)
        except CallTimedOut:
            raise self._fatal(TimeLimitExceeded(f"a call took longer than {limit:.2f} s", what)) from None
        except OutputExceeded as exc:
            raise self._fatal(OutputLimitExceeded(str(exc), what)) from None
        except WorkerGone as exc:
            outcome = TimeLimitExceeded if exc.reason == "cpu" else SubmissionCrashed
            if exc.reason == "output":
                outcome = OutputLimitExceeded
            raise self._fatal(outcome(f"during a call: {exc}", what)) from None
        except rpc.CodecError as exc:  # the hidden test's own arguments: a judge bug (internal_error)
            raise rpc.CodecError(f"the judge cannot send the arguments of {what}: {exc}") from None
        return response

    def call(self, name: str, args: tuple = (), kwargs: dict | None = None, *, timeout: float | None = None,
             report_args: bool = False, target: rpc.Handle | None = None, generation: int | None = None) -> CallResult:
        kwargs = dict(kwargs or {})
        what = describe_call(name, tuple(args), kwargs)
        if generation is not None and generation != self.generation:
            raise SubmissionCrashed(f"{what}: the object was lost when the worker restarted", what)
        started = time.perf_counter()
        response = self.request(
            ["call", target, name, list(args), kwargs, {"report_args": report_args}], what, timeout
        )
        elapsed = time.perf_counter() - started
        return self._result(response, what, elapsed)

    def _result(self, response: dict, what: str, elapsed: float) -> CallResult:
        stats = _checked_stats(response.get("stats") or {}, what)
        if stats.get("budget_exceeded"):
            raise ComplexityExceeded(f"a call exceeded its operation budget ({_budget_text(stats)})", what)
        status = response["status"]
        if status == "raised":
            error = response.get("error", {})
            if error.get("builtin") == "MemoryError":
                raise self._fatal(MemoryLimitExceeded("a call ran out of memory", what))
            raise raised_exception(error)
        if status == "fault":
            kind = response.get("kind")
            raise SubmissionFault(worker_text(response.get("message")), what) if kind != "protocol" else \
                SubmissionCrashed(f"protocol error: {worker_text(response.get('message'))}", what)
        value = response.get("value")
        if isinstance(value, rpc.Handle):
            value = HandleProxy(self, value, self.generation)
        args_after = response.get("args_after")
        if not isinstance(args_after, (list, tuple, type(None))):
            raise SubmissionCrashed("protocol error: the arguments after the call are not a list", what)
        return CallResult(
            value=value,
            args_after=tuple(args_after) if args_after is not None else None,
            kwargs_after=response.get("kwargs_after"),
            stats=stats,
            elapsed_s=elapsed,
        )

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self.spec.entry_points:
            raise AttributeError(f"the problem has no entry point {name!r}")
        return EntryPoint(self, name)


class EntryPoint:
    """`submission.sort` : calling it calls the submission's `sort` in the worker."""

    def __init__(self, submission: Submission, name: str) -> None:
        self._submission = submission
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._submission.call(self._name, args, kwargs).value

    def __repr__(self) -> str:
        return f"<submission entry point {self._name}>"


class HandleProxy:
    """An object (an instance of a class entry point) that lives in the worker."""

    def __init__(self, submission: Submission, handle: rpc.Handle, generation: int) -> None:
        self._submission = submission
        self._handle = handle
        self._generation = generation

    def __del__(self) -> None:
        # never a request from here (a collection can happen in the middle of another call): queue it
        if self._generation == self._submission.generation:
            self._submission.released.append(self._handle)

    def call(self, method: str, args: tuple = (), kwargs: dict | None = None, *, timeout: float | None = None,
             report_args: bool = False) -> CallResult:
        if method.startswith("_"):
            raise AttributeError(method)
        return self._submission.call(method, args, kwargs, timeout=timeout, report_args=report_args,
                                     target=self._handle, generation=self._generation)

    def attr(self, name: str) -> Any:
        what = f"reading attribute {name!r}"
        if self._generation != self._submission.generation:
            raise SubmissionCrashed(f"{what}: the object was lost when the worker restarted", what)
        response = self._submission.request(["getattr", self._handle, name], what)
        return self._submission._result(response, what, 0.0).value

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, args, kwargs).value

    def __repr__(self) -> str:
        return f"<submission object #{self._handle.id}>"
