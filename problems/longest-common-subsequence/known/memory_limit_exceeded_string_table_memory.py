# expect: memory_limit_exceeded
# why: stores the whole LCS string in every cell of a full (m+1) x (n+1) table: O(mn * L) memory
#      (gigabytes at 2,000 characters)

def longest_common_subsequence(a: str, b: str) -> str:
    m, n = len(a), len(b)
    table = [[""] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1] + a[i - 1]
            else:
                up, left = table[i - 1][j], table[i][j - 1]
                table[i][j] = up if len(up) >= len(left) else left
    return table[m][n]
