import time


def sort(items):
    time.sleep(10**6)
