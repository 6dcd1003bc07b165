# expect: wrong_answer
# why: seeds its generator with a constant instead of `seed`: reproducible, but every seed gives the same
#      mask.
import numpy as np

SEED = 12345


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    mask = np.random.default_rng(SEED).random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    return dout * mask / (1 - p)
