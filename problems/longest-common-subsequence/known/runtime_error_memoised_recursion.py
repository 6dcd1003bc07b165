# expect: runtime_error
# why: top-down memoised recursion, one frame per character: correct and O(mn), but 2,000-character inputs
#      exceed the default recursion limit (RecursionError)
from functools import lru_cache


def longest_common_subsequence(a: str, b: str) -> str:
    @lru_cache(maxsize=None)
    def length(i: int, j: int) -> int:
        if i == len(a) or j == len(b):
            return 0
        if a[i] == b[j]:
            return 1 + length(i + 1, j + 1)
        return max(length(i + 1, j), length(i, j + 1))

    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif length(i + 1, j) >= length(i, j + 1):
            i += 1
        else:
            j += 1
    return "".join(out)
