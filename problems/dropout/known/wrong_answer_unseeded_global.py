# expect: wrong_answer
# why: draws the mask from NumPy's global generator without seeding it: the seed is ignored and two calls
#      with the same seed give different masks.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    mask = np.random.rand(*x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    return dout * mask / (1 - p)
