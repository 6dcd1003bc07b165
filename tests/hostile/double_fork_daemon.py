import os
import time

MARKER = "/tmp/judge-hostile-daemon-alive"


def _daemon():
    while True:
        try:
            with open(MARKER, "a") as fh:
                fh.write(f"{os.getpid()}\n")
        except OSError:
            pass
        time.sleep(0.2)


def sort(items):
    """The classic daemon: fork, setsid, fork again, the parent returns at once."""
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            _daemon()
        os._exit(0)
    return list(reversed(items)) + [0]
