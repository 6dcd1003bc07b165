# expect: compile_error
# why: builds the result with the forbidden module heapq (heappush / heappop).
from heapq import heappop, heappush


def sort(items: list) -> list:
    heap = []
    for item in items:
        heappush(heap, item)
    return [heappop(heap) for _ in range(len(heap))]
