# expect: runtime_error
# why: textbook merge with float("inf") sentinels at the end of both halves: fine for numbers,
#      but comparing a string or a tuple with the float sentinel raises TypeError.


def sort(items: list) -> list:
    a = list(items)
    _merge_sort(a, 0, len(a))
    return a


def _merge_sort(a: list, lo: int, hi: int) -> None:
    if hi - lo < 2:
        return
    mid = (lo + hi) // 2
    _merge_sort(a, lo, mid)
    _merge_sort(a, mid, hi)
    left = a[lo:mid] + [float("inf")]
    right = a[mid:hi] + [float("inf")]
    i = j = 0
    for k in range(lo, hi):
        if left[i] <= right[j]:
            a[k] = left[i]
            i += 1
        else:
            a[k] = right[j]
            j += 1
