# expect: wrong_answer
# why: per-layer caches in the CS231n style, but relu_backward clamps the cached pre-activation in place
#      (`x[x < 0] = 0`) before taking its mask: the gradients are right, even when called again, yet the
#      cache the judge handed back has entries zeroed inside it (cache[1]).
import numpy as np


def affine_forward(x, w, b):
    return x @ w + b, (x, w, b)


def affine_backward(dout, cache):
    x, w, _ = cache
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(x, 0), x


def relu_backward(dout, cache):
    x = cache
    x[x < 0] = 0
    return dout * (x > 0)


def two_layer_forward(X, W1, b1, W2, b2):
    a, fc_cache = affine_forward(X, W1, b1)
    h, relu_cache = relu_forward(a)
    scores, fc2_cache = affine_forward(h, W2, b2)
    return scores, (fc_cache, relu_cache, fc2_cache)


def two_layer_backward(dscores, cache):
    fc_cache, relu_cache, fc2_cache = cache
    dh, dW2, db2 = affine_backward(dscores, fc2_cache)
    da = relu_backward(dh, relu_cache)
    dX, dW1, db1 = affine_backward(da, fc_cache)
    return dX, dW1, db1, dW2, db2
