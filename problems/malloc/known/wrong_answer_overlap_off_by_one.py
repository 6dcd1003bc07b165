# expect: wrong_answer
# why: the gap test is off by one (a gap of n - 1 bytes is taken for a fit), so a block can overlap its right neighbour or run one byte past the end of the arena
class Allocator:
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.size = size
        self.blocks = {}

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        pos = 0
        for start in sorted(self.blocks):
            if start - pos >= n - 1:
                break
            pos = start + self.blocks[start]
        else:
            if self.size - pos < n - 1:
                return None
        if pos >= self.size:
            return None
        self.blocks[pos] = n
        return pos

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("bad address")
        del self.blocks[address]
