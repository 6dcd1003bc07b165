# 100,000 distinct ints too large for str() (about 180 MB encoded, under the frame cap): they reach the
# judge, which must show a few of them and say how many there were.
def sort(items):
    big = 10 ** 4400
    return [big + i for i in range(100_000)] + items
