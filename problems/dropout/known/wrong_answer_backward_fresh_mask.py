# expect: wrong_answer
# why: the backward pass ignores the mask it is given and regenerates one from a fixed seed (its signature
#      has no seed), so gradients flow through the wrong entries.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    fresh = np.random.default_rng(0).random(dout.shape) >= p
    return dout * fresh / (1 - p)
