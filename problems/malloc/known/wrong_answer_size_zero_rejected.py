# expect: wrong_answer
# why: treats an empty arena as invalid: Allocator(0) raises ValueError instead of giving an allocator whose every malloc returns None
class Allocator:
    def __init__(self, size):
        if size <= 0:
            raise ValueError("size must be positive")
        self.size = size
        self.blocks = {}

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        pos = 0
        for start in sorted(self.blocks):
            if start - pos >= n:
                break
            pos = start + self.blocks[start]
        else:
            if self.size - pos < n:
                return None
        self.blocks[pos] = n
        return pos

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("bad address")
        del self.blocks[address]
