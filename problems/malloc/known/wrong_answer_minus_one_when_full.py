# expect: wrong_answer
# why: C habit: returns -1 instead of None when no free run is large enough
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
                return -1
        self.blocks[pos] = n
        return pos

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("bad address")
        del self.blocks[address]
