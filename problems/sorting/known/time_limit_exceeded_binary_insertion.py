# expect: time_limit_exceeded
# why: binary insertion sort with bisect + list.insert: only O(n log n) comparisons, but every insert
#      shifts the tail of the list, O(n^2) element moves: too slow on large inputs.
import bisect


def sort(items: list) -> list:
    result = []
    for item in items:
        result.insert(bisect.bisect_right(result, item), item)
    return result
