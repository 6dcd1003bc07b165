"""The toolkit hidden tests import: checks that fill the report, adapters, and timing against the reference.

Kept in the judge (not copied into each problem) so every problem reports failures the same way.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import importlib.util
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

from judge import rpc, timings
from judge.examples import Example, ExampleError, Step
from judge.render import Shown, shown
from judge.submission import (
    CallResult,
    ComplexityExceeded,
    MemoryLimitExceeded,
    SubmissionRaised,
    TimeLimitExceeded,
)

__all__ = [
    "CallResult",
    "Check",
    "ComplexityExceeded",
    "CountingItems",
    "MemoryLimitExceeded",
    "Shown",
    "SubmissionRaised",
    "TimeLimit",
    "TimeLimitExceeded",
    "WrongAnswer",
    "expect",
    "expect_close",
    "expect_equal",
    "fail",
    "given_check",
    "helper",
    "measure",
    "reference_time",
    "scaled_limit",
    "shown",
    "time_limit",
    "timed_call",
    "too_slow",
]


def _text(value: Any) -> Shown:
    """A description the hidden test wrote ("200,000 random ints") as it is; any other value through `shown`."""
    return shown(Shown(value) if type(value) is str else value)


class WrongAnswer(AssertionError):
    """A hidden test's failed check, carrying what the report shows: input, expected, got."""

    def __init__(self, message: str, *, input: Any = None, expected: Any = None, got: Any = None,
                 has_input: bool = False, has_expected: bool = False, has_got: bool = False) -> None:
        super().__init__(message)
        self.failing_input = shown(input) if has_input else None
        self.expected = shown(expected) if has_expected else None
        self.got = shown(got) if has_got else None


_MISSING = object()


def fail(message: str, *, input: Any = _MISSING, expected: Any = _MISSING, got: Any = _MISSING) -> None:
    raise WrongAnswer(
        message,
        input=None if input is _MISSING else input,
        expected=None if expected is _MISSING else expected,
        got=None if got is _MISSING else got,
        has_input=input is not _MISSING,
        has_expected=expected is not _MISSING,
        has_got=got is not _MISSING,
    )


def expect(condition: bool, message: str, *, input: Any = _MISSING, expected: Any = _MISSING,
           got: Any = _MISSING) -> None:
    if not condition:
        fail(message, input=input, expected=expected, got=got)


def expect_equal(got: Any, expected: Any, *, input: Any = _MISSING, what: str = "result") -> None:
    """Equal value and the same type all the way down (1 == 1.0 == True are three different answers)."""
    if not _same(got, expected):
        fail(f"wrong {what}", input=input, expected=expected, got=got)


def _same(a: Any, b: Any) -> bool:
    """Iterative, so a result nested as deep as the codec allows (about 1000 levels) cannot overflow the stack."""
    pending = [(a, b)]
    while pending:
        x, y = pending.pop()
        if type(x) is not type(y):
            return False
        if isinstance(x, (list, tuple)):
            if len(x) != len(y):
                return False
            pending.extend(zip(x, y, strict=True))
        elif isinstance(x, dict):
            if x.keys() != y.keys():
                return False
            pending.extend((x[k], y[k]) for k in x)
        elif getattr(x, "ndim", 0) and hasattr(x, "dtype"):  # a NumPy array: same shape, dtype and entries
            import numpy as np

            if x.shape != y.shape or x.dtype != y.dtype or not np.array_equal(x, y, equal_nan=x.dtype.kind in "fc"):
                return False
        elif isinstance(x, float) and math.isnan(x):
            if not math.isnan(y):
                return False
        elif not bool(x == y):
            return False
    return True


def expect_close(got: Any, expected: float, *, rel: float = 1e-9, abs: float = 0.0, input: Any = _MISSING,
                 what: str = "result") -> None:
    """A float (int accepted only if `expected` is an int) within rel/abs of expected."""
    if not isinstance(got, (float, int)) or isinstance(got, bool):
        fail(f"{what} must be a number, not {type(got).__name__}", input=input, expected=expected, got=got)
    try:
        close = math.isclose(got, expected, rel_tol=rel, abs_tol=abs)
    except OverflowError:  # an int too large for a float is not close to any float
        close = False
    if not close:
        fail(f"{what} is off by more than rel {rel:g} / abs {abs:g}", input=input, expected=expected, got=got)


