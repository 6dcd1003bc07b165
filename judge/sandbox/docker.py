"""The `docker` sandbox: one hardened container per submission, from the image `judge image build` makes.

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
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from judge import __version__
from judge.sandbox.base import (
    BOOT,
    SITE,
    WORKER_MODULES,
    WorkerProcess,
    WorkerSpec,
    worker_config,
    worker_environment,
)

if TYPE_CHECKING:
    import tarfile

IMAGE = f"judge-worker:{__version__}"
LOCAL_BASE = "judge-base:local"
WORKDIR = "/tmp"
SANDBOX_USER = "65534:65534"
TMPFS_OPTIONS = "rw,nosuid,nodev,noexec,size=64m,mode=1777"
TMPFS_MB = 64
MEMORY_HEADROOM_MB = 64  # the interpreter around the limited address space, docker-init, page cache
PIDS_LIMIT = 64
NANO_CPUS = 1_000_000_000  # one CPU
SITE_PACKAGES = ("msgpack", "numpy")
OWNER_LABEL = "judge.owner"
CLI_VARIABLES = ("PATH", "HOME", "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_CERT_PATH",
                 "DOCKER_TLS_VERIFY", "DOCKER_API_VERSION")
LOCAL_BASE_EXCLUDED = frozenset({"site-packages", "dist-packages", "test", "tests", "idlelib", "tkinter",
                                 "turtledemo", "ensurepip", "lib2to3"})


class DockerError(Exception):
    """Docker cannot do what was asked; the message is one line for the user."""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines() or [type(exc).__name__])[0][:300]


def python_version() -> str:
    return "{}.{}".format(*sys.version_info[:2])


def connect(timeout: int = 60):
    """A docker SDK client for a daemon that answers, or DockerError with one clear line."""
    try:
        import docker
    except ImportError:
        raise DockerError("the docker SDK for Python is not installed (pip install 'docker>=7')") from None
    try:
        client = docker.from_env(timeout=timeout)
        client.ping()
    except Exception as exc:
        raise DockerError(f"no Docker daemon is reachable ({_first_line(exc)}); start dockerd or set DOCKER_HOST")\
            from None
    return client


@functools.lru_cache(maxsize=1)
def _shared_client():
    return connect()


def _owner() -> str:
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"


# -- the image ----------------------------------------------------------------------------------------------

def _site_sources() -> list[tuple[Path, str]]:
    """(host path, path under site/) of everything the worker image carries besides the interpreter."""
    import judge

    package = Path(judge.__file__).resolve().parent
    sources = [(package / name, f"judge/{name}") for name in WORKER_MODULES]
    for name in SITE_PACKAGES:
        pkg = Path(__import__(name).__file__).resolve().parent
        sources.append((pkg, name))
        libs = pkg.with_name(pkg.name + ".libs")
        if libs.is_dir():
            sources.append((libs, libs.name))
    return sources


def site_digest() -> str:
    """Identifies the worker modules and package versions an image must hold to talk to this judge."""
    import hashlib

    import msgpack
    import numpy

    digest = hashlib.sha256(f"{python_version()} msgpack {msgpack.version} numpy {numpy.__version__}".encode())
    for path, name in _site_sources():
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def dockerfile() -> Path:
    from judge.problems import data_root

    for candidate in (data_root() / "Dockerfile", Path(__file__).resolve().parents[2] / "Dockerfile"):
        if candidate.is_file():
            return candidate
    raise DockerError("the worker image's Dockerfile is missing from this installation")


def prepare_context(directory: Path) -> Path:
    """Fill `directory` with the build context: the Dockerfile and `site/` (never problems or tests)."""
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(dockerfile(), directory / "Dockerfile")
    site = directory / "site"
    for path, name in _site_sources():
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            shutil.copytree(path, target, ignore=shutil.ignore_patterns("tests"), dirs_exist_ok=True)
        else:
            shutil.copyfile(path, target)
    for root, dirs, files in os.walk(directory):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
        for name in files:
            path = os.path.join(root, name)
            os.chmod(path, 0o755 if os.stat(path).st_mode & 0o111 else 0o644)
    return directory


def _log_build(stream: Iterable[dict], log: Callable[[str], None]) -> None:
    """Pass the build's log lines on; a failure raises with its cause (the failed step's last line)."""
    import re

    last = ""
    for chunk in stream:
        if "error" in chunk:
            error = _first_line(Exception(chunk["error"]))
            if error.startswith("The command") and last:  # a RUN step failed: its own output says why
                error = last
            raise DockerError(f"the image build failed: {error}")
        text = re.sub(r"\x1b\[[0-9;]*m", "", chunk.get("stream") or chunk.get("status") or "")
        for line in text.rstrip("\n").splitlines():
            if line.strip():
                log(line)
                if not line.startswith((" --->", "Removing intermediate container")):
                    last = line.strip()


def _image_id(client, tag: str) -> str | None:
    try:
        return client.images.get(tag).id
    except Exception:
        return None


def _drop_replaced(client, old_id: str | None, tag: str) -> None:
    """Remove the image a rebuild replaced (it would linger untagged); one still in use stays."""
    if old_id and old_id != _image_id(client, tag):
        with contextlib.suppress(Exception):
            client.images.remove(old_id)


def build_image(base_image: str | None = None, local_base: bool = False,
                log: Callable[[str], None] = print) -> str:
    """Build the worker image (tag IMAGE) and return its tag; `local_base` first makes an offline base."""
    client = connect(timeout=900)
    replaced_base = None
    if local_base:
        replaced_base = _image_id(client, LOCAL_BASE)
        base_image = make_local_base(client, log=log, drop_replaced=False)  # the old worker still uses it
    base_image = base_image or f"python:{python_version()}-slim"
    log(f"building {IMAGE} from {base_image}")
    replaced = _image_id(client, IMAGE)
    with tempfile.TemporaryDirectory(prefix="judge-docker-context-") as tmp:
        context = prepare_context(Path(tmp))
        args = {"BASE_IMAGE": base_image, "JUDGE_PYTHON": python_version(), "JUDGE_DIGEST": site_digest()}
        try:
            stream = client.api.build(path=str(context), tag=IMAGE, buildargs=args, rm=True, forcerm=True,
                                      decode=True, pull=False)
            _log_build(stream, log)
        except DockerError as exc:
            unreachable = any(word in str(exc) for word in ("registry", "dial tcp", "pull access", "manifest"))
            hint = " (no registry reachable? try --local-base)" if unreachable and not local_base else ""
            raise DockerError(f"{exc}{hint}") from None
        except Exception as exc:
            raise DockerError(f"the image build failed: {_first_line(exc)}") from None
    _drop_replaced(client, replaced, IMAGE)
    if local_base:
        _drop_replaced(client, replaced_base, LOCAL_BASE)
    _probe.cache_clear()
    log(f"built {IMAGE}")
    return IMAGE


# -- an offline base image from the host's own interpreter ---------------------------------------------------

def matching_host_python() -> str:
    """An interpreter of the judge's minor version with a system layout (Debian's), else the judge's own."""
    candidate = f"/usr/bin/python{python_version()}"
    return candidate if os.access(candidate, os.X_OK) else os.path.realpath(sys.executable)


