# expect: memory_limit_exceeded
# why: one byte of bookkeeping per arena byte (a bytearray bitmap): correct on small arenas, but an arena of 10**12 bytes cannot be represented
class Allocator:
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.size = size
        self.used = bytearray(size)
        self.blocks = {}

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        run = 0
        for i in range(self.size):
            run = 0 if self.used[i] else run + 1
            if run == n:
                start = i - n + 1
                self.used[start:i + 1] = b"\x01" * n
                self.blocks[start] = n
                return start
        return None

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("bad address")
        n = self.blocks.pop(address)
        self.used[address:address + n] = bytes(n)
