# expect: wrong_answer
# why: validates with 0 <= p <= 1, so p = 1 is accepted: test mode returns x, training divides by zero
#      (NumPy only warns) instead of raising ValueError.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p <= 1:
        raise ValueError("p must be in [0, 1]")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    if not 0 <= p <= 1:
        raise ValueError("p must be in [0, 1]")
    return dout * mask / (1 - p)
