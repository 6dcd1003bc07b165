def sort(items):
    print("looking at", items)
    return list(items)
