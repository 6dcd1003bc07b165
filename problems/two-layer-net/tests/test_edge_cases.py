"""Edge cases: tiny and non-square shapes, the ReLU gradient at exactly 0, dead and fully active
layers, huge and tiny magnitudes, zero upstream gradient, duplicate samples, the cache reused and the cache
as the only link between a forward pass and its backward pass."""

from __future__ import annotations

import numpy as np
import pytest

from judge.testing import expect

SHAPES = [
    (1, 1, 1, 1), (1, 5, 3, 2), (4, 1, 3, 2), (4, 3, 1, 2), (4, 3, 2, 1),
    (6, 9, 2, 3), (6, 2, 9, 3), (3, 8, 8, 8), (1, 1, 7, 1),
]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_shapes(check, rng, shape):
    """N=1, D=1, H=1, C=1, non-square W1 (both ways) and square ones."""
    gen = check.np_rng(rng)
    for _ in range(3):
        check(*check.gaussian(gen, *shape))
    grads = check(*check.integer_zero(gen, *shape))
    n, d, h, c = shape
    for name, got, want in zip(check.GRADS, grads, [(n, d), (d, h), (h,), (h, c), (c,)], strict=True):
        expect(got.shape == want, f"{name} must have shape {want}, got {got.shape}")


def _discriminating_zero_case(check, gen, shape):
    """Integer data with pre-activations exactly 0 where a gradient would flow if ReLU'(0) were 1."""
    while True:
        X, W1, b1, W2, b2, dscores = check.integer_zero(gen, *shape)
        pre = X @ W1 + b1
        dhidden = dscores @ W2.T
        if np.any((pre == 0) & (dhidden != 0)):
            return X, W1, b1, W2, b2, dscores


@pytest.mark.parametrize("shape", [(8, 5, 6, 3), (3, 4, 4, 2), (1, 3, 5, 2), (10, 2, 3, 4)],
                         ids=lambda s: "x".join(map(str, s)))
def test_relu_gradient_at_exact_zero_is_zero(check, rng, shape):
    gen = check.np_rng(rng)
    for _ in range(3):
        case = _discriminating_zero_case(check, gen, shape)
        X, W1, b1, W2, _, dscores = case
        grads = check(*case)
        pre = X @ W1 + b1
        got_db1 = grads[2]
        expected_db1 = np.sum(np.where(pre > 0, dscores @ W2.T, 0.0), axis=0)
        expect(np.array_equal(got_db1, expected_db1), "db1: a unit whose pre-activation is exactly 0 "
               "must pass no gradient (the ReLU derivative at 0 is 0)", input={"X": X, "W1": W1, "b1": b1},
               expected=expected_db1, got=got_db1)


def test_all_units_dead(check, rng):
    gen = check.np_rng(rng)
    X, W1, b1, W2, b2, dscores = check.gaussian(gen, 5, 4, 6, 3)
    b1 = -100.0 - np.abs(X) .sum() * np.abs(W1).max() * np.ones(6)
    grads = check(X, W1, b1, W2, b2, dscores)
    for name, got in zip(("dX", "dW1", "db1", "dW2"), grads[:4], strict=True):
        expect(not np.any(got), f"{name} must be all zeros when every hidden unit is dead", got=got)


def test_all_units_active(check, rng):
    gen = check.np_rng(rng)
    X, W1, b1, W2, b2, dscores = check.gaussian(gen, 6, 4, 5, 3)
    b1 = 100.0 + np.abs(X).sum() * np.abs(W1).max() * np.ones(5)
    check(X, W1, b1, W2, b2, dscores)


@pytest.mark.parametrize("scale", [1e3, 1e6, 1e-6], ids=["1e3", "1e6", "1e-6"])
def test_magnitudes(check, rng, scale):
    gen = check.np_rng(rng)
    for _ in range(3):
        check(*check.gaussian(gen, 7, 5, 6, 4, scale=scale))


def test_zero_upstream_gradient(check, rng):
    gen = check.np_rng(rng)
    X, W1, b1, W2, b2, dscores = check.gaussian(gen, 4, 3, 5, 2)
    grads = check(X, W1, b1, W2, b2, np.zeros_like(dscores))
    for name, got in zip(check.GRADS, grads, strict=True):
        expect(not np.any(got), f"{name} must be all zeros when dscores is all zeros", got=got)


def test_duplicate_samples(check, rng):
    gen = check.np_rng(rng)
    X, W1, b1, W2, b2, dscores = check.gaussian(gen, 1, 4, 5, 3)
    X = np.repeat(X, 6, axis=0)
    dscores = np.repeat(dscores, 6, axis=0)
    check(X, W1, b1, W2, b2, dscores)
    check(*check.integer_zero(gen, 1, 4, 5, 3))


def test_backward_twice_with_the_same_cache(reference, check, rng):
    """The cache is data: a second backward pass with it (other dscores) gives that pass's gradients, and a
    third with the first dscores gives the first pass's gradients again. Each pass leaves the cache as it was
    (check.backward compares the cache the worker reports after the call with the one the judge holds)."""
    gen = check.np_rng(rng)
    X, W1, b1, W2, b2, dscores = check.integer_zero(gen, 6, 4, 5, 3)
    other = gen.standard_normal(dscores.shape)
    _, ref_cache = reference.two_layer_forward(X, W1, b1, W2, b2)
    _, cache, _ = check.forward(X, W1, b1, W2, b2)
    passes = []
    for upstream in (dscores, other, dscores):
        grads, _ = check.backward(upstream, cache)
        expected = reference.two_layer_backward(upstream, ref_cache)
        check.close_all([(f"{name} (backward pass reusing one cache)", got, want)
                         for name, got, want in zip(check.GRADS, grads, expected, strict=True)])
        passes.append(grads)
    check.close_all([(f"{name} (the same dscores and cache again: must equal the first pass)", again, first)
                     for name, first, again in zip(check.GRADS, passes[0], passes[2], strict=True)])


def test_backward_works_from_its_cache_alone(reference, check, rng):
    """Two forward passes on networks of one shape, then their backward passes in the other order: each
    backward pass must use the cache it is given, not what the last forward pass left behind (a global)."""
    gen = check.np_rng(rng)
    first, second = check.gaussian(gen, 4, 3, 5, 2), check.gaussian(gen, 4, 3, 5, 2)
    caches = [check.forward(*case[:5])[1] for case in (first, second)]
    for case, cache in ((second, caches[1]), (first, caches[0])):
        *params, dscores = case
        grads, _ = check.backward(dscores, cache)
        expected = reference.two_layer_backward(dscores, reference.two_layer_forward(*params)[1])
        check.close_all([(f"{name} (backward pass given an earlier forward pass's cache)", got, want)
                         for name, got, want in zip(check.GRADS, grads, expected, strict=True)])


def test_forward_twice_gives_the_same_scores(reference, check, rng):
    gen = check.np_rng(rng)
    X, W1, b1, W2, b2, _ = check.gaussian(gen, 5, 4, 3, 2)
    first, _, _ = check.forward(X, W1, b1, W2, b2)
    second, _, _ = check.forward(X, W1, b1, W2, b2)
    check.close(second, reference.two_layer_forward(X, W1, b1, W2, b2)[0], what="scores (second call)")
    check.close(first, second, what="scores (first call vs second)")
