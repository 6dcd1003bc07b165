import sys


def sort(items):
    while True:
        sys.stderr.write("spam " * 2000 + "\n")
