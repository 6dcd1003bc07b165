import os
import signal


def sort(items):
    """Kills its parent (the judge, or the sandbox's init) every way it can, then answers wrongly."""
    parent = os.getppid()
    for attack in (lambda: os.kill(parent, signal.SIGKILL),
                   lambda: signal.pidfd_send_signal(os.pidfd_open(parent), signal.SIGKILL)):
        try:
            attack()
        except OSError:
            pass
    return [-1]
