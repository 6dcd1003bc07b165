# expect: accepted
# why: keeps only the allocated blocks (sorted starts); malloc looks for the first gap between neighbours
from bisect import insort, bisect_left


class Allocator:
    def __init__(self, size: int):
        if size < 0:
            raise ValueError(f"size {size} < 0")
        self.size = size
        self.starts = []
        self.length = {}

    def malloc(self, n: int):
        if n < 1:
            raise ValueError(f"cannot allocate {n} bytes")
        cursor = 0
        for s in self.starts:
            if s - cursor >= n:
                break
            cursor = s + self.length[s]
        else:
            if self.size - cursor < n:
                return None
        insort(self.starts, cursor)
        self.length[cursor] = n
        return cursor

    def free(self, address: int) -> None:
        try:
            del self.length[address]
        except KeyError:
            raise ValueError(f"{address} was not returned by malloc") from None
        del self.starts[bisect_left(self.starts, address)]
