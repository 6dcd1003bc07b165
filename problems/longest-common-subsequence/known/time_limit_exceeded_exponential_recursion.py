# expect: time_limit_exceeded
# why: plain recursion without memoisation: exponential time (fine on tiny inputs, hopeless on 2,000 chars)

def longest_common_subsequence(a: str, b: str) -> str:
    if not a or not b:
        return ""
    if a[-1] == b[-1]:
        return longest_common_subsequence(a[:-1], b[:-1]) + a[-1]
    left = longest_common_subsequence(a[:-1], b)
    right = longest_common_subsequence(a, b[:-1])
    return left if len(left) >= len(right) else right
