# expect: wrong_answer
# why: computes the LCS length correctly but returns it as a string instead of the subsequence itself

def longest_common_subsequence(a: str, b: str) -> str:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return str(prev[-1])
