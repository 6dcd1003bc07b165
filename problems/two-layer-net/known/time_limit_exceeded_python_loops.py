# expect: time_limit_exceeded
# why: the textbook formulas written as explicit Python loops over every sample, unit and feature:
#      right on small inputs, hopeless on N=4096, D=1024, H=512 (billions of scalar operations).
import numpy as np


def two_layer_forward(X, W1, b1, W2, b2):
    n, d = X.shape
    h, c = W2.shape
    z = np.zeros((n, h))
    for i in range(n):
        for j in range(h):
            total = b1[j]
            for k in range(d):
                total += X[i, k] * W1[k, j]
            z[i, j] = total
    a = np.zeros((n, h))
    for i in range(n):
        for j in range(h):
            a[i, j] = z[i, j] if z[i, j] > 0 else 0.0
    scores = np.zeros((n, c))
    for i in range(n):
        for j in range(c):
            total = b2[j]
            for k in range(h):
                total += a[i, k] * W2[k, j]
            scores[i, j] = total
    return scores, (X, W1, W2, z, a)


def two_layer_backward(dscores, cache):
    X, W1, W2, z, a = cache
    n, d = X.shape
    h, c = W2.shape
    dW2 = np.zeros((h, c))
    db2 = np.zeros(c)
    da = np.zeros((n, h))
    for i in range(n):
        for j in range(c):
            db2[j] += dscores[i, j]
            for k in range(h):
                dW2[k, j] += a[i, k] * dscores[i, j]
                da[i, k] += dscores[i, j] * W2[k, j]
    dz = np.zeros((n, h))
    for i in range(n):
        for k in range(h):
            dz[i, k] = da[i, k] if z[i, k] > 0 else 0.0
    dW1 = np.zeros((d, h))
    db1 = np.zeros(h)
    dX = np.zeros((n, d))
    for i in range(n):
        for k in range(h):
            db1[k] += dz[i, k]
            for m in range(d):
                dW1[m, k] += X[i, m] * dz[i, k]
                dX[i, m] += dz[i, k] * W1[m, k]
    return dX, dW1, db1, dW2, db2
