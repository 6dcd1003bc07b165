# expect: wrong_answer
# why: training mode is right, but the test-mode mask is np.ones_like(x), which has x's float dtype, not
#      bool.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones_like(x)
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    return dout * mask / (1 - p)
