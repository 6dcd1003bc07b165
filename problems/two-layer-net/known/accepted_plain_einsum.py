# expect: accepted
# why: np.einsum without optimize=True: fully vectorised but no BLAS; the fine print says the
#      performance limit admits any fully vectorised solution
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    z = np.einsum("nd,dh->nh", X, W1) + b1
    active = z > 0
    a = np.where(active, z, 0.0)
    out = np.einsum("nh,hc->nc", a, W2) + b2
    return out, (X, W1, b1, W2, active)


def two_layer_backward(dscores, cache):
    X, W1, b1, W2, active = cache
    z = np.einsum("nd,dh->nh", X, W1) + b1
    a = np.where(active, z, 0.0)
    dW2 = np.einsum("nh,nc->hc", a, dscores)
    db2 = np.einsum("nc->c", dscores)
    dz = np.einsum("nc,hc->nh", dscores, W2) * active
    dW1 = np.einsum("nd,nh->dh", X, dz)
    db1 = np.einsum("nh->h", dz)
    dX = np.einsum("nh,dh->nd", dz, W1)
    return dX, dW1, db1, dW2, db2
