"""Shared checks for the dropout hidden tests.

The mask of a training-mode call depends on the submission's own generator (any generator seeded from
``seed`` is accepted), so a training output is never compared with the reference's draws: it is checked
against ``x * mask / (1 - p)`` computed here from the submission's own mask, and the mask itself is checked
for its type, shape, reproducibility and statistics. Test mode and the backward pass are deterministic and
compared with the reference. Every call asks the worker for its arguments as they were after the call, so
an in-place edit of ``x``, ``dout`` or ``mask`` is caught.
"""

from __future__ import annotations

import numpy as np
import pytest

from judge.numeric import expect_allclose, expect_unchanged
from judge.testing import Check, expect, fail, shown

# Training outputs are x * mask / (1 - p) up to rounding: any float64 formulation (x / (1 - p) * mask,
# np.where(mask, x * scale, 0), ...) agrees to a few ulps.
RTOL = 1e-9


def describe(x: np.ndarray, p: float, train: bool, seed: int) -> dict:
    return {"x": shown(x), "p": p, "train": train, "seed": seed}


def check_pair(value: object, x: np.ndarray, where: dict) -> tuple[np.ndarray, np.ndarray]:
    """The forward result must be a pair (out, mask): out a float64 array and mask a bool array, both of
    x's shape. Returns the pair."""
    expect(isinstance(value, (tuple, list)) and len(value) == 2,
           "dropout_forward must return a pair (out, mask)", input=where, got=value)
    out, mask = value
    for name, arr, dtype in (("out", out, np.float64), ("mask", mask, np.bool_)):
        expect(isinstance(arr, np.ndarray), f"{name} must be a NumPy array, got {type(arr).__name__}",
               input=where, got=arr)
        expect(arr.shape == x.shape, f"{name} must have x's shape {x.shape}, got {arr.shape}",
               input=where, got=shown(arr))
        expect(arr.dtype == dtype, f"{name} must have dtype {np.dtype(dtype)}, got {arr.dtype}",
               input=where, got=shown(arr))
    return out, mask


