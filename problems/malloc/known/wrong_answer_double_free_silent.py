# expect: wrong_answer
# why: free ignores addresses it does not know (double free, garbage) instead of raising ValueError
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
            if start - pos >= n:
                break
            pos = start + self.blocks[start]
        else:
            if self.size - pos < n:
                return None
        self.blocks[pos] = n
        return pos

    def free(self, address):
        self.blocks.pop(address, None)
