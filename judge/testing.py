"""The toolkit hidden tests import: checks that fill the report, adapters, and timing against the reference.

Kept in the judge (not copied into each problem) so every problem reports failures the same way.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from judge import rpc
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
    "ComplexityExceeded",
    "CountingItems",
    "MemoryLimitExceeded",
    "Shown",
    "SubmissionRaised",
    "TimeLimitExceeded",
    "WrongAnswer",
    "expect",
    "expect_close",
    "expect_equal",
    "fail",
    "measure",
    "scaled_limit",
    "shown",
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


def too_slow(message: str, *, input: Any = _MISSING) -> None:
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
