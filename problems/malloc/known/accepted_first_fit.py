# expect: accepted
# why: first fit over an address-ordered list of free [start, end) runs, merged with both neighbours on free
import bisect


class Allocator:
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.size = size
        self.holes = [[0, size]] if size else []   # [start, end), sorted by start, never adjacent
        self.blocks = {}

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        for i, (start, end) in enumerate(self.holes):
            if end - start >= n:
                if end - start == n:
                    del self.holes[i]
                else:
                    self.holes[i][0] = start + n
                self.blocks[start] = n
                return start
        return None

    def free(self, address):
        if address not in self.blocks:
            raise ValueError("not an allocated block")
        start = address
        end = start + self.blocks.pop(address)
        i = bisect.bisect_left(self.holes, [start, start])
        merge_left = i > 0 and self.holes[i - 1][1] == start
        merge_right = i < len(self.holes) and self.holes[i][0] == end
        if merge_left and merge_right:
            self.holes[i - 1][1] = self.holes[i][1]
            del self.holes[i]
        elif merge_left:
            self.holes[i - 1][1] = end
        elif merge_right:
            self.holes[i][0] = start
        else:
            self.holes.insert(i, [start, end])
