import sys

sys.setrecursionlimit(10**8)


def _down(n):
    return _down(n + 1) + 1


def sort(items):
    """Unbounded recursion after lifting the recursion limit: must end as a stack overflow, not a time limit."""
    return [_down(0)]
