# expect: wrong_answer
# why: the forward pass rounds X to float32 precision in place (meant to make the cached copy cheaper):
#      scores and gradients stay within tolerance, but the caller's X comes back modified.
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    pre = X @ W1 + b1
    X[...] = X.astype(np.float32)        # the cache does not need full precision
    hidden = np.maximum(pre, 0)
    return hidden @ W2 + b2, (X, W1, W2, pre, hidden)


def two_layer_backward(dscores, cache):
    X, W1, W2, pre, hidden = cache
    dpre = (dscores @ W2.T) * (pre > 0)
    return dpre @ W1.T, X.T @ dpre, dpre.sum(axis=0), hidden.T @ dscores, dscores.sum(axis=0)
