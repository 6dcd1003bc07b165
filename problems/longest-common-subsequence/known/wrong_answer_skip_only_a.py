# expect: wrong_answer
# why: when the first characters differ it only ever drops the first character of a (never the one of b),
#      so b's characters are used only when they line up with a's first matching character

def longest_common_subsequence(a: str, b: str) -> str:
    result = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            result.append(a[i])
            i += 1
            j += 1
        else:
            i += 1
    return "".join(result)
