"""ValueError unless 0 <= p < 1: from dropout_forward in training and in test mode, and from
dropout_backward. Any other exception escaping the submission is its runtime error."""

from __future__ import annotations

import numpy as np
import pytest

from judge.testing import fail

BAD_P = [1, 1.0, -0.1, 1.5, 1 + 2**-52, -1e-300, -1, 2, 100.0, float("nan"), float("inf"), float("-inf")]


def _expect_value_error(call, what: str, where: dict) -> None:
    try:
        got = call()
    except ValueError:
        return
    fail(f"{what} must raise ValueError for p = {where['p']!r} (only 0 <= p < 1 is valid)", input=where,
         expected="ValueError", got=got if not isinstance(got, tuple) else "a result (no exception)")


@pytest.mark.parametrize("train", [True, False])
@pytest.mark.parametrize("p", BAD_P, ids=repr)
def test_forward_rejects_p(submission, rng, p, train):
    x = np.random.default_rng(rng.getrandbits(64)).standard_normal((4, 5))
    seed = rng.getrandbits(32)
    _expect_value_error(lambda: submission.dropout_forward(x, p, train, seed), "dropout_forward",
                        {"x": "array(4, 5) float64", "p": p, "train": train, "seed": seed})


@pytest.mark.parametrize("p", BAD_P, ids=repr)
def test_backward_rejects_p(submission, rng, p):
    nprng = np.random.default_rng(rng.getrandbits(64))
    dout = nprng.standard_normal((3, 4))
    mask = nprng.random((3, 4)) < 0.5
    _expect_value_error(lambda: submission.dropout_backward(dout, mask, p), "dropout_backward",
                        {"dout": "array(3, 4) float64", "mask": "array(3, 4) bool", "p": p})


def test_still_works_after_errors(submission, check, rng):
    """A rejected call leaves nothing behind: valid calls afterwards behave normally."""
    x = np.random.default_rng(rng.getrandbits(64)).standard_normal((6, 6))
    seed = rng.getrandbits(32)
    _, before = check.forward(x, 0.5, True, seed)
    for p in (1.0, -0.5):
        _expect_value_error(lambda p=p: submission.dropout_forward(x, p, True, seed), "dropout_forward",
                            {"x": "array(6, 6) float64", "p": p, "train": True, "seed": seed})
    out, after = check.forward(x, 0.5, True, seed)
    check.expect_same_mask(before, after, check.describe(x, 0.5, True, seed),
                             "the same seed must give the same mask before and after rejected calls")
    check.check_train(out, after, x, 0.5, seed)
    check.backward(x, after, 0.5)
