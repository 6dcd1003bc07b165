# expect: accepted
# why: a valid but unusual policy: a random offset inside the first long-enough free run found from a random run on (answers differ from run to run)
import random
from bisect import bisect_left


class Allocator:
    def __init__(self, size: int) -> None:
        if size < 0:
            raise ValueError("size must be non-negative")
        self.runs: list[tuple[int, int]] = [(0, size)] if size else []   # free (start, end), sorted, merged
        self.used: dict[int, int] = {}

    def malloc(self, n: int) -> int | None:
        if n <= 0:
            raise ValueError("n must be positive")
        count = len(self.runs)
        first = random.randrange(count) if count else 0
        for k in range(count):   # the first run long enough, going round from a random run
            i = (first + k) % count
            s, e = self.runs[i]
            if e - s >= n:
                break
        else:
            return None
        address = random.randint(s, e - n)
        pieces = [(a, b) for a, b in ((s, address), (address + n, e)) if b > a]
        self.runs[i:i + 1] = pieces
        self.used[address] = n
        return address

    def free(self, address: int) -> None:
        n = self.used.pop(address, None)
        if n is None:
            raise ValueError(f"{address} is not the start of an allocated block")
        start, end = address, address + n
        i = bisect_left(self.runs, (start, end))
        if i < len(self.runs) and self.runs[i][0] == end:
            end = self.runs.pop(i)[1]
        if i > 0 and self.runs[i - 1][1] == start:
            start = self.runs.pop(i - 1)[0]
            i -= 1
        self.runs.insert(i, (start, end))
