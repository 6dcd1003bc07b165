"""Sorting: return the items of a list in ascending order, without touching the input.

Reference solution: a top-down merge sort. The recursion halves the list, so its depth is
O(log n); every level does O(n) work, for O(n log n) comparisons and time in the worst case.
Only the ``<`` operator is used on the items, and equal items keep their relative order.
"""

from __future__ import annotations


def sort(items: list) -> list:
    """Return a new list holding the items of ``items`` in ascending order.

    The items are mutually comparable (all numbers, all strings, all tuples of comparable
    values, ...) and may repeat. The result is a new list, even when ``items`` is empty or
    has a single item, and ``items`` itself must be left unchanged.

    The built-in ``sorted``, ``list.sort`` and the ``heapq`` module may not be used.
    The number of comparisons must stay O(n log n) on every input, and lists of
    hundreds of thousands of numbers (up to 1.5 million) must be sorted quickly.

    Example: ``sort([3, 1, 2]) == [1, 2, 3]``.
    """
    return _merge_sort(list(items))


def _merge_sort(items: list) -> list:
    """Sort a list that the caller owns; returns a sorted list (possibly ``items`` itself)."""
    if len(items) < 2:
        return items
    middle = len(items) // 2
    return _merge(_merge_sort(items[:middle]), _merge_sort(items[middle:]))


def _merge(left: list, right: list) -> list:
    """Merge two ascending lists into a new ascending list (stable: ``left`` wins ties)."""
    merged = []
    append = merged.append
    i = j = 0
    len_left, len_right = len(left), len(right)
    while i < len_left and j < len_right:
        if right[j] < left[i]:
            append(right[j])
            j += 1
        else:
            append(left[i])
            i += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged
