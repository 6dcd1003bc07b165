"""Forbidden names at run time, inside the worker (the static scan in `staticcheck` comes first).

A name hidden only from the source text is one `getattr(builtins, "sor" + "ted")` away, so the worker also
takes the forbidden things out of its own process before the submission is imported:

- a forbidden builtin (`sorted`) is replaced in `builtins` by a stand-in that raises; the three the import
  system itself calls (`eval`, `exec`, `compile`) stay, and their audit events are refused when the
  submission's own code makes the call (the frame that called the builtin is the submission's);
- a forbidden module (`heapq`) is blocked under every name that loads it -- itself, its submodules, its C
  accelerator (`_heapq`) and pure twin (`_pyheapq`) -- whatever the route (`import`, `__import__`,
  `importlib.import_module`): a finder first on `sys.meta_path` refuses them, the audit hook refuses the import
  event, and cached copies are dropped from `sys.modules`;
- a forbidden attribute of a module (`math.fsum`, `numpy.linalg.inv`, `sys.setrecursionlimit`) is replaced, in
  every loaded module that holds the same object, by a stand-in that raises;
- a forbidden method of a built-in type (`list.sort`) cannot be taken off the type: `getattr` refuses the name
  on instances and subclasses of that type, and the static scan refuses the attribute and computed reflection.
  A call through a reference obtained otherwise is not caught at run time (a profiler hook would catch it at a
  cost far above the 5% the performance groups allow).

Imports only the standard library: it runs inside the sandbox.
"""

from __future__ import annotations

import builtins
import importlib.abc
import os
import sys
from typing import Any

AUDITED_BUILTINS = {"eval": "exec", "exec": "exec", "compile": "compile"}  # name -> the audit event it raises
MODULE_ALIASES = {"np": "numpy"}


class ForbiddenError(PermissionError):
    """The submission reached a name the problem forbids."""


def _message(name: str) -> str:
    return f"judge: '{name}' is forbidden in this problem"


class ForbiddenStandIn:
    """Takes the place of a forbidden function in its module: calling it raises ForbiddenError."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise ForbiddenError(_message(self._name))

    def __repr__(self) -> str:
        return f"<forbidden {self._name}>"


def module_variants(name: str) -> set[str]:
    """The names under which a module's code can be loaded: itself, its C accelerator and its pure twin."""
    return {name, f"_{name}", f"_py{name}"}


class _BlockingFinder(importlib.abc.MetaPathFinder):
    """First on sys.meta_path: refuses blocked modules however the import was asked for."""

    def __init__(self, blocked: frozenset[str]) -> None:
        self.blocked = blocked

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        if fullname.partition(".")[0] in self.blocked:
            raise ImportError(_message(fullname), name=fullname)


class Forbidder:
    """Applies one problem's forbidden names to this process; `check_event` is called by the audit hook."""

    def __init__(self, forbidden: list[str], submission_file: str) -> None:
        self.submission_file = os.path.realpath(submission_file)
        bare = [f for f in forbidden if "." not in f]
        self.builtins = {f for f in bare if hasattr(builtins, f)}
        self.audited = {AUDITED_BUILTINS[f]: f for f in self.builtins if f in AUDITED_BUILTINS}
        modules = [f for f in bare if f not in self.builtins]
        self.blocked_modules = frozenset(v for m in modules for v in module_variants(MODULE_ALIASES.get(m, m)))
        self.dotted = [f for f in forbidden if "." in f]
        self.type_attributes: dict[str, tuple[type, ...]] = {}

    def install(self) -> None:
        """Run after the judge's own imports and before the submission's."""
        for name in self.builtins - set(AUDITED_BUILTINS):
            setattr(builtins, name, ForbiddenStandIn(name))  # the real one is no longer referenced anywhere
        for name in list(sys.modules):
            if name.partition(".")[0] in self.blocked_modules:
                del sys.modules[name]
        if self.blocked_modules:
            sys.meta_path.insert(0, _BlockingFinder(self.blocked_modules))
        for dotted in self.dotted:
            self._forbid_attribute(dotted)
        if self.type_attributes:
            builtins.getattr = self._checked_getattr(builtins.getattr)

    def _forbid_attribute(self, dotted: str) -> None:
        head, _, attribute = dotted.rpartition(".")
        head = ".".join(MODULE_ALIASES.get(part, part) if i == 0 else part for i, part in enumerate(head.split(".")))
        owner = getattr(builtins, head, None) if "." not in head else None
        if isinstance(owner, type):
            self.type_attributes.setdefault(attribute, ())
            self.type_attributes[attribute] += (owner,)
            return
        module = sys.modules.get(head)
        if module is None:
            return  # not loaded in the worker: an import of it is a plain import, and the static scan refuses it
        target = getattr(module, attribute, None)
        if target is None:
            return
        stand_in = ForbiddenStandIn(dotted)
        for loaded in list(sys.modules.values()):
            namespace = getattr(loaded, "__dict__", None)
            if not isinstance(namespace, dict):
                continue
            for key, value in list(namespace.items()):
                if value is target:
                    namespace[key] = stand_in

    def _checked_getattr(self, real_getattr: Any) -> Any:
        refused = self.type_attributes

        def getattr(obj: Any, name: str, *default: Any) -> Any:  # replaces the builtin
            owners = refused.get(name) if isinstance(name, str) else None
            if owners and (isinstance(obj, owners) or (isinstance(obj, type) and issubclass(obj, owners))):
                raise ForbiddenError(_message(f"{owners[0].__name__}.{name}"))
            return real_getattr(obj, name, *default)

        return getattr

    def check_import(self, module: str) -> None:
        if module.partition(".")[0] in self.blocked_modules:
            raise ImportError(_message(module))

    def check_event(self, event: str) -> None:
        """Refuse eval/exec/compile when the code that called the builtin is the submission's."""
        name = self.audited.get(event)
        if name is None:
            return
        caller = sys._getframe(2)  # 0: this method, 1: the audit hook, 2: the code that called the builtin
        if caller is not None and os.path.realpath(caller.f_code.co_filename) == self.submission_file:
            raise ForbiddenError(_message(name))
