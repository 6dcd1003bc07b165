"""The `bwrap` sandbox: bubblewrap namespaces around the same worker, chosen by `auto` when it works.

Every namespace unshared (user, pid, network, ipc, uts, mount, cgroup), a non-root uid inside, no
capabilities, a cleared environment, and a file system made of read-only binds of exactly what the worker
needs -- the interpreter with its standard library, and a site-packages view holding msgpack, numpy and the
judge's worker modules only (never problems, tests or references) -- plus a private size-limited /tmp as
the working directory, /proc and a minimal /dev. The worker applies the same rlimits and audit hook as
under `process`; the judge side applies the same wall-clock, output and frame limits.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys

from judge.sandbox.base import (
    BOOT,
    SITE,
    WORKER_MODULES,
    WorkerProcess,
    WorkerSpec,
    worker_config,
    worker_environment,
)
from judge.sandbox.fsview import covered, file_view, within

WORKDIR = "/tmp"
SANDBOX_UID = 65534
TMP_SIZE_BYTES = 64 << 20
SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/bin")  # the dynamic loader and libc the interpreter links against


def _interpreter() -> str:
    """The real interpreter binary (a venv's python is a link to its base installation)."""
    return os.path.realpath(sys.executable)


def build_argv(spec: WorkerSpec) -> tuple[list[str], dict]:
    """The bwrap command line and the worker configuration for one submission.

    The system directories and the interpreter's installation are bound read-only, then every private path
    inside them (site- and dist-packages, the judge's files: `fsview`) is covered by an empty tmpfs, then the
    worker's site view is bound at SITE: msgpack, the preloaded packages and the worker modules.
    """
    import judge

    view = file_view(spec.preload)
    base = os.path.realpath(sys.base_prefix)
    argv = [
        shutil.which("bwrap") or "bwrap", "--unshare-all", "--unshare-user",
        "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID),
        "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
        "--proc", "/proc", "--dev", "/dev",
        "--size", str(TMP_SIZE_BYTES), "--tmpfs", WORKDIR,
    ]
    trees = []
    for directory in SYSTEM_DIRS:
        if os.path.islink(directory):
            argv += ["--symlink", os.readlink(directory), directory]
        elif os.path.isdir(directory):
            argv += ["--ro-bind", directory, directory]
            trees.append(directory)
    argv += ["--ro-bind", base, base]
    trees.append(base)
    for path in view.stdlib:
        if not within(path, tuple(trees)):
            argv += ["--ro-bind", path, path]
            trees.append(path)
    for path in covered(view, tuple(trees)):
        argv += ["--size", "4096", "--perms", "0555", "--tmpfs", path]
    package = os.path.dirname(os.path.realpath(judge.__file__))
    for name in WORKER_MODULES:
        argv += ["--ro-bind", os.path.join(package, name), f"{SITE}/judge/{name}"]
    for host, name in view.packages:
        argv += ["--ro-bind", host, f"{SITE}/{name}"]
    target = f"{WORKDIR}/{spec.module}.py"
    argv += ["--ro-bind", os.path.realpath(spec.submission), target, "--chdir", WORKDIR]
    for key, value in worker_environment(WORKDIR).items():
        argv += ["--setenv", key, value]
    argv += [_interpreter(), "-I", "-S", "-B", "-c", BOOT]
    config = worker_config(spec, boot_paths=[SITE], readable_roots=[*view.stdlib, SITE], workdir=WORKDIR,
                           submission=target, denied_roots=list(view.private))
    return argv, config


@functools.lru_cache(maxsize=1)
def _probe() -> tuple[bool, str]:
    if shutil.which("bwrap") is None:
        return False, "bubblewrap (bwrap) is not installed"
    try:
        argv, _ = build_argv(WorkerSpec(submission=os.devnull, module="probe", entry_points=()))
        cut = argv.index(_interpreter())
        probe = [*argv[:cut], _interpreter(), "-I", "-S", "-c", "import os; print(os.getuid())"]
        result = subprocess.run(probe, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bwrap cannot start: {exc}"
    if result.returncode != 0 or result.stdout.strip() != str(SANDBOX_UID):
        reason = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return False, f"bwrap does not work here: {reason}"
    return True, "bubblewrap works"


class BwrapSandbox:
    name = "bwrap"

    def available(self) -> tuple[bool, str]:
        return _probe()

    def start(self, spec: WorkerSpec) -> WorkerProcess:
        argv, config = build_argv(spec)
        return WorkerProcess(argv, {}, config, spec, "/", signals_as_exit_codes=True)  # bwrap's init in between

    def cleanup(self, worker: WorkerProcess) -> None:
        worker.kill()
