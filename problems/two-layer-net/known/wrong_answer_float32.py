# expect: wrong_answer
# why: computes in float32 "for speed": scores and gradients lose precision (about 1e-7 relative
#      per operation, accumulated over the sums) and come back as float32.
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    X32, W132, W232 = X.astype(np.float32), W1.astype(np.float32), W2.astype(np.float32)
    pre = X32 @ W132 + b1.astype(np.float32)
    hidden = np.maximum(pre, 0)
    return hidden @ W232 + b2.astype(np.float32), (X32, W132, W232, pre, hidden)


def two_layer_backward(dscores, cache):
    X, W1, W2, pre, hidden = cache
    d = dscores.astype(np.float32)
    dpre = (d @ W2.T) * (pre > 0)
    return dpre @ W1.T, X.T @ dpre, dpre.sum(axis=0), hidden.T @ d, d.sum(axis=0)
