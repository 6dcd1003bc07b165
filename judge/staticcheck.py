"""The static scan run on a submission before anything executes: syntax, entry points, forbidden names.

Works on the parsed code only, so a comment or a string that mentions a forbidden name is fine.
A bare forbidden name (`sorted`, `heapq`) rejects that name, reaching it through `builtins`, and
importing it (`re.compile` is not the builtin `compile`); a dotted one (`list.sort`,
`sys.setrecursionlimit`) rejects the attribute (`.sort`) anywhere and importing the full path
(`from sys import setrecursionlimit`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class CompileProblem:
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


def _defined_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


class _ForbiddenFinder(ast.NodeVisitor):
    def __init__(self, forbidden: tuple[str, ...]) -> None:
        self.bare = {f for f in forbidden if "." not in f}
        self.attributes = {f.rsplit(".", 1)[1]: f for f in forbidden if "." in f}
        self.dotted = {f for f in forbidden if "." in f}
        self.found: CompileProblem | None = None

    def _hit(self, node: ast.AST, name: str) -> None:
        if self.found is None:
            self.found = CompileProblem(f"use of forbidden name '{name}'", getattr(node, "lineno", None))

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in self.bare:
            self._hit(node, node.id)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        through_builtins = isinstance(node.value, ast.Name) and node.value.id in ("builtins", "__builtins__")
        if node.attr in self.bare and through_builtins:
            self._hit(node, node.attr)
        elif node.attr in self.attributes:
            self._hit(node, self.attributes[node.attr])
        self.generic_visit(node)

    def _module_hit(self, node: ast.AST, module: str) -> None:
        parts = module.split(".")
        for i in range(1, len(parts) + 1):
            prefix = ".".join(parts[:i])
            if prefix in self.bare or prefix in self.dotted:
                self._hit(node, prefix)
                return

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._module_hit(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        self._module_hit(node, module)
        for alias in node.names:
            if alias.name in self.bare:
                self._hit(node, alias.name)
            full = f"{module}.{alias.name}" if module else alias.name
            if full in self.dotted:
                self._hit(node, full)


def check_source(source: str, entry_points: tuple[str, ...], forbidden: tuple[str, ...],
                 filename: str = "<submission>") -> CompileProblem | None:
    """The first reason the submission cannot be judged, or None."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        return CompileProblem(f"SyntaxError: {exc.msg}", exc.lineno)
    except ValueError as exc:  # e.g. source with NUL bytes
        return CompileProblem(f"cannot be parsed: {exc}")
    defined = _defined_names(tree)
    for name in entry_points:
        if name not in defined:
            return CompileProblem(f"missing entry point '{name}' (define it at the top level of the module)")
    finder = _ForbiddenFinder(forbidden)
    finder.visit(tree)
    return finder.found


def forbidden_modules(forbidden: tuple[str, ...]) -> tuple[str, ...]:
    """Names the worker also blocks at import time: the bare ones (`heapq`, `ast`; `sorted` is harmless)."""
    return tuple(f for f in forbidden if "." not in f)
