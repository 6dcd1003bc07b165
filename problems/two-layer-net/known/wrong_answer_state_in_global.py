# expect: wrong_answer
# why: the forward pass keeps what the backward pass needs in a module global and returns an empty cache:
#      every forward-then-backward pair is right, but a backward pass given an earlier forward pass's cache
#      uses the last forward pass's values instead.
import numpy as np

_last = {}


def two_layer_forward(X, W1, b1, W2, b2):
    pre = X @ W1 + b1
    hidden = np.maximum(pre, 0)
    _last.update(X=X, W1=W1, W2=W2, pre=pre, hidden=hidden)
    return hidden @ W2 + b2, ()


def two_layer_backward(dscores, cache):
    X, W1, W2, pre, hidden = (_last[k] for k in ("X", "W1", "W2", "pre", "hidden"))
    dpre = np.where(pre > 0, dscores @ W2.T, 0.0)
    return dpre @ W1.T, X.T @ dpre, dpre.sum(axis=0), hidden.T @ dscores, dscores.sum(axis=0)
