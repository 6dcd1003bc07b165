def sort(items):
    while True:
        print("spam " * 2000)
