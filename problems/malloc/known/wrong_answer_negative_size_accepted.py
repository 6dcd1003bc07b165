# expect: wrong_answer
# why: no validation of the arena size: Allocator(-5) is accepted (and behaves as an empty arena) instead of raising ValueError
class Allocator:
    def __init__(self, size):
        self.size = max(size, 0)
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
