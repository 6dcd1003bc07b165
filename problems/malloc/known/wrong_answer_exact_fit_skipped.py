# expect: wrong_answer
# why: a free run is only used when it is strictly longer than the request (> instead of >=), so a run of exactly n bytes is never handed out and malloc returns None although it fits
import bisect


class Allocator:
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.runs = [(0, size)] if size else []   # (start, end) free, sorted, merged
        self.blocks = {}

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        for i, (start, end) in enumerate(self.runs):
            if end - start > n:
                self.runs[i] = (start + n, end)
                self.blocks[start] = n
                return start
        return None

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("bad address")
        start, end = address, address + self.blocks.pop(address)
        i = bisect.bisect_left(self.runs, (start, end))
        if i < len(self.runs) and self.runs[i][0] == end:
            end = self.runs.pop(i)[1]
        if i > 0 and self.runs[i - 1][1] == start:
            start = self.runs.pop(i - 1)[0]
            i -= 1
        self.runs.insert(i, (start, end))
