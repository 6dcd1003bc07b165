"""The file-system view of a worker: one allow-list of what it may read, the same for every backend and install.

A worker needs the interpreter's standard library (with `lib-dynload`), msgpack, the packages a problem
preloads (numpy) and the judge's worker modules -- nothing else. Where Python keeps those differs by
install: a system interpreter, a virtual environment (whose `platstdlib` is the venv's own `lib/python3.X`,
site-packages included), pipx, conda, pyenv, Debian's `dist-packages`. So the view is computed from what the
running interpreter says, in three lists:

- `stdlib`: the standard library directories (real paths), readable;
- `packages`: the real directories of the named packages (and their vendored `.libs`), readable;
- `private`: every directory that may hold installed packages or the judge's own files (every site- and
  dist-packages directory this interpreter or its base knows of, every other `sys.path` entry, the judge
  package, the problems and references of every catalog, the repository's tests). A backend that binds a
  tree holding one of them covers it; the worker's audit hook refuses it (the longest matching root wins, so
  numpy inside a private site-packages stays readable while its neighbours do not).
"""

from __future__ import annotations

import glob
import os
import site
import sys
import sysconfig
from dataclasses import dataclass

_PACKAGE_DIR_PATTERNS = (
    "lib/python3*/site-packages",
    "lib/python3*/dist-packages",
    "lib/python3/dist-packages",
    "local/lib/python3*/site-packages",
    "local/lib/python3*/dist-packages",
    "lib64/python3*/site-packages",
)


@dataclass(frozen=True)
class FileView:
    """What a worker may read (`stdlib`, `packages`) and what must stay out of its sight (`private`)."""

    stdlib: tuple[str, ...]
    packages: tuple[tuple[str, str], ...]  # (real host directory, its name in the worker's site view)
    private: tuple[str, ...]

    @property
    def readable(self) -> tuple[str, ...]:
        return (*self.stdlib, *(host for host, _ in self.packages))


def _real(path: str) -> str:
    return os.path.realpath(path)


def stdlib_dirs() -> tuple[str, ...]:
    """The standard library and its compiled modules, wherever this interpreter keeps them (never site-packages)."""
    found = [_real(os.path.dirname(os.__file__))]
    for entry in sys.path:
        if entry and os.path.basename(entry.rstrip("/")) == "lib-dynload" and os.path.isdir(entry):
            found.append(_real(entry))
    dynload = sysconfig.get_config_var("DESTSHARED")
    if dynload and os.path.isdir(dynload):
        found.append(_real(dynload))
    return tuple(dict.fromkeys(found))


def package_dirs(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(real directory, name) of installed packages and their vendored libraries (`numpy.libs`)."""
    pairs: list[tuple[str, str]] = []
    for name in names:
        module = __import__(name)
        directory = os.path.dirname(_real(module.__file__))
        pairs.append((directory, name))
        if os.path.isdir(directory + ".libs"):
            pairs.append((directory + ".libs", f"{name}.libs"))
    return tuple(dict.fromkeys(pairs))


def _install_roots() -> set[str]:
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, "/usr", "/usr/local"}
    conda = os.environ.get("CONDA_PREFIX")
    if conda:
        roots.add(conda)
    return {_real(r) for r in roots if r}


def package_locations() -> set[str]:
    """Every directory this interpreter (or its base installation) may import third-party code from."""
    found: set[str] = set()
    with_site = [*getattr(site, "getsitepackages", list)(), site.getusersitepackages()]
    for scheme_path in ("purelib", "platlib"):
        with_site.append(sysconfig.get_paths()[scheme_path])
        with_site.append(sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})
                         [scheme_path])
    for root in _install_roots():
        for pattern in _PACKAGE_DIR_PATTERNS:
            with_site.extend(glob.glob(os.path.join(root, pattern)))
    stdlib = stdlib_dirs()
    for entry in sys.path:
        if entry and os.path.isdir(entry) and _real(entry) not in stdlib:
            with_site.append(entry)
    for path in with_site:
        if path and os.path.isdir(path):
            found.add(_real(path))
    return found


def judge_private_paths() -> set[str]:
    """The judge's own files: package, problems and references of every catalog, the repository's tests."""
    import judge
    from judge import problems

    package = os.path.dirname(_real(judge.__file__))
    paths = {package}
    for root in problems.catalog_roots():
        for sub in ("problems", "solutions"):
            if (root / sub).is_dir():
                paths.add(_real(str(root / sub)))
    repo_tests = os.path.join(os.path.dirname(package), "tests")
    if os.path.isdir(repo_tests):
        paths.add(_real(repo_tests))
    return paths


def _is_ancestor_or_same(path: str, of: str) -> bool:
    return of == path or of.startswith(path.rstrip("/") + "/")


def file_view(preload: tuple[str, ...] = ()) -> FileView:
    """The view for a worker that loads msgpack and `preload`; private paths never include the stdlib itself."""
    stdlib = stdlib_dirs()
    packages = package_dirs(("msgpack", *preload))
    private = package_locations() | judge_private_paths()
    # a private path may not swallow what the interpreter runs from: a sys.path entry may be "/", a prefix, or
    # the directory of the `judge` script, which is also the interpreter's
    needed = [*stdlib, os.path.dirname(_real(sys.executable)), _real(sysconfig.get_config_var("LIBDIR") or "/")]
    kept = sorted(p for p in private if not any(_is_ancestor_or_same(p, n) for n in needed))
    return FileView(stdlib=stdlib, packages=packages, private=tuple(kept))


def within(path: str, roots: tuple[str, ...]) -> bool:
    return any(_is_ancestor_or_same(root, path) for root in roots)


def covered(view: FileView, trees: tuple[str, ...]) -> list[str]:
    """The private paths that lie inside `trees` (what a backend binding those trees must cover), outermost only."""
    inside = sorted(p for p in view.private if within(p, trees))
    outermost: list[str] = []
    for path in inside:
        if not any(_is_ancestor_or_same(kept, path) for kept in outermost):
            outermost.append(path)
    return outermost
