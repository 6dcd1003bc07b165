# expect: runtime_error
# why: works on x reshaped to (batch, features) with x.reshape(x.shape[0], -1), as for a fully connected
#      layer; that reshape raises for an empty batch (shape (0, ...)), where the answer is an empty array.
import numpy as np


def dropout_forward(x, p, train, seed):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    flat = x.reshape(x.shape[0], -1)
    rng = np.random.default_rng(seed)
    mask = rng.random(flat.shape) >= p
    out = flat * mask / (1 - p)
    return out.reshape(x.shape), mask.reshape(x.shape)


def dropout_backward(dout, mask, p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    flat = dout.reshape(dout.shape[0], -1)
    return (flat * mask.reshape(flat.shape) / (1 - p)).reshape(dout.shape)
