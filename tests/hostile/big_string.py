# A 50 MB string instead of a list.
def sort(items):
    return "x" * 50_000_000
