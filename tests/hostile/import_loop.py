while True:
    pass


def sort(items):
    return items
