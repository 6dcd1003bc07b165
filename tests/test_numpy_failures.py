"""NumPy failures a person can read: shape, dtype and NumPy's printing of the part around the first mismatch
(never a quoted string with literal `\\n`), and every wrong gradient of two-layer-net named in one failure."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from conftest import REPO

from judge.numeric import expect_allclose
from judge.render import array_excerpt
from judge.testing import WrongAnswer


def test_a_small_array_is_printed_whole_on_its_own_lines() -> None:
    text = array_excerpt(np.array([[1.0, -2.0, 3.0], [4.0, 5.5, 6.0]]))
    assert text == "array(2, 3) float64:\n[[ 1.  -2.   3. ]\n [ 4.   5.5  6. ]]"


def test_a_large_array_is_shown_around_the_focus() -> None:
    values = np.arange(100 * 30, dtype=np.float64).reshape(100, 30)
    text = array_excerpt(values, (57, 20))
    head, *rows = text.splitlines()
    assert head == "array(100, 30) float64, rows 55:60, columns 17:24:"
    assert len(rows) == 5 and f"{57 * 30 + 20:.0f}." in rows[2]
    assert "..." not in text and "\\n" not in text


def test_a_3d_array_names_the_slice_it_shows() -> None:
    text = array_excerpt(np.zeros((4, 3, 2), dtype=np.float32), (2, 1, 1))
    assert text.startswith("array(4, 3, 2) float32, slice [2, :, :]:\n")


def test_not_an_array_is_shown_as_usual() -> None:
    assert array_excerpt([1, 2]) == "[1, 2]"


def test_expect_allclose_shows_both_arrays_around_the_first_mismatch() -> None:
    expected = np.linspace(0.0, 1.0, 400).reshape(40, 10)
    got = expected.copy()
    got[23, 6] += 1.0
    with pytest.raises(WrongAnswer) as caught:
        expect_allclose(got, expected, what="dW1")
    failure = caught.value
    assert "first at index (23, 6)" in str(failure)
    for text, value in ((failure.expected, expected[23, 6]), (failure.got, got[23, 6])):
        assert text.startswith("array(40, 10) float64, rows 21:26, columns 3:10:\n")
        assert f"{value:.6f}".rstrip("0") in text and "'" not in text


def _two_layer_conftest():
    path = REPO / "problems" / "two-layer-net" / "tests" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_two_layer_net_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_layer_net_names_every_wrong_gradient() -> None:
    net = _two_layer_conftest()
    rng = np.random.default_rng(5)
    expected = [rng.standard_normal(shape) for shape in [(4, 3), (3, 5), (5,), (5, 2), (2,)]]
    got = [g.copy() for g in expected]
    got[0] = got[0] * 2  # dX
    got[3] = got[3] + 1  # dW2
    got[4] = got[4].astype(np.float32)  # db2: right values, wrong dtype
    with pytest.raises(WrongAnswer) as caught:
        net.close_all(list(zip(net.GRADS, got, expected, strict=True)))
    message = str(caught.value)
    assert message.startswith("3 wrong: dX, dW2, db2\n")
    assert "dX: " in message and "dW2: " in message and "float64" in message
    assert caught.value.expected.startswith("array(4, 3) float64")  # the first wrong one's arrays
