def sort(items):
    nested = []
    for _ in range(100_000):
        nested = [nested]
    return nested
