def sort(items):
    while True:
        pass
