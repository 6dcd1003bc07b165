# expect: runtime_error
# why: squeezes X "so that a single sample given as a vector also works" (np.atleast_2d(np.squeeze(X))):
#      with one feature (D=1) and N > 1 the (N, 1) input becomes (1, N) and X @ W1 raises ValueError.
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    X = np.atleast_2d(np.squeeze(X))
    pre = X @ W1 + b1
    hidden = np.maximum(pre, 0)
    return hidden @ W2 + b2, (X, W1, W2, pre, hidden)


def two_layer_backward(dscores, cache):
    X, W1, W2, pre, hidden = cache
    dpre = (dscores @ W2.T) * (pre > 0)
    return dpre @ W1.T, X.T @ dpre, dpre.sum(axis=0), hidden.T @ dscores, dscores.sum(axis=0)
