"""Shared checker for the longest-common-subsequence hidden tests."""

from __future__ import annotations

import pytest

from judge.testing import expect

ENTRY = "longest_common_subsequence"


def is_subsequence(small: str, big: str) -> bool:
    """True when ``small`` is a subsequence of ``big``."""
    remaining = iter(big)
    return all(char in remaining for char in small)


def _show(text: str, limit: int = 120) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text)} characters)"


def check_lcs(got: object, expected: str, a: str, b: str) -> None:
    """Fail (wrong_answer) unless ``got`` is a common subsequence of a and b as long as ``expected``."""
    shown = {"a": _show(a), "b": _show(b)}
    expect(
        isinstance(got, str),
        f"must return a str, got {type(got).__name__}",
        input=shown,
        expected=_show(expected),
        got=got if not isinstance(got, str) else _show(got),
    )
    assert isinstance(got, str)
    expect(
        is_subsequence(got, a),
        "the result is not a subsequence of a",
        input=shown,
        expected=_show(expected),
        got=_show(got),
    )
    expect(
        is_subsequence(got, b),
        "the result is not a subsequence of b",
        input=shown,
        expected=_show(expected),
        got=_show(got),
    )
    expect(
        len(got) == len(expected),
        f"the result has {len(got)} characters but a longest common subsequence has {len(expected)}",
        input=shown,
        expected=_show(expected),
        got=_show(got),
    )


@pytest.fixture(scope="session")
def lcs_checker():
    """The checker, as a session fixture so that @given tests can use it."""
    return check_lcs
