"""All five gradients against centred finite differences of L = sum(scores * dscores).

The data are Gaussian with every pre-activation at least 0.05 away from 0 (resampled otherwise), so
the finite differences (step 1e-5) never cross a ReLU kink and L is linear around the point: the
centred differences are exact up to rounding. One test differentiates the submission's own forward
pass, the others the reference's (whose values the submission must match anyway).
"""

from __future__ import annotations

import numpy as np
import pytest

from judge.numeric import expect_gradient, numerical_gradient

THRESHOLD = 1e-6
ATOL = 1e-8
MARGIN = 0.05


def away_from_kinks(check, gen, n, d, h, c):
    while True:
        case = check.gaussian(gen, n, d, h, c)
        X, W1, b1 = case[:3]
        if np.min(np.abs(X @ W1 + b1)) > MARGIN:
            return case


def numeric_grads(forward, params, dscores):
    grads = []
    for i in range(len(params)):
        def loss(value, i=i):
            args = list(params)
            args[i] = value
            return float(np.sum(forward(*args) * dscores))
        grads.append(numerical_gradient(loss, params[i]))
    return grads


SHAPES = [(3, 4, 5, 3), (1, 6, 4, 2), (4, 5, 1, 3), (2, 7, 3, 1), (5, 3, 6, 4), (6, 2, 2, 6)]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_gradients_match_finite_differences(reference, check, rng, shape):
    gen = check.np_rng(rng)
    for _ in range(2):
        *params, dscores = away_from_kinks(check, gen, *shape)
        _, cache, _ = check.forward(*params)
        grads, _ = check.backward(dscores, cache)
        numeric = numeric_grads(lambda *a: reference.two_layer_forward(*a)[0], params, dscores)
        for name, got, num in zip(check.GRADS, grads, numeric, strict=True):
            expect_gradient(got, num, threshold=THRESHOLD, atol=ATOL, what=name)


def test_gradients_of_own_forward(submission, check, rng):
    """Finite differences of the submission's forward pass agree with its backward pass."""
    gen = check.np_rng(rng)
    *params, dscores = away_from_kinks(check, gen, 2, 3, 4, 2)
    _, cache, _ = check.forward(*params)
    grads, _ = check.backward(dscores, cache)

    def own_forward(*args):
        out = submission.two_layer_forward(*args)
        return np.asarray(out[0], dtype=np.float64)

    numeric = numeric_grads(own_forward, params, dscores)
    for name, got, num in zip(check.GRADS, grads, numeric, strict=True):
        expect_gradient(got, num, threshold=THRESHOLD, atol=ATOL, what=f"{name} (of your own forward)")
