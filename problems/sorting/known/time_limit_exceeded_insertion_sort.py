# expect: time_limit_exceeded
# why: plain insertion sort: O(n^2) comparisons on reversed input.


def sort(items: list) -> list:
    result = list(items)
    for i in range(1, len(result)):
        current = result[i]
        j = i - 1
        while j >= 0 and current < result[j]:
            result[j + 1] = result[j]
            j -= 1
        result[j + 1] = current
    return result
