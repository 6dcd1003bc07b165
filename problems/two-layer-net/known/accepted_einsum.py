# expect: accepted
# why: einsum for every product (optimize=True, so the contractions go to BLAS); the cache keeps the
#      inputs and the boolean ReLU mask, and the backward pass recomputes the hidden activations.
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    z = np.einsum("nd,dh->nh", X, W1, optimize=True) + b1
    active = z > 0
    a = np.where(active, z, 0.0)
    out = np.einsum("nh,hc->nc", a, W2, optimize=True) + b2
    return out, (X, W1, b1, W2, active)


def two_layer_backward(dscores, cache):
    X, W1, b1, W2, active = cache
    z = np.einsum("nd,dh->nh", X, W1, optimize=True) + b1
    a = np.where(active, z, 0.0)
    dW2 = np.einsum("nh,nc->hc", a, dscores, optimize=True)
    db2 = np.einsum("nc->c", dscores, optimize=True)
    dz = np.einsum("nc,hc->nh", dscores, W2, optimize=True) * active
    dW1 = np.einsum("nd,nh->dh", X, dz, optimize=True)
    db1 = np.einsum("nh->h", dz, optimize=True)
    dX = np.einsum("nh,dh->nd", dz, W1, optimize=True)
    return dX, dW1, db1, dW2, db2