def forward(submission, x: np.ndarray, p: float, train: bool, seed: int, *,
            report_args: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Call the submission's dropout_forward, check the result's structure and that x is untouched."""
    res = submission.call("dropout_forward", args=(x, p, train, seed), report_args=report_args)
    return forward_result(res, x, p, train, seed)


def forward_result(res, x: np.ndarray, p: float, train: bool, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The checks of a dropout_forward call already made (x untouched when the call reported its arguments)."""
    if res.args_after is not None:
        expect_unchanged(x, res.args_after[0], what="x")
    return check_pair(res.value, x, describe(x, p, train, seed))


def expected_train_output(x: np.ndarray, mask: np.ndarray, p: float) -> np.ndarray:
    return x * mask / (1 - p)


def check_train(out: np.ndarray, mask: np.ndarray, x: np.ndarray, p: float, seed: int) -> None:
    """A training output must be x * mask / (1 - p) with the returned mask."""
    expect_allclose(out, expected_train_output(x, mask, p), rtol=RTOL, atol=0.0,
                    what="training output (must be x * mask / (1 - p) with the returned mask)",
                    input={"x": x, "p": p, "train": True, "seed": seed, "returned mask": mask})


def check_test_mode(out: np.ndarray, mask: np.ndarray, x: np.ndarray, p: float, seed: int, reference) -> None:
    """Test mode: out equals x exactly and the mask is all True (the reference says so too)."""
    expected_out, expected_mask = reference.dropout_forward(x, p, False, seed)
    where = describe(x, p, False, seed)
    if not np.array_equal(out, expected_out):
        fail("in test mode out must equal x (no scaling, nothing dropped)", input=where,
             expected=shown(expected_out), got=shown(out))
    if not np.array_equal(mask, expected_mask):
        fail("in test mode the mask must be all True", input=where, expected=shown(expected_mask),
             got=shown(mask))


def backward(submission, reference, dout: np.ndarray, mask: np.ndarray, p: float, *,
             report_args: bool = True) -> np.ndarray:
    """Call the submission's dropout_backward and compare with the reference's dx."""
    res = submission.call("dropout_backward", args=(dout, mask, p), report_args=report_args)
    return backward_result(res, reference, dout, mask, p)


def backward_result(res, reference, dout: np.ndarray, mask: np.ndarray, p: float) -> np.ndarray:
    """The checks of a dropout_backward call already made: dx against the reference's, the arguments untouched
    (when the call reported them)."""
    where = {"dout": shown(dout), "mask": shown(mask), "p": p}
    if res.args_after is not None:
        expect_unchanged(dout, res.args_after[0], what="dout")
        expect_unchanged(mask, res.args_after[1], what="mask")
    dx = res.value
    expect(isinstance(dx, np.ndarray), f"dx must be a NumPy array, got {type(dx).__name__}", input=where, got=dx)
    expect(dx.shape == dout.shape and dx.dtype == np.float64,
           f"dx must be a float64 array of shape {dout.shape}, got {dx.dtype} of shape {dx.shape}",
           input=where, got=shown(dx))
    expected = reference.dropout_backward(dout, mask, p)
    expect_allclose(dx, expected, rtol=RTOL, atol=0.0, what="dx (must be dout * mask / (1 - p))",
                    input={"dout": dout, "mask": mask, "p": p})
    return dx


def expect_same_mask(first: np.ndarray, second: np.ndarray, where: dict, why: str) -> None:
    if not np.array_equal(first, second):
        differ = int(np.count_nonzero(first != second))
        fail(f"{why}: the masks differ in {differ} of {first.size} entries (the mask must come from a "
             "generator seeded from seed, not from unseeded global randomness)", input=where,
             expected=shown(first), got=shown(second))


class DropoutCheck(Check):
    """The shared checks with the submission and the reference bound: ``check.forward(x, p, train, seed)``,
    ``check.backward(dout, mask, p)``, ``check.check_train(...)``, ...; ``check.dropout_forward`` and
    ``check.dropout_backward`` judge one call whole (the statement's examples)."""

    entry = "dropout_forward"
    check_train, check_pair, describe = staticmethod(check_train), staticmethod(check_pair), staticmethod(describe)
    expect_same_mask, shown = staticmethod(expect_same_mask), staticmethod(shown)
    expected_train_output, forward_result = staticmethod(expected_train_output), staticmethod(forward_result)

    def forward(self, x: np.ndarray, p: float, train: bool, seed: int, *, report_args: bool = True):
        return forward(self.submission, x, p, train, seed, report_args=report_args)

    def backward(self, dout: np.ndarray, mask: np.ndarray, p: float, *, report_args: bool = True) -> np.ndarray:
        return backward(self.submission, self.reference, dout, mask, p, report_args=report_args)

    def backward_result(self, res, dout: np.ndarray, mask: np.ndarray, p: float) -> np.ndarray:
        return backward_result(res, self.reference, dout, mask, p)

    def check_test_mode(self, out: np.ndarray, mask: np.ndarray, x: np.ndarray, p: float, seed: int) -> None:
        check_test_mode(out, mask, x, p, seed, self.reference)

    def dropout_forward(self, x: np.ndarray, p: float, train: bool, seed: int):
        out, mask = self.forward(x, p, train, seed)
        if train:  # the mask is the submission's own: out must agree with it
            check_train(out, mask, x, p, seed)
        else:
            self.check_test_mode(out, mask, x, p, seed)
        return out, mask

    __call__ = dropout_forward

    def dropout_backward(self, dout: np.ndarray, mask: np.ndarray, p: float) -> np.ndarray:
        return self.backward(dout, mask, p)

    def same(self, got: object, expected: object) -> bool:
        """Arrays of the same shape, equal within RTOL (bool arrays exactly); pairs item by item."""
        if isinstance(expected, tuple):
            return isinstance(got, (tuple, list)) and len(got) == len(expected) \
                and all(self.same(g, e) for g, e in zip(got, expected, strict=True))
        if not isinstance(got, np.ndarray) or not isinstance(expected, np.ndarray) or got.shape != expected.shape:
            return False
        if expected.dtype == np.bool_:
            return got.dtype == np.bool_ and bool(np.array_equal(got, expected))
        return bool(np.allclose(got, expected, rtol=RTOL, atol=0.0))


@pytest.fixture
def check(submission, reference) -> DropoutCheck:
    return DropoutCheck(submission, reference)
