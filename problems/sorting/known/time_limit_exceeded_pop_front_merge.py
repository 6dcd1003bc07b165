# expect: time_limit_exceeded
# why: merge sort whose merge consumes the halves with list.pop(0), an O(n) shift each time:
#      O(n log n) comparisons but O(n^2) element moves on large inputs.


def sort(items: list) -> list:
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    left = sort(items[:middle])
    right = sort(items[middle:])
    merged = []
    while left and right:
        if right[0] < left[0]:
            merged.append(right.pop(0))
        else:
            merged.append(left.pop(0))
    return merged + left + right
