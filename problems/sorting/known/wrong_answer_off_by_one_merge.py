# expect: wrong_answer
# why: bottom-up merge sort that only merges complete pairs of runs: when a pass ends with an unpaired
#      run (any length that is not a power of two), that run is never copied and its items are lost.


def sort(items: list) -> list:
    run = list(items)
    n = len(run)
    width = 1
    while width < n:
        merged = []
        for lo in range(0, n - width, 2 * width):
            left = run[lo:lo + width]
            right = run[lo + width:lo + 2 * width]
            i = j = 0
            while i < len(left) and j < len(right):
                if right[j] < left[i]:
                    merged.append(right[j])
                    j += 1
                else:
                    merged.append(left[i])
                    i += 1
            merged.extend(left[i:])
            merged.extend(right[j:])
        run = merged
        n = len(run)
        width *= 2
    return run
