# expect: runtime_error
# why: indexes a per-character table of 65,536 entries by ord(c) ("a char is 16 bits"): astral characters
#      such as emoji raise IndexError

def longest_common_subsequence(a: str, b: str) -> str:
    # positions[c] = indices in b where character c occurs, for a quick match test
    positions = [None] * 65536
    for j, ch in enumerate(b):
        code = ord(ch)
        if positions[code] is None:
            positions[code] = []
        positions[code].append(j)
    prev = [0] * (len(b) + 1)
    rows = [prev]
    for ca in a:
        matches = positions[ord(ca)] or ()
        cur = prev[:]
        for j in matches:
            cur[j + 1] = prev[j] + 1
        for j in range(1, len(b) + 1):
            if cur[j - 1] > cur[j]:
                cur[j] = cur[j - 1]
        rows.append(cur)
        prev = cur
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i -= 1
            j -= 1
        elif rows[i - 1][j] >= rows[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))
