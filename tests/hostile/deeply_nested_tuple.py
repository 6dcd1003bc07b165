# A tuple nested 100,000 deep (the codec packs tuples through a Python-level hook, so the worker meets its
# own recursion limit while encoding).
def sort(items):
    nested = ()
    for _ in range(100_000):
        nested = (nested,)
    return [nested]
