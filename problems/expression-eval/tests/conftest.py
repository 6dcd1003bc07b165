"""Shared checks of the expression-eval hidden tests: evaluate(expression: str) -> float.

Oracle: random expression trees are generated together with their exact value (fractions.Fraction, in
trees.py), rendered with random spacing and redundant parentheses; hand-written and fuzzed strings are
compared with the reference. A result passes when it is a float within 1e-9 relative of the exact value (an
exact zero must come back as zero).
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from judge.testing import Check, expect, fail, helper, timed_call

trees = helper(__file__, "trees")
REL_TOL = trees.REL_TOL
SUBMISSION_ERRORS = trees.SUBMISSION_ERRORS


def _builtin_name(exc: BaseException) -> str:
    for kind in (ZeroDivisionError, ValueError, ArithmeticError, LookupError, TypeError, AttributeError):
        if isinstance(exc, kind):
            return kind.__name__
    return type(exc).__name__


def _call(submission, expression: str, timeout: float | None = None):
    if timeout is None:
        return submission.evaluate(expression)
    return submission.call("evaluate", args=(expression,), timeout=timeout).value


def check_value(submission, expression: str, exact: Fraction, timeout: float | None = None) -> float:
    """The submission returns a float within 1e-9 relative of `exact` (exactly 0.0 for 0)."""
    expected = float(exact)
    try:
        got = _call(submission, expression, timeout)
    except (ValueError, ZeroDivisionError, OverflowError) as exc:
        fail(
            f"raised {_builtin_name(exc)} for a well-formed expression",
            input=expression, expected=expected, got=f"{_builtin_name(exc)}: {exc}",
        )
    expect(
        isinstance(got, float),
        f"the result must be a float, got {type(got).__name__}",
        input=expression, expected=expected, got=got,
    )
    expect(math.isfinite(got), "the result is not finite", input=expression, expected=expected, got=got)
    error = abs(Fraction(got) - exact)
    expect(
        error <= REL_TOL * abs(exact),
        "wrong value" if exact != 0 else "the exact value is 0: the result must be exactly 0.0",
        input=expression, expected=expected, got=got,
    )
    return got


def check_raises(submission, expression: str, kind: type) -> None:
    """The submission raises `kind` (ValueError or ZeroDivisionError) and nothing else."""
    try:
        got = submission.evaluate(expression)
    except kind:
        return
    except SUBMISSION_ERRORS as exc:
        fail(
            f"raised {_builtin_name(exc)} instead of {kind.__name__}",
            input=expression, expected=kind.__name__, got=f"{_builtin_name(exc)}: {exc}",
        )
    fail(f"returned a value instead of raising {kind.__name__}", input=expression, expected=kind.__name__,
         got=got)


def outcome(function, expression: str):
    """("value", float) or ("raises", exception name), for the reference (the oracle)."""
    try:
        return "value", function(expression)
    except (ValueError, ZeroDivisionError) as exc:
        return "raises", type(exc).__name__


class ExpressionCheck(Check):
    """``check(expression)``: the value against the reference's exact one; ``check.value(expression, exact)``,
    ``check.error(expression, kind)``, ``check.outcome(expression)`` (the reference's) and ``check.timed``."""

    entry = "evaluate"

    def evaluate(self, expression: str) -> float:
        return check_value(self.submission, expression, Fraction(self.reference.evaluate(expression)))

    __call__ = evaluate

    def value(self, expression: str, exact: Fraction) -> float:
        return check_value(self.submission, expression, exact)

    def error(self, expression: str, kind: type) -> None:
        check_raises(self.submission, expression, kind)

    def raises(self, kind: type[BaseException], entry: str, *args: object, **kwargs: object) -> None:
        check_raises(self.submission, args[0], kind)

    def same(self, got: object, expected: object) -> bool:
        return isinstance(got, float) and math.isfinite(got) and isinstance(expected, float) \
            and abs(Fraction(got) - Fraction(expected)) <= REL_TOL * abs(Fraction(expected))

    def outcome(self, expression: str):
        return outcome(self.reference.evaluate, expression)

    def timed(self, text: str, factor: float = 8.0, floor_s: float = 1.5) -> None:
        """A large expression within `factor` times the reference's time (at least `floor_s`)."""
        try:
            res = timed_call(self.submission, self.reference, "evaluate", (text,), factor=factor, floor_s=floor_s,
                             what=f"an expression of {len(text):,} characters")
        except (ValueError, ZeroDivisionError, OverflowError) as exc:
            fail(f"raised {_builtin_name(exc)} for a well-formed expression", input=text,
                 expected=self.reference.evaluate(text), got=f"{_builtin_name(exc)}: {exc}")
        exact = Fraction(self.reference.evaluate(text))  # the reference's float: exact enough for 1e-9
        expected, got = float(exact), res.value
        expect(isinstance(got, float), f"the result must be a float, got {type(got).__name__}",
               input=text, expected=expected, got=got)
        expect(math.isfinite(got) and abs(Fraction(got) - exact) <= abs(exact) * Fraction(2, 10**9),
               "wrong value", input=text, expected=expected, got=got)


@pytest.fixture
def check(submission, reference) -> ExpressionCheck:
    return ExpressionCheck(submission, reference)
