# expect: wrong_answer
# why: greedy: takes each character of a as soon as it can be matched further on in b; always a common
#      subsequence, but not a longest one ("xabc" vs "abcx" gives "x")

def longest_common_subsequence(a: str, b: str) -> str:
    result = []
    pos = 0
    for ch in a:
        k = b.find(ch, pos)
        if k != -1:
            result.append(ch)
            pos = k + 1
    return "".join(result)
