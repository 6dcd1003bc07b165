"""Edge cases: p = 0 (nothing dropped), p next to 0 and 1, empty arrays, one element, 4-D arrays in
test mode, extreme magnitudes, negative zeros, the extreme seeds, and the backward pass with all-True and
all-False masks."""

from __future__ import annotations

import numpy as np
import pytest

from judge.testing import expect, fail


def _x(rng, shape, scale=1.0) -> np.ndarray:
    return scale * np.random.default_rng(rng.getrandbits(64)).standard_normal(shape)


@pytest.mark.parametrize("p", [0.0, 0, -0.0])
@pytest.mark.parametrize("shape", [(1,), (5,), (3, 7), (2, 3, 4), (2, 3, 4, 5)])
def test_p_zero_keeps_everything(check, rng, p, shape):
    x = _x(rng, shape)
    seed = rng.getrandbits(32)
    out, mask = check.forward(x, p, True, seed)
    where = check.describe(x, p, True, seed)
    if not mask.all():
        fail("with p = 0 training keeps every entry: the mask must be all True", input=where,
             expected="all True", got=check.shown(mask))
    if not np.array_equal(out, x):
        fail("with p = 0 training must return out equal to x", input=where, expected=check.shown(x),
             got=check.shown(out))


@pytest.mark.parametrize("train", [True, False])
@pytest.mark.parametrize("shape", [(0,), (3, 0), (0, 4, 2), (2, 0, 3, 1)])
def test_empty_arrays(check, rng, shape, train):
    x = np.zeros(shape)
    seed = rng.getrandbits(32)
    out, mask = check.forward(x, 0.5, train, seed)  # checks shapes and dtypes
    if not train:
        check.check_test_mode(out, mask, x, 0.5, seed)
    check.backward(np.zeros(shape), np.zeros(shape, dtype=bool), 0.5)


@pytest.mark.parametrize("shape", [(1,), (1, 1), (1, 1, 1, 1)])
def test_one_element(check, rng, shape):
    """One entry at p = 0.5 over 64 seeds: every result is 0 or 2x, and both happen (a correct solution
    gives the same outcome 64 times with probability 2^-63)."""
    x = np.full(shape, -1.5)
    outcomes = set()
    for seed in rng.sample(range(2**32), 64):
        out, mask = check.forward(x, 0.5, True, seed)
        check.check_train(out, mask, x, 0.5, seed)
        outcomes.add(bool(mask.ravel()[0]))
    expect(outcomes == {True, False}, "a single entry at p = 0.5 must be kept for some seeds and dropped for "
           "others", input={"x": x, "p": 0.5, "train": True, "seeds": "64 random seeds"},
           expected="both kept and dropped", got=f"always {'kept' if True in outcomes else 'dropped'}")


@pytest.mark.parametrize("p", [1e-12, 0.999, 1 - 2**-40, 0.5 + 1e-9])
def test_p_next_to_the_bounds(check, rng, p):
    x = _x(rng, (40, 50), scale=3.0)
    seed = rng.getrandbits(32)
    out, mask = check.forward(x, p, True, seed)
    check.check_train(out, mask, x, p, seed)


@pytest.mark.parametrize("scale", [1e-300, 1e300])
@pytest.mark.parametrize("p", [0.5, 0.9])
def test_extreme_magnitudes(check, rng, scale, p):
    x = _x(rng, (6, 7), scale=scale)
    seed = rng.getrandbits(32)
    out, mask = check.forward(x, p, True, seed)
    check.check_train(out, mask, x, p, seed)
    check.backward(x, mask, p)


def test_zeros_and_negative_zeros(check, rng):
    x = np.array([[0.0, -0.0, 1.0], [-1.0, 0.0, -0.0]])
    for train in (True, False):
        seed = rng.getrandbits(32)
        out, mask = check.forward(x, 0.25, train, seed)
        if train:
            check.check_train(out, mask, x, 0.25, seed)
        else:
            check.check_test_mode(out, mask, x, 0.25, seed)


@pytest.mark.parametrize("seed", [0, 1, 2**31, 2**32 - 1])
def test_extreme_seeds(check, rng, seed):
    x = _x(rng, (30, 30))
    out, mask = check.forward(x, 0.5, True, seed)
    check.check_train(out, mask, x, 0.5, seed)
    _, mask2 = check.forward(x, 0.5, True, seed)
    check.expect_same_mask(mask, mask2, check.describe(x, 0.5, True, seed),
                             "two calls with the same seed must give the same mask")


@pytest.mark.parametrize("shape", [(1,), (2, 3), (2, 3, 4), (3, 1, 4, 2), (2, 3, 4, 5)])
@pytest.mark.parametrize("p", [0.0, 0.5, 0.95])
def test_test_mode_any_shape(check, rng, shape, p):
    x = _x(rng, shape)
    seed = rng.getrandbits(32)
    out, mask = check.forward(x, p, False, seed)
    check.check_test_mode(out, mask, x, p, seed)


@pytest.mark.parametrize("fill", [True, False])
@pytest.mark.parametrize("p", [0.0, 0.2, 0.75])
def test_backward_uniform_masks(check, rng, fill, p):
    dout = _x(rng, (3, 4, 5))
    check.backward(dout, np.full(dout.shape, fill), p)


def test_backward_four_dimensional(check, rng):
    nprng = np.random.default_rng(rng.getrandbits(64))
    dout = nprng.standard_normal((2, 3, 4, 5))
    mask = nprng.random(dout.shape) < 0.5
    check.backward(dout, mask, 0.6)
