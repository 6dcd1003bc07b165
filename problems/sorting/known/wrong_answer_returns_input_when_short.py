# expect: wrong_answer
# why: returns the argument itself for [] and [x] (`result is items`), breaking "always a new list"


def sort(items):
    if len(items) < 2:
        return items
    mid = len(items) // 2
    left, right = sort(items[:mid]), sort(items[mid:])
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            merged.append(right[j])
            j += 1
        else:
            merged.append(left[i])
            i += 1
    return merged + left[i:] + right[j:]
