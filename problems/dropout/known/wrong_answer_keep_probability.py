# expect: wrong_answer
# why: treats p as the probability of keeping an entry (mask = rand < p) while still scaling by 1 / (1 - p):
#      at p = 0.1 it drops 90% of the entries; only the statistics of the mask reveal it.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    rng = np.random.default_rng(seed)
    mask = rng.random(x.shape) < p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    return dout * mask / (1 - p)
