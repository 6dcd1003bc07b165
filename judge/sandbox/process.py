"""The `process` sandbox: the embedded default, available wherever Python runs.

A fresh isolated interpreter (`-I -S -B`) in a new session, an empty private working directory removed
after the run, an environment reduced to a fixed allow-list, rlimits (CPU, address space, file size,
open files, processes), an audit hook inside the worker, and -- when the judge runs as root -- private
mount and network namespaces with the judge's files hidden and an unprivileged uid/gid.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile

from judge.sandbox.base import BOOT, WorkerProcess, WorkerSpec, boot_paths, worker_config, worker_environment
from judge.sandbox.fsview import file_view

UID_RANGE = (200_000, 2_000_000_000)
WORKDIR_BYTES = 64 << 20  # as root: the working directory is a tmpfs of this size (the disk a submission may fill)


class ProcessSandbox:
    name = "process"

    def available(self) -> tuple[bool, str]:
        return True, "always available"

    def prepare_workdir(self, spec: WorkerSpec, uid: int | None) -> tuple[str, str]:
        workdir = tempfile.mkdtemp(prefix="judge-run-")
        os.chmod(workdir, 0o700)
        target = os.path.join(workdir, f"{spec.module}.py")
        shutil.copyfile(spec.submission, target)
        os.chmod(target, 0o644)
        if uid is not None:
            os.chown(workdir, uid, uid)
            os.chown(target, uid, uid)
        return workdir, target

    def start(self, spec: WorkerSpec) -> WorkerProcess:
        as_root = os.geteuid() == 0
        uid = random.SystemRandom().randrange(*UID_RANGE) if as_root else None
        workdir, target = self.prepare_workdir(spec, uid)
        view = file_view(spec.preload)
        config = worker_config(
            spec,
            boot_paths=boot_paths(spec.preload),
            readable_roots=list(view.readable),
            denied_roots=list(view.private),
            workdir=workdir,
            submission=target,
            processes=64 if spec.allow_processes else (1 if as_root else None),
            confine_as_root=as_root,
            uid=uid,
            gid=uid,
            hidden_paths=[*view.private, *spec.hidden_paths],
            workdir_bytes=WORKDIR_BYTES,
        )
        argv = [sys.executable, "-I", "-S", "-B", "-c", BOOT]
        try:
            return WorkerProcess(argv, worker_environment(workdir), config, spec, workdir, uid=uid)
        except BaseException:
            shutil.rmtree(workdir, ignore_errors=True)
            raise

    def cleanup(self, worker: WorkerProcess) -> None:
        worker.kill()
        shutil.rmtree(worker.workdir, ignore_errors=True)

