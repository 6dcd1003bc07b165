# expect: wrong_answer
# why: the bookkeeping lives in mutable class attributes, so every Allocator instance shares one set of blocks (a second allocator sees the first one's blocks)
from bisect import bisect_left, insort


class Allocator:
    starts = []
    lengths = {}

    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.size = size

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        position = 0
        for start in self.starts:
            if start - position >= n:
                break
            position = max(position, start + self.lengths[start])
        else:
            if self.size - position < n:
                return None
        insort(self.starts, position)
        self.lengths[position] = n
        return position

    def free(self, address):
        if address not in self.lengths:
            raise ValueError("bad address")
        del self.lengths[address]
        del self.starts[bisect_left(self.starts, address)]
