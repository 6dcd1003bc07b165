def sort(items):
    return [10**100000]
