"""The statement's public examples."""

from __future__ import annotations

import pytest

from judge.testing import expect

pytestmark = pytest.mark.group("examples")


@pytest.mark.parametrize(
    ("a", "b", "accepted"),
    [
        ("abcde", "ace", {"ace"}),
        ("ABCBDAB", "BDCABA", {"BCBA", "BCAB", "BDAB"}),
        ("abc", "def", {""}),
        ("😀ab😁", "b😀😁a", {"😀a", "😀😁", "b😁"}),
    ],
)
def test_statement_example(submission, a, b, accepted):
    got = submission.longest_common_subsequence(a, b)
    expect(
        got in accepted,
        "not a longest common subsequence (any one of the expected answers is accepted)",
        input={"a": a, "b": b},
        expected=sorted(accepted) if len(accepted) > 1 else next(iter(accepted)),
        got=got,
    )
