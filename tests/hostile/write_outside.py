import os

TARGETS = [
    "/tmp/judge-hostile-outside",
    "/tmp/../etc/judge-hostile-outside",
    "/var/tmp/judge-hostile-outside",
    "/dev/shm/judge-hostile-outside",
    os.path.expanduser("~/judge-hostile-outside"),
    "/root/judge-hostile-outside",
    f"/proc/{os.getppid()}/cwd/judge-hostile-outside",  # the judge's working directory: the repository
]


def sort(items):
    """Writes a marker to every path it is given (or a fixed list); returns the ones that worked."""
    paths = [p for p in items if isinstance(p, str)] or TARGETS
    written = []
    for path in paths:
        try:
            with open(path, "x") as fh:  # creates, never overwrites
                fh.write("pwned\n")
            written.append(path)
        except OSError:
            pass
    if not any(isinstance(p, str) for p in items):
        raise PermissionError(f"wrote {written}")  # never a correct answer either way
    return written
