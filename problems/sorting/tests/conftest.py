"""Shared checks for the sorting hidden tests.

A result is correct when it is a list, a permutation of the input (same values of the same types,
``-0.0`` kept apart from ``0.0``) and ascending. Items that compare equal may come in any relative
order, so the reference's output is shown as the expected answer but never required item by item.
The input must come back unchanged: every call asks the worker for the argument as it was after
the call (identity cannot be observed across the sandbox boundary, values can).
"""

from __future__ import annotations

from collections import Counter

import pytest

from judge.testing import Check, expect, shown

ENTRY = "sort"


def tag(value: object) -> object:
    """A hashable key that tells apart values ``==`` would mix up (1, 1.0, True; 0.0 and -0.0).

    Inputs hold hashable items only, so an unhashable item of a result (a list) is in no input: its key is
    its identity, which matches nothing else.
    """
    if isinstance(value, tuple):
        return ("tuple", tuple(tag(v) for v in value))
    if isinstance(value, float):
        return ("float", repr(value))
    try:
        hash(value)
    except TypeError:
        return ("unhashable", id(value))
    return (type(value).__name__, value)


def _count(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def first_descent(result: list) -> int | None:
    """The first index i with result[i+1] < result[i], or None when ascending."""
    for i in range(len(result) - 1):
        if result[i + 1] < result[i]:
            return i
    return None


def _plain_kind(items: list) -> bool:
    """True when ``==`` item by item is exact for these items: one type among int and str, or floats
    without zeros (0.0 == -0.0). Then equality with the oracle's list proves the result correct, which
    keeps the checks of large inputs fast."""
    kinds = set(map(type, items))
    if len(kinds) > 1:
        return False
    if not kinds or kinds <= {int, str}:
        return True
    return kinds == {float} and 0.0 not in items


def _identical(a: list, b: list) -> bool:
    """The same values of the same types in the same order (when ``_plain_kind`` holds for ``b``)."""
    return a == b and list(map(type, a)) == list(map(type, b))


def check_result(got: object, items: list, expected: list) -> None:
    """Fail (wrong_answer) unless ``got`` is an ascending permutation of ``items``.

    ``expected`` is the oracle's answer (the reference's, or any exact sort of ``items``).
    """
    expect(
        type(got) is list,
        f"must return a list, got {type(got).__name__}",
        input=items,
        expected=expected,
        got=got,
    )
    assert isinstance(got, list)
    if _plain_kind(items) and _identical(got, expected):
        return
    expect(
        len(got) == len(items),
        f"the result has {_count(len(got))} but the input has {_count(len(items))}",
        input=items,
        expected=expected,
        got=got,
    )
    got_tags, input_tags = Counter(map(tag, got)), Counter(map(tag, items))
    if got_tags != input_tags:
        value_of = {tag(v): v for v in list(items) + list(got)}
        detail = []
        missing, extra = input_tags - got_tags, got_tags - input_tags
        if missing:
            detail.append(f"missing {shown([value_of[t] for t in list(missing)[:5]], 300)}")
        if extra:
            detail.append(f"not in the input (or too many) {shown([value_of[t] for t in list(extra)[:5]], 300)}")
        expect(
            False,
            "the result is not a permutation of the input: " + "; ".join(detail),
            input=items,
            expected=expected,
            got=got,
        )
    descent = first_descent(got)
    if descent is not None:
        expect(
            False,
            f"the result is not ascending: item {descent} ({shown(got[descent], 200)}) is greater than "
            f"item {descent + 1} ({shown(got[descent + 1], 200)})",
            input=items,
            expected=expected,
            got=got,
        )
    # Implied by the checks above; kept as the plain comparison with the oracle.
    expect(
        got == expected,
        "the result differs from the sorted input",
        input=items,
        expected=expected,
        got=got,
    )


def check_unchanged(after: object, items: list) -> None:
    """Fail (wrong_answer) unless the argument, as it was after the call, still equals ``items``."""
    if type(after) is list and _plain_kind(items) and _identical(after, items):
        return
    same = (
        type(after) is list
        and len(after) == len(items)
        and all(tag(a) == tag(b) for a, b in zip(after, items, strict=True))
    )
    expect(
        same,
        "the input list was modified: sort must return a new list and leave items unchanged "
        "(expected: items as passed, got: items after the call)",
        input=items,
        expected=items,
        got=after,
    )


def run_sort(submission, reference, items: list, timeout: float | None = None) -> list:
    """Call the submission on ``items``; check the result and that ``items`` is untouched."""
    original = list(items)
    expected = reference.sort(original)
    res = submission.call(ENTRY, args=(original,), report_args=True, timeout=timeout)
    check_result(res.value, items, expected)
    check_unchanged(res.args_after[0], items)
    expect(
        not res.returned_argument,
        "sort returned the list it was given: the result must be a new list, even for [] and [x]",
        input=items,
    )
    return res.value


class SortCheck(Check):
    """``check(items)``: the full check of one call; ``check.result`` and ``check.input_unchanged`` for tests
    that call the submission themselves."""

    entry = ENTRY
    result = staticmethod(check_result)
    input_unchanged = staticmethod(check_unchanged)

    def sort(self, items: list) -> list:
        return run_sort(self.submission, self.reference, items)

    __call__ = sort


@pytest.fixture
def check(submission, reference) -> SortCheck:
    return SortCheck(submission, reference)
