# expect: compile_error
# why: a hand-written merge sort that merges the halves with the forbidden heapq.merge.
import heapq


def sort(items: list) -> list:
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    return list(heapq.merge(sort(items[:middle]), sort(items[middle:])))
