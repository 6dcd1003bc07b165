# expect: wrong_answer
# why: plain (non-inverted) dropout in training: out = x * mask without the 1 / (1 - p) scale, and the
#      backward pass does not scale either.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask, mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    return dout * mask
