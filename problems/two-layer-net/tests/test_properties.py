"""Random small networks compared with the reference: forward values and all five gradients.

The hypothesis data are multiples of 1/8 in [-5, 5], so every product and sum is exact in float64:
the pre-activations are computed exactly whatever the order of the operations, exact zeros are
frequent (the ReLU gradient at 0 must be 0) and the oracle's answer is exact. A second test uses
Gaussian data on larger shapes.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

EIGHTHS = st.integers(-40, 40).map(lambda k: k / 8)


def exact_array(shape):
    return hnp.arrays(np.float64, shape, elements=EIGHTHS)


@st.composite
def networks(draw, max_side: int = 7):
    n = draw(st.integers(1, max_side))
    d = draw(st.integers(1, max_side))
    h = draw(st.integers(1, max_side))
    c = draw(st.integers(1, max_side))
    return (draw(exact_array((n, d))), draw(exact_array((d, h))), draw(exact_array((h,))),
            draw(exact_array((h, c))), draw(exact_array((c,))), draw(exact_array((n, c))))


@given(case=networks())
def test_exact_networks(check, case):
    check(*case)


@pytest.mark.parametrize("shape", [(20, 13, 9, 4), (9, 30, 17, 6), (64, 16, 32, 10), (5, 5, 5, 5)],
                         ids=lambda s: "x".join(map(str, s)))
def test_gaussian_networks(check, rng, shape):
    gen = check.np_rng(rng)
    for _ in range(5):
        check(*check.gaussian(gen, *shape))


@pytest.mark.parametrize("shape", [(12, 6, 8, 3), (7, 9, 4, 5), (30, 4, 4, 2)],
                         ids=lambda s: "x".join(map(str, s)))
def test_integer_data_with_zero_pre_activations(check, rng, shape):
    gen = check.np_rng(rng)
    for _ in range(5):
        check(*check.integer_zero(gen, *shape))
