"""The statement's public examples."""

from __future__ import annotations

import numpy as np
import pytest

from judge.testing import fail

pytestmark = pytest.mark.group("examples")


def test_example_1_training(submission, dropout):
    x = np.array([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]])
    out, mask = dropout.forward(submission, x, 0.5, True, 1)
    # The statement's mask is one possible answer; only out == x * mask / (1 - p) is required.
    dropout.check_train(out, mask, x, 0.5, 1)


def test_example_2_test_mode(submission, reference, dropout):
    x = np.array([[1.0, -2.0], [3.0, 4.0]])
    out, mask = dropout.forward(submission, x, 0.5, False, 0)
    dropout.check_test_mode(out, mask, x, 0.5, 0, reference)


def test_example_3_backward(submission, reference, dropout):
    dout = np.array([1.0, 2.0, 3.0, 4.0])
    mask = np.array([True, False, True, False])
    assert np.array_equal(reference.dropout_backward(dout, mask, 0.75), [4.0, 0.0, 12.0, 0.0])
    dropout.backward(submission, reference, dout, mask, 0.75)


def test_example_4_p_equal_one(submission):
    x = np.array([1.0, 2.0])
    try:
        got = submission.dropout_forward(x, 1.0, False, 0)
    except ValueError:
        return
    fail("p = 1 must raise ValueError (also in test mode)", input={"x": x, "p": 1.0, "train": False, "seed": 0},
         expected="ValueError", got=got)
