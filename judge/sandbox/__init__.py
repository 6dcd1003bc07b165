"""Sandbox backends, one module each behind the `Sandbox` protocol of `base`."""

from __future__ import annotations

from judge.sandbox.base import Sandbox
from judge.sandbox.bwrap import BwrapSandbox
from judge.sandbox.docker import DockerSandbox
from judge.sandbox.process import ProcessSandbox

BACKENDS: dict[str, type] = {"process": ProcessSandbox, "bwrap": BwrapSandbox, "docker": DockerSandbox}
AUTO_ORDER = ("bwrap", "process")  # what `auto` tries, strongest first; docker only when asked for by name
CHOICES = ("auto", *BACKENDS)


class SandboxUnavailable(Exception):
    """The requested backend cannot run on this machine."""


def fallback_note() -> str | None:
    """Why `auto` cannot use the strongest backend here (one line), or None when it can."""
    usable, why = BwrapSandbox().available()
    return None if usable else f"warning: using the process sandbox ({why})"


def get_sandbox(name: str = "auto") -> Sandbox:
    """The named backend, or for `auto` the strongest one that is usable here."""
    if name == "auto":
        for candidate in AUTO_ORDER:
            backend = BACKENDS[candidate]()
            if backend.available()[0]:
                return backend
        raise SandboxUnavailable("no sandbox backend is usable on this machine")
    if name not in BACKENDS:
        raise SandboxUnavailable(f"unknown sandbox {name!r}; choose from {', '.join(CHOICES)}")
    backend = BACKENDS[name]()
    usable, why = backend.available()
    if not usable:
        raise SandboxUnavailable(f"sandbox {name!r} is not usable here: {why}")
    return backend
