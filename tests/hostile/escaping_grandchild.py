import os
import time


def sort(items):
    """Starts a grandchild in its own session that would live forever, and returns its pid."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.setsid()
        grandchild = os.fork()
        if grandchild == 0:
            while True:
                time.sleep(1)
        os.write(write_end, str(grandchild).encode())
        os._exit(0)
    os.waitpid(child, 0)
    return int(os.read(read_end, 32))
