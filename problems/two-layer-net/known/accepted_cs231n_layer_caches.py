# expect: accepted
# why: written the way the CS231n assignments teach it: one forward/backward pair per layer, each forward
#      returning (out, cache), and the network's cache the tuple of its layers' caches
#      (fc_cache, relu_cache, fc2_cache), nested plain data.
import numpy as np


def affine_forward(x, w, b):
    out = x.reshape(x.shape[0], -1).dot(w) + b
    return out, (x, w, b)


def affine_backward(dout, cache):
    x, w, b = cache
    dx = dout.dot(w.T).reshape(x.shape)
    dw = x.reshape(x.shape[0], -1).T.dot(dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, cache):
    x = cache
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
