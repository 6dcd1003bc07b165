# expect: accepted
# why: Hirschberg's divide and conquer: linear memory, recursion depth only logarithmic

def _last_row(a, b):
    row = [0] * (len(b) + 1)
    for ca in a:
        diag = 0
        for j, cb in enumerate(b, 1):
            keep = row[j]
            if ca == cb:
                row[j] = diag + 1
            elif row[j - 1] > keep:
                row[j] = row[j - 1]
            diag = keep
    return row


def _solve(a, b):
    if not a or not b:
        return ""
    if len(a) == 1:
        return a if a in b else ""
    mid = len(a) // 2
    left = _last_row(a[:mid], b)
    right = _last_row(a[mid:][::-1], b[::-1])
    n = len(b)
    split = max(range(n + 1), key=lambda k: left[k] + right[n - k])
    return _solve(a[:mid], b[:split]) + _solve(a[mid:], b[split:])


def longest_common_subsequence(a: str, b: str) -> str:
    return _solve(a, b)
