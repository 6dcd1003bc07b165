# expect: accepted
# why: a legacy RandomState seeded from seed draws Bernoulli(1 - p) keep flags with binomial(); the output
#      is selected with np.where (slower than the reference, still fully vectorised).
import numpy as np


def dropout_forward(x, p, train, seed):
    if p != p or p < 0 or p >= 1:
        raise ValueError(f"invalid dropout probability {p}")
    if not train:
        return x.copy(), np.ones_like(x, dtype=bool)
    state = np.random.RandomState(seed)
    mask = state.binomial(1, 1.0 - p, size=x.shape).astype(bool)
    out = np.where(mask, x / (1.0 - p), 0.0)
    return out, mask


def dropout_backward(dout, mask, p):
    if p != p or p < 0 or p >= 1:
        raise ValueError(f"invalid dropout probability {p}")
    return np.where(mask, dout / (1.0 - p), 0.0)
