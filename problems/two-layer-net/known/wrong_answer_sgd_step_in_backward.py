# expect: wrong_answer
# why: the backward pass also takes the SGD step, updating the cached W1 and W2 in place after
#      computing the gradients: the returned gradients are right but the weights (the cache) change.
import numpy as np

LEARNING_RATE = 1e-3


def two_layer_forward(X, W1, b1, W2, b2):
    hidden = np.maximum(X @ W1 + b1, 0)
    return hidden @ W2 + b2, (X, W1, W2, hidden)


def two_layer_backward(dscores, cache):
    X, W1, W2, hidden = cache
    dW2 = hidden.T @ dscores
    db2 = dscores.sum(axis=0)
    dhidden = dscores @ W2.T
    dhidden[hidden <= 0] = 0
    dW1 = X.T @ dhidden
    db1 = dhidden.sum(axis=0)
    dX = dhidden @ W1.T
    W1 -= LEARNING_RATE * dW1
    W2 -= LEARNING_RATE * dW2
    return dX, dW1, db1, dW2, db2
