# expect: accepted
# why: keeps two rows of the table holding the subsequences themselves (no walk back); only two rows are alive,
#      so the memory stays small

def longest_common_subsequence(a, b):
    previous = [""] * (len(b) + 1)
    for char in a:
        current = [""]
        for j, other in enumerate(b):
            if char == other:
                current.append(previous[j] + char)
            else:
                up, left = previous[j + 1], current[j]
                current.append(up if len(up) >= len(left) else left)
        previous = current
    return previous[-1]
