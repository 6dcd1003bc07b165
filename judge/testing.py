"""The toolkit hidden tests import: checks that fill the report, adapters, and timing against the reference.

Kept in the judge (not copied into each problem) so every problem reports failures the same way.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from judge import rpc
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
    "SubmissionRaised",
    "TimeLimitExceeded",
    "WrongAnswer",
    "expect",
    "expect_close",
    "expect_equal",
    "fail",
    "measure",
    "scaled_limit",
    "too_slow",
]

_SHOWN = 2000


def _repr(value: Any) -> str:
    """repr() that cannot fail on what a submission returned (an int of 10**100000 digits, a list nested
    100,000 deep): the failure is still reported as the submission's, not as a judge error."""
    try:
        return repr(value)
    except (ValueError, RecursionError, MemoryError) as exc:
        return f"<{type(value).__name__} that cannot be shown: {type(exc).__name__}>"


def _show(value: Any) -> str:
    text = value if isinstance(value, str) and not isinstance(value, type) else _repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


class WrongAnswer(AssertionError):
    """A hidden test's failed check, carrying what the report shows: input, expected, got."""

    def __init__(self, message: str, *, input: Any = None, expected: Any = None, got: Any = None,
                 has_input: bool = False, has_expected: bool = False, has_got: bool = False) -> None:
        super().__init__(message)
        self.failing_input = _repr(input) if has_input else None
        self.expected = _repr(expected) if has_expected else None
        self.got = _repr(got) if has_got else None


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
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def expect_close(got: Any, expected: float, *, rel: float = 1e-9, abs: float = 0.0, input: Any = _MISSING,
                 what: str = "result") -> None:
    """A float (int accepted only if `expected` is an int) within rel/abs of expected."""
    if not isinstance(got, (float, int)) or isinstance(got, bool):
        fail(f"{what} must be a number, not {type(got).__name__}", input=input, expected=expected, got=got)
    if not math.isclose(got, expected, rel_tol=rel, abs_tol=abs):
        fail(f"{what} is off by more than rel {rel:g} / abs {abs:g}", input=input, expected=expected, got=got)


def too_slow(message: str, *, input: Any = _MISSING) -> None:
    """Fail the test as a time limit (the wrong complexity), not as a wrong answer."""
    raise ComplexityExceeded(message, None if input is _MISSING else _show(input))


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
