# expect: wrong_answer
# why: to save memory the backward pass turns the cached pre-activation into the 0/1 mask in place:
#      the gradients are right, but the cache it was given is modified.
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    pre = X @ W1 + b1
    hidden = np.maximum(pre, 0)
    return hidden @ W2 + b2, (X, W1, W2, pre)


def two_layer_backward(dscores, cache):
    X, W1, W2, pre = cache
    np.maximum(pre, 0, out=pre)          # pre is now the hidden activation
    dW2 = pre.T @ dscores
    db2 = dscores.sum(axis=0)
    pre[...] = pre > 0                   # and now the mask
    dpre = (dscores @ W2.T) * pre
    dW1 = X.T @ dpre
    db1 = dpre.sum(axis=0)
    dX = dpre @ W1.T
    return dX, dW1, db1, dW2, db2
