"""The `docker` sandbox: one hardened container per submission, from the image `judge image build` makes
(`judge.sandbox.docker_image`).

The container (created with the docker SDK for Python) has no network (`network_mode="none"`), a read-only
root file system with a private size-limited tmpfs `/tmp` as the working directory, a memory limit equal to
its memory+swap limit, a pids limit, one CPU, every capability dropped, `no-new-privileges`, a non-root
user, an init process (`docker-init`) and no logging. Its image holds the interpreter, msgpack, numpy and
the judge's worker modules only (see the repository's `Dockerfile`): the problems, hidden tests, references
and other submissions are not in it. The submission is a private read-only copy bind-mounted at
`/tmp/<module>.py`. Inside, the worker applies the same rlimits and audit hook as under the other backends.

Why the docker CLI appears once: a container cannot inherit the two extra pipe fds the other backends hand
their worker, so here the worker talks over its stdin/stdout (`stdio_transport`) and its own output goes to
stderr. Everything about the container -- creating it with every limit, inspecting, listing, killing and
removing it -- goes through the SDK; only the attached I/O is `docker start --attach --interactive NAME`, a
child process with three ordinary pipes, so `WorkerProcess` (framing, deadlines, output limits) stays the
same for every backend. The SDK's attach socket would multiplex stdout and stderr over one socket and need
a demultiplexing thread between it and the judge's pipes: more code for the same bytes.

Containers are named `judge-<random>` and labelled with the judge's host and pid; they are removed when the
worker is killed or cleaned up, at interpreter exit, and -- should a judge die without cleaning up -- by the
next judge that probes this backend.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import shutil
import tempfile
import threading

from judge.sandbox.base import (
    BOOT,
    SITE,
    WorkerProcess,
    WorkerSpec,
    worker_config,
    worker_environment,
)
from judge.sandbox.docker_image import IMAGE, DockerError, connect, site_digest

WORKDIR = "/tmp"
SANDBOX_USER = "65534:65534"
TMPFS_OPTIONS = "rw,nosuid,nodev,noexec,size=64m,mode=1777"
TMPFS_MB = 64
MEMORY_HEADROOM_MB = 64  # the interpreter around the limited address space, docker-init, page cache
PIDS_LIMIT = 64
NANO_CPUS = 1_000_000_000  # one CPU
OWNER_LABEL = "judge.owner"
CLI_VARIABLES = ("PATH", "HOME", "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_CERT_PATH",
                 "DOCKER_TLS_VERIFY", "DOCKER_API_VERSION")


@functools.lru_cache(maxsize=1)
def _shared_client():
    return connect()


def _owner() -> str:
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"


# -- containers ---------------------------------------------------------------------------------------------

_live: set[str] = set()
_live_lock = threading.Lock()
_atexit_registered = False


def remove_container(name: str) -> None:
    """Kill and remove a container by name; a container that is already gone is fine."""
    try:
        _shared_client().api.remove_container(name, force=True)
    except Exception as exc:
        status = getattr(getattr(exc, "response", None), "status_code", None)
        if status not in (404, 409):  # gone, or its removal is already under way
            raise
    with _live_lock:
        _live.discard(name)


def _track(name: str) -> None:
    global _atexit_registered
    with _live_lock:
        if not _atexit_registered:
            atexit.register(_remove_all_live)
            _atexit_registered = True
        _live.add(name)


def _remove_all_live() -> None:
    for name in list(_live):
        with contextlib.suppress(Exception):
            remove_container(name)


def _sweep_abandoned(client) -> None:
    """Remove containers left by judges of this host that died without cleaning up."""
    import socket

    host = socket.gethostname()
    for container in client.api.containers(all=True, filters={"label": OWNER_LABEL}):
        owner_host, _, pid = (container.get("Labels") or {}).get(OWNER_LABEL, "").rpartition(":")
        if owner_host == host and pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
            with contextlib.suppress(Exception):
                client.api.remove_container(container["Id"], force=True)


def container_pids(name: str) -> list[int]:
    """Host pids of the processes in a running container (for tests)."""
    top = _shared_client().api.top(name)
    column = top["Titles"].index("PID")
    return [int(row[column]) for row in top["Processes"]]


@functools.lru_cache(maxsize=1)
def _probe() -> tuple[bool, str]:
    if shutil.which("docker") is None:
        return False, "the docker command line client is not installed (it attaches to the worker)"
    try:
        client = _shared_client()
    except DockerError as exc:
        _shared_client.cache_clear()
        return False, str(exc)
    try:
        image = client.images.get(IMAGE)
    except Exception:
        return False, f"the worker image {IMAGE} is not built; run `judge image build` (or --local-base offline)"
    labels = image.labels or {}
    if labels.get("judge.digest") != site_digest():
        return False, f"the worker image {IMAGE} is out of date with this judge; run `judge image build` again"
    with contextlib.suppress(Exception):
        _sweep_abandoned(client)
    return True, f"docker daemon {client.version().get('Version', '?')}, image {IMAGE}"


class DockerWorker(WorkerProcess):
    """A worker in a container, attached through `docker start -ai`; killing it removes the container."""

    def __init__(self, container: str, tmpdir: str, argv: list[str], env: dict, spec: WorkerSpec) -> None:
        self.container = container
        self.tmpdir = tmpdir
        super().__init__(argv, env, None, spec, "/", stdio_transport=True, signals_as_exit_codes=True)
        self.stderr.quiet_s = 0.05  # the attach relays stderr and the answers separately

    def kill(self) -> None:
        if self.alive:
            with contextlib.suppress(Exception):
                remove_container(self.container)
        super().kill()


class DockerSandbox:
    name = "docker"

    def available(self) -> tuple[bool, str]:
        return _probe()

    @staticmethod
    def environment() -> dict[str, str]:
        env = worker_environment(WORKDIR, path="/usr/local/bin:/usr/bin:/bin")
        return env

    def create(self, spec: WorkerSpec, name: str, submission_copy: str) -> None:
        """Create (not start) the container for one submission, with every limit."""
        from docker.types import LogConfig

        client = _shared_client()
        target = f"{WORKDIR}/{spec.module}.py"
        env = self.environment()
        config = worker_config(spec, boot_paths=[SITE], readable_roots=[SITE], workdir=WORKDIR, submission=target,
                               stdio_transport=True, stdlib_readable=True, environ=env)
        memory = f"{spec.memory_mb + TMPFS_MB + MEMORY_HEADROOM_MB}m"
        host_config = client.api.create_host_config(
            network_mode="none",
            read_only=True,
            tmpfs={WORKDIR: TMPFS_OPTIONS},
            binds={submission_copy: {"bind": target, "mode": "ro"}},
            mem_limit=memory,
            memswap_limit=memory,
            pids_limit=PIDS_LIMIT * (2 if spec.allow_processes else 1),
            nano_cpus=NANO_CPUS,
            cap_drop=["ALL"],
            security_opt=["no-new-privileges"],
            init=True,
            ipc_mode="private",
            log_config=LogConfig(type=LogConfig.types.NONE),
        )
        client.api.create_container(
            IMAGE, command=["python3", "-I", "-S", "-B", "-c", BOOT, json.dumps(config)], name=name,
            user=SANDBOX_USER, hostname="judge", working_dir=WORKDIR, environment=env, stdin_open=True,
            detach=False, labels={OWNER_LABEL: _owner()}, host_config=host_config,
        )

    def start(self, spec: WorkerSpec) -> WorkerProcess:
        import secrets

        name = f"judge-{secrets.token_hex(8)}"
        tmpdir = tempfile.mkdtemp(prefix="judge-docker-")
        try:
            copy = os.path.join(tmpdir, f"{spec.module}.py")
            shutil.copyfile(spec.submission, copy)  # a private copy: the user's file may change or be 0600
            os.chmod(copy, 0o444)
            _track(name)
            self.create(spec, name, copy)
            cli_env = {k: os.environ[k] for k in CLI_VARIABLES if k in os.environ}
            argv = [shutil.which("docker") or "docker", "start", "--attach", "--interactive", name]
            return DockerWorker(name, tmpdir, argv, cli_env, spec)
        except BaseException:
            with contextlib.suppress(Exception):
                remove_container(name)
            shutil.rmtree(tmpdir, ignore_errors=True)
            raise

    def cleanup(self, worker: WorkerProcess) -> None:
        worker.kill()
        if isinstance(worker, DockerWorker):
            if worker.container in _live:
                with contextlib.suppress(Exception):
                    remove_container(worker.container)
            shutil.rmtree(worker.tmpdir, ignore_errors=True)
