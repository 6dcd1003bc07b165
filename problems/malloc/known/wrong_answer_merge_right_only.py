# expect: wrong_answer
# why: on free the block is merged with the free run that follows it but never with the one that precedes it, so runs freed left to right stay split
class Allocator:
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.free_runs = {0: size} if size else {}   # start -> length
        self.blocks = {}

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        for start in sorted(self.free_runs):
            length = self.free_runs[start]
            if length >= n:
                del self.free_runs[start]
                if length > n:
                    self.free_runs[start + n] = length - n
                self.blocks[start] = n
                return start
        return None

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("bad address")
        length = self.blocks.pop(address)
        following = address + length
        if following in self.free_runs:
            length += self.free_runs.pop(following)
        self.free_runs[address] = length
