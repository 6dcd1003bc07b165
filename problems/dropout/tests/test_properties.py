"""Generated small inputs of 1 to 4 dimensions.

Training mode: out is x * mask / (1 - p) with the returned bool mask of x's shape, and a second call with
the same arguments gives the same mask (the generator is seeded from seed). Test mode: out is x and the
mask all True. Backward: dx equals the reference's dout * mask / (1 - p) for any bool mask, and it is the
gradient of the submission's own training-mode forward pass (finite differences). No argument is modified.
None of these checks is statistical: a correct solution passes them with certainty.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.numeric import expect_gradient, float_arrays, numerical_gradient, seeds, shapes

probabilities = st.one_of(st.sampled_from([0.0, 0.1, 0.5, 0.9]),
                          st.floats(0.0, 0.99, allow_nan=False, allow_subnormal=False))


@given(data=st.data(), p=probabilities, seed=seeds())
def test_training_output_and_reproducibility(check, data, p, seed):
    x = data.draw(float_arrays(data.draw(shapes(), label="shape")), label="x")
    out, mask = check.forward(x, p, True, seed)
    check.check_train(out, mask, x, p, seed)
    out2, mask2 = check.forward(x, p, True, seed)
    check.expect_same_mask(mask, mask2, check.describe(x, p, True, seed),
                             "two calls with the same seed must give the same mask")
    check.check_train(out2, mask2, x, p, seed)


@given(data=st.data(), p=probabilities, seed=seeds())
def test_test_mode_is_identity(check, data, p, seed):
    x = data.draw(float_arrays(data.draw(shapes(), label="shape")), label="x")
    out, mask = check.forward(x, p, False, seed)
    check.check_test_mode(out, mask, x, p, seed)


@given(data=st.data(), p=probabilities)
def test_backward_matches_reference(check, data, p):
    shape = data.draw(shapes(), label="shape")
    dout = data.draw(float_arrays(shape), label="dout")
    mask = data.draw(hnp.arrays(np.bool_, shape), label="mask")
    check.backward(dout, mask, p)


@given(data=st.data(), p=probabilities, seed=seeds())
def test_backward_uses_the_forward_mask(check, data, p, seed):
    shape = data.draw(shapes(), label="shape")
    x = data.draw(float_arrays(shape), label="x")
    dout = data.draw(float_arrays(shape), label="dout")
    _, mask = check.forward(x, p, True, seed)
    check.backward(dout, mask, p)


@pytest.mark.parametrize(("shape", "p"), [((7,), 0.3), ((3, 4), 0.5), ((2, 2, 3), 0.8), ((2, 1, 2, 3), 0.1)])
def test_backward_is_the_gradient_of_forward(submission, check, rng, shape, p):
    """Centred differences of sum(forward(x) * dout) with the submission's own forward pass (same seed,
    so the same mask at every evaluation) against its backward pass."""
    nprng = np.random.default_rng(rng.getrandbits(64))
    x = nprng.uniform(-2.0, 2.0, shape)
    # |dout| >= 0.5 keeps the rounding error of the differences far below the threshold (relative 1e-8).
    dout = nprng.uniform(0.5, 2.0, shape) * nprng.choice([-1.0, 1.0], shape)
    seed = rng.getrandbits(32)
    _, mask = check.forward(x, p, True, seed)

    def loss(x_: np.ndarray) -> float:
        out = submission.dropout_forward(x_, p, True, seed)[0]
        return float(np.sum(out * dout))

    numeric = numerical_gradient(loss, x)
    dx = submission.dropout_backward(dout, mask, p)
    expect_gradient(dx, numeric, what="dx of dropout_backward against the forward pass")
