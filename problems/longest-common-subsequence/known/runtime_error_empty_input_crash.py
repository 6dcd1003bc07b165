# expect: runtime_error
# why: seeds the first row and column of the table from a[0] and b[0]: IndexError when a string is empty

def longest_common_subsequence(a: str, b: str) -> str:
    m, n = len(a), len(b)
    dp = [[0] * n for _ in range(m)]
    dp[0][0] = 1 if a[0] == b[0] else 0
    for i in range(1, m):
        dp[i][0] = 1 if a[i] == b[0] else dp[i - 1][0]
    for j in range(1, n):
        dp[0][j] = 1 if a[0] == b[j] else dp[0][j - 1]
    for i in range(1, m):
        for j in range(1, n):
            if a[i] == b[j]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    out = []
    i, j = m - 1, n - 1
    while i >= 0 and j >= 0:
        if a[i] == b[j]:
            out.append(a[i])
            i -= 1
            j -= 1
        elif i > 0 and (j == 0 or dp[i - 1][j] >= dp[i][j - 1]):
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))
