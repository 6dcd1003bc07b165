# expect: accepted
# why: an explicit PCG64 generator seeded from seed draws float32 uniforms; the output is built in place in
#      a fresh array (x itself is never written) with a precomputed scale.
import math

import numpy as np


class _Bad(ValueError):
    pass


def _scale(p):
    if math.isnan(p) or not 0.0 <= p < 1.0:
        raise _Bad("dropout probability out of range")
    return 1.0 / (1.0 - p)


def dropout_forward(x, p, train, seed):
    scale = _scale(p)
    if not train:
        return x.copy(), np.ones(x.shape, dtype=np.bool_)
    gen = np.random.Generator(np.random.PCG64(seed))
    mask = gen.random(x.shape, dtype=np.float32) >= np.float32(p) if p > 0 else np.ones(x.shape, dtype=bool)
    out = np.multiply(x, mask)
    out *= scale
    return out, mask


def dropout_backward(dout, mask, p):
    scale = _scale(p)
    dx = dout * mask
    dx *= scale
    return dx
