import os


def sort(items):
    """Returns what it could see: tries files, network, processes and the environment."""
    target = items[0]
    if target == "env":
        return dict(os.environ)
    if target == "uid":
        return [os.getuid(), os.getgid()]
    if target == "socket":
        import socket
        socket.create_connection(("127.0.0.1", 9))
    if target == "fork":
        return os.fork()
    with open(target, "rb") as fh:
        return fh.read(100)