def too_slow(message: str, *, input: Any = _MISSING) -> NoReturn:
    """Fail the test as a time limit (the wrong complexity), not as a wrong answer."""
    raise ComplexityExceeded(message, None if input is _MISSING else _text(input))


def CountingItems(values: list, budget: int | None = None) -> rpc.AdapterSpec:
    """An argument the worker turns into a list of items that count every comparison made on them."""
    return rpc.AdapterSpec("counting_items", list(values), {"budget": budget})


def measure(func: Callable, *args: Any, repeat: int = 3, **kwargs: Any) -> float:
    """The best of `repeat` runs of func(*args) in the judge process, in seconds (the reference's time)."""
    best = math.inf
    for _ in range(repeat):
        started = time.perf_counter()
        func(*args, **kwargs)
        best = min(best, time.perf_counter() - started)
    return best


def scaled_limit(reference_s: float, factor: float = 5.0, floor_s: float = 1.0) -> float:
    """A time limit relative to the reference's time on this machine, never below a floor."""
    return max(floor_s, factor * reference_s)


# -- timing against the reference -------------------------------------------------------------------------------


def reference_time(func: Callable, *args: Any, repeat: int = 3) -> float:
    """The reference's time on `args` on this machine: the one place every hidden test measures it (cached per
    machine and scaled by this run's calibration: judge.timings)."""
    return timings.reference_seconds(func, args, lambda: measure(func, *args, repeat=repeat))


@dataclass(frozen=True)
class TimeLimit:
    """A limit of `factor` times the reference's time, never below `floor_s`, and how a breach is reported."""

    reference_s: float
    factor: float
    floor_s: float

    @property
    def seconds(self) -> float:
        return scaled_limit(self.reference_s, self.factor, self.floor_s)

    def exceeded(self, doing: str, what: str) -> NoReturn:
        """Fail as time_limit_exceeded: `doing` ("sort") took longer than the limit on `what` (the input)."""
        too_slow(f"{doing} on {what} took longer than {self.seconds:.2f} s ({self.factor:g}x the reference's "
                 f"{self.reference_s:.2f} s on this machine, at least {self.floor_s:g} s)", input=what)

    def call(self, submission: Any, entry: str, args: tuple, *, what: str, report_args: bool = False,
             timeout: float | None = None, doing: str | None = None) -> CallResult:
        """Call `entry` within the limit (or `timeout`, the part of it still left when several calls share it);
        a time limit fails the test, saying that `doing` (the entry point by default) was too slow."""
        try:
            return submission.call(entry, args=args, report_args=report_args,
                                   timeout=self.seconds if timeout is None else timeout)
        except TimeLimitExceeded:
            self.exceeded(doing or entry, what)


def time_limit(func: Callable, *args: Any, factor: float, floor_s: float, repeat: int = 3) -> TimeLimit:
    """The limit for running the same work as `func(*args)` (the reference) does here."""
    return TimeLimit(reference_time(func, *args, repeat=repeat), factor, floor_s)


def timed_call(submission: Any, reference: Any, entry: str, args: tuple, *, factor: float, floor_s: float,
               what: str, repeat: int = 3, report_args: bool = False, oracle: Callable | None = None) -> CallResult:
    """Measure the reference on `args`, call the submission within `factor` times that (at least `floor_s`), and
    fail as time_limit_exceeded naming `what` when it takes longer. `oracle` replaces `reference.<entry>` as the
    work timed (to keep its answer, or to time a sequence of calls)."""
    func = oracle if oracle is not None else getattr(reference, entry)
    limit = time_limit(func, *args, factor=factor, floor_s=floor_s, repeat=repeat)
    return limit.call(submission, entry, args, what=what, report_args=report_args)


# -- the conventional `check` fixture ------------------------------------------------------------------------------

# the shortest wall-clock limit of a checked call (Check.call_limit): filling 1 GiB took over 2 s on a busy CI machine
CALL_FLOOR_S = 5.0
CALL_FACTOR = 20.0  # times the reference's own time on the same arguments


