"""The statement's public examples, with their exact outputs."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.group("examples")

A = np.array

EXAMPLES = [
    pytest.param(
        dict(X=A([[1.0, 2.0]]), W1=A([[1.0, -1.0], [0.0, 1.0]]), b1=A([0.0, -1.0]), W2=A([[2.0], [3.0]]),
             b2=A([0.5]), dscores=A([[1.0]])),
        dict(scores=A([[2.5]]), dX=A([[2.0, 0.0]]), dW1=A([[2.0, 0.0], [4.0, 0.0]]), db1=A([2.0, 0.0]),
             dW2=A([[1.0], [0.0]]), db2=A([1.0])),
        id="relu-at-zero",
    ),
    pytest.param(
        dict(X=A([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]]), W1=A([[1.0, 0.0], [0.0, 2.0], [1.0, -1.0]]),
             b1=A([0.5, 0.0]), W2=A([[1.0, -1.0], [2.0, 0.0]]), b2=A([0.0, 1.0]),
             dscores=A([[1.0, 0.0], [0.5, -1.0]])),
        dict(scores=A([[2.5, 0.5], [6.5, -1.5]]), dX=A([[1.0, 4.0, -1.0], [1.5, 2.0, 0.5]]),
             dW1=A([[4.0, 4.0], [1.5, 1.0], [-1.0, -2.0]]), db1=A([2.5, 3.0]),
             dW2=A([[1.75, -2.5], [2.0, -2.0]]), db2=A([1.5, -1.0])),
        id="all-active",
    ),
    pytest.param(
        dict(X=A([[1.0, 2.0], [3.0, 4.0]]), W1=A([[1.0], [1.0]]), b1=A([-10.0]), W2=A([[5.0, -5.0]]),
             b2=A([1.0, 2.0]), dscores=A([[1.0, 1.0], [1.0, 1.0]])),
        dict(scores=A([[1.0, 2.0], [1.0, 2.0]]), dX=A([[0.0, 0.0], [0.0, 0.0]]), dW1=A([[0.0], [0.0]]),
             db1=A([0.0]), dW2=A([[0.0, 0.0]]), db2=A([2.0, 2.0])),
        id="dead-unit",
    ),
]


@pytest.mark.parametrize(("given", "expected"), EXAMPLES)
def test_statement_example(submission, reference, net, given, expected):
    params = [given[name] for name in net.PARAMS]
    # The statement and the reference agree.
    ref_scores, ref_cache = reference.two_layer_forward(*params)
    assert np.array_equal(ref_scores, expected["scores"])
    for name, value in zip(net.GRADS, reference.two_layer_backward(given["dscores"], ref_cache), strict=True):
        assert np.array_equal(value, expected[name]), name

    shown = dict(given)
    scores, cache, _ = net.forward(submission, *params)
    net.close(scores, expected["scores"], what="scores", input=shown)
    grads, _ = net.backward(submission, given["dscores"], cache, shown=shown)
    for name, got in zip(net.GRADS, grads, strict=True):
        net.close(got, expected[name], what=name, input=shown)
