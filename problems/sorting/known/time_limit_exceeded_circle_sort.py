# expect: time_limit_exceeded
# why: circle sort: each pass costs n/2 log2 n comparisons and random input needs many passes,
#      O(n log^2 n) in practice, above 4 N log2 N on random and organ-pipe input.


def sort(items: list) -> list:
    a = list(items)
    if len(a) < 2:
        return a

    def circle(lo: int, hi: int) -> bool:
        if lo == hi:
            return False
        swapped = False
        left, right = lo, hi
        while left < right:
            if a[right] < a[left]:
                a[left], a[right] = a[right], a[left]
                swapped = True
            left += 1
            right -= 1
        if left == right and a[right + 1] < a[left]:
            a[left], a[right + 1] = a[right + 1], a[left]
            swapped = True
        mid = (hi - lo) // 2
        first = circle(lo, lo + mid)
        second = circle(lo + mid + 1, hi)
        return swapped or first or second

    while circle(0, len(a) - 1):
        pass
    return a
