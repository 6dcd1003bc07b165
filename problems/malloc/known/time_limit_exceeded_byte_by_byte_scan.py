# expect: time_limit_exceeded
# why: malloc tries every candidate address one byte at a time (checking it against the blocks), so its cost grows with the number of bytes in the arena, not with the number of blocks
class Allocator:
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.size = size
        self.blocks = {}

    def _overlaps(self, start, n):
        for s, length in self.blocks.items():
            if s < start + n and start < s + length:
                return True
        return False

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        address = 0
        while address + n <= self.size:
            if not self._overlaps(address, n):
                self.blocks[address] = n
                return address
            address += 1
        return None

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("bad address")
        del self.blocks[address]
