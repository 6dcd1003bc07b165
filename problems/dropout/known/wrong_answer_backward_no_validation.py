# expect: wrong_answer
# why: dropout_forward validates p, but dropout_backward trusts its caller and never raises ValueError
#      (p = 1.5 gives a negative scale, p = 1 only a NumPy warning).
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    return dout * mask / (1 - p)
