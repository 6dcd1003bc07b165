# expect: wrong_answer
# why: applies the mask in place (x *= mask; x /= 1 - p) to save memory and returns x itself, so the
#      caller's input is modified.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x, np.ones(x.shape, dtype=bool)
    mask = np.random.default_rng(seed).random(x.shape) >= p
    x *= mask
    x /= 1 - p
    return x, mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    dout *= mask
    dout /= 1 - p
    return dout
