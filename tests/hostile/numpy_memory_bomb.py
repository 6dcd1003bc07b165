"""Asks NumPy for far more memory than the limit. `sorting` does not preload numpy: where the worker cannot
read it the import fails (runtime_error); where it can, the allocation fails (memory_limit_exceeded)."""


def sort(items):
    import numpy

    hoard = []
    while True:
        hoard.append(numpy.ones(64 * 1024 * 1024))
