"""The statement's public examples."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.group("examples")


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param([5, 2, 3, 1], [1, 2, 3, 5], id="ints"),
        pytest.param(["pear", "apple", "fig"], ["apple", "fig", "pear"], id="strings"),
        pytest.param([], [], id="empty"),
        pytest.param([(2, "b"), (1, "z"), (2, "a")], [(1, "z"), (2, "a"), (2, "b")], id="tuples"),
    ],
)
def test_statement_example(submission, reference, check_sort, items, expected):
    assert reference.sort(items) == expected  # the statement and the reference agree
    check_sort(submission, reference, items)
