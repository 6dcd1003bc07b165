# expect: accepted
# why: seeds NumPy's global generator with np.random.seed(seed) and draws with np.random.rand; any
#      generator seeded from seed is accepted, and reseeding makes every call reproducible.
import numpy as np


def _validate(p):
    if not (0 <= p < 1):
        raise ValueError("p must be in [0, 1)")


def dropout_forward(x, p, train, seed):
    _validate(p)
    if not train:
        return np.array(x, copy=True), np.full(np.shape(x), True)
    np.random.seed(seed)
    keep = np.random.rand(*x.shape) < 1 - p
    return x * keep / (1 - p), keep


def dropout_backward(dout, mask, p):
    _validate(p)
    return dout * mask / (1 - p)
