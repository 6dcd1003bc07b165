# expect: accepted
# why: np.dot throughout, the ReLU as a multiplication by a float 0/1 mask kept in the cache,
#      with the number of samples stored as a plain int beside the arrays.
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    n = X.shape[0]
    pre = np.dot(X, W1) + b1[np.newaxis, :]
    mask = (pre > 0).astype(np.float64)
    hidden = pre * mask
    scores = np.dot(hidden, W2) + b2[np.newaxis, :]
    return scores, (n, X.copy(), W1.copy(), W2.copy(), hidden, mask)


def two_layer_backward(dscores, cache):
    n, X, W1, W2, hidden, mask = cache
    assert dscores.shape[0] == n
    dW2 = np.dot(hidden.T, dscores)
    db2 = np.sum(dscores, axis=0)
    dpre = np.dot(dscores, W2.T) * mask
    dW1 = np.dot(X.T, dpre)
    db1 = np.sum(dpre, axis=0)
    dX = np.dot(dpre, W1.T)
    return dX, dW1, db1, dW2, db2
