import sys

sys.setrecursionlimit(10**6)


def _down(n):
    return _down(n + 1) + 1


def sort(items):
    """Overflows the C stack (repr of a list nested a million deep recurses in C), then the Python one."""
    nested = []
    for _ in range(10**6):
        nested = [nested]
    repr(nested)
    return [_down(0)]
