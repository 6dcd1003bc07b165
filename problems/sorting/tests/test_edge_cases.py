"""Hand-picked corner cases: empty, one item, ties, negatives, huge ints, special floats, unicode, tuples."""

from __future__ import annotations

import math

import pytest

INF = math.inf

CASES = [
    pytest.param([], id="empty"),
    pytest.param([7], id="one-int"),
    pytest.param([-0.0], id="one-negative-zero"),
    pytest.param(["é"], id="one-string"),
    pytest.param([(1, "a")], id="one-tuple"),
    pytest.param([1, 2], id="two-ascending"),
    pytest.param([2, 1], id="two-descending"),
    pytest.param([4, 4], id="two-equal"),
    pytest.param([3, 1, 2], id="three"),
    pytest.param([5] * 50, id="all-equal"),
    pytest.param([3, 1, 3, 1, 2, 2, 3, 1], id="duplicates"),
    pytest.param([2, 1, 2, 1, 2, 1, 2], id="two-values-interleaved"),
    pytest.param([-1, -5, 3, 0, -5, 2], id="negatives"),
    pytest.param([-3, -1, -2, -7, -4], id="all-negative"),
    pytest.param([0, -1, 1, -2, 2, 0, 0], id="around-zero"),
    pytest.param([10**30, -(10**40), 0, 2**63, -(2**63), 2**64 + 1, 2**63 - 1], id="huge-ints"),
    pytest.param([INF, -INF, 0.0, -0.0, 1e-300, -1e308, 5e-324, 1.5, -1.5], id="special-floats"),
    pytest.param([0.0, -0.0, 0.0, -0.0], id="signed-zeros"),
    pytest.param([2, 1.5, -3, 0.25, 1, 1.0, True, False], id="mixed-numbers"),
    pytest.param([True, False, True, False], id="bools"),
    pytest.param(["é", "e\u0301", "😀", "z", "Z", "", "ß", "中文", "\x00", "a", "ä"], id="unicode"),
    pytest.param(["ab", "a", "abc", "", "b", "ab", "aa"], id="common-prefixes"),
    pytest.param(["😁", "😀", "\U0010ffff", "\uffff", "\u0800"], id="astral-code-points"),
    pytest.param([(1, "b"), (1, "a"), (0, "z"), (1, "a"), (-1, "")], id="tuples-with-ties"),
    pytest.param([(1, 2), (1,), (), (0, 5, 5), (1, 2, 0)], id="tuples-of-different-lengths"),
    pytest.param(list(range(100)), id="sorted-100"),
    pytest.param(list(range(100, 0, -1)), id="reversed-100"),
    pytest.param(list(range(50)) + list(range(50, -1, -1)), id="organ-pipe-101"),
    pytest.param([i % 7 for i in range(100)], id="sawtooth-100"),
    pytest.param([0] * 40 + [1] + [0] * 40, id="one-different-in-the-middle"),
]


@pytest.mark.parametrize("items", CASES)
def test_edge_case(check, items):
    check(items)


@pytest.mark.parametrize("size", range(1, 70))
def test_every_small_size(check, rng, size):
    """Every length up to 69 (powers of two and their neighbours), with duplicates and negatives."""
    items = [rng.randrange(-size, size) for _ in range(size)]
    check(items)
