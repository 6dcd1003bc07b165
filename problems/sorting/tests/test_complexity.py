"""Comparisons counted through instrumented items: at most 4·N·log2(N) on five input patterns.

Every rich comparison on the items counts, including those made inside builtins (min, max, bisect).
The budget passed to the worker is slightly above the limit, so that a quadratic sort is stopped
early (that ends the call with time_limit_exceeded).
"""

from __future__ import annotations

import math

import pytest

from judge.testing import ComplexityExceeded, CountingItems, too_slow

SIZES = [1000, 4000, 16000]
PATTERNS = ["sorted", "reversed", "all-equal", "organ-pipe", "random"]


def make_pattern(pattern: str, n: int, rng) -> list[int]:
    if pattern == "sorted":
        return list(range(n))
    if pattern == "reversed":
        return list(range(n, 0, -1))
    if pattern == "all-equal":
        return [42] * n
    if pattern == "organ-pipe":  # 0, 1, ..., n/2, ..., 1, 0
        return list(range(n // 2)) + list(range(n - n // 2 - 1, -1, -1))
    if pattern == "random":
        return [rng.randrange(-n, n) for _ in range(n)]
    raise ValueError(pattern)


def comparison_limit(n: int) -> int:
    return math.floor(4 * n * math.log2(n))


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("pattern", PATTERNS)
def test_comparison_count(submission, reference, check, rng, pattern, n):
    values = make_pattern(pattern, n, rng)
    limit = comparison_limit(n)
    budget = limit + limit // 100 + 10  # slightly above the limit: quadratic sorts stop early
    what = f"{pattern} list of {n} items"
    try:
        res = submission.call("sort", args=(CountingItems(values, budget=budget),), report_args=True)
    except ComplexityExceeded:  # the worker stopped the call once the budget was used up
        too_slow(f"more than {budget} comparisons on a {what}; the limit is 4·N·log2(N) = {limit}", input=what)
    comparisons = res.stats.get("comparisons")
    if comparisons is None or res.stats.get("budget_exceeded"):
        too_slow(f"more than {budget} comparisons on a {what}; the limit is 4·N·log2(N) = {limit}", input=what)
    if comparisons > limit:
        too_slow(f"{comparisons} comparisons on a {what}; the limit is 4·N·log2(N) = {limit}", input=what)
    check.result(res.value, values, reference.sort(values))
    check.input_unchanged(res.args_after[0], values)
