"""The numerical toolkit: comparisons say where and how much, gradient checks catch wrong gradients."""

from __future__ import annotations

import math

import numpy as np
import pytest

from judge.numeric import (
    backward_by_differences,
    describe_difference,
    expect_allclose,
    expect_gradient,
    expect_unchanged,
    hoeffding_interval,
    numerical_gradient,
    relative_error,
)
from judge.testing import WrongAnswer


def test_matching_arrays_pass() -> None:
    a = np.linspace(-1, 1, 12).reshape(3, 4)
    assert describe_difference(a + 1e-12, a) is None
    expect_allclose(a.copy(), a)


def test_difference_names_first_bad_index_values_and_max_error() -> None:
    expected = np.zeros((3, 4))
    got = expected.copy()
    got[1, 2] = 0.5
    got[2, 3] = 2.0
    message = describe_difference(got, expected)
    assert "2 of 12 entries off" in message
    assert "first at index (1, 2)" in message and "got 0.5" in message
    assert "max abs error 2 at (2, 3)" in message


@pytest.mark.parametrize(
    ("got", "fragment"),
    [
        (np.zeros((3, 3)), "shape mismatch"),
        ([[0.0] * 4] * 3, "expected an ndarray"),
        (np.array([["a"] * 4] * 3), "dtype mismatch"),
        (np.full((3, 4), np.nan), "entries off"),
    ],
)
def test_wrong_kind_of_answer_is_explained(got, fragment: str) -> None:
    with pytest.raises(WrongAnswer, match=fragment) as info:
        expect_allclose(got, np.zeros((3, 4)), what="scores")
    assert info.value.expected is not None and info.value.got is not None


def test_boolean_masks_compare_exactly() -> None:
    mask = np.array([True, False, True])
    assert describe_difference(mask.copy(), mask) is None
    assert "first at index (1,)" in describe_difference(np.array([True, True, True]), mask)
    assert "dtype mismatch" in describe_difference(mask.astype(float), mask)


def test_mutation_is_detected() -> None:
    x = np.arange(4.0)
    expect_unchanged(x, x.copy())
    changed = x.copy()
    changed[0] = 9
    with pytest.raises(WrongAnswer, match="modified"):
        expect_unchanged(x, changed, what="x")


def test_numerical_gradient_of_a_quadratic() -> None:
    a = np.array([[2.0, 1.0], [1.0, 3.0]])
    x = np.array([0.5, -1.5])
    num = numerical_gradient(lambda v: float(v @ a @ v), x)
    assert relative_error(num, 2 * a @ x) < 1e-9
    expect_gradient(2 * a @ x, num)
    with pytest.raises(WrongAnswer, match="disagrees with finite differences"):
        expect_gradient(a @ x, num, what="dx")  # a forgotten factor 2


def test_hoeffding_interval_covers_a_fair_coin_and_excludes_a_biased_one() -> None:
    lo, hi = hoeffding_interval(100_000, 0.5, false_failure=1e-9)
    assert lo < 50_000 < hi and hi - lo == pytest.approx(2 * math.sqrt(100_000 * math.log(2e9) / 2))
    rng = np.random.default_rng(0)
    assert lo <= int((rng.random(100_000) < 0.5).sum()) <= hi
    assert not lo <= int((rng.random(100_000) < 0.52).sum()) <= hi


def test_backward_by_differences_of_an_affine_layer() -> None:
    rng = np.random.default_rng(1)
    x, w, b = rng.standard_normal((3, 4)), rng.standard_normal((4, 2)), rng.standard_normal(2)
    dout = rng.standard_normal((3, 2))

    def forward(x, w, b):
        return x @ w + b, ("cache",)

    dx, dw, db = backward_by_differences(forward, (x, w, b), dout)
    expect_gradient(dout @ w.T, dx, what="dx")
    expect_gradient(x.T @ dout, dw, what="dw")
    expect_gradient(dout.sum(axis=0), db, what="db")
    with pytest.raises(WrongAnswer, match="db"):
        expect_gradient(dout.mean(axis=0), db, what="db")  # a bias gradient averaged instead of summed
