"""Shared checker for the longest-common-subsequence hidden tests."""

from __future__ import annotations

import pytest

from judge.testing import Check, expect, shown

ENTRY = "longest_common_subsequence"


def is_subsequence(small: str, big: str) -> bool:
    """True when ``small`` is a subsequence of ``big``."""
    remaining = iter(big)
    return all(char in remaining for char in small)


def check_lcs(got: object, expected: str, a: str, b: str) -> None:
    """Fail (wrong_answer) unless ``got`` is a common subsequence of a and b as long as ``expected``."""
    shown_as = {"input": {"a": shown(a, 160), "b": shown(b, 160)}, "expected": shown(expected, 160),
                "got": shown(got, 160)}
    expect(isinstance(got, str), f"must return a str, got {type(got).__name__}", **shown_as)
    assert isinstance(got, str)
    expect(is_subsequence(got, a), "the result is not a subsequence of a", **shown_as)
    expect(is_subsequence(got, b), "the result is not a subsequence of b", **shown_as)
    expect(len(got) == len(expected),
           f"the result has {len(got)} characters but a longest common subsequence has {len(expected)}", **shown_as)


class LcsCheck(Check):
    """``check(a, b)``: one call judged against the reference's length (any longest common subsequence is
    accepted); ``check.result(got, expected, a, b)`` for tests that call the submission themselves."""

    entry = ENTRY
    result = staticmethod(check_lcs)

    def answer(self, got: object, expected: str, args: tuple) -> None:
        check_lcs(got, expected, *args)


@pytest.fixture
def check(submission, reference) -> LcsCheck:
    return LcsCheck(submission, reference)
