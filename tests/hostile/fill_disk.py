import errno
import os

CHUNK = b"\0" * (1 << 20)
BOUND_MB = 256  # enough to show what a limit does; never more, even where nothing stops it


def sort(items):
    """Fills the disk: file after file (each up to the per-file limit) in the working directory, $TMPDIR, /tmp
    and /dev/shm, until the disk is full or the bound is reached; says how far it got."""
    written = 0
    for place, directory in enumerate((".", os.environ.get("TMPDIR", "/tmp"), "/tmp", "/dev/shm")):
        for index in range(BOUND_MB):
            try:
                with open(os.path.join(directory, f"judge-hostile-fill-{place}-{index}"), "wb") as fh:
                    while written < BOUND_MB:
                        fh.write(CHUNK)
                        written += 1
            except OSError as exc:
                if exc.errno == errno.EFBIG:
                    continue  # the per-file limit: start the next file
                break  # full, or not writable: the next directory
            if written >= BOUND_MB:
                raise OSError(f"wrote {written} MiB: the bound of this attack, nothing stopped it")
    raise OSError(f"wrote {written} MiB before the disk was full")