class Check:
    """What every problem's `check` fixture returns (a subclass where the problem needs its own rules).

    `check(*args)` calls the main entry point (`entry`) as the reference is called, requires the same answer and
    the arguments left unchanged, and returns the submission's answer. A method named after another entry point
    checks a call of that one. `check.example(example)` judges one of the problem's public examples: the
    generic `examples` group calls it for each one of examples.toml.
    """

    entry = ""

    def __init__(self, submission: Any, reference: Any) -> None:
        self.submission = submission
        self.reference = reference

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.call(self.entry, *args, **kwargs)

    def call(self, entry: str, *args: Any, **kwargs: Any) -> Any:
        """One call of `entry`, judged against the reference's answer on a copy of the same arguments, within a
        limit that follows the reference's own time on them (`call_limit`)."""
        ref_args, ref_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
        started = time.perf_counter()
        expected = getattr(self.reference, entry)(*ref_args, **ref_kwargs)
        timeout = self.call_limit(time.perf_counter() - started)
        res = self.submission.call(entry, args, kwargs, report_args=True, timeout=timeout)
        self.answer(res.value, expected, args)
        self.unchanged(res.args_after, args)
        return res.value

    def call_limit(self, reference_s: float) -> float | None:
        """The wall-clock limit of a call the reference answered in `reference_s`: CALL_FACTOR times that, at
        least CALL_FLOOR_S (start-up, transfer and a slower correct algorithm fit), at most the problem's
        call_timeout_s (None: that one). A hang then costs about the floor instead of the full call timeout."""
        ceiling = getattr(self.submission, "call_timeout_s", None)
        if ceiling is None:
            return None
        return min(ceiling, scaled_limit(reference_s, CALL_FACTOR, CALL_FLOOR_S))

    @staticmethod
    def input(args: tuple) -> Any:
        """The input as a report shows it: the argument itself for one argument, else the tuple."""
        return args[0] if len(args) == 1 else args

    def answer(self, got: Any, expected: Any, args: tuple) -> None:
        expect_equal(got, expected, input=self.input(args))

    def same(self, got: Any, expected: Any) -> bool:
        """Whether the submission's `got` is the answer `expected` (exact here; tolerances in a subclass)."""
        return _same(got, expected)

    def unchanged(self, after: Any, args: tuple) -> None:
        expect(after is not None and _same(tuple(after), tuple(args)), "the input was modified",
               input=self.input(args), expected=self.input(args), got=None if after is None else self.input(after))

    def raises(self, kind: type[BaseException], entry: str, *args: Any, **kwargs: Any) -> None:
        """A call of `entry` must raise `kind` (a subclass is fine)."""
        try:
            got = self.submission.call(entry, args, kwargs).value
        except kind:
            return
        fail(f"{entry} must raise {kind.__name__}", input=self.input(args), expected=kind.__name__, got=got)

    # -- examples --------------------------------------------------------------------------------------------------
    def step(self, step: Step, args: tuple, kwargs: dict, bound: dict[str, Any]) -> Any:
        """Run one step of an example on the submission and judge it by the problem's rules; its answer."""
        if len(step.callee) == 1:
            name = step.callee[0]
            own = getattr(self, name) if name not in vars(Check) and callable(getattr(self, name, None)) else None
            return own(*args, **kwargs) if own is not None else self.call(name, *args, **kwargs)
        return getattr(bound[step.callee[0]], step.callee[1])(*args, **kwargs)

    def step_raises(self, step: Step, kind: type[BaseException], args: tuple, kwargs: dict,
                    bound: dict[str, Any]) -> None:
        """A step the example says raises `kind`."""
        if len(step.callee) == 1:
            self.raises(kind, step.callee[0], *args, **kwargs)
            return
        try:
            got = getattr(bound[step.callee[0]], step.callee[1])(*args, **kwargs)
        except kind:
            return
        fail(f"{step.source} must raise {kind.__name__}", input=step.source, expected=kind.__name__, got=got)

    def example(self, example: Example) -> None:
        """Judge the submission on one public example: by the problem's rules, then against the example's data."""
        started = time.perf_counter()
        disagreement = example_disagreement(example, self.reference, self.same)
        if disagreement is not None:
            raise ExampleError(disagreement)
        limit = self.call_limit(time.perf_counter() - started)  # the reference ran every step: a bound for each
        saved = getattr(self.submission, "default_timeout_s", None)
        if limit is not None:
            self.submission.default_timeout_s = limit
        try:
            self._example_steps(example)
        finally:
            if limit is not None:
                self.submission.default_timeout_s = saved

    def _example_steps(self, example: Example) -> None:
        """Each step of an example on the submission, judged by the problem's rules and the example's data."""
        bound: dict[str, Any] = {}
        for step in example.steps:
            args, kwargs = example.arguments(step, bound)
            if step.raises is not None:
                self.step_raises(step, _exception(step.raises), args, kwargs, bound)
                continue
            got = self.step(step, args, kwargs, bound)
            accepted = example.expected(step)
            named = _bind(step, got)
            answer = {name: named[name] for name in step.result} if isinstance(step.result, dict) else got
            if accepted and not any(self.same(answer, a) for a in accepted):
                expected = step.result if not step.also else [step.result, *step.also]
                fail("not the answer the statement's example shows" + (" (any one of those listed)" if step.also
                     else ""), input=step.source, expected=Shown(str(expected)), got=answer)
            bound.update(named)


