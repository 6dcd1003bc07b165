# expect: wrong_answer
# why: confuses dropout with spatial dropout (Dropout2d): for 4-D inputs (N, C, H, W) it drops whole
#      channels, one draw per (n, c) shared by all H x W entries, so entries are not dropped independently.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    rng = np.random.default_rng(seed)
    if x.ndim == 4:
        keep = rng.random(x.shape[:2] + (1, 1)) >= p
        mask = np.broadcast_to(keep, x.shape).copy()
    else:
        mask = rng.random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    return dout * mask / (1 - p)
