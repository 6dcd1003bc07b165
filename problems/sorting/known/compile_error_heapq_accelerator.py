# expect: compile_error
# why: imports heapq's C accelerator under its own name; _heapq is a variant of the forbidden module
# (at run time the worker refuses the import as well).
import _heapq


def sort(items: list) -> list:
    heap = list(items)
    _heapq.heapify(heap)
    return [_heapq.heappop(heap) for _ in range(len(heap))]
