# expect: time_limit_exceeded
# why: loops over the entries in Python, drawing one random number per entry: correct, but about 60x
#      slower than a vectorised pass, far too slow for millions of entries.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, bool)
    rng = np.random.default_rng(seed)
    out = np.zeros_like(x)
    mask = np.zeros(x.shape, dtype=bool)
    scale = 1.0 / (1.0 - p)
    for idx in np.ndindex(x.shape):
        if rng.random() >= p:
            mask[idx] = True
            out[idx] = x[idx] * scale
    return out, mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    dx = np.zeros_like(dout)
    scale = 1.0 / (1.0 - p)
    for idx in np.ndindex(dout.shape):
        if mask[idx]:
            dx[idx] = dout[idx] * scale
    return dx
