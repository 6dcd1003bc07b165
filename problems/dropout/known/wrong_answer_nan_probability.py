# expect: wrong_answer
# why: rejects p < 0 and p >= 1 only, so p = nan (for which both comparisons are false) is accepted
#      instead of raising ValueError.
import numpy as np


def _check(p):
    if p < 0 or p >= 1:
        raise ValueError("p must be in [0, 1)")


def dropout_forward(x, p, train, seed):
    _check(p)
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    _check(p)
    return dout * mask / (1 - p)
