# expect: wrong_answer
# why: dW1 computed as dpre.T @ X: shape (H, D) instead of (D, H) (the right shape only when D == H,
#      and then with the values transposed).
from __future__ import annotations

import numpy as np

Cache = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def two_layer_forward(X: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray,
                      b2: np.ndarray) -> tuple[np.ndarray, Cache]:
    """Forward pass of affine -> ReLU -> affine.

    Args:
        X: inputs, float64 array of shape (N, D).
        W1: first-layer weights, shape (D, H).
        b1: first-layer biases, shape (H,).
        W2: second-layer weights, shape (H, C).
        b2: second-layer biases, shape (C,).

    Returns:
        (scores, cache): scores = max(0, X @ W1 + b1) @ W2 + b2, float64 of shape (N, C), and a cache:
        a tuple of NumPy arrays and numbers (plain data only) holding whatever the backward pass needs.
        The cache is passed unchanged to `two_layer_backward`. The inputs are not modified.
    """
    pre_activation = X @ W1 + b1
    hidden = np.maximum(pre_activation, 0.0)
    scores = hidden @ W2 + b2
    return scores, (X, W1, W2, pre_activation, hidden)


def two_layer_backward(dscores: np.ndarray, cache: Cache) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                   np.ndarray, np.ndarray]:
    """Backward pass: the gradients of a scalar loss given its gradient with respect to the scores.

    Args:
        dscores: upstream gradient dL/dscores, float64 array of shape (N, C).
        cache: the cache returned by `two_layer_forward` (not modified).

    Returns:
        (dX, dW1, db1, dW2, db2): dL/dX (N, D), dL/dW1 (D, H), dL/db1 (H,), dL/dW2 (H, C), dL/db2 (C,),
        each of the shape of the corresponding input. The derivative of the ReLU at exactly 0 is 0.
    """
    X, W1, W2, pre_activation, hidden = cache
    dW2 = hidden.T @ dscores
    db2 = dscores.sum(axis=0)
    dhidden = dscores @ W2.T
    dpre = np.where(pre_activation > 0, dhidden, 0.0)
    dW1 = dpre.T @ X
    db1 = dpre.sum(axis=0)
    dX = dpre @ W1.T
    return dX, dW1, db1, dW2, db2