def _interpreter_layout(python: str) -> dict:
    code = ("import json, os, sys, sysconfig; paths = sysconfig.get_paths(); print(json.dumps({"
            "'executable': os.path.realpath(sys.executable), 'stdlib': paths['stdlib'], "
            "'platstdlib': paths['platstdlib'], 'version': '%d.%d' % sys.version_info[:2]}))")
    result = subprocess.run([python, "-I", "-S", "-c", code], capture_output=True, text=True, timeout=60,
                            check=False)
    if result.returncode != 0:
        raise DockerError(f"cannot run {python}: {(result.stderr.strip().splitlines() or ['no output'])[-1]}")
    layout = json.loads(result.stdout)
    if layout["version"] != python_version():
        raise DockerError(f"{python} is Python {layout['version']}, the judge runs {python_version()}: "
                          "the offline base needs an interpreter of the same minor version")
    return layout


def shared_libraries(binaries: Iterable[str]) -> set[str]:
    """The closure of shared libraries (and the dynamic loader) the binaries need, by `ldd`."""
    binaries = sorted(set(binaries))
    if shutil.which("ldd") is None:
        raise DockerError("ldd is needed to find the interpreter's shared libraries")
    found: set[str] = set()
    for start in range(0, len(binaries), 200):
        result = subprocess.run(["ldd", *binaries[start:start + 200]], capture_output=True, text=True,
                                timeout=120, check=False)
        for raw in result.stdout.splitlines():
            line = raw.strip()
            path = line.split("=>", 1)[1].strip() if "=>" in line else line
            path = path.split(" (", 1)[0].strip()
            if path.startswith("/") and os.path.exists(path):
                found.add(path)
    return found


