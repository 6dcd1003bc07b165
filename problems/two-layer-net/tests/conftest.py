"""Shared checks for the two-layer-net hidden tests.

Every call into the submission asks for its arguments back (``report_args``) and checks they were not
modified. The forward pass must return ``(scores, cache)`` with the cache plain data (arrays, numbers,
strings, None, and tuples, lists and dicts of them nested to any depth: the catalog's convention, so
CS231n's per-layer ``(fc_cache, relu_cache, fc2_cache)`` is fine); the backward pass gets the
submission's own cache back exactly as the judge received it, must leave it unchanged (the cache the
worker reports after the call is compared, item by item, with the one the judge holds) and must
return five float64 arrays of the shapes of the forward's inputs. Values are compared with the
reference (the oracle) with rtol 1e-6 and atol 1e-8, the absolute tolerance scaled by the largest
magnitude of the expected array when that exceeds 1.
"""

from __future__ import annotations

import numpy as np
import pytest

from judge.numeric import ATOL, RTOL, allclose_failure, check_plain_cache, expect_unchanged
from judge.testing import Check, expect, fail

FORWARD = "two_layer_forward"
BACKWARD = "two_layer_backward"
PARAMS = ("X", "W1", "b1", "W2", "b2")
GRADS = ("dX", "dW1", "db1", "dW2", "db2")


