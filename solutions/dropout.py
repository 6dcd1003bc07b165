"""Dropout: the forward and backward pass of an inverted-dropout layer.

Reference solution. In training mode every entry of ``x`` is kept independently with probability
``1 - p``; the kept entries are scaled by ``1 / (1 - p)`` so that the output has the same expected
value as the input and nothing needs to change at test time. The random draws come from a NumPy
generator seeded from ``seed``, so a call is reproducible. Everything is vectorised.
"""

from __future__ import annotations

import numpy as np


def _check_probability(p: float) -> None:
    """Raise ValueError unless 0 <= p < 1 (NaN included)."""
    if not 0 <= p < 1:
        raise ValueError(f"the drop probability p must satisfy 0 <= p < 1, got {p!r}")


def dropout_forward(x: np.ndarray, p: float, train: bool, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Apply inverted dropout to ``x`` and return ``(out, mask)``.

    ``p`` is the probability of **dropping** an entry. In training mode (``train`` true) each entry
    of ``x`` is kept independently with probability ``1 - p``: ``mask`` is a boolean array of
    ``x``'s shape, True where the entry is kept, and ``out = x * mask / (1 - p)``. The random draws
    come from a random generator seeded from ``seed``: the same seed always gives the same mask,
    different seeds give different masks. In test mode (``train`` false) ``out`` equals ``x`` and
    ``mask`` is all True.

    ``x`` is a float64 array of 1 to 4 dimensions and is not modified.
    Raises ValueError unless ``0 <= p < 1`` (in both modes).
    """
    _check_probability(p)
    x = np.asarray(x)
    if not train:
        return x.copy(), np.ones(x.shape, dtype=bool)
    rng = np.random.default_rng(seed)
    mask = rng.random(x.shape) >= p
    out = x * mask / (1 - p)
    return out, mask


def dropout_backward(dout: np.ndarray, mask: np.ndarray, p: float) -> np.ndarray:
    """Return ``dx``, the gradient of the loss with respect to the input of a training-mode
    ``dropout_forward``.

    ``dout`` is the gradient with respect to ``out``, ``mask`` the boolean mask that the forward
    pass returned (same shape as ``dout``) and ``p`` the same drop probability:
    ``dx = dout * mask / (1 - p)``. The arguments are not modified.
    Raises ValueError unless ``0 <= p < 1``.
    """
    _check_probability(p)
    return np.asarray(dout) * np.asarray(mask, dtype=bool) / (1 - p)