class _RootFs:
    """A tarball of host paths kept at their own paths, their symlinked components included."""

    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar
        self.done: set[str] = set()

    @staticmethod
    def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        if info.isdir():
            info.mode |= 0o755
        elif info.isfile():
            info.mode = (info.mode | 0o444) & ~0o6022  # readable by the sandbox user, never setuid/writable
        return info

    def entry(self, path: str) -> None:
        if path in self.done or path == "/":
            return
        self.done.add(path)
        self.tar.add(path, arcname=path.lstrip("/"), recursive=False, filter=self._normalise)

    def add(self, path: str) -> None:
        """Add one host path, the directories above it, and every symlink on the way to the real file."""
        parts = [p for p in os.path.normpath(path).split("/") if p]
        current = "/"
        for index, part in enumerate(parts):
            current = os.path.join(current, part)
            if os.path.islink(current):
                self.entry(current)
                self.add(os.path.join(os.path.realpath(current), *parts[index + 1:]))
                return
            self.entry(current)

    def add_tree(self, root: str, excluded: frozenset[str]) -> None:
        self.add(root)
        for directory, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in excluded and not d.startswith("config-"))
            for name in [*dirs, *sorted(files)]:
                self.entry(os.path.join(directory, name))

    def synthetic(self, path: str, data: bytes | None = None, mode: int = 0o644, link: str | None = None,
                  directory: bool = False) -> None:
        import io
        import tarfile

        info = tarfile.TarInfo(path.lstrip("/"))
        info.mode = mode
        if link is not None:
            info.type, info.linkname = tarfile.SYMTYPE, link
        elif directory:
            info.type = tarfile.DIRTYPE
        else:
            info.size = len(data or b"")
        self.done.add(path)
        self.tar.addfile(info, None if data is None else io.BytesIO(data))


def local_base_tarball(python: str, destination: str) -> str:
    """Write a root file system tarball: the interpreter, its stdlib and their shared libraries."""
    import tarfile

    layout = _interpreter_layout(python)
    trees = sorted({os.path.realpath(layout["stdlib"]), os.path.realpath(layout["platstdlib"])})
    binaries = [layout["executable"]]
    for tree in trees:
        for directory, dirs, files in os.walk(tree):
            dirs[:] = [d for d in dirs if d not in LOCAL_BASE_EXCLUDED]
            binaries += [os.path.join(directory, f) for f in files if ".so" in f]
    for path, _name in _site_sources():  # numpy's and msgpack's extensions need their libraries too
        if path.is_dir():
            binaries += [str(p) for p in path.rglob("*.so*") if p.is_file()]
    path = os.path.join(destination, "judge-base.tar")
    with tarfile.open(path, "w") as tar:
        rootfs = _RootFs(tar)
        for directory in ("/etc", "/usr", "/usr/bin", "/opt"):
            rootfs.synthetic(directory, mode=0o755, directory=True)
        rootfs.synthetic("/tmp", mode=0o1777, directory=True)
        rootfs.synthetic("/etc/passwd", b"root:x:0:0:root:/root:/nonexistent\n"
                                        b"nobody:x:65534:65534:nobody:/nonexistent:/nonexistent\n")
        rootfs.synthetic("/etc/group", b"root:x:0:\nnogroup:x:65534:\n")
        for tree in trees:
            rootfs.add_tree(tree, LOCAL_BASE_EXCLUDED)
        for library in sorted(shared_libraries(binaries)):
            rootfs.add(library)
        rootfs.add(layout["executable"])
        if "/usr/bin/python3" not in rootfs.done:
            rootfs.synthetic("/usr/bin/python3", link=layout["executable"], mode=0o777)
    return path


def make_local_base(client=None, python: str | None = None, tag: str = LOCAL_BASE,
                    log: Callable[[str], None] = print, drop_replaced: bool = True) -> str:
    """`docker import` a base image made offline from the host's interpreter; return its tag."""
    client = client or connect(timeout=900)
    python = python or matching_host_python()
    log(f"making the offline base image {tag} from {python}")
    with tempfile.TemporaryDirectory(prefix="judge-base-") as tmp:
        tarball = local_base_tarball(python, tmp)
        log(f"importing a {os.path.getsize(tarball) >> 20} MiB root file system")
        repository, _, version = tag.partition(":")
        replaced = _image_id(client, tag)
        try:
            client.api.import_image(src=tarball, repository=repository, tag=version or "latest",
                                    changes=["ENV PATH=/usr/local/bin:/usr/bin:/bin", "ENV LANG=C.UTF-8",
                                             'CMD ["python3"]'])
        except Exception as exc:
            raise DockerError(f"docker import failed: {_first_line(exc)}") from None
        if drop_replaced:
            _drop_replaced(client, replaced, tag)
    log(f"made {tag}")
    return tag


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
