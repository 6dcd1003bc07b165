# expect: compile_error
# why: loads heapq's accelerator through importlib with a computed name; importlib is refused statically,
# and at run time the worker's import finder refuses '_heapq' whatever the route.
import importlib


def sort(items: list) -> list:
    heap_module = importlib.import_module("_heap" + "q")
    heap = list(items)
    heap_module.heapify(heap)
    return [heap_module.heappop(heap) for _ in range(len(heap))]
