# expect: wrong_answer
# why: a counting-sort fast path for small ints that assumes they are non-negative (range(max + 1)):
#      negative numbers are silently dropped; other inputs go through a correct merge sort.


def _merge_sort(items: list) -> list:
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    left, right = _merge_sort(items[:middle]), _merge_sort(items[middle:])
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            merged.append(right[j])
            j += 1
        else:
            merged.append(left[i])
            i += 1
    return merged + left[i:] + right[j:]


def sort(items: list) -> list:
    if items and all(type(x) is int for x in items):
        largest = max(items)
        if largest <= 4 * len(items) + 1000:
            counts = {}
            for x in items:
                counts[x] = counts.get(x, 0) + 1
            result = []
            for value in range(largest + 1):
                result.extend([value] * counts.get(value, 0))
            return result
    return _merge_sort(items)
