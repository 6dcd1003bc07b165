# expect: time_limit_exceeded
# why: a Python loop over the samples in both passes (one matrix-vector product per sample forward,
#      one rank-1 update of dW1 and dW2 per sample backward): right values, far too slow at N=4096.
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    n = X.shape[0]
    pre = np.zeros((n, W1.shape[1]))
    scores = np.zeros((n, W2.shape[1]))
    for i in range(n):
        pre[i] = X[i] @ W1 + b1
        scores[i] = np.maximum(pre[i], 0.0) @ W2 + b2
    return scores, (X, W1, W2, pre)


def two_layer_backward(dscores, cache):
    X, W1, W2, pre = cache
    dX = np.zeros_like(X)
    dW1 = np.zeros_like(W1)
    db1 = np.zeros(W1.shape[1])
    dW2 = np.zeros_like(W2)
    db2 = np.zeros(W2.shape[1])
    for i in range(X.shape[0]):
        hidden = np.maximum(pre[i], 0.0)
        dW2 += np.outer(hidden, dscores[i])
        db2 += dscores[i]
        dpre = (W2 @ dscores[i]) * (pre[i] > 0)
        dW1 += np.outer(X[i], dpre)
        db1 += dpre
        dX[i] = W1 @ dpre
    return dX, dW1, db1, dW2, db2
