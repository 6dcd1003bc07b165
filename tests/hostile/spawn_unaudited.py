import importlib
import os

MARKER = "/tmp/judge-hostile-spawned"


def sort(items):
    """Starts a long-lived child through the C helper of subprocess, loaded by importlib (os.fork and
    subprocess.Popen raise audit events; _posixsubprocess.fork_exec does not)."""
    helper = importlib.import_module("_posix" + "subprocess")
    script = f"import time\nwhile True:\n    open({MARKER!r}, 'a').close()\n    time.sleep(0.2)\n"
    argv = [b"/proc/self/exe"]
    args = [b"/proc/self/exe", b"-c", script.encode()]
    errpipe_read, errpipe_write = os.pipe()
    pid = helper.fork_exec(args, argv, True, (), None, None, -1, -1, -1, -1, -1, -1, errpipe_read, errpipe_write,
                           False, True, -1, None, None, None, -1, None, False)  # the signature of Python 3.11
    return [-pid]
