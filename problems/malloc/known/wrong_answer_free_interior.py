# expect: wrong_answer
# why: free accepts any address inside a live block and frees that block, instead of raising ValueError for an address that is not a block's start
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
        for start, length in self.blocks.items():
            if start <= address < start + length:
                del self.blocks[start]
                return
        raise ValueError("bad address")
