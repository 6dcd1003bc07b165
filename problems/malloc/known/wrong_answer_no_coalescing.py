# expect: wrong_answer
# why: freed blocks go back on the free list as separate pieces and are never merged with their free neighbours, so two adjacent freed blocks cannot serve one larger request
class Allocator:
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size")
        self.free_list = [(0, size)] if size > 0 else []   # (start, length)
        self.used = {}

    def malloc(self, n):
        if n <= 0:
            raise ValueError("n must be positive")
        for i, (start, length) in enumerate(self.free_list):
            if length >= n:
                if length == n:
                    self.free_list.pop(i)
                else:
                    self.free_list[i] = (start + n, length - n)
                self.used[start] = n
                return start
        return None

    def free(self, address):
        if address not in self.used:
            raise ValueError("bad address")
        self.free_list.append((address, self.used.pop(address)))
        self.free_list.sort()
