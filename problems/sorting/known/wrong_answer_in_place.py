# expect: wrong_answer
# why: sorts the input list in place (merge sort written back into items) and returns it: the answer
#      is right, but the caller's list is modified and no new list is made.


def sort(items: list) -> list:
    if len(items) > 1:
        middle = len(items) // 2
        left, right = items[:middle], items[middle:]
        sort(left)
        sort(right)
        i = j = k = 0
        while i < len(left) and j < len(right):
            if right[j] < left[i]:
                items[k] = right[j]
                j += 1
            else:
                items[k] = left[i]
                i += 1
            k += 1
        for rest in (left[i:], right[j:]):
            for item in rest:
                items[k] = item
                k += 1
    return items
