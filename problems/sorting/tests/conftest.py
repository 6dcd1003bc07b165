"""Shared checks for the sorting hidden tests.

A result is correct when it is a list, a permutation of the input (same values of the same types,
``-0.0`` kept apart from ``0.0``) and ascending. Items that compare equal may come in any relative
order, so the reference's output is shown as the expected answer but never required item by item.
The input must come back unchanged: every call asks the worker for the argument as it was after
the call (identity cannot be observed across the sandbox boundary, values can).
"""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

from judge.testing import expect

ENTRY = "sort"
_SHOWN_ITEMS = 40


def tag(value: object) -> object:
    """A hashable key that tells apart values ``==`` would mix up (1, 1.0, True; 0.0 and -0.0)."""
    if isinstance(value, tuple):
        return ("tuple", tuple(tag(v) for v in value))
    if isinstance(value, float):
        return ("float", repr(value))
    return (type(value).__name__, value)


def shown(items: list) -> object:
    """The input as the report shows it: the list itself when short, else a summary."""
    if len(items) <= _SHOWN_ITEMS:
        return items
    return f"list of {len(items)} items starting {items[:10]!r}"


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
    where = shown(items)
    expect(
        type(got) is list,
        f"must return a list, got {type(got).__name__}",
        input=where,
        expected=shown(expected),
        got=got if not isinstance(got, list) else shown(got),
    )
    assert isinstance(got, list)
    if _plain_kind(items) and _identical(got, expected):
        return
    expect(
        len(got) == len(items),
        f"the result has {_count(len(got))} but the input has {_count(len(items))}",
        input=where,
        expected=shown(expected),
        got=shown(got),
    )
    got_tags, input_tags = Counter(map(tag, got)), Counter(map(tag, items))
    if got_tags != input_tags:
        value_of = {tag(v): v for v in list(items) + list(got)}
        detail = []
        missing, extra = input_tags - got_tags, got_tags - input_tags
        if missing:
            detail.append(f"missing {[value_of[t] for t in list(missing)[:5]]!r}")
        if extra:
            detail.append(f"not in the input (or too many) {[value_of[t] for t in list(extra)[:5]]!r}")
        expect(
            False,
            "the result is not a permutation of the input: " + "; ".join(detail),
            input=where,
            expected=shown(expected),
            got=shown(got),
        )
    descent = first_descent(got)
    if descent is not None:
        expect(
            False,
            f"the result is not ascending: item {descent} ({got[descent]!r}) is greater than "
            f"item {descent + 1} ({got[descent + 1]!r})",
            input=where,
            expected=shown(expected),
            got=shown(got),
        )
    # Implied by the checks above; kept as the plain comparison with the oracle.
    expect(
        got == expected,
        "the result differs from the sorted input",
        input=where,
        expected=shown(expected),
        got=shown(got),
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
        input=shown(items),
        expected=shown(items),
        got=shown(after) if isinstance(after, list) else after,
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
        input=shown(items),
    )
    return res.value


@pytest.fixture(scope="session")
def check_sort():
    """``check_sort(submission, reference, items)``: the full check, usable from @given tests."""
    return run_sort


@pytest.fixture(scope="session")
def checks():
    """The individual checks, for tests that call the submission themselves."""
    return SimpleNamespace(result=check_result, unchanged=check_unchanged, shown=shown)
