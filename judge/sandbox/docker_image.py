"""The worker image of the `docker` sandbox: `judge image build`, and an offline base made from the host.

The image holds the interpreter, msgpack, numpy and the judge's worker modules only (see the repository's
`Dockerfile`), built from a context of exactly those files; its `judge.digest` label identifies them, so the
backend (`judge.sandbox.docker`) refuses an image out of date with this judge. `--local-base` first makes a
base image without any registry: a root file system of the host's own interpreter, its stdlib and their shared
libraries, `docker import`ed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from judge import __version__
from judge.sandbox.base import WORKER_MODULES

if TYPE_CHECKING:
    import tarfile

IMAGE = f"judge-worker:{__version__}"
LOCAL_BASE = "judge-base:local"
SITE_PACKAGES = ("msgpack", "numpy")
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
    from judge.sandbox.docker import _probe  # the backend imports this module: import it here, not at the top

    _probe.cache_clear()  # the backend probes this image again
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
