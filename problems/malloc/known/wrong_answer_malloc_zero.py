# expect: wrong_answer
# why: only negative sizes are rejected; malloc(0) is accepted and hands out a zero-byte block
class Allocator:
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.size = size
        self.blocks = {}

    def malloc(self, n):
        if n < 0:
            raise ValueError("n must not be negative")
        pos = 0
        for start in sorted(self.blocks):
            if start - pos >= n and pos not in self.blocks:
                break
            pos = start + self.blocks[start]
        else:
            if self.size - pos < n or (n == 0 and pos >= self.size):
                return None
        self.blocks[pos] = n
        return pos

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("bad address")
        del self.blocks[address]
