"""Confinement a worker started as root applies to itself before it imports the submission.

A private mount and network namespace (no network interface but a downed loopback), the judge's own
files (problems, references, other submissions, the judge package) covered by empty read-only tmpfs
mounts, directories that only root may traverse (a pyenv under /root, say) replaced by a tmpfs that
holds only the paths the interpreter needs, then an unprivileged uid/gid with no supplementary groups
and no way to regain privileges. Runs inside the worker, before the audit hook is armed.
"""

from __future__ import annotations

import ctypes
import os
import stat

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
PR_SET_NO_NEW_PRIVS = 38

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    enc = [None if s is None else os.fsencode(s) for s in (source, target, fstype, data)]
    _check(_libc.mount(enc[0], enc[1], enc[2], ctypes.c_ulong(flags), enc[3]), f"mount {target}")


def _ancestors(path: str) -> list[str]:
    parts = os.path.realpath(path).strip("/").split("/")
    return ["/" + "/".join(parts[: i + 1]) for i in range(len(parts)) if parts[0]]


def _traversable_by_others(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True
    return not stat.S_ISDIR(mode) or bool(mode & stat.S_IXOTH)


def _open_private_dirs(required: list[str]) -> None:
    """Make every required path reachable for an unprivileged uid, hiding what else the blocking dirs hold.

    For each ancestor that others may not traverse: remember the child on the way, cover the ancestor
    with a 0711 tmpfs, recreate the child in it and bind the original child back.
    """
    covered: set[str] = set()
    for path in required:
        chain = _ancestors(path)
        for i, ancestor in enumerate(chain[:-1]):
            if ancestor in covered or _traversable_by_others(ancestor):
                continue
            keep = chain[i + 1]
            saved = os.open(keep, os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)
            _mount("tmpfs", ancestor, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0711,size=64k")
            covered.add(ancestor)
            os.mkdir(keep)
            _mount(f"/proc/self/fd/{saved}", keep, None, MS_BIND | MS_REC, None)
            os.close(saved)


def _cover_keeping(path: str, keep: list[str]) -> None:
    """Cover `path` with an empty tmpfs, then bind back the `keep` paths inside it (numpy in site-packages)."""
    saved = [(k, os.open(k, os.O_PATH | os.O_CLOEXEC)) for k in keep if os.path.exists(k)]
    _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=64k")
    for target, fd in saved:
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            os.makedirs(target, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o644))
        _mount(f"/proc/self/fd/{fd}", target, None, MS_BIND | MS_REC, None)
        os.close(fd)


def _hide(paths: list[str], required: list[str]) -> None:
    """Cover every hidden directory; one that holds required paths is covered too, with those bound back."""
    required = [os.path.realpath(r) for r in required]
    for path in sorted({os.path.realpath(p) for p in paths}, key=len):
        if not os.path.isdir(path) or any(r == path or path.startswith(r + "/") for r in required):
            continue  # a hidden path inside a required one (a package's own folder) is left as it is
        keep = [r for r in required if r.startswith(path + "/")]
        if keep:
            _cover_keeping(path, keep)
        else:
            _mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0555,size=4k")


def _size_limited_workdir(workdir: str, submission: str, size: int, uid: int, gid: int) -> None:
    """Cover the working directory with a tmpfs of `size` bytes (the disk a submission may fill, as under bwrap
    and docker) and put the submission's copy back into it."""
    with open(submission, "rb") as fh:
        source = fh.read()
    _mount("tmpfs", workdir, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode=0700,uid={uid},gid={gid}")
    with open(submission, "wb") as fh:
        fh.write(source)
    os.chmod(submission, 0o644)
    os.chown(submission, uid, gid)


def enter(config: dict) -> None:
    """Namespaces, hidden paths, then drop to the configured unprivileged uid/gid."""
    _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWNET), "unshare")
    _mount(None, "/", None, MS_REC | MS_PRIVATE, None)
    required = [*config["readable_roots"], config["workdir"]]
    _open_private_dirs(required)
    _hide(list(config.get("hidden_paths", ())), required)
    uid, gid = int(config["uid"]), int(config["gid"])
    if config.get("workdir_bytes"):
        _size_limited_workdir(config["workdir"], config["submission"], int(config["workdir_bytes"]), uid, gid)
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(NO_NEW_PRIVS)")