def _exception(name: str) -> type[BaseException]:
    import builtins

    return getattr(builtins, name)


def _bind(step: Step, value: Any) -> dict[str, Any]:
    """The names a step binds to its answer (unpacked when it binds several)."""
    if len(step.targets) <= 1:
        return dict.fromkeys(step.targets, value)
    values = list(value) if isinstance(value, (tuple, list)) else None
    expect(values is not None and len(values) == len(step.targets),
           f"{step.source}: the answer must unpack into {len(step.targets)} values", input=step.source, got=value)
    return dict(zip(step.targets, values, strict=True))


def example_disagreement(example: Example, reference: Any, same: Callable[[Any, Any], bool] = _same) -> str | None:
    """Where the reference answers an example otherwise than its data says (None when they agree): the data is
    checked against the oracle every time it judges, and by `judge verify`."""
    bound: dict[str, Any] = {}
    for step in example.steps:
        args, kwargs = example.arguments(step, bound)
        target = getattr(reference, step.callee[0]) if len(step.callee) == 1 \
            else getattr(bound[step.callee[0]], step.callee[1])
        try:
            value = target(*args, **kwargs)
        except Exception as exc:
            if step.raises is not None and isinstance(exc, _exception(step.raises)):
                continue
            return f"{step.source}: the reference raised {type(exc).__name__}: {exc}"
        if step.raises is not None:
            return f"{step.source}: the reference returned instead of raising {step.raises}"
        try:
            named = _bind(step, value)
        except WrongAnswer as exc:
            return f"the reference's answer: {exc}"
        answer = {name: named[name] for name in step.result} if isinstance(step.result, dict) else value
        shown_result = example.expected(step) if not step.any_valid or step.result is None \
            else example.expected(dataclasses.replace(step, any_valid=False))
        if shown_result and not any(same(answer, a) for a in shown_result):
            return f"{step.source}: the reference answers {shown(answer)}, the example says {step.result}"
        bound.update(named)
    return None


def helper(test_file: str, name: str) -> ModuleType:
    """The module `<name>.py` beside a hidden test file (`helper(__file__, "expressions")`): code several groups'
    files share that a fixture cannot carry (hypothesis strategies are needed when the test is defined).

    Hidden tests are imported by path, not as a package, so a sibling cannot be imported by name; it is loaded
    once per path under a private name."""
    path = (Path(test_file).parent / f"{name}.py").resolve()
    key = "judge_helper_" + hashlib.sha256(str(path).encode()).hexdigest()[:16] + f"_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"no helper module {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[key]
            raise
    return sys.modules[key]


def given_check(**strategies: Any) -> Callable:
    """A property test in one line: `test_floats = given_check(items=FLOATS)` draws the arguments with hypothesis
    and judges `check(*drawn)` (positionally, in the keywords' order), under the group's grading settings."""
    from hypothesis import given

    names = list(strategies)

    @given(**strategies)
    def test(check: Check, **drawn: Any) -> None:
        check(*(drawn[name] for name in names))

    return test