def _kind(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"ndarray{value.shape} {value.dtype}"
    return type(value).__name__


def close_failure(got: object, expected: np.ndarray, *, what: str) -> tuple | None:
    """None when `got` passes `close`, else (message, expected, got) as the report shows them."""
    expected = np.asarray(expected)
    scale = float(np.max(np.abs(expected))) if expected.size else 0.0
    failure = allclose_failure(got, expected, rtol=RTOL, atol=ATOL * max(1.0, scale), what=what)
    if failure is None and isinstance(got, np.ndarray) and got.dtype != np.float64:
        return f"{what}: expected a float64 array, got dtype {got.dtype}", None, None
    return failure


def close(got: object, expected: np.ndarray, *, what: str, input: object = None) -> None:
    """rtol 1e-6; atol 1e-8 times max(1, the largest |entry| of expected); float64 required."""
    close_all([(what, got, expected)], input=input)


def close_all(named: list[tuple[str, object, np.ndarray]], *, input: object = None) -> None:
    """`close` for several arrays (the five gradients) at once: one failure naming every one that is wrong, with
    the first wrong one's arrays shown."""
    failures = [f for what, got, want in named if (f := close_failure(got, want, what=what)) is not None]
    if not failures:
        return
    message, expected, got = failures[0]
    if len(failures) > 1:
        names = ", ".join(m.split(":", 1)[0] for m, _, _ in failures)
        message = f"{len(failures)} wrong: {names}\n" + "\n".join(m for m, _, _ in failures)
    shown = {} if expected is None else {"expected": expected, "got": got}
    fail(message, input=input, **shown)


def _inputs(X, W1, b1, W2, b2) -> dict:
    return {"X": X, "W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward(submission, X, W1, b1, W2, b2, *, check_args: bool = True):
    """Call the submission's forward pass; check the result's structure, the cache and the arguments."""
    res = submission.call(FORWARD, args=(X, W1, b1, W2, b2), report_args=check_args)
    scores, cache = forward_result(res, (X, W1, b1, W2, b2))
    return scores, cache, res


def forward_result(res, args: tuple) -> tuple:
    """The checks of a forward call already made: (scores, cache), the cache plain data, the arguments unchanged
    (when the call reported them)."""
    shown = _inputs(*args)
    out = res.value
    expect(isinstance(out, (tuple, list)) and len(out) == 2,
           f"two_layer_forward must return (scores, cache), got {_kind(out)}"
           + (f" of length {len(out)}" if isinstance(out, (tuple, list)) else ""), input=shown)
    scores, cache = out
    check_plain_cache(cache, input=shown)
    if res.args_after is not None:
        for name, before, after in zip(PARAMS, args, res.args_after, strict=True):
            expect_unchanged(before, after, what=f"argument {name} (two_layer_forward)")
    return scores, cache


def backward(submission, dscores, cache, *, check_args: bool = True, shown: object = None):
    """Call the submission's backward pass with its own cache; check structure and arguments."""
    res = submission.call(BACKWARD, args=(dscores, cache), report_args=check_args)
    return backward_result(res, dscores, cache, shown=shown), res


def backward_result(res, dscores, cache, *, shown: object = None) -> tuple:
    """The checks of a backward call already made: five gradients, dscores and the cache unchanged (when the call
    reported its arguments)."""
    grads = res.value
    expect(isinstance(grads, (tuple, list)) and len(grads) == 5,
           f"two_layer_backward must return (dX, dW1, db1, dW2, db2), got {_kind(grads)}"
           + (f" of length {len(grads)}" if isinstance(grads, (tuple, list)) else ""), input=shown)
    if res.args_after is not None:
        expect_unchanged(dscores, res.args_after[0], what="argument dscores (two_layer_backward)")
        expect_unchanged(cache, res.args_after[1], what="cache")
    return tuple(grads)


def check_network(submission, reference, X, W1, b1, W2, b2, dscores) -> tuple:
    """The full check: forward values, cache, untouched inputs, all five gradients vs the reference.

    Returns the submission's gradients.
    """
    shown = {**_inputs(X, W1, b1, W2, b2), "dscores": dscores}
    expected_scores, ref_cache = reference.two_layer_forward(X, W1, b1, W2, b2)
    expected_grads = reference.two_layer_backward(dscores, ref_cache)
    scores, cache, _ = forward(submission, X, W1, b1, W2, b2)
    close(scores, expected_scores, what="scores", input=shown)
    grads, _ = backward(submission, dscores, cache, shown=shown)
    close_all(list(zip(GRADS, grads, expected_grads, strict=True)), input=shown)
    return grads


def integer_relu_zero_case(rng: np.random.Generator, n: int, d: int, h: int, c: int) -> tuple:
    """Integer-valued float64 data where many pre-activations X @ W1 + b1 are exactly 0.

    b1[j] is minus the j-th pre-activation of a random sample, so every hidden unit is exactly 0 on
    at least one sample; all arithmetic is exact in float64.
    """
    X = rng.integers(-3, 4, size=(n, d)).astype(np.float64)
    W1 = rng.integers(-3, 4, size=(d, h)).astype(np.float64)
    rows = rng.integers(0, n, size=h)
    b1 = -(X @ W1)[rows, np.arange(h)]
    W2 = rng.integers(-3, 4, size=(h, c)).astype(np.float64)
    b2 = rng.integers(-3, 4, size=c).astype(np.float64)
    dscores = rng.integers(-3, 4, size=(n, c)).astype(np.float64)
    dscores[dscores == 0] = 1.0  # every unit at 0 would otherwise pass a gradient through
    return X, W1, b1, W2, b2, dscores


def gaussian_case(rng: np.random.Generator, n: int, d: int, h: int, c: int, scale: float = 1.0) -> tuple:
    """Standard-normal data (times scale for X, W1, b1), no pre-activation near 0 in practice."""
    X = rng.standard_normal((n, d)) * scale
    W1 = rng.standard_normal((d, h)) * scale
    b1 = rng.standard_normal(h) * scale
    W2 = rng.standard_normal((h, c))
    b2 = rng.standard_normal(c)
    dscores = rng.standard_normal((n, c))
    return X, W1, b1, W2, b2, dscores


def np_rng(rng) -> np.random.Generator:
    """A NumPy generator seeded from the test's `rng` fixture (reproducible from the run's seed)."""
    return np.random.default_rng(rng.getrandbits(64))


def _close_enough(got: object, expected: np.ndarray) -> bool:
    try:
        close(got, expected, what="")
    except AssertionError:
        return False
    return True


class NetCheck(Check):
    """``check(X, W1, b1, W2, b2, dscores)``: the full check against the reference (returns the gradients);
    ``check.forward``, ``check.backward``, ``check.close`` and the data builders (``check.gaussian``, ...)."""

    entry = FORWARD
    GRADS, PARAMS = GRADS, PARAMS
    close, close_all, np_rng = staticmethod(close), staticmethod(close_all), staticmethod(np_rng)
    integer_zero, gaussian = staticmethod(integer_relu_zero_case), staticmethod(gaussian_case)
    forward_result, backward_result = staticmethod(forward_result), staticmethod(backward_result)

    def __call__(self, X, W1, b1, W2, b2, dscores) -> tuple:
        return check_network(self.submission, self.reference, X, W1, b1, W2, b2, dscores)

    def forward(self, X, W1, b1, W2, b2, *, check_args: bool = True):
        return forward(self.submission, X, W1, b1, W2, b2, check_args=check_args)

    def backward(self, dscores, cache, *, check_args: bool = True, shown: object = None):
        return backward(self.submission, dscores, cache, check_args=check_args, shown=shown)

    # the statement's examples: each pass judged on its own (the backward pass gets the submission's cache)
    def two_layer_forward(self, X, W1, b1, W2, b2) -> tuple:
        scores, cache, _ = self.forward(X, W1, b1, W2, b2)
        close(scores, self.reference.two_layer_forward(X, W1, b1, W2, b2)[0], what="scores", input=_inputs(
            X, W1, b1, W2, b2))
        return scores, cache

    def two_layer_backward(self, dscores, cache) -> tuple:
        grads, _ = self.backward(dscores, cache, shown={"dscores": dscores})
        return grads

    def same(self, got: object, expected: object) -> bool:
        """Arrays close as `close` says (float64), or a dict of them name by name."""
        if isinstance(expected, dict):
            return isinstance(got, dict) and got.keys() == expected.keys() \
                and all(self.same(got[k], expected[k]) for k in expected)
        return _close_enough(got, expected)


@pytest.fixture
def check(submission, reference) -> NetCheck:
    return NetCheck(submission, reference)
